// DNS printer (RFC 1035, EDNS0 RFC 6891), giving tcpdump 4.99's domain_print text.
import type { PrintContext } from './context.js';
import { printDomainName } from './view-text.js';
import { ipv4ToString, ipv6ToString } from '../../decoders/addr.js';
import {
  DNS_HEADER_LENGTH, DNS_MX_NAME_AT, DNS_QUESTION_FIXED_LENGTH, DNS_RR_FIXED_LENGTH, DNS_SOA_COUNTERS_LENGTH, DNS_SRV_NAME_AT,
  DNS_TCP_PREFIX_LENGTH, DNS_TSIG_TIME_LENGTH, DNS_URI_TARGET_AT, EDNS_OPTION_HEADER_LENGTH, type Dns,
} from '../../decoders/dns.js';

const NS_OPS: readonly string[] = [
  '', ' inv_q', ' stat', ' op3', ' notify', ' update', ' op6', ' op7',
  ' op8', ' updateA', ' updateD', ' updateDA', ' updateM', ' updateMA', ' zoneInit', ' zoneRef',
];

// tcpdump's table has "Resp17" and "Resp21" without the leading space; kept for identical text.
const NS_RESP: readonly string[] = [
  '', ' FormErr', ' ServFail', ' NXDomain', ' NotImp', ' Refused', ' YXDomain', ' YXRRSet',
  ' NXRRSet', ' NotAuth', ' NotZone', ' Resp11', ' Resp12', ' Resp13', ' Resp14', ' NoChange',
  ' BadVers', 'Resp17', ' Resp18', ' Resp19', ' Resp20', 'Resp21', ' Resp22', ' BadCookie',
];

const T_A = 1, T_NS = 2, T_CNAME = 5, T_SOA = 6, T_PTR = 12, T_MX = 15, T_TXT = 16, T_AAAA = 28,
  T_SRV = 33, T_A6 = 38, T_DNAME = 39, T_OPT = 41, T_UNSPECA = 104, T_TSIG = 250, T_URI = 256;

/** Type mnemonics tcpdump 4.99 knows (its ns_type2str; lwres prints them too); others print as `Type<N>`. */
export const TYPE_NAMES = new Map<number, string>([
  [1, 'A'], [2, 'NS'], [3, 'MD'], [4, 'MF'], [5, 'CNAME'], [6, 'SOA'], [7, 'MB'], [8, 'MG'], [9, 'MR'],
  [10, 'NULL'], [11, 'WKS'], [12, 'PTR'], [13, 'HINFO'], [14, 'MINFO'], [15, 'MX'], [16, 'TXT'],
  [17, 'RP'], [18, 'AFSDB'], [19, 'X25'], [20, 'ISDN'], [21, 'RT'], [22, 'NSAP'], [23, 'NSAP_PTR'],
  [24, 'SIG'], [25, 'KEY'], [26, 'PX'], [27, 'GPOS'], [28, 'AAAA'], [29, 'LOC'], [30, 'NXT'],
  [31, 'EID'], [32, 'NIMLOC'], [33, 'SRV'], [34, 'ATMA'], [35, 'NAPTR'], [36, 'KX'], [37, 'CERT'],
  [38, 'A6'], [39, 'DNAME'], [40, 'SINK'], [41, 'OPT'], [42, 'APL'], [43, 'DS'], [44, 'SSHFP'],
  [45, 'IPSECKEY'], [46, 'RRSIG'], [47, 'NSEC'], [48, 'DNSKEY'], [99, 'SPF'], [100, 'UINFO'],
  [101, 'UID'], [102, 'GID'], [103, 'UNSPEC'], [104, 'UNSPECA'], [249, 'TKEY'], [250, 'TSIG'],
  [251, 'IXFR'], [252, 'AXFR'], [253, 'MAILB'], [254, 'MAILA'], [255, 'ANY'], [256, 'URI'],
]);

export const CLASS_NAMES = new Map<number, string>([[1, 'IN'], [3, 'CHAOS'], [4, 'HS'], [255, 'ANY']]);

