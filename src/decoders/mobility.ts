// The Mobile IPv6 Mobility header (RFC 6275 §6.1), IPv6 next header 135: payload protocol, header
// length (8-byte units, not counting the first 8), MH type, checksum, then the message data by type
// (binding refresh request, home/care-of test init and test, binding update, acknowledgement and
// error) and mobility options (§6.2) to the header's end. A sub-view walks the options.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readIpv6, readU16, readU32, readU8 } from './reads.js';
import { FieldView, LayerView } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const MOBILITY = Layer.Mobility, IPV6 = Layer.Ipv6;

/** Bytes every Mobility header has (the length field's unit, and its minimum). */
export const MOBILITY_MIN_LENGTH = 8;
/** Bytes of a binding update up to the end of its flags (the A, H, L, K bits and the reserved byte). */
export const MOBILITY_BU_FLAGS_END = 10;
/** Bytes of the fixed part of each MH type's message: where its options start. */
export const MOBILITY_DATA_LENGTH: readonly number[] = [8, 16, 16, 24, 24, 12, 12, 24];

/** One mobility option (Pad1 is a single byte; the others type, length, data). */
export class MobilityOption extends FieldView {
  /** 0 Pad1, 1 PadN, 2 binding refresh advice, 3 alternate care-of address, 4 nonce indices, 5 binding authorization data. */
  get type(): number { return readU8(this, 0); }
  /** Length of the data after the type and length bytes. */
  get dataLength(): number { return readU8(this, 1); }
  /** Binding refresh advice: the refresh interval in 4-second units. */
  get refreshInterval(): number { return readU16(this, 2); }
  /** Alternate care-of address. */
  get alternateCareOf(): string { return readIpv6(this, 2); }
  /** Nonce indices. */
  get homeNonceIndex(): number { return readU16(this, 2); }
  get careOfNonceIndex(): number { return readU16(this, 4); }
}

/** A Mobility header. Decoded in full, it has the bytes its header length says. */
export class Mobility extends LayerView {
  readonly layer = MOBILITY;
  /** The option sub-view: `option(i)` points it at byte `i` of the header. */
  readonly mobilityOption: MobilityOption = new MobilityOption(this.cursor);

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    // Only after IPv6 (RFC 6275); IPv4's protocol 135 is not this header.
    if ((c.present & (1 << IPV6)) === 0) return 0;
    if (c.end - o < MOBILITY_MIN_LENGTH) return c.short(MOBILITY, o, MOBILITY_MIN_LENGTH);
    const len = (c.buf[o + 1]! + 1) * 8, type = c.buf[o + 2]!;
    if (type < MOBILITY_DATA_LENGTH.length && len < MOBILITY_DATA_LENGTH[type]!) {
      return c.invalid(MOBILITY, o, `header length ${len} is too small for type ${type}`);
    }
    if (c.end - o < len) return c.short(MOBILITY, o, len);
    this.headerLength = len;
    c.mark(MOBILITY);
    c.off = o + len;
    return 0;
  }

  /** The payload proto field (59, no next header, per RFC 6275). */
  get payloadProto(): number { return readU8(this, 0); }
  /** The header length field (8-byte units after the first 8). */
  get lengthField(): number { return readU8(this, 1); }
  /** The header's length in bytes, from its length field. */
  get headerBytes(): number { return (readU8(this, 1) + 1) * 8; }
  /** 0 BRR, 1 HoTI, 2 CoTI, 3 HoT, 4 CoT, 5 BU, 6 BA, 7 BE. */
  get mhType(): number { return readU8(this, 2); }
  get checksum(): number { return readU16(this, 4); }
  /** HoT, CoT: the nonce index; BU, BA: the sequence number (`sequence`). */
  get nonceIndex(): number { return readU16(this, 6); }
  /** HoTI, CoTI, HoT, CoT: the init cookie (two 32-bit halves). */
  get initCookieHigh(): number { return readU32(this, 8); }
  get initCookieLow(): number { return readU32(this, 12); }
  /** HoT, CoT: the keygen token (two 32-bit halves). */
  get keygenTokenHigh(): number { return readU32(this, 16); }
  get keygenTokenLow(): number { return readU32(this, 20); }
  /** BU: sequence number; BA: its own, after status and flags (`ackSequence`). */
  get sequence(): number { return readU16(this, 6); }
  /** BU: the A, H, L, K flags (top 4 bits of byte 8, shifted down). */
  get updateFlags(): number { return readU8(this, 8) >> 4; }
  /** BU and BA: the lifetime in 4-second units. */
  get lifetime(): number { return readU16(this, 10); }
  /** BA, BE: status. */
  get status(): number { return readU8(this, 6); }
  /** BA: the K flag (0x80) and reserved bits. */
  get ackFlags(): number { return readU8(this, 7); }
  get ackSequence(): number { return readU16(this, 8); }
  /** BE: the home address. */
  get homeAddress(): string { return readIpv6(this, 8); }
  /** Index of the first option for this MH type (the end of its fixed part). */
  get optionsStart(): number { const t = this.mhType; return t < MOBILITY_DATA_LENGTH.length ? MOBILITY_DATA_LENGTH[t]! : MOBILITY_MIN_LENGTH; }
  /** The option sub-view pointed at byte `i` of the header. */
  option(i: number): MobilityOption { return this.mobilityOption.point(this.off + i, this.end); }

  toJSON(): object {
    const t = this.mhType;
    const o: Record<string, unknown> = { offset: this.offset, length: this.length, payloadProto: this.payloadProto, mhType: t, checksum: this.checksum };
    if (t === 5) { o.sequence = this.sequence; o.flags = this.updateFlags; o.lifetime = this.lifetime; }
    else if (t === 6) { o.status = this.status; o.flags = this.ackFlags; o.sequence = this.ackSequence; o.lifetime = this.lifetime; }
    else if (t === 7) { o.status = this.status; o.homeAddress = this.homeAddress; }
    else if (t === 3 || t === 4) o.nonceIndex = this.nonceIndex;
    return o;
  }
}
