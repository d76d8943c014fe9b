// Raw IP link types (LINKTYPE_RAW 101, IPV4 228, IPV6 229): no link header; for RAW the
// version nibble says which IP follows.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const IPV4 = Layer.Ipv4, IPV6 = Layer.Ipv6, RAW = Layer.Raw;

/** Dispatch for raw IP link types; decodes no header of its own. */
export class RawIp extends LayerView {
  readonly layer = RAW;

  decode(c: Cursor): number {
    this.off = c.off; this.end = c.end;
    if (c.end - c.off < 1) return c.short(IPV4, c.off, 20);
    const v = c.buf[c.off]! >> 4;
    if (v === 4) return IPV4;
    if (v === 6) return IPV6;
    return c.invalid(RAW, c.off, `IP version ${v} is neither 4 nor 6`);
  }

  /** Points the view at `off` (bytes up to `end`): for a printer of the link types that start at IP. */
  point(off: number, end: number): void { this.off = off; this.end = end; }

  /** The IP version nibble of the first byte (checked: NOT_CAPTURED on an empty frame). */
  get version(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]! >> 4; }

  toJSON(): object { return {}; }
}
