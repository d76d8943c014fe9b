// IS-IS, ISO 10589 (NLPID 0x83): an 8-byte common header, the PDU type's fixed header (LAN and
// point-to-point hellos, LSPs, complete and partial sequence number PDUs), then TLVs of a 1-byte
// type and a 1-byte length up to the PDU length. The TLVs' fields, and those of the sub-TLVs and
// entries inside them, are read through IsisTlv at positions the printer walks.
import { ipv4ToString, ipv6ToString } from './addr.js';
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { isoIdText, nsapText, osiChecksum } from './osi.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const ISIS = Layer.Isis;

/** Bytes of the common header. */
export const ISIS_COMMON_HEADER_LENGTH = 8;
/** PDU types. */
export const IsisPdu = { L1LanIih: 15, L2LanIih: 16, PtpIih: 17, L1Lsp: 18, L2Lsp: 20, L1Csnp: 24, L2Csnp: 25, L1Psnp: 26, L2Psnp: 27 } as const;
/** Bytes of each PDU type's header after the common header (0: unknown type). */
export function isisPduHeaderLength(type: number): number {
  switch (type) {
    case 15: case 16: return 19;
    case 17: return 12;
    case 18: case 20: return 19;
    case 24: case 25: return 25;
    case 26: case 27: return 9;
    default: return 0;
  }
}
/** System, node and LSP ID lengths. */
export const SYSTEM_ID_LENGTH = 6, NODE_ID_LENGTH = 7, LSP_ID_LENGTH = 8;

const F32 = new Float32Array(1), U32 = new Uint32Array(F32.buffer);

/**
 * One IS-IS TLV at its type byte, pointed by a printer walking them; every getter is checked and
 * reads from the value (`at` counts from the value's first byte). The same view reads sub-TLVs:
 * their positions are value positions of the TLV that holds them.
 */
export class IsisTlv extends FieldView {
  get type(): number { return this.u8(-2); }
  get valueLength(): number { return this.u8(-1); }
  /** Absolute index of the value. */
  get valueStart(): number { return this.off + 2; }
  /** Byte `i` of the value: text and data walked byte by byte. */
  valueByte(i: number): number { return this.u8(i); }
  /** True when value bytes [at, at + n) were captured. */
  hasAt(at: number, n: number): boolean { return this.off + 2 + at + n <= this.end; }

  // Shared forms.
  /** A system ID (6 bytes), node ID (7) or LSP ID (8) at `at`, as tcpdump writes them. */
  id(at: number, len: number): string { const o = this.off + 2 + at; if (o + len > this.end) throw NOT_CAPTURED; return isoIdText(this.cursor.buf, o, len); }
  /** An NSAP / area address of `len` bytes at `at`. */
  nsap(at: number, len: number): string { const o = this.off + 2 + at; if (o + len > this.end) throw NOT_CAPTURED; return nsapText(this.cursor.buf, o, len); }
  ipv4(at: number): string { const o = this.off + 2 + at; if (o + 4 > this.end) throw NOT_CAPTURED; return ipv4ToString(this.cursor.buf, o); }
  ipv6(at: number): string { const o = this.off + 2 + at; if (o + 16 > this.end) throw NOT_CAPTURED; return ipv6ToString(this.cursor.buf, o); }
  /** A length or count byte at `at` (area address length, sub-TLV length, prefix length…). */
  lengthAt(at: number): number { return this.u8(at); }
  /** A type byte at `at` (sub-TLV, SID, authentication, IDRP type…). */
  typeAt(at: number): number { return this.u8(at); }
  /** A flags byte at `at` (metric bits, prefix status, SID flags, capability flags…). */
  flagsAt(at: number): number { return this.u8(at); }

  // Metrics: the old-style 4-byte block (default, delay, expense, error) and the wide 3- and 4-byte metrics.
  /** Byte `i` (0-3) of the metric block at `at`: value in the low 6 bits, I/E in 0x40, unsupported (or up/down) in 0x80. */
  metricBlock(at: number, i: number): number { return this.u8(at + i); }
  /** A 3-byte (extended IS reachability) metric at `at`. */
  metric24(at: number): number { return this.u24(at); }
  /** A 4-byte (extended IP reachability) metric at `at`. */
  metric32(at: number): number { return this.u32(at); }
  /** An old-style IP reachability entry's prefix and mask (after its metric block at `at`). */
  reachPrefix(at: number): string { return this.ipv4(at + 4); }
  reachMask(at: number): string { return this.ipv4(at + 8); }
  reachMaskBits(at: number): number { return this.u32(at + 8); }
  /** An extended reachability prefix of `bits` bits at `at`, zero-filled to an IPv4 / IPv6 address. */
  prefixText(at: number, bits: number, v6: boolean): string {
    const n = (bits + 7) >> 3, o = this.off + 2 + at;
    if (o + n > this.end) throw NOT_CAPTURED;
    const a = new Uint8Array(v6 ? 16 : 4);
    a.set(this.cursor.buf.subarray(o, o + n));
    return v6 ? ipv6ToString(a, 0) : ipv4ToString(a, 0);
  }

