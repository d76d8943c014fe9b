/** The vcap command: parse argv, run the pipeline, turn every expected failure into one `vcap: …` line. */
import { writeSync } from 'node:fs';
import { parseArgs, usage } from './options.js';
import { processStdio, runPipeline, type Stdio } from './pipeline.js';
import { loadCommand } from './commands.js';
import { VcapError } from '../errors.js';
import { vcapVersion } from '../version.js';

function version(): string {
  return `vcap version ${vcapVersion()}\nNode.js ${process.versions.node}\n`;
}

/**
 * The whole command, given its arguments; returns the exit status. `io` names the descriptors its
 * text goes to (the process's own by default; a test runs many commands in one process with files).
 */
export async function main(argv: string[], io: Stdio = processStdio): Promise<number> {
  try {
    const command = await loadCommand(argv[0]);
    if (command !== undefined) return await command.run(argv.slice(1));
    const o = parseArgs(argv);
    if (o.version) { writeSync(io.out, version()); return 0; }
    if (o.help) { writeSync(io.out, version() + usage); return 0; }
    return await runPipeline(o, io);
  } catch (e) {
    if (e instanceof VcapError) {
      // The reader of our output went away (`vcap … | head`): stop quietly, as tcpdump does on SIGPIPE.
      if (e.code === 'EPIPE') return 0;
      const hint = (e.code === 'EPERM' || e.code === 'EACCES') && !e.message.includes('CAP_') ? ' (vcap needs CAP_NET_RAW and CAP_NET_ADMIN: run as root)' : '';
      // One line, always: scripts grep it, and usage text would bury the reason (`vcap -h` shows usage).
      writeSync(io.err, `vcap: ${e.message}${hint}\n`);
      return 1;
    }
    throw e;
  }
}
