/** ARP and RARP (tcpdump's print-arp.c). */
import type { PrintContext } from './context.js';
import { etherTypeName } from './names.js';
import { defaultPrint } from './dump.js';
import { ARP_FIXED_LENGTH, ATMARP_FIXED_LENGTH, type Arp } from '../../decoders/arp.js';

const ops: Record<number, string> = {
  1: 'Request', 2: 'Reply', 3: 'Reverse Request', 4: 'Reverse Reply', 8: 'Inverse Request', 9: 'Inverse Reply', 10: 'NACK Reply',
};
const hardware: Record<number, string> = {
  1: 'Ethernet', 6: 'TokenRing', 7: 'ArcNet', 15: 'FrameRelay', 23: 'Strip', 24: 'IEEE 1394', 19: 'ATM (RFC 2225)', 32: 'InfiniBand',
};

/** ARP message `arp`, `length` bytes on the wire. */
export function printArp(c: PrintContext, arp: Arp, length: number): void {
  c.protocol = 'arp';
  arp.need(ARP_FIXED_LENGTH);
  const hrd = arp.hardwareType, pro = arp.protocolType, hln = arp.hardwareSize, pln = arp.protocolSize, op = arp.operation;
  if (hrd === 19) { printAtmArp(c, arp, length); return; }
  arp.need(arp.messageLength);
  if (!c.o.linkHeader) c.write('ARP, ');
  const ipProto = pro === 0x0800 || pro === 0x1000;
  const v = c.o.verbose > 0;
  if (ipProto && pln === 4 && hln === 6 && !v && (op === 1 || op === 2)) { requestOrReply(c, arp, op, length); return; }
  if (!ipProto || pln !== 4 || hln === 0 || v) {
    c.write(`${hardware[hrd] ?? `Unknown Hardware (${hrd})`} (len ${hln}), ` +
      `${etherTypeName(pro) ?? `Unknown Protocol (0x${pro.toString(16).padStart(4, '0')})`} (len ${pln})`);
    if (!v) { c.write(`, length ${length}`); return; }
  }
  const wrong = !ipProto ? '<wrong proto type>' : pln !== 4 ? '<wrong len>' : '';
  const spa = (): string => wrong || arp.senderIpv4, tpa = (): string => wrong || arp.targetIpv4;
  c.write(`${v ? ', ' : ''}${ops[op] ?? `Unknown (${op})`} `);
  switch (op) {
    case 1:
      c.write('who-has ' + tpa());
      if (!arp.targetHardwareZero) c.write(` (${arp.targetHardwareText})`);
      c.write(' tell ' + spa());
      break;
    case 2: c.write(`${spa()} is-at ${arp.senderHardwareText}`); break;
    case 3: case 8: c.write(`who-is ${arp.targetHardwareText} tell ${arp.senderHardwareText}`); break;
    case 4: c.write(`${arp.targetHardwareText} at ${tpa()}`); break;
    case 9: c.write(`${arp.senderHardwareText} at ${spa()}`); break;
    default:
      defaultPrint(c, arp.off, arp.captured, true);
      return;
  }
  c.write(`, length ${length}`);
}

/**
 * Nearly every ARP message: an Ethernet/IPv4 request or reply without -v, its addresses (checked by
 * printArp's need()) written from the packet's bytes. A function of its own so that printArp's
 * strings and closures (the rest: other hardware, -v, other operations) are compiled only where
 * they are used.
 */
function requestOrReply(c: PrintContext, arp: Arp, op: number, length: number): void {
  if (op === 1) {
    c.write('Request who-has ');
    c.ip4At(arp.targetProtocolOffset);
    if (!arp.targetHardwareZero) { c.write(' ('); c.macAt(arp.targetHardwareOffset); c.ch(41); }
    c.write(' tell ');
    c.ip4At(arp.senderProtocolOffset);
  } else {
    c.write('Reply ');
    c.ip4At(arp.senderProtocolOffset);
    c.write(' is-at ');
    c.macAt(arp.senderHardwareOffset);
  }
  c.write(', length ');
  if (length >= 0) c.num(length); else c.write(String(length));
}

/** ATM ARP (RFC 2225): type/length bytes for each address, sub-addresses after ATM numbers (atmarp_print). */
function printAtmArp(c: PrintContext, arp: Arp, length: number): void {
  arp.need(ATMARP_FIXED_LENGTH);
  const hrd = arp.hardwareType, pro = arp.protocolType, op = arp.operation;
  const shl = arp.atmSenderHardwareSize, ssl = arp.atmSenderSubaddressSize, spl = arp.atmSenderProtocolSize;
  const thl = arp.atmTargetHardwareSize, tsl = arp.atmTargetSubaddressSize, tpl = arp.atmTargetProtocolSize;
  arp.need(arp.atmMessageLength);
  if (!c.o.linkHeader) c.write('ARP, ');
  const ipProto = pro === 0x0800 || pro === 0x1000;
  const v = c.o.verbose > 0;
  if (!ipProto || spl !== 4 || tpl !== 4 || v) {
    c.write(`${hardware[hrd] ?? `Unknown Hardware (${hrd})`}, ` +
      `${etherTypeName(pro) ?? `Unknown Protocol (0x${pro.toString(16).padStart(4, '0')})`} (len ${spl}/${tpl})`);
    if (!v) { c.write(`, length ${length}`); return; }
  }
  const sender = (): string => shl === 0 ? '<No address>' : arp.atmSenderHardwareText + (ssl !== 0 ? ',' + arp.atmSenderSubaddressText : '');
  const target = (): string => thl === 0 ? '<No address>' : arp.atmTargetHardwareText + (tsl !== 0 ? ',' + arp.atmTargetSubaddressText : '');
  const sp = (): string => (!ipProto ? '<wrong proto type>' : spl !== 4 ? '<wrong len>' : arp.atmSenderIpv4);
  const tp = (): string => (!ipProto ? '<wrong proto type>' : tpl !== 4 ? '<wrong len>' : arp.atmTargetIpv4);
  c.write(`${v ? ', ' : ''}${ops[op] ?? `Unknown (${op})`} `);
  switch (op) {
    case 1:
      c.write('who-has ' + tp());
      if (thl !== 0) c.write(` (${target()})`);
      c.write(' tell ' + sp());
      break;
    case 2: c.write(`${sp()} is-at ${sender()}`); break;
    case 8: c.write(`who-is ${target()} tell ${sender()}`); break;
    case 9: c.write(`${sender()}at ${sp()}`); break;
    case 10: c.write(`for ${sp()}`); break;
    default: defaultPrint(c, arp.off, arp.captured, true); return;
  }
  c.write(`, length ${length}`);
}
