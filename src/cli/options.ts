/** argv → the options the pipeline needs (tcpdump's option letters and meanings), with yargs. */
import { yargs } from './yargs.js';
import { VcapError } from '../errors.js';
import type { PrintOptions } from '../output/text/options.js';
import { forcedType } from '../output/text/forced-type.js';
import { parseInterfaceSpec } from '../capture/interface-spec.js';
import { linkTypeNames } from '../decoders/link-type-names.js';
import type { InterfaceSpec } from '../capture/interface-spec.js';

export interface CliOptions {
  /** -r FILE ('-' = stdin). */
  read?: string;
  /** -V FILE: read the capture files FILE names, one per line ('-' = the list on stdin), one after another. */
  readList?: string;
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
  /** -i, once per interface to capture (several: captured together, merged in time order). */
  interfaces: InterfaceSpec[];
  tun?: string;
  tap?: string;
  /** --addr CIDR, as often as given. */
  addr?: string[];
  /** --netns NAME|PID|PATH: the namespace of -i, --tun/--tap and -D (issue 13). */
  netns?: string;
  listInterfaces: boolean;
  /** -L: list the link types the capture device offers (-y's choices) and exit. */
  listLinkTypes: boolean;
  /** -y NAME: the link type to capture as (LINKTYPE_* value of a libpcap name); undefined: the device's default. */
  linkType?: number;
  bufferKiB: number;
  promiscuous: boolean;
  direction: 'in' | 'out' | 'inout';
  immediate: boolean;
  backend: 'afpacket' | 'libpcap';
  /** --json: one JSON object per packet instead of tcpdump's lines. */
  json: boolean;
  /** --print: print the packets' lines with -w too. */
  printToo: boolean;
  /** --count: with -r, print only how many packets the file held (passed the filter, up to -c), not the packets. */
  countOnly: boolean;
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
  /** -C: rotate the -w file once it is larger than this many bytes (millions given; 0: never). */
  fileSize: number;
  /** -G: rotate every this many seconds (0: never). */
  rotateSeconds: number;
  /** -W: how many files (a ring with -C; a limit with -G alone); 0: no limit. */
  fileCount: number;
  /** -z: run on each closed file of a rotation. */
  postRotate?: string;
  /** --comment: the pcapng section's comment. */
  comment?: string;
  /** --print-interface: the interface name and direction on every text line, as tcpdump -i any prints them. */
  printInterface: boolean;
}

export const usage = `Usage: vcap [-AbdDehHKlLnNpqStUvxX#] [-B size] [-c count] [--count] [-C file_size]
            [-F file] [-G seconds] [-i interface]... [-Q in|out|inout] [-r file] [-s snaplen]
            [-T type] [-V file] [-w file] [-W filecount] [-y datalinktype]
            [-z postrotate-command] [-Z user]
            [--addr CIDR] [--backend afpacket|libpcap] [--comment text] [--immediate-mode]
            [--json] [--micro] [--nano] [--netns NAME|PID|PATH] [--number] [--pcapng]
            [--print] [--print-interface] [--reply] [--smb] [--tap NAME] [--tun NAME]
            [--time-stamp-precision micro|nano] [--version] [ expression ]
            --smb: print NetBIOS and SMB as tcpdump built with --enable-smb does; Debian's tcpdump is not
       vcap ifaces [--netns NS] [--json]       interfaces: kind, peer, ports, owner, speed
       vcap topo [--json]                      every namespace, veth pairs, bridges, TUN/TAP
       vcap stats -i IF [-i IF ...] [--json]   live packets/s and bits/s from the kernel's counters
       vcap demo                               the first minute: tun0 answering, iperf3 measured, topo
`;

const stringOptions = ['r', 'V', 'w', 'y', 'c', 's', 'i', 'B', 'Q', 'T', 'F', 'C', 'G', 'W', 'z', 'Z', 'relinquish-privileges', 'tun', 'tap', 'addr', 'netns', 'backend', 'time-stamp-precision', 'comment'];
// -N (host names without their domain) changes nothing: vcap prints no names, as with tcpdump's -n.
const countOptions = ['v', 't', 'x', 'X', 'A', 'n', 'N', 'd', 'e', 'q', 'S', 'l', 'U', 'p', 'D', '#', 'h', 'H', 'K', 'b', 'L'];
const booleanOptions = ['nano', 'micro', 'immediate-mode', 'pcapng', 'json', 'reply', 'version', 'help', 'print-interface', 'smb', 'count', 'number',
  'dont-verify-checksums', 'print'];

