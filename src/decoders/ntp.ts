// NTP (RFC 5905), UDP port 123: a time message (mode 1–5: stratum, poll, precision, root delay and
// dispersion, reference ID, four 64-bit timestamps, an optional authenticator) or a control
// message (mode 6, RFC 1305 appendix B: opcode, sequence, status, association, offset, count, data).
// Every field is a checked getter: a cut message stops where the printer first reads past it.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readIpv4, readU16, readU32, readU8 } from './reads.js';
import { LayerView } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const NTP = Layer.Ntp;

/** Bytes of a time message without an authenticator. */
export const NTP_TIME_MESSAGE_LENGTH = 48;
/** Bytes of a control message's header, before its data. */
export const NTP_CONTROL_HEADER_LENGTH = 12;
/** Index of the reference ID, and its length. */
export const NTP_REFID_START = 12;
export const NTP_REFID_LENGTH = 4;
/** Index of the authenticator's message digest (after the key ID). */
export const NTP_DIGEST_START = 52;

/**
 * An NTP message. Decoded in full, a time message has its 48 bytes and a control message its
 * 12-byte header (what follows — the authenticator, the control data — is the payload); the
 * getters of the other kind's fields, and `keyId`, may throw NOT_CAPTURED.
 */
export class Ntp extends LayerView {
  readonly layer = NTP;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < 1) return c.short(NTP, o, 1);
    // The mode says how much is the message's: a time message's 48 bytes, a control message's 12-byte header.
    const mode = c.buf[o]! & 7;
    const need = mode >= 1 && mode <= 5 ? NTP_TIME_MESSAGE_LENGTH : mode === 6 ? NTP_CONTROL_HEADER_LENGTH : 1;
    if (c.end - o < need) return c.short(NTP, o, need);
    this.headerLength = need;
    c.mark(NTP);
    c.off = o + need;
    return 0;
  }

  /** Leap indicator (the first byte's top two bits, unshifted: 0, 0x40, 0x80, 0xc0). */
  get leapIndicator(): number { return readU8(this, 0) & 0xc0; }
  get version(): number { return (readU8(this, 0) >> 3) & 7; }
  /** 1 symmetric active, 2 symmetric passive, 3 client, 4 server, 5 broadcast, 6 control, 7 private. */
  get mode(): number { return readU8(this, 0) & 7; }

  // Time messages (modes 1–5).
  get stratum(): number { return readU8(this, 1); }
  /** log2 of the poll interval in seconds (signed). */
  get poll(): number { return (readU8(this, 2) << 24) >> 24; }
  /** log2 of the clock's precision in seconds (signed). */
  get precision(): number { return (readU8(this, 3) << 24) >> 24; }
  /** Root delay and dispersion, 16.16 fixed point as sent. */
  get rootDelay(): number { return readU32(this, 4); }
  get rootDispersion(): number { return readU32(this, 8); }
  /** The reference ID as a number; `referenceAddress` as an IPv4 address; `byte(NTP_REFID_START + i)` as text. */
  get referenceId(): number { return readU32(this, 12); }
  get referenceAddress(): string { return readIpv4(this, 12); }
  /** The four timestamps: seconds since 1900 and a 32-bit fraction. */
  get referenceTime(): number { return readU32(this, 16); }
  get referenceTimeFraction(): number { return readU32(this, 20); }
  get originTime(): number { return readU32(this, 24); }
  get originTimeFraction(): number { return readU32(this, 28); }
  get receiveTime(): number { return readU32(this, 32); }
  get receiveTimeFraction(): number { return readU32(this, 36); }
  get transmitTime(): number { return readU32(this, 40); }
  get transmitTimeFraction(): number { return readU32(this, 44); }
  /** The authenticator's key ID (a message of 52, 68 or 72 bytes). */
  get keyId(): number { return readU32(this, 48); }

  // Control messages (mode 6).
  /** Response, error and more bits and the opcode. */
  get control(): number { return readU8(this, 1); }
  get sequence(): number { return readU16(this, 2); }
  get status(): number { return readU16(this, 4); }
  get associationId(): number { return readU16(this, 6); }
  get dataOffset(): number { return readU16(this, 8); }
  get count(): number { return readU16(this, 10); }

  toJSON(): object {
    const mode = this.mode, have = this.captured;
    const base = { offset: this.offset, length: have, version: this.version, mode, leapIndicator: this.leapIndicator >> 6 };
    if (mode >= 1 && mode <= 5 && have >= NTP_TIME_MESSAGE_LENGTH) {
      return {
        ...base, stratum: this.stratum, poll: this.poll, precision: this.precision, rootDelay: this.rootDelay, rootDispersion: this.rootDispersion,
        referenceId: this.referenceId, referenceTime: this.referenceTime, referenceTimeFraction: this.referenceTimeFraction,
        originTime: this.originTime, originTimeFraction: this.originTimeFraction, receiveTime: this.receiveTime,
        receiveTimeFraction: this.receiveTimeFraction, transmitTime: this.transmitTime, transmitTimeFraction: this.transmitTimeFraction,
      };
    }
    if (mode === 6 && have >= NTP_CONTROL_HEADER_LENGTH) {
      return { ...base, control: this.control, sequence: this.sequence, status: this.status, associationId: this.associationId, dataOffset: this.dataOffset, count: this.count };
    }
    return base;
  }
}
