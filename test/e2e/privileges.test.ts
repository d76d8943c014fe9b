// -Z USER / --relinquish-privileges=USER: once the socket (or TUN device) and the first -w file are
// open, vcap runs as USER — checked in /proc/PID/status while it captures — and its files belong to
// USER. Without CAP_NET_RAW / CAP_NET_ADMIN it says which capability is missing, as tcpdump does.
// While capturing it holds only the descriptors it needs (one packet socket, or the TUN fd).
import test from 'ava';
import { chmodSync, readFileSync, readdirSync, readlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Netns, repoRoot, run, sleep, vcapBin, vethPair } from '../helpers/netns.js';
import { tempDir } from '../pcap/helpers.js';

const noStack = /\n\s+at /;

function status(pid: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of readFileSync(`/proc/${pid}/status`, 'latin1').split('\n')) {
    const i = l.indexOf(':');
    if (i > 0) out[l.slice(0, i)] = l.slice(i + 1).trim();
  }
  return out;
}

function fds(pid: number): string[] {
  const dir = `/proc/${pid}/fd`;
  return readdirSync(dir).map((f) => { try { return readlinkSync(join(dir, f)); } catch { return ''; } }).filter((l) => l !== '');
}

/**
 * The privileged sockets among a process's descriptors, by kind: AF_PACKET, netlink and raw IP
 * sockets are listed with their inode in /proc/PID/net/*. (Node's own sockets — the socketpairs
 * its parent gave it as stdout and stderr — are AF_UNIX and count for nothing here.)
 */
function privilegedSockets(pid: number): { packet: number; netlink: number; raw: number } {
  const held = new Set(fds(pid).flatMap((l) => /^socket:\[(\d+)\]$/.exec(l)?.[1] ?? []));
  const inodes = (file: string, column: number): string[] => {
    try {
      return readFileSync(`/proc/${pid}/net/${file}`, 'latin1').split('\n').slice(1).map((l) => l.trim().split(/\s+/)[column] ?? '').filter((x) => x !== '');
    } catch { return []; }
  };
  const count = (list: string[]): number => list.filter((i) => held.has(i)).length;
  return { packet: count(inodes('packet', 8)), netlink: count(inodes('netlink', 9)), raw: count([...inodes('raw', 9), ...inodes('raw6', 9)]) };
}

async function user(name: string): Promise<{ uid: number; gid: number; groups: string }> {
  const uid = Number((await run(['id', '-u', name])).stdout), gid = Number((await run(['id', '-g', name])).stdout);
  const groups = (await run(['id', '-G', name])).stdout.trim().split(/\s+/).map(Number).sort((x, y) => x - y).join(' ');
  return { uid, gid, groups };
}

test('-Z nobody: live capture runs as nobody (uid, gid, groups, no capabilities), the -w file is nobody\'s, one socket held', async (t) => {
  const nobody = await user('nobody');
  const dir = tempDir(t);
  const file = join(dir, 'z.pcap');
  const { a, ifA, ipB } = await vethPair(t, 51);
  const vcap = a.vcap(['-i', ifA, '-Z', 'nobody', '-w', file]);
  t.teardown(() => vcap.kill());
  await vcap.waitFor(/listening on/);
  await a.exec(['ping', '-c', '2', '-i', '0.2', ipB]);
  const st = status(vcap.pid);
  t.is(st['Uid'], `${nobody.uid}\t${nobody.uid}\t${nobody.uid}\t${nobody.uid}`);
  t.is(st['Gid'], `${nobody.gid}\t${nobody.gid}\t${nobody.gid}\t${nobody.gid}`);
  t.is((st['Groups'] ?? '').split(/\s+/).filter((g) => g !== '').map(Number).sort((x, y) => x - y).join(' '), nobody.groups);
  t.is(st['CapEff'], '0000000000000000');
  t.is(st['CapPrm'], '0000000000000000');
  const open = fds(vcap.pid);
  t.deepEqual(privilegedSockets(vcap.pid), { packet: 1, netlink: 0, raw: 0 }, open.join(' '));
  t.false(open.some((l) => l === '/dev/net/tun'), open.join(' '));
  await sleep(300);
  const r = await vcap.stop();
  t.is(r.code, 0, r.stderr);
  t.regex(r.stderr, /^4 packets captured$/m);
  const s = statSync(file);
  t.is(s.uid, nobody.uid);
  t.is(s.gid, nobody.gid);
  t.is((await run(['capinfos', '-c', '-M', file])).stdout.match(/Number of packets:\s+(\d+)/)?.[1], '4');
});

