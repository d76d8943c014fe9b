// Frames built here, written to pcap files, printed by bin/vcap and by Debian's tcpdump 4.99.3
// (the oracle) with the same flags: the outputs must be identical. Each set also runs cut short
// at many snap lengths, so every truncation path is compared, with the -x dump that shows
// where tcpdump's printers stopped.
import test from 'ava';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { be16, be32, bytes, checksum, concat, ether, ext6, fromHex, icmp, ip4, ip6, ipv4, ipv6, tcp, udp, vlanTag } from '../helpers/frames.js';
import { Oracle, withCuts, type Rec } from '../helpers/oracle.js';
import { openCaptureFile } from '../../src/capture/capture-file.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

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
  // Quoted packets whose total length is under 4 bytes, at 4, under a header, and a whole one's.
  for (const totalLength of [0, 1, 3, 4, 19, 20, 28]) frames.push(IP({ proto: 1 }, icmp(11, 0, be32(0), ipv4({ proto: 17, totalLength }, udp(1, 2)))));
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
    // TCP-AO and TFO cookies of lengths they cannot have: tcpdump's (invalid).
    fromHex('1d0301 01'), fromHex('1d02 0101'), fromHex('220501020301'), fromHex('220301'), fromHex('2212 01010101010101010101010101010101 0101'),
    fromHex('fe07f989010203 01'),
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
  // After an MPTCP option tcpdump's protocol name is mptcp: a later option cut short ends ` [|mptcp]>`.
  frames.push(IP({}, tcp({ sport: 40000, dport: 5001, flags: 0x10, options: fromHex('1e083004 0a000001 1e0c0081 0102030405060708') })));
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
  // A route or timestamp pointer of 0 (tcpdump's unsigned ptr - 1: past every hop).
  frames.push(IP({ proto: 17, options: fromHex('070b00 01010101 02020202 01') }, udp(1, 2)), IP({ proto: 17, options: fromHex('440c0001 0a000001 00000005') }, udp(1, 2)));
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
  // vat by destination port 3456 only (print-udp.c's `dport == VAT_PORT`), not as a source port.
  frames.push(IP({ proto: 17 }, udp(48972, 3456, fromHex('00400363000000000102030405060708'))), IP({ proto: 17 }, udp(3456, 48972, fromHex('0040036300000000'))));
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

test('ATM ARP (RFC 2225, hardware type 19): every operation, wrong protocol types and lengths, no addresses, sub-addresses; cut short', (t) => {
  // The type-and-length bytes of each address, then the addresses: sender ATM number, sub-address and
  // protocol address, then the target's.
  const atmArp = (op: number, o: { pro?: number; shl?: number; ssl?: number; spl?: number; thl?: number; tsl?: number; tpl?: number } = {}): Uint8Array => {
    const { pro = 0x0800, shl = 20, ssl = 0, spl = 4, thl = 20, tsl = 0, tpl = 4 } = o;
    const run = (n: number, from: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => from + i);
    return E(0x0806, concat(be16(19), be16(pro), bytes(shl, ssl), be16(op), bytes(spl, thl, tsl, tpl),
      run(shl, 1), run(ssl, 50), run(spl, 10), run(thl, 100), run(tsl, 150), run(tpl, 20)));
  };
  const frames: Uint8Array[] = [];
  for (const op of [1, 2, 3, 8, 9, 10, 77]) {
    frames.push(atmArp(op), atmArp(op, { spl: 2 }), atmArp(op, { tpl: 0 }), atmArp(op, { pro: 0x86dd }), atmArp(op, { shl: 0, thl: 0 }), atmArp(op, { ssl: 3, tsl: 2 }));
  }
  compare(t, 1, withCuts(frames, [14 + 8, 14 + 11, 14 + 12, 14 + 30, 14 + 50]), [[], ['-v'], ['-e'], ['-v', '-x']]);
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
    [[], ['-v'], ['-vv'], ['-vvv'], ['-q'], ['-x'], ['-v', '-x']]);
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
  compare(t, 1, withCuts(frames, [42, 44, 46, 47, 48, 49, 50, 52, 56, 60, 64, 70, 76, 80, 90]), [[], ['-v'], ['-e'], ['-q'], ['-x'], ['-X', '-vv']]);
  // An inner 802.3 frame whose length field ends it before the datagram does, in a UDP length short of
  // the IP payload: tcpdump compares the length VXLAN gives with what can be read, not with the 802.3 length.
  const llcFrame = ether('0a:00:00:00:00:02', '0a:00:00:00:00:01', 20, concat(fromHex('707103'), new Uint8Array(200)));
  const vx = concat(fromHex('08000000 00002a00'), llcFrame);
  compare(t, 1, [8 + 16 + 30, 8 + 16 + 100, 8 + 16 + 300].map((ulen) => ({ frame: IP({ proto: 17 }, udp(40000, 4789, vx, ulen)) })), [[], ['-v'], ['-e']]);
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
    // Source routes whose offset or length is not whole hops, or whose offset is past the list: tcpdump
    // names the fault, prints no hops and goes on to the next SRE.
    gre('40000800 00000000 08000508 0a000001 0a000002 08000004 0a000003 00000000', inner),
    gre('40000800 00000000 08000006 0a000001 0a00 00000000', inner), gre('40000800 00000000 08000808 0a000001 0a000002 00000000', inner),
    gre('40000800 00000000 fffe0104 00010002 00000000', inner), gre('40000800 00000000 fffe0003 000100 00000000', inner),
    gre('40000800 00000000 fffe0404 00010002 00000000', inner),
    gre('00008847', concat(fromHex('00014140'), inner)), gre('00008847', concat(fromHex('00000040 00003140'), inner)),
    gre('00008847', concat(fromHex('00014140'), fromHex('00112233'))),
    E(0x8847, concat(fromHex('00014140'), inner)), E(0x8848, concat(fromHex('00001040 00003140'), inner)),
    // Stacks whose bottom the lengths never reach (GRE's IP length, UDP's length over port 6635):
    // tcpdump's "(invalid)", and [|mpls] as well where the bytes left are not captured.
    gre('00008847', fromHex('00001040 00002040')), gre('00008847', fromHex('00001040 0000')),
    IP({ proto: 17 }, udp(4000, 6635, fromHex('00001042 00001042 00001042'))), IP({ proto: 17 }, udp(4000, 6635, fromHex('00001042 0000'))),
    IP({ proto: 17 }, udp(6635, 4000, fromHex('00001142 45'))),
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
  const spb = (v4len: number): Uint8Array => concat(be16(v4len), bytes(0), text('aux\x01'), new Uint8Array(28), be16(7), fromHex('00112233445566778899aabbccddeeff'),
    bytes(0xd4, 0, 0x21, 0x32), be16(33), be32(0), be32(0), fromHex('0102030405060708090a0b0c0d0e0f1011121314'));
  const bpdus = [
    ...[0x00, 0x01, 0x80, 0x81, 0x02, 0x10, 0x20, 0x40, 0x7e, 0xff].map((f) => concat(fromHex('00000000'), common(f))),
    ...[0x00, 0x04, 0x08, 0x0c, 0x3c].map((f) => concat(fromHex('00000202'), common(f), bytes(0))),
    concat(fromHex('00000302'), common(0x3c), bytes(0), be16(64), mcid, cist),
    concat(fromHex('00000302'), common(0x3c), bytes(0), be16(96), mcid, cist, msti(1), msti(2)),
    concat(fromHex('00000302'), common(0x3c), bytes(0), be16(200), mcid, cist),
    // SPB (802.1aq): the version 4 part after the MSTP one; a version 4 length under tcpdump's minimum; a version 1 length not 0.
    concat(fromHex('00000402'), common(0x3c), bytes(0), be16(64), mcid, cist, spb(85)),
    concat(fromHex('00000402'), common(0x3c), bytes(0), be16(96), mcid, cist, msti(1), msti(2), spb(85)),
    concat(fromHex('00000402'), common(0x3c), bytes(0), be16(64), mcid, cist, spb(20)),
    concat(fromHex('00000402'), common(0x3c), bytes(5), be16(64), mcid, cist, spb(85)),
    fromHex('00000080'), fromHex('00000100'), fromHex('00000005'), fromHex('00010000'), fromHex('000002'), concat(fromHex('00000000'), common(0)).subarray(0, 20),
    // Timers whose hundredths fall on an exact half (2 + 32/256 s, 0.125 s, 2 + 160/256 s): tcpdump's %.2f rounds those to the even digit.
    concat(fromHex('00000000'), bytes(0), fromHex('8000020000000001'), be32(4), fromHex('7001020000000002'), be16(0x8001), be16(32), be16(20 * 256), be16(2 * 256 + 32), be16(2 * 256 + 160)),
  ];
  const frames = bpdus.map((b) => ether('01:80:c2:00:00:00', '02:00:00:00:00:01', 3 + b.length, concat(fromHex('424203'), b)));
  compare(t, 1, withCuts(frames, [14, 17, 19, 21, 22, 25, 30, 40, 50, 60, 70, 90, 110, 120, 130, 140, 160, 180, 200, 220]), [[], ['-v'], ['-e'], ['-x']]);
});

