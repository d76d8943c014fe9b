// Broadcom's lawful-intercept shim (BCM-LI), sent from UDP port 49152 (the SDK's default): a 4-byte
// word — direction (3 bits), packet type (4), packet subtype (3), intercept ID (22) — then the
// intercepted packet (IPv4, IPv6, Ethernet, or "undecided": IPv4/IPv6 by its first nibble).
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readU32 } from './reads.js';
import { LayerView } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const BCM_LI = Layer.BcmLi;

/** Bytes of the shim (the intercepted packet follows). */
export const BCM_LI_SHIM_LENGTH = 4;
/** The UDP source port the shim is sent from (tcpdump tests it as the source port only). */
export const BCM_LI_PORT = 49152;
/** Packet types: which printer the intercepted packet goes to. */
export const BCM_LI_UNDECIDED = 4, BCM_LI_IPV4 = 5, BCM_LI_IPV6 = 6, BCM_LI_ETHERNET = 7;

/** A BCM-LI shim. An encapsulation: the printer follows the intercepted packet by its type. */
export class BcmLi extends LayerView {
  readonly layer = BCM_LI;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < BCM_LI_SHIM_LENGTH) return c.short(BCM_LI, o, BCM_LI_SHIM_LENGTH);
    this.headerLength = BCM_LI_SHIM_LENGTH;
    c.mark(BCM_LI);
    c.off = o + BCM_LI_SHIM_LENGTH;
    return 0;
  }

  /** The shim word. */
  get shim(): number { return readU32(this, 0); }
  /** 1 unused, 2 egress, 3 ingress. */
  get direction(): number { return (this.shim >>> 29) & 0x7; }
  /** 4 undecided, 5 IPv4, 6 IPv6, 7 Ethernet. */
  get packetType(): number { return (this.shim >>> 25) & 0xf; }
  /** 1 single VLAN tag, 2 double VLAN tag, 3 untagged. */
  get packetSubtype(): number { return (this.shim >>> 22) & 0x7; }
  /** The lawful-intercept ID. */
  get interceptId(): number { return this.shim & 0x3fffff; }

  toJSON(): object {
    return { offset: this.offset, length: this.length, direction: this.direction, packetType: this.packetType, packetSubtype: this.packetSubtype, interceptId: this.interceptId };
  }
}
