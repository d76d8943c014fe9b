/** Linux cooked capture v1 and v2 headers (tcpdump's print-sll.c). */
import { readdirSync, readFileSync } from 'node:fs';
import type { PrintContext } from './context.js';
import { etherTypeName } from './names.js';
import { printEtherType, vlanTciText } from './ether.js';
import { printLlc } from './llc.js';
import { defaultPrint } from './dump.js';

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
function sllHeader(c: PrintContext, off: number, len: number): void {
  c.write(`${(packetTypes[c.u16(off)] ?? '?').padStart(3)} `);
  if (c.u16(off + 4) === 6) c.write(`${c.mac(off + 6)} `);
  if (!c.o.quiet) c.write(`${protocolText(c, c.u16(off + 14))}, length ${len}: `);
}

/** The -e header of v2 (`ifindex 2 02:00:… ethertype IPv4 (0x0800), length 98: `). */
function sll2Header(c: PrintContext, off: number, len: number): void {
  c.write(`ifindex ${c.u32(off + 4)} `);
  if (c.u8(off + 11) === 6) c.write(`${c.mac(off + 12)} `);
  if (!c.o.quiet) c.write(`${protocolText(c, c.u16(off))}, length ${len}: `);
}

/**
 * What follows the cooked header, shared by v1 and v2 (protocol, then the payload). `v2` and
 * `off`/`wireLen` let an unknown protocol print the header it skipped without -e.
 */
function printCookedPayload(c: PrintContext, type: number, p: number, length: number, caplen: number, hdrlen: number,
  v2: boolean, off: number, wireLen: number): number {
  for (;;) {
    if (type <= 1500) {
      if (type === 4) {
        const n = printLlc(c, p, length, caplen, -1, -1);
        // An unknown LLC payload leaves the LLC header in the -x dump, as tcpdump counts it.
        if (n < 0) { defaultPrint(c, p, caplen); return hdrlen; }
        return hdrlen + n;
      }
      if (type === 1) { c.write(`IPX ${length}`); return hdrlen; }
      defaultPrint(c, p, caplen);
      return hdrlen;
    }
    if (type === 0x8100) {
      if (caplen < 4) { c.write(' [|vlan]'); return hdrlen + caplen; }
      if (c.o.linkHeader) c.write(vlanTciText(c.u16(p)) + ', ');
      type = c.u16(p + 2);
      if (type <= 1500) type = 4;
      if (!c.o.quiet) c.write(`ethertype ${etherTypeName(type) ?? 'Unknown'}, `);
      p += 4; length -= 4; caplen -= 4; hdrlen += 4;
      continue;
    }
    if (!printEtherType(c, type, p, length, caplen)) {
      if (!c.o.linkHeader) { if (v2) sll2Header(c, off, wireLen); else sllHeader(c, off, wireLen); }
      defaultPrint(c, p, caplen);
    }
    return hdrlen;
  }
}

/** LINKTYPE_LINUX_SLL (113): 16-byte header. Returns the link-header length. */
export function printSll(c: PrintContext, off: number, length: number, caplen: number): number {
  c.protocol = 'sll';
  c.need(off, 16);
  if (c.o.linkHeader) sllHeader(c, off, length);
  return printCookedPayload(c, c.u16(off + 14), off + 16, length - 16, caplen - 16, 16, false, off, length);
}

/** LINKTYPE_LINUX_SLL2 (276): 20-byte header with the interface index. */
export function printSll2(c: PrintContext, off: number, length: number, caplen: number): number {
  c.protocol = 'sll2';
  c.need(off, 20);
  c.write(`${(c.o.interfaceName?.(c.u32(off + 4)) ?? ifName(c.u32(off + 4))).padEnd(5)} ${(packetTypes[c.u8(off + 10)] ?? '?').padEnd(3)} `);
  if (c.o.linkHeader) sll2Header(c, off, length);
  return printCookedPayload(c, c.u16(off), off + 20, length - 20, caplen - 20, 20, true, off, length);
}
