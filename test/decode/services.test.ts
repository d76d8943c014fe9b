// Services, tunnels and transports (issue 15): the fields of real frames through the library, and
// where a cut stops.
import test from 'ava';
import { Decoder } from '../../src/decoders/decoder.js';
import type { Dhcp6 } from '../../src/decoders/dhcp6.js';
import type { Tftp } from '../../src/decoders/tftp.js';
import type { Rtcp, Rtp } from '../../src/decoders/rtp.js';
import type { Vat } from '../../src/decoders/vat.js';
import type { Pgm } from '../../src/decoders/pgm.js';
import type { Zmtp1 } from '../../src/decoders/zmtp1.js';
import type { Dccp } from '../../src/decoders/dccp.js';
import type { Aoe } from '../../src/decoders/aoe.js';
import type { Resp } from '../../src/decoders/resp.js';
import type { Lisp } from '../../src/decoders/lisp.js';
import type { Ptp } from '../../src/decoders/ptp.js';
import type { Nsh } from '../../src/decoders/nsh.js';
import type { Otv } from '../../src/decoders/otv.js';
import type { VxlanGpe } from '../../src/decoders/vxlan-gpe.js';
import type { BcmLi } from '../../src/decoders/bcm-li.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { be16, be32, bytes, concat, ether, fromHex, ip6, ipv4, ipv6, tcp, udp } from '../helpers/frames.js';

const d = new Decoder();
const UDP6 = (sport: number, dport: number, payload: Uint8Array): Uint8Array =>
  ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x86dd, ipv6({ nh: 17 }, udp(sport, dport, payload)));
/** Where the UDP payload starts in those frames. */
const APP = 14 + 40 + 8;

const opt = (code: number, data: Uint8Array): Uint8Array => concat(be16(code), be16(data.length), data);

test('DHCPv6: a solicit and a relay-forward, field by field; the options as codes and lengths', (t) => {
  // tcpdump -v: dhcp6 solicit (xid=90b45c (client-ID hwaddr type 1 000102030405) (elapsed-time 0) (IA_NA IAID:33752069 T1:3600 T2:5400))
  const solicit = concat(fromHex('0190b45c'), opt(1, fromHex('00030001000102030405')), opt(8, be16(0)),
    opt(3, concat(be32(33752069), be32(3600), be32(5400))));
  const p = d.decode(UDP6(546, 547, solicit), LinkType.EN10MB);
  const m = p.layer(Layer.Dhcp6) as Dhcp6;
  t.is(p.stop, undefined);
  t.like(m.toJSON(), {
    offset: APP, length: 4, msgType: 1, transactionId: 0x90b45c,
    options: [{ code: 1, length: 10, offset: APP + 4 }, { code: 8, length: 2, offset: APP + 18 }, { code: 3, length: 12, offset: APP + 24 }],
  });
  t.is(m.hopCount, undefined);
  // The option view a printer walks: the IA_NA's fields, and where its options would start.
  const o = m.option.point(m.off + 24, m.end);
  t.deepEqual([o.code, o.dataLength, o.iaid, o.t1, o.t2, o.subOptionsStart - m.off], [3, 12, 33752069, 3600, 5400, 40]);

  const relay = concat(bytes(12, 1), ip6('2001:db8::1'), ip6('fe80::2'), opt(9, solicit));
  const r = d.decode(UDP6(547, 547, relay), LinkType.EN10MB).layer(Layer.Dhcp6) as Dhcp6;
  t.like(r.toJSON(), { length: 34, msgType: 12, hopCount: 1, linkAddress: '2001:db8::1', peerAddress: 'fe80::2', options: [{ code: 9, length: solicit.length }] });
  t.is(r.transactionId, undefined);
  // The relayed message, through the message view.
  t.deepEqual([r.message.point(r.off + 38, r.end).msgType, r.message.transactionId], [1, 0x90b45c]);
});

