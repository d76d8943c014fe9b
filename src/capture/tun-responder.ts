/**
 * `--reply`: the hosts behind a TUN/TAP device. vcap holds the device's far end, so the other
 * addresses of the device's subnets (172.21.22.26 when the device is 172.21.22.23/24) can only be
 * answered by vcap: it answers ICMP echo (RFC 792) and ICMPv6 echo (RFC 4443) addressed to them,
 * and on a TAP device the ARP requests (RFC 826) and neighbour solicitations (RFC 4861) that the
 * kernel sends to find them. The device's own addresses are the kernel's: it answers those itself
 * and never routes them into the device.
 *
 * Requests are read with the decoder; a request is answered only if a real host would answer it:
 * checksums verify, not a fragment, not from a broadcast or multicast source, IPv6 with no
 * extension headers, neighbour solicitations with hop limit 255. On TAP each answered address
 * has its own stable locally administered MAC, 02:76:63 ("vc") and the address's last three
 * bytes (172.21.22.26 → 02:76:63:15:16:1a).
 */
import { Decoder } from '../decoders/decoder.js';
import { LinkType } from '../decoders/link-type.js';
import { inCksum, ipv6PseudoSum } from '../decoders/checksum.js';
import type { Packet } from '../decoders/packet.js';

/** One address of the device, with its prefix length (what `ip addr` shows). */
export interface DeviceAddress {
  family: 4 | 6;
  bytes: Uint8Array;
  prefix: number;
}

/** TTL / hop limit of the echo replies (Linux's default, net.ipv4.ip_default_ttl). */
const REPLY_TTL = 64;
/** Re-read the device's addresses at most this often (someone may `ip addr add` while vcap runs). */
const REFRESH_MS = 1000;
const ETH = 14, IP4 = 20, IP6 = 40;

function sameBytes(a: Uint8Array, ao: number, b: Uint8Array, n: number): boolean {
  for (let i = 0; i < n; i++) if (a[ao + i] !== b[i]) return false;
  return true;
}

/** buf[at .. at+n) lies in a/prefix. */
function inPrefix(buf: Uint8Array, at: number, a: DeviceAddress): boolean {
  const whole = a.prefix >> 3, rest = a.prefix & 7;
  for (let i = 0; i < whole; i++) if (buf[at + i] !== a.bytes[i]) return false;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return (buf[at + whole]! & mask) === (a.bytes[whole]! & mask);
}

/** The host bits of buf[at .. at+n) under `prefix` are all `bit` (0: network / subnet-router anycast, 1: broadcast). */
function hostBitsAll(buf: Uint8Array, at: number, n: number, prefix: number, bit: 0 | 1): boolean {
  for (let i = 0; i < n; i++) {
    const keep = i * 8 >= prefix ? 0 : prefix - i * 8 >= 8 ? 0xff : (0xff << (8 - (prefix - i * 8))) & 0xff;
    const host = buf[at + i]! & ~keep & 0xff;
    if (host !== (bit ? ~keep & 0xff : 0)) return false;
  }
  return true;
}

function put16(b: Uint8Array, at: number, v: number): void { b[at] = v >> 8; b[at + 1] = v & 0xff; }

export class TunResponder {
  readonly #decoder = new Decoder();
  readonly #linkType: number;
  #addresses: DeviceAddress[] = [];
  #readAt = -Infinity;
  /** IPv4 identification of the replies, as a host's counter. */
  #ipId = 1;
  /** Replies written, by kind. */
  readonly answered = { echo: 0, echo6: 0, arp: 0, neighbour: 0 };

  /**
   * @param tap Ethernet frames (TAP) or IP packets (TUN)
   * @param addresses the device's addresses now (called again at most once a second, when a request does not match)
   * @param clock milliseconds (a test's own clock)
   */
  constructor(readonly tap: boolean, readonly addresses: () => DeviceAddress[], readonly clock: () => number = Date.now) {
    this.#linkType = tap ? LinkType.EN10MB : LinkType.RAW;
  }

