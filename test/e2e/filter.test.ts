// Kernel filters on live captures: the program compiled in TypeScript runs in the kernel
// (rewritten for cooked sockets on -i any, run by vcap itself on its own TUN device), and the
// packets it keeps are the ones tcpdump keeps with the same expression.
import test from 'ava';
import { Netns, SETTLE_MS, sideBySide as compare, sleep, vethPair, withoutTimes } from '../helpers/netns.js';
import type { ExecutionContext } from 'ava';

function sideBySide(t: ExecutionContext, ns: Netns, args: string[], traffic: () => Promise<unknown>): Promise<{ vcap: string[]; tcpdump: string[]; stderr: string }> {
  return compare(t, ns.vcap(['-n', ...args]), ns.start(['tcpdump', '-n', '--immediate-mode', ...args]), traffic);
}

const udp = (ip: string, port: number): string[] =>
  ['python3', '-c', `import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); [s.sendto(b'x' * 10, ('${ip}', ${port})) for _ in range(3)]`];

test('veth: an ICMP-type filter in the kernel keeps only the echo requests', async (t) => {
  const { a, ifA, ipB } = await vethPair(t, 41);
  const r = await sideBySide(t, a, ['-i', ifA, 'icmp[icmptype] == icmp-echo'], async () => {
    await a.exec(['ping', '-c', '3', '-i', '0.2', ipB]);
    await a.exec(udp(ipB, 40000));
  });
  t.is(r.vcap.length, 3, r.vcap.join('\n'));
  for (const l of r.vcap) t.regex(l, /ICMP echo request/);
  t.deepEqual(r.vcap, r.tcpdump);
  t.true(r.stderr.includes('3 packets captured\n'), r.stderr);
  t.true(r.stderr.includes('3 packets received by filter\n'), r.stderr);
});

test('veth: udp port filter, with the frames of the other ports never leaving the kernel', async (t) => {
  const { a, ifA, ipB } = await vethPair(t, 42);
  const r = await sideBySide(t, a, ['-i', ifA, 'udp and dst port 40001'], async () => {
    await a.exec(udp(ipB, 40000));
    await a.exec(udp(ipB, 40001));
    await a.exec(['ping', '-c', '2', '-i', '0.2', ipB]);
  });
  t.is(r.vcap.length, 3, r.vcap.join('\n'));
  t.deepEqual(r.vcap, r.tcpdump);
  t.true(r.stderr.includes('3 packets received by filter\n'), r.stderr);
});

test('-i any: the program is rewritten for the cooked socket and keeps what tcpdump keeps', async (t) => {
  const { a, ipB } = await vethPair(t, 43);
  const r = await sideBySide(t, a, ['-i', 'any', `icmp and host ${ipB}`], async () => {
    await a.exec(['ping', '-c', '2', '-i', '0.2', ipB]);
    await a.exec(['ping', '-c', '2', '-i', '0.2', '127.0.0.1']);
    await a.exec(udp(ipB, 40000));
  });
  // Two echo requests and replies, and the three port-unreachable errors for the datagrams.
  t.is(r.vcap.length, 7, r.vcap.join('\n'));
  t.is(r.vcap.filter((l) => l.includes('udp port 40000 unreachable')).length, 3);
  t.deepEqual(r.vcap, r.tcpdump);
});

test('--tun: the filter runs on what vcap reads from its own device', async (t) => {
  const ns = await Netns.create(t, 'vtf');
  const vcap = ns.vcap(['--tun', 'tun0', '--addr', '172.21.22.23/24', '-n', 'dst host 172.21.22.26']);
  t.teardown(() => vcap.kill());
  await vcap.waitFor(/listening on tun0/);
  await ns.exec(['ping', '-c', '2', '-i', '0.2', '-W', '1', '172.21.22.27']);
  await ns.exec(['ping', '-c', '2', '-i', '0.2', '-W', '1', '172.21.22.26']);
  await sleep(SETTLE_MS);
  const r = await vcap.stop();
  t.is(r.code, 0, r.stderr);
  t.deepEqual(withoutTimes(r.stdout).map((l) => l.replace(/id \d+/, 'id N')),
    [1, 2].map((k) => `IP 172.21.22.23 > 172.21.22.26: ICMP echo request, id N, seq ${k}, length 64`));
  t.true(r.stderr.includes('2 packets captured\n'), r.stderr);
  t.true(r.stderr.includes('4 packets received by filter\n'), r.stderr);
});

// A Geneve datagram (VNI 11) carrying an Ethernet frame with a TCP SYN, sent to UDP port 6081.
const geneveSyn = (ip: string): string[] => ['python3', '-c', [
  'import socket, struct',
  "inner = bytes.fromhex('45000028000100004006000' + '00a090001' + '0a090002') + struct.pack('!HHIIBBHHH', 1234, 80, 1, 0, 0x50, 2, 512, 0, 0)",
  "frame = bytes.fromhex('02000000000b02000000000a0800') + inner",
  "g = struct.pack('!BBHI', 0, 0, 0x6558, 11 << 8) + frame",
  's = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)',
  `[s.sendto(g, ('${ip}', 6081)) for _ in range(2)]`,
].join('\n')];

test('veth: geneve and tcp looks inside the Geneve packets, as tcpdump does (registers hold the inner offsets)', async (t) => {
  const { a, ifA, ipB } = await vethPair(t, 43);
  const r = await sideBySide(t, a, ['-i', ifA, 'geneve 11 and tcp'], async () => {
    await a.exec(geneveSyn(ipB));
    await a.exec(udp(ipB, 6081));
    await a.exec(['ping', '-c', '2', '-i', '0.2', ipB]);
  });
  t.is(r.vcap.length, 2, r.vcap.join('\n'));
  for (const l of r.vcap) t.regex(l, /Geneve, Flags \[none\], vni 0xb: IP 10\.9\.0\.1\.1234 > 10\.9\.0\.2\.80: Flags \[S\]/);
  t.deepEqual(r.vcap, r.tcpdump);
});

test('veth: protochain loops back, so the kernel refuses it and vcap filters in user space, as libpcap does', async (t) => {
  const { a, ifA, ipB } = await vethPair(t, 44);
  const r = await sideBySide(t, a, ['-i', ifA, 'protochain 1'], async () => {
    await a.exec(['ping', '-c', '3', '-i', '0.2', ipB]);
    await a.exec(udp(ipB, 40000));
  });
  // Echo requests, replies, and the port-unreachables for the UDP datagrams (which themselves are not ICMP).
  t.true(r.vcap.length >= 6, r.vcap.join('\n'));
  for (const l of r.vcap) t.regex(l, /: ICMP /);
  t.deepEqual(r.vcap, r.tcpdump);
  t.regex(r.stderr, /^vcap: WARNING: .*user space/m);
});
