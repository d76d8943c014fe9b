// Placeholder until the filter compiler lands (issue 5): the interface the CLI builds against.
import { VcapError } from '../errors.js';

/** A compiled classic-BPF program. */
export interface FilterProgram {
  /** struct sock_filter[] in host byte order: u16 code, u8 jt, u8 jf, u32 k — 8 bytes each. */
  readonly insns: Uint8Array;
  /** Number of instructions. */
  readonly length: number;
  /** Run the program over one frame, as the kernel would: true when it accepts the frame. */
  matches(bytes: Uint8Array, offset: number, capLen: number, origLen: number): boolean;
}

/** Compile a pcap-filter(7) expression for a link type; throws VcapError on a bad expression. */
export function compileFilter(expression: string, linkType: number, snaplen: number): FilterProgram {
  void expression; void linkType; void snaplen;
  throw new VcapError('filter expressions are not supported yet');
}

/** -d (1), -dd (2), -ddd (3): the program in tcpdump's three forms, one instruction a line. */
export function formatProgram(program: FilterProgram, level: 1 | 2 | 3): string {
  void program; void level;
  throw new VcapError('filter expressions are not supported yet');
}