  // Multi-topology: the 2-byte MT ID (flags in the top 4 bits).
  mtId(at: number): number { return this.u16(at); }
  /** Instance identifier (7): the IID, then the ITIDs. */
  get instanceId(): number { return this.u16(0); }
  itid(i: number): number { return this.u16(2 + 2 * i); }
  /** A 2-byte number at `at`: holding time, key ID, LSP buffer size, AS number, MT port capability… */
  short(at: number): number { return this.u16(at); }
  /** A 4-byte number at `at`: circuit IDs, sequence numbers, link IDs, admin groups, tags, SIDs… */
  long(at: number): number { return this.u32(at); }
  /** A 3-byte number at `at`: TE metric, SID label, SR range, OUI, SPB values. */
  medium(at: number): number { return this.u24(at); }
  /** An IEEE 754 single at `at` (TE bandwidths, in bytes per second). */
  float(at: number): number { U32[0] = this.u32(at); return F32[0]!; }
  /** LSP entries (9): lifetime, LSP ID, sequence number, checksum of the entry at `at`. */
  entryLifetime(at: number): number { return this.u16(at); }
  entryLspId(at: number): string { return this.id(at + 2, LSP_ID_LENGTH); }
  entrySequence(at: number): number { return this.u32(at + 10); }
  entryChecksum(at: number): number { return this.u16(at + 14); }

