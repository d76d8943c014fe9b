// BSD loopback encapsulation: a 4-byte address family before the packet, in the capturing
// host's byte order (LINKTYPE_NULL, 0) or in network byte order (LINKTYPE_LOOP, 108).
import { u32, u32le } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const IPV4 = Layer.Ipv4, IPV6 = Layer.Ipv6, LOOP = Layer.Loop;

/** AF_INET6 differs between systems (Linux 10, BSDs 24, FreeBSD 28, Darwin 30). */
const afLayer = new Map<number, number>([[2, IPV4], [10, IPV6], [24, IPV6], [28, IPV6], [30, IPV6]]);

/** Bytes of the loopback header. */
export const NULL_HEADER_LENGTH = 4;

/** BSD loopback header (4 bytes): the address family; `layer` says NULL or LOOP. */
export class NullLink extends LayerView {
  readonly layer: typeof Layer.Null | typeof Layer.Loop;

  constructor(c: Cursor, layer: typeof Layer.Null | typeof Layer.Loop) { super(c); this.layer = layer; }

  decode(c: Cursor): number {
    this.off = c.off; this.end = c.end; this.headerLength = 0;
    if (c.end - c.off < 4) return c.short(this.layer, c.off, 4);
    this.headerLength = 4;
    c.present |= 1 << this.layer;
    c.off += 4;
    return afLayer.get(this.family) ?? 0;
  }

  /**
   * The address family. For NULL the writer's byte order is unknown, so like libpcap a value
   * with bits set in the upper half is taken as byte-swapped.
   */
  get family(): number {
    if (this.layer === LOOP) return u32(this.cursor.buf, this.off);
    const v = u32le(this.cursor.buf, this.off);
    return (v & 0xffff0000) !== 0 ? u32(this.cursor.buf, this.off) : v;
  }

  /**
   * The family as tcpdump reads it for NULL and LOOP alike: in host (little-endian) order, swapped
   * when the upper half is set. Checked (NOT_CAPTURED on a cut header).
   */
  get familyEitherOrder(): number {
    const o = this.off;
    if (o + 4 > this.end) throw NOT_CAPTURED;
    const v = u32le(this.cursor.buf, o);
    return (v & 0xffff0000) !== 0 ? u32(this.cursor.buf, o) : v;
  }

  toJSON(): object { return { offset: this.offset, length: this.length, family: this.family }; }
}
