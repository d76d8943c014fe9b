// tcpdump's -d, -dd and -ddd: libpcap's bpf_image() and bpf_dump(), character for character.
import {
  BPF_ABS, BPF_ADD, BPF_ALU, BPF_AND, BPF_B, BPF_DIV, BPF_H, BPF_IMM, BPF_IND, BPF_JA, BPF_JEQ, BPF_JGE, BPF_JGT, BPF_JMP,
  BPF_JSET, BPF_LD, BPF_LDX, BPF_LEN, BPF_LSH, BPF_MEM, BPF_MISC, BPF_MOD, BPF_MSH, BPF_MUL, BPF_NEG, BPF_OR, BPF_RET,
  BPF_RSH, BPF_ST, BPF_STX, BPF_SUB, BPF_TAX, BPF_TXA, BPF_W, BPF_X, BPF_XOR, BPF_A, type BpfInsn,
} from './bpf.js';

const hex = (k: number): string => `#0x${(k >>> 0).toString(16)}`;
const dec = (k: number): string => `#${k | 0}`;

const aluNames: Record<number, [string, boolean]> = {
  [BPF_ADD]: ['add', false], [BPF_SUB]: ['sub', false], [BPF_MUL]: ['mul', false], [BPF_DIV]: ['div', false],
  [BPF_MOD]: ['mod', false], [BPF_AND]: ['and', true], [BPF_OR]: ['or', true], [BPF_XOR]: ['xor', true],
  [BPF_LSH]: ['lsh', false], [BPF_RSH]: ['rsh', false],
};
const jmpNames: Record<number, string> = { [BPF_JEQ]: 'jeq', [BPF_JGT]: 'jgt', [BPF_JGE]: 'jge', [BPF_JSET]: 'jset' };
const sizeSuffix: Record<number, string> = { [BPF_W]: '', [BPF_H]: 'h', [BPF_B]: 'b' };

/** One instruction as bpf_image() shows it: `(000) ldh      [12]`. */
export function insnImage(p: BpfInsn, n: number): string {
  const k = p.k >>> 0;
  let op = 'unimp', operand = `0x${p.code.toString(16)}`;
  const code = p.code;
  const cls = code & 0x07;
  if (cls === BPF_RET) {
    op = 'ret';
    operand = (code & 0x18) === BPF_A ? '' : (code & 0x18) === BPF_X ? 'x' : dec(k);
  } else if (cls === BPF_LD) {
    const mode = code & 0xe0, size = code & 0x18;
    if (mode === BPF_ABS && size in sizeSuffix) { op = `ld${sizeSuffix[size]}`; operand = absOperand(k); }
    else if (mode === BPF_IND && size in sizeSuffix) { op = `ld${sizeSuffix[size]}`; operand = `[x + ${k | 0}]`; }
    else if (code === (BPF_LD | BPF_W | BPF_LEN)) { op = 'ld'; operand = '#pktlen'; }
    else if (code === (BPF_LD | BPF_IMM)) { op = 'ld'; operand = hex(k); }
    else if (code === (BPF_LD | BPF_MEM)) { op = 'ld'; operand = `M[${k | 0}]`; }
  } else if (cls === BPF_LDX) {
    if (code === (BPF_LDX | BPF_W | BPF_IMM)) { op = 'ldx'; operand = hex(k); }
    else if (code === (BPF_LDX | BPF_MSH | BPF_B)) { op = 'ldxb'; operand = `4*([${k | 0}]&0xf)`; }
    else if (code === (BPF_LDX | BPF_W | BPF_LEN)) { op = 'ldx'; operand = '#pktlen'; }
    else if (code === (BPF_LDX | BPF_W | BPF_MEM)) { op = 'ldx'; operand = `M[${k | 0}]`; }
  } else if (code === BPF_ST) { op = 'st'; operand = `M[${k | 0}]`; }
  else if (code === BPF_STX) { op = 'stx'; operand = `M[${k | 0}]`; }
  else if (cls === BPF_ALU) {
    const aop = code & 0xf0;
    if (aop === BPF_NEG) { op = 'neg'; operand = ''; }
    else if (aop in aluNames) {
      const [name, isHex] = aluNames[aop]!;
      op = name;
      operand = (code & 0x08) === BPF_X ? 'x' : isHex ? hex(k) : dec(k);
    }
  } else if (cls === BPF_JMP) {
    const jop = code & 0xf0;
    // `%d` of an unsigned sum: a backward jump (protochain's loops) shows its target.
    if (jop === BPF_JA) { op = 'ja'; operand = `${(n + 1 + k) | 0}`; }
    else if (jop in jmpNames) {
      op = jmpNames[jop]!;
      operand = (code & 0x08) === BPF_X ? 'x' : hex(k);
      return `(${pad3(n)}) ${op.padEnd(8)} ${operand.padEnd(16)} jt ${n + 1 + p.jt}\tjf ${n + 1 + p.jf}`;
    }
  } else if (cls === BPF_MISC) {
    if (code === (BPF_MISC | BPF_TAX)) { op = 'tax'; operand = ''; }
    else if (code === (BPF_MISC | BPF_TXA)) { op = 'txa'; operand = ''; }
  }
  return `(${pad3(n)}) ${op.padEnd(8)} ${operand}`;
}

const pad3 = (n: number): string => String(n).padStart(3, '0');

/** Linux ancillary loads (k = SKF_AD_OFF + n) by the names bpf_image gives them. */
const ancillary: Record<number, string> = {
  0: 'proto', 4: 'type', 8: 'ifidx', 12: 'nla', 16: 'nlan', 20: 'mark', 24: 'queue', 28: 'hatype', 32: 'rxhash',
  36: 'cpu', 44: 'vlan_tci', 48: 'vlanp',
};
const absOperand = (k: number): string => {
  const name = k >= 0xfffff000 ? ancillary[k - 0xfffff000] : undefined;
  return `[${name ?? (k | 0)}]`;
};

/** bpf_dump(): level 1 = -d, 2 = -dd, 3 = -ddd. Every line ends with a newline. */
export function formatInsns(insns: readonly BpfInsn[], level: 1 | 2 | 3): string {
  if (level === 3) return `${insns.length}\n` + insns.map((p) => `${p.code} ${p.jt} ${p.jf} ${p.k >>> 0}\n`).join('');
  if (level === 2)
    return insns.map((p) => `{ 0x${p.code.toString(16)}, ${p.jt}, ${p.jf}, 0x${(p.k >>> 0).toString(16).padStart(8, '0')} },\n`).join('');
  return insns.map((p, i) => insnImage(p, i) + '\n').join('');
}

