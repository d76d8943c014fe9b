/** BGP (tcpdump's print-bgp.c), on TCP port 179. */
import { afNames, l2vpnEncaps } from './routing-tables.js';
import type { PrintContext } from './context.js';
import { BGP_HEADER_LENGTH, BGP_MARKER_LENGTH, type Bgp } from '../../decoders/bgp.js';
import { ipv6ToString } from '../../decoders/addr.js';
import { hexPrint } from './dump.js';
import { hex16, hex8 } from './names.js';
import { printN } from './print-char.js';
import { bitNames, hex32, TokTable, type Tok } from './util-print.js';

const messages = new TokTable([[1, 'Open'], [2, 'Update'], [3, 'Notification'], [4, 'Keepalive'], [5, 'Route Refresh']]);
const attrs = new TokTable([
  [1, 'Origin'], [2, 'AS Path'], [17, 'AS4 Path'], [3, 'Next Hop'], [4, 'Multi Exit Discriminator'], [5, 'Local Preference'],
  [6, 'Atomic Aggregate'], [7, 'Aggregator'], [18, 'Aggregator4'], [8, 'Community'], [9, 'Originator ID'], [10, 'Cluster List'], [11, 'DPA'],
  [12, 'Advertisers'], [13, 'RCID Path / Cluster ID'], [14, 'Multi-Protocol Reach NLRI'], [15, 'Multi-Protocol Unreach NLRI'],
  [16, 'Extended Community'], [22, 'PMSI Tunnel'], [23, 'Tunnel Encapsulation'], [24, 'Traffic Engineering'], [25, 'IPv6 Extended Community'],
  [26, 'Accumulated IGP Metric'], [27, 'PE Distinguisher Label'], [28, 'Entropy Label'], [32, 'Large Community'], [128, 'Attribute Set'],
  [255, 'Reserved for development'],
]);
const segOpen = new TokTable([[2, ''], [1, '{ '], [3, '( '], [4, '({ ']]);
const segClose = new TokTable([[2, ''], [1, '}'], [3, ')'], [4, '})']]);
const options = new TokTable([[1, 'Authentication Information'], [2, 'Capabilities Advertisement']]);
const capabilities = new TokTable([
  [1, 'Multiprotocol Extensions'], [2, 'Route Refresh'], [3, 'Cooperative Route Filtering'], [4, 'Multiple Routes to a Destination'],
  [5, 'Extended Next Hop Encoding'], [8, 'Multiple Labels'], [64, 'Graceful Restart'], [65, '32-Bit AS Number'], [67, 'Dynamic Capability'],
  [68, 'Multisession BGP'], [69, 'Multiple Paths'], [70, 'Enhanced Route Refresh'], [71, 'Long-lived Graceful Restart'], [128, 'Route Refresh (Cisco)'],
]);
const notifyMajor = new TokTable([
  [1, 'Message Header Error'], [2, 'OPEN Message Error'], [3, 'UPDATE Message Error'], [4, 'Hold Timer Expired'], [5, 'Finite State Machine Error'],
  [6, 'Cease'], [7, 'Capability Message Error'],
]);
const notifyMinor: Record<number, TokTable> = {
  1: new TokTable([[1, 'Connection Not Synchronized'], [2, 'Bad Message Length'], [3, 'Bad Message Type']]),
  2: new TokTable([[1, 'Unsupported Version Number'], [2, 'Bad Peer AS'], [3, 'Bad BGP Identifier'], [4, 'Unsupported Optional Parameter'],
    [5, 'Authentication Failure'], [6, 'Unacceptable Hold Time'], [7, 'Capability Message Error']]),
  3: new TokTable([[1, 'Malformed Attribute List'], [2, 'Unrecognized Well-known Attribute'], [3, 'Missing Well-known Attribute'],
    [4, 'Attribute Flags Error'], [5, 'Attribute Length Error'], [6, 'Invalid ORIGIN Attribute'], [7, 'AS Routing Loop'],
    [8, 'Invalid NEXT_HOP Attribute'], [9, 'Optional Attribute Error'], [10, 'Invalid Network Field'], [11, 'Malformed AS_PATH']]),
  5: new TokTable([[0, 'Unspecified Error'], [1, 'In OpenSent State'], [2, 'In OpenConfirm State'], [3, 'In Established State']]),
  6: new TokTable([[1, 'Maximum Number of Prefixes Reached'], [2, 'Administrative Shutdown'], [3, 'Peer Unconfigured'], [4, 'Administrative Reset'],
    [5, 'Connection Rejected'], [6, 'Other Configuration Change'], [7, 'Connection Collision Resolution']]),
  7: new TokTable([[1, 'Invalid Action Value'], [2, 'Invalid Capability Length'], [3, 'Malformed Capability Value'], [4, 'Unsupported Capability Code']]),
};
const origins = new TokTable([[0, 'IGP'], [1, 'EGP'], [2, 'Incomplete']]);
const pmsiTunnels = new TokTable([
  [1, 'RSVP-TE P2MP LSP'], [2, 'LDP P2MP LSP'], [3, 'PIM-SSM Tree'], [4, 'PIM-SM Tree'], [5, 'PIM-Bidir Tree'], [6, 'Ingress Replication'], [7, 'LDP MP2MP LSP'],
]);
const pmsiFlags: Tok = [[0x01, 'Leaf Information required']];
const aigpTypes = new TokTable([[1, 'AIGP']]);
const safis = new TokTable([
  [0, 'Reserved'], [1, 'Unicast'], [2, 'Multicast'], [3, 'Unicast+Multicast'], [4, 'labeled Unicast'], [64, 'Tunnel'], [65, 'VPLS'], [66, 'MDT'],
  [70, 'EVPN'], [128, 'labeled VPN Unicast'], [129, 'labeled VPN Multicast'], [130, 'labeled VPN Unicast+Multicast'],
  [132, 'Route Target Routing Information'], [5, 'Multicast VPN'],
]);
const extCommFlags: Tok = [[0x8000, 'vendor-specific'], [0x4000, 'non-transitive']];
const extCommTypes = new TokTable([
  [0x0002, 'target'], [0x0102, 'target'], [0x0202, 'target'], [0x0003, 'origin'], [0x0103, 'origin'], [0x0203, 'origin'], [0x4004, 'link-BW'],
  [0x0005, 'ospf-domain'], [0x0105, 'ospf-domain'], [0x0205, 'ospf-domain'], [0x8005, 'ospf-domain'], [0x0306, 'ospf-route-type'],
  [0x8000, 'ospf-route-type'], [0x030c, 'encapsulation'], [0x0107, 'ospf-router-id'], [0x8001, 'ospf-router-id'], [0x800a, 'layer2-info'],
  [0x8800, 'eigrp-general-route (flag, tag)'], [0x8801, 'eigrp-route-metric (AS, delay)'],
  [0x8802, 'eigrp-route-metric (reliability, nexthop, bandwidth)'], [0x8803, 'eigrp-route-metric (load, MTU)'],
  [0x8804, 'eigrp-external-route (remote-AS, remote-ID)'], [0x8805, 'eigrp-external-route (remote-proto, remote-metric)'],
  [0x0009, 'source-AS'], [0x010b, 'vrf-route-import'], [0x000a, 'l2vpn-id'], [0xf10a, 'l2vpn-id'],
]);
const encapTunnels = new TokTable([
  [1, 'L2TPv3 over IP'], [2, 'GRE'], [3, 'Transmit Tunnel'], [4, 'IPsec'], [5, 'IP in IP with IPsec'], [6, 'MPLS in IP with IPsec'], [7, 'IP in IP'],
  [8, 'VXLAN'], [9, 'NVGRE'], [10, 'MPLS'], [11, 'MPLS in GRE'], [12, 'VXLAN GPE'], [13, 'MPLS in UDP'], [14, 'IPv6'], [15, 'SR TE'], [16, 'Bare'], [17, 'SR'],
]);
const ospfRouteTypes = new TokTable([[1, 'Router'], [2, 'Network'], [3, 'Summary'], [5, 'External'], [7, 'NSSA External'], [129, 'MPLS-VPN Sham']]);
const addPathModes = new TokTable([[1, 'Receive'], [2, 'Send'], [3, 'Both']]);
const mvpnRouteTypes = new TokTable([
  [1, 'Intra-AS I-PMSI'], [2, 'Inter-AS I-PMSI'], [3, 'S-PMSI'], [4, 'Intra-AS Segment-Leaf'], [5, 'Source-Active'], [6, 'Shared Tree Join'],
  [7, 'Source Tree Join'],
]);

