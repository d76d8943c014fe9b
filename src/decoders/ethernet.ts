// Ethernet II and IEEE 802.3 framing (IEEE 802.3 clause 3), with the 802.2 LLC/SNAP header
// that follows a length field.
import { macToString } from './addr.js';
import { u16, u16le } from './bytes.js';
import { inCksum } from './checksum.js';
import type { Cursor } from './cursor.js';
import { Layer, type LayerBit } from './layer.js';
import { byEtherType, byLlcSap, snapLayer } from './registry-tables.js';
import { Len } from './stop.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const ETHERNET = Layer.Ethernet, LLC = Layer.Llc;
const LEN_8023 = Len.Ieee8023;
// The registry tables as module constants: V8 then knows each array and skips the import cell load and its checks.
const BY_ETHER_TYPE = byEtherType;

/** Bytes of the Ethernet header (two MAC addresses and the type/length field). */
export const ETHERNET_HEADER_LENGTH = 14;

/**
 * The MAC addresses and type of an Ethernet header, as the Ethernet printer reads them: the
 * Ethernet view's, or a view of Ethernet with more in its header (a switch tag before the type).
 */
export interface EthernetFraming {
  readonly off: number;
  readonly captured: number;
  readonly dst: string;
  readonly src: string;
  /**
   * Where the destination and source MACs start in the buffer, for writers that copy them as bytes
   * (unchecked: the reader has seen that the 12 bytes of addresses were captured).
   */
  readonly dstOffset: number;
  readonly srcOffset: number;
  /** The type/length field after the addresses (and the tag). */
  readonly etherType: number;
}

/**
 * The layer after a type/length field `t` that ends a header at the cursor: an EtherType's, or LLC
 * after an 802.3 length (which narrows the end to it). For views of Ethernet framings with more in
 * the header (switch tags); Ethernet's own decode() has it inline.
 */
export function etherTypeOrLength(c: Cursor, t: number): number {
  if (t <= 1500) {
    if (c.off + t <= c.end) { c.end = c.off + t; c.len = LEN_8023; }
    return LLC;
  }
  c.etherType = t;
  return BY_ETHER_TYPE[t]!;
}

/** Ethernet header: 14 bytes. `etherType` ≤ 1500 is an 802.3 length and an LLC header follows. */
export class Ethernet extends LayerView {
  readonly layer = ETHERNET;

  decode(c: Cursor): number {
    const b = c.buf, o = c.off, end = c.end;
    // Pointed first: a printer shows what there is of a cut header.
    this.off = o; this.end = end;
    if (end - o < 14) return this.cutShort(c);
    this.headerLength = 14;
    c.present |= 0x2 satisfies typeof LayerBit.Ethernet; c.off = o + 14;
    const t = (b[o + 12]! << 8) | b[o + 13]!;
    if (t <= 1500) return this.ieee8023(c, t);
    c.etherType = t;
    return BY_ETHER_TYPE[t]!;
  }

  // The cold paths are out of line: the walk inlines decode(), and V8's inlining budget is counted in bytecode.
  private cutShort(c: Cursor): 0 { this.headerLength = 0; return c.short(ETHERNET, this.off, 14); }

  private ieee8023(c: Cursor, len: number): number {
    // The field is the LLC frame's length, so anything after it is padding.
    if (c.off + len <= c.end) { c.end = c.off + len; c.len = LEN_8023; }
    this.end = c.end;
    return LLC;
  }

  // Own has()/need()/captured/internetChecksum(): the base class's would see every view class at one load site and go megamorphic.
  override has(n: number): boolean { return this.off + n <= this.end; }
  override need(n: number): void { if (this.off + n > this.end) throw NOT_CAPTURED; }
  override get captured(): number { return this.end > this.off ? this.end - this.off : 0; }
  override internetChecksum(n: number, initial = 0): number { return inCksum(this.cursor.buf, this.off, n, initial); }
  // The fixed header's getters do not check: decode() proved it for a view the Packet hands out, and a
  // printer reading the view of a cut header tests has()/need() first, as tcpdump's ND_TTEST/ND_TCHECK do.
  // (Checks in these getters, on every packet, made printing 10% slower: V8 stops inlining them.)
  /** Destination MAC, `aa:bb:cc:dd:ee:ff`. */
  get dst(): string { return macToString(this.cursor.buf, this.off); }
  /** Source MAC, `aa:bb:cc:dd:ee:ff`. */
  get src(): string { return macToString(this.cursor.buf, this.off + 6); }
  /** Where the destination and source MACs start in the buffer (for writers that copy them as bytes). */
  get dstOffset(): number { return this.off; }
  get srcOffset(): number { return this.off + 6; }
  get dstBytes(): Uint8Array { return this.cursor.buf.subarray(this.off, this.off + 6); }
  get srcBytes(): Uint8Array { return this.cursor.buf.subarray(this.off + 6, this.off + 12); }
  /** The type/length field: an EtherType (≥ 0x0600), or an 802.3 length (≤ 1500). */
  get etherType(): number { return u16(this.cursor.buf, this.off + 12); }
  /** True for an IEEE 802.3 frame (length field, LLC header follows). */
  get isLength(): boolean { return this.etherType <= 1500; }

