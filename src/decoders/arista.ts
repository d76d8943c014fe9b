// Arista's vendor-specific EtherType (0xd28b): a subtype, and for subtype 1 a TapAgg timestamp —
// timescale (TAI, UTC), format (64-bit: seconds and nanoseconds; 48-bit: 16 bits of seconds and
// nanoseconds) and hardware — then the frame's own type/length field.
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { etherTypeOrLength } from './ethernet.js';
import { Layer } from './layer.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const ARISTA = Layer.Arista;

/** The timestamp subtype, and its two formats. */
export const ARISTA_SUBTYPE_TIMESTAMP = 1;
export const enum AristaFormat { Bits64 = 1, Bits48 = 2 }

/** Bytes the Arista header takes for a timestamp of `format` (0: a format vcap does not know). */
export function aristaTimestampHeaderLength(format: number): number {
  return format === AristaFormat.Bits64 ? 12 : format === AristaFormat.Bits48 ? 10 : 0;
}

/** The Arista header; decoded in full (then the frame's type) only for the timestamps vcap knows. */
export class Arista extends LayerView {
  readonly layer = ARISTA;

  decode(c: Cursor): number {
    const o = c.off, b = c.buf;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < 4) return c.short(ARISTA, o, 4);
    if (u16(b, o) !== ARISTA_SUBTYPE_TIMESTAMP) return c.invalid(ARISTA, o, `Arista subtype ${u16(b, o)} unknown`);
    const n = aristaTimestampHeaderLength(b[o + 3]! >> 4);
    if (n === 0) return c.invalid(ARISTA, o, `Arista timestamp format ${b[o + 3]! >> 4} unknown`);
    if (c.end - o < n + 2) return c.short(ARISTA, o, n + 2);
    this.headerLength = n + 2;
    c.mark(ARISTA);
    c.off = o + n + 2;
    const next = etherTypeOrLength(c, u16(b, o + n));
    this.end = c.end;
    return next;
  }

  #u8(i: number): number { const o = this.off + i; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  get subtype(): number { const o = this.off; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  /** 0 TAI, 1 UTC. */
  get timescale(): number { return this.#u8(2); }
  /** AristaFormat. */
  get format(): number { return this.#u8(3) >> 4; }
  /** 0 R/R2 series, 1 R3 series. */
  get hardware(): number { return this.#u8(3) & 0x0f; }
  /** The timestamp's seconds field (32 bits in the 64-bit format, 16 in the 48-bit one). */
  get seconds(): number {
    const o = this.off + 4;
    if (this.format === AristaFormat.Bits48) { if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
    if (o + 4 > this.end) throw NOT_CAPTURED;
    return u32(this.cursor.buf, o);
  }
  /** The timestamp's nanoseconds field (may hold whole seconds too: tcpdump carries them over). */
  get nanoseconds(): number {
    const o = this.off + (this.format === AristaFormat.Bits48 ? 6 : 8);
    if (o + 4 > this.end) throw NOT_CAPTURED;
    return u32(this.cursor.buf, o);
  }
  /** The frame's type/length field after the timestamp. */
  get etherType(): number {
    const o = this.off + aristaTimestampHeaderLength(this.format);
    if (o + 2 > this.end) throw NOT_CAPTURED;
    return u16(this.cursor.buf, o);
  }

  toJSON(): object {
    return { offset: this.offset, length: this.length, subtype: this.subtype, timescale: this.timescale, format: this.format, hardware: this.hardware,
      seconds: this.seconds, nanoseconds: this.nanoseconds, etherType: this.etherType };
  }
}
