import test from 'ava';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { be16, be32, bytes, concat, ether, icmp, ip4, ip6, ipv4, ipv6, tcp, udp } from '../helpers/frames.js';

const d = new Decoder();
const eth4 = (ip: Uint8Array): Uint8Array => ether('00:00:00:00:00:02', '00:00:00:00:00:01', 0x0800, ip);
const eth6 = (ip: Uint8Array): Uint8Array => ether('00:00:00:00:00:02', '00:00:00:00:00:01', 0x86dd, ip);
const v4icmp = (m: Uint8Array): Uint8Array => eth4(ipv4({ proto: 1, src: '10.0.0.1', dst: '10.0.0.2' }, m));
const v6icmp = (m: Uint8Array, src = 'fe80::1', dst = 'fe80::2'): Uint8Array => eth6(ipv6({ nh: 58, src, dst, hlim: 255 }, m));

test('ICMP echo request and reply: type, code, id, seq', (t) => {
  // IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 4660, seq 7, length 64
  const p = d.decode(v4icmp(icmp(8, 0, concat(be16(0x1234), be16(7)), new Uint8Array(56))), LinkType.EN10MB);
  const m = p.icmp!;
  t.is(m.type, 8);
  t.is(m.code, 0);
  t.is(m.identifier, 0x1234);
  t.is(m.sequence, 7);
  t.false(m.isError);
  t.is(m.inner, undefined);
  t.is(m.offset, 34);
  t.is(m.length, 8);
  t.is(m.payloadSize, 56);
  t.is(d.decode(v4icmp(icmp(0, 0, concat(be16(1), be16(2)))), LinkType.EN10MB).icmp?.type, 0);
});

test('ICMP unreachable carries the inner IP header + 8 bytes, decodable as a packet', (t) => {
  // IP 10.0.0.2 > 10.0.0.1: ICMP 10.0.0.9 udp port 33434 unreachable, length 36
  const inner = ipv4({ src: '10.0.0.1', dst: '10.0.0.9', proto: 17, ttl: 1 }, udp(40000, 33434, new Uint8Array(32))).subarray(0, 28);
  const f = v4icmp(icmp(3, 3, be32(0), inner));
  const p = d.decode(f, LinkType.EN10MB);
  t.true(p.icmp!.isError);
  t.is(p.icmp?.innerOffset, 42);
  t.deepEqual([...p.icmp!.inner!], [...inner]);
  t.is(p.udp, undefined); // the outer packet has no UDP layer
  const q = d.decodeInner(p)!;
  t.is(q.ipv4?.dst, '10.0.0.9');
  t.is(q.ipv4?.ttl, 1);
  t.true(q.ipv4!.incomplete);
  t.is(q.udp?.dstPort, 33434);
  t.true(q.truncated);
  // The outer packet is untouched by the inner decode.
  t.is(p.icmp?.type, 3);
  t.is(p.ipv4?.dst, '10.0.0.2');
  // The same through a second Decoder on the frame's bytes.
  const q2 = new Decoder().decode(f, LinkType.IPV4, p.icmp!.innerOffset!, f.length - p.icmp!.innerOffset!);
  t.is(q2.udp?.srcPort, 40000);
});

test('ICMP fragmentation needed gives the next-hop MTU', (t) => {
  const p = d.decode(v4icmp(icmp(3, 4, concat(be16(0), be16(1400)), ipv4({ proto: 6 }, tcp({})).subarray(0, 28))), LinkType.EN10MB);
  t.is(p.icmp?.mtu, 1400);
  t.is(d.decodeInner(p)?.tcp, undefined);
  t.like(d.decodeInner(p)?.stop, { layer: Layer.Tcp, required: 20, available: 8, kind: 'truncated' });
});

test('ICMP time exceeded, redirect, parameter problem, source quench are errors', (t) => {
  const inner = ipv4({ proto: 17 }, udp(1, 2)).subarray(0, 28);
  const tx = d.decode(v4icmp(icmp(11, 0, be32(0), inner)), LinkType.EN10MB).icmp!;
  t.true(tx.isError);
  const rd = d.decode(v4icmp(icmp(5, 1, ip4('192.168.0.254'), inner)), LinkType.EN10MB).icmp!;
  t.is(rd.gateway, '192.168.0.254');
  t.true(rd.isError);
  const pp = d.decode(v4icmp(icmp(12, 0, bytes(20, 0, 0, 0), inner)), LinkType.EN10MB).icmp!;
  t.is(pp.pointer, 20);
  t.true(d.decode(v4icmp(icmp(4, 0, be32(0), inner)), LinkType.EN10MB).icmp!.isError);
});

