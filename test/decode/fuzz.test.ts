// Property tests: random and mutated frames for every link type. decode() must not throw, its
// guard must never fire, and nothing it reports may come from outside the frame: every layer and
// the payload lie inside it, and every field reads the same whether the bytes around the frame
// are 0x00 or 0xff.
import test from 'ava';
import fc from 'fast-check';
import { Decoder } from '../../src/decoders/decoder.js';
import { LinkType } from '../../src/decoders/link-type.js';
import type { Packet } from '../../src/decoders/packet.js';
import type { LayerView } from '../../src/decoders/view.js';
import {
  be16, be32, bytes, concat, dnsHeader, dnsName, ether, ext6, frag6, icmp, ip6, ipv4, ipv6, ptr, rr, tcp, udp, vlanTag,
} from '../helpers/frames.js';

const PAD = 32;
const dA = new Decoder(), dB = new Decoder();
const regionA = new Uint8Array(70000), regionB = new Uint8Array(70000).fill(0xff);
let decoded = 0;

function layersOf(p: Packet): LayerView[] {
  const out: LayerView[] = [];
  for (const l of [p.sll, p.sll2, p.loopback, p.ethernet, p.llc, ...(p.vlan ?? []), p.arp, p.ipv4, p.ipv6, p.icmp, p.icmpv6, p.tcp, p.udp, p.dns]) if (l) out.push(l);
  return out;
}

/** Decode `frame` inside both regions and check the packet; throws (fails the property) on a violation. */
function check(frame: Uint8Array, linkType: number): void {
  const n = frame.length;
  regionA.fill(0, PAD + n, PAD + n + PAD); regionB.fill(0xff, PAD + n, PAD + n + PAD);
  regionA.set(frame, PAD); regionB.set(frame, PAD);
  const a = dA.decode(regionA, linkType, PAD, n);
  decoded++;
  for (const l of layersOf(a)) {
    if (l.off < PAD || l.off + l.headerLength > PAD + n || l.end > PAD + n || l.end < l.off + l.headerLength || l.offset !== l.off - PAD)
      throw new Error(`layer ${l.layer} at ${l.off}+${l.headerLength} (end ${l.end}) outside the frame of ${n}`);
  }
  if (a.payloadOffset < 0 || a.payloadOffset + a.payloadLength > n) throw new Error(`payload ${a.payloadOffset}+${a.payloadLength} outside ${n}`);
  if (a.stop && (a.stop.offset < 0 || a.stop.offset > n || a.stop.available > n - a.stop.offset)) throw new Error(`stop ${a.stop.toString()} outside ${n}`);
  const ja = JSON.stringify(a), ia = JSON.stringify(dA.decodeInner(a) ?? null);
  const b = dB.decode(regionB, linkType, PAD, n);
  const jb = JSON.stringify(b), ib = JSON.stringify(dB.decodeInner(b) ?? null);
  if (ja !== jb) throw new Error(`fields differ with the bytes around the frame:\n${ja}\n${jb}`);
  if (ia !== ib) throw new Error(`inner packet differs with the bytes around the frame:\n${ia}\n${ib}`);
  if (dA.guardCount !== 0 || dB.guardCount !== 0) throw new Error(`the guard fired: ${a.stop?.detail ?? b.stop?.detail}`);
  // A tunnel's inner packet is walked on first use, under a guard of its own that records an error stop.
  if (ja.includes('internal decoder error')) throw new Error(`the inner packet's guard fired: ${ja}`);
}

const mac = ['00:00:00:00:00:02', '00:00:00:00:00:01'] as const;
const eth = (type: number, p: Uint8Array): Uint8Array => ether(mac[0], mac[1], type, p);
const dns = concat(dnsHeader(1, 0x8180, 1, 2, 1, 0), dnsName('www.example.com'), be16(1), be16(1),
  rr(ptr(12), 5, concat(bytes(1, 0x63), ptr(16))), rr(ptr(12), 1, bytes(1, 2, 3, 4)), rr(ptr(16), 6, concat(ptr(12), ptr(12), new Uint8Array(20))));
