// Ethernet loopback (ECTP) in the decoder: the messages of a real capture (tcpdump's suite
// loopback.pcap: Forward Data and Reply, skip counts 0-24), a built frame's every cut.
import test from 'ava';
import { join } from 'node:path';
import { openCaptureFile } from '../../src/capture/capture-file.js';
import { Decoder } from '../../src/decoders/decoder.js';
import { Ectp } from '../../src/decoders/ectp.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { bytes, concat, ether, fromHex } from '../helpers/frames.js';
import { repoRoot } from '../helpers/netns.js';

const d = new Decoder();

test('a real capture: each message after its skip count', (t) => {
  const f = openCaptureFile(join(repoRoot, 'test', 'pcaps', 'tcpdump-suite', 'loopback.pcap'));
  const seen: object[] = [];
  try {
    for (let b = f.next(); b !== null; b = f.next()) {
      for (let i = 0; i < b.count; i++) {
        const p = d.decode(b.bytes, b.linkType, b.offset[i], b.capLen[i]);
        t.is(p.stop, undefined);
        const v = p.layer(Layer.Ectp) as Ectp;
        t.true(v instanceof Ectp);
        seen.push(v.toJSON());
      }
    }
  } finally {
    f.close();
  }
  t.deepEqual(seen.slice(0, 3), [
    { offset: 14, length: 10, skipCount: 0, function: 2, forwardingAddress: 'aa:00:04:00:1d:04' },
    { offset: 14, length: 14, skipCount: 8, function: 1, receiptNumber: 1 },
    { offset: 14, length: 10, skipCount: 0, function: 2, forwardingAddress: 'aa:00:04:00:6a:04' },
  ]);
});

test('every cut of a Forward Data message after one skipped message stops in ECTP', (t) => {
  const ectp = concat(bytes(8, 0), new Uint8Array(8), bytes(2, 0), fromHex('aa0004001d04'), bytes(1, 2, 3));
  const frame = ether('cf:00:00:00:00:00', '02:00:00:00:00:01', 0x9000, ectp);
  for (let cap = 14; cap < 14 + 18; cap++) {
    const have = cap - 14;
    const required = have < 2 ? 2 : have < 12 ? 12 : 18;
    t.like(d.decode(frame.subarray(0, cap), LinkType.EN10MB).stop, { layer: Layer.Ectp, offset: 14, required, available: have, kind: 'truncated' }, `cap ${cap}`);
  }
  const p = d.decode(frame, LinkType.EN10MB);
  t.is(p.stop, undefined);
  t.is(p.payloadLength, 3);
});
