// SNMP (RFC 1157, 1905, 3412/3414), UDP ports 161 and 162, -T snmp: BER-encoded ASN.1. The message
// is a SEQUENCE of version, community (v1, v2c) or header and security parameters (v3), and a PDU.
// The view decodes one BER element at a time where the printer asks (tcpdump's asn1_parse): tag,
// length, and the value of the primitive types SNMP uses.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const SNMP = Layer.Snmp;

/** What tcpdump's struct be calls the element's type. */
export const BerType = {
  Any: 255, None: 0, Null: 1, Octet: 2, Oid: 3, Int: 4, Uns: 5, Str: 6, Seq: 7, InetAddr: 8, Pdu: 9, Uns64: 10,
  NoSuchObject: 128, NoSuchInstance: 129, EndOfMibView: 130,
} as const;

/** Class names and the number of identifiers each knows (tcpdump's Class[] table). */
export const BER_CLASSES: readonly (readonly [string, readonly string[]])[] = [
  ['Universal', ['U-0', 'Boolean', 'Integer', 'Bitstring', 'String', 'Null', 'ObjID', 'ObjectDes', 'U-8', 'U-9', 'U-10', 'U-11',
    'U-12', 'U-13', 'U-14', 'U-15', 'Sequence', 'Set']],
  ['Application', ['IpAddress', 'Counter', 'Gauge', 'TimeTicks', 'Opaque', 'C-5', 'Counter64']],
  ['Context', ['GetRequest', 'GetNextRequest', 'GetResponse', 'SetRequest', 'Trap', 'GetBulk', 'Inform', 'V2Trap', 'Report']],
  ['Private', ['P-0']],
  ['Exceptions', ['noSuchObject', 'noSuchInstance', 'endOfMibView']],
];
const FORMS = ['Primitive', 'Constructed'];
// tcpdump names every class "x" where it prints one: its defineCLASS(x) macro writes "x", which an ANSI C
// preprocessor does not replace by the argument (print-snmp.c says "not ANSI-C").
const PRINTED_CLASS = 'x';

/**
 * One BER element, decoded by `parse(at, len)` (asn1_parse). After a parse: `count` is the bytes the
 * element took (header and value), or -1 with `error` the text tcpdump prints for it ('' when the
 * value was not captured: tcpdump's trunc mark); `notice` is text tcpdump prints while parsing an
 * element of a type SNMP does not use. Reads of the header past the capture throw NOT_CAPTURED.
 */
export class BerElement extends FieldView {
  /** Bytes the element took, or -1. */
  count = 0;
  error = '';
  notice = '';
  type = 0;
  /** The tag's class (0 universal, 1 application, 2 context, 3 private), form (0 primitive, 1 constructed), number. */
  cls = 0;
  form = 0;
  id = 0;
  /** The value's length. */
  asnlen = 0;
  /** Absolute index of the value. */
  valueOffset = 0;
  /** INTEGER: the value (32-bit, signed). Counter/Gauge/TimeTicks: unsigned. Counter64: in `uns64`. */
  integer = 0;
  uns = 0;
  uns64 = 0n;

  #u8(o: number): number { if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }

