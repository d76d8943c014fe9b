// IP over InfiniBand (LINKTYPE_IPOIB, 242): the 44-byte pseudo-header Linux's ib_ipoib gives
// captures — the destination and source hardware addresses (20 bytes each: queue pair number and
// GID), then the EtherType and two reserved bytes.
import { u16 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { byEtherType } from './registry-tables.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const IPOIB = Layer.Ipoib;
const BY_ETHER_TYPE = byEtherType;

/** Bytes of the pseudo-header. */
export const IPOIB_HEADER_LENGTH = 44;
/** Bytes of an InfiniBand hardware address (queue pair number and GID). */
export const IPOIB_ADDRESS_LENGTH = 20;

export class Ipoib extends LayerView {
  readonly layer = IPOIB;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < IPOIB_HEADER_LENGTH) return c.short(IPOIB, o, IPOIB_HEADER_LENGTH);
    this.headerLength = IPOIB_HEADER_LENGTH;
    c.mark(IPOIB);
    c.off = o + IPOIB_HEADER_LENGTH;
    const t = u16(c.buf, o + 40);
    c.etherType = t;
    return BY_ETHER_TYPE[t]!;
  }

  #address(i: number): string {
    const o = this.off + i;
    if (o + IPOIB_ADDRESS_LENGTH > this.end) throw NOT_CAPTURED;
    let s = '';
    for (let k = 0; k < IPOIB_ADDRESS_LENGTH; k++) s += (k ? ':' : '') + this.cursor.buf[o + k]!.toString(16).padStart(2, '0');
    return s;
  }
  /** Destination hardware address, 20 bytes in hex. */
  get dst(): string { return this.#address(0); }
  /** Source hardware address, 20 bytes in hex. */
  get src(): string { return this.#address(IPOIB_ADDRESS_LENGTH); }
  get etherType(): number { const o = this.off + 40; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }

  toJSON(): object { return { offset: this.offset, length: this.length, dst: this.dst, src: this.src, etherType: this.etherType }; }
}
