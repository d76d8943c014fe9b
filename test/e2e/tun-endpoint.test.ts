// The reference article's experiment with vcap as the program at the end of tun0: the kernel
// answers pings to its own address, and routes the others into tun0, where vcap prints them.
import test from 'ava';
import { Netns, SETTLE_MS, sleep, withoutTimes } from '../helpers/netns.js';

test('vcap --tun tun0 --addr 172.21.22.23/24 prints the four echo requests ping sends to 172.21.22.26', async (t) => {
  const ns = await Netns.create(t, 'vtun');
  const vcap = ns.vcap(['--tun', 'tun0', '--addr', '172.21.22.23/24', '-n']);
  t.teardown(() => vcap.kill());
  await vcap.waitFor(/listening on tun0/);
  t.regex(await ns.ip('addr', 'show', 'tun0'), /inet 172\.21\.22\.23\/24 /);
  t.regex(await ns.ip('route', 'show'), /^172\.21\.22\.0\/24 dev tun0 proto kernel scope link src 172\.21\.22\.23/m);
  // The kernel owns 172.21.22.23: this one is answered locally and never reaches tun0.
  const local = await ns.exec(['ping', '-c', '1', '-W', '1', '172.21.22.23']);
  t.is(local.code, 0);
  const routed = await ns.exec(['ping', '-c', '4', '-i', '0.2', '-W', '1', '172.21.22.26']);
  t.regex(routed.stdout, /4 packets transmitted, 0 received, 100% packet loss/);
  await sleep(SETTLE_MS);
  const r = await vcap.stop('SIGINT');
  t.is(r.code, 0, r.stderr);
  const lines = withoutTimes(r.stdout);
  t.is(lines.length, 4, r.stdout);
  const id = /id (\d+),/.exec(lines[0] ?? '')?.[1];
  t.deepEqual(lines, [1, 2, 3, 4].map((k) => `IP 172.21.22.23 > 172.21.22.26: ICMP echo request, id ${id}, seq ${k}, length 64`));
  t.regex(r.stdout, /^\d\d:\d\d:\d\d\.\d{6} IP /);
  t.deepEqual(r.stderr.split('\n').filter((l) => l !== '' && !l.includes('verbose output suppressed')), [
    'listening on tun0, link-type RAW (Raw IP), snapshot length 262144 bytes',
    '4 packets captured',
    '4 packets received by filter',
    '0 packets dropped by kernel',
  ]);
  // vcap created tun0, so it is gone with vcap.
  t.false((await ns.ip('link', 'show')).includes('tun0'));
});

test('the four packets are the 84-byte IPv4 packets ping sent (-v shows the IP header)', async (t) => {
  const ns = await Netns.create(t, 'vtun');
  const vcap = ns.vcap(['--tun', 'tun0', '--addr', '172.21.22.23/24', '-n', '-v', '-c', '4']);
  t.teardown(() => vcap.kill());
  await vcap.waitFor(/listening on tun0/);
  await ns.exec(['ping', '-c', '4', '-i', '0.2', '-W', '1', '172.21.22.26']);
  const r = await vcap.exited;
  t.is(r.code, 0, r.stderr);
  const lines = withoutTimes(r.stdout);
  t.is(lines.length, 8, r.stdout);
  for (let k = 0; k < 4; k++) {
    t.regex(lines[2 * k]!, /^IP \(tos 0x0, ttl 64, id \d+, offset 0, flags \[DF\], proto ICMP \(1\), length 84\)$/);
    t.regex(lines[2 * k + 1]!, new RegExp(`^    172\\.21\\.22\\.23 > 172\\.21\\.22\\.26: ICMP echo request, id \\d+, seq ${k + 1}, length 64$`));
  }
});
