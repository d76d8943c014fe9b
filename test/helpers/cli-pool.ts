// Runs vcap commands on a few cli-worker processes (one per core by default) and returns what each
// printed, how it ended, and whether it crashed (the worker died), hung (no result within the time
// limit: the worker is killed and replaced) or threw (a stack trace, as bin/vcap would print).
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { CliRequest, CliResult } from './cli-worker.js';

const workerPath = fileURLToPath(new URL('./cli-worker.js', import.meta.url));

export type Outcome =
  | { kind: 'exit'; status: number; out: string; err: string; ms: number }
  | { kind: 'trace'; out: string; err: string; trace: string; ms: number }
  | { kind: 'crash'; detail: string; ms: number }
  | { kind: 'hang'; ms: number };

export interface PoolOptions {
  /** Worker processes (default: the cores available). */
  workers?: number;
  /** A command that has not finished after this long is a hang (default 10 s). */
  timeoutMs?: number;
  /** Extra environment (TZ=GMT0 for tcpdump's tests). */
  env?: Record<string, string>;
}

interface Job { argv: string[]; cwd: string; resolve: (o: Outcome) => void; started: number }

class Worker {
  readonly child: ChildProcess;
  job: Job | undefined;
  timer: NodeJS.Timeout | undefined;
  ready: Promise<void>;
  /** What the worker wrote to its own stdout/stderr: a command that bypassed its descriptors. */
  stray = '';
  dead = false;

  constructor(env: Record<string, string>, readonly onIdle: (w: Worker) => void, readonly onDeath: (w: Worker) => void) {
    this.child = fork(workerPath, [], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], serialization: 'advanced' });
    this.child.stdout!.setEncoding('latin1').on('data', (d: string) => { this.stray += d; });
    this.child.stderr!.setEncoding('latin1').on('data', (d: string) => { this.stray += d; });
    this.ready = new Promise((resolve) => {
      this.child.once('message', () => resolve());
    });
    this.child.on('message', (m: CliResult | { ready: true }) => {
      if ('ready' in m) return;
      this.#finish(m.trace !== undefined
        ? { kind: 'trace', out: m.out, err: m.err, trace: m.trace, ms: m.ms }
        : { kind: 'exit', status: m.status!, out: m.out, err: m.err, ms: m.ms });
      this.onIdle(this);
    });
    this.child.on('exit', (code, signal) => {
      this.dead = true;
      clearTimeout(this.timer);
      if (this.job) this.#finish({ kind: 'crash', detail: `worker exited (${signal ?? code}) ${this.stray.slice(-2000)}`, ms: Date.now() - this.job.started });
      this.onDeath(this);
    });
  }

  start(job: Job, timeoutMs: number, id: number): void {
    this.job = job;
    job.started = Date.now();
    this.timer = setTimeout(() => {
      const j = this.job;
      if (!j) return;
      this.job = undefined;
      j.resolve({ kind: 'hang', ms: Date.now() - j.started });
      this.child.kill('SIGKILL');
    }, timeoutMs);
    const req: CliRequest = { id, argv: job.argv, cwd: job.cwd };
    this.child.send(req);
  }

  #finish(o: Outcome): void {
    clearTimeout(this.timer);
    const j = this.job;
    this.job = undefined;
    j?.resolve(o);
  }
}

/** A pool of in-process vcap runners. Call close() when done. */
export class CliPool {
  readonly #queue: Job[] = [];
  readonly #idle: Worker[] = [];
  readonly #all = new Set<Worker>();
  readonly #timeoutMs: number;
  readonly #env: Record<string, string>;
  #ids = 0;
  #closed = false;
  /** Output workers wrote outside their commands' descriptors. */
  stray = '';

  constructor(opts: PoolOptions = {}) {
    this.#timeoutMs = opts.timeoutMs ?? 10_000;
    this.#env = opts.env ?? {};
    const n = opts.workers ?? availableParallelism();
    for (let i = 0; i < n; i++) this.#spawn();
  }

  #spawn(): void {
    const w = new Worker(this.#env, (x) => this.#idleWorker(x), (x) => this.#died(x));
    this.#all.add(w);
    void w.ready.then(() => this.#idleWorker(w));
  }

  #idleWorker(w: Worker): void {
    if (w.dead) return;
    const job = this.#queue.shift();
    if (job) w.start(job, this.#timeoutMs, ++this.#ids);
    else this.#idle.push(w);
  }

  #died(w: Worker): void {
    this.stray += w.stray;
    this.#all.delete(w);
    const i = this.#idle.indexOf(w);
    if (i >= 0) this.#idle.splice(i, 1);
    if (!this.#closed) this.#spawn();
  }

  /** Run `vcap ARGV` in `cwd`. */
  run(argv: string[], cwd: string): Promise<Outcome> {
    return new Promise((resolve) => {
      const job: Job = { argv, cwd, resolve, started: 0 };
      const w = this.#idle.shift();
      if (w) w.start(job, this.#timeoutMs, ++this.#ids);
      else this.#queue.push(job);
    });
  }

  close(): void {
    this.#closed = true;
    for (const w of this.#all) {
      this.stray += w.stray;
      w.child.kill();
    }
  }
}
