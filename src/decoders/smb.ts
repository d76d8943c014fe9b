// SMB (Server Message Block): the SMBv1 header (MS-CIFS 2.2.3.1: "\xffSMB", command, status,
// flags, flags2, tid/pid/uid/mid, then the parameter words and the data bytes) and the SMB2/3
// header (MS-SMB2 2.2.1: "\xfeSMB", 64 bytes). SMB rides on NetBIOS sessions (TCP 139, after the
// NBSS header), directly on TCP 445 (a 4-byte length prefix), and in NetBIOS datagrams (UDP 138:
// browser announcements, mailslots).
import { u16le, u32le } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const SMB = Layer.Smb, SMB2 = Layer.Smb2;

/** Bytes of the SMBv1 header before the word count. */
export const SMB_HEADER_LENGTH = 32;
/** Bytes of the SMB2/3 header. */
export const SMB2_HEADER_LENGTH = 64;

/** The protocol signature of an SMB message at `o`: 1 for "\xffSMB", 2 for "\xfeSMB" (SMB2/3), 0 for neither (or not captured). */
export function smbMagic(b: Uint8Array, o: number, end: number): 0 | 1 | 2 {
  if (o + 4 > end || b[o + 1] !== 0x53 || b[o + 2] !== 0x4d || b[o + 3] !== 0x42) return 0;
  return b[o] === 0xff ? 1 : b[o] === 0xfe ? 2 : 0;
}

/** The layer of the SMB message at `o` (Smb, Smb2), or 0: for the NetBIOS views' `decode()`. */
export function smbLayer(b: Uint8Array, o: number, end: number): number {
  const m = smbMagic(b, o, end);
  return m === 1 ? SMB : m === 2 ? SMB2 : 0;
}

/**
 * Checked little- and big-endian reads from a point in an SMB or NetBIOS message, for walking what
 * tcpdump walks with a format string (smbutil.c's smb_fdata: each `[u]`, `[W]`, `[n1]` reads the
 * next field of a layout the format describes). The printer points it at the message and reads by
 * index; a read past `end` throws NOT_CAPTURED (tcpdump's GET_* past the snapshot end).
 */
export class SmbBytes extends FieldView {
  /** Byte `i`. */
  u8(i: number): number { const o = this.off + i; if (o >= this.end || i < 0) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** 16 bits at `i`, little-endian (SMB's order). */
  u16le(i: number): number { const o = this.off + i; if (o + 2 > this.end || i < 0) throw NOT_CAPTURED; return u16le(this.cursor.buf, o); }
  /** 16 bits at `i`, big-endian (NetBIOS's order). */
  u16be(i: number): number { const o = this.off + i; if (o + 2 > this.end || i < 0) throw NOT_CAPTURED; const b = this.cursor.buf; return (b[o]! << 8) | b[o + 1]!; }
  /** 24 bits at `i`, big-endian (SMB over TCP 445's length). */
  u24be(i: number): number { const o = this.off + i; if (o + 3 > this.end || i < 0) throw NOT_CAPTURED; const b = this.cursor.buf; return (b[o]! << 16) | (b[o + 1]! << 8) | b[o + 2]!; }
  /** 32 bits at `i`, little-endian. */
  u32le(i: number): number { const o = this.off + i; if (o + 4 > this.end || i < 0) throw NOT_CAPTURED; return u32le(this.cursor.buf, o); }
  /** 32 bits at `i`, big-endian. */
  u32be(i: number): number {
    const o = this.off + i; if (o + 4 > this.end || i < 0) throw NOT_CAPTURED;
    const b = this.cursor.buf; return ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
  }
  /** True when the 4 bytes at `i` are SMBv1's signature, "\xffSMB" (checked). */
  isSmb1At(i: number): boolean { return this.u8(i) === 0xff && this.u8(i + 1) === 0x53 && this.u8(i + 2) === 0x4d && this.u8(i + 3) === 0x42; }
  /** 64 bits at `i` in the given order. */
  u64(i: number, bigEndian: boolean): bigint {
    const a = bigEndian ? this.u32be(i) : this.u32le(i), b = bigEndian ? this.u32be(i + 4) : this.u32le(i + 4);
    return bigEndian ? (BigInt(a) << 32n) | BigInt(b) : (BigInt(b) << 32n) | BigInt(a);
  }
}

/**
 * An SMBv1 message: the 32-byte header, the word count and parameter words, the byte count. The
 * header and the counts are proved by `decode()`; `bytes` reads the rest (the command's own
 * parameters and data, AndX chains, transaction parameters at their offsets) for the printer.
 */
export class Smb extends LayerView {
  readonly layer = SMB;
  /** For the printer's walk through the message (points it itself). */
  readonly bytes: SmbBytes = new SmbBytes(this.cursor);

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < SMB_HEADER_LENGTH + 1) return c.short(SMB, o, SMB_HEADER_LENGTH + 1);
    const b = c.buf;
    if (smbMagic(b, o, c.end) !== 1) return c.invalid(SMB, o, 'no \\xffSMB signature');
    const params = SMB_HEADER_LENGTH + 1 + 2 * b[o + SMB_HEADER_LENGTH]!;
    if (c.end - o < params + 2) return c.short(SMB, o, params + 2, 'parameter words and byte count');
    this.headerLength = params + 2;
    c.mark(SMB);
    c.off = o + this.headerLength;
    return 0;
  }

