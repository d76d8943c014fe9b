import { closeSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import type { Batch } from '../capture/batch.js';
import type { CaptureInterface } from '../capture/capture-interface.js';
import { SyscallError, VcapError } from '../errors.js';
import { native } from '../capture/native.js';

export interface CaptureWriterOptions {
  /** LINKTYPE_* of the frames (pcapng: of the first interface; others get their own IDB). */
  linkType: number;
  /** Snapshot length recorded in the file header / IDB (default 262144). */
  snaplen?: number;
  /** Nanosecond timestamps (pcap ns magic, pcapng if_tsresol 9); default microseconds. */
  nano?: boolean;
  /** Output buffer size in bytes (default 1 MiB, OUTPUT_BUFFER_BYTES). */
  bufferSize?: number;
  /** Told how much of the file is whole after every write (the CLI's kill -9 guard). */
  committer?: WriteCommitter;
}

/**
 * The writers' default buffer: 1 MiB, one write(2) per MiB of records (live capture to a pcap file
 * bypasses it: PcapWriter.writeInPlace). A 64 KiB buffer
 * looked cheaper under load 50-65 (other processes evicting the buffer from the CPU cache made each
 * copy into the page cache dear); at load ~10, live -w under the 1M flood, alternating, five rounds
 * each, CPU ms per flood: 1 MiB 140, 256 KiB 149, 128 KiB 154, 64 KiB 158.
 */
export const OUTPUT_BUFFER_BYTES = 1 << 20;

/** Up to this many bytes, copyIn() copies in words rather than through a subarray view. */
const SMALL_COPY = 96;

let sleepCell: Int32Array | undefined;
function sleepSync(ms: number): void {
  sleepCell ??= new Int32Array(new SharedArrayBuffer(4));
  Atomics.wait(sleepCell, 0, 0, ms);
}

/**
 * Where the record at `at` in the buffer ends (`fileOffset`: its position in the file). The
 * writer's format knows; the buffer asks only after a write failed part-way, to cut the file back
 * to whole records.
 */
export type RecordEnd = (buf: Uint8Array, dv: DataView, at: number, fileOffset: number) => number;

/** Something told how much of a file is whole after every write (file-guard.ts: the kill -9 guard). */
export interface WriteCommitter {
  open(path: string): void;
  commit(bytes: number): void;
  close(): void;
}

/**
 * The byte sink both writers share: frames are copied into one big buffer and written out in
 * chunks with writeSync. Only whole records are ever in the buffer when it is written, so every
 * write(2) ends on a record boundary; a write that fails part-way (ENOSPC, EFBIG, EIO) has the file
 * cut back to its last whole record before the error is raised. A closed pipe raises VcapError
 * code 'EPIPE' (the CLI ends quietly on it).
 */
export class OutputBuffer {
  readonly path: string;
  buf: Uint8Array;
  dv: DataView;
  len = 0;
  /** Bytes in the file (written and whole). */
  fileBytes = 0;
  #fd: number;
  readonly #ownsFd: boolean;
  readonly #recordEnd: RecordEnd;
  readonly #committer: WriteCommitter | undefined;
  /** Set after a failed write: nothing more goes to this file. */
  #failed = false;
  /** The last source copyIn() saw (a capture's ring or read buffer) and a view of it. */
  #src: Uint8Array | undefined;
  #srcView: DataView | undefined;

  constructor(path: string, size: number, recordEnd: RecordEnd, committer?: WriteCommitter) {
    this.path = path;
    this.buf = new Uint8Array(Math.max(size, 65536));
    this.dv = new DataView(this.buf.buffer);
    this.#recordEnd = recordEnd;
    if (path === '-') {
      this.#fd = 1;
      this.#ownsFd = false;
    } else {
      try {
        this.#fd = openSync(path, 'w', 0o644);
      } catch (e) {
        throw new VcapError(`${path}: ${errnoText(e)}`, (e as NodeJS.ErrnoException).code ?? 'EVCAP');
      }
      this.#ownsFd = true;
      this.#committer = committer;
      committer?.open(path);
    }
  }

  /** Bytes of the file so far, buffered ones included (tcpdump's pcap_dump_ftell, for -C). */
  get position(): number { return this.fileBytes + this.len; }

  /** Makes room for n contiguous bytes at `len`; flushes first if they do not fit. */
  reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    this.flush();
    if (n > this.buf.length) {
      this.buf = new Uint8Array(n);
      this.dv = new DataView(this.buf.buffer);
    }
  }

  /**
   * Copy `src[from, from + n)` to `buf[at, at + n)`; the caller has reserved the room. Small
   * frames (ACKs, DNS, floods) are copied four bytes at a time: a view per frame for
   * `set()` would cost more than the copy, and at capture rates that garbage means scavenges and
   * page faults. Longer frames go through `set()`, where the copy outweighs the view.
   */
  copyIn(src: Uint8Array, from: number, n: number, at: number): void {
    if (n > SMALL_COPY) {
      this.buf.set(src.subarray(from, from + n), at);
      return;
    }
    if (src !== this.#src) {
      this.#src = src;
      this.#srcView = new DataView(src.buffer, src.byteOffset, src.byteLength);
    }
    const sv = this.#srcView!, dv = this.dv, buf = this.buf;
    let i = 0;
    // Int32 both ways: an unsigned word above 2^31 would leave TurboFan's inlined DataView path.
    for (; i + 4 <= n; i += 4) dv.setInt32(at + i, sv.getInt32(from + i));
    for (; i < n; i++) buf[at + i] = src[from + i]!;
  }

  /** Write the buffer out: whole records, in as few write(2) calls as the kernel takes. */
  flush(): void {
    if (this.#failed) { this.len = 0; return; }
    let off = 0;
    while (off < this.len) {
      if (this.#fd < 0) throw new VcapError(`${this.path}: write after close`, 'EBADF');
      try {
        off += writeSync(this.#fd, this.buf, off, this.len - off);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') { sleepSync(1); continue; }
        if (code === 'EINTR') continue;
        this.#failed = true;
        this.#cutBack(off);
        this.len = 0;
        throw new VcapError(`${this.path}: ${errnoText(e)}`, code ?? 'EVCAP');
      }
    }
    this.fileBytes += this.len;
    this.len = 0;
    this.#committer?.commit(this.fileBytes);
  }

  /**
   * Frames `from`..`to` of `bytes` (frame i at `offset[i]`, `length[i]` bytes), each with the
   * `before` bytes in front of it (its record header, written there by the caller), `total` bytes
   * in all, straight to the file: the addon's writeSpans gathers them into one write(2) per MiB,
   * so JS does not copy them. What is buffered goes first. A write that
   * fails part-way leaves the file cut back to its last whole record, as flush() does.
   */
  writeSpans(bytes: Uint8Array, offset: Uint32Array, length: Uint32Array, before: number, from: number, to: number, total: number): void {
    if (this.len > 0) this.flush();
    if (this.#failed || from === to) return;
    if (this.#fd < 0) throw new VcapError(`${this.path}: write after close`, 'EBADF');
    const addon = native();
    let i = from, skip = 0;
    for (;;) {
      let r: number;
      try {
        r = addon.writeSpans(this.#fd, bytes, offset, length, before, i, to, skip);
      } catch (e) {
        this.#failed = true;
        // fileBytes counts whole records only: cut off the `skip` bytes of a record begun.
        if (skip > 0 && this.#ownsFd) {
          try { ftruncateSync(this.#fd, this.fileBytes); } catch { /* not a regular file */ }
        }
        this.#committer?.commit(this.fileBytes);
        throw new VcapError(`${this.path}: ${errnoText(e)}`, (e as NodeJS.ErrnoException).code ?? 'EVCAP');
      }
      if (r === total) break;
      // A write failed after these bytes: past the records they hold whole, `skip` into the next.
      // The next call reports the error (or goes on, if it has passed).
      total -= r;
      r += skip;
      for (let rec = length[i]! + before; r >= rec; rec = length[i]! + before) {
        r -= rec;
        this.fileBytes += rec;
        i++;
      }
      skip = r;
    }
    this.fileBytes += skip + total;
    this.#committer?.commit(this.fileBytes);
  }

  /**
   * `written` bytes of the buffer reached the file before a write failed: cut the file back to the
   * end of the last record among them, so it ends on a whole record (a pipe cannot be cut; nothing
   * can be done there).
   */
  #cutBack(written: number): void {
    let at = 0;
    for (;;) {
      const end = this.#recordEnd(this.buf, this.dv, at, this.fileBytes + at);
      if (end <= at || end > written) break;
      at = end;
    }
    if (at < written && this.#ownsFd) {
      try { ftruncateSync(this.#fd, this.fileBytes + at); } catch { /* not a regular file */ }
    }
    this.fileBytes += at;
    this.#committer?.commit(this.fileBytes);
  }

  close(): void {
    if (this.#fd < 0) return;
    try {
      this.flush();
    } finally {
      if (this.#ownsFd) closeSync(this.#fd);
      this.#fd = -1;
      // The file is whole and closed: nothing to repair if vcap is killed from now on.
      this.#committer?.close();
    }
  }
}

function errnoText(e: unknown): string {
  // The addon's `write: No space left on device`: the text without the call, as for Node's errors.
  if (e instanceof SyscallError) return e.message.slice(e.syscall.length + 2);
  const err = e as NodeJS.ErrnoException;
  const m = /^[A-Z0-9_]+: ([^,]+)/.exec(err.message ?? '');
  const text = m ? m[1]! : String(err.message ?? e);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A pcap record's header: seconds, fraction, captured length, length on the wire. */
const PCAP_RECORD_HEADER = 16;

/** A pcap record ends 16 bytes of header plus its captured length after it starts; the file header is 24 bytes. */
const pcapRecordEnd: RecordEnd = (_buf, dv, at, fileOffset) => (fileOffset === 0 ? at + 24 : at + 16 + dv.getUint32(at + 8, true));

/**
 * Classic pcap writer: the 24-byte header (little-endian, version 2.4), then a record header and
 * the original bytes for each frame; nothing is re-encoded. `path` '-' is stdout.
 */
export class PcapWriter {
  readonly linkType: number;
  readonly snaplen: number;
  readonly nano: boolean;
  /** Frames written so far. */
  count = 0;
  readonly #out: OutputBuffer;
  /** The last batch region writeInPlace() wrote headers into, and a view of it. */
  #frames: Uint8Array | undefined;
  #framesView: DataView | undefined;

  private constructor(out: OutputBuffer, linkType: number, snaplen: number, nano: boolean) {
    this.#out = out;
    this.linkType = linkType;
    this.snaplen = snaplen;
    this.nano = nano;
  }

  static open(path: string, opts: CaptureWriterOptions): PcapWriter {
    const snaplen = opts.snaplen ?? 262144;
    const nano = opts.nano ?? false;
    const out = new OutputBuffer(path, opts.bufferSize ?? OUTPUT_BUFFER_BYTES, pcapRecordEnd, opts.committer);
    const w = new PcapWriter(out, opts.linkType, snaplen, nano);
    const dv = out.dv;
    dv.setUint32(0, nano ? 0xa1b23c4d : 0xa1b2c3d4, true);
    dv.setUint16(4, 2, true);
    dv.setUint16(6, 4, true);
    dv.setInt32(8, 0, true);
    dv.setUint32(12, 0, true);
    dv.setUint32(16, snaplen, true);
    dv.setUint32(20, opts.linkType, true);
    out.len = 24;
    // The header goes out at once: from now on the file opens in any reader, even if vcap is killed.
    out.flush();
    return w;
  }

  /** Bytes of the file so far, buffered ones included (for -C). */
  get size(): number { return this.#out.position; }

  /** Frames that follow come from `iface`: a pcap file holds one link type, so it must be the file's. */
  useInterface(iface: CaptureInterface): void {
    if (iface.linkType !== this.linkType) this.#wrongLinkType(iface.linkType);
  }

  /** Frames that follow are of `linkType`, which must be the file's. */
  useLinkType(linkType: number): void {
    if (linkType !== this.linkType) this.#wrongLinkType(linkType);
  }

  /**
   * One frame: `bytes[offset, offset + capLen)`, `origLen` on the wire, timestamp `sec` + `nsec` ns.
   * `linkType`, if given, must be the file's: a pcap file holds one link type.
   */
  writeFrame(bytes: Uint8Array, offset: number, capLen: number, origLen: number, sec: number, nsec: number, linkType = this.linkType): void {
    if (linkType !== this.linkType) this.#wrongLinkType(linkType);
    this.writePacket(bytes, offset, capLen, origLen, sec, nsec);
  }

  /**
   * writeFrame() as pcapng's writePacket() is called: a pcap record has no room for pcapng's flags
   * and drop count, which are accepted and left out.
   */
  writePacket(bytes: Uint8Array, offset: number, capLen: number, origLen: number, sec: number, nsec: number, _flags = 0, _drops = 0): void {
    const out = this.#out;
    out.reserve(16 + capLen);
    const dv = out.dv, p = out.len;
    // `| 0` on each arm: a mixed-type value would make TurboFan call the DataView builtin per frame.
    dv.setUint32(p, sec, true);
    dv.setInt32(p + 4, this.nano ? nsec | 0 : (nsec / 1000) | 0, true);
    dv.setUint32(p + 8, capLen, true);
    dv.setUint32(p + 12, origLen, true);
    out.copyIn(bytes, offset, capLen, p + 16);
    out.len = p + 16 + capLen;
    this.count++;
  }

  /**
   * Frames `from`..`to` of a batch with room for a record header in front of each (a live ring's,
   * Batch.headroom): each header is written there and the records go to the file by writeSpans,
   * never through the buffer; the same bytes as writePacket() frame by frame. With `sizeLimit`
   * (-C), stops before the first frame after `from` that would start past that many bytes of file.
   * Returns the frames written, or -1 (nothing written) when the batch has no such room.
   */
  writeInPlace(batch: Batch, from: number, to: number, sizeLimit = Infinity): number {
    if ((batch.headroom ?? 0) < PCAP_RECORD_HEADER) return -1;
    if (batch.linkType !== this.linkType) this.#wrongLinkType(batch.linkType);
    const { bytes, offset, capLen, origLen, sec, nsec } = batch;
    if (bytes !== this.#frames) {
      this.#frames = bytes;
      this.#framesView = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    const dv = this.#framesView!, nano = this.nano;
    let size = this.#out.position, end = from;
    for (; end < to && (end === from || size <= sizeLimit); end++) {
      const p = offset[end]! - PCAP_RECORD_HEADER, cap = capLen[end]!;
      dv.setUint32(p, sec[end]!, true);
      dv.setInt32(p + 4, nano ? nsec[end]! | 0 : (nsec[end]! / 1000) | 0, true);
      dv.setUint32(p + 8, cap, true);
      dv.setUint32(p + 12, origLen[end]!, true);
      size += PCAP_RECORD_HEADER + cap;
    }
    this.#out.writeSpans(bytes, offset, capLen, PCAP_RECORD_HEADER, from, end, size - this.#out.position);
    this.count += end - from;
    return end - from;
  }

  /** Every frame of a batch; its link type must be the file's (a pcap file has only one). */
  writeBatch(batch: Batch): void {
    if (batch.linkType !== this.linkType) this.#wrongLinkType(batch.linkType);
    const { bytes, offset, capLen, origLen, sec, nsec } = batch;
    for (let i = 0; i < batch.count; i++) this.writePacket(bytes, offset[i]!, capLen[i]!, origLen[i]!, sec[i]!, nsec[i]!);
  }

  #wrongLinkType(linkType: number): never {
    throw new VcapError(`${this.#out.path}: cannot write link type ${linkType} frames into a pcap file of link type ${this.linkType}`, 'ELINKTYPE');
  }

  /** Pushes buffered records to the file now (-U: packet-buffered output). */
  flush(): void { this.#out.flush(); }

  close(): void { this.#out.close(); }
}
