// vcap stats against iperf3 in the same run: iperf3 sends TCP from one namespace to the other over
// a veth pair while vcap stats, from the root namespace, reads both ends' counters. The rates it
// prints while the transfer runs agree with the rate iperf3's receiver reports. The transfer is
// paced (-b) so that the rate is steady enough on a loaded machine for intervals to compare; both
// sides leave out their first and last intervals, in which the transfer ran only part of the time.
import test from 'ava';
import { Running, run, sleep, vcapBin, vethPair } from '../helpers/netns.js';

interface Sample {
  time: string; interface: string; name: string; netns: string | null; index: number; seconds: number; mean?: true;
  rx: { packets: number; bytes: number; pps: number; bps: number; dropped: number; errors: number };
  tx: { packets: number; bytes: number; pps: number; bps: number; dropped: number; errors: number };
}

interface IperfReport {
  intervals: { sum: { bytes: number; seconds: number; bits_per_second: number } }[];
  end: { sum_received: { bits_per_second: number; bytes: number } };
}

/** Bits per second over the intervals in which the transfer ran throughout (the first and last busy ones only partly). */
function steadyRate(samples: Sample[], dir: 'rx' | 'tx'): number {
  const busy = samples.map((s, i) => (s[dir].bytes > 100_000 ? i : -1)).filter((i) => i >= 0);
  const inner = samples.slice(busy[0]! + 1, busy[busy.length - 1]!);
  const bytes = inner.reduce((a, s) => a + s[dir].bytes, 0), seconds = inner.reduce((a, s) => a + s.seconds, 0);
  return (bytes * 8) / seconds;
}

test('stats: rates within 10% of what iperf3 reports, on both ends of a veth pair between namespaces', async (t) => {
  const { a, b, ifA, ifB, ipB } = await vethPair(t, 84);
  const server = b.start(['iperf3', '-s', '-1']);
  t.teardown(() => server.kill());
  const stats = new Running([process.execPath, vcapBin, 'stats', '-i', `${ifB}@${b.name}`, '-i', ifA, '--netns', a.name, '--interval', '0.5', '--json']);
  t.teardown(() => stats.kill());
  // The first samples: vcap is reading the counters before the transfer starts.
  for (let i = 0; i < 400 && stats.stdout.split('\n').length < 3; i++) await sleep(25);
  const client = await a.exec(['iperf3', '-c', ipB, '-t', '4', '-i', '0.5', '-b', '100M', '-J']);
  t.is(client.code, 0, client.stderr);
  await sleep(1200);
  const r = await stats.stop();
  t.is(r.code, 0, r.stderr);
  const iperf = JSON.parse(client.stdout) as IperfReport;
  const all = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Sample);
  const recv = all.filter((s) => s.interface === `${ifB}@${b.name}` && !s.mean), sent = all.filter((s) => s.interface === `${ifA}@${a.name}` && !s.mean);
  t.true(recv.length >= 8, `${recv.length} samples`);
  t.deepEqual([recv[0]!.name, recv[0]!.netns, sent[0]!.name, sent[0]!.netns], [ifB, b.name, ifA, a.name]);
  // iperf3's own intervals, the first (connection, slow start) and the last left out as for vcap.
  const inner = iperf.intervals.slice(1, -1).map((i) => i.sum);
  const want = (inner.reduce((x, i) => x + i.bytes, 0) * 8) / inner.reduce((x, i) => x + i.seconds, 0);
  for (const [what, got] of [['receiving end, rx', steadyRate(recv, 'rx')], ['sending end, tx', steadyRate(sent, 'tx')]] as const) {
    // The kernel counts whole frames (headers too), iperf3 TCP payload: vcap may be a few % above.
    t.log(what, (got / want).toFixed(3));
    t.true(Math.abs(got / want - 1) <= 0.10, `${what}: vcap ${(got / 1e6).toFixed(1)} Mbit/s, iperf3 ${(want / 1e6).toFixed(1)} Mbit/s`);
  }
  // Every byte iperf3 received crossed the veth (plus headers, handshake and acks' worth): the counts add up.
  const counted = recv.reduce((x, s) => x + s.rx.bytes, 0);
  t.true(counted >= iperf.end.sum_received.bytes && counted <= iperf.end.sum_received.bytes * 1.1, `${counted} counted, ${iperf.end.sum_received.bytes} received`);
  // The closing means cover the whole run.
  const means = all.filter((s) => s.mean);
  t.deepEqual(means.map((s) => s.interface), [`${ifB}@${b.name}`, `${ifA}@${a.name}`]);
  t.is(means[0]!.rx.bytes, counted);
});

test('stats: one header, one line per interface per interval when piped; errors are one line', async (t) => {
  const { a, ifA } = await vethPair(t, 85);
  const r = await run([process.execPath, vcapBin, 'stats', '-i', `${ifA}@${a.name}`, '-i', `lo@${a.name}`, '--interval', '0.2', '--duration', '1']);
  t.is(r.code, 0, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  t.regex(lines[0]!, /^TIME +INTERFACE +RX pkt\/s +RX bit\/s +TX pkt\/s +TX bit\/s +RX drop +TX drop +RX err +TX err$/);
  const body = lines.slice(1, -2), means = lines.slice(-2);
  t.true(body.length >= 6 && body.length % 2 === 0, r.stdout);
  for (const [i, l] of body.entries()) t.regex(l, new RegExp(`^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} +${i % 2 === 0 ? ifA : 'lo'}@${a.name} +\\d`), l);
  t.regex(means[0]!, new RegExp(`^mean 1\\.\\ds +${ifA}@${a.name} +0 +0 bit/s +0 +0 bit/s +0 +0 +0 +0$`));
  for (const [argv, message] of [
    [['stats'], 'vcap: stats: name at least one interface with -i (vcap stats -h for usage)\n'],
    [['stats', '-i', `eth9@${a.name}`], `vcap: eth9@${a.name}: No such device exists\n`],
    [['stats', '-i', 'lo', '--interval', 'x'], "vcap: stats: invalid --interval 'x' (seconds, at least 0.1)\n"],
    [['stats', '-i'], "vcap: stats: option requires an argument -- 'i' (vcap stats -h for usage)\n"],
  ] as const) {
    const e = await run([process.execPath, vcapBin, ...argv]);
    t.deepEqual([e.code, e.stdout, e.stderr], [1, '', message], argv.join(' '));
  }
});
