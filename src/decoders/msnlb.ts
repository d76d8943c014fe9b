// Microsoft Network Load Balancing heartbeats (EtherType 0x886f). The protocol is undocumented:
// like tcpdump, vcap reads the host priority and the two addresses of the first 20 bytes.
import { ipv4ToString } from './addr.js';
import { u32le } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const MS_NLB = Layer.MsNlb;

/** Bytes of the heartbeat's known part: 8 unknown bytes, the priority and two IPv4 addresses. */
export const MS_NLB_HEADER_LENGTH = 20;

/** An MS NLB heartbeat (the 20 bytes whose meaning is known; the rest is payload). */
export class MsNlb extends LayerView {
  readonly layer = MS_NLB;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < MS_NLB_HEADER_LENGTH) return c.short(MS_NLB, o, MS_NLB_HEADER_LENGTH);
    this.headerLength = MS_NLB_HEADER_LENGTH;
    c.mark(MS_NLB);
    c.off = o + MS_NLB_HEADER_LENGTH;
    return 0;
  }

  /** The host's priority (little-endian). */
  get hostPriority(): number { const o = this.off; if (o + 12 > this.end) throw NOT_CAPTURED; return u32le(this.cursor.buf, o + 8); }
  /** The cluster's virtual IPv4 address. */
  get clusterIp(): string { const o = this.off; if (o + 16 > this.end) throw NOT_CAPTURED; return ipv4ToString(this.cursor.buf, o + 12); }
  /** The host's own IPv4 address. */
  get hostIp(): string { const o = this.off; if (o + 20 > this.end) throw NOT_CAPTURED; return ipv4ToString(this.cursor.buf, o + 16); }

  toJSON(): object {
    return { offset: this.offset, length: this.length, hostPriority: this.hostPriority, clusterIp: this.clusterIp, hostIp: this.hostIp };
  }
}
