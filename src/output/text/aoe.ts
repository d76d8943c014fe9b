/** ATA over Ethernet (tcpdump's print-aoe.c). */
import type { PrintContext } from './context.js';
import { TRUNCATED } from './context.js';
import {
  AOE_HEADER_LENGTH, AOE_ISSUE_ARG_LENGTH, AOE_MAC_ARG_LENGTH, AOE_QUERY_ARG_LENGTH, AOE_RESERVE_ARG_LENGTH, type Aoe,
} from '../../decoders/aoe.js';
import { bitNames } from './tok.js';
import { safeChar } from './print-char.js';
import { hex2 } from './util-print.js';

const COMMANDS = ['Issue ATA Command', 'Query Config Information', 'MAC Mask List', 'Reserve/Release'];
const FLAGS: ReadonlyArray<readonly [number, string]> = [[0x08, 'Response'], [0x04, 'Error'], [0x02, 'MBZ-1'], [0x01, 'MBZ-0']];
const ERRORS = ['', 'Unrecognized command code', 'Bad argument parameter', 'Device unavailable', 'Config string present', 'Unsupported version', 'Target is reserved'];
const AFLAGS: ReadonlyArray<readonly [number, string]> = [
  [0x80, 'MBZ-7'], [0x40, 'Ext48'], [0x20, 'MBZ-5'], [0x10, 'Device'], [0x08, 'MBZ-3'], [0x04, 'MBZ-2'], [0x02, 'Async'], [0x01, 'Write'],
];
const CCMDS = ['read config string', 'test config string', 'test config string prefix', 'set config string', 'force set config string'];
const MCMDS = ['Read Mac Mask List', 'Edit Mac Mask List'];
const MERRORS = ['', 'Unspecified Error', 'Bad DCmd directive', 'Mask list full'];
const DCMDS = ['No Directive', 'Add mac address to mask list', 'Delete mac address from mask list'];
const RCMDS = ['Read reserve list', 'Set reserve list', 'Force set reserve list'];
/** tok2str with "Unknown (0x%02x)" for what the table does not name. */
const named = (table: readonly string[], v: number): string => table[v] || `Unknown (0x${hex2(v)})`;

/**
 * ` (invalid)`, then the rest of what the length says must have been captured (tcpdump's
 * ND_TCHECK_LEN after nd_print_invalid, which unwinds to ` [|aoe]` when it was not).
 */
function invalid(c: PrintContext, a: Aoe, at: number, len: number): void {
  c.invalid();
  if (!a.has(at + len)) throw TRUNCATED;
}

/** An AoE message of `len` bytes (per the frame). */
export function printAoe(c: PrintContext, a: Aoe, len: number): void {
  c.protocol = 'aoe';
  c.write(`AoE length ${len}`);
  if (len < 1) { invalid(c, a, 0, len); return; }
  const ver = a.version;
  c.write(`, Ver ${ver}`);
  if (ver !== 1) return;
  if (len < AOE_HEADER_LENGTH) { invalid(c, a, 0, len); return; }
  const flags = a.flags;
  c.write(`, Flags: [${bitNames(FLAGS, 'none', flags)}]`);
  if (!c.o.verbose) return;
  if (flags & 0x04) { const e = a.error; c.write(`\n\tError: ${ERRORS[e] || `Invalid (${e})`}`); }
  c.write(`\n\tMajor: 0x${a.major.toString(16).padStart(4, '0')}`);
  c.write(`, Minor: 0x${hex2(a.minor)}`);
  const command = a.command;
  c.write(`, Command: ${COMMANDS[command] ?? `Unknown (0x${hex2(command)})`}`);
  c.write(`, Tag: 0x${a.tag.toString(16).padStart(8, '0')}`);
  const argLen = len - AOE_HEADER_LENGTH;
  switch (command) {
    case 0: printIssue(c, a, argLen); break;
    case 1: printQuery(c, a, argLen); break;
    case 2: printMacList(c, a, argLen); break;
    case 3: printReserve(c, a, argLen); break;
  }
}

