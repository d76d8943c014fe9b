// TIPC in the decoder: the fields of a real named message (tcpdump's suite capture
// huge-tipc-messages.pcap), a cut header stopping in TIPC, and a header size too small for any message.
import test from 'ava';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { Tipc, TipcUser, tipcAddress } from '../../src/decoders/tipc.js';
import { NOT_CAPTURED } from '../../src/decoders/view.js';
import { captureFrame } from '../helpers/capture-frames.js';

const d = new Decoder();
const thrown = (f: () => unknown): unknown => { try { f(); } catch (e) { return e; } return undefined; };

const firstFrame = (): Uint8Array => captureFrame('tcpdump-suite/huge-tipc-messages.pcap', 0).bytes;

test('a named message: version, user, sizes, ports and nodes of the 40-byte header', (t) => {
  const frame = firstFrame();
  const p = d.decode(frame, LinkType.EN10MB);
  t.is(p.stop, undefined);
  const v = p.layer(Layer.Tipc) as Tipc;
  t.true(v instanceof Tipc);
  t.deepEqual(v.toJSON(), {
    offset: 14, length: 40, version: 2, user: TipcUser.LowImportance, headerSize: 10, messageSize: 40, messageType: 2,
    previousNode: '1.1.2',
  });
  t.is(v.originPort, 3511725154);
  t.is(v.destinationPort, 424133152);
  t.is(tipcAddress(v.originNode), '1.1.2');
  t.is(tipcAddress(v.destinationNode), '1.1.2');
  t.is(v.broadcastAck, 0);
  t.is(p.payloadOffset, 54);
  t.is(p.payloadLength, 0);
});

test('every cut inside the header stops in TIPC, with what it needs (4 bytes, then the header size)', (t) => {
  const frame = firstFrame();
  for (let cap = 14; cap < 54; cap++) {
    const p = d.decode(frame.subarray(0, cap), LinkType.EN10MB);
    const required = cap < 18 ? 4 : 40;
    t.like(p.stop, { layer: Layer.Tipc, offset: 14, required, available: cap - 14, kind: 'truncated' }, `cap ${cap}`);
    t.is(p.layer(Layer.Tipc), undefined);
  }
  // The view of the cut header still reads what was captured (for the printer's ` [|tipc]`).
  const cut = d.decode(frame.subarray(0, 14 + 24), LinkType.EN10MB).viewAt(Layer.Tipc, 14) as Tipc;
  t.is(cut.destinationPort, 424133152);
  t.is(thrown(() => cut.originNode), NOT_CAPTURED);
});

test('a header size under 6 words is invalid', (t) => {
  const frame = firstFrame().slice();
  frame[14] = frame[14]! & 0xfe; frame[15] = (frame[15]! & 0x1f) | (2 << 5); // 2 words
  const p = d.decode(frame, LinkType.EN10MB);
  t.like(p.stop, { layer: Layer.Tipc, offset: 14, kind: 'error', detail: 'header length 8 < 24' });
});
