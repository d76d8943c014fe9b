// NetBIOS over TCP/IP (RFC 1001/1002): the name service (UDP 137: a DNS-like header and records whose
// names are NetBIOS names in "first-level encoding", 32 letters A-P for 16 bytes), the datagram
// service (UDP 138: a header, the source and destination names, then the user data — SMB for the
// browser and mailslots) and the session service (TCP 139: a 4-byte header, then SMB in session
// messages). SMB over TCP 445 ("direct hosting") keeps only the session message's 4-byte header (a
// zero byte and a 24-bit length): one view class, NetbiosSession, serves both.
import { u16 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { SmbBytes, smbLayer } from './smb.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const NBNS = Layer.NetbiosNs, NBDGM = Layer.NetbiosDgm, NBSS = Layer.NetbiosSsn, SMB_DIRECT = Layer.SmbDirect;

/** Bytes of the name service header (as DNS's). */
export const NBNS_HEADER_LENGTH = 12;
/** Bytes of the datagram header every datagram type has (type, flags, ID, source IP and port). */
export const NBDGM_HEADER_LENGTH = 10;
/** Bytes of the session service header (and of SMB over TCP 445's length prefix). */
export const NBSS_HEADER_LENGTH = 4;

/**
 * Index past the NetBIOS name (a DNS-style label sequence, or a 2-byte compression pointer) at
 * `o`, or -1 when it runs past `end`. For finding where a datagram's names end; allocates nothing.
 */
export function netbiosNameEnd(b: Uint8Array, o: number, end: number): number {
  if (o >= end) return -1;
  if ((b[o]! & 0xc0) === 0xc0) return o + 2 <= end ? o + 2 : -1;
  for (let n = 0; n < 64 && o < end; n++) {
    const len = b[o]!;
    if (len === 0) return o + 1;
    if ((len & 0xc0) !== 0) return -1;
    o += len + 1;
  }
  return -1;
}

/**
 * The NetBIOS name at `o` decoded from its first-level encoding (RFC 1001 14.1): the 15 characters
 * with trailing spaces dropped and the 16th byte, the name's type (0x00 workstation, 0x20 server,
 * 0x1d master browser…); undefined where it is not a 32-letter A-P label (or not captured).
 */
export function netbiosName(b: Uint8Array, o: number, end: number): { name: string; type: number } | undefined {
  if (o + 33 > end || b[o] !== 32) return undefined;
  let name = '';
  let type = 0;
  for (let i = 0; i < 16; i++) {
    const hi = b[o + 1 + 2 * i]! - 0x41, lo = b[o + 2 + 2 * i]! - 0x41;
    if (hi < 0 || hi > 15 || lo < 0 || lo > 15) return undefined;
    const ch = (hi << 4) | lo;
    if (i === 15) type = ch; else name += String.fromCharCode(ch);
  }
  return { name: name.replace(/ +$/, ''), type };
}

/** A name service message (UDP 137): the header; `bytes` walks the question and resource records. */
export class NetbiosNs extends LayerView {
  readonly layer = NBNS;
  /** For walking the records (the printer points it). */
  readonly bytes: SmbBytes = new SmbBytes(this.cursor);

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < NBNS_HEADER_LENGTH) return c.short(NBNS, o, NBNS_HEADER_LENGTH);
    this.headerLength = NBNS_HEADER_LENGTH;
    c.mark(NBNS);
    c.off = o + NBNS_HEADER_LENGTH;
    return 0;
  }

  #u8(i: number): number { const o = this.off + i; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  #u16(i: number): number { const o = this.off + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }

  get transactionId(): number { return this.#u16(0); }
  /** True for a response (the R bit). */
  get isResponse(): boolean { return (this.#u8(2) & 0x80) !== 0; }
  /** 0 query, 5 registration, 6 release, 7 WACK, 8/9 refresh, 15 multi-homed registration. */
  get opcode(): number { return (this.#u8(2) >> 3) & 0xf; }
  /** NM_FLAGS, as tcpdump shows them: AA 0x40, TC 0x20, RD 0x10, RA 0x08, B (broadcast) 0x01. */
  get nmFlags(): number { return ((this.#u8(2) & 7) << 4) + (this.#u8(3) >> 4); }
  /** True for a broadcast (the B flag). */
  get broadcast(): boolean { return (this.nmFlags & 1) !== 0; }
  get rcode(): number { return this.#u8(3) & 0xf; }
  get questionCount(): number { return this.#u16(4); }
  get answerCount(): number { return this.#u16(6); }
  get authorityCount(): number { return this.#u16(8); }
  get additionalCount(): number { return this.#u16(10); }

  toJSON(): object {
    const q = this.questionCount > 0 ? netbiosName(this.cursor.buf, this.off + NBNS_HEADER_LENGTH, this.end) : undefined;
    return {
      offset: this.offset, length: this.length, transactionId: this.transactionId, response: this.isResponse, opcode: this.opcode,
      nmFlags: this.nmFlags, rcode: this.rcode, questionCount: this.questionCount, answerCount: this.answerCount,
      authorityCount: this.authorityCount, additionalCount: this.additionalCount,
      ...(q !== undefined ? { name: q.name, nameType: q.type } : {}),
    };
  }
}

/** A datagram service message (UDP 138): the header, for data datagrams the names; SMB after them. */
export class NetbiosDgm extends LayerView {
  readonly layer = NBDGM;
  /** For walking the message as tcpdump's format does (the printer points it). */
  readonly bytes: SmbBytes = new SmbBytes(this.cursor);
  /** Where the destination name starts (data datagrams decoded in full; else 0). */
  #destinationAt = 0;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0; this.#destinationAt = 0;
    if (c.end - o < NBDGM_HEADER_LENGTH) return c.short(NBDGM, o, NBDGM_HEADER_LENGTH);
    const b = c.buf;
    const type = b[o]!;
    if (type < 0x10 || type > 0x16) return c.invalid(NBDGM, o, `message type 0x${type.toString(16)} is not a datagram type`);
    let h = NBDGM_HEADER_LENGTH;
    if (type <= 0x12) {
      // Direct unique, direct group, broadcast: length, packet offset, source and destination names.
      if (c.end - o < 14) return c.short(NBDGM, o, 14);
      const src = netbiosNameEnd(b, o + 14, c.end);
      if (src < 0) return c.short(NBDGM, o, c.end - o + 1, 'source name');
      const dst = netbiosNameEnd(b, src, c.end);
      if (dst < 0) return c.short(NBDGM, o, c.end - o + 1, 'destination name');
      this.#destinationAt = src;
      h = dst - o;
    } else if (type === 0x13) {
      if (c.end - o < 11) return c.short(NBDGM, o, 11);
      h = 11;                                       // error: an error code
    } else {
      const dst = netbiosNameEnd(b, o + 10, c.end); // queries: a destination name
      if (dst < 0) return c.short(NBDGM, o, c.end - o + 1, 'destination name');
      h = dst - o;
    }
    this.headerLength = h;
    c.mark(NBDGM);
    c.off = o + h;
    return type <= 0x12 ? smbLayer(b, o + h, c.end) : 0;
  }

  #u8(i: number): number { const o = this.off + i; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  #u16(i: number): number { const o = this.off + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }

  /** 0x10 direct unique, 0x11 direct group, 0x12 broadcast, 0x13 error, 0x14-0x16 queries and responses. */
  get messageType(): number { return this.#u8(0); }
  /** Flags (0x01 more fragments, 0x02 first fragment, 0x0c the sender's node type). */
  get flags(): number { return this.#u8(1); }
  get datagramId(): number { return this.#u16(2); }
  /** The source IP address, dotted. */
  get sourceIp(): string { return `${this.#u8(4)}.${this.#u8(5)}.${this.#u8(6)}.${this.#u8(7)}`; }
  get sourcePort(): number { return this.#u16(8); }
  /** Data datagrams: the length of the names and user data. */
  get datagramLength(): number | undefined { const t = this.messageType; return t >= 0x10 && t <= 0x12 ? this.#u16(10) : undefined; }
  /** Data datagrams: the offset of this fragment's data. */
  get packetOffset(): number | undefined { const t = this.messageType; return t >= 0x10 && t <= 0x12 ? this.#u16(12) : undefined; }
  /** Error datagrams: 0x82 destination name not present, 0x83 invalid source name, 0x84 invalid destination name. */
  get errorCode(): number | undefined { return this.messageType === 0x13 ? this.#u8(10) : undefined; }

  toJSON(): object {
    const t = this.messageType;
    const b = this.cursor.buf;
    const src = t >= 0x10 && t <= 0x12 ? netbiosName(b, this.off + 14, this.end) : undefined;
    const dst = this.#destinationAt > 0 ? netbiosName(b, this.#destinationAt, this.end)
      : t >= 0x14 ? netbiosName(b, this.off + 10, this.end) : undefined;
    return {
      offset: this.offset, length: this.length, messageType: t, flags: this.flags, datagramId: this.datagramId,
      sourceIp: this.sourceIp, sourcePort: this.sourcePort,
      ...(t >= 0x10 && t <= 0x12 ? { datagramLength: this.datagramLength, packetOffset: this.packetOffset } : {}),
      ...(t === 0x13 ? { errorCode: this.errorCode } : {}),
      ...(src !== undefined ? { sourceName: src.name, sourceNameType: src.type } : {}),
      ...(dst !== undefined ? { destinationName: dst.name, destinationNameType: dst.type } : {}),
    };
  }
}

/**
 * A session service message (TCP 139: type, flags, 17-bit length) or SMB over TCP 445's length
 * prefix (a zero byte, a 24-bit length). The length bounds what follows; a session message (type 0)
 * or a 445 message carries SMB.
 */
export class NetbiosSession extends LayerView {
  /** For walking a session request's names as tcpdump's format does (the printer points it). */
  readonly bytes: SmbBytes = new SmbBytes(this.cursor);

  constructor(c: Cursor, readonly layer: typeof NBSS | typeof SMB_DIRECT) { super(c); }

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    const layer = this.layer;
    if (c.end - o < NBSS_HEADER_LENGTH) return c.short(layer, o, NBSS_HEADER_LENGTH);
    const b = c.buf;
    const type = b[o]!;
    let len: number;
    if (layer === NBSS) {
      if (type !== 0 && (type < 0x81 || type > 0x85)) return c.invalid(layer, o, `type 0x${type.toString(16)} is not a session message type (a continuation?)`);
      len = ((b[o + 1]! & 1) << 16) | u16(b, o + 2);
      // A negative response's error code is part of its header.
      if (type === 0x83 && c.end - o < NBSS_HEADER_LENGTH + 1) return c.short(layer, o, NBSS_HEADER_LENGTH + 1, 'error code');
    } else {
      len = (b[o + 1]! << 16) | u16(b, o + 2);
    }
    this.headerLength = layer === NBSS && type === 0x83 ? NBSS_HEADER_LENGTH + 1 : NBSS_HEADER_LENGTH;
    c.mark(layer);
    c.off = o + this.headerLength;
    if (o + NBSS_HEADER_LENGTH + len < c.end) c.end = o + NBSS_HEADER_LENGTH + len;
    return type === 0 ? smbLayer(b, c.off, c.end) : 0;
  }

  #u8(i: number): number { const o = this.off + i; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }

  /** 0x00 session message, 0x81 request, 0x82 positive response, 0x83 negative response, 0x84 retarget, 0x85 keepalive (445: 0). */
  get messageType(): number { return this.#u8(0); }
  /** The length of what follows the 4-byte header. */
  get messageLength(): number {
    const hi = this.#u8(1), l = (this.#u8(2) << 8) | this.#u8(3);
    return this.layer === NBSS ? ((hi & 1) << 16) | l : (hi << 16) | l;
  }
  /** Negative response: 0x80 not listening on called name, 0x81 not listening for calling name, 0x82 called name not present, 0x83 insufficient resources. */
  get errorCode(): number | undefined { return this.layer === NBSS && this.messageType === 0x83 ? this.#u8(4) : undefined; }

  toJSON(): object {
    const t = this.messageType;
    const b = this.cursor.buf;
    let names: object = {};
    if (this.layer === NBSS && t === 0x81) {
      const called = netbiosName(b, this.off + 4, this.end);
      const callingAt = netbiosNameEnd(b, this.off + 4, this.end);
      const calling = callingAt > 0 ? netbiosName(b, callingAt, this.end) : undefined;
      names = { ...(called ? { calledName: called.name, calledNameType: called.type } : {}), ...(calling ? { callingName: calling.name, callingNameType: calling.type } : {}) };
    }
    return {
      offset: this.offset, length: this.length, ...(this.layer === NBSS ? { messageType: t } : {}), messageLength: this.messageLength,
      ...names, ...(this.errorCode !== undefined ? { errorCode: this.errorCode } : {}),
    };
  }
}
