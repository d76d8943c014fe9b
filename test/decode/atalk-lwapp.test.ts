// LWAPP and AppleTalk in the decoder: the fields of built packets through the views and toJSON(),
// every cut of a header stops in its layer at its offset, the UDP ports tcpdump tests before
// VXLAN's, the AP identity only on packets to port 12223, DDP by EtherType, SNAP and ARCNET, LLAP
// on LINKTYPE_LTALK; --json of them all is valid against the schema and equal to toJSON().
import test from 'ava';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { Aarp, Ddp, DDP_HEADER_LENGTH, Llap, AARP_LENGTH } from '../../src/decoders/atalk.js';
import { LwappControl, LwappData } from '../../src/decoders/lwapp.js';
import { NOT_CAPTURED } from '../../src/decoders/view.js';
import { be16, be32, bytes, concat, ether, ipv4, mac, udp } from '../helpers/frames.js';
import { jsonLinesAsDecoded } from '../helpers/packet-schema.js';

const d = new Decoder();
const APP = 14 + 20 + 8;
const AP = mac('00:1a:2b:3c:4d:5e');
const udp4 = (sport: number, dport: number, payload: Uint8Array): Uint8Array =>
  ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ipv4({ proto: 17 }, udp(sport, dport, payload)));
const transport = bytes(0x2d, 9, 0, 16, 0x12, 0x34);   // version 0, radio 5, C and L; frag 9; length 16
const msg = concat(bytes(22, 7, 0, 8), be32(0xdeadbeef), new Uint8Array(8));
const ddp = concat(be16((2 << 10) | 21), be16(0xabcd), be16(0x1234), be16(0xff00), bytes(7, 200, 2, 253, 3),
  bytes(0x40, 1, 0x10, 0x01, 0, 0, 0, 0));
const aarp = concat(be16(1), be16(0x809b), bytes(6, 4), be16(2), mac('08:00:07:aa:bb:cc'), bytes(0, 0xff, 1, 42), mac('00:00:00:00:00:00'), bytes(0, 0x12, 0x34, 255));
const lwappHeader = { version: 0, radioId: 5, flags: 5, fragId: 9, payloadLength: 16, status: 0x1234 };
const ddpJson = { hops: 2, datagramLength: 21, checksum: 0xabcd, dstNet: 0x1234, dstNode: 7, dstSocket: 2, srcNet: 0xff00, srcNode: 200, srcSocket: 253, type: 3 };

test('LWAPP control: the AP identity on packets to port 12223 only, the transport header, a message header', (t) => {
  let p = d.decode(udp4(40000, 12223, concat(AP, transport, msg)), LinkType.EN10MB);
  const c = p.layer(Layer.LwappControl) as LwappControl;
  t.true(c instanceof LwappControl);
  t.deepEqual(c.toJSON(), { offset: APP, length: 12, apMac: '00:1a:2b:3c:4d:5e', ...lwappHeader });
  const m = c.message.point(c.off + 12, c.end);
  t.deepEqual([m.type, m.seqNum, m.elementLength, m.sessionId], [22, 7, 8, 0xdeadbeef]);
  p = d.decode(udp4(12223, 40000, concat(transport, msg)), LinkType.EN10MB);
  t.deepEqual(p.layer(Layer.LwappControl)!.toJSON(), { offset: APP, length: 6, ...lwappHeader });
  // Before VXLAN (print-udp.c's order): from 12223 to 4789 is LWAPP.
  p = d.decode(udp4(12223, 4789, concat(transport, msg)), LinkType.EN10MB);
  t.truthy(p.layer(Layer.LwappControl));
  t.is(p.layer(Layer.Vxlan), undefined);
});

test('LWAPP data on port 12222 either way; control (12223) ranks before data', (t) => {
  for (const [s, dp] of [[12222, 40000], [40000, 12222]] as const) {
    const p = d.decode(udp4(s, dp, concat(transport, bytes(1, 2, 3))), LinkType.EN10MB);
    const v = p.layer(Layer.LwappData) as LwappData;
    t.true(v instanceof LwappData);
    t.deepEqual(v.toJSON(), { offset: APP, length: 6, ...lwappHeader });
  }
  t.truthy(d.decode(udp4(12222, 12223, concat(AP, transport)), LinkType.EN10MB).layer(Layer.LwappControl));
  t.truthy(d.decode(udp4(12223, 12222, transport), LinkType.EN10MB).layer(Layer.LwappControl));
});

