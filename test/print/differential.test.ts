// Frames built here, written to pcap files, printed by bin/vcap and by Debian's tcpdump 4.99.3
// (the oracle) with the same flags: the outputs must be identical. Each set also runs cut short
// at many snap lengths, so every truncation path is compared, with the -x dump that shows
// where tcpdump's printers stopped.
import test from 'ava';
import { execFileSync } from 'node:child_process';
import { be16, be32, bytes, concat, ether, fromHex, icmp, ipv4, ipv6, tcp, udp, vlanTag } from '../helpers/frames.js';
import { Oracle, withCuts, type Rec } from '../helpers/oracle.js';

const oracle = new Oracle();
// VCAP_KEEP_DIFF=1 keeps the captures for a look with tcpdump.
test.after.always(() => oracle.cleanup());
const compare = oracle.compare.bind(oracle);

const E = (type: number, payload: Uint8Array): Uint8Array => ether('02:00:00:00:00:02', '02:00:00:00:00:01', type, payload);
const IP = (f: Parameters<typeof ipv4>[0], p: Uint8Array): Uint8Array => E(0x0800, ipv4(f, p));
const text = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'latin1'));

/** An IPv4 datagram to quote inside an ICMP error: its header and the first 8 bytes of payload. */
function quoted(proto: number): Uint8Array {
  const inner = proto === 17 ? udp(5000, 33434, new Uint8Array(24)) : proto === 6 ? tcp({ sport: 1234, dport: 80 }) : new Uint8Array(20);
  return ipv4({ src: '10.0.0.2', dst: '10.9.9.9', proto, ttl: 1 }, inner).subarray(0, 28);
}

test('ICMP: every type and code, errors quoting UDP/TCP/other, -v checksums, cut short', (t) => {
  const frames: Uint8Array[] = [];
  const errs: Array<[number, number[]]> = [[3, [...Array(17).keys()]], [4, [0]], [5, [0, 1, 2, 3, 4]], [11, [0, 1, 2]], [12, [0, 1, 2]]];
  for (const [type, codes] of errs) {
    for (const code of codes) {
      for (const proto of [17, 6, 253]) {
        const rest = type === 5 ? fromHex('c0a80101') : type === 3 && code === 4 ? be32(1500) : type === 12 ? bytes(20, 0, 0, 0) : be32(0);
        frames.push(IP({ proto: 1 }, icmp(type, code, rest, quoted(proto))));
      }
    }
  }
  for (const type of [0, 8, 10, 13, 15, 16, 17, 19, 40, 200]) frames.push(IP({ proto: 1 }, icmp(type, 0, concat(be16(0x1234), be16(7)), text('payload bytes'))));
  frames.push(IP({ proto: 1 }, icmp(14, 0, concat(be16(5), be16(6)), concat(be32(1000), be32(3723004), be32(86399999)))));
  frames.push(IP({ proto: 1 }, icmp(18, 0, concat(be16(5), be16(6)), fromHex('ffffff00'))));
  frames.push(IP({ proto: 1 }, icmp(9, 0, fromHex('02020708'), fromHex('0a000001000000050a00000200000009'))));
  frames.push(IP({ proto: 1 }, icmp(9, 0, fromHex('01030e10'), fromHex('0a000001000000050a000002'))));
  const bad = icmp(8, 0, be32(0x00010002), text('abc'));
  bad[2] = 0x12; bad[3] = 0x34;
  frames.push(IP({ proto: 1 }, bad));
  const recs = withCuts(frames, [14, 20, 34, 36, 40, 42, 50, 54, 56, 60, 62]);
  compare(t, 1, recs, [[], ['-v'], ['-vv'], ['-x'], ['-v', '-X'], ['-e', '-q']]);
});

