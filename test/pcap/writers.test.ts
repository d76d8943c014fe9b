// What the writers write, Wireshark's tools and tcpdump read back, with exactly the packets written.
import test from 'ava';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCaptureFile } from '../../src/capture/capture-file.js';
import { VcapError } from '../../src/errors.js';
import { PcapWriter } from '../../src/output/pcap-writer.js';
import { PcapngWriter } from '../../src/output/pcapng-writer.js';
import { NgBuilder, corpusDir, frameBytes, readAll, run, tempDir } from './helpers.js';

const COUNT = 3000;

/** COUNT frames cycled from corpus captures (real Ethernet traffic), with distinct ns timestamps, three a second. */
function writeMany(path: string, Writer: typeof PcapWriter | typeof PcapngWriter, nano: boolean): { sec: number; nsec: number }[] {
  const src = readAll(join(corpusDir, 'print-X.pcap')).frames.concat(readAll(join(corpusDir, 'dns_tcp.pcap')).frames);
  const w = Writer.open(path, { linkType: 1, nano });
  const stamps: { sec: number; nsec: number }[] = [];
  for (let i = 0; i < COUNT; i++) {
    const f = src[i % src.length]!;
    const sec = 1709294400 + Math.floor(i / 3), nsec = (i * 123457) % 1000000000;
    w.writeFrame(f.data, 0, f.capLen, f.origLen, sec, nsec);
    stamps.push({ sec, nsec: nano ? nsec : Math.floor(nsec / 1000) * 1000 });
  }
  w.close();
  return stamps;
}

for (const [label, Writer, nano, ext] of [
  ['pcap µs', PcapWriter, false, 'pcap'], ['pcap ns', PcapWriter, true, 'pcap'],
  ['pcapng µs', PcapngWriter, false, 'pcapng'], ['pcapng ns', PcapngWriter, true, 'pcapng'],
] as const) {
  test(`${label}: capinfos, tshark and tcpdump count exactly the packets written, tshark agrees on every timestamp`, (t) => {
    const path = join(tempDir(t), `w.${ext}`);
    const stamps = writeMany(path, Writer, nano);
    const ci = run('capinfos', ['-c', '-M', '-t', '-E', path]);
    t.is(ci.status, 0, ci.stderr);
    t.regex(ci.stdout, new RegExp(`Number of packets:\\s+${COUNT}\\n`));
    t.regex(ci.stdout, new RegExp(`File type:\\s+${ext === 'pcapng' ? 'pcapng' : nano ? 'nsecpcap' : 'pcap'}\\n`));
    t.regex(ci.stdout, /File encapsulation:\s+ether\n/);
    const ts = run('tshark', ['-r', path, '-T', 'fields', '-e', 'frame.time_epoch']);
    t.is(ts.status, 0, ts.stderr);
    t.deepEqual(ts.stdout.trim().split('\n'), stamps.map((s) => `${s.sec}.${String(s.nsec).padStart(9, '0')}`));
    const td = run('tcpdump', ['-n', '-q', '-r', path], { TZ: 'GMT0' });
    t.is(td.status, 0, td.stderr);
    t.is(td.stdout.split('\n').filter((l) => /^\d\d:\d\d:\d\d\.\d{6} /.test(l)).length, COUNT);
    t.regex(td.stderr, /link-type EN10MB \(Ethernet\), snapshot length 262144/);
    const back = readAll(path);
    t.is(back.frames.length, COUNT);
    t.is(back.nano, nano);
  });
}

test('pcapng: one IDB per interface, tshark reads frames of every interface', (t) => {
  const dir = tempDir(t);
  const mixed = join(dir, 'mixed.pcapng'), out = join(dir, 'out.pcapng');
  writeFileSync(mixed, new NgBuilder().shb().idb(1, 0).idb(101, 0).idb(113, 0)
    .epb(0, 1n, frameBytes(60, 1)).epb(1, 2n, Buffer.from('450000140000000040ff0000c0000201c0000202', 'hex')).epb(0, 3n, frameBytes(60, 3)).epb(2, 4n, frameBytes(40, 4)).build());
  const f = openCaptureFile(mixed);
  const w = PcapngWriter.open(out, { linkType: f.linkType, nano: true, interfaces: f.interfaces });
  for (let b = f.next(); b !== null; b = f.next()) w.writeBatch(b);
  w.close();
  const ci = run('capinfos', ['-c', '-I', out]);
  t.regex(ci.stdout, /Number of packets:\s+4\n/);
  t.regex(ci.stdout, /Number of interfaces in file: 3/);
  const ts = run('tshark', ['-r', out, '-T', 'fields', '-e', 'frame.interface_id', '-e', 'frame.cap_len']);
  t.deepEqual(ts.stdout.trim().split('\n'), ['0\t60', '1\t20', '0\t60', '2\t40']);
  t.deepEqual(readAll(out).frames.map((fr) => fr.linkType), [1, 101, 1, 113]);
});

