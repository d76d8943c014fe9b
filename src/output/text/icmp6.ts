// ICMPv6 printer (RFC 4443), with Neighbor Discovery (RFC 4861) and its options, MLD (RFC 2710,
// RFC 3810), node information (RFC 4620), router renumbering (RFC 2894) and RPL (in rpl.ts), as
// tcpdump 4.99's print-icmp6.c.
import type { IpInfo, PrintContext } from './context.js';
import { ipv6ToString } from '../../decoders/addr.js';
import { cksumAdd, cksumFinish, cksumShouldBe, ipv6PseudoSum } from '../../decoders/checksum.js';
import { printFqdn } from './dns.js';
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
 * Neighbor Discovery options from `at`; false when one is malformed or cut short (tcpdump's
 * `goto trunc` there: the caller reports ` [|icmp6]` and returns; reads past the end still unwind).
 */
function printNdOptions(c: PrintContext, at: number, resid: number): boolean {
  const base = at, v = c.o.verbose;
  let cp = at;
  while (cp < c.end) {
    if (!c.has(cp + 1, 1)) return false;
    if (resid <= 0) return true;
    const type = c.buf[cp]!, optLen = c.buf[cp + 1]!;
    if (optLen === 0 || cp + (optLen << 3) > c.end) return false;
    c.write(`\n\t  ${OPT_NAMES.get(type) ?? 'unknown'} option (${type}), length ${optLen << 3} (${optLen}): `);
    switch (type) {
      case 1:
      case 2: {
        let s = '';
        for (let k = 0, n = (optLen << 3) - 2; k < n; k++) s += (k ? ':' : '') + HEX2[c.u8(cp + 2 + k)]!;
        c.write(s);
        break;
      }
      case 3: {
        const flags = c.u8(cp + 3);
        c.write(`${c.ip6(cp + 16)}/${c.u8(cp + 2)}${optLen !== 4 ? 'badlen' : ''}, Flags [` +
          `${flagNames(flags, PI_FLAG_BITS, PI_FLAG_NAMES)}], valid time ${lifetime(c.u32(cp + 4))}`);
        c.write(`, pref. time ${lifetime(c.u32(cp + 8))}`);
        break;
      }
      case 4:
        c.write(hexPrint(c, '\n\t    ', base, optLen << 3));
        break;
      case 5:
        c.write(` ${c.u32(cp + 4)}${optLen !== 1 ? 'bad option length' : ''}`);
        break;
      case 25: {
        let s = ` lifetime ${c.u32(cp + 4)}s,`;
        for (let k = 0, n = (optLen - 1) >> 1; k < n; k++) s += ` addr: ${c.ip6(cp + 8 + 16 * k)}`;
        c.write(s);
        break;
      }
      case 31: {
        c.write(` lifetime ${c.u32(cp + 4)}s, domain(s):`);
        let dom = cp + 8;
        const lim = cp + (optLen << 3);
        while (dom < lim && c.u8(dom) !== 0) {
          c.write(' ');
          dom = printFqdn(c, dom, base);
          if (dom === -1) return false;
        }
        break;
      }
      case 7:
        c.write(` ${c.u32(cp + 4)}ms`);
        break;
      case 8:
        c.write(` preference ${c.u16(cp + 4)}, lifetime ${c.u16(cp + 6)}`);
        break;
      case 24: {
        if (!c.has(cp + 4, 4)) return false;
        const prefix = new Uint8Array(16);
        if (optLen === 2) for (let k = 0; k < 8; k++) prefix[k] = c.u8(cp + 8 + k);
        else if (optLen === 3) for (let k = 0; k < 16; k++) prefix[k] = c.u8(cp + 8 + k);
        else if (optLen !== 1) return false;
        c.write(` ${ipv6ToString(prefix, 0)}/${c.u8(cp + 2)}, pref=${RTPREF[(c.u8(cp + 3) >> 3) & 3]!}, lifetime=${lifetime(c.u32(cp + 4))}`);
        break;
      }
      default:
        if (v <= 1) {
          c.write(hexPrint(c, '\n\t  ', cp + 2, (optLen << 3) - 2));
          return true;
        }
    }
    if (v > 1) c.write(hexPrint(c, '\n\t    ', cp + 2, (optLen << 3) - 2));
    cp += optLen << 3;
    resid -= optLen << 3;
  }
  return true;
}