test('TCP: flags, options, bad headers, HTTP, RST data, checksums, cut short', (t) => {
  const frames: Uint8Array[] = [];
  for (const flags of [0x02, 0x12, 0x10, 0x18, 0x11, 0x04, 0x14, 0x20, 0xc2, 0x00, 0xff]) {
    frames.push(IP({}, tcp({ sport: 40000, dport: 5001, flags, seq: 1000, ack: 2000, urg: 3 }, flags & 0x08 ? text('data') : new Uint8Array(0))));
  }
  const opts = [
    fromHex('020405b4 0402 080a0000000100000002 01 030307 00'),
    fromHex('0101 050a00000001000000ff 01'),
    fromHex('13 12 30313233343536373839616263646566 1404ab07'),
    fromHex('1c0481f5 1d06 01 02 0304 6304 7a7a'),
    fromHex('2202 2206 0102 0304 fe04f989 fe0a f989 0102030405060708 fe061234abcd'),
    fromHex('0303'), fromHex('0201'), fromHex('02 09 0000'), fromHex('0500'), fromHex('050a0000000100000002'),
  ];
  for (const o of opts) frames.push(IP({}, tcp({ sport: 40000, dport: 5001, flags: 0x12, seq: 7, ack: 9, options: o })));
  // MPTCP (kind 30): every subtype, well-formed and not, under SYN, SYN-ACK and ACK.
  const mptcp = [
    '1e0c0081 0102030405060708', '1e040181', '1e140081 0102030405060708 1112131415161718',
    '1e160181 0102030405060708 1112131415161718 0010', '1e160101 0102030405060708 1112131415161718 0010',
    '1e0c1011 aabbccdd 11223344', '1e101002 0102030405060708 11223344', '1e181000 00112233445566778899aabbccddeeff00112233',
    '1e082001 00000064', '1e142005 00000064 000003e8 00000001 0010 abcd', '1e1c200f 0000000000000064 00000000000003e8 00000001 0010',
    '1e082011 00000064', '1e083004 0a000001', '1e0a3404 0a000001 1f90', '1e103001 0a000001 0102030405060708',
    '1e143606 fe800000000000000000000000000001', '1e054001 02', '1e035100', '1e045103', '1e0c6000 0000000000000123',
    '1e0c7000 0102030405060708', '1e048001', '1e0cf000 0102030405060708', '1e0c0281 0102030405060708', '1e02',
  ];
  for (const o of mptcp) {
    for (const flags of [0x02, 0x12, 0x10]) frames.push(IP({}, tcp({ sport: 40000, dport: 5001, flags, seq: 7, ack: 9, options: fromHex(o) })));
  }
  frames.push(IP({}, tcp({ dataOffset: 4 })), IP({}, tcp({ dataOffset: 15 })));
  frames.push(IP({}, tcp({ sport: 80, dport: 5001, flags: 0x18 }, text('HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc'))));
  frames.push(IP({}, tcp({ sport: 5001, dport: 8080, flags: 0x18 }, text('POST /x HTTP/1.0\r\nHost: a\r\n\r\n'))));
  frames.push(IP({}, tcp({ sport: 5001, dport: 80, flags: 0x18 }, text('GET /partial'))));
  frames.push(IP({}, tcp({ sport: 5001, dport: 80, flags: 0x18 }, fromHex('0001020304'))));
  frames.push(IP({}, tcp({ sport: 5001, dport: 22, flags: 0x18 }, text('SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n'))));
  frames.push(IP({}, tcp({ sport: 5001, dport: 5002, flags: 0x14 }, text('reset \x01 reason \xff text longer than thirty bytes'))));
  const badSum = IP({}, tcp({ sport: 1, dport: 2, flags: 0x10 }));
  badSum[14 + 10] ^= 0x55; badSum[14 + 36] = 0x22;
  frames.push(badSum);
  compare(t, 1, withCuts(frames, [34, 40, 50, 54, 58, 60, 62, 66, 70, 74, 80]), [[], ['-v'], ['-vv'], ['-S'], ['-x'], ['-A'], ['-q']]);
});

