// IPv6 printer (RFC 8200): the header, the extension-header chain and the hand-off to the upper
// layer, as tcpdump 4.99's ip6_print.
import type { IpInfo, PrintContext } from './context.js';
import { ipv6ToString } from '../../decoders/addr.js';
import { printIpPayload } from './ip-demux.js';
import { ipProtoName } from './names.js';
import { printDestOpts, printHopByHop, type JumboState } from './ip6-opts.js';
import { printRouting, routingFinalDst } from './ip6-rt.js';
import { printFragment } from './ip6-frag.js';
import { printMobility } from './ip6-mobility.js';

const HOPOPTS = 0, TCP = 6, UDP = 17, ROUTING = 43, FRAGMENT = 44,
  DSTOPTS = 60, MOBILITY_OLD = 62, MOBILITY = 135;

// Address texts of recently seen addresses, direct-mapped by a hash of the 16 bytes: making the
// text is most of the cost of an IPv6 header, and a conversation repeats its two addresses. A
// fixed table costs the same however many hosts a capture has; a collision only means a rebuild.
const CACHE_BITS = 8;
const cacheWords = new Uint32Array(4 << CACHE_BITS);
const cacheText: string[] = new Array<string>(1 << CACHE_BITS).fill('');

/** ipv6ToString of buf[at..at+16), bounds-checked, through the cache. */
function addrText(c: PrintContext, at: number): string {
  c.need(at, 16);
  const b = c.buf;
  const w0 = ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
  const w1 = ((b[at + 4]! << 24) | (b[at + 5]! << 16) | (b[at + 6]! << 8) | b[at + 7]!) >>> 0;
  const w2 = ((b[at + 8]! << 24) | (b[at + 9]! << 16) | (b[at + 10]! << 8) | b[at + 11]!) >>> 0;
  const w3 = ((b[at + 12]! << 24) | (b[at + 13]! << 16) | (b[at + 14]! << 8) | b[at + 15]!) >>> 0;
  const slot = Math.imul(w0 ^ w1 ^ w2 ^ w3 ^ (w3 >>> 16) ^ (w1 >>> 8), 0x9e3779b1) >>> (32 - CACHE_BITS);
  const k = slot << 2;
  const hit = cacheText[slot]!;
  if (hit !== '' && cacheWords[k] === w0 && cacheWords[k + 1] === w1 && cacheWords[k + 2] === w2 && cacheWords[k + 3] === w3) return hit;
  const text = ipv6ToString(b, at);
  cacheWords[k] = w0; cacheWords[k + 1] = w1; cacheWords[k + 2] = w2; cacheWords[k + 3] = w3;
  cacheText[slot] = text;
  return text;
}

// IpInfo objects are reused (one per nesting level: IPv6 in IPv6 tunnels) so that a packet does
// not allocate one; the strings in them are the only per-packet garbage.
const infoPool: IpInfo[] = [];
let depth = 0;
const jumbo: JumboState = { found: false, payloadLength: 0 };