  /** Byte `i` of the message, checked (for the header getters of a cut header). */
  #u8(i: number): number { const o = this.off + i; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  #u16(i: number): number { const o = this.off + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16le(this.cursor.buf, o); }
  #u32(i: number): number { const o = this.off + i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32le(this.cursor.buf, o); }

  /** The command (0x72 negotiate, 0x73 session setup AndX, 0x75 tree connect AndX, 0x25 transaction…). */
  get command(): number { return this.#u8(4); }
  /** The 32-bit status: an NT status when `ntStatusCodes`, else error class (low byte), reserved, error code (high 16 bits). */
  get status(): number { return this.#u32(5); }
  /** DOS error class (status byte 0: 1 ERRDOS, 2 ERRSRV, 3 ERRHRD, 0xff ERRCMD). */
  get errorClass(): number { return this.#u8(5); }
  /** DOS error code (status bytes 2-3). */
  get errorCode(): number { return this.#u16(7); }
  /** Flags (0x80: a reply; 0x08 case-insensitive paths; 0x10 canonical paths; 0x20 oplock…). */
  get flags(): number { return this.#u8(9); }
  /** Flags2 (0x8000 Unicode strings, 0x4000 NT status codes, 0x0800 extended security, 0x0001 long names…). */
  get flags2(): number { return this.#u16(10); }
  /** True for a request (flags bit 0x80 clear). */
  get isRequest(): boolean { return (this.flags & 0x80) === 0; }
  /** True when strings are UTF-16LE (flags2 0x8000). */
  get unicode(): boolean { return (this.flags2 & 0x8000) !== 0; }
  /** True when `status` is an NT status (flags2 0x4000). */
  get ntStatusCodes(): boolean { return (this.flags2 & 0x4000) !== 0; }
  /** The high 16 bits of the process ID. */
  get pidHigh(): number { return this.#u16(12); }
  /** Tree ID. */
  get tid(): number { return this.#u16(24); }
  /** Process ID (low 16 bits). */
  get pid(): number { return this.#u16(26); }
  /** User ID. */
  get uid(): number { return this.#u16(28); }
  /** Multiplex ID. */
  get mid(): number { return this.#u16(30); }
  /** Parameter words that follow. */
  get wordCount(): number { return this.#u8(SMB_HEADER_LENGTH); }
  /** Parameter word `i` (little-endian, checked). */
  word(i: number): number { return this.#u16(SMB_HEADER_LENGTH + 1 + 2 * i); }
  /** Data bytes after the byte count, as the message says. */
  get byteCount(): number { return this.#u16(SMB_HEADER_LENGTH + 1 + 2 * this.wordCount); }

  toJSON(): object {
    const nt = this.ntStatusCodes;
    return {
      offset: this.offset, length: this.length, command: this.command, request: this.isRequest,
      ...(nt ? { ntStatus: this.status } : { errorClass: this.errorClass, errorCode: this.errorCode }),
      flags: this.flags, flags2: this.flags2, tid: this.tid, pid: (this.pidHigh * 65536) + this.pid, uid: this.uid, mid: this.mid,
      wordCount: this.wordCount, byteCount: this.byteCount,
    };
  }
}

/** An SMB2/3 message header (sync or async). */
export class Smb2 extends LayerView {
  readonly layer = SMB2;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < SMB2_HEADER_LENGTH) return c.short(SMB2, o, SMB2_HEADER_LENGTH);
    if (smbMagic(c.buf, o, c.end) !== 2) return c.invalid(SMB2, o, 'no \\xfeSMB signature');
    const size = u16le(c.buf, o + 4);
    if (size !== SMB2_HEADER_LENGTH) return c.invalid(SMB2, o, `header structure size ${size} != 64`);
    this.headerLength = SMB2_HEADER_LENGTH;
    c.mark(SMB2);
    c.off = o + SMB2_HEADER_LENGTH;
    return 0;
  }

  #u16(i: number): number { const o = this.off + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16le(this.cursor.buf, o); }
  #u32(i: number): number { const o = this.off + i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32le(this.cursor.buf, o); }
  #u64(i: number): bigint { return (BigInt(this.#u32(i + 4)) << 32n) | BigInt(this.#u32(i)); }

  /** Credit charge (SMB 2.1 and later; 0 before). */
  get creditCharge(): number { return this.#u16(6); }
  /** NT status (replies; a request's channel sequence in SMB 3). */
  get status(): number { return this.#u32(8); }
  /** The command (0 NEGOTIATE, 1 SESSION_SETUP, 2 LOGOFF, 3 TREE_CONNECT, 5 CREATE, 8 READ, 9 WRITE, 11 IOCTL…). */
  get command(): number { return this.#u16(12); }
  /** Credits requested (request) or granted (reply). */
  get credits(): number { return this.#u16(14); }
  /** Flags (1 SERVER_TO_REDIR: a reply; 2 ASYNC_COMMAND; 4 RELATED_OPERATIONS; 8 SIGNED…). */
  get flags(): number { return this.#u32(16); }
  /** True for a reply. */
  get isReply(): boolean { return (this.flags & 1) !== 0; }
  /** True for the async form (an async ID where the tree ID is). */
  get isAsync(): boolean { return (this.flags & 2) !== 0; }
  /** Offset of the next compounded message from this one (0: the last). */
  get nextCommand(): number { return this.#u32(20); }
  get messageId(): bigint { return this.#u64(24); }
  /** The async ID (async form only). */
  get asyncId(): bigint | undefined { return this.isAsync ? this.#u64(32) : undefined; }
  /** The process ID (sync form only; reserved). */
  get processId(): number | undefined { return this.isAsync ? undefined : this.#u32(32); }
  /** Tree ID (sync form only). */
  get treeId(): number | undefined { return this.isAsync ? undefined : this.#u32(36); }
  get sessionId(): bigint { return this.#u64(40); }
  /** The 16-byte signature, in hex. */
  get signature(): string {
    let s = '';
    for (let i = 48; i < 64; i++) { const o = this.off + i; if (o >= this.end) throw NOT_CAPTURED; s += this.cursor.buf[o]!.toString(16).padStart(2, '0'); }
    return s;
  }

  toJSON(): object {
    const async = this.isAsync;
    return {
      offset: this.offset, length: this.length, command: this.command, reply: this.isReply, status: this.status,
      creditCharge: this.creditCharge, credits: this.credits, flags: this.flags, nextCommand: this.nextCommand,
      messageId: this.messageId.toString(),
      ...(async ? { asyncId: this.asyncId!.toString() } : { processId: this.processId, treeId: this.treeId }),
      sessionId: this.sessionId.toString(), signature: this.signature,
    };
  }
}
