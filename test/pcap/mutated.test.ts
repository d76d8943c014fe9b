// Mutated and cut capture files: the readers end every one with frames or a VcapError, never
// another exception, never a frame outside the buffer, never a loop.
import test from 'ava';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCaptureFile } from '../../src/capture/capture-file.js';
import { VcapError } from '../../src/errors.js';
import { NgBuilder, corpusDir, frameBytes, tempDir } from './helpers.js';

/** xorshift32: the same mutations on every run, so a failure can be replayed. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x / 4294967296;
  };
}

function sample(): Buffer[] {
  const ng = new NgBuilder().shb().idb(1, 0, { tsresol: 9, tsoffset: 5 }).idb(101, 64)
    .epb(0, 123456789n, frameBytes(60)).spb(frameBytes(50)).opb(1, 7n, frameBytes(30)).block(5, Buffer.alloc(8)).epb(1, 1n << 40n, frameBytes(70));
  ng.shb(false).idb(113, 0, { tsresol: 0x80 | 20 }).epb(0, 99n, frameBytes(44));
  return [
    readFileSync(join(corpusDir, 'dns_tcp.pcap')),
    readFileSync(join(corpusDir, 'tcp-handshake-nano.pcap')),
    ng.build(),
  ];
}

/** Reads everything; returns what ended the read. Any non-VcapError escapes and fails the test. */
function consume(path: string, bufferSize: number): string {
  let f;
  try { f = openCaptureFile(path, { bufferSize }); } catch (e) { if (e instanceof VcapError) return 'open error'; throw e; }
  try {
    for (let b = f.next(), guard = 0; b !== null; b = f.next(), guard++) {
      if (guard > 100000) throw new Error('no progress');
      for (let i = 0; i < b.count; i++) {
        const end = b.offset[i]! + b.capLen[i]!;
        if (end > b.bytes.length || b.capLen[i]! > 262144) throw new Error(`frame ${i} [${b.offset[i]}, ${end}) outside the buffer`);
        if (!(b.nsec[i]! < 1e9 || f.format === 'pcap')) throw new Error(`nsec ${b.nsec[i]}`);
      }
    }
    return 'ok';
  } catch (e) {
    if (e instanceof VcapError) return 'read error';
    throw e;
  } finally {
    f.close();
  }
}

test('20k mutated files: frames or one VcapError, nothing else', (t) => {
  const dir = tempDir(t, true);
  const path = join(dir, 'm');
  const rand = rng(0x5eed);
  const outcomes = new Map<string, number>();
  const files = sample();
  for (let n = 0; n < 20000; n++) {
    const src = files[n % files.length]!;
    let b = Buffer.from(src);
    const flips = 1 + Math.floor(rand() * 4);
    for (let k = 0; k < flips; k++) {
      // Mostly in the headers, where lengths and magic numbers live.
      const at = rand() < 0.7 ? Math.floor(rand() * Math.min(b.length, 200)) : Math.floor(rand() * b.length);
      b[at] = rand() < 0.5 ? Math.floor(rand() * 256) : b[at]! ^ (1 << Math.floor(rand() * 8));
    }
    if (rand() < 0.3) b = b.subarray(0, Math.floor(rand() * b.length));
    writeFileSync(path, b);
    const how = consume(path, rand() < 0.5 ? 4096 : 1 << 20);
    outcomes.set(how, (outcomes.get(how) ?? 0) + 1);
  }
  // Each kind of ending must actually have happened, or the mutations test less than they claim.
  t.true((outcomes.get('ok') ?? 0) > 1000, JSON.stringify([...outcomes]));
  t.true((outcomes.get('read error') ?? 0) > 1000, JSON.stringify([...outcomes]));
  t.true((outcomes.get('open error') ?? 0) > 100, JSON.stringify([...outcomes]));
});

/** Offsets where a cut leaves a valid shorter file: after each pcap record, after each pcapng block past the first IDB. */
function boundaries(src: Buffer): Set<number> {
  const at = new Set<number>();
  if (src.readUInt32LE(0) === 0x0a0d0d0a) {
    let le = true, idb = false;
    for (let p = 0; p < src.length;) {
      if (src.readUInt32LE(p) === 0x0a0d0d0a) le = src.readUInt32LE(p + 8) === 0x1a2b3c4d;
      const type = le ? src.readUInt32LE(p) : src.readUInt32BE(p);
      idb ||= type === 1;
      p += le ? src.readUInt32LE(p + 4) : src.readUInt32BE(p + 4);
      if (idb) at.add(p);
    }
  } else {
    for (let p = 24; p <= src.length; p += 16 + src.readUInt32LE(p + 8)) {
      at.add(p);
      if (p === src.length) break;
    }
  }
  return at;
}

test('every prefix of a pcap and a pcapng file: whole at a record boundary, one VcapError elsewhere', (t) => {
  const dir = tempDir(t, true);
  const path = join(dir, 'p');
  let cuts = 0;
  for (const src of sample()) {
    const whole = boundaries(src);
    t.true(whole.has(src.length));
    for (let n = 0; n <= src.length; n++) {
      writeFileSync(path, src.subarray(0, n));
      const how = consume(path, 4096);
      if (whole.has(n) !== (how === 'ok')) t.fail(`prefix ${n} of ${src.length}: ${how}`);
      cuts++;
    }
  }
  t.true(cuts > 1500, `${cuts} prefixes`);
});
