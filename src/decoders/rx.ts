// Rx, the RPC protocol of AFS (UDP ports 7000-7009): a 28-byte header (epoch, connection id, call
// number, sequence and serial numbers, packet type, flags, user status, security index, service
// id), then the call's or reply's XDR data, an abort code or an ack packet. The header and the
// ack packet's fixed part are getters; the AFS services' arguments (XDR words at offsets that
// depend on the strings before them) are read through `data`, a sub-view the printer points at
// the packet and reads word by word from the end of the header.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readU16, readU32, readU8, type Window } from './reads.js';
import { NOT_CAPTURED, FieldView, LayerView } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const RX = Layer.Rx;

/** Bytes of the Rx header. */
export const RX_HEADER_LENGTH = 28;
/** Bytes of an ack packet's fixed part (after the header), before its nAcks ack bytes. */
export const RX_ACK_LENGTH = 18;
/** The UDP ports of AFS's services, and the range tcpdump prints as Rx (7000-7009). */
export const RxPort = { Fs: 7000, Cb: 7001, Prot: 7002, Vldb: 7003, Kauth: 7004, Vol: 7005, Error: 7006, Bos: 7007 } as const;
export const RX_PORT_LOW = 7000, RX_PORT_HIGH = 7009;
/** Packet types. */
export const RxType = {
  Data: 1, Ack: 2, Busy: 3, Abort: 4, AckAll: 5, Challenge: 6, Response: 7, Debug: 8, Params: 9, Version: 13,
} as const;
/** Header flags. */
export const RxFlag = {
  ClientInitiated: 1, RequestAck: 2, LastPacket: 4, MorePackets: 8, FreePacket: 16, SlowStartOk: 32, Jumbo: 32,
} as const;

/** The header's fields: [name, byte offset, size]. */
const HEADER_FIELDS: ReadonlyArray<readonly [keyof RxHeaderFields, number, 1 | 2 | 4]> = [
  ['epoch', 0, 4], ['cid', 4, 4], ['callNumber', 8, 4], ['seq', 12, 4], ['serial', 16, 4], ['type', 20, 1], ['flags', 21, 1],
  ['userStatus', 22, 1], ['securityIndex', 23, 1], ['spare', 24, 2], ['serviceId', 26, 2],
];
/** The header's fields, checked getters of both the view (the library's) and its `data` sub-view (the printer's, which reads up to the end tcpdump reads to). */
export interface RxHeaderFields {
  readonly epoch: number; readonly cid: number; readonly callNumber: number;
  /** Sequence number of the packet in its call. */
  readonly seq: number;
  /** Serial number of the packet on its connection. */
  readonly serial: number;
  /** Packet type (RxType). */
  readonly type: number;
  /** Header flags (RxFlag). */
  readonly flags: number;
  readonly userStatus: number; readonly securityIndex: number;
  /** The spare field comes first on the wire, before the service id (tcpdump's print-rx.c notes it). */
  readonly spare: number;
  readonly serviceId: number;
}
/** Defines HEADER_FIELDS' getters on a class (one definition for the view and the sub-view). */
function defineHeaderGetters(proto: object): void {
  for (const [name, at, size] of HEADER_FIELDS) {
    const read = size === 4 ? readU32 : size === 2 ? readU16 : readU8;
    Object.defineProperty(proto, name, { get(this: Window): number { return read(this, at); }, configurable: true });
  }
}

/**
 * An Rx packet from its first byte, up to an end the printer chooses: the header's fields, the
 * ack packet's, and the data after the header as XDR words at byte offsets `i` from the packet's
 * first byte (the AFS calls' arguments: fids, strings, counts, dates).
 */
