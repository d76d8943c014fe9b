// The kernel runs vcap's programs and keeps exactly the frames vcap's interpreter keeps: frames sent
// through a veth pair in a private network namespace, an AF_PACKET socket with the program attached
// on the far end (test/helpers/kernel-select.py, Python's socket module + SO_ATTACH_FILTER).
import test from 'ava';
import { execFileSync, spawnSync } from 'node:child_process';
import { compileFilter, type FilterProgram } from '../../src/filter/index.js';
import { framesByLinkType, type Frame } from '../helpers/filter-captures.js';
import { expressions } from './expressions.js';

const helper = new URL('../../../test/helpers/kernel-select.py', import.meta.url).pathname;
const maybe = process.getuid?.() === 0 ? test : test.serial.skip;
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

function inNetns(job: { frames: string[]; arrive?: string[]; programs: string[] }): number[][] {
  const ns = `vcap-ksel-${process.pid}`;
  const sh = (...args: string[]): void => { execFileSync('ip', ['netns', 'exec', ns, ...args]); };
  execFileSync('ip', ['netns', 'add', ns]);
  try {
    // No IPv6 on the pair, so no router/neighbour solicitations mix with the test frames.
    sh('sysctl', '-qw', 'net.ipv6.conf.all.disable_ipv6=1', 'net.ipv6.conf.default.disable_ipv6=1');
    sh('ip', 'link', 'add', 'vA', 'type', 'veth', 'peer', 'name', 'vB');
    sh('ip', 'link', 'set', 'vA', 'up');
    sh('ip', 'link', 'set', 'vB', 'up');
    const r = spawnSync('ip', ['netns', 'exec', ns, 'python3', helper], { input: JSON.stringify(job), encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`kernel-select.py: ${r.stderr}`);
    return JSON.parse(r.stdout) as number[][];
  } finally {
    execFileSync('ip', ['netns', 'del', ns]);
  }
}

const tpid = (f: Frame): number => (f.bytes[12]! << 8) | f.bytes[13]!;
const whole = framesByLinkType().get(1)!.filter((f) => f.capLen === f.origLen && f.capLen >= 14);
const select = (p: FilterProgram, frames: Frame[]): number[] =>
  frames.flatMap((f, i) => (p.matches(f.bytes, 0, f.capLen, f.origLen) ? [i] : []));

maybe('the kernel keeps the frames the interpreter keeps, for every expression of the differential set', (t) => {
  // The kernel takes 802.1Q/802.1ad tags out before filters run; those frames are the next test's.
  const frames = whole.filter((f) => tpid(f) !== 0x8100 && tpid(f) !== 0x88a8);
  const progs: [string, FilterProgram][] = [];
  for (const e of expressions) {
    try { progs.push([e, compileFilter(e, 1, 262144)]); } catch { /* an error for Ethernet too */ }
  }
  const got = inNetns({ frames: frames.map((f) => hex(f.bytes)), programs: progs.map(([, p]) => hex(p.insns)) });
  const wrong = progs.flatMap(([e, p], i) => {
    const want = select(p, frames);
    return JSON.stringify(want) === JSON.stringify(got[i]) ? [] : [`${e}: kernel kept ${got[i]!.length}, vcap ${want.length}`];
  });
  t.deepEqual(wrong, []);
  t.true(progs.length > 200);
  t.true(got.some((g) => g.length > 0) && got.some((g) => g.length < frames.length));
});

maybe("with vlanTagsStripped, the kernel's VLAN metadata gives the answer the in-frame tag gives", (t) => {
  const tagged = whole.filter((f) => tpid(f) === 0x8100 || tpid(f) === 0x88a8);
  // What arrives: the frame without its outer tag (Linux keeps the tag in skb metadata).
  const arrive = tagged.map((f) => hex(Uint8Array.from([...f.bytes.subarray(0, 12), ...f.bytes.subarray(16)])));
  // Expressions that start with `vlan`: before it, and in absolute `ether[…]` reads, the kernel's
  // frame (tag taken out) and the captured one (tag in place) differ by design, as with libpcap live.
  const exprs = expressions.filter((e) => e.startsWith('vlan') && !e.includes('ether['));
  const got = inNetns({ frames: tagged.map((f) => hex(f.bytes)), arrive, programs: exprs.map((e) => hex(compileFilter(e, 1, 262144, { vlanTagsStripped: true }).insns)) });
  // Identical frames after stripping (same packet, different VLAN id) are told apart by content only.
  const norm = (ids: number[]): string[] => ids.map((i) => arrive[i]!).sort();
  const wrong = exprs.flatMap((e, i) => {
    const want = select(compileFilter(e, 1, 262144), tagged);
    return JSON.stringify(norm(want)) === JSON.stringify(norm(got[i]!)) ? [] : [`${e}: kernel kept ${got[i]!.length}, in-frame ${want.length}`];
  });
  t.deepEqual(wrong, []);
  t.true(tagged.length > 20 && exprs.length >= 10);
});
