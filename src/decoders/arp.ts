// ARP (RFC 826) and RARP (RFC 903): the fixed 8 bytes, then sender/target hardware and
// protocol addresses whose sizes the header gives.
import { ipv4ToString, macToString } from './addr.js';
import { hex, u16 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { LayerView } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const ARP = Layer.Arp;

/** ARP/RARP message: the fixed part and both address pairs (8 + 2 × (hardware + protocol size) bytes). */
export class Arp extends LayerView {
  readonly layer = ARP;

  decode(c: Cursor): number {
    const have = c.end - c.off, b = c.buf, o = c.off;
    if (have < 8) return c.short(ARP, o, 8);
    const hl = 8 + 2 * (b[o + 4]! + b[o + 5]!);
    if (have < hl) return c.short(ARP, o, hl);
    this.off = c.off; this.end = c.end; this.headerLength = hl;
    c.present |= 1 << ARP;
    c.off += hl;
    return 0;
  }

  /** Hardware type (1: Ethernet). */
  get hardwareType(): number { return u16(this.buf, this.off); }
  /** Protocol type (0x0800: IPv4). */
  get protocolType(): number { return u16(this.buf, this.off + 2); }
  get hardwareSize(): number { return this.buf[this.off + 4]!; }
  get protocolSize(): number { return this.buf[this.off + 5]!; }
  /** 1 request, 2 reply, 3/4 RARP request/reply, 8/9 InARP. */
  get operation(): number { return u16(this.buf, this.off + 6); }
  /** True for Ethernet/IPv4 ARP (6-byte hardware, 4-byte IPv4 addresses). */
  get isEthernetIpv4(): boolean { return this.hardwareSize === 6 && this.protocolSize === 4 && this.protocolType === 0x0800; }

  get senderHardwareOffset(): number { return this.off + 8; }
  get senderProtocolOffset(): number { return this.off + 8 + this.hardwareSize; }
  get targetHardwareOffset(): number { return this.off + 8 + this.hardwareSize + this.protocolSize; }
  get targetProtocolOffset(): number { return this.off + 8 + 2 * this.hardwareSize + this.protocolSize; }

  get senderHardwareBytes(): Uint8Array { const o = this.senderHardwareOffset; return this.buf.subarray(o, o + this.hardwareSize); }
  get senderProtocolBytes(): Uint8Array { const o = this.senderProtocolOffset; return this.buf.subarray(o, o + this.protocolSize); }
  get targetHardwareBytes(): Uint8Array { const o = this.targetHardwareOffset; return this.buf.subarray(o, o + this.hardwareSize); }
  get targetProtocolBytes(): Uint8Array { const o = this.targetProtocolOffset; return this.buf.subarray(o, o + this.protocolSize); }

  /** Sender hardware address: a MAC when 6 bytes long, else plain hex. */
  get senderHardwareAddress(): string { return this.hw(this.senderHardwareOffset); }
  /** Sender protocol address: dotted quad for IPv4, else plain hex. */
  get senderProtocolAddress(): string { return this.proto(this.senderProtocolOffset); }
  get targetHardwareAddress(): string { return this.hw(this.targetHardwareOffset); }
  get targetProtocolAddress(): string { return this.proto(this.targetProtocolOffset); }
  /** Same as senderProtocolAddress (the host a filter's `src` means). */
  get src(): string { return this.senderProtocolAddress; }
  get dst(): string { return this.targetProtocolAddress; }

  private hw(o: number): string { return this.hardwareSize === 6 ? macToString(this.buf, o) : hex(this.buf, o, this.hardwareSize); }
  private proto(o: number): string {
    return this.protocolSize === 4 && this.protocolType === 0x0800 ? ipv4ToString(this.buf, o) : hex(this.buf, o, this.protocolSize);
  }

  toJSON(): object {
    return {
      offset: this.offset, length: this.length, hardwareType: this.hardwareType, protocolType: this.protocolType,
      operation: this.operation, senderHardwareAddress: this.senderHardwareAddress, senderProtocolAddress: this.senderProtocolAddress,
      targetHardwareAddress: this.targetHardwareAddress, targetProtocolAddress: this.targetProtocolAddress,
    };
  }
}
