// Live -w: the file holds exactly the packets vcap says it captured, as capinfos and tshark count them.
import test from 'ava';
import { join } from 'node:path';
import { SETTLE_MS, run, sleep, vcapBin, vethPair, withoutTimes } from '../helpers/netns.js';
import { tempDir } from '../pcap/helpers.js';

test('vcap -i veth -w file: capinfos and tshark count the packets vcap reports', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'live.pcap');
  const { a, ifA, ipB } = await vethPair(t, 35);
  const vcap = a.vcap(['-i', ifA, '-w', file]);
  t.teardown(() => vcap.kill());
  await vcap.waitFor(/listening on/);
  await a.exec(['ping', '-c', '5', '-i', '0.2', ipB]);
  await a.exec(['ping', '-c', '20', '-i', '0.01', '-s', '1400', ipB]);
  await sleep(SETTLE_MS);
  const r = await vcap.stop('SIGTERM');
  t.is(r.code, 0, r.stderr);
  const captured = Number(/^(\d+) packets? captured$/m.exec(r.stderr)?.[1]);
  t.is(captured, 50, r.stderr);
  const info = await run(['capinfos', '-c', '-M', '-E', file]);
  t.is(info.code, 0, info.stderr);
  t.regex(info.stdout, new RegExp(`Number of packets:\\s+${captured}\\n`));
  t.regex(info.stdout, /File encapsulation:\s+ether\n/);
  const shark = await run(['tshark', '-r', file, '-T', 'fields', '-e', 'frame.len']);
  t.is(shark.code, 0, shark.stderr);
  const lens = shark.stdout.trim().split('\n').map(Number);
  t.is(lens.length, captured);
  t.is(lens.filter((l) => l === 98).length, 10);
  t.is(lens.filter((l) => l === 1442).length, 40);
});

test('vcap -i veth -w file --print: the lines as it captures, and the file holds the packets they show', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'printed.pcap');
  const { a, ifA, ipB } = await vethPair(t, 47);
  const vcap = a.vcap(['-i', ifA, '-n', '-w', file, '--print']);
  t.teardown(() => vcap.kill());
  await vcap.waitFor(/listening on/);
  await a.exec(['ping', '-c', '3', '-i', '0.2', ipB]);
  await sleep(SETTLE_MS);
  const r = await vcap.stop('SIGTERM');
  t.is(r.code, 0, r.stderr);
  const lines = withoutTimes(r.stdout);
  t.is(lines.filter((l) => / ICMP echo (request|reply), /.test(l)).length, 6, r.stdout);
  // tcpdump reading the file back prints the same lines (and the timestamps too).
  const back = await run(['tcpdump', '-n', '-r', file]);
  t.is(back.code, 0, back.stderr);
  t.is(r.stdout, back.stdout);
});

test('vcap -i veth --pcapng -w file: a pcapng file tshark reads, with every packet vcap reports', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'live.pcapng');
  const { a, ifA, ipB } = await vethPair(t, 39);
  const vcap = a.vcap(['-i', ifA, '--pcapng', '-w', file]);
  t.teardown(() => vcap.kill());
  await vcap.waitFor(/listening on/);
  await a.exec(['ping', '-c', '4', '-i', '0.2', ipB]);
  await sleep(SETTLE_MS);
  const r = await vcap.stop('SIGHUP');
  t.is(r.code, 0, r.stderr);
  t.true(r.stderr.includes('8 packets captured\n'), r.stderr);
  const info = await run(['capinfos', '-t', '-c', '-M', file]);
  t.is(info.code, 0, info.stderr);
  t.regex(info.stdout, /File type:\s+pcapng\n/);
  t.regex(info.stdout, /Number of packets:\s+8\n/);
  const shark = await run(['tshark', '-r', file, '-Y', 'icmp.type == 8']);
  t.is(shark.stdout.trim().split('\n').length, 4, shark.stdout);
});

