// The only module that loads build/Release/vcap.node, and only when live capture asks for it:
// reading files, decoding, printing and filters never touch the addon.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SyscallError, VcapError } from '../errors.js';

/** One row of `interfaces()`: what `SIOCGIFFLAGS` / `SIOCGIFHWADDR` say about a device. */
export interface NativeInterface {
  name: string;
  index: number;
  /** IFF_* bits. */
  flags: number;
  /** ARPHRD_* (-1 when the device has no hardware address type). */
  hatype: number;
  /** ETHTOOL_GLINK: 1 carrier, 0 no carrier, -1 the driver does not say. */
  link: number;
}

/** The addon's functions (native/vcap.cc). Handles are small integers; every call is synchronous. */
export interface NativeAddon {
  init(syscallError: typeof SyscallError): void;
  packetOpen(cooked: boolean): number;
  packetRing(handle: number, reserve: number, blockSize: number, blockCount: number, retireMs: number): ArrayBuffer;
  packetBind(handle: number, ifindex: number): void;
  packetPromisc(handle: number, ifindex: number): void;
  /** Stop frames reaching the ring and wait for any being copied; false when that could not be ensured. */
  packetQuiesce(handle: number, ifindex: number): boolean;
  nextBlock(handle: number): number;
  releaseBlock(handle: number, block: number): void;
  packetStats(handle: number): [packets: number, drops: number];
  attachFilter(handle: number, insns: Uint8Array): void;
  detachFilter(handle: number): void;
  socketError(handle: number): number;
  watch(handle: number, onEvent: (status: number) => void): void;
  unwatch(handle: number): void;
  close(handle: number): void;
  tunOpen(name: string, tap: boolean, multiQueue: boolean): [handle: number, name: string, created: boolean];
  tunRead(handle: number, bytes: Uint8Array, offset: Uint32Array, len: Uint32Array, sec: Float64Array, nsec: Uint32Array, maxFrame: number): number;
  tunWrite(handle: number, bytes: Uint8Array): number;
  /**
   * Spans `from`..`to` to `fd`, gathered into the addon's 1 MiB buffer and written by write(2)
   * (a span larger than that buffer straight from where it is), until all are written: span i
   * is `bytes[offset[i] - before, offset[i] + length[i])`, the first without its first `skip`
   * bytes. Returns the bytes written: fewer than the spans hold when a write failed after some
   * (the next call throws the error).
   */
  writeSpans(fd: number, bytes: Uint8Array, offset: Uint32Array, length: Uint32Array, before: number, from: number, to: number, skip: number): number;
  ifUp(name: string): void;
  ifAddr(name: string, family: 4 | 6, addr: Uint8Array, prefixLength: number): void;
  interfaces(): NativeInterface[];
  ifIndex(name: string): number;
  ifName(index: number): string | undefined;
  /** getpwnam: [uid, gid], undefined when there is no such user. */
  userLookup(name: string): [number, number] | undefined;
  /** initgroups, setgid, setuid (tcpdump -Z). */
  dropPrivileges(name: string, uid: number, gid: number): void;
  /** setns(2) for the calling (JS) thread; src/netns/ comes straight back. */
  setns(fd: number, nstype: number): void;
  /** An AF_NETLINK socket in the calling thread's network namespace (extended acks on, 5 s receive timeout). */
  netlinkOpen(protocol: number): number;
  netlinkSend(handle: number, bytes: Uint8Array): void;
  /** One datagram into `buffer`; its length (ENOBUFS when it would not fit). */
  netlinkRecv(handle: number, buffer: Uint8Array): number;
  /** ioctl(SIOCETHTOOL) on `name` with `command` as the structure; 0 or the errno. */
  ethtool(name: string, command: Uint8Array): number;
  /** A duplicate of process `pid`'s fd `fd` (pidfd_getfd), or -errno. */
  pidfdGetfd(pid: number, fd: number): number;
  /** ioctl(TUNGETDEVNETNS): an fd of the namespace a TUN/TAP fd's device is in, or -errno. */
  tunDevNetns(fd: number): number;
  /** Start (once) the process that cuts a capture file back to whole records if vcap dies; its shared page. */
  fileGuard(): ArrayBuffer;
}

let loaded: NativeAddon | undefined;

function addonPath(): string {
  // dist/src/capture/native.js and src/capture/native.ts both sit three levels under the package root.
  const here = fileURLToPath(new URL('.', import.meta.url));
  for (const up of [join(here, '..', '..', '..'), join(here, '..', '..')]) {
    const p = join(up, 'build', 'Release', 'vcap.node');
    if (existsSync(p)) return p;
  }
  return join(here, '..', '..', '..', 'build', 'Release', 'vcap.node');
}

/** The addon, loaded on first use. Throws a VcapError when it was never built. */
export function native(): NativeAddon {
  if (loaded) return loaded;
  const path = addonPath();
  if (!existsSync(path)) throw new VcapError(`live capture needs the native addon, which is not built (${path}); run npm install`, 'ENOADDON');
  const addon = createRequire(import.meta.url)(path) as NativeAddon;
  addon.init(SyscallError);
  loaded = addon;
  return addon;
}
