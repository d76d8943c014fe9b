// read → write → read: frames come back identical, and canonical files come back byte for byte.
import test from 'ava';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCaptureFile } from '../../src/capture/capture-file.js';
import { PcapWriter } from '../../src/output/pcap-writer.js';
import { PcapngWriter } from '../../src/output/pcapng-writer.js';
import { corpusDir, corpusFiles, readAll, run, swapPcap, tempDir } from './helpers.js';
import type { Frame } from './helpers.js';

/** Copies a capture through the reader into a writer, batch by batch, as `vcap -r A -w B` does. */
function copy(src: string, dst: string, kind: 'pcap' | 'pcapng', snaplen?: number, nano?: boolean): void {
  const f = openCaptureFile(src);
  const opts = { linkType: f.linkType, snaplen: snaplen ?? f.snaplen, nano: nano ?? f.nano };
  const w = kind === 'pcap' ? PcapWriter.open(dst, opts) : PcapngWriter.open(dst, opts);
  for (let b = f.next(); b !== null; b = f.next()) w.writeBatch(b);
  w.close();
  f.close();
}

/** The header fields a writer cannot know: thiszone, sigfigs, the high bits of the link type, and a caplen cut to the snaplen. */
function canonical(buf: Buffer): boolean {
  if (buf.readUInt32LE(0) !== 0xa1b2c3d4 && buf.readUInt32LE(0) !== 0xa1b23c4d) return false;
  if (buf.readUInt32LE(8) !== 0 || buf.readUInt32LE(12) !== 0 || buf.readUInt32LE(20) > 0xffff) return false;
  const snap = buf.readUInt32LE(16);
  for (let p = 24; p < buf.length;) {
    const cap = buf.readUInt32LE(p + 8);
    if (cap > snap) return false;
    p += 16 + cap;
  }
  return true;
}

function sameFrames(t: { deepEqual(a: unknown, b: unknown, m?: string): void }, got: Frame[], want: Frame[], msg: string): void {
  t.deepEqual(got.map((f) => ({ ...f, data: f.data.toString('hex') })), want.map((f) => ({ ...f, data: f.data.toString('hex') })), msg);
}

test('every corpus capture: read → pcap → read gives the same frames; canonical files are byte-identical', (t) => {
  const dir = tempDir(t);
  let identical = 0;
  for (const name of corpusFiles()) {
    const src = join(corpusDir, name), dst = join(dir, name);
    const orig = readFileSync(src);
    const before = readAll(src);
    copy(src, dst, 'pcap', orig.readUInt32LE(16));
    const after = readAll(dst);
    t.is(after.error, undefined, name);
    sameFrames(t, after.frames, before.frames, name);
    if (canonical(orig)) {
      t.true(readFileSync(dst).equals(orig), `${name} byte-identical`);
      identical++;
    }
  }
  // Most of the corpus is canonical; if this drops, the test above checks far less than it claims.
  t.true(identical >= 35, `${identical} byte-identical files`);
});

test('pcap µs and pcap ns files round-trip byte for byte', (t) => {
  const dir = tempDir(t);
  for (const [name, nano] of [['dns_udp.pcap', false], ['print-X.pcap', false], ['tcp-handshake-nano.pcap', true]] as const) {
    const src = join(corpusDir, name), dst = join(dir, name);
    t.is(readAll(src).nano, nano);
    copy(src, dst, 'pcap');
    t.true(readFileSync(dst).equals(readFileSync(src)), name);
  }
});

test('a big-endian pcap reads the same frames and rewrites as the little-endian original', (t) => {
  const dir = tempDir(t);
  for (const name of ['dns_udp.pcap', 'tcp-handshake-nano.pcap', 'print-A.pcap']) {
    const le = readFileSync(join(corpusDir, name));
    const bePath = join(dir, `be-${name}`), out = join(dir, `le-${name}`);
    writeFileSync(bePath, swapPcap(le));
    t.is(readFileSync(bePath).readUInt16BE(0), 0xa1b2);
    const be = readAll(bePath);
    sameFrames(t, be.frames, readAll(join(corpusDir, name)).frames, name);
    copy(bePath, out, 'pcap');
    t.true(readFileSync(out).equals(le), name);
  }
});

