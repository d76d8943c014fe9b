// The progress bar for reading a large file: on a terminal (a pseudo-terminal made by script(1)),
// into -w or with -q printing elsewhere; never into a pipe; never over lines printed on the same terminal.
import test from 'ava';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PcapWriter } from '../../src/output/pcap-writer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { ProgressBar, formatBytes, formatCount, formatDuration } from '../../src/cli/progress.js';
import { vcapBin } from '../helpers/netns.js';
import { tempDir } from '../pcap/helpers.js';

const FRAMES = 400_000;

/** A pcap of `FRAMES` 60-byte UDP frames (30 MB: long enough to be drawn a few times on the way). */
function bigPcap(dir: string): string {
  const path = join(dir, 'big.pcap');
  const frame = Buffer.from('0200000000020200000000010800' + '4500002e000100004011f9ba0a0000010a000002' + 'a4100fa1001a0000' + '00'.repeat(18), 'hex');
  const w = PcapWriter.open(path, { linkType: LinkType.EN10MB, snaplen: 65535, nano: false });
  for (let i = 0; i < FRAMES; i++) w.writeFrame(frame, 0, frame.length, frame.length, 1700000000 + Math.floor(i / 1000), (i % 1000) * 1000);
  w.close();
  return path;
}

interface Out { code: number | null; out: string; err: string; ms: number }

function run(argv: string[]): Promise<Out> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const p = spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TZ: 'UTC0' } });
    let out = '', err = '';
    p.stdout.setEncoding('utf8').on('data', (d: string) => { out += d; });
    p.stderr.setEncoding('utf8').on('data', (d: string) => { err += d; });
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, out, err, ms: Date.now() - t0 }));
  });
}

const sh = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
/** `cmd` (a shell command line) with stdin, stdout and stderr on a pseudo-terminal; what the terminal showed. */
const onPty = (cmd: string): Promise<Out> => run(['script', '-q', '-e', '-c', cmd, '/dev/null']);

/** The bar's drawings: each starts with \r and ends with erase-to-end-of-line. */
function drawings(screen: string): string[] {
  return [...screen.matchAll(/\r(\[[# ]+\] +\d+%[^\r\n]*?)\x1b\[K/g)].map((m) => m[1]!);
}

test('-r big.pcap -w out on a terminal: a bar with bytes, packets, rate and ETA, redrawn at most 5 times a second, left at 100%', async (t) => {
  const dir = tempDir(t);
  const big = bigPcap(dir);
  const r = await onPty(`${sh(process.execPath)} ${sh(vcapBin)} -r ${sh(big)} -w ${sh(join(dir, 'out.pcap'))}`);
  t.is(r.code, 0, r.out);
  t.true(r.out.startsWith(`reading from file ${big}, link-type EN10MB (Ethernet), snapshot length 65535\r\n`), r.out);
  const d = drawings(r.out);
  t.true(d.length >= 1, r.out);
  t.true(d.length <= Math.ceil(r.ms / 200) + 1, `${d.length} drawings in ${r.ms} ms`);
  for (const line of d.slice(0, -1)) t.regex(line, /^\[[# ]+\] +\d+%  [\d.]+ [kMG]?B \/ 30 MB  [\d.]+[kM]? packets  [\d.]+ [kMG]?B\/s  ETA \d+:\d\d$/);
  t.regex(d[d.length - 1]!, /^\[#+\] 100%  30 MB \/ 30 MB  400k packets  [\d.]+ [kMG]?B\/s  \d+:\d\d$/);
  t.true(r.out.endsWith('\x1b[K\r\n'), JSON.stringify(r.out.slice(-40)));
});

test('-q with the lines going to a file: the bar on the terminal; -q onto the terminal itself: no bar', async (t) => {
  const dir = tempDir(t);
  const big = bigPcap(dir);
  const toFile = await onPty(`${sh(process.execPath)} ${sh(vcapBin)} -q -r ${sh(big)} > ${sh(join(dir, 'out.txt'))}`);
  t.is(toFile.code, 0, toFile.out);
  t.regex(drawings(toFile.out).pop() ?? '', /^\[#+\] 100%  30 MB \/ 30 MB  400k packets /);
  const onTerminal = await onPty(`${sh(process.execPath)} ${sh(vcapBin)} -q -c 3 -r ${sh(big)}`);
  t.is(onTerminal.code, 0, onTerminal.out);
  t.deepEqual(drawings(onTerminal.out), []);
  t.notRegex(onTerminal.out, /\x1b\[K/);
});

test('into a pipe: stderr has only the reading-from line', async (t) => {
  const dir = tempDir(t);
  const big = bigPcap(dir);
  const w = await run([process.execPath, vcapBin, '-r', big, '-w', join(dir, 'out.pcap')]);
  t.is(w.code, 0, w.err);
  t.is(w.err, `reading from file ${big}, link-type EN10MB (Ethernet), snapshot length 65535\n`);
  const q = await run([process.execPath, vcapBin, '-q', '-r', big]);
  t.is(q.code, 0, q.err);
  t.is(q.err, `reading from file ${big}, link-type EN10MB (Ethernet), snapshot length 65535\n`);
  t.is(q.out.split('\n').length - 1, FRAMES);
});

test('the bar line: sizes, counts and durations; fitted to the width', (t) => {
  t.is(formatBytes(999), '999 B');
  t.is(formatBytes(1234), '1.2 kB');
  t.is(formatBytes(374052535), '374 MB');
  t.is(formatCount(9999), '9999');
  t.is(formatCount(12345), '12.3k');
  t.is(formatCount(1000000), '1.00M');
  t.is(formatDuration(7.4), '0:07');
  t.is(formatDuration(754), '12:34');
  t.is(formatDuration(3723), '1:02:03');
  const bar = new ProgressBar(1_000_000_000, 80);
  const half = bar.line(500_000_000, 1_234_567, 5000, false);
  t.is(half, '[#########         ]  50%  500 MB / 1.0 GB  1.23M packets  100 MB/s  ETA 0:05');
  t.true(half.length <= 79);
  // The bar keeps its width to the end.
  t.is(bar.line(1_000_000_000, 2_000_000, 10_000, true), '[##################] 100%  1.0 GB / 1.0 GB  2.00M packets  100 MB/s  0:10');
  t.is(new ProgressBar(undefined, 80).line(5_000_000, 100, 1000, false), '5.0 MB  100 packets  5.0 MB/s');
  t.is(new ProgressBar(1000, 30).line(500, 1, 1000, false).length <= 29, true);
});
