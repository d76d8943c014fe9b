// PPTP's control connection (RFC 2637), TCP port 1723: a 12-byte header (length, message type, magic
// cookie, control message type, reserved) and one of 15 control messages, each a fixed layout of
// numbers and null-padded text fields. The data of a PPTP tunnel goes in enhanced GRE (gre.ts).
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readU16, readU32, readU8 } from './reads.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const PPTP = Layer.Pptp;

/** The TCP port of PPTP's control connection. */
export const PPTP_PORT = 1723;
/** Bytes of the header every control message starts with. */
export const PPTP_HEADER_LENGTH = 12;
/** The magic cookie every message carries (a sanity check). */
export const PPTP_MAGIC_COOKIE = 0x1a2b3c4d;

/** Control message types (RFC 2637, 2.0). */
export const enum PptpMessage {
  StartControlConnectionRequest = 1, StartControlConnectionReply = 2, StopControlConnectionRequest = 3,
  StopControlConnectionReply = 4, EchoRequest = 5, EchoReply = 6, OutgoingCallRequest = 7, OutgoingCallReply = 8,
  IncomingCallRequest = 9, IncomingCallReply = 10, IncomingCallConnected = 11, CallClearRequest = 12,
  CallDisconnectNotify = 13, WanErrorNotify = 14, SetLinkInfo = 15,
}

// Where each field is in each message type's body: its offset after the header, indexed by the
// control message type; -1 where the type has no such field.
const offsets = (...byType: [number, number][]): Int16Array => {
  const a = new Int16Array(16).fill(-1);
  for (const [type, off] of byType) a[type] = off;
  return a;
};
const PROTOCOL_VERSION = offsets([1, 0], [2, 0]);
const FRAMING_CAPABILITIES = offsets([1, 4], [2, 4]);
const BEARER_CAPABILITIES = offsets([1, 8], [2, 8]);
const MAXIMUM_CHANNELS = offsets([1, 12], [2, 12]);
const FIRMWARE_REVISION = offsets([1, 14], [2, 14]);
const HOST_NAME = offsets([1, 16], [2, 16]);
const VENDOR = offsets([1, 80], [2, 80]);
const RESULT_CODE = offsets([2, 2], [4, 0], [6, 4], [8, 4], [10, 4], [13, 2]);
const ERROR_CODE = offsets([2, 3], [4, 1], [6, 5], [8, 5], [10, 5], [13, 3]);
const REASON = offsets([3, 0]);
const IDENTIFIER = offsets([5, 0], [6, 0]);
const CALL_ID = offsets([7, 0], [8, 0], [9, 0], [10, 0], [12, 0], [13, 0]);
const PEER_CALL_ID = offsets([8, 2], [10, 2], [11, 0], [14, 0], [15, 0]);
const CALL_SERIAL_NUMBER = offsets([7, 2], [9, 2]);
const MINIMUM_BPS = offsets([7, 4]);
const MAXIMUM_BPS = offsets([7, 8]);
const BEARER_TYPE = offsets([7, 12], [9, 4]);
const FRAMING_TYPE = offsets([7, 16], [11, 12]);
const RECEIVE_WINDOW = offsets([7, 20], [8, 12], [10, 6], [11, 8]);
const PROCESSING_DELAY = offsets([7, 22], [8, 14], [10, 8], [11, 10]);
const PHONE_NUMBER_LENGTH = offsets([7, 24]);
const PHONE_NUMBER = offsets([7, 28]);
const SUBADDRESS = offsets([7, 92], [9, 144]);
const CAUSE_CODE = offsets([8, 6], [13, 4]);
const CONNECT_SPEED = offsets([8, 8], [11, 4]);
const PHYSICAL_CHANNEL_ID = offsets([8, 16], [9, 8]);
const DIALED_NUMBER_LENGTH = offsets([9, 12]);
const DIALING_NUMBER_LENGTH = offsets([9, 14]);
const DIALED_NUMBER = offsets([9, 16]);
const DIALING_NUMBER = offsets([9, 80]);
const CALL_STATISTICS = offsets([13, 8]);
const WAN_ERRORS = offsets([14, 4]);
const SEND_ACCM = offsets([15, 4]);
const RECEIVE_ACCM = offsets([15, 8]);
/** The first reserved field after the header: one byte in a Stop-Control-Connection-Request, two in the others. */
const RESERVED1 = offsets([1, 2], [3, 1], [4, 2], [6, 6], [7, 26], [10, 10], [11, 2], [12, 2], [13, 6], [14, 2], [15, 2]);
const RESERVED2 = offsets([3, 2]);

/** Lengths of the text fields (null-padded). */
export const PPTP_NAME_LENGTH = 64;
export const PPTP_CALL_STATISTICS_LENGTH = 128;

