// -L and -y: the link types a device offers, as tcpdump lists them (Ethernet and DOCSIS on veth, TAP
// and bridges, Ethernet alone on loopback, raw IP on TUN, both cooked headers on `any`), and a capture
// given one of them: the lines and the files tcpdump makes of the same traffic.
import test from 'ava';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Netns, sideBySide, vcapBin, vethPair } from '../helpers/netns.js';

const tmp = mkdtempSync(join(tmpdir(), 'vcap-dlt-'));
test.after.always(() => rmSync(tmp, { recursive: true, force: true }));

test('-L lists what tcpdump -L lists for every kind of device, on stderr, and refuses a device that is not up', async (t) => {
  const ns = await Netns.create(t, 'vdlt');
  await ns.ip('link', 'add', 've0', 'type', 'veth', 'peer', 'name', 've1');
  await ns.ip('link', 'add', 'br9', 'type', 'bridge');
  await ns.ip('tuntap', 'add', 'dev', 'tn9', 'mode', 'tun');
  await ns.ip('tuntap', 'add', 'dev', 'tp9', 'mode', 'tap');
  for (const d of ['ve0', 'br9', 'tn9', 'tp9', 'lo']) await ns.ip('link', 'set', d, 'up');
  for (const args of [[], ['-i', 'any'], ['-i', 'lo'], ['-i', 've0'], ['-i', 'br9'], ['-i', 'tn9'], ['-i', 'tp9'], ['-i', 've1'], ['-i', '2']]) {
    const v = await ns.exec([process.execPath, vcapBin, '-L', ...args]);
    const d = await ns.exec(['tcpdump', '-L', ...args]);
    t.is(v.stderr, d.stderr.replace(/^tcpdump: /, 'vcap: '), args.join(' '));
    t.is(v.stdout, '', args.join(' '));
    t.is(v.code, d.code, args.join(' '));
  }
  // A device in another namespace is named as vcap names it when it captures there.
  const other = await ns.exec([process.execPath, vcapBin, '-L', '-i', `tn9@${ns.name}`]);
  t.is(other.stderr, `Data link types for tn9@${ns.name} (use option -y to set):\n  RAW (Raw IP)\n`);
});

test('-y: LINUX_SLL on any, DOCSIS on a veth device, EN10MB as the default: what tcpdump captures; a type the device does not offer, or no such type, refused as tcpdump does', async (t) => {
  const { a, b, ipB, ifA, ifB } = await vethPair(t, 48);
  // -i any -y LINUX_SLL: cooked v1 lines, side by side with tcpdump.
  const lines = await sideBySide(t, a.vcap(['-i', 'any', '-y', 'LINUX_SLL', '-n', '-e', 'icmp']), a.start(['tcpdump', '-i', 'any', '-y', 'LINUX_SLL', '-n', '-e', '--immediate-mode', 'icmp']),
    () => a.exec(['ping', '-c', '2', '-i', '0.2', ipB]));
  t.is(lines.tcpdump.length, 4);
  t.deepEqual(lines.vcap, lines.tcpdump);
  t.true(lines.stderr.startsWith('vcap: data link type LINUX_SLL\n'), lines.stderr);
  t.true(lines.stderr.includes('listening on any, link-type LINUX_SLL (Linux cooked v1), snapshot length 262144 bytes'), lines.stderr);
  // -y DOCSIS (in any case) on the veth device: the frames as they come, in a file labelled DOCSIS.
  // libpcap filters DOCSIS by link[…] only (vcap not at all): no filter, and no IPv6 to send
  // neighbour discovery beside the pings (the neighbours are static).
  await a.exec(['sysctl', '-q', '-w', `net.ipv6.conf.${ifA}.disable_ipv6=1`]);
  await b.exec(['sysctl', '-q', '-w', `net.ipv6.conf.${ifB}.disable_ipv6=1`]);
  const vf = join(tmp, 'v.pcap'), tf = join(tmp, 't.pcap');
  const v = a.vcap(['-i', ifA, '-y', 'docsis', '-w', vf]), d = a.start(['tcpdump', '-i', ifA, '-y', 'docsis', '-w', tf, '--immediate-mode']);
  await sideBySide(t, v, d, () => a.exec(['ping', '-c', '2', '-i', '0.2', ipB]));
  const records = (f: string): Buffer[] => {
    const b = readFileSync(f), out: Buffer[] = [];
    for (let o = 24; o + 16 <= b.length; o += 16 + b.readUInt32LE(o + 8)) out.push(b.subarray(o + 16, o + 16 + b.readUInt32LE(o + 8)));
    return out;
  };
  t.is(readFileSync(vf).readUInt32LE(20), 143);
  t.is(readFileSync(tf).readUInt32LE(20), 143);
  t.is(records(tf).length, 4);
  t.deepEqual(records(vf), records(tf));
  // Refusals: a type the device does not offer, a name libpcap does not know (even with -r), -y with --tun.
  for (const args of [['-i', ifA, '-y', 'LINUX_SLL2'], ['-i', 'lo', '-y', 'DOCSIS'], ['-i', 'any', '-y', 'EN10MB'], ['-i', ifA, '-y', 'FOO'], ['-y', '1', '-i', ifA]]) {
    const r = await a.exec([process.execPath, vcapBin, ...args, '-c', '1']);
    const want = await a.exec(['tcpdump', ...args, '-c', '1']);
    t.is(r.code, 1, args.join(' '));
    t.is(r.stderr, want.stderr.replace(/^tcpdump: /, 'vcap: '), args.join(' '));
  }
  const tun = await a.exec([process.execPath, vcapBin, '--tun', 'tunx', '-y', 'RAW', '-c', '1']);
  t.is(tun.code, 1);
  t.regex(tun.stderr, /^vcap: -y picks the link type of a capture with -i/);
});
