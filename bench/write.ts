// bench/write: what writing capture files costs.
//  1. Per record: every frame of a capture, held in memory, through PcapWriter and PcapngWriter into
//     /dev/null, in CPU time (user + system of the process, so that other load on the machine
//     counts less than in wall time), best and median of several passes; each writer in a child
//     process of its own, so that no call site sees two writer classes. `--baseline DIR` times
//     another build's writers (DIR = its dist/ directory) alternately in the same run.
//  2. The command against its peers, same run, medians: `vcap -r F -w X.pcap` against `tcpdump -r F
//     -w X.pcap`, and `vcap -r F -w X.pcapng` against `editcap -F pcapng F X.pcapng`, into /dev/shm.
// Usage: node dist/bench/write.js [capture=bench/data/mixed-1m.pcap] [--baseline DIR] [--runs N] [--no-cli]
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openCaptureFile } from '../src/capture/capture-file.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const opt = (name: string): string | undefined => { const i = args.indexOf(name); return i < 0 ? undefined : args.splice(i, 2)[1]; };
const baseline = opt('--baseline');
const runs = Number(opt('--runs') ?? 5);
const noCli = args.includes('--no-cli');
const child = opt('--child');
const file = resolve(args.filter((a) => !a.startsWith('--'))[0] ?? join(root, 'bench', 'data', 'mixed-1m.pcap'));
if (!existsSync(file)) {
  console.log(`missing ${file}: run node dist/bench/make-captures.js mixed`);
  process.exit(1);
}

/** Every frame of the capture in memory: one buffer and its columns. */
function load(): { bytes: Uint8Array; off: Uint32Array; cap: Uint32Array; orig: Uint32Array; sec: Float64Array; nsec: Uint32Array; n: number; linkType: number } {
  const f = openCaptureFile(file);
  const size = statSync(file).size;
  const bytes = new Uint8Array(size);
  let n = 0, at = 0;
  const max = Math.ceil(size / 16);
  const off = new Uint32Array(max), cap = new Uint32Array(max), orig = new Uint32Array(max), sec = new Float64Array(max), nsec = new Uint32Array(max);
  for (let b = f.next(); b !== null; b = f.next()) {
    for (let i = 0; i < b.count; i++, n++) {
      const o = b.offset[i]!, c = b.capLen[i]!;
      bytes.set(b.bytes.subarray(o, o + c), at);
      off[n] = at; cap[n] = c; orig[n] = b.origLen[i]!; sec[n] = b.sec[i]!; nsec[n] = b.nsec[i]!;
      at += c;
    }
  }
  const linkType = f.linkType;
  f.close();
  return { bytes, off, cap, orig, sec, nsec, n, linkType };
}

interface Writer { writeFrame(b: Uint8Array, o: number, c: number, l: number, s: number, ns: number): void; close(): void }
interface WriterClass { open(path: string, o: { linkType: number; nano?: boolean }): Writer }

async function writers(dist: string): Promise<{ pcap: WriterClass; pcapng: WriterClass }> {
  const url = (p: string): string => pathToFileURL(join(dist, 'src', 'output', p)).href;
  const [a, b] = await Promise.all([import(url('pcap-writer.js')), import(url('pcapng-writer.js'))]);
  return { pcap: (a as { PcapWriter: WriterClass }).PcapWriter, pcapng: (b as { PcapngWriter: WriterClass }).PcapngWriter };
}

/** CPU ns per record of one pass: every frame into /dev/null. */
function pass(W: WriterClass, d: ReturnType<typeof load>): number {
  const w = W.open('/dev/null', { linkType: d.linkType, nano: true });
  const { bytes, off, cap, orig, sec, nsec, n } = d;
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) w.writeFrame(bytes, off[i]!, cap[i]!, orig[i]!, sec[i]!, nsec[i]!);
  w.close();
  const c = process.cpuUsage(c0);
  return ((c.user + c.system) * 1000) / n;
}

