// vcap as the program at the end of a TUN/TAP device: it creates (or attaches to) the device,
// addresses it and brings it up, then reads what the kernel sends to it in non-blocking batches.
// A device vcap created disappears when its fd is closed, at exit at the latest.
import { isIPv4, isIPv6 } from 'node:net';
import type { Batch, CaptureStats } from './batch.js';
import type { FilterProgram } from '../filter/index.js';
import type { NativeAddon } from './native.js';
import { SourceRun } from './run.js';
import { SyscallError, VcapError } from '../errors.js';
import { LinkType } from '../decoders/link-type.js';
import { formatInterfaceSpec } from './interface-spec.js';
import { TunResponder } from './tun-responder.js';
import type { DeviceAddress } from './tun-responder.js';
import { NetworkNamespace, withinNetns } from '../netns/network-namespace.js';
import { NamespaceLinks } from '../netinfo/namespace-links.js';

export interface TunOptions {
  /** Device name ('' lets the kernel choose tunN/tapN). */
  name: string;
  tap: boolean;
  /** --addr CIDR: IPv4 or IPv6 address with prefix length; several: one IPv4 and any IPv6 ones. */
  addr?: string | readonly string[] | undefined;
  snaplen: number;
  multiQueue?: boolean;
  /**
   * Answer for the hosts of the device's subnets: ICMP and ICMPv6 echo, and on TAP ARP and
   * neighbour solicitations (see tun-responder.ts). The replies are written into the device and
   * delivered by run() after the request, as a capture on the device would show them.
   */
  reply?: boolean;
  /**
   * The network namespace (NAME, PID or PATH) to create the device in: the device, its address
   * and its routes are there, vcap stays where it is. Needs CAP_SYS_ADMIN.
   */
  netns?: string | undefined;
}

/** Largest frame a TUN/TAP read returns: 64 KiB of IP plus an Ethernet header with room to spare. */
const MAX_FRAME = 65536 + 64;
const BUFFER_BYTES = 2 * 1024 * 1024;
const MAX_FRAMES = 1024;
/** Reads per readable event before yielding to the event loop, so a flood cannot starve signals. */
const MAX_BATCHES_PER_EVENT = 16;

/** `172.21.22.23/24` or `fd00::1/64` → family, bytes, prefix; a VcapError names anything else. */
export function parseCidr(text: string): { family: 4 | 6; bytes: Uint8Array; prefix: number } {
  const slash = text.indexOf('/');
  const addr = slash < 0 ? text : text.slice(0, slash);
  const prefixText = slash < 0 ? undefined : text.slice(slash + 1);
  const bad = (): VcapError => new VcapError(`invalid address '${text}': expected ADDRESS/PREFIX, like 172.21.22.23/24`, 'EINVAL');
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) throw bad();
  if (isIPv4(addr)) {
    const prefix = prefixText === undefined ? 32 : Number(prefixText);
    if (prefix > 32) throw bad();
    return { family: 4, bytes: Uint8Array.from(addr.split('.').map(Number)), prefix };
  }
  if (isIPv6(addr)) {
    const prefix = prefixText === undefined ? 128 : Number(prefixText);
    if (prefix > 128) throw bad();
    let a = addr;
    const v4 = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(a);
    if (v4) {
      const q = v4[2]!.split('.').map(Number);
      a = `${v4[1]}${((q[0]! << 8) | q[1]!).toString(16)}:${((q[2]! << 8) | q[3]!).toString(16)}`;
    }
    const parts = a.split('::');
    const h = parts[0] ? parts[0].split(':') : [];
    const r = parts.length > 1 && parts[1] ? parts[1].split(':') : [];
    const all = (parts.length > 1 ? [...h, ...new Array<string>(8 - h.length - r.length).fill('0'), ...r] : h).map((w) => parseInt(w, 16));
    const bytes = new Uint8Array(16);
    all.forEach((w, i) => { bytes[2 * i] = w >> 8; bytes[2 * i + 1] = w & 0xff; });
    return { family: 6, bytes, prefix };
  }
  throw bad();
}

