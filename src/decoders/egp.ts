// EGP, the Exterior Gateway Protocol (RFC 904), IP protocol 8: a 16-byte header (version, type,
// code, status, checksum, autonomous system, sequence, then two type-dependent words), and in an
// update the gateways and the networks each reaches at each distance.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readIpv4, readU16, readU8 } from './reads.js';
import { LayerView } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const EGP = Layer.Egp;

/** Bytes of the EGP header. */
export const EGP_HEADER_LENGTH = 16;
/** Message types. */
export const enum EgpType { Update = 1, Poll = 2, Acquire = 3, Reach = 5, Error = 8 }

/**
 * An EGP message. The header's fields are read when asked for; the two type-dependent words are
 * named for each type (hello and poll intervals, gateway counts, the error's reason, the source
 * network). The update's list is read byte by byte with `byte()`, from the message's start.
 */
export class Egp extends LayerView {
  readonly layer = EGP;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < EGP_HEADER_LENGTH) return c.short(EGP, o, EGP_HEADER_LENGTH);
    this.headerLength = EGP_HEADER_LENGTH;
    c.mark(EGP);
    c.off = o + EGP_HEADER_LENGTH;
    return 0;
  }

  get version(): number { return readU8(this, 0); }
  get type(): number { return readU8(this, 1); }
  get code(): number { return readU8(this, 2); }
  get status(): number { return readU8(this, 3); }
  get checksum(): number { return readU16(this, 4); }
  get autonomousSystem(): number { return readU16(this, 6); }
  get sequence(): number { return readU16(this, 8); }
  /** Acquire request and confirm: the hello interval (s). */
  get helloInterval(): number { return readU16(this, 10); }
  /** Acquire request and confirm: the poll interval (s). */
  get pollInterval(): number { return readU16(this, 12); }
  /** Update: how many interior and exterior gateways the list names. */
  get interiorGateways(): number { return readU8(this, 10); }
  get exteriorGateways(): number { return readU8(this, 11); }
  /** Error: the reason code. */
  get reason(): number { return readU16(this, 10); }
  /** Poll and update: the source network. */
  get sourceNetwork(): string { return readIpv4(this, 12); }
  /** The source network's four bytes as one number, the first byte lowest (how tcpdump holds it on a little-endian host). */
  get sourceNetworkLittleEndian(): number {
    return (readU8(this, 12) | (readU8(this, 13) << 8) | (readU8(this, 14) << 16) | (readU8(this, 15) << 24)) >>> 0;
  }

  toJSON(): object {
    const type = this.type;
    return {
      offset: this.offset, length: this.length, version: this.version, type, code: this.code, status: this.status,
      autonomousSystem: this.autonomousSystem, sequence: this.sequence,
      ...(type === EgpType.Poll || type === EgpType.Update ? { sourceNetwork: this.sourceNetwork } : {}),
      ...(type === EgpType.Update ? { interiorGateways: this.interiorGateways, exteriorGateways: this.exteriorGateways } : {}),
      ...(type === EgpType.Error ? { reason: this.reason } : {}),
    };
  }
}
