// BGP-4 (RFC 4271, with RFC 4760 multiprotocol NLRI, RFC 6793 four-byte AS numbers and the
// attribute and capability RFCs tcpdump knows) on TCP port 179. A TCP segment holds any number of
// messages, each a 19-byte header (16-byte marker, length, type) and a body whose parts — path
// attributes, NLRI of many address families, capabilities — are variable and nested. The view is
// the segment's BGP data: `nextMarker()` finds the messages as tcpdump's bgp_print does, and
// sub-views, one of each per view and re-pointed for every element (nothing is allocated per
// packet), name the fields: BgpMessage (the header and each type's fixed fields), BgpParameter and
// BgpCapability (OPEN), BgpAttribute (a path attribute's header) and BgpAttributeValue (each
// attribute type's value), BgpAsSegment (AS_PATH), BgpAfiSafi (an AFI/SAFI and what follows it),
// BgpNextHop (MP_REACH next hops), BgpPrefix (an NLRI of any family tcpdump decodes, with its
// labels, route distinguisher, route target, multicast VPN and L2VPN fields), BgpSourceGroup
// (multicast VPN source and group), BgpRd (a route distinguisher), BgpExtCommunity and BgpTlv
// (AIGP and L2VPN TLVs, SNPAs).
import { ipv4ToString, ipv6ToString } from './addr.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { nsapText } from './osi.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const BGP = Layer.Bgp;

/** Bytes of a BGP message header (marker, length, type). */
export const BGP_HEADER_LENGTH = 19;
/** Bytes of the marker (all ones). */
export const BGP_MARKER_LENGTH = 16;
/** Bytes of an OPEN message up to its optional parameters. */
export const BGP_OPEN_LENGTH = 29;
/** Bytes of a NOTIFICATION message's header, code and subcode; with a Cease's maximum-prefix data. */
export const BGP_NOTIFICATION_LENGTH = 21, BGP_NOTIFICATION_MAX_PREFIX_LENGTH = 28;
/** Index in a NOTIFICATION of a Cease's data (the AFI/SAFI/maximum of "Maximum Number of Prefixes", a Shutdown Communication's length). */
export const BGP_CEASE_DATA = 21;
/** Index in a NOTIFICATION of the Shutdown Communication's text. */
export const BGP_SHUTDOWN_TEXT = 22;
/** Bytes of a ROUTE-REFRESH message. */
export const BGP_ROUTE_REFRESH_LENGTH = 23;
/** Bytes of a length field (UPDATE withdrawn routes, path attributes). */
export const BGP_LENGTH_FIELD = 2;
/** Bytes of an optional parameter's and of a capability's header (type, length). */
export const BGP_PARAMETER_HEADER_LENGTH = 2, BGP_CAPABILITY_HEADER_LENGTH = 2;
/** Bytes of an AFI/SAFI entry of a capability (AFI, SAFI, one byte) and of an MP_(UN)REACH AFI/SAFI. */
export const BGP_AFI_SAFI_ENTRY_LENGTH = 4, BGP_AFI_SAFI_LENGTH = 3;
/** Bytes of the Graceful Restart capability's flags and time before its AFI/SAFI entries. */
export const BGP_RESTART_HEADER_LENGTH = 2;
/** Bytes of a path attribute's flags and type (its length, one or two bytes, follows). */
export const BGP_ATTRIBUTE_TYPE_LENGTH = 2;
/** Bytes of an AS_PATH segment's type and count. */
export const BGP_SEGMENT_HEADER_LENGTH = 2;
/** Bytes of a community, an extended community, a large community, a cluster ID, an ADD-PATH path identifier. */
export const BGP_COMMUNITY_LENGTH = 4, BGP_EXT_COMMUNITY_LENGTH = 8, BGP_LARGE_COMMUNITY_LENGTH = 12, BGP_CLUSTER_ID_LENGTH = 4, BGP_PATH_ID_LENGTH = 4;
/** Bytes of a route distinguisher. */
export const BGP_RD_LENGTH = 8;
/** Bytes of the ATTR_SET origin AS; of the PMSI tunnel attribute before its tunnel identifier. */
export const BGP_ATTR_SET_ORIGIN_LENGTH = 4, BGP_PMSI_HEADER_LENGTH = 5;
/** Bytes of an AIGP TLV's and of an L2VPN TLV's header (type, length). */
export const BGP_AIGP_TLV_HEADER_LENGTH = 3, BGP_L2VPN_TLV_HEADER_LENGTH = 3;
/** Bytes of an AIGP metric. */
export const BGP_AIGP_METRIC_LENGTH = 8;
/** Bytes of an L2VPN NLRI's length field; of its RD and BGP next hop (the 12-byte form); of its fixed part before the TLVs. */
export const BGP_L2VPN_LENGTH_FIELD = 2, BGP_L2VPN_AD_LENGTH = 12, BGP_L2VPN_FIXED_LENGTH = 15;
/** Bytes of a labelled prefix's length and label; of a VPN prefix's length, label and RD; of a route-target NLRI's length and origin AS; of an MDT NLRI. */
export const BGP_LABELED_HEADER = 4, BGP_VPN_HEADER = 12, BGP_RT_HEADER = 5, BGP_MDT_LENGTH = 17;
/** Bytes of a multicast VPN NLRI's route type and length; of its source AS (after the RD). */
export const BGP_MVPN_HEADER = 2, BGP_MVPN_SOURCE_AS_LENGTH = 4;