const synOpts = concat(bytes(2, 4), be16(1460), bytes(4, 2, 8, 10), be32(1), be32(0), bytes(1, 3, 3, 7, 5, 10), be32(1), be32(2));
const v4tcp = ipv4({ proto: 6, options: bytes(1, 1, 148, 4, 0, 0, 7, 7, 4, 0, 0, 0, 0, 0, 0, 0) }, tcp({ options: synOpts, sport: 53 }, concat(be16(dns.length), dns)));
const v4dns = ipv4({ proto: 17 }, udp(53, 999, dns));
const v4icmpErr = ipv4({ proto: 1 }, icmp(3, 3, be32(0), v4dns.subarray(0, 28)));
const v4ts = ipv4({ proto: 1 }, icmp(13, 0, be32(1), new Uint8Array(12)));
const v6ext = ipv6({ nh: 0 }, ext6(60, bytes(1, 2, 0, 0), ext6(43, bytes(0, 1, 0, 0, 0, 0), ext6(44, new Uint8Array(22), frag6(17, 0, true, 9, udp(999, 53, dns))))));
const v6nd = ipv6({ nh: 58 }, icmp(134, 0, bytes(64, 0, 7, 8), concat(be32(1), be32(2), bytes(1, 1, 2, 0, 0, 0, 0, 1), concat(bytes(3, 4, 64, 0xc0), be32(1), be32(2), be32(0), ip6('2001:db8::')), bytes(5, 1, 0, 0), be32(1500)), true));
const v6err = ipv6({ nh: 58 }, icmp(1, 0, be32(0), v6ext.subarray(0, 100), true));
const v6mld = ipv6({ nh: 58 }, icmp(130, 0, be32(0), ip6('ff02::1'), true));
const arp = concat(be16(1), be16(0x0800), bytes(6, 4), be16(1), new Uint8Array(20));
const ips = [v4tcp, v4dns, v4icmpErr, v4ts, v6ext, v6nd, v6err, v6mld];
const etherOf = (ip: Uint8Array): number => (ip[0]! >> 4 === 6 ? 0x86dd : 0x0800);

const seeds: [number, Uint8Array][] = [
  ...ips.map((ip): [number, Uint8Array] => [LinkType.EN10MB, eth(etherOf(ip), ip)]),
  [LinkType.EN10MB, eth(0x88a8, vlanTag(1, 0x8100, 0, vlanTag(2, 0x0800, 0, v4tcp)))],
  [LinkType.EN10MB, eth(0x0806, arp)],
  [LinkType.EN10MB, eth(v4dns.length + 8, concat(bytes(0xaa, 0xaa, 3, 0, 0, 0), be16(0x0800), v4dns))],
  ...ips.map((ip): [number, Uint8Array] => [LinkType.RAW, ip]),
  ...ips.map((ip): [number, Uint8Array] => [ip[0]! >> 4 === 6 ? LinkType.IPV6 : LinkType.IPV4, ip]),
  ...ips.map((ip): [number, Uint8Array] => [LinkType.LINUX_SLL, concat(be16(0), be16(1), be16(6), new Uint8Array(8), be16(etherOf(ip)), ip)]),
  ...ips.map((ip): [number, Uint8Array] => [LinkType.LINUX_SLL2, concat(be16(etherOf(ip)), be16(0), be32(3), be16(1), bytes(0, 6), new Uint8Array(8), ip)]),
  ...ips.map((ip): [number, Uint8Array] => [LinkType.NULL, concat(ip[0]! >> 4 === 6 ? bytes(10, 0, 0, 0) : bytes(2, 0, 0, 0), ip)]),
  ...ips.map((ip): [number, Uint8Array] => [LinkType.LOOP, concat(ip[0]! >> 4 === 6 ? bytes(0, 0, 0, 24) : bytes(0, 0, 0, 2), ip)]),
];
const linkTypes = Object.values(LinkType);

// Each seed and every link type get their share; the sum is the 1M the issue asks for.
const RANDOM_RUNS = 25_000; // per link type: 8 × 25k = 200k random frames
const MUTATED_RUNS = Math.ceil(800_000 / seeds.length); // mutated frames per seed

for (const lt of linkTypes) {
  test(`random bytes as link type ${lt}`, (t) => {
    const before = decoded;
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (f) => { check(f, lt); }), { numRuns: RANDOM_RUNS, seed: 0x5eed + lt, endOnFailure: true });
    t.is(decoded - before, RANDOM_RUNS);
    t.is(dA.guardCount + dB.guardCount, 0);
  });
}

const edit = fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }));
const mutation = fc.record({ edits: fc.array(edit, { minLength: 1, maxLength: 6 }), cut: fc.nat(), cutIt: fc.boolean() });

seeds.forEach(([lt, seed], i) => {
  test(`mutated frame ${i} (link type ${lt}, ${seed.length} bytes)`, (t) => {
    check(seed, lt);
    t.is(dA.packet.stop, undefined, 'the seed itself decodes in full');
    const before = decoded;
    const f = new Uint8Array(seed.length);
    fc.assert(fc.property(mutation, ({ edits, cut, cutIt }) => {
      f.set(seed);
      for (const [pos, v] of edits) f[pos % f.length] = v;
      check(cutIt ? f.subarray(0, cut % (f.length + 1)) : f, lt);
    }), { numRuns: MUTATED_RUNS, seed: 0xf00d + i, endOnFailure: true });
    t.is(decoded - before, MUTATED_RUNS);
    t.is(dA.guardCount + dB.guardCount, 0);
  });
});

test.after('at least 1M frames were decoded', () => {
  if (decoded < 1_000_000) throw new Error(`only ${decoded} frames decoded`);
});
