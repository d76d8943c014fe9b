/** IEEE 802.1AE MACsec inside an Ethernet frame (tcpdump's print-macsec.c). */
import type { PrintContext } from './context.js';
import type { EthernetFraming } from '../../decoders/ethernet.js';
import { MACSEC_ICV_LENGTH, MACSEC_SECTAG_LENGTH, MACSEC_SECTAG_SCI_LENGTH, MacsecTci, type Macsec } from '../../decoders/macsec.js';

/**
 * The Ethernet printer's walk through its header (tcpdump passes these by pointer): where the next
 * field is, the lengths left on the wire and captured, the header bytes so far, and the frame.
 */
export interface EtherWalk { p: number; length: number; caplen: number; hdrlen: number; type: number; frame: EthernetFraming }

const flagNames: ReadonlyArray<readonly [number, string]> = [
  [MacsecTci.Encrypted, 'E'], [MacsecTci.Changed, 'C'], [MacsecTci.EndStation, 'S'], [MacsecTci.Scb, 'B'], [MacsecTci.Sci, 'I'],
];

function header(c: PrintContext, m: Macsec, shortLength: number): void {
  const f = m.flags;
  let flags = '';
  for (const [bit, name] of flagNames) if (f & bit) flags += name;
  c.write(`an ${m.associationNumber}, pn ${m.packetNumber}, flags ${flags || 'none'}`);
  if (shortLength !== 0) c.write(`, sl ${shortLength}`);
  if (m.hasSci) c.write(`, sci ${m.sci}`);
  c.write(', ');
}

/**
 * tcpdump's macsec_print, the SecTAG at `w.p`: returns 0 when the data is encrypted (the caller
 * dumps it), a header length for the caller to return when the frame ends here, or -1 with `w`
 * moved past the SecTAG and the ICV, and `w.type` the protected frame's type (at `w.p`).
 */
export function printMacsec(c: PrintContext, m: Macsec, _length: number, w: EtherWalk): number {
  const saved = c.protocol;
  c.protocol = 'macsec';
  const hdrlen = w.hdrlen, caplen = w.caplen;
  const stop = (): number => { c.truncMark(); c.protocol = saved; return hdrlen + caplen; };
  if (caplen < MACSEC_SECTAG_LENGTH || w.length < MACSEC_SECTAG_LENGTH) return stop();
  let sectagLength = MACSEC_SECTAG_LENGTH;
  if (m.hasSci) {
    sectagLength = MACSEC_SECTAG_SCI_LENGTH;
    if (caplen < MACSEC_SECTAG_SCI_LENGTH || w.length < MACSEC_SECTAG_SCI_LENGTH) return stop();
  }
  if ((m.shortLengthByte & 0xc0) !== 0 || m.version !== 0) {
    c.invalid();
    c.protocol = saved;
    return hdrlen + caplen;
  }
  const shortLength = m.shortLength;
  if (c.o.linkHeader) header(c, m, shortLength);
  w.p += sectagLength; w.hdrlen += sectagLength; w.length -= sectagLength; w.caplen -= sectagLength;
  if (m.confidential) {
    // Encrypted: the addresses and the SecTAG, where -e has not printed them.
    if (!c.o.linkHeader) {
      c.write(`${w.frame.src} > ${w.frame.dst} 802.1AE MACsec, `);
      header(c, m, shortLength);
    }
    c.protocol = saved;
    return 0;
  }
  if (w.length < MACSEC_ICV_LENGTH || w.caplen < MACSEC_ICV_LENGTH) return stop();
  w.length -= MACSEC_ICV_LENGTH; w.caplen -= MACSEC_ICV_LENGTH;
  // The ICV is not the payload's: tcpdump moves the snapshot end before it.
  c.pushEnd(c.end - MACSEC_ICV_LENGTH);
  if (shortLength !== 0) {
    if (shortLength > w.length || shortLength > w.caplen) return stop();
    if (w.length > shortLength) w.length = shortLength;
    if (w.caplen > shortLength) w.caplen = shortLength;
  }
  c.protocol = saved;
  w.type = m.etherType;
  return -1;
}
