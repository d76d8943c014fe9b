// rtnetlink (NETLINK_ROUTE) as vcap asks it: links (RTM_GETLINK: ifinfomsg + IFLA_*, with the
// kind-specific IFLA_LINKINFO data of tun, veth, bridge, vlan, vxlan, macvlan, ipvlan…),
// addresses (RTM_GETADDR), link counters (RTM_GETSTATS) and namespace ids (RTM_GETNSID).
// Numbers from linux/rtnetlink.h, if_link.h, if_addr.h, net_namespace.h (uapi, stable ABI).
import { Attributes, MessageBuilder, NLM_F_DUMP, NLM_F_REQUEST, NetlinkFormatError } from './message.js';
import type { NetlinkMessage } from './message.js';
import type { NetlinkSocket } from './socket.js';

export const RTM_NEWLINK = 16, RTM_GETLINK = 18, RTM_NEWADDR = 20, RTM_GETADDR = 22;
export const RTM_NEWNSID = 88, RTM_GETNSID = 90, RTM_NEWSTATS = 92, RTM_GETSTATS = 94;

export const IFLA_ADDRESS = 1, IFLA_BROADCAST = 2, IFLA_IFNAME = 3, IFLA_MTU = 4, IFLA_LINK = 5;
export const IFLA_MASTER = 10, IFLA_TXQLEN = 13, IFLA_OPERSTATE = 16, IFLA_LINKMODE = 17, IFLA_LINKINFO = 18;
export const IFLA_IFALIAS = 20, IFLA_STATS64 = 23, IFLA_GROUP = 27, IFLA_EXT_MASK = 29, IFLA_PROMISCUITY = 30;
export const IFLA_NUM_TX_QUEUES = 31, IFLA_NUM_RX_QUEUES = 32, IFLA_CARRIER = 33, IFLA_LINK_NETNSID = 37;
export const IFLA_MIN_MTU = 50, IFLA_MAX_MTU = 51, IFLA_PROP_LIST = 52, IFLA_ALT_IFNAME = 53, IFLA_PERM_ADDRESS = 54;
export const IFLA_PARENT_DEV_NAME = 56, IFLA_PARENT_DEV_BUS_NAME = 57;

export const IFLA_INFO_KIND = 1, IFLA_INFO_DATA = 2, IFLA_INFO_SLAVE_KIND = 4, IFLA_INFO_SLAVE_DATA = 5;

export const IFLA_VLAN_ID = 1, IFLA_VLAN_PROTOCOL = 5;
export const IFLA_VXLAN_ID = 1, IFLA_VXLAN_GROUP = 2, IFLA_VXLAN_LINK = 3, IFLA_VXLAN_LOCAL = 4, IFLA_VXLAN_PORT = 15;
export const IFLA_VXLAN_GROUP6 = 16, IFLA_VXLAN_LOCAL6 = 17;
export const IFLA_MACVLAN_MODE = 1;
export const IFLA_IPVLAN_MODE = 1;
export const IFLA_TUN_OWNER = 1, IFLA_TUN_GROUP = 2, IFLA_TUN_TYPE = 3, IFLA_TUN_PI = 4, IFLA_TUN_VNET_HDR = 5;
export const IFLA_TUN_PERSIST = 6, IFLA_TUN_MULTI_QUEUE = 7, IFLA_TUN_NUM_QUEUES = 8, IFLA_TUN_NUM_DISABLED_QUEUES = 9;
export const IFLA_BR_STP_STATE = 5, IFLA_BR_VLAN_FILTERING = 7;
export const IFLA_BRPORT_STATE = 1;

export const IFA_ADDRESS = 1, IFA_LOCAL = 2, IFA_LABEL = 3, IFA_FLAGS = 8;
export const NETNSA_NSID = 1, NETNSA_FD = 3;
export const IFLA_STATS_LINK_64 = 1;
/** RTEXT_FILTER_SKIP_STATS is not asked for: the inventory shows the counters. */
export const RTEXT_FILTER_VF = 1;

export const AF_UNSPEC = 0, AF_INET = 2, AF_INET6 = 10;
const IFINFOMSG_LEN = 16, IFADDRMSG_LEN = 8, RTGENMSG_LEN = 4, IF_STATS_MSG_LEN = 12;

