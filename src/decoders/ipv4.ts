// IPv4 (RFC 791): header with options, fragments. The layer's end is the smaller of the
// captured end and the total length, so link-layer padding never reaches TCP/UDP.
import { ipv4ToString } from './addr.js';
import { u16, u32 } from './bytes.js';
import { inCksum } from './checksum.js';
import type { Cursor } from './cursor.js';
import { Layer, type LayerBit } from './layer.js';
import { byIpProto } from './registry-tables.js';
import { Len } from './stop.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const IPV4 = Layer.Ipv4;
const LEN_CAPLEN = Len.Caplen;
// The registry tables as module constants: V8 then knows each array and skips the import cell load and its checks.
const BY_IP_PROTO = byIpProto;

/** One IPv4 option as found in the header. */
export interface Ipv4Option {
  /** Option type (0 EOL, 1 NOP, 7 RR, 68 TS, 130 security, 131 LSRR, 137 SSRR, 148 router alert…). */
  type: number;
  /** Offset of the option from the start of the frame. */
  offset: number;
  /** Bytes of the option, type and length bytes included. */
  length: number;
}

/** Bytes of the IPv4 header without options. */
export const IPV4_MIN_HEADER_LENGTH = 20;

/**
 * One IPv4 option (RFC 791), for a printer walking the options area: `point()` it at each in
 * turn. Getters are checked (NOT_CAPTURED past what was captured) and name the fields of the
 * kinds tcpdump decodes: record route and source routes (7, 131, 137), timestamps (68), router
 * alert (148).
 */
export class Ipv4OptionView extends FieldView {
  /** Option type (0 EOL, 1 NOP, 7 RR, 68 TS, 130 security, 131 LSRR, 137 SSRR, 148 router alert…). */
  get type(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** The length byte (type and length bytes included). */
  get lengthField(): number { const o = this.off; if (o + 2 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 1]!; }
  /** Routes and timestamps: the pointer byte (1-based position of the next slot). */
  get pointer(): number { const o = this.off; if (o + 3 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 2]!; }
  /** Routes: hop `i`'s address (dotted quad); its byte position in the option is routeHopPosition(i). */
  routeHop(i: number): string { const o = this.off + 3 + 4 * i; if (o + 4 > this.end) throw NOT_CAPTURED; return ipv4ToString(this.cursor.buf, o); }
  /** Timestamps: the overflow (high 4 bits) and flag (low 4 bits: 0 TS only, 1 TS and address, 3 prespecified) byte. */
  get tsFlags(): number { const o = this.off; if (o + 4 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 3]!; }
  /** Timestamps: entry `i`'s time, entries `hopLength` (4 or 8) bytes long. */
  tsTime(i: number, hopLength: number): number {
    const o = this.off + TS_FIRST_ENTRY + i * hopLength + hopLength - 4;
    if (o + 4 > this.end) throw NOT_CAPTURED;
    return u32(this.cursor.buf, o);
  }
  /** Timestamps with addresses: entry `i`'s address. */
  tsAddress(i: number): string { const o = this.off + TS_FIRST_ENTRY + i * 8; if (o + 4 > this.end) throw NOT_CAPTURED; return ipv4ToString(this.cursor.buf, o); }
  /** Router alert: the value. */
  get routerAlertValue(): number { const o = this.off; if (o + 4 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o + 2); }
}

/** Byte position of a route option's hop `i` (what its pointer field counts, less one). */
export function routeHopPosition(i: number): number { return 3 + 4 * i; }
/** Byte position of a timestamp option's first entry (what its pointer field counts, less one). */
export const TS_FIRST_ENTRY = 4;

/** IPv4 header (options included). `end` is min(captured end, total length); `incomplete` when the total length runs past the capture. */
export class Ipv4 extends LayerView {
  readonly layer = IPV4;

  decode(c: Cursor): number {
    const b = c.buf, o = c.off, have = c.end - o;
    const vhl = have >= 20 ? b[o]! : 0, hl = (vhl & 15) * 4;
    // Version 4 and header length ≥ 20 is 0x45…0x4f in the first byte.
    if (vhl < 0x45 || vhl > 0x4f || have < hl) return this.bad(c);
    const total = (b[o + 2]! << 8) | b[o + 3]!;
    if (total <= have && total >= hl) {
      c.end = o + total; c.len = 2 satisfies typeof Len.Ipv4;
    } else if (!this.long(c, total)) return 0;
    this.off = o; this.end = c.end; this.headerLength = hl;
    c.present |= 0x20 satisfies typeof LayerBit.Ipv4; c.off = o + hl;
    // A later fragment carries no transport header: the rest is payload.
    return ((b[o + 6]! & 0x1f) | b[o + 7]!) !== 0 ? 0 : BY_IP_PROTO[b[o + 9]!]!;
  }