const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[xs.length >> 1]!;

// A child: one writer of one build, a warm-up and `runs` passes; prints the figures as JSON.
if (child !== undefined) {
  const [dist, kind] = JSON.parse(child) as [string, 'pcap' | 'pcapng'];
  const data = load();
  const W = (await writers(dist))[kind];
  pass(W, data);
  const times: number[] = [];
  for (let r = 0; r < runs; r++) times.push(pass(W, data));
  console.log(JSON.stringify({ n: data.n, times }));
  process.exit(0);
}

const builds: [string, string][] = [['this build', join(root, 'dist')]];
if (baseline !== undefined) builds.push([`baseline ${baseline}`, resolve(baseline)]);
let records = 0;
console.log(`bench/write: ${file} (${(statSync(file).size / 1e6).toFixed(0)} MB) into /dev/null, CPU time, best and median of ${runs} passes after a warm-up, each build alternately, 2 rounds`);
for (const kind of ['pcap', 'pcapng'] as const) {
  const times = builds.map((): number[] => []);
  for (let round = 0; round < 2; round++) {
    builds.forEach(([, dist], i) => {
      const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), file, '--runs', String(runs), '--child', JSON.stringify([dist, kind])], { encoding: 'utf8', maxBuffer: 1 << 20 });
      if (r.status !== 0) throw new Error(r.stderr);
      const o = JSON.parse(r.stdout) as { n: number; times: number[] };
      records = o.n;
      times[i]!.push(...o.times);
    });
  }
  builds.forEach(([label], i) => console.log(`  ${kind.padEnd(7)} ${label.padEnd(40)} best ${Math.min(...times[i]!).toFixed(1).padStart(6)} ns/record, median ${median(times[i]!).toFixed(1).padStart(6)}`));
}
const data = { n: records };

if (!noCli) {
  const out = existsSync('/dev/shm') ? '/dev/shm' : '/tmp';
  const timeOnce = (cmd: string, argv: string[], target: string): number => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    if (r.status !== 0) process.stderr.write(`${cmd} ${argv.join(' ')}: status ${r.status}\n${r.stderr}`);
    rmSync(target, { force: true });
    return s;
  };
  const vcap = join(root, 'bin', 'vcap');
  const rows: [string, string, string[], string][] = [
    ['vcap -r F -w X.pcap', process.execPath, [vcap, '-r', file, '-w', `${out}/bw-v.pcap`], `${out}/bw-v.pcap`],
    ['tcpdump -r F -w X.pcap', 'tcpdump', ['-r', file, '-w', `${out}/bw-t.pcap`], `${out}/bw-t.pcap`],
    ['vcap -r F -w X.pcapng', process.execPath, [vcap, '-r', file, '-w', `${out}/bw-v.pcapng`], `${out}/bw-v.pcapng`],
    ['editcap -F pcapng F X.pcapng', 'editcap', ['-F', 'pcapng', file, `${out}/bw-e.pcapng`], `${out}/bw-e.pcapng`],
  ];
  const wall = rows.map((): number[] => []);
  for (let r = 0; r < Math.max(3, Math.ceil(runs / 2)); r++) rows.forEach(([, cmd, argv, target], i) => wall[i]!.push(timeOnce(cmd, argv, target)));
  console.log(`  the command, median of ${wall[0]!.length} runs, output in ${out}:`);
  rows.forEach(([label], i) => console.log(`  ${label.padEnd(30)} ${median(wall[i]!).toFixed(2).padStart(6)} s  ${(median(wall[i]!) / data.n * 1e9).toFixed(0).padStart(5)} ns/record`));
  console.log(`  vcap/tcpdump (pcap) ${(median(wall[0]!) / median(wall[1]!)).toFixed(2)}, vcap/editcap (pcapng) ${(median(wall[2]!) / median(wall[3]!)).toFixed(2)}`);
}
