// RIP version 1 (RFC 1058) and 2 (RFC 2453, authentication RFC 2082/4822) on UDP 520, and RIPng
// (RFC 2080) on UDP 521: a 4-byte header, then 20-byte entries a printer walks with a sub-view.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readIpv4, readIpv6, readU16, readU32, readU8 } from './reads.js';
import { FieldView, LayerView } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const RIP = Layer.Rip, RIPNG = Layer.Ripng;

/** Bytes of the RIP and RIPng header (command, version, two unused bytes). */
export const RIP_HEADER_LENGTH = 4;
/** Bytes of a route entry (RIP v1, v2 and RIPng alike). */
export const RIP_ENTRY_LENGTH = 20;
/** Bytes of the head of a RIPv2 entry (address family, route tag or authentication type). */
export const RIP_ENTRY_HEADER_LENGTH = 4;
/** Bytes of a RIPv2 simple password. */
export const RIP_AUTH_LENGTH = 16;
/** Bytes of a RIPv2 cryptographic authentication header after the entry head (RFC 4822). */
export const RIP_CRYPTO_AUTH_LENGTH = 16;

/** One RIP entry: a route (v1 or v2) or a v2 authentication entry (family 0xffff). */
export class RipEntry extends FieldView {
  /** Address family (2: IPv4; 0xffff: authentication). */
  get family(): number { return readU16(this, 0); }
  /** v2: route tag; in an authentication entry, its type (1 trailer, 2 password, 3 cryptographic). */
  get tag(): number { return readU16(this, 2); }
  /** v1: the two bytes after the family, which must be zero. */
  get v1MustBeZero1(): number { return readU16(this, 2); }
  get destination(): string { return readIpv4(this, 4); }
  /** v2: the destination's mask (v1: must be zero). */
  get mask(): number { return readU32(this, 8); }
  /** v2: next hop (0.0.0.0: the sender); v1: must be zero. */
  get nextHopValue(): number { return readU32(this, 12); }
  get nextHop(): string { return readIpv4(this, 12); }
  get metric(): number { return readU32(this, 16); }
  // RFC 4822's cryptographic authentication header, after the entry head.
  get cryptoPacketLength(): number { return readU16(this, 4); }
  get cryptoKeyId(): number { return readU8(this, 6); }
  get cryptoAuthDataLength(): number { return readU8(this, 7); }
  get cryptoSequence(): number { return readU32(this, 8); }
  get cryptoMustBeZero1(): number { return readU32(this, 12); }
  get cryptoMustBeZero2(): number { return readU32(this, 16); }
}

/** A RIP v1/v2 message. Fields are read when asked for; those past the capture throw NOT_CAPTURED. */
export class Rip extends LayerView {
  readonly layer = RIP;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < RIP_HEADER_LENGTH) return c.short(RIP, o, RIP_HEADER_LENGTH);
    this.headerLength = RIP_HEADER_LENGTH;
    c.mark(RIP);
    c.off = o + RIP_HEADER_LENGTH;
    return 0;
  }

  /** 1 request, 2 response, 3 trace on, 4 trace off, 5 poll, 6 poll entry. */
  get command(): number { return readU8(this, 0); }
  get version(): number { return readU8(this, 1); }
  /** The sub-view for the entries (reused). */
  readonly entry: RipEntry = new RipEntry(this.cursor);
  /** Points `entry` at the entry `pos` bytes after the header. */
  entryAt(pos: number): RipEntry { return this.entry.point(this.off + RIP_HEADER_LENGTH + pos, this.end); }

  toJSON(): object { return { offset: this.offset, length: this.length, command: this.command, version: this.version }; }
}

/** One RIPng route entry. */
export class RipngEntry extends FieldView {
  get prefix(): string { return readIpv6(this, 0); }
  get tag(): number { return readU16(this, 16); }
  get prefixLength(): number { return readU8(this, 18); }
  get metric(): number { return readU8(this, 19); }
  /** True when the prefix is :: (with metric 16, a request for the whole table). */
  get prefixUnspecified(): boolean {
    for (let i = 0; i < 16; i += 4) if (readU32(this, i) !== 0) return false;
    return true;
  }
}

/** A RIPng message. */
export class Ripng extends LayerView {
  readonly layer = RIPNG;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < RIP_HEADER_LENGTH) return c.short(RIPNG, o, RIP_HEADER_LENGTH);
    this.headerLength = RIP_HEADER_LENGTH;
    c.mark(RIPNG);
    c.off = o + RIP_HEADER_LENGTH;
    return 0;
  }

  /** 1 request, 2 response. */
  get command(): number { return readU8(this, 0); }
  get version(): number { return readU8(this, 1); }
  readonly entry: RipngEntry = new RipngEntry(this.cursor);
  /** Points `entry` at route entry `i`. */
  entryAt(i: number): RipngEntry { return this.entry.point(this.off + RIP_HEADER_LENGTH + i * RIP_ENTRY_LENGTH, this.end); }

  toJSON(): object { return { offset: this.offset, length: this.length, command: this.command, version: this.version }; }
}
