/** Geneve (RFC 8926, UDP port 6081), the OVN/OVS tunnel, and what it carries (tcpdump's print-geneve.c). */
import type { PrintContext } from './context.js';
import { etherTypeName } from './names.js';
import { printEncapsulated, printEtherTypePayload } from './dispatch.js';
import { innerFirstLayer, tunnelStep } from '../../decoders/registry-tables.js';
import { GENEVE_HEADER_LENGTH, GENEVE_OPTION_HEADER_LENGTH, type Geneve } from '../../decoders/geneve.js';

/** `, Flags [...]` by the O (0x80) and C (0x40) bits, as (flags >>> 6) & 3: every packet's, made once. */
const flagTexts = [', Flags [none]', ', Flags [C]', ', Flags [O]', ', Flags [OC]'];
/** The reserved bits by name, as tcpdump's geneve_flag_values (0x20 R1 … 0x01 R6). */
const reservedNames = ['R6', 'R5', 'R4', 'R3', 'R2', 'R1'];

/** `, Flags [...]` with reserved bits set (tcpdump's bittok2str_nosep). */
function flagsWithReserved(flags: number): string {
  let s = (flags & 0x80 ? 'O' : '') + (flags & 0x40 ? 'C' : '');
  for (let bit = 5; bit >= 0; bit--) if (flags & (1 << bit)) s += reservedNames[bit]!;
  return `, Flags [${s}]`;
}

/** A Geneve packet, `len` bytes of UDP payload. */
export function printGeneve(c: PrintContext, g: Geneve, len: number): void {
  c.protocol = 'geneve';
  c.write('Geneve');
  // The datagram must hold the fixed header, then the options the header counts; what was captured
  // of them is checked after each (cuts there are reported here).
  if (len < GENEVE_HEADER_LENGTH) { c.write(` [length ${len} < ${GENEVE_HEADER_LENGTH}]`); c.invalid(); return; }
  if (!g.has(GENEVE_HEADER_LENGTH)) { c.truncMark(); return; }
  const version = g.version;
  if (version !== 0) { c.write(` ERROR: unknown-version ${version}`); return; }
  const optsLen = g.optionsLength;
  const flags = g.flags, proto = g.protocol, vni = g.vni, reserved = g.reserved;
  // Constant pieces (no string made per packet): every Geneve packet prints these.
  c.write(flags & 0x3f ? flagsWithReserved(flags) : flagTexts[(flags >>> 6) & 3]!);
  c.write(', vni 0x'); c.hexPad(vni, 1);
  if (reserved) c.write(`, rsvd 0x${reserved.toString(16)}`);
  if (c.o.linkHeader) c.write(`, proto ${etherTypeName(proto) ?? 'unknown'} (0x${proto.toString(16).padStart(4, '0')})`);
  if (len - GENEVE_HEADER_LENGTH < optsLen) { c.write(` truncated-geneve - ${optsLen - (len - GENEVE_HEADER_LENGTH)} bytes missing`); return; }
  if (!g.has(GENEVE_HEADER_LENGTH + optsLen)) { c.truncMark(); return; }
  if (optsLen) {
    c.write(', options [');
    if (c.o.verbose) printOptions(c, g, optsLen); else c.write(`${optsLen} bytes`);
    c.write(']');
  }
  const inner = g.off + GENEVE_HEADER_LENGTH + optsLen;
  len -= GENEVE_HEADER_LENGTH + optsLen;
  c.write(c.o.verbose ? '\n\t' : ': ');
  // What the walk goes on into (Packet.inner).
  const first = innerFirstLayer(tunnelStep(proto));
  if (first !== 0) printEncapsulated(c, first, inner, len);
  else if (!printEtherTypePayload(c, proto, inner, len)) c.write(`geneve-proto-0x${proto.toString(16)}`);
}

const classes: Record<number, string> = {
  0x0100: 'Linux', 0x0101: 'Open vSwitch', 0x0102: 'Open Virtual Networking (OVN)', 0x0103: 'In-band Network Telemetry (INT)', 0x0104: 'VMware',
};

/** An option class's name as tcpdump's format_opt_class gives it: the standard range, the experimental one, the named classes. */
function className(cls: number): string {
  if (cls <= 0x00ff) return 'Standard';
  if (cls >= 0xfff0) return 'Experimental';
  return classes[cls] ?? 'Unknown';
}

/** -v: each option's class, type and length; -vv adds its data in hex. */
function printOptions(c: PrintContext, g: Geneve, len: number): void {
  let sep = '';
  for (const opt = g.firstOption(); len > 0; opt.next()) {
    const cls = opt.optionClass, type = opt.type, olen = opt.length;
    c.write(`${sep}class ${className(cls)} (0x${cls.toString(16)}) type 0x${type.toString(16)}${type & 0x80 ? '(C)' : ''} len ${olen}`);
    sep = ', ';
    if (olen > len) { c.write(' [bad length]'); return; }
    if (c.o.verbose > 1 && olen > GENEVE_OPTION_HEADER_LENGTH) {
      c.write(' data');
      for (let i = GENEVE_OPTION_HEADER_LENGTH; i < olen; i += 4) c.write(` ${opt.word(i).toString(16).padStart(8, '0')}`);
    }
    len -= olen;
  }
}
