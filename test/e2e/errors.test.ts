// What a user sees when live capture cannot start or stops underneath: one `vcap: …` line and a
// non-zero status, never a stack trace; a -w file stays readable up to its last packet.
import test from 'ava';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Netns, repoRoot, run, sleep, vcapBin, vethPair } from '../helpers/netns.js';

test('no such device', async (t) => {
  const ns = await Netns.create(t, 'verr');
  const r = await ns.exec([process.execPath, vcapBin, '-i', 'nosuch0', '-n']);
  t.not(r.code, 0);
  t.is(r.stdout, '');
  t.is(r.stderr, 'vcap: nosuch0: No such device exists\n');
});

test('no permission: without CAP_NET_RAW the socket is refused, with a hint', async (t) => {
  const r = await run(['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups', '--inh-caps=-all', '--bounding-set=-all',
    process.execPath, vcapBin, '-i', 'lo', '-n']);
  t.not(r.code, 0);
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  t.is(lines.length, 1, r.stderr);
  t.regex(lines[0]!, /^vcap: .*socket: Operation not permitted/);
  t.regex(lines[0]!, /CAP_NET_RAW/);
});

test('no permission: --tun without CAP_NET_ADMIN', async (t) => {
  const r = await run(['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups', '--inh-caps=-all', '--bounding-set=-all',
    process.execPath, vcapBin, '--tun', 'vcapperm0', '-n']);
  t.not(r.code, 0);
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  t.is(lines.length, 1, r.stderr);
  t.regex(lines[0]!, /^vcap: .*(Operation not permitted|Permission denied)/);
  t.regex(lines[0]!, /CAP_NET_ADMIN/);
});

test('the interface deleted while capturing: one line, non-zero status, the -w file valid', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'vcap-del-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'cut.pcap');
  const { a, ifA, ipB } = await vethPair(t, 36);
  const vcap = a.vcap(['-i', ifA, '-w', file]);
  t.teardown(() => vcap.kill());
  await vcap.waitFor(/listening on/);
  await a.exec(['ping', '-c', '4', '-i', '0.2', ipB]);
  await sleep(400);
  await a.ip('link', 'del', ifA);
  const r = await vcap.exited;
  t.not(r.code, 0);
  t.regex(r.stderr, new RegExp(`^vcap: ${ifA}: The interface disappeared$`, 'm'));
  t.notRegex(r.stderr, /\n\s+at /);
  const info = await run(['capinfos', '-c', '-M', file]);
  t.is(info.code, 0, info.stderr);
  t.regex(info.stdout, /Number of packets:\s+8\n/);
});

test('the interface going down and up again does not end the capture', async (t) => {
  const { a, ifA, ipB } = await vethPair(t, 38);
  const vcap = a.vcap(['-i', ifA, '-n']);
  t.teardown(() => vcap.kill());
  await vcap.waitFor(/listening on/);
  await a.exec(['ping', '-c', '1', ipB]);
  await sleep(400);
  await a.ip('link', 'set', ifA, 'down');
  await sleep(300);
  await a.ip('link', 'set', ifA, 'up');
  await a.ip('neigh', 'replace', ipB, 'lladdr', '02:00:00:00:00:02', 'dev', ifA, 'nud', 'permanent');
  await a.exec(['ping', '-c', '1', '-W', '2', ipB]);
  await sleep(400);
  const r = await vcap.stop();
  t.is(r.code, 0, r.stderr);
  const lines = r.stdout.split('\n').filter((l) => l.includes('ICMP echo'));
  t.is(lines.length, 4, r.stdout);
});

test('a device that is down, as tcpdump words it', async (t) => {
  const ns = await Netns.create(t, 'verr');
  await ns.ip('link', 'add', 'dn0', 'type', 'veth', 'peer', 'name', 'dn1');
  const r = await ns.exec([process.execPath, vcapBin, '-i', 'dn0', '-n']);
  t.is(r.code, 1);
  t.is(r.stderr, 'vcap: dn0: That device is not up\n');
});

test('--tun on a device another program holds', async (t) => {
  const ns = await Netns.create(t, 'verr');
  const holder = ns.start([process.execPath, join(repoRoot, 'dist', 'test', 'helpers', 'tun-holder.js'), 'tun0']);
  t.teardown(() => holder.kill());
  await holder.waitFor(/ready tun0/);
  const r = await ns.exec([process.execPath, vcapBin, '--tun', 'tun0', '-n']);
  t.is(r.code, 1);
  t.is(r.stderr, 'vcap: tun0: the device is in use by another program (capture it with -i tun0)\n');
});

test('--tun: the device deleted under vcap ends it with one line', async (t) => {
  const ns = await Netns.create(t, 'verr');
  const vcap = ns.vcap(['--tun', 'tun0', '--addr', '172.21.22.23/24', '-n']);
  t.teardown(() => vcap.kill());
  await vcap.waitFor(/listening on tun0/);
  await ns.exec(['ping', '-c', '1', '-W', '1', '172.21.22.26']);
  await sleep(200);
  await ns.ip('link', 'del', 'tun0');
  const r = await vcap.exited;
  t.is(r.code, 1);
  t.regex(r.stderr, /^vcap: tun0: The interface disappeared$/m);
  t.regex(r.stderr, /^1 packet captured$/m);
  t.notRegex(r.stderr, /\n\s+at /);
});
