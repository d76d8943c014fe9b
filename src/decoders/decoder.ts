import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { LinkType } from './link-type.js';
import { Packet, setCloneHook } from './packet.js';
import { byLinkType, walkAfterIp, walkRest, type Views } from './registry.js';

/** Options of a Decoder. */
export interface DecoderOptions {
  /**
   * Walk every layer within decode(), the packets tunnels carry included. By default what IP carries
   * besides ICMP, ICMPv6, TCP and UDP, a tunnel's inner packet and the application layer after TCP or
   * UDP are walked when first asked for (`stop`, `inner`, `layer()`, …), so that a loop reading headers
   * does not pay for them; a caller that reads every layer of every packet (a printer, JSON) saves the
   * deferral's bookkeeping with `eager: true`. The application layer after TCP or UDP stays deferred.
   */
  eager?: boolean;
}

/**
 * Zero-copy packet decoder. Create one per stream and call `decode()` per frame: it walks the
 * headers, points one reusable view per layer at them and returns the same `Packet` object
 * each time. Nothing is copied and nothing is allocated per packet; fields are read from the
 * bytes when you access them.
 *
 * ```ts
 * const d = new Decoder();
 * const p = d.decode(bytes, LinkType.EN10MB);
 * if (p.tcp) console.log(p.ipv4?.src, p.tcp.srcPort, p.tcp.flags);
 * if (p.stop) console.log(p.stop.toString());   // where and why decoding stopped
 * ```
 */
export class Decoder {
  /** The packet returned by every decode() call (re-pointed each time); it is also the walk's state. */
  readonly packet = new Packet();
  private readonly views: Views = this.packet.views;
  #inner: Decoder | undefined;
  /**
   * How many decode() calls ended in the internal guard (an unexpected exception, turned into
   * an `error` stop). Always 0 unless a decoder has a bug; the fuzz test asserts that.
   */
  guardCount = 0;

  /** @param options `eager`: see DecoderOptions. */
  constructor(options: DecoderOptions = {}) {
    this.packet.eager = options.eager === true;
  }

  /**
   * Decode one frame: `buf[offset .. offset + capLen)`, of link type `linkType` (a LINKTYPE_*
   * value, see `LinkType`). Never throws: a cut-short or malformed frame gives a Packet whose
   * `stop` says where and why decoding stopped, with every layer before it usable.
   *
   * @param buf the bytes holding the frame; for a batch, the whole region (no subarray needed)
   * @param linkType the link-layer header type of the frame
   * @param offset where the frame starts in `buf` (default 0)
   * @param capLen captured bytes (default: to the end of `buf`); clamped to `buf`
   * @param wireLen bytes of the frame on the wire (the record header's length; default: `capLen`)
   * @returns this Decoder's Packet, valid until the next decode()
   */
  decode(buf: Uint8Array, linkType: LinkType | number, offset = 0, capLen = buf.length - offset, wireLen = capLen): Packet {
    const c = this.packet;
    // The clamping is kept apart: merged here, `buf.length` (not a small integer to V8) would make
    // offset and capLen doubles, converted back on every packet.
    if (offset >= 0 && capLen >= 0 && offset + capLen <= buf.length) c.reset(buf, linkType, offset, capLen, wireLen);
    else resetClamped(c, buf, linkType, offset, capLen, wireLen);
    // The guard stays out of walk(), so the walk compiles as if it had none; what the catch does is
    // out of line too, so that decode() stays small enough for V8 to inline into the caller's loop.
    try {
      walk(this.views, c, linkType);
    } catch (e) {
      guarded(this, c, offset, e);
    }
    return c;
  }

  /**
   * @internal Decode from layer `layer` at `buf[off .. end)`, inside the frame that starts at `base`
   * (offsets stay relative to it): for a printer that goes on where the frame's walk did not (an
   * encapsulated or quoted packet, a layer after a lax stop). Returns this Decoder's Packet.
   */
  decodeFrom(layer: number, buf: Uint8Array, linkType: number, base: number, off: number, end: number): Packet {
    const c = this.packet;
    c.resetAt(buf, linkType, base, off, end);
    try {
      walkRest(this.views, c, layer);
    } catch (e) {
      guarded(this, c, off, e);
    }
    return c;
  }

