// BGP-4 (RFC 4271, with RFC 4760 multiprotocol NLRI, RFC 6793 four-byte AS numbers and the
// attribute and capability RFCs tcpdump knows) on TCP port 179. A TCP segment holds any number of
// messages, each a 19-byte header (16-byte marker, length, type) and a body whose parts — path
// attributes, NLRI of many address families, capabilities — are variable and nested. The view
// is the segment's BGP data; the printer walks it by index with the checked reads below, which
// take the index of a field inside a message from the layouts of print-bgp.c.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readF32, readHex, readIpv4, readIpv6, readPrefixBytes, readU16, readU24, readU32, readU8 } from './reads.js';
import { LayerView, notCaptured } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const BGP = Layer.Bgp;

/** Bytes of a BGP message header (marker, length, type). */
export const BGP_HEADER_LENGTH = 19;
/** Bytes of the marker (all ones). */
export const BGP_MARKER_LENGTH = 16;

/** The BGP data of a TCP segment: messages from `off`, read by index (0: the segment's first BGP byte). */
export class Bgp extends LayerView {
  readonly layer = BGP;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < BGP_HEADER_LENGTH) return c.short(BGP, o, BGP_HEADER_LENGTH);
    this.headerLength = BGP_HEADER_LENGTH;
    c.mark(BGP);
    c.off = o + BGP_HEADER_LENGTH;
    return 0;
  }

  /** True when `n` bytes from index `i` were captured (tcpdump's ND_TTEST_LEN). */
  hasAt(i: number, n: number): boolean { return i >= 0 && n >= 0 && this.off + i + n <= this.end; }
  /** Bytes captured from index `i`. */
  capturedFrom(i: number): number { const n = this.end - this.off - i; return n > 0 ? n : 0; }
  /** True when the 16 bytes at `i` are a BGP marker (all ones); the caller checks they were captured. */
  markerAt(i: number): boolean {
    const b = this.cursor.buf, o = this.off + i;
    for (let k = 0; k < BGP_MARKER_LENGTH; k++) if (b[o + k] !== 0xff) return false;
    return true;
  }
  /** The message length and type of the header at `i`. */
  messageLength(i: number): number { return readU16(this, i + 16); }
  messageType(i: number): number { return readU8(this, i + 18); }

  // Checked reads at an index (NOT_CAPTURED past the capture), for the variable parts.
  u8(i: number): number { return readU8(this, i); }
  u16(i: number): number { return readU16(this, i); }
  u24(i: number): number { return readU24(this, i); }
  u32(i: number): number { return readU32(this, i); }
  /** An unsigned 64-bit value, in decimal. */
  u64Text(i: number): string { return ((BigInt(readU32(this, i)) << 32n) | BigInt(readU32(this, i + 4))).toString(); }
  /** The big-endian float at `i` (a link bandwidth, bytes per second). */
  f32(i: number): number { return readF32(this, i); }
  ipv4(i: number): string { return readIpv4(this, i); }
  ipv6(i: number): string { return readIpv6(this, i); }
  hex(i: number, n: number): string { return readHex(this, i, n); }
  /** `n` bytes at `i` (a view of them, not a copy); checked. */
  bytesAt(i: number, n: number): Uint8Array {
    const o = this.off + i;
    if (o + n > this.end || i < 0) notCaptured();
    return this.cursor.buf.subarray(o, o + n);
  }
  /**
   * A prefix of `plen` bits stored in `(plen + 7) / 8` bytes at `i`, padded to `size` bytes with
   * zeros and its bits past `plen` cleared (tcpdump's GET_CPY_BYTES then the mask): the bytes.
   */
  prefixBytes(i: number, plen: number, size: number): Uint8Array { return readPrefixBytes(this, i, plen, size); }

  /** The first message's type (1 open, 2 update, 3 notification, 4 keepalive, 5 route refresh). */
  get type(): number { return readU8(this, 18); }

  toJSON(): object { return { offset: this.offset, length: this.length, type: this.type, messageLength: this.messageLength(0) }; }
}