/** IF_OPER_* as `ip link` spells them (RFC 2863 operational status). */
const OPER_STATES = ['unknown', 'notpresent', 'down', 'lowerlayerdown', 'testing', 'dormant', 'up'];

/** IFF_* (net/if.h), in `ip link`'s order and words. */
const IFF_NAMES: [number, string][] = [
  [0x8, 'LOOPBACK'], [0x2, 'BROADCAST'], [0x10, 'POINTOPOINT'], [0x1000, 'MULTICAST'], [0x80, 'NOARP'],
  [0x200, 'ALLMULTI'], [0x100, 'PROMISC'], [0x400, 'MASTER'], [0x800, 'SLAVE'], [0x40000, 'ECHO'],
  [0x20000, 'DORMANT'], [0x1, 'UP'], [0x10000, 'LOWER_UP'],
];
export const IFF_UP = 0x1, IFF_LOOPBACK = 0x8, IFF_RUNNING = 0x40, IFF_LOWER_UP = 0x10000;

/** The kernel's counters of a link (struct rtnl_link_stats64, the fields every kernel has). */
export interface LinkCounters {
  rxPackets: number; txPackets: number;
  rxBytes: number; txBytes: number;
  rxErrors: number; txErrors: number;
  rxDropped: number; txDropped: number;
  multicast: number;
}

const COUNTER_FIELDS = ['rxPackets', 'txPackets', 'rxBytes', 'txBytes', 'rxErrors', 'txErrors', 'rxDropped', 'txDropped', 'multicast'] as const;

/** struct rtnl_link_stats64 from its first nine u64s; undefined when shorter. */
export function parseCounters(b: Uint8Array | undefined): LinkCounters | undefined {
  if (b === undefined || b.length < COUNTER_FIELDS.length * 8) return undefined;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const c = {} as LinkCounters;
  COUNTER_FIELDS.forEach((f, i) => { c[f] = Number(dv.getBigUint64(i * 8, true)); });
  return c;
}

/** Kind-specific facts from IFLA_INFO_DATA (only those `vcap ifaces` shows). */
export interface LinkInfoData {
  /** vlan: the 802.1Q id; vxlan: the VNI. */
  id?: number;
  /** vlan: 802.1Q or 802.1ad. */
  protocol?: string;
  /** vxlan's underlay device (IFLA_VXLAN_LINK). */
  vxlanLink?: number;
  /** vxlan: UDP port, local and remote/group addresses. */
  port?: number;
  local?: string;
  remote?: string;
  /** macvlan/macvtap/ipvlan mode. */
  mode?: string;
  /** tun: 'tun' or 'tap', and its flags. */
  tunType?: 'tun' | 'tap';
  tunFlags?: string[];
  tunOwnerUid?: number;
  tunOwnerGid?: number;
  tunQueues?: number;
  /** bridge: STP on/off and VLAN filtering. */
  stp?: boolean;
  vlanFiltering?: boolean;
  /** A bridge port's STP state (IFLA_BRPORT_STATE). */
  portState?: string;
}

/** One RTM_NEWLINK, parsed. */
export interface LinkMessage {
  index: number;
  name: string;
  /** ARPHRD_* (ifi_type). */
  hwType: number;
  /** IFF_* bits. */
  flags: number;
  /** `ip link`'s words for the flags (UP, BROADCAST, LOWER_UP…). */
  flagNames: string[];
  mtu: number;
  address: Uint8Array | undefined;
  permAddress: Uint8Array | undefined;
  /** IFLA_LINK: the peer (veth) or parent (vlan, macvlan, ipvlan) index, in `linkNetnsid`'s namespace when set. */
  link: number | undefined;
  /** IFLA_LINK_NETNSID: the namespace of `link` (and of vxlan's underlay), as this namespace numbers it. */
  linkNetnsid: number | undefined;
  /** IFLA_MASTER: the bridge (or bond…) this is a port of. */
  master: number | undefined;
  operstate: string;
  carrier: number | undefined;
  txqlen: number | undefined;
  promiscuity: number | undefined;
  alias: string | undefined;
  altNames: string[];
  /** IFLA_PARENT_DEV_NAME / _BUS_NAME: the hardware behind a physical interface. */
  parentDev: string | undefined;
  parentBus: string | undefined;
  /** IFLA_INFO_KIND ('veth', 'bridge', 'tun', 'vlan'…): absent for physical and loopback devices. */
  kind: string | undefined;
  /** IFLA_INFO_SLAVE_KIND: what this is a port of ('bridge', 'bond'…). */
  slaveKind: string | undefined;
  data: LinkInfoData;
  counters: LinkCounters | undefined;
}

