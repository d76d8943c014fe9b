// Live rotation against Debian's tcpdump on the same interface, with the same options and the same
// clock: -G with strftime names and -W (the clock is libfaketime's, started at the same instant
// for both), and a -C -W ring. Every file opens in capinfos.
import test from 'ava';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { run, sleep, vcapBin, vethPair } from '../helpers/netns.js';
import { tempDir } from '../pcap/helpers.js';

const Y2030 = Date.UTC(2030, 0, 1) / 1000;

/**
 * One clock for both tools (libfaketime): 2030-01-01 00:00:00 UTC now, running at half speed from
 * each process's start, so that vcap's slower start-up (Node) still begins in the second tcpdump
 * begins in. Waits until the real clock is just past a second boundary, so both start in it.
 */
async function sharedClock(): Promise<string[]> {
  while (Date.now() % 1000 > 50) await sleep(5);
  return ['faketime', '-f', `+${Y2030 - Math.floor(Date.now() / 1000)} x0.5`];
}

async function allOpen(t: { is(a: unknown, b: unknown, m?: string): void }, dir: string): Promise<void> {
  for (const f of readdirSync(dir)) {
    const ci = await run(['capinfos', '-c', join(dir, f)]);
    t.is(ci.code, 0, `${f}: ${ci.stderr}`);
  }
}

test('-G 4 -W 3 with strftime names: the files tcpdump makes on the same clock, then both stop', async (t) => {
  const dir = tempDir(t);
  const tdDir = join(dir, 'tcpdump'), vDir = join(dir, 'vcap');
  mkdirSync(tdDir);
  mkdirSync(vDir);
  const { a, ifA, ipB } = await vethPair(t, 76);
  const opts = ['-i', ifA, '-G', '4', '-W', '3'];
  // Started together, at 00:00:00 on the shared clock: both count periods from there.
  const clock = await sharedClock();
  const td = a.start(['env', 'TZ=UTC0', ...clock, 'tcpdump', '-Z', 'root', ...opts, '-w', join(tdDir, 'cap-%Y%m%d-%H%M%S.pcap'), 'icmp']);
  const vc = a.start(['env', 'TZ=UTC0', ...clock, process.execPath, vcapBin, ...opts, '-w', join(vDir, 'cap-%Y%m%d-%H%M%S.pcap'), 'icmp']);
  t.teardown(() => { td.kill(); vc.kill(); });
  await Promise.all([td.waitFor(/listening on/), vc.waitFor(/listening on/)]);
  // A ping every 100 ms until both have written their three files and stopped on their own (~24 s).
  const ping = a.start(['ping', '-i', '0.1', '-c', '400', ipB]);
  t.teardown(() => ping.kill());
  const [d, v] = await Promise.all([td.exited, vc.exited]);
  ping.kill();
  t.is(d.code, 0, d.stderr);
  t.is(v.code, 0, v.stderr);
  t.regex(d.stderr, /^Maximum file limit reached: 3$/m);
  t.regex(v.stderr, /^Maximum file limit reached: 3$/m);
  const names = readdirSync(tdDir).sort();
  t.log(`tcpdump: ${names.join(' ')}\nvcap:    ${readdirSync(vDir).sort().join(' ')}`);
  t.deepEqual(names, ['cap-20300101-000000.pcap', 'cap-20300101-000004.pcap', 'cap-20300101-000008.pcap']);
  t.deepEqual(readdirSync(vDir).sort(), names);
  await allOpen(t, vDir);
});

test('-C 1 -W 3 live: a ring of files named as tcpdump names them, each one opening whole', async (t) => {
  const dir = tempDir(t);
  const tdDir = join(dir, 'tcpdump'), vDir = join(dir, 'vcap');
  mkdirSync(tdDir);
  mkdirSync(vDir);
  const { a, ifA, ipB } = await vethPair(t, 77);
  const td = a.start(['tcpdump', '-Z', 'root', '-i', ifA, '-C', '1', '-W', '3', '-w', join(tdDir, 'ring.pcap'), 'icmp']);
  const vc = a.vcap(['-i', ifA, '-C', '1', '-W', '3', '-w', join(vDir, 'ring.pcap'), 'icmp']);
  t.teardown(() => { td.kill(); vc.kill(); });
  await Promise.all([td.waitFor(/listening on/), vc.waitFor(/listening on/)]);
  // About 4.5 MB of echo requests and replies: the ring wraps past its third file.
  await a.exec(['ping', '-f', '-c', '1600', '-s', '1400', '-q', ipB]);
  await sleep(1500);
  const [d, v] = await Promise.all([td.stop('SIGINT'), vc.stop('SIGINT')]);
  t.is(d.code, 0, d.stderr);
  t.is(v.code, 0, v.stderr);
  const list = (p: string): string => readdirSync(p).sort().map((f) => `${f} ${statSync(join(p, f)).size}`).join('\n');
  t.log(`tcpdump:\n${list(tdDir)}\nvcap:\n${list(vDir)}`);
  t.deepEqual(readdirSync(vDir).sort(), ['ring.pcap0', 'ring.pcap1', 'ring.pcap2']);
  t.deepEqual(readdirSync(vDir).sort(), readdirSync(tdDir).sort());
  await allOpen(t, vDir);
});
