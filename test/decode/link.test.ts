import test from 'ava';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { be16, be32, bytes, concat, ipv4, ipv6, tcp, udp } from '../helpers/frames.js';

const d = new Decoder();
const v4 = ipv4({ proto: 17, src: '127.0.0.1', dst: '127.0.0.2' }, udp(1, 2, bytes(9)));
const v6 = ipv6({ nh: 6, src: '::1', dst: '::2' }, tcp({ dport: 22 }));

test('LINUX_SLL: packet type, hardware type, address, protocol', (t) => {
  // tcpdump -e: In 02:00:00:00:00:01 ethertype IPv4 (0x0800), length 45: IP 127.0.0.1.1 > 127.0.0.2.2: UDP, length 1
  const sll = concat(be16(0), be16(1), be16(6), bytes(2, 0, 0, 0, 0, 1, 0, 0), be16(0x0800));
  const p = d.decode(concat(sll, v4), LinkType.LINUX_SLL);
  const s = p.sll!;
  t.deepEqual([s.packetType, s.hardwareType, s.addressLength, s.address, s.protocol, s.offset, s.length], [0, 1, 6, '02:00:00:00:00:01', 0x0800, 0, 16]);
  t.deepEqual([...s.addressBytes], [2, 0, 0, 0, 0, 1]);
  t.is(p.ipv4?.offset, 16);
  t.is(p.udp?.dstPort, 2);
  t.is(p.ethernet, undefined);
});

test('LINUX_SLL with protocol 4 is 802.2 LLC; VLAN after SLL reports the SLL protocol as TPID', (t) => {
  const llc = concat(be16(4), be16(1), be16(0), new Uint8Array(8), be16(4), bytes(0x42, 0x42, 3, 7));
  t.is(d.decode(llc, LinkType.LINUX_SLL).llc?.dsap, 0x42);
  const tagged = concat(be16(4), be16(1), be16(6), new Uint8Array(8), be16(0x8100), be16(42), be16(0x0800), v4);
  const p = d.decode(tagged, LinkType.LINUX_SLL);
  t.deepEqual(p.vlan!.map((v) => [v.tpid, v.id]), [[0x8100, 42]]);
  t.is(p.udp?.srcPort, 1);
});

test('LINUX_SLL2: protocol, interface index, hardware type, packet type, address', (t) => {
  const sll2 = concat(be16(0x86dd), be16(0), be32(7), be16(772), bytes(4, 6), bytes(0, 0, 0, 0, 0, 0, 0, 0));
  const p = d.decode(concat(sll2, v6), LinkType.LINUX_SLL2);
  const s = p.sll2!;
  t.deepEqual([s.protocol, s.interfaceIndex, s.hardwareType, s.packetType, s.addressLength, s.address, s.length], [0x86dd, 7, 772, 4, 6, '00:00:00:00:00:00', 20]);
  t.is(p.ipv6?.offset, 20);
  t.is(p.tcp?.dstPort, 22);
  t.like(d.decode(sll2.subarray(0, 19), LinkType.LINUX_SLL2).stop, { layer: Layer.Sll2, required: 20, available: 19 });
});

test('NULL: address family in either byte order; LOOP: network order', (t) => {
  const le = d.decode(concat(bytes(2, 0, 0, 0), v4), LinkType.NULL);
  t.is(le.loopback?.family, 2);
  t.is(le.loopback?.layer, Layer.Null);
  t.is(le.udp?.dstPort, 2);
  t.is(d.decode(concat(bytes(0, 0, 0, 2), v4), LinkType.NULL).ipv4?.src, '127.0.0.1');
  for (const af of [10, 24, 28, 30]) t.is(d.decode(concat(bytes(af, 0, 0, 0), v6), LinkType.NULL).ipv6?.dst, '::2');
  const loop = d.decode(concat(bytes(0, 0, 0, 24), v6), LinkType.LOOP);
  t.is(loop.loopback?.family, 24);
  t.is(loop.loopback?.layer, Layer.Loop);
  t.is(loop.tcp?.dstPort, 22);
  const unknown = d.decode(concat(bytes(0, 0, 0, 99), v4), LinkType.LOOP);
  t.is(unknown.ipv4, undefined);
  t.is(unknown.payloadOffset, 4);
});

test('RAW: the version nibble picks IPv4 or IPv6; IPV4 and IPV6 link types', (t) => {
  t.is(d.decode(v4, LinkType.RAW).ipv4?.offset, 0);
  t.is(d.decode(v6, LinkType.RAW).ipv6?.offset, 0);
  t.is(d.decode(v4, LinkType.IPV4).udp?.dstPort, 2);
  t.is(d.decode(v6, LinkType.IPV6).tcp?.dstPort, 22);
  const bad = d.decode(bytes(0x50, 0, 0, 0), LinkType.RAW);
  t.like(bad.stop, { layer: Layer.Raw, kind: 'error', detail: 'IP version 5 is neither 4 nor 6' });
  t.like(d.decode(bytes(), LinkType.RAW).stop, { layer: Layer.Ipv4, offset: 0, required: 20, available: 0, kind: 'truncated' });
  t.like(d.decode(v6, LinkType.IPV4).stop, { layer: Layer.Ipv4, kind: 'error', detail: 'version 6 != 4' });
  t.like(d.decode(v4, LinkType.IPV6).stop, { layer: Layer.Ipv6, kind: 'error', detail: 'version 4 != 6' });
});

test('an unsupported link type is an error at the link layer', (t) => {
  const p = d.decode(v4, 147);
  t.like(p.stop, { layer: Layer.Link, offset: 0, kind: 'error', detail: 'link type 147 not supported' });
  t.is(p.payloadLength, v4.length);
  t.is(d.decode(v4, -1).stop?.layer, Layer.Link);
  t.is(d.decode(v4, 2 ** 32 + 1).stop?.layer, Layer.Link);
});
