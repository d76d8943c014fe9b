/** IPComp (tcpdump's print-ipcomp.c): the compression parameter index; the compressed payload is not printed. */
import type { PrintContext } from './context.js';
import type { Ipcomp } from '../../decoders/ipcomp.js';

export function printIpcomp(c: PrintContext, v: Ipcomp, _length: number): void {
  c.protocol = 'ipcomp';
  // Read unchecked, as tcpdump's GET: a cut CPI unwinds.
  c.write(`IPComp(cpi=0x${v.cpi.toString(16).padStart(4, '0')})`);
}
