/** Broadcom switch tags (LINKTYPE_DSA_TAG_BRCM and _PREPEND, tcpdump's print-brcmtag.c). */
import type { PrintContext } from './context.js';
import { viewCall } from './dispatch.js';
import { printEtherCounted, printSwitchTagged } from './ether.js';
import { Layer } from '../../decoders/layer.js';
import { BRCM_TAG_LENGTH, type BrcmTag } from '../../decoders/brcmtag.js';

const enforcement = ['None', 'Untag', 'Header', 'Reserved'];
const reasons: Record<number, string> = { 1: 'mirror', 2: 'MAC learning', 4: 'switching', 8: 'prot term', 16: 'prot snoop', 32: 'exception' };

/** LINKTYPE_DSA_TAG_BRCM: the tag inside the Ethernet header. Returns the link-header length. */
export function printBrcmTag(c: PrintContext, length: number): number {
  c.protocol = 'brcm-tag';
  return printSwitchTagged(c, c.pkt.views.table[Layer.BrcmTag] as BrcmTag, length, BRCM_TAG_LENGTH, tag);
}

/** LINKTYPE_DSA_TAG_BRCM_PREPEND: the tag, then an Ethernet frame. Returns the link-header length. */
export function printBrcmTagPrepend(c: PrintContext, length: number): number {
  c.protocol = 'brcm-tag-prepend';
  const v = c.pkt.views.table[Layer.BrcmTagPrepend] as BrcmTag;
  v.need(BRCM_TAG_LENGTH);
  if (c.o.linkHeader) tag(c, v);
  // The dumps skip the tag and what the Ethernet printer counts as its header.
  return BRCM_TAG_LENGTH + viewCall(c, Layer.Ethernet, v.off + BRCM_TAG_LENGTH, length - BRCM_TAG_LENGTH, undefined, printEtherCounted);
}

/** tcpdump's brcm_tag_print: the four bytes are read before anything is printed. */
function tag(c: PrintContext, v: BrcmTag): void {
  v.need(v.tagEnd);
  c.write(`BRCM tag OP: ${v.opcodeByte ? 'IG' : 'EG'}`);
  if (v.ingress) {
    c.write(`, TC: ${v.ingressTrafficClass}, TE: ${enforcement[v.tagEnforcement]}, TS: ${v.timestamp}, DST map: 0x${v.destinationMap.toString(16).padStart(4, '0')}`);
  } else {
    c.write(`, CID: ${v.classId}, RC: ${reasons[v.reasonCode] ?? 'reserved'}, TC: ${v.egressTrafficClass}, port: ${v.sourcePort}`);
  }
  c.write(', ');
}
