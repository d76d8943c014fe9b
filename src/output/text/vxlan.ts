/** VXLAN (RFC 7348, UDP port 4789) and the Ethernet frame it carries (tcpdump's print-vxlan.c). */
import { TRUNCATED, type PrintContext } from './context.js';
import { printEncapsulated } from './dispatch.js';
import { Layer } from '../../decoders/layer.js';
import { VXLAN_HEADER_LENGTH, type Vxlan } from '../../decoders/vxlan.js';

/** A VXLAN packet, `len` bytes of UDP payload; the inner frame starts on a new line, as in tcpdump. */
export function printVxlan(c: PrintContext, v: Vxlan, len: number): void {
  c.protocol = 'vxlan';
  c.write('VXLAN');
  if (len < VXLAN_HEADER_LENGTH) { c.invalid(); return; }
  const flags = v.flags;
  // Written into the line piece by piece: every VXLAN packet prints these (no strings per packet).
  c.write(flags & 0x08 ? ', flags [I] (0x' : ', flags [invalid] (0x'); c.hexPad(flags, 2); c.write('), ');
  const vni = v.vni;
  c.write('vni '); c.num(vni); c.ch(10);
  // The header's last (reserved) byte is never read: cut there, tcpdump unwinds before the frame
  // (VXLAN's mark, the whole packet in the -x dump).
  if (!v.has(VXLAN_HEADER_LENGTH)) throw TRUNCATED;
  printEncapsulated(c, Layer.Ethernet, v.off + VXLAN_HEADER_LENGTH, len - VXLAN_HEADER_LENGTH);
}
