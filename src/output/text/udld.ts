/** UDLD, UniDirectional Link Detection (tcpdump's print-udld.c). */
import type { PrintContext } from './context.js';
import { bitNames, printJnp, printN, tokName, type Tok } from './tok.js';
import { UDLD_HEADER_LENGTH, UDLD_TLV_HEADER_LENGTH as H, type Udld } from '../../decoders/udld.js';

const tlvNames: Tok = [
  [1, 'Device-ID TLV'], [2, 'Port-ID TLV'], [3, 'Echo TLV'], [4, 'Message Interval TLV'], [5, 'Timeout Interval TLV'],
  [6, 'Device Name TLV'], [7, 'Sequence Number TLV'],
];
const codes: Tok = [[0, 'Reserved'], [1, 'Probe message'], [2, 'Echo message'], [3, 'Flush message']];
const flagBits: Tok = [[1, 'RT'], [2, 'RSY'], [4, 'MBZ-2'], [8, 'MBZ-3'], [16, 'MBZ-4'], [32, 'MBZ-5'], [64, 'MBZ-6'], [128, 'MBZ-7']];

/** UDLD message `u`, `length` bytes on the wire (udld_print: its TCHECKs unwind to ` [|udld]`). */
export function printUdld(c: PrintContext, u: Udld, length: number): void {
  c.protocol = 'udld';
  if (length < UDLD_HEADER_LENGTH) { c.invalid(); u.need(length); return; }
  const ver = u.version, code = u.opcode, flags = u.flags;
  c.write(`UDLDv${ver}, Code ${tokName(codes, 'Reserved', code)} (${code.toString(16)}), Flags [${bitNames(flagBits, 'none', flags)}] ` +
    `(0x${flags.toString(16).padStart(2, '0')}), length ${length}`);
  // Without -v, the version and opcode only; the rest must still be there.
  if (c.o.verbose < 1) { u.need(length); return; }
  c.write(`\n\tChecksum 0x${u.checksum.toString(16).padStart(4, '0')} (unverified)`);
  const t = u.first();
  let pos = t.off, left = length - UDLD_HEADER_LENGTH;
  while (left) {
    t.point(pos, u.end);
    if (left < H) { c.invalid(); t.need(left); return; }
    const type = t.type;
    let len = t.tlvLength;
    left -= H;
    c.write(`\n\t${tokName(tlvNames, 'Unknown', type)} (0x${type.toString(16).padStart(4, '0')}) TLV, length ${len}`);
    if (len <= H) { c.invalid(); t.need(H + left); return; }
    len -= H;
    if (left < len) { c.invalid(); t.need(H + left); return; }
    switch (type) {
      case 1: case 2: case 6: c.write(', '); printJnp(c, t, H, len); break;
      case 3: c.write(', '); printN(c, t, H, len); break;
      case 4: case 5:
        if (len !== 1) { c.invalid(); t.need(H + left); return; }
        c.write(`, ${t.interval}s`);
        break;
      case 7:
        if (len !== 4) { c.invalid(); t.need(H + left); return; }
        c.write(`, ${t.sequenceNumber}`);
        break;
      default: t.need(H + len);
    }
    pos += H + len;
    left -= len;
  }
}
