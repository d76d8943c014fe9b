// Netlink messages as bytes: building a request (nlmsghdr, a fixed header such as ifinfomsg,
// then rtattr attributes, nested ones too) and walking a reply. Host byte order throughout, as
// the kernel writes it (every Linux vcap runs on is little-endian; NLA_F_NET_BYTEORDER attributes
// are read big-endian by the caller that knows them). Nothing here opens a socket.
import { VcapError } from '../errors.js';

export const NLMSG_HDRLEN = 16;
export const NLA_HDRLEN = 4;
/** The two flag bits of an attribute's type; what remains is the attribute number. */
export const NLA_TYPE_MASK = 0x3fff;

export const NLM_F_REQUEST = 0x1;
export const NLM_F_MULTI = 0x2;
export const NLM_F_ACK = 0x4;
/** The kernel had to restart a dump: what was read may be inconsistent; ask again. */
export const NLM_F_DUMP_INTR = 0x10;
export const NLM_F_DUMP = 0x300;
/** On an NLMSG_ERROR: the request was not echoed back (only its header). */
export const NLM_F_CAPPED = 0x100;
/** On an NLMSG_ERROR: extended-ack attributes follow the echoed request. */
export const NLM_F_ACK_TLVS = 0x200;

export const NLMSG_ERROR = 2;
export const NLMSG_DONE = 3;
/** Extended ack: the kernel's text for an error. */
export const NLMSGERR_ATTR_MSG = 1;

/** Attribute lengths and message lengths are padded to 4 bytes. */
export const align4 = (n: number): number => (n + 3) & ~3;

/** A reply that does not parse: a truncated header, a length past the datagram. */
export class NetlinkFormatError extends VcapError {
  override name = 'NetlinkFormatError';
  constructor(message: string) { super(`netlink: ${message}`, 'EPROTO'); }
}

/**
 * Builds one request. `header(n)` reserves the fixed part and returns a DataView to fill it;
 * attributes follow; `finish(seq)` writes the total length and returns the bytes.
 */
export class MessageBuilder {
  #buf = new Uint8Array(256);
  #dv = new DataView(this.#buf.buffer);
  #len = NLMSG_HDRLEN;

  constructor(readonly type: number, readonly flags: number) {}

