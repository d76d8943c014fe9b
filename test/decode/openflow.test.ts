// OpenFlow in the decoder (TCP 6633/6653): the messages of real segments from tcpdump's suite
// captures, a 1.0 FEATURES_REPLY read through the message and port sub-views, and a cut.
import test from 'ava';
import { join } from 'node:path';
import { openCaptureFile } from '../../src/capture/capture-file.js';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { Of10Port, OfOffset, Openflow } from '../../src/decoders/openflow.js';
import { NOT_CAPTURED } from '../../src/decoders/view.js';
import { repoRoot } from '../helpers/netns.js';

const d = new Decoder();

/** Frame `n` (from 1, as tcpdump -# numbers them) of a capture of tcpdump's suite. */
function suiteFrame(file: string, n: number): Uint8Array {
  const f = openCaptureFile(join(repoRoot, 'test', 'pcaps', 'tcpdump-suite', file));
  try {
    for (let i = 1; ; ) {
      const b = f.next();
      if (b === undefined || b === null) throw new Error(`${file} has no frame ${n}`);
      for (let k = 0; k < b.count; k++, i++) if (i === n) return b.bytes.slice(b.offset[k], b.offset[k]! + b.capLen[k]!);
    }
  } finally {
    f.close();
  }
}

test('OpenFlow 1.3: a FLOW_MOD segment, its header by name', (t) => {
  const frame = suiteFrame('of13_ericsson.pcapng', 1);
  const p = d.decode(frame, LinkType.EN10MB);
  t.is(p.stop, undefined);
  const of = p.layer(Layer.Openflow) as Openflow;
  t.true(of instanceof Openflow);
  t.deepEqual(of.toJSON(), { offset: 66, length: 184, messages: [{ version: 4, type: 14, length: 184, xid: 0x199 }] });
});

test('OpenFlow 1.0: FEATURES_REPLY fields and its first port through the sub-views', (t) => {
  const frame = suiteFrame('of10_p3295.pcap', 10);
  const of = d.decode(frame, LinkType.EN10MB).layer(Layer.Openflow) as Openflow;
  const m = of.point(of.message, 0);
  t.like(m, { version: 1, type: 6, length: 2576, xid: 2, nBuffers: 256, nTables: 1, capabilities: 0x87, supportedActions: 0x3f });
  t.is(m.datapathId, 0x0000089e0162d5f4n);
  const port = of.point(of.port10, OfOffset.FeaturesPorts);
  t.like(port, { portNo: 42, hwAddr: '08:9e:01:62:d5:f4', config: 0, state: 1, advertised: 0x42f });
  let name = '';
  for (let i = 0; port.byte(Of10Port.NAME + i) !== 0; i++) name += String.fromCharCode(port.byte(Of10Port.NAME + i));
  t.is(name, 'ge-1/1/42');
});

test('a cut segment: the view shows what there is, and a field past the cut is not captured', (t) => {
  const frame = suiteFrame('of10_p3295.pcap', 10);
  const p = d.decode(frame.subarray(0, 66 + 20), LinkType.EN10MB);
  const of = p.layer(Layer.Openflow) as Openflow;
  t.is(of.captured, 20);
  const m = of.point(of.message, 0);
  t.is(m.nBuffers, 256);
  let thrown: unknown;
  try { void m.capabilities; } catch (e) { thrown = e; }
  t.is(thrown, NOT_CAPTURED);
  t.deepEqual(of.messages, [{ version: 1, type: 6, length: 2576, xid: 2 }]);
  // Nothing of the segment captured: the walk stops in OpenFlow.
  t.like(d.decode(frame.subarray(0, 66), LinkType.EN10MB).stop, { layer: Layer.Openflow, offset: 66, kind: 'truncated' });
});
