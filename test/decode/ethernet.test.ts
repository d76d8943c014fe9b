import test from 'ava';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { VLAN_CAPACITY } from '../../src/decoders/vlan.js';
import { be16, bytes, concat, ether, ipv4, udp, vlanTag } from '../helpers/frames.js';

const d = new Decoder();
const A = '00:11:22:33:44:55', B = '66:77:88:99:aa:bb';

test('Ethernet II: addresses, EtherType, offsets, payload', (t) => {
  // tcpdump -e: 66:77:88:99:aa:bb > 00:11:22:33:44:55, ethertype Unknown (0x88b5), length 18
  const f = ether(A, B, 0x88b5, bytes(1, 2, 3, 4));
  const p = d.decode(f, LinkType.EN10MB);
  t.is(p.ethernet?.dst, A);
  t.is(p.ethernet?.src, B);
  t.deepEqual([...p.ethernet!.dstBytes], [0x00, 0x11, 0x22, 0x33, 0x44, 0x55]);
  t.deepEqual([...p.ethernet!.srcBytes], [0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb]);
  t.is(p.ethernet?.etherType, 0x88b5);
  t.false(p.ethernet!.isLength);
  t.is(p.ethernet?.offset, 0);
  t.is(p.ethernet?.length, 14);
  t.deepEqual([...p.ethernet!.payload], [1, 2, 3, 4]);
  t.is(p.payloadOffset, 14);
  t.deepEqual([...p.payload], [1, 2, 3, 4]);
  t.is(p.stop, undefined);
  t.false(p.truncated);
  t.is(p.ipv4, undefined);
});

test('802.3 length frame with LLC: padding is not payload, reported as LLC', (t) => {
  // STP-like BPDU: DSAP 0x42 SSAP 0x42 UI, 3 bytes of data, length field 6, then 40 bytes padding
  const f = concat(ether(A, B, 6, bytes(0x42, 0x42, 0x03, 9, 9, 9)), new Uint8Array(40));
  const p = d.decode(f, LinkType.EN10MB);
  t.true(p.ethernet!.isLength);
  t.is(p.ethernet!.etherType, 6);
  t.is(p.llc?.dsap, 0x42);
  t.is(p.llc?.ssap, 0x42);
  t.is(p.llc?.control, 3);
  t.false(p.llc!.isSnap);
  t.is(p.llc?.offset, 14);
  t.is(p.llc?.length, 3);
  t.is(p.payloadOffset, 17);
  t.deepEqual([...p.payload], [9, 9, 9]);
});

test('802.3 + LLC/SNAP with OUI 0 continues by EtherType', (t) => {
  const ip = ipv4({ proto: 17 }, udp(1, 2, bytes(7)));
  const snap = concat(bytes(0xaa, 0xaa, 0x03, 0, 0, 0), be16(0x0800), ip);
  const p = d.decode(ether(A, B, snap.length, snap), LinkType.EN10MB);
  t.true(p.llc!.isSnap);
  t.is(p.llc?.oui, 0);
  t.is(p.llc?.etherType, 0x0800);
  t.is(p.ipv4?.offset, 22);
  t.is(p.udp?.dstPort, 2);
});

test('LLC I-frame has a 2-byte control field', (t) => {
  const p = d.decode(ether(A, B, 5, bytes(0xf0, 0xf0, 0x00, 0x02, 0xee)), LinkType.EN10MB);
  t.is(p.llc?.length, 4);
  t.is(p.llc?.control, 0x0002);
  t.deepEqual([...p.payload], [0xee]);
});

test('802.1Q tag: priority, DEI, id, inner EtherType', (t) => {
  // tcpdump -e: ... ethertype 802.1Q (0x8100), length 46: vlan 100, p 5, ethertype IPv4 (0x0800), IP 10.0.0.1.1 > 10.0.0.2.2: UDP, length 0
  const f = ether(A, B, 0x8100, concat(be16((5 << 13) | 0x1000 | 100), be16(0x0800), ipv4({ proto: 17 }, udp(1, 2))));
  const p = d.decode(f, LinkType.EN10MB);
  t.is(p.vlan?.length, 1);
  const v = p.vlan![0]!;
  t.is(v.tpid, 0x8100);
  t.is(v.priority, 5);
  t.true(v.dei);
  t.is(v.id, 100);
  t.is(v.etherType, 0x0800);
  t.is(v.offset, 14);
  t.is(v.length, 4);
  t.is(p.ipv4?.offset, 18);
  t.is(p.udp?.srcPort, 1);
});

test('802.1ad QinQ: every stacked tag, outermost first', (t) => {
  const f = ether(A, B, 0x88a8, vlanTag(10, 0x8100, 0, vlanTag(20, 0x8100, 0, vlanTag(30, 0x0800, 3, ipv4({ proto: 17 }, udp(5, 6))))));
  const p = d.decode(f, LinkType.EN10MB);
  t.deepEqual(p.vlan!.map((v) => [v.tpid, v.id, v.priority, v.offset]), [[0x88a8, 10, 0, 14], [0x8100, 20, 0, 18], [0x8100, 30, 3, 22]]);
  t.is(p.ipv4?.offset, 26);
  t.is(p.udp?.dstPort, 6);
  // The list is reused: the next packet without tags has none.
  t.is(d.decode(ether(A, B, 0x0800, ipv4({ proto: 17 }, udp(5, 6))), LinkType.EN10MB).vlan, undefined);
});

