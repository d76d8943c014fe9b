/**
 * A link type with no printer (tcpdump's print-unsupported.c): `UNSUPPORTED` and the whole frame
 * in hex and ASCII. tcpdump prints this for link types it does not decode; vcap prints it for
 * those it does not decode yet, rather than refusing the file.
 */
import type { PrintContext } from './context.js';
import { hexAsciiDump } from './dump.js';

export function printUnsupported(c: PrintContext, off: number, _length: number, caplen: number): number {
  c.protocol = 'unsupported';
  c.write('UNSUPPORTED');
  hexAsciiDump(c, off, caplen);
  // No link header: -x and friends dump the frame from its first byte.
  return 0;
}