// AFI/SAFI pairs (af << 8 | safi) with a decoder.
const AF_INET = 1, AF_INET6 = 2, AF_NSAP = 3, AF_L2VPN = 196, AF_VPLS = 25;
const S_UNICAST = 1, S_MULTICAST = 2, S_UNIMULTICAST = 3, S_LABUNICAST = 4, S_MVPN = 5, S_VPLS = 65, S_MDT = 66;
const S_VPNUNICAST = 128, S_VPNMULTICAST = 129, S_VPNUNIMULTICAST = 130, S_RT_ROUTING_INFO = 132;
const k = (af: number, safi: number): number => (af << 8) | safi;
const decodable = new Set([
  k(AF_INET, S_UNICAST), k(AF_INET, S_MULTICAST), k(AF_INET, S_UNIMULTICAST), k(AF_INET, S_LABUNICAST), k(AF_INET, S_RT_ROUTING_INFO),
  k(AF_INET, S_VPNUNICAST), k(AF_INET, S_VPNMULTICAST), k(AF_INET, S_VPNUNIMULTICAST), k(AF_INET, S_MVPN), k(AF_INET, S_MDT),
  k(AF_INET6, S_UNICAST), k(AF_INET6, S_MULTICAST), k(AF_INET6, S_UNIMULTICAST), k(AF_INET6, S_LABUNICAST), k(AF_INET6, S_VPNUNICAST),
  k(AF_INET6, S_VPNMULTICAST), k(AF_INET6, S_VPNUNIMULTICAST), k(AF_NSAP, S_UNICAST), k(AF_NSAP, S_MULTICAST), k(AF_NSAP, S_UNIMULTICAST),
  k(AF_NSAP, S_VPNUNICAST), k(AF_NSAP, S_VPNMULTICAST), k(AF_NSAP, S_VPNUNIMULTICAST), k(AF_L2VPN, S_VPNUNICAST), k(AF_L2VPN, S_VPNMULTICAST),
  k(AF_L2VPN, S_VPNUNIMULTICAST), k(AF_VPLS, S_VPLS),
]);

/** Thrown inside a decoder where tcpdump goes to its `trunc` label (ND_TCHECK): the caller prints the mark. */
const TRUNC = Object.freeze({ bgpTrunc: true });

/** print_unknown_data. */
function unknown(c: PrintContext, b: Bgp, i: number, ident: string, n: number): void { c.write(hexPrint(c, ident, b.off + i, n)); }
function tcheck(b: Bgp, i: number, n: number): void { if (!b.hasAt(i, n)) throw TRUNC; }

/** isonsap_string over bytes. */
function nsapText(a: Uint8Array, n: number): string {
  if (n < 1 || n > 20) return 'isonsap_string: illegal length';
  let s = '';
  for (let i = 0; i < n; i++) { s += hex8(a[i]!); if ((i & 1) === 0 && i + 1 < n) s += '.'; }
  return s;
}
const quad = (a: Uint8Array, i = 0): string => `${a[i]}.${a[i + 1]}.${a[i + 2]}.${a[i + 3]}`;

/** bgp_vpn_rd_print: a route distinguisher at `i`. */
function rd(b: Bgp, i: number): string {
  switch (b.u16(i)) {
    case 0: return `${b.u16(i + 2)}:${b.u32(i + 4)} (= ${b.u8(i + 4)}.${b.u8(i + 5)}.${b.u8(i + 6)}.${b.u8(i + 7)})`;
    case 1: return `${b.u8(i + 2)}.${b.u8(i + 3)}.${b.u8(i + 4)}.${b.u8(i + 5)}:${b.u16(i + 6)}`;
    case 2: {
      const as = b.u32(i + 2), n = b.u16(i + 6);
      return `${as}:${n} (${b.u8(i + 2)}.${b.u8(i + 3)}.${b.u8(i + 4)}.${b.u8(i + 5)}:${b.u16(i + 6)})`;
    }
    default: return 'unknown RD format';
  }
}

/** bgp_vpn_ip_print: an address of `bits` bits at `i`. */
function vpnIp(b: Bgp, i: number, bits: number): string {
  return bits === 32 ? b.ipv4(i) : bits === 128 ? b.ipv6(i) : `bogus address length ${bits}`;
}

const label = (b: Bgp, i: number): string => `label:${b.u24(i + 1) >> 4} ${(b.u8(i + 3) & 1) === 0 ? '(BOGUS: Bottom of Stack NOT set!)' : '(bottom)'}`;

/** decode_prefix4 / decode_prefix6: [size, text], size -1 bad length, -2 not enough bytes. */
function prefix(b: Bgp, i: number, itemlen: number, v6: boolean): [number, string] {
  if (itemlen < 1) return [-2, ''];
  const plen = b.u8(i);
  if (plen > (v6 ? 128 : 32)) return [-1, ''];
  const n = (plen + 7) >> 3;
  if (itemlen - 1 < n) return [-2, ''];
  const a = b.prefixBytes(i + 1, plen, v6 ? 16 : 4);
  return [1 + n, `${v6 ? ipv6ToString(a, 0) : quad(a)}/${plen}`];
}

