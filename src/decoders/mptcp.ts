// Multipath TCP option (TCP option kind 30, RFC 8684; version 0 of RFC 6824 too): the subtype and
// the fields of each, read where they are for the option's length and flags.
import { ipv4ToString, ipv6ToString } from './addr.js';
import { u16, u32 } from './bytes.js';
import { FieldView, NOT_CAPTURED } from './view.js';

/** Subtypes: 0 MP_CAPABLE, 1 MP_JOIN, 2 DSS, 3 ADD_ADDR, 4 REMOVE_ADDR, 5 MP_PRIO, 6 MP_FAIL, 7 MP_FASTCLOSE. */
export const MptcpSubtype = { Capable: 0, Join: 1, Dss: 2, AddAddr: 3, RemoveAddr: 4, Prio: 5, Fail: 6, FastClose: 7 } as const;

/**
 * One MPTCP option, pointed at its kind byte with `end` at the option's end (or the capture's).
 * Getters are checked (NOT_CAPTURED when not captured); `length` is the option's length byte, which
 * the printer passes to the getters whose position depends on it.
 */
export class MptcpOptionView extends FieldView {
  get lengthField(): number { return this.u8(1); }
  /** The subtype (high nibble of byte 2). */
  get subtype(): number { return this.u8(2) >> 4; }
  /** MP_CAPABLE: version (low nibble of byte 2); MP_CAPABLE flags byte (0x80: checksum required). */
  get version(): number { return this.u8(2) & 0xf; }
  get capableFlags(): number { return this.u8(3); }
  /** MP_CAPABLE: the sender's key and (in the third ACK) the receiver's. */
  get senderKey(): bigint { return this.u64(4); }
  get receiverKey(): bigint { return this.u64(12); }
  /** MP_JOIN and MP_PRIO: the backup bit (byte 2 bit 0); MP_JOIN, MP_PRIO, ADD_ADDR: the address id (byte 3). */
  get backup(): boolean { return (this.u8(2) & 1) !== 0; }
  get addressId(): number { return this.u8(3); }
  /** MP_JOIN SYN: receiver's token, sender's random number. */
  get joinToken(): number { return this.u32(4); }
  get joinNonce(): number { return this.u32(8); }
  /** MP_JOIN SYN/ACK: truncated HMAC and random number. */
  get joinTruncatedHmac(): bigint { return this.u64(4); }
  get joinSynAckNonce(): number { return this.u32(12); }
  /** MP_JOIN third ACK: HMAC byte `i` (0–19). */
  joinHmacByte(i: number): number { return this.u8(4 + i); }
  /** DSS: the flags byte (0x01 A, 0x02 a, 0x04 M, 0x08 m, 0x10 F). */
  get dssFlags(): number { return this.u8(3); }
  /** DSS: a field of `size` (4 or 8) bytes at byte `at` of the option, as text (a 64-bit one does not fit a number). */
  dssNumber(at: number, size: number): string { return size === 8 ? this.u64(at).toString() : String(this.u32(at)); }
  dss32(at: number): number { return this.u32(at); }
  dss16(at: number): number { return this.u16(at); }
  /** ADD_ADDR: IP version or echo flag (low nibble of byte 2). */
  get addAddrFlags(): number { return this.u8(2) & 0xf; }
  /** ADD_ADDR: the IPv4 address, port and HMAC (its position depends on the option length). */
  get addAddrIpv4(): string { const o = this.off + 4; if (o + 4 > this.end) throw NOT_CAPTURED; return ipv4ToString(this.cursor.buf, o); }
  get addAddrIpv6(): string { const o = this.off + 4; if (o + 16 > this.end) throw NOT_CAPTURED; return ipv6ToString(this.cursor.buf, o); }
  /** ADD_ADDR: the port after an IPv4 (v6: false) or IPv6 address. */
  addAddrPort(v6: boolean): number { return this.u16(v6 ? 20 : 8); }
  /** ADD_ADDR: the truncated HMAC, after the address and, if `port`, the port. */
  addAddrHmac(v6: boolean, port: boolean): bigint { return this.u64((v6 ? 20 : 8) + (port ? 2 : 0)); }
  /** REMOVE_ADDR: byte `i` of the option (the address ids from byte 3). */
  optionByte(i: number): number { return this.u8(i); }
  /** MP_FAIL: the data sequence number; MP_FASTCLOSE: the receiver's key. */
  get failSequence(): bigint { return this.u64(4); }
  get fastCloseKey(): bigint { return this.u64(4); }

  private u8(i: number): number { const o = this.off + i; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  private u16(i: number): number { const o = this.off + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  private u32(i: number): number { const o = this.off + i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  private u64(i: number): bigint { return (BigInt(this.u32(i)) << 32n) | BigInt(this.u32(i + 4)); }
}
