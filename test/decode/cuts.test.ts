// Every cut: each prefix of a frame must stop in the right layer, at that layer's offset, with
// the bytes it needed and the bytes there were; every layer before it stays decoded.
import test from 'ava';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer, layerName } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import type { Packet } from '../../src/decoders/packet.js';
import { be16, be32, bytes, concat, dnsHeader, dnsName, ether, ext6, frag6, icmp, ip6, ipv4, ipv6, tcp, udp, vlanTag } from '../helpers/frames.js';

interface Hdr {
  layer: Layer;
  offset: number;
  /** [bytes present below which…, …this many are required], in increasing order. */
  stages: [number, number][];
  /** The packet field set once this header is decoded (undefined: no field of its own). */
  present?: (p: Packet) => unknown;
}

const d = new Decoder();

/** `noStop`: caps where nothing is cut inside a header although the table says so (an options area cut exactly at its start). */
function everyCut(t: import('ava').ExecutionContext, frame: Uint8Array, linkType: number, hdrs: Hdr[], noStop: number[] = []): void {
  for (let cap = 0; cap <= frame.length; cap++) {
    const p = d.decode(frame.subarray(0, cap), linkType);
    const broken = noStop.includes(cap) ? undefined : hdrs.find((h) => cap - h.offset < h.stages[h.stages.length - 1]![0]);
    if (!broken) {
      t.is(p.stop, undefined, `cap ${cap}: no stop`);
      t.is(p.truncated, cap < frame.length, `cap ${cap}: truncated flag`);
      continue;
    }
    const avail = Math.max(0, cap - broken.offset);
    const required = broken.stages.find(([below]) => avail < below)![1];
    t.like(p.stop, { layer: broken.layer, offset: broken.offset, required, available: avail, kind: 'truncated', lenSource: 'caplen' }, `cap ${cap}`);
    t.true(p.truncated);
    for (const h of hdrs) {
      if (h === broken) break;
      if (h.present) t.truthy(h.present(p), `cap ${cap}: ${layerName(h.layer)} decoded`);
    }
    if (broken.present && broken.layer !== Layer.Ipv6Ext) t.falsy(broken.present(p), `cap ${cap}: broken layer absent`);
  }
}

test('Ethernet / IPv4 / TCP with 20 bytes of options / payload', (t) => {
  const f = ether('00:00:00:00:00:02', '00:00:00:00:00:01', 0x0800,
    // A port no application layer is registered on (the helper's default, 80, is HTTP's): the payload stays payload.
    ipv4({ proto: 6 }, tcp({ dport: 40001, options: concat(bytes(2, 4), be16(1460), bytes(4, 2, 8, 10), be32(1), be32(0), bytes(1, 3, 3, 7)) }, new Uint8Array(10))));
  everyCut(t, f, LinkType.EN10MB, [
    { layer: Layer.Ethernet, offset: 0, stages: [[14, 14]], present: (p) => p.ethernet },
    { layer: Layer.Ipv4, offset: 14, stages: [[20, 20]], present: (p) => p.ipv4 },
    { layer: Layer.Tcp, offset: 34, stages: [[20, 20], [40, 40]], present: (p) => p.tcp },
  ]);
});

