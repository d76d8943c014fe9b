// MPLS (RFC 3032), EtherTypes 0x8847/0x8848 and GRE's protocol type: label stack entries (label,
// traffic class, bottom-of-stack, TTL) down to the one with the bottom-of-stack bit. No field says
// what follows: explicit-NULL labels, or the first byte of the payload, hint it (`payloadVersion`).
import { u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const MPLS = Layer.Mpls, INNER_IPV4 = Layer.InnerIpv4, INNER_IPV6 = Layer.InnerIpv6;

/** Bytes of one label stack entry. */
export const MPLS_ENTRY_LENGTH = 4;

/** An MPLS label stack; `headerLength` is the whole stack's, `depth` its entries. */
export class Mpls extends LayerView {
  readonly layer = MPLS;
  /** Entries in the stack (decoded in full). */
  depth = 0;

  decode(c: Cursor): number {
    const o = c.off, b = c.buf;
    this.off = o; this.end = c.end; this.headerLength = 0; this.depth = 0;
    let p = o;
    for (;;) {
      if (c.end - p < MPLS_ENTRY_LENGTH) return c.short(MPLS, o, p - o + MPLS_ENTRY_LENGTH);
      p += MPLS_ENTRY_LENGTH;
      if ((b[p - 2]! & 1) !== 0) break;
    }
    this.headerLength = p - o; this.depth = (p - o) / MPLS_ENTRY_LENGTH;
    c.mark(MPLS);
    c.off = p;
    // The IP packet tcpdump guesses is there is the walk's `Packet.inner`.
    const v = payloadVersion(b, p, c.end);
    return v === 4 ? INNER_IPV4 : v === 6 ? INNER_IPV6 : 0;
  }

  /** Entry `i` of the stack, the whole 32 bits (checked). */
  entry(i: number): number { const o = this.off + i * MPLS_ENTRY_LENGTH; if (o + 4 > this.end || i < 0) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  label(i: number): number { return this.entry(i) >>> 12; }
  trafficClass(i: number): number { return (this.entry(i) >>> 9) & 7; }
  bottomOfStack(i: number): boolean { return (this.entry(i) & 0x100) !== 0; }
  ttl(i: number): number { return this.entry(i) & 0xff; }
  /**
   * The IP version of the payload as tcpdump guesses it (4, 6, or 0 when it cannot tell): the
   * bottom label if it is an explicit NULL (0, 3: IPv4; 2: IPv6), else the payload's first byte
   * (0x45–0x4f IPv4, 0x60–0x6f IPv6). Reads that byte (checked) when the label does not say.
   */
  get payloadVersion(): number {
    const v = payloadVersion(this.cursor.buf, this.off + this.headerLength, this.end);
    if (v < 0) throw NOT_CAPTURED;
    return v;
  }

  toJSON(): object {
    const labels: object[] = [];
    for (let i = 0; i < this.depth; i++) labels.push({ label: this.label(i), trafficClass: this.trafficClass(i), bottomOfStack: this.bottomOfStack(i), ttl: this.ttl(i) });
    return { offset: this.offset, length: this.length, labels };
  }
}

/**
 * The IP version after the stack that ends at `p` (its last entry is the 4 bytes before it): 4, 6, 0
 * when neither, -1 when it takes the payload's first byte and that was not captured (`end`).
 */
function payloadVersion(b: Uint8Array, p: number, end: number): number {
  const label = u32(b, p - MPLS_ENTRY_LENGTH) >>> 12;
  if (label === 0 || label === 3) return 4;
  if (label === 2) return 6;
  if (p >= end) return -1;
  const first = b[p]!;
  return first >= 0x45 && first <= 0x4f ? 4 : first >= 0x60 && first <= 0x6f ? 6 : 0;
}
