// `vcap demo`: a newcomer's first minute. In private network namespaces it replays the reference
// article's tun0 experiment with vcap answering (--reply), measures iperf3 across veth pairs and a
// bridge with `vcap stats`, prints `vcap topo`, and removes everything it made: at the end, on
// Ctrl-C and on failure. Traffic goes only to addresses inside its own namespaces.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { VcapError } from '../errors.js';
import { parseCommandArgs, secondsOption } from './command-args.js';

export const usage = `Usage: vcap demo [--seconds S]
  Builds private network namespaces, runs vcap in them and removes them again (needs root, ping
  and iperf3): tun0 with vcap at its end answering ping (--tun --reply), then iperf3 through two
  veth pairs and a bridge measured with vcap stats (--seconds, default 4), then vcap topo.
`;

/** bin/vcap of this package (dist/src/cli/ → ../../../bin/vcap). */
const vcapBin = fileURLToPath(new URL('../../../bin/vcap', import.meta.url));

const out = (s: string): void => { writeSync(1, s); };

interface Result { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

/** A child the demo started, its output collected. */
class Child {
  stdout = '';
  stderr = '';
  readonly done: Promise<Result>;
  constructor(readonly p: ChildProcess) {
    p.stdout?.setEncoding('utf8').on('data', (d: string) => { this.stdout += d; });
    p.stderr?.setEncoding('utf8').on('data', (d: string) => { this.stderr += d; });
    this.done = new Promise((resolve) => {
      p.on('error', (e) => { this.stderr += e.message; resolve({ code: 127, signal: null, stdout: this.stdout, stderr: this.stderr }); });
      p.on('close', (code, signal) => resolve({ code, signal, stdout: this.stdout, stderr: this.stderr }));
    });
  }

