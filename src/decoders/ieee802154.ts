// IEEE 802.15.4 MAC frames (LINKTYPE_IEEE802_15_4_WITHFCS 195, _NOFCS 230, and after the TAP
// header of LINKTYPE_IEEE802_15_4_TAP 283): frame control, sequence number, PAN IDs and addresses
// laid out by the addressing modes and PAN ID compression rules of 802.15.4-2015 (standard and
// multipurpose frames), the auxiliary security header, header and payload IEs, the old beacon
// fields and MAC commands. The FCS is recognised as tcpdump recognises it: a 4-byte CRC-32 or a
// 2-byte CRC-16 over the rest of what was captured, when it matches.
import { u16le, u32le } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const IEEE802154 = Layer.Ieee802154, TAP = Layer.Ieee802154Tap;

/** Frame types (frame control bits 0–2). */
export const enum Wpan { Beacon = 0, Data = 1, Ack = 2, Command = 3, Multipurpose = 5, Fragment = 6 }
/** Bytes of the TAP header before its TLVs (version, reserved, length). */
export const WPAN_TAP_HEADER_LENGTH = 4;

/** Address length of addressing mode `mode` (-1: the reserved mode). */
export function wpanAddressLength(mode: number): number { return mode === 0 ? 0 : mode === 1 ? -1 : mode === 2 ? 2 : 8; }

/** `hh:hh:…` of the 8-byte little-endian extended address at `o` (most significant byte first, as tcpdump's le64addr_string). */
function le64Address(b: Uint8Array, o: number): string {
  let s = '';
  for (let i = 7; i >= 0; i--) s += (i < 7 ? ':' : '') + b[o + i]!.toString(16).padStart(2, '0');
  return s;
}

/** tcpdump's ieee802_15_4_crc16 (initial value 0, bits reflected in and out) over `n` bytes at `o`. */
export function wpanCrc16(b: Uint8Array, o: number, n: number): number {
  let crc = 0;
  for (let i = 0; i < n; i++) {
    let y = b[o + i]!;
    y = ((y & 0xaa) >> 1) | ((y & 0x55) << 1);
    y = ((y & 0xcc) >> 2) | ((y & 0x33) << 2);
    y = ((y & 0xf0) >> 4) | ((y & 0x0f) << 4);
    let x = ((crc >> 8) ^ y) & 0xff;
    x ^= x >> 4;
    crc = ((crc << 8) ^ (x << 12) ^ (x << 5) ^ x) & 0xffff;
  }
  crc = ((crc & 0xaaaa) >> 1) | ((crc & 0x5555) << 1);
  crc = ((crc & 0xcccc) >> 2) | ((crc & 0x3333) << 2);
  crc = ((crc & 0xf0f0) >> 4) | ((crc & 0x0f0f) << 4);
  return ((crc & 0xff00) >> 8) | ((crc & 0x00ff) << 8);
}

function reverse32(x: number): number {
  x = ((x & 0x55555555) << 1) | ((x >>> 1) & 0x55555555);
  x = ((x & 0x33333333) << 2) | ((x >>> 2) & 0x33333333);
  x = ((x & 0x0f0f0f0f) << 4) | ((x >>> 4) & 0x0f0f0f0f);
  return ((x << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24)) >>> 0;
}

/** tcpdump's ieee802_15_4_crc32 (polynomial 0x04C11DB7, initial value 0, bits reflected in and out). */
export function wpanCrc32(b: Uint8Array, o: number, n: number): number {
  let crc = 0;
  for (let i = 0; i < n; i++) {
    let byte = reverse32(b[o + i]!);
    for (let k = 0; k < 8; k++) {
      crc = (crc ^ byte) & 0x80000000 ? ((crc << 1) ^ 0x04c11db7) >>> 0 : (crc << 1) >>> 0;
      byte = (byte << 1) >>> 0;
    }
  }
  return reverse32(crc);
}

/**
 * Reads inside an 802.15.4 frame at positions its printer walks to (an IE, the beacon fields, a
 * command's fields): pointed at the structure, checked against the capture.
 */
