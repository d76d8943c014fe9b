// VXLAN-GPE, the Generic Protocol Extension for VXLAN (draft-ietf-nvo3-vxlan-gpe), UDP port 4790:
// flags, a next-protocol byte (1 IPv4, 2 IPv6, 3 Ethernet, 4 NSH), a 24-bit VNI, then that packet.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const VXLAN_GPE = Layer.VxlanGpe;

/** Bytes of the VXLAN-GPE header. */
export const VXLAN_GPE_HEADER_LENGTH = 8;

/** A VXLAN-GPE header. An encapsulation: the printer follows the inner packet by `nextProtocol`. */
export class VxlanGpe extends LayerView {
  readonly layer = VXLAN_GPE;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < VXLAN_GPE_HEADER_LENGTH) return c.short(VXLAN_GPE, o, VXLAN_GPE_HEADER_LENGTH);
    this.headerLength = VXLAN_GPE_HEADER_LENGTH;
    c.mark(VXLAN_GPE);
    c.off = o + VXLAN_GPE_HEADER_LENGTH;
    return 0;
  }

  /** Flags: I (0x08, VNI valid), P (0x04, next protocol present), B (0x02, BUM), O (0x01, OAM). */
  get flags(): number { return this.byte(0); }
  /** 1 IPv4, 2 IPv6, 3 Ethernet, 4 NSH. */
  get nextProtocol(): number { return this.byte(3); }
  get vni(): number { const o = this.off + 4; if (o + 3 > this.end) throw NOT_CAPTURED; const b = this.cursor.buf; return (b[o]! << 16) | (b[o + 1]! << 8) | b[o + 2]!; }
  /** The last, reserved byte (read to check that the header was captured in full). */
  get reserved(): number { return this.byte(7); }

  toJSON(): object { return { offset: this.offset, length: this.length, flags: this.flags, nextProtocol: this.nextProtocol, vni: this.vni }; }
}
