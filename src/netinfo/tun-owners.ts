// Which processes hold a TUN/TAP device: the kernel does not list them on the device, but every
// /dev/net/tun fd says in /proc/PID/fdinfo/FD which device it is attached to (`iff:\ttun0`), as
// `ip -d tuntap` finds them. A name is only unique within a namespace, so each fd is also asked
// which namespace its device is in (TUNGETDEVNETNS on a pidfd_getfd duplicate); where that is
// refused (an old kernel, ptrace restrictions), the name alone decides.
import { closeSync, fstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import type { NativeAddon } from '../capture/native.js';
import { processCommand } from '../netns/namespace-list.js';

export interface TunProcess {
  pid: number;
  /** /proc/PID/comm. */
  command: string;
  /** The fd the process holds the device by. */
  fd: number;
}

interface TunFd extends TunProcess {
  device: string;
  /** The nsfs inode of the device's namespace; undefined when the kernel would not say. */
  netnsInode: number | undefined;
}

function deviceNetns(n: NativeAddon, pid: number, fd: number): number | undefined {
  const dup = n.pidfdGetfd(pid, fd);
  if (dup < 0) return undefined;
  try {
    const ns = n.tunDevNetns(dup);
    if (ns < 0) return undefined;
    try { return fstatSync(ns).ino; } finally { closeSync(ns); }
  } finally {
    closeSync(dup);
  }
}

/** Every attached /dev/net/tun fd of every process. */
function scan(n: NativeAddon): TunFd[] {
  const out: TunFd[] = [];
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    let fds: string[];
    try { fds = readdirSync(`/proc/${p}/fd`); } catch { continue; }
    for (const f of fds) {
      let device: string | undefined;
      try {
        if (readlinkSync(`/proc/${p}/fd/${f}`) !== '/dev/net/tun') continue;
        device = /^iff:\s*(\S+)$/m.exec(readFileSync(`/proc/${p}/fdinfo/${f}`, 'latin1'))?.[1];
      } catch {
        continue;  // closed or exited meanwhile
      }
      if (device === undefined) continue;  // opened, not attached to a device (yet)
      const pid = Number(p), fd = Number(f);
      out.push({ pid, fd, device, command: processCommand(pid), netnsInode: deviceNetns(n, pid, fd) });
    }
  }
  return out;
}

/** The owners of every TUN/TAP device, looked up by device name and namespace. */
export class TunOwners {
  readonly #fds: TunFd[];

  constructor(n: NativeAddon) {
    this.#fds = scan(n);
  }

  /** The processes holding `device` in the namespace `netnsInode`, one entry per process. */
  of(device: string, netnsInode: number): TunProcess[] {
    const seen = new Set<number>();
    const out: TunProcess[] = [];
    for (const t of this.#fds) {
      if (t.device !== device || (t.netnsInode !== undefined && t.netnsInode !== netnsInode) || seen.has(t.pid)) continue;
      seen.add(t.pid);
      out.push({ pid: t.pid, command: t.command, fd: t.fd });
    }
    return out;
  }
}
