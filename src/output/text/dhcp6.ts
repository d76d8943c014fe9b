/** DHCPv6 (tcpdump's print-dhcp6.c): the message type, and with -v the transaction id or relay addresses and every option. */
import type { PrintContext } from './context.js';
import {
  DHCP6_HEADER_LENGTH, DHCP6_OPTION_HEADER_LENGTH, type Dhcp6, type Dhcp6Message, type Dhcp6Option,
} from '../../decoders/dhcp6.js';
import { printDomainName, printTextUpTo } from './view-text.js';
import { hex8, hex16 } from './names.js';

const MSG_TYPES: readonly string[] = [
  '', 'solicit', 'advertise', 'request', 'confirm', 'renew', 'rebind', 'reply', 'release', 'decline', 'reconfigure',
  'inf-req', 'relay-fwd', 'relay-reply', 'leasequery', 'leasequery-reply',
];
function msgTypeName(t: number): string { return (t > 0 && MSG_TYPES[t]) || `msgtype-${t}`; }

const OPTION_NAMES = new Map<number, string>([
  [1, 'client-ID'], [2, 'server-ID'], [3, 'IA_NA'], [4, 'IA_TA'], [5, 'IA_ADDR'], [6, 'option-request'], [7, 'preference'],
  [8, 'elapsed-time'], [9, 'relay-message'], [11, 'authentication'], [12, 'server-unicast'], [13, 'status-code'],
  [14, 'rapid-commit'], [15, 'user-class'], [16, 'vendor-class'], [17, 'vendor-specific-info'], [18, 'interface-ID'],
  [19, 'reconfigure-message'], [20, 'reconfigure-accept'], [21, 'SIP-servers-domain'], [22, 'SIP-servers-address'],
  [23, 'DNS-server'], [24, 'DNS-search-list'], [25, 'IA_PD'], [26, 'IA_PD-prefix'], [31, 'SNTP-servers'], [32, 'lifetime'],
  [27, 'NIS-server'], [28, 'NIS+-server'], [29, 'NIS-domain-name'], [30, 'NIS+-domain-name'], [33, 'BCMCS-domain-name'],
  [34, 'BCMCS-server'], [36, 'Geoconf-Civic'], [37, 'Remote-ID'], [38, 'Subscriber-ID'], [39, 'Client-FQDN'], [40, 'PANA-agent'],
  [41, 'POSIX-timezone'], [42, 'POSIX-tz-database'], [43, 'Echo-request-option'], [44, 'Lease-query'], [45, 'LQ-client-data'],
  [46, 'Clt-time'], [47, 'LQ-relay-data'], [48, 'LQ-client-link'], [56, 'NTP-server'], [64, 'AFTR-Name'], [112, 'MUD-URL'],
]);
function optionName(code: number): string { return OPTION_NAMES.get(code) ?? `opt_${code}`; }

const STATUS_CODES: readonly string[] = [
  'Success', 'UnspecFail', 'NoAddrsAvail', 'NoBinding', 'NotOnLink', 'UseMulticast', 'NoPrefixAvail', 'UnknownQueryType',
  'MalformedQuery', 'NotConfigured', 'NotAllowed',
];
function statusCodeName(code: number): string { return code > 255 ? 'INVALID code' : STATUS_CODES[code] ?? `code${code}`; }

/** `n` data bytes from index `from` as hex (tcpdump's `%02x` loops). */
function hexData(c: PrintContext, opt: Dhcp6Option, from: number, to: number): void {
  let s = '';
  try {
    for (let i = from; i < to; i++) s += hex8(opt.data(i));
  } finally {
    c.write(s);
  }
}

/** dhcp6opt_print: the options from `at` to `ep` (absolute indexes); a cut option prints ` [|dhcp6]` and ends the walk. */
function printOptions(c: PrintContext, d: Dhcp6, at: number, ep: number): void {
  const opt = d.option;
  while (at < ep) {
    if (ep < at + DHCP6_OPTION_HEADER_LENGTH) { c.truncMark(); return; }
    opt.point(at, c.end);
    const optlen = opt.dataLength;
    const next = opt.next;
    if (ep < next) { c.truncMark(); return; }
    const code = opt.code;
    c.write(` (${optionName(code)}`);
    if (!opt.dataCaptured(optlen)) { c.truncMark(); return; }
    if (!printOption(c, d, opt, code, optlen)) { c.truncMark(); return; }
    at = next;
  }
}

