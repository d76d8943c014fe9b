// Loopback: every packet passes the tap twice (out, then in); libpcap keeps only the incoming
// copy, and so does vcap, whatever -Q says.
import test from 'ava';
import { Netns, SETTLE_MS, sleep, withoutTimes } from '../helpers/netns.js';

for (const dir of ['inout', 'in', 'out'] as const) {
  test(`-i lo -Q ${dir} prints what tcpdump prints`, async (t) => {
    const ns = await Netns.create(t, 'vlo');
    const vcap = ns.vcap(['-i', 'lo', '-n', '-Q', dir]);
    const tcpdump = ns.start(['tcpdump', '-i', 'lo', '-n', '-Q', dir, '--immediate-mode']);
    t.teardown(() => { vcap.kill(); tcpdump.kill(); });
    await vcap.waitFor(/listening on lo/);
    await tcpdump.waitFor(/listening on lo/);
    await ns.exec(['ping', '-c', '3', '-i', '0.2', '127.0.0.1']);
    await sleep(SETTLE_MS);
    const [v, d] = await Promise.all([vcap.stop(), tcpdump.stop()]);
    t.is(v.code, 0, v.stderr);
    const vl = withoutTimes(v.stdout);
    t.is(vl.length, dir === 'out' ? 0 : 6, v.stdout);
    t.deepEqual(vl, withoutTimes(d.stdout));
    t.true(v.stderr.includes('listening on lo, link-type EN10MB (Ethernet), snapshot length 262144 bytes\n'), v.stderr);
    t.true(v.stderr.includes('12 packets received by filter\n'), v.stderr);
  });
}