// Checked reads at an absolute index `o` of `b`, readable to `end` (NOT_CAPTURED past it). The
// sub-views' getters pass their own `off`/`end`/`cursor.buf`: loaded in each getter, those stay
// monomorphic, where reads.ts's readU8(view, i), inlined into every getter of the fourteen
// sub-view classes, would load them megamorphically (printing BGP was 10% slower through it).
function u8(b: Uint8Array, o: number, end: number): number { if (o >= end) throw NOT_CAPTURED; return b[o]!; }
function u16(b: Uint8Array, o: number, end: number): number { if (o + 2 > end) throw NOT_CAPTURED; return (b[o]! << 8) | b[o + 1]!; }
function u24(b: Uint8Array, o: number, end: number): number { if (o + 3 > end) throw NOT_CAPTURED; return (b[o]! << 16) | (b[o + 1]! << 8) | b[o + 2]!; }
function u32(b: Uint8Array, o: number, end: number): number {
  if (o + 4 > end) throw NOT_CAPTURED;
  return ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
}
function ip4(b: Uint8Array, o: number, end: number): string { if (o + 4 > end) throw NOT_CAPTURED; return ipv4ToString(b, o); }
function ip6(b: Uint8Array, o: number, end: number): string { if (o + 16 > end) throw NOT_CAPTURED; return ipv6ToString(b, o); }
function f32(b: Uint8Array, o: number, end: number): number { if (o + 4 > end) throw NOT_CAPTURED; return new DataView(b.buffer, b.byteOffset + o, 4).getFloat32(0, false); }
function hex(b: Uint8Array, o: number, n: number, end: number): string {
  if (o + n > end) throw NOT_CAPTURED;
  let s = '';
  for (let k = 0; k < n; k++) s += (b[o + k]! < 16 ? '0' : '') + b[o + k]!.toString(16);
  return s;
}

/**
 * Copies the `plen`-bit prefix stored in `(plen + 7) / 8` bytes at window index `i` into
 * `scratch`, zero-filled to `size` bytes and its bits past `plen` cleared (tcpdump's GET_CPY_BYTES
 * then the mask); checked. Returns the number of bytes the prefix takes.
 */
function copyPrefix(v: FieldView, scratch: Uint8Array, i: number, plen: number, size: number): number {
  const n = (plen + 7) >> 3, o = v.off + i;
  if (n > 0 && o + n > v.end) throw NOT_CAPTURED;
  const b = v.cursor.buf;
  for (let k = n; k < size; k++) scratch[k] = 0;
  for (let k = 0; k < n; k++) scratch[k] = b[o + k]!;
  if (plen % 8) scratch[n - 1]! &= (0xff00 >> (plen % 8)) & 0xff;
  return n;
}

/** An address of `bits` bits at absolute index `o` (bgp_vpn_ip_print). */
function vpnAddress(b: Uint8Array, o: number, end: number, bits: number): string {
  return bits === 32 ? ip4(b, o, end) : bits === 128 ? ip6(b, o, end) : `bogus address length ${bits}`;
}

/** A message, pointed at its marker: the header and the fixed fields of each type. */
export class BgpMessage extends FieldView {
  /** True when the first `n` bytes were captured (its own, not FieldView's: see u8() above). */
  override has(n: number): boolean { return this.off + n <= this.end; }
  /** True when the 16 bytes are a marker (all ones); checked. */
  get markerValid(): boolean {
    const o = this.off;
    if (o + BGP_MARKER_LENGTH > this.end) throw NOT_CAPTURED;
    const b = this.cursor.buf;
    for (let k = 0; k < BGP_MARKER_LENGTH; k++) if (b[o + k] !== 0xff) return false;
    return true;
  }
  /** Bytes of the message, its header included. */
  get messageLength(): number { return u16(this.cursor.buf, this.off + 16, this.end); }
  /** 1 OPEN, 2 UPDATE, 3 NOTIFICATION, 4 KEEPALIVE, 5 ROUTE-REFRESH. */
  get type(): number { return u8(this.cursor.buf, this.off + 18, this.end); }
  // OPEN.
  get version(): number { return u8(this.cursor.buf, this.off + 19, this.end); }
  get myAs(): number { return u16(this.cursor.buf, this.off + 20, this.end); }
  get holdTime(): number { return u16(this.cursor.buf, this.off + 22, this.end); }
  get identifier(): string { return ip4(this.cursor.buf, this.off + 24, this.end); }
  get optionalParametersLength(): number { return u8(this.cursor.buf, this.off + 28, this.end); }
  // UPDATE.
  get withdrawnRoutesLength(): number { return u16(this.cursor.buf, this.off + 19, this.end); }
  /** Read after the withdrawn routes. */
  get pathAttributesLength(): number { return u16(this.cursor.buf, this.off + 21 + this.withdrawnRoutesLength, this.end); }
  // NOTIFICATION.
  get errorCode(): number { return u8(this.cursor.buf, this.off + 19, this.end); }
  get errorSubcode(): number { return u8(this.cursor.buf, this.off + 20, this.end); }
  /** Cease, Administrative Shutdown or Reset: the length of the Shutdown Communication (RFC 8203). */
  get shutdownLength(): number { return u8(this.cursor.buf, this.off + BGP_CEASE_DATA, this.end); }
  // ROUTE-REFRESH (AFI, reserved, SAFI).
  get refreshAfi(): number { return u16(this.cursor.buf, this.off + 19, this.end); }
  get refreshSafi(): number { return u8(this.cursor.buf, this.off + 22, this.end); }
}

/** An OPEN optional parameter, pointed at its type. */
export class BgpParameter extends FieldView {
  /** True when the first `n` bytes were captured (its own, not FieldView's: see u8() above). */
  override has(n: number): boolean { return this.off + n <= this.end; }
  /** 1 authentication, 2 capabilities. */
  get type(): number { return u8(this.cursor.buf, this.off, this.end); }
  get parameterLength(): number { return u8(this.cursor.buf, this.off + 1, this.end); }
  /** Absolute index of the value (a capabilities parameter's capabilities). */
  get valueStart(): number { return this.off + BGP_PARAMETER_HEADER_LENGTH; }
}

/** A capability (RFC 5492), pointed at its code. */
export class BgpCapability extends FieldView {
  /** True when the first `n` bytes were captured (its own, not FieldView's: see u8() above). */
  override has(n: number): boolean { return this.off + n <= this.end; }
  get code(): number { return u8(this.cursor.buf, this.off, this.end); }
  get capabilityLength(): number { return u8(this.cursor.buf, this.off + 1, this.end); }
  /** Absolute index of the value. */
  get valueStart(): number { return this.off + BGP_CAPABILITY_HEADER_LENGTH; }
  /** Multiprotocol extensions (1): AFI, reserved, SAFI. */
  get mpAfi(): number { return u16(this.cursor.buf, this.off + 2, this.end); }
  get mpSafi(): number { return u8(this.cursor.buf, this.off + 5, this.end); }
  /** Graceful restart (64): the flags (R 0x80) and the restart time in seconds; AFI/SAFI entries follow. */
  get restartFlags(): number { return u8(this.cursor.buf, this.off + 2, this.end); }
  get restartTime(): number { return u16(this.cursor.buf, this.off + 2, this.end) & 0xfff; }
  /** 32-bit AS number (65). */
  get asn(): number { return u32(this.cursor.buf, this.off + 2, this.end); }
}

