// Every input that ever failed a fuzz target (test/fuzz/regressions/<target>/*.bin, with the
// failure it gave in the .txt beside it) runs again through its target: it must pass now, within
// the hang limit.
import test from 'ava';
import { regressionInputs, replay } from './runner.js';
import { targetNames } from './targets/index.js';

for (const name of targetNames) {
  test.serial(`fuzz regressions: ${name}`, async (t) => {
    const inputs = regressionInputs(name);
    const r = await replay(name, inputs.map((x) => x.input));
    t.is(r.ran, inputs.length);
    t.deepEqual(r.failures.map((f) => `${f.kind}: ${f.message}`), []);
    t.log(`${inputs.length} inputs replayed`);
  });
}
