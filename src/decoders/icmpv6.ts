// ICMPv6 (RFC 4443), Neighbor Discovery (RFC 4861) with its options, MLD (RFC 2710, RFC 3810).
// Error messages carry as much of the offending packet as fits; `Decoder.decodeInner()`
// decodes it.
import { ipv4ToString, ipv6ToString, macToString } from './addr.js';
import { hex, u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readIpv6, readU16, readU32, readU8 } from './reads.js';
import { RplMessage } from './rpl.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const ICMPV6 = Layer.Icmpv6;

/** Fixed bytes before the body/options for each type. */
const required = new Uint8Array(256).fill(4);
for (const t of [1, 2, 3, 4, 128, 129, 133, 143]) required[t] = 8;
for (const t of [130, 131, 132, 135, 136]) required[t] = 24;
required[134] = 16;
required[137] = 40;

/** Bytes of an MLDv2 query before its sources. */
export const MLDV2_QUERY_LENGTH = 28;
/** Bytes of an MLDv2 report's header before its records, and of a record before its sources. */
export const MLDV2_REPORT_HEADER_LENGTH = 8;
export const MLDV2_RECORD_HEADER_LENGTH = 20;
/** Bytes of a node information message's header (type … nonce), before the subject or data. */
export const NODE_INFO_HEADER_LENGTH = 16;
/** Router renumbering: where the match-prefix part ends (the use-prefix parts start), and a use-prefix part's length. */
export const RR_MATCH_END = 40;
export const RR_USE_LENGTH = 32;
/** Bytes of an ND option's type and length. */
export const ND_OPTION_HEADER_LENGTH = 2;

/** An MLDv2 multicast address record: type, aux data length, number of sources, address, sources. */
export class Mldv2Record extends FieldView {
  get recordType(): number { return readU8(this, 0); }
  get sourceCount(): number { return readU16(this, 2); }
  get multicastAddress(): string { return readIpv6(this, 4); }
  source(i: number): string { return readIpv6(this, MLDV2_RECORD_HEADER_LENGTH + i * 16); }
}

/** A router renumbering use-prefix part (RFC 2894 §3.2). */
export class RouterRenumberingUse extends FieldView {
  get useLength(): number { return readU8(this, 0); }
  get keepLength(): number { return readU8(this, 1); }
  get flagMask(): number { return readU8(this, 2); }
  get raFlags(): number { return readU8(this, 3); }
  get validLifetime(): number { return readU32(this, 4); }
  get preferredLifetime(): number { return readU32(this, 8); }
  /** V (0x80) and P (0x40). */
  get flags(): number { return readU8(this, 12); }
  get usePrefix(): string { return readIpv6(this, 16); }
}

/** A Neighbor Discovery option (RFC 4861 §4.6 and later), for a printer walking them. */
export class NdOptionView extends FieldView {
  get type(): number { return readU8(this, 0); }
  /** Length in units of 8 bytes (type and length included). */
  get lengthUnits(): number { return readU8(this, 1); }
  /** Source/target link-layer address: byte `k` of the address. */
  linkAddressByte(k: number): number { return readU8(this, ND_OPTION_HEADER_LENGTH + k); }
  /** Prefix information: prefix length, flags (L 0x80, A 0x40, R 0x20), lifetimes, prefix. */
  get prefixLength(): number { return readU8(this, 2); }
  get prefixFlags(): number { return readU8(this, 3); }
  get validLifetime(): number { return readU32(this, 4); }
  get preferredLifetime(): number { return readU32(this, 8); }
  get prefix(): string { return readIpv6(this, 16); }
  /** MTU, RDNSS and DNSSL lifetime, advertisement interval, route lifetime: the 32 bits after the reserved field. */
  get value32(): number { return readU32(this, 4); }
  /** RDNSS: address `k`. */
  rdnssAddress(k: number): string { return readIpv6(this, 8 + 16 * k); }
  /** Home agent information: preference and lifetime. */
  get homeAgentPreference(): number { return readU16(this, 4); }
  get homeAgentLifetime(): number { return readU16(this, 6); }
  /** Route information: the route preference byte (bits 3–4). */
  get routeFlags(): number { return readU8(this, 3); }
  /** Route information: the prefix, `n` bytes of it (0, 8 or 16), zero-padded, as an IPv6 address. */
  routePrefix(n: number): string {
    const a = new Uint8Array(16);
    for (let k = 0; k < n; k++) a[k] = readU8(this, 8 + k);
    return ipv6ToString(a, 0);
  }
  /** Index (in the option) of DNSSL's domain names. */
  get domainsStart(): number { return 8; }
}