/**
 * An AFI (2 bytes) and SAFI (1 byte) and what follows them: in capabilities, an entry's byte
 * (Multiple Labels: count; Graceful Restart: flags; ADD-PATH: send/receive); in a Cease
 * NOTIFICATION, the maximum number of prefixes; MP_REACH/MP_UNREACH open with one.
 */
export class BgpAfiSafi extends FieldView {
  get afi(): number { return u16(this.cursor.buf, this.off, this.end); }
  get safi(): number { return u8(this.cursor.buf, this.off + 2, this.end); }
  /** The byte after the SAFI: a count, flags (0x80 forwarding state preserved) or ADD-PATH mode. */
  get value(): number { return u8(this.cursor.buf, this.off + 3, this.end); }
  /** Cease, Maximum Number of Prefixes Reached: the maximum. */
  get maxPrefixes(): number { return u32(this.cursor.buf, this.off + 3, this.end); }
}

/** A path attribute, pointed at its flags: the header. */
export class BgpAttribute extends FieldView {
  /** O 0x80, T 0x40, P 0x20, E 0x10 (a two-byte length). */
  get flags(): number { return u8(this.cursor.buf, this.off, this.end); }
  get type(): number { return u8(this.cursor.buf, this.off + 1, this.end); }
  /** Bytes of the length field (2 with the extended-length flag). */
  get lengthFieldSize(): number { return u8(this.cursor.buf, this.off, this.end) & 0x10 ? 2 : 1; }
  /** Bytes of the value. */
  get attributeLength(): number { return u8(this.cursor.buf, this.off, this.end) & 0x10 ? u16(this.cursor.buf, this.off + 2, this.end) : u8(this.cursor.buf, this.off + 2, this.end); }
}

/** An UPDATE's path attributes, pointed at their length field (where the walk of the withdrawn routes left off, as tcpdump reads it). */
export class BgpPathAttributes extends FieldView {
  /** Bytes of path attributes after the length field. */
  get totalLength(): number { return u16(this.cursor.buf, this.off, this.end); }
}

/** A path attribute's value, pointed at its first byte; fields named for the attribute types that have them. */
export class BgpAttributeValue extends FieldView {
  /** True when the first `n` bytes were captured (its own, not FieldView's: see u8() above). */
  override has(n: number): boolean { return this.off + n <= this.end; }
  /** ORIGIN (1): 0 IGP, 1 EGP, 2 incomplete. */
  get origin(): number { return u8(this.cursor.buf, this.off, this.end); }
  /** NEXT_HOP (3). */
  get nextHop(): string { return ip4(this.cursor.buf, this.off, this.end); }
  /** MULTI_EXIT_DISC (4). */
  get med(): number { return u32(this.cursor.buf, this.off, this.end); }
  /** LOCAL_PREF (5). */
  get localPreference(): number { return u32(this.cursor.buf, this.off, this.end); }
  /** AGGREGATOR (7) with a 2-byte AS (6 bytes) and AGGREGATOR/AS4_AGGREGATOR (7, 18) with a 4-byte AS (8 bytes). */
  get aggregatorAs2(): number { return u16(this.cursor.buf, this.off, this.end); }
  get aggregatorAddress2(): string { return ip4(this.cursor.buf, this.off + 2, this.end); }
  get aggregatorAs4(): number { return u32(this.cursor.buf, this.off, this.end); }
  get aggregatorAddress4(): string { return ip4(this.cursor.buf, this.off + 4, this.end); }
  /** COMMUNITIES (8): community `k`. */
  community(k: number): number { return u32(this.cursor.buf, this.off + BGP_COMMUNITY_LENGTH * k, this.end); }
  /** ORIGINATOR_ID (9). */
  get originatorId(): string { return ip4(this.cursor.buf, this.off, this.end); }
  /** CLUSTER_LIST (10): cluster ID `k`. */
  clusterId(k: number): string { return ip4(this.cursor.buf, this.off + BGP_CLUSTER_ID_LENGTH * k, this.end); }
  /** LARGE_COMMUNITY (32): community `k`'s global administrator and local data parts. */
  largeGlobal(k: number): number { return u32(this.cursor.buf, this.off + BGP_LARGE_COMMUNITY_LENGTH * k, this.end); }
  largeLocal1(k: number): number { return u32(this.cursor.buf, this.off + BGP_LARGE_COMMUNITY_LENGTH * k + 4, this.end); }
  largeLocal2(k: number): number { return u32(this.cursor.buf, this.off + BGP_LARGE_COMMUNITY_LENGTH * k + 8, this.end); }
  /** PMSI_TUNNEL (22): flags, tunnel type, MPLS label, then the tunnel identifier's fields. */
  get pmsiFlags(): number { return u8(this.cursor.buf, this.off, this.end); }
  get pmsiTunnelType(): number { return u8(this.cursor.buf, this.off + 1, this.end); }
  get pmsiLabel(): number { return u24(this.cursor.buf, this.off + 2, this.end) >> 4; }
  /** The tunnel identifier's first address: sender, root node, tunnel endpoint, extended tunnel ID. */
  get pmsiAddress(): string { return ip4(this.cursor.buf, this.off + 5, this.end); }
  /** PIM trees: the P-group. */
  get pmsiGroup(): string { return ip4(this.cursor.buf, this.off + 9, this.end); }
  /** mLDP: the LSP ID; RSVP-TE P2MP: the P2MP ID. */
  get pmsiId(): number { return u32(this.cursor.buf, this.off + 9, this.end); }
  /** Absolute index of the tunnel identifier. */
  get pmsiTunnelIdStart(): number { return this.off + BGP_PMSI_HEADER_LENGTH; }
  /** MP_REACH_NLRI (14): the next hop's length after the AFI/SAFI, and the number of SNPAs after the next hop. */
  get mpNextHopLength(): number { return u8(this.cursor.buf, this.off + BGP_AFI_SAFI_LENGTH, this.end); }
  get snpaCount(): number { return u8(this.cursor.buf, this.off + BGP_AFI_SAFI_LENGTH + 1 + u8(this.cursor.buf, this.off + BGP_AFI_SAFI_LENGTH, this.end), this.end); }
  /** ATTR_SET (128): the origin AS; nested attributes follow. */
  get attrSetOriginAs(): number { return u32(this.cursor.buf, this.off, this.end); }
}

