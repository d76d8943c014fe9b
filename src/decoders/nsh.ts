// Network Service Header (RFC 8300), EtherType 0x894F or inside VXLAN-GPE: a base header (version,
// O bit, TTL, length in words, MD type, next protocol), a service path header (SPI, index), context
// headers (MD type 1: four words; MD type 2: TLVs), then an IPv4, IPv6 or Ethernet packet.
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const NSH = Layer.Nsh;

/** Bytes of the base and service path headers. */
export const NSH_FIXED_LENGTH = 8;

/** An NSH header. Context headers are read by their offset from the header's first byte (`word32`, `word16`, `byte`). */
export class Nsh extends LayerView {
  readonly layer = NSH;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < NSH_FIXED_LENGTH) return c.short(NSH, o, NSH_FIXED_LENGTH);
    const len = (c.buf[o + 1]! & 0x3f) * 4;
    if (len < NSH_FIXED_LENGTH) return c.invalid(NSH, o, `length ${len} < ${NSH_FIXED_LENGTH}`);
    if (c.end - o < len) return c.short(NSH, o, len);
    this.headerLength = len;
    c.mark(NSH);
    c.off = o + len;
    return 0;
  }

  /** 16/32-bit value at byte `i` of the header, checked. */
  word16(i: number): number { const o = this.off + i; if (o + 2 > this.end || i < 0) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  word32(i: number): number { const o = this.off + i; if (o + 4 > this.end || i < 0) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  /** The base header's 32 bits. */
  get baseHeader(): number { return this.word32(0); }
  get version(): number { return this.baseHeader >>> 30; }
  /** The 2 flag bits (0x2: O, OAM). */
  get flags(): number { return (this.baseHeader >>> 28) & 3; }
  get ttl(): number { return (this.baseHeader >>> 22) & 0x3f; }
  /** Header length in 4-byte words, base and service path headers included. */
  get lengthWords(): number { return (this.baseHeader >>> 16) & 0x3f; }
  get mdType(): number { return (this.baseHeader >>> 8) & 0x0f; }
  /** 1 IPv4, 2 IPv6, 3 Ethernet, 4 NSH, 5 MPLS. */
  get nextProtocol(): number { return this.baseHeader & 0xff; }
  get servicePathId(): number { const o = this.off + 4; if (o + 3 > this.end) throw NOT_CAPTURED; const b = this.cursor.buf; return (b[o]! << 16) | (b[o + 1]! << 8) | b[o + 2]!; }
  get serviceIndex(): number { return this.byte(7); }

  toJSON(): object {
    return {
      offset: this.offset, length: this.length, version: this.version, flags: this.flags, ttl: this.ttl, mdType: this.mdType,
      nextProtocol: this.nextProtocol, servicePathId: this.servicePathId, serviceIndex: this.serviceIndex,
    };
  }
}
