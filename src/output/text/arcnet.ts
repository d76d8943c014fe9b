/** ARCNET (LINKTYPE_ARCNET_BSD and LINKTYPE_ARCNET_LINUX, tcpdump's print-arcnet.c). */
import type { PrintContext } from './context.js';
import { printLayer } from './dispatch.js';
import { defaultPrint } from './dump.js';
import { Layer } from '../../decoders/layer.js';
import {
  ARC_HEADER_EXCEPTION_LENGTH, ARC_HEADER_LENGTH, ARC_HEADER_NEW_LENGTH, ARC_LINUX_HEADER_LENGTH, ARC_LINUX_HEADER_NEW_LENGTH, ArcType,
  arcnetOldHeader, type Arcnet,
} from '../../decoders/arcnet.js';
import { hex2 } from './util-print.js';

const arcTypes: Record<number, string> = {
  [ArcType.IpOld]: 'oldip', [ArcType.ArpOld]: 'oldarp', [ArcType.Ip]: 'ip', [ArcType.Arp]: 'arp', [ArcType.Rarp]: 'rarp',
  [ArcType.Atalk]: 'atalk', [ArcType.Banyan]: 'banyan', [ArcType.Ipx]: 'ipx', [ArcType.Inet6]: 'ipv6', [ArcType.Diagnose]: 'diag',
};

/** tcpdump's arcnet_print: the header line of -e (and of a cut RFC 1201 header). */
function header(c: PrintContext, v: Arcnet, length: number, phds: boolean, flag: number, seqid: number): void {
  c.protocol = 'arcnet';
  const hosts = `${hex2(v.srcHost)} ${hex2(v.dstHost)}`;
  if (c.o.quiet) { c.write(`${hosts} ${length}: `); return; }
  const t = v.printedType, name = arcTypes[t] ?? hex2(t);
  if (!phds) { c.write(`${hosts} ${name} ${length}: `); return; }
  const seq = `seqid ${seqid.toString(16).padStart(4, '0')}`;
  if (flag === 0) c.write(`${hosts} ${name} ${seq} ${length}: `);
  else if (flag & 1) c.write(`${hosts} ${name} ${seq} (first of ${(flag + 3) >> 1} fragments) ${length}: `);
  else c.write(`${hosts} ${name} ${seq} (fragment ${(flag >> 1) + 1}) ${length}: `);
}

/** tcpdump's arcnet_encap_print: false when the system code has no printer (the caller dumps the payload). */
function printPayload(c: PrintContext, type: number, p: number, length: number): boolean {
  switch (type) {
    case ArcType.IpOld: case ArcType.Ip: printLayer(c, Layer.Ipv4, p, length); return true;
    case ArcType.Inet6: printLayer(c, Layer.Ipv6, p, length); return true;
    case ArcType.ArpOld: case ArcType.Arp: case ArcType.Rarp: printLayer(c, Layer.Arp, p, length); return true;
    // AppleTalk: as an EtherType (tcpdump writes `et1 ` at -v here too).
    case ArcType.Atalk: printLayer(c, Layer.Ddp, p, length); return true;
    default: return false;
  }
}

/** LINKTYPE_ARCNET_BSD: returns the link-header length. */
export function printArcnetLink(c: PrintContext, length: number): number {
  c.protocol = 'arcnet';
  const v = c.pkt.views.table[Layer.Arcnet] as Arcnet;
  let caplen = v.captured;
  v.need(ARC_HEADER_LENGTH);
  const type = v.type, phds = !arcnetOldHeader(type);
  let flag = 0, seqid = 0, hl = ARC_HEADER_LENGTH;
  if (phds) {
    // A cut RFC 1201 header: its start as the -e line shows it, then tcpdump's truncation.
    if (caplen < ARC_HEADER_NEW_LENGTH) { header(c, v, length, false, 0, 0); c.write(' phds'); v.need(ARC_HEADER_NEW_LENGTH); }
    if (v.exception && caplen < ARC_HEADER_EXCEPTION_LENGTH) {
      header(c, v, length, false, 0, 0); c.write(' phds extended'); v.need(ARC_HEADER_EXCEPTION_LENGTH);
    }
    flag = v.flag; seqid = v.sequenceId;
    hl = v.exception ? ARC_HEADER_EXCEPTION_LENGTH : ARC_HEADER_NEW_LENGTH;
  }
  if (c.o.linkHeader) header(c, v, length, phds, flag, seqid);
  length -= hl; caplen -= hl;
  // A middle fragment: nothing of the packet's own headers in it.
  if (phds && flag !== 0 && (flag & 1) === 0) return hl;
  // tcpdump dumps an unknown payload here even with -x/-q (no suppress_default_print test).
  if (!printPayload(c, type, v.off + hl, length)) defaultPrint(c, v.off + hl, caplen, true);
  return hl;
}

/** LINKTYPE_ARCNET_LINUX: returns the link-header length. */
export function printArcnetLinuxLink(c: PrintContext, length: number): number {
  c.protocol = 'arcnet_linux';
  const v = c.pkt.views.table[Layer.ArcnetLinux] as Arcnet;
  v.need(ARC_LINUX_HEADER_LENGTH);
  const type = v.type;
  const hl = arcnetOldHeader(type) ? ARC_LINUX_HEADER_LENGTH : ARC_LINUX_HEADER_NEW_LENGTH;
  v.need(hl);
  // tcpdump prints Linux headers with the BSD layout (their offset's byte as the system code).
  if (c.o.linkHeader) header(c, v, length, false, 0, 0);
  if (!printPayload(c, type, v.off + hl, length - hl)) defaultPrint(c, v.off + hl, v.captured - hl, true);
  return hl;
}
