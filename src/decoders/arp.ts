// ARP (RFC 826) and RARP (RFC 903): the fixed 8 bytes, then sender/target hardware and
// protocol addresses whose sizes the header gives.
import { ipv4ToString, linkAddrToString, macToString } from './addr.js';
import { hex, u16 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const ARP = Layer.Arp;

/** Bytes of the fixed part of an ARP message (before the addresses). */
export const ARP_FIXED_LENGTH = 8;
/** Bytes of the fixed part of an ATMARP message. */
export const ATMARP_FIXED_LENGTH = 12;

/** ARP/RARP message: the fixed part and both address pairs (8 + 2 × (hardware + protocol size) bytes). */
export class Arp extends LayerView {
  readonly layer = ARP;

  decode(c: Cursor): number {
    const have = c.end - c.off, b = c.buf, o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (have < 8) return c.short(ARP, o, 8);
    const hl = 8 + 2 * (b[o + 4]! + b[o + 5]!);
    if (have < hl) return c.short(ARP, o, hl);
    this.headerLength = hl;
    c.present |= 1 << ARP;
    c.off += hl;
    return 0;
  }

  // Getters check that their field was captured (NOT_CAPTURED otherwise): only a printer's view of a cut message can fail.
  /** Hardware type (1: Ethernet, 19: ATM, whose ATMARP layout differs: the atm* getters). */
  get hardwareType(): number { const o = this.off; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  /** Protocol type (0x0800: IPv4). */
  get protocolType(): number { const o = this.off; if (o + 4 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o + 2); }
  get hardwareSize(): number { const o = this.off; if (o + 5 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 4]!; }
  get protocolSize(): number { const o = this.off; if (o + 6 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 5]!; }
  /** 1 request, 2 reply, 3/4 RARP request/reply, 8/9 InARP. */
  get operation(): number { const o = this.off; if (o + 8 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o + 6); }
  /** True for Ethernet/IPv4 ARP (6-byte hardware, 4-byte IPv4 addresses). */
  get isEthernetIpv4(): boolean { return this.hardwareSize === 6 && this.protocolSize === 4 && this.protocolType === 0x0800; }
  /** Bytes of the whole message by its size fields: the fixed part and both address pairs. */
  get messageLength(): number { return ARP_FIXED_LENGTH + 2 * (this.hardwareSize + this.protocolSize); }

  get senderHardwareOffset(): number { return this.off + 8; }
  get senderProtocolOffset(): number { return this.off + 8 + this.hardwareSize; }
  get targetHardwareOffset(): number { return this.off + 8 + this.hardwareSize + this.protocolSize; }
  get targetProtocolOffset(): number { return this.off + 8 + 2 * this.hardwareSize + this.protocolSize; }

  get senderHardwareBytes(): Uint8Array { const o = this.senderHardwareOffset; return this.cursor.buf.subarray(o, o + this.hardwareSize); }
  get senderProtocolBytes(): Uint8Array { const o = this.senderProtocolOffset; return this.cursor.buf.subarray(o, o + this.protocolSize); }
  get targetHardwareBytes(): Uint8Array { const o = this.targetHardwareOffset; return this.cursor.buf.subarray(o, o + this.hardwareSize); }
  get targetProtocolBytes(): Uint8Array { const o = this.targetProtocolOffset; return this.cursor.buf.subarray(o, o + this.protocolSize); }

  /** Sender hardware address: a MAC when 6 bytes long, else plain hex. */
  get senderHardwareAddress(): string { return this.hw(this.senderHardwareOffset); }
  /** Sender protocol address: dotted quad for IPv4, else plain hex. */
  get senderProtocolAddress(): string { return this.proto(this.senderProtocolOffset); }
  get targetHardwareAddress(): string { return this.hw(this.targetHardwareOffset); }
  get targetProtocolAddress(): string { return this.proto(this.targetProtocolOffset); }
  /** Sender / target hardware address as tcpdump writes it (MAC, colon-separated hex, `<empty>`); checked. */
  get senderHardwareText(): string { return this.linkText(this.senderHardwareOffset, this.hardwareSize); }
  get targetHardwareText(): string { return this.linkText(this.targetHardwareOffset, this.hardwareSize); }
  /** True when the target hardware address is all zeros (a request that does not know it); checked. */
  get targetHardwareZero(): boolean {
    const o = this.targetHardwareOffset, n = this.hardwareSize;
    if (o + n > this.end) throw NOT_CAPTURED;
    for (let i = 0; i < n; i++) if (this.cursor.buf[o + i] !== 0) return false;
    return true;
  }
  /** Sender / target protocol address as a dotted quad (for 4-byte addresses); checked. */
  get senderIpv4(): string { return this.quad(this.senderProtocolOffset); }
  get targetIpv4(): string { return this.quad(this.targetProtocolOffset); }

  // ATMARP (RFC 2225, hardware type 19): type-and-length bytes for each address, a sub-address after each ATM number.
  /** ATMARP: length of the sender ATM number, sender ATM sub-address, sender protocol address… */
  get atmSenderHardwareSize(): number { const o = this.off; if (o + 5 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 4]! & 0x3f; }
  get atmSenderSubaddressSize(): number { const o = this.off; if (o + 6 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 5]! & 0x3f; }
  get atmSenderProtocolSize(): number { const o = this.off; if (o + 9 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 8]!; }
  get atmTargetHardwareSize(): number { const o = this.off; if (o + 10 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 9]! & 0x3f; }
  get atmTargetSubaddressSize(): number { const o = this.off; if (o + 11 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 10]! & 0x3f; }
  get atmTargetProtocolSize(): number { const o = this.off; if (o + 12 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 11]!; }
  /** ATMARP: bytes of the whole message by its length fields. */
  get atmMessageLength(): number {
    return ATMARP_FIXED_LENGTH + this.atmSenderHardwareSize + this.atmSenderSubaddressSize + this.atmSenderProtocolSize +
      this.atmTargetHardwareSize + this.atmTargetSubaddressSize + this.atmTargetProtocolSize;
  }
  /** ATMARP addresses as tcpdump writes them (checked). */
  get atmSenderHardwareText(): string { return this.linkText(this.off + ATMARP_FIXED_LENGTH, this.atmSenderHardwareSize); }
  get atmSenderSubaddressText(): string { return this.linkText(this.off + ATMARP_FIXED_LENGTH + this.atmSenderHardwareSize, this.atmSenderSubaddressSize); }
  get atmSenderIpv4(): string { return this.quad(this.off + ATMARP_FIXED_LENGTH + this.atmSenderHardwareSize + this.atmSenderSubaddressSize); }
  private get atmTargetOffset(): number {
    return this.off + ATMARP_FIXED_LENGTH + this.atmSenderHardwareSize + this.atmSenderSubaddressSize + this.atmSenderProtocolSize;
  }
  get atmTargetHardwareText(): string { return this.linkText(this.atmTargetOffset, this.atmTargetHardwareSize); }
  get atmTargetSubaddressText(): string { return this.linkText(this.atmTargetOffset + this.atmTargetHardwareSize, this.atmTargetSubaddressSize); }
  get atmTargetIpv4(): string { return this.quad(this.atmTargetOffset + this.atmTargetHardwareSize + this.atmTargetSubaddressSize); }

  private linkText(o: number, n: number): string { if (o + n > this.end) throw NOT_CAPTURED; return linkAddrToString(this.cursor.buf, o, n); }
  private quad(o: number): string { if (o + 4 > this.end) throw NOT_CAPTURED; return ipv4ToString(this.cursor.buf, o); }

  /** Same as senderProtocolAddress (the host a filter's `src` means). */
  get src(): string { return this.senderProtocolAddress; }
  get dst(): string { return this.targetProtocolAddress; }

  private hw(o: number): string { return this.hardwareSize === 6 ? macToString(this.cursor.buf, o) : hex(this.cursor.buf, o, this.hardwareSize); }
  private proto(o: number): string {
    return this.protocolSize === 4 && this.protocolType === 0x0800 ? ipv4ToString(this.cursor.buf, o) : hex(this.cursor.buf, o, this.protocolSize);
  }

  toJSON(): object {
    return {
      offset: this.offset, length: this.length, hardwareType: this.hardwareType, protocolType: this.protocolType,
      operation: this.operation, senderHardwareAddress: this.senderHardwareAddress, senderProtocolAddress: this.senderProtocolAddress,
      targetHardwareAddress: this.targetHardwareAddress, targetProtocolAddress: this.targetProtocolAddress,
    };
  }
}
