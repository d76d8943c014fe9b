// `vcap topo`: the virtual network across every namespace vcap can see — bridges and their ports,
// veth pairs joined across namespaces (Edgeshark's question: which end is where), TUN/TAP
// devices and the processes at their other end, vlan/vxlan/macvlan devices on their parents —
// as data, and drawn as text in the spirit of the reference article's boxes.
import type { InterfaceDetail, LinkRef } from './interfaces.js';
import { interfacesIn, linkText } from './interfaces.js';
import { NetworkView } from './network-view.js';
import type { NamespaceView } from './network-view.js';
import { processCommand } from '../netns/namespace-list.js';

export interface TopologyNamespace {
  /** How vcap names it (a name from /run/netns, else the lowest PID in it): usable as --netns. */
  ref: string;
  /** Its nsfs inode: the identity `lsns` and `ip netns identify` use. */
  inode: number;
  /** Its names in /run/netns. */
  names: string[];
  /** How many processes are in it, the lowest PID and that process's command. */
  processes: number;
  pid: number | null;
  command: string | null;
  /** The namespace vcap runs in. */
  self: boolean;
  interfaces: InterfaceDetail[];
}

/** One end of a link between interfaces. */
export interface End { netns: string; name: string; index: number }

export interface Topology {
  namespaces: TopologyNamespace[];
  /** Every veth pair once; `a` in the earlier namespace of the list. */
  vethPairs: { a: End; b: End; crossesNamespaces: boolean }[];
  /** Every bridge with its ports. */
  bridges: { bridge: End; ports: (End & { kind: string; state?: string })[] }[];
  /** Every TUN/TAP device and the processes holding it. */
  tuntap: (End & { kind: 'tun' | 'tap'; processes: { pid: number; command: string }[] })[];
  /** vlan, vxlan, macvlan, ipvlan… and the device each sits on. */
  stacked: (End & { kind: string; id?: number; parent: LinkRef })[];
  /** Namespaces that could not be read (gone meanwhile, or refused). */
  unreadable: { ref: string; error: string }[];
}

function end(d: InterfaceDetail): End {
  return { netns: d.netns, name: d.name, index: d.index };
}

/** Read the whole topology (needs root: every namespace is entered to open its netlink socket). */
export function readTopology(): Topology {
  const view = new NetworkView();
  try {
    const t: Topology = { namespaces: [], vethPairs: [], bridges: [], tuntap: [], stacked: [], unreadable: [] };
    const order = new Map<string, number>();
    const views: NamespaceView[] = view.all();
    for (const v of views) {
      const e = v.entry!;
      let interfaces: InterfaceDetail[];
      try {
        interfaces = interfacesIn(v);
      } catch (err) {
        t.unreadable.push({ ref: v.ref, error: (err as Error).message });
        continue;
      }
      order.set(v.ref, t.namespaces.length);
      t.namespaces.push({
        ref: v.ref, inode: v.inode, names: e.names, processes: e.pids.length, pid: e.pids[0] ?? null,
        command: e.pids.length > 0 ? (e.command ?? processCommand(e.pids[0]!)) : null, self: e.self, interfaces,
      });
    }
    const seen = new Set<string>();
    for (const ns of t.namespaces) {
      for (const d of ns.interfaces) {
        if (d.kind === 'veth' && d.peer && d.peer.name !== null && d.peer.netns !== null) {
          const key = (x: End | LinkRef): string => `${x.netns}\0${x.index}`;
          if (!seen.has(key(d.peer))) {
            seen.add(key(end(d)));
            t.vethPairs.push({ a: end(d), b: { netns: d.peer.netns, name: d.peer.name, index: d.peer.index }, crossesNamespaces: d.peer.netns !== d.netns });
          }
        }
        if (d.kind === 'bridge') {
          const ports = ns.interfaces.filter((p) => p.master?.index === d.index)
            .map((p) => ({ ...end(p), kind: p.kind, ...(p.portState ? { state: p.portState } : {}) }));
          t.bridges.push({ bridge: end(d), ports });
        }
        if (d.tun) t.tuntap.push({ ...end(d), kind: d.kind as 'tun' | 'tap', processes: d.tun.processes.map((p) => ({ pid: p.pid, command: p.command })) });
        if (d.parent) t.stacked.push({ ...end(d), kind: d.kind, ...(d.id !== undefined ? { id: d.id } : {}), parent: d.parent });
      }
    }
    return t;
  } finally {
    view.close();
  }
}

/** What the box title says besides the ref: other names, the processes in it, whether vcap runs there. */
function title(ns: TopologyNamespace): string {
  const parts: string[] = [];
  if (ns.names.length > 1) parts.push(`also ${ns.names.slice(1).join(', ')}`);
  if (ns.names.length === 0 && ns.command) {
    parts.push(ns.processes > 1 ? `${ns.command} and ${ns.processes - 1} other process${ns.processes === 2 ? '' : 'es'}` : ns.command);
  } else if (ns.processes > 0) {
    parts.push(`${ns.processes} process${ns.processes === 1 ? '' : 'es'}`);
  }
  if (ns.self) parts.push('vcap\'s own');
  return parts.join(', ');
}