/** One Neighbor Discovery option. */
export interface NdOption {
  /** 1 source link-layer address, 2 target link-layer address, 3 prefix information, 4 redirected header, 5 MTU, 25 RDNSS… */
  type: number;
  /** Offset from the start of the frame. */
  offset: number;
  /** Bytes, including type and length. */
  length: number;
  /** Types 1 and 2: the address (a MAC when 6 bytes long). */
  linkAddress?: string;
  /** Type 3. */
  prefix?: string;
  prefixLength?: number;
  onLink?: boolean;
  autonomous?: boolean;
  validLifetime?: number;
  preferredLifetime?: number;
  /** Type 5. */
  mtu?: number;
}

/** ICMPv6 message header; ND options are checked at decode and listed by `options`. */
export class Icmpv6 extends LayerView {
  readonly layer = ICMPV6;

  decode(c: Cursor): number {
    const b = c.buf, o = c.off, have = c.end - o;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (have < 4) return c.short(ICMPV6, o, 4);
    const t = b[o]!, need = required[t]!;
    if (have < need) return c.short(ICMPV6, o, need);
    this.headerLength = need;
    c.present |= 1 << ICMPV6;
    c.off = o + need;
    if (t >= 133 && t <= 137) {
      // Options fill the rest of the message; check them all now so the getters can trust them.
      for (let p = o + need; p < c.end;) {
        if (c.end - p < 2) return c.short(ICMPV6, o, p + 2 - o, 'ND option');
        const len = b[p + 1]! * 8;
        if (len === 0) return c.invalid(ICMPV6, o, `ND option type ${b[p]} with length 0`);
        if (c.end - p < len) return c.short(ICMPV6, o, p + len - o, `ND option type ${b[p]}`);
        p += len;
      }
      c.off = c.end;
    }
    return 0;
  }

