// One process that runs many vcap commands, one after another, through the CLI's own main(): the same
// argument parsing, pipeline and error handling as bin/vcap, without starting Node for each (which
// costs ~100 ms, more than printing most captures). Started by cli-pool.ts with child_process.fork;
// requests and results go over the IPC channel, the command's stdout and stderr into two files
// made anew for each command. The process's own stdout and stderr must stay silent: the
// pool reports anything written there (a command that bypassed its descriptors).
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';

export interface CliRequest { id: number; argv: string[]; cwd: string }
export interface CliResult {
  id: number;
  /** Exit status main() returned; null when it threw (`trace` holds what bin/vcap would have printed). */
  status: number | null;
  /** stdout and stderr, as latin1 text (vcap writes bytes; latin1 maps each to one char). */
  out: string;
  err: string;
  trace?: string;
  /** Wall time of the command, ms. */
  ms: number;
}

const dir = mkdtempSync(join(tmpdir(), 'vcap-cli-worker-'));
const outPath = join(dir, 'out'), errPath = join(dir, 'err');
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

async function run(req: CliRequest): Promise<CliResult> {
  // Opened empty, at offset 0, for each command (writeSync appends at the descriptor's offset).
  const out = openSync(outPath, 'w'), err = openSync(errPath, 'w');
  if (process.cwd() !== req.cwd) process.chdir(req.cwd);
  const t0 = performance.now();
  let status: number | null = null, trace: string | undefined;
  try {
    status = await main(req.argv, { out, err });
  } catch (e) {
    trace = e instanceof Error ? (e.stack ?? String(e)) : String(e);
  }
  const ms = performance.now() - t0;
  closeSync(out);
  closeSync(err);
  return { id: req.id, status, out: readFileSync(outPath, 'latin1'), err: readFileSync(errPath, 'latin1'), trace, ms };
}

// One command at a time, in the order they came: main() may await (module loading), and two
// commands must never share the output files.
let queue = Promise.resolve();
process.on('message', (req: CliRequest) => {
  queue = queue.then(async () => { process.send!(await run(req)); });
});
process.send!({ ready: true });
