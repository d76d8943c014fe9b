// BFD control packets (RFC 5880; single hop RFC 5881 on UDP 3784, multihop RFC 5883 on 4784,
// micro-BFD on LAG members RFC 7130 on 6784): the 24-byte mandatory section and the optional
// authentication section after it.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readHex, readU32, readU8 } from './reads.js';
import { LayerView } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const BFD = Layer.Bfd;

/** Bytes of the mandatory section of a control packet. */
export const BFD_HEADER_LENGTH = 24;
/** Bytes of the authentication section's fixed part tcpdump checks first (type, length, key ID, one more). */
export const BFD_AUTH_HEADER_LENGTH = 4;
/** The A bit: an authentication section follows. */
export const BFD_FLAG_AUTH = 0x04;

/** A BFD control packet. Fields are read when asked for; those past the capture throw NOT_CAPTURED. */
export class Bfd extends LayerView {
  readonly layer = BFD;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < BFD_HEADER_LENGTH) return c.short(BFD, o, BFD_HEADER_LENGTH);
    this.headerLength = BFD_HEADER_LENGTH;
    c.mark(BFD);
    c.off = o + BFD_HEADER_LENGTH;
    return 0;
  }

  /** Protocol version (1 today; 0 for the draft's format). */
  get version(): number { return readU8(this, 0) >> 5; }
  /** Diagnostic code: why the sender's last session went down. */
  get diagnostic(): number { return readU8(this, 0) & 0x1f; }
  /** The flags byte whole (version 0: eight flags; version 1: state in the top two bits, then P F C A D M). */
  get flags(): number { return readU8(this, 1); }
  /** Session state (version 1): 0 AdminDown, 1 Down, 2 Init, 3 Up. */
  get state(): number { return readU8(this, 1) >> 6; }
  /** True when an authentication section follows the mandatory one. */
  get authPresent(): boolean { return (readU8(this, 1) & BFD_FLAG_AUTH) !== 0; }
  get detectMultiplier(): number { return readU8(this, 2); }
  /** The packet's own length field (bytes of the BFD packet). */
  get bfdLength(): number { return readU8(this, 3); }
  get myDiscriminator(): number { return readU32(this, 4); }
  get yourDiscriminator(): number { return readU32(this, 8); }
  /** Microseconds. */
  get desiredMinTxInterval(): number { return readU32(this, 12); }
  /** Microseconds. */
  get requiredMinRxInterval(): number { return readU32(this, 16); }
  /** Microseconds. */
  get requiredMinEchoRxInterval(): number { return readU32(this, 20); }

  // The authentication section (RFC 5880 4.2-4.4), after the mandatory one.
  /** 1 simple password, 2/3 (meticulous) keyed MD5, 4/5 (meticulous) keyed SHA1. */
  get authType(): number { return readU8(this, BFD_HEADER_LENGTH); }
  /** Bytes of the authentication section. */
  get authLength(): number { return readU8(this, BFD_HEADER_LENGTH + 1); }
  get authKeyId(): number { return readU8(this, BFD_HEADER_LENGTH + 2); }
  /** The sequence number of the MD5 and SHA1 types. */
  get authSequence(): number { return readU32(this, BFD_HEADER_LENGTH + 4); }
  /** Absolute offset of the simple password (its length is authLength - 3). */
  get passwordOffset(): number { return this.off + BFD_HEADER_LENGTH + 3; }
  /** The MD5 digest or SHA1 hash (`n` bytes after the sequence number) in hex; checked. */
  authDigestHex(n: number): string { return readHex(this, BFD_HEADER_LENGTH + 8, n); }

  toJSON(): object {
    const auth = this.has(BFD_HEADER_LENGTH + 2) && this.authPresent ? { authType: this.authType, authLength: this.authLength } : {};
    return {
      offset: this.offset, length: this.length, version: this.version, diagnostic: this.diagnostic, state: this.state, flags: this.flags,
      detectMultiplier: this.detectMultiplier, bfdLength: this.bfdLength, myDiscriminator: this.myDiscriminator,
      yourDiscriminator: this.yourDiscriminator, desiredMinTxInterval: this.desiredMinTxInterval,
      requiredMinRxInterval: this.requiredMinRxInterval, requiredMinEchoRxInterval: this.requiredMinEchoRxInterval, ...auth,
    };
  }
}
