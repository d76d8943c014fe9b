// Runs a fuzz target in a worker thread and watches it: an input that runs longer than the hang
// limit ends the worker (its input is in shared memory) and is reported as a hang; the worker is
// then started again for the time that is left. Every failing input is written to the target's
// regression directory (test/fuzz/regressions/<target>/), which regressions.test.ts replays.
import { Worker } from 'node:worker_threads';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHARED_HEADER, Slot } from './shared.js';
import type { WorkerJob, WorkerMessage } from './shared.js';

/** test/fuzz/regressions in the source tree (this file runs from dist/test/fuzz). */
export const regressionsDir = fileURLToPath(new URL('../../../test/fuzz/regressions/', import.meta.url));

/** An input that runs longer than this is a hang (the 2 s). */
export const HANG_MS = 2000;

export interface Failure {
  kind: 'crash' | 'hang';
  message: string;
  input: Uint8Array;
  /** Where it was saved, if it was. */
  file?: string;
}

export interface FuzzResult {
  target: string;
  inputs: number;
  seconds: number;
  corpus: number;
  coverage: number;
  failures: Failure[];
}

export interface FuzzOptions {
  seconds: number;
  maxInputs?: number;
  seed?: number;
  coverage?: boolean;
  /** Save failing inputs under regressions/<target>/ (default true). */
  save?: boolean;
  hangMs?: number;
  /** Extra starting inputs (e.g. the target's regressions). */
  inputs?: Uint8Array[];
}

const SHARED_BYTES = 1 << 20;

/** The saved regression inputs of a target, oldest name first. */
export function regressionInputs(target: string): { name: string; input: Uint8Array }[] {
  const dir = join(regressionsDir, target);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.bin')).sort().map((name) => ({ name, input: new Uint8Array(readFileSync(join(dir, name))) }));
}

function save(target: string, f: Failure): string {
  const dir = join(regressionsDir, target);
  mkdirSync(dir, { recursive: true });
  const name = `${f.kind}-${createHash('sha1').update(f.input).digest('hex').slice(0, 16)}`;
  writeFileSync(join(dir, `${name}.bin`), f.input);
  writeFileSync(join(dir, `${name}.txt`), `${f.message}\n`);
  return join(dir, `${name}.bin`);
}

function once(target: string, job: Omit<WorkerJob, 'target' | 'shared'>, hangMs: number, onFailure: (f: Failure) => void): Promise<{ done?: Extract<WorkerMessage, { type: 'done' }>; hang?: Uint8Array; ran: number }> {
  const shared = new SharedArrayBuffer(SHARED_HEADER + SHARED_BYTES);
  const header = new Int32Array(shared, 0, 4);
  const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: { ...job, target, shared } satisfies WorkerJob });
  return new Promise((resolve, reject) => {
    let lastCount = -1, since = Date.now(), settled = false;
    const finish = (r: { done?: Extract<WorkerMessage, { type: 'done' }>; hang?: Uint8Array }): void => {
      if (settled) return;
      settled = true;
      clearInterval(watch);
      void worker.terminate();
      resolve({ ...r, ran: Atomics.load(header, Slot.Count) });
    };
    const watch = setInterval(() => {
      const count = Atomics.load(header, Slot.Count);
      if (count !== lastCount || Atomics.load(header, Slot.State) === 0) { lastCount = count; since = Date.now(); return; }
      if (Date.now() - since > Math.max(hangMs, Atomics.load(header, Slot.Limit))) {
        const n = Atomics.load(header, Slot.Length);
        finish({ hang: new Uint8Array(shared, SHARED_HEADER, n).slice() });
      }
    }, 50);
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'failure') onFailure({ kind: 'crash', message: m.message, input: m.input });
      else finish({ done: m });
    });
    worker.on('error', (e) => { if (!settled) { settled = true; clearInterval(watch); reject(e); } });
    worker.on('exit', () => finish({}));
  });
}

/** Fuzz one target for `seconds` (or `maxInputs`); hangs restart the worker with a new seed. */
export async function fuzzTarget(target: string, o: FuzzOptions): Promise<FuzzResult> {
  const started = Date.now();
  const failures: Failure[] = [];
  const hangMs = o.hangMs ?? HANG_MS;
  const add = (f: Failure): void => {
    if (o.save !== false) f.file = save(target, f);
    failures.push(f);
  };
  let inputs = 0, corpus = 0, coverage = 0, seed = o.seed ?? 1;
  const maxInputs = o.maxInputs ?? Number.MAX_SAFE_INTEGER;
  for (;;) {
    const left = o.seconds - (Date.now() - started) / 1000;
    if (left <= 0 || inputs >= maxInputs) break;
    const r = await once(target, { mode: 'fuzz', seconds: left, maxInputs: maxInputs - inputs, seed, coverage: o.coverage ?? true, inputs: o.inputs ?? [] }, hangMs, add);
    if (r.done) { inputs += r.done.inputs; corpus = r.done.corpus; coverage = r.done.coverage; break; }
    inputs += r.ran;
    if (r.hang) add({ kind: 'hang', message: `one input ran longer than ${hangMs} ms`, input: r.hang });
    seed++;
  }
  return { target, inputs, seconds: (Date.now() - started) / 1000, corpus, coverage, failures };
}

/** Run each input once (the regression replay), with the same hang watch. */
export async function replay(target: string, inputs: Uint8Array[], hangMs = HANG_MS): Promise<{ ran: number; failures: Failure[] }> {
  const failures: Failure[] = [];
  let ran = 0, rest = inputs;
  while (rest.length > 0) {
    const r = await once(target, { mode: 'replay', seconds: 0, maxInputs: rest.length, seed: 1, coverage: false, inputs: rest }, hangMs, (f) => failures.push(f));
    if (r.done) { ran += r.done.inputs; break; }
    // A hang: note it, skip that input, go on with the rest.
    const at = Math.max(0, r.ran - 1);
    if (r.hang) failures.push({ kind: 'hang', message: `one input ran longer than ${hangMs} ms`, input: r.hang });
    ran += at + 1;
    rest = rest.slice(at + 1);
  }
  return { ran, failures };
}
