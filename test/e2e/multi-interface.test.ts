// -i a -i b: two interfaces captured together, merged in time order, into one pcapng with an IDB
// each (tshark and capinfos read the names and directions back) and into text lines named as
// tcpdump -i any names them; and the kernel's drops as pcapng records them.
import test from 'ava';
import type { ExecutionContext } from 'ava';
import { join } from 'node:path';
import { Running, SETTLE_MS, run, sleep, uniqueName, vcapBin, vethPair } from '../helpers/netns.js';
import type { Netns } from '../helpers/netns.js';
import { openCaptureFile } from '../../src/capture/capture-file.js';
import { readAll, tempDir } from '../pcap/helpers.js';

/** Two namespaces joined by two veth pairs: 10.N.0.0/24 over the first, 10.N.1.0/24 over the second. */
async function twoPairs(t: ExecutionContext, net: number): Promise<{ a: Netns; b: Netns; if1: string; if2: string; peer1: string; peer2: string }> {
  const { a, b, ifA, ipB } = await vethPair(t, net);
  const if2 = uniqueName('ec'), peer2 = uniqueName('ed');
  await a.ip('link', 'add', if2, 'address', '02:00:00:00:01:01', 'type', 'veth', 'peer', 'name', peer2, 'address', '02:00:00:00:01:02', 'netns', b.name);
  await a.ip('addr', 'add', `10.${net}.1.1/24`, 'dev', if2);
  await b.ip('addr', 'add', `10.${net}.1.2/24`, 'dev', peer2);
  await a.ip('link', 'set', if2, 'up');
  await b.ip('link', 'set', peer2, 'up');
  await a.ip('neigh', 'replace', `10.${net}.1.2`, 'lladdr', '02:00:00:00:01:02', 'dev', if2, 'nud', 'permanent');
  await b.ip('neigh', 'replace', `10.${net}.1.1`, 'lladdr', '02:00:00:00:01:01', 'dev', peer2, 'nud', 'permanent');
  return { a, b, if1: ifA, if2, peer1: ipB, peer2: `10.${net}.1.2` };
}

/** Pings over both pairs at once, so that their frames interleave in time. */
async function pingBoth(a: Netns, peer1: string, peer2: string, n1: number, n2: number): Promise<void> {
  await Promise.all([a.exec(['ping', '-c', String(n1), '-i', '0.2', peer1]), (async () => { await sleep(100); await a.exec(['ping', '-c', String(n2), '-i', '0.2', peer2]); })()]);
}

test('-i a -i b -w x.pcapng: one IDB per interface; tshark reads each frame\'s interface and direction, in time order', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'two.pcapng');
  const { a, if1, if2, peer1, peer2 } = await twoPairs(t, 72);
  const vcap = a.vcap(['-i', if1, '-i', if2, '-w', file, 'icmp']);
  t.teardown(() => vcap.kill());
  await vcap.waitFor(new RegExp(`listening on ${if2}`));
  t.regex(vcap.stderr, new RegExp(`^listening on ${if1}, link-type EN10MB \\(Ethernet\\), snapshot length 262144 bytes\\nlistening on ${if2}, link-type EN10MB`, 'm'));
  await pingBoth(a, peer1, peer2, 3, 2);
  await sleep(SETTLE_MS);
  const r = await vcap.stop('SIGTERM');
  t.is(r.code, 0, r.stderr);
  t.regex(r.stderr, /^10 packets captured\n10 packets received by filter\n0 packets dropped by kernel\n$/m);
  const ts = await run(['tshark', '-r', file, '-T', 'fields', '-e', 'frame.interface_name', '-e', 'frame.packet_flags_direction', '-e', 'icmp.type', '-e', 'frame.time_epoch']);
  t.is(ts.code, 0, ts.stderr);
  const rows = ts.stdout.trim().split('\n').map((l) => l.split('\t'));
  t.log(`tshark -T fields -e frame.interface_name -e frame.packet_flags_direction -e icmp.type -e frame.time_epoch\n${ts.stdout}`);
  t.is(rows.length, 10);
  // Requests leave (outbound), replies arrive (inbound), on the interface they crossed.
  t.deepEqual(rows.map((r) => `${r[0]} ${r[1]} ${r[2]}`).sort(), [
    ...Array(3).fill(`${if1} 0x00000001 0`), ...Array(3).fill(`${if1} 0x00000002 8`),
    ...Array(2).fill(`${if2} 0x00000001 0`), ...Array(2).fill(`${if2} 0x00000002 8`),
  ].sort());
  const times = rows.map((r) => Number(r[3]));
  t.deepEqual(times, [...times].sort((x, y) => x - y), 'merged in timestamp order');
  t.true(rows.findIndex((r) => r[0] === if2) < rows.map((r) => r[0]).lastIndexOf(if1), 'the two interfaces interleave');
  // First and last packet times: capinfos, tshark and vcap reading the file back agree to the nanosecond.
  const span = await run(['capinfos', '-a', '-e', '-S', '-M', file]);
  const epochs = rows.map((r) => r[3]!);
  t.regex(span.stdout, new RegExp(`First packet time:\\s+${epochs[0]!.replace('.', '\\.')}\\nLast packet time:\\s+${epochs.at(-1)!.replace('.', '\\.')}\\n`));
  const back = (await run([process.execPath, vcapBin, '-r', file, '-tt', '--nano', '-n'])).stdout.trim().split('\n').map((l) => l.split(' ')[0]);
  t.deepEqual(back, epochs);
  const ci = await run(['capinfos', '-I', '-o', file]);
  t.regex(ci.stdout, /Strict time order:\s+True\n/);
  t.regex(ci.stdout, /Number of interfaces in file: 2\n/);
  const iface = ci.stdout.split(/Interface #\d info:\n/).slice(1);
  t.regex(iface[0]!, new RegExp(`Name = ${if1}\\n[^]*Filter string = icmp\\n[^]*Number of stat entries = 1\\n\\s+Number of packets = 6\\n`));
  t.regex(iface[1]!, new RegExp(`Name = ${if2}\\n[^]*Filter string = icmp\\n[^]*Number of stat entries = 1\\n\\s+Number of packets = 4\\n`));
  t.log(ci.stdout.slice(ci.stdout.indexOf('Number of interfaces')));
  // The ISBs: what the kernel let through the filter, what it dropped, what reached vcap, what the device saw.
  const f = openCaptureFile(file);
  while (f.next() !== null);
  t.like(f.interfaces[0]!.statistics, { filterAccept: 6, osDrop: 0, usrDeliv: 6 });
  t.like(f.interfaces[1]!.statistics, { filterAccept: 4, osDrop: 0, usrDeliv: 4 });
  t.true(f.interfaces[0]!.statistics!.ifRecv! >= 6 && f.interfaces[1]!.statistics!.ifRecv! >= 4);
  t.true(f.interfaces.every((i) => i.statistics!.startSec! <= i.statistics!.endSec!));
  f.close();
});

