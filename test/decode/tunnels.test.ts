// GRE, VXLAN, Geneve, MPLS, ESP and AH in the decoder: the fields of real frames (tcpdump's test
// captures), every cut stopping in the layer at its offset, and fields that contradict each other.
import test from 'ava';
import { join } from 'node:path';
import { openCaptureFile } from '../../src/capture/capture-file.js';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import type { Packet } from '../../src/decoders/packet.js';
import { Ah } from '../../src/decoders/ah.js';
import { Esp } from '../../src/decoders/esp.js';
import { Geneve } from '../../src/decoders/geneve.js';
import { Gre } from '../../src/decoders/gre.js';
import { Mpls } from '../../src/decoders/mpls.js';
import { Vxlan } from '../../src/decoders/vxlan.js';
import { be32, concat, ether, fromHex, icmp, ipv4, udp } from '../helpers/frames.js';
import { repoRoot } from '../helpers/netns.js';

const d = new Decoder();

/** Frame `n` (from 0) of a capture under test/pcaps, decoded. */
function frame(path: string[], n = 0): Packet {
  const f = openCaptureFile(join(repoRoot, 'test', 'pcaps', ...path));
  try {
    for (;;) {
      const b = f.next();
      if (b === undefined || b === null) throw new Error(`${path.join('/')}: no frame ${n}`);
      if (n < b.count) return d.decode(b.bytes.slice(), b.linkType, b.offset[n], b.capLen[n]);
      n -= b.count;
    }
  } finally {
    f.close();
  }
}

const inner = ipv4({ proto: 1, src: '192.168.0.1', dst: '192.168.0.2' }, icmp(8, 0, be32(0x00010002)));
const ip = (proto: number, payload: Uint8Array): Uint8Array => ipv4({ proto, src: '10.0.0.1', dst: '10.0.0.2' }, payload);

/** Every cut of `f` from `from` to `to` (exclusive) stops in `layer` at `offset`, needing `required(have)` bytes. */
function cuts(t: import('ava').ExecutionContext, f: Uint8Array, linkType: number, layer: number, offset: number, to: number,
  required: (have: number) => number): void {
  for (let cap = offset; cap < to; cap++) {
    const p = d.decode(f.subarray(0, cap), linkType);
    t.like(p.stop, { layer, offset, required: required(cap - offset), available: cap - offset, kind: 'truncated' }, `cap ${cap}`);
    t.is(p.layer(layer), undefined);
  }
}

test('ESP: a real packet (SPI, sequence number); cut in the header', (t) => {
  const p = frame(['tunnels', '02-sunrise-sunset-esp.pcap']);
  t.is(p.stop, undefined);
  const esp = p.layer(Layer.Esp) as Esp;
  t.true(esp instanceof Esp);
  t.deepEqual(esp.toJSON(), { offset: 34, length: 8, spi: 0x12345678, sequence: 1 });
  t.is(p.payloadOffset, 42);
  t.is(p.payloadLength, 108);
  cuts(t, ip(50, fromHex('12345678 00000001 aabbccdd')), LinkType.IPV4, Layer.Esp, 20, 28, () => 8);
});

test('AH: the real header of an OSPFv3 hello (after IPv6 an extension header, decoded from there); cuts; a length under 12 bytes', (t) => {
  const p = frame(['tunnels', 'OSPFv3_with_AH.pcap']);
  const ext = p.ipv6!.extensions;
  t.like(ext, [{ type: 51, offset: 54, length: 24, nextHeader: 89 }]);
  // The printer's way into it: a decode from the AH header on.
  const q = new Decoder().decodeFrom(Layer.Ah, p.buf, p.linkType, p.base, p.base + 54, p.capEnd);
  const ah = q.layer(Layer.Ah) as Ah;
  t.true(ah instanceof Ah);
  t.deepEqual(ah.toJSON(), { offset: 54, length: 24, nextHeader: 89, reserved: 0, spi: 0x100, sequence: 0x13, icv: '21d3a95c5ffd4d184622b9f8' });
  t.is(q.layer(Layer.Ospf)?.offset, 78);
  // After IPv4 AH is a layer of the walk, and the walk goes on with its next header.
  const a = ip(51, concat(fromHex('11040000 00000100 00000013 21d3a95c 5ffd4d18 4622b9f8'), udp(1, 2, fromHex('61626364'))));
  const v = d.decode(a, LinkType.IPV4);
  t.is(v.stop, undefined);
  t.like((v.layer(Layer.Ah) as Ah).toJSON(), { offset: 20, length: 24, nextHeader: 17, spi: 0x100, sequence: 0x13 });
  t.like(v.udp?.toJSON(), { offset: 44, srcPort: 1, dstPort: 2 });
  cuts(t, a, LinkType.IPV4, Layer.Ah, 20, 44, (have) => (have < 12 ? 12 : 24));
  t.like(d.decode(ip(51, fromHex('11000000 00000100 00000013')), LinkType.IPV4).stop,
    { layer: Layer.Ah, offset: 20, kind: 'error', detail: 'header length 8 < 12' });
});

