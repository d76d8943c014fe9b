// PcapWriter.writeInPlace: records written from where the frames are, each header put in the room
// in front of its frame and the addon gathering both into its buffer for write(2) (what live -w
// does with a ring block). The file must be the one writePacket() makes frame by frame, whatever the
// batch's length (many times the gather buffer), frames larger than that buffer, the -C cuts, a pipe
// that takes only part of a write, or a disk that fills.
import test from 'ava';
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Batch } from '../../src/capture/batch.js';
import { VcapError } from '../../src/errors.js';
import { PcapWriter } from '../../src/output/pcap-writer.js';
import { RotatingWriter } from '../../src/output/rotation.js';
import { corpusDir, readAll, tempDir } from './helpers.js';

const FILLER = 0x5a;

/**
 * `count` corpus frames laid out as a ring block lays them out: each `headroom` bytes or more after
 * the previous one ends (the gaps filled with FILLER), with distinct timestamps.
 */
function ringLikeBatch(count: number, headroom: number): Batch & { headroom: number } {
  const src = readAll(join(corpusDir, 'print-X.pcap')).frames.concat(readAll(join(corpusDir, 'dns_tcp.pcap')).frames);
  const offset = new Uint32Array(count), capLen = new Uint32Array(count), origLen = new Uint32Array(count);
  const sec = new Float64Array(count), nsec = new Uint32Array(count);
  let size = 0;
  for (let i = 0; i < count; i++) size += headroom + (i % 7) + src[i % src.length]!.capLen;
  const bytes = new Uint8Array(size).fill(FILLER);
  let at = 0;
  for (let i = 0; i < count; i++) {
    const f = src[i % src.length]!;
    at += headroom + (i % 7);
    bytes.set(f.data, at);
    offset[i] = at; capLen[i] = f.capLen; origLen[i] = f.origLen;
    sec[i] = 1709294400 + Math.floor(i / 3); nsec[i] = (i * 123457) % 1000000000;
    at += f.capLen;
  }
  return { linkType: 1, count, bytes, offset, capLen, origLen, sec, nsec, headroom };
}

/** The file writePacket() makes of the batch's frames from..to, frame by frame. */
function framewise(path: string, b: Batch, nano: boolean, from = 0, to = b.count): Buffer {
  const w = PcapWriter.open(path, { linkType: 1, nano });
  for (let i = from; i < to; i++) w.writePacket(b.bytes, b.offset[i]!, b.capLen[i]!, b.origLen[i]!, b.sec[i]!, b.nsec[i]!);
  w.close();
  return readFileSync(path);
}

for (const nano of [false, true]) {
  test(`pcap ${nano ? 'ns' : 'µs'}: in place, in runs of one frame and of thousands, the bytes writePacket writes; nothing outside each header's room touched`, (t) => {
    const dir = tempDir(t);
    const b = ringLikeBatch(3000, 20);
    const before = Buffer.from(b.bytes);
    const w = PcapWriter.open(join(dir, 'in-place.pcap'), { linkType: 1, nano });
    t.is(w.writeInPlace(b, 0, 1100), 1100);
    t.is(w.writeInPlace(b, 1100, 1101), 1);
    t.is(w.writeInPlace(b, 1101, 3000), 1899);
    t.is(w.count, 3000);
    w.close();
    t.true(readFileSync(join(dir, 'in-place.pcap')).equals(framewise(join(dir, 'framewise.pcap'), b, nano)));
    // Each frame's bytes, and the 4 gap bytes in front of each header, are as they were.
    let touched = 0;
    for (let i = 0; i < b.count; i++) {
      const o = b.offset[i]!;
      if (!Buffer.from(b.bytes.subarray(o - 20, o - 16)).equals(before.subarray(o - 20, o - 16))) touched++;
      if (!Buffer.from(b.bytes.subarray(o, o + b.capLen[i]!)).equals(before.subarray(o, o + b.capLen[i]!))) touched++;
    }
    t.is(touched, 0);
  });
}

