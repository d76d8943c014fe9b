import test from 'ava';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { TcpFlags } from '../../src/decoders/tcp.js';
import { be16, be32, bytes, concat, ether, ipv4, ipv6, tcp, udp } from '../helpers/frames.js';

const d = new Decoder();
const eth4 = (ip: Uint8Array): Uint8Array => ether('00:00:00:00:00:02', '00:00:00:00:00:01', 0x0800, ip);
const v4tcp = (f: Parameters<typeof tcp>[0], payload?: Uint8Array): Uint8Array => eth4(ipv4({ proto: 6 }, tcp(f, payload)));

test('TCP header fields and flags', (t) => {
  // IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [FSRPUEW], seq 305419896:305419899, ack 2596069104, win 4096, urg 7, length 3
  const f = v4tcp({ sport: 40000, dport: 80, seq: 0x12345678, ack: 0x9abcdef0, flags: 0xff, win: 4096, urg: 7 }, bytes(1, 2, 3));
  const c = d.decode(f, LinkType.EN10MB).tcp!;
  t.is(c.srcPort, 40000);
  t.is(c.dstPort, 80);
  t.is(c.seq, 0x12345678);
  t.is(c.ack, 0x9abcdef0);
  t.is(c.flags, 0xff);
  t.true(c.fin && c.syn && c.rst && c.psh && c.ackFlag && c.urg && c.ece && c.cwr);
  t.is(c.window, 4096);
  t.is(c.urgentPointer, 7);
  t.is(c.dataOffset, 20);
  t.is(c.offset, 34);
  t.is(c.length, 20);
  t.deepEqual([...c.payload], [1, 2, 3]);
  t.deepEqual(c.options, []);
});

test('TCP AE (ex-NS) bit is flag 0x100', (t) => {
  const f = v4tcp({ flags: TcpFlags.SYN });
  f[34 + 12] |= 1;
  t.is(d.decode(f, LinkType.EN10MB).tcp?.flags, TcpFlags.SYN | TcpFlags.AE);
});

test('every TCP option kind: MSS, NOP, window scale, SACK-permitted, SACK, timestamps, unknown, EOL', (t) => {
  const opts = concat(
    bytes(2, 4), be16(1460), // MSS
    bytes(1), // NOP
    bytes(3, 3, 7), // window scale
    bytes(4, 2), // SACK permitted
    bytes(5, 10), be32(100), be32(200), // SACK, 1 block
    bytes(8, 10), be32(0xaabbccdd), be32(0x11223344), // timestamps
    bytes(34, 6, 1, 2, 3, 4), // TFO cookie: reported by kind and length
    bytes(0), // EOL
  );
  const f = v4tcp({ options: opts });
  const c = d.decode(f, LinkType.EN10MB).tcp!;
  t.is(d.packet.stop, undefined);
  t.deepEqual(c.options, [
    { kind: 2, offset: 54, length: 4, value: 1460 },
    { kind: 1, offset: 58, length: 1 },
    { kind: 3, offset: 59, length: 3, value: 7 },
    { kind: 4, offset: 62, length: 2 },
    { kind: 5, offset: 64, length: 10, blocks: [100, 200] },
    { kind: 8, offset: 74, length: 10, tsval: 0xaabbccdd, tsecr: 0x11223344 },
    { kind: 34, offset: 84, length: 6 },
    { kind: 0, offset: 90, length: 1 },
  ]);
  t.is(c.mss, 1460);
  t.is(c.windowScale, 7);
  t.true(c.sackPermitted);
  t.deepEqual(c.sackBlocks, [100, 200]);
  t.deepEqual(c.timestamps, { tsval: 0xaabbccdd, tsecr: 0x11223344 });
  t.is(c.findOption(34), 84);
  t.is(c.headerLength, 60);
});

test('TCP NOP NOP TS fast path reads the same as the general walk', (t) => {
  const f = v4tcp({ flags: 0x10, options: concat(bytes(1, 1, 8, 10), be32(5), be32(6)) }, bytes(9));
  const c = d.decode(f, LinkType.EN10MB).tcp!;
  t.deepEqual(c.timestamps, { tsval: 5, tsecr: 6 });
  t.is(c.mss, undefined);
  t.false(c.sackPermitted);
  t.is(c.sackBlocks, undefined);
  t.is(c.payloadSize, 1);
});

test('TCP options after EOL are not read', (t) => {
  const c = d.decode(v4tcp({ options: bytes(0, 2, 4, 5, 0xb4) }), LinkType.EN10MB).tcp!;
  t.is(c.mss, undefined);
  t.deepEqual(c.options.map((o) => o.kind), [0]);
});

test('TCP option length past the header is an error at TCP; the header stays usable', (t) => {
  const c = d.decode(v4tcp({ sport: 1, options: bytes(1, 1, 8, 10, 0, 0, 0, 0) }), LinkType.EN10MB);
  t.is(c.tcp?.srcPort, 1);
  t.like(c.stop, { layer: Layer.Tcp, offset: 34, kind: 'error' });
  t.is(c.stop?.detail, 'option kind 8 length 10 past the header (6 bytes left)');
  t.is(c.error, 'TCP at byte 34: option kind 8 length 10 past the header (6 bytes left)');
});

