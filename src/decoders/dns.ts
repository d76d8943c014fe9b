// DNS messages (RFC 1035): header, questions and resource records with name compression;
// over TCP with the 2-byte length prefix (RFC 1035 4.2.2). decode() walks every name and
// record once, so the getters read only checked bytes.
import { ipv4ToString, ipv6ToString } from './addr.js';
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { Len } from './stop.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const TCP = Layer.Tcp, DNS = Layer.Dns;
const LEN_CAPLEN = Len.Caplen, LEN_DNS_TCP = Len.DnsTcp, LEN_TCP_SEGMENT = Len.TcpSegment;

/** A question: name, type, class. */
export interface DnsQuestion {
  name: string;
  type: number;
  class: number;
  /** Offset from the start of the frame. */
  offset: number;
}

/** SOA record data. */
export interface DnsSoa { mname: string; rname: string; serial: number; refresh: number; retry: number; expire: number; minimum: number }
/** SRV record data. */
export interface DnsSrv { priority: number; weight: number; port: number; target: string }
/** MX record data. */
export interface DnsMx { preference: number; exchange: string }

/** A resource record. `data` is decoded for A, AAAA, CNAME, NS, PTR, MX, TXT, SOA, SRV; other types give only type and rdLength. */
export interface DnsRecord {
  name: string;
  type: number;
  /** Class (for OPT: the requester's UDP payload size). */
  class: number;
  /** TTL (for OPT: extended RCODE and flags). */
  ttl: number;
  /** Offset of the record from the start of the frame. */
  offset: number;
  /** Offset of the RDATA from the start of the frame. */
  rdOffset: number;
  rdLength: number;
  data?: string | string[] | DnsMx | DnsSoa | DnsSrv;
}

/** Record type numbers for the types decoded in full. */
export const DnsType = { A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, MX: 15, TXT: 16, AAAA: 28, SRV: 33, OPT: 41 } as const;

/** Bytes of the DNS header, of the length prefix over TCP, and of a record's fixed fields after its name (type, class, TTL, RDLENGTH). */
export const DNS_HEADER_LENGTH = 12;
export const DNS_TCP_PREFIX_LENGTH = 2;
export const DNS_RR_FIXED_LENGTH = 10;
/** Bytes of a question's type and class, after its name. */
export const DNS_QUESTION_FIXED_LENGTH = 4;
/** Where RDATA names start: MX's exchange, SRV's target; where URI's target starts; bytes of SOA's five counters. */
export const DNS_MX_NAME_AT = 2;
export const DNS_SRV_NAME_AT = 6;
export const DNS_URI_TARGET_AT = 4;
export const DNS_SOA_COUNTERS_LENGTH = 20;
/** TSIG: bytes of the time signed (48 bits) after the algorithm name. */
export const DNS_TSIG_TIME_LENGTH = 6;
/** Bytes of an EDNS option's code and length. */
export const EDNS_OPTION_HEADER_LENGTH = 4;

/**
 * A printer's window on part of a message — a record's fixed fields, its RDATA, an EDNS option —
 * pointed by the Dns view at a message index. Reads are checked (NOT_CAPTURED past the capture).
 */
