/** IPsec AH (RFC 4302): the header, then the protocol it protects (tcpdump's print-ah.c). */
import type { IpInfo, PrintContext } from './context.js';
import { hex8 } from './names.js';
import { printIpPayload } from './ip-demux.js';

/** AH at `p` and then the protocol it protects (the IP demux goes round again with AH's next header). */
export function printAhChain(c: PrintContext, p: number, length: number, ip: IpInfo): void {
  if (!c.has(p, 1)) { c.protocol = 'ah'; c.truncMark(); return; }
  const next = c.u8(p);
  const advance = printAh(c, p);
  printIpPayload(c, next, p + advance, length - advance, ip);
}

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
