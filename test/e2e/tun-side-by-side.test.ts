// tun0 owned by another program (the article's `mytun`, here test/helpers/tun-holder): vcap -i tun0
// and tcpdump -i tun0 watch it at the same time and print the same lines.
import test from 'ava';
import { join } from 'node:path';
import { Netns, SETTLE_MS, repoRoot, sleep, withoutTimes } from '../helpers/netns.js';

test('vcap -i tun0 and tcpdump -i tun0 print the same lines for the same pings', async (t) => {
  const ns = await Netns.create(t, 'vside');
  const holder = ns.start([process.execPath, join(repoRoot, 'dist', 'test', 'helpers', 'tun-holder.js'), 'tun0', '172.21.22.23/24']);
  t.teardown(() => holder.kill());
  await holder.waitFor(/ready tun0/);
  const vcap = ns.vcap(['-i', 'tun0', '-n']);
  const tcpdump = ns.start(['tcpdump', '-i', 'tun0', '-n', '--immediate-mode']);
  t.teardown(() => { vcap.kill(); tcpdump.kill(); });
  await vcap.waitFor(/listening on tun0/);
  await tcpdump.waitFor(/listening on tun0/);
  await ns.exec(['ping', '-c', '4', '-i', '0.2', '-W', '1', '172.21.22.26']);
  await ns.exec(['ping', '-c', '2', '-i', '0.2', '-s', '1000', '-W', '1', '172.21.22.99']);
  await sleep(SETTLE_MS);
  const [v, d] = await Promise.all([vcap.stop(), tcpdump.stop()]);
  t.is(v.code, 0, v.stderr);
  const vl = withoutTimes(v.stdout), dl = withoutTimes(d.stdout);
  t.is(dl.length, 6, d.stdout);
  t.deepEqual(vl, dl);
  t.true(v.stderr.includes('listening on tun0, link-type RAW (Raw IP), snapshot length 262144 bytes\n'), v.stderr);
  t.true(v.stderr.includes('6 packets captured\n'), v.stderr);
  await holder.stop('SIGTERM');
});
