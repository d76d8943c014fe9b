// MS NLB heartbeats in the decoder: the fields of a real heartbeat (tcpdump's suite capture
// msnlb.pcap), and every cut of the 20 known bytes stopping in MS NLB.
import test from 'ava';
import { join } from 'node:path';
import { openCaptureFile } from '../../src/capture/capture-file.js';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { MsNlb } from '../../src/decoders/msnlb.js';
import { repoRoot } from '../helpers/netns.js';

const d = new Decoder();

function firstFrame(): Uint8Array {
  const f = openCaptureFile(join(repoRoot, 'test', 'pcaps', 'tcpdump-suite', 'msnlb.pcap'));
  try {
    const b = f.next()!;
    return b.bytes.slice(b.offset[0], b.offset[0]! + b.capLen[0]!);
  } finally {
    f.close();
  }
}

test('a real heartbeat: priority, cluster and host addresses; the rest is payload', (t) => {
  const frame = firstFrame();
  const p = d.decode(frame, LinkType.EN10MB);
  t.is(p.stop, undefined);
  const v = p.layer(Layer.MsNlb) as MsNlb;
  t.true(v instanceof MsNlb);
  t.deepEqual(v.toJSON(), { offset: 14, length: 20, hostPriority: 2, clusterIp: '192.168.100.80', hostIp: '192.168.100.82' });
  t.is(p.payloadOffset, 34);
  t.is(p.payloadLength, frame.length - 34);
});

test('every cut inside the 20 known bytes stops in MS NLB', (t) => {
  const frame = firstFrame();
  for (let cap = 14; cap < 34; cap++) {
    const p = d.decode(frame.subarray(0, cap), LinkType.EN10MB);
    t.like(p.stop, { layer: Layer.MsNlb, offset: 14, required: 20, available: cap - 14, kind: 'truncated' }, `cap ${cap}`);
    t.is(p.layer(Layer.MsNlb), undefined);
  }
  t.is(d.decode(frame.subarray(0, 34), LinkType.EN10MB).stop, undefined);
});
