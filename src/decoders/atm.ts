// ATM link types: Sun's raw ATM pseudo-header (LINKTYPE_SUNATM, 123: direction and traffic type,
// VPI, VCI, then an AAL5 PDU), RFC 1483 LLC-encapsulated frames (ATM_RFC1483, 100), classical
// IP over ATM (ATM_CLIP, 106: an RFC 1042 LLC/SNAP header, or none and IPv4), and OAM cells
// (ITU-T I.610: fault and performance management, loopback with its IDs, AIS/RDI, CRC-10).
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const ETHERNET = Layer.Ethernet, SUNATM = Layer.Sunatm, RFC1483 = Layer.AtmRfc1483, CLIP = Layer.AtmClip, LLC = Layer.Llc, IPV4 = Layer.Ipv4;

/** Bytes of the SunATM header. */
export const SUNATM_HEADER_LENGTH = 4;
/** Traffic types in the SunATM header's low nibble. */
export const enum AtmTraffic { Unknown = 0, Lane = 1, Llc = 2 }
/** VCIs on VPI 0 that carry signalling and management, not data. */
export const enum AtmVci { Meta = 0x01, Bcc = 0x02, OamF4Segment = 0x03, OamF4End = 0x04, Ppc = 0x05, Ilmi = 0x10 }
/** An 802.6 MAC header the Fore driver puts before frames that are not LLC UI. */
export const ATM_8026_HEADER_LENGTH = 20;
/** Bytes of an OAM cell's header without HEC, and its payload. */
export const OAM_CELL_HEADER_LENGTH = 4;
export const OAM_PAYLOAD_LENGTH = 48;
/** The LLC UI headers RFC 1483 frames start with: SNAP, ISO NS, IP. */
export function isAtmLlcHeader(h: number): boolean { return h === 0xaaaa03 || h === 0xfefe03 || h === 0x060603; }

/** Bytes of the LAN emulation header before an emulated Ethernet frame (the LE client ID). */
export const LANE_HEADER_LENGTH = 2;

