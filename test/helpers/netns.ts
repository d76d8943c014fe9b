// Network namespaces for the privileged e2e tests: every test makes its own, uniquely named, and
// removes it in a teardown, even when the test fails. Traffic stays inside them.
import { spawn, execFileSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { ExecutionContext } from 'ava';

/** The repository root (dist/test/helpers/ → ../../..). */
export const repoRoot = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');
export const vcapBin = join(repoRoot, 'bin', 'vcap');

let seq = 0;
/** A name unique to this process and call, short enough for an interface (15 bytes). */
export function uniqueName(tag: string): string {
  return `${tag}${process.pid % 100000}${(++seq).toString(36)}`.slice(0, 15);
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Run a command to completion; never throws on a non-zero exit. */
export function run(argv: string[], options: { input?: string } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const p = spawn(argv[0]!, argv.slice(1), { stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    p.stdout!.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    p.stderr!.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    p.on('error', reject);
    p.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    if (p.stdin) {
      p.stdin.on('error', () => undefined); // a command that exits without reading its input
      p.stdin.end(options.input);
    }
  });
}

/** Run a command that must succeed; its stderr becomes the error. */
export async function must(argv: string[]): Promise<string> {
  const r = await run(argv);
  if (r.code !== 0) throw new Error(`${argv.join(' ')} → ${r.code}: ${r.stderr.trim()}`);
  return r.stdout;
}

/** A long-running process with its output collected, for vcap and tcpdump side by side. */
export class Running {
  stdout = '';
  stderr = '';
  readonly exited: Promise<RunResult>;
  readonly #p: ChildProcess;

  constructor(argv: string[]) {
    const p = this.#p = spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    p.stdout!.setEncoding('utf8').on('data', (d: string) => { this.stdout += d; });
    p.stderr!.setEncoding('utf8').on('data', (d: string) => { this.stderr += d; });
    this.exited = new Promise((resolve, reject) => {
      p.on('error', reject);
      p.on('close', (code, signal) => resolve({ code, signal, stdout: this.stdout, stderr: this.stderr }));
    });
  }

  /** Resolves when stderr matches (e.g. tcpdump's `listening on`); rejects if the process exits first. */
  async waitFor(pattern: RegExp, what = String(pattern)): Promise<void> {
    let done = false;
    const exited = this.exited.then((r) => { if (!done) throw new Error(`exited (${r.code ?? r.signal}) before ${what}: ${r.stderr.trim()}`); });
    const seen = new Promise<void>((resolve) => {
      const check = (): void => { if (pattern.test(this.stderr)) { done = true; resolve(); } else setTimeout(check, 20); };
      check();
    });
    await Promise.race([seen, exited]);
  }

  /** Send a signal and wait for the exit. */
  async stop(signal: NodeJS.Signals = 'SIGINT'): Promise<RunResult> {
    if (this.#p.exitCode === null && this.#p.signalCode === null) this.#p.kill(signal);
    return this.exited;
  }

  kill(): void {
    if (this.#p.exitCode === null && this.#p.signalCode === null) this.#p.kill('SIGKILL');
  }

  /** The process id (`ip netns exec` execs the command, so this is the command's own). */
  get pid(): number { return this.#p.pid!; }

  /** Send a signal without waiting (SIGSTOP/SIGCONT, or SIGKILL mid-write). */
  signal(signal: NodeJS.Signals): void {
    if (this.#p.exitCode === null && this.#p.signalCode === null) this.#p.kill(signal);
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A network namespace with loopback up and IPv6 off (no router solicitations or MLD in the captures). */
export class Netns {
  private constructor(readonly name: string) {}

  static async create(t: ExecutionContext, tag = 'vt'): Promise<Netns> {
    const ns = new Netns(uniqueName(tag));
    await must(['ip', 'netns', 'add', ns.name]);
    t.teardown(() => ns.remove());
    await must(['ip', '-n', ns.name, 'link', 'set', 'lo', 'up']);
    // Written from inside the namespace (its own /proc/sys/net); no dependency on procps' sysctl.
    await must(['ip', 'netns', 'exec', ns.name, 'sh', '-c',
      'for k in all default lo; do echo 1 > /proc/sys/net/ipv6/conf/$k/disable_ipv6; done']);
    return ns;
  }

  /** argv prefixed to run inside the namespace. */
  cmd(argv: string[]): string[] {
    return ['ip', 'netns', 'exec', this.name, ...argv];
  }

  ip(...args: string[]): Promise<string> {
    return must(['ip', '-n', this.name, ...args]);
  }

  exec(argv: string[], options: { input?: string } = {}): Promise<RunResult> {
    return run(this.cmd(argv), options);
  }

  start(argv: string[]): Running {
    return new Running(this.cmd(argv));
  }

  /** vcap inside the namespace. */
  vcap(args: string[]): Running {
    return this.start([process.execPath, vcapBin, ...args]);
  }

  remove(): void {
    // Synchronous, so it also runs from a teardown after a failed assertion; deleting the
    // namespace deletes every device in it.
    try { execFileSync('ip', ['netns', 'del', this.name], { stdio: 'ignore' }); } catch { /* already gone */ }
  }
}

/**
 * Two namespaces joined by a veth pair, addressed 10.<n>.0.1/24 and .2, with static neighbour
 * entries so no ARP appears in the captures.
 */
export async function vethPair(t: ExecutionContext, net: number): Promise<{ a: Netns; b: Netns; ifA: string; ifB: string; ipA: string; ipB: string }> {
  const a = await Netns.create(t, 'va'), b = await Netns.create(t, 'vb');
  const ifA = uniqueName('ea'), ifB = uniqueName('eb');
  const ipA = `10.${net}.0.1`, ipB = `10.${net}.0.2`;
  await a.ip('link', 'add', ifA, 'address', '02:00:00:00:00:01', 'type', 'veth', 'peer', 'name', ifB, 'address', '02:00:00:00:00:02', 'netns', b.name);
  await a.ip('addr', 'add', `${ipA}/24`, 'dev', ifA);
  await b.ip('addr', 'add', `${ipB}/24`, 'dev', ifB);
  await a.ip('link', 'set', ifA, 'up');
  await b.ip('link', 'set', ifB, 'up');
  await a.ip('neigh', 'replace', ipB, 'lladdr', '02:00:00:00:00:02', 'dev', ifA, 'nud', 'permanent');
  await b.ip('neigh', 'replace', ipA, 'lladdr', '02:00:00:00:00:01', 'dev', ifB, 'nud', 'permanent');
  return { a, b, ifA, ifB, ipA, ipB };
}

/** Output lines without the leading time stamp (`12:34:56.789012 `), for comparing two captures. */
export function withoutTimes(text: string): string[] {
  return text.split('\n').filter((l) => l !== '').map((l) => l.replace(/^\d\d:\d\d:\d\d\.\d{6,9} /, ''));
}

/**
 * vcap and tcpdump, already started, on the same traffic: wait for both to listen, make the
 * traffic, let the last frames arrive, stop both; the lines without their time stamps.
 */
export async function sideBySide(t: ExecutionContext, vcap: Running, tcpdump: Running, traffic: () => Promise<unknown>): Promise<{ vcap: string[]; tcpdump: string[]; stderr: string }> {
  t.teardown(() => { vcap.kill(); tcpdump.kill(); });
  await vcap.waitFor(/listening on/);
  await tcpdump.waitFor(/listening on/);
  await traffic();
  await sleep(SETTLE_MS);
  const [v, d] = await Promise.all([vcap.stop(), tcpdump.stop()]);
  t.is(v.code, 0, v.stderr);
  return { vcap: withoutTimes(v.stdout), tcpdump: withoutTimes(d.stdout), stderr: v.stderr };
}

/** Time for tcpdump to get the last ring block (--immediate-mode: 1 ms; vcap reads the unfinished block at stop anyway) and for a loaded machine to let both tools print it, before stopping a capture. */
export const SETTLE_MS = 600;
