// OpenFlow (TCP 6633 and 6653): a TCP segment carries a run of messages, each an 8-byte header
// (version, type, length, xid) and a body whose layout the version and type say. tcpdump decodes
// the bodies of versions 1.0 and 1.3 (print-openflow-1.0.c, print-openflow-1.3.c); the structures
// they contain (ports, matches, actions, queues, statistics) are the sub-views below, which the
// printer points at each one as it walks them, as tcpdump walks them with OF_FWD.
import { macToString } from './addr.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readIpv4, readU16, readU32, readU8 } from './reads.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const OPENFLOW = Layer.Openflow;

/** Bytes of the header every message starts with (version, type, length, xid). */
export const OF_HEADER_LENGTH = 8;
/** The versions tcpdump decodes the bodies of. */
export const OF_VERSION_1_0 = 1;
export const OF_VERSION_1_3 = 4;

/** Sizes of the OpenFlow 1.0 structures (openflow-spec-v1.0.0). */
export const OF10_PHY_PORT_LENGTH = 48;
export const OF10_MATCH_LENGTH = 40;
export const OF10_ACTION_MIN_LENGTH = 8;
export const OF10_QUEUE_MIN_LENGTH = 8;
export const OF10_QUEUE_PROP_MIN_LENGTH = 8;
export const OF10_QUEUE_PROP_MIN_RATE_LENGTH = 16;
export const OF10_FLOW_STATS_MIN_LENGTH = 88;
export const OF10_TABLE_STATS_LENGTH = 64;
export const OF10_PORT_STATS_LENGTH = 104;
export const OF10_QUEUE_STATS_LENGTH = 32;
export const OF10_PORT_NAME_LENGTH = 16;
export const OF10_TABLE_NAME_LENGTH = 32;
export const OF10_DESC_LENGTH = 256;
export const OF10_SERIAL_NUM_LENGTH = 32;
/** Sizes of the OpenFlow 1.3 structures (openflow-spec-v1.3.x). */
export const OF13_PORT_LENGTH = 64;
export const OF13_HELLO_ELEMENT_MIN_LENGTH = 4;

/** A 64-bit big-endian field, as a bigint. */
function readU64(v: FieldView, i: number): bigint { return (BigInt(readU32(v, i)) << 32n) | BigInt(readU32(v, i + 4)); }
/** A MAC address field. */
function readMac(v: FieldView, i: number): string {
  const o = v.off + i;
  if (o + 6 > v.end) throw NOT_CAPTURED;
  return macToString(v.cursor.buf, o);
}

/**
 * One message: the header, and the fields of the fixed-layout bodies by name (offsets from the
 * message's first byte; a getter is meaningful only for the versions and types its comment names).
 */
