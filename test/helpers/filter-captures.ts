// Captures for the filter differential test: frames built byte by byte to reach every branch of
// the filter compiler (VLAN stacks, IPv4 options and fragments, IPv6 fragment/hop-by-hop headers,
// LLC frames, ARP/RARP, cut-short captures), written as one pcap per link type.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Frame { bytes: Uint8Array; capLen: number; origLen: number }

const u16 = (v: number): number[] => [(v >> 8) & 0xff, v & 0xff];
const u32 = (v: number): number[] => [(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];
const ip4 = (s: string): number[] => s.split('.').map(Number);
function ip6(s: string): number[] {
  const [h, t] = s.split('::') as [string, string | undefined];
  const hs = h ? h.split(':') : [], ts = t ? t.split(':') : [];
  const words = [...hs, ...Array(8 - hs.length - ts.length).fill('0'), ...ts].map((w) => parseInt(w, 16));
  return words.flatMap(u16);
}
const mac = (s: string): number[] => s.split(':').map((x) => parseInt(x, 16));

/** A deterministic pseudo-random sequence, so the captures are the same on every run. */
function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x; };
}

function l4(proto: number, sport: number, dport: number, extra: { flags?: number; icmpType?: number; icmpCode?: number; payload?: number }): number[] {
  const pay = Array(extra.payload ?? 8).fill(0x61);
  if (proto === 6) return [...u16(sport), ...u16(dport), ...u32(1000), ...u32(2000), 0x50, extra.flags ?? 0x10, ...u16(512), 0, 0, 0, 0, ...pay];
  if (proto === 17) return [...u16(sport), ...u16(dport), ...u16(8 + pay.length), 0, 0, ...pay];
  if (proto === 132) return [...u16(sport), ...u16(dport), ...u32(0x1234), 0, 0, 0, 0, ...pay];
  if (proto === 1 || proto === 58) return [extra.icmpType ?? 8, extra.icmpCode ?? 0, 0, 0, ...u16(1), ...u16(2), ...pay];
  return [...u16(sport), ...u16(dport), ...pay];
}

function ipv4(src: string, dst: string, proto: number, body: number[], o: { frag?: number; mf?: boolean; df?: boolean; opts?: number } = {}): number[] {
  const opt = Array((o.opts ?? 0) * 4).fill(1);
  const ihl = 5 + (o.opts ?? 0);
  const flags = (o.mf ? 0x2000 : 0) | (o.df ? 0x4000 : 0) | (o.frag ?? 0);
  return [0x40 | ihl, 0, ...u16(ihl * 4 + body.length), ...u16(0x1234), ...u16(flags), 64, proto, 0, 0, ...ip4(src), ...ip4(dst), ...opt, ...body];
}

function ipv6(src: string, dst: string, next: number, body: number[]): number[] {
  return [0x60, 0, 0, 0, ...u16(body.length), next, 64, ...ip6(src), ...ip6(dst), ...body];
}

const ETH_A = '00:11:22:33:44:55', ETH_B = '66:77:88:99:aa:bb';

function ether(dst: string, src: string, type: number, payload: number[], vlans: [number, number][] = []): number[] {
  return [...mac(dst), ...mac(src), ...vlans.flatMap(([tpid, tci]) => [...u16(tpid), ...u16(tci)]), ...u16(type), ...payload];
}

