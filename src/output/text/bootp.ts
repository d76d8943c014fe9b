/** BOOTP and DHCPv4 (UDP ports 67/68) with the RFC 1048 options (tcpdump's print-bootp.c). */
import type { PrintContext } from './context.js';
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

/** fn_printn: bytes as text, control characters as ^X and high bytes as M-x. */
function text(c: PrintContext, at: number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    s += safeChar(c.u8(at + i));
  }
  return s;
}

function special(c: PrintContext, tag: number, bp: number, len: number): number {
  switch (tag) {
    case 46: case 52: {
      if (len < 1) { c.write('ERROR: length < 1 bytes'); return len; }
      const v = c.u8(bp);
      c.write((tag === 46 ? nodeTypes[v] : overload[v]) ?? '#' + v);
      return len - 1;
    }
    case 81: {
      if (len < 3) { c.write('ERROR: length < 3 bytes'); return 0; }
      const f = c.u8(bp);
      if (f) c.write(`[${f & 1 ? 'S' : ''}${f & 2 ? 'O' : ''}${f & 4 ? 'E' : ''}${f & 8 ? 'N' : ''}] `);
      if (c.u8(bp + 1) || c.u8(bp + 2)) c.write(`${c.u8(bp + 1)}/${c.u8(bp + 2)} `);
      c.write(`"${text(c, bp + 3, len - 3)}"`);
      return 0;
    }
    case 61: {
      if (len < 1) { c.write('ERROR: length < 1 bytes'); return len; }
      const type = c.u8(bp);
      if (type === 0) { c.write(`"${text(c, bp + 1, len - 1)}"`); return 0; }
      let s = `${arpTypes[type] ?? `hardware-type ${type},`} `;
      for (let i = 1; i < len; i++) s += (i > 1 ? ':' : '') + hex8(c.u8(bp + i));
      c.write(s);
      return 0;
    }
    case 82: {
      let p = bp;
      while (len >= 2) {
        const sub = c.u8(p), sublen = c.u8(p + 1);
        p += 2; len -= 2;
        if (sublen > len) {
          c.write(`\n\t      ${agentSub[sub] ?? 'Unknown'} SubOption ${sub}, length ${sublen}: length goes past end of option`);
          return 0;
        }
        c.write(`\n\t      ${agentSub[sub] ?? 'Unknown'} SubOption ${sub}, length ${sublen}: `);
        if (agentSub[sub] !== undefined) c.write(text(c, p, sublen));
        else {
          // print_unknown_data: a hex dump on its own lines.
          c.need(p, sublen);
          let s = '';
          for (let i = 0; i < sublen; i += 16) {
            s += `\n\t\t0x${i.toString(16).padStart(4, '0')}: `;
            for (let j = i; j < Math.min(i + 16, sublen); j += 2) s += ' ' + hex8(c.buf[p + j]!) + (j + 1 < sublen ? hex8(c.buf[p + j + 1]!) : '');
          }
          c.write(s);
        }
        len -= sublen; p += sublen;
      }
      return len;
    }
    case 121: case 249: {
      if (len < 5) { c.write('ERROR: length < 5 bytes'); return 0; }
      let p = bp, first = true;
      while (len > 0) {
        if (!first) c.write(',');
        const width = c.u8(p); p++; len--;
        if (width > 32) { c.write(`[ERROR: Mask width (${width}) > 32]`); return 0; }
        const octets = (width + 7) >> 3;
        if (len < octets + 4) { c.write(`[ERROR: Remaining length (${len}) < ${octets + 4} bytes]`); return 0; }
        let s = '(';
        if (width === 0) s += 'default';
        else {
          for (let i = 0; i < octets; i++) s += (i > 0 ? '.' : '') + c.u8(p + i);
          for (let i = octets; i < 4; i++) s += '.0';
          s += `/${width}`;
        }
        p += octets;
        c.write(`${s}:${c.ip4(p)})`);
        p += 4; len -= octets + 4; first = false;
      }
      return 0;
    }
    case 77: {
      if (len < 2) { c.write('ERROR: length < 2 bytes'); return 0; }
      let p = bp, n = 1;
      while (len > 0) {
        const sublen = c.u8(p); p++; len--;
        c.write(`\n\t      instance#${n}: `);
        if (sublen === 0) { c.write('ERROR: suboption length must be non-zero'); return 0; }
        if (len < sublen) { c.write('ERROR: invalid option'); return 0; }
        c.write(`"${text(c, p, sublen)}", length ${sublen}`);
        n++; len -= sublen; p += sublen;
      }
      return 0;
    }
    default:
      c.write(`[unknown special tag ${tag}, size ${len}]`);
      return 0;
  }
}