/** What one device line says after its name. */
function deviceText(d: InterfaceDetail): string {
  let kind = d.kind;
  if (d.kind === 'vlan' && d.id !== undefined) kind = `vlan ${d.id}`;
  else if (d.kind === 'vxlan' && d.id !== undefined) kind = `vxlan ${d.id}`;
  else if (d.mode !== undefined) kind = `${d.kind} ${d.mode}`;
  const parts = [`${d.name} (${kind}${d.state === 'up' || d.state === 'unknown' ? '' : `, ${d.state}`})`];
  if (d.addresses.length > 0) parts.push(d.addresses.filter((a) => !a.startsWith('fe80:')).join(' '));
  if (d.peer) parts.push(`<====> ${linkText(d.peer, d.netns)}`);
  if (d.tun) parts.push(d.tun.processes.length > 0 ? `<-- ${d.tun.processes.map((p) => `${p.command || '?'}[${p.pid}]`).join(' ')}` : '<-- no process');
  if (d.parent && d.parent.netns !== d.netns) parts.push(`on ${linkText(d.parent, d.netns)}`);
  return parts.filter((p) => p !== '').join('  ');
}

/** The device lines of one namespace: ports under their bridge, stacked devices under their parent. */
function deviceLines(ns: TopologyNamespace): string[] {
  const list = ns.interfaces.filter((d) => d.kind !== 'loopback');
  const childrenOf = new Map<number, InterfaceDetail[]>();
  const isChild = (d: InterfaceDetail): number | undefined => {
    if (d.master && d.master.netns === ns.ref) return d.master.index;
    if (d.parent && d.parent.netns === ns.ref) return d.parent.index;
    return undefined;
  };
  for (const d of list) {
    const p = isChild(d);
    if (p !== undefined && list.some((x) => x.index === p)) childrenOf.set(p, [...(childrenOf.get(p) ?? []), d]);
  }
  const lines: string[] = [];
  const walk = (d: InterfaceDetail, prefix: string, branch: string): void => {
    lines.push(`${prefix}${branch}${deviceText(d)}`);
    const kids = childrenOf.get(d.index) ?? [];
    const next = prefix + (branch === '' ? '' : branch === '`-- ' ? '    ' : '|   ');
    kids.forEach((k, i) => walk(k, next, i === kids.length - 1 ? '`-- ' : '|-- '));
  };
  for (const d of list) if (isChild(d) === undefined || !list.some((x) => x.index === isChild(d))) walk(d, '', '');
  if (lines.length === 0) lines.push('(loopback only)');
  return lines;
}

/**
 * The topology as text: a box per namespace with its devices (bridge ports and stacked devices
 * drawn under their parent, `<====>` to a veth's peer, `<--` from a TUN/TAP device to the
 * processes holding it), then the cables between namespaces. Namespaces with nothing but
 * loopback are counted, not drawn; `netns` draws only those namespaces (by ref or name).
 */
export function formatTopology(t: Topology, options: { netns?: readonly string[] } = {}): string {
  let out = '';
  const only = options.netns;
  const shown = only !== undefined
    ? t.namespaces.filter((ns) => only.includes(ns.ref) || ns.names.some((n) => only.includes(n)))
    : t.namespaces.filter((ns) => ns.self || ns.interfaces.some((d) => d.kind !== 'loopback'));
  const hidden = t.namespaces.length - shown.length;
  for (const ns of shown) {
    const head = `[ ${ns.ref} ] ${title(ns)}`.trimEnd();
    const body = deviceLines(ns);
    const width = Math.max(head.length + 4, ...body.map((l) => l.length + 4), 40);
    out += `+- ${head} ${'-'.repeat(width - head.length - 3)}+\n`;
    for (const l of body) out += `| ${l.padEnd(width - 2)} |\n`;
    out += `+${'-'.repeat(width)}+\n`;
  }
  const drawn = new Set(shown.map((ns) => ns.ref));
  const cables = t.vethPairs.filter((p) => p.crossesNamespaces && (drawn.has(p.a.netns) || drawn.has(p.b.netns)));
  if (cables.length > 0) {
    out += '\nveth pairs between namespaces:\n';
    const left = cables.map((p) => `${p.a.name}@${p.a.netns}`);
    const w = Math.max(...left.map((l) => l.length));
    cables.forEach((p, i) => { out += `  ${left[i]!.padEnd(w)} <====> ${p.b.name}@${p.b.netns}\n`; });
  }
  if (hidden > 0 && only === undefined) out += `\n${hidden} more namespace${hidden === 1 ? '' : 's'} with loopback only (vcap topo --json lists them)\n`;
  for (const u of t.unreadable) out += `\nnamespace ${u.ref}: not read (${u.error})\n`;
  return out;
}
