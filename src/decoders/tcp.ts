// TCP (RFC 9293) with every option kind: EOL, NOP, MSS (2), window scale (3, RFC 7323),
// SACK-permitted (4) and SACK blocks (5, RFC 2018), timestamps (8, RFC 7323), and any other
// kind reported by number and length.
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer, type LayerBit } from './layer.js';
import { appByPort, byTcpPort, portLimit } from './registry-tables.js';
import { Len } from './stop.js';
import { LayerView } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const TCP = Layer.Tcp;
// The registry tables as module constants: V8 then knows each array and skips the import cell load and its checks.
const BY_TCP_PORT = byTcpPort, PORT_LIMIT = portLimit;

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

/** TCP header (options included); option lengths are checked when the packet's stop is first read. */
export class Tcp extends LayerView {
  readonly layer = TCP;

  decode(c: Cursor): number {
    const b = c.buf, o = c.off, end = c.end;
    const hl = end - o >= 20 ? (b[o + 12]! >> 4) * 4 : 0;
    if (hl < 20 || end - o < hl) return this.bad(c, o);
    this.off = o; this.end = end; this.headerLength = hl;
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
    if (this.end === o + hl && c.len !== (0 satisfies typeof Len.Caplen)) return;
    const next = appByPort(BY_TCP_PORT, PORT_LIMIT[0]!, b, o);
    if (next !== 0) c.walkOn(next);
  }

  // Kept out of decode() so that decode() stays small enough to be inlined.
  private bad(c: Cursor, o: number): 0 {
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

  get srcPort(): number { return u16(this.buf, this.off); }
  get dstPort(): number { return u16(this.buf, this.off + 2); }
  get seq(): number { return u32(this.buf, this.off + 4); }
  get ack(): number { return u32(this.buf, this.off + 8); }
  /** Data offset field × 4: the header length in bytes. */
  get dataOffset(): number { return this.headerLength; }
  /** FIN 0x01 SYN 0x02 RST 0x04 PSH 0x08 ACK 0x10 URG 0x20 ECE 0x40 CWR 0x80, AE (ex-NS) 0x100. */
  get flags(): number { return this.buf[this.off + 13]! | ((this.buf[this.off + 12]! & 1) << 8); }
  get fin(): boolean { return (this.buf[this.off + 13]! & 0x01) !== 0; }
  get syn(): boolean { return (this.buf[this.off + 13]! & 0x02) !== 0; }
  get rst(): boolean { return (this.buf[this.off + 13]! & 0x04) !== 0; }
  get psh(): boolean { return (this.buf[this.off + 13]! & 0x08) !== 0; }
  get ackFlag(): boolean { return (this.buf[this.off + 13]! & 0x10) !== 0; }
  get urg(): boolean { return (this.buf[this.off + 13]! & 0x20) !== 0; }
  get ece(): boolean { return (this.buf[this.off + 13]! & 0x40) !== 0; }
  get cwr(): boolean { return (this.buf[this.off + 13]! & 0x80) !== 0; }
  get window(): number { return u16(this.buf, this.off + 14); }
  get checksum(): number { return u16(this.buf, this.off + 16); }
  get urgentPointer(): number { return u16(this.buf, this.off + 18); }

  /** Offset (absolute in buf) of the first option of `kind`, or -1 (also past a bad option length). No allocation. */
  findOption(kind: number): number {
    const b = this.buf, e = this.off + this.headerLength;
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
  get mss(): number | undefined { const p = this.findOption(2); return p >= 0 && this.buf[p + 1] === 4 ? u16(this.buf, p + 2) : undefined; }
  /** Window scale shift count. */
  get windowScale(): number | undefined { const p = this.findOption(3); return p >= 0 && this.buf[p + 1] === 3 ? this.buf[p + 2]! : undefined; }
  get sackPermitted(): boolean { return this.findOption(4) >= 0; }
  /** Timestamp value and echo reply. */
  get timestamps(): { tsval: number; tsecr: number } | undefined {
    const p = this.findOption(8);
    return p >= 0 && this.buf[p + 1] === 10 ? { tsval: u32(this.buf, p + 2), tsecr: u32(this.buf, p + 6) } : undefined;
  }
  /** SACK blocks as [left, right, left, right…]. */
  get sackBlocks(): number[] | undefined {
    const p = this.findOption(5);
    if (p < 0) return undefined;
    const out: number[] = [];
    for (let i = p + 2, e = p + this.buf[p + 1]!; i + 4 <= e; i += 4) out.push(u32(this.buf, i));
    return out;
  }

  /** Every option in order, EOL included, up to the first one with a bad length. */
  get options(): TcpOption[] {
    const out: TcpOption[] = [], b = this.buf, e = this.off + this.headerLength;
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
