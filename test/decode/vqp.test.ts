// VQP in the decoder: the header's fields and toJSON(), the objects through the view's reads, the
// layer on UDP port 1589 either way, every cut of the header stops in VQP at its offset.
import test from 'ava';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { Vqp, VQP_HEADER_LENGTH, VqpObject } from '../../src/decoders/vqp.js';
import { be16, be32, bytes, concat, ether, ipv4, mac, udp } from '../helpers/frames.js';

const d = new Decoder();
const APP = 14 + 20 + 8;
const u = (sport: number, dport: number, p: Uint8Array): Uint8Array =>
  ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ipv4({ proto: 17 }, udp(sport, dport, p)));
const obj = (type: number, value: Uint8Array): Uint8Array => concat(be32(type), be16(value.length), value);
const msg = concat(bytes(1, 2, 5, 2), be32(0xdeadbeef), obj(VqpObject.IpAddress, bytes(10, 1, 2, 3)), obj(VqpObject.MacAddress, mac('00:11:22:33:44:55')));

test('VQP: the header, the objects through the view, toJSON(), on port 1589 either way', (t) => {
  for (const [s, dp] of [[40000, 1589], [1589, 40000]] as const) {
    const p = d.decode(u(s, dp, msg), LinkType.EN10MB);
    const v = p.layer(Layer.Vqp) as Vqp;
    t.true(v instanceof Vqp, `${s} > ${dp}`);
    t.deepEqual(v.toJSON(), { offset: APP, length: VQP_HEADER_LENGTH, version: 1, messageType: 2, errorCode: 5, objectCount: 2, sequence: 0xdeadbeef });
    t.is(v.objectType(8), VqpObject.IpAddress);
    t.is(v.objectLength(8), 4);
    t.is(v.ipv4At(14), '10.1.2.3');
    t.is(v.u32At(14), 0x0a010203);
    t.is(v.objectType(18), VqpObject.MacAddress);
    t.is(v.macAt(24), '00:11:22:33:44:55');
    t.is(p.stop, undefined);
  }
  t.is(d.decode(u(40000, 1590, msg), LinkType.EN10MB).layer(Layer.Vqp), undefined, 'another port');
});

test('every cut of the VQP header stops in VQP at its offset', (t) => {
  const f = u(40000, 1589, msg.subarray(0, VQP_HEADER_LENGTH));
  for (let n = APP; n < APP + VQP_HEADER_LENGTH; n++) {
    const p = d.decode(f, LinkType.EN10MB, 0, n);
    t.is(p.stop?.layer, Layer.Vqp, `cut at ${n}`);
    t.is(p.stop?.offset, APP);
  }
});
