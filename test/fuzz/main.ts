// `npm run fuzz -- [--seconds N] [--target T] [--seed S] [--no-coverage] [--list]`: long fuzz runs,
// every target in turn (or one), N seconds each (default 60). Failing inputs are minimised and
// written to test/fuzz/regressions/<target>/ (commit them: regressions.test.ts replays them).
// Exit status 1 when anything failed.
import { fuzzTarget, regressionInputs } from './runner.js';
import { loadTarget, targetNames } from './targets/index.js';

function option(name: string): string | undefined {
  const argv = process.argv.slice(2);
  const i = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  const a = argv[i]!;
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[i + 1];
}

const argv = process.argv.slice(2);
if (argv.includes('--list')) {
  for (const n of targetNames) process.stdout.write(`${n}: ${(await loadTarget(n)).description}\n`);
  process.exit(0);
}
const seconds = Number(option('--seconds') ?? 60);
const seed = Number(option('--seed') ?? Date.now() % 2 ** 31);
const only = option('--target');
if (!Number.isFinite(seconds) || seconds <= 0) throw new Error('--seconds N: a positive number');
const names = only === undefined ? [...targetNames] : only.split(',');
for (const n of names) if (!(targetNames as readonly string[]).includes(n)) throw new Error(`no target '${n}' (${targetNames.join(', ')})`);

let failed = 0;
process.stdout.write(`seed ${seed}, ${seconds} s per target\n`);
for (const name of names) {
  const r = await fuzzTarget(name, { seconds, seed, coverage: !argv.includes('--no-coverage'), inputs: regressionInputs(name).map((x) => x.input) });
  process.stdout.write(`${name}: ${r.inputs} inputs in ${r.seconds.toFixed(1)} s (${Math.round(r.inputs / r.seconds)}/s), corpus ${r.corpus}, ${r.coverage} blocks covered, ` +
    `${r.failures.filter((f) => f.kind === 'crash').length} crashes, ${r.failures.filter((f) => f.kind === 'hang').length} hangs\n`);
  for (const f of r.failures) process.stdout.write(`  ${f.kind}: ${f.message}\n    saved as ${f.file ?? '(not saved)'}\n`);
  failed += r.failures.length;
}
process.exit(failed > 0 ? 1 : 0);
