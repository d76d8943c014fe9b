/** The vcap command: parse argv, run the pipeline, turn every expected failure into one `vcap: …` line. */
import { writeSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { parseArgs, usage } from './options.js';
import { processStdio, runPipeline, type Stdio } from './pipeline.js';
import { loadCommand } from './commands.js';
import { VcapError } from '../errors.js';
import { vcapVersion } from '../version.js';

function version(): string {
  return `vcap version ${vcapVersion()}\nNode.js ${process.versions.node}\n`;
}

/**
 * V8's heap sized for a stream of short-lived packets. V8 grows the young generation from 1 MiB
 * semi-spaces to 16 MiB while a run allocates, and keeps them: ~30 MiB of RSS that a printer's
 * garbage, dead by the next packet, never needs; a scavenge costs what survives it, not the size
 * of the space, so 1 MiB costs no time. After a full GC the old generation's limit grows by 20%
 * instead of up to 4×. Set here, once the modules are loaded: V8 checks its flags before using the
 * code cache of Node's own modules, so any module loaded after a change is compiled afresh (set
 * first thing, these two cost ~35 ms of start-up). Flags on the command line would be lost to
 * `node bin/vcap` and to npm's bin links alike. (BENCHMARKS.md, memory.)
 */
function heapForPackets(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--heap-growing-percent=20');
}

/**
 * V8's defaults for the flags heapForPackets() sets. V8 refuses a code cache made under other flags
 * than its own, so the build's run that writes the CLI bundle's code cache (bin/vcap) puts them back
 * first: the cache is read before heapForPackets() runs.
 */
export function restoreHeapFlags(): void {
  setFlagsFromString('--semi-space-growth-factor=2');
  setFlagsFromString('--heap-growing-percent=0');
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
    heapForPackets();
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
