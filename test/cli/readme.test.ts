// The README's two commands stay true: the first installs what `vcap demo` needs and runs it
// (the demo itself runs in test/e2e/demo.test.ts), the second is CI's own script, which installs
// at least as much.
import test from 'ava';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/netns.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!.trim());
const ci = readFileSync(join(repoRoot, '.ci', 'run'), 'utf8');

/** The Debian packages an `apt-get install -y …` line names. */
function packages(text: string): string[] {
  const m = /apt-get install -y(?: -qq)? ([^&>\n]+)/.exec(text);
  return m ? m[1]!.trim().split(/\s+/) : [];
}

test('the first command installs the demo\'s tools, builds, and runs vcap demo', (t) => {
  const first = blocks[0]!;
  t.regex(first, /^apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y .* && npm ci && \.\/bin\/vcap demo$/);
  const pkgs = packages(first);
  // The addon's build, and what the demo runs: ip, ping, iperf3.
  for (const p of ['g++', 'make', 'python3', 'iproute2', 'iputils-ping', 'iperf3']) t.true(pkgs.includes(p), p);
  t.is(JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).scripts.demo, 'node bin/vcap demo');
});

test('the second command is CI\'s script, and CI installs everything the first command does', (t) => {
  t.is(blocks[1], 'bash .ci/run');
  const ciPkgs = packages(ci);
  for (const p of packages(blocks[0]!)) t.true(ciPkgs.includes(p), p);
});