/** LAN emulation (ATM Forum LANE): the LEC ID, or 0xff00 and a control frame's protocol, version and opcode. */
export class LaneHeader extends FieldView {
  get lecId(): number { const o = this.off; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  get controlProtocol(): number { const o = this.off + 2; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  get controlVersion(): number { const o = this.off + 3; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  get controlOpcode(): number { const o = this.off + 4; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
}

/** The SunATM pseudo-header; an LLC frame follows on data VCIs. */
export class Sunatm extends LayerView {
  readonly layer = SUNATM;
  readonly oam: OamCell;
  readonly lane: LaneHeader;

  constructor(c: Cursor) { super(c); this.oam = new OamCell(c); this.lane = new LaneHeader(c); }

  decode(c: Cursor): number {
    const o = c.off, b = c.buf;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < SUNATM_HEADER_LENGTH) return c.short(SUNATM, o, SUNATM_HEADER_LENGTH);
    this.headerLength = SUNATM_HEADER_LENGTH;
    c.mark(SUNATM);
    c.off = o + SUNATM_HEADER_LENGTH;
    const vci = u16(b, o + 2);
    if (b[o + 1] === 0 && (vci === 1 || vci === 2 || vci === 3 || vci === 4 || vci === 5 || vci === 0x10)) return 0;
    if ((b[o]! & 0x0f) !== AtmTraffic.Lane) return LLC;
    // LANE: a 2-byte LEC ID, then an Ethernet frame (0xff00: a control frame instead).
    if (c.end - c.off < LANE_HEADER_LENGTH || u16(b, c.off) === 0xff00) return 0;
    this.headerLength += LANE_HEADER_LENGTH;
    c.off += LANE_HEADER_LENGTH;
    return ETHERNET;
  }

  /** 0x80: transmitted; the low nibble: AtmTraffic. */
  get directionByte(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  get transmitted(): boolean { return (this.directionByte & 0x80) !== 0; }
  get trafficType(): number { return this.directionByte & 0x0f; }
  get vpi(): number { const o = this.off + 1; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  get vci(): number { const o = this.off + 2; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }

  toJSON(): object { return { offset: this.offset, length: this.length, transmitted: this.transmitted, trafficType: this.trafficType, vpi: this.vpi, vci: this.vci }; }
}

/** RFC 1483 (LINKTYPE_ATM_RFC1483) and classical IP (ATM_CLIP): an LLC header, or what replaces it. */
export class AtmLink extends LayerView {
  readonly layer: typeof Layer.AtmRfc1483 | typeof Layer.AtmClip;

  constructor(c: Cursor, layer: typeof Layer.AtmRfc1483 | typeof Layer.AtmClip) { super(c); this.layer = layer; }

  decode(c: Cursor): number {
    const o = c.off, b = c.buf, end = c.end;
    this.off = o; this.end = end; this.headerLength = 0;
    if (this.layer === CLIP) {
      if (end - o < 6) return c.short(CLIP, o, 6);
      c.mark(CLIP);
      return u32(b, o) === 0xaaaa0300 && u16(b, o + 4) === 0 ? LLC : IPV4;
    }
    if (end - o < 1) return c.short(RFC1483, o, 1);
    // Cisco-style NLPID: 0x03, then an OSI packet (no decoder for it yet).
    if (b[o] === 0x03) { this.headerLength = 1; c.mark(RFC1483); c.off = o + 1; return 0; }
    if (end - o < 3) return c.short(RFC1483, o, 3);
    if (!isAtmLlcHeader((b[o]! << 16) | u16(b, o + 1))) {
      if (end - o < ATM_8026_HEADER_LENGTH) return c.short(RFC1483, o, ATM_8026_HEADER_LENGTH);
      this.headerLength = ATM_8026_HEADER_LENGTH;
    }
    c.mark(RFC1483);
    c.off = o + this.headerLength;
    return LLC;
  }

  /** The first byte (0x03: Cisco NLPID). */
  get firstByte(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** The first three bytes: an LLC UI header (isAtmLlcHeader) or the start of an 802.6 header. */
  get llcHeader(): number { const o = this.off; if (o + 3 > this.end) throw NOT_CAPTURED; return (this.cursor.buf[o]! << 16) | u16(this.cursor.buf, o + 1); }
  /** Word `i` (0–3) of the 802.6 header. */
  ieee8026Word(i: number): number { const o = this.off + 4 * i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  /** ATM_CLIP: the frame starts with RFC 1042's LLC/SNAP header (0xaa 0xaa 0x03 0 0 0). */
  get clipLlc(): boolean {
    const o = this.off;
    if (o + 6 > this.end) throw NOT_CAPTURED;
    return u32(this.cursor.buf, o) === 0xaaaa0300 && u16(this.cursor.buf, o + 4) === 0;
  }

  toJSON(): object { return { offset: this.offset, length: this.length }; }
}

/**
 * An OAM cell: the cell header (4 bytes, and the HEC byte where the capture kept it), the cell
 * and function types, 45 bytes specific to the function, and the CRC-10. Pointed by the printer
 * at the cell with `point(off, end)` and `hec` set to 0 or 1.
 */
export class OamCell extends FieldView {
  /** Bytes of HEC after the cell header (0 or 1). */
  hec = 0;
  get cellHeader(): number { const o = this.off + this.hec; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  #typeByte(): number { const o = this.off + OAM_CELL_HEADER_LENGTH + this.hec; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  get cellType(): number { return this.#typeByte() >> 4; }
  get functionType(): number { return this.#typeByte() & 0x0f; }
  /** Offset of the payload (cell and function type first) from the cell. */
  get payloadAt(): number { return OAM_CELL_HEADER_LENGTH + this.hec; }
  #u8(i: number): number { const o = this.off + this.payloadAt + i; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  #u16(i: number): number { const o = this.off + this.payloadAt + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  /** The function-specific fields, from the payload's second byte (`has(payloadAt + 1 + n)` tests them). */
  get loopbackIndicator(): number { return this.#u8(1) & 1; }
  get correlationTag(): number { const o = this.off + this.payloadAt + 2; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  /** Loopback: 16-bit word `i` (0–5) of the location ID and of the source ID. */
  locationIdWord(i: number): number { return this.#u16(6 + 2 * i + 1); }
  sourceIdWord(i: number): number { return this.#u16(18 + 2 * i + 1); }
  /** AIS/RDI: the failure type, and word `i` (0–7) of the failure location. */
  get failureType(): number { return this.#u8(1); }
  failureLocationWord(i: number): number { return this.#u16(2 + 2 * i + 1); }
  /** The CRC-10 field, at the end of the 48-byte payload. */
  get crc10(): number { return this.#u16(1 + 45) & 0x3ff; }
  /** The CRC-10 over the payload: 0 when it verifies (the caller reads `crc10` first, which proves the bytes). */
  get crc10Check(): number { return crc10(this.cursor.buf, this.off + this.payloadAt, OAM_PAYLOAD_LENGTH); }
}

/** CRC-10 (polynomial 0x633) of `n` bytes at `o`, as tcpdump's verify_crc10_cksum. */
function crc10(b: Uint8Array, o: number, n: number): number {
  let acc = 0;
  for (let i = 0; i < n; i++) acc = ((acc << 8) & 0x3ff) ^ CRC10_TABLE[(acc >> 2) & 0xff]! ^ b[o + i]!;
  return acc;
}
const CRC10_TABLE = Uint16Array.from({ length: 256 }, (_, i) => {
  let acc = i << 2;
  for (let j = 0; j < 8; j++) { acc <<= 1; if (acc & 0x400) acc ^= 0x633; }
  return acc;
});
