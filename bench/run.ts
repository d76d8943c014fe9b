// npm run bench: every benchmark, vcap and its peers measured alternately in one run, and the
// figures written into BENCHMARKS.md between its "generated" markers (the hand-written history
// around them is kept).
//
//   node dist/bench/run.js [--quick] [--count N] [--runs N] [--corpora a,b] [--only print,decode,…] [--out FILE] [--no-write]
//
//   sections  print    vcap -r vs tcpdump -r (and tshark -r for -n) on every corpus × -n, -n -v, -n -e,
//                      -n -X, -n -q, output to /dev/null; then the outputs compared byte for byte
//             tz       vcap -n -r and tcpdump -n -r as a shell without TZ runs them (tcpdump: a stat(2) per packet)
//             decode   vcap's Decoder vs node_pcap's decoders, batch loop and ordinary user loop (bench/decode)
//             filter   the BPF interpreter table (bench/filter) and vcap -r F -w /dev/null EXPR vs tcpdump
//             live     bench/live (root): trafgen flood over a veth pair, vcap and tcpdump capturing
//             startup  a 1-packet file printed: vcap, tcpdump, tshark, and bare `node -e 0`
//             memory   max RSS of -r with text output at 1× and 10× the packets, vcap and tcpdump
//   --quick   a smoke run: small corpora (--count 2000 unless given), 1 run, live with 20000 frames
//   --out     write the generated section to FILE instead of BENCHMARKS.md (--no-write: print only)
//   --no-tshark  leave tshark out of print and start-up (it takes 5-10× tcpdump's time on a 1M file)
//
// Wall time is process.hrtime around each run; max RSS and CPU come from GNU time (/usr/bin/time -f).
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { buildCorpora, dataDir, pcapCount, root, staleCli, type Corpus } from './corpora.js';
import { AUTO_MIN_PACKETS } from '../src/cli/parallel-print.js';
import { linkTypeName } from '../src/decoders/link-type.js';

const argv = process.argv.slice(2);
const opt = (name: string): string | undefined => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const quick = argv.includes('--quick');
const COUNT = Number(opt('--count') ?? (quick ? 2000 : 1_000_000));
const RUNS = Number(opt('--runs') ?? (quick ? 1 : 3));
const ONLY = opt('--only')?.split(',') ?? ['print', 'tz', 'decode', 'filter', 'live', 'startup', 'memory'];
const CORPORA = opt('--corpora')?.split(',') ?? [];
const OUT = opt('--out') ?? join(root, 'BENCHMARKS.md');
const WRITE = !argv.includes('--no-write');

const vcapBin = join(root, 'bin', 'vcap');
const stale = staleCli();
if (stale !== undefined) { console.error(`bench: ${stale}`); process.exit(2); }
// Per run: two runs at once (CI's smoke run beside a full one) must not write each other's files.
const outDir = join(dataDir, 'out', String(process.pid));
const env = { ...process.env, TZ: 'UTC0' };
/** The environment of a shell that sets no TZ, as on most Linux systems (the tz section). */
const { TZ: _tz, ...envNoTz } = process.env;
const FLAGS: string[][] = [['-n'], ['-n', '-v'], ['-n', '-e'], ['-n', '-X'], ['-n', '-q']];
/** The link types vcap decodes: on the others it prints no comparable text. */
const VCAP_LINK_TYPES = new Set([0, 1, 101, 108, 113, 228, 229, 276]);
const isRoot = process.getuid?.() === 0;
const have = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const HAVE_TSHARK = !argv.includes('--no-tshark') && have('tshark');

// Each section is its own block in BENCHMARKS.md, so that a run of some sections (--only) replaces
// those and leaves the others as they were.
const SECTIONS = ['machine', 'corpora', 'print', 'tz', 'decode', 'filter', 'live', 'startup', 'memory'] as const;
type Section = (typeof SECTIONS)[number];
const md = new Map<Section, string[]>();
let current: Section = 'machine';
const say = (line = ''): void => { md.get(current)!.push(line); console.log(line); };
const started = (): string => new Date().toISOString().replace(/:\d\d\.\d+Z$/, ' UTC').replace('T', ' ');
const load = (): string => loadavg().map((x) => x.toFixed(1)).join(' ');
/** Runs one section into its own block, with when, the load before and after, and the command. */
async function section(name: Section, f: () => void | Promise<void>): Promise<void> {
  const commit = `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--untracked-files=no') ? '+' : ''}`;
  current = name;
  md.set(name, []);
  const t = started(), l = load(), at = md.get(name)!.length;
  await f();
  if (name !== 'machine') {
    md.get(name)!.splice(at + 2, 0, `Run ${t} at vcap ${commit}, load average ${l} at the start and ${load()} at the end${quick ? ' (--quick: a smoke run, figures not meaningful)' : ''}.`, '');
  }
}
const log = (s: string): void => { process.stderr.write(s + '\n'); };