/** decode_labeled_prefix4/6: -1 bad length, -2 cut short, -3 not enough bytes. */
function labeledPrefix(b: Bgp, i: number, itemlen: number, v6: boolean): [number, string] {
  if (!b.hasAt(i, 4)) return [-2, ''];
  if (itemlen < 4) return [-3, ''];
  let plen = b.u8(i);
  if (plen < 24) return [-1, ''];
  plen -= 24;
  if (plen > (v6 ? 128 : 32)) return [-1, ''];
  const n = (plen + 7) >> 3;
  if (!v6 && itemlen - 4 < n) return [-3, ''];
  const a = b.prefixBytes(i + 4, plen, v6 ? 16 : 4);
  return [4 + n, `${v6 ? ipv6ToString(a, 0) : quad(a)}/${plen}, ${label(b, i)}`];
}

/** decode_labeled_vpn_prefix4/6 and the CLNP one: -1 bad length. */
function labeledVpnPrefix(b: Bgp, i: number, kind: 4 | 6 | 0): [number, string] {
  let plen = b.u8(i);
  if (plen < 88) return [-1, ''];
  plen -= 88;
  if (plen > (kind === 4 ? 32 : kind === 6 ? 128 : 152)) return [-1, ''];
  const n = (plen + 7) >> 3;
  const a = b.prefixBytes(i + 12, plen, kind === 4 ? 4 : kind === 6 ? 16 : 19);
  const addr = kind === 4 ? quad(a) : kind === 6 ? ipv6ToString(a, 0) : nsapText(a, n);
  return [12 + n, `RD: ${rd(b, i + 4)}, ${addr}/${plen}, ${label(b, i)}`];
}

/** decode_clnp_prefix. */
function clnpPrefix(b: Bgp, i: number): [number, string] {
  const plen = b.u8(i);
  if (plen > 152) return [-1, ''];
  const n = (plen + 7) >> 3;
  const a = b.prefixBytes(i + 4, plen, 19);
  return [1 + n, `${nsapText(a, n)}/${plen}`];
}

/** bgp_rt_prefix_print over the route target bytes. */
function rtPrefix(t: Uint8Array, plen: number): string {
  if (plen === 0) return 'route-target: 0:0/0';
  const octets = (plen + 7) >> 3;
  let hex = '';
  for (let i = 0; i < octets; i++) hex += hex8(t[i]!) + ((i % 2 === 1) && i < octets - 1 ? ' ' : '');
  if (plen < 16) return `route-target: partial-type: (${hex}/${plen})`;
  const type = (t[0]! << 8) | t[1]!;
  const u32 = (j: number): number => ((t[j]! << 24) | (t[j + 1]! << 16) | (t[j + 2]! << 8) | t[j + 3]!) >>> 0;
  const u16 = (j: number): number => (t[j]! << 8) | t[j + 1]!;
  switch (type) {
    case 0x0002: return `route-target: ${u16(2)}:${u32(4)}/${plen} (${hex})`;
    case 0x0102: return `route-target: ${t[2]}.${t[3]}.${t[4]}.${t[5]}:${u16(6)}/${plen} (${hex})`;
    case 0x0202: return `route-target: ${u32(2)}:${u16(6)}/${plen} (${hex})`;
    default: return `route target: unknown-type(${hex16(type)}) (${hex}/${plen})`;
  }
}

/** decode_rt_routing_info: prints itself; the size, or -1. */
function rtRoutingInfo(c: PrintContext, b: Bgp, i: number): number {
  let plen = b.u8(i);
  if (plen === 0) { c.write('\n\t      default route target'); return 1; }
  if (plen < 32) { c.write('\n\t      (illegal prefix length)'); return -1; }
  const as = b.u32(i + 1);
  plen -= 32;
  if (plen > 64) { c.write('\n\t      (illegal prefix length)'); return -1; }
  const n = (plen + 7) >> 3;
  const t = b.prefixBytes(i + 5, plen, 8);
  c.write(`\n\t      origin AS: ${as}, ${rtPrefix(t, plen)}`);
  return 5 + n;
}

/** decode_mdt_vpn_nlri. */
function mdtVpn(b: Bgp, i: number): [number, string] {
  if (b.u8(i) !== 128) return [-1, ''];
  tcheck(b, i + 1, 8);
  return [17, `RD: ${rd(b, i + 1)}, VPN IP Address: ${b.ipv4(i + 9)}, MC Group Address: ${b.ipv4(i + 13)}`];
}

/** bgp_vpn_sg_print: appends source and group; returns [bytes, text]. */
function vpnSg(b: Bgp, i: number): [number, string] {
  let total = 0, s = '';
  let len = b.u8(i);
  i++;
  if (!b.hasAt(i, len >> 3)) return [total, s];
  total += (len >> 3) + 1;
  if (len) { s += `, Source ${vpnIp(b, i, len)}`; i += len >> 3; }
  len = b.u8(i);
  i++;
  if (!b.hasAt(i, len >> 3)) return [total, s];
  total += (len >> 3) + 1;
  if (len) s += `, Group ${vpnIp(b, i, len)}`;
  return [total, s];
}

/** decode_multicast_vpn. */
function multicastVpn(b: Bgp, i: number): [number, string] {
  const type = b.u8(i), rlen = b.u8(i + 1);
  i += 2;
  let s = `Route-Type: ${mvpnRouteTypes.str(type, 'Unknown')} (${type}), length: ${rlen}`;
  switch (type) {
    case 1:
      tcheck(b, i, 8);
      s += `, RD: ${rd(b, i)}, Originator ${vpnIp(b, i + 8, ((rlen - 8) << 3) & 0xffffffff)}`;
      break;
    case 2:
      tcheck(b, i, 12);
      s += `, RD: ${rd(b, i)}, Source-AS ${b.u32(i + 8)}`;
      break;
    case 3: {
      tcheck(b, i, 8);
      s += `, RD: ${rd(b, i)}`;
      i += 8;
      const [sg, text] = vpnSg(b, i);
      s += text;
      const alen = (rlen - sg) >>> 0;
      tcheck(b, i, alen);
      s += `, Originator ${vpnIp(b, i, (alen << 3) >>> 0)}`;
      break;
    }
    case 5:
      tcheck(b, i, 8);
      s += `, RD: ${rd(b, i)}`;
      s += vpnSg(b, i + 8)[1];
      break;
    case 6: case 7:
      tcheck(b, i, 12);
      s += `, RD: ${rd(b, i)}, Source-AS ${b.u32(i + 8)}`;
      s += vpnSg(b, i + 12)[1];
      break;
  }
  return [rlen + 2, s];
}

