/**
 * tcpdump's timestamp column (ts_print): -t forms, local time through TZ, micro or nano digits.
 * The UTC offset is looked up once per 15-minute window (zone changes fall on such boundaries),
 * so printing a packet never builds a Date.
 *
 * A timestamp is what libpcap hands tcpdump: `sec` a C time_t (a pcap file's field is signed),
 * `nsec` the fraction in ns — for a damaged pcap record the file's out-of-range field as it is
 * (µs × 1000, either sign). tcpdump prints such values through C casts rather than normalising
 * them, and so does this: `(unsigned)` of the fraction, `[Error converting time]` for a second
 * count whose bit 31 is set, deltas with tcpdump's single borrow.
 */

import type { PrintContext } from './context.js';

const pad2: string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? '0' : '') + i);

const pad3: string[] = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

const TIME_ERROR = '[Error converting time]';
/** Packets whose second's text write() makes even when the second is the last one's (see write()). */
const WARM_PACKETS = 32;

/** 400 Gregorian years in seconds: local time repeats with this period in the zone rules' far future. */
const ERA_SECONDS = 146097 * 86400;
/** JS Dates reach ±8.64e15 ms; seconds beyond this are moved by whole eras to find the zone offset. */
const DATE_LIMIT_SEC = 8.64e12;
/** About where struct tm's int tm_year overflows (year 2^31 + 1900). */
const MAX_LOCALTIME_SEC = 6.7767e16;

/** The fraction as tcpdump holds it at this precision: µs (truncated toward zero, as C divides) or ns. */
function units(nsec: number, nano: boolean): number {
  return nano ? nsec : Math.trunc(nsec / 1000);
}

/** ts_frac_print's digits: `%06u` / `%09u` of the value cast to unsigned. */
function fracText(u: number, nano: boolean): string {
  if (nano) {
    if (u >= 0 && u < 1e9) return pad3[Math.floor(u / 1e6)]! + pad3[Math.floor(u / 1000) % 1000]! + pad3[u % 1000]!;
    return String(u >>> 0).padStart(9, '0');
  }
  if (u >= 0 && u < 1e6) return pad3[Math.floor(u / 1000)]! + pad3[u % 1000]!;
  return String(u >>> 0).padStart(6, '0');
}

/** `(unsigned)sec & 0x80000000`: tcpdump refuses to convert such a second count. */
function unconvertible(sec: number): boolean {
  return (sec >>> 0) >= 0x80000000;
}

/** Proleptic Gregorian (year, month, day) of a day count from 1970-01-01, exact for any safe integer (H. Hinnant's civil_from_days). */
function civil(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [era * 400 + yoe + (m <= 2 ? 1 : 0), m, d];
}

/** strftime's `%Y-%m-%d ` (glibc: the year unpadded, astronomical numbering). */
function dateText(days: number): string {
  const [y, m, d] = civil(days);
  return `${y}-${pad2[m]}-${pad2[d]} `;
}

/** `YYYY-MM-DDTHH:MM:SS` in UTC for any safe integer count of seconds (years past 9999 unpadded, as glibc). */
export function utcDateTime(sec: number): string {
  const [y, m, d] = civil(Math.floor(sec / 86400));
  return `${y}-${pad2[m]}-${pad2[d]}T${hms(sec)}`;
}

/** `HH:MM:SS` of a second count (any sign, the day dropped). */
function hms(sec: number): string {
  const tod = sec - Math.floor(sec / 86400) * 86400;
  return `${pad2[Math.floor(tod / 3600)]}:${pad2[Math.floor((tod % 3600) / 60)]}:${pad2[tod % 60]}`;
}

export class TimeFormatter {
  #window = NaN;
  #offset = 0;
  #day = NaN;
  #dayText = '';
  #lastSec = NaN;
  #lastText = '';
  // tcpdump's tv_ref: unset while both fields are 0 (a packet stamped 0.0 does not set it).
  #lastBytes: Uint8Array = new Uint8Array(0);
  #refSec = 0;
  #refUnits = 0;
  /** Seconds' texts made so far (write() makes one for each of the first WARM_PACKETS packets). */
  #warm = 0;

  constructor(readonly format: 0 | 1 | 2 | 3 | 4 | 5, readonly nano: boolean) {}

