// VXLAN (RFC 7348), UDP port 4789: flags (I: the VNI is valid), reserved, a 24-bit VNI, reserved,
// then an Ethernet frame.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const VXLAN = Layer.Vxlan, INNER_ETHERNET = Layer.InnerEthernet;

/** Bytes of the VXLAN header (the Ethernet frame follows). */
export const VXLAN_HEADER_LENGTH = 8;

/** A VXLAN header. An encapsulation: the Ethernet frame that follows is the walk's `Packet.inner`. */
export class Vxlan extends LayerView {
  readonly layer = VXLAN;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < VXLAN_HEADER_LENGTH) return c.short(VXLAN, o, VXLAN_HEADER_LENGTH);
    this.headerLength = VXLAN_HEADER_LENGTH;
    c.mark(VXLAN);
    c.off = o + VXLAN_HEADER_LENGTH;
    return INNER_ETHERNET;
  }

  /** Flags: 0x08 (I) says the VNI is valid. */
  get flags(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** The VXLAN Network Identifier. */
  get vni(): number { const o = this.off + 4; if (o + 3 > this.end) throw NOT_CAPTURED; const b = this.cursor.buf; return (b[o]! << 16) | (b[o + 1]! << 8) | b[o + 2]!; }

  toJSON(): object { return { offset: this.offset, length: this.length, flags: this.flags, vni: this.vni }; }
}
