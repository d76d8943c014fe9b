/** AHCP (tcpdump's print-ahcp.c), on UDP 5359. */
import type { PrintContext } from './context.js';
import { AHCP1_HEADER_LENGTH, type Ahcp } from '../../decoders/ahcp.js';
import { TokTable } from './util-print.js';

const messages = new TokTable([[0, 'Discover'], [1, 'Offer'], [2, 'Request'], [3, 'Ack'], [4, 'Nack'], [5, 'Release']]);
const optionNames = new TokTable([
  [0, 'Pad'], [1, 'Mandatory'], [2, 'Origin Time'], [3, 'Expires'], [4, 'My-IPv6-Address'], [5, 'My-IPv4-Address'], [6, 'IPv6 Prefix'],
  [7, 'IPv4 Prefix'], [8, 'IPv6 Address'], [9, 'IPv4 Address'], [10, 'IPv6 Prefix Delegation'], [11, 'IPv4 Prefix Delegation'],
  [12, 'Name Server'], [13, 'NTP Server'],
]);

const pad2 = (n: number): string => String(n).padStart(2, '0');
/** `%Y-%m-%d %H:%M:%S` of a time_t, in UTC. */
function utc(t: number): string {
  const d = new Date(t * 1000);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}

/** nd_print_invalid then ND_TCHECK_LEN, as print-ahcp.c's `invalid` labels do. */
function invalid(c: PrintContext, a: Ahcp, i: number, len: number): void { c.invalid(); a.needAt(i, len); }

/** One option's value (the data_decoders table): `len` bytes at `i`. */
function optionValue(c: PrintContext, a: Ahcp, no: number, i: number, len: number): boolean {
  const list = (size: number, item: (q: number) => string): void => {
    let sep = ': ';
    while (len) {
      if (len < size) { invalid(c, a, i, len); return; }
      c.write(sep + item(i));
      i += size; len -= size; sep = ', ';
    }
  };
  switch (no) {
    case 2:
      if (len !== 4) { invalid(c, a, i, len); return true; }
      c.write(`: ${utc(a.u32(i))} UTC`);
      return true;
    case 3:
      if (len !== 4) { invalid(c, a, i, len); return true; }
      c.write(`: ${a.u32(i)}s`);
      return true;
    case 4: case 8: case 12: case 13: list(16, (q) => a.ipv6(q)); return true;
    case 5: case 9: list(4, (q) => a.ipv4(q)); return true;
    case 6: case 10: list(17, (q) => `${a.ipv6(q)}/${a.u8(q + 16)}`); return true;
    case 11: list(5, (q) => `${a.ipv4(q)}/${a.u8(q + 4)}`); return true;
    default: return false;
  }
}

/** ahcp1_options_print: `len` bytes of options at `i`. */
function options(c: PrintContext, a: Ahcp, i: number, len: number): void {
  while (len) {
    const no = a.u8(i);
    i += 1; len -= 1;
    c.write(`\n\t ${optionNames.str(no, `Unknown-${no}`)}`);
    if (no === 0 || no === 1) continue;
    if (!len) { invalid(c, a, i, len); return; }
    const olen = a.u8(i);
    i += 1; len -= 1;
    if (olen > len) { invalid(c, a, i, len); return; }
    if (!optionValue(c, a, no, i, olen)) { c.write(` (Length ${olen})`); a.needAt(i, olen); }
    i += olen; len -= olen;
  }
}

/** An AHCP message, `length` bytes of UDP payload (ahcp_print). */
export function printAhcp(c: PrintContext, a: Ahcp, length: number): void {
  c.protocol = 'ahcp';
  c.write('AHCP');
  let i = 0, len = length;
  if (len < 2 || a.magic !== 43) { invalid(c, a, i, len); return; }
  i += 1; len -= 1;
  const version = a.version;
  i += 1; len -= 1;
  if (version !== 1) { c.write(` Version ${version} (unknown)`); a.needAt(i, len); return; }
  c.write(' Version 1');
  if (len < AHCP1_HEADER_LENGTH - 2) { invalid(c, a, i, len); return; }
  if (!c.o.verbose) a.needAt(i, AHCP1_HEADER_LENGTH - 2);
  else {
    c.write(`\n\tHopcount ${a.hopCount}`);
    c.write(`, Original Hopcount ${a.originalHopCount}`);
    c.write(`, Nonce 0x${a.nonce.toString(16).padStart(8, '0')}`);
    c.write(`, Source Id ${a.sourceId}`);
    c.write(`, Destination Id ${a.destinationId}`);
  }
  i += AHCP1_HEADER_LENGTH - 2; len -= AHCP1_HEADER_LENGTH - 2;
  // The body (ahcp1_body_print).
  if (len < 4) { invalid(c, a, i, len); return; }
  const type = a.u8(i), mbz = a.u8(i + 1), bodyLen = a.u16(i + 2);
  i += 4; len -= 4;
  if (c.o.verbose) {
    c.write(`\n\t${messages.str(type, `Unknown-${type}`)}`);
    if (mbz !== 0) c.write(`, MBZ ${mbz}`);
    c.write(`, Length ${bodyLen}`);
  }
  if (bodyLen > len) { invalid(c, a, i, len); return; }
  if (c.o.verbose >= 2) options(c, a, i, bodyLen);
  else a.needAt(i, bodyLen);
}
