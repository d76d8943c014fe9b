// IPv6 (RFC 8200) and its extension headers: hop-by-hop options (0), routing (43), fragment
// (44), destination options (60), authentication (51, RFC 4302), no next header (59).
import { ipv6ToString } from './addr.js';
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer, type LayerBit } from './layer.js';
import { byIpProto } from './registry-tables.js';
import { Len } from './stop.js';
import { LayerView } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const IPV6 = Layer.Ipv6, IPV6_EXT = Layer.Ipv6Ext;
const LEN_CAPLEN = Len.Caplen;
// The registry tables as module constants: V8 then knows each array and skips the import cell load and its checks.
const BY_IP_PROTO = byIpProto;

/** Extension headers one packet reports; a longer chain is an error. */
export const IPV6_EXT_CAPACITY = 16;

/** One extension header found after the fixed header. */
export interface Ipv6Extension {
  /** Its protocol number: 0 hop-by-hop, 43 routing, 44 fragment, 51 AH, 60 destination options. */
  type: number;
  /** Offset from the start of the frame. */
  offset: number;
  /** Bytes, including its next-header and length fields. */
  length: number;
  /** The next-header field inside it. */
  nextHeader: number;
}

/** IPv6 fixed header plus its extension headers (`headerLength` covers both; `protocol` is the upper layer after them). */
export class Ipv6 extends LayerView {
  readonly layer = IPV6;
  /** Number of extension headers (types in extTypes, absolute offsets in extOffsets). */
  extCount = 0;
  readonly extTypes = new Uint8Array(IPV6_EXT_CAPACITY);
  readonly extOffsets = new Int32Array(IPV6_EXT_CAPACITY);
  readonly extLengths = new Int32Array(IPV6_EXT_CAPACITY);
  /** The upper-layer protocol after the extension headers (59: none). */
  protocol = 0;
  /** Absolute offset of the fragment header, or -1. */
  fragmentHeaderOff = -1;

  decode(c: Cursor): number {
    const b = c.buf, o = c.off, have = c.end - o;
    if (have < 40 || b[o]! >> 4 !== 6) return this.bad(c, o, have);
    const pl = (b[o + 4]! << 8) | b[o + 5]!;
    // A zero payload length is a jumbogram (or a segmentation offload capture): use what is there.
    if (pl !== 0 && 40 + pl <= have) {
      c.end = o + 40 + pl; c.len = 3 satisfies typeof Len.Ipv6;
    } else {
      if (pl !== 0 && c.len === LEN_CAPLEN) c.cut = true;
    }
    this.off = o; this.end = c.end;
    this.extCount = 0; this.fragmentHeaderOff = -1;
    c.present |= 0x40 satisfies typeof LayerBit.Ipv6;
    const nh = b[o + 6]!;
    if (nh === 0 || nh === 43 || nh === 60 || nh === 44 || nh === 51) return this.extensionHeaders(c, nh);
    this.headerLength = 40; this.protocol = nh; c.off = o + 40;
    return nh === 59 ? 0 : BY_IP_PROTO[nh]!;
  }

  // Kept out of decode() so that decode() stays small enough to be inlined.
  private bad(c: Cursor, o: number, have: number): 0 {
    const v = have > 0 ? c.buf[o]! >> 4 : 6;
    if (v !== 6) return c.invalid(IPV6, o, `version ${v} != 6`);
    return c.short(IPV6, o, 40);
  }

