/** Linux cooked capture v1 and v2 headers (tcpdump's print-sll.c). */
import { readdirSync, readFileSync } from 'node:fs';
import type { PrintContext } from './context.js';
import { etherTypeName } from './names.js';
import { vlanTciText } from './ether.js';
import { printLlc } from './llc.js';
import { printEtherTypePayload, viewCall } from './dispatch.js';
import { defaultPrint } from './dump.js';
import { Layer } from '../../decoders/layer.js';
import { SLL_HEADER_LENGTH, type Sll } from '../../decoders/sll.js';
import { SLL2_HEADER_LENGTH, type Sll2 } from '../../decoders/sll2.js';
import { VLAN_TAG_LENGTH } from '../../decoders/vlan.js';

const packetTypes = ['In', 'B', 'M', 'P', 'Out'];

function protocolText(c: PrintContext, t: number): string {
  if (t <= 1500) return t === 1 ? '802.3' : t === 4 ? '802.2' : `ethertype Unknown (0x${t.toString(16).padStart(4, '0')})`;
  return `ethertype ${etherTypeName(t) ?? 'Unknown'} (0x${t.toString(16).padStart(4, '0')})`;
}

let ifNames: Map<number, string> | undefined;
/** if_indextoname() on this host, as tcpdump prints it for SLL2; read once from /sys. */
function ifName(index: number): string {
  if (!ifNames) {
    ifNames = new Map();
    try {
      for (const name of readdirSync('/sys/class/net')) {
        try { ifNames.set(Number(readFileSync(`/sys/class/net/${name}/ifindex`, 'latin1').trim()), name); } catch { /* raced with removal */ }
      }
    } catch { /* no sysfs: every index prints as '?' */ }
  }
  return ifNames.get(index) ?? '?';
}

/** The -e header of v1 (`In 02:00:… ethertype IPv4 (0x0800), length 98: `). */
function sllHeader(c: PrintContext, sll: Sll, len: number): void {
  c.write(`${(packetTypes[sll.packetType] ?? '?').padStart(3)} `);
  if (sll.addressLength === 6) c.write(`${sll.address} `);
  if (!c.o.quiet) c.write(`${protocolText(c, sll.protocol)}, length ${len}: `);
}

/** The -e header of v2 (`ifindex 2 02:00:… ethertype IPv4 (0x0800), length 98: `). */
function sll2Header(c: PrintContext, sll: Sll2, len: number): void {
  c.write(`ifindex ${sll.interfaceIndex} `);
  if (sll.addressLength === 6) c.write(`${sll.address} `);
  if (!c.o.quiet) c.write(`${protocolText(c, sll.protocol)}, length ${len}: `);
}

/**
 * What follows the cooked header, shared by v1 and v2 (protocol, then the payload). `sll` and
 * `wireLen` let an unknown protocol print the header it skipped without -e.
 */
function printCookedPayload(c: PrintContext, type: number, p: number, length: number, caplen: number, hdrlen: number,
  sll: Sll | Sll2, wireLen: number): number {
  for (;;) {
    if (type <= 1500) {
      if (type === 4) {
        const n = viewCall(c, Layer.Llc, p, length, undefined, printLlc);
        // An unknown LLC payload leaves the LLC header in the -x dump, as tcpdump counts it.
        if (n < 0) { defaultPrint(c, p, caplen); return hdrlen; }
        return hdrlen + n;
      }
      if (type === 1) { c.write(`IPX ${length}`); return hdrlen; }
      defaultPrint(c, p, caplen);
      return hdrlen;
    }
    if (type === 0x8100) {
      if (caplen < VLAN_TAG_LENGTH) { c.write(' [|vlan]'); return hdrlen + caplen; }
      const tag = c.pkt.views.vlan.spare.point(p, c.end);
      if (c.o.linkHeader) c.write(vlanTciText(tag.tci) + ', ');
      type = tag.etherType;
      if (type <= 1500) type = 4;
      if (!c.o.quiet) c.write(`ethertype ${etherTypeName(type) ?? 'Unknown'}, `);
      p += VLAN_TAG_LENGTH; length -= VLAN_TAG_LENGTH; caplen -= VLAN_TAG_LENGTH; hdrlen += VLAN_TAG_LENGTH;
      continue;
    }
    if (!printEtherTypePayload(c, type, p, length)) {
      if (!c.o.linkHeader) { if (sll.layer === Layer.Sll2) sll2Header(c, sll, wireLen); else sllHeader(c, sll, wireLen); }
      defaultPrint(c, p, caplen);
    }
    return hdrlen;
  }
}

/** LINKTYPE_LINUX_SLL (113): 16-byte header. Returns the link-header length. */
export function printSll(c: PrintContext, length: number): number {
  c.protocol = 'sll';
  const sll = c.pkt.views.sll;
  sll.need(SLL_HEADER_LENGTH);
  if (c.o.linkHeader) sllHeader(c, sll, length);
  return printCookedPayload(c, sll.protocol, sll.off + SLL_HEADER_LENGTH, length - SLL_HEADER_LENGTH, sll.captured - SLL_HEADER_LENGTH,
    SLL_HEADER_LENGTH, sll, length);
}

/** LINKTYPE_LINUX_SLL2 (276): 20-byte header with the interface index. */
export function printSll2(c: PrintContext, length: number): number {
  c.protocol = 'sll2';
  const sll = c.pkt.views.sll2;
  sll.need(SLL2_HEADER_LENGTH);
  c.write(`${(c.o.interfaceName?.(sll.interfaceIndex) ?? ifName(sll.interfaceIndex)).padEnd(5)} ${(packetTypes[sll.packetType] ?? '?').padEnd(3)} `);
  if (c.o.linkHeader) sll2Header(c, sll, length);
  return printCookedPayload(c, sll.protocol, sll.off + SLL2_HEADER_LENGTH, length - SLL2_HEADER_LENGTH, sll.captured - SLL2_HEADER_LENGTH,
    SLL2_HEADER_LENGTH, sll, length);
}
