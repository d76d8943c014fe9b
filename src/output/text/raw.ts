/** Raw IP link types RAW (101), IPV4 (228), IPV6 (229): IPv4 or IPv6 by the version nibble (tcpdump's print-raw.c, ipN_print). */
import type { PrintContext } from './context.js';
import { printIp } from './ip.js';
import { printIp6 } from './ip6.js';

/** Returns the link-header length (none). */
export function printRaw(c: PrintContext, off: number, length: number): number {
  c.protocol = 'raw_if';
  if (c.o.linkHeader) c.write('ip: ');
  c.protocol = 'ipN';
  if (length < 1) { c.write(`truncated-ip ${length}`); return 0; }
  const v = c.u8(off) & 0xf0;
  if (v === 0x40) printIp(c, off, length);
  else if (v === 0x60) printIp6(c, off, length);
  else c.write(`unknown ip ${v >> 4}`);
  return 0;
}
