// UDLD, Cisco's UniDirectional Link Detection (RFC 5171; SNAP OUI 00-00-0c, protocol ID 0x0111):
// a 4-byte header (version and opcode, flags, checksum), then TLVs of a 2-byte type and a 2-byte
// length that counts the header.
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const UDLD = Layer.Udld;

/** Bytes of the UDLD header. */
export const UDLD_HEADER_LENGTH = 4;
/** Bytes of a TLV header (type, length); a TLV's length counts them. */
export const UDLD_TLV_HEADER_LENGTH = 4;

/** One UDLD TLV, pointed at its first byte by a printer walking them; every getter checked. */
export class UdldTlv extends FieldView {
  get type(): number { return this.v16(-4); }
  /** The TLV's length, its header included. */
  get tlvLength(): number { return this.v16(-2); }
  /** Byte `i` of the value, checked: for the text and echo data, walked byte by byte. */
  valueByte(i: number): number { return this.v8(i); }
  /** Message and timeout intervals (types 4, 5), in seconds. */
  get interval(): number { return this.v8(0); }
  /** Sequence number (type 7). */
  get sequenceNumber(): number { return this.v32(0); }

  private v8(i: number): number { const o = this.off + UDLD_TLV_HEADER_LENGTH + i; if (o >= this.end || o < this.off) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  private v16(i: number): number { const o = this.off + UDLD_TLV_HEADER_LENGTH + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  private v32(i: number): number { const o = this.off + UDLD_TLV_HEADER_LENGTH + i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
}

/** A UDLD message: the header and every TLV (`length` covers them all). */
export class Udld extends LayerView {
  readonly layer = UDLD;
  /** A sub-view for walking the TLVs (pointed by the printer; reused). */
  readonly tlv: UdldTlv = new UdldTlv(this.cursor);

  decode(c: Cursor): number {
    const o = c.off, end = c.end, b = c.buf;
    this.off = o; this.end = end; this.headerLength = 0;
    if (end - o < UDLD_HEADER_LENGTH) return c.short(UDLD, o, UDLD_HEADER_LENGTH);
    let p = o + UDLD_HEADER_LENGTH;
    while (p < end) {
      if (end - p < UDLD_TLV_HEADER_LENGTH) return c.short(UDLD, o, p - o + UDLD_TLV_HEADER_LENGTH);
      const n = u16(b, p + 2);
      if (n <= UDLD_TLV_HEADER_LENGTH) return c.invalid(UDLD, o, `TLV length ${n} <= 4`);
      if (end - p < n) return c.short(UDLD, o, p - o + n);
      p += n;
    }
    this.headerLength = p - o;
    c.mark(UDLD);
    c.off = p;
    return 0;
  }

  get version(): number { return this.b0 >> 5; }
  /** 1 probe, 2 echo, 3 flush. */
  get opcode(): number { return this.b0 & 0x1f; }
  /** RT (0x01), RSY (0x02). */
  get flags(): number { const o = this.off; if (o + 2 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 1]!; }
  get checksum(): number { const o = this.off; if (o + 4 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o + 2); }
  /** Points `tlv` at the first TLV. */
  first(): UdldTlv { return this.tlv.point(this.off + UDLD_HEADER_LENGTH, this.end); }
  private get b0(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }

  toJSON(): object {
    const t = new UdldTlv(this.cursor), tlvs: object[] = [], last = this.off + this.headerLength;
    for (let p = this.off + UDLD_HEADER_LENGTH; p < last; p += t.tlvLength) tlvs.push({ type: t.point(p, last).type, length: t.tlvLength });
    return { offset: this.offset, length: this.length, version: this.version, opcode: this.opcode, flags: this.flags, checksum: this.checksum, tlvs };
  }
}
