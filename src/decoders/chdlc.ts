// Cisco HDLC (LINKTYPE_C_HDLC, 104; also inside PPP-over-serial and Juniper captures): a 4-byte
// header — address (0x0f unicast, 0x8f broadcast), control, an EtherType — and SLARP, Cisco's
// Serial Line ARP (keepalives and address requests), which it carries as type 0x8035.
import { ipv4ToString } from './addr.js';
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { byEtherType } from './registry-tables.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const CHDLC = Layer.Chdlc, SLARP = Layer.Slarp;
/** CLNP's, ES-IS's and IS-IS's NLPIDs: the byte C-HDLC's OSI frames have after a pad byte. */
const isOsiNlpid = (b: number | undefined): boolean => b === 0x81 || b === 0x82 || b === 0x83;
const BY_ETHER_TYPE = byEtherType;

/** Bytes of the C-HDLC header. */
export const CHDLC_HEADER_LENGTH = 4;
/** The C-HDLC type of SLARP (the value Ethernet uses for RARP). */
export const CHDLC_TYPE_SLARP = 0x8035;
/** Bytes of the SLARP code, before the message's fields. */
export const SLARP_CODE_LENGTH = 4;
/** Bytes of a SLARP message without, and with, the keepalive's optional uptime. */
export const SLARP_MIN_LENGTH = 14;
export const SLARP_MAX_LENGTH = 18;
/** SLARP codes. */
export const enum SlarpCode { Request = 0, Reply = 1, Keepalive = 2 }

/** The C-HDLC header. */
export class Chdlc extends LayerView {
  readonly layer = CHDLC;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < CHDLC_HEADER_LENGTH) return c.short(CHDLC, o, CHDLC_HEADER_LENGTH);
    this.headerLength = CHDLC_HEADER_LENGTH;
    c.mark(CHDLC);
    c.off = o + CHDLC_HEADER_LENGTH;
    const type = u16(c.buf, o + 2);
    if (type === CHDLC_TYPE_SLARP) return SLARP;
    // OSI (0xfefe): a pad ("fudge") byte before the NLPID only when the byte after it is CLNP's, ES-IS's
    // or IS-IS's NLPID (tcpdump's chdlc_print looks); the OSI view takes a pad only under EtherType 0xfefe.
    c.etherType = type === 0xfefe && !isOsiNlpid(c.buf[o + CHDLC_HEADER_LENGTH + 1]) ? 0 : type;
    return BY_ETHER_TYPE[type]!;
  }

  /** 0x0f unicast, 0x8f broadcast. */
  get address(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  get control(): number { const o = this.off + 1; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** An EtherType (0x8035: SLARP). */
  get protocol(): number { const o = this.off + 2; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }

  toJSON(): object { return { offset: this.offset, length: this.length, address: this.address, control: this.control, protocol: this.protocol }; }
}

/** A SLARP message: a code, then an address and mask (request, reply) or keepalive sequence numbers. */
export class Slarp extends LayerView {
  readonly layer = SLARP;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < SLARP_MIN_LENGTH) return c.short(SLARP, o, SLARP_MIN_LENGTH);
    this.headerLength = c.end - o >= SLARP_MAX_LENGTH && u32(c.buf, o) === SlarpCode.Keepalive ? SLARP_MAX_LENGTH : SLARP_MIN_LENGTH;
    c.mark(SLARP);
    c.off = o + this.headerLength;
    return 0;
  }

  #u32(i: number): number { const o = this.off + i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  /** SlarpCode. */
  get code(): number { return this.#u32(0); }
  /** Reply: the sender's address and mask. */
  get address(): string { const o = this.off + 4; if (o + 4 > this.end) throw NOT_CAPTURED; return ipv4ToString(this.cursor.buf, o); }
  get mask(): string { const o = this.off + 8; if (o + 4 > this.end) throw NOT_CAPTURED; return ipv4ToString(this.cursor.buf, o); }
  /** Keepalive: the sender's sequence number, the last one it saw from us, and the reliability. */
  get mySequence(): number { return this.#u32(4); }
  get yourSequence(): number { return this.#u32(8); }
  get reliability(): number { const o = this.off + 12; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  /** Keepalive: the link's uptime in milliseconds (optional: in messages of 18 bytes and more). */
  get uptime(): number { return this.#u32(14); }

  toJSON(): object {
    const code = this.code;
    if (code === SlarpCode.Keepalive) {
      const o: Record<string, unknown> = { offset: this.offset, length: this.length, code, mySequence: this.mySequence, yourSequence: this.yourSequence, reliability: this.reliability };
      if (this.headerLength === SLARP_MAX_LENGTH) o.uptime = this.uptime;
      return o;
    }
    return { offset: this.offset, length: this.length, code, address: this.address, mask: this.mask };
  }
}
