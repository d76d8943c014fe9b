// ES-IS, ISO 9542 (NLPID 0x82): a 9-byte fixed part (NLPID, length indicator, version, reserved,
// type, holding time, checksum), then by type the addresses of an ESH, an ISH or a redirect, and
// options, to the length indicator.
import { linkAddrToString, macToString } from './addr.js';
import { u16 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { nsapText, osiChecksum } from './osi.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const ESIS = Layer.Esis;

/** Bytes of the fixed part. */
export const ESIS_FIXED_LENGTH = 9;
/** PDU types. */
export const EsisType = { Esh: 2, Ish: 4, Redirect: 6 } as const;

/**
 * An ES-IS PDU to its length indicator. Decoded in full when that many bytes were captured; a
 * length indicator below 11 (the fixed part and two bytes) is an error. The variable part's
 * fields sit at offsets the printer walks (`at`, from the layer's start).
 */
export class Esis extends LayerView {
  readonly layer = ESIS;

  decode(c: Cursor): number {
    const o = c.off, end = c.end, b = c.buf;
    this.off = o; this.end = end; this.headerLength = 0;
    if (end - o < ESIS_FIXED_LENGTH) return c.short(ESIS, o, ESIS_FIXED_LENGTH);
    const li = b[o + 1]!;
    if (li < ESIS_FIXED_LENGTH + 2) return c.invalid(ESIS, o, `length indicator ${li} < 11`);
    if (end - o < li) return c.short(ESIS, o, li);
    this.headerLength = li;
    c.mark(ESIS);
    c.off = o + li;
    return 0;
  }

  get nlpid(): number { return this.u8(0); }
  get lengthIndicator(): number { return this.u8(1); }
  get version(): number { return this.u8(2); }
  /** PDU type (low 5 bits): 2 ESH, 4 ISH, 6 redirect. */
  get typeByte(): number { return this.u8(4); }
  get holdingTime(): number { return this.u16(5); }
  get checksum(): number { return this.u16(7); }
  /** A length byte (address, SNPA, NET, option) or count at `at`. */
  lengthAt(at: number): number { return this.u8(at); }
  /** An NSAP / NET of `len` bytes at `at`. */
  nsap(at: number, len: number): string { const o = this.off + at; if (o + len > this.end) throw NOT_CAPTURED; return nsapText(this.cursor.buf, o, len); }
  /** A redirect's SNPA of `len` bytes at `at`: a MAC when 6 bytes, else colon-separated hex. */
  snpa(at: number, len: number): string {
    const o = this.off + at;
    if (o + len > this.end) throw NOT_CAPTURED;
    return len === 6 ? macToString(this.cursor.buf, o) : linkAddrToString(this.cursor.buf, o, len);
  }
  /** An option at `at`: its code, its length, the ES configuration time (2-byte value). */
  optionCode(at: number): number { return this.u8(at); }
  optionLength(at: number): number { return this.u8(at + 1); }
  configurationTime(at: number): number { return this.u16(at + 2); }
  /** The checksum the first `length` bytes should carry. */
  expectedChecksum(length: number): number { return osiChecksum(this.cursor.buf, this.off, 7, length); }

  private u8(i: number): number { const o = this.off + i; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  private u16(i: number): number { const o = this.off + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }

  toJSON(): object {
    return { offset: this.offset, length: this.length, version: this.version, type: this.typeByte & 0x1f, holdingTime: this.holdingTime, checksum: this.checksum };
  }
}