const E_NSID = 3, E_DAU = 5, E_DHU = 6, E_N3U = 7, E_ECS = 8, E_EXPIRE = 9, E_COOKIE = 10,
  E_KEEPALIVE = 11, E_PADDING = 12, E_CHAIN = 13, E_KEYTAG = 14;

const EDNS_OPT_NAMES = new Map<number, string>([
  [1, 'LLQ'], [2, 'UL'], [E_NSID, 'NSID'], [E_DAU, 'DAU'], [E_DHU, 'DHU'], [E_N3U, 'N3U'],
  [E_ECS, 'ECS'], [E_EXPIRE, 'EXPIRE'], [E_COOKIE, 'COOKIE'], [E_KEEPALIVE, 'KEEPALIVE'],
  [E_PADDING, 'PADDING'], [E_CHAIN, 'CHAIN'], [E_KEYTAG, 'KEY-TAG'], [16, 'CLIENT-TAG'], [17, 'SERVER-TAG'],
]);

const DAU_NAMES = new Map<number, string>([
  [0, 'DELETE'], [1, 'RSAMD5'], [2, 'DH'], [3, 'DS'], [5, 'RSASHA1'], [6, 'DSA-NSEC3-SHA1'],
  [7, 'RSASHA1-NSEC3-SHA1'], [8, 'RSASHA256'], [10, 'RSASHA512'], [12, 'ECC-GOST'],
  [13, 'ECDSAP256SHA256'], [14, 'ECDSAP384SHA384'], [15, 'ED25519'], [16, 'ED448'],
  [252, 'INDIRECT'], [253, 'PRIVATEDNS'], [254, 'PRIVATEOID'],
]);
const DHU_NAMES = new Map<number, string>([[1, 'SHA-1'], [2, 'SHA-256'], [3, 'GOST_R_34.11-94'], [4, 'SHA-384']]);
const N3U_NAMES = new Map<number, string>([[1, 'SHA-1']]);

const HEX2: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));



function typeName(t: number): string { return TYPE_NAMES.get(t) ?? `Type${t}`; }
function className(k: number): string { return CLASS_NAMES.get(k) ?? `(Class ${k})`; }

// Indexes below count from the DNS header (after the TCP length prefix): the view's `data(i)`,
// `at(i)` and `skipName(i)` read there, checked against what was captured.

/**
 * tcpdump's nd_printn: up to `n` bytes from message index `i` through safeChar, stopping at the
 * captured end. Returns true when the end cut it short.
 */
function printn(c: PrintContext, dns: Dns, i: number, n: number): boolean {
  while (n > 0 && dns.dataCaptured(i + 1)) { c.safeCh(dns.data(i)); i++; n--; }
  return n !== 0;
}

/** tcpdump's fqdn_print: the name at index `i`, compression pointers relative to `base`; the index after it, or -1. */
function printFqdn(c: PrintContext, dns: Dns, i: number, base: number): number {
  return printDomainName(c, dns, i, base);
}

/** A <character-string>; returns the index after it or -1. */
function printCString(c: PrintContext, dns: Dns, i: number): number {
  if (!dns.dataCaptured(i + 1)) return -1;
  const n = dns.data(i++);
  if (printn(c, dns, i, n)) return -1;
  return i + n;
}

/** tcpdump's unsigned_relts_print: 1d2h3m4s. */
function relTime(secs: number): string {
  if (secs === 0) return '0s';
  let s = '';
  if (secs >= 31536000) { s += `${Math.floor(secs / 31536000)}y`; secs %= 31536000; }
  if (secs >= 604800) { s += `${Math.floor(secs / 604800)}w`; secs %= 604800; }
  if (secs >= 86400) { s += `${Math.floor(secs / 86400)}d`; secs %= 86400; }
  if (secs >= 3600) { s += `${Math.floor(secs / 3600)}h`; secs %= 3600; }
  if (secs >= 60) { s += `${Math.floor(secs / 60)}m`; secs %= 60; }
  if (secs >= 1) s += `${secs}s`;
  return s;
}

