import { writeSync } from 'node:fs';
import { VcapError } from '../../errors.js';

const SIZE = 64 * 1024;

/**
 * Text sink for printed lines: each packet's text is copied into one 64 KiB buffer and written
 * with writeSync when the buffer is full (block-buffered), or after every packet when
 * line-buffered (TTY or -l). Copying each line as it comes keeps the strings short-lived, so
 * no rope of a whole chunk builds up. A reader that went away (EPIPE) surfaces as VcapError
 * code 'EPIPE', which the CLI ends quietly with status 0, as tcpdump does under SIGPIPE.
 */
export class TextWriter {
  readonly #buf = Buffer.allocUnsafe(SIZE);
  #len = 0;

  constructor(readonly fd: number, readonly lineBuffered: boolean) {}

  /** Append text that ends a packet (one or more whole lines). Printers emit latin1 only. */
  push(text: string): void {
    if (text.length > SIZE - this.#len) {
      this.flush();
      if (text.length > SIZE) { this.#writeAll(Buffer.from(text, 'latin1')); return; }
    }
    this.#len += this.#buf.write(text, this.#len, 'latin1');
    if (this.lineBuffered) this.flush();
  }

  flush(): void {
    if (this.#len === 0) return;
    const n = this.#len;
    this.#len = 0;
    this.#writeAll(this.#buf.subarray(0, n));
  }

  #writeAll(data: Uint8Array): void {
    let off = 0;
    while (off < data.length) {
      try {
        off += writeSync(this.fd, data, off, data.length - off);
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