  /** The MAC vcap answers with for an address: 02:76:63 and the address's last three bytes. */
  static macFor(addr: Uint8Array, at = 0, n = addr.length - at): Uint8Array {
    return Uint8Array.of(0x02, 0x76, 0x63, addr[at + n - 3]!, addr[at + n - 2]!, addr[at + n - 1]!);
  }

  /**
   * If frame buf[off .. off+len) is a request vcap answers, write the reply frame into
   * out[outOff ..] and return its length (0: not answered). `out` needs room for len + 8 bytes.
   */
  answer(buf: Uint8Array, off: number, len: number, out: Uint8Array, outOff: number): number {
    const p = this.#decoder.decode(buf, this.#linkType, off, len);
    // VLAN-tagged frames are for another interface (a VLAN device on top of this one).
    if (p.vlan !== undefined || p.llc !== undefined) return 0;
    if (p.arp !== undefined) return this.tap ? this.#arp(p, out, outOff) : 0;
    const ip4 = p.ipv4;
    if (ip4 !== undefined && p.icmp !== undefined) return this.#echo4(p, out, outOff);
    if (p.ipv6 !== undefined && p.icmpv6 !== undefined) {
      const t = p.icmpv6.type;
      if (t === 128) return this.#echo6(p, out, outOff);
      if (t === 135 && this.tap) return this.#neighbour(p, out, outOff);
    }
    return 0;
  }

  /** Is buf[at .. at+n) an address of a host behind the device (in one of its subnets, not its own)? */
  #isPeer(buf: Uint8Array, at: number, family: 4 | 6): boolean {
    for (let pass = 0; pass < 2; pass++) {
      let inside = false;
      for (const a of this.#addresses) {
        if (a.family !== family) continue;
        if (sameBytes(buf, at, a.bytes, a.bytes.length)) return false;
        if (inside || !inPrefix(buf, at, a)) continue;
        const n = a.bytes.length, bits = n * 8;
        if (a.prefix >= bits) continue;
        // The network address and (IPv4) the broadcast address are no host's; a /31 has two hosts (RFC 3021).
        if (family === 4 && a.prefix < 31 && (hostBitsAll(buf, at, n, a.prefix, 0) || hostBitsAll(buf, at, n, a.prefix, 1))) continue;
        if (family === 6 && hostBitsAll(buf, at, n, a.prefix, 0)) continue;
        inside = true;
      }
      if (inside) return true;
      // Not in a subnet we know: the device may have gained an address since we last looked.
      if (!this.#refresh()) return false;
    }
    return false;
  }

  #refresh(force = false): boolean {
    const now = this.clock();
    if (!force && now - this.#readAt < REFRESH_MS) return false;
    this.#readAt = now;
    this.#addresses = this.addresses();
    return true;
  }

