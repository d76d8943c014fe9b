// The Ethernet Configuration Testing Protocol, "Ethernet loopback" (EtherType 0x9000): a skip
// count, the messages already handled, then the current message: a function code, and a receipt
// number (Reply) or the address to forward to (Forward Data). All fields little-endian.
import { macToString } from './addr.js';
import { u16le } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const ECTP = Layer.Ectp;

/** Bytes of the skip count, and of a message's function code. */
export const ECTP_SKIP_COUNT_LENGTH = 2, ECTP_FUNCTION_LENGTH = 2;

/** ECTP function codes. */
export const EctpFunction = { Reply: 1, ForwardData: 2 } as const;

/**
 * An ECTP frame: the skip count, the skipped messages and the current message's header (its data
 * is the payload). A cut stops in ECTP; a skip count past the frame is an error.
 */
export class Ectp extends LayerView {
  readonly layer = ECTP;

  decode(c: Cursor): number {
    const o = c.off, end = c.end, b = c.buf;
    this.off = o; this.end = end; this.headerLength = 0;
    if (end - o < 2) return c.short(ECTP, o, 2);
    const m = 2 + u16le(b, o);
    if (end - o < m + 2) return c.short(ECTP, o, m + 2);
    const f = u16le(b, o + m);
    const hl = m + (f === 1 ? 4 : f === 2 ? 8 : 2);
    if (end - o < hl) return c.short(ECTP, o, hl);
    this.headerLength = hl;
    c.mark(ECTP);
    c.off = o + hl;
    return 0;
  }

  /** Bytes of earlier messages to skip (a multiple of 8 when well formed). */
  get skipCount(): number { const o = this.off; if (o + 2 > this.end) throw NOT_CAPTURED; return u16le(this.cursor.buf, o); }
  /** Where the current message starts, from the layer's start. */
  get messageStart(): number { return 2 + this.skipCount; }
  /** The current message's function (1 Reply, 2 Forward Data). */
  get function(): number { const o = this.off + this.messageStart; if (o + 2 > this.end) throw NOT_CAPTURED; return u16le(this.cursor.buf, o); }
  /** Reply: the receipt number. */
  get receiptNumber(): number { const o = this.off + this.messageStart + 2; if (o + 2 > this.end) throw NOT_CAPTURED; return u16le(this.cursor.buf, o); }
  /** Forward Data: the station to forward to. */
  get forwardingAddress(): string { const o = this.off + this.messageStart + 2; if (o + 6 > this.end) throw NOT_CAPTURED; return macToString(this.cursor.buf, o); }

  toJSON(): object {
    const f = this.function;
    return {
      offset: this.offset, length: this.length, skipCount: this.skipCount, function: f,
      ...(f === 1 ? { receiptNumber: this.receiptNumber } : f === 2 ? { forwardingAddress: this.forwardingAddress } : {}),
    };
  }
}
