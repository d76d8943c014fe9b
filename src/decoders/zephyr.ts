// Zephyr notices (UDP 2103, 2104): a run of NUL-terminated text fields — version ("ZEPH0.2"),
// field count, kind, uid, port, authentication, class, instance, opcode, sender, recipient,
// format, checksum, multipart — then the message's own fields. The fields are walked with a
// cursor (`ZephyrFields`) as tcpdump's parse_field walks them.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { FieldView, LayerView } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const ZEPHYR = Layer.Zephyr;

/** The fields of the header, in order. */
export const ZEPHYR_HEADER_FIELDS = [
  'version', 'numfields', 'kind', 'uid', 'port', 'auth', 'authlen', 'authdata', 'class', 'inst', 'opcode', 'sender',
  'recipient', 'format', 'cksum', 'multi', 'multiUid',
] as const;

/**
 * A cursor over NUL-terminated fields: `next()` returns the next field's text (its bytes as
 * latin1) and steps past its NUL. Once a field runs past the length it was given, that and every
 * later field is undefined (`lost`); a byte past the capture throws NOT_CAPTURED.
 */
export class ZephyrFields extends FieldView {
  /** Bytes of the message left from `off`. */
  left = 0;
  /** True once a field was not terminated within the message. */
  lost = false;

  /** Starts at the message's first byte with `length` bytes to read. */
  start(v: Zephyr, length: number): this { this.point(v.off, v.end); this.left = length; this.lost = false; return this; }

  next(): string | undefined {
    let s = '', i = 0;
    for (;;) {
      if (this.left === 0) { this.lost = true; this.off += i; return undefined; }
      const ch = this.byte(i);
      if (ch === 0) break;
      s += String.fromCharCode(ch);
      i++; this.left--;
    }
    this.off += i + 1; this.left--;
    return this.lost ? undefined : s;
  }
}

/** A Zephyr notice. decode() proves only that there is a first byte; the fields are the cursor's. */
export class Zephyr extends LayerView {
  readonly layer = ZEPHYR;
  /** The cursor the printer walks the fields with. */
  readonly fields: ZephyrFields;

  constructor(c: Cursor) { super(c); this.fields = new ZephyrFields(c); }

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < 1) return c.short(ZEPHYR, o, 1);
    c.mark(ZEPHYR);
    return 0;
  }

  /** The header's fields that were captured and terminated within the capture, by name. */
  toJSON(): object {
    const out: Record<string, string> = {};
    const f = this.fields.start(this, this.captured);
    for (const name of ZEPHYR_HEADER_FIELDS) {
      const s = f.next();
      if (s === undefined) break;
      out[name] = s;
    }
    return { offset: this.offset, length: this.captured, fields: out };
  }
}
