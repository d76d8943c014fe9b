/** MPLS label stacks (RFC 3032) and the payload guessed as tcpdump does (tcpdump's print-mpls.c). */
import { TRUNCATED, type PrintContext } from './context.js';
import { printEncapsulated } from './dispatch.js';
import { Layer } from '../../decoders/layer.js';
import type { Mpls } from '../../decoders/mpls.js';
import { defaultPrint } from './dump.js';

const reserved = ['IPv4 explicit NULL', 'router alert', 'IPv6 explicit NULL', 'implicit NULL'];

/** The label stack entries down to the bottom-of-stack bit, then the payload; `length` bytes on the wire. */
export function printMpls(c: PrintContext, mpls: Mpls, length: number): void {
  c.protocol = 'mpls';
  c.write('MPLS');
  let depth = 0, entry = 0;
  do {
    // The lengths end the stack before its bottom: tcpdump's `goto invalid`, then its ND_TCHECK_LEN of
    // what is left, which unwinds (print-mpls.c longjmps from its checks) as a read past the capture does.
    if (length < 4) {
      c.invalid();
      if (mpls.off + depth * 4 + length > c.end) throw TRUNCATED;
      return;
    }
    entry = mpls.entry(depth);
    const label = entry >>> 12;
    let s = `${depth && c.o.verbose ? '\n\t' : ' '}(label ${label}`;
    depth++;
    if (c.o.verbose && label < 16) s += ` (${reserved[label] ?? 'rsvd'})`;
    s += `, tc ${(entry >>> 9) & 7}`;
    if (entry & 0x100) s += ', [S]';
    c.write(s + `, ttl ${entry & 0xff})`);
    length -= 4;
  } while (!(entry & 0x100));
  // No protocol field: explicit-NULL labels say it, otherwise the first payload byte hints it.
  const version = mpls.payloadVersion;
  const payload = mpls.off + mpls.headerLength;
  if (version === 0) { defaultPrint(c, payload, length); return; }
  c.write(c.o.verbose ? '\n\t' : ' ');
  printEncapsulated(c, version === 4 ? Layer.Ipv4 : Layer.Ipv6, payload, length);
}
