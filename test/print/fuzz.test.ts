// Random and mutated frames through every link printer with every flag family: printing must
// never throw (a cut-short or lying packet ends in a marker, not an exception).
import test from 'ava';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PacketPrinter, defaultPrintOptions, openCaptureFile } from '../../src/index.js';
import type { PrintOptions } from '../../src/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Deterministic xorshift32, so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s; };
}

function corpusFrames(): Array<{ linkType: number; frame: Uint8Array }> {
  const out: Array<{ linkType: number; frame: Uint8Array }> = [];
  for (const dir of ['tcpdump', 'golden']) {
    const d = join(root, 'test', 'pcaps', dir);
    for (const name of readdirSync(d).filter((n) => n.endsWith('.pcap'))) {
      const f = openCaptureFile(join(d, name));
      try {
        for (let b = f.next(); b !== null; b = f.next()) {
          for (let i = 0; i < b.count; i++) out.push({ linkType: b.linkType, frame: b.bytes.slice(b.offset[i]!, b.offset[i]! + b.capLen[i]!) });
        }
      } catch { /* damaged corpus files end early; what was read is enough */ } finally { f.close(); }
    }
  }
  return out;
}

const flagSets: PrintOptions[] = [
  defaultPrintOptions,
  { ...defaultPrintOptions, verbose: 3, linkHeader: true, hexAscii: 2 },
  { ...defaultPrintOptions, verbose: 1, quiet: true, absoluteSeq: true, ascii: 1 },
  { ...defaultPrintOptions, verbose: 2, hex: 1, forcedType: 'domain' },
];

test('200k mutated corpus frames print without throwing, at every flag family', (t) => {
  const frames = corpusFrames();
  t.true(frames.length > 1000);
  const next = rng(0x5eed);
  const sink = { n: 0, push(s: string): void { this.n += s.length; } };
  const printers = new Map<string, PacketPrinter>();
  let printed = 0;
  for (let k = 0; k < 200_000; k++) {
    const src = frames[next() % frames.length]!;
    const frame = src.frame.slice();
    const flips = 1 + (next() % 6);
    for (let j = 0; j < flips && frame.length > 0; j++) frame[next() % frame.length] = next() & 255;
    const cap = frame.length === 0 ? 0 : 1 + (next() % frame.length);
    const wire = cap + (next() % 3 === 0 ? next() % 3000 : 0);
    const o = flagSets[k % flagSets.length]!;
    const key = `${src.linkType}/${k % flagSets.length}`;
    let p = printers.get(key);
    if (!p) { p = new PacketPrinter(o, src.linkType, sink); printers.set(key, p); }
    try {
      p.print(frame, 0, cap, wire, 1700000000, 0);
      printed++;
    } catch (e) {
      t.fail(`frame ${k} (link ${src.linkType}, ${Buffer.from(frame.subarray(0, cap)).toString('hex')}): ${(e as Error).stack}`);
      return;
    }
  }
  t.is(printed, 200_000);
  t.true(sink.n > 0);
});

test('50k random frames of random lengths print without throwing on every link type', (t) => {
  const next = rng(0xbeef);
  const sink = { push(): void {} };
  for (const linkType of [0, 1, 101, 108, 113, 228, 229, 276]) {
    const printers = flagSets.map((o) => new PacketPrinter(o, linkType, sink));
    for (let k = 0; k < 50_000 / 8; k++) {
      const len = next() % 200;
      const frame = new Uint8Array(len);
      for (let i = 0; i < len; i++) frame[i] = next() & 255;
      // Plausible starts reach deeper printers: IPv4/IPv6 version nibbles and EtherTypes.
      if (len > 14 && linkType === 1) { frame[12] = k & 1 ? 0x08 : 0x86; frame[13] = k & 1 ? 0x00 : 0xdd; frame[14] = k & 1 ? 0x45 : 0x60; }
      if (len > 0 && (linkType === 101 || linkType === 228 || linkType === 229)) frame[0] = k & 1 ? 0x45 : 0x60;
      t.notThrows(() => printers[k % printers.length]!.print(frame, 0, len, len + (k % 5), 0, 0), `link ${linkType}`);
    }
  }
});