test('DHCPv6: a message cut in its header stops there; a relay header needs 34 bytes', (t) => {
  const frame = UDP6(546, 547, fromHex('0190b45c'));
  for (let cap = APP; cap < APP + 4; cap++) {
    const p = d.decode(frame.subarray(0, cap), LinkType.EN10MB);
    t.like(p.stop, { layer: Layer.Dhcp6, offset: APP, required: 4, available: cap - APP, kind: 'truncated' });
    t.is(p.layer(Layer.Dhcp6), undefined);
  }
  const relay = UDP6(547, 547, concat(bytes(13, 0), new Uint8Array(32)));
  t.like(d.decode(relay.subarray(0, APP + 20), LinkType.EN10MB).stop, { layer: Layer.Dhcp6, required: 34, available: 20 });
  // A UDP length that ends the message early is an error in the message, not a truncation.
  const short = UDP6(546, 547, fromHex('0190'));
  t.like(d.decode(short, LinkType.EN10MB).stop, { layer: Layer.Dhcp6, required: 4, available: 2, kind: 'error', lenSource: 'udp-length' });
});

const UDP4 = (sport: number, dport: number, payload: Uint8Array): Uint8Array =>
  ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ipv4({ proto: 17 }, udp(sport, dport, payload)));
const APP4 = 14 + 20 + 8;
const latin1 = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'latin1'));

test('TFTP: a read request, data and an error, field by field; a message cut in its opcode stops there', (t) => {
  // tcpdump: TFTP, length 14, RRQ "file1" octet
  const rrq = d.decode(UDP4(44935, 69, concat(be16(1), latin1('file1\0octet\0'))), LinkType.EN10MB).layer(Layer.Tftp) as Tftp;
  t.deepEqual(rrq.toJSON(), { offset: APP4, length: 2, opcode: 1, strings: ['file1', 'octet'] });
  const data = d.decode(UDP4(59557, 44935, concat(be16(3), be16(2), new Uint8Array(512))), LinkType.EN10MB);
  t.is(data.layer(Layer.Tftp), undefined);      // neither port is 69: a transfer's later packets are not TFTP by port
  const ack = d.decode(UDP4(69, 40000, concat(be16(4), be16(513))), LinkType.EN10MB).layer(Layer.Tftp) as Tftp;
  t.deepEqual([ack.opcode, ack.block], [4, 513]);
  const err = d.decode(UDP4(69, 40000, concat(be16(5), be16(1), latin1('File not found\0'))), LinkType.EN10MB).layer(Layer.Tftp) as Tftp;
  t.like(err.toJSON(), { opcode: 5, errorCode: 1, strings: ['File not found'] });
  const cut = d.decode(UDP4(40000, 69, be16(1)).subarray(0, APP4 + 1), LinkType.EN10MB);
  t.like(cut.stop, { layer: Layer.Tftp, offset: APP4, required: 2, available: 1, kind: 'truncated' });
});

test('RTP, RTCP and vat (reached by -T, so decoded from the UDP payload on request): fields and cuts', (t) => {
  const rtpMsg = concat(be32(0x80e00001), be32(160), be32(0x11223344), new Uint8Array(20));
  const frame = UDP4(5004, 5005, rtpMsg);
  const at = (layer: number, f: Uint8Array) => d.decodeFrom(layer, f, LinkType.EN10MB, 0, APP4, f.length);
  const rtp = at(Layer.Rtp, frame).layer(Layer.Rtp) as Rtp;
  t.deepEqual(rtp.toJSON(), { offset: APP4, length: 12, version: 2, payloadType: 96, marker: true, sequence: 1, timestamp: 160, ssrc: 0x11223344, extension: false });
  t.like(at(Layer.Rtp, frame.subarray(0, APP4 + 10)).stop, { layer: Layer.Rtp, offset: APP4, required: 12, available: 10 });
  const sr = concat(be16(0x80c8), be16(6), be32(42), be32(3900000000), be32(0x80000000), be32(160), be32(10), be32(1600), be16(0x81cb), be16(1), be32(42));
  const rtcp = at(Layer.Rtcp, UDP4(5005, 5004, sr)).layer(Layer.Rtcp) as Rtcp;
  t.deepEqual(rtcp.toJSON(), { offset: APP4, length: 8, packets: [{ packetType: 200, count: 0, length: 28, ssrc: 42 }, { packetType: 203, count: 1, length: 8, ssrc: 42 }] });
  const p = rtcp.packet.point(rtcp.off, rtcp.end);
  t.deepEqual([p.ntpSeconds, p.ntpFraction, p.rtpTimestamp, p.packetsSent, p.octetsSent], [3900000000, 0x80000000, 160, 10, 1600]);
  const vat = at(Layer.Vat, UDP4(5000, 3456, concat(be32(0x00841234), be32(99)))).layer(Layer.Vat) as Vat;
  t.deepEqual(vat.toJSON(), { offset: APP4, length: 8, vt: false, flagsWord: 0x00841234, timestamp: 99 });
});

