/** Raw IP link types RAW (101), IPV4 (228), IPV6 (229): IPv4 or IPv6 by the version nibble (tcpdump's print-raw.c, ipN_print). */
import type { PrintContext } from './context.js';
import { printLayer } from './dispatch.js';
import { Layer } from '../../decoders/layer.js';
import type { RawIp } from '../../decoders/raw.js';

/** Returns the link-header length (none). */
export function printRaw(c: PrintContext, length: number): number {
  c.protocol = 'raw_if';
  if (c.o.linkHeader) c.write('ip: ');
  c.protocol = 'ipN';
  if (length < 1) { c.write(`truncated-ip ${length}`); return 0; }
  const raw = c.pkt.views.table[Layer.Raw] as RawIp;
  // For IPV4/IPV6 the decoder starts at the IP layer: the raw view is pointed only for RAW.
  raw.point(c.pkt.base, c.end);
  const v = raw.version;
  if (v === 4) printLayer(c, Layer.Ipv4, raw.off, length);
  else if (v === 6) printLayer(c, Layer.Ipv6, raw.off, length);
  else c.write(`unknown ip ${v}`);
  return 0;
}