test('UDP and IPv4: lengths, checksums, options, fragments, unknown protocols, bad headers', (t) => {
  const frames: Uint8Array[] = [];
  frames.push(IP({ proto: 17 }, udp(1, 2, text('abcd'))));
  const zero = udp(1, 2, text('abcd')); frames.push(IP({ proto: 17 }, zero));
  const sum = udp(1, 2, text('abcd')); sum[6] = 0x12; sum[7] = 0x34; frames.push(IP({ proto: 17 }, sum));
  frames.push(IP({ proto: 17 }, udp(1, 2, text('abcd'), 4)), IP({ proto: 17 }, udp(1, 2, text('abcd'), 100)));
  frames.push(IP({ proto: 17, options: fromHex('070b04 01010101 02020202 01 94040000') }, udp(1, 2)));
  frames.push(IP({ proto: 6, options: fromHex('830b04 01010101 03030303 00') }, tcp({ flags: 0x10 })));
  frames.push(IP({ proto: 17, options: fromHex('440c0501 0a000001 00000005') }, udp(1, 2)));
  frames.push(IP({ proto: 17, options: fromHex('440c0d00 00000005 00000006') }, udp(1, 2)));
  frames.push(IP({ proto: 17, options: fromHex('820b000000000000000000 00') }, udp(1, 2)));
  frames.push(IP({ proto: 17, flags: 1, frag: 0 }, udp(1, 2, new Uint8Array(40), 1008)));
  frames.push(IP({ proto: 17, flags: 1, frag: 125 }, new Uint8Array(40)), IP({ proto: 17, flags: 0, frag: 250 }, new Uint8Array(8)));
  // Protocols vcap has no printer for, and neither has tcpdump: both print ip-proto-N.
  for (const proto of [143, 200, 253, 254, 255]) frames.push(IP({ proto, tos: 3 }, new Uint8Array(20)));
  frames.push(IP({ proto: 17, flags: 7, ttl: 0, tos: 0xe1 }, udp(1, 2)));
  frames.push(IP({ proto: 17, totalLength: 10 }, udp(1, 2)), IP({ proto: 17, totalLength: 0 }, udp(1, 2)));
  frames.push(IP({ proto: 17, totalLength: 200 }, udp(1, 2)), IP({ proto: 17, ihl: 3 }, udp(1, 2)));
  frames.push(IP({ proto: 17, version: 5 }, udp(1, 2)), IP({ proto: 17, version: 6 }, udp(1, 2)));
  frames.push(IP({ proto: 4 }, ipv4({ proto: 17, src: '172.16.0.1', dst: '172.16.0.2' }, udp(7, 8, text('in')))));
  const badIp = IP({ proto: 17 }, udp(1, 2)); badIp[24] ^= 0xff; frames.push(badIp);
  // IPv6 whole only: its cut-short paths belong to the IPv6 printer's own tests.
  const recs = [...withCuts(frames, [20, 34, 36, 38, 40, 42, 46, 50, 54]), { frame: E(0x86dd, ipv6({ nh: 17 }, udp(1, 2, text('abcd')))) }];
  compare(t, 1, recs, [[], ['-v'], ['-vv'], ['-x'], ['-e']]);
});

test('Ethernet, VLAN stacks, 802.3/LLC/SNAP, ARP, unknown EtherTypes, with and without -e', (t) => {
  const ipUdp = ipv4({ proto: 17, src: '192.0.2.1', dst: '192.0.2.2' }, udp(1234, 5678, text('data')));
  const arpReq = fromHex('0001 0800 0604 0001 020000000001 c0000201 000000000000 c0000202');
  const frames: Uint8Array[] = [
    E(0x8100, vlanTag(5, 0x0800, 3, ipUdp)),
    E(0x88a8, vlanTag(100, 0x8100, 0, vlanTag(5, 0x8100, 7, vlanTag(4095, 0x0806, 1, arpReq)))),
    E(0x8100, vlanTag(9, 0x1234, 0, text('unknown inside a vlan'))),
    E(0x0806, arpReq),
    E(0x0806, fromHex('0001 0800 0604 0002 020000000009 c0000202 020000000001 c0000201')),
    E(0x8035, fromHex('0001 0800 0604 0003 020000000001 00000000 020000000001 00000000')),
    E(0x0806, fromHex('0001 0800 0604 0004 020000000009 c0000202 020000000001 c0000201')),
    E(0x0806, fromHex('0001 0800 0604 0008 020000000009 c0000202 020000000001 c0000201')),
    E(0x0806, fromHex('0001 0800 0604 0009 020000000009 c0000202 020000000001 c0000201')),
    E(0x0806, fromHex('0001 0800 0604 0063 020000000009 c0000202 020000000001 c0000201')),
    E(0x0806, fromHex('0006 86dd 0610 0001 020000000009 00000000000000000000000000000001 020000000001 00000000000000000000000000000002')),
    E(0x0806, fromHex('0013 0800 0604 0001')),
    E(0x1234, text('unknown ethertype payload')),
    ether('02:00:00:00:00:02', '02:00:00:00:00:01', 8 + ipUdp.length, concat(fromHex('aaaa03 000000 0800'), ipUdp)),
    ether('02:00:00:00:00:02', '02:00:00:00:00:01', 7, concat(fromHex('808103'), text('data'))),
    ether('01:00:5e:00:00:01', '02:00:00:00:00:01', 6, fromHex('0000af810100')),
    ether('02:00:00:00:00:02', '02:00:00:00:00:01', 13, concat(fromHex('4242e3'), text('test-data!'))),
    ether('02:00:00:00:00:02', '02:00:00:00:00:01', 9, concat(fromHex('f0f10201'), text('netbi'))),
    ether('02:00:00:00:00:02', '02:00:00:00:00:01', 4, fromHex('f0f00501')),
    ether('02:00:00:00:00:02', '02:00:00:00:00:01', 3 + ipUdp.length, concat(fromHex('060603'), ipUdp)),
    ether('02:00:00:00:00:02', '02:00:00:00:00:01', 8 + 4, concat(fromHex('aaaa03 00000c 1234'), text('cisx'))),
    ether('02:00:00:00:00:02', '02:00:00:00:00:01', 1000, concat(fromHex('aaaa03 000000 0800'), ipUdp)),
    E(0x8870, concat(fromHex('aaaa03 000000 0800'), ipUdp)),
  ];
  const recs = [...withCuts(frames, [6, 13, 14, 15, 16, 17, 18, 20, 22, 24, 30, 34, 40]), { frame: E(0x9100, vlanTag(1 | 0x1000, 0x86dd, 0, ipv6({ nh: 59 }))) }];
  compare(t, 1, recs, [[], ['-e'], ['-q'], ['-e', '-q'], ['-v'], ['-x'], ['-xx'], ['-X', '-e'], ['-A']]);
});

