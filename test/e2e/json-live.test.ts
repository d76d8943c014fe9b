// --json on live sources: --tun with --reply (both directions), -i on a veth, -i any (each
// packet names its interface). Every line valid against the shipped schema.
import test from 'ava';
import { Netns, Running, SETTLE_MS, sleep, vcapBin, vethPair } from '../helpers/netns.js';
import { schemaErrors } from '../helpers/packet-schema.js';

interface Line {
  number: number; interface?: string; linkType: string; capLen: number; origLen: number;
  layers: Record<string, { type?: number; src?: string; dst?: string; packetType?: number }>;
}

function parse(t: import('ava').ExecutionContext, stdout: string): Line[] {
  t.true(stdout.endsWith('\n'), stdout);
  // JSON Lines: no blank line, not even the one tcpdump adds to text at Ctrl-C.
  return stdout.slice(0, -1).split('\n').map((text) => {
    const line = JSON.parse(text) as Line;
    const errors = schemaErrors(line);
    if (errors !== undefined) t.fail(`${errors}\n${text}`);
    return line;
  });
}

test('--tun tun0 --reply --json: the requests and the replies, one object each, interface tun0', async (t) => {
  const ns = await Netns.create(t, 'vjtun');
  const vcap = ns.vcap(['--tun', 'tun0', '--addr', '172.21.26.1/24', '--reply', '--json']);
  t.teardown(() => vcap.kill());
  await vcap.waitFor(/listening on tun0/);
  const ping = await ns.exec(['ping', '-c', '2', '-i', '0.2', '-W', '2', '172.21.26.2']);
  t.regex(ping.stdout, /2 received, 0% packet loss/);
  await sleep(SETTLE_MS);
  const r = await vcap.stop('SIGINT');
  t.is(r.code, 0, r.stderr);
  // No "verbose output suppressed" hint: it is about text.
  t.is(r.stderr.split('\n')[0], 'listening on tun0, link-type RAW (Raw IP), snapshot length 262144 bytes');
  const lines = parse(t, r.stdout);
  t.deepEqual(lines.map((l) => [l.number, l.interface, l.linkType, l.capLen, l.origLen, Object.keys(l.layers), l.layers['icmp']!.type, l.layers['ipv4']!.src]), [
    [1, 'tun0', 'RAW', 84, 84, ['ipv4', 'icmp'], 8, '172.21.26.1'],
    [2, 'tun0', 'RAW', 84, 84, ['ipv4', 'icmp'], 0, '172.21.26.2'],
    [3, 'tun0', 'RAW', 84, 84, ['ipv4', 'icmp'], 8, '172.21.26.1'],
    [4, 'tun0', 'RAW', 84, 84, ['ipv4', 'icmp'], 0, '172.21.26.2'],
  ]);
});

test('-i veth --json and -i any --json: the interface of each packet, by name', async (t) => {
  const { a, ifA, ipB } = await vethPair(t, 61);
  const one = a.vcap(['-i', ifA, '--json', 'icmp']);
  const any = a.vcap(['-i', 'any', '--json', 'icmp']);
  t.teardown(() => { one.kill(); any.kill(); });
  await Promise.all([one.waitFor(/listening on/), any.waitFor(/listening on/)]);
  const ping = await a.exec(['ping', '-c', '2', '-i', '0.2', '-W', '2', ipB]);
  t.regex(ping.stdout, /2 received, 0% packet loss/);
  await sleep(SETTLE_MS);
  const [r1, r2] = await Promise.all([one.stop('SIGINT'), any.stop('SIGINT')]);
  t.is(r1.code, 0, r1.stderr);
  t.is(r2.code, 0, r2.stderr);
  const l1 = parse(t, r1.stdout), l2 = parse(t, r2.stdout);
  t.deepEqual(l1.map((l) => [l.interface, l.linkType, Object.keys(l.layers)]), Array(4).fill([ifA, 'EN10MB', ['ethernet', 'ipv4', 'icmp']]));
  // -i any: cooked v2 headers; the interface comes from the index each one carries.
  t.deepEqual(l2.map((l) => [l.interface, l.linkType, Object.keys(l.layers), l.layers['sll2']!.packetType]),
    [4, 0, 4, 0].map((pt) => [ifA, 'LINUX_SLL2', ['sll2', 'ipv4', 'icmp'], pt]));
});

test('--netns NS -i any --json: the interface names are the namespace\'s', async (t) => {
  const { a, ifA, ipB } = await vethPair(t, 62);
  const any = new Running([process.execPath, vcapBin, '--netns', a.name, '-i', 'any', '--json', 'icmp']);
  t.teardown(() => any.kill());
  await any.waitFor(/listening on/);
  const ping = await a.exec(['ping', '-c', '2', '-i', '0.2', '-W', '2', ipB]);
  t.regex(ping.stdout, /2 received, 0% packet loss/);
  await sleep(SETTLE_MS);
  const r = await any.stop('SIGINT');
  t.is(r.code, 0, r.stderr);
  t.deepEqual(parse(t, r.stdout).map((l) => l.interface), [ifA, ifA, ifA, ifA]);
});
