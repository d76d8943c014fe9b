// SSH (RFC 4253), TCP port 22. Each side first sends its identification string,
// `SSH-protoversion-softwareversion` and CR LF, as text; everything after it is binary packets,
// encrypted once the keys are exchanged. The view is the segment's payload; `identificationLength`
// finds the identification line the way tcpdump's print-ssh.c does.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readLatin1 } from './reads.js';
import { LayerView } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const SSH = Layer.Ssh;

/** Bytes of the `SSH-` an identification string starts with. */
export const SSH_PREFIX_LENGTH = 4;

/** An SSH segment's payload. */
export class Ssh extends LayerView {
  readonly layer = SSH;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < 1) return c.short(SSH, o, 1);
    c.mark(SSH);
    return 0;
  }

  /**
   * The length of the identification string at the start of the payload (`SSH-`, then printable
   * ASCII up to a LF or CR LF within `length` bytes, the line end not counted); -1 when the payload
   * is not one. Bytes are read (checked) as far as tcpdump reads them: a cut one throws NOT_CAPTURED.
   */
  identificationLength(length: number): number {
    if (this.byte(0) !== 0x53 || this.byte(1) !== 0x53 || this.byte(2) !== 0x48 || this.byte(3) !== 0x2d) return -1;
    let i = SSH_PREFIX_LENGTH;
    while (i < length) {
      const ch = this.byte(i);
      if (ch === 0x0a) break;
      if (ch === 0x0d) {
        if (i + 1 >= length) return -1;
        if (this.byte(i + 1) === 0x0a) break;
        return -1;
      }
      if (ch < 0x20 || ch > 0x7e) return -1;
      i++;
    }
    return i;
  }

  /** The identification string (`SSH-2.0-OpenSSH_9.2`), or undefined when the payload is not one. */
  get identification(): string | undefined {
    const have = this.captured;
    const n = have >= SSH_PREFIX_LENGTH ? this.identificationLength(have) : -1;
    // Only a line whose end was captured: printable bytes up to the capture's end may go on.
    return n < 0 || n >= have ? undefined : readLatin1(this, 0, n);
  }

  /** The first `n` bytes as text (the identification string, once `identificationLength` has checked them). */
  text(n: number): string { return readLatin1(this, 0, n); }

  toJSON(): object {
    const id = this.identification;
    return { offset: this.offset, length: this.captured, ...(id !== undefined ? { identification: id } : {}) };
  }
}