class TunBatch implements Batch {
  count = 0;
  readonly offset = new Uint32Array(MAX_FRAMES);
  readonly capLen = new Uint32Array(MAX_FRAMES);
  readonly origLen = new Uint32Array(MAX_FRAMES);
  readonly sec = new Float64Array(MAX_FRAMES);
  readonly nsec = new Uint32Array(MAX_FRAMES);
  readonly bytes: Uint8Array;
  // What one read burst fills; the frames then go to the columns above, through the filter.
  // Answering, a burst reads into the first half of the bytes and half as many frames, so each
  // reply (at most 8 bytes longer than its request) fits in the second half, after its request.
  readonly area: Uint8Array;
  readonly readOffset: Uint32Array;
  readonly readLen: Uint32Array;
  readonly readSec: Float64Array;
  readonly readNsec: Uint32Array;
  /** First byte of the replies (answering only). */
  readonly replyStart: number;
  constructor(readonly linkType: number, answering: boolean) {
    const frames = answering ? MAX_FRAMES / 2 : MAX_FRAMES;
    this.bytes = new Uint8Array(answering ? BUFFER_BYTES + MAX_FRAME : BUFFER_BYTES);
    this.replyStart = answering ? BUFFER_BYTES / 2 : BUFFER_BYTES;
    this.area = this.bytes.subarray(0, this.replyStart);
    this.readOffset = new Uint32Array(frames);
    this.readLen = new Uint32Array(frames);
    this.readSec = new Float64Array(frames);
    this.readNsec = new Uint32Array(frames);
  }
}

/** The device's addresses: those vcap gave it and what the kernel reports for it now (asked in its namespace). */
function deviceAddresses(name: string, given: readonly DeviceAddress[], links: NamespaceLinks): DeviceAddress[] {
  const list = [...given];
  const index = links.byName(name)?.index;
  for (const a of index === undefined ? [] : links.addresses(index)) {
    try { list.push(parseCidr(`${a.address}/${a.prefixLength}`)); } catch { /* a form parseCidr does not take: not one we answer for */ }
  }
  return list;
}

/** The wall clock with sub-millisecond digits, for the replies vcap writes (requests carry the kernel's). */
function now(): [number, number] {
  const ms = performance.timeOrigin + performance.now();
  const sec = Math.floor(ms / 1000);
  return [sec, Math.min(999999999, Math.round((ms - sec * 1000) * 1e6))];
}

export class TunSource {
  readonly name: string;
  /** The namespace the device is in, as the user named it; undefined: vcap's own. */
  readonly netns: string | undefined;
  readonly linkType: number;
  readonly snaplen: number;
  /** True when vcap created the device (it goes away when vcap closes it). */
  readonly created: boolean;
  readonly #n: NativeAddon;
  #h: number;
  /** The device's namespace, asked through a socket made there at open (no setns later: -Z may drop the right). */
  readonly #links: NamespaceLinks;
  readonly #batch: TunBatch;
  #filter: FilterProgram | undefined;
  #received = 0;
  readonly #txDropped0: number;
  #closed = false;
  #stopped = false;
  readonly #run = new SourceRun(() => this.#shutdown());
  #inConsume = false;

  readonly #responder: TunResponder | undefined;

  private constructor(n: NativeAddon, h: number, name: string, created: boolean, opts: TunOptions, addrs: DeviceAddress[], links: NamespaceLinks, netns: string | undefined) {
    this.#n = n;
    this.#h = h;
    this.#links = links;
    this.name = name;
    this.netns = netns;
    this.created = created;
    this.linkType = opts.tap ? LinkType.EN10MB : LinkType.RAW;
    this.snaplen = opts.snaplen;
    this.#batch = new TunBatch(this.linkType, opts.reply === true);
    if (opts.reply) this.#responder = new TunResponder(opts.tap, () => deviceAddresses(name, addrs, links));
    this.#txDropped0 = this.#txDropped();
  }

