// Live capture: picks the source (AF_PACKET ring on an interface, or vcap's own TUN/TAP device),
// checks every option before any native call, and lists interfaces for -D.
import type { BatchSource, CaptureStats } from './batch.js';
import type { CaptureInterface } from './capture-interface.js';
import type { FilterProgram } from '../filter/index.js';
import { VcapError } from '../errors.js';
import { LinkType, linkTypeName } from '../decoders/link-type.js';
import { native } from './native.js';
import type { NativeAddon, NativeInterface } from './native.js';
import { formatInterfaceSpec, parseInterfaceSpec } from './interface-spec.js';
import { inNetns, NetworkNamespace } from '../netns/network-namespace.js';
import { NamespaceLinks } from '../netinfo/namespace-links.js';
import { AfPacketSource } from './afpacket.js';
import { TunSource } from './tun.js';
import type { TunOptions } from './tun.js';

export type { TunOptions, TunSource } from './tun.js';
import { captureLinkType, cookedHeaderFor, defaultInterfaceWith, deviceLinkTypes, IFF_UP, listInterfacesWith } from './interfaces.js';
import type { InterfaceInfo } from './interfaces.js';
import { NetworkView } from '../netinfo/network-view.js';
import { deviceDescription, interfacesIn } from '../netinfo/interfaces.js';

export type { InterfaceInfo } from './interfaces.js';

export interface LiveOptions {
  /** -i NAME or NAME@NETNS ('any' allowed; a number picks that entry of -D); undefined with tun/tap set. */
  interface?: string;
  /** --tun NAME / --tap NAME (or NAME@NETNS): vcap owns the device. */
  tun?: string;
  tap?: string;
  /** --addr CIDR for --tun/--tap (several: one IPv4 and any IPv6 ones). */
  addr?: string | readonly string[] | undefined;
  /** --reply: with --tun/--tap, answer for the hosts of the device's subnets (TunOptions.reply). */
  reply?: boolean;
  /** -s (0 = 262144). */
  snaplen: number;
  /** -B in KiB (0 = default). */
  bufferKiB: number;
  /** -p clears this. */
  promiscuous: boolean;
  /** -Q */
  direction: 'in' | 'out' | 'inout';
  /** --immediate-mode / -l / stdout is a TTY */
  immediate: boolean;
  /**
   * Outside immediate mode, the longest a frame waits in a part-filled ring block before it is
   * delivered: libpcap's packet buffer timeout. Default 100 ms; frames still waiting when the
   * capture stops are delivered then.
   */
  timeoutMs?: number;
  /** --backend */
  backend: 'afpacket' | 'libpcap';
  /**
   * --netns NAME|PID|PATH: the network namespace of `interface` (unless it names its own,
   * `veth0@vb`) or of the TUN/TAP device, which is then created there. Needs CAP_SYS_ADMIN.
   */
  netns?: string | undefined;
  /**
   * The filter expression text, for a backend that compiles it itself: libpcap compiles and attaches
   * it when the capture opens (setFilter then only checks there is one). AF_PACKET ignores it: it
   * attaches the program given to setFilter().
   */
  filter?: string;
  /** -y: the link type to capture as, one of those the device offers (deviceLinkTypes); undefined: its default. */
  linkType?: number | undefined;
}

export interface LiveSource extends BatchSource {
  /** The interface name, for `listening on NAME, link-type ...`. */
  readonly name: string;
  /** The network namespace as the user named it (--netns, NAME@NETNS); undefined: vcap's own. */
  readonly netns?: string | undefined;
  /**
   * The name of an interface of the capture's namespace, for `-i any` lines, when that is not
   * vcap's own (whose names the printers read from /sys).
   */
  interfaceName?(ifindex: number): string | undefined;
  /** The interface its batches point at (AF_PACKET sources); others leave the caller to describe it. */
  readonly iface?: CaptureInterface;
  /**
   * Whether every frame that reached the source so far has been delivered (nothing waits in a ring
   * block the kernel has not handed over); a source that cannot tell leaves it out.
   */
  caughtUp?(): boolean;
  /** Kernel counters, accumulated: tcpdump's "received by filter" and "dropped by kernel". */
  stats(): CaptureStats;
  /** Attach in the kernel (reject-all, drain, attach). */
  setFilter(program: FilterProgram): void;
  /** Close the socket or device and unmap the ring; also done when run() ends. Idempotent. */
  close(): void;
}

/** pcap's default snapshot length. */
export const DEFAULT_SNAPLEN = 262144;
/** Packet buffer timeout without `timeoutMs`: short enough for a reader of a pipe to see frames at once. */
export const DEFAULT_TIMEOUT_MS = 100;
/**
 * Ring size without -B: four times libpcap's 2 MiB (eight 1 MiB blocks). The ring must cover the
 * longest time the process is away from it; a Node process has pauses a C program does not (V8
 * compiling the hot path as a flood starts, a synchronous write, being scheduled late on a busy
 * machine), and at a veth flood's ~265,000 frames/s (160 ring bytes per 64-byte frame) 8 MiB is
 * ~200 ms where libpcap's 2 MiB is ~50 ms.
 */
