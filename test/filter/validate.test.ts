// Crafted bad BPF programs: each is refused before it is attached or interpreted, with the
// instruction at fault named — by validateProgram, by programFromInsns (the interpreter), and by a
// live AF_PACKET source (served here by a fake addon, so no program reaches a socket). The kernel
// refuses every one too (SO_ATTACH_FILTER in a private namespace), so the rules are the kernel's.
import test from 'ava';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { programFromInsns, validateProgram } from '../../src/filter/index.js';
import type { BpfInsn, FilterProgram } from '../../src/filter/index.js';
import { encodeInsns } from '../../src/filter/bpf.js';
import { AfPacketSource } from '../../src/capture/afpacket.js';
import type { NativeAddon } from '../../src/capture/native.js';
import { VcapError } from '../../src/errors.js';
import { SyscallError } from '../../src/errors.js';

const I = (code: number, k = 0, jt = 0, jf = 0): BpfInsn => ({ code, jt, jf, k });
const RET_K = 0x06, RET_A = 0x16, LD_ABS_H = 0x28, LD_ABS_B = 0x30, LD_MEM = 0x60, LDX_MEM = 0x61, ST = 0x02, JEQ_K = 0x15, JA = 0x05, DIV_K = 0x34, MOD_K = 0x94, LSH_K = 0x64, RSH_K = 0x74;

// [what, program, message after "invalid BPF program: "]
const bad: [string, BpfInsn[], string][] = [
  ['empty', [], 'no instructions'],
  ['ja past the end', [I(JA, 1), I(RET_K, 0)], 'instruction 0: jump to 2, past the end (2 instructions)'],
  ['jt past the end', [I(LD_ABS_H, 12), I(JEQ_K, 0x800, 5, 0), I(RET_K, 0)], 'instruction 1: jump to 7, past the end (3 instructions)'],
  ['jf to the end', [I(LD_ABS_H, 12), I(JEQ_K, 0x800, 0, 1), I(RET_K, 0)], 'instruction 1: jump to 3, past the end (3 instructions)'],
  ['no return at the end', [I(LD_ABS_B, 0)], 'instruction 0: the program does not end with a return'],
  ['scratch slot 16 (store)', [I(ST, 16), I(RET_K, 0)], 'instruction 0: scratch memory M[16] (there are 16)'],
  ['scratch slot 16 (load)', [I(LD_MEM, 16), I(RET_A)], 'instruction 0: scratch memory M[16] (there are 16)'],
  ['division by constant zero', [I(DIV_K, 0), I(RET_A)], 'instruction 0: division by zero'],
  ['modulo by constant zero', [I(MOD_K, 0), I(RET_A)], 'instruction 0: division by zero'],
  ['shift by 32', [I(LSH_K, 32), I(RET_A)], 'instruction 0: shift by 32'],
  ['shift by 4294967295', [I(RSH_K, 0xffffffff), I(RET_A)], 'instruction 0: shift by 4294967295'],
  ['unknown opcode', [I(0xff), I(RET_K, 0)], 'instruction 0: unknown opcode 0xff'],
  ['ld with a 64-bit size', [I(0x38, 0), I(RET_K, 0)], 'instruction 0: unknown opcode 0x38'],
];
// Refused by the kernel only: user space runs them, as libpcap's bpf_validate does (a cell starts at 0).
const kernelOnly: [string, BpfInsn[], string][] = [
  ['4097 instructions', [...Array.from({ length: 4096 }, () => I(LD_ABS_B, 0)), I(RET_K, 0)], "4097 instructions, more than the kernel's 4096"],
  ['an unknown ancillary load', [I(0x20, 0xfffff000 + 64), I(RET_A)], 'instruction 0: unknown ancillary load 0xfffff040'],
  ['a slot read before it is written', [I(LD_MEM, 3), I(RET_A)], 'instruction 0: M[3] is read before it is written'],
  ['a slot written on one path only', [I(LD_ABS_B, 0), I(JEQ_K, 1, 0, 1), I(ST, 2), I(LDX_MEM, 2), I(RET_K, 1)], 'instruction 3: M[2] is read before it is written'],
  // k is unsigned: the kernel refuses it as past the end; libpcap adds it modulo 2^32, a jump back
  // (protochain's loops), and so does user space.
  ['ja to itself (+2^32-1: backward)', [I(JA, 0xffffffff), I(RET_K, 0)], 'instruction 0: jump to 4294967296, past the end (2 instructions)'],
];

