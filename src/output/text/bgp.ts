/** BGP (tcpdump's print-bgp.c), on TCP port 179. */
import { afNames, l2vpnEncaps } from './routing-tables.js';
import type { PrintContext } from './context.js';
import {
  BGP_AFI_SAFI_ENTRY_LENGTH, BGP_AFI_SAFI_LENGTH, BGP_AIGP_METRIC_LENGTH, BGP_AIGP_TLV_HEADER_LENGTH, BGP_ATTR_SET_ORIGIN_LENGTH, BGP_ATTRIBUTE_TYPE_LENGTH,
  BGP_CAPABILITY_HEADER_LENGTH, BGP_CEASE_DATA, BGP_CLUSTER_ID_LENGTH, BGP_COMMUNITY_LENGTH, BGP_EXT_COMMUNITY_LENGTH, BGP_HEADER_LENGTH, BGP_L2VPN_AD_LENGTH,
  BGP_L2VPN_FIXED_LENGTH, BGP_L2VPN_LENGTH_FIELD, BGP_L2VPN_TLV_HEADER_LENGTH, BGP_LABELED_HEADER, BGP_LARGE_COMMUNITY_LENGTH, BGP_LENGTH_FIELD, BGP_MDT_LENGTH,
  BGP_MVPN_HEADER, BGP_MVPN_SOURCE_AS_LENGTH, BGP_NOTIFICATION_LENGTH, BGP_NOTIFICATION_MAX_PREFIX_LENGTH, BGP_OPEN_LENGTH, BGP_PARAMETER_HEADER_LENGTH, BGP_PATH_ID_LENGTH,
  BGP_PMSI_HEADER_LENGTH, BGP_RD_LENGTH, BGP_RESTART_HEADER_LENGTH, BGP_ROUTE_REFRESH_LENGTH, BGP_RT_HEADER, BGP_SHUTDOWN_TEXT, BGP_VPN_HEADER,
  type Bgp, type BgpAfiSafi, type BgpExtCommunity, type BgpNextHop, type BgpPrefix, type BgpRd, type BgpRouteTarget, type BgpSourceGroup,
} from '../../decoders/bgp.js';
import { hexPrint } from './dump.js';
import { hex16, hex8 } from './names.js';
import { printN } from './print-char.js';
import { bitNames, cFixed, hex32, TokTable, type Tok } from './util-print.js';

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

/** print_unknown_data at absolute index `pos`. */
function unknown(c: PrintContext, pos: number, ident: string, n: number): void { c.write(hexPrint(c, ident, pos, n)); }

/**
 * The text of the last NLRI a decode_* function below formatted (they return its size, or a
 * negative code, as tcpdump's do: a module variable rather than a tuple, so nothing is allocated).
 */
let text = '';

/**
 * -b for the message being printed (set by printBgp): AS numbers through as_printf, ASDOT above 65535.
 * A module variable, as `text` is, because the RD and community formatters below take no context.
 */
let asdot = false;
/** tcpdump's as_printf: `high.low` (ASDOT) with -b for a 4-byte AS number above 65535, else the number. */
const asText = (n: number): string => (asdot && n > 0xffff ? `${n >>> 16}.${n & 0xffff}` : String(n));

/** bgp_vpn_rd_print. */
function rdText(r: BgpRd): string {
  switch (r.rdType) {
    case 0: return `${r.as2}:${r.assigned32} (= ${r.assigned32Quad})`;
    case 1: return `${r.ipv4Admin}:${r.assigned16}`;
    case 2: return `${asText(r.as4)}:${r.assigned16} (${r.as4Quad}:${r.assigned16})`;
    default: return 'unknown RD format';
  }
}

const labelText = (p: BgpPrefix): string => `label:${p.label} ${p.bottomOfStack ? '(bottom)' : '(BOGUS: Bottom of Stack NOT set!)'}`;

/** decode_prefix4 / decode_prefix6: the size, -1 bad length, -2 not enough bytes. */
function prefix(p: BgpPrefix, itemlen: number, v6: boolean): number {
  if (itemlen < 1) return -2;
  const plen = p.prefixLength;
  if (plen > (v6 ? 128 : 32)) return -1;
  const n = (plen + 7) >> 3;
  if (itemlen - 1 < n) return -2;
  text = `${v6 ? p.address6(plen) : p.address4(plen)}/${plen}`;
  return 1 + n;
}

/** decode_labeled_prefix4/6: -1 bad length, -2 cut short, -3 not enough bytes. */
function labeledPrefix(p: BgpPrefix, itemlen: number, v6: boolean): number {
  if (!p.has(BGP_LABELED_HEADER)) return -2;
  if (itemlen < BGP_LABELED_HEADER) return -3;
  let plen = p.prefixLength;
  if (plen < 24) return -1;
  plen -= 24;
  if (plen > (v6 ? 128 : 32)) return -1;
  const n = (plen + 7) >> 3;
  if (!v6 && itemlen - BGP_LABELED_HEADER < n) return -3;
  const addr = v6 ? p.labeledAddress6(plen) : p.labeledAddress4(plen);
  text = `${addr}/${plen}, ${labelText(p)}`;
  return BGP_LABELED_HEADER + n;
}

/** decode_labeled_vpn_prefix4/6 and the CLNP one: -1 bad length. */
function labeledVpnPrefix(p: BgpPrefix, kind: 4 | 6 | 0): number {
  let plen = p.prefixLength;
  if (plen < 88) return -1;
  plen -= 88;
  if (plen > (kind === 4 ? 32 : kind === 6 ? 128 : 152)) return -1;
  const addr = kind === 4 ? p.vpnAddress4(plen) : kind === 6 ? p.vpnAddress6(plen) : p.vpnNsap(plen);
  text = `RD: ${rdText(p.vpnRd)}, ${addr}/${plen}, ${labelText(p)}`;
  return BGP_VPN_HEADER + ((plen + 7) >> 3);
}

