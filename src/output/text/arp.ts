/** ARP and RARP (tcpdump's print-arp.c). */
import type { PrintContext } from './context.js';
import { etherTypeName } from './names.js';
import { defaultPrint } from './dump.js';
import { ARP_FIXED_LENGTH, ATMARP_FIXED_LENGTH, type Arp } from '../../decoders/arp.js';

const ops: Record<number, string> = {
  1: 'Request', 2: 'Reply', 3: 'Reverse Request', 4: 'Reverse Reply', 8: 'Inverse Request', 9: 'Inverse Reply', 10: 'NACK Reply',
};
const hardware: Record<number, string> = {
  1: 'Ethernet', 6: 'TokenRing', 7: 'ArcNet', 15: 'FrameRelay', 23: 'Strip', 24: 'IEEE 1394', 19: 'ATM', 32: 'InfiniBand',
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
  if (!ipProto || pln !== 4 || hln === 0 || v) {
    c.write(`${hardware[hrd] ?? `Unknown Hardware (${hrd})`} (len ${hln}), ` +
      `${etherTypeName(pro) ?? `Unknown Protocol (0x${pro.toString(16).padStart(4, '0')})`} (len ${pln})`);
    if (!v) { c.write(`, length ${length}`); return; }
  }
  const wrong = !ipProto ? '<wrong proto type>' : pln !== 4 ? '<wrong len>' : '';
  const spa = (): string => wrong || arp.senderIpv4, tpa = (): string => wrong || arp.targetIpv4;
  if (v) c.write(', ');
  c.write(ops[op] ?? `Unknown (${op})`);
  c.ch(32);
  switch (op) {
    case 1:
      c.write('who-has ');
      protocolAddress(c, wrong, arp.targetProtocolOffset);
      if (!arp.targetHardwareZero) { c.write(' ('); hardwareAddress(c, arp, arp.targetHardwareOffset); c.ch(41); }
      c.write(' tell ');
      protocolAddress(c, wrong, arp.senderProtocolOffset);
      break;
    case 2:
      protocolAddress(c, wrong, arp.senderProtocolOffset);
      c.write(' is-at ');
      hardwareAddress(c, arp, arp.senderHardwareOffset);
      break;
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
 * A request's or reply's protocol address (nearly every ARP message is one), written from the packet's
 * bytes when it is IPv4 (`wrong` empty), else what tcpdump prints for a wrong type or length.
 */
function protocolAddress(c: PrintContext, wrong: string, at: number): void {
  if (wrong === '') c.ip4At(at);
  else c.write(wrong);
}

/** A hardware address: a MAC written from the packet's bytes, any other length as tcpdump writes it. */
function hardwareAddress(c: PrintContext, arp: Arp, at: number): void {
  if (arp.hardwareSize === 6) c.macAt(at);
  else c.write(at === arp.senderHardwareOffset ? arp.senderHardwareText : arp.targetHardwareText);
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
  // atmarp_print names which of the two lengths is wrong (arp_print's '<wrong len>' does not).
  const sp = (): string => (!ipProto ? '<wrong proto type>' : spl !== 4 ? '<wrong splen>' : arp.atmSenderIpv4);
  const tp = (): string => (!ipProto ? '<wrong proto type>' : tpl !== 4 ? '<wrong tplen>' : arp.atmTargetIpv4);
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
