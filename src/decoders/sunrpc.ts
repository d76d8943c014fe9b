// ONC/Sun RPC (RFC 5531) and the NFS v2/v3 (RFC 1094/1813) messages it carries: NFS on UDP and
// TCP port 2049 (on TCP after a 4-byte record mark). A message is XDR: 32-bit big-endian words.
// Call: xid, direction 0, RPC version, program, version, procedure, credentials and verifier
// (flavor, length, opaque body each), arguments. Reply: xid, direction 1, reply status, then the
// verifier and accept status (accepted) or the reject status and its details (denied), results.
import { u16, u16le, u32, u32le } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const SUNRPC = Layer.SunRpc;
const RPC_RECORD_MARK = Layer.RpcRecordMark;

/** Bytes of the xid and direction every message starts with. */
export const SUNRPC_MIN_LENGTH = 8;
/** Bytes of tcpdump's struct sunrpc_msg (a call's fixed part with both opaque_auth headers). */
export const SUNRPC_MSG_LENGTH = 40;
/** Bytes of the record mark before each message on TCP (last-fragment bit and fragment length). */
export const RPC_RECORD_MARK_LENGTH = 4;
/** Bytes of an NFS v2 file handle. */
export const NFS_V2_FH_LENGTH = 32;
/** Bytes of the v2 and v3 file attributes (fattr). */
export const NFS_V2_FATTR_LENGTH = 68;
export const NFS_V3_FATTR_LENGTH = 84;
/** Bytes of the v2 and v3 file system statistics, v3 fsinfo and pathconf results. */
export const NFS_V2_STATFS_LENGTH = 20;
export const NFS_V3_STATFS_LENGTH = 52;
export const NFS_V3_FSINFO_LENGTH = 48;
export const NFS_V3_PATHCONF_LENGTH = 24;

/** Message directions. */
export const RpcDirection = { Call: 0, Reply: 1 } as const;

/**
 * XDR data inside a message, read by 32-bit word from where the printer points it: the NFS
 * arguments and results it walks (statuses, counts, offsets, and the fixed structures' fields).
 */
export class XdrWords extends FieldView {
  /** True when `n` bytes from byte index `i` were captured (tcpdump's ND_TTEST_LEN / ND_TCHECK_LEN). */
  captured4(i: number, n: number): boolean { return n >= 0 && i >= 0 && this.off + i + n <= this.end; }
  /** The unsigned word at word index `w`. */
  word(w: number): number { const o = this.off + 4 * w; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  /** The signed word at word index `w` (uids and gids, as tcpdump prints them). */
  signedWord(w: number): number { return this.word(w) | 0; }
  /** The 64-bit hyper at word index `w`. */
  hyper(w: number): bigint { const hi = this.word(w), lo = this.word(w + 1); return (BigInt(hi) << 32n) | BigInt(lo); }
}

/**
 * An NFS file handle, pointed at its first byte with its length in words: the fields tcpdump's
 * Parse_fh (parsenfsfh.c) guesses from the layouts of the servers it knows.
 */
export class NfsFileHandle extends FieldView {
  #u8(i: number): number { const o = this.off + i; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  #be16(i: number): number { const o = this.off + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  #be24(i: number): number { return (this.#be16(i) << 8) | this.#u8(i + 2); }
  #be32(i: number): number { const o = this.off + i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  #le16(i: number): number { const o = this.off + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16le(this.cursor.buf, o); }
  #le32(i: number): number { const o = this.off + i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32le(this.cursor.buf, o); }