/** An AS_PATH / AS4_PATH segment, pointed at its type. */
export class BgpAsSegment extends FieldView {
  /** 1 AS_SET, 2 AS_SEQUENCE, 3 confederation sequence, 4 confederation set. */
  get segmentType(): number { return u8(this.cursor.buf, this.off, this.end); }
  /** AS numbers in the segment. */
  get count(): number { return u8(this.cursor.buf, this.off + 1, this.end); }
  /** True when AS number `k` of `size` bytes was captured. */
  asnCaptured(k: number, size: number): boolean { return this.off + BGP_SEGMENT_HEADER_LENGTH + (k + 1) * size <= this.end; }
  /** AS number `k`, 2 or 4 bytes each. */
  asn(k: number, size: number): number { return size === 2 ? u16(this.cursor.buf, this.off + BGP_SEGMENT_HEADER_LENGTH + 2 * k, this.end) : u32(this.cursor.buf, this.off + BGP_SEGMENT_HEADER_LENGTH + 4 * k, this.end); }
  /** Bytes of the segment with AS numbers of `size` bytes. */
  segmentLength(size: number): number { return BGP_SEGMENT_HEADER_LENGTH + u8(this.cursor.buf, this.off + 1, this.end) * size; }
}

/** A route distinguisher (RFC 4364), pointed at its type. */
export class BgpRd extends FieldView {
  /** 0: 2-byte AS and 4-byte number; 1: IPv4 address and 2-byte number; 2: 4-byte AS and 2-byte number. */
  get rdType(): number { return u16(this.cursor.buf, this.off, this.end); }
  get as2(): number { return u16(this.cursor.buf, this.off + 2, this.end); }
  get assigned32(): number { return u32(this.cursor.buf, this.off + 4, this.end); }
  /** Type 0: the assigned number as a dotted quad (tcpdump shows both). */
  get assigned32Quad(): string { return ip4(this.cursor.buf, this.off + 4, this.end); }
  get ipv4Admin(): string { return ip4(this.cursor.buf, this.off + 2, this.end); }
  get assigned16(): number { return u16(this.cursor.buf, this.off + 6, this.end); }
  get as4(): number { return u32(this.cursor.buf, this.off + 2, this.end); }
  /** Type 2: the AS as a dotted quad. */
  get as4Quad(): string { return ip4(this.cursor.buf, this.off + 2, this.end); }
}

/** An MP_REACH next hop, pointed at its first byte (an RD first for the VPN families). */
export class BgpNextHop extends FieldView {
  readonly rdView: BgpRd = new BgpRd(this.cursor);
  get ipv4(): string { return ip4(this.cursor.buf, this.off, this.end); }
  get ipv6(): string { return ip6(this.cursor.buf, this.off, this.end); }
  /** VPN families: the route distinguisher, then the address. */
  get rd(): BgpRd { const r = this.rdView; r.off = this.off; r.end = this.end; return r; }
  get vpnIpv4(): string { return ip4(this.cursor.buf, this.off + BGP_RD_LENGTH, this.end); }
  get vpnIpv6(): string { return ip6(this.cursor.buf, this.off + BGP_RD_LENGTH, this.end); }
  /** NSAP next hops of `n` bytes (after the RD for VPN). */
  nsap(n: number): string { if (this.off + n > this.end) throw NOT_CAPTURED; return nsapText(this.cursor.buf, this.off, n); }
  vpnNsap(n: number): string { const o = this.off + BGP_RD_LENGTH; if (o + n > this.end) throw NOT_CAPTURED; return nsapText(this.cursor.buf, o, n); }
  /** The VPN NSAP is an IPv4-mapped one (47.0006.01…), RFC 4659; its IPv4 address. */
  get vpnNsapIsIpv4(): boolean { return u32(this.cursor.buf, this.off + BGP_RD_LENGTH, this.end) === 0x47000601; }
  get vpnNsapIpv4(): string { return ip4(this.cursor.buf, this.off + BGP_RD_LENGTH + 4, this.end); }
  /** The VPN NSAP is an IPv6-mapped one (35.0000…); its IPv6 address. */
  get vpnNsapIsIpv6(): boolean { return u24(this.cursor.buf, this.off + BGP_RD_LENGTH, this.end) === 0x350000; }
  get vpnNsapIpv6(): string { return ip6(this.cursor.buf, this.off + BGP_RD_LENGTH + 3, this.end); }
}

/** A route target of a route-target membership NLRI (RFC 4684), copied and masked to its length. */
export class BgpRouteTarget {
  /** @internal */ readonly bytes = new Uint8Array(24);
  /** Bytes the route target takes. */
  octets = 0;
  /** Byte `i` (for tcpdump's hex form). */
  byte(i: number): number { return this.bytes[i]!; }
  get type(): number { const b = this.bytes; return (b[0]! << 8) | b[1]!; }
  get as2(): number { const b = this.bytes; return (b[2]! << 8) | b[3]!; }
  get assigned32(): number { const b = this.bytes; return ((b[4]! << 24) | (b[5]! << 16) | (b[6]! << 8) | b[7]!) >>> 0; }
  get ipv4Admin(): string { return ipv4ToString(this.bytes, 2); }
  get assigned16(): number { const b = this.bytes; return (b[6]! << 8) | b[7]!; }
  get as4(): number { const b = this.bytes; return ((b[2]! << 24) | (b[3]! << 16) | (b[4]! << 8) | b[5]!) >>> 0; }
}

/**
 * One NLRI, pointed at its first byte (an ADD-PATH path identifier when there is one: read
 * `pathId`, then point past it). The encodings tcpdump decodes: plain IPv4/IPv6 prefixes,
 * labelled (RFC 8277), VPN (RFC 4364/4659, CLNP), route-target membership (RFC 4684), MDT (RFC
 * 6037), multicast VPN (RFC 6514) and L2VPN/VPLS (RFC 4761). Addresses come masked to the prefix
 * length, as tcpdump copies them.
 */
