// The fuzzing engine that runs inside a worker thread (test/fuzz/worker.ts): a corpus seeded by the
// target, byte-level mutations (AFL's kinds: bit flips, interesting values, block copies and
// deletions, splices with other corpus entries), coverage guidance from V8's precise block
// coverage (node:inspector), and a minimiser for every input that fails. jazzer.js would give
// libFuzzer's engine instead; it does not load on this Debian (see test/fuzz/README.md).
import { Session } from 'node:inspector';
import { concat } from '../helpers/frames.js';

/** One fuzz target: seeds, and a run that throws when the input shows a defect. */
export interface FuzzTarget {
  readonly name: string;
  /** What goes in and what is checked, for `npm run fuzz -- --list`. */
  readonly description: string;
  /** Inputs to start from (the corpus grows from them). */
  seeds(): Uint8Array[];
  /** Run one input; throw (any error) on a defect. May be async (process runs, the tcpdump oracle). */
  run(input: Uint8Array, rand: Rng): void | Promise<void>;
  /** Inputs longer than this are cut (default 64 KiB). */
  readonly maxLength?: number;
  /** A mutation of its own (e.g. for text), used for half of the mutations; the byte mutations do the rest. */
  mutate?(input: Uint8Array, rand: Rng, corpus: readonly Uint8Array[]): Uint8Array;
  /** Called once after the last input (e.g. to check programs in the kernel in one batch). */
  finish?(): void | Promise<void>;
  /** Module URLs whose coverage guides mutation (default: everything under dist/src). */
  readonly coverageFilter?: RegExp;
}

/**
 * The hang limit is for one input's own work. A target that starts a process (or asks the oracle)
 * for an input calls `hangBudget.extend(ms)` first: that input may then take up to `ms`.
 */
export const hangBudget = { extend(ms: number): void { void ms; } };

/**
 * `replay` is set while regression inputs are replayed: a target then does its occasional slow
 * checks (a real process, the tcpdump oracle) on every input, since the one that failed may have
 * been such an input.
 */
export const fuzzContext = { replay: false };

/** xorshift128+: fast, seedable, so every run with the same seed tries the same inputs. */
export class Rng {
  #a: number;
  #b: number;
  constructor(seed: number) {
    this.#a = (seed >>> 0) || 0x9e3779b9;
    this.#b = (Math.imul(seed ^ 0x5bd1e995, 0x27d4eb2d) >>> 0) || 0x85ebca6b;
    for (let i = 0; i < 8; i++) this.u32();
  }

  u32(): number {
    let s1 = this.#a;
    const s0 = this.#b;
    this.#a = s0;
    s1 ^= s1 << 23; s1 >>>= 0;
    s1 ^= s1 >>> 17;
    s1 ^= s0;
    s1 ^= s0 >>> 26;
    this.#b = s1 >>> 0;
    return (this.#b + s0) >>> 0;
  }

  /** 0 ≤ n < max. */
  below(max: number): number { return max <= 1 ? 0 : this.u32() % max; }
  chance(p: number): boolean { return this.u32() / 4294967296 < p; }
  pick<T>(a: readonly T[]): T { return a[this.below(a.length)]!; }
}

// Values that sit on boundaries parsers compare against: AFL's list plus pcap's own (snap length,
// a million µs, the 32-bit sign bit).
const INTERESTING8 = [0, 1, 0x7f, 0x80, 0xff, 0x10, 0x20, 0x40, 0x45, 0x60, 0x06, 0x11, 0x3a];
const INTERESTING16 = [0, 1, 0x7fff, 0x8000, 0xffff, 0x0800, 0x86dd, 0x8100, 0x88a8, 0x0806, 20, 40, 60, 1500, 65535, 64];
const INTERESTING32 = [0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 999999, 1000000, 999999999, 1000000000, 262144, 262145, 65535, 0x0a0d0d0a, 0x1a2b3c4d, 0xa1b2c3d4];

/** One mutation of `src`: a few stacked edits, as AFL's havoc stage. */
export function mutateBytes(src: Uint8Array, rand: Rng, corpus: readonly Uint8Array[], maxLength: number): Uint8Array {
  let b: Uint8Array = Uint8Array.from(src);
  const edits = 1 + rand.below(rand.chance(0.2) ? 16 : 4);
  for (let e = 0; e < edits; e++) {
    const n = b.length;
    switch (rand.below(n === 0 ? 3 : 12)) {
      case 0: { // insert random or repeated bytes
        const at = rand.below(n + 1), len = 1 + rand.below(rand.chance(0.3) ? 64 : 4);
        const ins = new Uint8Array(len);
        const fill = rand.below(256), same = rand.chance(0.5);
        for (let i = 0; i < len; i++) ins[i] = same ? fill : rand.below(256);
        b = concat(b.subarray(0, at), ins, b.subarray(at));
        break;
      }
      case 1: { // splice with another corpus entry
        const o = corpus.length > 0 ? rand.pick(corpus) : b;
        if (o.length === 0) break;
        const from = rand.below(o.length), len = 1 + rand.below(Math.min(o.length - from, 256));
        const at = rand.below(n + 1);
        b = rand.chance(0.5) ? concat(b.subarray(0, at), o.subarray(from, from + len), b.subarray(at))
          : concat(b.subarray(0, at), o.subarray(from));
        break;
      }
      case 2: { // append bytes
        const len = 1 + rand.below(16);
        const ins = new Uint8Array(len);
        for (let i = 0; i < len; i++) ins[i] = rand.below(256);
        b = concat(b, ins);
        break;
      }
      case 3: b[rand.below(n)]! ^= 1 << rand.below(8); break;
      case 4: b[rand.below(n)] = rand.below(256); break;
      case 5: b[rand.below(n)] = rand.pick(INTERESTING8); break;
      case 6: { // 16-bit interesting value, either byte order
        if (n < 2) break;
        const at = rand.below(n - 1), v = rand.pick(INTERESTING16);
        if (rand.chance(0.5)) { b[at] = v >> 8; b[at + 1] = v & 255; } else { b[at] = v & 255; b[at + 1] = v >> 8; }
        break;
      }
      case 7: { // 32-bit interesting value, either byte order
        if (n < 4) break;
        const at = rand.below(n - 3), v = rand.pick(INTERESTING32);
        const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
        dv.setUint32(at, v >>> 0, rand.chance(0.5));
        break;
      }
      case 8: { // add or subtract a little from a byte or a 16-bit word
        const at = rand.below(n), d = 1 + rand.below(35);
        b[at] = (b[at]! + (rand.chance(0.5) ? d : 256 - d)) & 255;
        break;
      }
      case 9: { // delete a block
        const at = rand.below(n), len = 1 + rand.below(Math.min(n - at, rand.chance(0.3) ? 256 : 8));
        b = concat(b.subarray(0, at), b.subarray(at + len));
        break;
      }
      case 10: { // copy a block over another place in the input
        const from = rand.below(n), to = rand.below(n), len = 1 + rand.below(Math.min(n - from, n - to, 32));
        b.copyWithin(to, from, from + len);
        break;
      }
      default: // cut short
        b = b.subarray(0, rand.below(n + 1));
        break;
    }
  }
  return b.length > maxLength ? b.slice(0, maxLength) : b;
}


/**
 * Block coverage from V8 (Profiler.takePreciseCoverage with per-block counts): the set of
 * (script, range) pairs that ran. Taking it costs a few ms, so the loop takes it once per group of
 * inputs and, when a group found something new, once per input of that group.
 */
export class Coverage {
  readonly #session = new Session();
  readonly #seen = new Set<number>();
  readonly #scripts = new Map<string, number>();
  readonly #filter: RegExp;