test('PGM over IP protocol 113: header fields, a cut header; ZMTP/1.0 frames decoded from a TCP payload', (t) => {
  // tcpdump -v: 10.0.0.45.13320 > 239.255.0.16.5563: PGM, length 0 0x3329041eba74 SPM seq 92190 trail 21618 lead 54950 nla 10.0.0.45 [36]
  const spm = concat(be16(13320), be16(5563), bytes(0, 0), be16(0x1234), fromHex('3329041eba74'), be16(0),
    be32(92190), be32(21618), be32(54950), be16(1), be16(0), bytes(10, 0, 0, 45));
  const frame = ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ipv4({ proto: 113, src: '10.0.0.45', dst: '239.255.0.16' }, spm));
  const p = d.decode(frame, LinkType.EN10MB);
  t.is(p.stop, undefined);
  const g = p.layer(Layer.Pgm) as Pgm;
  t.deepEqual(g.toJSON(), { offset: 34, length: 16, srcPort: 13320, dstPort: 5563, type: 0, optionFlags: 0, checksum: 0x1234, globalSourceId: '3329041eba74', tsduLength: 0 });
  t.deepEqual([g.word32(16), g.word32(20), g.word32(24), g.word16(28), g.ipv4At(32)], [92190, 21618, 54950, 1, '10.0.0.45']);
  t.like(d.decode(frame.subarray(0, 34 + 15), LinkType.EN10MB).stop, { layer: Layer.Pgm, offset: 34, required: 16, available: 15, kind: 'truncated' });

  const stream = concat(bytes(3, 1, 0x61, 0x62), bytes(0), bytes(0xff), be32(0), be32(2), bytes(0, 0x63));
  const z = d.decodeFrom(Layer.Zmtp1, stream, LinkType.EN10MB, 0, 0, stream.length).layer(Layer.Zmtp1) as Zmtp1;
  t.deepEqual(z.toJSON(), { offset: 0, length: 0, frames: [{ length: '3', flags: 1 }, { length: '0', flags: 0 }, { length: '2', flags: 0 }] });
});

test('DCCP over IP protocol 33: a Response with 48-bit numbers and options, field by field; cuts and a data offset that lies', (t) => {
  // tcpdump -vv: DCCP-Response (service=0) (ack=38464816766) seq 1960341146 <nop, nop, change_l ack_ratio 2, ...>
  const hdr = concat(be16(5001), be16(39420), bytes(8, 0), be16(0xaaf3), bytes(3, 0), be16(0), be32(1960341146),
    be16(0), be16(8), be32(4105078398), be32(0), bytes(0, 0, 32, 4, 5, 2));
  const frame = ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ipv4({ proto: 33 }, hdr));
  const p = d.decode(frame, LinkType.EN10MB);
  t.is(p.stop, undefined);
  t.deepEqual((p.layer(Layer.Dccp) as Dccp).toJSON(), {
    offset: 34, length: 32, srcPort: 5001, dstPort: 39420, dataOffset: 32, ccval: 0, cscov: 0, checksum: 0xaaf3, type: 1, extended: true,
    sequence: 1960341146, ackNumber: 38464816766, serviceCode: 0,
  });
  t.like(d.decode(frame.subarray(0, 34 + 14), LinkType.EN10MB).stop, { layer: Layer.Dccp, offset: 34, required: 16, available: 14, kind: 'truncated' });
  t.like(d.decode(frame.subarray(0, 34 + 20), LinkType.EN10MB).stop, { layer: Layer.Dccp, required: 32, available: 20, kind: 'truncated' });
  const lie = frame.slice(); lie[34 + 4] = 2;
  t.like(d.decode(lie, LinkType.EN10MB).stop, { layer: Layer.Dccp, kind: 'error', detail: 'data offset 8 < 16' });
});

