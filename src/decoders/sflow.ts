// sFlow version 5 (UDP 6343): a datagram header (version, the agent's address as IPv4 or IPv6,
// agent id, sequence number, uptime, sample count), then samples (format, length), each with
// records (format, length): flow samples (sampled packet headers, switch data…) and counter
// samples (interface, Ethernet, VLAN, processor counters…). The header is getters; a sample
// and a record are sub-views the printer points at each.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readIpv4, readIpv6, readU24, readU32, readU8 } from './reads.js';
import { FieldView, LayerView } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const SFLOW = Layer.Sflow;

/** Bytes of the datagram header with an IPv4 and with an IPv6 agent address. */
export const SFLOW_HEADER_V4_LENGTH = 28;
export const SFLOW_HEADER_V6_LENGTH = 40;
/** A sample's and a record's format and length. */
export const SFLOW_SAMPLE_HEADER_LENGTH = 8;
export const SFLOW_RECORD_HEADER_LENGTH = 8;
/** The fixed part of each kind of sample, after its format and length. */
export const SFLOW_FLOW_SAMPLE_LENGTH = 32;
export const SFLOW_EXPANDED_FLOW_SAMPLE_LENGTH = 44;
export const SFLOW_COUNTER_SAMPLE_LENGTH = 12;
export const SFLOW_EXPANDED_COUNTER_SAMPLE_LENGTH = 16;
/** The records tcpdump decodes, by size. */
export const SflowRecordLength = {
  GenericCounters: 88, EthernetCounters: 52, BaseVgCounters: 80, VlanCounters: 28, ProcessorCounters: 28,
  RawPacket: 16, EthernetFrame: 24, ExtendedSwitch: 16,
} as const;

function readU64(v: FieldView, i: number): bigint { return (BigInt(readU32(v, i)) << 32n) | BigInt(readU32(v, i + 4)); }

/** A sample: its format and length, then the fields of flow and counter samples (plain and expanded). */
export class SflowSample extends FieldView {
  get format(): number { return readU32(this, 0); }
  get length(): number { return readU32(this, 4); }
  get sequence(): number { return readU32(this, 8); }
  // Flow and counter samples: the source id's type and index in one word.
  get sourceType(): number { return readU8(this, 12); }
  get sourceIndex(): number { return readU24(this, 13); }
  // Expanded samples: type and index a word each.
  get expandedSourceType(): number { return readU32(this, 12); }
  get expandedSourceIndex(): number { return readU32(this, 16); }
  // Flow sample.
  get rate(): number { return readU32(this, 16); }
  get pool(): number { return readU32(this, 20); }
  get drops(): number { return readU32(this, 24); }
  get inputInterface(): number { return readU32(this, 28); }
  get outputInterface(): number { return readU32(this, 32); }
  get flowRecords(): number { return readU32(this, 36); }
  // Expanded flow sample.
  get expandedRate(): number { return readU32(this, 20); }
  get expandedPool(): number { return readU32(this, 24); }
  get expandedDrops(): number { return readU32(this, 28); }
  get expandedFlowRecords(): number { return readU32(this, 48); }
  // Counter samples.
  get counterRecords(): number { return readU32(this, 16); }
  get expandedCounterRecords(): number { return readU32(this, 20); }
}

/**
 * A record: its format (enterprise and type) and length, then the fields of the records tcpdump
 * decodes (offsets from the record's first byte: the data starts at 8).
 */
export class SflowRecord extends FieldView {
  get format(): number { return readU32(this, 0); }
  get length(): number { return readU32(this, 4); }
  /** A 32-bit counter at byte `i` of the data. */
  counter32(i: number): number { return readU32(this, 8 + i); }
  /** A 64-bit counter at byte `i` of the data. */
  counter64(i: number): bigint { return readU64(this, 8 + i); }
}

/** An sFlow datagram. */
export class Sflow extends LayerView {
  readonly layer = SFLOW;
  readonly sample: SflowSample;
  readonly record: SflowRecord;

  constructor(c: Cursor) { super(c); this.sample = new SflowSample(c); this.record = new SflowRecord(c); }

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < SFLOW_HEADER_V4_LENGTH) return c.short(SFLOW, o, SFLOW_HEADER_V4_LENGTH);
    const need = this.ipVersion !== 1 ? SFLOW_HEADER_V6_LENGTH : SFLOW_HEADER_V4_LENGTH;
    if (c.end - o < need) return c.short(SFLOW, o, need);
    this.headerLength = need;
    c.mark(SFLOW);
    c.off = o + need;
    return 0;
  }

  get version(): number { return readU32(this, 0); }
  /** The agent address's type: 1 IPv4, 2 IPv6; any other is read as IPv6, as tcpdump reads it. */
  get ipVersion(): number { return readU32(this, 4); }
  get agentIpv4(): string { return readIpv4(this, 8); }
  get agentIpv6(): string { return readIpv6(this, 8); }
  /** The rest of the header, after an address of the agent's type. */
  get agentId(): number { return readU32(this, this.tail); }
  get sequence(): number { return readU32(this, this.tail + 4); }
  get uptime(): number { return readU32(this, this.tail + 8); }
  get samples(): number { return readU32(this, this.tail + 12); }
  private get tail(): number { return this.ipVersion !== 1 ? 24 : 12; }

  /** Points a sub-view at index `i` of the datagram. */
  at<V extends FieldView>(v: V, i: number): V { return v.point(this.off + i, this.end); }

  toJSON(): object {
    const v6 = this.ipVersion !== 1;
    return {
      offset: this.offset, length: this.length, version: this.version, agent: v6 ? this.agentIpv6 : this.agentIpv4,
      agentId: this.agentId, sequence: this.sequence, uptime: this.uptime, samples: this.samples,
    };
  }
}