test('BCM-LI from UDP source port 49152: every packet type, the IP version guessed, before and after the ports print-udp.c tests first, cut short', (t) => {
  const shim = (dir: number, type: number, sub: number, id: number): Uint8Array => be32(((dir << 29) | (type << 25) | (sub << 22) | id) >>> 0);
  const v4 = ipv4({ proto: 17, src: '10.1.1.1', dst: '10.2.2.2' }, udp(1000, 53, fromHex('12340100000100000000000003777777076578616d706c6503636f6d0000010001')));
  const v6 = ipv6({ nh: 17 }, udp(1000, 2000, text('hi')));
  const eth = ether('02:00:00:00:00:04', '02:00:00:00:00:03', 0x0800, v4);
  const li = (dport: number, payload: Uint8Array): Uint8Array => IP({ proto: 17 }, udp(49152, dport, payload));
  const frames = [
    li(49153, concat(shim(3, 4, 2, 66666), v4)), li(49153, concat(shim(3, 4, 2, 66666), v6)), li(49153, concat(shim(2, 4, 1, 1), text('xyz'))),
    li(49153, concat(shim(2, 5, 3, 0x3fffff), v4)), li(49153, concat(shim(1, 6, 0, 7), v6)), li(49153, concat(shim(0, 7, 7, 9), eth)),
    li(49153, concat(shim(3, 9, 2, 5), v4)), li(49153, bytes(1, 2, 3)),
    // BFD's senders start at 49152: tcpdump prints BCM-LI there (its test comes first); DNS is tested before it.
    li(3784, concat(shim(3, 4, 2, 66666), v4)), li(53, fromHex('12340100000100000000000003777777076578616d706c6503636f6d0000010001')),
    IP({ proto: 17 }, udp(49153, 49152, concat(shim(3, 4, 2, 66666), v4))),
  ];
  compare(t, 1, withCuts(frames, [42, 43, 45, 46, 47, 50, 60, 70, 80, 100]), [[], ['-v'], ['-vv'], ['-e']]);
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
  compare(t, 1, withCuts(frames, [42, 49, 56, 70, 84, 86, 87, 98, 112, 140, 150, 151, 170, 200, 250, 280, 285, 290, 300, 320, 340]),
    [[], ['-v'], ['-vv'], ['-vvv'], ['-x'], ['-v', '-x']]);
  // A UDP length short of the IP payload (the options are printed to the payload's end, as rfc1048_print reads
  // while a byte is left); classless routes shorter than a route (tcpdump's bracketed error, -vvv shows empty ones).
  const short = bootp(1, {}, opts('350101 3703011c02 7900 f90103 ff'));
  compare(t, 1, [{ frame: IP({ proto: 17, src: '0.0.0.0', dst: '255.255.255.255' }, udp(68, 67, short, 8 + 240)) }, { frame: IP({ proto: 17 }, udp(68, 67, short)) }],
    [['-v'], ['-vvv']]);
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
    // Datagrams shorter than the header (tcpdump's length check, before what was captured); options
    // the header counts past the datagram's end; from port 6081.
    IP({ proto: 17 }, udp(40000, 6081, new Uint8Array(0))), IP({ proto: 17 }, udp(6081, 40000, fromHex('000065'))),
    IP({ proto: 17 }, udp(40000, 6081, fromHex('00006558000001'))), IP({ proto: 17 }, udp(40000, 6081, fromHex('0200655800000100'))),
    IP({ proto: 17 }, udp(40000, 6081, fromHex('0480655800000100 0102800100000001'.replace(/ /g, '')))),
    // Option classes of each range: standard (0x0000–0x00ff), named, unknown, experimental (0xfff0–0xffff).
    ...[0x0000, 0x0002, 0x00ff, 0x0100, 0x0104, 0x0105, 0xfeff, 0xfff0, 0xffff].map((cls) =>
      IP({ proto: 17 }, udp(40000, 6081, concat(fromHex('0200655800000100'), be16(cls), fromHex('0101 00000000'), inner)))),
    // Reserved flag bits (R1 0x20 … R6 0x01), alone and with O and C.
    IP({ proto: 17 }, udp(40000, 6081, concat(fromHex('00ff655800000100'), inner))), IP({ proto: 17 }, udp(40000, 6081, concat(fromHex('0021655800000100'), inner))),
    IP({ proto: 17 }, udp(40000, 6081, concat(fromHex('009e655800000100'), inner))),
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

test('LLDP: every TLV, ID subtype and address family; 802.1, 802.3, LLDP-MED, MUD and DCBX TLVs; short values; every -v level, cut short', (t) => {
  const tlv = (type: number, value: Uint8Array): Uint8Array => concat(be16((type << 9) | (value.length & 0x1ff)), value);
  const org = (oui: number, sub: number, rest: Uint8Array = bytes()): Uint8Array => tlv(127, concat(bytes(oui >> 16, (oui >> 8) & 255, oui & 255, sub), rest));
  const ieee1 = (sub: number, rest?: Uint8Array): Uint8Array => org(0x0080c2, sub, rest);
  const ieee3 = (sub: number, rest?: Uint8Array): Uint8Array => org(0x00120f, sub, rest);
  const tia = (sub: number, rest?: Uint8Array): Uint8Array => org(0x0012bb, sub, rest);
  const dtlv = (type: number, value: Uint8Array): Uint8Array => concat(be16((type << 9) | value.length), value);
  const feature = (sub: number, rest: Uint8Array): Uint8Array => concat(bytes(1, 2, 0xe0, sub), rest);
  const seq = (n: number, from = 0): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (from + i * 37) & 255);
  const end = tlv(0, bytes());
  const head = concat(tlv(1, concat(bytes(4), fromHex('00192fa7b28d'))), tlv(2, concat(bytes(5), text('Gi0/13'))), tlv(3, be16(120)));
  const pdus = [
    // The basic TLVs, each ID subtype, the address families and their short forms.
    concat(head, tlv(4, text('uplink\x01\xe9')), tlv(5, text('sw1\0junk')), tlv(6, text('Linux 6.1\nbox')), tlv(7, concat(be16(0x00ff), be16(0x0014))), end),
    ...[1, 2, 3, 6, 7, 0, 9].map((sub) => concat(tlv(1, concat(bytes(sub), text('chassis-x'))), tlv(2, concat(bytes(sub), text('port-y'))), end)),
    concat(tlv(1, concat(bytes(5, 1), fromHex('c0000201'))), tlv(2, concat(bytes(4, 2), seq(16))), tlv(1, concat(bytes(5, 6), seq(6))), end),
    concat(tlv(1, concat(bytes(5, 1), fromHex('c00002'))), end),
    concat(tlv(1, concat(bytes(5, 44), seq(5))), tlv(2, concat(bytes(3), seq(5))), end),
    concat(tlv(1, bytes(4)), end), concat(tlv(3, bytes(1)), end), concat(tlv(7, bytes(0, 4, 0)), end), concat(tlv(2, concat(bytes(4, 1), seq(3))), end),
    concat(tlv(8, concat(bytes(5, 1), fromHex('c0000207'), bytes(2), be32(13))), tlv(8, concat(bytes(17, 2), seq(16), bytes(3), be32(2), bytes(4), text('1.3.'))), end),
    concat(tlv(8, concat(bytes(7, 6), seq(6), bytes(9), be32(7), bytes(0))), tlv(8, concat(bytes(3, 33, 1, 2), bytes(2), be32(1))), end),
    concat(tlv(8, concat(bytes(5, 1), fromHex('c0000207'), bytes(2), be32(13), bytes(9))), end),
    concat(tlv(8, concat(bytes(5, 1), fromHex('c0000207'), bytes(2, 0, 0))), end), concat(tlv(8, bytes(0)), end), concat(tlv(8, bytes(9, 1, 2)), end),
    concat(tlv(9, seq(5)), tlv(126, seq(3)), end), concat(head, tlv(0, bytes(1, 2)), tlv(5, text('after'))),
    // IEEE 802.1.
    concat(ieee1(1, be16(100)), ieee1(2, concat(bytes(6), be16(200))), ieee1(3, concat(be16(300), bytes(5), text('vlan3'))), ieee1(4, concat(bytes(4), text('STP!'))), end),
    concat(ieee1(7, concat(bytes(3), be32(1234567))), ieee1(8, bytes(0xa5, 0x3c)), ieee1(9, concat(bytes(0xcb), seq(20))), ieee1(10, concat(bytes(7), seq(20, 3))), end),
    concat(ieee1(11, bytes(0xd8, 0x81)), ieee1(12, concat(bytes(0), bytes(0x63), be16(0x8906), bytes(0xa4), be16(3260))), ieee1(13, bytes(0xff, 0xfe, 0x3f, 0xd5, 0x6b)), end),
    concat(ieee1(14, concat(bytes(0x98, 0), be16(0x0123), fromHex('001002'), fromHex('002003'))), ieee1(14, concat(bytes(0x80, 0), be16(1), bytes(1))), ieee1(99, seq(4)), end),
    concat(ieee1(1), ieee1(2, bytes(1)), ieee1(3, be16(1)), ieee1(3, concat(be16(1), bytes(9), text('ab'))), ieee1(4, bytes(5)), ieee1(7, bytes(1, 2)), end),
    concat(ieee1(8, bytes(1)), ieee1(9, seq(3)), ieee1(10, seq(3)), ieee1(11, bytes(1)), ieee1(12), ieee1(12, bytes(0)), ieee1(12, bytes(0, 1)), ieee1(13, bytes(1)), ieee1(14, bytes(1)), end),
    concat(tlv(127, bytes(0, 0x80)), tlv(127, bytes(0, 0x80, 0xc2)), end),
    // IEEE 802.3.
    concat(ieee3(1, concat(bytes(3), be16(0x6c01), be16(16))), ieee3(1, concat(bytes(0), be16(0), be16(99))), ieee3(2, bytes(0x0f, 1, 3)), ieee3(2, bytes(0, 9, 9)), end),
    concat(ieee3(3, concat(bytes(1), be32(7))), ieee3(4, be16(9216)), ieee3(5, seq(3)), ieee3(1, bytes(1)), ieee3(2), ieee3(3), ieee3(4, bytes(1)), end),
    // TIA LLDP-MED.
    concat(tia(1, concat(be16(0x3f), bytes(3))), tia(1, concat(be16(0), bytes(9))), tia(2, concat(bytes(1), be16(0xc00a | (5 << 1)), bytes(0xae))), tia(2, concat(bytes(77), be16(0x2000), bytes(0))), end),
    concat(tia(3, concat(bytes(1), fromHex('51234567894abcdef012345678'), bytes(0x12), be32(0x40000abc), bytes(1))), tia(3, concat(bytes(1), seq(16))), end),
    concat(tia(3, concat(bytes(2, 17, 2), text('DE'), bytes(1, 3), text('BY\0'), bytes(3, 6), text('Munich'))), tia(3, concat(bytes(2, 9, 0), text('US'), bytes(0, 2), text('xx'))), end),
    concat(tia(3, concat(bytes(2, 7, 1), text('FR'), bytes(6, 9), text('rue'))), tia(3, concat(bytes(2, 2, 1))), tia(3, concat(bytes(2, 20, 1), text('FR'))), tia(3, bytes(2)), end),
    concat(tia(3, concat(bytes(3), text('911-5550100'))), tia(3, concat(bytes(9), seq(21))), tia(4, concat(bytes(0x51), be16(155))), tia(4, concat(bytes(0xa3), be16(2000))), end),
    concat(...[5, 6, 7, 8, 9, 10, 11].map((sub) => tia(sub, text(`inv${sub}\0pad`))), tia(12, seq(2)), tia(1, bytes(1)), tia(2, bytes(1)), tia(3), tia(4, bytes(1)), end),
    // IANA (MUD URL) and DCBX.
    concat(org(0x00005e, 1, text('https://example.com/mud\0x')), org(0x00005e, 2, seq(6)), org(0x00005e, 1, bytes(1)), end),
    concat(org(0x001b21, 1, seq(6)), org(0x001b21, 2, concat(dtlv(1, concat(bytes(0, 0), be32(7), be32(6))), dtlv(2, feature(0, concat(be32(0x01234567), seq(8), bytes(8)))),
      dtlv(3, feature(0, bytes(0xa5, 8))), dtlv(4, feature(0, concat(be16(0x8906), fromHex('c0001b'), bytes(8), be16(3260), fromHex('00001b'), bytes(0x10)))), dtlv(9, seq(3)))), end),
    concat(org(0x001b21, 2, concat(dtlv(1, seq(4)), dtlv(2, seq(4)), dtlv(3, seq(4)), dtlv(4, bytes(1)), dtlv(0, bytes()), dtlv(5, seq(2)))), org(0x001b21, 2, concat(dtlv(1, seq(20)))), end),
    concat(org(0x001b21, 2, concat(dtlv(5, seq(2)), bytes(1))), org(0x001b21, 2).subarray(0, 5), org(0x123456, 1, seq(3)), org(0x00000c, 1, seq(3)), end),
  ];
  const frames = pdus.map((p) => ether('01:80:c2:00:00:0e', '02:00:00:00:00:01', 0x88cc, concat(p, bytes(0, 0))));
  compare(t, 1, withCuts(frames, [14, 15, 16, 17, 20, 23, 25, 28, 30, 33, 36, 40, 45, 50, 57, 64, 70, 80, 90, 100, 120, 140]),
    [[], ['-v'], ['-vv'], ['-e', '-v'], ['-x', '-v'], ['-X', '-vvv']]);
});

test('CDP over 802.3/SNAP: every TLV type, address list forms, prefixes, malformed and short TLVs, with and without -v, cut short', (t) => {
  const tlv = (type: number, value: Uint8Array, len = value.length + 4): Uint8Array => concat(be16(type), be16(len), value);
  const seq = (n: number, from = 0): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (from + i * 29) & 255);
  const v4 = (a: string): Uint8Array => concat(bytes(1, 1, 0xcc), be16(4), Uint8Array.from(a.split('.').map(Number)));
  const v6 = concat(bytes(2, 8), fromHex('aaaa0300000086dd'), be16(16), fromHex('20010db8000000000000000000000001'));
  const cdps = [
    concat(bytes(2, 180), be16(0x0bea), tlv(1, text('S1')), tlv(5, text('IOS 12.2\nCopyright\x01\nend')), tlv(6, text('cisco WS-C3560')),
      tlv(2, concat(be32(2), v4('10.0.0.1'), v6)), tlv(3, text('Fa0/13')), tlv(4, be32(0x28)), tlv(8, seq(32)), tlv(9, text('')),
      tlv(0x0a, be16(1)), tlv(0x0b, bytes(1)), tlv(0x12, bytes(0)), tlv(0x13, bytes(5)), tlv(0x16, concat(be32(1), v4('192.0.2.1'))), tlv(0x1a, seq(12))),
    concat(bytes(1, 60), be16(0), tlv(7, concat(fromHex('0a000000'), bytes(8), fromHex('c0a80100'), bytes(24))), tlv(0x0e, bytes(1, 0, 100)), tlv(0x0f, be16(0x2000)),
      tlv(0x0f, bytes(2, 0, 7)), tlv(0x10, bytes(7)), tlv(0x10, be16(6300)), tlv(0x10, bytes(1, 0, 5)), tlv(0x11, be32(1500)), tlv(0x14, text('sys')), tlv(0x15, seq(6)),
      tlv(0x17, bytes(4)), tlv(0x17, concat(bytes(5), text('rack 3'))), tlv(0x0b, bytes(0))),
    concat(bytes(2, 180), be16(1), tlv(2, concat(be32(1), bytes(3, 2, 0xab, 0xcd), be16(3), bytes(1, 2, 3))), tlv(2, bytes(0, 0)), tlv(2, concat(be32(2), v4('1.2.3.4'))),
      tlv(2, concat(be32(1), bytes(1))), tlv(2, concat(be32(1), bytes(1, 9, 0))), tlv(2, concat(be32(1), bytes(1, 1, 0xcc), be16(4), bytes(1))), tlv(2, concat(be32(0), bytes(3)))),
    concat(bytes(2, 180), be16(1), tlv(7, seq(7)), tlv(4, be16(1)), tlv(0x0a, bytes(1, 2, 3)), tlv(0x10, seq(4)), tlv(0x16, bytes(0)), tlv(0x17, bytes()), tlv(99, seq(3))),
    concat(bytes(2, 180), be16(1), tlv(1, text('dev')), tlv(6, text('p'), 2)), concat(bytes(2, 180), be16(1), tlv(1, text('dev')), tlv(6, text('p'), 30)),
    concat(bytes(2, 180), be16(1), tlv(1, text('dev')), bytes(0, 1)), bytes(2, 180), bytes(2, 180, 0),
  ];
  const snap = (cdp: Uint8Array): Uint8Array => concat(fromHex('aaaa0300000c2000'), cdp);
  const frames = cdps.map((p) => ether('01:00:0c:cc:cc:cc', '02:00:00:00:00:01', 8 + p.length, snap(p)));
  frames.push(ether('01:00:0c:cc:cc:cc', '02:00:00:00:00:01', 0x8870, snap(cdps[0]!)));
  compare(t, 1, withCuts(frames, [22, 23, 25, 26, 27, 30, 33, 36, 40, 45, 50, 60, 70, 90, 110, 130, 150, 170, 200, 240]),
    [[], ['-v'], ['-e'], ['-e', '-vv'], ['-x', '-v'], ['-X']]);
});

test('MS NLB heartbeats and Ethernet loopback (ECTP): every function, skip counts, bogus and short messages, cut short', (t) => {
  const le16 = (v: number): Uint8Array => bytes(v & 255, v >> 8);
  const nlb = concat(fromHex('0000000102000000'), bytes(2, 0, 0, 0), bytes(192, 168, 100, 80), bytes(192, 168, 100, 82), new Uint8Array(20));
  const ectps = [
    concat(le16(0), le16(2), fromHex('aa0004001d04'), le16(1), le16(7), new Uint8Array(30)),
    concat(le16(8), le16(2), fromHex('aa0004001d04'), le16(1), le16(1), new Uint8Array(30)),
    concat(le16(16), new Uint8Array(16), le16(1), le16(2), new Uint8Array(10)),
    concat(le16(3), bytes(1, 2, 3), le16(7), bytes(9, 9)), concat(le16(0), le16(9)), concat(le16(0), le16(1), bytes(1)),
    concat(le16(0), le16(2), bytes(1, 2, 3)), concat(le16(40), new Uint8Array(10)), bytes(5), concat(le16(0), bytes(1)),
  ];
  const frames = [ether('03:bf:c0:a8:64:50', '02:bf:c0:a8:64:52', 0x886f, nlb), ether('03:bf:c0:a8:64:50', '02:bf:c0:a8:64:52', 0x886f, nlb.subarray(0, 19)),
    ...ectps.map((e) => ether('cf:00:00:00:00:00', '02:00:00:00:00:01', 0x9000, e))];
  compare(t, 1, withCuts(frames, [14, 15, 16, 17, 18, 20, 22, 23, 24, 25, 26, 27, 28, 30, 33, 34, 36, 40, 44]), [[], ['-e'], ['-v', '-x'], ['-X']]);
});

