// One fuzz target in a worker thread. The main thread (runner.ts) watches a heartbeat in shared
// memory and ends the worker when one input runs longer than the hang limit; the input being run
// is always in shared memory, so a hang is reported with the input that caused it.
import { parentPort, workerData } from 'node:worker_threads';
import { Coverage, Rng, describeFailure, failureKind, fuzzContext, hangBudget, minimise, mutateBytes } from './engine.js';
import type { FuzzTarget } from './engine.js';
import { loadTarget } from './targets/index.js';
import { SHARED_HEADER, Slot } from './shared.js';
import type { WorkerJob, WorkerMessage } from './shared.js';

const job = workerData as WorkerJob;
const header = new Int32Array(job.shared, 0, 4);
const body = new Uint8Array(job.shared, SHARED_HEADER);
const post = (m: WorkerMessage): void => parentPort!.postMessage(m);

function publish(input: Uint8Array): void {
  const n = Math.min(input.length, body.length);
  body.set(input.subarray(0, n));
  Atomics.store(header, Slot.Length, n);
  Atomics.store(header, Slot.Limit, 0);
  Atomics.store(header, Slot.State, 1);
  Atomics.add(header, Slot.Count, 1);
}

hangBudget.extend = (ms: number): void => { Atomics.store(header, Slot.Limit, ms); };

function idle(): void { Atomics.store(header, Slot.State, 0); }

async function runOne(target: FuzzTarget, input: Uint8Array, rand: Rng): Promise<string | undefined> {
  publish(input);
  try {
    const r = target.run(input, rand);
    if (r !== undefined) await r;
    return undefined;
  } catch (e) {
    return describeFailure(e);
  } finally {
    idle();
  }
}

/** The target's last check (e.g. the kernel taking its programs): a failure there is reported like an input's. */
async function finish(target: FuzzTarget): Promise<void> {
  try {
    await target.finish?.();
  } catch (e) {
    post({ type: 'failure', input: new Uint8Array(0), original: new Uint8Array(0), message: `after the last input: ${describeFailure(e)}` });
  }
}

async function main(): Promise<void> {
  const target = await loadTarget(job.target);
  const rand = new Rng(job.seed);
  const maxLength = target.maxLength ?? 65536;
  const kinds = new Set<string>();
  let inputs = 0;

  const report = async (input: Uint8Array, message: string): Promise<void> => {
    const kind = failureKind(message);
    if (kinds.has(kind)) return;
    kinds.add(kind);
    // Same seed for every re-run: a target that draws from `rand` then sees the same choices.
    const small = await minimise(input, (x) => runOne(target, x, new Rng(job.seed ^ 0x5a5a)), kind);
    post({ type: 'failure', input: small, original: input, message: (await runOne(target, small, new Rng(job.seed ^ 0x5a5a))) ?? message });
  };

  if (job.mode === 'replay') {
    fuzzContext.replay = true;
    for (const input of job.inputs) {
      inputs++;
      const m = await runOne(target, input, new Rng(job.seed ^ 0x5a5a));
      if (m !== undefined) post({ type: 'failure', input, original: input, message: m });
    }
    await finish(target);
    post({ type: 'done', inputs, corpus: 0, coverage: 0, kinds: kinds.size });
    return;
  }

  const cov = job.coverage ? new Coverage(target.coverageFilter ?? /\/dist\/src\//) : undefined;
  const corpus: Uint8Array[] = [];
  for (const s of [...target.seeds(), ...job.inputs]) {
    const x = s.length > maxLength ? s.slice(0, maxLength) : s;
    corpus.push(x);
    inputs++;
    const m = await runOne(target, x, rand);
    if (m !== undefined) await report(x, m);
  }
  cov?.take();

  const deadline = Date.now() + job.seconds * 1000;
  // Taking coverage costs tens of ms with every printer loaded, a run a fraction of one: take it once
  // per group, and when a group ran something new, halve it until the inputs that did are found.
  const GROUP = 128;
  const attribute = async (xs: Uint8Array[]): Promise<void> => {
    for (const x of xs) await runOne(target, x, rand);
    if (cov!.take(false) === 0) return;
    if (xs.length === 1) {
      await runOne(target, xs[0]!, rand);
      cov!.take();
      corpus.push(xs[0]!);
      return;
    }
    const half = xs.length >> 1;
    await attribute(xs.slice(0, half));
    await attribute(xs.slice(half));
  };
  const group: Uint8Array[] = [];
  while (inputs < job.maxInputs && Date.now() < deadline) {
    group.length = 0;
    for (let g = 0; g < GROUP && inputs < job.maxInputs; g++) {
      const base = corpus.length > 0 ? rand.pick(corpus) : new Uint8Array(0);
      const x = target.mutate && rand.chance(0.5) ? target.mutate(base, rand, corpus) : mutateBytes(base, rand, corpus, maxLength);
      inputs++;
      group.push(x);
      const m = await runOne(target, x, rand);
      if (m !== undefined) await report(x, m);
    }
    // Something new ran in this group: find which inputs did it, and keep them.
    if (cov && cov.take(false) > 0) {
      const half = group.length >> 1;
      await attribute(group.slice(0, half));
      await attribute(group.slice(half));
    }
  }
  await finish(target);
  post({ type: 'done', inputs, corpus: corpus.length, coverage: cov?.size ?? 0, kinds: kinds.size });
  cov?.close();
}

main().catch((e: unknown) => {
  post({ type: 'failure', input: new Uint8Array(0), original: new Uint8Array(0), message: `the fuzz worker itself failed: ${describeFailure(e)}` });
  post({ type: 'done', inputs: 0, corpus: 0, coverage: 0, kinds: 1 });
});
