/** Ethernet II, 802.3 and 802.1Q/802.1ad VLAN tags, and the EtherType demux (tcpdump's print-ether.c). */
import type { PrintContext } from './context.js';
import { etherTypeName } from './names.js';
import { printIp } from './ip.js';
import { printIp6 } from './ip6.js';
import { printArp } from './arp.js';
import { printMpls } from './mpls.js';
import { printLlc } from './llc.js';
import { defaultPrint } from './dump.js';

/** `ethertype IPv4 (0x0800)`, or with -q `IPv4` (tcpdump's ether_type_print). */
export function etherTypeText(c: PrintContext, t: number): string {
  const name = etherTypeName(t);
  const hex = t.toString(16).padStart(4, '0');
  if (!c.o.quiet) return `ethertype ${name ?? 'Unknown'} (0x${hex})`;
  return name ?? `Unknown Ethertype (0x${hex})`;
}

/** `vlan 200, p 0` (+ `, DEI`): tcpdump's ieee8021q_tci_string. */
export function vlanTciText(tci: number): string {
  return `vlan ${tci & 0xfff}, p ${tci >>> 13}${tci & 0x1000 ? ', DEI' : ''}`;
}

/**
 * Print the payload of EtherType `type` at `off`; false when vcap has no printer for it
 * (the caller then prints the header and a raw dump, as tcpdump's ethertype_print returning 0).
 */
export function printEtherType(c: PrintContext, type: number, off: number, length: number, caplen: number): boolean {
  switch (type) {
    case 0x0800: printIp(c, off, length); return true;
    case 0x86dd: printIp6(c, off, length); return true;
    case 0x0806: case 0x8035: printArp(c, off, length, caplen); return true;
    case 0x8847: case 0x8848: printMpls(c, off, length); return true;
    default: return false;
  }
}

/**
 * An Ethernet frame at `off`, `length` bytes on the wire and `caplen` captured. Returns the
 * link-header length the -x/-X/-A dumps skip.
 */
export function printEther(c: PrintContext, off: number, length: number, caplen: number): number {
  c.protocol = 'ether';
  if (length < caplen) {
    c.write(`[length ${length} < caplen ${caplen}]`);
    c.invalid();
    return length;
  }
  // Too short for the header: tcpdump marks it and keeps what there is as link header (no dump).
  if (caplen < 14) { c.write(' [|ether]'); return caplen; }
  const origLength = length;
  if (c.o.linkHeader) c.write(`${c.mac(off + 6)} > ${c.mac(off)}, `);
  let p = off + 12;
  let hdrlen = 12;
  length -= 12; caplen -= 12;
  let type = c.u16(p);
  p += 2; length -= 2; caplen -= 2; hdrlen += 2;
  let printedLength = false;
  while (type === 0x8100 || type === 0x9100 || type === 0x9200 || type === 0x88a8) {
    if (caplen < 4 || length < 4) {
      c.write(' [|vlan]');
      return hdrlen + Math.min(caplen, length);
    }
    if (c.o.linkHeader) {
      const tci = c.u16(p);
      c.write(etherTypeText(c, type));
      if (!printedLength) { c.write(`, length ${origLength}: `); printedLength = true; } else c.write(', ');
      c.write(vlanTciText(tci) + ', ');
    }
    type = c.u16(p + 2);
    p += 4; length -= 4; caplen -= 4; hdrlen += 4;
  }
  if (type <= 1500) {
    // 802.3: a length field. Use it when it is not larger than what follows.
    if (type < length) {
      length = type;
      if (caplen > length) caplen = length;
    }
    c.pushEnd(p + length);
    if (c.o.linkHeader) {
      c.write('802.3');
      if (!printedLength) c.write(`, length ${length}: `);
    }
    let llcLen = printLlc(c, p, length, caplen, off + 6, off);
    if (llcLen < 0) {
      defaultPrint(c, p, caplen);
      llcLen = -llcLen;
    }
    hdrlen += llcLen;
    c.popEnd();
    return hdrlen;
  }
  if (type === 0x8870) {
    // Alteon jumbo frames: an LLC header follows the type field.
    let llcLen = printLlc(c, p, length, caplen, off + 6, off);
    if (llcLen < 0) {
      defaultPrint(c, p, caplen);
      llcLen = -llcLen;
    }
    return hdrlen + llcLen;
  }
  if (c.o.linkHeader) {
    c.write(etherTypeText(c, type));
    if (!printedLength) c.write(`, length ${origLength}: `); else c.write(', ');
  }
  if (!printEtherType(c, type, p, length, caplen)) {
    if (!c.o.linkHeader) c.write(`${c.mac(off + 6)} > ${c.mac(off)}, ${etherTypeText(c, type)}, length ${origLength}: `);
    defaultPrint(c, p, caplen);
  }
  return hdrlen;
}
