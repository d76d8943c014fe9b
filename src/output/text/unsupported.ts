/**
 * A link type with no printer (tcpdump's print-unsupported.c): `UNSUPPORTED` and the whole frame
 * in hex and ASCII. tcpdump prints this for link types it does not decode; vcap prints it for
 * those it does not decode yet, rather than refusing the file.
 */
import type { PrintContext } from './context.js';
import { hexAsciiDump } from './dump.js';

/** The LinkPrinter for every link type printers.ts registers none for (the frame's decode has no layers). */
export function printUnsupported(c: PrintContext, _length: number): number {
  c.protocol = 'unsupported';
  c.write('UNSUPPORTED');
  hexAsciiDump(c, c.pkt.base, c.pkt.capLen);
  // No link header: -x and friends dump the frame from its first byte.
  return 0;
}