/** Network-layer packets: [ethertype, bytes]. */
export function networkPackets(): [number, number[]][] {
  const out: [number, number[]][] = [];
  const r = rng(7);
  const hosts4 = ['10.0.0.1', '10.0.0.2', '10.1.2.3', '192.168.1.10', '192.168.1.255', '172.16.5.4', '8.8.8.8', '1.2.3.4'];
  const ports = [20, 21, 22, 53, 80, 123, 443, 1024, 5000, 8080, 65535];
  const pick = <T>(a: T[]): T => a[r() % a.length]!;
  for (let i = 0; i < 120; i++) {
    const proto = pick([6, 6, 17, 17, 132, 1]);
    const src = pick(hosts4), dst = pick(hosts4);
    const body = l4(proto, pick(ports), pick(ports), { flags: pick([0x02, 0x12, 0x10, 0x11, 0x04, 0x18, 0x01, 0xc2]), icmpType: pick([0, 3, 8, 11, 13]), icmpCode: r() % 4 });
    out.push([0x0800, ipv4(src, dst, proto, body, { opts: i % 7 === 0 ? 1 : 0, df: i % 3 === 0 })]);
  }
  // Fragments: the first carries the ports; a later one carries bytes that look like port 80.
  for (const proto of [6, 17, 132]) {
    out.push([0x0800, ipv4('10.0.0.1', '10.0.0.2', proto, l4(proto, 80, 1234, {}), { mf: true })]);
    out.push([0x0800, ipv4('10.0.0.1', '10.0.0.2', proto, [...u16(80), ...u16(80), 0, 0, 0, 0, 0, 0, 0, 0], { frag: 185 })]);
    out.push([0x0800, ipv4('10.0.0.1', '10.0.0.2', proto, [...u16(53), ...u16(53), 0, 0, 0, 0], { frag: 3, mf: true })]);
  }
  // Broadcast and multicast destinations; other IP protocols.
  out.push([0x0800, ipv4('10.0.0.1', '255.255.255.255', 17, l4(17, 68, 67, {}))]);
  out.push([0x0800, ipv4('10.0.0.1', '0.0.0.0', 17, l4(17, 68, 67, {}))]);
  out.push([0x0800, ipv4('10.0.0.1', '224.0.0.251', 17, l4(17, 5353, 5353, {}))]);
  out.push([0x0800, ipv4('10.0.0.1', '239.1.1.1', 2, [0x16, 0, 0, 0, ...ip4('239.1.1.1')])]);
  for (const p of [2, 9, 47, 50, 51, 89, 103, 112]) out.push([0x0800, ipv4('10.0.0.9', '224.0.0.18', p, Array(20).fill(p))]);
  // IPv6: plain, behind a fragment header, behind hop-by-hop; ICMPv6 types; multicast.
  const hosts6 = ['2001:db8::1', '2001:db8::2', 'fe80::1', 'fe80::2:3', 'ff02::1', 'ff02::1:ff00:1', '::1'];
  for (let i = 0; i < 60; i++) {
    const proto = pick([6, 17, 58, 132]);
    const body = l4(proto, pick(ports), pick(ports), { flags: pick([0x02, 0x12, 0x10]), icmpType: pick([128, 129, 133, 134, 135, 136, 1]) });
    out.push([0x86dd, ipv6(pick(hosts6), pick(hosts6), proto, body)]);
  }
  for (const proto of [6, 17, 58]) {
    const inner = l4(proto, 80, 53, { icmpType: 128 });
    out.push([0x86dd, ipv6('2001:db8::1', '2001:db8::2', 44, [proto, 0, 0, 0, 0, 0, 0, 1, ...inner])]);
    out.push([0x86dd, ipv6('2001:db8::1', '2001:db8::2', 0, [proto, 0, 1, 4, 0, 0, 0, 0, ...inner])]);
  }
  out.push([0x86dd, ipv6('fe80::1', 'ff02::16', 0, [58, 0, 5, 2, 0, 0, 1, 0, ...l4(58, 0, 0, { icmpType: 143 })])]);
  // ARP and RARP.
  const arp = (op: number, spa: string, tpa: string): number[] => [0, 1, 8, 0, 6, 4, ...u16(op), ...mac(ETH_A), ...ip4(spa), ...mac(ETH_B), ...ip4(tpa)];
  out.push([0x0806, arp(1, '10.0.0.1', '10.0.0.2')], [0x0806, arp(2, '10.0.0.2', '10.0.0.1')], [0x0806, arp(1, '192.168.1.10', '1.2.3.4')]);
  out.push([0x8035, arp(3, '10.0.0.3', '10.0.0.4')], [0x8035, arp(4, '1.2.3.4', '10.1.2.3')]);
  // Other EtherTypes.
  out.push([0x8137, Array(30).fill(0xff)], [0x809b, Array(30).fill(1)], [0x80f3, Array(28).fill(2)], [0x6003, Array(40).fill(3)], [0x9000, Array(20).fill(0)]);
  // Geneve (UDP port 6081): Ethernet inside (0x6558) or a bare packet, options, VNIs, version 1, the wrong port.
  const geneve = (vni: number, proto: number, inner: number[], o: { opts?: number; version?: number } = {}): number[] =>
    [((o.version ?? 0) << 6) | (o.opts ?? 0), 0, ...u16(proto), ...u32(((vni << 8) >>> 0)), ...Array((o.opts ?? 0) * 4).fill(0x5a), ...inner];
  const innerTcp = ipv4('10.9.0.1', '10.9.0.2', 6, l4(6, 1234, 80, { flags: 0x02 }));
  const innerUdp = ipv4('10.9.0.3', '10.9.0.4', 17, l4(17, 5000, 53, {}));
  const innerV6 = ipv6('2001:db8:9::1', '2001:db8:9::2', 6, l4(6, 443, 1025, {}));
  const geneves: number[][] = [
    geneve(0xb, 0x6558, ether(ETH_B, ETH_A, 0x0800, innerTcp)),
    geneve(0xb, 0x6558, ether('ff:ff:ff:ff:ff:ff', ETH_A, 0x0806, [0, 1, 8, 0, 6, 4, 0, 1, ...mac(ETH_A), ...ip4('10.9.0.1'), ...mac(ETH_B), ...ip4('10.9.0.9')])),
    geneve(100, 0x6558, ether(ETH_A, ETH_B, 0x0800, innerUdp), { opts: 2 }),
    geneve(100, 0x6558, ether(ETH_A, ETH_B, 0x8100, [...u16(7), ...u16(0x0800), ...innerTcp])),
    geneve(0xb, 0x0800, innerUdp),
    geneve(7, 0x86dd, innerV6, { opts: 1 }),
    geneve(0xb, 0x6558, ether(ETH_B, ETH_A, 0x86dd, innerV6), { version: 1 }),
  ];
  for (const [i, g] of geneves.entries()) {
    out.push([0x0800, ipv4('10.0.0.1', '10.0.0.2', 17, [...u16(40000 + i), ...u16(6081), ...u16(8 + g.length), 0, 0, ...g], { opts: i % 3 === 0 ? 1 : 0 })]);
    out.push([0x86dd, ipv6('2001:db8::1', '2001:db8::2', 17, [...u16(40000 + i), ...u16(6081), ...u16(8 + g.length), 0, 0, ...g])]);
  }
  out.push([0x0800, ipv4('10.0.0.1', '10.0.0.2', 17, [...u16(6081), ...u16(40000), ...u16(8 + geneves[0]!.length), 0, 0, ...geneves[0]!])]);
  // Header chains for protochain: IPv6 extension headers and AH before the transport, IPv4 AH, no next header.
  const ext = (next: number, len8: number): number[] => [next, len8, ...Array(6 + len8 * 8).fill(0)];
  const ah = (next: number): number[] => [next, 4, 0, 0, ...u32(0x100), ...u32(1), ...Array(12).fill(0)];
  out.push([0x86dd, ipv6('2001:db8::1', '2001:db8::2', 0, [...ext(60, 0), ...ext(43, 1), ...ext(44, 0), ...l4(6, 22, 2222, {})])]);
  out.push([0x86dd, ipv6('2001:db8::1', '2001:db8::2', 60, [...ext(51, 0), ...ah(58), ...l4(58, 0, 0, { icmpType: 128 })])]);
  out.push([0x86dd, ipv6('2001:db8::1', '2001:db8::2', 0, [...ext(59, 0), ...Array(16).fill(0)])]);
  out.push([0x0800, ipv4('10.0.0.1', '10.0.0.2', 51, [...ah(17), ...l4(17, 53, 5353, {})])]);
  out.push([0x0800, ipv4('10.0.0.1', '10.0.0.2', 51, [...ah(51), ...ah(6), ...l4(6, 80, 8080, {})])]);
  // DECnet routing headers (a 2-byte length first): long and short forms, with and without the pad byte;
  // node addresses 10.23 (0x2817) and 1.2 (0x0402), stored little-endian.
  const dn = (a: number): number[] => [a & 0xff, a >> 8];
  const dnLong = (pad: boolean, d: number, s: number): number[] =>
    [...u16(30), ...(pad ? [0x81] : []), 0x06, 0, 0, 0xaa, 0, 4, 0, ...dn(d), 0, 0, 0xaa, 0, 4, 0, ...dn(s), 0, 0, 0, 0, 0, 0, 0, 0];
  const dnShort = (pad: boolean, d: number, s: number): number[] => [...u16(20), ...(pad ? [0x81] : []), 0x02, ...dn(d), ...dn(s), 0, ...Array(12).fill(0)];
  out.push([0x6003, dnLong(false, 0x2817, 0x0402)], [0x6003, dnLong(true, 0x0402, 0x2817)], [0x6003, dnShort(false, 0x2817, 0x0402)],
    [0x6003, dnShort(true, 0x0402, 0x2817)], [0x6003, dnShort(false, 0x1111, 0x2222)]);
  return out;
}

