// Tokens of pcap-filter(7), split the way libpcap's flex scanner splits them: the longest match wins,
// and on a tie the earlier rule (keyword, number, dotted host, IPv6, MAC, then plain name).
import { isIPv6 } from 'node:net';
import { filterError } from './errors.js';

export type TokenKind = 'num' | 'id' | 'hid' | 'hid6' | 'eid' | 'kw' | 'op' | 'eof';

export interface Token {
  kind: TokenKind;
  /** kw: the canonical keyword; op: the operator; id/hid/hid6/eid: the text; num: the digits as typed. */
  text: string;
  /** num only. */
  value: number;
  /** Offset of the first character in the expression. */
  pos: number;
}

/** Keywords and their canonical names (scanner.l): several spellings map to one token. */
const keywords: Record<string, string> = {
  dst: 'dst', src: 'src',
  link: 'link', ether: 'link', ppp: 'link', slip: 'link', fddi: 'link', tr: 'link', wlan: 'link',
  arp: 'arp', rarp: 'rarp', ip: 'ip', sctp: 'sctp', tcp: 'tcp', udp: 'udp', icmp: 'icmp', igmp: 'igmp',
  igrp: 'igrp', pim: 'pim', vrrp: 'vrrp', carp: 'carp', radio: 'radio', ip6: 'ip6', icmp6: 'icmp6', ah: 'ah', esp: 'esp',
  atalk: 'atalk', aarp: 'aarp', decnet: 'decnet', lat: 'lat', sca: 'sca', moprc: 'moprc', mopdl: 'mopdl',
  iso: 'iso', esis: 'esis', 'es-is': 'esis', isis: 'isis', 'is-is': 'isis', l1: 'l1', l2: 'l2', iih: 'iih',
  lsp: 'lsp', snp: 'snp', csnp: 'csnp', psnp: 'psnp', clnp: 'clnp', stp: 'stp', ipx: 'ipx', netbeui: 'netbeui',
  host: 'host', net: 'net', mask: 'mask', port: 'port', portrange: 'portrange', proto: 'proto', protochain: 'protochain',
  gateway: 'gateway', type: 'type', subtype: 'subtype', direction: 'dir', dir: 'dir',
  address1: 'addr1', addr1: 'addr1', address2: 'addr2', addr2: 'addr2', address3: 'addr3', addr3: 'addr3',
  address4: 'addr4', addr4: 'addr4', ra: 'ra', ta: 'ta',
  less: 'less', greater: 'greater', byte: 'byte', broadcast: 'broadcast', multicast: 'multicast',
  and: 'and', or: 'or', not: 'not', len: 'len', length: 'len', inbound: 'inbound', outbound: 'outbound',
  ifindex: 'ifindex', vlan: 'vlan', mpls: 'mpls', pppoed: 'pppoed', pppoes: 'pppoes', geneve: 'geneve',
  lane: 'lane', llc: 'llc', metac: 'metac', bcc: 'bcc', oam: 'oam', oamf4: 'oamf4', oamf4ec: 'oamf4ec',
  oamf4sc: 'oamf4sc', sc: 'sc', ilmic: 'ilmic', vpi: 'vpi', vci: 'vci', connectmsg: 'connectmsg',
  metaconnect: 'metaconnect', on: 'on', ifname: 'on', rnr: 'rnr', rulenum: 'rnr', reason: 'reason',
  rset: 'rset', ruleset: 'rset', srnr: 'srnr', subrulenum: 'srnr', action: 'action',
  fisu: 'fisu', lssu: 'lssu', lsu: 'lssu', msu: 'msu', hfisu: 'hfisu', hlssu: 'hlssu', hmsu: 'hmsu',
  sio: 'sio', opc: 'opc', dpc: 'dpc', sls: 'sls', hsio: 'hsio', hopc: 'hopc', hdpc: 'hdpc', hsls: 'hsls',
};

