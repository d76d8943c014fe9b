// ICMPv6 printer (RFC 4443), with Neighbor Discovery (RFC 4861) and its options, MLD (RFC 2710,
// RFC 3810), node information (RFC 4620), router renumbering (RFC 2894) and RPL (in rpl.ts), as
// tcpdump 4.99's print-icmp6.c.
import type { PrintContext } from './context.js';
import { cksumShouldBe } from '../../decoders/checksum.js';
import {
  MLDV2_QUERY_LENGTH, MLDV2_RECORD_HEADER_LENGTH, MLDV2_REPORT_HEADER_LENGTH, ND_OPTION_HEADER_LENGTH, NODE_INFO_HEADER_LENGTH,
  RR_MATCH_END, RR_USE_LENGTH, type Icmpv6,
} from '../../decoders/icmpv6.js';
import { printDomainName } from './view-text.js';
import { safeChar } from './print-char.js';
import { printRpl } from './rpl.js';
import { hexPrint } from './dump.js';

const HEX2: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex4 = (n: number): string => n.toString(16).padStart(4, '0');

const TYPE_NAMES = new Map<number, string>([
  [1, 'destination unreachable'], [2, 'packet too big'], [3, 'time exceeded in-transit'],
  [4, 'parameter problem'], [128, 'echo request'], [129, 'echo reply'],
  [130, 'multicast listener query'], [131, 'multicast listener report'], [132, 'multicast listener done'],
  [133, 'router solicitation'], [134, 'router advertisement'], [135, 'neighbor solicitation'],
  [136, 'neighbor advertisement'], [137, 'redirect'], [138, 'router renumbering'],
  [141, 'inverse neighbor solicitation'], [142, 'inverse neighbor advertisement'],
  [143, 'multicast listener report v2'], [144, 'ha discovery request'], [145, 'ha discovery reply'],
  [146, 'mobile router solicitation'], [147, 'mobile router advertisement'],
  // 139/140 are also node information query/reply; tcpdump's table names them this way first.
  [139, 'who-are-you request'], [140, 'who-are-you reply'],
  [201, 'mtrace message'], [200, 'mtrace response'], [155, 'RPL'],
]);

const UNREACH_NAMES: readonly string[] = ['unreachable route', ' unreachable prohibited', 'beyond scope', 'unreachable address', 'unreachable port'];

const OPT_NAMES = new Map<number, string>([
  [1, 'source link-address'], [2, 'destination link-address'], [3, 'prefix info'],
  [4, 'redirected header'], [5, 'mtu'], [25, 'rdnss'], [31, 'dnssl'],
  [7, 'advertisement interval'], [8, 'homeagent information'], [24, 'route info'],
]);

const PI_FLAG_BITS: readonly number[] = [0x80, 0x40, 0x20];
const PI_FLAG_NAMES: readonly string[] = ['onlink', 'auto', 'router'];
const RA_FLAG_BITS: readonly number[] = [0x80, 0x40, 0x20, 0x02];
const RA_FLAG_NAMES: readonly string[] = ['managed', 'other stateful', 'home agent', 'ipv6 only'];
const NA_FLAG_BITS: readonly number[] = [0x80000000, 0x40000000, 0x20000000];
const NA_FLAG_NAMES: readonly string[] = ['router', 'solicited', 'override'];
const PARAM_PROBLEM_NAMES: readonly string[] = ['erroneous', 'next header', 'option', 'incomplete header chain'];

const MLDV2_REPORT_TYPES: readonly string[] = ['', 'is_in', 'is_ex', 'to_in', 'to_ex', 'allow', 'block'];
const RTPREF: readonly string[] = ['medium', 'high', 'rsv', 'low'];

/** tcpdump's bittok2str: names of the set bits joined by ", ", or "none". */
function flagNames(v: number, bits: readonly number[], names: readonly string[]): string {
  let s = '';
  for (let k = 0; k < bits.length; k++) if (v & bits[k]!) s += (s ? ', ' : '') + names[k]!;
  return s || 'none';
}

function lifetime(v: number): string { return v === 0xffffffff ? 'infinity' : `${v}s`; }