test('ICMP timestamp and address mask messages', (t) => {
  const ts = d.decode(v4icmp(icmp(14, 0, concat(be16(9), be16(10)), concat(be32(1000), be32(2000), be32(3000)))), LinkType.EN10MB).icmp!;
  t.deepEqual([ts.identifier, ts.sequence, ts.originateTimestamp, ts.receiveTimestamp, ts.transmitTimestamp], [9, 10, 1000, 2000, 3000]);
  t.is(ts.length, 20);
  const cut = d.decode(v4icmp(icmp(13, 0, be32(0), be32(5))), LinkType.EN10MB);
  t.like(cut.stop, { layer: Layer.Icmp, required: 20, available: 12, kind: 'error', lenSource: 'ipv4-total-length' });
  const mask = d.decode(v4icmp(icmp(18, 0, be32(0), ip4('255.255.255.0'))), LinkType.EN10MB).icmp!;
  t.is(mask.addressMask, '255.255.255.0');
});

test('ICMP other types by type and code only', (t) => {
  const m = d.decode(v4icmp(bytes(42, 7, 0, 0)), LinkType.EN10MB).icmp!;
  t.deepEqual([m.type, m.code, m.length, m.identifier, m.isError], [42, 7, 4, undefined, false]);
});

test('ICMPv6 echo request/reply', (t) => {
  const m = d.decode(v6icmp(icmp(128, 0, concat(be16(77), be16(3)), new Uint8Array(8), true)), LinkType.EN10MB).icmpv6!;
  t.deepEqual([m.type, m.code, m.identifier, m.sequence, m.offset, m.length, m.payloadSize], [128, 0, 77, 3, 54, 8, 8]);
  t.is(d.decode(v6icmp(icmp(129, 0, be32(0), bytes(), true)), LinkType.EN10MB).icmpv6?.type, 129);
});

test('ICMPv6 errors: unreachable, packet too big (MTU), time exceeded, parameter problem (pointer); inner packet', (t) => {
  const inner = ipv6({ nh: 17, src: 'fe80::2', dst: '2001:db8::9' }, udp(1000, 2000, new Uint8Array(4)));
  const un = d.decode(v6icmp(icmp(1, 4, be32(0), inner, true)), LinkType.EN10MB);
  t.true(un.icmpv6!.isError);
  t.is(un.icmpv6?.innerOffset, 62);
  const q = d.decodeInner(un)!;
  t.is(q.ipv6?.dst, '2001:db8::9');
  t.is(q.udp?.dstPort, 2000);
  t.false(q.truncated);
  t.is(d.decode(v6icmp(icmp(2, 0, be32(1280), inner, true)), LinkType.EN10MB).icmpv6?.mtu, 1280);
  t.true(d.decode(v6icmp(icmp(3, 0, be32(0), inner, true)), LinkType.EN10MB).icmpv6!.isError);
  t.is(d.decode(v6icmp(icmp(4, 1, be32(40), inner, true)), LinkType.EN10MB).icmpv6?.pointer, 40);
});

const slla = (mac: number[]): Uint8Array => bytes(1, 1, ...mac);
const tlla = (mac: number[]): Uint8Array => bytes(2, 1, ...mac);

test('ICMPv6 router solicitation and advertisement with options', (t) => {
  const rs = d.decode(v6icmp(icmp(133, 0, be32(0), slla([2, 0, 0, 0, 0, 1]), true), 'fe80::1', 'ff02::2'), LinkType.EN10MB).icmpv6!;
  t.is(rs.sourceLinkAddress, '02:00:00:00:00:01');
  const prefix = concat(bytes(3, 4, 64, 0xc0), be32(2592000), be32(604800), be32(0), ip6('2001:db8:1::'));
  const mtu = concat(bytes(5, 1, 0, 0), be32(1500));
  const ra = icmp(134, 0, concat(bytes(64, 0x80), be16(1800)), concat(be32(30000), be32(1000), slla([2, 0, 0, 0, 0, 0xfe]), mtu, prefix), true);
  const m = d.decode(v6icmp(ra, 'fe80::fe', 'ff02::1'), LinkType.EN10MB).icmpv6!;
  t.deepEqual([m.curHopLimit, m.ndFlags, m.routerLifetime, m.reachableTime, m.retransTimer, m.length], [64, 0x80, 1800, 30000, 1000, 16]);
  t.deepEqual(m.options, [
    { type: 1, offset: 70, length: 8, linkAddress: '02:00:00:00:00:fe' },
    { type: 5, offset: 78, length: 8, mtu: 1500 },
    { type: 3, offset: 86, length: 32, prefixLength: 64, onLink: true, autonomous: true, validLifetime: 2592000, preferredLifetime: 604800, prefix: '2001:db8:1::' },
  ]);
  t.is(d.packet.stop, undefined);
});

