// Connectivity Fault Management (IEEE 802.1ag / ITU-T Y.1731), EtherType 0x8902: a 4-byte common
// header (MD level and version, opcode, flags, first TLV offset), the opcode's own fields up to
// that offset (CCM, LBM/LBR, LTM, LTR), then TLVs of a type and a 2-byte length up to an End TLV
// (a lone type byte 0).
import { ipv4ToString, ipv6ToString, macToString } from './addr.js';
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const CFM = Layer.Cfm;

/** Bytes of the common header. */
export const CFM_HEADER_LENGTH = 4;
/** Bytes of a TLV header (type, 2-byte length); the length counts the value only. */
export const CFM_TLV_HEADER_LENGTH = 3;
/** Opcodes. */
export const CfmOpcode = { Ccm: 1, Lbr: 2, Lbm: 3, Ltr: 4, Ltm: 5 } as const;
/** Bytes of the CCM, LTM and LTR fields after the common header. */
export const CFM_CCM_LENGTH = 70, CFM_LTM_LENGTH = 17, CFM_LTR_LENGTH = 6;
/** Bytes of the CCM's MD and MA name area. */
export const CFM_CCM_NAMES_LENGTH = 48;

/** One CFM TLV, pointed at its type byte by a printer walking them; getters checked, read from the value. */
export class CfmTlv extends FieldView {
  get type(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** The value's length. */
  get valueLength(): number { const o = this.off + 1; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  /** Absolute index of the value's first byte. */
  get valueStart(): number { return this.off + CFM_TLV_HEADER_LENGTH; }
  /** Byte `i` of the value, checked: for text walked byte by byte. */
  valueByte(i: number): number { return this.v8(i); }
  /** Port status / interface status (types 2, 3). */
  get status(): number { return this.v8(0); }
  /** Organisation specific (31): the OUI and subtype. */
  get oui(): number { return (this.v8(0) << 16) | (this.v8(1) << 8) | this.v8(2); }
  get orgSubtype(): number { return this.v8(3); }
  // Sender ID (1): chassis ID length, subtype and ID; then management address domain and address.
  get chassisIdLength(): number { return this.v8(0); }
  get chassisIdSubtype(): number { return this.v8(1); }
  get chassisMac(): string { const o = this.valueStart + 2; if (o + 6 > this.end) throw NOT_CAPTURED; return macToString(this.cursor.buf, o); }
  /** A network address chassis ID: its family (1 octet here) and an IPv4/IPv6 address after it. */
  get chassisAddressFamily(): number { return this.v8(2); }
  get chassisIpv4(): string { const o = this.valueStart + 3; if (o + 4 > this.end) throw NOT_CAPTURED; return ipv4ToString(this.cursor.buf, o); }
  get chassisIpv6(): string { const o = this.valueStart + 3; if (o + 16 > this.end) throw NOT_CAPTURED; return ipv6ToString(this.cursor.buf, o); }
  /** The management address domain length, or the management address length, at value byte `at` (they follow the chassis ID). */
  lengthAt(at: number): number { return this.v8(at); }

  private v8(i: number): number { const o = this.off + CFM_TLV_HEADER_LENGTH + i; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
}

/**
 * A CFM PDU: the common header, the opcode's fields (to the first TLV offset) and the TLVs to the
 * End TLV. A cut stops in CFM; a first TLV offset past the PDU is an error.
 */
export class Cfm extends LayerView {
  readonly layer = CFM;
  /** A sub-view for walking the TLVs (pointed by the printer; reused). */
  readonly tlv: CfmTlv = new CfmTlv(this.cursor);

  decode(c: Cursor): number {
    const o = c.off, end = c.end, b = c.buf;
    this.off = o; this.end = end; this.headerLength = 0;
    if (end - o < CFM_HEADER_LENGTH) return c.short(CFM, o, CFM_HEADER_LENGTH);
    let p = o + CFM_HEADER_LENGTH + b[o + 3]!;
    if (end < p) return c.short(CFM, o, p - o);
    while (p < end) {
      if (b[p] === 0) { p++; break; }
      if (end - p < CFM_TLV_HEADER_LENGTH) return c.short(CFM, o, p - o + CFM_TLV_HEADER_LENGTH);
      const n = CFM_TLV_HEADER_LENGTH + u16(b, p + 1);
      if (end - p < n) return c.short(CFM, o, p - o + n);
      p += n;
    }
    this.headerLength = p - o;
    c.mark(CFM);
    c.off = p;
    return 0;
  }

  /** Maintenance domain level (0-7). */
  get mdLevel(): number { return this.u8(0) >> 5; }
  get version(): number { return this.u8(0) & 0x1f; }
  get opcode(): number { return this.u8(1); }
  get flags(): number { return this.u8(2); }
  get firstTlvOffset(): number { return this.u8(3); }
  /** CCM: sequence number and MA end point ID. */
  get sequence(): number { return this.u32(4); }
  get maEndpointId(): number { return this.u16(8); }
  /** CCM: the MD name format, its length (no length when the format is 1, "none") and where the name starts. */
  get mdNameFormat(): number { return this.u8(10); }
  get mdNameLength(): number { return this.u8(11); }
  /** Where (from the layer's start) the MA name format is: after the MD name, if any. */
  get maNameAt(): number { return this.mdNameFormat === 1 ? 11 : 12 + this.mdNameLength; }
  get maNameFormat(): number { return this.u8(this.maNameAt); }
  get maNameLength(): number { return this.u8(this.maNameAt + 1); }
  /** Where the MD name and the MA name start, from the layer's start (for `byte()`; absolute: add `off`). */
  get mdNameAt(): number { return 12; }
  /** A "MAC + 16-bit integer" MD name's MAC. */
  get mdNameMac(): string { return this.mac(12); }
  get maNameStart(): number { return this.maNameAt + 2; }
  /** LTM / LTR: transaction ID and TTL; LTM's original and target MACs; LTR's relay action. */
  get transactionId(): number { return this.u32(4); }
  get ttl(): number { return this.u8(8); }
  get originalMac(): string { return this.mac(9); }
  get targetMac(): string { return this.mac(15); }
  get relayAction(): number { return this.u8(9); }
  /** Points `tlv` at the first TLV. */
  firstTlv(): CfmTlv { return this.tlv.point(this.off + CFM_HEADER_LENGTH + this.firstTlvOffset, this.end); }

  private u8(i: number): number { const o = this.off + i; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  private u16(i: number): number { const o = this.off + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  private u32(i: number): number { const o = this.off + i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  private mac(i: number): string { const o = this.off + i; if (o + 6 > this.end) throw NOT_CAPTURED; return macToString(this.cursor.buf, o); }

  toJSON(): object {
    const op = this.opcode, o: Record<string, unknown> = {
      offset: this.offset, length: this.length, mdLevel: this.mdLevel, version: this.version, opcode: op, flags: this.flags, firstTlvOffset: this.firstTlvOffset,
    };
    const fields = this.firstTlvOffset;
    if (op === 1 && fields >= CFM_CCM_LENGTH) { o['sequence'] = this.sequence; o['maEndpointId'] = this.maEndpointId; }
    if ((op === 4 && fields >= CFM_LTR_LENGTH) || (op === 5 && fields >= CFM_LTM_LENGTH)) { o['transactionId'] = this.transactionId; o['ttl'] = this.ttl; }
    const last = this.off + this.headerLength, t = new CfmTlv(this.cursor), tlvs: object[] = [];
    for (let p = this.off + CFM_HEADER_LENGTH + fields; p < last;) {
      t.point(p, last);
      if (t.type === 0) { tlvs.push({ type: 0 }); break; }
      tlvs.push({ type: t.type, length: t.valueLength });
      p += CFM_TLV_HEADER_LENGTH + t.valueLength;
    }
    o['tlvs'] = tlvs;
    return o;
  }
}
