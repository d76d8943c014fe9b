import { closeSync, openSync, writeSync } from 'node:fs';
import type { Batch } from '../capture/batch.js';
import { VcapError } from '../errors.js';

export interface CaptureWriterOptions {
  /** LINKTYPE_* of the frames (pcapng: of the first interface; others get their own IDB). */
  linkType: number;
  /** Snapshot length recorded in the file header / IDB (default 262144). */
  snaplen?: number;
  /** Nanosecond timestamps (pcap ns magic, pcapng if_tsresol 9); default microseconds. */
  nano?: boolean;
  /** Output buffer size in bytes (default 64 KiB, OUTPUT_BUFFER_BYTES). */
  bufferSize?: number;
}

/**
 * The writers' default buffer. write(2) copies the buffer into the page cache, and that copy is
 * cheap only while the buffer is still in the CPU's cache: filled from a capture (the ring, a read
 * buffer) streaming megabytes past it, a 1 MiB buffer is not, and copying it cost vcap 4× what
 * tcpdump's 4 KiB stdio buffer costs for the same bytes (bench/live, -w: ~45% of vcap's CPU,
 * against ~7% with 64 KiB). 64 KiB keeps the copy cached at ~1300 writes per 80 MB.
 */
export const OUTPUT_BUFFER_BYTES = 64 * 1024;

/** Up to this many bytes, copyIn() copies in words rather than through a subarray view. */
const SMALL_COPY = 96;

let sleepCell: Int32Array | undefined;
function sleepSync(ms: number): void {
  sleepCell ??= new Int32Array(new SharedArrayBuffer(4));
  Atomics.wait(sleepCell, 0, 0, ms);
}

/**
 * The byte sink both writers share: frames are copied into one big buffer and written out in
 * chunks with writeSync. A closed pipe raises VcapError code 'EPIPE' (the CLI ends quietly on it).
 */
export class OutputBuffer {
  readonly path: string;
  buf: Uint8Array;
  dv: DataView;
  len = 0;
  #fd: number;
  readonly #ownsFd: boolean;
  /** The last source copyIn() saw (a capture's ring or read buffer) and a view of it. */
  #src: Uint8Array | undefined;
  #srcView: DataView | undefined;

  constructor(path: string, size: number) {
    this.path = path;
    this.buf = new Uint8Array(Math.max(size, 65536));
    this.dv = new DataView(this.buf.buffer);
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
    }
  }

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

  flush(): void {
    let off = 0;
    while (off < this.len) {
      if (this.#fd < 0) throw new VcapError(`${this.path}: write after close`, 'EBADF');
      try {
        off += writeSync(this.#fd, this.buf, off, this.len - off);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') { sleepSync(1); continue; }
        if (code === 'EINTR') continue;
        this.len = 0;
        throw new VcapError(`${this.path}: ${errnoText(e)}`, code ?? 'EVCAP');
      }
    }
    this.len = 0;
  }

  close(): void {
    if (this.#fd < 0) return;
    try {
      this.flush();
    } finally {
      if (this.#ownsFd) closeSync(this.#fd);
      this.#fd = -1;
    }
  }
}

function errnoText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const m = /^[A-Z0-9_]+: ([^,]+)/.exec(err.message ?? '');
  const text = m ? m[1]! : String(err.message ?? e);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

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

  private constructor(out: OutputBuffer, linkType: number, snaplen: number, nano: boolean) {
    this.#out = out;
    this.linkType = linkType;
    this.snaplen = snaplen;
    this.nano = nano;
  }

  static open(path: string, opts: CaptureWriterOptions): PcapWriter {
    const snaplen = opts.snaplen ?? 262144;
    const nano = opts.nano ?? false;
    const out = new OutputBuffer(path, opts.bufferSize ?? OUTPUT_BUFFER_BYTES);
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
    return w;
  }

  /**
   * One frame: `bytes[offset, offset + capLen)`, `origLen` on the wire, timestamp `sec` + `nsec` ns.
   * `linkType`, if given, must be the file's: a pcap file holds one link type.
   */
  writeFrame(bytes: Uint8Array, offset: number, capLen: number, origLen: number, sec: number, nsec: number, linkType = this.linkType): void {
    if (linkType !== this.linkType) this.#wrongLinkType(linkType);
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

  /** Every frame of a batch; its link type must be the file's (a pcap file has only one). */
  writeBatch(batch: Batch): void {
    if (batch.linkType !== this.linkType) this.#wrongLinkType(batch.linkType);
    const { bytes, offset, capLen, origLen, sec, nsec } = batch;
    for (let i = 0; i < batch.count; i++) this.writeFrame(bytes, offset[i]!, capLen[i]!, origLen[i]!, sec[i]!, nsec[i]!);
  }

  #wrongLinkType(linkType: number): never {
    throw new VcapError(`${this.#out.path}: cannot write link type ${linkType} frames into a pcap file of link type ${this.linkType}`, 'ELINKTYPE');
  }

  /** Pushes buffered records to the file now (-U: packet-buffered output). */
  flush(): void { this.#out.flush(); }

  close(): void { this.#out.close(); }
}