/** decode_labeled_vpn_l2. */
function labeledVpnL2(b: Bgp, i: number): [number, string] {
  const plen = b.u16(i);
  let tlen = plen;
  i += 2;
  if (plen === 12) {
    tcheck(b, i, 12);
    return [plen + 2, `RD: ${rd(b, i)}, BGPNH: ${b.ipv4(i + 8)}`];
  }
  if (plen <= 17) throw TRUNC;
  tcheck(b, i, 15);
  let s = `RD: ${rd(b, i)}, CE-ID: ${b.u16(i + 8)}, Label-Block Offset: ${b.u16(i + 10)}, Label Base ${b.u24(i + 12) >> 4}`;
  i += 15; tlen -= 15;
  while (tlen !== 0) {
    if (tlen < 3) return [plen + 2, s + '\n\t\tran past the end'];
    const type = b.u8(i);
    const bits = b.u16(i + 1);
    let bytes = (bits + 7) >> 3;
    i += 3;
    if (type === 1) {
      s += `\n\t\tcircuit status vector (${type}) length: ${bits}: 0x`;
      while (bytes !== 0) {
        if (tlen < 1) return [plen + 2, s + ' (ran past the end)'];
        tcheck(b, i, 1);
        s += hex8(b.u8(i));
        i++;
        bytes--; tlen--;
      }
    } else {
      s += `\n\t\tunknown TLV #${type}, length: ${bits}`;
      if (tlen < bytes) return [plen + 2, s + ' (ran past the end)'];
      tlen -= bytes;
    }
  }
  return [plen + 2, s];
}

/** check_add_path: whether the NLRI at `i` (`length` bytes) carry path identifiers. */
function addPath(b: Bgp, i: number, length: number, maxPlen: number): boolean {
  if (length < 5) return false;
  let o = 0;
  while (o < length) {
    o += 4;
    if (!b.hasAt(i + o, 1)) break;
    const plen = b.u8(i + o);
    if (plen > maxPlen) return false;
    o += 1 + ((plen + 7) >> 3);
  }
  if (o > length) return false;
  for (o = 0; o < length;) {
    if (!b.hasAt(i + o, 1)) break;
    const plen = b.u8(i + o);
    if (plen < 1 || plen > maxPlen) return true;
    o += 1 + ((plen + 7) >> 3);
  }
  return o > length;
}

/** bgp_nlri_print: the size of one NLRI, -1 (stop), -2 (cut short). */
function nlri(c: PrintContext, b: Bgp, af: number, safi: number, i: number, len: number, ap4: boolean, ap6: boolean): number {
  let r: [number, string];
  switch (k(af, safi)) {
    case k(AF_INET, S_UNICAST): case k(AF_INET, S_MULTICAST): case k(AF_INET, S_UNIMULTICAST):
    case k(AF_INET6, S_UNICAST): case k(AF_INET6, S_MULTICAST): case k(AF_INET6, S_UNIMULTICAST): {
      const v6 = af === AF_INET6, ap = v6 ? ap6 : ap4;
      let pathId = 0;
      if (ap) { pathId = b.u32(i); i += 4; }
      r = prefix(b, i, len, v6);
      if (r[0] === -2) return -2;
      c.write(r[0] === -1 ? '\n\t    (illegal prefix length)' : `\n\t      ${r[1]}`);
      if (ap) { c.write(`   Path Id: ${pathId}`); return r[0] + 4; }
      return r[0];
    }
    case k(AF_INET, S_LABUNICAST): case k(AF_INET6, S_LABUNICAST):
      r = labeledPrefix(b, i, len, af === AF_INET6);
      if (r[0] === -1) c.write('\n\t    (illegal prefix length)');
      else if (r[0] === -2) return -2;
      else if (r[0] === -3) return -3;
      else c.write(`\n\t      ${r[1]}`);
      return r[0];
    case k(AF_INET, S_VPNUNICAST): case k(AF_INET, S_VPNMULTICAST): case k(AF_INET, S_VPNUNIMULTICAST):
    case k(AF_INET6, S_VPNUNICAST): case k(AF_INET6, S_VPNMULTICAST): case k(AF_INET6, S_VPNUNIMULTICAST):
    case k(AF_NSAP, S_VPNUNICAST): case k(AF_NSAP, S_VPNMULTICAST): case k(AF_NSAP, S_VPNUNIMULTICAST):
      r = labeledVpnPrefix(b, i, af === AF_INET ? 4 : af === AF_INET6 ? 6 : 0);
      c.write(r[0] === -1 ? '\n\t    (illegal prefix length)' : `\n\t      ${r[1]}`);
      return r[0];
    case k(AF_INET, S_RT_ROUTING_INFO):
      return rtRoutingInfo(c, b, i);
    case k(AF_INET, S_MVPN): case k(AF_INET6, S_MVPN): case k(AF_INET, S_MDT):
      try { r = safi === S_MDT ? mdtVpn(b, i) : multicastVpn(b, i); } catch (e) { if (e === TRUNC) return -2; throw e; }
      c.write(r[0] === -1 ? '\n\t    (illegal prefix length)' : `\n\t      ${r[1]}`);
      return r[0];
    case k(AF_VPLS, S_VPLS): case k(AF_L2VPN, S_VPNUNICAST): case k(AF_L2VPN, S_VPNMULTICAST): case k(AF_L2VPN, S_VPNUNIMULTICAST):
      try { r = labeledVpnL2(b, i); } catch (e) { if (e === TRUNC) return -2; throw e; }
      c.write(`\n\t      ${r[1]}`);
      return r[0];
    case k(AF_NSAP, S_UNICAST): case k(AF_NSAP, S_MULTICAST): case k(AF_NSAP, S_UNIMULTICAST):
      r = clnpPrefix(b, i);
      c.write(r[0] === -1 ? '\n\t    (illegal prefix length)' : `\n\t      ${r[1]}`);
      return r[0];
    default:
      c.write(`\n\t    ERROR: no AFI ${af} / SAFI ${safi} decoder`);
      return -4;
  }
}

/** bgp_mp_af_print: 0 when the AFI/SAFI has a decoder, -1 when not, -2 cut short. */
function mpAf(c: PrintContext, b: Bgp, i: number, tlen: number): [number, number, number] {
  const af = b.u16(i), safi = b.u8(i + 2);
  c.write(`\n\t    AFI: ${afNames.str(af, 'Unknown AFI')} (${af}), ${safi > 128 ? 'vendor specific ' : ''}SAFI: ${safis.str(safi, 'Unknown SAFI')} (${safi})`);
  if (decodable.has(k(af, safi))) return [0, af, safi];
  if (!b.hasAt(i, tlen)) return [-2, af, safi];
  c.write(`\n\t    no AFI ${af} / SAFI ${safi} decoder`);
  if (c.o.verbose <= 1) unknown(c, b, i, '\n\t    ', tlen);
  return [-1, af, safi];
}

