// ETSI GeoNetworking (EtherType 0x8947; 0x0707 before the EtherType was assigned), ETSI TS 102
// 636-4-1 V1.1.1: the 36-byte common header (version and next header, header type and subtype,
// payload length, hop limit, the sender's long position vector), the extended header of the types
// whose size the 2011 layout gives (none for Any, Beacon and single-hop broadcast; 32 bytes for
// multi-hop topologically-scoped broadcast), then, for BTP-A/B, the 4-byte BTP header (EN 302
// 636-5-1) and the ITS PDU header of the message it carries: `transport(hdrSize)` points a sub-view there.
import { linkAddrToString } from './addr.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readU16, readU32, readU8 } from './reads.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const GEONET = Layer.Geonet;

/** Bytes of the common header. */
export const GEONET_COMMON_HEADER_LENGTH = 36;
/** Bytes of a GeoNetworking address (in the long position vector). */
export const GEONET_ADDR_LENGTH = 8;
/** Bytes of the BTP header (destination and source port), and of the ITS PDU header's version and message id. */
export const BTP_HEADER_LENGTH = 4;
export const ITS_PDU_HEADER_LENGTH = 2;

/**
 * Bytes of the extended header after the common one, for the header types whose size is known
 * (type << 4 | subtype); -1 for the others (their layout is not decoded).
 */
export function geonetExtendedHeaderLength(type: number, subtype: number): number {
  if (type === 0 || type === 1) return 0;
  if (type === 5) return subtype === 0 ? 0 : subtype === 1 ? 68 - GEONET_COMMON_HEADER_LENGTH : -1;
  return -1;
}

/** A GeoNetworking packet. */
export class Geonet extends LayerView {
  readonly layer = GEONET;
  /** The BTP header and ITS PDU header after the extended header: `transport()` points it. */
  readonly btp: GeonetBtp = new GeonetBtp(this.cursor);

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < GEONET_COMMON_HEADER_LENGTH) return c.short(GEONET, o, GEONET_COMMON_HEADER_LENGTH);
    const b = c.buf;
    const ext = geonetExtendedHeaderLength(b[o + 1]! >> 4, b[o + 1]! & 0x0f);
    const hl = GEONET_COMMON_HEADER_LENGTH + (ext > 0 ? ext : 0);
    if (c.end - o < hl) return c.short(GEONET, o, hl, 'extended header');
    this.headerLength = hl;
    c.mark(GEONET);
    c.off = o + hl;
    return 0;
  }

  get version(): number { return readU8(this, 0) >> 4; }
  /** 0 any, 1 BTP-A, 2 BTP-B, 3 IPv6. */
  get nextHeader(): number { return readU8(this, 0) & 0x0f; }
  /** 0 any, 1 beacon, 2 geo-unicast, 3 geo-anycast, 4 geo-broadcast, 5 topologically-scoped broadcast, 6 location service. */
  get headerType(): number { return readU8(this, 1) >> 4; }
  get headerSubtype(): number { return readU8(this, 1) & 0x0f; }
  get payloadLength(): number { return readU16(this, 4); }
  get hopLimit(): number { return readU8(this, 7); }
  /** The sender's long position vector: GeoNetworking address, latitude, longitude (1/10 micro-degree). */
  get address(): string { const o = this.off + 8; if (o + GEONET_ADDR_LENGTH > this.end) throw NOT_CAPTURED; return linkAddrToString(this.cursor.buf, o, GEONET_ADDR_LENGTH); }
  get latitude(): number { return readU32(this, 20); }
  get longitude(): number { return readU32(this, 24); }
  /** Points `btp` after the common header and `extendedLength` bytes of extended header. */
  transport(extendedLength: number): GeonetBtp { return this.btp.point(this.off + GEONET_COMMON_HEADER_LENGTH + extendedLength, this.end); }

  toJSON(): object {
    return {
      offset: this.offset, length: this.length, version: this.version, nextHeader: this.nextHeader, headerType: this.headerType,
      headerSubtype: this.headerSubtype, payloadLength: this.payloadLength, hopLimit: this.hopLimit, address: this.address,
      latitude: this.latitude, longitude: this.longitude,
    };
  }
}

/** The BTP header and the ITS PDU header after it. */
export class GeonetBtp extends FieldView {
  get destinationPort(): number { return readU16(this, 0); }
  get sourcePort(): number { return readU16(this, 2); }
  /** The ITS PDU header: protocol version and message id (0 CAM, 1 DENM…). */
  get pduVersion(): number { return readU8(this, BTP_HEADER_LENGTH); }
  get messageId(): number { return readU8(this, BTP_HEADER_LENGTH + 1); }
}
