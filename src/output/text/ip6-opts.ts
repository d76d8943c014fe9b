// IPv6 Hop-by-Hop and Destination Options headers (RFC 8200 §4.3, §4.6), jumbo payload (RFC 2675),
// as tcpdump 4.99's print-ip6opts.c prints them.
import type { PrintContext } from './context.js';

const PAD1 = 0x00, PADN = 0x01, ROUTER_ALERT = 0x05, JUMBO = 0xc2, HOME_ADDRESS = 0xc9;
const MINLEN = 2, RTALERT_LEN = 4, JUMBO_LEN = 6, HOMEADDR_MINLEN = 18;

const HEX2: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * What the Hop-by-Hop header says about a jumbogram: `payloadLength` starts as the IPv6 header's
 * Payload Length and becomes the Jumbo Payload Length when a valid option is found.
 */
export interface JumboState { found: boolean; payloadLength: number }

/** Sub-options of the Home Address option; false when they overrun it. */
function printSubOptions(c: PrintContext, bp: number, len: number): boolean {
  let s = '';
  for (let i = 0, optlen = 0; i < len; i += optlen) {
    const t = c.u8(bp + i);
    if (t === PAD1) optlen = 1;
    else if (i + 1 < len) optlen = c.u8(bp + i + 1) + 2;
    else { c.write(s); return false; }
    if (i + optlen > len) { c.write(s); return false; }
    if (t === PAD1) s += ', pad1';
    else if (t === PADN) s += ', padn';
    else s += `, sopt_type 0x${HEX2[t]!}: len=${c.u8(bp + i + 1)}`;
  }
  c.write(s);
  return true;
}

/**
 * The options area bp[0..len). `jumbo` is null for destination options, where a Jumbo Payload
 * option is reported but never honoured. Returns false when an option overruns the header.
 */
function printOptions(c: PrintContext, bp: number, len: number, jumbo: JumboState | null): boolean {
  if (len === 0) return true;
  const v = c.o.verbose;
  let foundJumbo = false;
  for (let i = 0, optlen = 0; i < len; i += optlen) {
    const t = c.u8(bp + i);
    if (t === PAD1) optlen = 1;
    else if (i + 1 < len) optlen = c.u8(bp + i + 1) + 2;
    else return false;
    if (i + optlen > len) return false;

    switch (t) {
      case PAD1:
        if (v) c.write('(pad1)');
        break;
      case PADN:
        if (len - i < MINLEN) { c.write('(padn: trunc)'); return false; }
        if (v) c.write('(padn)');
        break;
      case ROUTER_ALERT:
        if (len - i < RTALERT_LEN) { c.write('(rtalert: trunc)'); return false; }
        if (c.u8(bp + i + 1) !== RTALERT_LEN - 2) { c.write(`(rtalert: invalid len ${c.u8(bp + i + 1)})`); return false; }
        if (v) c.write(`(rtalert: 0x${c.u16(bp + i + 2).toString(16).padStart(4, '0')}) `);
        break;
      case JUMBO: {
        if (len - i < JUMBO_LEN) { c.write('(jumbo: trunc)'); return false; }
        if (c.u8(bp + i + 1) !== JUMBO_LEN - 2) { c.write(`(jumbo: invalid len ${c.u8(bp + i + 1)})`); return false; }
        const jumboLen = c.u32(bp + i + 2);
        if (foundJumbo) {
          if (v) c.write(`(jumbo: ${jumboLen} - already seen) `);
          break;
        }
        foundJumbo = true;
        if (jumbo === null) {
          if (v) c.write(`(jumbo: ${jumboLen} - not a hop-by-hop option) `);
        } else if (jumbo.payloadLength !== 0) {
          if (v) c.write(`(jumbo: ${jumboLen} - payload len != 0) `);
        } else if (jumboLen < 65536) {
          if (v) c.write(`(jumbo: ${jumboLen} - < 65536) `);
        } else {
          jumbo.found = true;
          jumbo.payloadLength = jumboLen;
          if (v) c.write(`(jumbo: ${jumboLen}) `);
        }
        break;
      }
      case HOME_ADDRESS:
        if (len - i < HOMEADDR_MINLEN) { c.write('(homeaddr: trunc)'); return false; }
        if (c.u8(bp + i + 1) < HOMEADDR_MINLEN - 2) { c.write(`(homeaddr: invalid len ${c.u8(bp + i + 1)})`); return false; }
        if (v) {
          c.write(`(homeaddr: ${c.ip6(bp + i + 2)}`);
          if (c.u8(bp + i + 1) > HOMEADDR_MINLEN - 2 &&
              !printSubOptions(c, bp + i + HOMEADDR_MINLEN, optlen - HOMEADDR_MINLEN)) return false;
          c.write(')');
        }
        break;
      default:
        if (len - i < MINLEN) { c.write(`(type ${t}: trunc)`); return false; }
        if (v) c.write(`(opt_type 0x${HEX2[t]!}: len=${c.u8(bp + i + 1)})`);
    }
  }
  if (v) c.write(' ');
  return true;
}

/**
 * Hop-by-Hop Options header at `off`: prints `HBH ` and, with -v, its options. Returns the header
 * length, or -1 after printing ` [|hbhopt]` when it is cut short or its options overrun it.
 */
export function printHopByHop(c: PrintContext, off: number, jumbo: JumboState): number {
  c.protocol = 'hbhopt';
  const len = (c.u8(off + 1) + 1) << 3;
  if (!c.has(off, len)) { c.write(' [|hbhopt]'); return -1; }
  c.write('HBH ');
  if (!printOptions(c, off + 2, len - 2, jumbo)) { c.write(' [|hbhopt]'); return -1; }
  return len;
}

/** Destination Options header at `off`: `DSTOPT ` and, with -v, its options; -1 as printHopByHop. */
export function printDestOpts(c: PrintContext, off: number): number {
  c.protocol = 'dstopt';
  const len = (c.u8(off + 1) + 1) << 3;
  if (!c.has(off, len)) { c.write(' [|dstopt]'); return -1; }
  c.write('DSTOPT ');
  if (c.o.verbose && !printOptions(c, off + 2, len - 2, null)) { c.write(' [|dstopt]'); return -1; }
  return len;
}
