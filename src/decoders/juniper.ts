// Juniper routers' capture header (the JUNIPER_* link types): the magic "MGC", flags (direction,
// no layer 2, extensions), optional extension TLVs (interface index, name, media type,
// encapsulation), and for some PICs a cookie; then the frame as the interface carries it —
// Ethernet, PPP, C-HDLC, an IPsec ES header and IPv4, ATM payloads — or, when the flags say the
// layer 2 header was stripped, an IP packet after 4 more bytes.
import { ipv4ToString } from './addr.js';
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { LinkType } from './link-type.js';
import { byEtherType } from './registry-tables.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
import { OamCell } from './atm.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const JUNIPER = Layer.Juniper, IPV4 = Layer.Ipv4, IPV6 = Layer.Ipv6, ETHERNET = Layer.Ethernet, PPP = Layer.Ppp, CHDLC = Layer.Chdlc;
const BY_ETHER_TYPE = byEtherType;

/** "MGC". */
export const JUNIPER_MAGIC = 0x4d4743;
/** Flags in the fourth byte. */
export const enum JuniperFlag { In = 0x01, NoL2 = 0x02, Iif = 0x04, Filter = 0x40, Ext = 0x80 }
/** Bytes of the magic and flags; of an extension TLV's type and length. */
export const JUNIPER_HEADER_LENGTH = 4;
export const JUNIPER_TLV_OVERHEAD = 2;
/** The cookie's first byte for LS and AS PICs. */
export const JUNIPER_LS_COOKIE = 0x54, JUNIPER_AS_COOKIE = 0x47;
/** Bytes of the ES PIC's IPsec header, and of the services and monitor PICs' headers. */
export const JUNIPER_ES_HEADER_LENGTH = 16;
export const JUNIPER_SERVICES_HEADER_LENGTH = 8;
export const JUNIPER_MONITOR_HEADER_LENGTH = 8;

/** The PICs with a cookie: its length and the name tcpdump prints (juniper_cookie_table). */
export const juniperCookies: ReadonlyMap<number, readonly [number, string]> = new Map([
  [LinkType.JUNIPER_ATM1, [4, 'ATM1']], [LinkType.JUNIPER_ATM2, [8, 'ATM2']], [130, [2, 'MLPPP']], [131, [2, 'MLFR']], [134, [4, 'MFR']],
  [LinkType.JUNIPER_PPPOE, [0, 'PPPoE']], [LinkType.JUNIPER_PPPOE_ATM, [0, 'PPPoE ATM']], [133, [8, 'GGSN']],
  [LinkType.JUNIPER_MONITOR, [8, 'MONITOR']], [LinkType.JUNIPER_SERVICES, [8, 'AS']], [LinkType.JUNIPER_ES, [0, 'ES']],
]);

/** IPv4 or IPv6 by the first byte, as tcpdump's ip_heuristic_guess (0x45–0x4f, 0x60–0x6f); 0 otherwise. */
export function juniperIpGuess(first: number): number {
  return first >= 0x45 && first <= 0x4f ? IPV4 : first >= 0x60 && first <= 0x6f ? IPV6 : 0;
}

