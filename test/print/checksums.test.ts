// -K (--dont-verify-checksums) against the installed tcpdump 4.99.3: the IPv4 header's, TCP's and
// UDP's checksums (over IPv4 and IPv6) are not verified; ICMP's, ICMPv6's, IGMP's, PIM's, VRRP's and
// DCCP's still are, as tcpdump does; good and bad checksums, at -v, -vv and -vvv, with and without -K.
import test from 'ava';
import { be16, be32, bytes, checksum, concat, ether, ip4, ip6, ipv4, ipv6, tcp, udp, icmp } from '../helpers/frames.js';
import { Oracle, withCuts } from '../helpers/oracle.js';

const oracle = new Oracle();
test.after.always(() => oracle.cleanup());

/** `b` with the 16-bit word at `at` set to `v` (a checksum made wrong). */
const poke = (b: Uint8Array, at: number, v: number): Uint8Array => { const c = Uint8Array.from(b); c.set(be16(v), at); return c; };
const E4 = (p: Uint8Array): Uint8Array => ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, p);
const E6 = (p: Uint8Array): Uint8Array => ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x86dd, p);

/** `seg` (a UDP, TCP or ICMPv6 message) with its checksum, at `at`, right for the pseudo-header of `src` > `dst` (IPv4 or IPv6). */
function summed(seg: Uint8Array, at: number, proto: number, src: string, dst: string): Uint8Array {
  const v6 = src.includes(':');
  const pseudo = v6 ? concat(ip6(src), ip6(dst), be32(seg.length), be32(proto)) : concat(ip4(src), ip4(dst), bytes(0, proto), be16(seg.length));
  const s = Uint8Array.from(seg);
  s.set(be16(0), at);
  s.set(be16(checksum(concat(pseudo, s))), at);
  return s;
}

function frames(): Uint8Array[] {
  const u = summed(udp(1234, 5678, bytes(1, 2, 3, 4)), 6, 17, '10.0.0.1', '10.0.0.2');
  const t = summed(tcp({ sport: 1234, dport: 80, seq: 1, ack: 2, flags: 0x18 }, bytes(0x41, 0x42)), 16, 6, '10.0.0.1', '10.0.0.2');
  const u6 = summed(udp(1234, 5678, bytes(1, 2, 3, 4)), 6, 17, '2001:db8::1', '2001:db8::2');
  const t6 = summed(tcp({ sport: 1234, dport: 80, seq: 1, ack: 2, flags: 0x18 }, bytes(0x41, 0x42)), 16, 6, '2001:db8::1', '2001:db8::2');
  const ic = icmp(8, 0, be32(0x00010001), bytes(1, 2, 3));
  const ic6 = summed(icmp(128, 0, be32(0x00010001), bytes(), true), 2, 58, '2001:db8::1', '2001:db8::2');
  const igmp = concat(bytes(0x16, 0), be16(0x1234), bytes(224, 0, 0, 9));
  const pim = concat(bytes(0x20, 0), be16(0x1234), be16(1), be16(2), be16(105));
  const vrrp = concat(bytes(0x21, 1, 100, 1, 0, 1), be16(0x1234), bytes(10, 0, 0, 9), new Uint8Array(8));
  const dccp = concat(be16(1234), be16(5678), bytes(4, 0), be16(0x1234), bytes(1, 0), be16(1), be32(7), new Uint8Array(4));
  const out: Uint8Array[] = [];
  for (const [proto, body] of [[17, u], [6, t], [1, ic], [2, igmp], [103, pim], [112, vrrp], [33, dccp]] as const) {
    const good = ipv4({ src: '10.0.0.1', dst: proto === 112 ? '224.0.0.18' : '10.0.0.2', proto, ttl: 255 }, body);
    out.push(E4(good), E4(poke(good, 10, 0x1234)));                                  // the IPv4 header's checksum wrong
    // The upper layer's checksum wrong (UDP 6, TCP 16, others 2 bytes in).
    out.push(E4(poke(good, 20 + (proto === 17 ? 6 : proto === 6 ? 16 : proto === 33 ? 6 : 2), 0x4321)));
  }
  for (const [nh, body, at] of [[17, u6, 6], [6, t6, 16], [58, ic6, 2]] as const) {
    const good = ipv6({ src: '2001:db8::1', dst: '2001:db8::2', nh }, body);
    out.push(E6(good), E6(poke(good, 40 + at, 0x4321)));
  }
  return out;
}

test('-K: IPv4 header, TCP and UDP checksums unverified; ICMP, ICMPv6, IGMP, PIM, VRRP and DCCP ones still verified; good and bad, cut short', (t) => {
  const f = frames();
  oracle.compare(t, 1, withCuts(f, [40, 50, 60]), [['-v'], ['-vv'], ['-K', '-v'], ['-K', '-vv'], ['--dont-verify-checksums', '-vvv', '-e']]);
});
