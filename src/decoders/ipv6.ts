// IPv6 (RFC 8200) and its extension headers: hop-by-hop options (0), routing (43), fragment
// (44), destination options (60), authentication (51, RFC 4302), no next header (59).
import { ipv6Text, ipv6ToString } from './addr.js';
import { u16, u32 } from './bytes.js';
import { inCksum } from './checksum.js';
import type { Cursor } from './cursor.js';
import { Layer, type LayerBit } from './layer.js';
import { byIpProto } from './registry-tables.js';
import { Len } from './stop.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const IPV6 = Layer.Ipv6, IPV6_EXT = Layer.Ipv6Ext;
const LEN_CAPLEN = Len.Caplen;
// The registry tables as module constants: V8 then knows each array and skips the import cell load and its checks.
const BY_IP_PROTO = byIpProto;
/** Next-header values this view walks as extension headers: hop-by-hop (0), routing (43), fragment (44), AH (51), destination options (60). */
const IS_EXTENSION = new Uint8Array(256);
for (const nh of [0, 43, 44, 51, 60]) IS_EXTENSION[nh] = 1;

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

/** Bytes of the IPv6 fixed header. */
export const IPV6_HEADER_LENGTH = 40;

/** A Hop-by-Hop or Destination Options header (RFC 8200 §4.3, §4.6), for a printer walking the chain. */
export class Ipv6OptionsHeader extends FieldView {
  get nextHeader(): number { return this.cursor.buf[this.off]!; }
  /** Bytes of the header, by its length field ((field + 1) × 8). */
  get length(): number { const o = this.off; if (o + 2 > this.end) throw NOT_CAPTURED; return (this.cursor.buf[o + 1]! + 1) << 3; }
  /** Absolute offset of the options area (after next header and length). */
  get optionsOffset(): number { return this.off + 2; }
  /** A view for walking the options: `point()` it at each (reused). */
  readonly option: Ipv6Option = new Ipv6Option(this.cursor);
  /** …and one for the sub-options of a Home Address option. */
  readonly subOption: Ipv6Option = new Ipv6Option(this.cursor);
}

/** One option of a Hop-by-Hop or Destination Options header (or a Home Address sub-option): type, length, and the values tcpdump prints. */
export class Ipv6Option extends FieldView {
  /** 0 Pad1, 1 PadN, 5 router alert, 0xc2 jumbo payload, 0xc9 home address… */
  get type(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** The length byte (data bytes, type and length not counted). */
  get lengthField(): number { const o = this.off; if (o + 2 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 1]!; }
  /** Router alert: the value. */
  get routerAlert(): number { const o = this.off; if (o + 4 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o + 2); }
  /** Jumbo payload: the length. */
  get jumboLength(): number { const o = this.off; if (o + 6 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o + 2); }
  /** Home address (RFC 6275). */
  get homeAddress(): string { const o = this.off; if (o + 18 > this.end) throw NOT_CAPTURED; return ipv6ToString(this.cursor.buf, o + 2); }
}

/** Bytes of a Home Address option before its sub-options. */
export const HOME_ADDRESS_OPTION_LENGTH = 18;

/** A Routing header (RFC 8200 §4.4): type 0 (deprecated), 2 (Mobile IPv6), 4 (Segment Routing, RFC 8754). */
export class Ipv6RoutingHeader extends FieldView {
  get nextHeader(): number { return this.cursor.buf[this.off]!; }
  /** The length field (8-byte units after the first 8). */
  get lengthField(): number { const o = this.off; if (o + 2 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 1]!; }
  get type(): number { const o = this.off; if (o + 3 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 2]!; }
  get segmentsLeft(): number { const o = this.off; if (o + 4 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 3]!; }
  /** Types 0 and 2: the reserved word. */
  get reserved(): number { const o = this.off; if (o + 8 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o + 4); }
  /** Type 4: last entry, flags, tag. */
  get lastEntry(): number { const o = this.off; if (o + 5 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 4]!; }
  get srhFlags(): number { const o = this.off; if (o + 6 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 5]!; }
  get tag(): number { const o = this.off; if (o + 8 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o + 6); }
  /** Address (or segment) `i` of the list. */
  address(i: number): string { const o = this.off + 8 + 16 * i; if (o + 16 > this.end) throw NOT_CAPTURED; return ipv6ToString(this.cursor.buf, o); }
  /**
   * Absolute offset of the final destination (the address the upper-layer checksum's pseudo-header
   * uses, RFC 8200 §8.1), or -1 when there is none to take. Like tcpdump, a cut list gives its
   * last captured address.
   */
  get finalDestinationOffset(): number {
    if (!this.has(4)) return -1;
    const len = this.cursor.buf[this.off + 1]!, type = this.cursor.buf[this.off + 2]!;
    if (type === 0 || type === 2) {
      if (len % 2 === 1) return -1;
      for (let i = (len >> 1) - 1; i >= 0; i--) if (this.has(8 + i * 16 + 16)) return this.off + 8 + i * 16;
      return -1;
    }
    if (type === 4) {
      if (len % 2 === 1 || !this.has(24)) return -1;
      return this.off + 8;
    }
    return -1;
  }
}

/** A Fragment header (RFC 8200 §4.5). */
export class Ipv6FragmentHeader extends FieldView {
  get nextHeader(): number { return this.cursor.buf[this.off]!; }
  /** Fragment offset in bytes. */
  get offset(): number { const o = this.off; if (o + 4 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o + 2) & 0xfff8; }
  get moreFragments(): boolean { const o = this.off; if (o + 4 > this.end) throw NOT_CAPTURED; return (this.cursor.buf[o + 3]! & 1) !== 0; }
  get id(): number { const o = this.off; if (o + 8 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o + 4); }
}

/** Bytes of a Fragment header. */
export const IPV6_FRAGMENT_HEADER_LENGTH = 8;

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
  /**
   * Absolute offset of the fragment header (the last, if several), or -1. Found in the list rather
   * than kept: a field would be one more store in decode(), which V8 inlines into the walk within a
   * budget of bytecode bytes (decoder.ts's walk).
   */
  get fragmentHeaderOff(): number {
    for (let i = this.extCount - 1; i >= 0; i--) if (this.extTypes[i] === 44) return this.extOffsets[i]!;
    return -1;
  }

