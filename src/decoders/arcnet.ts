// ARCNET (LINKTYPE_ARCNET_BSD 7, LINKTYPE_ARCNET_LINUX 129): source and destination station IDs,
// then a system code saying what the frame carries. The BSD header is 3 bytes for the old IP/ARP
// codes and diagnostics, else 6 with RFC 1201's fragmentation flag and sequence ID (10 for an
// exception packet, whose real flag and ID follow a 0xff flag); Linux's has a 2-byte offset before
// the code and is 8 bytes (5 for the old codes).
import { u16 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const ARCNET = Layer.Arcnet, IPV4 = Layer.Ipv4, IPV6 = Layer.Ipv6, ARP = Layer.Arp, DDP = Layer.Ddp;

/** System codes. */
export const enum ArcType { IpOld = 240, ArpOld = 241, Ip = 212, Arp = 213, Rarp = 214, Atalk = 221, Banyan = 247, Ipx = 250, Inet6 = 0xc4, Diagnose = 0x80 }
export const ARC_HEADER_LENGTH = 3, ARC_HEADER_NEW_LENGTH = 6, ARC_HEADER_EXCEPTION_LENGTH = 10;
export const ARC_LINUX_HEADER_LENGTH = 5, ARC_LINUX_HEADER_NEW_LENGTH = 8;

/** The codes whose frames have the old header, without RFC 1201's fragmentation fields. */
export function arcnetOldHeader(type: number): boolean { return type === ArcType.IpOld || type === ArcType.ArpOld || type === ArcType.Diagnose; }

/** The layer a system code carries (0: none vcap decodes). */
function payloadLayer(type: number): number {
  switch (type) {
    case ArcType.IpOld: case ArcType.Ip: return IPV4;
    case ArcType.Inet6: return IPV6;
    case ArcType.ArpOld: case ArcType.Arp: case ArcType.Rarp: return ARP;
    case ArcType.Atalk: return DDP;
    default: return 0;
  }
}

export class Arcnet extends LayerView {
  /** Whether the header is Linux's (a 2-byte offset before the system code). */
  readonly linux: boolean;
  constructor(c: Cursor, readonly layer: typeof Layer.Arcnet | typeof Layer.ArcnetLinux) { super(c); this.linux = layer !== ARCNET; }

  decode(c: Cursor): number {
    const o = c.off, b = c.buf, layer = this.layer, have = c.end - o;
    this.off = o; this.end = c.end; this.headerLength = 0;
    const typeAt = this.linux ? 4 : 2;
    if (have < typeAt + 1) return c.short(layer, o, typeAt + 1);
    const type = b[o + typeAt]!;
    let hl: number;
    if (this.linux) hl = arcnetOldHeader(type) ? ARC_LINUX_HEADER_LENGTH : ARC_LINUX_HEADER_NEW_LENGTH;
    else if (arcnetOldHeader(type)) hl = ARC_HEADER_LENGTH;
    else {
      if (have < ARC_HEADER_NEW_LENGTH) return c.short(layer, o, ARC_HEADER_NEW_LENGTH);
      hl = b[o + 3] === 0xff ? ARC_HEADER_EXCEPTION_LENGTH : ARC_HEADER_NEW_LENGTH;
    }
    if (have < hl) return c.short(layer, o, hl);
    this.headerLength = hl;
    c.mark(layer);
    c.off = o + hl;
    // A middle or last fragment of a split packet carries no header of its own.
    if (!this.linux && hl !== ARC_HEADER_LENGTH && this.flag !== 0 && (this.flag & 1) === 0) return 0;
    return payloadLayer(type);
  }

  get srcHost(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  get dstHost(): number { const o = this.off + 1; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** Linux: the offset field. */
  get offsetField(): number { const o = this.off + 2; if (!this.linux || o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  /** The system code. */
  get type(): number { const o = this.off + (this.linux ? 4 : 2); if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** The byte tcpdump's -e line prints as the system code: byte 2 for both headers (for Linux's, the offset's low-address byte). */
  get printedType(): number { const o = this.off + 2; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** BSD, RFC 1201 header: the fragmentation flag (an exception packet's real one), the sequence ID. */
  get flag(): number {
    const o = this.off + 3; if (o >= this.end) throw NOT_CAPTURED;
    const f = this.cursor.buf[o]!;
    if (f !== 0xff) return f;
    if (o + 5 > this.end) throw NOT_CAPTURED;
    return this.cursor.buf[o + 4]!;
  }
  get sequenceId(): number {
    const exc = this.off + 3 < this.end && this.cursor.buf[this.off + 3] === 0xff;
    const o = this.off + (exc ? 8 : 4); if (o + 2 > this.end) throw NOT_CAPTURED;
    return u16(this.cursor.buf, o);
  }
  /** The flag byte says an exception packet (its real flag and sequence ID follow). */
  get exception(): boolean { const o = this.off + 3; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o] === 0xff; }

  toJSON(): object {
    const oldHeader = this.headerLength === ARC_HEADER_LENGTH || this.headerLength === ARC_LINUX_HEADER_LENGTH;
    return {
      offset: this.offset, length: this.length, srcHost: this.srcHost, dstHost: this.dstHost, type: this.type,
      flag: this.linux || oldHeader ? undefined : this.flag, sequenceId: this.linux || oldHeader ? undefined : this.sequenceId,
    };
  }
}
