// VRRP version 2 (RFC 3768) and 3 (RFC 5798), and OpenBSD's CARP (which shares IP protocol 112
// and is printed as such only under -T carp): an 8-byte header, then the virtual addresses
// (IPv4 or IPv6 by the IP version) and, for VRRPv2, 8 bytes of authentication data.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readIpv4, readIpv6, readU16, readU32, readU8 } from './reads.js';
import { LayerView } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const VRRP = Layer.Vrrp, CARP = Layer.Carp;

/** Bytes of the VRRP (and CARP) header before the addresses. */
export const VRRP_HEADER_LENGTH = 8;
/** Bytes of a CARP advertisement (header, 8-byte counter, 20-byte HMAC). */
export const CARP_LENGTH = 36;

/** A VRRP advertisement. Fields are read when asked for; those past the capture throw NOT_CAPTURED. */
export class Vrrp extends LayerView {
  readonly layer = VRRP;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < VRRP_HEADER_LENGTH) return c.short(VRRP, o, VRRP_HEADER_LENGTH);
    this.headerLength = VRRP_HEADER_LENGTH;
    c.mark(VRRP);
    c.off = o + VRRP_HEADER_LENGTH;
    return 0;
  }

  /** 2 or 3. */
  get version(): number { return readU8(this, 0) >> 4; }
  /** 1: advertisement. */
  get type(): number { return readU8(this, 0) & 0x0f; }
  get virtualRouterId(): number { return readU8(this, 1); }
  get priority(): number { return readU8(this, 2); }
  get addressCount(): number { return readU8(this, 3); }
  /** Version 2: 0 none, 1 simple text password, 2 IP authentication header. */
  get authType(): number { return readU8(this, 4); }
  /** Version 2: the advertisement interval in seconds. */
  get intervalSeconds(): number { return readU8(this, 5); }
  /** Version 3: the advertisement interval in centiseconds (12 bits). */
  get intervalCentiseconds(): number { return ((readU8(this, 4) & 0x0f) << 8) | readU8(this, 5); }
  get checksum(): number { return readU16(this, 6); }
  /** Virtual address `i` (IPv4 or IPv6 as the packet carries). */
  address4(i: number): string { return readIpv4(this, VRRP_HEADER_LENGTH + 4 * i); }
  address6(i: number): string { return readIpv6(this, VRRP_HEADER_LENGTH + 16 * i); }
  /** Index of the authentication data after `n` IPv4 addresses (version 2). */
  authIndex(n: number): number { return VRRP_HEADER_LENGTH + 4 * n; }

  toJSON(): object {
    return {
      offset: this.offset, length: this.length, version: this.version, type: this.type, virtualRouterId: this.virtualRouterId,
      priority: this.priority, addressCount: this.addressCount, checksum: this.checksum,
    };
  }
}

/** A CARP advertisement (decoded on IP protocol 112 only when a printer asks, under -T carp). */
export class Carp extends LayerView {
  readonly layer = CARP;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < VRRP_HEADER_LENGTH) return c.short(CARP, o, VRRP_HEADER_LENGTH);
    this.headerLength = VRRP_HEADER_LENGTH;
    c.mark(CARP);
    c.off = o + VRRP_HEADER_LENGTH;
    return 0;
  }

  /** 2. */
  get version(): number { return readU8(this, 0) >> 4; }
  /** 1: advertisement. */
  get type(): number { return readU8(this, 0) & 0x0f; }
  /** The virtual host id. */
  get vhid(): number { return readU8(this, 1); }
  get advskew(): number { return readU8(this, 2); }
  get authLength(): number { return readU8(this, 3); }
  get advbase(): number { return readU8(this, 5); }
  get checksum(): number { return readU16(this, 6); }
  /** The 64-bit replay counter, in decimal. */
  get counter(): string { return ((BigInt(readU32(this, 8)) << 32n) | BigInt(readU32(this, 12))).toString(); }

  toJSON(): object { return { offset: this.offset, length: this.length, version: this.version, type: this.type, vhid: this.vhid }; }
}
