// HNCP (src/output/text/hncp.ts) against the installed tcpdump 4.99.3: every DNCP and HNCP TLV type,
// nested TLVs (node state, external connection, prefixes, addresses, names), IPv4 and IPv6 prefixes
// and addresses, DHCPv4 and DHCPv6 data, DNS labels and names, the type ranges without names, bodies
// of wrong lengths, TLVs past the message or past the capture — over IPv4 and IPv6, either port and
// beside the ports print-udp.c tests before and after it; whole and cut at many lengths, at every
// -v depth (which decides which levels print one TLV a line) and with -e, -x, -q.
import test from 'ava';
import { be16, be32, bytes, concat, dnsName, ether, ip4, ip6, ipv4, ipv6, udp } from '../helpers/frames.js';
import { Oracle, withCuts } from '../helpers/oracle.js';

const oracle = new Oracle();
test.after.always(() => oracle.cleanup());

const pad = (b: Uint8Array): Uint8Array => concat(b, new Uint8Array(-b.length & 3));
const tlv = (type: number, ...body: Uint8Array[]): Uint8Array => { const v = concat(...body); return pad(concat(be16(type), be16(v.length), v)); };
const text = (s: string): Uint8Array => Buffer.from(s, 'latin1');
const nid = bytes(0x31, 0xda, 0x78, 0xd2);
const hash = bytes(0x2a, 0xe5, 0xf7, 0x72, 0x55, 0x20, 0x0b, 0xcc);
const mapped = (a: string): Uint8Array => concat(new Uint8Array(10), bytes(0xff, 0xff), ip4(a));
/** A prefix as HNCP carries it: its length, then the bytes it covers. */
const prefix6 = (a: string, plen: number): Uint8Array => concat(bytes(plen), ip6(a).subarray(0, (plen + 7) >> 3));
const prefix4 = (a: string, plen: number): Uint8Array => concat(bytes(96 + plen), new Uint8Array(10), bytes(0xff, 0xff), ip4(a).subarray(0, (plen + 7) >> 3));
const label = (s: string): Uint8Array => concat(...s.split('.').map((l) => concat(bytes(l.length), text(l))), bytes(0));

