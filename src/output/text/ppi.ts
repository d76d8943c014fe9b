/** Per-Packet Information (LINKTYPE_PPI, tcpdump's print-ppi.c): the header, then the frame as its link type says. */
import type { PrintContext } from './context.js';
import { linkPrinters } from './dispatch.js';
import { defaultPrint } from './dump.js';
import { Layer } from '../../decoders/layer.js';
import { linkTypeNames } from '../../decoders/link-type-names.js';
import { PPI_HEADER_LENGTH, PPI_MAX_LENGTH, type Ppi } from '../../decoders/ppi.js';

function header(c: PrintContext, v: Ppi, length: number): void {
  const dlt = v.dlt, name = linkTypeNames[dlt]?.[0] ?? 'UNKNOWN';
  c.write(c.o.quiet ? name : `V.${v.version} DLT ${name} (${dlt}) len ${v.headerLengthField}`);
  c.write(`, length ${length}: `);
}

/** LINKTYPE_PPI: returns the link-header length (PPI's and the inner link type's). */
export function printPpiLink(c: PrintContext, length: number): number {
  c.protocol = 'ppi';
  const v = c.pkt.views.table[Layer.Ppi] as Ppi;
  const caplen = c.end - v.off;
  if (caplen < PPI_HEADER_LENGTH) { c.truncMark(); return caplen; }
  const len = v.headerLengthField;
  if (len < PPI_HEADER_LENGTH || len > PPI_MAX_LENGTH) {
    c.write(` [length ${len} < ${PPI_HEADER_LENGTH} or > ${PPI_MAX_LENGTH}]`);
    c.invalid();
    return caplen;
  }
  if (caplen < len) { c.truncMark(); return caplen; }
  const dlt = v.dlt;
  if (c.o.linkHeader) header(c, v, length);
  const inner = dlt < linkPrinters.length ? linkPrinters[dlt] : undefined;
  // tcpdump adds the inner link header's length to its running total twice (ppi_if_print reads the
  // total after the inner printer added to it, then adds it again): the dumps skip that much.
  if (inner !== undefined) return len + 2 * inner(c, length - len);
  if (!c.o.linkHeader) header(c, v, length);
  defaultPrint(c, v.off + len, caplen - len);
  return len;
}