test('TCP option length < 2 and a missing length byte are errors', (t) => {
  t.is(d.decode(v4tcp({ options: bytes(2, 1, 0, 0) }), LinkType.EN10MB).stop?.detail, 'option kind 2 length 1 < 2');
  t.is(d.decode(v4tcp({ options: bytes(1, 1, 1, 2) }), LinkType.EN10MB).stop?.detail, 'option kind 2 at byte 57 has no length byte');
});

test('TCP data offset < 5 is an error', (t) => {
  const p = d.decode(v4tcp({ dataOffset: 4 }), LinkType.EN10MB);
  t.is(p.tcp, undefined);
  t.like(p.stop, { layer: Layer.Tcp, offset: 34, kind: 'error', detail: 'data offset 4 < 5' });
  t.is(p.payloadOffset, 34);
});

test('TCP data offset past the segment is cut short or an error depending on what bounded it', (t) => {
  const f = v4tcp({ dataOffset: 15 }, new Uint8Array(10));
  t.like(d.decode(f, LinkType.EN10MB).stop, { layer: Layer.Tcp, required: 60, available: 30, kind: 'error', lenSource: 'ipv4-total-length' });
  t.like(d.decode(f.subarray(0, 60), LinkType.EN10MB).stop, { layer: Layer.Tcp, required: 60, available: 26, kind: 'truncated', lenSource: 'caplen' });
  const cut = eth4(ipv4({ proto: 6, totalLength: 200 }, tcp({ dataOffset: 15 })));
  t.like(d.decode(cut, LinkType.EN10MB).stop, { layer: Layer.Tcp, required: 60, available: 20, kind: 'truncated', lenSource: 'caplen' });
});

test('DNS over TCP: the length prefix, on either port', (t) => {
  const msg = concat(be16(0x4242), be16(0x0100), be16(0), be16(0), be16(0), be16(0));
  const p = d.decode(v4tcp({ sport: 53, dport: 33333, flags: 0x18 }, concat(be16(12), msg)), LinkType.EN10MB);
  t.is(p.dns?.id, 0x4242);
  t.true(p.dns!.overTcp);
  t.is(p.dns?.tcpLength, 12);
  t.is(p.dns?.offset, 54);
});

test('DNS over TCP continued in the next segment is a cut at the segment, not an error', (t) => {
  // From port 53 to an ephemeral port (the builder's default destination, 80, is HTTP's, which tcpdump tests first).
  const msg = concat(be16(7), be16(0x8180), be16(1), be16(0), be16(0), be16(0), bytes(3, 0x61, 0x62, 0x63, 0));
  // To a port of no application layer (the helper's default, 80, is HTTP's, which the decoder would pick first).
  const p = d.decode(v4tcp({ sport: 53, dport: 40001, flags: 0x10 }, concat(be16(300), msg)), LinkType.EN10MB);
  t.is(p.dns?.id, 7);
  t.like(p.stop, { layer: Layer.Dns, offset: 54, kind: 'truncated', lenSource: 'tcp-segment' });
  t.is(p.stop?.toString(), `DNS header: ${2 + msg.length + 4} bytes needed, ${2 + msg.length} within the tcp-segment, at byte 54 (question 1)`);
  const one = d.decode(v4tcp({ sport: 53, dport: 40001, flags: 0x10 }, bytes(0)), LinkType.EN10MB);
  t.like(one.stop, { layer: Layer.Dns, required: 2, available: 1, kind: 'truncated', lenSource: 'tcp-segment' });
});

test('UDP fields; the UDP length ends the datagram', (t) => {
  const f = eth4(ipv4({ proto: 17, totalLength: 40 }, concat(udp(5353, 5354, bytes(1, 2), 10), new Uint8Array(10))));
  const p = d.decode(f, LinkType.EN10MB);
  const u = p.udp!;
  t.is(u.srcPort, 5353);
  t.is(u.dstPort, 5354);
  t.is(u.datagramLength, 10);
  t.is(u.checksum, 0);
  t.is(u.offset, 34);
  t.is(u.length, 8);
  t.deepEqual([...u.payload], [1, 2]);
  t.is(p.payloadLength, 2);
  t.false(u.incomplete);
});

test('UDP length < 8 is an error', (t) => {
  const p = d.decode(eth4(ipv4({ proto: 17 }, udp(1, 2, bytes(), 7))), LinkType.EN10MB);
  t.is(p.udp, undefined);
  t.like(p.stop, { layer: Layer.Udp, kind: 'error', detail: 'length 7 < 8' });
});

test('UDP length past the IP payload is an error; past the capture it is a cut', (t) => {
  const p = d.decode(eth4(ipv4({ proto: 17 }, udp(1, 2, bytes(1, 2), 100))), LinkType.EN10MB);
  t.like(p.stop, { layer: Layer.Udp, kind: 'error', detail: 'length 100 > 10 bytes left in the ipv4-total-length' });
  const full = eth4(ipv4({ proto: 17 }, udp(1, 2, new Uint8Array(50))));
  const q = d.decode(full.subarray(0, 50), LinkType.EN10MB);
  t.true(q.udp!.incomplete);
  t.true(q.truncated);
  t.is(q.stop, undefined);
  t.is(q.payloadLength, 8);
});

test('UDP over IPv6', (t) => {
  const p = d.decode(ether('00:00:00:00:00:02', '00:00:00:00:00:01', 0x86dd, ipv6({ nh: 17 }, udp(1, 2, bytes(3)))), LinkType.EN10MB);
  t.is(p.udp?.offset, 54);
  t.deepEqual([...p.payload], [3]);
});
