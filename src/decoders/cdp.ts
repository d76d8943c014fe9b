// CDP, the Cisco Discovery Protocol (SNAP OUI 00-00-0c, protocol ID 0x2000): a 4-byte header
// (version, TTL, checksum), then TLVs of a 2-byte type and a 2-byte length that counts the header.
import { ipv4ToString, ipv6ToString } from './addr.js';
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const CDP = Layer.Cdp;

/** Bytes of the CDP header (version, TTL, checksum). */
export const CDP_HEADER_LENGTH = 4;
/** Bytes of a TLV header (type, length); a TLV's length counts them. */
export const CDP_TLV_HEADER_LENGTH = 4;

/**
 * One CDP TLV, pointed at its first byte by a printer walking them. Every getter is checked
 * (NOT_CAPTURED past `end`); field getters read from the value, after the 4-byte header. The
 * address list's entries sit at offsets the printer finds as it walks them (`at`, in the value).
 */
export class CdpTlv extends FieldView {
  get type(): number { return this.v16(-4); }
  /** The TLV's length, its header included. */
  get tlvLength(): number { return this.v16(-2); }
  /** Absolute index of the value's first byte in `buf`. */
  get valueStart(): number { return this.off + CDP_TLV_HEADER_LENGTH; }
  /** Byte `i` of the value, checked: for text and data walked byte by byte, not fields. */
  valueByte(i: number): number { return this.v8(i); }
  /** The value's first 1, 2 or 3 bytes as one number (power consumption, in mW). */
  uint(n: number): number { return n === 1 ? this.v8(0) : n === 2 ? this.v16(0) : (this.v8(0) << 16) | this.v16(1); }

  /** Capability bits (type 4). */
  get capabilities(): number { return this.v32(0); }
  /** Native VLAN ID (type 0x0a); the ATA-186 request's 2-byte value. */
  get u16Value(): number { return this.v16(0); }
  /** Duplex (0x0b), AVVID bytes (0x12, 0x13), physical location's first byte (0x17). */
  get u8Value(): number { return this.v8(0); }
  /** ATA-186 VoIP VLAN (0x0e, 0x0f): the application type and the VLAN. */
  get ataApplication(): number { return this.v8(0); }
  get ataVlan(): number { return this.v16(1); }
  /** MTU (0x11). */
  get mtu(): number { return this.v32(0); }

  // Addresses (2, 0x16): a count, then entries of protocol type, protocol length, protocol, address length, address.
  get addressCount(): number { return this.v32(0); }
  /** Protocol type (1 NLPID, 2 802.2 header) and protocol length of the entry at value byte `at`. */
  addressProtocolType(at: number): number { return this.v8(at); }
  addressProtocolLength(at: number): number { return this.v8(at + 1); }
  /** The entry's first protocol byte (an NLPID: 0xcc IPv4). */
  addressNlpid(at: number): number { return this.v8(at + 2); }
  /** True when the entry's 8-byte protocol is an LLC/SNAP header with EtherType IPv6. */
  addressIsIpv6Snap(at: number): boolean {
    const o = this.valueStart + at + 2, b = this.cursor.buf;
    if (o + 8 > this.end) throw NOT_CAPTURED;
    return b[o] === 0xaa && b[o + 1] === 0xaa && b[o + 2] === 0x03 && b[o + 3] === 0 && b[o + 4] === 0 && b[o + 5] === 0 && b[o + 6] === 0x86 && b[o + 7] === 0xdd;
  }
  /** The entry's address length (after its `pl` protocol bytes). */
  addressLength(at: number, pl: number): number { return this.v16(at + 2 + pl); }
  /** An IPv4 / IPv6 address at value byte `at`. */
  ipv4(at: number): string { const o = this.valueStart + at; if (o + 4 > this.end) throw NOT_CAPTURED; return ipv4ToString(this.cursor.buf, o); }
  ipv6(at: number): string { const o = this.valueStart + at; if (o + 16 > this.end) throw NOT_CAPTURED; return ipv6ToString(this.cursor.buf, o); }

  /** IPv4 prefix `i` (type 7): `a.b.c.d/len`. */
  prefix(i: number): string {
    const o = 5 * i;
    return `${this.v8(o)}.${this.v8(o + 1)}.${this.v8(o + 2)}.${this.v8(o + 3)}/${this.v8(o + 4)}`;
  }

  private v8(i: number): number { const o = this.off + CDP_TLV_HEADER_LENGTH + i; if (o >= this.end || o < this.off) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  private v16(i: number): number { const o = this.off + CDP_TLV_HEADER_LENGTH + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  private v32(i: number): number { const o = this.off + CDP_TLV_HEADER_LENGTH + i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
}

/**
 * A CDP message: the header and every TLV (`length` covers them all; a frame's padding is
 * payload). Decoded in full when every TLV was captured and each length is at least its header.
 */
export class Cdp extends LayerView {
  readonly layer = CDP;
  /** A sub-view for walking the TLVs (pointed by the printer; reused, no allocation). */
  readonly tlv: CdpTlv = new CdpTlv(this.cursor);

  decode(c: Cursor): number {
    const o = c.off, end = c.end, b = c.buf;
    this.off = o; this.end = end; this.headerLength = 0;
    if (end - o < CDP_HEADER_LENGTH) return c.short(CDP, o, CDP_HEADER_LENGTH);
    let p = o + CDP_HEADER_LENGTH;
    while (p < end) {
      if (end - p < CDP_TLV_HEADER_LENGTH) return c.short(CDP, o, p - o + CDP_TLV_HEADER_LENGTH);
      const n = u16(b, p + 2);
      if (n < CDP_TLV_HEADER_LENGTH) return c.invalid(CDP, o, `TLV length ${n} < 4`);
      if (end - p < n) return c.short(CDP, o, p - o + n);
      p += n;
    }
    this.headerLength = p - o;
    c.mark(CDP);
    c.off = p;
    return 0;
  }

  get version(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  get ttl(): number { const o = this.off; if (o + 2 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 1]!; }
  get checksum(): number { const o = this.off; if (o + 4 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o + 2); }
  /** Points `tlv` at the first TLV. */
  first(): CdpTlv { return this.tlv.point(this.off + CDP_HEADER_LENGTH, this.end); }

  /** The header, and each TLV's type and length; the device ID, port ID, platform and version as text. */
  toJSON(): object {
    const o: Record<string, unknown> = { offset: this.offset, length: this.length, version: this.version, ttl: this.ttl, checksum: this.checksum };
    const t = new CdpTlv(this.cursor), tlvs: object[] = [], last = this.off + this.headerLength;
    for (let p = this.off + CDP_HEADER_LENGTH; p + CDP_TLV_HEADER_LENGTH <= last;) {
      t.point(p, last);
      const type = t.type, n = t.tlvLength;
      tlvs.push({ type, length: n });
      const key = type === 1 ? 'deviceId' : type === 3 ? 'portId' : type === 5 ? 'softwareVersion' : type === 6 ? 'platform' : undefined;
      if (key !== undefined) {
        let s = '';
        for (let i = 0; i < n - CDP_TLV_HEADER_LENGTH; i++) s += String.fromCharCode(t.valueByte(i));
        o[key] = s;
      }
      p += n;
    }
    o['tlvs'] = tlvs;
    return o;
  }
}
