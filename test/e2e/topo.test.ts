// vcap topo: a "container" namespace joined by a veth pair to a "host" namespace whose bridge has
// that veth and a TAP device as ports, a vxlan on the bridge, and a TUN held by a process.
import test from 'ava';
import { join } from 'node:path';
import { Netns, repoRoot, run, uniqueName, vcapBin } from '../helpers/netns.js';

interface End { netns: string; name: string; index: number }
interface Topology {
  namespaces: { ref: string; names: string[]; interfaces: { name: string; kind: string }[] }[];
  vethPairs: { a: End; b: End; crossesNamespaces: boolean }[];
  bridges: { bridge: End; ports: (End & { kind: string })[] }[];
  tuntap: (End & { kind: string; processes: { pid: number; command: string }[] })[];
  stacked: (End & { kind: string; id?: number; parent: { name: string; netns: string } })[];
}

test('topo: the veth pair across two namespaces, the bridge\'s ports, TUN/TAP and their processes, as JSON and as boxes', async (t) => {
  const host = await Netns.create(t, 'vth'), box = await Netns.create(t, 'vtc');
  const br = uniqueName('br'), veth = uniqueName('ve'), tap = uniqueName('tap'), tun = uniqueName('tun');
  await host.ip('link', 'add', br, 'type', 'bridge');
  await host.ip('link', 'add', veth, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', box.name);
  await host.ip('link', 'set', veth, 'master', br);
  await host.ip('tuntap', 'add', 'mode', 'tap', tap);
  await host.ip('link', 'set', tap, 'master', br);
  await host.ip('addr', 'add', '10.63.0.1/24', 'dev', br);
  await host.ip('link', 'add', 'vx42', 'type', 'vxlan', 'id', '42', 'dstport', '4789', 'dev', br);
  for (const d of [br, veth]) await host.ip('link', 'set', d, 'up');
  await box.ip('addr', 'add', '10.63.0.2/24', 'dev', 'eth0');
  await box.ip('link', 'set', 'eth0', 'up');
  const holder = host.start([process.execPath, join(repoRoot, 'dist', 'test', 'helpers', 'tun-holder.js'), tun, '172.21.22.23/24']);
  t.teardown(() => holder.kill());
  await holder.waitFor(/ready/);

  const j = await run([process.execPath, vcapBin, 'topo', '--json']);
  t.is(j.code, 0, j.stderr);
  const topo = JSON.parse(j.stdout) as Topology;
  const index = (ns: string, name: string): number =>
    (topo.namespaces.find((n) => n.ref === ns)!.interfaces as unknown as End[]).find((d) => d.name === name)!.index;
  const pair = topo.vethPairs.find((p) => [p.a.netns, p.b.netns].includes(box.name));
  t.truthy(pair);
  const ends = [pair!.a, pair!.b].sort((x, y) => x.netns.localeCompare(y.netns));
  t.deepEqual(ends, [
    { netns: host.name, name: veth, index: index(host.name, veth) },
    { netns: box.name, name: 'eth0', index: index(box.name, 'eth0') },
  ].sort((x, y) => x.netns.localeCompare(y.netns)));
  t.true(pair!.crossesNamespaces);
  const bridge = topo.bridges.find((b) => b.bridge.netns === host.name);
  t.deepEqual(bridge?.bridge.name, br);
  t.deepEqual(bridge!.ports.map((p) => [p.name, p.kind]).sort(), [[tap, 'tap'], [veth, 'veth']].sort());
  const tt = topo.tuntap.filter((d) => d.netns === host.name).map((d) => [d.name, d.kind, d.processes.map((p) => p.command)]);
  t.deepEqual(tt.sort(), [[tap, 'tap', []], [tun, 'tun', ['tun-holder.js']]].sort());
  t.like(topo.stacked.find((d) => d.netns === host.name), { name: 'vx42', kind: 'vxlan', id: 42, parent: { name: br, netns: host.name } });

  // The same as boxes, drawn for these two namespaces only.
  const r = await run([process.execPath, vcapBin, 'topo', host.name, box.name]);
  t.is(r.code, 0, r.stderr);
  const boxes = r.stdout.split(/\n(?=\+- \[)/);
  const content = (ns: string): string[] => boxes.find((b) => b.startsWith(`+- [ ${ns} ]`))!.split('\n')
    .filter((l) => l.startsWith('| ')).map((l) => l.slice(2).replace(/ *\|$/, ''));
  const pid = topo.tuntap.find((d) => d.name === tun)!.processes[0]!.pid;
  const bridgeLines = [`|-- ${veth} (veth)  <====> eth0@${box.name}`, `|-- ${tap} (tap, down)  <-- no process`, '`-- vx42 (vxlan 42, down)'];
  t.deepEqual(content(host.name).sort(), [`${br} (bridge)  10.63.0.1/24`, ...bridgeLines, `${tun} (tun)  172.21.22.23/24  <-- tun-holder.js[${pid}]`].sort());
  t.is(content(host.name)[0], `${br} (bridge)  10.63.0.1/24`);
  t.deepEqual(content(box.name), [`eth0 (veth)  10.63.0.2/24  <====> ${veth}@${host.name}`]);
  t.true(r.stdout.includes(`\nveth pairs between namespaces:\n  `), r.stdout);
  t.regex(r.stdout, new RegExp(`(${veth}@${host.name} +<====> eth0@${box.name}|eth0@${box.name} +<====> ${veth}@${host.name})\\n`));
});

test('topo: an unknown namespace to draw is one line and status 1', async (t) => {
  const none = uniqueName('nons');
  const r = await run([process.execPath, vcapBin, 'topo', none]);
  t.deepEqual([r.code, r.stdout, r.stderr], [1, '', `vcap: topo: no network namespace ${none}\n`]);
});
