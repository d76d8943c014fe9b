// Services, tunnels and transports (issue 15) printed by bin/vcap and by the installed tcpdump
// 4.99.3 with the same flags: frames built here, whole and cut at every length, must print alike.
import test from 'ava';
import { compare, everyCut, removeCaptures } from '../helpers/differential.js';
import { be16, be32, bytes, concat, ether, fromHex, ip6, ipv4, ipv6, tcp, udp } from '../helpers/frames.js';

test.after.always(removeCaptures);

const text = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'latin1'));
const E6 = (payload: Uint8Array): Uint8Array => ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x86dd, payload);
const UDP4 = (sport: number, dport: number, payload: Uint8Array): Uint8Array =>
  ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ipv4({ proto: 17 }, udp(sport, dport, payload)));
/** Ethernet + IPv4 + UDP: where the UDP payload starts. */
const UDP4_PAYLOAD = 14 + 20 + 8;
const UDP6 = (sport: number, dport: number, payload: Uint8Array): Uint8Array => E6(ipv6({ nh: 17 }, udp(sport, dport, payload)));
/** Ethernet + IPv6 + UDP: where the UDP payload starts. */
const UDP6_PAYLOAD = 14 + 40 + 8;

// DHCPv6
const opt = (code: number, data: Uint8Array): Uint8Array => concat(be16(code), be16(data.length), data);
const name = (...labels: string[]): Uint8Array => concat(...labels.map((l) => concat(bytes(l.length), text(l))), bytes(0));
const duidLlt = opt(1, fromHex('0001 0001 1846b4cc 000102030405'));
const iaAddr = opt(5, concat(ip6('2001:db8::5'), be32(3600), be32(7200), opt(13, concat(be16(0), text('ok')))));
const dhcp6Messages = [
  concat(bytes(1, 0x12, 0x34, 0x56), duidLlt, opt(6, concat(be16(23), be16(24), be16(99))), opt(8, be16(7)),
    opt(3, concat(be32(1), be32(3600), be32(5400), iaAddr)), opt(14, bytes()), opt(16, fromHex('0000013700')), opt(20, bytes())),
  concat(bytes(7, 0, 0, 1), opt(2, fromHex('0002 00000009 0102030405060708')), opt(2, fromHex('0003 0001 0a0b0c0d0e0f')), opt(2, fromHex('0009')),
    opt(1, bytes(1)), opt(7, bytes(255)), opt(7, bytes(1, 2)), opt(13, be16(6)), opt(13, be16(300)), opt(13, be16(44)),
    opt(23, concat(ip6('2001:db8::53'), ip6('2001:db8::54'))), opt(23, bytes(1, 2, 3)), opt(24, concat(name('example', 'com'), name('corp'))),
    opt(21, name('sip', 'example', 'net')), opt(32, be32(86400)), opt(46, be32(5)), opt(32, bytes(1)),
    opt(25, concat(be32(9), be32(100), be32(200), opt(26, concat(be32(300), be32(400), bytes(56), ip6('2001:db8:1200::'))))),
    opt(4, concat(be32(77), iaAddr)), opt(4, bytes(1))),
  concat(bytes(10, 0, 0, 2), opt(19, bytes(5)), opt(19, bytes(11)), opt(19, bytes(3)),
    opt(11, concat(bytes(3, 1, 0), fromHex('0000000000000001'), bytes(1), fromHex('00112233445566778899aabbccddeeff'))),
    opt(11, concat(bytes(2, 1, 0), fromHex('0000000000000002'), text('realm'), fromHex('0000000a'), fromHex('00112233445566778899aabbccddeeff'))),
    opt(11, concat(bytes(4, 2, 1), fromHex('0000000000000003'))), opt(11, bytes(1, 2))),
  concat(bytes(14, 0xab, 0xcd, 0xef), opt(44, concat(bytes(1), ip6('2001:db8::1'), opt(6, be16(5)))), opt(45, concat(duidLlt, opt(46, be32(9)))),
    opt(47, concat(ip6('fe80::1'), fromHex('00112233445566778899aabbcc'))), opt(48, ip6('2001:db8::9')), opt(37, concat(be32(4491), text('remote-identifier'))),
    opt(38, text('subscriber')), opt(18, text('eth0')),
    opt(56, concat(opt(1, ip6('2001:db8::123')), opt(2, ip6('ff05::101')), opt(3, name('ntp', 'example', 'org')), opt(4, bytes(1)), opt(1, bytes(2)))),
    opt(64, name('aftr', 'example', 'com')), opt(64, bytes(9, 97, 98)), opt(41, text('EST5EDT')), opt(42, text('Europe/Zurich\0x')),
    opt(112, text('https://example.com/mud')), opt(112, bytes(1)), opt(200, bytes(1, 2, 3))),
  concat(bytes(12, 1), ip6('2001:db8::1'), ip6('fe80::2'), opt(18, text('port-7')),
    opt(9, concat(bytes(1, 1, 2, 3), duidLlt, opt(8, be16(0)))), opt(9, concat(bytes(13, 0), ip6('::'), ip6('::1'), opt(9, bytes(2, 9, 9, 9))))),
  concat(bytes(99, 1, 2, 3), opt(2, bytes())), concat(bytes(2, 1, 2, 3), opt(24, bytes(3, 97)), opt(1, bytes(0, 3))),
  concat(bytes(5, 1, 2, 3), opt(24, fromHex('c00c'))), concat(bytes(6, 1, 2, 3), opt(6, bytes(0, 1, 0))), bytes(11),
];

