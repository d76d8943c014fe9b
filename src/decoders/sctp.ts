// SCTP (RFC 9260), IP protocol 132: a 12-byte common header (ports, verification tag, CRC32c
// checksum), then chunks, each a type, flags and a 16-bit length (padded to 4 bytes on the wire).
// The SCTP layer is the common header; the chunks are its payload, walked in decode() only to find
// where they end, where one is cut or lies, and which upper layer the first DATA chunk carries
// (ForCES by port or PPID, M3UA by PPID, as tcpdump's print-sctp.c dispatches).
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { Len } from './stop.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const SCTP = Layer.Sctp, FORCES = Layer.Forces, M3UA = Layer.M3ua, LEN_CAPLEN = Len.Caplen;

/** Bytes of the common header (ports, verification tag, checksum). */
export const SCTP_HEADER_LENGTH = 12;
/** Bytes of a chunk's header (type, flags, length). */
export const SCTP_CHUNK_HEADER_LENGTH = 4;
/** Bytes of a DATA chunk's fields after the chunk header (TSN, stream id and sequence, PPID). */
export const SCTP_DATA_FIELDS_LENGTH = 12;
/** Bytes of an INIT / INIT ACK chunk's fixed fields after the chunk header (tag, a_rwnd, streams, initial TSN). */
export const SCTP_INIT_FIELDS_LENGTH = 16;
/** Bytes of a SACK chunk's fixed fields after the chunk header (cumulative TSN, a_rwnd, the two counts). */
export const SCTP_SACK_FIELDS_LENGTH = 12;
/** Bytes of one SACK gap ack block (start and end offsets) or one duplicate TSN. */
export const SCTP_SACK_ENTRY_LENGTH = 4;

/** Chunk types (RFC 9260 §3.2; FORWARD TSN RFC 3758, ASCONF RFC 5061, AUTH RFC 4895, I-DATA RFC 8260, RE-CONFIG RFC 6525). */
export const SctpChunkType = {
  Data: 0, Init: 1, InitAck: 2, Sack: 3, Heartbeat: 4, HeartbeatAck: 5, Abort: 6, Shutdown: 7, ShutdownAck: 8, Error: 9,
  CookieEcho: 10, CookieAck: 11, Ecne: 12, Cwr: 13, ShutdownComplete: 14, Auth: 15, IData: 64, AsconfAck: 0x80, ReConfig: 0x82,
  Pad: 0x84, ForwardTsn: 0xc0, Asconf: 0xc1, IForwardTsn: 0xc2,
} as const;

/** Payload protocol identifiers vcap decodes (IANA "SCTP Payload Protocol Identifiers"). */
export const SctpPpid = { M3ua: 3, ForcesHp: 21, ForcesMp: 22, ForcesLp: 23 } as const;

/** ForCES's SCTP ports (RFC 5811: high, medium and low priority channels). */
export const SCTP_FORCES_PORTS: readonly number[] = [6704, 6705, 6706];

/** True for ForCES's ports 6704-6706 (tcpdump's isForCES_port). */
export function isForcesPort(port: number): boolean { return port >= 6704 && port <= 6706; }
/** True for ForCES's PPIDs 21-23 (high, medium, low priority). */
export function isForcesPpid(ppid: number): boolean { return ppid >= 21 && ppid <= 23; }

/** Bytes each chunk type needs after its header before anything else in it means something (0: none). */
const FIXED = new Uint8Array(256);
FIXED[SctpChunkType.Data] = SCTP_DATA_FIELDS_LENGTH;
FIXED[SctpChunkType.Init] = SCTP_INIT_FIELDS_LENGTH;
FIXED[SctpChunkType.InitAck] = SCTP_INIT_FIELDS_LENGTH;
FIXED[SctpChunkType.Sack] = SCTP_SACK_FIELDS_LENGTH;
FIXED[SctpChunkType.Shutdown] = 4;
FIXED[SctpChunkType.Ecne] = 4;
FIXED[SctpChunkType.Cwr] = 4;
FIXED[SctpChunkType.Auth] = 4;
FIXED[SctpChunkType.IData] = 16;
FIXED[SctpChunkType.AsconfAck] = 4;
FIXED[SctpChunkType.ForwardTsn] = 4;
FIXED[SctpChunkType.Asconf] = 4;
FIXED[SctpChunkType.IForwardTsn] = 4;

