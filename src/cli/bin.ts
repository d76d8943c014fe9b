/**
 * bin/vcap's entry: the command with this process's arguments and descriptors; bin/vcap exits with
 * the status it returns. (No top-level await: the CLI bundle is a script, see scripts/bundle-cli.mjs.)
 */
import { writeSync } from 'node:fs';
import { main } from './main.js';

export function run(): Promise<number> {
  // Warnings (a kernel filter that could not be attached, a ring smaller than -B asked for) as tcpdump
  // prints them, one line each, instead of Node's `(node:PID) Warning:` form.
  process.removeAllListeners('warning');
  process.on('warning', (w) => { writeSync(2, `vcap: WARNING: ${w.message}\n`); });
  return main(process.argv.slice(2));
}
