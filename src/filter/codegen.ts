// From the syntax tree to conditions on packet bytes, following libpcap 1.10's gencode.c primitive by
// primitive (offsets, fragment tests, which link types allow what, the error wording), so that the
// program selects exactly the packets libpcap's would.
import {
  BPF_ABS, BPF_ADD, BPF_ALU, BPF_AND, BPF_B, BPF_DIV, BPF_H, BPF_IMM, BPF_IND, BPF_JEQ, BPF_JGE, BPF_JGT, BPF_JSET,
  BPF_K, BPF_LD, BPF_LDX, BPF_LEN, BPF_LSH, BPF_MEM, BPF_MEMWORDS, BPF_MISC, BPF_MOD, BPF_MSH, BPF_MUL, BPF_NEG,
  BPF_OR, BPF_RSH, BPF_ST, BPF_SUB, BPF_TAX, BPF_W, BPF_X, BPF_XOR, BPF_JMP, BPF_JA, BPF_STX, BPF_TXA, type BpfInsn,
} from './bpf.js';
import { filterError } from './errors.js';
import { etherProtoByName, ipProtoByName, serviceToPort } from './names.js';
import type { Arith, Node, Qual } from './parser.js';
import { linkTypeDescription } from '../decoders/link-type.js';
import { filterCompilerKnows } from '../decoders/link-type-names.js';

/** A test: straight-line statements, then one conditional jump on A (against k, or X when `srcX`). */
export interface Test {
  t: 'test';
  stmts: BpfInsn[];
  op: number;
  srcX: boolean;
  k: number;
}
export type Cond = Test | { t: 'and' | 'or'; a: Cond; b: Cond } | { t: 'not'; a: Cond } | { t: 'const'; v: boolean };

export interface CodegenOptions {
  /** The netmask `ip broadcast` needs (tcpdump passes 0 when reading files); undefined or 0xffffffff: unknown. */
  netmask?: number | undefined;
  /** DLT_NULL stores the address family in the capturing host's byte order: true when that was big-endian. */
  nullBigEndian?: boolean | undefined;
  /**
   * For a program attached to a Linux AF_PACKET socket: the kernel usually takes the outer VLAN tag
   * out of the frame into metadata, so the first `vlan` accepts a tag in the metadata (SKF_AD_VLAN_*)
   * or in the frame, and later offsets are 4 bytes further only in the second case (libpcap's
   * gen_vlan_bpf_extensions); later `vlan`s (QinQ) are in the frame.
   */
  vlanTagsStripped?: boolean | undefined;
  /**
   * The program will run in the kernel on a Linux AF_PACKET socket: implies vlanTagsStripped, and
   * `inbound`/`outbound` read the packet type from metadata (SKF_AD_PKTTYPE) on any link type.
   * 'cooked' (SOCK_DGRAM, LINUX_SLL/LINUX_SLL2): the kernel's frame has no SLL header, so loads
   * from it become metadata loads and the rest move back by the header length, as libpcap does.
   */
  linuxSocket?: 'raw' | 'cooked' | undefined;
}

/** Linux ancillary loads (linux/filter.h): offsets from SKF_AD_OFF = -0x1000. */
export const SKF_AD_OFF = (-0x1000) >>> 0;
export const SKF_AD_PROTOCOL = SKF_AD_OFF + 0, SKF_AD_PKTTYPE = SKF_AD_OFF + 4, SKF_AD_IFINDEX = SKF_AD_OFF + 8;
const SKF_AD_VLAN_TAG = SKF_AD_OFF + 44, SKF_AD_VLAN_TAG_PRESENT = SKF_AD_OFF + 48;
const PACKET_OUTGOING = 4;

const ETHERTYPE_IP = 0x0800, ETHERTYPE_ARP = 0x0806, ETHERTYPE_REVARP = 0x8035, ETHERTYPE_IPV6 = 0x86dd;
const ETHERTYPE_ATALK = 0x809b, ETHERTYPE_AARP = 0x80f3, ETHERTYPE_IPX = 0x8137, ETHERTYPE_DN = 0x6003, ETHERTYPE_TEB = 0x6558;
const ETHERTYPE_8021Q = 0x8100, ETHERTYPE_8021AD = 0x88a8, ETHERTYPE_8021QINQ = 0x9100;
const ETHERTYPE_MPLS = 0x8847, ETHERTYPE_PPPOED = 0x8863, ETHERTYPE_PPPOES = 0x8864;
const ETHERMTU = 1500;
/** libpcap's ethertype_to_ppptype: the PPP protocol numbers for EtherTypes (others are compared as they are). */
const pppProtocols: Record<number, number> = {
  0x0800: 0x0021, 0x86dd: 0x0057, 0x6003: 0x0027, 0x809b: 0x0029, 0x0600: 0x0025, 0xfe: 0x0023, 0x42: 0x0031, 0xe0: 0x002b,
};
const PPP_MPLS_UCAST = 0x0281;
const ISO8473_CLNP = 0x81, ISO9542_ESIS = 0x82, ISO10589_ISIS = 0x83;
/** IS-IS PDU types each of `l1`, `l2`, `iih`, `lsp`, `snp`, `csnp`, `psnp` stands for (libpcap's order). */
const isisPduTypes: Record<string, number[]> = {
  l1: [0x1a, 0x18, 0x12, 0x0f, 0x11], l2: [0x1b, 0x19, 0x14, 0x10, 0x11], iih: [0x11, 0x0f, 0x10],
  lsp: [0x12, 0x14], snp: [0x1b, 0x1a, 0x18, 0x19], csnp: [0x18, 0x19], psnp: [0x1a, 0x1b],
};
const LLCSAP_IP = 0x06, LLCSAP_ISONS = 0xfe, LLCSAP_NETBEUI = 0xf0, LLCSAP_IPX = 0xe0;
const LINUX_SLL_P_802_3 = 0x0001, LINUX_SLL_P_802_2 = 0x0004;
const IPPROTO_TCP = 6, IPPROTO_UDP = 17, IPPROTO_SCTP = 132, IPPROTO_FRAGMENT = 44;
const IPPROTO_HOPOPTS = 0, IPPROTO_ROUTING = 43, IPPROTO_AH = 51, IPPROTO_NONE = 59, IPPROTO_DSTOPTS = 60;
const GENEVE_PORT = 6081;
/** LLC control field: S and U formats, and the masks for their commands (llc.h). */
const LLC_S_FMT = 1, LLC_U_FMT = 3, LLC_S_CMD_MASK = 0x0f, LLC_U_CMD_MASK = 0xef;
const llcCommands: Record<string, [number, number]> = {
  rr: [0x01, LLC_S_CMD_MASK], rnr: [0x05, LLC_S_CMD_MASK], rej: [0x09, LLC_S_CMD_MASK],
  ui: [0x03, LLC_U_CMD_MASK], ua: [0x63, LLC_U_CMD_MASK], disc: [0x43, LLC_U_CMD_MASK], dm: [0x0f, LLC_U_CMD_MASK],
  sabme: [0x6f, LLC_U_CMD_MASK], test: [0xe3, LLC_U_CMD_MASK], xid: [0xaf, LLC_U_CMD_MASK], frmr: [0x87, LLC_U_CMD_MASK],
};
/** What libpcap's errors call the SunATM and SS7 keywords (its wording, quirks included). */
const atmNames: Record<string, string> = { oamf4ec: 'oam4ec', oamf4sc: 'oam4sc' };
const mtpMessages: Record<string, string> = {
  fisu: "'fisu' supported only on MTP2", lssu: "'lssu' supported only on MTP2", msu: "'msu' supported only on MTP2",
  hfisu: "'hfisu' supported only on MTP2_HSL", hlssu: "'hlssu' supported only on MTP2_HSL", hmsu: "'hmsu' supported only on MTP2_HSL",
  sio: "'sio' supported only on SS7", hsio: "'sio' supported only on SS7", opc: "'opc' supported only on SS7", hopc: "'opc' supported only on SS7",
  dpc: "'dpc' supported only on SS7", hdpc: "'dpc' supported only on SS7", sls: "'sls' supported only on SS7", hsls: "'sls' supported only on SS7",
};
const pfNames: Record<string, string> = { ifname: 'ifname', ruleset: 'ruleset', rnr: 'rnr', srnr: 'srnr', reason: 'reason', action: 'action' };

const DLT_PPP = 9;
const DLT_NULL = 0, DLT_EN10MB = 1, DLT_RAW = 101, DLT_LOOP = 108, DLT_LINUX_SLL = 113, DLT_IPV4 = 228, DLT_IPV6 = 229,
  DLT_LINUX_SLL2 = 276;
export const supportedLinkTypes = [DLT_NULL, DLT_EN10MB, DLT_RAW, DLT_LOOP, DLT_LINUX_SLL, DLT_IPV4, DLT_IPV6, DLT_LINUX_SLL2];

export const TRUE: Cond = { t: 'const', v: true };
export const FALSE: Cond = { t: 'const', v: false };
export const and = (a: Cond, b: Cond): Cond => ({ t: 'and', a, b });
export const or = (a: Cond, b: Cond): Cond => ({ t: 'or', a, b });
export const not = (a: Cond): Cond => ({ t: 'not', a });
const stmt = (code: number, k = 0): BpfInsn => ({ code, jt: 0, jf: 0, k: k >>> 0 });
const test = (stmts: BpfInsn[], op: number, k: number, srcX = false): Test => ({ t: 'test', stmts, op, srcX, k: k >>> 0 });
const sizeCode = (size: number): number => (size === 4 ? BPF_W : size === 2 ? BPF_H : BPF_B);

/** An arithmetic value: a constant, or statements that leave it in A, valid only when `cond` holds. */
interface Val {
  konst: number | null;
  stmts: BpfInsn[];
  cond: Cond | null;
}

/** Where an offset counts from: the link-layer header, its type field, or its payload (gencode's OR_LINKHDR, OR_LINKTYPE, OR_LINKPL). */
type Base = 'hdr' | 'lt' | 'pl';

const protoNumbers: Record<string, number> = { tcp: IPPROTO_TCP, udp: IPPROTO_UDP, sctp: IPPROTO_SCTP };

