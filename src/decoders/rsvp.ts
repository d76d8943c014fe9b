// RSVP (RFC 2205) and its traffic-engineering and GMPLS extensions (RFC 3209, 3473, 4090, 4875,
// 2961, 2747…) on IP protocol 46: an 8-byte common header, then objects of a 4-byte header
// (length, class, C-Type) and a body whose layout class and C-Type give; a Bundle message holds
// whole messages. Sub-views name the fields: RsvpHeader (a bundled message), RsvpObject,
// RsvpSubobject (ERO/RRO, UNI, Properties TLVs) and RsvpIntserv (IntServ services, parameters).
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readF32, readIpv4, readIpv6, readU16, readU24, readU32, readU8 } from './reads.js';
import { FieldView, LayerView } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const RSVP = Layer.Rsvp;

/** Bytes of the RSVP common header. */
export const RSVP_HEADER_LENGTH = 8;
/** Bytes of an object header. */
export const RSVP_OBJECT_HEADER_LENGTH = 4;

/** A message header inside a Bundle message (the common header's layout), pointed at its first byte. */
export class RsvpHeader extends FieldView {
  get version(): number { return readU8(this, 0) >> 4; }
  get flags(): number { return readU8(this, 0) & 0x0f; }
  get messageType(): number { return readU8(this, 1); }
  get checksum(): number { return readU16(this, 2); }
  get sendTtl(): number { return readU8(this, 4); }
  get messageLength(): number { return readU16(this, 6); }
  /** Absolute index of the first object. */
  get objectsStart(): number { return this.off + RSVP_HEADER_LENGTH; }
}

/**
 * One object, pointed at its header (length, class, C-Type). Body fields are named by the
 * classes (and C-Types) that have them; `i` numbers the repeated items of a body from 0.
 */
export class RsvpObject extends FieldView {
  get objectLength(): number { return readU16(this, 0); }
  get classNum(): number { return readU8(this, 2); }
  get ctype(): number { return readU8(this, 3); }
  /** Absolute index of the body. */
  get bodyStart(): number { return this.off + RSVP_OBJECT_HEADER_LENGTH; }

