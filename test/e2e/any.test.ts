// -i any: cooked v2 headers (LINUX_SLL2) built by vcap as libpcap builds them; the lines match tcpdump's.
import test from 'ava';
import { SETTLE_MS, sleep, vethPair, withoutTimes } from '../helpers/netns.js';

test('-i any sees both directions on every interface, like tcpdump -i any', async (t) => {
  const { a, ipB } = await vethPair(t, 34);
  const vcap = a.vcap(['-i', 'any', '-n']);
  const tcpdump = a.start(['tcpdump', '-i', 'any', '-n', '--immediate-mode']);
  t.teardown(() => { vcap.kill(); tcpdump.kill(); });
  await vcap.waitFor(/listening on any/);
  await tcpdump.waitFor(/listening on any/);
  await a.exec(['ping', '-c', '3', '-i', '0.2', ipB]);
  await a.exec(['ping', '-c', '2', '-i', '0.2', '127.0.0.1']);
  await sleep(SETTLE_MS);
  const [v, d] = await Promise.all([vcap.stop(), tcpdump.stop()]);
  t.is(v.code, 0, v.stderr);
  t.true(v.stderr.includes('listening on any, link-type LINUX_SLL2 (Linux cooked v2), snapshot length 262144 bytes\n'), v.stderr);
  const vl = withoutTimes(v.stdout), dl = withoutTimes(d.stdout);
  t.is(dl.length, 10, d.stdout);
  t.deepEqual(vl, dl);
});
