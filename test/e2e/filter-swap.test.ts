// libpcap's filter swap on a live ring: frames that arrived before setFilter() (already in the
// ring, let in by no filter) are filtered again in user space, so the new filter holds from the
// first frame delivered.
import test from 'ava';
import { join } from 'node:path';
import { Netns, repoRoot } from '../helpers/netns.js';

test('setFilter() after frames are queued: only matching frames are delivered, old or new', async (t) => {
  const ns = await Netns.create(t, 'vswap');
  const script = `
    import { execFileSync } from 'node:child_process';
    const m = await import(${JSON.stringify(join(repoRoot, 'dist', 'src', 'index.js'))});
    const src = await m.openLive({ interface: 'lo', snaplen: 0, bufferKiB: 0, promiscuous: false, direction: 'inout', immediate: false, backend: 'afpacket' });
    const udp = "import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); [s.sendto(b'x', ('127.0.0.1', 40000 + k)) for k in range(3)]";
    // Before the filter: queued in the ring with no filter at all.
    execFileSync('ping', ['-c', '2', '-i', '0.2', '127.0.0.1']);
    execFileSync('/usr/bin/python3', ['-c', udp]);
    await new Promise((r) => setTimeout(r, 300));
    src.setFilter(m.compileFilter('udp dst port 40001', src.linkType, src.snaplen));
    // After it: the kernel filter decides.
    execFileSync('ping', ['-c', '2', '-i', '0.2', '127.0.0.1']);
    execFileSync('/usr/bin/python3', ['-c', udp]);
    setTimeout(() => src.stop(), 400);
    const ports = [];
    await src.run((b) => {
      for (let i = 0; i < b.count; i++) {
        const f = b.bytes.subarray(b.offset[i], b.offset[i] + b.capLen[i]);
        ports.push(f[12] === 8 && f[23] === 17 ? (f[36] << 8) | f[37] : -1);
      }
    });
    console.log(JSON.stringify({ ports, stats: src.stats() }));
  `;
  const r = await ns.exec([process.execPath, '--input-type=module', '-e', script]);
  t.is(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { ports: number[]; stats: { received: number; dropped: number } };
  t.deepEqual(out.ports, [40001, 40001]);
  // Before the swap the kernel took everything (4 ICMP, 3 UDP, 3 ICMP unreachable, each seen
  // twice on lo); after it only the one matching datagram (twice).
  t.is(out.stats.received, 22);
  t.is(out.stats.dropped, 0);
});