export class OfMessage extends FieldView {
  get version(): number { return readU8(this, 0); }
  get type(): number { return readU8(this, 1); }
  /** The message's length, header included. */
  get length(): number { return readU16(this, 2); }
  get xid(): number { return readU32(this, 4); }
  // ERROR (both versions).
  get errorType(): number { return readU16(this, 8); }
  get errorCode(): number { return readU16(this, 10); }
  /** VENDOR (1.0) / EXPERIMENTER (1.3): the vendor's OUI, or an ONF experimenter ID. */
  get vendor(): number { return readU32(this, 8); }
  /** EXPERIMENTER (1.3). */
  get experimenterType(): number { return readU32(this, 12); }
  /** Big Switch's VENDOR messages (1.0): their subtype, and its fields. */
  get bsnSubtype(): number { return readU32(this, 12); }
  get bsnIndex(): number { return readU8(this, 16); }
  get bsnMask(): string { return readIpv4(this, 20); }
  get bsnReportMirrorPorts(): number { return readU8(this, 16); }
  get bsnVportNo(): number { return readU32(this, 16); }
  get bsnService(): number { return readU32(this, 16); }
  get bsnStatus(): number { return readU32(this, 16); }
  // FEATURES_REPLY.
  get datapathId(): bigint { return readU64(this, 8); }
  get nBuffers(): number { return readU32(this, 16); }
  get nTables(): number { return readU8(this, 20); }
  /** 1.3 only. */
  get auxiliaryId(): number { return readU8(this, 21); }
  get capabilities(): number { return readU32(this, 24); }
  /** 1.0 only: the actions the switch supports (a bitmap by action type). */
  get supportedActions(): number { return readU32(this, 28); }
  // GET_CONFIG_REPLY, SET_CONFIG.
  get configFlags(): number { return readU16(this, 8); }
  get missSendLen(): number { return readU16(this, 10); }
  // PACKET_IN (1.0).
  get packetInBufferId(): number { return readU32(this, 8); }
  get packetInTotalLength(): number { return readU16(this, 12); }
  get packetInPort(): number { return readU16(this, 14); }
  get packetInReason(): number { return readU8(this, 16); }
  // FLOW_MOD (1.0), after its match.
  get flowModCookie(): bigint { return readU64(this, 48); }
  get flowModCommand(): number { return readU16(this, 56); }
  get flowModIdleTimeout(): number { return readU16(this, 58); }
  get flowModHardTimeout(): number { return readU16(this, 60); }
  get flowModPriority(): number { return readU16(this, 62); }
  get flowModBufferId(): number { return readU32(this, 64); }
  get flowModOutPort(): number { return readU16(this, 68); }
  get flowModFlags(): number { return readU16(this, 70); }
  // FLOW_REMOVED (1.0), after its match.
  get flowRemovedCookie(): bigint { return readU64(this, 48); }
  get flowRemovedPriority(): number { return readU16(this, 56); }
  get flowRemovedReason(): number { return readU8(this, 58); }
  get flowRemovedDurationSec(): number { return readU32(this, 60); }
  get flowRemovedDurationNsec(): number { return readU32(this, 64); }
  get flowRemovedIdleTimeout(): number { return readU16(this, 68); }
  get flowRemovedPacketCount(): bigint { return readU64(this, 72); }
  get flowRemovedByteCount(): bigint { return readU64(this, 80); }
  // PORT_STATUS (both versions): the reason; the port follows at PORT_STATUS_PORT_OFFSET.
  get portStatusReason(): number { return readU8(this, 8); }
  // PACKET_OUT (1.0).
  get packetOutBufferId(): number { return readU32(this, 8); }
  get packetOutInPort(): number { return readU16(this, 12); }
  get packetOutActionsLength(): number { return readU16(this, 14); }
  // PORT_MOD (1.0).
  get portMod10PortNo(): number { return readU16(this, 8); }
  get portMod10HwAddr(): string { return readMac(this, 10); }
  get portMod10Config(): number { return readU32(this, 16); }
  get portMod10Mask(): number { return readU32(this, 20); }
  get portMod10Advertise(): number { return readU32(this, 24); }
  // PORT_MOD (1.3).
  get portMod13PortNo(): number { return readU32(this, 8); }
  get portMod13HwAddr(): string { return readMac(this, 16); }
  get portMod13Config(): number { return readU32(this, 24); }
  get portMod13Mask(): number { return readU32(this, 28); }
  get portMod13Advertise(): number { return readU32(this, 32); }
  // STATS_REQUEST, STATS_REPLY (1.0).
  get statsType(): number { return readU16(this, 8); }
  get statsFlags(): number { return readU16(this, 10); }
  // QUEUE_GET_CONFIG_REQUEST / _REPLY: the port (16 bits in 1.0, 32 in 1.3).
  get queueConfig10Port(): number { return readU16(this, 8); }
  get queueConfig13Port(): number { return readU32(this, 8); }
  // TABLE_MOD (1.3).
  get tableModTableId(): number { return readU8(this, 8); }
  get tableModConfig(): number { return readU32(this, 12); }
  // ROLE_REQUEST, ROLE_REPLY (1.3).
  get role(): number { return readU32(this, 8); }
  get generationId(): bigint { return readU64(this, 16); }
  /** GET_ASYNC_REPLY, SET_ASYNC (1.3): mask `i` of packet_in[EM], packet_in[S], port_status[EM], port_status[S], flow_removed[EM], flow_removed[S]. */
  asyncMask(i: number): number { return readU32(this, 8 + 4 * i); }
}

/** Where a message's parts start, from its first byte. */
export const OfOffset = {
  Body: 8,
  /** 1.0 FEATURES_REPLY: the ports after the fixed fields. */
  FeaturesPorts: 32,
  /** PORT_STATUS: the port after the reason and padding. */
  PortStatusPort: 16,
  /** 1.0 PACKET_IN: the frame after the fixed fields (with 2 bytes of padding in the 20-byte header). */
  PacketInData: 18,
  /** 1.0 PACKET_OUT: the actions. */
  PacketOutActions: 16,
  /** 1.0 FLOW_MOD, FLOW_REMOVED: the match; FLOW_MOD's actions. */
  Match: 8,
  FlowModActions: 72,
  /** 1.0 STATS_REQUEST / STATS_REPLY: the body after type and flags. */
  StatsBody: 12,
  /** 1.0 QUEUE_GET_CONFIG_REPLY: the queues. */
  QueueConfigQueues: 16,
  /** 1.0 VENDOR / 1.3 EXPERIMENTER: the data after the vendor (1.3: and the experimenter type). */
  VendorData: 12,
  ExperimenterData: 16,
  /** 1.0 Big Switch VENDOR message: the shell command's text after the service. */
  BsnShellCommand: 20,
  BsnShellOutput: 16,
} as const;

