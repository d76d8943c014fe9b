// HTTP/1.x (RFC 9112), TCP ports 80 and 8080: a request line (method, target, version) or a
// status line (version, code, reason), then header lines, each ended by CR LF, as text. The view
// is the segment's payload, read byte by byte (checked) by the printer's token walk, as tcpdump's
// txtproto_print reads it; `firstLine` gives the library the line itself.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readLatin1 } from './reads.js';
import { LayerView } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const HTTP = Layer.Http;

/** An HTTP segment's payload (a message's start, or the middle of a body). */
export class Http extends LayerView {
  readonly layer = HTTP;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < 1) return c.short(HTTP, o, 1);
    c.mark(HTTP);
    return 0;
  }

  /** `n` bytes from byte `i` as text (latin1), checked. */
  text(i: number, n: number): string { return readLatin1(this, i, n); }

  /**
   * The payload's first line (up to CR LF or LF) when it is all printable text and ends within the
   * capture, else undefined: for a request or status line, `GET / HTTP/1.1`, `HTTP/1.1 200 OK`.
   */
  get firstLine(): string | undefined {
    const b = this.cursor.buf, o = this.off;
    for (let p = o; p < this.end; p++) {
      const ch = b[p]!;
      if (ch === 0x0a) return readLatin1(this, 0, (p > o && b[p - 1] === 0x0d ? p - 1 : p) - o);
      if ((ch < 0x20 || ch > 0x7e) && ch !== 0x09 && ch !== 0x0d) return undefined;
    }
    return undefined;
  }

  toJSON(): object {
    const line = this.firstLine;
    return { offset: this.offset, length: this.captured, ...(line !== undefined ? { firstLine: line } : {}) };
  }
}