  private u8(i: number): number { const o = this.off + 2 + i; if (o >= this.end || o < this.off) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  private u16(i: number): number { const o = this.off + 2 + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  private u24(i: number): number { const o = this.off + 2 + i; if (o + 3 > this.end) throw NOT_CAPTURED; return (this.cursor.buf[o]! << 16) | u16(this.cursor.buf, o + 1); }
  private u32(i: number): number { const o = this.off + 2 + i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
}

/**
 * An IS-IS PDU: the common and PDU headers, then the TLVs to the PDU length (or the capture,
 * whichever ends first: a TLV cut short stops the walk there). An unknown PDU type is its fixed
 * header alone; a fixed header length below 8 or a PDU length below it is an error.
 */
export class Isis extends LayerView {
  readonly layer = ISIS;
  /** A sub-view for walking the TLVs (pointed by the printer; reused). */
  readonly tlv: IsisTlv = new IsisTlv(this.cursor);

  decode(c: Cursor): number {
    const o = c.off, end = c.end, b = c.buf;
    this.off = o; this.end = end; this.headerLength = 0;
    if (end - o < ISIS_COMMON_HEADER_LENGTH) return c.short(ISIS, o, ISIS_COMMON_HEADER_LENGTH);
    const fixed = b[o + 1]!, pduHeader = isisPduHeaderLength(b[o + 4]! & 0x1f);
    if (fixed < ISIS_COMMON_HEADER_LENGTH) return c.invalid(ISIS, o, `fixed header length ${fixed} < 8`);
    if (end - o < fixed) return c.short(ISIS, o, fixed);
    let p = o + fixed;
    if (pduHeader !== 0 && fixed === ISIS_COMMON_HEADER_LENGTH + pduHeader) {
      const pduLength = u16(b, o + ((b[o + 4]! & 0x1f) <= 17 ? 17 : 8));
      if (pduLength < fixed) return c.invalid(ISIS, o, `PDU length ${pduLength} < fixed header length ${fixed}`);
      const last = Math.min(o + pduLength, end);
      while (last - p >= 2) {
        const n = 2 + b[p + 1]!;
        if (last - p < n) return last === end ? c.short(ISIS, o, p - o + n) : c.invalid(ISIS, o, `TLV past the PDU length ${pduLength}`);
        p += n;
      }
      if (last - p === 1) return last === end ? c.short(ISIS, o, p - o + 2) : c.invalid(ISIS, o, `TLV past the PDU length ${pduLength}`);
    }
    this.headerLength = p - o;
    c.mark(ISIS);
    c.off = p;
    return 0;
  }

  // The common header.
  get fixedLength(): number { return this.u8(1); }
  get version(): number { return this.u8(2); }
  get idLength(): number { return this.u8(3); }
  get pduType(): number { return this.u8(4) & 0x1f; }
  /** The PDU type's byte as sent, its 3 reserved bits included (tcpdump 4.99 names and dispatches on the whole byte). */
  get pduTypeByte(): number { return this.u8(4); }
  get pduVersion(): number { return this.u8(5); }
  get maxAreas(): number { return this.u8(7); }
  // Hellos.
  get circuitType(): number { return this.u8(8); }
  get helloSourceId(): string { return this.id(9, SYSTEM_ID_LENGTH); }
  get holdingTime(): number { return this.u16(15); }
  get helloPduLength(): number { return this.u16(17); }
  /** LAN hellos: priority (low 7 bits) and the LAN ID. */
  get priority(): number { return this.u8(19); }
  get lanId(): string { return this.id(20, NODE_ID_LENGTH); }
  /** Point-to-point hellos: the local circuit ID. */
  get circuitId(): number { return this.u8(19); }
  // LSPs.
  get lspPduLength(): number { return this.u16(8); }
  get remainingLifetime(): number { return this.u16(10); }
  get lspId(): string { return this.id(12, LSP_ID_LENGTH); }
  get sequenceNumber(): number { return this.u32(20); }
  get lspChecksum(): number { return this.u16(24); }
  /** Partition repair (0x80), attached bits (0x78), overload (0x04), IS type (0x03). */
  get lspFlags(): number { return this.u8(26); }
  // Sequence number PDUs.
  get snpPduLength(): number { return this.u16(8); }
  get snpSourceId(): string { return this.id(10, NODE_ID_LENGTH); }
  get startLspId(): string { return this.id(17, LSP_ID_LENGTH); }
  get endLspId(): string { return this.id(25, LSP_ID_LENGTH); }

  /** Points `tlv` at the first TLV (after the fixed header). */
  firstTlv(): IsisTlv { return this.tlv.point(this.off + this.fixedLength, this.end); }
  /**
   * The Fletcher checksum `length` bytes from layer byte `from` should carry, the 2 bytes at
   * `checksumOffset` (from `from`) counted as zero. The caller tests has(from + length).
   */
  expectedChecksum(from: number, checksumOffset: number, length: number): number {
    return osiChecksum(this.cursor.buf, this.off + from, checksumOffset, length);
  }

  private id(i: number, len: number): string { const o = this.off + i; if (o + len > this.end) throw NOT_CAPTURED; return isoIdText(this.cursor.buf, o, len); }
  private u8(i: number): number { const o = this.off + i; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  private u16(i: number): number { const o = this.off + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  private u32(i: number): number { const o = this.off + i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }

  toJSON(): object {
    const type = this.pduType, o: Record<string, unknown> = { offset: this.offset, length: this.length, pduType: type, fixedLength: this.fixedLength, maxAreas: this.maxAreas };
    const known = isisPduHeaderLength(type) !== 0 && this.fixedLength === ISIS_COMMON_HEADER_LENGTH + isisPduHeaderLength(type);
    if (known && type <= 17) Object.assign(o, { circuitType: this.circuitType, sourceId: this.helloSourceId, holdingTime: this.holdingTime, pduLength: this.helloPduLength });
    if (known && type <= 16) Object.assign(o, { priority: this.priority & 0x7f, lanId: this.lanId });
    if (known && (type === 18 || type === 20)) {
      Object.assign(o, { pduLength: this.lspPduLength, remainingLifetime: this.remainingLifetime, lspId: this.lspId, sequenceNumber: this.sequenceNumber, checksum: this.lspChecksum });
    }
    if (known && type >= 24) Object.assign(o, { pduLength: this.snpPduLength, sourceId: this.snpSourceId });
    const t = new IsisTlv(this.cursor), tlvs: object[] = [], last = this.off + this.headerLength;
    if (known) for (let p = this.off + this.fixedLength; p + 2 <= last; p += 2 + t.valueLength) { t.point(p, last); tlvs.push({ type: t.type, length: t.valueLength }); }
    o['tlvs'] = tlvs;
    return o;
  }
}
