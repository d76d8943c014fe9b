// OSPF version 2 (RFC 2328, with opaque LSAs RFC 5250, TE RFC 3630, graceful restart RFC 3623,
// LLS RFC 5613) over IPv4 and version 3 (RFC 5340, authentication trailer RFC 7166) over IPv6,
// both IP protocol 89: a 24-byte (v2) or 16-byte (v3) header, then packets of LSA headers and
// LSAs of many layouts, which the printer walks by index with the checked reads below.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readF32, readIpv4, readIpv6, readU16, readU24, readU32, readU8 } from './reads.js';
import { LayerView, notCaptured } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const OSPF = Layer.Ospf;

/** Bytes of the OSPFv2 header (with its authentication field). */
export const OSPF2_HEADER_LENGTH = 24;
/** Bytes of the OSPFv3 header. */
export const OSPF3_HEADER_LENGTH = 16;

/** An OSPF packet. Indexes are from its first byte. */
export class Ospf extends LayerView {
  readonly layer = OSPF;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < OSPF3_HEADER_LENGTH) return c.short(OSPF, o, OSPF3_HEADER_LENGTH);
    this.headerLength = c.buf[o] === 2 && c.end - o >= OSPF2_HEADER_LENGTH ? OSPF2_HEADER_LENGTH : OSPF3_HEADER_LENGTH;
    c.mark(OSPF);
    c.off = o + this.headerLength;
    return 0;
  }

  get version(): number { return readU8(this, 0); }
  /** 1 hello, 2 database description, 3 LS request, 4 LS update, 5 LS ack. */
  get type(): number { return readU8(this, 1); }
  get packetLength(): number { return readU16(this, 2); }
  get routerId(): string { return readIpv4(this, 4); }
  get areaId(): string { return readIpv4(this, 8); }

  /** The captured end, moved back by `n` bytes (OSPFv2 leaves a keyed MD5 digest out of what it prints). */
  excludeTrailer(n: number): void { this.end = Math.max(this.off, this.end - n); }
  /** True when `n` bytes from index `i` were captured. */
  hasAt(i: number, n: number): boolean { return i >= 0 && this.off + i + n <= this.end; }
  needAt(i: number, n: number): void { if (!this.hasAt(i, n)) notCaptured(); }
  // Checked reads at an index.
  u8(i: number): number { return readU8(this, i); }
  u16(i: number): number { return readU16(this, i); }
  u24(i: number): number { return readU24(this, i); }
  u32(i: number): number { return readU32(this, i); }
  ipv4(i: number): string { return readIpv4(this, i); }
  ipv6(i: number): string { return readIpv6(this, i); }
  /** The big-endian IEEE float at `i`. */
  f32(i: number): number { return readF32(this, i); }
  /** A copy of `n` bytes at `i`, zero-padded to `size`; checked. */
  copy(i: number, n: number, size: number): Uint8Array {
    const o = this.off + i;
    if (o + n > this.end || i < 0) notCaptured();
    const a = new Uint8Array(Math.max(n, size));
    a.set(this.cursor.buf.subarray(o, o + n));
    return a;
  }

  toJSON(): object { return { offset: this.offset, length: this.length, version: this.version, type: this.type, packetLength: this.packetLength, routerId: this.routerId, areaId: this.areaId }; }
}
