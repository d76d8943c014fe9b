// The benchmark corpora: captures built on demand into bench/data/corpora/ (git-ignored), most of
// them by generators the project did not write, so that vcap's speed is measured on traffic it was
// not shaped around. Each corpus is built once per packet count and reused.
//
//   mixed       bench/make-captures.ts (the project's own mix, kept as the reference point)
//   mix dns tcp-options ipv6-ext vlan tunnels
//               scapy (bench/scapy-corpus.py; what each holds is described there)
//   hosts       trafgen: UDP among 2048 × 2048 IPv4 hosts
//   udp-flood   trafgen: bench/live's 64-byte UDP flood
//   iperf3      iperf3 TCP between two network namespaces, captured live by tcpdump -s 128 (root)
//   tcpdump-tests/LINKTYPE
//               tcpdump 4.99.3's own test captures (tests/ of Debian's source package, fetched with
//               apt-get source), concatenated per link type with mergecap -a
//
// Usage: node dist/bench/corpora.js [--count N] [names...]   (builds them and prints the list)
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { linkTypeName } from '../src/decoders/link-type.js';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const dataDir = join(root, 'bench', 'data');

/**
 * Why bin/vcap would not run as users run it, or undefined. bin/vcap runs the CLI bundle with V8's
 * code cache only while the bundle is newer than tsc's output, else the modules (~50 ms more at
 * every start, every function compiled from source): a bare `tsc` after `npm run build` would have
 * the benchmarks measure that.
 */
export function staleCli(): string | undefined {
  const cli = join(root, 'dist', 'src', 'cli');
  const mtime = (f: string): number => { try { return statSync(f).mtimeMs; } catch { return -1; } };
  const bundle = mtime(join(cli, 'vcap.bundle.cjs'));
  if (bundle < 0) return 'dist/src/cli/vcap.bundle.cjs is missing: run npm run build';
  if (bundle < mtime(join(cli, 'bin.js'))) return 'the CLI bundle is older than tsc\'s output, so bin/vcap would run the modules: run npm run build';
  if (mtime(join(cli, 'vcap.bundle.code-cache')) < bundle) return 'the CLI bundle has no code cache of its own: run npm run build';
  return undefined;
}

const corporaDir = join(dataDir, 'corpora');
const python = '/usr/bin/python3'; // Debian's, where python3-scapy is installed (a pyenv python3 on PATH has no scapy)

export interface Corpus {
  name: string;
  /** What made it. */
  generator: string;
  file: string;
  packets: number;
  bytes: number;
  linkType: number;
  /** Link types vcap does not decode print nothing comparable; the print benchmark leaves them out. */
  note?: string;
}

export interface CorpusSpec {
  name: string;
  generator: string;
  needsRoot?: boolean;
  /** Builds `count` packets (where the corpus has a chosen size) into one or more files. */
  build(count: number): Corpus[] | Promise<Corpus[]>;
}

