// tcpdump's util-print.c helpers for the printers of control protocols, over decoder views:
// names of values and of set bits (tok2str, bittok2str), text fields (nd_printjnp, nd_printn)
// and the hex of data no printer knows (print_unknown_data).
import { hexPrint } from './dump.js';
import type { PrintContext } from './context.js';

/** A `struct tok` table: value → name, in tcpdump's order (bit tables are tested in that order). */
export type Tok = ReadonlyArray<readonly [number, string]>;

/** tok2str: the name of `v`, or `fallback`. */
export function tokName(t: Tok, fallback: string, v: number): string {
  for (const [k, s] of t) if (k === v) return s;
  return fallback;
}

/** bittok2str: the names of the bits of `v` each entry names, joined by `, ` (`sep`), or `none`. */
export function bitNames(t: Tok, none: string, v: number, sep = ', '): string {
  let s = '', any = false;
  for (const [k, name] of t) {
    if (k !== 0 && (v & k) === k) { s += any ? sep + name : name; any = true; }
  }
  return any ? s : none;
}


// nd_printjnp and nd_printn live in print-char.ts (one copy); re-exported for the printers that import them here.
export { printJnp, printN } from './print-char.js';

/**
 * print_unknown_data: `len` bytes at absolute index `start` (a view's field start) as hex lines
 * beginning `ident`, clipped to what was captured.
 */
export function unknownData(c: PrintContext, ident: string, start: number, len: number): void {
  if (start > c.end) {
    c.write(`${ident}Dissector error: print_unknown_data called with pointer past end of packet`);
    return;
  }
  c.write(hexPrint(c, ident, start, len));
}