/** Chunk names for toJSON and stop details (RFC names). */
const NAMES = new Map<number, string>([
  [0, 'DATA'], [1, 'INIT'], [2, 'INIT ACK'], [3, 'SACK'], [4, 'HEARTBEAT'], [5, 'HEARTBEAT ACK'], [6, 'ABORT'], [7, 'SHUTDOWN'],
  [8, 'SHUTDOWN ACK'], [9, 'ERROR'], [10, 'COOKIE ECHO'], [11, 'COOKIE ACK'], [12, 'ECNE'], [13, 'CWR'], [14, 'SHUTDOWN COMPLETE'],
  [15, 'AUTH'], [64, 'I-DATA'], [0x80, 'ASCONF-ACK'], [0x82, 'RE-CONFIG'], [0x84, 'PAD'], [0xc0, 'FORWARD TSN'], [0xc1, 'ASCONF'],
  [0xc2, 'I-FORWARD-TSN'],
]);
/** The RFC name of chunk type `t` (`0x41` for one vcap does not know). */
export function sctpChunkName(t: number): string { return NAMES.get(t) ?? `0x${t.toString(16).padStart(2, '0')}`; }

/**
 * One chunk, pointed at its first byte (`point(off, end)`) by whoever walks the list: the printer,
 * or `Sctp.chunkAt()`. Every getter is checked (NOT_CAPTURED past `end`); the fields of one type
 * mean nothing for the others. Offsets in the getters' names are from the chunk's first byte.
 */
export class SctpChunk extends FieldView {
  get type(): number { return this.u8(0); }
  get flags(): number { return this.u8(1); }
  /** The chunk's length field: its header and value, not the padding. */
  get length(): number { return this.u16(2); }
  /** Bytes of padding after the chunk (0-3: chunks start on 4-byte boundaries). */
  get padding(): number { const r = this.length & 3; return r === 0 ? 0 : 4 - r; }
  /** Absolute index of the chunk's value (after its header) in `buf`. */
  get valueStart(): number { return this.off + SCTP_CHUNK_HEADER_LENGTH; }
  /** Absolute index just past the chunk and its padding: where the next chunk starts. */
  get nextStart(): number { const n = this.length; return this.off + n + ((4 - (n & 3)) & 3); }
  /** The whole chunk (its length field's bytes from its start) was captured. */
  get complete(): boolean { return this.off + this.length <= this.end; }

  // DATA (0): flags U (unordered), B (beginning), E (ending).
  get unordered(): boolean { return (this.flags & 4) !== 0; }
  get beginning(): boolean { return (this.flags & 2) !== 0; }
  get ending(): boolean { return (this.flags & 1) !== 0; }
  /** DATA: transmission sequence number. */
  get tsn(): number { return this.u32(4); }
  /** DATA: stream identifier. */
  get streamId(): number { return this.u16(8); }
  /** DATA: stream sequence number. */
  get streamSeq(): number { return this.u16(10); }
  /** DATA: payload protocol identifier. */
  get ppid(): number { return this.u32(12); }
  /** DATA: absolute index of the user data in `buf`. */
  get dataStart(): number { return this.off + SCTP_CHUNK_HEADER_LENGTH + SCTP_DATA_FIELDS_LENGTH; }
  /** DATA: bytes of user data (the chunk's length less its header and fields; 0 if it lies). */
  get dataLength(): number { const n = this.length - SCTP_CHUNK_HEADER_LENGTH - SCTP_DATA_FIELDS_LENGTH; return n > 0 ? n : 0; }

