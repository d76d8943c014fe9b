import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Batch, BatchSource } from './batch.js';
import type { CaptureInterface, SectionInfo } from './capture-interface.js';
import { VcapError } from '../errors.js';
import { PcapParser } from './pcap-reader.js';
import { PcapngParser } from './pcapng-reader.js';

/**
 * A pcap or pcapng file (or stream) read in constant memory. `next()` is the fast synchronous
 * path; `run()` is the `BatchSource` form. A batch is valid until the following `next()` call.
 * Damage raises a `VcapError` whose message names the file and the record (pcap) or block
 * (pcapng); every good frame before the damage has been returned by earlier `next()` calls.
 */
export interface CaptureFile extends BatchSource {
  /** Which container the magic number said. */
  readonly format: 'pcap' | 'pcapng';
  /** LINKTYPE_* of the file (pcapng: of the first interface); batches carry their own. */
  readonly linkType: number;
  /** Snapshot length as tcpdump reports it (0 or > INT_MAX in the file means 262144). */
  readonly snaplen: number;
  /** The file stores nanosecond timestamps (pcap ns magic, pcapng if_tsresol finer than µs). */
  readonly nano: boolean;
  /** The path as given (`-` for stdin). */
  readonly path: string;
  /**
   * Every interface seen so far, in the order of their IDBs across all sections (pcapng), or the
   * file's one unnamed interface (pcap). Batches point at theirs; an ISB read fills its statistics.
   */
  readonly interfaces: readonly CaptureInterface[];
  /** The options of the section being read (pcapng); undefined for pcap. */
  readonly section: SectionInfo | undefined;
  /** Current size of the read buffer in bytes; it grows only for a record larger than it. */
  readonly bufferSize: number;
  /** Bytes consumed so far (file position). */
  readonly bytesRead: number;
  /** Bytes of the input when it is a regular file (stdin too, redirected from one), as at open; undefined for a pipe. */
  readonly size: number | undefined;
  /** The next batch, or null at the end of the input. Throws a VcapError on damage. */
  next(): Batch | null;
  /** Release the file descriptor (stdin is left open). Safe to call twice. */
  close(): void;
}

export interface CaptureFileOptions {
  /** @internal The input's size, from openCaptureFile's fstat (CaptureFile.size). */
  size?: number;
  /** Read buffer size in bytes (default 4 MiB). */
  bufferSize?: number;
  /** Most frames per batch (default 8192). */
  maxBatch?: number;
}

/** The per-frame columns a parser fills: a Batch whose fields the owner may write. */
export interface BatchColumns {
  linkType: number;
  count: number;
  bytes: Uint8Array;
  readonly offset: Uint32Array;
  readonly capLen: Uint32Array;
  readonly origLen: Uint32Array;
  readonly sec: Float64Array;
  readonly nsec: Float64Array;
  iface: CaptureInterface | undefined;
  /** pcapng sets it to its own column (epb_flags per frame); pcap leaves it undefined. */
  flags: Uint32Array | undefined;
  drops: number;
}

/**
 * The format-specific half of a reader: it understands the bytes, the reader owns the fd and
 * the buffer. Each call works on `buf[pos, end)` and returns the new position; when it needs
 * more bytes than are there, it stops and sets `need` to the size of the unit it wants whole.
 */
export interface RecordParser {
  readonly format: 'pcap' | 'pcapng';
  linkType: number;
  snaplen: number;
  nano: boolean;
  /** Bytes the unit at the stop position needs in total (header + body). */
  need: number;
  /** Set when the unit at the stop position is damaged; the bytes before it are good. */
  error: string | null;
  /** Interfaces described so far (see CaptureFile.interfaces). */
  readonly interfaces: readonly CaptureInterface[];
  /** The current section's options (pcapng). */
  readonly section?: SectionInfo;
  /** File header(s): returns the position after them, or `pos` unchanged if more bytes are needed. */
  parseHeader(buf: Uint8Array, dv: DataView, pos: number, end: number): number;
  /** Frames into `batch` (count starts at 0) until it is full, the interface changes, or a unit is incomplete or damaged. */
  parse(buf: Uint8Array, dv: DataView, pos: number, end: number, batch: BatchColumns, max: number): number;
  /** The message for input that ends `have` bytes into an incomplete unit. */
  truncated(buf: Uint8Array, dv: DataView, pos: number, have: number, inHeader: boolean): string;
}

const DEFAULT_BUFFER = 4 << 20;
/** The smallest buffer a regular file gets. */
const SMALL_BUFFER = 64 << 10;
const DEFAULT_MAX_BATCH = 8192;
/** run() gives the event loop a turn after this many bytes, so signals and stdout drain happen. */
const YIELD_BYTES = 8 << 20;

