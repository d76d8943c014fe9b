// bench/netspeed: the reference article's speed table, reproduced with iperf3 and `vcap stats` in
// the same run, on each kind of virtual link, in namespaces this script makes and removes:
//   loopback         iperf3 client and server on one namespace's lo
//   veth             a veth pair between two namespaces
//   bridge, host     a "host" namespace whose bridge holds the address, a "container" behind a
//                    veth that is a port of it (the article's host → docker0 → container)
//   bridge, c2c      two "containers" on one bridge (veth → bridge → veth)
//   tun              two TUN devices in two namespaces joined by a user-space relay (tun-relay.ts,
//                    vcap's TunSource): what a VPN's data path costs
// For each: what ethtool claims (from `vcap ifaces --json`), iperf3's receiver rate over its run,
// and vcap stats' rate on one interface of the path over the quarter-seconds in which data crossed
// it (every busy interval, the partly busy first and last included: at most half a second of
// partly idle time in a 20 s run, so vcap's figure can only be a little low).
// Run as root: node dist/bench/netspeed.js [seconds=20] [scenarios, e.g. veth,tun]
import { spawn, execFileSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';

const SECONDS = Number(process.argv[2] ?? 20);
const ONLY = process.argv[3]?.split(',');
const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const vcapBin = join(root, 'bin', 'vcap');
const tag = `ns${process.pid % 100000}`;
const made: string[] = [];

function sh(...argv: string[]): string {
  return execFileSync(argv[0]!, argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
}
const ip = (ns: string, ...args: string[]): string => sh('ip', '-n', ns, ...args);

function netns(name: string): string {
  const ns = `${tag}${name}`;
  sh('ip', 'netns', 'add', ns);
  made.push(ns);
  sh('ip', 'netns', 'exec', ns, 'sh', '-c', 'for k in all default lo; do echo 1 > /proc/sys/net/ipv6/conf/$k/disable_ipv6; done');
  ip(ns, 'link', 'set', 'lo', 'up');
  return ns;
}

function cleanup(): void {
  for (const ns of made.splice(0)) try { sh('ip', 'netns', 'del', ns); } catch { /* gone */ }
}

interface Scenario {
  path: string;
  client: string;
  server: string;
  serverIp: string;
  /** The interface vcap stats watches (IF@NETNS) and the direction the data goes through it. */
  watch: string;
  dir: 'rx' | 'tx';
  /** Where ethtool's claim is read (IF@NETNS). */
  claim: string;
  helper?: ChildProcess;
}

function veth(ns: string, dev: string, peerNs: string, peer: string): void {
  ip(ns, 'link', 'add', dev, 'type', 'veth', 'peer', 'name', peer, 'netns', peerNs);
}

const scenarios: Record<string, () => Promise<Scenario>> = {
  async loopback() {
    const l = netns('l');
    return { path: 'loopback', client: l, server: l, serverIp: '127.0.0.1', watch: `lo@${l}`, dir: 'rx', claim: `lo@${l}` };
  },
  async veth() {
    const a = netns('a'), b = netns('b');
    veth(a, 'va', b, 'vb');
    ip(a, 'addr', 'add', '10.201.0.1/24', 'dev', 'va'); ip(b, 'addr', 'add', '10.201.0.2/24', 'dev', 'vb');
    ip(a, 'link', 'set', 'va', 'up'); ip(b, 'link', 'set', 'vb', 'up');
    return { path: 'veth, between two namespaces', client: a, server: b, serverIp: '10.201.0.2', watch: `vb@${b}`, dir: 'rx', claim: `vb@${b}` };
  },
  async 'bridge-host'() {
    const h = netns('h'), c = netns('c');
    ip(h, 'link', 'add', 'br0', 'type', 'bridge');
    ip(h, 'addr', 'add', '10.202.0.1/24', 'dev', 'br0');
    veth(h, 'vethc', c, 'eth0');
    ip(h, 'link', 'set', 'vethc', 'master', 'br0');
    for (const d of ['br0', 'vethc']) ip(h, 'link', 'set', d, 'up');
    ip(c, 'addr', 'add', '10.202.0.2/24', 'dev', 'eth0'); ip(c, 'link', 'set', 'eth0', 'up');
    return { path: 'bridge, host to container (br0 → veth)', client: h, server: c, serverIp: '10.202.0.2', watch: `br0@${h}`, dir: 'tx', claim: `br0@${h}` };
  },
  async 'bridge-c2c'() {
    const h = netns('s'), c1 = netns('c1'), c2 = netns('c2');
    ip(h, 'link', 'add', 'br0', 'type', 'bridge');
    veth(h, 'v1', c1, 'eth0'); veth(h, 'v2', c2, 'eth0');
    for (const d of ['v1', 'v2']) ip(h, 'link', 'set', d, 'master', 'br0');
    for (const d of ['br0', 'v1', 'v2']) ip(h, 'link', 'set', d, 'up');
    ip(c1, 'addr', 'add', '10.203.0.1/24', 'dev', 'eth0'); ip(c2, 'addr', 'add', '10.203.0.2/24', 'dev', 'eth0');
    ip(c1, 'link', 'set', 'eth0', 'up'); ip(c2, 'link', 'set', 'eth0', 'up');
    return { path: 'bridge, container to container (veth → br0 → veth)', client: c1, server: c2, serverIp: '10.203.0.2', watch: `eth0@${c2}`, dir: 'rx', claim: `br0@${h}` };
  },
  async tun() {
    const a = netns('ta'), b = netns('tb');
    const relay = spawn(process.execPath, [join(root, 'dist', 'bench', 'tun-relay.js'), a, 'tun0', '10.204.0.1/24', b, 'tun0', '10.204.0.2/24'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    relay.stderr!.setEncoding('utf8').on('data', (d: string) => { err += d; });
    for (let i = 0; i < 400 && !err.includes('ready'); i++) await sleep(25);
    if (!err.includes('ready')) throw new Error(`tun-relay: ${err}`);
    return { path: 'tun, two TUN devices and a user-space relay (vcap TunSource)', client: a, server: b, serverIp: '10.204.0.2', watch: `tun0@${b}`, dir: 'rx', claim: `tun0@${b}`, helper: relay };
  },
};

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function run(argv: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    p.stdout!.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    p.stderr!.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

interface Sample { seconds: number; rx: { bytes: number }; tx: { bytes: number }; mean?: true }

/** bits/s over the samples from the first to the last in which data crossed the interface. */
function busyRate(samples: Sample[], dir: 'rx' | 'tx'): number {
  const busy = samples.map((s, i) => (s[dir].bytes > 100_000 ? i : -1)).filter((i) => i >= 0);
  const span = samples.slice(busy[0]!, busy[busy.length - 1]! + 1);
  return (span.reduce((a, s) => a + s[dir].bytes, 0) * 8) / span.reduce((a, s) => a + s.seconds, 0);
}

async function claimed(spec: string): Promise<string> {
  const [name, ns] = spec.split('@') as [string, string];
  const r = await run([process.execPath, vcapBin, 'ifaces', '--json', '--netns', ns, name]);
  const d = (JSON.parse(r.stdout) as { speed: { mbps: number | null } | null }[])[0]!;
  return d.speed === null ? '(none)' : d.speed.mbps === null ? 'Unknown!' : `${d.speed.mbps}Mb/s`;
}

async function measure(s: Scenario): Promise<string[]> {
  const server = spawn('ip', ['netns', 'exec', s.server, 'iperf3', '-s', '-1'], { stdio: 'ignore' });
  await sleep(500);
  const stats = spawn(process.execPath, [vcapBin, 'stats', '-i', s.watch, '--interval', '0.25', '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  stats.stdout!.setEncoding('utf8').on('data', (d: string) => { out += d; });
  for (let i = 0; i < 400 && out.split('\n').length < 2; i++) await sleep(25);
  const client = await run(['ip', 'netns', 'exec', s.client, 'iperf3', '-c', s.serverIp, '-t', String(SECONDS), '-J']);
  await sleep(1500);
  const ended = new Promise((r) => stats.on('close', r));
  stats.kill('SIGINT');
  await ended;
  server.kill();
  if (client.code !== 0) throw new Error(`iperf3: ${client.stderr}${client.stdout.slice(0, 300)}`);
  const iperf = JSON.parse(client.stdout) as { end: { sum_received: { bits_per_second: number } } };
  const want = iperf.end.sum_received.bits_per_second;
  const samples = out.trim().split('\n').map((l) => JSON.parse(l) as Sample).filter((x) => !x.mean);
  const vcapRate = busyRate(samples, s.dir);
  const g = (bps: number): string => `${(bps / 1e9).toFixed(2)} Gbit/s`;
  return [s.path, await claimed(s.claim), g(want), `${g(vcapRate)} (${s.dir.toUpperCase()} on ${s.watch.replace(/@.*/, '')})`, (vcapRate / want).toFixed(3)];
}

const rows: string[][] = [];
const load = loadavg().map((x) => x.toFixed(1)).join(' ');
try {
  for (const [name, make] of Object.entries(scenarios)) {
    if (ONLY && !ONLY.includes(name)) continue;
    let s: Scenario | undefined;
    try {
      s = await make();
      rows.push(await measure(s));
    } finally {
      s?.helper?.kill('SIGTERM');
      if (s?.helper) await new Promise((r) => s!.helper!.on('close', r));
      cleanup();
    }
    process.stderr.write(`${rows[rows.length - 1]!.join(' | ')}\n`);
  }
} finally {
  cleanup();
}
process.stdout.write(`${new Date().toISOString()}, ${SECONDS} s per path, load average ${load} → ${loadavg().map((x) => x.toFixed(1)).join(' ')}\n\n`);
process.stdout.write('| path | ethtool claims | iperf3 (receiver) | vcap stats (same transfer) | vcap / iperf3 |\n|---|---|---|---|---|\n');
for (const r of rows) process.stdout.write(`| ${r.join(' | ')} |\n`);
