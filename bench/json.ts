// bench/json: JSON output of a whole capture, `vcap -r F --json` against `tshark -r F -T ek` and
// `tshark -r F -T json`, in the same run, interleaved, output to /dev/null. Wall time and the CPU
// time the process used (user + sys, from bash's `times`), and what each wrote.
// Usage: node dist/bench/json.js [capture] (default bench/data/mixed-1m.pcap); BENCH_RUNS=N (default 1);
//        BENCH_TOOLS=vcap,ek,json to pick.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const file = process.argv[2] ?? join(root, 'bench', 'data', 'mixed-1m.pcap');
const runs = Number(process.env['BENCH_RUNS'] ?? 1);
const vcap = join(root, 'bin', 'vcap');

interface Tool { name: string; cmd: string }
const q = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
const tools: Tool[] = [
  { name: 'vcap --json', cmd: `${q(process.execPath)} ${q(vcap)} -r ${q(file)} --json` },
  { name: 'tshark -T ek', cmd: `tshark -r ${q(file)} -T ek` },
  { name: 'tshark -T json', cmd: `tshark -r ${q(file)} -T json` },
].filter((t) => {
  const pick = process.env['BENCH_TOOLS'];
  return pick === undefined || pick.split(',').some((p) => t.name.endsWith(p) || t.name.startsWith(p));
});

interface Run { wall: number; cpu: number; bytes: number }

/** One run: the command's output counted by wc (so it is written, not dropped), its CPU from `times`. */
function once(cmd: string): Run {
  const script = `${cmd} 2>/dev/null | wc -c; times`;
  const t0 = process.hrtime.bigint();
  const r = spawnSync('bash', ['-c', script], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd}: status ${r.status}: ${r.stderr}`);
  const lines = r.stdout.trim().split('\n');
  const bytes = Number(lines[0]);
  // `times` prints the shell's and then its children's user/sys: "0m1.234s 0m0.056s".
  const sec = (s: string): number => { const m = /(\d+)m([\d.]+)s/.exec(s)!; return Number(m[1]) * 60 + Number(m[2]); };
  const children = lines[lines.length - 1]!.split(/\s+/);
  // The children's time includes wc's, which is small next to either tool's.
  return { wall, cpu: sec(children[0]!) + sec(children[1]!), bytes };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

if (!existsSync(file)) {
  console.log(`missing ${file}: run node dist/bench/make-captures.js mixed`);
  process.exit(1);
}
const packets = Number(spawnSync('capinfos', ['-c', '-M', '-T', file], { encoding: 'utf8' }).stdout.trim().split('\n').pop()!.split('\t')[1]);
console.log(`bench/json: ${file} (${packets} packets), ${runs} run(s) each, interleaved; load ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`);
const results = new Map<string, Run[]>(tools.map((t) => [t.name, []]));
for (let i = 0; i < runs; i++) for (const t of tools) results.get(t.name)!.push(once(t.cmd));
const base = median(results.get(tools[0]!.name)!.map((r) => r.cpu));
console.log('tool              wall s   cpu s   kpkt/s (cpu)   MB out   cpu vs first');
for (const t of tools) {
  const rs = results.get(t.name)!;
  const wall = median(rs.map((r) => r.wall)), cpu = median(rs.map((r) => r.cpu)), bytes = median(rs.map((r) => r.bytes));
  console.log(`${t.name.padEnd(16)} ${wall.toFixed(1).padStart(7)} ${cpu.toFixed(1).padStart(7)} ${(packets / cpu / 1000).toFixed(1).padStart(14)} ${(bytes / 1e6).toFixed(0).padStart(8)} ${(cpu / base).toFixed(1).padStart(13)}×`);
}
console.log(`load at the end: ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`);