/** EDNS Client Subnet (RFC 7871) as address/source/scope; `o` is the option. */
function printEcs(c: PrintContext, dns: Dns, opt: number, dataLen: number): void {
  if (dataLen < 4) { c.invalid(); return; }
  const o = dns.at(opt);
  const family = o.ecsFamily, srcLen = o.ecsSourcePrefix, scopeLen = o.ecsScopePrefix;
  const addrBits = family === 1 ? 32 : family === 2 ? 128 : 0;
  if (addrBits === 0 || dataLen - 4 > addrBits / 8 || srcLen > addrBits || scopeLen > addrBits ||
      ((srcLen + 7) >> 3) !== dataLen - 4) {
    c.invalid();
    return;
  }
  const padded = new Uint8Array(16);
  for (let k = 0; k < dataLen - 4; k++) padded[k] = o.ecsAddressByte(k);
  const addr = family === 1 ? ipv4ToString(padded, 0) : ipv6ToString(padded, 0);
  c.write(`${addr}/${srcLen}/${scopeLen}`);
}

function algList(c: PrintContext, dns: Dns, i: number, n: number, names: Map<number, string>): void {
  let s = '';
  for (let k = 0; k < n; k++) {
    const a = dns.data(i + k);
    s += (k > 0 ? ' ' : '') + (names.get(a) ?? `Alg_${a}`);
  }
  c.write(s);
}

/** One EDNS option at index `opt`; returns the index after it or -1 when cut short. */
function printEdnsOption(c: PrintContext, dns: Dns, opt: number): number {
  if (!dns.dataCaptured(opt + 2)) return -1;
  const o = dns.at(opt);
  const code = o.optionCode;
  c.write(EDNS_OPT_NAMES.get(code) ?? `Opt${code}`);
  if (!dns.dataCaptured(opt + EDNS_OPTION_HEADER_LENGTH)) return -1;
  const dataLen = o.optionLength;
  const data = opt + EDNS_OPTION_HEADER_LENGTH;
  if (!dns.dataCaptured(data + dataLen)) return -1;
  if (dataLen > 0) {
    c.write(' ');
    switch (code) {
      case E_ECS: printEcs(c, dns, opt, dataLen); break;
      case E_COOKIE:
        if (dataLen < 8 || (dataLen > 8 && dataLen < 16) || dataLen > 40) c.invalid();
        else {
          let s = '';
          for (let k = 0; k < dataLen; k++) s += (k === 8 ? ' ' : '') + HEX2[dns.data(data + k)]!;
          c.write(s);
        }
        break;
      case E_KEEPALIVE:
        if (dataLen !== 2) c.invalid();
        else c.write(`${(o.optionData16(0) / 10).toFixed(1)} sec`);
        break;
      case E_EXPIRE:
        if (dataLen !== 4) c.invalid();
        else c.write(`${o.optionData32(0)} sec`);
        break;
      case E_PADDING: c.write(`(${dataLen})`); break;
      case E_KEYTAG:
        if (dataLen % 2 !== 0) c.invalid();
        else {
          let s = '';
          for (let k = 0; k < dataLen; k += 2) s += (k > 0 ? ' ' : '') + o.optionData16(k);
          c.write(s);
        }
        break;
      case E_DAU: algList(c, dns, data, dataLen, DAU_NAMES); break;
      case E_DHU: algList(c, dns, data, dataLen, DHU_NAMES); break;
      case E_N3U: algList(c, dns, data, dataLen, N3U_NAMES); break;
      case E_CHAIN: printFqdn(c, dns, data, data + dataLen); break;
      default: {
        let s = '';
        for (let k = 0; k < dataLen; k++) s += HEX2[dns.data(data + k)]!;
        c.write(s);
      }
    }
  }
  return data + dataLen;
}

/** A question at index `q`; returns the index after it or -1. */
function printQuestion(c: PrintContext, dns: Dns, q: number, mdns: boolean): number {
  const fixed = dns.skipName(q);
  if (fixed === -1 || !dns.dataCaptured(fixed + DNS_QUESTION_FIXED_LENGTH)) return -1;
  const f = dns.at(fixed);
  c.ch(32); c.write(typeName(f.type));
  const raw = f.rrClass;
  // mDNS (RFC 6762 §5.4) uses the top bit of the class as the unicast-response flag.
  const cls = mdns ? raw & 0x7fff : raw;
  if (cls !== 1) c.write(` ${className(cls)}`);
  if (mdns) c.write(raw & 0x8000 ? ' (QU)' : ' (QM)');
  c.write('? ');
  const r = printFqdn(c, dns, q, 0);
  return r === -1 ? -1 : r + DNS_QUESTION_FIXED_LENGTH;
}

