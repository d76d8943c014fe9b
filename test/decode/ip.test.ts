import test from 'ava';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { IPV6_EXT_CAPACITY } from '../../src/decoders/ipv6.js';
import { be16, be32, bytes, concat, ether, ext6, frag6, icmp, ipv4, ipv6, tcp, udp } from '../helpers/frames.js';

const d = new Decoder();
const eth4 = (ip: Uint8Array): Uint8Array => ether('00:00:00:00:00:02', '00:00:00:00:00:01', 0x0800, ip);
const eth6 = (ip: Uint8Array): Uint8Array => ether('00:00:00:00:00:02', '00:00:00:00:00:01', 0x86dd, ip);

test('IPv4 header fields', (t) => {
  // IP (tos 0xb8, ttl 37, id 4660, offset 0, flags [DF], proto UDP (17), length 32) 192.168.1.2.53 > 10.9.8.7.1024: [|domain]
  const f = eth4(ipv4({ src: '192.168.1.2', dst: '10.9.8.7', proto: 17, ttl: 37, tos: 0xb8, id: 0x1234, flags: 2 }, udp(53, 1024, bytes(1, 2, 3, 4))));
  const p = d.decode(f, LinkType.EN10MB), ip = p.ipv4!;
  t.is(ip.version, 4);
  t.is(ip.headerLength, 20);
  t.is(ip.length, 20);
  t.is(ip.tos, 0xb8);
  t.is(ip.dscp, 46);
  t.is(ip.ecn, 0);
  t.is(ip.totalLength, 32);
  t.is(ip.id, 0x1234);
  t.is(ip.flags, 2);
  t.true(ip.dontFragment);
  t.false(ip.moreFragments);
  t.is(ip.fragmentOffset, 0);
  t.false(ip.isFragment);
  t.is(ip.ttl, 37);
  t.is(ip.protocol, 17);
  t.true(ip.checksumValid);
  t.is(ip.src, '192.168.1.2');
  t.is(ip.dst, '10.9.8.7');
  t.is(ip.srcInt, 0xc0a80102);
  t.deepEqual([...ip.dstBytes], [10, 9, 8, 7]);
  t.is(ip.offset, 14);
  t.is(ip.payloadOffset, 34);
  t.is(ip.payloadSize, 12);
  t.is(p.udp?.offset, 34);
});

test('IPv4 checksum mismatch is visible, not an error', (t) => {
  const f = eth4(ipv4({ proto: 17 }, udp(1, 2)));
  f[14 + 10] ^= 0xff;
  const p = d.decode(f, LinkType.EN10MB);
  t.false(p.ipv4!.checksumValid);
  t.is(p.stop, undefined);
});

test('IPv4 options are listed; header length includes them', (t) => {
  // NOP, router alert (148, 4 bytes), record route (7, 11 bytes: pointer 4, 2 slots), EOL
  const opts = concat(bytes(1), bytes(148, 4, 0, 0), bytes(7, 11, 4), new Uint8Array(8), bytes(0, 0, 0, 0));
  const f = eth4(ipv4({ proto: 6, options: opts.subarray(0, 20) }, tcp({})));
  const p = d.decode(f, LinkType.EN10MB);
  t.is(p.ipv4?.headerLength, 40);
  t.deepEqual(p.ipv4!.options.map((o) => [o.type, o.offset, o.length]), [[1, 34, 1], [148, 35, 4], [7, 39, 11], [0, 50, 1]]);
  t.is(p.tcp?.offset, 54);
});

test('Ethernet padding never reaches UDP: the IP total length ends the packet', (t) => {
  const f = concat(eth4(ipv4({ proto: 17 }, udp(7, 9, bytes(0xaa)))), new Uint8Array(17).fill(0xee));
  const p = d.decode(f, LinkType.EN10MB);
  t.is(p.ipv4?.payloadSize, 9);
  t.is(p.udp?.payloadSize, 1);
  t.deepEqual([...p.payload], [0xaa]);
  t.is(p.payloadOffset, 42);
  t.false(p.truncated);
});

test('IPv4 later fragment: no transport header, the rest is payload', (t) => {
  const f = eth4(ipv4({ proto: 6, flags: 0, frag: 185 }, bytes(1, 2, 3, 4, 5, 6, 7, 8)));
  const p = d.decode(f, LinkType.EN10MB);
  t.is(p.ipv4?.fragmentOffset, 1480);
  t.true(p.ipv4!.isFragment);
  t.is(p.tcp, undefined);
  t.is(p.stop, undefined);
  t.is(p.payloadLength, 8);
});

