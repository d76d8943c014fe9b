// Damaged and non-capture files: one line naming the file (and the record or block), worded as
// libpcap words it, after every good frame before the damage. tcpdump is run on the same bytes.
import test from 'ava';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCaptureFile } from '../../src/capture/capture-file.js';
import { VcapError } from '../../src/errors.js';
import { NgBuilder, frameBytes, pcapHeader, pcapRecord, readAll, run, swapPcap, tempDir } from './helpers.js';

const good = (n: number, le = true) => Buffer.concat(Array.from({ length: n }, (_, i) => pcapRecord(frameBytes(60, i), { le, sec: 1709294400 + i, frac: i })));

/** tcpdump's own message for the file (without "tcpdump: " and "pcap_loop: ") and the packets it printed first. */
function tcpdumpSays(path: string): { message: string; printed: number } {
  const r = run('tcpdump', ['-n', '-r', path], { TZ: 'GMT0' });
  const line = r.stderr.trim().split('\n').filter((l) => l.startsWith('tcpdump: ')).pop() ?? '';
  return {
    message: line.replace(/^tcpdump: (pcap_loop: )?/, ''),
    printed: r.stdout.split('\n').filter((l) => /^\d\d:\d\d:\d\d\.\d{6} /.test(l)).length,
  };
}

interface Case {
  name: string;
  bytes: Buffer;
  frames: number;
  /** Our message after "<path>: ". */
  message: string;
  /** tcpdump prints the same text (libpcap's) without our record/block prefix. */
  likeTcpdump: boolean;
}

const cases: Case[] = [
  { name: 'empty.pcap', bytes: Buffer.alloc(0), frames: 0, message: 'truncated dump file; tried to read 4 file header bytes, only got 0', likeTcpdump: true },
  { name: 'three-bytes.pcap', bytes: pcapHeader().subarray(0, 3), frames: 0, message: 'truncated dump file; tried to read 4 file header bytes, only got 3', likeTcpdump: true },
  { name: 'not-a-capture.txt', bytes: Buffer.from('this is not a capture file\n'), frames: 0, message: 'unknown file format', likeTcpdump: true },
  { name: 'short-header.pcap', bytes: pcapHeader().subarray(0, 10), frames: 0, message: 'truncated dump file; tried to read 24 file header bytes, only got 6', likeTcpdump: true },
  { name: 'archaic.pcap', bytes: Buffer.concat([pcapHeader({ major: 1, minor: 0 }), good(1)]), frames: 0, message: 'archaic pcap savefile format', likeTcpdump: true },
  { name: 'version-3.pcap', bytes: Buffer.concat([pcapHeader({ major: 3, minor: 0 }), good(1)]), frames: 0, message: 'unsupported pcap savefile version 3.0', likeTcpdump: true },
  {
    name: 'record-header-cut.pcap', bytes: Buffer.concat([pcapHeader(), good(3), pcapRecord(frameBytes(60)).subarray(0, 6)]), frames: 3,
    message: 'record 4: truncated dump file; tried to read 16 header bytes, only got 6', likeTcpdump: true,
  },
  {
    name: 'record-body-cut.pcap', bytes: Buffer.concat([pcapHeader(), good(16), pcapRecord(frameBytes(98)).subarray(0, 16 + 40)]), frames: 16,
    message: 'record 17: truncated dump file; tried to read 98 captured bytes, only got 40', likeTcpdump: true,
  },
  {
    name: 'record-body-cut-be.pcap', bytes: swapPcap(Buffer.concat([pcapHeader(), good(2), pcapRecord(frameBytes(98), { capLen: 98 }).subarray(0, 16 + 97)])), frames: 2,
    message: 'record 3: truncated dump file; tried to read 98 captured bytes, only got 97', likeTcpdump: true,
  },
  {
    name: 'caplen-over-snaplen-and-max.pcap', bytes: Buffer.concat([pcapHeader({ snaplen: 100 }), good(1), pcapRecord(frameBytes(300000))]), frames: 1,
    message: 'record 2: invalid packet capture length 300000, bigger than snaplen of 100', likeTcpdump: true,
  },
  {
    name: 'caplen-over-max.pcap', bytes: Buffer.concat([pcapHeader({ snaplen: 0x7fffffff }), good(2), pcapRecord(frameBytes(262145))]), frames: 2,
    message: 'record 3: invalid packet capture length 262145, bigger than maximum of 262144', likeTcpdump: true,
  },
  {
    name: 'ng-truncated.pcapng', bytes: new NgBuilder().shb().idb(1, 0).epb(0, 1n, frameBytes(60)).epb(0, 2n, frameBytes(60)).build().subarray(0, -10), frames: 1,
    message: 'block 4: truncated pcapng dump file; tried to read 84 bytes, only got 74', likeTcpdump: true,
  },
  {
    name: 'ng-bad-length.pcapng',
    bytes: (() => { const b = new NgBuilder().shb().idb(1, 0).epb(0, 1n, frameBytes(60)).epb(0, 1n, frameBytes(60)).build(); b.writeUInt32LE(6, b.length - 92 + 4); return b; })(),
    frames: 1, message: 'block 4: block in pcapng dump file has a length of 6 < 12', likeTcpdump: true,
  },
  {
    name: 'ng-unknown-interface.pcapng', bytes: new NgBuilder().shb().idb(1, 0).epb(0, 1n, frameBytes(60)).epb(3, 1n, frameBytes(60)).build(), frames: 1,
    message: "block 4: a packet arrived on interface 3, but there's no Interface Description Block for that interface", likeTcpdump: true,
  },
  { name: 'ng-no-idb.pcapng', bytes: new NgBuilder().shb().build(), frames: 0, message: 'the capture file has no Interface Description Blocks', likeTcpdump: true },
  {
    name: 'ng-packet-before-idb.pcapng', bytes: new NgBuilder().shb().epb(0, 1n, frameBytes(60)).build(), frames: 0,
    message: 'block 2: the capture file has a packet block before any Interface Description Blocks', likeTcpdump: true,
  },
  {
    name: 'ng-caplen-past-block.pcapng', bytes: new NgBuilder().shb().idb(1, 0).epb(0, 1n, frameBytes(60)).epb(0, 1n, frameBytes(60), 100, 100).build(), frames: 1,
    message: 'block 4: block of type 6 in pcapng dump file is too short (capture length 100, 60 bytes of data)', likeTcpdump: false,
  },
];

