// The BSD time synchronisation protocol (timed's TSP, UDP 525): a type, a version, a sequence
// number, a time or a hop count by type, and the sender's host name (NUL-padded, up to 256 bytes).
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readU16, readU32, readU8 } from './reads.js';
import { LayerView } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const TIMED = Layer.Timed;

/** Bytes before the name: type, version, sequence number, the time (or the hop count). */
export const TSP_FIXED_LENGTH = 12;
/** Where the host name starts, and its size. */
export const TSP_NAME_OFFSET = 12;
export const TSP_NAME_LENGTH = 256;

/** A TSP message. The getters are checked: a cut message throws NOT_CAPTURED at the first field past it. */
export class Timed extends LayerView {
  readonly layer = TIMED;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < TSP_FIXED_LENGTH) return c.short(TIMED, o, TSP_FIXED_LENGTH);
    this.headerLength = TSP_FIXED_LENGTH;
    c.mark(TIMED);
    c.off = o + TSP_FIXED_LENGTH;
    return 0;
  }

  /** TSP_ADJTIME (1) … TSP_LOOP (24). */
  get type(): number { return readU8(this, 0); }
  get version(): number { return readU8(this, 1); }
  get sequence(): number { return readU16(this, 2); }
  /** TSP_LOOP: the hop count. */
  get hopCount(): number { return readU8(this, 4); }
  /** TSP_SETTIME, TSP_ADJTIME, TSP_SETDATE, TSP_SETDATEREQ: seconds and microseconds (signed). */
  get seconds(): number { return readU32(this, 4) | 0; }
  get microseconds(): number { return readU32(this, 8) | 0; }

  toJSON(): object {
    const type = this.type;
    return {
      offset: this.offset, length: this.length, type, version: this.version, sequence: this.sequence,
      ...(type === 24 ? { hopCount: this.hopCount } : type === 1 || type === 5 || type === 22 || type === 23
        ? { seconds: this.seconds, microseconds: this.microseconds } : {}),
    };
  }
}
