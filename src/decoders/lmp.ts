// LMP, the Link Management Protocol (RFC 4204; UDP 701, -T lmp): an 8-byte header (version,
// flags, message type, length), then objects (C-type with the negotiable bit, class, length,
// data). An object is a sub-view the printer points at each, with a getter per field of the
// classes tcpdump decodes (offsets from the object's data, after its 4-byte header); the
// entries of channel status objects and the subobjects of data link objects are sub-views too.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readF32, readIpv4, readIpv6, readU16, readU32, readU8 } from './reads.js';
import { FieldView, LayerView } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const LMP = Layer.Lmp;

/** Bytes of the common header, of an object's header and of a data link subobject's header. */
export const LMP_HEADER_LENGTH = 8;
export const LMP_OBJECT_HEADER_LENGTH = 4;
export const LMP_SUBOBJECT_HEADER_LENGTH = 2;
/** The only version. */
export const LMP_VERSION = 1;

/** An object: its header, then (from `data`) the fields of its class and C-type. */
export class LmpObject extends FieldView {
  /** The C-type with the negotiable bit (0x80). */
  get ctypeByte(): number { return readU8(this, 0); }
  get classNum(): number { return readU8(this, 1); }
  get length(): number { return readU16(this, 2); }
  // One value: control channel, node, link, interface, message, verify IDs; error codes.
  get value(): number { return readU32(this, 4); }
  get valueIpv4(): string { return readIpv4(this, 4); }
  get valueIpv6(): string { return readIpv6(this, 4); }
  // CONFIG.
  get helloInterval(): number { return readU16(this, 4); }
  get helloDeadInterval(): number { return readU16(this, 6); }
  // HELLO.
  get txSeq(): number { return readU32(this, 4); }
  get rxSeq(): number { return readU32(this, 8); }
  // TE_LINK and DATA_LINK: flags, then the local and remote IDs (IPv4, unnumbered: 4 bytes each; IPv6: 16).
  get linkFlags(): number { return readU8(this, 4); }
  get localId(): number { return readU32(this, 8); }
  get localIpv4(): string { return readIpv4(this, 8); }
  get localIpv6(): string { return readIpv6(this, 8); }
  get remoteId(): number { return readU32(this, 12); }
  get remoteIpv4(): string { return readIpv4(this, 12); }
  get remoteIpv6(): string { return readIpv6(this, 24); }
  /** The IPv6 remote ID's first word, which tcpdump prints in hex beside it. */
  get remoteIpv6Word(): number { return readU32(this, 24); }
  // VERIFY_BEGIN.
  get verifyFlags(): number { return readU16(this, 4); }
  get verifyInterval(): number { return readU16(this, 6); }
  get dataLinks(): number { return readU32(this, 8); }
  get encodingType(): number { return readU8(this, 12); }
  get verifyTransport(): number { return readU16(this, 14); }
  get transmissionRate(): number { return readF32(this, 16); }
  get wavelength(): number { return readU32(this, 20); }
  // VERIFY_BEGIN_ACK.
  get verifyDeadInterval(): number { return readU16(this, 4); }
  get verifyTransportResponse(): number { return readU16(this, 6); }
  // SERVICE_CONFIG: service procedures, client port service attributes, network service attributes.
  get spFlags(): number { return readU8(this, 4); }
  get uniVersion(): number { return readU8(this, 5); }
  get cpsaLinkType(): number { return readU8(this, 4); }
  get cpsaSignalType(): number { return readU8(this, 5); }
  get cpsaTransparency(): number { return readU8(this, 6); }
  get cpsaConcatenation(): number { return readU8(this, 7); }
  get cpsaMinNcc(): number { return readU16(this, 8); }
  get cpsaMaxNcc(): number { return readU16(this, 10); }
  get cpsaMinNvc(): number { return readU16(this, 12); }
  get cpsaMaxNvc(): number { return readU16(this, 14); }
  get cpsaLocalInterface(): number { return readU32(this, 16); }
  get cpsaLocalInterfaceIpv4(): string { return readIpv4(this, 16); }
  get nsaTransparency(): number { return readU32(this, 4); }
  get nsaTcm(): number { return readU8(this, 11); }
  get nsaDiversity(): number { return readU8(this, 7); }
}

/** A channel status entry, or an entry of a channel status request: the interface, then its status. */
export class LmpChannel extends FieldView {
  get interfaceId(): number { return readU32(this, 0); }
  get interfaceIpv4(): string { return readIpv4(this, 0); }
  get interfaceIpv6(): string { return readIpv6(this, 0); }
  /** The status word after a 4-byte (IPv4, unnumbered) or a 16-byte (IPv6) interface. */
  get statusAfter4(): number { return readU32(this, 4); }
  get statusAfter16(): number { return readU32(this, 16); }
}

/** A data link object's subobject: type, length, then an interface switching type or a wavelength. */
export class LmpSubobject extends FieldView {
  get type(): number { return readU8(this, 0); }
  get length(): number { return readU8(this, 1); }
  get switchingType(): number { return readU8(this, 2); }
  get encodingType(): number { return readU8(this, 3); }
  get minBandwidth(): number { return readF32(this, 4); }
  get maxBandwidth(): number { return readF32(this, 8); }
  get wavelength(): number { return readU32(this, 4); }
}

/** An LMP message. */
export class Lmp extends LayerView {
  readonly layer = LMP;
  readonly object: LmpObject;
  readonly channel: LmpChannel;
  readonly subobject: LmpSubobject;

  constructor(c: Cursor) { super(c); this.object = new LmpObject(c); this.channel = new LmpChannel(c); this.subobject = new LmpSubobject(c); }

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < LMP_HEADER_LENGTH) return c.short(LMP, o, LMP_HEADER_LENGTH);
    this.headerLength = LMP_HEADER_LENGTH;
    c.mark(LMP);
    c.off = o + LMP_HEADER_LENGTH;
    return 0;
  }

  get version(): number { return readU16(this, 0) >> 12; }
  get flags(): number { return readU8(this, 2); }
  get messageType(): number { return readU8(this, 3); }
  /** The message's length, header included. */
  get messageLength(): number { return readU16(this, 4); }

  /** Points a sub-view at index `i` of the message. */
  at<V extends FieldView>(v: V, i: number): V { return v.point(this.off + i, this.end); }

  toJSON(): object {
    return { offset: this.offset, length: this.length, version: this.version, flags: this.flags, messageType: this.messageType, messageLength: this.messageLength };
  }
}
