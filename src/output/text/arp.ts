/** ARP and RARP (tcpdump's print-arp.c). */
import type { PrintContext } from './context.js';
import { etherTypeName, hex8 } from './names.js';
import { defaultPrint } from './dump.js';

const ops: Record<number, string> = {
  1: 'Request', 2: 'Reply', 3: 'Reverse Request', 4: 'Reverse Reply', 8: 'Inverse Request', 9: 'Inverse Reply', 10: 'NACK Reply',
};
const hardware: Record<number, string> = {
  1: 'Ethernet', 6: 'TokenRing', 7: 'ArcNet', 15: 'FrameRelay', 23: 'Strip', 24: 'IEEE 1394', 19: 'ATM (RFC 2225)', 32: 'InfiniBand',
};

/** A link-layer address of `len` bytes as tcpdump's linkaddr_string prints it. */
function linkAddr(c: PrintContext, at: number, len: number): string {
  c.need(at, len);
  if (len === 0) return '<empty>';
  if (len === 6) return c.mac(at);
  let s = hex8(c.buf[at]!);
  for (let i = 1; i < len; i++) s += ':' + hex8(c.buf[at + i]!);
  return s;
}

/** ARP packet at `off`: `length` on the wire, `caplen` captured. */
export function printArp(c: PrintContext, off: number, length: number, caplen: number): void {
  c.protocol = 'arp';
  c.need(off, 8);
  const hrd = c.u16(off), pro = c.u16(off + 2), hln = c.u8(off + 4), pln = c.u8(off + 5), op = c.u16(off + 6);
  const sha = off + 8, spa = sha + hln, tha = spa + pln, tpa = tha + hln;
  if (hrd === 19) { printAtmArp(c, off, length, caplen); return; }
  c.need(tpa, pln);
  if (!c.o.linkHeader) c.write('ARP, ');
  const ipProto = pro === 0x0800 || pro === 0x1000;
  const v = c.o.verbose > 0;
  if (!ipProto || pln !== 4 || hln === 0 || v) {
    c.write(`${hardware[hrd] ?? `Unknown Hardware (${hrd})`} (len ${hln}), ` +
      `${etherTypeName(pro) ?? `Unknown Protocol (0x${pro.toString(16).padStart(4, '0')})`} (len ${pln})`);
    if (!v) { c.write(`, length ${length}`); return; }
  }
  const protoAddr = (at: number): string => (!ipProto ? '<wrong proto type>' : pln !== 4 ? '<wrong len>' : c.ip4(at));
  c.write(`${v ? ', ' : ''}${ops[op] ?? `Unknown (${op})`} `);
  switch (op) {
    case 1: {
      c.write('who-has ' + protoAddr(tpa));
      c.need(tha, hln);
      let nonzero = false;
      for (let i = 0; i < hln; i++) if (c.buf[tha + i] !== 0) { nonzero = true; break; }
      if (nonzero) c.write(` (${linkAddr(c, tha, hln)})`);
      c.write(' tell ' + protoAddr(spa));
      break;
    }
    case 2: c.write(`${protoAddr(spa)} is-at ${linkAddr(c, sha, hln)}`); break;
    case 3: case 8: c.write(`who-is ${linkAddr(c, tha, hln)} tell ${linkAddr(c, sha, hln)}`); break;
    case 4: c.write(`${linkAddr(c, tha, hln)} at ${protoAddr(tpa)}`); break;
    case 9: c.write(`${linkAddr(c, sha, hln)} at ${protoAddr(spa)}`); break;
    default:
      defaultPrint(c, off, caplen, true);
      return;
  }
  c.write(`, length ${length}`);
}

/** ATM ARP (RFC 2225): type/length bytes for each address, sub-addresses after ATM numbers (atmarp_print). */
function printAtmArp(c: PrintContext, off: number, length: number, caplen: number): void {
  c.need(off, 12);
  const hrd = c.u16(off), pro = c.u16(off + 2), op = c.u16(off + 6);
  const shl = c.u8(off + 4) & 0x3f, ssl = c.u8(off + 5) & 0x3f, spl = c.u8(off + 8);
  const thl = c.u8(off + 9) & 0x3f, tsl = c.u8(off + 10) & 0x3f, tpl = c.u8(off + 11);
  const sha = off + 12, ssa = sha + shl, spa = ssa + ssl, tha = spa + spl, tsa = tha + thl, tpa = tsa + tsl;
  c.need(tpa, tpl);
  if (!c.o.linkHeader) c.write('ARP, ');
  const ipProto = pro === 0x0800 || pro === 0x1000;
  const v = c.o.verbose > 0;
  if (!ipProto || spl !== 4 || tpl !== 4 || v) {
    c.write(`${hardware[hrd] ?? `Unknown Hardware (${hrd})`}, ` +
      `${etherTypeName(pro) ?? `Unknown Protocol (0x${pro.toString(16).padStart(4, '0')})`} (len ${spl}/${tpl})`);
    if (!v) { c.write(`, length ${length}`); return; }
  }
  const addr = (ha: number, hl: number, sa: number, sl: number): string =>
    hl === 0 ? '<No address>' : linkAddr(c, ha, hl) + (sl !== 0 ? ',' + linkAddr(c, sa, sl) : '');
  const sp = (): string => (!ipProto ? '<wrong proto type>' : spl !== 4 ? '<wrong len>' : c.ip4(spa));
  const tp = (): string => (!ipProto ? '<wrong proto type>' : tpl !== 4 ? '<wrong len>' : c.ip4(tpa));
  c.write(`${v ? ', ' : ''}${ops[op] ?? `Unknown (${op})`} `);
  switch (op) {
    case 1:
      c.write('who-has ' + tp());
      if (thl !== 0) c.write(` (${addr(tha, thl, tsa, tsl)})`);
      c.write(' tell ' + sp());
      break;
    case 2: c.write(`${sp()} is-at ${addr(sha, shl, ssa, ssl)}`); break;
    case 8: c.write(`who-is ${addr(tha, thl, tsa, tsl)} tell ${addr(sha, shl, ssa, ssl)}`); break;
    case 9: c.write(`${addr(sha, shl, ssa, ssl)}at ${sp()}`); break;
    case 10: c.write(`for ${sp()}`); break;
    default: defaultPrint(c, off, caplen, true); return;
  }
  c.write(`, length ${length}`);
}
