// BOOTP (RFC 951) and DHCP (RFC 2131), UDP ports 67 and 68: a 236-byte fixed header (op, hardware
// type and length, hops, transaction ID, seconds, flags, four addresses, the client's hardware
// address, server name, boot file), then the vendor area: DHCP's magic cookie and options (RFC 2132,
// tag, length, value; Pad and End are one byte), or CMU's extensions. decode() walks the options
// to find their end and to stop where one is cut; a sub-view reads each option's value.
import { ipv4ToString, macToString } from './addr.js';
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const BOOTP = Layer.Bootp;

/** Bytes of the fixed header, before the vendor area. */
export const BOOTP_HEADER_LENGTH = 236;
/** The server name and boot file fields: where each starts and its size. */
export const BOOTP_SNAME_START = 44;
export const BOOTP_SNAME_LENGTH = 64;
export const BOOTP_FILE_START = 108;
export const BOOTP_FILE_LENGTH = 128;
/** Where DHCP's options start (after the magic cookie). */
export const BOOTP_OPTIONS_START = 240;
/** The vendor area's magic cookies: DHCP/RFC 1048's and CMU's. */
export const DHCP_MAGIC_COOKIE = 0x63825363;
export const CMU_MAGIC_COOKIE = 0x434d5500;
/** Bytes of an option's tag and length. */
export const BOOTP_OPTION_HEADER_LENGTH = 2;
/** CMU vendor extensions: the flags byte, and the addresses in the order tcpdump prints them (default gateway, subnet mask, …). */
const CMU_FLAGS_AT = 240;
const CMU_FIELD_AT: readonly number[] = [248, 244, 252, 256, 260, 264, 268, 272];

