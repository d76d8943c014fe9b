/** VXLAN (RFC 7348, UDP port 4789) and the Ethernet frame it carries (tcpdump's print-vxlan.c). */
import type { PrintContext } from './context.js';
import { printLayer } from './dispatch.js';
import { Layer } from '../../decoders/layer.js';
import { VXLAN_HEADER_LENGTH, type Vxlan } from '../../decoders/vxlan.js';

/** A VXLAN packet, `len` bytes of UDP payload; the inner frame starts on a new line, as in tcpdump. */
export function printVxlan(c: PrintContext, v: Vxlan, len: number): void {
  c.protocol = 'vxlan';
  c.write('VXLAN');
  if (len < VXLAN_HEADER_LENGTH) { c.invalid(); return; }
  const flags = v.flags;
  c.write(`, flags [${flags & 0x08 ? 'I' : 'invalid'}] (0x${flags.toString(16).padStart(2, '0')}), `);
  c.write(`vni ${v.vni}\n`);
  printLayer(c, Layer.Ethernet, v.off + VXLAN_HEADER_LENGTH, len - VXLAN_HEADER_LENGTH);
}
