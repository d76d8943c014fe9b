// Classic BPF instruction encoding (linux/filter.h, pcap/bpf.h): the numbers the kernel and libpcap share.

export const BPF_LD = 0x00, BPF_LDX = 0x01, BPF_ST = 0x02, BPF_STX = 0x03;
export const BPF_ALU = 0x04, BPF_JMP = 0x05, BPF_RET = 0x06, BPF_MISC = 0x07;
export const BPF_W = 0x00, BPF_H = 0x08, BPF_B = 0x10;
export const BPF_IMM = 0x00, BPF_ABS = 0x20, BPF_IND = 0x40, BPF_MEM = 0x60, BPF_LEN = 0x80, BPF_MSH = 0xa0;
export const BPF_ADD = 0x00, BPF_SUB = 0x10, BPF_MUL = 0x20, BPF_DIV = 0x30, BPF_OR = 0x40, BPF_AND = 0x50;
export const BPF_LSH = 0x60, BPF_RSH = 0x70, BPF_NEG = 0x80, BPF_MOD = 0x90, BPF_XOR = 0xa0;
export const BPF_JA = 0x00, BPF_JEQ = 0x10, BPF_JGT = 0x20, BPF_JGE = 0x30, BPF_JSET = 0x40;
export const BPF_K = 0x00, BPF_X = 0x08, BPF_A = 0x10;
export const BPF_TAX = 0x00, BPF_TXA = 0x80;
/** Scratch memory words (BPF_MEMWORDS). */
export const BPF_MEMWORDS = 16;
/** The kernel refuses longer classic programs (BPF_MAXINSNS). */
export const BPF_MAXINSNS = 4096;

export const bpfClass = (code: number): number => code & 0x07;
export const bpfSize = (code: number): number => code & 0x18;
export const bpfMode = (code: number): number => code & 0xe0;
export const bpfOp = (code: number): number => code & 0xf0;
export const bpfSrc = (code: number): number => code & 0x08;

/** One struct sock_filter. `k` is kept unsigned (0 … 2^32-1). */
export interface BpfInsn {
  code: number;
  jt: number;
  jf: number;
  k: number;
}

/** The 8-byte-per-instruction array the kernel takes (host byte order: u16 code, u8 jt, u8 jf, u32 k). */
export function encodeInsns(insns: readonly BpfInsn[]): Uint8Array {
  const out = new Uint8Array(insns.length * 8);
  const dv = new DataView(out.buffer);
  const le = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  insns.forEach((insn, i) => {
    dv.setUint16(i * 8, insn.code, le);
    dv.setUint8(i * 8 + 2, insn.jt);
    dv.setUint8(i * 8 + 3, insn.jf);
    dv.setUint32(i * 8 + 4, insn.k >>> 0, le);
  });
  return out;
}

export function decodeInsns(bytes: Uint8Array): BpfInsn[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const le = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  const insns: BpfInsn[] = [];
  for (let at = 0; at + 8 <= bytes.byteLength; at += 8)
    insns.push({ code: dv.getUint16(at, le), jt: dv.getUint8(at + 2), jf: dv.getUint8(at + 3), k: dv.getUint32(at + 4, le) });
  return insns;
}