test('DHCPv6: client/server and relay messages, every option tcpdump decodes, bad lengths, every -v level, cut at every length', (t) => {
  const frames = dhcp6Messages.map((m, i) => UDP6(i & 1 ? 547 : 546, i & 1 ? 546 : 547, m));
  compare(t, 1, everyCut(frames, UDP6_PAYLOAD - 4), [['-v'], ['-vv', '-x']]);
  compare(t, 1, frames.map((frame) => ({ frame })), [[], ['-q'], ['-e']]);
});

test('TFTP: requests with options, data, acks, errors, unknown opcodes, strings without a NUL; -T tftp; cut at every length', (t) => {
  const msgs = [
    concat(be16(1), text('pxelinux.0\0octet\0blksize\x001468\x00tsize\x000\x00')), concat(be16(2), text('upload.bin\0netascii\0')),
    concat(be16(6), text('blksize\x001468\x00\x00')), concat(be16(3), be16(7), text('data')), concat(be16(4), be16(65535)),
    concat(be16(5), be16(1), text('File not found\0')), concat(be16(5), be16(9), text('odd\0')), concat(be16(5), be16(2)),
    concat(be16(1), text('no-nul')), concat(be16(1), text('name\0')), be16(1), be16(0), be16(77), bytes(3), concat(be16(3), bytes(1)),
    concat(be16(1), text('\x01\x80x\0mode\0')),
  ];
  const frames = msgs.map((m, i) => UDP4(i & 1 ? 69 : 40000, i & 1 ? 40000 : 69, m));
  compare(t, 1, everyCut(frames, UDP4_PAYLOAD - 2), [[], ['-x']]);
  compare(t, 1, msgs.map((m) => ({ frame: UDP4(40000, 40001, m) })), [['-T', 'tftp'], ['-T', 'tftp', '-v'], ['-q']]);
});