test('-i any -s 60 -w: the same bytes (cooked v2 headers, cut at 60) as tcpdump writes', async (t) => {
  const dir = tempDir(t);
  const { a, ipB } = await vethPair(t, 40);
  const vfile = join(dir, 'v.pcap'), dfile = join(dir, 'd.pcap');
  const vcap = a.vcap(['-i', 'any', '-s', '60', '-w', vfile]);
  const tcpdump = a.start(['tcpdump', '-i', 'any', '-s', '60', '--immediate-mode', '-w', dfile]);
  t.teardown(() => { vcap.kill(); tcpdump.kill(); });
  await vcap.waitFor(/listening on/);
  await tcpdump.waitFor(/listening on/);
  await a.exec(['ping', '-c', '3', '-i', '0.2', ipB]);
  await a.exec(['ping', '-c', '2', '-i', '0.2', '-s', '1000', '127.0.0.1']);
  await sleep(SETTLE_MS);
  const [v] = await Promise.all([vcap.stop(), tcpdump.stop()]);
  t.is(v.code, 0, v.stderr);
  // tcpdump itself reads both files back: every header field and byte, timestamps left out.
  const dump = async (f: string): Promise<string> => (await run(['tcpdump', '-r', f, '-nn', '-t', '-xx'])).stdout;
  const vd = await dump(vfile);
  t.is((vd.match(/^\S/gm) ?? []).length, 10, vd);
  t.is(vd, await dump(dfile));
  const info = await run(['capinfos', '-l', '-E', vfile]);
  t.regex(info.stdout, /File encapsulation:\s+Linux cooked-mode capture v2/);
  t.regex(info.stdout, /Packet size limit:\s+file hdr: 60 bytes/);
});

/** Reads `read()` every `everyMs` until `enough` says so or 8 s pass; returns the last reading. */
async function pollUntil(read: () => number | Promise<number>, enough: (n: number) => boolean, everyMs: number): Promise<number> {
  let n = await read();
  for (let waited = 0; waited < 8000 && !enough(n); waited += everyMs) {
    await sleep(everyMs);
    n = await read();
  }
  return n;
}

/** Records in a pcap file as tcpdump reads them (0 while the file has no complete header yet). */
async function records(file: string): Promise<number> {
  const r = await run(['tcpdump', '-r', file, '-nn']);
  return r.stdout.split('\n').filter((l) => l !== '').length;
}

test('-w file stopped at once: frames still in the block the kernel has not handed over are written', async (t) => {
  // Writing a file, the ring's blocks wait up to 1 s, as tcpdump's do; a stop a few ms after the
  // traffic must still write every frame (tcpdump itself would report them received but lose them).
  const dir = tempDir(t);
  const file = join(dir, 'stop.pcap');
  const { a, ifA, ipB } = await vethPair(t, 66);
  const vcap = a.vcap(['-i', ifA, '-w', file, 'icmp']);
  t.teardown(() => vcap.kill());
  await vcap.waitFor(/listening on/);
  await a.exec(['ping', '-c', '3', '-i', '0.05', ipB]);
  const r = await vcap.stop('SIGINT');
  t.is(r.code, 0, r.stderr);
  t.regex(r.stderr, /^6 packets captured\n6 packets received by filter\n0 packets dropped by kernel\n$/m);
  t.is(await records(file), 6);
});

test('-w file while capturing: what arrived is in the file within seconds, before any stop', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'running.pcap');
  const { a, ifA, ipB } = await vethPair(t, 67);
  const vcap = a.vcap(['-i', ifA, '-w', file, 'icmp']);
  t.teardown(() => vcap.kill());
  await vcap.waitFor(/listening on/);
  await a.exec(['ping', '-c', '2', '-i', '0.2', ipB]);
  // The block is handed over within 1 s and the buffer written within 2 s more; then traffic stops.
  t.is(await pollUntil(() => records(file), (n) => n >= 4, 250), 4);
  const r = await vcap.stop('SIGINT');
  t.is(r.code, 0, r.stderr);
  t.is(await records(file), 4);
});

test('-w - into a pipe: each block reaches the reader while vcap keeps running', async (t) => {
  const { a, ifA, ipB } = await vethPair(t, 68);
  // tcpdump reads vcap's stream and prints as records arrive (-l), inside the same namespace.
  const pipeline = a.start(['sh', '-c', `'${process.execPath}' '${vcapBin}' -i ${ifA} -w - icmp | tcpdump -l -nn -r -`]);
  t.teardown(() => pipeline.kill());
  await pipeline.waitFor(/listening on/);
  await a.exec(['ping', '-c', '2', '-i', '0.2', ipB]);
  const echoes = (): number => pipeline.stdout.split('\n').filter((l) => / ICMP echo (request|reply)/.test(l)).length;
  const lines = await pollUntil(echoes, (n) => n >= 4, 100);
  t.is(lines, 4, pipeline.stdout);
  await a.exec(['pkill', '-INT', '-f', `vcap -i ${ifA}`]);
  const r = await pipeline.exited;
  t.is(r.code, 0, r.stderr);
  t.regex(r.stderr, /^4 packets captured$/m);
});
