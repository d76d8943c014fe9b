// Cisco NetFlow (tcpdump's print-cnfp.c; no port, -T cnfp only): a header (version, record count,
// uptime, UTC time; v5 and v6 add a flow sequence number and engine/sampling or reserved fields),
// then fixed-size flow records. A record is a sub-view the printer points at each in turn.
// The record layouts are tcpdump's structures: v5 and v6 records carry a peer next hop after the
// masks, so they are 52 bytes there (real v5 records are 48), and tcpdump steps by that size.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readIpv4, readU16, readU32, readU8 } from './reads.js';
import { FieldView, LayerView } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const CNFP = Layer.Cnfp;

/** Bytes of the version field, read before anything else. */
export const CNFP_VERSION_LENGTH = 2;
/** Bytes of the v1 header, and of the v5 and v6 headers. */
export const CNFP_V1_HEADER_LENGTH = 16;
export const CNFP_V5_HEADER_LENGTH = 24;
/** Bytes of a v1 record, and of a v5 or v6 record as tcpdump's structures lay them out. */
export const CNFP_V1_RECORD_LENGTH = 48;
export const CNFP_V5_RECORD_LENGTH = 52;

/** The header length of `version`, or 0 for a version tcpdump does not decode. */
export function cnfpHeaderLength(version: number): number {
  return version === 1 ? CNFP_V1_HEADER_LENGTH : version === 5 || version === 6 ? CNFP_V5_HEADER_LENGTH : 0;
}
/** The record length of `version` (1, 5 or 6). */
export function cnfpRecordLength(version: number): number {
  return version === 1 ? CNFP_V1_RECORD_LENGTH : CNFP_V5_RECORD_LENGTH;
}

/** A flow record: the fields common to all versions, then those of v1 or of v5/v6. */
export class CnfpRecord extends FieldView {
  get srcAddr(): string { return readIpv4(this, 0); }
  get dstAddr(): string { return readIpv4(this, 4); }
  get nextHop(): string { return readIpv4(this, 8); }
  /** SNMP indexes of the input and output interfaces. */
  get input(): number { return readU16(this, 12); }
  get output(): number { return readU16(this, 14); }
  get packets(): number { return readU32(this, 16); }
  get octets(): number { return readU32(this, 20); }
  /** Uptime (ms) at the flow's first and last packet. */
  get startTime(): number { return readU32(this, 24); }
  get lastTime(): number { return readU32(this, 28); }
  get srcPort(): number { return readU16(this, 32); }
  get dstPort(): number { return readU16(this, 34); }
  get protocol(): number { return readU8(this, 38); }
  get tos(): number { return readU8(this, 39); }
  /** v1: the cumulative OR of the TCP flags, after the protocol and ToS. */
  get v1TcpFlags(): number { return readU8(this, 40); }
  /** v5, v6: the TCP flags, before the protocol. */
  get tcpFlags(): number { return readU8(this, 37); }
  get srcAs(): number { return readU16(this, 40); }
  get dstAs(): number { return readU16(this, 42); }
  get srcMask(): number { return readU8(this, 44); }
  get dstMask(): number { return readU8(this, 45); }
  /** v6: the encapsulation sizes (input in the high byte, output in the low). */
  get encapFlags(): number { return readU16(this, 46); }
  get peerNextHop(): string { return readIpv4(this, 48); }
}

/** A NetFlow export packet. */
export class Cnfp extends LayerView {
  readonly layer = CNFP;
  readonly record: CnfpRecord;

  constructor(c: Cursor) { super(c); this.record = new CnfpRecord(c); }

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < CNFP_VERSION_LENGTH) return c.short(CNFP, o, CNFP_VERSION_LENGTH);
    const hl = cnfpHeaderLength(readU16(this, 0));
    // An unknown version is the 2-byte field alone (tcpdump prints it and stops).
    const need = hl === 0 ? CNFP_VERSION_LENGTH : hl;
    if (c.end - o < need) return c.short(CNFP, o, need);
    this.headerLength = need;
    c.mark(CNFP);
    c.off = o + need;
    return 0;
  }

  get version(): number { return readU16(this, 0); }
  get count(): number { return readU16(this, 2); }
  /**
   * The record count as tcpdump reads it: 4 bytes from the count field, so the count in the high half
   * and the uptime's high half in the low. tcpdump loops that many times, stopping at the capture's end.
   */
  get countWord(): number { return readU32(this, 2); }
  /** Milliseconds since the exporter booted. */
  get sysUptime(): number { return readU32(this, 4); }
  get utcSeconds(): number { return readU32(this, 8); }
  get utcNanoseconds(): number { return readU32(this, 12); }
  /** v5, v6: the flow sequence number. */
  get sequence(): number { return readU32(this, 16); }
  /** v5: the flow-switching engine's type and slot, and the sampling mode and interval. */
  get engineType(): number { return readU8(this, 20); }
  get engineId(): number { return readU8(this, 21); }
  get samplingInterval(): number { return readU16(this, 22); }

  /** Points the record sub-view at record `i` (from 0) of a packet of `version`. */
  recordAt(i: number, version: number): CnfpRecord {
    const hl = cnfpHeaderLength(version);
    return this.record.point(this.off + hl + i * cnfpRecordLength(version), this.end);
  }

  toJSON(): object {
    // An unknown version is its version field alone.
    if (this.headerLength < CNFP_V1_HEADER_LENGTH) return { offset: this.offset, length: this.length, version: this.version };
    const v = this.version;
    return {
      offset: this.offset, length: this.length, version: v, count: this.count, sysUptime: this.sysUptime,
      utcSeconds: this.utcSeconds, utcNanoseconds: this.utcNanoseconds,
      ...(v !== 1 ? { sequence: this.sequence } : {}),
    };
  }
}
