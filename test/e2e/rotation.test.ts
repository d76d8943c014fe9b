// Live rotation against Debian's tcpdump on the same interface, with the same options and the same
// clock: -G with strftime names and -W (the clock is libfaketime's, started at the same instant
// for both), and a -C -W ring. Every file opens in capinfos. And the stop signals arriving while
// -C cuts file after file: every file whole.
import test from 'ava';
import type { ExecutionContext } from 'ava';
import { mkdirSync, readdirSync, statSync, watch } from 'node:fs';
import { join } from 'node:path';
import { run, sleep, vcapBin, vethPair } from '../helpers/netns.js';
import { tempDir } from '../pcap/helpers.js';
import { opensWhole } from '../helpers/whole-files.js';

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

/** A directory for tcpdump's files and one for vcap's, side by side. */
function twoDirs(t: ExecutionContext): { tdDir: string; vDir: string } {
  const dir = tempDir(t);
  const tdDir = join(dir, 'tcpdump'), vDir = join(dir, 'vcap');
  mkdirSync(tdDir);
  mkdirSync(vDir);
  return { tdDir, vDir };
}

async function allOpen(t: { is(a: unknown, b: unknown, m?: string): void }, dir: string): Promise<void> {
  for (const f of readdirSync(dir)) {
    const ci = await run(['capinfos', '-c', join(dir, f)]);
    t.is(ci.code, 0, `${f}: ${ci.stderr}`);
  }
}

test('-G 4 -W 3 with strftime names: the files tcpdump makes on the same clock, then both stop', async (t) => {
  const { tdDir, vDir } = twoDirs(t);
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
  const { tdDir, vDir } = twoDirs(t);
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
  // tcpdump's ring is the same only when tcpdump kept every frame: on a loaded machine its kernel
  // buffer overflows (vcap's ring is bigger), and with less than 2 MB it never opens a third file.
  const tdDropped = Number(/(\d+) packets? dropped by kernel/.exec(d.stderr)?.[1] ?? 0);
  if (tdDropped === 0) t.deepEqual(readdirSync(vDir).sort(), readdirSync(tdDir).sort());
  else t.log(`tcpdump dropped ${tdDropped} frames: its files are not compared`);
  await allOpen(t, vDir);
});

test('SIGINT, SIGTERM, SIGHUP while -C 1 cuts file after file under a flood: every file whole, each pcapng with its ISB, their packets adding up to what vcap reports', async (t) => {
  const dir = tempDir(t);
  const { a, ifA, ipB } = await vethPair(t, 87);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    for (const format of ['pcapng', 'pcap'] as const) {
      const out = join(dir, `${signal}-${format}`);
      mkdirSync(out);
      const vcap = a.vcap(['-i', ifA, '-C', '1', ...(format === 'pcapng' ? ['--pcapng'] : []), '-w', join(out, 'cap'), 'icmp']);
      t.teardown(() => vcap.kill());
      await vcap.waitFor(/listening on/);
      // Files of 1 MB one after another, tens a second: the flood keeps vcap rotating until it stops.
      const flood = a.start(['ping', '-f', '-q', '-s', '1400', ipB]);
      t.teardown(() => flood.kill());
      // The signal goes the moment vcap creates its fourth file, that is, in the middle of a rotation:
      // the new file just made, its header and the next frames not yet written.
      const made = new Set<string>();
      await new Promise<void>((resolve, reject) => {
        const watcher = watch(out, (_event, name) => {
          if (name === null) return;
          made.add(name);
          if (made.size < 4) return;
          vcap.signal(signal);
          watcher.close();
          resolve();
        });
        setTimeout(() => { watcher.close(); reject(new Error(`${signal} ${format}: no fourth file in 60 s: ${[...made].join(' ')}`)); }, 60000).unref();
      });
      const r = await vcap.exited;
      flood.kill();
      await flood.exited;
      t.is(r.code, 0, `${signal} ${format}: ${r.stderr}`);
      const captured = Number(/^(\d+) packets? captured$/m.exec(r.stderr)?.[1]);
      // tcpdump's names, with no gap: cap, cap1, cap2, …
      const files = readdirSync(out).sort((x, y) => Number(x.slice(3) || 0) - Number(y.slice(3) || 0));
      t.deepEqual(files, files.map((_f, i) => (i === 0 ? 'cap' : `cap${i}`)), `${signal} ${format}`);
      t.true(files.length >= 4, `${signal} ${format}: ${files.join(' ')}`);
      let packets = 0;
      for (const f of files) {
        packets += await opensWhole(t, join(out, f));
        if (format === 'pcapng') t.regex((await run(['capinfos', '-I', join(out, f)])).stdout, /Number of stat entries = 1\n/, `${signal} ${f}`);
      }
      t.is(packets, captured, `${signal} ${format}: the files hold every packet vcap reports captured`);
      const last = files.at(-1)!;
      t.log(`${signal} ${format}: ${files.length} files (${files[0]} … ${last}), ${packets} packets in them, ${captured} captured; ${last} ${statSync(join(out, last)).size} bytes`);
    }
  }
});
