// Text protocols over TCP and UDP whose messages are lines of ASCII: SMTP (TCP 25), FTP (21),
// whois (43), HTTP (80, 8080), RTSP (554, 8554), SIP (UDP 5060). One view class for all of them
// (the layer is the protocol, a constructor argument): what there is to read is the text itself,
// byte by byte (`byte(i)`), and its lines (`lines`).
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { LayerView, NOT_CAPTURED } from './view.js';

/** The layers this view is for. */
export type TextLayer = typeof Layer.Smtp | typeof Layer.Ftp | typeof Layer.Whois | typeof Layer.Http | typeof Layer.Rtsp | typeof Layer.Sip;

/** A text protocol's payload. decode() proves only that there is a first byte. */
export class TextProtocol extends LayerView {
  readonly layer: TextLayer;

  constructor(c: Cursor, layer: TextLayer) { super(c); this.layer = layer; }

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    // No header: nothing captured of the stream is no layer, not a cut one.
    if (c.end - o < 1) return 0;
    c.mark(this.layer);
    return 0;
  }

  /** `n` bytes from byte `i` as latin1 text, checked (NOT_CAPTURED unless all were captured). */
  text(i: number, n: number): string {
    const o = this.off + i;
    if (o + n > this.end || i < 0) throw NOT_CAPTURED;
    let s = '';
    const b = this.cursor.buf;
    for (let k = 0; k < n; k++) s += String.fromCharCode(b[o + k]!);
    return s;
  }

  /** The complete text lines captured from the start (CR LF or LF ended, printable ASCII and tabs), without their ends. */
  get lines(): string[] {
    const out: string[] = [];
    const b = this.cursor.buf;
    let start = this.off;
    for (let o = start; o < this.end; o++) {
      const ch = b[o]!;
      if (ch === 0x0a || (ch === 0x0d && o + 1 < this.end && b[o + 1] === 0x0a)) {
        out.push(this.text(start - this.off, o - start));
        if (ch === 0x0d) o++;
        start = o + 1;
      } else if ((ch < 0x20 || ch > 0x7e) && ch !== 0x09) {
        break;
      }
    }
    return out;
  }

  toJSON(): object { return { offset: this.offset, length: this.captured, lines: this.lines }; }
}
