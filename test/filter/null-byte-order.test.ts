// DLT_NULL keeps the address family in the capturing host's byte order: a big-endian file needs
// `nullBigEndian`, and then vcap selects what tcpdump selects.
import test from 'ava';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileFilter } from '../../src/filter/index.js';
import { tcpdumpSelect } from '../helpers/tcpdump-select.js';

const ip4 = [0x45, 0, 0, 20, 0, 0, 0, 0, 64, 6, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2];
const ip6 = [0x60, 0, 0, 0, 0, 0, 6, 64, ...Array(32).fill(0)];
// AF_INET, the BSDs' three AF_INET6 values, and Linux's AF_INET6 (which libpcap does not take for IPv6).
const frames = ([[2, ip4], [24, ip6], [28, ip6], [30, ip6], [10, ip6]] as [number, number[]][]).map(([fam, p]) => {
  const b = Buffer.alloc(4 + p.length);
  b.writeUInt32BE(fam, 0);
  Buffer.from(p).copy(b, 4);
  return b;
});

test('big-endian DLT_NULL captures: ip and ip6 as tcpdump', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'vcap-null-'));
  try {
    const h = Buffer.alloc(24);
    h.writeUInt32BE(0xa1b2c3d4, 0); h.writeUInt16BE(2, 4); h.writeUInt16BE(4, 6); h.writeUInt32BE(65535, 16); h.writeUInt32BE(0, 20);
    const recs = frames.map((f, i) => {
      const r = Buffer.alloc(16);
      r.writeUInt32BE(i, 0); r.writeUInt32BE(f.length, 8); r.writeUInt32BE(f.length, 12);
      return Buffer.concat([r, f]);
    });
    const file = join(dir, 'null-be.pcap');
    writeFileSync(file, Buffer.concat([h, ...recs]));
    for (const e of ['ip', 'ip6', 'tcp', 'host 10.0.0.1']) {
      const want = await tcpdumpSelect(file, e);
      const p = compileFilter(e, 0, 65535, { nullBigEndian: true });
      const got = frames.flatMap((f, i) => (p.matches(f, 0, f.length, f.length) ? [i] : []));
      t.deepEqual(got, want.ok ? want.indexes : want.error, e);
    }
    // Read as if little-endian, the family never matches.
    t.false(compileFilter('ip', 0, 65535).matches(frames[0]!, 0, frames[0]!.length, frames[0]!.length));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
