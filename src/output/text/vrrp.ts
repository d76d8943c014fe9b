/** VRRP v2 (RFC 3768) and v3 (RFC 5798) advertisements (tcpdump's print-vrrp.c), and CARP (print-carp.c) under -T carp. */
import type { PrintContext } from './context.js';
import type { Carp, Vrrp } from '../../decoders/vrrp.js';
import { printJnp } from './print-char.js';
import { TokTable } from './util-print.js';

const authTypes = new TokTable([[0, 'none'], [1, 'simple'], [2, 'ah']]);

/** The IP header's TTL or hop limit (a valid advertisement has 255). */
function ttl(c: PrintContext): number { return c.ip.version === 4 ? c.ip.v4!.ttl : c.ip.v6!.hopLimit; }

/** A VRRP packet, `length` bytes of IP payload (vrrp_print). */
export function printVrrp(c: PrintContext, v: Vrrp, length: number): void {
  c.protocol = 'vrrp';
  c.write('VRRP');
  const version = v.version, type = v.type;
  c.write(`v${version}, ${type === 1 ? 'Advertisement' : `unknown type (${type})`}`);
  const t = ttl(c);
  if (t !== 255) c.write(`, (ttl ${t})`);
  if (version < 2 || version > 3 || type !== 1) return;
  c.write(`, vrid ${v.virtualRouterId}, prio ${v.priority}`);
  let auth = 0;
  if (version === 2) {
    auth = v.authType;
    c.write(`, authtype ${authTypes.str(auth, '(null)')}`);
    c.write(`, intvl ${v.intervalSeconds}s, length ${length}`);
  } else c.write(`, intvl ${v.intervalCentiseconds}cs, length ${length}`);
  if (!c.o.verbose) return;
  const naddrs = v.addressCount;
  if (v.has(length)) {
    // v2 sums the message alone; v3 a pseudo-header as well, like UDP.
    const sum = version === 2 ? v.internetChecksum(length) : v.internetChecksum(length, c.ip.pseudoSum(112, length));
    if (sum !== 0) c.write(`, (bad vrrp cksum ${v.checksum.toString(16)})`);
  }
  c.write(', addrs');
  if (naddrs > 1) c.write(`(${naddrs})`);
  c.write(':');
  const v4 = c.ip.version === 4;
  for (let i = 0; i < naddrs; i++) c.write((i ? ',' : ' ') + (v4 ? v.address4(i) : v.address6(i)));
  if (version === 2 && auth === 1) {
    c.write(' auth "');
    // tcpdump steps 4 bytes an address on IPv4, 16 on IPv6, before the 8 bytes of password.
    printJnp(c, v, v4 ? v.authIndex(naddrs) : v.authIndex(naddrs * 4), 8);
    c.write('"');
  }
}

/** A CARP packet, `length` bytes of IP payload (carp_print). */
export function printCarp(c: PrintContext, carp: Carp, length: number): void {
  c.protocol = 'carp';
  const version = carp.version, type = carp.type;
  c.write(`CARPv${version}-${type === 1 ? 'advertise' : 'unknown'} ${length}: `);
  const t = ttl(c);
  if (t !== 255) c.write(`[ttl=${t}!] `);
  if (version !== 2 || type !== 1) return;
  c.write(`vhid=${carp.vhid} advbase=${carp.advbase} advskew=${carp.advskew} authlen=${carp.authLength} `);
  if (c.o.verbose && carp.has(length) && carp.internetChecksum(length) !== 0) c.write(` (bad carp cksum ${carp.checksum.toString(16)}!)`);
  c.write(`counter=${carp.counter}`);
}