  /** asn1_parse: the element at absolute `at`, `len` bytes available to it. Returns `count`. */
  parse(at: number, len: number): number {
    this.asnlen = 0; this.type = BerType.Any; this.error = ''; this.notice = ''; this.count = -1;
    if (len < 1) { this.error = '[nothing to parse]'; return -1; }
    let p = at;
    const b0 = this.#u8(p);
    let id = b0 & 0x1f;
    const form = (b0 & 0x20) >> 5, cls = (b0 & 0xc0) >> 6;
    this.form = form; this.cls = cls; this.id = id;
    p++; len--;
    let hdr = 1;
    if (id === 0x1f) {
      id = 0;
      while (this.#u8(p) & 0x80) {
        if (len < 1) { this.error = '[Xtagfield?]'; return -1; }
        // tcpdump's id is a u_char: each step keeps the low 8 bits.
        id = ((id << 7) | (this.#u8(p) & 0x7f)) & 0xff;
        len--; hdr++; p++;
      }
      if (len < 1) { this.error = '[Xtagfield?]'; return -1; }
      this.id = id = ((id << 7) | this.#u8(p)) & 0xff;
      --len; ++hdr; ++p;
    }
    if (len < 1) { this.error = '[no asnlen]'; return -1; }
    let asnlen = this.#u8(p);
    p++; len--; hdr++;
    if (asnlen & 0x80) {
      let noct = asnlen % 0x80;
      asnlen = 0;
      if (len < noct) { this.error = `[asnlen? ${len}<${noct}]`; return -1; }
      if (p + noct > this.end) return -1;                 // ND_TCHECK_LEN: the trunc mark
      for (; noct !== 0; len--, hdr++, noct--) { asnlen = ((asnlen << 8) | this.#u8(p)) >>> 0; p++; }
    }
    this.asnlen = asnlen;
    if (len < asnlen) { this.error = `[len${len | 0}<asnlen${asnlen}]`; return -1; }
    if (form >= FORMS.length) { this.error = `[form?${form}]`; return -1; }
    if (cls >= BER_CLASSES.length) { this.error = `[class?${FORMS[form]![0]}/${cls}]`; return -1; }
    const ids = BER_CLASSES[cls]![1];
    if ((id | 0) >= ids.length) { this.error = `[id?${FORMS[form]![0]}/${PRINTED_CLASS}/${id | 0}]`; return -1; }
    if (p + asnlen > this.end) return -1;                 // ND_TCHECK_LEN: the trunc mark
    this.valueOffset = p;
    if (form === 0) this.#primitive(p, cls, id, asnlen);
    else if (cls === 0) {
      if (id === 16) this.type = BerType.Seq;
      else { this.type = BerType.Octet; this.notice = `C/U/${ids[id]}`; }
    } else if (cls === 2) this.type = BerType.Pdu;
    else { this.type = BerType.Octet; this.notice = `C/${PRINTED_CLASS}/${ids[id]}`; }
    if (this.error !== '') return -1;
    this.count = asnlen + hdr;
    return this.count;
  }

  #primitive(p: number, cls: number, id: number, asnlen: number): void {
    const ids = BER_CLASSES[cls]![1];
    if (cls === 0) {
      switch (id) {
        case 4: this.type = BerType.Str; break;
        case 2: {
          this.type = BerType.Int;
          if (asnlen === 0) { this.error = '[asnlen=0]'; return; }
          let data = this.#u8(p) & 0x80 ? -1 : 0;
          for (let i = asnlen; i !== 0; p++, i--) data = (data << 8) | this.#u8(p);
          this.integer = data;
          break;
        }
        case 6: this.type = BerType.Oid; break;
        case 5: this.type = BerType.Null; break;
        default: this.type = BerType.Octet; this.notice = `[P/U/${ids[id]}]`;
      }
    } else if (cls === 1) {
      switch (id) {
        case 0: this.type = BerType.InetAddr; break;
        case 1: case 2: case 3: {
          this.type = BerType.Uns;
          let data = 0;
          for (let i = asnlen; i !== 0; p++, i--) data = ((data << 8) + this.#u8(p)) >>> 0;
          this.uns = data;
          break;
        }
        case 6: {
          this.type = BerType.Uns64;
          let data = 0n;
          for (let i = asnlen; i !== 0; p++, i--) data = BigInt.asUintN(64, (data << 8n) + BigInt(this.#u8(p)));
          this.uns64 = data;
          break;
        }
        default: this.type = BerType.Octet; this.notice = `[P/A/${ids[id]}]`;
      }
    } else if (cls === 2) {
      // Context-specific primitives: the SNMPv2 exceptions (other numbers leave the type BE_ANY).
      if (id === 0) this.type = BerType.NoSuchObject;
      else if (id === 1) this.type = BerType.NoSuchInstance;
      else if (id === 2) this.type = BerType.EndOfMibView;
    } else {
      this.notice = `[P/${PRINTED_CLASS}/${ids[id]}]`;
      this.type = BerType.Octet;
    }
  }

  /** True when the element parsed is of `t` (a method: the type changes with every parse). */
  is(t: number): boolean { return this.type === t; }
  /** True when the value's `n` bytes from its index `i` were captured. */
  valueCaptured(n: number, i = 0): boolean { return n >= 0 && this.valueOffset + i + n <= this.end; }
  /** Byte `i` of the value, checked. */
  valueByte(i: number): number { return this.#u8(this.valueOffset + i); }
}

/** An SNMP message: the BER element sub-view the printer walks it with. */
export class Snmp extends LayerView {
  readonly layer = SNMP;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < 2) return c.short(SNMP, o, 2);
    if (c.buf[o] !== 0x30) return c.invalid(SNMP, o, `first element 0x${c.buf[o]!.toString(16)} is not a SEQUENCE`);
    c.mark(SNMP);
    return 0;
  }

  /** A BER element: the printer parses each one with it (reused). */
  readonly element: BerElement = new BerElement(this.cursor);

  /** The version (0 v1, 1 v2c, 3 v3) where the header was captured, else undefined. */
  get version(): number | undefined {
    const e = this.element.point(this.off, this.end);
    try {
      if (e.parse(this.off, this.end - this.off) < 0 || !e.is(BerType.Seq)) return undefined;
      const start = e.valueOffset;
      if (e.parse(start, e.asnlen) < 0 || !e.is(BerType.Int)) return undefined;
      return e.integer;
    } catch {
      return undefined;
    }
  }

  toJSON(): object {
    const v = this.version;
    return { offset: this.offset, length: this.length, ...(v !== undefined ? { version: v } : {}) };
  }
}
