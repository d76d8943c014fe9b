// DNS printer (RFC 1035, EDNS0 RFC 6891), giving tcpdump 4.99's domain_print text.
import type { PrintContext } from './context.js';
import { safeChar } from './print-char.js';
import { printDomainName, type DataReader } from './view-text.js';
import { ipv4ToString, ipv6ToString } from '../../decoders/addr.js';

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

/**
 * tcpdump's nd_printn: up to `n` bytes from `at` through safeChar, stopping at the readable end.
 * Returns true when the end cut it short.
 */
function printn(c: PrintContext, at: number, n: number): boolean {
  let s = '';
  while (n > 0 && at < c.end) { s += safeChar(c.buf[at]!); at++; n--; }
  c.write(s);
  return n !== 0;
}

/** ns_nskip: the offset after the name at `cp`, or -1 when it cannot be skipped. */
function skipName(c: PrintContext, cp: number): number {
  if (!c.has(cp, 1)) return -1;
  let i = c.buf[cp++]!;
  while (i !== 0) {
    switch (i & 0xc0) {
      case 0xc0: return cp + 1;
      case 0x40: {
        if ((i & 0x3f) !== 1) return -1;              // only bit-string labels are defined
        if (!c.has(cp, 1)) return -1;
        const bitlen = c.buf[cp]! || 256;
        cp += 1 + ((bitlen + 7) >> 3);
        break;
      }
      case 0x80: return -1;
      default: cp += i;
    }
    if (!c.has(cp, 1)) return -1;
    i = c.buf[cp++]!;
  }
  return cp;
}

/** The frame's bytes by absolute index, through the context's checked reads: printDomainName's reader here. */
class FrameBytes implements DataReader {
  c!: PrintContext;
  data(i: number): number { return this.c.u8(i); }
  dataCaptured(n: number): boolean { return this.c.has(n - 1, 1); }
}
const frameBytes = new FrameBytes();

/**
 * tcpdump's fqdn_print: the name at `cp`, compression pointers relative to `base` (view-text.ts's
 * printDomainName over the frame's bytes). Returns the offset after the name in place, or -1.
 */
export function printFqdn(c: PrintContext, cp: number, base: number): number {
  frameBytes.c = c;
  return printDomainName(c, frameBytes, cp, base);
}

