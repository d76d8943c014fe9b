/**
 * tcpdump's util-print.c helpers for the printers written from it: value-to-name (tok2str,
 * bittok2str, bittok2str_nosep, from its `struct tok` tables) and relative times. A table is a list of [value, name] pairs in
 * tcpdump's order: the order matters for the bit lists, whose names come out in table order.
 */
export type Tok = ReadonlyArray<readonly [number, string]>;

/** A lookup table made once from a Tok (a sparse array for small values, a Map for the rest). */
export class TokTable {
  readonly #small: (string | undefined)[] = [];
  readonly #large = new Map<number, string>();
  constructor(readonly entries: Tok) {
    // The first entry for a value wins, as with tcpdump's linear tok2str.
    for (const [v, s] of entries) {
      if (v >= 0 && v < 1024) { if (this.#small[v] === undefined) this.#small[v] = s; }
      else if (!this.#large.has(v)) this.#large.set(v, s);
    }
  }
  /** The name of `v`, or undefined. */
  get(v: number): string | undefined { return v >= 0 && v < 1024 ? this.#small[v] : this.#large.get(v); }
  /** tok2str: the name of `v`, else `unknown` (the caller's formatted default). */
  str(v: number, unknown: string): string { return this.get(v) ?? unknown; }
}

/** tok2str with tcpdump's usual default `unknown (N)` spelled by the caller's `fmt(v)`. */
export function tok2str(t: TokTable, v: number, fmt: (v: number) => string): string { return t.get(v) ?? fmt(v); }

/**
 * bittok2str: the names of the table's one-bit values set in `v`, in table order, joined by `sep`
 * (", " for bittok2str, "" for bittok2str_nosep); `none` when no name matched. As in tcpdump, an
 * entry whose value has several bits never matches.
 */
export function bitNames(t: Tok, v: number, none: string, sep = ', '): string {
  let s = '', first = true;
  for (const [bit, name] of t) {
    if (bit === 0 || (bit & (bit - 1)) !== 0 || (v & bit) === 0) continue;
    s += first ? name : sep + name;
    first = false;
  }
  return first ? none : s;
}

/** `%02x` of a byte. */
export function hex2(v: number): string { return v.toString(16).padStart(2, '0'); }

/** `%08x` of an unsigned 32-bit value. */
export function hex32(v: number): string { return (v >>> 0).toString(16).padStart(8, '0'); }

const reltsUnits: ReadonlyArray<readonly [number, string]> = [[31536000, 'y'], [604800, 'w'], [86400, 'd'], [3600, 'h'], [60, 'm'], [1, 's']];
/** unsigned_relts_print: seconds as `1w2d3h4m5s` (`0s` for none). */
export function relts(secs: number): string {
  if (secs === 0) return '0s';
  let s = '';
  for (const [n, u] of reltsUnits) if (secs >= n) { const q = Math.floor(secs / n); s += `${q}${u}`; secs -= q * n; }
  return s;
}
/** signed_relts_print: as relts, with a leading `-` for a negative count. */
export function signedRelts(secs: number): string { return secs < 0 ? `-${relts(-secs)}` : relts(secs); }

/** mask2plen: the prefix length of a contiguous IPv4 netmask, -1 when it is not one. */
export function mask2plen(mask: number): number {
  mask >>>= 0;
  for (let plen = 32; plen >= 0; plen--) if ((plen === 0 ? 0 : (0xffffffff << (32 - plen)) >>> 0) === mask) return plen;
  return -1;
}

/**
 * printf's `%.<digits>f`: glibc rounds the exact binary value half to even, where JavaScript's
 * toFixed rounds a tie up (0.0625 is `0.062` in C, `0.063` from toFixed).
 */
export function cFixed(x: number, digits: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x < 0 ? '-inf' : 'inf';
  // From 2^53 on a double is an integer, and toFixed turns to exponents at 1e21: the digits from BigInt.
  if (Math.abs(x) >= 2 ** 53) return `${BigInt(x).toString()}${digits > 0 ? `.${'0'.repeat(digits)}` : ''}`;
  const scale = 10 ** digits, y = x * scale, fl = Math.floor(y);
  const n = y - fl === 0.5 ? (fl % 2 === 0 ? fl : fl + 1) : Math.round(y);
  return (n / scale).toFixed(digits);
}

/** printf's `%.<precision>g` (no `#` flag): the shorter of fixed and exponent forms, trailing zeros removed. */
export function cG(x: number, precision: number): string {
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  if (!Number.isFinite(x)) return Number.isNaN(x) ? (Math.sign(x) < 0 ? '-nan' : 'nan') : x < 0 ? '-inf' : 'inf';
  const p = precision === 0 ? 1 : precision;
  const exp = x.toExponential(p - 1);
  const e = Number(exp.slice(exp.indexOf('e') + 1));
  const strip = (s: string): string => s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
  if (e < -4 || e >= p) {
    const [m, ex] = exp.split('e') as [string, string];
    const n = Number(ex);
    return `${strip(m)}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  return strip(x.toFixed(p - 1 - e));
}