  /** Until `pattern` shows in its stdout or stderr (a server listening, a capture started). */
  async waitFor(pattern: RegExp, what: string, ms = 10_000): Promise<void> {
    const end = Date.now() + ms;
    let exited = false;
    void this.done.then(() => { exited = true; });
    while (!pattern.test(this.stdout + this.stderr)) {
      if (exited) throw new VcapError(`demo: ${what} exited early: ${(this.stderr || this.stdout).trim().split('\n').pop() ?? ''}`, 'EDEMO');
      if (Date.now() > end) throw new VcapError(`demo: ${what} did not start within ${ms / 1000} s`, 'EDEMO');
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

export class Demo {
  readonly prefix = `vcapdemo${process.pid}`;
  readonly #children = new Set<Child>();
  readonly #namespaces: string[] = [];
  #removed: string[] | undefined;

  constructor(readonly seconds: number) {}

  ns(tag: string): string { return `${this.prefix}-${tag}`; }

  start(argv: string[]): Child {
    const c = new Child(spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] }));
    this.#children.add(c);
    void c.done.then(() => this.#children.delete(c));
    return c;
  }

  /** Run to the end; a non-zero exit is a failure of the demo, worded with the command's last line. */
  async must(argv: string[]): Promise<Result> {
    const r = await this.start(argv).done;
    if (r.code !== 0) {
      const why = (r.stderr || r.stdout).trim().split('\n').pop() ?? '';
      throw new VcapError(`demo: ${argv.join(' ')} failed${r.signal ? ` (${r.signal})` : ` (status ${r.code})`}${why ? `: ${why}` : ''}`, 'EDEMO');
    }
    return r;
  }

  async ip(...args: string[]): Promise<void> { await this.must(['ip', ...args]); }

  vcap(args: string[]): Child { return this.start([process.execPath, vcapBin, ...args]); }

  /** A fresh namespace with loopback up and IPv6 off (no router solicitations in the captures). */
  async addNamespace(tag: string): Promise<string> {
    const name = this.ns(tag);
    await this.ip('netns', 'add', name);
    this.#namespaces.push(name);
    await this.ip('-n', name, 'link', 'set', 'lo', 'up');
    await this.must(['ip', 'netns', 'exec', name, 'sh', '-c',
      'for k in all default lo; do echo 1 > /proc/sys/net/ipv6/conf/$k/disable_ipv6; done']);
    return name;
  }

  /**
   * Stop every child still running and delete every namespace made (which deletes their devices);
   * returns the namespaces removed. Synchronous, so a signal handler can run it; idempotent.
   */
  cleanup(): string[] {
    if (this.#removed !== undefined) return this.#removed;
    for (const c of this.#children) if (c.p.exitCode === null && c.p.signalCode === null) c.p.kill('SIGKILL');
    this.#removed = this.#namespaces.reverse().filter((name) => spawnSync('ip', ['netns', 'del', name], { stdio: 'ignore' }).status === 0);
    return this.#removed;
  }
}

/** The command line a reader would type for what the demo runs inside a namespace. */
const shown = (ns: string, argv: string[]): string => `# ip netns exec ${ns} ${argv.join(' ')}\n`;
const indent = (text: string): string => text.replace(/^(?=.)/gm, '  ');

function requireTools(): void {
  if (process.getuid?.() !== 0) throw new VcapError('demo: run it as root (it makes network namespaces and a TUN device)', 'EDEMO');
  for (const [tool, pkg] of [['ip', 'iproute2'], ['ping', 'iputils-ping'], ['iperf3', 'iperf3']] as const) {
    const r = spawnSync(tool, ['-V'], { stdio: 'ignore' });
    if (r.error !== undefined) throw new VcapError(`demo: needs ${tool} (Debian: apt-get install -y ${pkg})`, 'ENOENT');
  }
  if (!existsSync('/dev/net/tun')) throw new VcapError('demo: needs /dev/net/tun (the tun module)', 'ENOENT');
}

/** 1. The article's tun0 experiment, with vcap at the end of tun0 answering; vcap keeps running (topo shows it holding tun0). */
async function tunStep(d: Demo): Promise<Child> {
  out('1. tun0, with vcap as the program at its other end\n\n');
  const ns = await d.addNamespace('tun');
  const args = ['--netns', ns, '--tun', 'tun0', '--addr', '172.21.22.23/24', '--reply', '-n', '-l'];
  out(`# vcap ${args.join(' ')} &\n`);
  const cap = d.vcap(args);
  await cap.waitFor(/listening on tun0/, 'vcap --tun');
  out(indent(cap.stderr.replace(/^vcap: verbose output suppressed.*\n/m, '')));
  out('\nThe kernel answers its own address; the ping never reaches tun0:\n');
  const local = ['ping', '-c', '1', '-W', '1', '172.21.22.23'];
  out(shown(ns, local));
  out(indent((await d.must(['ip', 'netns', 'exec', ns, ...local])).stdout.trim().split('\n').slice(-2).join('\n') + '\n'));
  out('\nAnother address of the subnet is routed into tun0, where vcap answers (the article saw 100% loss):\n');
  const routed = ['ping', '-c', '4', '-i', '0.2', '-W', '2', '172.21.22.26'];
  out(shown(ns, routed));
  out(indent((await d.must(['ip', 'netns', 'exec', ns, ...routed])).stdout));
  // -l: each line is out as soon as vcap has it; give the last reply's line a moment.
  for (let i = 0; i < 50 && cap.stdout.split('\n').length < 9; i++) await new Promise((r) => setTimeout(r, 20));
  out('\nWhat vcap printed: the requests it read from tun0 and the replies it wrote into it:\n');
  out(indent(cap.stdout));
  return cap;
}

/** 2. Two namespaces joined through a bridge (two veth pairs), iperf3 across, `vcap stats` along the path. */
async function speedStep(d: Demo): Promise<void> {
  out('\n2. How fast is a veth pair through a bridge? iperf3 across it, measured by vcap stats\n\n');
  const a = await d.addNamespace('a'), b = await d.addNamespace('b'), br = await d.addNamespace('br');
  // The switch: br0 in its own namespace, one veth pair to each side (as docker0 and its containers).
  await d.ip('-n', br, 'link', 'add', 'br0', 'type', 'bridge');
  await d.ip('-n', br, 'link', 'set', 'br0', 'up');
  for (const [ns, port, addr] of [[a, 'veth-a', '10.77.0.1/24'], [b, 'veth-b', '10.77.0.2/24']] as const) {
    await d.ip('-n', br, 'link', 'add', port, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', ns);
    await d.ip('-n', br, 'link', 'set', port, 'master', 'br0', 'up');
    await d.ip('-n', ns, 'addr', 'add', addr, 'dev', 'eth0');
    await d.ip('-n', ns, 'link', 'set', 'eth0', 'up');
  }
  out(`${a} (10.77.0.1) and ${b} (10.77.0.2): each eth0 is a veth whose peer is a port of br0 in ${br}\n\n`);
  await d.must(['ip', 'netns', 'exec', a, 'ping', '-c', '1', '-W', '3', '10.77.0.2']);
  const server = d.start(['ip', 'netns', 'exec', b, 'iperf3', '-s', '-1', '-B', '10.77.0.2', '--forceflush']);
  await server.waitFor(/Server listening/, 'iperf3 -s');
  // The path of the bytes, sender to receiver: out of eth0 in a, into veth-a, out of veth-b, into eth0 in b.
  const statsArgs = ['stats', '-i', `eth0@${a}`, '-i', `veth-a@${br}`, '-i', `veth-b@${br}`, '-i', `eth0@${b}`,
    '--interval', '1', '--duration', String(d.seconds)];
  // iperf3 sends until vcap stats is done (then Ctrl-C: it prints its sender's summary), and vcap
  // stats starts once iperf3's first lines show the transfer going: every interval sees the
  // transfer however long node takes to start on a busy machine. vcap stats's lines are passed on as they come.
  const client = ['iperf3', '-c', '10.77.0.2', '-t', '600', '-f', 'g', '--forceflush'];
  out(`${shown(a, client).replace(/\n$/, ' &\n')}# vcap ${statsArgs.join(' ')}\n`);
  const sender = d.start(['ip', 'netns', 'exec', a, ...client]);
  await sender.waitFor(/\[ ID\] Interval/, 'iperf3 -c');
  const stats = d.vcap(statsArgs);
  stats.p.stdout!.on('data', (text: string) => out(text));
  const st = await stats.done;
  if (st.code !== 0) throw new VcapError(`demo: vcap stats failed: ${st.stderr.trim().split('\n').pop() ?? ''}`, 'EDEMO');
  sender.p.kill('SIGINT');
  const iperf = await sender.done;
  const line = iperf.stdout.split('\n').find((l) => /sender$/.test(l.trim()));
  if (line === undefined) throw new VcapError(`demo: iperf3 -c failed: ${(iperf.stderr || iperf.stdout).trim().split('\n').pop() ?? ''}`, 'EDEMO');
  await server.done;
  out(`\n# kill -INT %1    (iperf3, which then says what it sent)\n${indent(line.trim())}\n`);
}

/** 3. What the demo built, as `vcap topo` draws it: tun0 held by the vcap of step 1, the bridge, the veth pairs. */
async function topoStep(d: Demo): Promise<void> {
  const names = ['tun', 'a', 'b', 'br'].map((t) => d.ns(t));
  out(`\n3. The topology, as vcap topo sees it across namespaces\n\n# vcap topo ${names.join(' ')}\n`);
  const r = await d.vcap(['topo', ...names]).done;
  if (r.code !== 0) throw new VcapError(`demo: vcap topo failed: ${r.stderr.trim().split('\n').pop() ?? ''}`, 'EDEMO');
  out(indent(r.stdout));
}

/** Ctrl-C to the vcap of step 1: tun0 goes away with it, and it says what it counted. */
async function stopTun(cap: Child): Promise<void> {
  out('\n4. Ctrl-C to the vcap holding tun0: tun0 goes away with it\n\n');
  cap.p.kill('SIGINT');
  const r = await cap.done;
  out(indent(r.stderr.split('\n').filter((l) => /packets? (captured|received|dropped)/.test(l)).join('\n') + '\n'));
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs('demo', argv, { seconds: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (values['help']) { out(usage); return 0; }
  const seconds = secondsOption('demo', 'seconds', values['seconds'] as string | undefined, 4, 1);
  requireTools();
  const d = new Demo(Math.round(seconds));
  let interrupted: NodeJS.Signals | undefined;
  let wake: (() => void) | undefined;
  const stopped = new Promise<void>((r) => { wake = r; });
  const onSignal = (s: NodeJS.Signals): void => { interrupted ??= s; d.cleanup(); wake?.(); };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const s of signals) process.on(s, onSignal);
  out(`vcap demo: everything below happens in network namespaces named ${d.prefix}-*, removed at the end\n\n`);
  try {
    const steps = (async (): Promise<void> => {
      const tun = await tunStep(d);
      await speedStep(d);
      await topoStep(d);
      await stopTun(tun);
    })();
    // A signal ends the demo at once: its children are gone and the steps' failures no longer matter.
    steps.catch(() => undefined);
    await Promise.race([steps, stopped]);
    if (interrupted === undefined) await steps;
  } catch (e) {
    if (interrupted === undefined) throw e;
  } finally {
    for (const s of signals) process.off(s, onSignal);
    const removed = d.cleanup();
    if (removed.length > 0) out(`\nRemoved the namespaces ${removed.join(', ')} and everything in them.\n`);
  }
  if (interrupted !== undefined) {
    writeSync(2, `vcap: demo: interrupted (${interrupted}); everything it made is removed\n`);
    return 130;
  }
  return 0;
}