test('--relinquish-privileges=nobody with --tun: the TUN fd is the only device held, and the process is nobody\'s', async (t) => {
  const nobody = await user('nobody');
  const ns = await Netns.create(t, 'vpriv');
  const vcap = ns.vcap(['--tun', 'tun0', '--addr', '172.21.25.1/24', '-n', '--relinquish-privileges=nobody']);
  t.teardown(() => vcap.kill());
  await vcap.waitFor(/listening on tun0/);
  await ns.exec(['ping', '-c', '1', '-W', '1', '172.21.25.9']);
  const st = status(vcap.pid);
  t.is(st['Uid']!.split('\t')[0], String(nobody.uid));
  t.is(st['CapEff'], '0000000000000000');
  const open = fds(vcap.pid);
  t.is(open.filter((l) => l === '/dev/net/tun').length, 1, open.join(' '));
  t.deepEqual(privilegedSockets(vcap.pid), { packet: 0, netlink: 0, raw: 0 }, open.join(' '));
  await sleep(300);
  const r = await vcap.stop();
  t.is(r.code, 0, r.stderr);
  t.regex(r.stdout, /172\.21\.25\.1 > 172\.21\.25\.9: ICMP echo request/);
  // The device vcap made goes when its fd closes, whoever vcap has become.
  t.not((await ns.exec(['ip', 'link', 'show', 'tun0'])).code, 0);
});

test('-Z nobody with -C rotation: the files opened after the drop are created by nobody, each whole', async (t) => {
  const nobody = await user('nobody');
  const dir = tempDir(t);
  // As with tcpdump, the user must be able to create files where -w points.
  chmodSync(dir, 0o777);
  const file = join(dir, 'rot.pcap');
  const { a, ifA, ipB } = await vethPair(t, 52);
  const vcap = a.vcap(['-i', ifA, '-Z', 'nobody', '-C', '1', '-W', '3', '-w', file]);
  t.teardown(() => vcap.kill());
  await vcap.waitFor(/listening on/);
  // ~2.2 MB of echo requests and replies: at least three files of 1,000,000 bytes (the ring of -W 3).
  await a.exec(['ping', '-f', '-q', '-c', '2000', '-s', '500', ipB]);
  await sleep(300);
  const r = await vcap.stop();
  t.is(r.code, 0, r.stderr);
  const captured = Number(/^(\d+) packets captured$/m.exec(r.stderr)?.[1]);
  t.true(captured >= 4000, r.stderr);
  const names = readdirSync(dir).sort();
  t.deepEqual(names, ['rot.pcap0', 'rot.pcap1', 'rot.pcap2']);
  for (const n of names) {
    const s = statSync(join(dir, n));
    t.is(s.uid, nobody.uid, n);
    t.is(s.gid, nobody.gid, n);
    const info = await run(['capinfos', '-c', '-M', join(dir, n)]);
    t.is(info.code, 0, `${n}: ${info.stderr}`);
    t.true(Number(info.stdout.match(/Number of packets:\s+(\d+)/)?.[1]) > 0, n);
  }
});

test('-Z with -r: the output file is the user\'s; an unknown user is one line, as tcpdump words it', async (t) => {
  const nobody = await user('nobody');
  const dir = tempDir(t);
  const out = join(dir, 'r.pcap');
  const input = join(repoRoot, 'test', 'pcaps', 'golden', 'dns.pcap');
  const r = await run([process.execPath, vcapBin, '-Z', 'nobody', '-r', input, '-w', out]);
  t.is(r.code, 0, r.stderr);
  t.is(statSync(out).uid, nobody.uid);
  const bad = await run([process.execPath, vcapBin, '-Z', 'nosuchuser', '-r', input, '-n']);
  t.is(bad.code, 1);
  // tcpdump's order with -r: the reading line as soon as the file is open, then the -Z failure.
  t.is(bad.stderr, `reading from file ${input}, link-type EN10MB (Ethernet), snapshot length 262144\nvcap: Couldn't find user 'nosuchuser'\n`);
  t.is(bad.stdout, '');
  const ns = await Netns.create(t, 'vpriv');
  const live = await ns.exec([process.execPath, vcapBin, '-i', 'lo', '-Z', 'nosuchuser']);
  t.is(live.code, 1);
  t.is(live.stderr, 'vcap: Couldn\'t find user \'nosuchuser\'\n');
});

test('without CAP_NET_RAW or CAP_NET_ADMIN: the message names the device and the capability', async (t) => {
  const ns = await Netns.create(t, 'vpriv');
  const noCaps = ['setpriv', '--inh-caps=-all', '--bounding-set=-all'];
  const raw = await ns.exec([...noCaps, process.execPath, vcapBin, '-i', 'lo', '-n']);
  t.is(raw.code, 1);
  t.is(raw.stderr, 'vcap: lo: You don\'t have permission to perform this capture on that device (socket: Operation not permitted: capturing needs CAP_NET_RAW)\n');
  const tun = await ns.exec([...noCaps, process.execPath, vcapBin, '--tun', 'tun7', '-n']);
  t.is(tun.code, 1);
  t.is(tun.stderr, 'vcap: tun7: You don\'t have permission to create or attach to a TUN device (ioctl(TUNSETIFF): Operation not permitted: this needs CAP_NET_ADMIN)\n');
  t.notRegex(raw.stderr + tun.stderr, noStack);
});
