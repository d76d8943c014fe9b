// The optional libpcap backend (`--backend libpcap`): live capture through the npm package `cap`,
// a libpcap binding built by node-gyp against libpcap-dev. It is an optionalDependency: loaded only
// when this backend is asked for, and a clear error when it is not installed or did not build.
//
// What cap 0.2.x gives, and what it does not (so what this backend can and cannot do):
// - One 'packet' event per frame, `(nbytes, truncated)`, after libpcap copied the frame into the one
//   Buffer given to open(). No timestamp, no original length, no pcap_stats(), no way to set the
//   snapshot length (fixed at 65535), promiscuous mode (always on) or the direction; immediate mode
//   is always on (1 s read timeout otherwise), and setMinBytes() exists on Windows only.
// - So frames are copied from cap's buffer into a batch buffer and handed on in `Batch` columns,
//   like every other source: a batch is delivered when the event loop has finished the poll phase
//   in which libpcap read them (setImmediate), or earlier when it is full.
// - Timestamps are taken at delivery to JS: `process.hrtime.bigint()` (ns) anchored to `Date.now()`
//   once at open. Relative times have ns resolution but include libpcap's and the event loop's
//   latency; the absolute time is as good as Date.now() (ms). The kernel's own stamps are lost.
// - caplen: min(what libpcap captured, -s); origLen: what libpcap captured, which is the wire length
//   for every frame up to 65535 bytes. A larger frame (a GSO super-frame on veth or lo) arrives cut at
//   65535 and its original length is unknown: it is recorded as 65535.
// - The filter is the expression text, compiled and attached by libpcap itself (pcap_compile with
//   optimisation, the interface's netmask): vcap's compiler is not involved. -p and -Q cannot be
//   honoured and are refused.
// - The kernel's counters are out of reach: stats() says so (`unavailable`).
// - Errors: libpcap's message as a VcapError. When the capture socket fails (the interface is
//   deleted), cap asserts in its poll callback and the process aborts: nothing here can catch it.
import { createRequire } from 'node:module';
import type { Batch, CaptureStats } from './batch.js';
import type { FilterProgram } from '../filter/index.js';
import { VcapError } from '../errors.js';
import { SourceRun } from './run.js';
import { LinkType } from '../decoders/link-type.js';

/** The parts of cap's API this backend uses (lib/Cap.js and src/binding.cc of cap 0.2.1). */
export interface CapHandle {
  /** Returns the link type as cap names it ('ETHERNET', 'LINKTYPE_LINUX_SLL', 'RAW', 'NULL', …, or `Unknown linktype N`). */
  open(device: string, filter: string, bufSize: number, buffer: Buffer): string;
  close(): boolean;
  on(event: 'packet', listener: (nbytes: number, truncated: boolean) => void): this;
  removeAllListeners(event?: string): this;
  /** Windows (WinPcap) only. */
  setMinBytes?(bytes: number): void;
}
export interface CapDevice {
  name: string;
  description?: string;
  addresses: { addr?: string; netmask?: string }[];
  flags?: string;
}
export interface CapModule {
  Cap: {
    new (): CapHandle;
    findDevice(ip?: string): string | undefined;
    deviceList(): CapDevice[];
  };
}

/** The one line a user sees when cap is missing or failed to build. */
export const CAP_MISSING = "--backend libpcap needs the optional package 'cap' (npm install cap; needs libpcap-dev)";

const requireHere = createRequire(import.meta.url);
const loaded = new Map<string, CapModule>();

/**
 * Load cap (or, for a test, another module name): a VcapError with CAP_MISSING when it cannot be
 * required — not installed, its install script not run, or its .node file not loadable.
 */
export function loadCap(moduleName = 'cap'): CapModule {
  let m = loaded.get(moduleName);
  if (m !== undefined) return m;
  try {
    m = requireHere(moduleName) as CapModule;
  } catch (e) {
    throw new VcapError(CAP_MISSING, 'ENOTSUP', { cause: e });
  }
  if (typeof m?.Cap !== 'function' || typeof m.Cap.deviceList !== 'function') throw new VcapError(CAP_MISSING, 'ENOTSUP');
  loaded.set(moduleName, m);
  return m;
}

