// DHCPv6 (RFC 8415; relay messages, RFC 5007 leasequery, RFC 5908 NTP server, RFC 8520 MUD URL).
// UDP ports 546 (client) and 547 (server). A message is a type and a 24-bit transaction id, or for
// relay-forward/relay-reply a hop count and two IPv6 addresses, followed by TLV options; some options
// (IA_NA, IA_PD, IA_ADDR…) carry options of their own, and relay-message carries a whole message.
import { ipv6ToString } from './addr.js';
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const DHCP6 = Layer.Dhcp6;

/** Bytes of a client/server message's header: message type and transaction id. */
export const DHCP6_HEADER_LENGTH = 4;
/** Bytes of a relay message's header: type, hop count, link and peer addresses. */
export const DHCP6_RELAY_HEADER_LENGTH = 34;
/** Bytes of an option's header: code and length. */
export const DHCP6_OPTION_HEADER_LENGTH = 4;

/** Message types. */
export const Dhcp6Type = {
  Solicit: 1, Advertise: 2, Request: 3, Confirm: 4, Renew: 5, Rebind: 6, Reply: 7, Release: 8, Decline: 9,
  Reconfigure: 10, InformationRequest: 11, RelayForward: 12, RelayReply: 13, Leasequery: 14, LeasequeryReply: 15,
} as const;

/** Option codes whose data has a fixed part and then options of their own: code → bytes of the fixed part. */
const SUB_OPTIONS_AT = new Int8Array(256).fill(-1);
SUB_OPTIONS_AT[3] = 12;   // IA_NA: IAID, T1, T2
SUB_OPTIONS_AT[25] = 12;  // IA_PD: IAID, T1, T2
SUB_OPTIONS_AT[4] = 4;    // IA_TA: IAID
SUB_OPTIONS_AT[5] = 24;   // IA_ADDR: address, preferred and valid lifetimes
SUB_OPTIONS_AT[26] = 25;  // IA_PD prefix: lifetimes, prefix length, prefix
SUB_OPTIONS_AT[44] = 17;  // LQ_QUERY: query type, link address
SUB_OPTIONS_AT[45] = 0;   // CLIENT_DATA: options only

/** True when `relay` message type: the header is hop count and two addresses, not a transaction id. */
function isRelayType(t: number): boolean { return t === 12 || t === 13; }

/**
 * A DHCPv6 message: the layer's own, or one a relay-message option carries (the printer points it
 * there). Checked getters: a field past the captured end throws NOT_CAPTURED.
 */
export class Dhcp6Message extends FieldView {
  /** Message type (1 solicit … 13 relay-reply, 14/15 leasequery). */
  get msgType(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** True for relay-forward and relay-reply, whose header is hop count and addresses. */
  get isRelay(): boolean { return isRelayType(this.msgType); }
  /** The 24-bit transaction id (client/server messages). */
  get transactionId(): number { const o = this.off; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o) & 0xffffff; }
  /** Relay messages: how many relays the message has passed. */
  get hopCount(): number { const o = this.off; if (o + 2 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 1]!; }
  /** Relay messages: the link the client is on. */
  get linkAddress(): string { const o = this.off; if (o + 18 > this.end) throw NOT_CAPTURED; return ipv6ToString(this.cursor.buf, o + 2); }
  /** Relay messages: the client's or previous relay's address. */
  get peerAddress(): string { const o = this.off; if (o + 34 > this.end) throw NOT_CAPTURED; return ipv6ToString(this.cursor.buf, o + 18); }
  /** Absolute index of the first option (after the header this message type has). */
  get optionsStart(): number { return this.off + (this.isRelay ? DHCP6_RELAY_HEADER_LENGTH : DHCP6_HEADER_LENGTH); }
}

/**
 * One option (code, length, data), for walking a message's options: the printer points it at each.
 * `data*` read the option's data by index from its first byte; the named getters are the fields of
 * the options that have them. All checked against `end` (what was captured), not the option length:
 * the printer tests the length as tcpdump does.
 */
