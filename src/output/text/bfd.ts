/** BFD (tcpdump's print-bfd.c): control packets on UDP 3784/4784/6784, echo packets on 3785. */
import type { PrintContext } from './context.js';
import { BFD_AUTH_HEADER_LENGTH, BFD_HEADER_LENGTH, type Bfd } from '../../decoders/bfd.js';
import { hexPrint } from './dump.js';
import { printN } from './print-char.js';
import { bitNames, hex32, TokTable, type Tok } from './util-print.js';

/** The UDP destination ports tcpdump's udp_print sends to bfd_print. */
export const BFD_CONTROL_PORT = 3784, BFD_ECHO_PORT = 3785, BFD_MULTIHOP_PORT = 4784, BFD_LAG_PORT = 6784;

const authTypes = new TokTable([
  [1, 'Simple Password'], [2, 'Keyed MD5'], [3, 'Meticulous Keyed MD5'], [4, 'Keyed SHA1'], [5, 'Meticulous Keyed SHA1'],
]);
const diagnostics = new TokTable([
  [0, 'No Diagnostic'], [1, 'Control Detection Time Expired'], [2, 'Echo Function Failed'], [3, 'Neighbor Signaled Session Down'],
  [4, 'Forwarding Plane Reset'], [5, 'Path Down'], [6, 'Concatenated Path Down'], [7, 'Administratively Down'],
  [8, 'Reverse Concatenated Path Down'],
]);
const portNames = new TokTable([[BFD_CONTROL_PORT, 'Control'], [BFD_MULTIHOP_PORT, 'Multihop'], [BFD_LAG_PORT, 'Lag']]);
const v0Flags: Tok = [
  [0x80, 'I Hear You'], [0x40, 'Demand'], [0x20, 'Poll'], [0x10, 'Final'], [0x08, 'Control Plane Independent'],
  [0x04, 'Authentication Present'], [0x02, 'Reserved'], [0x01, 'Reserved'],
];
const v1Flags: Tok = [
  [0x20, 'Poll'], [0x10, 'Final'], [0x08, 'Control Plane Independent'], [0x04, 'Authentication Present'], [0x02, 'Demand'],
  [0x01, 'Multipoint'],
];
const states = new TokTable([[0, 'AdminDown'], [1, 'Down'], [2, 'Init'], [3, 'Up']]);

/** `%4u`: right-aligned in 4 columns. */
const pad4 = (n: number): string => String(n).padStart(4, ' ');

/** tcpdump's print_unknown_data: the bytes (as far as captured) as `\n\t0x0000: …` hex lines. */
function unknownData(c: PrintContext, bfd: Bfd, length: number): void {
  c.write(hexPrint(c, '\n\t', bfd.off, length));
}

/** A BFD packet `length` bytes long sent to UDP port `port` (which says control or echo). */
export function printBfd(c: PrintContext, bfd: Bfd, length: number, port: number): void {
  c.protocol = 'bfd';
  if (port === BFD_ECHO_PORT) {
    c.write(`BFD, Echo, length: ${length}`);
    if (c.o.verbose) unknownData(c, bfd, length);
    return;
  }
  bfd.need(BFD_HEADER_LENGTH);
  const version = bfd.version, flags = bfd.flags;
  if (version > 1) {
    c.write(`BFDv${version}, Control, length: ${length}`);
    if (c.o.verbose) unknownData(c, bfd, length);
    return;
  }
  if (version === 0) {
    const names = bitNames(v0Flags, flags, 'none');
    if (!c.o.verbose) { c.write(`BFDv0, Control, Flags: [${names}], length: ${length}`); return; }
    c.write(`BFDv0, length: ${length}\n\tControl, Flags: [${names}], `);
  } else {
    const kind = portNames.str(port, `unknown (${port})`), state = states.str(flags >> 6, `unknown (${flags >> 6})`);
    const names = bitNames(v1Flags, flags & 0x3f, 'none');
    if (!c.o.verbose) { c.write(`BFDv1, ${kind}, State ${state}, Flags: [${names}], length: ${length}`); return; }
    c.write(`BFDv1, length: ${length}\n\t${kind}, State ${state}, Flags: [${names}], `);
  }
  const diag = bfd.diagnostic;
  c.write(`Diagnostic: ${diagnostics.str(diag, 'unknown')} (0x${diag.toString(16).padStart(2, '0')})`);
  const mult = bfd.detectMultiplier;
  // tcpdump multiplies in 32-bit unsigned arithmetic before it divides.
  c.write(`\n\tDetection Timer Multiplier: ${mult} (${Math.floor((Math.imul(mult, bfd.desiredMinTxInterval) >>> 0) / 1000)} ms Detection time), ` +
    `BFD Length: ${bfd.bfdLength}`);
  c.write(`\n\tMy Discriminator: 0x${hex32(bfd.myDiscriminator)}, Your Discriminator: 0x${hex32(bfd.yourDiscriminator)}`);
  c.write(`\n\t  Desired min Tx Interval:    ${pad4(Math.floor(bfd.desiredMinTxInterval / 1000))} ms`);
  c.write(`\n\t  Required min Rx Interval:   ${pad4(Math.floor(bfd.requiredMinRxInterval / 1000))} ms`);
  c.write(`\n\t  Required min Echo Interval: ${pad4(Math.floor(bfd.requiredMinEchoRxInterval / 1000))} ms`);
  if (bfd.authPresent) printAuth(c, bfd);
}

/** The authentication section (auth_print). */
function printAuth(c: PrintContext, bfd: Bfd): void {
  bfd.need(BFD_HEADER_LENGTH + BFD_AUTH_HEADER_LENGTH);
  const type = bfd.authType, len = bfd.authLength;
  c.write(`\n\tAuthentication: ${authTypes.str(type, 'Unknown')} (${type}), length: ${len}`);
  c.write(`\n\t  Auth Key ID: ${bfd.authKeyId}`);
  switch (type) {
    case 1:
      // The section is the password and three bytes of header, the password 1 to 16 bytes.
      if (len < 4 || len > 19) { c.write(`[invalid length ${len}]`); return; }
      c.write(', Password: ');
      printN(c, bfd, BFD_HEADER_LENGTH + 3, len - 3);
      return;
    case 2: case 3:
      if (len !== 24) { c.write(`[invalid length ${len}]`); return; }
      c.write(`, Sequence Number: 0x${hex32(bfd.authSequence)}`);
      c.write(`\n\t  Digest: ${bfd.authDigestHex(16)}`);
      return;
    case 4: case 5:
      if (len !== 28) { c.write(`[invalid length ${len}]`); return; }
      c.write(`, Sequence Number: 0x${hex32(bfd.authSequence)}`);
      c.write(`\n\t  Hash: ${bfd.authDigestHex(20)}`);
      return;
  }
}
