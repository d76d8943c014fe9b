// The BPF interpreter (each program compiled once to a JS function) over the 1M mixed capture:
// ns per packet for several expressions, the packets selected, and tcpdump's count for the same
// expression as a check. Only the filter loop is timed; the file is read in 1 MiB batches.
// Usage: node dist/bench/filter.js [file] [--live [frames] [rounds]]   (default bench/data/mixed-1m.pcap;
// make it with node dist/bench/make-captures.js mixed). --live (root) then measures the other half of
// the filter's cost, the program attached in the kernel during a flood: bench/live's filter row.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Batch } from '../src/capture/batch.js';
import { openCaptureFile } from '../src/capture/capture-file.js';
import { compileFilter } from '../src/filter/index.js';

const liveAt = process.argv.indexOf('--live');
const args = liveAt < 0 ? process.argv.slice(2) : process.argv.slice(2, liveAt);
const file = args[0] ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench', 'data', 'mixed-1m.pcap');
const expressions = [
  '', // one `ret`: the cost of the loop and the call, the floor for every other row
  'tcp port 80 or udp port 53',
  'tcp',
  'host 10.0.0.1',
  'ip6 and udp',
  'tcp[tcpflags] & (tcp-syn|tcp-ack) = tcp-syn',
  'vlan and tcp port 443',
  'portrange 1000-2000 or icmp or icmp6',
  'not ip and not ip6',
];

function eachBatch(f: (b: Batch) => void): void {
  const cf = openCaptureFile(file, { bufferSize: 1 << 20 });
  try { for (let b = cf.next(); b; b = cf.next()) f(b); } finally { cf.close(); }
}

let count = 0, linkType = 1;
eachBatch((b) => { count += b.count; linkType = b.linkType; });
console.log(`${file}: ${count} records, link type ${linkType}`);

function run(expr: string): { ns: number; selected: number; insns: number } {
  const prog = compileFilter(expr, linkType, 262144, { netmask: 0 });
  const m = prog.matches;
  let selected = 0, t = 0n;
  eachBatch((b) => {
    const { bytes, offset, capLen, origLen } = b, n = b.count;
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) if (m(bytes, offset[i]!, capLen[i]!, origLen[i]!)) selected++;
    t += process.hrtime.bigint() - t0;
  });
  return { ns: Number(t) / count, selected, insns: prog.length };
}

function tcpdumpCount(expr: string): number {
  const r = spawnSync('tcpdump', ['-r', file, '-w', '-', '--', expr], { maxBuffer: 1 << 30 });
  const b = r.stdout;
  let n = 0;
  for (let at = 24; at + 16 <= b.length; at += 16 + b.readUInt32LE(at + 8)) n++;
  return n;
}

console.log('| expression | BPF insns | ns/packet (best of 3) | selected | tcpdump selects |');
console.log('|---|---|---|---|---|');
for (const e of expressions) {
  run(e); // warm-up: V8 optimizes the compiled function
  const runs = [run(e), run(e), run(e)];
  const best = runs.reduce((a, b) => (b.ns < a.ns ? b : a));
  const want = tcpdumpCount(e);
  console.log(`| ${e === '' ? '(empty)' : `\`${e.replaceAll('|', '\\|')}\``} | ${best.insns} | ${best.ns.toFixed(1)} | ${best.selected} | ${want}${want === best.selected ? '' : ' **differs**'} |`);
}

if (liveAt >= 0) {
  const live = join(dirname(fileURLToPath(import.meta.url)), 'live.js');
  const [frames = '1000000', rounds = '3'] = process.argv.slice(liveAt + 1);
  console.log('');
  const r = spawnSync(process.execPath, [live, frames, rounds, 'filter'], { stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
}
