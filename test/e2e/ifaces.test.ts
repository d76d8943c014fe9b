// The interface inventory (`vcap ifaces`, `vcap -D`) of a namespace holding each kind the article
// describes: a veth whose peer lives in another namespace, a bridge with a veth port and a TAP
// port, a TUN held by a process, a vxlan and a macvlan on the veth. `ip -j -d` and ethtool, run
// inside the namespace, are the oracles for what they print.
import test from 'ava';
import type { ExecutionContext } from 'ava';
import { join } from 'node:path';
import { Netns, repoRoot, run, uniqueName, vcapBin } from '../helpers/netns.js';
import type { Running } from '../helpers/netns.js';

interface Ref { index: number; name: string | null; netns: string | null }
interface Detail {
  netns: string; index: number; name: string; kind: string; state: string; flags: string[]; mtu: number;
  mac: string | null; addresses: string[]; speed: { mbps: number | null; duplex: string } | null;
  peer?: Ref; ports?: Ref[]; master?: Ref & { kind: string }; parent?: Ref; id?: number; mode?: string;
  tun?: { flags: string[]; processes: { pid: number; command: string }[] };
  counters: { rxPackets: number; txPackets: number } | null;
}
interface IpLink { ifindex: number; ifname: string; mtu: number; operstate: string; address?: string; link_type: string; flags: string[]; addr_info: { local: string; prefixlen: number }[] }

interface World { a: Netns; b: Netns; veth: string; peer: string; br: string; port: string; portPeer: string; tap: string; tun: string; holder: Running }

async function world(t: ExecutionContext): Promise<World> {
  const a = await Netns.create(t, 'via'), b = await Netns.create(t, 'vib');
  const veth = uniqueName('ve'), peer = uniqueName('vp'), br = uniqueName('br'), port = uniqueName('po');
  const portPeer = uniqueName('pp'), tap = uniqueName('tap'), tun = uniqueName('tun');
  await a.ip('link', 'add', veth, 'type', 'veth', 'peer', 'name', peer, 'netns', b.name);
  await a.ip('addr', 'add', '10.61.0.1/24', 'dev', veth);
  await b.ip('addr', 'add', '10.61.0.2/24', 'dev', peer);
  await a.ip('link', 'set', veth, 'up');
  await b.ip('link', 'set', peer, 'up');
  await a.ip('link', 'add', br, 'type', 'bridge');
  await a.ip('link', 'add', port, 'type', 'veth', 'peer', 'name', portPeer);
  await a.ip('link', 'set', port, 'master', br);
  await a.ip('tuntap', 'add', 'mode', 'tap', tap);
  await a.ip('link', 'set', tap, 'master', br);
  await a.ip('addr', 'add', '10.62.0.1/24', 'dev', br);
  for (const d of [br, port, portPeer]) await a.ip('link', 'set', d, 'up');
  await a.ip('link', 'add', 'vx0', 'type', 'vxlan', 'id', '42', 'dstport', '4789', 'remote', '10.61.0.2', 'dev', veth);
  await a.ip('link', 'add', 'mv0', 'link', veth, 'type', 'macvlan', 'mode', 'bridge');
  // The article's mytun: a process at the end of a TUN device, in namespace a.
  const holder = a.start([process.execPath, join(repoRoot, 'dist', 'test', 'helpers', 'tun-holder.js'), tun, '172.21.22.23/24']);
  t.teardown(() => holder.kill());
  await holder.waitFor(/ready/);
  return { a, b, veth, peer, br, port, portPeer, tap, tun, holder };
}

