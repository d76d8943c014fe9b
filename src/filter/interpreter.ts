// Running classic BPF over a frame in user space. `compileToFunction` turns a program into one JS
// function, once: every jump goes forward, so each jump target becomes the end of a labelled block
// and a jump is a `break` — straight-line code V8 optimises well, with no dispatch loop per packet.
// Loads past the captured length reject the packet and division by zero returns 0, as in the kernel.
import {
  BPF_A, BPF_ABS, BPF_ADD, BPF_ALU, BPF_AND, BPF_B, BPF_DIV, BPF_H, BPF_IMM, BPF_IND, BPF_JA, BPF_JEQ, BPF_JGE, BPF_JGT,
  BPF_JMP, BPF_JSET, BPF_LD, BPF_LDX, BPF_LEN, BPF_LSH, BPF_MAXINSNS, BPF_MEM, BPF_MEMWORDS, BPF_MISC, BPF_MOD, BPF_MSH, BPF_MUL, BPF_NEG,
  BPF_K, BPF_OR, BPF_RET, BPF_RSH, BPF_ST, BPF_STX, BPF_SUB, BPF_TAX, BPF_TXA, BPF_W, BPF_X, BPF_XOR, bpfClass, bpfMode, bpfOp,
  bpfSize, bpfSrc, type BpfInsn,
} from './bpf.js';
import { VcapError } from '../errors.js';

export type MatchFn = (bytes: Uint8Array, offset: number, capLen: number, origLen: number) => boolean;

/** Every opcode the kernel's classic BPF checker knows (net/core/filter.c, bpf_check_classic's table). */
const KNOWN_CODES = new Set<number>([
  ...[BPF_ADD, BPF_SUB, BPF_MUL, BPF_DIV, BPF_MOD, BPF_AND, BPF_OR, BPF_XOR, BPF_LSH, BPF_RSH].flatMap((op) => [BPF_ALU | op | BPF_K, BPF_ALU | op | BPF_X]),
  BPF_ALU | BPF_NEG,
  ...[BPF_W, BPF_H, BPF_B].flatMap((size) => [BPF_LD | size | BPF_ABS, BPF_LD | size | BPF_IND]),
  BPF_LD | BPF_W | BPF_LEN, BPF_LD | BPF_W | BPF_MEM, BPF_LD | BPF_IMM,
  BPF_LDX | BPF_W | BPF_IMM, BPF_LDX | BPF_W | BPF_MEM, BPF_LDX | BPF_W | BPF_LEN, BPF_LDX | BPF_B | BPF_MSH,
  BPF_ST, BPF_STX, BPF_MISC | BPF_TAX, BPF_MISC | BPF_TXA, BPF_RET | BPF_K, BPF_RET | BPF_A,
  BPF_JMP | BPF_JA, ...[BPF_JEQ, BPF_JGT, BPF_JGE, BPF_JSET].flatMap((op) => [BPF_JMP | op | BPF_K, BPF_JMP | op | BPF_X]),
]);

/** Linux ancillary loads (SKF_AD_OFF + these): PROTOCOL … VLAN_TPID; any other k in that area is refused. */
const SKF_AD_BASE = 0xfffff000;
const SKF_AD_LAST = 60;

export interface ValidateOptions {
  /**
   * Check as the kernel does before SO_ATTACH_FILTER / TUNATTACHFILTER: also at most BPF_MAXINSNS
   * (4096) instructions, only known ancillary loads, and no scratch cell read before every path to
   * the read has written it. User space (libpcap's bpf_validate) has none of these: a cell starts at 0.
   */
  kernel?: boolean;
}

/**
 * The kernel's sk_chk_filter rules (libpcap's bpf_validate is a subset): known opcodes, every jump
 * forward and inside the program, scratch memory M[0..15], no division by a constant 0, shifts by
 * a constant below 32 (what JS and C do past that differs), a return at the end; with `kernel`,
 * also the kernel's own limits. Throws a VcapError naming the first bad instruction.
 */
