// A user-space link between two TUN devices in two namespaces, as a VPN is one: every IP packet
// the kernel routes into one device is written into the other. Written against vcap's public
// API (openTun with netns). bench/netspeed runs iperf3 across it.
// Usage: node dist/bench/tun-relay.js NETNS_A TUN_A CIDR_A NETNS_B TUN_B CIDR_B; prints `ready` on
// stderr, and at SIGTERM/SIGINT the packets relayed each way and those the devices would not take.
import { openTun } from '../src/index.js';
import type { Batch, TunSource } from '../src/index.js';

const [nsA, tunA, addrA, nsB, tunB, addrB] = process.argv.slice(2);
if (nsB === undefined || tunB === undefined || addrB === undefined) {
  process.stderr.write('usage: tun-relay NETNS_A TUN_A CIDR_A NETNS_B TUN_B CIDR_B\n');
  process.exit(2);
}
const a = openTun({ name: tunA!, tap: false, addr: addrA, snaplen: 0, netns: nsA });
const b = openTun({ name: tunB, tap: false, addr: addrB, snaplen: 0, netns: nsB });

const counts = { aToB: 0, bToA: 0, refused: 0 };
/** Write every packet of a read burst into the other device; a full device queue drops it (TCP resends). */
function relay(to: TunSource, key: 'aToB' | 'bToA'): (batch: Batch) => void {
  return (batch) => {
    for (let i = 0; i < batch.count; i++) {
      const off = batch.offset[i]!;
      if (to.write(batch.bytes.subarray(off, off + batch.capLen[i]!)) === 0) counts.refused++;
      else counts[key]++;
    }
  };
}

for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => { a.stop(); b.stop(); });
process.stderr.write('ready\n');
await Promise.all([a.run(relay(b, 'aToB')), b.run(relay(a, 'bToA'))]);
process.stderr.write(`relayed ${counts.aToB} a→b, ${counts.bToA} b→a, ${counts.refused} refused\n`);
