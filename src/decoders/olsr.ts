// The Optimized Link State Routing protocol (RFC 3626, with olsr.org's link-quality, name
// service and smart-gateway extensions tcpdump knows) on UDP 698: a 4-byte packet header, then
// messages with a 12-byte (IPv4) or 24-byte (IPv6) header. The printer walks them by index.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readIpv4, readIpv6, readU16, readU32, readU8 } from './reads.js';
import { LayerView, notCaptured } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const OLSR = Layer.Olsr;

/** Bytes of the OLSR packet header (length, sequence number). */
export const OLSR_HEADER_LENGTH = 4;

/** An OLSR packet. Indexes are from its first byte. */
export class Olsr extends LayerView {
  readonly layer = OLSR;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < OLSR_HEADER_LENGTH) return c.short(OLSR, o, OLSR_HEADER_LENGTH);
    this.headerLength = OLSR_HEADER_LENGTH;
    c.mark(OLSR);
    c.off = o + OLSR_HEADER_LENGTH;
    return 0;
  }

  get packetLength(): number { return readU16(this, 0); }
  get sequence(): number { return readU16(this, 2); }

  /** True when `n` bytes from index `i` were captured. */
  hasAt(i: number, n: number): boolean { return i >= 0 && this.off + i + n <= this.end; }
  needAt(i: number, n: number): void { if (!this.hasAt(i, n)) notCaptured(); }
  // Checked reads at an index, for the messages.
  u8(i: number): number { return readU8(this, i); }
  u16(i: number): number { return readU16(this, i); }
  u32(i: number): number { return readU32(this, i); }
  ipv4(i: number): string { return readIpv4(this, i); }
  ipv6(i: number): string { return readIpv6(this, i); }

  toJSON(): object { return { offset: this.offset, length: this.length, packetLength: this.packetLength, sequence: this.sequence }; }
}
