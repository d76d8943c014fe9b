// OSI network layer protocols by their NLPID (ISO/IEC TR 9577): the first byte of a PDU after an
// LLC header with SAP 0xfe, or after the pad byte that follows EtherType 0xfefe. This view reads
// that byte and hands on to CLNP, ES-IS or IS-IS, whose headers start with it.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const OSI = Layer.Osi, CLNP = Layer.Clnp, ESIS = Layer.Esis, ISIS = Layer.Isis;

/** NLPIDs (ISO/IEC TR 9577). */
export const Nlpid = { Null: 0x00, Q933: 0x08, Clnp: 0x81, Esis: 0x82, Isis: 0x83, Ip: 0xcc, Ip6: 0x8e, Ppp: 0xcf } as const;

/**
 * The NLPID that selects an OSI protocol: a header of its own only for EtherType 0xfefe, whose
 * frames carry a pad byte before it. CLNP, ES-IS and IS-IS follow at the NLPID (it is their first byte).
 */
export class Osi extends LayerView {
  readonly layer = OSI;
  /** Bytes before the NLPID: 1 after EtherType 0xfefe, else 0 (set even when the walk stops here). */
  pad = 0;
  /** What follows an NLPID that names no OSI PDU, byte by byte (Q.933's information elements). */
  readonly data: FieldView;

  constructor(c: Cursor) { super(c); this.data = new FieldView(c); }

  decode(c: Cursor): number {
    const o = c.off;
    // EtherType 0xfefe frames have a byte before the NLPID (tcpdump skips it unread).
    const pad = c.etherType === 0xfefe ? 1 : 0;
    this.off = o; this.end = c.end; this.headerLength = 0; this.pad = pad;
    if (c.end - o < pad + 1) return c.short(OSI, o, pad + 1);
    this.headerLength = pad;
    c.mark(OSI);
    c.off = o + pad;
    const nlpid = c.buf[o + pad]!;
    return nlpid === 0x81 ? CLNP : nlpid === 0x82 ? ESIS : nlpid === 0x83 ? ISIS : 0;
  }

  /** True for EtherType 0xfefe frames: a pad byte precedes the NLPID. */
  get padded(): boolean { return this.pad === 1; }
  /** Where the NLPID is, from the layer's start. */
  get nlpidAt(): number { return this.pad; }
  /** The NLPID. */
  get nlpid(): number { const o = this.off + this.pad; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }

  toJSON(): object { return { offset: this.offset, length: this.length, nlpid: this.nlpid }; }
}

const hex2: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * An IS-IS system ID (6 bytes: `1921.6800.1001`), node ID (7: `.00` added) or LSP ID (8: `-00`
 * added) at `o`, as tcpdump's isis_print_id writes it. The caller checked the bytes are there.
 */
export function isoIdText(b: Uint8Array, o: number, len: number): string {
  let s = '';
  const sys = Math.min(6, len);
  for (let i = 1; i <= sys; i++) { s += hex2[b[o + i - 1]!]; if (i === 2 || i === 4) s += '.'; }
  if (len >= 7) s += '.' + hex2[b[o + 6]!];
  if (len === 8) s += '-' + hex2[b[o + 7]!];
  return s;
}

/** An NSAP address of `len` bytes at `o` as tcpdump's isonsap_string writes it (`49.0001.1921.6800.1001.00`). */
export function nsapText(b: Uint8Array, o: number, len: number): string {
  if (len < 1 || len > 20) return 'isonsap_string: illegal length';
  let s = '';
  for (let i = 0; i < len; i++) {
    s += hex2[b[o + i]!];
    if ((i & 1) === 0 && i + 1 < len) s += '.';
  }
  return s;
}

/**
 * The ISO 8473 / IS-IS Fletcher checksum of `length` bytes from `o`, the 2 bytes at
 * `checksumOffset` counted as zero: the value that field should hold (tcpdump's create_osi_cksum).
 */
export function osiChecksum(b: Uint8Array, o: number, checksumOffset: number, length: number): number {
  let c0 = 0, c1 = 0;
  for (let i = 0; i < length; i++) {
    if (i !== checksumOffset && i !== checksumOffset + 1) c0 += b[o + i]!;
    c1 += c0;
  }
  c0 %= 255; c1 %= 255;
  const mul = (length - checksumOffset) * c0;
  // 32-bit arithmetic as C's int does it.
  let x = (mul - c0 - c1) | 0, y = (c1 - mul - 1) | 0;
  if (y >= 0) y++;
  if (x < 0) x--;
  x %= 255; y %= 255;
  if (x === 0) x = 255;
  if (y === 0) y = 255;
  return ((x << 8) | (y & 0xff)) & 0xffff;
}