  /** The word at word index `w` (tcpdump -u prints handles so). */
  word(w: number): number { return this.#be32(4 * w); }

  /**
   * Parse_fh for a handle of `len` words: the server's file system name (VMS: text from the handle;
   * unknown layouts: `Unknown`), the device major/minor, the inode, and for an unknown layout the
   * handle in hex (up to 32 bytes). Reads in Parse_fh's order, checked.
   */
  parse(len: number): { fsName: string | undefined; major: number; minor: number; ino: number; opaque: string } {
    const b = (i: number): number => this.#u8(i);
    let type = 'unknown';
    if (len >= 4) {
      if (b(0) === 0 && b(1) === 0) {
        if (b(2) === 0 && b(3) === 0) type = 'auspex';
        else if (b(4) !== 0 && b(5) === 0 && b(8) === 12 && b(9) === 0) type = 'decosf';
        else if (b(4) === 0 && b(5) === 8 && b(6) === 0 && b(7) === 0) type = 'irix4';
        else type = 'sunos4';
      } else if (b(2) === 0 && b(3) === 0) {
        if (b(6) === 0 && b(7) === 0) type = 'bsd44';
        else if (len >= 6 && b(21) === 0 && b(23) === 0) type = 'ultrix';
        else if (b(9) === 10) type = 'sunos5';
      } else if (b(8) === 12 && b(9) === 0) type = 'decosf';
      else if (b(8) === 0 && b(9) === 10) {
        if (b(7) === 0 && b(6) === 0 && b(5) === 0 && b(4) === 0) type = 'hpux9';
        else type = 'sunos5';
      } else if (this.#isUcx(len)) type = 'vmsucx';
    }
    let major = 0, minor = 0, ino = 0, opaque = '', fsName: string | undefined;
    switch (type) {
      case 'auspex': minor = b(7); major = b(6); ino = this.#be32(12); break;
      case 'bsd44': minor = b(0); major = b(1); ino = this.#le32(12); break;
      case 'decosf': { this.#le32(4); const t = this.#le32(0); minor = t & 0xfffff; major = (t >>> 20) & 0xfff; ino = this.#le32(12); break; }
      case 'irix4': minor = b(3); major = b(2); ino = this.#be32(8); break;
      case 'sunos4': minor = b(3); major = b(2); this.#be32(4); ino = this.#be32(12); break;
      case 'sunos5': major = (this.#be16(0) >> 2) & 0x3fff; minor = this.#be24(1) & 0x3ffff; this.#be32(4); ino = this.#be32(12); break;
      case 'ultrix': minor = b(0); major = b(1); ino = this.#le32(4); break;
      case 'vmsucx': {
        // tcpdump copies the handle's first 14 bytes over its fsid structure (minor, major: host order, little-endian here).
        minor = this.#le32(0); major = this.#le32(4);
        ino = ((b(26) << 24) | (b(27) << 16) | this.#le16(22)) >>> 0;
        // The server's device name from byte 1, as strncpy copies it: at most `len` characters, up to a NUL.
        let s = '';
        for (let i = 0; i < len; i++) { const ch = b(1 + i); if (ch === 0) break; s += String.fromCharCode(ch); }
        fsName = s;
        break;
      }
      case 'hpux9': major = b(0); minor = this.#be24(1); this.#be32(4); ino = this.#be32(12); break;
      default:
        for (let i = 0; i < len * 4 && i * 2 < 64; i++) opaque += b(i).toString(16).toUpperCase().padStart(2, '0');
        minor = 257; major = 257; ino = 1; fsName = 'Unknown';
    }
    return { fsName, major, minor, ino, opaque };
  }

  /** is_UCX: bytes 1-13 printable ASCII then NULs (a VMS device name). */
  #isUcx(len: number): boolean {
    if (len < 7) return false;
    let seenNull = false;
    for (let i = 1; i < 14; i++) {
      const ch = this.#u8(i);
      if (ch >= 0x20 && ch < 0x7f) { if (seenNull) return false; }
      else if (ch === 0) seenNull = true;
      else return false;
    }
    return true;
  }
}

/** A Sun RPC message: the header's getters, and sub-views for the NFS data and file handles. */
export class SunRpc extends LayerView {
  readonly layer = SUNRPC;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < SUNRPC_MIN_LENGTH) return c.short(SUNRPC, o, SUNRPC_MIN_LENGTH);
    const dir = u32(c.buf, o + 4);
    if (dir > 1) return c.invalid(SUNRPC, o, `direction ${dir} is neither call (0) nor reply (1)`);
    this.headerLength = SUNRPC_MIN_LENGTH;
    c.mark(SUNRPC);
    c.off = o + SUNRPC_MIN_LENGTH;
    return 0;
  }

  #word(i: number): number { const o = this.off + 4 * i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  /** True when the word at word index `i` was captured. */
  wordCaptured(i: number): boolean { return this.off + 4 * i + 4 <= this.end; }
  get xid(): number { return this.#word(0); }
  /** 0 call, 1 reply. */
  get direction(): number { return this.#word(1); }
  // Call
  get rpcVersion(): number { return this.#word(2); }
  get program(): number { return this.#word(3); }
  get programVersion(): number { return this.#word(4); }
  get procedure(): number { return this.#word(5); }
  /** Absolute index of the call's credentials (flavor, length, body), then the verifier. */
  get credentialsOffset(): number { return this.off + 24; }
  // Reply
  /** 0 accepted, 1 denied. */
  get replyStatus(): number { return this.#word(2); }
  /** Denied: 0 RPC version mismatch, 1 authentication error. */
  get rejectStatus(): number { return this.#word(3); }
  get mismatchLow(): number { return this.#word(4); }
  get mismatchHigh(): number { return this.#word(5); }
  get authError(): number { return this.#word(4); }
  /** Accepted: absolute index of the verifier (flavor, length, body), then the accept status. */
  get verifierOffset(): number { return this.off + 12; }

  /** XDR words (arguments, results, opaque lengths): the printer points it where it reads. */
  readonly xdr: XdrWords = new XdrWords(this.cursor);
  /** A file handle. */
  readonly fileHandle: NfsFileHandle = new NfsFileHandle(this.cursor);

  toJSON(): object {
    const dir = this.direction;
    return {
      offset: this.offset, length: this.length, xid: this.xid, direction: dir,
      ...(dir === 0 && this.wordCaptured(5)
        ? { rpcVersion: this.rpcVersion, program: this.program, programVersion: this.programVersion, procedure: this.procedure }
        : dir === 1 && this.wordCaptured(2) ? { replyStatus: this.replyStatus } : {}),
    };
  }
}

/** The record mark before an RPC message on TCP (RFC 5531 §11). */
export class RpcRecordMark extends LayerView {
  readonly layer = RPC_RECORD_MARK;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < RPC_RECORD_MARK_LENGTH) return c.short(RPC_RECORD_MARK, o, RPC_RECORD_MARK_LENGTH);
    this.headerLength = RPC_RECORD_MARK_LENGTH;
    c.mark(RPC_RECORD_MARK);
    c.off = o + RPC_RECORD_MARK_LENGTH;
    return c.end - c.off >= SUNRPC_MIN_LENGTH ? SUNRPC : 0;
  }

  /** The fragment's length (the mark without its last-fragment bit). */
  get fragmentLength(): number { const o = this.off; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o) & 0x7fffffff; }
  /** True on the record's last fragment. */
  get lastFragment(): boolean { const o = this.off; if (o + 4 > this.end) throw NOT_CAPTURED; return (this.cursor.buf[o]! & 0x80) !== 0; }
  /** Absolute index of the RPC message. */
  get messageOffset(): number { return this.off + RPC_RECORD_MARK_LENGTH; }

  toJSON(): object {
    return { offset: this.offset, length: this.length, fragmentLength: this.fragmentLength, lastFragment: this.lastFragment };
  }
}
