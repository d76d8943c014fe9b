// Text inside a view's data, as tcpdump's helpers print it: fqdn_print (print-domain.c) for the
// printers that show DNS-encoded names in their own options (DHCPv6 domain lists, NTP server
// FQDNs…), nd_printjnp and nd_printztn (util-print.c) for strings. Indexes are relative to the
// reader's first data byte; the reader's checked `data(i)` stops at what was captured.
import type { PrintContext } from './context.js';
import { safeChar } from './print-char.js';

/** Read access to a structure's data bytes, checked against what was captured. */
export interface DataReader {
  /** Data byte `i` (throws NOT_CAPTURED past the captured end). */
  data(i: number): number;
  /** True when data bytes [0, n) were captured. */
  dataCaptured(n: number): boolean;
}

/** RFC 1035 maximum name length tcpdump checks against. */
const MAXCDNAME = 255;
const HEX2: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** nd_printn: up to `n` bytes from `i` through safeChar, stopping at the captured end; true when cut short. */
function printn(c: PrintContext, r: DataReader, i: number, n: number): boolean {
  while (n > 0 && r.dataCaptured(i + 1)) { c.safeCh(r.data(i)); i++; n--; }
  return n !== 0;
}

/** labellen: the length fqdn printing advances by for the label at `i`, or -1 (printing tcpdump's reason). */
function labelLen(c: PrintContext, r: DataReader, i: number): number {
  if (!r.dataCaptured(i + 1)) return -1;
  const b = r.data(i);
  switch (b & 0xc0) {
    case 0x40: {
      const elt = b & 0x3f;
      if (elt !== 1) { c.write(`<ELT ${elt}>`); return -1; }
      if (!r.dataCaptured(i + 2)) return -1;
      const bitlen = r.data(i + 1) || 256;
      return ((bitlen + 7) >> 3) + 1;
    }
    case 0x80: c.write('<BAD LABEL TYPE>'); return -1;
    default: return b;
  }
}

/** RFC 2673 bit-string label at `i` (its length byte) as `\[x<hex>/<bits>]`; -1 when cut short. */
function bitLabel(c: PrintContext, r: DataReader, i: number): number {
  if (!r.dataCaptured(i + 1)) return -1;
  const bitlen = r.data(i) || 256;
  const lim = i + 1 + ((bitlen + 3) >> 2);
  c.write('\\[x');
  let bitp = i + 1, b = bitlen;
  for (; bitp < lim && b > 7; b -= 8, bitp++) c.write(HEX2[r.data(bitp)]!);
  if (b > 4) c.write(HEX2[r.data(bitp) & (0xff << (8 - b)) & 0xff]!);
  else if (b > 0) c.write((((r.data(bitp) >> 4) & 0x0f) & (0x0f << (4 - b))).toString(16));
  c.write(`/${bitlen}]`);
  return lim;
}

/**
 * fqdn_print: the name at data index `i`, compression pointers relative to data index `base` (a
 * pointer must point before the previous one, as BIND requires; the distance is unsigned, as in
 * tcpdump, so a base after the name allows any pointer). Returns the index after the name, or -1
 * when it is cut short or malformed (the caller prints ` [|proto]`).
 */
export function printDomainName(c: PrintContext, r: DataReader, i: number, base: number): number {
  let l = labelLen(c, r, i);
  if (l === -1 || !r.dataCaptured(i + 1)) return -1;
  let maxOffset = (i - base) >>> 0;
  let b = r.data(i++);
  let rp = -1, compressed = false, nameChars = 0;
  if ((b & 0xc0) !== 0xc0) rp = i + l;
  if (b === 0) { c.write('.'); return rp; }
  while (b !== 0 && r.dataCaptured(i + 1)) {
    switch (b & 0xc0) {
      case 0xc0: {
        if (!compressed) { rp = i + 1; compressed = true; }
        const offset = ((b << 8) | r.data(i)) & 0x3fff;
        if (offset >= maxOffset) { c.write('<BAD PTR>'); return -1; }
        maxOffset = offset;
        i = base + offset;
        if (!r.dataCaptured(i + 1)) return -1;
        b = r.data(i);
        l = labelLen(c, r, i);
        if (l === -1) return -1;
        i++;
        continue;
      }
      case 0x40:
        if ((b & 0x3f) !== 1) { c.write(`<ELT ${b & 0x3f}>`); return -1; }
        if (bitLabel(c, r, i) === -1) return -1;
        break;
      case 0x80:
        c.write('<BAD LABEL TYPE>');
        return -1;
      default:
        if (nameChars + l <= MAXCDNAME) {
          if (printn(c, r, i, l)) return -1;
        } else if (nameChars < MAXCDNAME) {
          if (printn(c, r, i, MAXCDNAME - nameChars)) return -1;
        }
        nameChars += l;
    }
    i += l;
    if (nameChars <= MAXCDNAME) c.write('.');
    nameChars++;
    if (!r.dataCaptured(i + 1)) return -1;
    b = r.data(i);
    l = labelLen(c, r, i);
    if (l === -1) return -1;
    i++;
    if (!compressed) rp += l + 1;
  }
  if (nameChars > MAXCDNAME) c.write('<DOMAIN NAME TOO LONG>');
  return rp;
}

/** nd_printjnp: up to `n` bytes from data index `i` as text, stopping at a NUL (a read past the capture unwinds). */
export function printTextUpTo(c: PrintContext, r: DataReader, i: number, n: number): void {
  let s = '';
  try {
    for (; n > 0; n--, i++) {
      const ch = r.data(i);
      if (ch === 0) break;
      s += safeChar(ch);
    }
  } finally {
    c.write(s);
  }
}

/**
 * nd_printztn: the NUL-terminated string at data index `i`, at most `n` bytes. Returns the bytes it
 * took, NUL included, or 0 when there is no NUL within `n` bytes or before the captured end.
 */
export function printZeroTerminated(c: PrintContext, r: DataReader, i: number, n: number): number {
  let s = '', taken = 0;
  for (;;) {
    if (n === 0 || !r.dataCaptured(i + 1)) { taken = 0; break; }
    const ch = r.data(i++);
    taken++; n--;
    if (ch === 0) break;
    s += safeChar(ch);
  }
  c.write(s);
  return taken;
}
