// Under a flood that never ends, a signal still stops vcap (a drain hands the event loop back
// after a ring's worth of blocks), and the counters add up.
import test from 'ava';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sleep, vethPair } from '../helpers/netns.js';

test('a never-ending flood: SIGINT still stops vcap, with consistent statistics', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'vcap-flood-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'f.cfg'), '{ eth(da=02:00:00:00:00:02, sa=02:00:00:00:00:01), ipv4(saddr=10.46.0.1, daddr=10.46.0.2), udp(sp=4000, dp=dinc(1000, 1099)), fill(0x41, 22) }\n');
  const { a, b, ifA, ifB } = await vethPair(t, 46);
  // Verbose text is the slowest consumer, and a 1 MiB ring the smallest buffer.
  const vcap = b.vcap(['-i', ifB, '-n', '-v', '-B', '1024']);
  t.teardown(() => vcap.kill());
  await vcap.waitFor(/listening on/);
  const flood = a.start(['trafgen', '-o', ifA, '--cpus', '1', '-n', '0', '-i', join(dir, 'f.cfg'), '-q']);
  t.teardown(() => flood.kill());
  await sleep(1500);
  const guard = setTimeout(() => vcap.kill(), 30000);
  const r = await vcap.stop('SIGINT');
  clearTimeout(guard);
  flood.kill();
  t.is(r.signal, null, 'vcap had to be killed: the signal was never handled');
  t.is(r.code, 0, r.stderr);
  const num = (re: RegExp): number => Number(re.exec(r.stderr)?.[1]);
  const captured = num(/^(\d+) packets? captured$/m), received = num(/^(\d+) packets? received by filter$/m), dropped = num(/^(\d+) packets? dropped by kernel$/m);
  t.true(captured > 0, r.stderr);
  t.true(captured + dropped <= received, r.stderr);
});
