// Raw IP link types (LINKTYPE_RAW 101, IPV4 228, IPV6 229): no link header; for RAW the
// version nibble says which IP follows.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { LayerView } from './view.js';

/** Dispatch for raw IP link types; decodes no header of its own. */
export class RawIp extends LayerView {
  readonly layer = Layer.Raw;

  decode(c: Cursor): number {
    if (c.end - c.off < 1) return c.short(Layer.Ipv4, c.off, 20);
    const v = c.buf[c.off]! >> 4;
    if (v === 4) return Layer.Ipv4;
    if (v === 6) return Layer.Ipv6;
    return c.invalid(Layer.Raw, c.off, `IP version ${v} is neither 4 nor 6`);
  }

  toJSON(): object { return {}; }
}
