// ICMPv6 (RFC 4443), Neighbor Discovery (RFC 4861) with its options, MLD (RFC 2710, RFC 3810).
// Error messages carry as much of the offending packet as fits; `Decoder.decodeInner()`
// decodes it.
import { ipv6ToString, macToString } from './addr.js';
import { hex, u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { LayerView, notCaptured } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const ICMPV6 = Layer.Icmpv6;

/** Fixed bytes before the body/options for each type. */
const required = new Uint8Array(256).fill(4);
for (const t of [1, 2, 3, 4, 128, 129, 133, 143]) required[t] = 8;
for (const t of [130, 131, 132, 135, 136]) required[t] = 24;
required[134] = 16;
required[137] = 40;

/** One Neighbor Discovery option. */
export interface NdOption {
  /** 1 source link-layer address, 2 target link-layer address, 3 prefix information, 4 redirected header, 5 MTU, 25 RDNSS… */
  type: number;
  /** Offset from the start of the frame. */
  offset: number;
  /** Bytes, including type and length. */
  length: number;
  /** Types 1 and 2: the address (a MAC when 6 bytes long). */
  linkAddress?: string;
  /** Type 3. */
  prefix?: string;
  prefixLength?: number;
  onLink?: boolean;
  autonomous?: boolean;
  validLifetime?: number;
  preferredLifetime?: number;
  /** Type 5. */
  mtu?: number;
}

/** ICMPv6 message header; ND options are checked at decode and listed by `options`. */
export class Icmpv6 extends LayerView {
  readonly layer = ICMPV6;

  decode(c: Cursor): number {
    const b = c.buf, o = c.off, have = c.end - o;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (have < 4) return c.short(ICMPV6, o, 4);
    const t = b[o]!, need = required[t]!;
    if (have < need) return c.short(ICMPV6, o, need);
    this.headerLength = need;
    c.present |= 1 << ICMPV6;
    c.off = o + need;
    if (t >= 133 && t <= 137) {
      // Options fill the rest of the message; check them all now so the getters can trust them.
      for (let p = o + need; p < c.end;) {
        if (c.end - p < 2) return c.short(ICMPV6, o, p + 2 - o, 'ND option');
        const len = b[p + 1]! * 8;
        if (len === 0) return c.invalid(ICMPV6, o, `ND option type ${b[p]} with length 0`);
        if (c.end - p < len) return c.short(ICMPV6, o, p + len - o, `ND option type ${b[p]}`);
        p += len;
      }
      c.off = c.end;
    }
    return 0;
  }

  /** 1 unreachable, 2 packet too big, 3 time exceeded, 4 parameter problem, 128/129 echo, 130–132/143 MLD, 133–137 ND. */
  get type(): number { const o = this.off; if (o >= this.end) notCaptured(); return this.cursor.buf[o]!; }
  get code(): number { return this.cursor.buf[this.off + 1]!; }
  get checksum(): number { return u16(this.cursor.buf, this.off + 2); }
  get identifier(): number | undefined { return this.isEcho ? u16(this.cursor.buf, this.off + 4) : undefined; }
  get sequence(): number | undefined { return this.isEcho ? u16(this.cursor.buf, this.off + 6) : undefined; }
  /** Packet too big: the MTU. */
  get mtu(): number | undefined { return this.type === 2 ? u32(this.cursor.buf, this.off + 4) : undefined; }
  /** Parameter problem: offset of the offending byte. */
  get pointer(): number | undefined { return this.type === 4 ? u32(this.cursor.buf, this.off + 4) : undefined; }
  /** MLDv1 query/report/done: maximum response delay (ms). */
  get maxResponseDelay(): number | undefined { return this.isMld1 ? u16(this.cursor.buf, this.off + 4) : undefined; }
  /** MLDv1: the multicast address. */
  get multicastAddress(): string | undefined { return this.isMld1 ? ipv6ToString(this.cursor.buf, this.off + 8) : undefined; }
  /** MLDv2 report: number of multicast address records. */
  get recordCount(): number | undefined { return this.type === 143 ? u16(this.cursor.buf, this.off + 6) : undefined; }
  /** Router advertisement fields. */
  get curHopLimit(): number | undefined { return this.type === 134 ? this.cursor.buf[this.off + 4]! : undefined; }
  /** RA: M (0x80), O (0x40) and the other flag bits. NA: R (0x80), S (0x40), O (0x20). */
  get ndFlags(): number | undefined { return this.type === 134 || this.type === 136 ? this.cursor.buf[this.off + (this.type === 134 ? 5 : 4)]! : undefined; }
  get routerLifetime(): number | undefined { return this.type === 134 ? u16(this.cursor.buf, this.off + 6) : undefined; }
  get reachableTime(): number | undefined { return this.type === 134 ? u32(this.cursor.buf, this.off + 8) : undefined; }
  get retransTimer(): number | undefined { return this.type === 134 ? u32(this.cursor.buf, this.off + 12) : undefined; }
  /** NS, NA, redirect: the target address. */
  get targetAddress(): string | undefined { return this.type >= 135 && this.type <= 137 ? ipv6ToString(this.cursor.buf, this.off + 8) : undefined; }
  /** Redirect: the destination address. */
  get destinationAddress(): string | undefined { return this.type === 137 ? ipv6ToString(this.cursor.buf, this.off + 24) : undefined; }

  /** ND messages: the options, in order (checked by decode()). */
  get options(): NdOption[] {
    const out: NdOption[] = [];
    if (this.type < 133 || this.type > 137) return out;
    const b = this.cursor.buf;
    for (let p = this.off + this.headerLength; p + 2 <= this.end;) {
      const t = b[p]!, len = b[p + 1]! * 8;
      if (len === 0 || p + len > this.end) break;
      const o: NdOption = { type: t, offset: p - this.base, length: len };
      if (t === 1 || t === 2) o.linkAddress = len === 8 ? macToString(b, p + 2) : hex(b, p + 2, len - 2);
      else if (t === 3 && len >= 32) {
        o.prefixLength = b[p + 2]!; o.onLink = (b[p + 3]! & 0x80) !== 0; o.autonomous = (b[p + 3]! & 0x40) !== 0;
        o.validLifetime = u32(b, p + 4); o.preferredLifetime = u32(b, p + 8); o.prefix = ipv6ToString(b, p + 16);
      } else if (t === 5 && len >= 8) o.mtu = u32(b, p + 4);
      out.push(o);
      p += len;
    }
    return out;
  }
  /** Source link-layer address option, if present. */
  get sourceLinkAddress(): string | undefined { return this.options.find((o) => o.type === 1)?.linkAddress; }
  /** Target link-layer address option, if present. */
  get targetLinkAddress(): string | undefined { return this.options.find((o) => o.type === 2)?.linkAddress; }

  /** Destination unreachable, packet too big, time exceeded, parameter problem. */
  get isError(): boolean { return this.type >= 1 && this.type <= 4; }
  /** Error messages: offset of the inner IPv6 packet from the frame start. */
  get innerOffset(): number | undefined { return this.isError ? this.off + 8 - this.base : undefined; }
  /** Error messages: the inner packet as captured (a view). */
  get inner(): Uint8Array | undefined { return this.isError ? this.cursor.buf.subarray(this.off + 8, this.end) : undefined; }

  private get isEcho(): boolean { return this.type === 128 || this.type === 129; }
  private get isMld1(): boolean { return this.type >= 130 && this.type <= 132; }

  toJSON(): object {
    const t = this.type, o: Record<string, unknown> = { offset: this.offset, length: this.length, type: t, code: this.code, checksum: this.checksum };
    if (this.isEcho) { o.identifier = this.identifier; o.sequence = this.sequence; }
    if (t === 2) o.mtu = this.mtu;
    if (t === 4) o.pointer = this.pointer;
    if (this.isMld1) { o.maxResponseDelay = this.maxResponseDelay; o.multicastAddress = this.multicastAddress; }
    if (t === 143) o.recordCount = this.recordCount;
    if (t === 134) { o.curHopLimit = this.curHopLimit; o.flags = this.ndFlags; o.routerLifetime = this.routerLifetime; o.reachableTime = this.reachableTime; o.retransTimer = this.retransTimer; }
    if (t === 136) o.flags = this.ndFlags;
    if (t >= 135 && t <= 137) o.targetAddress = this.targetAddress;
    if (t === 137) o.destinationAddress = this.destinationAddress;
    if (t >= 133 && t <= 137) o.options = this.options;
    if (this.isError) o.innerOffset = this.innerOffset;
    return o;
  }
}
