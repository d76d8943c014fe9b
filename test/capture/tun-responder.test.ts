// The --reply responder on hand-made frames (no device, no root): what it answers, what it leaves
// alone, and every byte of the replies (checksums recomputed here independently).
import test from 'ava';
import { TunResponder } from '../../src/capture/tun-responder.js';
import type { DeviceAddress } from '../../src/capture/tun-responder.js';
import { parseCidr } from '../../src/capture/tun.js';
import { bytes, checksum, concat, ether, icmp, ip4, ip6, ipv4, ipv6, ext6, mac } from '../helpers/frames.js';

const addrs = (...cidrs: string[]): (() => DeviceAddress[]) => () => cidrs.map(parseCidr);
const tunV4 = (): TunResponder => new TunResponder(false, addrs('172.21.22.23/24', 'fd00:21:22::23/64'));
const tap = (): TunResponder => new TunResponder(true, addrs('172.21.23.1/24', 'fd00:23::1/64'));
const MAC = '7e:01:76:35:c5:64';

function answer(r: TunResponder, frame: Uint8Array): Uint8Array | undefined {
  const out = new Uint8Array(frame.length + 64);
  const n = r.answer(frame, 0, frame.length, out, 0);
  return n === 0 ? undefined : out.subarray(0, n);
}

const echoBody = Uint8Array.from({ length: 56 }, (_, i) => (i * 7) & 0xff);
const echo4 = (f: Parameters<typeof ipv4>[0], type = 8, body = echoBody): Uint8Array =>
  ipv4({ src: '172.21.22.23', dst: '172.21.22.26', proto: 1, id: 777, tos: 0x10, ...f }, icmp(type, 0, bytes(0x12, 0x34, 0, 1), body));

/** ICMPv6 message with its checksum over the pseudo-header. */
function icmp6(src: string, dst: string, type: number, rest: Uint8Array, body: Uint8Array = new Uint8Array(0)): Uint8Array {
  const m = icmp(type, 0, rest, body, true);
  const s = ip6(src), d = ip6(dst);
  const c = checksum(concat(s, d, bytes(0, 0, m.length >> 8, m.length & 255, 0, 0, 0, 58), m));
  m[2] = c >> 8; m[3] = c & 255;
  return m;
}
/** Sum of the ICMPv6 message in an IPv6 packet with its pseudo-header: 0 when the checksum is right. */
function icmp6Check(p: Uint8Array): number {
  const len = (p[4]! << 8) | p[5]!;
  return checksum(concat(p.subarray(8, 40), bytes(0, 0, len >> 8, len & 255, 0, 0, 0, 58), p.subarray(40, 40 + len)));
}

test('ICMP echo through TUN: swapped addresses, TTL 64, type 0, the data echoed, both checksums right', (t) => {
  const r = tunV4();
  const req = echo4({});
  const rep = answer(r, req)!;
  t.is(rep.length, req.length);
  t.deepEqual([...rep.subarray(0, 2)], [0x45, 0x10]);                 // IHL 5, TOS copied
  t.deepEqual([...rep.subarray(6, 10)], [0, 0, 64, 1]);               // no flags, TTL 64, ICMP
  t.deepEqual([...rep.subarray(12, 16)], [...ip4('172.21.22.26')]);
  t.deepEqual([...rep.subarray(16, 20)], [...ip4('172.21.22.23')]);
  t.is(checksum(rep.subarray(0, 20)), 0);
  t.is(rep[20], 0);
  t.is(checksum(rep.subarray(20)), 0);
  t.deepEqual([...rep.subarray(24)], [...req.subarray(24)]);          // identifier, sequence, data
  // The IP identification counts up, as a host's does.
  const id1 = (rep[4]! << 8) | rep[5]!, rep2 = answer(r, req)!;
  t.is((rep2[4]! << 8) | rep2[5]!, id1 + 1);
  t.deepEqual(r.answered, { echo: 2, echo6: 0, arp: 0, neighbour: 0 });
});

test('IP options in the request are not copied into the reply', (t) => {
  const rep = answer(tunV4(), echo4({ options: bytes(1, 1, 1, 0) }))!;
  t.is(rep[0], 0x45);
  t.is(rep.length, 84);
  t.is(checksum(rep.subarray(20)), 0);
});

