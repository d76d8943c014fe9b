/** Geneve (RFC 8926, UDP port 6081), the OVN/OVS tunnel, and what it carries (tcpdump's print-geneve.c). */
import type { PrintContext } from './context.js';
import { etherTypeName } from './names.js';
import { printEtherTypePayload, printLayer } from './dispatch.js';
import { Layer } from '../../decoders/layer.js';

/** Geneve header at `p`, `len` bytes of UDP payload. */
export function printGeneve(c: PrintContext, p: number, len: number): void {
  c.protocol = 'geneve';
  c.write('Geneve');
  // The fixed header, then header plus options, are checked before use: cuts there are reported here.
  if (!c.has(p, 8)) { c.truncMark(); return; }
  const verOpt = c.u8(p);
  const version = verOpt >> 6;
  if (version !== 0) { c.write(` ERROR: unknown-version ${version}`); return; }
  const optsLen = (verOpt & 0x3f) * 4;
  const flags = c.u8(p + 1), proto = c.u16(p + 2), vni = c.u24(p + 4), reserved = c.u8(p + 7);
  c.write(`, Flags [${(flags & 0x80 ? 'O' : '') + (flags & 0x40 ? 'C' : '') || 'none'}]`);
  c.write(`, vni 0x${vni.toString(16)}`);
  if (reserved) c.write(`, rsvd 0x${reserved.toString(16)}`);
  if (c.o.linkHeader) c.write(`, proto ${etherTypeName(proto) ?? 'unknown'} (0x${proto.toString(16).padStart(4, '0')})`);
  if (!c.has(p, 8 + optsLen)) { c.truncMark(); return; }
  if (optsLen) {
    c.write(', options [');
    if (c.o.verbose) printOptions(c, p + 8, optsLen); else c.write(`${optsLen} bytes`);
    c.write(']');
  }
  p += 8 + optsLen; len -= 8 + optsLen;
  c.write(c.o.verbose ? '\n\t' : ': ');
  if (!printEtherTypePayload(c, proto, p, len)) {
    if (proto === 0x6558) printLayer(c, Layer.Ethernet, p, len);
    else c.write(`geneve-proto-0x${proto.toString(16)}`);
  }
}

const classes: Record<number, string> = {
  0x0000: 'Standard', 0x0001: 'Reserved', 0x0002: 'Reserved', 0x0003: 'Reserved', 0x0100: 'Linux', 0x0101: 'Open vSwitch',
  0x0102: 'Open Virtual Networking (OVN)', 0x0103: 'In-band Network Telemetry (INT)', 0x0104: 'VMware', 0xffff: 'Experimental',
};

/** -v: each option's class, type and length; -vv adds its data in hex. */
function printOptions(c: PrintContext, p: number, len: number): void {
  let sep = '';
  while (len > 0) {
    const cls = c.u16(p), type = c.u8(p + 2), olen = (c.u8(p + 3) & 0x1f) * 4 + 4;
    c.write(`${sep}class ${classes[cls] ?? 'Unknown'} (0x${cls.toString(16)}) type 0x${type.toString(16)}${type & 0x80 ? '(C)' : ''} len ${olen}`);
    sep = ', ';
    if (olen > len) { c.write(' [bad length]'); return; }
    if (c.o.verbose > 1 && olen > 4) {
      c.write(' data');
      for (let i = 4; i < olen; i += 4) c.write(` ${c.u32(p + i).toString(16).padStart(8, '0')}`);
    }
    p += olen; len -= olen;
  }
}
