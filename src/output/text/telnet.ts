/** Telnet (tcpdump's print-telnet.c): the commands at the start of a segment, ` [telnet WILL ECHO, DO NAWS]`. */
import type { PrintContext } from './context.js';
import { TELNET_IAC, type Telnet } from '../../decoders/telnet.js';
import { hexPrint } from './dump.js';

const TELCMD_FIRST = 236;
const TELCMDS = ['EOF', 'SUSP', 'ABORT', 'EOR', 'SE', 'NOP', 'DMARK', 'BRK', 'IP', 'AO', 'AYT', 'EC', 'EL', 'GA', 'SB', 'WILL',
  'WONT', 'DO', 'DONT', 'IAC'];
const TELOPTS = [
  'BINARY', 'ECHO', 'RCP', 'SUPPRESS GO AHEAD', 'NAME', 'STATUS', 'TIMING MARK', 'RCTE', 'NAOL', 'NAOP', 'NAOCRD', 'NAOHTS',
  'NAOHTD', 'NAOFFD', 'NAOVTS', 'NAOVTD', 'NAOLFD', 'EXTEND ASCII', 'LOGOUT', 'BYTE MACRO', 'DATA ENTRY TERMINAL', 'SUPDUP',
  'SUPDUP OUTPUT', 'SEND LOCATION', 'TERMINAL TYPE', 'END OF RECORD', 'TACACS UID', 'OUTPUT MARKING', 'TTYLOC', '3270 REGIME',
  'X.3 PAD', 'NAWS', 'TSPEED', 'LFLOW', 'LINEMODE', 'XDISPLOC', 'OLD-ENVIRON', 'AUTHENTICATION', 'ENCRYPT', 'NEW-ENVIRON',
];
const SB = 250, SE = 240, DONT = 254, DO = 253, WONT = 252, WILL = 251;
const TELOPT_AUTHENTICATION = 37, TELOPT_ENCRYPT = 38;
const SUB_CMDS: ReadonlyArray<string | undefined> = ['IS', 'SEND', 'INFO'];
const AUTH_CMDS: ReadonlyArray<string | undefined> = ['IS', 'SEND', 'REPLY', 'NAME'];
const AUTH_TYPES: ReadonlyArray<string | undefined> = ['NULL', 'KERBEROS_V4', 'KERBEROS_V5', 'SPX', 'MINK', 'SRP', 'RSA', 'SSL',
  undefined, undefined, 'LOKI', 'SSA', 'KEA_SJ', 'KEA_SJ_INTEG', 'DSS', 'NTLM'];
const ENC_CMDS: ReadonlyArray<string | undefined> = ['IS', 'SUPPORT', 'REPLY', 'START', 'END', 'REQUEST-START', 'REQUEST-END',
  'END_KEYID', 'DEC_KEYID'];
const ENC_TYPES: ReadonlyArray<string | undefined> = ['NULL', 'DES_CFB64', 'DES_OFB64', 'DES3_CFB64', 'DES3_OFB64', undefined,
  'CAST5_40_CFB64', 'CAST5_40_OFB64', 'CAST128_CFB64', 'CAST128_OFB64'];

/** printf's `%#x`: `0` for zero, else `0x…`. */
const altHex = (x: number): string => x === 0 ? '0' : `0x${x.toString(16)}`;
/** STR_OR_ID: the table's name, or the number in `%#x`. */
const strOrId = (x: number, t: ReadonlyArray<string | undefined>): string => t[x] ?? altHex(x);

/**
 * telnet_parse: the command at index `sp` (`length` bytes left), written when `print`; its length,
 * or -1 when it does not end within the segment.
 */
function parse(c: PrintContext, t: Telnet, sp: number, length: number, print: boolean): number {
  const osp = sp;
  let s = '';
  // FETCH: a byte, or the end of the segment.
  const fetch = (): number => { if (length < 1) return -1; const b = t.byte(sp); sp++; length--; return b; };
  let ch = fetch();
  if (ch !== TELNET_IAC) return -1;
  ch = fetch();
  if (ch < 0) return -1;
  if (ch === TELNET_IAC) { if (print) c.write('IAC IAC'); return sp - osp; }
  const i = ch - TELCMD_FIRST;
  if (i < 0) return -1;
  if (ch === DONT || ch === DO || ch === WONT || ch === WILL || ch === SB) {
    const x = fetch();
    if (x < 0) return -1;
    s += x < TELOPTS.length ? `${TELCMDS[i]!} ${TELOPTS[x]!}` : `${TELCMDS[i]!} ${altHex(x)}`;
    if (ch !== SB) { if (print) c.write(s); return sp - osp; }
    // IAC SB … IAC SE
    // Find the IAC SE that ends the subnegotiation.
    let scan = sp;
    while (length > scan + 1 - sp) {
      if (t.byte(scan) === TELNET_IAC && t.byte(scan + 1) === SE) break;
      scan++;
    }
    if (t.byte(scan) !== TELNET_IAC) { if (print) c.write(s); return -1; }
    const [first, second] = x === TELOPT_AUTHENTICATION ? [AUTH_CMDS, AUTH_TYPES] : x === TELOPT_ENCRYPT ? [ENC_CMDS, ENC_TYPES] : [SUB_CMDS, undefined];
    if (scan > sp) {
      const a = fetch();
      if (a < 0) { if (print) c.write(s); return -1; }
      s += ` ${strOrId(a, first)}`;
      if (second !== undefined && scan > sp) {
        const b = fetch();
        if (b < 0) { if (print) c.write(s); return -1; }
        s += ` ${strOrId(b, second)}`;
      }
    }
    while (scan > sp) {
      const y = fetch();
      if (y < 0) { if (print) c.write(s); return -1; }
      s += ` ${altHex(y)}`;
    }
    s += ' SE';
    if (print) c.write(s);
    sp += 2;
    return sp - osp;
  }
  if (print) c.write(TELCMDS[i]!);
  return sp - osp;
}

/** A Telnet segment of `length` bytes: its leading commands. */
export function printTelnet(c: PrintContext, t: Telnet, length: number): void {
  c.protocol = 'telnet';
  const hex = c.o.hexAscii !== 0 && c.o.verbose > 2;
  let first = true, sp = 0;
  while (length > 0 && t.byte(sp) === TELNET_IAC) {
    const l = parse(c, t, sp, length, false);
    if (l < 0) break;
    if (hex) {
      if (first) c.write('\nTelnet:');
      c.write(hexPrint(c, '\n', t.off + sp, l, sp));
      c.write(l > 8 ? '\n\t\t\t\t' : `${' '.repeat((8 - l) * 3)}\t`);
    } else {
      c.write(first ? ' [telnet ' : ', ');
    }
    parse(c, t, sp, length, true);
    first = false;
    sp += l; length -= l;
  }
  if (!first) c.write(hex ? '\n' : ']');
}