test('Linux cooked v1/v2, NULL/LOOP and raw IP encapsulations', (t) => {
  const ipUdp = ipv4({ proto: 17, src: '192.0.2.1', dst: '192.0.2.2' }, udp(1234, 5678, text('data')));
  const ip6Udp = ipv6({ nh: 17 }, udp(1, 2, text('six')));
  const arp = fromHex('0001 0800 0604 0001 020000000001 c0000201 000000000000 c0000202');
  const sll = (pkttype: number, proto: number, p: Uint8Array, halen = 6): Uint8Array =>
    concat(be16(pkttype), be16(1), be16(halen), fromHex('0200000000010000'), be16(proto), p);
  // Interface index 1 is `lo` on every Linux host, so tcpdump and vcap print the same name.
  const sll2 = (pkttype: number, proto: number, p: Uint8Array, ifindex = 1): Uint8Array =>
    concat(be16(proto), be16(0), be32(ifindex), be16(1), bytes(pkttype, 6), fromHex('0200000000010000'), p);
  compare(t, 113, [...withCuts([
    sll(0, 0x0800, ipUdp), sll(1, 0x0806, arp), sll(3, 0x1234, text('odd')), sll(2, 0x0004, fromHex('808103') ),
    sll(0, 0x8100, concat(vlanTag(7, 0x0800), ipUdp)), sll(9, 0x0800, ipUdp, 4), sll(0, 0x0060, text('x')),
  ], [4, 10, 15, 16, 18, 20, 30, 40]), { frame: sll(4, 0x86dd, ip6Udp) }], [[], ['-e'], ['-q', '-e'], ['-x'], ['-v']]);
  compare(t, 276, [...withCuts([
    sll2(0, 0x0800, ipUdp), sll2(1, 0x0806, arp), sll2(3, 0x1234, text('odd')), sll2(0, 0x0800, ipUdp, 0x7fff0000),
  ], [10, 19, 20, 24, 40]), { frame: sll2(4, 0x86dd, ip6Udp) }], [[], ['-e'], ['-x']]);
  const af = (v: number, le: boolean): Uint8Array => { const b = Buffer.alloc(4); if (le) b.writeUInt32LE(v); else b.writeUInt32BE(v); return Uint8Array.from(b); };
  compare(t, 0, [...withCuts([concat(af(2, true), ipUdp), concat(af(6, true), text('ns!')), concat(af(99, true), text('??'))], [2, 4, 10]),
    { frame: concat(af(24, true), ip6Udp) }, { frame: concat(af(30, false), ip6Udp) }],
    [[], ['-e'], ['-q', '-e'], ['-x']]);
  compare(t, 108, [...withCuts([concat(af(2, false), ipUdp)], [3, 8]), { frame: concat(af(28, false), ip6Udp) }], [[], ['-e']]);
  for (const lt of [101, 228, 229]) {
    compare(t, lt, [...withCuts([ipUdp, fromHex('50'), fromHex('')], [0, 1, 10, 21, 30]), { frame: ip6Udp }], [[], ['-e'], ['-x']]);
  }
});

