// Live rates from the kernel's own counters (RTM_GETSTATS, the rtnl_link_stats64 behind
// `ip -s link` and /proc/net/dev), as netsniff-ng's ifpps shows them: packets and bits per second
// each way, drops and errors, per interface, in any namespace. Nothing is captured: what is
// counted is what the device itself counted, so a 40 Gbit/s veth costs one netlink request a
// second to watch.
import { VcapError } from '../errors.js';
import type { InterfaceSpec } from '../capture/interface-spec.js';
import { formatInterfaceSpec, parseInterfaceSpec } from '../capture/interface-spec.js';
import { NetworkNamespace } from '../netns/network-namespace.js';
import { NETLINK_ROUTE, NetlinkError, NetlinkSocket } from '../netlink/socket.js';
import type { LinkCounters } from '../netlink/rtnetlink.js';
import { getLink, getLinkCounters } from '../netlink/rtnetlink.js';

/** One direction of one interface over one interval. */
export interface DirectionRate {
  /** Counted in the interval. */
  packets: number;
  bytes: number;
  /** Per second over the interval. */
  pps: number;
  /** Bits per second (bytes × 8: the kernel counts whole frames, link header included). */
  bps: number;
  /** Dropped and errors counted in the interval. */
  dropped: number;
  errors: number;
}

/** What one interface did over one interval (or, with `mean`, over the whole watch). */
export interface RateSample {
  /** End of the interval, ISO 8601. */
  time: string;
  /** The interface as named (`veth0@vb`). */
  interface: string;
  name: string;
  /** Its namespace as the user named it; null: vcap's own. */
  netns: string | null;
  index: number;
  /** Length of the interval, measured. */
  seconds: number;
  rx: DirectionRate;
  tx: DirectionRate;
  /** true on the summary over everything watched (RateMeter.mean). */
  mean?: true;
}

const ZERO: LinkCounters = { rxPackets: 0, txPackets: 0, rxBytes: 0, txBytes: 0, rxErrors: 0, txErrors: 0, rxDropped: 0, txDropped: 0, multicast: 0 };

interface Watched {
  spec: InterfaceSpec;
  label: string;
  socket: NetlinkSocket;
  index: number;
  first: LinkCounters;
  last: LinkCounters;
}

function direction(a: LinkCounters, b: LinkCounters, dir: 'rx' | 'tx', seconds: number): DirectionRate {
  const packets = b[`${dir}Packets`] - a[`${dir}Packets`], bytes = b[`${dir}Bytes`] - a[`${dir}Bytes`];
  return {
    packets, bytes,
    pps: seconds > 0 ? packets / seconds : 0,
    bps: seconds > 0 ? (bytes * 8) / seconds : 0,
    dropped: b[`${dir}Dropped`] - a[`${dir}Dropped`],
    errors: b[`${dir}Errors`] - a[`${dir}Errors`],
  };
}

export interface RateMeterOptions {
  /** `veth0`, `veth0@vb`, or specs; at least one. */
  interfaces: readonly (string | InterfaceSpec)[];
  /** The namespace of those that name none (NAME, PID or PATH); undefined: vcap's own. */
  netns?: string | undefined;
}

/**
 * Counters of a few interfaces, read on demand: `sample()` gives the rates since the previous
 * sample (or since open), `mean()` since open. A library user drives the clock; `watchRates` and
 * `vcap stats` drive it once an interval.
 */
export class RateMeter {
  readonly #watched: Watched[];
  readonly #sockets: NetlinkSocket[];
  readonly #start: bigint;
  #last: bigint;
  readonly #startWall: number;

  private constructor(watched: Watched[], sockets: NetlinkSocket[]) {
    this.#watched = watched;
    this.#sockets = sockets;
    this.#start = this.#last = process.hrtime.bigint();
    this.#startWall = Date.now();
  }

  /** Resolve every interface now (a VcapError names the first that does not exist) and read its counters. */
  static open(options: RateMeterOptions): RateMeter {
    if (options.interfaces.length === 0) throw new VcapError('stats: name at least one interface (-i)', 'EINVAL');
    const specs = options.interfaces.map((i) => (typeof i === 'string' ? parseInterfaceSpec(i, options.netns) : i.netns === undefined && options.netns !== undefined ? { ...i, netns: options.netns } : i));
    // One socket per namespace, made inside it; the namespace itself need not stay open.
    const byNetns = new Map<string, NetlinkSocket>();
    const watched: Watched[] = [];
    try {
      for (const spec of specs) {
        const key = spec.netns ?? '';
        let socket = byNetns.get(key);
        if (socket === undefined) {
          if (spec.netns === undefined) socket = NetlinkSocket.open(NETLINK_ROUTE);
          else {
            const ns = NetworkNamespace.open(spec.netns);
            try { socket = NetlinkSocket.open(NETLINK_ROUTE, ns); } finally { ns.close(); }
          }
          byNetns.set(key, socket);
        }
        const label = formatInterfaceSpec(spec);
        let index: number;
        try {
          index = getLink(socket, spec.name).index;
        } catch (e) {
          if (e instanceof NetlinkError && e.code === 'ENODEV') throw new VcapError(`${label}: No such device exists`, 'ENODEV');
          throw e;
        }
        watched.push({ spec, label, socket, index, first: ZERO, last: ZERO });
      }
      // The first counters all together, once every socket is open: each interval then starts at
      // nearly the same instant for every interface.
      for (const w of watched) w.first = w.last = getLinkCounters(w.socket, w.index, w.label);
    } catch (e) {
      for (const s of byNetns.values()) s.close();
      throw e;
    }
    return new RateMeter(watched, [...byNetns.values()]);
  }