test('RTP (v1 options, v2 extensions, H.261), RTCP compounds (SR, RR, SDES, BYE, others) and vat/vt under -T; cut at every length', (t) => {
  const rtp = [
    concat(be32(0x80e00001), be32(160), be32(0x11223344), new Uint8Array(20)),                  // v2, marker, type 96
    concat(be32(0x901f0002), be32(320), be32(7), be32(0xbede0001), be32(1), be32(0xabcd0000)),  // v2, extension, H.261
    concat(be32(0x90000003), be32(1), be32(2), be32(0x00050000)),                                // extension longer than the packet
    concat(be32(0x40800004), be32(5), be32(0x80010000), be32(0x00010000), be32(9)),              // v1 with options
    concat(be32(0x40800005), be32(5), be32(0x00000000)),                                         // v1, zero-length option
    concat(be32(0x80000006), be32(5)), bytes(1, 2, 3, 4, 5),
  ];
  const block = (n: number): Uint8Array => concat(be32(1000 + n), be32(0xff000005), be32(77), be32(12), be32(0x00018000), be32(0x00028000));
  const rtcp = [
    concat(be16(0x81c8), be16(12), be32(42), be32(3900000000), be32(0x80000000), be32(160), be32(10), be32(1600), block(1),
      be16(0x81ca), be16(3), be32(42), text('cname\0\0\0')),
    concat(be16(0x82c9), be16(13), be32(43), block(1), block(2), be16(0x81cb), be16(1), be32(43), be16(0x80cc), be16(2), be32(1), text('name')),
    concat(be16(0x80c8), be16(9), be32(1), be32(5), be32(6), be32(7), be32(8), be32(9), be32(10)),   // SR with a wrong length
    concat(be16(0x81c9), be16(1), be32(2)),                                                           // RR whose block is not there
  ];
  const vat = [concat(be32(0x00841234), be32(99), new Uint8Array(8)), concat(be32(0x3f9f0001), be32(1)), be16(0xf123), bytes(0, 0, 0), bytes(1)];
  const frame = (m: Uint8Array): Uint8Array => UDP4(5004, 5005, m);
  compare(t, 1, everyCut(rtp.map(frame), UDP4_PAYLOAD), [['-T', 'rtp'], ['-T', 'rtp', '-v']]);
  compare(t, 1, everyCut(rtcp.map(frame), UDP4_PAYLOAD), [['-T', 'rtcp'], ['-T', 'rtcp', '-v', '-x']]);
  compare(t, 1, everyCut(vat.map(frame), UDP4_PAYLOAD), [['-T', 'vat'], ['-T', 'vat', '-v']]);
});