export class DnsField extends FieldView {
  private u16At(i: number): number { const o = this.off + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  private u32At(i: number): number { const o = this.off + i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  // A record's fixed fields, after its name.
  get type(): number { return this.u16At(0); }
  /** Class (OPT: the requester's UDP payload size; mDNS: the top bit is a flag). */
  get rrClass(): number { return this.u16At(2); }
  get ttl(): number { return this.u32At(4); }
  /** OPT: the flags in the TTL's low 16 bits (DO 0x8000). */
  get optFlags(): number { return this.u16At(6); }
  get rdLength(): number { return this.u16At(8); }
  // RDATA, pointed at its first byte.
  get a(): string { const o = this.off; if (o + 4 > this.end) throw NOT_CAPTURED; return ipv4ToString(this.cursor.buf, o); }
  get aaaa(): string { const o = this.off; if (o + 16 > this.end) throw NOT_CAPTURED; return ipv6ToString(this.cursor.buf, o); }
  /** MX preference; SRV priority; URI priority. */
  get preference(): number { return this.u16At(0); }
  /** SRV weight; URI weight. */
  get weight(): number { return this.u16At(2); }
  get srvPort(): number { return this.u16At(4); }
  /** SOA's five counters after its two names (pointed after them): serial, refresh, retry, expire, minimum. */
  soaValue(k: number): number { return this.u32At(4 * k); }
  /** TSIG's fields after its algorithm name and 48-bit time (pointed there): fudge, MAC size, … */
  get u16Field(): number { return this.u16At(0); }
  // An EDNS option: code, length, data (`byte(EDNS_OPTION_HEADER_LENGTH + i)` and these).
  get optionCode(): number { return this.u16At(0); }
  get optionLength(): number { return this.u16At(2); }
  /** 16 and 32-bit values at index `i` of the option's data. */
  optionData16(i: number): number { return this.u16At(EDNS_OPTION_HEADER_LENGTH + i); }
  optionData32(i: number): number { return this.u32At(EDNS_OPTION_HEADER_LENGTH + i); }
  /** EDNS Client Subnet (RFC 7871): family, source and scope prefix lengths, address byte `k`. */
  get ecsFamily(): number { return this.u16At(EDNS_OPTION_HEADER_LENGTH); }
  get ecsSourcePrefix(): number { return this.byte(EDNS_OPTION_HEADER_LENGTH + 2); }
  get ecsScopePrefix(): number { return this.byte(EDNS_OPTION_HEADER_LENGTH + 3); }
  ecsAddressByte(k: number): number { return this.byte(EDNS_OPTION_HEADER_LENGTH + 4 + k); }
}

// Name walk results besides an offset.
const NEED = -1, BAD = -2;

/**
 * DNS message. The header is checked at decode; names and records are walked (loop-proof) on first
 * use of a record getter or of the packet's stop/payload, and a broken one becomes the packet's stop.
 */
export class Dns extends LayerView {
  readonly layer = DNS;
  /** Absolute offset of the DNS header (after the TCP length prefix, if any). */
  msg = 0;
  /** Over TCP: the message has a 2-byte length prefix. */
  overTcp = false;
  #qd = 0; #an = 0; #ns = 0; #ar = 0;
  #walked = true;
  #cursor: Cursor | undefined;
  #rec = new Uint32Array(64);
  // Set by walkName when it fails: the absolute offset it needed to read, or the reason.
  #need = 0;
  #why = '';
  // End of the message: the bound for labels reached through a pointer.
  #msgEnd = 0;

  decode(c: Cursor): number {
    const b = c.buf, o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0; this.msg = o;
    // TCP and UDP are the layers that select an application layer, and a packet has one of them.
    this.overTcp = (c.present & (1 << TCP)) !== 0;
    let m = o;
    if (this.overTcp) {
      // Over TCP a message may go on in the next segment: running out of bytes is not a lie.
      if (c.len !== LEN_CAPLEN) c.len = LEN_TCP_SEGMENT;
      if (c.end - o < 2) return c.short(DNS, o, 2);
      const len = u16(b, o);
      m = o + 2;
      if (m + len <= c.end) { c.end = m + len; c.len = LEN_DNS_TCP; }
    }
    if (c.end - m < 12) return c.short(DNS, o, m + 12 - o);
    this.msg = m;
    this.end = c.end; this.headerLength = m + 12 - o;
    this.#msgEnd = c.end;
    // The records are walked on first use (a getter here, or the packet's stop/payload), so
    // packets whose DNS nobody reads cost only this header check.
    this.#walked = false;
    this.#cursor = c;
    c.present |= 1 << DNS;
    c.pending = this;
    c.off = m + 12;
    return 0;
  }

  /** Walk every name and record once (loop-proof), recording a stop on the cursor if one is broken. */
  walk(): void {
    if (this.#walked) return;
    this.#walked = true;
    const c = this.#cursor!, b = this.cursor.buf, o = this.off, m = this.msg, end = this.#msgEnd;
    this.#qd = this.#an = this.#ns = this.#ar = 0;
    let p = m + 12, n = 0;
    for (let s = 0; s < 4; s++) {
      const want = u16(b, m + 4 + 2 * s);
      for (let i = 0; i < want; i++) {
        const at = p;
        const q = this.walkName(b, p, end, m, null);
        if (q === NEED) return this.fail(c, o, s, i, true);
        if (q === BAD) return this.fail(c, o, s, i, false);
        p = q;
        if (s === 0) {
          if (end - p < 4) { this.#need = p + 4; return this.fail(c, o, s, i, true); }
          p += 4;
        } else {
          if (end - p < 10) { this.#need = p + 10; return this.fail(c, o, s, i, true); }
          const rdl = u16(b, p + 8), rd = p + 10;
          if (end - rd < rdl) { this.#need = rd + rdl; return this.fail(c, o, s, i, true); }
          if (!this.checkRdata(b, u16(b, p), rd, rd + rdl, m)) return this.fail(c, o, s, i, false);
          p = rd + rdl;
        }
        if (n === this.#rec.length) { const r = new Uint32Array(n * 2); r.set(this.#rec); this.#rec = r; }
        this.#rec[n++] = at;
        if (s === 0) this.#qd++; else if (s === 1) this.#an++; else if (s === 2) this.#ns++; else this.#ar++;
      }
    }
    this.headerLength = p - o;
    c.off = p;
  }

  private ensure(): void {
    if (!this.#walked) { const c = this.#cursor!; if ((c.present & (1 << DNS)) !== 0) c.settle(); else this.walk(); }
  }

  /** Records present and complete, per section (the header's counts are questionCount etc.). */
  get qdCount(): number { this.ensure(); return this.#qd; }
  get anCount(): number { this.ensure(); return this.#an; }
  get nsCount(): number { this.ensure(); return this.#ns; }
  get arCount(): number { this.ensure(); return this.#ar; }
  /** Bytes of the message up to the end of its last complete record (TCP prefix included). */
  override get length(): number { this.ensure(); return this.headerLength; }

  private fail(c: Cursor, o: number, section: number, i: number, short: boolean): void {
    // The records before the broken one stay readable; the packet's payload starts at the DNS header.
    c.off = o;
    const what = `${sectionNames[section]} ${i + 1}`;
    if (short) c.short(DNS, o, this.#need - o, what); else c.invalid(DNS, o, `${what}: ${this.#why}`);
  }

  /**
   * Follows one name from `p`. Returns the offset after it where it was written (after the first
   * pointer, if any), NEED or BAD. A pointer must point before every earlier pointer of the same
   * name (as tcpdump's `<BAD PTR>` rule), so every walk ends. With `out`, collects the labels.
   */
  private walkName(b: Uint8Array, p: number, end: number, m: number, out: string[] | null): number {
    let after = -1, limit = p, total = 0;
    const msgEnd = this.#msgEnd;
    for (;;) {
      if (p >= end) { this.#need = p + 1; return NEED; }
      const l = b[p]!;
      if (l === 0) return after >= 0 ? after : p + 1;
      if ((l & 0xc0) === 0xc0) {
        if (p + 1 >= end) { this.#need = p + 2; return NEED; }
        const t = m + (((l & 0x3f) << 8) | b[p + 1]!);
        if (after < 0) after = p + 2;
        if (t >= limit) { this.#why = `name pointer to ${t - m} does not point backwards`; return BAD; }
        limit = t; p = t; end = msgEnd;
        continue;
      }
      if ((l & 0xc0) !== 0) { this.#why = `label type 0x${(l & 0xc0).toString(16)} not supported`; return BAD; }
      if (p + 1 + l > end) { this.#need = p + 1 + l; return NEED; }
      total += l + 1;
      if (total > 255) { this.#why = 'name longer than 255 bytes'; return BAD; }
      if (out) out.push(label(b, p + 1, l));
      p += 1 + l;
    }
  }

  /** RDATA of the decoded types must hold exactly what its type says (names may not run past it). */
  private checkRdata(b: Uint8Array, type: number, rd: number, rdEnd: number, m: number): boolean {
    const len = rdEnd - rd;
    let q: number;
    switch (type) {
      case 1: if (len !== 4) { this.#why = `A record length ${len} != 4`; return false; } return true;
      case 28: if (len !== 16) { this.#why = `AAAA record length ${len} != 16`; return false; } return true;
      case 2: case 5: case 12:
        q = this.walkName(b, rd, rdEnd, m, null); break;
      case 15:
        if (len < 3) { this.#why = `MX record length ${len} < 3`; return false; }
        q = this.walkName(b, rd + 2, rdEnd, m, null); break;
      case 33:
        if (len < 7) { this.#why = `SRV record length ${len} < 7`; return false; }
        q = this.walkName(b, rd + 6, rdEnd, m, null); break;
      case 6:
        q = this.walkName(b, rd, rdEnd, m, null);
        if (q >= 0) q = this.walkName(b, q, rdEnd, m, null);
        if (q >= 0 && rdEnd - q < 20) { this.#why = 'SOA record too short'; return false; }
        break;
      case 16:
        for (let p = rd; p < rdEnd; p += 1 + b[p]!) {
          if (p + 1 + b[p]! > rdEnd) { this.#why = 'TXT string past the record'; return false; }
        }
        return true;
      default: return true;
    }
    if (q === NEED) { this.#why = `name runs past the record data`; return false; }
    return q !== BAD;
  }

  /** Message id. */
  get id(): number { return u16(this.cursor.buf, this.msg); }
  /** The 16 flag bits (QR, opcode, AA, TC, RD, RA, Z, AD, CD, RCODE). */
  get flags(): number { return u16(this.cursor.buf, this.msg + 2); }
  /** True for a response. */
  get isResponse(): boolean { return (this.cursor.buf[this.msg + 2]! & 0x80) !== 0; }
  get opcode(): number { return (this.cursor.buf[this.msg + 2]! >> 3) & 15; }
  get authoritative(): boolean { return (this.cursor.buf[this.msg + 2]! & 0x04) !== 0; }
  get truncation(): boolean { return (this.cursor.buf[this.msg + 2]! & 0x02) !== 0; }
  get recursionDesired(): boolean { return (this.cursor.buf[this.msg + 2]! & 0x01) !== 0; }
  get recursionAvailable(): boolean { return (this.cursor.buf[this.msg + 3]! & 0x80) !== 0; }
  get rcode(): number { return this.cursor.buf[this.msg + 3]! & 15; }
  /** Section counts as the header states them (the `*Count` fields give what is present). */
  get questionCount(): number { return u16(this.cursor.buf, this.msg + 4); }
  get answerCount(): number { return u16(this.cursor.buf, this.msg + 6); }
  get authorityCount(): number { return u16(this.cursor.buf, this.msg + 8); }
  get additionalCount(): number { return u16(this.cursor.buf, this.msg + 10); }
  /** Over TCP: the length prefix. */
  get tcpLength(): number | undefined { return this.overTcp ? u16(this.cursor.buf, this.off) : undefined; }

  get questions(): DnsQuestion[] {
    const out: DnsQuestion[] = [];
    for (let i = 0, n = this.qdCount; i < n; i++) {
      const at = this.#rec[i]!, names: string[] = [];
      const p = this.walkName(this.cursor.buf, at, this.end, this.msg, names);
      out.push({ name: joinName(names), type: u16(this.cursor.buf, p), class: u16(this.cursor.buf, p + 2), offset: at - this.base });
    }
    return out;
  }
  get answers(): DnsRecord[] { return this.records(this.qdCount, this.anCount); }
  get authorities(): DnsRecord[] { return this.records(this.qdCount + this.anCount, this.nsCount); }
  get additionals(): DnsRecord[] { return this.records(this.qdCount + this.anCount + this.nsCount, this.arCount); }

  /** The name at absolute offset `at` of this message (labels joined by dots; the root is `.`). */
  nameAt(at: number): string {
    const names: string[] = [];
    const p = this.walkName(this.cursor.buf, at, this.end, this.msg, names);
    return p < 0 ? '' : joinName(names);
  }

  private records(first: number, count: number): DnsRecord[] {
    const out: DnsRecord[] = [], b = this.cursor.buf;
    for (let i = first; i < first + count; i++) {
      const at = this.#rec[i]!, names: string[] = [];
      const p = this.walkName(b, at, this.end, this.msg, names);
      const type = u16(b, p), rd = p + 10, rdLength = u16(b, p + 8);
      const r: DnsRecord = { name: joinName(names), type, class: u16(b, p + 2), ttl: u32(b, p + 4), offset: at - this.base, rdOffset: rd - this.base, rdLength };
      const data = this.rdata(type, rd, rdLength);
      if (data !== undefined) r.data = data;
      out.push(r);
    }
    return out;
  }

  private rdata(type: number, rd: number, len: number): DnsRecord['data'] {
    const b = this.cursor.buf;
    switch (type) {
      case 1: return ipv4ToString(b, rd);
      case 28: return ipv6ToString(b, rd);
      case 2: case 5: case 12: return this.nameAt(rd);
      case 15: return { preference: u16(b, rd), exchange: this.nameAt(rd + 2) };
      case 33: return { priority: u16(b, rd), weight: u16(b, rd + 2), port: u16(b, rd + 4), target: this.nameAt(rd + 6) };
      case 6: {
        const n1: string[] = [], n2: string[] = [];
        const q = this.walkName(b, rd, rd + len, this.msg, n1);
        const r = this.walkName(b, q, rd + len, this.msg, n2);
        return { mname: joinName(n1), rname: joinName(n2), serial: u32(b, r), refresh: u32(b, r + 4), retry: u32(b, r + 8), expire: u32(b, r + 12), minimum: u32(b, r + 16) };
      }
      case 16: {
        const out: string[] = [];
        for (let p = rd; p < rd + len; p += 1 + b[p]!) out.push(latin1(b, p + 1, b[p]!));
        return out;
      }
      default: return undefined;
    }
  }

  // For the text printer, which reads the message as tcpdump's domain_print does: by index from the
  // DNS header (`data(i)` for names and text, the `field` sub-view for fixed fields), checked.
  /** The sub-view `at(i)` points at message index `i`. */
  readonly field: DnsField = new DnsField(this.cursor);
  /**
   * Where the printer's indexes count from: the DNS header, after the length prefix when `overTcp`.
   * The port the printer was reached by says which; a view decoded on demand (-T domain) cannot know.
   */
  frameForPrinting(overTcp: boolean): void { this.msg = this.off + (overTcp ? DNS_TCP_PREFIX_LENGTH : 0); }
  /** The TCP length prefix, checked. */
  get prefixLength(): number { const o = this.off; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  /** Message byte `i` (from the DNS header), checked: names, text, hex. */
  data(i: number): number { const o = this.msg + i; if (o >= this.end || i < 0) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** True when message bytes [0, n) were captured. */
  dataCaptured(n: number): boolean { return this.msg + n <= this.end; }
  /** Message bytes captured (from the DNS header). */
  get messageCaptured(): number { return this.end > this.msg ? this.end - this.msg : 0; }
  /** The `field` sub-view pointed at message index `i`. */
  at(i: number): DnsField { return this.field.point(this.msg + i, this.end); }
  /** 16-bit word `i` of the header (0 id, 1 flags, 2–5 the section counts), checked. */
  headerWord(k: number): number { const o = this.msg + 2 * k; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }

  /** tcpdump's ns_nskip: the index after the name at message index `i`, or -1 when it cannot be skipped. */
  skipName(i: number): number {
    const b = this.cursor.buf, m = this.msg, end = this.end;
    let p = m + i;
    if (p + 1 > end) return -1;
    let l = b[p++]!;
    while (l !== 0) {
      switch (l & 0xc0) {
        case 0xc0: return p + 1 - m;
        case 0x40: {
          if ((l & 0x3f) !== 1) return -1;              // only bit-string labels are defined
          if (p + 1 > end) return -1;
          const bitlen = b[p]! || 256;
          p += 1 + ((bitlen + 7) >> 3);
          break;
        }
        case 0x80: return -1;
        default: p += l;
      }
      if (p + 1 > end) return -1;
      l = b[p++]!;
    }
    return p - m;
  }

  /**
   * The extended RCODE as tcpdump finds it: the header's 4 bits, plus the upper 8 from an OPT
   * record's TTL when the records before it can be skipped within the capture.
   */
  extendedRcode(rcode: number): number {
    const b = this.cursor.buf, m = this.msg, end = this.end;
    const qd = this.headerWord(2), anNs = this.headerWord(3) + this.headerWord(4), ar = this.headerWord(5);
    let i = DNS_HEADER_LENGTH;
    for (let k = 0; k < qd; k++) {
      i = this.skipName(i);
      if (i === -1) return rcode;
      i += DNS_QUESTION_FIXED_LENGTH;
      if (m + i >= end) return rcode;
    }
    for (let k = 0; k < anNs; k++) {
      i = this.skipName(i);
      if (i === -1) return rcode;
      i += 8;
      if (m + i + 2 > end) return rcode;
      i += 2 + u16(b, m + i);
      if (m + i >= end) return rcode;
    }
    for (let k = 0; k < ar; k++) {
      i = this.skipName(i);
      if (i === -1 || m + i + 2 > end) return rcode;
      const type = u16(b, m + i);
      i += 4;
      if (m + i + 1 > end) return rcode;
      if (type === 41) return rcode | (b[m + i]! << 4);
      i += 4;
      if (m + i + 2 > end) return rcode;
      i += 2 + u16(b, m + i);
      if (m + i >= end) return rcode;
    }
    return rcode;
  }

  toJSON(): object {
    return {
      offset: this.offset, length: this.length, id: this.id, flags: this.flags, ...(this.overTcp ? { tcpLength: this.tcpLength } : {}),
      questions: this.questions.map(({ offset: _o, ...q }) => q),
      answers: this.answers.map(plainRecord), authorities: this.authorities.map(plainRecord), additionals: this.additionals.map(plainRecord),
    };
  }
}

const sectionNames = ['question', 'answer', 'authority record', 'additional record'];

function plainRecord(r: DnsRecord): object {
  return { name: r.name, type: r.type, class: r.class, ttl: r.ttl, rdLength: r.rdLength, ...(r.data !== undefined ? { data: r.data } : {}) };
}

function joinName(labels: string[]): string { return labels.length === 0 ? '.' : labels.join('.'); }

/** A TXT character-string as it is (one char per byte). */
function latin1(b: Uint8Array, p: number, l: number): string {
  let s = '';
  for (let i = p; i < p + l; i++) s += String.fromCharCode(b[i]!);
  return s;
}

/** A label as text: printable ASCII as is, the rest as `\DDD` (RFC 4343 presentation format). */
function label(b: Uint8Array, p: number, l: number): string {
  let s = '';
  for (let i = p; i < p + l; i++) {
    const ch = b[i]!;
    if (ch === 0x2e || ch === 0x5c) s += '\\' + String.fromCharCode(ch);
    else if (ch > 0x20 && ch < 0x7f) s += String.fromCharCode(ch);
    else s += '\\' + String(ch).padStart(3, '0');
  }
  return s;
}
