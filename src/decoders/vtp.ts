// VTP, Cisco's VLAN Trunking Protocol (SNAP OUI 00-00-0c, protocol ID 0x2003): a 36-byte header
// (version, code, followers or sequence number, domain name length, 32-byte domain name), then by
// code: a summary advertisement's revision, updater, timestamp and MD5 digest; a subset
// advertisement's revision and VLAN information records; a request's start value.
import { ipv4ToString } from './addr.js';
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const VTP = Layer.Vtp;

/** Bytes of the VTP header. */
export const VTP_HEADER_LENGTH = 36;
/** Bytes of a VLAN information record before the VLAN name. */
export const VTP_VLAN_FIXED_LENGTH = 12;
/** Message codes. */
export const VtpCode = { SummaryAdvertisement: 1, SubsetAdvertisement: 2, AdvertisementRequest: 3, Join: 4 } as const;

/** One VLAN information record of a subset advertisement, pointed at its length byte by a printer; getters checked. */
export class VtpVlan extends FieldView {
  /** The record's length, its fixed part and padded name included. */
  get recordLength(): number { return this.u8(0); }
  /** 0 operational, 1 suspended. */
  get status(): number { return this.u8(1); }
  /** 1 Ethernet, 2 FDDI, 3 TrCRF, 4 FDDI-net, 5 TrBRF. */
  get vlanType(): number { return this.u8(2); }
  get nameLength(): number { return this.u8(3); }
  get vlanId(): number { return this.u16(4); }
  get mtu(): number { return this.u16(6); }
  /** 802.10 index (SAID). */
  get said(): number { return this.u32(8); }
  /** A TLV after the name, at record byte `at`: type, length (in 16-bit words) and its 2-byte value. */
  tlvType(at: number): number { return this.u8(at); }
  tlvLength(at: number): number { return this.u8(at + 1); }
  tlvValue(at: number): number { return this.u16(at + 2); }

  private u8(i: number): number { const o = this.off + i; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  private u16(i: number): number { const o = this.off + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  private u32(i: number): number { const o = this.off + i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
}

/** A VTP message: the header and the code's fields (a subset advertisement's VLAN records to the first of length 0). */
export class Vtp extends LayerView {
  readonly layer = VTP;
  /** A sub-view for walking the VLAN records (pointed by the printer; reused). */
  readonly vlan: VtpVlan = new VtpVlan(this.cursor);

  decode(c: Cursor): number {
    const o = c.off, end = c.end, b = c.buf;
    this.off = o; this.end = end; this.headerLength = 0;
    if (end - o < VTP_HEADER_LENGTH) return c.short(VTP, o, VTP_HEADER_LENGTH);
    const code = b[o + 1]!;
    let p = o + VTP_HEADER_LENGTH + (code === 1 ? 36 : code === 2 || code === 3 ? 4 : 0);
    if (end < p) return c.short(VTP, o, p - o);
    if (code === 2) {
      while (p < end) {
        const n = b[p]!;
        if (n === 0) break;
        if (n < VTP_VLAN_FIXED_LENGTH) return c.invalid(VTP, o, `VLAN information length ${n} < 12`);
        if (end - p < n) return c.short(VTP, o, p - o + n);
        p += n;
      }
    }
    this.headerLength = p - o;
    c.mark(VTP);
    c.off = p;
    return 0;
  }

  get version(): number { return this.u8(0); }
  get code(): number { return this.u8(1); }
  /** Summary advertisement: followers; subset advertisement: sequence number. */
  get followers(): number { return this.u8(2); }
  get domainLength(): number { return this.u8(3); }
  /** Where the domain name starts (byte 4, for `byte()`). */
  get domainAt(): number { return 4; }
  /** Summary and subset advertisements: the configuration revision. */
  get configRevision(): number { return this.u32(36); }
  /** Summary advertisement: updater, timestamp (three 32-bit words), MD5 digest (four). */
  get updater(): string { const o = this.off + 40; if (o + 4 > this.end) throw NOT_CAPTURED; return ipv4ToString(this.cursor.buf, o); }
  timestampWord(i: number): number { return this.u32(44 + 4 * i); }
  digestWord(i: number): number { return this.u32(56 + 4 * i); }
  /** Advertisement request: the start value. */
  get startValue(): number { return this.u32(36); }
  /** Where the first VLAN record of a subset advertisement starts (absolute). */
  get vlansStart(): number { return this.off + VTP_HEADER_LENGTH + 4; }

  private u8(i: number): number { const o = this.off + i; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  private u32(i: number): number { const o = this.off + i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }

  toJSON(): object {
    const code = this.code, n = Math.min(this.domainLength, 32);
    let domain = '';
    for (let i = 0; i < n; i++) { const ch = this.byte(4 + i); if (ch === 0) break; domain += String.fromCharCode(ch); }
    const o: Record<string, unknown> = { offset: this.offset, length: this.length, version: this.version, code, followers: this.followers, domain };
    if (code === 1 || code === 2) o['configRevision'] = this.configRevision;
    if (code === 1) o['updater'] = this.updater;
    if (code === 3) o['startValue'] = this.startValue;
    if (code === 2) {
      const v = new VtpVlan(this.cursor), vlans: object[] = [], last = this.off + this.headerLength;
      for (let p = this.vlansStart; p < last; p += v.recordLength) {
        v.point(p, last);
        vlans.push({ vlanId: v.vlanId, status: v.status, type: v.vlanType, mtu: v.mtu, said: v.said });
      }
      o['vlans'] = vlans;
    }
    return o;
  }
}
