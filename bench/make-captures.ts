// Writes the benchmark captures under bench/data/ (git-ignored):
//   mixed-1m.pcap     1M frames: Ethernet/VLAN/QinQ/ARP/IPv4/IPv6/ICMP/ICMPv6/TCP with options/UDP/DNS over 40 hosts, ~3% cut short
//   udp-flood-1m.pcap 1M 64-byte UDP frames between two hosts
//   hosts-Nk.pcap     1M UDP frames over N distinct hosts (1k, 10k, 100k, 1m), for the printer's address cache
// Usage: node dist/bench/make-captures.js [mixed] [udp] [hosts[=1k,10k,100k,1m]] [--count N] [--dir D]   (no argument: all)
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PcapWriter } from '../src/output/pcap-writer.js';
import { LinkType } from '../src/decoders/link-type.js';
import {
  be16, be32, bytes, concat, dnsHeader, dnsName, ether, ext6, icmp, ip6, ipv4, ipv6, ptr, rr, tcp, udp, vlanTag,
} from '../test/helpers/frames.js';

const args = process.argv.slice(2);
const dirAt = args.indexOf('--dir');
const dataDir = dirAt >= 0 ? args[dirAt + 1]! : join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench', 'data');

// xorshift32: the same files on every run.
let seed = 0x9e3779b9;
function rnd(n: number): number {
  seed ^= seed << 13; seed >>>= 0; seed ^= seed >>> 17; seed ^= seed << 5; seed >>>= 0;
  return seed % n;
}

const HOSTS = 40;
const macOf = (i: number): string => `02:00:00:00:00:${(i + 1).toString(16).padStart(2, '0')}`;
const v4Of = (i: number): string => `10.0.0.${i + 1}`;
const v6Of = (i: number): string => `fd00::${(i + 1).toString(16)}`;
const payloads = Array.from({ length: 8 }, (_, i) => new Uint8Array([0, 16, 64, 100, 200, 512, 1000, 1400][i]!).fill(0x61 + i));
const names = ['example.com', 'www.example.com', 'mail.example.org', 'ns1.example.net', 'api.service.internal', 'a.b.c.d.example'];

function tcpOptionsSyn(): Uint8Array {
  return concat(bytes(2, 4), be16(1460), bytes(4, 2, 8, 10), be32(rnd(1e9)), be32(0), bytes(1, 3, 3, 7));
}
function tcpOptionsData(): Uint8Array {
  const ts = concat(bytes(1, 1, 8, 10), be32(rnd(1e9)), be32(rnd(1e9)));
  if (rnd(10) !== 0) return ts;
  const l = rnd(1e9);
  return concat(ts, bytes(1, 1, 5, 10), be32(l), be32(l + 1448));
}

function dnsMessage(response: boolean): Uint8Array {
  const name = names[rnd(names.length)]!, id = rnd(65536);
  const q = concat(dnsName(name), be16(rnd(2) ? 1 : 28), be16(1));
  if (!response) return concat(dnsHeader(id, 0x0100, 1, 0, 0, 0), q);
  const answers = [
    rr(ptr(12), 5, concat(bytes(3), new TextEncoder().encode('cdn'), ptr(12))),
    rr(ptr(12), 1, bytes(93, 184, 216, rnd(256))),
    rr(ptr(12), 28, new Uint8Array(16).fill(rnd(256))),
  ];
  const auth = rr(ptr(12), 2, concat(bytes(3), new TextEncoder().encode('ns1'), ptr(12)), 3600);
  return concat(dnsHeader(id, 0x8180, 1, 3, 1, 0), q, ...answers, auth);
}

/**
 * The mixed capture is made of conversations, as real traffic is: a TCP connection sends a
 * burst of segments, a DNS query gets its response, an echo request its reply. Each
 * conversation is a host pair and a kind; its frames follow each other.
 */
let burst: Uint8Array[] = [];

function mixedFrame(): Uint8Array {
  if (burst.length === 0) burst = conversation().reverse();
  return burst.pop()!;
}