export function validateProgram(insns: readonly BpfInsn[], options: ValidateOptions = {}): void {
  const bad = (i: number, why: string): never => { throw new VcapError(`invalid BPF program: instruction ${i}: ${why}`, 'EINVAL'); };
  const n = insns.length;
  if (n === 0) throw new VcapError('invalid BPF program: no instructions', 'EINVAL');
  if (options.kernel && n > BPF_MAXINSNS) throw new VcapError(`invalid BPF program: ${n} instructions, more than the kernel's ${BPF_MAXINSNS}`, 'EINVAL');
  // Scratch cells written on every path reaching each instruction (the kernel's check_load_and_stores).
  const masks = new Uint16Array(n).fill(0xffff);
  let memvalid = 0;
  for (let i = 0; i < n; i++) {
    const p = insns[i]!;
    const code = p.code, k = p.k >>> 0, cls = bpfClass(code);
    if (!KNOWN_CODES.has(code)) bad(i, `unknown opcode 0x${code.toString(16)}`);
    if (p.jt < 0 || p.jt > 255 || p.jf < 0 || p.jf > 255) bad(i, `jump offsets ${p.jt}/${p.jf} out of range`);
    memvalid &= masks[i]!;
    if (cls === BPF_ST || cls === BPF_STX) {
      if (k >= BPF_MEMWORDS) bad(i, `scratch memory M[${k}] (there are ${BPF_MEMWORDS})`);
      memvalid |= 1 << k;
    } else if ((cls === BPF_LD || cls === BPF_LDX) && bpfMode(code) === BPF_MEM) {
      if (k >= BPF_MEMWORDS) bad(i, `scratch memory M[${k}] (there are ${BPF_MEMWORDS})`);
      if (options.kernel && !(memvalid & (1 << k))) bad(i, `M[${k}] is read before it is written`);
    } else if (cls === BPF_ALU && bpfSrc(code) === BPF_K) {
      const op = bpfOp(code);
      if ((op === BPF_DIV || op === BPF_MOD) && k === 0) bad(i, 'division by zero');
      if ((op === BPF_LSH || op === BPF_RSH) && k >= 32) bad(i, `shift by ${k}`);
    } else if (cls === BPF_LD && bpfMode(code) === BPF_ABS && options.kernel && k >= SKF_AD_BASE) {
      if (k - SKF_AD_BASE > SKF_AD_LAST || (k - SKF_AD_BASE) % 4 !== 0) bad(i, `unknown ancillary load ${hex(k)}`);
    } else if (cls === BPF_JMP) {
      if (bpfOp(code) === BPF_JA) {
        // k is unsigned: for the kernel a jump can only go forward, and must land inside the program.
        // libpcap's bpf_validate adds it modulo 2^32, so a large k jumps back (protochain's loops):
        // user space accepts that as long as it lands inside the program.
        const to = jaTarget(i, k);
        if (options.kernel ? k >= n - i - 1 : to >= n) bad(i, `jump to ${options.kernel ? i + 1 + k : to}, past the end (${n} instructions)`);
        if (to > i) masks[to]! &= memvalid;
      } else {
        if (i + 1 + p.jt >= n || i + 1 + p.jf >= n) bad(i, `jump to ${i + 1 + Math.max(p.jt, p.jf)}, past the end (${n} instructions)`);
        masks[i + 1 + p.jt]! &= memvalid;
        masks[i + 1 + p.jf]! &= memvalid;
      }
      memvalid = 0xffff;
    }
  }
  if (bpfClass(insns[n - 1]!.code) !== BPF_RET) bad(n - 1, 'the program does not end with a return');
}

const hex = (k: number): string => `0x${(k >>> 0).toString(16)}`;

/** JS source reading `size` bytes big-endian at `at` (an expression) into A. */
function loadExpr(size: number, at: string): string {
  if (size === BPF_B) return `b[${at}]`;
  if (size === BPF_H) return `((b[${at}] << 8) | b[${at} + 1])`;
  return `(((b[${at}] << 24) | (b[${at} + 1] << 16) | (b[${at} + 2] << 8) | b[${at} + 3]) >>> 0)`;
}
const width = (size: number): number => (size === BPF_B ? 1 : size === BPF_H ? 2 : 4);

