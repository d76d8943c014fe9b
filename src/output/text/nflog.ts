/** Linux netfilter log messages (LINKTYPE_NFLOG, tcpdump's print-nflog.c). */
import type { PrintContext } from './context.js';
import { printLayer } from './dispatch.js';
import { defaultPrint } from './dump.js';
import { Layer } from '../../decoders/layer.js';
import { NFLOG_HEADER_LENGTH, NFLOG_TLV_HEADER_LENGTH, NFULA_PAYLOAD, type Nflog } from '../../decoders/nflog.js';

const families: Record<number, string> = { 2: 'IPv4', 10: 'IPv6' };

function header(c: PrintContext, v: Nflog, length: number): void {
  c.write(`version ${v.version}, resource ID ${v.resourceId}`);
  const f = v.family;
  if (!c.o.quiet) c.write(`, family ${families[f] ?? 'Unknown'} (${f})`);
  else c.write(`, ${families[f] ?? `Unknown NFLOG (0x${f.toString(16).padStart(2, '0')})`}`);
  c.write(`, length ${length}: `);
}

/** LINKTYPE_NFLOG: returns the link-header length (the header and the TLVs before the packet). */
export function printNflog(c: PrintContext, length: number): number {
  c.protocol = 'nflog';
  const v = c.pkt.views.table[Layer.Nflog] as Nflog;
  let caplen = v.captured;
  if (caplen < NFLOG_HEADER_LENGTH) { c.truncMark(); return caplen; }
  const version = v.version;
  if (version !== 0) { c.write(`version ${version} (unknown)`); return NFLOG_HEADER_LENGTH; }
  if (c.o.linkHeader) header(c, v, length);
  let p = v.off + NFLOG_HEADER_LENGTH;
  length -= NFLOG_HEADER_LENGTH; caplen -= NFLOG_HEADER_LENGTH;
  let hsize = NFLOG_HEADER_LENGTH;
  const tlv = v.tlv;
  while (length > 0) {
    if (caplen < NFLOG_TLV_HEADER_LENGTH) { c.truncMark(); return hsize; }
    tlv.point(p, c.end);
    // tcpdump keeps the padded length in 16 bits: 0xfffd and up wrap to a length below the minimum.
    const size = tlv.paddedLength & 0xffff;
    if (size < NFLOG_TLV_HEADER_LENGTH || caplen < size) { c.truncMark(); return hsize; }
    if (tlv.type === NFULA_PAYLOAD) {
      p += NFLOG_TLV_HEADER_LENGTH; hsize += NFLOG_TLV_HEADER_LENGTH; length -= NFLOG_TLV_HEADER_LENGTH; caplen -= NFLOG_TLV_HEADER_LENGTH;
      break;
    }
    p += size; hsize += size; length -= size; caplen -= size;
  }
  switch (v.family) {
    case 2: printLayer(c, Layer.Ipv4, p, length); break;
    case 10: printLayer(c, Layer.Ipv6, p, length); break;
    default:
      if (!c.o.linkHeader) header(c, v, length + NFLOG_HEADER_LENGTH);
      defaultPrint(c, p, caplen);
  }
  return hsize;
}
