/** UDP (tcpdump's print-udp.c): ports, length checks, -v/-vv checksums, the application by port. */
import type { IpInfo, PrintContext } from './context.js';
import { cksumShouldBe } from '../../decoders/checksum.js';
import { writeEndpoints } from './tcp.js';
import { printLayer, printPort, udpBeforePorts, udpPortPrinters } from './dispatch.js';
import { printForcedUdp } from './forced-type.js';
import { UDP_HEADER_LENGTH, type Udp } from '../../decoders/udp.js';
import { carriesKip, KIP_RANK } from '../../decoders/atalk.js';
import { Layer } from '../../decoders/layer.js';

const UDP_REGISTERED = udpPortPrinters.registered;

/** udpipaddr_print: addresses only when the IP header names UDP (else ext headers printed them). */
function endpoints(c: PrintContext, ip: IpInfo, sport: number, dport: number): void {
  if (sport >= 0) writeEndpoints(c, ip, 17, sport, dport);
  else if (ip.headerProtocol === 17) c.write(`${ip.src} > ${ip.dst}: `);
}

/** UDP datagram `udp`, `length` bytes (header + data) per the IP header in `c.ip`. */
export function printUdp(c: PrintContext, udp: Udp, length: number): void {
  c.protocol = 'udp';
  const ip = c.ip;
  if (!udp.portsCaptured) { endpoints(c, ip, -1, -1); c.truncMark(); return; }
  const sport = udp.srcPort, dport = udp.dstPort;
  if (length < UDP_HEADER_LENGTH) { endpoints(c, ip, sport, dport); c.write(`truncated-udp ${length}`); return; }
  if (!udp.lengthCaptured) { endpoints(c, ip, sport, dport); c.truncMark(); return; }
  let ulen = udp.datagramLength;
  // RFC 2675 jumbogram: a zero UDP length with an IPv6 payload over 64 KiB.
  if (ulen === 0 && length > 65535) ulen = length;
  if (ulen < UDP_HEADER_LENGTH) { endpoints(c, ip, sport, dport); c.write(`truncated-udplength ${ulen}`); return; }
  ulen -= UDP_HEADER_LENGTH;
  length -= UDP_HEADER_LENGTH;
  if (ulen < length) length = ulen;
  const cp = udp.off + UDP_HEADER_LENGTH;
  if (cp > c.end) { endpoints(c, ip, sport, dport); c.truncMark(); return; }
  if (c.o.forcedType !== '') {
    c.srcPort = sport; c.dstPort = dport;
    c.viewsToEnd = udp.end < c.end;
    printForcedUdp(c, c.o.forcedType, cp, length, ulen, () => endpoints(c, ip, sport, dport));
    c.viewsToEnd = false;
    return;
  }
  endpoints(c, ip, sport, dport);
  c.srcPort = sport; c.dstPort = dport;
  const before = udpBeforePorts;
  if ((sport === before.port || dport === before.port) && !c.o.quiet && before.print!(c, sport, dport, cp, length)) return;
  if (c.o.verbose && !c.o.skipChecksums && !ip.fragmented) {
    if (ip.version === 4 && c.o.verbose > 1) {
      const field = udp.checksum;
      if (field === 0) c.write('[no cksum] ');
      else if (udp.has(UDP_HEADER_LENGTH + length)) {
        const sum = udp.internetChecksum(length + UDP_HEADER_LENGTH, ip.pseudoSum(17, length + UDP_HEADER_LENGTH));
        c.write(sum !== 0 ? `[bad udp cksum 0x${hex4(field)} -> 0x${hex4(cksumShouldBe(field, sum))}!] ` : '[udp sum ok] ');
      }
    } else if (ip.version === 6) {
      if (udp.has(UDP_HEADER_LENGTH + length)) {
        const sum = udp.internetChecksum(length + UDP_HEADER_LENGTH, ip.pseudoSum(17, length + UDP_HEADER_LENGTH));
        const field = udp.checksum;
        c.write(sum !== 0 ? `[bad udp cksum 0x${hex4(field)} -> 0x${hex4(cksumShouldBe(field, sum))}!] ` : '[udp sum ok] ');
      }
    }
  }
  // The port bitmap tested here, inline: pick() is a call where V8's inlining budget for this
  // function ran out (the bundled CLI), and most datagrams are between two unregistered ports.
  const bits = UDP_REGISTERED;
  const hit = !c.o.quiet && ((bits[sport >> 5]! >>> (sport & 31)) & 1 | (bits[dport >> 5]! >>> (dport & 31)) & 1) !== 0;
  const app = hit ? udpPortPrinters.pick(sport, dport, c.o.smb === true) : undefined;
  // AppleTalk in UDP (kip), which print-udp.c tests after every port but PTP's and SOME/IP's (its
  // ports are in the bitmap): out of line, the inlining budget is spent on what every datagram runs.
  if (hit && (app === undefined || app.rank > KIP_RANK) && printKip(c, udp, sport, dport, cp, length)) return;
  if (app !== undefined) {
    // tcpdump passes a UDP length short of the IP payload on as the length, not as the end of what
    // its printers read: the application's view is then decoded to the payload's end (viewsToEnd).
    c.viewsToEnd = udp.end < c.end;
    printPort(c, app, cp, length);
    c.viewsToEnd = false;
    return;
  }
  if (ulen > length && !ip.fragmented) c.write(`UDP, bad length ${ulen} > ${length}`);
  else { c.write('UDP, length '); c.num(ulen); }
}

/** AppleTalk in UDP (print-udp.c's kip), when the datagram carries it: false when not. */
function printKip(c: PrintContext, udp: Udp, sport: number, dport: number, cp: number, length: number): boolean {
  if (!carriesKip(udp.buf, cp, udp.end, sport, dport)) return false;
  if (c.o.verbose) c.write('kip ');
  printLayer(c, Layer.Llap, cp, length);
  return true;
}

function hex4(v: number): string { return v.toString(16).padStart(4, '0'); }
