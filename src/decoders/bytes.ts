// Big-endian reads without bounds checks: every caller has proved the bytes are there (see
// each view's decode()).

export const EMPTY: Uint8Array = new Uint8Array(0);

export function u16(b: Uint8Array, o: number): number {
  return (b[o]! << 8) | b[o + 1]!;
}

export function u32(b: Uint8Array, o: number): number {
  return ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
}

export function u16le(b: Uint8Array, o: number): number {
  return b[o]! | (b[o + 1]! << 8);
}

export function u32le(b: Uint8Array, o: number): number {
  return (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
}

/** Lower-case hex of buf[off..off+len), no separators. */
export function hex(b: Uint8Array, off: number, len: number): string {
  let s = '';
  for (let i = 0; i < len; i++) s += (b[off + i]! < 16 ? '0' : '') + b[off + i]!.toString(16);
  return s;
}
