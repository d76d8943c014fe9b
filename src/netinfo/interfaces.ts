// `vcap ifaces`: every interface of a namespace with what it is and what it is joined to — the
// kind (tun/tap with their processes, veth with its peer wherever that lives, bridge with its
// ports, port with its bridge, vlan/vxlan/macvlan/ipvlan with parent and id, loopback,
// physical), state, MTU, MAC, addresses, the speed the driver claims, the kernel's counters.
// All from rtnetlink and one ethtool ioctl per interface; nothing parses `ip` output.
import type { LinkCounters, LinkMessage } from '../netlink/rtnetlink.js';
import { AF_INET, IFF_LOOPBACK, macText } from '../netlink/rtnetlink.js';
import type { LinkSpeed } from './link-speed.js';
import { linkSpeed, speedText } from './link-speed.js';
import type { TunProcess } from './tun-owners.js';
import type { NamespaceView } from './network-view.js';
import { NetworkView } from './network-view.js';

/** Another interface this one is joined to, wherever it lives. */
export interface LinkRef {
  index: number;
  /** null when the namespace it is in cannot be found (held only by an fd vcap cannot see). */
  name: string | null;
  /** The namespace it is in (as --netns takes it); null when unknown. */
  netns: string | null;
}

export interface InterfaceDetail {
  /** The namespace the interface is in (as --netns takes it: a name, or a PID of a process in it). */
  netns: string;
  index: number;
  name: string;
  /**
   * loopback, physical, tun, tap, veth, bridge, vlan, vxlan, macvlan, macvtap, ipvlan, ipvtap,
   * wireguard, or the kernel's own word for other virtual kinds (dummy, bond, gre, ifb…).
   */
  kind: string;
  /** Operational state, as `ip link` says it (up, down, unknown, lowerlayerdown, dormant…). */
  state: string;
  /** `ip link`'s flag words (UP, BROADCAST, LOWER_UP…). */
  flags: string[];
  mtu: number;
  /** null for devices without a hardware address (tun, wireguard). */
  mac: string | null;
  /** CIDR, IPv4 first (`10.1.0.1/24`, `fe80::1/64`). */
  addresses: string[];
  /** What the driver claims (ethtool's Speed); null when it claims nothing. */
  speed: LinkSpeed | null;
  /** veth: the other end. */
  peer?: LinkRef;
  /** bridge (or bond, team…): its ports. */
  ports?: LinkRef[];
  /** A port: what it is a port of, and that device's kind. */
  master?: LinkRef & { kind: string };
  /** A bridge port's STP state (forwarding, blocking…). */
  portState?: string;
  /** vlan, macvlan, ipvlan: the device it sits on; vxlan: its underlay device when bound to one. */
  parent?: LinkRef;
  /** vlan: the VLAN id; vxlan: the VNI. */
  id?: number;
  /** vlan: 802.1Q or 802.1ad; macvlan/ipvlan: the mode. */
  protocol?: string;
  mode?: string;
  /** vxlan: UDP port, local address, remote or group address. */
  vxlan?: { port?: number; local?: string; remote?: string };
  /** tun/tap: the device flags and the processes holding it (empty for a persistent device nobody holds). */
  tun?: { flags: string[]; processes: TunProcess[]; ownerUid?: number; queues?: number };
  /** bridge: STP and VLAN filtering. */
  bridge?: { stp: boolean; vlanFiltering: boolean };
  /** The kernel's counters since the device was created. */
  counters: LinkCounters | null;
}

const ARPHRD_LOOPBACK = 772;

function kindOf(l: LinkMessage): string {
  if (l.kind === 'tun') return l.data.tunType ?? 'tun';
  if (l.kind !== undefined) return l.kind;
  if (l.flags & IFF_LOOPBACK || l.hwType === ARPHRD_LOOPBACK) return 'loopback';
  return 'physical';
}

