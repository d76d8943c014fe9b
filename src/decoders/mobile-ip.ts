// Minimal encapsulation within IP (RFC 2004), IP protocol 55, which tcpdump prints as "mobile": the
// original datagram's protocol, the S bit, a header checksum and the original destination, then with
// S set the original source (12 bytes in all), then the original datagram's payload.
import type { Cursor } from './cursor.js';
import { inCksum } from './checksum.js';
import { Layer } from './layer.js';
import { readIpv4, readU16, readU8 } from './reads.js';
import { LayerView } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const MOBILE = Layer.MobileIp;

/** Bytes of the header without the original source (S bit clear); with it, 12. */
export const MOBILE_IP_HEADER_LENGTH = 8;
export const MOBILE_IP_SOURCE_LENGTH = 4;

/** A minimal forwarding header. The original datagram's payload after it is not decoded. */
export class MobileIp extends LayerView {
  readonly layer = MOBILE;

  decode(c: Cursor): number {
    const o = c.off, b = c.buf;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < 2) return c.short(MOBILE, o, MOBILE_IP_HEADER_LENGTH);
    const n = MOBILE_IP_HEADER_LENGTH + (b[o + 1]! & 0x80 ? MOBILE_IP_SOURCE_LENGTH : 0);
    if (c.end - o < n) return c.short(MOBILE, o, n);
    this.headerLength = n;
    c.mark(MOBILE);
    c.off = o + n;
    return 0;
  }

  /** The original datagram's IP protocol. */
  get protocol(): number { return readU8(this, 0); }
  /** The original source is present (the S bit). */
  get sourcePresent(): boolean { return (readU8(this, 1) & 0x80) !== 0; }
  get checksum(): number { return readU16(this, 2); }
  get originalDestination(): string { return readIpv4(this, 4); }
  /** The original source, present with the S bit; undefined without it. */
  get originalSource(): string | undefined { return this.sourcePresent ? readIpv4(this, 8) : undefined; }
  /** The header's internet checksum over its 8 or 12 bytes (0 when right); the header must be captured. */
  get checksumResult(): number { return inCksum(this.cursor.buf, this.off, this.sourcePresent ? 12 : 8, 0); }

  toJSON(): object {
    return {
      offset: this.offset, length: this.length, protocol: this.protocol, checksum: this.checksum,
      originalDestination: this.originalDestination, originalSource: this.originalSource,
    };
  }
}
