/** argv → the options the pipeline needs (tcpdump's option letters and meanings), with yargs. */
import { yargs } from './yargs.js';
import { VcapError } from '../errors.js';
import type { PrintOptions } from '../output/text/options.js';
import { forcedType } from '../output/text/forced-type.js';

export interface CliOptions {
  /** -r FILE ('-' = stdin). */
  read?: string;
  /** -w FILE ('-' = stdout). */
  write?: string;
  /** -w writes pcapng (--pcapng or a name ending in .pcapng). */
  pcapng: boolean;
  /** -c N (0 = unlimited). */
  count: number;
  /** -s N (0 = 262144). */
  snaplen: number;
  /** -U: flush the -w file after every packet. */
  packetBuffered: boolean;
  /** -l: line-buffered text output. */
  lineBuffered: boolean;
  /** --time-stamp-precision=nano / --nano: -w writes nanosecond timestamps too. */
  nano: boolean;
  print: PrintOptions;
  /** Live capture (issue 4). */
  interface?: string;
  tun?: string;
  tap?: string;
  /** --addr CIDR, as often as given. */
  addr?: string[];
  /** --netns NAME|PID|PATH: the namespace of -i, --tun/--tap and -D (issue 13). */
  netns?: string;
  listInterfaces: boolean;
  bufferKiB: number;
  promiscuous: boolean;
  direction: 'in' | 'out' | 'inout';
  immediate: boolean;
  backend: 'afpacket' | 'libpcap';
  /** --json: one JSON object per packet instead of tcpdump's lines. */
  json: boolean;
  /** --reply: with --tun/--tap, answer pings (and ARP / neighbour solicitations) for the device's subnet. */
  reply: boolean;
  /** -d / -dd / -ddd: print the compiled filter and exit. */
  dumpProgram: 0 | 1 | 2 | 3;
  /** -F FILE: the filter expression comes from this file. */
  filterFile?: string;
  /** -Z USER / --relinquish-privileges=USER: become USER once the capture and the first output file are open. */
  user?: string;
  /** Trailing arguments joined: the filter expression ('' = none). */
  expression: string;
  version: boolean;
  help: boolean;
}

export const usage = `Usage: vcap [-AdDehHlnpqSUvxX#] [-B size] [-c count] [-F file] [-i interface]
            [-Q in|out|inout] [-r file] [-s snaplen] [-T type] [-w file] [-Z user]
            [--addr CIDR] [--backend afpacket|libpcap] [--immediate-mode] [--json] [--nano]
            [--netns NAME|PID|PATH] [--pcapng] [--reply] [--tap NAME] [--tun NAME] [--time-stamp-precision micro|nano]
            [--version] [ expression ]
       vcap ifaces [--netns NS] [--json]       interfaces: kind, peer, ports, owner, speed
       vcap topo [--json]                      every namespace, veth pairs, bridges, TUN/TAP
       vcap stats -i IF [-i IF ...] [--json]   live packets/s and bits/s from the kernel's counters
       vcap demo                               the first minute: tun0 answering, iperf3 measured, topo
`;

const stringOptions = ['r', 'w', 'c', 's', 'i', 'B', 'Q', 'T', 'F', 'Z', 'relinquish-privileges', 'tun', 'tap', 'addr', 'netns', 'backend', 'time-stamp-precision'];
const countOptions = ['v', 't', 'x', 'X', 'A', 'n', 'd', 'e', 'q', 'S', 'l', 'U', 'p', 'D', '#', 'h', 'H'];
const booleanOptions = ['nano', 'immediate-mode', 'pcapng', 'json', 'reply', 'version', 'help'];

function count(v: unknown): number { return typeof v === 'number' ? v : 0; }
function clamp2(n: number): 0 | 1 | 2 { return (n > 2 ? 2 : n) as 0 | 1 | 2; }

function intOption(v: string, what: string, min: number, max: number): number {
  if (!/^[0-9]+$/.test(v)) throw new VcapError(what, 'EINVAL');
  const n = Number(v);
  if (n < min || n > max) throw new VcapError(what, 'EINVAL');
  return n;
}

