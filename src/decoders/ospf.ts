// OSPF version 2 (RFC 2328, with opaque LSAs RFC 5250, TE RFC 3630, graceful restart RFC 3623,
// LLS RFC 5613) over IPv4 and version 3 (RFC 5340, authentication trailer RFC 7166) over IPv6,
// both IP protocol 89: a 24-byte (v2) or 16-byte (v3) header, then a packet body by type (hello,
// database description, LS request, update, ack) and, after it, LLS data and (v3) an
// authentication trailer. The view names the header's and the bodies' fixed fields; sub-views
// name the rest: OspfLsa (an LSA header and the fixed part of each LSA type's body), OspfEntry
// (router links, attached routers, TOS metrics, LS request entries, v3 prefixes), OspfTlv (the
// TLVs and sub-TLVs of opaque and grace LSAs, and of LLS).
import { ipv6ToString } from './addr.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readF32, readIpv4, readIpv6, readU16, readU24, readU32, readU8 } from './reads.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const OSPF = Layer.Ospf;

/** Bytes of the OSPFv2 header (with its authentication field). */
export const OSPF2_HEADER_LENGTH = 24;
/** Bytes of the OSPFv3 header. */
export const OSPF3_HEADER_LENGTH = 16;
/** Bytes of an LSA header. */
export const OSPF_LSA_HEADER_LENGTH = 20;
/** Bytes of an LS request entry, of an OSPFv2 router link (before its TOS metrics), of a v3 router link. */
export const OSPF_LS_REQUEST_LENGTH = 12, OSPF2_ROUTER_LINK_LENGTH = 12, OSPF3_ROUTER_LINK_LENGTH = 16;
/** Bytes of a TLV header (type, length) in opaque and grace LSAs and in LLS data. */
export const OSPF_TLV_HEADER_LENGTH = 4;
/** Bytes of an OSPFv2 keyed MD5 digest after the packet; of the v3 authentication trailer's fixed part. */
export const OSPF2_MD5_LENGTH = 16, OSPF3_AUTH_TRAILER_LENGTH = 16;

/** An LSA header and the fixed part of its body (`at` 20 on), pointed at its first byte. */
export class OspfLsa extends FieldView {
  get age(): number { return readU16(this, 0); }
  /** v2: options and LS type. */
  get options(): number { return readU8(this, 2); }
  get lsType(): number { return readU8(this, 3); }
  /** v3: the 16-bit LS function code with its U and scope bits. */
  get lsType3(): number { return readU16(this, 2); }
  get lsaId(): string { return readIpv4(this, 4); }
  /** v2 opaque LSAs (9-11): the LSA ID's opaque type and ID. */
  get opaqueType(): number { return readU8(this, 4); }
  get opaqueId(): number { return readU24(this, 5); }
  get advertisingRouter(): string { return readIpv4(this, 8); }
  get sequence(): number { return readU32(this, 12); }
  get checksum(): number { return readU16(this, 16); }
  /** Bytes of the LSA, its header included. */
  get lsaLength(): number { return readU16(this, 18); }
  /** Absolute index of the body. */
  get bodyStart(): number { return this.off + OSPF_LSA_HEADER_LENGTH; }
  // v2 bodies.
  /** Router LSA: the flags (V, E, B) and the number of links. */
  get routerFlags(): number { return readU8(this, 20); }
  get linkCount(): number { return readU16(this, 22); }
  /** Network, summary and external LSAs: the network mask. */
  get mask(): string { return readIpv4(this, 20); }
  // v3 bodies.
  /** Router, network, link LSAs: the 24-bit options word (router: flags in its first byte). */
  get options3(): number { return readU32(this, 20); }
  get routerFlags3(): number { return readU8(this, 20); }
  /** Inter-area prefix and external LSAs: the word with the metric (and the external flags). */
  get metricWord(): number { return readU32(this, 20); }
  /** Link LSA: router priority, link-local address, number of prefixes. */
  get linkPriority(): number { return readU8(this, 20); }
  get linkLocalAddress(): string { return readIpv6(this, 24); }
  get linkPrefixCount(): number { return readU32(this, 40); }
  /** Intra-area prefix LSA: number of prefixes and the referenced LSA's type and ID. */
  get intraPrefixCount(): number { return readU16(this, 20); }
  get referencedLsType(): number { return readU16(this, 22); }
  get referencedLsaId(): string { return readIpv4(this, 24); }
}

/**
 * A repeated element of a body, pointed at its first byte: an OSPFv2 router link (and its TOS
 * metrics), an attached router, a TOS metric word (summary LSAs) or an external metric block,
 * a group membership vertex, an LS request entry, a v3 router link or prefix, a neighbor.
 */