const PCAP_MAGICS = new Set([0xa1b2c3d4, 0xd4c3b2a1, 0xa1b23c4d, 0x4d3cb2a1, 0xa1b2cd34, 0x34cdb2a1]);
const PCAPNG_SHB = 0x0a0d0d0a;

class FileBatch implements BatchColumns {
  linkType = 0;
  count = 0;
  bytes: Uint8Array;
  readonly offset: Uint32Array;
  readonly capLen: Uint32Array;
  readonly origLen: Uint32Array;
  readonly sec: Float64Array;
  readonly nsec: Float64Array;
  iface: CaptureInterface | undefined = undefined;
  flags: Uint32Array | undefined = undefined;
  drops = 0;
  constructor(bytes: Uint8Array, max: number) {
    this.bytes = bytes;
    this.offset = new Uint32Array(max);
    this.capLen = new Uint32Array(max);
    this.origLen = new Uint32Array(max);
    this.sec = new Float64Array(max);
    this.nsec = new Float64Array(max);
  }
}

/** Thrown by a read inside run() when a non-blocking input has nothing yet; run() waits without blocking. */
const WOULD_BLOCK = { wouldBlock: true } as const;

let sleepCell: Int32Array | undefined;
/** Blocks the thread for `ms`: a non-blocking stdin said EAGAIN and next() is synchronous. */
function sleepSync(ms: number): void {
  sleepCell ??= new Int32Array(new SharedArrayBuffer(4));
  Atomics.wait(sleepCell, 0, 0, ms);
}

export function errnoText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  // Node's message is "ENOENT: no such file or directory, open 'x'"; tcpdump prints strerror.
  const m = /^[A-Z0-9_]+: ([^,]+)/.exec(err.message ?? '');
  const text = m ? m[1]! : String(err.message ?? e);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

class CaptureFileReader implements CaptureFile {
  readonly path: string;
  readonly #parser: RecordParser;
  #fd: number;
  readonly #ownsFd: boolean;
  #buf: Uint8Array;
  #dv: DataView;
  #pos = 0;
  #end = 0;
  #eof = false;
  #done = false;
  #stopped = false;
  /** Inside run(): an empty non-blocking input gives the event loop back instead of sleeping. */
  #inRun = false;
  #pendingError: VcapError | null = null;
  #consumed = 0;
  readonly #batch: FileBatch;
  readonly #max: number;

  readonly size: number | undefined;

