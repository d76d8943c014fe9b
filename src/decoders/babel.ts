// The Babel routing protocol (RFC 8966, with RFC 6126's port and the source-specific, HMAC, MAC
// and timestamp extensions tcpdump knows) on UDP 6696 (and 6697): a 4-byte header (magic 42,
// version, body length), then a body of TLVs and an optional trailer of TLVs. A TLV is a type
// byte, then (but for Pad1) a length byte and a value; BabelTlv names the fields of each type,
// BabelSubTlv those of the sub-TLVs after some of them.
import { linkAddrToString } from './addr.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readU16, readU32, readU8 } from './reads.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const BABEL = Layer.Babel;

/** Bytes of the Babel packet header. */
export const BABEL_HEADER_LENGTH = 4;
/** Bytes of a TLV's (and a sub-TLV's) type and length. */
export const BABEL_TLV_HEADER_LENGTH = 2;
/** TLV types. */
export const BabelTlvType = {
  Pad1: 0, PadN: 1, AckRequest: 2, Ack: 3, Hello: 4, Ihu: 5, RouterId: 6, NextHop: 7, Update: 8, RouteRequest: 9, SeqnoRequest: 10,
  TsPc: 11, Hmac: 12, SsUpdate: 13, SsRequest: 14, SsMhRequest: 15, Mac: 16, Pc: 17, ChallengeRequest: 18, ChallengeReply: 19,
} as const;

/**
 * Bytes of a TLV type's fixed fields in its value: a shorter value is invalid. For the types
 * with an address or prefix (and sub-TLVs) after them, that is where those start in the value.
 */
export function babelFixedLength(type: number): number {
  switch (type) {
    case 2: case 4: case 5: case 11: return 6;
    case 3: case 7: case 9: return 2;
    case 6: case 8: case 13: return 10;
    case 10: case 15: return 14;
    case 12: return 18;
    case 14: return 3;
    case 17: return 4;
    default: return 0;
  }
}

/**
 * One TLV, pointed at its type byte by a printer walking the body or the trailer. Indexes `at`
 * count from the TLV's first byte; every getter is checked. Fields are named by the TLV types
 * that have them.
 */
export class BabelTlv extends FieldView {
  get type(): number { return readU8(this, 0); }
  /** Length of the value (not for Pad1). */
  get valueLength(): number { return readU8(this, 1); }
  /** Index (from the TLV's first byte) where the value's fixed fields end: its address, prefix or sub-TLVs start there. */
  get tailStart(): number { return BABEL_TLV_HEADER_LENGTH + babelFixedLength(this.type); }
  /** Absolute index past the value. */
  get valueEnd(): number { return this.off + BABEL_TLV_HEADER_LENGTH + this.valueLength; }
  /** IHU, Next Hop, Update, the requests, SS-Update: the address encoding (0 wildcard, 1 IPv4, 2 IPv6, 3 link-local IPv6). */
  get ae(): number { return readU8(this, 2); }
  // Acknowledgment Request (2), Acknowledgment (3).
  get ackRequestNonce(): number { return readU16(this, 4); }
  get ackRequestInterval(): number { return readU16(this, 6); }
  get ackNonce(): number { return readU16(this, 2); }
  // Hello (4).
  /** Flags: 0x8000 unicast. */
  get helloFlags(): number { return readU16(this, 2); }
  get helloSeqno(): number { return readU16(this, 4); }
  get helloInterval(): number { return readU16(this, 6); }
  // IHU (5).
  get ihuRxcost(): number { return readU16(this, 4); }
  get ihuInterval(): number { return readU16(this, 6); }
  // Router-Id (6): 8 bytes from 4. Seqno Request and SS-MH-Request: 8 bytes from 8.
  get routerId(): string { return this.id(4); }
  get requestRouterId(): string { return this.id(8); }
  // Update (8) and SS-Update (13).
  /** Update: flags (0x80 set default prefix, 0x40 set router-id); SS-Update: the source prefix length. */
  get updateFlags(): number { return readU8(this, 3); }
  get sourcePrefixLength(): number { return readU8(this, 3); }
  get updatePrefixLength(): number { return readU8(this, 4); }
  get updateOmitted(): number { return readU8(this, 5); }
  get updateInterval(): number { return readU16(this, 6); }
  get updateSeqno(): number { return readU16(this, 8); }
  get updateMetric(): number { return readU16(this, 10); }
  // Route Request (9), Seqno Request (10), SS-Request (14), SS-MH-Request (15).
  get requestPrefixLength(): number { return readU8(this, 3); }
  get requestSeqno(): number { return readU16(this, 4); }
  get requestHopCount(): number { return readU8(this, 6); }
  get ssRequestSourcePrefixLength(): number { return readU8(this, 4); }
  get ssMhRequestSourcePrefixLength(): number { return readU8(this, 7); }
  // TS/PC (11), HMAC (12), PC (17).
  get packetCounter(): number { return readU16(this, 2); }
  get timestamp(): number { return readU32(this, 4); }
  get hmacKeyId(): number { return readU16(this, 2); }
  /** Byte `i` of the HMAC digest. */
  hmacDigestByte(i: number): number { return readU8(this, 4 + i); }
  get pcValue(): number { return readU32(this, 2); }

