// ICMP for IPv4 (RFC 792, RFC 950 masks, RFC 1191 next-hop MTU). Error messages carry the
// offending IP header + 8 bytes, which `Decoder.decodeInner()` decodes as a packet.
import { ipv4ToString } from './addr.js';
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { LayerView } from './view.js';
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

/** ICMP message header; type-specific fields read `undefined` for other types. */
export class Icmp extends LayerView {
  readonly layer = ICMP;

  decode(c: Cursor): number {
    const o = c.off, have = c.end - o;
    if (have < 4) return c.short(ICMP, o, 4);
    const need = required[c.buf[o]!]!;
    if (have < need) return c.short(ICMP, o, need);
    this.off = c.off; this.end = c.end; this.headerLength = need;
    c.present |= 1 << ICMP;
    c.off = o + need;
    return 0;
  }

  /** Message type (0 echo reply, 3 unreachable, 5 redirect, 8 echo, 11 time exceeded, 12 parameter problem, 13/14 timestamp…). */
  get type(): number { return this.buf[this.off]!; }
  get code(): number { return this.buf[this.off + 1]!; }
  get checksum(): number { return u16(this.buf, this.off + 2); }
  /** Identifier of echo, timestamp, information and address-mask messages. */
  get identifier(): number | undefined { return this.hasIdSeq ? u16(this.buf, this.off + 4) : undefined; }
  get sequence(): number | undefined { return this.hasIdSeq ? u16(this.buf, this.off + 6) : undefined; }
  /** Redirect: the gateway to use. */
  get gateway(): string | undefined { return this.type === 5 ? ipv4ToString(this.buf, this.off + 4) : undefined; }
  /** Parameter problem: the offending byte's offset. */
  get pointer(): number | undefined { return this.type === 12 ? this.buf[this.off + 4]! : undefined; }
  /** Fragmentation needed (type 3 code 4): the next-hop MTU (0 if the router does not say). */
  get mtu(): number | undefined { return this.type === 3 && this.code === 4 ? u16(this.buf, this.off + 6) : undefined; }
  /** Timestamp messages: originate, receive and transmit times (ms since midnight UT). */
  get originateTimestamp(): number | undefined { return this.isTimestamp ? u32(this.buf, this.off + 8) : undefined; }
  get receiveTimestamp(): number | undefined { return this.isTimestamp ? u32(this.buf, this.off + 12) : undefined; }
  get transmitTimestamp(): number | undefined { return this.isTimestamp ? u32(this.buf, this.off + 16) : undefined; }
  /** Address mask reply/request: the mask. */
  get addressMask(): string | undefined { return this.type === 17 || this.type === 18 ? ipv4ToString(this.buf, this.off + 8) : undefined; }

  /** Unreachable, source quench, redirect, time exceeded, parameter problem. */
  get isError(): boolean { return errorTypes[this.type] === 1; }
  /** Error messages: offset of the inner IP packet from the frame start (else undefined). */
  get innerOffset(): number | undefined { return this.isError ? this.off + 8 - this.base : undefined; }
  /** Error messages: the inner IP header + leading data as captured (a view). */
  get inner(): Uint8Array | undefined { return this.isError ? this.buf.subarray(this.off + 8, this.end) : undefined; }

  private get hasIdSeq(): boolean { const t = this.type; return t === 0 || t === 8 || (t >= 13 && t <= 18); }
  private get isTimestamp(): boolean { return this.type === 13 || this.type === 14; }

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
