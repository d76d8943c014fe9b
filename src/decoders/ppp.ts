// PPP (RFC 1661; LINKTYPE_PPP 9, and inside PPPoE sessions): an optional address and control
// field (0xff 0x03, or pppd's direction byte 0x00/0x01 and 0x03), then the protocol, one byte
// when protocol-field compression makes it odd. PPP_SERIAL (50) is PPP in HDLC-like framing
// (RFC 1662) or Cisco HDLC. The control protocols (LCP, IPCP, IP6CP, CCP, BACP, …) and the
// authentication protocols (PAP, CHAP) share one packet format: code, identifier, length, data —
// for the configure packets a list of options (type, length, value).
import { ipv4ToString, macToString } from './addr.js';
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { byEtherType } from './registry-tables.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const PPP = Layer.Ppp, PPP_SERIAL = Layer.PppSerial, PPP_CONTROL = Layer.PppControl, CHDLC = Layer.Chdlc, IPV4 = Layer.Ipv4, IPV6 = Layer.Ipv6;
const BY_ETHER_TYPE = byEtherType;

/** PPP protocol numbers vcap's printers and decoders act on. */
export const enum PppProto {
  Ip = 0x0021, Osi = 0x0023, Ipx = 0x002b, Vjc = 0x002d, Vjnc = 0x002f, Ml = 0x003d, Ipv6 = 0x0057, Comp = 0x00fd,
  MplsUnicast = 0x0281, MplsMulticast = 0x0283,
  Ipcp = 0x8021, Osicp = 0x8023, Ipv6cp = 0x8057, Ccp = 0x80fd, Mplscp = 0x8281,
  Lcp = 0xc021, Pap = 0xc023, Lqm = 0xc025, Spap = 0xc027, Bacp = 0xc02b, Bap = 0xc02d, SpapOld = 0xc123, Chap = 0xc223, Eap = 0xc227,
}
/** The address and control fields of RFC 1662 framing, and pppd's direction bytes in their place. */
export const PPP_ADDRESS = 0xff, PPP_CONTROL_BYTE = 0x03, PPPD_IN = 0x00, PPPD_OUT = 0x01;
/** Bytes of the code, identifier and length of a control packet, and of an option's type and length. */
export const PPP_CONTROL_HEADER_LENGTH = 4;
export const PPP_OPTION_HEADER_LENGTH = 2;
/** Bytes of the RFC 1662 header: address, control, protocol. */
export const PPP_SERIAL_HEADER_LENGTH = 4;
/** Bytes of the protocol field before a control packet (tcpdump's -vv dump starts there). */
export const PPP_PROTOCOL_LENGTH = 2;

/** True for the protocols whose packets are PppControl's (code, identifier, length). */
export function isPppControl(proto: number): boolean {
  switch (proto) {
    case PppProto.Lcp: case PppProto.Ipcp: case PppProto.Osicp: case PppProto.Mplscp: case PppProto.Ipv6cp: case PppProto.Ccp:
    case PppProto.Bacp: case PppProto.Chap: case PppProto.Pap:
      return true;
    default:
      return false;
  }
}

/** The layer a PPP protocol number leads to (0: none vcap decodes). */
export function pppNext(c: Cursor, proto: number): number {
  switch (proto) {
    case 0x0800: case PppProto.Vjnc: case PppProto.Ip: return IPV4;
    case 0x86dd: case PppProto.Ipv6: return IPV6;
    case PppProto.MplsUnicast: c.etherType = 0x8847; return BY_ETHER_TYPE[0x8847]!;
    case PppProto.MplsMulticast: c.etherType = 0x8848; return BY_ETHER_TYPE[0x8848]!;
    default: return isPppControl(proto) ? PPP_CONTROL : 0;
  }
}

/**
 * The ML-PPP header after a PPP header of protocol 0x003d (RFC 1990, the short sequence number
 * format): begin and end flags and a 12-bit sequence number. Pointed by the printer.
 */
export class PppMultilink extends FieldView {
  /** Begin (0x80) and end (0x40) fragment flags. */
  get flags(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]! & 0xc0; }
  get sequence(): number { const o = this.off; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o) & 0x0fff; }
}

/** The PPP header (`layer` Ppp), or PPP in HDLC-like framing (PppSerial: address, control, then the protocol). */
export class Ppp extends LayerView {
  readonly layer: typeof Layer.Ppp | typeof Layer.PppSerial;
  readonly multilink: PppMultilink;

  constructor(c: Cursor, layer: typeof Layer.Ppp | typeof Layer.PppSerial) { super(c); this.layer = layer; this.multilink = new PppMultilink(c); }

  decode(c: Cursor): number {
    const o = c.off, b = c.buf, end = c.end;
    this.off = o; this.end = end; this.headerLength = 0;
    if (end - o < 2) return c.short(this.layer, o, 2);
    if (this.layer === PPP_SERIAL) {
      const a = b[o]!;
      // Cisco HDLC framing on the same link type: the C-HDLC header starts here.
      if (a === 0x0f || a === 0x8f) return CHDLC;
      if (end - o < 4) return c.short(PPP_SERIAL, o, 4);
      if (a !== PPP_ADDRESS) return c.invalid(PPP_SERIAL, o, `PPP address 0x${a.toString(16)} unknown`);
      this.headerLength = 4;
      c.mark(PPP_SERIAL);
      c.off = o + 4;
      return pppNext(c, u16(b, o + 2));
    }
    const n = this.addressControlLength;
    if (end - o - n < 2) return c.short(PPP, o, n + 2);
    const pfc = (b[o + n]! & 1) !== 0;
    this.headerLength = n + (pfc ? 1 : 2);
    c.mark(PPP);
    c.off = o + this.headerLength;
    return pppNext(c, pfc ? b[o + n]! : u16(b, o + n));
  }

