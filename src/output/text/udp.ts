/** UDP (tcpdump's print-udp.c): ports, length checks, -v/-vv checksums, DNS on port 53. */
import type { IpInfo, PrintContext } from './context.js';
import { cksumShouldBe } from './checksum.js';
import { ipHeaderProto, transportSum, writeEndpoints } from './tcp.js';
import { printDns } from './dns.js';
import { printNtp } from './ntp.js';
import { printBootp } from './bootp.js';
import { printVxlan } from './vxlan.js';
import { printGeneve } from './geneve.js';
import { printSyslog } from './syslog.js';
import { printForcedUdp } from './forced-type.js';

/** udpipaddr_print: addresses only when the IP header names UDP (else ext headers printed them). */
function endpoints(c: PrintContext, ip: IpInfo, sport: number, dport: number): void {
  if (sport >= 0) writeEndpoints(c, ip, 17, sport, dport);
  else if (ipHeaderProto(c, ip) === 17) c.write(`${ip.src} > ${ip.dst}: `);
}

/** UDP datagram at `off`, `length` bytes (header + data) per the IP header. */
export function printUdp(c: PrintContext, off: number, length: number, ip: IpInfo): void {
  c.protocol = 'udp';
  if (!c.has(off + 2, 2)) { endpoints(c, ip, -1, -1); c.truncMark(); return; }
  const sport = c.u16(off), dport = c.u16(off + 2);
  if (length < 8) { endpoints(c, ip, sport, dport); c.write(`truncated-udp ${length}`); return; }
  if (!c.has(off + 4, 2)) { endpoints(c, ip, sport, dport); c.truncMark(); return; }
  let ulen = c.u16(off + 4);
  // RFC 2675 jumbogram: a zero UDP length with an IPv6 payload over 64 KiB.
  if (ulen === 0 && length > 65535) ulen = length;
  if (ulen < 8) { endpoints(c, ip, sport, dport); c.write(`truncated-udplength ${ulen}`); return; }
  ulen -= 8;
  length -= 8;
  if (ulen < length) length = ulen;
  const cp = off + 8;
  if (cp > c.end) { endpoints(c, ip, sport, dport); c.truncMark(); return; }
  if (c.o.forcedType !== '') {
    printForcedUdp(c, c.o.forcedType, cp, length, ulen, ip, () => endpoints(c, ip, sport, dport));
    return;
  }
  endpoints(c, ip, sport, dport);
  if (c.o.verbose && !ip.fragmented) {
    if (ip.version === 4 && c.o.verbose > 1) {
      const field = c.u16(off + 6);
      if (field === 0) c.write('[no cksum] ');
      else if (c.has(cp, length)) {
        const sum = transportSum(c, ip, off, length + 8, 17);
        c.write(sum !== 0 ? `[bad udp cksum 0x${hex4(field)} -> 0x${hex4(cksumShouldBe(field, sum))}!] ` : '[udp sum ok] ');
      }
    } else if (ip.version === 6) {
      if (c.has(cp, length)) {
        const sum = transportSum(c, ip, off, length + 8, 17);
        const field = c.u16(off + 6);
        c.write(sum !== 0 ? `[bad udp cksum 0x${hex4(field)} -> 0x${hex4(cksumShouldBe(field, sum))}!] ` : '[udp sum ok] ');
      }
    }
  }
  // 5353 is multicast DNS, printed by the same DNS printer as tcpdump does.
  if (!c.o.quiet && (sport === 53 || dport === 53 || sport === 5353 || dport === 5353)) { printDns(c, cp, length, false, sport !== 53 && dport !== 53); return; }
  if (!c.o.quiet && (sport === 67 || dport === 67 || sport === 68 || dport === 68)) { printBootp(c, cp, length); return; }
  if (!c.o.quiet && (sport === 123 || dport === 123)) { printNtp(c, cp, length); return; }
  if (!c.o.quiet && (sport === 4789 || dport === 4789)) { printVxlan(c, cp, length); return; }
  if (!c.o.quiet && (sport === 6081 || dport === 6081)) { printGeneve(c, cp, length); return; }
  if (!c.o.quiet && (sport === 514 || dport === 514)) { printSyslog(c, cp, length); return; }
  if (ulen > length && !ip.fragmented) c.write(`UDP, bad length ${ulen} > ${length}`);
  else { c.write('UDP, length '); c.num(ulen); }
}

function hex4(v: number): string { return v.toString(16).padStart(4, '0'); }
