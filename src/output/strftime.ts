// strftime(3) in the C locale, on local time as TZ says: how tcpdump -G turns a -w template into a
// file name. The GNU flags (- _ 0 ^ #), field widths and the E/O modifiers are understood as glibc
// does; %Z reads the zone's abbreviations from its TZif file, as glibc does.
import { readFileSync } from 'node:fs';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface Tm {
  year: number; month: number; day: number; hour: number; min: number; sec: number;
  wday: number; yday: number; epoch: number; offsetMin: number;
}

function localTm(epoch: number): Tm {
  const d = new Date(epoch * 1000);
  const start = new Date(d.getFullYear(), 0, 1);
  const yday = Math.round((new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime() - start.getTime()) / 86400000);
  return {
    year: d.getFullYear(), month: d.getMonth(), day: d.getDate(), hour: d.getHours(), min: d.getMinutes(), sec: d.getSeconds(),
    wday: d.getDay(), yday, epoch, offsetMin: -d.getTimezoneOffset()
  };
}

interface Zone {
  /** Transition times (s) and the abbreviation in force from each; before the first, `initial`. */
  times: number[];
  names: string[];
  initial: string;
  /** The POSIX rule that governs after the last transition: its standard and summer names and standard offset (s east of UTC). */
  std: string;
  dst: string;
  stdOffset: number;
}

let zoneCache: { tz: string | undefined; zone: Zone | undefined } | undefined;

/** A POSIX TZ rule (`CET-1CEST,M3.5.0,M10.5.0/3`, `<+0530>-5:30`, `UTC0`): names and standard offset. */
function posixRule(rule: string): Pick<Zone, 'std' | 'dst' | 'stdOffset'> | undefined {
  const m = /^(<[^>]+>|[A-Za-z]{3,})([-+]?\d{1,2})(?::(\d\d))?(?::(\d\d))?(<[^>]+>|[A-Za-z]{3,})?/.exec(rule);
  if (!m) return undefined;
  const name = (n: string | undefined): string => (n === undefined ? '' : n.replace(/^<|>$/g, ''));
  const h = Number(m[2]), sign = h < 0 || m[2]!.startsWith('-') ? 1 : -1;
  return { std: name(m[1]), dst: name(m[5]) || name(m[1]), stdOffset: sign * (Math.abs(h) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0)) };
}

/** The zone TZ names (or /etc/localtime): TZif transitions and its footer rule, or a POSIX rule. */
function loadZone(): Zone | undefined {
  let tz = process.env['TZ'];
  if (zoneCache !== undefined && zoneCache.tz === tz) return zoneCache.zone;
  let zone: Zone | undefined;
  if (tz?.startsWith(':')) tz = tz.slice(1);
  const path = tz === undefined ? '/etc/localtime' : tz.startsWith('/') ? tz : `/usr/share/zoneinfo/${tz}`;
  try {
    zone = parseTzif(readFileSync(path));
  } catch {
    const r = tz === undefined || tz === '' ? { std: 'UTC', dst: 'UTC', stdOffset: 0 } : posixRule(tz);
    if (r !== undefined) zone = { times: [], names: [], initial: r.std, ...r };
  }
  zoneCache = { tz: process.env['TZ'], zone };
  return zone;
}

/** A TZif file (tzfile(5)), version 2 or later data when present. */
function parseTzif(b: Buffer): Zone | undefined {
  if (b.toString('latin1', 0, 4) !== 'TZif') return undefined;
  const counts = (at: number): number[] => [0, 1, 2, 3, 4, 5].map((k) => b.readUInt32BE(at + 20 + 4 * k));
  let at = 0, size = 4;
  let [isut, isstd, leap, timecnt, typecnt, charcnt] = counts(0) as [number, number, number, number, number, number];
  if (b[4]! >= 0x32) {
    // Skip the 32-bit data to the 64-bit header and data.
    at = 44 + timecnt * 5 + typecnt * 6 + charcnt + leap * 8 + isstd + isut;
    [isut, isstd, leap, timecnt, typecnt, charcnt] = counts(at) as [number, number, number, number, number, number];
    size = 8;
  }
  let p = at + 44;
  const times: number[] = [];
  for (let i = 0; i < timecnt; i++, p += size) times.push(size === 8 ? Number(b.readBigInt64BE(p)) : b.readInt32BE(p));
  const idx = [...b.subarray(p, p + timecnt)];
  p += timecnt;
  const types: { off: number; abbr: number }[] = [];
  for (let i = 0; i < typecnt; i++, p += 6) types.push({ off: b.readInt32BE(p), abbr: b[p + 5]! });
  const chars = b.subarray(p, p + charcnt);
  p += charcnt + leap * (size + 4) + isstd + isut;
  const abbr = (t: number): string => { const a = types[t]?.abbr ?? 0; const e = chars.indexOf(0, a); return chars.toString('latin1', a, e < 0 ? chars.length : e); };
  const footer = size === 8 ? b.toString('latin1', p).split('\n')[1] ?? '' : '';
  const rule = posixRule(footer) ?? { std: abbr(0), dst: abbr(0), stdOffset: types[0]?.off ?? 0 };
  return { times, names: idx.map(abbr), initial: abbr(0), ...rule };
}