/** A DHCP option: tag, length, then its value, read by index (the formats are the tag's). */
export class BootpOption extends FieldView {
  get tag(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** Length of the value (Pad and End have none: not read for them). */
  get dataLength(): number { const o = this.off + 1; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** True when value bytes [0, n) were captured. */
  dataCaptured(n: number): boolean { return this.off + BOOTP_OPTION_HEADER_LENGTH + n <= this.end; }
  /** Throws NOT_CAPTURED unless value bytes [0, n) were captured. */
  needData(n: number): void { if (!this.dataCaptured(n)) throw NOT_CAPTURED; }
  /** Value byte `i` (8-bit values, flags, text), 16 and 32-bit values and an IPv4 address at value index `i`, checked. */
  data(i: number): number { const o = this.off + BOOTP_OPTION_HEADER_LENGTH + i; if (o >= this.end || i < 0) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  data16(i: number): number { const o = this.off + BOOTP_OPTION_HEADER_LENGTH + i; if (o + 2 > this.end || i < 0) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  data32(i: number): number { const o = this.off + BOOTP_OPTION_HEADER_LENGTH + i; if (o + 4 > this.end || i < 0) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  address(i: number): string { const o = this.off + BOOTP_OPTION_HEADER_LENGTH + i; if (o + 4 > this.end || i < 0) throw NOT_CAPTURED; return ipv4ToString(this.cursor.buf, o); }
  /** DHCP message type (option 53): 1 Discover … 8 Inform. */
  get messageType(): number { return this.data(0); }
}

/** A BOOTP/DHCP message. Decoded in full, it has its fixed header and, for DHCP, every option up to End. */
export class Bootp extends LayerView {
  readonly layer = BOOTP;
  /** The option sub-view: `option(i)` points it at byte `i` of the message. */
  readonly optionView: BootpOption = new BootpOption(this.cursor);

  decode(c: Cursor): number {
    const o = c.off, b = c.buf, end = c.end;
    this.off = o; this.end = end; this.headerLength = 0;
    if (end - o < BOOTP_HEADER_LENGTH) return c.short(BOOTP, o, BOOTP_HEADER_LENGTH);
    let n = BOOTP_HEADER_LENGTH;
    if (end - o >= BOOTP_OPTIONS_START && u32(b, o + BOOTP_HEADER_LENGTH) === DHCP_MAGIC_COOKIE) {
      n = this.optionsEnd(c, o);
      if (n < 0) return 0;
    }
    this.headerLength = n;
    c.mark(BOOTP);
    c.off = o + n;
    return 0;
  }

  /** Walks the DHCP options: the length up to End (or the data's end), or -1 after a stop. */
  private optionsEnd(c: Cursor, o: number): number {
    const b = c.buf, end = c.end;
    let p = o + BOOTP_OPTIONS_START;
    while (p < end) {
      const tag = b[p]!;
      if (tag === 0) { p++; continue; }
      if (tag === 255) return p + 1 - o;
      if (p + 2 > end) { c.short(BOOTP, o, p + 2 - o, `option ${tag}`); return -1; }
      const len = b[p + 1]!;
      if (p + 2 + len > end) { c.short(BOOTP, o, p + 2 + len - o, `option ${tag}`); return -1; }
      p += 2 + len;
    }
    return p - o;
  }

  private u8At(i: number): number { const o = this.off + i; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  private u32At(i: number): number { const o = this.off + i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  private quadAt(i: number): string { const o = this.off + i; if (o + 4 > this.end) throw NOT_CAPTURED; return ipv4ToString(this.cursor.buf, o); }

  /** 1 BOOTREQUEST, 2 BOOTREPLY. */
  get op(): number { return this.u8At(0); }
  /** Hardware address type (1 Ethernet) and length. */
  get htype(): number { return this.u8At(1); }
  get hlen(): number { return this.u8At(2); }
  get hops(): number { return this.u8At(3); }
  get xid(): number { return this.u32At(4); }
  get secs(): number { const o = this.off + 8; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  /** Broadcast (0x8000). */
  get flags(): number { const o = this.off + 10; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  /** Client, your (the client's new), server and relay agent addresses. */
  get clientAddress(): string { return this.quadAt(12); }
  get yourAddress(): string { return this.quadAt(16); }
  get serverAddress(): string { return this.quadAt(20); }
  get gatewayAddress(): string { return this.quadAt(24); }
  /** The client's hardware address as a MAC (when htype 1, hlen 6). */
  get clientMac(): string { const o = this.off + 28; if (o + 6 > this.end) throw NOT_CAPTURED; return macToString(this.cursor.buf, o); }
  /** The vendor area's first 32 bits: DHCP_MAGIC_COOKIE, CMU_MAGIC_COOKIE or another vendor's. */
  get magicCookie(): number { return this.u32At(BOOTP_HEADER_LENGTH); }
  /** The option sub-view pointed at byte `i` of the message. */
  option(i: number): BootpOption { return this.optionView.point(this.off + i, this.end); }

  // CMU vendor extensions (after CMU_MAGIC_COOKIE).
  get cmuFlags(): number { return this.u8At(CMU_FLAGS_AT); }
  /** How many address fields the CMU area has, and whether field `k` was captured, its value and its text. */
  get cmuFieldCount(): number { return CMU_FIELD_AT.length; }
  cmuFieldCaptured(k: number): boolean { return this.has(CMU_FIELD_AT[k]! + 4); }
  cmuFieldValue(k: number): number { return this.u32At(CMU_FIELD_AT[k]!); }
  cmuField(k: number): string { return this.quadAt(CMU_FIELD_AT[k]!); }

  /** Text of a NUL-padded field (server name, boot file) up to its NUL. */
  private field(start: number, size: number): string {
    let s = '';
    for (let i = 0; i < size; i++) { const ch = this.u8At(start + i); if (ch === 0) break; s += String.fromCharCode(ch); }
    return s;
  }

  toJSON(): object {
    const o: Record<string, unknown> = {
      offset: this.offset, length: this.length, op: this.op, htype: this.htype, hlen: this.hlen, hops: this.hops, xid: this.xid,
      secs: this.secs, flags: this.flags, clientAddress: this.clientAddress, yourAddress: this.yourAddress,
      serverAddress: this.serverAddress, gatewayAddress: this.gatewayAddress,
    };
    if (this.htype === 1 && this.hlen === 6) o.clientMac = this.clientMac;
    const sname = this.field(BOOTP_SNAME_START, BOOTP_SNAME_LENGTH), file = this.field(BOOTP_FILE_START, BOOTP_FILE_LENGTH);
    if (sname !== '') o.serverName = sname;
    if (file !== '') o.bootFile = file;
    if (this.headerLength > BOOTP_HEADER_LENGTH) {
      const options: { tag: number; length: number }[] = [];
      for (let i = BOOTP_OPTIONS_START; i < this.headerLength;) {
        const opt = this.option(i), tag = opt.tag;
        if (tag === 0) { i++; continue; }
        if (tag === 255) break;
        const len = opt.dataLength;
        options.push({ tag, length: len });
        if (tag === 53 && len >= 1) o.messageType = opt.messageType;
        i += BOOTP_OPTION_HEADER_LENGTH + len;
      }
      o.options = options;
    }
    return o;
  }
}
