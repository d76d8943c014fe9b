// Several live captures as one (`-i a -i b …`): each interface keeps its own ring; their frames are
// copied out as their blocks arrive and handed on in timestamp order, one batch per run of frames
// from the same interface.
import type { Batch, CaptureStats } from './batch.js';
import type { CaptureInterface } from './capture-interface.js';
import type { LiveSource } from './live.js';
import { grown } from './grown.js';

/**
 * How far behind the clock the merge stays for an interface with nothing pending: a frame is
 * stamped when it reaches the stack and counted by the socket a moment later (a softirq that
 * was preempted, the transmit path), so a frame stamped up to this long ago may still come.
 */
const SLACK_MS = 10;
/** Past this many bytes held back, the oldest frames go out whatever other interfaces may still send. */
const MAX_HELD_BYTES = 64 << 20;

/** One interface's frames waiting for their turn: copies of the bytes and their columns, oldest first. */
class Queue {
  bytes = new Uint8Array(1 << 20);
  used = 0;
  off = new Uint32Array(1024);
  cap = new Uint32Array(1024);
  orig = new Uint32Array(1024);
  sec = new Float64Array(1024);
  nsec = new Uint32Array(1024);
  flags = new Uint32Array(1024);
  drops = new Uint32Array(1024);
  head = 0;
  tail = 0;
  /**
   * Timestamp (ns since the merge's base second) of the newest frame the source delivered; before
   * the first, anything may still come (the socket was open before the merge began).
   */
  last = -Infinity;

  constructor(readonly src: LiveSource, readonly iface: CaptureInterface) {}

  get held(): number { return this.tail - this.head; }

  key(i: number, base: number): number { return (this.sec[i]! - base) * 1e9 + this.nsec[i]!; }

  /** Copy every frame of a batch in. */
  push(b: Batch, base: number): void {
    const n = b.count;
    if (n === 0) return;
    let need = 0;
    for (let i = 0; i < n; i++) need += b.capLen[i]!;
    this.#room(n, need);
    const { bytes, offset, capLen, origLen, sec, nsec, flags } = b;
    let at = this.used, t = this.tail;
    for (let i = 0; i < n; i++, t++) {
      const o = offset[i]!, c = capLen[i]!;
      this.bytes.set(bytes.subarray(o, o + c), at);
      this.off[t] = at;
      this.cap[t] = c;
      this.orig[t] = origLen[i]!;
      this.sec[t] = sec[i]!;
      this.nsec[t] = nsec[i]!;
      this.flags[t] = flags === undefined ? 0 : flags[i]!;
      this.drops[t] = i === 0 ? b.drops ?? 0 : 0;
      at += c;
    }
    this.used = at;
    this.tail = t;
    this.last = Math.max(this.last, this.key(t - 1, base));
  }

  /** Room for n more frames of `need` bytes: drop what was handed on, then grow if still short. */
  #room(n: number, need: number): void {
    if (this.head > 0 && (this.tail + n > this.off.length || this.used + need > this.bytes.length)) {
      const h = this.head, start = this.head < this.tail ? this.off[h]! : this.used;
      for (const col of [this.off, this.cap, this.orig, this.nsec, this.flags, this.drops]) col.copyWithin(0, h, this.tail);
      this.sec.copyWithin(0, h, this.tail);
      this.tail -= h;
      this.head = 0;
      this.bytes.copyWithin(0, start, this.used);
      this.used -= start;
      for (let i = 0; i < this.tail; i++) this.off[i]! -= start;
    }
    if (this.tail + n > this.off.length) {
      const size = Math.max(this.off.length * 2, this.tail + n);
      this.off = grown(this.off, size);
      this.cap = grown(this.cap, size);
      this.orig = grown(this.orig, size);
      this.sec = grown(this.sec, size);
      this.nsec = grown(this.nsec, size);
      this.flags = grown(this.flags, size);
      this.drops = grown(this.drops, size);
    }
    if (this.used + need > this.bytes.length) {
      const g = new Uint8Array(Math.max(this.bytes.length * 2, this.used + need));
      g.set(this.bytes.subarray(0, this.used));
      this.bytes = g;
    }
  }
}

/** The batch handed on: one run of frames of one interface, columns copied from its queue. */
class MergedBatch implements Batch {
  linkType = 0;
  count = 0;
  bytes: Uint8Array = new Uint8Array(0);
  iface: CaptureInterface | undefined;
  drops = 0;
  offset = new Uint32Array(256);
  capLen = new Uint32Array(256);
  origLen = new Uint32Array(256);
  sec = new Float64Array(256);
  nsec = new Uint32Array(256);
  flags = new Uint32Array(256);

  ensure(n: number): void {
    if (n <= this.offset.length) return;
    const size = Math.max(n, this.offset.length * 2);
    this.offset = new Uint32Array(size);
    this.capLen = new Uint32Array(size);
    this.origLen = new Uint32Array(size);
    this.sec = new Float64Array(size);
    this.nsec = new Uint32Array(size);
    this.flags = new Uint32Array(size);
  }
}

/**
 * Live sources merged in timestamp order. A frame is handed on once no interface can still
 * deliver an earlier one: every other interface has either delivered a later frame, or has
 * nothing pending in its ring (its socket's count of frames equals what was walked, see
 * AfPacketSource.caughtUp) and the frame is older than the clock minus a few milliseconds.
 * At stop every ring is read to the end, the unfinished blocks too, and everything goes out.
 */