/** An extension TLV, pointed at each by the printer. Types below 128 are little-endian, the others big-endian. */
export class JuniperTlv extends FieldView {
  get type(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  get length(): number { const o = this.off + 1; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** The value as a number for lengths 1 to 4 (-1 for the others). */
  get value(): number {
    const t = this.type, n = this.length, o = this.off + JUNIPER_TLV_OVERHEAD, b = this.cursor.buf;
    if (n < 1 || n > 4) return -1;
    if (o + n > this.end) throw NOT_CAPTURED;
    let v = 0;
    if (t < 128) for (let i = n - 1; i >= 0; i--) v = v * 256 + b[o + i]!;
    else for (let i = 0; i < n; i++) v = v * 256 + b[o + i]!;
    return v > 0x7fffffff ? v - 0x100000000 : v;
  }
}

/** The ES PIC's IPsec header, the services PIC's and the monitor PIC's (pointed by the printer). */
export class JuniperPicHeader extends FieldView {
  #u8(i: number): number { const o = this.off + i; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  #u16(i: number): number { const o = this.off + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  #u32(i: number): number { const o = this.off + i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  // ES: SA index, TTL, type (1–5), SPI, tunnel source and destination.
  get saIndex(): number { return this.#u16(0); }
  get ttl(): number { return this.#u8(2); }
  get esType(): number { return this.#u8(3); }
  get spi(): number { return this.#u32(4); }
  get tunnelSrc(): string { const o = this.off + 8; if (o + 4 > this.end) throw NOT_CAPTURED; return ipv4ToString(this.cursor.buf, o); }
  get tunnelDst(): string { const o = this.off + 12; if (o + 4 > this.end) throw NOT_CAPTURED; return ipv4ToString(this.cursor.buf, o); }
  // Services: service id, flags, service set id, incoming interface.
  get serviceId(): number { return this.#u8(0); }
  get serviceFlags(): number { return this.#u8(1); }
  get serviceSetId(): number { return this.#u16(2); }
  get serviceIif(): number { const o = this.off + 5; if (o + 3 > this.end) throw NOT_CAPTURED; return (this.cursor.buf[o]! << 16) | u16(this.cursor.buf, o + 1); }
  // Monitor: packet type, incoming interface, service id.
  get monitorPacketType(): number { return this.#u8(0); }
  get monitorIif(): number { return this.#u16(2); }
  get monitorServiceId(): number { return this.#u32(4); }
}

/** The Juniper header of the frame's link type (`cursor.linkType`). */
export class Juniper extends LayerView {
  readonly layer = JUNIPER;
  readonly tlv: JuniperTlv;
  readonly pic: JuniperPicHeader;
  /** ATM1/ATM2 PICs' OAM cells. */
  readonly oam: OamCell;

  constructor(c: Cursor) { super(c); this.tlv = new JuniperTlv(c); this.pic = new JuniperPicHeader(c); this.oam = new OamCell(c); }

  decode(c: Cursor): number {
    const o = c.off, b = c.buf, end = c.end;
    this.off = o; this.end = end; this.headerLength = 0;
    if (end - o < JUNIPER_HEADER_LENGTH) return c.short(JUNIPER, o, JUNIPER_HEADER_LENGTH);
    if (((b[o]! << 16) | u16(b, o + 1)) !== JUNIPER_MAGIC) return c.invalid(JUNIPER, o, 'no Juniper magic number');
    const flags = b[o + 3]!;
    let n = JUNIPER_HEADER_LENGTH;
    if (flags & JuniperFlag.Ext) {
      if (end - o < n + 2) return c.short(JUNIPER, o, n + 2);
      n += 2 + u16(b, o + n);
    }
    if (flags & JuniperFlag.NoL2) {
      n += 4;
      if (end - o < n + 1) return c.short(JUNIPER, o, n + 1);
      return this.#done(c, n, juniperIpGuess(b[o + n]!));
    }
    const lt = c.linkType;
    const cookie = juniperCookies.get(lt);
    if (cookie !== undefined) {
      if (end - o < n + 1) return c.short(JUNIPER, o, n + 1);
      const first = b[o + n]!;
      n += first === JUNIPER_AS_COOKIE ? 8 : first === JUNIPER_LS_COOKIE ? cookie[0] + 2 : cookie[0];
    }
    if (end - o < n) return c.short(JUNIPER, o, n);
    switch (lt) {
      case LinkType.JUNIPER_ETHER: case LinkType.JUNIPER_PPPOE: return this.#done(c, n, ETHERNET);
      case LinkType.JUNIPER_PPP: return this.#done(c, n, PPP);
      case LinkType.JUNIPER_CHDLC: return this.#done(c, n, CHDLC);
      case LinkType.JUNIPER_ES: {
        if (end - o < n + JUNIPER_ES_HEADER_LENGTH) return c.short(JUNIPER, o, n + JUNIPER_ES_HEADER_LENGTH);
        const t = b[o + n + 3]!;
        if (t < 1 || t > 5) return c.invalid(JUNIPER, o + n, `ES type ${t} unknown`);
        return this.#done(c, n + (t <= 2 ? 0 : JUNIPER_ES_HEADER_LENGTH), IPV4);
      }
      case LinkType.JUNIPER_SERVICES: case LinkType.JUNIPER_MONITOR: case LinkType.JUNIPER_ATM1: case LinkType.JUNIPER_ATM2:
        if (lt === LinkType.JUNIPER_SERVICES || lt === LinkType.JUNIPER_MONITOR) {
          // The PIC's own header is read before the guess, but the guess looks at its first byte (tcpdump does so too).
          if (end - o < n + 8) return c.short(JUNIPER, o, n + 8);
        }
        return this.#done(c, n, end - o > n ? juniperIpGuess(b[o + n]!) : 0);
      case LinkType.JUNIPER_PPPOE_ATM: {
        if (end - o < n + 2) return c.short(JUNIPER, o, n + 2);
        const t = u16(b, o + n);
        c.etherType = t;
        return this.#done(c, n + 2, BY_ETHER_TYPE[t]!);
      }
      default: return this.#done(c, n, 0);
    }
  }

  #done(c: Cursor, n: number, next: number): number {
    this.headerLength = n;
    c.mark(JUNIPER);
    c.off = this.off + n;
    return next;
  }

  /** The magic number (0x4d4743, "MGC"). */
  get magic(): number { const o = this.off; if (o + 3 > this.end) throw NOT_CAPTURED; return (this.cursor.buf[o]! << 16) | u16(this.cursor.buf, o + 1); }
  /** JuniperFlag bits. */
  get flags(): number { const o = this.off + 3; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** The 16-bit field `at` bytes into the header: the protocol after the cookie. */
  protocolAt(at: number): number { const o = this.off + at; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  /** The 32-bit field `at` bytes in: ATM2's control word. */
  controlWordAt(at: number): number { const o = this.off + at; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  /** The 24 bits `at` bytes in: an LLC header's start (0xfefe03 NLPID, 0xaaaa03 SNAP) in an ATM payload. */
  llcStartAt(at: number): number { const o = this.off + at; if (o + 3 > this.end) throw NOT_CAPTURED; return (this.cursor.buf[o]! << 16) | u16(this.cursor.buf, o + 1); }
  /** Bytes of extension TLVs (with the Ext flag). */
  get extensionLength(): number { const o = this.off + 4; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }

  toJSON(): object { return { offset: this.offset, length: this.length, flags: this.flags }; }
}
