// Linux cooked capture v1 (LINKTYPE_LINUX_SLL, 113): the 16-byte pseudo-header libpcap
// writes for `-i any` and for devices without a link-layer header.
import { macToString } from './addr.js';
import { hex, u16 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { byEtherType } from './registry-tables.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const LLC = Layer.Llc, SLL = Layer.Sll;
// The registry tables as module constants: V8 then knows each array and skips the import cell load and its checks.
const BY_ETHER_TYPE = byEtherType;

/** Protocol values below 0x0600 that name a framing instead of an EtherType (linux/if_ether.h). */
export const enum SllProto { Ieee8023 = 0x0001, Llc = 0x0004 }

/**
 * The part SLL and SLL2 share: a packet type, an ARPHRD hardware type, an address of up to 8
 * bytes, and the protocol (an EtherType, or 1 for Novell 802.3, 4 for 802.2 LLC).
 */
export function sllNext(c: Cursor, proto: number): number {
  if (proto === SllProto.Llc) return LLC;
  if (proto < 0x0600) return 0;
  c.etherType = proto;
  return BY_ETHER_TYPE[proto]!;
}

/** Bytes of the v1 header. */
export const SLL_HEADER_LENGTH = 16;

/** Linux cooked v1 header (16 bytes). */
export class Sll extends LayerView {
  readonly layer = SLL;

  decode(c: Cursor): number {
    this.off = c.off; this.end = c.end; this.headerLength = 0;
    if (c.end - c.off < 16) return c.short(SLL, c.off, 16);
    this.headerLength = 16;
    c.present |= 1 << SLL;
    c.off += 16;
    return sllNext(c, this.protocol);
  }

  // Getters check that their field was captured (NOT_CAPTURED otherwise): only a printer's view of a cut header can fail.
  /** 0 to us, 1 broadcast, 2 multicast, 3 to someone else, 4 sent by us. */
  get packetType(): number { const o = this.off; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  /** ARPHRD_* (1 Ethernet, 772 loopback, 65534 none/tun). */
  get hardwareType(): number { const o = this.off; if (o + 4 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o + 2); }
  get addressLength(): number { const o = this.off; if (o + 6 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o + 4); }
  /** The link-layer source address (a MAC when 6 bytes long; at most the 8 bytes the header holds). */
  get address(): string { const o = this.off; if (o + 14 > this.end) throw NOT_CAPTURED; return linkAddress(this.cursor.buf, o + 6, this.addressLength); }
  get addressBytes(): Uint8Array { const n = Math.min(this.addressLength, 8); return this.cursor.buf.subarray(this.off + 6, this.off + 6 + n); }
  /** EtherType, or 1 (Novell 802.3), 4 (802.2 LLC). */
  get protocol(): number { const o = this.off; if (o + 16 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o + 14); }

  toJSON(): object {
    return { offset: this.offset, length: this.length, packetType: this.packetType, hardwareType: this.hardwareType, address: this.address, protocol: this.protocol };
  }
}

/** MAC text for 6-byte addresses, hex for the others (at most the 8 bytes the header holds). */
export function linkAddress(b: Uint8Array, o: number, len: number): string {
  return len === 6 ? macToString(b, o) : hex(b, o, Math.min(len, 8));
}
