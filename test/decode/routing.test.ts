// The routing and control protocols' decoder views: the fields of real messages, cuts.
import test from 'ava';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import type { Bfd } from '../../src/decoders/bfd.js';
import type { Hsrp } from '../../src/decoders/hsrp.js';
import type { Ahcp } from '../../src/decoders/ahcp.js';
import type { Aodv } from '../../src/decoders/aodv.js';
import type { Babel } from '../../src/decoders/babel.js';
import type { Bgp } from '../../src/decoders/bgp.js';
import type { Ldp } from '../../src/decoders/ldp.js';
import type { Olsr } from '../../src/decoders/olsr.js';
import type { Ospf } from '../../src/decoders/ospf.js';
import type { Rsvp } from '../../src/decoders/rsvp.js';
import type { Carp, Vrrp } from '../../src/decoders/vrrp.js';
import type { Eigrp, Igrp } from '../../src/decoders/eigrp.js';
import type { Pim } from '../../src/decoders/pim.js';
import type { Rip, Ripng } from '../../src/decoders/rip.js';
import { be16, be32, bytes, concat, ether, fromHex, ip4, ip6, ipv4, ipv6, tcp, udp } from '../helpers/frames.js';

const text = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'latin1'));

const d = new Decoder();
const frame = (dport: number, bfd: Uint8Array): Uint8Array =>
  ether('00:00:00:00:00:02', '00:00:00:00:00:01', 0x0800, ipv4({ proto: 17, src: '192.85.1.2', dst: '192.0.0.1' }, udp(49152, dport, bfd)));
// BFDv1, Down, A bit, mult 5, length 48, my 1, your 0, 1000 ms / 1000 ms / 0; keyed MD5, key 2, seq 5.
const md5 = concat(fromHex('20 44 05 30'.replace(/ /g, '')), be32(1), be32(0), be32(1000000), be32(1000000), be32(0),
  bytes(2, 24, 2, 0), be32(5), fromHex('01020304050607080910111213141516'));

test('BFD control packet: the mandatory section and the MD5 authentication section', (t) => {
  const p = d.decode(frame(3784, md5), LinkType.EN10MB);
  const b = p.layer(Layer.Bfd) as Bfd;
  t.truthy(b);
  t.like(b, { offset: 42, length: 24, version: 1, diagnostic: 0, state: 1, authPresent: true, detectMultiplier: 5, bfdLength: 48 });
  t.like(b, { myDiscriminator: 1, yourDiscriminator: 0, desiredMinTxInterval: 1000000, requiredMinRxInterval: 1000000, requiredMinEchoRxInterval: 0 });
  t.like(b, { authType: 2, authLength: 24, authKeyId: 2, authSequence: 5 });
  t.is(b.authDigestHex(16), '01020304050607080910111213141516');
  t.like(b.toJSON(), { version: 1, state: 1, authType: 2 });
  t.is(p.stop, undefined);
});

test('BFD: multihop and micro-BFD ports decode; a cut mandatory section stops in BFD', (t) => {
  for (const port of [4784, 6784]) t.is((d.decode(frame(port, md5), LinkType.EN10MB).layer(Layer.Bfd) as Bfd | undefined)?.detectMultiplier, 5);
  for (let cap = 42; cap < 66; cap++) {
    const p = d.decode(frame(3784, md5).subarray(0, cap), LinkType.EN10MB);
    t.is(p.layer(Layer.Bfd), undefined);
    t.like(p.stop, { layer: Layer.Bfd, offset: 42, required: 24, available: cap - 42, kind: 'truncated' });
  }
  // A cut authentication section: the mandatory part decodes, its getters throw past the capture.
  const p = d.decode(frame(3784, md5).subarray(0, 70), LinkType.EN10MB);
  const b = p.layer(Layer.Bfd) as Bfd;
  t.is(b.authKeyId, 2);
  t.throws(() => b.authSequence, { any: true });
});

const udpFrame = (sport: number, dport: number, payload: Uint8Array): Uint8Array =>
  ether('00:00:00:00:00:02', '00:00:00:00:00:01', 0x0800, ipv4({ proto: 17, src: '10.0.0.1', dst: '224.0.0.2' }, udp(sport, dport, payload)));