  /** The hosts vcap answered for (--reply): replies written, by kind; undefined without reply. */
  get answered(): Readonly<TunResponder['answered']> | undefined { return this.#responder?.answered; }

  static open(n: NativeAddon, opts: TunOptions): TunSource {
    const addrs = (opts.addr === undefined ? [] : typeof opts.addr === 'string' ? [opts.addr] : opts.addr).map(parseCidr);
    // SIOCSIFADDR sets the one IPv4 address of a device (a second call replaces it); IPv6 ones add up.
    if (addrs.filter((a) => a.family === 4).length > 1)
      throw new VcapError('--addr: one IPv4 address per device (IPv6 addresses may be added besides it)', 'EINVAL');
    const ns = opts.netns === undefined ? undefined : NetworkNamespace.open(opts.netns);
    try {
      // /dev/net/tun opened inside the namespace makes the device there; the addresses and the
      // link state are set through sockets made there too.
      const [h, name, created] = withinNetns(ns, () => TunSource.#openDevice(n, opts));
      try {
        withinNetns(ns, () => {
          for (const a of addrs) n.ifAddr(name, a.family, a.bytes, a.prefix);
          n.ifUp(name);
        });
        const links = NamespaceLinks.open(ns);
        try {
          return new TunSource(n, h, name, created, opts, addrs, links, ns?.ref);
        } catch (e) {
          links.close();
          throw e;
        }
      } catch (e) {
        n.close(h);
        throw e;
      }
    } finally {
      ns?.close();
    }
  }

  static #openDevice(n: NativeAddon, opts: TunOptions): [number, string, boolean] {
    try {
      return n.tunOpen(opts.name, opts.tap, opts.multiQueue ?? false);
    } catch (e) {
      // EBUSY: another program holds the device; EINVAL: it exists as the other kind (tun vs tap).
      if (e instanceof SyscallError && e.code === 'EBUSY')
        throw new VcapError(`${opts.name}: the device is in use by another program (capture it with -i ${opts.name})`, 'EBUSY', { cause: e });
      if (e instanceof SyscallError && (e.code === 'EPERM' || e.code === 'EACCES'))
        throw new VcapError(`${opts.name || 'tun'}: You don't have permission to create or attach to a ${opts.tap ? 'TAP' : 'TUN'} device (${e.message}: this needs CAP_NET_ADMIN)`, e.code, { cause: e });
      if (e instanceof SyscallError && e.code === 'EINVAL' && opts.name !== '')
        throw new VcapError(`${opts.name}: the device exists and is not a ${opts.multiQueue ? 'multi-queue' : 'single-queue'} ${opts.tap ? 'TAP' : 'TUN'} device`, 'EINVAL', { cause: e });
      throw e;
    }
  }

  /** What the device's queue dropped because nobody read fast enough (the kernel's tx_dropped). */
  #txDropped(): number {
    try {
      // Netlink, in the device's namespace: /sys shows vcap's own.
      return this.#links.byName(this.name)?.counters?.txDropped ?? 0;
    } catch {
      return 0;
    }
  }

