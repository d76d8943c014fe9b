// ATA over Ethernet (EtherType 0x88A2), version 1: a 10-byte common header (version and flags,
// error, shelf (major) and slot (minor), command, tag), then the command's arguments: an ATA
// command, a config query, a MAC mask list or a reserve/release list.
import { macToString } from './addr.js';
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const AOE = Layer.Aoe;

/** Bytes of the version 1 common header (the arguments follow). */
export const AOE_HEADER_LENGTH = 10;
/** Bytes each command's fixed arguments take. */
export const AOE_ISSUE_ARG_LENGTH = 12;
export const AOE_QUERY_ARG_LENGTH = 8;
export const AOE_MAC_ARG_LENGTH = 4;
export const AOE_RESERVE_ARG_LENGTH = 2;

/** Commands. */
export const AoeCommand = { IssueAta: 0, QueryConfig: 1, MacMaskList: 2, ReserveRelease: 3 } as const;

/** An AoE message. Checked getters, named for the fields of the common header and of each command's arguments. */
export class Aoe extends LayerView {
  readonly layer = AOE;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < 1) return c.short(AOE, o, 1);
    const need = c.buf[o]! >> 4 === 1 ? AOE_HEADER_LENGTH : 1;
    if (c.end - o < need) return c.short(AOE, o, need);
    this.headerLength = need;
    c.mark(AOE);
    c.off = o + need;
    return 0;
  }

  private u8(i: number): number { return this.byte(i); }
  private u16(i: number): number { const o = this.off + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }

  get version(): number { return this.u8(0) >> 4; }
  /** Response (0x08), Error (0x04). */
  get flags(): number { return this.u8(0) & 0x0f; }
  get error(): number { return this.u8(1); }
  get major(): number { return this.u16(2); }
  get minor(): number { return this.u8(4); }
  get command(): number { return this.u8(5); }
  get tag(): number { const o = this.off + 6; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  // Issue ATA Command.
  get ataFlags(): number { return this.u8(10); }
  get errFeature(): number { return this.u8(11); }
  get ataSectorCount(): number { return this.u8(12); }
  get cmdStatus(): number { return this.u8(13); }
  /** LBA byte `n` (0–5). */
  lba(n: number): number { return this.u8(14 + n); }
  /** The 2 reserved bytes after the LBA (read only to check they were captured). */
  get ataReserved(): number { return this.u16(20); }
  // Query Config Information.
  get bufferCount(): number { return this.u16(10); }
  get firmwareVersion(): number { return this.u16(12); }
  get querySectorCount(): number { return this.u8(14); }
  /** The AoE version (high nibble) and config command (low nibble) byte. */
  get aoeCcmd(): number { return this.u8(15); }
  get configStringLength(): number { return this.u16(16); }
  /** Byte `i` of the config string, for printing it character by character. */
  configByte(i: number): number { return this.u8(18 + i); }
  // MAC Mask List.
  get mcmd(): number { return this.u8(11); }
  get merror(): number { return this.u8(12); }
  get dirCount(): number { return this.u8(13); }
  /** Directive `n`: its command and Ethernet address. */
  dcmd(n: number): number { return this.u8(14 + 8 * n + 1); }
  directiveMac(n: number): string { return this.mac(14 + 8 * n + 2); }
  // Reserve/Release.
  get rcmd(): number { return this.u8(10); }
  get nmacs(): number { return this.u8(11); }
  reserveMac(n: number): string { return this.mac(12 + 6 * n); }
  private mac(i: number): string { const o = this.off + i; if (o + 6 > this.end) throw NOT_CAPTURED; return macToString(this.cursor.buf, o); }

  toJSON(): object {
    if (this.version !== 1) return { offset: this.offset, length: this.length, version: this.version };
    return {
      offset: this.offset, length: this.length, version: 1, flags: this.flags, error: this.error, major: this.major, minor: this.minor,
      command: this.command, tag: this.tag,
    };
  }
}