export class RxData extends FieldView {
  /** The call's opcode: the first word after the header (a call's; a reply's is its call's). */
  get opcode(): number { return readU32(this, RX_HEADER_LENGTH); }
  // The ack packet (type 2), after the header.
  get ackBufferSpace(): number { return readU16(this, RX_HEADER_LENGTH); }
  get ackMaxSkew(): number { return readU16(this, RX_HEADER_LENGTH + 2); }
  get ackFirstPacket(): number { return readU32(this, RX_HEADER_LENGTH + 4); }
  get ackPreviousPacket(): number { return readU32(this, RX_HEADER_LENGTH + 8); }
  get ackSerial(): number { return readU32(this, RX_HEADER_LENGTH + 12); }
  get ackReason(): number { return readU8(this, RX_HEADER_LENGTH + 16); }
  get ackCount(): number { return readU8(this, RX_HEADER_LENGTH + 17); }
  /** Ack byte `k` (0: not received, 1: received) of packet firstPacket + k. */
  ack(k: number): number { return readU8(this, RX_HEADER_LENGTH + RX_ACK_LENGTH + k); }
  /** The unsigned XDR word at byte `i`. */
  u32(i: number): number { return readU32(this, i); }
  /** The signed XDR word at byte `i`. */
  s32(i: number): number { return readU32(this, i) | 0; }
  /** The 64-bit XDR hyper at byte `i`. */
  u64(i: number): bigint {
    const o = this.off + i;
    if (o + 8 > this.end || i < 0) throw NOT_CAPTURED;
    return (BigInt(readU32(this, i)) << 32n) | BigInt(readU32(this, i + 4));
  }
}

/**
 * The IP header an Rx packet came in, as tcpdump's cache of calls reads it (a `struct ip` laid over
 * whichever header it is): the words at IPv4's source and destination addresses, which over an
 * IPv6 header are bytes 4-11 of its source address.
 */
export class RxIpHeader extends FieldView {
  get srcWord(): number { return readU32(this, 12); }
  get dstWord(): number { return readU32(this, 16); }
}

/** An Rx packet. */
export class Rx extends LayerView {
  readonly layer = RX;
  /** The packet read word by word (the printer points it at `off` and the end it reads to). */
  readonly data: RxData;
  /**
   * The IP header the packet came in, for tcpdump's cache of calls (which keys replies on the
   * words at bytes 12 and 16 of the header: IPv4's addresses, parts of IPv6's source).
   */
  readonly ipHeader: RxIpHeader;

  constructor(c: Cursor) { super(c); this.data = new RxData(c); this.ipHeader = new RxIpHeader(c); }

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < RX_HEADER_LENGTH) return c.short(RX, o, RX_HEADER_LENGTH);
    this.headerLength = RX_HEADER_LENGTH;
    c.mark(RX);
    c.off = o + RX_HEADER_LENGTH;
    return 0;
  }

  toJSON(): object {
    const o: Record<string, unknown> = {
      offset: this.offset, length: this.length, epoch: this.epoch, cid: this.cid, callNumber: this.callNumber,
      seq: this.seq, serial: this.serial, type: this.type, flags: this.flags, userStatus: this.userStatus,
      securityIndex: this.securityIndex, serviceId: this.serviceId,
    };
    const d = this.data.point(this.off, this.end);
    if (this.type === RxType.Ack && d.has(RX_HEADER_LENGTH + RX_ACK_LENGTH)) {
      o.ack = {
        bufferSpace: d.ackBufferSpace, maxSkew: d.ackMaxSkew, firstPacket: d.ackFirstPacket, previousPacket: d.ackPreviousPacket,
        serial: d.ackSerial, reason: d.ackReason, count: d.ackCount,
      };
    } else if (this.type === RxType.Data && this.seq === 1 && (this.flags & RxFlag.ClientInitiated) !== 0 && d.has(RX_HEADER_LENGTH + 4)) {
      // A call's first packet: its opcode.
      o.opcode = d.opcode;
    }
    return o;
  }
}
// The header's getters on the view and the sub-view (their types: the interfaces merged below).
defineHeaderGetters(RxData.prototype);
defineHeaderGetters(Rx.prototype);
export interface RxData extends RxHeaderFields {}
export interface Rx extends RxHeaderFields {}
