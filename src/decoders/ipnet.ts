// Solaris IPnet (LINKTYPE_IPNET, 226): a 24-byte header (version, address family, hook type, packet
// length, interface indexes, source and destination zone IDs) before an IPv4 or IPv6 packet.
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const IPNET = Layer.Ipnet, IPV4 = Layer.Ipv4, IPV6 = Layer.Ipv6;

/** Bytes of the IPnet header. */
export const IPNET_HEADER_LENGTH = 24;
/** Solaris's address families: AF_INET and AF_INET6. */
export const IPNET_AF_INET = 2, IPNET_AF_INET6 = 26;

export class Ipnet extends LayerView {
  readonly layer = IPNET;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < IPNET_HEADER_LENGTH) return c.short(IPNET, o, IPNET_HEADER_LENGTH);
    this.headerLength = IPNET_HEADER_LENGTH;
    c.mark(IPNET);
    c.off = o + IPNET_HEADER_LENGTH;
    const af = c.buf[o + 1]!;
    return af === IPNET_AF_INET ? IPV4 : af === IPNET_AF_INET6 ? IPV6 : 0;
  }

  #u32(i: number): number { const o = this.off + i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  get version(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** Address family of the packet after the header (2 IPv4, 26 IPv6). */
  get family(): number { const o = this.off + 1; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** The hook the packet was seen at (in, out, local). */
  get hookType(): number { const o = this.off + 2; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  get packetLength(): number { return this.#u32(4); }
  get ifIndex(): number { return this.#u32(8); }
  get groupIfIndex(): number { return this.#u32(12); }
  /** Source and destination zone IDs. */
  get srcZone(): number { return this.#u32(16); }
  get dstZone(): number { return this.#u32(20); }

  toJSON(): object {
    return { offset: this.offset, length: this.length, version: this.version, family: this.family, hookType: this.hookType, srcZone: this.srcZone, dstZone: this.dstZone };
  }
}
