// The Ad-Hoc Configuration Protocol (draft-chroboczek-ahcp, Babel's companion) on UDP 5359:
// magic 43, version, then for version 1 a 22-byte header (hop counts, nonce, source and
// destination ids) and a body of options the printer walks by index.
import { linkAddrToString } from './addr.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readIpv4, readIpv6, readU16, readU32, readU8 } from './reads.js';
import { LayerView, notCaptured } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const AHCP = Layer.Ahcp;

/** Bytes of the AHCP version 1 header (magic and version included). */
export const AHCP1_HEADER_LENGTH = 24;

/** An AHCP message. Indexes are from its first byte. */
export class Ahcp extends LayerView {
  readonly layer = AHCP;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < 2) return c.short(AHCP, o, 2);
    this.headerLength = 2;
    c.mark(AHCP);
    c.off = o + 2;
    return 0;
  }

  /** 43 for AHCP. */
  get magic(): number { return readU8(this, 0); }
  get version(): number { return readU8(this, 1); }
  // Version 1's header.
  get hopCount(): number { return readU8(this, 2); }
  get originalHopCount(): number { return readU8(this, 3); }
  get nonce(): number { return readU32(this, 4); }
  /** The 8-byte source and destination ids, as colon-separated hex. */
  get sourceId(): string { return this.id(8); }
  get destinationId(): string { return this.id(16); }
  private id(i: number): string { const o = this.off + i; if (o + 8 > this.end) notCaptured(); return linkAddrToString(this.cursor.buf, o, 8); }

  /** Throws NOT_CAPTURED unless `n` bytes from index `i` were captured (ND_TCHECK_LEN). */
  needAt(i: number, n: number): void { if (this.off + i + n > this.end) notCaptured(); }
  // Checked reads at an index, for the body and its options.
  u8(i: number): number { return readU8(this, i); }
  u16(i: number): number { return readU16(this, i); }
  u32(i: number): number { return readU32(this, i); }
  ipv4(i: number): string { return readIpv4(this, i); }
  ipv6(i: number): string { return readIpv6(this, i); }

  toJSON(): object { return { offset: this.offset, length: this.length, magic: this.magic, version: this.version }; }
}