  // The cold paths, kept out of decode() so that decode() stays small enough to be inlined (V8's
  // inlining budget is counted in bytecode: the walk inlines Ethernet, IPv4, IPv6, TCP and UDP in one).
  // They take no more arguments than they must (each is bytecode in decode()): the view is pointed at the header already.
  private bad(c: Cursor): 0 {
    const o = c.off, have = c.end - o;
    this.pointCut(c);
    // The version first: a wrong one says more than a short header.
    const v = have > 0 ? c.buf[o]! >> 4 : 4;
    if (v !== 4) return c.invalid(IPV4, o, `version ${v} != 4`);
    if (have < 20) return c.short(IPV4, o, 20);
    const hl = (c.buf[o]! & 15) * 4;
    if (hl < 20) return c.invalid(IPV4, o, `header length ${hl} < 20`);
    return c.short(IPV4, o, hl);
  }

  /** A total length under the header length (false: an error) or past the captured bytes. */
  private long(c: Cursor, total: number): boolean {
    // The header length again rather than a third argument: each is bytecode in the inlined walk.
    const hl = (c.buf[c.off]! & 15) * 4;
    if (total < hl) { this.pointCut(c); c.invalid(IPV4, c.off, `total length ${total} < header length ${hl}`); return false; }
    if (c.len === LEN_CAPLEN) c.cut = true;
    return true;
  }

  // Own has()/need()/captured/internetChecksum(): the base class's would see every view class at one load site and go megamorphic.
  override has(n: number): boolean { return this.off + n <= this.end; }
  override need(n: number): void { if (this.off + n > this.end) throw NOT_CAPTURED; }
  override get captured(): number { return this.end > this.off ? this.end - this.off : 0; }
  override internetChecksum(n: number, initial = 0): number { return inCksum(this.cursor.buf, this.off, n, initial); }
  /** The total length promises more bytes than were captured (`end` is then the capture's). */
  get incomplete(): boolean { return this.totalLength > this.end - this.off; }
  // The fixed header's getters do not check: decode() proved it for a view the Packet hands out, and a
  // printer reading the view of a cut header tests has()/need() first, as tcpdump's ND_TTEST/ND_TCHECK do.
  // (Checks in these getters, on every packet, made printing 10% slower: V8 stops inlining them.)
  get version(): number { return this.cursor.buf[this.off]! >> 4; }
  /** The IHL field × 4: the header length the packet states (`headerLength` is set once decoded in full). */
  get statedHeaderLength(): number { return (this.cursor.buf[this.off]! & 15) * 4; }
  /** DSCP and ECN byte (type of service). */
  get tos(): number { return this.cursor.buf[this.off + 1]!; }
  get dscp(): number { return this.tos >> 2; }
  get ecn(): number { return this.tos & 3; }
  /** Total length field (header + data), as sent. */
  get totalLength(): number { return u16(this.cursor.buf, this.off + 2); }
  get id(): number { return u16(this.cursor.buf, this.off + 4); }
  /** The 3 flag bits: 0x4 reserved, 0x2 DF, 0x1 MF. */
  get flags(): number { return this.cursor.buf[this.off + 6]! >> 5; }
  get dontFragment(): boolean { return (this.cursor.buf[this.off + 6]! & 0x40) !== 0; }
  get moreFragments(): boolean { return (this.cursor.buf[this.off + 6]! & 0x20) !== 0; }
  /** The reserved (evil) bit. */
  get reservedFlag(): boolean { return (this.cursor.buf[this.off + 6]! & 0x80) !== 0; }
  /** Fragment offset in bytes (the field × 8). */
  get fragmentOffset(): number { return (u16(this.cursor.buf, this.off + 6) & 0x1fff) * 8; }
  /** True for any fragment: MF set or a non-zero offset. */
  get isFragment(): boolean { return (u16(this.cursor.buf, this.off + 6) & 0x3fff) !== 0; }
  get ttl(): number { return this.cursor.buf[this.off + 8]!; }
  get protocol(): number { return this.cursor.buf[this.off + 9]!; }
  get checksum(): number { return u16(this.cursor.buf, this.off + 10); }
  /** The header checksum verifies (one's complement sum over the header is 0xffff). */
  get checksumValid(): boolean { return this.internetChecksum(this.headerLength) === 0; }
  get src(): string { return ipv4ToString(this.cursor.buf, this.off + 12); }
  get dst(): string { return ipv4ToString(this.cursor.buf, this.off + 16); }
  /** Source address as a 32-bit unsigned number. */
  get srcInt(): number { return u32(this.cursor.buf, this.off + 12); }
  get dstInt(): number { return u32(this.cursor.buf, this.off + 16); }
  get srcBytes(): Uint8Array { return this.cursor.buf.subarray(this.off + 12, this.off + 16); }
  get dstBytes(): Uint8Array { return this.cursor.buf.subarray(this.off + 16, this.off + 20); }
  /** Absolute offset of the source address in `buf`. */
  get srcOffset(): number { return this.off + 12; }
  /** Absolute offset of the destination address in `buf`. */
  get dstOffset(): number { return this.off + 16; }
  /** The first byte of the options area (absolute), whatever was captured. */
  get optionsOffset(): number { return this.off + IPV4_MIN_HEADER_LENGTH; }
  /** A view for walking the options: `point()` it at each (reused). */
  readonly option: Ipv4OptionView = new Ipv4OptionView(this.cursor);