  /** A copy of `n` bytes of an address or prefix at `at`; checked. */
  prefixBytes(at: number, n: number): Uint8Array {
    const o = this.off + at;
    if (o + n > this.end || at < 0) throw NOT_CAPTURED;
    return this.cursor.buf.slice(o, o + n);
  }
  private id(at: number): string { const o = this.off + at; if (o + 8 > this.end) throw NOT_CAPTURED; return linkAddrToString(this.cursor.buf, o, 8); }
}

/** A sub-TLV after a TLV's fixed fields and prefixes, pointed at its type byte. */
export class BabelSubTlv extends FieldView {
  /** 0 Pad1, 1 PadN, 2 Diversity, 3 Timestamp; 0x80 mandatory. */
  get type(): number { return readU8(this, 0); }
  get valueLength(): number { return readU8(this, 1); }
  /** Diversity: channel `i`. */
  channel(i: number): number { return readU8(this, 2 + i); }
  /** Timestamp: the Hello's (0) or the IHU's origin (0) and receive (1) timestamps. */
  timestamp(i: number): number { return readU32(this, 2 + 4 * i); }
}

/** A Babel packet. */
export class Babel extends LayerView {
  readonly layer = BABEL;
  /** Sub-views for walking the TLVs and their sub-TLVs (pointed by the printer; reused). */
  readonly tlv: BabelTlv = new BabelTlv(this.cursor);
  readonly subTlv: BabelSubTlv = new BabelSubTlv(this.cursor);

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < BABEL_HEADER_LENGTH) return c.short(BABEL, o, BABEL_HEADER_LENGTH);
    this.headerLength = BABEL_HEADER_LENGTH;
    c.mark(BABEL);
    c.off = o + BABEL_HEADER_LENGTH;
    return 0;
  }

  /** 42 for Babel. */
  get magic(): number { return readU8(this, 0); }
  get version(): number { return readU8(this, 1); }
  /** Bytes of the body (the TLVs before any trailer). */
  get bodyLength(): number { return readU16(this, 2); }

  /** Points `tlv` at the TLV `at` bytes into the packet (the body's first is at BABEL_HEADER_LENGTH). */
  pointTlv(at: number): BabelTlv { return this.tlv.point(this.off + at, this.end); }
  /** Points `subTlv` at absolute index `pos`. */
  pointSubTlv(pos: number): BabelSubTlv { return this.subTlv.point(pos, this.end); }

  toJSON(): object {
    // The body's TLV types, as far as the body and the capture go.
    const tlvs: object[] = [], t = new BabelTlv(this.cursor), last = Math.min(this.end, this.off + BABEL_HEADER_LENGTH + this.bodyLength);
    for (let p = this.off + BABEL_HEADER_LENGTH; p < last;) {
      t.point(p, last);
      if (t.type === 0) { tlvs.push({ type: 0, length: 0 }); p += 1; continue; }
      if (!t.has(BABEL_TLV_HEADER_LENGTH)) break;
      tlvs.push({ type: t.type, length: t.valueLength });
      p += BABEL_TLV_HEADER_LENGTH + t.valueLength;
    }
    return { offset: this.offset, length: this.length, magic: this.magic, version: this.version, bodyLength: this.bodyLength, tlvs };
  }
}
