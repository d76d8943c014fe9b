/** The IP protocol demux shared by IPv4 and IPv6 (tcpdump's print-ip-demux.c). */
import type { IpInfo, PrintContext } from './context.js';
import { ipProtoName } from './names.js';
import { printTcp } from './tcp.js';
import { printUdp } from './udp.js';
import { printIcmp } from './icmp.js';
import { printIcmp6 } from './icmp6.js';
import { printIp } from './ip.js';
import { printIp6 } from './ip6.js';
import { printEther } from './ether.js';
import { printIgmp } from './igmp.js';
import { printGre } from './gre.js';
import { printEsp } from './esp.js';
import { printAh } from './ah.js';
import { printVrrp } from './vrrp.js';
import { carpPrinter } from './forced-type.js';

/**
 * The payload of protocol `proto` at `off`, `length` bytes on the wire per the IP header,
 * inside the IPv4 or IPv6 packet `ip`.
 */
export function printIpPayload(c: PrintContext, proto: number, off: number, length: number, ip: IpInfo): void {
  // AH names the protocol after it: print the header, then go round again with that protocol.
  while (proto === 51) {
    if (!c.has(off, 1)) { c.protocol = 'ah'; c.truncMark(); return; }
    const next = c.u8(off);
    const advance = printAh(c, off);
    off += advance; length -= advance; proto = next;
  }
  switch (proto) {
    case 6: printTcp(c, off, length, ip); return;
    case 17: printUdp(c, off, length, ip); return;
    case 1:
      if (ip.version === 4) printIcmp(c, off, length, ip);
      else { c.write(`[${ipProtoName(proto)} requires IPv4]`); c.invalid(); }
      return;
    case 58:
      if (ip.version === 6) printIcmp6(c, off, length, ip);
      else { c.write(`[${ipProtoName(proto)} requires IPv6]`); c.invalid(); }
      return;
    case 2: printIgmp(c, off, length); return;
    case 4: printIp(c, off, length); return;
    case 47: printGre(c, off, length); return;
    case 50: printEsp(c, off, length); return;
    case 112:
      // -T carp: CARP shares VRRP's protocol number; generic text until vcap has a CARP printer.
      if (c.o.forcedType === 'carp') {
        if (carpPrinter.print) carpPrinter.print(c, off, length, ip); else c.write(` ip-proto-${proto} ${length}`);
      } else printVrrp(c, off, length, ip);
      return;
    case 41: printIp6(c, off, length); return;
    case 77: c.write(` nd ${length}`); return;
    case 143:
      if (ip.version === 6) printEther(c, off, length, c.avail(off));
      else { c.write(`[${ipProtoName(proto)} requires IPv6]`); c.invalid(); }
      return;
    case 59: c.write('no next header'); return;
    default: c.write(` ip-proto-${proto} ${length}`);
  }
}
