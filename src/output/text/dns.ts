// Interface only; the DNS printer replaces this body.
import type { PrintContext } from './context.js';

/** DNS message at `off`, `length` bytes on the wire; over TCP it starts with the 2-byte length (tcpdump's domain_print). */
export function printDns(c: PrintContext, off: number, length: number, overTcp: boolean): void {
  c.protocol = 'domain';
  c.write(`domain [${off} ${length} ${overTcp}]`);
}
