// Cisco's EIGRP (RFC 7868) on IP protocol 88 and its predecessor IGRP on IP protocol 9. EIGRP: a
// 20-byte header, then TLVs a printer walks with the sub-view; IGRP: a 12-byte header, then
// 14-byte route entries.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readIpv4, readU16, readU24, readU32, readU8 } from './reads.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const EIGRP = Layer.Eigrp, IGRP = Layer.Igrp;

/** Bytes of the EIGRP header. */
export const EIGRP_HEADER_LENGTH = 20;
/** Bytes of a TLV's type and length. */
export const EIGRP_TLV_HEADER_LENGTH = 4;
/** Bytes of the IGRP header. */
export const IGRP_HEADER_LENGTH = 12;
/** Bytes of an IGRP route entry. */
export const IGRP_ENTRY_LENGTH = 14;

/** The metric block of a route TLV (delay, bandwidth, MTU, hop count, reliability, load); pointed at it. */
export class EigrpMetric extends FieldView {
  /** Tens of microseconds. */
  get delay(): number { return readU32(this, 0); }
  /** Kbit/s as EIGRP scales it. */
  get bandwidth(): number { return readU32(this, 4); }
  get mtu(): number { return readU24(this, 8); }
  get hopCount(): number { return readU8(this, 11); }
  get reliability(): number { return readU8(this, 12); }
  get load(): number { return readU8(this, 13); }
}

/** One TLV. The getters after `length` are those of the TLV types named in their comments, from the value's start. */
export class EigrpTlv extends FieldView {
  get type(): number { return readU16(this, 0); }
  get length(): number { return readU16(this, 2); }
  // General Parameters (0x0001).
  k(i: 1 | 2 | 3 | 4 | 5): number { return readU8(this, 3 + i); }
  get holdTime(): number { return readU16(this, 10); }
  // Software Version (0x0004).
  get iosMajor(): number { return readU8(this, 4); }
  get iosMinor(): number { return readU8(this, 5); }
  get eigrpMajor(): number { return readU8(this, 6); }
  get eigrpMinor(): number { return readU8(this, 7); }
  // Every route TLV starts with the next hop (0: the sender).
  get nextHopValue(): number { return readU32(this, 4); }
  get nextHop(): string { return readIpv4(this, 4); }
  /** AppleTalk next hop: network.node as two 16-bit halves. */
  get atNextHopNetwork(): number { return readU16(this, 4); }
  get atNextHopNode(): number { return readU16(this, 6); }
  // IP Internal routes (0x0102): metric block at 8, prefix length at 24, destination bytes from 25.
  // IP External routes (0x0103): origin router, AS, tag, metric, protocol, flags; metric block at 28, prefix length at 44.
  get originRouter(): string { return readIpv4(this, 8); }
  get originRouterValue(): number { return readU32(this, 8); }
  get originAs(): number { return readU32(this, 12); }
  get tag(): number { return readU32(this, 16); }
  get externalMetric(): number { return readU32(this, 20); }
  get externalProtocol(): number { return readU8(this, 26); }
  get externalFlags(): number { return readU8(this, 27); }
  /** The route's prefix length (`external`: an IP External TLV). */
  prefixLength(external: boolean): number { return readU8(this, external ? 44 : 24); }
  /** The destination: `(plen + 7) / 8` bytes, the rest of the dotted quad zero; checked. */
  destination(external: boolean, plen: number): string {
    const at = external ? 45 : 25, n = (plen + 7) >> 3, o = this.off + at;
    if (o + n > this.end) throw NOT_CAPTURED;
    const b = this.cursor.buf, q = [0, 0, 0, 0];
    for (let i = 0; i < n; i++) q[i] = b[o + i]!;
    return `${q[0]}.${q[1]}.${q[2]}.${q[3]}`;
  }
  // AppleTalk Cable setup (0x0204).
  get cableStart(): number { return readU16(this, 4); }
  get cableEnd(): number { return readU16(this, 6); }
  get routerId(): number { return readU32(this, 8); }
  // AppleTalk Internal (0x0202): cable range at 24; External (0x0203): origin router and AS, tag, protocol, flags, metric, cable range at 40.
  atCableStart(external: boolean): number { return readU16(this, external ? 40 : 24); }
  atCableEnd(external: boolean): number { return readU16(this, external ? 42 : 26); }
  get atExternalProtocol(): number { return readU8(this, 20); }
  get atExternalFlags(): number { return readU8(this, 21); }
  get atExternalMetric(): number { return readU16(this, 22); }