test('GRE: a real PPTP packet (version 1: call ID, sequence); version 0 with every optional field and source routes; cuts; version 2', (t) => {
  const p = frame(['tunnels', 'pptp.pcap'], 15);
  const g = p.layer(Layer.Gre) as Gre;
  t.true(g instanceof Gre);
  t.deepEqual(g.toJSON(), { offset: 34, length: 12, flags: 0x3000, version: 1, protocol: 0x880b, payloadLength: 48, callId: 0, sequence: 0 });
  const v0 = ip(47, concat(fromHex('f0000800 abcd0004 0000002a 00000007 08000004 0a000001 fffe0004 00010002 00000000'), inner));
  const q = d.decode(v0, LinkType.IPV4);
  t.is(q.stop, undefined);
  const h = q.layer(Layer.Gre) as Gre;
  t.deepEqual(h.toJSON(), {
    offset: 20, length: 36, flags: 0xf000, version: 0, protocol: 0x0800, checksum: 0xabcd, routingOffset: 4, key: 42, sequence: 7,
    routes: [{ addressFamily: 0x0800, sreOffset: 0, sreLength: 4 }, { addressFamily: 0xfffe, sreOffset: 0, sreLength: 4 }],
  });
  const sre = h.firstSre();
  t.is(sre.ipv4Hop(0), '10.0.0.1');
  t.is(sre.next().asHop(2), 2);
  cuts(t, v0, LinkType.IPV4, Layer.Gre, 20, 56, (have) => (have < 4 ? 4 : have < 20 ? 20 : have < 28 ? 28 : 36));
  t.like(d.decode(ip(47, fromHex('00020800')), LinkType.IPV4).stop, { layer: Layer.Gre, offset: 20, kind: 'error', detail: 'version 2' });
});

test('VXLAN: a real packet (flags, VNI) and the frame it carries; cut in the header', (t) => {
  const p = frame(['tcpdump-suite', 'vxlan.pcap']);
  t.is(p.stop, undefined);
  const v = p.layer(Layer.Vxlan) as Vxlan;
  t.true(v instanceof Vxlan);
  t.deepEqual(v.toJSON(), { offset: 42, length: 8, flags: 0x08, vni: 100 });
  const f = ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ip(17, udp(40000, 4789, fromHex('08000000 00006400'))));
  cuts(t, f, LinkType.EN10MB, Layer.Vxlan, 42, 50, () => 8);
});

test('Geneve: a real packet (flags, VNI, an option and its data); cut in the header and the options; version 1', (t) => {
  const p = frame(['tcpdump-suite', 'geneve.pcap']);
  const g = p.layer(Layer.Geneve) as Geneve;
  t.true(g instanceof Geneve);
  t.deepEqual(g.toJSON(), { offset: 42, length: 16, version: 0, flags: 0x40, protocol: 0x6558, vni: 10, options: [{ class: 0, type: 0x80, length: 8, data: [12] }] });
  const f = ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ip(17, udp(40000, 6081, fromHex('02400800 00000a00 00008001 0000000c'))));
  cuts(t, f, LinkType.EN10MB, Layer.Geneve, 42, 58, (have) => (have < 8 ? 8 : 16));
  t.like(d.decode(ip(17, udp(40000, 6081, fromHex('40006558 00000a00'))), LinkType.IPV4).stop,
    { layer: Layer.Geneve, offset: 28, kind: 'error', detail: 'version 1 != 0' });
});

test('MPLS: a real label stack; a two-label stack cut in each entry', (t) => {
  const p = frame(['tcpdump-suite', 'mpls-traceroute.pcap']);
  const m = p.layer(Layer.Mpls) as Mpls;
  t.true(m instanceof Mpls);
  t.deepEqual(m.toJSON(), { offset: 4, length: 4, labels: [{ label: 100704, trafficClass: 0, bottomOfStack: true, ttl: 1 }] });
  t.is(m.payloadVersion, 4);
  const f = ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x8847, concat(fromHex('00001040 00003140'), inner));
  const q = d.decode(f, LinkType.EN10MB);
  t.like((q.layer(Layer.Mpls) as Mpls).toJSON(), { length: 8, labels: [{ label: 1, ttl: 0x40, bottomOfStack: false }, { label: 3, bottomOfStack: true }] });
  cuts(t, f, LinkType.EN10MB, Layer.Mpls, 14, 22, (have) => (have < 4 ? 4 : 8));
});

