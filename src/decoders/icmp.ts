// ICMP for IPv4 (RFC 792, RFC 950 masks, RFC 1191 next-hop MTU). Error messages carry the
// offending IP header + 8 bytes, which `Decoder.decodeInner()` decodes as a packet.
import { ipv4ToString } from './addr.js';
import { u16, u32 } from './bytes.js';
import { inCksum } from './checksum.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const ICMP = Layer.Icmp;

/** Header bytes each message type needs (type, code, checksum and the type's fixed fields). */
const required = new Uint8Array(256).fill(4);
for (const t of [0, 3, 4, 5, 8, 9, 10, 11, 12, 15, 16]) required[t] = 8;
required[13] = required[14] = 20;
required[17] = required[18] = 12;

/** Types whose body is the datagram that caused them. */
const errorTypes = new Uint8Array(256);
for (const t of [3, 4, 5, 11, 12]) errorTypes[t] = 1;

/** Where RFC 4884's extension structure starts: after the 8-byte header and 128 bytes of the datagram. */
export const ICMP_EXTENSION_OFFSET = 136;
/** Bytes of the extension header and of an object's header. */
export const ICMP_EXTENSION_HEADER_LENGTH = 4;
export const ICMP_EXTENSION_OBJECT_HEADER_LENGTH = 4;

