/** AODV (tcpdump's print-aodv.c), on UDP 654 and -T aodv. */
import type { PrintContext } from './context.js';
import { Aodv, AODV_EXTENSION_HEADER_LENGTH, AODV_RERR_HEADER_LENGTH } from '../../decoders/aodv.js';
import { hex32 } from './util-print.js';

/** HELLO's type, length and interval. */
const HELLO_SIZE = 6;

/** aodv_extension after a request or reply, `length` bytes left. */
function extension(c: PrintContext, a: Aodv, v6: boolean, length: number): void {
  const e = a.firstExtension(v6);
  if (!e.has(AODV_EXTENSION_HEADER_LENGTH)) { c.truncMark(); return; }
  const type = e.type;
  if (type === 1) {
    if (!e.has(HELLO_SIZE) || length < HELLO_SIZE) { c.truncMark(); return; }
    const len = e.valueLength;
    if (len < 4) { c.write(`\n\text HELLO - bad length ${len}`); return; }
    c.write(`\n\text HELLO ${e.helloInterval} ms`);
  } else c.write(`\n\text ${type} ${e.valueLength}`);
}

/** A route request: `v6` for IPv6 addresses (the draft's type 16 has its own field order). */
function rreq(c: PrintContext, a: Aodv, length: number, v6: boolean): void {
  const size = a.messageSize(v6);
  if (!a.has(size) || length < size) { c.truncMark(); return; }
  // tcpdump tests the flags in the type byte, not the flags byte.
  const f = a.type;
  c.write(` ${v6 && !a.isDraft ? 'v6 ' : ''}rreq ${length} ${f & 0x80 ? '[J]' : ''}${f & 0x40 ? '[R]' : ''}${f & 0x20 ? '[G]' : ''}${f & 0x10 ? '[D]' : ''}` +
    `${f & 0x08 ? '[U] ' : ' '}hops ${a.hopCount} id 0x${hex32(a.requestId)}\n\tdst ${a.destination(v6)} seq ${a.destinationSequence(v6)} ` +
    `src ${a.originator(v6)} seq ${a.originatorSequence(v6)}`);
  if (length - size >= 2) extension(c, a, v6, length - size);
}

/** A route reply. */
function rrep(c: PrintContext, a: Aodv, length: number, v6: boolean): void {
  const size = a.messageSize(v6);
  if (!a.has(size) || length < size) { c.truncMark(); return; }
  // The type byte again, as tcpdump.
  const f = a.type;
  c.write(` rrep ${length} ${f & 0x80 ? '[R]' : ''}${f & 0x40 ? '[A] ' : ' '}prefix ${a.prefixSize} hops ${a.hopCount}\n` +
    `\tdst ${a.destination(v6)} dseq ${a.destinationSequence(v6)} src ${a.originator(v6)} ${a.lifetime(v6)} ms`);
  if (length - size >= 2) extension(c, a, v6, length - size);
}

/** A route error. */
function rerr(c: PrintContext, a: Aodv, length: number, v6: boolean): void {
  if (!a.has(AODV_RERR_HEADER_LENGTH) || length < AODV_RERR_HEADER_LENGTH) { c.truncMark(); return; }
  c.write(` rerr ${a.flags & 0x80 ? '[D]' : ''} [items ${a.destinationCount}] [${length}]:`);
  const size = Aodv.unreachableSize(v6);
  let left = length - AODV_RERR_HEADER_LENGTH;
  for (let dc = a.destinationCount, k = 0; dc !== 0; dc--, k++) {
    if (!a.has(AODV_RERR_HEADER_LENGTH + (k + 1) * size) || left < size) { c.truncMark(); return; }
    c.write(` {${a.unreachable(k, v6)}}(${a.unreachableSequence(k, v6)})`);
    left -= size;
  }
}

/** An AODV message, `length` bytes of UDP payload (aodv_print). */
export function printAodv(c: PrintContext, a: Aodv, length: number): void {
  c.protocol = 'aodv';
  const type = a.type;
  c.write(' aodv');
  const v6 = c.ip.version === 6;
  switch (type) {
    case 1: rreq(c, a, length, v6); break;
    case 2: rrep(c, a, length, v6); break;
    case 3: rerr(c, a, length, v6); break;
    case 4: case 19: c.write(` rrep-ack ${length}`); break;
    case 16: rreq(c, a, length, true); break;
    case 17: rrep(c, a, length, true); break;
    case 18: rerr(c, a, length, true); break;
    default: c.write(` type ${type} ${length}`);
  }
}
