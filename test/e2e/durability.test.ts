// Capture files that survive: kill -9 in the middle of a flood, a full disk, and the three stop
// signals. Whatever happens to vcap, every file it wrote opens in capinfos and tshark, whole.
import test from 'ava';
import type { ExecutionContext } from 'ava';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SETTLE_MS, run, sleep, vcapBin, vethPair } from '../helpers/netns.js';
import { corpusDir, readAll, tempDir } from '../pcap/helpers.js';
import { PcapWriter } from '../../src/output/pcap-writer.js';
import { opensWhole } from '../helpers/whole-files.js';

for (const [label, args] of [['pcap', []], ['pcapng, -C 2 -W 3', ['--pcapng', '-C', '2', '-W', '3']]] as const) {
  test(`kill -9 in the middle of a flood (${label}): every file opens whole in capinfos and tshark`, async (t) => {
    const dir = tempDir(t, true);
    const { a, b, ifB, ipB } = await vethPair(t, label === 'pcap' ? 78 : 79);
    for (let round = 0; round < 3; round++) {
      const out = join(dir, `round${round}`);
      mkdirSync(out);
      const vcap = b.vcap(['-i', ifB, ...args, '-w', join(out, 'cap')]);
      t.teardown(() => vcap.kill());
      await vcap.waitFor(/listening on/);
      // ping's flood: each request sent as the last reply comes back, tens of thousands a second.
      const flood = a.start(['ping', '-f', '-q', '-s', '400', ipB]);
      t.teardown(() => flood.kill());
      // Long enough for tens of megabytes and many writes; the kill lands wherever it lands.
      await sleep(1500 + round * 350);
      vcap.kill();
      await vcap.exited;
      const sizeAtKill = new Map(readdirSync(out).map((f) => [f, statSync(join(out, f)).size]));
      flood.kill();
      await flood.exited;
      // The guard cuts the file back as soon as vcap is gone.
      await sleep(300);
      const files = readdirSync(out).sort();
      t.true(files.length >= 1, `round ${round}`);
      let packets = 0;
      const report: string[] = [];
      for (const f of files) {
        const n = await opensWhole(t, join(out, f));
        packets += n;
        const size = statSync(join(out, f)).size, before = sizeAtKill.get(f) ?? size;
        report.push(`${f} ${size} bytes, ${n} packets${before !== size ? ` (cut back from ${before})` : ''}`);
      }
      t.log(`round ${round}, killed after ${1500 + round * 350} ms: ${report.join('; ')}`);
      t.true(packets > 0, `round ${round}: ${files.join(' ')}`);
    }
  });
}

test('a write cut short by SIGKILL is cut back to the last whole record once vcap is gone', async (t) => {
  // What the kernel can leave when it stops a write(2) for SIGKILL, made on purpose: one whole
  // record, then part of the next one, then the kill.
  const file = join(tempDir(t), 'cut.pcap');
  const dist = fileURLToPath(new URL('../../src/', import.meta.url));
  const script = `
    import { appendFileSync } from 'node:fs';
    import { native } from '${dist}capture/native.js';
    import { FileGuard } from '${dist}output/file-guard.js';
    import { PcapWriter } from '${dist}output/pcap-writer.js';
    const w = PcapWriter.open(process.argv[1], { linkType: 1, committer: new FileGuard(native().fileGuard()) });
    const f = new Uint8Array(60); f[12] = 8;
    w.writeFrame(f, 0, 60, 60, 1709294400, 0); w.flush();
    appendFileSync(process.argv[1], Buffer.alloc(30, 0x41));
    process.kill(process.pid, 'SIGKILL');`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, file]);
  t.is(r.signal, 'SIGKILL');
  for (let i = 0; i < 50 && statSync(file).size !== 24 + 16 + 60; i++) await sleep(50);
  t.is(statSync(file).size, 24 + 16 + 60);
  t.is(await opensWhole(t, file), 1);
});

