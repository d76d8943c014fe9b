// IEEE 802.1AE MACsec (EtherType 0x88e5): the SecTAG — TCI and association number, short length,
// packet number, optional secure channel identifier — then the secure data and a 16-byte ICV.
// When the data is only integrity-protected, it starts with the protected frame's EtherType.
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { etherTypeOrLength } from './ethernet.js';
import { Layer } from './layer.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const MACSEC = Layer.Macsec;

/** Bytes of the SecTAG without and with the secure channel identifier. */
export const MACSEC_SECTAG_LENGTH = 6;
export const MACSEC_SECTAG_SCI_LENGTH = 14;
/** Bytes of the integrity check value at the end (the default cipher suites'). */
export const MACSEC_ICV_LENGTH = 16;

/** TCI bits (the high six of the first byte) and the association number below them. */
export const enum MacsecTci {
  Version = 0x80, EndStation = 0x40, Sci = 0x20, Scb = 0x10, Encrypted = 0x08, Changed = 0x04,
  Flags = 0x7c, Confidential = 0x0c, AnMask = 0x03,
}

/** The SecTAG. Decoded in full (the next layer its EtherType's) only when the data is not encrypted. */
export class Macsec extends LayerView {
  readonly layer = MACSEC;

  decode(c: Cursor): number {
    const o = c.off, b = c.buf;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < MACSEC_SECTAG_LENGTH) return c.short(MACSEC, o, MACSEC_SECTAG_LENGTH);
    const tci = b[o]!;
    const n = tci & MacsecTci.Sci ? MACSEC_SECTAG_SCI_LENGTH : MACSEC_SECTAG_LENGTH;
    if (c.end - o < n) return c.short(MACSEC, o, n);
    if (tci & MacsecTci.Version || b[o + 1]! & 0xc0) return c.invalid(MACSEC, o, 'MACsec version or short length out of range');
    if (tci & MacsecTci.Confidential) {
      // Encrypted: the rest is ciphertext and the ICV.
      this.headerLength = n;
      c.mark(MACSEC);
      c.off = o + n;
      return 0;
    }
    // The ICV ends the frame; a short length, when set, is the secure data's.
    let end = c.end - MACSEC_ICV_LENGTH;
    if (end < o + n) return c.short(MACSEC, o, n + MACSEC_ICV_LENGTH);
    const sl = b[o + 1]! & 0x3f;
    if (sl !== 0) {
      if (o + n + sl > end) return c.short(MACSEC, o, n + sl + MACSEC_ICV_LENGTH);
      end = o + n + sl;
    }
    // What follows is read up to the ICV (or the short length) only, whatever the walk finds.
    this.end = end;
    if (end - o < n + 2) return c.short(MACSEC, o, n + 2);
    c.end = end;
    this.headerLength = n + 2;
    c.mark(MACSEC);
    c.off = o + n + 2;
    const next = etherTypeOrLength(c, u16(b, o + n));
    this.end = c.end;
    return next;
  }

  #tci(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** The TCI's flag bits (MacsecTci.Flags). */
  get flags(): number { return this.#tci() & MacsecTci.Flags; }
  /** The version bit (must be 0). */
  get version(): number { return this.#tci() >> 7; }
  get associationNumber(): number { return this.#tci() & MacsecTci.AnMask; }
  /** The secure channel identifier is present. */
  get hasSci(): boolean { return (this.#tci() & MacsecTci.Sci) !== 0; }
  /** Encrypted or changed text: the data is not readable. */
  get confidential(): boolean { return (this.#tci() & MacsecTci.Confidential) !== 0; }
  /** The short-length byte (its top two bits must be 0). */
  get shortLengthByte(): number { const o = this.off + 1; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** Bytes of secure data when under 48 (0: the data runs to the ICV). */
  get shortLength(): number { return this.shortLengthByte & 0x3f; }
  get packetNumber(): number { const o = this.off + 2; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  /** The secure channel identifier, 16 hex digits (when present). */
  get sci(): string {
    const o = this.off + 6;
    if (o + 8 > this.end) throw NOT_CAPTURED;
    return u32(this.cursor.buf, o).toString(16).padStart(8, '0') + u32(this.cursor.buf, o + 4).toString(16).padStart(8, '0');
  }
  /** Bytes of the SecTAG. */
  get sectagLength(): number { return this.hasSci ? MACSEC_SECTAG_SCI_LENGTH : MACSEC_SECTAG_LENGTH; }
  /** The protected frame's type/length field (integrity only). */
  get etherType(): number { const o = this.off + this.sectagLength; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }

  toJSON(): object {
    const o: Record<string, unknown> = { offset: this.offset, length: this.length, associationNumber: this.associationNumber, flags: this.flags,
      shortLength: this.shortLength, packetNumber: this.packetNumber };
    if (this.hasSci) o.sci = this.sci;
    if (!this.confidential) o.etherType = this.etherType;
    return o;
  }
}
