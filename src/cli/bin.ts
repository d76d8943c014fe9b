/** bin/vcap's entry: the command with this process's arguments and descriptors, then exit with its status. */
import { writeSync } from 'node:fs';
import { main } from './main.js';

// Warnings (a kernel filter that could not be attached, a ring smaller than -B asked for) as tcpdump
// prints them, one line each, instead of Node's `(node:PID) Warning:` form.
process.removeAllListeners('warning');
process.on('warning', (w) => { writeSync(2, `vcap: WARNING: ${w.message}\n`); });

// Every write is synchronous, so nothing is lost by exiting at once (a live source may leave handles behind).
process.exit(await main(process.argv.slice(2)));