export class BgpPrefix extends FieldView {
  /** True when the first `n` bytes were captured (its own, not FieldView's: see u8() above). */
  override has(n: number): boolean { return this.off + n <= this.end; }
  private readonly scratch = new Uint8Array(24);
  readonly rdView: BgpRd = new BgpRd(this.cursor);
  readonly sourceGroup: BgpSourceGroup = new BgpSourceGroup(this.cursor);
  readonly target: BgpRouteTarget = new BgpRouteTarget();

  /** The RD view pointed `at` bytes in (a store site of its own: see u8() above). */
  private rdAt(at: number): BgpRd { const r = this.rdView; r.off = this.off + at; r.end = this.end; return r; }
  /** ADD-PATH (RFC 7911): the path identifier. */
  get pathId(): number { return u32(this.cursor.buf, this.off, this.end); }
  /** The length byte, in bits (labelled and VPN prefixes: label and RD bits included). */
  get prefixLength(): number { return u8(this.cursor.buf, this.off, this.end); }
  /** Plain prefixes: the address of `plen` bits after the length. */
  address4(plen: number): string { copyPrefix(this, this.scratch, 1, plen, 4); return ipv4ToString(this.scratch, 0); }
  address6(plen: number): string { copyPrefix(this, this.scratch, 1, plen, 16); return ipv6ToString(this.scratch, 0); }
  /** CLNP prefixes (tcpdump reads the address 4 bytes on, as decode_clnp_prefix does). */
  clnpAddress(plen: number): string { const n = copyPrefix(this, this.scratch, 4, plen, 19); return nsapText(this.scratch, 0, n); }
  // Labelled and VPN prefixes: a label after the length.
  /** The first label (20 bits) and its bottom-of-stack bit. */
  get label(): number { return u24(this.cursor.buf, this.off + 1, this.end) >> 4; }
  get bottomOfStack(): boolean { return (u8(this.cursor.buf, this.off + 3, this.end) & 1) !== 0; }
  labeledAddress4(plen: number): string { copyPrefix(this, this.scratch, BGP_LABELED_HEADER, plen, 4); return ipv4ToString(this.scratch, 0); }
  labeledAddress6(plen: number): string { copyPrefix(this, this.scratch, BGP_LABELED_HEADER, plen, 16); return ipv6ToString(this.scratch, 0); }
  /** VPN prefixes: the RD after the label, then the address. */
  get vpnRd(): BgpRd { return this.rdAt(BGP_LABELED_HEADER); }
  vpnAddress4(plen: number): string { copyPrefix(this, this.scratch, BGP_VPN_HEADER, plen, 4); return ipv4ToString(this.scratch, 0); }
  vpnAddress6(plen: number): string { copyPrefix(this, this.scratch, BGP_VPN_HEADER, plen, 16); return ipv6ToString(this.scratch, 0); }
  vpnNsap(plen: number): string { const n = copyPrefix(this, this.scratch, BGP_VPN_HEADER, plen, 19); return nsapText(this.scratch, 0, n); }
  // Route-target membership: length, origin AS, route target.
  get rtOriginAs(): number { return u32(this.cursor.buf, this.off + 1, this.end); }
  /** The route target of `plen` bits (the length less the origin AS's 32). */
  routeTarget(plen: number): BgpRouteTarget {
    const t = this.target;
    t.octets = copyPrefix(this, t.bytes, BGP_RT_HEADER, plen, 8);
    return t;
  }
  // MDT (SAFI 66): length 128, RD, VPN address, group.
  get mdtRd(): BgpRd { return this.rdAt(1); }
  get mdtVpnAddress(): string { return ip4(this.cursor.buf, this.off + 9, this.end); }
  get mdtGroup(): string { return ip4(this.cursor.buf, this.off + 13, this.end); }
  // Multicast VPN: route type, length, RD, then by type.
  get mvpnRouteType(): number { return u8(this.cursor.buf, this.off, this.end); }
  get mvpnLength(): number { return u8(this.cursor.buf, this.off + 1, this.end); }
  get mvpnRd(): BgpRd { return this.rdAt(BGP_MVPN_HEADER); }
  /** Intra-AS I-PMSI and S-PMSI: the originating router's address of `bits` bits after the RD. */
  mvpnOriginator(bits: number): string { return vpnAddress(this.cursor.buf, this.off + BGP_MVPN_HEADER + BGP_RD_LENGTH, this.end, bits); }
  /** Inter-AS I-PMSI, Shared and Source Tree Joins: the source AS after the RD. */
  get mvpnSourceAs(): number { return u32(this.cursor.buf, this.off + BGP_MVPN_HEADER + BGP_RD_LENGTH, this.end); }
  /** The multicast source and group: after the RD (S-PMSI, Source-Active), after the source AS (tree joins). */
  get mvpnSourceGroup(): BgpSourceGroup {
    const at = BGP_MVPN_HEADER + BGP_RD_LENGTH + (u8(this.cursor.buf, this.off, this.end) >= 6 ? BGP_MVPN_SOURCE_AS_LENGTH : 0);
    const g = this.sourceGroup; g.off = this.off + at; g.end = this.end; return g;
  }
  // L2VPN / VPLS: a 2-byte length, RD, then a BGP next hop (12 bytes) or CE ID, label block and TLVs.
  get l2Length(): number { return u16(this.cursor.buf, this.off, this.end); }
  get l2Rd(): BgpRd { return this.rdAt(BGP_L2VPN_LENGTH_FIELD); }
  get l2NextHop(): string { return ip4(this.cursor.buf, this.off + 10, this.end); }
  get l2CeId(): number { return u16(this.cursor.buf, this.off + 10, this.end); }
  get l2LabelBlockOffset(): number { return u16(this.cursor.buf, this.off + 12, this.end); }
  get l2LabelBase(): number { return u24(this.cursor.buf, this.off + 14, this.end) >> 4; }
  /** Absolute index of the first L2VPN TLV. */
  get l2TlvStart(): number { return this.off + BGP_L2VPN_LENGTH_FIELD + BGP_L2VPN_FIXED_LENGTH; }
}