/**
 * A resource record at index `rr`; returns the index after it, -1 when it cannot be printed, or the
 * captured end when its fixed fields are cut short (tcpdump then stops the section quietly and
 * reports truncation).
 */
function printRecord(c: PrintContext, dns: Dns, rr: number, mdns: boolean): number {
  const v = c.o.verbose, end = dns.messageCaptured;
  let fixed: number;
  if (v) {
    c.write(' ');
    fixed = printFqdn(c, dns, rr, 0);
    if (fixed === -1) return -1;
  } else {
    fixed = dns.skipName(rr);
  }
  if (fixed === -1 || !dns.dataCaptured(fixed + DNS_RR_FIXED_LENGTH)) return end;
  const f = dns.at(fixed);
  const typ = f.type;
  const raw = f.rrClass;
  // mDNS (RFC 6762 §10.2) uses the top bit of the class as the cache-flush flag.
  const cls = mdns ? raw & 0x7fff : raw;
  if (cls !== 1 && typ !== T_OPT) c.write(` ${className(cls)}`);
  if (mdns && raw & 0x8000) c.write(' (Cache flush)');
  let optFlags = 0;
  if (typ === T_OPT) {
    optFlags = f.optFlags;
  } else if (v > 2) {
    c.write(` [${relTime(f.ttl)}]`);
  }
  const len = f.rdLength;
  const rd = fixed + DNS_RR_FIXED_LENGTH;
  const rp = rd + len;
  c.write(` ${typeName(typ)}`);
  if (rp > end) return -1;

  switch (typ) {
    case T_A:
      if (!dns.dataCaptured(rd + 4)) return -1;
      c.write(` ${dns.at(rd).a}`);
      break;
    case T_NS: case T_CNAME: case T_PTR: case T_DNAME:
      c.write(' ');
      if (printFqdn(c, dns, rd, 0) === -1) return -1;
      break;
    case T_SOA: {
      if (!v) break;
      c.write(' ');
      let i = printFqdn(c, dns, rd, 0);
      if (i === -1) return -1;
      c.write(' ');
      i = printFqdn(c, dns, i, 0);
      if (i === -1) return -1;
      if (!dns.dataCaptured(i + DNS_SOA_COUNTERS_LENGTH)) return -1;
      const soa = dns.at(i);
      c.write(` ${soa.soaValue(0)} ${soa.soaValue(1)} ${soa.soaValue(2)} ${soa.soaValue(3)} ${soa.soaValue(4)}`);
      break;
    }
    case T_MX:
      c.write(' ');
      if (!dns.dataCaptured(rd + DNS_MX_NAME_AT)) return -1;
      if (printFqdn(c, dns, rd + DNS_MX_NAME_AT, 0) === -1) return -1;
      c.write(` ${dns.at(rd).preference}`);
      break;
    case T_TXT: {
      let i = rd;
      while (i < rp) {
        c.write(' "');
        i = printCString(c, dns, i);
        if (i === -1) return -1;
        c.write('"');
      }
      break;
    }
    case T_SRV: {
      c.write(' ');
      if (!dns.dataCaptured(rd + DNS_SRV_NAME_AT)) return -1;
      if (printFqdn(c, dns, rd + DNS_SRV_NAME_AT, 0) === -1) return -1;
      const srv = dns.at(rd);
      c.write(`:${srv.srvPort} ${srv.preference} ${srv.weight}`);
      break;
    }
    case T_AAAA:
      if (!dns.dataCaptured(rd + 16)) return -1;
      c.write(` ${dns.at(rd).aaaa}`);
      break;
    case T_A6: {
      const pbit = dns.data(rd);
      const pbyte = (pbit & ~7) >> 3;
      if (pbit > 128) { c.write(` ${pbit}(bad plen)`); break; }
      if (pbit < 128) {
        const a = new Uint8Array(16);
        for (let k = pbyte; k < 16; k++) a[k] = dns.data(rd + 1 + k - pbyte);
        c.write(` ${pbit} ${ipv6ToString(a, 0)}`);
      }
      if (pbit > 0) {
        c.write(' ');
        if (printFqdn(c, dns, rd + 1 + 16 - pbyte, 0) === -1) return -1;
      }
      break;
    }
    case T_URI: {
      if (!dns.dataCaptured(rd + len)) return -1;
      const uri = dns.at(rd);
      c.write(` ${uri.preference} ${uri.weight} `);
      // A length under 4 wraps around in tcpdump, printing to the end of the capture.
      if (printn(c, dns, rd + DNS_URI_TARGET_AT, (len - 4) >>> 0)) return -1;
      break;
    }
    case T_OPT:
      c.write(` UDPsize=${cls}`);
      if (optFlags & 0x8000) c.write(' DO');
      if (rd < rp) {
        c.write(' [');
        for (let i = rd; i < rp;) {
          i = printEdnsOption(c, dns, i);
          if (i === -1) return -1;
          if (i < rp) c.write(',');
        }
        c.write(']');
      }
      break;
    case T_UNSPECA:
      if (!dns.dataCaptured(rd + len)) return -1;
      if (printn(c, dns, rd, len)) return -1;
      break;
    case T_TSIG: {
      if (rp > end) return -1;
      if (!v) break;
      c.write(' ');
      let i = printFqdn(c, dns, rd, 0);
      if (i === -1) return -1;
      i += DNS_TSIG_TIME_LENGTH;
      if (!dns.dataCaptured(i + 2)) return -1;
      c.write(` fudge=${dns.at(i).u16Field}`);
      i += 2;
      if (!dns.dataCaptured(i + 2)) return -1;
      const macLen = dns.at(i).u16Field;
      c.write(` maclen=${macLen}`);
      i += 2 + macLen;
      if (!dns.dataCaptured(i + 2)) return -1;
      c.write(` origid=${dns.at(i).u16Field}`);
      i += 2;
      if (!dns.dataCaptured(i + 2)) return -1;
      c.write(` error=${dns.at(i).u16Field}`);
      i += 2;
      if (!dns.dataCaptured(i + 2)) return -1;
      c.write(` otherlen=${dns.at(i).u16Field}`);
      break;
    }
  }
  return rp;
}