test('the walk goes on into what a tunnel carries: VXLAN, GRE, Geneve, MPLS, IP in IP have their inner packet in `inner`, in the same decode', (t) => {
  const tcpIn = (src: string): Uint8Array => ipv4({ proto: 6, src, dst: '192.168.9.9' }, fromHex('04d20050 00000001 00000000 50022000 00000000'));
  const innerEth = ether('0a:00:00:00:00:02', '0a:00:00:00:00:01', 0x0800, tcpIn('192.168.1.1'));
  const outer = (payload: Uint8Array): Uint8Array => ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, payload);
  const vx = d.decode(outer(ip(17, udp(40000, 4789, concat(fromHex('08000000 00006400'), innerEth)))), LinkType.EN10MB);
  t.is(vx.stop, undefined);
  t.is((vx.layer(Layer.Vxlan) as Vxlan).vni, 100);
  t.is(vx.ipv4?.src, '10.0.0.1');
  t.is(vx.tcp, undefined);
  const vi = vx.inner!;
  t.deepEqual([vi.ethernet?.offset, vi.ethernet?.src, vi.ipv4?.offset, vi.ipv4?.src, vi.tcp?.srcPort, vi.tcp?.dstPort], [50, '0a:00:00:00:00:01', 64, '192.168.1.1', 1234, 80]);
  t.is(vi.inner, undefined);
  // toJSON: the inner packet's layers under `inner`, with its own payload and no link type.
  const j = vx.toJSON() as Record<string, Record<string, unknown>>;
  t.deepEqual(Object.keys(j), ['linkType', 'capLen', 'ethernet', 'ipv4', 'udp', 'vxlan', 'inner', 'payloadOffset', 'payloadLength']);
  t.deepEqual(Object.keys(j.inner!), ['ethernet', 'ipv4', 'tcp', 'payloadOffset', 'payloadLength']);
  t.like(j.inner, { ipv4: { src: '192.168.1.1' }, tcp: { dstPort: 80 }, payloadOffset: 104, payloadLength: 0 });

  const gre = d.decode(outer(ip(47, concat(fromHex('20000800 0000002a'), tcpIn('192.168.2.2')))), LinkType.EN10MB);
  t.is((gre.layer(Layer.Gre) as Gre).key, 42);
  t.deepEqual([gre.inner?.ipv4?.offset, gre.inner?.ipv4?.src, gre.inner?.tcp?.dstPort], [42, '192.168.2.2', 80]);
  // GRE carrying MPLS carrying IPv4: a tunnel in the inner packet is the inner packet's `inner`.
  const mpls = d.decode(outer(ip(47, concat(fromHex('00008847 00001140'), tcpIn('192.168.3.3')))), LinkType.EN10MB);
  t.is((mpls.inner?.layer(Layer.Mpls) as Mpls).label(0), 1);
  t.is(mpls.inner?.inner?.tcp?.dstPort, 80);
  const gen = d.decode(outer(ip(17, udp(40000, 6081, concat(fromHex('00006558 00000a00'), innerEth)))), LinkType.EN10MB);
  t.is(gen.inner?.tcp?.srcPort, 1234);
  const ipip = d.decode(outer(ip(4, tcpIn('192.168.4.4'))), LinkType.EN10MB);
  t.deepEqual([ipip.ipv4?.src, ipip.inner?.ipv4?.src, ipip.inner?.tcp?.dstPort], ['10.0.0.1', '192.168.4.4', 80]);
  // A cut inner packet: the outer layers are whole, the inner one stops, and the packet is truncated.
  const cut = d.decode(outer(ip(4, tcpIn('192.168.4.4'))).subarray(0, 14 + 20 + 20 + 10), LinkType.EN10MB);
  t.is(cut.stop, undefined);
  t.like(cut.inner?.stop, { layer: Layer.Tcp, offset: 54, kind: 'truncated' });
  t.true(cut.truncated);
  // Tunnels inside tunnels: followed to a fixed depth (the printers go on decoding as they need).
  let nested = tcpIn('192.168.5.5');
  for (let i = 0; i < 12; i++) nested = ip(4, nested);
  let p: Packet | undefined = d.decode(nested, LinkType.IPV4), depth = 0;
  while (p?.inner) { p = p.inner; depth++; }
  t.is(depth, 8);
});
