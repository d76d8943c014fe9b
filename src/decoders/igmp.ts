// IGMP (IP protocol 2): v1 (RFC 1112), v2 (RFC 2236) and v3 (RFC 3376) queries and reports, leaves,
// and the multicast traceroute query/response (mtrace, draft-ietf-idmr-traceroute-ipm); PIMv1
// travels in IGMP type 0x14, DVMRP in 0x13 (the walk goes on into its view, at the same offset). A v3 report's group records are a sub-view the printer walks.
// Every field is a checked getter: a cut message stops where the printer first reads past it.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readIpv4, readU16, readU24, readU32, readU8 } from './reads.js';
import { FieldView, LayerView } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const IGMP = Layer.Igmp, DVMRP = Layer.Dvmrp;

/** Bytes of an IGMP v1/v2 message (type, max response time, checksum, group). */
export const IGMP_MIN_LENGTH = 8;
/** Bytes of a v3 query before its sources. */
export const IGMP_V3_QUERY_LENGTH = 12;
/** Bytes of a v3 report's header before its group records, and of a group record before its sources. */
export const IGMP_V3_REPORT_HEADER_LENGTH = 8;
export const IGMP_GROUP_RECORD_HEADER_LENGTH = 8;
/** Bytes of an mtrace query or response up to its query ID (the header and the 16-byte query). */
export const IGMP_MTRACE_LENGTH = 24;
/** Bytes of an IPv4 source address in the source lists. */
export const IGMP_SOURCE_LENGTH = 4;

/** A v3 report's group record: type, aux data length, number of sources, group, sources. */
export class IgmpGroupRecord extends FieldView {
  /** 1 MODE_IS_INCLUDE … 6 BLOCK_OLD_SOURCES. */
  get recordType(): number { return readU8(this, 0); }
  get auxDataLength(): number { return readU8(this, 1); }
  get sourceCount(): number { return readU16(this, 2); }
  get group(): string { return readIpv4(this, 4); }
  source(i: number): string { return readIpv4(this, IGMP_GROUP_RECORD_HEADER_LENGTH + i * IGMP_SOURCE_LENGTH); }
}

/** An IGMP message. */
export class Igmp extends LayerView {
  readonly layer = IGMP;
  /** The group record sub-view of a v3 report: `record(at)` points it. */
  readonly groupRecord: IgmpGroupRecord = new IgmpGroupRecord(this.cursor);

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < IGMP_MIN_LENGTH) return c.short(IGMP, o, IGMP_MIN_LENGTH);
    this.headerLength = IGMP_MIN_LENGTH;
    c.mark(IGMP);
    // DVMRP's header is these 8 bytes (type 0x13; its message type in the code byte): its view starts here too.
    if (c.buf[o] === 0x13) return DVMRP;
    c.off = o + IGMP_MIN_LENGTH;
    return 0;
  }

  /** 0x11 query, 0x12 v1 report, 0x16 v2 report, 0x17 leave, 0x22 v3 report, 0x14 PIMv1, 0x1e mtrace response, 0x1f mtrace. */
  get type(): number { return readU8(this, 0); }
  /** Max response time (v2, in 1/10 s) or code (v3: a small float); 0 in v1. */
  get maxResponseCode(): number { return readU8(this, 1); }
  get checksum(): number { return readU16(this, 2); }
  /** The group address (queries, v1/v2 reports, leaves), as a number (0: a general query) and as text. */
  get groupValue(): number { return readU32(this, 4); }
  get group(): string { return readIpv4(this, 4); }
  /** v3 query: number of sources, and source `i`. */
  get querySourceCount(): number { return readU16(this, 10); }
  querySource(i: number): string { return readIpv4(this, IGMP_V3_QUERY_LENGTH + i * IGMP_SOURCE_LENGTH); }
  /** v3 report: number of group records. */
  get recordCount(): number { return readU16(this, 6); }
  /** v3 report: the sub-view pointed at the group record that starts at byte `at` of the message. */
  record(at: number): IgmpGroupRecord { return this.groupRecord.point(this.off + at, this.end); }
  /** mtrace: the query's source, destination and response address, response TTL and query ID. */
  get mtraceSource(): string { return readIpv4(this, 8); }
  get mtraceDestination(): string { return readIpv4(this, 12); }
  get mtraceResponseAddress(): string { return readIpv4(this, 16); }
  /** True when the response address is a multicast (class D) one: the TTL then matters. */
  get mtraceResponseMulticast(): boolean { return readU32(this, 16) >>> 28 === 0xe; }
  get mtraceResponseTtl(): number { return readU8(this, 20); }
  get mtraceQueryId(): number { return readU24(this, 21); }

  toJSON(): object {
    const type = this.type;
    const base = { offset: this.offset, length: this.length, type, maxResponseCode: this.maxResponseCode, checksum: this.checksum };
    if (type === 0x22) return { ...base, recordCount: this.recordCount };
    if (type === 0x1e || type === 0x1f) return this.captured >= IGMP_MTRACE_LENGTH ? { ...base, mtraceSource: this.mtraceSource, mtraceDestination: this.mtraceDestination, mtraceResponseAddress: this.mtraceResponseAddress, mtraceQueryId: this.mtraceQueryId } : base;
    const group = { ...base, group: this.group };
    if (type === 0x11 && this.captured >= IGMP_V3_QUERY_LENGTH) {
      const sources: string[] = [];
      for (let i = 0, n = this.querySourceCount; i < n && this.has(IGMP_V3_QUERY_LENGTH + (i + 1) * IGMP_SOURCE_LENGTH); i++) sources.push(this.querySource(i));
      return { ...group, sources };
    }
    return group;
  }
}