test('HSRP: a v0 hello, every field; cut short it stops in HSRP', (t) => {
  const m = concat(bytes(0, 0, 16, 3, 10, 120, 1, 0), text('cisco\0\0\0'), fromHex('0a000001'));
  const h = d.decode(udpFrame(1985, 1985, m), LinkType.EN10MB).layer(Layer.Hsrp) as Hsrp;
  t.like(h, { offset: 42, length: 20, version: 0, opCode: 0, state: 16, helloTime: 3, holdTime: 10, priority: 120, group: 1, reserved: 0 });
  t.is(h.virtualAddress, '10.0.0.1');
  t.like(d.decode(udpFrame(1985, 1985, m).subarray(0, 61), LinkType.EN10MB).stop, { layer: Layer.Hsrp, offset: 42, required: 20, available: 19 });
});

test('RIP v2: the header, a route entry and an authentication entry through the entry sub-view', (t) => {
  const auth = concat(bytes(0xff, 0xff, 0, 2), text('abcdefghijklmnop'));
  const route = concat(bytes(0, 2, 0, 7), fromHex('0a070000'), be32(0xffffff00), fromHex('0a000002'), be32(1));
  const r = d.decode(udpFrame(520, 520, concat(bytes(2, 2, 0, 0), auth, route)), LinkType.EN10MB).layer(Layer.Rip) as Rip;
  t.like(r, { offset: 42, length: 4, command: 2, version: 2 });
  t.like(r.entryAt(0), { family: 0xffff, tag: 2 });
  t.like(r.entryAt(20), { family: 2, tag: 7, destination: '10.7.0.0', mask: 0xffffff00, nextHop: '10.0.0.2', metric: 1 });
  // An entry cut short: its fields past the capture throw, the ones before do not.
  const cut = d.decode(udpFrame(520, 520, concat(bytes(2, 2, 0, 0), auth, route)).subarray(0, 42 + 4 + 20 + 10), LinkType.EN10MB);
  const e = (cut.layer(Layer.Rip) as Rip).entryAt(20);
  t.is(e.destination, '10.7.0.0');
  t.throws(() => e.mask, { any: true });
});

test('RIPng: a response with two routes', (t) => {
  const entry = (prefix: string, plen: number, metric: number): Uint8Array => concat(ip6(prefix), bytes(0, 5, plen, metric));
  const r = d.decode(ether('00:00:00:00:00:02', '00:00:00:00:00:01', 0x86dd, ipv6({ nh: 17, src: 'fe80::1', dst: 'ff02::9' },
    udp(521, 521, concat(bytes(2, 1, 0, 0), entry('2001:db8::', 32, 1), entry('::', 0, 16))))), LinkType.EN10MB).layer(Layer.Ripng) as Ripng;
  t.like(r, { offset: 62, command: 2, version: 1 });
  t.like(r.entryAt(0), { prefix: '2001:db8::', tag: 5, prefixLength: 32, metric: 1, prefixUnspecified: false });
  t.like(r.entryAt(1), { prefix: '::', prefixLength: 0, metric: 16, prefixUnspecified: true });
});

test('PIM v2: a join/prune through the address and part sub-views; PIM is IP protocol 103', (t) => {
  const uni = (a: string): Uint8Array => concat(bytes(1, 0), ip4(a));
  const m = concat(bytes(0x23, 0, 0, 0), uni('10.0.0.13'), bytes(0, 1, 0, 210), bytes(1, 0, 0, 32), ip4('239.1.1.1'), be16(1), be16(0), bytes(1, 0, 7, 32), ip4('1.1.1.1'));
  const p = d.decode(ether('00:00:00:00:00:02', '00:00:00:00:00:01', 0x0800, ipv4({ proto: 103, src: '10.0.0.14', dst: '224.0.0.13' }, m)), LinkType.EN10MB);
  const pim = p.layer(Layer.Pim) as Pim;
  t.like(pim, { offset: 34, length: 4, version: 2, type: 3, addressLength: 0 });
  t.like(pim.addressAt(4), { family: 1, encodingType: 0, head: 2, unicast4: '10.0.0.13' });
  t.like(pim.partAt(10), { groupCount: 1, holdTime: 210 });
  t.like(pim.addressAt(14), { flags: 0, maskLength: 32, prefix4: '239.1.1.1' });
  t.like(pim.partAt(22), { joinedCount: 1, prunedCount: 0 });
  t.like(pim.addressAt(26), { flags: 7, prefix4: '1.1.1.1' });
  t.like(d.decode(ether('00:00:00:00:00:02', '00:00:00:00:00:01', 0x0800, ipv4({ proto: 103 }, bytes(0x20, 0))), LinkType.EN10MB).stop,
    { layer: Layer.Pim, offset: 34, required: 4, available: 2 });
});