function sll(pkttype: number, proto: number, payload: number[]): number[] {
  return [...u16(pkttype), ...u16(1), ...u16(6), ...mac(ETH_A), 0, 0, ...u16(proto), ...payload];
}
function sll2(pkttype: number, proto: number, payload: number[]): number[] {
  return [...u16(proto), 0, 0, ...u32(2), ...u16(1), pkttype, 6, ...mac(ETH_A), 0, 0, ...payload];
}

/** Frames per link type (the pcap LINKTYPE_ numbers). */
export function framesByLinkType(): Map<number, Frame[]> {
  const net = networkPackets();
  const whole = (b: number[]): Frame => ({ bytes: Uint8Array.from(b), capLen: b.length, origLen: b.length });
  const m = new Map<number, Frame[]>();
  const eth: Frame[] = [];
  net.forEach(([type, p], i) => {
    const dst = i % 11 === 0 ? 'ff:ff:ff:ff:ff:ff' : i % 13 === 0 ? '01:00:5e:00:00:fb' : i % 17 === 0 ? '33:33:00:00:00:01' : i % 2 ? ETH_A : ETH_B;
    const src = i % 2 ? ETH_B : ETH_A;
    eth.push(whole(ether(dst, src, type, p)));
    if (i % 4 === 0) eth.push(whole(ether(dst, src, type, p, [[0x8100, i % 8 === 0 ? 5 : 100]])));
    if (i % 9 === 0) eth.push(whole(ether(dst, src, type, p, [[0x88a8, 3], [0x8100, 5]])));
    if (i % 23 === 0) eth.push(whole(ether(dst, src, type, p, [[0x9100, 0x2005]])));
    if (i % 29 === 0) eth.push(whole(ether(dst, src, type, p, [[0x8100, 0xf005], [0x8100, 100], [0x8100, 7]])));
  });
  // MPLS label stacks (one or two labels, the last with the bottom-of-stack bit) and PPPoE sessions
  // (PPP protocol 0x0021 IPv4, 0x0057 IPv6, 0x0281 MPLS) over a sample of the IP packets.
  const label = (v: number, ttl: number, bottom: boolean): number[] => u32(((v << 12) | (bottom ? 0x100 : 0) | ttl) >>> 0);
  net.filter(([t]) => t === 0x0800 || t === 0x86dd).forEach(([t, p], i) => {
    if (i % 5 === 0) eth.push(whole(ether(ETH_B, ETH_A, 0x8847, [...label(100, 64, true), ...p])));
    if (i % 7 === 0) eth.push(whole(ether(ETH_B, ETH_A, 0x8847, [...label(i % 2 ? 5 : 100, 64, false), ...label(5, 64, true), ...p])));
    if (i % 6 === 0) {
      const ppp = [...u16(t === 0x0800 ? 0x0021 : 0x0057), ...p];
      eth.push(whole(ether(ETH_B, ETH_A, 0x8864, [0x11, 0, ...u16(i % 4 ? 7 : 9), ...u16(ppp.length), ...ppp])));
    }
    if (i % 31 === 0) eth.push(whole(ether(ETH_B, ETH_A, 0x8864, [0x11, 0, ...u16(7), ...u16(p.length + 6), ...u16(0x0281), ...label(100, 64, true), ...p])));
  });
  eth.push(whole(ether('ff:ff:ff:ff:ff:ff', ETH_A, 0x8863, [0x11, 0x09, 0, 0, 0, 4, 1, 1, 0, 0])));
  // 802.3 frames with LLC: STP, IPX (also raw 802.3 and SNAP), ISO, NetBEUI, IP SAP, SNAP AppleTalk.
  const llc = (dsap: number, ssap: number, rest: number[]): number[] => { const p = [dsap, ssap, 3, ...rest]; return ether('01:80:c2:00:00:00', ETH_A, p.length, p); };
  eth.push(whole(llc(0x42, 0x42, Array(35).fill(0))), whole(llc(0xe0, 0xe0, Array(30).fill(0))), whole(llc(0xfe, 0xfe, Array(30).fill(0))));
  eth.push(whole(llc(0xf0, 0xf0, Array(30).fill(0))), whole(llc(0x06, 0x06, Array(30).fill(0))), whole(llc(0x01, 0x01, Array(30).fill(0))));
  // LLC control fields: I frames (bit 0 clear), S frames (RR, RNR, REJ), U frames (UI, UA, DISC, DM, SABME, TEST, XID, FRMR, with P/F set too).
  const llcCtl = (ctl: number): number[] => { const p = [0x42, 0x42, ctl, ...Array(30).fill(0)]; return ether('01:80:c2:00:00:00', ETH_A, p.length, p); };
  for (const ctl of [0x00, 0x0e, 0x01, 0x05, 0x09, 0x11, 0x03, 0x13, 0x63, 0x43, 0x0f, 0x6f, 0xe3, 0xf3, 0xaf, 0xbf, 0x87]) eth.push(whole(llcCtl(ctl)));
  eth.push(whole(ether(ETH_B, ETH_A, 40, [0xff, 0xff, ...Array(38).fill(0)])));
  // OSI: ES-IS, CLNP and IS-IS PDUs of each type behind an ISO LLC header.
  eth.push(whole(llc(0xfe, 0xfe, [0x82, 0x0f, 1, 0, 2, ...Array(30).fill(0)])), whole(llc(0xfe, 0xfe, [0x81, 0x1c, 1, 0, 0x1c, ...Array(30).fill(0)])));
  for (const pdu of [0x0f, 0x10, 0x11, 0x12, 0x14, 0x18, 0x19, 0x1a, 0x1b, 0x13]) eth.push(whole(llc(0xfe, 0xfe, [0x83, 0x1b, 1, 0, pdu, ...Array(30).fill(0)])));
  eth.push(whole(llc(0xaa, 0xaa, [0x08, 0x00, 0x07, 0x80, 0x9b, ...Array(30).fill(0)])));
  eth.push(whole(llc(0xaa, 0xaa, [0x00, 0x00, 0x00, 0x81, 0x37, ...Array(30).fill(0)])));
  eth.push(whole(llc(0xaa, 0xaa, [0x00, 0x00, 0x00, 0x80, 0xf3, ...Array(30).fill(0)])));
  // Cut short: every frame of a few kinds at several capture lengths.
  const cutFrom = eth.slice(0, 40);
  const cuts: Frame[] = [];
  cutFrom.forEach((f, i) => {
    for (const cap of [6, 13, 14, 15, 20, 24, 30, 34, 36, 38, 40, 50, 54, 56, 58]) {
      if ((i + cap) % 3 === 0 && cap < f.capLen) cuts.push({ bytes: f.bytes, capLen: cap, origLen: f.origLen });
    }
  });
  m.set(1, [...eth, ...cuts]);
  // IP-only link types.
  const ipOnly = net.filter(([t]) => t === 0x0800 || t === 0x86dd);
  m.set(101, ipOnly.map(([, p]) => whole(p)));
  m.set(228, ipOnly.filter(([t]) => t === 0x0800).map(([, p]) => whole(p)));
  m.set(229, ipOnly.filter(([t]) => t === 0x86dd).map(([, p]) => whole(p)));
  m.set(113, net.map(([t, p], i) => whole(sll(i % 5 === 0 ? 4 : i % 7 === 0 ? 1 : 0, t, p))));
  m.set(276, net.map(([t, p], i) => whole(sll2(i % 5 === 0 ? 4 : i % 7 === 0 ? 2 : 0, t, p))));
  const fam = (t: number, i: number): number => (t === 0x0800 ? 2 : [24, 28, 30, 10][i % 4]!);
  m.set(0, ipOnly.map(([t, p], i) => { const f = fam(t, i); return whole([f & 0xff, f >> 8, 0, 0, ...p]); }));
  m.set(108, ipOnly.map(([t, p], i) => whole([...u32(fam(t, i)), ...p])));
  return m;
}

/** A little-endian microsecond pcap whose record i has timestamp i seconds, so records are easy to match. */
export function writePcap(path: string, linkType: number, frames: Frame[]): void {
  const parts: Buffer[] = [];
  const h = Buffer.alloc(24);
  h.writeUInt32LE(0xa1b2c3d4, 0); h.writeUInt16LE(2, 4); h.writeUInt16LE(4, 6);
  h.writeUInt32LE(262144, 16); h.writeUInt32LE(linkType, 20);
  parts.push(h);
  frames.forEach((f, i) => {
    const r = Buffer.alloc(16);
    r.writeUInt32LE(i, 0); r.writeUInt32LE(0, 4); r.writeUInt32LE(f.capLen, 8); r.writeUInt32LE(f.origLen, 12);
    parts.push(r, Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.capLen));
  });
  writeFileSync(path, Buffer.concat(parts));
}

/** Writes one capture per link type into `dir`; returns [linkType, path] pairs. */
export function writeFilterCaptures(dir: string): [number, string][] {
  const out: [number, string][] = [];
  for (const [lt, frames] of framesByLinkType()) {
    const p = join(dir, `mixed-${lt}.pcap`);
    writePcap(p, lt, frames);
    out.push([lt, p]);
  }
  return out;
}
