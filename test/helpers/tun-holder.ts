// A stand-in for the article's `mytun`: holds a TUN device open (creating, addressing and
// bringing it up), reads and discards what the kernel sends, and prints `ready NAME` on stderr.
// Usage: node tun-holder.js NAME CIDR. SIGTERM/SIGINT close the fd, which removes the device.
import { native } from '../../src/capture/native.js';
import { TunSource } from '../../src/capture/tun.js';

const [name = 'tun0', addr] = process.argv.slice(2);
const tun = TunSource.open(native(), { name, tap: false, addr, snaplen: 262144 });
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => tun.stop());
process.stderr.write(`ready ${tun.name}\n`);
let frames = 0;
await tun.run((b) => { frames += b.count; });
process.stderr.write(`read ${frames} frames\n`);