  /** The interfaces, as named. */
  get interfaces(): string[] { return this.#watched.map((w) => w.label); }

  #read(w: Watched): LinkCounters {
    try {
      return getLinkCounters(w.socket, w.index, w.label);
    } catch (e) {
      if (e instanceof NetlinkError && e.code === 'ENODEV') throw new VcapError(`${w.label}: The interface disappeared`, 'ENODEV');
      throw e;
    }
  }

  #sample(w: Watched, a: LinkCounters, b: LinkCounters, seconds: number, end: number): RateSample {
    return {
      time: new Date(end).toISOString(), interface: w.label, name: w.spec.name, netns: w.spec.netns ?? null, index: w.index,
      seconds, rx: direction(a, b, 'rx', seconds), tx: direction(a, b, 'tx', seconds),
    };
  }

  /** Every interface's rates since the previous sample. */
  sample(): RateSample[] {
    const now = process.hrtime.bigint(), wall = Date.now();
    const seconds = Number(now - this.#last) / 1e9;
    this.#last = now;
    return this.#watched.map((w) => {
      const c = this.#read(w);
      const s = this.#sample(w, w.last, c, seconds, wall);
      w.last = c;
      return s;
    });
  }

  /** Every interface's mean rates from open() to the last sample(). */
  mean(): RateSample[] {
    const seconds = Number(this.#last - this.#start) / 1e9;
    const end = this.#startWall + seconds * 1000;
    return this.#watched.map((w) => ({ ...this.#sample(w, w.first, w.last, seconds, end), mean: true as const }));
  }

  close(): void {
    for (const s of this.#sockets) s.close();
  }
}

export interface WatchRatesOptions extends RateMeterOptions {
  /** Between samples, in ms (default 1000). */
  intervalMs?: number;
  /** Stop after this long, in ms (default: until stop()). */
  durationMs?: number;
  /** Called with every interface's sample, once an interval. */
  onSample: (samples: RateSample[]) => void;
}

export interface RateWatch {
  /** Stop now; `done` then resolves with the means. */
  stop(): void;
  /** The means over the whole watch, once it ends; rejects when an interface disappears. */
  readonly done: Promise<RateSample[]>;
}

/**
 * Sample `interfaces` every `intervalMs` (on a fixed grid from the start, so intervals do not
 * drift) until `durationMs` or stop(). The interfaces are resolved before this returns: a
 * VcapError for one that does not exist is thrown here, not through `done`.
 */
export function watchRates(options: WatchRatesOptions): RateWatch {
  const interval = options.intervalMs ?? 1000;
  if (!(interval >= 10)) throw new VcapError(`stats: invalid interval ${interval} ms`, 'EINVAL');
  const meter = RateMeter.open(options);
  const start = Date.now();
  let timer: NodeJS.Timeout | undefined;
  let finish!: (err?: unknown) => void;
  let ended = false;
  const done = new Promise<RateSample[]>((resolve, reject) => {
    finish = (err?: unknown): void => {
      if (ended) return;
      ended = true;
      if (timer !== undefined) clearTimeout(timer);
      try {
        if (err !== undefined) { reject(err); return; }
        resolve(meter.mean());
      } finally {
        meter.close();
      }
    };
  });
  let k = 0, sampling = false, stopAfterSample = false;
  const take = (): boolean => {
    sampling = true;
    try {
      options.onSample(meter.sample());
      return true;
    } catch (e) {
      finish(e);
      return false;
    } finally {
      sampling = false;
    }
  };
  const tick = (): void => {
    if (!take()) return;
    const elapsed = Date.now() - start;
    if (stopAfterSample || (options.durationMs !== undefined && elapsed >= options.durationMs - interval / 100)) { finish(); return; }
    schedule();
  };
  const schedule = (): void => {
    // The next point of the grid still ahead: a late timer (a loaded machine) skips, never bunches.
    k = Math.max(k + 1, Math.floor((Date.now() - start) / interval) + 1);
    let at = k * interval;
    if (options.durationMs !== undefined) at = Math.min(at, options.durationMs);
    timer = setTimeout(tick, Math.max(0, at - (Date.now() - start)));
  };
  schedule();
  return {
    stop() {
      if (ended) return;
      // Called from onSample: that sample was the last.
      if (sampling) { stopAfterSample = true; return; }
      // The partial interval up to now counts: its sample goes out before the means.
      if (take()) finish();
    },
    done,
  };
}
