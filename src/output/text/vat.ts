/** vat/vt under -T vat or to UDP port 3456 (tcpdump's vat_print in print-udp.c). */
import type { PrintContext } from './context.js';
import type { Vat } from '../../decoders/vat.js';

/** A vat or vt packet, `length` bytes by the UDP length. */
export function printVat(c: PrintContext, v: Vat, length: number): void {
  c.protocol = 'vat';
  if (length < 2) { c.write(`udp/va/vat, length ${length} < 2`); return; }
  const ts = v.firstWord;
  if ((ts & 0xf060) !== 0) { c.write(`udp/vt ${length} ${ts & 0x3ff} / ${ts >> 10}`); return; }
  if (length < 8) { c.write(`udp/vat, length ${length} < 8`); return; }
  const i0 = v.flagsWord, i1 = v.timestamp;
  c.write(`udp/vat ${length - 8} c${i0 & 0xffff} ${i1}${i0 & 0x800000 ? '*' : ''}`);
  if (i0 & 0x1f0000) c.write(` f${(i0 >> 16) & 0x1f}`);
  if (i0 & 0x3f000000) c.write(` s${(i0 >> 24) & 0x3f}`);
}