test('UDLD over 802.3/SNAP: every TLV, codes and flags, bad lengths, with and without -v, cut short', (t) => {
  const tlv = (type: number, value: Uint8Array, len = value.length + 4): Uint8Array => concat(be16(type), be16(len), value);
  const msgs = [
    concat(bytes(0x21, 0x03), be16(0x6d85), tlv(1, text('FOC1031Z7JG')), tlv(2, text('Gi0/1')), tlv(3, bytes(0, 0, 0, 1, 0, 3, 0x41, 0x42, 0x43)), tlv(4, bytes(7)),
      tlv(5, bytes(5)), tlv(6, text('S1\0x')), tlv(7, be32(1)), tlv(9, bytes(1, 2))),
    concat(bytes(0x42, 0xfc), be16(1), tlv(4, bytes(7, 8))), concat(bytes(0x23, 0), be16(1), tlv(7, bytes(1))), concat(bytes(0x3f, 0), be16(1), tlv(1, bytes(), 4)),
    concat(bytes(0x21, 0), be16(1), tlv(1, text('abc'), 20)), concat(bytes(0x21, 0), be16(1), bytes(0, 1, 0)), bytes(0x21, 0, 0),
  ];
  const frames = msgs.map((m) => ether('01:00:0c:cc:cc:cc', '02:00:00:00:00:01', 8 + m.length, concat(fromHex('aaaa0300000c0111'), m)));
  compare(t, 1, withCuts(frames, [22, 23, 24, 25, 26, 28, 30, 33, 36, 40, 45, 50, 55, 60, 70]), [[], ['-v'], ['-e', '-v'], ['-x', '-v']]);
});

test('slow protocols: LACP, Marker, OAM information / events / loopback / others, bad versions and lengths, every -v level, cut short', (t) => {
  const tlv = (type: number, value: Uint8Array, len = value.length + 2): Uint8Array => concat(bytes(type, len), value);
  const actor = (state: number): Uint8Array => concat(be16(32768), fromHex('0013c4120f00'), be16(13), be16(32768), be16(22), bytes(state, 0, 0, 0));
  const info = (type: number): Uint8Array => concat(bytes(type, 16, 1), be16(2), bytes(0x05, 0x1f), be16(0xf5ee), fromHex('00120f'), be32(0xdeadbeef));
  const event = (type: number): Uint8Array => concat(bytes(type, 40), be16(12), be32(0), be32(1000), be32(0), be32(1), be32(1), be32(0xffffffff), be32(0), be32(77), be32(3));
  const pdus = [
    concat(bytes(1, 1), tlv(1, actor(0x85)), tlv(2, actor(0x3a)), tlv(3, concat(be16(32768), new Uint8Array(12))), tlv(0, bytes(), 0), new Uint8Array(50)),
    concat(bytes(2, 1), tlv(1, concat(be16(7), fromHex('0013c4120f00'), be32(0x1234), bytes(0, 0))), tlv(9, bytes(1, 2)), tlv(0, bytes(), 0)),
    concat(bytes(1, 1), tlv(1, actor(0).subarray(0, 10)), tlv(3, bytes(1)), tlv(7, bytes(1, 2, 3)), tlv(5, bytes(), 1)), concat(bytes(1, 1), tlv(1, actor(0), 60)),
    bytes(1, 2), bytes(2, 9), bytes(1), bytes(7, 1, 2, 3), concat(bytes(1, 1), bytes(1)),
    concat(bytes(3), be16(0x0058), bytes(0), info(1), info(2), concat(bytes(0xfe, 6), fromHex('00120f01')), bytes(0, 0)),
    concat(bytes(3), be16(0x0001), bytes(0), bytes(1, 10, 1, 2, 3, 4, 5, 6, 7, 8), bytes(2, 1), bytes(9, 4, 1, 2)),
    concat(bytes(3), be16(0x0002), bytes(1), be16(5), event(1), event(4), bytes(2, 12), new Uint8Array(10), bytes(0xfe, 4, 1, 2), bytes(0, 0)),
    concat(bytes(3), be16(0), bytes(1), be16(5), bytes(3, 1)), concat(bytes(3), be16(0), bytes(1), bytes(1)),
    concat(bytes(3), be16(0), bytes(4, 1)), concat(bytes(3), be16(0), bytes(4, 9)), concat(bytes(3), be16(0), bytes(4)),
    concat(bytes(3), be16(0), bytes(2), fromHex('07000107')), concat(bytes(3), be16(0), bytes(0xfe), fromHex('00120f0102')), bytes(3, 0),
  ];
  const frames = pdus.map((p) => ether('01:80:c2:00:00:02', '00:13:c4:12:0f:0d', 0x8809, p));
  compare(t, 1, withCuts(frames, [14, 15, 16, 17, 18, 19, 20, 22, 25, 30, 35, 38, 40, 45, 50, 55, 60, 70, 80, 100]),
    [[], ['-v'], ['-vv'], ['-e', '-v'], ['-x', '-v']]);
});

test('CFM (802.1ag): CCM name formats and intervals, LTM, LTR, LBM, every TLV and Sender ID form, bad offsets and lengths, cut short', (t) => {
  const tlv = (type: number, value: Uint8Array, len = value.length): Uint8Array => concat(bytes(type), be16(len), value);
  const names = (md: Uint8Array, ma: Uint8Array): Uint8Array => { const n = new Uint8Array(48); n.set(concat(md, ma).subarray(0, 48)); return n; };
  const ccm = (flags: number, md: Uint8Array, ma: Uint8Array, tlvs: Uint8Array = bytes(0)): Uint8Array =>
    concat(bytes(0xa0, 1, flags, 70), be32(0x1234), be16(7), names(md, ma), new Uint8Array(16), tlvs);
  const sender = (v: Uint8Array): Uint8Array => tlv(1, v);
  const pdus = [
    ccm(0x81, concat(bytes(4, 6), text('domain')), concat(bytes(2, 4), text('ma-1')), concat(tlv(2, bytes(2)), tlv(3, bytes(1)), bytes(0))),
    ccm(0x04, bytes(1), concat(bytes(3, 2), be16(100)), concat(tlv(31, concat(fromHex('00120f'), bytes(9, 1, 2))), tlv(4, text('data')), bytes(0))),
    ccm(0x07, concat(bytes(3, 8), fromHex('0011223344550001')), concat(bytes(1, 2), be16(5))), ccm(0x02, concat(bytes(3, 6), fromHex('001122334455')), bytes(0, 3, 1, 2, 3)),
    ccm(0x03, concat(bytes(0, 45), new Uint8Array(45)), bytes(2, 1)), ccm(0x05, concat(bytes(2, 3), text('a.b')), bytes(2, 60)), ccm(0x06, concat(bytes(9, 2), text('zz')), bytes(4, 3, 1, 2, 3)),
    concat(bytes(0x60, 5, 0x80, 17), be32(9), bytes(64), fromHex('001122334455'), fromHex('665544332211'),
      sender(concat(bytes(6, 4), fromHex('001122334455'), bytes(3), fromHex('2b0601'), bytes(4), bytes(1, 2, 3, 4))), bytes(0)),
    concat(bytes(0x40, 4, 0xe0, 6), be32(9), bytes(3, 2), sender(concat(bytes(5, 5, 1, 10, 0, 0, 1))), sender(concat(bytes(17, 5, 2), new Uint8Array(16))),
      sender(concat(bytes(3, 5, 1, 9, 9))), sender(concat(bytes(4, 5, 9, 1, 2, 3))), sender(concat(bytes(5, 6), text('eth0\0'))), sender(concat(bytes(2, 9, 1, 2))), bytes(0)),
    concat(bytes(0x20, 3, 0, 4), be32(1), sender(bytes(0)), sender(bytes()), sender(bytes(6, 4, 1)), sender(bytes(0, 2, 1)), sender(bytes(0, 1, 9, 1)), sender(bytes(0, 1, 9)), bytes(0)),
    concat(bytes(0x20, 2, 0, 4), be32(1), tlv(2, bytes()), bytes(0)), concat(bytes(0x20, 2, 0, 4), be32(1), tlv(31, bytes(1, 2))), concat(bytes(0x20, 2, 0, 4), be32(1), tlv(3, bytes(1), 9)),
    concat(bytes(0x20, 2, 0, 4), be32(1), bytes(9, 0)), concat(bytes(0x20, 1, 0, 4), be32(1)), concat(bytes(0x20, 5, 0, 4), be32(1)), concat(bytes(0x20, 4, 0, 4), be32(1)),
    concat(bytes(0x20, 9, 0, 90), be32(1)), bytes(0x21, 1, 0, 0), concat(bytes(0x20, 1, 7, 70), be32(1)), bytes(0x20, 1),
  ];
  const frames = pdus.map((p) => ether('01:80:c2:00:00:30', '02:00:00:00:00:01', 0x8902, p));
  frames.push(ether('01:80:c2:00:00:30', '02:00:00:00:00:01', 0xabcd, pdus[0]!));
  compare(t, 1, withCuts(frames, [14, 15, 16, 17, 18, 20, 22, 24, 26, 30, 40, 60, 84, 85, 86, 88, 90, 95, 100, 110]), [[], ['-v'], ['-vv'], ['-e', '-v'], ['-x', '-v']]);
});

test('VTP over 802.3/SNAP: summary and subset advertisements with VLAN records and TLVs, requests, joins, bad lengths, cut short', (t) => {
  const head = (code: number, third: number, domain: string, dlen = domain.length): Uint8Array => {
    const h = new Uint8Array(36); h.set([1, code, third, dlen]); h.set(text(domain).subarray(0, 32), 4); return h;
  };
  const vlan = (id: number, name: string, tlvs: Uint8Array = bytes()): Uint8Array => {
    const padded = 4 * Math.ceil(name.length / 4), n = new Uint8Array(padded); n.set(text(name));
    return concat(bytes(12 + padded + tlvs.length, 0, 1, name.length), be16(id), be16(1500), be32(100000 + id), n, tlvs);
  };
  const msgs = [
    concat(head(1, 1, 'lab'), be32(0x2a), bytes(10, 0, 0, 1), text('930301000000'), fromHex('00112233445566778899aabbccddeeff')),
    concat(head(2, 1, 'lab'), be32(0x2a), vlan(1, 'default'), vlan(1002, 'fddi-default', concat(bytes(6, 1), be16(1), bytes(3, 1), be16(2))),
      vlan(1003, 'trcrf', concat(bytes(9, 1), be16(7), bytes(7, 1), be16(1), bytes(10, 1), be16(0), bytes(1, 1), be16(5))), bytes(0)),
    concat(head(2, 2, 'lab'), be32(1), vlan(5, 'v5', bytes(1, 2, 0, 1, 0, 2))), concat(head(2, 2, 'lab'), be32(1), vlan(6, 'v6', bytes(1, 9, 0, 1))),
    concat(head(2, 2, 'lab'), be32(1), vlan(7, 'v7', bytes(1))), concat(head(2, 2, 'lab'), be32(1), bytes(8, 0, 1, 0, 0, 9)),
    concat(head(2, 2, 'lab'), be32(1), bytes(16, 0, 1, 9, 0, 9, 5, 0xdc, 0, 0, 0, 1, 0x41, 0x42, 0x43, 0x44)),
    concat(head(3, 0, 'lab'), be32(7)), head(4, 0, 'lab'), head(9, 0, 'lab'), head(1, 1, 'x', 0), head(1, 1, 'x', 40), head(1, 1, 'lab').subarray(0, 30),
    concat(head(1, 1, 'a-domain-name-of-thirty-two-char'), be32(1)),
  ];
  const frames = msgs.map((m) => ether('01:00:0c:cc:cc:cc', '02:00:00:00:00:01', 8 + m.length, concat(fromHex('aaaa0300000c2003'), m)));
  compare(t, 1, withCuts(frames, [22, 24, 26, 30, 40, 57, 58, 62, 66, 70, 75, 80, 90, 100, 110, 120, 130, 140]), [[], ['-v'], ['-e', '-v'], ['-x', '-v']]);
});

/** Every frame of a capture in tcpdump's suite (test/pcaps/tcpdump-suite/). */
function suiteFrames(name: string): Uint8Array[] {
  const f = openCaptureFile(join(root, 'test', 'pcaps', 'tcpdump-suite', name));
  const out: Uint8Array[] = [];
  try {
    for (let b = f.next(); b !== null; b = f.next()) {
      for (let i = 0; i < b.count; i++) out.push(b.bytes.slice(b.offset[i], b.offset[i]! + b.capLen[i]!));
    }
  } finally {
    f.close();
  }
  return out;
}

