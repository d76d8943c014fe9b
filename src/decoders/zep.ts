// ZEP, the ZigBee Encapsulation Protocol (UDP port 17754; tcpdump's print-zep.c, after Wireshark's
// packet-zep.c): an "EX" preamble and a version, then a v1 header (16 bytes), a v2 data header
// (32 bytes, with an NTP timestamp) or a v2 ACK (8 bytes); the data headers end with the length of
// the IEEE 802.15.4 frame that follows, which the walk goes on into with that length.
import { u16 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readU16, readU32, readU8 } from './reads.js';
import { LayerView } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const ZEP = Layer.Zep, IEEE802154 = Layer.Ieee802154;

export const ZEP_PORT = 17754;
/** Bytes of the preamble, the version and (v2) the type: what tells the header's layout. */
export const ZEP_PREFIX_LENGTH = 4;
export const ZEP_V1_HEADER_LENGTH = 16;
export const ZEP_V2_HEADER_LENGTH = 32;
export const ZEP_V2_ACK_LENGTH = 8;
/** The v2 type of an ACK (any other is laid out as data). */
export const ZEP_V2_TYPE_ACK = 2;

/** Bytes of the header of a version `version`, type `type` message. */
export function zepHeaderLength(version: number, type: number): number {
  return version === 1 ? ZEP_V1_HEADER_LENGTH : type === ZEP_V2_TYPE_ACK ? ZEP_V2_ACK_LENGTH : ZEP_V2_HEADER_LENGTH;
}

/**
 * A ZEP message. Its fields are where its version (and v2 type) puts them; a field the message's
 * layout does not have is `undefined`. Past the capture a read throws NOT_CAPTURED.
 */
export class Zep extends LayerView {
  readonly layer = ZEP;

  decode(c: Cursor): number {
    const o = c.off, b = c.buf;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < ZEP_PREFIX_LENGTH) return c.short(ZEP, o, ZEP_PREFIX_LENGTH);
    if (u16(b, o) !== 0x4558) return c.invalid(ZEP, o, `preamble 0x${u16(b, o).toString(16).padStart(4, '0')}, not "EX"`);
    const n = zepHeaderLength(b[o + 2]!, b[o + 3]!);
    if (c.end - o < n) return c.short(ZEP, o, n);
    this.headerLength = n;
    c.mark(ZEP);
    c.off = o + n;
    const inner = n === ZEP_V2_ACK_LENGTH ? 0 : b[o + n - 1]!;
    if (inner === 0) return 0;
    // The frame is as long as ZEP says, even where that passes the capture or stops short of the datagram's end.
    c.statedLength = inner;
    return IEEE802154;
  }

  /** Preamble byte `i` (0 or 1): "EX" in a decoded message; a printer shows others. */
  preambleByte(i: number): number { return readU8(this, i); }
  get version(): number { return readU8(this, 2); }
  get isV1(): boolean { return this.version === 1; }
  get isAck(): boolean { return !this.isV1 && this.type === ZEP_V2_TYPE_ACK; }
  /** The v2 message type (1 data, 2 ACK); undefined in v1. */
  get type(): number | undefined { return this.isV1 ? undefined : readU8(this, 3); }
  get channel(): number | undefined { return this.isAck ? undefined : readU8(this, this.isV1 ? 3 : 4); }
  get deviceId(): number | undefined { return this.isAck ? undefined : readU16(this, this.isV1 ? 4 : 5); }
  /** The frame's last two bytes are its CRC (CRC mode) rather than the LQI and a correlation value. */
  get crcMode(): boolean | undefined { return this.isAck ? undefined : readU8(this, this.isV1 ? 6 : 7) !== 0; }
  /** Link quality; the field is there in either mode, tcpdump prints it only outside CRC mode. */
  get lqi(): number | undefined { return this.isAck ? undefined : readU8(this, this.isV1 ? 7 : 8); }
  /** The v2 data header's NTP timestamp: seconds since 1900, and the fraction of a second in 2^-32 s. */
  get ntpSeconds(): number | undefined { return this.isV1 || this.isAck ? undefined : readU32(this, 9); }
  get ntpFraction(): number | undefined { return this.isV1 || this.isAck ? undefined : readU32(this, 13); }
  /** The v2 sequence number (data and ACK). */
  get sequence(): number | undefined { return this.isV1 ? undefined : readU32(this, this.isAck ? 4 : 17); }
  /** Bytes of the 802.15.4 frame that follows (0 in an ACK, which carries none). */
  get innerLength(): number { return this.isAck ? 0 : readU8(this, this.isV1 ? ZEP_V1_HEADER_LENGTH - 1 : ZEP_V2_HEADER_LENGTH - 1); }

  toJSON(): object {
    return {
      offset: this.offset, length: this.length, version: this.version, type: this.type, channel: this.channel,
      deviceId: this.deviceId, crcMode: this.crcMode, lqi: this.lqi, ntpSeconds: this.ntpSeconds, ntpFraction: this.ntpFraction,
      sequence: this.sequence, innerLength: this.innerLength,
    };
  }
}