/** decode_clnp_prefix. */
function clnpPrefix(p: BgpPrefix): number {
  const plen = p.prefixLength;
  if (plen > 152) return -1;
  text = `${p.clnpAddress(plen)}/${plen}`;
  return 1 + ((plen + 7) >> 3);
}

/** bgp_rt_prefix_print. */
function rtText(t: BgpRouteTarget, plen: number): string {
  if (plen === 0) return 'route-target: 0:0/0';
  const octets = (plen + 7) >> 3;
  let hex = '';
  for (let i = 0; i < octets; i++) hex += hex8(t.byte(i)) + ((i % 2 === 1) && i < octets - 1 ? ' ' : '');
  if (plen < 16) return `route-target: partial-type: (${hex}/${plen})`;
  const type = t.type;
  switch (type) {
    case 0x0002: return `route-target: ${t.as2}:${t.assigned32}/${plen} (${hex})`;
    case 0x0102: return `route-target: ${t.ipv4Admin}:${t.assigned16}/${plen} (${hex})`;
    case 0x0202: return `route-target: ${t.as4}:${t.assigned16}/${plen} (${hex})`;
    default: return `route target: unknown-type(${hex16(type)}) (${hex}/${plen})`;
  }
}

/** decode_rt_routing_info: prints itself; the size, or -1. */
function rtRoutingInfo(c: PrintContext, p: BgpPrefix): number {
  let plen = p.prefixLength;
  if (plen === 0) { c.write('\n\t      default route target'); return 1; }
  if (plen < 32) { c.write('\n\t      (illegal prefix length)'); return -1; }
  const as = p.rtOriginAs;
  plen -= 32;
  if (plen > 64) { c.write('\n\t      (illegal prefix length)'); return -1; }
  const rt = p.routeTarget(plen);
  c.write(`\n\t      origin AS: ${asText(as)}, ${rtText(rt, plen)}`);
  return BGP_RT_HEADER + rt.octets;
}

/** decode_mdt_vpn_nlri: -1 bad length, -2 cut short. */
function mdtVpn(p: BgpPrefix): number {
  if (p.prefixLength !== 128) return -1;
  if (!p.has(1 + BGP_RD_LENGTH)) return -2;
  text = `RD: ${rdText(p.mdtRd)}, VPN IP Address: ${p.mdtVpnAddress}, MC Group Address: ${p.mdtGroup}`;
  return BGP_MDT_LENGTH;
}

/** bgp_vpn_sg_print: appends the source and group to `text`; the bytes they took. */
function sourceGroup(g: BgpSourceGroup): number {
  let total = 0;
  let len = g.sourceLength;
  if (!g.sourceCaptured) return total;
  total += (len >> 3) + 1;
  if (len) text += `, Source ${g.source}`;
  len = g.groupLength;
  if (!g.groupCaptured) return total;
  total += (len >> 3) + 1;
  if (len) text += `, Group ${g.group}`;
  return total;
}

/** decode_multicast_vpn: the size, -2 cut short. */
function multicastVpn(p: BgpPrefix): number {
  const type = p.mvpnRouteType, rlen = p.mvpnLength;
  const afterRd = BGP_MVPN_HEADER + BGP_RD_LENGTH;
  text = `Route-Type: ${mvpnRouteTypes.str(type, 'Unknown')} (${type}), length: ${rlen}`;
  switch (type) {
    case 1:
      if (!p.has(afterRd)) return -2;
      text += `, RD: ${rdText(p.mvpnRd)}, Originator ${p.mvpnOriginator(((rlen - BGP_RD_LENGTH) << 3) & 0xffffffff)}`;
      break;
    case 2:
      if (!p.has(afterRd + BGP_MVPN_SOURCE_AS_LENGTH)) return -2;
      text += `, RD: ${rdText(p.mvpnRd)}, Source-AS ${asText(p.mvpnSourceAs)}`;
      break;
    case 3: {
      if (!p.has(afterRd)) return -2;
      text += `, RD: ${rdText(p.mvpnRd)}`;
      const sg = sourceGroup(p.mvpnSourceGroup);
      // tcpdump reads the originator where the source and group start (its pointer is not moved past them).
      const alen = (rlen - sg) >>> 0;
      if (!p.has(afterRd + alen)) return -2;
      text += `, Originator ${p.mvpnOriginator((alen << 3) >>> 0)}`;
      break;
    }
    case 5:
      if (!p.has(afterRd)) return -2;
      text += `, RD: ${rdText(p.mvpnRd)}`;
      sourceGroup(p.mvpnSourceGroup);
      break;
    case 6: case 7:
      if (!p.has(afterRd + BGP_MVPN_SOURCE_AS_LENGTH)) return -2;
      text += `, RD: ${rdText(p.mvpnRd)}, Source-AS ${asText(p.mvpnSourceAs)}`;
      sourceGroup(p.mvpnSourceGroup);
      break;
  }
  return rlen + BGP_MVPN_HEADER;
}