test('IGMP: queries v1/v2/v3, reports v1/v2/v3, leave, mtrace/mresp, bad checksums, cut short', (t) => {
  const igmp = [
    '1164ee9b00000000', '1100ee9b00000000', '110aee9be0000001', '1164ee9b000000000000', '1164ee9b00000000027d0000',
    '11ff0000e00000fb027d00020a0000010a000002', '11780000e00000fb000000010a000001', '1200f902e00000fb', '1600fa04e00000fb',
    '1700f904e00000fb', '2200f90200000002040000000e00000fb01000002e00000fc0a0000010a000002'.replace('040000000e', '04000000e'),
    '220000000000000104000001', '1f0000000a0000010a000002e00000054000123400000000', '1e0000000a0000010a0000020a00000540001234',
    '1e0000000a0000010a0000020a000005', '9900000000000000', '1600ffffe00000fb',
  ];
  const frames = igmp.map((h) => IP({ proto: 2, dst: '224.0.0.1' }, fromHex(h)));
  compare(t, 1, withCuts(frames, [34, 35, 36, 38, 40, 42, 46, 50, 54]), [[], ['-v'], ['-vv'], ['-q'], ['-x']]);
});

test('NTP: client/server/control messages, authenticators, odd lengths, every -v level, cut short', (t) => {
  const ts = (sec: number, frac: number): Uint8Array => concat(be32(sec), be32(frac));
  const time = (lvm: number, stratum: number, poll: number, refid: string, times: Uint8Array[], extra = ''): Uint8Array =>
    concat(bytes(lvm, stratum, poll & 255, 0xec), be32(0x000003d7), be32(0x00018000), fromHex(refid), ...times, fromHex(extra));
  const zero = ts(0, 0), t0 = ts(3900000000, 0x40000000), t1 = ts(3900000000, 0x4ccccccc), t2 = ts(3900000001, 0x80000000);
  const msgs = [
    time(0xe3, 0, 6, '00000000', [zero, zero, zero, t0]),
    time(0x24, 2, 6, 'c0a80101', [t2, t0, t1, t2]),
    time(0x1c, 1, 10, '47505300', [zero, zero, zero, zero]),
    time(0x63, 0, -3, '52415445', [ts(1, 0), ts(2208988800, 1), ts(100, 0xffffffff), ts(2208988799, 5)]),
    time(0xa3, 16, 40, '01020304', [t0, t0, t0, t0]), time(0x03, 62, 6, '0a000001', [t0, t0, t0, t0]),
    time(0x05, 63, 127, '0a000001', [t0, t0, t0, t0]), time(0x3a, 1, 6, 'ff616263', [t0, t1, t0, t1]),
    time(0x23, 2, 6, '01020304', [zero, t2, t0, t1], '00000007'),
    time(0x23, 2, 6, '01020304', [zero, t2, t0, t1], '00000007' + '00112233445566778899aabbccddeeff'),
    time(0x23, 2, 6, '01020304', [zero, t2, t0, t1], '00000007' + '00112233445566778899aabbccddeeff01020304'),
    time(0x23, 2, 6, '01020304', [zero, t2, t0, t1], '0000000700000000'),
    fromHex('16820001000100020003000461626364'), fromHex('16c20001000100020003000561626364'), fromHex('16020001000000000000'),
    fromHex('17000000'), fromHex('e3'),
  ];
  const frames = msgs.map((m, i) => IP({ proto: 17 }, udp(i & 1 ? 123 : 40000, i & 1 ? 40000 : 123, m)));
  compare(t, 1, withCuts(frames, [42, 43, 45, 47, 50, 54, 58, 62, 66, 70, 74, 78, 82, 86, 90, 94, 98, 102, 106]),
    [[], ['-v'], ['-vv'], ['-vvv'], ['-q'], ['-x']]);
});

test('VXLAN: the header, then the inner Ethernet frame on its own line; cut short', (t) => {
  const inner = ether('0a:00:00:00:00:02', '0a:00:00:00:00:01', 0x0800, ipv4({ proto: 1, src: '192.168.0.1', dst: '192.168.0.2' }, icmp(8, 0, be32(0x00010002))));
  const innerVlan = ether('0a:00:00:00:00:02', '0a:00:00:00:00:01', 0x8100, vlanTag(3, 0x0806, 0, fromHex('0001 0800 0604 0001 0a0000000001 c0000202 000000000000 00000000')));
  const frames = [
    IP({ proto: 17 }, udp(40000, 4789, concat(fromHex('08000000 00002a00'), inner))),
    IP({ proto: 17 }, udp(4789, 40000, concat(fromHex('00000000 ffffff00'), inner))),
    IP({ proto: 17 }, udp(40000, 4789, concat(fromHex('0c000000 00000700'), innerVlan))),
    IP({ proto: 17 }, udp(40000, 4789, fromHex('080000'))),
  ];
  compare(t, 1, withCuts(frames, [42, 44, 46, 48, 50, 52, 56, 60, 64, 70, 76, 80, 90]), [[], ['-v'], ['-e'], ['-q'], ['-x'], ['-X', '-vv']]);
});

