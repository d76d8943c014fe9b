/** Cisco's auto-RP (tcpdump's cisco_autorp_print, print-pim.c), on UDP port 496 either way. */
import type { PrintContext } from './context.js';
import { AUTORP_GROUP_LENGTH, AUTORP_HEADER_LENGTH, AUTORP_RP_LENGTH, type CiscoAutoRp } from '../../decoders/cisco-autorp.js';
import { hex2, relts } from './util-print.js';

const types: Record<number, string> = { 0x11: 'candidate-advert', 0x12: 'mapping' };
const versions = [' PIMv?', ' PIMv1', ' PIMv2', ' PIMv1+2'];

/**
 * An auto-RP message, `length` bytes of UDP payload. The lengths are checked against `length`
 * (tcpdump's `goto trunc`: the mark, then a normal return); a field past the capture unwinds.
 */
export function printCiscoAutoRp(c: PrintContext, rp: CiscoAutoRp, length: number): void {
  c.protocol = 'cisco_autorp';
  if (length < AUTORP_HEADER_LENGTH) { c.truncMark(); return; }
  c.write(' auto-rp ');
  const type = rp.type;
  c.write(types[type] ?? `type-0x${hex2(type)}`);
  let rps = rp.rpCount;
  c.write(' Hold ');
  const hold = rp.holdTime;
  c.write(hold !== 0 ? relts(hold) : 'FOREVER');
  let at = AUTORP_HEADER_LENGTH;
  length -= AUTORP_HEADER_LENGTH;
  for (; rps !== 0; rps--) {
    if (length < 4) { c.truncMark(); return; }
    c.write(` RP ${rp.rpAddress(at)}`);
    length -= 4;
    if (length < 1) { c.truncMark(); return; }
    const v = rp.rpVersions(at);
    c.write(versions[v & 3]!);
    if (v & 0xfc) c.write(` [rsvd=0x${hex2(v & 0xfc)}]`);
    length -= 1;
    if (length < 1) { c.truncMark(); return; }
    let groups = rp.groupCount(at);
    length -= 1;
    at += AUTORP_RP_LENGTH;
    let sep = ' ';
    for (; groups !== 0; groups--) {
      if (length < AUTORP_GROUP_LENGTH) { c.truncMark(); return; }
      const flags = rp.groupFlags(at);
      c.write(`${sep}${flags & 1 ? '!' : ''}${rp.groupAddress(at)}/${rp.groupMaskLength(at)}`);
      if (flags & 0x02) c.write(' bidir');
      if (flags & 0xfc) c.write(`[rsvd=0x${hex2(flags & 0xfc)}]`);
      sep = ',';
      at += AUTORP_GROUP_LENGTH;
      length -= AUTORP_GROUP_LENGTH;
    }
  }
}