/** bgp_extended_community_print. */
function extCommunity(b: Bgp, i: number): string {
  switch (b.u16(i)) {
    case 0x0002: case 0x0003: case 0x000a:
      return `${b.u16(i + 2)}:${b.u32(i + 4)} (= ${b.ipv4(i + 4)})`;
    case 0x0102: case 0x0103: case 0xf10a: case 0x010b:
      return `${b.ipv4(i + 2)}:${b.u16(i + 6)}`;
    case 0x0202: case 0x0203:
      return `${b.u32(i + 2)}:${b.u16(i + 6)}`;
    case 0x4004:
      return `bandwidth: ${(Math.fround(Math.fround(b.f32(i + 4) * 8) / 1000000)).toFixed(3)} Mbps`;
    case 0x0005: case 0x0105: case 0x0205: case 0x8005: case 0x0107: case 0x8001:
      return b.ipv4(i + 2);
    case 0x0306: case 0x8000: {
      const area = b.ipv4(i + 2), rtype = b.u8(i + 6);
      const e2 = (b.u8(i + 7) & 1) ? 'E2' : '', e1 = rtype === 5 || rtype === 7 ? 'E1' : '';
      return `area:${area}, router-type:${ospfRouteTypes.str(rtype, `unknown (0x${hex8(rtype)})`)}, metric-type:${e2}${e1}`;
    }
    case 0x800a:
      return `${l2vpnEncaps.str(b.u8(i + 2), 'unknown encaps')} Control Flags [0x${hex8(b.u8(i + 3))}]:MTU ${b.u16(i + 4)}`;
    case 0x0009:
      return `AS ${b.u16(i + 2)}`;
    case 0x030c:
      return `Tunnel type: ${encapTunnels.str(b.u16(i + 6), 'unknown encaps')}`;
    default:
      return `${hex8(b.u8(i + 2))}${hex8(b.u8(i + 3))}${hex8(b.u8(i + 4))}${hex8(b.u8(i + 5))}${hex8(b.u8(i + 6))}${hex8(b.u8(i + 7))}`;
  }
}

function flagsText(aflags: number): string {
  return `${aflags & 0x80 ? 'O' : ''}${aflags & 0x40 ? 'T' : ''}${aflags & 0x20 ? 'P' : ''}${aflags & 0x10 ? 'E' : ''}${aflags & 0xf ? `+${(aflags & 0xf).toString(16)}` : ''}`;
}

/** bgp_attr_get_as_size: 2 when the AS path parses with 2-byte AS numbers, else 4. */
function asSize(b: Bgp, type: number, i: number, len: number): number {
  if (type === 17) return 4;
  let t = i;
  while (t < i + len) {
    const seg = b.u8(t);
    if (seg < 1 || seg > 4) return 4;
    t += 2 + b.u8(t + 1) * 2;
  }
  return t === i + len ? 2 : 4;
}