test('PGM: every packet type and option, bad option lengths, over IP and under -T pgm; ZMTP/1.0 in PGM and over TCP; cut at every length', (t) => {
  const hdr = (type: number, opts: number, tsdu: number): Uint8Array => concat(be16(13320), be16(5563), bytes(type, opts), be16(0), fromHex('3329041eba74'), be16(tsdu));
  const nla4 = concat(be16(1), be16(0), bytes(10, 0, 0, 45)), nla6 = concat(be16(2), be16(0), ip6('2001:db8::45'));
  const o = (type: number, data: Uint8Array): Uint8Array => concat(bytes(type, data.length + 2), data);
  const opts = (...list: Uint8Array[]): Uint8Array => concat(bytes(0, 4), be16(4 + list.reduce((n, x) => n + x.length, 0)), ...list);
  const allOpts = opts(o(0x00, be16(4)), o(0x01, concat(be16(0), be32(1), be32(2), be32(3))), o(0x02, concat(be16(0), be32(7), be32(8))),
    o(0x03, concat(be16(0), be32(9))), o(0x04, concat(be16(0), be32(10), be32(11))), o(0x05, concat(be16(0), be32(12), be32(13))),
    o(0x07, concat(be16(0), be16(1), be16(0), bytes(192, 0, 2, 1))), o(0x08, concat(be16(0), be32(14))), o(0x09, concat(be16(0), be32(15))),
    o(0x0a, concat(be16(0), be32(16))), o(0x0b, be16(0)), o(0x0c, concat(be16(0), be32(0))), o(0x0d, be16(0)), o(0x0e, be16(0)), o(0x0f, be16(0)),
    o(0x10, concat(be16(0), be32(0))), o(0x11, be16(0)), o(0x12, concat(be16(0), be32(17), be16(2), be16(0), ip6('2001:db8::12'))),
    o(0x13, concat(be16(0), be32(18), be16(1), be16(0), bytes(192, 0, 2, 13))), o(0x21, be16(0)), o(0x8e, be16(0)));
  const zmtp = concat(be16(3), text('abc'), bytes(5, 0), text('hell'), bytes(0), bytes(0xff), be32(0), be32(3), bytes(1, 0x41, 0x42));
  const msgs = [
    concat(hdr(0, 0, 0), be32(92190), be32(21618), be32(54950), nla4),
    concat(hdr(0, 1, 0), be32(1), be32(2), be32(3), nla6, allOpts),
    concat(hdr(1, 0, 0), be32(0), be16(1), be16(0), nla4, be32(5), be32(6), be32(7)),
    concat(hdr(2, 0, 0), be32(8), be16(9), be16(0)),
    concat(hdr(4, 0, zmtp.length), be32(54951), be32(21618), zmtp), concat(hdr(5, 1, zmtp.length), be32(1), be32(2), opts(o(0x81, concat(be16(0), be32(1), be32(2), be32(3)))), zmtp),
    concat(hdr(8, 0, 0), be32(3), nla4, bytes(0, 1, 0, 0), bytes(0, 1, 0, 0, 10, 9, 9, 9)), concat(hdr(9, 0, 0), be32(3), nla6, be32(0), be16(2), new Uint8Array(14)),
    concat(hdr(10, 0, 0), be32(3), nla4, nla4), concat(hdr(11, 0, 0), be32(77), be32(0xffffffff)), hdr(12, 1, 0), hdr(99, 0, 0),
    concat(hdr(0, 0, 0), be32(1), be32(2), be32(3), be16(7), be16(0)),
    concat(hdr(11, 1, 0), be32(1), be32(2), bytes(1, 4, 0, 4)), concat(hdr(11, 1, 0), be32(1), be32(2), bytes(0, 5, 0, 8)),
    concat(hdr(11, 1, 0), be32(1), be32(2), bytes(0, 4, 0, 2)), concat(hdr(11, 1, 0), be32(1), be32(2), opts(o(0x03, be16(0)))),
    concat(hdr(11, 1, 0), be32(1), be32(2), opts(bytes(3, 2, 0, 0))), concat(hdr(11, 1, 0), be32(1), be32(2), opts(o(0x02, concat(be16(0), bytes(1, 2))))),
    concat(hdr(11, 1, 0), be32(1), be32(2), opts(o(0x07, concat(be16(0), be16(1), be16(0), bytes(1, 2))))),
  ];
  const ip4 = (p: Uint8Array): Uint8Array => ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ipv4({ proto: 113, dst: '239.255.0.16' }, p));
  const ip6f = (p: Uint8Array): Uint8Array => E6(ipv6({ nh: 113 }, p));
  compare(t, 1, everyCut(msgs.map(ip4), 14 + 20), [['-v'], ['-vv', '-T', 'pgm_zmtp1', '-x']]);
  compare(t, 1, msgs.map((m) => ({ frame: ip6f(m) })), [[], ['-v'], ['-v', '-T', 'pgm_zmtp1']]);
  compare(t, 1, everyCut(msgs.slice(4, 6).map((m) => UDP4(3055, 3055, m)), UDP4_PAYLOAD), [['-v', '-T', 'pgm'], ['-v', '-T', 'pgm_zmtp1'], ['-T', 'pgm']]);
  // ZMTP/1.0 over TCP: frames from the first payload byte (long bodies: -v shows 128 bytes, -vv all).
  const stream = concat(bytes(1, 0), bytes(0xff), be32(0), be32(201), bytes(1), new Uint8Array(200).fill(0x61), bytes(3, 1, 0x78, 0x79), bytes(0));
  const seg = ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ipv4({ proto: 6 }, tcp({ sport: 5555, dport: 40000 }, stream)));
  compare(t, 1, everyCut([seg], 14 + 20 + 20), [['-T', 'zmtp1'], ['-v', '-T', 'zmtp1'], ['-vv', '-T', 'zmtp1', '-x']]);
});

