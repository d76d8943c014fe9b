// wb, LBL's shared whiteboard (UDP 4567, -T wb): a 12-byte header (source, timestamp, version,
// type, flags), then by type an announcement (page states and a site name), repair requests and
// replies, drawing operations, page requests and replies. Fixed parts are getters from the
// message's first byte; the repeated parts are read through sub-views pointed at each.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readIpv4, readU16, readU32, readU8 } from './reads.js';
import { FieldView, LayerView } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const WB = Layer.Wb;

/** Bytes of the header. */
export const WB_HEADER_LENGTH = 12;
/** Message types. */
export const WbType = { DrawOp: 0, Id: 1, RepairRequest: 2, RepairReply: 3, Kill: 4, PageRequest: 5, PageReply: 7 } as const;
/** Sizes of the bodies' fixed parts, of a page state and of a site's id/offset pair. */
export const WB_ID_LENGTH = 28;
export const WB_RREQ_LENGTH = 20;
export const WB_RREP_LENGTH = 20;
export const WB_DOP_LENGTH = 16;
export const WB_PREQ_LENGTH = 16;
export const WB_PREP_LENGTH = 4;
export const WB_PGSTATE_LENGTH = 16;
export const WB_ID_OFF_LENGTH = 8;
export const WB_DOPHDR_LENGTH = 8;

/** A page state (slot, page, number of id/offset pairs) or one id/offset pair, pointed at its first byte. */
export class WbPageState extends FieldView {
  get slot(): number { return readU32(this, 0); }
  get pageSource(): string { return readIpv4(this, 4); }
  get pageNumber(): number { return readU32(this, 8); }
  /** The first byte of the 16-bit count, which is what tcpdump reads in a page reply. */
  get countHighByte(): number { return readU8(this, 12); }
  /** An id/offset pair: the site and its offset. */
  get id(): string { return readIpv4(this, 0); }
  get offset(): number { return readU32(this, 4); }
}

/** A drawing operation's header: timestamp, body length, flags, type. */
export class WbDrawOp extends FieldView {
  get timestamp(): number { return readU32(this, 0); }
  get length(): number { return readU16(this, 4); }
  get type(): number { return readU8(this, 7); }
}

/** A wb message. */
export class Wb extends LayerView {
  readonly layer = WB;
  readonly pageState: WbPageState;
  readonly drawOp: WbDrawOp;

  constructor(c: Cursor) { super(c); this.pageState = new WbPageState(c); this.drawOp = new WbDrawOp(c); }

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < WB_HEADER_LENGTH) return c.short(WB, o, WB_HEADER_LENGTH);
    this.headerLength = WB_HEADER_LENGTH;
    c.mark(WB);
    c.off = o + WB_HEADER_LENGTH;
    return 0;
  }

  get source(): number { return readU32(this, 0); }
  get timestamp(): number { return readU32(this, 4); }
  get version(): number { return readU16(this, 8); }
  get type(): number { return readU8(this, 10); }
  get flags(): number { return readU8(this, 11); }
  // ID: the current page state and the maximum one, and the number of id/offset pairs.
  get idMaxSlot(): number { return readU32(this, 12); }
  get idMaxPageSource(): string { return readIpv4(this, 16); }
  get idMaxPageNumber(): number { return readU32(this, 20); }
  get idSlot(): number { return readU32(this, 24); }
  get idPageSource(): string { return readIpv4(this, 28); }
  get idPageNumber(): number { return readU32(this, 32); }
  get idCount(): number { return readU16(this, 36); }
  // RREQ and RREP: the site whose operations are asked for / sent, then page and sequence range.
  get repairId(): string { return readIpv4(this, 12); }
  get repairPageSource(): string { return readIpv4(this, 16); }
  get repairPageNumber(): number { return readU32(this, 20); }
  get repairStart(): number { return readU32(this, 24); }
  get repairEnd(): number { return readU32(this, 28); }
  // DRAWOP: page and sequence range.
  get dopPageSource(): string { return readIpv4(this, 12); }
  get dopPageNumber(): number { return readU32(this, 16); }
  get dopStart(): number { return readU32(this, 20); }
  get dopEnd(): number { return readU32(this, 24); }
  // PREQ: page and the lowest sequence number needed.
  get preqPageSource(): string { return readIpv4(this, 12); }
  get preqPageNumber(): number { return readU32(this, 16); }
  get preqLow(): number { return readU32(this, 20); }
  /** PREP: the number of page states. */
  get prepCount(): number { return readU32(this, 12); }

  /** Points a sub-view at index `i` of the message. */
  at<V extends FieldView>(v: V, i: number): V { return v.point(this.off + i, this.end); }

  toJSON(): object {
    return { offset: this.offset, length: this.length, source: this.source, timestamp: this.timestamp, version: this.version, type: this.type, flags: this.flags };
  }
}
