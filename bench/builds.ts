// Two builds of vcap side by side (before/after a change): `vcap FLAGS -r FILE` of each, alternately,
// on every capture given, output to a file; the median wall and CPU time of each and the ratio, and
// the two outputs compared byte for byte (a change that is meant to print the same must).
//
//   node dist/bench/builds.js --before DIR --after DIR [--runs N] [--flags '-n;-n -v'] FILE…
//
// DIR is a checkout with bin/vcap built (npm ci, or tsc and scripts/bundle-cli.mjs). Wall time is
// process.hrtime around each child; CPU (user + system) comes from GNU time.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const argv = process.argv.slice(2);
const opt = (name: string): string | undefined => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const before = opt('--before'), after = opt('--after');
const RUNS = Number(opt('--runs') ?? 3);
const FLAGS = (opt('--flags') ?? '-n;-n -v').split(';').map((f) => f.trim().split(/\s+/));
const files = argv.filter((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
if (before === undefined || after === undefined || files.length === 0) {
  process.stderr.write('usage: node dist/bench/builds.js --before DIR --after DIR [--runs N] [--flags \'-n;-n -v\'] FILE…\n');
  process.exit(2);
}

const scratch = mkdtempSync(join(tmpdir(), 'vcap-builds-'));
const env = { ...process.env, TZ: 'UTC0' };
const median = (xs: number[]): number => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2; };

interface Timing { wall: number; cpu: number }
function run(dir: string, flags: string[], file: string, out: string): Timing {
  const tf = join(scratch, 'time');
  const t0 = process.hrtime.bigint();
  const r = spawnSync('sh', ['-c', `exec /usr/bin/time -f '%U %S' -o "$0" "$@" > "${out}" 2>/dev/null`, tf, join(dir, 'bin', 'vcap'), ...flags, '-r', file], { env, stdio: 'ignore' });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${dir}/bin/vcap ${flags.join(' ')} -r ${file}: status ${r.status}`);
  const [u, s] = readFileSync(tf, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  return { wall, cpu: u! + s! };
}

const fmt = (x: number): string => x.toFixed(2);
console.log(`${new Date().toISOString()} load ${loadavg().map((x) => x.toFixed(1)).join(' ')}; ${RUNS} runs each, alternately; before ${before}, after ${after}`);
console.log('| capture | flags | packets (MB) | before wall / CPU s | after wall / CPU s | after/before wall | after/before CPU | output |');
console.log('|---|---|---|---|---|---|---|---|');
try {
  for (const file of files) {
    for (const flags of FLAGS) {
      const b: Timing[] = [], a: Timing[] = [];
      const outB = join(scratch, 'before.txt'), outA = join(scratch, 'after.txt');
      for (let i = 0; i < RUNS; i++) {
        // Alternate which goes first, so a trend in the machine's load hits both alike.
        if (i % 2 === 0) { b.push(run(before, flags, file, outB)); a.push(run(after, flags, file, outA)); }
        else { a.push(run(after, flags, file, outA)); b.push(run(before, flags, file, outB)); }
      }
      const same = readFileSync(outB).equals(readFileSync(outA));
      const bw = median(b.map((t) => t.wall)), bc = median(b.map((t) => t.cpu));
      const aw = median(a.map((t) => t.wall)), ac = median(a.map((t) => t.cpu));
      const lines = readFileSync(outA, 'utf8').split('\n').length - 1;
      console.log(`| ${basename(file)} | ${flags.join(' ')} | ${lines} lines (${(statSync(file).size / 1e6).toFixed(0)}) | ${fmt(bw)} / ${fmt(bc)} | ${fmt(aw)} / ${fmt(ac)} | ${(aw / bw).toFixed(3)} | ${(ac / bc).toFixed(3)} | ${same ? 'identical' : 'DIFFERENT'} |`);
    }
  }
  console.log(`end load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