test('AoE by EtherType 0x88A2: an ATA command, field by field; a cut common header', (t) => {
  // tcpdump -v: AoE length 46, Ver 1, Flags: [none] / Major: 0x0014, Minor: 0x00, Command: Issue ATA Command, Tag: 0x0001cd4a / ... Cmd/Status: 236
  const msg = concat(bytes(0x10, 0), be16(0x14), bytes(0, 0), be32(0x1cd4a), bytes(0, 0, 1, 236, 0, 0, 0, 160, 0, 0, 0, 0), new Uint8Array(24));
  const frame = ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x88a2, msg);
  const a = d.decode(frame, LinkType.EN10MB).layer(Layer.Aoe) as Aoe;
  t.deepEqual(a.toJSON(), { offset: 14, length: 10, version: 1, flags: 0, error: 0, major: 0x14, minor: 0, command: 0, tag: 0x1cd4a });
  t.deepEqual([a.ataSectorCount, a.cmdStatus, a.lba(3)], [1, 236, 160]);
  t.like(d.decode(frame.subarray(0, 20), LinkType.EN10MB).stop, { layer: Layer.Aoe, offset: 14, required: 10, available: 6, kind: 'truncated' });
});

test('RESP on TCP port 6379: the payload as the application layer (found when the packet\'s payload is asked for)', (t) => {
  const frame = ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ipv4({ proto: 6 }, tcp({ sport: 40000, dport: 6379, flags: 0x18 }, latin1('*1\r\n$4\r\nPING\r\n'))));
  const p = d.decode(frame, LinkType.EN10MB);
  t.is(p.stop, undefined);
  t.deepEqual((p.layer(Layer.Resp) as Resp).toJSON(), { offset: 54, length: 14, firstType: '*' });
  t.is(d.decode(frame.subarray(0, 54), LinkType.EN10MB).layer(Layer.Resp), undefined);
});

test('LISP on UDP 4342: a Map-Register header and its first record, field by field; a cut header', (t) => {
  const msg = concat(bytes(0x32, 0x01, 0x00, 1), fromHex('0102030405060708'), be16(1), be16(0),
    be32(1440), bytes(1, 32, 0x10, 0), be16(0x0005), be16(1), bytes(10, 30, 1, 100), bytes(1, 100, 1, 100), be16(0), be16(1), bytes(20, 20, 8, 253));
  const frame = UDP4(40000, 4342, msg);
  const l = d.decode(frame, LinkType.EN10MB).layer(Layer.Lisp) as Lisp;
  t.deepEqual(l.toJSON(), { offset: APP4, length: 16, type: 3, flagsWord: 0x32010001, recordCount: 1, keyId: 1, authDataLength: 0 });
  t.true(l.xtrPresent);
  t.deepEqual([l.recordTtl(16), l.recordLocatorCount(16), l.recordMaskLength(16), l.recordMapVersion(16), l.recordAfi(16), l.ipv4At(28), l.locatorAfi(32), l.ipv4At(40)],
    [1440, 1, 32, 5, 1, '10.30.1.100', 1, '20.20.8.253']);
  t.like(d.decode(frame.subarray(0, APP4 + 10), LinkType.EN10MB).stop, { layer: Layer.Lisp, offset: APP4, required: 16, available: 10, kind: 'truncated' });
});

test('PTP on UDP 319 and EtherType 0x88F7: a Sync header, field by field; a cut header', (t) => {
  // tcpdump: PTPv2, ... msg type : sync msg, length : 44, domain : 44, ... Flags [unicast], NS correction : 105045, ... seq id : 1213, control : 0 (Sync)
  const msg = concat(bytes(0x00, 2), be16(44), bytes(44, 0), be16(0x0400), be16(0), be32(105045), be16(0), be32(0), fromHex('e8c57affff01313f'),
    be16(3), be16(1213), bytes(0, 0x7f), be16(0), be32(1665510783), be32(681548698));
  for (const frame of [UDP4(319, 319, msg), ether('01:1b:19:00:00:00', '74:83:ef:01:ac:5b', 0x88f7, msg)]) {
    const p = d.decode(frame, LinkType.EN10MB).layer(Layer.Ptp) as Ptp;
    t.like(p.toJSON(), { length: 34, version: 2, messageType: 0, messageLength: 44, domain: 44, flags: 0x400, correctionNs: 105045,
      clockIdentity: '0xe8c57affff01313f', portId: 3, sequenceId: 1213, control: 0, logMessageInterval: 127 });
  }
  t.like(d.decode(UDP4(319, 319, msg).subarray(0, APP4 + 30), LinkType.EN10MB).stop, { layer: Layer.Ptp, offset: APP4, required: 34, available: 30 });
});