/** An RFC 4884 extension object (length, class, C-type, then its data). */
export class IcmpExtensionObject extends FieldView {
  /** The object's length, its header included. */
  get length(): number { const o = this.off; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  /** 1 MPLS label stack (RFC 4950), 2 interface information (RFC 5837). */
  get classNum(): number { const o = this.off + 2; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  get cType(): number { const o = this.off + 3; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** An MPLS label stack entry (label, TC, S, TTL) at the start of the data. */
  get mplsEntry(): number { const o = this.off + ICMP_EXTENSION_OBJECT_HEADER_LENGTH; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
}

/** ICMP message header; type-specific fields read `undefined` for other types. */
export class Icmp extends LayerView {
  readonly layer = ICMP;

  decode(c: Cursor): number {
    const o = c.off, have = c.end - o;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (have < 4) return c.short(ICMP, o, 4);
    const need = required[c.buf[o]!]!;
    if (have < need) return c.short(ICMP, o, need);
    this.headerLength = need;
    c.present |= 1 << ICMP;
    c.off = o + need;
    return 0;
  }

  // Own has()/need()/captured/internetChecksum(): the base class's would see every view class at one load site and go megamorphic.
  override has(n: number): boolean { return this.off + n <= this.end; }
  override need(n: number): void { if (this.off + n > this.end) throw NOT_CAPTURED; }
  override get captured(): number { return this.end > this.off ? this.end - this.off : 0; }
  override internetChecksum(n: number, initial = 0): number { return inCksum(this.cursor.buf, this.off, n, initial); }
  // Getters check that their field was captured (NOT_CAPTURED otherwise): only a printer's view of a cut
  // message can fail, and the quoted-packet getters, which read past the ICMP header, on any view.
  /** Message type (0 echo reply, 3 unreachable, 5 redirect, 8 echo, 11 time exceeded, 12 parameter problem, 13/14 timestamp…). */
  get type(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  get code(): number { const o = this.off; if (o + 2 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 1]!; }
  get checksum(): number { const o = this.off; if (o + 4 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o + 2); }
  /** Bytes this message type's fixed fields take (what decode() requires of it). */
  get fixedLength(): number { return required[this.type]!; }
  /** Identifier of echo, timestamp, information and address-mask messages. */
  get identifier(): number | undefined { return this.hasIdSeq ? this.u16At(4) : undefined; }
  get sequence(): number | undefined { return this.hasIdSeq ? this.u16At(6) : undefined; }
  /** Redirect: the gateway to use. */
  get gateway(): string | undefined { return this.type === 5 ? this.quadAt(4) : undefined; }
  /** Parameter problem: the offending byte's offset. */
  get pointer(): number | undefined { return this.type === 12 ? this.u8At(4) : undefined; }
  /** Fragmentation needed (type 3 code 4): the next-hop MTU (0 if the router does not say). */
  get mtu(): number | undefined { return this.type === 3 && this.code === 4 ? this.u16At(6) : undefined; }
  /** Timestamp messages: originate, receive and transmit times (ms since midnight UT). */
  get originateTimestamp(): number | undefined { return this.isTimestamp ? this.u32At(8) : undefined; }
  get receiveTimestamp(): number | undefined { return this.isTimestamp ? this.u32At(12) : undefined; }
  get transmitTimestamp(): number | undefined { return this.isTimestamp ? this.u32At(16) : undefined; }
  /** Address mask reply/request: the mask. */
  get addressMask(): string | undefined { return this.type === 17 || this.type === 18 ? this.quadAt(8) : undefined; }
  /** Address mask reply/request: the mask as a number. */
  get addressMaskValue(): number | undefined { return this.type === 17 || this.type === 18 ? this.u32At(8) : undefined; }

  /** Router advertisement (type 9, RFC 1256): number of addresses, words per entry, lifetime (s). */
  get raAddressCount(): number { return this.u8At(4); }
  get raEntrySize(): number { return this.u8At(5); }
  get raLifetime(): number { return this.u16At(6); }
  /** Router advertisement: entry `i` (2-word entries) captured, its router address and preference level. */
  raEntryCaptured(i: number): boolean { return this.has(8 + 8 * i + 8); }
  raAddress(i: number): string { return this.quadAt(8 + 8 * i); }
  raPreference(i: number): number { return this.u32At(12 + 8 * i); }

  /** Unreachable, source quench, redirect, time exceeded, parameter problem. */
  get isError(): boolean { return errorTypes[this.type] === 1; }
  /** Error messages: offset of the inner IP packet from the frame start (else undefined). */
  get innerOffset(): number | undefined { return this.isError ? this.off + 8 - this.base : undefined; }
  /** Error messages: the inner IP header + leading data as captured (a view). */
  get inner(): Uint8Array | undefined { return this.isError ? this.cursor.buf.subarray(this.off + 8, this.end) : undefined; }

  // The quoted datagram of an error message, read where tcpdump reads it (checked: NOT_CAPTURED when not captured).
  /** Absolute offset of the quoted IP header. */
  get quotedOffset(): number { return this.off + 8; }
  /** True when the quoted header's protocol byte was captured. */
  get quotedProtocolCaptured(): boolean { return this.has(18); }
  /** True when the quoted header's destination address was captured. */
  get quotedDstCaptured(): boolean { return this.has(28); }
  get quotedHeaderLength(): number { return (this.u8At(8) & 0xf) * 4; }
  get quotedTotalLength(): number { return this.u16At(10); }
  get quotedProtocol(): number { return this.u8At(17); }
  get quotedDst(): string { return this.quadAt(24); }
  /** The destination port of the quoted transport header (its bytes 2–3, whatever the protocol). */
  get quotedDstPort(): number { return this.u16At(8 + this.quotedHeaderLength + 2); }

  // RFC 4884 multi-part extensions after the quoted datagram of an unreachable, time exceeded or
  // parameter problem message (128 bytes of it, padded): version, checksum, then objects.
  /** The original-datagram length field (in 32-bit words; 0 from implementations that predate RFC 4884). */
  get originalDatagramLength(): number { return this.u8At(5); }
  /** The extension structure's version (2), at its first byte. */
  get extensionVersion(): number { return this.u8At(ICMP_EXTENSION_OFFSET) >> 4; }
  get extensionChecksum(): number { return this.u16At(ICMP_EXTENSION_OFFSET + 2); }
  /** The Internet checksum over `n` bytes of the extension structure (0: it verifies); the caller checks `has()` first. */
  extensionSum(n: number): number { return inCksum(this.cursor.buf, this.off + ICMP_EXTENSION_OFFSET, n); }
  /** An extension object: point it at each (its length, class and C-type; an MPLS label stack entry's word). */
  readonly extensionObject: IcmpExtensionObject = new IcmpExtensionObject(this.cursor);

  private get hasIdSeq(): boolean { const t = this.type; return t === 0 || t === 8 || (t >= 13 && t <= 18); }
  private get isTimestamp(): boolean { return this.type === 13 || this.type === 14; }
  private u8At(i: number): number { const o = this.off + i; if (o + 1 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  private u16At(i: number): number { const o = this.off + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  private u32At(i: number): number { const o = this.off + i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  private quadAt(i: number): string { const o = this.off + i; if (o + 4 > this.end) throw NOT_CAPTURED; return ipv4ToString(this.cursor.buf, o); }

  toJSON(): object {
    return {
      offset: this.offset, length: this.length, type: this.type, code: this.code, checksum: this.checksum,
      ...(this.hasIdSeq ? { identifier: this.identifier, sequence: this.sequence } : {}),
      ...(this.type === 5 ? { gateway: this.gateway } : {}),
      ...(this.type === 12 ? { pointer: this.pointer } : {}),
      ...(this.mtu !== undefined ? { mtu: this.mtu } : {}),
      ...(this.isTimestamp ? { originateTimestamp: this.originateTimestamp, receiveTimestamp: this.receiveTimestamp, transmitTimestamp: this.transmitTimestamp } : {}),
      ...(this.addressMask !== undefined ? { addressMask: this.addressMask } : {}),
      ...(this.isError ? { innerOffset: this.innerOffset } : {}),
    };
  }
}
