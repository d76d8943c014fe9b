// System faults a real capture meets, each in namespaces the test makes and removes: the namespace
// holding the other end of the link deleted, vcap's own namespace deleted, a TAP device vcap owns
// deleted, an absurd -B, a full disk, a reader that goes away or stalls, signals at every stage, two
// vcaps asking for one TUN name. Each ends with one `vcap: …` line or goes on cleanly, and keeps
// what was captured before.
import test from 'ava';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Netns, Running, must, run, sleep, vcapBin, vethPair } from '../helpers/netns.js';
import { tempDir } from '../pcap/helpers.js';

const noStack = /\n\s+at /;

async function packets(file: string): Promise<number> {
  const r = await run(['capinfos', '-c', '-M', file]);
  const m = /Number of packets:\s+(\d+)/.exec(r.stdout);
  return m ? Number(m[1]) : -1;
}

function rssKiB(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'latin1'));
  return m ? Number(m[1]) : 0;
}

/** The pid of the node process running vcap under `ip netns exec` (ip execs the command, so it is the same pid). */
function pidOf(p: { pid?: number | undefined }): number { return p.pid!; }

test('the namespace at the other end of the veth deleted mid-capture: one line, the -w file keeps every packet', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'cut.pcap');
  const { a, b, ifA, ipB } = await vethPair(t, 41);
  const vcap = a.vcap(['-i', ifA, '-w', file]);
  t.teardown(() => vcap.kill());
  await vcap.waitFor(/listening on/);
  await a.exec(['ping', '-c', '3', '-i', '0.2', ipB]);
  await sleep(300);
  b.remove(); // the peer end goes with its namespace, and the veth pair with it
  const r = await vcap.exited;
  t.is(r.code, 1, r.stderr);
  t.regex(r.stderr, new RegExp(`^vcap: ${ifA}: The interface disappeared$`, 'm'));
  t.notRegex(r.stderr, noStack);
  t.regex(r.stderr, /^6 packets captured$/m);
  t.is(await packets(file), 6);
});

test('vcap\'s own namespace deleted mid-capture: the capture goes on (the namespace lives while vcap is in it)', async (t) => {
  const { a, b, ifA, ipA } = await vethPair(t, 42);
  const vcap = a.vcap(['-i', ifA, '-n', '-l', 'icmp']);
  t.teardown(() => vcap.kill());
  await vcap.waitFor(/listening on/);
  a.remove();
  await sleep(200);
  const ping = await b.exec(['ping', '-c', '2', '-i', '0.2', '-W', '2', ipA]);
  t.is(ping.code, 0, ping.stdout);
  await sleep(400);
  const r = await vcap.stop('SIGINT');
  t.is(r.code, 0, r.stderr);
  t.is(r.stdout.split('\n').filter((l) => l.includes('ICMP echo')).length, 4, r.stdout);
  t.regex(r.stderr, /^4 packets captured$/m);
});

test('--tap: the device vcap owns deleted under it ends the capture with one line', async (t) => {
  const ns = await Netns.create(t, 'vflt');
  const vcap = ns.vcap(['--tap', 'tap0', '--addr', '172.21.23.1/24', '-n']);
  t.teardown(() => vcap.kill());
  await vcap.waitFor(/listening on tap0/);
  await ns.exec(['ping', '-c', '1', '-W', '1', '172.21.23.9']);
  await sleep(300);
  await ns.ip('link', 'del', 'tap0');
  const r = await vcap.exited;
  t.is(r.code, 1);
  t.regex(r.stderr, /^vcap: tap0: The interface disappeared$/m);
  t.regex(r.stderr, /^[1-9]\d* packets? captured$/m);
  t.regex(r.stdout, /ARP, Request who-has 172\.21\.23\.9/);
  t.notRegex(r.stderr, noStack);
});

test('two vcaps asking for one TUN name: the second is refused with one line, the first goes on', async (t) => {
  const ns = await Netns.create(t, 'vflt');
  const first = ns.vcap(['--tun', 'tun0', '--addr', '172.21.24.1/24', '-n']);
  t.teardown(() => first.kill());
  await first.waitFor(/listening on tun0/);
  const second = await ns.exec([process.execPath, vcapBin, '--tun', 'tun0', '-n']);
  t.is(second.code, 1);
  t.is(second.stderr, 'vcap: tun0: the device is in use by another program (capture it with -i tun0)\n');
  await ns.exec(['ping', '-c', '2', '-i', '0.2', '-W', '1', '172.21.24.9']);
  await sleep(300);
  const r = await first.stop();
  t.is(r.code, 0, r.stderr);
  t.is(r.stdout.split('\n').filter((l) => l.includes('172.21.24.1 > 172.21.24.9: ICMP echo request')).length, 2, r.stdout);
});

