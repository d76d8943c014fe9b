// A user-space host behind a TUN device, written against the public API: it answers every ICMP
// echo request the kernel routes into the device by writing the reply back into it.
// Usage: node tun-echo.js NAME CIDR; prints `ready NAME` on stderr; SIGTERM ends it.
import { openTun } from '../../src/index.js';

const [name = 'tun0', addr] = process.argv.slice(2);
const tun = openTun({ name, tap: false, addr, snaplen: 0 });
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => tun.stop());
process.stderr.write(`ready ${tun.name}\n`);

/** RFC 1071 checksum of bytes[from, to). */
function checksum(b: Uint8Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i + 1 < to; i += 2) sum += (b[i]! << 8) | b[i + 1]!;
  if ((to - from) & 1) sum += b[to - 1]! << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

let answered = 0;
await tun.run((batch) => {
  for (let i = 0; i < batch.count; i++) {
    const off = batch.offset[i]!, len = batch.capLen[i]!;
    const p = batch.bytes.slice(off, off + len);
    const ihl = (p[0]! & 0x0f) * 4;
    if (p[0]! >> 4 !== 4 || p[9] !== 1 || p[ihl] !== 8) continue; // IPv4 ICMP echo request only
    const src = p.slice(12, 16);
    p.copyWithin(12, 16, 20);
    p.set(src, 16);
    p[ihl] = 0; // echo reply
    p[ihl + 2] = 0; p[ihl + 3] = 0;
    const c = checksum(p, ihl, p.length);
    p[ihl + 2] = c >> 8; p[ihl + 3] = c & 0xff;
    tun.write(p);
    answered++;
  }
});
process.stderr.write(`answered ${answered}\n`);