test('GRE v0/v1 (checksum, key, sequence, source routes), TEB, MPLS stacks, with -e and cut short', (t) => {
  const inner = ipv4({ proto: 1, src: '192.168.0.1', dst: '192.168.0.2' }, icmp(8, 0, be32(0x00010002)));
  const teb = ether('0a:00:00:00:00:02', '0a:00:00:00:00:01', 0x0800, inner);
  const gre = (h: string, p: Uint8Array): Uint8Array => IP({ proto: 47 }, concat(fromHex(h), p));
  const frames = [
    gre('00000800', inner), gre('20000800 00001234', inner), gre('10000800 00000007', inner), gre('80000800 77ff0000', inner),
    gre('b0000800 47f10000 00000005 00000009', inner), gre('00006558', teb), gre('00001234', fromHex('616263646566')),
    gre('30010800 00070009 00000003', fromHex('ff030021')), gre('20010800 00070009', new Uint8Array(0)), gre('00020800', fromHex('61')),
    gre('40000800 00000000 08000004 0a000001 00000000', inner), gre('40000800 00000000 fffe0004 00010002 12340008 00000000', inner),
    gre('00008847', concat(fromHex('00014140'), inner)), gre('00008847', concat(fromHex('00000040 00003140'), inner)),
    gre('00008847', concat(fromHex('00014140'), fromHex('00112233'))),
    E(0x8847, concat(fromHex('00014140'), inner)), E(0x8848, concat(fromHex('00001040 00003140'), inner)),
  ];
  // IPv6 inside whole only: its cut-short paths belong to the IPv6 printer's own tests.
  const v6 = gre('00008847', concat(fromHex('00002140'), ipv6({ nh: 59 })));
  compare(t, 1, [...withCuts(frames, [34, 35, 36, 38, 40, 42, 44, 46, 48, 50, 54, 58, 62, 66]), { frame: v6 }], [[], ['-v'], ['-e'], ['-x'], ['-q']]);
});

test('spanning tree: 802.1D config and TCN, RSTP port roles, MSTP with MSTIs, bad versions, cut short', (t) => {
  const common = (flags: number): Uint8Array => concat(bytes(flags), fromHex('8000020000000001'), be32(4), fromHex('7001020000000002'),
    be16(0x8001), be16(256), be16(20 * 256), be16(2 * 256), be16(15 * 256));
  const mcid = concat(bytes(0), text('region1'), new Uint8Array(25), be16(5), fromHex('000102030405060708090a0b0c0d0e0f'));
  const cist = concat(be32(20), fromHex('8000020000000003'), bytes(20));
  const msti = (i: number): Uint8Array => concat(bytes(0x7c), fromHex(`${(8 + i).toString(16)}001020000000004`), be32(10 * i), bytes(0x80, 0x90, 12));
  const bpdus = [
    ...[0x00, 0x01, 0x80, 0x81, 0x02, 0x10, 0x20, 0x40, 0x7e, 0xff].map((f) => concat(fromHex('00000000'), common(f))),
    ...[0x00, 0x04, 0x08, 0x0c, 0x3c].map((f) => concat(fromHex('00000202'), common(f), bytes(0))),
    concat(fromHex('00000302'), common(0x3c), bytes(0), be16(64), mcid, cist),
    concat(fromHex('00000302'), common(0x3c), bytes(0), be16(96), mcid, cist, msti(1), msti(2)),
    concat(fromHex('00000302'), common(0x3c), bytes(0), be16(200), mcid, cist),
    fromHex('00000080'), fromHex('00000100'), fromHex('00000005'), fromHex('00010000'), fromHex('000002'), concat(fromHex('00000000'), common(0)).subarray(0, 20),
  ];
  const frames = bpdus.map((b) => ether('01:80:c2:00:00:00', '02:00:00:00:00:01', 3 + b.length, concat(fromHex('424203'), b)));
  compare(t, 1, withCuts(frames, [14, 17, 19, 21, 22, 25, 30, 40, 50, 60, 70, 90, 110, 120, 130]), [[], ['-v'], ['-e'], ['-x']]);
});

