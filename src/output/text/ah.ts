/** IPsec AH (RFC 4302): the header, then the protocol it protects (tcpdump's print-ah.c). */
import type { PrintContext } from './context.js';
import type { Ah } from '../../decoders/ah.js';
import { hex8 } from './names.js';
import { printIpPayload } from './ip-demux.js';

/** AH and then the protocol it protects (the IP demux goes round again with AH's next header). */
export function printAh(c: PrintContext, ah: Ah, length: number): void {
  const ip = c.ip;
  if (!ah.has(1)) { c.protocol = 'ah'; c.truncMark(); return; }
  const next = ah.nextHeader;
  const advance = printAhHeader(c, ah);
  printIpPayload(c, next, ah.off + advance, length - advance, ip);
}

/** The AH header; returns its length by the payload-length field, after which the demux prints the next header. */
function printAhHeader(c: PrintContext, ah: Ah): number {
  c.protocol = 'ah';
  c.write('AH');
  const ahLen = ah.payloadLength;
  const hdrLen = ah.statedLength;
  c.write('(');
  if (c.o.verbose) c.write(`length=${ahLen}(${hdrLen}-bytes),`);
  const reserved = ah.reserved;
  if (reserved) c.write(`reserved=0x${reserved.toString(16)}[MustBeZero],`);
  c.write(`spi=0x${ah.spi.toString(16).padStart(8, '0')},`);
  c.write(`seq=0x${ah.sequence.toString(16)},`);
  c.write('icv=0x');
  for (let i = 0, n = ah.icvLength; i < n; i++) c.write(hex8(ah.icvByte(i)));
  c.write('): ');
  return hdrLen;
}
