// LISP control messages (RFC 6830/9301), UDP port 4342. tcpdump decodes Map-Register and
// Map-Notify: a 16-byte header (type and flags, record count, nonce, key id, authentication data
// length), the authentication data, EID records each with their locators, then an xTR-ID and
// site-ID when the I bit says so.
import { ipv4ToString, ipv6ToString } from './addr.js';
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const LISP = Layer.Lisp;

/** Bytes of the Map-Register/Map-Notify header (before the authentication data). */
export const LISP_HEADER_LENGTH = 16;
/** Bytes of an EID record before its prefix, and of a locator before its address. */
export const LISP_EID_RECORD_LENGTH = 12;
export const LISP_LOCATOR_LENGTH = 8;

/** Message types. */
export const LispType = { MapRequest: 1, MapReply: 2, MapRegister: 3, MapNotify: 4, EncapsulatedControl: 8 } as const;

/**
 * A LISP control message. Header fields are checked getters; records and locators are read at
 * their offsets from the message's first byte (`recordTtl(at)`, `locatorAfi(at)`…), which the
 * printer walks since each record's size depends on its address families.
 */
export class Lisp extends LayerView {
  readonly layer = LISP;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < LISP_HEADER_LENGTH) return c.short(LISP, o, LISP_HEADER_LENGTH);
    this.headerLength = LISP_HEADER_LENGTH;
    c.mark(LISP);
    c.off = o + LISP_HEADER_LENGTH;
    return 0;
  }

  private u8(i: number): number { return this.byte(i); }
  /** 16/32-bit value at byte `i` of the message, checked. */
  word16(i: number): number { const o = this.off + i; if (o + 2 > this.end || i < 0) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  word32(i: number): number { const o = this.off + i; if (o + 4 > this.end || i < 0) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }

  get type(): number { return this.u8(0) >> 4; }
  /** The first 32 bits: type, flags (P, S, I, R, M for a Map-Register), record count. */
  get flagsWord(): number { return this.word32(0); }
  /** xTR-ID and site-ID follow the records (the I bit). */
  get xtrPresent(): boolean { const b = this.u8(0), t = b >> 4; return t === 3 ? (b & 2) !== 0 : t === 4 ? (b & 8) !== 0 : false; }
  get recordCount(): number { return this.u8(3); }
  get keyId(): number { return this.word16(12); }
  get authDataLength(): number { return this.word16(14); }
  // An EID record at byte `at`: TTL, locator count, prefix length, action/A bit, map version, prefix family; its prefix follows.
  recordTtl(at: number): number { return this.word32(at); }
  recordLocatorCount(at: number): number { return this.u8(at + 4); }
  recordMaskLength(at: number): number { return this.u8(at + 5); }
  recordActionFlags(at: number): number { return this.u8(at + 6); }
  recordMapVersion(at: number): number { return this.word16(at + 8) & 0x0fff; }
  recordAfi(at: number): number { return this.word16(at + 10); }
  // A locator at byte `at`: priority, weight, multicast priority and weight, flags, address family; its address follows.
  locatorPriority(at: number): number { return this.u8(at); }
  locatorWeight(at: number): number { return this.u8(at + 1); }
  locatorMPriority(at: number): number { return this.u8(at + 2); }
  locatorMWeight(at: number): number { return this.u8(at + 3); }
  locatorFlags(at: number): number { return this.word16(at + 4); }
  locatorAfi(at: number): number { return this.word16(at + 6); }
  /** IPv4 / IPv6 address at byte `i` of the message. */
  ipv4At(i: number): string { const o = this.off + i; if (o + 4 > this.end) throw NOT_CAPTURED; return ipv4ToString(this.cursor.buf, o); }
  ipv6At(i: number): string { const o = this.off + i; if (o + 16 > this.end) throw NOT_CAPTURED; return ipv6ToString(this.cursor.buf, o); }
  /** The site-ID at byte `i` (64 bits). */
  siteId(i: number): bigint { return (BigInt(this.word32(i)) << 32n) | BigInt(this.word32(i + 4)); }

  toJSON(): object {
    return { offset: this.offset, length: this.length, type: this.type, flagsWord: this.flagsWord, recordCount: this.recordCount, keyId: this.keyId, authDataLength: this.authDataLength };
  }
}