export const DEFAULT_BUFFER_KIB = 8192;

function check(options: LiveOptions): void {
  const { snaplen, bufferKiB, direction, backend } = options;
  if (!Number.isInteger(snaplen) || snaplen < 0 || snaplen > DEFAULT_SNAPLEN)
    throw new VcapError(`invalid snaplen ${snaplen}`, 'EINVAL');
  // Any size: one more than the machine can give is cut down when the ring is made (afpacket.ts).
  if (!Number.isInteger(bufferKiB) || bufferKiB < 0)
    throw new VcapError(`invalid buffer size ${bufferKiB}`, 'EINVAL');
  if (direction !== 'in' && direction !== 'out' && direction !== 'inout')
    throw new VcapError(`${String(direction)} is not a valid direction`, 'EINVAL');
  if (options.timeoutMs !== undefined && (!Number.isInteger(options.timeoutMs) || options.timeoutMs < 1 || options.timeoutMs > 60000))
    throw new VcapError(`invalid timeout ${options.timeoutMs} ms`, 'EINVAL');
  if (backend !== 'afpacket' && backend !== 'libpcap')
    throw new VcapError(`unknown backend '${String(backend)}' (afpacket or libpcap)`, 'EINVAL');
  const owners = [options.interface, options.tun, options.tap].filter((x) => x !== undefined).length;
  if (owners > 1) throw new VcapError('-i, --tun and --tap exclude each other', 'EINVAL');
  if (options.addr !== undefined && options.tun === undefined && options.tap === undefined)
    throw new VcapError('--addr needs --tun or --tap', 'EINVAL');
  if (options.reply === true && options.tun === undefined && options.tap === undefined)
    throw new VcapError('--reply needs --tun or --tap (vcap answers for the hosts behind a device it holds)', 'EINVAL');
  if (options.linkType !== undefined && (options.tun !== undefined || options.tap !== undefined))
    throw new VcapError('-y picks the link type of a capture with -i; a TUN device gives raw IP, a TAP device Ethernet', 'EINVAL');
  if (options.linkType !== undefined && options.backend === 'libpcap')
    throw new VcapError('-y needs the afpacket backend (--backend libpcap captures as the device\'s default link type)', 'EINVAL');
}

export async function openLive(options: LiveOptions): Promise<LiveSource> {
  check(options);
  const snaplen = options.snaplen === 0 ? DEFAULT_SNAPLEN : options.snaplen;
  if (options.backend === 'libpcap') {
    if (options.netns !== undefined || options.interface?.includes('@'))
      throw new VcapError('--backend libpcap captures in vcap\'s own network namespace: leave out --netns and NAME@NETNS', 'EINVAL');
    // Loaded only here: cap is an optionalDependency. VCAP_TEST_CAP_MODULE lets a test name a module
    // that is not there, to see the error a machine without cap gives.
    const { LibpcapSource, loadCap } = await import('./libpcap.js');
    const cap = loadCap(process.env['VCAP_TEST_CAP_MODULE'] || 'cap');
    if (options.tun !== undefined || options.tap !== undefined)
      throw new VcapError('--backend libpcap captures on an interface (-i), not on --tun/--tap', 'EINVAL');

    const bufferBytes = (options.bufferKiB === 0 ? DEFAULT_BUFFER_KIB : options.bufferKiB) * 1024;
    return LibpcapSource.open(cap, {
      interface: options.interface, snaplen: options.snaplen, bufferBytes, promiscuous: options.promiscuous,
      direction: options.direction, filter: options.filter ?? '',
    });
  }
  const n = native();
  if (options.tun !== undefined || options.tap !== undefined) {
    const tap = options.tap !== undefined;
    const text = (tap ? options.tap : options.tun) ?? '';
    // '' lets the kernel choose the name (tunN/tapN), in --netns's namespace.
    const spec = text === '' ? { name: '', netns: options.netns } : parseInterfaceSpec(text, options.netns);
    return TunSource.open(n, { name: spec.name, tap, addr: options.addr, snaplen, reply: options.reply === true, netns: spec.netns });
  }
  const spec = options.interface === undefined ? undefined : parseInterfaceSpec(options.interface, options.netns);
  const netns = spec?.netns ?? options.netns;
  if (netns === undefined) return openPacket(n, options, spec?.name, snaplen, undefined);
  // The sockets are made inside the namespace and stay bound to it: the namespace need not stay open.
  const ns = NetworkNamespace.open(netns);
  try {
    return ns.within(() => openPacket(n, options, spec?.name, snaplen, ns));
  } finally {
    ns.close();
  }
}