function conversation(): Uint8Array[] {
  const a = rnd(HOSTS); let b = rnd(HOSTS); if (b === a) b = (a + 1) % HOSTS;
  const r = rnd(100);
  const ab = (type: number, p: Uint8Array): Uint8Array => ether(macOf(b), macOf(a), type, p);
  const ba = (type: number, p: Uint8Array): Uint8Array => ether(macOf(a), macOf(b), type, p);
  const ttl = 32 + rnd(33);
  const v4 = (proto: number, p: Uint8Array, rev = false): Uint8Array =>
    ipv4({ src: v4Of(rev ? b : a), dst: v4Of(rev ? a : b), proto, ttl, id: rnd(65536) }, p);
  const v6 = (nh: number, p: Uint8Array, rev = false): Uint8Array =>
    ipv6({ src: v6Of(rev ? b : a), dst: v6Of(rev ? a : b), nh, hlim: 64, flow: rnd(1 << 20) }, p);
  const client = 30000 + rnd(30000), server = [22, 80, 443][rnd(3)]!;
  const seg = (fromServer: boolean, syn: boolean): Uint8Array => {
    const sport = fromServer ? server : client, dport = fromServer ? client : server;
    return syn ? tcp({ sport, dport, seq: rnd(2 ** 31), flags: fromServer ? 0x12 : 0x02, options: tcpOptionsSyn() })
      : tcp({ sport, dport, seq: rnd(2 ** 31), ack: rnd(2 ** 31), flags: 0x18, options: tcpOptionsData() }, payloads[rnd(8)]!);
  };
  const tcpFlow = (wrap: (p: Uint8Array, rev: boolean) => Uint8Array): Uint8Array[] => {
    const out: Uint8Array[] = [];
    const n = 1 + rnd(8), start = rnd(4) === 0;
    for (let i = 0; i < n; i++) {
      const fromServer = rnd(3) === 0;
      out.push(wrap(seg(fromServer, start && i < 2), fromServer));
    }
    return out;
  };
  const sp = 1024 + rnd(60000), dp = 1024 + rnd(60000);
  const udpFlow = (wrap: (p: Uint8Array, rev: boolean) => Uint8Array): Uint8Array[] =>
    Array.from({ length: 1 + rnd(4) }, () => { const rev = rnd(2) === 0; return wrap(udp(rev ? dp : sp, rev ? sp : dp, payloads[rnd(6)]!), rev); });
  if (r < 40) return tcpFlow((p, rev) => (rev ? ba : ab)(0x0800, v4(6, p, rev)));
  if (r < 52) return tcpFlow((p, rev) => (rev ? ba : ab)(0x86dd, v6(6, p, rev)));
  if (r < 64) return udpFlow((p, rev) => (rev ? ba : ab)(0x0800, v4(17, p, rev)));
  if (r < 68) return udpFlow((p, rev) => (rev ? ba : ab)(0x86dd, v6(17, p, rev)));
  if (r < 76) return [ab(0x0800, v4(17, udp(client, 53, dnsMessage(false)))), ba(0x0800, v4(17, udp(53, client, dnsMessage(true)), true))];
  if (r < 78) return [ab(0x86dd, v6(17, udp(client, 53, dnsMessage(false)))), ba(0x86dd, v6(17, udp(53, client, dnsMessage(true)), true))];
  if (r < 83) {
    const id = rnd(65536), sq = rnd(65536), rest = concat(be16(id), be16(sq));
    return [ab(0x0800, v4(1, icmp(8, 0, rest, payloads[2]!))), ba(0x0800, v4(1, icmp(0, 0, rest, payloads[2]!), true))];
  }
  if (r < 85) {
    const inner = ipv4({ src: v4Of(b), dst: v4Of(a), proto: 17 }, udp(1024 + rnd(60000), 33434 + rnd(30), payloads[1]!)).subarray(0, 28);
    return [ab(0x0800, v4(1, icmp(3, 3, be32(0), inner)))];
  }
  if (r < 88) {
    const rest = concat(be16(rnd(65536)), be16(rnd(65536)));
    return [ab(0x86dd, v6(58, icmp(128, 0, rest, payloads[2]!, true))), ba(0x86dd, v6(58, icmp(129, 0, rest, payloads[2]!, true), true))];
  }
  if (r < 90) {
    const ns = icmp(135, 0, be32(0), concat(ip6(v6Of(b)), bytes(1, 1, 2, 0, 0, 0, 0, a + 1)), true);
    return [ab(0x86dd, ipv6({ src: v6Of(a), dst: 'ff02::1:ff00:1', nh: 58, hlim: 255 }, ns))];
  }
  if (r < 93) {
    const arp = (op: number, s: number, t: number): Uint8Array => concat(be16(1), be16(0x0800), bytes(6, 4), be16(op), ether(macOf(s), macOf(s), 0).subarray(0, 6), bytes(10, 0, 0, s + 1), op === 1 ? new Uint8Array(6) : ether(macOf(t), macOf(t), 0).subarray(0, 6), bytes(10, 0, 0, t + 1));
    return [ether('ff:ff:ff:ff:ff:ff', macOf(a), 0x0806, concat(arp(1, a, b), new Uint8Array(18))), ba(0x0806, concat(arp(2, b, a), new Uint8Array(18)))];
  }
  if (r < 97) return tcpFlow((p, rev) => (rev ? ba : ab)(0x8100, vlanTag(100 + (a % 4), 0x0800, 0, v4(6, p, rev))));
  if (r < 99) return udpFlow((p, rev) => (rev ? ba : ab)(0x8100, vlanTag(100 + (a % 4), 0x0800, 0, v4(17, p, rev))));
  return udpFlow((p, rev) => (rev ? ba : ab)(0x88a8, vlanTag(10, 0x8100, 0, vlanTag(200 + (b % 4), 0x0800, 0, v4(17, p, rev)))));
}

