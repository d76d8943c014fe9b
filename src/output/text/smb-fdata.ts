/**
 * tcpdump's smbutil.c, for the SMB and NetBIOS printers: `smb_fdata`, the interpreter of the format
 * strings in which print-smb.c describes every SMB and NetBIOS layout (`Flags=[w]\nPath=[Z]\n`…),
 * `smb_data_print` (its hex and text dump), NetBIOS names, and the SMB/NT error tables.
 *
 * The layouts are tcpdump's format strings (data), walked over the decoder's `SmbBytes` sub-view:
 * every read is the view's checked read, so a field past the capture throws NOT_CAPTURED exactly
 * where tcpdump's GET_* longjmps, and tcpdump's own tests (ND_TCHECK → `goto trunc`) print
 * ` [|proto]` and return null, as smb_fdata returns NULL. Positions are indexes from the point the
 * printer aimed the view at (tcpdump's `startbuf`: the NetBIOS message, or the SMB header).
 */
import type { PrintContext } from './context.js';
import { safeChar } from './print-char.js';
import type { SmbBytes } from '../../decoders/smb.js';

/** smbutil.c's static state: the length a `[l…]` item read, for the `[c]`/`[C]` string after it. */
let stringlen = 0;
let stringlenSet = false;
/** The nesting of `*` lists (smb_fdata's static depth). */
let depth = 0;

/** smb_reset(): forget the string length (print_smb does, before each command of a chain). */
export function smbReset(): void { stringlen = 0; stringlenSet = false; }

/** (u_int)(a - b): tcpdump's ND_BYTES_BETWEEN, which wraps when b is past a. */
export function bytesBetween(a: number, b: number): number { return (a - b) >>> 0; }

function hexUpper(x: number): string { return x.toString(16).toUpperCase(); }

/** print_asc: `n` bytes as fn_print_char shows them. */
function printAsc(c: PrintContext, r: SmbBytes, from: number, n: number): void {
  for (let i = 0; i < n; i++) c.write(safeChar(r.u8(from + i)));
}

/** smb_data_print: `len` bytes from `from`, 16 a line, hex then text. */
export function smbDataPrint(c: PrintContext, r: SmbBytes, from: number, len: number): void {
  if (len === 0) return;
  c.write('[000] ');
  let i = 0;
  while (i < len) {
    const b = r.u8(from + i);
    c.write(`${b < 16 ? '0' : ''}${hexUpper(b)} `);
    i++;
    if (i % 8 === 0) c.write(' ');
    if (i % 16 === 0) {
      printAsc(c, r, from + i - 16, 8);
      c.write(' ');
      printAsc(c, r, from + i - 8, 8);
      c.write('\n');
      if (i < len) c.write(`[${hexUpper(i).padStart(3, '0')}] `);
    }
  }
  if (i % 16 !== 0) {
    let n = 16 - (i % 16);
    c.write(' ');
    if (n > 8) c.write(' ');
    c.write('   '.repeat(n));
    n = Math.min(8, i % 16);
    printAsc(c, r, from + i - (i % 16), n);
    c.write(' ');
    n = (i % 16) - n;
    if (n > 0) printAsc(c, r, from + i - n, n);
    c.write('\n');
  }
}

/** write_bits: the names (between `|`s) of the bits set in `val`, each followed by a space. */
function writeBits(c: PrintContext, val: number, fmt: string): void {
  let i = 0;
  for (let from = 0, bar = fmt.indexOf('|'); bar >= 0; from = bar + 1, bar = fmt.indexOf('|', from), i++) {
    if (bar > from && (val & (1 << i)) !== 0) c.write(`${fmt.slice(from, bar)} `);
  }
}

const ATTRIB = 'READONLY|HIDDEN|SYSTEM|VOLUME|DIR|ARCHIVE|';

/** C's atoi on the digits at `fmt[i]`. */
function atoi(fmt: string, i: number): number {
  let n = 0;
  while (i < fmt.length && fmt.charCodeAt(i) >= 48 && fmt.charCodeAt(i) <= 57) n = n * 10 + fmt.charCodeAt(i++) - 48;
  return n;
}
function skipDigits(fmt: string, i: number): number {
  while (i < fmt.length && fmt.charCodeAt(i) >= 48 && fmt.charCodeAt(i) <= 57) i++;
  return i;
}