function printIssue(c: PrintContext, a: Aoe, len: number): void {
  if (len < AOE_ISSUE_ARG_LENGTH) { invalid(c, a, AOE_HEADER_LENGTH, len); return; }
  c.write(`\n\tAFlags: [${bitNames(AFLAGS, 'none', a.ataFlags)}]`);
  c.write(`, Err/Feature: ${a.errFeature}`);
  c.write(`, Sector Count: ${a.ataSectorCount}`);
  c.write(`, Cmd/Status: ${a.cmdStatus}`);
  c.write(`\n\tlba0: ${a.lba(0)}`);
  for (let n = 1; n < 6; n++) c.write(`, lba${n}: ${a.lba(n)}`);
  void a.ataReserved;
  len -= AOE_ISSUE_ARG_LENGTH;
  if (len) c.write(`\n\tData: ${len} bytes`);
}

function printQuery(c: PrintContext, a: Aoe, len: number): void {
  if (len < AOE_QUERY_ARG_LENGTH) { invalid(c, a, AOE_HEADER_LENGTH, len); return; }
  c.write(`\n\tBuffer Count: ${a.bufferCount}`);
  c.write(`, Firmware Version: ${a.firmwareVersion}`);
  c.write(`, Sector Count: ${a.querySectorCount}`);
  const b = a.aoeCcmd;
  // tcpdump's format here lacks its %: an unknown command prints the literal "Unknown (0x02x)".
  c.write(`, AoE: ${(b & 0xf0) >> 4}, CCmd: ${CCMDS[b & 0x0f] ?? 'Unknown (0x02x)'}`);
  const cslen = a.configStringLength;
  len -= AOE_QUERY_ARG_LENGTH;
  if (cslen > 1024 || cslen > len) { invalid(c, a, AOE_HEADER_LENGTH + AOE_QUERY_ARG_LENGTH, len); return; }
  if (cslen) {
    c.write(`\n\tConfig String (length ${cslen}): `);
    let s = '';
    try {
      for (let i = 0; i < cslen; i++) s += safeChar(a.configByte(i));
    } finally {
      c.write(s);
    }
  }
}

function printMacList(c: PrintContext, a: Aoe, len: number): void {
  if (len < AOE_MAC_ARG_LENGTH) { invalid(c, a, AOE_HEADER_LENGTH, len); return; }
  c.write(`\n\tMCmd: ${named(MCMDS, a.mcmd)}`);
  c.write(`, MError: ${named(MERRORS, a.merror)}`);
  const n = a.dirCount;
  c.write(`, Dir Count: ${n}`);
  len -= AOE_MAC_ARG_LENGTH;
  if (n * 8 > len) { invalid(c, a, AOE_HEADER_LENGTH + AOE_MAC_ARG_LENGTH, len); return; }
  for (let i = 0; i < n; i++) {
    c.write(`\n\t DCmd: ${named(DCMDS, a.dcmd(i))}`);
    c.write(`, Ethernet Address: ${a.directiveMac(i)}`);
  }
}

function printReserve(c: PrintContext, a: Aoe, len: number): void {
  if (len < AOE_RESERVE_ARG_LENGTH || (len - AOE_RESERVE_ARG_LENGTH) % 6) { invalid(c, a, AOE_HEADER_LENGTH, len); return; }
  c.write(`\n\tRCmd: ${named(RCMDS, a.rcmd)}`);
  const n = a.nmacs;
  c.write(`, NMacs: ${n}`);
  len -= AOE_RESERVE_ARG_LENGTH;
  if (n * 6 !== len) { invalid(c, a, AOE_HEADER_LENGTH + AOE_RESERVE_ARG_LENGTH, len); return; }
  for (let i = 0; i < n; i++) c.write(`\n\tEthernet Address ${i}: ${a.reserveMac(i)}`);
}
