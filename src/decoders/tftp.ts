// TFTP (RFC 1350; option acknowledgement, RFC 2347), UDP port 69. A message is a 2-byte opcode and
// then, by opcode, NUL-terminated strings (file name, mode, options) or a block number / error code.
import { u16 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const TFTP = Layer.Tftp;

/** Bytes of the opcode every message starts with. */
export const TFTP_OPCODE_LENGTH = 2;

/** Opcodes. */
export const TftpOpcode = { ReadRequest: 1, WriteRequest: 2, Data: 3, Ack: 4, Error: 5, OptionAck: 6 } as const;

/** A TFTP message. Fields after the opcode are checked getters; `data(i)` walks the strings. */
export class Tftp extends LayerView {
  readonly layer = TFTP;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < TFTP_OPCODE_LENGTH) return c.short(TFTP, o, TFTP_OPCODE_LENGTH);
    this.headerLength = TFTP_OPCODE_LENGTH;
    c.mark(TFTP);
    c.off = o + TFTP_OPCODE_LENGTH;
    return 0;
  }

  /** 1 RRQ, 2 WRQ, 3 DATA, 4 ACK, 5 ERROR, 6 OACK. */
  get opcode(): number { const o = this.off; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  /** DATA and ACK: the block number. */
  get block(): number { const o = this.off; if (o + 4 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o + 2); }
  /** ERROR: the error code (0 undefined, 1 file not found, 2 access violation…). */
  get errorCode(): number { return this.block; }
  /** True when bytes [0, n) after the opcode were captured. */
  dataCaptured(n: number): boolean { return this.off + TFTP_OPCODE_LENGTH + n <= this.end; }
  /** Byte `i` after the opcode, checked: for the strings (file name, mode, options, error message). */
  data(i: number): number { const o = this.off + TFTP_OPCODE_LENGTH + i; if (o >= this.end || i < 0) throw NOT_CAPTURED; return this.cursor.buf[o]!; }

  /** The NUL-terminated strings after the opcode (RRQ/WRQ: file name, mode, option names and values; OACK: options; ERROR: after the code). */
  get strings(): string[] {
    const out: string[] = [];
    const op = this.opcode;
    let i = op === 5 ? 2 : op === 1 || op === 2 || op === 6 ? 0 : -1;
    if (i < 0) return out;
    for (let s = ''; this.dataCaptured(i + 1); i++) {
      const ch = this.data(i);
      if (ch === 0) { out.push(s); s = ''; } else s += String.fromCharCode(ch);
    }
    return out;
  }

  toJSON(): object {
    const op = this.opcode;
    return {
      offset: this.offset, length: this.length, opcode: op,
      ...(op === 3 || op === 4 ? { block: this.block } : op === 5 ? { errorCode: this.errorCode, strings: this.strings } : { strings: this.strings }),
    };
  }
}
