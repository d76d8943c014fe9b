// NetBIOS and SMB printed as tcpdump 4.99.3 prints them: with --smb as tcpdump built with
// --enable-smb does (its own expected outputs for that build, smb.tests' ENABLE_SMB cases, and the
// outputs of such a build on frames made by make-fixtures.py), and without --smb as Debian's tcpdump
// does (the -nosmb outputs: plain UDP/TCP lines). Whole stdout, byte for byte.
import test from 'ava';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const vcap = fileURLToPath(new URL('../../../bin/vcap', import.meta.url));
const dir = fileURLToPath(new URL('../../../test/pcaps/smb/', import.meta.url));
const rows = readFileSync(join(dir, 'TESTS.tsv'), 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#'))
  .map((l) => l.split('\t') as [string, string, string, string]);

for (const [name, pcap, flags, out] of rows) {
  test.serial(`vcap ${name}: -# -n -r ${pcap} ${flags}`, (t) => {
    const args = ['-#', '-n', '-r', pcap, ...(flags === '' ? [] : flags.split(' '))];
    const r = spawnSync(process.execPath, [vcap, ...args], { cwd: dir, env: { ...process.env, TZ: 'GMT0' }, maxBuffer: 64 << 20 });
    t.is(r.stdout.toString('latin1'), readFileSync(join(dir, out)).toString('latin1'));
    t.regex(r.stderr.toString(), /^reading from file .*, link-type EN10MB \(Ethernet\), snapshot length \d+\n$/);
    t.is(r.status, 0);
  });
}

test('the cases are there: tcpdump\'s own ENABLE_SMB outputs and their -nosmb twins', (t) => {
  const names = new Set(rows.map(([n]) => n));
  for (const n of ['eapon1', 'eapon1-v', 'nbns-valgrind', 'smb_print_trans-oobr2', 'smb_data_print-oobr', 'smb_data_print-segv']) {
    t.true(names.has(n), n);
    t.true(names.has(`${n}-nosmb`), `${n}-nosmb`);
  }
});