// ---------------------------------------------------------------------------------------------
// Running a command: wall time by hrtime; max RSS, user and system CPU by GNU time.

interface Run { wall: number; rssKiB: number; cpu: number; status: number; stderr: string }

function timeOnce(argv: string[], stdout = '/dev/null', runEnv: NodeJS.ProcessEnv = env): Run {
  const tf = join(outDir, `time-${process.pid}`);
  const fd = openSync(stdout, 'w');
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', '-o', tf, ...argv], { stdio: ['ignore', fd, 'pipe'], env: runEnv, maxBuffer: 1 << 24 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  closeSync(fd);
  const [rss, user, sys] = readFileSync(tf, 'latin1').trim().split('\n').pop()!.split(' ').map(Number);
  return { wall, rssKiB: rss!, cpu: user! + sys!, status: r.status ?? -1, stderr: r.stderr.toString('latin1') };
}

const vcap = (...a: string[]): string[] => [process.execPath, vcapBin, ...a];

interface Stat { median: number; min: number; max: number }
function stat(xs: number[]): Stat {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2, min: s[0]!, max: s[s.length - 1]! };
}
const fmt = (s: Stat, digits = 2): string => (s.min === s.max ? s.median.toFixed(digits) : `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`);
const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;

/** Several commands run in turn, `RUNS` rounds: noise on this shared machine hits them alike. */
function alternate(cmds: string[][], runs = RUNS, envs: NodeJS.ProcessEnv[] = []): Run[][] {
  const out: Run[][] = cmds.map(() => []);
  for (let r = 0; r < runs; r++) cmds.forEach((c, i) => out[i]!.push(timeOnce(c, '/dev/null', envs[i] ?? env)));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Comparing outputs: whole files by cmp; where they differ, packet by packet (a packet is the line
// with its timestamp and the lines after it up to the next timestamp: -v, -X, inner frames).

function comparePackets(a: string, b: string): { packets: number; differ: number; first?: { index: number; vcap: string; tcpdump: string } } {
  if (spawnSync('cmp', ['-s', a, b]).status === 0) {
    return { packets: countPackets(a), differ: 0 };
  }
  const ra = packetReader(a), rb = packetReader(b);
  let packets = 0, differ = 0, first: { index: number; vcap: string; tcpdump: string } | undefined;
  for (;;) {
    const x = ra(), y = rb();
    if (x === undefined && y === undefined) break;
    packets++;
    if (x !== y) {
      differ++;
      first ??= { index: packets, vcap: (x ?? '(nothing)').slice(0, 400), tcpdump: (y ?? '(nothing)').slice(0, 400) };
    }
  }
  return { packets, differ, ...(first ? { first } : {}) };
}

function countPackets(path: string): number {
  let n = 0;
  const r = packetReader(path);
  while (r() !== undefined) n++;
  return n;
}

/** A packet's first line: its timestamp (the print benchmarks run with tcpdump's default time format). */
const STARTS_PACKET = /^\d\d:\d\d:\d\d\.\d/;

/** Reads a text file 4 MiB at a time and hands out one packet's lines at a time. */
function packetReader(path: string): () => string | undefined {
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(4 << 20);
  let text = '', at = 0, eof = false;
  const line = (): string | undefined => {
    for (;;) {
      const nl = text.indexOf('\n', at);
      if (nl >= 0) { const l = text.slice(at, nl + 1); at = nl + 1; return l; }
      if (eof) { if (at < text.length) { const l = text.slice(at); at = text.length; return l; } return undefined; }
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) { eof = true; closeSync(fd); continue; }
      text = text.slice(at) + buf.toString('latin1', 0, n);
      at = 0;
    }
  };
  let ahead = line();
  return () => {
    if (ahead === undefined) return undefined;
    let p = ahead;
    // A packet starts at its timestamp; every other line belongs to the packet above: indented ones (-v, -X), and
    // those a printer starts at the margin (a tunnel's inner frame, tcpdump's AppleTalk lines). Grouping by the
    // margin alone lost step at the first such line and counted every later packet as different.
    while ((ahead = line()) !== undefined && !STARTS_PACKET.test(ahead)) p += ahead;
    return p;
  };
}

// ---------------------------------------------------------------------------------------------

function git(...a: string[]): string { return spawnSync('git', ['-C', root, ...a], { encoding: 'utf8' }).stdout.trim(); }
function version(cmd: string, args: string[], re: RegExp): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return re.exec(`${r.stdout}${r.stderr}`)?.[1] ?? 'not installed';
}