test('IPv4 first fragment (MF) still decodes its transport header', (t) => {
  const f = eth4(ipv4({ proto: 17, flags: 1 }, udp(1, 2, new Uint8Array(8))));
  const p = d.decode(f, LinkType.EN10MB);
  t.true(p.ipv4!.moreFragments);
  t.is(p.udp?.dstPort, 2);
});

test('unknown IP protocol: payload, no stop', (t) => {
  // 253 (RFC 3692: for experiments) has no decoder; 132, used here before, is SCTP now.
  const p = d.decode(eth4(ipv4({ proto: 253 }, bytes(1, 2, 3))), LinkType.EN10MB);
  t.is(p.ipv4?.protocol, 253);
  t.is(p.stop, undefined);
  t.deepEqual([...p.payload], [1, 2, 3]);
});

test('IPv6 fixed header fields', (t) => {
  const f = eth6(ipv6({ src: '2001:db8::1', dst: 'ff02::1:ff00:2', nh: 17, hlim: 255, flow: 0xabcde, tc: 0x2e }, udp(546, 547, bytes(1))));
  const p = d.decode(f, LinkType.EN10MB), ip = p.ipv6!;
  t.is(ip.version, 6);
  t.is(ip.trafficClass, 0x2e);
  t.is(ip.flowLabel, 0xabcde);
  t.is(ip.payloadLength, 9);
  t.is(ip.nextHeader, 17);
  t.is(ip.protocol, 17);
  t.is(ip.hopLimit, 255);
  t.is(ip.src, '2001:db8::1');
  t.is(ip.dst, 'ff02::1:ff00:2');
  t.is(ip.srcBytes.length, 16);
  t.is(ip.length, 40);
  t.is(ip.extCount, 0);
  t.is(p.udp?.offset, 54);
  t.is(p.ip, ip);
});

test('IPv6 extension headers: hop-by-hop, destination options, routing, then TCP', (t) => {
  const hbh = bytes(5, 2, 0, 0, 1, 0); // router alert + PadN
  const rt = concat(bytes(0, 1, 0, 0, 0, 0), new Uint8Array(16)); // type 0, 1 segment left, one address
  const f = eth6(ipv6({ nh: 0 }, ext6(60, hbh, ext6(43, bytes(1, 4, 0, 0, 0, 0), ext6(6, rt.subarray(0, 22), tcp({ dport: 443 }))))));
  const p = d.decode(f, LinkType.EN10MB), ip = p.ipv6!;
  t.deepEqual(ip.extensions.map((e) => [e.type, e.offset, e.length, e.nextHeader]), [[0, 54, 8, 60], [60, 62, 8, 43], [43, 70, 24, 6]]);
  t.is(ip.nextHeader, 0);
  t.is(ip.protocol, 6);
  t.is(ip.headerLength, 80);
  t.is(p.tcp?.offset, 94);
  t.is(p.tcp?.dstPort, 443);
  t.is(ip.upperLength, 20);
});

test('IPv6 fragment header: first fragment decodes the upper layer, later ones do not', (t) => {
  const first = eth6(ipv6({ nh: 44 }, frag6(17, 0, true, 0xdeadbeef, udp(1, 2, new Uint8Array(16)))));
  const p = d.decode(first, LinkType.EN10MB);
  t.deepEqual(p.ipv6!.fragment, { offset: 0, moreFragments: true, id: 0xdeadbeef });
  t.is(p.udp?.srcPort, 1);
  const later = eth6(ipv6({ nh: 44 }, frag6(17, 3, false, 7, new Uint8Array(24))));
  const q = d.decode(later, LinkType.EN10MB);
  t.deepEqual(q.ipv6!.fragment, { offset: 24, moreFragments: false, id: 7 });
  t.is(q.udp, undefined);
  t.is(q.ipv6?.protocol, 17);
  t.is(q.payloadOffset, 62);
  t.is(q.payloadLength, 24);
  t.is(q.stop, undefined);
});

test('IPv6 AH header length is (len + 2) × 4', (t) => {
  const ah = concat(bytes(17, 4, 0, 0), be32(0x100), be32(1), new Uint8Array(12));
  const p = d.decode(eth6(ipv6({ nh: 51 }, concat(ah, udp(3, 4)))), LinkType.EN10MB);
  t.deepEqual(p.ipv6!.extensions.map((e) => [e.type, e.length]), [[51, 24]]);
  t.is(p.udp?.dstPort, 4);
});

test('IPv6 no next header (59): nothing follows, no stop', (t) => {
  const p = d.decode(eth6(ipv6({ nh: 0 }, ext6(59, bytes(1, 4, 0, 0, 0, 0)))), LinkType.EN10MB);
  t.is(p.ipv6?.protocol, 59);
  t.is(p.stop, undefined);
  t.is(p.payloadLength, 0);
});