test('DCCP: every packet type, short and extended sequence numbers, every option, checksum coverage, bad lengths; cut at every length', (t) => {
  // A generic header: ports, data offset (words), CCVal/CsCov, checksum, type and X, sequence.
  const gen = (type: number, doff: number, x: boolean, seq: number, cscov = 0): Uint8Array => x
    ? concat(be16(5001), be16(39420), bytes(doff, 0x30 | cscov), be16(0x1234), bytes((type << 1) | 1, 0), be16(Math.floor(seq / 0x100000000)), be32(seq >>> 0))
    : concat(be16(5001), be16(39420), bytes(doff, 0x30 | cscov), be16(0x1234), bytes(type << 1, seq >> 16 & 255, seq >> 8 & 255, seq & 255));
  const ack = (x: boolean, n: number): Uint8Array => x ? concat(be16(0), be16(0), be32(n)) : concat(bytes(0, 0, 0, n & 255), be32(0));
  const options = concat(bytes(0, 1, 2), bytes(32, 4, 5, 2), bytes(33, 5, 1, 2, 3), bytes(34, 3, 12), bytes(35, 2), bytes(36, 6, 1, 2, 3, 4),
    bytes(37, 4, 7, 8), bytes(38, 3, 0xe9), bytes(39, 2), bytes(40, 3, 1), bytes(41, 6, 0, 0, 0, 9), bytes(41, 4, 1, 2), bytes(42, 6, 0, 0, 1, 0),
    bytes(42, 8, 0, 0, 1, 0, 0, 5), bytes(42, 10, 0, 0, 1, 0, 0, 0, 0, 6), bytes(42, 3, 0), bytes(43, 4, 0, 7), bytes(43, 6, 0, 0, 0, 8),
    bytes(43, 5, 0, 0, 0), bytes(44, 6, 1, 2, 3, 4), bytes(128, 4, 0, 9), bytes(129, 6, 0, 0, 0, 10), bytes(130, 3, 1), bytes(3), bytes(0));
  const pkts = [
    concat(gen(0, 5, true, 8), be32(4105078398)),
    concat(gen(1, 8, true, 1960341146), ack(true, 38464816766), be32(0), bytes(0, 0, 32, 4, 5, 2)),
    concat(gen(2, 3, false, 77, 1), text('payload')), concat(gen(3, 5, false, 78), ack(false, 5)),
    concat(gen(4, 4 + Math.ceil(options.length / 4), true, 79), ack(true, 6), options, new Uint8Array((4 - options.length % 4) % 4), text('data')),
    concat(gen(5, 6, true, 80), ack(true, 7)), concat(gen(6, 6, true, 81), ack(true, 8)),
    concat(gen(7, 7, true, 82), ack(true, 9), bytes(2, 0, 0, 0)), concat(gen(7, 7, true, 82), ack(true, 9), bytes(40, 0, 0, 0)),
    concat(gen(8, 6, true, 83), ack(true, 10)), concat(gen(9, 6, true, 84), ack(true, 11)), concat(gen(12, 4, true, 85), ack(true, 12)),
    concat(gen(3, 7, false, 86, 2), ack(false, 13), bytes(32, 1, 0, 0, 0, 0, 0, 0)), concat(gen(3, 5, false, 87), ack(false, 14), bytes(44, 9)),
    concat(gen(3, 6, false, 88), ack(false, 14), bytes(0, 0, 0, 0)), concat(gen(0, 4, true, 1)), concat(gen(1, 4, true, 1), be32(0)),
    concat(gen(3, 3, false, 89)), gen(2, 2, false, 90).subarray(0, 10), concat(gen(3, 1, false, 91), ack(false, 1)),
  ];
  const v4 = (p: Uint8Array): Uint8Array => ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ipv4({ proto: 33 }, p));
  const v6 = (p: Uint8Array): Uint8Array => E6(ipv6({ nh: 33 }, p));
  compare(t, 1, everyCut(pkts.map(v4), 14 + 20), [['-vv'], ['-x']]);
  compare(t, 1, pkts.map((p) => ({ frame: v6(p) })), [[], ['-v'], ['-vv'], ['-q']]);
});

