/** GRE (RFC 2784/2890) and the enhanced GRE of PPTP (RFC 2637) (tcpdump's print-gre.c). */
import type { PrintContext } from './context.js';
import { TRUNCATED } from './context.js';
import { atalkPrinters, printEncapsulated, viewCall } from './dispatch.js';
import { Layer } from '../../decoders/layer.js';
import { GRE_FLAGS_LENGTH, GreFlag, type Gre, type GreSre } from '../../decoders/gre.js';
import { etherTypeName } from './names.js';
import { innerFirstLayer, tunnelStep } from '../../decoders/registry-tables.js';

const CP = GreFlag.Checksum, RP = GreFlag.Routing, KP = GreFlag.Key, SP = GreFlag.Sequence, AP = GreFlag.Ack;
const flagNames: Array<[number, string]> = [
  [CP, 'checksum present'], [RP, 'routing present'], [KP, 'key present'], [SP, 'sequence# present'],
  [GreFlag.StrictRoute, 'source routing present'], [AP, 'ack present'],
];

function flagsText(flags: number): string {
  let s = '';
  for (const [bit, name] of flagNames) if (flags & bit) s += (s ? ', ' : '') + name;
  return s || 'none';
}

/** The encapsulated packet, by protocol type; unknown types print as tcpdump does. */
function payload(c: PrintContext, proto: number, off: number, len: number): void {
  // What the walk goes on into (Packet.inner).
  const inner = innerFirstLayer(tunnelStep(proto));
  if (inner !== 0) { printEncapsulated(c, inner, off, len); return; }
  if (proto === 0x809b) viewCall(c, Layer.Ddp, off, len, undefined, atalkPrinters.ddp!);
  else c.write(`gre-proto-0x${proto.toString(16)}`);
}

/**
 * tcpdump checks each GRE field before reading it and reports a cut there itself (then the -x dump
 * still skips the link header); cuts inside the payload unwind as usual.
 */
function soft(e: unknown, c: PrintContext): void {
  if (e !== TRUNCATED) throw e;
  c.truncMark();
}

/** `, length N` (a number written into the line: every GRE packet prints it). */
function writeLength(c: PrintContext, length: number): void {
  if (length >= 0) { c.write(', length '); c.num(length); } else c.write(`, length ${length}`);
}

function gre0(c: PrintContext, g: Gre, length: number): void {
  let proto: number;
  try {
    const flags = g.flags;
    if (c.o.verbose) c.write(`, Flags [${flagsText(flags)}]`);
    proto = g.protocol;
    if (flags & (CP | RP)) {
      if (c.o.verbose) c.write(`, sum 0x${g.checksum.toString(16)}`);
      c.write(`, off 0x${g.routingOffset.toString(16)}`);
    }
    if (flags & KP) { const key = g.key; c.write(', key=0x'); c.hexPad(key, 1); }
    if (flags & SP) { const seq = g.sequence; c.write(', seq '); c.num(seq); }
    if (flags & RP) {
      // Source route entries until the null one (RFC 1701): IPv4 hops or AS numbers, `*` at the next hop.
      for (const sre = g.firstSre(); ; sre.next()) {
        const af = sre.addressFamily, sreoff = sre.sreOffset, srelen = sre.sreLength;
        if (af === 0 && srelen === 0) break;
        printSre(c, sre, af, sreoff, srelen);
      }
    }
    if (c.o.linkHeader) c.write(`, proto ${etherTypeName(proto) ?? 'unknown'} (0x${proto.toString(16).padStart(4, '0')})`);
    writeLength(c, length);
    c.write(c.o.verbose ? '\n\t' : ': ');
  } catch (e) { soft(e, c); return; }
  payload(c, proto, g.off + g.headerLength, length - g.headerLength);
}

/**
 * An SRE's offset and length must be whole hops (`size` bytes) and the offset inside the list:
 * otherwise tcpdump says which is wrong and prints no hops (the walk goes on to the next SRE).
 */
function sreListValid(c: PrintContext, sreoff: number, srelen: number, size: number): boolean {
  if (sreoff % size !== 0) { c.write(`, badoffset=${sreoff}`); return false; }
  if (srelen % size !== 0) { c.write(`, badlength=${srelen}`); return false; }
  if (sreoff >= srelen) { c.write(`, badoff/len=${sreoff}/${srelen}`); return false; }
  return true;
}

function printSre(c: PrintContext, sre: GreSre, af: number, sreoff: number, srelen: number): void {
  // Written hop by hop; the list closes at the cut, and the next read reports it.
  if (af === 0x0800) {
    c.write(', (rtaf=ip');
    if (sreListValid(c, sreoff, srelen, 4)) {
      for (let o = 0; o + 4 <= srelen && sre.listHas(o, 4); o += 4) c.write(` ${o === sreoff ? '*' : ''}${sre.ipv4Hop(o)}`);
    }
    c.write(')');
  } else if (af === 0xfffe) {
    c.write(', (rtaf=asn');
    if (sreListValid(c, sreoff, srelen, 2)) {
      for (let o = 0; o + 2 <= srelen && sre.listHas(o, 2); o += 2) c.write(` ${o === sreoff ? '*' : ''}${sre.asHop(o).toString(16)}`);
    }
    c.write(')');
  } else {
    c.write(`, (rtaf=0x${af.toString(16)})`);
  }
}

function gre1(c: PrintContext, g: Gre, length: number): void {
  try { gre1Header(c, g, length); } catch (e) { soft(e, c); }
}

function gre1Header(c: PrintContext, g: Gre, length: number): void {
  const flags = g.flags;
  if (c.o.verbose) c.write(`, Flags [${flagsText(flags)}]`);
  const proto = g.protocol;
  if (flags & KP) c.write(`, call ${g.callId}`);
  if (flags & SP) c.write(`, seq ${g.sequence}`);
  if (flags & AP) c.write(`, ack ${g.ack}`);
  if ((flags & SP) === 0) c.write(', no-payload');
  if (c.o.linkHeader) c.write(`, proto ${etherTypeName(proto) ?? 'unknown'} (0x${proto.toString(16).padStart(4, '0')})`);
  c.write(`, length ${length}`);
  if ((flags & SP) === 0) return;
  c.write(c.o.verbose ? '\n\t' : ': ');
  // PPP, the payload of PPTP, is not decoded by vcap: every type prints as tcpdump prints unknown ones.
  c.write(`gre-proto-0x${proto.toString(16)}`);
}

/** A GRE packet, `length` bytes on the wire. */
export function printGre(c: PrintContext, g: Gre, length: number): void {
  c.protocol = 'gre';
  if (!g.has(GRE_FLAGS_LENGTH)) { c.truncMark(); return; }
  const version = g.version;
  c.write('GREv'); c.num(version);
  switch (version) {
    case 0: gre0(c, g, length); break;
    case 1: gre1(c, g, length); break;
    default: c.write(' ERROR: unknown-version');
  }
}
