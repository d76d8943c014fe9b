// PTP, the Precision Time Protocol (IEEE 1588-2008), over UDP 319/320 or EtherType 0x88F7: a
// 34-byte common header (version, type, length, domain, flags, correction, source port identity,
// sequence id, control, log interval) and a body by message type (timestamps, port identities,
// announce fields).
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const PTP = Layer.Ptp;

/** Bytes of the common header. */
export const PTP_HEADER_LENGTH = 34;

/** Message types (version 2). */
export const PtpType = {
  Sync: 0x0, DelayReq: 0x1, PdelayReq: 0x2, PdelayResp: 0x3, FollowUp: 0x8, DelayResp: 0x9, PdelayRespFollowUp: 0xa,
  Announce: 0xb, Signalling: 0xc, Management: 0xd,
} as const;

/** A PTP message: checked getters for the header; body fields by their offset from the message's start. */
export class Ptp extends LayerView {
  readonly layer = PTP;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < PTP_HEADER_LENGTH) return c.short(PTP, o, PTP_HEADER_LENGTH);
    this.headerLength = PTP_HEADER_LENGTH;
    c.mark(PTP);
    c.off = o + PTP_HEADER_LENGTH;
    return 0;
  }

  /** 8/16/32-bit value at byte `i` of the message, checked. */
  u8(i: number): number { return this.byte(i); }
  word16(i: number): number { const o = this.off + i; if (o + 2 > this.end || i < 0) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  word32(i: number): number { const o = this.off + i; if (o + 4 > this.end || i < 0) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  /** 48-bit value at byte `i` (seconds, corrections). */
  word48(i: number): number { const o = this.off + i; if (o + 6 > this.end || i < 0) throw NOT_CAPTURED; return u16(this.cursor.buf, o) * 0x100000000 + u32(this.cursor.buf, o + 2); }
  /** 64-bit value at byte `i` (clock and port identities). */
  word64(i: number): bigint { return (BigInt(this.word32(i)) << 32n) | BigInt(this.word32(i + 4)); }

  /** PTP version (low byte of the first 16 bits). */
  get version(): number { return this.word16(0) & 0xff; }
  get messageType(): number { return this.u8(0) & 0x0f; }
  /** The transport-specific bit tcpdump calls "v1 compat". */
  get v1Compat(): boolean { return (this.u8(0) & 0x10) !== 0; }
  get messageLength(): number { return this.word16(2); }
  get domain(): number { return this.word16(4) >> 8; }
  get reserved1(): number { return this.word16(4) & 0xff; }
  get flags(): number { return this.word16(6); }
  /** Correction field: nanoseconds (48 bits) and sub-nanoseconds (16 bits). */
  get correctionNs(): number { return this.word48(8); }
  get correctionSubNs(): number { return this.word16(14); }
  get reserved2(): number { return this.word32(16); }
  get clockIdentity(): bigint { return this.word64(20); }
  get portId(): number { return this.word16(28); }
  get sequenceId(): number { return this.word16(30); }
  get control(): number { return this.u8(32); }
  get logMessageInterval(): number { return this.word16(32) & 0xff; }

  toJSON(): object {
    return {
      offset: this.offset, length: this.length, version: this.version, messageType: this.messageType, messageLength: this.messageLength,
      domain: this.domain, flags: this.flags, correctionNs: this.correctionNs, clockIdentity: `0x${this.clockIdentity.toString(16)}`,
      portId: this.portId, sequenceId: this.sequenceId, control: this.control, logMessageInterval: this.logMessageInterval,
    };
  }
}