/**
 * Neighbor Discovery options from byte `start` of the message; false when one is malformed or cut
 * short (tcpdump's `goto trunc` there: the caller reports ` [|icmp6]` and returns; reads past the
 * end still unwind).
 */
function printNdOptions(ic: Icmpv6, c: PrintContext, start: number, resid: number): boolean {
  const v = c.o.verbose;
  for (let i = start; ic.has(i + 1);) {
    const opt = ic.ndOption(i);
    if (!opt.has(ND_OPTION_HEADER_LENGTH)) return false;
    if (resid <= 0) return true;
    const type = opt.type, optLen = opt.lengthUnits, bytes = optLen << 3;
    if (optLen === 0 || !opt.has(bytes)) return false;
    c.write(`\n\t  ${OPT_NAMES.get(type) ?? 'unknown'} option (${type}), length ${bytes} (${optLen}): `);
    switch (type) {
      case 1:
      case 2: {
        let s = '';
        for (let k = 0, n = bytes - ND_OPTION_HEADER_LENGTH; k < n; k++) s += (k ? ':' : '') + HEX2[opt.linkAddressByte(k)]!;
        c.write(s);
        break;
      }
      case 3: {
        const flags = opt.prefixFlags;
        c.write(`${opt.prefix}/${opt.prefixLength}${optLen !== 4 ? 'badlen' : ''}, Flags [` +
          `${flagNames(flags, PI_FLAG_BITS, PI_FLAG_NAMES)}], valid time ${lifetime(opt.validLifetime)}`);
        c.write(`, pref. time ${lifetime(opt.preferredLifetime)}`);
        break;
      }
      case 4:
        // tcpdump dumps from the first option, not this one.
        c.write(hexPrint(c, '\n\t    ', ic.off + start, bytes));
        break;
      case 5:
        c.write(` ${opt.value32}${optLen !== 1 ? 'bad option length' : ''}`);
        break;
      case 25: {
        let s = ` lifetime ${opt.value32}s,`;
        for (let k = 0, n = (optLen - 1) >> 1; k < n; k++) s += ` addr: ${opt.rdnssAddress(k)}`;
        c.write(s);
        break;
      }
      case 31: {
        c.write(` lifetime ${opt.value32}s, domain(s):`);
        // The names' compression pointers count from the first option (tcpdump passes that as the message start).
        let dom = i + opt.domainsStart;
        const lim = i + bytes;
        while (dom < lim && ic.byte(dom) !== 0) {
          c.write(' ');
          dom = printDomainName(c, ic, dom, start);
          if (dom === -1) return false;
        }
        break;
      }
      case 7:
        c.write(` ${opt.value32}ms`);
        break;
      case 8:
        c.write(` preference ${opt.homeAgentPreference}, lifetime ${opt.homeAgentLifetime}`);
        break;
      case 24: {
        if (!opt.has(8)) return false;
        let prefix: string;
        if (optLen === 2) prefix = opt.routePrefix(8);
        else if (optLen === 3) prefix = opt.routePrefix(16);
        else if (optLen === 1) prefix = opt.routePrefix(0);
        else return false;
        c.write(` ${prefix}/${opt.prefixLength}, pref=${RTPREF[(opt.routeFlags >> 3) & 3]!}, lifetime=${lifetime(opt.value32)}`);
        break;
      }
      default:
        if (v <= 1) {
          c.write(hexPrint(c, '\n\t  ', opt.off + ND_OPTION_HEADER_LENGTH, bytes - ND_OPTION_HEADER_LENGTH));
          return true;
        }
    }
    if (v > 1) c.write(hexPrint(c, '\n\t    ', opt.off + ND_OPTION_HEADER_LENGTH, bytes - ND_OPTION_HEADER_LENGTH));
    i += bytes;
    resid -= bytes;
  }
  return true;
}

function printMld(c: PrintContext, ic: Icmpv6): void {
  if (!ic.has(24)) return;
  c.write(`max resp delay: ${ic.maxResponseDelay!} addr: ${ic.multicastAddress!}`);
}

