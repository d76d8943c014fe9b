/** IPsec AH (RFC 4302): the header, then the protocol it protects (tcpdump's print-ah.c). */
import type { PrintContext } from './context.js';
import { hex8 } from './names.js';

/** AH header at `p`; returns its length, after which the demux prints the next header. */
export function printAh(c: PrintContext, p: number): number {
  c.protocol = 'ah';
  c.write('AH');
  const ahLen = c.u8(p + 1);
  const hdrLen = (ahLen + 2) * 4;
  c.write('(');
  if (c.o.verbose) c.write(`length=${ahLen}(${hdrLen}-bytes),`);
  const reserved = c.u16(p + 2);
  if (reserved) c.write(`reserved=0x${reserved.toString(16)}[MustBeZero],`);
  c.write(`spi=0x${c.u32(p + 4).toString(16).padStart(8, '0')},`);
  c.write(`seq=0x${c.u32(p + 8).toString(16)},`);
  c.write('icv=0x');
  for (let i = 12; i < hdrLen; i++) c.write(hex8(c.u8(p + i)));
  c.write('): ');
  return hdrLen;
}
