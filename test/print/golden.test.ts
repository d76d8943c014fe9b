// Golden output: every case of test/pcaps/tcpdump/TESTS.tsv (tcpdump's own regression corpus) and
// test/pcaps/golden/TESTS.tsv (captures recorded with Debian tcpdump 4.99.3) is run as
// `TZ=GMT0 bin/vcap -# -n -r X.pcap FLAGS` and must match the .out byte for byte.
import test from 'ava';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const vcap = join(root, 'bin', 'vcap');

interface Case { name: string; pcap: string; flags: string[]; out: string }

function cases(dir: string): Case[] {
  const text = readFileSync(join(dir, 'TESTS.tsv'), 'utf8');
  return text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#')).map((line) => {
    // Single tabs: the flags column may be empty.
    const [name, pcap, flags, out] = line.split('\t');
    return { name: name!, pcap: pcap!, flags: (flags ?? '').split(' ').filter((f) => f !== ''), out: out! };
  });
}

function run(cwd: string, args: string[]): Promise<{ code: number; stdout: Buffer; stderr: string }> {
  return new Promise((resolve) => {
    execFile(vcap, args, { cwd, env: { ...process.env, TZ: 'GMT0' }, encoding: 'buffer', maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr: stderr.toString('latin1') });
    });
  });
}

for (const set of ['tcpdump', 'golden']) {
  const dir = join(root, 'test', 'pcaps', set);
  for (const c of cases(dir)) {
    test(`${set}: ${c.name}`, async (t) => {
      const r = await run(dir, ['-#', '-n', '-r', c.pcap, ...c.flags]);
      t.is(r.code, 0, r.stderr);
      t.regex(r.stderr, new RegExp(`^reading from file ${c.pcap.replace(/[.+]/g, '\\$&')}, link-type [^\\n]+, snapshot length \\d+\\n$`));
      const expected = readFileSync(join(dir, c.out));
      // Compare as text so a failure shows the differing lines.
      t.is(r.stdout.toString('latin1'), expected.toString('latin1'));
    });
  }
}