function printMldv2Report(c: PrintContext, ic: Icmpv6, len: number): void {
  if (len < MLDV2_REPORT_HEADER_LENGTH) { c.write(` [invalid len ${len}]`); return; }
  const ngroups = ic.recordCount!;
  c.write(`, ${ngroups} group record(s)`);
  if (!c.o.verbose) return;
  let at = MLDV2_REPORT_HEADER_LENGTH;
  for (let i = 0; i < ngroups; i++) {
    if (len < at + MLDV2_RECORD_HEADER_LENGTH) { c.write(' [invalid number of groups]'); return; }
    const r = ic.mldRecord(at);
    const rt = r.recordType;
    c.write(` [gaddr ${r.multicastAddress} ${rt >= 1 && rt <= 6 ? MLDV2_REPORT_TYPES[rt]! : ` [v2-report-#${rt}]`}`);
    const nsrcs = r.sourceCount;
    const size = MLDV2_RECORD_HEADER_LENGTH + nsrcs * 16;
    if (len < at + size) { c.write(` [invalid number of sources ${nsrcs}]`); return; }
    if (c.o.verbose === 1) {
      c.write(`, ${nsrcs} source(s)`);
    } else {
      c.write(' {');
      for (let j = 0; j < nsrcs; j++) c.write(` ${r.source(j)}`);
      c.write(' }');
    }
    at += size;
    c.write(']');
  }
}

function printMldv2Query(c: PrintContext, ic: Icmpv6, len: number): void {
  if (len < MLDV2_QUERY_LENGTH) { c.write(` [invalid len ${len}]`); return; }
  const v = c.o.verbose;
  const mrc = ic.maxResponseDelay!;
  const mrt = mrc < 32768 ? mrc : ((mrc & 0x0fff) | 0x1000) * 2 ** (((mrc & 0x7000) >> 12) + 3);
  if (v) c.write(` [max resp delay=${mrt}]`);
  c.write(` [gaddr ${ic.multicastAddress!}`);
  if (v) {
    const b24 = ic.mldQueryFlags;
    if (b24 & 0x08) c.write(' sflag');
    if (b24 & 0x07) c.write(` robustness=${b24 & 0x07}`);
    const b25 = ic.mldQqic;
    const qqi = b25 < 128 ? b25 : ((b25 & 0x0f) | 0x10) << (((b25 & 0x70) >> 4) + 3);
    c.write(` qqi=${qqi}`);
  }
  const nsrcs = ic.mldSourceCount;
  if (nsrcs > 0) {
    if (len < MLDV2_QUERY_LENGTH + nsrcs * 16) c.write(' [invalid number of sources]');
    else if (v > 1) {
      c.write(' {');
      for (let i = 0; i < nsrcs; i++) c.write(` ${ic.mldSource(i)}`);
      c.write(' }');
    } else c.write(`, ${nsrcs} source(s)`);
  }
  c.write(']');
}

/** Node-information names from byte `i` to `ep`: DNS wire format without compression, as tcpdump's dnsname_print. */
function printNiName(c: PrintContext, ic: Icmpv6, i: number, ep: number): void {
  let s = ', "';
  while (i < ep) {
    let n = ic.byte(i++);
    if (n) {
      if (n > ep - i) { s += '???'; break; }
      while (n-- && i < ep) s += safeChar(ic.byte(i++));
      if (i + 1 < ep && ic.byte(i)) s += '.';
    } else {
      if (i === ep) s += '.';
      else if (!(i + 1 === ep && ic.byte(i) === 0)) s += '???';
      break;
    }
  }
  c.write(`${s}"`);
}

function printNiPascal(c: PrintContext, ic: Icmpv6, i: number, ep: number): void {
  let s = ', "';
  while (i < ep) s += safeChar(ic.byte(i++));
  c.write(`${s}"`);
}

function nodeAddrFlags(i: number, withT: boolean): string {
  return ` [${i & 0x40 ? 'a' : ''}${i & 0x20 ? 'G' : ''}${i & 0x10 ? 'S' : ''}${i & 0x08 ? 'L' : ''}` +
    `${i & 0x04 ? 'C' : ''}${i & 0x02 ? 'A' : ''}${withT && i & 0x01 ? 'T' : ''}]`;
}

/** Node information query or reply; sizes are what was captured of the message (tcpdump's ep - bp). */
function printNodeInfo(c: PrintContext, ic: Icmpv6, icmpLen: number): void {
  const siz = ic.captured, v = c.o.verbose;
  const type = ic.type;
  if (type === 139) {
    if (siz === 12) { c.write(' who-are-you request'); return; }
    c.write(' node information query');
    if (!ic.has(NODE_INFO_HEADER_LENGTH)) { c.write(' [|icmp6]'); return; }
    c.write(' (');
    const qtype = ic.niQtype, flags = ic.niFlags;
    switch (qtype) {
      case 0: c.write('noop'); break;
      case 1: c.write('supported qtypes'); if (flags) c.write(` [${flags & 1 ? 'C' : ''}]`); break;
      case 2: c.write('DNS name'); break;
      case 3: c.write('node addresses'); if (flags) c.write(nodeAddrFlags(flags, false)); break;
      default: c.write('unknown');
    }
    if (qtype === 0 || qtype === 1) {
      if (siz !== 16 && v) c.write(', invalid len');
      c.write(')');
      return;
    }
    if (siz === 16) { c.write(', 03 draft)'); return; }
    const start = NODE_INFO_HEADER_LENGTH;
    switch (ic.code) {
      case 0:
        if (!ic.has(start + 16)) break;
        if (siz !== start + 16) { if (v) c.write(', invalid subject len'); break; }
        c.write(`, subject=${ic.niSubject6}`);
        break;
      case 1:
        c.write(', subject=DNS name');
        if (ic.byte(start) === siz - start - 1) {
          if (v) c.write(', 03 draft');
          printNiPascal(c, ic, start + 1, siz);
        } else printNiName(c, ic, start, siz);
        break;
      case 2:
        if (!ic.has(start + 4)) break;
        if (siz !== start + 4) { if (v) c.write(', invalid subject len'); break; }
        c.write(`, subject=${ic.niSubject4}`);
        break;
      default:
        c.write(', unknown subject');
    }
    c.write(')');
    return;
  }
  // node information reply
  if (icmpLen > siz || !ic.has(NODE_INFO_HEADER_LENGTH)) { c.write(' [|icmp6]'); return; }
  let needComma = false;
  c.write(' node information reply (');
  const code = ic.code;
  switch (code) {
    case 0: if (v) { c.write('success'); needComma = true; } break;
    case 1: c.write('refused'); needComma = true; if (siz !== 16 && v) c.write(', invalid length'); break;
    case 2: c.write('unknown'); needComma = true; if (siz !== 16 && v) c.write(', invalid length'); break;
  }
  if (code !== 0) { c.write(')'); return; }
  const qtype = ic.niQtype, flags = ic.niFlags;
  if (needComma) c.write(', ');
  switch (qtype) {
    case 0:
      c.write('noop');
      if (siz !== 16 && v) c.write(', invalid length');
      break;
    case 1:
      c.write('supported qtypes');
      if (flags) c.write(` [${flags & 1 ? 'C' : ''}]`);
      break;
    case 2: {
      c.write('DNS name');
      // The name follows the 4-byte TTL.
      const name = NODE_INFO_HEADER_LENGTH + 4;
      if (ic.byte(name) === siz - name - 1) {
        if (v) c.write(', 03 draft');
        printNiPascal(c, ic, name + 1, siz);
      } else printNiName(c, ic, name, siz);
      if (flags & 1) c.write(` [TTL=${ic.niTtl}]`);
      break;
    }
    case 3: {
      c.write('node addresses');
      let s = '';
      for (let i = NODE_INFO_HEADER_LENGTH; i + 20 <= siz; i += 20) s += ` ${ic.niAddress(i)}(${ic.niAddressTtl(i)})`;
      c.write(s);
      if (flags) c.write(nodeAddrFlags(flags, true));
      break;
    }
    default:
      c.write('unknown');
  }
  c.write(')');
}

function printRouterRenum(c: PrintContext, ic: Icmpv6): void {
  const v = c.o.verbose;
  if (!ic.has(16)) { c.write(' [|icmp6]'); return; }
  const code = ic.code;
  switch (code) {
    case 0: c.write(', command'); break;
    case 1: c.write(', result'); break;
    case 255: c.write(', sequence number reset'); break;
    default: c.write(`, code-#${code}`);
  }
  c.write(`, seq=${ic.rrSequence}`);
  if (v) {
    const f = ic.rrFlags;
    let s = '[';
    if (f) s += `${f & 0x80 ? 'T' : ''}${f & 0x40 ? 'R' : ''}${f & 0x20 ? 'A' : ''}${f & 0x10 ? 'S' : ''}${f & 0x08 ? 'P' : ''},`;
    s += `seg=${ic.rrSegment},maxdelay=${ic.rrMaxDelay}`;
    const rsvd = ic.rrReserved;
    if (rsvd) s += `rsvd=0x${rsvd.toString(16)}`;
    c.write(`${s}]`);
  }
  if (code !== 0) return;
  if (!ic.has(RR_MATCH_END)) { c.write(' [|icmp6]'); return; }
  c.write(v > 1 ? '\n\t' : ' ');
  const mcode = ic.rrMatchCode;
  c.write(`match(${mcode === 1 ? 'add' : mcode === 2 ? 'change' : mcode === 3 ? 'setglobal' : `#${mcode}`}`);
  if (v) c.write(`,ord=${ic.rrMatchOrdinal},min=${ic.rrMinLength},max=${ic.rrMaxLength}`);
  c.write(`,${ic.rrMatchPrefix}/${ic.rrMatchLength})`);
  let n = ic.rrMatchOperandLength - 3;
  if (n % 4) { c.write(' [|icmp6]'); return; }
  n /= 4;
  for (let i = 0; i < n; i++) {
    const u = ic.rrUse(i);
    if (!u.has(RR_USE_LENGTH)) { c.write(' [|icmp6]'); return; }
    c.write(v > 1 ? '\n\t' : ' ');
    c.write('use(');
    const uf = u.flags;
    if (uf) c.write(`${uf & 0x80 ? 'V' : ''}${uf & 0x40 ? 'P' : ''},`);
    if (v) {
      const vl = u.validLifetime, pl = u.preferredLifetime;
      c.write(`mask=0x${u.flagMask.toString(16)},raflags=0x${u.raFlags.toString(16)},` +
        `vltime=${vl === 0xffffffff ? 'infty' : vl},pltime=${pl === 0xffffffff ? 'infty' : pl},`);
    }
    c.write(`${u.usePrefix}/${u.useLength}/${u.keepLength})`);
  }
}

/** ICMPv6 message `ic`, `length` bytes on the wire, inside the IPv6 packet `c.ip`. */
export function printIcmp6(c: PrintContext, ic: Icmpv6, length: number): void {
  c.protocol = 'icmp6';
  const ip = c.ip;
  const v = c.o.verbose;
  if (length === 0) {
    c.write('ICMP6, length 0');
    c.invalid();
    return;
  }
  if (v && !ip.fragmented && ip.version === 6 && ic.has(length)) {
    const field = ic.checksum;
    const sum = ic.internetChecksum(length, ip.pseudoSum(58, length));
    if (sum !== 0) c.write(`[bad icmp6 cksum 0x${hex4(field)} -> 0x${hex4(cksumShouldBe(field, sum))}!] `);
    else c.write('[icmp6 sum ok] ');
  }
  const type = ic.type;
  c.write(`ICMP6, ${TYPE_NAMES.get(type) ?? `unknown icmp6 type (${type})`}`);
  if (v && (type === 133 || type === 134 || type === 136 || type === 135 || type === 137 || type === 145 || type === 147)) {
    c.write(`, length ${length}`);
  }
  const code = ic.code;
  switch (type) {
    case 1:
      c.write(`, ${code < UNREACH_NAMES.length ? UNREACH_NAMES[code]! : `unknown unreach code (${code})`}`);
      switch (code) {
        case 0: case 1: case 3:
          c.write(` ${ic.quotedDst}`);
          break;
        case 2:
          c.write(` ${ic.quotedDst}, source address ${ic.quotedSrc}`);
          break;
        case 4: {
          const prot = ic.quotedUpperLayer();
          if (prot < 0) { c.truncMark(); return; }
          const dst = ic.quotedDst;
          if (prot === 6) c.write(`, ${dst} tcp port ${ic.quotedPort}`);
          else if (prot === 17) c.write(`, ${dst} udp port ${ic.quotedPort}`);
          else c.write(`, ${dst} protocol ${prot} port ${ic.quotedPort} unreachable`);
          break;
        }
        default:
          if (v <= 1) { c.write(hexPrint(c, '\n\t', ic.off, length)); return; }
      }
      break;
    case 2:
      c.write(`, mtu ${ic.mtu!}`);
      break;
    case 3:
      if (code === 0) c.write(` for ${ic.quotedDst}`);
      else if (code === 1) c.write(' (reassembly)');
      else c.write(`, unknown code (${code})`);
      break;
    case 4: {
      if (!ic.quotedDstCaptured) { c.truncMark(); return; }
      if (code < 4) c.write(`, ${PARAM_PROBLEM_NAMES[code]!} - octet ${ic.pointer!}`);
      else c.write(`, code-#${code}`);
      break;
    }
    case 128: case 129:
      c.write(`, id ${ic.identifier!}, seq ${ic.sequence!}`);
      break;
    case 130:
      if (length === 24) printMld(c, ic);
      else if (length >= 28) { c.write(' v2'); printMldv2Query(c, ic, length); }
      else c.write(` unknown-version (len ${length}) `);
      break;
    case 131: case 132:
      printMld(c, ic);
      break;
    case 133:
      if (v && !printNdOptions(ic, c, 8, length - 8)) { c.truncMark(); return; }
      break;
    case 134:
      if (v) {
        const flags = ic.ndFlags!;
        c.write(`\n\thop limit ${ic.curHopLimit!}, Flags [${flagNames(flags, RA_FLAG_BITS, RA_FLAG_NAMES)}]` +
          `, pref ${RTPREF[(flags >> 3) & 3]!}, router lifetime ${ic.routerLifetime!}s, reachable time ${ic.reachableTime!}ms, retrans timer ${ic.retransTimer!}ms`);
        if (!printNdOptions(ic, c, 16, length - 16)) { c.truncMark(); return; }
      }
      break;
    case 135:
      c.write(`, who has ${ic.targetAddress!}`);
      if (v && !printNdOptions(ic, c, 24, length - 24)) { c.truncMark(); return; }
      break;
    case 136:
      c.write(`, tgt is ${ic.targetAddress!}`);
      if (v) {
        c.write(`, Flags [${flagNames(ic.naFlags!, NA_FLAG_BITS, NA_FLAG_NAMES)}]`);
        if (!printNdOptions(ic, c, 24, length - 24)) { c.truncMark(); return; }
      }
      break;
    case 137:
      c.write(`, ${ic.destinationAddress!} to ${ic.targetAddress!}`);
      if (v && !printNdOptions(ic, c, 40, length - 40)) { c.truncMark(); return; }
      break;
    case 138:
      printRouterRenum(c, ic);
      break;
    case 139: case 140:
      printNodeInfo(c, ic, length);
      break;
    case 141: case 142:
      break;
    case 143:
      printMldv2Report(c, ic, length);
      break;
    case 146: case 144:
      c.write(`, id 0x${hex4(ic.mobileIpv6Id!)}`);
      break;
    case 145:
      if (v) {
        c.write(`, id 0x${hex4(ic.mobileIpv6Id!)}`);
        for (let i = 8; i < length; i += 16) c.write(`, ${ic.homeAgentAt(i)}`);
      }
      break;
    case 147:
      if (v) {
        c.write(`, id 0x${hex4(ic.mobileIpv6Id!)}`);
        const flags = ic.mobilePrefixFlags!;
        if (flags & 0xc000) c.write(' ');
        if (flags & 0x8000) c.write('M');
        if (flags & 0x4000) c.write('O');
        if (!printNdOptions(ic, c, 8, length - 8)) { c.truncMark(); return; }
      }
      break;
    case 155:
      // Unsigned in tcpdump: a message shorter than 4 bytes claims a huge body and ends truncated.
      printRpl(c, ic.rpl, code, (length - 4) >>> 0);
      break;
    default:
      c.write(`, length ${length}`);
      if (v <= 1) c.write(hexPrint(c, '\n\t', ic.off, length));
      return;
  }
  if (!v) c.write(`, length ${length}`);
}
