// Every network namespace vcap can see: the named ones (/run/netns, `ip netns add`) and those of
// running processes (/proc/PID/ns/net: containers, sandboxes), one entry per namespace (the nsfs
// inode is its identity; several names and thousands of processes may share one).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { NETNS_RUN_DIR } from './network-namespace.js';

export interface NamespaceEntry {
  /** The namespace's nsfs inode (`lsns -t net`, `ls -iL /proc/PID/ns/net`). */
  inode: number;
  /** Its names in /run/netns, sorted. */
  names: string[];
  /** The processes in it, by PID, ascending. */
  pids: number[];
  /** How vcap refers to it (usable as --netns): its first name, else its lowest PID. */
  ref: string;
  /** A file that opens it. */
  path: string;
  /** The command of its lowest PID (/proc/PID/comm), for a namespace known only by processes. */
  command: string | undefined;
  /** The namespace vcap runs in. */
  self: boolean;
}

function stat(path: string): { ino: number; dev: number } | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;  // gone, or not ours to see
  }
}

/** Interpreters whose command name says less than the script they run. */
const INTERPRETERS = /^(node|nodejs|python[0-9.]*|perl|ruby|sh|bash|dash)$/;

/**
 * What a process is, as a reader knows it: its command name (/proc/PID/comm), or for an
 * interpreter the name of the script it runs (`vcap`, not `node`); '' when it has exited.
 */
export function processCommand(pid: number): string {
  try {
    const comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trimEnd();
    if (!INTERPRETERS.test(comm)) return comm;
    const script = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').slice(1).find((a) => a !== '' && !a.startsWith('-'));
    return script === undefined ? comm : script.slice(script.lastIndexOf('/') + 1);
  } catch {
    return '';
  }
}

/**
 * Every namespace: vcap's own first, then the named ones by name, then the others by lowest PID.
 */
export function listNetworkNamespaces(): NamespaceEntry[] {
  const byInode = new Map<number, NamespaceEntry>();
  const entry = (inode: number, path: string): NamespaceEntry => {
    let e = byInode.get(inode);
    if (e === undefined) {
      e = { inode, names: [], pids: [], ref: '', path, command: undefined, self: false };
      byInode.set(inode, e);
    }
    return e;
  };
  let names: string[] = [];
  try { names = readdirSync(NETNS_RUN_DIR).sort(); } catch { /* no named namespaces */ }
  const runDev = stat(NETNS_RUN_DIR)?.dev;
  for (const name of names) {
    const path = `${NETNS_RUN_DIR}/${name}`;
    const st = stat(path);
    // A name whose bind mount is gone (`ip netns add` interrupted) is a plain file: not a namespace.
    if (st === undefined || st.dev === runDev) continue;
    entry(st.ino, path).names.push(name);
  }
  const pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number).sort((a, b) => a - b);
  for (const pid of pids) {
    const path = `/proc/${pid}/ns/net`;
    const st = stat(path);
    if (st !== undefined) entry(st.ino, path).pids.push(pid);
  }
  const selfInode = stat('/proc/self/ns/net')?.ino;
  for (const e of byInode.values()) {
    e.self = e.inode === selfInode;
    if (e.names.length > 0) e.ref = e.names[0]!;
    else e.ref = String(e.pids[0]);
    if (e.pids.length > 0) e.command = processCommand(e.pids[0]!);
    if (e.names.length === 0 && e.pids.length > 0) e.path = `/proc/${e.pids[0]}/ns/net`;
  }
  const rank = (e: NamespaceEntry): number => (e.self ? 0 : e.names.length > 0 ? 1 : 2);
  return [...byInode.values()].sort((a, b) => rank(a) - rank(b) ||
    (rank(a) === 1 ? a.ref.localeCompare(b.ref) : (a.pids[0] ?? 0) - (b.pids[0] ?? 0)));
}

/** How a namespace is shown to a reader: `vb`, or `1234 (containerd-shim)` for one known by a process. */
export function namespaceLabel(e: NamespaceEntry): string {
  return e.names.length > 0 || e.command === undefined || e.command === '' ? e.ref : `${e.ref} (${e.command})`;
}
