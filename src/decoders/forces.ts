// ForCES (RFC 5810), the Forwarding and Control Element Separation protocol, over SCTP (RFC 5811:
// ports 6704-6706, PPIDs 21-23 for its high, medium and low priority channels): a 24-byte common
// header (version, message type, length in 32-bit words, source and destination IDs, correlator,
// flags), then TLVs, nested: LFB selectors holding operation TLVs holding path data (IDs, keys,
// FULLDATA/SPARSEDATA/RESULT TLVs, ILVs).
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const FORCES = Layer.Forces;

/** Bytes of the common header. */
export const FORCES_HEADER_LENGTH = 24;
/** Bytes of a TLV's header (16-bit type and length). */
export const FORCES_TLV_HEADER_LENGTH = 4;
/** Bytes of an ILV's header (32-bit type and length). */
export const FORCES_ILV_HEADER_LENGTH = 8;
/** Bytes of a path-data header (flags, ID count) and of one ID. */
export const FORCES_PATH_HEADER_LENGTH = 4;
export const FORCES_ID_LENGTH = 4;
/** Bytes of an LFB selector's class and instance, before its operation TLVs. */
export const FORCES_LFB_SELECTOR_LENGTH = 8;
/** Bytes of a table range (a TLV header, start and end index) or of a key's ID and key TLV header. */
export const FORCES_PATH_DESCRIPTOR_LENGTH = 12;
/** Bytes of a key's ID and its key TLV's header. */
export const FORCES_KEY_HEADER_LENGTH = 8;

/** Message types (RFC 5810 §7). */
export const ForcesMessageType = {
  AssociationSetup: 0x01, AssociationTeardown: 0x02, Config: 0x03, Query: 0x04, EventNotification: 0x05, PacketRedirect: 0x06,
  Heartbeat: 0x0f, AssociationSetupResponse: 0x11, ConfigResponse: 0x13, QueryResponse: 0x14,
} as const;

/** Rounds a TLV or ILV length up to the 4-byte alignment of what follows it. */
export function forcesAlign(n: number): number { return (n + 3) & ~3; }

/**
 * A TLV, ILV, LFB selector, path-data header, ID, key or result inside a ForCES message: `at(i)`
 * points it at absolute index `i` (readable to the message's end) and the getter named for the
 * structure reads its field there. Checked: a field past the capture throws NOT_CAPTURED.
 */
export class ForcesElement extends FieldView {
  // A TLV: 16-bit type and length (header included), the value padded to 4 bytes.
  get tlvType(): number { return this.u16(0); }
  get tlvLength(): number { return this.u16(2); }
  get tlvValueStart(): number { return this.off + FORCES_TLV_HEADER_LENGTH; }
  // An ILV: 32-bit type and length (header included).
  get ilvType(): number { return this.u32(0); }
  get ilvLength(): number { return this.u32(4); }
  get ilvValueStart(): number { return this.off + FORCES_ILV_HEADER_LENGTH; }
  // An LFB selector: class ID and instance, then operation TLVs.
  get lfbClass(): number { return this.u32(0); }
  get lfbInstance(): number { return this.u32(4); }
  get lfbOperationsStart(): number { return this.off + FORCES_LFB_SELECTOR_LENGTH; }
  // Path data: flags (1 select key, 2 table range, 4 table append) and the count of IDs that follow.
  get pathFlags(): number { return this.u16(0); }
  get pathIdCount(): number { return this.u16(2); }
  get pathIdsStart(): number { return this.off + FORCES_PATH_HEADER_LENGTH; }
  /** A 32-bit word: a path ID, a key ID, an association result or teardown reason. */
  get word(): number { return this.u32(0); }
  /** A table range (after its TLV header): start and end index. */
  get rangeStart(): number { return this.u32(4); }
  get rangeEnd(): number { return this.u32(8); }
  /** A key: its ID, then a key TLV whose length is this. */
  get keyId(): number { return this.u32(0); }
  get keyContentLength(): number { return this.u16(6); }
  /** A RESULT TLV's value: the result code. */
  get resultCode(): number { return this.u8(0); }

