import type { PrintOptions } from './options.js';
import { writeIpv4, writeIpv6, writeMac } from '../../decoders/addr.js';
import { ipv4PseudoSum, ipv6PseudoSum } from '../../decoders/checksum.js';
import { Decoder } from '../../decoders/decoder.js';
import type { Ipv4 } from '../../decoders/ipv4.js';
import type { Ipv6 } from '../../decoders/ipv6.js';
import type { Packet } from '../../decoders/packet.js';
import type { LinkAddresses } from './llc.js';
import { NOT_CAPTURED } from '../../decoders/view.js';
import { TcpSeqTable, type TcpSeqDeferred } from './tcp-seq.js';
import { TextWriter } from './writer.js';
import { safeChar } from './print-char.js';

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
  /** The source address as tcpdump prints it (a string: TCP and UDP write the addresses as bytes instead). */
  get src(): string { return this.version === 4 ? this.v4!.src : this.v6!.src; }
  /** The destination address (the header's, not the pseudo-header's). */
  get dst(): string { return this.version === 4 ? this.v4!.dst : this.v6!.dst; }
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
 * absolute indexes into `buf`. Printers read fields from the decoders' views, never from `buf`:
 * it is here for the writers that copy address bytes into the output and for the -x/-X/-A dumps.
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
   * The next view a printer asks the dispatch (or the IP demux) for is decoded now, up to `end`,
   * rather than taken from the frame's walk: where the walk bounded a layer otherwise than
   * tcpdump's printers are bounded. A UDP length short of the IP payload: tcpdump passes it on as
   * the length, not as the end of what its printers read. An IPv6 payload length of 0 without a
   * jumbo option: tcpdump's printers see nothing past the header. Cleared when that view is decoded.
   */
  viewsToEnd = false;
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
  /**
   * tcpdump's `src` that ethertype_print hands on (GeoNet and CALM FAST print it): the link header's
   * addresses, set by the Ethernet and SNAP printers for the payload at `linkAddressesAt` only (FR,
   * SLL, Geneve… pass none, and neither does anything nested deeper).
   */
  linkAddresses: LinkAddresses | undefined = undefined;
  linkAddressesAt = -1;
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
    this.protocol = ''; this.linkAddressesAt = -1; this.#depth = 0; this.#innerDepth = 0; this.#ipDepth = 0; this.viewsToEnd = false;
    if (this.#ownOut) this.out.len = 0;
    this.#lineStart = this.out.len;
  }

  /**
   * The packet from layer `layer` at absolute offset `off` up to the current end, made current
   * (until leaveInner()): the walk's inner packet where it went on into a tunnel there, else decoded
   * now with a Decoder of this nesting level. For where tcpdump's printers go on past a layer: an
   * encapsulated or quoted packet, or a layer after one the lax walk stopped in.
   */
  enterInner(layer: number, off: number): Packet {
    const p = this.pkt;
    // A tunnel's payload: the packet's own walk went on into it (Packet.inner) over the same bytes.
    const known = p.innerAt(layer, off, this.end);
    if (known !== undefined) { this.#innerDepth++; this.pkt = known; return known; }
    const d = this.#inner[this.#innerDepth] ??= new Decoder({ eager: true });
    this.#innerDepth++;
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
    const w = this.room(15);
    w.len = writeIpv4(w.buf, w.len, this.buf, at);
  }

  /** ip4At for the IPv6 address at `at` (its 16 bytes checked), as tcpdump spells it. */
  ip6At(at: number): void {
    const w = this.room(39);
    w.len = writeIpv6(w.buf, w.len, this.buf, at);
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

  /**
   * The writer, with room for `n` more bytes in its buffer. Every writer here (and the dumps) makes
   * room through this one method rather than testing the buffer itself: its rare branch (the buffer
   * is full: written out, or grown) is then one site, whose type feedback the first full buffer
   * fills early in a run. With a test in each writer, each site stayed without feedback until that
   * writer happened to be the one to meet a full buffer, thousands of packets in, and then every
   * optimised printer that had inlined it was deoptimised and compiled again (the TCP options
   * printer three times in 100k packets of mix).
   */
  room(n: number): TextWriter {
    const w = this.out;
    if (w.len + n > w.buf.length) w.ensure(n);
    return w;
  }

  /** Append latin1 text to the packet's line. */
  write(s: string): void {
    const n = s.length, w = this.room(n);
    if (n < 24) {
      const b = w.buf;
      let p = w.len;
      for (let i = 0; i < n; i++) b[p++] = s.charCodeAt(i);
      w.len = p;
    } else {
      w.len += w.buf.latin1Write(s, w.len, n);
    }
  }

  /**
   * Append the MAC address at absolute offset `at` of the packet's bytes (an address offset a view
   * gave, its bytes checked) as `aa:bb:cc:dd:ee:ff`, without making a string.
   */
  macAt(at: number): void {
    const w = this.room(17);
    w.len = writeMac(w.buf, w.len, this.buf, at);
  }

  /** Append one character code. */
  ch(code: number): void {
    const w = this.room(1);
    w.buf[w.len++] = code;
  }

  /**
   * Append byte `b` as tcpdump's fn_print_char shows it (safeChar): printable ASCII as itself, without
   * making a string (text printed byte by byte, as DNS names are, built a string per character).
   */
  safeCh(b: number): void {
    if (b >= 0x20 && b < 0x7f) this.ch(b);
    else this.write(safeChar(b));
  }

  /** Append a non-negative integer in decimal (below 2**53), without making a string. */
  num(n: number): void {
    const w = this.room(16);
    // Nearly every number printed fits 32 bits (ports, lengths, sequence numbers, timestamps):
    // unsigned 32-bit divisions, which V8 turns into multiplications, two digits per step.
    if (n >= 0 && n <= 0xffffffff) { w.len = writeU32(w.buf, w.len, n >>> 0); return; }
    const b = w.buf;
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
    const w = this.room(96);
    const b = w.buf, bytes = this.buf;
    let p = writeIpv4(b, w.len, bytes, srcAt);
    b[p++] = 46;
    p = writeU32(b, p, sport);
    b[p++] = 32; b[p++] = 62; b[p++] = 32;
    p = writeIpv4(b, p, bytes, dstAt);
    w.len = portColon(b, p, dport);
  }

  /**
   * endpoints4 for IPv6 addresses at `srcAt`/`dstAt` (checked by the IPv6 printer). A body of its
   * own rather than a flag to one shared with IPv4: each compiles only the address writer it uses.
   */
  endpoints6(srcAt: number, sport: number, dstAt: number, dport: number): void {
    const w = this.room(96);
    const b = w.buf, bytes = this.buf;
    let p = writeIpv6(b, w.len, bytes, srcAt);
    b[p++] = 46;
    p = writeU32(b, p, sport);
    b[p++] = 32; b[p++] = 62; b[p++] = 32;
    p = writeIpv6(b, p, bytes, dstAt);
    w.len = portColon(b, p, dport);
  }

  /** Append `n` (0 ≤ n < 2**32) in lower-case hex, zero-padded to `width` digits (printf's %0*x), without making a string. */
  hexPad(n: number, width: number): void {
    let digits = 1;
    for (let t = n >>> 4; t !== 0; t >>>= 4) digits++;
    if (digits < width) digits = width;
    const w = this.room(digits);
    const b = w.buf;
    let p = w.len + digits;
    w.len = p;
    for (let i = 0; i < digits; i++) { const d = n & 15; b[--p] = d < 10 ? 48 + d : 87 + d; n >>>= 4; }
  }

  /** Append `n` (0 <= n < 10**width) in decimal, zero-padded to `width` digits. */
  numPad(n: number, width: number): void {
    const w = this.room(width);
    const b = w.buf;
    let p = w.len + width;
    w.len = p;
    // Integer division while n fits 32 bits (every use: microseconds, nanoseconds, counters).
    if (n < 4294967296) for (let i = 0; i < width; i++) { const q = (n / 10) >>> 0; b[--p] = 48 + (n - q * 10); n = q; }
    else for (let i = 0; i < width; i++) { const q = Math.floor(n / 10); b[--p] = 48 + (n - q * 10); n = q; }
  }

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
  pushEnd(end: number): void {
    const cur = this.end;
    this.#ends[this.#depth++] = cur;
    // A store either way, not one only when the end shrinks (a frame padded past the IP length): the
    // IP printers that inline this were deoptimised by the first padded frame after they were compiled.
    this.end = end < cur ? end : cur;
  }
  popEnd(): void { if (this.#depth > 0) this.end = this.#ends[--this.#depth]!; }
  /** Undo every pushEnd (after a truncation unwound the printers). */
  resetEnds(): void { if (this.#depth > 0) { this.end = this.#ends[0]!; this.#depth = 0; } }
}


/** "00" to "99" as character codes: the two digits of v at 2v and 2v + 1. */
const DIGIT_PAIRS = Uint8Array.from({ length: 200 }, (_, i) => 48 + (i & 1 ? (i >> 1) % 10 : Math.floor((i >> 1) / 10)));

/** `.port: ` at b[p]; returns the position after it. */
function portColon(b: Uint8Array, p: number, port: number): number {
  b[p++] = 46;
  p = writeU32(b, p, port);
  b[p] = 58; b[p + 1] = 32;
  return p + 2;
}

/** Writes `n` (an unsigned 32-bit integer) in decimal at `p`; returns the position after it. */
function writeU32(b: Uint8Array, p: number, n: number): number {
  const end = p + (n < 100000
    ? (n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : n < 10000 ? 4 : 5)
    : (n < 1000000 ? 6 : n < 10000000 ? 7 : n < 100000000 ? 8 : n < 1000000000 ? 9 : 10));
  let i = end;
  while (n >= 100) {
    const q = (n / 100) >>> 0, d = (n - q * 100) << 1;
    b[--i] = DIGIT_PAIRS[d + 1]!; b[--i] = DIGIT_PAIRS[d]!;
    n = q;
  }
  if (n >= 10) { const d = n << 1; b[--i] = DIGIT_PAIRS[d + 1]!; b[--i] = DIGIT_PAIRS[d]!; } else b[--i] = 48 + n;
  return end;
}