test('pcapng writeFrame with a link type: frames go to that interface, as the CLI writes after a filter', (t) => {
  const out = join(tempDir(t), 'frames.pcapng');
  const w = PcapngWriter.open(out, { linkType: 1 });
  w.writeFrame(frameBytes(60, 1), 0, 60, 60, 1, 1000);
  w.writeFrame(frameBytes(40, 2), 0, 40, 40, 2, 2000, 276);
  w.writeFrame(frameBytes(60, 3), 0, 60, 60, 3, 3000, 1);
  w.writeFrame(frameBytes(40, 4), 0, 40, 40, 4, 4000, 276);
  w.close();
  const ts = run('tshark', ['-r', out, '-T', 'fields', '-e', 'frame.interface_id', '-e', 'frame.cap_len']);
  t.deepEqual(ts.stdout.trim().split('\n'), ['0\t60', '1\t40', '0\t60', '1\t40']);
  t.deepEqual(readAll(out).frames.map((f) => [f.linkType, f.sec, f.nsec]), [[1, 1, 1000], [276, 2, 2000], [1, 3, 3000], [276, 4, 4000]]);
});

test('pcapng useLinkType / useInterface: frames go to that interface, one IDB each on first use', (t) => {
  const out = join(tempDir(t), 'frames.pcapng');
  const w = PcapngWriter.open(out, { linkType: 1 });
  const veth = { linkType: 1, snaplen: 262144, name: 'veth0' };
  w.writePacket(frameBytes(60, 1), 0, 60, 60, 1, 1000);
  t.is(w.useLinkType(276), 1);
  w.writePacket(frameBytes(40, 2), 0, 40, 40, 2, 2000);
  t.is(w.useLinkType(1), 0);
  w.writePacket(frameBytes(60, 3), 0, 60, 60, 3, 3000);
  t.is(w.useLinkType(276), 1);
  w.writePacket(frameBytes(40, 4), 0, 40, 40, 4, 4000);
  t.is(w.useInterface(veth), 2);
  w.writePacket(frameBytes(60, 5), 0, 60, 60, 5, 5000);
  w.close();
  const ts = run('tshark', ['-r', out, '-T', 'fields', '-e', 'frame.interface_id', '-e', 'frame.cap_len', '-e', 'frame.interface_name']);
  t.deepEqual(ts.stdout.trim().split('\n'), ['0\t60\tunknown', '1\t40\tunknown', '0\t60\tunknown', '1\t40\tunknown', '2\t60\tveth0']);
  t.deepEqual(readAll(out).frames.map((f) => [f.linkType, f.sec, f.nsec]), [[1, 1, 1000], [276, 2, 2000], [1, 3, 3000], [276, 4, 4000], [1, 5, 5000]]);
});

test('a pcap file holds one link type: a batch of another is refused with one line', (t) => {
  const dir = tempDir(t);
  const src = join(dir, 'raw.pcapng');
  writeFileSync(src, new NgBuilder().shb().idb(101, 0).epb(0, 1n, frameBytes(20)).build());
  const w = PcapWriter.open(join(dir, 'eth.pcap'), { linkType: 1 });
  const b = openCaptureFile(src).next()!;
  t.throws(() => w.writeBatch(b), { instanceOf: VcapError, message: `${join(dir, 'eth.pcap')}: cannot write link type 101 frames into a pcap file of link type 1` });
  t.throws(() => w.writeFrame(frameBytes(20), 0, 20, 20, 0, 0, 101), { instanceOf: VcapError, message: `${join(dir, 'eth.pcap')}: cannot write link type 101 frames into a pcap file of link type 1` });
  t.throws(() => w.useLinkType(101), { instanceOf: VcapError, message: `${join(dir, 'eth.pcap')}: cannot write link type 101 frames into a pcap file of link type 1` });
  t.throws(() => w.useInterface({ linkType: 101, snaplen: 0 }), { instanceOf: VcapError, message: `${join(dir, 'eth.pcap')}: cannot write link type 101 frames into a pcap file of link type 1` });
  w.close();
});

test('the header is in the file at once; flush() puts every frame so far in it (-U); close() is safe twice', (t) => {
  const path = join(tempDir(t), 'u.pcap');
  const w = PcapWriter.open(path, { linkType: 1, snaplen: 96 });
  t.is(statSync(path).size, 24);
  t.is(readAll(path).frames.length, 0);
  w.writeFrame(frameBytes(60), 0, 60, 60, 1, 2000);
  t.is(statSync(path).size, 24);
  w.flush();
  t.is(statSync(path).size, 24 + 16 + 60);
  const r = readAll(path);
  t.is(r.snaplen, 96);
  t.deepEqual(r.frames.map((f) => [f.sec, f.nsec, f.capLen]), [[1, 2000, 60]]);
  w.writeFrame(frameBytes(90, 1), 10, 50, 90, 3, 4000);
  w.close();
  w.close();
  t.deepEqual(readAll(path).frames.map((f) => f.data), [frameBytes(60), frameBytes(90, 1).subarray(10, 60)]);
});

