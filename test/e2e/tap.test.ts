// vcap as the program behind a TAP device: Ethernet frames, so ARP and -e work as on a NIC.
import test from 'ava';
import { Netns, SETTLE_MS, sleep, withoutTimes } from '../helpers/netns.js';

test('vcap --tap tap0 prints the ARP requests and, once the neighbour is known, the pings', async (t) => {
  const ns = await Netns.create(t, 'vtap');
  const vcap = ns.vcap(['--tap', 'tap0', '--addr', '10.50.0.1/24', '-n', '-e']);
  t.teardown(() => vcap.kill());
  await vcap.waitFor(/listening on tap0/);
  const mac = /link\/ether ([0-9a-f:]+)/.exec(await ns.ip('link', 'show', 'tap0'))![1]!;
  // Nobody answers ARP on the other side of tap0: the kernel asks, then gives up.
  await ns.exec(['ping', '-c', '1', '-W', '1', '10.50.0.2']);
  await ns.ip('neigh', 'replace', '10.50.0.3', 'lladdr', '02:00:00:00:00:33', 'dev', 'tap0', 'nud', 'permanent');
  await ns.exec(['ping', '-c', '2', '-i', '0.2', '-W', '1', '10.50.0.3']);
  await sleep(SETTLE_MS);
  const r = await vcap.stop();
  t.is(r.code, 0, r.stderr);
  t.true(r.stderr.includes('listening on tap0, link-type EN10MB (Ethernet), snapshot length 262144 bytes\n'), r.stderr);
  const lines = withoutTimes(r.stdout);
  const arp = lines.filter((l) => l.includes('ARP'));
  t.true(arp.length >= 1, r.stdout);
  for (const l of arp) t.is(l, `${mac} > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: Request who-has 10.50.0.2 tell 10.50.0.1, length 28`);
  const icmp = lines.filter((l) => !l.includes('ARP')).map((l) => l.replace(/id \d+/, 'id N'));
  t.deepEqual(icmp, [1, 2].map((k) => `${mac} > 02:00:00:00:00:33, ethertype IPv4 (0x0800), length 98: 10.50.0.1 > 10.50.0.3: ICMP echo request, id N, seq ${k}, length 64`));
  t.false((await ns.ip('link', 'show')).includes('tap0'));
});
