// Hand-built pcapng: several interfaces and sections, if_tsresol/if_tsoffset, EPB/SPB/OPB, unknown blocks.
import test from 'ava';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCaptureFile } from '../../src/capture/capture-file.js';
import { NgBuilder, frameBytes, readAll, run, tempDir } from './helpers.js';

const T = 1709294400;

/** `plain`: without the custom block and the over-snaplen frame, which Wireshark shows differently (as a frame, uncut). */
function twoInterfaces(plain = false): Buffer {
  const ng = new NgBuilder(true);
  ng.shb()
    .idb(1, 0) // EN10MB, snaplen 0 (= 262144), µs by default
    .idb(101, 128, { tsresol: 9, tsoffset: 1000 }) // RAW, ns, +1000 s
    .block(4, Buffer.alloc(4)) // Name Resolution Block (empty): skipped
    .idb(1, 65535, { tsresol: 0x80 | 10 }) // 2^-10 s units
    .epb(0, BigInt(T) * 1000000n + 123456n, frameBytes(60, 1))
    .epb(1, BigInt(T) * 1000000000n + 5n, frameBytes(40, 2), 52)
    .block(plain ? 4 : 0x00000bad, plain ? Buffer.alloc(4) : Buffer.from('custom block')) // custom block with copy allowed
    .epb(0, BigInt(T + 1) * 1000000n, frameBytes(61, 3))
    .spb(frameBytes(62, 4))
    .opb(2, 3n * 1024n + 512n, frameBytes(63, 5))
    .block(5, Buffer.alloc(20)) // Interface Statistics Block: skipped
    .epb(1, 7n, frameBytes(plain ? 100 : 200, 6)); // caplen 200 > snaplen 128: cut
  ng.shb(false) // a second section, big-endian, with its own interfaces
    .idb(113, 0, { tsresol: 3 })
    .epb(0, 1234567n, frameBytes(70, 7), 1500);
  return ng.build();
}

test('two interfaces, two sections: frames, link types, timestamps and lengths', (t) => {
  const path = join(tempDir(t), 'two.pcapng');
  writeFileSync(path, twoInterfaces());
  const r = readAll(path);
  t.is(r.error, undefined);
  t.is(r.format, 'pcapng');
  t.is(r.linkType, 1);
  t.is(r.snaplen, 262144);
  t.false(r.nano);
  t.deepEqual(r.frames.map((f) => [f.linkType, f.capLen, f.origLen, f.sec, f.nsec]), [
    [1, 60, 60, T, 123456000],
    [101, 40, 52, T + 1000, 5],
    [1, 61, 61, T + 1, 0],
    [1, 62, 62, 0, 0], // SPB: no timestamp
    [1, 63, 63, 3, 500000000],
    [101, 128, 200, 1000, 7],
    [113, 70, 1500, 1234, 567000000],
  ]);
  t.deepEqual(r.frames.map((f) => f.data), [
    frameBytes(60, 1), frameBytes(40, 2), frameBytes(61, 3), frameBytes(62, 4), frameBytes(63, 5), frameBytes(200, 6).subarray(0, 128), frameBytes(70, 7),
  ]);
});

test('a new batch whenever the interface changes, never a mixed one; every interface listed in file order', (t) => {
  const path = join(tempDir(t), 'two.pcapng');
  writeFileSync(path, twoInterfaces());
  const f = openCaptureFile(path);
  const seen: [number, number, number][] = [];
  for (let b = f.next(); b !== null; b = f.next()) seen.push([f.interfaces.indexOf(b.iface!), b.linkType, b.count]);
  // Interfaces 0 and 2 of the first section are both Ethernet: still separate batches.
  t.deepEqual(seen, [[0, 1, 1], [1, 101, 1], [0, 1, 2], [2, 1, 1], [1, 101, 1], [3, 113, 1]]);
  t.deepEqual(f.interfaces.map((i) => [i.linkType, i.snaplen]), [[1, 262144], [101, 128], [1, 65535], [113, 262144]]);
});

test('tshark reads the same hand-built file: same count and lengths', (t) => {
  const path = join(tempDir(t), 'two.pcapng');
  writeFileSync(path, twoInterfaces(true));
  const ts = run('tshark', ['-r', path, '-T', 'fields', '-e', 'frame.cap_len', '-e', 'frame.len']);
  t.is(ts.status, 0, ts.stderr);
  t.deepEqual(ts.stdout.trim().split('\n'), readAll(path).frames.map((f) => `${f.capLen}\t${f.origLen}`));
});

test('64-bit timestamps keep every nanosecond: ns, ps (past 2^64 / 1e9 s) and binary resolutions', (t) => {
  const dir = tempDir(t);
  const cases: [number | undefined, bigint, number, number][] = [
    [9, 1709294400123456789n, 1709294400, 123456789],
    [9, 0xffffffffffffffffn, 18446744073, 709551615],
    [6, 1709294400999999n, 1709294400, 999999000],
    [12, 1709294400123456789012n & 0xffffffffffffffffn, Number((1709294400123456789012n & 0xffffffffffffffffn) / 1000000000000n), Number(((1709294400123456789012n & 0xffffffffffffffffn) % 1000000000000n) / 1000n)],
    [0x80 | 30, (1709294400n << 30n) + (1n << 29n), 1709294400, 500000000],
    [0, 1709294400n, 1709294400, 0],
    [undefined, 42n * 1000000n + 7n, 42, 7000],
  ];
  for (const [tsresol, ts, sec, nsec] of cases) {
    const path = join(dir, `ts-${tsresol}.pcapng`);
    writeFileSync(path, new NgBuilder().shb().idb(1, 0, tsresol === undefined ? {} : { tsresol }).epb(0, ts, frameBytes(20)).build());
    const r = readAll(path);
    t.is(r.error, undefined);
    t.deepEqual([r.frames[0]!.sec, r.frames[0]!.nsec], [sec, nsec], `tsresol ${tsresol} ts ${ts}`);
    t.is(r.nano, tsresol !== undefined && (tsresol & 0x80 ? 2 ** (tsresol & 0x7f) : 10 ** tsresol) > 1e6);
  }
});

test('a negative if_tsoffset moves timestamps back', (t) => {
  const path = join(tempDir(t), 'neg.pcapng');
  writeFileSync(path, new NgBuilder(false).shb().idb(1, 0, { tsoffset: -3600 }).epb(0, BigInt(T) * 1000000n + 1n, frameBytes(20)).build());
  t.deepEqual(readAll(path).frames.map((f) => [f.sec, f.nsec]), [[T - 3600, 1000]]);
});

test('batches never hold more than maxBatch frames, and every frame arrives', (t) => {
  const ng = new NgBuilder().shb().idb(1, 0);
  for (let i = 0; i < 25; i++) ng.epb(0, BigInt(i), frameBytes(30 + i, i));
  const path = join(tempDir(t), 'many.pcapng');
  writeFileSync(path, ng.build());
  const f = openCaptureFile(path, { maxBatch: 4 });
  const counts: number[] = [];
  for (let b = f.next(); b !== null; b = f.next()) counts.push(b.count);
  t.deepEqual(counts, [4, 4, 4, 4, 4, 4, 1]);
  t.deepEqual(readAll(path, { maxBatch: 3 }).frames.map((fr) => fr.capLen), Array.from({ length: 25 }, (_, i) => 30 + i));
});
