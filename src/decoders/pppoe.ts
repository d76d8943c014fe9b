// PPP over Ethernet (RFC 2516): EtherType 0x8863 (discovery: PADI, PADO, PADR, PADS, PADT, with
// tags) and 0x8864 (session: PPP), and LINKTYPE_PPP_ETHER (51). A 6-byte header — version and
// type (1 and 1), code (0 in a session), session ID, payload length — then tags or a PPP frame.
import { u16 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const PPPOE = Layer.Pppoe, PPP = Layer.Ppp;

/** Bytes of the PPPoE header, and of a tag's type and length. */
export const PPPOE_HEADER_LENGTH = 6;
export const PPPOE_TAG_HEADER_LENGTH = 4;

/** A discovery tag (type, length, value), pointed at each by the printer. */
export class PppoeTag extends FieldView {
  get type(): number { const o = this.off; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  get length(): number { const o = this.off + 2; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
}

/** The PPPoE header; a session's PPP frame follows it (the Ppp layer). */
export class Pppoe extends LayerView {
  readonly layer = PPPOE;
  readonly tag: PppoeTag;

  constructor(c: Cursor) { super(c); this.tag = new PppoeTag(c); }

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < PPPOE_HEADER_LENGTH) return c.short(PPPOE, o, PPPOE_HEADER_LENGTH);
    this.headerLength = PPPOE_HEADER_LENGTH;
    c.mark(PPPOE);
    c.off = o + PPPOE_HEADER_LENGTH;
    // The payload length is not applied to the end: tcpdump's printers read a session's PPP frame to the capture's end.
    return c.buf[o + 1] === 0 ? PPP : 0;
  }

  get version(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]! >> 4; }
  get type(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]! & 0x0f; }
  /** 0 session data; 0x09 PADI, 0x07 PADO, 0x19 PADR, 0x65 PADS, 0xa7 PADT. */
  get code(): number { const o = this.off + 1; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  get sessionId(): number { const o = this.off + 2; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  get payloadLength(): number { const o = this.off + 4; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }

  toJSON(): object {
    return { offset: this.offset, length: this.length, version: this.version, type: this.type, code: this.code, sessionId: this.sessionId,
      payloadLength: this.payloadLength };
  }
}
