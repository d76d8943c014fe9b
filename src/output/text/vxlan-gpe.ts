/** VXLAN-GPE (tcpdump's print-vxlan-gpe.c): the header, then the IPv4, IPv6, Ethernet or NSH packet it carries. */
import type { PrintContext } from './context.js';
import { Layer } from '../../decoders/layer.js';
import { VXLAN_GPE_HEADER_LENGTH, type VxlanGpe } from '../../decoders/vxlan-gpe.js';
import { printLayer } from './dispatch.js';

/** bittok2str_nosep of the I, P, B, O flags. */
function flagLetters(f: number): string {
  const s = (f & 0x08 ? 'I' : '') + (f & 0x04 ? 'P' : '') + (f & 0x02 ? 'B' : '') + (f & 0x01 ? 'O' : '');
  return s || 'none';
}

/** Next protocol → the layer tcpdump prints it as. */
const NEXT: Record<number, number> = { 1: Layer.Ipv4, 2: Layer.Ipv6, 3: Layer.Ethernet, 4: Layer.Nsh };

/** A VXLAN-GPE packet of `len` bytes. */
export function printVxlanGpe(c: PrintContext, v: VxlanGpe, len: number): void {
  c.protocol = 'vxlan_gpe';
  c.write('VXLAN-GPE, ');
  if (len < VXLAN_GPE_HEADER_LENGTH) { c.write(` (len ${len} < ${VXLAN_GPE_HEADER_LENGTH})`); c.invalid(); return; }
  c.write(`flags [${flagLetters(v.flags)}], `);
  const next = v.nextProtocol;
  const vni = v.vni;
  void v.reserved;
  c.write(`vni ${vni}`);
  c.write(c.o.verbose ? '\n    ' : ': ');
  const layer = NEXT[next];
  if (layer === undefined) { c.write('ERROR: unknown-next-protocol'); c.invalid(); return; }
  printLayer(c, layer, v.off + VXLAN_GPE_HEADER_LENGTH, len - VXLAN_GPE_HEADER_LENGTH);
}
