// Interface only; the ICMPv6 printer replaces this body.
import type { IpInfo, PrintContext } from './context.js';

/** ICMPv6 message at `off`, `length` bytes on the wire, inside the IPv6 packet `ip`. */
export function printIcmp6(c: PrintContext, off: number, length: number, ip: IpInfo): void {
  c.protocol = 'icmp6';
  c.write(`${ip.src} > ${ip.dst}: ICMP6 [${off} ${length}]`);
}