export class CodeGen {
  /** Where the link-layer type field is (-1: none) and where its payload starts; `vlan` moves both. */
  #offLinkType: number;
  #offLinkPl: number;
  /** Where the link-layer header starts: `pppoes` moves it to the PPP header. */
  #offLinkHdr = 0;
  /**
   * After `geneve`, the three offsets are variable (libpcap's bpf_abs_offset.reg): each register
   * holds where the link-layer header, type field and payload of the inner frame start, and the
   * fields above are what is added to it. -1: the offset is the constant alone.
   */
  #regLinkHdr = -1;
  #regLinkType = -1;
  #regLinkPl = -1;
  /** libpcap's is_geneve: Ethernet address tests first check that the inner frame has an Ethernet header. */
  #geneve = false;
  /** Where a network layer without a SNAP header starts in the payload (off_nl_nosnap): after LLC's 3 bytes on Ethernet. */
  #offNlNosnap: number;
  /** MPLS labels seen so far; the link type the rest of the expression sees (`pppoes`: PPP, `geneve`: Ethernet). */
  #mpls = 0;
  #inner: number | null = null;
  /**
   * On a Linux socket, after the first `vlan`, everything from the type field on is 4 bytes further
   * only when the tag is still in the frame (no VLAN metadata): a variable offset, as libpcap's.
   */
  #var = false;
  #regs = 0;
  #vlans = 0;

  /**
   * `unoptimized`: the expression has `geneve` or `protochain`, for which libpcap turns its optimizer
   * off for the whole program; vcap then emits libpcap's unoptimized code (no test is folded away).
   */
  constructor(readonly linkType: number, readonly opts: CodegenOptions, readonly expr = '', readonly unoptimized = false) {
    this.#offNlNosnap = linkType === DLT_EN10MB ? 3 : 0;
    switch (linkType) {
      case DLT_EN10MB: this.#offLinkType = 12; this.#offLinkPl = 14; break;
      case DLT_LINUX_SLL: this.#offLinkType = 14; this.#offLinkPl = 16; break;
      case DLT_LINUX_SLL2: this.#offLinkType = 0; this.#offLinkPl = 20; break;
      case DLT_NULL: case DLT_LOOP: this.#offLinkType = 0; this.#offLinkPl = 4; break;
      case DLT_RAW: case DLT_IPV4: case DLT_IPV6: this.#offLinkType = -1; this.#offLinkPl = 0; break;
      default:
        if (!filterCompilerKnows(linkType)) throw filterError(`unknown data link type ${linkType} (min 104, max 289)`, 0);
        throw filterError(`filters are not supported on link type ${linkTypeDescription(linkType)}`, 0);
    }
  }

  /** The link type the rest of the expression sees (PPP after `pppoes`, Ethernet after `geneve`). */
  get #dlt(): number { return this.#inner ?? this.linkType; }

  get #desc(): string {
    const d = linkTypeDescription(this.#dlt);
    return d.slice(d.indexOf('(') + 1, -1);
  }

  // ---- loads and comparisons -------------------------------------------------------------------

