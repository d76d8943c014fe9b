// npm run bench in its quickest form, on tiny corpora, so that the harness never rots: every
// section runs end to end and reports what it measured. No timing is asserted (timings on a
// shared machine mean nothing); what a reader of BENCHMARKS.md relies on is.
import test from 'ava';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers/netns.js';

test.serial('npm run bench -- --quick: every section, every corpus × flag set, outputs compared', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'vcap-bench-test-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const out = join(dir, 'bench.md');
  // mixed (ours) and dns (scapy, the generator most corpora come from).
  const sections = process.getuid?.() === 0 ? 'print,decode,filter,live,startup,memory' : 'print,decode,filter,startup,memory';
  const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'bench', 'run.js'), '--quick', '--count', '200', '--corpora', 'mixed,dns', '--only', sections, '--out', out],
    { encoding: 'utf8', timeout: 540_000, maxBuffer: 1 << 26 });
  t.is(r.status, 0, r.stderr);
  const md = readFileSync(out, 'utf8');
  t.regex(md, /^<!-- npm run bench: generated from here/);
  t.regex(md, /Machine: .+ × \d+ cores/);
  for (const corpus of ['mixed', 'dns']) {
    t.regex(md, new RegExp(`^\\| ${corpus} \\| .+ \\| 200 \\| `, 'm'), `${corpus} in the corpora table`);
    for (const flags of ['-n', '-n -v', '-n -e', '-n -X', '-n -q']) {
      // vcap s | tcpdump s | ratio | ns/pkt ×2 | verdict
      t.regex(md, new RegExp(`^\\| ${corpus} \\| \`${flags}\` \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+× \\| [\\d.]+ \\| [\\d.]+ \\| ([\\d.]+×|–) \\| \\d+ \\| \\d+ \\| (identical|\\*\\*\\d+ of \\d+ line groups differ\\*\\*)`, 'm'), `${corpus} ${flags}`);
    }
    for (const loop of ['batch', 'user'])
      t.regex(md, new RegExp(`^\\| ${corpus} \\| ${loop} \\| [\\d.]+.* \\| [\\d.]+.* \\| [\\d.]+× \\| \\d+ / 0 \\|`, 'm'), `decode ${corpus} ${loop}`);
  }
  // The project's own corpus prints as tcpdump prints it (the golden tests' promise, on 300 packets).
  t.regex(md, /^\| mixed \| `-n` \| .* \| identical \|/m);
  t.regex(md, /^\| mixed \| `tcp port 80 or udp port 53` \| .* \| (\d+) \/ \1 \|$/m, 'filter counts agree with tcpdump');
  t.regex(md, /^\| `vcap -n -r` \| \d+.* \| \d+.* \| [\d.]+.* \|$/m, 'start-up row');
  t.regex(md, /^\| `-n -r` mixed \| 200 \| [\d.]+.* \| [\d.]+.* \|/m, 'memory at 1×');
  t.regex(md, /^\| `-n -r` mixed \| 2000 \| [\d.]+.* \| [\d.]+.* \|/m, 'memory at 10×');
  if (process.getuid?.() === 0) t.regex(md, /\| -w FILE \| vcap \| \d+ \| \d+ \|/, 'bench/live ran');
  t.regex(md, /<!-- npm run bench: generated up to here -->\n$/);
});