test('EIGRP: the header and a TLV through the sub-view; IGRP: header counts and an entry', (t) => {
  const m = concat(bytes(2, 5), be16(0xee68), be32(0), be32(0), be32(0), be16(0), be16(100), be16(1), be16(12), bytes(1, 0, 1, 0, 0, 0), be16(15));
  const e = d.decode(ether('00:00:00:00:00:02', '00:00:00:00:00:01', 0x0800, ipv4({ proto: 88 }, m)), LinkType.EN10MB).layer(Layer.Eigrp) as Eigrp;
  t.like(e, { offset: 34, length: 20, version: 2, opcode: 5, checksum: 0xee68, autonomousSystem: 100 });
  const tlv = e.tlvAt(0);
  t.like(tlv, { type: 1, length: 12, holdTime: 15 });
  t.deepEqual([tlv.k(1), tlv.k(2), tlv.k(3)], [1, 0, 1]);
  const g = concat(bytes(0x11, 3), be16(100), be16(1), be16(0), be16(0), be16(0), bytes(10, 1, 0, 0, 0x10, 0, 0, 0x27, 0x10), be16(1500), bytes(255, 1, 2));
  const i = d.decode(ether('00:00:00:00:00:02', '00:00:00:00:00:01', 0x0800, ipv4({ proto: 9 }, g)), LinkType.EN10MB).layer(Layer.Igrp) as Igrp;
  t.like(i, { version: 1, opcode: 1, edition: 3, autonomousSystem: 100, interiorCount: 1 });
  t.like(i.entryAt(0), { delay: 0x1000, bandwidth: 0x2710, mtu: 1500, reliability: 255, load: 1, hopCount: 2 });
});

