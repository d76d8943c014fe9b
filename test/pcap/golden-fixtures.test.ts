// The golden fixtures are what Debian tcpdump prints: TESTS.tsv is well-formed and every .out
// is reproduced by the installed tcpdump with the corpus command (so a stale .out cannot hide).
import test from 'ava';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { goldenDir } from './helpers.js';

const rows = readFileSync(join(goldenDir, 'TESTS.tsv'), 'utf8').split('\n').filter((l) => l !== '').map((l) => l.split('\t'));

test('TESTS.tsv: 4 tab-separated columns, unique names, files present', (t) => {
  t.true(rows.length >= 40, `${rows.length} rows`);
  const names = new Set<string>();
  for (const r of rows) {
    t.is(r.length, 4, r.join('|'));
    const [name, pcap, , out] = r as [string, string, string, string];
    t.false(names.has(name), name);
    names.add(name);
    t.is(out, `${name}.out`);
    t.true(existsSync(join(goldenDir, pcap)), pcap);
    t.true(existsSync(join(goldenDir, out)), out);
  }
});

const version = spawnSync('tcpdump', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0] ?? '';

for (const [name, pcap, flags, out] of rows as [string, string, string, string][]) {
  test(`golden ${name}: tcpdump ${flags} reproduces ${out}`, (t) => {
    if (version !== 'tcpdump version 4.99.3') {
      t.fail(`the oracle is tcpdump 4.99.3, found "${version}"`);
      return;
    }
    const args = ['-#', '-n', '-r', pcap, ...(flags === '' ? [] : flags.split(' '))];
    const r = spawnSync('tcpdump', args, { cwd: goldenDir, env: { ...process.env, TZ: 'GMT0' } });
    t.is(r.status, 0, r.stderr.toString());
    t.is(r.stdout.toString('latin1'), readFileSync(join(goldenDir, out)).toString('latin1'));
  });
}