/** bgp_attr_print: false where tcpdump's returns 0 (cut short). */
function attr(c: PrintContext, b: Bgp, atype: number, i: number, len: number, level: number): boolean {
  let t = i, tlen = len;
  const v = c.o.verbose;
  switch (atype) {
    case 1:
      c.write(len !== 1 ? 'invalid len' : origins.str(b.u8(t), 'Unknown Origin Typecode'));
      break;
    case 2: case 17: {
      if (len % 2) { c.write('invalid len'); break; }
      if (!len) { c.write('empty'); break; }
      const size = asSize(b, atype, i, len);
      while (t < i + len) {
        c.write(segOpen.str(b.u8(t), '?'));
        for (let j = 0; j < b.u8(t + 1) * size; j += size) {
          if (!b.hasAt(t + 2 + j, size)) return false;
          c.write(`${size === 2 ? b.u16(t + j + 2) : b.u32(t + j + 2)} `);
        }
        c.write(segClose.str(b.u8(t), '?'));
        t += 2 + b.u8(t + 1) * size;
      }
      break;
    }
    case 3:
      c.write(len !== 4 ? 'invalid len' : b.ipv4(t));
      break;
    case 4: case 5:
      c.write(len !== 4 ? 'invalid len' : String(b.u32(t)));
      break;
    case 6:
      if (len !== 0) c.write('invalid len');
      break;
    case 7:
      if (len !== 6 && len !== 8) { c.write('invalid len'); break; }
      if (!b.hasAt(t, len)) return false;
      c.write(len === 6 ? ` AS #${b.u16(t)}, origin ${b.ipv4(t + 2)}` : ` AS #${b.u32(t)}, origin ${b.ipv4(t + 4)}`);
      break;
    case 18:
      if (len !== 8) { c.write('invalid len'); break; }
      c.write(` AS #${b.u32(t)}, origin ${b.ipv4(t + 4)}`);
      break;
    case 8:
      if (len % 4) { c.write('invalid len'); break; }
      while (tlen !== 0) {
        if (!b.hasAt(t, 4)) return false;
        const comm = b.u32(t);
        switch (comm) {
          case 0xffffff01: c.write(' NO_EXPORT'); break;
          case 0xffffff02: c.write(' NO_ADVERTISE'); break;
          case 0xffffff03: c.write(' NO_EXPORT_SUBCONFED'); break;
          default: c.write(`${comm >>> 16}:${comm & 0xffff}${tlen > 4 ? ', ' : ''}`);
        }
        tlen -= 4; t += 4;
      }
      break;
    case 9:
      c.write(len !== 4 ? 'invalid len' : b.ipv4(t));
      break;
    case 10:
      if (len % 4) { c.write('invalid len'); break; }
      while (tlen !== 0) {
        c.write(`${b.ipv4(t)}${tlen > 4 ? ', ' : ''}`);
        tlen -= 4; t += 4;
      }
      break;
    case 14: {
      if (!b.hasAt(t, 3)) return false;
      if (tlen < 3) return false;
      const [ret, af, safi] = mpAf(c, b, t, tlen);
      if (ret === -2) return false;
      if (ret < 0) break;
      t += 3; tlen -= 3;
      if (!b.hasAt(t, 1)) return false;
      if (tlen < 1) return false;
      const nhlen = b.u8(t);
      t++; tlen--;
      if (nhlen) {
        let left = nhlen, nnh = 0;
        if (tlen < left) return false;
        c.write('\n\t    nexthop: ');
        while (left !== 0) {
          if (nnh++ > 0) c.write(', ');
          const step = (need: number, text: () => string): void => {
            if (left < need) { c.write('invalid len'); t += left; tlen -= left; left = 0; }
            else { c.write(text()); t += need; tlen -= need; left -= need; }
          };
          switch (k(af, safi)) {
            case k(AF_INET, S_UNICAST): case k(AF_INET, S_MULTICAST): case k(AF_INET, S_UNIMULTICAST): case k(AF_INET, S_LABUNICAST):
            case k(AF_INET, S_RT_ROUTING_INFO): case k(AF_INET, S_MVPN): case k(AF_INET, S_MDT):
            case k(AF_VPLS, S_VPLS): case k(AF_L2VPN, S_VPNUNICAST): case k(AF_L2VPN, S_VPNMULTICAST): case k(AF_L2VPN, S_VPNUNIMULTICAST):
              step(4, () => b.ipv4(t));
              break;
            case k(AF_INET, S_VPNUNICAST): case k(AF_INET, S_VPNMULTICAST): case k(AF_INET, S_VPNUNIMULTICAST):
              step(12, () => `RD: ${rd(b, t)}, ${b.ipv4(t + 8)}`);
              break;
            case k(AF_INET6, S_UNICAST): case k(AF_INET6, S_MULTICAST): case k(AF_INET6, S_UNIMULTICAST): case k(AF_INET6, S_LABUNICAST):
              step(16, () => b.ipv6(t));
              break;
            case k(AF_INET6, S_VPNUNICAST): case k(AF_INET6, S_VPNMULTICAST): case k(AF_INET6, S_VPNUNIMULTICAST):
              step(24, () => `RD: ${rd(b, t)}, ${b.ipv6(t + 8)}`);
              break;
            case k(AF_NSAP, S_UNICAST): case k(AF_NSAP, S_MULTICAST): case k(AF_NSAP, S_UNIMULTICAST):
              c.write(nsapText(b.bytesAt(t, left), left));
              t += left; tlen -= left; left = 0;
              break;
            case k(AF_NSAP, S_VPNUNICAST): case k(AF_NSAP, S_VPNMULTICAST): case k(AF_NSAP, S_VPNUNIMULTICAST):
              if (left < 9) { c.write('invalid len'); t += left; tlen -= left; left = 0; break; }
              if (!b.hasAt(t, left)) return false;
              c.write(`RD: ${rd(b, t)}, ${nsapText(b.bytesAt(t + 8, left - 8), left - 8)}`);
              if (b.u32(t + 8) === 0x47000601) c.write(` = ${b.ipv4(t + 12)}`);
              else if (b.u24(t + 8) === 0x350000) c.write(` = ${b.ipv6(t + 11)}`);
              t += left; tlen -= left; left = 0;
              break;
          }
        }
      }
      c.write(`, nh-length: ${nhlen}`);
      if (tlen < 1) return false;
      let snpa = b.u8(t);
      t++; tlen--;
      if (snpa) {
        c.write(`\n\t    ${snpa} SNPA`);
        for (; snpa !== 0; snpa--) {
          if (tlen < 1) return false;
          const slen = b.u8(t);
          c.write(`\n\t      ${slen} bytes`);
          t++; tlen--;
          if (tlen < slen) return false;
          if (!b.hasAt(t, slen)) return false;
          t += slen; tlen -= slen;
        }
      } else c.write(', no SNPA');
      if (!mpNlri(c, b, af, safi, t, i, len)) return false;
      break;
    }
    case 15: {
      if (!b.hasAt(t, 3)) return false;
      const [ret, af, safi] = mpAf(c, b, t, tlen);
      if (ret === -2) return false;
      if (ret < 0) break;
      if (len === 3) c.write('\n\t      End-of-Rib Marker (empty NLRI)');
      t += 3;
      if (!mpNlri(c, b, af, safi, t, i, len)) return false;
      break;
    }
    case 16:
      if (len % 8) { c.write('invalid len'); break; }
      while (tlen !== 0) {
        if (!b.hasAt(t, 2)) return false;
        if (tlen < 2) return false;
        const type = b.u16(t);
        c.write(`\n\t    ${extCommTypes.str(type, 'unknown extd community typecode')} (0x${hex16(type)}), Flags [${bitNames(extCommFlags, type, 'none')}]`);
        if (!b.hasAt(t, 8)) return false;
        if (tlen < 8) return false;
        c.write(': ');
        c.write(extCommunity(b, t));
        tlen -= 8; t += 8;
      }
      break;
    case 22: {
      if (!b.hasAt(t, 5)) return false;
      if (tlen < 5) return false;
      const flags = b.u8(t), type = b.u8(t + 1);
      c.write(`\n\t    Tunnel-type ${pmsiTunnels.str(type, 'Unknown')} (${type}), Flags [${bitNames(pmsiFlags, flags, 'none')}], MPLS Label ${b.u24(t + 2) >> 4}`);
      t += 5; tlen -= 5;
      switch (type) {
        case 4: case 5: c.write(`\n\t      Sender ${b.ipv4(t)}, P-Group ${b.ipv4(t + 4)}`); break;
        case 3: c.write(`\n\t      Root-Node ${b.ipv4(t)}, P-Group ${b.ipv4(t + 4)}`); break;
        case 6: c.write(`\n\t      Tunnel-Endpoint ${b.ipv4(t)}`); break;
        case 2: case 7: c.write(`\n\t      Root-Node ${b.ipv4(t)}, LSP-ID 0x${hex32(b.u32(t + 4))}`); break;
        case 1: c.write(`\n\t      Extended-Tunnel-ID ${b.ipv4(t)}, P2MP-ID 0x${hex32(b.u32(t + 4))}`); break;
        default: if (v <= 1) unknown(c, b, t, '\n\t      ', tlen);
      }
      break;
    }
    case 26:
      while (tlen >= 3) {
        const type = b.u8(t);
        let length = b.u16(t + 1);
        t += 3; tlen -= 3;
        c.write(`\n\t    ${aigpTypes.str(type, 'Unknown')} TLV (${type}), length ${length}`);
        if (length < 3) return false;
        length -= 3;
        if (tlen < length) return false;
        if (type === 1) {
          if (length < 8) return false;
          c.write(`, metric ${b.u64Text(t)}`);
        } else if (v <= 1) unknown(c, b, t, '\n\t      ', length);
        t += length; tlen -= length;
      }
      break;
    case 128: {
      if (!b.hasAt(t, 4)) return false;
      if (len < 4) return false;
      c.write(`\n\t    Origin AS: ${b.u32(t)}`);
      t += 4; len -= 4;
      while (len) {
        if (!b.hasAt(t, 2)) return false;
        if (len < 2) { c.write(' [path attr too short]'); t += len; break; }
        const aflags = b.u8(t), type = b.u8(t + 1);
        t += 2; len -= 2;
        const lenlen = aflags & 0x10 ? 2 : 1;
        if (!b.hasAt(t, lenlen)) return false;
        if (len < lenlen) { c.write(' [path attr too short]'); t += len; break; }
        const alen = lenlen === 2 ? b.u16(t) : b.u8(t);
        t += lenlen; len -= lenlen;
        c.write(`\n\t      ${attrs.str(type, 'Unknown Attribute')} (${type}), length: ${alen}`);
        if (aflags) c.write(`, Flags [${flagsText(aflags)}]`);
        c.write(': ');
        if (len < alen) { c.write(' [path attr too short]'); t += len; break; }
        if (level === 10) c.write('(too many nested levels, not recursing)');
        else if (!attr(c, b, type, t, alen, level + 1)) return false;
        t += alen; len -= alen;
      }
      break;
    }
    case 32:
      if (len === 0 || len % 12) { c.write('invalid len'); break; }
      c.write('\n\t    ');
      while (len !== 0) {
        c.write(`${b.u32(t)}:${b.u32(t + 4)}:${b.u32(t + 8)}${len > 12 ? ', ' : ''}`);
        t += 12; len -= 12;
      }
      break;
    default:
      if (!b.hasAt(i, len)) return false;
      c.write(`\n\t    no Attribute ${atype} decoder`);
      if (v <= 1) unknown(c, b, i, '\n\t    ', len);
  }
  if (v > 1 && len) {
    if (!b.hasAt(i, len)) return false;
    unknown(c, b, i, '\n\t    ', len);
  }
  return true;
}