test('IS-IS: the hellos, LSPs and SNPs of tcpdump\'s suite captures (every TLV they hold), whole and cut at many lengths, every -v level', (t) => {
  const frames = [
    ...suiteFrames('ISIS_level1_adjacency.pcap'), ...suiteFrames('ISIS_level2_adjacency.pcap'), ...suiteFrames('ISIS_external_lsp.pcap'),
    ...suiteFrames('isis_iid_tlv.pcap'), ...suiteFrames('isis_cap_tlv.pcap'), ...suiteFrames('isis_sid.pcap'), ...suiteFrames('isis_sr.pcapng'),
    ...suiteFrames('spb.pcap'), ...suiteFrames('isis-extd-ipreach-oobr.pcap'),
  ];
  // Headers that lie: versions, ID lengths, areas, fixed and PDU lengths, unknown PDU types.
  const common = (type: number, fixed: number, o: { v?: number; id?: number; pv?: number; areas?: number } = {}): Uint8Array =>
    bytes(0x83, fixed, o.v ?? 1, o.id ?? 0, type, o.pv ?? 1, 0, o.areas ?? 0);
  const hello = concat(bytes(1), fromHex('222222222222'), be16(30), be16(40), bytes(64), fromHex('22222222222201'), bytes(129, 1, 0xcc, 8, 2, 0, 0));
  const lsp = concat(be16(40), be16(1199), fromHex('2222222222220000'), be32(7), be16(0), bytes(0xff), bytes(137, 2, 0x72, 0x31, 1, 3, 2, 0x49, 0));
  const built = [
    concat(common(15, 27, { v: 2 }), hello), concat(common(15, 27, { id: 3 }), hello), concat(common(15, 27, { pv: 9 }), hello),
    concat(common(15, 27, { areas: 255 }), hello), concat(common(15, 27, { id: 6, areas: 3 }), hello), concat(common(15, 26), hello), concat(common(17, 27), hello),
    concat(common(18, 20), lsp), concat(common(24, 20), lsp), concat(common(26, 20), lsp), concat(common(9, 20), lsp), concat(common(18, 27), lsp),
    concat(common(18, 27), lsp).subarray(0, 30), concat(common(15, 200), hello), concat(common(15, 5), hello), common(15, 27),
    // A PDU type byte with reserved bits set: tcpdump names and dispatches on the whole byte (unknown, its hex dump).
    concat(common(0x5b, 20), lsp), concat(common(0x4f, 27), hello),
  ];
  const llc = (p: Uint8Array): Uint8Array => ether('01:80:c2:00:00:14', '02:00:00:00:00:01', 3 + p.length, concat(bytes(0xfe, 0xfe, 0x03), p));
  frames.push(...built.map(llc));
  compare(t, 1, withCuts(frames, [14, 17, 18, 20, 22, 26, 30, 35, 40, 45, 48, 52, 60, 70, 80, 100, 130, 160, 200, 300, 500, 900]),
    [[], ['-v'], ['-vv'], ['-e', '-v'], ['-x', '-vvv']]);
});

test('CLNP and ES-IS over 802.2 and EtherType 0xfefe: PDU types, options, error reports, redirects, bad lengths, cut short', (t) => {
  const nsap = (n: number, from = 0x49): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (from + 7 * i) & 255);
  const clnp = (type: number, opts: Uint8Array, data: Uint8Array = bytes(1, 2, 3, 4), seg = false): Uint8Array => {
    const addrs = concat(bytes(20), nsap(20), bytes(13), nsap(13, 0x39));
    const h = concat(bytes(0x81, 0, 1, 31, type | (seg ? 0x80 : 0)), be16(0), be16(0x1234), addrs, seg ? concat(be16(7), be16(0), be16(99)) : bytes(), opts);
    h[1] = h.length;
    return concat(h, data);
  };
  const esis = (type: number, body: Uint8Array): Uint8Array => { const h = concat(bytes(0x82, 0, 1, 0, type), be16(300), be16(0), body); h[1] = h.length; return h; };
  const pdus = [
    clnp(28, bytes()), clnp(28, concat(bytes(205, 1, 0x0e), bytes(195, 1, 0xff), bytes(197, 2, 0x40, 3), bytes(204, 2, 0, 0)), undefined, true),
    clnp(1, concat(bytes(193, 1, 0x81)), clnp(28, bytes())), clnp(1, bytes(193, 1, 0xb3)), clnp(30, concat(bytes(200, 8, 0, 3), bytes(1, 0x49), bytes(3, 1, 2, 3), bytes(0))),
    clnp(31, concat(bytes(203, 5, 1, 1, 2, 0x47, 0x48))), clnp(29, concat(bytes(99, 3, 1, 2, 3))), clnp(28, bytes(205, 0)), clnp(28, bytes(205, 9, 1)),
    concat(bytes(0x81, 5, 1, 31, 28), be16(0), be16(0)), concat(bytes(0x81, 40, 2, 31, 28), new Uint8Array(40)), concat(bytes(0x81, 200, 1, 31, 28), new Uint8Array(30)),
    concat(bytes(0x81, 12, 1, 31, 28), be16(0), be16(0), bytes(9, 1, 2)),
    esis(2, concat(bytes(2), bytes(3, 0x49, 0, 1), bytes(2, 0x39, 1), bytes(198, 2), be16(30), bytes(129, 2, 0xcc, 0x8e))),
    esis(4, concat(bytes(9), nsap(9), bytes(197, 1, 3))), esis(6, concat(bytes(5), nsap(5), bytes(6), fromHex('001122334455'), bytes(4), nsap(4))),
    esis(6, concat(bytes(2), nsap(2), bytes(3), bytes(1, 2, 3), bytes(0))), esis(9, bytes(1, 2, 3)), esis(2, bytes(3, 1, 2)), esis(4, bytes(1, 2, 3, 198, 9)),
    concat(bytes(0x82, 5, 1, 0, 2), be16(1), be16(0)), concat(bytes(0x82, 20, 1, 0, 2), be16(1), be16(0)), bytes(0x82, 12),
    bytes(0x00, 1, 2), bytes(0x55, 1, 2, 3), concat(bytes(0xcc), ipv4({ proto: 17 }, udp(1, 2, bytes(1)))),
  ];
  const llc = (p: Uint8Array): Uint8Array => ether('01:80:c2:00:00:14', '02:00:00:00:00:01', 3 + p.length, concat(bytes(0xfe, 0xfe, 0x03), p));
  const frames = [...pdus.map(llc), ...pdus.slice(0, 4).map((p) => ether('01:80:c2:00:00:14', '02:00:00:00:00:01', 0xfefe, concat(bytes(0), p)))];
  compare(t, 1, withCuts(frames, [14, 15, 16, 17, 18, 20, 23, 26, 30, 40, 50, 55, 60, 65, 70, 80, 90]), [[], ['-v'], ['-vv'], ['-e', '-v'], ['-x', '-v']]);
});

test('record headers tcpdump will not print: zero lengths, len < caplen, over 256 KiB', (t) => {
  const f = IP({ proto: 17 }, udp(1, 2, text('abcd')));
  compare(t, 1, [
    { frame: f }, { frame: f, origLen: 10 }, { frame: f, caplen: 0, origLen: 0 }, { frame: f, caplen: 0 },
    { frame: f, origLen: 300000 }, { frame: f, caplen: 20 },
  ], [['-#'], ['-x', '-e']]);
});

test('BFD: v0/v1/v2 control (every state, flags, diagnostics), the three auth types and bad lengths, echo, ports, cut short', (t) => {
  const ctl = (b0: number, flags: number, auth: Uint8Array = new Uint8Array(0)): Uint8Array =>
    concat(bytes(b0, flags, 3, 24 + auth.length), be32(0x11223344), be32(0x55667788), be32(300000), be32(250000), be32(50000), auth);
  const pw = concat(bytes(1, 9, 7), text('secret'));
  const md5 = concat(bytes(2, 24, 1, 0), be32(9), fromHex('00112233445566778899aabbccddeeff'));
  const sha = concat(bytes(4, 28, 1, 0), be32(10), fromHex('00112233445566778899aabbccddeeff00112233'));
  const msgs: [number, Uint8Array][] = [
    [3784, ctl(0x20, 0xc0)], [3784, ctl(0x21, 0x6a)], [3784, ctl(0x27, 0x3f)], [4784, ctl(0x29, 0x80)], [6784, ctl(0x23, 0x00)],
    [3784, ctl(0x20, 0x44, pw)], [3784, ctl(0x20, 0x44, md5)], [3784, ctl(0x20, 0x44, sha)], [3784, ctl(0x20, 0x44, concat(bytes(1, 2, 1), text('x')))],
    [3784, ctl(0x20, 0x44, concat(bytes(3, 20), new Uint8Array(18)))], [3784, ctl(0x20, 0x44, concat(bytes(5, 20), new Uint8Array(18)))],
    [3784, ctl(0x20, 0x44, bytes(9, 4, 0, 0))], [3784, ctl(0x04, 0xff, md5)], [3784, ctl(0x05, 0x00)], [3784, ctl(0x40, 0x00)],
    [3785, text('echo payload bytes')], [3784, bytes(0x20, 0x40)],
  ];
  const frames = msgs.map(([port, m]) => IP({ proto: 17 }, udp(49200, port, m)));
  frames.push(IP({ proto: 17 }, udp(3784, 49200, ctl(0x20, 0xc0))));
  compare(t, 1, withCuts(frames, [42, 44, 46, 50, 54, 58, 62, 65, 66, 67, 68, 69, 70, 72, 74, 76, 80, 86, 90, 94]), [[], ['-v'], ['-x']]);
});

test('HSRP v0 (every op code and state, reserved, auth), v1/v2; RIP v1/v2 (routes, auth entries, odd families, bad lengths), RIPng; cut short', (t) => {
  const hsrp = (op: number, state: number, reserved = 0, auth = 'cisco', version = 0): Uint8Array =>
    concat(bytes(version, op, state, 3, 10, 120, 7, reserved), text(auth.padEnd(8, '\0').slice(0, 8)), fromHex('0a000001'));
  const frames: Uint8Array[] = [];
  for (const [op, state] of [[0, 16], [1, 8], [2, 4], [3, 2], [0, 1], [0, 0], [0, 5]] as const) frames.push(IP({ proto: 17 }, udp(1985, 1985, hsrp(op, state))));
  frames.push(IP({ proto: 17 }, udp(1985, 1985, hsrp(0, 16, 9, 'abcdefgh'))), IP({ proto: 17 }, udp(1985, 1985, hsrp(0, 16, 0, '', 1))));
  frames.push(IP({ proto: 17 }, udp(1985, 40000, hsrp(0, 16))), IP({ proto: 17 }, udp(40000, 1985, hsrp(0, 16))));
  const v2route = (family: number, tag: number, dst: string, mask: number, hop: string, metric: number): Uint8Array =>
    concat(be16(family), be16(tag), ip4(dst), be32(mask), ip4(hop), be32(metric));
  const v1route = (family: number, dst: string, metric: number, mbz = 0): Uint8Array => concat(be16(family), be16(mbz), ip4(dst), be32(0), be32(0), be32(metric));
  const rip = (cmd: number, vers: number, ...entries: Uint8Array[]): Uint8Array => IP({ proto: 17 }, udp(520, 520, concat(bytes(cmd, vers, 0, 0), ...entries)));
  frames.push(
    rip(2, 2, v2route(2, 0, '10.7.0.0', 0xffffff00, '0.0.0.0', 1), v2route(2, 9, '10.8.0.0', 0xff00ff00, '10.0.0.9', 16), v2route(0, 0, '0.0.0.0', 0, '0.0.0.0', 16)),
    rip(1, 2, concat(bytes(0xff, 0xff, 0, 2), text('abcdefghijklmnop')), v2route(0, 0, '0.0.0.0', 0, '0.0.0.0', 16)),
    rip(2, 2, concat(bytes(0xff, 0xff, 0, 3), be16(44), bytes(1, 16), be32(1234), be32(0), be32(0)), v2route(2, 0, '10.1.0.0', 0xffff0000, '0.0.0.0', 2),
      concat(bytes(0xff, 0xff, 0, 1), fromHex('00112233445566778899aabbccddeeff'))),
    rip(2, 2, concat(bytes(0xff, 0xff, 0, 9), text('whatever'))), rip(2, 2, v2route(37, 0, '1.2.3.4', 0, '0.0.0.0', 1)), rip(2, 2, v2route(2, 0, '10.0.0.0', 0xff000000, '0.0.0.0', 1), bytes(0, 2, 0, 0, 1, 2)),
    rip(2, 1, v1route(2, '10.1.0.0', 1), v1route(0, '0.0.0.0', 16), v1route(2, '10.2.0.0', 1, 5), v1route(7, '10.3.0.0', 1)), rip(1, 1, v1route(2, '10.1.0.0', 1), bytes(1, 2, 3)),
    rip(3, 2, text('trace file')), rip(4, 2), rip(5, 1), rip(9, 2, text('x')), rip(2, 0, text('old')), rip(2, 3, v1route(2, '10.1.0.0', 1)),
  );
  const ripng = (cmd: number, vers: number, ...entries: Uint8Array[]): Uint8Array =>
    E(0x86dd, ipv6({ nh: 17, src: 'fe80::1', dst: 'ff02::9' }, udp(521, 521, concat(bytes(cmd, vers, 0, 0), ...entries))));
  const e6 = (prefix: string, tag: number, plen: number, metric: number): Uint8Array => concat(ip6(prefix), be16(tag), bytes(plen, metric));
  frames.push(
    ripng(2, 1, e6('2001:db8::', 0, 32, 1), e6('2001:db8:1::', 7, 48, 3), e6('::', 0, 0, 16)), ripng(1, 1, e6('::', 0, 0, 16)), ripng(1, 1, e6('2001:db8::', 0, 32, 1)),
    ripng(1, 1, e6('2001:db8::', 0, 32, 1), bytes(1, 2)), ripng(3, 1), ripng(2, 2), ripng(2, 1),
  );
  compare(t, 1, withCuts(frames, [42, 43, 44, 46, 48, 50, 52, 54, 56, 58, 60, 62, 64, 66, 70, 74, 78, 82, 86, 90, 100]), [[], ['-v'], ['-vv'], ['-x']]);
});

