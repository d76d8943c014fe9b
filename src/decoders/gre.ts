// GRE (RFC 2784, RFC 2890, RFC 1701's source routes), IP protocol 47, and the enhanced GRE of PPTP
// (RFC 2637, version 1): flags and version, the protocol type (an EtherType), then the optional
// fields the flags announce, then the packet it carries.
import { ipv4ToString } from './addr.js';
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { tunnelStep } from './registry-tables.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const GRE = Layer.Gre;

/** Bytes of the flags and version word. */
export const GRE_FLAGS_LENGTH = 2;
/** Bytes of the GRE header every version has: flags and version, protocol type. */
export const GRE_BASE_LENGTH = 4;
/** Bytes of a source route entry's header (address family, SRE offset, SRE length). */
export const GRE_SRE_HEADER_LENGTH = 4;
/** The flag bits: checksum, routing, key, sequence number, strict source route present; ack present (version 1). */
export const GreFlag = { Checksum: 0x8000, Routing: 0x4000, Key: 0x2000, Sequence: 0x1000, StrictRoute: 0x0800, Ack: 0x0080 } as const;
const CP = 0x8000, RP = 0x4000, KP = 0x2000, SP = 0x1000, AP = 0x0080;

/** One source route entry (RFC 1701): IPv4 hops (address family 0x0800) or AS numbers (0xfffe). */
export class GreSre extends FieldView {
  get addressFamily(): number { const o = this.off; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  /** The SRE offset: where in the list the next hop is. */
  get sreOffset(): number { const o = this.off; if (o + 3 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 2]!; }
  /** Bytes of the list after the SRE's header. */
  get sreLength(): number { const o = this.off; if (o + 4 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 3]!; }
  /** True when the `n` bytes at `at` of the list were captured. */
  listHas(at: number, n: number): boolean { return this.off + GRE_SRE_HEADER_LENGTH + at + n <= this.end; }
  /** The IPv4 address at byte `at` of the list. */
  ipv4Hop(at: number): string { const o = this.off + GRE_SRE_HEADER_LENGTH + at; if (o + 4 > this.end) throw NOT_CAPTURED; return ipv4ToString(this.cursor.buf, o); }
  /** The AS number at byte `at` of the list. */
  asHop(at: number): number { const o = this.off + GRE_SRE_HEADER_LENGTH + at; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  /** Points the view at the entry after this one. */
  next(): this { this.off += GRE_SRE_HEADER_LENGTH + this.sreLength; return this; }
}

/**
 * A GRE header, version 0 or 1; `headerLength` covers the optional fields and source routes. An
 * encapsulation: the packet it carries (IPv4, IPv6, MPLS, an Ethernet frame) is the walk's `Packet.inner`.
 */
export class Gre extends LayerView {
  readonly layer = GRE;

  decode(c: Cursor): number {
    const o = c.off, b = c.buf;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < GRE_BASE_LENGTH) return c.short(GRE, o, GRE_BASE_LENGTH);
    const flags = u16(b, o), version = flags & 7;
    let len: number;
    if (version === 0) {
      len = GRE_BASE_LENGTH + ((flags & (CP | RP)) !== 0 ? 4 : 0) + ((flags & KP) !== 0 ? 4 : 0) + ((flags & SP) !== 0 ? 4 : 0);
      if ((flags & RP) !== 0) return this.routes(c, o, len);
    } else if (version === 1) {
      len = GRE_BASE_LENGTH + ((flags & KP) !== 0 ? 4 : 0) + ((flags & SP) !== 0 ? 4 : 0) + ((flags & AP) !== 0 ? 4 : 0);
    } else {
      return c.invalid(GRE, o, `version ${version}`);
    }
    if (c.end - o < len) return c.short(GRE, o, len);
    return this.done(c, o, len);
  }

  /** The source route entries after the fixed fields, to the null one. */
  private routes(c: Cursor, o: number, len: number): number {
    const b = c.buf;
    for (;;) {
      if (c.end - o < len + GRE_SRE_HEADER_LENGTH) return c.short(GRE, o, len + GRE_SRE_HEADER_LENGTH);
      const af = u16(b, o + len), srelen = b[o + len + 3]!;
      len += GRE_SRE_HEADER_LENGTH;
      if (af === 0 && srelen === 0) break;
      len += srelen;
    }
    return this.done(c, o, len);
  }

  private done(c: Cursor, o: number, len: number): number {
    this.headerLength = len;
    c.mark(GRE);
    c.off = o + len;
    // The walk goes on into what tcpdump prints of the payload (version 1 carries PPP, which it does not follow).
    if ((c.buf[o + 1]! & 7) !== 0) return 0;
    return tunnelStep(u16(c.buf, o + 2));
  }

  /** The flags and version word. */
  get flags(): number { const o = this.off; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  /** 0 (GRE), 1 (PPTP's enhanced GRE). */
  get version(): number { return this.flags & 7; }
  /** The protocol type: the EtherType of the packet carried (0x6558: an Ethernet frame). */
  get protocol(): number { const o = this.off; if (o + 4 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o + 2); }
  /** Version 0 with the checksum or routing flag: the checksum field. */
  get checksum(): number { return this.u16At(GRE_BASE_LENGTH); }
  /** Version 0 with the checksum or routing flag: the offset field (of the active source route entry). */
  get routingOffset(): number { return this.u16At(GRE_BASE_LENGTH + 2); }
  /** Version 0 with the key flag: the key. Version 1: payload length (high 16 bits) and call ID (low 16). */
  get key(): number { return this.u32At(this.keyAt()); }
  /** Version 1: the peer's call ID (the key field's low half). */
  get callId(): number { return this.key & 0xffff; }
  /** With the sequence flag: the sequence number. */
  get sequence(): number { return this.u32At(this.sequenceAt()); }
  /** Version 1 with the ack flag: the acknowledgment number. */
  get ack(): number { const f = this.flags; return this.u32At(this.sequenceAt() + ((f & SP) !== 0 ? 4 : 0)); }

  /** A view of the source route entries: `firstSre()` points it at the first, `next()` at each after. */
  readonly sre: GreSre = new GreSre(this.cursor);
  /** The first source route entry (version 0 with the routing flag). */
  firstSre(): GreSre {
    const f = this.flags;
    return this.sre.point(this.off + this.sequenceAt() + ((f & SP) !== 0 ? 4 : 0), this.end);
  }

  private keyAt(): number { const f = this.flags; return GRE_BASE_LENGTH + ((f & 7) === 0 && (f & (CP | RP)) !== 0 ? 4 : 0); }
  private sequenceAt(): number { const f = this.flags; return this.keyAt() + ((f & KP) !== 0 ? 4 : 0); }
  private u16At(i: number): number { const o = this.off + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  private u32At(i: number): number { const o = this.off + i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }

  toJSON(): object {
    const f = this.flags, v0 = (f & 7) === 0;
    const o: Record<string, unknown> = { offset: this.offset, length: this.length, flags: f & 0xfff8, version: f & 7, protocol: this.protocol };
    if (v0 && (f & (CP | RP)) !== 0) { o.checksum = this.checksum; o.routingOffset = this.routingOffset; }
    if ((f & KP) !== 0) { if (v0) o.key = this.key; else { o.payloadLength = this.key >>> 16; o.callId = this.callId; } }
    if ((f & SP) !== 0) o.sequence = this.sequence;
    if (!v0 && (f & AP) !== 0) o.ack = this.ack;
    if (v0 && (f & RP) !== 0) {
      const routes: object[] = [];
      for (let s = this.firstSre(); ; s.next()) {
        const af = s.addressFamily, len = s.sreLength;
        if (af === 0 && len === 0) break;
        routes.push({ addressFamily: af, sreOffset: s.sreOffset, sreLength: len });
      }
      o.routes = routes;
    }
    return o;
  }
}
