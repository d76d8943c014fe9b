// ISAKMP / IKE (RFC 2408/2409 IKEv1, RFC 7296 IKEv2), UDP port 500 (and 7500/8500, as tcpdump), and
// UDP port 4500 (RFC 3948 NAT traversal: a 4-byte zero non-ESP marker before IKE, a one-byte 0xff
// keepalive, or ESP). The message is a 28-byte header and a chain of payloads, each starting with a
// 4-byte generic header (next payload, critical bit, length); SA payloads nest proposals, proposals
// nest transforms, transforms carry data attributes.
import { u16, u32 } from './bytes.js';
import { ipv4ToString, ipv6ToString } from './addr.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const ISAKMP = Layer.Isakmp;
const IKE_NATT = Layer.IkeNatT;

/** Bytes of the ISAKMP header (cookies, next payload, version, exchange type, flags, message ID, length). */
export const ISAKMP_HEADER_LENGTH = 28;
/** Bytes of a payload's generic header (next payload, critical/reserved, payload length). */
export const IKE_GENERIC_HEADER_LENGTH = 4;
/** Fixed parts of the payloads, generic header included (what tcpdump's ND_TCHECK_SIZE tests). */
export const IKE_SA_LENGTH = 12;            // + DOI, situation
export const IKE_PROPOSAL_LENGTH = 8;       // + proposal #, protocol, SPI size, transform count (the SPI follows)
export const IKE_TRANSFORM_LENGTH = 8;      // + transform #, transform ID (v1) / type, ID (v2); attributes follow
export const IKE_ID_LENGTH = 8;             // + ID type, protocol, port; the identification data follows
export const IKE_CERT_LENGTH = 6;           // + encoding, first byte of the certificate
export const IKE_NOTIFY_LENGTH = 12;        // v1: + DOI, protocol, SPI size, type; the SPI follows
export const IKE_DELETE_LENGTH = 12;        // v1: + DOI, protocol, SPI size, SPI count; the SPIs follow
export const IKEV2_KE_LENGTH = 8;           // + DH group, reserved; the key exchange data follows
export const IKEV2_AUTH_LENGTH = 8;         // + method, reserved; the authentication data follows
export const IKEV2_NOTIFY_LENGTH = 8;       // + protocol, SPI size, type; the SPI follows
/** Bytes of a data attribute's header (type with the AF bit, then a length or the value itself). */
export const IKE_ATTRIBUTE_HEADER_LENGTH = 4;

/** Payload types (the next payload field). */
export const IkePayloadType = {
  None: 0, Sa: 1, Proposal: 2, Transform: 3, Ke: 4, Id: 5, Cert: 6, Cr: 7, Hash: 8, Sig: 9, Nonce: 10, Notify: 11,
  Delete: 12, Vid: 13, V2Sa: 33, V2Ke: 34, V2IdI: 35, V2IdR: 36, V2Cert: 37, V2Cr: 38, V2Auth: 39, V2Nonce: 40,
  V2Notify: 41, V2Delete: 42, V2Vid: 43, V2TsI: 44, V2TsR: 45, V2Encrypted: 46, V2Cp: 47, V2Eap: 48,
} as const;

const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Bytes inside an ISAKMP message read by index from where the view is pointed, checked; hex strings. */
export class IkeBytes extends FieldView {
  /** True when `n` bytes from index `i` were captured (tcpdump's ND_TCHECK_LEN; false for a negative or absurd n). */
  hexCaptured(i: number, n: number): boolean { return n >= 0 && i >= 0 && this.off + i + n <= this.end; }
  /** `n` bytes from index `i` in lower-case hex, checked as a whole (NOT_CAPTURED). */
  hex(i: number, n: number): string {
    if (!this.hexCaptured(i, n)) throw NOT_CAPTURED;
    const b = this.cursor.buf;
    let s = '';
    for (let k = this.off + i, e = k + n; k < e; k++) s += HEX[b[k]!]!;
    return s;
  }
  /** The IPv4 address at index `i`, checked. */
  ipv4(i: number): string { if (!this.hexCaptured(i, 4)) throw NOT_CAPTURED; return ipv4ToString(this.cursor.buf, this.off + i); }
  /** The IPv6 address at index `i`, checked. */
  ipv6(i: number): string { if (!this.hexCaptured(i, 16)) throw NOT_CAPTURED; return ipv6ToString(this.cursor.buf, this.off + i); }
}

/**
 * One payload (or proposal / transform substructure), pointed at its generic header by the
 * printer as it walks the chain. Getters are named for the fields of the payload types that have
 * them; each is checked.
 */