  run(consume: (batch: Batch) => void): Promise<void> {
    if (this.#closed) return Promise.resolve();
    const done = this.#run.start(consume);
    const onEvent = (status: number): void => {
      try {
        // The fd fails when someone deletes the device under us (`ip link del`).
        if (status < 0) {
          throw this.#links.byName(this.name) === undefined
            ? new VcapError(`${formatInterfaceSpec(this)}: The interface disappeared`, 'ENODEV')
            : new VcapError(`${this.name}: the device failed (poll error)`, 'EIO');
        }
        this.#inConsume = true;
        try {
          for (let i = 0; i < MAX_BATCHES_PER_EVENT && !this.#stopped; i++) {
            if (this.#read() === 0) break;
            if (this.#batch.count > 0) consume(this.#batch);
          }
        } finally {
          this.#inConsume = false;
        }
        if (this.#stopped) this.#run.finish();
      } catch (e) {
        this.#run.finish(e);
      }
    };
    try {
      this.#n.watch(this.#h, onEvent);
    } catch (e) {
      this.#run.finish(e);
    }
    return done;
  }

  /** One non-blocking batch read; returns the frames read (before filtering), 0 when none were waiting. */
  #read(): number {
    const b = this.#batch;
    const got = this.#n.tunRead(this.#h, b.area, b.readOffset, b.readLen, b.readSec, b.readNsec, MAX_FRAME);
    this.#received += got;
    const responder = this.#responder;
    let n = 0, replyAt = b.replyStart;
    for (let i = 0; i < got; i++) {
      const off = b.readOffset[i]!, len = b.readLen[i]!;
      if (this.#keep(b, n, off, len, b.readSec[i]!, b.readNsec[i]!)) n++;
      if (responder === undefined) continue;
      // The reply follows its request, as on the wire: answered before the next frame is looked at.
      const r = responder.answer(b.bytes, off, len, b.bytes, replyAt);
      if (r === 0 || this.#n.tunWrite(this.#h, b.bytes.subarray(replyAt, replyAt + r)) === 0) continue;
      this.#received++;
      let [sec, nsec] = now();
      if (sec < b.readSec[i]! || (sec === b.readSec[i]! && nsec < b.readNsec[i]!)) { sec = b.readSec[i]!; nsec = b.readNsec[i]!; }
      if (this.#keep(b, n, replyAt, r, sec, nsec)) n++;
      replyAt += (r + 7) & ~7;
    }
    b.count = n;
    return got;
  }

  /** Frame bytes[off, off+len) becomes frame n of the batch if the filter takes it (cut to the snapshot length). */
  #keep(b: TunBatch, n: number, off: number, len: number, sec: number, nsec: number): boolean {
    const cap = len > this.snaplen ? this.snaplen : len;
    if (this.#filter !== undefined && !this.#filter.matches(b.bytes, off, cap, len)) return false;
    b.offset[n] = off;
    b.origLen[n] = len;
    b.capLen[n] = cap;
    b.sec[n] = sec;
    b.nsec[n] = nsec;
    return true;
  }

  /** Send a frame into the kernel as if it came from the device (IP packet for TUN, Ethernet frame for TAP). */
  write(frame: Uint8Array): number {
    if (this.#closed) throw new VcapError(`${this.name}: the device is closed`, 'EBADF');
    return this.#n.tunWrite(this.#h, frame);
  }

  stop(): void {
    // A signal: frames already queued on the device arrived before it; deliver them first.
    const consume = this.#run.consume;
    if (consume !== undefined && !this.#inConsume && !this.#stopped && !this.#closed) {
      this.#inConsume = true;
      try {
        for (let i = 0; i < MAX_BATCHES_PER_EVENT && !this.#stopped && this.#read() > 0; i++)
          if (this.#batch.count > 0) consume(this.#batch);
      } catch (e) {
        this.#stopped = true;
        this.#inConsume = false;
        this.#run.finish(e);
        return;
      }
      this.#inConsume = false;
    }
    this.#stopped = true;
    this.#run.finish();
  }

  stats(): CaptureStats {
    if (this.#lastStats) return this.#lastStats;
    const dropped = this.#txDropped() - this.#txDropped0;
    return { received: this.#received + dropped, dropped };
  }

  /**
   * The frames are vcap's own reads, so the program runs here: a kernel filter on the TUN fd
   * (TUNATTACHFILTER) would make the device drop the frames it rejects.
   */
  setFilter(program: FilterProgram): void {
    this.#filter = program;
  }

  close(): void {
    this.stop();
  }

  #shutdown(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#lastStats = this.stats();
    this.#n.close(this.#h);
    this.#h = -1;
    this.#links.close();
  }

  #lastStats: CaptureStats | undefined;
}
