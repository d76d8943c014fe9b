// Interface only; the IPv6 printer replaces this body.
import type { PrintContext } from './context.js';

/** IPv6 (and its extension headers) at `off`; `length` is the on-wire length left from the layer below. */
export function printIp6(c: PrintContext, off: number, length: number): void {
  c.protocol = 'ip6';
  c.write(`IP6 [${off} ${length}]`);
}
