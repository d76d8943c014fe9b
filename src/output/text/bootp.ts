/** BOOTP and DHCPv4 (UDP ports 67/68) with the RFC 1048 options (tcpdump's print-bootp.c). */
import { TRUNCATED, type PrintContext } from './context.js';
import {
  BOOTP_FILE_LENGTH, BOOTP_FILE_START, BOOTP_HEADER_LENGTH, BOOTP_OPTIONS_START, BOOTP_SNAME_LENGTH, BOOTP_SNAME_START,
  CMU_MAGIC_COOKIE, DHCP_MAGIC_COOKIE, type Bootp, type BootpOption,
} from '../../decoders/bootp.js';
import { safeChar } from './print-char.js';
import { hex8 } from './names.js';

/**
 * Option names with their value format, as tcpdump's tag2str: i address(es), l/L 32-bit
 * unsigned/signed, s 16-bit, b bytes, x hex bytes, a text, B booleans, p address pairs,
 * $ special, ' ' no value.
 */
const tags: Record<number, string> = {
  0: ' PAD', 1: 'iSubnet-Mask', 2: 'LTime-Zone', 3: 'iDefault-Gateway', 4: 'iTime-Server', 5: 'iIEN-Name-Server',
  6: 'iDomain-Name-Server', 7: 'iLOG', 8: 'iCS', 9: 'iLPR-Server', 10: 'iIM', 11: 'iRL', 12: 'aHostname', 13: 'sBS',
  255: ' END', 14: 'aDP', 15: 'aDomain-Name', 16: 'iSS', 17: 'aRP', 18: 'aEP', 19: 'BIPF', 20: 'BSRT', 21: 'pPF',
  22: 'sRSZ', 23: 'bTTL', 24: 'lMTU-Timeout', 25: 'sMTU-Table', 26: 'sMTU', 27: 'BLSN', 28: 'iBR', 29: 'BMD',
  30: 'BMS', 31: 'BRouter-Discovery', 32: 'iRSA', 33: 'pStatic-Route', 34: 'BUT', 35: 'lAT', 36: 'BIE', 37: 'bTT',
  38: 'lKI', 39: 'BKG', 40: 'aYD', 41: 'iYS', 42: 'iNTP', 43: 'bVendor-Option', 44: 'iNetbios-Name-Server',
  45: 'iWDD', 46: '$Netbios-Node', 47: 'aNetbios-Scope', 48: 'iXFS', 49: 'iXDM', 64: 'sN+D', 65: 'iN+S', 68: 'iMH',
  69: 'iSMTP', 70: 'iPOP3', 71: 'iNNTP', 72: 'iWWW', 73: 'iFG', 74: 'iIRC', 75: 'iSTS', 76: 'iSTDA',
  50: 'iRequested-IP', 51: 'lLease-Time', 52: '$OO', 66: 'aTFTP', 67: 'aBF', 53: ' DHCP-Message', 54: 'iServer-ID',
  55: 'bParameter-Request', 56: 'aMSG', 57: 'sMSZ', 58: 'lRN', 59: 'lRB', 60: 'aVendor-Class', 61: '$Client-ID',
  98: 'aUAP', 116: 'BNOAUTO', 78: 'bSLP-DA', 79: 'bSLP-SCOPE', 117: 'sNSSEARCH', 77: '$User-Class', 118: 'iSUBNET',
  121: '$Classless-Static-Route', 249: '$Classless-Static-Route-Microsoft', 150: 'iTFTP-Server-Address',
  80: 'aSLP-NA', 81: '$FQDN', 82: '$Agent-Information', 83: 'bARMT', 84: 'bAMSK', 88: 'aTZSTR', 89: 'bFQDNS',
  90: 'bAUTH', 91: 'LLast-Transaction-Time', 92: 'iAssociated-IP', 93: 'sARCH', 94: 'bNDI', 97: 'bGUID', 95: 'aLDAP', 96: 'i6o4',
  100: 'aPOSIX-TZ', 101: 'aTZ-Name', 110: 'bIPX', 112: 'iNI', 113: 'aNITAG', 114: 'aURL', 115: 'bFAIL', 161: 'aMUD-URL',
};
// print-bootp.c's dhcp_msg_values, with RFC 4388's leasequery messages (10-13).
const messages = ['', 'Discover', 'Offer', 'Request', 'Decline', 'ACK', 'NACK', 'Release', 'Inform', '', 'LeaseQuery',
  'LeaseUnassigned', 'LeaseUnknown', 'LeaseActive'];