test('AoE: every command, flags and errors, bad argument lengths, unknown versions and commands; cut at every length', (t) => {
  const hdr = (flags: number, err: number, cmd: number): Uint8Array => concat(bytes(0x10 | flags, err), be16(0x14), bytes(0, cmd), be32(0x1cd4a));
  const mac = fromHex('001122334455');
  const msgs = [
    concat(hdr(0, 0, 0), bytes(0x41, 0, 1, 236, 0, 0, 0, 160, 0, 0, 0, 0), new Uint8Array(24)),
    concat(hdr(0x0c, 3, 0), bytes(0xff, 1, 2, 64, 1, 2, 3, 4, 5, 6, 0, 0)), concat(hdr(0x04, 9, 0), bytes(1, 2, 3)),
    concat(hdr(0x08, 0, 1), be16(16), be16(0x4019), bytes(2, 0x13), be16(5), text('a\x01cde'), bytes(0)),
    concat(hdr(0, 0, 1), be16(0), be16(0), bytes(0, 0x1f), be16(9), text('abc')), concat(hdr(0, 0, 1), bytes(1, 2)),
    concat(hdr(0, 0, 2), bytes(0, 1, 2, 2), bytes(0, 1), mac, bytes(0, 7), mac), concat(hdr(0, 0, 2), bytes(0, 5, 9, 1)),
    concat(hdr(0, 0, 3), bytes(1, 2), mac, mac), concat(hdr(0, 0, 3), bytes(7, 2), mac), concat(hdr(0, 0, 3), bytes(2, 1), mac, bytes(1)),
    concat(hdr(0x03, 0, 9), be32(0)), bytes(0x20, 1, 2), bytes(0x10, 0, 0, 0),
  ];
  const frames = msgs.map((m) => ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x88a2, m));
  compare(t, 1, everyCut(frames, 14), [['-v'], ['-x']]);
  compare(t, 1, frames.map((frame) => ({ frame })), [[], ['-e', '-vv']]);
});

test('RESP: every value type, nested arrays, nulls and bad lengths, inline commands, pipelining; port 6379 and -T resp; cut at every length', (t) => {
  const payloads = [
    '*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$5\r\nvalue\r\n', '+OK\r\n', '-ERR unknown command\r\n', ':1000\r\n',
    '$-1\r\n*-1\r\n*0\r\n$0\r\n\r\n', '*2\r\n*1\r\n:1\r\n$2\r\nab\r\n', 'PING\r\nPING\n\rINFO\r\n', '\r\nQUIT',
    '$99999999999\r\n', '$-7\r\n', '$x\r\n', '$3\rX', '*2\r\n$1\r\na\r\n', '$4\r\nab\r\n', '+no end', '*99999999999\r\n', '*-2\r\n',
    '$5\r\nhe\x01\x80o\r\n',
  ];
  const seg = (p: string, sport: number, dport: number): Uint8Array =>
    ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ipv4({ proto: 6 }, tcp({ sport, dport, flags: 0x18 }, text(p))));
  compare(t, 1, everyCut(payloads.map((p, i) => seg(p, i & 1 ? 6379 : 40000, i & 1 ? 40000 : 6379)), 14 + 20 + 20), [[], ['-x']]);
  compare(t, 1, payloads.map((p) => ({ frame: seg(p, 40000, 40001) })), [['-T', 'resp'], ['-q', '-T', 'resp']]);
  compare(t, 1, [{ frame: seg(payloads[0]!, 6379, 22) }, { frame: UDP4(40000, 6379, text('+OK\r\n')) }], [[], ['-T', 'resp']]);
});

