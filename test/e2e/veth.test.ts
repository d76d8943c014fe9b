// A veth pair between two namespaces: each end sees its own requests go out and the replies come
// in; -Q in and -Q out keep one direction, exactly as tcpdump does.
import test from 'ava';
import { sideBySide as compare, vethPair, withoutTimes } from '../helpers/netns.js';
import type { Netns } from '../helpers/netns.js';
import type { ExecutionContext } from 'ava';

function sideBySide(t: ExecutionContext, ns: Netns, iface: string, extra: string[], traffic: () => Promise<unknown>): Promise<{ vcap: string[]; tcpdump: string[]; stderr: string }> {
  return compare(t, ns.vcap(['-i', iface, '-n', ...extra]), ns.start(['tcpdump', '-i', iface, '-n', '--immediate-mode', ...extra]), traffic);
}

for (const [dir, expect] of [['inout', ['request', 'reply']], ['in', ['reply']], ['out', ['request']]] as const) {
  test(`veth: -Q ${dir} on the pinging end`, async (t) => {
    const { a, b, ifA, ipA, ipB } = await vethPair(t, 31);
    const r = await sideBySide(t, a, ifA, ['-Q', dir], () => a.exec(['ping', '-c', '3', '-i', '0.2', ipB]));
    const want: string[] = [];
    for (let k = 1; k <= 3; k++)
      for (const kind of expect) want.push(kind === 'request' ? `${ipA} > ${ipB}: ICMP echo request` : `${ipB} > ${ipA}: ICMP echo reply`);
    t.deepEqual(r.vcap.map((l) => l.replace(/, id \d+, seq \d+, length 64$/, '').replace(/^IP /, '')), want);
    t.deepEqual(r.vcap, r.tcpdump);
    t.true(r.stderr.includes(`listening on ${ifA}, link-type EN10MB (Ethernet), snapshot length 262144 bytes\n`), r.stderr);
    void b;
  });
}

test('veth: the other end sees the same conversation the other way round', async (t) => {
  const { a, b, ifB, ipA, ipB } = await vethPair(t, 32);
  const r = await sideBySide(t, b, ifB, [], () => a.exec(['ping', '-c', '3', '-i', '0.2', ipB]));
  t.is(r.vcap.length, 6);
  t.regex(r.vcap[0]!, new RegExp(`^IP ${ipA} > ${ipB}: ICMP echo request, id \\d+, seq 1, length 64$`));
  t.regex(r.vcap[1]!, new RegExp(`^IP ${ipB} > ${ipA}: ICMP echo reply, id \\d+, seq 1, length 64$`));
  t.deepEqual(r.vcap, r.tcpdump);
});

test('veth: -e shows the MAC addresses; UDP and TCP lines match tcpdump', async (t) => {
  const { a, b, ifA, ipB } = await vethPair(t, 33);
  const r = await sideBySide(t, a, ifA, ['-e'], async () => {
    await a.exec(['ping', '-c', '1', ipB]);
    // A UDP datagram and a refused TCP connection (RST from the other end).
    await a.exec(['python3', '-c', `import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.sendto(b'hello', ('${ipB}', 9999))
s2=socket.socket(); s2.settimeout(1)
try: s2.connect(('${ipB}', 9))
except Exception: pass`]);
  });
  t.true(r.vcap.length >= 4, r.vcap.join('\n'));
  t.regex(r.vcap[0]!, /^02:00:00:00:00:01 > 02:00:00:00:00:02, ethertype IPv4 \(0x0800\), length 98: /);
  t.deepEqual(r.vcap, r.tcpdump);
  void b;
});

test('veth: -c 3 stops by itself after three packets and reports them', async (t) => {
  const { a, ifA, ipB } = await vethPair(t, 37);
  const vcap = a.vcap(['-i', ifA, '-n', '-c', '3']);
  t.teardown(() => vcap.kill());
  await vcap.waitFor(/listening on/);
  await a.exec(['ping', '-c', '5', '-i', '0.2', ipB]);
  const r = await vcap.exited;
  t.is(r.code, 0, r.stderr);
  t.deepEqual(withoutTimes(r.stdout).map((l) => l.replace(/id \d+/, 'id N')), [
    `IP ${ipA3(ipB)} > ${ipB}: ICMP echo request, id N, seq 1, length 64`,
    `IP ${ipB} > ${ipA3(ipB)}: ICMP echo reply, id N, seq 1, length 64`,
    `IP ${ipA3(ipB)} > ${ipB}: ICMP echo request, id N, seq 2, length 64`,
  ]);
  t.true(r.stderr.includes('3 packets captured\n'), r.stderr);
});

/** The pinging end's address: the same /24, host 1. */
function ipA3(ipB: string): string {
  return ipB.replace(/\.2$/, '.1');
}
