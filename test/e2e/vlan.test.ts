// 802.1Q on a veth: the kernel strips the tag into tp_vlan_tci; vcap puts it back where it was,
// as libpcap does, so -e shows the same `vlan 5` lines as tcpdump.
import test from 'ava';
import { SETTLE_MS, sleep, vethPair, withoutTimes } from '../helpers/netns.js';

test('tagged frames arriving on a veth print with their 802.1Q and 802.1ad tags, as tcpdump prints them', async (t) => {
  const { a, b, ifA, ifB } = await vethPair(t, 44);
  const vcap = b.vcap(['-i', ifB, '-n', '-e']);
  const tcpdump = b.start(['tcpdump', '-i', ifB, '-n', '-e', '--immediate-mode']);
  t.teardown(() => { vcap.kill(); tcpdump.kill(); });
  await vcap.waitFor(/listening on/);
  await tcpdump.waitFor(/listening on/);
  // The receiving kernel moves the outer tag into the skb (and tp_vlan_tci) before the taps see it.
  const send = await a.exec(['/usr/bin/python3', '-c', `
from scapy.all import Ether, Dot1Q, Dot1AD, IP, ICMP, UDP, sendp
e = Ether(src='02:00:00:00:00:01', dst='02:00:00:00:00:02')
sendp([e/Dot1Q(vlan=5)/IP(src='10.45.0.1', dst='10.45.0.2')/ICMP(id=7, seq=k) for k in (1, 2)], iface='${ifA}', verbose=False)
sendp(e/Dot1Q(vlan=7, prio=3)/IP(src='10.45.0.1', dst='10.45.0.2')/UDP(sport=40000, dport=40001)/b'hello', iface='${ifA}', verbose=False)
sendp(e/Dot1AD(vlan=100)/Dot1Q(vlan=5)/IP(src='10.45.0.1', dst='10.45.0.2')/ICMP(id=7, seq=3), iface='${ifA}', verbose=False)
`]);
  t.is(send.code, 0, send.stderr);
  await sleep(SETTLE_MS);
  const [v, d] = await Promise.all([vcap.stop(), tcpdump.stop()]);
  t.is(v.code, 0, v.stderr);
  const lines = withoutTimes(v.stdout);
  t.is(lines.length, 4, v.stdout);
  t.is(lines[0], '02:00:00:00:00:01 > 02:00:00:00:00:02, ethertype 802.1Q (0x8100), length 46: vlan 5, p 0, ethertype IPv4 (0x0800), 10.45.0.1 > 10.45.0.2: ICMP echo request, id 7, seq 1, length 8');
  t.regex(lines[2]!, /^02:00:00:00:00:01 > 02:00:00:00:00:02, ethertype 802\.1Q \(0x8100\), length \d+: vlan 7, p 3, ethertype IPv4 \(0x0800\), 10\.45\.0\.1\.40000 > 10\.45\.0\.2\.40001: UDP, length 5$/);
  t.regex(lines[3]!, /ethertype 802\.1Q-QinQ \(0x88a8\), length \d+: vlan 100, p 0, ethertype 802\.1Q \(0x8100\), vlan 5, p 0, ethertype IPv4/);
  t.deepEqual(lines, withoutTimes(d.stdout));
  void b;
});
