// Cisco NetFlow in the decoder (-T cnfp: no port reaches it, so it is decoded from the UDP payload as
// the printer does): a v5 export built here, header and records field by field; v1 and v6 record
// layouts; an unknown version; and cuts of the header stopping in NetFlow.
import test from 'ava';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { CNFP_V5_HEADER_LENGTH, Cnfp } from '../../src/decoders/cnfp.js';
import { be16, be32, bytes, concat, ether, ip4, ipv4, udp } from '../helpers/frames.js';

const d = new Decoder();
const APP = 14 + 20 + 8;
const frame = (payload: Uint8Array): Uint8Array =>
  ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ipv4({ proto: 17 }, udp(2055, 9995, payload)));
const at = (f: Uint8Array) => d.decodeFrom(Layer.Cnfp, f, LinkType.EN10MB, 0, APP, f.length);

/** A v5 (or, with `v6`, v6) record as tcpdump lays it out: 52 bytes, the peer next hop last. */
const rec5 = (i: number, v6 = false): Uint8Array => concat(
  ip4(`172.16.${i}.5`), ip4(`198.51.100.${i + 1}`), ip4('192.0.2.254'), be16(2), be16(7), be32(5 + i), be32(700 + i),
  be32(99999 + i), be32(100500), be16(53000 + i), be16(443), bytes(0, 0x12, 6, i), be16(65000 + i), be16(13335), bytes(24, 16),
  be16(v6 ? 0x0104 : 0), ip4('203.0.113.9'));
const v5 = concat(be16(5), be16(2), be32(65535), be32(1700000000), be32(123456789), be32(42), bytes(1, 2), be16(0x4005), rec5(1), rec5(2));

test('a v5 export: header fields, the count as tcpdump reads it, each record through the sub-view', (t) => {
  const p = at(frame(v5));
  t.is(p.stop, undefined);
  const v = p.layer(Layer.Cnfp) as Cnfp;
  t.true(v instanceof Cnfp);
  t.deepEqual(v.toJSON(), {
    offset: APP, length: CNFP_V5_HEADER_LENGTH, version: 5, count: 2, sysUptime: 65535, utcSeconds: 1700000000, utcNanoseconds: 123456789, sequence: 42,
  });
  t.deepEqual([v.engineType, v.engineId, v.samplingInterval], [1, 2, 0x4005]);
  // tcpdump's 4-byte read of the 2-byte count: count << 16 | the uptime's high half.
  t.is(v.countWord, 0x00020000);
  const r = v.recordAt(1, 5);
  t.is(r.off, APP + 24 + 52);
  t.deepEqual([r.srcAddr, r.dstAddr, r.nextHop, r.input, r.output, r.packets, r.octets, r.startTime, r.lastTime],
    ['172.16.2.5', '198.51.100.3', '192.0.2.254', 2, 7, 7, 702, 100001, 100500]);
  t.deepEqual([r.srcPort, r.dstPort, r.tcpFlags, r.protocol, r.tos, r.srcAs, r.dstAs, r.srcMask, r.dstMask, r.peerNextHop],
    [53002, 443, 0x12, 6, 2, 65002, 13335, 24, 16, '203.0.113.9']);
  // The same sub-view, re-pointed at the first record.
  t.is(v.recordAt(0, 5), r);
  t.is(r.srcAddr, '172.16.1.5');
  // A third record was not captured: reading it throws, as the printer's ` [|cnfp]` expects.
  t.false(v.recordAt(2, 5).has(52));
  t.throws(() => v.recordAt(2, 5).srcAddr, { any: true });
});

test('v1 and v6: header lengths, v1 flags after the ToS, v6 encapsulation sizes; an unknown version is its version field', (t) => {
  const rec1 = concat(ip4('10.0.1.1'), ip4('10.1.1.2'), ip4('10.2.0.254'), be16(3), be16(4), be32(13), be32(3401), be32(1007), be32(123457),
    be16(1025), be16(80), bytes(0, 0, 6, 0x11, 0x1b, 0, 0, 0), be32(0));
  const v1 = at(frame(concat(be16(1), be16(1), be32(5001), be32(1), be32(2), rec1)));
  const c1 = v1.layer(Layer.Cnfp) as Cnfp;
  t.deepEqual(c1.toJSON(), { offset: APP, length: 16, version: 1, count: 1, sysUptime: 5001, utcSeconds: 1, utcNanoseconds: 2 });
  const r1 = c1.recordAt(0, 1);
  t.deepEqual([r1.srcAddr, r1.srcPort, r1.dstPort, r1.protocol, r1.tos, r1.v1TcpFlags, r1.has(48)], ['10.0.1.1', 1025, 80, 6, 0x11, 0x1b, true]);
  const c6 = at(frame(concat(be16(6), be16(1), be32(0), be32(0), be32(0), be32(7), be32(0), rec5(1, true)))).layer(Layer.Cnfp) as Cnfp;
  t.is(c6.headerLength, 24);
  t.is(c6.recordAt(0, 6).encapFlags, 0x0104);
  const c9 = at(frame(concat(be16(9), be16(1)))).layer(Layer.Cnfp) as Cnfp;
  t.deepEqual(c9.toJSON(), { offset: APP, length: 2, version: 9 });
});

test('every cut of the v5 header stops in NetFlow', (t) => {
  const f = frame(v5);
  for (let cap = APP; cap < APP + CNFP_V5_HEADER_LENGTH; cap++) {
    const need = cap - APP < 2 ? 2 : CNFP_V5_HEADER_LENGTH;
    t.like(at(f.subarray(0, cap)).stop, { layer: Layer.Cnfp, offset: APP, required: need, available: cap - APP }, `cap ${cap}`);
  }
});
