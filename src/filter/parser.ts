// A recursive-descent reading of libpcap's grammar.y (1.10): the same precedence quirks
// ('and' and 'or' bind equally, left to right; '^' takes everything to its right) and the same
// qualifier carry-over (`host a or b` reuses `host` for b), producing a syntax tree.
import { filterError, FilterError } from './errors.js';
import { tokenize, type Token } from './lexer.js';

/** Qualifiers of a primitive: protocol (`ip`, `link`…), direction (`src`, `or`…) and address type (`host`, `port`…). */
export interface Qual {
  readonly proto: string;
  readonly dir: string;
  readonly addr: string;
}
/** The qualifier after a primitive that cannot be continued (`tcp or 80` is an error). */
export const qerr: Qual = { proto: 'undef', dir: 'undef', addr: 'undef' };

export type Arith =
  | { k: 'num'; v: number }
  | { k: 'len' }
  | { k: 'load'; proto: string; index: Arith; size: number; pos: number }
  | { k: 'bin'; op: string; l: Arith; r: Arith; pos: number }
  | { k: 'neg'; e: Arith };

export type Node =
  | { k: 'and' | 'or'; l: Node; r: Node }
  | { k: 'not'; e: Node }
  /** An address, number or name with its qualifiers; `bits`/`mask` for `net a/n` and `net a mask m`. */
  | { k: 'id'; q: Qual; tok: Token; bits?: number; mask?: Token }
  | { k: 'abbrev'; proto: string; pos: number }
  | { k: 'rel'; op: string; reversed: boolean; a: Arith; b: Arith; pos: number }
  | { k: 'bcast' | 'mcast'; proto: string; pos: number }
  | { k: 'less' | 'greater'; n: number }
  | { k: 'vlan' | 'mpls' | 'pppoes' | 'geneve'; id: number | null; pos: number }
  | { k: 'pppoed'; pos: number }
  /** `llc`, or `llc i|s|u|rr|rnr|…` (the LLC control field: its format or its command). */
  | { k: 'llc'; pos: number; sub: string | null }
  /** pflog fields (`on eth0`, `action block`…): what, checked at parse time as libpcap's grammar does. */
  | { k: 'pf'; what: 'ifname' | 'ruleset' | 'rnr' | 'srnr' | 'reason' | 'action'; pos: number }
  /** 802.11 frame control: `type`/`subtype` (type and subtype) or `dir` (the DS bits). */
  | { k: 'p80211'; what: 'type' | 'dir'; pos: number }
  /** SunATM and SS7 (MTP2/MTP3) primitives, by keyword. */
  | { k: 'atm' | 'mtp'; name: string; pos: number }
  | { k: 'ifindex'; n: number; pos: number }
  | { k: 'byte'; index: number; op: string; value: number; pos: number }
  | { k: 'inbound' | 'outbound'; pos: number };

const pnames = new Set(['link', 'ip', 'arp', 'rarp', 'sctp', 'tcp', 'udp', 'icmp', 'igmp', 'igrp', 'pim', 'vrrp', 'carp',
  'atalk', 'aarp', 'decnet', 'lat', 'sca', 'moprc', 'mopdl', 'ip6', 'icmp6', 'ah', 'esp', 'iso', 'esis', 'isis',
  'l1', 'l2', 'iih', 'lsp', 'snp', 'csnp', 'psnp', 'clnp', 'stp', 'ipx', 'netbeui', 'radio']);
