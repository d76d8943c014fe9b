// HNCP, the Home Networking Control Protocol (RFC 7788, on DNCP: RFC 7787), on UDP port 8231: no
// header, a sequence of TLVs, each a 2-byte type, a 2-byte body length and the body, padded to a
// multiple of 4 bytes; some bodies (node state, external connection, prefixes, addresses) end in
// TLVs of their own. The printer points the TLV view at each TLV (pointTlv) and reads its fields by
// name; what the fields' offsets are is known here only.
import { ipv4ToString, ipv6ToString } from './addr.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readHex, readIpv4, readIpv6, readPrefixBytes, readU16, readU32, readU8 } from './reads.js';
import { FieldView, LayerView } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const HNCP = Layer.Hncp;

/** UDP port of HNCP (and of DNCP's other profiles). */
export const HNCP_PORT = 8231;
/** Bytes of a TLV's type and length: its body starts there. */
export const HNCP_TLV_HEADER_LENGTH = 4;

/** TLV types of RFC 7787 (DNCP) and RFC 7788 (HNCP), with RFC 7788's errata 5113 for the DHCP data. */
export const HncpType = {
  RequestNetworkState: 1, RequestNodeState: 2, NodeEndpoint: 3, NetworkState: 4, NodeState: 5, Peer: 8, KeepAliveInterval: 9,
  TrustVerdict: 10, HncpVersion: 32, ExternalConnection: 33, DelegatedPrefix: 34, AssignedPrefix: 35, NodeAddress: 36,
  Dhcpv4Data: 37, Dhcpv6Data: 38, DnsDelegatedZone: 39, DomainName: 40, NodeName: 41, ManagedPsk: 42, PrefixPolicy: 43,
} as const;

/**
 * Where each TLV's variable part starts, from the TLV's first byte (its header included): the
 * nested TLVs, prefixes, names and text that follow the fixed fields.
 */
export const HncpAt = {
  /** Node state: the node's data (TLVs) after its 20 bytes of fields. */
  nodeData: 24,
  /** Trust verdict: the certificate's common name. */
  commonName: 40,
  /** HNCP-Version: the user agent. */
  userAgent: 8,
  /** Delegated-Prefix: the prefix (then, padded to 4 bytes, its TLVs). */
  delegatedPrefix: 12,
  /** Assigned-Prefix: the prefix (then, padded, its TLVs). */
  assignedPrefix: 9,
  /** Node-Address: the address's TLVs. */
  addressData: 24,
  /** DNS-Delegated-Zone: the zone's labels (then, padded, its TLVs). */
  zoneLabels: 21,
  /** Node-Name: the name (then, padded, its TLVs). */
  name: 21,
  /** Managed-PSK: its TLVs after the key. */
  pskData: 36,
  /** Prefix-Policy: a prefix (policy types 1–128: the type is its length). */
  policyPrefix: 4,
  /** Prefix-Policy: the domain labels or text after the type (types 129 and 130). */
  policyValue: 5,
} as const;

/** Bytes of a DHCPv4 option's code and length, and of a DHCPv6 option's, in the DHCP data TLVs. */
export const HNCP_DHCPV4_OPTION_HEADER_LENGTH = 2;
export const HNCP_DHCPV6_OPTION_HEADER_LENGTH = 4;

/**
 * One TLV of an HNCP message, pointed at it by Hncp.pointTlv(): its type and length, and the fields
 * of each type by name (reading another type's fields reads its bytes as those). Indexes count from
 * the TLV's first byte.
 */
export class HncpTlv extends FieldView {
  get type(): number { return readU16(this, 0); }
  /** The body's length, its padding to 4 bytes not counted. */
  get bodyLength(): number { return readU16(this, 2); }

  /** The node identifier (4 bytes as tcpdump writes it) of Request node state, Node endpoint, Node state and Peer. */
  get nodeId(): string {
    const h = readHex(this, 4, 4);
    return `${h.slice(0, 2)}:${h.slice(2, 4)}:${h.slice(4, 6)}:${h.slice(6, 8)}`;
  }
  /** Node endpoint's endpoint identifier; Peer's peer endpoint identifier. */
  get endpointId(): number { return readU32(this, 8); }
  /** Peer: the local endpoint identifier. */
  get localEndpointId(): number { return readU32(this, 12); }
  /** Network state: the network's hash (hex). */
  get networkHash(): string { return readHex(this, 4, 8); }
  /** Node state: the sequence number, milliseconds since it was originated, the node's data hash (hex). */
  get seqno(): number { return readU32(this, 8); }
  get sinceOrigination(): number { return readU32(this, 12); }
  get nodeHash(): string { return readHex(this, 16, 8); }
  /** The endpoint identifier that leads the body of Keep-alive interval, Assigned-Prefix and Node-Address. */
  get leadingEndpointId(): number { return readU32(this, 4); }
  /** Keep-alive interval: milliseconds. */
  get keepAliveInterval(): number { return readU32(this, 8); }
  /** Trust verdict: the verdict and the certificate's SHA-256 fingerprint (hex). */
  get verdict(): number { return readU8(this, 4); }
  get fingerprint(): string { return readHex(this, 8, 32); }
  /** HNCP-Version: M, P, H and L, a nibble each. */
  get capabilities(): number { return readU16(this, 6); }
  /** Delegated-Prefix: the valid and preferred lifetimes, in milliseconds. */
  get validLifetime(): number { return readU32(this, 4); }
  get preferredLifetime(): number { return readU32(this, 8); }
  /** Assigned-Prefix: the priority. */
  get priority(): number { return readU8(this, 8) & 0xf; }
  /** Node-Address: the address (IPv4-mapped as IPv4). */
  get nodeAddress(): string { return this.address(8); }
  /** DNS-Delegated-Zone and Node-Name: the address (IPv4-mapped as IPv4). */
  get zoneAddress(): string { return this.address(4); }
  /** DNS-Delegated-Zone: the L, B and S flags. */
  get zoneFlags(): number { return readU8(this, 20); }
  /** Node-Name: the name's length. */
  get nameLength(): number { return readU8(this, 20); }
  /** Managed-PSK: the key (hex). */
  get psk(): string { return readHex(this, 4, 32); }
  /** Prefix-Policy: the policy type. */
  get policyType(): number { return readU8(this, 4); }