test('BOOTP/DHCP: requests and replies, every option format, CMU vendor area, every -v level, cut short', (t) => {
  const bootp = (op: number, o: { htype?: number; hlen?: number; ciaddr?: string; yiaddr?: string; giaddr?: string; flags?: number; sname?: string; file?: string }, vend: Uint8Array): Uint8Array => {
    const h = new Uint8Array(236);
    h[0] = op; h[1] = o.htype ?? 1; h[2] = o.hlen ?? 6; h[3] = op === 2 ? 1 : 0;
    h.set(be32(0x1234), 4); h.set(be16(op === 2 ? 3 : 0), 8); h.set(be16(o.flags ?? 0), 10);
    if (o.ciaddr) h.set(fromHex(o.ciaddr), 12);
    if (o.yiaddr) h.set(fromHex(o.yiaddr), 16);
    if (o.giaddr) h.set(fromHex(o.giaddr), 24);
    h.set(fromHex('020000000001'), 28);
    if (o.sname) h.set(text(o.sname), 44);
    if (o.file) h.set(text(o.file), 108);
    return concat(h, vend);
  };
  const opts = (hex: string): Uint8Array => concat(fromHex('63825363'), fromHex(hex));
  const msgs = [
    bootp(1, {}, opts('350103 3d0701020000000001 32040a000032 36040a000001 390205dc 3c0f616e64726f69642d646863702d3133 0c0570686f6e65 370f0103060f1a1c333a3b2b726c7779fc ff')),
    bootp(2, { flags: 0x8000, ciaddr: '0a000009', yiaddr: '0a000032', giaddr: '0a0000fe' },
      opts('350105 3a0400000708 3b0400000c4e 330400000e10 1c040a0000ff 1a0205dc 2a040a000001 790c000a000001 10c0a80a000002 21080a0100000a000001 0204fffff1f0 ff')),
    bootp(2, { sname: 'server1', file: 'pxelinux.0' }, opts('350106 3803626164 3d060068656c6c6f 510f010000686f73742e6578616d706c652e 520f0104657468300203616263090278 79 4d0703616263026465 2e0108 340103 130101 170140 180400000258 c803010203 c9020102 ca0401020304 0000 ff')),
    bootp(1, { htype: 6, hlen: 8 }, fromHex('434d5500')),
    bootp(3, {}, new Uint8Array(4)), bootp(1, {}, fromHex('01020304')),
  ];
  const frames = msgs.map((m) => IP({ proto: 17, src: '0.0.0.0', dst: '255.255.255.255' }, udp(68, 67, m)));
  compare(t, 1, withCuts(frames, [42, 49, 56, 70, 84, 98, 112, 140, 170, 200, 250, 280, 285, 290, 300, 320, 340]), [[], ['-v'], ['-vv'], ['-vvv'], ['-x']]);
});

test('ESP, VRRP v2/v3 (addresses, auth, checksums, TTL), Geneve (options, TEB and IPv4 payloads), cut short', (t) => {
  const inner = ether('0a:00:00:00:00:02', '0a:00:00:00:00:01', 0x0800, ipv4({ proto: 1, src: '1.1.1.1', dst: '2.2.2.2' }, icmp(8, 0, be32(0))));
  const vrrp2 = (naddr: number, auth: number, ttl = 255, fixSum = true): Uint8Array => {
    const m = concat(bytes(0x21, 7, 100, naddr, auth, 1, 0, 0), ...Array.from({ length: naddr }, (_, i) => be32(0x0a000064 + i)), auth === 1 ? text('secret\0\0') : new Uint8Array(0));
    if (fixSum) { let sum = 0; for (let i = 0; i < m.length; i += 2) sum += (m[i]! << 8) | (m[i + 1] ?? 0); while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16); m.set(be16(~sum & 0xffff), 6); }
    return IP({ proto: 112, dst: '224.0.0.18', ttl }, m);
  };
  const frames = [
    IP({ proto: 50 }, concat(fromHex('0000100100000007'), new Uint8Array(20))), IP({ proto: 50 }, fromHex('0000')),
    vrrp2(1, 0), vrrp2(2, 1), vrrp2(3, 2, 64), vrrp2(1, 0, 255, false),
    IP({ proto: 112, dst: '224.0.0.18', ttl: 255 }, fromHex('310164010064 0000 0a000064'.replace(/ /g, ''))),
    IP({ proto: 112, dst: '224.0.0.18', ttl: 255 }, fromHex('2201640000640000')), IP({ proto: 112, dst: '224.0.0.18', ttl: 255 }, fromHex('1101640000640000')),
    IP({ proto: 17 }, udp(40000, 6081, concat(fromHex('0000655800000100'), inner))),
    IP({ proto: 17 }, udp(40000, 6081, concat(fromHex('02c0655800abcd07 0102800100000001 0101000200000002 00000003'.replace(/ /g, '').slice(0, 48)), inner))),
    IP({ proto: 17 }, udp(40000, 6081, concat(fromHex('0000080000000200'), inner.subarray(14)))),
    IP({ proto: 17 }, udp(40000, 6081, concat(fromHex('0000123400000200'), text('abcd')))), IP({ proto: 17 }, udp(40000, 6081, fromHex('4000655800000100'))),
  ];
  compare(t, 1, withCuts(frames, [34, 36, 38, 40, 42, 44, 46, 48, 50, 52, 54, 56, 60, 64, 70, 76]), [[], ['-v'], ['-vv'], ['-e'], ['-x']]);
});