function sh(cmd: string, args: string[], opts: { cwd?: string } = {}): string {
  const r = spawnSync(cmd, args, { cwd: opts.cwd, encoding: 'latin1', maxBuffer: 1 << 28 });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: status ${r.status}\n${r.stderr}`);
  return r.stdout;
}

/** The link type of a pcap or pcapng file (pcapng: its interfaces' type, or -1 when they differ). */
export function fileLinkType(path: string): number {
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(1 << 16);
    const n = readSync(fd, b, 0, b.length, 0);
    if (n < 24) return -1;
    const m = b.readUInt32LE(0);
    if (m === 0xa1b2c3d4 || m === 0xa1b23c4d) return b.readUInt32LE(20) & 0xffff; // the upper bits say FCS
    if (m === 0xd4c3b2a1 || m === 0x4d3cb2a1) return b.readUInt32BE(20) & 0xffff;
    if (m !== 0x0a0d0d0a) return -1;
    const le = b.readUInt32LE(8) === 0x1a2b3c4d;
    const u32 = (o: number): number => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
    const u16 = (o: number): number => (le ? b.readUInt16LE(o) : b.readUInt16BE(o));
    let type = -1;
    // Interface description blocks come before the packets that use them; the first 64 KiB holds them in these files.
    for (let at = 0; at + 12 <= n;) {
      const t = u32(at), len = u32(at + 4);
      if (len < 12 || len % 4) break;
      if (t === 1) {
        const lt = u16(at + 8);
        if (type !== -1 && type !== lt) return -1;
        type = lt;
      }
      at += len;
    }
    return type;
  } finally {
    closeSync(fd);
  }
}

/** Packet count of a pcap file (walks the record headers, 1 MiB at a time). */
export function pcapCount(path: string): number {
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(1 << 20);
    readSync(fd, b, 0, 24, 0);
    const le = b.readUInt32LE(0) === 0xa1b2c3d4 || b.readUInt32LE(0) === 0xa1b23c4d;
    let base = 24, n = 0;
    for (;;) {
      const got = readSync(fd, b, 0, b.length, base);
      let at = 0;
      for (;;) {
        if (at + 16 > got) break;
        const end = at + 16 + (le ? b.readUInt32LE(at + 8) : b.readUInt32BE(at + 8));
        if (end > got) break; // read again from this record's header
        at = end;
        n++;
      }
      if (at === 0) return n; // the end (a cut-short last record is not a packet)
      base += at;
    }
  } finally {
    closeSync(fd);
  }
}

function done(name: string, generator: string, file: string, packets?: number, note?: string): Corpus {
  return { name, generator, file, packets: packets ?? pcapCount(file), bytes: statSync(file).size, linkType: fileLinkType(file), ...(note ? { note } : {}) };
}

/** Build into a temporary name and rename, so that an interrupted build is never taken for a corpus. */
function cached(name: string, generator: string, count: number, make: (tmp: string) => void): Corpus {
  mkdirSync(corporaDir, { recursive: true });
  const file = join(corporaDir, `${name}-${count}.pcap`);
  if (!existsSync(file)) {
    const tmp = `${file}.tmp`;
    process.stderr.write(`building ${file} (${generator})\n`);
    make(tmp);
    renameSync(tmp, file);
  }
  return done(name, generator, file);
}

const scapy = (kind: string): CorpusSpec => ({
  name: kind,
  generator: 'scapy',
  // 20000 distinct packets (scapy builds ~1.5k a second here), repeated with advancing timestamps.
  build: (count) => [cached(kind, 'scapy', count, (tmp) => { sh(python, [join(root, 'bench', 'scapy-corpus.py'), kind, String(count), tmp, String(Math.min(count, 20000))]); })],
});

function trafgen(name: string, cfg: string, count: number): Corpus {
  return cached(name, 'trafgen', count, (tmp) => {
    const c = join(corporaDir, `${name}.trafgen`); // not under a name containing .pcap: trafgen would read it as one
    writeFileSync(c, cfg);
    try {
      // trafgen writes a .pcap when its output device is a file name ending in .pcap.
      sh('trafgen', ['-o', `${tmp}.pcap`, '-i', c, '-n', String(count), '-q', '-C', '-E', '1']);
      renameSync(`${tmp}.pcap`, tmp);
    } finally { rmSync(c, { force: true }); }
  });
}

/** iperf3 TCP between two namespaces over a veth pair, captured by tcpdump -s 128 in the receiver's namespace. */
async function iperf3(count: number): Promise<Corpus> {
  mkdirSync(corporaDir, { recursive: true });
  const file = join(corporaDir, `iperf3-${count}.pcap`);
  if (existsSync(file)) return done('iperf3', 'iperf3 + tcpdump', file);
  process.stderr.write(`building ${file} (iperf3, captured by tcpdump)\n`);
  const tag = `vbi${process.pid % 100000}`, a = `${tag}a`, b = `${tag}b`;
  const ns = (n: string, ...argv: string[]): string => sh('ip', ['netns', 'exec', n, ...argv]);
  try {
    sh('ip', ['netns', 'add', a]);
    sh('ip', ['netns', 'add', b]);
    sh('ip', ['-n', a, 'link', 'add', 'ia', 'type', 'veth', 'peer', 'name', 'ib', 'netns', b]);
    for (const [n, dev, addr] of [[a, 'ia', '10.61.0.1/24'], [b, 'ib', '10.61.0.2/24']] as const) {
      // One segment per frame, as on a wire with a 1500-byte MTU (no TSO/GSO super-frames on the veth).
      sh('ip', ['-n', n, 'link', 'set', dev, 'gso_max_segs', '1', 'up']);
      sh('ip', ['-n', n, 'addr', 'add', addr, 'dev', dev]);
      sh('ip', ['-n', n, 'link', 'set', 'lo', 'up']);
    }
    const server = spawn('ip', ['netns', 'exec', b, 'iperf3', '-s', '-1', '-B', '10.61.0.2'], { stdio: 'ignore' });
    const dump = spawn('ip', ['netns', 'exec', b, 'tcpdump', '-i', 'ib', '-s', '128', '-B', '32768', '-c', String(count), '-w', `${file}.tmp`, 'tcp'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    dump.stderr!.setEncoding('utf8').on('data', (d: string) => { err += d; });
    while (!/listening on/.test(err)) {
      if (dump.exitCode !== null) throw new Error(`tcpdump: ${err}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 300)); // the server listening
    const dumped = new Promise<void>((r) => dump.on('close', () => r()));
    // A 1 Gbit/s stream (~85k segments a second plus ACKs) until tcpdump has its count; then stop.
    const client = spawn('ip', ['netns', 'exec', a, 'iperf3', '-c', '10.61.0.2', '-b', '1G', '-t', String(Math.max(5, Math.ceil(count / 60_000) + 5))], { stdio: 'ignore' });
    // On a busy machine the stream may end short of the count: then the file holds what it got.
    client.on('close', () => { if (dump.exitCode === null) dump.kill('SIGINT'); });
    await dumped;
    client.kill('SIGINT');
    server.kill('SIGINT');
    await new Promise((r) => setTimeout(r, 200));
    renameSync(`${file}.tmp`, file);
  } finally {
    for (const n of [a, b]) try { sh('ip', ['netns', 'del', n]); } catch { /* not there */ }
    rmSync(`${file}.tmp`, { force: true });
  }
  return done('iperf3', 'iperf3 + tcpdump', file);
}