test('PIM v2 (hello options, register, register-stop, join/prune, bootstrap, assert, candidate-RP, state refresh, DF election, RFC 2117 encoding, IPv6), PIMv1 in IGMP; cut short', (t) => {
  const withSum = (m: Uint8Array): Uint8Array => { const x = Uint8Array.from(m); x.set(be16(checksum(x)), 2); return x; };
  const pim = (type: number, body: Uint8Array, rsv = 0, fix = true): Uint8Array => {
    const m = concat(bytes(0x20 | type, rsv, 0, 0), body);
    return IP({ proto: 103, dst: '224.0.0.13' }, fix ? withSum(m) : m);
  };
  const uni = (a: string): Uint8Array => concat(bytes(1, 0), ip4(a));
  const grp = (a: string, mask = 32, flags = 0): Uint8Array => concat(bytes(1, 0, flags, mask), ip4(a));
  const opt = (type: number, value: Uint8Array): Uint8Array => concat(be16(type), be16(value.length), value);
  const inner = ipv4({ proto: 1, src: '192.168.20.10', dst: '239.1.2.3' }, icmp(8, 0, be32(0x00030000), new Uint8Array(8)));
  const frames = [
    pim(0, concat(opt(1, be16(105)), opt(20, be32(0xd76fc4dc)), opt(19, be32(1)), opt(21, bytes(1, 30, 0, 5)), opt(2, bytes(0x81, 0xf4, 0x0b, 0xb8)),
      opt(18, new Uint8Array(0)), opt(22, new Uint8Array(0)), opt(24, concat(uni('10.0.0.1'), uni('10.0.0.2'))), opt(99, bytes(1, 2, 3)))),
    pim(0, concat(opt(1, be32(5)))), pim(0, opt(19, bytes(1, 2))), pim(0, opt(20, bytes(1))), pim(0, opt(21, bytes(1))), pim(0, opt(2, bytes(1))), pim(0, bytes(0, 1, 0, 9, 0)),
    pim(1, concat(be32(0), inner)), pim(1, concat(be32(0x40000000), new Uint8Array(12), ip4('10.1.1.1'), ip4('239.1.1.1'))), pim(1, concat(be32(0x80000000), bytes(0x50))), pim(1, be32(0)),
    pim(2, concat(grp('239.1.2.3'), uni('192.168.20.10'))), pim(2, concat(grp('239.1.2.3', 24, 0x81), bytes(3, 0))),
    pim(3, concat(uni('10.0.0.13'), bytes(0, 2, 0, 210), grp('239.123.123.123'), be16(1), be16(1), grp('1.1.1.1', 32, 7), grp('2.2.2.2', 24, 0xfc),
      grp('239.1.1.1', 32), be16(0), be16(0))),
    pim(3, concat(uni('10.0.0.13'), bytes(0, 1, 0xff, 0xff), grp('239.1.1.1'), be16(2), be16(0), grp('1.1.1.1'))), pim(7, concat(bytes(0, 1, 0, 0), grp('239.1.1.1'), be32(0))),
    pim(4, concat(be16(0x4b0), bytes(30, 7), uni('1.1.1.1'), grp('224.0.0.0', 4), bytes(2, 2, 0, 0), uni('2.2.2.2'), be16(150), bytes(1, 0), uni('3.3.3.3'), be16(150), bytes(0, 0))),
    pim(5, concat(grp('239.1.1.1'), uni('10.0.0.1'), be32(0x80000065), be32(20))), pim(5, concat(grp('239.1.1.1'), uni('10.0.0.1'), be32(101))),
    pim(8, concat(bytes(2, 0), be16(150), uni('3.3.3.3'), grp('224.0.0.0', 4), grp('239.0.0.0', 8))),
    pim(9, concat(uni('10.0.0.1'), grp('239.1.1.1'), uni('10.0.0.2'), be16(60))),
    pim(10, concat(uni('10.0.0.1'), be32(100), be32(20)), 0x10), pim(10, concat(uni('10.0.0.1'), be32(100), be32(20), uni('10.0.0.2'), be32(5), be32(6), be16(250)), 0x30),
    pim(10, concat(uni('10.0.0.1'), be32(100), be32(20), uni('10.0.0.2'), be32(5), be32(6)), 0x40),
    pim(2, concat(bytes(0, 32), ip4('239.1.2.3'), ip4('10.1.1.1')), 4), pim(2, concat(grp('239.1.2.3'), bytes(9, 0, 1, 2, 3, 4))), pim(12, bytes(1, 2, 3, 4)),
    pim(0, opt(1, be16(105)), 0, false), IP({ proto: 103 }, bytes(0x10, 0, 0, 0)), IP({ proto: 103 }, bytes(0x20)),
    E(0x86dd, ipv6({ nh: 103, src: 'fe80::1', dst: 'ff02::d' }, concat(bytes(0x20, 0, 0x12, 0x34), opt(1, be16(105)), opt(24, concat(bytes(2, 0), ip6('2001:db8::1')))))),
    E(0x86dd, ipv6({ nh: 103, src: 'fe80::1', dst: 'ff02::d' }, concat(bytes(0x22, 0, 0x12, 0x34), concat(bytes(2, 0, 0, 64), ip6('ff0e::1')), concat(bytes(2, 0), ip6('2001:db8::1'))))),
  ];
  const igmpPim = (type: number, body: Uint8Array, ver = 0x10): Uint8Array => IP({ proto: 2 }, withSum(concat(bytes(0x14, type, 0, 0, ver, 0, 0, 0), body)));
  frames.push(
    igmpPim(0, bytes(0x10, 0, 0, 105)), igmpPim(0, bytes(0x30, 0, 0, 105), 0x20), igmpPim(1, concat(new Uint8Array(12), ip4('10.1.1.1'), ip4('239.1.1.1'))),
    igmpPim(2, concat(ip4('239.1.1.1'), ip4('10.1.1.1'))), igmpPim(4, concat(ip4('239.1.1.1'), ip4('255.255.255.0'), ip4('10.9.9.9'), be32(200))),
    igmpPim(5, concat(ip4('10.1.1.1'), ip4('255.255.255.255'), ip4('239.1.1.1'), be32(0x80000010), be32(3))),
    igmpPim(3, concat(ip4('10.0.0.1'), be32(180), be32(1), ip4('239.1.1.1'), ip4('255.255.255.255'), be16(1), be16(0), bytes(1, 0xa0), ip4('10.2.2.2'))),
    igmpPim(3, concat(ip4('10.0.0.1'), be32(200), be32(2), ip4('239.1.1.1'), ip4('255.255.0.0'), be16(1), be16(1), bytes(1, 0x60), ip4('10.2.2.2'), bytes(0, 0x98), ip4('10.3.3.3'),
      ip4('239.2.2.2'), ip4('255.255.255.255'), be16(0), be16(0))),
    igmpPim(9, new Uint8Array(4)),
  );
  compare(t, 1, withCuts(frames, [34, 35, 36, 38, 40, 42, 44, 46, 48, 50, 52, 54, 56, 58, 60, 62, 64, 66, 70, 74, 80, 90]), [[], ['-v'], ['-vv'], ['-x']]);
});

test('EIGRP (every TLV type, short and bad lengths, IPv6) and IGRP (entry kinds, extra bytes); cut short', (t) => {
  const tlv = (type: number, value: Uint8Array): Uint8Array => concat(be16(type), be16(value.length + 4), value);
  const metric = concat(be32(2560000), be32(256), bytes(0, 5, 0xdc, 1, 255, 1), be16(0));
  const eigrp = (op: number, ...tlvs: Uint8Array[]): Uint8Array =>
    IP({ proto: 88, dst: '224.0.0.10' }, concat(bytes(2, op), be16(0xee68), be32(op === 1 ? 9 : 0), be32(7), be32(3), be16(0), be16(100), ...tlvs));
  const frames = [
    eigrp(5, tlv(1, bytes(1, 0, 1, 0, 0, 0, 0, 15)), tlv(4, bytes(12, 4, 1, 2))),
    eigrp(1, tlv(0x102, concat(ip4('0.0.0.0'), metric, bytes(24), ip4('10.1.1.0').subarray(0, 3))), tlv(0x102, concat(ip4('10.0.0.2'), metric, bytes(32), ip4('10.1.1.1')))),
    eigrp(3, tlv(0x103, concat(ip4('10.0.0.2'), ip4('1.1.1.1'), be32(65000), be32(0xabcd), be32(20), be16(0), bytes(6, 0x40), metric, bytes(8), bytes(10)))),
    eigrp(4, tlv(0x102, concat(ip4('0.0.0.0'), metric, bytes(33), bytes(1, 2, 3, 4, 5)))),
    eigrp(1, tlv(0x204, concat(be16(100), be16(200), be32(77))), tlv(0x202, concat(be16(5), be16(6), metric, be16(100), be16(200))),
      tlv(0x203, concat(be32(0), be32(9), be32(10), be32(11), bytes(2, 1), be16(3), metric, be16(100), be16(200)))),
    eigrp(5, tlv(2, bytes(1, 2, 3, 4, 5, 6)), tlv(3, bytes(4, 10, 0, 0, 1)), tlv(0x999, bytes(9))), eigrp(5, tlv(1, bytes(1, 2, 3))), eigrp(5, bytes(0, 1, 0, 2)),
    eigrp(5, bytes(0, 1, 0, 99, 1, 2, 3, 4)), eigrp(9), IP({ proto: 88 }, concat(bytes(1, 5), new Uint8Array(18))), IP({ proto: 88 }, bytes(2, 5, 0, 0)),
    E(0x86dd, ipv6({ nh: 88, src: 'fe80::1', dst: 'ff02::a' }, concat(bytes(2, 5, 0, 0), new Uint8Array(16), tlv(1, bytes(1, 0, 1, 0, 0, 0, 0, 15))))),
  ];
  const igrp = (vop: number, ni: number, ns: number, nx: number, entries: number, extra = 0): Uint8Array => {
    const rte = (i: number): Uint8Array => concat(bytes(10, i, 0), bytes(0, 0x10, 0), bytes(0, 0x27, 0x10), be16(1500), bytes(255, 1, i));
    return IP({ proto: 9 }, concat(bytes(vop, 3), be16(100), be16(ni), be16(ns), be16(nx), be16(0x1234), ...Array.from({ length: entries }, (_, i) => rte(i)), new Uint8Array(extra)));
  };
  frames.push(igrp(0x11, 1, 1, 1, 3), igrp(0x12, 0, 0, 0, 0), igrp(0x13, 1, 0, 0, 2), igrp(0x11, 2, 0, 0, 1, 5), igrp(0x11, 0, 0, 0, 0, 3));
  compare(t, 1, withCuts(frames, [34, 36, 40, 44, 48, 54, 58, 60, 62, 66, 70, 74, 80, 90, 100]), [[], ['-v'], ['-vv'], ['-x']]);
});

test('BGP: open with capabilities, updates with every attribute tcpdump decodes and MP NLRI of many families, notifications, keepalive, route refresh, several messages a segment; cut short', (t) => {
  const msg = (type: number, body: Uint8Array): Uint8Array => concat(new Uint8Array(16).fill(0xff), be16(19 + body.length), bytes(type), body);
  const cap = (code: number, v: Uint8Array): Uint8Array => concat(bytes(code, v.length), v);
  const opt = (...caps: Uint8Array[]): Uint8Array => { const v = concat(...caps); return concat(bytes(2, v.length), v); };
  const opts = concat(opt(cap(1, bytes(0, 1, 0, 128))), opt(cap(2, bytes())), opt(cap(64, bytes(0x80, 120, 0, 1, 1, 0x80))), opt(cap(65, be32(4200000000))),
    opt(cap(69, bytes(0, 1, 1, 3, 0, 2, 1, 9))), opt(cap(8, bytes(0, 1, 4, 3))), opt(cap(99, bytes(1, 2))), opt(cap(1, bytes(0, 1))), bytes(1, 2, 9, 9));
  const open = msg(1, concat(bytes(4), be16(65000), be16(90), ip4('2.2.2.2'), bytes(opts.length), opts));
  const at = (flags: number, type: number, v: Uint8Array): Uint8Array => flags & 0x10 ? concat(bytes(flags, type), be16(v.length), v) : concat(bytes(flags, type, v.length), v);
  const rd0 = concat(be16(0), be16(65000), be32(7)), rd1 = concat(be16(1), ip4('10.0.0.1'), be16(9)), rd2 = concat(be16(2), be32(4200000000), be16(3));
  const update = (withdrawn: Uint8Array, attrs: Uint8Array, nlri: Uint8Array): Uint8Array =>
    msg(2, concat(be16(withdrawn.length), withdrawn, be16(attrs.length), attrs, nlri));
  const mpReach = (af: number, safi: number, nh: Uint8Array, nlri: Uint8Array): Uint8Array => at(0x90, 14, concat(be16(af), bytes(safi, nh.length), nh, bytes(0), nlri));
  const attrs1 = concat(at(0x40, 1, bytes(0)), at(0x40, 2, concat(bytes(2, 2), be16(65001), be16(65002), bytes(1, 1), be16(7))), at(0x40, 3, ip4('10.0.0.1')),
    at(0x80, 4, be32(20)), at(0x40, 5, be32(100)), at(0x40, 6, bytes()), at(0xc0, 7, concat(be16(65001), ip4('1.1.1.1'))), at(0xc0, 18, concat(be32(70000), ip4('1.1.1.2'))),
    at(0xc0, 8, concat(be32(0xffffff01), be32(0x00010002), be32(0xffffff02))), at(0x80, 9, ip4('3.3.3.3')), at(0x80, 10, concat(ip4('4.4.4.4'), ip4('5.5.5.5'))),
    at(0xc0, 16, concat(be16(2), be16(1), be32(1), be16(0x102), ip4('9.9.9.9'), be16(5), be16(0x202), be32(70000), be16(1), be16(0x4004), be16(1), bytes(0x4a, 0x3b, 0x9a, 0xca),
      be16(0x306), ip4('0.0.0.1'), bytes(5, 1), be16(0x800a), bytes(5, 0), be16(1500), bytes(0, 0), be16(9), be16(65000), be32(0), be16(0x30c), be32(0), be16(8), be16(0x1234), bytes(1, 2, 3, 4, 5, 6))),
    at(0xc0, 32, concat(be32(65000), be32(1), be32(2), be32(65001), be32(3), be32(4))), at(0x80, 26, concat(bytes(1), be16(11), be32(0), be32(1000), bytes(2), be16(4), bytes(9))),
    at(0xc0, 22, concat(bytes(1, 6), bytes(0, 0x01, 0x10), ip4('7.7.7.7'))), at(0xc0, 22, concat(bytes(0, 3), bytes(0, 0, 0), ip4('7.7.7.7'), ip4('232.1.1.1'))),
    at(0xc0, 128, concat(be32(65000), at(0x40, 1, bytes(2)), at(0x40, 5, be32(7)))), at(0xc0, 99, bytes(1, 2, 3)), at(0x40, 1, bytes(1, 2)), at(0x40, 2, bytes()));
  const frames = [
    open, msg(4, bytes()), msg(5, concat(be16(1), bytes(0, 1))), msg(3, concat(bytes(6, 2, 5), text('bye!!'))), msg(3, concat(bytes(6, 4, 0), bytes(1, 2))),
    msg(3, concat(bytes(6, 1), be16(1), bytes(1), be32(1000))), msg(3, bytes(2, 2)), msg(3, bytes(5, 1)), msg(3, bytes(4, 0)), msg(3, bytes(6, 2, 99)), msg(9, bytes(1, 2)),
    update(bytes(24, 10, 1, 1, 16, 10, 2), attrs1, bytes(24, 192, 168, 1, 0, 8, 10)), update(bytes(), bytes(), bytes()),
    update(bytes(), concat(mpReach(2, 1, ip6('2001:db8::1'), bytes(64, 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 1))), bytes()),
    update(bytes(), concat(mpReach(1, 4, ip4('10.0.0.1'), bytes(48, 0x00, 0x10, 0x01, 10, 1, 1))), bytes()),
    update(bytes(), concat(mpReach(1, 128, concat(rd0, ip4('10.0.0.4')), concat(bytes(112, 0, 0x10, 1), rd1, bytes(172, 16, 4)))), bytes()),
    update(bytes(), concat(mpReach(2, 128, concat(rd2, ip6('2001:db8::4')), concat(bytes(88 + 48, 0, 0x10, 0), rd2, ip6('2001:db8:1::').subarray(0, 6)))), bytes()),
    update(bytes(), concat(mpReach(1, 132, ip4('10.0.0.1'), concat(bytes(0), bytes(96), be32(65000), be16(2), be16(65000), be32(7), bytes(40), be32(1), bytes(2), bytes(8)))), bytes()),
    update(bytes(), concat(mpReach(1, 5, ip4('10.0.0.1'), concat(bytes(1, 12), rd0, ip4('1.1.1.1'), bytes(2, 12), rd0, be32(65000), bytes(9, 0)))), bytes()),
    // 4-byte AS numbers where as_printf prints them (ASDOT with -b): a route target's origin AS, an MVPN route's source AS.
    update(bytes(), concat(mpReach(1, 132, ip4('10.0.0.1'), concat(bytes(96), be32(4200000000), be16(2), be16(65000), be32(7)))), bytes()),
    update(bytes(), concat(mpReach(1, 5, ip4('10.0.0.1'), concat(bytes(2, 12), rd2, be32(4200000001), bytes(6, 22), rd0, be32(70000), bytes(32), ip4('1.1.1.1'), bytes(32), ip4('232.1.1.1')))), bytes()),
    update(bytes(), concat(mpReach(1, 66, ip4('10.0.0.1'), concat(bytes(128), rd0, ip4('1.1.1.1'), ip4('232.0.0.1')))), bytes()),
    update(bytes(), concat(mpReach(196, 128, ip4('10.0.0.1'), concat(be16(12), rd0, ip4('1.1.1.1'), be16(21), rd0, be16(1), be16(2), bytes(0, 0x10, 1), bytes(1), be16(8), bytes(0xaa), bytes(2), be16(8)))), bytes()),
    update(bytes(), concat(mpReach(25, 70, ip4('10.0.0.1'), bytes(1, 2, 3)), at(0x90, 15, concat(be16(2), bytes(1))), at(0x90, 15, concat(be16(2), bytes(1), bytes(32, 0x20, 0x01, 0x0d, 0xb8)))), bytes()),
    update(bytes(), at(0x90, 14, concat(be16(1), bytes(1, 4), ip4('10.0.0.1'), bytes(1, 3, 1, 2, 3))), bytes()),
    update(bytes(), concat(at(0x40, 2, concat(bytes(2, 2), be32(4200000000), be32(65002)))), concat(be32(1), bytes(24, 10, 1, 1), be32(2), bytes(0))),
    concat(msg(4, bytes()), msg(4, bytes()), bytes(1, 2), msg(4, bytes())), concat(new Uint8Array(16).fill(0xff), be16(10), bytes(4)),
  ];
  const segs = frames.map((m) => IP({ proto: 6 }, tcp({ sport: 179, dport: 40000, flags: 0x18 }, m)));
  compare(t, 1, withCuts(segs, [54, 60, 70, 73, 75, 80, 90, 100, 110, 120, 130, 140, 150, 160, 180, 200, 240, 280, 320, 360, 400]), [[], ['-v'], ['-vv'], ['-x'], ['-v', '-b']]);
});