async function ifaces(args: string[], where?: Netns): Promise<Detail[]> {
  const argv = [process.execPath, vcapBin, 'ifaces', '--json', ...args];
  const r = where ? await where.exec(argv) : await run(argv);
  if (r.code !== 0) throw new Error(`vcap ifaces → ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as Detail[];
}

const byName = (list: Detail[], name: string): Detail => {
  const d = list.find((x) => x.name === name);
  if (!d) throw new Error(`${name} not listed`);
  return d;
};

async function ipLinks(ns: Netns): Promise<IpLink[]> {
  return JSON.parse(await ns.ip('-j', 'addr', 'show')) as IpLink[];
}

test('ifaces --json --netns: tun (with its process), tap, veth (peer and its namespace), bridge (ports), vxlan, macvlan', async (t) => {
  const w = await world(t);
  const list = await ifaces(['--netns', w.a.name]);
  const peerIndex = (await ipLinks(w.b)).find((l) => l.ifname === w.peer)!.ifindex;
  const veth = byName(list, w.veth);
  t.is(veth.kind, 'veth');
  t.is(veth.netns, w.a.name);
  t.deepEqual(veth.peer, { index: peerIndex, name: w.peer, netns: w.b.name });
  t.deepEqual(veth.addresses.filter((x) => !x.startsWith('fe80')), ['10.61.0.1/24']);

  const br = byName(list, w.br);
  t.is(br.kind, 'bridge');
  t.deepEqual(br.ports!.map((p) => p.name).sort(), [w.port, w.tap].sort());
  t.deepEqual(br.addresses.filter((x) => !x.startsWith('fe80')), ['10.62.0.1/24']);
  const port = byName(list, w.port);
  t.like(port, { kind: 'veth', master: { name: w.br, kind: 'bridge' }, peer: { name: w.portPeer, netns: w.a.name } });

  const tap = byName(list, w.tap);
  t.like(tap, { kind: 'tap', master: { name: w.br, kind: 'bridge' } });
  t.deepEqual(tap.tun, { flags: ['persist'], processes: [] }, 'made by `ip tuntap add`: persistent, held by nobody');

  const tun = byName(list, w.tun);
  t.is(tun.kind, 'tun');
  t.is(tun.mac, null);
  t.deepEqual(tun.addresses, ['172.21.22.23/24']);
  t.is(tun.tun!.processes.length, 1);
  t.is(tun.tun!.processes[0]!.command, 'tun-holder.js', 'the script, not the interpreter running it');
  const pids = (await w.a.exec(['sh', '-c', `for p in /proc/[0-9]*; do ls -l $p/fd 2>/dev/null | grep -q /dev/net/tun && echo \${p#/proc/}; done`])).stdout.trim().split('\n').map(Number);
  t.true(pids.includes(tun.tun!.processes[0]!.pid), `holder among ${pids.join(',')}`);

  t.like(byName(list, 'vx0'), { kind: 'vxlan', id: 42, parent: { name: w.veth, netns: w.a.name } });
  t.like(byName(list, 'mv0'), { kind: 'macvlan', mode: 'bridge', parent: { name: w.veth, netns: w.a.name } });
  t.like(byName(list, 'lo'), { kind: 'loopback', speed: null });

  // Seen from the other side: the peer's peer is the veth, in namespace a.
  const fromB = await ifaces([], w.b);
  t.deepEqual(byName(fromB, w.peer).peer, { index: veth.index, name: w.veth, netns: w.a.name });
});

test('ifaces agrees with `ip -j addr` and ethtool on index, MTU, state, MAC, addresses and claimed speed', async (t) => {
  const w = await world(t);
  const list = await ifaces(['--netns', w.a.name]);
  const ip = await ipLinks(w.a);
  t.deepEqual(list.map((d) => d.name), ip.map((l) => l.ifname));
  for (const l of ip) {
    const d = byName(list, l.ifname);
    t.is(d.index, l.ifindex, l.ifname);
    t.is(d.mtu, l.mtu, l.ifname);
    t.is(d.state, l.operstate.toLowerCase(), l.ifname);
    t.is(d.mac, l.link_type === 'none' ? null : l.address ?? null, l.ifname);
    t.deepEqual(d.addresses, l.addr_info.map((x) => `${x.local}/${x.prefixlen}`), l.ifname);
    const eth = await w.a.exec(['ethtool', l.ifname]);
    const said = /Speed: (\S+)/.exec(eth.stdout)?.[1];
    const ours = d.speed === null ? undefined : d.speed.mbps === null ? 'Unknown!' : `${d.speed.mbps}Mb/s`;
    t.is(ours, said, `${l.ifname}: ethtool says ${said}`);
  }
  t.like(byName(list, w.veth), { speed: { mbps: 10000, duplex: 'full' } });
});

test('-D --netns: tcpdump\'s list, with what each virtual device is in its parentheses; --json with every detail', async (t) => {
  const w = await world(t);
  const r = await run([process.execPath, vcapBin, '-D', '--netns', w.a.name]);
  t.is(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => l.replace(/^\d+\./, ''));
  const line = (name: string): string => lines.find((l) => l.startsWith(`${name} `)) ?? `${name} missing`;
  t.regex(line(w.veth), new RegExp(`^${w.veth} \\(veth, peer ${w.peer}@${w.b.name}\\) \\[Up, Running, Connected\\]$`));
  t.regex(line(w.br), new RegExp(`^${w.br} \\(bridge, ports (${w.port} ${w.tap}|${w.tap} ${w.port})\\) \\[`));
  t.regex(line(w.tap), new RegExp(`^${w.tap} \\(tap, bridge port of ${w.br}, held by no process\\) \\[`));
  t.regex(line(w.tun), new RegExp(`^${w.tun} \\(tun, held by tun-holder\\.js\\[\\d+\\]\\) \\[Up, Running, Connected\\]$`));
  t.is(line('lo'), 'lo [Up, Running, Loopback]');
  // The same list as run inside the namespace, where tcpdump would be.
  const inside = await w.a.exec([process.execPath, vcapBin, '-D']);
  t.is(inside.stdout, r.stdout);
  // --json: the same entries, numbered alike, each with the inventory's detail (null for any).
  const j = await run([process.execPath, vcapBin, '-D', '--json', '--netns', w.a.name]);
  t.is(j.code, 0, j.stderr);
  const entries = JSON.parse(j.stdout) as { index: number; name: string; description: string; detail: Detail | null }[];
  t.deepEqual(entries.map((e) => `${e.index}.${e.name}`), r.stdout.trim().split('\n').map((l) => /^\d+\.\S+/.exec(l)![0]));
  t.is(entries.find((e) => e.name === 'any')!.detail, null);
  t.like(entries.find((e) => e.name === w.veth)!.detail, { kind: 'veth', peer: { name: w.peer, netns: w.b.name } });
  t.deepEqual(entries.find((e) => e.name === w.br)!.detail!.ports!.map((p) => p.name).sort(), [w.port, w.tap].sort());
});

test('an unknown namespace or interface is one line and status 1', async (t) => {
  const none = uniqueName('nons');
  for (const [argv, message] of [
    [['ifaces', '--netns', none], `vcap: network namespace ${none}: not found (no /run/netns/${none}; a PID or the path of a namespace file also do)\n`],
    [['-D', '--netns', none], `vcap: network namespace ${none}: not found (no /run/netns/${none}; a PID or the path of a namespace file also do)\n`],
    [['ifaces', '--netns', '/etc/hostname'], 'vcap: network namespace /etc/hostname: /etc/hostname is not a network namespace file\n'],
    [['ifaces', 'nosuch0'], 'vcap: nosuch0: No such device exists\n'],
    [['ifaces', '--bogus'], "vcap: ifaces: unrecognized option '--bogus' (vcap ifaces -h for usage)\n"],
  ] as const) {
    const r = await run([process.execPath, vcapBin, ...argv]);
    t.deepEqual([r.code, r.stdout, r.stderr], [1, '', message], argv.join(' '));
  }
});