test('OTV, VXLAN-GPE and NSH: header fields; NSH by EtherType with its context headers; cuts and a length that lies', (t) => {
  const nsh = concat(be32((2 << 28) | (6 << 16) | (1 << 8) | 1), be32(0xffffffff), new Uint8Array(16));
  const gpe = d.decode(UDP4(4790, 4790, concat(bytes(0x0c, 0, 0, 4), bytes(0, 0, 7, 0), nsh)), LinkType.EN10MB).layer(Layer.VxlanGpe) as VxlanGpe;
  t.deepEqual(gpe.toJSON(), { offset: APP4, length: 8, flags: 0x0c, nextProtocol: 4, vni: 7 });
  const otv = d.decode(UDP4(8472, 8472, concat(bytes(0x08, 0, 0, 1), bytes(0, 0, 2, 0))), LinkType.EN10MB).layer(Layer.Otv) as Otv;
  t.deepEqual(otv.toJSON(), { offset: APP4, length: 8, flags: 8, overlayId: 1, instanceId: 2 });
  const frame = ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x894f, nsh);
  const n = d.decode(frame, LinkType.EN10MB).layer(Layer.Nsh) as Nsh;
  t.deepEqual(n.toJSON(), { offset: 14, length: 24, version: 0, flags: 2, ttl: 0, mdType: 1, nextProtocol: 1, servicePathId: 0xffffff, serviceIndex: 0xff });
  t.like(d.decode(frame.subarray(0, 14 + 20), LinkType.EN10MB).stop, { layer: Layer.Nsh, offset: 14, required: 24, available: 20, kind: 'truncated' });
  const lie = frame.slice(); lie[15] = 1;
  t.like(d.decode(lie, LinkType.EN10MB).stop, { layer: Layer.Nsh, kind: 'error', detail: 'length 4 < 8' });
});

test('BCM-LI: the shim\'s fields from UDP source port 49152 only, where the destination port names no other layer; a cut shim stops', (t) => {
  // ingress (3), undecided (4), double VLAN tag (2), li-id 66666: tcpdump's bcm-li.pcap's first shim word
  const word = (3 << 29) | (4 << 25) | (2 << 22) | 66666;
  const shim = concat(be32(word >>> 0), bytes(0x45, 0));
  const li = d.decode(UDP4(49152, 49153, shim), LinkType.EN10MB).layer(Layer.BcmLi) as BcmLi;
  t.deepEqual(li.toJSON(), { offset: APP4, length: 4, direction: 3, packetType: 4, packetSubtype: 2, interceptId: 66666 });
  // Matched as the source port only, as print-udp.c tests it.
  t.is(d.decode(UDP4(49153, 49152, shim), LinkType.EN10MB).layer(Layer.BcmLi), undefined);
  // A registered destination port wins: DNS to 53, and BFD to 3784 (its senders use 49152 and up).
  const dns = d.decode(UDP4(49152, 53, shim), LinkType.EN10MB);
  t.is(dns.layer(Layer.BcmLi), undefined);
  t.like(dns.stop, { layer: Layer.Dns });
  t.is(d.decode(UDP4(49152, 3784, shim), LinkType.EN10MB).layer(Layer.BcmLi), undefined);
  t.like(d.decode(UDP4(49152, 49153, shim).subarray(0, APP4 + 3), LinkType.EN10MB).stop, { layer: Layer.BcmLi, offset: APP4, required: 4, available: 3, kind: 'truncated' });
  // A UDP length that leaves no room for the shim is the datagram's error, not a cut.
  t.like(d.decode(UDP4(49152, 49153, shim.subarray(0, 3)), LinkType.EN10MB).stop, { layer: Layer.BcmLi, required: 4, available: 3, kind: 'error' });
});
