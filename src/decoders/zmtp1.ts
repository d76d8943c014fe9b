// ZeroMQ's ZMTP/1.0 (RFC 13/ZMTP): a stream of frames, each a length (one byte, or 0xFF and eight
// bytes), a flags byte and a body. Over TCP (-T zmtp1) the payload is frames; in a PGM datagram
// (-T pgm_zmtp1) it starts with a 16-bit offset to the first frame that begins in it.
import { u16 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const ZMTP1 = Layer.Zmtp1, ZMTP1_DATAGRAM = Layer.Zmtp1Datagram;

/** A frame's length byte that says a 64-bit length follows. */
export const ZMTP1_LONG_LENGTH = 0xff;

/** ZMTP/1.0 frames, read by index from the view's first byte (the walk over them is the printer's). */
export class Zmtp1 extends LayerView {
  readonly layer: typeof ZMTP1 | typeof ZMTP1_DATAGRAM;

  constructor(c: Cursor, layer: typeof ZMTP1 | typeof ZMTP1_DATAGRAM = ZMTP1) { super(c); this.layer = layer; }

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    // The datagram form starts with the 2-byte frame offset; the stream form has no header.
    const need = this.layer === ZMTP1_DATAGRAM ? 2 : 1;
    if (c.end - o < need) return c.short(this.layer, o, need);
    this.headerLength = this.layer === ZMTP1_DATAGRAM ? 2 : 0;
    c.mark(this.layer);
    c.off = o + this.headerLength;
    return 0;
  }

  /** Datagram form: the offset of the first frame that starts in this datagram (0xFFFF: none). */
  get frameOffset(): number { const o = this.off; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  /** Frame length byte at index `i` (0xFF: the 64-bit length follows). */
  lengthByte(i: number): number { return this.byte(i); }
  /** The 64-bit frame length after a 0xFF length byte at index `i`. */
  longLength(i: number): bigint {
    const o = this.off + i + 1;
    if (o + 8 > this.end) throw NOT_CAPTURED;
    const b = this.cursor.buf;
    return (BigInt(((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0) << 32n)
      | BigInt(((b[o + 4]! << 24) | (b[o + 5]! << 16) | (b[o + 6]! << 8) | b[o + 7]!) >>> 0);
  }

  /** The frames from the start (after the datagram's offset field): their lengths (flags + body), up to the first not captured in full. */
  get frames(): { length: string; flags: number }[] {
    const out: { length: string; flags: number }[] = [];
    for (let i = this.headerLength; this.has(i + 1);) {
      const b = this.byte(i);
      const hl = b === ZMTP1_LONG_LENGTH ? 9 : 1;
      if (!this.has(i + hl)) break;
      const len = b === ZMTP1_LONG_LENGTH ? this.longLength(i) : BigInt(b);
      if (len === 0n) { out.push({ length: '0', flags: 0 }); i += hl; continue; }
      if (!this.has(i + hl + 1)) break;
      out.push({ length: len.toString(), flags: this.byte(i + hl) });
      if (BigInt(this.end - this.off - i - hl) < len) break;
      i += hl + Number(len);
    }
    return out;
  }

  toJSON(): object {
    return { offset: this.offset, length: this.length, ...(this.layer === ZMTP1_DATAGRAM ? { frameOffset: this.frameOffset } : {}), frames: this.frames };
  }
}