  /** The metric block (reused sub-view) at `at` bytes into the TLV. */
  readonly metricBlock: EigrpMetric = new EigrpMetric(this.cursor);
  metricAt(at: number): EigrpMetric { return this.metricBlock.point(this.off + at, this.end); }
}

/** An EIGRP packet. Fields are read when asked for; those past the capture throw NOT_CAPTURED. */
export class Eigrp extends LayerView {
  readonly layer = EIGRP;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < EIGRP_HEADER_LENGTH) return c.short(EIGRP, o, EIGRP_HEADER_LENGTH);
    this.headerLength = EIGRP_HEADER_LENGTH;
    c.mark(EIGRP);
    c.off = o + EIGRP_HEADER_LENGTH;
    return 0;
  }

  get version(): number { return readU8(this, 0); }
  /** 1 update, 3 query, 4 reply, 5 hello, 6 IPX SAP, 7 probe. */
  get opcode(): number { return readU8(this, 1); }
  get checksum(): number { return readU16(this, 2); }
  get flags(): number { return readU32(this, 4); }
  get sequence(): number { return readU32(this, 8); }
  get acknowledgement(): number { return readU32(this, 12); }
  get virtualRouterId(): number { return readU16(this, 16); }
  get autonomousSystem(): number { return readU16(this, 18); }

  readonly tlv: EigrpTlv = new EigrpTlv(this.cursor);
  /** Points `tlv` at the TLV `pos` bytes after the header. */
  tlvAt(pos: number): EigrpTlv { return this.tlv.point(this.off + EIGRP_HEADER_LENGTH + pos, this.end); }

  toJSON(): object {
    return {
      offset: this.offset, length: this.length, version: this.version, opcode: this.opcode, flags: this.flags, sequence: this.sequence,
      acknowledgement: this.acknowledgement, virtualRouterId: this.virtualRouterId, autonomousSystem: this.autonomousSystem,
    };
  }
}

/** One IGRP route entry. */
export class IgrpEntry extends FieldView {
  /** The three significant bytes of the network. */
  net(i: 0 | 1 | 2): number { return readU8(this, i); }
  /** Tens of microseconds. */
  get delay(): number { return readU24(this, 3); }
  /** Inverse bandwidth (10^7 / kbit/s). */
  get bandwidth(): number { return readU24(this, 6); }
  get mtu(): number { return readU16(this, 9); }
  get reliability(): number { return readU8(this, 11); }
  get load(): number { return readU8(this, 12); }
  get hopCount(): number { return readU8(this, 13); }
}

/** An IGRP packet. */
export class Igrp extends LayerView {
  readonly layer = IGRP;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < IGRP_HEADER_LENGTH) return c.short(IGRP, o, IGRP_HEADER_LENGTH);
    this.headerLength = IGRP_HEADER_LENGTH;
    c.mark(IGRP);
    c.off = o + IGRP_HEADER_LENGTH;
    return 0;
  }

  get version(): number { return readU8(this, 0) >> 4; }
  /** 1 update, 2 request. */
  get opcode(): number { return readU8(this, 0) & 0x0f; }
  get edition(): number { return readU8(this, 1); }
  get autonomousSystem(): number { return readU16(this, 2); }
  /** Counts of the entries: subnets of the local net, networks in the AS, exterior networks. */
  get interiorCount(): number { return readU16(this, 4); }
  get systemCount(): number { return readU16(this, 6); }
  get exteriorCount(): number { return readU16(this, 8); }
  get checksum(): number { return readU16(this, 10); }

  readonly entry: IgrpEntry = new IgrpEntry(this.cursor);
  /** Points `entry` at route entry `i`. */
  entryAt(i: number): IgrpEntry { return this.entry.point(this.off + IGRP_HEADER_LENGTH + i * IGRP_ENTRY_LENGTH, this.end); }

  toJSON(): object {
    return {
      offset: this.offset, length: this.length, version: this.version, opcode: this.opcode, edition: this.edition,
      autonomousSystem: this.autonomousSystem, interiorCount: this.interiorCount, systemCount: this.systemCount, exteriorCount: this.exteriorCount,
    };
  }
}
