// NetBEUI (NBF, NetBIOS Frames) over 802.2 LLC, SAP 0xF0: a header that starts with its own length
// (14 bytes for session frames, 44 with the two 16-byte NetBIOS names) and the 0xEFFF delimiter,
// then the command (0x08 datagram, 0x0a name query, 0x0e add name response, 0x14-0x16 data
// frames…). Datagrams and data frames may carry SMB after the header.
import { u16le } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { SmbBytes, smbLayer } from './smb.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const NETBEUI = Layer.Netbeui;

/** Bytes of the shortest NBF header (session frames); name frames have 44. */
export const NETBEUI_MIN_HEADER_LENGTH = 14;

/** An NBF frame: the header's fields; `bytes` walks it as tcpdump's formats do. */
export class Netbeui extends LayerView {
  readonly layer = NETBEUI;
  /** For the printer's walk through the header (it points it). */
  readonly bytes: SmbBytes = new SmbBytes(this.cursor);

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < NETBEUI_MIN_HEADER_LENGTH) return c.short(NETBEUI, o, NETBEUI_MIN_HEADER_LENGTH);
    const b = c.buf;
    const len = u16le(b, o);
    if (len < NETBEUI_MIN_HEADER_LENGTH) return c.invalid(NETBEUI, o, `header length ${len} < ${NETBEUI_MIN_HEADER_LENGTH}`);
    if (u16le(b, o + 2) !== 0xefff) return c.invalid(NETBEUI, o, `delimiter 0x${u16le(b, o + 2).toString(16)} != 0xefff`);
    if (c.end - o < len) return c.short(NETBEUI, o, len);
    this.headerLength = len;
    c.mark(NETBEUI);
    c.off = o + len;
    const cmd = b[o + 4]!;
    return cmd === 0x08 || cmd === 0x09 || cmd === 0x15 || cmd === 0x16 ? smbLayer(b, o + len, c.end) : 0;
  }

  #u8(i: number): number { const o = this.off + i; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  #u16(i: number): number { const o = this.off + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16le(this.cursor.buf, o); }
  /** A 16-byte NetBIOS name at `i` (15 characters, trailing spaces and NULs dropped) and its type byte. */
  #name(i: number): string {
    let s = '';
    for (let k = 0; k < 15; k++) s += String.fromCharCode(this.#u8(i + k));
    return s.replace(/[ \0]+$/, '');
  }

  /** The header's length (its first field). */
  get headerLengthField(): number { return this.#u16(0); }
  /** The delimiter, 0xEFFF. */
  get signature(): number { return this.#u16(2); }
  /** 0x00-0x03 name management, 0x07/0x13 trace, 0x08 datagram, 0x09 broadcast datagram, 0x0a name query, 0x0d add name response, 0x0e name recognized, 0x14-0x1f session frames. */
  get command(): number { return this.#u8(4); }
  get data1(): number { return this.#u8(5); }
  get data2(): number { return this.#u16(6); }
  get transmitCorrelator(): number { return this.#u16(8); }
  get responseCorrelator(): number { return this.#u16(10); }
  /** Name frames (44-byte header): the destination name and its type. */
  get destinationName(): string | undefined { return this.headerLength >= 44 ? this.#name(12) : undefined; }
  get destinationNameType(): number | undefined { return this.headerLength >= 44 ? this.#u8(27) : undefined; }
  get sourceName(): string | undefined { return this.headerLength >= 44 ? this.#name(28) : undefined; }
  get sourceNameType(): number | undefined { return this.headerLength >= 44 ? this.#u8(43) : undefined; }

  toJSON(): object {
    return {
      offset: this.offset, length: this.length, command: this.command, data1: this.data1, data2: this.data2,
      transmitCorrelator: this.transmitCorrelator, responseCorrelator: this.responseCorrelator,
      ...(this.headerLength >= 44 ? {
        destinationName: this.destinationName, destinationNameType: this.destinationNameType, sourceName: this.sourceName, sourceNameType: this.sourceNameType,
      } : {}),
    };
  }
}
