// Ad hoc On-Demand Distance Vector routing (RFC 3561, and draft-perkins-manet-aodv6-01's IPv6
// messages) on UDP 654: route requests, replies, errors and acknowledgements, whose layout the
// type and the IP version give. The printer reads them by index.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readIpv4, readIpv6, readU32, readU8 } from './reads.js';
import { LayerView } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const AODV = Layer.Aodv;

/** An AODV message. Indexes are from its first byte. */
export class Aodv extends LayerView {
  readonly layer = AODV;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < 1) return c.short(AODV, o, 1);
    this.headerLength = 1;
    c.mark(AODV);
    c.off = o + 1;
    return 0;
  }

  /** 1 RREQ, 2 RREP, 3 RERR, 4 RREP-ACK; 16-19 the same for the IPv6 draft. */
  get type(): number { return readU8(this, 0); }

  /** True when `n` bytes from index `i` were captured. */
  hasAt(i: number, n: number): boolean { return i >= 0 && this.off + i + n <= this.end; }
  // Checked reads at an index.
  u8(i: number): number { return readU8(this, i); }
  u32(i: number): number { return readU32(this, i); }
  ipv4(i: number): string { return readIpv4(this, i); }
  ipv6(i: number): string { return readIpv6(this, i); }

  toJSON(): object { return { offset: this.offset, length: this.length, type: this.type }; }
}
