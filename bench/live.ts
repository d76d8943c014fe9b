// bench/live: trafgen floods a veth pair between two namespaces with 1M 64-byte frames; vcap and
// tcpdump capture the far end in turn, in the same run: -w FILE, -n text to /dev/null, and -w with
// a kernel filter that keeps 1% of the frames. Reports captured, kernel drops, CPU seconds (user+sys,
// from /proc/PID/task/*/schedstat, between "listening on" and the end of the flood) per 1M frames, and peak RSS.
// The filter row goes on with two more floods five times as long on the same running capture: the
// first of them takes what vcap pays once (V8 compiling its hot path as the kept frames arrive, V8's
// memory-reducing GCs about 8 s after start); the last gives the steady CPU per offered frame.
// Each round runs every mode, tcpdump then vcap; the summary gives every round's drops for both and
// the CPU ratio, with the date and the load average before and after (the machine may be shared).
// Run as root: node dist/bench/live.js [frames] [rounds] [modes, e.g. filter or write,text,filter]
// (issue 11's check: node dist/bench/live.js 1000000 10 write)
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { staleCli } from './corpora.js';

const FRAMES = Number(process.argv[2] ?? 1_000_000);
const ROUNDS = Number(process.argv[3] ?? 1);
const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const vcapBin = join(root, 'bin', 'vcap');
const stale = staleCli();
if (stale !== undefined) { console.error(`bench/live: ${stale}`); process.exit(2); }
const FILTER = 'udp dst port 1042';
const ONLY = process.argv[4]?.split(',');

const tag = `vb${process.pid % 100000}`;
const gen = `${tag}g`, cap = `${tag}c`;
const dir = mkdtempSync(join(tmpdir(), 'vcap-bench-'));

function sh(argv: string[]): string {
  return execFileSync(argv[0]!, argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
}

function setup(): void {
  sh(['ip', 'netns', 'add', gen]);
  sh(['ip', 'netns', 'add', cap]);
  sh(['ip', '-n', gen, 'link', 'add', 'ga', 'type', 'veth', 'peer', 'name', 'gb', 'netns', cap]);
  for (const [ns, dev] of [[gen, 'ga'], [cap, 'gb']] as const) {
    sh(['ip', 'netns', 'exec', ns, 'sh', '-c', 'echo 1 > /proc/sys/net/ipv6/conf/all/disable_ipv6']);
    sh(['ip', '-n', ns, 'link', 'set', dev, 'up']);
  }
  // 64 bytes: Ethernet 14 + IPv4 20 + UDP 8 + 22 bytes; destination ports 1000..1099 in turn, so
  // `udp dst port 1042` keeps 1 frame in 100.
  writeFileSync(join(dir, 'flood.cfg'),
    '{ eth(da=02:00:00:00:00:02, sa=02:00:00:00:00:01), ipv4(saddr=10.60.0.1, daddr=10.60.0.2, ttl=64), udp(sp=4000, dp=dinc(1000, 1099)), fill(0x41, 22) }\n');
}

function teardown(): void {
  for (const ns of [gen, cap]) try { sh(['ip', 'netns', 'del', ns]); } catch { /* not there */ }
  rmSync(dir, { recursive: true, force: true });
}

interface Result { tool: string; mode: string; captured: number; received: number; dropped: number; cpu: number; rssKiB: number; mainCpu: number; wakeups: number; warm?: { frames: number; cpu: number }; steady?: { frames: number; cpu: number; mainCpu: number; wakeups: number } }

/**
 * CPU time (user + sys) of every thread of the process (Node's compiler and GC threads count), in
 * seconds to the nanosecond: the run time in /proc/PID/task/TID/schedstat, not 10 ms clock ticks.
 */
function procCpu(pid: number): number {
  let ns = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try { ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'latin1').split(' ')[0]); } catch { /* thread ended */ }
  }
  return ns / 1e9;
}