  /** The IPv4 / IPv6 address that opens many bodies: Session destination, RSVP Hop, sender, filter, error node, receiver, notify node, sub-LSP destination, P2MP ID. */
  get address4(): string { return this.ip4(0); }
  get address6(): string { return this.ip6(0); }
  // Session (1).
  get protocolId(): number { return this.b8(4); }
  get sessionFlags(): number { return this.b8(5); }
  get destinationPort(): number { return this.b16(6); }
  get protocolId6(): number { return this.b8(16); }
  get sessionFlags6(): number { return this.b8(17); }
  get destinationPort6(): number { return this.b16(18); }
  /** LSP tunnel sessions: tunnel ID and extended tunnel ID (IPv4 7, 11, 13; IPv6 P2MP 14). */
  get tunnelId(): number { return this.b16(6); }
  get extendedTunnelId4(): string { return this.ip4(8); }
  get extendedTunnelId6(): string { return this.ip6(8); }
  /** IPv6 LSP tunnel session (8): tunnel ID and extended tunnel ID after the endpoint. */
  get tunnel6Id(): number { return this.b16(18); }
  get tunnel6ExtendedId(): string { return this.ip6(20); }
  /** IPv6 P2MP session (14): the P2MP ID. */
  get p2mpId(): number { return this.b32(0); }
  // Labels (16, 34, 35, 129).
  label(i: number): number { return this.b32(4 * i); }
  get wavebandId(): number { return this.b32(0); }
  get startLabel(): number { return this.b32(4); }
  get stopLabel(): number { return this.b32(8); }
  // Style (8).
  get styleFlags(): number { return this.b8(0); }
  get reservationStyle(): number { return this.b24(1); }
  // Sender Template (11), FilterSpec (10).
  get sourcePort(): number { return this.b16(6); }
  get sourcePort6(): number { return this.b16(18); }
  get lspId(): number { return this.b16(6); }
  get lspId6(): number { return this.b16(18); }
  get subGroupOriginator4(): string { return this.ip4(8); }
  get subGroupId4(): number { return this.b16(12); }
  get subGroupOriginator6(): string { return this.ip6(20); }
  get subGroupId6(): number { return this.b16(38); }
  get flowLabel(): number { return this.b24(17); }
  // Label Request (19).
  /** Without label range (1): item `i`'s L3PID. */
  l3pid(i: number): number { return this.b16(4 * i + 2); }
  get lspEncoding(): number { return this.b8(0); }
  get switchingType(): number { return this.b8(1); }
  get gpid(): number { return this.b16(2); }
  /** ATM label range (2): the M bit's byte, VPI/VCI bounds. */
  get atmMergeByte(): number { return this.b8(4); }
  get minVpi(): number { return this.b16(4) & 0xfff; }
  get minVci(): number { return this.b16(6) & 0xfff; }
  get maxVpi(): number { return this.b16(8) & 0xfff; }
  get maxVci(): number { return this.b16(10) & 0xfff; }
  /** Frame Relay label range (3): the DLCI length bits and the bounds. */
  get dlciLength(): number { return (this.b16(4) >> 7) & 3; }
  get minDlci(): number { return this.b32(4) & 0x7fffff; }
  get maxDlci(): number { return this.b32(8) & 0x7fffff; }
  // Hello (22).
  get sourceInstance(): number { return this.b32(0); }
  get destinationInstance(): number { return this.b32(4); }
  // Restart Capability (131).
  get restartTime(): number { return this.b32(0); }
  get recoveryTime(): number { return this.b32(4); }
  // Capability (134), Administrative Status (196).
  get capabilityFlags(): number { return this.b32(0); }
  get adminStatus(): number { return this.b32(0); }
  // Session Attribute (207) and Fast Re-Route (205).
  get setupPriority(): number { return this.b8(0); }
  get holdingPriority(): number { return this.b8(1); }
  get attributeFlags(): number { return this.b8(2); }
  get nameLength(): number { return this.b8(3); }
  nameByte(i: number): number { return this.b8(4 + i); }
  get hopLimit(): number { return this.b8(2); }
  /** Bandwidth in bytes per second (IEEE single). */
  get bandwidth(): number { return readF32(this, RSVP_OBJECT_HEADER_LENGTH + 4); }
  get includeAny(): number { return this.b32(8); }
  get excludeAny(): number { return this.b32(12); }
  get includeAll(): number { return this.b32(16); }
  // RSVP Hop (3): the logical interface handle.
  get interfaceHandle(): number { return this.b32(4); }
  get interfaceHandle6(): number { return this.b32(16); }
  // Time Values (5).
  get refreshPeriod(): number { return this.b32(0); }
  // IntServ (9, 12, 13): the message header; service headers and parameters follow (RsvpIntserv).
  get intservVersion(): number { return (this.b8(0) & 0xf0) >> 4; }
  get intservLength(): number { return this.b16(2) << 2; }
  // Detour (63): item `i`.
  plrId(i: number): string { return this.ip4(8 * i); }
  avoidNodeId(i: number): string { return this.ip4(8 * i + 4); }
  // Class Type (66, 125).
  get classType(): number { return this.b32(0) & 0x7; }
  // Error Spec (6).
  get errorFlags(): number { return this.b8(4); }
  get errorCode(): number { return this.b8(5); }
  get errorValue(): number { return this.b16(6); }
  get errorFlags6(): number { return this.b8(16); }
  get errorCode6(): number { return this.b8(17); }
  get errorValue6(): number { return this.b16(18); }
  // Properties (204): the TLV count and padding; the TLVs follow (RsvpSubobject).
  get propertyCount(): number { return this.b16(0); }
  get propertyPadding(): number { return this.b16(2); }
  // Message ID (23), Ack (24), List (25).
  get messageIdFlags(): number { return this.b8(0); }
  get epoch(): number { return this.b24(1); }
  /** Message ID `i` of the list (the Message ID object's own is 0). */
  messageId(i: number): number { return this.b32(4 + 4 * i); }
  // Integrity (4).
  get integrityFlags(): number { return this.b8(0); }
  get keyIdHigh(): number { return this.b16(2); }
  get keyIdLow(): number { return this.b32(4); }
  get sequenceHigh(): number { return this.b32(8); }
  get sequenceLow(): number { return this.b32(12); }
  /** Word `i` (0-3) of the MD5 digest. */
  digestWord(i: number): number { return this.b32(16 + 4 * i); }
  // Label Set (36).
  get labelSetAction(): number { return this.b16(0) >> 8; }
  get labelSetType(): number { return this.b32(0) & 0x7f; }
  get rangeStart(): number { return this.b32(4); }
  get rangeEnd(): number { return this.b32(8); }
  subchannel(i: number): number { return this.b32(4 + 4 * i); }

  private b8(i: number): number { return readU8(this, RSVP_OBJECT_HEADER_LENGTH + i); }
  private b16(i: number): number { return readU16(this, RSVP_OBJECT_HEADER_LENGTH + i); }
  private b24(i: number): number { return readU24(this, RSVP_OBJECT_HEADER_LENGTH + i); }
  private b32(i: number): number { return readU32(this, RSVP_OBJECT_HEADER_LENGTH + i); }
  private ip4(i: number): string { return readIpv4(this, RSVP_OBJECT_HEADER_LENGTH + i); }
  private ip6(i: number): string { return readIpv6(this, RSVP_OBJECT_HEADER_LENGTH + i); }
}

