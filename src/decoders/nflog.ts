// Linux netfilter log messages (LINKTYPE_NFLOG, 239; `-i nflog:N`): a 4-byte header (address
// family, version, resource ID = the log group), then TLVs in the capturing host's byte order
// (lengths padded to 4 bytes): the packet header, mark, timestamp, interfaces, prefix, UID…, and
// NFULA_PAYLOAD, whose value is the logged packet (IPv4 or IPv6 by the family).
import { u16, u16le } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const NFLOG = Layer.Nflog, IPV4 = Layer.Ipv4, IPV6 = Layer.Ipv6;

/** Bytes of the NFLOG header and of a TLV's header. */
export const NFLOG_HEADER_LENGTH = 4;
export const NFLOG_TLV_HEADER_LENGTH = 4;
/** The TLV whose value is the logged packet. */
export const NFULA_PAYLOAD = 9;

/** A TLV (`point()`ed at each by the walk), lengths and types in little-endian as Linux writes them on x86. */
export class NflogTlv extends FieldView {
  /** The TLV's length field (header included, before padding). */
  get length(): number { const o = this.off; if (o + 2 > this.end) throw NOT_CAPTURED; return u16le(this.cursor.buf, o); }
  /** The length padded to a multiple of 4: where the next TLV starts. */
  get paddedLength(): number { const n = this.length; return n % 4 ? n + 4 - (n % 4) : n; }
  /** NFULA_* (9 is the payload). */
  get type(): number { const o = this.off + 2; if (o + 2 > this.end) throw NOT_CAPTURED; return u16le(this.cursor.buf, o); }
}

/** The NFLOG header; decoded in full up to the payload TLV's value (the logged packet). */
export class Nflog extends LayerView {
  readonly layer = NFLOG;
  /** For walking the TLVs: point(off, end) it at each. */
  readonly tlv: NflogTlv;

  constructor(c: Cursor) { super(c); this.tlv = new NflogTlv(c); }

  decode(c: Cursor): number {
    const o = c.off, b = c.buf, end = c.end;
    this.off = o; this.end = end; this.headerLength = 0;
    if (end - o < NFLOG_HEADER_LENGTH) return c.short(NFLOG, o, NFLOG_HEADER_LENGTH);
    if (b[o + 1] !== 0) return c.invalid(NFLOG, o, `NFLOG version ${b[o + 1]} unknown`);
    let p = o + NFLOG_HEADER_LENGTH;
    for (;;) {
      if (end - p < NFLOG_TLV_HEADER_LENGTH) return c.short(NFLOG, o, p + NFLOG_TLV_HEADER_LENGTH - o, 'no payload TLV');
      // The payload runs to the end of the frame (its padding may not have been captured).
      if (u16le(b, p + 2) === NFULA_PAYLOAD) { p += NFLOG_TLV_HEADER_LENGTH; break; }
      let size = u16le(b, p);
      if (size % 4) size += 4 - (size % 4);
      if (size < NFLOG_TLV_HEADER_LENGTH) return c.invalid(NFLOG, p, `TLV length ${size} < 4`);
      if (end - p < size) return c.short(NFLOG, o, p + size - o);
      p += size;
    }
    this.headerLength = p - o;
    c.mark(NFLOG);
    c.off = p;
    const family = b[o]!;
    return family === 2 ? IPV4 : family === 10 ? IPV6 : 0;
  }

  /** AF_INET (2) or AF_INET6 (10). */
  get family(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  get version(): number { const o = this.off + 1; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** The NFLOG group. */
  get resourceId(): number { const o = this.off + 2; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }

  toJSON(): object { return { offset: this.offset, length: this.length, family: this.family, version: this.version, resourceId: this.resourceId }; }
}