/** The main thread (tid = pid): its run time in seconds and its voluntary context switches (each a wait for the ring). */
function mainThread(pid: number): { cpu: number; wakeups: number } {
  const cpu = Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'latin1').split(' ')[0]) / 1e9;
  const wakeups = Number(/voluntary_ctxt_switches:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/task/${pid}/status`, 'latin1'))?.[1] ?? 0);
  return { cpu, wakeups };
}

function procHwm(pid: number): number {
  return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'latin1'))?.[1] ?? 0);
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function one(tool: 'vcap' | 'tcpdump', mode: 'write' | 'text' | 'filter'): Promise<Result> {
  const file = join(dir, `${tool}.pcap`);
  const args = mode === 'text' ? ['-n'] : ['-w', file];
  if (mode === 'filter') args.push(FILTER);
  const argv = tool === 'vcap' ? [process.execPath, vcapBin, '-i', 'gb', ...args] : ['tcpdump', '-i', 'gb', ...args];
  const p = spawn('ip', ['netns', 'exec', cap, ...argv], { stdio: ['ignore', mode === 'text' ? 'ignore' : 'ignore', 'pipe'] });
  let stderr = '';
  p.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
  const exited = new Promise<void>((r) => p.on('close', () => r()));
  while (!/listening on/.test(stderr)) {
    if (p.exitCode !== null) throw new Error(`${tool} exited: ${stderr}`);
    await sleep(20);
  }
  const pid = p.pid!;
  const flood = async (frames: number): Promise<void> => {
    sh(['ip', 'netns', 'exec', gen, 'trafgen', '-o', 'ga', '--cpus', '1', '-n', String(frames), '-i', join(dir, 'flood.cfg'), '-q']);
    // Let the capture finish what is in its ring (block timeouts: 1 s writing a file, as tcpdump's; 100 ms into a pipe).
    let last = -1;
    for (;;) {
      await sleep(1500);
      const now = procCpu(pid);
      if (now - last < 0.005) break;
      last = now;
    }
  };
  const cpu0 = procCpu(pid), main0 = mainThread(pid);
  await flood(FRAMES);
  const cpu = procCpu(pid) - cpu0, main1 = mainThread(pid);
  let warm: Result['warm'], steady: Result['steady'];
  if (mode === 'filter') {
    const cpu1 = procCpu(pid);
    await flood(5 * FRAMES);
    const cpu2 = procCpu(pid), main2 = mainThread(pid);
    warm = { frames: 5 * FRAMES, cpu: cpu2 - cpu1 };
    await flood(5 * FRAMES);
    const main3 = mainThread(pid);
    steady = { frames: 5 * FRAMES, cpu: procCpu(pid) - cpu2, mainCpu: main3.cpu - main2.cpu, wakeups: main3.wakeups - main2.wakeups };
  }
  const rssKiB = procHwm(pid);
  p.kill('SIGINT');
  await exited;
  const num = (re: RegExp): number => Number(re.exec(stderr)?.[1] ?? NaN);
  return {
    tool, mode, cpu, rssKiB, mainCpu: main1.cpu - main0.cpu, wakeups: main1.wakeups - main0.wakeups, warm, steady,
    captured: num(/(\d+) packets? captured/),
    received: num(/(\d+) packets? received by filter/),
    dropped: num(/(\d+) packets? dropped by kernel/),
  };
}

function filterAvailable(): boolean {
  try {
    const r = execFileSync(process.execPath, [vcapBin, '-d', FILTER], { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
    return r.length > 0;
  } catch {
    return false;
  }
}

const load = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');

async function main(): Promise<void> {
  if (process.getuid?.() !== 0) throw new Error('bench/live needs root (namespaces, AF_PACKET)');
  const started = new Date(), loadBefore = load();
  setup();
  const results: Result[] = [];
  try {
    const modes: ('write' | 'text' | 'filter')[] = ['write', 'text'];
    if (filterAvailable()) modes.push('filter');
    else console.error(`skipping the kernel-filter row: vcap cannot compile '${FILTER}' yet`);
    if (ONLY) modes.splice(0, modes.length, ...modes.filter((m) => ONLY.includes(m)));
    for (let r = 0; r < ROUNDS; r++)
      for (const mode of modes)
        for (const tool of ['tcpdump', 'vcap'] as const) {
          const res = await one(tool, mode);
          results.push(res);
          console.error(`${tool} ${mode}: ${JSON.stringify(res)}`);
        }
  } finally {
    teardown();
  }
  const per = (r: Result): number => (r.cpu / FRAMES) * 1e6;
  const label = { write: '-w FILE', text: '-n > /dev/null', filter: `-w FILE '${FILTER}' (1%)` };
  const lines = [
    `| mode | tool | captured | dropped by kernel | drop % | CPU s / 1M frames | peak RSS MiB |`,
    `|---|---|---:|---:|---:|---:|---:|`,
  ];
  for (const r of results)
    lines.push(`| ${label[r.mode as keyof typeof label]} | ${r.tool} | ${r.captured} | ${r.dropped} | ${((100 * r.dropped) / Math.max(1, r.received)).toFixed(1)} | ${per(r).toFixed(3)} | ${(r.rssKiB / 1024).toFixed(1)} |`);
  lines.push('', `${FRAMES} frames a flood, ${ROUNDS} round${ROUNDS === 1 ? '' : 's'}, ${started.toISOString().slice(0, 16).replace('T', ' ')}–${new Date().toISOString().slice(11, 16)} UTC, ` +
    `load average ${loadBefore} before, ${load()} after; \`vcap -i gb ARGS\` and \`tcpdump -i gb ARGS\` in the capturing namespace:`, '');
  for (const mode of ['write', 'text', 'filter'] as const) {
    const v = results.filter((r) => r.mode === mode && r.tool === 'vcap'), d = results.filter((r) => r.mode === mode && r.tool === 'tcpdump');
    if (v.length === 0 || d.length === 0) continue;
    const avg = (rs: Result[], f: (r: Result) => number): number => rs.reduce((s, r) => s + f(r), 0) / rs.length;
    const pct = (r: Result): string => `${((100 * r.dropped) / Math.max(1, r.received)).toFixed(1)}%`;
    const ratios = v.map((r, i) => per(r) / per(d[i]!)).sort((x, y) => x - y);
    lines.push(`- ${label[mode]}: CPU per frame vcap/tcpdump **${(avg(v, per) / avg(d, per)).toFixed(2)}×** (means of ${v.length}; per round ${ratios[0]!.toFixed(2)}–${ratios[ratios.length - 1]!.toFixed(2)}×, median ${ratios[ratios.length >> 1]!.toFixed(2)}×)`);
    lines.push(`  - dropped by kernel, round by round: vcap ${v.map((r) => r.dropped).join(', ')} (${v.filter((r) => r.dropped === 0).length} of ${v.length} rounds with none; max ${pct(v.reduce((a, b) => (b.dropped > a.dropped ? b : a)))})`);
    lines.push(`  - tcpdump ${d.map((r) => r.dropped).join(', ')} (${d.filter((r) => r.dropped === 0).length} of ${d.length} with none; max ${pct(d.reduce((a, b) => (b.dropped > a.dropped ? b : a)))})`);
  }
  const steady = results.filter((r) => r.steady !== undefined);
  if (steady.length > 0) {
    lines.push('', `Kernel filter, the same captures going on: ${FRAMES} frames offered, then ${5 * FRAMES}, then ${5 * FRAMES} more (steady):`, '',
      `| tool | captured (all floods) | dropped | CPU ms, first ${FRAMES} | CPU ms, next ${5 * FRAMES} | CPU ms, last ${5 * FRAMES} | of which main thread | ns per offered frame, last | wakeups, last |`,
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of steady)
      lines.push(`| ${r.tool} | ${r.captured} | ${r.dropped} | ${(r.cpu * 1e3).toFixed(2)} | ${(r.warm!.cpu * 1e3).toFixed(2)} | ${(r.steady!.cpu * 1e3).toFixed(2)} | ${(r.steady!.mainCpu * 1e3).toFixed(2)} | ${((r.steady!.cpu / r.steady!.frames) * 1e9).toFixed(2)} | ${r.steady!.wakeups} |`);
    const mean = (tool: string, f: (r: Result) => number): number => { const rs = steady.filter((r) => r.tool === tool); return rs.reduce((s, r) => s + f(r), 0) / rs.length; };
    if (steady.some((r) => r.tool === 'vcap') && steady.some((r) => r.tool === 'tcpdump')) {
      const all = (r: Result): number => r.cpu + r.warm!.cpu + r.steady!.cpu;
      const median = (tool: string): number => { const v = steady.filter((r) => r.tool === tool).map((r) => r.steady!.cpu).sort((x, y) => x - y); return v.length % 2 ? v[v.length >> 1]! : (v[v.length / 2 - 1]! + v[v.length / 2]!) / 2; };
      lines.push('', `- kernel filter, steady (${steady.length / 2} rounds): vcap/tcpdump CPU per offered frame ${(median('vcap') / median('tcpdump')).toFixed(2)}× (medians), ${(mean('vcap', (r) => r.steady!.cpu) / mean('tcpdump', (r) => r.steady!.cpu)).toFixed(2)}× (means); ` +
        `all ${11 * FRAMES} frames, one-time costs included: ${(mean('vcap', all) / mean('tcpdump', all)).toFixed(2)}×`);
    }
  }
  console.log(lines.join('\n'));
}

await main();
