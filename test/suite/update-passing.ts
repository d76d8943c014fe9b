// `npm run suite:passing`: runs tcpdump's suite through vcap and adds to test/pcaps/tcpdump-suite/PASSING
// every case that now prints what tcpdump prints. It never removes a name: when a case of PASSING
// no longer passes, it says which and changes nothing (exit 1) — mend the regression instead.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliPool } from '../helpers/cli-pool.js';
import { describeResult, passingList, runSuite, suiteCases, suiteDir, suiteFamilies, tzEnv } from '../helpers/tcpdump-suite.js';
import { figureLines } from './figure.js';

const header = `# tcpdump-suite cases whose output vcap prints byte for byte as tcpdump 4.99.3 does (one TESTS.tsv name a line).
# test/suite/tcpdump-suite.test.ts fails if one of them stops; \`npm run suite:passing\` adds new ones and never removes any.
`;

const cases = suiteCases();
const pool = new CliPool({ env: tzEnv });
let status = 0;
try {
  const res = await runSuite(pool, cases);
  for (const line of figureLines(res, suiteFamilies())) console.log(line);
  const byName = new Map(res.map((r) => [r.c.name, r]));
  const old = passingList();
  const lost = old.filter((n) => byName.get(n)?.verdict !== 'identical');
  if (lost.length > 0) {
    console.error(`PASSING not changed: ${lost.length} of its cases no longer print what tcpdump prints:`);
    for (const n of lost) console.error(`  ${n}: ${byName.has(n) ? describeResult(byName.get(n)!) : 'not in TESTS.tsv'}`);
    status = 1;
  } else {
    const keep = new Set([...old, ...res.filter((r) => r.verdict === 'identical').map((r) => r.c.name)]);
    // In TESTS.tsv order, so that a diff of PASSING reads like the suite.
    const names = cases.map((c) => c.name).filter((n) => keep.has(n));
    writeFileSync(join(suiteDir, 'PASSING'), header + names.map((n) => `${n}\n`).join(''));
    console.log(`PASSING: ${names.length} cases (${names.length - old.length} added)`);
  }
} finally {
  pool.close();
}
process.exitCode = status;