test('-i a -i b text: the lines tcpdump -i any prints for the same packets, interface name and direction first', async (t) => {
  const { a, if1, if2, peer1, peer2 } = await twoPairs(t, 73);
  const vcap = a.vcap(['-i', if1, '-i', if2, '-n', 'icmp']);
  const tcpdump = a.start(['tcpdump', '-i', 'any', '-n', '--immediate-mode', 'icmp']);
  t.teardown(() => { vcap.kill(); tcpdump.kill(); });
  await vcap.waitFor(new RegExp(`listening on ${if2}`));
  await tcpdump.waitFor(/listening on/);
  await pingBoth(a, peer1, peer2, 3, 3);
  await sleep(SETTLE_MS);
  const [v, d] = await Promise.all([vcap.stop(), tcpdump.stop()]);
  t.is(v.code, 0, v.stderr);
  // Both sockets see the same packets with the same kernel timestamps: whole lines compare.
  const lines = (s: string): string[] => s.split('\n').filter((l) => / ICMP /.test(l));
  t.is(lines(v.stdout).length, 12);
  t.deepEqual(lines(v.stdout), lines(d.stdout));
  t.log(lines(v.stdout).slice(0, 4).join('\n'));
  t.regex(lines(v.stdout)[0]!, new RegExp(`^\\d\\d:\\d\\d:\\d\\d\\.\\d{6} ${if1} +Out IP 10\\.73\\.0\\.1 > 10\\.73\\.0\\.2: ICMP echo request`));
});

test('-i a -i b -c N stops after N packets; -i any cannot be combined', async (t) => {
  const { a, if1, if2, peer1, peer2 } = await twoPairs(t, 74);
  const vcap = a.vcap(['-i', if1, '-i', if2, '-n', '-c', '3', 'icmp']);
  t.teardown(() => vcap.kill());
  await vcap.waitFor(new RegExp(`listening on ${if2}`));
  await pingBoth(a, peer1, peer2, 3, 3);
  const r = await vcap.exited;
  t.is(r.code, 0, r.stderr);
  t.is(r.stdout.split('\n').filter((l) => / ICMP /.test(l)).length, 3);
  t.regex(r.stderr, /^3 packets captured$/m);
  const any = await a.exec([process.execPath, vcapBin, '-i', if1, '-i', 'any']);
  t.is(any.code, 1);
  t.is(any.stderr, 'vcap: -i any already captures every interface: it cannot be combined with other -i\n');
  const twice = await a.exec([process.execPath, vcapBin, '-i', if1, '-i', if2, '-i', if1]);
  t.is(twice.code, 1);
  t.is(twice.stderr, `vcap: -i ${if1} is given twice (each frame would be captured twice)\n`);
});