test('ICMPv6 neighbor solicitation/advertisement and redirect', (t) => {
  const ns = d.decode(v6icmp(icmp(135, 0, be32(0), concat(ip6('2001:db8::2'), slla([2, 0, 0, 0, 0, 1])), true)), LinkType.EN10MB).icmpv6!;
  t.is(ns.targetAddress, '2001:db8::2');
  t.is(ns.sourceLinkAddress, '02:00:00:00:00:01');
  t.is(ns.length, 24);
  const na = d.decode(v6icmp(icmp(136, 0, bytes(0xe0, 0, 0, 0), concat(ip6('2001:db8::2'), tlla([2, 0, 0, 0, 0, 2])), true)), LinkType.EN10MB).icmpv6!;
  t.is(na.ndFlags, 0xe0);
  t.is(na.targetLinkAddress, '02:00:00:00:00:02');
  const redirected = concat(bytes(4, 2), new Uint8Array(14));
  const rd = d.decode(v6icmp(icmp(137, 0, be32(0), concat(ip6('fe80::99'), ip6('2001:db8::5'), redirected), true)), LinkType.EN10MB).icmpv6!;
  t.is(rd.targetAddress, 'fe80::99');
  t.is(rd.destinationAddress, '2001:db8::5');
  t.deepEqual(rd.options.map((o) => [o.type, o.length]), [[4, 16]]);
});

test('ICMPv6 ND option with length 0 is an error; one past the message is an error or a cut', (t) => {
  const zero = d.decode(v6icmp(icmp(135, 0, be32(0), concat(ip6('::1'), bytes(1, 0, 0, 0, 0, 0, 0, 0)), true)), LinkType.EN10MB);
  t.like(zero.stop, { layer: Layer.Icmpv6, offset: 54, kind: 'error', detail: 'ND option type 1 with length 0' });
  t.is(zero.icmpv6?.targetAddress, '::1');
  const long = v6icmp(icmp(135, 0, be32(0), concat(ip6('::1'), bytes(1, 2, 0, 0, 0, 0, 0, 0)), true));
  t.like(d.decode(long, LinkType.EN10MB).stop, { layer: Layer.Icmpv6, offset: 54, required: 40, available: 32, kind: 'error', lenSource: 'ipv6-payload-length' });
  const cut = v6icmp(icmp(135, 0, be32(0), concat(ip6('::1'), bytes(1, 1, 0, 0, 0, 0, 0, 0)), true));
  t.like(d.decode(cut.subarray(0, cut.length - 3), LinkType.EN10MB).stop, { layer: Layer.Icmpv6, offset: 54, required: 32, available: 29, kind: 'truncated' });
});

test('MLD query/report/done and MLDv2 report', (t) => {
  const q = d.decode(v6icmp(icmp(130, 0, concat(be16(10000), be16(0)), ip6('ff02::fb'), true)), LinkType.EN10MB).icmpv6!;
  t.deepEqual([q.maxResponseDelay, q.multicastAddress, q.length], [10000, 'ff02::fb', 24]);
  t.is(d.decode(v6icmp(icmp(131, 0, be32(0), ip6('ff02::1:3'), true)), LinkType.EN10MB).icmpv6?.multicastAddress, 'ff02::1:3');
  t.is(d.decode(v6icmp(icmp(132, 0, be32(0), ip6('ff02::1:3'), true)), LinkType.EN10MB).icmpv6?.type, 132);
  const r2 = d.decode(v6icmp(icmp(143, 0, be32(2), concat(bytes(4, 0, 0, 0), ip6('ff02::fb'), bytes(4, 0, 0, 0), ip6('ff02::1:3')), true)), LinkType.EN10MB).icmpv6!;
  t.is(r2.recordCount, 2);
});
