/** BSD loopback encapsulations NULL (0) and LOOP (108) (tcpdump's print-null.c). */
import type { PrintContext } from './context.js';
import { printIp } from './ip.js';
import { printIp6 } from './ip6.js';
import { defaultPrint } from './dump.js';

const families: Record<number, string> = { 2: 'IPv4', 6: 'NS', 7: 'ISO', 16: 'Appletalk', 23: 'IPX', 24: 'IPv6', 28: 'IPv6', 30: 'IPv6' };

function header(c: PrintContext, family: number, length: number): void {
  c.write(c.o.quiet ? families[family] ?? `Unknown AF ${family}` : `AF ${families[family] ?? 'Unknown'} (${family})`);
  c.write(`, length ${length}: `);
}

/** A 4-byte address family, host order for NULL and network order for LOOP. Returns the header length. */
export function printNull(c: PrintContext, off: number, length: number, caplen: number): number {
  c.protocol = 'null';
  c.need(off, 4);
  let family = c.u32le(off);
  // Written by a host of the other byte order (or LOOP's network order): the upper half is non-zero.
  if ((family & 0xffff0000) !== 0) family = ((family & 0xff) << 24 | (family & 0xff00) << 8 | (family >>> 8) & 0xff00 | family >>> 24) >>> 0;
  if (c.o.linkHeader) header(c, family, length);
  const p = off + 4;
  switch (family) {
    case 2: printIp(c, p, length - 4); break;
    case 24: case 28: case 30: printIp6(c, p, length - 4); break;
    default:
      if (!c.o.linkHeader) header(c, family, length);
      defaultPrint(c, p, caplen - 4);
  }
  return 4;
}