  /** Ethernet header of a reply: to the requester, from the answered address's MAC. */
  #ether(out: Uint8Array, at: number, dst: Uint8Array, dstAt: number, srcMac: Uint8Array, type: number): number {
    out.set(dst.subarray(dstAt, dstAt + 6), at);
    out.set(srcMac, at + 6);
    put16(out, at + 12, type);
    return at + ETH;
  }

  #ready(): void { if (this.#readAt === -Infinity) this.#refresh(true); }

  /**
   * An echo request to buf[dstAt ..] (IPv4 or IPv6): -1 if no host behind the device has that
   * address; else on TAP the reply's Ethernet header is written, and where the IP header goes returned.
   */
  #echoTo(p: Packet, b: Uint8Array, dstAt: number, family: 4 | 6, out: Uint8Array, outOff: number): number {
    this.#ready();
    if (!this.#isPeer(b, dstAt, family)) return -1;
    if (!this.tap) return outOff;
    const eth = p.ethernet!;
    const mac = TunResponder.macFor(b, dstAt, family === 4 ? 4 : 16);
    // Only frames sent to this host's MAC (what our ARP reply or advertisement told the kernel).
    if (!sameBytes(b, eth.off, mac, 6)) return -1;
    return this.#ether(out, outOff, b, eth.off + 6, mac, family === 4 ? 0x0800 : 0x86dd);
  }

  #echo4(p: Packet, out: Uint8Array, outOff: number): number {
    const ip = p.ipv4!, icmp = p.icmp!, b = ip.buf;
    if (icmp.type !== 8 || icmp.code !== 0 || ip.incomplete || ip.isFragment || !ip.checksumValid) return 0;
    const icmpAt = icmp.off, icmpLen = ip.off + ip.totalLength - icmpAt;
    if (inCksum(b, icmpAt, icmpLen) !== 0) return 0;
    // A source that is no single host (0.0.0.0, multicast, broadcast) gets no answer (RFC 1122 3.2.2.6).
    if (b[ip.off + 12] === 0 || b[ip.off + 12]! >= 224) return 0;
    let at = this.#echoTo(p, b, ip.off + 16, 4, out, outOff);
    if (at < 0) return 0;
    const ipAt = at, total = IP4 + icmpLen;
    out[at] = 0x45; out[at + 1] = ip.tos; put16(out, at + 2, total);
    put16(out, at + 4, this.#ipId); this.#ipId = (this.#ipId + 1) & 0xffff;
    put16(out, at + 6, 0); out[at + 8] = REPLY_TTL; out[at + 9] = 1; put16(out, at + 10, 0);
    out.set(b.subarray(ip.off + 16, ip.off + 20), at + 12);   // from the address that was pinged
    out.set(b.subarray(ip.off + 12, ip.off + 16), at + 16);   // to the one that pinged
    put16(out, at + 10, inCksum(out, at, IP4));
    at += IP4;
    // The message as it came (identifier, sequence, data), as an echo reply with its checksum.
    out.set(b.subarray(icmpAt, icmpAt + icmpLen), at);
    out[at] = 0; out[at + 1] = 0; put16(out, at + 2, 0);
    put16(out, at + 2, inCksum(out, at, icmpLen));
    this.answered.echo++;
    return ipAt + total - outOff;
  }

  /** IPv6 with the upper layer straight after the fixed header; the ICMPv6 checksum verifies. */
  #icmp6Ok(p: Packet): boolean {
    const ip = p.ipv6!, icmp = p.icmpv6!;
    if (ip.headerLength !== IP6 || ip.incomplete || ip.payloadLength === 0) return false;
    const len = ip.payloadLength;
    return inCksum(ip.buf, icmp.off, len, ipv6PseudoSum(ip.buf, ip.off + 8, ip.off + 24, 58, len)) === 0;
  }

  /** Writes an IPv6 header and returns where the ICMPv6 message goes. */
  #ipv6(out: Uint8Array, at: number, tc: number, payloadLength: number, hopLimit: number, src: Uint8Array, srcAt: number, dst: Uint8Array, dstAt: number): number {
    out[at] = 0x60 | (tc >> 4); out[at + 1] = (tc & 0x0f) << 4; out[at + 2] = 0; out[at + 3] = 0;
    put16(out, at + 4, payloadLength); out[at + 6] = 58; out[at + 7] = hopLimit;
    out.set(src.subarray(srcAt, srcAt + 16), at + 8);
    out.set(dst.subarray(dstAt, dstAt + 16), at + 24);
    return at + IP6;
  }

  /** The ICMPv6 checksum of the message at `at` (IPv6 header just before it), over the pseudo-header. */
  #seal6(out: Uint8Array, at: number, len: number): void {
    put16(out, at + 2, 0);
    put16(out, at + 2, inCksum(out, at, len, ipv6PseudoSum(out, at - 32, at - 16, 58, len)));
  }

  #echo6(p: Packet, out: Uint8Array, outOff: number): number {
    const ip = p.ipv6!, icmp = p.icmpv6!, b = ip.buf;
    if (icmp.code !== 0 || !this.#icmp6Ok(p)) return 0;
    // Multicast sources (ff00::/8) and the unspecified address are no host to answer.
    if (b[ip.off + 8] === 0xff || isUnspecified(b, ip.off + 8)) return 0;
    let at = this.#echoTo(p, b, ip.off + 24, 6, out, outOff);
    if (at < 0) return 0;
    const len = ip.payloadLength;
    at = this.#ipv6(out, at, ip.trafficClass, len, REPLY_TTL, b, ip.off + 24, b, ip.off + 8);
    out.set(b.subarray(icmp.off, icmp.off + len), at);
    out[at] = 129; out[at + 1] = 0;
    this.#seal6(out, at, len);
    this.answered.echo6++;
    return at + len - outOff;
  }

  /** Neighbour solicitation for a host behind the device → neighbour advertisement with its MAC. */
  #neighbour(p: Packet, out: Uint8Array, outOff: number): number {
    const ip = p.ipv6!, icmp = p.icmpv6!, b = ip.buf, eth = p.ethernet!;
    // RFC 4861 7.1.1: hop limit 255 (nobody forwarded it), code 0, at least 24 bytes.
    if (ip.hopLimit !== 255 || icmp.code !== 0 || ip.payloadLength < 24 || !this.#icmp6Ok(p)) return 0;
    const target = icmp.off + 8;
    if (b[target] === 0xff) return 0;
    this.#ready();
    if (!this.#isPeer(b, target, 6)) return 0;
    const mac = TunResponder.macFor(b, target, 16);
    // Duplicate address detection comes from :: and is answered to all nodes, unsolicited (RFC 4861 7.2.4).
    const dad = isUnspecified(b, ip.off + 8);
    const allNodesMac = Uint8Array.of(0x33, 0x33, 0, 0, 0, 1), allNodes = new Uint8Array(16);
    allNodes[0] = 0xff; allNodes[1] = 0x02; allNodes[15] = 1;
    let at = dad ? this.#ether(out, outOff, allNodesMac, 0, mac, 0x86dd) : this.#ether(out, outOff, b, eth.off + 6, mac, 0x86dd);
    const len = 32;
    at = this.#ipv6(out, at, 0, len, 255, b, target, dad ? allNodes : b, dad ? 0 : ip.off + 8);
    out[at] = 136; out[at + 1] = 0;
    // Flags: not a router, solicited unless DAD, override.
    out[at + 4] = (dad ? 0 : 0x40) | 0x20; out[at + 5] = 0; out[at + 6] = 0; out[at + 7] = 0;
    out.set(b.subarray(target, target + 16), at + 8);
    out[at + 24] = 2; out[at + 25] = 1; out.set(mac, at + 26);   // target link-layer address option
    this.#seal6(out, at, len);
    this.answered.neighbour++;
    return at + len - outOff;
  }

  /** ARP request (Ethernet, IPv4) for a host behind the device → ARP reply with its MAC. */
  #arp(p: Packet, out: Uint8Array, outOff: number): number {
    const arp = p.arp!, b = arp.buf, eth = p.ethernet;
    if (eth === undefined || arp.hardwareType !== 1 || !arp.isEthernetIpv4 || arp.operation !== 1) return 0;
    const spa = arp.senderProtocolOffset, tpa = arp.targetProtocolOffset, sha = arp.senderHardwareOffset;
    // A gratuitous ARP announces the sender's own address: nothing to answer.
    if (sameBytes(b, spa, b.subarray(tpa, tpa + 4), 4)) return 0;
    this.#ready();
    if (!this.#isPeer(b, tpa, 4)) return 0;
    const mac = TunResponder.macFor(b, tpa, 4);
    let at = this.#ether(out, outOff, b, sha, mac, 0x0806);
    put16(out, at, 1); put16(out, at + 2, 0x0800); out[at + 4] = 6; out[at + 5] = 4; put16(out, at + 6, 2);
    out.set(mac, at + 8);
    out.set(b.subarray(tpa, tpa + 4), at + 14);
    out.set(b.subarray(sha, sha + 6), at + 18);
    out.set(b.subarray(spa, spa + 4), at + 24);
    at += 28;
    this.answered.arp++;
    return at - outOff;
  }
}

function isUnspecified(b: Uint8Array, at: number): boolean {
  for (let i = 0; i < 16; i++) if (b[at + i] !== 0) return false;
  return true;
}
