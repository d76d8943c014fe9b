// Per-Packet Information (LINKTYPE_PPI, 192): a little-endian header (version, flags, the length of
// the header with its TLVs, the link type of the frame after it), then TLVs tcpdump does not
// decode, then the frame, decoded as its link type says.
import { u16le, u32le } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { byLinkType } from './registry-tables.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const PPI = Layer.Ppi;
const BY_LINK_TYPE = byLinkType;

/** Bytes of the PPI header before its TLVs. */
export const PPI_HEADER_LENGTH = 8;
/** The longest PPI header the specification allows (3.1.3). */
export const PPI_MAX_LENGTH = 65532;

export class Ppi extends LayerView {
  readonly layer = PPI;

  decode(c: Cursor): number {
    const o = c.off, b = c.buf;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < PPI_HEADER_LENGTH) return c.short(PPI, o, PPI_HEADER_LENGTH);
    const len = u16le(b, o + 2);
    if (len < PPI_HEADER_LENGTH || len > PPI_MAX_LENGTH) return c.invalid(PPI, o, `length ${len} < ${PPI_HEADER_LENGTH} or > ${PPI_MAX_LENGTH}`);
    if (c.end - o < len) return c.short(PPI, o, len);
    this.headerLength = len;
    c.mark(PPI);
    c.off = o + len;
    const dlt = u32le(b, o + 4);
    return dlt < 512 ? BY_LINK_TYPE[dlt]! : 0;
  }

  get version(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  get flags(): number { const o = this.off + 1; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** The length of the header and its TLVs. */
  get headerLengthField(): number { const o = this.off + 2; if (o + 2 > this.end) throw NOT_CAPTURED; return u16le(this.cursor.buf, o); }
  /** The link type (DLT) of the frame after the header. */
  get dlt(): number { const o = this.off + 4; if (o + 4 > this.end) throw NOT_CAPTURED; return u32le(this.cursor.buf, o); }

  toJSON(): object { return { offset: this.offset, length: this.length, version: this.version, flags: this.flags, dlt: this.dlt }; }
}
