// pcap-filter(7) expressions compiled to classic BPF in TypeScript (no libpcap), for the kernel
// (SO_ATTACH_FILTER) and for files (a JS function compiled once per program).
import { decodeInsns, encodeInsns, type BpfInsn } from './bpf.js';
import { CodeGen, SKF_AD_IFINDEX, SKF_AD_OFF, SKF_AD_PKTTYPE, SKF_AD_PROTOCOL, type CodegenOptions } from './codegen.js';
import { BPF_ABS, BPF_IND, BPF_LD, BPF_LDX, BPF_MSH, bpfClass, bpfMode } from './bpf.js';
import { FilterError } from './errors.js';
import { formatInsns } from './format.js';
import { compileToFunction, type MatchFn } from './interpreter.js';
import { linearize, linearizeUnoptimized, rejectsAll, simplify } from './linearize.js';
import { parseFilter, type Node } from './parser.js';

export { FilterError } from './errors.js';
export type { BpfInsn } from './bpf.js';
export { runProgram, runProgramTraced, validateProgram } from './interpreter.js';

/** A compiled classic-BPF program. */
export interface FilterProgram {
  /** struct sock_filter[] in host byte order: u16 code, u8 jt, u8 jf, u32 k — 8 bytes each. */
  readonly insns: Uint8Array;
  /** Number of instructions. */
  readonly length: number;
  /**
   * Run the program over one frame, as the kernel would: true when it accepts the frame. For a
   * program compiled with `linuxSocket`/`vlanTagsStripped`, this runs the same expression compiled
   * for frames as vcap hands them on (VLAN tag back in place, SLL header present), not `insns`.
   */
  matches(bytes: Uint8Array, offset: number, capLen: number, origLen: number): boolean;
}

export interface CompileOptions extends CodegenOptions {
  /**
   * The IPv4 netmask for `ip broadcast`: tcpdump passes the interface's netmask when capturing and
   * 0 when reading a file or when the interface has none, which is the default here.
   * 0xffffffff (libpcap's PCAP_NETMASK_UNKNOWN) makes `ip broadcast` an error.
   */
  netmask?: number | undefined;
  /** DLT_NULL files: the address family was written big-endian (the pcap file is big-endian). */
  nullBigEndian?: boolean | undefined;
}

/** The default when a capture has no snaplen: what tcpdump uses. */
const DEFAULT_SNAPLEN = 262144;

class Program implements FilterProgram {
  readonly insns: Uint8Array;
  readonly length: number;
  readonly matches: MatchFn;
  constructor(readonly instructions: readonly BpfInsn[], userSpace: readonly BpfInsn[] = instructions) {
    this.insns = encodeInsns(instructions);
    this.length = instructions.length;
    this.matches = compileToFunction(userSpace);
  }
}

/** Compile a pcap-filter(7) expression for a link type; throws FilterError (a VcapError) on a bad expression. */
export function compileFilter(expression: string, linkType: number, snaplen: number, options: CompileOptions = {}): FilterProgram {
  const ret = snaplen > 0 ? snaplen >>> 0 : DEFAULT_SNAPLEN;
  const tree = parseFilter(expression);
  if (tree === null) return new Program(linearize({ t: 'const', v: true }, ret));
  // libpcap compiles an expression holding `geneve` or `protochain` with its optimizer off.
  const unoptimized = holds(tree, (n) => n.k === 'geneve' || (n.k === 'id' && n.q.addr === 'protochain'));
  const build = (opts: CompileOptions): BpfInsn[] => {
    const cond = new CodeGen(linkType & 0xffff, { netmask: 0, ...opts }, expression, unoptimized).gen(tree);
    if (unoptimized) return linearizeUnoptimized(cond, ret);
    const insns = linearize(simplify(cond), ret);
    // The optimizer is what finds that nothing can match: without it, libpcap compiles such a program.
    if (rejectsAll(insns)) throw new FilterError('expression rejects all packets', 0);
    return insns;
  };
  const insns = build(options);
  if (!options.linuxSocket && !options.vlanTagsStripped) return new Program(insns);
  // The kernel's view differs from vcap's (metadata, no SLL header): user space gets its own program,
  // unless the expression needs metadata (`inbound` on Ethernet): then metadata loads reject there.
  let userSpace = insns;
  try {
    userSpace = build({ ...options, linuxSocket: undefined, vlanTagsStripped: undefined });
  } catch (e) {
    if (!(e instanceof FilterError)) throw e;
  }
  if (options.linuxSocket === 'cooked') cookedOffsets(insns, linkType & 0xffff);
  return new Program(insns, userSpace);
}

/** Whether some node of the tree satisfies `p`. */
function holds(n: Node, p: (n: Node) => boolean): boolean {
  if (p(n)) return true;
  switch (n.k) {
    case 'and': case 'or': return holds(n.l, p) || holds(n.r, p);
    case 'not': return holds(n.e, p);
    default: return false;
  }
}

/**
 * libpcap's fix_program for cooked sockets: the kernel runs the filter on the packet without the
 * SLL header vcap's files and printers see, so header fields become metadata loads and payload
 * offsets move back by the header length.
 */
function cookedOffsets(insns: BpfInsn[], linkType: number): void {
  const sll2 = linkType === 276;
  if (linkType !== 113 && !sll2) throw new FilterError('a cooked socket delivers LINUX_SLL or LINUX_SLL2 frames', 0);
  const hdr = sll2 ? 20 : 16;
  const meta: Record<number, number> = sll2 ? { 0: SKF_AD_PROTOCOL, 4: SKF_AD_IFINDEX, 10: SKF_AD_PKTTYPE } : { 0: SKF_AD_PKTTYPE, 14: SKF_AD_PROTOCOL };
  for (const p of insns) {
    const cls = bpfClass(p.code), mode = bpfMode(p.code);
    if (!((cls === BPF_LD && (mode === BPF_ABS || mode === BPF_IND)) || (cls === BPF_LDX && mode === BPF_MSH))) continue;
    if (p.k >= SKF_AD_OFF) continue;
    if (p.k >= hdr) p.k -= hdr;
    else if (mode === BPF_ABS && meta[p.k] !== undefined) p.k = meta[p.k]!;
    else throw new FilterError(`this filter reads ${sll2 ? 'LINUX_SLL2' : 'LINUX_SLL'} header bytes the kernel does not have on a cooked socket; filter in user space instead`, 0);
  }
}

/** A program from raw sock_filter bytes (e.g. read from `tcpdump -ddd`), for the interpreter. */
export function programFromInsns(insns: Uint8Array | readonly BpfInsn[]): FilterProgram {
  return new Program(insns instanceof Uint8Array ? decodeInsns(insns) : insns);
}

/** The instructions of a program as objects. */
export function programInstructions(program: FilterProgram): BpfInsn[] {
  return decodeInsns(program.insns);
}

/** -d (1), -dd (2), -ddd (3): the program in tcpdump's three forms, one instruction a line. */
export function formatProgram(program: FilterProgram, level: 1 | 2 | 3): string {
  return formatInsns(decodeInsns(program.insns), level);
}