test('an absurd -B: a smaller ring and one warning, then the capture runs', async (t) => {
  const ns = await Netns.create(t, 'vflt');
  const dir = tempDir(t);
  // A machine with 64 MiB free, as vcap sees it: the ring may take half of that.
  const meminfo = join(dir, 'meminfo');
  writeFileSync(meminfo, 'MemTotal:       1048576 kB\nMemFree:          65536 kB\nMemAvailable:     65536 kB\n');
  const vcap = new Running(['ip', 'netns', 'exec', ns.name, 'env', `VCAP_TEST_MEMINFO=${meminfo}`,
    process.execPath, vcapBin, '-i', 'lo', '-n', '-B', '2147483647', '-c', '2', 'icmp']);
  t.teardown(() => vcap.kill());
  await vcap.waitFor(/listening on lo/);
  await ns.exec(['ping', '-c', '1', '127.0.0.1']);
  const r = await vcap.exited;
  t.is(r.code, 0, r.stderr);
  const warnings = r.stderr.split('\n').filter((l) => l.includes('WARNING'));
  t.deepEqual(warnings, ['vcap: WARNING: buffer size 2147483647 KiB is more than the kernel gives (at most half the free memory, 32768 KiB): using a ring of 32768 KiB']);
  t.regex(r.stderr, /^2 packets captured$/m);
});

