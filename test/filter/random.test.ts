// Random combinations of primitives (seeded, so every run checks the same ones) against tcpdump:
// on every whole frame the packet sets must be equal. Frames cut short inside a field the
// filter reads are reported, not asserted: which load comes first there depends on the details
// of libpcap's optimizer, which vcap follows only for the common patterns (see differential.test).
import test from 'ava';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileFilter } from '../../src/filter/index.js';
import { framesByLinkType, writePcap } from '../helpers/filter-captures.js';
import { pool, tcpdumpSelect } from '../helpers/tcpdump-select.js';

const prims = ['tcp', 'udp', 'icmp', 'ip6', 'arp', 'host 10.0.0.1', 'host 10.0.0.2', 'src host 1.2.3.4', 'net 192.168.1.0/24',
  'port 80', 'port 53', 'src port 22', 'dst port 443', 'tcp port 8080', 'udp port 123', 'portrange 20-80', 'vlan', 'vlan 100',
  'ether broadcast', 'ether multicast', 'ip multicast', 'less 60', 'greater 80', 'tcp[13] & 2 != 0', 'icmp[0] = 8', 'ip[8] = 64',
  'ip6 host 2001:db8::1', 'icmp6', 'sctp', 'ether src 00:11:22:33:44:55', 'ip proto 47', 'ip6 proto 17', 'net 10'];

function expressions(seed: number, n: number): string[] {
  let x = seed;
  const r = (): number => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x; };
  const gen = (d: number): string => {
    const k = r() % 10;
    if (d > 3 || k < 4) return prims[r() % prims.length]!;
    if (k < 5) return `not ${gen(d + 1)}`;
    if (k < 7) return `(${gen(d + 1)} and ${gen(d + 1)})`;
    if (k < 9) return `(${gen(d + 1)} or ${gen(d + 1)})`;
    return `${gen(d + 1)} or ${gen(d + 1)}`;
  };
  return Array.from({ length: n }, () => gen(0));
}

/** Random syntax: qualifier carry-over with bare and parenthesised ids, arithmetic, not, nesting. */
function syntaxExpressions(seed: number, n: number): string[] {
  let x = seed;
  const r = (): number => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x; };
  const pick = <T>(a: T[]): T => a[r() % a.length]!;
  const ids = ['10.0.0.1', '10.0.0.2', '80', '53', '(10.0.0.3)', '((22))', 'not 10.0.0.4', '! 443', '(1.2.3.4 or 8.8.8.8)', '(80 and 443)'];
  const heads = ['host', 'src host', 'dst', 'port', 'src port', 'net', 'tcp port', 'udp dst port', 'ip host', 'src or dst', 'dst and src host'];
  const ar = (): string => pick(['tcp[0]', 'ip[2:2]', '(ip[0] & 0xf)', 'len', '4', '(1 + 2)', '-3', 'ether[12:2]', 'udp[2:2] ^ 3',
    'tcp[13] & tcp-syn', 'icmp[icmptype]']);
  const term = (d: number): string => {
    const k = r() % 8;
    if (d > 2 || k < 3) return `${pick(heads)} ${pick(ids)}`;
    if (k < 4) return `${ar()} ${pick(['=', '!=', '>', '<', '>=', '<=', '=='])} ${ar()}${r() % 2 ? ` ${pick(['+', '*', '|', '-', '/'])} ${ar()}` : ''}`;
    if (k < 5) return `not ${term(d + 1)}`;
    if (k < 6) return `(${expr(d + 1)})`;
    return pick(['tcp', 'udp', 'ip', 'ip6', 'vlan', 'icmp', 'arp', 'broadcast', 'less 100', 'greater 60', 'mpls', 'pppoes']);
  };
  const expr = (d: number): string => {
    let e = term(d);
    for (let i = r() % 3; i > 0; i--) e += ` ${pick(['and', 'or', '&&', '||'])} ${r() % 3 ? term(d + 1) : pick(ids)}`;
    return e;
  };
  return Array.from({ length: n }, () => expr(0));
}

for (const [name, make] of [['primitives', expressions], ['syntax', syntaxExpressions]] as const)
test(`300 random expressions (${name}) select the same whole frames as tcpdump`, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'vcap-filter-rand-'));
  try {
    const frames = framesByLinkType().get(1)!;
    const file = join(dir, 'mixed-1.pcap');
    writePcap(file, 1, frames);
    const exprs = make(20261128, 300);
    let cutShort = 0, compared = 0;
    const problems = (await pool(6, exprs.map((e) => async () => {
      const want = await tcpdumpSelect(file, e);
      let prog;
      try { prog = compileFilter(e, 1, 262144); } catch (err) {
        return want.ok ? [`${e}: vcap: ${(err as Error).message}`] : [];
      }
      if (!want.ok) return [`${e}: tcpdump: ${want.error}`];
      compared++;
      const wanted = new Set(want.indexes);
      const out: string[] = [];
      frames.forEach((f, i) => {
        if (prog.matches(f.bytes, 0, f.capLen, f.origLen) === wanted.has(i)) return;
        if (f.capLen < f.origLen) cutShort++;
        else out.push(`${e}: frame ${i}`);
      });
      return out;
    }))).flat();
    t.deepEqual(problems, []);
    t.true(compared > 150);
    t.log(`${compared} expressions compared; cut-short frames decided differently: ${cutShort}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
