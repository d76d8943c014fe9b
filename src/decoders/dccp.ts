// DCCP, the Datagram Congestion Control Protocol (RFC 4340), IP protocol 33: a generic header of 12
// bytes (24-bit sequence numbers) or 16 (X bit: 48-bit), then by type an acknowledgement number,
// service code or reset code, then options up to the data offset.
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const DCCP = Layer.Dccp;

/** Bytes of the generic header with short (24-bit) sequence numbers. */
export const DCCP_HEADER_LENGTH = 12;
/** Bytes of the generic header with extended (48-bit) sequence numbers. */
export const DCCP_EXT_HEADER_LENGTH = 16;

/** Packet types. */
export const DccpType = {
  Request: 0, Response: 1, Data: 2, Ack: 3, DataAck: 4, CloseReq: 5, Close: 6, Reset: 7, Sync: 8, SyncAck: 9,
} as const;

/**
 * A DCCP packet. Checked getters for the generic header and the type's fields; options are read by
 * index from the packet's first byte (`byte`, `word16`, `word32`).
 */
export class Dccp extends LayerView {
  readonly layer = DCCP;

  decode(c: Cursor): number {
    const o = c.off, have = c.end - o;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (have < DCCP_HEADER_LENGTH) return c.short(DCCP, o, DCCP_HEADER_LENGTH);
    const generic = c.buf[o + 8]! & 1 ? DCCP_EXT_HEADER_LENGTH : DCCP_HEADER_LENGTH;
    if (have < generic) return c.short(DCCP, o, generic);
    const hlen = c.buf[o + 4]! * 4;
    if (hlen < generic) return c.invalid(DCCP, o, `data offset ${hlen} < ${generic}`);
    if (have < hlen) return c.short(DCCP, o, hlen);
    this.headerLength = hlen;
    c.mark(DCCP);
    c.off = o + hlen;
    return 0;
  }

  get srcPort(): number { return this.word16(0); }
  get dstPort(): number { return this.word16(2); }
  /** The header's length in bytes (data offset × 4), options included. */
  get dataOffset(): number { return this.byte(4) * 4; }
  /** CCVal, for the congestion control mechanism. */
  get ccval(): number { return this.byte(5) >> 4; }
  /** Checksum coverage: 0 the whole packet, else the header and cscov − 1 words of data. */
  get cscov(): number { return this.byte(5) & 0xf; }
  get checksum(): number { return this.word16(6); }
  /** Packet type (see DccpType). */
  get type(): number { return (this.byte(8) >> 1) & 0xf; }
  /** True with 48-bit sequence numbers. */
  get extended(): boolean { return (this.byte(8) & 1) !== 0; }
  /** Bytes of the generic header (12 or 16). */
  get genericLength(): number { return this.extended ? DCCP_EXT_HEADER_LENGTH : DCCP_HEADER_LENGTH; }
  /** Sequence number (24 or 48 bits). */
  get sequence(): number { return this.extended ? this.word48(10) : this.word24(9); }
  /** Acknowledgement number, after the generic header (every type but Request and Data). */
  get ackNumber(): number | undefined {
    const t = this.type;
    if (t === 0 || t === 2) return undefined;
    const g = this.genericLength;
    return this.extended ? this.word48(g + 2) : this.word24(g + 1);
  }
  /** Request and Response: the service code. */
  get serviceCode(): number | undefined { const t = this.type; return t === 0 ? this.word32(this.genericLength) : t === 1 ? this.word32(this.genericLength + 8) : undefined; }
  /** Reset: the reset code (1 closed, 2 aborted, 3 no connection…). */
  get resetCode(): number | undefined { return this.type === 7 ? this.byte(this.genericLength + 8) : undefined; }
  /** 16/32-bit value at byte `i` of the packet, checked (options). */
  word16(i: number): number { const o = this.off + i; if (o + 2 > this.end || i < 0) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  word32(i: number): number { const o = this.off + i; if (o + 4 > this.end || i < 0) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  private word24(i: number): number { const o = this.off + i; if (o + 3 > this.end) throw NOT_CAPTURED; const b = this.cursor.buf; return (b[o]! << 16) | (b[o + 1]! << 8) | b[o + 2]!; }
  private word48(i: number): number { return this.word16(i) * 0x100000000 + this.word32(i + 2); }

  toJSON(): object {
    return {
      offset: this.offset, length: this.length, srcPort: this.srcPort, dstPort: this.dstPort, dataOffset: this.dataOffset, ccval: this.ccval,
      cscov: this.cscov, checksum: this.checksum, type: this.type, extended: this.extended, sequence: this.sequence,
      ...(this.ackNumber !== undefined ? { ackNumber: this.ackNumber } : {}), ...(this.serviceCode !== undefined ? { serviceCode: this.serviceCode } : {}),
      ...(this.resetCode !== undefined ? { resetCode: this.resetCode } : {}),
    };
  }
}
