// IPv6 Fragment header (RFC 8200 §4.5), as tcpdump 4.99's print-frag6.c.
import type { PrintContext } from './context.js';

/**
 * Fragment header at `off` inside the IPv6 packet at `ip6`: `frag (offset|fragment bytes)`, with
 * the identification at -v. Returns 8 for a first fragment (its payload can be decoded) and -1
 * for a later one.
 */
export function printFragment(c: PrintContext, off: number, ip6: number): number {
  c.protocol = 'frag6';
  const offset = c.u16(off + 2) & 0xfff8;
  // Bytes of this fragment after the fragment header, from the IPv6 Payload Length.
  const n = 40 + c.u16(ip6 + 4) - (off - ip6) - 8;
  // tcpdump computes it as a size_t, so a header chain longer than the payload wraps around.
  const rest = n >= 0 ? String(n) : (18446744073709551616n + BigInt(n)).toString();
  if (c.o.verbose) c.write(`frag (0x${c.u32(off + 4).toString(16).padStart(8, '0')}:${offset}|${rest})`);
  else c.write(`frag (${offset}|${rest})`);
  if (offset !== 0) return -1;
  c.write(' ');
  return 8;
}