const aquals = new Set(['host', 'net', 'port', 'portrange']);
const binPrec: Record<string, number> = { '|': 1, '&': 2, '<<': 3, '>>': 3, '+': 4, '-': 4, '*': 5, '/': 5, '%': 5 };
const relops: Record<string, [string, boolean]> = {
  '>': ['jgt', false], '>=': ['jge', false], '=': ['jeq', false],
  '<=': ['jgt', true], '<': ['jge', true], '!=': ['jeq', true],
};
/** grammar.y's dqual: direction qualifiers (the 802.11 address positions among them). */
const dquals80211 = new Set(['addr1', 'addr2', 'addr3', 'addr4', 'ra', 'ta']);
/** SunATM: abbreviations, and the two fields that take a value. */
const atmTypes = new Set(['lane', 'metac', 'bcc', 'oamf4ec', 'oamf4sc', 'sc', 'ilmic', 'oam', 'oamf4', 'connectmsg', 'metaconnect']);
const atmFields = new Set(['vpi', 'vci']);
/** SS7: MTP2 frame types, and MTP3 fields that take a value. */
const mtp2Types = new Set(['fisu', 'lssu', 'msu', 'hfisu', 'hlssu', 'hmsu']);
const mtp3Fields = new Set(['sio', 'opc', 'dpc', 'sls', 'hsio', 'hopc', 'hdpc', 'hsls']);

/** ieee80211.h's frame types, and each type's subtypes (grammar.y's tables; names compared case-insensitively). */
const wlanTypes: Record<string, number> = { data: 0x08, mgt: 0x00, management: 0x00, ctl: 0x04, control: 0x04 };
const wlanSubtypes: [number, Record<string, number>][] = [
  [0x00, {
    assocreq: 0x00, 'assoc-req': 0x00, assocresp: 0x10, 'assoc-resp': 0x10, reassocreq: 0x20, 'reassoc-req': 0x20,
    reassocresp: 0x30, 'reassoc-resp': 0x30, probereq: 0x40, 'probe-req': 0x40, proberesp: 0x50, 'probe-resp': 0x50,
    beacon: 0x80, atim: 0x90, disassoc: 0xa0, disassociation: 0xa0, auth: 0xb0, authentication: 0xb0, deauth: 0xc0,
    deauthentication: 0xc0,
  }],
  [0x04, { 'ps-poll': 0xa0, rts: 0xb0, cts: 0xc0, ack: 0xd0, 'cf-end': 0xe0, 'cf-end-ack': 0xf0 }],
  [0x08, {
    data: 0x00, 'data-cf-ack': 0x10, 'data-cf-poll': 0x20, 'data-cf-ack-poll': 0x30, null: 0x40, 'cf-ack': 0x50,
    'cf-poll': 0x60, 'cf-ack-poll': 0x70, 'qos-data': 0x80, 'qos-data-cf-ack': 0x90, 'qos-data-cf-poll': 0xa0,
    'qos-data-cf-ack-poll': 0xb0, qos: 0xc0, 'qos-cf-poll': 0xe0, 'qos-cf-ack-poll': 0xf0,
  }],
];
const wlanDirs = new Set(['nods', 'tods', 'fromds', 'dstods']);
/** pflog reasons and actions as libpcap on Linux knows them (the BSD-only ones are not compiled in). */
const pfReasons = new Set(['match', 'bad-offset', 'fragment', 'short', 'normalize', 'memory', 'bad-timestamp', 'congestion',
  'ip-option', 'proto-cksum', 'state-mismatch', 'state-insert', 'state-limit', 'src-limit', 'synproxy']);
const pfActions = new Set(['pass', 'accept', 'drop', 'block', 'scrub', 'noscrub', 'nat', 'nonat', 'binat', 'nobinat', 'rdr',
  'nordr', 'synproxy-drop']);
/** LLC control-field names after `llc`: the three formats, the S and the U commands. */
const llcNames = new Set(['i', 's', 'u', 'rr', 'rnr', 'rej', 'ui', 'ua', 'disc', 'dm', 'sabme', 'test', 'xid', 'frmr']);

interface Res { node: Node; q: Qual }

function describe(t: Token): string {
  return t.kind === 'eof' ? 'end of expression' : `'${t.text}'`;
}

export class Parser {
  readonly #toks: Token[];
  #i = 0;
  /** The error that got furthest, reported when every alternative fails. */
  #furthest: FilterError | null = null;