/** A multicast VPN source and group (bgp_vpn_sg_print), pointed at the source's length. */
export class BgpSourceGroup extends FieldView {
  /** Bits of the source address. */
  get sourceLength(): number { return u8(this.cursor.buf, this.off, this.end); }
  /** True when the source's bytes were captured. */
  get sourceCaptured(): boolean { return this.off + 1 + (u8(this.cursor.buf, this.off, this.end) >> 3) <= this.end; }
  get source(): string { return vpnAddress(this.cursor.buf, this.off + 1, this.end, u8(this.cursor.buf, this.off, this.end)); }
  /** Bits of the group address (after the source). */
  get groupLength(): number { return u8(this.cursor.buf, this.off + 1 + (u8(this.cursor.buf, this.off, this.end) >> 3), this.end); }
  get groupCaptured(): boolean { const at = 2 + (u8(this.cursor.buf, this.off, this.end) >> 3); return this.off + at + (u8(this.cursor.buf, this.off + at - 1, this.end) >> 3) <= this.end; }
  get group(): string { const at = 2 + (u8(this.cursor.buf, this.off, this.end) >> 3); return vpnAddress(this.cursor.buf, this.off + at, this.end, u8(this.cursor.buf, this.off + at - 1, this.end)); }
}

/**
 * An extended community (RFC 4360), pointed at its type; fields named for the types that have
 * them. The two-octet AS, IPv4 address and four-octet AS specific ones (route targets, route
 * origins…) have a route distinguisher's layout: `as2`/`assigned32`, `ipv4Admin`/`assigned16`,
 * `as4`/`assigned16`.
 */
export class BgpExtCommunity extends BgpRd {
  /** True when the first `n` bytes were captured (its own, not FieldView's: see u8() above). */
  override has(n: number): boolean { return this.off + n <= this.end; }
  /** The type and subtype (high byte: 0x80 vendor-specific, 0x40 non-transitive). */
  get type(): number { return u16(this.cursor.buf, this.off, this.end); }
  /** Link bandwidth: bytes per second (IEEE single). */
  get bandwidth(): number { return f32(this.cursor.buf, this.off + 4, this.end); }
  /** OSPF domain ID / router ID (an address after the type). */
  get ospfAddress(): string { return ip4(this.cursor.buf, this.off + 2, this.end); }
  /** OSPF route type: area, route type, options. */
  get ospfArea(): string { return ip4(this.cursor.buf, this.off + 2, this.end); }
  get ospfRouteType(): number { return u8(this.cursor.buf, this.off + 6, this.end); }
  get ospfOptions(): number { return u8(this.cursor.buf, this.off + 7, this.end); }
  /** Layer 2 info: encapsulation, control flags, MTU. */
  get l2Encapsulation(): number { return u8(this.cursor.buf, this.off + 2, this.end); }
  get l2ControlFlags(): number { return u8(this.cursor.buf, this.off + 3, this.end); }
  get l2Mtu(): number { return u16(this.cursor.buf, this.off + 4, this.end); }
  /** Source AS. */
  get sourceAs(): number { return u16(this.cursor.buf, this.off + 2, this.end); }
  /** Encapsulation (RFC 5512): the tunnel type. */
  get tunnelType(): number { return u16(this.cursor.buf, this.off + 6, this.end); }
  /** The six value bytes as hex (types tcpdump does not decode). */
  get valueHex(): string { return hex(this.cursor.buf, this.off + 2, 6, this.end); }
}

/** A TLV in an AIGP attribute (type, 2-byte length) or an L2VPN NLRI (type, length in bits); an SNPA (its length). */
export class BgpTlv extends FieldView {
  get type(): number { return u8(this.cursor.buf, this.off, this.end); }
  /** AIGP: bytes of the TLV, its header included. */
  get tlvLength(): number { return u16(this.cursor.buf, this.off + 1, this.end); }
  /** L2VPN: bits of the value. */
  get bitLength(): number { return u16(this.cursor.buf, this.off + 1, this.end); }
  /** AIGP TLV 1: the accumulated metric (64 bits) in decimal. */
  get aigpMetric(): string { return ((BigInt(u32(this.cursor.buf, this.off + 3, this.end)) << 32n) | BigInt(u32(this.cursor.buf, this.off + 7, this.end))).toString(); }
  /** Absolute index of the value. */
  get valueStart(): number { return this.off + BGP_AIGP_TLV_HEADER_LENGTH; }
  /** True when byte `k` of an L2VPN TLV's value was captured. */
  valueByteCaptured(k: number): boolean { return this.off + BGP_L2VPN_TLV_HEADER_LENGTH + k < this.end; }
  /** Byte `k` of an L2VPN TLV's value (a circuit status vector). */
  valueByte(k: number): number { return u8(this.cursor.buf, this.off + BGP_L2VPN_TLV_HEADER_LENGTH + k, this.end); }
  /** An SNPA, pointed at its length byte: the length. */
  get snpaLength(): number { return u8(this.cursor.buf, this.off, this.end); }
}