/** The time zone's abbreviation at `epoch`, as %Z prints it (`UTC`, `CET`, `CEST`, `IST`…). */
function zoneName(epoch: number, offsetMin: number): string {
  const z = loadZone();
  if (z === undefined) return 'UTC';
  const t = z.times;
  if (t.length > 0 && epoch < t[t.length - 1]!) {
    let lo = 0, hi = t.length - 1;
    if (epoch < t[0]!) return z.initial;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (t[mid]! <= epoch) lo = mid; else hi = mid - 1; }
    return z.names[lo]!;
  }
  return offsetMin * 60 === z.stdOffset ? z.std : z.dst;
}

/** ISO 8601 week-based year and week number. */
function isoWeek(tm: Tm): { year: number; week: number } {
  const wdayMon = (tm.wday + 6) % 7;                      // Monday = 0
  const thursdayYday = tm.yday - wdayMon + 3;             // the Thursday of this week
  const daysIn = (y: number): number => (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 366 : 365);
  if (thursdayYday < 0) {
    const y = tm.year - 1;
    return { year: y, week: Math.floor((thursdayYday + daysIn(y)) / 7) + 1 };
  }
  if (thursdayYday >= daysIn(tm.year)) return { year: tm.year + 1, week: 1 };
  return { year: tm.year, week: Math.floor(thursdayYday / 7) + 1 };
}

/** How one conversion is written: the padding flag (`-`, `_`, `0` or none) and the field width (-1: none). */
interface Spec { pad: string; width: number }

/** glibc's add(): text right-aligned in the field width, with zeros under the 0 flag, else spaces. */
function field(text: string, spec: Spec): string {
  const fill = spec.width - text.length;
  return fill > 0 ? (spec.pad === '0' ? '0' : ' ').repeat(fill) + text : text;
}

/**
 * glibc's DO_NUMBER: `digits` wide at least (the field width if larger), zero-padded, or
 * space-padded for %e %k %l and under `_`; unpadded under `-` (then only the field width applies).
 */
function num(n: number, digits: number, spec: Spec, spacePad = false): string {
  const padFlag = spec.pad === '' && spacePad ? '_' : spec.pad;
  const neg = n < 0;
  let s = String(Math.abs(n));
  if (padFlag !== '-') {
    const fill = Math.max(digits, spec.width) - s.length - (neg ? 1 : 0);
    if (fill > 0) return field(padFlag === '_' ? ' '.repeat(fill) + (neg ? '-' : '') + s : (neg ? '-' : '') + '0'.repeat(fill) + s, spec);
  }
  if (neg) s = '-' + s;
  return field(s, spec);
}

const two = (n: number): string => String(n).padStart(2, '0');

// Conversions glibc refuses after an E or an O modifier (printed as they stand, as an unknown one is).
const NO_E = 'aAbBhdDeFGgHIjklmMSUVwW';
const NO_O = 'aAcDFxXY';

/**
 * strftime(format, localtime(epoch)) in the C locale, as glibc 2.36 writes it: the flags - _ 0 ^ #,
 * a field width, the E and O modifiers, and an unknown conversion copied as it stands.
 */
