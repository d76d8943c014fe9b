// The bounded fuzz run of every CI build: each target for a fixed share of time from a fixed seed
// (the same inputs first on every run), without coverage guidance, which costs more inputs than it
// finds in so short a run (`npm run fuzz` uses it). Any crash, hang (one input over 2 s), stack
// trace or leaked `undefined`/`NaN`/`[object` fails; the failing input is minimised and written
// to test/fuzz/regressions/<target>/, to be committed with its fix.
import test from 'ava';
import { fuzzTarget } from './runner.js';

// Seconds per target, and the fewest inputs a run must get through (a tenth of an idle machine's rate).
const budget: [string, number, number][] = [['frames', 20, 4000], ['capture-file', 30, 100], ['filter', 25, 2000], ['cli', 20, 50]];

for (const [name, seconds, floor] of budget) {
  test.serial(`fuzz ${name}: ${seconds} s, no crash, no hang`, async (t) => {
    const r = await fuzzTarget(name, { seconds, seed: 20261206, coverage: false });
    t.log(`${name}: ${r.inputs} inputs in ${r.seconds.toFixed(1)} s`);
    for (const f of r.failures) t.log(`${f.kind}: ${f.message} (saved as ${f.file})`);
    t.deepEqual(r.failures.map((f) => `${f.kind}: ${f.message}`), []);
    t.true(r.inputs >= floor, `${r.inputs} inputs`);
  });
}
