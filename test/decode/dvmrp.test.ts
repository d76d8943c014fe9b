// DVMRP in the decoder: the prune of tcpdump's suite capture relts-0x80000000.pcap (IGMP type
// 0x13; DVMRP's view starts where IGMP's does, the body after both headers), its body's parts,
// and a header cut short stopping in IGMP, before DVMRP.
import test from 'ava';
import { Decoder } from '../../src/decoders/decoder.js';
import { Dvmrp, DvmrpType } from '../../src/decoders/dvmrp.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { NOT_CAPTURED } from '../../src/decoders/view.js';
import { captureFrame } from '../helpers/capture-frames.js';

const d = new Decoder();
const thrown = (f: () => unknown): unknown => { try { f(); } catch (e) { return e; } return undefined; };

const firstFrame = (): Uint8Array => captureFrame('tcpdump-suite/relts-0x80000000.pcap', 0).bytes;

test('a prune: type, version, source, group and lifetime (0x80000000 s)', (t) => {
  const frame = firstFrame();
  const p = d.decode(frame, LinkType.EN10MB);
  t.true(p.decoded(Layer.Igmp));
  const v = p.layer(Layer.Dvmrp) as Dvmrp;
  t.true(v instanceof Dvmrp);
  t.deepEqual(v.toJSON(), { offset: 34, length: 8, type: DvmrpType.Prune, minorVersion: 0x30, majorVersion: 0x30 });
  t.is(v.source, '48.48.48.48');
  t.is(v.group, '48.48.48.48');
  t.is(v.pruneLifetime, 0x80000000);
  // The body's parts, from the body's start: the neighbor-list reading of the same bytes.
  t.is(v.part(0).address, '48.48.48.48');
  t.is(v.part(4).metric, 0x80);
  t.is(p.payloadOffset, 42);
});

test('a header cut short stops in IGMP; a cut body is read as far as it goes', (t) => {
  const frame = firstFrame();
  for (let cap = 34; cap < 42; cap++) {
    const p = d.decode(frame.subarray(0, cap), LinkType.EN10MB);
    t.like(p.stop, { layer: Layer.Igmp, offset: 34, required: 8, kind: 'truncated' }, `cap ${cap}`);
    t.is(p.layer(Layer.Dvmrp), undefined);
  }
  const p = d.decode(frame.subarray(0, 42 + 10), LinkType.EN10MB);
  const v = p.layer(Layer.Dvmrp) as Dvmrp;
  t.is(v.group, '48.48.48.48');
  t.is(thrown(() => v.pruneLifetime), NOT_CAPTURED);
});