function aluExpr(op: number, rhs: string): string {
  switch (op) {
    case BPF_ADD: return `A = (A + ${rhs}) >>> 0;`;
    case BPF_SUB: return `A = (A - ${rhs}) >>> 0;`;
    case BPF_MUL: return `A = Math.imul(A, ${rhs}) >>> 0;`;
    case BPF_DIV: return rhs === 'X' ? `if (X === 0) return false; A = Math.floor(A / X);` : `A = Math.floor(A / ${rhs});`;
    case BPF_MOD: return rhs === 'X' ? `if (X === 0) return false; A = A % X;` : `A = A % ${rhs};`;
    case BPF_AND: return `A = (A & ${rhs}) >>> 0;`;
    case BPF_OR: return `A = (A | ${rhs}) >>> 0;`;
    case BPF_XOR: return `A = (A ^ ${rhs}) >>> 0;`;
    case BPF_LSH: return `A = (A << ${rhs}) >>> 0;`;
    case BPF_RSH: return `A = A >>> ${rhs};`;
    case BPF_NEG: return `A = (-A) >>> 0;`;
  }
  throw new VcapError(`invalid BPF program: ALU operation 0x${op.toString(16)}`, 'EINVAL');
}

function jumpTest(op: number, rhs: string): string {
  switch (op) {
    case BPF_JEQ: return `A === ${rhs}`;
    case BPF_JGT: return `A > ${rhs}`;
    case BPF_JGE: return `A >= ${rhs}`;
    case BPF_JSET: return `(A & ${rhs}) !== 0`;
  }
  throw new VcapError(`invalid BPF program: jump 0x${op.toString(16)}`, 'EINVAL');
}

/** The target of a `ja` at `i`: its offset wraps at 32 bits, so a large one jumps back. */
const jaTarget = (i: number, k: number): number => (i + 1 + k) >>> 0;

/**
 * Backward jumps a program may take before it is stopped (and rejects the packet). libpcap has no
 * such limit; the only programs it makes with loops (protochain) advance through the packet on
 * each round and end at its last byte, far below this.
 */
export const MAX_BACKWARD_JUMPS = 1 << 20;

/** JS source of the function body for a validated program. */
export function programSource(insns: readonly BpfInsn[]): string {
  if (insns.some((p, i) => bpfClass(p.code) === BPF_JMP && bpfOp(p.code) === BPF_JA && jaTarget(i, p.k) <= i)) return loopSource(insns);
  const targets = new Set<number>();
  insns.forEach((p, i) => {
    if (bpfClass(p.code) !== BPF_JMP) return;
    if (bpfOp(p.code) === BPF_JA) { if (p.k > 0) targets.add(jaTarget(i, p.k)); return; }
    if (p.jt > 0) targets.add(i + 1 + p.jt);
    if (p.jf > 0) targets.add(i + 1 + p.jf);
  });
  const sorted = [...targets].sort((x, y) => y - x);
  const usesMem = insns.some((p) => bpfClass(p.code) === BPF_ST || bpfClass(p.code) === BPF_STX || bpfMode(p.code) === BPF_MEM);
  const lines: string[] = ['let A = 0, X = 0, t = 0;'];
  if (usesMem) lines.push(`const M = new Uint32Array(${BPF_MEMWORDS});`);
  lines.push(sorted.map((t) => `L${t}: {`).join(' '));
  const go = (from: number, to: number): string => (to === from + 1 ? '' : `break L${to};`);
  insns.forEach((p, i) => {
    if (targets.has(i)) lines.push('}');
    lines.push(instructionSource(p, i, go));
  });
  // Unreachable: validation guarantees the last instruction returns.
  lines.push('return false;');
  return lines.join('\n');
}

/**
 * The source of a program with backward jumps: a \`switch\` on the program counter inside a loop,
 * each jump setting it. Slower than the straight-line form; only protochain's programs loop.
 */
