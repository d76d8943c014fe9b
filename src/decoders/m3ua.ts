// M3UA (RFC 4666), SS7 MTP3 user adaptation over SCTP (payload protocol identifier 3): an 8-byte
// common header (version, class, type, length) and tag-length-value parameters padded to 4 bytes.
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const M3UA = Layer.M3ua;

/** Bytes of the common header. */
export const M3UA_HEADER_LENGTH = 8;
/** Bytes of a parameter's header (tag and length). */
export const M3UA_PARAM_HEADER_LENGTH = 4;

/** Message classes (RFC 4666 §3.1.2). */
export const M3uaClass = { Management: 0, Transfer: 1, Ssnm: 2, Aspsm: 3, Asptm: 4, Rkm: 9 } as const;

/**
 * One parameter, pointed at its tag by a printer walking them (`point(at, end)`). Checked getters.
 */
export class M3uaParam extends FieldView {
  get tag(): number { return this.u16(0); }
  /** The length field: the header and the value, not the padding. */
  get length(): number { return this.u16(2); }
  get valueStart(): number { return this.off + M3UA_PARAM_HEADER_LENGTH; }
  /** A 32-bit value (Network Appearance, Routing Context, Correlation ID). */
  get word(): number { return this.u32(M3UA_PARAM_HEADER_LENGTH); }
  /** The tag and length as one 32-bit word: what tcpdump 4.99.3 prints as those parameters' value (it reads the header). */
  get tagAndLength(): number { return this.u32(0); }
  private u16(i: number): number { const o = this.off + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  private u32(i: number): number { const o = this.off + i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
}

/** An M3UA message: the common header's getters (checked) and a parameter sub-view. */
export class M3ua extends LayerView {
  readonly layer = M3UA;
  /** The sub-view a printer points at each parameter (reused, no allocation). */
  readonly param: M3uaParam = new M3uaParam(this.cursor);

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < M3UA_HEADER_LENGTH) return c.short(M3UA, o, M3UA_HEADER_LENGTH);
    const v = c.buf[o]!;
    if (v !== 1) return c.invalid(M3UA, o, `version ${v} != 1`);
    const n = u32(c.buf, o + 4);
    if (n < M3UA_HEADER_LENGTH) return c.invalid(M3UA, o, `length ${n} < ${M3UA_HEADER_LENGTH}`);
    this.headerLength = M3UA_HEADER_LENGTH;
    c.mark(M3UA);
    c.off = o + M3UA_HEADER_LENGTH;
    if (o + n < c.end) c.end = o + n;
    return 0;
  }

  get version(): number { return this.u8(0); }
  get messageClass(): number { return this.u8(2); }
  get messageType(): number { return this.u8(3); }
  /** The length field: the whole message, header included. */
  get messageLength(): number { return this.u32(4); }
  /** Absolute index of the first parameter. */
  get paramsStart(): number { return this.off + M3UA_HEADER_LENGTH; }
  /** Points the parameter sub-view at absolute index `at`. */
  paramAt(at: number): M3uaParam { return this.param.point(at, this.end); }

  private u8(i: number): number { const o = this.off + i; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  private u32(i: number): number { const o = this.off + i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }

  /** The header and the parameters (tag, length) within the message's length. */
  toJSON(): object {
    const end = Math.min(this.end, this.off + this.messageLength), params: object[] = [];
    for (let p = this.paramsStart; p + M3UA_PARAM_HEADER_LENGTH <= end;) {
      const t = this.paramAt(p), n = t.length;
      params.push({ tag: t.tag, length: n });
      if (n < M3UA_PARAM_HEADER_LENGTH) break;
      p += (n + 3) & ~3;
    }
    return {
      offset: this.offset, length: this.length, version: this.version, messageClass: this.messageClass, messageType: this.messageType,
      messageLength: this.messageLength, params,
    };
  }
}
