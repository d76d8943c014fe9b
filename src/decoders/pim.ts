// PIM version 2 (RFC 7761 sparse mode, RFC 3973 dense mode, RFC 5059 bootstrap, RFC 5015 bidir)
// on IP protocol 103, and PIM version 1 (carried in IGMP type 0x14). A 4-byte header, then a
// body whose layout the type gives: the printer walks it with the sub-views below, pointed at
// each encoded address, hello option or fixed part in turn.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readIpv4, readIpv6, readU16, readU32, readU8 } from './reads.js';
import { FieldView, LayerView } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const PIM = Layer.Pim, PIMV1 = Layer.Pimv1;

/** Bytes of the PIMv2 header (version and type, reserved or address length, checksum). */
export const PIM_HEADER_LENGTH = 4;
/** Bytes of a hello option's type and length. */
export const PIM_OPTION_HEADER_LENGTH = 4;

/**
 * An encoded address (RFC 7761 4.9): unicast (family, encoding type, address), group or source
 * (the same, then flags and a mask length before the address). With RFC 2117's encoding the
 * message header gives the address length and the family/encoding bytes are absent.
 */
export class PimAddress extends FieldView {
  /** Bytes of the family/encoding head: 2, or 0 for RFC 2117's encoding. */
  head = 2;
  /** Points the view at an encoded address at absolute `off`, with a head of `head` bytes. */
  at(off: number, end: number, head: number): this { this.off = off; this.end = end; this.head = head; return this; }
  /** Address family (1: IPv4, 2: IPv6). */
  get family(): number { return readU8(this, 0); }
  /** Encoding type (0: native). */
  get encodingType(): number { return readU8(this, 1); }
  /** A unicast address. */
  get unicast4(): string { return readIpv4(this, this.head); }
  get unicast6(): string { return readIpv6(this, this.head); }
  /** A group or source address: flags (source: S W R bits; group: B and Z), mask length, address. */
  get flags(): number { return readU8(this, this.head); }
  get maskLength(): number { return readU8(this, this.head + 1); }
  get prefix4(): string { return readIpv4(this, this.head + 2); }
  get prefix6(): string { return readIpv6(this, this.head + 2); }
}

/** A hello option (type, length, value). */
export class PimHelloOption extends FieldView {
  get type(): number { return readU16(this, 0); }
  get length(): number { return readU16(this, 2); }
  /** Hold Time: seconds. */
  get holdTime(): number { return readU16(this, 4); }
  /** LAN Prune Delay: the T bit and the delay (ms) in one field, then the override interval (ms). */
  get lanPruneDelay(): number { return readU16(this, 4); }
  get overrideInterval(): number { return readU16(this, 6); }
  /** DR Priority, Generation ID: the 32-bit value. */
  get value32(): number { return readU32(this, 4); }
  /** State Refresh Capability: version, interval (s), reserved. */
  get refreshVersion(): number { return readU8(this, 4); }
  get refreshInterval(): number { return readU8(this, 5); }
  get refreshReserved(): number { return readU16(this, 6); }
}

/** The fixed parts between the encoded addresses, by message type; pointed at each in turn. */
export class PimPart extends FieldView {
  /** Register: the B and N flags word. */
  get registerFlags(): number { return readU32(this, 0); }
  /** Register: the version nibble of the encapsulated packet (0: a null header). */
  get innerVersion(): number { return readU8(this, 0) >> 4; }
  /** Register with a null header: its IPv4 source and destination. */
  get innerSource(): string { return readIpv4(this, 12); }
  get innerDestination(): string { return readIpv4(this, 16); }
  /** Join/Prune, Graft: the number of groups and the hold time (after the upstream neighbor). */
  get groupCount(): number { return readU8(this, 1); }
  get holdTime(): number { return readU16(this, 2); }
  /** Join/Prune: joined and pruned source counts of a group. */
  get joinedCount(): number { return readU16(this, 0); }
  get prunedCount(): number { return readU16(this, 2); }
  /** Bootstrap: fragment tag, then (2 bytes on) hash mask length and BSR priority. */
  get fragmentTag(): number { return readU16(this, 0); }
  get hashMaskLength(): number { return readU8(this, 0); }
  get bsrPriority(): number { return readU8(this, 1); }
  /** Bootstrap: RP count and fragment RP count of a group. */
  get rpCount(): number { return readU8(this, 0); }
  get fragmentRpCount(): number { return readU8(this, 1); }
  /** Bootstrap: an RP's hold time and priority (after its address). */
  get rpHoldTime(): number { return readU16(this, 0); }
  get rpPriority(): number { return readU8(this, 2); }
  /** Assert, DF election: the RPT bit and preference word, then the metric. */
  get rptBit(): boolean { return (readU8(this, 0) & 0x80) !== 0; }
  get preference(): number { return readU32(this, 0); }
  get metric(): number { return readU32(this, 4); }
  /** Candidate-RP advertisement: prefix count, priority, hold time. */
  get prefixCount(): number { return readU8(this, 0); }
  get priority(): number { return readU8(this, 1); }
  get advertisedHoldTime(): number { return readU16(this, 2); }
  /** State refresh (prune refresh): the time until the next refresh. */
  get refreshTime(): number { return readU16(this, 0); }
  /** DF election backoff: the interval (ms). */
  get backoffInterval(): number { return readU16(this, 0); }
}