/** printf's `%-N.Ns` on raw bytes: up to `n` bytes or a NUL, padded with spaces to `n`. */
function cString(c: PrintContext, r: SmbBytes, from: number, n: number): void {
  let s = '';
  for (let i = 0; i < n; i++) { const b = r.u8(from + i); if (b === 0) break; s += String.fromCharCode(b); }
  c.write(s.padEnd(n, ' '));
}

/** The string unistr() made, and where it left off (-1: tcpdump's NULL, a failed ND_TCHECK). */
let unistrText = '';

/**
 * unistr: a string of `strsize` bytes (or NUL-terminated), ASCII or UTF-16LE, with non-printable
 * characters as `.`; into `unistrText`. Returns the index after it, or -1 where tcpdump's check failed.
 */
function unistr(r: SmbBytes, s: number, strsize: number, nulTerminated: boolean, unicode: boolean): number {
  let out = '';
  unistrText = '';
  if (unicode && s % 2 !== 0) {
    if (!r.has(s + 1)) return -1;
    s++;
  }
  if (nulTerminated) {
    strsize = 0;
    let sp = s;
    if (!unicode) { for (;;) { const ch = r.u8(sp); sp++; strsize++; if (ch === 0) break; } }
    else { for (;;) { const ch = r.u16le(sp); sp += 2; strsize += 2; if (ch === 0) break; } }
  }
  const add = (ch: number): void => { if (out.length < 1000) out += ch >= 0x20 && ch <= 0x7e ? String.fromCharCode(ch) : '.'; };
  if (!unicode) {
    while (strsize !== 0) {
      const ch = r.u8(s);
      s++; strsize--;
      if (ch === 0) {
        if (!r.has(s + strsize)) { unistrText = out; return -1; }
        s += strsize; strsize = 0;
        break;
      }
      add(ch);
    }
  } else {
    while (strsize > 1) {
      const ch = r.u16le(s);
      s += 2; strsize -= 2;
      if (ch === 0) {
        if (!r.has(s + strsize)) { unistrText = out; return -1; }
        s += strsize; strsize = 0;
        break;
      }
      add(ch);
    }
    if (strsize === 1) {
      if (!r.has(s + 1)) { unistrText = out; return -1; }
      s++;
    }
  }
  unistrText = out;
  return s;
}

/** name_len: bytes of the (mangled) NetBIOS name at `s`; -1 past `maxbuf` or the capture. */
function nameLen(r: SmbBytes, s: number, maxbuf: number): number {
  const s0 = s;
  if (s >= maxbuf) return -1;
  if ((r.u8(s) & 0xc0) === 0xc0) return 2;
  while (r.u8(s) !== 0) {
    if (s >= maxbuf) return -1;
    s += r.u8(s) + 1;
    if (!r.has(s + 1)) return -1;
  }
  return s - s0 + 1;
}

/** The name name_extract() decoded (its bytes as a C string: to the first NUL). */
let nameText = '';

/**
 * name_extract: the NetBIOS name at `ofs` (following a compression pointer from the message's
 * start), first-level decoded into `nameText`; its type (its last byte, a signed char as in
 * tcpdump), 0 where it is not a name, or -1 when it runs past `maxbuf` or the capture.
 */
