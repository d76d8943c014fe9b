// IPv6 Fragment header (RFC 8200 §4.5), as tcpdump 4.99's print-frag6.c.
import type { PrintContext } from './context.js';
import { IPV6_FRAGMENT_HEADER_LENGTH, type Ipv6FragmentHeader } from '../../decoders/ipv6.js';

/**
 * Fragment header `frag`, `rest` bytes of the fragment after it (by the IPv6 Payload Length):
 * `frag (offset|fragment bytes)`, with the identification at -v. Returns the header length for a
 * first fragment (its payload can be decoded) and -1 for a later one.
 */
export function printFragment(c: PrintContext, frag: Ipv6FragmentHeader, rest: number): number {
  c.protocol = 'frag6';
  const offset = frag.offset;
  // tcpdump computes the rest as a size_t, so a header chain longer than the payload wraps around.
  const restText = rest >= 0 ? String(rest) : (18446744073709551616n + BigInt(rest)).toString();
  if (c.o.verbose) c.write(`frag (0x${frag.id.toString(16).padStart(8, '0')}:${offset}|${restText})`);
  else c.write(`frag (${offset}|${restText})`);
  if (offset !== 0) return -1;
  c.write(' ');
  return IPV6_FRAGMENT_HEADER_LENGTH;
}
