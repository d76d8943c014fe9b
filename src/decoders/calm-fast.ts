// ISO 29281 CALM FAST (non-IP networking for ITS; EtherType 0x1111, also over Frame Relay's Cisco
// EtherTypes): tcpdump reads the first two bytes, the source and destination network references.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readU8 } from './reads.js';
import { LayerView } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const CALM_FAST = Layer.CalmFast;

/** Bytes of the header read: the two network references. */
export const CALM_FAST_HEADER_LENGTH = 2;

/** A CALM FAST packet. */
export class CalmFast extends LayerView {
  readonly layer = CALM_FAST;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < CALM_FAST_HEADER_LENGTH) return c.short(CALM_FAST, o, CALM_FAST_HEADER_LENGTH);
    this.headerLength = CALM_FAST_HEADER_LENGTH;
    c.mark(CALM_FAST);
    c.off = o + CALM_FAST_HEADER_LENGTH;
    return 0;
  }

  get sourceNetworkReference(): number { return readU8(this, 0); }
  get destinationNetworkReference(): number { return readU8(this, 1); }

  toJSON(): object {
    return { offset: this.offset, length: this.length, sourceNetworkReference: this.sourceNetworkReference, destinationNetworkReference: this.destinationNetworkReference };
  }
}