test('kernel drops: vcap stopped while a flood fills its ring; epb_dropcount and the ISB give the drops vcap reports', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'drops.pcapng');
  const { a, ifA, ipB } = await vethPair(t, 75);
  // The smallest ring (four 64 KiB blocks): a few thousand pings fill it.
  const vcap = a.vcap(['-i', ifA, '-B', '256', '-w', file, 'icmp']);
  t.teardown(() => vcap.kill());
  await vcap.waitFor(/listening on/);
  vcap.signal('SIGSTOP');
  await a.exec(['ping', '-f', '-c', '20000', '-q', ipB]);
  vcap.signal('SIGCONT');
  // Traffic after the drops, so that a frame carries their count.
  await a.exec(['ping', '-c', '3', '-i', '0.1', ipB]);
  await sleep(SETTLE_MS);
  const r = await vcap.stop('SIGINT');
  t.is(r.code, 0, r.stderr);
  const num = (re: RegExp): number => Number(re.exec(r.stderr)?.[1]);
  const captured = num(/^(\d+) packets? captured$/m), received = num(/^(\d+) packets? received by filter$/m), dropped = num(/^(\d+) packets? dropped by kernel$/m);
  t.true(dropped > 0, r.stderr);
  t.is(captured + dropped, received);
  const ts = await run(['tshark', '-r', file, '-T', 'fields', '-e', 'frame.drop_count']);
  const counts = ts.stdout.split('\n').filter((l) => l !== '').map(Number);
  t.log(`vcap: ${dropped} dropped by kernel; tshark frame.drop_count: ${counts.join(' + ')} on ${counts.length} frame(s)`);
  t.is(counts.reduce((x, y) => x + y, 0), dropped);
  t.is(readAll(file).frames.length, captured);
  const f = openCaptureFile(file);
  while (f.next() !== null);
  t.like(f.interfaces[0]!.statistics, { osDrop: dropped, filterAccept: received, usrDeliv: captured });
  f.close();
  // The ISB as Wireshark reads it (its own pcapng dissector; capinfos 4.0 prints no ISB counter).
  const isbFields = ['received', 'dropped', 'accepted_by_filter', 'dropped_by_os', 'delivered_to_user'].map((n) => `pcapng.options.option.data.interface.${n}`);
  const isb = await run(['tshark', '-X', 'read_format:MIME Files Format', '-r', file, '-T', 'fields', '-E', 'header=y', ...isbFields.flatMap((n) => ['-e', n])]);
  t.is(isb.code, 0, isb.stderr);
  t.log(`tshark -X read_format:"MIME Files Format" (the ISB)\n${isb.stdout}`);
  const [ifRecv, ifDrop, accepted, osDrop, delivered] = isb.stdout.split('\n')[1]!.split('\t').map(Number);
  t.deepEqual({ ifDrop, accepted, osDrop, delivered }, { ifDrop: 0, accepted: received, osDrop: dropped, delivered: captured });
  t.true(ifRecv! >= received, `isb_ifrecv ${ifRecv}: the device counts every frame it passed, the filter's among them`);
});

test('-i IF@NETNS -i IF@NETNS from vcap\'s own namespace: both ends of a veth pair, each named with its namespace', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'ends.pcapng');
  const { a, b, ifA, ifB, ipB } = await vethPair(t, 84);
  const one = `${ifA}@${a.name}`, other = `${ifB}@${b.name}`;
  const vcap = new Running([process.execPath, vcapBin, '-i', one, '-i', other, '-w', file, 'icmp']);
  t.teardown(() => vcap.kill());
  await vcap.waitFor(new RegExp(`listening on ${other}`));
  await a.exec(['ping', '-c', '2', '-i', '0.2', ipB]);
  await sleep(SETTLE_MS);
  const r = await vcap.stop('SIGINT');
  t.is(r.code, 0, r.stderr);
  const ts = await run(['tshark', '-r', file, '-T', 'fields', '-e', 'frame.interface_name', '-e', 'frame.packet_flags_direction', '-e', 'icmp.type']);
  // Each request leaves one end and arrives at the other, and each reply the other way round, in time order.
  t.deepEqual(ts.stdout.trim().split('\n'), [
    `${one}\t0x00000002\t8`, `${other}\t0x00000001\t8`, `${other}\t0x00000002\t0`, `${one}\t0x00000001\t0`,
    `${one}\t0x00000002\t8`, `${other}\t0x00000001\t8`, `${other}\t0x00000002\t0`, `${one}\t0x00000001\t0`,
  ]);
});