/** The six error counters of a WAN-Error-Notify, in order. */
export const PPTP_WAN_ERROR_NAMES = ['crcErrors', 'framingErrors', 'hardwareOverruns', 'bufferOverruns', 'timeoutErrors', 'alignmentErrors'] as const;

/**
 * A PPTP control message. The header's fields, then each type's fields by name, read when asked for;
 * a field the message's type does not have is `undefined`. A text field (host name, vendor, phone
 * numbers, subaddress, call statistics) is a null-padded byte array: `…At` gives its index in the
 * message for reading it byte by byte (`byte()`), the plain getter its text up to the first NUL.
 */
export class Pptp extends LayerView {
  readonly layer = PPTP;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < PPTP_HEADER_LENGTH) return c.short(PPTP, o, PPTP_HEADER_LENGTH);
    this.headerLength = PPTP_HEADER_LENGTH;
    c.mark(PPTP);
    return 0;
  }

  /** The message's length as it states it. */
  get messageLength(): number { return readU16(this, 0); }
  /** 1: control message, 2: management message. */
  get messageType(): number { return readU16(this, 2); }
  get magicCookie(): number { return readU32(this, 4); }
  get controlMessageType(): number { return readU16(this, 8); }
  get reserved0(): number { return readU16(this, 10); }

  /** The body's index of a field for this message's type, -1 when the type has none. */
  #at(table: Int16Array): number {
    const type = this.controlMessageType;
    const at = type < 16 ? table[type]! : -1;
    return at < 0 ? -1 : PPTP_HEADER_LENGTH + at;
  }
  #u8(table: Int16Array): number | undefined { const i = this.#at(table); return i < 0 ? undefined : readU8(this, i); }
  #u16(table: Int16Array): number | undefined { const i = this.#at(table); return i < 0 ? undefined : readU16(this, i); }
  #u32(table: Int16Array): number | undefined { const i = this.#at(table); return i < 0 ? undefined : readU32(this, i); }
  #text(table: Int16Array, n: number): string | undefined {
    const i = this.#at(table);
    if (i < 0) return undefined;
    let s = '';
    for (let k = 0; k < n; k++) { const b = this.byte(i + k); if (b === 0) break; s += String.fromCharCode(b); }
    return s;
  }

  /** Version in the high byte, revision in the low. */
  get protocolVersion(): number | undefined { return this.#u16(PROTOCOL_VERSION); }
  /** Bit 0: asynchronous framing, bit 1: synchronous. */
  get framingCapabilities(): number | undefined { return this.#u32(FRAMING_CAPABILITIES); }
  /** Bit 0: analog access, bit 1: digital. */
  get bearerCapabilities(): number | undefined { return this.#u32(BEARER_CAPABILITIES); }
  get maximumChannels(): number | undefined { return this.#u16(MAXIMUM_CHANNELS); }
  get firmwareRevision(): number | undefined { return this.#u16(FIRMWARE_REVISION); }
  get hostNameAt(): number | undefined { const i = this.#at(HOST_NAME); return i < 0 ? undefined : i; }
  get hostName(): string | undefined { return this.#text(HOST_NAME, PPTP_NAME_LENGTH); }
  get vendorAt(): number | undefined { const i = this.#at(VENDOR); return i < 0 ? undefined : i; }
  get vendor(): string | undefined { return this.#text(VENDOR, PPTP_NAME_LENGTH); }
  get resultCode(): number | undefined { return this.#u8(RESULT_CODE); }
  get errorCode(): number | undefined { return this.#u8(ERROR_CODE); }
  /** Stop-Control-Connection-Request: why. */
  get reason(): number | undefined { return this.#u8(REASON); }
  /** Echo request and reply. */
  get identifier(): number | undefined { return this.#u32(IDENTIFIER); }
  get callId(): number | undefined { return this.#u16(CALL_ID); }
  get peerCallId(): number | undefined { return this.#u16(PEER_CALL_ID); }
  get callSerialNumber(): number | undefined { return this.#u16(CALL_SERIAL_NUMBER); }
  get minimumBps(): number | undefined { return this.#u32(MINIMUM_BPS); }
  get maximumBps(): number | undefined { return this.#u32(MAXIMUM_BPS); }
  /** 1 analog, 2 digital, 3 either. */
  get bearerType(): number | undefined { return this.#u32(BEARER_TYPE); }
  /** 1 asynchronous, 2 synchronous, 3 either. */
  get framingType(): number | undefined { return this.#u32(FRAMING_TYPE); }
  get receiveWindowSize(): number | undefined { return this.#u16(RECEIVE_WINDOW); }
  get processingDelay(): number | undefined { return this.#u16(PROCESSING_DELAY); }
  get phoneNumberLength(): number | undefined { return this.#u16(PHONE_NUMBER_LENGTH); }
  get phoneNumberAt(): number | undefined { const i = this.#at(PHONE_NUMBER); return i < 0 ? undefined : i; }
  get phoneNumber(): string | undefined { return this.#text(PHONE_NUMBER, PPTP_NAME_LENGTH); }
  get subaddressAt(): number | undefined { const i = this.#at(SUBADDRESS); return i < 0 ? undefined : i; }
  get subaddress(): string | undefined { return this.#text(SUBADDRESS, PPTP_NAME_LENGTH); }
  get causeCode(): number | undefined { return this.#u16(CAUSE_CODE); }
  get connectSpeed(): number | undefined { return this.#u32(CONNECT_SPEED); }
  get physicalChannelId(): number | undefined { return this.#u32(PHYSICAL_CHANNEL_ID); }
  get dialedNumberLength(): number | undefined { return this.#u16(DIALED_NUMBER_LENGTH); }
  get dialingNumberLength(): number | undefined { return this.#u16(DIALING_NUMBER_LENGTH); }
  get dialedNumberAt(): number | undefined { const i = this.#at(DIALED_NUMBER); return i < 0 ? undefined : i; }
  get dialedNumber(): string | undefined { return this.#text(DIALED_NUMBER, PPTP_NAME_LENGTH); }
  get dialingNumberAt(): number | undefined { const i = this.#at(DIALING_NUMBER); return i < 0 ? undefined : i; }
  get dialingNumber(): string | undefined { return this.#text(DIALING_NUMBER, PPTP_NAME_LENGTH); }
  get callStatisticsAt(): number | undefined { const i = this.#at(CALL_STATISTICS); return i < 0 ? undefined : i; }
  get callStatistics(): string | undefined { return this.#text(CALL_STATISTICS, PPTP_CALL_STATISTICS_LENGTH); }
  /** WAN-Error-Notify: counter `k` of PPTP_WAN_ERROR_NAMES (0–5). */
  wanError(k: number): number | undefined { const i = this.#at(WAN_ERRORS); return i < 0 ? undefined : readU32(this, i + 4 * k); }
  get sendAccm(): number | undefined { return this.#u32(SEND_ACCM); }
  get receiveAccm(): number | undefined { return this.#u32(RECEIVE_ACCM); }
  /** The first reserved field after the header (one byte in a Stop-Control-Connection-Request), which should be 0. */
  get reserved1(): number | undefined {
    const i = this.#at(RESERVED1);
    if (i < 0) return undefined;
    return this.controlMessageType === PptpMessage.StopControlConnectionRequest ? readU8(this, i) : readU16(this, i);
  }
  /** Stop-Control-Connection-Request's second reserved field. */
  get reserved2(): number | undefined { return this.#u16(RESERVED2); }

  /** The header, and the fields of the message's type that were captured. */
  toJSON(): object {
    const o: Record<string, unknown> = {
      offset: this.offset, length: this.length, messageLength: this.messageLength, messageType: this.messageType,
      magicCookie: this.magicCookie, controlMessageType: this.controlMessageType,
    };
    const fields: [string, () => number | string | undefined][] = [
      ['protocolVersion', () => this.protocolVersion], ['resultCode', () => this.resultCode], ['errorCode', () => this.errorCode],
      ['framingCapabilities', () => this.framingCapabilities], ['bearerCapabilities', () => this.bearerCapabilities],
      ['maximumChannels', () => this.maximumChannels], ['firmwareRevision', () => this.firmwareRevision],
      ['hostName', () => this.hostName], ['vendor', () => this.vendor], ['reason', () => this.reason], ['identifier', () => this.identifier],
      ['callId', () => this.callId], ['peerCallId', () => this.peerCallId], ['callSerialNumber', () => this.callSerialNumber],
      ['minimumBps', () => this.minimumBps], ['maximumBps', () => this.maximumBps], ['bearerType', () => this.bearerType],
      ['framingType', () => this.framingType], ['receiveWindowSize', () => this.receiveWindowSize], ['processingDelay', () => this.processingDelay],
      ['phoneNumberLength', () => this.phoneNumberLength], ['phoneNumber', () => this.phoneNumber], ['subaddress', () => this.subaddress],
      ['causeCode', () => this.causeCode], ['connectSpeed', () => this.connectSpeed], ['physicalChannelId', () => this.physicalChannelId],
      ['dialedNumberLength', () => this.dialedNumberLength], ['dialingNumberLength', () => this.dialingNumberLength],
      ['dialedNumber', () => this.dialedNumber], ['dialingNumber', () => this.dialingNumber], ['callStatistics', () => this.callStatistics],
      ...PPTP_WAN_ERROR_NAMES.map((name, k): [string, () => number | undefined] => [name, () => this.wanError(k)]),
      ['sendAccm', () => this.sendAccm], ['receiveAccm', () => this.receiveAccm],
    ];
    // A field cut off by the capture is left out, as the ones the type lacks are.
    for (const [name, get] of fields) {
      try { const v = get(); if (v !== undefined) o[name] = v; } catch (e) { if (e !== NOT_CAPTURED) throw e; }
    }
    return o;
  }
}