/** The NLRI of an MP_REACH/MP_UNREACH attribute from `t` to the attribute's end (`i` + `len`). */
function mpNlri(c: PrintContext, b: Bgp, af: number, safi: number, t: number, i: number, len: number): boolean {
  const left = len - (t - i);
  const ap4 = addPath(b, t, left, 32), ap6 = addPath(b, t, left, 128);
  while (t < i + len) {
    const adv = nlri(c, b, af, safi, t, len, ap4, ap6);
    if (adv === -2) return false;
    if (adv < 0) break;
    t += adv;
  }
  return true;
}

/** bgp_capabilities_print over `len` bytes at `i`. */
function capabilitiesPrint(c: PrintContext, b: Bgp, o: number, len: number): void {
  const v = c.o.verbose;
  for (let i = 0; i < len;) {
    if (!b.hasAt(o + i, 2)) { c.truncMark(); return; }
    const type = b.u8(o + i), clen = b.u8(o + i + 1);
    c.write(`\n\t      ${capabilities.str(type, 'Unknown')} (${type}), length: ${clen}`);
    if (!b.hasAt(o + i + 2, clen)) { c.truncMark(); return; }
    const q = o + i + 2;
    const afSafi = (at: number): string => `AFI ${afNames.str(b.u16(at), 'Unknown')} (${b.u16(at)}), SAFI ${safis.str(b.u8(at + 2), 'Unknown')} (${b.u8(at + 2)})`;
    switch (type) {
      case 1:
        if (clen < 4) { c.write(' (too short, < 4)'); return; }
        c.write(`\n\t\tAFI ${afNames.str(b.u16(q), 'Unknown')} (${b.u16(q)}), SAFI ${safis.str(b.u8(q + 3), 'Unknown')} (${b.u8(q + 3)})`);
        break;
      case 8:
        for (let tl = clen, x = q; tl >= 4; tl -= 4, x += 4) c.write(`\n\t\t${afSafi(x)}, Count: ${b.u8(x + 3)}`);
        break;
      case 64: {
        if (clen < 2) { c.write(' (too short, < 2)'); return; }
        c.write(`\n\t\tRestart Flags: [${b.u8(q) & 0x80 ? 'R' : 'none'}], Restart Time ${b.u16(q) & 0xfff}s`);
        for (let tl = clen - 2, x = q + 2; tl >= 4; tl -= 4, x += 4) {
          c.write(`\n\t\t  ${afSafi(x)}, Forwarding state preserved: ${b.u8(x + 3) & 0x80 ? 'yes' : 'no'}`);
        }
        break;
      }
      case 2: case 71: case 128:
        break;
      case 65:
        if (clen < 4) { c.write(' (too short, < 4)'); return; }
        c.write(`\n\t\t 4 Byte AS ${b.u32(q)}`);
        break;
      case 69:
        if (clen === 0) { c.write(' (bogus)'); break; }
        for (let tl = clen, x = q; tl !== 0; tl -= 4, x += 4) {
          if (tl < 4) { c.invalid(); break; }
          const mode = b.u8(x + 3);
          c.write(`\n\t\t${afSafi(x)}, Send/Receive: ${addPathModes.str(mode, `Bogus (0x${hex8(mode)})`)}`);
        }
        break;
      default:
        c.write(`\n\t\tno decoder for Capability ${type}`);
        if (v <= 1) unknown(c, b, q, '\n\t\t', clen);
    }
    if (v > 1 && clen !== 0) unknown(c, b, q, '\n\t\t', clen);
    i += 2 + clen;
  }
}

/** bgp_open_print. */
function openPrint(c: PrintContext, b: Bgp, m: number, length: number): void {
  if (!b.hasAt(m, 29) || length < 29) { c.truncMark(); return; }
  c.write(`\n\t  Version ${b.u8(m + 19)}, `);
  c.write(`my AS ${b.u16(m + 20)}, `);
  c.write(`Holdtime ${b.u16(m + 22)}s, `);
  c.write(`ID ${b.ipv4(m + 24)}`);
  const optslen = b.u8(m + 28);
  c.write(`\n\t  Optional parameters, length: ${optslen}`);
  const o = m + 29;
  length -= 29;
  for (let i = 0; i < optslen;) {
    if (!b.hasAt(o + i, 2) || length < 2 + i) { c.truncMark(); return; }
    const type = b.u8(o + i), olen = b.u8(o + i + 1);
    if (2 + i + olen > optslen) {
      c.write(`\n\t     Option ${type}, length: ${olen}, goes past the end of the options`);
      break;
    }
    c.write(`\n\t    Option ${options.str(type, 'Unknown')} (${type}), length: ${olen}`);
    if (type === 2) capabilitiesPrint(c, b, o + 2 + i, olen);
    else c.write(`\n\t      no decoder for option ${type}`);
    i += 2 + olen;
  }
}