/** Named constants, which the scanner returns as numbers (pcap-filter(7)). */
const constants: Record<string, number> = {
  icmptype: 0, icmpcode: 1,
  'icmp-echoreply': 0, 'icmp-unreach': 3, 'icmp-sourcequench': 4, 'icmp-redirect': 5, 'icmp-echo': 8,
  'icmp-routeradvert': 9, 'icmp-routersolicit': 10, 'icmp-timxceed': 11, 'icmp-paramprob': 12, 'icmp-tstamp': 13,
  'icmp-tstampreply': 14, 'icmp-ireq': 15, 'icmp-ireqreply': 16, 'icmp-maskreq': 17, 'icmp-maskreply': 18,
  icmp6type: 0, icmp6code: 1,
  'icmp6-destinationunreach': 1, 'icmp6-packettoobig': 2, 'icmp6-timeexceeded': 3, 'icmp6-parameterproblem': 4,
  'icmp6-echo': 128, 'icmp6-echoreply': 129, 'icmp6-multicastlistenerquery': 130, 'icmp6-multicastlistenerreportv1': 131,
  'icmp6-multicastlistenerdone': 132, 'icmp6-routersolicit': 133, 'icmp6-routeradvert': 134, 'icmp6-neighborsolicit': 135,
  'icmp6-neighboradvert': 136, 'icmp6-redirect': 137, 'icmp6-routerrenum': 138, 'icmp6-nodeinformationquery': 139,
  'icmp6-nodeinformationresponse': 140, 'icmp6-ineighbordiscoverysolicit': 141, 'icmp6-ineighbordiscoveryadvert': 142,
  'icmp6-multicastlistenerreportv2': 143, 'icmp6-homeagentdiscoveryrequest': 144, 'icmp6-homeagentdiscoveryreply': 145,
  'icmp6-mobileprefixsolicit': 146, 'icmp6-mobileprefixadvert': 147, 'icmp6-certpathsolicit': 148,
  'icmp6-certpathadvert': 149, 'icmp6-multicastrouteradvert': 151, 'icmp6-multicastroutersolicit': 152,
  'icmp6-multicastrouterterm': 153,
  tcpflags: 13, 'tcp-fin': 0x01, 'tcp-syn': 0x02, 'tcp-rst': 0x04, 'tcp-push': 0x08, 'tcp-ack': 0x10,
  'tcp-urg': 0x20, 'tcp-ece': 0x40, 'tcp-cwr': 0x80,
};

const twoCharOps = ['>=', '<=', '!=', '==', '<<', '>>', '&&', '||'];
const oneCharOps = '+-*/%:[]!<>()&|^=';

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isHex = (c: string): boolean => isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
const isAlnum = (c: string): boolean => isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
const isIdChar = (c: string): boolean => isAlnum(c) || c === '-' || c === '_' || c === '.';

/** Length of the longest N (`[0-9]+` or `0x[0-9a-f]+`) at s[i]. */
function matchN(s: string, i: number): number {
  if ((s[i] === '0') && (s[i + 1] === 'x' || s[i + 1] === 'X') && s[i + 2] !== undefined && isHex(s[i + 2]!)) {
    let j = i + 2;
    while (j < s.length && isHex(s[j]!)) j++;
    return j - i;
  }
  let j = i;
  while (j < s.length && isDigit(s[j]!)) j++;
  return j - i;
}

/** N.N, N.N.N or N.N.N.N. */
function matchHid(s: string, i: number): number {
  let best = 0, j = i;
  for (let parts = 1; parts <= 4; parts++) {
    const n = matchN(s, j);
    if (n === 0) break;
    j += n;
    if (parts >= 2) best = j - i;
    if (s[j] !== '.') break;
    j++;
  }
  return best;
}

/** 1–2 hex digits. */
function matchB(s: string, i: number): number {
  if (i >= s.length || !isHex(s[i]!)) return 0;
  return i + 1 < s.length && isHex(s[i + 1]!) ? 2 : 1;
}

/** MAC addresses: six 1–2 digit groups joined by ':', '-' or '.', or xxxx.xxxx.xxxx. */
function matchMac(s: string, i: number): number {
  let best = 0;
  for (const sep of [':', '-', '.']) {
    let j = i, ok = true;
    for (let g = 0; g < 6; g++) {
      const n = matchB(s, j);
      if (n === 0) { ok = false; break; }
      j += n;
      if (g < 5) { if (s[j] !== sep) { ok = false; break; } j++; }
    }
    if (ok) best = Math.max(best, j - i);
  }
  let j = i, ok = true;
  for (let g = 0; g < 3 && ok; g++) {
    for (let d = 0; d < 4; d++) { if (!isHex(s[j] ?? '')) { ok = false; break; } j++; }
    if (ok && g < 2) { if (s[j] !== '.') ok = false; else j++; }
  }
  if (ok) best = Math.max(best, j - i);
  return best;
}

