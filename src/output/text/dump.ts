/** -x/-X/-A dumps and the default hex+ASCII dump of unknown payloads (tcpdump's print-ascii.c). */
import type { PrintContext } from './context.js';
import { hex8 } from './names.js';

/** isgraph(): '!'..'~'. */
function graph(b: number): string { return b > 0x20 && b < 0x7f ? String.fromCharCode(b) : '.'; }

function offsetText(o: number): string {
  const s = o.toString(16);
  return s.length >= 4 ? s : '0000'.slice(s.length) + s;
}

/** `\n\t0x0000:  4500 003c …` (hex_print), from buf[off .. off+len). */
export function hexDump(c: PrintContext, off: number, len: number): void {
  const b = c.buf;
  let s = '';
  let i = 0;
  for (; i + 1 < len; i += 2) {
    if ((i & 15) === 0) s += `\n\t0x${offsetText(i)}: `;
    s += ' ' + hex8(b[off + i]!) + hex8(b[off + i + 1]!);
  }
  if (i < len) {
    if ((i & 15) === 0) s += `\n\t0x${offsetText(i)}: `;
    s += ' ' + hex8(b[off + i]!);
  }
  c.write(s);
}

/** `\n\t0x0000:  4500 003c …  E..<…` (hex_and_ascii_print), from buf[off .. off+len). */
export function hexAsciiDump(c: PrintContext, off: number, len: number): void {
  const b = c.buf;
  let s = '';
  for (let line = 0; line < len; line += 16) {
    const n = Math.min(16, len - line);
    let hex = '', asc = '';
    let i = 0;
    for (; i + 1 < n; i += 2) {
      const x = b[off + line + i]!, y = b[off + line + i + 1]!;
      hex += ' ' + hex8(x) + hex8(y);
      asc += graph(x) + graph(y);
    }
    if (i < n) { const x = b[off + line + i]!; hex += ' ' + hex8(x); asc += graph(x); }
    // %-40s: the hex column is padded to 8 groups of 5 characters.
    if (hex.length < 40) hex += ' '.repeat(40 - hex.length);
    s += `\n\t0x${offsetText(line)}: ${hex}  ${asc}`;
  }
  c.write(s);
}

/** -A (ascii_print): a newline, then printable bytes, '.' for the rest; a CR shows as '.' only mid-line. */
export function asciiDump(c: PrintContext, off: number, len: number): void {
  const b = c.buf;
  let s = '\n';
  for (let i = 0; i < len; i++) {
    const x = b[off + i]!;
    if (x === 0x0d) {
      // tcpdump's test: more than one byte left after the CR, and the next one is not LF.
      if (len - i - 1 > 1 && b[off + i + 1] !== 0x0a) s += '.';
    } else if ((x > 0x20 && x < 0x7f) || x === 0x09 || x === 0x20 || x === 0x0a) {
      s += String.fromCharCode(x);
    } else {
      s += '.';
    }
  }
  c.write(s);
}

/**
 * What tcpdump does with a payload no printer claims (ND_DEFAULTPRINT): a hex+ASCII dump of
 * what was captured.
 */
export function defaultPrint(c: PrintContext, off: number, len: number, always = false): void {
  // -x/-X dump the whole packet anyway, and -q asks for less (tcpdump's suppress_default_print;
  // -A does not set it); a few tcpdump printers (ARP, LLC) dump regardless: `always`.
  if (!always && (c.o.hex || c.o.hexAscii || c.o.quiet)) return;
  const n = Math.min(len, c.avail(off));
  if (n > 0) hexAsciiDump(c, off, n);
  // Asked for more than was captured: the dump ends with the truncation marker, as tcpdump's does.
  if (len > n) c.truncMark();
}

/**
 * tcpdump's hex_print: 16 bytes a line as `<ident>0x0000: ` then ` xxxx` words, clipped to what
 * was captured (print_unknown_data). Returns the text.
 */
export function hexPrint(c: PrintContext, ident: string, at: number, len: number): string {
  const avail = c.avail(at);
  if (len > avail) len = avail;
  let s = '', offset = 0, i = 0;
  for (let n = len >> 1; n > 0; n--, at += 2) {
    if ((i++ % 8) === 0) { s += `${ident}0x${offset.toString(16).padStart(4, '0')}: `; offset += 16; }
    s += ` ${hex8(c.buf[at]!)}${hex8(c.buf[at + 1]!)}`;
  }
  if (len & 1) {
    if ((i % 8) === 0) s += `${ident}0x${offset.toString(16).padStart(4, '0')}: `;
    s += ` ${hex8(c.buf[at]!)}`;
  }
  return s;
}
