// Records and blocks that claim absurd lengths (up to 4 GiB) are refused from their header, before
// any buffer is grown for them: the reader's buffer stays at its size and the error is libpcap's.
import test from 'ava';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCaptureFile } from '../../src/capture/capture-file.js';
import { VcapError } from '../../src/errors.js';
import { tempDir } from './helpers.js';

function pcap(capLen: number): Buffer {
  const h = Buffer.alloc(24);
  h.writeUInt32LE(0xa1b2c3d4, 0); h.writeUInt16LE(2, 4); h.writeUInt16LE(4, 6); h.writeUInt32LE(65535, 16); h.writeUInt32LE(1, 20);
  const r = Buffer.alloc(16);
  r.writeUInt32LE(1, 0); r.writeUInt32LE(capLen >>> 0, 8); r.writeUInt32LE(60, 12);
  return Buffer.concat([h, r, Buffer.alloc(60)]);
}

function pcapng(blockLen: number): Buffer {
  const shb = Buffer.alloc(28);
  shb.writeUInt32LE(0x0a0d0d0a, 0); shb.writeUInt32LE(28, 4); shb.writeUInt32LE(0x1a2b3c4d, 8); shb.writeUInt16LE(1, 12);
  shb.writeBigInt64LE(-1n, 16); shb.writeUInt32LE(28, 24);
  const idb = Buffer.alloc(20);
  idb.writeUInt32LE(1, 0); idb.writeUInt32LE(20, 4); idb.writeUInt16LE(1, 8); idb.writeUInt32LE(20, 16);
  const epb = Buffer.alloc(28 + 60);
  epb.writeUInt32LE(6, 0); epb.writeUInt32LE(blockLen >>> 0, 4); epb.writeUInt32LE(60, 20); epb.writeUInt32LE(60, 24);
  return Buffer.concat([shb, idb, epb]);
}

const cases: [string, Buffer, string][] = [
  ['pcap caplen 4294967280', pcap(0xfffffff0), 'record 1: invalid packet capture length 4294967280, bigger than snaplen of 65535'],
  ['pcap caplen 262145', pcap(262145), 'record 1: invalid packet capture length 262145, bigger than snaplen of 65535'],
  ['pcapng block 2147483632', pcapng(0x7ffffff0), 'block 3: pcapng block size 2147483632 > maximum 16777216'],
  ['pcapng block 4294967280', pcapng(0xfffffff0), 'block 3: pcapng block size 4294967280 > maximum 16777216'],
];

test('absurd record and block lengths are refused before the buffer grows for them', (t) => {
  const dir = tempDir(t);
  for (const [what, bytes, message] of cases) {
    const path = join(dir, 'f');
    writeFileSync(path, bytes);
    const f = openCaptureFile(path, { bufferSize: 64 * 1024 });
    try {
      const e = t.throws(() => { while (f.next() !== null) { /* read to the damage */ } }, { instanceOf: VcapError }, what);
      t.is(e?.message, `${path}: ${message}`, what);
      t.is(f.bufferSize, 64 * 1024, `${what}: the buffer grew`);
    } finally {
      f.close();
    }
  }
});
