// RSVP (RFC 2205) and its traffic-engineering and GMPLS extensions (RFC 3209, 3473, 4090, 4875,
// 2961, 2747…) on IP protocol 46: an 8-byte common header, then objects of a 4-byte header
// (length, class, C-Type) and a body whose layout class and C-Type give; a Bundle message holds
// whole messages. The printer walks them by index with the checked reads below.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readF32, readIpv4, readIpv6, readU16, readU24, readU32, readU8 } from './reads.js';
import { LayerView } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const RSVP = Layer.Rsvp;

/** Bytes of the RSVP common header. */
export const RSVP_HEADER_LENGTH = 8;
/** Bytes of an object header. */
export const RSVP_OBJECT_HEADER_LENGTH = 4;

/** An RSVP message. Indexes are from its first byte. */
export class Rsvp extends LayerView {
  readonly layer = RSVP;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < RSVP_HEADER_LENGTH) return c.short(RSVP, o, RSVP_HEADER_LENGTH);
    this.headerLength = RSVP_HEADER_LENGTH;
    c.mark(RSVP);
    c.off = o + RSVP_HEADER_LENGTH;
    return 0;
  }

  /** 1. */
  get version(): number { return readU8(this, 0) >> 4; }
  get flags(): number { return readU8(this, 0) & 0x0f; }
  /** 1 Path, 2 Resv, … 12 Bundle, 13 Ack, 15 Srefresh, 20 Hello. */
  get messageType(): number { return readU8(this, 1); }
  get checksum(): number { return readU16(this, 2); }
  get sendTtl(): number { return readU8(this, 4); }
  get messageLength(): number { return readU16(this, 6); }

  /** True when `n` bytes from index `i` were captured. */
  hasAt(i: number, n: number): boolean { return i >= 0 && this.off + i + n <= this.end; }
  // Checked reads at an index.
  u8(i: number): number { return readU8(this, i); }
  u16(i: number): number { return readU16(this, i); }
  u24(i: number): number { return readU24(this, i); }
  u32(i: number): number { return readU32(this, i); }
  /** The big-endian IEEE float at `i`. */
  f32(i: number): number { return readF32(this, i); }
  ipv4(i: number): string { return readIpv4(this, i); }
  ipv6(i: number): string { return readIpv6(this, i); }

  toJSON(): object {
    return { offset: this.offset, length: this.length, version: this.version, flags: this.flags, messageType: this.messageType, messageLength: this.messageLength };
  }
}