/** decode_labeled_vpn_l2: the size, -2 cut short. */
function labeledVpnL2(b: Bgp, p: BgpPrefix, i: number): number {
  const plen = p.l2Length;
  let tlen = plen;
  if (plen === BGP_L2VPN_AD_LENGTH) {
    if (!p.has(BGP_L2VPN_LENGTH_FIELD + BGP_L2VPN_AD_LENGTH)) return -2;
    text = `RD: ${rdText(p.l2Rd)}, BGPNH: ${p.l2NextHop}`;
    return plen + BGP_L2VPN_LENGTH_FIELD;
  }
  if (plen <= 17) return -2;
  if (!p.has(BGP_L2VPN_LENGTH_FIELD + BGP_L2VPN_FIXED_LENGTH)) return -2;
  text = `RD: ${rdText(p.l2Rd)}, CE-ID: ${p.l2CeId}, Label-Block Offset: ${p.l2LabelBlockOffset}, Label Base ${p.l2LabelBase}`;
  i += BGP_L2VPN_LENGTH_FIELD + BGP_L2VPN_FIXED_LENGTH;
  tlen -= BGP_L2VPN_FIXED_LENGTH;
  while (tlen !== 0) {
    if (tlen < 3) { text += '\n\t\tran past the end'; return plen + BGP_L2VPN_LENGTH_FIELD; }
    const tlv = b.pointTlv(i);
    const type = tlv.type, bits = tlv.bitLength;
    let bytes = (bits + 7) >> 3;
    // As tcpdump: the TLV header is stepped over but not counted in what is left; an unknown TLV's value is counted but not stepped over.
    i += BGP_L2VPN_TLV_HEADER_LENGTH;
    if (type === 1) {
      text += `\n\t\tcircuit status vector (${type}) length: ${bits}: 0x`;
      for (let k = 0; bytes !== 0; k++) {
        if (tlen < 1) { text += ' (ran past the end)'; return plen + BGP_L2VPN_LENGTH_FIELD; }
        if (!tlv.valueByteCaptured(k)) return -2;
        text += hex8(tlv.valueByte(k));
        i++;
        bytes--; tlen--;
      }
    } else {
      text += `\n\t\tunknown TLV #${type}, length: ${bits}`;
      if (tlen < bytes) { text += ' (ran past the end)'; return plen + BGP_L2VPN_LENGTH_FIELD; }
      tlen -= bytes;
    }
  }
  return plen + BGP_L2VPN_LENGTH_FIELD;
}

/** bgp_nlri_print for the NLRI at index `i`: its size, -1 (stop), -2 (cut short). */
function nlri(c: PrintContext, b: Bgp, af: number, safi: number, i: number, len: number, ap4: boolean, ap6: boolean): number {
  let r: number;
  switch (k(af, safi)) {
    case k(AF_INET, S_UNICAST): case k(AF_INET, S_MULTICAST): case k(AF_INET, S_UNIMULTICAST):
    case k(AF_INET6, S_UNICAST): case k(AF_INET6, S_MULTICAST): case k(AF_INET6, S_UNIMULTICAST): {
      const v6 = af === AF_INET6, ap = v6 ? ap6 : ap4;
      let pathId = 0;
      if (ap) { pathId = b.pointPrefix(i).pathId; i += BGP_PATH_ID_LENGTH; }
      r = prefix(b.pointPrefix(i), len, v6);
      if (r === -2) return -2;
      c.write(r === -1 ? '\n\t    (illegal prefix length)' : `\n\t      ${text}`);
      if (ap) { c.write(`   Path Id: ${pathId}`); return r + BGP_PATH_ID_LENGTH; }
      return r;
    }
    case k(AF_INET, S_LABUNICAST): case k(AF_INET6, S_LABUNICAST):
      r = labeledPrefix(b.pointPrefix(i), len, af === AF_INET6);
      if (r === -1) c.write('\n\t    (illegal prefix length)');
      else if (r === -2) return -2;
      else if (r === -3) return -3;
      else c.write(`\n\t      ${text}`);
      return r;
    case k(AF_INET, S_VPNUNICAST): case k(AF_INET, S_VPNMULTICAST): case k(AF_INET, S_VPNUNIMULTICAST):
    case k(AF_INET6, S_VPNUNICAST): case k(AF_INET6, S_VPNMULTICAST): case k(AF_INET6, S_VPNUNIMULTICAST):
    case k(AF_NSAP, S_VPNUNICAST): case k(AF_NSAP, S_VPNMULTICAST): case k(AF_NSAP, S_VPNUNIMULTICAST):
      r = labeledVpnPrefix(b.pointPrefix(i), af === AF_INET ? 4 : af === AF_INET6 ? 6 : 0);
      c.write(r === -1 ? '\n\t    (illegal prefix length)' : `\n\t      ${text}`);
      return r;
    case k(AF_INET, S_RT_ROUTING_INFO):
      return rtRoutingInfo(c, b.pointPrefix(i));
    case k(AF_INET, S_MVPN): case k(AF_INET6, S_MVPN): case k(AF_INET, S_MDT):
      r = safi === S_MDT ? mdtVpn(b.pointPrefix(i)) : multicastVpn(b.pointPrefix(i));
      if (r === -2) return -2;
      c.write(r === -1 ? '\n\t    (illegal prefix length)' : `\n\t      ${text}`);
      return r;
    case k(AF_VPLS, S_VPLS): case k(AF_L2VPN, S_VPNUNICAST): case k(AF_L2VPN, S_VPNMULTICAST): case k(AF_L2VPN, S_VPNUNIMULTICAST):
      r = labeledVpnL2(b, b.pointPrefix(i), i);
      if (r === -2) return -2;
      c.write(`\n\t      ${text}`);
      return r;
    case k(AF_NSAP, S_UNICAST): case k(AF_NSAP, S_MULTICAST): case k(AF_NSAP, S_UNIMULTICAST):
      r = clnpPrefix(b.pointPrefix(i));
      c.write(r === -1 ? '\n\t    (illegal prefix length)' : `\n\t      ${text}`);
      return r;
    default:
      c.write(`\n\t    ERROR: no AFI ${af} / SAFI ${safi} decoder`);
      return -4;
  }
}

/** bgp_mp_af_print for the AFI/SAFI at index `i`: 0 when it has a decoder, -1 when not, -2 cut short. */
function mpAf(c: PrintContext, b: Bgp, i: number, af: number, safi: number, tlen: number): number {
  c.write(`\n\t    AFI: ${afNames.str(af, 'Unknown AFI')} (${af}), ${safi > 128 ? 'vendor specific ' : ''}SAFI: ${safis.str(safi, 'Unknown SAFI')} (${safi})`);
  if (decodable.has(k(af, safi))) return 0;
  if (!b.hasAt(i, tlen)) return -2;
  c.write(`\n\t    no AFI ${af} / SAFI ${safi} decoder`);
  if (c.o.verbose <= 1) unknown(c, b.at(i), '\n\t    ', tlen);
  return -1;
}