  #localOffset(sec: number): number {
    const w = Math.floor(sec / 900);
    if (w !== this.#window) {
      this.#window = w;
      // Zone rules repeat every 400 years far from now (glibc and ICU both extend the last rule).
      let at = sec;
      if (at > DATE_LIMIT_SEC || at < -DATE_LIMIT_SEC) at -= Math.floor((at - 2e9) / ERA_SECONDS) * ERA_SECONDS;
      const off = -new Date(at * 1000).getTimezoneOffset() * 60;
      this.#offset = Number.isFinite(off) ? off : 0;
    }
    return this.#offset;
  }

  /** Append the column for one packet to the line (format1's text; within a second, bytes only). */
  write(c: PrintContext, sec: number, nsec: number): void {
    if ((this.format === 0 || this.format === 4) && nsec >= 0 && nsec < 1e9) {
      // A new second's text is made here, and for the first packets again whatever their second:
      // V8 then has type feedback for this path before it optimises the packet printer that
      // inlines it (made only when the second changed, the first new second after that
      // deoptimised it, in every capture).
      if ((sec !== this.#lastSec || this.#warm < WARM_PACKETS) && !this.#second(sec)) { c.write(this.format1(sec, nsec)); return; }
      // The second's text as bytes, then the fraction's digits and the space, straight into the output.
      const pre = this.#lastBytes, n = pre.length, digits = this.nano ? 9 : 6;
      const w = c.room(n + 10);
      const b = w.buf;
      let pos = w.len;
      for (let i = 0; i < n; i++) b[pos++] = pre[i]!;
      let v = this.nano ? nsec : (nsec / 1000) | 0;
      pos += digits;
      b[pos] = 32;
      w.len = pos + 1;
      for (let i = 0; i < digits; i++) { const q = (v / 10) | 0; b[--pos] = 48 + (v - q * 10); v = q; }
      return;
    }
    c.write(this.format1(sec, nsec));
  }

  /** The column for one packet, with its trailing space ('' for -t). */
  format1(sec: number, nsec: number): string {
    const nano = this.nano;
    switch (this.format) {
      case 1: return '';
      case 2:
        if (unconvertible(sec)) return `${TIME_ERROR} `;
        return `${sec >>> 0}.${fracText(units(nsec, nano), nano)} `;
      case 3: case 5: {
        const u = units(nsec, nano), per = nano ? 1e9 : 1e6;
        if (this.#refSec === 0 && this.#refUnits === 0) { this.#refSec = sec; this.#refUnits = u; }
        const negative = sec === this.#refSec ? u < this.#refUnits : sec < this.#refSec;
        // netdissect_timevalsub: one borrow, whatever the fields hold.
        let ds = negative ? this.#refSec - sec : sec - this.#refSec;
        let du = negative ? this.#refUnits - u : u - this.#refUnits;
        if (du < 0) { ds -= 1; du += per; }
        if (this.format === 3) { this.#refSec = sec; this.#refUnits = u; }
        const sign = negative ? '-' : ' ';
        // Whole days drop out, as with tcpdump's gmtime()-based formatting of the difference.
        if (unconvertible(ds)) return `${sign}${TIME_ERROR} `;
        return `${sign}${hms(ds)}.${fracText(du, nano)} `;
      }
      case 4: case 0: default:
        // Consecutive packets mostly share their second: reuse its text.
        if (sec !== this.#lastSec && !this.#second(sec)) return `${TIME_ERROR} `;
        return this.#lastText + fracText(units(nsec, nano), nano) + ' ';
    }
  }

  /** The text of second `sec` (formats 0 and 4, up to the fraction) made the current one; false when tcpdump cannot convert it. */
  #second(sec: number): boolean {
    this.#warm++;
    if (unconvertible(sec)) return false;
    const local = sec + this.#localOffset(sec);
    // glibc's localtime() fails once the year no longer fits an int (seconds this far out are past 2^53 anyway).
    if (local > MAX_LOCALTIME_SEC || local < -MAX_LOCALTIME_SEC) return false;
    const day = Math.floor(local / 86400);
    let text = `${hms(local)}.`;
    if (this.format === 4) {
      if (day !== this.#day) {
        this.#day = day;
        this.#dayText = dateText(day);
      }
      text = this.#dayText + text;
    }
    this.#lastSec = sec;
    this.#lastText = text;
    this.#lastBytes = Uint8Array.from(text, (ch) => ch.charCodeAt(0));
    return true;
  }
}