test('LISP: Map-Register and Map-Notify with IPv4/IPv6 EIDs and locators, xTR-IDs, other types, bad records; cut at every length', (t) => {
  const head = (type: number, flags: number, records: number, key: number, auth: Uint8Array): Uint8Array =>
    concat(bytes((type << 4) | (flags >> 16 & 15), flags >> 8 & 255, flags & 255, records), fromHex('0102030405060708'), be16(key), be16(auth.length), auth);
  const rec = (afi: number, addr: Uint8Array, locs: Uint8Array[], mask = 32): Uint8Array =>
    concat(be32(1440), bytes(locs.length, mask, 0x10, 0), be16(0x0005), be16(afi), addr, ...locs);
  const loc = (afi: number, addr: Uint8Array, flags = 1): Uint8Array => concat(bytes(1, 100, 255, 0), be16(flags), be16(afi), addr);
  const v4 = bytes(10, 30, 1, 100), v6 = ip6('2001:db8::1');
  const msgs = [
    concat(head(3, 0x20100, 2, 1, new Uint8Array(20).fill(0x4b)), rec(1, v4, [loc(1, bytes(20, 20, 8, 253))]), rec(2, v6, [loc(2, v6, 7), loc(9, bytes())], 64),
      new Uint8Array(16).fill(0x97), be32(0), be32(42)),
    concat(head(4, 0x80000, 1, 2, new Uint8Array(32)), rec(1, v4, [loc(1, bytes(1, 2, 3, 4), 4)]), fromHex('0011223344556677'), new Uint8Array(16), be32(1), be32(2)),
    concat(head(3, 0, 1, 7, bytes()), rec(1, v4, []), text('trailing')), concat(head(3, 0, 0, 0, bytes())), concat(head(1, 0, 1, 0, bytes())),
    concat(head(3, 0, 1, 0, bytes()), rec(5, v4, [])), concat(head(3, 0x20000, 1, 0, bytes()), rec(1, v4, []), bytes(1, 2, 3)), head(9, 0, 0, 0, bytes()),
  ];
  const frames = msgs.map((m, i) => UDP4(i & 1 ? 4342 : 40000, i & 1 ? 40000 : 4342, m));
  compare(t, 1, everyCut(frames, UDP4_PAYLOAD), [['-v'], ['-x']]);
  compare(t, 1, frames.map((frame) => ({ frame })), [[], ['-vv']]);
});

test('sFlow: an agent address type other than 1 is read as IPv6, as tcpdump reads it; cut at every length', (t) => {
  const head = (type: number, agent: Uint8Array): Uint8Array => concat(be32(5), be32(type), agent, be32(7), be32(114), be32(118000), be32(0));
  const msgs = [head(1, fromHex('0a000001')), head(2, fromHex('00300000000000000000000000010101')), head(0x42, fromHex('00300000000000000000000000010101')), head(0, fromHex('00300000000000000000000000010101'))];
  compare(t, 1, everyCut(msgs.map((m) => UDP4(36123, 6343, m)), UDP4_PAYLOAD), [[], ['-v']]);
});

test('PTP: every version 2 message type over UDP and Ethernet, flags, version 1 and unknown versions, short messages; cut at every length', (t) => {
  const hdr = (type: number, len: number, flags: number, control: number): Uint8Array => concat(bytes(type, 2), be16(len), bytes(44, 0), be16(flags),
    be16(0), be32(105045), be16(7), be32(0), fromHex('a0369ffffe856e8a'), be16(1), be16(1203), bytes(control, 0x7f));
  const ts = concat(be16(0), be32(1665510783), be32(679015501));
  const pid = concat(fromHex('e8c57affff01313f'), be16(3));
  const msgs = [
    concat(hdr(0x00, 44, 0x0200, 0), ts), concat(hdr(0x11, 44, 0x0400, 1), ts), concat(hdr(0x02, 54, 0, 5), ts, pid),
    concat(hdr(0x03, 54, 0x18c0, 5), ts, pid), concat(hdr(0x08, 44, 0xffff, 2), ts), concat(hdr(0x09, 54, 0x0001, 3), ts, pid),
    concat(hdr(0x0a, 54, 0, 5), ts, pid), concat(hdr(0x0b, 64, 0, 5), ts, be16(36), bytes(0, 128, 248, 254), be16(65535), bytes(128), fromHex('0200fffe00000100'), be16(0), bytes(0xa0)),
    concat(hdr(0x0c, 44, 0, 5), pid), concat(hdr(0x0d, 48, 0, 4), pid, bytes(3, 2, 1, 0)), concat(hdr(0x05, 34, 0, 9)),
    concat(bytes(0, 1), new Uint8Array(40)), concat(bytes(0, 3), new Uint8Array(40)), new Uint8Array(20),
    // Some of the bits of tcpdump's multi-bit 'unknown' entry (0x18c0): bittok2str names it only when all are set.
    concat(hdr(0x08, 44, 0x0240, 2), ts), concat(hdr(0x08, 44, 0x0880, 2), ts),
  ];
  compare(t, 1, everyCut(msgs.map((m, i) => UDP4(i & 1 ? 319 : 320, i & 1 ? 319 : 320, m)), UDP4_PAYLOAD), [[], ['-x']]);
  const eth = msgs.map((m) => ether('01:1b:19:00:00:00', '74:83:ef:01:ac:5b', 0x88f7, m));
  compare(t, 1, eth.map((frame) => ({ frame })), [[], ['-e'], ['-v']]);
  compare(t, 1, msgs.map((m) => ({ frame: UDP4(40000, 40001, m) })), [['-T', 'ptp']]);
});