/**
 * Prints `count` records, comma separated, after `label`, from index `i`; returns the index after
 * them, or -1 when a record cannot be printed or some are missing (the caller then reports ` [|domain]`).
 */
function printSection(c: PrintContext, dns: Dns, i: number, count: number, label: string, first: boolean, mdns: boolean): number {
  const end = dns.messageCaptured;
  if (count === 0 || (!first && i >= end)) return count !== 0 ? -1 : i;
  c.write(label);
  i = printRecord(c, dns, i, mdns);
  if (i === -1) return -1;
  count--;
  while (i < end && count !== 0) {
    c.write(',');
    i = printRecord(c, dns, i, mdns);
    if (i === -1) return -1;
    count--;
  }
  return count !== 0 ? -1 : i;
}

/** How the DNS printer was reached: by UDP (and mDNS's port) or by TCP (a length prefix first). */
export const DnsTransport = { Udp: 0, Tcp: 1, Mdns: 2 } as const;
export type DnsTransport = (typeof DnsTransport)[keyof typeof DnsTransport];

/**
 * A DNS message `dns`, `length` bytes on the wire; over TCP it starts with the 2-byte length
 * (tcpdump's domain_print). mDNS (UDP port 5353) reads the class's top bit as mDNS flags.
 * A message cut short is reported here (` [|domain]`, tcpdump's `goto trunc`), so the -x dump
 * still leaves out the link header; only reads tcpdump makes with GET_* unwind (TRUNCATED).
 */
