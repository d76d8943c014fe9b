/** MPLS label stacks (RFC 3032) and the payload guessed as tcpdump does (tcpdump's print-mpls.c). */
import type { PrintContext } from './context.js';
import { printLayer } from './dispatch.js';
import { Layer } from '../../decoders/layer.js';
import { defaultPrint } from './dump.js';

const reserved = ['IPv4 explicit NULL', 'router alert', 'IPv6 explicit NULL', 'implicit NULL'];

/** Label stack entries from `p` until the bottom-of-stack bit, then the payload. */
export function printMpls(c: PrintContext, p: number, length: number): void {
  c.protocol = 'mpls';
  c.write('MPLS');
  let depth = 0, label = 0, entry = 0;
  do {
    entry = c.u32(p);
    label = entry >>> 12;
    let s = `${depth && c.o.verbose ? '\n\t' : ' '}(label ${label}`;
    depth++;
    if (c.o.verbose && label < 16) s += ` (${reserved[label] ?? 'rsvd'})`;
    s += `, tc ${(entry >>> 9) & 7}`;
    if (entry & 0x100) s += ', [S]';
    c.write(s + `, ttl ${entry & 0xff})`);
    p += 4; length -= 4;
  } while (!(entry & 0x100));
  // No protocol field: explicit-NULL labels say it, otherwise the first payload byte hints it.
  let version = label === 0 || label === 3 ? 4 : label === 2 ? 6 : 0;
  if (version === 0) {
    const first = c.u8(p);
    if (first >= 0x45 && first <= 0x4f) version = 4;
    else if (first >= 0x60 && first <= 0x6f) version = 6;
  }
  if (version === 0) { defaultPrint(c, p, length); return; }
  c.write(c.o.verbose ? '\n\t' : ' ');
  printLayer(c, version === 4 ? Layer.Ipv4 : Layer.Ipv6, p, length);
}
