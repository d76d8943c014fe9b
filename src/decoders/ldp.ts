// The Label Distribution Protocol (RFC 5036, with RFC 4447's pseudowire FEC and RFC 3479's
// fault-tolerant sessions) on TCP and UDP 646: PDUs of a 10-byte header (version, length, LSR
// id, label space), messages of an 8-byte header (type, length, id) and TLVs of a 4-byte header
// (type, length). Sub-views name the fields of each: LdpPdu, LdpMessage, LdpTlv, and
// LdpInterfaceParameter for the interface parameters of a pseudowire (Martini VC) FEC.
import { ipv4ToString, ipv6ToString } from './addr.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readIpv4, readIpv6, readPrefixBytes, readU16, readU32, readU8 } from './reads.js';
import { FieldView, LayerView } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const LDP = Layer.Ldp;

/** Bytes of the LDP PDU header. */
export const LDP_HEADER_LENGTH = 10;
/** Bytes of an LDP message header (type, length, message id). */
export const LDP_MESSAGE_HEADER_LENGTH = 8;
/** Bytes of a TLV header (type, length). */
export const LDP_TLV_HEADER_LENGTH = 4;
/** Bytes of a pseudowire FEC element after its type byte and before its interface parameters (PW type, info length, group ID, VC ID). */
export const LDP_PW_FEC_LENGTH = 11;
/** Bytes of an interface parameter's type and length. */
export const LDP_INTERFACE_PARAMETER_HEADER_LENGTH = 2;

/** A PDU header, pointed at its first byte. */
export class LdpPdu extends FieldView {
  get version(): number { return readU16(this, 0); }
  /** Bytes after the version and this length field. */
  get pduLength(): number { return readU16(this, 2); }
  get lsrId(): string { return readIpv4(this, 4); }
  get labelSpace(): number { return readU16(this, 8); }
  /** Absolute index of the first message. */
  get messagesStart(): number { return this.off + LDP_HEADER_LENGTH; }
}

/** A message, pointed at its first byte. */
export class LdpMessage extends FieldView {
  /** The type field: the U bit (0x8000) and the type (low 15 bits). */
  get typeField(): number { return readU16(this, 0); }
  /** Bytes after the type and this length field. */
  get messageLength(): number { return readU16(this, 2); }
  get messageId(): number { return readU32(this, 4); }
  /** Absolute index of the first TLV (after the message ID). */
  get tlvsStart(): number { return this.off + LDP_MESSAGE_HEADER_LENGTH; }
}

/** A TLV, pointed at its first byte; value fields named by the TLV types that have them. */
export class LdpTlv extends FieldView {
  /** The type field: U (0x8000) and F (0x4000) bits and the type (low 14 bits). */
  get typeField(): number { return readU16(this, 0); }
  get valueLength(): number { return readU16(this, 2); }
  /** Absolute index of the value. */
  get valueStart(): number { return this.off + LDP_TLV_HEADER_LENGTH; }
  // Common Hello Parameters (0x0400).
  get holdTime(): number { return readU16(this, 4); }
  /** 0x8000 targeted, 0x4000 request for targeted hellos. */
  get helloFlags(): number { return readU16(this, 6); }
  // Transport addresses (0x0401, 0x0403), Configuration Sequence Number (0x0402).
  get ipv4TransportAddress(): string { return readIpv4(this, 4); }
  get ipv6TransportAddress(): string { return readIpv6(this, 4); }
  get configurationSequence(): number { return readU32(this, 4); }
  // Address List (0x0101): the family, then addresses.
  get addressFamily(): number { return readU16(this, 4); }
  ipv4ListAddress(i: number): string { return readIpv4(this, 6 + 4 * i); }
  ipv6ListAddress(i: number): string { return readIpv6(this, 6 + 16 * i); }
  // Common Session Parameters (0x0500).
  get protocolVersion(): number { return readU16(this, 4); }
  get keepaliveTime(): number { return readU16(this, 6); }
  /** 0x8000 downstream on demand, 0x4000 loop detection. */
  get sessionFlags(): number { return readU16(this, 10); }
  // FEC (0x0100): the first element's type; a prefix element; a pseudowire (Martini VC) element.
  get fecType(): number { return readU8(this, 4); }
  get fecAddressFamily(): number { return readU16(this, 5); }
  get fecPrefixLength(): number { return readU8(this, 7); }
  /** The prefix of `plen` bits after its length, as an IPv4 or IPv6 address (bits past `plen` cleared). */
  fecPrefix(plen: number, v6: boolean): string {
    const a = readPrefixBytes(this, 8, plen, v6 ? 16 : 4);
    return v6 ? ipv6ToString(a, 0) : ipv4ToString(a, 0);
  }
  /** Pseudowire type (low 15 bits) and the control word bit (0x8000). */
  get pwType(): number { return readU16(this, 5); }
  /** Bytes of the VC ID and the interface parameters. */
  get vcInfoLength(): number { return readU8(this, 7); }
  get groupId(): number { return readU32(this, 8); }
  get vcId(): number { return readU32(this, 12); }
  /** Absolute index of the first interface parameter. */
  get interfaceParametersStart(): number { return this.off + LDP_TLV_HEADER_LENGTH + 1 + LDP_PW_FEC_LENGTH; }
  // Generic Label (0x0200).
  get label(): number { return readU32(this, 4) & 0xfffff; }
  // Status (0x0300): the status code with its E (0x80000000) and F (0x40000000) bits, the message ID.
  get statusCode(): number { return readU32(this, 4); }
  get statusMessageId(): number { return readU32(this, 8); }
  // Fault-Tolerant Session Parameters (0x0503).
  get ftFlags(): number { return readU16(this, 4); }
  get reconnectTimeout(): number { return readU32(this, 8); }
  get recoveryTime(): number { return readU32(this, 12); }
  // MTU (0x0601).
  get mtu(): number { return readU16(this, 4); }
}