  // Own has()/need()/captured: the base class's would see every view class at one load site and go megamorphic.
  override has(n: number): boolean { return this.off + n <= this.end; }
  override need(n: number): void { if (this.off + n > this.end) throw NOT_CAPTURED; }
  override get captured(): number { return this.end > this.off ? this.end - this.off : 0; }
  // Getters check that their field was captured (NOT_CAPTURED otherwise): only a printer's view of a cut
  // message can fail, and those of fields past what decode() requires for the type (node information,
  // router renumbering, MLDv2 and RPL bodies, the quoted packet of errors), on any view.
  /** 1 unreachable, 2 packet too big, 3 time exceeded, 4 parameter problem, 128/129 echo, 130–132/143 MLD, 133–137 ND. */
  get type(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  get code(): number { const o = this.off; if (o + 2 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 1]!; }
  get checksum(): number { const o = this.off; if (o + 4 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o + 2); }
  get identifier(): number | undefined { return this.isEcho ? this.u16At(4) : undefined; }
  get sequence(): number | undefined { return this.isEcho ? this.u16At(6) : undefined; }
  /** Packet too big: the MTU. */
  get mtu(): number | undefined { return this.type === 2 ? this.u32At(4) : undefined; }
  /** Parameter problem: offset of the offending byte. */
  get pointer(): number | undefined { return this.type === 4 ? this.u32At(4) : undefined; }
  /** MLDv1 query/report/done: maximum response delay (ms). */
  get maxResponseDelay(): number | undefined { return this.isMld1 ? this.u16At(4) : undefined; }
  /** MLDv1: the multicast address. */
  get multicastAddress(): string | undefined { return this.isMld1 ? this.ip6At(8) : undefined; }
  /** MLDv2 report: number of multicast address records. */
  get recordCount(): number | undefined { return this.type === 143 ? this.u16At(6) : undefined; }
  /** Router advertisement fields. */
  get curHopLimit(): number | undefined { return this.type === 134 ? this.u8At(4) : undefined; }
  /** RA: M (0x80), O (0x40) and the other flag bits. NA: R (0x80), S (0x40), O (0x20). */
  get ndFlags(): number | undefined { const t = this.type; return t === 134 || t === 136 ? this.u8At(t === 134 ? 5 : 4) : undefined; }
  get routerLifetime(): number | undefined { return this.type === 134 ? this.u16At(6) : undefined; }
  get reachableTime(): number | undefined { return this.type === 134 ? this.u32At(8) : undefined; }
  get retransTimer(): number | undefined { return this.type === 134 ? this.u32At(12) : undefined; }
  /** NS, NA, redirect: the target address. */
  get targetAddress(): string | undefined { return this.type >= 135 && this.type <= 137 ? this.ip6At(8) : undefined; }
  /** Redirect: the destination address. */
  get destinationAddress(): string | undefined { return this.type === 137 ? this.ip6At(24) : undefined; }

  /** NA: the flags word (R 0x80000000, S 0x40000000, O 0x20000000). */
  get naFlags(): number | undefined { return this.type === 136 ? this.u32At(4) : undefined; }
  /** Home agent address discovery and mobile prefix solicitation/advertisement (144–147): the identifier. */
  get mobileIpv6Id(): number | undefined { const t = this.type; return t >= 144 && t <= 147 ? this.u16At(4) : undefined; }
  /** Mobile prefix advertisement: M (0x8000) and O (0x4000). */
  get mobilePrefixFlags(): number | undefined { return this.type === 147 ? this.u16At(6) : undefined; }
  /** MLDv2 query: S flag and robustness (byte 24), QQIC (byte 25), number of sources, source `i`. */
  get mldQueryFlags(): number { return this.u8At(24); }
  get mldQqic(): number { return this.u8At(25); }
  get mldSourceCount(): number { return this.u16At(26); }
  mldSource(i: number): string { return this.ip6At(MLDV2_QUERY_LENGTH + i * 16); }
  /** MLDv2 report: the multicast address record sub-view pointed at byte `at` of the message. */
  mldRecord(at: number): Mldv2Record { return this.mldRecordView.point(this.off + at, this.end); }
  readonly mldRecordView: Mldv2Record = new Mldv2Record(this.cursor);
  /** Home agent address discovery reply: the home agent address at byte `at`. */
  homeAgentAt(at: number): string { return this.ip6At(at); }

  // Error messages: the quoted IPv6 packet from byte 8, read where tcpdump reads it.
  /** The quoted packet's source and destination addresses. */
  get quotedSrc(): string { return this.ip6At(16); }
  get quotedDst(): string { return this.ip6At(32); }
  /** True when the quoted destination address was captured. */
  get quotedDstCaptured(): boolean { return this.has(48); }
  /** The quoted packet's transport port found by `quotedUpperLayer()`. */
  quotedPort = 0;
  /**
   * tcpdump's get_upperlayer: follows the quoted packet's extension headers to TCP or UDP and
   * returns its protocol (its destination port in `quotedPort`), or -1 when there is none or it
   * was not captured.
   */
  quotedUpperLayer(): number {
    if (!this.has(15)) return -1;
    const b = this.cursor.buf, o = this.off + 8, end = this.end;
    let nh = b[o + 6]!, hlen = 40, p = o;
    while (p < end) {
      p += hlen;
      switch (nh) {
        case 6: case 17:
          if (p + 4 > end) return -1;
          this.quotedPort = u16(b, p + 2);
          return nh;
        case 0: case 60: case 43:
          if (p + 2 > end) return -1;
          nh = b[p]!; hlen = (b[p + 1]! + 1) << 3;
          break;
        case 44:
          if (p + 4 > end || (u16(b, p + 2) & 0xfff8) !== 0) return -1;
          nh = b[p]!; hlen = 8;
          break;
        case 51:
          if (p + 2 > end) return -1;
          nh = b[p]!; hlen = (b[p + 1]! + 2) << 2;
          break;
        default:
          return -1;
      }
    }
    return -1;
  }

  // Node information query and reply (RFC 4620; 139, 140).
  /** Qtype: 0 NOOP, 1 supported qtypes, 2 node name, 3 node addresses. */
  get niQtype(): number { return this.u16At(4); }
  get niFlags(): number { return this.u16At(6); }
  /** Query subject, by code: an IPv6 address (code 0) or an IPv4 one (code 2), after the 16-byte header. */
  get niSubject6(): string { return this.ip6At(NODE_INFO_HEADER_LENGTH); }
  get niSubject4(): string { return this.ip4At(NODE_INFO_HEADER_LENGTH); }
  /** Reply to a node name query: the TTL before the name. */
  get niTtl(): number { return this.u32At(NODE_INFO_HEADER_LENGTH); }
  /** Reply to a node addresses query: the TTL and address of the entry at byte `at`. */
  niAddressTtl(at: number): number { return this.u32At(at); }
  niAddress(at: number): string { return this.ip6At(at + 4); }

  // Router renumbering (RFC 2894; 138): the header, one match-prefix part, its use-prefix parts.
  get rrSequence(): number { return this.u32At(4); }
  get rrSegment(): number { return this.u8At(8); }
  get rrFlags(): number { return this.u8At(9); }
  get rrMaxDelay(): number { return this.u16At(10); }
  get rrReserved(): number { return this.u32At(12); }
  get rrMatchCode(): number { return this.u8At(16); }
  get rrMatchOperandLength(): number { return this.u8At(17); }
  get rrMatchOrdinal(): number { return this.u8At(18); }
  get rrMatchLength(): number { return this.u8At(19); }
  get rrMinLength(): number { return this.u8At(20); }
  get rrMaxLength(): number { return this.u8At(21); }
  get rrMatchPrefix(): string { return this.ip6At(24); }
  /** The use-prefix part sub-view pointed at part `i`. */
  rrUse(i: number): RouterRenumberingUse { return this.rrUseView.point(this.off + RR_MATCH_END + i * RR_USE_LENGTH, this.end); }
  readonly rrUseView: RouterRenumberingUse = new RouterRenumberingUse(this.cursor);

  /** Neighbor Discovery options: the sub-view pointed at the option at byte `at` of the message. */
  ndOption(at: number): NdOptionView { return this.ndOptionView.point(this.off + at, this.end); }
  readonly ndOptionView: NdOptionView = new NdOptionView(this.cursor);
  /** RPL (155): the message body after type, code and checksum. */
  get rpl(): RplMessage { return this.rplView.point(this.off + 4, this.end); }
  readonly rplView: RplMessage = new RplMessage(this.cursor);

  /** Byte `i` of the message, checked (tcpdump's fqdn_print over DNSSL options reads through it). */
  data(i: number): number { return this.byte(i); }
  /** True when bytes [0, n) of the message were captured. */
  dataCaptured(n: number): boolean { return this.off + n <= this.end; }

  /** ND messages: the options, in order (checked by decode()). */
  get options(): NdOption[] {
    const out: NdOption[] = [];
    if (this.type < 133 || this.type > 137) return out;
    const b = this.cursor.buf;
    for (let p = this.off + this.headerLength; p + 2 <= this.end;) {
      const t = b[p]!, len = b[p + 1]! * 8;
      if (len === 0 || p + len > this.end) break;
      const o: NdOption = { type: t, offset: p - this.base, length: len };
      if (t === 1 || t === 2) o.linkAddress = len === 8 ? macToString(b, p + 2) : hex(b, p + 2, len - 2);
      else if (t === 3 && len >= 32) {
        o.prefixLength = b[p + 2]!; o.onLink = (b[p + 3]! & 0x80) !== 0; o.autonomous = (b[p + 3]! & 0x40) !== 0;
        o.validLifetime = u32(b, p + 4); o.preferredLifetime = u32(b, p + 8); o.prefix = ipv6ToString(b, p + 16);
      } else if (t === 5 && len >= 8) o.mtu = u32(b, p + 4);
      out.push(o);
      p += len;
    }
    return out;
  }
  /** Source link-layer address option, if present. */
  get sourceLinkAddress(): string | undefined { return this.options.find((o) => o.type === 1)?.linkAddress; }
  /** Target link-layer address option, if present. */
  get targetLinkAddress(): string | undefined { return this.options.find((o) => o.type === 2)?.linkAddress; }

  /** Destination unreachable, packet too big, time exceeded, parameter problem. */
  get isError(): boolean { return this.type >= 1 && this.type <= 4; }
  /** Error messages: offset of the inner IPv6 packet from the frame start. */
  get innerOffset(): number | undefined { return this.isError ? this.off + 8 - this.base : undefined; }
  /** Error messages: the inner packet as captured (a view). */
  get inner(): Uint8Array | undefined { return this.isError ? this.cursor.buf.subarray(this.off + 8, this.end) : undefined; }

  private get isEcho(): boolean { return this.type === 128 || this.type === 129; }
  private get isMld1(): boolean { return this.type >= 130 && this.type <= 132; }
  private u8At(i: number): number { const o = this.off + i; if (o + 1 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  private u16At(i: number): number { const o = this.off + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  private u32At(i: number): number { const o = this.off + i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  private ip6At(i: number): string { const o = this.off + i; if (o + 16 > this.end) throw NOT_CAPTURED; return ipv6ToString(this.cursor.buf, o); }
  private ip4At(i: number): string { const o = this.off + i; if (o + 4 > this.end) throw NOT_CAPTURED; return ipv4ToString(this.cursor.buf, o); }

  toJSON(): object {
    const t = this.type, o: Record<string, unknown> = { offset: this.offset, length: this.length, type: t, code: this.code, checksum: this.checksum };
    if (this.isEcho) { o.identifier = this.identifier; o.sequence = this.sequence; }
    if (t === 2) o.mtu = this.mtu;
    if (t === 4) o.pointer = this.pointer;
    if (this.isMld1) { o.maxResponseDelay = this.maxResponseDelay; o.multicastAddress = this.multicastAddress; }
    if (t === 143) o.recordCount = this.recordCount;
    if (t === 134) { o.curHopLimit = this.curHopLimit; o.flags = this.ndFlags; o.routerLifetime = this.routerLifetime; o.reachableTime = this.reachableTime; o.retransTimer = this.retransTimer; }
    if (t === 136) o.flags = this.ndFlags;
    if (t >= 135 && t <= 137) o.targetAddress = this.targetAddress;
    if (t === 137) o.destinationAddress = this.destinationAddress;
    if (t >= 133 && t <= 137) o.options = this.options;
    if (this.isError) o.innerOffset = this.innerOffset;
    return o;
  }
}
