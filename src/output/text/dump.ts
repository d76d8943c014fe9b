/** -x/-X/-A dumps and the default hex+ASCII dump of unknown payloads (tcpdump's print-ascii.c). */
import type { PrintContext } from './context.js';
import { hex8 } from './names.js';
import { NOT_CAPTURED } from '../../decoders/view.js';

/** The ASCII codes of the hex digits. */
const HEX = new Uint8Array([48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102]);

/**
 * `\n\t0x` and the line's offset in at least four hex digits, then `: `, written at b[p]; returns the
 * next index. The dumps write straight into the output buffer: a dump is most of the text of a frame
 * no printer claims, and building it as strings made the garbage collector half of printing such frames.
 */
function lineStart(b: Uint8Array, p: number, offset: number, pad = 0): number {
  b[p++] = 10; b[p++] = 9;
  for (; pad > 0; pad--) b[p++] = 32;
  b[p++] = 48; b[p++] = 120;
  let digits = 4;
  for (let t = offset >>> 16; t !== 0; t >>>= 4) digits++;
  for (let i = digits - 1, o = offset; i >= 0; i--, o >>>= 4) b[p + i] = HEX[o & 15]!;
  p += digits;
  b[p++] = 58; b[p++] = 32;
  return p;
}

/** ` 4500 003c …`: src[at .. at+n) as space-led groups of two bytes (the last alone when n is odd), written at b[p]; returns the next index. */
function hexGroups(b: Uint8Array, p: number, src: Uint8Array, at: number, n: number): number {
  // Byte by byte, a space before each even one: an odd last byte goes through the same reads and
  // writes as the others (a branch of its own for it was first met after V8 had optimised the dump,
  // which then deoptimised and was compiled again).
  for (let i = 0; i < n; i++, at++) {
    const x = src[at]!;
    if ((i & 1) === 0) b[p++] = 32;
    b[p] = HEX[x >> 4]!; b[p + 1] = HEX[x & 15]!;
    p += 2;
  }
  return p;
}

/** Room a dump line needs: the line start (at most 8 offset digits), 8 groups, two spaces, 16 characters. */
const LINE_MAX = 16 + 40 + 2 + 16;

/** `\n\t0x0000:  4500 003c …` (hex_print), from buf[off .. off+len). */
export function hexDump(c: PrintContext, off: number, len: number): void {
  const src = c.buf;
  for (let line = 0; line < len; line += 16) {
    const n = len - line < 16 ? len - line : 16;
    const w = c.room(LINE_MAX);
    const b = w.buf;
    w.len = hexGroups(b, lineStart(b, w.len, line), src, off + line, n);
  }
}

/**
 * `\n\t0x0000:  4500 003c …  E..<…` (hex_and_ascii_print), from buf[off .. off+len); `pad` spaces
 * after the tab (a printer's own `"\n\t "` prefix: ZMTP/1.0 bodies).
 */
export function hexAsciiDump(c: PrintContext, off: number, len: number, pad = 0): void {
  const src = c.buf;
  for (let line = 0; line < len; line += 16) {
    const n = len - line < 16 ? len - line : 16;
    const w = c.room(LINE_MAX + pad);
    const b = w.buf;
    const hexStart = lineStart(b, w.len, line, pad);
    let p = hexGroups(b, hexStart, src, off + line, n);
    // %-40s: the hex column is padded to 8 groups of 5 characters; then two spaces and isgraph() or '.'.
    while (p < hexStart + 42) b[p++] = 32;
    for (let i = 0, at = off + line; i < n; i++, at++) { const x = src[at]!; b[p++] = x > 0x20 && x < 0x7f ? x : 46; }
    w.len = p;
  }
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
 * tcpdump's ND_DEFAULTPRINT called directly (no suppress_default_print test: it dumps under -x/-X/-q
 * too): hex_and_ascii_print of `length` bytes, whose shortfall unwinds (` [|proto]`, the whole frame dumped).
 */
export function dumpRest(c: PrintContext, off: number, length: number, captured: number): void {
  defaultPrint(c, off, Math.min(length, captured), true);
  if (length > captured) throw NOT_CAPTURED;
}

/**
 * tcpdump's hex_print: 16 bytes a line as `<ident>0x0000: ` then ` xxxx` words, clipped to what
 * was captured (print_unknown_data); hex_print_with_offset with `offset`. Returns the text.
 */
export function hexPrint(c: PrintContext, ident: string, at: number, len: number, offset = 0): string {
  const avail = c.avail(at);
  if (len > avail) len = avail;
  let s = '', i = 0;
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
