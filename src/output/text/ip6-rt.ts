// IPv6 Routing header (RFC 8200 §4.4): type 0 (deprecated, RFC 5095), type 2 (Mobile IPv6,
// RFC 6275) and type 4 (Segment Routing Header, RFC 8754), as tcpdump 4.99's print-rt6.c.
import type { PrintContext } from './context.js';
import type { Ipv6RoutingHeader } from '../../decoders/ipv6.js';

/**
 * Routing header `rt`. Returns its length, or -1 after printing ` (invalid)` when it is of a
 * type tcpdump does not decode or its length is odd; a cut-short header throws TRUNCATED.
 */
export function printRouting(c: PrintContext, rt: Ipv6RoutingHeader): number {
  c.protocol = 'rt6';
  // Written field by field: a header cut short shows what was there before ` [|rt6]`.
  c.write('RT6');
  const len = rt.lengthField;
  c.write(` (len=${len}`);
  const type = rt.type;
  c.write(`, type=${type}`);
  if (type === 0) c.write(' [Deprecated]');
  c.write(`, segleft=${rt.segmentsLeft}`);
  switch (type) {
    case 0:
    case 2: {
      const rsv = rt.reserved;
      if (rsv !== 0 || c.o.verbose) c.write(`, rsv=0x${rsv.toString(16)}`);
      if (len % 2 === 1) { c.write(` (invalid length ${len})`); break; }
      for (let i = 0; i < len >> 1; i++) c.write(`, [${i}]${rt.address(i)}`);
      c.write(') ');
      return (len + 1) << 3;
    }
    case 4: {
      c.write(`, last-entry=${rt.lastEntry}`);
      const flags = rt.srhFlags;
      if (flags || c.o.verbose) c.write(`, flags=0x${flags.toString(16)}`);
      c.write(`, tag=${rt.tag.toString(16)}`);
      if (len % 2 === 1) { c.write(` (invalid length ${len})`); break; }
      for (let i = 0; i < len >> 1; i++) c.write(`, [${i}]${rt.address(i)}`);
      c.write(') ');
      return (len + 1) << 3;
    }
    default:
      c.write(' (unknown type)');
  }
  c.invalid();
  return -1;
}