test('a full disk (ENOSPC) under -w: one line, status 1, the file readable up to the last whole record', async (t) => {
  const dir = tempDir(t);
  const mnt = join(dir, 'small');
  mkdirSync(mnt);
  await must(['mount', '-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mnt]);
  // Synchronous, and registered after tempDir's: teardowns run last-first, so the directory is unmounted before it is removed.
  t.teardown(() => { try { execFileSync('umount', ['-l', mnt]); } catch { /* not mounted */ } });
  const { a, ifA, ipB } = await vethPair(t, 43);
  const out = join(mnt, 'full.pcap');
  const vcap = a.vcap(['-i', ifA, '-U', '-w', out]);
  t.teardown(() => vcap.kill());
  await vcap.waitFor(/listening on/);
  // 1000-byte pings until the disk is full.
  const flood = a.start(['ping', '-f', '-s', '1000', '-c', '2000', '-W', '1', ipB]);
  t.teardown(() => flood.kill());
  const r = await vcap.exited;
  flood.kill();
  t.is(r.code, 1, r.stderr);
  const lines = r.stderr.split('\n').filter((l) => l.startsWith('vcap: '));
  t.deepEqual(lines, [`vcap: ${out}: No space left on device`]);
  t.notRegex(r.stderr, noStack);
  const n = await packets(out);
  t.true(n > 50, `${n} packets in the file`);
});

test('a reader that goes away (EPIPE): vcap ends quietly with status 0, live and from a file', async (t) => {
  const { a, ifA, ipB } = await vethPair(t, 44);
  const p = spawn('ip', ['netns', 'exec', a.name, process.execPath, vcapBin, '-i', ifA, '-n', '-l'], { stdio: ['ignore', 'pipe', 'pipe'] });
  t.teardown(() => { p.kill('SIGKILL'); });
  let err = '';
  p.stderr.setEncoding('utf8').on('data', (d: string) => { err += d; });
  const exited = new Promise<number | null>((resolve) => p.on('close', (c) => resolve(c)));
  const firstLine = new Promise<void>((resolve) => p.stdout.once('data', () => resolve()));
  while (!/listening on/.test(err)) await sleep(20);
  const ping = a.start(['ping', '-i', '0.05', '-c', '200', ipB]);
  t.teardown(() => ping.kill());
  await firstLine;
  p.stdout.destroy(); // the reader goes away, like `| head -1`
  const code = await exited;
  ping.kill();
  t.is(code, 0, err);
  t.notRegex(err, noStack);
  t.deepEqual(err.split('\n').filter((l) => l.startsWith('vcap: ') && !l.includes('verbose output suppressed')), []);
  const r = await run(['sh', '-c', `${process.execPath} ${vcapBin} -r ${join(process.cwd(), 'test', 'pcaps', 'golden', 'dns.pcap')} -n | head -c 10 >/dev/null; echo "status \${PIPESTATUS:-0}"`]);
  t.notRegex(r.stderr, noStack);
  t.is(r.stderr.split('\n').filter((l) => l.startsWith('vcap: ')).length, 0, r.stderr);
});

test('a reader that stalls for seconds: the kernel drops and counts, vcap\'s memory stays flat, nothing is lost after', async (t) => {
  const { a, ifA, ipB } = await vethPair(t, 45);
  const p = spawn('ip', ['netns', 'exec', a.name, process.execPath, vcapBin, '-i', ifA, '-n', '-B', '1024'], { stdio: ['ignore', 'pipe', 'pipe'] });
  t.teardown(() => { p.kill('SIGKILL'); });
  let err = '', out = 0;
  p.stderr.setEncoding('utf8').on('data', (d: string) => { err += d; });
  const exited = new Promise<number | null>((resolve) => p.on('close', (c) => resolve(c)));
  while (!/listening on/.test(err)) await sleep(20);
  p.stdout.pause(); // nobody reads: the pipe fills, then vcap's writes block
  const flood = a.start(['ping', '-f', '-s', '200', '-w', '8', ipB]);
  t.teardown(() => flood.kill());
  await sleep(1500);
  const rss = [rssKiB(pidOf(p))];
  for (let i = 0; i < 8; i++) { await sleep(500); rss.push(rssKiB(pidOf(p))); }
  p.stdout.on('data', (d: Buffer) => { out += d.length; });
  p.stdout.resume();
  await flood.exited;
  await sleep(500);
  p.kill('SIGINT');
  const code = await exited;
  t.is(code, 0, err);
  t.log(`RSS while stalled (KiB): ${rss.join(' ')}`);
  // Flat: the stall holds frames in the kernel's ring (and drops), not in vcap.
  t.true(Math.max(...rss) - rss[0]! < 20 * 1024, `RSS grew from ${rss[0]} to ${Math.max(...rss)} KiB`);
  const dropped = Number(/^(\d+) packets? dropped by kernel$/m.exec(err)?.[1] ?? -1);
  const captured = Number(/^(\d+) packets? captured$/m.exec(err)?.[1] ?? -1);
  t.true(dropped > 0, err);
  t.true(captured > 0 && out > 0, err);
  t.notRegex(err, noStack);
});

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  test(`${signal} before the device is open, and while the ring fills: no trace, no device left, everything captured kept`, async (t) => {
    const ns = await Netns.create(t, 'vflt');
    // At once, before vcap has opened anything: the default action ends it, nothing is left behind.
    const early = spawn('ip', ['netns', 'exec', ns.name, process.execPath, vcapBin, '--tun', 'tun0', '-n'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let earlyErr = '';
    early.stderr.setEncoding('utf8').on('data', (d: string) => { earlyErr += d; });
    const earlyDone = new Promise<void>((resolve) => early.on('close', () => resolve()));
    await sleep(30);
    early.kill(signal);
    await earlyDone;
    t.notRegex(earlyErr, noStack);
    t.false((await ns.exec(['ip', 'link', 'show', 'tun0'])).code === 0, 'tun0 left behind');

    const dir = tempDir(t);
    const file = join(dir, 'sig.pcap');
    const { a, ifA, ipB } = await vethPair(t, 46 + ['SIGINT', 'SIGTERM', 'SIGHUP'].indexOf(signal));
    const vcap = a.vcap(['-i', ifA, '-w', file]);
    t.teardown(() => vcap.kill());
    await vcap.waitFor(/listening on/);
    const flood = a.start(['ping', '-f', '-s', '500', '-w', '3', ipB]);
    t.teardown(() => flood.kill());
    await sleep(1000);
    const r = await vcap.stop(signal);
    flood.kill();
    t.is(r.code, 0, r.stderr);
    t.notRegex(r.stderr, noStack);
    const captured = Number(/^(\d+) packets? captured$/m.exec(r.stderr)?.[1] ?? -1);
    t.true(captured > 100, r.stderr);
    t.is(await packets(file), captured);
  });
}