  constructor(readonly expr: string) {
    this.#toks = tokenize(expr);
  }

  /** The whole expression; null when it is empty (accept everything). */
  parse(): Node | null {
    if (this.#peek().kind === 'eof') return null;
    const r = this.#expr();
    if (this.#peek().kind !== 'eof') this.#fail(this.#peek());
    return r.node;
  }

  #peek(ahead = 0): Token {
    return this.#toks[Math.min(this.#i + ahead, this.#toks.length - 1)]!;
  }
  #next(): Token {
    const t = this.#peek();
    if (this.#i < this.#toks.length - 1) this.#i++;
    return t;
  }
  #isKw(t: Token, ...words: string[]): boolean {
    return t.kind === 'kw' && words.includes(t.text);
  }
  #isOp(t: Token, ...ops: string[]): boolean {
    return t.kind === 'op' && ops.includes(t.text);
  }
  #fail(t: Token, what?: string): never {
    const e = filterError(what ?? `unexpected ${describe(t)}`, t.pos, 'syntax', this.expr);
    if (!this.#furthest || this.#furthest.position <= e.position) this.#furthest = e;
    throw e;
  }
  #expectOp(op: string): Token {
    const t = this.#peek();
    if (!this.#isOp(t, op)) this.#fail(t, `expected '${op}', found ${describe(t)}`);
    return this.#next();
  }
  /** Runs the alternatives in order from the same position; the first that parses wins. */
  #oneOf<T>(...alts: (() => T)[]): T {
    const start = this.#i;
    for (const alt of alts) {
      try {
        return alt();
      } catch (e) {
        if (!(e instanceof FilterError) || !e.message.startsWith('syntax error')) throw e;
        this.#i = start;
      }
    }
    throw this.#furthest!;
  }

  #expr(): Res {
    let r = this.#term(qerr);
    while (this.#isKw(this.#peek(), 'and', 'or')) {
      const op = this.#next().text as 'and' | 'or';
      const rhs = this.#termOrId(r.q);
      r = { node: { k: op, l: r.node, r: rhs.node }, q: rhs.q };
    }
    return r;
  }

  #term(qb: Qual): Res {
    if (this.#isKw(this.#peek(), 'not')) {
      this.#next();
      const r = this.#term(qb);
      return { node: { k: 'not', e: r.node }, q: r.q };
    }
    return this.#rterm(qb);
  }

  /** After `and`/`or` either a full term or a bare id that inherits the qualifiers on the left. */
  #termOrId(q: Qual): Res {
    const t = this.#peek();
    if (this.#isKw(t, 'not')) {
      this.#next();
      const r = this.#termOrId(q);
      return { node: { k: 'not', e: r.node }, q: r.q };
    }
    if (t.kind === 'id' || t.kind === 'hid' || t.kind === 'hid6' || t.kind === 'eid') return this.#nid(q);
    if (t.kind === 'num' && !this.#startsArith(this.#peek(1))) return { node: { k: 'id', q, tok: this.#next() }, q };
    if (this.#isOp(t, '(')) return this.#oneOf(() => this.#rterm(q), () => this.#parenPid(q));
    return this.#rterm(q);
  }

  #startsArith(t: Token): boolean {
    return t.kind === 'op' && (t.text in binPrec || t.text in relops || t.text === '^');
  }

  #rterm(qb: Qual): Res {
    const t = this.#peek();
    if (this.#isOp(t, '(')) {
      return this.#oneOf(
        () => {
          this.#next();
          const e = this.#expr();
          this.#expectOp(')');
          if (this.#startsArith(this.#peek())) this.#fail(this.#peek());
          return { node: e.node, q: qb };
        },
        () => this.#relation(),
      );
    }
    if (t.kind === 'num' || this.#isKw(t, 'len') || this.#isOp(t, '-')) return this.#relation();
    if (t.kind !== 'kw') this.#fail(t);
    const w = t.text;
    if (pnames.has(w)) {
      const n = this.#peek(1);
      if (this.#isOp(n, '[')) return this.#relation();
      if (this.#isKw(n, 'src', 'dst', 'host', 'net', 'port', 'portrange', 'proto', 'protochain', 'gateway')) return this.#head();
      if (this.#isKw(n, 'broadcast', 'multicast')) {
        this.#next();
        return { node: { k: this.#next().text === 'broadcast' ? 'bcast' : 'mcast', proto: w, pos: t.pos }, q: qerr };
      }
      if (this.#isKw(n, ...dquals80211)) return this.#head();
      // `wlan type mgt`: grammar.y's `pqual p80211`, the protocol qualifier has no effect.
      if (this.#isKw(n, 'type', 'subtype', 'dir')) { this.#next(); return this.#p80211(); }
      this.#next();
      return { node: { k: 'abbrev', proto: w, pos: t.pos }, q: qerr };
    }
    if (this.#isKw(t, 'type', 'subtype', 'dir')) return this.#p80211();
    if (this.#isKw(t, ...dquals80211)) return this.#head();
    if (this.#isKw(t, 'src', 'dst', 'host', 'net', 'port', 'portrange', 'proto', 'protochain', 'gateway')) return this.#head();
    if (this.#isKw(t, 'broadcast', 'multicast')) {
      this.#next();
      return { node: { k: w === 'broadcast' ? 'bcast' : 'mcast', proto: 'default', pos: t.pos }, q: qerr };
    }
    if (this.#isKw(t, 'less', 'greater')) {
      this.#next();
      const n = this.#peek();
      if (n.kind !== 'num') this.#fail(n, `'${w}' needs a number, found ${describe(n)}`);
      this.#next();
      return { node: { k: w as 'less' | 'greater', n: n.value }, q: qerr };
    }
    if (this.#isKw(t, 'byte')) {
      this.#next();
      const idx = this.#peek();
      if (idx.kind !== 'num') this.#fail(idx);
      this.#next();
      const op = this.#peek();
      if (!this.#isOp(op, '=', '<', '>', '&', '|')) this.#fail(op);
      this.#next();
      const v = this.#peek();
      if (v.kind !== 'num') this.#fail(v);
      this.#next();
      return { node: { k: 'byte', index: idx.value, op: op.text, value: v.value, pos: t.pos }, q: qerr };
    }
    if (this.#isKw(t, 'inbound', 'outbound')) {
      this.#next();
      return { node: { k: w as 'inbound' | 'outbound', pos: t.pos }, q: qerr };
    }
    if (this.#isKw(t, 'vlan', 'mpls', 'pppoes', 'geneve')) {
      this.#next();
      const id = this.#optPnum();
      return { node: { k: w as 'vlan' | 'mpls' | 'pppoes' | 'geneve', id, pos: t.pos }, q: qerr };
    }
    if (this.#isKw(t, 'pppoed')) {
      this.#next();
      return { node: { k: 'pppoed', pos: t.pos }, q: qerr };
    }
    if (this.#isKw(t, 'llc')) {
      this.#next();
      const sub = this.#peek();
      // `rnr` is a keyword (pflog's rule number): grammar.y takes `llc rnr` specially.
      if (this.#isKw(sub, 'rnr')) { this.#next(); return { node: { k: 'llc', pos: t.pos, sub: 'rnr' }, q: qerr }; }
      if (sub.kind !== 'id') return { node: { k: 'llc', pos: t.pos, sub: null }, q: qerr };
      this.#next();
      const name = sub.text.toLowerCase();
      if (!llcNames.has(name)) throw filterError(`unknown LLC type name "${sub.text}"`, sub.pos);
      return { node: { k: 'llc', pos: t.pos, sub: name }, q: qerr };
    }
    if (this.#isKw(t, 'on', 'rset')) return this.#pf(w === 'on' ? 'ifname' : 'ruleset', 'id');
    if (this.#isKw(t, 'rnr', 'srnr')) return this.#pf(w as 'rnr' | 'srnr', 'num');
    if (this.#isKw(t, 'reason')) return this.#pf('reason', 'either');
    if (this.#isKw(t, 'action')) return this.#pf('action', 'id');
    if (atmTypes.has(w) || mtp2Types.has(w)) {
      this.#next();
      return { node: { k: atmTypes.has(w) ? 'atm' : 'mtp', name: w, pos: t.pos }, q: qerr };
    }
    if (atmFields.has(w) || mtp3Fields.has(w)) {
      this.#next();
      this.#fieldValue();
      return { node: { k: atmFields.has(w) ? 'atm' : 'mtp', name: w, pos: t.pos }, q: qerr };
    }
    if (this.#isKw(t, 'ifindex')) {
      this.#next();
      const n = this.#peek();
      if (n.kind !== 'num') this.#fail(n, `'ifindex' needs a number, found ${describe(n)}`);
      this.#next();
      return { node: { k: 'ifindex', n: n.value, pos: t.pos }, q: qerr };
    }
    return this.#fail(t);
  }

  /** A pflog primitive's argument: a name (`on eth0`), a number (`rnr 5`) or either (`reason 2`, `reason match`). */
  #pf(what: 'ifname' | 'ruleset' | 'rnr' | 'srnr' | 'reason' | 'action', arg: 'id' | 'num' | 'either'): Res {
    const t = this.#next();
    const v = this.#peek();
    const ok = v.kind === 'num' ? arg !== 'id' : v.kind === 'id' && arg !== 'num';
    if (!ok) this.#fail(v);
    this.#next();
    if (v.kind === 'id' && what === 'reason' && !pfReasons.has(v.text.toLowerCase())) throw filterError(`unknown PF reason "${v.text}"`, v.pos);
    if (what === 'action' && !pfActions.has(v.text.toLowerCase())) throw filterError(`unknown PF action "${v.text}"`, v.pos);
    return { node: { k: 'pf', what, pos: t.pos }, q: qerr };
  }

  /** grammar.y's atmvalue/mtp3value: `N`, `> N` (any comparison) or `(N or N …)`. */
  #fieldValue(): void {
    const t = this.#peek();
    if (t.kind === 'num') { this.#next(); return; }
    if (t.kind === 'op' && t.text in relops) {
      this.#next();
      if (this.#peek().kind !== 'num') this.#fail(this.#peek());
      this.#next();
      return;
    }
    if (!this.#isOp(t, '(')) this.#fail(t);
    this.#next();
    for (;;) {
      if (this.#peek().kind !== 'num') this.#fail(this.#peek());
      this.#next();
      if (!this.#isKw(this.#peek(), 'or')) break;
      this.#next();
    }
    this.#expectOp(')');
  }

  /** `type T [subtype S]`, `subtype S`, `dir D`, the keyword at the current token; names checked as grammar.y does. */
  #p80211(): Res {
    const t = this.#next();
    const v = this.#peek();
    if (t.text === 'dir') {
      if (v.kind !== 'num' && v.kind !== 'id') this.#fail(v);
      this.#next();
      if (v.kind === 'id' && !wlanDirs.has(v.text.toLowerCase())) throw filterError('unknown 802.11 direction', v.pos);
      return { node: { k: 'p80211', what: 'dir', pos: t.pos }, q: qerr };
    }
    if (t.text === 'subtype') {
      if (v.kind !== 'id') this.#fail(v);
      this.#next();
      if (!wlanSubtypes.some(([, names]) => v.text.toLowerCase() in names)) throw filterError('unknown 802.11 type name', v.pos);
      return { node: { k: 'p80211', what: 'type', pos: t.pos }, q: qerr };
    }
    let type: number;
    if (v.kind === 'num') {
      if ((v.value & ~0x0c) !== 0) throw filterError(`invalid 802.11 type value 0x${hex2(v.value)}`, v.pos);
      type = v.value;
    } else if (v.kind === 'id') {
      const n = wlanTypes[v.text.toLowerCase()];
      if (n === undefined) throw filterError(`unknown 802.11 type name "${v.text}"`, v.pos);
      type = n;
    } else return this.#fail(v);
    this.#next();
    if (this.#isKw(this.#peek(), 'subtype')) {
      this.#next();
      const s = this.#peek();
      if (s.kind === 'num') {
        if ((s.value & ~0xf0) !== 0) throw filterError(`invalid 802.11 subtype value 0x${hex2(s.value)}`, s.pos);
      } else if (s.kind === 'id') {
        const names = wlanSubtypes.find(([ty]) => ty === type)?.[1];
        if (names === undefined) throw filterError('unknown 802.11 type', s.pos);
        if (!(s.text.toLowerCase() in names)) throw filterError(`unknown 802.11 subtype name "${s.text}"`, s.pos);
      } else this.#fail(s);
      this.#next();
    }
    return { node: { k: 'p80211', what: 'type', pos: t.pos }, q: qerr };
  }

  /** `vlan 100`, `vlan (100)`, or no number. */
  #optPnum(): number | null {
    return this.#pnum()?.value ?? null;
  }

  /** grammar.y's pnum: a number in any depth of parentheses; consumed only when it is one. */
  #pnum(): Token | null {
    let depth = 0;
    while (this.#isOp(this.#peek(depth), '(')) depth++;
    if (this.#peek(depth).kind !== 'num') return null;
    for (let i = 0; i < depth; i++) if (!this.#isOp(this.#peek(depth + 1 + i), ')')) return null;
    for (let i = 0; i < depth; i++) this.#next();
    const t = this.#next();
    for (let i = 0; i < depth; i++) this.#next();
    return t;
  }

  #head(): Res {
    let proto = 'default', dir = 'default', addr = 'default';
    if (pnames.has(this.#peek().text) && this.#peek().kind === 'kw') proto = this.#next().text;
    const t = this.#peek();
    if (this.#isKw(t, ...dquals80211)) {
      dir = this.#next().text;
      if (aquals.has(this.#peek().text) && this.#peek().kind === 'kw') addr = this.#next().text;
    } else if (this.#isKw(t, 'src', 'dst')) {
      dir = this.#next().text;
      const c = this.#peek();
      if (this.#isKw(c, 'and', 'or')) {
        this.#next();
        const other = dir === 'src' ? 'dst' : 'src';
        const o = this.#peek();
        if (!this.#isKw(o, other)) this.#fail(o);
        this.#next();
        dir = c.text;
      }
      if (aquals.has(this.#peek().text) && this.#peek().kind === 'kw') addr = this.#next().text;
    } else if (this.#isKw(t, 'host', 'net', 'port', 'portrange')) {
      addr = this.#next().text;
    } else if (this.#isKw(t, 'proto')) {
      this.#next();
      addr = 'proto';
    } else if (this.#isKw(t, 'protochain')) {
      this.#next();
      addr = 'protochain';
    } else if (this.#isKw(t, 'gateway')) {
      this.#next();
      addr = 'gateway';
    } else this.#fail(t);
    const q: Qual = { proto, dir, addr };
    return { node: this.#id(q).node, q };
  }

  /** `id: nid | pnum | '(' pid ')'` */
  #id(q: Qual): Res {
    const t = this.#peek();
    if (this.#isKw(t, 'not')) {
      this.#next();
      const r = this.#id(q);
      return { node: { k: 'not', e: r.node }, q };
    }
    const num = this.#pnum();
    if (num) return { node: { k: 'id', q, tok: num }, q };
    if (this.#isOp(t, '(')) return this.#parenPid(q);
    return this.#nid(q);
  }

  #parenPid(q: Qual): Res {
    this.#expectOp('(');
    const num = this.#pnum();
    let node: Node = num ? { k: 'id', q, tok: num } : this.#nid(q).node;
    while (this.#isKw(this.#peek(), 'and', 'or')) {
      const op = this.#next().text as 'and' | 'or';
      node = { k: op, l: node, r: this.#id(q).node };
    }
    this.#expectOp(')');
    return { node, q };
  }

  #nid(q: Qual): Res {
    const t = this.#peek();
    if (this.#isKw(t, 'not')) {
      this.#next();
      const r = this.#id(q);
      return { node: { k: 'not', e: r.node }, q };
    }
    if (t.kind === 'hid' || t.kind === 'hid6') {
      this.#next();
      if (this.#isOp(this.#peek(), '/')) {
        this.#next();
        const n = this.#peek();
        if (n.kind !== 'num') this.#fail(n, `expected a prefix length, found ${describe(n)}`);
        this.#next();
        return { node: { k: 'id', q, tok: t, bits: n.value }, q };
      }
      if (t.kind === 'hid' && this.#isKw(this.#peek(), 'mask')) {
        this.#next();
        const m = this.#peek();
        if (m.kind !== 'hid') this.#fail(m, `expected a netmask, found ${describe(m)}`);
        this.#next();
        return { node: { k: 'id', q, tok: t, mask: m }, q };
      }
      return { node: { k: 'id', q, tok: t }, q };
    }
    if (t.kind === 'id' || t.kind === 'eid') {
      this.#next();
      return { node: { k: 'id', q, tok: t }, q };
    }
    return this.#fail(t);
  }

  #relation(): Res {
    const start = this.#peek();
    const a = this.#arith(1);
    const t = this.#peek();
    if (t.kind !== 'op' || !(t.text in relops)) this.#fail(t, `expected a comparison, found ${describe(t)}`);
    this.#next();
    const b = this.#arith(1);
    const [op, reversed] = relops[t.text]!;
    return { node: { k: 'rel', op, reversed, a, b, pos: start.pos }, q: qerr };
  }

  #arith(minPrec: number): Arith {
    let left = this.#unary();
    for (;;) {
      const t = this.#peek();
      const p = t.kind === 'op' ? binPrec[t.text] : undefined;
      if (p === undefined || p < minPrec) return left;
      this.#next();
      const right = this.#arith(p + 1);
      left = { k: 'bin', op: t.text, l: left, r: right, pos: t.pos };
    }
  }

  /** '^' has no precedence in grammar.y, so yacc always shifts it: it takes the whole rest as its right side. */
  #unary(): Arith {
    if (this.#isOp(this.#peek(), '-')) {
      this.#next();
      return { k: 'neg', e: this.#unary() };
    }
    const p = this.#primary();
    const t = this.#peek();
    if (this.#isOp(t, '^')) {
      this.#next();
      return { k: 'bin', op: '^', l: p, r: this.#arith(1), pos: t.pos };
    }
    return p;
  }

  #primary(): Arith {
    const t = this.#peek();
    if (t.kind === 'num') { this.#next(); return { k: 'num', v: t.value }; }
    if (this.#isKw(t, 'len')) { this.#next(); return { k: 'len' }; }
    if (this.#isOp(t, '(')) {
      this.#next();
      const e = this.#arith(1);
      this.#expectOp(')');
      return e;
    }
    if (t.kind === 'kw' && pnames.has(t.text) && this.#isOp(this.#peek(1), '[')) {
      this.#next();
      this.#next();
      const index = this.#arith(1);
      let size = 1;
      if (this.#isOp(this.#peek(), ':')) {
        this.#next();
        const s = this.#peek();
        if (s.kind !== 'num') this.#fail(s, `expected a size, found ${describe(s)}`);
        this.#next();
        size = s.value;
      }
      this.#expectOp(']');
      return { k: 'load', proto: t.text, index, size, pos: t.pos };
    }
    return this.#fail(t);
  }
}

const hex2 = (v: number): string => (v >>> 0).toString(16).padStart(2, '0');

export function parseFilter(expr: string): Node | null {
  return new Parser(expr).parse();
}