/** An OpenFlow 1.0 ofp_phy_port (48 bytes). */
export class Of10Port extends FieldView {
  get portNo(): number { return readU16(this, 0); }
  get hwAddr(): string { return readMac(this, 2); }
  /** The name starts here: `name` bytes are read with byte(NAME + i). */
  static readonly NAME = 8;
  get config(): number { return readU32(this, 24); }
  get state(): number { return readU32(this, 28); }
  get curr(): number { return readU32(this, 32); }
  get advertised(): number { return readU32(this, 36); }
  get supported(): number { return readU32(this, 40); }
  get peer(): number { return readU32(this, 44); }
}

/** An OpenFlow 1.3 ofp_port (64 bytes). */
export class Of13Port extends FieldView {
  get portNo(): number { return readU32(this, 0); }
  get hwAddr(): string { return readMac(this, 8); }
  static readonly NAME = 16;
  get config(): number { return readU32(this, 32); }
  get state(): number { return readU32(this, 36); }
  get curr(): number { return readU32(this, 40); }
  get advertised(): number { return readU32(this, 44); }
  get supported(): number { return readU32(this, 48); }
  get peer(): number { return readU32(this, 52); }
  get currSpeed(): number { return readU32(this, 56); }
  get maxSpeed(): number { return readU32(this, 60); }
}

/** An OpenFlow 1.0 ofp_match (40 bytes). */
export class Of10Match extends FieldView {
  get wildcards(): number { return readU32(this, 0); }
  get inPort(): number { return readU16(this, 4); }
  get dlSrc(): string { return readMac(this, 6); }
  get dlDst(): string { return readMac(this, 12); }
  get dlVlan(): number { return readU16(this, 18); }
  get dlVlanPcp(): number { return readU8(this, 20); }
  get dlType(): number { return readU16(this, 22); }
  get nwTos(): number { return readU8(this, 24); }
  get nwProto(): number { return readU8(this, 25); }
  get nwSrc(): string { return readIpv4(this, 28); }
  get nwDst(): string { return readIpv4(this, 32); }
  get tpSrc(): number { return readU16(this, 36); }
  get tpDst(): number { return readU16(this, 38); }
  /** tcpdump's last check of a match whose tp_dst is wildcarded (ND_TCHECK_2). */
  checkTpDst(): void { this.need(40); }
}

/** An OpenFlow 1.0 action: type and length, then the fields of its type. */
export class Of10Action extends FieldView {
  get type(): number { return readU16(this, 0); }
  get length(): number { return readU16(this, 2); }
  /** OUTPUT, ENQUEUE: the port. */
  get port(): number { return readU16(this, 4); }
  /** OUTPUT to the controller: how much of the packet to send. */
  get maxLen(): number { return readU16(this, 6); }
  get vlanVid(): number { return readU16(this, 4); }
  get vlanPcp(): number { return readU8(this, 4); }
  get dlAddr(): string { return readMac(this, 4); }
  get nwAddr(): string { return readIpv4(this, 4); }
  get nwTos(): number { return readU8(this, 4); }
  get tpPort(): number { return readU16(this, 4); }
  get queueId(): number { return readU32(this, 12); }
  get vendor(): number { return readU32(this, 4); }
  /** Big Switch's vendor actions: the subtype and the mirror action's fields. */
  get bsnSubtype(): number { return readU32(this, 8); }
  get bsnDestPort(): number { return readU32(this, 12); }
  get bsnVlanTag(): number { return readU32(this, 16); }
  get bsnCopyStage(): number { return readU8(this, 20); }
  /** Where a vendor action's data starts, and a Big Switch action's fields after the subtype. */
  static readonly VENDOR_DATA = 8;
  static readonly BSN_DATA = 12;
}

/** OpenFlow 1.0 ofp_packet_queue (queue_id, len, padding, then properties) and its properties. */
export class Of10Queue extends FieldView {
  get queueId(): number { return readU32(this, 0); }
  get length(): number { return readU16(this, 4); }
  /** A property (pointed at one): its type, length and the minimum rate of a MIN_RATE one. */
  get property(): number { return readU16(this, 0); }
  get propertyLength(): number { return readU16(this, 2); }
  get minRate(): number { return readU16(this, 8); }
}