test('in place, frames larger than the 1 MiB the addon gathers records into and runs of many MiB: the bytes writePacket writes', (t) => {
  // Lengths about the gather buffer's size: records that end just before, at and after 1 MiB, a
  // frame whose record is exactly 1 MiB, frames past it (written from where they are), small ones
  // between, then 30000 small frames (2.5 MiB of records in one run).
  const MiB = 1 << 20, gap = 20;
  const lengths = [60, MiB - 16 - 60 - 16, 60, MiB - 16, 1, MiB - 15, 3 * MiB, 64, MiB + 1, ...Array.from({ length: 30000 }, (_, i) => 60 + (i % 29))];
  const n = lengths.length;
  const offset = new Uint32Array(n), capLen = new Uint32Array(lengths), origLen = new Uint32Array(lengths.map((l) => l + 4));
  const sec = new Float64Array(n), nsec = new Uint32Array(n);
  let size = 0;
  for (const l of lengths) size += gap + l;
  const bytes = new Uint8Array(size).fill(FILLER);
  let at = 0;
  for (let i = 0; i < n; i++) {
    at += gap;
    offset[i] = at;
    for (let k = 0; k < lengths[i]!; k += 251) bytes[at + k] = (i * 7 + k) & 0xff;
    bytes[at + lengths[i]! - 1] = i & 0xff;
    sec[i] = 1709294400 + i; nsec[i] = i * 1000;
    at += lengths[i]!;
  }
  const b: Batch & { headroom: number } = { linkType: 1, count: n, bytes, offset, capLen, origLen, sec, nsec, headroom: gap };
  const dir = tempDir(t);
  const w = PcapWriter.open(join(dir, 'in-place.pcap'), { linkType: 1, snaplen: 4 * MiB });
  t.is(w.writeInPlace(b, 0, 5), 5);
  t.is(w.writeInPlace(b, 5, n), n - 5);
  w.close();
  const expected = PcapWriter.open(join(dir, 'framewise.pcap'), { linkType: 1, snaplen: 4 * MiB });
  for (let i = 0; i < n; i++) expected.writePacket(bytes, offset[i]!, capLen[i]!, origLen[i]!, sec[i]!, nsec[i]!);
  expected.close();
  const file = readFileSync(join(dir, 'in-place.pcap'));
  t.is(file.length, 24 + lengths.reduce((a, l) => a + 16 + l, 0));
  t.true(file.equals(readFileSync(join(dir, 'framewise.pcap'))));
});

test('a batch with no room in front of its frames is not written in place: -1, the file untouched', (t) => {
  const path = join(tempDir(t), 'none.pcap');
  const w = PcapWriter.open(path, { linkType: 1 });
  t.is(w.writeInPlace(ringLikeBatch(10, 15), 0, 10), -1);
  t.is(w.writeInPlace({ ...ringLikeBatch(10, 20), headroom: 0 }, 0, 10), -1);
  t.is(w.count, 0);
  w.close();
  t.is(statSync(path).size, 24);
});

test('a batch of another link type is refused with one line, as writePacket refuses it', (t) => {
  const w = PcapWriter.open(join(tempDir(t), 'lt.pcap'), { linkType: 1 });
  const e = t.throws(() => w.writeInPlace({ ...ringLikeBatch(3, 20), linkType: 113 }, 0, 3), { instanceOf: VcapError });
  t.is(e?.code, 'ELINKTYPE');
  w.close();
});

