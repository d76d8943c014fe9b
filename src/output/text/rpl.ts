// RPL control messages (RFC 6550 §6) carried in ICMPv6 type 155, as tcpdump 4.99 prints them.
import type { PrintContext } from './context.js';
import { hexPrint } from './dump.js';

const SUBOPT_NAMES: readonly string[] = ['pad1', 'padN', 'metrics', 'routinginfo', 'config', 'rpltarget', 'transitinfo', '', 'destprefix', 'rpltargetdesc'];
const MOP_NAMES: readonly string[] = ['nonstoring', 'storing', 'nonstoring-multicast', 'storing-multicast'];
const DAGID_LEN = 16;

function subOptName(t: number): string {
  const s = t < SUBOPT_NAMES.length ? SUBOPT_NAMES[t]! : '';
  return s !== '' ? s : `subopt:${t}`;
}

/** DIO/DAO/DAO-ACK options at -vv (option bodies in hex at -vvv). */
function printOptions(c: PrintContext, at: number, length: number): void {
  while (length > 0) {
    const t = c.u8(at);
    let optlen: number;
    if (t === 0) {
      optlen = 1;
      c.write(' opt:pad1');
    } else {
      if (length < 2) { c.write(' [|icmp6]'); return; }
      optlen = c.u8(at + 1) + 2;
      c.write(` opt:${subOptName(t)} len:${optlen} `);
      if (!c.has(at, optlen) || length < optlen) { c.write(' [|icmp6]'); return; }
      if (c.o.verbose > 2) c.write(hexPrint(c, ' ', at + 2, optlen - 2));
    }
    at += optlen;
    length -= optlen;
  }
}

function printDio(c: PrintContext, at: number, length: number): void {
  if (length < 24) { c.write(` [length ${length} < 24]`); c.invalid(); return; }
  const mopprf = c.u8(at + 4);
  c.write(` [dagid:${c.ip6(at + 8)},seq:${c.u8(at + 5)},instance:${c.u8(at)},rank:${c.u16(at + 2)},` +
    `${mopprf & 0x80 ? 'grounded,' : ''}mop:${MOP_NAMES[(mopprf >> 3) & 7] ?? `mop${(mopprf >> 3) & 7}`},prf:${mopprf & 7}]`);
  if (c.o.verbose > 1) printOptions(c, at + 24, length - 24);
}

function printDao(c: PrintContext, at: number, length: number): void {
  // ND_TCHECK_SIZE → goto trunc: reported here rather than unwound.
  if (!c.has(at, 4 + DAGID_LEN)) { c.truncMark(); return; }
  if (length < 4) { c.write(' [|length too short]'); return; }
  const flags = c.buf[at + 1]!;
  let dagid = '<elided>';
  let opts = at + 4, left = length - 4;
  if (flags & 0x40) {
    if (left < DAGID_LEN) { c.write(' [|length too short]'); return; }
    dagid = c.ip6(at + 4);
    opts += DAGID_LEN;
    left -= DAGID_LEN;
  }
  c.write(` [dagid:${dagid},seq:${c.buf[at + 3]!},instance:${c.buf[at]!}${flags & 0x80 ? ',acK' : ''}` +
    `${flags & 0x40 ? ',Dagid' : ''},${flags.toString(16).padStart(2, '0')}]`);
  if (c.o.verbose > 1) printOptions(c, opts, left);
}

function printDaoAck(c: PrintContext, at: number, length: number): void {
  if (!c.has(at, 4)) { c.truncMark(); return; }
  if (length < 4) { c.write(' [|length too short]'); return; }
  const flags = c.u8(at + 1);
  let dagid = '<elided>';
  let opts = at + 4, left = length - 4;
  if (flags & 0x80) {
    if (!c.has(at + 4, DAGID_LEN)) { c.truncMark(); return; }
    if (left < DAGID_LEN) { c.write(' [|length too short]'); return; }
    dagid = c.ip6(at + 4);
    opts += DAGID_LEN;
    left -= DAGID_LEN;
  }
  c.write(` [dagid:${dagid},seq:${c.u8(at + 2)},instance:${c.u8(at)},status:${c.u8(at + 3)}]`);
  if (c.o.verbose > 1) printOptions(c, opts, left);
}

/** RPL message body at `at` (after the ICMPv6 type, code and checksum), `length` bytes. */
export function printRpl(c: PrintContext, code: number, at: number, length: number): void {
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
      if (c.o.verbose) printDio(c, at, length);
      break;
    case 0x02:
      c.write('Destination Advertisement Object');
      if (c.o.verbose) printDao(c, at, length);
      break;
    case 0x03:
      c.write('Destination Advertisement Object Ack');
      if (c.o.verbose) printDaoAck(c, at, length);
      break;
    default:
      c.write(`RPL message, unknown code ${code}`);
  }
}
