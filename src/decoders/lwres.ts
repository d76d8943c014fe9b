// BIND 9's lightweight resolver protocol (lwres, UDP 921): a 28-byte header (length, version,
// flags, serial, opcode, result, receive length, authentication), then by opcode and direction a
// request or response: names (length, text, NUL), addresses (family, length, bytes), rdata.
// The fixed parts are getters; the repeated ones (aliases, addresses, rdata, signatures) are read
// through `item`, pointed at each.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readIpv4, readIpv6, readU16, readU32 } from './reads.js';
import { FieldView, LayerView } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const LWRES = Layer.Lwres;

/** Bytes of the packet header. */
export const LWRES_HEADER_LENGTH = 28;
/** Opcodes. */
export const LwresOpcode = { Noop: 0, GetAddrsByName: 0x00010001, GetNameByAddr: 0x00010002, GetRdataByName: 0x00010003 } as const;
/** Bytes of each body's fixed part (after the header), before its names and addresses. */
export const LWRES_GABN_REQUEST_LENGTH = 10;
export const LWRES_GNBA_REQUEST_LENGTH = 4;
export const LWRES_GRBN_REQUEST_LENGTH = 10;
export const LWRES_GABN_RESPONSE_LENGTH = 10;
export const LWRES_GNBA_RESPONSE_LENGTH = 8;
export const LWRES_GRBN_RESPONSE_LENGTH = 16;
/** An address's family and length before its bytes. */
export const LWRES_ADDR_HEADER_LENGTH = 6;

/**
 * A variable item of a body, pointed at its first byte: a name or rdata (16-bit length, then the
 * bytes) or an address (32-bit family, 16-bit length, then the bytes).
 */
export class LwresItem extends FieldView {
  /** A length-prefixed name's or rdata's length. */
  get length(): number { return readU16(this, 0); }
  get addressFamily(): number { return readU32(this, 0); }
  get addressLength(): number { return readU16(this, 4); }
  get ipv4(): string { return readIpv4(this, LWRES_ADDR_HEADER_LENGTH); }
  get ipv6(): string { return readIpv6(this, LWRES_ADDR_HEADER_LENGTH); }
}

/** An lwres packet. Header getters are checked, as are the body fields after it. */
export class Lwres extends LayerView {
  readonly layer = LWRES;
  readonly item: LwresItem;

  constructor(c: Cursor) { super(c); this.item = new LwresItem(c); }

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < LWRES_HEADER_LENGTH) return c.short(LWRES, o, LWRES_HEADER_LENGTH);
    this.headerLength = LWRES_HEADER_LENGTH;
    c.mark(LWRES);
    c.off = o + LWRES_HEADER_LENGTH;
    return 0;
  }

  /** The packet's length as it states it. */
  get packetLength(): number { return readU32(this, 0); }
  get version(): number { return readU16(this, 4); }
  /** Bit 0: a response. */
  get flags(): number { return readU16(this, 6); }
  get serial(): number { return readU32(this, 8); }
  get opcode(): number { return readU32(this, 12); }
  get result(): number { return readU32(this, 16); }
  get receiveLength(): number { return readU32(this, 20); }
  get authType(): number { return readU16(this, 24); }
  get authLength(): number { return readU16(this, 26); }
  // The bodies (offsets from the packet's first byte). Every body starts with 32 bits of flags.
  get bodyFlags(): number { return readU32(this, 28); }
  /** getaddrsbyname request: the address types asked for (1 IPv4, 2 IPv6). */
  get addressTypes(): number { return readU32(this, 32); }
  /** getaddrsbyname and getrdatabyname requests: the name's length. */
  get requestNameLength(): number { return readU16(this, 36); }
  /** getrdatabyname request and response: class and type. */
  get rdataClass(): number { return readU16(this, 32); }
  get rdataType(): number { return readU16(this, 34); }
  /** getaddrsbyname and getnamebyaddr responses: the number of aliases. */
  get aliasCount(): number { return readU16(this, 32); }
  /** getaddrsbyname response: the number of addresses, and the real name's length. */
  get addressCount(): number { return readU16(this, 34); }
  get gabnRealNameLength(): number { return readU16(this, 36); }
  /** getnamebyaddr response: the real name's length. */
  get gnbaRealNameLength(): number { return readU16(this, 34); }
  /** getrdatabyname response: TTL, rdata and signature counts. */
  get ttl(): number { return readU32(this, 36); }
  get rdataCount(): number { return readU16(this, 40); }
  get signatureCount(): number { return readU16(this, 42); }

  /** Points `item` at index `i` of the packet. */
  itemAt(i: number): LwresItem { return this.item.point(this.off + i, this.end); }

  toJSON(): object {
    return {
      offset: this.offset, length: this.length, packetLength: this.packetLength, version: this.version, flags: this.flags,
      serial: this.serial, opcode: this.opcode, result: this.result, receiveLength: this.receiveLength,
      authType: this.authType, authLength: this.authLength,
    };
  }
}