export class IkePayload extends IkeBytes {
  #u8(i: number): number { const o = this.off + i; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  #u16(i: number): number { const o = this.off + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  #u32(i: number): number { const o = this.off + i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  /** Generic header: the type of the payload after this one. */
  get nextPayload(): number { return this.#u8(0); }
  /** Generic header: the byte with the critical bit (0x80, IKEv2). */
  get critical(): number { return this.#u8(1); }
  /** Generic header: the payload's length, header included. */
  get payloadLength(): number { return this.#u16(2); }
  // SA (v1)
  /** SA, notification and delete (v1): the domain of interpretation (1: IPsec). */
  get doi(): number { return this.#u32(4); }
  /** SA (v1): the situation bits (identity 1, secrecy 2, integrity 4). */
  get situation(): number { return this.#u32(8); }
  /**
   * SA (v1) with a situation other than identity only: what tcpdump prints as `ident` — it reads
   * the word after the generic header (`ext + 1`), which is the DOI.
   */
  get situationIdent(): number { return this.#u32(4); }
  // Proposal (v1 and v2)
  get proposalNumber(): number { return this.#u8(4); }
  get protocolId(): number { return this.#u8(5); }
  get spiSize(): number { return this.#u8(6); }
  get transformCount(): number { return this.#u8(7); }
  // Transform
  /** Transform (v1): its number. */
  get transformNumber(): number { return this.#u8(4); }
  /** Transform (v1): the transform ID (its meaning is the proposal's protocol's). */
  get transformId(): number { return this.#u8(5); }
  /** Transform (v2): encr 1, prf 2, integ 3, dh 4, esn 5. */
  get v2TransformType(): number { return this.#u8(4); }
  /** Transform (v2): the transform ID. */
  get v2TransformId(): number { return this.#u16(6); }
  // Identification (v1)
  get idType(): number { return this.#u8(4); }
  /** Identification (v1) outside the IPsec DOI: the 3 bytes after the type. */
  get idDoiData(): number { return this.#u32(4) & 0xffffff; }
  get idProtocol(): number { return this.#u8(5); }
  get idPort(): number { return this.#u16(6); }
  // Certificate, certificate request (v1)
  get certEncoding(): number { return this.#u8(4); }
  // Notification (v1)
  get notifyDoi(): number { return this.#u32(4); }
  get notifyProtocol(): number { return this.#u8(8); }
  get notifySpiSize(): number { return this.#u8(9); }
  get notifyType(): number { return this.#u16(10); }
  /** Notification (v1), REPLAY-STATUS: the word at index `i` (non-zero: replay detection enabled). */
  word(i: number): number { return this.#u32(i); }
  // Delete (v1)
  get deleteProtocol(): number { return this.#u8(8); }
  get deleteSpiSize(): number { return this.#u8(9); }
  get deleteSpiCount(): number { return this.#u16(10); }
  // IKEv2
  /** Key exchange (v2): the Diffie-Hellman group. */
  get keGroup(): number { return this.#u16(4); }
  /** Identification (v2): the ID type. */
  get v2IdType(): number { return this.#u8(4); }
  /** Authentication (v2): the method (1 RSA signature, 2 shared secret, 3 DSS signature). */
  get authMethod(): number { return this.#u8(4); }
  /** Notification (v2). */
  get v2NotifyProtocol(): number { return this.#u8(4); }
  get v2NotifySpiSize(): number { return this.#u8(5); }
  get v2NotifyType(): number { return this.#u16(6); }
}

/** A data attribute (transforms, RESPONDER-LIFETIME): TLV when the AF bit is clear, else type and value. */
export class IkeAttribute extends IkeBytes {
  /** The AF bit: the value is in the header (TV format). */
  get shortForm(): boolean { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return (this.cursor.buf[o]! & 0x80) !== 0; }
  /** The attribute type (AF bit cleared). */
  get type(): number { const o = this.off; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o) & 0x7fff; }
  /** TV: the value; TLV: the value's length. */
  get lengthOrValue(): number { const o = this.off + 2; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  /** TV: the first byte of the value (tcpdump reads it before it prints the two). */
  get valueFirstByte(): number { const o = this.off + 2; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
}

/** An ISAKMP message: the header's getters, and sub-views the printer points at the payloads. */
export class Isakmp extends LayerView {
  readonly layer = ISAKMP;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < ISAKMP_HEADER_LENGTH) return c.short(ISAKMP, o, ISAKMP_HEADER_LENGTH);
    this.headerLength = ISAKMP_HEADER_LENGTH;
    c.mark(ISAKMP);
    c.off = o + ISAKMP_HEADER_LENGTH;
    return 0;
  }

  #u8(i: number): number { const o = this.off + i; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  #hex(i: number, n: number): string {
    const o = this.off + i;
    if (o + n > this.end) throw NOT_CAPTURED;
    const b = this.cursor.buf;
    let s = '';
    for (let k = o; k < o + n; k++) s += HEX[b[k]!]!;
    return s;
  }
  /** The initiator's cookie (SPI in IKEv2), in hex. */
  get initiatorCookie(): string { return this.#hex(0, 8); }
  /** The responder's cookie, in hex. */
  get responderCookie(): string { return this.#hex(8, 8); }
  /** True when the responder's cookie is all zeros (the exchange's first message); reads up to the first non-zero byte. */
  get responderCookieZero(): boolean {
    for (let i = 8; i < 16; i++) if (this.#u8(i) !== 0) return false;
    return true;
  }
  /** The type of the first payload. */
  get nextPayload(): number { return this.#u8(16); }
  get majorVersion(): number { return this.#u8(17) >> 4; }
  get minorVersion(): number { return this.#u8(17) & 0x0f; }
  /** Exchange type (IKEv1: 2 identity protection, 4 aggressive, 5 informational, 32 quick; IKEv2: 34-37). */
  get exchangeType(): number { return this.#u8(18); }
  /** Flags (v1: E 0x01, C 0x02; v2: I 0x08, V 0x10, R 0x20). */
  get flags(): number { return this.#u8(19); }
  /** The message ID. */
  get messageId(): number { const o = this.off + 20; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  /** The message ID in hex, as tcpdump prints it. */
  get messageIdHex(): string { return this.#hex(20, 4); }
  /** The length the header states for the whole message. */
  get messageLength(): number { const o = this.off + 24; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  /** Absolute index of the first payload. */
  get firstPayloadOffset(): number { return this.off + ISAKMP_HEADER_LENGTH; }

  /** A payload (or substructure): the printer points it at each one. */
  readonly item: IkePayload = new IkePayload(this.cursor);
  /** A data attribute. */
  readonly attribute: IkeAttribute = new IkeAttribute(this.cursor);
  /** Payload data (SPIs, keys, nonces, notification data) shown in hex or as text. */
  readonly data: IkeBytes = new IkeBytes(this.cursor);

  toJSON(): object {
    return {
      offset: this.offset, length: this.length, initiatorCookie: this.initiatorCookie, responderCookie: this.responderCookie,
      nextPayload: this.nextPayload, majorVersion: this.majorVersion, minorVersion: this.minorVersion,
      exchangeType: this.exchangeType, flags: this.flags, messageId: this.messageId, messageLength: this.messageLength,
    };
  }
}

/** Bytes of RFC 3948's non-ESP marker (four zero bytes before an IKE message on port 4500). */
export const IKE_NON_ESP_MARKER_LENGTH = 4;

/**
 * UDP port 4500 (RFC 3948): a NAT keepalive (one 0xff byte), IKE after a non-ESP marker, or ESP.
 * The IKE message after a marker is the next layer.
 */
export class IkeNatT extends LayerView {
  readonly layer = IKE_NATT;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    const have = c.end - o;
    if (have < 1) return c.short(IKE_NATT, o, 1);
    if (have === 1) { c.mark(IKE_NATT); return 0; }
    if (have < IKE_NON_ESP_MARKER_LENGTH) return c.short(IKE_NATT, o, IKE_NON_ESP_MARKER_LENGTH);
    c.mark(IKE_NATT);
    if (u32(c.buf, o) !== 0) return 0;                   // ESP (encrypted: nothing more to decode)
    this.headerLength = IKE_NON_ESP_MARKER_LENGTH;
    c.off = o + IKE_NON_ESP_MARKER_LENGTH;
    return ISAKMP;
  }

  /** The first byte (0xff in a keepalive). */
  get firstByte(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** The first four bytes: 0 is the non-ESP marker (IKE follows), anything else an ESP SPI. */
  get marker(): number { const o = this.off; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  /** Absolute index of the IKE message after the marker. */
  get ikeOffset(): number { return this.off + IKE_NON_ESP_MARKER_LENGTH; }

  toJSON(): object {
    const n = this.captured;
    return {
      offset: this.offset, length: this.length,
      kind: n === 1 ? (this.firstByte === 0xff ? 'keepalive' : 'unknown') : n >= 4 && this.marker === 0 ? 'ike' : 'esp',
    };
  }
}