/** One option's data and its `)`: false when it is cut short (the walk then prints ` [|dhcp6]`). */
function printOption(c: PrintContext, d: Dhcp6, opt: Dhcp6Option, code: number, optlen: number): boolean {
  switch (code) {
    case 1: case 2: {                                             // client-ID, server-ID: a DUID
      if (optlen < 2) { c.write(' ?)'); break; }
      const type = opt.duidType;
      if (type === 1) {
        if (optlen < 8) { c.write(' ?)'); break; }
        c.write(` hwaddr/time type ${opt.duidHardwareType} time ${opt.duidTime} `);
        hexData(c, opt, 8, optlen);
        c.write(')');
      } else if (type === 2) {
        if (optlen < 10) { c.write(' ?)'); break; }
        c.write(' vid ');
        hexData(c, opt, 2, 10);
        c.write(')');
      } else if (type === 3) {
        if (optlen < 4) { c.write(' ?)'); break; }
        c.write(` hwaddr type ${opt.duidHardwareType} `);
        hexData(c, opt, 4, optlen);
        c.write(')');
      } else c.write(` type ${type})`);
      break;
    }
    case 5: {                                                     // IA_ADDR
      if (optlen < 24) { c.write(' ?)'); break; }
      c.write(` ${opt.iaAddress}`);
      c.write(` pltime:${opt.iaPreferredLifetime} vltime:${opt.iaValidLifetime}`);
      subOptions(c, d, opt, optlen, 24);
      c.write(')');
      break;
    }
    case 6: case 43: {                                            // option-request, echo-request
      if (optlen % 2) { c.write(' ?)'); break; }
      for (let i = 0; i < optlen; i += 2) c.write(` ${optionName(opt.data16(i))}`);
      c.write(')');
      break;
    }
    case 7:                                                       // preference
      if (optlen !== 1) { c.write(' ?)'); break; }
      c.write(` ${opt.preference})`);
      break;
    case 8:                                                       // elapsed-time
      if (optlen !== 2) { c.write(' ?)'); break; }
      c.write(` ${opt.elapsedTime})`);
      break;
    case 9: {                                                     // relay-message: a whole message
      c.write(' (');
      const start = opt.dataStart, end = opt.next;
      c.pushEnd(end);
      try {
        printMessage(c, d, d.message.point(start, c.end), optlen);
      } finally {
        c.popEnd();
      }
      c.write(')');
      break;
    }
    case 11:                                                      // authentication
      if (optlen < 11) { c.write(' ?)'); break; }
      printAuth(c, opt, optlen);
      break;
    case 14: case 20:                                             // rapid-commit, reconfigure-accept
      c.write(')');
      break;
    case 18: case 38:                                             // interface-ID, subscriber-ID: the first 10 bytes
      c.write(' ');
      hexData(c, opt, 0, Math.min(optlen, 10));
      c.write('...)');
      break;
    case 19: {                                                    // reconfigure-message
      if (optlen !== 1) { c.write(' ?)'); break; }
      const t = opt.data(0);
      c.write(t === 5 ? ' for renew)' : t === 11 ? ' for inf-req)' : ` for ???(${hex8(t)}))`);
      break;
    }
    case 22: case 23: case 31: case 27: case 28: case 34: case 40: case 48:   // lists of addresses
      if (optlen % 16) { c.write(' ?)'); break; }
      for (let i = 0; i < optlen; i += 16) c.write(` ${opt.address(i)}`);
      c.write(')');
      break;
    case 21: case 24: {                                           // SIP-servers-domain, DNS-search-list: names
      for (let i = 0; i < optlen;) {
        c.write(' ');
        i = printDomainName(c, opt, i, optlen);
        if (i < 0) return false;
      }
      c.write(')');
      break;
    }
    case 13:                                                      // status-code
      if (optlen < 2) { c.write(' ?)'); break; }
      c.write(` ${statusCodeName(opt.statusCode)})`);
      break;
    case 3: case 25:                                              // IA_NA, IA_PD
      if (optlen < 12) { c.write(' ?)'); break; }
      c.write(` IAID:${opt.iaid} T1:${opt.t1} T2:${opt.t2}`);
      subOptions(c, d, opt, optlen, 12);
      c.write(')');
      break;
    case 4:                                                       // IA_TA
      if (optlen < 4) { c.write(' ?)'); break; }
      c.write(` IAID:${opt.iaid}`);
      subOptions(c, d, opt, optlen, 4);
      c.write(')');
      break;
    case 26:                                                      // IA_PD prefix
      if (optlen < 25) { c.write(' ?)'); break; }
      c.write(` ${opt.prefix}/${opt.prefixLength}`);
      c.write(` pltime:${opt.prefixPreferredLifetime} vltime:${opt.prefixValidLifetime}`);
      subOptions(c, d, opt, optlen, 25);
      c.write(')');
      break;
    case 32: case 46:                                             // lifetime, client last transaction time
      if (optlen !== 4) { c.write(' ?)'); break; }
      c.write(` ${opt.data32(0)})`);
      break;
    case 37:                                                      // Remote-ID: enterprise, then 10 bytes
      if (optlen < 4) { c.write(' ?)'); break; }
      c.write(` ${opt.enterpriseNumber} `);
      hexData(c, opt, 4, Math.min(optlen, 14));
      c.write('...)');
      break;
    case 44: {                                                    // leasequery
      if (optlen < 17) { c.write(' ?)'); break; }
      const q = opt.queryType;
      c.write(q === 1 ? ' by-address' : q === 2 ? ' by-clientID' : ` type_${q}`);
      c.write(` ${opt.queryLinkAddress}`);
      subOptions(c, d, opt, optlen, 17);
      c.write(')');
      break;
    }
    case 45:                                                      // LQ-client-data: options only
      subOptions(c, d, opt, optlen, 0);
      c.write(')');
      break;
    case 47:                                                      // LQ-relay-data: peer address, then 10 bytes
      if (optlen < 16) { c.write(' ?)'); break; }
      c.write(` ${opt.address(0)} `);
      hexData(c, opt, 16, Math.min(optlen, 26));
      c.write('...)');
      break;
    case 56:                                                      // NTP server: suboptions
      if (optlen < 4) { c.write(' ?)'); break; }
      if (!printNtpServer(c, opt, optlen)) return false;
      c.write(')');
      break;
    case 64:                                                      // AFTR name
      if (optlen < 3) { c.write(' ?)'); break; }
      printAftrName(c, opt, optlen);
      c.write(')');
      break;
    case 41: case 42: case 112:                                   // timezones, MUD URL: text
      if (optlen < 5) { c.write(' ?)'); break; }
      c.write(' ');
      printTextUpTo(c, opt, 0, optlen);
      c.write(')');
      break;
    default:
      c.write(')');
  }
  return true;
}