test('what a host would not answer gets nothing', (t) => {
  const r = tunV4();
  const bad = echo4({});
  bad[10]! ^= 1;                                                         // IP header checksum
  const badIcmp = echo4({});
  badIcmp[30]! ^= 1;                                                     // a data byte: the ICMP checksum fails
  const cases: [string, Uint8Array][] = [
    ['bad IP checksum', bad],
    ['bad ICMP checksum', badIcmp],
    ['echo reply', echo4({}, 0)],
    ['fragment (MF)', echo4({ flags: 1 })],
    ['later fragment', echo4({ flags: 0, frag: 10 })],
    ['to its own address', echo4({ dst: '172.21.22.23' })],
    ['to the network address', echo4({ dst: '172.21.22.0' })],
    ['to the broadcast address', echo4({ dst: '172.21.22.255' })],
    ['outside the subnet', echo4({ dst: '10.99.0.5' })],
    ['from a multicast source', echo4({ src: '224.0.0.1' })],
    ['from 0.0.0.0', echo4({ src: '0.0.0.0' })],
    ['cut short', echo4({}).subarray(0, 50)],
    ['UDP', ipv4({ src: '172.21.22.23', dst: '172.21.22.26', proto: 17 }, bytes(0, 1, 0, 2, 0, 8, 0, 0))],
  ];
  for (const [what, frame] of cases) t.is(answer(r, frame), undefined, what);
  t.deepEqual(r.answered, { echo: 0, echo6: 0, arp: 0, neighbour: 0 });
});

test('a /31 has two hosts (RFC 3021); a /32 none', (t) => {
  const r31 = new TunResponder(false, addrs('10.0.0.0/31'));
  t.truthy(answer(r31, echo4({ src: '10.0.0.0', dst: '10.0.0.1' })));
  const r32 = new TunResponder(false, addrs('10.0.0.1/32'));
  t.is(answer(r32, echo4({ src: '10.0.0.1', dst: '10.0.0.2' })), undefined);
});

test('ICMPv6 echo through TUN: hop limit 64, type 129, the pseudo-header checksum right', (t) => {
  const r = tunV4();
  const req = ipv6({ src: 'fd00:21:22::23', dst: 'fd00:21:22::26', nh: 58, hlim: 64, flow: 0x12345, tc: 0x20 },
    icmp6('fd00:21:22::23', 'fd00:21:22::26', 128, bytes(0, 7, 0, 3), echoBody));
  const rep = answer(r, req)!;
  t.is(rep.length, req.length);
  t.deepEqual([...rep.subarray(0, 4)], [0x62, 0x00, 0, 0]);           // traffic class kept, no flow label
  t.is(rep[6], 58);
  t.is(rep[7], 64);
  t.deepEqual([...rep.subarray(8, 24)], [...ip6('fd00:21:22::26')]);
  t.deepEqual([...rep.subarray(24, 40)], [...ip6('fd00:21:22::23')]);
  t.is(rep[40], 129);
  t.is(icmp6Check(rep), 0);
  t.deepEqual([...rep.subarray(44)], [...req.subarray(44)]);
  // Not: a broken checksum, extension headers, its own address, the subnet-router anycast address.
  const broken = Uint8Array.from(req); broken[60]! ^= 1;
  t.is(answer(r, broken), undefined);
  const withExt = ipv6({ src: 'fd00:21:22::23', dst: 'fd00:21:22::26', nh: 0 },
    ext6(58, bytes(1, 4, 0, 0, 0, 0), icmp6('fd00:21:22::23', 'fd00:21:22::26', 128, bytes(0, 7, 0, 3))));
  t.is(answer(r, withExt), undefined);
  for (const dst of ['fd00:21:22::23', 'fd00:21:22::', 'fd00:99::1']) {
    t.is(answer(r, ipv6({ src: 'fd00:21:22::23', dst, nh: 58 }, icmp6('fd00:21:22::23', dst, 128, bytes(0, 7, 0, 3)))), undefined, dst);
  }
});

test('TAP: ARP request → reply from 02:76:63 and the address\'s last three bytes', (t) => {
  const r = tap();
  const req = ether('ff:ff:ff:ff:ff:ff', MAC, 0x0806, concat(bytes(0, 1, 8, 0, 6, 4, 0, 1), mac(MAC), ip4('172.21.23.1'), mac('00:00:00:00:00:00'), ip4('172.21.23.9')));
  const rep = answer(r, req)!;
  t.deepEqual([...rep], [...ether(MAC, '02:76:63:15:17:09', 0x0806,
    concat(bytes(0, 1, 8, 0, 6, 4, 0, 2), mac('02:76:63:15:17:09'), ip4('172.21.23.9'), mac(MAC), ip4('172.21.23.1')))]);
  // A gratuitous ARP, a request for the device's own address, a reply, one for another subnet: nothing.
  const arp = (op: number, spa: string, tpa: string): Uint8Array =>
    ether('ff:ff:ff:ff:ff:ff', MAC, 0x0806, concat(bytes(0, 1, 8, 0, 6, 4, 0, op), mac(MAC), ip4(spa), mac('00:00:00:00:00:00'), ip4(tpa)));
  t.is(answer(r, arp(1, '172.21.23.9', '172.21.23.9')), undefined);
  t.is(answer(r, arp(1, '172.21.23.9', '172.21.23.1')), undefined);
  t.is(answer(r, arp(2, '172.21.23.1', '172.21.23.9')), undefined);
  t.is(answer(r, arp(1, '172.21.23.1', '10.0.0.9')), undefined);
  // An echo request reaches a host behind TAP only when sent to its MAC.
  const echo = ipv4({ src: '172.21.23.1', dst: '172.21.23.9', proto: 1 }, icmp(8, 0, bytes(0, 1, 0, 1), echoBody));
  t.is(answer(r, ether('02:00:00:00:00:99', MAC, 0x0800, echo)), undefined);
  const rep2 = answer(r, ether('02:76:63:15:17:09', MAC, 0x0800, echo))!;
  t.deepEqual([...rep2.subarray(0, 14)], [...mac(MAC), ...mac('02:76:63:15:17:09'), 8, 0]);
  t.is(checksum(rep2.subarray(14, 34)), 0);
  t.is(checksum(rep2.subarray(34)), 0);
  t.deepEqual(r.answered, { echo: 1, echo6: 0, arp: 1, neighbour: 0 });
});