function machine(): void {
  const cpu = cpus();
  say(`Machine: ${cpu[0]?.model.trim()} × ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ` +
    `Node ${process.versions.node}, tcpdump ${version('tcpdump', ['--version'], /tcpdump version (\S+)/)} (libpcap ${version('tcpdump', ['--version'], /libpcap version (\S+)/)}), ` +
    `tshark ${version('tshark', ['--version'], /TShark \(Wireshark\) (\S+)/)}, node_pcap ${JSON.parse(readFileSync(join(root, 'node_modules', 'pcap', 'package.json'), 'utf8')).version}. ` +
    `Last run: \`${['npm run bench --', ...argv].join(' ').replace(/ --$/, '')}\` at vcap ${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--untracked-files=no') ? ' (with uncommitted changes)' : ''}; each section below says when it ran and the load.`);
  say();
  say('Ratios are vcap/peer from the same run (below 1 means vcap is faster or smaller); times are the median and (min–max) of the runs; every command ran with TZ=UTC0. ' +
    'The machine is shared with other engineers\' builds and tests: only same-run ratios mean anything.');
  say();
}

function corporaTable(cs: Corpus[]): void {
  say('### Corpora');
  say();
  say(`Built by \`node dist/bench/corpora.js --count ${COUNT}\` into bench/data/corpora/ (how each is made: bench/corpora.ts, bench/scapy-corpus.py).`);
  say();
  say('| corpus | made by | packets | MB | link type |');
  say('|---|---|---:|---:|---|');
  for (const c of cs) say(`| ${c.name} | ${c.generator} | ${c.packets} | ${(c.bytes / 1e6).toFixed(1)} | ${linkTypeName(c.linkType)}${VCAP_LINK_TYPES.has(c.linkType) ? '' : ' (not decoded by vcap: left out below)'} |`);
  say();
}