test('IPv6 unknown next header: payload, no stop', (t) => {
  const p = d.decode(eth6(ipv6({ nh: 253 }, bytes(9, 9))), LinkType.EN10MB);
  t.is(p.ipv6?.protocol, 253);
  t.is(p.stop, undefined);
  t.deepEqual([...p.payload], [9, 9]);
});

test('IPv6 extension header cut short stops at the extension header', (t) => {
  const f = eth6(ipv6({ nh: 0 }, ext6(6, new Uint8Array(14), tcp({}))));
  const p = d.decode(f.subarray(0, 54 + 10), LinkType.EN10MB);
  t.is(p.ipv6?.extCount, 0);
  t.like(p.stop, { layer: Layer.Ipv6Ext, offset: 54, required: 16, available: 10, kind: 'truncated', lenSource: 'caplen' });
});

test('IPv6 extension header longer than the payload length is an error', (t) => {
  const f = eth6(ipv6({ nh: 60, plen: 8 }, ext6(6, new Uint8Array(14), tcp({}))));
  const p = d.decode(f, LinkType.EN10MB);
  t.like(p.stop, { layer: Layer.Ipv6Ext, offset: 54, required: 16, available: 8, kind: 'error', lenSource: 'ipv6-payload-length' });
});

test(`more than ${IPV6_EXT_CAPACITY} extension headers is an error`, (t) => {
  let inner: Uint8Array = new Uint8Array(0);
  for (let i = 0; i <= IPV6_EXT_CAPACITY; i++) inner = ext6(60, new Uint8Array(6), inner);
  const p = d.decode(eth6(ipv6({ nh: 60 }, inner)), LinkType.EN10MB);
  t.is(p.ipv6?.extCount, IPV6_EXT_CAPACITY);
  t.like(p.stop, { layer: Layer.Ipv6Ext, kind: 'error', offset: 54 + 8 * IPV6_EXT_CAPACITY });
});

test('IPv6 jumbo/TSO payload length 0 uses what was captured', (t) => {
  const p = d.decode(eth6(ipv6({ nh: 17, plen: 0 }, udp(1, 2, bytes(5)))), LinkType.EN10MB);
  t.is(p.udp?.payloadSize, 1);
  t.false(p.ipv6!.incomplete);
});

test('ICMP inside IPv4 carries the addresses the printer needs', (t) => {
  const p = d.decode(eth4(ipv4({ proto: 1, src: '1.2.3.4', dst: '5.6.7.8' }, icmp(8, 0, concat(be16(1), be16(2))))), LinkType.EN10MB);
  t.is(p.ipv4?.srcOffset, 26);
  t.is(p.icmp?.type, 8);
});

test('IP-in-IP: decodeInner() decodes the tunnelled packet (4in4, 6in4, 4in6, Ethernet in IPv6)', (t) => {
  const inner4 = ipv4({ proto: 17, src: '192.168.1.1', dst: '192.168.1.2' }, udp(1111, 2222, bytes(1)));
  const inner6 = ipv6({ nh: 6, src: '2001:db8::a', dst: '2001:db8::b' }, tcp({ dport: 8080 }));
  const p44 = d.decode(eth4(ipv4({ proto: 4 }, inner4)), LinkType.EN10MB);
  t.is(p44.ipv4?.protocol, 4);
  t.is(p44.udp, undefined);
  t.is(p44.payloadOffset, 34);
  const q44 = d.decodeInner(p44)!;
  t.deepEqual([q44.ipv4?.src, q44.udp?.dstPort, q44.ipv4?.offset], ['192.168.1.1', 2222, 0]);
  t.is(d.decodeInner(d.decode(eth4(ipv4({ proto: 41 }, inner6)), LinkType.EN10MB))?.tcp?.dstPort, 8080);
  t.is(d.decodeInner(d.decode(eth6(ipv6({ nh: 4 }, inner4)), LinkType.EN10MB))?.udp?.srcPort, 1111);
  const innerEth = ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, inner4);
  const srv6 = d.decode(eth6(ipv6({ nh: 43 }, ext6(143, bytes(4, 0, 0, 0, 0, 0), innerEth))), LinkType.EN10MB);
  t.is(d.decodeInner(srv6)?.ethernet?.src, '02:00:00:00:00:01');
  t.is(d.decodeInner(d.decode(eth4(ipv4({ proto: 17 }, udp(1, 2))), LinkType.EN10MB)), undefined);
  t.is(d.decodeInner(d.decode(eth4(ipv4({ proto: 4, flags: 0, frag: 10 }, inner4)), LinkType.EN10MB)), undefined);
});
