// Live capture from an AF_PACKET socket with a TPACKET_V3 ring, put together from the addon's
// small steps: open, ring, bind, promiscuous, poll, walk, release, statistics, kernel filter.
import type { Batch, CaptureStats } from './batch.js';
import type { FilterProgram } from '../filter/index.js';
import type { NativeAddon } from './native.js';
import type { CookedHeader } from './ring.js';
import { RingWalker, ringReserve } from './ring.js';
import type { CaptureInterface } from './capture-interface.js';
import { counterDelta, deviceCounters } from './interfaces.js';
import type { DeviceCounters } from './interfaces.js';
import { SourceRun } from './run.js';
import { getSystemErrorMap } from 'node:util';
import { readFileSync } from 'node:fs';
import { SyscallError, VcapError } from '../errors.js';
import { LinkType } from '../decoders/link-type.js';
import { formatInterfaceSpec } from './interface-spec.js';
import { decodeInsns } from '../filter/bpf.js';
import { validateProgram } from '../filter/interpreter.js';
import type { NamespaceLinks } from '../netinfo/namespace-links.js';

export interface AfPacketOptions {
  /** Interface name as the user gave it ('any' for all). */
  name: string;
  /** 0 for 'any'. */
  ifindex: number;
  linkType: number;
  cooked: CookedHeader;
  snaplen: number;
  /** Ring size in bytes. */
  bufferBytes: number;
  promiscuous: boolean;
  direction: 'in' | 'out' | 'inout';
  immediate: boolean;
  /**
   * Outside immediate mode, how long the kernel may keep a part-filled block before handing it
   * over (libpcap's packet buffer timeout). Frames still in that block at stop() are read anyway.
   */
  timeoutMs: number;
  /** ifindex of `lo` in this namespace (0 if none). */
  loIfindex: number;
  /** The namespace the socket was made in, as the user named it, when not vcap's own. */
  netns?: string | undefined;
  /** That namespace's devices (a netlink socket made there), for later looks; the source closes it. */
  links?: NamespaceLinks | undefined;
}

/** Block retire timeout in immediate mode: each frame reaches a terminal at once. */
const RETIRE_IMMEDIATE_MS = 1;
const ENETDOWN = 100;
const IFF_UP = 0x1;
/** While an interface is down, how often to look whether it was deleted (libpcap polls too). */
const NETDOWN_CHECK_MS = 20;

// BPF opcodes used when adapting a program to a cooked (SOCK_DGRAM) socket.
const BPF_LD = 0x00, BPF_LDX = 0x01, BPF_ABS = 0x20, BPF_IND = 0x40, BPF_MSH = 0xa0;
const SKF_AD_OFF = -0x1000, SKF_AD_PROTOCOL = 0, SKF_AD_PKTTYPE = 4, SKF_AD_IFINDEX = 8;
const REJECT_ALL = new Uint8Array([0x06, 0, 0, 0, 0, 0, 0, 0]); // ret #0

/**
 * A SOCK_DGRAM socket hands the kernel filter the frame without its cooked header: loads from the
 * header become the kernel's ancillary loads, the others move back by the header length (libpcap's
 * fix_offset). Undefined when some load cannot be expressed, so the caller filters in user space.
 */
export function fixCookedProgram(insns: Uint8Array, cooked: 'sll' | 'sll2'): Uint8Array | undefined {
  const out = insns.slice();
  const dv = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const hdr = cooked === 'sll2' ? 20 : 16;
  for (let at = 0; at + 8 <= out.length; at += 8) {
    const code = dv.getUint16(at, true);
    const cls = code & 0x07, mode = code & 0xe0;
    if ((cls !== BPF_LD && cls !== BPF_LDX) || (mode !== BPF_ABS && mode !== BPF_IND && mode !== BPF_MSH)) continue;
    const k = dv.getUint32(at + 4, true);
    if (k >= (SKF_AD_OFF >>> 0)) continue;
    let nk: number;
    if (k >= hdr) nk = k - hdr;
    else if (cooked === 'sll2' && k === 0) nk = SKF_AD_OFF + SKF_AD_PROTOCOL;
    else if (cooked === 'sll2' && k === 4) nk = SKF_AD_OFF + SKF_AD_IFINDEX;
    else if (cooked === 'sll2' && k === 10) nk = SKF_AD_OFF + SKF_AD_PKTTYPE;
    else if (cooked === 'sll' && k === 0) nk = SKF_AD_OFF + SKF_AD_PKTTYPE;
    else if (cooked === 'sll' && k === 14) nk = SKF_AD_OFF + SKF_AD_PROTOCOL;
    else if ((k | 0) > 0) return undefined;
    else continue;
    dv.setUint32(at + 4, nk >>> 0, true);
  }
  return out;
}