  constructor(filter: RegExp) {
    this.#filter = filter;
    this.#session.connect();
    this.#post('Profiler.enable');
    this.#post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
  }

  // The in-process session answers synchronously.
  #post(method: string, params?: object): unknown {
    let result: unknown, error: Error | null = null;
    this.#session.post(method, params, (err, res) => { error = err; result = res; });
    if (error) throw error;
    return result;
  }

  /** Ranges that ran since the last call; returns how many had never run before (remembered only with `record`). */
  take(record = true): number {
    const r = this.#post('Profiler.takePreciseCoverage') as { result: { scriptId: string; url: string; functions: { ranges: { startOffset: number; endOffset: number; count: number }[] }[] }[] };
    let fresh = 0;
    for (const s of r.result) {
      if (!this.#filter.test(s.url)) continue;
      let id = this.#scripts.get(s.url);
      if (id === undefined) { id = this.#scripts.size + 1; this.#scripts.set(s.url, id); }
      for (const f of s.functions) {
        for (const range of f.ranges) {
          if (range.count === 0) continue;
          const key = (id * 1048576 + range.startOffset) * 1048576 + range.endOffset;
          if (!this.#seen.has(key)) { if (record) this.#seen.add(key); fresh++; }
        }
      }
    }
    return fresh;
  }

  get size(): number { return this.#seen.size; }

  close(): void {
    try { this.#post('Profiler.stopPreciseCoverage'); } catch { /* closing anyway */ }
    this.#session.disconnect();
  }
}

/** What an input did wrong, in one line (the first line of the error; stack frames only as a location). */
export function describeFailure(e: unknown): string {
  if (e instanceof Error) {
    const at = /\n\s+at (?:.*?\()?(?:file:\/\/)?[^\n]*?((?:src|test)\/[^\s):]+:\d+)/.exec(e.stack ?? '');
    return `${e.name}: ${e.message.split('\n')[0]}${at ? ` (${at[1]})` : ''}`;
  }
  return String(e);
}

/** The same failure, whatever the numbers in it: used to report each kind once. */
export function failureKind(message: string): string {
  return message.replace(/\d+/g, 'N').replace(/'[^']*'|"[^"]*"/g, 'S').slice(0, 200);
}

/**
 * The smallest input (by a greedy pass: cut halves, then chunks, then single bytes, then simpler
 * byte values) that still fails with the same kind of failure. Bounded by `budget` runs.
 */
export async function minimise(input: Uint8Array, fails: (x: Uint8Array) => Promise<string | undefined>, kind: string, budget = 400): Promise<Uint8Array> {
  let best = input;
  let runs = 0;
  const still = async (x: Uint8Array): Promise<boolean> => {
    if (runs++ >= budget) return false;
    const m = await fails(x);
    return m !== undefined && failureKind(m) === kind;
  };
  for (let chunk = Math.max(1, best.length >> 1); chunk >= 1 && runs < budget; chunk >>= 1) {
    for (let at = 0; at < best.length && runs < budget;) {
      const cand = concat(best.subarray(0, at), best.subarray(at + chunk));
      if (await still(cand)) best = cand; else at += chunk;
    }
  }
  for (let i = 0; i < best.length && runs < budget; i++) {
    if (best[i] === 0) continue;
    const cand = Uint8Array.from(best);
    cand[i] = 0;
    if (await still(cand)) best = cand;
  }
  return best;
}