test('-C in place: files cut before the same frames as frame by frame, each the same bytes', (t) => {
  const dir = tempDir(t);
  const b = ringLikeBatch(3000, 16);
  const series = (name: string, write: (w: RotatingWriter) => void): string[] => {
    const w = new RotatingWriter(join(dir, name), { fileSize: 100000, seconds: 0, fileCount: 0 }, (p) => PcapWriter.open(p, { linkType: 1 }));
    write(w);
    w.close();
    return w.opened;
  };
  const framed = series('f.pcap', (w) => { for (let i = 0; i < b.count; i++) w.writePacket(b.bytes, b.offset[i]!, b.capLen[i]!, b.origLen[i]!, b.sec[i]!, b.nsec[i]!, 0, 0); });
  // Runs of different lengths, one ending exactly where a file would be cut.
  const placed = series('p.pcap', (w) => { for (const [from, to] of [[0, 1], [1, 700], [700, 2999], [2999, 3000]] as const) t.is(w.writeInPlace(b, from, to), to - from); });
  t.true(framed.length >= 5, framed.join(' '));
  t.deepEqual(placed.map((p) => p.replace('p.pcap', '')), framed.map((p) => p.replace('f.pcap', '')));
  for (let i = 0; i < framed.length; i++) t.true(readFileSync(placed[i]!).equals(readFileSync(framed[i]!)), placed[i]);
});

const writerModule = fileURLToPath(new URL('../../src/output/pcap-writer.js', import.meta.url));

test('into a pipe that takes part of each write (non-blocking, the reader stalled): every record, in order', (t) => {
  // 2000 frames of 1500 bytes into a pipe whose reader waits 300 ms: write returns short or EAGAIN,
  // and the writer goes on from the byte where the kernel stopped.
  const script = `import { PcapWriter } from ${JSON.stringify(writerModule)};
    process.stdout;  // Node makes the pipe non-blocking
    const n = 2000, gap = 20, len = 1500;
    const bytes = new Uint8Array(n * (gap + len));
    const offset = new Uint32Array(n), capLen = new Uint32Array(n).fill(len), origLen = new Uint32Array(n).fill(len);
    const sec = new Float64Array(n), nsec = new Uint32Array(n);
    for (let i = 0; i < n; i++) { offset[i] = i * (gap + len) + gap; bytes.fill(i & 0xff, offset[i], offset[i] + len); sec[i] = i; }
    const w = PcapWriter.open('-', { linkType: 1 });
    w.writeInPlace({ linkType: 1, count: n, bytes, offset, capLen, origLen, sec, nsec, headroom: gap }, 0, n);
    w.close();`;
  const r = spawnSync('sh', ['-c', '"$NODE" --input-type=module -e "$SCRIPT" | { sleep 0.3; cat; }'], { env: { ...process.env, NODE: process.execPath, SCRIPT: script }, maxBuffer: 1 << 24 });
  t.is(r.status, 0, r.stderr.toString());
  const out = r.stdout;
  t.is(out.length, 24 + 2000 * 1516);
  let bad = 0;
  for (let i = 0; i < 2000; i++) {
    const at = 24 + i * 1516;
    if (out.readUInt32LE(at) !== i || out.readUInt32LE(at + 8) !== 1500 || out[at + 16] !== (i & 0xff) || out[at + 1515] !== (i & 0xff)) bad++;
  }
  t.is(bad, 0);
});

test('a full disk in place: VcapError ENOSPC, the file cut back to its last whole record', (t) => {
  const dir = tempDir(t);
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', dir]);
  t.is(r.status, 0, r.stderr.toString());
  t.teardown(() => { spawnSync('umount', ['-l', dir]); });
  const b = ringLikeBatch(3000, 16);
  const path = join(dir, 'full.pcap');
  const w = PcapWriter.open(path, { linkType: 1 });
  const e = t.throws(() => w.writeInPlace(b, 0, b.count), { instanceOf: VcapError });
  t.is(e?.code, 'ENOSPC');
  t.is(e?.message, `${path}: No space left on device`);
  w.close();
  // Whole records only: the file is the first k frames written frame by frame.
  const size = statSync(path).size;
  let k = 0;
  for (let end = 24; k < b.count && end + 16 + b.capLen[k]! <= size; k++) end += 16 + b.capLen[k]!;
  t.true(k > 100, `${k} records`);
  const written = readFileSync(path);
  spawnSync('umount', ['-l', dir]);
  t.true(written.equals(framewise(join(dir, 'framewise.pcap'), b, false, 0, k)));
});
