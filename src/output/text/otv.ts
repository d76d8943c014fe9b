/** OTV (tcpdump's print-otv.c): the header, then the Ethernet frame on the next line. */
import type { PrintContext } from './context.js';
import { TRUNCATED } from './context.js';
import { Layer } from '../../decoders/layer.js';
import { OTV_HEADER_LENGTH, type Otv } from '../../decoders/otv.js';
import { printLayer } from './dispatch.js';

/** An OTV packet of `len` bytes. */
export function printOtv(c: PrintContext, o: Otv, len: number): void {
  c.protocol = 'otv';
  c.write('OTV, ');
  if (len < OTV_HEADER_LENGTH) {
    c.write(`[length ${len} < ${OTV_HEADER_LENGTH}]`);
    c.invalid();
    if (!o.has(len)) throw TRUNCATED;
    return;
  }
  const flags = o.flags;
  c.write(`flags [${flags & 0x08 ? 'I' : '.'}] (0x${flags.toString(16).padStart(2, '0')}), `);
  c.write(`overlay ${o.overlayId}, `);
  c.write(`instance ${o.instanceId}\n`);
  void o.reserved;
  printLayer(c, Layer.Ethernet, o.off + OTV_HEADER_LENGTH, len - OTV_HEADER_LENGTH);
}
