// IPv4 (RFC 791): header with options, fragments. The layer's end is the smaller of the
// captured end and the total length, so link-layer padding never reaches TCP/UDP.
import { ipv4ToString } from './addr.js';
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer, type LayerBit } from './layer.js';
import { byIpProto } from './registry-tables.js';
import { Len } from './stop.js';
import { LayerView } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const IPV4 = Layer.Ipv4;
const LEN_CAPLEN = Len.Caplen;
// The registry tables as module constants: V8 then knows each array and skips the import cell load and its checks.
const BY_IP_PROTO = byIpProto;

/** One IPv4 option as found in the header. */
export interface Ipv4Option {
  /** Option type (0 EOL, 1 NOP, 7 RR, 68 TS, 130 security, 131 LSRR, 137 SSRR, 148 router alert…). */
  type: number;
  /** Offset of the option from the start of the frame. */
  offset: number;
  /** Bytes of the option, type and length bytes included. */
  length: number;
}

/** IPv4 header (options included). `end` is min(captured end, total length); `incomplete` when the total length runs past the capture. */
export class Ipv4 extends LayerView {
  readonly layer = IPV4;

  decode(c: Cursor): number {
    const b = c.buf, o = c.off, have = c.end - o;
    const vhl = have >= 20 ? b[o]! : 0, hl = (vhl & 15) * 4;
    // Version 4 and header length ≥ 20 is 0x45…0x4f in the first byte.
    if (vhl < 0x45 || vhl > 0x4f || have < hl) return this.bad(c, o, have);
    const total = (b[o + 2]! << 8) | b[o + 3]!;
    if (total <= have && total >= hl) {
      c.end = o + total; c.len = 2 satisfies typeof Len.Ipv4;
    } else if (!this.long(c, o, total, hl)) return 0;
    this.off = o; this.end = c.end; this.headerLength = hl;
    c.present |= 0x20 satisfies typeof LayerBit.Ipv4; c.off = o + hl;
    // A later fragment carries no transport header: the rest is payload.
    return ((b[o + 6]! & 0x1f) | b[o + 7]!) !== 0 ? 0 : BY_IP_PROTO[b[o + 9]!]!;
  }

  // The cold paths, kept out of decode() so that decode() stays small enough to be inlined.
  private bad(c: Cursor, o: number, have: number): 0 {
    // The version first: a wrong one says more than a short header.
    const v = have > 0 ? c.buf[o]! >> 4 : 4;
    if (v !== 4) return c.invalid(IPV4, o, `version ${v} != 4`);
    if (have < 20) return c.short(IPV4, o, 20);
    const hl = (c.buf[o]! & 15) * 4;
    if (hl < 20) return c.invalid(IPV4, o, `header length ${hl} < 20`);
    return c.short(IPV4, o, hl);
  }

  /** A total length under the header length (false: an error) or past the captured bytes. */
  private long(c: Cursor, o: number, total: number, hl: number): boolean {
    if (total < hl) { c.invalid(IPV4, o, `total length ${total} < header length ${hl}`); return false; }
    if (c.len === LEN_CAPLEN) c.cut = true;
    return true;
  }

  /** The total length promises more bytes than were captured (`end` is then the capture's). */
  get incomplete(): boolean { return this.totalLength > this.end - this.off; }
  get version(): number { return this.buf[this.off]! >> 4; }
  /** DSCP and ECN byte (type of service). */
  get tos(): number { return this.buf[this.off + 1]!; }
  get dscp(): number { return this.buf[this.off + 1]! >> 2; }
  get ecn(): number { return this.buf[this.off + 1]! & 3; }
  /** Total length field (header + data), as sent. */
  get totalLength(): number { return u16(this.buf, this.off + 2); }
  get id(): number { return u16(this.buf, this.off + 4); }
  /** The 3 flag bits: 0x4 reserved, 0x2 DF, 0x1 MF. */
  get flags(): number { return this.buf[this.off + 6]! >> 5; }
  get dontFragment(): boolean { return (this.buf[this.off + 6]! & 0x40) !== 0; }
  get moreFragments(): boolean { return (this.buf[this.off + 6]! & 0x20) !== 0; }
  /** Fragment offset in bytes (the field × 8). */
  get fragmentOffset(): number { return (u16(this.buf, this.off + 6) & 0x1fff) * 8; }
  /** True for any fragment: MF set or a non-zero offset. */
  get isFragment(): boolean { return (u16(this.buf, this.off + 6) & 0x3fff) !== 0; }
  get ttl(): number { return this.buf[this.off + 8]!; }
  get protocol(): number { return this.buf[this.off + 9]!; }
  get checksum(): number { return u16(this.buf, this.off + 10); }
  /** The header checksum verifies (one's complement sum over the header is 0xffff). */
  get checksumValid(): boolean {
    let sum = 0;
    for (let i = this.off, e = this.off + this.headerLength; i < e; i += 2) sum += u16(this.buf, i);
    while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
    return sum === 0xffff;
  }
  get src(): string { return ipv4ToString(this.buf, this.off + 12); }
  get dst(): string { return ipv4ToString(this.buf, this.off + 16); }
  /** Source address as a 32-bit unsigned number. */
  get srcInt(): number { return u32(this.buf, this.off + 12); }
  get dstInt(): number { return u32(this.buf, this.off + 16); }
  get srcBytes(): Uint8Array { return this.buf.subarray(this.off + 12, this.off + 16); }
  get dstBytes(): Uint8Array { return this.buf.subarray(this.off + 16, this.off + 20); }
  /** Absolute offset of the source address in `buf` (the destination follows at +4). */
  get srcOffset(): number { return this.off + 12; }

  /** The options area (header bytes 20…headerLength). */
  get optionsBytes(): Uint8Array { return this.buf.subarray(this.off + 20, this.off + this.headerLength); }
  /** Options in order, up to EOL; an option whose length is bad ends the list. */
  get options(): Ipv4Option[] {
    const out: Ipv4Option[] = [], b = this.buf, e = this.off + this.headerLength;
    let i = this.off + 20;
    while (i < e) {
      const t = b[i]!;
      if (t === 0 || t === 1) { out.push({ type: t, offset: i - this.base, length: 1 }); i++; if (t === 0) break; continue; }
      if (i + 1 >= e) break;
      const l = b[i + 1]!;
      if (l < 2 || i + l > e) break;
      out.push({ type: t, offset: i - this.base, length: l });
      i += l;
    }
    return out;
  }

  toJSON(): object {
    return {
      offset: this.offset, length: this.length, tos: this.tos, totalLength: this.totalLength, id: this.id, flags: this.flags,
      fragmentOffset: this.fragmentOffset, ttl: this.ttl, protocol: this.protocol, checksum: this.checksum, src: this.src, dst: this.dst,
      ...(this.headerLength > 20 ? { options: this.options.map((x) => ({ type: x.type, length: x.length })) } : {}),
      ...(this.incomplete ? { incomplete: true } : {}),
    };
  }
}