export class MergedSource {
  readonly sources: readonly LiveSource[];
  readonly interfaces: readonly CaptureInterface[];
  readonly #queues: Queue[];
  readonly #out = new MergedBatch();
  /** The second timestamps are counted from, so that ns fit a double exactly. */
  readonly #base: number;
  #consume: ((batch: Batch) => void) | undefined;
  #stopping = false;
  #timer: NodeJS.Timeout | undefined;

  constructor(sources: readonly LiveSource[], interfaces: readonly CaptureInterface[]) {
    this.sources = sources;
    this.interfaces = interfaces;
    this.#base = Math.floor(Date.now() / 1000) - 60;
    this.#queues = sources.map((s, i) => new Queue(s, interfaces[i]!));
  }

  get name(): string { return this.sources.map((s) => s.name).join(', '); }

  async run(consume: (batch: Batch) => void): Promise<void> {
    this.#consume = consume;
    let failure: unknown;
    const runs = this.#queues.map((q) => q.src.run((b) => this.#onBatch(q, b)).catch((e: unknown) => {
      // One interface failing (it went away) ends the whole capture, as it would a single one.
      failure ??= e;
      this.stop();
    }));
    try {
      await Promise.all(runs);
    } finally {
      if (this.#timer !== undefined) clearTimeout(this.#timer);
      this.#timer = undefined;
      // Everything read before the stop (or the failure) is handed on, in order.
      this.#emit(Infinity);
      this.#consume = undefined;
    }
    if (failure !== undefined) throw failure;
  }

  /** Stop every capture; each reads what its ring still holds, and run() hands it all on. */
  stop(): void {
    if (this.#stopping) return;
    this.#stopping = true;
    for (const s of this.sources) s.stop();
  }

  /** The kernel's counters, summed over the interfaces (tcpdump's three lines). */
  stats(): CaptureStats {
    const sum: CaptureStats = { received: 0, dropped: 0, delivered: 0 };
    for (const s of this.sources) {
      const st = s.stats();
      sum.received += st.received;
      sum.dropped += st.dropped;
      sum.delivered! += st.delivered ?? 0;
      if (st.unavailable !== undefined) sum.unavailable = st.unavailable;
    }
    return sum;
  }

  close(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    for (const s of this.sources) s.close();
  }

  #onBatch(q: Queue, b: Batch): void {
    q.push(b, this.#base);
    // While stopping, the rings are still being read out: nothing goes until all are.
    if (!this.#stopping) this.#emitReady();
  }

  /** Hand on what no interface can precede any more, and look again shortly if something is held. */
  #emitReady(): void {
    if (this.#timer !== undefined) { clearTimeout(this.#timer); this.#timer = undefined; }
    const now = (Date.now() / 1000 - this.#base) * 1e9 - SLACK_MS * 1e6;
    let mark = Infinity, held = 0;
    for (const q of this.#queues) {
      const caughtUp = q.src.caughtUp?.() ?? true;
      mark = Math.min(mark, caughtUp ? Math.max(now, q.last) : q.last);
      held += q.used;
    }
    this.#emit(held > MAX_HELD_BYTES ? Infinity : mark);
    if (!this.#stopping && this.#queues.some((q) => q.held > 0)) {
      this.#timer = setTimeout(() => { this.#timer = undefined; if (!this.#stopping) this.#emitReady(); }, SLACK_MS).unref();
    }
  }

  /** Every held frame stamped at or before `mark`, oldest first, in runs of one interface. */
  #emit(mark: number): void {
    const consume = this.#consume, base = this.#base, out = this.#out;
    if (consume === undefined) return;
    for (;;) {
      // The queue with the oldest head, and the oldest head among the others.
      let q: Queue | undefined, qKey = Infinity, otherKey = Infinity;
      for (const c of this.#queues) {
        if (c.head >= c.tail) continue;
        const k = c.key(c.head, base);
        if (k < qKey) { otherKey = qKey; qKey = k; q = c; } else if (k < otherKey) otherKey = k;
      }
      if (q === undefined || qKey > mark) return;
      const limit = Math.min(mark, otherKey);
      let n = 0;
      out.ensure(q.held);
      for (let i = q.head; i < q.tail && (n === 0 || q.key(i, base) <= limit); i++, n++) {
        out.offset[n] = q.off[i]!;
        out.capLen[n] = q.cap[i]!;
        out.origLen[n] = q.orig[i]!;
        out.sec[n] = q.sec[i]!;
        out.nsec[n] = q.nsec[i]!;
        out.flags[n] = q.flags[i]!;
        // A drop count belongs to a source batch's first frame; a run starting mid-batch has none.
        if (i > q.head && q.drops[i] !== 0) break;
      }
      out.drops = q.drops[q.head]!;
      q.head += n;
      if (q.head === q.tail) { q.head = q.tail = 0; q.used = 0; }
      out.linkType = q.iface.linkType;
      out.iface = q.iface;
      out.bytes = q.bytes;
      out.count = n;
      consume(out);
      // The consumer stopped the capture (-c): what the rings still hold waits for run()'s last call.
      if (this.#stopping && mark !== Infinity) return;
    }
  }
}
