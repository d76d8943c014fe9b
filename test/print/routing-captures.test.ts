// The routing captures of test/pcaps/routing/ (from tcpdump's own tests: OSPFv2 TE and NSSA
// LSAs, OSPFv3 adjacencies, AH and the authentication trailer, LMP), printed by bin/vcap and by the
// installed tcpdump 4.99.3 with the same flags: the outputs must be identical.
import test from 'ava';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const vcap = join(root, 'bin', 'vcap');
const dir = join(root, 'test', 'pcaps', 'routing');
const captures = readdirSync(dir).filter((f) => f.endsWith('.pcap') || f.endsWith('.pcapng'));

for (const capture of captures) {
  test(`${capture}: as tcpdump prints it, with -v, -vv and -vvv -e`, (t) => {
    for (const flags of [[], ['-v'], ['-vv'], ['-vvv', '-e']]) {
      const args = ['-n', '-r', join(dir, capture), ...flags];
      const env = { ...process.env, TZ: 'GMT0' };
      const expected = spawnSync('tcpdump', args, { env, encoding: 'latin1' });
      const got = spawnSync(vcap, args, { env, encoding: 'latin1' });
      t.is(got.status, 0, got.stderr);
      t.regex(expected.stdout, /OSPF|LMP/, 'the capture holds OSPF or LMP');
      t.is(got.stdout, expected.stdout, `flags: ${flags.join(' ')}`);
    }
  });
}
