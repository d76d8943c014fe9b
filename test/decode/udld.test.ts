// UDLD in the decoder, through 802.3 / LLC / SNAP (Cisco, protocol ID 0x0111): the fields of a
// real probe (tcpdump's suite capture UDLD.pcap), every cut, and a TLV too short for its header.
import test from 'ava';
import { join } from 'node:path';
import { openCaptureFile } from '../../src/capture/capture-file.js';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { Udld } from '../../src/decoders/udld.js';
import { be16, bytes, concat, ether, fromHex } from '../helpers/frames.js';
import { repoRoot } from '../helpers/netns.js';

const d = new Decoder();
const frame = (m: Uint8Array): Uint8Array => ether('01:00:0c:cc:cc:cc', '02:00:00:00:00:01', 8 + m.length, concat(fromHex('aaaa0300000c0111'), m));

test('a real probe: version, opcode, flags, checksum, TLVs and their values', (t) => {
  const f = openCaptureFile(join(repoRoot, 'test', 'pcaps', 'tcpdump-suite', 'UDLD.pcap'));
  try {
    const b = f.next()!;
    const p = d.decode(b.bytes, b.linkType, b.offset[0], b.capLen[0]);
    t.is(p.stop, undefined);
    const u = p.layer(Layer.Udld) as Udld;
    t.true(u instanceof Udld);
    t.like(u.toJSON(), { offset: 22, length: 60, version: 1, opcode: 1, flags: 3, checksum: 0x6d85 });
    const x = u.first();
    const seen: unknown[] = [];
    for (let at = x.off; at < u.off + u.length; at += x.tlvLength) {
      x.point(at, u.end);
      seen.push([x.type, x.tlvLength, x.type === 4 || x.type === 5 ? x.interval : x.type === 7 ? x.sequenceNumber : x.valueByte(0)]);
    }
    t.deepEqual(seen, [[1, 15, 0x46], [2, 9, 0x47], [3, 8, 0], [4, 5, 7], [5, 5, 5], [6, 6, 0x53], [7, 8, 1]]);
  } finally {
    f.close();
  }
});

test('every cut inside the header or a TLV stops in UDLD; a TLV length of 4 or less is an error', (t) => {
  const m = concat(bytes(0x21, 0), be16(1), be16(4), be16(5), bytes(7), be16(7), be16(8), bytes(0, 0, 0, 1));
  for (let cap = 22; cap < 22 + m.length; cap++) {
    const have = cap - 22;
    const p = d.decode(frame(m).subarray(0, cap), LinkType.EN10MB);
    if (have === 4 || have === 9) { t.is(p.stop, undefined); continue; }
    const required = have < 4 ? 4 : have < 8 ? 8 : have < 9 ? 9 : have < 13 ? 13 : 17;
    t.like(p.stop, { layer: Layer.Udld, offset: 22, required, available: have, kind: 'truncated' }, `cap ${cap}`);
  }
  t.like(d.decode(frame(concat(bytes(0x21, 0), be16(1), be16(1), be16(4))), LinkType.EN10MB).stop,
    { layer: Layer.Udld, kind: 'error', detail: 'TLV length 4 <= 4' });
});
