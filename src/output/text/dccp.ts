/** DCCP (tcpdump's print-dccp.c): ports, type, -v checksum (with partial coverage), -vv sequence numbers and options. */
import type { PrintContext } from './context.js';
import { cksumShouldBe } from '../../decoders/checksum.js';
import { DCCP_HEADER_LENGTH, type Dccp } from '../../decoders/dccp.js';

const TYPES: readonly string[] = [
  'DCCP-Request', 'DCCP-Response', 'DCCP-Data', 'DCCP-Ack', 'DCCP-DataAck', 'DCCP-CloseReq', 'DCCP-Close', 'DCCP-Reset', 'DCCP-Sync', 'DCCP-SyncAck',
];
const RESET_CODES: readonly string[] = [
  'unspecified', 'closed', 'aborted', 'no_connection', 'packet_error', 'option_error', 'mandatory_error', 'connection_refused',
  'bad_service_code', 'too_busy', 'bad_init_cookie', 'aggression_penalty',
];
const FEATURES: readonly string[] = [
  'reserved', 'ccid', 'allow_short_seqno', 'sequence_window', 'ecn_incapable', 'ack_ratio', 'send_ack_vector', 'send_ndp_count',
  'minimum checksum coverage', 'check data checksum',
];
const OPTIONS = new Map<number, string>([
  [0, 'nop'], [1, 'mandatory'], [2, 'slowreceiver'], [32, 'change_l'], [33, 'confirm_l'], [34, 'change_r'], [35, 'confirm_r'],
  [36, 'initcookie'], [37, 'ndp_count'], [38, 'ack_vector0'], [39, 'ack_vector1'], [40, 'data_dropped'], [41, 'timestamp'],
  [42, 'timestamp_echo'], [43, 'elapsed_time'], [44, 'data_checksum'],
]);
function optionName(t: number): string { return OPTIONS.get(t) ?? `Option ${t}`; }
/** Bytes each type's fields take after the generic header (what a length must leave room for). */
const TYPE_FIELDS: readonly number[] = [4, 12, 0, 8, 8, 8, 8, 12, 8, 8];

/** A DCCP packet of `len` bytes (per the IP header). */
export function printDccp(c: PrintContext, d: Dccp, len: number): void {
  c.protocol = 'dccp';
  const ip = c.ip;
  if (!d.has(DCCP_HEADER_LENGTH)) { c.truncMark(); return; }
  if (len < DCCP_HEADER_LENGTH) { c.write(`truncated-dccp - ${DCCP_HEADER_LENGTH - len} bytes missing!`); return; }
  let fixed = d.genericLength;
  if (len < fixed) { c.write(`truncated-dccp - ${fixed - len} bytes missing!`); return; }
  if (!d.has(fixed)) { c.truncMark(); return; }
  const sport = d.srcPort, dport = d.dstPort;
  let hlen = d.dataOffset;
  c.write(`${ip.src}.${sport} > ${ip.dst}.${dport}: DCCP`);
  if (c.o.quiet) {
    c.write(` ${(len - hlen) >>> 0}`);
    if (hlen > len) c.write(` [bad hdr length ${hlen} - too long, > ${len}]`);
    return;
  }
  if (c.o.verbose) c.write(` (CCVal ${d.ccval}, CsCov ${d.cscov}`);
  if (c.o.verbose && d.has(len)) {
    const field = d.checksum;
    c.write(`, cksum 0x${field.toString(16).padStart(4, '0')} `);
    const cov = d.cscov === 0 ? len : Math.min(len, (d.byte(4) + d.cscov - 1) * 4);
    const sum = d.internetChecksum(cov, ip.pseudoSum(33, len));
    c.write(sum !== 0 ? `(incorrect -> 0x${cksumShouldBe(field, sum).toString(16).padStart(4, '0')})` : '(correct)');
  }
  if (c.o.verbose) c.write(')');
  c.write(' ');
  const type = d.type;
  if (type <= 9 && type !== 2) {
    fixed += TYPE_FIELDS[type]!;
    if (len < fixed) { c.write(`truncated-${TYPES[type]!} - ${fixed - len} bytes missing!`); return; }
  }
  switch (type) {
    case 0: case 1:
      if (!d.has(fixed)) { c.truncMark(); return; }
      c.write(`${TYPES[type]!} (service=${d.serviceCode!}) `);
      break;
    case 7:
      if (!d.has(fixed)) { c.truncMark(); return; }
      c.write(`${TYPES[type]!} (code=${RESET_CODES[d.resetCode!] ?? 'invalid'}) `);
      break;
    default:
      c.write(`${TYPES[type] ?? `unknown-type-${type}`} `);
  }
  if (type !== 2 && type !== 0) c.write(`(ack=${d.ackNumber!}) `);
  if (c.o.verbose < 2) return;
  c.write(`seq ${d.sequence}`);
  if (hlen > fixed) {
    let i = fixed;
    c.write(' <');
    hlen -= fixed;
    for (;;) {
      const optLen = printOption(c, d, i, hlen);
      if (optLen === 0 || hlen <= optLen) break;
      hlen -= optLen;
      i += optLen;
      c.write(', ');
    }
    c.write('>');
  }
}

