// RADIUS (RFC 2865/2866, CoA RFC 5176), UDP ports 1645, 1646, 1700, 1812, 1813, 3799: a 20-byte
// header (code, identifier, length, authenticator) and attributes, each a type, a length (2 and
// up, itself included) and a value.
import { u16, u32 } from './bytes.js';
import { ipv4ToString, ipv6ToString } from './addr.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const RADIUS = Layer.Radius;

/** Bytes of the RADIUS header (tcpdump's MIN_RADIUS_LEN). */
export const RADIUS_HEADER_LENGTH = 20;
/** Bytes of an attribute's type and length. */
export const RADIUS_ATTRIBUTE_HEADER_LENGTH = 2;

const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * One attribute, pointed at its type byte by the printer as it walks them. The value's fields are
 * read by their index in the value (`valueU32(0)`, `valueByte(2)`), checked.
 */
export class RadiusAttribute extends FieldView {
  get type(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** The attribute's length, type and length bytes included. */
  get attributeLength(): number { const o = this.off + 1; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** Absolute index of the value. */
  get valueOffset(): number { return this.off + RADIUS_ATTRIBUTE_HEADER_LENGTH; }
  /** True when `n` bytes of the value from its index `i` were captured (tcpdump's ND_TCHECK_LEN). */
  valueCaptured(n: number, i = 0): boolean { return n >= 0 && this.off + RADIUS_ATTRIBUTE_HEADER_LENGTH + i + n <= this.end; }
  valueByte(i: number): number { const o = this.off + 2 + i; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  valueU16(i: number): number { const o = this.off + 2 + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  valueU24(i: number): number { const o = this.off + 2 + i; if (o + 3 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o) >>> 8; }
  valueU32(i: number): number { const o = this.off + 2 + i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  /** 64 bits at index `i` (MIP6-Feature-Vector). */
  valueU64(i: number): bigint { return (BigInt(this.valueU32(i)) << 32n) | BigInt(this.valueU32(i + 4)); }
  valueIpv4(i: number): string { if (!this.valueCaptured(4, i)) throw NOT_CAPTURED; return ipv4ToString(this.cursor.buf, this.off + 2 + i); }
  valueIpv6(i: number): string { if (!this.valueCaptured(16, i)) throw NOT_CAPTURED; return ipv6ToString(this.cursor.buf, this.off + 2 + i); }
  /** An IPv6 prefix of `n` (≤ 16) bytes at index `i`, zero-filled to an address (Framed-IPv6-Prefix). */
  valuePrefix6(i: number, n: number): string {
    if (!this.valueCaptured(n, i)) throw NOT_CAPTURED;
    const a = new Uint8Array(16);
    a.set(this.cursor.buf.subarray(this.off + 2 + i, this.off + 2 + i + n));
    return ipv6ToString(a, 0);
  }
}

/** A RADIUS message: the header's getters and the attribute sub-view. */
export class Radius extends LayerView {
  readonly layer = RADIUS;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < RADIUS_HEADER_LENGTH) return c.short(RADIUS, o, RADIUS_HEADER_LENGTH);
    const len = u16(c.buf, o + 2);
    if (len < RADIUS_HEADER_LENGTH) return c.invalid(RADIUS, o, `length ${len} < ${RADIUS_HEADER_LENGTH}`);
    this.headerLength = RADIUS_HEADER_LENGTH;
    c.mark(RADIUS);
    c.off = o + RADIUS_HEADER_LENGTH;
    return 0;
  }

  /** 1 Access-Request, 2 Access-Accept, 3 Access-Reject, 4/5 Accounting, 11 Access-Challenge, 40-45 Disconnect/CoA. */
  get code(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  get identifier(): number { const o = this.off + 1; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** The length the header states (header and attributes). */
  get messageLength(): number { const o = this.off + 2; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  /** The 16-byte authenticator, in hex. */
  get authenticator(): string {
    const o = this.off + 4;
    if (o + 16 > this.end) throw NOT_CAPTURED;
    let s = '';
    for (let k = o; k < o + 16; k++) s += HEX[this.cursor.buf[k]!]!;
    return s;
  }
  /** Absolute index of the first attribute. */
  get attributesOffset(): number { return this.off + RADIUS_HEADER_LENGTH; }
  /** An attribute: the printer points it at each one. */
  readonly attribute: RadiusAttribute = new RadiusAttribute(this.cursor);

  /** The attributes' types and lengths, as far as they were captured and the message length says. */
  get attributes(): { type: number; length: number }[] {
    const out: { type: number; length: number }[] = [];
    const end = Math.min(this.end, this.off + this.messageLength);
    for (let at = this.attributesOffset; at + 2 <= end;) {
      const a = this.attribute.point(at, this.end);
      const len = a.attributeLength;
      out.push({ type: a.type, length: len });
      if (len < 2) break;
      at += len;
    }
    return out;
  }

  toJSON(): object {
    return {
      offset: this.offset, length: this.length, code: this.code, identifier: this.identifier,
      messageLength: this.messageLength, authenticator: this.authenticator, attributes: this.attributes,
    };
  }
}
