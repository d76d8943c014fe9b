// Golden decode test over tcpdump's corpus: every packet's addresses, ports, TTLs, types, VLAN ids
// and DNS question must match what tshark reads (test/decode/golden/*.tsv, made by regen.sh).
// Where vcap has a layer, its fields equal tshark's; where tshark shows a layer vcap lacks, vcap
// must say it stopped at or before it.
import test from 'ava';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCaptureFile } from '../../src/capture/capture-file.js';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import type { Packet } from '../../src/decoders/packet.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'test');
const corpus = join(root, 'pcaps', 'tcpdump');
const goldens = join(root, 'decode', 'golden');
const pcaps = [...new Set(readFileSync(join(corpus, 'TESTS.tsv'), 'utf8').trim().split('\n').map((l) => l.split('\t')[1]!))].sort();

/** Each field group: the vcap layer, tshark's columns, and vcap's values in the same form. */
const groups: { layer: Layer; cols: string[]; has: (p: Packet) => boolean; get: (p: Packet) => string[] }[] = [
  { layer: Layer.Ethernet, cols: ['eth.src', 'eth.dst'], has: (p) => !!p.ethernet, get: (p) => [p.ethernet!.src, p.ethernet!.dst] },
  // tshark names 802.1ad service tags apart from 802.1Q tags.
  { layer: Layer.Vlan, cols: ['ieee8021ad.id', 'vlan.id'], has: (p) => !!p.vlan,
    get: (p) => [p.vlan!.filter((v) => v.tpid === 0x88a8).map((v) => v.id).join(','), p.vlan!.filter((v) => v.tpid !== 0x88a8).map((v) => v.id).join(',')] },
  { layer: Layer.Arp, cols: ['arp.opcode'], has: (p) => !!p.arp, get: (p) => [String(p.arp!.operation)] },
  { layer: Layer.Ipv4, cols: ['ip.src', 'ip.dst', 'ip.ttl', 'ip.proto'], has: (p) => !!p.ipv4, get: (p) => [p.ipv4!.src, p.ipv4!.dst, String(p.ipv4!.ttl), String(p.ipv4!.protocol)] },
  { layer: Layer.Ipv6, cols: ['ipv6.src', 'ipv6.dst', 'ipv6.hlim', 'ipv6.nxt'], has: (p) => !!p.ipv6, get: (p) => [p.ipv6!.src, p.ipv6!.dst, String(p.ipv6!.hopLimit), String(p.ipv6!.nextHeader)] },
  { layer: Layer.Tcp, cols: ['tcp.srcport', 'tcp.dstport', 'tcp.seq_raw', 'tcp.flags'], has: (p) => !!p.tcp, get: (p) => [String(p.tcp!.srcPort), String(p.tcp!.dstPort), String(p.tcp!.seq), String(p.tcp!.flags)] },
  { layer: Layer.Udp, cols: ['udp.srcport', 'udp.dstport'], has: (p) => !!p.udp, get: (p) => [String(p.udp!.srcPort), String(p.udp!.dstPort)] },
  { layer: Layer.Icmp, cols: ['icmp.type', 'icmp.code'], has: (p) => !!p.icmp, get: (p) => [String(p.icmp!.type), String(p.icmp!.code)] },
  { layer: Layer.Icmpv6, cols: ['icmpv6.type', 'icmpv6.code'], has: (p) => !!p.icmpv6, get: (p) => [String(p.icmpv6!.type), String(p.icmpv6!.code)] },
  { layer: Layer.Dns, cols: ['dns.id', 'dns.qry.name'], has: (p) => !!p.dns, get: (p) => [String(p.dns!.id), p.dns!.qdCount ? p.dns!.questions[0]!.name : ''] },
];

/** tshark's text as vcap's: the first occurrence, hex ids and flags as numbers, its root name. */
function tsharkValue(col: string, raw: string, last = false): string {
  if (raw === '') return '';
  if (col === 'vlan.id' || col === 'ieee8021ad.id') return raw;
  const all = raw.split(',');
  const first = last ? all[all.length - 1]! : all[0]!;
  if (col === 'dns.id') return String(parseInt(first, 16));
  if (col === 'tcp.flags') return String(parseInt(first, 16) & 0x1ff);
  if (col === 'dns.qry.name') return first === '<Root>' ? '.' : first;
  return first;
}

/** Packets where tshark reads the bytes another way than vcap and tcpdump do. */
const known: Record<string, string> = {
  'arp-oobr.pcap#1166': 'hardware type 19: tshark parses the ATMARP layout (RFC 2225), tcpdump and vcap the RFC 826 one',
};

/** Layers tshark decodes that vcap deliberately leaves as payload. */
function notDecodedByVcap(p: Packet, layer: Layer): boolean {
  // DNS on other ports than 53: tshark finds it by heuristics, vcap (like tcpdump without -T) does not.
  const t = p.udp ?? p.tcp;
  return layer === Layer.Dns && !!t && t.srcPort !== 53 && t.dstPort !== 53;
}

for (const pcap of pcaps) {
  test(pcap, (t) => {
    const name = pcap.replace(/\.pcap$/, '');
    const [head, ...rows] = readFileSync(join(goldens, `${name}.tsv`), 'utf8').split('\n').filter((l) => l !== '');
    const cols = head!.split('\t');
    const col = (r: string[], c: string, last = false): string => tsharkValue(c, r[cols.indexOf(c)] ?? '', last);
    const d = new Decoder(), problems: string[] = [];
    let n = 0, compared = 0;
    const cf = openCaptureFile(join(corpus, pcap));
    try {
      for (let b = cf.next(); b; b = cf.next()) {
        for (let i = 0; i < b.count; i++, n++) {
          const p = d.decode(b.bytes, b.linkType, b.offset[i]!, b.capLen[i]!);
          const r = (rows[n] ?? '').split('\t');
          if (known[`${pcap}#${n + 1}`]) continue;
          const inner = p.icmp || p.icmpv6 ? undefined : d.decodeInner(p);
          for (const g of groups) {
            const want = g.cols.map((c) => col(r, c));
            const tsharkHas = want.some((v) => v !== '');
            if (g.has(p)) {
              const got = g.get(p);
              // A DNS message without a complete question has no name to compare.
              if (g.layer === Layer.Dns && got[1] === '') want[1] = '';
              if (!tsharkHas) problems.push(`#${n + 1} ${g.cols[0]}: vcap decodes ${got.join(' ')}, tshark shows nothing`);
              else if (got.join('\t') !== want.join('\t')) problems.push(`#${n + 1} ${g.cols.join(',')}: vcap ${got.join(' ')} tshark ${want.join(' ')}`);
              else compared++;
            } else if (inner?.stop === undefined && inner && g.has(inner)) {
              // A tunnel (IP-in-IP, Ethernet in IPv6): the inner packet's layers are tshark's last occurrences.
              const got = g.get(inner), last = g.cols.map((c) => col(r, c, true));
              if (got.join('\t') !== last.join('\t')) problems.push(`#${n + 1} inner ${g.cols.join(',')}: vcap ${got.join(' ')} tshark ${last.join(' ')}`);
              else compared++;
            } else if (tsharkHas && !p.stop && !notDecodedByVcap(p, g.layer)) {
              problems.push(`#${n + 1} ${g.cols[0]}: tshark shows ${want.join(' ')}, vcap has no layer and no stop`);
            }
          }
        }
      }
    } finally {
      cf.close();
    }
    t.is(n, rows.length, 'packet count');
    t.deepEqual(problems, []);
    if (n > 0) t.true(compared > 0);
  });
}
