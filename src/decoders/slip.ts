// SLIP as BPF captures it (LINKTYPE_SLIP, 8): a 16-byte pseudo-header — the direction, then the
// first bytes of the frame as it was on the line, which for Van Jacobson compressed TCP/IP
// (RFC 1144) is the compressed header — before the IP packet, uncompressed.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const IPV4 = Layer.Ipv4, IPV6 = Layer.Ipv6, SLIP = Layer.Slip;

/** Bytes of the BPF SLIP header. */
export const SLIP_HEADER_LENGTH = 16;
/** Bytes of the IPv4 and the TCP header without options (tcpdump's ND_TCHECK_SIZE of each). */
export const SLIP_IP_MIN = 20;
export const SLIP_TCP_MIN = 20;

/** What the line's first byte says (slcompress.h): the high nibble of `compression`. */
export const enum SlipType { Ip = 0x40, UncompressedTcp = 0x70, CompressedTcp = 0x80 }
/** Flags of a compressed TCP header: which fields changed (RFC 1144 §3.2.2). */
export const enum SlipChange { U = 0x01, W = 0x02, A = 0x04, S = 0x08, I = 0x20, C = 0x40, Specials = 0x0f, SpecialI = 0x0b, SpecialD = 0x0f }

/** The SLIP header: direction and the line's compression byte; IPv4 or IPv6 follows by its version. */
export class Slip extends LayerView {
  readonly layer = SLIP;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < SLIP_HEADER_LENGTH) return c.short(SLIP, o, SLIP_HEADER_LENGTH);
    this.headerLength = SLIP_HEADER_LENGTH;
    c.mark(SLIP);
    c.off = o + SLIP_HEADER_LENGTH;
    if (c.off >= c.end) return 0;
    const v = c.buf[c.off]! >> 4;
    return v === 4 ? IPV4 : v === 6 ? IPV6 : c.invalid(SLIP, c.off, `IP version ${v} is neither 4 nor 6`);
  }

  /** 0 received, 1 sent (anything else is invalid). */
  get direction(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** The line's first byte: its high nibble is the frame type (SlipType), the flags of a compressed header below it. */
  get compression(): number { const o = this.off + 1; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** Uncompressed TCP: the connection number, carried in the protocol field of the header's IP copy. */
  get connection(): number { const o = this.off + 10; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** The version nibble of the packet after the header. */
  get ipVersion(): number { const o = this.off + SLIP_HEADER_LENGTH; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]! >> 4; }
  /** The IPv4 header length in 32-bit words (of the packet after the header). */
  get ipHeaderWords(): number { const o = this.off + SLIP_HEADER_LENGTH; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]! & 15; }
  /** The TCP data offset (words) of the segment after an IP header of `ipWords` words. */
  tcpDataOffset(ipWords: number): number {
    const o = this.off + SLIP_HEADER_LENGTH + ipWords * 4 + 12;
    if (o >= this.end) throw NOT_CAPTURED;
    return this.cursor.buf[o]! >> 4;
  }
  /**
   * A field of the compressed header at byte `i` of the header (1 is the flags): one byte, or 0
   * and then two bytes (RFC 1144's encoding of values of 256 and up). `signed` reads the two
   * bytes as a signed number (the window's change). The printer moves on by `changeSize(i)`.
   */
  change(i: number, signed = false): number {
    const b = this.cursor.buf, o = this.off + i;
    if (o >= this.end) throw NOT_CAPTURED;
    if (b[o] !== 0) return b[o]!;
    if (o + 3 > this.end) throw NOT_CAPTURED;
    const v = (b[o + 1]! << 8) | b[o + 2]!;
    return signed && v > 0x7fff ? v - 0x10000 : v;
  }
  /**
   * How far tcpdump's walk moves past the field at `i`: 3 for a 0 and two bytes, and 0 — not 1 —
   * for a one-byte change (print_sl_change returns its cursor unmoved then, so the next change
   * reads the same byte; kept, since tcpdump's output is the reference).
   */
  changeSize(i: number): number { return this.byte(i) === 0 ? 3 : 0; }

  toJSON(): object { return { offset: this.offset, length: this.length, direction: this.direction, compression: this.compression }; }
}
