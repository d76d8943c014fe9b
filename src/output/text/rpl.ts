// RPL control messages (RFC 6550 §6) carried in ICMPv6 type 155, as tcpdump 4.99 prints them.
import type { PrintContext } from './context.js';
import { RPL_DAGID_LENGTH, RPL_DAO_LENGTH, RPL_DIO_LENGTH, RPL_OPTION_HEADER_LENGTH, type RplMessage } from '../../decoders/rpl.js';
import { hexPrint } from './dump.js';

const SUBOPT_NAMES: readonly string[] = ['pad1', 'padN', 'metrics', 'routinginfo', 'config', 'rpltarget', 'transitinfo', '', 'destprefix', 'rpltargetdesc'];
const MOP_NAMES: readonly string[] = ['nonstoring', 'storing', 'nonstoring-multicast', 'storing-multicast'];

function subOptName(t: number): string {
  const s = t < SUBOPT_NAMES.length ? SUBOPT_NAMES[t]! : '';
  return s !== '' ? s : `subopt:${t}`;
}

/** DIO/DAO/DAO-ACK options from byte `i` of the body, `length` bytes, at -vv (option bodies in hex at -vvv). */
function printOptions(c: PrintContext, r: RplMessage, i: number, length: number): void {
  while (length > 0) {
    const o = r.option(i);
    const t = o.type;
    let optlen: number;
    if (t === 0) {
      optlen = 1;
      c.write(' opt:pad1');
    } else {
      if (length < RPL_OPTION_HEADER_LENGTH) { c.write(' [|icmp6]'); return; }
      optlen = o.dataLength + RPL_OPTION_HEADER_LENGTH;
      c.write(` opt:${subOptName(t)} len:${optlen} `);
      if (!o.has(optlen) || length < optlen) { c.write(' [|icmp6]'); return; }
      if (c.o.verbose > 2) c.write(hexPrint(c, ' ', o.off + RPL_OPTION_HEADER_LENGTH, optlen - RPL_OPTION_HEADER_LENGTH));
    }
    i += optlen;
    length -= optlen;
  }
}

function printDio(c: PrintContext, r: RplMessage, length: number): void {
  if (length < RPL_DIO_LENGTH) { c.write(` [length ${length} < ${RPL_DIO_LENGTH}]`); c.invalid(); return; }
  const mopprf = r.dioMopPrf;
  c.write(` [dagid:${r.dioDagId},seq:${r.dioDtsn},instance:${r.instanceId},rank:${r.dioRank},` +
    `${mopprf & 0x80 ? 'grounded,' : ''}mop:${MOP_NAMES[(mopprf >> 3) & 7] ?? `mop${(mopprf >> 3) & 7}`},prf:${mopprf & 7}]`);
  if (c.o.verbose > 1) printOptions(c, r, RPL_DIO_LENGTH, length - RPL_DIO_LENGTH);
}

function printDao(c: PrintContext, r: RplMessage, length: number): void {
  // ND_TCHECK_SIZE → goto trunc: reported here rather than unwound.
  if (!r.has(RPL_DAO_LENGTH + RPL_DAGID_LENGTH)) { c.truncMark(); return; }
  if (length < RPL_DAO_LENGTH) { c.write(' [|length too short]'); return; }
  const flags = r.daoFlags;
  let dagid = '<elided>';
  let opts = RPL_DAO_LENGTH, left = length - RPL_DAO_LENGTH;
  if (flags & 0x40) {
    if (left < RPL_DAGID_LENGTH) { c.write(' [|length too short]'); return; }
    dagid = r.dagId;
    opts += RPL_DAGID_LENGTH;
    left -= RPL_DAGID_LENGTH;
  }
  c.write(` [dagid:${dagid},seq:${r.daoSequence},instance:${r.instanceId}${flags & 0x80 ? ',acK' : ''}` +
    `${flags & 0x40 ? ',Dagid' : ''},${flags.toString(16).padStart(2, '0')}]`);
  if (c.o.verbose > 1) printOptions(c, r, opts, left);
}

function printDaoAck(c: PrintContext, r: RplMessage, length: number): void {
  if (!r.has(RPL_DAO_LENGTH)) { c.truncMark(); return; }
  if (length < RPL_DAO_LENGTH) { c.write(' [|length too short]'); return; }
  const flags = r.daoAckFlags;
  let dagid = '<elided>';
  let opts = RPL_DAO_LENGTH, left = length - RPL_DAO_LENGTH;
  if (flags & 0x80) {
    if (!r.has(RPL_DAO_LENGTH + RPL_DAGID_LENGTH)) { c.truncMark(); return; }
    if (left < RPL_DAGID_LENGTH) { c.write(' [|length too short]'); return; }
    dagid = r.dagId;
    opts += RPL_DAGID_LENGTH;
    left -= RPL_DAGID_LENGTH;
  }
  c.write(` [dagid:${dagid},seq:${r.daoAckSequence},instance:${r.instanceId},status:${r.daoAckStatus}]`);
  if (c.o.verbose > 1) printOptions(c, r, opts, left);
}

/** An RPL message body `r` (after the ICMPv6 type, code and checksum), `length` bytes; `code` says which message. */
export function printRpl(c: PrintContext, r: RplMessage, code: number, length: number): void {
  if (code & 0x80) {
    // tcpdump does not decode secured RPL messages either.
    c.write(', (SEC) [worktodo]');
    return;
  }
  c.write(', (CLR)');
  switch (code) {
    case 0x00:
      c.write('DODAG Information Solicitation');
      break;
    case 0x01:
      c.write('DODAG Information Object');
      if (c.o.verbose) printDio(c, r, length);
      break;
    case 0x02:
      c.write('Destination Advertisement Object');
      if (c.o.verbose) printDao(c, r, length);
      break;
    case 0x03:
      c.write('Destination Advertisement Object Ack');
      if (c.o.verbose) printDaoAck(c, r, length);
      break;
    default:
      c.write(`RPL message, unknown code ${code}`);
  }
}