function rfc1048(c: PrintContext, bp: number, end: number): void {
  c.write('\n\t  Vendor-rfc1048 Extensions');
  c.write(`\n\t    Magic Cookie 0x${c.u32(bp).toString(16).padStart(8, '0')}`);
  bp += 4;
  while (c.has(bp, 1) && bp < end) {
    const tag = c.u8(bp++);
    if (tag === 0 && c.o.verbose < 3) continue;
    if (tag === 255 && c.o.verbose < 3) return;
    const desc = tags[tag] ?? '?Unknown';
    let fmt = desc[0]!;
    const name = desc.slice(1);
    let len = 0;
    if (tag !== 0 && tag !== 255) len = c.u8(bp++);
    c.write(`\n\t    ${name} (${tag}), length ${len}${len > 0 ? ': ' : ''}`);
    if (tag === 0 && c.o.verbose > 2) {
      let n = 1;
      while (c.has(bp, 1) && c.buf[bp] === 0) { bp++; n++; }
      if (n > 1) c.write(`, occurs ${n}`);
    }
    if (!c.has(bp, len)) { c.truncMark(); return; }
    if (tag === 53 && len === 1) { const m = c.u8(bp); c.write(messages[m] || `Unknown (${m})`); bp++; continue; }
    if (tag === 55) {
      for (let i = 0; i < len; i++) {
        const t = c.u8(bp + i);
        c.write(i % 4 === 0 ? '\n\t      ' : ', ');
        c.write(`${(tags[t] ?? '?Unknown').slice(1)} (${t})`);
      }
      bp += len;
      continue;
    }
    if (fmt === '?') fmt = len & 1 ? 'b' : len & 2 ? 's' : 'l';
    let p = bp, left = len, first = true;
    switch (fmt) {
      case 'a': c.write(`"${text(c, p, left)}"`); left = 0; break;
      case 'i': case 'l': case 'L':
        for (; left >= 4; p += 4, left -= 4, first = false) {
          if (!first) c.write(',');
          c.write(fmt === 'i' ? c.ip4(p) : fmt === 'L' ? String(c.u32(p) | 0) : String(c.u32(p)));
        }
        break;
      case 'p':
        for (; left >= 8; p += 8, left -= 8, first = false) c.write(`${first ? '' : ','}(${c.ip4(p)}:${c.ip4(p + 4)})`);
        break;
      case 's':
        for (; left >= 2; p += 2, left -= 2, first = false) c.write(`${first ? '' : ','}${c.u16(p)}`);
        break;
      case 'B':
        for (; left > 0; p++, left--, first = false) {
          const v = c.u8(p);
          c.write(`${first ? '' : ','}${v === 0 ? 'N' : v === 1 ? 'Y' : `${v}?`}`);
        }
        break;
      case '$': left = special(c, tag, p, left); p = bp + len - left; break;
      case ' ': break;
      default:
        for (; left > 0; p++, left--, first = false) c.write(`${first ? '' : fmt === 'x' ? ':' : '.'}${fmt === 'x' ? hex8(c.u8(p)) : c.u8(p)}`);
    }
    if (left) c.write(`\n\t  trailing data length ${left}`);
    bp += len;
  }
}

/** The CMU vendor area: addresses that are set, each checked before it is read. */
function cmu(c: PrintContext, v: number): void {
  c.write(' vend-cmu');
  if (!c.has(v + 4, 4)) { c.truncMark(); return; }
  const flags = c.u8(v + 4);
  if (flags & ~1) c.write(` F:0x${flags.toString(16)}`);
  const fields: Array<[number, string]> = [[12, 'DG'], [8, flags & 1 ? 'SM' : 'SM*'], [16, 'NS1'], [20, 'NS2'], [24, 'IEN1'], [28, 'IEN2'], [32, 'TS1'], [36, 'TS2']];
  for (const [off, label] of fields) {
    if (!c.has(v + off, 4)) { c.truncMark(); return; }
    if (c.u32(v + off) !== 0) c.write(` ${label}:${c.ip4(v + off)}`);
  }
}

/** BOOTP/DHCP message at `p`, `length` bytes of UDP payload. */
export function printBootp(c: PrintContext, p: number, length: number): void {
  c.protocol = 'bootp';
  const op = c.u8(p);
  c.write(`BOOTP/DHCP, ${op === 1 ? 'Request' : op === 2 ? 'Reply' : `unknown (0x${hex8(op)})`}`);
  const htype = c.u8(p + 1), hlen = c.u8(p + 2);
  if (htype === 1 && hlen === 6 && op === 1) c.write(` from ${c.mac(p + 28)}`);
  c.write(`, length ${length}`);
  if (!c.o.verbose) return;
  c.need(p + 8, 2);
  if (htype !== 1) c.write(`, htype ${htype}`);
  if (htype !== 1 || hlen !== 6) c.write(`, hlen ${hlen}`);
  if (c.u8(p + 3)) c.write(`, hops ${c.u8(p + 3)}`);
  if (c.u32(p + 4)) c.write(`, xid 0x${c.u32(p + 4).toString(16)}`);
  if (c.u16(p + 8)) c.write(`, secs ${c.u16(p + 8)}`);
  const flags = c.u16(p + 10);
  c.write(`, Flags [${flags & 0x8000 ? 'Broadcast' : 'none'}]`);
  if (c.o.verbose > 1) c.write(` (0x${flags.toString(16).padStart(4, '0')})`);
  const addr = (off: number, label: string): void => { if (c.u32(p + off)) c.write(`\n\t  ${label} ${c.ip4(p + off)}`); };
  addr(12, 'Client-IP'); addr(16, 'Your-IP'); addr(20, 'Server-IP'); addr(24, 'Gateway-IP');
  if (htype === 1 && hlen === 6) c.write(`\n\t  Client-Ethernet-Address ${c.mac(p + 28)}`);
  for (const [off, size, label] of [[44, 64, 'sname'], [108, 128, 'file']] as const) {
    if (!c.has(p + off, 1)) { c.truncMark(); return; }
    if (c.u8(p + off)) {
      // fn_printztn: the name up to its NUL; cut short, what is there, the quote, then the marker.
      let s = `\n\t  ${label} "`;
      let i = 0;
      for (; i < size && c.has(p + off + i, 1); i++) { if (c.buf[p + off + i] === 0) break; s += text(c, p + off + i, 1); }
      c.write(s + '"');
      if (i < size && !c.has(p + off + i, 1)) { c.truncMark(); return; }
    }
  }
  const vend = p + 236;
  const cookie = c.u32(vend);
  if (cookie === 0x63825363) rfc1048(c, vend, p + length);
  else if (cookie === 0x434d5500) cmu(c, vend);
  else if (cookie !== 0) c.write(`\n\t  Vendor-#0x${cookie.toString(16)}`);
}
