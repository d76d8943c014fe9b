// Telnet (TCP 23): the data stream with its commands (IAC, then a command; option negotiation
// and subnegotiations IAC SB … IAC SE). tcpdump shows the commands at the start of a segment;
// they are walked byte by byte (`byte(i)`), so the view proves only a first byte.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { LayerView } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const TELNET = Layer.Telnet;

/** Interpret As Command: the byte that starts every command. */
export const TELNET_IAC = 255;

/** A Telnet segment. */
export class Telnet extends LayerView {
  readonly layer = TELNET;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    // No header: nothing captured of the stream is no layer, not a cut one.
    if (c.end - o < 1) return 0;
    c.mark(TELNET);
    return 0;
  }

  /** True when the segment starts with a command. */
  get startsWithCommand(): boolean { return this.byte(0) === TELNET_IAC; }

  toJSON(): object { return { offset: this.offset, length: this.captured, startsWithCommand: this.startsWithCommand }; }
}