  decode(c: Cursor): number {
    const b = c.buf, o = c.off, have = c.end - o;
    if (have < 40 || b[o]! >> 4 !== 6) return this.bad(c);
    const pl = (b[o + 4]! << 8) | b[o + 5]!;
    // A zero payload length is a jumbogram (or a segmentation offload capture): use what is there.
    if (pl !== 0) {
      if (pl <= have - 40) { c.end = o + 40 + pl; c.len = 3 satisfies typeof Len.Ipv6; } else this.long(c);
    }
    this.off = o; this.end = c.end;
    this.extCount = 0;
    c.present |= 0x40 satisfies typeof LayerBit.Ipv6;
    const nh = b[o + 6]!;
    if (IS_EXTENSION[nh] !== 0) return this.extensionHeaders(c, nh);
    this.headerLength = 40; this.protocol = nh; c.off = o + 40;
    // 59 (no next header) has no entry in the table: 0.
    return BY_IP_PROTO[nh]!;
  }

  // The cold paths, kept out of decode() so that decode() stays small enough to be inlined (V8's
  // inlining budget is counted in bytecode: the walk inlines Ethernet, IPv4, IPv6, TCP and UDP in one).
  private bad(c: Cursor): 0 {
    const o = c.off, have = c.end - o;
    this.pointCut(c); this.extCount = 0;
    const v = have > 0 ? c.buf[o]! >> 4 : 6;
    if (v !== 6) return c.invalid(IPV6, o, `version ${v} != 6`);
    return c.short(IPV6, o, 40);
  }

  /** The payload length runs past what was captured: cut short, unless an outer length bounds it (then the outer layer reports). */
  private long(c: Cursor): void { if (c.len === LEN_CAPLEN) c.cut = true; }

