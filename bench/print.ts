// bench/print: `vcap -n -r F > /dev/null` against `tcpdump -n -r F > /dev/null`, in the same run,
// on the captures bench/make-captures.ts writes. Wall time is the median of several runs; the
// ratio is what matters on a noisy 2-core machine.
import { spawnSync } from 'node:child_process';
import { existsSync, openSync, closeSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const data = join(root, 'bench', 'data');
const vcap = join(root, 'bin', 'vcap');
const runs = Number(process.env.BENCH_RUNS ?? 3);

interface Run { wall: number; status: number | null }

function timeOnce(cmd: string, args: string[]): Run {
  const devnull = openSync('/dev/null', 'w');
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: ['ignore', devnull, 'pipe'], env: { ...process.env, TZ: 'UTC0' }, maxBuffer: 1 << 20 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  closeSync(devnull);
  if (r.status !== 0) process.stderr.write(`${cmd} ${args.join(' ')}: status ${r.status}\n${r.stderr}`);
  return { wall, status: r.status };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

function bench(file: string): { vcap: number; tcpdump: number } {
  const v: number[] = [], t: number[] = [];
  for (let i = 0; i < runs; i++) {  // interleaved so that machine noise hits both alike
    v.push(timeOnce(process.execPath, [vcap, '-n', '-r', file]).wall);
    t.push(timeOnce('tcpdump', ['-n', '-r', file]).wall);
  }
  return { vcap: median(v), tcpdump: median(t) };
}

const sets: [string, string][] = [
  ['mixed 1M', 'mixed-1m.pcap'],
  ['UDP flood 1M', 'udp-flood-1m.pcap'],
  ['1M pkts, 1k hosts', 'hosts-1k.pcap'],
  ['1M pkts, 10k hosts', 'hosts-10k.pcap'],
  ['1M pkts, 100k hosts', 'hosts-100k.pcap'],
  ['1M pkts, 1M hosts', 'hosts-1m.pcap'],
];
const only = process.argv.slice(2);
console.log(`bench/print: median of ${runs} runs, TZ=UTC0, output to /dev/null`);
console.log('capture                 packets   vcap s  tcpdump s  vcap/tcpdump  vcap ns/pkt');
for (const [label, name] of sets) {
  if (only.length && !only.some(o => name.includes(o))) continue;
  const file = join(data, name);
  if (!existsSync(file)) { console.log(`${label.padEnd(22)}  missing ${file}: run node dist/bench/make-captures.js`); continue; }
  const packets = 1_000_000;
  const r = bench(file);
  console.log(`${label.padEnd(22)} ${String(packets).padStart(8)} ${r.vcap.toFixed(2).padStart(8)} ${r.tcpdump.toFixed(2).padStart(10)} ${(r.vcap / r.tcpdump).toFixed(2).padStart(13)} ${(r.vcap / packets * 1e9).toFixed(0).padStart(12)}   (${(statSync(file).size / 1e6).toFixed(0)} MB)`);
}
