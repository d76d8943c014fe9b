// vcap as a library at the end of a TUN device: a small program (test/helpers/tun-echo) built on
// openTun() reads the kernel's echo requests and writes replies back, so ping gets its answers.
import test from 'ava';
import { join } from 'node:path';
import { Netns, repoRoot } from '../helpers/netns.js';

test('openTun(): a user-space host that answers ping through tun0', async (t) => {
  const ns = await Netns.create(t, 'vlib');
  const host = ns.start([process.execPath, join(repoRoot, 'dist', 'test', 'helpers', 'tun-echo.js'), 'tun0', '172.21.22.23/24']);
  t.teardown(() => host.kill());
  await host.waitFor(/ready tun0/);
  const ping = await ns.exec(['ping', '-c', '3', '-i', '0.2', '-W', '2', '172.21.22.26']);
  t.regex(ping.stdout, /3 packets transmitted, 3 received, 0% packet loss/, ping.stdout + ping.stderr);
  t.regex(ping.stdout, /64 bytes from 172\.21\.22\.26: icmp_seq=1 ttl=64/);
  const r = await host.stop('SIGTERM');
  t.is(r.code, 0, r.stderr);
  t.regex(r.stderr, /answered 3\n/);
  t.false((await ns.ip('link', 'show')).includes('tun0'));
});

test('openTun({ multiQueue }): two queues of one device; a single-queue open of it is refused', async (t) => {
  const ns = await Netns.create(t, 'vlib');
  const script = `
    const { openTun } = await import(${JSON.stringify(join(repoRoot, 'dist', 'src', 'index.js'))});
    const q1 = openTun({ name: 'mq0', tap: false, addr: '10.47.0.1/24', snaplen: 0, multiQueue: true });
    const q2 = openTun({ name: 'mq0', tap: false, snaplen: 0, multiQueue: true });
    let single = 'opened';
    try { openTun({ name: 'mq0', tap: false, snaplen: 0 }); } catch (e) { single = e.message; }
    console.log(JSON.stringify([q1.name, q1.created, q2.name, q2.created, single]));
    q1.close(); q2.close();
  `;
  const r = await ns.exec([process.execPath, '--input-type=module', '-e', script]);
  t.is(r.code, 0, r.stderr);
  t.deepEqual(JSON.parse(r.stdout), ['mq0', true, 'mq0', false, 'mq0: the device exists and is not a single-queue TUN device']);
  t.false((await ns.ip('link', 'show')).includes('mq0'));
});
