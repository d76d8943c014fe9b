// RPL control messages (RFC 6550 §6), the body of ICMPv6 type 155 (the code says which): DODAG
// Information Solicitation, DODAG Information Object, Destination Advertisement Object and its
// acknowledgement, then options. A sub-view of the ICMPv6 view (`icmpv6.rpl`), pointed at the body
// after type, code and checksum; its getters are checked.
import { readIpv6, readU16, readU8 } from './reads.js';
import { FieldView } from './view.js';

/** Bytes of a DIO's base object, before its options. */
export const RPL_DIO_LENGTH = 24;
/** Bytes of a DAO's and a DAO-ACK's base object without the optional DODAGID, and of the DODAGID. */
export const RPL_DAO_LENGTH = 4;
export const RPL_DAGID_LENGTH = 16;

/** Bytes of an option's type and length. */
export const RPL_OPTION_HEADER_LENGTH = 2;

/** An RPL option (Pad1 is one byte; the others type, length, data). */
export class RplOption extends FieldView {
  /** 0 Pad1, 1 PadN, 2 DAG metric container, 3 route information, 4 DODAG configuration, 5 RPL target… */
  get type(): number { return readU8(this, 0); }
  /** Length of the data after type and length. */
  get dataLength(): number { return readU8(this, 1); }
}

/** An RPL message body. */
export class RplMessage extends FieldView {
  /** The option sub-view: `option(i)` points it at byte `i` of the body. */
  readonly optionView: RplOption = new RplOption(this.cursor);
  /** RPL instance ID (every message). */
  get instanceId(): number { return readU8(this, 0); }
  // DIO
  get dioVersion(): number { return readU8(this, 1); }
  get dioRank(): number { return readU16(this, 2); }
  /** G (0x80), MOP (bits 3–5), Prf (bits 0–2). */
  get dioMopPrf(): number { return readU8(this, 4); }
  /** Destination advertisement trigger sequence number. */
  get dioDtsn(): number { return readU8(this, 5); }
  get dioDagId(): string { return readIpv6(this, 8); }
  // DAO: flags K (0x80), D (0x40: the DODAGID is present), sequence, DODAGID.
  get daoFlags(): number { return readU8(this, 1); }
  get daoSequence(): number { return readU8(this, 3); }
  /** DAO and DAO-ACK: the DODAGID, when the D flag says it is there. */
  get dagId(): string { return readIpv6(this, RPL_DAO_LENGTH); }
  // DAO-ACK: flags D (0x80), sequence, status.
  get daoAckFlags(): number { return readU8(this, 1); }
  get daoAckSequence(): number { return readU8(this, 2); }
  get daoAckStatus(): number { return readU8(this, 3); }
  /** The option sub-view pointed at byte `i` of the body. */
  option(i: number): RplOption { return this.optionView.point(this.off + i, this.end); }
}
