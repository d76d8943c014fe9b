import { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { LinkType } from './link-type.js';
import { Packet, setCloneHook } from './packet.js';
import { byLinkType, createViews, type Views } from './registry.js';

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
  /** The packet returned by every decode() call (re-pointed each time). */
  readonly packet = new Packet();
  private readonly cursor = new Cursor(this.packet);
  private readonly views: Views = createViews();

  constructor() { this.packet.cursor = this.cursor; this.packet.views = this.views; }
  #inner: Decoder | undefined;
  /**
   * How many decode() calls ended in the internal guard (an unexpected exception, turned into
   * an `error` stop). Always 0 unless a decoder has a bug; the fuzz test asserts that.
   */
  guardCount = 0;

  /**
   * Decode one frame: `buf[offset .. offset + capLen)`, of link type `linkType` (a LINKTYPE_*
   * value, see `LinkType`). Never throws: a cut-short or malformed frame gives a Packet whose
   * `stop` says where and why decoding stopped, with every layer before it usable.
   *
   * @param buf the bytes holding the frame; for a batch, the whole region (no subarray needed)
   * @param linkType the link-layer header type of the frame
   * @param offset where the frame starts in `buf` (default 0)
   * @param capLen captured bytes (default: to the end of `buf`); clamped to `buf`
   * @returns this Decoder's Packet, valid until the next decode()
   */
  decode(buf: Uint8Array, linkType: LinkType | number, offset = 0, capLen = buf.length - offset): Packet {
    const p = this.packet, c = this.cursor;
    if (!(offset >= 0 && offset <= buf.length)) offset = buf.length;
    if (!(capLen >= 0)) capLen = 0;
    if (capLen > buf.length - offset) capLen = buf.length - offset;
    p.linkType = linkType;
    if (p.buf !== buf) p.buf = buf;
    p.frameOffset = offset; p.capLen = capLen;
    c.reset(buf, offset, capLen);
    try {
      let next: number = linkType >= 0 && linkType < 512 ? byLinkType[linkType]! : 0;
      if (next === 0) c.invalid(Layer.Link, offset, `link type ${linkType} not supported`);
      // A switch rather than views[next].decode(c): one shared call site would see every view
      // class and go megamorphic. registry.ts still owns which layer follows which.
      const v = this.views;
      while (next !== 0) {
        switch (next) {
          case Layer.Ethernet: next = v.ethernet.decode(c); break;
          case Layer.Ipv4: next = v.ipv4.decode(c); break;
          case Layer.Ipv6: next = v.ipv6.decode(c); break;
          case Layer.Tcp: next = v.tcp.decode(c); break;
          case Layer.Udp: next = v.udp.decode(c); break;
          case Layer.Vlan: next = v.vlan.decode(c); break;
          case Layer.Icmp: next = v.icmp.decode(c); break;
          case Layer.Icmpv6: next = v.icmpv6.decode(c); break;
          case Layer.Arp: next = v.arp.decode(c); break;
          case Layer.Dns: next = v.dns.decode(c); break;
          default: next = v.table[next]!.decode(c);
        }
      }
    } catch (e) {
      // A decoder bug must not take the caller down: report it as this packet's error.
      this.guardCount++;
      c.invalid(Layer.None, offset, `internal decoder error: ${e instanceof Error ? e.message : String(e)}`);
    }
    p.finish(c);
    return p;
  }

  /**
   * Decode the packet carried inside `p` with a second Decoder owned by this one: the offending
   * packet of an ICMP or ICMPv6 error (its IP header and what follows), or the inner packet of an
   * IP-in-IP tunnel (IPv4 or IPv6 carrying protocol 4 or 41) or of Ethernet over IPv6 (143, as
   * SRv6 uses). Returns undefined when `p` carries none. The result is valid until the next
   * decodeInner() call.
   */
  decodeInner(p: Packet): Packet | undefined {
    this.#inner ??= new Decoder();
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

setCloneHook((p) => new Decoder().decode(p.bytes.slice(), p.linkType));
