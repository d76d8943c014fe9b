// Capture files that survive kill -9. vcap writes only whole records, but the kernel may stop a
// write(2) part-way when the process is killed (it checks for a fatal signal between pages), leaving
// part of a record at the end of the file. A small process forked at start (native fileGuard) waits
// for vcap to exit and then cuts the file being written back to the length of its last complete
// write, which this object keeps up to date in a page the two processes share.
import { resolve } from 'node:path';
import type { WriteCommitter } from './pcap-writer.js';

// The page's layout (native/vcap.cc): a state word (1: a file is open), the whole length (a double,
// written in one aligned store), the path (NUL-terminated UTF-8).
const STATE = 0, LENGTH = 1, PATH = 16;

export class FileGuard implements WriteCommitter {
  readonly #state: Int32Array;
  readonly #length: Float64Array;
  readonly #bytes: Uint8Array;

  constructor(page: ArrayBuffer) {
    this.#state = new Int32Array(page, 0, 1);
    this.#length = new Float64Array(page, 0, 2);
    this.#bytes = new Uint8Array(page);
  }

  /** A new file is being written: nothing of it is whole yet (a kill now removes it). */
  open(path: string): void {
    Atomics.store(this.#state, STATE, 0);
    const name = new TextEncoder().encode(resolve(path));
    if (PATH + name.length + 1 > this.#bytes.length) return;  // too long a path to guard: left unguarded
    this.#bytes.set(name, PATH);
    this.#bytes[PATH + name.length] = 0;
    this.#length[LENGTH] = 0;
    Atomics.store(this.#state, STATE, 1);
  }

  /** The file's first `bytes` bytes are whole records. */
  commit(bytes: number): void {
    this.#length[LENGTH] = bytes;
  }

  /** The file is closed and whole: nothing to repair. */
  close(): void {
    Atomics.store(this.#state, STATE, 0);
  }
}
