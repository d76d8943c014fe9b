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

test('300 random expressions select the same whole frames as tcpdump', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'vcap-filter-rand-'));
  try {
    const frames = framesByLinkType().get(1)!;
    const file = join(dir, 'mixed-1.pcap');
    writePcap(file, 1, frames);
    const exprs = expressions(20261128, 300);
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
    t.true(compared > 250);
    t.log(`${compared} expressions compared; cut-short frames decided differently: ${cutShort}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
