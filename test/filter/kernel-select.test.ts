// The kernel runs vcap's programs and keeps exactly the frames vcap's interpreter keeps: frames sent
// through a veth pair in a private network namespace, an AF_PACKET socket with the program attached
// on the far end (test/helpers/kernel-select.py, Python's socket module + SO_ATTACH_FILTER).
import test from 'ava';
import { execFileSync, spawnSync } from 'node:child_process';
import { compileFilter, programInstructions, validateProgram, type FilterProgram } from '../../src/filter/index.js';
import { framesByLinkType, type Frame } from '../helpers/filter-captures.js';
import { expressions } from './expressions.js';

const helper = new URL('../../../test/helpers/kernel-select.py', import.meta.url).pathname;
const maybe = process.getuid?.() === 0 ? test : test.serial.skip;
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

function inNetns(job: { frames: string[]; arrive?: string[]; programs: string[]; cooked?: boolean }): number[][] {
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

/** Whether the kernel's rules (as vcap checks them before attaching) take the program. */
function kernelTakes(p: FilterProgram): boolean {
  try { validateProgram(programInstructions(p), { kernel: true }); return true; } catch { return false; }
}

maybe('the kernel keeps the frames the interpreter keeps, for every expression of the differential set', (t) => {
  // The kernel takes 802.1Q/802.1ad tags out before filters run; those frames are the next test's.
  const frames = whole.filter((f) => tpid(f) !== 0x8100 && tpid(f) !== 0x88a8);
  const progs: [string, FilterProgram][] = [];
  for (const e of expressions) {
    try { progs.push([e, compileFilter(e, 1, 262144)]); } catch { /* an error for Ethernet too */ }
  }
  // Programs the kernel refuses (protochain's loops) run in user space only.
  progs.splice(0, progs.length, ...progs.filter(([, p]) => kernelTakes(p)));
  const got = inNetns({ frames: frames.map((f) => hex(f.bytes)), programs: progs.map(([, p]) => hex(p.insns)) });
  const wrong = progs.flatMap(([e, p], i) => {
    const want = select(p, frames);
    return JSON.stringify(want) === JSON.stringify(got[i]) ? [] : [`${e}: kernel kept ${got[i]!.length}, vcap ${want.length}`];
  });
  t.deepEqual(wrong, []);
  t.true(progs.length > 200);
  t.true(got.some((g) => g.length > 0) && got.some((g) => g.length < frames.length));
});

maybe("on a raw socket, the kernel's VLAN metadata gives the answer the in-frame tag gives", (t) => {
  const tagged = whole.filter((f) => tpid(f) === 0x8100 || tpid(f) === 0x88a8 || tpid(f) === 0x9100);
  // What arrives: an 802.1Q/802.1ad frame without its outer tag (Linux keeps it in skb metadata);
  // a 0x9100 tag stays in the frame, where the program finds it instead.
  const arrive = tagged.map((f) => hex(tpid(f) === 0x9100 ? f.bytes : Uint8Array.from([...f.bytes.subarray(0, 12), ...f.bytes.subarray(16)])));
  // Expressions that start with `vlan`: before it, and in absolute `ether[…]` reads, the kernel's
  // frame (tag taken out) and the captured one (tag in place) differ by design, as with libpcap live.
  const exprs = expressions.filter((e) => e.startsWith('vlan') && !e.includes('ether['));
  const got = inNetns({ frames: tagged.map((f) => hex(f.bytes)), arrive, programs: exprs.map((e) => hex(compileFilter(e, 1, 262144, { linuxSocket: 'raw' }).insns)) });
  // Identical frames after stripping (same packet, different VLAN id) are told apart by content only.
  const norm = (ids: number[]): string[] => ids.map((i) => arrive[i]!).sort();
  const wrong = exprs.flatMap((e, i) => {
    const want = select(compileFilter(e, 1, 262144), tagged);
    return JSON.stringify(norm(want)) === JSON.stringify(norm(got[i]!)) ? [] : [`${e}: kernel kept ${got[i]!.length}, in-frame ${want.length}`];
  });
  t.deepEqual(wrong, []);
  t.true(tagged.length > 20 && exprs.length >= 10);
});

maybe("on a cooked socket (-i any), the kernel keeps the frames the interpreter keeps in their LINUX_SLL2 form", (t) => {
  const frames = whole.filter((f) => [0x0800, 0x86dd, 0x0806].includes(tpid(f)));
  // The frame as vcap sees it from a cooked socket: an SLL2 header (protocol, packet type 3
  // "to another host": never outgoing), then the payload; the kernel's filter sees only the payload.
  const sll2 = frames.map((f) => {
    const h = new Uint8Array(20);
    h.set(f.bytes.subarray(12, 14), 0);
    h.set([0, 1, 3, 6], 8);
    h.set(f.bytes.subarray(6, 12), 12);
    return Uint8Array.from([...h, ...f.bytes.subarray(14)]);
  });
  const progs: [string, FilterProgram, FilterProgram][] = [];
  // Lengths (the kernel's excludes the header, as with libpcap), raw reads of the SLL2 header bytes
  // (libpcap maps them to metadata) and interface indexes (the test's frames carry none) differ by design.
  for (const e of expressions.filter((x) => !/len|less|greater|ether\[|link\[|byte|ifindex/.test(x))) {
    try { progs.push([e, compileFilter(e, 276, 262144, { linuxSocket: 'cooked' }), compileFilter(e, 276, 262144)]); } catch { /* not for SLL2 */ }
  }
  progs.splice(0, progs.length, ...progs.filter(([, k]) => kernelTakes(k)));
  const got = inNetns({ frames: frames.map((f) => hex(f.bytes)), arrive: frames.map((f) => hex(f.bytes.subarray(14))), programs: progs.map(([, k]) => hex(k.insns)), cooked: true });
  const wrong = progs.flatMap(([e, , user], i) => {
    const want = sll2.flatMap((b, j) => (user.matches(b, 0, b.length, b.length) ? [j] : []));
    return JSON.stringify(want) === JSON.stringify(got[i]) ? [] : [`${e}: kernel kept ${got[i]!.length}, vcap ${want.length}`];
  });
  t.deepEqual(wrong, []);
  t.true(progs.length > 150);
});
