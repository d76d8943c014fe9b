// AppleTalk: DDP datagrams over Ethernet (EtherType 0x809b, or SNAP with Apple's OUI 08-00-07),
// AARP (EtherType 0x80f3), and LocalTalk's LLAP frames (LINKTYPE_LTALK: a 3-byte LAP header, then
// a short or a long DDP header). What DDP carries (ATP, NBP, RTMP, echo, ZIP…) is read through
// `data`, a sub-view the printer points at the DDP payload: ATP's header and NBP's header, tuples
// and counted strings, at offsets from the payload's first byte.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readMac, readU16, readU32, readU8, type Window } from './reads.js';
import { FieldView, LayerView } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const DDP = Layer.Ddp;
const AARP = Layer.Aarp;
const LLAP = Layer.Llap;
const EIGRP = Layer.Eigrp;

/** Bytes of DDP's long (extended) header. */
export const DDP_HEADER_LENGTH = 13;
/** Bytes of DDP's short header (LocalTalk only: no networks, nodes in the LAP header). */
export const DDP_SHORT_HEADER_LENGTH = 5;
/** Bytes of the LAP header of a LocalTalk frame. */
export const LLAP_HEADER_LENGTH = 3;
/** Bytes of an AARP packet (Ethernet and AppleTalk addresses). */
export const AARP_LENGTH = 28;
/** Bytes of ATP's header. */
export const ATP_HEADER_LENGTH = 8;
/** Bytes of NBP's header (control, id) and of a tuple before its name. */
export const NBP_HEADER_LENGTH = 2, NBP_TUPLE_LENGTH = 5;
/** The LAP types: a short DDP header, a long one. */
export const LapType = { ShortDdp: 1, Ddp: 2 } as const;
/** DDP protocol types. */
export const DdpType = { Rtmp: 1, Nbp: 2, Atp: 3, Echo: 4, RtmpRequest: 5, Zip: 6, Ip: 22, Arp: 23, Eigrp: 88, Klap: 0x4b } as const;

/**
 * AppleTalk in UDP ("kip", print-udp.c): a LocalTalk frame whose LAP type (its third byte) says a
 * long DDP header, between UDP ports of which one is in the ranges of DDP-in-UDP encapsulation
 * (16512-16639 for client sockets, 200-327 for server sockets, and the pre-1988 server range
 * 768-895). `off` is the UDP payload, `end` where its bytes end. tcpdump tests it after its UDP port
 * table, except SOME/IP's and PTP's ports (KIP_RANK, in print-udp.c's order).
 */
export function carriesKip(b: Uint8Array, off: number, end: number, sport: number, dport: number): boolean {
  return (kipPort(sport) || kipPort(dport)) && off + 2 < end && b[off + 2] === LapType.Ddp;
}
/** The first ports of the DDP-in-UDP ranges, 128 ports each. */
export const KIP_PORT_RANGES = [200, 768, 16512] as const;
const kipPort = (p: number): boolean => p - 200 >>> 0 < 128 || p - 768 >>> 0 < 128 || p - 16512 >>> 0 < 128;
/** Where print-udp.c tests for kip in its chain of ports (its line, as the UDP port table's ranks). */
export const KIP_RANK = 714;

/** The long DDP header's fields: [name, byte offset, size]. */
const DDP_FIELDS: ReadonlyArray<readonly [keyof DdpHeaderFields, number, 1 | 2]> = [
  ['lengthField', 0, 2], ['checksum', 2, 2], ['dstNet', 4, 2], ['srcNet', 6, 2], ['dstNode', 8, 1], ['srcNode', 9, 1],
  ['dstSocket', 10, 1], ['srcSocket', 11, 1], ['type', 12, 1],
];
/** The long DDP header's fields: checked getters of the DDP view and of LLAP's `ddp` sub-view. */
export interface DdpHeaderFields {
  /** The first 16 bits: hop count (bits 10-13) and datagram length (bits 0-9). */
  readonly lengthField: number;
  readonly checksum: number;
  readonly dstNet: number; readonly srcNet: number;
  readonly dstNode: number; readonly srcNode: number;
  readonly dstSocket: number; readonly srcSocket: number;
  /** DDP protocol type (DdpType). */
  readonly type: number;
}
/** Defines DDP_FIELDS' getters on a class (one definition for the view and the sub-view). */
function defineDdpGetters(proto: object): void {
  for (const [name, at, size] of DDP_FIELDS) {
    const read = size === 2 ? readU16 : readU8;
    Object.defineProperty(proto, name, { get(this: Window): number { return read(this, at); }, configurable: true });
  }
}

/** The long DDP header of a LocalTalk frame, after the LAP header. */
export class DdpHeader extends FieldView {}
export interface DdpHeader extends DdpHeaderFields {}
defineDdpGetters(DdpHeader.prototype);

/** What DDP carries, from the payload's first byte: ATP's and NBP's fields, at offsets `i` for NBP's tuples. */
export class DdpData extends FieldView {
  // ATP.
  get atpControl(): number { return readU8(this, 0); }
  get atpBitmap(): number { return readU8(this, 1); }
  get atpTransactionId(): number { return readU16(this, 2); }
  get atpUserData(): number { return readU32(this, 4); }
  // NBP: the header, then tuples (network, node, socket, enumerator, then three counted strings).
  get nbpControl(): number { return readU8(this, 0); }
  get nbpId(): number { return readU8(this, 1); }
  tupleNet(i: number): number { return readU16(this, i); }
  tupleNode(i: number): number { return readU8(this, i + 2); }
  tupleSocket(i: number): number { return readU8(this, i + 3); }
  tupleEnumerator(i: number): number { return readU8(this, i + 4); }
}