export class OspfEntry extends FieldView {
  /** An IPv4 address or ID at the element's first byte (neighbor, attached router). */
  get address(): string { return readIpv4(this, 0); }
  // OSPFv2 router link.
  get linkId(): string { return readIpv4(this, 0); }
  get linkData(): string { return readIpv4(this, 4); }
  get linkType(): number { return readU8(this, 8); }
  get tosCount(): number { return readU8(this, 9); }
  /** TOS metric `k` of the link: 0 is the link's own metric (TOS 0), then the TOS entries. */
  tos(k: number): number { return k === 0 ? 0 : readU8(this, 8 + 4 * k); }
  tosMetric(k: number): number { return readU16(this, 10 + 4 * k); }
  // Summary, external LSAs: a metric word (TOS in bits 24-30, E bit in 31), the forwarding address and tag.
  get metricWord(): number { return readU32(this, 0); }
  get forwardingAddressWord(): number { return readU32(this, 4); }
  get forwardingAddress(): string { return readIpv4(this, 4); }
  get tagWord(): number { return readU32(this, 8); }
  get tag(): string { return readIpv4(this, 8); }
  // Group membership LSA: the vertex type and ID.
  get vertexType(): number { return readU32(this, 0); }
  get vertexId(): string { return readIpv4(this, 4); }
  // LS request: v2 the 32-bit LS type, v3 the 16-bit one after a reserved field; the LSA ID and router.
  get requestType(): number { return readU32(this, 0); }
  get requestType3(): number { return readU16(this, 2); }
  get requestOpaqueType(): number { return readU8(this, 4); }
  get requestOpaqueId(): number { return readU24(this, 5); }
  get requestLsaId(): string { return readIpv4(this, 4); }
  get requestRouter(): string { return readIpv4(this, 8); }
  // OSPFv3 router link.
  get linkType3(): number { return readU8(this, 0); }
  get linkMetric3(): number { return readU16(this, 2); }
  get interfaceId(): string { return readIpv4(this, 4); }
  get neighborInterfaceId(): string { return readIpv4(this, 8); }
  get neighborRouterId(): string { return readIpv4(this, 12); }
  // OSPFv3 prefix: length, options, metric (or referenced LS type), then the prefix in 32-bit words.
  get prefixLength(): number { return readU8(this, 0); }
  get prefixOptions(): number { return readU8(this, 1); }
  get prefixMetric(): number { return readU16(this, 2); }
  /** The first byte of the prefix's metric field (external LSAs: a referenced LS type there). */
  get prefixMetricHigh(): number { return readU8(this, 2); }
  /** The prefix of `words` 32-bit words, zero-filled to an IPv6 address. */
  prefix(words: number): string {
    const o = this.off + 4, n = words * 4;
    if (o + n > this.end) throw NOT_CAPTURED;
    const a = new Uint8Array(16);
    a.set(this.cursor.buf.subarray(o, o + n));
    return ipv6ToString(a, 0);
  }
  /** After an external LSA's prefix: the forwarding address, the tag, the referenced LSA ID. */
  get address6(): string { return readIpv6(this, 0); }
}

/** A TLV (or TE sub-TLV, or LLS TLV), pointed at its type; value fields named by use. */
export class OspfTlv extends FieldView {
  get type(): number { return readU16(this, 0); }
  get valueLength(): number { return readU16(this, 2); }
  get valueStart(): number { return this.off + OSPF_TLV_HEADER_LENGTH; }
  /** A 32-bit value: grace period, TE metric, administrative group, capabilities, LLS options or sequence number. */
  get value32(): number { return readU32(this, 4); }
  /** Item `k` of a list of 32-bit values (shared risk link groups; link IDs). */
  word(k: number): number { return readU32(this, 4 + 4 * k); }
  /** A one-byte value: restart reason, link type, protection type, switching capability, BC model. */
  get value8(): number { return readU8(this, 4); }
  /** The second byte of the value (the LSP encoding of an interface switching capability). */
  get value8b(): number { return readU8(this, 5); }
  /** An IPv4 address in the value, item `k`. */
  address(k = 0): string { return readIpv4(this, 4 + 4 * k); }
  /** An IEEE single in the value, item `k` (bandwidths in bytes per second). */
  float(k: number): number { return readF32(this, 4 + 4 * k); }
  // The LLS data block's header (checksum, length in 32-bit words… as tcpdump reads it) and the v3 authentication trailer.
  get llsChecksum(): number { return readU16(this, 0); }
  get llsLength(): number { return readU16(this, 2); }
  get authType(): number { return readU16(this, 0); }
  get authLength(): number { return readU16(this, 2); }
  get securityAssociationId(): number { return readU16(this, 6); }
  get sequenceHigh(): number { return readU32(this, 8); }
  get sequenceLow(): number { return readU32(this, 12); }
  /** Absolute index of the authentication data. */
  get authDataStart(): number { return this.off + OSPF3_AUTH_TRAILER_LENGTH; }
}