export class WpanFields extends FieldView {
  /** An IE's 2-byte little-endian header (type, ID, length). */
  get ieHeader(): number { const o = this.off; if (o + 2 > this.end) throw NOT_CAPTURED; return u16le(this.cursor.buf, o); }
  /** Byte `i` as a number (the beacon's GTS and pending-address specifications, a command's fields). */
  u8(i: number): number { return this.byte(i); }
  /** Bytes i, i+1, little-endian (superframe specification, short addresses, PAN IDs). */
  le16(i: number): number { const o = this.off + i; if (o + 2 > this.end || i < 0) throw NOT_CAPTURED; return u16le(this.cursor.buf, o); }
  /** An extended address at byte `i`. */
  extendedAddress(i: number): string { const o = this.off + i; if (o + 8 > this.end || i < 0) throw NOT_CAPTURED; return le64Address(this.cursor.buf, o); }
}

export class Ieee802154 extends LayerView {
  readonly layer = IEEE802154;
  readonly fields: WpanFields;
  /**
   * Bytes of the frame: what was captured, or what the encapsulation states (ZEP's inner length,
   * which may pass the capture).
   */
  frameBytes = 0;
  /** `frameBytes` without a recognised FCS (tcpdump's caplen after it removed one). */
  frameLength = 0;
  /** The FCS recognised (2 or 4 bytes; 0: none matched, or too short to have one). */
  fcsLength = 0;
  /** The last FCS candidate read and the CRC computed for it (equal when `fcsLength` is not 0). */
  fcsValue = 0; fcsComputed = 0;
  /** The stated frame passes the capture where its FCS would be, so it could not be tested (tcpdump's read of it unwinds). */
  fcsNotCaptured = false;

  constructor(c: Cursor) { super(c); this.fields = new WpanFields(c); }

  decode(c: Cursor): number {
    const o = c.off, b = c.buf;
    this.off = o; this.end = c.end; this.headerLength = 0; this.fcsLength = 0; this.fcsValue = 0; this.fcsComputed = 0;
    this.fcsNotCaptured = false;
    let n = c.end - o;
    const stated = c.statedLength;
    if (stated >= 0) {
      c.statedLength = -1;
      if (stated > n) return this.#pastCapture(c, o, stated);
      this.end = c.end = o + stated;
      n = stated;
    }
    this.frameBytes = n; this.frameLength = n;
    if (n < 2) return c.short(IEEE802154, o, 2);
    const fc = u16le(b, o);
    const type = fc & 7;
    // Multipurpose frames test a 4-byte FCS only on frames over 4 bytes, and a 2-byte one on 3 or more.
    if (type === Wpan.Multipurpose ? n > 4 : n >= 4) {
      this.fcsValue = u32le(b, o + n - 4);
      this.fcsComputed = wpanCrc32(b, o, n - 4);
      if (this.fcsValue === this.fcsComputed) this.fcsLength = 4;
    }
    if (this.fcsLength === 0 && (type === Wpan.Multipurpose ? n >= 3 : n >= 4)) {
      this.fcsValue = u16le(b, o + n - 2);
      this.fcsComputed = wpanCrc16(b, o, n - 2);
      if (this.fcsValue === this.fcsComputed) this.fcsLength = 2;
    }
    this.frameLength = n - this.fcsLength;
    c.mark(IEEE802154);
    // The MAC header's layout is the frame control's; what of it is there the printer checks as tcpdump does.
    this.headerLength = Math.min(this.frameLength, this.addressesEnd < 0 ? 2 : this.addressesEnd);
    c.off = o + this.headerLength;
    return 0;
  }