test('a frame bigger than the output buffer is written whole', (t) => {
  const path = join(tempDir(t), 'big.pcapng');
  const w = PcapngWriter.open(path, { linkType: 1, bufferSize: 65536 });
  w.writeFrame(frameBytes(200000), 0, 200000, 200000, 5, 6000);
  w.writeFrame(frameBytes(61, 1), 0, 61, 61, 7, 8000);
  w.close();
  t.deepEqual(readAll(path).frames.map((f) => f.data), [frameBytes(200000), frameBytes(61, 1)]);
});

test('an unwritable path: one line naming it', (t) => {
  const path = join(tempDir(t), 'no', 'such', 'dir.pcap');
  t.throws(() => PcapWriter.open(path, { linkType: 1 }), { instanceOf: VcapError, message: `${path}: No such file or directory` });
});

const writerModule = fileURLToPath(new URL('../../src/output/pcap-writer.js', import.meta.url));
const errorsModule = fileURLToPath(new URL('../../src/errors.js', import.meta.url));

test("'-' writes to stdout: tcpdump reads the pipe", (t) => {
  const script = `import { PcapWriter } from ${JSON.stringify(writerModule)};
    const w = PcapWriter.open('-', { linkType: 1 });
    const f = new Uint8Array(60); f[12] = 0x08; f[13] = 0x06;
    for (let i = 0; i < 1000; i++) w.writeFrame(f, 0, 60, 60, 1709294400 + i, 0);
    w.close();`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script]);
  t.is(child.status, 0, child.stderr.toString());
  t.is(child.stdout.length, 24 + 1000 * 76);
  const td = spawnSync('tcpdump', ['-n', '-r', '-', '-w', '/dev/null'], { input: child.stdout });
  t.is(td.status, 0, td.stderr.toString());
  const path = join(tempDir(t), 'stdout.pcap');
  writeFileSync(path, child.stdout);
  t.is(readAll(path).frames.length, 1000);
  t.true(readFileSync(path).subarray(0, 4).equals(Buffer.from([0xd4, 0xc3, 0xb2, 0xa1])));
});

test('a closed pipe on stdout is a VcapError with code EPIPE', async (t) => {
  const script = `import { PcapWriter } from ${JSON.stringify(writerModule)};
    import { VcapError } from ${JSON.stringify(errorsModule)};
    const w = PcapWriter.open('-', { linkType: 1 });
    const f = new Uint8Array(1500);
    try { for (let i = 0; i < 100000; i++) w.writeFrame(f, 0, 1500, 1500, i, 0); w.close(); console.error('no error'); }
    catch (e) { console.error(e instanceof VcapError ? 'VcapError ' + e.code : String(e)); }`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
  child.stdout.once('data', () => child.stdout.destroy());
  await new Promise((resolve) => child.on('close', resolve));
  t.is(err.trim(), 'VcapError EPIPE');
});

test('pcapng timestamps are exact over the whole 32-bit second range, with and without a carry into the high word', (t) => {
  // The writer works sec·10^k out once per second and adds the fraction to the low word; check the
  // 64-bit value against BigInt arithmetic, for seconds up to 2^32 - 1 and fractions near 10^k.
  let seed = 7;
  const rnd = (n: number): number => { seed = (seed * 1103515245 + 12345) % 2147483648; return Math.floor((seed / 2147483648) * n); };
  for (const nano of [false, true]) {
    const path = join(tempDir(t), `ts-${nano ? 'ns' : 'us'}.pcapng`);
    const w = PcapngWriter.open(path, { linkType: 1, nano });
    const want: bigint[] = [];
    let carries = 0;
    for (let i = 0; i < 20000; i++) {
      const sec = i % 2 === 0 ? rnd(4294967296) : want.length > 0 ? Number(want[want.length - 1]! / (nano ? 1000000000n : 1000000n)) : 0;
      const nsec = i % 7 === 0 ? 999999999 : rnd(1000000000);
      w.writeFrame(new Uint8Array(60), 0, 60, 60, sec, nsec);
      const ts = BigInt(sec) * (nano ? 1000000000n : 1000000n) + BigInt(nano ? nsec : Math.floor(nsec / 1000));
      if ((ts & 0xffffffffn) < BigInt(nano ? nsec : Math.floor(nsec / 1000))) carries++;
      want.push(ts);
    }
    w.close();
    const b = readFileSync(path);
    const got: bigint[] = [];
    for (let at = 0; at + 12 <= b.length; at += b.readUInt32LE(at + 4)) {
      if (b.readUInt32LE(at) === 6) got.push((BigInt(b.readUInt32LE(at + 12)) << 32n) | BigInt(b.readUInt32LE(at + 16)));
    }
    t.is(got.length, want.length);
    t.true(got.every((g, i) => g === want[i]), `${nano ? 'ns' : 'µs'}: first difference at ${got.findIndex((g, i) => g !== want[i])}`);
    t.true(carries > (nano ? 1000 : 0), `carries exercised: ${carries}`);
  }
});
