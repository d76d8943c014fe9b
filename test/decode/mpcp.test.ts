// MPCP in the decoder: the layer by EtherType 0x8808, the header, a GATE's grants and a REPORT's
// queue sets by index, the registration messages' fields, toJSON() without fields a capture cut off,
// a message shorter than the header as a stop, --json against the schema.
import test from 'ava';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { Mpcp } from '../../src/decoders/mpcp.js';
import type { Rec } from '../helpers/oracle.js';
import { jsonLinesAsDecoded } from '../helpers/packet-schema.js';
import { mpcpFrames } from '../helpers/mpcp-frames.js';

const d = new Decoder();
const frames = mpcpFrames();
const view = (frame: Uint8Array, caplen = frame.length): Mpcp | undefined => d.decode(frame, LinkType.EN10MB, 0, caplen).layer(Layer.Mpcp) as Mpcp | undefined;

test('MPCP: PAUSE and GATE: the header, the grants and the sync time', (t) => {
  const pause = view(frames[0]!)!;
  t.true(pause instanceof Mpcp);
  t.deepEqual(pause.toJSON(), { offset: 14, length: 6, opcode: 1, timestamp: 0xffff0000 });
  const gate = view(frames[1]!)!;
  t.deepEqual(gate.toJSON(), { offset: 14, length: 6, opcode: 2, timestamp: 1000, grantCount: 3 });
  t.is(gate.grantByte & ~7, 0x08);
  t.deepEqual([0, 1, 2].map((k) => [gate.grantStartTime(k), gate.grantDuration(k)]), [[5, 6], [0x80000000, 0xffff], [7, 8]]);
  t.is(gate.gateSyncTime(3), 77);
});

test('MPCP: REPORT queue sets; the registration messages\' fields', (t) => {
  const report = view(frames[4]!)!;
  t.is(report.queueSets, 3);
  t.is(report.reportBitmapAt(7), 0x05);
  t.is(report.reportDurationAt(8), 10);
  t.deepEqual(view(frames[8]!)!.toJSON(), { offset: 14, length: 6, opcode: 4, timestamp: 6, flags: 1, pendingGrants: 9 });
  t.deepEqual(view(frames[13]!)!.toJSON(), { offset: 14, length: 6, opcode: 5, timestamp: 7, assignedPort: 300, flags: 1, syncTime: 400, echoedPendingGrants: 2 });
  t.deepEqual(view(frames[19]!)!.toJSON(), { offset: 14, length: 6, opcode: 6, timestamp: 8, flags: 0, echoedAssignedPort: 300, echoedSyncTime: 400 });
});

test('MPCP cut: fields past the capture are left out of toJSON(); a header cut short is a stop', (t) => {
  t.deepEqual(view(frames[13]!, 14 + 10)!.toJSON(), { offset: 14, length: 6, opcode: 5, timestamp: 7 });
  const cut = d.decode(frames[0]!, LinkType.EN10MB, 0, 14 + 5);
  t.is(cut.layer(Layer.Mpcp), undefined);
  t.is(cut.stop?.layer, Layer.Mpcp);
});

test('--json of MPCP messages, whole and cut: valid against the schema, equal to toJSON()', (t) => {
  const recs: Rec[] = [...frames.map((frame) => ({ frame })), { frame: frames[13]!, caplen: 14 + 9 }, { frame: frames[1]!, caplen: 14 + 3 }];
  const lines = jsonLinesAsDecoded(t, d, LinkType.EN10MB, recs);
  t.is(lines.length, recs.length);
  t.true('mpcp' in (lines[0]!['layers'] as object));
  t.false('mpcp' in (lines[lines.length - 1]!['layers'] as object));
});
