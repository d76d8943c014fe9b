/** VRRP v2 (RFC 3768) and v3 (RFC 5798) advertisements (tcpdump's print-vrrp.c). */
import type { IpInfo, PrintContext } from './context.js';
import { inCksum, ipv4PseudoSum, cksumAdd, cksumFinish } from '../../decoders/checksum.js';

const auth = ['none', 'simple', 'ah'];

/** VRRP packet at `p`, `len` bytes, inside `ip` (the TTL must be 255 for a valid advertisement). */
export function printVrrp(c: PrintContext, p: number, len: number, ip: IpInfo): void {
  c.protocol = 'vrrp';
  c.write('VRRP');
  const b0 = c.u8(p);
  const version = b0 >> 4, type = b0 & 0x0f;
  c.write(`v${version}, ${type === 1 ? 'Advertisement' : `unknown type (${type})`}`);
  const ttl = ip.version === 4 ? c.buf[ip.srcOff - 4]! : c.buf[ip.srcOff - 1]!;
  if (ttl !== 255) c.write(`, (ttl ${ttl})`);
  if (version < 2 || version > 3 || type !== 1) return;
  c.write(`, vrid ${c.u8(p + 1)}, prio ${c.u8(p + 2)}`);
  let authType = 0;
  if (version === 2) {
    authType = c.u8(p + 4);
    c.write(`, authtype ${auth[authType] ?? '(null)'}`);
    c.write(`, intvl ${c.u8(p + 5)}s, length ${len}`);
  } else {
    c.write(`, intvl ${((c.u8(p + 4) & 0x0f) << 8) | c.u8(p + 5)}cs, length ${len}`);
  }
  if (!c.o.verbose) return;
  const naddrs = c.u8(p + 3);
  if (c.has(p, len)) {
    // v3 sums a pseudo-header like TCP/UDP; v2 only the message.
    const bad = version === 2 ? inCksum(c.buf, p, len) !== 0
      : ip.version === 4 && cksumFinish(cksumAdd(c.buf, p, len, ipv4PseudoSum(c.buf, ip.srcOff, ip.dstOff, 112, len))) !== 0;
    if (bad) c.write(`, (bad vrrp cksum ${c.u16(p + 6).toString(16)})`);
  }
  c.write(naddrs > 1 ? `, addrs(${naddrs}):` : ', addrs:');
  let sep = ' ', q = p + 8;
  for (let i = 0; i < naddrs; i++, q += 4) { c.write(sep + c.ip4(q)); sep = ','; }
  if (version === 2 && authType === 1) {
    c.write(' auth "');
    for (let i = 0; i < 8; i++) { const ch = c.u8(q + i); if (ch === 0) break; c.write(String.fromCharCode(ch)); }
    c.write('"');
  }
}
