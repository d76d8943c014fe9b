// CLNP, the ISO 8473 connectionless network protocol (NLPID 0x81): a fixed part (NLPID, length
// indicator, version, lifetime, type and flags, segment length, checksum), the destination and
// source NSAP addresses with their lengths, a segmentation part when the SP flag is set, and
// options, to the length the length indicator gives; the data follows.
import { u16 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { nsapText, osiChecksum } from './osi.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const CLNP = Layer.Clnp;

/** Bytes of the fixed part of the header. */
export const CLNP_FIXED_LENGTH = 9;
/** Bytes of the segmentation part. */
export const CLNP_SEGMENT_LENGTH = 6;
/** PDU types. */
export const ClnpType = { ErrorReport: 1, Data: 28, Md: 29, EchoRequest: 30, EchoResponse: 31 } as const;

/** One CLNP option (code, length, value) at its first byte, pointed by a printer; getters checked, from the value. */
export class ClnpOption extends FieldView {
  get code(): number { return this.u8(0); }
  get valueLength(): number { return this.u8(1); }
  /** Absolute index of the value. */
  get valueStart(): number { return this.off + 2; }
  /** Byte `i` of the value (the first holds the option's flags: scope, QoS, reason, priority…). */
  valueByte(i: number): number { return this.u8(2 + i); }
  /** An NSAP in the value at `at` (after its length byte), `len` bytes, as text. */
  nsap(at: number, len: number): string { const o = this.off + 2 + at; if (o + len > this.end) throw NOT_CAPTURED; return nsapText(this.cursor.buf, o, len); }
  private u8(i: number): number { const o = this.off + i; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
}

/**
 * A CLNP header to its length indicator. Decoded in full when the length indicator covers the
 * fixed part and addresses and was captured; a length indicator below 9 is an error.
 */
export class Clnp extends LayerView {
  readonly layer = CLNP;
  /** A sub-view for the options (pointed by the printer; reused). */
  readonly option: ClnpOption = new ClnpOption(this.cursor);

  decode(c: Cursor): number {
    const o = c.off, end = c.end, b = c.buf;
    this.off = o; this.end = end; this.headerLength = 0;
    if (end - o < CLNP_FIXED_LENGTH) return c.short(CLNP, o, CLNP_FIXED_LENGTH);
    const li = b[o + 1]!;
    if (li < CLNP_FIXED_LENGTH) return c.invalid(CLNP, o, `length indicator ${li} < 9`);
    if (end - o < li) return c.short(CLNP, o, li);
    this.headerLength = li;
    c.mark(CLNP);
    c.off = o + li;
    return 0;
  }

  get lengthIndicator(): number { return this.u8(1); }
  get version(): number { return this.u8(2); }
  /** Lifetime, in units of 500 ms. */
  get lifetime(): number { return this.u8(3); }
  /** PDU type (low 5 bits) and flags (SP 0x80, MS 0x40, ER 0x20). */
  get typeByte(): number { return this.u8(4); }
  get segmentLength(): number { return this.u16(5); }
  get checksum(): number { return this.u16(7); }
  /** Destination address: its length (byte 9), the address after it. */
  get destinationLength(): number { return this.u8(9); }
  get destination(): string { return this.nsap(10, this.destinationLength); }
  /** Source address: its length follows the destination. */
  get sourceLengthAt(): number { return 10 + this.destinationLength; }
  get sourceLength(): number { return this.u8(this.sourceLengthAt); }
  get source(): string { return this.nsap(this.sourceLengthAt + 1, this.sourceLength); }
  /** The segmentation part at `at`: data unit ID, segment offset, total length. */
  dataUnitId(at: number): number { return this.u16(at); }
  segmentOffset(at: number): number { return this.u16(at + 2); }
  totalLength(at: number): number { return this.u16(at + 4); }
  /** The byte at `at` (the first byte of an Error Report's data: an NLPID). */
  nlpidAt(at: number): number { return this.u8(at); }
  /** The checksum the header's first `length` bytes should carry (checked; the caller tests has(length)). */
  expectedChecksum(length: number): number { return osiChecksum(this.cursor.buf, this.off, 7, length); }

  private nsap(i: number, len: number): string { const o = this.off + i; if (o + len > this.end) throw NOT_CAPTURED; return nsapText(this.cursor.buf, o, len); }
  private u8(i: number): number { const o = this.off + i; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  private u16(i: number): number { const o = this.off + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }

  toJSON(): object {
    return {
      offset: this.offset, length: this.length, version: this.version, lifetime: this.lifetime, type: this.typeByte & 0x1f, flags: this.typeByte & 0xe0,
      segmentLength: this.segmentLength, checksum: this.checksum, destination: this.destination, source: this.source,
    };
  }
}
