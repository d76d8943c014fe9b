// Printing a capture file on worker threads (src/cli/parallel-print.ts), the main thread printing
// the chunks no worker has room for, must print exactly what one thread prints: the same bytes for
// every flag set, on tcpdump's own test captures (fed as one stream per link type, in chunks of 16
// frames, so that TCP conversations, SACK blocks and SYNs fall in chunks other than the ones that
// opened them) and on the benchmark's mixed capture; and through the CLI, with a filter and -c, and
// on its own for a file large enough.
import test from 'ava';
import { execFile, spawnSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCaptureFile } from '../../src/capture/capture-file.js';
import { AUTO_MIN_PACKETS, ParallelPrinter, printPlan, worthThreads } from '../../src/cli/parallel-print.js';
import { Decoder } from '../../src/decoders/decoder.js';
import { PacketPrinter } from '../../src/output/text/packet.js';
import { defaultPrintOptions, type PrintOptions } from '../../src/output/text/options.js';
import { GatheringWriter } from '../../src/output/text/writer.js';
import { repoRoot, vcapBin } from '../helpers/netns.js';
import { tempDir } from '../pcap/helpers.js';

const FLAG_SETS: [string, Partial<PrintOptions>][] = [
  ['-n', {}], ['-n -v', { verbose: 1 }], ['-n -vv', { verbose: 2 }], ['-n -e', { linkHeader: true }],
  ['-n -X', { hexAscii: 1 }], ['-n -q', { quiet: true }], ['-n -S', { absoluteSeq: true }], ['-n -A', { ascii: 1 }],
];

/** pcap files (not pcapng: the CLI prints those on one thread) of tcpdump's tests, by link type. */
function capturesByLinkType(): Map<number, string[]> {
  const by = new Map<number, string[]>();
  for (const dir of ['tcpdump', 'tcpdump-suite']) {
    const d = join(repoRoot, 'test', 'pcaps', dir);
    for (const name of readdirSync(d).filter((n) => n.endsWith('.pcap')).sort()) {
      const path = join(d, name);
      let f;
      try { f = openCaptureFile(path); } catch { continue; }
      const { format, linkType } = f;
      f.close();
      if (format !== 'pcap') continue;
      if (!by.has(linkType)) by.set(linkType, []);
      by.get(linkType)!.push(path);
    }
  }
  return by;
}

/** Every frame of `files` (of one link type) printed by `print`, up to the damage in a file. */
function eachBatch(files: string[], f: (b: NonNullable<ReturnType<ReturnType<typeof openCaptureFile>['next']>>) => void): void {
  for (const path of files) {
    const cf = openCaptureFile(path);
    try {
      for (let b = cf.next(); b; b = cf.next()) f(b);
    } catch { /* damaged: what came before it was printed */ } finally {
      cf.close();
    }
  }
}

function oneThread(files: string[], linkType: number, o: PrintOptions): Buffer {
  const out = new GatheringWriter();
  const p = new PacketPrinter(o, linkType, out);
  const d = new Decoder();
  eachBatch(files, (b) => {
    for (let i = 0; i < b.count; i++) p.printPacket(d.decode(b.bytes, linkType, b.offset[i]!, b.capLen[i]!), b.origLen[i]!, b.sec[i]!, b.nsec[i]!);
  });
  return Buffer.from(out.take());
}

/** Chunks printed on the main thread and on the workers, over every threads() call. */
const printed = { here: 0, workers: 0 };

function threads(files: string[], linkType: number, o: PrintOptions, chunkFrames: number, workers = 2): Buffer {
  const out = new GatheringWriter();
  const p = new ParallelPrinter(workers, o, linkType, out, chunkFrames);
  try {
    eachBatch(files, (b) => p.add(b, Uint32Array.from({ length: b.count }, (_, i) => i), b.count));
    p.finish();
  } finally {
    p.close();
  }
  printed.here += p.printed.here; printed.workers += p.printed.workers;
  return Buffer.from(out.take());
}