test('OTV, VXLAN-GPE and NSH: headers, MD type 1 and 2 contexts, every next protocol, bad lengths, nesting; cut at every length', (t) => {
  const inner4 = ipv4({ proto: 17, src: '192.168.0.1', dst: '192.168.0.2' }, udp(10000, 20000, bytes(1, 2, 3, 4)));
  const inner6 = ipv6({ nh: 17 }, udp(10000, 20000, bytes(1, 2)));
  const innerEth = ether('02:00:00:00:00:0b', '02:00:00:00:00:0a', 0x0800, inner4);
  const nsh = (flags: number, len: number, md: number, next: number, ctx: Uint8Array, payload: Uint8Array): Uint8Array =>
    concat(be32((0 << 30) | (flags << 28) | (63 << 22) | (len << 16) | (md << 8) | next), be32(0x00030905), ctx, payload);
  const tlv = (cls: number, type: number, value: Uint8Array): Uint8Array => concat(be16(cls), bytes(type, value.length), value, new Uint8Array((4 - value.length % 4) % 4));
  const nshs = [
    nsh(0, 6, 1, 1, concat(be32(1), be32(2), be32(3), be32(4)), inner4), nsh(2, 6, 2, 2, concat(tlv(1, 2, bytes(0x12)), tlv(2, 3, bytes(0x12))), inner6),
    nsh(0, 2, 2, 3, bytes(), innerEth), nsh(0, 5, 1, 1, new Uint8Array(12), inner4), nsh(0, 3, 2, 1, tlv(1, 1, bytes(1, 2, 3, 4, 5)), inner4),
    nsh(0, 2, 0, 5, bytes(), bytes(0, 0, 0, 0)), nsh(0, 1, 1, 1, bytes(), bytes()), nsh(0, 40, 1, 1, bytes(), bytes()),
    concat(be32(0x40000000 | (2 << 16)), be32(1)), bytes(0, 0, 2),
  ];
  const gpe = (flags: number, next: number, payload: Uint8Array): Uint8Array => concat(bytes(flags, 0, 0, next), bytes(0xff, 0xff, 0xff, 0), payload);
  const gpes = [gpe(0x0c, 1, inner4), gpe(0x0f, 2, inner6), gpe(0x08, 3, innerEth), gpe(0x0c, 4, nshs[0]!), gpe(0, 9, bytes(1)), bytes(8, 0, 0)];
  const otvs = [concat(bytes(0x08, 0, 0, 1), bytes(0, 0, 2, 0), innerEth), concat(bytes(0x00, 1, 2, 3), bytes(4, 5, 6, 7), innerEth), bytes(8, 0, 0, 0)];
  const frames = [
    ...nshs.map((m) => ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x894f, m)),
    ...gpes.map((m) => UDP4(4790, 4790, m)), ...otvs.map((m) => UDP4(8472, 8472, m)),
  ];
  compare(t, 1, everyCut(frames, 14), [[], ['-vvv', '-x']]);
  compare(t, 1, frames.map((frame) => ({ frame })), [['-v'], ['-vv'], ['-e']]);
});