const nodeTypes: Record<number, string> = { 1: 'b-node', 2: 'p-node', 4: 'm-node', 8: 'h-node' };
const overload: Record<number, string> = { 1: 'file', 2: 'sname', 3: 'file+sname' };
const arpTypes: Record<number, string> = { 1: 'ether', 6: 'ieee802', 7: 'arcnet', 15: 'frelay', 23: 'strip', 24: 'ieee1394' };
const agentSub: Record<number, string> = { 1: 'Circuit-ID', 2: 'Remote-ID', 6: 'Subscriber-ID' };

/** fn_printn: `n` value bytes from `i` as text, control characters as ^X and high bytes as M-x. */
function text(o: BootpOption, i: number, n: number): string {
  let s = '';
  for (let k = 0; k < n; k++) s += safeChar(o.data(i + k));
  return s;
}

/** The `$` formats: options tcpdump decodes field by field. Returns the value bytes left unprinted. */
function special(c: PrintContext, o: BootpOption, tag: number, len: number): number {
  switch (tag) {
    case 46: case 52: {
      if (len < 1) { c.write('ERROR: length < 1 bytes'); return len; }
      const v = o.data(0);
      c.write((tag === 46 ? nodeTypes[v] : overload[v]) ?? '#' + v);
      return len - 1;
    }
    case 81: {
      if (len < 3) { c.write('ERROR: length < 3 bytes'); return 0; }
      const f = o.data(0);
      if (f) c.write(`[${f & 1 ? 'S' : ''}${f & 2 ? 'O' : ''}${f & 4 ? 'E' : ''}${f & 8 ? 'N' : ''}] `);
      if (o.data(1) || o.data(2)) c.write(`${o.data(1)}/${o.data(2)} `);
      c.write(`"${text(o, 3, len - 3)}"`);
      return 0;
    }
    case 61: {
      if (len < 1) { c.write('ERROR: length < 1 bytes'); return len; }
      const type = o.data(0);
      if (type === 0) { c.write(`"${text(o, 1, len - 1)}"`); return 0; }
      let s = `${arpTypes[type] ?? `hardware-type ${type},`} `;
      for (let i = 1; i < len; i++) s += (i > 1 ? ':' : '') + hex8(o.data(i));
      c.write(s);
      return 0;
    }
    case 82: {
      let i = 0;
      while (len >= 2) {
        const sub = o.data(i), sublen = o.data(i + 1);
        i += 2; len -= 2;
        if (sublen > len) {
          c.write(`\n\t      ${agentSub[sub] ?? 'Unknown'} SubOption ${sub}, length ${sublen}: length goes past end of option`);
          return 0;
        }
        c.write(`\n\t      ${agentSub[sub] ?? 'Unknown'} SubOption ${sub}, length ${sublen}: `);
        if (agentSub[sub] !== undefined) c.write(text(o, i, sublen));
        else {
          // print_unknown_data: a hex dump on its own lines.
          o.needData(i + sublen);
          let s = '';
          for (let k = 0; k < sublen; k += 16) {
            s += `\n\t\t0x${k.toString(16).padStart(4, '0')}: `;
            for (let j = k; j < Math.min(k + 16, sublen); j += 2) s += ' ' + hex8(o.data(i + j)) + (j + 1 < sublen ? hex8(o.data(i + j + 1)) : '');
          }
          c.write(s);
        }
        len -= sublen; i += sublen;
      }
      return len;
    }
    case 121: case 249: {
      if (len < 5) { c.write('[ERROR: length < 5 bytes]'); return 0; }
      let i = 0, first = true;
      while (len > 0) {
        if (!first) c.write(',');
        const width = o.data(i); i++; len--;
        if (width > 32) { c.write(`[ERROR: Mask width (${width}) > 32]`); return 0; }
        const octets = (width + 7) >> 3;
        if (len < octets + 4) { c.write(`[ERROR: Remaining length (${len}) < ${octets + 4} bytes]`); return 0; }
        let s = '(';
        if (width === 0) s += 'default';
        else {
          for (let k = 0; k < octets; k++) s += (k > 0 ? '.' : '') + o.data(i + k);
          for (let k = octets; k < 4; k++) s += '.0';
          s += `/${width}`;
        }
        i += octets;
        c.write(`${s}:${o.address(i)})`);
        i += 4; len -= octets + 4; first = false;
      }
      return 0;
    }
    case 77: {
      if (len < 2) { c.write('ERROR: length < 2 bytes'); return 0; }
      let i = 0, n = 1;
      while (len > 0) {
        const sublen = o.data(i); i++; len--;
        c.write(`\n\t      instance#${n}: `);
        if (sublen === 0) { c.write('ERROR: suboption length must be non-zero'); return 0; }
        if (len < sublen) { c.write('ERROR: invalid option'); return 0; }
        c.write(`"${text(o, i, sublen)}", length ${sublen}`);
        n++; len -= sublen; i += sublen;
      }
      return 0;
    }
    default:
      c.write(`[unknown special tag ${tag}, size ${len}]`);
      return 0;
  }
}

