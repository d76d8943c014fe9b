/** CALM FAST (tcpdump's print-calm-fast.c). */
import type { PrintContext } from './context.js';
import { CALM_FAST_HEADER_LENGTH, type CalmFast } from '../../decoders/calm-fast.js';
import { dumpRest } from './dump.js';

/** A CALM FAST packet, `length` bytes on the wire. */
export function printCalmFast(c: PrintContext, v: CalmFast, length: number): void {
  c.protocol = 'calm_fast';
  c.write('CALM FAST');
  if (c.linkAddressesAt === v.off) c.write(` src:${c.linkAddresses!.src}`);
  c.write('; ');
  if (length < CALM_FAST_HEADER_LENGTH) {
    c.write(` (length ${length} < 2)`);
    c.invalid();
    // tcpdump then checks that the `length` bytes were captured (ND_TCHECK_LEN, unwinding to ` [|calm_fast]`).
    v.need(length);
    return;
  }
  c.write(`SrcNwref:${v.sourceNetworkReference}; `);
  c.write(`DstNwref:${v.destinationNetworkReference}; `);
  if (c.o.verbose) dumpRest(c, v.off + CALM_FAST_HEADER_LENGTH, length - CALM_FAST_HEADER_LENGTH, v.captured - CALM_FAST_HEADER_LENGTH);
}
