// --netns and NAME@NETNS: vcap, run in its own namespace, captures in another one (entering it
// only to make the socket or device) and sees what `ip netns exec NS tcpdump` sees there.
import test from 'ava';
import type { ExecutionContext } from 'ava';
import { Netns, SETTLE_MS, run, sideBySide as compare, sleep, uniqueName, vcapBin, vethPair, withoutTimes } from '../helpers/netns.js';
import { Running } from '../helpers/netns.js';

/** vcap from the root namespace and tcpdump inside `ns`, on the same traffic. */
function sideBySide(t: ExecutionContext, ns: Netns, vcapArgs: string[], tcpdumpArgs: string[], traffic: () => Promise<unknown>): Promise<{ vcap: string[]; tcpdump: string[]; stderr: string }> {
  return compare(t, new Running([process.execPath, vcapBin, '-n', ...vcapArgs]), ns.start(['tcpdump', '-n', '--immediate-mode', ...tcpdumpArgs]), traffic);
}

test('-i IF --netns NS captures what `ip netns exec NS tcpdump -i IF` captures', async (t) => {
  const { a, b, ifB, ipB } = await vethPair(t, 81);
  const r = await sideBySide(t, b, ['-i', ifB, '--netns', b.name], ['-i', ifB], () => a.exec(['ping', '-c', '3', '-i', '0.2', ipB]));
  t.is(r.vcap.length, 6, r.vcap.join('\n'));
  t.deepEqual(r.vcap, r.tcpdump);
  t.true(r.stderr.includes(`listening on ${ifB}@${b.name}, link-type EN10MB (Ethernet), snapshot length 262144 bytes\n`), r.stderr);
});

test('-i IF@NS, the namespace by PID and by path, -e and a filter: the same lines again', async (t) => {
  const { a, b, ifB, ipB } = await vethPair(t, 82);
  // A process living in b stands for a container: its PID names the namespace.
  const sleeper = b.start(['sh', '-c', 'echo $$; exec sleep 60']);
  t.teardown(() => sleeper.kill());
  while (!sleeper.stdout.includes('\n')) await sleep(20);
  const pid = sleeper.stdout.trim();
  t.regex(pid, /^\d+$/);
  for (const where of [`${ifB}@${b.name}`, `${ifB}@${pid}`, `${ifB}@/run/netns/${b.name}`]) {
    const r = await sideBySide(t, b, ['-i', where, '-e', 'icmp'], ['-i', ifB, '-e', 'icmp'], () => a.exec(['ping', '-c', '2', '-i', '0.2', ipB]));
    t.is(r.vcap.length, 4, `${where}: ${r.vcap.join('\n')}`);
    t.deepEqual(r.vcap, r.tcpdump, where);
    t.true(r.stderr.includes(`listening on ${where}, `), r.stderr);
  }
});

test('-i any --netns NS: the interface names are the namespace\'s', async (t) => {
  const { a, b, ifB, ipB } = await vethPair(t, 83);
  const r = await sideBySide(t, b, ['-i', 'any', '--netns', b.name, 'icmp'], ['-i', 'any', 'icmp'], () => a.exec(['ping', '-c', '2', '-i', '0.2', ipB]));
  t.is(r.vcap.length, 4, r.vcap.join('\n'));
  t.true(r.vcap.every((l) => l.startsWith(`${ifB} `)), r.vcap.join('\n'));
  t.deepEqual(r.vcap, r.tcpdump);
});

test('--tun NAME --netns NS makes the device in NS, captures there, and takes it away at the end', async (t) => {
  const ns = await Netns.create(t, 'vtn');
  const tun = uniqueName('tun');
  const vcap = new Running([process.execPath, vcapBin, '-n', '--tun', tun, '--addr', '172.21.22.23/24', '--netns', ns.name]);
  t.teardown(() => vcap.kill());
  await vcap.waitFor(/listening on/);
  t.true(vcap.stderr.includes(`listening on ${tun}@${ns.name}, link-type RAW (Raw IP), snapshot length 262144 bytes\n`), vcap.stderr);
  t.regex(await ns.ip('-o', 'addr', 'show', 'dev', tun), /inet 172\.21\.22\.23\/24 /);
  t.not((await run(['ip', 'link', 'show', tun])).code, 0, 'not in vcap\'s own namespace');
  await ns.exec(['ping', '-c', '2', '-i', '0.2', '-W', '1', '172.21.22.26']);
  await sleep(SETTLE_MS);
  const r = await vcap.stop();
  t.is(r.code, 0, r.stderr);
  t.deepEqual(withoutTimes(r.stdout).map((l) => l.replace(/, id \d+,/, ', id N,')), [
    'IP 172.21.22.23 > 172.21.22.26: ICMP echo request, id N, seq 1, length 64',
    'IP 172.21.22.23 > 172.21.22.26: ICMP echo request, id N, seq 2, length 64',
  ]);
  t.not((await run(['ip', '-n', ns.name, 'link', 'show', tun])).code, 0, 'the device went with vcap');
});

test('an unknown namespace or an interface it does not have: one line, status 1', async (t) => {
  const ns = await Netns.create(t, 'vne');
  const none = uniqueName('nons');
  for (const [argv, message] of [
    [['-i', `eth9@${ns.name}`], `vcap: eth9@${ns.name}: No such device exists\n`],
    [['-i', 'eth9', '--netns', ns.name], `vcap: eth9@${ns.name}: No such device exists\n`],
    [['-i', `lo@${none}`], `vcap: network namespace ${none}: not found (no /run/netns/${none}; a PID or the path of a namespace file also do)\n`],
    [['--tun', 'tun9', '--netns', none], `vcap: network namespace ${none}: not found (no /run/netns/${none}; a PID or the path of a namespace file also do)\n`],
    [['-i', 'lo@'], "vcap: lo@: no network namespace after '@'\n"],
    [['-i', 'lo', '--netns', ns.name, '--backend', 'libpcap'], "vcap: --backend libpcap captures in vcap's own network namespace: leave out --netns and NAME@NETNS\n"],
  ] as const) {
    const r = await run([process.execPath, vcapBin, '-n', ...argv]);
    t.deepEqual([r.code, r.stdout, r.stderr], [1, '', message], argv.join(' '));
  }
});

test('-i IF@NS -Z nobody: after dropping root, the interface going away is still noticed (asked through the socket made there)', async (t) => {
  const { a, ifA, ipA, b } = await vethPair(t, 86);
  const vcap = new Running([process.execPath, vcapBin, '-n', '-i', `${ifA}@${a.name}`, '-Z', 'nobody']);
  t.teardown(() => vcap.kill());
  await vcap.waitFor(/listening on/);
  await b.exec(['ping', '-c', '1', '-W', '1', ipA]);
  await sleep(SETTLE_MS);
  await a.ip('link', 'del', ifA);
  const r = await Promise.race([vcap.exited, sleep(10000).then(() => vcap.stop('SIGKILL'))]);
  t.is(r.code, 1, r.stderr);
  t.regex(r.stderr, new RegExp(`^vcap: ${ifA}@${a.name}: The interface disappeared$`, 'm'));
  t.is(withoutTimes(r.stdout).filter((l) => l.includes('ICMP echo')).length, 2, r.stdout);
});
