// --reply: vcap answers for the hosts behind the TUN/TAP device it holds. ping is the judge of the
// replies (loss, data, TTL); tcpdump on the same device is the judge of what vcap prints (both
// directions, byte-identical lines) and of the checksums (-v verifies them).
import test from 'ava';
import type { ExecutionContext } from 'ava';
import { Netns, SETTLE_MS, sleep, vcapBin, withoutTimes } from '../helpers/netns.js';
import type { Running } from '../helpers/netns.js';

/** IPv6 back on in a namespace the helper made (it turns it off), without router solicitations. */
async function withIpv6(ns: Netns): Promise<void> {
  await ns.exec(['sh', '-c', 'for k in all default lo; do echo 0 > /proc/sys/net/ipv6/conf/$k/disable_ipv6; done; '
    + 'echo 0 > /proc/sys/net/ipv6/conf/default/router_solicitations']);
}

/** vcap and tcpdump on the same device, with the same filter; tcpdump starts once vcap has made the device. */
async function sideBySide(t: ExecutionContext, ns: Netns, vcapArgs: string[], dev: string, tcpdumpArgs: string[], filter: string): Promise<{ vcap: Running; tcpdump: Running }> {
  const vcap = ns.vcap([...vcapArgs, filter]);
  t.teardown(() => vcap.kill());
  await vcap.waitFor(new RegExp(`listening on ${dev}`));
  const tcpdump = ns.start(['tcpdump', '-i', dev, '-l', '--immediate-mode', ...tcpdumpArgs, filter]);
  t.teardown(() => tcpdump.kill());
  await tcpdump.waitFor(/listening on/);
  return { vcap, tcpdump };
}

/** Until the kernel has finished duplicate address detection on `dev` (a tentative address cannot be pinged from). */
async function dadDone(ns: Netns, dev: string): Promise<void> {
  for (let i = 0; i < 100 && (await ns.ip('-6', 'addr', 'show', 'dev', dev, 'tentative')).trim() !== ''; i++) await sleep(100);
}

function pingOk(t: ExecutionContext, out: string, n: number): void {
  t.regex(out, new RegExp(`${n} packets transmitted, ${n} received, 0% packet loss`), out);
  t.notRegex(out, /wrong data|DUP!|truncated/, out);
}

async function stopBoth(p: { vcap: Running; tcpdump: Running }): Promise<{ vcap: string; tcpdump: string; vcapErr: string }> {
  await sleep(SETTLE_MS);
  const [v, d] = await Promise.all([p.vcap.stop('SIGINT'), p.tcpdump.stop('SIGINT')]);
  if (v.code !== 0) throw new Error(`vcap exited ${v.code}: ${v.stderr}`);
  return { vcap: v.stdout, tcpdump: d.stdout, vcapErr: v.stderr };
}

