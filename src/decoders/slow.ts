// IEEE 802.3 "slow protocols" (EtherType 0x8809), told apart by their first byte: LACP (1) and
// the Marker protocol (2) of link aggregation (802.1AX), with a version byte and TLVs up to a
// terminator; and Ethernet OAM (3, 802.3ah), with flags and a code, then TLVs for Information
// and Event Notification PDUs.
import { macToString } from './addr.js';
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const SLOW = Layer.Slow;

/** Subtypes (the first byte). */
export const SlowSubtype = { Lacp: 1, Marker: 2, Oam: 3 } as const;
/** Bytes of the subtype, and of the LACP / Marker header (subtype and version). */
export const SLOW_SUBTYPE_LENGTH = 1, LACP_HEADER_LENGTH = 2;
/** Bytes of a TLV header (type, length); a TLV's length counts them. */
export const SLOW_TLV_HEADER_LENGTH = 2;
/** Bytes of the OAM header after the subtype: flags and code. */
export const OAM_HEADER_LENGTH = 3;

/**
 * One TLV of a LACP, Marker or OAM PDU, pointed at its first byte by a printer walking them. The
 * getters read at the offsets of the TLV's structure (its type and length included), checked.
 */
export class SlowTlv extends FieldView {
  get type(): number { return this.u8(0); }
  /** The TLV's length, type and length bytes included. */
  get tlvLength(): number { return this.u8(1); }
  /** Absolute index of the value (after type and length). */
  get valueStart(): number { return this.off + SLOW_TLV_HEADER_LENGTH; }

  // LACP actor / partner information.
  get systemPriority(): number { return this.u16(2); }
  get system(): string { this.need(10); return macToString(this.cursor.buf, this.off + 4); }
  get key(): number { return this.u16(10); }
  get portPriority(): number { return this.u16(12); }
  get port(): number { return this.u16(14); }
  /** Activity, timeout, aggregation, synchronization, collecting, distributing, defaulted, expired bits. */
  get state(): number { return this.u8(16); }
  // LACP collector information.
  get maxDelay(): number { return this.u16(2); }
  // Marker information.
  get requesterPort(): number { return this.u16(2); }
  get requesterSystem(): string { this.need(10); return macToString(this.cursor.buf, this.off + 4); }
  get requesterTransactionId(): number { return this.u32(10); }

  // OAM local / remote information.
  get oamVersion(): number { return this.u8(2); }
  get revision(): number { return this.u16(3); }
  /** Parser action (bits 0-1) and multiplexer action (bit 2). */
  get oamState(): number { return this.u8(5); }
  get oamConfig(): number { return this.u8(6); }
  /** Maximum PDU size (11 bits) and reserved bits. */
  get oamPduConfig(): number { return this.u16(7); }
  get oui(): number { return (this.u8(9) << 16) | this.u16(10); }
  get vendorPrivate(): number { return this.u32(12); }
  // OAM link events.
  /** Time stamp, in units of 100 ms. */
  get timestamp(): number { return this.u16(2); }
  get window(): bigint { return this.u64(4); }
  get threshold(): bigint { return this.u64(12); }
  get errors(): bigint { return this.u64(20); }
  get errorRunningTotal(): bigint { return this.u64(28); }
  get eventRunningTotal(): number { return this.u32(36); }

