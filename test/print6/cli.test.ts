// The print6 captures through the command line, as a user runs them:
// `TZ=GMT0 bin/vcap -# -n -r X.pcap FLAGS` must print Debian tcpdump 4.99.3's .out byte for byte.
import test from 'ava';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCases } from './harness.js';

const vcap = fileURLToPath(new URL('../../../bin/vcap', import.meta.url));
const dir = fileURLToPath(new URL('../../../test/pcaps/print6/', import.meta.url));

for (const k of readCases(`${dir}TESTS.tsv`)) {
  test(`vcap -# -n -r ${basename(k.pcap)} ${k.flags}`, async t => {
    const args = ['-#', '-n', '-r', basename(k.pcap), ...k.flags.split(' ').filter(f => f !== '')];
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>(resolve => {
      execFile(vcap, args, { cwd: dir, env: { ...process.env, TZ: 'GMT0' }, encoding: 'latin1', maxBuffer: 64 << 20 },
        (err, out, errOut) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout: out, stderr: errOut }));
    });
    t.is(code, 0, stderr);
    t.is(stdout, readFileSync(k.out, 'latin1'));
  });
}