function write(path: string, count: number, frame: (i: number) => Uint8Array, cut: (f: Uint8Array) => number): void {
  mkdirSync(dirname(path), { recursive: true });
  const w = PcapWriter.open(path, { linkType: LinkType.EN10MB, snaplen: 262144 });
  const t0 = 1_700_000_000;
  for (let i = 0; i < count; i++) {
    const f = frame(i);
    w.writeFrame(f, 0, cut(f), f.length, t0 + Math.floor(i / 10000), (i % 10000) * 100_000);
  }
  w.close();
  console.log(`${path}: ${count} frames`);
}

/** ~3% of frames captured short, cut anywhere in their headers or payload. */
const cutSome = (f: Uint8Array): number => (rnd(100) < 3 ? 1 + rnd(f.length - 1) : f.length);

function udpFlood(): void {
  const f = ether(macOf(1), macOf(0), 0x0800, ipv4({ src: '10.0.0.1', dst: '10.0.0.2', proto: 17 }, udp(9, 9, new Uint8Array(18))));
  write(join(dataDir, 'udp-flood-1m.pcap'), count, () => f, (x) => x.length);
}

function hosts(n: number, label: string): void {
  // Host i is 10.a.b.c with i spread over 24 bits; each frame goes between two of the n hosts.
  const addr = (i: number): string => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
  const path = join(dataDir, `hosts-${label}.pcap`);
  write(path, count, (i) => {
    const s = n >= count ? i % n : rnd(n), d = n >= count ? (i * 7 + 1) % n : rnd(n);
    return ether(macOf(1), macOf(0), 0x0800, ipv4({ src: addr(s), dst: addr(d), proto: 17 }, udp(1024 + (i & 0x3fff), 53 + (i & 1) * 1000 + 4000, new Uint8Array(32))));
  }, (x) => x.length);
}

const countAt = args.indexOf('--count');
const count = countAt >= 0 ? Number(args[countAt + 1]) : 1_000_000;
const want = (k: string): boolean => args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')).length === 0 || args.some((a) => a === k || a.startsWith(`${k}=`));
if (want('mixed')) write(join(dataDir, 'mixed-1m.pcap'), count, mixedFrame, cutSome);
if (want('udp')) udpFlood();
if (want('hosts')) {
  const spec = args.find((a) => a.startsWith('hosts='))?.slice(6) ?? '1k,10k,100k,1m';
  for (const label of spec.split(',')) {
    const n = Number(label.replace(/k$/i, '000').replace(/m$/i, '000000'));
    hosts(n, label.toLowerCase());
  }
}
