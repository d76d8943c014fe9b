// The Label Distribution Protocol (RFC 5036, with RFC 4447's pseudowire FEC and RFC 3479's
// fault-tolerant sessions) on TCP and UDP 646: PDUs of a 10-byte header (version, length, LSR
// id, label space) and messages of TLVs, which the printer walks by index.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readIpv4, readIpv6, readPrefixBytes, readU16, readU32, readU8 } from './reads.js';
import { LayerView, notCaptured } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const LDP = Layer.Ldp;

/** Bytes of the LDP PDU header. */
export const LDP_HEADER_LENGTH = 10;
/** Bytes of an LDP message header (type, length, message id). */
export const LDP_MESSAGE_HEADER_LENGTH = 8;

/** LDP data. Indexes are from its first byte. */
export class Ldp extends LayerView {
  readonly layer = LDP;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < LDP_HEADER_LENGTH) return c.short(LDP, o, LDP_HEADER_LENGTH);
    this.headerLength = LDP_HEADER_LENGTH;
    c.mark(LDP);
    c.off = o + LDP_HEADER_LENGTH;
    return 0;
  }

  /** The first PDU's version (1). */
  get version(): number { return readU16(this, 0); }
  get pduLength(): number { return readU16(this, 2); }
  get lsrId(): string { return readIpv4(this, 4); }
  get labelSpace(): number { return readU16(this, 8); }

  /** Throws NOT_CAPTURED unless `n` bytes from index `i` were captured (ND_TCHECK_LEN: print-ldp.c's trunc longjmps). */
  needAt(i: number, n: number): void { if (i < 0 || this.off + i + n > this.end) notCaptured(); }
  // Checked reads at an index.
  u8(i: number): number { return readU8(this, i); }
  u16(i: number): number { return readU16(this, i); }
  u32(i: number): number { return readU32(this, i); }
  ipv4(i: number): string { return readIpv4(this, i); }
  ipv6(i: number): string { return readIpv6(this, i); }
  /** See reads.ts readPrefixBytes. */
  prefixBytes(i: number, plen: number, size: number): Uint8Array { return readPrefixBytes(this, i, plen, size); }

  toJSON(): object { return { offset: this.offset, length: this.length, version: this.version, pduLength: this.pduLength, lsrId: this.lsrId, labelSpace: this.labelSpace }; }
}