/** An IPv6 literal: the longest valid prefix of hex digits, colons and dots that contains a colon. */
function matchV6(s: string, i: number): number {
  let j = i;
  while (j < s.length && (isHex(s[j]!) || s[j] === ':' || s[j] === '.')) j++;
  for (let end = j; end > i; end--) {
    const t = s.slice(i, end);
    if (t.includes(':') && isIPv6(t)) return end - i;
  }
  return 0;
}

/** `[A-Za-z0-9]([-_.A-Za-z0-9]*[.A-Za-z0-9])?` */
function matchId(s: string, i: number): number {
  if (i >= s.length || !isAlnum(s[i]!)) return 0;
  let j = i + 1, last = i + 1;
  while (j < s.length && isIdChar(s[j]!)) {
    j++;
    if (isAlnum(s[j - 1]!) || s[j - 1] === '.') last = j;
  }
  return last - i;
}

/** scanner.l's stou(): decimal, 0x hex or 0-prefixed octal, at most 32 bits. */
function parseNumber(text: string, pos: number): number {
  let v = 0n;
  if (/^0[xX]/.test(text)) v = BigInt(text);
  else if (text.length > 1 && text[0] === '0') {
    if (/[89]/.test(text)) throw filterError(`number ${text} contains non-octal digit`, pos);
    v = BigInt('0o' + text.slice(1));
  } else v = BigInt(text);
  if (v > 0xffffffffn) throw filterError(`number ${text} overflows 32 bits`, pos);
  return Number(v);
}

export function tokenize(expr: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const s = expr;
  while (i < s.length) {
    const c = s[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') { i++; continue; }
    const two = s.slice(i, i + 2);
    if (twoCharOps.includes(two)) {
      const op = two === '&&' ? 'and' : two === '||' ? 'or' : two === '==' ? '=' : two;
      out.push({ kind: op === 'and' || op === 'or' ? 'kw' : 'op', text: op, value: 0, pos: i });
      i += 2;
      continue;
    }
    if (c === '\\') {
      let j = i + 1;
      while (j < s.length && !' !()\n\t'.includes(s[j]!)) j++;
      if (j === i + 1) throw filterError(`illegal character '\\'`, i, 'syntax', s);
      out.push({ kind: 'id', text: s.slice(i + 1, j), value: 0, pos: i });
      i = j;
      continue;
    }
    // Word-like tokens: the longest of all the candidate rules wins.
    const lId = matchId(s, i), lN = matchN(s, i), lHid = matchHid(s, i), lMac = matchMac(s, i), lV6 = matchV6(s, i);
    let kwLen = 0, kw = '';
    for (let n = Math.max(lId, 1); n >= 1; n--) {
      const raw = s.slice(i, i + n);
      if (raw in keywords || raw in constants) { kwLen = n; kw = raw; break; }
    }
    const best = Math.max(lId, lN, lHid, lMac, lV6, kwLen);
    if (best === 0) {
      if (oneCharOps.includes(c)) {
        out.push({ kind: c === '!' ? 'kw' : 'op', text: c === '!' ? 'not' : c, value: 0, pos: i });
        i++;
        continue;
      }
      throw filterError(`illegal character '${c}'`, i, 'syntax', s);
    }
    const text = s.slice(i, i + best);
    if (kwLen === best) {
      if (kw in constants) out.push({ kind: 'num', text, value: constants[kw]!, pos: i });
      else out.push({ kind: 'kw', text: keywords[kw]!, value: 0, pos: i });
    } else if (lN === best) out.push({ kind: 'num', text, value: parseNumber(text, i), pos: i });
    else if (lMac === best) out.push({ kind: 'eid', text, value: 0, pos: i });
    else if (lHid === best) out.push({ kind: 'hid', text, value: 0, pos: i });
    else if (lV6 === best) out.push({ kind: 'hid6', text, value: 0, pos: i });
    else out.push({ kind: 'id', text, value: 0, pos: i });
    i += best;
  }
  out.push({ kind: 'eof', text: '', value: 0, pos: s.length });
  return out;
}