/** Parse argv (without node and script); throws VcapError worded as tcpdump on bad input. */
export function parseArgs(argv: string[]): CliOptions {
  let failure: string | undefined;
  let y = yargs(argv)
    .parserConfiguration({
      'short-option-groups': true, 'camel-case-expansion': false, 'dot-notation': false, 'parse-numbers': false,
      'parse-positional-numbers': false, 'boolean-negation': false, 'duplicate-arguments-array': false,
      'strip-aliased': true, 'halt-at-non-option': false,
    })
    // English messages whatever LANG says (the `Unknown argument` reply is matched below), no locale lookup.
    .locale('en')
    .help(false).version(false).strictOptions()
    .fail((msg: string | null, err: Error | null) => { failure = msg ?? err?.message ?? 'bad arguments'; });
  for (const o of stringOptions) y = y.option(o, { type: 'string' });
  for (const o of countOptions) y = y.count(o);
  for (const o of booleanOptions) y = y.option(o, { type: 'boolean' });
  const a = y.parseSync() as Record<string, unknown>;
  if (failure !== undefined) {
    const unknown = /^Unknown arguments?: (.*)$/.exec(failure);
    if (unknown) {
      const name = unknown[1]!.split(', ')[0]!;
      throw new VcapError(name.length === 1 ? `invalid option -- '${name}'` : `unrecognized option '--${name}'`, 'EUSAGE');
    }
    throw new VcapError(failure, 'EUSAGE');
  }
  const str = (k: string): string | undefined => {
    const v = a[k];
    if (v === undefined) return undefined;
    if (Array.isArray(v)) return String(v[v.length - 1]);
    const s = String(v);
    if (s === '') throw new VcapError(k.length === 1 ? `option requires an argument -- '${k}'` : `option '--${k}' requires an argument`, 'EUSAGE');
    return s;
  };
  /**
   * Every value of a long option that may be repeated (yargs keeps the last one, as tcpdump does
   * for its letters): `--k V` and `--k=V`, up to a `--`.
   */
  const strs = (k: string): string[] | undefined => {
    if (str(k) === undefined) return undefined;
    const list: string[] = [];
    for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
      if (argv[i] === `--${k}` && i + 1 < argv.length) list.push(argv[++i]!);
      else if (argv[i]!.startsWith(`--${k}=`)) list.push(argv[i]!.slice(k.length + 3));
    }
    return list;
  };

  const read = str('r'), write = str('w');
  const cText = str('c');
  const countN = cText === undefined ? 0 : intOption(cText, `invalid packet count ${cText}`, 1, 2 ** 31 - 1);
  const sText = str('s');
  const snaplen = sText === undefined ? 0 : intOption(sText, `invalid snaplen ${sText} (must be >= 0 and <= 262144)`, 0, 262144);
  const bText = str('B');
  const bufferKiB = bText === undefined ? 0 : intOption(bText, `invalid buffer size ${bText}`, 1, 2 ** 31 - 1);
  const qText = str('Q') ?? 'inout';
  if (qText !== 'in' && qText !== 'out' && qText !== 'inout') throw new VcapError(`${qText} is not a valid direction`, 'EINVAL');
  const tText = str('T');
  const tType = tText === undefined ? '' : forcedType(tText);
  if (tType === undefined) throw new VcapError(`unknown packet type \`${tText}'`, 'EINVAL');
  if (a['json'] === true && write !== undefined) throw new VcapError('--json prints the packets; it does not go with -w', 'EUSAGE');
  const precision = str('time-stamp-precision');
  if (precision !== undefined && precision !== 'micro' && precision !== 'nano')
    throw new VcapError(`unsupported time stamp precision ${precision}`, 'EINVAL');
  const nano = a['nano'] === true || precision === 'nano';
  const backend = str('backend') ?? 'afpacket';
  if (backend !== 'afpacket' && backend !== 'libpcap') throw new VcapError(`unknown backend '${backend}' (afpacket or libpcap)`, 'EINVAL');

  const tcount = count(a['t']);
  const print: PrintOptions = {
    verbose: Math.min(count(a['v']), 3),
    linkHeader: count(a['e']) > 0,
    quiet: count(a['q']) > 0,
    absoluteSeq: count(a['S']) > 0,
    hex: clamp2(count(a['x'])),
    hexAscii: clamp2(count(a['X'])),
    ascii: clamp2(count(a['A'])),
    timeFormat: (tcount > 5 ? 5 : tcount) as 0 | 1 | 2 | 3 | 4 | 5,
    nano,
    packetNumber: count(a['#']) > 0,
    forcedType: tType,
    meshHeaders: count(a['H']) > 0,
  };
  const positional = (a['_'] as unknown[]).map(String);
  const d = count(a['d']);
  return {
    read, write,
    pcapng: a['pcapng'] === true || (write !== undefined && write.endsWith('.pcapng')),
    count: countN, snaplen,
    packetBuffered: count(a['U']) > 0,
    lineBuffered: count(a['l']) > 0,
    nano, print,
    interface: str('i'), tun: str('tun'), tap: str('tap'), addr: strs('addr'), netns: str('netns'),
    listInterfaces: count(a['D']) > 0,
    bufferKiB, promiscuous: count(a['p']) === 0,
    direction: qText,
    immediate: a['immediate-mode'] === true,
    backend,
    json: a['json'] === true,
    reply: a['reply'] === true,
    dumpProgram: (d > 3 ? 3 : d) as 0 | 1 | 2 | 3,
    filterFile: str('F'),
    user: str('Z') ?? str('relinquish-privileges'),
    expression: positional.join(' '),
    version: a['version'] === true,
    help: count(a['h']) > 0 || a['help'] === true,
  };
}
