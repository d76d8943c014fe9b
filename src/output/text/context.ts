import type { PrintOptions } from './options.js';
import { ipv4ToString, ipv6ToString, macToString } from '../../decoders/addr.js';
import { TcpSeqTable } from './tcp-seq.js';
import { TextWriter } from './writer.js';

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
  /**
   * Where the text goes, byte by byte: the CLI's TextWriter itself (lines go straight into its
   * output buffer), or a scratch buffer of this context's own, emptied by every reset().
   */
  readonly out: TextWriter;
  readonly #ownOut: boolean;
  /** Where the current packet's text starts in out.buf (scratch mode). */
  #lineStart = 0;
  /**
   * TCP conversations seen so far, for relative sequence numbers (unless -S), keyed by the
   * addresses and ports in a fixed order so both directions share one entry: IPv4 (3 words)
   * and IPv6 (9 words).
   */
  readonly tcpSeq4 = new TcpSeqTable(3);
  readonly tcpSeq6 = new TcpSeqTable(9);
  /** Saved ends of pushEnd, #depth deep (the array keeps its slots: no resizing per packet). */
  readonly #ends: number[] = [];
  #depth = 0;

  constructor(readonly o: PrintOptions, out?: TextWriter) {
    this.#ownOut = out === undefined;
    this.out = out ?? new TextWriter(-1, false, 4096);
  }

  /** Start a new frame: buf[start .. start+capLen). */
  reset(buf: Uint8Array, start: number, capLen: number, wireLen = capLen): void {
    this.buf = buf; this.frameStart = start; this.end = start + capLen; this.wireLen = wireLen;
    this.protocol = ''; this.#depth = 0;
    if (this.#ownOut) this.out.len = 0;
    this.#lineStart = this.out.len;
  }

  /**
   * The text of the current packet so far (scratch mode; with the CLI's writer a long line may
   * already have been written out in part). Setting it replaces that text.
   */
  get line(): string { return this.out.buf.latin1Slice(this.#lineStart, this.out.len); }
  set line(s: string) { this.out.len = this.#lineStart; this.write(s); }

  /** Append latin1 text to the packet's line. */
  write(s: string): void {
    const w = this.out, n = s.length;
    if (w.len + n > w.buf.length) w.ensure(n);
    if (n < 24) {
      const b = w.buf;
      let p = w.len;
      for (let i = 0; i < n; i++) b[p++] = s.charCodeAt(i);
      w.len = p;
    } else {
      w.len += w.buf.latin1Write(s, w.len, n);
    }
  }

  /** Append one character code. */
  ch(code: number): void {
    const w = this.out;
    if (w.len + 1 > w.buf.length) w.ensure(1);
    w.buf[w.len++] = code;
  }

  /** Append a non-negative integer in decimal (below 2**53), without making a string. */
  num(n: number): void {
    const w = this.out;
    if (w.len + 16 > w.buf.length) w.ensure(16);
    const b = w.buf;
    let p = w.len;
    if (n < 10) { b[p] = 48 + n; w.len = p + 1; return; }
    if (n < 4294967296) {
      // The common case (ports, lengths, 32-bit sequence numbers): integer division only.
      const digits = n < 100 ? 2 : n < 1000 ? 3 : n < 10000 ? 4 : n < 100000 ? 5 : n < 1000000 ? 6
        : n < 10000000 ? 7 : n < 100000000 ? 8 : n < 1000000000 ? 9 : 10;
      p += digits;
      w.len = p;
      while (n >= 10) { const q = (n / 10) >>> 0; b[--p] = 48 + (n - q * 10); n = q; }
      b[--p] = 48 + n;
      return;
    }
    let digits = 1;
    for (let t = n; t >= 10; t = Math.floor(t / 10)) digits++;
    p += digits;
    w.len = p;
    while (n >= 10) { const q = Math.floor(n / 10); b[--p] = 48 + (n - q * 10); n = q; }
    b[--p] = 48 + n;
  }

  /** Append `n` (0 <= n < 10**width) in decimal, zero-padded to `width` digits. */
  numPad(n: number, width: number): void {
    const w = this.out;
    if (w.len + width > w.buf.length) w.ensure(width);
    const b = w.buf;
    let p = w.len + width;
    w.len = p;
    for (let i = 0; i < width; i++) { const q = Math.floor(n / 10); b[--p] = 48 + (n - q * 10); n = q; }
  }

  /** Append the dotted quad at `at` (bounds-checked), without making a string. */
  ip4w(at: number): void {
    this.need(at, 4);
    this.ip4raw(at);
  }

  /** ip4w for bytes a printer has already checked (the IPv4 header's addresses). */
  ip4raw(at: number): void {
    const w = this.out;
    if (w.len + 15 > w.buf.length) w.ensure(15);
    const b = w.buf, src = this.buf;
    let p = w.len;
    for (let i = 0; i < 4; i++) {
      if (i !== 0) b[p++] = 46;
      const v = src[at + i]!;
      if (v >= 100) { const h = (v / 100) | 0; b[p++] = 48 + h; const t = ((v - h * 100) / 10) | 0; b[p++] = 48 + t; b[p++] = 48 + (v % 10); }
      else if (v >= 10) { const t = (v / 10) | 0; b[p++] = 48 + t; b[p++] = 48 + (v - t * 10); }
      else b[p++] = 48 + v;
    }
    w.len = p;
  }

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
  truncMark(): void { this.write(' [|'); this.write(this.protocol); this.ch(93); }

  /** tcpdump's nd_print_invalid: fields contradict each other, the printer returns normally. */
  invalid(): void { this.write(' (invalid)'); }

  /** Limit reads to `end` (e.g. the IP total length) until popEnd (tcpdump's nd_push_snaplen). */
  pushEnd(end: number): void { this.#ends[this.#depth++] = this.end; if (end < this.end) this.end = end; }
  popEnd(): void { if (this.#depth > 0) this.end = this.#ends[--this.#depth]!; }
  /** Undo every pushEnd (after a truncation unwound the printers). */
  resetEnds(): void { if (this.#depth > 0) { this.end = this.#ends[0]!; this.#depth = 0; } }
}