/** bgp_update_print; false where tcpdump goes to `trunc`. */
function updatePrint(c: PrintContext, b: Bgp, m: number, length: number): boolean {
  if (!b.hasAt(m, BGP_HEADER_LENGTH) || length < BGP_HEADER_LENGTH) return false;
  let t = m + BGP_HEADER_LENGTH;
  length -= BGP_HEADER_LENGTH;
  if (!b.hasAt(t, 2) || length < 2) return false;
  let wlen = b.u16(t);
  t += 2; length -= 2;
  if (wlen > 1) {
    if (!b.hasAt(t, wlen) || length < wlen) return false;
    c.write('\n\t  Withdrawn routes:');
    const ap = addPath(b, t, wlen, 32);
    let pathId = 0;
    while (wlen !== 0) {
      if (ap) {
        if (wlen < 4) { t += wlen; length -= wlen; break; }
        pathId = b.u32(t);
        t += 4; length -= 4; wlen -= 4;
      }
      const [n, text] = prefix(b, t, wlen, false);
      if (n === -1) { c.write('\n\t    (illegal prefix length)'); break; }
      if (n === -2) return false;
      c.write(`\n\t    ${text}`);
      if (ap) c.write(`   Path Id: ${pathId}`);
      t += n; length -= n; wlen -= n;
    }
  } else {
    if (!b.hasAt(t, wlen) || length < wlen) return false;
    t += wlen; length -= wlen;
  }
  if (!b.hasAt(t, 2) || length < 2) return false;
  let len = b.u16(t);
  t += 2; length -= 2;
  if (wlen === 0 && len === 0 && length === 0) { c.write('\n\t  End-of-Rib Marker (empty NLRI)'); return true; }
  if (len) {
    if (length < len) return false;
    while (len) {
      if (!b.hasAt(t, 2) || length < 2) return false;
      if (len < 2) { c.write('\n\t  [path attrs too short]'); t += len; length -= len; break; }
      const aflags = b.u8(t), atype = b.u8(t + 1);
      t += 2; len -= 2; length -= 2;
      const lenlen = aflags & 0x10 ? 2 : 1;
      if (!b.hasAt(t, lenlen) || length < lenlen) return false;
      if (len < lenlen) { c.write('\n\t  [path attrs too short]'); t += len; length -= len; break; }
      const alen = lenlen === 2 ? b.u16(t) : b.u8(t);
      t += lenlen; len -= lenlen; length -= lenlen;
      c.write(`\n\t  ${attrs.str(atype, 'Unknown Attribute')} (${atype}), length: ${alen}`);
      if (aflags) c.write(`, Flags [${flagsText(aflags)}]: `);
      if (len < alen) { c.write(' [path attrs too short]'); t += len; length -= len; break; }
      if (length < alen) return false;
      if (!attr(c, b, atype, t, alen, 0)) return false;
      t += alen; len -= alen; length -= alen;
    }
  }
  if (length) {
    const ap = addPath(b, t, length, 32);
    c.write('\n\t  Updated routes:');
    let pathId = 0;
    while (length !== 0) {
      if (ap) {
        if (!b.hasAt(t, 4) || length < 4) return false;
        pathId = b.u32(t);
        t += 4; length -= 4;
      }
      const [n, text] = prefix(b, t, length, false);
      if (n === -1) { c.write('\n\t    (illegal prefix length)'); break; }
      if (n === -2) return false;
      c.write(`\n\t    ${text}`);
      if (ap) c.write(`   Path Id: ${pathId}`);
      t += n; length -= n;
    }
  }
  return true;
}

/** bgp_notification_print. */
function notificationPrint(c: PrintContext, b: Bgp, m: number, length: number): void {
  if (!b.hasAt(m, 21)) { c.truncMark(); return; }
  if (length < 21) return;
  const major = b.u8(m + 19), minor = b.u8(m + 20);
  c.write(`, ${notifyMajor.str(major, 'Unknown Error')} (${major})`);
  const table = notifyMinor[major];
  if (table === undefined) return;
  c.write(`${major === 5 || major === 7 ? '' : ','} subcode ${table.str(minor, 'Unknown')} (${minor})`);
  if (major !== 6) return;
  const t = m + 21;
  if (minor === 1 && length >= 28) {
    c.write(`, AFI ${afNames.str(b.u16(t), 'Unknown')} (${b.u16(t)}), SAFI ${safis.str(b.u8(t + 2), 'Unknown')} (${b.u8(t + 2)}), Max Prefixes: ${b.u32(t + 3)}`);
  }
  if ((minor === 2 || minor === 4) && length >= 22) {
    const slen = b.u8(t);
    let rest = 0;
    if (slen > length - 22) c.write(', invalid Shutdown Communication length');
    else if (slen === 0) { c.write(', empty Shutdown Communication'); rest += 1; }
    else {
      c.write(`, Shutdown Communication (length: ${slen}): "`);
      printN(c, b, t + 1, slen);
      c.write('"');
      rest += slen + 1;
    }
    const trailing = length - (rest + 21);
    if (trailing > 0) {
      c.write(`, Data: (length: ${trailing})`);
      c.write(hexPrint(c, '\n\t\t', b.off + t + rest, trailing));
    }
  }
}

/** bgp_pdu_print for the message at index `m`, `length` bytes; false when it went to `trunc`. */
function pduPrint(c: PrintContext, b: Bgp, m: number, length: number): boolean {
  const type = b.messageType(m);
  c.write(`\n\t${messages.str(type, 'Unknown')} Message (${type}), length: ${length}`);
  switch (type) {
    case 1: openPrint(c, b, m, length); break;
    case 2: if (!updatePrint(c, b, m, length)) c.truncMark(); break;
    case 3: notificationPrint(c, b, m, length); break;
    case 4: break;
    case 5: {
      if (!b.hasAt(m, 23)) { c.truncMark(); break; }
      if (length < 23) break;
      const af = b.u16(m + 19), safi = b.u8(m + 22);
      c.write(`\n\t  AFI ${afNames.str(af, 'Unknown')} (${af}), SAFI ${safis.str(safi, 'Unknown')} (${safi})`);
      if (c.o.verbose > 1) {
        if (!b.hasAt(m, length)) { c.truncMark(); break; }
        unknown(c, b, m, '\n\t  ', length);
      }
      break;
    }
    default:
      if (!b.hasAt(m, length)) { c.truncMark(); return false; }
      c.write(`\n\t  no Message ${type} decoder`);
      unknown(c, b, m, '\n\t  ', length);
  }
  return true;
}

/** BGP data of a TCP segment (bgp_print): every message found by its marker. */
export function printBgp(c: PrintContext, b: Bgp, _length: number): void {
  c.protocol = 'bgp';
  c.write(': BGP');
  if (c.o.verbose < 1) return;
  const end = b.capturedFrom(0);
  let p = 0, start = 0;
  while (p < end) {
    if (b.u8(p) !== 0xff) { p++; continue; }
    if (!b.hasAt(p, BGP_MARKER_LENGTH)) break;
    if (!b.markerAt(p)) { p++; continue; }
    if (!b.hasAt(p, BGP_HEADER_LENGTH)) { c.truncMark(); return; }
    if (start !== p) c.truncMark();
    const hlen = b.messageLength(p);
    if (hlen < BGP_HEADER_LENGTH) { c.write(`\nmessage length ${hlen} < ${BGP_HEADER_LENGTH}`); c.invalid(); break; }
    if (b.hasAt(p, hlen)) {
      if (!pduPrint(c, b, p, hlen)) return;
      p += hlen;
      start = p;
    } else {
      c.write(`\n[|BGP ${messages.str(b.messageType(p), 'Unknown Message Type')}]`);
      break;
    }
  }
}
