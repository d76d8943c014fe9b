/** Redis RESP (tcpdump's print-resp.c): each value of a pipelined payload, strings quoted, arrays flattened. */
import type { PrintContext } from './context.js';
import type { Resp } from '../../decoders/resp.js';
import { safeChar } from './print-char.js';

const INT_MAX = 0x7fffffff;
const CR = 13, LF = 10;
/** resp_get_length's results besides a length: null (-1), cut short, too large, negative, invalid. */
const NULL = -1, TRUNC = -2, TOO_LARGE = -3, NEGATIVE = -4, INVALID = -5;

/** A RESP payload of `length` bytes. */
export function printResp(c: PrintContext, r: Resp, length: number): void {
  c.protocol = 'resp';
  c.write(': RESP');
  let i = 0;
  length >>>= 0;
  while (length > 0) {
    const n = parse(c, r, i, length | 0);
    if (n < 0) { c.truncMark(); return; }
    i += n;
    length = (length - n) >>> 0;
  }
}

/** One value at index `i`, `length` bytes left: the bytes it took, or -1 (the payload's end, or a bad value). */
function parse(c: PrintContext, r: Resp, i: number, length: number): number {
  if (length < 1) return -1;
  switch (r.byte(i)) {
    case 0x2b: case 0x3a: case 0x2d: return line(c, r, i, length);   // + : -
    case 0x24: return bulkString(c, r, i, length);                     // $
    case 0x2a: return array(c, r, i, length);                          // *
    default: return inline(c, r, i, length);
  }
}

/** RESP_PRINT_SEGMENT: ` "text"`; false when the capture ends inside it. */
function segment(c: PrintContext, r: Resp, i: number, n: number): boolean {
  let s = ' "';
  for (; n > 0 && r.has(i + 1); n--, i++) s += safeChar(r.byte(i));
  c.write(s);
  if (n !== 0) return false;
  c.write('"');
  return true;
}

/** FIND_CRLF from index `i` with `len` left: the index of the CR and what is left there, or undefined (goto trunc). */
function findCrlf(r: Resp, i: number, len: number): [number, number] | undefined {
  for (;;) {
    if (len < 2 || !r.has(i + 2)) return undefined;
    if (r.byte(i) === CR && r.byte(i + 1) === LF) return [i, len];
    i++; len--;
  }
}

/** Simple strings, errors and integers: the text up to CRLF. */
function line(c: PrintContext, r: Resp, i: number, length: number): number {
  const start = i + 1;
  const found = findCrlf(r, start, length - 1);
  if (found === undefined) return -1;
  const len = found[0] - start;
  if (!segment(c, r, start, len)) return -1;
  return 1 + len + 2;
}

/** resp_get_length at `i` (`len` left): the length or a negative code, and where it ended. */
function getLength(r: Resp, i: number, len: number): [number, number] {
  if (len === 0) return [TRUNC, i];
  let tooLarge = false, neg = false;
  if (r.byte(i) === 0x2d) { neg = true; i++; len--; }
  let result = 0, sawDigit = false;
  for (;;) {
    if (len === 0) return [TRUNC, i];
    let ch = r.byte(i);
    if (!(ch >= 0x30 && ch <= 0x39)) {
      if (!sawDigit) return [INVALID, i + 1];
      break;
    }
    ch -= 0x30;
    if (result > Math.floor(INT_MAX / 10)) tooLarge = true;
    else {
      result *= 10;
      if (result === Math.floor(INT_MAX / 10) * 10 && ch > INT_MAX % 10) tooLarge = true;
      else result += ch;
    }
    i++; len--;
    sawDigit = true;
  }
  if (r.byte(i) !== CR) return [INVALID, i + 1];
  i++; len--;
  if (len === 0) return [TRUNC, i];
  if (r.byte(i) !== LF) return [INVALID, i + 1];
  i++;
  if (neg) {
    if (tooLarge || result !== 1) return [NEGATIVE, i];
    result = NULL;
  }
  return [tooLarge ? TOO_LARGE : result, i];
}

/** The words for a length that is not one. */
function badLength(c: PrintContext, code: number): void {
  c.write(code === NULL ? ' null' : code === TOO_LARGE ? ' length too large' : code === NEGATIVE ? ' length negative and not -1' : ' invalid');
}

/** `$<length>\r\n<bytes>\r\n`. */
function bulkString(c: PrintContext, r: Resp, i: number, length: number): number {
  let cur = length - 1;
  i++;
  const [n, after] = getLength(r, i, cur);
  cur -= after - i;
  i = after;
  if (n >= 0) {
    if (n === 0) c.write(' empty');
    else {
      if (cur < n || !r.has(i + n)) return -1;
      if (!segment(c, r, i, n)) return -1;
      i += n; cur -= n;
    }
    const found = findCrlf(r, i, cur);
    if (found === undefined) return -1;
    i = found[0] + 2; cur = found[1] - 2;
  } else {
    if (n === TRUNC) return -1;
    badLength(c, n);
  }
  return length - cur;
}

/** `*<count>\r\n` and that many values (tcpdump counts what is left unsigned here). */
function array(c: PrintContext, r: Resp, i: number, length: number): number {
  let cur = (length - 1) >>> 0;
  i++;
  const [n, after] = getLength(r, i, cur | 0);
  cur = (cur - (after - i)) >>> 0;
  i = after;
  if (n > 0) {
    for (let k = 0; k < n; k++) {
      const taken = parse(c, r, i, cur | 0);
      if (taken < 0) return -1;
      i += taken;
      cur = (cur - taken) >>> 0;
    }
  } else if (n === 0) c.write(' empty');
  else {
    if (n === TRUNC) return -1;
    badLength(c, n);
  }
  return (length - cur) | 0;
}

/** CONSUME_CR_OR_LF: past any CRs and LFs at `i`; undefined when the data ends before one was seen. */
function skipCrLf(r: Resp, i: number, len: number): [number, number] | undefined {
  let found = false;
  for (;;) {
    if (len === 0 || !r.has(i + 1)) return found ? [i, len] : undefined;
    const ch = r.byte(i);
    if (ch !== CR && ch !== LF) return [i, len];
    found = true;
    i++; len--;
  }
}

/** An inline command: leading line ends skipped, the text up to CR or LF, the line ends after it. */
function inline(c: PrintContext, r: Resp, i: number, length: number): number {
  const lead = skipCrLf(r, i, length);
  if (lead === undefined) return -1;
  let [start, cur] = lead;
  let p = start;
  for (;;) {
    if (cur < 1) return -1;
    const ch = r.byte(p);
    if (ch === CR || ch === LF) break;
    p++; cur--;
  }
  if (!segment(c, r, start, p - start)) return -1;
  const tail = skipCrLf(r, p, cur);
  if (tail === undefined) return -1;
  cur = tail[1];
  return length - cur;
}