test('tcpdump\'s test captures: worker threads print what one thread prints, every flag set', (t) => {
  const by = capturesByLinkType();
  t.true((by.get(1)?.length ?? 0) > 100, 'the Ethernet captures are there');
  let compared = 0, tcpLines = 0;
  for (const [linkType, files] of by) {
    // Every flag set on Ethernet (most of the captures); -n and -v on the other link types.
    for (const [flags, opts] of linkType === 1 ? FLAG_SETS : FLAG_SETS.slice(0, 2)) {
      const o = { ...defaultPrintOptions, ...opts };
      const want = oneThread(files, linkType, o);
      for (const workers of [1, 2]) {
        const got = threads(files, linkType, o, 16, workers);
        if (!got.equals(want)) {
          const a = want.toString('latin1').split('\n'), b = got.toString('latin1').split('\n');
          const i = a.findIndex((l, k) => l !== b[k]);
          t.fail(`link type ${linkType} ${flags}, ${workers} workers: line ${i + 1} differs:\n  one thread: ${a[i]}\n  threads:    ${b[i]}`);
          return;
        }
      }
      compared += want.length;
      if (flags === '-n') tcpLines += (want.toString('latin1').match(/, ack \d+/g) ?? []).length;
    }
  }
  // The relative numbers the main thread filled in were there to fill.
  t.true(tcpLines > 1000, `${tcpLines} lines with an ack`);
  t.true(compared > 1e6, `${compared} bytes compared`);
  // Chunks of 16 frames come faster than a worker prints them: the main thread printed some of them too.
  t.true(printed.here > 100 && printed.workers > 100, `chunks printed: ${printed.here} on the main thread, ${printed.workers} on workers`);
});

test('Rx replies, printed by the call they answer, when the call was in a chunk another thread printed', (t) => {
  // tcpdump's afs.pcap: calls and their replies in chunks of 1 to 7 frames, so most replies are in other chunks than their calls.
  const file = join(repoRoot, 'test', 'pcaps', 'tcpdump-suite', 'afs.pcap');
  for (const [flags, opts] of FLAG_SETS.slice(0, 3)) {
    const o = { ...defaultPrintOptions, ...opts };
    const want = oneThread([file], 1, o);
    t.true(want.toString('latin1').includes(' vldb reply get-entry-by-name "root.cell"'), 'replies printed by their calls');
    for (const chunk of [1, 2, 7]) {
      for (const workers of [1, 2]) t.true(threads([file], 1, o, chunk, workers).equals(want), `${flags}, chunks of ${chunk}, ${workers} workers`);
    }
  }
});

test('NFS replies, printed by the call they answer, when the call was in a chunk another thread printed', (t) => {
  // tcpdump's nfs-write-verf-cookie capture: a WRITE call and its reply, a frame per chunk.
  const file = join(repoRoot, 'test', 'pcaps', 'tcpdump-suite', 'nfs-write-verf-cookie.pcapng');
  for (const [flags, opts] of FLAG_SETS.slice(0, 3)) {
    const o = { ...defaultPrintOptions, ...opts };
    const want = oneThread([file], 1, o);
    t.regex(want.toString('latin1'), /NFS reply xid \d+ reply ok \d+ write/, 'the reply printed by its call');
    for (const chunk of [1, 2]) {
      for (const workers of [1, 2]) t.true(threads([file], 1, o, chunk, workers).equals(want), `${flags}, chunks of ${chunk}, ${workers} workers`);
    }
  }
});

test('the benchmark\'s mixed capture: the same text from worker threads, chunks of every size', (t) => {
  const dir = tempDir(t);
  const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'bench', 'make-captures.js'), 'mixed', '--count', '20000', '--dir', dir], { encoding: 'utf8' });
  t.is(r.status, 0, r.stderr);
  const file = join(dir, 'mixed-1m.pcap');
  for (const [flags, opts] of FLAG_SETS.slice(0, 2)) {
    const o = { ...defaultPrintOptions, ...opts };
    const want = oneThread([file], 1, o);
    for (const chunk of [1, 4096]) {
      for (const workers of [1, 2]) t.true(threads([file], 1, o, chunk, workers).equals(want), `${flags}, chunks of ${chunk}, ${workers} workers`);
    }
  }
});

function run(args: string[], workers: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [vcapBin, ...args], { encoding: 'latin1', maxBuffer: 1 << 30, env: { ...process.env, TZ: 'UTC0', VCAP_PRINT_WORKERS: workers } },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }));
  });
}

