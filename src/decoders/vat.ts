// LBL's vat (audio) and vt (video) conferencing tools' packets, as tcpdump tells them apart (UDP
// destination port 3456 or -T vat): a first 16-bit word with bits 0xf060 set is vt's.
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const VAT = Layer.Vat;

/** Bytes of a vat header (flags, format, conference id, timestamp). */
export const VAT_HEADER_LENGTH = 8;

/** A vat or vt packet. */
export class Vat extends LayerView {
  readonly layer = VAT;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < 2) return c.short(VAT, o, 2);
    const need = (u16(c.buf, o) & 0xf060) !== 0 ? 2 : VAT_HEADER_LENGTH;
    if (c.end - o < need) return c.short(VAT, o, need);
    this.headerLength = need;
    c.mark(VAT);
    c.off = o + need;
    return 0;
  }

  /** The first 16-bit word: vt's sequence (low 10 bits) and type (high 6); for vat, flags and format. */
  get firstWord(): number { const o = this.off; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  /** True for a vt (video) packet. */
  get isVt(): boolean { return (this.firstWord & 0xf060) !== 0; }
  /** vat: the flags, format and conference id word. */
  get flagsWord(): number { const o = this.off; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  /** vat: the media timestamp. */
  get timestamp(): number { const o = this.off; if (o + 8 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o + 4); }

  toJSON(): object {
    return this.isVt ? { offset: this.offset, length: this.length, vt: true, firstWord: this.firstWord }
      : { offset: this.offset, length: this.length, vt: false, flagsWord: this.flagsWord, timestamp: this.timestamp };
  }
}
