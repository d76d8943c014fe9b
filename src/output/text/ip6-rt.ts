// IPv6 Routing header (RFC 8200 §4.4): type 0 (deprecated, RFC 5095), type 2 (Mobile IPv6,
// RFC 6275) and type 4 (Segment Routing Header, RFC 8754), as tcpdump 4.99's print-rt6.c.
import type { PrintContext } from './context.js';

/**
 * Routing header at `off`. Returns its length, or -1 after printing ` (invalid)` when it is of a
 * type tcpdump does not decode or its length is odd; a cut-short header throws TRUNCATED.
 */
export function printRouting(c: PrintContext, off: number): number {
  c.protocol = 'rt6';
  // Written field by field: a header cut short shows what was there before ` [|rt6]`.
  c.write('RT6');
  const len = c.u8(off + 1);
  c.write(` (len=${len}`);
  const type = c.u8(off + 2);
  c.write(`, type=${type}`);
  if (type === 0) c.write(' [Deprecated]');
  c.write(`, segleft=${c.u8(off + 3)}`);
  switch (type) {
    case 0:
    case 2: {
      const rsv = c.u32(off + 4);
      if (rsv !== 0 || c.o.verbose) c.write(`, rsv=0x${rsv.toString(16)}`);
      if (len % 2 === 1) { c.write(` (invalid length ${len})`); break; }
      for (let i = 0, p = off + 8; i < len >> 1; i++, p += 16) c.write(`, [${i}]${c.ip6(p)}`);
      c.write(') ');
      return (len + 1) << 3;
    }
    case 4: {
      const lastEntry = c.u8(off + 4);
      c.write(`, last-entry=${lastEntry}`);
      const flags = c.u8(off + 5);
      if (flags || c.o.verbose) c.write(`, flags=0x${flags.toString(16)}`);
      c.write(`, tag=${c.u16(off + 6).toString(16)}`);
      if (len % 2 === 1) { c.write(` (invalid length ${len})`); break; }
      for (let i = 0, p = off + 8; i < len >> 1; i++, p += 16) c.write(`, [${i}]${c.ip6(p)}`);
      c.write(') ');
      return (len + 1) << 3;
    }
    default:
      c.write(' (unknown type)');
  }
  c.invalid();
  return -1;
}

/**
 * Where the final destination of a routing header at `off` is (the address the upper-layer
 * checksum's pseudo-header uses, RFC 8200 §8.1), or -1 when there is none to take.
 */
export function routingFinalDst(c: PrintContext, off: number): number {
  if (!c.has(off, 4)) return -1;
  const len = c.buf[off + 1]!, type = c.buf[off + 2]!;
  if (type === 0 || type === 2) {
    if (len % 2 === 1) return -1;
    // tcpdump walks the list checking each address, so a cut-short list keeps the last complete one.
    for (let i = (len >> 1) - 1; i >= 0; i--) if (c.has(off + 8 + i * 16, 16)) return off + 8 + i * 16;
    return -1;
  }
  if (type === 4) {
    if (len % 2 === 1 || !c.has(off + 8, 16)) return -1;
    return off + 8;
  }
  return -1;
}
