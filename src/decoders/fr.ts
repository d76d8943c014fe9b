// Frame Relay (LINKTYPE_FRELAY, 107): a Q.922 address of 2 to 4 bytes (DLCI, C/R, FECN, BECN,
// DE), then RFC 2427 encapsulation — control 0x03 (UI), an optional pad byte, an NLPID (IPv4,
// IPv6, PPP, SNAP, OSI, Q.933 signalling, FRF.15 fragments) — or Cisco's, an EtherType.
import { u16 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { byEtherType } from './registry-tables.js';
import { afterSnap } from './ethernet.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const FR = Layer.FrameRelay, MFR = Layer.Mfr, IPV4 = Layer.Ipv4, IPV6 = Layer.Ipv6, PPP = Layer.Ppp, OSI = Layer.Osi;
const BY_ETHER_TYPE = byEtherType;

/** NLPIDs (ISO/IEC TR 9577) Frame Relay carries. */
export const enum Nlpid { Null = 0x00, Q933 = 0x08, Lmi = 0x09, Snap = 0x80, Clnp = 0x81, Esis = 0x82, Isis = 0x83, Mfr = 0xb1, Ip = 0xcc, Ppp = 0xcf, Ip6 = 0x8e }
/** Q.922 flag bits as tcpdump packs them: C/R, FECN, BECN, DE. */
export const enum FrFlag { Cr = 0x02000000, De = 0x00020000, Becn = 0x00040000, Fecn = 0x00080000, Sdlc = 0x00000002 }

/**
 * A Q.922 address at `o` (at most `length` bytes on the wire, `end` captured): its length, or 0
 * when it is invalid (the EA bit too early, or not by the fourth byte), -1 when it is cut short.
 */
export function q922AddressLength(b: Uint8Array, o: number, end: number, length: number): number {
  if (o >= end || length < 1) return -1;
  if (b[o]! & 1) return 0;
  if (o + 1 >= end || length < 2) return -1;
  if (b[o + 1]! & 1) return 2;
  let n = 3;
  if (o + 2 >= end || length < 3) return -1;
  if ((b[o + 2]! & 1) === 0) {
    n = 4;
    if (o + 3 >= end || length < 4) return -1;
    if ((b[o + 3]! & 1) === 0) return 0;
  }
  return n;
}

/** FRF.16 (LINKTYPE_MFR, 182): the B/E/C flags, a sequence number or a control message, information elements. */
export class Mfr extends LayerView {
  readonly layer = MFR;
  /** For walking a control message's information elements. */
  readonly data: FieldView;

  constructor(c: Cursor) { super(c); this.data = new FieldView(c); }

  decode(c: Cursor): number {
    const o = c.off, b = c.buf;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < 4) return c.short(MFR, o, 4);
    const bec = b[o]! & 0xe0;
    c.mark(MFR);
    if (bec === 0xe0 && b[o + 1] === 0) { this.headerLength = 3; c.off = o + 3; return 0; }
    if (bec === 0xc0 || bec === 0x80) { this.headerLength = 2; c.off = o + 2; return FR; }
    return 0;
  }

  /** Begin (0x80), End (0x40), Control (0x20). */
  get flags(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]! & 0xe0; }
  /** A control frame: all three flags and a zero second byte. */
  get isControl(): boolean { return this.flags === 0xe0 && this.secondByte === 0; }
  get secondByte(): number { const o = this.off + 1; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** A control frame's message type (1 Add Link … 7 Remove Link ACK). */
  get messageType(): number { const o = this.off + 2; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** A fragment's 12-bit sequence number. */
  get sequence(): number { const o = this.off; if (o + 2 > this.end) throw NOT_CAPTURED; return ((this.cursor.buf[o]! & 0x1e) << 7) | this.cursor.buf[o + 1]!; }

  toJSON(): object { return { offset: this.offset, length: this.length, flags: this.flags }; }
}

/** Bytes of a SNAP header after NLPID 0x80: the OUI and the protocol ID. */
export const FR_SNAP_LENGTH = 5;

/** The SNAP header after NLPID 0x80 (RFC 2427), pointed at it by the printer. */
export class FrSnap extends FieldView {
  /** The organisation (00-00-00: the protocol ID is an EtherType). */
  get oui(): number { const o = this.off; if (o + 3 > this.end) throw NOT_CAPTURED; const b = this.cursor.buf; return (b[o]! << 16) | (b[o + 1]! << 8) | b[o + 2]!; }
  get protocol(): number { const o = this.off + 3; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
}

/** The Frame Relay header; the layer after it is the NLPID's (or the Cisco EtherType's, or SNAP's). */
export class FrameRelay extends LayerView {
  readonly layer = FR;
  /** For walking what follows byte by byte (Q.933's information elements, FRF.15's header). */
  readonly data: FieldView;
  /** The SNAP header after NLPID 0x80. */
  readonly snap: FrSnap;

  constructor(c: Cursor) { super(c); this.data = new FieldView(c); this.snap = new FrSnap(c); }

  decode(c: Cursor): number {
    const o = c.off, b = c.buf, end = c.end;
    this.off = o; this.end = end; this.headerLength = 0;
    const n = q922AddressLength(b, o, end, end - o);
    if (n < 0) return c.short(FR, o, 2);
    if (n === 0) return c.invalid(FR, o, 'invalid Q.922 address');
    if (end - o < n + 1) return c.short(FR, o, n + 1);
    if (b[o + n] !== 0x03 && this.dlci !== 0) {
      if (end - o < n + 2) return c.short(FR, o, n + 2);
      const t = u16(b, o + n);
      this.headerLength = n + 2;
      c.mark(FR);
      c.off = o + n + 2;
      c.etherType = t;
      return BY_ETHER_TYPE[t]!;
    }
    if (end - o < n + 2) return c.short(FR, o, n + 2);
    const h = b[o + n + 1] === 0 ? n + 3 : n + 2;
    if (end - o < h) return c.short(FR, o, h);
    this.headerLength = h;
    c.mark(FR);
    c.off = o + h;
    switch (b[o + h - 1]) {
      case Nlpid.Ip: return IPV4;
      case Nlpid.Ip6: return IPV6;
      case Nlpid.Ppp: return PPP;
      // OSI PDUs start at their NLPID (tcpdump hands isoclns_print the NLPID byte again).
      case Nlpid.Clnp: case Nlpid.Esis: case Nlpid.Isis: c.off = o + h - 1; c.etherType = 0; return OSI;
      case Nlpid.Snap: {
        // A SNAP header (RFC 2427): OUI 00-00-00 names an EtherType, another OUI one of its protocols.
        if (end - c.off < FR_SNAP_LENGTH) return 0;
        c.off += FR_SNAP_LENGTH;
        return afterSnap(c, b, c.off - FR_SNAP_LENGTH);
      }
      default: return 0;
    }
  }

  /** Bytes of the Q.922 address (2 to 4; 0 when invalid, -1 when cut short). */
  get addressLength(): number { return q922AddressLength(this.cursor.buf, this.off, this.end, this.end - this.off); }
  /** The DLCI (10 bits in a 2-byte address; 16 in 3 bytes, 23 in 4, the last byte's 6 high bits included). */
  get dlci(): number {
    const b = this.cursor.buf, o = this.off;
    if (o + 2 > this.end) throw NOT_CAPTURED;
    let d = ((b[o]! & 0xfc) << 2) | ((b[o + 1]! & 0xf0) >> 4);
    const n = this.addressLength;
    if (n === 4) d = (d << 7) | (b[o + 2]! >> 1);
    if (n >= 3) d = (d << 6) | (b[o + n - 1]! >> 2);
    return d;
  }
  /** FrFlag bits: C/R, FECN, BECN, DE, and the last byte's D/C bit (sdlcore) in 3- and 4-byte addresses. */
  get flags(): number {
    const b = this.cursor.buf, o = this.off;
    if (o + 2 > this.end) throw NOT_CAPTURED;
    const n = this.addressLength;
    return ((b[o]! & 0x02) << 24) | ((b[o + 1]! & 0x0e) << 16) | (n >= 3 ? b[o + n - 1]! & 0x02 : 0);
  }
  /** The byte after the address: the control field (0x03, UI) or a Cisco EtherType's first byte. */
  get control(): number { const o = this.off + this.addressLength; if (o >= this.end || o < this.off) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** Cisco encapsulation: the EtherType after the address. */
  get ciscoType(): number { const o = this.off + this.addressLength; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }

  toJSON(): object { return { offset: this.offset, length: this.length, dlci: this.dlci, flags: this.flags }; }
}
