// Redis serialization protocol (RESP), TCP port 6379 or -T resp: a stream of typed values
// (+simple string, -error, :integer, $bulk string, *array) and inline commands, CRLF-delimited.
// The view is the segment's payload; the printer parses the values as tcpdump does.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { LayerView } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const RESP = Layer.Resp;

/** A RESP payload: its bytes through the checked `byte(i)`; `firstType` is the first value's type character. */
export class Resp extends LayerView {
  readonly layer = RESP;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < 1) return c.short(RESP, o, 1);
    c.mark(RESP);
    return 0;
  }

  /** The first value's type: `+`, `-`, `:`, `$`, `*`, or anything else for an inline command. */
  get firstType(): string { return String.fromCharCode(this.byte(0)); }

  toJSON(): object { return { offset: this.offset, length: this.captured, firstType: this.firstType }; }
}
