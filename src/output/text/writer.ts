import { writeSync } from 'node:fs';
import { VcapError } from '../../errors.js';

const CHUNK = 64 * 1024;

/**
 * Text sink for printed lines: lines are appended to one string and written with writeSync in
 * ~64 KiB chunks (block-buffered), or after every packet when line-buffered (TTY or -l).
 * A reader that went away (EPIPE) surfaces as VcapError code 'EPIPE', which the CLI ends
 * quietly with status 0, as tcpdump does under SIGPIPE.
 */
export class TextWriter {
  #pending = '';

  constructor(readonly fd: number, readonly lineBuffered: boolean) {}

  /** Append text that ends a packet (one or more whole lines). */
  push(text: string): void {
    this.#pending += text;
    if (this.lineBuffered || this.#pending.length >= CHUNK) this.flush();
  }

  flush(): void {
    if (this.#pending.length === 0) return;
    const data = Buffer.from(this.#pending, 'latin1');
    this.#pending = '';
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