/** The options inside an option, after its `fixed` bytes; the outer option's view is pointed back after. */
function subOptions(c: PrintContext, d: Dhcp6, opt: Dhcp6Option, optlen: number, fixed: number): void {
  if (optlen <= fixed) return;
  const at = opt.off, end = opt.end, start = opt.dataStart;
  printOptions(c, d, start + fixed, start + optlen);
  opt.point(at, end);
}

/** The authentication option (RFC 8415 21.11): protocol, algorithm, RDM, replay detection, then per protocol. */
function printAuth(c: PrintContext, opt: Dhcp6Option, optlen: number): void {
  const proto = opt.authProtocol;
  c.write(proto === 2 ? ' proto: delayed' : proto === 3 ? ' proto: reconfigure' : ` proto: ${proto}`);
  const alg = opt.authAlgorithm;
  c.write(alg === 1 ? ', alg: HMAC-MD5' : `, alg: ${alg}`);
  const rdm = opt.authRdm;
  c.write(rdm === 0 ? ', RDM: mono' : `, RDM: ${rdm}`);
  c.write(', RD:');
  for (let i = 0; i < 4; i++) c.write(` ${hex16(opt.data16(3 + 2 * i))}`);
  const infoLen = optlen - 11;
  let i = 11;
  if (proto === 2) {                                              // delayed authentication
    if (infoLen !== 0) {
      if (infoLen < 20) c.write(' ??');
      else {
        const realmLen = infoLen - 20;
        if (realmLen > 0) c.write(', realm: ');
        hexData(c, opt, i, i + realmLen);
        i += realmLen;
        c.write(`, key ID: ${hex32(opt.data32(i))}`);
        i += 4;
        c.write(', HMAC-MD5:');
        for (let k = 0; k < 4; k++, i += 4) c.write(` ${hex32(opt.data32(i))}`);
      }
    }
  } else if (proto === 3) {                                       // reconfigure key
    if (infoLen !== 17) c.write(' ??');
    else {
      const t = opt.data(i++);
      c.write(t === 1 ? ' reconfig-key' : t === 2 ? ' type: HMAC-MD5' : ' type: ??');
      c.write(' value:');
      for (let k = 0; k < 4; k++, i += 4) c.write(` ${hex32(opt.data32(i))}`);
    }
  } else c.write(' ??');
  c.write(')');
}

