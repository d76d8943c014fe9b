// A bridge with two veth ports, each leading to a host namespace. Capturing on the bridge in
// promiscuous mode sees what crosses it; capturing on a port sees that port's frames.
import test from 'ava';
import { Netns, SETTLE_MS, sleep, uniqueName, withoutTimes } from '../helpers/netns.js';
import type { ExecutionContext } from 'ava';

async function bridged(t: ExecutionContext): Promise<{ sw: Netns; h1: Netns; h2: Netns; br: string; p1: string }> {
  const sw = await Netns.create(t, 'vsw'), h1 = await Netns.create(t, 'vh1'), h2 = await Netns.create(t, 'vh2');
  const br = uniqueName('br'), p1 = uniqueName('p1'), p2 = uniqueName('p2');
  await sw.ip('link', 'add', br, 'type', 'bridge');
  await sw.ip('link', 'add', p1, 'type', 'veth', 'peer', 'name', 'eth0', 'address', '02:00:00:00:01:01', 'netns', h1.name);
  await sw.ip('link', 'add', p2, 'type', 'veth', 'peer', 'name', 'eth0', 'address', '02:00:00:00:01:02', 'netns', h2.name);
  for (const p of [p1, p2]) {
    await sw.ip('link', 'set', p, 'master', br);
    await sw.ip('link', 'set', p, 'up');
  }
  await sw.ip('link', 'set', br, 'up');
  await h1.ip('addr', 'add', '10.40.0.1/24', 'dev', 'eth0');
  await h2.ip('addr', 'add', '10.40.0.2/24', 'dev', 'eth0');
  await h1.ip('link', 'set', 'eth0', 'up');
  await h2.ip('link', 'set', 'eth0', 'up');
  await h1.ip('neigh', 'replace', '10.40.0.2', 'lladdr', '02:00:00:00:01:02', 'dev', 'eth0', 'nud', 'permanent');
  await h2.ip('neigh', 'replace', '10.40.0.1', 'lladdr', '02:00:00:00:01:01', 'dev', 'eth0', 'nud', 'permanent');
  return { sw, h1, h2, br, p1 };
}

async function capture(t: ExecutionContext, sw: Netns, args: string[], traffic: () => Promise<unknown>): Promise<string[]> {
  const vcap = sw.vcap(['-n', ...args]);
  t.teardown(() => vcap.kill());
  await vcap.waitFor(/listening on/);
  await traffic();
  await sleep(SETTLE_MS);
  const r = await vcap.stop();
  t.is(r.code, 0, r.stderr);
  // The namespaces' own IGMP membership reports (0.0.0.0 > 224.0.0.22) come at times of the
  // kernel's choosing; they are not part of what the test sends.
  return withoutTimes(r.stdout).filter((l) => !l.includes(' > 224.0.0.22: '));
}

const echo = (k: number): string[] => [
  `IP 10.40.0.1 > 10.40.0.2: ICMP echo request, id N, seq ${k}, length 64`,
  `IP 10.40.0.2 > 10.40.0.1: ICMP echo reply, id N, seq ${k}, length 64`,
];
const normal = (lines: string[]): string[] => lines.map((l) => l.replace(/, id \d+,/, ', id N,'));

test('bridge: the bridge device (promiscuous) sees the pings between its two ports', async (t) => {
  const { sw, h1, br } = await bridged(t);
  // The bridge may flood the first frames before it has learnt the MACs; the lines are the same.
  const lines = await capture(t, sw, ['-i', br], () => h1.exec(['ping', '-c', '3', '-i', '0.2', '10.40.0.2']));
  t.deepEqual(normal(lines), [...echo(1), ...echo(2), ...echo(3)]);
});

test('bridge: a port sees the same frames', async (t) => {
  const { sw, h1, p1 } = await bridged(t);
  const lines = await capture(t, sw, ['-i', p1], () => h1.exec(['ping', '-c', '3', '-i', '0.2', '10.40.0.2']));
  t.deepEqual(normal(lines), [...echo(1), ...echo(2), ...echo(3)]);
});

test('bridge: with -p the bridge device only sees what is addressed to it', async (t) => {
  const { sw, h1, br } = await bridged(t);
  await h1.exec(['ping', '-c', '1', '10.40.0.2']); // let the bridge learn both MACs first
  const lines = await capture(t, sw, ['-i', br, '-p'], () => h1.exec(['ping', '-c', '3', '-i', '0.2', '10.40.0.2']));
  t.deepEqual(lines, []);
});
