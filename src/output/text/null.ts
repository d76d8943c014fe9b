/** BSD loopback encapsulations NULL (0) and LOOP (108) (tcpdump's print-null.c). */
import type { PrintContext } from './context.js';
import { atalkPrinters, printLayer, viewCall } from './dispatch.js';
import { defaultPrint } from './dump.js';
import { Layer } from '../../decoders/layer.js';
import { NULL_HEADER_LENGTH } from '../../decoders/null.js';

const families: Record<number, string> = { 2: 'IPv4', 6: 'NS', 7: 'ISO', 16: 'Appletalk', 23: 'IPX', 24: 'IPv6', 28: 'IPv6', 30: 'IPv6' };

function header(c: PrintContext, family: number, length: number): void {
  c.write(c.o.quiet ? families[family] ?? `Unknown AF ${family}` : `AF ${families[family] ?? 'Unknown'} (${family})`);
  c.write(`, length ${length}: `);
}

/** A 4-byte address family, host order for NULL and network order for LOOP. Returns the header length. */
export function printNull(c: PrintContext, length: number): number {
  c.protocol = 'null';
  const h = c.pkt.linkType === 0 ? c.pkt.views.null : c.pkt.views.loop;
  const family = h.familyEitherOrder;
  if (c.o.linkHeader) header(c, family, length);
  const p = h.off + NULL_HEADER_LENGTH;
  switch (family) {
    case 2: printLayer(c, Layer.Ipv4, p, length - NULL_HEADER_LENGTH); break;
    case 24: case 28: case 30: printLayer(c, Layer.Ipv6, p, length - NULL_HEADER_LENGTH); break;
    case 16: viewCall(c, Layer.Ddp, p, length - NULL_HEADER_LENGTH, undefined, atalkPrinters.ddp!); break;
    default:
      if (!c.o.linkHeader) header(c, family, length);
      defaultPrint(c, p, h.captured - NULL_HEADER_LENGTH);
  }
  return NULL_HEADER_LENGTH;
}