test('every crafted bad program is refused, naming the instruction, before it is interpreted', (t) => {
  for (const [what, insns, why] of bad) {
    const e1 = t.throws(() => validateProgram(insns), { instanceOf: VcapError }, what);
    t.is(e1?.message, `invalid BPF program: ${why}`, what);
    const e2 = t.throws(() => programFromInsns(insns), { instanceOf: VcapError }, what);
    t.is(e2?.message, `invalid BPF program: ${why}`, what);
  }
  for (const [what, insns, why] of kernelOnly) {
    t.notThrows(() => validateProgram(insns), what);
    t.notThrows(() => programFromInsns(insns), what);
    t.is(t.throws(() => validateProgram(insns, { kernel: true }))?.message, `invalid BPF program: ${why}`, what);
  }
  // A jump to itself loops for ever in libpcap's interpreter; vcap's stops it and rejects the packet.
  for (const insns of [[I(JA, 0xffffffff), I(RET_K, 1)], [I(LD_ABS_B, 0), I(JA, 0xfffffffe), I(RET_K, 1)]]) {
    t.false(programFromInsns(insns).matches(new Uint8Array(64), 0, 64, 64));
  }
  // A good one with every rule near its edge passes.
  t.notThrows(() => validateProgram([I(ST, 15), I(LD_MEM, 15), I(LSH_K, 31), I(DIV_K, 1), I(JA, 0), I(RET_A)], { kernel: true }));
});

/** A live source over a fake addon: records what would have been attached. */
function fakeSource(ringLimit = Infinity): { src: AfPacketSource; attached: Uint8Array[]; rings: number[] } {
  const attached: Uint8Array[] = [], rings: number[] = [];
  const n = {
    packetOpen: () => 1,
    packetRing: (_h: number, _r: number, blockSize: number, blockCount: number) => {
      if (blockSize * blockCount > ringLimit) throw new SyscallError('setsockopt(PACKET_RX_RING)', 12, 'Cannot allocate memory');
      rings.push(blockSize * blockCount);
      return new ArrayBuffer(64);
    },
    packetBind: () => {}, packetPromisc: () => {}, close: () => {}, detachFilter: () => {},
    attachFilter: (_h: number, insns: Uint8Array) => { attached.push(insns); },
  } as unknown as NativeAddon;
  const src = AfPacketSource.open(n, {
    name: 'fake0', ifindex: 2, linkType: 1, cooked: 'none', snaplen: 262144, bufferBytes: 64 << 20, promiscuous: false,
    direction: 'inout', immediate: false, timeoutMs: 100, loIfindex: 1,
  });
  return { src, attached, rings };
}

test.serial('a live source refuses a crafted program before the kernel sees it; one only the kernel refuses runs in user space', (t) => {
  const { src, attached } = fakeSource();
  for (const [what, insns, why] of bad.filter(([, i]) => i.length > 0)) {
    const program: FilterProgram = { insns: encodeInsns(insns), length: insns.length, matches: () => true };
    t.is(t.throws(() => src.setFilter(program), { instanceOf: VcapError }, what)?.message, `invalid BPF program: ${why}`);
  }
  t.is(attached.length, 0);
  const warnings: string[] = [];
  const onWarning = (w: Error): void => { warnings.push(w.message); };
  process.on('warning', onWarning);
  try {
    const [, insns] = kernelOnly[1]!;
    src.setFilter({ insns: encodeInsns(insns), length: insns.length, matches: () => true });
  } finally {
    setImmediate(() => process.off('warning', onWarning));
  }
  // Only the reject-all program libpcap attaches while it swaps filters would be attached; here not even that.
  t.is(attached.length, 0);
});

test.serial('a ring the kernel cannot allocate is asked for again 5% smaller, as libpcap does, with a warning', async (t) => {
  const warned = new Promise<string>((resolve) => {
    const on = (w: Error): void => { if (w.message.startsWith('buffer size')) { process.off('warning', on); resolve(w.message); } };
    process.on('warning', on);
  });
  const { rings } = fakeSource(20 << 20);
  t.is(rings.length, 1);
  t.true(rings[0]! <= 20 << 20 && rings[0]! >= 16 << 20, `${rings[0]}`);
  t.regex(await warned, /^buffer size 65536 KiB is more than the kernel gives \(it could not allocate more\): using a ring of \d+ KiB$/);
});

const canAttach = process.getuid?.() === 0 && existsSync(new URL('../../../build/Release/vcap.node', import.meta.url));
(canAttach ? test : test.skip)('the kernel refuses every crafted program too (the rules are its own)', (t) => {
  const programs = [...bad, ...kernelOnly].filter(([, i]) => i.length > 0).map(([what, insns]) => [what, Buffer.from(encodeInsns(insns)).toString('hex')] as const);
  const ns = `vcap-validate-${process.pid}`;
  execFileSync('ip', ['netns', 'add', ns]);
  try {
    const helper = new URL('../helpers/attach-filters.js', import.meta.url).pathname;
    const r = spawnSync('ip', ['netns', 'exec', ns, process.execPath, helper], { input: JSON.stringify(programs.map(([, h]) => h)), encoding: 'utf8' });
    t.is(r.status, 0, r.stderr);
    const results = JSON.parse(r.stdout) as (string | null)[];
    programs.forEach(([what], i) => t.not(results[i], null, `the kernel took: ${what}`));
  } finally {
    execFileSync('ip', ['netns', 'del', ns]);
  }
});