/** NTP server suboptions (RFC 5908): addresses and a name; false when one runs past the option. */
function printNtpServer(c: PrintContext, opt: Dhcp6Option, optlen: number): boolean {
  for (let i = 0; i < optlen - 4;) {
    const sub = opt.data16(i);
    const subLen = opt.data16(i + 2);
    i += 4;
    if (i + subLen > optlen) return false;
    c.write(` subopt:${sub}`);
    if (sub === 1 || sub === 2) {
      if (subLen !== 16) c.write(' ?');
      else c.write(` ${opt.address(i)}`);
    } else if (sub === 3) {
      c.write(' ');
      if (printDomainName(c, opt, i, i + subLen) < 0) return false;
    } else c.write(' ?');
    i += subLen;
  }
  return true;
}

/** The AFTR name (RFC 6334): DNS labels printed with dots, ` ?` where a label overruns the option. */
function printAftrName(c: PrintContext, opt: Dhcp6Option, optlen: number): void {
  let remain = optlen, i = 0;
  c.write(' ');
  while (remain !== 0 && opt.data(i) !== 0) {
    const labelLen = opt.data(i++);
    if (labelLen < remain - 1) {
      printTextUpTo(c, opt, i, labelLen);
      i += labelLen;
      remain -= labelLen + 1;
      if (opt.data(i) !== 0) c.write('.');
    } else {
      c.write(' ?');
      break;
    }
  }
}

/** dhcp6_print for one message (the layer's, or one inside a relay-message option): `length` bytes on the wire. */
function printMessage(c: PrintContext, d: Dhcp6, m: Dhcp6Message, length: number): void {
  c.write('dhcp6');
  const start = m.off;
  const ep = Math.min(c.end, start + length);
  if (!m.has(DHCP6_HEADER_LENGTH)) { c.truncMark(); return; }
  const type = m.msgType;
  const name = msgTypeName(type);
  if (!c.o.verbose) { c.write(` ${name}`); return; }
  c.write(` ${name} (`);
  if (!m.isRelay) {
    c.write(`xid=${m.transactionId.toString(16)}`);
    printOptions(c, d, m.optionsStart, ep);
  } else {
    c.write(`linkaddr=${m.linkAddress}`);
    c.write(` peeraddr=${m.peerAddress}`);
    printOptions(c, d, m.optionsStart, ep);
  }
  c.write(')');
}

/** A DHCPv6 message over UDP, `length` bytes. */
export function printDhcp6(c: PrintContext, d: Dhcp6, length: number): void {
  c.protocol = 'dhcp6';
  printMessage(c, d, d.message.point(d.off, c.end), length);
}

function hex32(v: number): string { return (v >>> 0).toString(16).padStart(8, '0'); }
