import type { PrintOptions } from './options.js';
import { ipv4ToString, ipv6ToString, macToString, writeIpv4 } from '../../decoders/addr.js';
import { ipv4PseudoSum, ipv6PseudoSum } from '../../decoders/checksum.js';
import { Decoder } from '../../decoders/decoder.js';
import type { Ipv4 } from '../../decoders/ipv4.js';
import type { Ipv6 } from '../../decoders/ipv6.js';
import type { Packet } from '../../decoders/packet.js';
import { NOT_CAPTURED } from '../../decoders/view.js';
import { TcpSeqTable, type TcpSeqDeferred } from './tcp-seq.js';
import { TextWriter } from './writer.js';

/**
 * Thrown (without a stack) when a printer reads past the readable end — a view's checked getter
 * (NOT_CAPTURED: the same object) or a compatibility read below; caught only in the packet
 * printer, which then appends ` [|<protocol>]` (tcpdump's nd_trunc_longjmp).
 */
export const TRUNCATED: { readonly notCaptured: true } = NOT_CAPTURED;

/**
 * What a transport printer needs from the IP header above it (tcpdump passes bp2): the IP view,
 * and what the IP printer worked out. One object per nesting level, reused from packet to packet.
 */
export class IpInfo {
  version: 4 | 6 = 4;
  /** The IPv4 header (when version is 4). */
  v4: Ipv4 | undefined = undefined;
  /** The IPv6 header (when version is 6). */
  v6: Ipv6 | undefined = undefined;
  /** Absolute offset of the source address in the bytes. */
  srcOff = 0;
  #dstOff = 0;
  /**
   * Absolute offset of the destination the pseudo-header uses (a source route's or routing header's
   * final one). IPv4 sets -1: worked out from the options when first asked for (checksums, -v).
   */
  get dstOff(): number { if (this.#dstOff < 0) this.#dstOff = this.v4!.finalDestinationOffset; return this.#dstOff; }
  set dstOff(off: number) { this.#dstOff = off; }
  /** Upper-layer length as the IP header states it (for the pseudo-header checksum). */
  length = 0;
  /** True when the IPv4 datagram is a fragment (MF or a non-zero offset; IPv6: a fragment header). */
  fragmented = false;
  /** IPv6 address texts, when the IPv6 printer already made them ('' otherwise). */
  src6 = '';
  dst6 = '';
  /** The source address as tcpdump prints it. */
  get src(): string { return this.version === 4 ? this.v4!.src : this.src6 !== '' ? this.src6 : this.v6!.src; }
  /** The destination address (the header's, not the pseudo-header's). */
  get dst(): string { return this.version === 4 ? this.v4!.dst : this.dst6 !== '' ? this.dst6 : this.v6!.dst; }
  /** The IP header's protocol field (IPv4) or first next-header field (IPv6). */
  headerProtocol = 0;
  /** Unfolded sum of the pseudo-header for upper-layer protocol `proto` and `length` bytes. */
  pseudoSum(proto: number, length: number): number {
    return this.version === 4
      ? ipv4PseudoSum(this.v4!.cursor.buf, this.srcOff, this.dstOff, proto, length)
      : ipv6PseudoSum(this.v6!.cursor.buf, this.srcOff, this.dstOff, proto, length);
  }
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
  /** The TCP or UDP ports of the segment whose payload is being printed (set before the application printer runs). */
  srcPort = 0;
  dstPort = 0;
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
  /**
   * Set on a worker thread of parallel printing: the TCP printer records its table lookups and
   * leaves the relative numbers for the thread that writes the batches in order (tcp-seq.ts).
   */
  tcpSeqDeferred: TcpSeqDeferred | undefined = undefined;
  /** Saved ends of pushEnd, #depth deep (the array keeps its slots: no resizing per packet). */
  readonly #ends: number[] = [];
  #depth = 0;
  /**
   * The packet whose views the printers read: the frame's, or the inner one decodeAt() made where
   * tcpdump's printers go further than the decoder's walk (a tunnel, a quoted packet).
   */
  pkt!: Packet;
  /** The IP header the next transport printer belongs to (set by the IP printers before they dispatch). */
  ip: IpInfo = new IpInfo();
  /** One Decoder per nesting level for decodeAt(), created as deep as packets nest. */
  readonly #inner: Decoder[] = [];
  #innerDepth = 0;
  /** One IpInfo per IP nesting level (IP in IP, ICMP's quoted packets). */
  readonly #ipInfos: IpInfo[] = [];
  #ipDepth = 0;

  constructor(readonly o: PrintOptions, out?: TextWriter) {
    this.#ownOut = out === undefined;
    this.out = out ?? new TextWriter(-1, false, 4096);
  }

  /** Start a new frame: the decoded packet `pkt`, `wireLen` bytes on the wire. */
  reset(pkt: Packet, wireLen = pkt.capLen): void {
    this.pkt = pkt;
    this.buf = pkt.buf; this.frameStart = pkt.base; this.end = pkt.capEnd; this.wireLen = wireLen;
    this.protocol = ''; this.#depth = 0; this.#innerDepth = 0; this.#ipDepth = 0;
    if (this.#ownOut) this.out.len = 0;
    this.#lineStart = this.out.len;
  }

  /**
   * Decode from layer `layer` at absolute offset `off` up to the current end, with a Decoder of
   * this nesting level, and make that packet current (until leaveInner()). For where tcpdump's
   * printers go on and the frame's walk did not: an encapsulated or quoted packet, or a layer after
   * one the lax walk stopped in.
   */
  enterInner(layer: number, off: number): Packet {
    const d = this.#inner[this.#innerDepth] ??= new Decoder();
    this.#innerDepth++;
    const p = this.pkt;
    this.pkt = d.decodeFrom(layer, p.buf, p.linkType, p.base, off, this.end);
    return this.pkt;
  }

  /** Back to the packet that was current before enterInner(). */
  leaveInner(outer: Packet): void { this.pkt = outer; this.#innerDepth--; }

  /** An IpInfo for the IP header being printed (one per nesting level); popIp() when its payload is done. */
  pushIp(): IpInfo {
    let info = this.#ipInfos[this.#ipDepth];
    if (info === undefined) { info = new IpInfo(); this.#ipInfos[this.#ipDepth] = info; }
    this.#ipDepth++;
    return info;
  }
  popIp(): void { this.#ipDepth--; }

  /**
   * Append the dotted quad at absolute offset `at` of the packet's bytes (an address offset a view
   * gave, its bytes checked), without making a string.
   */
  ip4At(at: number): void {
    const w = this.out;
    if (w.len + 15 > w.buf.length) w.ensure(15);
    w.len = writeIpv4(w.buf, w.len, this.buf, at);
  }

  /**
   * The text of the current packet so far (scratch mode; with the CLI's writer a long line may
   * already have been written out in part). Setting it replaces that text.
   */
  get line(): string { return this.out.buf.latin1Slice(this.#lineStart, this.out.len); }
  set line(s: string) {
    this.out.len = this.#lineStart;
    this.tcpSeqDeferred?.truncate(this.#lineStart);
    this.write(s);
  }

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
    if (n < 100000) { w.len = writeSmall(b, w.len, n); return; }
    if (n < 10000000000) {
      // Sequence numbers and the like: two halves of at most 5 digits each, so every division is
      // a small integer's (a multiply to V8) rather than a double's.
      const hi = Math.floor(n / 100000), lo = n - hi * 100000;
      w.len = writeFive(b, writeSmall(b, w.len, hi), lo);
      return;
    }
    let p = w.len, digits = 1;
    for (let t = n; t >= 10; t = Math.floor(t / 10)) digits++;
    p += digits;
    w.len = p;
    while (n >= 10) { const q = Math.floor(n / 10); b[--p] = 48 + (n - q * 10); n = q; }
    b[--p] = 48 + n;
  }

  /**
   * `a.b.c.d.sport > e.f.g.h.dport: ` for IPv4 addresses at absolute offsets `srcAt`/`dstAt` of the
   * packet's bytes (checked by the IP printer), in one pass: the line of every TCP and UDP packet.
   */
  endpoints4(srcAt: number, sport: number, dstAt: number, dport: number): void {
    const w = this.out;
    if (w.len + 48 > w.buf.length) w.ensure(48);
    const b = w.buf, bytes = this.buf;
    let p = writeIpv4(b, w.len, bytes, srcAt);
    b[p++] = 46;
    p = writeSmall(b, p, sport);
    b[p++] = 32; b[p++] = 62; b[p++] = 32;
    p = writeIpv4(b, p, bytes, dstAt);
    b[p++] = 46;
    p = writeSmall(b, p, dport);
    b[p++] = 58; b[p++] = 32;
    w.len = p;
  }

  /** Append `n` (0 <= n < 10**width) in decimal, zero-padded to `width` digits. */
  numPad(n: number, width: number): void {
    const w = this.out;
    if (w.len + width > w.buf.length) w.ensure(width);
    const b = w.buf;
    let p = w.len + width;
    w.len = p;
    // Integer division while n fits 32 bits (every use: microseconds, nanoseconds, counters).
    if (n < 4294967296) for (let i = 0; i < width; i++) { const q = (n / 10) >>> 0; b[--p] = 48 + (n - q * 10); n = q; }
    else for (let i = 0; i < width; i++) { const q = Math.floor(n / 10); b[--p] = 48 + (n - q * 10); n = q; }
  }

  /** Append the dotted quad at `at` (bounds-checked), without making a string. */
  ip4w(at: number): void {
    this.need(at, 4);
    this.ip4raw(at);
  }

  /** ip4w for bytes a printer has already checked. */
  ip4raw(at: number): void { this.ip4At(at); }

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


/** Writes `n` (0 ≤ n < 100000) in decimal at `p`; returns the position after it. */
function writeSmall(b: Uint8Array, p: number, n: number): number {
  const end = p + (n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : n < 10000 ? 4 : 5);
  let i = end;
  do { const q = (n / 10) | 0; b[--i] = 48 + (n - q * 10); n = q; } while (n !== 0);
  return end;
}

/** Writes `n` (0 ≤ n < 100000) as exactly five digits at `p`; returns the position after them. */
function writeFive(b: Uint8Array, p: number, n: number): number {
  for (let i = p + 4; i >= p; i--) { const q = (n / 10) | 0; b[i] = 48 + (n - q * 10); n = q; }
  return p + 5;
}