test('tun0 --reply: ping -c 4 172.21.22.26 and fd00:21:22::26 get every reply; vcap prints both directions as tcpdump does', async (t) => {
  const ns = await Netns.create(t, 'vrtun');
  await withIpv6(ns);
  const p = await sideBySide(t, ns, ['--tun', 'tun0', '--addr', '172.21.22.23/24', '--addr', 'fd00:21:22::23/64', '--reply', '-n', '-v'],
    'tun0', ['-n', '-v'], 'host 172.21.22.26 or host fd00:21:22::26');
  const v4 = await ns.exec(['ping', '-c', '4', '-i', '0.2', '-W', '2', '172.21.22.26']);
  pingOk(t, v4.stdout, 4);
  t.regex(v4.stdout, /64 bytes from 172\.21\.22\.26: icmp_seq=1 ttl=64 /);
  const v6 = await ns.exec(['ping', '-6', '-c', '4', '-i', '0.2', '-W', '2', 'fd00:21:22::26']);
  pingOk(t, v6.stdout, 4);
  t.regex(v6.stdout, /64 bytes from fd00:21:22::26: icmp_seq=1 ttl=64 /);
  const r = await stopBoth(p);
  const lines = withoutTimes(r.vcap);
  t.deepEqual(lines, withoutTimes(r.tcpdump));
  // Each request followed by its reply: IPv4 (two lines each with -v), then IPv6 (one line each).
  const id4 = /ICMP echo request, id (\d+),/.exec(r.vcap)![1]!, id6 = /ICMP6, echo request, id (\d+),/.exec(r.vcap)![1]!;
  const expected: RegExp[] = [];
  for (let k = 1; k <= 4; k++) {
    expected.push(/^IP \(tos 0x0, ttl 64, id \d+, offset 0, flags \[DF\], proto ICMP \(1\), length 84\)$/,
      new RegExp(`^    172\\.21\\.22\\.23 > 172\\.21\\.22\\.26: ICMP echo request, id ${id4}, seq ${k}, length 64$`),
      /^IP \(tos 0x0, ttl 64, id \d+, offset 0, flags \[none\], proto ICMP \(1\), length 84\)$/,
      new RegExp(`^    172\\.21\\.22\\.26 > 172\\.21\\.22\\.23: ICMP echo reply, id ${id4}, seq ${k}, length 64$`));
  }
  for (let k = 1; k <= 4; k++) {
    expected.push(new RegExp(`^IP6 \\(flowlabel 0x[0-9a-f]+, hlim 64, next-header ICMPv6 \\(58\\) payload length: 64\\) fd00:21:22::23 > fd00:21:22::26: \\[icmp6 sum ok\\] ICMP6, echo request, id ${id6}, seq ${k}$`),
      new RegExp(`^IP6 \\(hlim 64, next-header ICMPv6 \\(58\\) payload length: 64\\) fd00:21:22::26 > fd00:21:22::23: \\[icmp6 sum ok\\] ICMP6, echo reply, id ${id6}, seq ${k}$`));
  }
  t.is(lines.length, expected.length, r.vcap);
  lines.forEach((l, i) => t.regex(l, expected[i]!));
  // The replies are counted as frames of the device, as tcpdump counts what it sees.
  t.regex(r.vcapErr, /\n16 packets captured\n16 packets received by filter\n0 packets dropped by kernel\n$/);
});

test('tap0 --reply: ARP and neighbour solicitations answered with 02:76:63:…, then ping and ping -6 get every reply', async (t) => {
  const ns = await Netns.create(t, 'vrtap');
  await withIpv6(ns);
  const p = await sideBySide(t, ns, ['--tap', 'tap0', '--addr', '172.21.23.1/24', '--addr', 'fd00:23::1/64', '--reply', '-n', '-e', '-v'],
    'tap0', ['-n', '-e', '-v'], 'arp or host 172.21.23.9 or host fd00:23::9 or host ff02::1:ff00:9');
  await dadDone(ns, 'tap0');
  const mac = /link\/ether ([0-9a-f:]+)/.exec(await ns.ip('link', 'show', 'tap0'))![1]!;
  pingOk(t, (await ns.exec(['ping', '-c', '4', '-i', '0.2', '-W', '2', '172.21.23.9'])).stdout, 4);
  pingOk(t, (await ns.exec(['ping', '-6', '-c', '4', '-i', '0.2', '-W', '2', 'fd00:23::9'])).stdout, 4);
  const neigh = await ns.ip('neigh', 'show', 'dev', 'tap0');
  t.regex(neigh, /^172\.21\.23\.9 lladdr 02:76:63:15:17:09 (REACHABLE|STALE|DELAY)/m);
  t.regex(neigh, /^fd00:23::9 lladdr 02:76:63:00:00:09 (REACHABLE|STALE|DELAY)/m);
  const r = await stopBoth(p);
  const lines = withoutTimes(r.vcap);
  t.deepEqual(lines, withoutTimes(r.tcpdump));
  const text = lines.join('\n');
  const arp = lines.filter((l) => l.includes('ARP'));
  t.deepEqual(arp, [
    `${mac} > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: Ethernet (len 6), IPv4 (len 4), Request who-has 172.21.23.9 tell 172.21.23.1, length 28`,
    `02:76:63:15:17:09 > ${mac}, ethertype ARP (0x0806), length 42: Ethernet (len 6), IPv4 (len 4), Reply 172.21.23.9 is-at 02:76:63:15:17:09, length 28`,
  ]);
  t.regex(text, new RegExp(`^02:76:63:00:00:09 > ${mac}, ethertype IPv6 \\(0x86dd\\), length 86: \\(hlim 255, next-header ICMPv6 \\(58\\) payload length: 32\\) fd00:23::9 > fd00:23::1: \\[icmp6 sum ok\\] ICMP6, neighbor advertisement, length 32, tgt is fd00:23::9, Flags \\[solicited, override\\]$`, 'm'));
  t.is(lines.filter((l) => l.startsWith(`${mac} > 02:76:63:15:17:09, ethertype IPv4`)).length, 4);
  t.is(lines.filter((l) => l.startsWith(`02:76:63:15:17:09 > ${mac}, ethertype IPv4 (0x0800), length 98: (tos 0x0, ttl 64, id `)).length, 4);
  t.is(lines.filter((l) => /^ {4}172\.21\.23\.9 > 172\.21\.23\.1: ICMP echo reply, id \d+, seq [1-4], length 64$/.test(l)).length, 4);
  t.is(lines.filter((l) => l.startsWith(`02:76:63:00:00:09 > ${mac}, ethertype IPv6 (0x86dd), length 118: (hlim 64, next-header ICMPv6 (58) payload length: 64) fd00:23::9 > fd00:23::1: [icmp6 sum ok] ICMP6, echo reply`)).length, 4);
  t.notRegex(text, /bad cksum|wrong/);
});