test('vcap -r with worker threads: the same lines, a filter and -c as on one thread', async (t) => {
  const dir = tempDir(t);
  t.is(spawnSync(process.execPath, [join(repoRoot, 'dist', 'bench', 'make-captures.js'), 'mixed', '--count', '30000', '--dir', dir]).status, 0);
  const file = join(dir, 'mixed-1m.pcap');
  for (const args of [['-n', '-r', file], ['-n', '-v', '-r', file, 'tcp'], ['-n', '-c', '12345', '-r', file, 'tcp or udp'], ['-n', '-e', '-c', '1', '-r', file]]) {
    const [one, ...more] = await Promise.all([run(args, '0'), run(args, '1'), run(args, '2')]);
    for (const [i, r] of more.entries()) {
      t.is(r.code, 0, r.stderr);
      t.is(r.stderr, one.stderr);
      t.true(r.stdout === one.stdout, `vcap ${args.join(' ')}, ${i + 1} workers: the same text`);
    }
    if (args.includes('-c')) t.is(one.stdout.split('\n').filter((l) => /^\d\d:/.test(l)).length, Number(args[args.indexOf('-c') + 1]));
  }
});

test('two threads on their own: for a pcap file of enough packets, on a machine of two cores or more, unless -c asks for fewer', (t) => {
  const big = AUTO_MIN_PACKETS * 100;
  t.deepEqual(printPlan(big, 0, undefined, 2), { workers: 1, auto: true });
  t.deepEqual(printPlan(big, 0, '', 8), { workers: 1, auto: true });
  t.deepEqual(printPlan(big, 0, undefined, 1), { workers: 0, auto: true }, 'one core: one thread');
  t.deepEqual(printPlan(AUTO_MIN_PACKETS * 20 - 1, 0, undefined, 2), { workers: 0, auto: true }, 'too small to hold enough');
  t.deepEqual(printPlan(big, 1000, undefined, 2), { workers: 0, auto: true }, '-c 1000');
  t.deepEqual(printPlan(big, AUTO_MIN_PACKETS, undefined, 2), { workers: 1, auto: true });
  // VCAP_PRINT_WORKERS decides, whatever the file.
  t.deepEqual(printPlan(100, 10, '3', 1), { workers: 3, auto: false });
  t.deepEqual(printPlan(big, 0, '0', 8), { workers: 0, auto: false });
  t.deepEqual(printPlan(big, 0, 'x', 8), { workers: 0, auto: false });
  // The first batch tells how many packets the file holds: 100 records of 64 bytes (and 16 of header), as they lie in the file.
  const offset = Uint32Array.from({ length: 100 }, (_, i) => 24 + 16 + i * 80);
  const b = { count: 100, offset, capLen: new Uint32Array(100).fill(64) } as unknown as Parameters<typeof worthThreads>[0];
  t.true(worthThreads(b, AUTO_MIN_PACKETS * 80));
  t.false(worthThreads(b, AUTO_MIN_PACKETS * 80 - 800));
});

test('vcap -r of a file of enough packets: printed on two threads, the same text as on one', (t) => {
  const dir = tempDir(t);
  // The smallest frames (64 bytes): the fewest bytes to write for enough packets.
  const count = AUTO_MIN_PACKETS + 1000;
  t.is(spawnSync(process.execPath, [join(repoRoot, 'dist', 'bench', 'make-captures.js'), 'udp', '--count', String(count), '--dir', dir]).status, 0);
  const file = join(dir, 'udp-flood-1m.pcap');
  // The text into files (hundreds of MB): one thread, then on its own (two threads).
  const print = (workers: string, out: string): { status: number | null; stderr: string } => {
    const fd = openSync(out, 'w');
    try {
      const r = spawnSync(process.execPath, [vcapBin, '-n', '-r', file], { stdio: ['ignore', fd, 'pipe'], encoding: 'latin1', env: { ...process.env, TZ: 'UTC0', VCAP_PRINT_WORKERS: workers } });
      return { status: r.status, stderr: r.stderr };
    } finally {
      closeSync(fd);
    }
  };
  const one = print('0', join(dir, 'one.txt')), auto = print('', join(dir, 'auto.txt'));
  t.is(auto.status, 0, auto.stderr);
  t.is(auto.stderr, one.stderr);
  const a = readFileSync(join(dir, 'one.txt')), b = readFileSync(join(dir, 'auto.txt'));
  let lines = 0;
  for (let i = a.indexOf(10); i >= 0; i = a.indexOf(10, i + 1)) lines++;
  t.is(lines, count);
  t.true(a.equals(b), 'the same text');
});
