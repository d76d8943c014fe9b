// Frames built in a test, written to a pcap file, printed by bin/vcap and by the installed tcpdump
// 4.99.3 (the oracle) with the same flags: the differential tests' machinery.
import type { ExecutionContext } from 'ava';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const vcap = join(root, 'bin', 'vcap');

/** One record: the frame, cut to `caplen` bytes (default: whole), `origLen` on the wire (default: the frame's length). */
export interface Rec { frame: Uint8Array; caplen?: number; origLen?: number }

/** A pcap file (microseconds, little-endian) of `linkType` holding `recs`. */
export function pcap(linkType: number, recs: Rec[]): Buffer {
  const parts: Buffer[] = [];
  const h = Buffer.alloc(24);
  h.writeUInt32LE(0xa1b2c3d4, 0); h.writeUInt16LE(2, 4); h.writeUInt16LE(4, 6); h.writeUInt32LE(262144, 16); h.writeUInt32LE(linkType, 20);
  parts.push(h);
  recs.forEach((r, i) => {
    const cap = Math.min(r.caplen ?? r.frame.length, r.frame.length);
    const rh = Buffer.alloc(16);
    rh.writeUInt32LE(1700000000 + Math.floor(i / 1000), 0); rh.writeUInt32LE((i % 1000) * 1000, 4);
    rh.writeUInt32LE(cap, 8); rh.writeUInt32LE(r.origLen ?? r.frame.length, 12);
    parts.push(rh, Buffer.from(r.frame.buffer, r.frame.byteOffset, cap));
  });
  return Buffer.concat(parts);
}

/** Every frame whole, then cut at each of `cuts` bytes shorter than it. */
export function withCuts(frames: Uint8Array[], cuts: number[]): Rec[] {
  const out: Rec[] = frames.map((frame) => ({ frame }));
  for (const frame of frames) for (const c of cuts) if (c < frame.length) out.push({ frame, caplen: c });
  return out;
}

/** Compares vcap with tcpdump on captures written to a scratch directory (removed by `cleanup()`; VCAP_KEEP_DIFF=1 keeps it). */
export class Oracle {
  readonly dir = mkdtempSync(join(tmpdir(), 'vcap-oracle-'));
  #fileNo = 0;

  /**
   * Writes `recs` as a `linkType` capture and asserts vcap prints what tcpdump prints with each flag
   * set, both run in time zone `tz` (where printers show local times).
   */
  compare(t: ExecutionContext, linkType: number, recs: Rec[], flagSets: string[][], tz = 'GMT0'): void {
    const f = join(this.dir, `d${this.#fileNo++}.pcap`);
    writeFileSync(f, pcap(linkType, recs));
    for (const flags of flagSets) {
      const args = ['-n', '-r', f, ...flags];
      const env = { ...process.env, TZ: tz };
      const expected = spawnSync('tcpdump', args, { env, encoding: 'latin1', maxBuffer: 256 << 20 });
      const got = spawnSync(vcap, args, { env, encoding: 'latin1', maxBuffer: 256 << 20 });
      t.is(got.status, 0, got.stderr);
      t.is(got.stdout, expected.stdout, `${f} flags: ${flags.join(' ')}`);
    }
  }

  cleanup(): void { if (!process.env['VCAP_KEEP_DIFF']) rmSync(this.dir, { recursive: true, force: true }); }
}