function nameExtract(r: SmbBytes, ofs: number, maxbuf: number): number {
  nameText = '';
  let q = ofs;
  if (q >= maxbuf) return -1;
  if ((r.u8(q) & 0xc0) === 0xc0) {
    if (!r.has(q + 2)) return -1;
    if (q + 1 >= maxbuf) return -1;
    const l = r.u16be(q) & 0x3fff;
    if (l === 0) return -1;
    q = l;
    if (q >= maxbuf) return -1;
    if (!r.has(q + 1)) return -1;
  }
  // name_interpret
  if (q >= maxbuf) return -1;
  let len = r.u8(q) >> 1;
  q++;
  if (len > 30 || len === 0) return 0;
  let s = '';
  let last = 0;
  let ended = false;
  while (len > 0) {
    if (!r.has(q + 2)) return -1;
    if (q + 1 >= maxbuf) return -1;
    const hi = r.u8(q), lo = r.u8(q + 1);
    if (hi < 0x41 || hi > 0x50 || lo < 0x41 || lo > 0x50) { nameText = s; return 0; }
    last = ((hi - 0x41) << 4) + (lo - 0x41);
    if (last === 0) ended = true;
    if (!ended) s += String.fromCharCode(last);
    q += 2;
    len--;
  }
  nameText = s;
  return last > 127 ? last - 256 : last;
}