test(`more than ${VLAN_CAPACITY} tags: the first ${VLAN_CAPACITY} are reported, the rest stays payload`, (t) => {
  let inner: Uint8Array = ipv4({ proto: 17 }, udp(5, 6));
  inner = vlanTag(99, 0x0800, 0, inner);
  for (let i = VLAN_CAPACITY; i >= 1; i--) inner = vlanTag(i, 0x8100, 0, inner);
  const p = d.decode(ether(A, B, 0x8100, inner), LinkType.EN10MB);
  t.is(p.vlan?.length, VLAN_CAPACITY);
  t.deepEqual(p.vlan!.map((v) => v.id), Array.from({ length: VLAN_CAPACITY }, (_, i) => i + 1));
  t.is(p.ipv4, undefined);
  t.is(p.stop, undefined);
  t.is(p.payloadOffset, 14 + 4 * VLAN_CAPACITY);
});

test('VLAN tag cut short stops at 802.1Q with the numbers', (t) => {
  const f = ether(A, B, 0x8100, vlanTag(7, 0x0800, 0, ipv4({ proto: 17 }, udp(5, 6))));
  const p = d.decode(f.subarray(0, 16), LinkType.EN10MB);
  t.is(p.ethernet?.src, B);
  t.is(p.vlan, undefined);
  t.like(p.stop, { layer: Layer.Vlan, offset: 14, kind: 'truncated', required: 4, available: 2, lenSource: 'caplen' });
  t.true(p.truncated);
  t.is(p.stop?.toString(), '802.1Q header: 4 bytes needed, 2 captured (caplen), at byte 14');
});

test('ARP request/reply (Ethernet/IPv4)', (t) => {
  // tcpdump: ARP, Request who-has 10.0.0.2 tell 10.0.0.1, length 46
  const arp = concat(be16(1), be16(0x0800), bytes(6, 4), be16(1), bytes(0, 0x11, 0x22, 0x33, 0x44, 0x55), bytes(10, 0, 0, 1), new Uint8Array(6), bytes(10, 0, 0, 2));
  const p = d.decode(concat(ether('ff:ff:ff:ff:ff:ff', A, 0x0806, arp), new Uint8Array(18)), LinkType.EN10MB);
  const a = p.arp!;
  t.is(a.hardwareType, 1);
  t.is(a.protocolType, 0x0800);
  t.is(a.hardwareSize, 6);
  t.is(a.protocolSize, 4);
  t.is(a.operation, 1);
  t.true(a.isEthernetIpv4);
  t.is(a.senderHardwareAddress, A);
  t.is(a.senderProtocolAddress, '10.0.0.1');
  t.is(a.targetHardwareAddress, '00:00:00:00:00:00');
  t.is(a.targetProtocolAddress, '10.0.0.2');
  t.is(a.src, '10.0.0.1');
  t.is(a.dst, '10.0.0.2');
  t.deepEqual([...a.targetProtocolBytes], [10, 0, 0, 2]);
  t.is(a.offset, 14);
  t.is(a.length, 28);
  t.is(p.payloadOffset, 42);
  t.is(p.payloadLength, 18);
});

test('ARP with other address sizes reads them as hex and needs 8 + 2(hln + pln) bytes', (t) => {
  const arp = concat(be16(6), be16(0x0800), bytes(2, 4), be16(2), bytes(0xab, 0xcd), bytes(1, 2, 3, 4), bytes(0xef, 0x01), bytes(5, 6, 7, 8));
  const p = d.decode(ether(A, B, 0x0806, arp), LinkType.EN10MB);
  t.is(p.arp?.senderHardwareAddress, 'abcd');
  t.is(p.arp?.targetHardwareAddress, 'ef01');
  t.is(p.arp?.targetProtocolAddress, '5.6.7.8');
  const q = d.decode(ether(A, B, 0x0806, arp.subarray(0, 19)), LinkType.EN10MB);
  t.like(q.stop, { layer: Layer.Arp, offset: 14, required: 20, available: 19, kind: 'truncated' });
});

test('RARP uses the ARP view', (t) => {
  const arp = concat(be16(1), be16(0x0800), bytes(6, 4), be16(3), new Uint8Array(20));
  t.is(d.decode(ether(A, B, 0x8035, arp), LinkType.EN10MB).arp?.operation, 3);
});

test('unknown EtherType: payload after the Ethernet header, no stop', (t) => {
  const p = d.decode(ether(A, B, 0x88b5, bytes(1, 2)), LinkType.EN10MB);  // IEEE 802 local experimental: no decoder
  t.is(p.stop, undefined);
  t.is(p.payloadOffset, 14);
  t.is(p.payloadLength, 2);
});
