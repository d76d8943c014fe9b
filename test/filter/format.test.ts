// -d, -dd and -ddd byte for byte as tcpdump prints them.
import test from 'ava';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileFilter, formatProgram, programFromInsns } from '../../src/filter/index.js';
import { expressions } from './expressions.js';

const dir = mkdtempSync(join(tmpdir(), 'vcap-format-'));
test.after.always(() => rmSync(dir, { recursive: true, force: true }));

/** An empty capture, so tcpdump compiles for that link type. */
function emptyCapture(linkType: number): string {
  const p = join(dir, `empty-${linkType}.pcap`);
  const h = Buffer.alloc(24);
  h.writeUInt32LE(0xa1b2c3d4, 0); h.writeUInt16LE(2, 4); h.writeUInt16LE(4, 6); h.writeUInt32LE(262144, 16); h.writeUInt32LE(linkType, 20);
  writeFileSync(p, h);
  return p;
}

function tcpdump(flag: string, expr: string, linkType = 1): string | null {
  const r = spawnSync('tcpdump', ['-r', emptyCapture(linkType), flag, '--', expr], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout : null;
}

/** Instructions from `tcpdump -dd` text. */
function parseDd(text: string): { code: number; jt: number; jf: number; k: number }[] {
  return [...text.matchAll(/\{ (0x[0-9a-f]+), (\d+), (\d+), (0x[0-9a-f]+) \}/g)].map((m) => ({
    code: Number(m[1]), jt: Number(m[2]), jf: Number(m[3]), k: Number(m[4]),
  }));
}

test('the three formats of libpcap programs, for every expression of the differential set', (t) => {
  let checked = 0;
  for (const expr of expressions) {
    const dd = tcpdump('-dd', expr);
    if (dd === null) continue;
    const prog = programFromInsns(parseDd(dd));
    t.is(formatProgram(prog, 1), tcpdump('-d', expr) ?? '', expr);
    t.is(formatProgram(prog, 2), dd, expr);
    t.is(formatProgram(prog, 3), tcpdump('-ddd', expr) ?? '', expr);
    checked++;
  }
  t.true(checked > 150);
});

// Expressions for which vcap generates the very program libpcap does.
const sameAsLibpcap: [string, number][] = [
  ['tcp port 80 or udp port 53', 1], ['port 80', 1], ['host 10.0.0.1', 1], ['net 192.168.1.0/24', 1], ['tcp', 1],
  ['vlan 100 and tcp port 80', 1], ['ip6 net fe80::/10', 1], ['icmp[icmptype] = icmp-echo', 1], ['pppoes and ip', 1],
  ['udp and (port 53 or port 123) and not host 8.8.8.8', 1], ['tcp[tcpflags] & (tcp-syn|tcp-ack) = tcp-syn', 1],
  ['less 60', 1], ['ip broadcast', 1], ['host 10.0.0.1', 113], ['port 53', 276], ['udp', 0],
  ['ip', 1], ['ip6', 1], ['arp', 1], ['vlan 5 and ip', 1], ['tcp[13] & 2 != 0', 1], ['ether multicast', 1],
  ['ip multicast', 1], ['ip6 multicast', 1], ['greater 50', 1], ['len - 1 > 4', 1], ['ip proto \\tcp', 1],
  ['ether src 1:2:3:4:5:6', 1], ['icmp6[0]=1', 1], ['igmp', 1], ['ip', 113], ['ip6', 276], ['ip', 101], ['ip6', 0], ['ip', 108],
  ['', 1],
  // With libpcap's optimizer off (geneve, protochain): registers across tests, jumps inside a block, loops back.
  ['geneve', 1], ['geneve 0xb and tcp', 1], ['geneve && tcp', 113], ['geneve and ether host 00:11:22:33:44:55', 1],
  ['geneve and vlan 7 and tcp', 1], ['tcp or geneve and udp', 101], ['geneve and ip6', 276], ['geneve 100 and arp', 0],
  ['protochain 6', 1], ['ip6 protochain 58', 1], ['protochain 6 and port 22', 1], ['not protochain 17', 101], ['ip protochain 6', 113],
  // LLC control fields, DECnet addresses, byte's & and |.
  ['llc i', 1], ['llc s', 1], ['llc rnr', 1], ['llc xid', 1], ['decnet host 10.23', 1], ['decnet src 1.2', 113],
  ['byte 9 & 6', 1], ['byte 23 | 1', 1], ['tcp and byte 9 & 6', 1],
];

for (const [expr, lt] of sameAsLibpcap) {
  test(`vcap's program for '${expr}' on link type ${lt} is libpcap's, in all three forms`, (t) => {
    const prog = compileFilter(expr, lt, 262144);
    for (const [flag, level] of [['-d', 1], ['-dd', 2], ['-ddd', 3]] as const) t.is(formatProgram(prog, level), tcpdump(flag, expr, lt) ?? '');
  });
}

test("Linux metadata loads print under libpcap's names (as tcpdump -d -i shows them)", (t) => {
  const prog = programFromInsns([
    { code: 0x30, jt: 0, jf: 0, k: 0xfffff030 }, { code: 0x30, jt: 0, jf: 0, k: 0xfffff02c }, { code: 0x28, jt: 0, jf: 0, k: 0xfffff004 },
    { code: 0x20, jt: 0, jf: 0, k: 0xfffff008 }, { code: 0x28, jt: 0, jf: 0, k: 0xfffff000 }, { code: 0x06, jt: 0, jf: 0, k: 0 },
  ]);
  t.is(formatProgram(prog, 1), ['(000) ldb      [vlanp]', '(001) ldb      [vlan_tci]', '(002) ldh      [type]', '(003) ld       [ifidx]',
    '(004) ldh      [proto]', '(005) ret      #0', ''].join('\n'));
});

test('instructions libpcap never emits still print in bpf_image style', (t) => {
  const prog = programFromInsns([
    { code: 0x01, jt: 0, jf: 0, k: 0x10 },        // ldx #0x10
    { code: 0x87, jt: 0, jf: 0, k: 0 },           // txa
    { code: 0x34, jt: 0, jf: 0, k: 3 },           // div #3
    { code: 0x94, jt: 0, jf: 0, k: 5 },           // mod #5
    { code: 0x84, jt: 0, jf: 0, k: 0 },           // neg
    { code: 0x03, jt: 0, jf: 0, k: 2 },           // stx M[2]
    { code: 0x61, jt: 0, jf: 0, k: 2 },           // ldx M[2]
    { code: 0x05, jt: 0, jf: 0, k: 1 },           // ja 9
    { code: 0x06, jt: 0, jf: 0, k: 0 },           // ret #0
    { code: 0x16, jt: 0, jf: 0, k: 0 },           // ret a
  ]);
  t.is(formatProgram(prog, 1), [
    '(000) ldx      #0x10', '(001) txa      ', '(002) div      #3', '(003) mod      #5', '(004) neg      ', '(005) stx      M[2]',
    '(006) ldx      M[2]', '(007) ja       9', '(008) ret      #0', '(009) ret      ', '',
  ].join('\n'));
});