/** A PIMv2 message. Fields are read when asked for; those past the capture throw NOT_CAPTURED. */
export class Pim extends LayerView {
  readonly layer = PIM;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < PIM_HEADER_LENGTH) return c.short(PIM, o, PIM_HEADER_LENGTH);
    this.headerLength = PIM_HEADER_LENGTH;
    c.mark(PIM);
    c.off = o + PIM_HEADER_LENGTH;
    return 0;
  }

  get version(): number { return readU8(this, 0) >> 4; }
  /** 0 hello, 1 register, 2 register-stop, 3 join/prune, 4 bootstrap, 5 assert, 6 graft, 7 graft-ack, 8 candidate-RP, 9 state refresh, 10 DF election. */
  get type(): number { return readU8(this, 0) & 0x0f; }
  /** The low nibble of the second byte: RFC 2117's address length (0: encoded addresses carry their family). */
  get addressLength(): number { return readU8(this, 1) & 0x0f; }
  /** RFC 5015's subtype (DF election: 1 offer, 2 winner, 3 backoff, 4 pass). */
  get subtype(): number { return readU8(this, 1) >> 4; }
  get checksum(): number { return readU16(this, 2); }

  /** Sub-views (reused): an encoded address, a hello option, a fixed part. */
  readonly address: PimAddress = new PimAddress(this.cursor);
  readonly option: PimHelloOption = new PimHelloOption(this.cursor);
  readonly part: PimPart = new PimPart(this.cursor);
  /** Points `address` at the encoded address `pos` bytes into the message. */
  addressAt(pos: number): PimAddress { return this.address.at(this.off + pos, this.end, this.addressLength === 0 ? 2 : 0); }
  /** Points `option` at the hello option `pos` bytes into the message. */
  optionAt(pos: number): PimHelloOption { return this.option.point(this.off + pos, this.end); }
  /** Points `part` at `pos` bytes into the message. */
  partAt(pos: number): PimPart { return this.part.point(this.off + pos, this.end); }

  toJSON(): object {
    return { offset: this.offset, length: this.length, version: this.version, type: this.type, checksum: this.checksum };
  }
}

/** A PIMv1 message (inside IGMP: type 0x14, then the PIM type in the code byte). */
export class Pimv1 extends LayerView {
  readonly layer = PIMV1;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < 8) return c.short(PIMV1, o, 8);
    this.headerLength = 8;
    c.mark(PIMV1);
    c.off = o + 8;
    return 0;
  }

  /** 0 query, 1 register, 2 register-stop, 3 join/prune, 4 RP-reachable, 5 assert, 6 graft, 7 graft-ack. */
  get type(): number { return readU8(this, 1); }
  /** The PIM version in the high nibble of byte 4 (1). */
  get version(): number { return readU8(this, 4) >> 4; }
  /** Query: the mode nibble (0 dense, 1 sparse, 2 sparse-dense); true when captured. */
  get modeCaptured(): boolean { return this.has(9); }
  get mode(): number { return readU8(this, 8) >> 4; }
  get queryHoldTime(): number { return readU16(this, 10); }
  /** Register: the encapsulated IPv4 header's source and destination. */
  get registerSource(): string { return readIpv4(this, 20); }
  get registerDestination(): string { return readIpv4(this, 24); }
  /** Register-stop: group and source. */
  get stopGroup(): string { return readIpv4(this, 8); }
  get stopSource(): string { return readIpv4(this, 12); }
  /** RP-reachable: group, mask, RP, hold time. Assert: source at 8, mask at 12, group at 16, then preference and metric. */
  get address8(): string { return readIpv4(this, 8); }
  get mask12(): number { return readU32(this, 12); }
  get mask12Text(): string { return readIpv4(this, 12); }
  get address16(): string { return readIpv4(this, 16); }
  get rpHoldTime(): number { return readU16(this, 22); }
  get assertRpt(): boolean { return (readU8(this, 20) & 0x80) !== 0; }
  get assertPreference(): number { return readU32(this, 20) & 0x7fffffff; }
  get assertMetric(): number { return readU32(this, 24); }
  /** Join/prune, graft: the body from byte 8 is read by `jp`, pointed at each part. */
  readonly jp: Pimv1JoinPrune = new Pimv1JoinPrune(this.cursor);
  /** Points `jp` at `pos` bytes after the 8-byte header. */
  joinPruneAt(pos: number): Pimv1JoinPrune { return this.jp.point(this.off + 8 + pos, this.end); }

  toJSON(): object { return { offset: this.offset, length: this.length, type: this.type, version: this.version }; }
}

/** Parts of a PIMv1 join/prune body (upstream neighbor, hold time, groups, sources), by where `jp` points. */
export class Pimv1JoinPrune extends FieldView {
  /** At the body's start. */
  get upstreamNeighbor(): string { return readIpv4(this, 0); }
  get holdTime(): number { return readU16(this, 6); }
  get groupCount(): number { return readU8(this, 11); }
  /** The one-line form (one group, one source): group, mask, counts, source's flags and address. */
  get group(): string { return readIpv4(this, 12); }
  get groupMask(): number { return readU32(this, 16); }
  get groupMaskText(): string { return readIpv4(this, 16); }
  get joinCount(): number { return readU16(this, 20); }
  get pruneCount(): number { return readU16(this, 22); }
  get sourceFlags(): number { return readU8(this, 24); }
  get sourceMaskByte(): number { return readU8(this, 25); }
  get source(): string { return readIpv4(this, 26); }
  /** At a group record: address, mask, join and prune counts. */
  get recordGroup(): string { return readIpv4(this, 0); }
  get recordMask(): number { return readU32(this, 0); }
  get recordMaskText(): string { return readIpv4(this, 0); }
  get recordJoins(): number { return readU16(this, 0); }
  get recordPrunes(): number { return readU16(this, 2); }
  /** At a source record: flags (sparse bit), WC/RP bits and mask length, address. */
  get sourceRecordFlags(): number { return readU8(this, 0); }
  get sourceRecordBits(): number { return readU8(this, 1); }
  get sourceRecordAddress(): string { return readIpv4(this, 2); }
}