  /** The byte at index `i` (a prefix's length, DNS labels). */
  u8At(i: number): number { return readU8(this, i); }
  /** A DHCPv4 option's code and length at `i`; a DHCPv6 option's. */
  dhcpv4Code(i: number): number { return readU8(this, i); }
  dhcpv4Length(i: number): number { return readU8(this, i + 1); }
  dhcpv6Code(i: number): number { return readU16(this, i); }
  dhcpv6Length(i: number): number { return readU16(this, i + 2); }
  ipv4At(i: number): string { return readIpv4(this, i); }
  ipv6At(i: number): string { return readIpv6(this, i); }
  /** Byte `i`, and whether bytes [0, n) were captured: for the DNS names in DHCP options (printDomainName). */
  data(i: number): number { return readU8(this, i); }
  dataCaptured(n: number): boolean { return this.off + n <= this.end; }

  /** format_ip6addr: the 16 bytes at `i`, an IPv4-mapped address (::ffff:a.b.c.d) as IPv4. */
  address(i: number): string { return this.mapped(i) ? readIpv4(this, i + 12) : readIpv6(this, i); }

  /** The text of the last prefix prefix() read. */
  prefixText = '';
  /**
   * print_prefix: the prefix at `i` within `max` bytes, its length first — an IPv4 prefix as an
   * IPv4-mapped IPv6 one (length 96 + n) — into prefixText. Returns its bytes, -1 for a length
   * longer than the address, -2 or -3 for one running past `max`.
   */
  prefix(i: number, max: number): number {
    const first = readU8(this, i);
    if (first >= 96 && max >= 13 && this.mapped(i + 1)) {
      const plen = first - 96;
      if (plen > 32) return -1;
      const n = (plen + 7) >> 3;
      if (max - 1 < n + 12) return -3;
      this.prefixText = `${ipv4ToString(readPrefixBytes(this, i + 13, plen, 4), 0)}/${plen}`;
      return n + 13;
    }
    // decode_prefix6
    if (max < 1) return -2;
    if (first > 128) return -1;
    const n = (first + 7) >> 3;
    if (max - 1 < n) return -2;
    this.prefixText = `${ipv6ToString(readPrefixBytes(this, i + 1, first, 16), 0)}/${first}`;
    return 1 + n;
  }

  private mapped(i: number): boolean {
    for (let k = 0; k < 10; k++) if (readU8(this, i + k) !== 0) return false;
    return readU8(this, i + 10) === 0xff && readU8(this, i + 11) === 0xff;
  }
}

/** An HNCP message: its TLVs through pointTlv(). Those past the capture throw NOT_CAPTURED when read. */
export class Hncp extends LayerView {
  readonly layer = HNCP;
  /** The TLV view pointTlv() points (one, reused). */
  readonly tlv: HncpTlv = new HncpTlv(this.cursor);

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    c.mark(HNCP);
    return 0;
  }

  /** The TLV at byte `at` of the message. */
  pointTlv(at: number): HncpTlv { return this.tlv.point(this.off + at, this.end); }

  /** The top-level TLVs captured whole: their types and body lengths. */
  get tlvs(): { type: number; length: number }[] {
    const out: { type: number; length: number }[] = [], t = new HncpTlv(this.cursor);
    for (let at = this.off; at + HNCP_TLV_HEADER_LENGTH <= this.end;) {
      t.point(at, this.end);
      const length = t.bodyLength;
      if (at + HNCP_TLV_HEADER_LENGTH + length > this.end) break;
      out.push({ type: t.type, length });
      at += HNCP_TLV_HEADER_LENGTH + length + (-length & 3);
    }
    return out;
  }

  toJSON(): object {
    return { offset: this.offset, length: this.length, tlvs: this.tlvs };
  }
}
