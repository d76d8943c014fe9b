// IPComp (RFC 3173), IP protocol 108: the next header, flags and the compression parameter index;
// what follows is the compressed payload.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readU16, readU8 } from './reads.js';
import { LayerView } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const IPCOMP = Layer.Ipcomp;

/** Bytes of the IPComp header before the compressed payload. */
export const IPCOMP_HEADER_LENGTH = 4;

/** An IPComp header. The payload is compressed (DEFLATE, LZS, …): nothing after it is decoded. */
export class Ipcomp extends LayerView {
  readonly layer = IPCOMP;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < IPCOMP_HEADER_LENGTH) return c.short(IPCOMP, o, IPCOMP_HEADER_LENGTH);
    this.headerLength = IPCOMP_HEADER_LENGTH;
    c.mark(IPCOMP);
    c.off = o + IPCOMP_HEADER_LENGTH;
    return 0;
  }

  /** The IP protocol of the payload once decompressed. */
  get nextHeader(): number { return readU8(this, 0); }
  get flags(): number { return readU8(this, 1); }
  /** Compression parameter index. */
  get cpi(): number { return readU16(this, 2); }

  toJSON(): object { return { offset: this.offset, length: this.length, nextHeader: this.nextHeader, flags: this.flags, cpi: this.cpi }; }
}