/** bgp_extended_community_print. */
function extCommunity(x: BgpExtCommunity): string {
  switch (x.type) {
    case 0x0002: case 0x0003: case 0x000a:
      return `${x.as2}:${x.assigned32} (= ${x.assigned32Quad})`;
    case 0x0102: case 0x0103: case 0xf10a: case 0x010b:
      return `${x.ipv4Admin}:${x.assigned16}`;
    case 0x0202: case 0x0203:
      return `${asText(x.as4)}:${x.assigned16}`;
    case 0x4004:
      return `bandwidth: ${cFixed(Math.fround(Math.fround(x.bandwidth * 8) / 1000000), 3)} Mbps`;
    case 0x0005: case 0x0105: case 0x0205: case 0x8005: case 0x0107: case 0x8001:
      return x.ospfAddress;
    case 0x0306: case 0x8000: {
      const area = x.ospfArea, rtype = x.ospfRouteType;
      const e2 = (x.ospfOptions & 1) ? 'E2' : '', e1 = rtype === 5 || rtype === 7 ? 'E1' : '';
      return `area:${area}, router-type:${ospfRouteTypes.str(rtype, `unknown (0x${hex8(rtype)})`)}, metric-type:${e2}${e1}`;
    }
    case 0x800a:
      return `${l2vpnEncaps.str(x.l2Encapsulation, 'unknown encaps')} Control Flags [0x${hex8(x.l2ControlFlags)}]:MTU ${x.l2Mtu}`;
    case 0x0009:
      return `AS ${x.sourceAs}`;
    case 0x030c:
      return `Tunnel type: ${encapTunnels.str(x.tunnelType, 'unknown encaps')}`;
    default:
      return x.valueHex;
  }
}

function flagsText(aflags: number): string {
  return `${aflags & 0x80 ? 'O' : ''}${aflags & 0x40 ? 'T' : ''}${aflags & 0x20 ? 'P' : ''}${aflags & 0x10 ? 'E' : ''}${aflags & 0xf ? `+${(aflags & 0xf).toString(16)}` : ''}`;
}

/** The size of one MP_REACH next hop of this AFI/SAFI; 0 for the NSAP families (the whole next-hop field). */
function nextHopSize(af: number, safi: number): number {
  switch (k(af, safi)) {
    case k(AF_INET, S_UNICAST): case k(AF_INET, S_MULTICAST): case k(AF_INET, S_UNIMULTICAST): case k(AF_INET, S_LABUNICAST):
    case k(AF_INET, S_RT_ROUTING_INFO): case k(AF_INET, S_MVPN): case k(AF_INET, S_MDT):
    case k(AF_VPLS, S_VPLS): case k(AF_L2VPN, S_VPNUNICAST): case k(AF_L2VPN, S_VPNMULTICAST): case k(AF_L2VPN, S_VPNUNIMULTICAST):
      return 4;
    case k(AF_INET, S_VPNUNICAST): case k(AF_INET, S_VPNMULTICAST): case k(AF_INET, S_VPNUNIMULTICAST):
      return BGP_RD_LENGTH + 4;
    case k(AF_INET6, S_UNICAST): case k(AF_INET6, S_MULTICAST): case k(AF_INET6, S_UNIMULTICAST): case k(AF_INET6, S_LABUNICAST):
      return 16;
    case k(AF_INET6, S_VPNUNICAST): case k(AF_INET6, S_VPNMULTICAST): case k(AF_INET6, S_VPNUNIMULTICAST):
      return BGP_RD_LENGTH + 16;
    default:
      return 0;
  }
}

/** One next hop of `size` bytes. */
function nextHopText(nh: BgpNextHop, size: number): string {
  switch (size) {
    case 4: return nh.ipv4;
    case 16: return nh.ipv6;
    case BGP_RD_LENGTH + 4: return `RD: ${rdText(nh.rd)}, ${nh.vpnIpv4}`;
    default: return `RD: ${rdText(nh.rd)}, ${nh.vpnIpv6}`;
  }
}

const afSafiText = (f: BgpAfiSafi): string => `AFI ${afNames.str(f.afi, 'Unknown')} (${f.afi}), SAFI ${safis.str(f.safi, 'Unknown')} (${f.safi})`;

