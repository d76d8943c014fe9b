/** Minimal encapsulation within IP (tcpdump's print-mobile.c, "mobile"): the S bit, at -v the original addresses and protocol, a bad checksum. */
import type { PrintContext } from './context.js';
import { MOBILE_IP_HEADER_LENGTH, MOBILE_IP_SOURCE_LENGTH, type MobileIp } from '../../decoders/mobile-ip.js';

export function printMobileIp(c: PrintContext, m: MobileIp, length: number): void {
  c.protocol = 'mobile';
  // tcpdump tests the whole 12-byte header struct, original source included, whatever the S bit says.
  if (length < MOBILE_IP_HEADER_LENGTH || !m.has(MOBILE_IP_HEADER_LENGTH + MOBILE_IP_SOURCE_LENGTH)) { c.truncMark(); return; }
  c.write('mobile: ');
  const source = m.originalSource;
  if (source !== undefined) {
    c.write('[S] ');
    if (c.o.verbose) c.write(`${source} `);
  } else {
    c.write('[] ');
  }
  if (c.o.verbose) c.write(`> ${m.originalDestination} (oproto=${m.protocol})`);
  if (m.checksumResult !== 0) c.write(` (bad checksum ${m.checksum})`);
}