test('Ethernet / QinQ / IPv6 / hop-by-hop / fragment / UDP / DNS', (t) => {
  const dns = concat(dnsHeader(9, 0x0100, 1, 0, 0, 0), dnsName('a.example'), be16(1), be16(1));
  const f = ether('00:00:00:00:00:02', '00:00:00:00:00:01', 0x88a8, vlanTag(1, 0x8100, 0, vlanTag(2, 0x86dd, 0,
    ipv6({ nh: 0 }, ext6(44, bytes(1, 4, 0, 0, 0, 0), frag6(17, 0, true, 5, udp(3333, 53, dns)))))));
  everyCut(t, f, LinkType.EN10MB, [
    { layer: Layer.Ethernet, offset: 0, stages: [[14, 14]], present: (p) => p.ethernet },
    { layer: Layer.Vlan, offset: 14, stages: [[4, 4]], present: (p) => p.vlan },
    { layer: Layer.Vlan, offset: 18, stages: [[4, 4]], present: (p) => p.vlan!.length >= 2 },
    { layer: Layer.Ipv6, offset: 22, stages: [[40, 40]], present: (p) => p.ipv6 },
    { layer: Layer.Ipv6Ext, offset: 62, stages: [[2, 2], [8, 8]], present: (p) => p.ipv6!.extCount >= 1 },
    { layer: Layer.Ipv6Ext, offset: 70, stages: [[8, 8]], present: (p) => p.ipv6!.extCount >= 2 },
    { layer: Layer.Udp, offset: 78, stages: [[8, 8]], present: (p) => p.udp },
    { layer: Layer.Dns, offset: 86, stages: [[12, 12], [13, 13], [14, 14], [15, 15], [22, 22], [23, 23], [27, 27]] },
  ]);
});

test('Linux SLL2 / IPv4 with options / ICMP echo', (t) => {
  const sll2 = concat(be16(0x0800), be16(0), be32(1), be16(1), bytes(0, 6), new Uint8Array(8));
  const f = concat(sll2, ipv4({ proto: 1, options: bytes(1, 1, 1, 0) }, icmp(8, 0, concat(be16(1), be16(2)), new Uint8Array(4))));
  everyCut(t, f, LinkType.LINUX_SLL2, [
    { layer: Layer.Sll2, offset: 0, stages: [[20, 20]], present: (p) => p.sll2 },
    { layer: Layer.Ipv4, offset: 20, stages: [[20, 20], [24, 24]], present: (p) => p.ipv4 },
    { layer: Layer.Icmp, offset: 44, stages: [[4, 4], [8, 8]], present: (p) => p.icmp },
  ]);
});

test('Ethernet / IPv6 / ICMPv6 neighbor solicitation with a source link-layer option', (t) => {
  const f = ether('33:33:ff:00:00:02', '00:00:00:00:00:01', 0x86dd,
    ipv6({ nh: 58 }, icmp(135, 0, be32(0), concat(ip6('fe80::2'), bytes(1, 1, 0, 0, 0, 0, 0, 1)), true)));
  everyCut(t, f, LinkType.EN10MB, [
    { layer: Layer.Ethernet, offset: 0, stages: [[14, 14]], present: (p) => p.ethernet },
    { layer: Layer.Ipv6, offset: 14, stages: [[40, 40]], present: (p) => p.ipv6 },
    { layer: Layer.Icmpv6, offset: 54, stages: [[4, 4], [24, 24], [26, 26], [32, 32]] },
  ], [78]); // the options area cut before its first byte: ICMPv6 is complete, the packet is only truncated
});

test('Ethernet / ARP and BSD loopback / IPv4 / UDP', (t) => {
  const arp = concat(be16(1), be16(0x0800), bytes(6, 4), be16(2), new Uint8Array(20));
  everyCut(t, ether('ff:ff:ff:ff:ff:ff', '00:00:00:00:00:01', 0x0806, arp), LinkType.EN10MB, [
    { layer: Layer.Ethernet, offset: 0, stages: [[14, 14]], present: (p) => p.ethernet },
    { layer: Layer.Arp, offset: 14, stages: [[8, 8], [28, 28]], present: (p) => p.arp },
  ]);
  everyCut(t, concat(bytes(2, 0, 0, 0), ipv4({ proto: 17 }, udp(1, 2, bytes(1, 2, 3)))), LinkType.NULL, [
    { layer: Layer.Null, offset: 0, stages: [[4, 4]], present: (p) => p.loopback },
    { layer: Layer.Ipv4, offset: 4, stages: [[20, 20]], present: (p) => p.ipv4 },
    { layer: Layer.Udp, offset: 24, stages: [[8, 8]], present: (p) => p.udp },
  ]);
});
