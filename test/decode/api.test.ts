// The public API as a user imports it: from the package name itself.
import test from 'ava';
import { Decoder, DecodeStop, Ipv4, Layer, LinkType, Packet, Tcp, describeStop, layerName } from 'vcap';
import type { DnsRecord, TcpOption } from 'vcap';
import { be16, bytes, concat, ether, ipv4, tcp, udp } from '../helpers/frames.js';

const syn = ether('00:00:00:00:00:02', '00:00:00:00:00:01', 0x0800,
  ipv4({ proto: 6, src: '192.0.2.1', dst: '192.0.2.2', ttl: 61 }, tcp({ sport: 1234, dport: 443, flags: 0x02, options: concat(bytes(2, 4), be16(1460)) })));

test("import { Decoder } from 'vcap' decodes a frame", (t) => {
  const d = new Decoder();
  const p = d.decode(syn, LinkType.EN10MB);
  t.true(p instanceof Packet);
  t.true(p.ipv4 instanceof Ipv4);
  t.true(p.tcp instanceof Tcp);
  t.is(p.ipv4?.ttl, 61);
  t.is(p.tcp?.dstPort, 443);
  const opts: TcpOption[] = p.tcp!.options;
  t.is(opts[0]!.value, 1460);
  const none: DnsRecord[] = [];
  t.is(none.length, 0);
  t.is(layerName(Layer.Tcp), 'TCP');
});

test('decode(buf, linkType, offset, capLen) reads a frame inside a larger region without a subarray', (t) => {
  const region = concat(new Uint8Array(100).fill(0xff), syn, new Uint8Array(50).fill(0xee));
  const d = new Decoder();
  const p = d.decode(region, LinkType.EN10MB, 100, syn.length);
  t.is(p.ethernet?.offset, 0);
  t.is(p.ethernet?.off, 100);
  t.is(p.tcp?.offset, 34);
  t.is(p.tcp?.srcPort, 1234);
  t.is(p.payloadLength, 0);
  t.deepEqual([...p.bytes], [...syn]);
  // A capLen past the region is clamped to it, and nothing after the region is read.
  const q = d.decode(region, LinkType.EN10MB, region.length - 10, 1000);
  t.is(q.capLen, 10);
  t.like(q.stop, { layer: Layer.Ethernet, required: 14, available: 10 });
  t.is(d.decode(region, LinkType.EN10MB, 5000).capLen, 0);
});

test('the same Packet and views are reused; clone() keeps an independent copy', (t) => {
  const d = new Decoder();
  const p = d.decode(syn, LinkType.EN10MB);
  const tcpView = p.tcp;
  const kept = p.clone();
  const other = ether('00:00:00:00:00:02', '00:00:00:00:00:01', 0x0800, ipv4({ proto: 17, ttl: 9 }, udp(53, 53)));
  const q = d.decode(other, LinkType.EN10MB);
  t.is(q, p);
  t.is(q.tcp, undefined);
  t.is(q.ipv4?.ttl, 9);
  t.is(tcpView, d.decode(syn, LinkType.EN10MB).tcp);
  d.decode(other, LinkType.EN10MB);
  t.is(kept.ipv4?.ttl, 61);
  t.is(kept.tcp?.dstPort, 443);
  t.not(kept.buf, syn);
});

test('toJSON() gives an owned plain object with the layers, payload and stop', (t) => {
  const d = new Decoder();
  const j = JSON.parse(JSON.stringify(d.decode(syn.subarray(0, 40), LinkType.EN10MB)));
  t.deepEqual(j, {
    linkType: 'EN10MB', capLen: 40,
    ethernet: { offset: 0, length: 14, dst: '00:00:00:00:00:02', src: '00:00:00:00:00:01', etherType: 0x0800 },
    ipv4: { offset: 14, length: 20, tos: 0, totalLength: 44, id: 0x1234, flags: 2, fragmentOffset: 0, ttl: 61, protocol: 6, checksum: j.ipv4.checksum, src: '192.0.2.1', dst: '192.0.2.2', incomplete: true },
    payloadOffset: 34, payloadLength: 6, truncated: true,
    stop: { layer: 'TCP', offset: 34, kind: 'truncated', required: 20, available: 6, lenSource: 'caplen', detail: '' },
  });
});

test('describeStop and DecodeStop', (t) => {
  const p = new Decoder().decode(syn.subarray(0, 48), LinkType.EN10MB);
  t.true(p.stop instanceof DecodeStop);
  t.is(describeStop(p.stop!), 'TCP header: 20 bytes needed, 14 captured (caplen), at byte 34');
  t.is(p.error, undefined);
});
