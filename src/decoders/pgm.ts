// PGM, Pragmatic General Multicast (RFC 3208): IP protocol 113, or encapsulated in UDP (-T pgm).
// A 16-byte header (ports, type, option flags, checksum, global source id, TSDU length), a body by
// type (SPM, POLL, POLR, ODATA, RDATA, NAK, NNAK, NCF, ACK, SPMR) with network-layer addresses
// tagged by address family, then options when the header's option bit says so.
import { ipv4ToString, ipv6ToString } from './addr.js';
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const PGM = Layer.Pgm;

/** Bytes of the PGM header. */
export const PGM_HEADER_LENGTH = 16;

/** Packet types. */
export const PgmType = { Spm: 0, Poll: 1, Polr: 2, Odata: 4, Rdata: 5, Nak: 8, NullNak: 9, Ncf: 10, Ack: 11, Spmr: 12 } as const;

/**
 * A PGM packet. Header fields are checked getters; the body's fields are read by index from the
 * header's first byte (`word16`, `word32`, `ipv4At`, `ipv6At`): the body's layout depends on the
 * type and on the address families inside it, and tcpdump's printer walks it that way.
 */
export class Pgm extends LayerView {
  readonly layer = PGM;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < PGM_HEADER_LENGTH) return c.short(PGM, o, PGM_HEADER_LENGTH);
    this.headerLength = PGM_HEADER_LENGTH;
    c.mark(PGM);
    c.off = o + PGM_HEADER_LENGTH;
    return 0;
  }

  get srcPort(): number { return this.word16(0); }
  get dstPort(): number { return this.word16(2); }
  /** True when both ports were captured. */
  get portsCaptured(): boolean { return this.off + 4 <= this.end; }
  /** Packet type (see PgmType). */
  get type(): number { return this.byte(4); }
  /** Option flags: 0x01 options present, 0x02 network-significant, 0x40 variable length, 0x80 parity. */
  get optionFlags(): number { return this.byte(5); }
  get checksum(): number { return this.word16(6); }
  /** The global source id, 6 bytes, as 12 hex digits. */
  get globalSourceId(): string {
    let s = '';
    for (let i = 8; i < 14; i++) s += this.byte(i).toString(16).padStart(2, '0');
    return s;
  }
  /** Length of the transport data unit (the payload after the options). */
  get tsduLength(): number { return this.word16(14); }
  /** 16-bit value at byte `i` of the packet, checked. */
  word16(i: number): number { const o = this.off + i; if (o + 2 > this.end || i < 0) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  /** 32-bit value at byte `i` of the packet, checked. */
  word32(i: number): number { const o = this.off + i; if (o + 4 > this.end || i < 0) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  /** IPv4 / IPv6 address at byte `i` of the packet, checked. */
  ipv4At(i: number): string { const o = this.off + i; if (o + 4 > this.end || i < 0) throw NOT_CAPTURED; return ipv4ToString(this.cursor.buf, o); }
  ipv6At(i: number): string { const o = this.off + i; if (o + 16 > this.end || i < 0) throw NOT_CAPTURED; return ipv6ToString(this.cursor.buf, o); }

  toJSON(): object {
    return {
      offset: this.offset, length: this.length, srcPort: this.srcPort, dstPort: this.dstPort, type: this.type,
      optionFlags: this.optionFlags, checksum: this.checksum, globalSourceId: this.globalSourceId, tsduLength: this.tsduLength,
    };
  }
}
