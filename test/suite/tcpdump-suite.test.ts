// tcpdump 4.99.3's own regression suite (409 cases, test/pcaps/tcpdump-suite/) through vcap, run as
// tcpdump runs it: `TZ=GMT0 vcap -# -n -r CAPTURE FLAGS`, in-process on one worker per core
// (test/helpers/cli-worker.ts: the CLI's main(), as bin/vcap runs it). The expected text is the
// installed tcpdump's output (4.99.3; the .out file without it).
//
// Fails on: a case of PASSING that no longer prints tcpdump's text byte for byte; any stack trace,
// crash or hang (> 10 s), in the 409 cases or with every flag set of the suite on every capture.
// Prints the figure (identical / 409, refusals, …) overall and per protocol family (FAMILIES.tsv).
// When more cases pass, `npm run suite:passing` adds them to PASSING.
import test from 'ava';
import { CliPool, type Outcome } from '../helpers/cli-pool.js';
import {
  describeResult, distinctFlagSets, passingList, runSuite, suiteArgv, suiteCases, suiteDir, suiteFamilies, tzEnv,
  type CaseResult, type Verdict,
} from '../helpers/tcpdump-suite.js';
import { figureLines } from './figure.js';

const pool = new CliPool({ env: tzEnv });
test.after.always(() => pool.close());

const cases = suiteCases();
let suite: Promise<CaseResult[]> | undefined;
const results = (): Promise<CaseResult[]> => (suite ??= runSuite(pool, cases));

const broken = (v: Verdict): boolean => v === 'trace' || v === 'crash' || v === 'hang';

test('tcpdump suite: the figure, and every case of PASSING still prints what tcpdump prints', async (t) => {
  const t0 = Date.now();
  const res = await results();
  for (const line of figureLines(res, suiteFamilies())) t.log(line);
  t.log(`${res.length} cases in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const byName = new Map(res.map((r) => [r.c.name, r]));
  const passing = passingList();
  t.deepEqual(passing.filter((n) => !byName.has(n)), [], 'PASSING names cases that TESTS.tsv does not have');
  const regressions = passing.filter((n) => byName.get(n)?.verdict !== 'identical').map((n) => `${n}: ${describeResult(byName.get(n)!)}`);
  t.deepEqual(regressions, [], 'cases that printed what tcpdump prints and no longer do');
  const broke = res.filter((r) => broken(r.verdict)).map((r) => `${r.c.name}: ${describeResult(r)}`);
  t.deepEqual(broke, []);
  const more = res.filter((r) => r.verdict === 'identical' && !passing.includes(r.c.name)).length;
  if (more > 0) t.log(`${more} more cases print what tcpdump prints: \`npm run suite:passing\` adds them to PASSING`);
  t.is(pool.stray, '', 'a command wrote outside its stdout/stderr');
});

test('tcpdump suite: no stack trace, crash or hang on any capture with any flag set of the suite', async (t) => {
  const t0 = Date.now();
  // Let the 409 cases go first: the figure is what a reader waits for.
  await results();
  const sets = distinctFlagSets(cases);
  const captures = [...new Set(cases.map((c) => c.capture))];
  const done = new Set(cases.map((c) => `${c.capture}\0${JSON.stringify(c.flags)}`));
  const runs: Promise<[string, Outcome]>[] = [];
  for (const capture of captures) {
    for (const flags of sets) {
      if (done.has(`${capture}\0${JSON.stringify(flags)}`)) continue;
      const argv = suiteArgv(capture, flags);
      runs.push(pool.run(argv, suiteDir).then((o) => [argv.join(' '), o]));
    }
  }
  const outcomes = await Promise.all(runs);
  const bad = outcomes.filter(([, o]) => o.kind !== 'exit').map(([cmd, o]) =>
    `vcap ${cmd}: ${o.kind === 'trace' ? o.trace.split('\n').slice(0, 3).join(' | ') : o.kind === 'crash' ? o.detail : `no result after ${o.ms} ms`}`);
  const refused = outcomes.filter(([, o]) => o.kind === 'exit' && o.status !== 0).length;
  t.log(`${outcomes.length} more runs (${captures.length} captures × ${sets.length} flag sets, less the cases) in ` +
    `${((Date.now() - t0) / 1000).toFixed(1)} s: ${bad.length} stack traces, crashes or hangs; ${refused} ended with an error`);
  t.deepEqual(bad, []);
});
