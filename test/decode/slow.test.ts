// Slow protocols in the decoder: a real LACPDU (tcpdump's suite capture LACP.pcap) with its actor,
// partner and collector TLVs; every cut of a LACPDU stopping in it; OAM headers and their TLVs.
import test from 'ava';
import { join } from 'node:path';
import { openCaptureFile } from '../../src/capture/capture-file.js';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { Slow } from '../../src/decoders/slow.js';
import { be16, be32, bytes, concat, ether, fromHex } from '../helpers/frames.js';
import { repoRoot } from '../helpers/netns.js';

const d = new Decoder();

function realLacp(): Uint8Array {
  const f = openCaptureFile(join(repoRoot, 'test', 'pcaps', 'tcpdump-suite', 'LACP.pcap'));
  try {
    const b = f.next()!;
    return b.bytes.slice(b.offset[0], b.offset[0]! + b.capLen[0]!);
  } finally {
    f.close();
  }
}

test('a real LACPDU: version, actor, partner, collector, terminator; the reserved tail is payload', (t) => {
  const p = d.decode(realLacp(), LinkType.EN10MB);
  t.is(p.stop, undefined);
  const s = p.layer(Layer.Slow) as Slow;
  t.true(s instanceof Slow);
  t.deepEqual(JSON.parse(JSON.stringify(s.toJSON())), {
    offset: 14, length: 60, subtype: 1, version: 1, tlvs: [
      { type: 1, length: 20, system: '00:13:c4:12:0f:00', systemPriority: 32768, key: 13, port: 22, portPriority: 32768, state: 0x85 },
      { type: 2, length: 20, system: '00:0e:83:16:f5:00', systemPriority: 32768, key: 13, port: 25, portPriority: 32768, state: 0x36 },
      { type: 3, length: 16, maxDelay: 32768 },
      { type: 0, length: 0 },
    ],
  });
  t.is(p.payloadOffset, 74);
});

test('every cut of a LACPDU before its terminator stops in the slow protocols layer', (t) => {
  const frame = realLacp();
  const ends = [2, 22, 42, 58, 60];
  for (let cap = 14; cap < 74; cap++) {
    const have = cap - 14;
    const p = d.decode(frame.subarray(0, cap), LinkType.EN10MB);
    if (have > 0 && ends.includes(have)) { t.is(p.stop, undefined, `cap ${cap}`); continue; }
    const i = ends.findIndex((e) => have < e);
    const required = have < 1 ? 1 : i === 0 ? 2 : have - ends[i - 1]! < 2 ? ends[i - 1]! + 2 : ends[i]!;
    t.like(p.stop, { layer: Layer.Slow, offset: 14, required, available: have, kind: 'truncated' }, `cap ${cap}`);
  }
});

test('OAM: flags and code; information TLVs walked, an event notification\'s sequence number, a TLV length below 2 is an error', (t) => {
  const info = concat(bytes(1, 16, 1), be16(2), bytes(5, 0x1f), be16(0x5ee), fromHex('00120f'), be32(1));
  const p = d.decode(ether('01:80:c2:00:00:02', '02:00:00:00:00:01', 0x8809, concat(bytes(3), be16(0x58), bytes(0), info, bytes(0, 0), new Uint8Array(8))), LinkType.EN10MB);
  const s = p.layer(Layer.Slow) as Slow;
  t.deepEqual([s.subtype, s.oamFlags, s.oamCode, s.length], [3, 0x58, 0, 4 + 16 + 2]);
  const x = s.tlv.point(s.off + 4, s.end);
  t.deepEqual([x.type, x.tlvLength, x.oamVersion, x.revision, x.oamState, x.oamConfig, x.oamPduConfig & 0x7ff, x.oui, x.vendorPrivate], [1, 16, 1, 2, 5, 0x1f, 0x5ee, 0x00120f, 1]);
  const ev = d.decode(ether('01:80:c2:00:00:02', '02:00:00:00:00:01', 0x8809, concat(bytes(3), be16(0), bytes(1), be16(9), bytes(0, 0))), LinkType.EN10MB);
  t.like((ev.layer(Layer.Slow) as Slow).toJSON(), { code: 1, sequence: 9, length: 8 });
  t.like(d.decode(ether('01:80:c2:00:00:02', '02:00:00:00:00:01', 0x8809, concat(bytes(1, 1), bytes(1, 1))), LinkType.EN10MB).stop,
    { layer: Layer.Slow, kind: 'error', detail: 'TLV length 1 < 2' });
});
