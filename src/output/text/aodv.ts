/** AODV (tcpdump's print-aodv.c), on UDP 654 and -T aodv. */
import type { PrintContext } from './context.js';
import type { Aodv } from '../../decoders/aodv.js';
import { hex32 } from './util-print.js';

/** aodv_extension at `i`, `length` bytes left. */
function extension(c: PrintContext, a: Aodv, i: number, length: number): void {
  if (!a.hasAt(i, 2)) { c.truncMark(); return; }
  const type = a.u8(i);
  if (type === 1) {
    if (!a.hasAt(i, 6) || length < 6) { c.truncMark(); return; }
    const len = a.u8(i + 1);
    if (len < 4) { c.write(`\n\text HELLO - bad length ${len}`); return; }
    c.write(`\n\text HELLO ${a.u32(i + 2)} ms`);
  } else c.write(`\n\text ${type} ${a.u8(i + 1)}`);
}

/** A route request: `v6` for IPv6 addresses, `draft` for the IPv6 draft's field order. */
function rreq(c: PrintContext, a: Aodv, length: number, v6: boolean, draft: boolean): void {
  const size = v6 ? 48 : 24;
  if (!a.hasAt(0, size) || length < size) { c.truncMark(); return; }
  // tcpdump tests the flags in the type byte, not the flags byte.
  const f = a.u8(0);
  const addr = (i: number): string => v6 ? a.ipv6(i) : a.ipv4(i);
  const [da, ds, oa, os] = draft ? [16, 8, 32, 12] : v6 ? [8, 24, 28, 44] : [8, 12, 16, 20];
  c.write(` ${v6 && !draft ? 'v6 ' : ''}rreq ${length} ${f & 0x80 ? '[J]' : ''}${f & 0x40 ? '[R]' : ''}${f & 0x20 ? '[G]' : ''}${f & 0x10 ? '[D]' : ''}` +
    `${f & 0x08 ? '[U] ' : ' '}hops ${a.u8(3)} id 0x${hex32(a.u32(4))}\n\tdst ${addr(da)} seq ${a.u32(ds)} src ${addr(oa)} seq ${a.u32(os)}`);
  if (length - size >= 2) extension(c, a, size, length - size);
}

/** A route reply. */
function rrep(c: PrintContext, a: Aodv, length: number, v6: boolean, draft: boolean): void {
  const size = v6 ? 44 : 20;
  if (!a.hasAt(0, size) || length < size) { c.truncMark(); return; }
  const f = a.u8(0);
  const addr = (i: number): string => v6 ? a.ipv6(i) : a.ipv4(i);
  const [da, ds, oa, life] = draft ? [8, 4, 24, 40] : v6 ? [4, 20, 24, 40] : [4, 8, 12, 16];
  c.write(` rrep ${length} ${f & 0x80 ? '[R]' : ''}${f & 0x40 ? '[A] ' : ' '}prefix ${a.u8(2) & 0x1f} hops ${a.u8(3)}\n` +
    `\tdst ${addr(da)} dseq ${a.u32(ds)} src ${addr(oa)} ${a.u32(life)} ms`);
  if (length - size >= 2) extension(c, a, size, length - size);
}

/** A route error. */
function rerr(c: PrintContext, a: Aodv, length: number, v6: boolean): void {
  if (!a.hasAt(0, 4) || length < 4) { c.truncMark(); return; }
  c.write(` rerr ${a.u8(1) & 0x80 ? '[D]' : ''} [items ${a.u8(3)}] [${length}]:`);
  const size = v6 ? 20 : 8;
  let i = length - 4;
  for (let dc = a.u8(3), d = 4; dc !== 0; dc--, d += size) {
    if (!a.hasAt(d, size) || i < size) { c.truncMark(); return; }
    c.write(` {${v6 ? a.ipv6(d) : a.ipv4(d)}}(${a.u32(d + size - 4)})`);
    i -= size;
  }
}

/** An AODV message, `length` bytes of UDP payload (aodv_print). */
export function printAodv(c: PrintContext, a: Aodv, length: number): void {
  c.protocol = 'aodv';
  const type = a.type;
  c.write(' aodv');
  const v6 = c.ip.version === 6;
  switch (type) {
    case 1: rreq(c, a, length, v6, false); break;
    case 2: rrep(c, a, length, v6, false); break;
    case 3: rerr(c, a, length, v6); break;
    case 4: case 19: c.write(` rrep-ack ${length}`); break;
    case 16: rreq(c, a, length, true, true); break;
    case 17: rrep(c, a, length, true, true); break;
    case 18: rerr(c, a, length, true); break;
    default: c.write(` type ${type} ${length}`);
  }
}
