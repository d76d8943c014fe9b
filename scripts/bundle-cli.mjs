// Bundles the compiled CLI (dist/src/cli/bin.js and every module it imports, the lazily imported
// printers and filter compiler included) into one script, dist/src/cli/vcap.bundle.cjs, with
// esbuild, and writes V8's code cache of it (vcap.bundle.code-cache).
// Why: Node 20 loads ES modules one at a time (resolve, read, compile, instantiate, ~60 of them for
// `vcap -r`); one file is one of each, ~40 ms less CPU at every start (BENCHMARKS.md, start-up). Node 20
// keeps no code cache for an ES module, so V8 parsed the whole bundle (2 MB, ~40 ms) at every start:
// as a script (a CommonJS-style function bin/vcap compiles with node:vm) it is compiled from the code
// cache, without parsing. Comments and blanks are left out (minifyWhitespace; names are kept).
// Packages stay outside (yargs is loaded its own way, see src/cli/yargs.ts; the native addon and
// `cap` by require). The bundle sits beside main.js, so paths made from import.meta.url (the addon,
// package.json) point where they did.
// bin/vcap runs the bundle only when it is not older than dist/src/cli/bin.js: a bare `tsc` (which
// rewrites every output) leaves it stale, and bin/vcap then loads the modules themselves.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/src/cli/', import.meta.url));
const root = fileURLToPath(new URL('../', import.meta.url));
rmSync(`${cli}vcap.bundle.js`, { force: true }); // the ES module bundle of earlier builds
rmSync(`${cli}vcap.bundle.code-cache`, { force: true });
const bundle = `${cli}vcap.bundle.cjs`;
const { metafile } = await build({
  entryPoints: [`${cli}bin.js`],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['cap'], // optional, with a native part of its own; loaded by require when asked for
  // The module's exports are the function's: bin/vcap calls it with the bundle's require and path.
  banner: { js: '(function (exports, require, module, __filename, __dirname) { "use strict"; const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  footer: { js: '\n})' },
  define: { 'import.meta.url': '__bundleUrl' },
  minifyWhitespace: true,
  metafile: true,
  logLevel: 'warning',
});
// Its first line names the built-in modules it requires: bin/vcap loads them before it changes V8's
// flags, while Node can still compile them from the code cache in its binary.
const builtins = new Set(metafile.outputs[Object.keys(metafile.outputs)[0]].imports
  .filter((i) => i.external && isBuiltin(i.path)).map((i) => (i.path.startsWith('node:') ? i.path : `node:${i.path}`)));
writeFileSync(bundle, `// builtins: ${[...builtins].sort().join(' ')}\n${readFileSync(bundle, 'latin1')}`, 'latin1');
// The code cache: one run of the bundle over a small capture, so that it holds the functions a run
// of `vcap -n -r` compiles, not only the top level. A run with other flags or another Node refuses
// it and compiles as without one.
const sample = `${root}test/pcaps/golden/mixed.pcap`;
if (existsSync(sample)) {
  const r = spawnSync(process.execPath, [`${root}bin/vcap`, '-n', '-r', sample], { env: { ...process.env, VCAP_WRITE_CODE_CACHE: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`bin/vcap -n -r ${sample} (writing the code cache): status ${r.status}\n${r.stderr}`);
}
// The worker threads of parallel printing (src/cli/parallel-print.ts) start from their own bundle
// beside it, a script with a code cache of its own for the same reasons: as an ES module each worker
// parsed and compiled 1.8 MB itself, ~0.06 s more CPU and 5–8 MiB more memory (what the compiler's
// zones leave in the worker's malloc arena) at every start (BENCHMARKS.md, the 2026-12-07 night session).
rmSync(`${cli}print-worker.bundle.js`, { force: true }); // the ES module bundle of earlier builds
rmSync(`${cli}print-worker.bundle.code-cache`, { force: true });
await build({
  entryPoints: [`${cli}print-worker.js`],
  outfile: `${cli}print-worker.bundle.cjs`,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  banner: { js: '(function (exports, require, module, __filename, __dirname) { "use strict"; const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  footer: { js: '\n})' },
  define: { 'import.meta.url': '__bundleUrl' },
  minifyWhitespace: true,
  logLevel: 'warning',
});
// Its cache from a run with one worker, which writes it after each chunk it prints.
if (existsSync(sample)) {
  const r = spawnSync(process.execPath, [`${root}bin/vcap`, '-n', '-r', sample], { env: { ...process.env, VCAP_PRINT_WORKERS: '1', VCAP_WRITE_WORKER_CODE_CACHE: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`bin/vcap -n -r ${sample} (writing the workers' code cache): status ${r.status}\n${r.stderr}`);
}