  constructor(path: string, fd: number, ownsFd: boolean, opts: CaptureFileOptions) {
    this.path = path;
    this.size = opts.size;
    this.#fd = fd;
    this.#ownsFd = ownsFd;
    const size = Math.max(opts.bufferSize ?? DEFAULT_BUFFER, 4096);
    this.#buf = new Uint8Array(size);
    this.#dv = new DataView(this.#buf.buffer);
    this.#max = Math.max(1, opts.maxBatch ?? DEFAULT_MAX_BATCH);
    this.#batch = new FileBatch(this.#buf, this.#max);
    try {
      this.#read();
      if (this.#end === 0 && this.#eof) throw this.#error('truncated dump file; tried to read 4 file header bytes, only got 0');
      while (this.#end < 4 && !this.#eof) this.#read();
      if (this.#end < 4) throw this.#error(`truncated dump file; tried to read 4 file header bytes, only got ${this.#end}`);
      const magic = this.#dv.getUint32(0, false);
      if (PCAP_MAGICS.has(magic)) this.#parser = new PcapParser();
      else if (magic === PCAPNG_SHB) this.#parser = new PcapngParser();
      else throw this.#error('unknown file format');
      for (;;) {
        const p = this.#parser.parseHeader(this.#buf, this.#dv, this.#pos, this.#end);
        if (this.#parser.error !== null) throw this.#error(this.#parser.error);
        if (p !== this.#pos) { this.#advance(p); break; }
        if (this.#eof) throw this.#error(this.#parser.truncated(this.#buf, this.#dv, this.#pos, this.#end - this.#pos, true));
        this.#fill();
      }
    } catch (e) {
      this.close();
      throw e;
    }
    this.#batch.linkType = this.#parser.linkType;
  }

  get format(): 'pcap' | 'pcapng' { return this.#parser.format; }
  get linkType(): number { return this.#parser.linkType; }
  get snaplen(): number { return this.#parser.snaplen; }
  get nano(): boolean { return this.#parser.nano; }
  get interfaces(): readonly CaptureInterface[] { return this.#parser.interfaces; }
  get section(): SectionInfo | undefined { return this.#parser.section; }
  get bufferSize(): number { return this.#buf.length; }
  get bytesRead(): number { return this.#consumed; }

  next(): Batch | null {
    if (this.#pendingError) {
      const e = this.#pendingError;
      this.#pendingError = null;
      this.#done = true;
      throw e;
    }
    if (this.#done) return null;
    const parser = this.#parser, batch = this.#batch;
    for (;;) {
      batch.count = 0;
      batch.bytes = this.#buf;
      const p = parser.parse(this.#buf, this.#dv, this.#pos, this.#end, batch, this.#max);
      this.#advance(p);
      if (parser.error !== null) {
        const e = this.#error(parser.error);
        if (batch.count > 0) { this.#pendingError = e; return batch; }
        this.#done = true;
        throw e;
      }
      if (batch.count > 0) return batch;
      if (this.#eof) {
        this.#done = true;
        if (this.#pos < this.#end) throw this.#error(parser.truncated(this.#buf, this.#dv, this.#pos, this.#end - this.#pos, false));
        return null;
      }
      this.#fill();
    }
  }

  async run(consume: (batch: Batch) => void): Promise<void> {
    this.#stopped = false;
    let mark = this.#consumed;
    try {
      for (;;) {
        let b: Batch | null;
        this.#inRun = true;
        try {
          b = this.next();
        } catch (e) {
          if (e !== WOULD_BLOCK) throw e;
          // A pipe with nothing in it yet (e.g. `tcpdump -w - | vcap -r -`): signals and timers run meanwhile.
          await new Promise<void>((resolve) => setTimeout(resolve, 5));
          if (this.#stopped) return;
          continue;
        } finally {
          this.#inRun = false;
        }
        if (b === null) return;
        consume(b);
        if (this.#stopped) return;
        if (this.#consumed - mark >= YIELD_BYTES) {
          mark = this.#consumed;
          await new Promise<void>((resolve) => setImmediate(resolve));
          if (this.#stopped) return;
        }
      }
    } finally {
      this.close();
    }
  }

  stop(): void { this.#stopped = true; }

  close(): void {
    if (this.#fd >= 0 && this.#ownsFd) {
      try { closeSync(this.#fd); } catch { /* already closed by the OS side: nothing left to release */ }
    }
    this.#fd = -1;
  }

  #advance(p: number): void {
    this.#consumed += p - this.#pos;
    this.#pos = p;
  }

  #error(msg: string): VcapError {
    return new VcapError(`${this.path}: ${msg}`, 'EBADFILE');
  }

  /** Keeps the unread tail, grows only if one unit is larger than the whole buffer, reads once. */
  #fill(): void {
    const tail = this.#end - this.#pos;
    const need = this.#parser.need;
    if (need > this.#buf.length) {
      const bigger = new Uint8Array(Math.max(need, this.#buf.length * 2));
      bigger.set(this.#buf.subarray(this.#pos, this.#end), 0);
      this.#buf = bigger;
      this.#dv = new DataView(bigger.buffer);
      this.#batch.bytes = bigger;
    } else if (this.#pos > 0) {
      this.#buf.copyWithin(0, this.#pos, this.#end);
    }
    this.#pos = 0;
    this.#end = tail;
    this.#read();
  }

  #read(): void {
    if (this.#end >= this.#buf.length) return;
    for (;;) {
      let n: number;
      try {
        n = readSync(this.#fd, this.#buf, this.#end, this.#buf.length - this.#end, null);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') {
          // The buffer state is consistent here (tail moved to the front), so next() can simply be called again.
          if (this.#inRun) throw WOULD_BLOCK;
          sleepSync(5);
          continue;
        }
        if (code === 'EINTR') continue;
        throw this.#error(`error reading dump file: ${errnoText(e)}`);
      }
      if (n === 0) this.#eof = true;
      this.#end += n;
      return;
    }
  }
}

/**
 * Opens a capture file (`-` = stdin) and reads its header; pcap or pcapng by the magic number.
 * Errors are VcapErrors worded as tcpdump prints them: `x.pcap: No such file or directory`,
 * `x.pcap: unknown file format`, `x.pcap: truncated dump file; tried to read 4 file header bytes, only got 0`.
 */
export function openCaptureFile(path: string, opts: CaptureFileOptions = {}): CaptureFile {
  if (path === '-') {
    let size: number | undefined;
    try { const st = fstatSync(0); if (st.isFile()) size = st.size; } catch { /* a closed stdin: the read says so */ }
    return new CaptureFileReader(path, 0, false, { ...opts, size });
  }
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new VcapError(`${path}: ${errnoText(e)}`, (e as NodeJS.ErrnoException).code ?? 'EVCAP');
  }
  let size: number;
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new VcapError(`${path}: error reading dump file: Is a directory`, 'EISDIR');
    size = st.isFile() ? st.size : Infinity;
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  // A file smaller than the default buffer is read into a buffer its size (rounded up), not 4 MiB
  // that would have to be zeroed and collected: most captures people print are small.
  const bufferSize = opts.bufferSize ?? Math.min(DEFAULT_BUFFER, Math.max(SMALL_BUFFER, 2 ** Math.ceil(Math.log2(size + 1))));
  return new CaptureFileReader(path, fd, true, { ...opts, bufferSize, size: Number.isFinite(size) ? size : undefined });
}
