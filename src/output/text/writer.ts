import { writeSync } from 'node:fs';
import { VcapError } from '../../errors.js';

const SIZE = 64 * 1024;
/** The first buffer of a writer with a file descriptor (see the constructor). */
const FIRST = 4096;

// Node's own latin1 fast paths (Buffer#write and #toString with 'latin1' end in these), not in @types/node.
declare global {
  interface Buffer {
    latin1Write(string: string, offset?: number, length?: number): number;
    latin1Slice(start?: number, end?: number): string;
  }
}

/**
 * The bytes of printed text. The printers write each piece of a line straight into `buf` (see
 * PrintContext.write), so a packet's line is never a string made of many small strings: no
 * allocation per piece, no rope to flatten, one copy of each byte.
 *
 * With a file descriptor (the CLI's stdout) it is the text sink: text goes out with writeSync when
 * the 64 KiB buffer is full (block-buffered), or after every packet when line-buffered (TTY or
 * -l). A line longer than what is free is written out in pieces as it grows. A reader that went
 * away (EPIPE) surfaces as VcapError code 'EPIPE', which the CLI ends quietly with status 0, as
 * tcpdump does under SIGPIPE. Without one (fd -1) it is a scratch buffer that grows as needed,
 * from which the packet printer takes each line as a string for a LineSink.
 */
export class TextWriter {
  buf: Buffer;
  /** Bytes used in buf. */
  len = 0;

  /** The buffer's size once the first (small) one has been written out. */
  readonly #size: number;

  constructor(readonly fd: number, readonly lineBuffered: boolean, size = SIZE) {
    this.#size = size;
    // Written out the first time when FIRST bytes are there, a few dozen packets in: the printers'
    // one site that handles a full buffer (PrintContext.room) then has type feedback before V8
    // optimises them. Full only at 64 KiB, that came ~800 packets in, after several printers that
    // inline it had been optimised, and each was deoptimised and compiled again.
    this.buf = Buffer.allocUnsafeSlow(fd >= 0 && size > FIRST ? FIRST : size);
  }

  /** Room for `n` more bytes: write out what there is (fd), or grow (scratch, or n larger than the buffer). */
  ensure(n: number): void {
    if (this.len + n <= this.buf.length) return;
    if (this.fd >= 0) {
      this.flush();
      if (this.buf.length < this.#size) this.buf = Buffer.allocUnsafeSlow(this.#size);
    }
    if (this.len + n > this.buf.length) {
      const next = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.len + n));
      this.buf.copy(next, 0, 0, this.len);
      this.buf = next;
    }
  }

  /** Append latin1 text (printers emit latin1 only). */
  write(s: string): void {
    const n = s.length;
    if (this.len + n > this.buf.length) this.ensure(n);
    if (n < 24) {
      const b = this.buf;
      let p = this.len;
      for (let i = 0; i < n; i++) b[p++] = s.charCodeAt(i);
      this.len = p;
    } else {
      this.len += this.buf.latin1Write(s, this.len, n);
    }
  }

  /** Append text that ends a packet (one or more whole lines). */
  push(text: string): void {
    this.write(text);
    this.endPacket();
  }

  /** A packet's text is complete: write it out now when line-buffered. */
  endPacket(): void {
    if (this.lineBuffered && this.fd >= 0) this.flush();
  }

  /** Append bytes already formatted (a batch printed on a worker thread): large runs go out directly. */
  writeBytes(data: Uint8Array, start: number, end: number): void {
    const n = end - start;
    if (n <= 0) return;
    if (this.fd >= 0 && n >= this.buf.length >> 1) {
      this.flush();
      this.#writeAll(start === 0 ? data : data.subarray(start), n);
      return;
    }
    if (this.len + n > this.buf.length) this.ensure(n);
    const b = this.buf;
    if (n < 64) {
      // The pieces between filled-in numbers are mostly short: a loop costs less than a call into C++.
      let p = this.len;
      for (let i = start; i < end; i++) b[p++] = data[i]!;
      this.len = p;
    } else {
      b.set(data.subarray(start, end), this.len);
      this.len += n;
    }
  }

  flush(): void {
    if (this.len === 0 || this.fd < 0) return;
    const n = this.len;
    this.len = 0;
    this.#writeAll(this.buf, n);
  }

  #writeAll(data: Uint8Array, end: number): void {
    let off = 0;
    while (off < end) {
      try {
        off += writeSync(this.fd, data, off, end - off);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') { waitWritable(); continue; }
        if (code === 'EPIPE') throw new VcapError('output closed', 'EPIPE');
        throw new VcapError(`write error: ${(e as Error).message}`, code ?? 'EIO');
      }
    }
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
/** A non-blocking stdout (inherited from the parent) is full: give the reader a millisecond. */
function waitWritable(): void { Atomics.wait(sleeper, 0, 0, 1); }

/**
 * A batch's text gathered whole on a worker thread, for the thread that writes batches in order:
 * the printers write into it as into the CLI's writer (no string per packet), it grows and never
 * writes anything itself.
 */
export class GatheringWriter extends TextWriter {
  constructor(size = 1 << 20) { super(-1, false, size); }

  /**
   * The text so far, copied out (its own ArrayBuffer, to transfer), and the writer emptied: into
   * `into` when it is large enough (a text given back to be used again), else a new buffer.
   */
  take(into?: Uint8Array): Uint8Array {
    const n = this.len;
    // Not zeroed first (as new Uint8Array would be): every byte is written over at once.
    // A new one has room to spare, so that it serves again when given back.
    const t = into !== undefined && into.length >= n ? into.subarray(0, n) : Buffer.allocUnsafeSlow(n + (n >> 2)).subarray(0, n);
    t.set(this.buf.subarray(0, n));
    this.len = 0;
    return t;
  }
}