test('--reply answers what the filter hides, large and fast: ping -f -s 1400 through tun0, nothing printed for it', async (t) => {
  const ns = await Netns.create(t, 'vrflood');
  const vcap = ns.vcap(['--tun', 'tun0', '--addr', '172.21.24.1/24', '--reply', '-n', 'udp']);
  t.teardown(() => vcap.kill());
  await vcap.waitFor(/listening on tun0/);
  const r = await ns.exec(['ping', '-f', '-c', '500', '-s', '1400', '-W', '2', '172.21.24.77']);
  pingOk(t, r.stdout, 500);
  const v = await vcap.stop('SIGINT');
  t.is(v.code, 0, v.stderr);
  t.is(v.stdout, '\n');   // tcpdump's newline after an interrupted capture, nothing else
  t.regex(v.stderr, /\n0 packets captured\n1000 packets received by filter\n/);
});

test('--reply leaves alone what no host behind the device would answer: outside the subnet, the network address', async (t) => {
  const ns = await Netns.create(t, 'vrno');
  const vcap = ns.vcap(['--tun', 'tun0', '--addr', '172.21.25.1/24', '--reply', '-n']);
  t.teardown(() => vcap.kill());
  await vcap.waitFor(/listening on tun0/);
  await ns.ip('route', 'add', '10.99.0.0/24', 'dev', 'tun0');
  for (const dst of ['10.99.0.5', '172.21.25.0']) {
    const r = await ns.exec(['ping', '-c', '2', '-i', '0.2', '-W', '1', dst]);
    t.regex(r.stdout, /2 packets transmitted, 0 received, 100% packet loss/, dst);
  }
  await sleep(SETTLE_MS);
  const v = await vcap.stop('SIGINT');
  t.is(v.code, 0, v.stderr);
  const lines = withoutTimes(v.stdout).map((l) => l.replace(/id \d+/, 'id N'));
  t.deepEqual(lines, [
    'IP 172.21.25.1 > 10.99.0.5: ICMP echo request, id N, seq 1, length 64',
    'IP 172.21.25.1 > 10.99.0.5: ICMP echo request, id N, seq 2, length 64',
    'IP 172.21.25.1 > 172.21.25.0: ICMP echo request, id N, seq 1, length 64',
    'IP 172.21.25.1 > 172.21.25.0: ICMP echo request, id N, seq 2, length 64',
  ]);
});

test('--reply errors: without --tun/--tap, and two IPv4 --addr: one vcap line each', async (t) => {
  const ns = await Netns.create(t, 'vrerr');
  const a = await ns.exec([process.execPath, vcapBin, '-i', 'lo', '--reply']);
  t.is(a.code, 1);
  t.is(a.stderr, 'vcap: --reply needs --tun or --tap (vcap answers for the hosts behind a device it holds)\n');
  const b = await ns.exec([process.execPath, vcapBin, '--tun', 'tun0', '--addr', '10.1.0.1/24', '--addr', '10.2.0.1/24', '--reply']);
  t.is(b.code, 1);
  t.is(b.stderr, 'vcap: --addr: one IPv4 address per device (IPv6 addresses may be added besides it)\n');
  t.false((await ns.ip('link', 'show')).includes('tun0'));
});