/** A DDP datagram with the long header (EtherTalk, TokenTalk, FDDITalk). */
export class Ddp extends LayerView {
  readonly layer = DDP;
  /** The payload after the header (the printer points it). */
  readonly data: DdpData;
  constructor(c: Cursor) { super(c); this.data = new DdpData(c); }

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < DDP_HEADER_LENGTH) return c.short(DDP, o, DDP_HEADER_LENGTH);
    this.headerLength = DDP_HEADER_LENGTH;
    c.mark(DDP);
    c.off = o + DDP_HEADER_LENGTH;
    // EIGRP over AppleTalk: the walk goes on into it, as tcpdump's ddp_print does.
    return c.buf[o + 12] === DdpType.Eigrp ? EIGRP : 0;
  }

  /** Hop count. */
  get hops(): number { return (this.lengthField >> 10) & 0xf; }
  /** Datagram length (header included). */
  get datagramLength(): number { return this.lengthField & 0x3ff; }

  toJSON(): object {
    return {
      offset: this.offset, length: this.length, hops: this.hops, datagramLength: this.datagramLength, checksum: this.checksum,
      dstNet: this.dstNet, dstNode: this.dstNode, dstSocket: this.dstSocket,
      srcNet: this.srcNet, srcNode: this.srcNode, srcSocket: this.srcSocket, type: this.type,
    };
  }
}
export interface Ddp extends DdpHeaderFields {}
defineDdpGetters(Ddp.prototype);

/** An AARP packet (EtherType 0x80f3): AppleTalk's ARP. */
export class Aarp extends LayerView {
  readonly layer = AARP;
  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < AARP_LENGTH) return c.short(AARP, o, AARP_LENGTH);
    this.headerLength = AARP_LENGTH;
    c.mark(AARP);
    c.off = o + AARP_LENGTH;
    return 0;
  }
  get hardwareType(): number { return readU16(this, 0); }
  get protocolType(): number { return readU16(this, 2); }
  get hardwareLength(): number { return readU8(this, 4); }
  get protocolLength(): number { return readU8(this, 5); }
  /** 1 request, 2 response, 3 probe. */
  get op(): number { return readU16(this, 6); }
  get senderMac(): string { return readMac(this, 8); }
  /** The sender's AppleTalk network (bytes 1-2 of its 4-byte address) and node (byte 3). */
  get senderNet(): number { return readU16(this, 15); }
  get senderNode(): number { return readU8(this, 17); }
  get targetMac(): string { return readMac(this, 18); }
  get targetNet(): number { return readU16(this, 25); }
  get targetNode(): number { return readU8(this, 27); }
  toJSON(): object {
    return {
      offset: this.offset, length: this.length, hardwareType: this.hardwareType, protocolType: this.protocolType,
      hardwareLength: this.hardwareLength, protocolLength: this.protocolLength, op: this.op,
      senderMac: this.senderMac, senderNet: this.senderNet, senderNode: this.senderNode,
      targetMac: this.targetMac, targetNet: this.targetNet, targetNode: this.targetNode,
    };
  }
}

/** A LocalTalk frame: the LAP header, then a short or a long DDP header (by the LAP type). */
export class Llap extends LayerView {
  readonly layer = LLAP;
  /** The long DDP header (LAP type 2), at byte 3 (the printer points it). */
  readonly ddp: DdpHeader;
  /** The DDP payload (the printer points it). */
  readonly data: DdpData;
  constructor(c: Cursor) { super(c); this.ddp = new DdpHeader(c); this.data = new DdpData(c); }

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < LLAP_HEADER_LENGTH) return c.short(LLAP, o, LLAP_HEADER_LENGTH);
    const t = c.buf[o + 2]!;
    const n = LLAP_HEADER_LENGTH + (t === LapType.ShortDdp ? DDP_SHORT_HEADER_LENGTH : t === LapType.Ddp ? DDP_HEADER_LENGTH : 0);
    if (c.end - o < n) return c.short(LLAP, o, n);
    this.headerLength = n;
    c.mark(LLAP);
    c.off = o + n;
    return 0;
  }
  get lapDst(): number { return readU8(this, 0); }
  get lapSrc(): number { return readU8(this, 1); }
  /** LapType: 1 short DDP, 2 long DDP. */
  get lapType(): number { return readU8(this, 2); }
  // The short DDP header (LAP type 1), after the LAP header.
  get shortLengthField(): number { return readU16(this, 3); }
  get shortDstSocket(): number { return readU8(this, 5); }
  get shortSrcSocket(): number { return readU8(this, 6); }
  get shortType(): number { return readU8(this, 7); }

  toJSON(): object {
    const o: Record<string, unknown> = { offset: this.offset, length: this.length, dst: this.lapDst, src: this.lapSrc, type: this.lapType };
    if (this.lapType === LapType.ShortDdp) {
      o.ddp = { datagramLength: this.shortLengthField & 0x3ff, dstSocket: this.shortDstSocket, srcSocket: this.shortSrcSocket, type: this.shortType };
    } else if (this.lapType === LapType.Ddp) {
      const d = this.ddp.point(this.off + LLAP_HEADER_LENGTH, this.end);
      o.ddp = {
        hops: (d.lengthField >> 10) & 0xf, datagramLength: d.lengthField & 0x3ff, checksum: d.checksum,
        dstNet: d.dstNet, dstNode: d.dstNode, dstSocket: d.dstSocket, srcNet: d.srcNet, srcNode: d.srcNode, srcSocket: d.srcSocket, type: d.type,
      };
    }
    return o;
  }
}