/** bgp_attr_print for the value at index `i`, `len` bytes: false where tcpdump's returns 0 (cut short). */
function attr(c: PrintContext, b: Bgp, atype: number, i: number, len: number, level: number): boolean {
  let t = i, tlen = len;
  const vb = c.o.verbose;
  const v = b.pointValue(i);
  switch (atype) {
    case 1:
      c.write(len !== 1 ? 'invalid len' : origins.str(v.origin, 'Unknown Origin Typecode'));
      break;
    case 2: case 17: {
      if (len % 2) { c.write('invalid len'); break; }
      if (!len) { c.write('empty'); break; }
      const size = b.asPathAsSize(atype, i, len);
      while (t < i + len) {
        const s = b.pointSegment(t);
        c.write(segOpen.str(s.segmentType, '?'));
        for (let j = 0; j < s.count; j++) {
          if (!s.asnCaptured(j, size)) return false;
          c.write(`${asText(s.asn(j, size))} `);
        }
        c.write(segClose.str(s.segmentType, '?'));
        t += s.segmentLength(size);
      }
      break;
    }
    case 3:
      c.write(len !== 4 ? 'invalid len' : v.nextHop);
      break;
    case 4:
      c.write(len !== 4 ? 'invalid len' : String(v.med));
      break;
    case 5:
      c.write(len !== 4 ? 'invalid len' : String(v.localPreference));
      break;
    case 6:
      if (len !== 0) c.write('invalid len');
      break;
    case 7:
      if (len !== 6 && len !== 8) { c.write('invalid len'); break; }
      if (!v.has(len)) return false;
      c.write(len === 6 ? ` AS #${asText(v.aggregatorAs2)}, origin ${v.aggregatorAddress2}` : ` AS #${asText(v.aggregatorAs4)}, origin ${v.aggregatorAddress4}`);
      break;
    case 18:
      if (len !== 8) { c.write('invalid len'); break; }
      c.write(` AS #${asText(v.aggregatorAs4)}, origin ${v.aggregatorAddress4}`);
      break;
    case 8:
      if (len % 4) { c.write('invalid len'); break; }
      for (let n = 0; tlen !== 0; n++) {
        if (!v.has((n + 1) * BGP_COMMUNITY_LENGTH)) return false;
        const comm = v.community(n);
        switch (comm) {
          case 0xffffff01: c.write(' NO_EXPORT'); break;
          case 0xffffff02: c.write(' NO_ADVERTISE'); break;
          case 0xffffff03: c.write(' NO_EXPORT_SUBCONFED'); break;
          default: c.write(`${comm >>> 16}:${comm & 0xffff}${tlen > 4 ? ', ' : ''}`);
        }
        tlen -= BGP_COMMUNITY_LENGTH;
      }
      break;
    case 9:
      c.write(len !== 4 ? 'invalid len' : v.originatorId);
      break;
    case 10:
      if (len % 4) { c.write('invalid len'); break; }
      for (let n = 0; tlen !== 0; n++) {
        c.write(`${v.clusterId(n)}${tlen > 4 ? ', ' : ''}`);
        tlen -= BGP_CLUSTER_ID_LENGTH;
      }
      break;
    case 14: {
      if (!v.has(BGP_AFI_SAFI_LENGTH)) return false;
      if (tlen < BGP_AFI_SAFI_LENGTH) return false;
      const f = b.pointAfiSafi(t), af = f.afi, safi = f.safi;
      const ret = mpAf(c, b, t, af, safi, tlen);
      if (ret === -2) return false;
      if (ret < 0) break;
      t += BGP_AFI_SAFI_LENGTH; tlen -= BGP_AFI_SAFI_LENGTH;
      if (!b.hasAt(t, 1)) return false;
      if (tlen < 1) return false;
      const nhlen = v.mpNextHopLength;
      t++; tlen--;
      if (nhlen) {
        let left = nhlen, nnh = 0;
        if (tlen < left) return false;
        c.write('\n\t    nexthop: ');
        const size = nextHopSize(af, safi);
        while (left !== 0) {
          if (nnh++ > 0) c.write(', ');
          const nh = b.pointNextHop(t);
          if (size !== 0) {
            if (left < size) { c.write('invalid len'); t += left; tlen -= left; left = 0; }
            else { c.write(nextHopText(nh, size)); t += size; tlen -= size; left -= size; }
          } else if (af === AF_NSAP && safi < S_VPNUNICAST) {
            c.write(nh.nsap(left));
            t += left; tlen -= left; left = 0;
          } else {
            if (left < BGP_RD_LENGTH + 1) { c.write('invalid len'); t += left; tlen -= left; left = 0; break; }
            if (!b.hasAt(t, left)) return false;
            c.write(`RD: ${rdText(nh.rd)}, ${nh.vpnNsap(left - BGP_RD_LENGTH)}`);
            if (nh.vpnNsapIsIpv4) c.write(` = ${nh.vpnNsapIpv4}`);
            else if (nh.vpnNsapIsIpv6) c.write(` = ${nh.vpnNsapIpv6}`);
            t += left; tlen -= left; left = 0;
          }
        }
      }
      c.write(`, nh-length: ${nhlen}`);
      if (tlen < 1) return false;
      let snpa = b.pointValue(i).snpaCount;
      t++; tlen--;
      if (snpa) {
        c.write(`\n\t    ${snpa} SNPA`);
        for (; snpa !== 0; snpa--) {
          if (tlen < 1) return false;
          const slen = b.pointTlv(t).snpaLength;
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
      if (!v.has(BGP_AFI_SAFI_LENGTH)) return false;
      const f = b.pointAfiSafi(t), af = f.afi, safi = f.safi;
      const ret = mpAf(c, b, t, af, safi, tlen);
      if (ret === -2) return false;
      if (ret < 0) break;
      if (len === BGP_AFI_SAFI_LENGTH) c.write('\n\t      End-of-Rib Marker (empty NLRI)');
      t += BGP_AFI_SAFI_LENGTH;
      if (!mpNlri(c, b, af, safi, t, i, len)) return false;
      break;
    }
    case 16:
      if (len % 8) { c.write('invalid len'); break; }
      while (tlen !== 0) {
        const x = b.pointExtCommunity(t);
        if (!x.has(2)) return false;
        if (tlen < 2) return false;
        const type = x.type;
        c.write(`\n\t    ${extCommTypes.str(type, 'unknown extd community typecode')} (0x${hex16(type)}), Flags [${bitNames(extCommFlags, type, 'none')}]`);
        if (!x.has(BGP_EXT_COMMUNITY_LENGTH)) return false;
        if (tlen < BGP_EXT_COMMUNITY_LENGTH) return false;
        c.write(': ');
        c.write(extCommunity(x));
        tlen -= BGP_EXT_COMMUNITY_LENGTH; t += BGP_EXT_COMMUNITY_LENGTH;
      }
      break;
    case 22: {
      if (!v.has(BGP_PMSI_HEADER_LENGTH)) return false;
      if (tlen < BGP_PMSI_HEADER_LENGTH) return false;
      const flags = v.pmsiFlags, type = v.pmsiTunnelType;
      c.write(`\n\t    Tunnel-type ${pmsiTunnels.str(type, 'Unknown')} (${type}), Flags [${bitNames(pmsiFlags, flags, 'none')}], MPLS Label ${v.pmsiLabel}`);
      tlen -= BGP_PMSI_HEADER_LENGTH;
      switch (type) {
        case 4: case 5: c.write(`\n\t      Sender ${v.pmsiAddress}, P-Group ${v.pmsiGroup}`); break;
        case 3: c.write(`\n\t      Root-Node ${v.pmsiAddress}, P-Group ${v.pmsiGroup}`); break;
        case 6: c.write(`\n\t      Tunnel-Endpoint ${v.pmsiAddress}`); break;
        case 2: case 7: c.write(`\n\t      Root-Node ${v.pmsiAddress}, LSP-ID 0x${hex32(v.pmsiId)}`); break;
        case 1: c.write(`\n\t      Extended-Tunnel-ID ${v.pmsiAddress}, P2MP-ID 0x${hex32(v.pmsiId)}`); break;
        default: if (vb <= 1) unknown(c, v.pmsiTunnelIdStart, '\n\t      ', tlen);
      }
      break;
    }
    case 26:
      while (tlen >= BGP_AIGP_TLV_HEADER_LENGTH) {
        const tlv = b.pointTlv(t);
        const type = tlv.type;
        let length = tlv.tlvLength;
        t += BGP_AIGP_TLV_HEADER_LENGTH; tlen -= BGP_AIGP_TLV_HEADER_LENGTH;
        c.write(`\n\t    ${aigpTypes.str(type, 'Unknown')} TLV (${type}), length ${length}`);
        if (length < BGP_AIGP_TLV_HEADER_LENGTH) return false;
        length -= BGP_AIGP_TLV_HEADER_LENGTH;
        if (tlen < length) return false;
        if (type === 1) {
          if (length < BGP_AIGP_METRIC_LENGTH) return false;
          c.write(`, metric ${tlv.aigpMetric}`);
        } else if (vb <= 1) unknown(c, tlv.valueStart, '\n\t      ', length);
        t += length; tlen -= length;
      }
      break;
    case 128: {
      if (!v.has(BGP_ATTR_SET_ORIGIN_LENGTH)) return false;
      if (len < BGP_ATTR_SET_ORIGIN_LENGTH) return false;
      c.write(`\n\t    Origin AS: ${v.attrSetOriginAs}`);
      t += BGP_ATTR_SET_ORIGIN_LENGTH; len -= BGP_ATTR_SET_ORIGIN_LENGTH;
      while (len) {
        if (!b.hasAt(t, BGP_ATTRIBUTE_TYPE_LENGTH)) return false;
        if (len < BGP_ATTRIBUTE_TYPE_LENGTH) { c.write(' [path attr too short]'); t += len; break; }
        const a = b.pointAttribute(t);
        const aflags = a.flags, type = a.type;
        t += BGP_ATTRIBUTE_TYPE_LENGTH; len -= BGP_ATTRIBUTE_TYPE_LENGTH;
        const lenlen = a.lengthFieldSize;
        if (!b.hasAt(t, lenlen)) return false;
        if (len < lenlen) { c.write(' [path attr too short]'); t += len; break; }
        const alen = a.attributeLength;
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
      for (let n = 0; len !== 0; n++) {
        c.write(`${v.largeGlobal(n)}:${v.largeLocal1(n)}:${v.largeLocal2(n)}${len > 12 ? ', ' : ''}`);
        len -= BGP_LARGE_COMMUNITY_LENGTH;
      }
      break;
    default:
      if (!b.hasAt(i, len)) return false;
      c.write(`\n\t    no Attribute ${atype} decoder`);
      if (vb <= 1) unknown(c, b.at(i), '\n\t    ', len);
  }
  if (vb > 1 && len) {
    if (!b.hasAt(i, len)) return false;
    unknown(c, b.at(i), '\n\t    ', len);
  }
  return true;
}

/** The NLRI of an MP_REACH/MP_UNREACH attribute from index `t` to the attribute's end (`i` + `len`). */
function mpNlri(c: PrintContext, b: Bgp, af: number, safi: number, t: number, i: number, len: number): boolean {
  const left = len - (t - i);
  const ap4 = b.nlriHasPathIds(t, left, 32), ap6 = b.nlriHasPathIds(t, left, 128);
  while (t < i + len) {
    const adv = nlri(c, b, af, safi, t, len, ap4, ap6);
    if (adv === -2) return false;
    if (adv < 0) break;
    t += adv;
  }
  return true;
}

/** bgp_capabilities_print over `len` bytes at index `o`. */
function capabilitiesPrint(c: PrintContext, b: Bgp, o: number, len: number): void {
  const vb = c.o.verbose;
  for (let i = 0; i < len;) {
    const cap = b.pointCapability(o + i);
    if (!cap.has(BGP_CAPABILITY_HEADER_LENGTH)) { c.truncMark(); return; }
    const type = cap.code, clen = cap.capabilityLength;
    c.write(`\n\t      ${capabilities.str(type, 'Unknown')} (${type}), length: ${clen}`);
    if (!cap.has(BGP_CAPABILITY_HEADER_LENGTH + clen)) { c.truncMark(); return; }
    const q = o + i + BGP_CAPABILITY_HEADER_LENGTH;
    switch (type) {
      case 1:
        if (clen < 4) { c.write(' (too short, < 4)'); return; }
        c.write(`\n\t\tAFI ${afNames.str(cap.mpAfi, 'Unknown')} (${cap.mpAfi}), SAFI ${safis.str(cap.mpSafi, 'Unknown')} (${cap.mpSafi})`);
        break;
      case 8:
        for (let tl = clen, x = q; tl >= BGP_AFI_SAFI_ENTRY_LENGTH; tl -= BGP_AFI_SAFI_ENTRY_LENGTH, x += BGP_AFI_SAFI_ENTRY_LENGTH) {
          const f = b.pointAfiSafi(x);
          c.write(`\n\t\t${afSafiText(f)}, Count: ${f.value}`);
        }
        break;
      case 64: {
        if (clen < BGP_RESTART_HEADER_LENGTH) { c.write(' (too short, < 2)'); return; }
        c.write(`\n\t\tRestart Flags: [${cap.restartFlags & 0x80 ? 'R' : 'none'}], Restart Time ${cap.restartTime}s`);
        for (let tl = clen - BGP_RESTART_HEADER_LENGTH, x = q + BGP_RESTART_HEADER_LENGTH; tl >= BGP_AFI_SAFI_ENTRY_LENGTH;
          tl -= BGP_AFI_SAFI_ENTRY_LENGTH, x += BGP_AFI_SAFI_ENTRY_LENGTH) {
          const f = b.pointAfiSafi(x);
          c.write(`\n\t\t  ${afSafiText(f)}, Forwarding state preserved: ${f.value & 0x80 ? 'yes' : 'no'}`);
        }
        break;
      }
      case 2: case 71: case 128:
        break;
      case 65:
        if (clen < 4) { c.write(' (too short, < 4)'); return; }
        c.write(`\n\t\t 4 Byte AS ${asText(cap.asn)}`);
        break;
      case 69:
        if (clen === 0) { c.write(' (bogus)'); break; }
        for (let tl = clen, x = q; tl !== 0; tl -= BGP_AFI_SAFI_ENTRY_LENGTH, x += BGP_AFI_SAFI_ENTRY_LENGTH) {
          if (tl < BGP_AFI_SAFI_ENTRY_LENGTH) { c.invalid(); break; }
          const f = b.pointAfiSafi(x), mode = f.value;
          c.write(`\n\t\t${afSafiText(f)}, Send/Receive: ${addPathModes.str(mode, `Bogus (0x${hex8(mode)})`)}`);
        }
        break;
      default:
        c.write(`\n\t\tno decoder for Capability ${type}`);
        if (vb <= 1) unknown(c, b.at(q), '\n\t\t', clen);
    }
    if (vb > 1 && clen !== 0) unknown(c, b.at(q), '\n\t\t', clen);
    i += BGP_CAPABILITY_HEADER_LENGTH + clen;
  }
}

/** bgp_open_print. */
function openPrint(c: PrintContext, b: Bgp, m: number, length: number): void {
  const msg = b.pointMessage(m);
  if (!msg.has(BGP_OPEN_LENGTH) || length < BGP_OPEN_LENGTH) { c.truncMark(); return; }
  c.write(`\n\t  Version ${msg.version}, my AS ${asText(msg.myAs)}, Holdtime ${msg.holdTime}s, ID ${msg.identifier}`);
  const optslen = msg.optionalParametersLength;
  c.write(`\n\t  Optional parameters, length: ${optslen}`);
  const o = m + BGP_OPEN_LENGTH;
  length -= BGP_OPEN_LENGTH;
  for (let i = 0; i < optslen;) {
    const par = b.pointParameter(o + i);
    if (!par.has(BGP_PARAMETER_HEADER_LENGTH) || length < BGP_PARAMETER_HEADER_LENGTH + i) { c.truncMark(); return; }
    const type = par.type, olen = par.parameterLength;
    if (BGP_PARAMETER_HEADER_LENGTH + i + olen > optslen) {
      c.write(`\n\t     Option ${type}, length: ${olen}, goes past the end of the options`);
      break;
    }
    c.write(`\n\t    Option ${options.str(type, 'Unknown')} (${type}), length: ${olen}`);
    if (type === 2) capabilitiesPrint(c, b, o + i + BGP_PARAMETER_HEADER_LENGTH, olen);
    else c.write(`\n\t      no decoder for option ${type}`);
    i += BGP_PARAMETER_HEADER_LENGTH + olen;
  }
}

/** bgp_update_print; false where tcpdump goes to `trunc`. */
function updatePrint(c: PrintContext, b: Bgp, m: number, length: number): boolean {
  const msg = b.pointMessage(m);
  if (!msg.has(BGP_HEADER_LENGTH) || length < BGP_HEADER_LENGTH) return false;
  let t = m + BGP_HEADER_LENGTH;
  length -= BGP_HEADER_LENGTH;
  if (!b.hasAt(t, BGP_LENGTH_FIELD) || length < BGP_LENGTH_FIELD) return false;
  let wlen = msg.withdrawnRoutesLength;
  t += BGP_LENGTH_FIELD; length -= BGP_LENGTH_FIELD;
  if (wlen > 1) {
    if (!b.hasAt(t, wlen) || length < wlen) return false;
    c.write('\n\t  Withdrawn routes:');
    const ap = b.nlriHasPathIds(t, wlen, 32);
    let pathId = 0;
    while (wlen !== 0) {
      if (ap) {
        if (wlen < BGP_PATH_ID_LENGTH) { t += wlen; length -= wlen; break; }
        pathId = b.pointPrefix(t).pathId;
        t += BGP_PATH_ID_LENGTH; length -= BGP_PATH_ID_LENGTH; wlen -= BGP_PATH_ID_LENGTH;
      }
      const n = prefix(b.pointPrefix(t), wlen, false);
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
  if (!b.hasAt(t, BGP_LENGTH_FIELD) || length < BGP_LENGTH_FIELD) return false;
  let len = b.pointPathAttributes(t).totalLength;
  t += BGP_LENGTH_FIELD; length -= BGP_LENGTH_FIELD;
  if (wlen === 0 && len === 0 && length === 0) { c.write('\n\t  End-of-Rib Marker (empty NLRI)'); return true; }
  if (len) {
    if (length < len) return false;
    while (len) {
      if (!b.hasAt(t, BGP_ATTRIBUTE_TYPE_LENGTH) || length < BGP_ATTRIBUTE_TYPE_LENGTH) return false;
      if (len < BGP_ATTRIBUTE_TYPE_LENGTH) { c.write('\n\t  [path attrs too short]'); t += len; length -= len; break; }
      const a = b.pointAttribute(t);
      const aflags = a.flags, atype = a.type;
      t += BGP_ATTRIBUTE_TYPE_LENGTH; len -= BGP_ATTRIBUTE_TYPE_LENGTH; length -= BGP_ATTRIBUTE_TYPE_LENGTH;
      const lenlen = a.lengthFieldSize;
      if (!b.hasAt(t, lenlen) || length < lenlen) return false;
      if (len < lenlen) { c.write('\n\t  [path attrs too short]'); t += len; length -= len; break; }
      const alen = a.attributeLength;
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
    const ap = b.nlriHasPathIds(t, length, 32);
    c.write('\n\t  Updated routes:');
    let pathId = 0;
    while (length !== 0) {
      if (ap) {
        if (!b.hasAt(t, BGP_PATH_ID_LENGTH) || length < BGP_PATH_ID_LENGTH) return false;
        pathId = b.pointPrefix(t).pathId;
        t += BGP_PATH_ID_LENGTH; length -= BGP_PATH_ID_LENGTH;
      }
      const n = prefix(b.pointPrefix(t), length, false);
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
  const msg = b.pointMessage(m);
  if (!msg.has(BGP_NOTIFICATION_LENGTH)) { c.truncMark(); return; }
  if (length < BGP_NOTIFICATION_LENGTH) return;
  const major = msg.errorCode, minor = msg.errorSubcode;
  c.write(`, ${notifyMajor.str(major, 'Unknown Error')} (${major})`);
  const table = notifyMinor[major];
  if (table === undefined) return;
  c.write(`${major === 5 || major === 7 ? '' : ','} subcode ${table.str(minor, 'Unknown')} (${minor})`);
  if (major !== 6) return;
  if (minor === 1 && length >= BGP_NOTIFICATION_MAX_PREFIX_LENGTH) {
    const f = b.pointAfiSafi(m + BGP_CEASE_DATA);
    c.write(`, AFI ${afNames.str(f.afi, 'Unknown')} (${f.afi}), SAFI ${safis.str(f.safi, 'Unknown')} (${f.safi}), Max Prefixes: ${f.maxPrefixes}`);
  }
  if ((minor === 2 || minor === 4) && length >= BGP_SHUTDOWN_TEXT) {
    const slen = msg.shutdownLength;
    let rest = 0;
    if (slen > length - BGP_SHUTDOWN_TEXT) c.write(', invalid Shutdown Communication length');
    else if (slen === 0) { c.write(', empty Shutdown Communication'); rest += 1; }
    else {
      c.write(`, Shutdown Communication (length: ${slen}): "`);
      printN(c, msg, BGP_SHUTDOWN_TEXT, slen);
      c.write('"');
      rest += slen + 1;
    }
    const trailing = length - (rest + BGP_NOTIFICATION_LENGTH);
    if (trailing > 0) {
      c.write(`, Data: (length: ${trailing})`);
      c.write(hexPrint(c, '\n\t\t', b.at(m + BGP_CEASE_DATA + rest), trailing));
    }
  }
}

/** bgp_pdu_print for the message at index `m`, `length` bytes; false when it went to `trunc`. */
function pduPrint(c: PrintContext, b: Bgp, m: number, length: number): boolean {
  const msg = b.pointMessage(m);
  const type = msg.type;
  c.write(`\n\t${messages.str(type, 'Unknown')} Message (${type}), length: ${length}`);
  switch (type) {
    case 1: openPrint(c, b, m, length); break;
    case 2: if (!updatePrint(c, b, m, length)) c.truncMark(); break;
    case 3: notificationPrint(c, b, m, length); break;
    case 4: break;
    case 5: {
      if (!msg.has(BGP_ROUTE_REFRESH_LENGTH)) { c.truncMark(); break; }
      if (length < BGP_ROUTE_REFRESH_LENGTH) break;
      const af = msg.refreshAfi, safi = msg.refreshSafi;
      c.write(`\n\t  AFI ${afNames.str(af, 'Unknown')} (${af}), SAFI ${safis.str(safi, 'Unknown')} (${safi})`);
      if (c.o.verbose > 1) {
        if (!b.hasAt(m, length)) { c.truncMark(); break; }
        unknown(c, b.at(m), '\n\t  ', length);
      }
      break;
    }
    default:
      if (!b.hasAt(m, length)) { c.truncMark(); return false; }
      c.write(`\n\t  no Message ${type} decoder`);
      unknown(c, b.at(m), '\n\t  ', length);
  }
  return true;
}

/** BGP data of a TCP segment (bgp_print): every message found by its marker. */
export function printBgp(c: PrintContext, b: Bgp, _length: number): void {
  c.protocol = 'bgp';
  asdot = c.o.asdot === true;
  c.write(': BGP');
  if (c.o.verbose < 1) return;
  let start = 0;
  for (let m = b.nextMarker(0); m >= 0; m = b.nextMarker(m)) {
    if (!b.hasAt(m, BGP_HEADER_LENGTH)) { c.truncMark(); return; }
    if (start !== m) c.truncMark();
    const msg = b.pointMessage(m);
    const hlen = msg.messageLength;
    if (hlen < BGP_HEADER_LENGTH) { c.write(`\nmessage length ${hlen} < ${BGP_HEADER_LENGTH}`); c.invalid(); break; }
    if (!b.hasAt(m, hlen)) { c.write(`\n[|BGP ${messages.str(msg.type, 'Unknown Message Type')}]`); break; }
    if (!pduPrint(c, b, m, hlen)) return;
    m += hlen;
    start = m;
  }
}