  // INIT (1), INIT ACK (2).
  get initiateTag(): number { return this.u32(4); }
  /** INIT/INIT ACK: advertised receiver window credit. */
  get rwnd(): number { return this.u32(8); }
  /** INIT/INIT ACK: number of outbound streams (tcpdump's OS). */
  get outboundStreams(): number { return this.u16(12); }
  /** INIT/INIT ACK: number of inbound streams (tcpdump's MIS). */
  get inboundStreams(): number { return this.u16(14); }
  get initialTsn(): number { return this.u32(16); }
  /** INIT/INIT ACK: absolute index of the optional parameters. */
  get parametersStart(): number { return this.off + SCTP_CHUNK_HEADER_LENGTH + SCTP_INIT_FIELDS_LENGTH; }

  // SACK (3); SHUTDOWN (7) has the cumulative TSN ack alone.
  /** SACK, SHUTDOWN: cumulative TSN ack. */
  get cumulativeTsnAck(): number { return this.u32(4); }
  /** SACK: advertised receiver window credit. */
  get arwnd(): number { return this.u32(8); }
  get gapBlockCount(): number { return this.u16(12); }
  get dupTsnCount(): number { return this.u16(14); }
  /** SACK: gap ack block `i`'s start, as an offset from the cumulative TSN ack. */
  gapStart(i: number): number { return this.u16(16 + i * SCTP_SACK_ENTRY_LENGTH); }
  /** SACK: gap ack block `i`'s end, as an offset from the cumulative TSN ack. */
  gapEnd(i: number): number { return this.u16(18 + i * SCTP_SACK_ENTRY_LENGTH); }
  /** SACK: duplicate TSN `i` (after the gap blocks). */
  dupTsn(i: number): number { return this.u32(16 + (this.gapBlockCount + i) * SCTP_SACK_ENTRY_LENGTH); }

  // HEARTBEAT (4), HEARTBEAT ACK (5): one Heartbeat Info parameter.
  /** HEARTBEAT/HEARTBEAT ACK: the Heartbeat Info parameter's type (1) and length. */
  get heartbeatInfoType(): number { return this.u16(4); }
  get heartbeatInfoLength(): number { return this.u16(6); }

  // ABORT (6), ERROR (9): error causes; SHUTDOWN ACK, SHUTDOWN COMPLETE: the T bit alone.
  /** ABORT, SHUTDOWN COMPLETE: the T bit (the verification tag is the peer's reflected). */
  get tBit(): boolean { return (this.flags & 1) !== 0; }
  /** ABORT/ERROR: the error cause at byte `at` of the chunk (the first at 4): its code and length. */
  causeCode(at = SCTP_CHUNK_HEADER_LENGTH): number { return this.u16(at); }
  causeLength(at = SCTP_CHUNK_HEADER_LENGTH): number { return this.u16(at + 2); }

  // ECNE (12), CWR (13).
  /** ECNE: lowest TSN; CWR: the TSN where the window was reduced. */
  get lowestTsn(): number { return this.u32(4); }

  // FORWARD TSN (0xc0), ASCONF (0xc1), ASCONF-ACK (0x80), AUTH (15).
  get newCumulativeTsn(): number { return this.u32(4); }
  /** ASCONF/ASCONF-ACK: sequence number. */
  get serialNumber(): number { return this.u32(4); }
  /** AUTH: shared key identifier and HMAC identifier. */
  get sharedKeyId(): number { return this.u16(4); }
  get hmacId(): number { return this.u16(6); }