test('Babel (every TLV type, sub-TLVs, omitted prefixes, trailers, bad lengths) and AHCP (options, bad lengths); cut short', (t) => {
  const tlv = (type: number, body: Uint8Array): Uint8Array => concat(bytes(type, body.length), body);
  const babel = (body: Uint8Array, trailer: Uint8Array = new Uint8Array(0), magic = 42, version = 2): Uint8Array =>
    E(0x86dd, ipv6({ nh: 17, src: 'fe80::1', dst: 'ff02::1:6' }, udp(6696, 6696, concat(bytes(magic, version), be16(body.length), body, trailer))));
  const frames = [
    babel(concat(tlv(4, concat(be16(0x8000), be16(7), be16(400), bytes(3, 4), be32(1234567))), tlv(5, concat(bytes(2, 0), be16(96), be16(400), ip6('fe80::2').subarray(8), bytes(3, 8), be32(1), be32(2))),
      bytes(0), tlv(1, bytes(0, 0)), tlv(2, concat(be16(0), be16(0xabcd), be16(200))), tlv(3, be16(0xabcd)), tlv(6, concat(be16(0), bytes(1, 2, 3, 4, 5, 6, 7, 8))),
      tlv(7, concat(bytes(1, 0), ip4('10.0.0.1'))), tlv(8, concat(bytes(1, 0x80, 24, 0), be16(400), be16(9), be16(96), bytes(10, 1, 2), bytes(2, 2, 0, 255))),
      tlv(8, concat(bytes(1, 0x40, 32, 2), be16(0xffff), be16(9), be16(96), bytes(3, 4))), tlv(8, concat(bytes(2, 0x3f, 48, 0), be16(0), be16(9), be16(96), bytes(0x20, 1, 0x0d, 0xb8, 0, 1))),
      tlv(8, concat(bytes(3, 0, 128, 0), be16(10), be16(9), be16(96), ip6('fe80::9').subarray(8))), tlv(8, concat(bytes(0, 0, 0, 0), be16(10), be16(9), be16(96))),
      tlv(9, bytes(0, 0)), tlv(9, bytes(1, 16, 10, 1)), tlv(10, concat(bytes(2, 0), be16(5), bytes(3, 0), bytes(1, 2, 3, 4, 5, 6, 7, 8), bytes(0x20, 1))),
      tlv(11, concat(be16(3), be32(99))), tlv(12, concat(be16(1), new Uint8Array(16).fill(0xab))), tlv(13, concat(bytes(1, 8, 24, 0), be16(10), be16(1), be16(2), bytes(10, 0, 0), bytes(10))),
      tlv(14, bytes(1, 24, 8, 10, 0, 0, 10)), tlv(15, concat(bytes(0, 0), be16(4), bytes(2, 0), new Uint8Array(8))), tlv(16, bytes(1, 2)), tlv(17, concat(be32(5), bytes(1, 2))),
      tlv(18, bytes(1)), tlv(19, bytes(2)), tlv(99, bytes(1)), tlv(4, concat(be16(0), be16(7), be16(0), bytes(0x85, 9, 1)))), tlv(16, bytes(9, 9))),
    babel(concat(tlv(4, bytes(1)))), babel(tlv(5, concat(bytes(9, 0), be16(1), be16(1)))), babel(tlv(2, bytes(1, 2))), babel(bytes(4, 40, 1)), babel(new Uint8Array(0), new Uint8Array(0), 41),
    babel(new Uint8Array(0), new Uint8Array(0), 42, 3), babel(tlv(8, concat(bytes(1, 0x80, 24, 5), be16(1), be16(1), be16(1)))),
  ];
  const ahcp = (body: Uint8Array, version = 1): Uint8Array =>
    E(0x86dd, ipv6({ nh: 17, src: 'fe80::1', dst: 'ff02::cca6:c0f9:e182:5359' }, udp(5359, 5359, concat(bytes(43, version), bytes(1, 2), be32(0xdeadbeef), bytes(1, 2, 3, 4, 5, 6, 7, 8), new Uint8Array(8).fill(0xff), body))));
  const opt = (no: number, v: Uint8Array): Uint8Array => concat(bytes(no, v.length), v);
  const opts = concat(bytes(0, 1), opt(2, be32(1349206271)), opt(3, be32(3600)), opt(4, ip6('2001:db8::1')), opt(5, ip4('10.0.0.1')), opt(6, concat(ip6('2001:db8::'), bytes(64))),
    opt(7, bytes(1, 2)), opt(9, concat(ip4('10.0.0.2'), ip4('10.0.0.3'))), opt(11, concat(ip4('10.0.0.0'), bytes(8))), opt(12, ip6('2001:db8::53')), opt(2, bytes(1)), opt(5, bytes(1, 2)), opt(77, bytes(1)));
  frames.push(ahcp(concat(bytes(1, 0), be16(opts.length), opts)), ahcp(concat(bytes(9, 3), be16(0))), ahcp(concat(bytes(0, 0), be16(50))), ahcp(bytes(0)), ahcp(bytes(), 2),
    ahcp(concat(bytes(2, 0), be16(3), bytes(4, 9, 1))));
  compare(t, 1, withCuts(frames, [62, 63, 64, 66, 68, 70, 74, 80, 86, 90, 94, 100, 110, 120, 140, 160, 200]), [[], ['-v'], ['-vv'], ['-x']]);
});

test('OLSR (every message type, IPv4 and IPv6, LQ, smart gateway, name service, bad lengths) and AODV (v4, v6, draft v6, extensions, -T aodv); cut short', (t) => {
  const msg4 = (type: number, body: Uint8Array, vtime = 0x86): Uint8Array => concat(bytes(type, vtime), be16(12 + body.length), ip4('10.0.0.9'), bytes(64, 2), be16(0x1234), body);
  const msg6 = (type: number, body: Uint8Array): Uint8Array => concat(bytes(type, 0x2c), be16(24 + body.length), ip6('2001:db8::9'), bytes(64, 2), be16(0x1234), body);
  const olsr4 = (...msgs: Uint8Array[]): Uint8Array => { const m = concat(...msgs); return IP({ proto: 17 }, udp(698, 698, concat(be16(4 + m.length), be16(0x0800), m))); };
  const olsr6 = (...msgs: Uint8Array[]): Uint8Array => { const m = concat(...msgs); return E(0x86dd, ipv6({ nh: 17, src: 'fe80::1', dst: 'ff02::1' }, udp(698, 698, concat(be16(4 + m.length), be16(7), m)))); };
  const frames = [
    olsr4(msg4(1, concat(bytes(0, 0, 0x86, 3), bytes(6, 0), be16(12), ip4('10.0.0.1'), ip4('10.0.0.2'), bytes(1, 0), be16(8), ip4('10.0.0.3'))),
      msg4(201, concat(bytes(0, 0, 0x86, 7), bytes(10, 0), be16(12), ip4('10.0.0.1'), bytes(255, 128, 0, 0))), msg4(2, concat(be16(9), be16(0), ip4('10.0.0.1'), ip4('10.0.0.2'))),
      msg4(202, concat(be16(9), be16(0), ip4('10.0.0.1'), bytes(200, 100, 0, 0))), msg4(3, concat(ip4('10.0.1.1'), ip4('10.0.2.1'))),
      msg4(4, concat(ip4('10.1.0.0'), ip4('255.255.0.0'), ip4('0.0.0.0'), bytes(0, 0x1f, 0x59, 0xff), ip4('10.2.0.0'), ip4('255.255.255.0'), ip4('10.3.0.0'), ip4('255.0.0.0'), ip4('10.4.0.0'), ip4('255.255.255.255'))),
      msg4(130, concat(be16(1), be16(2), be16(1), be16(5), ip4('10.0.0.1'), text('host1\0\0\0'), be16(2), be16(4), ip4('10.0.0.2'), text('ab.c'))),
      msg4(128, bytes(1, 2, 3, 4)), msg4(99, bytes(9))),
    olsr4(msg4(1, concat(bytes(0, 0, 0x86, 3), bytes(6, 0), be16(40)))), olsr4(msg4(130, concat(be16(1), be16(9)))), olsr4(concat(bytes(2, 0), be16(100), new Uint8Array(8))),
    olsr4(concat(bytes(0, 0), be16(12), new Uint8Array(8))),
    olsr6(msg6(1, concat(bytes(0, 0, 0x86, 3), bytes(6, 0), be16(4))), msg6(201, concat(bytes(0, 0, 0x86, 7), bytes(10, 0), be16(24), ip6('2001:db8::1'), bytes(255, 128, 0, 0))),
      msg6(3, ip6('2001:db8::5')), msg6(4, concat(ip6('2001:db8::'), ip6('ffff:ffff:ffff:fff0::'))), msg6(130, concat(be16(1), be16(1), be16(0), be16(3), ip6('2001:db8::1'), text('abc\0')))),
  ];
  const aodv = (m: Uint8Array, v6 = false): Uint8Array => v6
    ? E(0x86dd, ipv6({ nh: 17, src: 'fe80::1', dst: 'fe80::2' }, udp(654, 654, m))) : IP({ proto: 17 }, udp(654, 654, m));
  const ext = concat(bytes(1, 4), be32(1000));
  frames.push(
    aodv(concat(bytes(1, 0, 0, 3), be32(7), ip4('10.0.0.1'), be32(5), ip4('10.0.0.2'), be32(6), ext)), aodv(concat(bytes(1, 0, 0, 3), be32(7), ip4('10.0.0.1'), be32(5), ip4('10.0.0.2'), be32(6), bytes(9, 2))),
    aodv(concat(bytes(2, 0, 0x85, 3), ip4('10.0.0.1'), be32(5), ip4('10.0.0.2'), be32(6000), bytes(1, 2, 0, 0, 0, 0))), aodv(concat(bytes(3, 0x80, 0, 2), ip4('10.0.0.1'), be32(5), ip4('10.0.0.2'), be32(6))),
    aodv(concat(bytes(3, 0, 0, 3), ip4('10.0.0.1'), be32(5))), aodv(bytes(4, 0)), aodv(bytes(99, 0)), aodv(bytes(1, 0, 0)),
    aodv(concat(bytes(1, 0, 0, 3), be32(7), ip6('2001:db8::1'), be32(5), ip6('2001:db8::2'), be32(6)), true), aodv(concat(bytes(2, 0, 5, 3), ip6('2001:db8::1'), be32(5), ip6('2001:db8::2'), be32(6)), true),
    aodv(concat(bytes(3, 0, 0, 1), ip6('2001:db8::1'), be32(5)), true), aodv(concat(bytes(16, 0, 0, 3), be32(7), be32(5), be32(6), ip6('2001:db8::1'), ip6('2001:db8::2'), ext), true),
    aodv(concat(bytes(17, 0, 5, 3), be32(5), ip6('2001:db8::1'), ip6('2001:db8::2'), be32(6)), true), aodv(concat(bytes(18, 0, 0, 1), ip6('2001:db8::1'), be32(5)), true), aodv(bytes(19, 0), true),
    IP({ proto: 17 }, udp(40000, 40001, concat(bytes(2, 0, 0x85, 3), ip4('10.0.0.1'), be32(5), ip4('10.0.0.2'), be32(6000)))),
  );
  compare(t, 1, withCuts(frames, [42, 44, 46, 50, 54, 58, 62, 66, 70, 74, 78, 82, 86, 90, 100, 110, 120, 140, 160]), [[], ['-v'], ['-x'], ['-T', 'aodv']]);
});

