// Interfaces as libpcap sees them: the -D list in tcpdump's order, the default device when no
// -i is given, and the link type capture uses on each kind of device.
import { readdirSync, readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import type { NativeAddon, NativeInterface } from './native.js';
import { LinkType } from '../decoders/link-type.js';
import type { CookedHeader } from './ring.js';
import type { InterfaceDetail } from '../netinfo/interfaces.js';

/** One device of `vcap -D`. */
export interface InterfaceInfo {
  /** Position in the list, from 1, as tcpdump numbers it (`-i 2` means this device). */
  index: number;
  name: string;
  /** tcpdump's bracketed words: Up, Running, Loopback, Connected, Disconnected ('none' when none apply). */
  flags: string[];
  /** Text tcpdump puts in parentheses: `any`'s, and what a virtual device is (`veth, peer veth1@vb`). */
  description: string;
  /** Kernel interface index (0 for `any`). */
  ifindex: number;
  /** LINKTYPE_* a capture on this device produces. */
  linkType: number;
  /** Addresses in CIDR form (`172.21.22.23/24`, `fe80::1/64`). */
  addresses: string[];
  /** What `vcap ifaces` says of the device (kind, peer, ports, owners, speed…); null for `any`. */
  detail?: InterfaceDetail | null;
}

/** IFF_UP: libpcap's activation refuses a device without it (-L too). */
export const IFF_UP = 0x1;
const IFF_LOOPBACK = 0x8, IFF_RUNNING = 0x40;
const ARPHRD_ETHER = 1, ARPHRD_LOOPBACK = 772, ARPHRD_NONE = 0xfffe, ARPHRD_RAWIP = 519;

/** How a device is captured: its link type, and the cooked header a SOCK_DGRAM socket needs. */
export function captureLinkType(hatype: number): { linkType: number; cooked: CookedHeader } {
  if (hatype === ARPHRD_ETHER || hatype === ARPHRD_LOOPBACK) return { linkType: LinkType.EN10MB, cooked: 'none' };
  if (hatype === ARPHRD_NONE || hatype === ARPHRD_RAWIP) return { linkType: LinkType.RAW, cooked: 'none' };
  // Anything else (PPP, tunnels, CAN…) is captured cooked, as libpcap does.
  return { linkType: LinkType.LINUX_SLL, cooked: 'sll' };
}

/** LINKTYPE_DOCSIS: a cable modem termination system's DOCSIS frames inside Ethernet framing. */
const DOCSIS = 143;

/**
 * libpcap's pcap_list_datalinks on Linux: the link types a capture on a device of hardware type
 * `hatype` (undefined: `any`) may be given with -y, the first its default. An Ethernet device also
 * offers DOCSIS (the frames as they come, labelled DOCSIS), a loopback device Ethernet alone, a
 * device captured cooked (and `any`) both cooked headers. (libpcap offers 802.11 types for a
 * wireless device that can be put in monitor mode; vcap does not capture in monitor mode.)
 */
export function deviceLinkTypes(hatype: number | undefined): number[] {
  if (hatype === undefined) return [LinkType.LINUX_SLL, LinkType.LINUX_SLL2];
  if (hatype === ARPHRD_ETHER) return [LinkType.EN10MB, DOCSIS];
  const { linkType, cooked } = captureLinkType(hatype);
  return cooked === 'none' ? [linkType] : [LinkType.LINUX_SLL, LinkType.LINUX_SLL2];
}

/** How a device is captured as `linkType`, one of deviceLinkTypes(): the cooked header it takes, if any. */
export function cookedHeaderFor(linkType: number): CookedHeader {
  return linkType === LinkType.LINUX_SLL ? 'sll' : linkType === LinkType.LINUX_SLL2 ? 'sll2' : 'none';
}

/** tcpdump -D's bracket: Up/Running/Loopback (or "none"), then the link state when the driver reports one. */
function flagWords(d: NativeInterface): string[] {
  const w: string[] = [];
  if (d.flags & IFF_UP) w.push('Up');
  if (d.flags & IFF_RUNNING) w.push('Running');
  if (d.flags & IFF_LOOPBACK) w.push('Loopback');
  if (w.length === 0) w.push('none');
  // Loopback and drivers without ETHTOOL_GLINK: "not applicable", nothing printed.
  if (!(d.flags & IFF_LOOPBACK) && d.link === 1) w.push('Connected');
  else if (!(d.flags & IFF_LOOPBACK) && d.link === 0) w.push('Disconnected');
  return w;
}

/**
 * libpcap's figure of merit (pcap_findalldevs): running and up first, then connected, then
 * loopback; `any` after every ordinary device that is up. Equal merits keep kernel order.
 */
function merit(name: string, flags: number, link: number): number {
  let n = name === 'any' ? 0x0fffffff : 0;
  if (!(flags & IFF_RUNNING)) n += 0x80000000;
  if (!(flags & IFF_UP)) n += 0x40000000;
  if (!(flags & IFF_LOOPBACK) && link === 0) n += 0x20000000;
  if (flags & IFF_LOOPBACK) n += 0x10000000;
  return n;
}

/** Every capturable device, `any` included, in tcpdump -D order. */
export function listInterfacesWith(n: NativeAddon): InterfaceInfo[] {
  const addrs = networkInterfaces();
  const rows = n.interfaces().sort((a, b) => a.index - b.index).map((d) => ({
    merit: merit(d.name, d.flags, d.link),
    info: {
      index: 0, name: d.name, flags: flagWords(d), description: '', ifindex: d.index,
      linkType: captureLinkType(d.hatype).linkType,
      addresses: (addrs[d.name] ?? []).map((a) => a.cidr ?? a.address),
    } satisfies InterfaceInfo,
  }));
  rows.push({
    merit: merit('any', IFF_UP | IFF_RUNNING, -1),
    info: {
      index: 0, name: 'any', flags: ['Up', 'Running'], description: 'Pseudo-device that captures on all interfaces', ifindex: 0,
      linkType: LinkType.LINUX_SLL2, addresses: [],
    },
  });
  // Array.prototype.sort is stable: equal merits keep kernel index order, as libpcap's insertion does.
  rows.sort((a, b) => a.merit - b.merit);
  return rows.map((r, i) => {
    r.info.index = i + 1;
    return r.info;
  });
}

/**
 * The device tcpdump picks without -i: the first of the list, which is an up, running,
 * non-loopback device when there is one, else `any`.
 */
export function defaultInterfaceWith(n: NativeAddon): string {
  const first = listInterfacesWith(n)[0];
  return first ? first.name : 'any';
}

/** The kernel's counters for a device (or, for `any`, every device), as /sys/class/net shows them. */
export interface DeviceCounters {
  rxPackets: number;
  txPackets: number;
  rxDropped: number;
}

function readCounter(name: string, counter: string): number {
  return Number(readFileSync(`/sys/class/net/${name}/statistics/${counter}`, 'latin1'));
}

/**
 * rx/tx packets and rx drops of `name` (summed over every device for `any`); undefined when /sys
 * does not have them. Read at the start and the end of a capture, their differences are what the
 * interface saw meanwhile: pcapng's isb_ifrecv and isb_ifdrop (libpcap's ps_ifdrop is rx_dropped too).
 */
export function deviceCounters(name: string): Map<string, DeviceCounters> | undefined {
  try {
    const names = name === 'any' ? readdirSync('/sys/class/net') : [name];
    const m = new Map<string, DeviceCounters>();
    for (const n of names) {
      try {
        m.set(n, { rxPackets: readCounter(n, 'rx_packets'), txPackets: readCounter(n, 'tx_packets'), rxDropped: readCounter(n, 'rx_dropped') });
      } catch {
        if (name !== 'any') return undefined;
      }
    }
    return m;
  } catch {
    return undefined;
  }
}

/**
 * What the devices counted between two readings: packets in the directions captured (-Q) and rx
 * drops, over the devices present at both (for `any`, devices come and go).
 */
export function counterDelta(before: Map<string, DeviceCounters>, after: Map<string, DeviceCounters>, direction: 'in' | 'out' | 'inout'): { packets: number; dropped: number } {
  let packets = 0, dropped = 0;
  for (const [name, a] of after) {
    const b = before.get(name);
    if (b === undefined) continue;
    if (direction !== 'out') packets += Math.max(0, a.rxPackets - b.rxPackets);
    if (direction !== 'in') packets += Math.max(0, a.txPackets - b.txPackets);
    dropped += Math.max(0, a.rxDropped - b.rxDropped);
  }
  return { packets, dropped };
}