  private extensionHeaders(c: Cursor, first: number): number {
    const b = c.buf;
    let nh = first, p = this.off + 40;
    for (;;) {
      if (nh === 0 || nh === 43 || nh === 60 || nh === 44 || nh === 51) {
        if (c.end - p < 2) { this.finish(c, p, nh); return c.short(IPV6_EXT, p, nh === 44 ? 8 : 2); }
        const len = nh === 44 ? 8 : nh === 51 ? (b[p + 1]! + 2) * 4 : (b[p + 1]! + 1) * 8;
        if (c.end - p < len) { this.finish(c, p, nh); return c.short(IPV6_EXT, p, len); }
        if (this.extCount === IPV6_EXT_CAPACITY) { this.finish(c, p, nh); return c.invalid(IPV6_EXT, p, `more than ${IPV6_EXT_CAPACITY} extension headers`); }
        const i = this.extCount++;
        this.extTypes[i] = nh; this.extOffsets[i] = p; this.extLengths[i] = len;
        const next = b[p]!;
        if (nh === 44) {
          this.fragmentHeaderOff = p;
          // Only the first fragment carries the upper-layer header.
          if ((u16(b, p + 2) & 0xfff8) !== 0) { p += len; this.finish(c, p, next); return 0; }
        }
        p += len; nh = next;
        continue;
      }
      this.finish(c, p, nh);
      return nh === 59 ? 0 : BY_IP_PROTO[nh]!;
    }
  }

  private finish(c: Cursor, p: number, nh: number): void {
    this.headerLength = p - this.off; this.protocol = nh; c.off = p;
  }

  /** The payload length promises more bytes than were captured (`end` is then the capture's); 0 (a jumbogram) promises none. */
  get incomplete(): boolean { const pl = this.payloadLength; return pl !== 0 && 40 + pl > this.end - this.off; }
  get version(): number { return this.buf[this.off]! >> 4; }
  get trafficClass(): number { return (u16(this.buf, this.off) >> 4) & 0xff; }
  get flowLabel(): number { return u32(this.buf, this.off) & 0xfffff; }
  get payloadLength(): number { return u16(this.buf, this.off + 4); }
  /** The fixed header's next-header field (the first extension header, or the upper layer). */
  get nextHeader(): number { return this.buf[this.off + 6]!; }
  get hopLimit(): number { return this.buf[this.off + 7]!; }
  get src(): string { return ipv6ToString(this.buf, this.off + 8); }
  get dst(): string { return ipv6ToString(this.buf, this.off + 24); }
  get srcBytes(): Uint8Array { return this.buf.subarray(this.off + 8, this.off + 24); }
  get dstBytes(): Uint8Array { return this.buf.subarray(this.off + 24, this.off + 40); }
  /** Absolute offset of the source address in `buf` (the destination follows at +16). */
  get srcOffset(): number { return this.off + 8; }

  /** The extension headers in order. */
  get extensions(): Ipv6Extension[] {
    const out: Ipv6Extension[] = [];
    for (let i = 0; i < this.extCount; i++) {
      const o = this.extOffsets[i]!;
      out.push({ type: this.extTypes[i]!, offset: o - this.base, length: this.extLengths[i]!, nextHeader: this.buf[o]! });
    }
    return out;
  }
  /** The fragment header's fields, when there is one. Offset in bytes. */
  get fragment(): { offset: number; moreFragments: boolean; id: number } | undefined {
    const p = this.fragmentHeaderOff;
    if (p < 0) return undefined;
    const f = u16(this.buf, p + 2);
    return { offset: f & 0xfff8, moreFragments: (f & 1) !== 0, id: u32(this.buf, p + 4) };
  }
  /** Upper-layer payload length (payload length minus extension headers), as sent. */
  get upperLength(): number { return this.payloadLength - (this.headerLength - 40); }

  toJSON(): object {
    return {
      offset: this.offset, length: this.length, trafficClass: this.trafficClass, flowLabel: this.flowLabel,
      payloadLength: this.payloadLength, nextHeader: this.nextHeader, hopLimit: this.hopLimit, src: this.src, dst: this.dst,
      protocol: this.protocol,
      ...(this.extCount ? { extensions: this.extensions.map((e) => ({ type: e.type, length: e.length, nextHeader: e.nextHeader })) } : {}),
      ...(this.fragmentHeaderOff >= 0 ? { fragment: this.fragment } : {}),
      ...(this.incomplete ? { incomplete: true } : {}),
    };
  }
}