/** The BGP data of a TCP segment: messages from `off`, found with `nextMarker()`; indexes are from the segment's first BGP byte. */
export class Bgp extends LayerView {
  readonly layer = BGP;
  /** Sub-views (pointed by the printer at each element; reused). */
  readonly message: BgpMessage = new BgpMessage(this.cursor);
  readonly parameter: BgpParameter = new BgpParameter(this.cursor);
  readonly capability: BgpCapability = new BgpCapability(this.cursor);
  readonly afiSafi: BgpAfiSafi = new BgpAfiSafi(this.cursor);
  readonly pathAttributes: BgpPathAttributes = new BgpPathAttributes(this.cursor);
  readonly attribute: BgpAttribute = new BgpAttribute(this.cursor);
  readonly value: BgpAttributeValue = new BgpAttributeValue(this.cursor);
  readonly segment: BgpAsSegment = new BgpAsSegment(this.cursor);
  readonly nextHop: BgpNextHop = new BgpNextHop(this.cursor);
  readonly prefix: BgpPrefix = new BgpPrefix(this.cursor);
  readonly rd: BgpRd = new BgpRd(this.cursor);
  readonly extCommunity: BgpExtCommunity = new BgpExtCommunity(this.cursor);
  readonly tlv: BgpTlv = new BgpTlv(this.cursor);

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < BGP_HEADER_LENGTH) return c.short(BGP, o, BGP_HEADER_LENGTH);
    this.headerLength = BGP_HEADER_LENGTH;
    c.mark(BGP);
    c.off = o + BGP_HEADER_LENGTH;
    return 0;
  }

  /** True when `n` bytes from index `i` were captured (tcpdump's ND_TTEST_LEN). */
  hasAt(i: number, n: number): boolean { return i >= 0 && n >= 0 && this.off + i + n <= this.end; }
  /** Bytes captured from index `i`. */
  capturedFrom(i: number): number { const n = this.end - this.off - i; return n > 0 ? n : 0; }
  /** Absolute index of index `i` (for the hex dumps). */
  at(i: number): number { return this.off + i; }

  /**
   * The index of the next marker at or after `i`, as tcpdump's bgp_print looks for one: bytes
   * other than 0xff are skipped, and so is a 0xff that does not start 16 of them; -1 when the
   * capture ends first (within a marker that may be cut).
   */
  nextMarker(i: number): number {
    const b = this.cursor.buf, end = this.end;
    for (let p = this.off + i; p < end; p++) {
      if (b[p] !== 0xff) continue;
      if (p + BGP_MARKER_LENGTH > end) return -1;
      let k = 1;
      while (k < BGP_MARKER_LENGTH && b[p + k] === 0xff) k++;
      if (k === BGP_MARKER_LENGTH) return p - this.off;
    }
    return -1;
  }

  pointMessage(i: number): BgpMessage { const v = this.message; v.off = this.off + i; v.end = this.end; return v; }
  pointParameter(i: number): BgpParameter { const v = this.parameter; v.off = this.off + i; v.end = this.end; return v; }
  pointCapability(i: number): BgpCapability { const v = this.capability; v.off = this.off + i; v.end = this.end; return v; }
  pointAfiSafi(i: number): BgpAfiSafi { const v = this.afiSafi; v.off = this.off + i; v.end = this.end; return v; }
  pointPathAttributes(i: number): BgpPathAttributes { const v = this.pathAttributes; v.off = this.off + i; v.end = this.end; return v; }
  pointAttribute(i: number): BgpAttribute { const v = this.attribute; v.off = this.off + i; v.end = this.end; return v; }
  pointValue(i: number): BgpAttributeValue { const v = this.value; v.off = this.off + i; v.end = this.end; return v; }
  pointSegment(i: number): BgpAsSegment { const v = this.segment; v.off = this.off + i; v.end = this.end; return v; }
  pointNextHop(i: number): BgpNextHop { const v = this.nextHop; v.off = this.off + i; v.end = this.end; return v; }
  pointPrefix(i: number): BgpPrefix { const v = this.prefix; v.off = this.off + i; v.end = this.end; return v; }
  pointRd(i: number): BgpRd { const v = this.rd; v.off = this.off + i; v.end = this.end; return v; }
  pointExtCommunity(i: number): BgpExtCommunity { const v = this.extCommunity; v.off = this.off + i; v.end = this.end; return v; }
  pointTlv(i: number): BgpTlv { const v = this.tlv; v.off = this.off + i; v.end = this.end; return v; }

  /**
   * tcpdump's bgp_attr_get_as_size: 4 for AS4_PATH (17); for AS_PATH (2), 2 when the `len` bytes
   * of segments at index `i` parse with 2-byte AS numbers, else 4. Checked.
   */
  asPathAsSize(type: number, i: number, len: number): number {
    if (type === 17) return 4;
    let t = i;
    while (t < i + len) {
      const s = this.pointSegment(t), seg = s.segmentType;
      if (seg < 1 || seg > 4) return 4;
      t += s.segmentLength(2);
    }
    return t === i + len ? 2 : 4;
  }

  /**
   * tcpdump's check_add_path: whether the `length` bytes of NLRI at index `i` carry ADD-PATH path
   * identifiers (they parse with them, and not without), prefixes being at most `maxPlen` bits.
   */
  nlriHasPathIds(i: number, length: number, maxPlen: number): boolean {
    if (length < 5) return false;
    const b = this.cursor.buf, o = this.off + i, end = this.end;
    let k = 0;
    while (k < length) {
      k += BGP_PATH_ID_LENGTH;
      if (o + k >= end) break;
      const plen = b[o + k]!;
      if (plen > maxPlen) return false;
      k += 1 + ((plen + 7) >> 3);
    }
    if (k > length) return false;
    for (k = 0; k < length;) {
      if (o + k >= end) break;
      const plen = b[o + k]!;
      if (plen < 1 || plen > maxPlen) return true;
      k += 1 + ((plen + 7) >> 3);
    }
    return k > length;
  }

  /** The first message's type (1 open, 2 update, 3 notification, 4 keepalive, 5 route refresh). */
  get type(): number { return u8(this.cursor.buf, this.off + 18, this.end); }

  /**
   * The messages in full (an owned copy): each whole message found as the printer finds them, with
   * its type's fields; the walk stops at a cut or a length under 19.
   */
  toJSON(): object {
    const messages: object[] = [];
    for (let p = this.nextMarker(0); p >= 0; p = this.nextMarker(p)) {
      if (!this.hasAt(p, BGP_HEADER_LENGTH)) break;
      const m = new BgpMessage(this.cursor).point(this.off + p, this.end);
      const len = m.messageLength;
      if (len < BGP_HEADER_LENGTH || !this.hasAt(p, len)) break;
      // Only the message's own bytes: a length that lies cannot make a field read the next one.
      m.end = this.off + p + len;
      const o: Record<string, unknown> = { type: m.type, length: len };
      try { messageJson(this, m, p, len, o); } catch (e) { if (e !== NOT_CAPTURED) throw e; o['malformed'] = true; }
      messages.push(o);
      p += len;
    }
    return { offset: this.offset, length: this.length, messages };
  }
}

/** A prefix's text, `plen` bits at `i`; undefined for a length over `max`. */
function prefixJson(p: BgpPrefix, max: number): string | undefined {
  const plen = p.prefixLength;
  if (plen > max) return undefined;
  return `${max === 32 ? p.address4(plen) : p.address6(plen)}/${plen}`;
}

