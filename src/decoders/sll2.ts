// Linux cooked capture v2 (LINKTYPE_LINUX_SLL2, 276): 20 bytes, with the interface index;
// what Linux gives for `-i any`.
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { linkAddress, sllNext } from './sll.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const SLL2 = Layer.Sll2;

/** Bytes of the v2 header. */
export const SLL2_HEADER_LENGTH = 20;

/** Linux cooked v2 header (20 bytes). */
export class Sll2 extends LayerView {
  readonly layer = SLL2;

  decode(c: Cursor): number {
    this.off = c.off; this.end = c.end; this.headerLength = 0;
    if (c.end - c.off < 20) return c.short(SLL2, c.off, 20);
    this.headerLength = 20;
    c.present |= 1 << SLL2;
    c.off += 20;
    return sllNext(c, this.protocol);
  }

  // Getters check that their field was captured (NOT_CAPTURED otherwise): only a printer's view of a cut header can fail.
  /** EtherType, or 1 (Novell 802.3), 4 (802.2 LLC). */
  get protocol(): number { const o = this.off; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  get interfaceIndex(): number { const o = this.off; if (o + 8 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o + 4); }
  /** ARPHRD_* (1 Ethernet, 772 loopback, 65534 none/tun). */
  get hardwareType(): number { const o = this.off; if (o + 10 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o + 8); }
  /** 0 to us, 1 broadcast, 2 multicast, 3 to someone else, 4 sent by us. */
  get packetType(): number { const o = this.off; if (o + 11 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 10]!; }
  get addressLength(): number { const o = this.off; if (o + 12 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 11]!; }
  get address(): string { const o = this.off; if (o + 20 > this.end) throw NOT_CAPTURED; return linkAddress(this.cursor.buf, o + 12, this.addressLength); }
  get addressBytes(): Uint8Array { const n = Math.min(this.addressLength, 8); return this.cursor.buf.subarray(this.off + 12, this.off + 12 + n); }

  toJSON(): object {
    return {
      offset: this.offset, length: this.length, protocol: this.protocol, interfaceIndex: this.interfaceIndex,
      hardwareType: this.hardwareType, packetType: this.packetType, address: this.address,
    };
  }
}
