// L2TP in the decoder: a control message (flags, length, IDs, Ns/Nr, AVPs through the sub-view), a
// data message whose PPP frame is the next layer, cuts and a version that is not L2TP's.
import test from 'ava';
import { Decoder } from '../../src/decoders/decoder.js';
import { L2tp } from '../../src/decoders/l2tp.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { ether, fromHex, ipv4, udp } from '../helpers/frames.js';

const d = new Decoder();
const APP = 14 + 20 + 8;
const frame = (payload: Uint8Array): Uint8Array =>
  ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ipv4({ proto: 17 }, udp(1701, 1701, payload)));
// l2tp:[TLS](5/0)Ns=3,Nr=2 *MSGTYPE(StopCCN) *ASSND_TUN_ID(7)
const STOP = fromHex('c802001c000500000003000280080000000000048008000000090007');

test('a StopCCN control message: header fields and its AVPs', (t) => {
  const p = d.decode(frame(STOP), LinkType.EN10MB);
  t.is(p.stop, undefined);
  const v = p.layer(Layer.L2tp) as L2tp;
  t.true(v instanceof L2tp);
  t.deepEqual(v.toJSON(), { offset: APP, length: 12, control: true, version: 2, messageLength: 28, tunnelId: 5, sessionId: 0, ns: 3, nr: 2 });
  const a = v.avp.point(v.off + 12, v.end);
  t.deepEqual([a.mandatory, a.hidden, a.avpLength, a.vendorId, a.attributeType, a.valueU16(0)], [true, false, 8, 0, 0, 4]);
  const b = v.avp.point(v.off + 20, v.end);
  t.deepEqual([b.attributeType, b.valueU16(0)], [9, 7]);
});

test('a data message carries PPP; cuts stop in L2TP; version 1 (L2F) is not L2TP', (t) => {
  const data = frame(fromHex('000200050007ff03c021010100 04'.replace(' ', '')));
  const p = d.decode(data, LinkType.EN10MB);
  t.like((p.layer(Layer.L2tp) as L2tp).toJSON(), { control: false, tunnelId: 5, sessionId: 7 });
  t.truthy(p.layer(Layer.Ppp));
  for (let cap = APP; cap < APP + 12; cap++) {
    t.like(d.decode(frame(STOP).subarray(0, cap), LinkType.EN10MB).stop, { layer: Layer.L2tp, offset: APP }, `cap ${cap}`);
  }
  t.like(d.decode(frame(fromHex('0001000000000000')), LinkType.EN10MB).stop, { layer: Layer.L2tp, kind: 'error' });
});