test('BGP: the capabilities of an OPEN, the AS path and prefixes of an UPDATE, a KEEPALIVE, through the named fields; the messages of --json; a cut header stops in BGP', (t) => {
  const marker = new Uint8Array(16).fill(0xff);
  // Capabilities: multiprotocol IPv4 unicast, 4-byte AS 4200000000 (the OPEN's "my AS" is AS_TRANS).
  const caps = concat(bytes(2, 12), bytes(1, 4), be16(1), bytes(0, 1), bytes(65, 4), be32(4200000000));
  const open = concat(marker, be16(29 + caps.length), bytes(1, 4), be16(23456), be16(90), ip4('2.2.2.2'), bytes(caps.length), caps);
  // ORIGIN IGP, AS_PATH one AS_SEQUENCE of two 4-byte ASNs, NEXT_HOP, COMMUNITIES; one withdrawn route; two NLRI.
  const attrs = concat(bytes(0x40, 1, 1, 0), bytes(0x40, 2, 10, 2, 2), be32(65001), be32(4200000000), bytes(0x40, 3, 4), ip4('10.0.0.1'),
    bytes(0xc0, 8, 4), be32(0xfde90064));
  const nlri = bytes(24, 192, 168, 1, 16, 10, 2);
  const update = concat(marker, be16(19 + 2 + 2 + 2 + attrs.length + nlri.length), bytes(2), be16(2), bytes(8, 10), be16(attrs.length), attrs, nlri);
  const keepalive = concat(marker, be16(19), bytes(4));
  const frame = ether('00:00:00:00:00:02', '00:00:00:00:00:01', 0x0800, ipv4({ proto: 6 }, tcp({ sport: 179, dport: 40000 }, concat(open, update, keepalive))));
  const b = d.decode(frame, LinkType.EN10MB).layer(Layer.Bgp) as Bgp;
  t.like(b, { offset: 54, length: 19, type: 1 });

  // The OPEN and its capabilities.
  t.is(b.nextMarker(0), 0);
  t.like(b.pointMessage(0), { markerValid: true, messageLength: open.length, type: 1, version: 4, myAs: 23456, holdTime: 90, identifier: '2.2.2.2', optionalParametersLength: 14 });
  t.like(b.pointParameter(29), { type: 2, parameterLength: 12 });
  t.like(b.pointCapability(31), { code: 1, capabilityLength: 4, mpAfi: 1, mpSafi: 1 });
  t.like(b.pointCapability(37), { code: 65, capabilityLength: 4, asn: 4200000000 });

  // The UPDATE: its withdrawn route, its attributes (the AS path with 4-byte ASNs), its NLRI.
  const u = b.nextMarker(open.length);
  t.is(u, open.length);
  t.like(b.pointMessage(u), { type: 2, messageLength: update.length, withdrawnRoutesLength: 2, pathAttributesLength: attrs.length });
  const w = b.pointPrefix(u + 21);
  t.is(w.prefixLength, 8);
  t.is(w.address4(8), '10.0.0.0');
  const a0 = u + 25;
  t.like(b.pointAttribute(a0), { flags: 0x40, type: 1, lengthFieldSize: 1, attributeLength: 1 });
  t.is(b.pointValue(a0 + 3).origin, 0);
  const a1 = a0 + 4;
  t.like(b.pointAttribute(a1), { type: 2, attributeLength: 10 });
  t.is(b.asPathAsSize(2, a1 + 3, 10), 4);
  const seg = b.pointSegment(a1 + 3);
  t.like(seg, { segmentType: 2, count: 2 });
  t.deepEqual([seg.asn(0, 4), seg.asn(1, 4)], [65001, 4200000000]);
  t.is(b.pointValue(a1 + 13 + 3).nextHop, '10.0.0.1');
  t.is(b.pointValue(a1 + 13 + 7 + 3).community(0), 0xfde90064);
  const n0 = b.pointPrefix(u + 25 + attrs.length);
  t.is(`${n0.address4(n0.prefixLength)}/${n0.prefixLength}`, '192.168.1.0/24');
  const n1 = b.pointPrefix(u + 25 + attrs.length + 4);
  t.is(`${n1.address4(n1.prefixLength)}/${n1.prefixLength}`, '10.2.0.0/16');
  t.false(b.nlriHasPathIds(u + 25 + attrs.length, nlri.length, 32));

  // The KEEPALIVE, and nothing after it.
  const k = b.nextMarker(u + update.length);
  t.like(b.pointMessage(k), { type: 4, messageLength: 19 });
  t.is(b.nextMarker(k + 19), -1);

  // What --json shows: every message with its named fields.
  t.deepEqual(JSON.parse(JSON.stringify(b.toJSON())), {
    offset: 54, length: 19, messages: [
      { type: 1, length: open.length, version: 4, myAs: 23456, holdTime: 90, identifier: '2.2.2.2',
        capabilities: [{ code: 1, length: 4, afi: 1, safi: 1 }, { code: 65, length: 4, asn: 4200000000 }] },
      { type: 2, length: update.length, withdrawn: ['10.0.0.0/8'], attributes: [
        { type: 1, flags: 0x40, length: 1, origin: 0 },
        { type: 2, flags: 0x40, length: 10, asPath: [{ type: 2, asns: [65001, 4200000000] }] },
        { type: 3, flags: 0x40, length: 4, nextHop: '10.0.0.1' },
        { type: 8, flags: 0xc0, length: 4, communities: [0xfde90064] },
      ], nlri: ['192.168.1.0/24', '10.2.0.0/16'] },
      { type: 4, length: 19 },
    ],
  });

  // A segment cut inside the UPDATE: the view is there, a field past the capture throws (the printer's [|bgp]).
  const cut = d.decode(frame.subarray(0, 54 + u + 22), LinkType.EN10MB).layer(Layer.Bgp) as Bgp;
  t.is(cut.pointMessage(u).withdrawnRoutesLength, 2);
  t.throws(() => cut.pointMessage(u).pathAttributesLength, { any: true });
  t.throws(() => cut.pointValue(a1 + 3).origin, { any: true });
  // Cut inside the first header: a stop in BGP, and no layer.
  const short = d.decode(frame.subarray(0, 54 + 10), LinkType.EN10MB);
  t.like(short.stop, { layer: Layer.Bgp, offset: 54, required: 19, available: 10 });
  t.is(short.layer(Layer.Bgp), undefined);
});