  #reserve(n: number): number {
    const at = this.#len, need = at + align4(n);
    if (need > this.#buf.length) {
      const b = new Uint8Array(Math.max(need, this.#buf.length * 2));
      b.set(this.#buf);
      this.#buf = b;
      this.#dv = new DataView(b.buffer);
    }
    this.#len = need;
    return at;
  }

  /** The fixed header after nlmsghdr (ifinfomsg, ifaddrmsg, rtgenmsg…), zeroed, to fill in. */
  header(size: number): DataView {
    const at = this.#reserve(size);
    return new DataView(this.#buf.buffer, at, size);
  }

  attr(type: number, payload: Uint8Array): this {
    const at = this.#reserve(NLA_HDRLEN + payload.length);
    this.#dv.setUint16(at, NLA_HDRLEN + payload.length, true);
    this.#dv.setUint16(at + 2, type, true);
    this.#buf.set(payload, at + NLA_HDRLEN);
    return this;
  }

  u32(type: number, value: number): this {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, value >>> 0, true);
    return this.attr(type, b);
  }

  /** A NUL-terminated string, as IFLA_IFNAME wants it. */
  string(type: number, value: string): this {
    const text = new TextEncoder().encode(value);
    const b = new Uint8Array(text.length + 1);
    b.set(text);
    return this.attr(type, b);
  }

  /** A nested attribute: `fill` adds the inner ones. */
  nest(type: number, fill: (b: this) => void): this {
    const at = this.#reserve(NLA_HDRLEN);
    fill(this);
    this.#dv.setUint16(at, this.#len - at, true);
    this.#dv.setUint16(at + 2, type | 0x8000, true);  // NLA_F_NESTED
    return this;
  }

  finish(seq: number): Uint8Array {
    this.#dv.setUint32(0, this.#len, true);
    this.#dv.setUint16(4, this.type, true);
    this.#dv.setUint16(6, this.flags, true);
    this.#dv.setUint32(8, seq >>> 0, true);
    this.#dv.setUint32(12, 0, true);
    return this.#buf.slice(0, this.#len);
  }
}

/** One message of a reply: its header fields, and where its payload lies in `bytes`. */
export interface NetlinkMessage {
  readonly type: number;
  readonly flags: number;
  readonly seq: number;
  readonly portId: number;
  readonly bytes: Uint8Array;
  /** Payload start (after nlmsghdr) and end within `bytes`. */
  readonly offset: number;
  readonly end: number;
}

/** Every message of one datagram, in order; a malformed one throws NetlinkFormatError. */
export function parseMessages(bytes: Uint8Array): NetlinkMessage[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: NetlinkMessage[] = [];
  let at = 0;
  while (at + NLMSG_HDRLEN <= bytes.length) {
    const len = dv.getUint32(at, true);
    if (len < NLMSG_HDRLEN || at + len > bytes.length)
      throw new NetlinkFormatError(`message at byte ${at} claims ${len} bytes, ${bytes.length - at} left`);
    out.push({
      type: dv.getUint16(at + 4, true), flags: dv.getUint16(at + 6, true),
      seq: dv.getUint32(at + 8, true), portId: dv.getUint32(at + 12, true),
      bytes, offset: at + NLMSG_HDRLEN, end: at + len,
    });
    at += align4(len);
  }
  if (at < bytes.length) throw new NetlinkFormatError(`${bytes.length - at} bytes after the last message`);
  return out;
}

/**
 * The attributes of a region (rtattr/nlattr: u16 length, u16 type, payload padded to 4), by
 * number; the last one wins when a type repeats (use `all()` for lists such as IFLA_ALT_IFNAME).
 * A length that is too short or runs past the region ends the walk there, as the kernel's
 * nla_parse would reject it: what came before is kept.
 */
export class Attributes {
  readonly #bytes: Uint8Array;
  readonly #dv: DataView;
  readonly #at = new Map<number, [number, number]>();
  readonly #list: [number, number, number][] = [];

  constructor(bytes: Uint8Array, offset: number, end: number) {
    this.#bytes = bytes;
    this.#dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let at = offset;
    while (at + NLA_HDRLEN <= end) {
      const len = this.#dv.getUint16(at, true);
      if (len < NLA_HDRLEN || at + len > end) break;
      const type = this.#dv.getUint16(at + 2, true) & NLA_TYPE_MASK;
      this.#at.set(type, [at + NLA_HDRLEN, at + len]);
      this.#list.push([type, at + NLA_HDRLEN, at + len]);
      at += align4(len);
    }
  }

  has(type: number): boolean { return this.#at.has(type); }

  /** The attribute types present, in order of appearance (for tests and diagnostics). */
  types(): number[] { return this.#list.map((a) => a[0]); }

  #span(type: number, min: number): [number, number] | undefined {
    const s = this.#at.get(type);
    return s !== undefined && s[1] - s[0] >= min ? s : undefined;
  }

  /** A fixed-size value read at the attribute's payload, when the payload holds `size` bytes. */
  #num(type: number, size: number, read: (at: number) => number): number | undefined {
    const s = this.#span(type, size);
    return s && read(s[0]);
  }

  u8(type: number): number | undefined { return this.#num(type, 1, (at) => this.#dv.getUint8(at)); }
  u16(type: number): number | undefined { return this.#num(type, 2, (at) => this.#dv.getUint16(at, true)); }
  /** A big-endian u16 (ports: IFLA_VXLAN_PORT). */
  be16(type: number): number | undefined { return this.#num(type, 2, (at) => this.#dv.getUint16(at, false)); }
  u32(type: number): number | undefined { return this.#num(type, 4, (at) => this.#dv.getUint32(at, true)); }
  s32(type: number): number | undefined { return this.#num(type, 4, (at) => this.#dv.getInt32(at, true)); }

  /** A u64 as a number (counters: exact below 2^53, which no interface reaches). */
  u64(type: number): number | undefined { return this.#num(type, 8, (at) => Number(this.#dv.getBigUint64(at, true))); }

  /** A NUL-terminated (or unterminated) string. */
  string(type: number): string | undefined {
    const s = this.#span(type, 0);
    if (s === undefined) return undefined;
    let e = s[0];
    while (e < s[1] && this.#bytes[e] !== 0) e++;
    return new TextDecoder().decode(this.#bytes.subarray(s[0], e));
  }

  /** The payload as a view (valid as long as the reply's bytes are). */
  bytes(type: number): Uint8Array | undefined {
    const s = this.#span(type, 0);
    return s && this.#bytes.subarray(s[0], s[1]);
  }

  nested(type: number): Attributes | undefined {
    const s = this.#span(type, 0);
    return s && new Attributes(this.#bytes, s[0], s[1]);
  }

  /** Every occurrence of `type`, in order. */
  all(type: number): Uint8Array[] {
    return this.#list.filter((a) => a[0] === type).map((a) => this.#bytes.subarray(a[1], a[2]));
  }
}

/** The error an NLMSG_ERROR carries: 0 for an ack, else a negative errno, and the kernel's text if any. */
export function parseError(m: NetlinkMessage): { errno: number; text: string | undefined } {
  if (m.end - m.offset < 4) throw new NetlinkFormatError('NLMSG_ERROR shorter than its error code');
  const dv = new DataView(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength);
  const errno = dv.getInt32(m.offset, true);
  let text: string | undefined;
  if (m.flags & NLM_F_ACK_TLVS && m.end - m.offset >= 4 + NLMSG_HDRLEN) {
    // The request comes back after the code: its header only when capped, else whole.
    const echoed = m.flags & NLM_F_CAPPED ? NLMSG_HDRLEN : dv.getUint32(m.offset + 4, true);
    const at = m.offset + 4 + align4(echoed);
    if (at <= m.end) text = new Attributes(m.bytes, at, m.end).string(NLMSGERR_ATTR_MSG);
  }
  return { errno, text };
}
