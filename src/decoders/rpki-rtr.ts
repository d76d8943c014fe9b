// The RPKI to router protocol (RFC 6810; TCP 323): a run of PDUs, each an 8-byte header (version,
// type, session ID or error code, length) and by type a serial number, an IPv4 or IPv6 prefix
// with its origin AS, or an error report (the erroneous PDU and a text). A PDU is a sub-view the
// printer points at each; an error report's encapsulated PDU is the same sub-view class.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readIpv4, readIpv6, readU16, readU32, readU8 } from './reads.js';
import { FieldView, LayerView } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const RPKI_RTR = Layer.RpkiRtr;

/** Bytes of a PDU's header, and of the prefix PDUs. */
export const RPKI_RTR_PDU_HEADER_LENGTH = 8;
export const RPKI_RTR_IPV4_PREFIX_LENGTH = 20;
export const RPKI_RTR_IPV6_PREFIX_LENGTH = 32;

/** A PDU: its header, then the fields of its type (offsets from its first byte). */
export class RpkiRtrPdu extends FieldView {
  get version(): number { return readU8(this, 0); }
  get type(): number { return readU8(this, 1); }
  /** Session ID, or an error report's error code. */
  get sessionId(): number { return readU16(this, 2); }
  get length(): number { return readU32(this, 4); }
  /** Serial Notify, Serial Query, End of Data. */
  get serial(): number { return readU32(this, 8); }
  // IPv4 and IPv6 prefixes.
  get flags(): number { return readU8(this, 8); }
  get prefixLength(): number { return readU8(this, 9); }
  get maxLength(): number { return readU8(this, 10); }
  get prefixIpv4(): string { return readIpv4(this, 12); }
  get asIpv4(): number { return readU32(this, 16); }
  get prefixIpv6(): string { return readIpv6(this, 12); }
  get asIpv6(): number { return readU32(this, 28); }
  /** Error report: the encapsulated PDU's length (the PDU follows at 12), then at `i` the error text's length. */
  get encapsulatedLength(): number { return readU32(this, 8); }
  textLengthAt(i: number): number { return readU32(this, i); }
}

/** RPKI-RTR PDUs of a TCP segment. */
export class RpkiRtr extends LayerView {
  readonly layer = RPKI_RTR;
  /** One sub-view per nesting level: the PDU, and the one an error report encapsulates. */
  readonly pdu: RpkiRtrPdu;
  readonly encapsulated: RpkiRtrPdu;

  constructor(c: Cursor) { super(c); this.pdu = new RpkiRtrPdu(c); this.encapsulated = new RpkiRtrPdu(c); }

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < 1) return c.short(RPKI_RTR, o, 1);
    c.mark(RPKI_RTR);
    return 0;
  }

  /** Points a sub-view at index `i` of the segment. */
  at<V extends FieldView>(v: V, i: number): V { return v.point(this.off + i, this.end); }

  /** The headers of the PDUs captured in full. */
  get pdus(): { version: number; type: number; length: number }[] {
    const out: { version: number; type: number; length: number }[] = [];
    const p = this.pdu;
    for (let i = 0; this.has(i + RPKI_RTR_PDU_HEADER_LENGTH);) {
      this.at(p, i);
      const length = p.length;
      out.push({ version: p.version, type: p.type, length });
      if (length < RPKI_RTR_PDU_HEADER_LENGTH) break;
      i += length;
    }
    return out;
  }

  toJSON(): object { return { offset: this.offset, length: this.captured, pdus: this.pdus }; }
}
