// LSP ping, MPLS data plane failure detection (RFC 4379/8029; UDP 3503): a 32-byte header
// (version, flags, message type, reply mode, return code and subcode, sender's handle, sequence
// number, two NTP timestamps), then TLVs (type, length, value padded to 4 bytes). A TLV is a
// sub-view the printer points at each; the Target FEC Stack's sub-TLVs are the same sub-view
// class, with a getter per field of the FECs tcpdump decodes.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readIpv4, readIpv6, readU16, readU32, readU8 } from './reads.js';
import { FieldView, LayerView } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const LSPPING = Layer.Lspping;

/** Bytes of the common header and of a TLV's (or sub-TLV's) type and length. */
export const LSPPING_HEADER_LENGTH = 32;
export const LSPPING_TLV_HEADER_LENGTH = 4;
/** The version tcpdump decodes. */
export const LSPPING_VERSION = 1;
/** Sizes of the downstream mapping TLV's parts, by address type, and of its multipath information. */
export const LSPPING_DOWNSTREAM_LENGTH = { Head: 4, Ipv4: 12, Ipv4Unnumbered: 12, Ipv6: 36, Ipv6Unnumbered: 24, Info: 4 } as const;

/**
 * A TLV or sub-TLV: type and length, then (from byte 4) the fields of the FEC sub-TLVs, the
 * downstream mapping, the BFD discriminator and the vendor enterprise code.
 */
export class LsppingTlv extends FieldView {
  get type(): number { return readU16(this, 0); }
  get length(): number { return readU16(this, 2); }
  // FEC sub-TLVs: LDP, BGP labeled and VPN prefixes (the VPN ones after an 8-byte route distinguisher).
  get prefixIpv4(): string { return readIpv4(this, 4); }
  get prefixIpv6(): string { return readIpv6(this, 4); }
  get prefixLength4(): number { return readU8(this, 8); }
  get prefixLength6(): number { return readU8(this, 20); }
  /** The route distinguisher's type (0, 1, 2) and its fields, at byte 4. */
  get rdType(): number { return readU16(this, 4); }
  rdU8(i: number): number { return readU8(this, 6 + i); }
  get rdU16At2(): number { return readU16(this, 6); }
  get rdU32At2(): number { return readU32(this, 6); }
  get rdU32At4(): number { return readU32(this, 8); }
  get rdU16At6(): number { return readU16(this, 10); }
  get vpnPrefixIpv4(): string { return readIpv4(this, 12); }
  get vpnPrefixIpv6(): string { return readIpv6(this, 12); }
  get vpnPrefixLength4(): number { return readU8(this, 16); }
  get vpnPrefixLength6(): number { return readU8(this, 28); }
  // RSVP session query, IPv4 and IPv6.
  get rsvp4Endpoint(): string { return readIpv4(this, 4); }
  get rsvp4TunnelId(): number { return readU16(this, 10); }
  get rsvp4ExtendedTunnelId(): string { return readIpv4(this, 12); }
  get rsvp4Sender(): string { return readIpv4(this, 16); }
  get rsvp4LspId(): number { return readU16(this, 22); }
  get rsvp6Endpoint(): string { return readIpv6(this, 4); }
  get rsvp6TunnelId(): number { return readU16(this, 22); }
  get rsvp6ExtendedTunnelId(): string { return readIpv6(this, 24); }
  get rsvp6Sender(): string { return readIpv6(this, 40); }
  get rsvp6LspId(): number { return readU16(this, 58); }
  // L2 VPN endpoint (after its route distinguisher).
  get senderVeId(): number { return readU16(this, 12); }
  get receiverVeId(): number { return readU16(this, 14); }
  get encapsulation(): number { return readU16(this, 16); }
  // FEC 128 pseudowires: the old form without the sender, and the current one.
  get pwOldRemotePe(): string { return readIpv4(this, 4); }
  get pwOldId(): number { return readU32(this, 8); }
  get pwOldType(): number { return readU16(this, 12); }
  get pwSenderPe(): string { return readIpv4(this, 4); }
  get pwRemotePe(): string { return readIpv4(this, 8); }
  get pwId(): number { return readU32(this, 12); }
  get pwType(): number { return readU16(this, 16); }
  // Downstream mapping: MTU and address type, then the downstream router and interface.
  get mtu(): number { return readU16(this, 4); }
  get addressType(): number { return readU8(this, 6); }
  get downstreamIpv4(): string { return readIpv4(this, 8); }
  get downstreamInterfaceIpv4(): string { return readIpv4(this, 12); }
  get downstreamInterfaceIndex4(): number { return readU32(this, 12); }
  get downstreamIpv6(): string { return readIpv6(this, 8); }
  get downstreamInterfaceIpv6(): string { return readIpv6(this, 24); }
  get downstreamInterfaceIndex6(): number { return readU32(this, 24); }
  /** BFD discriminator, vendor enterprise code: the value's first word. */
  get word(): number { return readU32(this, 4); }
}

/** An LSP ping message. */
export class Lspping extends LayerView {
  readonly layer = LSPPING;
  readonly tlv: LsppingTlv;
  readonly subTlv: LsppingTlv;

  constructor(c: Cursor) { super(c); this.tlv = new LsppingTlv(c); this.subTlv = new LsppingTlv(c); }

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < LSPPING_HEADER_LENGTH) return c.short(LSPPING, o, LSPPING_HEADER_LENGTH);
    this.headerLength = LSPPING_HEADER_LENGTH;
    c.mark(LSPPING);
    c.off = o + LSPPING_HEADER_LENGTH;
    return 0;
  }

  get version(): number { return readU16(this, 0); }
  get globalFlags(): number { return readU16(this, 2); }
  get messageType(): number { return readU8(this, 4); }
  get replyMode(): number { return readU8(this, 5); }
  get returnCode(): number { return readU8(this, 6); }
  get returnSubcode(): number { return readU8(this, 7); }
  get senderHandle(): number { return readU32(this, 8); }
  get sequence(): number { return readU32(this, 12); }
  /** The timestamps (NTP format): seconds and fraction, sent and received. */
  get sentSeconds(): number { return readU32(this, 16); }
  get sentFraction(): number { return readU32(this, 20); }
  get receivedSeconds(): number { return readU32(this, 24); }
  get receivedFraction(): number { return readU32(this, 28); }

  /** Points a sub-view at index `i` of the message. */
  at<V extends FieldView>(v: V, i: number): V { return v.point(this.off + i, this.end); }

  toJSON(): object {
    return {
      offset: this.offset, length: this.length, version: this.version, messageType: this.messageType, replyMode: this.replyMode,
      returnCode: this.returnCode, returnSubcode: this.returnSubcode, senderHandle: this.senderHandle, sequence: this.sequence,
    };
  }
}
