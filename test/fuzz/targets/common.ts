// What the fuzz targets share: the seed captures, the guarded copies of a frame, and the check for
// JavaScript values leaking into text output.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCaptureFile } from '../../../src/capture/capture-file.js';

export const repo = fileURLToPath(new URL('../../../../', import.meta.url));
export const pcapsDir = join(repo, 'test', 'pcaps');
/** Fixture directories whose captures seed the targets (tcpdump's crash/CVE captures first). */
export const seedDirs = ['tcpdump-crash', 'tcpdump', 'golden', 'print6'];

/** Every capture file under the seed directories. */
export function seedFiles(): string[] {
  const out: string[] = [];
  for (const d of seedDirs) {
    let names: string[];
    try { names = readdirSync(join(pcapsDir, d)); } catch { continue; }
    for (const n of names.sort()) if (/\.(pcap|pcapng)$/.test(n)) out.push(join(pcapsDir, d, n));
  }
  return out;
}

export interface SeedFrame { linkType: number; frame: Uint8Array; origLen: number }

/** Frames of the seed captures (damaged files give the frames before the damage). */
export function seedFrames(limitPerFile = 40): SeedFrame[] {
  const out: SeedFrame[] = [];
  for (const path of seedFiles()) {
    let f;
    try { f = openCaptureFile(path); } catch { continue; }
    let n = 0;
    try {
      for (let b = f.next(); b !== null && n < limitPerFile; b = f.next()) {
        for (let i = 0; i < b.count && n < limitPerFile; i++, n++) {
          out.push({ linkType: b.linkType, frame: b.bytes.slice(b.offset[i]!, b.offset[i]! + b.capLen[i]!), origLen: b.origLen[i]! });
        }
      }
    } catch { /* damaged: what was read is enough */ } finally { f.close(); }
  }
  return out;
}

const PAD = 64;

/**
 * The frame at the very end of a buffer whose bytes before it are 0x00, and the same frame between
 * 0xff bytes. A read before the frame or past its end gives `undefined` (or a RangeError) in the
 * first and 0xff in the second, so any such read shows as a difference between what the two give.
 */
export function guarded(frame: Uint8Array): { exact: Uint8Array; padded: Uint8Array; off: number } {
  const exact = new Uint8Array(PAD + frame.length);
  exact.set(frame, PAD);
  const padded = new Uint8Array(PAD + frame.length + PAD).fill(0xff);
  padded.set(frame, PAD);
  return { exact, padded, off: PAD };
}

// Not `null`: tcpdump's own marker for a cut-short DLT_NULL header is `[|null]`.
const LEAKS = ['undefined', 'NaN', '[object ', 'Infinity'];

/**
 * Throws when text shows a JavaScript value (`undefined`, `NaN`, `[object …]`, `Infinity`) that
 * the input bytes do not themselves contain (an -A dump may print such words from a payload).
 */
export function checkNoLeak(text: string, input: Uint8Array, where: string): void {
  for (const w of LEAKS) {
    if (!text.includes(w)) continue;
    if (Buffer.from(input).toString('latin1').includes(w)) continue;
    const line = text.split('\n').find((l) => l.includes(w)) ?? '';
    throw new Error(`${where}: '${w}' in the output: ${line.slice(0, 160)}`);
  }
}

/** The first line where two texts differ, for a failure message. */
export function firstDifference(a: string, b: string): string {
  const la = a.split('\n'), lb = b.split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) return `line ${i + 1}: ${JSON.stringify(la[i]?.slice(0, 140))} vs ${JSON.stringify(lb[i]?.slice(0, 140))}`;
  }
  return 'same';
}