/** The bodies of OpenFlow 1.0 statistics requests and replies, and their entries. */
export class Of10Stats extends FieldView {
  // A flow or aggregate request: the match, then these.
  get requestTableId(): number { return readU8(this, 40); }
  get requestOutPort(): number { return readU16(this, 42); }
  /** A VENDOR body: the vendor. */
  get vendor(): number { return readU32(this, 0); }
  // A port or queue request.
  get requestPortNo(): number { return readU16(this, 0); }
  get requestQueueId(): number { return readU32(this, 4); }
  // The description reply's strings start at these.
  static readonly MFR_DESC = 0;
  static readonly HW_DESC = 256;
  static readonly SW_DESC = 512;
  static readonly SERIAL_NUM = 768;
  static readonly DP_DESC = 800;
  // A flow statistics entry (the match at FLOW_MATCH, the actions at FLOW_ACTIONS).
  get flowLength(): number { return readU16(this, 0); }
  get flowTableId(): number { return readU8(this, 2); }
  static readonly FLOW_MATCH = 4;
  get flowDurationSec(): number { return readU32(this, 44); }
  get flowDurationNsec(): number { return readU32(this, 48); }
  get flowPriority(): number { return readU16(this, 52); }
  get flowIdleTimeout(): number { return readU16(this, 54); }
  get flowHardTimeout(): number { return readU16(this, 56); }
  get flowCookie(): bigint { return readU64(this, 64); }
  get flowPacketCount(): bigint { return readU64(this, 72); }
  get flowByteCount(): bigint { return readU64(this, 80); }
  // The aggregate reply.
  get aggregatePacketCount(): bigint { return readU64(this, 0); }
  get aggregateByteCount(): bigint { return readU64(this, 8); }
  get aggregateFlowCount(): number { return readU32(this, 16); }
  // A table statistics entry (its name at TABLE_NAME).
  get tableId(): number { return readU8(this, 0); }
  static readonly TABLE_NAME = 4;
  get tableWildcards(): number { return readU32(this, 36); }
  get tableMaxEntries(): number { return readU32(this, 40); }
  get tableActiveCount(): number { return readU32(this, 44); }
  get tableLookupCount(): bigint { return readU64(this, 48); }
  get tableMatchedCount(): bigint { return readU64(this, 56); }
  // A port statistics entry: the port, then 12 counters (rx_packets … collisions).
  get portNo(): number { return readU16(this, 0); }
  portCounter(i: number): bigint { return readU64(this, 8 + 8 * i); }
  // A queue statistics entry.
  get queuePortNo(): number { return readU16(this, 0); }
  get queueId(): number { return readU32(this, 4); }
  get queueTxBytes(): bigint { return readU64(this, 8); }
  get queueTxPackets(): bigint { return readU64(this, 16); }
  get queueTxErrors(): bigint { return readU64(this, 24); }
}

/** An OpenFlow 1.3 HELLO element: type, length, and a version bitmap's first word. */
export class Of13HelloElement extends FieldView {
  get type(): number { return readU16(this, 0); }
  get length(): number { return readU16(this, 2); }
  get bitmap(): number { return readU32(this, 4); }
}

/**
 * The OpenFlow messages of one TCP segment. decode() proves only the first byte; the printer
 * walks the messages, pointing `message` (and the structure sub-views) at each.
 */
export class Openflow extends LayerView {
  readonly layer = OPENFLOW;
  readonly message: OfMessage;
  readonly port10: Of10Port;
  readonly port13: Of13Port;
  readonly match: Of10Match;
  readonly action: Of10Action;
  readonly queue: Of10Queue;
  readonly stats: Of10Stats;
  readonly helloElement: Of13HelloElement;

  constructor(c: Cursor) {
    super(c);
    this.message = new OfMessage(c); this.port10 = new Of10Port(c); this.port13 = new Of13Port(c);
    this.match = new Of10Match(c); this.action = new Of10Action(c); this.queue = new Of10Queue(c);
    this.stats = new Of10Stats(c); this.helloElement = new Of13HelloElement(c);
  }

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < 1) return c.short(OPENFLOW, o, 1);
    c.mark(OPENFLOW);
    return 0;
  }

  /** Points `v` at index `i` of the segment, readable to the captured end. */
  point<V extends FieldView>(v: V, i: number): V { return v.point(this.off + i, this.end); }

  /** The headers of the messages captured in full, in order. */
  get messages(): { version: number; type: number; length: number; xid: number }[] {
    const out: { version: number; type: number; length: number; xid: number }[] = [];
    const m = this.message;
    for (let i = 0; this.has(i + OF_HEADER_LENGTH);) {
      this.point(m, i);
      const length = m.length;
      out.push({ version: m.version, type: m.type, length, xid: m.xid });
      if (length < OF_HEADER_LENGTH) break;
      i += length;
    }
    return out;
  }

  toJSON(): object { return { offset: this.offset, length: this.captured, messages: this.messages }; }
}
