// IPv6 printer (RFC 8200): the header, the extension-header chain and the hand-off to the upper
// layer, as tcpdump 4.99's ip6_print.
import type { PrintContext } from './context.js';
import { printIpPayload } from './ip-demux.js';
import { hex8, ipProtoName } from './names.js';
import { printDestOpts, printHopByHop, type JumboState } from './ip6-opts.js';
import { printRouting } from './ip6-rt.js';
import { printFragment } from './ip6-frag.js';
import { printLayer } from './dispatch.js';
import { Layer } from '../../decoders/layer.js';
import { IPV6_FRAGMENT_HEADER_LENGTH, IPV6_HEADER_LENGTH, type Ipv6 } from '../../decoders/ipv6.js';

const HOPOPTS = 0, TCP = 6, UDP = 17, ROUTING = 43, FRAGMENT = 44,
  DSTOPTS = 60, MOBILITY_OLD = 62, MOBILITY = 135;

const jumbo: JumboState = { found: false, payloadLength: 0 };

/** IPv6 packet `ip6` (and its extension headers); `length` is the on-wire length left from the layer below. */
export function printIp6(c: PrintContext, ip6: Ipv6, length: number): void {
  c.protocol = 'ip6';
  const off = ip6.off;
  // ND_TCHECK_SIZE → goto trunc: reported here, so the -x dump still leaves out the link header.
  if (!ip6.has(IPV6_HEADER_LENGTH)) { c.truncMark(); return; }
  if (length < IPV6_HEADER_LENGTH) { c.write(`truncated-ip6 ${length}`); return; }
  if (!c.o.linkHeader) c.write('IP6 ');
  const version = ip6.version;
  if (version !== 6) { c.write(`version error: ${version} != 6`); return; }

  let payloadLength = ip6.payloadLength;
  let len: number;
  if (payloadLength !== 0) {
    len = payloadLength + IPV6_HEADER_LENGTH;
    if (length < len) c.write(`truncated-ip6 - ${len - length} bytes missing!`);
  } else {
    // A jumbogram says its length in a Hop-by-Hop option: walk the headers with what is there.
    len = length + IPV6_HEADER_LENGTH;
  }
  let nh = ip6.nextHeader;
  if (c.o.verbose) {
    const tc = ip6.trafficClass, flow = ip6.flowLabel;
    c.ch(40);
    if (tc !== 0) { c.write('class 0x'); c.write(hex8(tc)); c.write(', '); }
    if (flow !== 0) { c.write('flowlabel 0x'); c.hexPad(flow, 5); c.write(', '); }
    c.write('hlim '); c.num(ip6.hopLimit); c.write(', next-header '); c.write(ipProtoName(nh));
    c.write(' ('); c.num(nh); c.write(') payload length: '); c.num(payloadLength); c.write(') ');
  }

  c.pushEnd(off + len);
  let cp = off, advance = IPV6_HEADER_LENGTH, totalAdvance = 0;
  let foundExtension = false, foundHbh = false, fragmented = false, finalDst = -1, routed = false;
  jumbo.found = false;
  jumbo.payloadLength = payloadLength;
  while (cp < c.end && advance > 0) {
    // goto trunc (the pushed end stays, as tcpdump leaves its snaplen pushed on that path).
    if (len < advance) { c.truncMark(); return; }
    cp += advance;
    len -= advance;
    totalAdvance += advance;
    // TCP, UDP, DCCP and SCTP print the addresses with their ports.
    if (totalAdvance === IPV6_HEADER_LENGTH && nh !== TCP && nh !== UDP && nh !== 33 && nh !== 132) {
      c.ip6At(ip6.srcOffset); c.write(' > '); c.ip6At(ip6.dstOffset); c.write(': ');
    }
    switch (nh) {
      case HOPOPTS:
        // RFC 8200 §4.1: one Hop-by-Hop header, right after the IPv6 header.
        if (foundHbh) return invalid(c, '[The Hop-by-Hop Options header was already found]');
        if (totalAdvance !== IPV6_HEADER_LENGTH) return invalid(c, "[The Hop-by-Hop Options header don't follow the IPv6 header]");
        advance = printHopByHop(c, ip6.optionsHeader.point(cp, c.end), jumbo);
        payloadLength = jumbo.payloadLength;
        if (payloadLength === 0 && !jumbo.found) return invalid(c, '[No valid Jumbo Payload Hop-by-Hop option found]');
        if (advance < 0) { c.popEnd(); return; }
        foundHbh = true;
        nh = ip6.optionsHeader.nextHeader;
        break;
      case DSTOPTS:
        advance = printDestOpts(c, ip6.optionsHeader.point(cp, c.end));
        if (advance < 0) { c.popEnd(); return; }
        nh = ip6.optionsHeader.nextHeader;
        break;
      case FRAGMENT: {
        const frag = ip6.fragmentHeader.point(cp, c.end);
        advance = printFragment(c, frag, ip6.payloadLength - (cp - off - IPV6_HEADER_LENGTH) - IPV6_FRAGMENT_HEADER_LENGTH);
        if (advance < 0 || c.end <= cp + advance) { c.popEnd(); return; }
        fragmented = true;
        nh = frag.nextHeader;
        break;
      }
      case MOBILITY_OLD:
      case MOBILITY:
        // RFC 6275 expects No Next Header after a Mobility header, so nothing follows it here.
        printLayer(c, Layer.Mobility, cp, len);
        c.popEnd();
        return;
      case ROUTING: {
        const rt = ip6.routingHeader.point(cp, c.end);
        if (!rt.has(1)) { c.truncMark(); return; }
        // Only the first routing header names the final destination (tcpdump's ip6_finddst stops
        // there), even one with no address: a later one does not.
        if (!routed) { routed = true; finalDst = rt.finalDestinationOffset; }
        advance = printRouting(c, rt);
        if (advance < 0) { c.popEnd(); return; }
        nh = rt.nextHeader;
        break;
      }
      default:
        if (jumbo.found) {
          len = payloadLength + IPV6_HEADER_LENGTH;
          if (len < totalAdvance) { c.truncMark(); return; }
          if (length < len) c.write(`truncated-ip6 - ${len - length} bytes missing!`);
          c.popEnd();
          c.pushEnd(off + len);
          len -= totalAdvance;
        } else if (payloadLength === 0) {
          // Extension headers in a packet that says it has no payload.
          if (foundExtension) { c.truncMark(); return; }
          c.popEnd();
          c.pushEnd(off + IPV6_HEADER_LENGTH);
          len = 0;
          // tcpdump's printers then see nothing past the header; the walk's views were bounded by the capture.
          c.viewsToEnd = true;
        }
        payload(c, ip6, nh, cp, len, finalDst, fragmented);
        c.viewsToEnd = false;
        c.popEnd();
        return;
    }
    foundExtension = true;
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

/** Hands the upper layer to the IP demux. */
function payload(c: PrintContext, ip6: Ipv6, nh: number, cp: number, len: number, finalDst: number, fragmented: boolean): void {
  const info = c.pushIp();
  info.version = 6; info.v6 = ip6; info.headerProtocol = ip6.nextHeader;
  info.srcOff = ip6.srcOffset;
  // The pseudo-header destination is the routing header's final one when there is one.
  info.dstOff = finalDst >= 0 ? finalDst : ip6.dstOffset;
  info.length = len;
  info.fragmented = fragmented;
  printIpPayload(c, nh, cp, len, info);
  c.popIp();
}
