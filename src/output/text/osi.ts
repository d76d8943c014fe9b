/** OSI protocols by NLPID (tcpdump's print-isoclns.c isoclns_print) and what CLNP, ES-IS and IS-IS share. */
import type { PrintContext } from './context.js';
import { printLayer } from './dispatch.js';
import { q933 } from './fr.js';
import { tokName, unknownData, type Tok } from './tok.js';
import { Layer } from '../../decoders/layer.js';
import type { Osi } from '../../decoders/osi.js';

/** Bytes of the NLPID (IP and IPv6 follow it directly). */
const NLPID_LENGTH = 1;

/** tcpdump's nlpid_values. */
export const nlpidNames: Tok = [
  [0x00, 'NULL'], [0x08, 'Q.933'], [0x09, 'LMI'], [0x80, 'SNAP'], [0x81, 'CLNP'], [0x82, 'ES-IS'], [0x83, 'IS-IS'], [0x84, 'CONS'],
  [0x85, 'IDRP'], [0xc1, 'ISIS_SPB'], [0xb1, 'FRF.15'], [0xcc, 'IPv4'], [0xcf, 'PPP'], [0x8a, 'X25 ES-IS'], [0x8e, 'IPv6'],
];

/**
 * osi_print_cksum: ` (unverified)` when the checksum is 0 or what it covers was not all captured,
 * else ` (correct)` or ` (incorrect should be 0x…)`. `expected()` computes the right value.
 */
export function osiChecksumText(checksum: number, offset: number, length: number, captured: boolean, expected: () => number): string {
  if (!checksum || offset < 0 || offset > length || !captured) return ' (unverified)';
  const want = expected();
  return checksum === want ? ' (correct)' : ` (incorrect should be 0x${want.toString(16).padStart(4, '0')})`;
}

/** An OSI PDU by its NLPID, `length` bytes on the wire from the NLPID (isoclns_print). */
export function printOsi(c: PrintContext, osi: Osi, length: number): void {
  // EtherType 0xfefe: tcpdump checks and skips the pad byte, and counts it out of the length.
  if (osi.padded) {
    if (length === 0 || osi.captured === 0) { c.protocol = 'isoclns'; c.truncMark(); return; }
    length -= 1;
  }
  c.protocol = 'isoclns';
  const nlpid = osi.nlpid, start = osi.off + osi.nlpidAt;
  if (c.o.linkHeader) c.write(`OSI NLPID ${tokName(nlpidNames, 'Unknown', nlpid)} (0x${nlpid.toString(16).padStart(2, '0')}): `);
  switch (nlpid) {
    case 0x81: printLayer(c, Layer.Clnp, start, length); break;
    case 0x82: printLayer(c, Layer.Esis, start, length); break;
    case 0x83: printLayer(c, Layer.Isis, start, length); break;
    case 0x00: c.write(`${c.o.linkHeader ? '' : ', '}length: ${length}`); break;
    case 0x08: q933(c, osi.data.point(start + NLPID_LENGTH, c.end), length - 1); break;
    case 0xcc: printLayer(c, Layer.Ipv4, start + NLPID_LENGTH, length - 1); break;
    case 0xcf: printLayer(c, Layer.Ppp, start + NLPID_LENGTH, length - 1); break;
    case 0x8e: printLayer(c, Layer.Ipv6, start + NLPID_LENGTH, length - 1); break;
    default:
      if (!c.o.linkHeader) c.write(`OSI NLPID 0x${nlpid.toString(16).padStart(2, '0')} unknown`);
      c.write(`${c.o.linkHeader ? '' : ', '}length: ${length}`);
      if (length > 1) unknownData(c, '\n\t', start, length);
  }
}
