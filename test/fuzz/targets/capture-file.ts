// pcap and pcapng files as `vcap -r` reads them: in-process, the reader (a small or the default
// buffer) feeding the printer with flags drawn from the input, and the pcap and pcapng writers,
// whose output must read back frame for frame; every 100th input also runs the real `bin/vcap -r`
// with one of the output flag sets, whose exit must be 0, or 1 with one `vcap: …` line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCaptureFile } from '../../../src/capture/capture-file.js';
import type { CaptureFile } from '../../../src/capture/capture-file.js';
import { VcapError } from '../../../src/errors.js';
import { PacketPrinter } from '../../../src/output/text/packet.js';
import { PcapWriter } from '../../../src/output/pcap-writer.js';
import { PcapngWriter } from '../../../src/output/pcapng-writer.js';
import { fuzzContext, hangBudget } from '../engine.js';
import type { FuzzTarget } from '../engine.js';
import { checkNoLeak, repo, seedFiles } from './common.js';
import { printOptionsOf } from './frames.js';

const dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'vcap-fuzz-file-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const inPath = join(dir, 'in'), pcapOut = join(dir, 'out.pcap'), ngOut = join(dir, 'out.pcapng');
const vcap = join(repo, 'bin', 'vcap');

/** Output flag sets for the real process: every printing flag, both writers, a filter. */
export const processFlagSets: string[][] = [
  ['-n'], ['-e', '-vvv', '-XX'], ['-tttt', '--nano', '-xx'], ['-ttt', '-A', '-S', '-q'], ['-ttttt', '-#', '-AA', '-vv'],
  ['-tt', '-x', '-v', '-e'], ['-T', 'domain', '-X'], ['-c', '3', '-v'], ['-e', '-t', 'tcp or udp or icmp'],
  ['-w', pcapOut], ['-w', ngOut], ['--nano', '-w', pcapOut], ['--json'], ['--json', '-c', '5', 'udp'],
];

class Text { s = ''; push(line: string): void { this.s += line; } }

function hash(input: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < input.length; i += 1 + (input.length >> 8)) h = Math.imul(h ^ input[i]!, 0x01000193);
  return h >>> 0;
}

/** Reads every frame; returns the frames seen, or throws anything that is not a VcapError. */
function readAll(path: string, bufferSize: number, each: (f: CaptureFile, b: NonNullable<ReturnType<CaptureFile['next']>>) => void): number {
  let f: CaptureFile;
  try { f = openCaptureFile(path, { bufferSize }); } catch (e) { if (e instanceof VcapError) return 0; throw e; }
  let frames = 0;
  try {
    for (let b = f.next(), guard = 0; b !== null; b = f.next(), guard++) {
      if (guard > 1_000_000) throw new Error('the reader makes no progress');
      for (let i = 0; i < b.count; i++) {
        const end = b.offset[i]! + b.capLen[i]!;
        if (end > b.bytes.length) throw new Error(`frame [${b.offset[i]}, ${end}) outside the buffer of ${b.bytes.length}`);
      }
      frames += b.count;
      each(f, b);
    }
  } catch (e) {
    if (!(e instanceof VcapError)) throw e;
  } finally {
    f.close();
  }
  return frames;
}

/** One real vcap run on a loaded machine (startup alone can take a second); longer is a hang, reported as a failure. */
const PROCESS_TIMEOUT_MS = 20000;

let runs = 0;

function processRun(input: Uint8Array, h: number): void {
  const flags = processFlagSets[h % processFlagSets.length]!;
  hangBudget.extend(PROCESS_TIMEOUT_MS + 5000);
  const r = spawnSync(process.execPath, [vcap, '-r', inPath, ...flags], { encoding: 'latin1', timeout: PROCESS_TIMEOUT_MS, maxBuffer: 64 << 20, env: { ...process.env, TZ: 'UTC' } });
  const what = `vcap -r FILE ${flags.join(' ')}`;
  if (r.error) throw new Error(`${what}: ${r.error.message}`);
  if (r.signal) throw new Error(`${what}: killed by ${r.signal}`);
  if (/\n\s+at /.test(r.stderr)) throw new Error(`${what}: stack trace: ${r.stderr.split('\n').slice(0, 2).join(' | ')}`);
  const errors = r.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('reading from file'));
  if (r.status === 0 && errors.length > 0) throw new Error(`${what}: status 0 with ${errors[0]}`);
  if (r.status !== 0 && (r.status !== 1 || errors.length !== 1 || !errors[0]!.startsWith('vcap: '))) {
    throw new Error(`${what}: status ${r.status}, stderr ${JSON.stringify(r.stderr.slice(0, 300))}`);
  }
  checkNoLeak(r.stdout, input, what);
  checkNoLeak(r.stderr, input, what);
}

export const captureFileTarget: FuzzTarget = {
  name: 'capture-file',
  description: 'a pcap/pcapng file through the reader, the printer (flags from the input) and both writers in-process; every 100th through bin/vcap -r with an output flag set',
  maxLength: 256 * 1024,
  seeds() {
    return seedFiles().map((p) => new Uint8Array(readFileSync(p)));
  },
  run(input) {
    writeFileSync(inPath, input);
    const h = hash(input);
    const bufferSize = h & 1 ? 4096 : 1 << 20;
    const o = printOptionsOf(h >>> 8 & 255, h >>> 16 & 255);
    const text = new Text();
    const printers = new Map<number, PacketPrinter | null>();
    let pcap: PcapWriter | undefined, ng: PcapngWriter | undefined, pcapFrames = 0;
    const read = readAll(inPath, bufferSize, (f, b) => {
      let p = printers.get(b.linkType);
      if (p === undefined) {
        try { p = new PacketPrinter(o, b.linkType, text); } catch (e) { if (!(e instanceof VcapError)) throw e; p = null; }
        printers.set(b.linkType, p);
      }
      if (p) p.printBatch(b);
      // pcap holds one link type: the frames of the file's own; pcapng takes every interface.
      pcap ??= PcapWriter.open(pcapOut, { linkType: f.linkType, snaplen: f.snaplen, nano: f.nano });
      if (b.linkType === f.linkType) { pcap.writeBatch(b); pcapFrames += b.count; }
      ng ??= PcapngWriter.open(ngOut, { linkType: b.linkType, snaplen: f.snaplen, nano: f.nano });
      for (let i = 0; i < b.count; i++) ng.writeFrame(b.bytes, b.offset[i]!, b.capLen[i]!, b.origLen[i]!, b.sec[i]!, b.nsec[i]!, b.linkType);
    });
    checkNoLeak(text.s, input, 'printer');
    if (pcap) {
      pcap.close();
      ng!.close();
      const back = readAll(pcapOut, 1 << 20, () => {});
      if (back !== pcapFrames) throw new Error(`pcap writer: ${pcapFrames} frames written, ${back} read back`);
      const backNg = readAll(ngOut, 1 << 20, () => {});
      if (backNg !== read) throw new Error(`pcapng writer: ${read} frames written, ${backNg} read back`);
    }
    if (runs++ % 100 === 0 || fuzzContext.replay) processRun(input, h);
  },
};