test('Babel, AHCP, OLSR and AODV views: their headers on their UDP ports; a short header stops in the layer', (t) => {
  const babel = d.decode(udpFrame(6696, 6696, concat(bytes(42, 2), be16(8), bytes(4, 6, 0, 0), be16(7), be16(400))), LinkType.EN10MB).layer(Layer.Babel) as Babel;
  t.like(babel, { magic: 42, version: 2, bodyLength: 8 });
  t.is(babel.pointTlv(4).helloSeqno, 7);
  const ahcp = d.decode(udpFrame(5359, 5359, concat(bytes(43, 1, 1, 2), be32(0xdeadbeef), bytes(1, 2, 3, 4, 5, 6, 7, 8), new Uint8Array(8).fill(0xff))), LinkType.EN10MB).layer(Layer.Ahcp) as Ahcp;
  t.like(ahcp, { magic: 43, version: 1, hopCount: 1, originalHopCount: 2, nonce: 0xdeadbeef, sourceId: '01:02:03:04:05:06:07:08' });
  const olsr = d.decode(udpFrame(698, 698, concat(be16(16), be16(0x800), bytes(3, 0x86), be16(12), ip4('10.0.0.9'), bytes(64, 2), be16(1))), LinkType.EN10MB).layer(Layer.Olsr) as Olsr;
  t.like(olsr, { packetLength: 16, sequence: 0x800 });
  t.is(olsr.pointMessage(4, false).originator, '10.0.0.9');
  const aodv = d.decode(udpFrame(654, 654, bytes(4, 0)), LinkType.EN10MB).layer(Layer.Aodv) as Aodv;
  t.is(aodv.type, 4);
  t.like(d.decode(udpFrame(6696, 6696, bytes(42, 2)), LinkType.EN10MB).stop, { layer: Layer.Babel, offset: 42, required: 4, available: 2 });
});

test('VRRP and CARP, LDP, RSVP and OSPF views: the fixed fields of real messages', (t) => {
  const ip = (proto: number, m: Uint8Array): Uint8Array => ether('00:00:00:00:00:02', '00:00:00:00:00:01', 0x0800, ipv4({ proto, ttl: 255 }, m));
  const vrrp = d.decode(ip(112, concat(bytes(0x21, 7, 100, 2, 1, 1), be16(0x1234), ip4('10.0.0.1'), ip4('10.0.0.2'))), LinkType.EN10MB).layer(Layer.Vrrp) as Vrrp;
  t.like(vrrp, { version: 2, type: 1, virtualRouterId: 7, priority: 100, addressCount: 2, authType: 1, intervalSeconds: 1, checksum: 0x1234 });
  t.is(vrrp.address4(1), '10.0.0.2');
  // CARP shares IP protocol 112: its view is decoded where a printer asks for it (-T carp).
  const carp = new Decoder().decodeFrom(Layer.Carp, concat(bytes(0x21, 5, 10, 7, 0, 1), be16(0), be32(0), be32(99)), LinkType.EN10MB, 0, 0, 16).layer(Layer.Carp) as Carp;
  t.like(carp, { version: 2, type: 1, vhid: 5, advskew: 10, authLength: 7, advbase: 1, counter: '99' });
  const ldp = d.decode(udpFrame(646, 646, concat(be16(1), be16(30), ip4('10.1.0.2'), be16(0), be16(0x100), be16(4), be32(1))), LinkType.EN10MB).layer(Layer.Ldp) as Ldp;
  t.like(ldp, { version: 1, pduLength: 30, lsrId: '10.1.0.2', labelSpace: 0 });
  const rsvp = d.decode(ip(46, concat(bytes(0x11, 20), be16(0x7d4d), bytes(1, 0), be16(20), be16(12), bytes(22, 1), be32(1), be32(2))), LinkType.EN10MB).layer(Layer.Rsvp) as Rsvp;
  t.like(rsvp, { version: 1, flags: 1, messageType: 20, checksum: 0x7d4d, sendTtl: 1, messageLength: 20 });
  const ospf = d.decode(ip(89, concat(bytes(2, 1), be16(44), ip4('1.1.1.1'), ip4('0.0.0.1'), be16(0), be16(0), new Uint8Array(8), new Uint8Array(20))), LinkType.EN10MB).layer(Layer.Ospf) as Ospf;
  t.like(ospf, { version: 2, type: 1, packetLength: 44, routerId: '1.1.1.1', areaId: '0.0.0.1', length: 24 });
});
