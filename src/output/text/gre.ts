/** GRE (RFC 2784/2890) and the enhanced GRE of PPTP (RFC 2637) (tcpdump's print-gre.c). */
import type { PrintContext } from './context.js';
import { TRUNCATED } from './context.js';
import { printEtherTypePayload, printLayer } from './dispatch.js';
import { Layer } from '../../decoders/layer.js';
import { etherTypeName } from './names.js';

const CP = 0x8000, RP = 0x4000, KP = 0x2000, SP = 0x1000, sP = 0x0800, AP = 0x0080;
const flagNames: Array<[number, string]> = [
  [CP, 'checksum present'], [RP, 'routing present'], [KP, 'key present'], [SP, 'sequence# present'],
  [sP, 'source routing present'], [AP, 'ack present'],
];

function flagsText(flags: number): string {
  let s = '';
  for (const [bit, name] of flagNames) if (flags & bit) s += (s ? ', ' : '') + name;
  return s || 'none';
}

/** The encapsulated packet, by protocol type; unknown types print as tcpdump does. */
function payload(c: PrintContext, proto: number, p: number, len: number): void {
  switch (proto) {
    case 0x0800: case 0x86dd: case 0x8847: case 0x8848: printEtherTypePayload(c, proto, p, len); break;
    case 0x6558: printLayer(c, Layer.Ethernet, p, len); break;
    default: c.write(`gre-proto-0x${proto.toString(16)}`);
  }
}

/**
 * tcpdump checks each GRE field before reading it and reports a cut there itself (then the -x dump
 * still skips the link header); cuts inside the payload unwind as usual.
 */
function soft(e: unknown, c: PrintContext): void {
  if (e !== TRUNCATED) throw e;
  c.truncMark();
}

function gre0(c: PrintContext, p: number, length: number): void {
  let len = length, proto: number;
  try {
  const flags = c.u16(p);
  if (c.o.verbose) c.write(`, Flags [${flagsText(flags)}]`);
  len -= 2; p += 2;
  proto = c.u16(p);
  len -= 2; p += 2;
  if (flags & (CP | RP)) {
    if (c.o.verbose) c.write(`, sum 0x${c.u16(p).toString(16)}`);
    len -= 2; p += 2;
    c.write(`, off 0x${c.u16(p).toString(16)}`);
    len -= 2; p += 2;
  }
  if (flags & KP) { c.write(`, key=0x${c.u32(p).toString(16)}`); len -= 4; p += 4; }
  if (flags & SP) { c.write(`, seq ${c.u32(p)}`); len -= 4; p += 4; }
  if (flags & RP) {
    // Source route entries until the null one (RFC 1701): IPv4 hops or AS numbers, `*` at the next hop.
    for (;;) {
      const af = c.u16(p), sreoff = c.u8(p + 2), srelen = c.u8(p + 3);
      p += 4; len -= 4;
      if (af === 0 && srelen === 0) break;
      printSre(c, af, sreoff, p, srelen);
      p += srelen; len -= srelen;
    }
  }
  if (c.o.linkHeader) c.write(`, proto ${etherTypeName(proto) ?? 'unknown'} (0x${proto.toString(16).padStart(4, '0')})`);
  c.write(`, length ${length}`);
  c.write(c.o.verbose ? '\n\t' : ': ');
  } catch (e) { soft(e, c); return; }
  payload(c, proto, p, len);
}

function printSre(c: PrintContext, af: number, sreoff: number, p: number, srelen: number): void {
  // Written hop by hop; the list closes at the cut, and the next read reports it.
  if (af === 0x0800) {
    c.write(', (rtaf=ip');
    for (let o = 0; o + 4 <= srelen && c.has(p + o, 4); o += 4) c.write(` ${o === sreoff ? '*' : ''}${c.ip4(p + o)}`);
    c.write(')');
  } else if (af === 0xfffe) {
    c.write(', (rtaf=asn');
    for (let o = 0; o + 2 <= srelen && c.has(p + o, 2); o += 2) c.write(` ${o === sreoff ? '*' : ''}${c.u16(p + o).toString(16)}`);
    c.write(')');
  } else {
    c.write(`, (rtaf=0x${af.toString(16)})`);
  }
}

function gre1(c: PrintContext, p: number, length: number): void {
  try { gre1Header(c, p, length); } catch (e) { soft(e, c); }
}

function gre1Header(c: PrintContext, p: number, length: number): void {
  let len = length;
  const flags = c.u16(p);
  len -= 2; p += 2;
  if (c.o.verbose) c.write(`, Flags [${flagsText(flags)}]`);
  const proto = c.u16(p);
  len -= 2; p += 2;
  if (flags & KP) { c.write(`, call ${c.u32(p) & 0xffff}`); len -= 4; p += 4; }
  if (flags & SP) { c.write(`, seq ${c.u32(p)}`); len -= 4; p += 4; }
  if (flags & AP) { c.write(`, ack ${c.u32(p)}`); len -= 4; p += 4; }
  if ((flags & SP) === 0) c.write(', no-payload');
  if (c.o.linkHeader) c.write(`, proto ${etherTypeName(proto) ?? 'unknown'} (0x${proto.toString(16).padStart(4, '0')})`);
  c.write(`, length ${length}`);
  if ((flags & SP) === 0) return;
  c.write(c.o.verbose ? '\n\t' : ': ');
  // PPP, the payload of PPTP, is not decoded by vcap: every type prints as tcpdump prints unknown ones.
  c.write(`gre-proto-0x${proto.toString(16)}`);
  void len;
}

/** GRE packet at `p`, `length` bytes on the wire. */
export function printGre(c: PrintContext, p: number, length: number): void {
  c.protocol = 'gre';
  if (!c.has(p, 2)) { c.truncMark(); return; }
  const version = c.u16(p) & 7;
  c.write(`GREv${version}`);
  switch (version) {
    case 0: gre0(c, p, length); break;
    case 1: gre1(c, p, length); break;
    default: c.write(' ERROR: unknown-version');
  }
}