export function strftime(format: string, epoch: number): string {
  const tm = localTm(epoch);
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch !== '%') { out += ch; continue; }
    let j = i + 1;
    let pad = '', upper = false, changeCase = false;
    // The last padding flag wins, as in glibc.
    for (; j < format.length && '-_0^#'.includes(format[j]!); j++) {
      const f = format[j]!;
      if (f === '^') upper = true;
      else if (f === '#') changeCase = true;
      else pad = f;
    }
    const w = j;
    while (j < format.length && format[j]! >= '0' && format[j]! <= '9') j++;
    const spec: Spec = { pad, width: j > w ? Number(format.slice(w, j)) : -1 };
    const modifier = j < format.length && (format[j] === 'E' || format[j] === 'O') ? format[j++]! : '';
    if (j >= format.length) { out += format.slice(i); break; }
    const conv = format[j]!;
    const refused = (modifier === 'E' && NO_E.includes(conv)) || (modifier === 'O' && NO_O.includes(conv));
    const text = refused ? undefined : convert(tm, conv, spec);
    // glibc's case rules: # lowers %p and %Z and raises names; %P is always lower; lowering wins.
    const lower = conv === 'P' || (changeCase && (conv === 'p' || conv === 'Z'));
    const raise = upper || (changeCase && 'aAbBh'.includes(conv));
    const t = text ?? field(format.slice(i, j + 1), spec);
    out += lower ? t.toLowerCase() : raise ? t.toUpperCase() : t;
    i = j;
  }
  return out;
}

function convert(tm: Tm, conv: string, spec: Spec): string | undefined {
  const h12 = tm.hour % 12 === 0 ? 12 : tm.hour % 12;
  const hms = `${two(tm.hour)}:${two(tm.min)}:${two(tm.sec)}`;
  const mdy = `${two(tm.month + 1)}/${two(tm.day)}/${two(tm.year % 100)}`;
  const str = (s: string): string => field(s, spec);
  switch (conv) {
    case 'a': return str(DAYS[tm.wday]!.slice(0, 3));
    case 'A': return str(DAYS[tm.wday]!);
    case 'b': case 'h': return str(MONTHS[tm.month]!.slice(0, 3));
    case 'B': return str(MONTHS[tm.month]!);
    case 'c': return str(`${DAYS[tm.wday]!.slice(0, 3)} ${MONTHS[tm.month]!.slice(0, 3)} ${String(tm.day).padStart(2, ' ')} ${hms} ${tm.year}`);
    case 'C': return num(Math.floor(tm.year / 100), 1, spec);
    case 'd': return num(tm.day, 2, spec);
    case 'D': case 'x': return str(mdy);
    case 'e': return num(tm.day, 2, spec, true);
    case 'F': return str(`${tm.year}-${two(tm.month + 1)}-${two(tm.day)}`);
    case 'G': return num(isoWeek(tm).year, 1, spec);
    case 'g': return num(isoWeek(tm).year % 100, 2, spec);
    case 'H': return num(tm.hour, 2, spec);
    case 'I': return num(h12, 2, spec);
    case 'j': return num(tm.yday + 1, 3, spec);
    case 'k': return num(tm.hour, 2, spec, true);
    case 'l': return num(h12, 2, spec, true);
    case 'm': return num(tm.month + 1, 2, spec);
    case 'M': return num(tm.min, 2, spec);
    case 'n': return str('\n');
    case 'p': return str(tm.hour < 12 ? 'AM' : 'PM');
    case 'P': return str(tm.hour < 12 ? 'am' : 'pm');
    case 'r': return str(`${two(h12)}:${two(tm.min)}:${two(tm.sec)} ${tm.hour < 12 ? 'AM' : 'PM'}`);
    case 'R': return str(`${two(tm.hour)}:${two(tm.min)}`);
    // glibc formats %s apart: the width only as a field, not as digits.
    case 's': return str(String(Math.floor(tm.epoch)));
    case 'S': return num(tm.sec, 2, spec);
    case 't': return str('\t');
    case 'T': case 'X': return str(hms);
    case 'u': return num(tm.wday === 0 ? 7 : tm.wday, 1, spec);
    case 'U': return num(Math.floor((tm.yday + 7 - tm.wday) / 7), 2, spec);
    case 'V': return num(isoWeek(tm).week, 2, spec);
    case 'w': return num(tm.wday, 1, spec);
    case 'W': return num(Math.floor((tm.yday + 7 - ((tm.wday + 6) % 7)) / 7), 2, spec);
    case 'y': return num(tm.year % 100, 2, spec);
    case 'Y': return num(tm.year, 1, spec);
    // glibc writes the sign as a field of its own, then hhmm as a 4-digit number: each gets the width.
    case 'z': {
      const o = Math.abs(tm.offsetMin);
      return str(tm.offsetMin < 0 ? '-' : '+') + num(Math.floor(o / 60) * 100 + (o % 60), 4, spec);
    }
    case 'Z': return str(zoneName(tm.epoch, tm.offsetMin));
    case '%': return str('%');
    default: return undefined;
  }
}