test('syslog: priorities, control and high bytes, bad headers, -vv hex, cut short', (t) => {
  const msgs = ['<34>Oct 11 22:14:15 mymachine su: test', '<191>x\x01y\xffz\n', '<1234>a', '34>x', '<34x', '<>empty', '<0>', '<', '<999>big', `<13>${'m'.repeat(40)}`];
  const frames = msgs.map((m, i) => IP({ proto: 17 }, udp(i & 1 ? 514 : 40000, i & 1 ? 40000 : 514, text(m))));
  compare(t, 1, withCuts(frames, [42, 43, 44, 45, 46, 48, 52, 60, 70]), [[], ['-v'], ['-vv'], ['-x']]);
});

test('AH in front of UDP, TCP, ESP and another AH; reserved bits; cut short', (t) => {
  const ah = (nh: string, rest: string, payload: Uint8Array): Uint8Array => IP({ proto: 51 }, concat(fromHex(nh + rest), payload));
  const icv = '04000000001001000000070102030405060708090a0b0c';
  const frames = [
    ah('11', icv, udp(1, 2, text('abcd'))), ah('06', icv, tcp({ sport: 3, dport: 4 })), ah('32', icv, fromHex('000010010000000700112233445566778899')),
    ah('11', '000014000000004000000000', new Uint8Array(0)), ah('33', '01000000001001000000070000000033040000000010020000000801020304050607080910111211', new Uint8Array(0)),
    IP({ proto: 51 }, fromHex('11')),
  ];
  compare(t, 1, withCuts(frames, [34, 35, 36, 38, 42, 46, 50, 54, 58, 62, 66, 70]), [[], ['-v'], ['-x']]);
});

test('TCP relative sequence numbers stay right across 20000 conversations (table growth) and with -S', (t) => {
  const frames: Uint8Array[] = [];
  const conv = (i: number): [string, string, number, number] =>
    [`10.${(i >> 8) & 255}.${i & 255}.1`, `172.16.${(i * 7) & 255}.${(i >> 8) & 255}`, 40000 + (i % 20000), i % 3 === 0 ? 443 : 80 + (i % 5)];
  for (let i = 0; i < 20000; i++) {
    const [a, b, pa, pb] = conv(i);
    const isn = (i * 2654435761) >>> 0, irs = (i * 40503 + 7) >>> 0;
    frames.push(IP({ src: a, dst: b }, tcp({ sport: pa, dport: pb, flags: 0x02, seq: isn })));
    frames.push(IP({ src: b, dst: a }, tcp({ sport: pb, dport: pa, flags: 0x12, seq: irs, ack: (isn + 1) >>> 0 })));
  }
  for (let i = 19999; i >= 0; i -= 3) {
    const [a, b, pa, pb] = conv(i);
    const isn = (i * 2654435761) >>> 0, irs = (i * 40503 + 7) >>> 0;
    frames.push(IP({ src: a, dst: b }, tcp({ sport: pa, dport: pb, flags: 0x18, seq: (isn + 1) >>> 0, ack: (irs + 1) >>> 0 }, text('0123456789'))));
    frames.push(IP({ src: b, dst: a }, tcp({ sport: pb, dport: pa, flags: 0x10, seq: (irs + 1) >>> 0, ack: (isn + 11) >>> 0, options: fromHex('0101050a') })));
  }
  compare(t, 1, frames.map((frame) => ({ frame })), [[], ['-S']]);
});

test('record headers tcpdump will not print: zero lengths, len < caplen, over 256 KiB', (t) => {
  const f = IP({ proto: 17 }, udp(1, 2, text('abcd')));
  compare(t, 1, [
    { frame: f }, { frame: f, origLen: 10 }, { frame: f, caplen: 0, origLen: 0 }, { frame: f, caplen: 0 },
    { frame: f, origLen: 300000 }, { frame: f, caplen: 20 },
  ], [['-#'], ['-x', '-e']]);
});

test('tcpdump is the oracle these tests need', (t) => {
  t.regex(execFileSync('tcpdump', ['--version'], { encoding: 'latin1' }), /tcpdump version 4\.99\./);
});