test('VRRP v3 over IPv6 (addresses, checksums), VRRP v2 with several addresses and a password, CARP under -T carp; cut short', (t) => {
  const withSum = (m: Uint8Array): Uint8Array => { const x = Uint8Array.from(m); x.set(be16(checksum(x)), 6); return x; };
  const frames = [
    E(0x86dd, ipv6({ nh: 112, src: 'fe80::1', dst: 'ff02::12', hlim: 255 }, concat(bytes(0x31, 5, 100, 2), be16(100), be16(0), ip6('fe80::5'), ip6('2001:db8::5')))),
    E(0x86dd, ipv6({ nh: 112, src: 'fe80::1', dst: 'ff02::12', hlim: 64 }, concat(bytes(0x21, 5, 100, 1, 1, 1), be16(0), ip6('fe80::5'), text('pass\0\0\0\0')))),
    IP({ proto: 112, dst: '224.0.0.18', ttl: 255 }, withSum(concat(bytes(0x21, 7, 100, 3, 1, 1, 0, 0), ip4('10.0.0.1'), ip4('10.0.0.2'), ip4('10.0.0.3'), text('a\x01b\xffcdef')))),
    IP({ proto: 112, dst: '224.0.0.18', ttl: 255 }, withSum(concat(bytes(0x21, 7, 100, 0, 2, 1, 0, 0), be32(0), be32(0)))),
    IP({ proto: 112, dst: '224.0.0.18', ttl: 255 }, withSum(concat(bytes(0x21, 3, 0, 1, 0, 1, 0, 0), be32(7), be32(9), new Uint8Array(20)))),
    IP({ proto: 112, dst: '224.0.0.18', ttl: 3 }, concat(bytes(0x21, 3, 0, 1, 0, 1, 0x12, 0x34), be32(7), be32(9), new Uint8Array(20))),
    IP({ proto: 112, dst: '224.0.0.18', ttl: 255 }, concat(bytes(0x12, 3, 0, 1, 0, 1, 0x12, 0x34), be32(7), be32(9))),
  ];
  compare(t, 1, withCuts(frames, [34, 35, 36, 38, 40, 42, 44, 46, 48, 50, 54, 58, 62, 66, 70, 78, 86, 94]), [[], ['-v'], ['-x'], ['-T', 'carp'], ['-T', 'carp', '-v']]);
});

test('LDP over UDP and TCP: hello, initialization, address, label mapping with every FEC, status, fault-tolerant sessions, bad lengths; cut short', (t) => {
  const tlv = (type: number, v: Uint8Array): Uint8Array => concat(be16(type), be16(v.length), v);
  const msg = (type: number, ...tlvs: Uint8Array[]): Uint8Array => { const b = concat(be32(0x11970), ...tlvs); return concat(be16(type), be16(b.length), b); };
  const pdu = (...msgs: Uint8Array[]): Uint8Array => { const m = concat(...msgs); return concat(be16(1), be16(6 + m.length), ip4('10.1.0.2'), be16(0), m); };
  const martini = concat(bytes(0x80), be16(0x8005), bytes(14), be32(7), be32(100), bytes(1, 4), be16(1500), bytes(3, 5), text('abc'), bytes(0x0c, 4, 3, 6), bytes(9, 3, 1));
  const frames = [
    IP({ proto: 17, dst: '224.0.0.2' }, udp(646, 646, pdu(msg(0x100, tlv(0x400, concat(be16(15), be16(0xc000))), tlv(0x401, ip4('10.1.0.2')), tlv(0x402, be32(1)), tlv(0x403, ip6('2001:db8::2')))))),
    IP({ proto: 6 }, tcp({ sport: 646, dport: 40000, flags: 0x18 }, concat(
      pdu(msg(0x200, tlv(0x500, concat(be16(1), be16(30), be16(0), be16(0xc000))), tlv(0x503, concat(be16(0x800f), be16(0), be32(100), be32(200)))), msg(0x201)),
      pdu(msg(0x300, tlv(0x101, concat(be16(1), ip4('10.0.0.1'), ip4('10.0.0.2'))), tlv(0x101, concat(be16(2), ip6('2001:db8::1'))), tlv(0x101, concat(be16(9), bytes(1))))),
      pdu(msg(0x400, tlv(0x100, concat(bytes(2), be16(1), bytes(24, 10, 1, 2))), tlv(0x100, concat(bytes(2), be16(2), bytes(32, 0x20, 1, 0xd, 0xb8))), tlv(0x100, bytes(1)),
        tlv(0x100, concat(bytes(2), be16(7))), tlv(0x100, concat(bytes(2), be16(1), bytes(40))), tlv(0x100, martini), tlv(0x100, concat(bytes(0x80), be16(5), bytes(0), be32(7))),
        tlv(0x100, concat(bytes(0x80), be16(5), bytes(2), be32(7), be32(8))), tlv(0x200, be32(0x12345)), tlv(0x601, be16(9000)), tlv(0x300, concat(be32(0xc0000019), be32(5))),
        tlv(0x4400, bytes(1, 2)), tlv(0x400, bytes(1)))),
      pdu(msg(0x401, bytes(1, 2, 3, 4)), msg(0x001, tlv(0x300, concat(be32(0x19), be32(0))))),
    ))),
    IP({ proto: 17 }, udp(646, 646, concat(be16(2), be16(10), new Uint8Array(16)))), IP({ proto: 17 }, udp(646, 646, concat(be16(1), be16(2), new Uint8Array(16)))),
    IP({ proto: 17 }, udp(646, 646, concat(be16(1), be16(30), ip4('1.1.1.1'), be16(0), be16(0x100), be16(2), new Uint8Array(12)))),
    IP({ proto: 17 }, udp(646, 646, concat(be16(1), be16(30), ip4('1.1.1.1'), be16(0), be16(0x100), be16(12), be32(1), be16(0x400), be16(40), new Uint8Array(4)))),
  ];
  compare(t, 1, withCuts(frames, [42, 44, 48, 52, 56, 60, 64, 70, 80, 90, 100, 120, 140, 160, 180, 200, 240, 280, 320]), [[], ['-v'], ['-vv'], ['-x']]);
});

test('RSVP: path, resv, hello, error and bundle messages with every object tcpdump decodes, bad lengths; cut short', (t) => {
  const obj = (cls: number, ctype: number, body: Uint8Array): Uint8Array => concat(be16(4 + body.length), bytes(cls, ctype), body);
  const f32 = (v: number): Uint8Array => { const b = new Uint8Array(4); new DataView(b.buffer).setFloat32(0, v); return b; };
  const msg = (type: number, ...objs: Uint8Array[]): Uint8Array => { const o = concat(...objs); return concat(bytes(0x11, type), be16(0x1234), bytes(64, 0), be16(8 + o.length), o); };
  const rsvp = (m: Uint8Array): Uint8Array => IP({ proto: 46 }, m);
  const intserv = concat(bytes(0, 0), be16(7), bytes(1, 0), be16(6), bytes(127, 0), be16(5), f32(125000), f32(1500), f32(250000), be32(64), be32(1500),
    bytes(6, 0), be16(1), f32(1e9), bytes(8, 0), be16(1), be32(0xffffffff), bytes(99, 0), be16(1), be32(5));
  const path = msg(1, obj(1, 7, concat(ip4('10.33.0.1'), be16(0), be16(4), ip4('10.31.0.1'))), obj(3, 1, concat(ip4('10.1.2.1'), be32(0x98006700))), obj(5, 1, be32(30000)),
    obj(20, 1, concat(bytes(1, 8), ip4('10.1.2.2'), bytes(32, 0), bytes(0x81, 8), ip4('10.1.3.2'), bytes(32, 1), bytes(3, 8, 1, 1), be32(16))),
    obj(19, 1, concat(be16(0), be16(0x0800))), obj(207, 7, concat(bytes(7, 7, 6, 8), text('lsp-one\0'))), obj(11, 7, concat(ip4('10.31.0.1'), be16(0), be16(1))),
    obj(12, 2, intserv), obj(205, 1, concat(bytes(7, 7, 16, 0), f32(1e6), be32(1), be32(2), be32(3))), obj(21, 1, concat(bytes(1, 8), ip4('10.9.9.9'), bytes(32, 9))),
    obj(1, 1, concat(ip4('10.0.0.1'), bytes(17, 0), be16(80))), obj(1, 2, concat(ip6('2001:db8::1'), bytes(6, 0), be16(443))), obj(10, 1, concat(ip4('10.0.0.2'), be16(0), be16(99))),
    obj(16, 1, be32(3)), obj(16, 2, be32(4)), obj(16, 3, concat(be32(1), be32(2), be32(3))), obj(8, 1, concat(bytes(0), bytes(0, 0, 10))), obj(15, 1, ip4('10.0.0.3')),
    obj(195, 2, ip6('2001:db8::3')), obj(19, 4, bytes(5, 150, 0, 34)), obj(19, 2, concat(be16(0), be16(0x0800), be16(0x8001), be16(2), be16(3), be16(4))),
    obj(63, 7, concat(ip4('1.1.1.1'), ip4('2.2.2.2'))), obj(66, 1, be32(5)), obj(196, 1, be32(0x80000003)), obj(36, 1, concat(be16(0x0200), be16(5), be32(1), be32(9))),
    obj(36, 1, concat(be16(0), be16(5), be32(1), be32(9))), obj(50, 1, ip4('10.5.5.5')), obj(23, 1, concat(bytes(1), bytes(0, 0, 5), be32(77))), obj(134, 1, be32(0x0f)),
    obj(204, 1, concat(be16(1), be16(0), bytes(1, 4, 9, 9))), obj(4, 1, new Uint8Array(32).fill(3)), obj(7, 1, ip4('10.0.0.7')), obj(1, 9, bytes(1, 2, 3, 4)));
  const frames = [
    rsvp(path), rsvp(msg(20, obj(22, 1, concat(be32(0x4a44672b), be32(0xe86eb75b))), obj(131, 1, concat(be32(0), be32(0))), obj(134, 1, be32(3)))),
    rsvp(msg(3, obj(6, 1, concat(ip4('10.0.0.9'), bytes(0, 24), be16(5))), obj(6, 1, concat(ip4('10.0.0.9'), bytes(0, 28), be16(2))), obj(6, 2, concat(ip6('2001:db8::9'), bytes(0, 24), be16(1))))),
    rsvp(msg(20, obj(229, 1, concat(be16(8), bytes(1, 1), ip4('10.0.0.1'), be16(20), bytes(2, 2), ip6('2001:db8::1'), be16(16), bytes(4, 0), be32(0x80000005), be32(6), be32(7), be16(8), bytes(5, 0), be32(0x03000000))))),
    rsvp(concat(bytes(0x11, 12), be16(0), bytes(64, 0), be16(8 + 20), msg(20, obj(22, 1, concat(be32(1), be32(2)))))),
    rsvp(msg(1, concat(be16(6), bytes(1, 1)))), rsvp(msg(1, concat(be16(2), bytes(1, 1)))), rsvp(msg(1, concat(be16(40), bytes(1, 1), be32(1)))), rsvp(msg(1, obj(5, 1, bytes()))),
    rsvp(msg(20, obj(20, 1, concat(bytes(1, 6), ip4('10.1.2.2'))))), rsvp(msg(99, bytes(1, 2, 3, 4))), rsvp(concat(bytes(0x21, 1), new Uint8Array(6))),
  ];
  compare(t, 1, withCuts(frames, [34, 36, 38, 42, 46, 50, 54, 58, 62, 70, 80, 90, 100, 120, 140, 160, 200, 240, 300, 400, 500]), [[], ['-v'], ['-vv'], ['-x']]);
});