  /**
   * Decode the packet carried inside `p` with a second Decoder owned by this one: the offending
   * packet of an ICMP or ICMPv6 error (its IP header and what follows), or the inner packet of an
   * IP-in-IP tunnel (IPv4 or IPv6 carrying protocol 4 or 41) or of Ethernet over IPv6 (143, as
   * SRv6 uses). Returns undefined when `p` carries none. The result is valid until the next
   * decodeInner() call.
   */
  decodeInner(p: Packet): Packet | undefined {
    this.#inner ??= new Decoder({ eager: this.packet.eager });
    const icmp = p.icmp ?? p.icmpv6;
    if (icmp?.isError) {
      const start = icmp.off + 8;
      return this.#inner.decode(icmp.buf, p.icmp ? LinkType.IPV4 : LinkType.IPV6, start, icmp.end - start);
    }
    const ip = p.ipv6 ?? p.ipv4;
    if (!ip || p.stop) return undefined;
    const proto = ip.protocol;
    const linkType = proto === 4 ? LinkType.IPV4 : proto === 41 ? LinkType.IPV6 : proto === 143 ? LinkType.EN10MB : -1;
    // Later fragments carry the middle of the inner packet, not its header.
    if (linkType < 0 || (ip === p.ipv4 && p.ipv4.fragmentOffset !== 0) || (ip === p.ipv6 && (p.ipv6.fragment?.offset ?? 0) !== 0)) return undefined;
    const start = ip.off + ip.headerLength;
    return this.#inner.decode(ip.buf, linkType, start, ip.end - start);
  }
}

// The table as a module constant: V8 then knows the array (an import is a cell load and checks per use).
const BY_LINK_TYPE = byLinkType;

/** A decoder bug must not take the caller down: it is counted and reported as this packet's error stop. */
function guarded(d: Decoder, c: Cursor, at: number, e: unknown): void {
  d.guardCount++;
  c.internalError(at, e);
}

/** decode() for an offset or capLen outside `buf` (or NaN): clamped to it. */
function resetClamped(c: Cursor, buf: Uint8Array, linkType: number, offset: number, capLen: number, wireLen: number): void {
  const n = buf.length;
  if (!(offset >= 0 && offset <= n)) offset = n;
  if (!(capLen >= 0)) capLen = 0;
  else if (capLen > n - offset) capLen = n - offset;
  c.reset(buf, linkType, offset, capLen, wireLen >= capLen ? wireLen : capLen);
}

const ETHERNET = Layer.Ethernet, VLAN = Layer.Vlan, IPV4 = Layer.Ipv4, IPV6 = Layer.Ipv6, TCP = Layer.Tcp, UDP = Layer.Udp;

/**
 * The walk: each step decodes the layer `next` names and returns the one after it (0: done), from
 * the link type's first layer on. The stack nearly every frame has, link → VLAN → IP → TCP or UDP,
 * is one straight line here, where V8 inlines each view's decode(); the rest goes on in
 * registry.ts's walkRest and walkAfterIp, which own which layer follows which. The line is here as
 * well as in walkRest (which inner packets and printers start from) because V8 inlines at most 920
 * bytes of bytecode into one function, a candidate counting 1.2× its size, and counts walkRest's own
 * ~240 bytes when the walk calls it: with the line only in walkRest, the Ethernet, IPv4 and TCP
 * decoders fitted and an IPv6 packet cost one call more (--trace-turbo-inlining; paired per batch,
 * one process: ~5% on the mixed capture, in the batch and the user loop alike).
 */
function walk(v: Views, c: Cursor, linkType: number): void {
  let next: number = linkType >= 0 && linkType < 512 ? BY_LINK_TYPE[linkType]! : 0;
  if (next === 0) { unsupported(c, linkType); return; }
  if (next === ETHERNET) next = v.ethernet.decode(c);
  if (next === VLAN) next = v.vlan.decode(c);
  if (next === IPV4) next = v.ipv4.decode(c);
  else if (next === IPV6) next = v.ipv6.decode(c);
  else { if (next !== 0) walkRest(v, c, next); return; }
  if (next === TCP) next = v.tcp.decode(c);
  else if (next === UDP) next = v.udp.decode(c);
  else if (next !== 0) { walkAfterIp(v, c, next); return; }
  // TCP and UDP leave what follows them to first use; a decoder that does not returns its next layer.
  if (next !== 0) walkRest(v, c, next);
}

/** The walk's stop for a link type without a decoder (out of line: the walk stays small enough to inline). */
function unsupported(c: Cursor, linkType: number): void { c.invalid(Layer.Link, c.base, `link type ${linkType} not supported`); }

setCloneHook((p) => { const b = p.bytes.slice(); return new Decoder().decode(b, p.linkType, 0, b.length, p.wireLen); });
