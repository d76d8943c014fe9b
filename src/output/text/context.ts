import type { PrintOptions } from './options.js';
import { ipv4ToString, ipv6ToString, macToString } from '../../decoders/addr.js';
import { TcpSeqTable } from './tcp-seq.js';

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
  /** Length of the frame on the wire (pcap's len). */
  wireLen = 0;
  /** Set by each printer when it starts: the name in ` [|name]`. */
  protocol = '';
  /** The line being built for the current packet. */
  line = '';
  /**
   * TCP conversations seen so far, for relative sequence numbers (unless -S), keyed by the
   * addresses and ports in a fixed order so both directions share one entry: IPv4 (3 words)
   * and IPv6 (9 words).
   */
  readonly tcpSeq4 = new TcpSeqTable(3);
  readonly tcpSeq6 = new TcpSeqTable(9);
  readonly #ends: number[] = [];

  constructor(readonly o: PrintOptions) {}

  /** Start a new frame: buf[start .. start+capLen). */
  reset(buf: Uint8Array, start: number, capLen: number, wireLen = capLen): void {
    this.buf = buf; this.frameStart = start; this.end = start + capLen; this.wireLen = wireLen;
    this.protocol = ''; this.line = ''; this.#ends.length = 0;
  }

  write(s: string): void { this.line += s; }

  has(at: number, n: number): boolean { return at >= this.frameStart && at + n <= this.end; }
  need(at: number, n: number): void { if (!this.has(at, n)) throw TRUNCATED; }
  u8(at: number): number { this.need(at, 1); return this.buf[at]!; }
  u16(at: number): number { this.need(at, 2); return (this.buf[at]! << 8) | this.buf[at + 1]!; }
  u24(at: number): number { this.need(at, 3); return (this.buf[at]! << 16) | (this.buf[at + 1]! << 8) | this.buf[at + 2]!; }
  u32(at: number): number {
    this.need(at, 4);
    return ((this.buf[at]! << 24) | (this.buf[at + 1]! << 16) | (this.buf[at + 2]! << 8) | this.buf[at + 3]!) >>> 0;
  }
  /** Little-endian reads (NULL/LOOP headers and Linux cooked fields written in host order). */
  u16le(at: number): number { this.need(at, 2); return this.buf[at]! | (this.buf[at + 1]! << 8); }
  u32le(at: number): number {
    this.need(at, 4);
    return (this.buf[at]! | (this.buf[at + 1]! << 8) | (this.buf[at + 2]! << 16) | (this.buf[at + 3]! << 24)) >>> 0;
  }

  /** Dotted quad at `at`, bounds-checked. */
  ip4(at: number): string { this.need(at, 4); return ipv4ToString(this.buf, at); }
  /** IPv6 text at `at`, bounds-checked. */
  ip6(at: number): string { this.need(at, 16); return ipv6ToString(this.buf, at); }
  /** aa:bb:cc:dd:ee:ff at `at`, bounds-checked. */
  mac(at: number): string { this.need(at, 6); return macToString(this.buf, at); }

  /** Bytes readable from `at` to the current end (0 when past it). */
  avail(at: number): number { return at < this.end ? this.end - at : 0; }

  /**
   * A truncation the printer reports itself and then returns from (tcpdump's ND_TCHECK → `goto trunc`),
   * unlike a read past the end, which unwinds to the packet printer (GET_* → longjmp). The difference
   * shows in -x/-X/-A: after this one the dump still skips the link header.
   */
  truncMark(): void { this.line += ` [|${this.protocol}]`; }

  /** tcpdump's nd_print_invalid: fields contradict each other, the printer returns normally. */
  invalid(): void { this.line += ' (invalid)'; }

  /** Limit reads to `end` (e.g. the IP total length) until popEnd (tcpdump's nd_push_snaplen). */
  pushEnd(end: number): void { this.#ends.push(this.end); if (end < this.end) this.end = end; }
  popEnd(): void { const e = this.#ends.pop(); if (e !== undefined) this.end = e; }
  /** Undo every pushEnd (after a truncation unwound the printers). */
  resetEnds(): void { if (this.#ends.length) { this.end = this.#ends[0]!; this.#ends.length = 0; } }
}
