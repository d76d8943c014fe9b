/** IP over InfiniBand (LINKTYPE_IPOIB, tcpdump's print-ipoib.c). */
import type { PrintContext } from './context.js';
import { printEtherTypePayload } from './dispatch.js';
import { defaultPrint } from './dump.js';
import { etherTypeName } from './names.js';
import { Layer } from '../../decoders/layer.js';
import { IPOIB_HEADER_LENGTH, type Ipoib } from '../../decoders/ipoib.js';

function header(c: PrintContext, v: Ipoib, length: number): void {
  const t = v.etherType;
  c.write(`, ethertype ${etherTypeName(t) ?? 'Unknown'}`);
  if (!c.o.quiet) c.write(` (0x${t.toString(16).padStart(4, '0')})`);
  c.write(`, length ${length}: `);
}

/** LINKTYPE_IPOIB: returns the link-header length. */
export function printIpoib(c: PrintContext, length: number): number {
  c.protocol = 'ipoib';
  const v = c.pkt.views.table[Layer.Ipoib] as Ipoib;
  const caplen = v.captured;
  if (caplen < IPOIB_HEADER_LENGTH) { c.truncMark(); return caplen; }
  if (length < IPOIB_HEADER_LENGTH) { c.truncMark(); return length; }
  if (c.o.linkHeader) { c.write('IPOIB'); header(c, v, length); }
  const p = v.off + IPOIB_HEADER_LENGTH;
  if (!printEtherTypePayload(c, v.etherType, p, length - IPOIB_HEADER_LENGTH)) {
    if (!c.o.linkHeader) header(c, v, length);
    defaultPrint(c, p, caplen - IPOIB_HEADER_LENGTH);
  }
  return IPOIB_HEADER_LENGTH;
}
