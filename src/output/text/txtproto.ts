/**
 * The text protocols (tcpdump's txtproto_print in util-print.c, and print-smtp.c, print-ftp.c,
 * print-whois.c, print-http.c, print-rtsp.c, print-sip.c): the protocol's name in capitals, then
 * its first line, or with -v the length and every text line.
 */
import type { PrintContext } from './context.js';
import type { TextProtocol } from '../../decoders/txtproto.js';

/** tcpdump's token buffer holds 128 characters and the NUL. */
const MAX_TOKEN = 128;
/** Where fetchToken found its token (index and length in the view): no string is built to look at it. */
let tokenAt = 0, tokenLen = 0;

const isPrint = (ch: number): boolean => ch >= 0x20 && ch <= 0x7e;

/** fetch_token: the token at `idx` and the blanks after it; the index after them, or 0 when there is none. */
function fetchToken(v: TextProtocol, idx: number, len: number): number {
  const start = idx;
  for (; idx < len; idx++) {
    if (!v.has(idx + 1)) return 0;                      // ran past the captured data
    const ch = v.byte(idx);
    if (ch >= 0x80) return 0;                           // not ASCII
    if (ch === 0x20 || ch === 0x09 || ch === 0x0d || ch === 0x0a) break;
    if (!isPrint(ch)) return 0;
    if (idx - start + 2 > MAX_TOKEN + 1) return 0;      // no room for it and the NUL
  }
  if (idx === start) return 0;
  tokenAt = start; tokenLen = idx - start;
  for (; idx < len; idx++) {
    if (!v.has(idx + 1)) break;
    const ch = v.byte(idx);
    if (ch === 0x0d || ch === 0x0a || !isPrint(ch) || ch !== 0x20) break;
  }
  return idx;
}

/** The token is one of `cmds` (compared without regard to case, as ascii_strcasecmp). */
function tokenIn(v: TextProtocol, cmds: ReadonlyArray<string>): boolean {
  outer: for (const m of cmds) {
    if (m.length !== tokenLen) continue;
    for (let i = 0; i < tokenLen; i++) {
      let ch = v.byte(tokenAt + i);
      if (ch >= 0x61 && ch <= 0x7a) ch -= 0x20;
      if (ch !== m.charCodeAt(i)) continue outer;
    }
    return true;
  }
  return false;
}

/** Three digits and nothing else: a response code. */
function tokenIsCode(v: TextProtocol): boolean {
  if (tokenLen !== 3) return false;
  for (let i = 0; i < 3; i++) { const ch = v.byte(tokenAt + i); if (ch < 0x30 || ch > 0x39) return false; }
  return true;
}

/** print_txt_line: the line at `idx` after `prefix`; the index after its end, or 0 when it is not a whole text line. */
function printTxtLine(c: PrintContext, prefix: string, v: TextProtocol, idx: number, len: number): number {
  const start = idx;
  while (idx < len) {
    const ch = v.byte(idx);
    if (ch === 0x0a) {                                  // LF without CR
      c.write(prefix + v.text(start, idx - start));
      return idx + 1;
    }
    if (ch === 0x0d) {                                  // CR: a line end only with an LF after it
      if (idx + 1 >= len) return 0;
      if (v.byte(idx + 1) !== 0x0a) return 0;
      c.write(prefix + v.text(start, idx - start));
      return idx + 2;
    }
    if (!isPrint(ch) && ch !== 0x09) return 0;          // binary data
    idx++;
  }
  // Printable to the end but no line end: as if cut short.
  c.write(prefix + v.text(start, idx - start));
  c.truncMark();
  return 0;
}

/**
 * txtproto_print: with `cmds`, only a request (its first token one of them) or a response (a
 * 3-digit code as the first, or with `codeSecond` the second, token) is printed past the name.
 */
function printTxtproto(c: PrintContext, v: TextProtocol, len: number, cmds: ReadonlyArray<string> | undefined, codeSecond: boolean): void {
  let printThis = cmds === undefined;
  if (cmds !== undefined) {
    let idx = fetchToken(v, 0, len);
    if (idx !== 0) {
      if (tokenIn(v, cmds)) printThis = true;
      if (codeSecond) idx = fetchToken(v, idx, len);
      if (idx !== 0 && tokenIsCode(v)) printThis = true;
    }
  }
  c.write(c.protocol.toUpperCase());
  if (!printThis) return;
  if (c.o.verbose) {
    c.write(`, length: ${len}`);
    for (let idx = 0; idx < len;) {
      const eol = printTxtLine(c, '\n\t', v, idx, len);
      if (eol === 0) break;
      idx = eol;
    }
  } else {
    printTxtLine(c, ': ', v, 0, len);
  }
}

const HTTP_METHODS: ReadonlyArray<string> = [
  'GET', 'PUT', 'COPY', 'HEAD', 'LOCK', 'MOVE', 'POLL', 'POST', 'BCOPY', 'BMOVE', 'MKCOL', 'TRACE', 'LABEL', 'MERGE',
  'DELETE', 'SEARCH', 'UNLOCK', 'REPORT', 'UPDATE', 'NOTIFY', 'BDELETE', 'CONNECT', 'OPTIONS', 'CHECKIN', 'PROPFIND',
  'CHECKOUT', 'CCHECKOUT', 'SUBSCRIBE', 'PROPPATCH', 'BPROPFIND', 'BPROPPATCH', 'UNCHECKOUT', 'MKACTIVITY',
  'MKWORKSPACE', 'UNSUBSCRIBE', 'RPC_CONNECT', 'VERSION-CONTROL', 'BASELINE-CONTROL',
];
const RTSP_METHODS: ReadonlyArray<string> = [
  'DESCRIBE', 'ANNOUNCE', 'GET_PARAMETER', 'OPTIONS', 'PAUSE', 'PLAY', 'RECORD', 'REDIRECT', 'SETUP', 'SET_PARAMETER', 'TEARDOWN',
];
const SIP_METHODS: ReadonlyArray<string> = [
  'ACK', 'BYE', 'CANCEL', 'DO', 'INFO', 'INVITE', 'MESSAGE', 'NOTIFY', 'OPTIONS', 'PRACK', 'QAUTH', 'REFER', 'REGISTER',
  'SPRACK', 'SUBSCRIBE', 'UPDATE', 'PUBLISH',
];

/**
 * A text protocol's printer: `name` is tcpdump's ndo_protocol (printed in capitals); over TCP,
 * print-tcp.c writes ': ' before it.
 */
function textPrinter(name: string, cmds: ReadonlyArray<string> | undefined, overTcp: boolean) {
  return (c: PrintContext, v: TextProtocol, length: number): void => {
    if (overTcp) c.write(': ');
    c.protocol = name;
    printTxtproto(c, v, length, cmds, cmds !== undefined);
  };
}

/** SMTP (TCP 25). */
export const printSmtp = textPrinter('smtp', undefined, true);
/** FTP's control connection (TCP 21). */
export const printFtp = textPrinter('ftp', undefined, true);
/** whois (TCP 43). */
export const printWhois = textPrinter('whois', undefined, true);
/** HTTP (TCP 80, 8080): requests and responses only. */
export const printHttp = textPrinter('http', HTTP_METHODS, true);
/** RTSP (TCP 554, 8554): requests and responses only. */
export const printRtsp = textPrinter('rtsp', RTSP_METHODS, true);
/** SIP (UDP 5060): requests and responses only. */
export const printSip = textPrinter('sip', SIP_METHODS, false);
