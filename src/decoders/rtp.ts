// RTP and RTCP (RFC 3550; RTP version 1, draft-ietf-avt-rtp-04, as tcpdump still tells it apart).
// Neither has a port of its own: tcpdump prints them under -T rtp / -T rtcp only.
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const RTP = Layer.Rtp, RTCP = Layer.Rtcp;

/** Bytes of an RTP version 1 header's fixed part (the flags word and the timestamp). */
export const RTP_V1_HEADER_LENGTH = 8;
/** Bytes of an RTP version 2 header (without CSRCs and extension). */
export const RTP_HEADER_LENGTH = 12;
/** Bytes of an RTCP packet's common header (flags, length, SSRC). */
export const RTCP_HEADER_LENGTH = 8;
/** Bytes of an RTCP sender report's sender information. */
export const RTCP_SENDER_INFO_LENGTH = 20;
/** Bytes of one RTCP report block. */
export const RTCP_REPORT_BLOCK_LENGTH = 24;

/** An RTP packet. Checked getters; `word(i)` reads the header's 32-bit words for walking v1 options and v2 extensions. */
export class Rtp extends LayerView {
  readonly layer = RTP;

  decode(c: Cursor): number {
    const o = c.off, have = c.end - o;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (have < RTP_V1_HEADER_LENGTH) return c.short(RTP, o, RTP_V1_HEADER_LENGTH);
    const need = c.buf[o]! >> 6 === 1 ? RTP_V1_HEADER_LENGTH : RTP_HEADER_LENGTH;
    if (have < need) return c.short(RTP, o, need);
    this.headerLength = need;
    c.mark(RTP);
    c.off = o + need;
    return 0;
  }

  /** The 32-bit word `i` of the packet (0: flags, payload type, sequence; 1: timestamp; 2: SSRC in v2). */
  word(i: number): number { const o = this.off + 4 * i; if (o + 4 > this.end || i < 0) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  /** 1 (draft) or 2 (RFC 3550). */
  get version(): number { return this.word(0) >>> 30; }
  /** Version 1: options follow the header. */
  get hasOptions(): boolean { return this.version === 1 && (this.word(0) & 0x800000) !== 0; }
  /** Version 2: a header extension follows the CSRCs. */
  get hasExtension(): boolean { return this.version !== 1 && (this.word(0) & 0x10000000) !== 0; }
  /** Payload (content) type: 6 bits in version 1, 7 in version 2. */
  get payloadType(): number { const w = this.word(0); return w >>> 30 === 1 ? (w >> 16) & 0x3f : (w >> 16) & 0x7f; }
  get marker(): boolean { const w = this.word(0); return (w & (w >>> 30 === 1 ? 0x400000 : 0x800000)) !== 0; }
  get sequence(): number { return this.word(0) & 0xffff; }
  get timestamp(): number { return this.word(1); }
  /** Version 2: the synchronization source. */
  get ssrc(): number { return this.word(2); }

  toJSON(): object {
    return {
      offset: this.offset, length: this.length, version: this.version, payloadType: this.payloadType, marker: this.marker,
      sequence: this.sequence, timestamp: this.timestamp, ...(this.version !== 1 ? { ssrc: this.ssrc, extension: this.hasExtension } : { options: this.hasOptions }),
    };
  }
}

/** One packet of an RTCP compound packet: the printer points it at each in turn. */
export class RtcpPacket extends FieldView {
  /** The flags byte pair: version, padding, count (bits 8-12) and packet type (low byte). */
  get flags(): number { const o = this.off; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  /** 200 SR, 201 RR, 202 SDES, 203 BYE, 204 APP. */
  get packetType(): number { return this.flags & 0xff; }
  /** Report (or source) count. */
  get count(): number { return (this.flags >> 8) & 0x1f; }
  /** The packet's length in bytes, from its length field (32-bit words less one). */
  get byteLength(): number { const o = this.off; if (o + 4 > this.end) throw NOT_CAPTURED; return (u16(this.cursor.buf, o + 2) + 1) * 4; }
  get ssrc(): number { return this.u32At(4); }
  /** Sender reports: NTP timestamp (seconds, fraction), RTP timestamp, packets and octets sent. */
  get ntpSeconds(): number { return this.u32At(8); }
  get ntpFraction(): number { return this.u32At(12); }
  get rtpTimestamp(): number { return this.u32At(16); }
  get packetsSent(): number { return this.u32At(20); }
  get octetsSent(): number { return this.u32At(24); }
  /** Where report block `i` starts, from the packet's first byte (after the sender information in a sender report). */
  blockStart(i: number): number { return RTCP_HEADER_LENGTH + (this.packetType === 200 ? RTCP_SENDER_INFO_LENGTH : 0) + RTCP_REPORT_BLOCK_LENGTH * i; }
  /** Report block `i`: source, cumulative packets lost (24 bits), extended highest sequence, jitter, last SR, delay since last SR. */
  blockSource(i: number): number { return this.u32At(this.blockStart(i)); }
  blockLost(i: number): number { return this.u32At(this.blockStart(i) + 4) & 0xffffff; }
  blockHighestSequence(i: number): number { return this.u32At(this.blockStart(i) + 8); }
  blockJitter(i: number): number { return this.u32At(this.blockStart(i) + 12); }
  blockLastSr(i: number): number { return this.u32At(this.blockStart(i) + 16); }
  blockDelaySinceLastSr(i: number): number { return this.u32At(this.blockStart(i) + 20); }
  private u32At(n: number): number { const o = this.off + n; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
}

/** An RTCP compound packet: the first packet's header here; `packet` walks them all. */
export class Rtcp extends LayerView {
  readonly layer = RTCP;
  /** A packet of the compound, pointed by whoever walks them (reused). */
  readonly packet: RtcpPacket;

  constructor(c: Cursor) { super(c); this.packet = new RtcpPacket(c); }

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < RTCP_HEADER_LENGTH) return c.short(RTCP, o, RTCP_HEADER_LENGTH);
    this.headerLength = RTCP_HEADER_LENGTH;
    c.mark(RTCP);
    c.off = o + RTCP_HEADER_LENGTH;
    return 0;
  }

  /** The packets of the compound as type, count, length and SSRC (a copy), up to the first that runs past the end. */
  get packets(): { packetType: number; count: number; length: number; ssrc: number }[] {
    const out: { packetType: number; count: number; length: number; ssrc: number }[] = [];
    const p = this.packet;
    for (let at = this.off; at + RTCP_HEADER_LENGTH <= this.end;) {
      p.point(at, this.end);
      out.push({ packetType: p.packetType, count: p.count, length: p.byteLength, ssrc: p.ssrc });
      at += p.byteLength;
    }
    return out;
  }

  toJSON(): object { return { offset: this.offset, length: this.length, packets: this.packets }; }
}