/** A link of `from` that IFLA_LINK (and IFLA_LINK_NETNSID) point at. */
function follow(from: NamespaceView, index: number, nsid: number | undefined): LinkRef {
  const where = nsid === undefined || nsid < 0 ? from : from.byNsid(nsid);
  if (where === undefined) return { index, name: null, netns: null };
  return { index, name: where.link(index)?.name ?? null, netns: where.ref };
}

function ref(v: NamespaceView, l: LinkMessage): LinkRef {
  return { index: l.index, name: l.name, netns: v.ref };
}

/** One link of a namespace, with everything it is joined to resolved. */
export function describeLink(v: NamespaceView, l: LinkMessage): InterfaceDetail {
  const kind = kindOf(l);
  const addrs = v.addresses().filter((a) => a.index === l.index)
    .sort((a, b) => (a.family === AF_INET ? 0 : 1) - (b.family === AF_INET ? 0 : 1))
    .map((a) => `${a.address}/${a.prefixLength}`);
  const d: InterfaceDetail = {
    netns: v.ref, index: l.index, name: l.name, kind, state: l.operstate, flags: l.flagNames, mtu: l.mtu,
    mac: kind === 'tun' || l.address === undefined || l.address.length !== 6 ? null : macText(l.address)!,
    addresses: addrs,
    speed: v.within(() => linkSpeed(v.view.native, l.name)),
    counters: l.counters ?? null,
  };
  if (kind === 'veth' && l.link !== undefined) d.peer = follow(v, l.link, l.linkNetnsid);
  if (l.master !== undefined) {
    const m = v.link(l.master);
    d.master = { index: l.master, name: m?.name ?? null, netns: v.ref, kind: l.slaveKind ?? m?.kind ?? 'unknown' };
    if (l.data.portState !== undefined) d.portState = l.data.portState;
  }
  const ports = v.links().filter((p) => p.master === l.index);
  if (ports.length > 0 || kind === 'bridge' || kind === 'bond' || kind === 'team') d.ports = ports.map((p) => ref(v, p));
  if (['vlan', 'macvlan', 'macvtap', 'ipvlan', 'ipvtap'].includes(kind) && l.link !== undefined) d.parent = follow(v, l.link, l.linkNetnsid);
  if (kind === 'vxlan' && l.data.vxlanLink !== undefined) d.parent = follow(v, l.data.vxlanLink, l.linkNetnsid);
  if (l.data.id !== undefined) d.id = l.data.id;
  if (l.data.protocol !== undefined) d.protocol = l.data.protocol;
  if (l.data.mode !== undefined) d.mode = l.data.mode;
  if (kind === 'vxlan') d.vxlan = { port: l.data.port, local: l.data.local, remote: l.data.remote };
  if (l.kind === 'tun') {
    d.tun = { flags: l.data.tunFlags ?? [], processes: v.view.tunOwners().of(l.name, v.inode) };
    if (l.data.tunOwnerUid !== undefined && l.data.tunOwnerUid !== 0xffffffff) d.tun.ownerUid = l.data.tunOwnerUid;
    if (l.data.tunQueues !== undefined) d.tun.queues = l.data.tunQueues;
  }
  if (kind === 'bridge') d.bridge = { stp: l.data.stp ?? false, vlanFiltering: l.data.vlanFiltering ?? false };
  return d;
}

/** Every interface of a namespace of `view`. */
export function interfacesIn(v: NamespaceView): InterfaceDetail[] {
  return v.links().map((l) => describeLink(v, l));
}

export interface ListInterfacesOptions {
  /** NAME, PID or PATH of a network namespace; undefined: vcap's own. */
  netns?: string | undefined;
}

/**
 * Every interface of a network namespace, with its kind, links, addresses, claimed speed and
 * counters (`vcap ifaces --json` prints this). Needs CAP_SYS_ADMIN to enter another namespace.
 */
export function listInterfaceDetails(options: ListInterfacesOptions = {}): InterfaceDetail[] {
  const view = new NetworkView();
  try {
    return interfacesIn(view.namespace(options.netns));
  } finally {
    view.close();
  }
}