/** The RFC 1048 vendor area: the cookie, then the options up to End or `length` (the message's length on the wire). */
function rfc1048(c: PrintContext, b: Bootp): void {
  c.write('\n\t  Vendor-rfc1048 Extensions');
  c.write(`\n\t    Magic Cookie 0x${b.magicCookie.toString(16).padStart(8, '0')}`);
  let i = BOOTP_OPTIONS_START;
  // Until the end of what was captured, not the UDP length: rfc1048_print loops while a byte is left.
  while (b.has(i + 1)) {
    const o = b.option(i);
    const tag = o.tag;
    i++;
    if (tag === 0 && c.o.verbose < 3) continue;
    if (tag === 255 && c.o.verbose < 3) return;
    const desc = tags[tag] ?? '?Unknown';
    let fmt = desc[0]!;
    const name = desc.slice(1);
    let len = 0;
    if (tag !== 0 && tag !== 255) { len = o.dataLength; i++; }
    c.write(`\n\t    ${name} (${tag}), length ${len}${len > 0 ? ': ' : ''}`);
    if (tag === 0 && c.o.verbose > 2) {
      let n = 1;
      while (b.has(i + 1) && b.byte(i) === 0) { i++; n++; }
      if (n > 1) c.write(`, occurs ${n}`);
    }
    if (!b.has(i + len)) { c.truncMark(); return; }
    if (tag === 53 && len === 1) { const m = o.messageType; c.write(messages[m] || `Unknown (${m})`); i++; continue; }
    if (tag === 55) {
      for (let k = 0; k < len; k++) {
        const t = o.data(k);
        c.write(k % 4 === 0 ? '\n\t      ' : ', ');
        c.write(`${(tags[t] ?? '?Unknown').slice(1)} (${t})`);
      }
      i += len;
      continue;
    }
    if (fmt === '?') fmt = len & 1 ? 'b' : len & 2 ? 's' : 'l';
    let k = 0, left = len, first = true;
    switch (fmt) {
      case 'a': c.write(`"${text(o, k, left)}"`); left = 0; break;
      case 'i': case 'l': case 'L':
        for (; left >= 4; k += 4, left -= 4, first = false) {
          if (!first) c.write(',');
          c.write(fmt === 'i' ? o.address(k) : fmt === 'L' ? String(o.data32(k) | 0) : String(o.data32(k)));
        }
        break;
      case 'p':
        for (; left >= 8; k += 8, left -= 8, first = false) c.write(`${first ? '' : ','}(${o.address(k)}:${o.address(k + 4)})`);
        break;
      case 's':
        for (; left >= 2; k += 2, left -= 2, first = false) c.write(`${first ? '' : ','}${o.data16(k)}`);
        break;
      case 'B':
        for (; left > 0; k++, left--, first = false) {
          const v = o.data(k);
          c.write(`${first ? '' : ','}${v === 0 ? 'N' : v === 1 ? 'Y' : `${v}?`}`);
        }
        break;
      case '$': left = special(c, o, tag, left); break;
      case ' ': break;
      default:
        for (; left > 0; k++, left--, first = false) c.write(`${first ? '' : fmt === 'x' ? ':' : '.'}${fmt === 'x' ? hex8(o.data(k)) : o.data(k)}`);
    }
    if (left) c.write(`\n\t  trailing data length ${left}`);
    i += len;
  }
}

