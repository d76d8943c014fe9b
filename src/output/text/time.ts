/**
 * tcpdump's timestamp column (ts_print): -t forms, local time through TZ, micro or nano digits.
 * The UTC offset is looked up once per 15-minute window (zone changes fall on such boundaries),
 * so printing a packet never builds a Date.
 */

const pad2: string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? '0' : '') + i);

const pad3: string[] = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

function frac(nsec: number, nano: boolean): string {
  // Nanosecond pcaps printed without --nano show microseconds truncated, as tcpdump does.
  if (nano) return pad3[Math.floor(nsec / 1e6)]! + pad3[Math.floor(nsec / 1000) % 1000]! + pad3[nsec % 1000]!;
  const us = Math.floor(nsec / 1000);
  return pad3[Math.floor(us / 1000)]! + pad3[us % 1000]!;
}

import type { PrintContext } from './context.js';

export class TimeFormatter {
  #window = NaN;
  #offset = 0;
  #day = NaN;
  #dayText = '';
  #lastSec = NaN;
  #lastText = '';
  #haveRef = false;
  #refSec = 0;
  #refNsec = 0;

  constructor(readonly format: 0 | 1 | 2 | 3 | 4 | 5, readonly nano: boolean) {}

  #localOffset(sec: number): number {
    const w = Math.floor(sec / 900);
    if (w !== this.#window) {
      this.#window = w;
      this.#offset = -new Date(sec * 1000).getTimezoneOffset() * 60;
    }
    return this.#offset;
  }

  /** Append the column for one packet to the line (format1's text, the common case without a string). */
  write(c: PrintContext, sec: number, nsec: number): void {
    if ((this.format === 0 || this.format === 4) && sec === this.#lastSec) {
      c.write(this.#lastText);
      if (this.nano) c.numPad(nsec, 9); else c.numPad(Math.floor(nsec / 1000), 6);
      c.ch(32);
      return;
    }
    c.write(this.format1(sec, nsec));
  }

  /** The column for one packet, with its trailing space ('' for -t). */
  format1(sec: number, nsec: number): string {
    // At microsecond precision libpcap truncates nanosecond stamps when reading, so deltas use µs too.
    if (!this.nano) nsec -= nsec % 1000;
    switch (this.format) {
      case 1: return '';
      case 2: return `${sec}.${frac(nsec, this.nano)} `;
      case 3: case 5: {
        if (!this.#haveRef) { this.#haveRef = true; this.#refSec = sec; this.#refNsec = nsec; }
        let ds = sec - this.#refSec, dn = nsec - this.#refNsec;
        if (dn < 0) { ds -= 1; dn += 1e9; }
        let sign = ' ';
        if (ds < 0) {
          // A timestamp before the reference: print the magnitude with a minus sign.
          sign = '-';
          if (dn > 0) { ds += 1; dn = 1e9 - dn; }
          ds = -ds;
        }
        if (this.format === 3) { this.#refSec = sec; this.#refNsec = nsec; }
        // Whole days drop out, as with tcpdump's gmtime()-based formatting of the difference.
        const h = Math.floor(ds / 3600) % 24, m = Math.floor((ds % 3600) / 60), s = ds % 60;
        return `${sign}${pad2[h]}:${pad2[m]}:${pad2[s]}.${frac(dn, this.nano)} `;
      }
      case 4: case 0: default: {
        // Consecutive packets mostly share their second: reuse its text.
        if (sec === this.#lastSec) return this.#lastText + frac(nsec, this.nano) + ' ';
        const local = sec + this.#localOffset(sec);
        const day = Math.floor(local / 86400);
        const tod = local - day * 86400;
        let text = `${pad2[Math.floor(tod / 3600)]}:${pad2[Math.floor((tod % 3600) / 60)]}:${pad2[tod % 60]}.`;
        if (this.format === 4) {
          if (day !== this.#day) {
            this.#day = day;
            const d = new Date(day * 86400000);
            this.#dayText = `${d.getUTCFullYear()}-${pad2[d.getUTCMonth() + 1]}-${pad2[d.getUTCDate()]} `;
          }
          text = this.#dayText + text;
        }
        this.#lastSec = sec;
        this.#lastText = text;
        return text + frac(nsec, this.nano) + ' ';
      }
    }
  }
}