export function printDns(c: PrintContext, dns: Dns, length: number, transport: DnsTransport): void {
  c.protocol = 'domain';
  const overTcp = transport === DnsTransport.Tcp;
  dns.frameForPrinting(overTcp);
  if (overTcp) {
    if (length < DNS_TCP_PREFIX_LENGTH) {
      c.write(` [DNS over TCP: length ${length} < 2]`);
      c.invalid();
      return;
    }
    length -= DNS_TCP_PREFIX_LENGTH;
    const prefix = dns.prefixLength;
    if (prefix !== length) {
      c.write(` [prefix length(${prefix}) != length(${length})]`);
      c.invalid();
      return;
    }
    c.write(' ');
  }
  if (length < DNS_HEADER_LENGTH) {
    c.write(`domain [length ${length} < 12]`);
    c.invalid();
    return;
  }
  if (!dns.dataCaptured(DNS_HEADER_LENGTH)) { c.truncMark(); return; }
  if (printMessage(c, dns, transport === DnsTransport.Mdns)) {
    if (length >= 0) { c.write(' ('); c.num(length); c.ch(41); } else c.write(` (${length})`);
  } else c.truncMark();
}

/** Everything after the 12-byte header check; false where tcpdump goes to `trunc`. */
function printMessage(c: PrintContext, dns: Dns, mdns: boolean): boolean {
  const id = dns.headerWord(0), flags = dns.headerWord(1);
  const qd = dns.headerWord(2), an = dns.headerWord(3), ns = dns.headerWord(4), ar = dns.headerWord(5);
  const opcode = (flags >> 11) & 0xf;
  const v = c.o.verbose;
  let i = DNS_HEADER_LENGTH;

  if (flags & 0x8000) {
    const rcode = dns.extendedRcode(flags & 0xf);
    // Numbers and flags written straight into the line: every DNS packet prints them (no string per packet).
    c.num(id); c.write(NS_OPS[opcode]!);
    if (rcode < NS_RESP.length) c.write(NS_RESP[rcode]!); else { c.write(' Resp'); c.num(rcode & 0xfff); }
    if (flags & 0x0400) c.ch(42);   // '*'
    if ((flags & 0x0080) === 0) c.ch(45);   // '-'
    if (flags & 0x0200) c.ch(124);  // '|'
    if (flags & 0x0020) c.ch(36);   // '$'
    if (qd !== 1) c.write(` [${qd}q]`);
    for (let k = 0; k < qd; k++) {
      if (k !== 0) c.write(',');
      if (v > 1) {
        c.write(' q:');
        i = printQuestion(c, dns, i, mdns);
        if (i === -1) return false;
      } else {
        i = dns.skipName(i);
        if (i === -1) return false;
        i += DNS_QUESTION_FIXED_LENGTH;
      }
    }
    c.ch(32); c.num(an); c.ch(47); c.num(ns); c.ch(47); c.num(ar);
    i = printSection(c, dns, i, an, '', true, mdns);
    if (i === -1) return false;
    if (v > 1) {
      i = printSection(c, dns, i, ns, ' ns:', false, mdns);
      if (i === -1) return false;
      if (printSection(c, dns, i, ar, ' ar:', false, mdns) === -1) return false;
    }
  } else {
    c.num(id); c.write(NS_OPS[opcode]!);
    if (flags & 0x0100) c.ch(43);   // '+'
    if (flags & 0x0010) c.ch(37);   // '%'
    if (flags & 0x6cf) c.write(` [b2&3=0x${flags.toString(16)}]`);
    if (opcode === 1) {
      if (qd) c.write(` [${qd}q]`);
      if (an !== 1) c.write(` [${an}a]`);
    } else {
      if (an) c.write(` [${an}a]`);
      if (qd !== 1) c.write(` [${qd}q]`);
    }
    if (ns) c.write(` [${ns}n]`);
    if (ar) c.write(` [${ar}au]`);
    let left = qd;
    if (left) {
      const end = dns.messageCaptured;
      i = printQuestion(c, dns, i, mdns);
      if (i === -1) return false;
      left--;
      while (i < end && left) {
        i = printQuestion(c, dns, i, mdns);
        if (i === -1) return false;
        left--;
      }
    }
    if (left) return false;
    if (v > 1) {
      i = printSection(c, dns, i, an, '', true, mdns);
      if (i === -1) return false;
      i = printSection(c, dns, i, ns, ' ns:', false, mdns);
      if (i === -1) return false;
      if (printSection(c, dns, i, ar, ' ar:', false, mdns) === -1) return false;
    }
  }
  return true;
}