function printMld(c: PrintContext, at: number): void {
  if (at + 24 > c.end) return;
  c.write(`max resp delay: ${c.u16(at + 4)} addr: ${c.ip6(at + 8)}`);
}

function printMldv2Report(c: PrintContext, at: number, len: number): void {
  if (len < 8) { c.write(` [invalid len ${len}]`); return; }
  const ngroups = c.u16(at + 6);
  c.write(`, ${ngroups} group record(s)`);
  if (!c.o.verbose) return;
  let group = 8;
  for (let i = 0; i < ngroups; i++) {
    if (len < group + 20) { c.write(' [invalid number of groups]'); return; }
    const rt = c.u8(at + group);
    c.write(` [gaddr ${c.ip6(at + group + 4)} ${rt >= 1 && rt <= 6 ? MLDV2_REPORT_TYPES[rt]! : ` [v2-report-#${rt}]`}`);
    const nsrcs = c.u16(at + group + 2);
    if (len < group + 20 + nsrcs * 16) { c.write(` [invalid number of sources ${nsrcs}]`); return; }
    if (c.o.verbose === 1) {
      c.write(`, ${nsrcs} source(s)`);
    } else {
      c.write(' {');
      for (let j = 0; j < nsrcs; j++) c.write(` ${c.ip6(at + group + 20 + j * 16)}`);
      c.write(' }');
    }
    group += 20 + nsrcs * 16;
    c.write(']');
  }
}

function printMldv2Query(c: PrintContext, at: number, len: number): void {
  if (len < 28) { c.write(` [invalid len ${len}]`); return; }
  const v = c.o.verbose;
  const mrc = c.u16(at + 4);
  const mrt = mrc < 32768 ? mrc : ((mrc & 0x0fff) | 0x1000) * 2 ** (((mrc & 0x7000) >> 12) + 3);
  if (v) c.write(` [max resp delay=${mrt}]`);
  c.write(` [gaddr ${c.ip6(at + 8)}`);
  if (v) {
    const b24 = c.u8(at + 24);
    if (b24 & 0x08) c.write(' sflag');
    if (b24 & 0x07) c.write(` robustness=${b24 & 0x07}`);
    const b25 = c.u8(at + 25);
    const qqi = b25 < 128 ? b25 : ((b25 & 0x0f) | 0x10) << (((b25 & 0x70) >> 4) + 3);
    c.write(` qqi=${qqi}`);
  }
  const nsrcs = c.u16(at + 26);
  if (nsrcs > 0) {
    if (len < 28 + nsrcs * 16) c.write(' [invalid number of sources]');
    else if (v > 1) {
      c.write(' {');
      for (let i = 0; i < nsrcs; i++) c.write(` ${c.ip6(at + 28 + i * 16)}`);
      c.write(' }');
    } else c.write(`, ${nsrcs} source(s)`);
  }
  c.write(']');
}

/** Node-information names: DNS wire format without compression, as tcpdump's dnsname_print. */
function printNiName(c: PrintContext, cp: number, ep: number): void {
  let s = ', "';
  while (cp < ep) {
    let i = c.u8(cp++);
    if (i) {
      if (i > ep - cp) { s += '???'; break; }
      while (i-- && cp < ep) s += safeChar(c.u8(cp++));
      if (cp + 1 < ep && c.u8(cp)) s += '.';
    } else {
      if (cp === ep) s += '.';
      else if (!(cp + 1 === ep && c.u8(cp) === 0)) s += '???';
      break;
    }
  }
  c.write(`${s}"`);
}

function printNiPascal(c: PrintContext, cp: number, ep: number): void {
  let s = ', "';
  while (cp < ep) s += safeChar(c.u8(cp++));
  c.write(`${s}"`);
}

function nodeAddrFlags(i: number, withT: boolean): string {
  return ` [${i & 0x40 ? 'a' : ''}${i & 0x20 ? 'G' : ''}${i & 0x10 ? 'S' : ''}${i & 0x08 ? 'L' : ''}` +
    `${i & 0x04 ? 'C' : ''}${i & 0x02 ? 'A' : ''}${withT && i & 0x01 ? 'T' : ''}]`;
}

function printNodeInfo(c: PrintContext, at: number, icmpLen: number): void {
  const ep = c.end;
  if (ep < at) return;
  const siz = ep - at, v = c.o.verbose;
  const type = c.u8(at);
  if (type === 139) {
    if (siz === 12) { c.write(' who-are-you request'); return; }
    c.write(' node information query');
    if (!c.has(at, 16)) { c.write(' [|icmp6]'); return; }
    c.write(' (');
    const qtype = c.u16(at + 4), flags = c.u16(at + 6);
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
    const cp = at + 16;
    switch (c.u8(at + 1)) {
      case 0:
        if (!c.has(at, 32)) break;
        if (siz !== 32) { if (v) c.write(', invalid subject len'); break; }
        c.write(`, subject=${c.ip6(cp)}`);
        break;
      case 1:
        c.write(', subject=DNS name');
        if (c.u8(cp) === ep - cp - 1) {
          if (v) c.write(', 03 draft');
          printNiPascal(c, cp + 1, ep);
        } else printNiName(c, cp, ep);
        break;
      case 2:
        if (!c.has(at, 20)) break;
        if (siz !== 20) { if (v) c.write(', invalid subject len'); break; }
        c.write(`, subject=${c.ip4(cp)}`);
        break;
      default:
        c.write(', unknown subject');
    }
    c.write(')');
    return;
  }
  // node information reply
  if (icmpLen > siz || !c.has(at, 16)) { c.write(' [|icmp6]'); return; }
  let needComma = false;
  c.write(' node information reply (');
  const code = c.u8(at + 1);
  switch (code) {
    case 0: if (v) { c.write('success'); needComma = true; } break;
    case 1: c.write('refused'); needComma = true; if (siz !== 16 && v) c.write(', invalid length'); break;
    case 2: c.write('unknown'); needComma = true; if (siz !== 16 && v) c.write(', invalid length'); break;
  }
  if (code !== 0) { c.write(')'); return; }
  const qtype = c.u16(at + 4), flags = c.u16(at + 6);
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
      const cp = at + 20;
      if (c.u8(cp) === ep - cp - 1) {
        if (v) c.write(', 03 draft');
        printNiPascal(c, cp + 1, ep);
      } else printNiName(c, cp, ep);
      if (flags & 1) c.write(` [TTL=${c.u32(at + 16)}]`);
      break;
    }
    case 3: {
      c.write('node addresses');
      let s = '';
      for (let i = 16; i + 20 <= siz; i += 20) s += ` ${c.ip6(at + i + 4)}(${c.u32(at + i)})`;
      c.write(s);
      if (flags) c.write(nodeAddrFlags(flags, true));
      break;
    }
    default:
      c.write('unknown');
  }
  c.write(')');
}

