/** AHCP (tcpdump's print-ahcp.c), on UDP 5359. */
import type { PrintContext } from './context.js';
import { AHCP1_BODY_HEADER_LENGTH, AHCP1_HEADER_LENGTH, AHCP_IPV4_PREFIX_SIZE, AHCP_IPV6_PREFIX_SIZE, type Ahcp, type AhcpOption } from '../../decoders/ahcp.js';
import { TokTable } from './util-print.js';

const messages = new TokTable([[0, 'Discover'], [1, 'Offer'], [2, 'Request'], [3, 'Ack'], [4, 'Nack'], [5, 'Release']]);
const optionNames = new TokTable([
  [0, 'Pad'], [1, 'Mandatory'], [2, 'Origin Time'], [3, 'Expires'], [4, 'My-IPv6-Address'], [5, 'My-IPv4-Address'], [6, 'IPv6 Prefix'],
  [7, 'IPv4 Prefix'], [8, 'IPv6 Address'], [9, 'IPv4 Address'], [10, 'IPv6 Prefix Delegation'], [11, 'IPv4 Prefix Delegation'],
  [12, 'Name Server'], [13, 'NTP Server'],
]);
/** An option's type and length bytes. */
const OPTION_HEADER = 2;

const pad2 = (n: number): string => String(n).padStart(2, '0');
/** `%Y-%m-%d %H:%M:%S` of a time_t, in UTC. */
function utc(t: number): string {
  const d = new Date(t * 1000);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}

/**
 * nd_print_invalid then ND_TCHECK_LEN, as print-ahcp.c's `invalid` labels do: the `left` bytes
 * from `at` (counted from the option's or the message's first byte) must have been captured.
 */
function invalid(c: PrintContext, v: Ahcp | AhcpOption, at: number, left: number): void { c.invalid(); v.need(at + left); }

/** A list of `size`-byte items filling the value of `len` bytes (invalid where an item is cut). */
function list(c: PrintContext, opt: AhcpOption, len: number, size: number, item: (k: number) => string): void {
  let sep = ': ';
  for (let k = 0; len; k++) {
    if (len < size) { invalid(c, opt, OPTION_HEADER + k * size, len); return; }
    c.write(sep + item(k));
    len -= size; sep = ', ';
  }
}

/** One option's value (the data_decoders table), `len` bytes; false for an option without a decoder. */
function optionValue(c: PrintContext, opt: AhcpOption, no: number, len: number): boolean {
  switch (no) {
    case 2:
      if (len !== 4) { invalid(c, opt, OPTION_HEADER, len); return true; }
      c.write(`: ${utc(opt.time)} UTC`);
      return true;
    case 3:
      if (len !== 4) { invalid(c, opt, OPTION_HEADER, len); return true; }
      c.write(`: ${opt.time}s`);
      return true;
    case 4: case 8: case 12: case 13: list(c, opt, len, 16, (k) => opt.ipv6Address(k)); return true;
    case 5: case 9: list(c, opt, len, 4, (k) => opt.ipv4Address(k)); return true;
    case 6: case 10: list(c, opt, len, AHCP_IPV6_PREFIX_SIZE, (k) => `${opt.ipv6Prefix(k)}/${opt.ipv6PrefixLength(k)}`); return true;
    case 11: list(c, opt, len, AHCP_IPV4_PREFIX_SIZE, (k) => `${opt.ipv4Prefix(k)}/${opt.ipv4PrefixLength(k)}`); return true;
    default: return false;
  }
}

/** ahcp1_options_print: `len` bytes of options. */
function options(c: PrintContext, a: Ahcp, len: number): void {
  const opt = a.option;
  for (let pos = a.optionsStart; len;) {
    opt.point(pos, a.end);
    const no = opt.type;
    len -= 1;
    c.write(`\n\t ${optionNames.str(no, `Unknown-${no}`)}`);
    if (no === 0 || no === 1) { pos += 1; continue; }
    if (!len) { invalid(c, opt, 1, len); return; }
    const olen = opt.valueLength;
    len -= 1;
    if (olen > len) { invalid(c, opt, OPTION_HEADER, len); return; }
    if (!optionValue(c, opt, no, olen)) { c.write(` (Length ${olen})`); opt.need(OPTION_HEADER + olen); }
    pos += OPTION_HEADER + olen; len -= olen;
  }
}

/** An AHCP message, `length` bytes of UDP payload (ahcp_print). */
export function printAhcp(c: PrintContext, a: Ahcp, length: number): void {
  c.protocol = 'ahcp';
  c.write('AHCP');
  // tcpdump's `invalid` checks what is left of the message from where it is: up to `length`.
  if (length < 2 || a.magic !== 43) { invalid(c, a, 0, length); return; }
  const version = a.version;
  if (version !== 1) { c.write(` Version ${version} (unknown)`); a.need(length); return; }
  c.write(' Version 1');
  if (length < AHCP1_HEADER_LENGTH) { invalid(c, a, 0, length); return; }
  if (!c.o.verbose) a.need(AHCP1_HEADER_LENGTH);
  else {
    c.write(`\n\tHopcount ${a.hopCount}`);
    c.write(`, Original Hopcount ${a.originalHopCount}`);
    c.write(`, Nonce 0x${a.nonce.toString(16).padStart(8, '0')}`);
    c.write(`, Source Id ${a.sourceId}`);
    c.write(`, Destination Id ${a.destinationId}`);
  }
  // The body (ahcp1_body_print).
  const header = AHCP1_HEADER_LENGTH + AHCP1_BODY_HEADER_LENGTH;
  if (length < header) { invalid(c, a, 0, length); return; }
  const type = a.messageType, mbz = a.mbz, bodyLen = a.bodyLength;
  if (c.o.verbose) {
    c.write(`\n\t${messages.str(type, `Unknown-${type}`)}`);
    if (mbz !== 0) c.write(`, MBZ ${mbz}`);
    c.write(`, Length ${bodyLen}`);
  }
  if (bodyLen > length - header) { invalid(c, a, 0, length); return; }
  if (c.o.verbose >= 2) options(c, a, bodyLen);
  else a.need(header + bodyLen);
}
