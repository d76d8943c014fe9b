// Argument vectors through vcap's option parser, in-process: each gives options or one VcapError
// (worded as tcpdump words it), nothing else. Every 30th vector that does not ask for a live
// capture also runs as the real `bin/vcap` (reading a capture, in a scratch directory), whose exit
// must be 0, or 1 with one `vcap: …` line, without a stack trace or a leaked JavaScript value.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from '../../../src/cli/options.js';
import { VcapError } from '../../../src/errors.js';
import { fuzzContext, hangBudget } from '../engine.js';
import type { FuzzTarget } from '../engine.js';
import { checkNoLeak, pcapsDir, repo } from './common.js';

const dir = mkdtempSync(join(tmpdir(), 'vcap-fuzz-cli-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const capture = join(pcapsDir, 'golden', 'dns.pcap');
const filterFile = join(dir, 'filter');
writeFileSync(filterFile, 'udp port 53 # comment\n');
/** Values for options that name files or commands: only these, so a run never writes outside the scratch directory nor runs anything else. */
const paths: Record<string, string[]> = {
  '-r': [capture, join(pcapsDir, 'tcpdump-crash', 'tcp_header_heapoverflow.pcap'), join(dir, 'missing.pcap'), '-'],
  '-w': [join(dir, 'out.pcap'), join(dir, 'out.pcapng'), join(dir, 'no', 'such', 'dir.pcap')],
  '-F': [filterFile, join(dir, 'missing-filter')],
  // -z runs its command on every file closed: only a known one, or one that is not there, is ever run.
  '-z': ['gzip', join(dir, 'no-such-command')],
};

export const vocabulary = [
  '-r', '-w', '-F', '-c', '-s', '-B', '-i', '-Q', '-T', '-n', '-v', '-vv', '-vvv', '-e', '-q', '-S', '-t', '-tt', '-ttt', '-tttt',
  '-ttttt', '-x', '-xx', '-X', '-XX', '-A', '-AA', '-d', '-dd', '-ddd', '-D', '-l', '-U', '-p', '-#', '-h', '--help', '--version',
  '--nano', '--immediate-mode', '--pcapng', '--tun', '--tap', '--addr', '--backend', '--time-stamp-precision', '--time-stamp-precision=nano',
  '-Z', '--relinquish-privileges', '--', '-', '--=', '-nvX', '-c5', '-s0', '-tttttt', 'tcp', 'udp', 'port', '53', 'and', 'or', 'not',
  '(', ')', 'host', '10.0.0.1', 'in', 'out', 'inout', 'domain', 'micro', 'nano', 'afpacket', 'libpcap', 'nobody', 'root', '0', '1',
  '-1', '262144', '262145', '99999999999999999999', '1e3', '0x10', '', ' ', 'lo', 'any', 'tun0', '172.21.22.23/24', '--unknown', '-y',
  '-G', '-C', '-W', '-z', '-E', '-M', '-j', '-J', '-K', '-L', '-P', '-I', '-N', '-O', '-b', '-f', '-g', '-k', '-m', '-o', '-u', '-V',
];

/** Bytes → argv: a byte below 0xe0 is a vocabulary entry; 0xe0 and above start a literal (length byte, then bytes). */
export function argvOf(input: Uint8Array): string[] {
  const argv: string[] = [];
  for (let i = 0; i < input.length && argv.length < 24; i++) {
    const b = input[i]!;
    if (b >= 0xe0 && i + 1 < input.length) {
      const len = Math.min(input[i + 1]! & 31, input.length - i - 2);
      argv.push(Buffer.from(input.subarray(i + 2, i + 2 + len)).toString('latin1').replace(/\0/g, '?'));
      i += 1 + len;
    } else {
      argv.push(vocabulary[b % vocabulary.length]!);
    }
    const file = paths[argv[argv.length - 1]!];
    if (file) argv.push(file[(input[i + 1] ?? 0) % file.length]!), i++;
  }
  return argv;
}

const enc = (argv: string[]): Uint8Array => Uint8Array.from(argv.map((a) => {
  const v = vocabulary.indexOf(a);
  return v >= 0 ? [v] : [0xe0, a.length, ...Buffer.from(a, 'latin1')];
}).flat());

/** One real vcap run on a loaded machine (startup alone can take a second); longer is a hang, reported as a failure. */
const PROCESS_TIMEOUT_MS = 20000;

let count = 0;

function processRun(argv: string[], input: Uint8Array): void {
  hangBudget.extend(PROCESS_TIMEOUT_MS + 5000);
  const r = spawnSync(process.execPath, [join(repo, 'bin', 'vcap'), ...argv], { cwd: dir, encoding: 'latin1', timeout: PROCESS_TIMEOUT_MS, input: '', env: { ...process.env, TZ: 'UTC' } });
  const what = `vcap ${argv.map((a) => JSON.stringify(a)).join(' ')}`;
  if (r.error) throw new Error(`${what}: ${r.error.message}`);
  if (r.signal) throw new Error(`${what}: killed by ${r.signal}`);
  if (/\n\s+at /.test(r.stderr)) throw new Error(`${what}: stack trace: ${r.stderr.split('\n').slice(0, 2).join(' | ')}`);
  const errors = r.stderr.split('\n').filter((l) => l.startsWith('vcap: ') && !l.startsWith('vcap: verbose output suppressed'));
  if (r.status !== 0 && (r.status !== 1 || errors.length !== 1)) throw new Error(`${what}: status ${r.status}, stderr ${JSON.stringify(r.stderr.slice(0, 300))}`);
  checkNoLeak(r.stdout, input, what);
  checkNoLeak(r.stderr, input, what);
}

export const cliTarget: FuzzTarget = {
  name: 'cli',
  description: 'argument vectors through the option parser; every 30th non-live vector through bin/vcap',
  maxLength: 96,
  seeds: () => [
    ['-r', capture, '-n'], ['-r', capture, '-e', '-vvv', '-XX', 'udp'], ['-r', capture, '-w', paths['-w']![0]!], ['-c', '5', '-r', capture, '-tttt'],
    ['-d', 'tcp', 'port', '80'], ['-ddd', '-F', filterFile], ['--version'], ['-h'], ['-r', capture, '-T', 'domain', '--nano'], ['-s', '0', '-r', capture, '-#'],
    ['-Z', 'nobody', '-r', capture], ['--relinquish-privileges=nobody', '-r', capture],
  ].map(enc),
  run(input) {
    const argv = argvOf(input);
    let live = true, unknownCommand = false;
    try {
      const o = parseArgs(argv);
      live = o.read === undefined && !o.listInterfaces && !o.help && !o.version && !(o.dumpProgram && o.interfaces.length === 0 && o.tun === undefined && o.tap === undefined);
      // A -z command spelt some other way (`-zCMD`, a literal the mutator made) is parsed, never run.
      unknownCommand = o.postRotate !== undefined && !paths['-z']!.includes(o.postRotate);
    } catch (e) {
      if (!(e instanceof VcapError)) throw e;
      if (e.message.includes('\n')) throw new Error(`an option error of more than one line: ${JSON.stringify(e.message)}`);
      checkNoLeak(e.message, input, 'option error');
      live = false;
    }
    if (!live && !unknownCommand && (count++ % 30 === 0 || fuzzContext.replay)) processRun(argv, input);
  },
};