test('every cut of the LWAPP headers stops in LWAPP at its offset', (t) => {
  const to = udp4(40000, 12223, concat(AP, transport));
  for (let cap = APP; cap < APP + 12; cap++) {
    const p = d.decode(to.subarray(0, cap), LinkType.EN10MB);
    t.is(p.layer(Layer.LwappControl), undefined);
    t.like(p.stop, { layer: Layer.LwappControl, offset: APP, required: 12, available: cap - APP }, `cap ${cap}`);
  }
  const data = udp4(40000, 12222, transport);
  for (let cap = APP; cap < APP + 6; cap++) {
    t.like(d.decode(data.subarray(0, cap), LinkType.EN10MB).stop, { layer: Layer.LwappData, offset: APP, required: 6 }, `cap ${cap}`);
  }
});

test('DDP by EtherType 0x809b, by SNAP 08-00-07, in ARCNET; AARP by EtherType 0x80f3; cuts stop in them', (t) => {
  let p = d.decode(ether('08:00:07:44:55:66', '08:00:07:11:22:33', 0x809b, ddp), LinkType.EN10MB);
  const v = p.layer(Layer.Ddp) as Ddp;
  t.true(v instanceof Ddp);
  t.deepEqual(v.toJSON(), { offset: 14, length: 13, ...ddpJson });
  const data = v.data.point(v.off + DDP_HEADER_LENGTH, v.end);
  t.deepEqual([data.atpControl, data.atpBitmap, data.atpTransactionId, data.atpUserData], [0x40, 1, 0x1001, 0]);
  t.is(t.throws(() => data.tupleEnumerator(4), { any: true }), NOT_CAPTURED);
  const snap = concat(bytes(0xaa, 0xaa, 3, 8, 0, 7, 0x80, 0x9b), ddp);
  p = d.decode(concat(mac('08:00:07:44:55:66'), mac('08:00:07:11:22:33'), be16(snap.length), snap), LinkType.EN10MB);
  t.deepEqual(p.layer(Layer.Ddp)!.toJSON(), { offset: 22, length: 13, ...ddpJson });
  // ARCNET (BSD, RFC 1201 header: source, destination, system code 221, split flag, sequence id).
  p = d.decode(concat(bytes(1, 2, 221, 0, 0, 1), ddp), LinkType.ARCNET_BSD);
  t.deepEqual(p.layer(Layer.Ddp)!.toJSON(), { offset: 6, length: 13, ...ddpJson });
  p = d.decode(ether('08:00:07:44:55:66', '08:00:07:11:22:33', 0x80f3, aarp), LinkType.EN10MB);
  const a = p.layer(Layer.Aarp) as Aarp;
  t.deepEqual(a.toJSON(), {
    offset: 14, length: 28, hardwareType: 1, protocolType: 0x809b, hardwareLength: 6, protocolLength: 4, op: 2,
    senderMac: '08:00:07:aa:bb:cc', senderNet: 0xff01, senderNode: 42, targetMac: '00:00:00:00:00:00', targetNet: 0x1234, targetNode: 255,
  });
  const e = ether('08:00:07:44:55:66', '08:00:07:11:22:33', 0x809b, ddp);
  for (let cap = 15; cap < 14 + 13; cap++) t.like(d.decode(e.subarray(0, cap), LinkType.EN10MB).stop, { layer: Layer.Ddp, offset: 14, required: 13 });
  const ea = ether('08:00:07:44:55:66', '08:00:07:11:22:33', 0x80f3, aarp);
  for (let cap = 15; cap < 14 + AARP_LENGTH; cap++) t.like(d.decode(ea.subarray(0, cap), LinkType.EN10MB).stop, { layer: Layer.Aarp, offset: 14, required: 28 });
});

