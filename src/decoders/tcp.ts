// TCP (RFC 9293) with every option kind: EOL, NOP, MSS (2), window scale (3, RFC 7323),
// SACK-permitted (4) and SACK blocks (5, RFC 2018), timestamps (8, RFC 7323), and any other
// kind reported by number and length.
import { u16, u32 } from './bytes.js';
import { inCksum } from './checksum.js';
import type { Cursor } from './cursor.js';
import { Layer, type LayerBit } from './layer.js';
import { appByPort, byTcpPort, portLimit, tcpPortRank } from './registry-tables.js';
import { MptcpOptionView } from './mptcp.js';
import { Len } from './stop.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const TCP = Layer.Tcp;
// The registry tables as module constants: V8 then knows each array and skips the import cell load and its checks.
const BY_TCP_PORT = byTcpPort, PORT_LIMIT = portLimit, TCP_RANK = tcpPortRank;

/** One TCP option as found in the header. */
export interface TcpOption {
  /** 0 EOL, 1 NOP, 2 MSS, 3 window scale, 4 SACK permitted, 5 SACK, 8 timestamps, 30 MPTCP, 34 TFO… */
  kind: number;
  /** Offset from the start of the frame. */
  offset: number;
  /** Bytes, kind and length included (1 for EOL and NOP). */
  length: number;
  /** MSS, window scale shift. */
  value?: number;
  /** SACK: [left, right) edges, in pairs. */
  blocks?: number[];
  /** Timestamps. */
  tsval?: number;
  tsecr?: number;
}

/** Flag bits of `Tcp.flags`. */
export const TcpFlags = { FIN: 0x01, SYN: 0x02, RST: 0x04, PSH: 0x08, ACK: 0x10, URG: 0x20, ECE: 0x40, CWR: 0x80, AE: 0x100 } as const;

/** Bytes of the TCP header without options. */
export const TCP_MIN_HEADER_LENGTH = 20;

/**
 * One TCP option, for a printer walking the options: `point()` it at each option's kind byte.
 * Getters are checked (NOT_CAPTURED past what was captured, or past the header when pointed with
 * that end) and name the fields of the kinds tcpdump decodes; `data(i)` is byte i after kind and length.
 */