function loopSource(insns: readonly BpfInsn[]): string {
  const usesMem = insns.some((p) => bpfClass(p.code) === BPF_ST || bpfClass(p.code) === BPF_STX || bpfMode(p.code) === BPF_MEM);
  const lines: string[] = ['let A = 0, X = 0, t = 0, pc = 0, back = 0;'];
  if (usesMem) lines.push(`const M = new Uint32Array(${BPF_MEMWORDS});`);
  lines.push('for (;;) switch (pc) {');
  const go = (from: number, to: number): string => (to === from + 1 ? ''
    : to <= from ? `{ if (++back > ${MAX_BACKWARD_JUMPS}) return false; pc = ${to}; continue; }` : `{ pc = ${to}; continue; }`);
  insns.forEach((p, i) => lines.push(`case ${i}:`, instructionSource(p, i, go)));
  lines.push('default: return false;', '}');
  return lines.join('\n');
}

/** The JS statements of instruction \`p\` at index \`i\`; \`go(from, to)\` gives a jump ('' to fall through). */
function instructionSource(p: BpfInsn, i: number, go: (from: number, to: number) => string): string {
  const lines: string[] = [];
  const cls = bpfClass(p.code), mode = bpfMode(p.code), size = bpfSize(p.code), k = p.k >>> 0;
  switch (cls) {
    case BPF_LD:
      if (mode === BPF_ABS) lines.push(`if (c < ${k + width(size)}) return false; A = ${loadExpr(size, `o + ${k}`)};`);
      else if (mode === BPF_IND) lines.push(`t = X + ${k}; if (t + ${width(size)} > c) return false; t += o; A = ${loadExpr(size, 't')};`);
      else if (mode === BPF_IMM) lines.push(`A = ${hex(k)};`);
      else if (mode === BPF_LEN) lines.push('A = w;');
      else if (mode === BPF_MEM) lines.push(`A = M[${k}];`);
      else throw new VcapError(`invalid BPF program: instruction ${i}: load mode 0x${mode.toString(16)}`, 'EINVAL');
      break;
    case BPF_LDX:
      if (mode === BPF_MSH) lines.push(`if (c < ${k + 1}) return false; X = (b[o + ${k}] & 0xf) << 2;`);
      else if (mode === BPF_IMM) lines.push(`X = ${hex(k)};`);
      else if (mode === BPF_LEN) lines.push('X = w;');
      else if (mode === BPF_MEM) lines.push(`X = M[${k}];`);
      else throw new VcapError(`invalid BPF program: instruction ${i}: ldx mode 0x${mode.toString(16)}`, 'EINVAL');
      break;
    case BPF_ST: lines.push(`M[${k}] = A;`); break;
    case BPF_STX: lines.push(`M[${k}] = X;`); break;
    case BPF_ALU: lines.push(aluExpr(bpfOp(p.code), bpfSrc(p.code) === BPF_X ? 'X' : hex(k))); break;
    case BPF_JMP:
      if (bpfOp(p.code) === BPF_JA) lines.push(go(i, jaTarget(i, k)));
      else {
        const cond = jumpTest(bpfOp(p.code), bpfSrc(p.code) === BPF_X ? 'X' : hex(k));
        const jt = go(i, i + 1 + p.jt), jf = go(i, i + 1 + p.jf);
        if (jt && jf) lines.push(`if (${cond}) ${jt} else ${jf}`);
        else if (jt) lines.push(`if (${cond}) ${jt}`);
        else if (jf) lines.push(`if (!(${cond})) ${jf}`);
      }
      break;
    case BPF_RET:
      if ((p.code & 0x18) === BPF_A) lines.push('return A !== 0;');
      else lines.push(`return ${k !== 0};`);
      break;
    case BPF_MISC:
      lines.push(p.code === (BPF_MISC | BPF_TAX) ? 'X = A;' : p.code === (BPF_MISC | BPF_TXA) ? 'A = X;' : '');
      break;
  }
  return lines.join('\n');
}

/** Compile a program to `(bytes, offset, capLen, origLen) => accepted`. */
export function compileToFunction(insns: readonly BpfInsn[]): MatchFn {
  validateProgram(insns);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function('b', 'o', 'c', 'w', programSource(insns)) as MatchFn;
}

/**
 * The straightforward interpreter (libpcap's bpf_filter), returning the ret value. Slow; the
 * reference the compiled functions are tested against, and usable on any program.
 */