function messages(): Uint8Array[] {
  const nodeData = concat(
    tlv(8, nid, be32(1), be32(0x01000000)),                                           // Peer
    tlv(32, bytes(0, 0, 0x04, 0x44), text('hnetd/cac971d')),                           // HNCP-Version
    tlv(33, tlv(34, be32(599), be32(299), prefix4('10.0.0.0', 8), tlv(43, bytes(0))),   // External-Connection: Delegated-Prefix, Prefix-Policy
      tlv(34, be32(1599), be32(1299), prefix6('fd1f:f88c:e207::', 48)),
      // Well formed: the prefix padded to 4 bytes, then the policies it carries; DHCPv6 data of exact lengths.
      tlv(34, be32(599), be32(299), pad(prefix4('10.0.0.0', 8)), tlv(43, bytes(0)), tlv(43, bytes(129), label('isp.example')), tlv(43, bytes(131))),
      tlv(34, be32(3600000), be32(1800000), pad(prefix6('2001:db8:1::', 48)), tlv(43, bytes(56), ip6('2001:db8:ff::').subarray(0, 7))),
      tlv(38, be16(23), be16(32), ip6('2001:db8::53'), ip6('2001:db8::54'), be16(24), be16(dnsName('lan.').length), dnsName('lan.'), be16(31), be16(16), ip6('2001:db8::123')),
      tlv(37, bytes(119, dnsName('home.lan').length), dnsName('home.lan')),
      tlv(37, bytes(6, 4), ip4('192.168.1.254'), bytes(42, 8), ip4('10.0.0.1'), ip4('10.0.0.2'), bytes(119, 9), dnsName('home.lan').subarray(0, 9)),
      tlv(38, be16(23), be16(16), ip6('2001:db8::53'), be16(24), be16(10), dnsName('lan.'), be16(31), be16(16), ip6('2001:db8::123'), be16(99), be16(2), bytes(1, 2))),
    tlv(35, be32(0x03000000), bytes(2), prefix6('fd1f:f88c:e207:dbbc::', 64)),        // Assigned-Prefix
    tlv(35, be32(0x01000000), bytes(0x12), prefix4('10.0.99.0', 24), tlv(43, bytes(64), ip6('2001:db8::'))),
    tlv(36, be32(0x01000000), mapped('10.0.99.2')),                                    // Node-Address
    tlv(36, be32(0x03000000), ip6('fd1f:f88c:e207:dbbc::1b'), tlv(9, be32(1), be32(20000))),
    tlv(39, mapped('10.0.101.27'), bytes(7), label('r1.home')),                        // DNS-Delegated-Zone
    tlv(39, ip6('2001:db8::1'), bytes(2), label('x')),
    tlv(40, label('home.arpa')),                                                      // Domain-Name
    tlv(41, mapped('10.0.101.27'), bytes(2), text('r1')),                              // Node-Name
    tlv(41, ip6('fd1f::1'), bytes(5), text('nöde\x01')),
    tlv(42, new Uint8Array(32).fill(0xab)),                                           // Managed-PSK
  );
  const out: Uint8Array[] = [
    concat(tlv(3, nid, be32(0x03000000)), tlv(4, hash)),                               // Node endpoint, Network state
    tlv(1),                                                                            // Request network state
    tlv(2, nid),                                                                       // Request node state
    concat(tlv(3, nid, be32(3)), tlv(4, hash), tlv(5, nid, be32(19), be32(160088), hash), tlv(5, bytes(0x61, 0x69, 0xed, 0x63), be32(12), be32(969681), hash)),
    concat(tlv(3, nid, be32(3)), tlv(5, nid, be32(19), be32(160105), hash, nodeData)),
    concat(tlv(9, be32(0xffffffff), be32(1234567)), tlv(10, bytes(1, 0, 0, 0), new Uint8Array(32).fill(0x5a), text('common name'))),
    // Type ranges without a name: reserved 0, DNCP future use (6, 7, 11, 512), HNCP unassigned, private use; runs of one type.
    concat(tlv(0), tlv(6), tlv(7), tlv(11, bytes(1)), tlv(44), tlv(511), tlv(512), tlv(768), tlv(1023), tlv(1024), tlv(0xffff), tlv(4, hash), tlv(4, hash), tlv(4, hash)),
    // Prefix policies: every type, and bodies of the wrong length.
    concat(...[bytes(0), bytes(0, 1), concat(bytes(48), ip6('2001:db8::').subarray(0, 6)), bytes(129), concat(bytes(129), label('example.org')),
      concat(bytes(129), bytes(5), text('abc')), concat(bytes(130), text('opaque ütf')), bytes(131), bytes(131, 0), bytes(132), bytes(255), bytes(200, 1)].map((b) => tlv(43, b))),
    // Bodies of the wrong length for every type that has one.
    concat(tlv(1, bytes(1)), tlv(2, bytes(1, 2, 3)), tlv(3, nid), tlv(4, bytes(1)), tlv(5, nid), tlv(8, nid), tlv(9, bytes(1)), tlv(10, new Uint8Array(36)),
      tlv(32, bytes(1, 2, 3, 4)), tlv(34, bytes(1, 2, 3)), tlv(37), tlv(38), tlv(35, bytes(1, 2, 3)), tlv(36, nid), tlv(39, nid), tlv(40), tlv(41, nid), tlv(42, nid)),
    // Prefixes too long, or running past the TLV.
    concat(tlv(34, be32(1), be32(2), bytes(129)), tlv(34, be32(1), be32(2), bytes(140), new Uint8Array(12), bytes(0xff, 0xff, 10)), tlv(34, be32(1), be32(2), bytes(100), new Uint8Array(10), bytes(0xff, 0xff)),
      tlv(35, be32(1), bytes(1), bytes(130)), tlv(35, be32(1), bytes(1), bytes(120), new Uint8Array(10), bytes(0xff, 0xff, 1, 2))),
    // DHCP data that runs past its TLV, addresses of the wrong length, a name length past the body.
    concat(tlv(37, bytes(6, 3), ip4('1.2.3.4').subarray(0, 3)), tlv(37, bytes(6, 9), ip4('1.2.3.4'))),
    concat(tlv(38, be16(23), be16(8), new Uint8Array(8)), tlv(38, be16(23), be16(40), ip6('::1')), tlv(38, bytes(0, 1))),
    concat(tlv(41, ip6('::1'), bytes(40), text('short')), tlv(41, ip6('::1'), bytes(70), new Uint8Array(72).fill(0x41))),
    // A TLV longer than the message, a header cut by it, a body padding past it.
    concat(tlv(4, hash), be16(4), be16(200), hash),
    concat(tlv(4, hash), be16(4)),
    concat(be16(4), be16(7), hash.subarray(0, 7)),
    bytes(),
  ];
  return out;
}

function frames(): Uint8Array[] {
  const v6 = (sport: number, dport: number, p: Uint8Array): Uint8Array =>
    ether('33:33:00:00:00:11', '02:00:00:00:00:01', 0x86dd, ipv6({ src: 'fe80::218:f3ff:fea9:914e', dst: 'ff02::11', nh: 17, hlim: 1 }, udp(sport, dport, p)));
  const v4 = (sport: number, dport: number, p: Uint8Array): Uint8Array =>
    ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ipv4({ src: '10.0.0.1', dst: '10.0.0.2', proto: 17 }, udp(sport, dport, p)));
  const out = messages().map((m) => v6(8231, 8231, m));
  const m = messages()[4]!;
  out.push(v4(8231, 8231, m));
  // Either port; beside ports print-udp.c tests before HNCP (DNS, AHCP, Babel) and after it (the whiteboard's 4567, RADIUS, VQP).
  for (const [s, d] of [[40000, 8231], [8231, 40000], [53, 8231], [5359, 8231], [8231, 6696], [8231, 4567], [4567, 8231], [8231, 1812], [1589, 8231]] as const) out.push(v4(s, d, m));
  return out;
}

const FLAGS = [[], ['-v'], ['-vv'], ['-vvv'], ['-e'], ['-x'], ['-vvv', '-X'], ['-q']];

test('HNCP: every TLV type, nested and in line at every -v depth, prefixes, DHCP data, names, wrong lengths, either port and beside the ports before and after it, whole and cut', (t) => {
  const f = frames();
  t.true(f.length > 25, `${f.length} frames`);
  // Cuts inside the UDP header, at the first TLV's header and body, and through the nested ones.
  oracle.compare(t, 1, withCuts(f, [42, 50, 62, 63, 64, 66, 70, 74, 78, 86, 94, 100, 110, 130, 160, 200, 260, 330, 420]), FLAGS);
});