  /** A stated frame longer than what was captured of it: its FCS untested, the header as far as it was captured. */
  #pastCapture(c: Cursor, o: number, stated: number): number {
    const have = c.end - o;
    this.frameBytes = stated; this.frameLength = stated;
    c.cut = true;
    if (have < 2) return c.short(IEEE802154, o, 2);
    // tcpdump reads the FCS candidates at the stated end; a frame too short for them has none to read.
    this.fcsNotCaptured = (this.frameControl & 7) === Wpan.Multipurpose ? stated >= 3 : stated >= 4;
    c.mark(IEEE802154);
    this.headerLength = Math.min(have, this.addressesEnd < 0 ? 2 : this.addressesEnd);
    c.off = o + this.headerLength;
    return 0;
  }

  get frameControl(): number { const o = this.off; if (o + 2 > this.end) throw NOT_CAPTURED; return u16le(this.cursor.buf, o); }
  get frameType(): number { return this.frameControl & 7; }
  /** A multipurpose frame with the long frame control (bit 3). */
  get longFrameControl(): boolean { return this.frameType === Wpan.Multipurpose && (this.frameControl & 8) !== 0; }
  /** Frame version (standard frames and long multipurpose ones). */
  get version(): number { return (this.frameControl >> 12) & 3; }
  /** The sequence number is left out (standard: bit 8; long multipurpose: bit 10). */
  get sequenceSuppressed(): boolean {
    const fc = this.frameControl;
    if ((fc & 7) !== Wpan.Multipurpose) return (fc & 0x100) !== 0;
    return (fc & 8) !== 0 && (fc & 0x400) !== 0;
  }
  /** Where the sequence number is (multipurpose frames with the short frame control have it at 1). */
  get sequenceAt(): number { return this.frameType === Wpan.Multipurpose && (this.frameControl & 8) === 0 ? 1 : 2; }
  get sequence(): number { const o = this.off + this.sequenceAt; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** Where the addressing fields start. */
  get addressingAt(): number { return this.sequenceAt === 1 ? 2 : this.sequenceSuppressed ? 2 : 3; }
  get dstAddressLength(): number {
    const fc = this.frameControl;
    return wpanAddressLength(this.frameType === Wpan.Multipurpose ? (fc >> 4) & 3 : (fc >> 10) & 3);
  }
  get srcAddressLength(): number {
    const fc = this.frameControl;
    return wpanAddressLength(this.frameType === Wpan.Multipurpose ? (fc >> 6) & 3 : (fc >> 14) & 3);
  }
  /** Security enabled (standard: bit 3; long multipurpose: bit 9). */
  get securityEnabled(): boolean {
    const fc = this.frameControl;
    return (fc & 7) === Wpan.Multipurpose ? (fc & 8) !== 0 && (fc & 0x200) !== 0 : (fc & 8) !== 0;
  }
  /** IEs follow the addressing (standard: bit 9; long multipurpose: bit 15). */
  get iePresent(): boolean {
    const fc = this.frameControl;
    return (fc & 7) === Wpan.Multipurpose ? (fc & 8) !== 0 && (fc & 0x8000) !== 0 : (fc & 0x200) !== 0;
  }

  /**
   * Which PAN IDs the frame carries: bit 0 the destination's, bit 1 the source's (802.15.4-2015's
   * table 7-2 for version 2, the older rule before it; multipurpose frames: the PAN ID present bit).
   */
  get panIds(): number {
    const fc = this.frameControl, dst = this.dstAddressLength, src = this.srcAddressLength;
    if ((fc & 7) === Wpan.Multipurpose) return fc & 8 && fc & 0x100 ? 1 : 0;
    const comp = (fc & 0x40) !== 0;
    let dstPan = 1, srcPan = comp ? 0 : 1;
    if (dst <= 0) dstPan = 0;
    if (src <= 0) srcPan = 0;
    if (((fc >> 12) & 3) >= 2) {
      if (comp) {
        if (src === 0 && dst === 0) dstPan = 1;
        else if ((src === 0 && dst > 0) || (src > 0 && dst === 0) || (src === 8 && dst === 8)) { dstPan = 0; srcPan = 0; }
      } else {
        if (src === 8 && dst === 8) { dstPan = 1; srcPan = 0; }
        // tcpdump is built with BROKEN_6TISCH_PAN_ID_COMPRESSION (for 6TiSCH implementations that
        // leave the source PAN ID out here).
        if (src === 8 && dst === 2) srcPan = 0;
      }
    }
    return dstPan | (srcPan << 1);
  }
  /** Where each addressing field is, from the frame's start (-1: not in this frame; reserved modes: -1). */
  get dstPanAt(): number { return this.panIds & 1 ? this.addressingAt : -1; }
  get dstAddressAt(): number { return this.addressingAt + (this.panIds & 1 ? 2 : 0); }
  get srcPanAt(): number { return this.panIds & 2 ? this.dstAddressAt + Math.max(this.dstAddressLength, 0) : -1; }
  get srcAddressAt(): number { return this.dstAddressAt + Math.max(this.dstAddressLength, 0) + (this.panIds & 2 ? 2 : 0); }
  /** Where the addressing fields end (the auxiliary security header or the IEs start); -1 for a reserved addressing mode. */
  get addressesEnd(): number {
    const s = this.srcAddressLength, d = this.dstAddressLength;
    return s < 0 || d < 0 ? -1 : this.srcAddressAt + s;
  }
  #pan(at: number): number { const o = this.off + at; if (at < 0 || o + 2 > this.end) throw NOT_CAPTURED; return u16le(this.cursor.buf, o); }
  #address(at: number, n: number): string {
    const o = this.off + at;
    if (n === 0) return 'none';
    if (o + n > this.end) throw NOT_CAPTURED;
    return n === 2 ? u16le(this.cursor.buf, o).toString(16).padStart(4, '0') : le64Address(this.cursor.buf, o);
  }
  get dstPan(): number { return this.#pan(this.dstPanAt); }
  get srcPan(): number { return this.#pan(this.srcPanAt); }
  /** Addresses as tcpdump prints them: `none`, a short address in 4 hex digits, an extended one `hh:…`. */
  get dstAddress(): string { return this.#address(this.dstAddressAt, this.dstAddressLength); }
  get srcAddress(): string { return this.#address(this.srcAddressAt, this.srcAddressLength); }

  /**
   * The auxiliary security header at the end of the addressing: security control (level bits 0–2,
   * key identifier mode bits 3–4, frame counter suppressed bit 5), frame counter, key source, key index.
   */
  get securityControl(): number { const o = this.off + this.addressesEnd; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  get frameCounter(): number { const o = this.off + this.addressesEnd + 1; if (o + 4 > this.end) throw NOT_CAPTURED; return u32le(this.cursor.buf, o); }
  /** Where the key source starts (after the frame counter unless suppressed). */
  get keySourceAt(): number { return this.addressesEnd + 1 + (this.securityControl & 0x20 ? 0 : 4); }
  /** Key identifier mode 2: the key source's two 16-bit halves. */
  keySourceWord(k: number): number { const o = this.off + this.keySourceAt + 2 * k; if (o + 2 > this.end) throw NOT_CAPTURED; return u16le(this.cursor.buf, o); }
  /** Key identifier mode 3: the key source as an extended address. */
  get keySourceAddress(): string { const o = this.off + this.keySourceAt; if (o + 8 > this.end) throw NOT_CAPTURED; return le64Address(this.cursor.buf, o); }
  /** The key index at `at` (where tcpdump's walk puts it). */
  keyIndexAt(at: number): number { const o = this.off + at; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }

  /** Points `fields` at byte `at` of the frame (an IE, the beacon fields, a command) and returns it. */
  fieldsAt(at: number): WpanFields { return this.fields.point(this.off + at, this.end); }

  toJSON(): object {
    const fc = this.frameControl, ends = this.addressesEnd >= 0;
    return {
      offset: this.offset, length: this.length, frameType: fc & 7, frameControl: fc,
      sequence: this.sequenceSuppressed || !this.has(this.sequenceAt + 1) ? undefined : this.sequence,
      dstPan: ends && this.dstPanAt >= 0 && this.has(this.dstPanAt + 2) ? this.dstPan : undefined,
      dst: ends && this.has(this.dstAddressAt + this.dstAddressLength) ? this.dstAddress : undefined,
      srcPan: ends && this.srcPanAt >= 0 && this.has(this.srcPanAt + 2) ? this.srcPan : undefined,
      src: ends && this.has(this.srcAddressAt + this.srcAddressLength) ? this.srcAddress : undefined,
      fcsLength: this.fcsLength,
    };
  }
}

/** The TAP header of LINKTYPE_IEEE802_15_4_TAP (version 0, a length that covers its TLVs), then a frame. */
export class Ieee802154Tap extends LayerView {
  readonly layer = TAP;

  decode(c: Cursor): number {
    const o = c.off, b = c.buf;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < WPAN_TAP_HEADER_LENGTH) return c.short(TAP, o, WPAN_TAP_HEADER_LENGTH);
    const len = u16le(b, o + 2);
    if (b[o] !== 0 || len < WPAN_TAP_HEADER_LENGTH) return c.invalid(TAP, o, `version ${b[o]!}, length ${len}`);
    if (c.end - o < len) return c.short(TAP, o, len);
    this.headerLength = len;
    c.mark(TAP);
    c.off = o + len;
    return IEEE802154;
  }

  get version(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  get headerLengthField(): number { const o = this.off + 2; if (o + 2 > this.end) throw NOT_CAPTURED; return u16le(this.cursor.buf, o); }

  toJSON(): object { return { offset: this.offset, length: this.length, version: this.version }; }
}
