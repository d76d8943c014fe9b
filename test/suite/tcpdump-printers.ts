// A maintainer's tool, not a test: which of tcpdump's printers print each case of the suite.
//
//   node dist/test/suite/tcpdump-printers.js /path/to/tcpdump-4.99.3   (a source tree, e.g. `apt-get source tcpdump`)
//
// Builds that tcpdump with gcc's coverage counters (in a temporary copy), runs every case of
// test/pcaps/tcpdump-suite/TESTS.tsv with it, and after each run asks gcov which source files ran
// and how many of their lines. Writes, next to TESTS.tsv:
//   PRINTERS.tsv       case, then `file:lines` for each of tcpdump's print-*.c (and ntp.c) that ran
//   PRINTER-FILES.tsv  each print-*.c: its length in lines and its \summary line
// families.ts reads both to classify the cases by protocol family. Needs gcc, gcov, make, libpcap-dev.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suiteCases, suiteDir } from '../helpers/tcpdump-suite.js';

const src = process.argv[2];
if (!src) {
  console.error('usage: node dist/test/suite/tcpdump-printers.js TCPDUMP_SOURCE_DIR');
  process.exit(2);
}
const isPrinter = (f: string): boolean => /^print-.*\.c$/.test(f) || f === 'ntp.c';

const build = mkdtempSync(join(tmpdir(), 'vcap-tcpdump-cov-'));
try {
  cpSync(src, build, { recursive: true });
  console.log(`building tcpdump with coverage in ${build}`);
  execFileSync('./configure', ['CFLAGS=-O0 --coverage', 'LDFLAGS=--coverage', '--without-smi', '--without-crypto'], { cwd: build, stdio: 'ignore' });
  execFileSync('make', ['-j4'], { cwd: build, stdio: 'ignore' });

  const rows: string[] = [];
  for (const c of suiteCases()) {
    for (const f of readdirSync(build)) if (f.endsWith('.gcda')) unlinkSync(join(build, f));
    const run = spawnSync(join(build, 'tcpdump'), ['-#', '-n', '-r', c.capture, ...c.flags], { cwd: suiteDir, env: { ...process.env, TZ: 'GMT0' } });
    const same = run.stdout.equals(readFileSync(join(suiteDir, c.expectedFile)));
    if (!same) console.warn(`${c.name}: this build does not print the .out (build options?)`);
    const gcda = readdirSync(build).filter((f) => f.endsWith('.gcda') && isPrinter(f.replace(/\.gcda$/, '.c')));
    const report = execFileSync('gcov', ['-n', ...gcda], { cwd: build, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const ran: string[] = [];
    for (const m of report.matchAll(/File '([^']+)'\nLines executed:([\d.]+)% of (\d+)/g)) {
      const lines = Math.round((Number(m[2]) * Number(m[3])) / 100);
      if (isPrinter(m[1]!) && lines > 0) ran.push(`${m[1]}:${lines}`);
    }
    rows.push(`${c.name}\t${ran.sort().join(' ')}`);
    process.stdout.write('.');
  }
  process.stdout.write('\n');
  writeFileSync(join(suiteDir, 'PRINTERS.tsv'),
    '# case\ttcpdump 4.99.3 source files that printed it, with the number of their lines that ran (test/suite/tcpdump-printers.ts)\n' +
    rows.map((r) => `${r}\n`).join(''));

  const files = readdirSync(src).filter(isPrinter).sort().map((f) => {
    const text = readFileSync(join(src, f), 'latin1');
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    const summary = /\\summary:\s*(.*?)\s*\*\//.exec(text)?.[1] ?? '';
    return `${f}\t${lines}\t${summary}\n`;
  });
  writeFileSync(join(suiteDir, 'PRINTER-FILES.tsv'), '# file\tlines\ttcpdump\'s \\summary of it\n' + files.join(''));
  console.log(`PRINTERS.tsv: ${rows.length} cases; PRINTER-FILES.tsv: ${files.length} files`);
} finally {
  rmSync(build, { recursive: true, force: true });
}