function nameTypeStr(t: number): string {
  switch (t) {
    case 0: return 'Workstation';
    case 0x03: return 'Client?';
    case 0x20: return 'Server';
    case 0x1d: return 'Master Browser';
    case 0x1b: return 'Domain Controller';
    case 0x1e: return 'Browser Server';
    default: return 'Unknown';
  }
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => (n < 10 ? '0' : '') + n;

/** int_unix_date: a DOS date and time (local time, as mktime reads it) → seconds since 1970. */
function dosDate(x: number): number {
  if (x === 0) return 0;
  const p0 = x & 0xff, p1 = (x >>> 8) & 0xff, p2 = (x >>> 16) & 0xff, p3 = (x >>> 24) & 0xff;
  const d = new Date(((p3 >> 1) & 0xff) + 1980, ((p2 >> 5) & 0xff) + ((p3 & 1) << 3) - 1, p2 & 0x1f,
    (p1 >> 3) & 0xff, ((p0 >> 5) & 0xff) + ((p1 & 7) << 3), 2 * (p0 & 0x1f));
  return Math.floor(d.getTime() / 1000);
}

/** strftime("%a %b %e %T %Y\n") of localtime(t). */
function timeString(t: number): string {
  const d = new Date(t * 1000);
  return `${DAYS[d.getDay()]} ${MONTHS[d.getMonth()]} ${String(d.getDate()).padStart(2, ' ')} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())} ${d.getFullYear()}\n`;
}

/** smb_fdata1: one bracketed item (`u`, `rw`, `b.b.b.b`, `n1`, `T2`…) at `pos`; the index after it, or null (truncated). */
function fdata1(c: PrintContext, r: SmbBytes, pos: number, fmt: string, maxbuf: number, unicode: boolean): number | null {
  let reverse = false;
  let i = 0;
  while (i < fmt.length && pos < maxbuf) {
    const f = fmt[i]!;
    switch (f) {
      case 'a': writeBits(c, r.u8(pos), ATTRIB); pos++; i++; break;
      case 'A': writeBits(c, r.u16le(pos), ATTRIB); pos += 2; i++; break;
      case '{': {
        const close = fmt.indexOf('}', ++i);
        const bits = fmt.slice(i, Math.min(close, i + 127));
        i = close + 1;
        writeBits(c, r.u8(pos), bits);
        pos++;
        break;
      }
      case 'P': {
        const l = atoi(fmt, i + 1);
        if (!r.has(pos + l)) { c.truncMark(); return null; }
        pos += l;
        i = skipDigits(fmt, i + 1);
        break;
      }
      case 'r': reverse = !reverse; i++; break;
      case 'b': { const x = r.u8(pos); c.write(`${x} (0x${x.toString(16)})`); pos++; i++; break; }
      case 'd': {
        let x = reverse ? r.u16be(pos) : r.u16le(pos);
        if (x > 0x7fff) x -= 0x10000;
        c.write(`${x} (0x${(x >>> 0).toString(16)})`); pos += 2; i++; break;
      }
      case 'D': {
        const x = (reverse ? r.u32be(pos) : r.u32le(pos)) | 0;
        c.write(`${x} (0x${(x >>> 0).toString(16)})`); pos += 4; i++; break;
      }
      case 'L': { const x = r.u64(pos, reverse); c.write(`${x} (0x${x.toString(16)})`); pos += 8; i++; break; }
      case 'u': { const x = reverse ? r.u16be(pos) : r.u16le(pos); c.write(`${x} (0x${x.toString(16)})`); pos += 2; i++; break; }
      case 'U': { const x = reverse ? r.u32be(pos) : r.u32le(pos); c.write(`${x} (0x${x.toString(16)})`); pos += 4; i++; break; }
      case 'M': {
        if (!r.has(pos + 8)) { c.truncMark(); return null; }
        const x1 = reverse ? r.u32be(pos) : r.u32le(pos), x2 = reverse ? r.u32be(pos + 4) : r.u32le(pos + 4);
        const x = (BigInt(x1) << 32n) | BigInt(x2);
        c.write(`${x} (0x${x.toString(16)})`); pos += 8; i++; break;
      }
      case 'B': c.write(`0x${hexUpper(r.u8(pos))}`); pos++; i++; break;
      case 'w': c.write(`0x${hexUpper(reverse ? r.u16be(pos) : r.u16le(pos))}`); pos += 2; i++; break;
      case 'W': c.write(`0x${hexUpper(reverse ? r.u32be(pos) : r.u32le(pos))}`); pos += 4; i++; break;
      case 'l': {
        i++;
        switch (fmt[i]) {
          case 'b': stringlen = r.u8(pos); stringlenSet = true; c.write(`${stringlen}`); pos += 1; break;
          case 'd': case 'u': stringlen = reverse ? r.u16be(pos) : r.u16le(pos); stringlenSet = true; c.write(`${stringlen}`); pos += 2; break;
          case 'D': case 'U': stringlen = reverse ? r.u32be(pos) : r.u32le(pos); stringlenSet = true; c.write(`${stringlen}`); pos += 4; break;
        }
        i++;
        break;
      }
      case 'S': case 'R': {
        const next = unistr(r, pos, 0, true, f === 'R' ? false : unicode);
        c.write(unistrText);
        if (next < 0) { c.truncMark(); return null; }
        pos = next; i++;
        break;
      }
      case 'Z': case 'Y': {
        const kind = r.u8(pos);
        if (kind !== 4 && kind !== 2) { c.write(`Error! ASCIIZ buffer of type ${kind}`); return maxbuf; }
        const next = unistr(r, pos + 1, 0, true, f === 'Y' ? false : unicode);
        c.write(unistrText);
        if (next < 0) { c.truncMark(); return null; }
        pos = next; i++;
        break;
      }
      case 's': {
        const l = atoi(fmt, i + 1);
        if (!r.has(pos + l)) { c.truncMark(); return null; }
        cString(c, r, pos, l);
        pos += l;
        i = skipDigits(fmt, i + 1);
        break;
      }
      case 'c': {
        if (!stringlenSet) { c.write('{stringlen not set}'); c.truncMark(); return null; }
        if (!r.has(pos + stringlen)) { c.truncMark(); return null; }
        cString(c, r, pos, stringlen);
        pos += stringlen;
        i = skipDigits(fmt, i + 1);
        break;
      }
      case 'C': {
        if (!stringlenSet) { c.write('{stringlen not set}'); c.truncMark(); return null; }
        const next = unistr(r, pos, stringlen, false, unicode);
        c.write(unistrText);
        if (next < 0) { c.truncMark(); return null; }
        pos = next; i++;
        break;
      }
      case 'h': {
        let l = atoi(fmt, i + 1);
        if (!r.has(pos + l)) { c.truncMark(); return null; }
        while (l-- > 0) { const b = r.u8(pos); c.write((b < 16 ? '0' : '') + b.toString(16)); pos++; }
        i = skipDigits(fmt, i + 1);
        break;
      }
      case 'n': {
        const t = atoi(fmt, i + 1);
        if (t === 1) {
          const type = nameExtract(r, pos, maxbuf);
          if (type < 0) { c.truncMark(); return null; }
          const len = nameLen(r, pos, maxbuf);
          if (len < 0) { c.truncMark(); return null; }
          pos += len;
          c.write(`${nameText.slice(0, 15).padEnd(15, ' ')} NameType=0x${two16(type)} (${nameTypeStr(type)})`);
        } else if (t === 2) {
          const type = r.u8(pos + 15);
          let s = '';
          for (let k = 0; k < 15; k++) { const b = r.u8(pos + k); if (b === 0) break; s += String.fromCharCode(b); }
          c.write(`${s.padEnd(15, ' ')} NameType=0x${two16(type)} (${nameTypeStr(type)})`);
          pos += 16;
        }
        i = skipDigits(fmt, i + 1);
        break;
      }
      case 'T': {
        let t = 0;
        switch (atoi(fmt, i + 1)) {
          case 1: { const x = r.u32le(pos); t = x === 0 || x === 0xffffffff ? 0 : dosDate(x); pos += 4; break; }
          case 2: {
            const x = r.u32le(pos);
            t = x === 0 || x === 0xffffffff ? 0 : dosDate((((x & 0xffff) << 16) | (x >>> 16)) >>> 0);
            pos += 4;
            break;
          }
          case 3: {
            if (!r.has(pos + 8)) { c.truncMark(); return null; }
            // interpret_long_date: 100 ns units since 1601, from the top 40 bits.
            let d = (r.u32le(pos + 4) * 256.0 + r.u8(pos + 3)) * (1.0e-7 * (1 << 24));
            d -= 369.0 * 365.25 * 24 * 60 * 60;
            d += 3 * 24 * 60 * 60 + 6 * 60 * 60 + 2;
            t = d < 0 ? 0 : Math.trunc(d);
            pos += 8;
            break;
          }
        }
        c.write(t !== 0 ? timeString(t) : 'NULL\n');
        i = skipDigits(fmt, i + 1);
        break;
      }
      default: c.write(f); i++; break;
    }
  }
  if (pos >= maxbuf && i < fmt.length) c.write('END OF BUFFER\n');
  return pos;
}

function two16(n: number): string { return hexUpper(n).padStart(2, '0'); }

/**
 * smb_fdata: print what `fmt` describes from `pos` (no further than `maxbuf`). Literal text is
 * printed; `[…]` is an item; `*` repeats the rest while there are bytes; `|` stops at `maxbuf`;
 * `#` ends. At the outer level, bytes left before `maxbuf` are dumped as `Data: (N bytes)`.
 * Returns the index after what it printed, or null when a check failed (` [|proto]` printed).
 */
export function smbFdata(c: PrintContext, r: SmbBytes, pos: number, fmt: string, maxbuf: number, unicode: boolean): number | null {
  let i = 0;
  while (i < fmt.length) {
    const f = fmt[i]!;
    switch (f) {
      case '*': {
        i++;
        const rest = fmt.slice(i);
        while (pos < maxbuf) {
          // No try/finally: a read past the capture unwinds with depth still raised, as tcpdump's longjmp does.
          depth++;
          let next: number | null;
          if (depth === 10) { c.write('(too many nested levels, not recursing)'); next = pos; }
          else next = smbFdata(c, r, pos, rest, maxbuf, unicode);
          depth--;
          if (next === null) return null;
          if (next === pos) return pos;
          pos = next;
        }
        return pos;
      }
      case '|': i++; if (pos >= maxbuf) return pos; break;
      case '%': i++; pos = maxbuf; break;
      case '#': return pos;
      case '[': {
        i++;
        if (pos >= maxbuf) return pos;
        const close = fmt.indexOf(']', i);
        if (close - i + 1 > 128) return pos;
        const item = fmt.slice(i, close);
        i = close + 1;
        const next = fdata1(c, r, pos, item, maxbuf, unicode);
        if (next === null) { if (fmt[i] === '\n') c.write('\n'); return null; }
        pos = next;
        break;
      }
      default: c.write(f); i++; break;
    }
  }
  if (depth === 0 && pos < maxbuf) {
    const len = maxbuf - pos;
    c.write(`Data: (${len} bytes)\n`);
    smbDataPrint(c, r, pos, len);
    return pos + len;
  }
  return pos;
}