for (const c of cases) {
  test(`damaged: ${c.name}`, (t) => {
    const path = join(tempDir(t), c.name);
    writeFileSync(path, c.bytes);
    let got: ReturnType<typeof readAll> | undefined;
    let openError: string | undefined;
    try { got = readAll(path); } catch (e) { t.true(e instanceof VcapError); openError = (e as Error).message; }
    const message = got?.error ?? openError;
    t.is(message, `${path}: ${c.message}`);
    t.false(message!.includes('\n'));
    t.is(got?.frames.length ?? 0, c.frames);
    if (got) got.frames.forEach((f, i) => t.deepEqual(f.data, frameBytes(60, i)));
    if (c.likeTcpdump) {
      const td = tcpdumpSays(path);
      t.true(c.message.endsWith(td.message) && td.message.length > 10, `tcpdump says: ${td.message}`);
      t.is(td.printed, c.frames);
    }
  });
}

test('caplen over the snaplen but within 256 KiB: cut to the snaplen, the file goes on (as libpcap 1.10)', (t) => {
  const path = join(tempDir(t), 'over-snaplen.pcap');
  writeFileSync(path, Buffer.concat([pcapHeader({ snaplen: 100 }), pcapRecord(frameBytes(60)), pcapRecord(frameBytes(150, 1)), pcapRecord(frameBytes(60, 2))]));
  const r = readAll(path);
  t.is(r.error, undefined);
  t.deepEqual(r.frames.map((f) => [f.capLen, f.origLen]), [[60, 60], [100, 150], [60, 60]]);
  t.deepEqual(r.frames[1]!.data, frameBytes(150, 1).subarray(0, 100));
  t.deepEqual(r.frames[2]!.data, frameBytes(60, 2));
  const td = run('tshark', ['-r', path, '-T', 'fields', '-e', 'frame.cap_len']);
  t.is(td.stdout.trim().split('\n').length, 3);
});

test('the good batch comes first, the next call throws, then the file is done', (t) => {
  const path = join(tempDir(t), 'cut.pcap');
  writeFileSync(path, Buffer.concat([pcapHeader(), good(5), pcapRecord(frameBytes(98)).subarray(0, 30)]));
  const f = openCaptureFile(path);
  const b = f.next();
  t.is(b?.count, 5);
  const e = t.throws(() => f.next(), { instanceOf: VcapError });
  t.is(e?.message, `${path}: record 6: truncated dump file; tried to read 98 captured bytes, only got 14`);
  t.is(f.next(), null);
  f.close();
  f.close();
});

test('run() delivers the frames before the damage, then rejects with the VcapError', async (t) => {
  const path = join(tempDir(t), 'cut.pcap');
  writeFileSync(path, Buffer.concat([pcapHeader(), good(7), Buffer.from([1, 2, 3])]));
  let frames = 0;
  await t.throwsAsync(openCaptureFile(path).run((b) => { frames += b.count; }), {
    instanceOf: VcapError, message: `${path}: record 8: truncated dump file; tried to read 16 header bytes, only got 3`,
  });
  t.is(frames, 7);
});

test('a missing file and a directory: one line, as tcpdump says it', (t) => {
  const dir = tempDir(t);
  const missing = join(dir, 'x.pcap');
  t.throws(() => openCaptureFile(missing), { instanceOf: VcapError, message: `${missing}: No such file or directory` });
  t.is(run('tcpdump', ['-r', missing]).stderr.trim(), `tcpdump: ${missing}: No such file or directory`);
  const sub = join(dir, 'sub');
  mkdirSync(sub);
  t.throws(() => openCaptureFile(sub), { instanceOf: VcapError, message: `${sub}: error reading dump file: Is a directory` });
  t.is(run('tcpdump', ['-r', sub]).stderr.trim(), 'tcpdump: error reading dump file: Is a directory');
});