const CMU_LABELS: readonly string[] = ['DG', 'SM', 'NS1', 'NS2', 'IEN1', 'IEN2', 'TS1', 'TS2'];

/** The CMU vendor area: addresses that are set, each checked before it is read. */
function cmu(c: PrintContext, b: Bootp): void {
  c.write(' vend-cmu');
  if (!b.has(BOOTP_OPTIONS_START + 4)) { c.truncMark(); return; }
  const flags = b.cmuFlags;
  if (flags & ~1) c.write(` F:0x${flags.toString(16)}`);
  for (let k = 0; k < b.cmuFieldCount; k++) {
    if (!b.cmuFieldCaptured(k)) { c.truncMark(); return; }
    if (b.cmuFieldValue(k) !== 0) c.write(` ${k === 1 && !(flags & 1) ? 'SM*' : CMU_LABELS[k]!}:${b.cmuField(k)}`);
  }
}

/** A BOOTP/DHCP message of `length` bytes (the UDP payload). */
export function printBootp(c: PrintContext, b: Bootp, length: number): void {
  c.protocol = 'bootp';
  const op = b.op;
  c.write(`BOOTP/DHCP, ${op === 1 ? 'Request' : op === 2 ? 'Reply' : `unknown (0x${hex8(op)})`}`);
  const htype = b.htype, hlen = b.hlen;
  if (htype === 1 && hlen === 6 && op === 1) c.write(` from ${b.clientMac}`);
  c.write(`, length ${length}`);
  if (!c.o.verbose) return;
  // The seconds field tested first (tcpdump's ND_TCHECK_2: cut, the mark and a return).
  if (!b.has(10)) { c.truncMark(); return; }
  if (htype !== 1) c.write(`, htype ${htype}`);
  if (htype !== 1 || hlen !== 6) c.write(`, hlen ${hlen}`);
  if (b.hops) c.write(`, hops ${b.hops}`);
  if (b.xid) c.write(`, xid 0x${b.xid.toString(16)}`);
  if (b.secs) c.write(`, secs ${b.secs}`);
  const flags = b.flags;
  c.write(`, Flags [${flags & 0x8000 ? 'Broadcast' : 'none'}]`);
  if (c.o.verbose > 1) c.write(` (0x${flags.toString(16).padStart(4, '0')})`);
  const addr = (a: string, label: string): void => { if (a !== '0.0.0.0') c.write(`\n\t  ${label} ${a}`); };
  addr(b.clientAddress, 'Client-IP'); addr(b.yourAddress, 'Your-IP'); addr(b.serverAddress, 'Server-IP'); addr(b.gatewayAddress, 'Gateway-IP');
  if (htype === 1 && hlen === 6) c.write(`\n\t  Client-Ethernet-Address ${b.clientMac}`);
  for (const [start, size, label] of [[BOOTP_SNAME_START, BOOTP_SNAME_LENGTH, 'sname'], [BOOTP_FILE_START, BOOTP_FILE_LENGTH, 'file']] as const) {
    // tcpdump reads each name's first byte unchecked (GET_U_1): not captured, it unwinds (-x dumps the whole packet).
    if (!b.has(start + 1)) throw TRUNCATED;
    if (b.byte(start)) {
      // fn_printztn: the name up to its NUL; cut short, what is there, the quote, then the marker.
      let s = `\n\t  ${label} "`;
      let i = 0;
      for (; i < size && b.has(start + i + 1); i++) { const ch = b.byte(start + i); if (ch === 0) break; s += safeChar(ch); }
      c.write(s + '"');
      if (i < size && !b.has(start + i + 1)) { c.truncMark(); return; }
    }
  }
  // The vendor area's magic cookie is tested first (ND_TCHECK_4): cut, the mark and a return.
  if (!b.has(BOOTP_OPTIONS_START)) { c.truncMark(); return; }
  const cookie = b.magicCookie;
  if (cookie === DHCP_MAGIC_COOKIE) rfc1048(c, b);
  else if (cookie === CMU_MAGIC_COOKIE) cmu(c, b);
  else if (cookie !== 0) c.write(`\n\t  Vendor-#0x${cookie.toString(16)}`);
}