test('pcapng written by editcap reads the same frames as the pcap it came from', (t) => {
  const dir = tempDir(t);
  for (const name of ['dns_udp.pcap', 'tcp-handshake-nano.pcap', 'icmpv6.pcap', 'arp-oobr.pcap', 'tcp-handshake-micro.pcap']) {
    const ng = join(dir, `${name}ng`);
    const r = run('editcap', ['-F', 'pcapng', join(corpusDir, name), ng]);
    t.is(r.status, 0, r.stderr);
    const got = readAll(ng), want = readAll(join(corpusDir, name));
    t.is(got.format, 'pcapng');
    t.is(got.error, undefined);
    t.is(got.linkType, want.linkType);
    sameFrames(t, got.frames, want.frames, name);
  }
});

test('pcap → pcapng → pcap: same frames, then byte-identical pcap', (t) => {
  const dir = tempDir(t);
  for (const name of ['dns_udp.pcap', 'tcp-handshake-nano.pcap', 'print-x.pcap', 'tfo.pcap']) {
    const src = join(corpusDir, name), ng = join(dir, `${name}ng`), back = join(dir, name);
    copy(src, ng, 'pcapng');
    const mid = readAll(ng);
    t.is(mid.format, 'pcapng');
    sameFrames(t, mid.frames, readAll(src).frames, name);
    copy(ng, back, 'pcap');
    t.true(readFileSync(back).equals(readFileSync(src)), name);
  }
});

test('µs writer truncates ns timestamps, ns writer keeps them', (t) => {
  const dir = tempDir(t);
  const src = join(corpusDir, 'tcp-handshake-nano.pcap');
  const us = join(dir, 'us.pcap'), ngus = join(dir, 'us.pcapng');
  copy(src, us, 'pcap', undefined, false);
  copy(src, ngus, 'pcapng', undefined, false);
  const want = readAll(src).frames.map((f) => [f.sec, Math.floor(f.nsec / 1000) * 1000]);
  t.false(readAll(us).nano);
  t.deepEqual(readAll(us).frames.map((f) => [f.sec, f.nsec]), want);
  t.deepEqual(readAll(ngus).frames.map((f) => [f.sec, f.nsec]), want);
  t.true(want.some(([, ns]) => ns !== 0));
});

test("Kuznetzov's modified pcap (24-byte record headers) reads like tcpdump reads it", (t) => {
  const path = join(tempDir(t), 'kuznetzov.pcap');
  const hdr = Buffer.alloc(24);
  hdr.writeUInt32LE(0xa1b2cd34, 0); hdr.writeUInt16LE(2, 4); hdr.writeUInt16LE(4, 6); hdr.writeUInt32LE(65535, 16); hdr.writeUInt32LE(1, 20);
  const recs = [0, 1, 2].map((i) => {
    const data = Buffer.concat([Buffer.from('ffffffffffff00005e0053010806', 'hex'), Buffer.alloc(28 + i, i)]);
    const h = Buffer.alloc(24);
    h.writeUInt32LE(1709294400 + i, 0); h.writeUInt32LE(i, 4); h.writeUInt32LE(data.length, 8); h.writeUInt32LE(data.length, 12);
    h.writeUInt32LE(7, 16); h.writeUInt16LE(0x0806, 20); h[22] = 4;
    return Buffer.concat([h, data]);
  });
  writeFileSync(path, Buffer.concat([hdr, ...recs]));
  const r = readAll(path);
  t.is(r.error, undefined);
  const td = run('tcpdump', ['-r', path, '-w', '/dev/null']);
  t.regex(td.stderr, new RegExp(`link-type EN10MB \\(Ethernet\\), snapshot length ${r.snaplen}\\n`));
  t.is(r.snaplen, 65549);
  t.deepEqual(r.frames.map((f) => [f.sec, f.nsec, f.capLen]), [[1709294400, 0, 42], [1709294401, 1000, 43], [1709294402, 2000, 44]]);
  t.deepEqual(r.frames.map((f) => f.data), recs.map((rec) => rec.subarray(24)));
});