function print(cs: Corpus[]): void {
  say('### Print: `vcap -r` vs `tcpdump -r`');
  say();
  say(`\`vcap FLAGS -r FILE > /dev/null\` and \`tcpdump FLAGS -r FILE > /dev/null\` alternately, ${RUNS} run${RUNS > 1 ? 's' : ''} each${HAVE_TSHARK ? '; with `-n`, `tshark -n -r FILE > /dev/null` too (its own format: time only)' : ''}. ` +
    '`-q` runs with `-n`: without it both tools would ask DNS for every address. Then each prints once more into a file and the two files are compared ' +
    'byte for byte; where they differ, packet by packet (a packet: the line with its timestamp and the lines after it).');
  say();
  // CPU (user + system, GNU time) beside wall time: on the shared machine wall time measures the
  // other engineers' load as much as the tools; CPU time much less so.
  say(`| corpus | flags | vcap s | tcpdump s | vcap/tcpdump | vcap CPU s | tcpdump CPU s | CPU vcap/tcpdump | vcap ns/pkt | tcpdump ns/pkt | output |${HAVE_TSHARK ? ' tshark s | vcap/tshark |' : ''}`);
  say(`|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|${HAVE_TSHARK ? '---:|---:|' : ''}`);
  const differences: string[] = [];
  mkdirSync(outDir, { recursive: true });
  for (const c of cs) {
    if (!VCAP_LINK_TYPES.has(c.linkType)) continue;
    for (const flags of FLAGS) {
      const withTshark = HAVE_TSHARK && flags.length === 1;
      const cmds = [vcap(...flags, '-r', c.file), ['tcpdump', ...flags, '-r', c.file]];
      if (withTshark) cmds.push(['tshark', '-n', '-r', c.file]);
      const [v, t, s] = alternate(cmds);
      const failed = [...v!, ...t!].find((r) => r.status !== 0);
      const vs = stat(v!.map((r) => r.wall)), ts = stat(t!.map((r) => r.wall));
      const vc = stat(v!.map((r) => r.cpu)), tc = stat(t!.map((r) => r.cpu));
      // The outputs, compared.
      const vf = join(outDir, 'vcap.txt'), tf = join(outDir, 'tcpdump.txt');
      timeOnce(cmds[0]!, vf);
      timeOnce(cmds[1]!, tf);
      const cmp = comparePackets(vf, tf);
      rmSync(vf, { force: true }); rmSync(tf, { force: true });
      // A group is a line at the left margin and the indented lines under it: a packet, mostly (tcpdump
      // starts a tunnel's inner packet at the margin too), so groups are counted, not packets.
      let verdict = cmp.differ === 0 ? 'identical' : `**${cmp.differ} of ${cmp.packets} line groups differ**`;
      if (failed) verdict += ` (exit status ${failed.status}: ${failed.stderr.trim().split('\n').pop()})`;
      if (cmp.first) differences.push(`- ${c.name} \`${flags.join(' ')}\`, packet ${cmp.first.index}:\n  - vcap:    \`${cmp.first.vcap.trimEnd().replaceAll('\n', '⏎').replaceAll('`', "'")}\`\n  - tcpdump: \`${cmp.first.tcpdump.trimEnd().replaceAll('\n', '⏎').replaceAll('`', "'")}\``);
      const tsh = s ? stat(s.map((r) => r.wall)) : undefined;
      say(`| ${c.name} | \`${flags.join(' ')}\` | ${fmt(vs)} | ${fmt(ts)} | ${ratio(vs.median, ts.median)} | ${fmt(vc)} | ${fmt(tc)} | ${tc.median > 0 ? ratio(vc.median, tc.median) : '–'} | ${(vs.median / c.packets * 1e9).toFixed(0)} | ${(ts.median / c.packets * 1e9).toFixed(0)} | ${verdict} |${HAVE_TSHARK ? (tsh ? ` ${fmt(tsh)} | ${ratio(vs.median, tsh.median)} |` : ' | |') : ''}`);
    }
  }
  if (differences.length) {
    say();
    say('The first differing packet of each row that differs (⏎: a new line):');
    say();
    for (const d of differences) say(d);
  }
  say();
}

/**
 * The print section runs both tools with TZ=UTC0. Most shells set no TZ, and then glibc's
 * localtime(), which tcpdump calls for every packet's time, looks at /etc/localtime again each time
 * (a stat(2) per packet); vcap reads the zone once. This measures `-n` as such a shell runs it,
 * beside tcpdump with TZ set in the same rounds.
 */
function printWithoutTz(cs: Corpus[]): void {
  say('### Print in a shell without TZ');
  say();
  say(`\`vcap -n -r FILE\` and \`tcpdump -n -r FILE\` with no TZ in the environment, and \`tcpdump -n -r FILE\` with TZ=UTC0 (as in the print section), alternately, ${RUNS} run${RUNS > 1 ? 's' : ''} each, ` +
    `output to /dev/null. Without TZ, glibc's localtime() checks /etc/localtime (${realpathOr('/etc/localtime')}) with a stat(2) at every call: tcpdump calls it for every packet. ` +
    'The print section\'s ratios (TZ set) are the ones the targets are measured by.');
  say();
  say('| corpus | vcap s | tcpdump s | vcap/tcpdump | vcap CPU s | tcpdump CPU s | CPU vcap/tcpdump | tcpdump with TZ=UTC0 s | tcpdump without/with TZ |');
  say('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const c of cs) {
    if (!VCAP_LINK_TYPES.has(c.linkType)) continue;
    const [v, t, tz] = alternate([vcap('-n', '-r', c.file), ['tcpdump', '-n', '-r', c.file], ['tcpdump', '-n', '-r', c.file]], RUNS, [envNoTz, envNoTz, env]);
    const vs = stat(v!.map((r) => r.wall)), ts = stat(t!.map((r) => r.wall)), zs = stat(tz!.map((r) => r.wall));
    const vc = stat(v!.map((r) => r.cpu)), tc = stat(t!.map((r) => r.cpu));
    say(`| ${c.name} | ${fmt(vs)} | ${fmt(ts)} | ${ratio(vs.median, ts.median)} | ${fmt(vc)} | ${fmt(tc)} | ${ratio(vc.median, tc.median)} | ${fmt(zs)} | ${ratio(ts.median, zs.median)} |`);
  }
  say();
}

function realpathOr(p: string): string { try { return `→ ${realpathSync(p)}`; } catch { return 'absent'; } }

function decode(cs: Corpus[]): void {
  say('### Decode: vcap\'s `Decoder` vs node_pcap');
  say();
  const runs = Math.max(RUNS, 3);
  say(`\`node dist/bench/decode.js FILE --runs ${runs}\`, one process per corpus: a warm-up pass of each loop, then ${runs} rounds of the four loops in turn. ` +
    '**batch**: the file in 1 MiB batches decoded in place, reading ports, TTL/hop limit and ICMP types (node_pcap: a `subarray` per record, as its native side hands it). ' +
    '**user**: one `Buffer` per packet (a copy, as from a socket or TUN fd), `const p = d.decode(buf, lt); const ip = p.ipv4 ?? p.ipv6; ip.ttl ?? ip.hopLimit; (p.tcp ?? p.udp).srcPort`, node_pcap the same from its packet tree. ' +
    'Mpps, median (min–max); ratio of medians. Exceptions: node_pcap\'s (caught and counted) / vcap\'s guard (an exception inside the decoder turned into a stop; must be 0).');
  say();
  say('| corpus | loop | vcap Mpps | node_pcap Mpps | vcap/node_pcap | exceptions node_pcap / vcap |');
  say('|---|---|---:|---:|---:|---|');
  for (const c of cs) {
    if (![0, 1, 101, 113].includes(c.linkType)) continue; // node_pcap's link types
    const r = spawnSync(process.execPath, [join(root, 'dist', 'bench', 'decode.js'), c.file, '--runs', String(runs), '--json'], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (r.status !== 0) { say(`| ${c.name} | | failed: ${r.stderr.trim().split('\n').slice(-3).join(' ')} | | | |`); continue; }
    const d = JSON.parse(r.stdout.trim().split('\n').pop()!) as {
      batch: Record<'vcap' | 'nodePcap' | 'vcapStop', { median: number; min: number; max: number }>;
      user: Record<'vcap' | 'nodePcap', { median: number; min: number; max: number }>;
      guard: number; npExceptions: number; npUserExceptions: number; stops: { truncated: number; errors: number };
    };
    say(`| ${c.name} | batch | ${fmt(d.batch.vcap, 1)} | ${fmt(d.batch.nodePcap, 2)} | ${ratio(d.batch.vcap.median, d.batch.nodePcap.median)} | ${d.npExceptions} / ${d.guard} |`);
    say(`| ${c.name} | batch, + p.stop | ${fmt(d.batch.vcapStop, 1)} | | ${ratio(d.batch.vcapStop.median, d.batch.nodePcap.median)} | vcap stops: ${d.stops.truncated} truncated, ${d.stops.errors} error |`);
    say(`| ${c.name} | user | ${fmt(d.user.vcap, 1)} | ${fmt(d.user.nodePcap, 2)} | ${ratio(d.user.vcap.median, d.user.nodePcap.median)} | ${d.npUserExceptions} / ${d.guard} |`);
  }
  say();
  say('`batch, + p.stop`: the batch loop also reading `p.stop`, which runs every check the decoder defers to first use (TCP options, what follows TCP/UDP, DNS records): at least what node_pcap decodes.');
  say();
}

const EXPRESSIONS = ['tcp port 80 or udp port 53', 'host 192.168.0.5 or host 10.0.0.5', 'ip6 and tcp[tcpflags] & tcp-syn != 0'];

function filter(cs: Corpus[]): void {
  say('### Filter');
  say();
  const targets = cs.filter((c) => ['mixed', 'mix'].includes(c.name));
  say(`End to end: \`vcap -r FILE -w /dev/null EXPR\` vs \`tcpdump -r FILE -w /dev/null EXPR\`, alternately, ${RUNS} run${RUNS > 1 ? 's' : ''} each; the count is what each wrote (\`-w -\`, records counted).`);
  say();
  say('| corpus | expression | vcap s | tcpdump s | vcap/tcpdump | packets vcap / tcpdump |');
  say('|---|---|---:|---:|---:|---|');
  for (const c of targets) {
    for (const e of EXPRESSIONS) {
      const [v, t] = alternate([vcap('-r', c.file, '-w', '/dev/null', e), ['tcpdump', '-r', c.file, '-w', '/dev/null', e]]);
      const counts = [vcap('-r', c.file, '-w', '-', e), ['tcpdump', '-r', c.file, '-w', '-', e]].map((cmd) => {
        const f = join(outDir, 'filtered.pcap');
        timeOnce(cmd, f);
        const n = statSync(f).size >= 24 ? pcapCount(f) : 0;
        rmSync(f, { force: true });
        return n;
      });
      const vs = stat(v!.map((r) => r.wall)), ts = stat(t!.map((r) => r.wall));
      say(`| ${c.name} | \`${e}\` | ${fmt(vs)} | ${fmt(ts)} | ${ratio(vs.median, ts.median)} | ${counts[0]} / ${counts[1]}${counts[0] === counts[1] ? '' : ' **differ**'} |`);
    }
  }
  say();
  for (const c of targets.slice(0, 1)) {
    say(`The interpreter alone, \`node dist/bench/filter.js ${c.file.slice(root.length + 1)}\` (ns per packet of the compiled program over every record, 1 MiB batches, best of 3; tcpdump's count as a check):`);
    say();
    const r = spawnSync(process.execPath, [join(root, 'dist', 'bench', 'filter.js'), c.file], { encoding: 'utf8', maxBuffer: 1 << 24 });
    for (const line of r.stdout.split('\n')) if (line.startsWith('|')) say(line);
    if (r.status !== 0) say(`bench/filter failed: ${r.stderr.trim().split('\n').pop()}`);
    say();
  }
}

function live(frames: number, rounds: number, modes?: string): string {
  const args = [join(root, 'dist', 'bench', 'live.js'), String(frames), String(rounds), ...(modes ? [modes] : [])];
  log(`live: node ${args.join(' ')}`);
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) return `bench/live failed (status ${r.status}): ${r.stderr.trim().split('\n').slice(-3).join(' ')}`;
  return r.stdout.trim();
}

function liveSection(): void {
  say('### Live capture (bench/live)');
  say();
  if (!isRoot) { say('Not run: bench/live needs root (network namespaces, AF_PACKET).'); say(); return; }
  const [frames, rounds, modes] = quick ? [10000, 1, 'write'] : [1_000_000, 3, undefined];
  say(`\`node dist/bench/live.js ${frames} ${rounds}${modes ? ` ${modes}` : ''}\`: trafgen floods 64-byte frames over a veth pair between two namespaces; vcap and tcpdump capture in turn (how: BENCHMARKS.md's Live capture section below, bench/live.ts).`);
  say();
  say(live(frames, rounds, modes));
  say();
}

/** A file of `n` packets: the first n of a corpus. */
function head(c: Corpus, n: number, name: string): string {
  const f = join(outDir, name);
  spawnSync('tcpdump', ['-r', c.file, '-c', String(n), '-w', f], { stdio: 'ignore' });
  return f;
}

function startup(cs: Corpus[]): void {
  say('### Start-up');
  say();
  const base = cs.find((c) => c.name === 'mixed') ?? cs[0]!;
  const one = head(base, 1, 'one.pcap');
  const runs = quick ? 2 : 15;
  say(`A 1-packet file (the first of ${base.name}) printed with \`-n\`, ${runs} runs each, alternately: wall time to the first line on stdout and to exit, ms, median (min–max); max RSS. \`node -e 0\` is Node itself: the floor for vcap.`);
  say();
  const cmds: [string, string[]][] = [
    ['node -e 0', [process.execPath, '-e', '0']],
    ['vcap -n -r', vcap('-n', '-r', one)],
    ['tcpdump -n -r', ['tcpdump', '-n', '-r', one]],
  ];
  if (HAVE_TSHARK) cmds.push(['tshark -n -r', ['tshark', '-n', '-r', one]]);
  const first: number[][] = cmds.map(() => []), exit: number[][] = cmds.map(() => []), rss: number[][] = cmds.map(() => []), cpu: number[][] = cmds.map(() => []);
  const perf = have('perf') && taskClock([process.execPath, '-e', '0']) > 0;
  for (let r = 0; r < runs; r++) {
    cmds.forEach(([, c], i) => {
      const t = timeToFirstLine(c);
      first[i]!.push(t.first); exit[i]!.push(t.exit);
      rss[i]!.push(timeOnce(c).rssKiB / 1024);
      if (perf) cpu[i]!.push(taskClock(c));
    });
  }
  if (perf) say('CPU is `perf stat -e task-clock`: the CPU time of all the process\'s threads, which a busy machine inflates far less than wall time.');
  say();
  say(`| command | first line ms | exit ms |${perf ? ' CPU ms |' : ''} max RSS MiB |`);
  say(`|---|---:|---:|${perf ? '---:|' : ''}---:|`);
  cmds.forEach(([label], i) => say(`| \`${label}\` | ${label.startsWith('node') ? '' : fmt(stat(first[i]!), 0)} | ${fmt(stat(exit[i]!), 0)} |${perf ? ` ${fmt(stat(cpu[i]!), 0)} |` : ''} ${fmt(stat(rss[i]!), 1)} |`));
  const node = stat(exit[0]!).median, v = stat(first[1]!).median;
  say();
  say(`vcap's first line came ${(v - node).toFixed(0)} ms after a bare \`node -e 0\` exits (target: ≤ 40 ms)` +
    (perf ? `; in CPU, vcap took ${(stat(cpu[1]!).median - stat(cpu[0]!).median).toFixed(0)} ms more than \`node -e 0\`.` : '.'));
  say();
}

/** CPU time of a command and all its threads, ms (perf stat's task-clock); 0 where perf cannot count. */
function taskClock(argv: string[]): number {
  const r = spawnSync('perf', ['stat', '-x,', '-e', 'task-clock', '--', ...argv], { stdio: ['ignore', 'ignore', 'pipe'], env, encoding: 'utf8' });
  const line = r.stderr.split('\n').find((l) => l.includes('task-clock'));
  return line ? Number(line.split(',')[0]) || 0 : 0;
}

/** Spawn and time the first byte on stdout and the exit (the process runs to its end either way). */
function timeToFirstLine(argv: string[]): { first: number; exit: number } {
  // Synchronous from the caller's view: a short child script does the timing, so no event loop is shared with the parent's work.
  const script = `const {spawn}=require('child_process');const a=${JSON.stringify(argv)};const t0=process.hrtime.bigint();let f=-1;` +
    `const p=spawn(a[0],a.slice(1),{stdio:['ignore','pipe','ignore'],env:{...process.env,TZ:'UTC0'}});` +
    `p.stdout.on('data',()=>{if(f<0)f=Number(process.hrtime.bigint()-t0)/1e6});` +
    `p.on('close',()=>{console.log(JSON.stringify({first:f,exit:Number(process.hrtime.bigint()-t0)/1e6}))})`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  return JSON.parse(r.stdout) as { first: number; exit: number };
}

async function memory(cs: Corpus[]): Promise<void> {
  say('### Memory');
  say();
  const small = cs.find((c) => c.name === 'mix') ?? cs.find((c) => c.name === 'mixed') ?? cs[0]!;
  // The same corpus at 10× the packets (scapy's pool written 10 times as long).
  const [big] = await buildCorpora([small.name], small.packets * 10);
  const runs = Math.max(1, Math.min(RUNS, 3));
  say(`Max RSS (GNU time's %M), ${runs} run${runs > 1 ? 's' : ''} each, alternately: text output to /dev/null, and \`-w\` into a file. ` +
    `vcap prints a pcap file of ${AUTO_MIN_PACKETS / 1e6}M packets or more on two threads, a second V8 isolate's memory more; the one-thread rows are the same command with \`VCAP_PRINT_WORKERS=0\`.`);
  say();
  say('| command | packets | vcap MiB | tcpdump MiB | vcap s | tcpdump s |');
  say('|---|---:|---:|---:|---:|---:|');
  for (const c of [small, big!]) {
    for (const flags of [['-n'], ['-n', '-v']]) {
      // A file of AUTO_MIN_PACKETS or more is printed on two threads (src/cli/parallel-print.ts): then one thread's too.
      const cmds = [vcap(...flags, '-r', c.file), ['tcpdump', ...flags, '-r', c.file]];
      if (c.packets >= AUTO_MIN_PACKETS) cmds.push(['env', 'VCAP_PRINT_WORKERS=0', ...vcap(...flags, '-r', c.file)]);
      const [v, t, one] = alternate(cmds, runs);
      say(`| \`${flags.join(' ')} -r\` ${c.name}${one ? ' (two threads)' : ''} | ${c.packets} | ${fmt(stat(v!.map((r) => r.rssKiB / 1024)), 1)} | ${fmt(stat(t!.map((r) => r.rssKiB / 1024)), 1)} | ${fmt(stat(v!.map((r) => r.wall)))} | ${fmt(stat(t!.map((r) => r.wall)))} |`);
      if (one) say(`| \`${flags.join(' ')} -r\` ${c.name}, one thread (\`VCAP_PRINT_WORKERS=0\`) | ${c.packets} | ${fmt(stat(one.map((r) => r.rssKiB / 1024)), 1)} | | ${fmt(stat(one.map((r) => r.wall)))} | |`);
    }
    const w = join(outDir, 'copy.pcap');
    const [v, t] = alternate([vcap('-r', c.file, '-w', w), ['tcpdump', '-r', c.file, '-w', w]], runs);
    rmSync(w, { force: true });
    say(`| \`-r … -w FILE\` ${c.name} | ${c.packets} | ${fmt(stat(v!.map((r) => r.rssKiB / 1024)), 1)} | ${fmt(stat(t!.map((r) => r.rssKiB / 1024)), 1)} | ${fmt(stat(v!.map((r) => r.wall)))} | ${fmt(stat(t!.map((r) => r.wall)))} |`);
  }
  const n = alternate([[process.execPath, '-e', '0']], runs)[0]!;
  say(`| \`node -e 0\` | | ${fmt(stat(n.map((r) => r.rssKiB / 1024)), 1)} | | | |`);
  say();
  if (isRoot) {
    const frames = quick ? 20000 : 10_000_000;
    say(`Live \`-w\` at ${frames} frames (\`node dist/bench/live.js ${frames} 1 write\`; its 1M-frame rows are in the live section above):`);
    say();
    say(live(frames, 1, 'write'));
    say();
  }
}

const BEGIN = '<!-- npm run bench: generated from here; edit bench/run.ts instead -->';
const END = '<!-- npm run bench: generated up to here -->';
const open = (n: Section): string => `<!-- bench:${n} -->`;
const close = (n: Section): string => `<!-- /bench:${n} -->`;
const block = (n: Section): string => `${open(n)}\n${md.get(n)!.join('\n').trim()}\n${close(n)}`;

/** Replaces the blocks of the sections this run made; the others stay as they were. */
function write(): void {
  const text = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
  const a = text.indexOf(BEGIN), b = text.indexOf(END);
  let inner = a >= 0 && b > a ? text.slice(a + BEGIN.length, b) : '\n## Latest figures (`npm run bench`)\n\n';
  for (const n of SECTIONS) {
    if (!md.has(n)) continue;
    const i = inner.indexOf(open(n)), j = inner.indexOf(close(n));
    if (i >= 0 && j > i) inner = inner.slice(0, i) + block(n) + inner.slice(j + close(n).length);
    else {
      // Before the first block of a later section, or at the end.
      const later = SECTIONS.slice(SECTIONS.indexOf(n) + 1).map((m) => inner.indexOf(open(m))).filter((k) => k >= 0);
      const at = later.length ? Math.min(...later) : inner.length;
      inner = `${inner.slice(0, at).replace(/\n*$/, '\n\n')}${block(n)}\n\n${inner.slice(at).replace(/^\n+/, '')}`;
    }
  }
  const body = `${BEGIN}${inner.replace(/\n*$/, '\n')}${END}`;
  let next: string;
  if (a >= 0 && b > a) next = text.slice(0, a) + body + text.slice(b + END.length);
  else if (text === '') next = body + '\n';
  else {
    // First time: after the introduction (the text before the first section), before the history sections.
    const at = text.indexOf('\n## ');
    next = at < 0 ? `${text}\n${body}\n` : `${text.slice(0, at + 1)}${body}\n\n${text.slice(at + 1)}`;
  }
  writeFileSync(OUT, next);
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  log(`bench: count ${COUNT}, runs ${RUNS}, sections ${ONLY.join(',')}${CORPORA.length ? `, corpora ${CORPORA.join(',')}` : ''}`);
  const cs = await buildCorpora(CORPORA, COUNT);
  await section('machine', machine);
  if (ONLY.includes('print') || ONLY.includes('tz') || ONLY.includes('decode')) await section('corpora', () => corporaTable(cs));
  if (ONLY.includes('print')) await section('print', () => print(cs));
  if (ONLY.includes('tz')) await section('tz', () => printWithoutTz(cs));
  if (ONLY.includes('decode')) await section('decode', () => decode(cs));
  if (ONLY.includes('filter')) await section('filter', () => filter(cs));
  if (ONLY.includes('live')) await section('live', liveSection);
  if (ONLY.includes('startup')) await section('startup', () => startup(cs));
  if (ONLY.includes('memory')) await section('memory', () => memory(cs));
  if (WRITE) { write(); log(`wrote ${OUT}`); }
  rmSync(outDir, { recursive: true, force: true });
}

await main();