/** The device -i names (a name, `any`, or tcpdump's number from -D), or tcpdump's default one, in the thread's namespace now. */
function resolveDevice(n: NativeAddon, given: string | undefined, netnsRef: string | undefined): { name: string; picked: boolean; ifindex: number; dev: NativeInterface | undefined } {
  let name = given;
  const picked = name === undefined;
  if (name === undefined) name = defaultInterfaceWith(n);
  else if (/^\d+$/.test(name) && n.ifIndex(name) === 0) {
    // tcpdump's -i N: the Nth device of -D.
    const entry = listInterfacesWith(n)[Number(name) - 1];
    if (entry === undefined) throw new VcapError(`Invalid adapter index ${name}`, 'ENODEV');
    name = entry.name;
  }
  const ifindex = name === 'any' ? 0 : n.ifIndex(name);
  const dev = ifindex === 0 ? undefined : n.interfaces().find((d) => d.index === ifindex);
  if (name !== 'any' && dev === undefined) throw new VcapError(`${formatInterfaceSpec({ name, netns: netnsRef })}: No such device exists`, 'ENODEV');
  return { name, picked, ifindex, dev };
}

/**
 * -L: the link types a capture on the device -i names (or the default one) may be given with -y,
 * libpcap's list, with the name tcpdump prints. As tcpdump, which opens the device to ask, refused
 * for a device that is not up.
 */
export function deviceLinkTypeList(given: string | undefined, netnsName: string | undefined): { name: string; linkTypes: number[] } {
  const spec = given === undefined ? undefined : parseInterfaceSpec(given, netnsName);
  const netnsRef = spec?.netns ?? netnsName;
  return inNetns(netnsRef, () => {
    const { name, dev } = resolveDevice(native(), spec?.name, netnsRef);
    const shown = formatInterfaceSpec({ name, netns: netnsRef });
    if (dev !== undefined && (dev.flags & IFF_UP) === 0) throw new VcapError(`${shown}: That device is not up`, 'ENETDOWN');
    return { name: shown, linkTypes: deviceLinkTypes(dev?.hatype) };
  });
}

/** The AF_PACKET source of -i (or of tcpdump's default device), in the thread's namespace now. */
function openPacket(n: NativeAddon, options: LiveOptions, given: string | undefined, snaplen: number, netns: NetworkNamespace | undefined): AfPacketSource {
  const { name, picked, ifindex, dev } = resolveDevice(n, given, netns?.ref);
  const bufferBytes = (options.bufferKiB === 0 ? DEFAULT_BUFFER_KIB : options.bufferKiB) * 1024;
  const common = { name, snaplen, bufferBytes, promiscuous: options.promiscuous, direction: options.direction, immediate: options.immediate, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, loIfindex: n.ifIndex('lo'), netns: netns?.ref };
  // In another namespace, the source looks at its devices later through a socket made there now.
  const links = netns === undefined ? undefined : NamespaceLinks.open(netns);
  try {
    const asked = options.linkType;
    if (asked !== undefined && !deviceLinkTypes(dev?.hatype).includes(asked)) throw new VcapError(`${linkTypeName(asked)} is not one of the DLTs supported by this device`, 'EINVAL');
    if (dev === undefined) {
      // tcpdump asks for cooked v2 on an explicit `-i any`; the device it picks by itself stays v1.
      const linkType = asked ?? (picked ? LinkType.LINUX_SLL : LinkType.LINUX_SLL2);
      return AfPacketSource.open(n, { ...common, ifindex: 0, linkType, cooked: cookedHeaderFor(linkType), links });
    }
    const { linkType, cooked } = asked === undefined ? captureLinkType(dev.hatype) : { linkType: asked, cooked: cookedHeaderFor(asked) };
    return AfPacketSource.open(n, { ...common, ifindex, linkType, cooked, links });
  } catch (e) {
    links?.close();
    throw e;
  }
}

/**
 * Be the program at the end of a TUN (IP packets) or TAP (Ethernet frames) device: create or attach
 * to it, address it, bring it up. `run()` delivers what the kernel sends to it; `write()` sends
 * frames back into the kernel as if they came from the device. Closing removes a device it created.
 */
export function openTun(options: TunOptions): TunSource {
  if (!Number.isInteger(options.snaplen) || options.snaplen < 0 || options.snaplen > DEFAULT_SNAPLEN)
    throw new VcapError(`invalid snaplen ${options.snaplen}`, 'EINVAL');
  return TunSource.open(native(), { ...options, snaplen: options.snaplen === 0 ? DEFAULT_SNAPLEN : options.snaplen });
}

/**
 * -D: the interfaces of a namespace (NAME, PID or PATH; vcap's own by default) in tcpdump's order;
 * `index` is the number -D prints, `description` says what a virtual device is and is joined to.
 */
export function listInterfaces(netns?: string): InterfaceInfo[] {
  const view = new NetworkView();
  try {
    const v = view.namespace(netns);
    const list = v.within(() => listInterfacesWith(native()));
    const details = new Map(interfacesIn(v).map((d) => [d.name, d]));
    for (const i of list) {
      const d = details.get(i.name);
      i.detail = d ?? null;
      if (d !== undefined && i.description === '') i.description = deviceDescription(d);
    }
    return list;
  } finally {
    view.close();
  }
}
