/** HTTP request/response first line (tcpdump's print-http.c over txtproto_print). */
import type { PrintContext } from './context.js';
import type { Http } from '../../decoders/http.js';

const methods = ([
  'GET', 'PUT', 'COPY', 'HEAD', 'LOCK', 'MOVE', 'POLL', 'POST', 'BCOPY', 'BMOVE', 'MKCOL', 'TRACE', 'LABEL', 'MERGE',
  'DELETE', 'SEARCH', 'UNLOCK', 'REPORT', 'UPDATE', 'NOTIFY', 'BDELETE', 'CONNECT', 'OPTIONS', 'CHECKIN', 'PROPFIND',
  'CHECKOUT', 'CCHECKOUT', 'SUBSCRIBE', 'PROPPATCH', 'BPROPFIND', 'BPROPPATCH', 'UNCHECKOUT', 'MKACTIVITY',
  'MKWORKSPACE', 'UNSUBSCRIBE', 'RPC_CONNECT', 'VERSION-CONTROL', 'BASELINE-CONTROL',
]);
const methodsByLength: string[][] = [];
for (const m of methods) (methodsByLength[m.length] ??= []).push(m);
const MAX_TOKEN = 128;

/** Where fetchToken found its token (index in the payload and length): no string is built to look at it. */
let tokenAt = 0, tokenLen = 0;

/** fetch_token: the token at byte idx and the blanks after it; the index after them, or 0 when there is none. */
function fetchToken(h: Http, idx: number, len: number): number {
  const start = idx;
  for (; idx < len; idx++) {
    if (!h.has(idx + 1)) return 0;
    const ch = h.byte(idx);
    if (!(ch > 0x20 && ch < 0x7f)) break;
    if (idx - start + 2 > MAX_TOKEN + 1) return 0;
  }
  if (idx === start) return 0;
  tokenAt = start; tokenLen = idx - start;
  for (; idx < len; idx++) {
    if (!h.has(idx + 1)) break;
    const ch = h.byte(idx);
    if (ch === 0x0d || ch === 0x0a) break;
    if (!(ch >= 0x20 && ch < 0x7f)) break;
    if (ch !== 0x20 && ch !== 0x09) break;
  }
  return idx;
}

/** The token is a request method (compared case-insensitively, as tcpdump does). */
function tokenIsMethod(h: Http): boolean {
  const list = methodsByLength[tokenLen];
  if (list === undefined) return false;
  outer: for (const m of list) {
    for (let i = 0; i < tokenLen; i++) {
      let ch = h.byte(tokenAt + i);
      if (ch >= 0x61 && ch <= 0x7a) ch -= 0x20;
      if (ch !== m.charCodeAt(i)) continue outer;
    }
    return true;
  }
  return false;
}

/** Three digits and nothing else: a status code. */
function tokenIsStatus(h: Http): boolean {
  if (tokenLen !== 3) return false;
  for (let i = 0; i < 3; i++) { const ch = h.byte(tokenAt + i); if (ch < 0x30 || ch > 0x39) return false; }
  return true;
}

/** One text line from idx, prefixed; the index after its end of line, or 0 if it is not a whole text line. */
function printTextLine(c: PrintContext, h: Http, prefix: string, idx: number, len: number): number {
  const start = idx;
  while (idx < len) {
    const ch = h.byte(idx);
    if (ch === 0x0a) {
      c.write(prefix + h.text(start, idx - start));
      return idx + 1;
    }
    if (ch === 0x0d) {
      if (idx + 1 >= len) return 0;
      if (h.byte(idx + 1) === 0x0a) {
        c.write(prefix + h.text(start, idx - start));
        return idx + 2;
      }
      return 0;
    }
    if (!(ch >= 0x20 && ch < 0x7f) && ch !== 0x09) return 0;
    idx++;
  }
  // Printable to the end but no line ending: treated as cut short.
  c.write(prefix + h.text(start, idx - start));
  c.write(` [|${c.protocol}]`);
  return 0;
}

/** HTTP payload of `length` bytes (TCP port 80, 8080): `: HTTP: GET / HTTP/1.1` (all lines with -v). */
export function printHttp(c: PrintContext, h: Http, length: number): void {
  c.protocol = 'http';
  c.write(': ');
  let printThis = false;
  let idx = fetchToken(h, 0, length);
  if (idx !== 0) {
    if (tokenIsMethod(h)) printThis = true;
    idx = fetchToken(h, idx, length);
    if (idx !== 0 && tokenIsStatus(h)) printThis = true;
  }
  c.write('HTTP');
  if (!printThis) return;
  if (c.o.verbose) {
    c.write(`, length: ${length}`);
    for (let i = 0; i < length;) {
      const eol = printTextLine(c, h, '\n\t', i, length);
      if (eol === 0) break;
      i = eol;
    }
  } else {
    printTextLine(c, h, ': ', 0, length);
  }
}