/** A 1 MiB tmpfs, removed after the test. */
async function smallDisk(t: ExecutionContext): Promise<string> {
  const dir = tempDir(t);
  const r = await run(['mount', '-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir]);
  if (r.code !== 0) throw new Error(`mount: ${r.stderr}`);
  t.teardown(() => { spawnSync('umount', [dir]); });
  return dir;
}

test('a full disk while capturing: one line, status 1, the counters still printed, the file whole up to its last record', async (t) => {
  const disk = await smallDisk(t);
  const file = join(disk, 'full.pcapng');
  const { a, b, ifB, ipB } = await vethPair(t, 80);
  const vcap = b.vcap(['-i', ifB, '-w', file]);
  t.teardown(() => vcap.kill());
  await vcap.waitFor(/listening on/);
  // About 28 MB of requests and replies: far more than the disk holds.
  const flood = a.start(['ping', '-f', '-q', '-c', '10000', '-s', '1400', ipB]);
  t.teardown(() => flood.kill());
  const guard = setTimeout(() => vcap.kill(), 30000);
  const r = await vcap.exited;
  clearTimeout(guard);
  t.is(r.code, 1, r.stderr);
  const lines = r.stderr.trim().split('\n');
  t.is(lines.at(-1), `vcap: ${file}: No space left on device`);
  t.regex(r.stderr, /^\d+ packets captured\n\d+ packets received by filter\n\d+ packets dropped by kernel\n/m);
  t.is(lines.filter((l) => l.startsWith('vcap: ')).length, 1);
  const n = await opensWhole(t, file);
  t.true(n > 100);
  t.log(`exit status ${r.code}; stderr:\n${r.stderr}${file}: ${statSync(file).size} bytes on a 1 MiB tmpfs, ${n} packets, opens whole in capinfos and tshark`);
});

test('a full disk rewriting a file (-r -w): one line, status 1, the file whole up to its last record', async (t) => {
  const disk = await smallDisk(t);
  const input = join(tempDir(t), 'in.pcap');
  // ~2 MB of corpus frames: more than the disk holds.
  const frames = readAll(join(corpusDir, 'print-X.pcap')).frames;
  const w = PcapWriter.open(input, { linkType: 1 });
  for (let i = 0; i < 3000; i++) {
    const f = frames[i % frames.length]!;
    w.writeFrame(f.data, 0, f.capLen, f.origLen, 1709294400 + i, 0);
  }
  w.close();
  for (const name of ['full.pcap', 'full.pcapng']) {
    const out = join(disk, name);
    const r = await run([process.execPath, vcapBin, '-r', input, '-w', out]);
    t.is(r.code, 1);
    t.is(r.stderr, `reading from file ${input}, link-type EN10MB (Ethernet), snapshot length 262144\nvcap: ${out}: No space left on device\n`);
    const n = await opensWhole(t, out);
    t.true(n > 100 && n < 3000, `${name}: ${n}`);
    // The packets in it are the first n of the input, byte for byte.
    t.deepEqual(readAll(out).frames.map((f) => f.data.toString('hex')), readAll(input).frames.slice(0, n).map((f) => f.data.toString('hex')));
    spawnSync('rm', ['-f', out]);
  }
});

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  test(`${signal} closes the pcapng whole, with each interface's statistics`, async (t) => {
    const file = join(tempDir(t), 'sig.pcapng');
    const { a, ifA, ipB } = await vethPair(t, signal === 'SIGINT' ? 81 : signal === 'SIGTERM' ? 82 : 83);
    const vcap = a.vcap(['-i', ifA, '-w', file, 'icmp']);
    t.teardown(() => vcap.kill());
    await vcap.waitFor(/listening on/);
    await a.exec(['ping', '-c', '2', '-i', '0.2', ipB]);
    await sleep(SETTLE_MS);
    const r = await vcap.stop(signal);
    t.is(r.code, 0, r.stderr);
    t.is(await opensWhole(t, file), 4);
    t.regex((await run(['capinfos', '-I', file])).stdout, /Number of stat entries = 1\n/);
  });
}