/**
 * tcpdump's tests/ from Debian's source package of tcpdump 4.99.3 (what is installed), fetched
 * with apt-get source (a deb-src entry is added for the installed sources if there is none).
 */
function tcpdumpTests(): string {
  const srcDir = join(dataDir, 'tcpdump-src');
  const tests = join(srcDir, 'tests');
  if (existsSync(join(tests, 'TESTLIST'))) return tests;
  mkdirSync(srcDir, { recursive: true });
  const get = (): boolean => spawnSync('apt-get', ['source', '--download-only', 'tcpdump=4.99.3-1'], { cwd: srcDir, stdio: ['ignore', 'ignore', 'pipe'] }).status === 0;
  if (!get()) {
    // No deb-src entry: add one for the same archive the binary packages come from.
    const sources = '/etc/apt/sources.list.d/debian.sources';
    if (!existsSync(sources)) throw new Error('apt-get source tcpdump failed and there is no /etc/apt/sources.list.d/debian.sources to derive a deb-src entry from');
    writeFileSync('/etc/apt/sources.list.d/vcap-bench-src.sources', readFileSync(sources, 'utf8').replace(/^Types: deb$/gm, 'Types: deb-src'));
    process.stderr.write('added /etc/apt/sources.list.d/vcap-bench-src.sources (deb-src) for apt-get source tcpdump\n');
    sh('apt-get', ['update', '-qq']);
    if (!get()) throw new Error('apt-get source tcpdump=4.99.3-1 failed');
  }
  const orig = readdirSync(srcDir).find((f) => /^tcpdump_4\.99\.3\.orig\.tar\.[a-z]+$/.test(f));
  if (!orig) throw new Error(`no tcpdump_4.99.3.orig tarball in ${srcDir}`);
  sh('tar', ['-xf', orig, '--strip-components=1', '--wildcards', '*/tests/*'], { cwd: srcDir });
  return tests;
}

/**
 * One corpus per link type: every test capture of that type that mergecap reads whole, in name
 * order, concatenated; repeated (mergecap -a of the concatenation k times) to about `count`
 * packets where the type has at least 1000, so that a run measures printing rather than start-up.
 */