export class Dhcp6Option extends FieldView {
  /** Option code (1 client-ID, 2 server-ID, 3 IA_NA, 5 IA_ADDR, 6 ORO, 8 elapsed time, 9 relay message…). */
  get code(): number { const o = this.off; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  /** Bytes of data the option says it has. */
  get dataLength(): number { const o = this.off; if (o + 4 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o + 2); }
  /** Absolute index of the option's data. */
  get dataStart(): number { return this.off + DHCP6_OPTION_HEADER_LENGTH; }
  /** Absolute index after the option (by its length). */
  get next(): number { return this.off + DHCP6_OPTION_HEADER_LENGTH + this.dataLength; }
  /** True when the option's `n` data bytes were captured. */
  dataCaptured(n: number): boolean { return this.off + DHCP6_OPTION_HEADER_LENGTH + n <= this.end; }
  /** Data byte `i`, checked: for data walked byte by byte (DUIDs, names, hex dumps). */
  data(i: number): number { const o = this.off + DHCP6_OPTION_HEADER_LENGTH + i; if (o >= this.end || i < 0) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** 16-bit value at data byte `i`. */
  data16(i: number): number { const o = this.off + DHCP6_OPTION_HEADER_LENGTH + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  /** 32-bit value at data byte `i`. */
  data32(i: number): number { const o = this.off + DHCP6_OPTION_HEADER_LENGTH + i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  /** IPv6 address at data byte `i` (address lists, IA_ADDR, NTP server suboptions). */
  address(i: number): string { const o = this.off + DHCP6_OPTION_HEADER_LENGTH + i; if (o + 16 > this.end) throw NOT_CAPTURED; return ipv6ToString(this.cursor.buf, o); }
  /** Client/server ID: the DUID type (1 link-layer + time, 2 enterprise, 3 link-layer). */
  get duidType(): number { return this.data16(0); }
  /** DUID-LLT: hardware type and time; DUID-LL: hardware type. */
  get duidHardwareType(): number { return this.data16(2); }
  get duidTime(): number { return this.data32(4); }
  /** IA_NA, IA_TA, IA_PD: the identity association's id; IA_NA, IA_PD: T1 and T2. */
  get iaid(): number { return this.data32(0); }
  get t1(): number { return this.data32(4); }
  get t2(): number { return this.data32(8); }
  /** IA_ADDR: the address, and its preferred and valid lifetimes. */
  get iaAddress(): string { return this.address(0); }
  get iaPreferredLifetime(): number { return this.data32(16); }
  get iaValidLifetime(): number { return this.data32(20); }
  /** IA_PD prefix: lifetimes, prefix length and prefix. */
  get prefixPreferredLifetime(): number { return this.data32(0); }
  get prefixValidLifetime(): number { return this.data32(4); }
  get prefixLength(): number { return this.data(8); }
  get prefix(): string { return this.address(9); }
  /** Status code option: the code (0 success…). */
  get statusCode(): number { return this.data16(0); }
  /** Elapsed time (hundredths of a second), preference, reconfigure message type. */
  get elapsedTime(): number { return this.data16(0); }
  get preference(): number { return this.data(0); }
  /** Authentication: protocol, algorithm, replay detection method; the replay detection value is data16(3 + 2i). */
  get authProtocol(): number { return this.data(0); }
  get authAlgorithm(): number { return this.data(1); }
  get authRdm(): number { return this.data(2); }
  /** Remote-ID: enterprise number. LQ_QUERY: query type and link address. */
  get enterpriseNumber(): number { return this.data32(0); }
  get queryType(): number { return this.data(0); }
  get queryLinkAddress(): string { return this.address(1); }
  /** Where the options inside this option start (absolute), or -1 when its code carries none. */
  get subOptionsStart(): number { const n = SUB_OPTIONS_AT[this.code & 0xff]!; return this.code > 255 || n < 0 ? -1 : this.dataStart + n; }
}

/** A DHCPv6 message sent over UDP: the message header; the options are walked through `option`. */
export class Dhcp6 extends LayerView {
  readonly layer = DHCP6;
  /** The message, for the printer (pointed at this layer by decode(); at a relayed message by the printer). */
  readonly message: Dhcp6Message;
  /** An option, pointed by whoever walks them (reused: nothing is allocated per option). */
  readonly option: Dhcp6Option;

  constructor(c: Cursor) {
    super(c);
    this.message = new Dhcp6Message(c);
    this.option = new Dhcp6Option(c);
  }

  decode(c: Cursor): number {
    const o = c.off, have = c.end - o;
    this.off = o; this.end = c.end; this.headerLength = 0;
    this.message.point(o, c.end);
    if (have < DHCP6_HEADER_LENGTH) return c.short(DHCP6, o, DHCP6_HEADER_LENGTH);
    const need = isRelayType(c.buf[o]!) ? DHCP6_RELAY_HEADER_LENGTH : DHCP6_HEADER_LENGTH;
    if (have < need) return c.short(DHCP6, o, need);
    this.headerLength = need;
    c.mark(DHCP6);
    c.off = o + need;
    return 0;
  }

  /** Message type (1 solicit … 13 relay-reply). */
  get msgType(): number { return this.message.point(this.off, this.end).msgType; }
  /** Client/server messages: the 24-bit transaction id (undefined for relay messages). */
  get transactionId(): number | undefined { const m = this.message.point(this.off, this.end); return m.isRelay ? undefined : m.transactionId; }
  /** Relay messages: hop count, link and peer addresses (undefined for the others). */
  get hopCount(): number | undefined { const m = this.message.point(this.off, this.end); return m.isRelay ? m.hopCount : undefined; }
  get linkAddress(): string | undefined { const m = this.message.point(this.off, this.end); return m.isRelay ? m.linkAddress : undefined; }
  get peerAddress(): string | undefined { const m = this.message.point(this.off, this.end); return m.isRelay ? m.peerAddress : undefined; }

  /** The message's top-level options as code and data length (a copy), up to the first that runs past the end. */
  get options(): { code: number; length: number; offset: number }[] {
    const out: { code: number; length: number; offset: number }[] = [];
    const opt = this.option;
    for (let at = this.off + this.headerLength; at + DHCP6_OPTION_HEADER_LENGTH <= this.end;) {
      opt.point(at, this.end);
      const next = opt.next;
      if (next > this.end) break;
      out.push({ code: opt.code, length: opt.dataLength, offset: at - this.base });
      at = next;
    }
    return out;
  }

  toJSON(): object {
    return {
      offset: this.offset, length: this.length, msgType: this.msgType,
      ...(this.transactionId !== undefined ? { transactionId: this.transactionId } : { hopCount: this.hopCount, linkAddress: this.linkAddress, peerAddress: this.peerAddress }),
      options: this.options,
    };
  }
}