/** The option at byte `i`, `hlen` header bytes left: its length, or 0 to stop. */
function printOption(c: PrintContext, d: Dccp, i: number, hlen: number): number {
  const t = d.byte(i);
  let optLen = 1;
  if (t >= 32) {
    optLen = d.byte(i + 1);
    if (optLen < 2) { c.write(t >= 128 ? `CCID option ${t} optlen too short` : `${optionName(t)} optlen too short`); return 0; }
  }
  if (hlen < optLen) { c.write(t >= 128 ? `CCID option ${t} optlen goes past header length` : `${optionName(t)} optlen goes past header length`); return 0; }
  if (!d.has(i + optLen)) { c.truncMark(); return 0; }
  const hex = (from: number): string => { let s = ''; for (let k = from; k < optLen; k++) s += d.byte(i + k).toString(16).padStart(2, '0'); return s; };
  if (t >= 128) {
    c.write(`CCID option ${t}`);
    if (optLen === 4) c.write(` ${d.word16(i + 2)}`);
    else if (optLen === 6) c.write(` ${d.word32(i + 2)}`);
    return optLen;
  }
  c.write(optionName(t));
  switch (t) {
    case 32: case 33: case 34: case 35: {
      if (optLen < 3) { c.write(' optlen too short'); return optLen; }
      const f = d.byte(i + 2);
      if (f < 10) {
        c.write(` ${FEATURES[f]!}`);
        for (let k = 3; k < optLen; k++) c.write(` ${d.byte(i + k)}`);
      }
      break;
    }
    case 36: case 38: case 39: case 40:
      if (optLen > 2) c.write(` 0x${hex(2)}`);
      break;
    case 37:
      for (let k = 2; k < optLen; k++) c.write(` ${d.byte(i + k)}`);
      break;
    case 41:
      c.write(optLen === 6 ? ` ${d.word32(i + 2)}` : ' [optlen != 6]');
      break;
    case 42:
      if (optLen === 6) c.write(` ${d.word32(i + 2)}`);
      else if (optLen === 8) c.write(` ${d.word32(i + 2)} (elapsed time ${d.word16(i + 6)})`);
      else if (optLen === 10) c.write(` ${d.word32(i + 2)} (elapsed time ${d.word32(i + 6)})`);
      else c.write(' [optlen != 6 or 8 or 10]');
      break;
    case 43:
      c.write(optLen === 6 ? ` ${d.word32(i + 2)}` : optLen === 4 ? ` ${d.word16(i + 2)}` : ' [optlen != 4 or 6]');
      break;
    case 44:
      if (optLen > 2) c.write(` ${hex(2)}`);
      break;
  }
  return optLen;
}