test('LocalTalk: the LAP header, then a short or a long DDP header; cuts stop in LLAP', (t) => {
  let p = d.decode(concat(bytes(0x12, 0x34, 1), be16(13), bytes(2, 253, 3), bytes(0x40, 1, 0, 1, 0, 0, 0, 0)), LinkType.LTALK);
  const l = p.layer(Layer.Llap) as Llap;
  t.true(l instanceof Llap);
  t.deepEqual(l.toJSON(), { offset: 0, length: 8, dst: 0x12, src: 0x34, type: 1, ddp: { datagramLength: 13, dstSocket: 2, srcSocket: 253, type: 3 } });
  p = d.decode(concat(bytes(0x12, 0x34, 2), ddp), LinkType.LTALK);
  t.deepEqual(p.layer(Layer.Llap)!.toJSON(), { offset: 0, length: 16, dst: 0x12, src: 0x34, type: 2, ddp: ddpJson });
  p = d.decode(bytes(5, 6, 0x4b, 1, 2), LinkType.LTALK);
  t.deepEqual(p.layer(Layer.Llap)!.toJSON(), { offset: 0, length: 3, dst: 5, src: 6, type: 0x4b });
  const long = concat(bytes(0x12, 0x34, 2), ddp);
  for (let cap = 1; cap < 16; cap++) {
    t.like(d.decode(long.subarray(0, cap), LinkType.LTALK).stop, { layer: Layer.Llap, offset: 0, required: cap < 3 ? 3 : 16 }, `cap ${cap}`);
  }
});

test('AppleTalk in UDP (kip): LLAP after UDP on the DDP-in-UDP ports where no port tcpdump tests before it names a layer', (t) => {
  const llap = concat(bytes(9, 8, 2), ddp);
  const next = (sport: number, dport: number, payload = llap): number | undefined => {
    const p = d.decode(udp4(sport, dport, payload), LinkType.EN10MB);
    return [Layer.Llap, Layer.Mpls, Layer.Dns, Layer.BcmLi, Layer.Ptp, Layer.SomeIp].find((l) => p.layer(l) !== undefined);
  };
  for (const [s, dp] of [[201, 40000], [40000, 327], [768, 9], [9, 895], [16512, 9], [9, 16639]] as const) t.is(next(s, dp), Layer.Llap, `${s} > ${dp}`);
  for (const [s, dp] of [[199, 40000], [40000, 328], [767, 896], [16511, 16640]] as const) t.is(next(s, dp), undefined, `${s} > ${dp}: no encapsulation port`);
  // Ports tcpdump tests after kip lose to it; ports before it win.
  t.is(next(319, 319), Layer.Llap);
  t.is(next(201, 30490), Layer.Llap);
  t.is(next(201, 6635), Layer.Mpls);
  t.is(next(201, 53), Layer.Dns);
  t.is(next(49152, 201), Layer.BcmLi);
  // Another LAP type, or too short to have one: not kip.
  t.is(next(201, 40000, concat(bytes(9, 8, 1), ddp)), undefined);
  t.is(next(201, 40000, bytes(9, 8)), undefined);
  const p = d.decode(udp4(201, 40000, llap), LinkType.EN10MB);
  const v = p.layer(Layer.Llap) as Llap;
  t.is(v.off, APP);
  t.is(v.lapType, 2);
  t.is(v.headerLength, 3 + DDP_HEADER_LENGTH);
});

test('--json of LWAPP and AppleTalk packets: valid against the schema, equal to toJSON()', (t) => {
  const frames = [
    udp4(40000, 12223, concat(AP, transport, msg)), udp4(12223, 40000, concat(transport, msg)), udp4(12222, 40000, concat(transport, bytes(1))),
    ether('08:00:07:44:55:66', '08:00:07:11:22:33', 0x809b, ddp), ether('08:00:07:44:55:66', '08:00:07:11:22:33', 0x80f3, aarp),
  ];
  const ltalk = [concat(bytes(0x12, 0x34, 1), be16(13), bytes(2, 253, 3), bytes(0x40, 1, 0, 1, 0, 0, 0, 0)), concat(bytes(0x12, 0x34, 2), ddp)];
  for (const [lt, fs, keys] of [[1, frames, ['lwappcontrol', 'lwappcontrol', 'lwappdata', 'ddp', 'aarp']], [114, ltalk, ['llap', 'llap']]] as const) {
    const lines = jsonLinesAsDecoded(t, d, lt, fs.map((frame) => ({ frame })));
    lines.forEach((line, i) => t.true(keys[i]! in (line['layers'] as object), keys[i]));
  }
});
