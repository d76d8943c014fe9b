// Kerberos (UDP ports 88 and 750): the protocol version byte tells v4 (RFC-less MIT Kerberos 4:
// a message type whose low bit is the byte order, then NUL-terminated names) from v5 (ASN.1, which
// tcpdump does not decode: 106/107 are its first bytes).
import { u16, u16le } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const KRB = Layer.Krb;

/** A Kerberos message: the version, a v4 message's type and byte order; `byte(i)` for its names. */
export class Krb extends LayerView {
  readonly layer = KRB;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < 1) return c.short(KRB, o, 1);
    this.headerLength = 1;
    c.mark(KRB);
    return 0;
  }

  /** 4 for Kerberos v4; 106 and 107 start a v5 message (ASN.1 application tags). */
  get version(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** v4: the type byte (message type, low bit the byte order). */
  get typeByte(): number { const o = this.off + 1; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** v4: the message type (the type byte without its byte-order bit). */
  get messageType(): number { return this.typeByte & 0xfe; }
  /** v4: true when the sender's 16-bit fields are little-endian. */
  get littleEndian(): boolean { return (this.typeByte & 1) !== 0; }
  /** v4: the 16-bit field at index `i`, in the sender's byte order. */
  u16At(i: number): number {
    const o = this.off + i;
    if (o + 2 > this.end) throw NOT_CAPTURED;
    return this.littleEndian ? u16le(this.cursor.buf, o) : u16(this.cursor.buf, o);
  }

  toJSON(): object {
    const v = this.version;
    return { offset: this.offset, length: this.length, version: v, ...(v === 4 && this.has(2) ? { messageType: this.messageType, littleEndian: this.littleEndian } : {}) };
  }
}