/** `veth1@vb` for a link in another namespace than `here`, `veth1` in the same one, `ifindex 7@?` when unknown. */
export function linkText(r: LinkRef, here: string): string {
  const name = r.name ?? `ifindex ${r.index}`;
  if (r.netns === null) return `${name}@?`;
  return r.netns === here ? name : `${name}@${r.netns}`;
}

function processText(p: TunProcess): string {
  return `${p.command || '?'}[${p.pid}]`;
}

/**
 * A few words on what the interface is joined to: `peer veth1@vb`, `ports veth2 tap0`,
 * `port of br0`, `vlan 10 on eth0`, `held by qemu[1234]`. '' when there is nothing to say.
 */
export function linkSummary(d: InterfaceDetail, brief = false): string {
  const parts: string[] = [];
  const here = d.netns;
  if (d.peer) parts.push(`peer ${linkText(d.peer, here)}`);
  if (d.ports) parts.push(d.ports.length === 0 ? 'no ports' : `ports ${d.ports.map((p) => linkText(p, here)).join(' ')}`);
  if (d.master) parts.push(`${d.master.kind} port of ${linkText(d.master, here)}${d.portState && !brief ? ` (${d.portState})` : ''}`);
  if (d.kind === 'vlan') parts.push(`vlan ${d.id ?? '?'}${d.protocol && d.protocol !== '802.1Q' ? ` ${d.protocol}` : ''}${d.parent ? ` on ${linkText(d.parent, here)}` : ''}`);
  else if (d.kind === 'vxlan') {
    let s = `vni ${d.id ?? '?'}`;
    if (d.vxlan?.remote) s += ` remote ${d.vxlan.remote}`;
    if (d.vxlan?.local) s += ` local ${d.vxlan.local}`;
    if (d.vxlan?.port !== undefined) s += ` port ${d.vxlan.port}`;
    if (d.parent) s += ` dev ${linkText(d.parent, here)}`;
    parts.push(s);
  } else if (d.parent) parts.push(`${d.mode ? `${d.mode} ` : ''}on ${linkText(d.parent, here)}`);
  if (d.tun) {
    parts.push(d.tun.processes.length > 0 ? `held by ${d.tun.processes.map(processText).join(' ')}` : 'held by no process');
    if (d.tun.flags.length > 0 && !brief) parts.push(d.tun.flags.join(' '));
  }
  return parts.join(', ');
}

/**
 * What `vcap -D` puts in tcpdump's parentheses: the kind and the links of a virtual device
 * (`veth, peer veth1@vb`); '' for physical and loopback devices, which tcpdump lists bare.
 */
export function deviceDescription(d: InterfaceDetail): string {
  if (d.kind === 'physical' || d.kind === 'loopback') return '';
  const links = linkSummary(d, true);
  return links === '' ? d.kind : `${d.kind}, ${links}`;
}

/** Columns of `vcap ifaces`; the last one takes the addresses, then the links, a line each. */
export function formatInterfaceTable(list: InterfaceDetail[]): string {
  const head = ['INDEX', 'NAME', 'KIND', 'STATE', 'MTU', 'MAC', 'SPEED'];
  const rows = list.map((d) => [String(d.index), d.name, d.kind, d.state, String(d.mtu), d.mac ?? '-', speedText(d.speed) || '-']);
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 || i === 4 ? c.padStart(width[i]!) : c.padEnd(width[i]!))).join('  ');
  const indent = width.reduce((a, w) => a + w + 2, 0);
  let out = `${line(head)}  ADDRESSES, LINKS\n`;
  list.forEach((d, i) => {
    const extra = [d.addresses.join(' '), linkSummary(d)].filter((s) => s !== '');
    out += `${line(rows[i]!)}  ${extra[0] ?? ''}`.trimEnd() + '\n';
    for (const e of extra.slice(1)) out += `${' '.repeat(indent)}${e}\n`;
  });
  return out;
}
