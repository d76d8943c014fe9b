// IPv6 Hop-by-Hop and Destination Options headers (RFC 8200 §4.3, §4.6), jumbo payload (RFC 2675),
// as tcpdump 4.99's print-ip6opts.c prints them.
import type { PrintContext } from './context.js';
import { HOME_ADDRESS_OPTION_LENGTH, type Ipv6Option, type Ipv6OptionsHeader } from '../../decoders/ipv6.js';

const PAD1 = 0x00, PADN = 0x01, ROUTER_ALERT = 0x05, JUMBO = 0xc2, HOME_ADDRESS = 0xc9;
const MINLEN = 2, RTALERT_LEN = 4, JUMBO_LEN = 6, HOMEADDR_MINLEN = HOME_ADDRESS_OPTION_LENGTH;

const HEX2: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * What the Hop-by-Hop header says about a jumbogram: `payloadLength` starts as the IPv6 header's
 * Payload Length and becomes the Jumbo Payload Length when a valid option is found.
 */
export interface JumboState { found: boolean; payloadLength: number }

/** Sub-options of the Home Address option, `len` bytes from `bp`; false when they overrun it. */
function printSubOptions(c: PrintContext, so: Ipv6Option, bp: number, len: number): boolean {
  let s = '';
  for (let i = 0, optlen = 0; i < len; i += optlen) {
    so.point(bp + i, c.end);
    const t = so.type;
    if (t === PAD1) optlen = 1;
    else if (i + 1 < len) optlen = so.lengthField + 2;
    else { c.write(s); return false; }
    if (i + optlen > len) { c.write(s); return false; }
    if (t === PAD1) s += ', pad1';
    else if (t === PADN) s += ', padn';
    else s += `, sopt_type 0x${HEX2[t]!}: len=${so.lengthField}`;
  }
  c.write(s);
  return true;
}

/**
 * The options area of header `h`, `len` bytes. `jumbo` is null for destination options, where a
 * Jumbo Payload option is reported but never honoured. Returns false when an option overruns the header.
 */
function printOptions(c: PrintContext, h: Ipv6OptionsHeader, len: number, jumbo: JumboState | null): boolean {
  if (len === 0) return true;
  const v = c.o.verbose, bp = h.optionsOffset, opt = h.option;
  let foundJumbo = false;
  for (let i = 0, optlen = 0; i < len; i += optlen) {
    opt.point(bp + i, c.end);
    const t = opt.type;
    if (t === PAD1) optlen = 1;
    else if (i + 1 < len) optlen = opt.lengthField + 2;
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
        if (opt.lengthField !== RTALERT_LEN - 2) { c.write(`(rtalert: invalid len ${opt.lengthField})`); return false; }
        if (v) c.write(`(rtalert: 0x${opt.routerAlert.toString(16).padStart(4, '0')}) `);
        break;
      case JUMBO: {
        if (len - i < JUMBO_LEN) { c.write('(jumbo: trunc)'); return false; }
        if (opt.lengthField !== JUMBO_LEN - 2) { c.write(`(jumbo: invalid len ${opt.lengthField})`); return false; }
        const jumboLen = opt.jumboLength;
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
        if (opt.lengthField < HOMEADDR_MINLEN - 2) { c.write(`(homeaddr: invalid len ${opt.lengthField})`); return false; }
        if (v) {
          c.write(`(homeaddr: ${opt.homeAddress}`);
          if (opt.lengthField > HOMEADDR_MINLEN - 2 &&
              !printSubOptions(c, h.subOption, bp + i + HOMEADDR_MINLEN, optlen - HOMEADDR_MINLEN)) return false;
          c.write(')');
        }
        break;
      default:
        if (len - i < MINLEN) { c.write(`(type ${t}: trunc)`); return false; }
        if (v) c.write(`(opt_type 0x${HEX2[t]!}: len=${opt.lengthField})`);
    }
  }
  if (v) c.write(' ');
  return true;
}

/**
 * Hop-by-Hop Options header `h`: prints `HBH ` and, with -v, its options. Returns the header
 * length, or -1 after printing ` [|hbhopt]` when it is cut short or its options overrun it.
 */
export function printHopByHop(c: PrintContext, h: Ipv6OptionsHeader, jumbo: JumboState): number {
  c.protocol = 'hbhopt';
  const len = h.length;
  if (!h.has(len)) { c.write(' [|hbhopt]'); return -1; }
  c.write('HBH ');
  if (!printOptions(c, h, len - 2, jumbo)) { c.write(' [|hbhopt]'); return -1; }
  return len;
}

/** Destination Options header `h`: `DSTOPT ` and, with -v, its options; -1 as printHopByHop. */
export function printDestOpts(c: PrintContext, h: Ipv6OptionsHeader): number {
  c.protocol = 'dstopt';
  const len = h.length;
  if (!h.has(len)) { c.write(' [|dstopt]'); return -1; }
  c.write('DSTOPT ');
  if (c.o.verbose && !printOptions(c, h, len - 2, null)) { c.write(' [|dstopt]'); return -1; }
  return len;
}
