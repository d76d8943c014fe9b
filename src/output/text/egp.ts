/** EGP (tcpdump's print-egp.c): the header, each type's fields, and at -v an update's gateways and networks. */
import type { PrintContext } from './context.js';
import { EGP_HEADER_LENGTH, EgpType, type Egp } from '../../decoders/egp.js';

const acquireCodes = ['request', 'confirm', 'refuse', 'cease', 'cease_ack'];
const acquireStatus = ['unspecified', 'active_mode', 'passive_mode', 'insufficient_resources', 'administratively_prohibited',
  'going_down', 'parameter_violation', 'protocol_violation'];
const reachCodes = ['hello', 'i-h-u'];
const updown = ['indeterminate', 'up', 'down'];
const reasons = ['unspecified', 'bad_EGP_header_format', 'bad_EGP_data_field_format', 'reachability_info_unavailable',
  'excessive_polling_rate', 'no_response', 'unsupported_version'];

/** ` state:…` for the up/down states, else the number. */
const state = (status: number): string => (status <= 2 ? ` state:${updown[status]!}` : ` [status ${status}]`);

/**
 * An address tcpdump holds as a number whose lowest byte it prints first (it builds the update's
 * addresses in host order and prints them as if in network order, on a little-endian host).
 */
const lowByteFirst = (a: number): string => `${a & 0xff}.${(a >>> 8) & 0xff}.${(a >>> 16) & 0xff}.${a >>> 24}`;

/** An EGP message of `length` bytes. */
export function printEgp(c: PrintContext, e: Egp, length: number): void {
  c.protocol = 'egp';
  if (length < EGP_HEADER_LENGTH || !e.has(EGP_HEADER_LENGTH)) { c.truncMark(); return; }
  const version = e.version;
  if (!c.o.verbose) { c.write(`EGPv${version}, AS ${e.autonomousSystem}, seq ${e.sequence}, length ${length}`); return; }
  c.write(`EGPv${version}, length ${length}`);
  if (version !== 2) { c.write(`[version ${version}]`); return; }
  const type = e.type, code = e.code;
  let status = e.status;
  switch (type) {
    case EgpType.Acquire:
      c.write(' acquire');
      if (code <= 1) {
        c.write(` ${acquireCodes[code]!}`);
        c.write(status <= 2 ? ` ${acquireStatus[status]!}` : ` [status ${status}]`);
        c.write(` hello:${e.helloInterval} poll:${e.pollInterval}`);
      } else if (code <= 4) {
        c.write(` ${acquireCodes[code]!}`);
        c.write(status === 0 || (status >= 3 && status <= 7) ? ` ${acquireStatus[status]!}` : `[status ${status}]`);
      } else {
        c.write(`[code ${code}]`);
      }
      break;
    case EgpType.Reach:
      if (code <= 1) c.write(` ${reachCodes[code]!}${state(status)}`);
      else c.write(`[reach code ${code}]`);
      break;
    case EgpType.Poll:
      c.write(` poll${state(status)} net:${e.sourceNetwork}`);
      break;
    case EgpType.Update:
      c.write(' update');
      if (status & 0x80) { status &= 0x7f; c.write(' unsolicited'); }
      c.write(`${state(status)} ${e.sourceNetwork} int ${e.interiorGateways} ext ${e.exteriorGateways}`);
      printUpdateList(c, e, length - EGP_HEADER_LENGTH);
      break;
    case EgpType.Error: {
      c.write(` error${state(status)}`);
      const reason = e.reason;
      c.write(reason <= 6 ? ` ${reasons[reason]!}` : ` [reason ${reason}]`);
      break;
    }
    default:
      c.write(`[type ${type}]`);
  }
}

/**
 * The update's gateways, each with its distances and the networks at each (tcpdump's egpnr_print):
 * a gateway's address is the source network's with its host part, as many bytes as the network's
 * class leaves, where tcpdump takes the class from the source network's last byte (it tests the
 * address as a host-order number); a network is one to three bytes by its own first byte's class.
 * Each read is checked first against what the message's length leaves (`left`), which tcpdump
 * counts down by the address's bytes even where the class leaves none: too few is the mark and a
 * return, as is a host part not captured (tcpdump's ND_TCHECK); any other byte past the capture
 * unwinds (its GET).
 */
function printUpdateList(c: PrintContext, e: Egp, left: number): void {
  const source = e.sourceNetworkLittleEndian;
  let net = 0, netlen = 0;
  if ((source & 0x80000000) === 0) { net = source & 0xff000000; netlen = 1; }
  else if ((source & 0xc0000000) >>> 0 === 0x80000000) { net = source & 0xffff0000; netlen = 2; }
  else if ((source & 0xe0000000) >>> 0 === 0xc0000000) { net = source & 0xffffff00; netlen = 3; }
  // The host part's bytes: tcpdump tests and counts 4 where the class leaves none, and reads none.
  const hostBytes = 4 - netlen, hostRead = netlen === 0 ? 0 : hostBytes;
  const interior = e.interiorGateways, gateways = interior + e.exteriorGateways;
  let at = EGP_HEADER_LENGTH;
  for (let g = 0; g < gateways; g++) {
    let addr = 0;
    if (left < hostBytes || !e.has(at + hostBytes)) { c.truncMark(); return; }
    for (let k = hostRead; k > 0; k--) addr = ((addr << 8) | e.byte(at++)) >>> 0;
    addr = (addr | net) >>> 0;
    left -= hostBytes;
    if (left < 1) { c.truncMark(); return; }
    let distances = e.byte(at++);
    left--;
    c.write(` ${g < interior ? 'int' : 'ext'} ${lowByteFirst(addr)} (`);
    let comma = '';
    for (; distances > 0; distances--) {
      if (left < 2) { c.truncMark(); return; }
      c.write(`${comma}d${e.byte(at++)}:`);
      comma = ', ';
      let networks = e.byte(at++);
      left -= 2;
      for (; networks > 0; networks--) {
        if (left < 1) { c.truncMark(); return; }
        let a = (e.byte(at++) << 24) >>> 0;
        left--;
        if ((a & 0xc0000000) >>> 0 === 0x80000000) {
          if (left < 1) { c.truncMark(); return; }
          a = (a | (e.byte(at++) << 16)) >>> 0;
          left--;
        } else if ((a & 0x80000000) !== 0) {
          if (left < 2) { c.truncMark(); return; }
          a = (a | (e.byte(at++) << 16)) >>> 0;
          a = (a | (e.byte(at++) << 8)) >>> 0;
          left -= 2;
        }
        c.write(` ${lowByteFirst(a)}`);
      }
    }
    c.write(')');
  }
}