  /**
   * Absolute offset of the destination the upper layer's pseudo-header uses (tcpdump's
   * ip_finddst): the last hop of a loose or strict source route, else the header's destination.
   * Options not captured (within `end`) are not looked at.
   */
  get finalDestinationOffset(): number {
    const b = this.cursor.buf;
    let cp = this.off + IPV4_MIN_HEADER_LENGTH, length = this.statedHeaderLength - IPV4_MIN_HEADER_LENGTH;
    while (length > 0) {
      if (cp + 1 > this.end) break;
      const tt = b[cp]!;
      let len: number;
      if (tt === 0) break;
      if (tt === 1) len = 1;
      else {
        if (cp + 2 > this.end) break;
        len = b[cp + 1]!;
        if (len < 2) break;
      }
      if (length < len || cp + len > this.end) break;
      if ((tt === 137 || tt === 131) && len >= 7) return cp + len - 4;
      cp += len; length -= len;
    }
    return this.off + 16;
  }

  /** Compares the source and destination addresses as bytes (memcmp order): < 0, 0, > 0. */
  compareAddresses(): number { const a = this.srcInt, b = this.dstInt; return a === b ? 0 : a < b ? -1 : 1; }

  /** Copies the source and destination addresses as two 32-bit words into out[at], out[at + 1] (order as sent). */
  addressWords(out: Uint32Array, at: number): void { out[at] = this.srcInt; out[at + 1] = this.dstInt; }

  /** The options area (header bytes 20…headerLength). */
  get optionsBytes(): Uint8Array { return this.cursor.buf.subarray(this.off + 20, this.off + this.headerLength); }
  /** Options in order, up to EOL; an option whose length is bad ends the list. */
  get options(): Ipv4Option[] {
    const out: Ipv4Option[] = [], b = this.cursor.buf, e = this.off + this.headerLength;
    let i = this.off + 20;
    while (i < e) {
      const t = b[i]!;
      if (t === 0 || t === 1) { out.push({ type: t, offset: i - this.base, length: 1 }); i++; if (t === 0) break; continue; }
      if (i + 1 >= e) break;
      const l = b[i + 1]!;
      if (l < 2 || i + l > e) break;
      out.push({ type: t, offset: i - this.base, length: l });
      i += l;
    }
    return out;
  }

  toJSON(): object {
    return {
      offset: this.offset, length: this.length, tos: this.tos, totalLength: this.totalLength, id: this.id, flags: this.flags,
      fragmentOffset: this.fragmentOffset, ttl: this.ttl, protocol: this.protocol, checksum: this.checksum, src: this.src, dst: this.dst,
      ...(this.headerLength > 20 ? { options: this.options.map((x) => ({ type: x.type, length: x.length })) } : {}),
      ...(this.incomplete ? { incomplete: true } : {}),
    };
  }
}