/** A <character-string>; returns the offset after it or -1. */
function printCString(c: PrintContext, cp: number): number {
  if (!c.has(cp, 1)) return -1;
  const n = c.buf[cp++]!;
  if (printn(c, cp, n)) return -1;
  return cp + n;
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

/** EDNS Client Subnet (RFC 7871) as address/source/scope. */
function printEcs(c: PrintContext, cp: number, dataLen: number): void {
  if (dataLen < 4) { c.invalid(); return; }
  const family = c.u16(cp), srcLen = c.u8(cp + 2), scopeLen = c.u8(cp + 3);
  const addrBits = family === 1 ? 32 : family === 2 ? 128 : 0;
  if (addrBits === 0 || dataLen - 4 > addrBits / 8 || srcLen > addrBits || scopeLen > addrBits ||
      ((srcLen + 7) >> 3) !== dataLen - 4) {
    c.invalid();
    return;
  }
  const padded = new Uint8Array(16);
  for (let k = 0; k < dataLen - 4; k++) padded[k] = c.u8(cp + 4 + k);
  const addr = family === 1 ? ipv4ToString(padded, 0) : ipv6ToString(padded, 0);
  c.write(`${addr}/${srcLen}/${scopeLen}`);
}

function algList(c: PrintContext, cp: number, n: number, names: Map<number, string>): void {
  let s = '';
  for (let k = 0; k < n; k++) {
    const a = c.u8(cp + k);
    s += (k > 0 ? ' ' : '') + (names.get(a) ?? `Alg_${a}`);
  }
  c.write(s);
}

/** One EDNS option; returns the offset after it or -1 when cut short. */
function printEdnsOption(c: PrintContext, cp: number): number {
  if (!c.has(cp, 2)) return -1;
  const opt = c.u16(cp);
  cp += 2;
  c.write(EDNS_OPT_NAMES.get(opt) ?? `Opt${opt}`);
  if (!c.has(cp, 2)) return -1;
  const dataLen = c.u16(cp);
  cp += 2;
  if (!c.has(cp, dataLen)) return -1;
  if (dataLen > 0) {
    c.write(' ');
    switch (opt) {
      case E_ECS: printEcs(c, cp, dataLen); break;
      case E_COOKIE:
        if (dataLen < 8 || (dataLen > 8 && dataLen < 16) || dataLen > 40) c.invalid();
        else {
          let s = '';
          for (let k = 0; k < dataLen; k++) s += (k === 8 ? ' ' : '') + HEX2[c.buf[cp + k]!]!;
          c.write(s);
        }
        break;
      case E_KEEPALIVE:
        if (dataLen !== 2) c.invalid();
        else c.write(`${(c.u16(cp) / 10).toFixed(1)} sec`);
        break;
      case E_EXPIRE:
        if (dataLen !== 4) c.invalid();
        else c.write(`${c.u32(cp)} sec`);
        break;
      case E_PADDING: c.write(`(${dataLen})`); break;
      case E_KEYTAG:
        if (dataLen % 2 !== 0) c.invalid();
        else {
          let s = '';
          for (let k = 0; k < dataLen; k += 2) s += (k > 0 ? ' ' : '') + c.u16(cp + k);
          c.write(s);
        }
        break;
      case E_DAU: algList(c, cp, dataLen, DAU_NAMES); break;
      case E_DHU: algList(c, cp, dataLen, DHU_NAMES); break;
      case E_N3U: algList(c, cp, dataLen, N3U_NAMES); break;
      case E_CHAIN: printFqdn(c, cp, cp + dataLen); break;
      default: {
        let s = '';
        for (let k = 0; k < dataLen; k++) s += HEX2[c.buf[cp + k]!]!;
        c.write(s);
      }
    }
  }
  return cp + dataLen;
}

/** A question; returns the offset after it or -1. */
function printQuestion(c: PrintContext, cp: number, base: number, mdns: boolean): number {
  const np = cp;
  cp = skipName(c, cp);
  if (cp === -1 || !c.has(cp, 4)) return -1;
  c.write(` ${typeName(c.u16(cp))}`);
  const raw = c.u16(cp + 2);
  // mDNS (RFC 6762 §5.4) uses the top bit of the class as the unicast-response flag.
  const cls = mdns ? raw & 0x7fff : raw;
  if (cls !== 1) c.write(` ${className(cls)}`);
  if (mdns) c.write(raw & 0x8000 ? ' (QU)' : ' (QM)');
  c.write('? ');
  const r = printFqdn(c, np, base);
  return r === -1 ? -1 : r + 4;
}

/**
 * A resource record; returns the offset after it, -1 when it cannot be printed, or c.end when
 * its fixed fields are cut short (tcpdump then stops the section quietly and reports truncation).
 */
function printRecord(c: PrintContext, cp: number, base: number, mdns: boolean): number {
  const v = c.o.verbose;
  if (v) {
    c.write(' ');
    cp = printFqdn(c, cp, base);
    if (cp === -1) return -1;
  } else {
    cp = skipName(c, cp);
  }
  if (cp === -1 || !c.has(cp, 10)) return c.end;
  const typ = c.u16(cp);
  const raw = c.u16(cp + 2);
  // mDNS (RFC 6762 §10.2) uses the top bit of the class as the cache-flush flag.
  const cls = mdns ? raw & 0x7fff : raw;
  cp += 4;
  if (cls !== 1 && typ !== T_OPT) c.write(` ${className(cls)}`);
  if (mdns && raw & 0x8000) c.write(' (Cache flush)');
  let optFlags = 0;
  if (typ === T_OPT) {
    optFlags = c.u16(cp + 2);
  } else if (v > 2) {
    c.write(` [${relTime(c.u32(cp))}]`);
  }
  cp += 4;
  const len = c.u16(cp);
  cp += 2;
  const rp = cp + len;
  c.write(` ${typeName(typ)}`);
  if (rp > c.end) return -1;

  switch (typ) {
    case T_A:
      if (!c.has(cp, 4)) return -1;
      c.write(` ${ipv4ToString(c.buf, cp)}`);
      break;
    case T_NS: case T_CNAME: case T_PTR: case T_DNAME:
      c.write(' ');
      if (printFqdn(c, cp, base) === -1) return -1;
      break;
    case T_SOA: {
      if (!v) break;
      c.write(' ');
      cp = printFqdn(c, cp, base);
      if (cp === -1) return -1;
      c.write(' ');
      cp = printFqdn(c, cp, base);
      if (cp === -1) return -1;
      if (!c.has(cp, 20)) return -1;
      c.write(` ${c.u32(cp)} ${c.u32(cp + 4)} ${c.u32(cp + 8)} ${c.u32(cp + 12)} ${c.u32(cp + 16)}`);
      break;
    }
    case T_MX:
      c.write(' ');
      if (!c.has(cp, 2)) return -1;
      if (printFqdn(c, cp + 2, base) === -1) return -1;
      c.write(` ${c.u16(cp)}`);
      break;
    case T_TXT:
      while (cp < rp) {
        c.write(' "');
        cp = printCString(c, cp);
        if (cp === -1) return -1;
        c.write('"');
      }
      break;
    case T_SRV:
      c.write(' ');
      if (!c.has(cp, 6)) return -1;
      if (printFqdn(c, cp + 6, base) === -1) return -1;
      c.write(`:${c.u16(cp + 4)} ${c.u16(cp)} ${c.u16(cp + 2)}`);
      break;
    case T_AAAA:
      if (!c.has(cp, 16)) return -1;
      c.write(` ${ipv6ToString(c.buf, cp)}`);
      break;
    case T_A6: {
      const pbit = c.u8(cp);
      const pbyte = (pbit & ~7) >> 3;
      if (pbit > 128) { c.write(` ${pbit}(bad plen)`); break; }
      if (pbit < 128) {
        const a = new Uint8Array(16);
        for (let k = pbyte; k < 16; k++) a[k] = c.u8(cp + 1 + k - pbyte);
        c.write(` ${pbit} ${ipv6ToString(a, 0)}`);
      }
      if (pbit > 0) {
        c.write(' ');
        if (printFqdn(c, cp + 1 + 16 - pbyte, base) === -1) return -1;
      }
      break;
    }
    case T_URI:
      if (!c.has(cp, len)) return -1;
      c.write(` ${c.u16(cp)} ${c.u16(cp + 2)} `);
      // A length under 4 wraps around in tcpdump, printing to the end of the capture.
      if (printn(c, cp + 4, (len - 4) >>> 0)) return -1;
      break;
    case T_OPT:
      c.write(` UDPsize=${cls}`);
      if (optFlags & 0x8000) c.write(' DO');
      if (cp < rp) {
        c.write(' [');
        while (cp < rp) {
          cp = printEdnsOption(c, cp);
          if (cp === -1) return -1;
          if (cp < rp) c.write(',');
        }
        c.write(']');
      }
      break;
    case T_UNSPECA:
      if (!c.has(cp, len)) return -1;
      if (printn(c, cp, len)) return -1;
      break;
    case T_TSIG: {
      if (rp > c.end) return -1;
      if (!v) break;
      c.write(' ');
      cp = printFqdn(c, cp, base);
      if (cp === -1) return -1;
      cp += 6;
      if (!c.has(cp, 2)) return -1;
      c.write(` fudge=${c.u16(cp)}`);
      cp += 2;
      if (!c.has(cp, 2)) return -1;
      const macLen = c.u16(cp);
      c.write(` maclen=${macLen}`);
      cp += 2 + macLen;
      if (!c.has(cp, 2)) return -1;
      c.write(` origid=${c.u16(cp)}`);
      cp += 2;
      if (!c.has(cp, 2)) return -1;
      c.write(` error=${c.u16(cp)}`);
      cp += 2;
      if (!c.has(cp, 2)) return -1;
      c.write(` otherlen=${c.u16(cp)}`);
      break;
    }
  }
  return rp;
}

/** The extended RCODE: the header's 4 bits plus the upper 8 from an OPT record's TTL, if any. */
function extendedRcode(c: PrintContext, base: number, qd: number, anNs: number, ar: number, rcode: number): number {
  let cp = base + 12;
  for (let i = 0; i < qd; i++) {
    cp = skipName(c, cp);
    if (cp === -1) return rcode;
    cp += 4;
    if (cp >= c.end) return rcode;
  }
  for (let i = 0; i < anNs; i++) {
    cp = skipName(c, cp);
    if (cp === -1) return rcode;
    cp += 8;
    if (cp + 2 > c.end) return rcode;
    cp += 2 + c.u16(cp);
    if (cp >= c.end) return rcode;
  }
  for (let i = 0; i < ar; i++) {
    cp = skipName(c, cp);
    if (cp === -1 || cp + 2 > c.end) return rcode;
    const type = c.u16(cp);
    cp += 4;
    if (cp + 1 > c.end) return rcode;
    if (type === T_OPT) return rcode | (c.buf[cp]! << 4);
    cp += 4;
    if (cp + 2 > c.end) return rcode;
    cp += 2 + c.u16(cp);
    if (cp >= c.end) return rcode;
  }
  return rcode;
}

/**
 * Prints `count` records, comma separated, after `label`; returns the offset after them, or -1
 * when a record cannot be printed or some are missing (the caller then reports ` [|domain]`).
 */
function printSection(c: PrintContext, cp: number, base: number, count: number, label: string, first: boolean, mdns: boolean): number {
  if (count === 0 || (!first && cp >= c.end)) return count !== 0 ? -1 : cp;
  c.write(label);
  cp = printRecord(c, cp, base, mdns);
  if (cp === -1) return -1;
  count--;
  while (cp < c.end && count !== 0) {
    c.write(',');
    cp = printRecord(c, cp, base, mdns);
    if (cp === -1) return -1;
    count--;
  }
  return count !== 0 ? -1 : cp;
}

/**
 * DNS message at `off`, `length` bytes on the wire; over TCP it starts with the 2-byte length
 * (tcpdump's domain_print). `mdns` (UDP port 5353) reads the class's top bit as mDNS flags.
 * A message cut short is reported here (` [|domain]`, tcpdump's `goto trunc`), so the -x dump
 * still leaves out the link header; only reads tcpdump makes with GET_* unwind (TRUNCATED).
 */
export function printDns(c: PrintContext, off: number, length: number, overTcp: boolean, mdns = false): void {
  c.protocol = 'domain';
  if (overTcp) {
    if (length < 2) {
      c.write(` [DNS over TCP: length ${length} < 2]`);
      c.invalid();
      return;
    }
    length -= 2;
    const prefix = c.u16(off);
    if (prefix !== length) {
      c.write(` [prefix length(${prefix}) != length(${length})]`);
      c.invalid();
      return;
    }
    off += 2;
    c.write(' ');
  }
  if (length < 12) {
    c.write(`domain [length ${length} < 12]`);
    c.invalid();
    return;
  }
  if (!c.has(off, 12)) { c.truncMark(); return; }
  if (printMessage(c, off, mdns)) c.write(` (${length})`);
  else c.truncMark();
}

/** Everything after the 12-byte header check; false where tcpdump goes to `trunc`. */
function printMessage(c: PrintContext, off: number, mdns: boolean): boolean {
  const id = c.u16(off), flags = c.u16(off + 2);
  const qd = c.u16(off + 4), an = c.u16(off + 6), ns = c.u16(off + 8), ar = c.u16(off + 10);
  const opcode = (flags >> 11) & 0xf;
  const v = c.o.verbose;
  let cp = off + 12;

  if (flags & 0x8000) {
    const rcode = extendedRcode(c, off, qd, an + ns, ar, flags & 0xf);
    c.write(`${id}${NS_OPS[opcode]!}${rcode < NS_RESP.length ? NS_RESP[rcode]! : ` Resp${rcode & 0xfff}`}` +
      `${flags & 0x0400 ? '*' : ''}${flags & 0x0080 ? '' : '-'}${flags & 0x0200 ? '|' : ''}${flags & 0x0020 ? '$' : ''}`);
    if (qd !== 1) c.write(` [${qd}q]`);
    for (let i = 0; i < qd; i++) {
      if (i !== 0) c.write(',');
      if (v > 1) {
        c.write(' q:');
        cp = printQuestion(c, cp, off, mdns);
        if (cp === -1) return false;
      } else {
        cp = skipName(c, cp);
        if (cp === -1) return false;
        cp += 4;
      }
    }
    c.write(` ${an}/${ns}/${ar}`);
    cp = printSection(c, cp, off, an, '', true, mdns);
    if (cp === -1) return false;
    if (v > 1) {
      cp = printSection(c, cp, off, ns, ' ns:', false, mdns);
      if (cp === -1) return false;
      if (printSection(c, cp, off, ar, ' ar:', false, mdns) === -1) return false;
    }
  } else {
    c.write(`${id}${NS_OPS[opcode]!}${flags & 0x0100 ? '+' : ''}${flags & 0x0010 ? '%' : ''}`);
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
      cp = printQuestion(c, cp, off, mdns);
      if (cp === -1) return false;
      left--;
      while (cp < c.end && left) {
        cp = printQuestion(c, cp, off, mdns);
        if (cp === -1) return false;
        left--;
      }
    }
    if (left) return false;
    if (v > 1) {
      cp = printSection(c, cp, off, an, '', true, mdns);
      if (cp === -1) return false;
      cp = printSection(c, cp, off, ns, ' ns:', false, mdns);
      if (cp === -1) return false;
      if (printSection(c, cp, off, ar, ' ar:', false, mdns) === -1) return false;
    }
  }
  return true;
}
