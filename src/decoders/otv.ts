// Overlay Transport Virtualization (Cisco OTV, draft-hasmit-otv), UDP port 8472: an 8-byte header
// (flags, 24-bit overlay id, 24-bit instance id, reserved) and an Ethernet frame.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const OTV = Layer.Otv;

/** Bytes of the OTV header (the Ethernet frame follows). */
export const OTV_HEADER_LENGTH = 8;

/** An OTV header. An encapsulation: the printer follows the inner frame. */
export class Otv extends LayerView {
  readonly layer = OTV;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < OTV_HEADER_LENGTH) return c.short(OTV, o, OTV_HEADER_LENGTH);
    this.headerLength = OTV_HEADER_LENGTH;
    c.mark(OTV);
    c.off = o + OTV_HEADER_LENGTH;
    return 0;
  }

  /** Flags; 0x08 (I) says the instance id is valid. */
  get flags(): number { return this.byte(0); }
  get overlayId(): number { return this.u24(1); }
  get instanceId(): number { return this.u24(4); }
  /** The reserved byte (read to check that the header was captured in full). */
  get reserved(): number { return this.byte(7); }
  private u24(i: number): number { const o = this.off + i; if (o + 3 > this.end) throw NOT_CAPTURED; const b = this.cursor.buf; return (b[o]! << 16) | (b[o + 1]! << 8) | b[o + 2]!; }

  toJSON(): object { return { offset: this.offset, length: this.length, flags: this.flags, overlayId: this.overlayId, instanceId: this.instanceId }; }
}