  private u8(i: number): number { const o = this.off + i; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  private u16(i: number): number { const o = this.off + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  private u32(i: number): number { const o = this.off + i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  private u64(i: number): bigint { return (BigInt(this.u32(i)) << 32n) | BigInt(this.u32(i + 4)); }
}

/**
 * A slow-protocol PDU. The header is the subtype and version (LACP, Marker) or subtype, flags and
 * code (OAM), then — for LACP, Marker, OAM Information and Event Notification — the TLVs up to a
 * terminator, which a cut stops in. What follows (padding, other OAM codes' data) is payload.
 */
export class Slow extends LayerView {
  readonly layer = SLOW;
  /** A sub-view for walking the TLVs (pointed by the printer; reused). */
  readonly tlv: SlowTlv = new SlowTlv(this.cursor);

  decode(c: Cursor): number {
    const o = c.off, end = c.end, b = c.buf;
    this.off = o; this.end = end; this.headerLength = 0;
    if (end - o < 1) return c.short(SLOW, o, 1);
    const sub = b[o]!;
    let p: number;
    if (sub === 1 || sub === 2) p = o + 2;
    else if (sub === 3) p = o + 1 + OAM_HEADER_LENGTH;
    else p = o + 1;
    if (end < p) return c.short(SLOW, o, p - o);
    // OAM Event Notification: a sequence number before the TLVs; other OAM codes have none.
    const code = sub === 3 ? b[o + 3]! : -1;
    if (code === 1) { p += 2; if (end < p) return c.short(SLOW, o, p - o); }
    if (sub === 1 || sub === 2 || code === 0 || code === 1) {
      while (p < end) {
        if (end - p < SLOW_TLV_HEADER_LENGTH) return c.short(SLOW, o, p - o + SLOW_TLV_HEADER_LENGTH);
        const type = b[p]!, n = b[p + 1]!;
        if (type === 0) { p += SLOW_TLV_HEADER_LENGTH; break; }
        if (n < SLOW_TLV_HEADER_LENGTH) return c.invalid(SLOW, o, `TLV length ${n} < 2`);
        if (end - p < n) return c.short(SLOW, o, p - o + n);
        p += n;
      }
    }
    this.headerLength = p - o;
    c.mark(SLOW);
    c.off = p;
    return 0;
  }

  /** 1 LACP, 2 Marker, 3 OAM. */
  get subtype(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** LACP and Marker: the version. */
  get version(): number { const o = this.off; if (o + 2 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 1]!; }
  /** OAM: the flags (link fault, dying gasp, critical event, local/remote evaluating and stable). */
  get oamFlags(): number { const o = this.off; if (o + 3 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o + 1); }
  /** OAM: the code (0 Information, 1 Event Notification, 2/3 Variable Request/Response, 4 Loopback Control, 0xfe private). */
  get oamCode(): number { const o = this.off; if (o + 4 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 3]!; }
  /** OAM Event Notification: the sequence number. */
  get oamSequence(): number { const o = this.off; if (o + 6 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o + 4); }
  /** OAM Loopback Control: the command. */
  get oamLoopbackCommand(): number { const o = this.off; if (o + 5 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 4]!; }

  toJSON(): object {
    const sub = this.subtype, o: Record<string, unknown> = { offset: this.offset, length: this.length, subtype: sub };
    let first = this.off + 1;
    if (sub === 1 || sub === 2) { o['version'] = this.version; first = this.off + 2; }
    if (sub === 3) {
      o['flags'] = this.oamFlags; o['code'] = this.oamCode; first = this.off + 4;
      if (this.oamCode === 1) { o['sequence'] = this.oamSequence; first += 2; }
    }
    const last = this.off + this.headerLength, t = new SlowTlv(this.cursor), tlvs: object[] = [];
    for (let p = first; p + SLOW_TLV_HEADER_LENGTH <= last;) {
      t.point(p, last);
      const type = t.type, n = t.tlvLength, e: Record<string, unknown> = { type, length: n };
      if (sub === 1 && (type === 1 || type === 2) && n === 20) {
        Object.assign(e, { system: t.system, systemPriority: t.systemPriority, key: t.key, port: t.port, portPriority: t.portPriority, state: t.state });
      } else if (sub === 1 && type === 3 && n === 16) {
        e['maxDelay'] = t.maxDelay;
      } else if (sub === 2 && type === 1 && n === 16) {
        Object.assign(e, { requesterSystem: t.requesterSystem, requesterPort: t.requesterPort, requesterTransactionId: t.requesterTransactionId });
      }
      tlvs.push(e);
      if (type === 0) break;
      p += n;
    }
    if (sub === 1 || sub === 2 || o['code'] === 0 || o['code'] === 1) o['tlvs'] = tlvs;
    return o;
  }
}