/** An OSPF packet. */
export class Ospf extends LayerView {
  readonly layer = OSPF;
  /** Sub-views for walking LSAs, entries and TLVs (pointed by the printer; reused). */
  readonly lsa: OspfLsa = new OspfLsa(this.cursor);
  readonly entry: OspfEntry = new OspfEntry(this.cursor);
  readonly tlv: OspfTlv = new OspfTlv(this.cursor);
  readonly subTlv: OspfTlv = new OspfTlv(this.cursor);

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < OSPF3_HEADER_LENGTH) return c.short(OSPF, o, OSPF3_HEADER_LENGTH);
    this.headerLength = c.buf[o] === 2 && c.end - o >= OSPF2_HEADER_LENGTH ? OSPF2_HEADER_LENGTH : OSPF3_HEADER_LENGTH;
    c.mark(OSPF);
    c.off = o + this.headerLength;
    return 0;
  }

  get version(): number { return readU8(this, 0); }
  /** 1 hello, 2 database description, 3 LS request, 4 LS update, 5 LS ack. */
  get type(): number { return readU8(this, 1); }
  get packetLength(): number { return readU16(this, 2); }
  get routerId(): string { return readIpv4(this, 4); }
  get areaId(): string { return readIpv4(this, 8); }
  /** The area ID as a number (0: the backbone). */
  get areaNumber(): number { return readU32(this, 8); }
  get checksum(): number { return readU16(this, 12); }
  // v2 authentication.
  /** 0 none, 1 simple password, 2 cryptographic (keyed MD5). */
  get authType(): number { return readU16(this, 14); }
  /** Simple password: byte `i` (0-7). */
  passwordByte(i: number): number { return readU8(this, 16 + i); }
  get keyId(): number { return readU8(this, 18); }
  get authDataLength(): number { return readU8(this, 19); }
  get cryptoSequence(): number { return readU32(this, 20); }
  /** v3: the instance ID. */
  get instanceId(): number { return readU8(this, 14); }

  // v2 bodies (after the 24-byte header).
  get helloMask(): string { return readIpv4(this, 24); }
  get helloInterval(): number { return readU16(this, 28); }
  get helloOptions(): number { return readU8(this, 30); }
  get priority(): number { return readU8(this, 31); }
  get deadInterval(): number { return readU32(this, 32); }
  get designatedRouter(): string { return readIpv4(this, 36); }
  get designatedRouterWord(): number { return readU32(this, 36); }
  get backupDesignatedRouter(): string { return readIpv4(this, 40); }
  get backupDesignatedRouterWord(): number { return readU32(this, 40); }
  get ddMtu(): number { return readU16(this, 24); }
  get ddOptions(): number { return readU8(this, 26); }
  get ddFlags(): number { return readU8(this, 27); }
  get ddSequence(): number { return readU32(this, 28); }
  get lsaCount(): number { return readU32(this, 24); }
  // v3 bodies (after the 16-byte header).
  get helloInterfaceId3(): string { return readIpv4(this, 16); }
  get helloPriority3(): number { return readU8(this, 20); }
  /** The options (V6 0x01, E 0x02, R 0x10…) in the low 24 bits, the priority in the top byte: the word tcpdump tests. */
  get helloOptions3(): number { return readU32(this, 20); }
  get helloInterval3(): number { return readU16(this, 24); }
  get deadInterval3(): number { return readU16(this, 26); }
  get designatedRouter3(): string { return readIpv4(this, 28); }
  get designatedRouterWord3(): number { return readU32(this, 28); }
  get backupDesignatedRouter3(): string { return readIpv4(this, 32); }
  get backupDesignatedRouterWord3(): number { return readU32(this, 32); }
  get ddOptions3(): number { return readU32(this, 16); }
  get ddMtu3(): number { return readU16(this, 20); }
  get ddFlags3(): number { return readU8(this, 23); }
  get ddSequence3(): number { return readU32(this, 24); }
  get lsaCount3(): number { return readU32(this, 16); }

  /** Where each type's list (neighbors, LSA headers, requests, LSAs) starts, in bytes from the packet's first. */
  static listStart(version: number, type: number): number {
    const h = version === 2 ? OSPF2_HEADER_LENGTH : OSPF3_HEADER_LENGTH;
    switch (type) {
      case 1: return h + 20;
      case 2: return h + (version === 2 ? 8 : 12);
      case 4: return h + 4;
      default: return h;
    }
  }
  /** Absolute index of byte `at` of the packet (for lists and trailers the printer walks). */
  at(at: number): number { return this.off + at; }
  pointLsa(pos: number): OspfLsa { return this.lsa.point(pos, this.end); }
  pointEntry(pos: number): OspfEntry { return this.entry.point(pos, this.end); }
  pointTlv(pos: number): OspfTlv { return this.tlv.point(pos, this.end); }
  pointSubTlv(pos: number): OspfTlv { return this.subTlv.point(pos, this.end); }

  /** The captured end, moved back by `n` bytes (OSPFv2 leaves a keyed MD5 digest out of what it prints). */
  excludeTrailer(n: number): void { this.end = Math.max(this.off, this.end - n); }

  toJSON(): object { return { offset: this.offset, length: this.length, version: this.version, type: this.type, packetLength: this.packetLength, routerId: this.routerId, areaId: this.areaId }; }
}