function tcpdumpTestCorpora(count: number): Corpus[] {
  const out = join(dataDir, 'corpora', `tcpdump-tests-${count}`);
  const index = join(out, 'index.json');
  if (existsSync(index)) return JSON.parse(readFileSync(index, 'utf8')) as Corpus[];
  const tests = tcpdumpTests();
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'parts'), { recursive: true });
  process.stderr.write(`building ${out} (tcpdump's test captures)\n`);
  const groups = new Map<number, string[]>();
  let unreadable = 0;
  for (const f of readdirSync(tests).filter((f) => /\.(pcap|pcapng|cap)$/.test(f)).sort()) {
    const lt = fileLinkType(join(tests, f));
    // Damaged captures (some tests are exactly that) would stop the merge: only what mergecap reads whole.
    if (lt < 0 || spawnSync('mergecap', ['-F', 'pcap', '-w', '/dev/null', join(tests, f)], { stdio: 'ignore' }).status !== 0) { unreadable++; continue; }
    groups.set(lt, [...(groups.get(lt) ?? []), join(tests, f)]);
  }
  // Files' header values are DLT_ values of several systems (12 and 14 are raw IP, 50 PPP…): group
  // by the link type mergecap writes for them.
  const merged = new Map<number, { parts: string[]; files: number }>();
  for (const [lt, files] of groups) {
    const part = join(out, 'parts', `${lt}.pcap`);
    sh('mergecap', ['-a', '-F', 'pcap', '-w', part, ...files]);
    const m = merged.get(fileLinkType(part)) ?? { parts: [], files: 0 };
    m.parts.push(part);
    m.files += files.length;
    merged.set(fileLinkType(part), m);
  }
  const corpora: Corpus[] = [];
  for (const [lt, m] of [...merged].sort((x, y) => y[1].files - x[1].files)) {
    const name = /^\d+$/.test(linkTypeName(lt)) ? `dlt${lt}` : linkTypeName(lt);
    const once = join(out, 'parts', `${name}-once.pcap`);
    sh('mergecap', ['-a', '-F', 'pcap', '-w', once, ...m.parts]);
    const n = pcapCount(once), k = n >= 1000 ? Math.max(1, Math.round(count / n)) : 1;
    const file = join(out, `${name}.pcap`);
    sh('mergecap', ['-a', '-F', 'pcap', '-w', file, ...Array.from({ length: k }, () => once)]);
    corpora.push(done(`tcpdump-tests/${name}`, `tcpdump 4.99.3 tests/ (${m.files} files${k > 1 ? `, ${n} packets × ${k}` : ''})`, file));
  }
  rmSync(join(out, 'parts'), { recursive: true });
  writeFileSync(index, JSON.stringify(corpora, null, 1));
  process.stderr.write(`tcpdump's tests/: ${unreadable} captures left out (damaged on purpose, or interfaces of several link types)\n`);
  return corpora;
}

export const specs: CorpusSpec[] = [
  {
    name: 'mixed', generator: 'bench/make-captures.ts (ours)',
    build: (count) => [cached('mixed', 'bench/make-captures.ts (ours)', count, (tmp) => {
      mkdirSync(tmp + '.d', { recursive: true });
      sh(process.execPath, [join(root, 'dist', 'bench', 'make-captures.js'), 'mixed', '--count', String(count), '--dir', tmp + '.d']);
      renameSync(join(tmp + '.d', 'mixed-1m.pcap'), tmp);
      rmSync(tmp + '.d', { recursive: true });
    })],
  },
  ...['mix', 'dns', 'tcp-options', 'ipv6-ext', 'vlan', 'tunnels'].map(scapy),
  {
    name: 'hosts', generator: 'trafgen',
    // 2048 sources × 2048 destinations, random; UDP to port 5001 with checksums. (tcpdump's address
    // table makes it 10-20× slower per packet here than on a few hosts, with or without -n.)
    build: (count) => [trafgen('hosts', `{ eth(da=02:00:00:00:00:02, sa=02:00:00:00:00:01, type=0x0800),
  0x45, 0, c16(60), drnd(2), 0x40, 0, 64, 17, csumip(14, 33),
  10, 1, dinc(0, 7), drnd(1), 10, 2, drnd(1), dinc(0, 7),
  drnd(2), c16(5001), c16(40), csumudp(14, 34),
  fill(0x42, 32) }\n`, count)],
  },
  {
    name: 'udp-flood', generator: 'trafgen',
    build: (count) => [trafgen('udp-flood', '{ eth(da=02:00:00:00:00:02, sa=02:00:00:00:00:01), ipv4(saddr=10.60.0.1, daddr=10.60.0.2, ttl=64), udp(sp=4000, dp=dinc(1000, 1099)), fill(0x41, 22) }\n', count)],
  },
  { name: 'iperf3', generator: 'iperf3 + tcpdump', needsRoot: true, build: async (count) => [await iperf3(count)] },
  { name: 'tcpdump-tests', generator: 'tcpdump 4.99.3 tests/', build: (count) => tcpdumpTestCorpora(count) },
];

/** Build (or find) the named corpora; `names` empty means all. Skips what needs root when not root. */
export async function buildCorpora(names: string[], count: number): Promise<Corpus[]> {
  const out: Corpus[] = [];
  for (const s of specs) {
    if (names.length && !names.includes(s.name)) continue;
    if (s.needsRoot && process.getuid?.() !== 0) { process.stderr.write(`skipping ${s.name}: needs root\n`); continue; }
    out.push(...await s.build(count));
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--count');
  const count = at >= 0 ? Number(args[at + 1]) : 1_000_000;
  const names = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--count');
  for (const c of await buildCorpora(names, count))
    console.log(`${c.name.padEnd(28)} ${String(c.packets).padStart(9)} packets ${(c.bytes / 1e6).toFixed(1).padStart(8)} MB  ${linkTypeName(c.linkType).padEnd(10)} ${c.generator}  ${c.file}`);
}