export function runProgram(insns: readonly BpfInsn[], b: Uint8Array, o: number, c: number, w: number): number {
  return runProgramTraced(insns, b, o, c, w).ret;
}

/** runProgram, also saying whether the verdict came from a load past the captured length. */
export function runProgramTraced(insns: readonly BpfInsn[], b: Uint8Array, o: number, c: number, w: number): { ret: number; pastEnd: boolean } {
  const r = { ret: 0, pastEnd: false };
  r.ret = run(insns, b, o, c, w, r);
  return r;
}

function run(insns: readonly BpfInsn[], b: Uint8Array, o: number, c: number, w: number, r: { pastEnd: boolean }): number {
  let A = 0, X = 0, pc = 0, back = 0;
  const M = new Uint32Array(BPF_MEMWORDS);
  const ld = (at: number, size: number): number | null => {
    const n = width(size);
    if (at + n > c) { r.pastEnd = true; return null; }
    const p = o + at;
    return size === BPF_B ? b[p]! : size === BPF_H ? (b[p]! << 8) | b[p + 1]! : ((b[p]! << 24) | (b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!) >>> 0;
  };
  for (;;) {
    const p = insns[pc++];
    if (!p) return 0;
    const k = p.k >>> 0;
    switch (bpfClass(p.code)) {
      case BPF_RET: return (p.code & 0x18) === BPF_A ? A : k;
      case BPF_LD: {
        const mode = bpfMode(p.code);
        if (mode === BPF_ABS || mode === BPF_IND) {
          const v = ld(mode === BPF_ABS ? k : X + k, bpfSize(p.code));
          if (v === null) return 0;
          A = v;
        } else if (mode === BPF_IMM) A = k;
        else if (mode === BPF_LEN) A = w;
        else if (mode === BPF_MEM) A = M[k]!;
        break;
      }
      case BPF_LDX: {
        const mode = bpfMode(p.code);
        if (mode === BPF_MSH) { const v = ld(k, BPF_B); if (v === null) return 0; X = (v & 0xf) << 2; }
        else if (mode === BPF_IMM) X = k;
        else if (mode === BPF_LEN) X = w;
        else if (mode === BPF_MEM) X = M[k]!;
        break;
      }
      case BPF_ST: M[k] = A; break;
      case BPF_STX: M[k] = X; break;
      case BPF_ALU: {
        const r = bpfSrc(p.code) === BPF_X ? X : k;
        const op = bpfOp(p.code);
        if ((op === BPF_DIV || op === BPF_MOD) && r === 0) return 0;
        switch (op) {
          case BPF_ADD: A = (A + r) >>> 0; break;
          case BPF_SUB: A = (A - r) >>> 0; break;
          case BPF_MUL: A = Math.imul(A, r) >>> 0; break;
          case BPF_DIV: A = Math.floor(A / r); break;
          case BPF_MOD: A = A % r; break;
          case BPF_AND: A = (A & r) >>> 0; break;
          case BPF_OR: A = (A | r) >>> 0; break;
          case BPF_XOR: A = (A ^ r) >>> 0; break;
          case BPF_LSH: A = (A << r) >>> 0; break;
          case BPF_RSH: A = A >>> r; break;
          case BPF_NEG: A = (-A) >>> 0; break;
        }
        break;
      }
      case BPF_JMP: {
        const op = bpfOp(p.code);
        // The offset wraps at 32 bits: a large one jumps back (libpcap sign-extends it).
        if (op === BPF_JA) { pc += p.k | 0; if (p.k >= 0x80000000 && ++back > MAX_BACKWARD_JUMPS) return 0; break; }
        const r = bpfSrc(p.code) === BPF_X ? X : k;
        const hit = op === BPF_JEQ ? A === r : op === BPF_JGT ? A > r : op === BPF_JGE ? A >= r : (A & r) !== 0;
        pc += hit ? p.jt : p.jf;
        break;
      }
      case BPF_MISC: if (p.code === (BPF_MISC | BPF_TAX)) X = A; else A = X; break;
    }
  }
}

