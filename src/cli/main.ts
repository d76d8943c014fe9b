/** The vcap command: parse argv, run the pipeline, turn every expected failure into one `vcap: …` line. */
import { readFileSync, writeSync } from 'node:fs';
import { parseArgs, usage } from './options.js';
import { runPipeline } from './pipeline.js';
import { loadCommand } from './commands.js';
import { VcapError } from '../errors.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return `vcap version ${pkg.version}\nNode.js ${process.versions.node}\n`;
}

export async function main(argv: string[]): Promise<number> {
  try {
    const command = await loadCommand(argv[0]);
    if (command !== undefined) return await command.run(argv.slice(1));
    const o = parseArgs(argv);
    if (o.version) { writeSync(1, version()); return 0; }
    if (o.help) { writeSync(1, version() + usage); return 0; }
    return await runPipeline(o);
  } catch (e) {
    if (e instanceof VcapError) {
      // The reader of our output went away (`vcap … | head`): stop quietly, as tcpdump does on SIGPIPE.
      if (e.code === 'EPIPE') return 0;
      const hint = (e.code === 'EPERM' || e.code === 'EACCES') && !e.message.includes('CAP_') ? ' (vcap needs CAP_NET_RAW and CAP_NET_ADMIN: run as root)' : '';
      // One line, always: scripts grep it, and usage text would bury the reason (`vcap -h` shows usage).
      writeSync(2, `vcap: ${e.message}${hint}\n`);
      return 1;
    }
    throw e;
  }
}

// Warnings (a kernel filter that could not be attached, a ring smaller than -B asked for) as tcpdump
// prints them, one line each, instead of Node's `(node:PID) Warning:` form.
process.removeAllListeners('warning');
process.on('warning', (w) => { writeSync(2, `vcap: WARNING: ${w.message}\n`); });

// Every write is synchronous, so nothing is lost by exiting at once (a live source may leave handles behind).
process.exit(await main(process.argv.slice(2)));
