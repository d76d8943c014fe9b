// The Ad-Hoc Configuration Protocol (draft-chroboczek-ahcp, Babel's companion) on UDP 5359:
// magic 43, version, then for version 1 a 22-byte header (hop counts, nonce, source and
// destination ids), a 4-byte body header (message type, MBZ, body length) and a body of options,
// each a type byte and (but for Pad and Mandatory) a length byte and a value: AhcpOption.
import { ipv4ToString, ipv6ToString, linkAddrToString } from './addr.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readU16, readU32, readU8 } from './reads.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const AHCP = Layer.Ahcp;

/** Bytes of the AHCP version 1 header (magic and version included). */
export const AHCP1_HEADER_LENGTH = 24;
/** Bytes of the version 1 body header (type, MBZ, length) after it. */
export const AHCP1_BODY_HEADER_LENGTH = 4;
/** Sizes of the items in the options' value lists. */
export const AHCP_IPV6_PREFIX_SIZE = 17, AHCP_IPV4_PREFIX_SIZE = 5;

/**
 * One option of an AHCP body, pointed at its type byte by a printer walking them. Value getters
 * read after the type and length bytes; every getter is checked. Items of the address and prefix
 * lists are numbered from 0.
 */
export class AhcpOption extends FieldView {
  /** Option number (0 Pad and 1 Mandatory have no length or value). */
  get type(): number { return readU8(this, 0); }
  /** Length of the value. */
  get valueLength(): number { return readU8(this, 1); }
  /** Origin Time (2): a time_t. Expires (3): seconds. */
  get time(): number { return readU32(this, 2); }
  /** Item `i` of a list of IPv6 addresses (4, 8, 12, 13). */
  ipv6Address(i: number): string { return this.ip6(2 + 16 * i); }
  /** Item `i` of a list of IPv4 addresses (5, 9). */
  ipv4Address(i: number): string { return this.ip4(2 + 4 * i); }
  /** Item `i` of a list of IPv6 prefixes (6, 10): the address, then the prefix length. */
  ipv6Prefix(i: number): string { return this.ip6(2 + AHCP_IPV6_PREFIX_SIZE * i); }
  ipv6PrefixLength(i: number): number { return readU8(this, 2 + AHCP_IPV6_PREFIX_SIZE * i + 16); }
  /** Item `i` of a list of IPv4 prefixes (7, 11). */
  ipv4Prefix(i: number): string { return this.ip4(2 + AHCP_IPV4_PREFIX_SIZE * i); }
  ipv4PrefixLength(i: number): number { return readU8(this, 2 + AHCP_IPV4_PREFIX_SIZE * i + 4); }

  private ip4(i: number): string { const o = this.off + i; if (o + 4 > this.end) throw NOT_CAPTURED; return ipv4ToString(this.cursor.buf, o); }
  private ip6(i: number): string { const o = this.off + i; if (o + 16 > this.end) throw NOT_CAPTURED; return ipv6ToString(this.cursor.buf, o); }
}

/** An AHCP message. */
export class Ahcp extends LayerView {
  readonly layer = AHCP;
  /** A sub-view for walking the options (pointed by the printer; reused). */
  readonly option: AhcpOption = new AhcpOption(this.cursor);

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < 2) return c.short(AHCP, o, 2);
    this.headerLength = 2;
    c.mark(AHCP);
    c.off = o + 2;
    return 0;
  }

  /** 43 for AHCP. */
  get magic(): number { return readU8(this, 0); }
  get version(): number { return readU8(this, 1); }
  // Version 1's header.
  get hopCount(): number { return readU8(this, 2); }
  get originalHopCount(): number { return readU8(this, 3); }
  get nonce(): number { return readU32(this, 4); }
  /** The 8-byte source and destination ids, as colon-separated hex. */
  get sourceId(): string { return this.id(8); }
  get destinationId(): string { return this.id(16); }
  private id(i: number): string { const o = this.off + i; if (o + 8 > this.end) throw NOT_CAPTURED; return linkAddrToString(this.cursor.buf, o, 8); }
  // Version 1's body header.
  /** 0 Discover, 1 Offer, 2 Request, 3 Ack, 4 Nack, 5 Release. */
  get messageType(): number { return readU8(this, 24); }
  /** Must be zero. */
  get mbz(): number { return readU8(this, 25); }
  /** Bytes of options after the body header. */
  get bodyLength(): number { return readU16(this, 26); }
  /** Absolute index of the first option. */
  get optionsStart(): number { return this.off + AHCP1_HEADER_LENGTH + AHCP1_BODY_HEADER_LENGTH; }

  toJSON(): object {
    const o: Record<string, unknown> = { offset: this.offset, length: this.length, magic: this.magic, version: this.version };
    if (this.version === 1 && this.has(AHCP1_HEADER_LENGTH + AHCP1_BODY_HEADER_LENGTH)) {
      Object.assign(o, { hopCount: this.hopCount, originalHopCount: this.originalHopCount, nonce: this.nonce, sourceId: this.sourceId, destinationId: this.destinationId,
        messageType: this.messageType, bodyLength: this.bodyLength });
    }
    return o;
  }
}
