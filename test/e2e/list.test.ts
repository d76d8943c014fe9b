// -D: the same devices, order and flags as tcpdump -D (which also lists libpcap's non-network
// pseudo-devices, bluetooth-monitor, nflog, dbus…, that vcap cannot capture on). vcap fills
// tcpdump's parenthesised description of a virtual device with what it is (test/e2e/ifaces).
import test from 'ava';
import { Netns, vcapBin } from '../helpers/netns.js';

const entry = (line: string): string => line.replace(/^\d+\./, '');
/** The entry without its description, for comparing with tcpdump's bare names. */
const bare = (line: string): string => entry(line).replace(/ \(.*\) \[/, ' [');

test('vcap -D lists what tcpdump -D lists, in the same order, with the same flags', async (t) => {
  const ns = await Netns.create(t, 'vlist');
  await ns.ip('link', 'add', 'up0', 'type', 'veth', 'peer', 'name', 'up1');
  await ns.ip('link', 'set', 'up0', 'up');
  await ns.ip('link', 'set', 'up1', 'up');
  await ns.ip('link', 'add', 'down0', 'type', 'veth', 'peer', 'name', 'down1');
  await ns.ip('link', 'add', 'br7', 'type', 'bridge');
  await ns.ip('link', 'set', 'br7', 'up');
  const v = await ns.exec([process.execPath, vcapBin, '-D']);
  const d = await ns.exec(['tcpdump', '-D']);
  t.is(v.code, 0, v.stderr);
  const names = new Set(['any', 'lo', 'up0', 'up1', 'down0', 'down1', 'br7']);
  const vl = v.stdout.trim().split('\n');
  t.deepEqual(vl.map((l) => Number(/^(\d+)\./.exec(l)?.[1])), vl.map((_, i) => i + 1));
  t.deepEqual(vl.map(bare), d.stdout.trim().split('\n').map(bare).filter((l) => names.has(l.split(/[ [(]/)[0]!)));
  t.true(vl.includes('1.up0 (veth, peer up1) [Up, Running, Connected]') || vl.includes('1.up1 (veth, peer up0) [Up, Running, Connected]'), v.stdout);
  t.true(vl.some((l) => /^\d+\.any \(Pseudo-device that captures on all interfaces\) \[Up, Running\]$/.test(l)), v.stdout);
  t.true(vl.some((l) => /^\d+\.br7 \(bridge, no ports\) \[/.test(l)), v.stdout);
});

test('without -i, vcap listens where tcpdump does: the first device of the list', async (t) => {
  const ns = await Netns.create(t, 'vlist');
  await ns.ip('link', 'add', 'up0', 'type', 'veth', 'peer', 'name', 'up1');
  await ns.ip('link', 'set', 'up0', 'up');
  await ns.ip('link', 'set', 'up1', 'up');
  const listening = async (argv: string[]): Promise<string> => {
    const p = ns.start(argv);
    t.teardown(() => p.kill());
    await p.waitFor(/listening on/);
    const r = await p.stop();
    return /listening on [^\n]*/.exec(r.stderr)![0];
  };
  const v = await listening([process.execPath, vcapBin, '-n']);
  t.is(v, await listening(['tcpdump', '-n']));
  t.is(v, 'listening on up1, link-type EN10MB (Ethernet), snapshot length 262144 bytes');
  // -i N: the Nth device of -D, as tcpdump reads it.
  t.is(await listening([process.execPath, vcapBin, '-n', '-i', '3']), 'listening on any, link-type LINUX_SLL2 (Linux cooked v2), snapshot length 262144 bytes');
  // With no device up but loopback, tcpdump falls back to `any` (cooked v1, as it does by itself).
  await ns.ip('link', 'set', 'up0', 'down');
  await ns.ip('link', 'set', 'up1', 'down');
  const v2 = await listening([process.execPath, vcapBin, '-n']);
  t.is(v2, await listening(['tcpdump', '-n']));
});
