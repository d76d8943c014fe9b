// Bundles the compiled CLI (dist/src/cli/bin.js and every module it imports, the lazily imported
// printers and filter compiler included) into one file, dist/src/cli/vcap.bundle.js, with esbuild.
// Why: Node 20 loads ES modules one at a time (resolve, read, compile, instantiate, ~60 of them for
// `vcap -r`); one file is one of each, ~40 ms less CPU at every start (BENCHMARKS.md, start-up).
// Packages stay outside (yargs is loaded its own way, see src/cli/yargs.ts; the native addon and
// `cap` by require). The bundle sits beside main.js, so paths made from import.meta.url (the
// addon, package.json) point where they did.
// bin/vcap runs the bundle only when it is not older than dist/src/cli/bin.js: a bare `tsc` (which
// rewrites every output) leaves it stale, and bin/vcap then loads the modules themselves.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/src/cli/', import.meta.url));
await build({
  entryPoints: [`${cli}bin.js`],
  outfile: `${cli}vcap.bundle.js`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['cap'], // optional, with a native part of its own; loaded by require when asked for
  logLevel: 'warning',
});
// The worker threads of parallel printing (src/cli/parallel-print.ts) start from their own bundle
// beside it, for the same reason.
await build({
  entryPoints: [`${cli}print-worker.js`],
  outfile: `${cli}print-worker.bundle.js`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});
