// The Optimized Link State Routing protocol (RFC 3626, with olsr.org's link-quality, name
// service and smart-gateway extensions tcpdump knows) on UDP 698: a 4-byte packet header, then
// messages with a 12-byte (IPv4) or 24-byte (IPv6) header and a body by message type. The
// address size is the IP version's: the sub-views are told it when they are pointed.
import { ipv4ToString, ipv6ToString } from './addr.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readU16, readU32, readU8 } from './reads.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const OLSR = Layer.Olsr;

/** Bytes of the OLSR packet header (length, sequence number). */
export const OLSR_HEADER_LENGTH = 4;
/** Bytes of a message header with IPv4 and with IPv6 originator addresses. */
export const OLSR_MESSAGE_HEADER_LENGTH = 12, OLSR6_MESSAGE_HEADER_LENGTH = 24;
/** Bytes of the fixed part of a Hello (reserved, htime, willingness), of a link block's header, of a TC's (ANSN, reserved). */
export const OLSR_HELLO_HEADER_LENGTH = 4, OLSR_LINK_HEADER_LENGTH = 4, OLSR_TC_HEADER_LENGTH = 4;
/** Bytes of the name service header (version, entry count) and of an entry's type and length. */
export const OLSR_NAMESERVICE_HEADER_LENGTH = 4, OLSR_NAME_ENTRY_HEADER_LENGTH = 4;

/** An address at index `i` of a window, IPv4 or IPv6; checked. */
function address(w: FieldView, i: number, v6: boolean): string {
  const o = w.off + i;
  if (o + (v6 ? 16 : 4) > w.end) throw NOT_CAPTURED;
  return v6 ? ipv6ToString(w.cursor.buf, o) : ipv4ToString(w.cursor.buf, o);
}

/** One message, pointed at its first byte (pointMessage); `v6` for IPv6 originator addresses. */
export class OlsrMessage extends FieldView {
  v6 = false;
  /** 1 Hello, 2 TC, 3 MID, 4 HNA, 128 Powerinfo, 130 Nameservice, 201 Hello-LQ, 202 TC-LQ. */
  get type(): number { return readU8(this, 0); }
  /** Validity time, mantissa (high 4 bits) and exponent. */
  get vtime(): number { return readU8(this, 1); }
  /** Bytes of the message, its header included. */
  get size(): number { return readU16(this, 2); }
  get originator(): string { return address(this, 4, this.v6); }
  get ttl(): number { return readU8(this, this.addressSize + 4); }
  get hopCount(): number { return readU8(this, this.addressSize + 5); }
  get sequence(): number { return readU16(this, this.addressSize + 6); }
  get addressSize(): number { return this.v6 ? 16 : 4; }
  get headerLength(): number { return this.v6 ? OLSR6_MESSAGE_HEADER_LENGTH : OLSR_MESSAGE_HEADER_LENGTH; }
  /** Absolute index of the body. */
  get bodyStart(): number { return this.off + this.headerLength; }
  /** True when the header and `n` bytes of the body were captured. */
  hasBody(n: number): boolean { return this.has(this.headerLength + n); }
  // The bodies' fixed parts.
  /** Hello: hello emission interval (mantissa/exponent) and willingness. */
  get helloTime(): number { return readU8(this, this.headerLength + 2); }
  get willingness(): number { return readU8(this, this.headerLength + 3); }
  /** TC: advertised neighbor sequence number. */
  get ansn(): number { return readU16(this, this.headerLength); }
  /** Name service: version and number of entries. */
  get nameServiceVersion(): number { return readU16(this, this.headerLength); }
  get nameEntryCount(): number { return readU16(this, this.headerLength + 2); }
}

/**
 * One element of a message body, pointed at its first byte by the printer: a Hello's link block
 * header, a neighbor address (or link-quality entry), an interface address, an HNA network, a
 * name service entry. `v6` for IPv6 addresses.
 */
export class OlsrItem extends FieldView {
  v6 = false;
  get addressSize(): number { return this.v6 ? 16 : 4; }
  /** A Hello's link block: link code (link type in the low 2 bits, neighbor type above) and size (its header included). */
  get linkCode(): number { return readU8(this, 0); }
  get linkMessageSize(): number { return readU16(this, 2); }
  /** An address (neighbor, interface, HNA network, name service entry's after its header: `at` 4). */
  address(at = 0): string { return address(this, at, this.v6); }
  /** A link-quality entry: the address, then link quality and neighbor link quality (of 255). */
  get linkQuality(): number { return readU8(this, this.addressSize); }
  get neighborLinkQuality(): number { return readU8(this, this.addressSize + 1); }
  /** Bytes of a link-quality entry. */
  get lqEntrySize(): number { return this.addressSize + 4; }
  /** An HNA entry: the network, then its mask (IPv4: 32 bits; IPv6: byte `i` of 16). */
  get netmask(): number { return readU32(this, 4); }
  /** An IPv4 HNA entry's network as a number (0 for a smart gateway). */
  get network32(): number { return readU32(this, 0); }
  netmask6Byte(i: number): number { return readU8(this, 16 + i); }
  /** An IPv4 HNA entry of network 0.0.0.0 and mask 0.0.0.X is a smart gateway: flags X, then uplink and downlink speeds. */
  get gatewayMaskHigh(): number { return readU8(this, 4); }
  get gatewayFlags(): number { return readU8(this, 5); }
  get uplinkSpeed(): number { return readU8(this, 6); }
  get downlinkSpeed(): number { return readU8(this, 7); }
  /** A name service entry: type, name length, address; the name follows the address. */
  get nameType(): number { return readU16(this, 0); }
  get nameLength(): number { return readU16(this, 2); }
  get nameStart(): number { return OLSR_NAME_ENTRY_HEADER_LENGTH + this.addressSize; }
}

/** An OLSR packet. */
export class Olsr extends LayerView {
  readonly layer = OLSR;
  /** Sub-views for walking the messages and their bodies (pointed by the printer; reused). */
  readonly message: OlsrMessage = new OlsrMessage(this.cursor);
  readonly item: OlsrItem = new OlsrItem(this.cursor);

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < OLSR_HEADER_LENGTH) return c.short(OLSR, o, OLSR_HEADER_LENGTH);
    this.headerLength = OLSR_HEADER_LENGTH;
    c.mark(OLSR);
    c.off = o + OLSR_HEADER_LENGTH;
    return 0;
  }

  get packetLength(): number { return readU16(this, 0); }
  get sequence(): number { return readU16(this, 2); }

  /** Points `message` at the message `at` bytes into the packet (the first is at OLSR_HEADER_LENGTH). */
  pointMessage(at: number, v6: boolean): OlsrMessage { const m = this.message.point(this.off + at, this.end); m.v6 = v6; return m; }
  /** Points `item` at absolute index `pos` (inside a message's body). */
  pointItem(pos: number, v6: boolean): OlsrItem { const t = this.item.point(pos, this.end); t.v6 = v6; return t; }

  toJSON(): object {
    // The messages' types and sizes (the same for IPv4 and IPv6), as far as the packet length and the capture go.
    const messages: object[] = [], m = new OlsrMessage(this.cursor), last = Math.min(this.end, this.off + this.packetLength);
    for (let p = this.off + OLSR_HEADER_LENGTH; p + 4 <= last;) {
      m.point(p, last);
      const size = m.size;
      if (size === 0) break;
      messages.push({ type: m.type, size });
      p += size;
    }
    return { offset: this.offset, length: this.length, packetLength: this.packetLength, sequence: this.sequence, messages };
  }
}
