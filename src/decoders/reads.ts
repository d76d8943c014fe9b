// Checked reads at an index inside a view or a sub-view, for the getters of the less common
// protocols' views (the hot ones — Ethernet, IP, TCP, UDP — read their bytes inline: see
// README.md, "Keeping V8's code monomorphic"). Each throws NOT_CAPTURED when its bytes are not
// all before the window's `end`, so a printer reading fields in tcpdump's order unwinds exactly
// where tcpdump's GET_* macros do.
import { ipv4ToString, ipv6ToString, macToString } from './addr.js';
import type { Cursor } from './cursor.js';
import { NOT_CAPTURED } from './view.js';

/** A window onto the packet's bytes: a LayerView or a FieldView. */
export interface Window { readonly cursor: Cursor; off: number; end: number }

/** The byte at index `i` of the window. */
export function readU8(v: Window, i: number): number {
  const o = v.off + i;
  if (o >= v.end || i < 0) throw NOT_CAPTURED;
  return v.cursor.buf[o]!;
}
/** Big-endian 16 bits at index `i`. */
export function readU16(v: Window, i: number): number {
  const o = v.off + i;
  if (o + 2 > v.end || i < 0) throw NOT_CAPTURED;
  const b = v.cursor.buf;
  return (b[o]! << 8) | b[o + 1]!;
}
/** Big-endian 24 bits at index `i`. */
export function readU24(v: Window, i: number): number {
  const o = v.off + i;
  if (o + 3 > v.end || i < 0) throw NOT_CAPTURED;
  const b = v.cursor.buf;
  return (b[o]! << 16) | (b[o + 1]! << 8) | b[o + 2]!;
}
/** Big-endian 32 bits (unsigned) at index `i`. */
export function readU32(v: Window, i: number): number {
  const o = v.off + i;
  if (o + 4 > v.end || i < 0) throw NOT_CAPTURED;
  const b = v.cursor.buf;
  return ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
}
/** The dotted quad at index `i`. */
export function readIpv4(v: Window, i: number): string {
  const o = v.off + i;
  if (o + 4 > v.end || i < 0) throw NOT_CAPTURED;
  return ipv4ToString(v.cursor.buf, o);
}
/** The IPv6 address at index `i`, as tcpdump writes it (RFC 5952 compression). */
export function readIpv6(v: Window, i: number): string {
  const o = v.off + i;
  if (o + 16 > v.end || i < 0) throw NOT_CAPTURED;
  return ipv6ToString(v.cursor.buf, o);
}
/** The MAC address (6 bytes) at index `i`, as `00:11:22:33:44:55`. */
export function readMac(v: Window, i: number): string {
  const o = v.off + i;
  if (o + 6 > v.end || i < 0) throw NOT_CAPTURED;
  return macToString(v.cursor.buf, o);
}
/** `n` bytes at index `i` as text, one character per byte (latin1): for text a view has checked is printable. */
export function readLatin1(v: Window, i: number, n: number): string {
  const o = v.off + i;
  if (o + n > v.end || i < 0 || n < 0) throw NOT_CAPTURED;
  const b = v.cursor.buf;
  return Buffer.from(b.buffer, b.byteOffset + o, n).toString('latin1');
}
/** `n` bytes at index `i` as lower-case hex, no separators. */
export function readHex(v: Window, i: number, n: number): string {
  const o = v.off + i;
  if (o + n > v.end || i < 0) throw NOT_CAPTURED;
  const b = v.cursor.buf;
  let s = '';
  for (let k = 0; k < n; k++) s += (b[o + k]! < 16 ? '0' : '') + b[o + k]!.toString(16);
  return s;
}
/** True when the `n` bytes at index `i` were captured and are all zero (false when not captured). */
export function allZero(v: Window, i: number, n: number): boolean {
  const o = v.off + i;
  if (o + n > v.end || i < 0) throw NOT_CAPTURED;
  const b = v.cursor.buf;
  for (let k = 0; k < n; k++) if (b[o + k] !== 0) return false;
  return true;
}

/**
 * A prefix of `plen` bits stored in `(plen + 7) / 8` bytes at index `i` (BGP's and LDP's NLRI),
 * copied into `size` bytes of zeros with the bits past `plen` cleared; checked.
 */
export function readPrefixBytes(v: Window, i: number, plen: number, size: number): Uint8Array {
  const n = (plen + 7) >> 3, o = v.off + i;
  if (n > 0 && (o + n > v.end || i < 0)) throw NOT_CAPTURED;
  const a = new Uint8Array(Math.max(size, n));
  a.set(v.cursor.buf.subarray(o, o + n));
  if (plen % 8) a[n - 1]! &= (0xff00 >> (plen % 8)) & 0xff;
  return a;
}

/** The big-endian IEEE 754 single at index `i` (bandwidths in BGP, RSVP, OSPF); checked. */
export function readF32(v: Window, i: number): number {
  const o = v.off + i;
  if (o + 4 > v.end || i < 0) throw NOT_CAPTURED;
  const b = v.cursor.buf;
  return new DataView(b.buffer, b.byteOffset + o, 4).getFloat32(0, false);
}