function nextPow2(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/** The kernel wakes the reader once per block it hands over: in a flood, one wakeup per MiB of ring. */
const MAX_BLOCK = 1 << 20;
/** A ring is cut into at least this many blocks when its size allows (libpcap's default 2 MiB makes eight). */
const RING_BLOCKS = 8;
/** Fewer blocks than this the kernel cannot keep filling while user space reads one. */
const MIN_BLOCKS = 4;
/** Immediate mode: a second's worth of millisecond blocks is enough; a bigger ring gets bigger blocks. */
const MAX_IMMEDIATE_BLOCKS = 1024;

/**
 * Block size and count for a ring of about `bytes`, as the kernel should fill it. The kernel fills
 * blocks in ring order and drops frames once the next block is still user space's, so what a
 * stall of the reader can cost is bounded by the ring less the block being read: the more blocks,
 * the less of the ring is out of the kernel's reach. Each block holds the largest frame (up to
 * 256 KiB; the kernel cuts longer ones).
 *
 * With a packet buffer timeout of `retireMs`, blocks are 1/8 of the ring, at most 1 MiB: the
 * kernel wakes the reader once per block filled, and a wakeup of a Node process costs more than
 * reading thousands of frames, so blocks stay large. In immediate mode (`retireMs` ≤ 1) a block is
 * handed over within a millisecond of its first frame, and the kernel retires the block it is
 * filling on a periodic timer (Linux 6.18), however little it holds: blocks are then as small as
 * a frame allows (up to 1024 of them), so that the ring holds as many milliseconds as it has blocks.
 */
export function ringGeometry(snaplen: number, bytes: number, retireMs: number): { blockSize: number; blockCount: number } {
  const frame = Math.min(Math.max(nextPow2(snaplen + 512), 64 * 1024), 256 * 1024);
  let blockSize = frame;
  if (retireMs > RETIRE_IMMEDIATE_MS) {
    while (blockSize * 2 <= Math.min(bytes / RING_BLOCKS, MAX_BLOCK)) blockSize *= 2;
  } else {
    while (bytes / blockSize > MAX_IMMEDIATE_BLOCKS) blockSize *= 2;
  }
  const blockCount = Math.max(MIN_BLOCKS, Math.floor(bytes / blockSize));
  return { blockSize, blockCount };
}

/**
 * The most ring vcap asks for: under the kernel's cap (the ring's size must fit 32 bits) and half of
 * the memory the machine has free now, so an absurd -B cannot take the memory everything else needs.
 */
export function maxRingBytes(meminfo?: string): number {
  let available = Infinity;
  try {
    // VCAP_TEST_MEMINFO: a test shows vcap a smaller machine than it runs on.
    const m = /^MemAvailable:\s+(\d+) kB/m.exec(meminfo ?? readFileSync(process.env['VCAP_TEST_MEMINFO'] || '/proc/meminfo', 'latin1'));
    if (m) available = Number(m[1]) * 1024;
  } catch { /* no /proc: only the kernel's cap */ }
  return Math.max(MIN_RING_BYTES, Math.min(KERNEL_RING_MAX, Math.floor(available / 2)));
}

const KERNEL_RING_MAX = 4 * 1024 * 1024 * 1024 - 1024 * 1024;
const MIN_RING_BYTES = 256 * 1024;

/**
 * PACKET_RX_RING as libpcap sets it up: a ring the kernel cannot allocate (ENOMEM) is asked for
 * again 5% smaller, down to four blocks. vcap also says so (libpcap is silent), as it does when -B
 * asks for more than maxRingBytes().
 */
function openRing(n: NativeAddon, h: number, opts: AfPacketOptions): { ring: ArrayBuffer; blockSize: number; blockCount: number } {
  const retire = opts.immediate ? RETIRE_IMMEDIATE_MS : opts.timeoutMs;
  const limit = maxRingBytes();
  let bytes = Math.min(opts.bufferBytes, limit);
  let why = bytes < opts.bufferBytes ? `at most half the free memory, ${Math.floor(limit / 1024)} KiB` : '';
  for (;;) {
    const { blockSize, blockCount } = ringGeometry(opts.snaplen, bytes, retire);
    try {
      const ring = n.packetRing(h, ringReserve(opts.cooked), blockSize, blockCount, retire);
      if (why !== '') {
        process.emitWarning(`buffer size ${Math.floor(opts.bufferBytes / 1024)} KiB is more than the kernel gives (${why}): using a ring of ${(blockSize * blockCount) / 1024} KiB`);
      }
      return { ring, blockSize, blockCount };
    } catch (e) {
      if (!(e instanceof SyscallError && e.code === 'ENOMEM') || blockCount <= MIN_BLOCKS) throw e;
      bytes -= Math.max(blockSize, Math.floor(bytes / 20));
      why = 'it could not allocate more';
    }
  }
}

export class AfPacketSource {
  readonly name: string;
  /** The namespace as the user named it; undefined: vcap's own. */
  readonly netns: string | undefined;
  readonly linkType: number;
  readonly snaplen: number;
  /** The interface its batches come from (if_name is the device name as given). */
  readonly iface: CaptureInterface;
  readonly #n: NativeAddon;
  readonly #opts: AfPacketOptions;
  #h: number;
  readonly #walker: RingWalker;
  readonly #blockCount: number;
  #received = 0;
  #dropped = 0;
  /** Drops read from the kernel that no batch has reported yet (a reading may come from stats() or caughtUp()). */
  #unreported = 0;
  #closed = false;
  readonly #run = new SourceRun(() => this.#shutdown());
  #downTimer: NodeJS.Timeout | undefined;
  #onEvent: ((status: number) => void) | undefined;
  #draining = false;
  readonly #startMs = Date.now();
  #endMs: number | undefined;
  /** The device's own counters when the capture opened, and at close. */
  readonly #counters0: Map<string, DeviceCounters> | undefined;
  #counters1: Map<string, DeviceCounters> | undefined;

  private constructor(n: NativeAddon, h: number, ring: ArrayBuffer, opts: AfPacketOptions, blockSize: number, blockCount: number) {
    this.#n = n;
    this.#h = h;
    this.#opts = opts;
    this.name = opts.name;
    this.netns = opts.netns;
    this.linkType = opts.linkType;
    this.snaplen = opts.snaplen;
    this.iface = { linkType: opts.linkType, snaplen: opts.snaplen, name: opts.name };
    this.#blockCount = blockCount;
    this.#counters0 = deviceCounters(opts.name);
    this.#walker = new RingWalker(n, h, ring, {
      linkType: opts.linkType, snaplen: opts.snaplen, blockSize, blockCount, cooked: opts.cooked,
      vlanOffset: opts.linkType === LinkType.EN10MB ? 12 : opts.linkType === LinkType.LINUX_SLL ? 14 : -1,
      direction: opts.direction, loIfindex: opts.loIfindex, iface: this.iface,
      readDrops: (losing) => {
        if (losing) this.#readStats();
        const d = this.#unreported;
        this.#unreported = 0;
        return d;
      },
    });
  }

  /** Socket, ring, bind, promiscuous mode; any failure closes what was opened and throws a SyscallError. */
  static open(n: NativeAddon, opts: AfPacketOptions): AfPacketSource {
    let h: number;
    try {
      h = n.packetOpen(opts.cooked !== 'none');
    } catch (e) {
      // libpcap's PCAP_ERROR_PERM_DENIED wording, naming the capability the kernel checked.
      if (e instanceof SyscallError && (e.code === 'EPERM' || e.code === 'EACCES'))
        throw new VcapError(`${opts.name}: You don't have permission to perform this capture on that device (${e.message}: capturing needs CAP_NET_RAW)`, e.code, { cause: e });
      throw e;
    }
    try {
      const { ring, blockSize, blockCount } = openRing(n, h, opts);
      try {
        n.packetBind(h, opts.ifindex);
      } catch (e) {
        // tcpdump's wording for a device that exists but is down (libpcap's PCAP_ERROR_IFACE_NOT_UP).
        if (e instanceof SyscallError && e.code === 'ENETDOWN') throw new VcapError(`${opts.name}: That device is not up`, 'ENETDOWN');
        throw e;
      }
      if (opts.promiscuous && opts.ifindex !== 0) n.packetPromisc(h, opts.ifindex);
      return new AfPacketSource(n, h, ring, opts, blockSize, blockCount);
    } catch (e) {
      n.close(h);
      throw e;
    }
  }

  run(consume: (batch: Batch) => void): Promise<void> {
    if (this.#closed) return Promise.resolve();
    const done = this.#run.start(consume);
    const onEvent = this.#onEvent = (status: number): void => {
      try {
        this.#draining = true;
        try {
          // One ring's worth at most: libuv polls again at once if more is ready.
          this.#walker.drain(consume, this.#blockCount);
        } finally {
          this.#draining = false;
        }
        if (this.#walker.stopped) { this.#run.finish(); return; }
        if (status < 0) this.#onSocketError();
      } catch (e) {
        this.#run.finish(e);
      }
    };
    try {
      this.#n.watch(this.#h, onEvent);
      // Blocks may have filled between open() and run().
      onEvent(0);
    } catch (e) {
      this.#run.finish(e);
    }
    return done;
  }

  /** The socket reported an error (libuv stopped polling it): the interface went down or away. */
  #onSocketError(): void {
    const err = this.#n.socketError(this.#h);
    if (err !== 0 && err !== ENETDOWN) {
      const text = getSystemErrorMap().get(-err)?.[1] ?? `errno ${err}`;
      this.#run.finish(new SyscallError('poll', err, text));
      return;
    }
    // Down is not fatal (capture resumes when it comes back up); deleted is. Deletion takes the
    // device down first and unlists it a moment later, so keep looking while it is down.
    if (this.#onEvent) this.#n.watch(this.#h, this.#onEvent);
    this.#watchDown();
  }

  /** The interface's name in the capture's namespace (for `-i any` lines there). */
  interfaceName(ifindex: number): string | undefined {
    return this.#opts.links?.name(ifindex);
  }

  #watchDown(): void {
    if (this.#downTimer) return;
    const ifindex = this.#opts.ifindex;
    this.#downTimer = setInterval(() => {
      try {
        // In another namespace, its devices are asked through the socket made there (no setns: -Z may have dropped the right).
        const links = this.#opts.links;
        const link = links?.link(ifindex);
        if (links ? link === undefined : this.#n.ifName(ifindex) === undefined) {
          // What reached the ring before the device went is kept, as at a normal stop.
          this.#drainRest();
          this.#run.finish(new VcapError(`${formatInterfaceSpec(this)}: The interface disappeared`, 'ENODEV'));
          return;
        }
        const dev = links ? link : this.#n.interfaces().find((i) => i.index === ifindex);
        if (dev !== undefined && (dev.flags & IFF_UP) !== 0) {
          clearInterval(this.#downTimer);
          this.#downTimer = undefined;
        }
      } catch (e) {
        this.#run.finish(e);
      }
    }, NETDOWN_CHECK_MS);
  }

  stop(): void {
    // Called from inside the consumer (-c reached): the walker still has to release its block,
    // so the socket closes when the drain returns.
    if (this.#draining) { this.#walker.stop(); return; }
    // A signal: every frame that reached the ring before it is delivered, including those in the
    // block the kernel has not handed over yet (libpcap leaves them behind).
    try {
      this.#drainRest();
    } catch (e) {
      this.#walker.stop();
      this.#run.finish(e);
      return;
    }
    this.#walker.stop();
    this.#run.finish();
  }

  /** Stop frames arriving, then deliver what the ring holds, the block still being filled too. */
  #drainRest(): void {
    const consume = this.#run.consume;
    if (consume === undefined || this.#walker.stopped || this.#closed) return;
    this.#draining = true;
    try {
      if (this.#n.packetQuiesce(this.#h, this.#opts.ifindex)) this.#walker.drainOpen(consume);
      else this.#walker.drain(consume, this.#blockCount);
    } finally {
      this.#draining = false;
    }
  }

  stats(): CaptureStats {
    if (!this.#closed) this.#readStats();
    const st: CaptureStats = { received: this.#received, dropped: this.#dropped, delivered: this.#walker.delivered, startMs: this.#startMs, endMs: this.#endMs ?? Date.now() };
    const after = this.#counters1 ?? deviceCounters(this.name);
    if (this.#counters0 !== undefined && after !== undefined) {
      const d = counterDelta(this.#counters0, after, this.#opts.direction);
      st.ifRecv = d.packets;
      st.ifDrop = d.dropped;
    }
    return st;
  }

  /**
   * Whether every frame the kernel has put in the ring so far has been walked: its count of frames
   * (received minus dropped, read now) against the walk's. False while frames wait in a block the
   * kernel has not handed over; the multi-interface merge holds other interfaces' frames back
   * until it is true or those frames arrive.
   */
  caughtUp(): boolean {
    if (this.#closed) return true;
    this.#readStats();
    return this.#received - this.#dropped <= this.#walker.walked;
  }

  #readStats(): void {
    const [packets, drops] = this.#n.packetStats(this.#h);
    // The kernel's count includes the frames it dropped, as libpcap reports "received by filter".
    this.#received += packets;
    this.#dropped += drops;
    this.#unreported += drops;
  }

  /**
   * Attach a program in the kernel, as libpcap swaps filters: reject everything first, so no frame
   * the old filter let in is taken for one the new filter accepted; frames already in the ring are
   * filtered again here, for a whole ring's worth of blocks. A cooked socket gets the program
   * rewritten for it; one the kernel cannot run is run here instead, on every frame.
   */
  setFilter(program: FilterProgram): void {
    if (this.#closed) return;
    let insns = this.#opts.cooked === 'none' ? program.insns : fixCookedProgram(program.insns, this.#opts.cooked);
    if (insns !== undefined) {
      // Checked before the kernel sees it: a program that breaks the rules user space and the kernel
      // share is refused here, naming the instruction at fault.
      const decoded = decodeInsns(insns);
      validateProgram(decoded);
      try {
        validateProgram(decoded, { kernel: true });
      } catch (e) {
        // Only the kernel refuses it (over 4096 instructions, an ancillary load it does not know):
        // filter in user space, as libpcap falls back.
        process.emitWarning(`kernel filter not attached (${(e as Error).message}); filtering in user space`);
        insns = undefined;
      }
    }
    if (insns === undefined) {
      this.#n.detachFilter(this.#h);
      this.#walker.userFilter = program;
      this.#walker.userFilterBlocks = Infinity;
      return;
    }
    this.#n.attachFilter(this.#h, REJECT_ALL);
    this.#walker.userFilter = program;
    this.#walker.userFilterBlocks = this.#blockCount + 1;
    try {
      this.#n.attachFilter(this.#h, insns);
    } catch (e) {
      // libpcap's answer to a program the kernel refuses (too long, no memory): filter in user space.
      this.#n.detachFilter(this.#h);
      this.#walker.userFilterBlocks = Infinity;
      process.emitWarning(`kernel filter failed (${(e as Error).message}); filtering in user space`);
    }
  }

  /** Remove the kernel filter: every frame is delivered again. */
  clearFilter(): void {
    if (this.#closed) return;
    this.#n.detachFilter(this.#h);
    this.#walker.userFilter = undefined;
    this.#walker.userFilterBlocks = 0;
  }

  /** Close the socket and unmap the ring; safe to call more than once. */
  close(): void {
    this.stop();
  }

  #shutdown(): void {
    this.#onEvent = undefined;
    if (this.#downTimer) { clearInterval(this.#downTimer); this.#downTimer = undefined; }
    if (this.#closed) return;
    this.#closed = true;
    this.#endMs = Date.now();
    this.#counters1 = deviceCounters(this.name);
    try { this.#readStats(); } catch { /* the socket is going away; keep the counts we have */ }
    this.#n.close(this.#h);
    this.#h = -1;
    this.#opts.links?.close();
  }
}
