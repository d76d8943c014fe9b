// DVMRP (RFC 1075, draft-ietf-idmr-dvmrp-v3), carried in IGMP type 0x13: its 8-byte header is the
// IGMP header (the code byte is DVMRP's message type, the last two bytes of the group field its
// minor and major version), so the view starts where IGMP's does. The body — a probe's generation
// id and neighbors, a report's masks and routes, a neighbor list, a prune's or graft's source and
// group — is read through `part(pos)`, a sub-view pointed at `pos` bytes into the body.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readIpv4, readU24, readU32, readU8 } from './reads.js';
import { FieldView, LayerView } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const DVMRP = Layer.Dvmrp;

/** Bytes of the header (IGMP's). */
export const DVMRP_HEADER_LENGTH = 8;
/** A probe's generation id; a neighbor address (probe, neighbor lists). */
export const DVMRP_GENID_LENGTH = 4;
export const DVMRP_ADDRESS_LENGTH = 4;
/** A report's mask (its 3 low bytes). */
export const DVMRP_MASK_LENGTH = 3;
/** The fixed part of a neighbor list entry: local address, metric, threshold, (v2: flags,) count. */
export const DVMRP_NEIGHBORS_ENTRY_LENGTH = 7;
export const DVMRP_NEIGHBORS2_ENTRY_LENGTH = 8;

/** Message types (the IGMP code byte). */
export const DvmrpType = {
  Probe: 1, Report: 2, AskNeighbors: 3, Neighbors: 4, AskNeighbors2: 5, Neighbors2: 6, Prune: 7, Graft: 8, GraftAck: 9,
} as const;

/** A DVMRP message. */
export class Dvmrp extends LayerView {
  readonly layer = DVMRP;
  /** The body's parts: `part(pos)` points it. */
  readonly body: DvmrpPart = new DvmrpPart(this.cursor);

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < DVMRP_HEADER_LENGTH) return c.short(DVMRP, o, DVMRP_HEADER_LENGTH);
    this.headerLength = DVMRP_HEADER_LENGTH;
    c.mark(DVMRP);
    c.off = o + DVMRP_HEADER_LENGTH;
    return 0;
  }

  /** The message type (`DvmrpType`). */
  get type(): number { return readU8(this, 1); }
  /** Protocol version (neighbors2 replies give the sender's mrouted version here). */
  get minorVersion(): number { return readU8(this, 6); }
  get majorVersion(): number { return readU8(this, 7); }
  /** Prune, graft, graft ack: the source and group; prune: the prune lifetime in seconds. */
  get source(): string { return readIpv4(this, 8); }
  get group(): string { return readIpv4(this, 12); }
  get pruneLifetime(): number { return readU32(this, 16); }
  /** Probe: the generation id. */
  get generationId(): number { return readU32(this, 8); }
  /** Points `body` at `pos` bytes after the header. */
  part(pos: number): DvmrpPart { return this.body.point(this.off + DVMRP_HEADER_LENGTH + pos, this.end); }

  toJSON(): object {
    return { offset: this.offset, length: this.length, type: this.type, minorVersion: this.minorVersion, majorVersion: this.majorVersion };
  }
}

/** A part of a DVMRP body, by where `part(pos)` points it. */
export class DvmrpPart extends FieldView {
  /** Probe: a neighbor address. Neighbor lists: an entry's local address, or a neighbor after the entry's fixed part. */
  get address(): string { return readIpv4(this, 0); }
  /** Report: the mask's three low bytes (the high byte is 255), and each byte alone (they set the width of the origins). */
  get mask(): number { return readU24(this, 0); }
  maskByte(i: number): number { return readU8(this, i); }
  /** Report: a route's origin, `width` bytes (1-4), as the high bytes of an address. */
  origin(width: number): number {
    let v = 0;
    for (let i = 0; i < 4; i++) v = v * 256 + (i < width ? readU8(this, i) : 0);
    return v;
  }
  /** Report: a route's metric byte after its origin (0x80: the last route of this mask). */
  metricAfter(width: number): number { return readU8(this, width); }
  /** Neighbor list entry: metric, threshold, then (v2) flags and the neighbor count. */
  get metric(): number { return readU8(this, 4); }
  get threshold(): number { return readU8(this, 5); }
  get neighborCount(): number { return readU8(this, 6); }
  get flags2(): number { return readU8(this, 6); }
  get neighborCount2(): number { return readU8(this, 7); }
}
