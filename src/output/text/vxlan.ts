/** VXLAN (RFC 7348, UDP port 4789) and the Ethernet frame it carries (tcpdump's print-vxlan.c). */
import type { PrintContext } from './context.js';
import { printLayer } from './dispatch.js';
import { Layer } from '../../decoders/layer.js';

/** VXLAN header at `p`, `len` bytes of UDP payload; the inner frame starts on a new line, as in tcpdump. */
export function printVxlan(c: PrintContext, p: number, len: number): void {
  c.protocol = 'vxlan';
  c.write('VXLAN');
  if (len < 8) { c.invalid(); return; }
  const flags = c.u8(p);
  c.write(`, flags [${flags & 0x08 ? 'I' : 'invalid'}] (0x${flags.toString(16).padStart(2, '0')}), `);
  c.write(`vni ${c.u24(p + 4)}\n`);
  printLayer(c, Layer.Ethernet, p + 8, len - 8);
}