  private u8(i: number): number { const o = this.off + i; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  private u16(i: number): number { const o = this.off + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  private u32(i: number): number { const o = this.off + i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
}

/**
 * An SCTP packet: the common header's getters (checked), the number of chunks decode() found and a
 * chunk sub-view for walking them (`firstChunk()`, then `chunk.point(chunk.nextStart, end)`).
 */
export class Sctp extends LayerView {
  readonly layer = SCTP;
  /** Chunks whose header was captured (decode()'s count; the last may be cut by the capture). */
  chunkCount = 0;
  /** The chunk sub-view: the printer points it at each chunk (reused, no allocation). */
  readonly chunk: SctpChunk = new SctpChunk(this.cursor);

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0; this.chunkCount = 0;
    if (c.end - o < SCTP_HEADER_LENGTH) return c.short(SCTP, o, SCTP_HEADER_LENGTH);
    return this.walk(c, o);
  }

  /**
   * The chunk walk: stops where a chunk's header or fixed fields are cut or a length lies. A
   * chunk's value cut by the capture is a cut payload (the packet's `cut`), not a stop. Returns
   * the layer of the first DATA chunk's user data (ForCES by port or PPID, else M3UA by PPID, as
   * tcpdump's print-sctp.c dispatches), or 0.
   */
  private walk(c: Cursor, o: number): number {
    const b = c.buf, end = c.end;
    // tcpdump's isforces: either port is ForCES's, or a DATA chunk's PPID was (it stays set for the chunks after).
    let forces = isForcesPort(u16(b, o)) || isForcesPort(u16(b, o + 2));
    let n = 0, next = 0, nextOff = 0;
    let p = o + SCTP_HEADER_LENGTH;
    while (p < end) {
      if (end - p < SCTP_CHUNK_HEADER_LENGTH) return c.short(SCTP, o, p - o + SCTP_CHUNK_HEADER_LENGTH, `chunk ${n + 1} header`);
      const type = b[p]!, len = u16(b, p + 2), fixed = SCTP_CHUNK_HEADER_LENGTH + FIXED[type]!;
      if (len < fixed) return c.invalid(SCTP, o, `chunk ${n + 1} (${sctpChunkName(type)}) at byte ${p - c.base}: length ${len} < ${fixed}`);
      if (end - p < fixed) return c.short(SCTP, o, p - o + fixed, `chunk ${n + 1} (${sctpChunkName(type)})`);
      n++;
      if (type === SctpChunkType.Data && next === 0) {
        const ppid = u32(b, p + 12);
        forces ||= isForcesPpid(ppid);
        if (len > fixed && (forces || ppid === SctpPpid.M3ua)) { next = forces ? FORCES : M3UA; nextOff = p + fixed; }
      }
      if (end - p < len) {
        // Bounded by an IP length, the chunk's length lies; bounded by the capture, its value is cut.
        if (c.len !== LEN_CAPLEN) return c.short(SCTP, o, p - o + len, `chunk ${n} (${sctpChunkName(type)})`);
        c.cut = true;
        break;
      }
      p += len + ((4 - (len & 3)) & 3);
    }
    this.chunkCount = n;
    this.headerLength = SCTP_HEADER_LENGTH;
    c.mark(SCTP);
    // The first DATA chunk that carries a protocol vcap decodes: the walk goes on in its user data,
    // with the end the IP length set (tcpdump's ForCES printer reads to there, not to the chunk's end).
    c.off = next === 0 ? o + SCTP_HEADER_LENGTH : nextOff;
    return next;
  }

  get srcPort(): number { return this.word16(0); }
  get dstPort(): number { return this.word16(2); }
  get verificationTag(): number { return this.word32(4); }
  /** The checksum field (CRC32c, RFC 9260 appendix B). */
  get checksum(): number { return this.word32(8); }
  /**
   * The CRC32c of the packet as sent (the checksum field taken as zero), for comparing with
   * `checksum`; undefined unless all `length` bytes (the IP payload length) were captured.
   */
  computedChecksum(length: number): number | undefined {
    if (!this.has(length) || length < SCTP_HEADER_LENGTH) return undefined;
    return crc32c(this.cursor.buf, this.off, length);
  }
  /** Absolute index of the first chunk in `buf`. */
  get chunksStart(): number { return this.off + SCTP_HEADER_LENGTH; }
  /** Points the chunk sub-view at the first chunk and returns it. */
  firstChunk(): SctpChunk { return this.chunk.point(this.off + SCTP_HEADER_LENGTH, this.end); }

  private word16(i: number): number { const o = this.off + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  private word32(i: number): number { const o = this.off + i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }

  /** The header and each chunk (its type, flags, length and the fields of its type) as plain objects. */
  toJSON(): object {
    const ch = new SctpChunk(this.cursor), chunks: object[] = [];
    ch.point(this.off + SCTP_HEADER_LENGTH, this.end);
    for (let i = 0; i < this.chunkCount; i++) {
      chunks.push(chunkJson(ch));
      ch.point(ch.nextStart, this.end);
    }
    return {
      offset: this.offset, length: this.length, srcPort: this.srcPort, dstPort: this.dstPort,
      verificationTag: this.verificationTag, checksum: this.checksum, chunks,
    };
  }
}

/** One chunk's fields as an object (those its captured bytes hold). */
function chunkJson(ch: SctpChunk): object {
  const type = ch.type, e: Record<string, unknown> = { offset: ch.off - ch.cursor.base, type, name: sctpChunkName(type), flags: ch.flags, length: ch.length };
  switch (type) {
    case SctpChunkType.Data:
      Object.assign(e, { tsn: ch.tsn, streamId: ch.streamId, streamSeq: ch.streamSeq, ppid: ch.ppid, dataLength: ch.dataLength });
      break;
    case SctpChunkType.Init: case SctpChunkType.InitAck:
      Object.assign(e, { initiateTag: ch.initiateTag, rwnd: ch.rwnd, outboundStreams: ch.outboundStreams, inboundStreams: ch.inboundStreams, initialTsn: ch.initialTsn });
      break;
    case SctpChunkType.Sack: {
      const gaps: object[] = [], dups: number[] = [];
      const g = ch.gapBlockCount, d = ch.dupTsnCount, room = Math.floor((Math.min(ch.length, ch.end - ch.off) - 16) / SCTP_SACK_ENTRY_LENGTH);
      for (let i = 0; i < g && i < room; i++) gaps.push({ start: ch.gapStart(i), end: ch.gapEnd(i) });
      for (let i = 0; i < d && g + i < room; i++) dups.push(ch.dupTsn(i));
      Object.assign(e, { cumulativeTsnAck: ch.cumulativeTsnAck, arwnd: ch.arwnd, gapBlocks: gaps, dupTsns: dups });
      break;
    }
    case SctpChunkType.Shutdown: e['cumulativeTsnAck'] = ch.cumulativeTsnAck; break;
    case SctpChunkType.Ecne: case SctpChunkType.Cwr: e['lowestTsn'] = ch.lowestTsn; break;
    case SctpChunkType.ForwardTsn: case SctpChunkType.IForwardTsn: e['newCumulativeTsn'] = ch.newCumulativeTsn; break;
    case SctpChunkType.Asconf: case SctpChunkType.AsconfAck: e['serialNumber'] = ch.serialNumber; break;
    case SctpChunkType.Auth: Object.assign(e, { sharedKeyId: ch.sharedKeyId, hmacId: ch.hmacId }); break;
  }
  return e;
}

/** CRC32c (Castagnoli, reflected 0x82f63b78) over buf[off .. off+len) with bytes 8-11 (the checksum field) as zero. */
function crc32c(b: Uint8Array, off: number, len: number): number {
  let crc = 0xffffffff;
  for (let i = 0; i < len; i++) {
    const x = i >= 8 && i < 12 ? 0 : b[off + i]!;
    crc = CRC32C_TABLE[(crc ^ x) & 0xff]! ^ (crc >>> 8);
  }
  // The result goes on the wire least significant byte first: read back big-endian it is byte-swapped.
  const v = ~crc >>> 0;
  return (((v & 0xff) << 24) | ((v >>> 8 & 0xff) << 16) | ((v >>> 16 & 0xff) << 8) | (v >>> 24)) >>> 0;
}
const CRC32C_TABLE = new Uint32Array(256);
for (let i = 0; i < 256; i++) {
  let c = i;
  for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
  CRC32C_TABLE[i] = c >>> 0;
}
