// IPsec AH (RFC 4302), IP protocol 51 after IPv4 (after IPv6 it is an extension header of the
// IPv6 view's chain): next header, payload length, reserved, SPI, sequence number, ICV; then the
// protected packet, by the next header.
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { byIpProto } from './registry-tables.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const AH = Layer.Ah;
const BY_IP_PROTO = byIpProto;

/** Bytes of the AH header before its ICV (next header, payload length, reserved, SPI, sequence). */
export const AH_FIXED_LENGTH = 12;

/** An AH header; `headerLength` is what its payload-length field says ((field + 2) × 4 bytes). */
export class Ah extends LayerView {
  readonly layer = AH;

  decode(c: Cursor): number {
    const o = c.off, b = c.buf;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < AH_FIXED_LENGTH) return c.short(AH, o, AH_FIXED_LENGTH);
    const len = (b[o + 1]! + 2) * 4;
    if (len < AH_FIXED_LENGTH) return c.invalid(AH, o, `header length ${len} < ${AH_FIXED_LENGTH}`);
    if (c.end - o < len) return c.short(AH, o, len);
    this.headerLength = len;
    c.mark(AH);
    c.off = o + len;
    const next = b[o]!;
    // Another AH (or anything the walk would point a second view of the same layer at) is left to the printer.
    return next === 51 ? 0 : BY_IP_PROTO[next]!;
  }

  /** The protocol of what AH protects. */
  get nextHeader(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** The payload-length field: AH's length in 4-byte words, minus 2. */
  get payloadLength(): number { const o = this.off; if (o + 2 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 1]!; }
  /** Bytes of the header by the payload-length field (the ICV included). */
  get statedLength(): number { return (this.payloadLength + 2) * 4; }
  /** Must be zero. */
  get reserved(): number { const o = this.off; if (o + 4 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o + 2); }
  /** Security Parameters Index. */
  get spi(): number { const o = this.off; if (o + 8 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o + 4); }
  /** Sequence number. */
  get sequence(): number { const o = this.off; if (o + 12 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o + 8); }
  /** Byte `i` of the Integrity Check Value (checked). */
  icvByte(i: number): number { return this.byte(AH_FIXED_LENGTH + i); }
  /** Bytes of the ICV by the payload-length field. */
  get icvLength(): number { return this.statedLength - AH_FIXED_LENGTH; }

  toJSON(): object {
    let icv = '';
    for (let i = 0; i < this.icvLength; i++) icv += this.icvByte(i).toString(16).padStart(2, '0');
    return {
      offset: this.offset, length: this.length, nextHeader: this.nextHeader, reserved: this.reserved, spi: this.spi,
      sequence: this.sequence, icv,
    };
  }
}
