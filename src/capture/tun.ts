// vcap as the program at the end of a TUN/TAP device: it creates (or attaches to) the device,
// addresses it and brings it up, then reads what the kernel sends to it in non-blocking batches.
// A device vcap created disappears when its fd is closed, at exit at the latest.
import { readFileSync } from 'node:fs';
import { isIPv4, isIPv6 } from 'node:net';
import type { Batch, CaptureStats } from './batch.js';
import type { FilterProgram } from '../filter/index.js';
import type { NativeAddon } from './native.js';
import { SourceRun } from './run.js';
import { SyscallError, VcapError } from '../errors.js';
import { LinkType } from '../decoders/link-type.js';

export interface TunOptions {
  /** Device name ('' lets the kernel choose tunN/tapN). */
  name: string;
  tap: boolean;
  /** --addr CIDR: IPv4 or IPv6 address with prefix length. */
  addr?: string | undefined;
  snaplen: number;
  multiQueue?: boolean;
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
  readonly bytes = new Uint8Array(BUFFER_BYTES);
  constructor(readonly linkType: number) {}
}

export class TunSource {
  readonly name: string;
  readonly linkType: number;
  readonly snaplen: number;
  /** True when vcap created the device (it goes away when vcap closes it). */
  readonly created: boolean;
  readonly #n: NativeAddon;
  #h: number;
  readonly #batch: TunBatch;
  #filter: FilterProgram | undefined;
  #received = 0;
  readonly #txDropped0: number;
  #closed = false;
  #stopped = false;
  readonly #run = new SourceRun(() => this.#shutdown());
  #inConsume = false;

  private constructor(n: NativeAddon, h: number, name: string, created: boolean, opts: TunOptions) {
    this.#n = n;
    this.#h = h;
    this.name = name;
    this.created = created;
    this.linkType = opts.tap ? LinkType.EN10MB : LinkType.RAW;
    this.snaplen = opts.snaplen;
    this.#batch = new TunBatch(this.linkType);
    this.#txDropped0 = this.#txDropped();
  }

  static open(n: NativeAddon, opts: TunOptions): TunSource {
    const cidr = opts.addr === undefined ? undefined : parseCidr(opts.addr);
    let opened: [number, string, boolean];
    try {
      opened = n.tunOpen(opts.name, opts.tap, opts.multiQueue ?? false);
    } catch (e) {
      // EBUSY: another program holds the device; EINVAL: it exists as the other kind (tun vs tap).
      if (e instanceof SyscallError && e.code === 'EBUSY')
        throw new VcapError(`${opts.name}: the device is in use by another program (capture it with -i ${opts.name})`, 'EBUSY', { cause: e });
      if (e instanceof SyscallError && e.code === 'EINVAL' && opts.name !== '')
        throw new VcapError(`${opts.name}: the device exists and is not a ${opts.multiQueue ? 'multi-queue' : 'single-queue'} ${opts.tap ? 'TAP' : 'TUN'} device`, 'EINVAL', { cause: e });
      throw e;
    }
    const [h, name, created] = opened;
    try {
      if (cidr) n.ifAddr(name, cidr.family, cidr.bytes, cidr.prefix);
      n.ifUp(name);
      return new TunSource(n, h, name, created, opts);
    } catch (e) {
      n.close(h);
      throw e;
    }
  }

  /** What the device's queue dropped because nobody read fast enough (the kernel's tx_dropped). */
  #txDropped(): number {
    try {
      return Number(readFileSync(`/sys/class/net/${this.name}/statistics/tx_dropped`, 'latin1'));
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
          throw this.#n.ifIndex(this.name) === 0
            ? new VcapError(`${this.name}: The interface disappeared`, 'ENODEV')
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
    const got = this.#n.tunRead(this.#h, b.bytes, b.offset, b.capLen, b.sec, b.nsec, MAX_FRAME);
    this.#received += got;
    const snaplen = this.snaplen, filter = this.#filter;
    let n = 0;
    for (let i = 0; i < got; i++) {
      const len = b.capLen[i]!;
      const cap = len > snaplen ? snaplen : len;
      if (filter !== undefined && !filter.matches(b.bytes, b.offset[i]!, cap, len)) continue;
      b.offset[n] = b.offset[i]!;
      b.origLen[n] = len;
      b.capLen[n] = cap;
      b.sec[n] = b.sec[i]!;
      b.nsec[n] = b.nsec[i]!;
      n++;
    }
    b.count = n;
    return got;
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
  }

  #lastStats: CaptureStats | undefined;
}