  /** PPP: 2 when the frame starts with the address and control fields (or pppd's direction and control), else 0. */
  get addressControlLength(): number {
    const o = this.off;
    if (o + 2 > this.end) throw NOT_CAPTURED;
    const h = u16(this.cursor.buf, o);
    return h === 0xff03 || h === 0x0003 || h === 0x0103 ? 2 : 0;
  }
  /** The first byte: the address (0xff), or pppd's direction (0 in, 1 out). */
  get address(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  get control(): number { const o = this.off + 1; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** True when the protocol field is compressed to one byte (PPP; an odd first byte). */
  get protocolCompressed(): boolean {
    if (this.layer === PPP_SERIAL) return false;
    const o = this.off + this.addressControlLength;
    if (o >= this.end) throw NOT_CAPTURED;
    return (this.cursor.buf[o]! & 1) !== 0;
  }
  /** The PPP protocol number. */
  get protocol(): number {
    const o = this.off + (this.layer === PPP_SERIAL ? 2 : this.addressControlLength);
    if (this.protocolCompressed) return this.cursor.buf[o]!;
    if (o + 2 > this.end) throw NOT_CAPTURED;
    return u16(this.cursor.buf, o);
  }
  /** Bytes of the header: address and control (when there), protocol. */
  get protocolEnd(): number {
    if (this.layer === PPP_SERIAL) return 4;
    return this.addressControlLength + (this.protocolCompressed ? 1 : 2);
  }

  toJSON(): object { return { offset: this.offset, length: this.length, protocol: this.protocol }; }
}

/** An option of a configure packet, or a suboption of IPCP's IP-Comp (type, length, value), pointed at each by the printer. */
export class PppOption extends FieldView {
  get type(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** The option's length, its type and length bytes included. */
  get length(): number { const o = this.off + 1; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  #u8(i: number): number { const o = this.off + i; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  #u16(i: number): number { const o = this.off + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  #u32(i: number): number { const o = this.off + i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  /** The value's first byte, second byte, first 16, 24 and 32 bits (what each option's value is depends on its type). */
  get value8(): number { return this.#u8(2); }
  get secondValue8(): number { return this.#u8(3); }
  get value16(): number { return this.#u16(2); }
  get value24(): number { const o = this.off + 2; if (o + 3 > this.end) throw NOT_CAPTURED; return (this.cursor.buf[o]! << 16) | u16(this.cursor.buf, o + 1); }
  get value32(): number { return this.#u32(2); }
  /** An IPv4 address value (IPCP's addresses and servers), and IP-Addrs' second one. */
  get address(): string { const o = this.off + 2; if (o + 4 > this.end) throw NOT_CAPTURED; return ipv4ToString(this.cursor.buf, o); }
  get secondAddress(): string { const o = this.off + 6; if (o + 4 > this.end) throw NOT_CAPTURED; return ipv4ToString(this.cursor.buf, o); }
  /** LCP Auth-Prot with CHAP: the algorithm (5 MD5, 128 MS-CHAPv1, 129 MS-CHAPv2). */
  get authAlgorithm(): number { return this.#u8(4); }
  /** LCP End-Disc: the class, then an IPv4 or MAC address. */
  get endpointAddress(): string { const o = this.off + 3; if (o + 4 > this.end) throw NOT_CAPTURED; return ipv4ToString(this.cursor.buf, o); }
  get endpointMac(): string { const o = this.off + 3; if (o + 6 > this.end) throw NOT_CAPTURED; return macToString(this.cursor.buf, o); }
  /** IPCP IP-Comp with IP header compression (RFC 3544): TCP space, non-TCP space, max period, max time, max header (i = 0…4). */
  ipcompParameter(i: number): number { return this.#u16(4 + 2 * i); }
  /** IP6CP Interface-ID's four 16-bit words (i = 0…3). */
  interfaceIdWord(i: number): number { return this.#u16(2 + 2 * i); }
}

/** A control or authentication packet (LCP, IPCP, …, PAP, CHAP): code, identifier, length, data. */
export class PppControl extends LayerView {
  readonly layer = PPP_CONTROL;
  /** For walking the options of a configure packet, and the suboptions of one. */
  readonly option: PppOption;
  readonly suboption: PppOption;

  constructor(c: Cursor) { super(c); this.option = new PppOption(c); this.suboption = new PppOption(c); }

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < PPP_CONTROL_HEADER_LENGTH) return c.short(PPP_CONTROL, o, PPP_CONTROL_HEADER_LENGTH);
    this.headerLength = PPP_CONTROL_HEADER_LENGTH;
    c.mark(PPP_CONTROL);
    c.off = o + PPP_CONTROL_HEADER_LENGTH;
    return 0;
  }

  get code(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  get identifier(): number { const o = this.off + 1; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** The packet's length field (its header included). */
  get packetLength(): number { const o = this.off + 2; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  /** A 32-bit field of the data at byte `i` of the packet (magic numbers, seconds remaining). */
  dataWord(i: number): number { const o = this.off + i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  /** The 16-bit field at byte `i` (Protocol-Reject's protocol). */
  dataShort(i: number): number { const o = this.off + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  /** The 24-bit OUI at byte `i` (Vendor-Specific). */
  dataOui(i: number): number { const o = this.off + i; if (o + 3 > this.end) throw NOT_CAPTURED; return (this.cursor.buf[o]! << 16) | u16(this.cursor.buf, o + 1); }

  toJSON(): object { return { offset: this.offset, length: this.length, code: this.code, identifier: this.identifier, packetLength: this.packetLength }; }
}
