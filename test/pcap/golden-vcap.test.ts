// bin/vcap on the golden fixtures, run exactly as tcpdump was to record them:
// TZ=GMT0 vcap -# -n -r NAME.pcap FLAGS → stdout byte-identical to NAME.out, stderr tcpdump's one line.
import test from 'ava';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { goldenDir } from './helpers.js';

const vcap = fileURLToPath(new URL('../../../bin/vcap', import.meta.url));
const rows = readFileSync(join(goldenDir, 'TESTS.tsv'), 'utf8').split('\n').filter((l) => l !== '').map((l) => l.split('\t') as [string, string, string, string]);
const headers = new Map<string, string>();

/**
 * tcpdump's "reading from file" line for a capture, which vcap must print as its only stderr line
 * (tcpdump adds "Warning: interface names might be incorrect" for SLL2 files, which vcap need not).
 */
function tcpdumpStderr(pcap: string): string {
  let h = headers.get(pcap);
  if (h === undefined) {
    h = spawnSync('tcpdump', ['-r', pcap, '-w', '/dev/null'], { cwd: goldenDir, encoding: 'utf8' }).stderr.split('\n')[0] + '\n';
    headers.set(pcap, h);
  }
  return h;
}

for (const [name, pcap, flags, out] of rows) {
  // Serial: each case is a blocking spawn; running them "concurrently" only stacks their durations.
  test.serial(`vcap ${name}: -# -n -r ${pcap} ${flags}`, (t) => {
    const args = ['-#', '-n', '-r', pcap, ...(flags === '' ? [] : flags.split(' '))];
    const r = spawnSync(process.execPath, [vcap, ...args], { cwd: goldenDir, env: { ...process.env, TZ: 'GMT0' } });
    t.is(r.stdout.toString('latin1'), readFileSync(join(goldenDir, out)).toString('latin1'));
    t.is(r.stderr.toString(), tcpdumpStderr(pcap));
    t.is(r.status, 0);
  });
}
