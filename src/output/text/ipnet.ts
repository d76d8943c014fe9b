/** Solaris IPnet (LINKTYPE_IPNET, tcpdump's print-ipnet.c). */
import type { PrintContext } from './context.js';
import { printLayer } from './dispatch.js';
import { defaultPrint } from './dump.js';
import { Layer } from '../../decoders/layer.js';
import { IPNET_AF_INET, IPNET_AF_INET6, IPNET_HEADER_LENGTH, type Ipnet } from '../../decoders/ipnet.js';

const families: Record<number, string> = { [IPNET_AF_INET]: 'IPv4', [IPNET_AF_INET6]: 'IPv6' };

function header(c: PrintContext, v: Ipnet, length: number): void {
  c.write(`${v.srcZone} > ${v.dstZone}`);
  const af = v.family;
  // tcpdump's -q fallback text says Ethertype, for an address family.
  c.write(c.o.quiet ? `, ${families[af] ?? `Unknown Ethertype (0x${af.toString(16).padStart(4, '0')})`}` : `, family ${families[af] ?? 'Unknown'} (${af})`);
  c.write(`, length ${length}: `);
}

/** LINKTYPE_IPNET: returns the link-header length. */
export function printIpnet(c: PrintContext, length: number): number {
  c.protocol = 'ipnet';
  const v = c.pkt.views.table[Layer.Ipnet] as Ipnet;
  v.need(IPNET_HEADER_LENGTH);
  if (c.o.linkHeader) header(c, v, length);
  const p = v.off + IPNET_HEADER_LENGTH;
  const af = v.family;
  if (af === IPNET_AF_INET) printLayer(c, Layer.Ipv4, p, length - IPNET_HEADER_LENGTH);
  else if (af === IPNET_AF_INET6) printLayer(c, Layer.Ipv6, p, length - IPNET_HEADER_LENGTH);
  else {
    if (!c.o.linkHeader) header(c, v, length);
    defaultPrint(c, p, v.captured - IPNET_HEADER_LENGTH);
  }
  return IPNET_HEADER_LENGTH;
}