test('OSPFv2: hello with LLS, database description, requests, updates with router/network/summary/external/opaque LSAs, acks, simple and MD5 auth; OSPFv3 hello; cut short', (t) => {
  const hdr = (type: number, body: Uint8Array, auth = 0, authData: Uint8Array = new Uint8Array(8)): Uint8Array =>
    concat(bytes(2, type), be16(24 + body.length), ip4('1.1.1.1'), ip4('0.0.0.1'), be16(0), be16(auth), authData, body);
  const ospf = (m: Uint8Array, trailer: Uint8Array = new Uint8Array(0)): Uint8Array => IP({ proto: 89, dst: '224.0.0.5' }, concat(m, trailer));
  const lsah = (type: number, id: string, len: number, opts = 0x22): Uint8Array => concat(be16(30), bytes(opts, type), ip4(id), ip4('2.2.2.2'), be32(0x80000001), be16(0x1234), be16(len));
  const router = concat(lsah(1, '2.2.2.2', 20 + 4 + 24 + 12), bytes(0x03, 0), be16(3), ip4('10.0.0.0'), ip4('255.255.255.0'), bytes(3, 1), be16(10), bytes(1, 0), be16(20),
    ip4('3.3.3.3'), ip4('10.0.0.2'), bytes(1, 0), be16(5), ip4('10.1.0.1'), ip4('10.1.0.2'), bytes(2, 0), be16(7));
  const network = concat(lsah(2, '10.1.0.1', 32), ip4('255.255.255.0'), ip4('2.2.2.2'), ip4('3.3.3.3'));
  const summary = concat(lsah(3, '10.5.0.0', 28), ip4('255.255.0.0'), be32(0x00000064));
  const asbr = concat(lsah(4, '4.4.4.4', 24), be32(0x01000020));
  const external = concat(lsah(5, '0.0.0.0', 36), ip4('0.0.0.0'), be32(0x80ffffff), ip4('10.0.0.9'), ip4('0.0.0.7'));
  const grace = concat(be16(0), bytes(0x22, 9), bytes(3, 0, 0, 0), ip4('2.2.2.2'), be32(1), be16(0), be16(20 + 24), be16(1), be16(4), be32(120), be16(2), be16(1), bytes(1, 0, 0, 0), be16(3), be16(4), ip4('10.0.0.1'));
  const ri = concat(be16(0), bytes(0x22, 10), bytes(4, 0, 0, 0), ip4('2.2.2.2'), be32(1), be16(0), be16(20 + 8), be16(1), be16(4), be32(0x30));
  const frames = [
    ospf(hdr(1, concat(ip4('255.255.255.0'), be16(10), bytes(0x12, 1), be32(40), ip4('10.0.0.1'), ip4('10.0.0.2'), ip4('2.2.2.2'))), concat(be16(0xffff), be16(3), be16(1), be16(4), be32(3))),
    ospf(hdr(2, concat(be16(1500), bytes(0x42, 0x07), be32(0x1d46), lsah(1, '2.2.2.2', 36), lsah(10, '1.0.0.3', 28)))),
    ospf(hdr(3, concat(be32(1), ip4('2.2.2.2'), ip4('2.2.2.2'), be32(10), bytes(1, 0, 0, 5), ip4('2.2.2.2')))),
    ospf(hdr(4, concat(be32(7), router, network, summary, asbr, external, grace, ri))),
    ospf(hdr(5, concat(lsah(1, '2.2.2.2', 36), lsah(2, '10.1.0.1', 32)))),
    ospf(hdr(1, concat(ip4('255.255.255.0'), be16(10), bytes(0x02, 1), be32(40), ip4('0.0.0.0'), ip4('0.0.0.0')), 1, text('secret\0\0'))),
    ospf(hdr(1, concat(ip4('255.255.255.0'), be16(10), bytes(0x02, 1), be32(40), ip4('0.0.0.0'), ip4('0.0.0.0')), 2, concat(bytes(0, 0, 1, 16), be32(77))), new Uint8Array(16).fill(0xaa)),
    ospf(hdr(9, bytes(1, 2, 3, 4))), ospf(hdr(5, lsah(1, '2.2.2.2', 8))),
    E(0x86dd, ipv6({ nh: 89, src: 'fe80::1', dst: 'ff02::5' }, concat(bytes(3, 1), be16(36), ip4('1.1.1.1'), ip4('0.0.0.0'), be16(0), bytes(1, 0), be32(5), be32(0x01000013), be16(10), be16(40),
      ip4('1.1.1.1'), ip4('2.2.2.2')))),
  ];
  compare(t, 1, withCuts(frames, [34, 36, 40, 46, 50, 58, 62, 70, 78, 86, 94, 110, 130, 150, 170, 200, 230, 260, 300]), [[], ['-v'], ['-vv'], ['-x']]);
});

test('TIPC (data with short and long headers, internal, link config, unknown users) and DVMRP (every message type, bad lengths); cut short', (t) => {
  const w0 = (user: number, words: number, size: number): Uint8Array => be32(((2 << 29) | (user << 25) | (words << 21) | size) >>> 0);
  const tipc = (b: Uint8Array): Uint8Array => E(0x88ca, b);
  const addr = (z: number, c: number, n: number): Uint8Array => be32(((z << 24) | (c << 12) | n) >>> 0);
  const tipcFrames = [
    tipc(concat(w0(0, 6, 24), be32(0), be32(0), addr(1, 1, 2), be32(3511725154), be32(36452003))),
    tipc(concat(w0(3, 10, 40), be32((2 << 29) | 17), be32((5 << 16) | 6), addr(1, 1, 2), be32(7), be32(8), addr(1, 1, 3), addr(1, 1, 4), be32(9), be32(10))),
    tipc(concat(w0(10, 10, 40), be32(((7 << 29) | (5 << 16) | 77) >>> 0), be32((3 << 16) | 4), addr(1, 1, 3), be32((9 << 16) | 10), be32(11 << 16), addr(1, 1, 4), addr(1, 1, 5), be32(123456), be32((2 << 16) | 1500))),
    tipc(concat(w0(13, 10, 40), be32((1 << 29) | 0x1234), addr(1, 1, 0), addr(1, 1, 2), be32(4711), be32(1), new Uint8Array(16))),
    tipc(concat(w0(9, 6, 24), new Uint8Array(20))), tipc(concat(w0(1, 2, 8), new Uint8Array(20))),
  ];
  const igmp = (code: number, body: Uint8Array): Uint8Array => {
    const m = concat(bytes(0x13, code, 0, 0, 0, 0, 0xff, 3), body);
    m.set(be16(checksum(m)), 2);
    return IP({ proto: 2, dst: '224.0.0.4', ttl: 1 }, m);
  };
  const dvmrpFrames = [
    igmp(1, concat(be32(0x12345678), ip4('10.0.0.2'), ip4('10.0.0.3'))), igmp(1, concat(be32(7), ip4('10.0.0.2'), bytes(1, 2))), igmp(1, bytes()),
    igmp(2, concat(bytes(255, 255, 0, 10, 1, 0, 0x81, 0, 0, 0, 10, 2, 10, 0x82, 255, 255, 255, 1, 2, 3, 4, 0x80))), igmp(2, bytes(255, 255, 0, 10, 1)),
    igmp(3, bytes()),
    igmp(4, concat(ip4('10.0.0.1'), bytes(1, 2, 2), ip4('10.0.0.5'), ip4('10.0.0.6'), ip4('10.0.0.9'), bytes(3, 4, 0))), igmp(4, concat(ip4('10.0.0.1'), bytes(1, 2, 3), ip4('10.0.0.5'))),
    igmp(6, concat(ip4('10.0.0.1'), bytes(1, 2, 0x73, 2), ip4('10.0.0.5'), ip4('10.0.0.6'), ip4('10.0.0.7'), bytes(1, 1, 0, 3), ip4('10.9.9.9'))), igmp(6, concat(ip4('10.0.0.1'), bytes(1, 2, 0, 1))),
    igmp(7, concat(ip4('10.0.0.1'), ip4('224.1.1.1'), be32(0x80000000))), igmp(8, concat(ip4('10.0.0.1'), ip4('224.1.1.1'))), igmp(9, concat(ip4('10.0.0.1'), ip4('224.1.1.1'))),
    igmp(42, bytes(1, 2, 3, 4)),
  ];
  compare(t, 1, withCuts(tipcFrames, [14, 16, 18, 20, 22, 26, 30, 34, 38, 42, 46, 50, 54]), [[], ['-v'], ['-e'], ['-x']]);
  compare(t, 1, withCuts(dvmrpFrames, [34, 36, 38, 42, 44, 46, 48, 50, 52, 54, 56, 58, 60, 62, 64, 66]), [[], ['-v'], ['-vv'], ['-x']]);
});

test('GeoNetworking (every header type, BTP-A/B with ITS PDU headers, bad lengths, old EtherType, VLAN and SNAP) and CALM FAST; cut short', (t) => {
  const common = (nh: number, ht: number, st: number, version = 1): Uint8Array =>
    concat(bytes((version << 4) | nh, (ht << 4) | st), be16(0), be16(20), bytes(0, 3), bytes(1, 2, 3, 4, 5, 6, 7, 8), be32(0x11223344), be32(473000000), be32(85000000), be32(0), be32(0));
  const btp = (dst: number, src: number, its: Uint8Array = bytes()): Uint8Array => concat(be16(dst), be16(src), its);
  const gn = (b: Uint8Array, type = 0x8947): Uint8Array => E(type, b);
  const frames = [
    gn(concat(common(1, 5, 0), btp(2001, 0, bytes(1, 0, 9, 9, 9)))), gn(concat(common(2, 5, 1), new Uint8Array(32), btp(2002, 7, bytes(2, 150, 1)))),
    gn(concat(common(2, 5, 1), new Uint8Array(32), btp(2003, 7, bytes(2, 42)))), gn(concat(common(1, 0, 3), btp(2004, 5, bytes(1)))),
    gn(concat(common(1, 1, 0), btp(1, 2))), gn(concat(common(0, 1, 0), bytes(1, 2, 3))), gn(concat(common(3, 2, 0), bytes(0x60, 0, 0, 0))),
    gn(concat(common(1, 3, 1), bytes(5, 5))), gn(concat(common(1, 4, 2), bytes(5, 5))), gn(concat(common(1, 6, 1), bytes(5, 5))), gn(concat(common(1, 7, 0, 0), bytes(5, 5))),
    gn(concat(common(1, 5, 1), new Uint8Array(10))), gn(concat(common(2, 5, 0), bytes(1, 2))), gn(common(1, 5, 0).subarray(0, 30)),
    gn(concat(common(1, 5, 0), btp(2001, 0, bytes(1, 1))), 0x0707),
    E(0x8100, concat(be16(5), be16(0x8947), common(1, 5, 0), btp(2001, 0, bytes(1, 1)))),
    E(0x1111, bytes(7, 9, 1, 2, 3)), E(0x1111, bytes(7, 9)), E(0x1111, bytes(7)), E(0x1111, bytes()),
  ];
  const snap = concat(fromHex('02000000000202000000000100'), bytes(0), fromHex('aaaa03000000'), be16(0x8947), common(1, 5, 0), btp(2001, 0, bytes(1, 1)));
  snap.set(be16(snap.length - 14), 12);
  frames.push(snap);
  compare(t, 1, withCuts(frames, [14, 15, 16, 18, 20, 22, 24, 30, 34, 38, 42, 46, 49, 50, 52, 54, 56, 60, 70, 80, 84, 86, 88, 90]), [[], ['-v'], ['-e'], ['-x'], ['-v', '-e'], ['-v', '-x'], ['-v', '-q']]);
});

test('tcpdump is the oracle these tests need', (t) => {
  t.regex(execFileSync('tcpdump', ['--version'], { encoding: 'latin1' }), /tcpdump version 4\.99\./);
});

test('a UDP length short of the IP payload: the application printers read on to the payload\'s end, as tcpdump\'s do (DNS, NTP, syslog, ZEP, -T rtp), the length they print is UDP\'s', (t) => {
  const dns = concat(fromHex('1bd7 0100 0001 0000 0000 0001'), fromHex('03617069 08696e7465726e616c 00 000f 0001'), fromHex('00 0029 1000 0000 8000 0000'));
  const ntp = concat(bytes(0x23, 2, 6, 0xec), new Uint8Array(44));
  const frames: Uint8Array[] = [];
  for (const [port, body] of [[53, dns], [123, ntp], [514, text('<13>Dec  7 22:13:20 host app: message')],
    [17754, concat(bytes(0x45, 0x58, 1, 15, 0xbe, 0xef, 0, 99), new Uint8Array(7), bytes(3), bytes(0x41, 0x88, 0x07))], [5004, new Uint8Array(24).fill(0x80)]] as const) {
    // The UDP length cut to 8 + n bytes of what the IP datagram carries.
    for (const n of [0, 4, 12, body.length - 1]) frames.push(IP({ proto: 17 }, udp(40000, port, body, 8 + n)));
  }
  compare(t, 1, withCuts(frames, [50, 60]), [[], ['-v'], ['-vv'], ['-T', 'rtp']]);
});

test('IPv6: only the first routing header names the final destination (the checksums say which); payload length 0 without a jumbo option; IGMP over IPv6', (t) => {
  const seg = tcp({ sport: 7789, dport: 443, flags: 0x18, seq: 1, ack: 2 }, text('data'));
  const rt0 = (nh: number, addrs: string[], segleft: number, p: Uint8Array): Uint8Array =>
    ext6(nh, concat(bytes(0, segleft), new Uint8Array(4), ...addrs.map(ip6)), p);
  const V6 = (f: Parameters<typeof ipv6>[0], p: Uint8Array): Uint8Array => E(0x86dd, ipv6({ src: '2001:db8::1', dst: '2001:db8::2', ...f }, p));
  const frames = [
    // An empty type-0 routing header, options, then one with an address: the checksum is over the IPv6 destination.
    V6({ nh: 43 }, rt0(60, [], 0, ext6(43, fromHex('0104 00000000'), rt0(6, ['2001:db8::99'], 1, seg)))),
    V6({ nh: 43 }, rt0(17, ['2001:db8::99'], 1, udp(1000, 2000, text('abcd')))),
    // Payload length 0 and no jumbo option: nothing past the header for the transports.
    V6({ nh: 6, plen: 0 }, seg), V6({ nh: 17, plen: 0 }, udp(1000, 2000, text('abcd'))), V6({ nh: 58, plen: 0 }, icmp(128, 0, be32(0x00010001), bytes(), true)),
    // IGMP is IPv4's.
    V6({ nh: 2 }, fromHex('1164ee9b00000000')), V6({ nh: 0 }, ext6(2, fromHex('0104 00000000'), fromHex('1164ee9b00000000'))),
  ];
  compare(t, 1, withCuts(frames, [60, 70, 80]), [[], ['-v'], ['-vv'], ['-v', '-x']]);
});
