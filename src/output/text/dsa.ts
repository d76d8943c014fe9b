/** Marvell DSA and EDSA switch tags (LINKTYPE_DSA_TAG_DSA/EDSA, tcpdump's print-dsa.c). */
import type { PrintContext } from './context.js';
import { printSwitchTagged } from './ether.js';
import { etherTypeName } from './names.js';
import { Layer } from '../../decoders/layer.js';
import { DsaMode, type DsaTagged } from '../../decoders/dsa.js';

const modes = ['To CPU', 'From CPU', 'To Sniffer', 'Forward'];
const codes = ['BPDU (MGMT) Trap', 'Frame2Reg', 'IGMP/MLD Trap', 'Policy Trap', 'ARP Mirror', 'Policy Mirror'];

/** LINKTYPE_DSA_TAG_DSA: returns the link-header length. */
export function printDsa(c: PrintContext, length: number): number {
  c.protocol = 'dsa';
  const v = c.pkt.views.table[Layer.Dsa] as DsaTagged;
  return printSwitchTagged(c, v, length, v.tagLength, dsaTag);
}

/** LINKTYPE_DSA_TAG_EDSA: returns the link-header length. */
export function printEdsa(c: PrintContext, length: number): number {
  c.protocol = 'edsa';
  const v = c.pkt.views.table[Layer.Edsa] as DsaTagged;
  return printSwitchTagged(c, v, length, v.tagLength, edsaTag);
}

function dsaTag(c: PrintContext, v: DsaTagged): void {
  c.write(c.o.linkHeader ? 'Marvell DSA ' : 'DSA ');
  common(c, v);
}

function edsaTag(c: PrintContext, v: DsaTagged): void {
  const t = v.edsaEtherType;
  const hex = t.toString(16).padStart(4, '0');
  if (c.o.linkHeader) c.write(`Marvell EDSA ethertype 0x${hex} (${etherTypeName(t) ?? 'Unknown'}), rsvd ${v.edsaReserved1} ${v.edsaReserved2}, `);
  else c.write(`EDSA 0x${hex}, `);
  common(c, v);
}

/** The DSA tag's fields (tcpdump's tag_common_print). */
function common(c: PrintContext, v: DsaTagged): void {
  const mode = v.mode;
  if (c.o.linkHeader) {
    c.write(`mode ${modes[mode]}, `);
    switch (mode) {
      case DsaMode.Forward: c.write(`dev ${v.device}, ${v.trunk ? 'trunk' : 'port'} ${v.port}, `); break;
      case DsaMode.FromCpu: c.write(`target dev ${v.device}, port ${v.port}, `); break;
      case DsaMode.ToCpu: c.write(`source dev ${v.device}, port ${v.port}, code ${codes[v.code] ?? 'reserved'}, `); break;
      case DsaMode.ToSniffer: c.write(`source dev ${v.device}, port ${v.port}, ${v.rxSniff ? 'ingress' : 'egress'} sniff, `); break;
    }
    c.write(`${v.tagged ? 'tagged' : 'untagged'}, `);
    if (v.cfi) c.write('CFI, ');
    c.write(`VID ${v.vid}, FPri ${v.priority}, `);
  } else {
    switch (mode) {
      case DsaMode.Forward: c.write(`Forward ${v.trunk ? 'trunk' : 'port'} ${v.device}.${v.port}, `); break;
      case DsaMode.FromCpu: c.write(`CPU > port ${v.device}.${v.port}, `); break;
      case DsaMode.ToCpu: c.write(`port ${v.device}.${v.port} > CPU, `); break;
      case DsaMode.ToSniffer: c.write(`port ${v.device}.${v.port} > ${v.rxSniff ? 'Rx' : 'Tx'} Sniffer, `); break;
    }
    c.write(`VLAN ${v.vid}${v.tagged ? 't' : 'u'}, `);
  }
}