function printRouterRenum(c: PrintContext, at: number): void {
  if (c.end < at) return;
  const v = c.o.verbose;
  if (!c.has(at + 12, 4)) { c.write(' [|icmp6]'); return; }
  const code = c.u8(at + 1);
  switch (code) {
    case 0: c.write(', command'); break;
    case 1: c.write(', result'); break;
    case 255: c.write(', sequence number reset'); break;
    default: c.write(`, code-#${code}`);
  }
  c.write(`, seq=${c.u32(at + 4)}`);
  if (v) {
    const f = c.u8(at + 9);
    let s = '[';
    if (f) s += `${f & 0x80 ? 'T' : ''}${f & 0x40 ? 'R' : ''}${f & 0x20 ? 'A' : ''}${f & 0x10 ? 'S' : ''}${f & 0x08 ? 'P' : ''},`;
    s += `seg=${c.u8(at + 8)},maxdelay=${c.u16(at + 10)}`;
    const rsvd = c.u32(at + 12);
    if (rsvd) s += `rsvd=0x${rsvd.toString(16)}`;
    c.write(`${s}]`);
  }
  if (code !== 0) return;
  let cp = at + 16;
  if (!c.has(cp + 8, 16)) { c.write(' [|icmp6]'); return; }
  c.write(v > 1 ? '\n\t' : ' ');
  const mcode = c.u8(cp);
  c.write(`match(${mcode === 1 ? 'add' : mcode === 2 ? 'change' : mcode === 3 ? 'setglobal' : `#${mcode}`}`);
  if (v) c.write(`,ord=${c.u8(cp + 2)},min=${c.u8(cp + 4)},max=${c.u8(cp + 5)}`);
  c.write(`,${c.ip6(cp + 8)}/${c.u8(cp + 3)})`);
  let n = c.u8(cp + 1) - 3;
  if (n % 4) { c.write(' [|icmp6]'); return; }
  n /= 4;
  cp += 24;
  while (n-- > 0) {
    if (!c.has(cp + 16, 16)) { c.write(' [|icmp6]'); return; }
    c.write(v > 1 ? '\n\t' : ' ');
    c.write('use(');
    const uf = c.u8(cp + 12);
    if (uf) c.write(`${uf & 0x80 ? 'V' : ''}${uf & 0x40 ? 'P' : ''},`);
    if (v) {
      const vl = c.u32(cp + 4), pl = c.u32(cp + 8);
      c.write(`mask=0x${c.u8(cp + 2).toString(16)},raflags=0x${c.u8(cp + 3).toString(16)},` +
        `vltime=${vl === 0xffffffff ? 'infty' : vl},pltime=${pl === 0xffffffff ? 'infty' : pl},`);
    }
    c.write(`${c.ip6(cp + 16)}/${c.u8(cp)}/${c.u8(cp + 1)})`);
    cp += 32;
  }
}

/** The protocol and destination port of the packet quoted in an error message (get_upperlayer). */
function quotedUpperLayer(c: PrintContext, ip6: number): { prot: number; dport: number } | null {
  if (!c.has(ip6 + 6, 1)) return null;
  let nh = c.buf[ip6 + 6]!, hlen = 40, bp = ip6;
  while (bp < c.end) {
    bp += hlen;
    switch (nh) {
      case 6: case 17:
        return c.has(bp + 2, 2) ? { prot: nh, dport: c.u16(bp + 2) } : null;
      case 0: case 60: case 43:
        if (!c.has(bp + 1, 1)) return null;
        nh = c.buf[bp]!;
        hlen = (c.buf[bp + 1]! + 1) << 3;
        break;
      case 44:
        if (!c.has(bp + 2, 2)) return null;
        if (c.u16(bp + 2) & 0xfff8) return null;
        nh = c.buf[bp]!;
        hlen = 8;
        break;
      case 51:
        if (!c.has(bp + 1, 1)) return null;
        nh = c.buf[bp]!;
        hlen = (c.buf[bp + 1]! + 2) << 2;
        break;
      default:
        return null;
    }
  }
  return null;
}

/** ICMPv6 message at `off`, `length` bytes on the wire, inside the IPv6 packet `ip`. */
export function printIcmp6(c: PrintContext, off: number, length: number, ip: IpInfo): void {
  c.protocol = 'icmp6';
  const v = c.o.verbose;
  if (length === 0) {
    c.write('ICMP6, length 0');
    c.invalid();
    return;
  }
  if (v && !ip.fragmented && ip.version === 6 && c.has(off, length)) {
    const field = c.u16(off + 2);
    const sum = cksumFinish(cksumAdd(c.buf, off, length, ipv6PseudoSum(c.buf, ip.srcOff, ip.dstOff, 58, length)));
    if (sum !== 0) c.write(`[bad icmp6 cksum 0x${hex4(field)} -> 0x${hex4(cksumShouldBe(field, sum))}!] `);
    else c.write('[icmp6 sum ok] ');
  }
  const type = c.u8(off);
  c.write(`ICMP6, ${TYPE_NAMES.get(type) ?? `unknown icmp6 type (${type})`}`);
  if (v && (type === 133 || type === 134 || type === 136 || type === 135 || type === 137 || type === 145 || type === 147)) {
    c.write(`, length ${length}`);
  }
  const code = c.u8(off + 1);
  const oip = off + 8;
  switch (type) {
    case 1:
      c.write(`, ${code < UNREACH_NAMES.length ? UNREACH_NAMES[code]! : `unknown unreach code (${code})`}`);
      switch (code) {
        case 0: case 1: case 3:
          c.write(` ${c.ip6(oip + 24)}`);
          break;
        case 2:
          c.write(` ${c.ip6(oip + 24)}, source address ${c.ip6(oip + 8)}`);
          break;
        case 4: {
          const ul = quotedUpperLayer(c, oip);
          if (ul === null) { c.truncMark(); return; }
          const dst = c.ip6(oip + 24);
          if (ul.prot === 6) c.write(`, ${dst} tcp port ${ul.dport}`);
          else if (ul.prot === 17) c.write(`, ${dst} udp port ${ul.dport}`);
          else c.write(`, ${dst} protocol ${ul.prot} port ${ul.dport} unreachable`);
          break;
        }
        default:
          if (v <= 1) { c.write(hexPrint(c, '\n\t', off, length)); return; }
      }
      break;
    case 2:
      c.write(`, mtu ${c.u32(off + 4)}`);
      break;
    case 3:
      if (code === 0) c.write(` for ${c.ip6(oip + 24)}`);
      else if (code === 1) c.write(' (reassembly)');
      else c.write(`, unknown code (${code})`);
      break;
    case 4: {
      if (!c.has(oip + 24, 16)) { c.truncMark(); return; }
      if (code < 4) c.write(`, ${PARAM_PROBLEM_NAMES[code]!} - octet ${c.u32(off + 4)}`);
      else c.write(`, code-#${code}`);
      break;
    }
    case 128: case 129:
      c.write(`, id ${c.u16(off + 4)}, seq ${c.u16(off + 6)}`);
      break;
    case 130:
      if (length === 24) printMld(c, off);
      else if (length >= 28) { c.write(' v2'); printMldv2Query(c, off, length); }
      else c.write(` unknown-version (len ${length}) `);
      break;
    case 131: case 132:
      printMld(c, off);
      break;
    case 133:
      if (v && !printNdOptions(c, off + 8, length - 8)) { c.truncMark(); return; }
      break;
    case 134:
      if (v) {
        const flags = c.u8(off + 5);
        c.write(`\n\thop limit ${c.u8(off + 4)}, Flags [${flagNames(flags, RA_FLAG_BITS, RA_FLAG_NAMES)}]` +
          `, pref ${RTPREF[(flags >> 3) & 3]!}, router lifetime ${c.u16(off + 6)}s, reachable time ${c.u32(off + 8)}ms, retrans timer ${c.u32(off + 12)}ms`);
        if (!printNdOptions(c, off + 16, length - 16)) { c.truncMark(); return; }
      }
      break;
    case 135:
      c.write(`, who has ${c.ip6(off + 8)}`);
      if (v && !printNdOptions(c, off + 24, length - 24)) { c.truncMark(); return; }
      break;
    case 136:
      c.write(`, tgt is ${c.ip6(off + 8)}`);
      if (v) {
        c.write(`, Flags [${flagNames(c.u32(off + 4), NA_FLAG_BITS, NA_FLAG_NAMES)}]`);
        if (!printNdOptions(c, off + 24, length - 24)) { c.truncMark(); return; }
      }
      break;
    case 137:
      c.write(`, ${c.ip6(off + 24)} to ${c.ip6(off + 8)}`);
      if (v && !printNdOptions(c, off + 40, length - 40)) { c.truncMark(); return; }
      break;
    case 138:
      printRouterRenum(c, off);
      break;
    case 139: case 140:
      printNodeInfo(c, off, length);
      break;
    case 141: case 142:
      break;
    case 143:
      printMldv2Report(c, off, length);
      break;
    case 146: case 144:
      c.write(`, id 0x${hex4(c.u16(off + 4))}`);
      break;
    case 145:
      if (v) {
        c.write(`, id 0x${hex4(c.u16(off + 4))}`);
        for (let p = off + 8; p < off + length; p += 16) c.write(`, ${c.ip6(p)}`);
      }
      break;
    case 147:
      if (v) {
        c.write(`, id 0x${hex4(c.u16(off + 4))}`);
        const flags = c.u16(off + 6);
        if (flags & 0xc000) c.write(' ');
        if (flags & 0x8000) c.write('M');
        if (flags & 0x4000) c.write('O');
        if (!printNdOptions(c, off + 8, length - 8)) { c.truncMark(); return; }
      }
      break;
    case 155:
      // Unsigned in tcpdump: a message shorter than 4 bytes claims a huge body and ends truncated.
      printRpl(c, code, off + 4, (length - 4) >>> 0);
      break;
    default:
      c.write(`, length ${length}`);
      if (v <= 1) c.write(hexPrint(c, '\n\t', off, length));
      return;
  }
  if (!v) c.write(`, length ${length}`);
}