/** libpcap's dlt_to_linktype for the DLT values that differ from their LINKTYPE on Linux. */
const DLT_TO_LINKTYPE: Record<number, number> = { 11: 100, 12: 101, 14: 101, 15: 102, 16: 103, 19: 106 };

/** The LINKTYPE_* number for the link type string cap's open() returns. */
export function capLinkType(name: string): number {
  switch (name) {
    case 'ETHERNET': return LinkType.EN10MB;
    case 'LINKTYPE_LINUX_SLL': return LinkType.LINUX_SLL;
    case 'RAW': return LinkType.RAW;
    case 'NULL': return LinkType.NULL;
    case 'IEEE802_11_RADIO': return 127;
  }
  const m = /^Unknown linktype (\d+)$/.exec(name);
  if (m !== null) {
    const dlt = Number(m[1]);
    return DLT_TO_LINKTYPE[dlt] ?? dlt;
  }
  throw new VcapError(`libpcap backend: unexpected link type '${name}' from cap`, 'ELINKTYPE');
}

/** The snapshot length cap gives libpcap, whatever -s says. */
export const CAP_SNAPLEN = 65535;
/** Batch region: room for many small frames; a batch is handed on before a 64 KiB frame would not fit. */
const BATCH_BYTES = 1 << 20;
const BATCH_FRAMES = 4096;

export interface LibpcapOptions {
  /** -i NAME (undefined: cap's findDevice(); a number that is no device's name: that entry of the device list). */
  interface?: string | undefined;
  /** -s (0 = 262144); libpcap captures at most 65535 bytes a frame through cap. */
  snaplen: number;
  /** Kernel buffer (pcap_set_buffer_size), bytes. */
  bufferBytes: number;
  promiscuous: boolean;
  direction: 'in' | 'out' | 'inout';
  /** The filter expression text ('' = none), compiled by libpcap. */
  filter: string;
}

/** libpcap's messages carry no errno; pick the code the CLI's hints key on. */
function codeOf(message: string): string {
  if (/permission|not permitted/i.test(message)) return 'EPERM';
  if (/no such device/i.test(message)) return 'ENODEV';
  if (/not up/i.test(message)) return 'ENETDOWN';
  return 'EPCAP';
}

/** What pcap_activate() and pcap_setnonblock() say, as against pcap_compile()/pcap_setfilter(), which come after. */
const ACTIVATION_ERROR = /no such device|not up|permission|not permitted|socket:|ioctl|SIOC|mmap|bind:|setsockopt|Unable to set|buffer|monitor mode|not supported/i;

/** cap handles whose open() failed: never collected (see LibpcapSource.open). */
const failedHandles: CapHandle[] = [];

export class LibpcapSource {
  readonly name: string;
  readonly linkType: number;
  readonly snaplen: number;
  readonly #cap: CapHandle;
  /** The filter expression given to open(). */
  readonly #expression: string;
  /** cap copies each frame here (its snaplen's worth). */
  readonly #capBuf: Buffer;
  // The batch being filled.
  readonly #bytes: Uint8Array;
  readonly #offset = new Uint32Array(BATCH_FRAMES);
  readonly #capLen = new Uint32Array(BATCH_FRAMES);
  readonly #origLen = new Uint32Array(BATCH_FRAMES);
  readonly #sec = new Float64Array(BATCH_FRAMES);
  readonly #nsec = new Uint32Array(BATCH_FRAMES);
  readonly #batch: Batch;
  #count = 0;
  #used = 0;
  // Clock: ns since the epoch = #epochNs + (hrtime - #hr0).
  readonly #epochNs: bigint;
  readonly #hr0: bigint;
  #delivered = 0;
  /** Frames that arrived with no consumer and no room: before run(), or after a failure. */
  #lost = 0;
  readonly #run = new SourceRun(() => this.#shutdown());
  #immediate: NodeJS.Immediate | undefined;
  #delivering = false;
  #closed = false;

