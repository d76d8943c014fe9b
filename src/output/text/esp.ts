/** IPsec ESP (RFC 4303): SPI and sequence number; the payload is encrypted (tcpdump's print-esp.c). */
import type { PrintContext } from './context.js';

/** ESP packet at `p`, `length` bytes. */
export function printEsp(c: PrintContext, p: number, length: number): void {
  c.protocol = 'esp';
  // tcpdump wants more than the 8-byte header before it prints anything.
  if (c.avail(p) <= 8) { c.truncMark(); return; }
  c.write(`ESP(spi=0x${c.u32(p).toString(16).padStart(8, '0')}`);
  c.write(`,seq=0x${c.u32(p + 4).toString(16)})`);
  c.write(`, length ${length}`);
}