  toJSON(): object {
    return { offset: this.offset, length: this.length, dst: this.dst, src: this.src, etherType: this.etherType, ...(this.isLength ? { ieee8023: true } : {}) };
  }
}

/**
 * IEEE 802.2 LLC header (DSAP, SSAP, control), plus the SNAP extension (OUI + EtherType) when
 * DSAP = SSAP = 0xAA and control = 0x03 (RFC 1042). SNAP with OUI 0 continues by EtherType.
 */
export class Llc extends LayerView {
  readonly layer = LLC;

  decode(c: Cursor): number {
    const have = c.end - c.off, b = c.buf, o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (have < 3) return c.short(LLC, o, 3);
    // Unnumbered frames (control low bits 11) have a 1-byte control field; I and S frames 2 bytes.
    let hl = (b[o + 2]! & 3) === 3 ? 3 : 4;
    const snap = b[o] === 0xaa && b[o + 1] === 0xaa && b[o + 2] === 0x03;
    if (snap) hl = 8;
    if (have < hl) return c.short(LLC, o, hl);
    this.headerLength = hl;
    c.present |= 1 << LLC;
    c.off += hl;
    // A UI frame to and from the same SAP: the SAP table (OSI's 0xfe). No EtherType selected it.
    if (!snap) {
      if (hl !== 3 || b[o + 2] !== 0x03 || (b[o]! & 0xfe) !== (b[o + 1]! & 0xfe)) return 0;
      c.etherType = 0;
      return byLlcSap[b[o]! & 0xfe]!;
    }
    return afterSnap(c, b, o + 3);
  }

  /** DSAP without its group bit (bit 0: the field as sent is `dsapField`). */
  get dsap(): number { return this.dsapField; }
  get ssap(): number { return this.ssapField; }
  /** The DSAP byte as sent: the address, and in bit 0 individual (0) or group (1). */
  get dsapField(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** The SSAP byte as sent: the address, and in bit 0 command (0) or response (1). */
  get ssapField(): number { const o = this.off; if (o + 2 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 1]!; }
  /** The first control byte; its low bits 11 mean an unnumbered (U) frame, whose control field is this one byte. */
  get controlByte(): number { const o = this.off; if (o + 3 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 2]!; }
  /**
   * I and S frames: the 2-byte control field numbered as 802.2 numbers its bits (the first byte
   * low: N(S) in bits 1–7, P/F in bit 8, N(R) in bits 9–15), tcpdump's little-endian read.
   */
  get controlWord(): number { const o = this.off; if (o + 4 > this.end) throw NOT_CAPTURED; return u16le(this.cursor.buf, o + 2); }
  /** Control field (1 byte for U frames, 2 bytes little-endian-ordered as sent for I/S frames). */
  get control(): number { return this.headerLength === 4 ? u16(this.cursor.buf, this.off + 2) : this.cursor.buf[this.off + 2]!; }
  /** True when a SNAP header follows the LLC header. */
  get isSnap(): boolean { return this.headerLength === 8; }
  /** SNAP organisation code (undefined without SNAP). */
  get oui(): number | undefined { return this.isSnap ? this.snapOui : undefined; }
  /** SNAP protocol id (an EtherType when `oui` is 0). */
  get etherType(): number | undefined { return this.isSnap ? this.snapProtocol : undefined; }
  /** The SNAP OUI after a 3-byte LLC header, read whatever the header says (checked). */
  get snapOui(): number { const o = this.off; if (o + 6 > this.end) throw NOT_CAPTURED; return (this.cursor.buf[o + 3]! << 16) | (this.cursor.buf[o + 4]! << 8) | this.cursor.buf[o + 5]!; }
  /** The SNAP protocol id after a 3-byte LLC header (checked). */
  get snapProtocol(): number { const o = this.off; if (o + 8 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o + 6); }
  /** True when the 5 SNAP bytes after a 3-byte LLC header were captured. */
  get snapCaptured(): boolean { return this.off + 8 <= this.end; }
  /** Unnumbered XID frames: the information field's format identifier (0x81: IEEE basic format). */
  get xidFormat(): number { const o = this.off; if (o + 4 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 3]!; }
  /** XID basic format: the LLC types/classes byte. */
  get xidClass(): number { const o = this.off; if (o + 5 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 4]!; }
  /** XID basic format: the receive window size byte. */
  get xidWindow(): number { const o = this.off; if (o + 6 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 5]!; }

  toJSON(): object {
    return { offset: this.offset, length: this.length, dsap: this.dsap, ssap: this.ssap, control: this.control, ...(this.isSnap ? { oui: this.oui, etherType: this.etherType } : {}) };
  }
}

/**
 * The layer after the SNAP header (OUI, protocol ID) at `o`, after LLC or Frame Relay's NLPID 0x80:
 * OUI 00-00-00's protocol ID is an EtherType (the cursor's from then on); another organisation's
 * protocol IDs are its own (Cisco's CDP is 0x2000): the SNAP table.
 */
export function afterSnap(c: Cursor, b: Uint8Array, o: number): number {
  const oui = (b[o]! << 16) | (b[o + 1]! << 8) | b[o + 2]!;
  const t = u16(b, o + 3);
  if (oui !== 0) return snapLayer(oui, t);
  c.etherType = t;
  return BY_ETHER_TYPE[t]!;
}