  private constructor(cap: CapHandle, name: string, linkType: number, snaplen: number, expression: string, capBuf: Buffer) {
    this.#cap = cap;
    this.name = name;
    this.linkType = linkType;
    this.snaplen = snaplen;
    this.#expression = expression;
    this.#capBuf = capBuf;
    this.#bytes = new Uint8Array(BATCH_BYTES + CAP_SNAPLEN);
    const self = this;
    this.#batch = {
      linkType,
      get count() { return self.#count; },
      bytes: this.#bytes, offset: this.#offset, capLen: this.#capLen, origLen: this.#origLen, sec: this.#sec, nsec: this.#nsec,
    };
    this.#epochNs = BigInt(Date.now()) * 1_000_000n;
    this.#hr0 = process.hrtime.bigint();
  }

  /** Pick the device, open it through cap with the filter, listen. Throws a VcapError. */
  static open(mod: CapModule, opts: LibpcapOptions): LibpcapSource {
    if (!opts.promiscuous)
      throw new VcapError('--backend libpcap cannot honour -p: cap always opens the interface in promiscuous mode', 'ENOTSUP');
    // libpcap's pcap_setdirection() is not in cap. The filter's `inbound`/`outbound` are no substitute:
    // libpcap runs the filter in user space on the ring block in use when it attaches it, where those
    // qualifiers' metadata loads fail, so the first frames are rejected (tcpdump `inbound` loses them too).
    if (opts.direction !== 'inout')
      throw new VcapError('--backend libpcap cannot honour -Q: cap has no pcap_setdirection', 'ENOTSUP');
    const { Cap } = mod;
    let devices: CapDevice[];
    try {
      devices = Cap.deviceList();
    } catch (e) {
      throw new VcapError((e as Error).message, codeOf((e as Error).message));
    }
    let name = opts.interface;
    if (name === undefined) {
      name = Cap.findDevice();
      if (name === undefined) throw new VcapError('no suitable device found', 'ENODEV');
    } else if (!devices.some((d) => d.name === name)) {
      // tcpdump's -i N: the Nth device of libpcap's list. Otherwise libpcap would try to open a device
      // that does not exist, after cap has printed a pcap_lookupnet warning about it.
      const entry = /^\d+$/.test(name) ? devices[Number(name) - 1] : undefined;
      if (entry === undefined) {
        if (/^\d+$/.test(name)) throw new VcapError(`Invalid adapter index ${name}`, 'ENODEV');
        throw new VcapError(`${name}: No such device exists`, 'ENODEV');
      }
      name = entry.name;
    }
    const requested = opts.snaplen === 0 ? 262144 : opts.snaplen;
    const snaplen = Math.min(requested, CAP_SNAPLEN);
    const filter = opts.filter;
    const cap = new Cap();
    const capBuf = Buffer.alloc(CAP_SNAPLEN);
    let linkName: string;
    try {
      linkName = cap.open(name, filter, opts.bufferBytes, capBuf);
    } catch (e) {
      // cap leaves a failed handle half set up: close() — also called by its destructor when the
      // object is collected — would stop a poll handle it never started. Keep it from the collector.
      failedHandles.push(cap);
      const msg = (e as Error).message;
      // As tcpdump words them: the device's name before libpcap's activation errors, not before the filter's.
      const activation = filter === '' || ACTIVATION_ERROR.test(msg);
      if (!activation) throw new VcapError(msg, 'EFILTER');
      throw new VcapError(msg.startsWith(`${name}:`) ? msg : `${name}: ${msg}`, codeOf(msg));
    }
    let linkType: number;
    try {
      linkType = capLinkType(linkName);
    } catch (e) {
      cap.close();
      throw e;
    }
    const src = new LibpcapSource(cap, name, linkType, snaplen, filter, capBuf);
    cap.on('packet', src.#onPacket);
    return src;
  }

  /** One frame from libpcap, in cap's buffer until we return. */
  readonly #onPacket = (nbytes: number, truncated: boolean): void => {
    if (this.#closed) return;
    const now = this.#epochNs + (process.hrtime.bigint() - this.#hr0);
    if (this.#count === BATCH_FRAMES || this.#used > BATCH_BYTES) {
      if (this.#run.consume === undefined || this.#delivering) { this.#lost++; return; }
      this.#deliver();
      if (this.#closed) return;
    }
    const i = this.#count;
    const cap = nbytes < this.snaplen ? nbytes : this.snaplen;
    this.#bytes.set(this.#capBuf.subarray(0, cap), this.#used);
    this.#offset[i] = this.#used;
    this.#capLen[i] = cap;
    // cap's buffer holds libpcap's whole snaplen, so `truncated` is not expected; then the length is unknown too.
    this.#origLen[i] = truncated ? Math.max(nbytes, CAP_SNAPLEN) : nbytes;
    this.#sec[i] = Number(now / 1_000_000_000n);
    this.#nsec[i] = Number(now % 1_000_000_000n);
    this.#used += cap;
    this.#count = i + 1;
    if (this.#immediate === undefined && this.#run.consume !== undefined) this.#immediate = setImmediate(this.#onImmediate);
  };

  /** After the poll phase in which libpcap handed over frames: they go on as one batch. */
  readonly #onImmediate = (): void => {
    this.#immediate = undefined;
    if (this.#closed || this.#run.consume === undefined) return;
    this.#deliver();
  };

  /** Hand the batch to the consumer; it may call stop(). A throw ends run() with that error. */
  #deliver(): void {
    const consume = this.#run.consume;
    if (consume === undefined || this.#count === 0) return;
    this.#delivering = true;
    try {
      this.#delivered += this.#count;
      consume(this.#batch);
    } catch (e) {
      this.#count = 0;
      this.#used = 0;
      this.#delivering = false;
      this.#run.finish(e);
      return;
    }
    this.#count = 0;
    this.#used = 0;
    this.#delivering = false;
  }

  run(consume: (batch: Batch) => void): Promise<void> {
    if (this.#closed) return Promise.resolve();
    const done = this.#run.start(consume);
    // Frames that arrived between open() and run().
    if (this.#count > 0 && this.#immediate === undefined) this.#immediate = setImmediate(this.#onImmediate);
    return done;
  }

  /**
   * End the capture: frames libpcap already handed over are delivered first (a signal should not
   * lose them), unless called by the consumer itself (-c reached), which has seen what it wants.
   */
  stop(): void {
    if (this.#closed) return;
    if (!this.#delivering) this.#deliver();
    this.#run.finish();
  }

  /**
   * libpcap compiles the filter from the expression text given at open (see LibpcapOptions.filter):
   * this backend cannot attach a compiled program. Accepted as a no-op when the capture was opened
   * with an expression (the program is vcap's compilation of the same text, e.g. for -d); an error
   * otherwise, so a filter is never silently left out.
   */
  setFilter(program: FilterProgram): void {
    void program;
    if (this.#expression.trim() === '')
      throw new VcapError('--backend libpcap takes the filter as an expression when the capture opens (openLive({ filter }))', 'ENOTSUP');
  }

  /** Frames delivered to vcap; libpcap's counters are not reachable through cap. */
  stats(): CaptureStats {
    return {
      received: this.#delivered,
      dropped: this.#lost,
      unavailable: 'packets received by filter and dropped by kernel: not available with --backend libpcap (cap has no pcap_stats)',
    };
  }

  close(): void {
    this.stop();
  }

  #shutdown(): void {
    if (this.#immediate !== undefined) { clearImmediate(this.#immediate); this.#immediate = undefined; }
    if (this.#closed) return;
    this.#closed = true;
    this.#cap.removeAllListeners('packet');
    // Safe from inside cap's dispatch loop: cap finishes the loop and then closes the pcap handle.
    this.#cap.close();
  }
}