/** IPv4 prefixes (withdrawn routes, NLRI) from `i` to `end`, with path IDs where they have them. */
function prefixesJson(b: Bgp, m: BgpMessage, i: number, end: number): object[] | string[] {
  const ap = b.nlriHasPathIds(i, end - i, 32), out: (string | object)[] = [];
  const p = new BgpPrefix(b.cursor);
  while (i < end) {
    let pathId: number | undefined;
    if (ap) { pathId = p.point(b.at(i), m.end).pathId; i += BGP_PATH_ID_LENGTH; }
    p.point(b.at(i), m.end);
    const text = prefixJson(p, 32);
    if (text === undefined) break;
    out.push(ap ? { prefix: text, pathId } : text);
    i += 1 + ((p.prefixLength + 7) >> 3);
  }
  return out as object[] | string[];
}

/** The fields of one whole message at index `p` into `o`. */
function messageJson(b: Bgp, m: BgpMessage, p: number, len: number, o: Record<string, unknown>): void {
  switch (m.type) {
    case 1: {
      if (len < BGP_OPEN_LENGTH) return;
      o['version'] = m.version; o['myAs'] = m.myAs; o['holdTime'] = m.holdTime; o['identifier'] = m.identifier;
      const caps: object[] = [], par = new BgpParameter(b.cursor), cap = new BgpCapability(b.cursor);
      const start = p + BGP_OPEN_LENGTH, end = Math.min(start + m.optionalParametersLength, p + len);
      for (let i = start; i + BGP_PARAMETER_HEADER_LENGTH <= end;) {
        par.point(b.at(i), m.end);
        const plen = par.parameterLength;
        if (par.type === 2) {
          for (let k = i + BGP_PARAMETER_HEADER_LENGTH; k + BGP_CAPABILITY_HEADER_LENGTH <= Math.min(end, i + 2 + plen);) {
            cap.point(b.at(k), m.end);
            const code = cap.code, clen = cap.capabilityLength, e: Record<string, unknown> = { code, length: clen };
            if (code === 1 && clen >= 4) { e['afi'] = cap.mpAfi; e['safi'] = cap.mpSafi; }
            if (code === 65 && clen >= 4) e['asn'] = cap.asn;
            caps.push(e);
            k += BGP_CAPABILITY_HEADER_LENGTH + clen;
          }
        }
        i += BGP_PARAMETER_HEADER_LENGTH + plen;
      }
      o['capabilities'] = caps;
      return;
    }
    case 2: {
      let t = p + BGP_HEADER_LENGTH;
      const wlen = m.withdrawnRoutesLength;
      t += BGP_LENGTH_FIELD;
      if (t + wlen > p + len) return;
      o['withdrawn'] = prefixesJson(b, m, t, t + wlen);
      t += wlen;
      const alen = m.pathAttributesLength;
      t += BGP_LENGTH_FIELD;
      const aend = t + alen;
      if (aend > p + len) return;
      const attrs: object[] = [], a = new BgpAttribute(b.cursor), v = new BgpAttributeValue(b.cursor);
      while (t + BGP_ATTRIBUTE_TYPE_LENGTH < aend) {
        a.point(b.at(t), m.end);
        const type = a.type, n = a.attributeLength, vi = t + BGP_ATTRIBUTE_TYPE_LENGTH + a.lengthFieldSize;
        if (vi + n > aend) break;
        const e: Record<string, unknown> = { type, flags: a.flags, length: n };
        v.point(b.at(vi), b.at(vi + n));
        attributeJson(b, type, vi, n, v, e);
        attrs.push(e);
        t = vi + n;
      }
      o['attributes'] = attrs;
      o['nlri'] = prefixesJson(b, m, aend, p + len);
      return;
    }
    case 3:
      if (len < BGP_NOTIFICATION_LENGTH) return;
      o['errorCode'] = m.errorCode; o['errorSubcode'] = m.errorSubcode;
      return;
    case 5:
      if (len < BGP_ROUTE_REFRESH_LENGTH) return;
      o['afi'] = m.refreshAfi; o['safi'] = m.refreshSafi;
      return;
  }
}

/** An attribute's value (`n` bytes at index `i`) into `e`, for the types a user looks at. */
function attributeJson(b: Bgp, type: number, i: number, n: number, v: BgpAttributeValue, e: Record<string, unknown>): void {
  switch (type) {
    case 1: if (n === 1) e['origin'] = v.origin; break;
    case 2: case 17: {
      if (n % 2) break;
      const size = b.asPathAsSize(type, i, n), segs: object[] = [], s = new BgpAsSegment(b.cursor);
      for (let t = i; t < i + n;) {
        s.point(b.at(t), v.end);
        const asns: number[] = [];
        for (let k = 0; k < s.count; k++) asns.push(s.asn(k, size));
        segs.push({ type: s.segmentType, asns });
        t += s.segmentLength(size);
      }
      e['asPath'] = segs;
      break;
    }
    case 3: if (n === 4) e['nextHop'] = v.nextHop; break;
    case 4: if (n === 4) e['med'] = v.med; break;
    case 5: if (n === 4) e['localPreference'] = v.localPreference; break;
    case 7:
      if (n === 6) e['aggregator'] = { as: v.aggregatorAs2, address: v.aggregatorAddress2 };
      else if (n === 8) e['aggregator'] = { as: v.aggregatorAs4, address: v.aggregatorAddress4 };
      break;
    case 18: if (n === 8) e['aggregator'] = { as: v.aggregatorAs4, address: v.aggregatorAddress4 }; break;
    case 8: if (n % 4 === 0) { const c: number[] = []; for (let k = 0; k < n / 4; k++) c.push(v.community(k)); e['communities'] = c; } break;
    case 9: if (n === 4) e['originatorId'] = v.originatorId; break;
    case 10: if (n % 4 === 0) { const c: string[] = []; for (let k = 0; k < n / 4; k++) c.push(v.clusterId(k)); e['clusterList'] = c; } break;
    case 14: case 15:
      if (n >= BGP_AFI_SAFI_LENGTH) { const f = new BgpAfiSafi(b.cursor).point(v.off, v.end); e['afi'] = f.afi; e['safi'] = f.safi; }
      break;
    case 32:
      if (n % 12 === 0) {
        const c: number[][] = [];
        for (let k = 0; k < n / 12; k++) c.push([v.largeGlobal(k), v.largeLocal1(k), v.largeLocal2(k)]);
        e['largeCommunities'] = c;
      }
      break;
  }
}