  private u8(i: number): number { const o = this.off + i; if (o >= this.end || o < 0) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  private u16(i: number): number { const o = this.off + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  private u32(i: number): number { const o = this.off + i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
}

/**
 * A ForCES message: the common header's getters (checked) and an element sub-view for the TLVs.
 * The view reads to the end of the IP datagram, as tcpdump's printer may; the message's own
 * length bounds what the decoder's walk leaves as its payload.
 */
export class Forces extends LayerView {
  readonly layer = FORCES;
  /** The sub-view a printer points at each TLV, ILV, selector… (reused, no allocation). */
  readonly element: ForcesElement = new ForcesElement(this.cursor);

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    this.element.point(o, c.end);
    if (c.end - o < FORCES_HEADER_LENGTH) return c.short(FORCES, o, FORCES_HEADER_LENGTH);
    const m = u16(c.buf, o + 2) * 4;
    if (m < FORCES_HEADER_LENGTH) return c.invalid(FORCES, o, `length ${m} < ${FORCES_HEADER_LENGTH}`);
    this.headerLength = FORCES_HEADER_LENGTH;
    c.mark(FORCES);
    c.off = o + FORCES_HEADER_LENGTH;
    if (o + m < c.end) c.end = o + m;
    return 0;
  }

  get version(): number { return this.u8(0) >> 4; }
  get messageType(): number { return this.u8(1); }
  /** The message's length in bytes (the length field counts 32-bit words). */
  get messageLength(): number { return this.u16(2) * 4; }
  get srcId(): number { return this.u32(4); }
  get dstId(): number { return this.u32(8); }
  /** The 64-bit correlator. */
  get correlator(): bigint { return (BigInt(this.u32(12)) << 32n) | BigInt(this.u32(16)); }
  /** The flags word, as sent. */
  get flags(): number { return this.u32(20); }
  /** ACK indicator (0 none, 1 success, 2 failure, 3 always). */
  get ack(): number { return this.flags >>> 30; }
  get priority(): number { return (this.flags >>> 27) & 7; }
  /** Reserved bits 5-7 of the flags. */
  get reserved1(): number { return (this.flags >>> 24) & 7; }
  /** Execution mode (1 all or none, 2 until failure, 3 continue on failure). */
  get executionMode(): number { return (this.flags >>> 22) & 3; }
  /** Atomic transaction (1: two-phase commit). */
  get atomic(): number { return (this.flags >>> 21) & 1; }
  /** Transaction phase (0 start, 1 middle, 2 end, 3 abort). */
  get transactionPhase(): number { return (this.flags >>> 19) & 3; }
  /** Reserved bits 13-31 of the flags. */
  get reserved2(): number { return this.flags & 0x7ffff; }
  /** Absolute index of the first top-level TLV. */
  get tlvsStart(): number { return this.off + FORCES_HEADER_LENGTH; }
  /** Points the element sub-view at absolute index `at` (a TLV, ILV, selector… a printer walked to). */
  at(at: number): ForcesElement { return this.element.point(at, this.end); }

  private u8(i: number): number { const o = this.off + i; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  private u16(i: number): number { const o = this.off + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  private u32(i: number): number { const o = this.off + i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }

  /** The header's fields and the top-level TLVs (type and length) within the message's length. */
  toJSON(): object {
    const end = Math.min(this.end, this.off + this.messageLength), tlvs: object[] = [];
    for (let p = this.tlvsStart; p + FORCES_TLV_HEADER_LENGTH <= end;) {
      const t = this.at(p), n = t.tlvLength;
      tlvs.push({ type: t.tlvType, length: n });
      if (n < FORCES_TLV_HEADER_LENGTH) break;
      p += forcesAlign(n);
    }
    return {
      offset: this.offset, length: this.length, version: this.version, messageType: this.messageType, messageLength: this.messageLength,
      srcId: this.srcId, dstId: this.dstId, correlator: this.correlator.toString(16).padStart(16, '0'), flags: this.flags, tlvs,
    };
  }
}