  /** X = the variable offset: 0 when the kernel holds the outer VLAN tag as metadata, 4 when it is in the frame. */
  #varX(): BpfInsn[] {
    return [stmt(BPF_LD | BPF_ABS | BPF_B, SKF_AD_VLAN_TAG_PRESENT), stmt(BPF_ALU | BPF_LSH | BPF_K, 2), stmt(BPF_MISC | BPF_TAX),
      stmt(BPF_LD | BPF_IMM, 4), stmt(BPF_ALU | BPF_SUB | BPF_X), stmt(BPF_MISC | BPF_TAX)];
  }
  /** Load `size` bytes at `off`, which is past the variable offset when `shifted`. */
  #ld(off: number, size: number, shifted: boolean): BpfInsn[] {
    if (shifted && this.#var) return [...this.#varX(), stmt(BPF_LD | BPF_IND | sizeCode(size), off)];
    return [stmt(BPF_LD | BPF_ABS | sizeCode(size), off)];
  }
  /** X = the IPv4 header length (plus the variable offset). */
  #ipHdrLenX(): BpfInsn[] {
    const rest = [stmt(BPF_LD | BPF_IND | BPF_B, this.#offLinkPl), stmt(BPF_ALU | BPF_AND | BPF_K, 0xf),
      stmt(BPF_ALU | BPF_LSH | BPF_K, 2), stmt(BPF_ALU | BPF_ADD | BPF_X), stmt(BPF_MISC | BPF_TAX)];
    if (this.#regLinkPl >= 0) return [stmt(BPF_LDX | BPF_MEM, this.#regLinkPl), ...rest];
    if (!this.#var) return [stmt(BPF_LDX | BPF_MSH | BPF_B, this.#offLinkPl)];
    return [...this.#varX(), ...rest];
  }

  #cmp(off: number, size: number, v: number, op = BPF_JEQ, mask = 0xffffffff, shifted = off >= 12 && off < SKF_AD_OFF): Test {
    const s = this.#ld(off, size, shifted);
    if ((mask >>> 0) !== 0xffffffff) s.push(stmt(BPF_ALU | BPF_AND | BPF_K, mask));
    return test(s, op, v);
  }

  /**
   * Load `size` bytes at `off` from the start of the link-layer header, type field or payload
   * (gencode's OR_LINKHDR, OR_LINKTYPE, OR_LINKPL): through X when that start is variable.
   */
  #ldAt(base: Base, off: number, size: number): BpfInsn[] {
    const reg = base === 'hdr' ? this.#regLinkHdr : base === 'lt' ? this.#regLinkType : this.#regLinkPl;
    const k = (base === 'hdr' ? this.#offLinkHdr : base === 'lt' ? this.#offLinkType : this.#offLinkPl) + off;
    if (reg >= 0) return [stmt(BPF_LDX | BPF_MEM, reg), stmt(BPF_LD | BPF_IND | sizeCode(size), k)];
    return this.#ld(k, size, base === 'hdr' ? this.#offLinkHdr > 0 : k >= 12 && k < SKF_AD_OFF);
  }
  #cmpAt(base: Base, off: number, size: number, v: number, op = BPF_JEQ, mask = 0xffffffff): Test {
    const s = this.#ldAt(base, off, size);
    if ((mask >>> 0) !== 0xffffffff) s.push(stmt(BPF_ALU | BPF_AND | BPF_K, mask));
    return test(s, op, v);
  }
  #mcmpAt(base: Base, off: number, size: number, v: number, mask: number): Cond {
    // A zero mask compares nothing: libpcap's optimizer folds the load away (not when it is off).
    if ((mask >>> 0) === 0 && !this.unoptimized) return TRUE;
    return this.#cmpAt(base, off, size, v, BPF_JEQ, mask);
  }
  /** Link-header, payload and type-field relative comparisons. */
  #hdr(off: number, size: number, v: number, op = BPF_JEQ): Test { return this.#cmpAt('hdr', off, size, v, op); }
  #pl(off: number, size: number, v: number, op = BPF_JEQ): Test { return this.#cmpAt('pl', off, size, v, op); }
  #lt(off: number, size: number, v: number, op = BPF_JEQ): Test { return this.#cmpAt('lt', off, size, v, op); }
  /** A 16-bit field at `off` in the IPv4 transport header: X = IPv4 header length. */
  #tranIpv4(off: number, v: number, op = BPF_JEQ): Test {
    return test([...this.#ipHdrLenX(), stmt(BPF_LD | BPF_IND | BPF_H, this.#offLinkPl + off)], op, v);
  }
  /** IPv6: the transport header is assumed right after the fixed header, as libpcap does. */
  #tranIpv6(off: number, v: number, op = BPF_JEQ): Test { return this.#pl(40 + off, 2, v, op); }

  /** gen_bcmp: compare `bytes` at `off` from a base, last word first. */
  #bcmp(base: Base, off: number, bytes: Uint8Array): Cond {
    let b: Cond | null = null;
    let size = bytes.length;
    const push = (t: Cond): void => { b = b ? and(b, t) : t; };
    while (size >= 4) {
      const p = size - 4;
      push(this.#cmpAt(base, off + p, 4, ((bytes[p]! << 24) | (bytes[p + 1]! << 16) | (bytes[p + 2]! << 8) | bytes[p + 3]!) >>> 0));
      size -= 4;
    }
    while (size >= 2) {
      const p = size - 2;
      push(this.#cmpAt(base, off + p, 2, (bytes[p]! << 8) | bytes[p + 1]!));
      size -= 2;
    }
    if (size > 0) push(this.#cmpAt(base, off, 1, bytes[0]!));
    return b ?? TRUE;
  }

  #snap(orgcode: number, ptype: number): Cond {
    return this.#bcmp('pl', 0, new Uint8Array([0xaa, 0xaa, 0x03, (orgcode >> 16) & 0xff, (orgcode >> 8) & 0xff, orgcode & 0xff,
      (ptype >> 8) & 0xff, ptype & 0xff]));
  }

  // ---- link-layer type ---------------------------------------------------------------------------

  /** gen_linktype: "the link-layer payload is protocol `p`" (an EtherType, or an LLC SAP when ≤ 1500). */
  #linkIs(p: number): Cond {
    if (this.#mpls > 0) {
      // Inside MPLS: the last label has the bottom-of-stack bit, and the IP version nibble says which.
      if (p !== ETHERTYPE_IP && p !== ETHERTYPE_IPV6) throw filterError('unsupported protocol over mpls', 0);
      return and(this.#cmpAt('pl', -2, 1, 1, BPF_JEQ, 1), this.#cmpAt('pl', 0, 1, p === ETHERTYPE_IP ? 0x40 : 0x60, BPF_JEQ, 0xf0));
    }
    switch (this.#dlt) {
      case DLT_PPP: return this.#lt(0, 2, pppProtocols[p] ?? p);
      case DLT_EN10MB: return this.#etherLinkType(p);
      case DLT_LINUX_SLL: return this.#sllLinkType(p);
      // libpcap 1.10 compares the SLL2 protocol field as it is, with no LLC special cases.
      case DLT_LINUX_SLL2: return this.#lt(0, 2, p);
      case DLT_RAW:
        if (p === ETHERTYPE_IP) return this.#cmp(0, 1, 0x40, BPF_JEQ, 0xf0);
        if (p === ETHERTYPE_IPV6) return this.#cmp(0, 1, 0x60, BPF_JEQ, 0xf0);
        return FALSE;
      case DLT_IPV4: return p === ETHERTYPE_IP ? TRUE : FALSE;
      case DLT_IPV6: return p === ETHERTYPE_IPV6 ? TRUE : FALSE;
      case DLT_NULL: case DLT_LOOP: {
        // Address families: AF_INET, and AF_INET6 as the BSDs number it (24, 28, 30) — never Linux's 10.
        const fam = p === ETHERTYPE_IP ? [2] : p === ETHERTYPE_IPV6 ? [30, 24, 28] : [];
        const swap = this.linkType === DLT_NULL && !this.opts.nullBigEndian;
        let c: Cond = FALSE;
        fam.forEach((f, i) => {
          const v = swap ? ((f & 0xff) << 24 | (f & 0xff00) << 8 | (f >>> 8) & 0xff00 | f >>> 24) >>> 0 : f;
          const t = this.#cmp(0, 4, v);
          c = i === 0 ? t : or(c, t);
        });
        return c;
      }
    }
    return FALSE;
  }

  #notLlc(): Cond { return not(this.#lt(0, 2, ETHERMTU, BPF_JGT)); }

  #etherLinkType(p: number): Cond {
    switch (p) {
      case LLCSAP_ISONS: case LLCSAP_IP: case LLCSAP_NETBEUI:
        return and(this.#notLlc(), this.#lt(2, 2, (p << 8) | p));
      case LLCSAP_IPX:
        return or(this.#lt(0, 2, ETHERTYPE_IPX),
          and(this.#notLlc(), or(or(this.#snap(0x000000, ETHERTYPE_IPX), this.#lt(2, 1, LLCSAP_IPX)), this.#lt(2, 2, 0xffff))));
      case ETHERTYPE_ATALK: case ETHERTYPE_AARP:
        return or(this.#lt(0, 2, p), and(this.#notLlc(), this.#snap(p === ETHERTYPE_ATALK ? 0x080007 : 0, p)));
      default:
        if (p <= ETHERMTU) return and(this.#notLlc(), this.#lt(2, 1, p));
        return this.#lt(0, 2, p);
    }
  }

  #sllLinkType(p: number): Cond {
    switch (p) {
      case LLCSAP_ISONS: case LLCSAP_IP: case LLCSAP_NETBEUI:
        return and(this.#lt(0, 2, LINUX_SLL_P_802_2), this.#lt(2, 2, (p << 8) | p));
      case LLCSAP_IPX:
        return or(or(this.#lt(0, 2, ETHERTYPE_IPX), this.#lt(0, 2, LINUX_SLL_P_802_3)),
          and(this.#lt(0, 2, LINUX_SLL_P_802_2), or(this.#snap(0x000000, ETHERTYPE_IPX), this.#lt(2, 1, LLCSAP_IPX))));
      case ETHERTYPE_ATALK: case ETHERTYPE_AARP:
        return or(this.#lt(0, 2, p),
          and(this.#lt(0, 2, LINUX_SLL_P_802_2), this.#snap(p === ETHERTYPE_ATALK ? 0x080007 : 0, p)));
      default:
        if (p <= ETHERMTU) return and(this.#lt(0, 2, LINUX_SLL_P_802_2), this.#lt(2, 1, p));
        return this.#lt(0, 2, p);
    }
  }

  // ---- protocols ---------------------------------------------------------------------------------

  /** gen_proto: `ip proto v`, `ip6 proto v` (also behind one fragment header), `ether proto v`. */
  #proto(v: number, proto: string, pos: number): Cond {
    switch (proto) {
      case 'default': return or(this.#proto(v, 'ip', pos), this.#proto(v, 'ip6', pos));
      case 'ip': return and(this.#linkIs(ETHERTYPE_IP), this.#pl(9, 1, v));
      case 'ip6':
        return and(this.#linkIs(ETHERTYPE_IPV6),
          or(this.#pl(6, 1, v), and(this.#pl(6, 1, IPPROTO_FRAGMENT), this.#pl(40, 1, v))));
      case 'link': return this.#linkIs(v);
      case 'iso': return and(this.#linkIs(LLCSAP_ISONS), this.#cmpAt('pl', this.#offNlNosnap, 1, v));
      case 'arp': case 'rarp': throw filterError(`${proto} does not encapsulate another protocol`, pos);
      default:
        if (['sctp', 'tcp', 'udp', 'icmp', 'igmp', 'igrp', 'pim', 'vrrp', 'carp', 'icmp6', 'ah', 'esp'].includes(proto))
          throw filterError(`'${proto} proto' is bogus`, pos);
        throw filterError(`'${proto} proto' is not supported by vcap's filter compiler`, pos);
    }
  }

  /** gen_proto_abbrev: a protocol name alone (`tcp`, `arp`, `icmp6`…). */
  abbrev(proto: string, pos: number): Cond {
    switch (proto) {
      case 'sctp': return this.#proto(IPPROTO_SCTP, 'default', pos);
      case 'tcp': return this.#proto(IPPROTO_TCP, 'default', pos);
      case 'udp': return this.#proto(IPPROTO_UDP, 'default', pos);
      case 'icmp': return this.#proto(1, 'ip', pos);
      case 'igmp': return this.#proto(2, 'ip', pos);
      case 'igrp': return this.#proto(9, 'ip', pos);
      case 'pim': return this.#proto(103, 'default', pos);
      case 'vrrp': case 'carp': return this.#proto(112, 'ip', pos);
      case 'ip': return this.#linkIs(ETHERTYPE_IP);
      case 'arp': return this.#linkIs(ETHERTYPE_ARP);
      case 'rarp': return this.#linkIs(ETHERTYPE_REVARP);
      case 'ip6': return this.#linkIs(ETHERTYPE_IPV6);
      case 'icmp6': return this.#proto(58, 'ip6', pos);
      case 'ah': return this.#proto(51, 'default', pos);
      case 'esp': return this.#proto(50, 'default', pos);
      case 'atalk': return this.#linkIs(ETHERTYPE_ATALK);
      case 'aarp': return this.#linkIs(ETHERTYPE_AARP);
      case 'decnet': return this.#linkIs(0x6003);
      case 'lat': return this.#linkIs(0x6004);
      case 'sca': return this.#linkIs(0x6007);
      case 'moprc': return this.#linkIs(0x6002);
      case 'mopdl': return this.#linkIs(0x6001);
      case 'stp': return this.#linkIs(0x42);
      case 'ipx': return this.#linkIs(LLCSAP_IPX);
      case 'netbeui': return this.#linkIs(LLCSAP_NETBEUI);
      case 'iso': return this.#linkIs(LLCSAP_ISONS);
      case 'esis': return this.#proto(ISO9542_ESIS, 'iso', pos);
      case 'isis': return this.#proto(ISO10589_ISIS, 'iso', pos);
      case 'clnp': return this.#proto(ISO8473_CLNP, 'iso', pos);
      case 'l1': case 'l2': case 'iih': case 'lsp': case 'snp': case 'csnp': case 'psnp': {
        const at = this.#offNlNosnap + 4;
        return and(this.#proto(ISO10589_ISIS, 'iso', pos), isisPduTypes[proto]!.map((t) => this.#cmpAt('pl', at, 1, t) as Cond).reduce((a, b) => or(a, b)));
      }
      case 'link': throw filterError('link layer applied in wrong context', pos);
      default: throw filterError(`'${proto}' is not supported by vcap's filter compiler`, pos);
    }
  }

  // ---- hosts and networks ------------------------------------------------------------------------

  #hostop(addr: number, mask: number, dir: string, ll: number, srcOff: number, dstOff: number, pos: number): Cond {
    notWlanAddress(dir, pos);
    switch (dir) {
      case 'src': return and(this.#linkIs(ll), this.#mcmpAt('pl', srcOff, 4, addr & mask, mask));
      case 'dst': return and(this.#linkIs(ll), this.#mcmpAt('pl', dstOff, 4, addr & mask, mask));
      case 'and': return and(this.#hostop(addr, mask, 'src', ll, srcOff, dstOff, pos), this.#hostop(addr, mask, 'dst', ll, srcOff, dstOff, pos));
      default: return or(this.#hostop(addr, mask, 'src', ll, srcOff, dstOff, pos), this.#hostop(addr, mask, 'dst', ll, srcOff, dstOff, pos));
    }
  }

  #host(addr: number, mask: number, proto: string, dir: string, type: string, pos: number): Cond {
    switch (proto) {
      case 'default':
        // Under MPLS only IPv4 is looked at (libpcap: no ARP/RARP inside a label stack).
        if (this.#mpls > 0) return this.#host(addr, mask, 'ip', dir, type, pos);
        return or(or(this.#host(addr, mask, 'ip', dir, type, pos), this.#host(addr, mask, 'arp', dir, type, pos)),
          this.#host(addr, mask, 'rarp', dir, type, pos));
      case 'ip': return this.#hostop(addr, mask, dir, ETHERTYPE_IP, 12, 16, pos);
      case 'arp': return this.#hostop(addr, mask, dir, ETHERTYPE_ARP, 14, 24, pos);
      case 'rarp': return this.#hostop(addr, mask, dir, ETHERTYPE_REVARP, 14, 24, pos);
      case 'decnet': return this.#dnhost(addr, dir, pos);
      case 'link': throw filterError(`link-layer modifier applied to ${type}`, pos);
      case 'ip6': throw filterError(`'ip6' modifier applied to ip host`, pos);
      default: {
        const name = notImplementedHosts[proto];
        if (name !== undefined) throw filterError(`${name} host filtering not implemented`, pos);
        throw filterError(`'${proto}' modifier applied to ${type}`, pos);
      }
    }
  }

  #hostop6(addr: Uint8Array, mask: Uint8Array, dir: string, pos: number): Cond {
    notWlanAddress(dir, pos);
    const word = (a: Uint8Array, i: number): number => ((a[i]! << 24) | (a[i + 1]! << 16) | (a[i + 2]! << 8) | a[i + 3]!) >>> 0;
    if (dir === 'and' || dir === 'or' || dir === 'default') {
      const s = this.#hostop6(addr, mask, 'src', pos), d = this.#hostop6(addr, mask, 'dst', pos);
      return dir === 'and' ? and(s, d) : or(s, d);
    }
    const at = dir === 'src' ? 8 : 24;
    let b = this.#mcmpAt('pl', at + 12, 4, word(addr, 12), word(mask, 12));
    for (const i of [8, 4, 0]) b = and(this.#mcmpAt('pl', at + i, 4, word(addr, i), word(mask, i)), b);
    return and(this.#linkIs(ETHERTYPE_IPV6), b);
  }

  #host6(addr: Uint8Array, mask: Uint8Array, proto: string, dir: string, pos: number): Cond {
    switch (proto) {
      case 'default': case 'ip6': return this.#hostop6(addr, mask, dir, pos);
      case 'link': throw filterError('link-layer modifier applied to ip6 host', pos);
      default: throw filterError(`'${proto}' modifier applied to ip6 host`, pos);
    }
  }

  /**
   * gen_dnhostop: a DECnet node address (area.node), destination or source, in any of the four
   * routing header forms (long or short, with or without a pad byte). The address is stored
   * little-endian in the packet, which libpcap compares byte-swapped, as on the x86 hosts it runs on.
   */
  #dnhost(addr: number, dir: string, pos: number): Cond {
    notWlanAddress(dir, pos);
    if (dir === 'and') return and(this.#dnhost(addr, 'src', pos), this.#dnhost(addr, 'dst', pos));
    if (dir !== 'src' && dir !== 'dst') return or(this.#dnhost(addr, 'src', pos), this.#dnhost(addr, 'dst', pos));
    const [sh, lh] = dir === 'dst' ? [1, 7] : [3, 15];
    const a = ((addr & 0xff) << 8) | ((addr >> 8) & 0xff);
    let b: Cond = and(this.#mcmpAt('pl', 2, 2, 0x8106, 0xff07), this.#pl(2 + 1 + lh, 2, a));
    b = or(and(this.#mcmpAt('pl', 2, 1, 0x06, 0x07), this.#pl(2 + lh, 2, a)), b);
    b = or(and(this.#mcmpAt('pl', 2, 2, 0x8102, 0xff07), this.#pl(2 + 1 + sh, 2, a)), b);
    b = or(and(this.#mcmpAt('pl', 2, 1, 0x02, 0x07), this.#pl(2 + sh, 2, a)), b);
    return and(this.#linkIs(ETHERTYPE_DN), b);
  }

  #ehost(mac: Uint8Array, dir: string, pos: number): Cond {
    const n = wlanDirNames[dir];
    if (n !== undefined) throw filterError(`${n} ${n.includes(' and ') ? 'are' : 'is'} only supported on 802.11 with 802.11 headers`, pos);
    switch (dir) {
      case 'src': return this.#bcmp('hdr', 6, mac);
      case 'dst': return this.#bcmp('hdr', 0, mac);
      case 'and': return and(this.#bcmp('hdr', 6, mac), this.#bcmp('hdr', 0, mac));
      default: return or(this.#bcmp('hdr', 6, mac), this.#bcmp('hdr', 0, mac));
    }
  }

  /** gen_prevlinkhdr_check after `geneve`: the inner frame has an Ethernet header (its header and payload do not start together). */
  #innerEtherCheck(c: Cond): Cond {
    if (!this.#geneve) return c;
    return and(not(test([stmt(BPF_LD | BPF_MEM, this.#regLinkHdr), stmt(BPF_LDX | BPF_MEM, this.#regLinkPl)], BPF_JEQ, 0, true)), c);
  }

  // ---- ports ---------------------------------------------------------------------------------------

  #ipfrag(): Cond { return not(this.#cmpAt('pl', 6, 2, 0x1fff, BPF_JSET)); }

  #portDir(dir: string, atom: (off: number) => Cond): Cond {
    switch (dir) {
      case 'src': return atom(0);
      case 'dst': return atom(2);
      case 'and': return and(atom(0), atom(2));
      default: return or(atom(0), atom(2));
    }
  }
  #range4(lo: number, hi: number) {
    return (off: number): Cond => and(this.#tranIpv4(off, lo, BPF_JGE), not(this.#tranIpv4(off, hi, BPF_JGT)));
  }
  #range6(lo: number, hi: number) {
    return (off: number): Cond => and(this.#tranIpv6(off, lo, BPF_JGE), not(this.#tranIpv6(off, hi, BPF_JGT)));
  }

  /** gen_port/gen_port6 (and their portrange forms): TCP/UDP/SCTP, IPv4 first fragments only. */
  #ports(lo: number, hi: number, ipProto: number | undefined, dir: string): Cond {
    const single = lo === hi;
    const op4 = (p: number): Cond => and(and(this.#pl(9, 1, p), this.#ipfrag()),
      this.#portDir(dir, single ? (off) => this.#tranIpv4(off, lo) : this.#range4(lo, hi)));
    const op6 = (p: number): Cond => and(this.#pl(6, 1, p),
      this.#portDir(dir, single ? (off) => this.#tranIpv6(off, lo) : this.#range6(lo, hi)));
    // libpcap's order: IPv6 before IPv4, SCTP before TCP and UDP (it decides which load comes first).
    const each = (op: (p: number) => Cond): Cond =>
      ipProto !== undefined ? op(ipProto) : or(op(IPPROTO_SCTP), or(op(IPPROTO_TCP), op(IPPROTO_UDP)));
    return or(and(this.#linkIs(ETHERTYPE_IPV6), each(op6)), and(this.#linkIs(ETHERTYPE_IP), each(op4)));
  }

  #portProto(proto: string, what: string, pos: number): number | undefined {
    if (proto === 'default') return undefined;
    const p = protoNumbers[proto];
    if (p === undefined) throw filterError(`illegal qualifier of '${what}'`, pos);
    return p;
  }

  #checkPort(v: number, pos: number): void {
    if (v > 65535) throw filterError(`illegal port number ${v} > 65535`, pos);
  }

  /** A service name for `port`/`portrange`, with libpcap's checks against the protocol qualifier. */
  #service(name: string, proto: string, pos: number): { port: number; real: number | undefined } {
    const s = serviceToPort(name);
    if (!s) return { port: -1, real: undefined };
    let real = s.proto;
    const want = protoNumbers[proto];
    if (want !== undefined) {
      if (real !== undefined && real !== want) throw filterError(`port '${name}' is ${real === IPPROTO_TCP ? 'tcp' : real === IPPROTO_UDP ? 'udp' : 'sctp'}`, pos);
      real = want;
    }
    return { port: s.port, real };
  }

  // ---- ids: numbers, addresses and names with their qualifiers -------------------------------------

  /** gen_ncode/gen_scode/gen_mcode/gen_ecode/gen_mcode6, chosen by the kind of token. */
  id(n: Extract<Node, { k: 'id' }>): Cond {
    const { q, tok } = n;
    const pos = tok.pos;
    if (q.addr === 'undef') throw filterError(`unexpected '${tok.text}'`, pos, 'syntax', this.expr);
    if (tok.kind === 'hid' || tok.kind === 'num') {
      if (tok.kind === 'hid') {
        const bad = { port: 'port', portrange: 'portrange', proto: 'proto', protochain: 'protochain' }[q.addr];
        if (bad) throw filterError(`'${bad}' modifier applied to ip host`, pos);
      }
      if (n.bits !== undefined || n.mask !== undefined) return this.#mcode(n);
      return this.#ncode(tok.kind === 'hid' ? tok.text : null, tok.value, q, pos);
    }
    if (tok.kind === 'hid6') return this.#mcode6(tok.text, n.bits ?? 128, n.bits !== undefined, q, pos);
    if (tok.kind === 'eid') {
      if ((q.addr === 'host' || q.addr === 'default') && q.proto === 'link') {
        if (this.#dlt !== DLT_EN10MB)
          throw filterError('ethernet addresses supported only on ethernet/FDDI/token ring/802.11/ATM LANE/Fibre Channel', pos);
        return this.#innerEtherCheck(this.#ehost(parseMac(tok.text), q.dir, pos));
      }
      throw filterError('ethernet address used in non-ether expression', pos);
    }
    return this.#scode(tok.text, q, pos);
  }

  #ncode(s: string | null, num: number, q: Qual, pos: number): Cond {
    let v = num >>> 0, vlen = 32;
    if (s !== null && q.proto === 'decnet') v = parseDecnet(s, pos);
    else if (s !== null) [v, vlen] = parseDotted(s, pos);
    switch (q.addr) {
      case 'default': case 'host': case 'net': {
        if (q.proto === 'decnet') return this.#host(v, 0, 'decnet', q.dir, q.addr === 'net' ? 'net' : 'host', pos);
        if (q.proto === 'link') throw filterError('illegal link layer address', pos);
        let mask = 0xffffffff;
        if (s === null && q.addr === 'net') {
          while (v !== 0 && (v & 0xff000000) === 0) { v = (v << 8) >>> 0; mask = (mask << 8) >>> 0; }
        } else if (vlen < 32) {
          v = (v << (32 - vlen)) >>> 0;
          mask = (mask << (32 - vlen)) >>> 0;
        }
        return this.#host(v, mask, q.proto, q.dir, q.addr === 'net' ? 'net' : 'host', pos);
      }
      case 'port': case 'portrange': {
        const p = this.#portProto(q.proto, q.addr, pos);
        this.#checkPort(v, pos);
        wlanDirRefused(q.dir, q.addr === 'port' ? 'ports' : 'port ranges', pos);
        return this.#ports(v, v, p, q.dir);
      }
      case 'gateway': throw filterError("'gateway' requires a name", pos);
      case 'proto': return this.#proto(v, q.proto, pos);
      case 'protochain': return this.#protochain(v, q.proto, pos);
      default: throw filterError(`unexpected '${s ?? num}'`, pos, 'syntax', this.expr);
    }
  }

  #mcode(n: Extract<Node, { k: 'id' }>): Cond {
    const { q, tok } = n;
    const [a, alen] = parseDotted(tok.text, tok.pos);
    const addr = alen >= 32 ? a : (a << (32 - alen)) >>> 0;
    let mask: number, shown: string;
    if (n.mask) {
      const [m, mlen] = parseDotted(n.mask.text, n.mask.pos);
      mask = mlen >= 32 ? m : (m << (32 - mlen)) >>> 0;
      shown = `${tok.text} mask ${n.mask.text}`;
    } else {
      if (n.bits! > 32) throw filterError('mask length must be <= 32', tok.pos);
      mask = n.bits === 0 ? 0 : (0xffffffff << (32 - n.bits!)) >>> 0;
      shown = `${tok.text}/${n.bits}`;
    }
    if ((addr & ~mask) >>> 0 !== 0) throw filterError(`non-network bits set in "${shown}"`, tok.pos);
    if (q.addr !== 'net') throw filterError('Mask syntax for networks only', tok.pos);
    return this.#host(addr, mask, q.proto, q.dir, 'net', tok.pos);
  }

  #mcode6(text: string, bits: number, explicit: boolean, q: Qual, pos: number): Cond {
    const addr = parseIpv6(text);
    if (bits > 128) throw filterError('mask length must be <= 128', pos);
    const mask = new Uint8Array(16);
    for (let i = 0; i < 16; i++) mask[i] = bits >= (i + 1) * 8 ? 0xff : bits <= i * 8 ? 0 : (0xff << (8 - (bits - i * 8))) & 0xff;
    for (let i = 0; i < 16; i++) {
      if ((addr[i]! & ~mask[i]!) !== 0) throw filterError(`non-network bits set in "${text}/${bits}"`, pos);
    }
    switch (q.addr) {
      case 'default': case 'host':
        if (explicit && bits !== 128) throw filterError('Mask syntax for networks only', pos);
        return this.#host6(addr, mask, q.proto, q.dir, pos);
      case 'net': return this.#host6(addr, mask, q.proto, q.dir, pos);
      default: throw filterError('invalid qualifier against IPv6 address', pos);
    }
  }

  #scode(name: string, q: Qual, pos: number): Cond {
    switch (q.addr) {
      case 'default': case 'host': case 'net':
        if (q.proto === 'decnet') throw filterError(`decnet name support not included, '${name}' cannot be translated`, pos);
        throw filterError(`'${name}' is not an address, and host names are not resolved (use a numeric address)`, pos);
      // libpcap built with IPv6 support (Debian's) has no `gateway NAME`.
      case 'gateway': throw filterError("'gateway' not supported in this configuration", pos);
      case 'port': {
        this.#portProto(q.proto, 'port', pos);
        const s = this.#service(name, q.proto, pos);
        if (s.port < 0) throw filterError(`unknown port '${name}'`, pos);
        wlanDirRefused(q.dir, 'ports', pos);
        return this.#ports(s.port, s.port, s.real, q.dir);
      }
      case 'portrange': {
        this.#portProto(q.proto, 'portrange', pos);
        const r = this.#portRange(name, q.proto, pos);
        wlanDirRefused(q.dir, 'port ranges', pos);
        return this.#ports(r.lo, r.hi, r.real, q.dir);
      }
      case 'proto': case 'protochain': {
        const v = lookupProto(name, q.proto, pos);
        if (v < 0) throw filterError(`unknown protocol: ${name}`, pos);
        return q.addr === 'proto' ? this.#proto(v, q.proto, pos) : this.#protochain(v, q.proto, pos);
      }
      default: throw filterError(`unexpected '${name}'`, pos, 'syntax', this.expr);
    }
  }

  #portRange(name: string, proto: string, pos: number): { lo: number; hi: number; real: number | undefined } {
    const m = /^(\d+)-(\d+)$/.exec(name);
    let lo: number, hi: number, real: number | undefined = protoNumbers[proto];
    if (m) {
      lo = Number(m[1]); hi = Number(m[2]);
    } else {
      // Split at the first '-', as libpcap does (so 'ftp-data-http' is unknown).
      let found: [number, number, number | undefined] | null = null;
      for (let i = name.indexOf('-'); i > 0 && !found; i = -1) {
        const a = /^\d+$/.test(name.slice(0, i)) ? { port: Number(name.slice(0, i)), real } : this.#service(name.slice(0, i), proto, pos);
        const b = /^\d+$/.test(name.slice(i + 1)) ? { port: Number(name.slice(i + 1)), real } : this.#service(name.slice(i + 1), proto, pos);
        if (a.port >= 0 && b.port >= 0) found = [a.port, b.port, a.real ?? b.real];
      }
      if (!found) throw filterError(`unknown port in range '${name}'`, pos);
      [lo, hi, real] = found;
    }
    this.#checkPort(lo, pos);
    this.#checkPort(hi, pos);
    if (lo > hi) [lo, hi] = [hi, lo];
    return { lo, hi, real };
  }

  // ---- other primitives ----------------------------------------------------------------------------

  broadcast(proto: string, pos: number): Cond {
    if (proto === 'default' || proto === 'link') {
      if (this.#dlt !== DLT_EN10MB) throw filterError('not a broadcast link', pos);
      return this.#innerEtherCheck(this.#bcmp('hdr', 0, new Uint8Array([255, 255, 255, 255, 255, 255])));
    }
    if (proto === 'ip') {
      if (this.opts.netmask === undefined || (this.opts.netmask >>> 0) === 0xffffffff)
        throw filterError("netmask not known, so 'ip broadcast' not supported", pos);
      const hostmask = ~this.opts.netmask >>> 0;
      return and(this.#linkIs(ETHERTYPE_IP), or(this.#cmpAt('pl', 16, 4, 0, BPF_JEQ, hostmask),
        this.#cmpAt('pl', 16, 4, hostmask, BPF_JEQ, hostmask)));
    }
    throw filterError('only link-layer/IP broadcast filters supported', pos);
  }

  multicast(proto: string, pos: number): Cond {
    if (proto === 'default' || proto === 'link') {
      if (this.#dlt !== DLT_EN10MB)
        throw filterError('link-layer multicast filters supported only on ethernet/FDDI/token ring/ARCNET/802.11/ATM LANE/Fibre Channel', pos);
      return this.#innerEtherCheck(this.#hdr(0, 1, 1, BPF_JSET));
    }
    if (proto === 'ip') return and(this.#linkIs(ETHERTYPE_IP), this.#pl(16, 1, 224, BPF_JGE));
    if (proto === 'ip6') return and(this.#linkIs(ETHERTYPE_IPV6), this.#pl(24, 1, 255));
    throw filterError('link-layer multicast filters supported only on ethernet/FDDI/token ring/ARCNET/802.11/ATM LANE/Fibre Channel', pos);
  }

  less(n: number): Cond { return not(test([stmt(BPF_LD | BPF_W | BPF_LEN)], BPF_JGT, n)); }
  greater(n: number): Cond { return test([stmt(BPF_LD | BPF_W | BPF_LEN)], BPF_JGE, n); }

  /** gen_vlan without the Linux in-kernel tag extensions, as for savefiles: later primitives look 4 bytes further. */
  vlan(id: number | null, pos: number): Cond {
    if (this.#mpls > 0) throw filterError('no VLAN match after MPLS', pos);
    if (this.#dlt !== DLT_EN10MB) throw filterError(`no VLAN support for ${this.#desc}`, pos);
    if (id !== null && id > 4095) throw filterError(`VLAN tag ${id} greater than maximum 4095`, pos);
    // The kernel's VLAN metadata is about the outer frame: not inside Geneve (a variable link header).
    if ((this.opts.vlanTagsStripped || this.opts.linuxSocket) && this.#regLinkHdr < 0 && this.#vlans++ === 0) {
      // libpcap's gen_vlan_bpf_extensions: the tag is either metadata (the kernel took it out) or
      // still in the frame; from here on offsets depend on which (#var).
      const present = test([stmt(BPF_LD | BPF_ABS | BPF_B, SKF_AD_VLAN_TAG_PRESENT)], BPF_JEQ, 1);
      const inFrame = or(or(this.#linkIs(ETHERTYPE_8021Q), this.#linkIs(ETHERTYPE_8021AD)), this.#linkIs(ETHERTYPE_8021QINQ));
      let b: Cond = or(present, inFrame);
      if (id !== null) {
        b = and(b, or(and(present, test([stmt(BPF_LD | BPF_ABS | BPF_B, SKF_AD_VLAN_TAG), stmt(BPF_ALU | BPF_AND | BPF_K, 0x0fff)], BPF_JEQ, id)),
          and(not(present), this.#cmpAt('pl', 0, 2, id, BPF_JEQ, 0x0fff))));
      }
      this.#var = true;
      return b;
    }
    let b: Cond = or(or(this.#linkIs(ETHERTYPE_8021Q), this.#linkIs(ETHERTYPE_8021AD)), this.#linkIs(ETHERTYPE_8021QINQ));
    if (id !== null) b = and(b, this.#cmpAt('pl', 0, 2, id, BPF_JEQ, 0x0fff));
    this.#offLinkPl += 4;
    this.#offLinkType += 4;
    return b;
  }

  /** gen_llc: an 802.3 frame with an LLC header (not Novell's raw 802.3, which starts 0xffff). */
  llc(pos: number): Cond {
    if (this.#dlt !== DLT_EN10MB) throw filterError(`'llc' not supported for ${this.#desc}`, pos);
    return and(this.#notLlc(), not(this.#pl(0, 2, 0xffff)));
  }

  /** gen_llc_i/_s/_u/_s_subtype/_u_subtype: LLC frames by the format or command in their control field. */
  llcControl(sub: string, pos: number): Cond {
    const b = this.llc(pos);
    switch (sub) {
      case 'i': return and(b, not(this.#cmpAt('pl', 2, 1, 0x01, BPF_JSET)));
      case 's': return and(b, this.#mcmpAt('pl', 2, 1, LLC_S_FMT, 0x03));
      case 'u': return and(b, this.#mcmpAt('pl', 2, 1, LLC_U_FMT, 0x03));
      default: {
        const [cmd, mask] = llcCommands[sub]!;
        return and(b, this.#mcmpAt('pl', 2, 1, cmd, mask));
      }
    }
  }

  ifindex(n: number, pos: number): Cond {
    if (this.#dlt === DLT_LINUX_SLL2) return this.#hdr(4, 4, n);
    if (this.opts.linuxSocket) return this.#cmp(SKF_AD_IFINDEX, 4, n);
    throw filterError(`ifindex not supported on ${this.#desc} when reading savefiles`, pos);
  }

  /** gen_mpls: a label stack entry; later primitives look 4 bytes further. */
  mpls(label: number | null, pos: number): Cond {
    let b: Cond;
    if (this.#mpls > 0) b = this.#cmpAt('pl', -2, 1, 0, BPF_JEQ, 1);   // the previous label was not the last
    else if (this.#dlt === DLT_EN10MB) b = this.#linkIs(ETHERTYPE_MPLS);
    else if (this.#dlt === DLT_PPP) b = this.#lt(0, 2, PPP_MPLS_UCAST);
    else throw filterError(`no MPLS support for ${this.#desc}`, pos);
    if (label !== null) {
      if (label > 0xfffff) throw filterError(`MPLS label ${label} greater than maximum 1048575`, pos);
      b = and(b, this.#cmpAt('pl', 0, 4, (label << 12) >>> 0, BPF_JEQ, 0xfffff000));
    }
    this.#offLinkPl += 4;
    this.#mpls++;
    return b;
  }

  /** gen_pppoes: a PPPoE session frame; what follows is read as PPP (protocol field, then payload). */
  pppoes(session: number | null, pos: number): Cond {
    let b = this.#linkIs(ETHERTYPE_PPPOES);
    if (session !== null) {
      if (session > 0xffff) throw filterError(`PPPoE session number ${session} greater than maximum 65535`, pos);
      b = and(b, this.#cmpAt('pl', 0, 4, session, BPF_JEQ, 0xffff));
    }
    // PUSH_LINKHDR(DLT_PPP): the PPP header is 6 bytes into the payload (a variable offset stays one).
    this.#offLinkHdr = this.#offLinkPl + 6;
    this.#regLinkHdr = this.#regLinkPl;
    this.#offLinkType = this.#offLinkHdr;
    this.#regLinkType = this.#regLinkHdr;
    this.#offLinkPl = this.#offLinkHdr + 2;
    this.#offNlNosnap = 0;
    this.#inner = DLT_PPP;
    this.#geneve = false;
    return b;
  }

  byte(index: number, op: string, value: number): Cond {
    switch (op) {
      case '=': return this.#hdr(index, 1, value);
      case '>': return this.#hdr(index, 1, value, BPF_JGT);
      case '<': return not(this.#hdr(index, 1, value, BPF_JGE));
      // gen_byteop's `&` and `|` load nothing: they test A as the code before left it (libpcap's
      // behaviour, byte index unused), A & value != 0 and A | value != 0.
      default: return not(test([stmt(BPF_ALU | (op === '&' ? BPF_AND : BPF_OR) | BPF_K, value)], BPF_JEQ, 0));
    }
  }

  /**
   * gen_geneve: UDP to port 6081 with a version 0 Geneve header (and VNI `vni`), over IPv4 or IPv6;
   * what follows in the expression looks inside it, at the Ethernet frame Geneve carries (protocol
   * type 0x6558) or at the bare network packet. Where the inner frame starts depends on the IP
   * header and Geneve option lengths, so registers hold its link header, type field and payload
   * offsets from here on (libpcap's code, which also turns its optimizer off).
   */
  geneve(vni: number | null, pos: number): Cond {
    if (vni !== null && vni > 0xffffff) throw filterError(`Geneve VNI ${vni} greater than maximum 16777215`, pos);
    // A = X = the IPv4 header length (with any variable part of the payload offset); the test always holds.
    const v4Len = test([...this.#ipHdrLenX(), stmt(BPF_MISC | BPF_TXA)], BPF_JEQ, 0, true);
    let v4: Cond = and(and(this.#linkIs(ETHERTYPE_IP), and(and(this.#pl(9, 1, IPPROTO_UDP), this.#ipfrag()), this.#tranIpv4(2, GENEVE_PORT))),
      test([...this.#ipHdrLenX(), stmt(BPF_LD | BPF_IND | BPF_B, this.#offLinkPl + 8), stmt(BPF_ALU | BPF_AND | BPF_K, 0xc0)], BPF_JEQ, 0));
    if (vni !== null) v4 = and(v4, test([...this.#ipHdrLenX(), stmt(BPF_LD | BPF_IND | BPF_W, this.#offLinkPl + 12), stmt(BPF_ALU | BPF_AND | BPF_K, 0xffffff00)], BPF_JEQ, (vni << 8) >>> 0));
    v4 = and(v4, v4Len);
    // A = X = 40, the IPv6 header (plus the variable part).
    const v6Len = test([...(this.#regLinkPl >= 0 ? [stmt(BPF_LDX | BPF_MEM, this.#regLinkPl), stmt(BPF_LD | BPF_IMM, 40), stmt(BPF_ALU | BPF_ADD | BPF_X)] : [stmt(BPF_LD | BPF_IMM, 40)]),
      stmt(BPF_MISC | BPF_TAX)], BPF_JEQ, 0, true);
    let v6: Cond = and(and(this.#linkIs(ETHERTYPE_IPV6), and(this.#pl(6, 1, IPPROTO_UDP), this.#tranIpv6(2, GENEVE_PORT))),
      this.#cmpAt('pl', 40 + 8, 1, 0, BPF_JEQ, 0xc0));
    if (vni !== null) v6 = and(v6, this.#cmpAt('pl', 40 + 12, 4, (vni << 8) >>> 0, BPF_JEQ, 0xffffff00));
    v6 = and(v6, v6Len);
    // gen_geneve_offsets, run where either check succeeded, with A = the IP header length.
    const regType = this.#alloc(pos), regHdr = this.#alloc(pos), regPl = this.#alloc(pos);
    const jeq = (k: number, jt: number, jf: number): BpfInsn => ({ code: BPF_JMP | BPF_JEQ | BPF_K, jt, jf, k });
    const offsets: BpfInsn[] = [
      stmt(BPF_ALU | BPF_ADD | BPF_K, this.#offLinkPl + 8),   // the Geneve header: past the IP and UDP headers
      stmt(BPF_MISC | BPF_TAX),
      stmt(BPF_ALU | BPF_ADD | BPF_K, 2),                     // its protocol type: the inner link type
      stmt(BPF_ST, regType),
      stmt(BPF_LD | BPF_IND | BPF_B, 0),                      // option length, in 4-byte words
      stmt(BPF_ALU | BPF_AND | BPF_K, 0x3f),
      stmt(BPF_ALU | BPF_MUL | BPF_K, 4),
      stmt(BPF_ALU | BPF_ADD | BPF_K, 8),
      stmt(BPF_ALU | BPF_ADD | BPF_X),
      stmt(BPF_ST, regHdr),                                   // the end of the Geneve header: the inner link header
      stmt(BPF_LD | BPF_IND | BPF_H, 2),
      stmt(BPF_LDX | BPF_MEM, regHdr),
      jeq(ETHERTYPE_TEB, 0, 5),                               // Ethernet inside: its type field and payload
      stmt(BPF_MISC | BPF_TXA),
      stmt(BPF_ALU | BPF_ADD | BPF_K, 12),
      stmt(BPF_ST, regType),
      stmt(BPF_ALU | BPF_ADD | BPF_K, 2),
      stmt(BPF_MISC | BPF_TAX),
      stmt(BPF_STX, regPl),                                   // the inner payload (= the link header without Ethernet)
      stmt(BPF_LD | BPF_IMM, 0),                              // gen_true: `jeq #0` on 0
    ];
    this.#regLinkType = regType; this.#offLinkType = 0;
    this.#regLinkHdr = regHdr; this.#offLinkHdr = 0;
    this.#regLinkPl = regPl; this.#offLinkPl = 0;
    this.#inner = DLT_EN10MB;
    this.#geneve = true;
    return and(or(v4, v6), test(offsets, BPF_JEQ, 0));
  }

  /**
   * gen_protochain: the IPv4 or IPv6 packet carries protocol `v` in its header chain: the code walks
   * IPv6 extension headers and AH headers until it finds `v`, no next header or an unknown one. It
   * loops (backward `ja`), which the kernel refuses, so live capture filters it in user space, as libpcap does.
   */
  #protochain(v: number, proto: string, pos: number): Cond {
    // libpcap takes this scratch word before looking at the qualifier, and for `protochain N`
    // without one it never gives it back (the IPv4 and IPv6 halves take their own).
    const reg2 = this.#alloc(pos);
    if (proto === 'default') return or(this.#protochain(v, 'ip', pos), this.#protochain(v, 'ip6', pos));
    if (proto !== 'ip' && proto !== 'ip6') throw filterError("bad protocol applied for 'protochain'", pos);
    if (this.#regLinkPl >= 0) throw filterError("'protochain' not supported with variable length headers", pos);
    const pl = this.#offLinkPl;
    const b0 = this.#linkIs(proto === 'ip' ? ETHERTYPE_IP : ETHERTYPE_IPV6);
    const s: BpfInsn[] = proto === 'ip'
      ? [stmt(BPF_LD | BPF_ABS | BPF_B, pl + 9), stmt(BPF_LDX | BPF_MSH | BPF_B, pl)]       // A = protocol, X = header length
      : [stmt(BPF_LD | BPF_ABS | BPF_B, pl + 6), stmt(BPF_LDX | BPF_IMM, 40)];               // A = next header, X = 40
    // Jumps inside the list are resolved once it is complete: [index of the jump, target index or label].
    const fix: [number, 'jt' | 'jf', number | string][] = [];
    const jeq = (k: number, jt: number | string, jf: number | string): void => {
      fix.push([s.length, 'jt', jt], [s.length, 'jf', jf]);
      s.push({ code: BPF_JMP | BPF_JEQ | BPF_K, jt: 0, jf: 0, k });
    };
    const again = s.length;
    jeq(v, 'end', s.length + 1);
    jeq(IPPROTO_NONE, 'end', s.length + 1);
    if (proto === 'ip6') {
      // Hop-by-hop, destination options, routing and fragment headers: step over (next header, length).
      const advance = s.length + 4;
      jeq(IPPROTO_HOPOPTS, advance, s.length + 1);
      jeq(IPPROTO_DSTOPTS, advance, s.length + 1);
      jeq(IPPROTO_ROUTING, advance, s.length + 1);
      jeq(IPPROTO_FRAGMENT, advance, 'ah');
      s.push(stmt(BPF_LD | BPF_IND | BPF_B, pl), stmt(BPF_ST, reg2), stmt(BPF_LD | BPF_IND | BPF_B, pl + 1),
        stmt(BPF_ALU | BPF_ADD | BPF_K, 1), stmt(BPF_ALU | BPF_MUL | BPF_K, 8), stmt(BPF_ALU | BPF_ADD | BPF_X),
        stmt(BPF_MISC | BPF_TAX), stmt(BPF_LD | BPF_MEM, reg2));
      s.push(stmt(BPF_JMP | BPF_JA, again - s.length - 1));
    } else {
      s.push(stmt(BPF_ALU | BPF_ADD | BPF_K, 0));
    }
    const ah = s.length;
    // AH: next header at its start, length in 4-byte words less 2 in its second byte.
    jeq(IPPROTO_AH, s.length + 1, 'end');
    s.push(stmt(BPF_MISC | BPF_TXA), stmt(BPF_LD | BPF_IND | BPF_B, pl), stmt(BPF_ST, reg2), stmt(BPF_MISC | BPF_TXA),
      stmt(BPF_ALU | BPF_ADD | BPF_K, 1), stmt(BPF_MISC | BPF_TAX), stmt(BPF_LD | BPF_IND | BPF_B, pl),
      stmt(BPF_ALU | BPF_ADD | BPF_K, 2), stmt(BPF_ALU | BPF_MUL | BPF_K, 4), stmt(BPF_MISC | BPF_TAX), stmt(BPF_LD | BPF_MEM, reg2));
    s.push(stmt(BPF_JMP | BPF_JA, again - s.length - 1));
    const end = s.length;
    s.push(stmt(BPF_ALU | BPF_ADD | BPF_K, 0));
    for (const [i, f, target] of fix) {
      const to = target === 'end' ? end : target === 'ah' ? ah : (target as number);
      s[i]![f] = to - i - 1;
    }
    this.#regs--;   // free_reg(reg2)
    return and(b0, test(s, BPF_JEQ, v));
  }

  /** pflog fields: libpcap compiles them for DLT_PFLOG only, which vcap does not filter. */
  pf(what: string, pos: number): Cond {
    throw filterError(`${pfNames[what]} supported only on PF linktype`, pos);
  }

  /** 802.11 frame control fields: only on 802.11 link types (with or without a radio header). */
  p80211(what: 'type' | 'dir', pos: number): Cond {
    throw filterError(what === 'dir' ? 'frame direction supported only with 802.11 headers' : '802.11 link-layer types supported only on 802.11', pos);
  }

  /** SunATM (`lane`, `vpi`…) and SS7 (`fisu`, `sio`…): only on their own link types. */
  atm(name: string, pos: number): Cond { throw filterError(`'${atmNames[name] ?? name}' supported only on raw ATM`, pos); }
  mtp(name: string, pos: number): Cond { throw filterError(mtpMessages[name]!, pos); }

  inout(outbound: boolean, pos: number): Cond {
    let t: Cond;
    if (this.#dlt === DLT_LINUX_SLL) t = this.#hdr(0, 2, PACKET_OUTGOING);
    else if (this.#dlt === DLT_LINUX_SLL2) t = this.#hdr(10, 1, PACKET_OUTGOING);
    else if (this.opts.linuxSocket) t = this.#hdr(SKF_AD_PKTTYPE, 2, PACKET_OUTGOING);
    else throw filterError(`inbound/outbound not supported on ${this.#desc} when reading savefiles`, pos);
    return outbound ? t : not(t);
  }

  // ---- arithmetic --------------------------------------------------------------------------------

  #alloc(pos: number): number {
    if (this.#regs >= BPF_MEMWORDS) throw filterError('too many registers needed to evaluate expression', pos);
    return this.#regs++;
  }

  arith(a: Arith): Val {
    switch (a.k) {
      case 'num': return { konst: a.v >>> 0, stmts: [], cond: null };
      case 'len': return { konst: null, stmts: [stmt(BPF_LD | BPF_W | BPF_LEN)], cond: null };
      case 'neg': {
        const v = this.arith(a.e);
        if (v.konst !== null) return { konst: (-v.konst) >>> 0, stmts: [], cond: v.cond };
        return { konst: null, stmts: [...v.stmts, stmt(BPF_ALU | BPF_NEG)], cond: v.cond };
      }
      case 'bin': return this.#bin(a);
      case 'load': return this.#load(a);
    }
  }

  static readonly #aluOps: Record<string, number> = {
    '+': BPF_ADD, '-': BPF_SUB, '*': BPF_MUL, '/': BPF_DIV, '%': BPF_MOD, '&': BPF_AND, '|': BPF_OR, '^': BPF_XOR,
    '<<': BPF_LSH, '>>': BPF_RSH,
  };

  #bin(a: Extract<Arith, { k: 'bin' }>): Val {
    const l = this.arith(a.l);
    // The scratch word holding the left value is taken before the right side is generated, so
    // the right side's own scratch words are different ones.
    const m = l.konst === null ? this.#alloc(a.pos) : -1;
    try {
      return this.#binOp(a, l, this.arith(a.r), m);
    } finally {
      if (m >= 0) this.#regs--;
    }
  }

  #binOp(a: Extract<Arith, { k: 'bin' }>, l: Val, r: Val, m: number): Val {
    const code = CodeGen.#aluOps[a.op]!;
    // libpcap checks the right operand's first statement, `ld #k` for a number but also for the
    // constant index of a load: `ip[2] / tcp[0]` is "division by zero" to tcpdump, so to vcap too.
    const k = r.konst ?? firstImmediate(a.r);
    if (k !== null) {
      if (code === BPF_DIV && k === 0) throw filterError('division by zero', a.pos);
      if (code === BPF_MOD && k === 0) throw filterError('modulus by zero', a.pos);
      if ((code === BPF_LSH || code === BPF_RSH) && k > 31) throw filterError('shift by more than 31 bits', a.pos);
    }
    // libpcap's gen_arth keeps only the left operand's protocol checks (the right one's are dropped),
    // and the packet set must match: `ip[0] - tcp[0] > 0` holds for non-TCP IPv4 packets too.
    const cond = l.cond;
    if (l.konst !== null && r.konst !== null) return { konst: foldAlu(code, l.konst, r.konst), stmts: [], cond };
    // A product or mask with zero is zero whatever was loaded: libpcap's optimizer then drops the load.
    if ((r.konst === 0 && (code === BPF_MUL || code === BPF_AND)) ||
      (l.konst === 0 && (code === BPF_MUL || code === BPF_AND || code === BPF_DIV || code === BPF_LSH || code === BPF_RSH)))
      return { konst: 0, stmts: [], cond };
    if (r.konst !== null) return { konst: null, stmts: [...l.stmts, stmt(BPF_ALU | code | BPF_K, r.konst)], cond };
    if (l.konst !== null)
      return { konst: null, stmts: [...r.stmts, stmt(BPF_MISC | BPF_TAX), stmt(BPF_LD | BPF_IMM, l.konst), stmt(BPF_ALU | code | BPF_X)], cond };
    const stmts = [...l.stmts, stmt(BPF_ST, m), ...r.stmts, stmt(BPF_MISC | BPF_TAX), stmt(BPF_LD | BPF_MEM, m), stmt(BPF_ALU | code | BPF_X)];
    return { konst: null, stmts, cond };
  }

  #load(a: Extract<Arith, { k: 'load' }>): Val {
    if (a.size !== 1 && a.size !== 2 && a.size !== 4) throw filterError('data size must be 1, 2, or 4', a.pos);
    const sz = sizeCode(a.size);
    const idx = this.arith(a.index);
    /** The loaded value `extra` bytes past a base, plus the index. */
    const direct = (base: Base, extra: number): BpfInsn[] => {
      if (idx.konst !== null) return this.#ldAt(base, extra + idx.konst, a.size);
      const reg = base === 'hdr' ? this.#regLinkHdr : this.#regLinkPl;
      const k = (base === 'hdr' ? this.#offLinkHdr : this.#offLinkPl) + extra;
      const shifted = base === 'hdr' ? this.#offLinkHdr > 0 : true;
      if (reg < 0 && !(shifted && this.#var)) return [...idx.stmts, stmt(BPF_MISC | BPF_TAX), stmt(BPF_LD | BPF_IND | sz, k)];
      // X = the variable part of the base + the index.
      const m = this.#alloc(a.pos);
      this.#regs--;
      const varX = reg >= 0 ? [stmt(BPF_LDX | BPF_MEM, reg)] : this.#varX();
      return [...idx.stmts, stmt(BPF_ST, m), ...varX, stmt(BPF_LD | BPF_MEM, m), stmt(BPF_ALU | BPF_ADD | BPF_X),
        stmt(BPF_MISC | BPF_TAX), stmt(BPF_LD | BPF_IND | sz, k)];
    };
    const p = a.proto;
    if (p === 'link') return { konst: null, stmts: direct('hdr', 0), cond: idx.cond };
    if (['ip', 'arp', 'rarp', 'ip6', 'atalk', 'aarp', 'decnet', 'lat', 'sca', 'moprc', 'mopdl'].includes(p)) {
      if (this.#offLinkType < 0 && p !== 'ip' && p !== 'ip6') {
        // Kept for symmetry with libpcap: the protocol test below is then constant false.
      }
      const b = this.abbrev(p, a.pos);
      return { konst: null, stmts: direct('pl', 0), cond: idx.cond ? and(idx.cond, b) : b };
    }
    if (['sctp', 'tcp', 'udp', 'icmp', 'igmp', 'igrp', 'pim', 'vrrp', 'carp'].includes(p)) {
      const base = this.#offLinkPl;
      let stmts: BpfInsn[];
      if (idx.konst !== null) stmts = [...this.#ipHdrLenX(), stmt(BPF_LD | BPF_IND | sz, base + idx.konst)];
      else {
        const m = this.#alloc(a.pos);
        stmts = [...idx.stmts, stmt(BPF_ST, m), ...this.#ipHdrLenX(), stmt(BPF_LD | BPF_MEM, m), stmt(BPF_ALU | BPF_ADD | BPF_X),
          stmt(BPF_MISC | BPF_TAX), stmt(BPF_LD | BPF_IND | sz, base)];
        this.#regs--;
      }
      let b = and(this.abbrev(p, a.pos), this.#ipfrag());
      if (idx.cond) b = and(idx.cond, b);
      return { konst: null, stmts, cond: and(this.abbrev('ip', a.pos), b) };
    }
    if (p === 'icmp6') {
      let b: Cond = this.abbrev('ip6', a.pos);
      if (idx.cond) b = and(idx.cond, b);
      b = and(b, this.#pl(6, 1, 58));
      return { konst: null, stmts: direct('pl', 40), cond: b };
    }
    // The radio header (radiotap, AVS, Prism) precedes 802.11 frames: no link type vcap filters has one.
    if (p === 'radio') throw filterError('radio information not present in capture', a.pos);
    throw filterError(`'${p}[…]' is not supported by vcap's filter compiler`, a.pos);
  }

  relation(op: string, reversed: boolean, a: Arith, b: Arith, pos: number): Cond {
    const jop = op === 'jgt' ? BPF_JGT : op === 'jge' ? BPF_JGE : BPF_JEQ;
    const l = this.arith(a);
    const m = l.konst === null ? this.#alloc(pos) : -1;
    let r: Val;
    try {
      r = this.arith(b);
    } finally {
      if (m >= 0) this.#regs--;
    }
    let t: Test;
    if (r.konst !== null) {
      t = test(l.konst !== null ? [stmt(BPF_LD | BPF_IMM, l.konst)] : l.stmts, jop, r.konst);
    } else if (l.konst !== null) {
      t = test([...r.stmts, stmt(BPF_MISC | BPF_TAX), stmt(BPF_LD | BPF_IMM, l.konst)], jop, 0, true);
    } else {
      t = test([...l.stmts, stmt(BPF_ST, m), ...r.stmts, stmt(BPF_MISC | BPF_TAX), stmt(BPF_LD | BPF_MEM, m)], jop, 0, true);
    }
    const c: Cond = reversed ? not(t) : t;
    const pre = l.cond && r.cond ? and(l.cond, r.cond) : (l.cond ?? r.cond);
    return pre ? and(pre, c) : c;
  }

  // ---- the tree, left to right (so that `vlan` shifts only what follows it) ----------------------------

  gen(n: Node): Cond {
    switch (n.k) {
      case 'and': { const l = this.gen(n.l); return and(l, this.gen(n.r)); }
      case 'or': { const l = this.gen(n.l); return or(l, this.gen(n.r)); }
      case 'not': return not(this.gen(n.e));
      case 'id': return this.id(n);
      case 'abbrev': return this.abbrev(n.proto, n.pos);
      case 'rel': return this.relation(n.op, n.reversed, n.a, n.b, n.pos);
      case 'bcast': return this.broadcast(n.proto, n.pos);
      case 'mcast': return this.multicast(n.proto, n.pos);
      case 'less': return this.less(n.n);
      case 'greater': return this.greater(n.n);
      case 'vlan': return this.vlan(n.id, n.pos);
      case 'mpls': return this.mpls(n.id, n.pos);
      case 'pppoes': return this.pppoes(n.id, n.pos);
      case 'pppoed': return this.#linkIs(ETHERTYPE_PPPOED);
      case 'geneve': return this.geneve(n.id, n.pos);
      case 'llc': return n.sub === null ? this.llc(n.pos) : this.llcControl(n.sub, n.pos);
      case 'ifindex': return this.ifindex(n.n, n.pos);
      case 'byte': return this.byte(n.index, n.op, n.value);
      case 'pf': return this.pf(n.what, n.pos);
      case 'p80211': return this.p80211(n.what, n.pos);
      case 'atm': return this.atm(n.name, n.pos);
      case 'mtp': return this.mtp(n.name, n.pos);
      case 'inbound': return this.inout(false, n.pos);
      case 'outbound': return this.inout(true, n.pos);
    }
  }
}

/** The 802.11 address qualifiers, as libpcap's messages name them. */
const wlanDirNames: Record<string, string> = {
  addr1: "'addr1' and 'address1'", addr2: "'addr2' and 'address2'", addr3: "'addr3' and 'address3'", addr4: "'addr4' and 'address4'",
  ra: "'ra'", ta: "'ta'",
};

/** libpcap's refusal of an 802.11 address qualifier (`addr1`…`ta`) where there is no 802.11 address: for `what`. */
function wlanDirRefused(dir: string, what: string, pos: number): void {
  const n = wlanDirNames[dir];
  if (n === undefined) return;
  throw filterError(n.includes(' and ') ? `${n} are not valid qualifiers for ${what}` : `${n} is not a valid qualifier for ${what}`, pos);
}
function notWlanAddress(dir: string, pos: number): void { wlanDirRefused(dir, 'addresses other than 802.11 MAC addresses', pos); }

/** Protocols whose host addresses libpcap does not filter on. */
const notImplementedHosts: Record<string, string> = {
  atalk: 'AppleTalk', lat: 'LAT', sca: 'SCA', moprc: 'MOPRC', mopdl: 'MOPDL', aarp: 'AARP', iso: 'ISO', ipx: 'IPX',
};

/** The constant libpcap's code for `a` starts by loading (`ld #k`), if it starts with one. */
function firstImmediate(a: Arith): number | null {
  switch (a.k) {
    case 'num': return a.v >>> 0;
    case 'len': return null;
    case 'load': return firstImmediate(a.index);
    case 'bin': return firstImmediate(a.l);
    case 'neg': return firstImmediate(a.e);
  }
}

export function foldAlu(code: number, a: number, b: number): number {
  switch (code) {
    case BPF_ADD: return (a + b) >>> 0;
    case BPF_SUB: return (a - b) >>> 0;
    case BPF_MUL: return Math.imul(a, b) >>> 0;
    case BPF_DIV: return b === 0 ? 0 : Math.floor(a / b) >>> 0;
    case BPF_MOD: return b === 0 ? 0 : (a % b) >>> 0;
    case BPF_AND: return (a & b) >>> 0;
    case BPF_OR: return (a | b) >>> 0;
    case BPF_XOR: return (a ^ b) >>> 0;
    case BPF_LSH: return (a << (b & 31)) >>> 0;
    case BPF_RSH: return a >>> (b & 31);
  }
  return 0;
}

/** lookup_proto: a protocol name for `proto` or `protochain` under qualifier `proto` (-1: none there). */
function lookupProto(name: string, proto: string, pos: number): number {
  switch (proto) {
    case 'default': case 'ip': case 'ip6': {
      const v = ipProtoByName(name);
      if (v < 0) throw filterError(`unknown ip proto '${name}'`, pos);
      return v;
    }
    case 'link': {
      const v = etherProtoByName(name);
      if (v < 0) throw filterError(`unknown ether proto '${name}'`, pos);
      return v;
    }
    case 'iso': {
      const v = ({ esis: ISO9542_ESIS, isis: ISO10589_ISIS, clnp: ISO8473_CLNP } as Record<string, number>)[name];
      if (v === undefined) throw filterError(`unknown osi proto '${name}'`, pos);
      return v;
    }
    default: return -1;
  }
}

/** __pcap_atodn: a DECnet address `area.node` (the first two numbers), as a 16-bit node address. */
function parseDecnet(s: string, pos: number): number {
  const m = /^(\d+)\.(\d+)/.exec(s);
  if (!m) throw filterError(`malformed decnet address '${s}'`, pos);
  return ((Number(m[1]) << 10) & 0xfc00) | (Number(m[2]) & 0x3ff);
}

/** __pcap_atoin: dotted decimal with 1–4 parts; returns the value and its length in bits. */
function parseDotted(s: string, pos: number): [number, number] {
  const parts = s.split('.');
  let v = 0;
  for (const p of parts) {
    const n = Number(p);
    if (!/^\d+$/.test(p) || n > 255) throw filterError(`invalid IPv4 address '${s}'`, pos);
    v = ((v << 8) | n) >>> 0;
  }
  return [v, parts.length * 8];
}

function parseMac(s: string): Uint8Array {
  const groups = /^[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}$/.test(s)
    ? s.split('.').flatMap((g) => [g.slice(0, 2), g.slice(2)])
    : s.split(/[:.-]/);
  return new Uint8Array(groups.map((g) => parseInt(g, 16)));
}

export function parseIpv6(s: string): Uint8Array {
  const out = new Uint8Array(16);
  let text = s;
  const words: number[] = [];
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  let tail: number[] = [];
  if (v4) {
    const [v] = parseDotted(v4[1]!, 0);
    tail = [v >>> 16, v & 0xffff];
    text = text.slice(0, -v4[1]!.length);
    if (text.endsWith(':') && !text.endsWith('::')) text = text.slice(0, -1);
  }
  const [head, rest] = text.split('::') as [string, string | undefined];
  const h = head ? head.split(':').map((x) => parseInt(x, 16)) : [];
  const r = rest !== undefined ? (rest ? rest.split(':').map((x) => parseInt(x, 16)) : []) : [];
  const total = h.length + r.length + tail.length;
  words.push(...h);
  if (rest !== undefined) for (let i = total; i < 8; i++) words.push(0);
  words.push(...r, ...tail);
  words.forEach((w, i) => { out[i * 2] = w >> 8; out[i * 2 + 1] = w & 0xff; });
  return out;
}