  private extensionHeaders(c: Cursor, first: number): number {
    const b = c.buf;
    let nh = first, p = this.off + 40;
    for (;;) {
      if (IS_EXTENSION[nh] !== 0) {
        if (c.end - p < 2) { this.finish(c, p, nh); return c.short(IPV6_EXT, p, nh === 44 ? 8 : 2); }
        const len = nh === 44 ? 8 : nh === 51 ? (b[p + 1]! + 2) * 4 : (b[p + 1]! + 1) * 8;
        if (c.end - p < len) { this.finish(c, p, nh); return c.short(IPV6_EXT, p, len); }
        if (this.extCount === IPV6_EXT_CAPACITY) { this.finish(c, p, nh); return c.invalid(IPV6_EXT, p, `more than ${IPV6_EXT_CAPACITY} extension headers`); }
        const i = this.extCount++;
        this.extTypes[i] = nh; this.extOffsets[i] = p; this.extLengths[i] = len;
        const next = b[p]!;
        if (nh === 44) {
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

  // Own has()/need()/captured/internetChecksum(): the base class's would see every view class at one load site and go megamorphic.
  override has(n: number): boolean { return this.off + n <= this.end; }
  override need(n: number): void { if (this.off + n > this.end) throw NOT_CAPTURED; }
  override get captured(): number { return this.end > this.off ? this.end - this.off : 0; }
  override internetChecksum(n: number, initial = 0): number { return inCksum(this.cursor.buf, this.off, n, initial); }
  /** The payload length promises more bytes than were captured (`end` is then the capture's); 0 (a jumbogram) promises none. */
  get incomplete(): boolean { const pl = this.payloadLength; return pl !== 0 && 40 + pl > this.end - this.off; }
  // The fixed header's getters do not check: decode() proved it for a view the Packet hands out, and a
  // printer reading the view of a cut header tests has()/need() first, as tcpdump's ND_TTEST/ND_TCHECK do.
  // (Checks in these getters, on every packet, made printing 10% slower: V8 stops inlining them.)
  get version(): number { return this.cursor.buf[this.off]! >> 4; }
  get trafficClass(): number { return (u16(this.cursor.buf, this.off) >> 4) & 0xff; }
  get flowLabel(): number { return u32(this.cursor.buf, this.off) & 0xfffff; }
  get payloadLength(): number { return u16(this.cursor.buf, this.off + 4); }
  /** The fixed header's next-header field (the first extension header, or the upper layer). */
  get nextHeader(): number { return this.cursor.buf[this.off + 6]!; }
  get hopLimit(): number { return this.cursor.buf[this.off + 7]!; }
  get src(): string { return ipv6Text(this.cursor.buf, this.off + 8); }
  get dst(): string { return ipv6Text(this.cursor.buf, this.off + 24); }
  get srcBytes(): Uint8Array { return this.cursor.buf.subarray(this.off + 8, this.off + 24); }
  get dstBytes(): Uint8Array { return this.cursor.buf.subarray(this.off + 24, this.off + 40); }
  /** Absolute offset of the source address in `buf`. */
  get srcOffset(): number { return this.off + 8; }
  /** Absolute offset of the destination address in `buf`. */
  get dstOffset(): number { return this.off + 24; }

  /** Views for a printer walking the extension headers itself: `point()` one at each header (reused). */
  readonly optionsHeader: Ipv6OptionsHeader = new Ipv6OptionsHeader(this.cursor);
  readonly routingHeader: Ipv6RoutingHeader = new Ipv6RoutingHeader(this.cursor);
  readonly fragmentHeader: Ipv6FragmentHeader = new Ipv6FragmentHeader(this.cursor);

  /** Copies the source and destination addresses as eight 32-bit words into out[at…at+7] (order as sent). */
  addressWords(out: Uint32Array, at: number): void {
    const o = this.off;
    if (o + 40 > this.end) throw NOT_CAPTURED;
    for (let i = 0; i < 8; i++) out[at + i] = u32(this.cursor.buf, o + 8 + 4 * i);
  }
  /** Compares the source and destination addresses as bytes (memcmp order): < 0, 0, > 0. */
  compareAddresses(): number {
    const o = this.off, b = this.cursor.buf;
    if (o + 40 > this.end) throw NOT_CAPTURED;
    for (let i = 0; i < 16; i++) { const d = b[o + 8 + i]! - b[o + 24 + i]!; if (d !== 0) return d; }
    return 0;
  }

  /** The extension headers in order. */
  get extensions(): Ipv6Extension[] {
    const out: Ipv6Extension[] = [];
    for (let i = 0; i < this.extCount; i++) {
      const o = this.extOffsets[i]!;
      out.push({ type: this.extTypes[i]!, offset: o - this.base, length: this.extLengths[i]!, nextHeader: this.cursor.buf[o]! });
    }
    return out;
  }
  /** The fragment header's fields, when there is one. Offset in bytes. */
  get fragment(): { offset: number; moreFragments: boolean; id: number } | undefined {
    const p = this.fragmentHeaderOff;
    if (p < 0) return undefined;
    const f = u16(this.cursor.buf, p + 2);
    return { offset: f & 0xfff8, moreFragments: (f & 1) !== 0, id: u32(this.cursor.buf, p + 4) };
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