test('TAP: neighbour solicitation → solicited advertisement with the target link-layer address; DAD → to all nodes', (t) => {
  const r = tap();
  const sllao = bytes(1, 1, ...mac(MAC));
  const ns = (src: string, dst: string, hlim = 255): Uint8Array => ether('33:33:ff:00:00:09', MAC, 0x86dd,
    ipv6({ src, dst, nh: 58, hlim }, icmp6(src, dst, 135, bytes(0, 0, 0, 0), concat(ip6('fd00:23::9'), src === '::' ? new Uint8Array(0) : sllao))));
  const rep = answer(r, ns('fd00:23::1', 'ff02::1:ff00:9'))!;
  t.deepEqual([...rep.subarray(0, 14)], [...mac(MAC), ...mac('02:76:63:00:00:09'), 0x86, 0xdd]);
  const p = rep.subarray(14);
  t.is(p.length, 40 + 32);
  t.is(p[7], 255);
  t.deepEqual([...p.subarray(8, 24)], [...ip6('fd00:23::9')]);
  t.deepEqual([...p.subarray(24, 40)], [...ip6('fd00:23::1')]);
  t.deepEqual([...p.subarray(40, 42)], [136, 0]);
  t.is(p[44], 0x60);                                                  // solicited, override
  t.deepEqual([...p.subarray(48, 64)], [...ip6('fd00:23::9')]);
  t.deepEqual([...p.subarray(64)], [2, 1, ...mac('02:76:63:00:00:09')]);
  t.is(icmp6Check(p), 0);
  // Duplicate address detection (from ::) for a host behind the device: it is taken, say so to all nodes.
  const dad = answer(r, ns('::', 'ff02::1:ff00:9'))!;
  t.deepEqual([...dad.subarray(0, 6)], [0x33, 0x33, 0, 0, 0, 1]);
  t.deepEqual([...dad.subarray(14 + 24, 14 + 40)], [...ip6('ff02::1')]);
  t.is(dad[14 + 44], 0x20);                                           // override only
  t.is(icmp6Check(dad.subarray(14)), 0);
  // Forwarded (hop limit below 255): not answered. Through TUN: no neighbour discovery.
  t.is(answer(r, ns('fd00:23::1', 'ff02::1:ff00:9', 64)), undefined);
  t.is(answer(new TunResponder(false, addrs('fd00:23::1/64')), ns('fd00:23::1', 'ff02::1:ff00:9').subarray(14)), undefined);
  t.deepEqual(r.answered, { echo: 0, echo6: 0, arp: 0, neighbour: 2 });
});

test('the device\'s addresses are read again after a miss, at most once a second', (t) => {
  let calls = 0, now = 5000;
  let list = ['172.21.22.23/24'];
  const r = new TunResponder(false, () => { calls++; return list.map(parseCidr); }, () => now);
  t.truthy(answer(r, echo4({})));
  t.is(calls, 1);
  // Someone adds 10.7.0.1/24 to the device: a miss within the second does not look again…
  list = ['172.21.22.23/24', '10.7.0.1/24'];
  now += 999;
  t.is(answer(r, echo4({ src: '10.7.0.1', dst: '10.7.0.2' })), undefined);
  t.is(calls, 1);
  // …a miss after it does, and finds the new subnet; hits never look.
  now += 1;
  t.truthy(answer(r, echo4({ src: '10.7.0.1', dst: '10.7.0.2' })));
  t.is(calls, 2);
  now += 5000;
  t.truthy(answer(r, echo4({})));
  t.is(calls, 2);
});