function ipText(b: Uint8Array | undefined): string | undefined {
  if (b === undefined) return undefined;
  if (b.length === 4) return b.join('.');
  if (b.length !== 16) return undefined;
  return ipv6Text(b);
}

/** RFC 5952 text of 16 bytes: lowercase, the longest run of two or more zero words as `::`. */
export function ipv6Text(b: Uint8Array): string {
  const w: number[] = [];
  for (let i = 0; i < 16; i += 2) w.push((b[i]! << 8) | b[i + 1]!);
  if (w.slice(0, 5).every((x) => x === 0) && w[5] === 0xffff) return `::ffff:${b[12]}.${b[13]}.${b[14]}.${b[15]}`;
  let best = -1, bestLen = 1;
  for (let i = 0; i < 8;) {
    if (w[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && w[j] === 0) j++;
    if (j - i > bestLen) { best = i; bestLen = j - i; }
    i = j;
  }
  const hex = (ws: number[]): string => ws.map((x) => x.toString(16)).join(':');
  if (best < 0) return hex(w);
  return `${hex(w.slice(0, best))}::${hex(w.slice(best + bestLen))}`;
}

/** `02:00:00:00:00:01` (lowercase, as `ip link` prints). */
export function macText(b: Uint8Array | undefined): string | undefined {
  if (b === undefined || b.length === 0) return undefined;
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(':');
}

const MACVLAN_MODES: Record<number, string> = { 1: 'private', 2: 'vepa', 4: 'bridge', 8: 'passthru', 16: 'source' };
const IPVLAN_MODES = ['l2', 'l3', 'l3s'];
const BRPORT_STATES = ['disabled', 'listening', 'learning', 'forwarding', 'blocking'];

function infoData(kind: string | undefined, d: Attributes | undefined, slaveKind: string | undefined, sd: Attributes | undefined): LinkInfoData {
  const out: LinkInfoData = {};
  if (slaveKind === 'bridge' && sd) {
    const s = sd.u8(IFLA_BRPORT_STATE);
    if (s !== undefined) out.portState = BRPORT_STATES[s] ?? String(s);
  }
  if (d === undefined) return out;
  switch (kind) {
    case 'vlan': {
      out.id = d.u16(IFLA_VLAN_ID);
      const p = d.be16(IFLA_VLAN_PROTOCOL);
      if (p !== undefined) out.protocol = p === 0x88a8 ? '802.1ad' : p === 0x8100 ? '802.1Q' : `0x${p.toString(16)}`;
      break;
    }
    case 'vxlan':
      out.id = d.u32(IFLA_VXLAN_ID);
      out.vxlanLink = d.u32(IFLA_VXLAN_LINK) || undefined;
      out.port = d.be16(IFLA_VXLAN_PORT);
      out.local = ipText(d.bytes(IFLA_VXLAN_LOCAL)) ?? ipText(d.bytes(IFLA_VXLAN_LOCAL6));
      out.remote = ipText(d.bytes(IFLA_VXLAN_GROUP)) ?? ipText(d.bytes(IFLA_VXLAN_GROUP6));
      break;
    case 'macvlan': case 'macvtap': {
      const m = d.u32(IFLA_MACVLAN_MODE);
      if (m !== undefined) out.mode = MACVLAN_MODES[m] ?? String(m);
      break;
    }
    case 'ipvlan': case 'ipvtap': {
      const m = d.u16(IFLA_IPVLAN_MODE);
      if (m !== undefined) out.mode = IPVLAN_MODES[m] ?? String(m);
      break;
    }
    case 'tun': {
      const t = d.u8(IFLA_TUN_TYPE);
      // IFF_TUN = 1, IFF_TAP = 2 (linux/if_tun.h).
      out.tunType = t === 2 ? 'tap' : 'tun';
      const flags: string[] = [];
      if (d.u8(IFLA_TUN_PI)) flags.push('pi');
      if (d.u8(IFLA_TUN_VNET_HDR)) flags.push('vnet_hdr');
      if (d.u8(IFLA_TUN_PERSIST)) flags.push('persist');
      if (d.u8(IFLA_TUN_MULTI_QUEUE)) flags.push('multi_queue');
      out.tunFlags = flags;
      out.tunOwnerUid = d.u32(IFLA_TUN_OWNER);
      out.tunOwnerGid = d.u32(IFLA_TUN_GROUP);
      out.tunQueues = d.u32(IFLA_TUN_NUM_QUEUES);
      break;
    }
    case 'bridge': {
      const stp = d.u32(IFLA_BR_STP_STATE);
      if (stp !== undefined) out.stp = stp !== 0;
      const vf = d.u8(IFLA_BR_VLAN_FILTERING);
      if (vf !== undefined) out.vlanFiltering = vf !== 0;
      break;
    }
  }
  return out;
}

/** An RTM_NEWLINK message → LinkMessage; undefined for any other type. */
export function parseLink(m: NetlinkMessage): LinkMessage | undefined {
  if (m.type !== RTM_NEWLINK || m.end - m.offset < IFINFOMSG_LEN) return undefined;
  const dv = new DataView(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength);
  const a = new Attributes(m.bytes, m.offset + IFINFOMSG_LEN, m.end);
  const flags = dv.getUint32(m.offset + 8, true);
  const li = a.nested(IFLA_LINKINFO);
  const kind = li?.string(IFLA_INFO_KIND), slaveKind = li?.string(IFLA_INFO_SLAVE_KIND);
  const props = a.nested(IFLA_PROP_LIST);
  const link = a.u32(IFLA_LINK);
  return {
    index: dv.getInt32(m.offset + 4, true),
    name: a.string(IFLA_IFNAME) ?? '',
    hwType: dv.getUint16(m.offset + 2, true),
    flags,
    flagNames: IFF_NAMES.filter(([bit]) => flags & bit).map(([, n]) => n),
    mtu: a.u32(IFLA_MTU) ?? 0,
    address: a.bytes(IFLA_ADDRESS)?.slice(),
    permAddress: a.bytes(IFLA_PERM_ADDRESS)?.slice(),
    // A link to itself (ipip, sit, gre without a parent report their own index or 0) is no link.
    link: link === undefined || link === 0 ? undefined : link,
    linkNetnsid: a.s32(IFLA_LINK_NETNSID),
    master: a.u32(IFLA_MASTER) || undefined,
    operstate: OPER_STATES[a.u8(IFLA_OPERSTATE) ?? 0] ?? 'unknown',
    carrier: a.u8(IFLA_CARRIER),
    txqlen: a.u32(IFLA_TXQLEN),
    promiscuity: a.u32(IFLA_PROMISCUITY),
    alias: a.string(IFLA_IFALIAS),
    altNames: props ? props.all(IFLA_ALT_IFNAME).map((b) => new TextDecoder().decode(b).replace(/\0.*$/s, '')) : [],
    parentDev: a.string(IFLA_PARENT_DEV_NAME),
    parentBus: a.string(IFLA_PARENT_DEV_BUS_NAME),
    kind,
    slaveKind,
    data: infoData(kind, li?.nested(IFLA_INFO_DATA), slaveKind, li?.nested(IFLA_INFO_SLAVE_DATA)),
    counters: parseCounters(a.bytes(IFLA_STATS64)),
  };
}

export function getLinksRequest(): MessageBuilder {
  const b = new MessageBuilder(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP);
  b.header(IFINFOMSG_LEN).setUint8(0, AF_UNSPEC);
  return b.u32(IFLA_EXT_MASK, RTEXT_FILTER_VF);
}

/** Every link of the socket's namespace, in ifindex order. */
export function getLinks(s: NetlinkSocket): LinkMessage[] {
  return s.dump(getLinksRequest, 'RTM_GETLINK', parseLink).sort((x, y) => x.index - y.index);
}

/** One link, by name or by index; a NetlinkError (ENODEV, "No such device") when there is none. */
export function getLink(s: NetlinkSocket, which: string | number): LinkMessage {
  const b = new MessageBuilder(RTM_GETLINK, NLM_F_REQUEST);
  const h = b.header(IFINFOMSG_LEN);
  if (typeof which === 'number') h.setInt32(4, which, true);
  b.u32(IFLA_EXT_MASK, RTEXT_FILTER_VF);
  if (typeof which === 'string') b.string(IFLA_IFNAME, which);
  const what = typeof which === 'string' ? which : `ifindex ${which}`;
  const m = s.request(b, what);
  const link = m && parseLink(m);
  if (link === undefined) throw new NetlinkFormatError(`RTM_GETLINK ${what}: no link in the reply`);
  return link;
}

/** One address of RTM_NEWADDR. */
export interface AddressMessage {
  family: number;
  index: number;
  prefixLength: number;
  scope: number;
  /** The interface's own address (IFA_LOCAL where given: IFA_ADDRESS is the peer on a point-to-point link). */
  address: string;
  /** The far end of a point-to-point address (IFA_ADDRESS when it differs from IFA_LOCAL). */
  peer: string | undefined;
  label: string | undefined;
}

export function parseAddress(m: NetlinkMessage): AddressMessage | undefined {
  if (m.type !== RTM_NEWADDR || m.end - m.offset < IFADDRMSG_LEN) return undefined;
  const dv = new DataView(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength);
  const a = new Attributes(m.bytes, m.offset + IFADDRMSG_LEN, m.end);
  const local = ipText(a.bytes(IFA_LOCAL)), addr = ipText(a.bytes(IFA_ADDRESS));
  const address = local ?? addr;
  if (address === undefined) return undefined;
  return {
    family: dv.getUint8(m.offset), prefixLength: dv.getUint8(m.offset + 1), scope: dv.getUint8(m.offset + 3),
    index: dv.getUint32(m.offset + 4, true),
    address, peer: local !== undefined && addr !== undefined && addr !== local ? addr : undefined,
    label: a.string(IFA_LABEL),
  };
}

export function getAddressesRequest(): MessageBuilder {
  const b = new MessageBuilder(RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP);
  b.header(IFADDRMSG_LEN).setUint8(0, AF_UNSPEC);
  return b;
}

/** Every address of the socket's namespace (IPv4 then IPv6, each in the kernel's order). */
export function getAddresses(s: NetlinkSocket): AddressMessage[] {
  return s.dump(getAddressesRequest, 'RTM_GETADDR', parseAddress);
}

export function getNsidRequest(fd: number): MessageBuilder {
  const b = new MessageBuilder(RTM_GETNSID, NLM_F_REQUEST);
  b.header(RTGENMSG_LEN).setUint8(0, AF_UNSPEC);
  return b.u32(NETNSA_FD, fd);
}

/**
 * The id the socket's namespace gives the namespace behind `fd` (what IFLA_LINK_NETNSID holds),
 * -1 when it has given none (NETNSA_NSID_NOT_ASSIGNED): then no link points there.
 */
export function getNsid(s: NetlinkSocket, fd: number): number {
  const m = s.request(getNsidRequest(fd), 'RTM_GETNSID');
  if (m === undefined || m.type !== RTM_NEWNSID) return -1;
  return new Attributes(m.bytes, m.offset + RTGENMSG_LEN, m.end).s32(NETNSA_NSID) ?? -1;
}

export function getStatsRequest(index: number): MessageBuilder {
  const b = new MessageBuilder(RTM_GETSTATS, NLM_F_REQUEST);
  const h = b.header(IF_STATS_MSG_LEN);
  h.setUint8(0, AF_UNSPEC);
  h.setUint32(4, index, true);
  h.setUint32(8, 1 << (IFLA_STATS_LINK_64 - 1), true);
  return b;
}

/** RTM_NEWSTATS → the link's counters. */
export function parseStats(m: NetlinkMessage): LinkCounters | undefined {
  if (m.type !== RTM_NEWSTATS || m.end - m.offset < IF_STATS_MSG_LEN) return undefined;
  return parseCounters(new Attributes(m.bytes, m.offset + IF_STATS_MSG_LEN, m.end).bytes(IFLA_STATS_LINK_64));
}

/** One link's counters (RTM_GETSTATS, IFLA_STATS_LINK_64): a NetlinkError (ENODEV) once it is gone. */
export function getLinkCounters(s: NetlinkSocket, index: number, name: string): LinkCounters {
  const m = s.request(getStatsRequest(index), name);
  const c = m && parseStats(m);
  if (c === undefined) throw new NetlinkFormatError(`RTM_GETSTATS ${name}: no counters in the reply`);
  return c;
}
