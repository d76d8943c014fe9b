// The Babel routing protocol (RFC 8966, with RFC 6126's port and the source-specific, HMAC, MAC
// and timestamp extensions tcpdump knows) on UDP 6696 (and 6697): a 4-byte header (magic 42,
// version, body length), then a body of TLVs and an optional trailer. The printer walks the TLVs
// by index with the checked reads below.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readHex, readU16, readU32, readU8 } from './reads.js';
import { LayerView, notCaptured } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const BABEL = Layer.Babel;

/** Bytes of the Babel packet header. */
export const BABEL_HEADER_LENGTH = 4;

/** A Babel packet. Indexes are from the packet's first byte. */
export class Babel extends LayerView {
  readonly layer = BABEL;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < BABEL_HEADER_LENGTH) return c.short(BABEL, o, BABEL_HEADER_LENGTH);
    this.headerLength = BABEL_HEADER_LENGTH;
    c.mark(BABEL);
    c.off = o + BABEL_HEADER_LENGTH;
    return 0;
  }

  /** 42 for Babel. */
  get magic(): number { return readU8(this, 0); }
  get version(): number { return readU8(this, 1); }
  /** Bytes of the body (the TLVs before any trailer). */
  get bodyLength(): number { return readU16(this, 2); }

  /** True when `n` bytes from index `i` were captured. */
  hasAt(i: number, n: number): boolean { return i >= 0 && this.off + i + n <= this.end; }
  // Checked reads at an index, for the TLVs.
  u8(i: number): number { return readU8(this, i); }
  u16(i: number): number { return readU16(this, i); }
  u32(i: number): number { return readU32(this, i); }
  /** `n` bytes at `i` as upper-case hex (an HMAC digest). */
  hexUpper(i: number, n: number): string { return readHex(this, i, n).toUpperCase(); }
  /** A copy of `n` bytes at `i`; checked. */
  copy(i: number, n: number): Uint8Array {
    const o = this.off + i;
    if (o + n > this.end || i < 0) notCaptured();
    return this.cursor.buf.slice(o, o + n);
  }

  toJSON(): object { return { offset: this.offset, length: this.length, magic: this.magic, version: this.version, bodyLength: this.bodyLength }; }
}