/** IPv6 (and its extension headers) at `off`; `length` is the on-wire length left from the layer below. */
export function printIp6(c: PrintContext, off: number, length: number): void {
  c.protocol = 'ip6';
  // ND_TCHECK_SIZE → goto trunc: reported here, so the -x dump still leaves out the link header.
  if (!c.has(off, 40)) { c.truncMark(); return; }
  if (length < 40) { c.write(`truncated-ip6 ${length}`); return; }
  if (!c.o.linkHeader) c.write('IP6 ');
  const version = c.buf[off]! >> 4;
  if (version !== 6) { c.write(`version error: ${version} != 6`); return; }

  let payloadLength = c.u16(off + 4);
  let len: number;
  if (payloadLength !== 0) {
    len = payloadLength + 40;
    if (length < len) c.write(`truncated-ip6 - ${len - length} bytes missing!`);
  } else {
    // A jumbogram says its length in a Hop-by-Hop option: walk the headers with what is there.
    len = length + 40;
  }
  let nh = c.buf[off + 6]!;
  if (c.o.verbose) {
    const flow = c.u32(off);
    let s = '(';
    if (flow & 0x0ff00000) s += `class 0x${((flow >>> 20) & 0xff).toString(16).padStart(2, '0')}, `;
    if (flow & 0x000fffff) s += `flowlabel 0x${(flow & 0xfffff).toString(16).padStart(5, '0')}, `;
    c.write(`${s}hlim ${c.buf[off + 7]!}, next-header ${ipProtoName(nh)} (${nh}) payload length: ${payloadLength}) `);
  }

  c.pushEnd(off + len);
  let cp = off, advance = 40, totalAdvance = 0;
  let foundExtension = false, foundHbh = false, fragmented = false, finalDst = -1;
  let src = '', dst = '';
  jumbo.found = false;
  jumbo.payloadLength = payloadLength;
  while (cp < c.end && advance > 0) {
    // goto trunc (the pushed end stays, as tcpdump leaves its snaplen pushed on that path).
    if (len < advance) { c.truncMark(); return; }
    cp += advance;
    len -= advance;
    totalAdvance += advance;
    // TCP and UDP print the addresses with their ports. (tcpdump's DCCP and SCTP printers do too;
    // vcap has neither, so those get the addresses here, as any payload it does not decode.)
    if (cp === off + 40 && nh !== TCP && nh !== UDP) {
      src = addrText(c, off + 8);
      dst = addrText(c, off + 24);
      c.write(`${src} > ${dst}: `);
    }
    switch (nh) {
      case HOPOPTS:
        // RFC 8200 §4.1: one Hop-by-Hop header, right after the IPv6 header.
        if (foundHbh) return invalid(c, '[The Hop-by-Hop Options header was already found]');
        if (totalAdvance !== 40) return invalid(c, "[The Hop-by-Hop Options header don't follow the IPv6 header]");
        advance = printHopByHop(c, cp, jumbo);
        payloadLength = jumbo.payloadLength;
        if (payloadLength === 0 && !jumbo.found) return invalid(c, '[No valid Jumbo Payload Hop-by-Hop option found]');
        if (advance < 0) { c.popEnd(); return; }
        foundHbh = true;
        break;
      case DSTOPTS:
        advance = printDestOpts(c, cp);
        if (advance < 0) { c.popEnd(); return; }
        break;
      case FRAGMENT:
        advance = printFragment(c, cp, off);
        if (advance < 0 || c.end <= cp + advance) { c.popEnd(); return; }
        fragmented = true;
        break;
      case MOBILITY_OLD:
      case MOBILITY:
        // RFC 6275 expects No Next Header after a Mobility header, so nothing follows it here.
        printMobility(c, cp, off);
        c.popEnd();
        return;
      case ROUTING:
        if (!c.has(cp, 1)) { c.truncMark(); return; }
        if (finalDst < 0) finalDst = routingFinalDst(c, cp);
        advance = printRouting(c, cp);
        if (advance < 0) { c.popEnd(); return; }
        break;
      default:
        if (jumbo.found) {
          len = payloadLength + 40;
          if (len < totalAdvance) { c.truncMark(); return; }
          if (length < len) c.write(`truncated-ip6 - ${len - length} bytes missing!`);
          c.popEnd();
          c.pushEnd(off + len);
          len -= totalAdvance;
        } else if (payloadLength === 0) {
          // Extension headers in a packet that says it has no payload.
          if (foundExtension) { c.truncMark(); return; }
          c.popEnd();
          c.pushEnd(off + 40);
          len = 0;
        }
        payload(c, nh, cp, len, off, finalDst, fragmented, src, dst);
        c.popEnd();
        return;
    }
    foundExtension = true;
    nh = c.u8(cp);
    c.protocol = 'ip6';
  }
  c.popEnd();
}

/** A contradiction in the header chain: the reason in brackets and ` (invalid)`. */
function invalid(c: PrintContext, why: string): void {
  c.write(why);
  c.invalid();
  c.popEnd();
}

/** Hands the upper layer to the IP demux; `src`/`dst` are the address texts if already made. */
function payload(c: PrintContext, nh: number, cp: number, len: number, ip6: number, finalDst: number,
  fragmented: boolean, src: string, dst: string): void {
  let info = infoPool[depth];
  if (info === undefined) {
    info = { version: 6, srcOff: 0, dstOff: 0, src: '', dst: '', length: 0, fragmented: false };
    infoPool[depth] = info;
  }
  info.srcOff = ip6 + 8;
  // The pseudo-header destination is the routing header's final one when there is one.
  info.dstOff = finalDst >= 0 ? finalDst : ip6 + 24;
  info.src = src !== '' ? src : addrText(c, ip6 + 8);
  info.dst = dst !== '' ? dst : addrText(c, ip6 + 24);
  info.length = len;
  info.fragmented = fragmented;
  depth++;
  try {
    printIpPayload(c, nh, cp, len, info);
  } finally {
    depth--;
  }
}
