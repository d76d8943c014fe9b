/** IPsec ESP (RFC 4303): SPI and sequence number; the payload is encrypted (tcpdump's print-esp.c). */
import type { PrintContext } from './context.js';
import { ESP_HEADER_LENGTH, type Esp } from '../../decoders/esp.js';

/** An ESP packet, `length` bytes on the wire. */
export function printEsp(c: PrintContext, esp: Esp, length: number): void {
  c.protocol = 'esp';
  // tcpdump wants more than the 8-byte header before it prints anything.
  if (esp.captured <= ESP_HEADER_LENGTH) { c.truncMark(); return; }
  c.write(`ESP(spi=0x${esp.spi.toString(16).padStart(8, '0')}`);
  c.write(`,seq=0x${esp.sequence.toString(16)})`);
  c.write(`, length ${length}`);
}
