// L2TPv2 (RFC 2661), UDP port 1701: a header whose optional fields the flags announce (length,
// Ns/Nr, offset size and padding) after the flags/version word, tunnel and session IDs; control
// messages (T) carry AVPs, data messages PPP frames.
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const L2TP = Layer.L2tp;
const PPP = Layer.Ppp;

/** Flag bits of the first word. */
export const L2tpFlag = { Type: 0x8000, Length: 0x4000, Sequence: 0x0800, Offset: 0x0200, Priority: 0x0100 } as const;
/** Bytes of an AVP's header (flags and length, vendor ID, attribute type). */
export const L2TP_AVP_HEADER_LENGTH = 6;

/** One AVP, pointed at its first byte by the printer as it walks them. Values are read by their index in the value. */
export class L2tpAvp extends FieldView {
  #u16(i: number): number { const o = this.off + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  /** The AVP's length (the low 10 bits of the first word), header included. */
  get avpLength(): number { return this.#u16(0) & 0x03ff; }
  get mandatory(): boolean { return (this.#u16(0) & 0x8000) !== 0; }
  get hidden(): boolean { return (this.#u16(0) & 0x4000) !== 0; }
  /** 0 for the IETF's attributes. */
  get vendorId(): number { return this.#u16(2); }
  get attributeType(): number { return this.#u16(4); }
  valueByte(i: number): number { const o = this.off + L2TP_AVP_HEADER_LENGTH + i; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  valueU16(i: number): number { return this.#u16(L2TP_AVP_HEADER_LENGTH + i); }
  valueU32(i: number): number { const o = this.off + L2TP_AVP_HEADER_LENGTH + i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
}

/** An L2TP message. Getters of the optional fields are undefined where the flags leave them out. */
export class L2tp extends LayerView {
  readonly layer = L2TP;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < 2) return c.short(L2TP, o, 2);
    const w = u16(c.buf, o);
    if ((w & 0x0f) !== 2) return c.invalid(L2TP, o, `version ${w & 0x0f} is not L2TP's (2)`);
    let n = 6 + (w & L2tpFlag.Length ? 2 : 0) + (w & L2tpFlag.Sequence ? 4 : 0);
    if (w & L2tpFlag.Offset) {
      if (c.end - o < n + 2) return c.short(L2TP, o, n + 2);
      n += 2 + u16(c.buf, o + n);
    }
    if (c.end - o < n) return c.short(L2TP, o, n);
    this.headerLength = n;
    c.mark(L2TP);
    c.off = o + n;
    return w & L2tpFlag.Type || c.off >= c.end ? 0 : PPP;
  }

  #u16(i: number): number { const o = this.off + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  /** The flags and version word. */
  get flags(): number { return this.#u16(0); }
  get version(): number { return this.flags & 0x0f; }
  /** Where the tunnel ID is: after the length field when there is one. */
  get #tunnelAt(): number { return this.flags & L2tpFlag.Length ? 4 : 2; }
  /** The length field (L flag). */
  get messageLength(): number | undefined { return this.flags & L2tpFlag.Length ? this.#u16(2) : undefined; }
  get tunnelId(): number { return this.#u16(this.#tunnelAt); }
  get sessionId(): number { return this.#u16(this.#tunnelAt + 2); }
  /** Ns and Nr (S flag). */
  get ns(): number | undefined { return this.flags & L2tpFlag.Sequence ? this.#u16(this.#tunnelAt + 4) : undefined; }
  get nr(): number | undefined { return this.flags & L2tpFlag.Sequence ? this.#u16(this.#tunnelAt + 6) : undefined; }
  /** Index of the offset size field (O flag): after Ns/Nr when present. */
  get #offsetAt(): number { return this.#tunnelAt + 4 + (this.flags & L2tpFlag.Sequence ? 4 : 0); }
  /** The offset padding's size (O flag). */
  get offsetSize(): number | undefined { return this.flags & L2tpFlag.Offset ? this.#u16(this.#offsetAt) : undefined; }
  /** Bytes of the header up to the payload (the padding included), as the flags lay it out. */
  get fixedLength(): number { return this.#offsetAt + (this.flags & L2tpFlag.Offset ? 2 + this.offsetSize! : 0); }
  /** True when `n` bytes from index `i` were captured. */
  captured2(i: number, n: number): boolean { return n >= 0 && this.off + i + n <= this.end; }

  /** An AVP: the printer points it at each one. */
  readonly avp: L2tpAvp = new L2tpAvp(this.cursor);

  toJSON(): object {
    const f = this.flags;
    return {
      offset: this.offset, length: this.length, control: (f & L2tpFlag.Type) !== 0, version: f & 0x0f,
      ...(f & L2tpFlag.Length ? { messageLength: this.messageLength } : {}),
      tunnelId: this.tunnelId, sessionId: this.sessionId,
      ...(f & L2tpFlag.Sequence ? { ns: this.ns, nr: this.nr } : {}),
    };
  }
}