/** An interface parameter of a pseudowire FEC, pointed at its type byte. */
export class LdpInterfaceParameter extends FieldView {
  /** 1 MTU, 3 description, 0x0c VCCV. */
  get type(): number { return readU8(this, 0); }
  /** Bytes of the parameter, its type and length included. */
  get parameterLength(): number { return readU8(this, 1); }
  get valueStart(): number { return this.off + LDP_INTERFACE_PARAMETER_HEADER_LENGTH; }
  get mtu(): number { return readU16(this, 2); }
  /** Description: its byte `i`. */
  descriptionByte(i: number): number { return readU8(this, 2 + i); }
  /** VCCV: control channel and connectivity verification type bits. */
  get controlChannels(): number { return readU8(this, 2); }
  get cvTypes(): number { return readU8(this, 3); }
}

/** LDP data: the first PDU's header here, every PDU through `pdu`. */
export class Ldp extends LayerView {
  readonly layer = LDP;
  /** Sub-views for walking PDUs, messages, TLVs and interface parameters (pointed by the printer; reused). */
  readonly pdu: LdpPdu = new LdpPdu(this.cursor);
  readonly message: LdpMessage = new LdpMessage(this.cursor);
  readonly tlv: LdpTlv = new LdpTlv(this.cursor);
  readonly interfaceParameter: LdpInterfaceParameter = new LdpInterfaceParameter(this.cursor);

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < LDP_HEADER_LENGTH) return c.short(LDP, o, LDP_HEADER_LENGTH);
    this.headerLength = LDP_HEADER_LENGTH;
    c.mark(LDP);
    c.off = o + LDP_HEADER_LENGTH;
    return 0;
  }

  /** The first PDU's version (1). */
  get version(): number { return readU16(this, 0); }
  get pduLength(): number { return readU16(this, 2); }
  get lsrId(): string { return readIpv4(this, 4); }
  get labelSpace(): number { return readU16(this, 8); }

  /** Points `pdu` at absolute index `pos` (the first PDU is at `off`). */
  pointPdu(pos: number): LdpPdu { return this.pdu.point(pos, this.end); }
  pointMessage(pos: number): LdpMessage { return this.message.point(pos, this.end); }
  pointTlv(pos: number): LdpTlv { return this.tlv.point(pos, this.end); }
  pointInterfaceParameter(pos: number): LdpInterfaceParameter { return this.interfaceParameter.point(pos, this.end); }

  toJSON(): object { return { offset: this.offset, length: this.length, version: this.version, pduLength: this.pduLength, lsrId: this.lsrId, labelSpace: this.labelSpace }; }
}