/** The link type libpcap names `name` (any case), or undefined. */
function linkTypeByName(name: string): number | undefined {
  const n = name.toUpperCase();
  for (const [value, [dlt]] of Object.entries(linkTypeNames)) if (dlt === n) return Number(value);
  return undefined;
}

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
      // Repeated options come as arrays: -i may be given once per interface; others take the last.
      'parse-positional-numbers': false, 'boolean-negation': false, 'duplicate-arguments-array': true,
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
  const strs = (k: string): string[] => {
    const v = a[k];
    if (v === undefined) return [];
    return (Array.isArray(v) ? v : [v]).map((x) => {
      const s = String(x);
      if (s === '') throw new VcapError(k.length === 1 ? `option requires an argument -- '${k}'` : `option '--${k}' requires an argument`, 'EUSAGE');
      return s;
    });
  };
  const str = (k: string): string | undefined => strs(k).at(-1);
  const bool = (k: string): boolean => a[k] === true || (Array.isArray(a[k]) && (a[k] as unknown[]).includes(true));

  const read = str('r'), write = str('w'), readList = str('V');
  if (readList !== undefined && read !== undefined) throw new VcapError('-V and -r are mutually exclusive.', 'EUSAGE');
  // -y takes libpcap's names, in any case (pcap_datalink_name_to_val); checked even where it does not apply (-r), as tcpdump does.
  const yText = str('y');
  const linkType = yText === undefined ? undefined : linkTypeByName(yText);
  if (yText !== undefined && linkType === undefined) throw new VcapError(`invalid data link type ${yText}`, 'EINVAL');
  const addrs = strs('addr');
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
  if (bool('json') && write !== undefined) throw new VcapError('--json prints the packets; it does not go with -w', 'EUSAGE');
  // tcpdump mixes the lines into the capture it writes to stdout.
  if (bool('print') && write === '-') throw new VcapError('--print with -w - would put the lines in the capture written to stdout', 'EUSAGE');
  const precision = str('time-stamp-precision');
  if (precision !== undefined && precision !== 'micro' && precision !== 'nano')
    throw new VcapError(`unsupported time stamp precision ${precision}`, 'EINVAL');
  // The last of --micro, --nano and --time-stamp-precision is not told apart: asking for both is refused.
  if (bool('micro') && (bool('nano') || precision === 'nano')) throw new VcapError('--micro and --nano ask for different time stamp precisions', 'EUSAGE');
  const nano = bool('nano') || precision === 'nano';
  const backend = str('backend') ?? 'afpacket';
  if (backend !== 'afpacket' && backend !== 'libpcap') throw new VcapError(`unknown backend '${backend}' (afpacket or libpcap)`, 'EINVAL');

  if (bool('count') && read === undefined && readList === undefined) throw new VcapError('--count counts the packets of a capture file: give -r', 'EUSAGE');
  const tcount = count(a['t']);
  const print: PrintOptions = {
    // Not capped: tcpdump counts every -v (IKE prints notify data at -vvvv; OpenFlow's PACKET_IN frames print with -v less 3).
    verbose: count(a['v']),
    linkHeader: count(a['e']) > 0,
    quiet: count(a['q']) > 0,
    absoluteSeq: count(a['S']) > 0,
    hex: clamp2(count(a['x'])),
    hexAscii: clamp2(count(a['X'])),
    ascii: clamp2(count(a['A'])),
    timeFormat: (tcount > 5 ? 5 : tcount) as 0 | 1 | 2 | 3 | 4 | 5,
    nano,
    packetNumber: count(a['#']) > 0 || bool('number'),
    forcedType: tType,
    meshHeaders: count(a['H']) > 0,
    smb: bool('smb'),
    skipChecksums: count(a['K']) > 0 || bool('dont-verify-checksums'),
    asdot: count(a['b']) > 0,
  };
  // tcpdump's checks and words for -C, -G, -W.
  const sizeText = str('C');
  let fileSize = 0;
  if (sizeText !== undefined) {
    if (!/^[0-9]+$/.test(sizeText) || Number(sizeText) <= 0) throw new VcapError(`invalid file size ${sizeText}`, 'EINVAL');
    if (Number(sizeText) > Math.floor(Number.MAX_SAFE_INTEGER / 1000000)) throw new VcapError(`file size ${sizeText} is too large`, 'EINVAL');
    fileSize = Number(sizeText) * 1000000;
  }
  const gText = str('G');
  if (gText !== undefined && !/^[0-9]+$/.test(gText)) throw new VcapError(`invalid number of seconds ${gText}`, 'EINVAL');
  const rotateSeconds = gText === undefined ? 0 : Number(gText);
  const wText = str('W');
  if (wText !== undefined && (!/^[0-9]+$/.test(wText) || Number(wText) <= 0 || Number(wText) > 2 ** 31 - 1)) throw new VcapError(`invalid number of output files ${wText}`, 'EINVAL');
  const fileCount = wText === undefined ? 0 : Number(wText);
  const positional = (a['_'] as unknown[]).map(String);
  const d = count(a['d']);
  return {
    read, readList, write,
    pcapng: bool('pcapng') || (write !== undefined && write.endsWith('.pcapng')),
    count: countN, snaplen,
    packetBuffered: count(a['U']) > 0,
    lineBuffered: count(a['l']) > 0,
    nano, print,
    interfaces: strs('i').map((text) => parseInterfaceSpec(text)), tun: str('tun'), tap: str('tap'), addr: addrs.length > 0 ? addrs : undefined, netns: str('netns'),
    listInterfaces: count(a['D']) > 0,
    listLinkTypes: count(a['L']) > 0,
    linkType,
    bufferKiB, promiscuous: count(a['p']) === 0,
    direction: qText,
    immediate: bool('immediate-mode'),
    backend,
    json: bool('json'),
    countOnly: bool('count'),
    printToo: bool('print'),
    reply: bool('reply'),
    dumpProgram: (d > 3 ? 3 : d) as 0 | 1 | 2 | 3,
    filterFile: str('F'),
    user: str('Z') ?? str('relinquish-privileges'),
    expression: positional.join(' '),
    version: bool('version'),
    help: count(a['h']) > 0 || bool('help'),
    fileSize, rotateSeconds, fileCount, postRotate: str('z'), comment: str('comment'),
    printInterface: bool('print-interface'),
  };
}
