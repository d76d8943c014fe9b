/** RPKI-RTR (tcpdump's print-rpki-rtr.c): `, RPKI-RTR`, and with -v every PDU. */
import type { PrintContext } from './context.js';
import {
  RPKI_RTR_IPV4_PREFIX_LENGTH, RPKI_RTR_IPV6_PREFIX_LENGTH, RPKI_RTR_PDU_HEADER_LENGTH, type RpkiRtr, type RpkiRtrPdu,
} from '../../decoders/rpki-rtr.js';
import { printN } from './print-char.js';
import { tokName, unknownData, type Tok } from './tok.js';

const PDU_TYPES: Tok = [
  [0, 'Serial Notify'], [1, 'Serial Query'], [2, 'Reset Query'], [3, 'Cache Response'], [4, 'IPV4 Prefix'], [6, 'IPV6 Prefix'],
  [7, 'End of Data'], [8, 'Cache Reset'], [10, 'Error Report'],
];
const ERROR_CODES: Tok = [
  'Corrupt Data', 'Internal Error', 'No Data Available', 'Invalid Request', 'Unsupported Protocol Version', 'Unsupported PDU Type',
  'Withdrawal of Unknown Record', 'Duplicate Announcement Received',
].map((s, k) => [k, s] as const);

/** indent_string: a newline, a tab per 8, a space per 1 left ('' when tcpdump's 20-byte buffer is too small). */
function indent(n: number): string {
  if (20 < Math.floor(n / 8) + (n % 8) + 2) return '';
  return `\n${'\t'.repeat(Math.floor(n / 8))}${' '.repeat(n % 8)}`;
}
const hex = (v: number, w: number): string => v.toString(16).padStart(w, '0');

/** RPKI-RTR PDUs in a TCP segment of `len` bytes. */
export function printRpkiRtr(c: PrintContext, r: RpkiRtr, len: number): void {
  c.protocol = 'rpki_rtr';
  if (!c.o.verbose) { c.write(', RPKI-RTR'); return; }
  let i = 0;
  while (len !== 0) {
    const n = printPdu(c, r, r.pdu, i, len, true, 8);
    len -= n; i += n;
  }
}

/** rpki_rtr_pdu_print: the PDU at index `i` with `len` bytes left; the bytes it used. */
function printPdu(c: PrintContext, r: RpkiRtr, p: RpkiRtrPdu, i: number, len: number, recurse: boolean, ind: number): number {
  r.at(p, i);
  if (p.version !== 0) {
    // Not version 0: the rest of the segment is skipped (a newer version may change the framing).
    c.write(`${indent(8)}RPKI-RTRv${p.version} (unknown)`);
    return len;
  }
  if (len < RPKI_RTR_PDU_HEADER_LENGTH) { c.write(`(${len} bytes is too few to decode)`); return invalid(c, p, len); }
  p.need(RPKI_RTR_PDU_HEADER_LENGTH);
  const type = p.type, plen = p.length;
  let hexdump = false;
  c.write(`${indent(8)}RPKI-RTRv${p.version}, ${tokName(PDU_TYPES, 'Unknown', type)} PDU (${type}), length: ${plen}`);
  if (plen < RPKI_RTR_PDU_HEADER_LENGTH || plen > len) return invalid(c, p, len);
  switch (type) {
    case 0: case 1: case 7:                             // Serial Notify, Serial Query, End of Data
      if (plen !== RPKI_RTR_PDU_HEADER_LENGTH + 4) return invalid(c, p, len);
      c.write(`${indent(ind + 2)}Session ID: 0x${hex(p.sessionId, 4)}, Serial: ${p.serial}`);
      break;
    case 2: case 8:                                     // Reset Query, Cache Reset
      if (plen !== RPKI_RTR_PDU_HEADER_LENGTH) return invalid(c, p, len);
      break;
    case 3:                                             // Cache Response
      if (plen !== RPKI_RTR_PDU_HEADER_LENGTH) return invalid(c, p, len);
      c.write(`${indent(ind + 2)}Session ID: 0x${hex(p.sessionId, 4)}`);
      break;
    case 4: {
      if (plen !== RPKI_RTR_IPV4_PREFIX_LENGTH) return invalid(c, p, len);
      const line = `${indent(ind + 2)}IPv4 Prefix ${p.prefixIpv4}/${p.prefixLength}-${p.maxLength}, origin-as ${p.asIpv4}, flags 0x${hex(p.flags, 2)}`;
      c.write(line);
      break;
    }
    case 6: {
      if (plen !== RPKI_RTR_IPV6_PREFIX_LENGTH) return invalid(c, p, len);
      const line = `${indent(ind + 2)}IPv6 Prefix ${p.prefixIpv6}/${p.prefixLength}-${p.maxLength}, origin-as ${p.asIpv6}, flags 0x${hex(p.flags, 2)}`;
      c.write(line);
      break;
    }
    case 10: {                                          // Error Report
      let tlen = RPKI_RTR_PDU_HEADER_LENGTH;
      if (plen < tlen + 4) return invalid(c, p, len);
      p.need(tlen + 4);
      const encLen = p.encapsulatedLength;
      tlen += 4;
      const code = p.sessionId;
      c.write(`${indent(ind + 2)}Error code: ${tokName(ERROR_CODES, 'Unknown', code)} (${code}), Encapsulated PDU length: ${encLen}`);
      if (encLen !== 0) {
        if (plen < tlen + encLen) return invalid(c, p, len);
        if (!recurse) {
          p.need(tlen + encLen);
        } else {
          c.write(`${indent(ind + 4)}-----encapsulated PDU-----`);
          printPdu(c, r, r.encapsulated, i + tlen, encLen, false, ind + 2);
          r.at(p, i);
        }
        tlen += encLen;
      }
      if (plen < tlen + 4) return invalid(c, p, len);
      p.need(tlen + 4);
      const textLen = p.textLengthAt(tlen);
      tlen += 4;
      if (textLen !== 0) {
        if (plen < tlen + textLen) return invalid(c, p, len);
        c.write(`${indent(ind + 2)}Error text: `);
        printN(c, p, tlen, textLen);
      }
      break;
    }
    default:
      p.need(plen);
      hexdump = true;
  }
  if (c.o.verbose > 1 || (c.o.verbose && hexdump)) unknownData(c, '\n\t  ', p.off, plen);
  return plen;
}

/** ` (invalid)`, the rest checked; the whole length is used. */
function invalid(c: PrintContext, p: RpkiRtrPdu, len: number): number {
  c.invalid();
  p.need(len);
  return len;
}