export class TcpOptionView extends FieldView {
  // Its own point(): the option walk is on every segment with options, so its stores stay monomorphic.
  override point(off: number, end: number): this { this.off = off; this.end = end; return this; }
  /** 0 EOL, 1 NOP, 2 MSS, 3 window scale, 4 SACK permitted, 5 SACK, 8 timestamps, 19 MD5, 28 UTO, 29 TCP-AO, 30 MPTCP, 34 TFO, 254 experimental… */
  get kind(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** The length byte (kind and length bytes included). */
  get lengthField(): number { const o = this.off; if (o + 2 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 1]!; }
  /** True when the first `n` data bytes (after kind and length) were captured. */
  dataCaptured(n: number): boolean { return this.off + 2 + n <= this.end; }
  /** Data byte `i` (after kind and length), checked. */
  data(i: number): number { const o = this.off + 2 + i; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** 16-bit data value at data byte `i`: MSS (0), user timeout (0), experimental magic (0). */
  data16(i: number): number { const o = this.off + 2 + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  /** 32-bit data value at data byte `i`: timestamps (0 value, 4 echo reply), SACK edges, echo, CC. */
  data32(i: number): number { const o = this.off + 2 + i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  /** MSS value. */
  get mss(): number { return this.data16(0); }
  /** Window scale shift. */
  get windowScale(): number { return this.data(0); }
  /** Timestamps: TSval and TSecr. */
  get tsval(): number { return this.data32(0); }
  get tsecr(): number { return this.data32(4); }
  /** SACK block `i`: left and right edge. */
  sackLeft(i: number): number { return this.data32(8 * i); }
  sackRight(i: number): number { return this.data32(8 * i + 4); }
  /** Echo, echo reply (RFC 1072) and CC options (RFC 1644): their 4-byte value. */
  get value32(): number { return this.data32(0); }
  /** User timeout (RFC 5482): granularity bit and timeout. */
  get userTimeout(): number { return this.data16(0); }
  /** Experimental options (RFC 6994): the experiment id. */
  get experimentId(): number { return this.data16(0); }
  /** SCPS capabilities: the capability bits and connection id. */
  get scpsCapabilities(): number { return this.data(0); }
  get scpsConnectionId(): number { return this.data(1); }
  /** TCP-AO (RFC 5925): key id and receive-next key id (the MAC follows). */
  get aoKeyId(): number { return this.data(0); }
  get aoRNextKeyId(): number { return this.data(1); }
}

/** TCP header (options included); option lengths are checked when the packet's stop is first read. */
export class Tcp extends LayerView {
  readonly layer = TCP;

  decode(c: Cursor): number {
    const b = c.buf, o = c.off, end = c.end;
    // Pointed first: a printer shows what there is of a cut or broken header.
    this.off = o; this.end = end;
    const have = end - o, hl = have >= 20 ? (b[o + 12]! >> 4) * 4 : 0;
    if (hl < 20 || have < hl) return this.bad(c);
    this.headerLength = hl;
    c.present |= 0x200 satisfies typeof LayerBit.Tcp; c.off = o + hl;
    // The options and the application layer are left to walk(), which runs when the packet's stop,
    // payload or DNS layer is first asked for: a loop that reads ports and flags pays for neither.
    // (The option getters stop at a bad length by themselves.)
    c.pending = this;
    return 0;
  }

  /**
   * @internal The work decode() deferred: check every option length (the layout nearly every
   * established segment uses, NOP NOP TS, needs no walk, as the kernel's own
   * tcp_parse_aligned_timestamp), then decode the application layer found by port.
   */
  walk(): void {
    const c = this.cursor, b = c.buf, o = this.off, hl = this.headerLength;
    if (hl !== 20 && !(hl === 32 && b[o + 20] === 1 && b[o + 21] === 1 && b[o + 22] === 8 && b[o + 23] === 10) &&
      !this.checkOptions(c, b, o, o + hl)) return;
    // Nothing follows by the lengths: no application layer. Nothing captured of what the lengths promise: let it report the cut.
    // Both tests run on every segment: with the second behind `&&`, it had no type feedback until
    // the first segment without payload, and the code that had inlined this was deoptimised there.
    const empty = this.end === o + hl, bounded = c.len !== (0 satisfies typeof Len.Caplen);
    if (empty && bounded) return;
    const next = appByPort(BY_TCP_PORT, PORT_LIMIT[0]!, b, o, TCP_RANK);
    if (next !== 0) c.walkOn(next);
  }

  // Kept out of decode() so that decode() stays small enough to be inlined.
  private bad(c: Cursor): 0 {
    const o = this.off;
    this.headerLength = 0;
    if (c.end - o < 20) return c.short(TCP, o, 20);
    const hl = (c.buf[o + 12]! >> 4) * 4;
    return hl < 20 ? c.invalid(TCP, o, `data offset ${hl / 4} < 5`) : c.short(TCP, o, hl);
  }

  /** True when every option length fits the header; else records the error stop. */
  private checkOptions(c: Cursor, b: Uint8Array, o: number, e: number): boolean {
    for (let p = o + 20; p < e;) {
      const k = b[p]!;
      if (k === 0) break;
      if (k === 1) { p++; continue; }
      const l = p + 1 < e ? b[p + 1]! : 0;
      if (l < 2 || p + l > e) return this.badOption(c, o, p, e);
      p += l;
    }
    return true;
  }

  // Kept out of checkOptions() so that it stays small enough to be inlined.
  private badOption(c: Cursor, o: number, p: number, e: number): false {
    const k = c.buf[p]!;
    if (p + 1 >= e) { c.invalid(TCP, o, `option kind ${k} at byte ${p - c.base} has no length byte`); return false; }
    const l = c.buf[p + 1]!;
    if (l < 2) c.invalid(TCP, o, `option kind ${k} length ${l} < 2`);
    else c.invalid(TCP, o, `option kind ${k} length ${l} past the header (${e - p} bytes left)`);
    return false;
  }

  // Own has()/need()/captured/internetChecksum(): the base class's would see every view class at one load site and go megamorphic.
  override has(n: number): boolean { return this.off + n <= this.end; }
  override need(n: number): void { if (this.off + n > this.end) throw NOT_CAPTURED; }
  override get captured(): number { return this.end > this.off ? this.end - this.off : 0; }
  override internetChecksum(n: number, initial = 0): number { return inCksum(this.cursor.buf, this.off, n, initial); }
  // The fixed header's getters do not check: decode() proved it for a view the Packet hands out, and a
  // printer reading the view of a cut header tests has()/need() first, as tcpdump's ND_TTEST/ND_TCHECK do.
  // (Checks in these getters, on every packet, made printing 10% slower: V8 stops inlining them.)
  // The ports read their two bytes in place rather than through u16(): a user's loop inlines these
  // getters, and V8 counts the bytecode of what they inline against that loop's inlining budget.
  get srcPort(): number { const b = this.cursor.buf, o = this.off; return (b[o]! << 8) | b[o + 1]!; }
  get dstPort(): number { const b = this.cursor.buf, o = this.off; return (b[o + 2]! << 8) | b[o + 3]!; }
  /** True when both ports were captured. */
  get portsCaptured(): boolean { return this.off + 4 <= this.end; }
  get seq(): number { return u32(this.cursor.buf, this.off + 4); }
  get ack(): number { return u32(this.cursor.buf, this.off + 8); }
  /** Data offset field × 4: the header length in bytes. */
  get dataOffset(): number { return this.headerLength; }
  /** The data offset field × 4 as sent, checked (`headerLength` is set once decoded in full). */
  get statedHeaderLength(): number { return (this.cursor.buf[this.off + 12]! >> 4) * 4; }
  /** FIN 0x01 SYN 0x02 RST 0x04 PSH 0x08 ACK 0x10 URG 0x20 ECE 0x40 CWR 0x80, AE (ex-NS) 0x100. */
  get flags(): number { return this.cursor.buf[this.off + 13]! | ((this.cursor.buf[this.off + 12]! & 1) << 8); }
  get fin(): boolean { return (this.flags & 0x01) !== 0; }
  get syn(): boolean { return (this.flags & 0x02) !== 0; }
  get rst(): boolean { return (this.flags & 0x04) !== 0; }
  get psh(): boolean { return (this.flags & 0x08) !== 0; }
  get ackFlag(): boolean { return (this.flags & 0x10) !== 0; }
  get urg(): boolean { return (this.flags & 0x20) !== 0; }
  get ece(): boolean { return (this.flags & 0x40) !== 0; }
  get cwr(): boolean { return (this.flags & 0x80) !== 0; }
  get window(): number { return u16(this.cursor.buf, this.off + 14); }
  get checksum(): number { return u16(this.cursor.buf, this.off + 16); }
  get urgentPointer(): number { return u16(this.cursor.buf, this.off + 18); }
  /** A view for walking the options: `point()` it at each option (reused). */
  readonly option: TcpOptionView = new TcpOptionView(this.cursor);
  /** A view of an MPTCP option (kind 30): `point()` it at the option, readable to the option's end. */
  readonly mptcp: MptcpOptionView = new MptcpOptionView(this.cursor);

  /** Offset (absolute in buf) of the first option of `kind`, or -1 (also past a bad option length). No allocation. */
  findOption(kind: number): number {
    const b = this.cursor.buf, e = this.off + this.headerLength;
    for (let p = this.off + 20; p < e;) {
      const k = b[p]!;
      if (k === 0) return -1;
      if (k === 1) { p++; continue; }
      if (p + 1 >= e || b[p + 1]! < 2 || p + b[p + 1]! > e) return -1; // only after an error stop
      if (k === kind) return p;
      p += b[p + 1]!;
    }
    return -1;
  }
  /** Maximum segment size option. */
  get mss(): number | undefined { const p = this.findOption(2); return p >= 0 && this.cursor.buf[p + 1] === 4 ? u16(this.cursor.buf, p + 2) : undefined; }
  /** Window scale shift count. */
  get windowScale(): number | undefined { const p = this.findOption(3); return p >= 0 && this.cursor.buf[p + 1] === 3 ? this.cursor.buf[p + 2]! : undefined; }
  get sackPermitted(): boolean { return this.findOption(4) >= 0; }
  /** Timestamp value and echo reply. */
  get timestamps(): { tsval: number; tsecr: number } | undefined {
    const p = this.findOption(8);
    return p >= 0 && this.cursor.buf[p + 1] === 10 ? { tsval: u32(this.cursor.buf, p + 2), tsecr: u32(this.cursor.buf, p + 6) } : undefined;
  }
  /** SACK blocks as [left, right, left, right…]. */
  get sackBlocks(): number[] | undefined {
    const p = this.findOption(5);
    if (p < 0) return undefined;
    const out: number[] = [];
    for (let i = p + 2, e = p + this.cursor.buf[p + 1]!; i + 4 <= e; i += 4) out.push(u32(this.cursor.buf, i));
    return out;
  }

  /** Every option in order, EOL included, up to the first one with a bad length. */
  get options(): TcpOption[] {
    const out: TcpOption[] = [], b = this.cursor.buf, e = this.off + this.headerLength;
    for (let p = this.off + 20; p < e;) {
      const k = b[p]!;
      if (k === 0 || k === 1) { out.push({ kind: k, offset: p - this.base, length: 1 }); p++; if (k === 0) break; continue; }
      // A bad length (the packet's stop says so) ends the list.
      if (p + 1 >= e || b[p + 1]! < 2 || p + b[p + 1]! > e) break;
      const l = b[p + 1]!, o: TcpOption = { kind: k, offset: p - this.base, length: l };
      if (k === 2 && l === 4) o.value = u16(b, p + 2);
      else if (k === 3 && l === 3) o.value = b[p + 2]!;
      else if (k === 8 && l === 10) { o.tsval = u32(b, p + 2); o.tsecr = u32(b, p + 6); }
      else if (k === 5) { o.blocks = []; for (let i = p + 2; i + 4 <= p + l; i += 4) o.blocks.push(u32(b, i)); }
      out.push(o);
      p += l;
    }
    return out;
  }

  toJSON(): object {
    return {
      offset: this.offset, length: this.length, srcPort: this.srcPort, dstPort: this.dstPort, seq: this.seq, ack: this.ack,
      flags: this.flags, window: this.window, checksum: this.checksum, urgentPointer: this.urgentPointer,
      ...(this.headerLength > 20 ? { options: this.options } : {}),
    };
  }
}
