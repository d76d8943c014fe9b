import type { PrintOptions } from './options.js';

/**
 * Thrown (without a stack) when a printer would read past the readable end; caught only in
 * the packet printer, which then appends ` [|<protocol>]` (tcpdump's nd_trunc_longjmp).
 */
export const TRUNCATED: { readonly truncated: true } = Object.freeze({ truncated: true });

/** What a transport printer needs from the IP header above it (tcpdump passes bp2). */
export interface IpInfo {
  version: 4 | 6;
  /** Absolute offsets of the source/destination addresses in `c.buf`. */
  srcOff: number;
  dstOff: number;
  /** Addresses as tcpdump prints them. */
  src: string;
  dst: string;
  /** Upper-layer length as the IP header states it (for the pseudo-header checksum). */
  length: number;
  /** True when the IPv4 datagram is a later fragment (offset != 0): no transport header. */
  fragmented: boolean;
}

/**
 * Per-packet printing state shared by all printers (tcpdump's netdissect_options). Offsets are
 * absolute indexes into `buf`. Reads through u8/u16/u32/need are bounds-checked against `end`
 * and throw TRUNCATED past it.
 */
export class PrintContext {
  /** The bytes of the whole batch (or frame) being printed. */
  buf: Uint8Array = new Uint8Array(0);
  /** Where the current frame starts in buf. */
  frameStart = 0;
  /** End of readable data (absolute); shrunk by pushEnd for inner layers. */
  end = 0;
  /** Set by each printer when it starts: the name in ` [|name]`. */
  protocol = '';
  /** The line being built for the current packet. */
  line = '';
  readonly #ends: number[] = [];

  constructor(readonly o: PrintOptions) {}

  /** Start a new frame: buf[start .. start+capLen). */
  reset(buf: Uint8Array, start: number, capLen: number): void {
    this.buf = buf; this.frameStart = start; this.end = start + capLen;
    this.protocol = ''; this.line = ''; this.#ends.length = 0;
  }

  write(s: string): void { this.line += s; }

  has(at: number, n: number): boolean { return at >= this.frameStart && at + n <= this.end; }
  need(at: number, n: number): void { if (!this.has(at, n)) throw TRUNCATED; }
  u8(at: number): number { this.need(at, 1); return this.buf[at]!; }
  u16(at: number): number { this.need(at, 2); return (this.buf[at]! << 8) | this.buf[at + 1]!; }
  u32(at: number): number {
    this.need(at, 4);
    return ((this.buf[at]! << 24) | (this.buf[at + 1]! << 16) | (this.buf[at + 2]! << 8) | this.buf[at + 3]!) >>> 0;
  }

  /** Limit reads to `end` (e.g. the IP total length) until popEnd (tcpdump's nd_push_snaplen). */
  pushEnd(end: number): void { this.#ends.push(this.end); if (end < this.end) this.end = end; }
  popEnd(): void { const e = this.#ends.pop(); if (e !== undefined) this.end = e; }
  /** Undo every pushEnd (after a truncation unwound the printers). */
  resetEnds(): void { if (this.#ends.length) { this.end = this.#ends[0]!; this.#ends.length = 0; } }
}