/**
 * A subobject inside an object body, pointed at its first byte: an ERO/RRO subobject, a
 * Generalized UNI subobject, a Properties TLV.
 */
export class RsvpSubobject extends FieldView {
  // ERO / RRO (1-byte type with the L bit, 1-byte length).
  /** The L (loose) bit and the type (low 7 bits). */
  get typeByte(): number { return readU8(this, 0); }
  get length(): number { return readU8(this, 1); }
  get prefix4(): string { return readIpv4(this, 2); }
  get prefixLength(): number { return readU8(this, 6); }
  get rroFlags(): number { return readU8(this, 7); }
  get labelFlags(): number { return readU8(this, 2); }
  get labelCtype(): number { return readU8(this, 3); }
  get label(): number { return readU32(this, 4); }
  /** Absolute index of what follows a 2-byte type and length (a Properties TLV's data). */
  get dataStart(): number { return this.off + 2; }
  // Generalized UNI (2-byte length, type, address family).
  get uniLength(): number { return readU16(this, 0); }
  get uniType(): number { return readU16(this, 2) >> 8; }
  get uniAddressFamily(): number { return readU16(this, 2) & 0xff; }
  get tna4(): string { return readIpv4(this, 4); }
  get tna6(): string { return readIpv6(this, 4); }
  /** Egress label: the U bit and label type word, the logical port, the label. */
  get egressWord(): number { return readU32(this, 4); }
  get logicalPort(): number { return readU32(this, 8); }
  get egressLabel(): number { return readU32(this, 12); }
  get serviceLevel(): number { return readU32(this, 4) >>> 24; }
}

/** An IntServ service header or parameter, pointed at its first byte. */
export class RsvpIntserv extends FieldView {
  // Service header.
  get serviceType(): number { return readU8(this, 0); }
  /** 0x80: the break bit. */
  get serviceFlags(): number { return readU8(this, 1); }
  get serviceLength(): number { return readU16(this, 2) << 2; }
  // Parameter.
  get parameterId(): number { return readU8(this, 0); }
  get parameterFlags(): number { return readU8(this, 1); }
  get parameterLength(): number { return readU16(this, 2) << 2; }
  /** Absolute index of the parameter's value. */
  get valueStart(): number { return this.off + 4; }
  /** A 32-bit value (hop count, latency, MTU, composed C/D, token bucket's minimum policed unit at 3, maximum packet size at 4). */
  word(i: number): number { return readU32(this, 4 + 4 * i); }
  /** An IEEE single (path bandwidth, token bucket rate 0, size 1, peak rate 2; RSpec rate 0). */
  float(i: number): number { return readF32(this, 4 + 4 * i); }
}

/** An RSVP message. */
export class Rsvp extends LayerView {
  readonly layer = RSVP;
  /** Sub-views for walking bundled headers, objects and what is inside them (pointed by the printer; reused). */
  readonly bundled: RsvpHeader = new RsvpHeader(this.cursor);
  readonly object: RsvpObject = new RsvpObject(this.cursor);
  readonly subobject: RsvpSubobject = new RsvpSubobject(this.cursor);
  readonly intserv: RsvpIntserv = new RsvpIntserv(this.cursor);

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < RSVP_HEADER_LENGTH) return c.short(RSVP, o, RSVP_HEADER_LENGTH);
    this.headerLength = RSVP_HEADER_LENGTH;
    c.mark(RSVP);
    c.off = o + RSVP_HEADER_LENGTH;
    return 0;
  }

  /** 1. */
  get version(): number { return readU8(this, 0) >> 4; }
  get flags(): number { return readU8(this, 0) & 0x0f; }
  /** 1 Path, 2 Resv, … 12 Bundle, 13 Ack, 15 Srefresh, 20 Hello. */
  get messageType(): number { return readU8(this, 1); }
  get checksum(): number { return readU16(this, 2); }
  get sendTtl(): number { return readU8(this, 4); }
  get messageLength(): number { return readU16(this, 6); }

  /** Points `header` at the message `at` bytes into the layer (inside a Bundle: the first at RSVP_HEADER_LENGTH). */
  pointBundled(at: number): RsvpHeader { return this.bundled.point(this.off + at, this.end); }
  /** Points the sub-views at absolute index `pos`. */
  pointObject(pos: number): RsvpObject { return this.object.point(pos, this.end); }
  pointSubobject(pos: number): RsvpSubobject { return this.subobject.point(pos, this.end); }
  pointIntserv(pos: number): RsvpIntserv { return this.intserv.point(pos, this.end); }
  /** Absolute index of the first object (or bundled message). */
  get objectsStart(): number { return this.off + RSVP_HEADER_LENGTH; }

  toJSON(): object {
    return { offset: this.offset, length: this.length, version: this.version, flags: this.flags, messageType: this.messageType, messageLength: this.messageLength };
  }
}
