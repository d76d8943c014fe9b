/** LSP ping (tcpdump's print-lspping.c): the header, and with -v the TLVs and the FECs of the Target FEC Stack. */
import type { PrintContext } from './context.js';
import {
  LSPPING_DOWNSTREAM_LENGTH, LSPPING_HEADER_LENGTH, LSPPING_TLV_HEADER_LENGTH, LSPPING_VERSION, type Lspping, type LsppingTlv,
} from '../../decoders/lspping.js';
import { pwTypes } from './routing-tables.js';
import { smiName } from './names.js';
import { tokName, unknownData, type Tok } from './tok.js';

const MESSAGE_TYPES: Tok = [[1, 'MPLS Echo Request'], [2, 'MPLS Echo Reply']];
const REPLY_MODES: Tok = [[1, 'Do not reply'], [2, 'Reply via an IPv4/IPv6 UDP packet'], [3, 'Reply via an IPv4/IPv6 UDP packet with Router Alert'],
  [4, 'Reply via application level control channel']];
const RETURN_CODES: Tok = [
  'No return code or return code contained in the Error Code TLV', 'Malformed echo request received',
  'One or more of the TLVs was not understood', 'Replying router is an egress for the FEC at stack depth',
  'Replying router has no mapping for the FEC at stack depth', 'Reserved', 'Reserved', 'Reserved', 'Label switched at stack-depth',
  'Label switched but no MPLS forwarding at stack-depth', 'Mapping for this FEC is not the given label at stack depth',
  'No label entry at stack-depth', 'Protocol not associated with interface at FEC stack depth',
  'Premature termination of ping due to label stack shrinking to a single label',
].map((s, k) => [k, s] as const);
const TLVS: Tok = [
  [1, 'Target FEC Stack'], [2, 'Downstream Mapping'], [3, 'Pad'], [9, 'Error Code'], [5, 'Vendor Enterprise Code'],
  [7, 'Interface Label Stack'], [10, 'Reply TOS Byte'], [15, 'BFD Discriminator'], [0xfc00, 'Vendor Private Code'],
];
const FEC_SUBTLVS: Tok = [
  [1, 'LDP IPv4 prefix'], [2, 'LDP IPv6 prefix'], [3, 'RSVP IPv4 Session Query'], [4, 'RSVP IPv6 Session Query'], [5, 'Reserved'],
  [6, 'VPN IPv4 prefix'], [7, 'VPN IPv6 prefix'], [8, 'L2 VPN endpoint'], [9, 'FEC 128 pseudowire (old)'], [10, 'FEC 128 pseudowire'],
  [12, 'BGP labeled IPv4 prefix'], [13, 'BGP labeled IPv6 prefix'],
];
const ADDRESS_TYPES: Tok = [[1, 'IPv4'], [2, 'Unnumbered IPv4'], [3, 'IPv6'], [4, 'IPv6']];
const NTP_EPOCH_OFFSET = 2208988800;
const p2 = (v: number): string => (v < 10 ? '0' : '') + v;
const hex = (v: number, w: number): string => v.toString(16).padStart(w, '0');

/** p_ntp_time: seconds.fraction (parts per billion) and, unless zero, the UTC date. */
function ntpTime(seconds: number, fraction: number): string {
  let s = `${seconds}.${String(Math.floor((fraction / 4294967296) * 1e9)).padStart(9, '0')}`;
  if (seconds !== 0) {
    const d = new Date((seconds - NTP_EPOCH_OFFSET) * 1000);
    s += ` (${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}T${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}Z)`;
  }
  return s;
}

/** bgp_vpn_rd_print over a sub-TLV's route distinguisher. */
function rd(t: LsppingTlv): string {
  switch (t.rdType) {
    case 0: return `${t.rdU16At2}:${t.rdU32At4} (= ${t.rdU8(2)}.${t.rdU8(3)}.${t.rdU8(4)}.${t.rdU8(5)})`;
    case 1: return `${t.rdU8(0)}.${t.rdU8(1)}.${t.rdU8(2)}.${t.rdU8(3)}:${t.rdU16At6}`;
    case 2: return `${t.rdU32At2}:${t.rdU16At6} (${t.rdU8(0)}.${t.rdU8(1)}.${t.rdU8(2)}.${t.rdU8(3)}:${t.rdU16At6})`;
    default: return 'unknown RD format';
  }
}

/** An LSP ping message of `len` bytes (the UDP payload). */
export function printLspping(c: PrintContext, l: Lspping, len: number): void {
  c.protocol = 'lspping';
  if (len < LSPPING_HEADER_LENGTH) { tooShort(c); return; }
  l.need(LSPPING_HEADER_LENGTH);
  const version = l.version;
  if (version !== LSPPING_VERSION) { c.write(`LSP-PING version ${version} packet not supported`); return; }
  if (c.o.verbose < 1) {
    c.write(`LSP-PINGv${version}, ${tokName(MESSAGE_TYPES, `unknown (${l.messageType})`, l.messageType)}, seq ${l.sequence}, length: ${len}`);
    return;
  }
  c.write(`\n\tLSP-PINGv${version}, msg-type: ${tokName(MESSAGE_TYPES, 'unknown', l.messageType)} (${l.messageType}), length: ${len}` +
    `\n\t  reply-mode: ${tokName(REPLY_MODES, 'unknown', l.replyMode)} (${l.replyMode})`);
  const code = l.returnCode, sub = l.returnSubcode;
  const name = tokName(RETURN_CODES, 'unknown', code);
  c.write([3, 4, 8, 10, 11, 12].includes(code)
    ? `\n\t  Return Code: ${name} ${sub} (${code})\n\t  Return Subcode: (${sub})`
    : `\n\t  Return Code: ${name} (${code})\n\t  Return Subcode: (${sub})`);
  c.write(`\n\t  Sender Handle: 0x${hex(l.senderHandle, 8)}, Sequence: ${l.sequence}`);
  c.write(`\n\t  Sender Timestamp: ${ntpTime(l.sentSeconds, l.sentFraction)} `);
  const rs = l.receivedSeconds, rf = l.receivedFraction;
  c.write(`Receiver Timestamp: ${rs === 0 && rf === 0 ? 'no timestamp' : ntpTime(rs, rf)}`);
  let i = LSPPING_HEADER_LENGTH, tlen = len - LSPPING_HEADER_LENGTH;
  const t = l.tlv;
  while (tlen !== 0) {
    if (tlen < LSPPING_TLV_HEADER_LENGTH) { tooShort(c); return; }
    l.at(t, i);
    const type = t.type;
    let tl = t.length;
    c.write(`\n\t  ${tokName(TLVS, 'Unknown', type)} TLV (${type}), length: ${tl}`);
    if (tl === 0) { i += LSPPING_TLV_HEADER_LENGTH; tlen -= LSPPING_TLV_HEADER_LENGTH; continue; }
    if (tlen < tl + LSPPING_TLV_HEADER_LENGTH) { tooShort(c); return; }
    t.need(LSPPING_TLV_HEADER_LENGTH + tl);
    const r = printTlv(c, l, t, i, type, tl);
    if (r === STOP) return;
    if (c.o.verbose > 1 || r === HEXDUMP) unknownData(c, '\n\t    ', t.off + LSPPING_TLV_HEADER_LENGTH, tl);
    if (tl % 4) {
      tl += 4 - (tl % 4);
      if (tlen < tl + LSPPING_TLV_HEADER_LENGTH) { tooShort(c); return; }
    }
    i += tl + LSPPING_TLV_HEADER_LENGTH; tlen -= tl + LSPPING_TLV_HEADER_LENGTH;
  }
}

function tooShort(c: PrintContext): void { c.write('\n\t\t packet is too short'); }

const DONE = 0, HEXDUMP = 1, STOP = 2;

/** One TLV's value (`tl` bytes): DONE, HEXDUMP (dump it as well), or STOP (the message ends here). */
function printTlv(c: PrintContext, l: Lspping, t: LsppingTlv, i: number, type: number, tl: number): number {
  const short = (): number => { c.write('\n\t      TLV is too short'); return HEXDUMP; };
  switch (type) {
    case 1: return fecStack(c, l, i + LSPPING_TLV_HEADER_LENGTH, tl);
    case 2: {                                           // Downstream Mapping
      const D = LSPPING_DOWNSTREAM_LENGTH;
      if (tl < D.Head) return short();
      t.need(LSPPING_TLV_HEADER_LENGTH + D.Head);
      const at = t.addressType;
      c.write(`\n\t    MTU: ${t.mtu}, Address-Type: ${tokName(ADDRESS_TYPES, 'unknown', at)} (${at})`);
      let rest = tl;
      const part = at === 1 ? D.Ipv4 : at === 2 ? D.Ipv4Unnumbered : at === 3 ? D.Ipv6 : at === 4 ? D.Ipv6Unnumbered : 0;
      if (part !== 0) {
        if (rest < part) return short();
        t.need(LSPPING_TLV_HEADER_LENGTH + part);
        c.write(at === 1 ? `\n\t    Downstream IP: ${t.downstreamIpv4}\n\t    Downstream Interface IP: ${t.downstreamInterfaceIpv4}`
          : at === 2 ? `\n\t    Downstream IP: ${t.downstreamIpv4}\n\t    Downstream Interface Index: 0x${hex(t.downstreamInterfaceIndex4, 8)}`
            : at === 3 ? `\n\t    Downstream IP: ${t.downstreamIpv6}\n\t    Downstream Interface IP: ${t.downstreamInterfaceIpv6}`
              : `\n\t    Downstream IP: ${t.downstreamIpv6}\n\t    Downstream Interface Index: 0x${hex(t.downstreamInterfaceIndex6, 8)}`);
        rest -= part;
      }
      if (rest < D.Info) return short();
      t.need(LSPPING_TLV_HEADER_LENGTH + part + D.Info);
      return HEXDUMP;                                   // tcpdump dumps the rest (labels, multipath)
    }
    case 15:                                            // BFD Discriminator
      if (tl < 4) return short();
      c.write(`\n\t    BFD Discriminator 0x${hex(t.word, 8)}`);
      return DONE;
    case 5: {                                           // Vendor Enterprise Code
      if (tl < 4) return short();
      const id = t.word;
      c.write(`\n\t    Vendor: ${smiName(id)} (0x${hex(id, 4)})`);
      return DONE;
    }
  }
  if (c.o.verbose <= 1) unknownData(c, '\n\t    ', t.off + LSPPING_TLV_HEADER_LENGTH, tl);
  return DONE;
}

/** The Target FEC Stack's sub-TLVs (`tl` bytes at `i`). */
function fecStack(c: PrintContext, l: Lspping, i: number, tl: number): number {
  const s = l.subTlv;
  while (tl !== 0) {
    if (tl < LSPPING_TLV_HEADER_LENGTH) { c.write('\n\t      TLV is too short'); return HEXDUMP; }
    l.at(s, i);
    const type = s.type;
    let sl = s.length;
    if (tl < sl + LSPPING_TLV_HEADER_LENGTH) { c.write('\n\t      TLV is too short'); return HEXDUMP; }
    s.need(LSPPING_TLV_HEADER_LENGTH + sl);
    c.write(`\n\t    ${tokName(FEC_SUBTLVS, 'Unknown', type)} subTLV (${type}), length: ${sl}`);
    const hexdump = fec(c, s, type, sl);
    if (c.o.verbose > 1 || hexdump) unknownData(c, '\n\t      ', s.off + LSPPING_TLV_HEADER_LENGTH, sl);
    if (sl % 4) {
      sl += 4 - (sl % 4);
      if (tl < sl + LSPPING_TLV_HEADER_LENGTH) { c.write('\n\t\t TLV is too short'); return STOP; }
    }
    i += sl + LSPPING_TLV_HEADER_LENGTH; tl -= sl + LSPPING_TLV_HEADER_LENGTH;
  }
  return DONE;
}

/** One FEC's fields; true when it is dumped in hex instead (unknown, or a wrong length). */
function fec(c: PrintContext, s: LsppingTlv, type: number, sl: number): boolean {
  const expect = (n: number): boolean => {
    if (sl === n) return true;
    c.write(`\n\t      invalid subTLV length, should be ${n}`);
    return false;
  };
  switch (type) {
    case 1: case 12: if (!expect(5)) return true; c.write(`\n\t      ${s.prefixIpv4}/${s.prefixLength4}`); return false;
    case 2: case 13: if (!expect(17)) return true; c.write(`\n\t      ${s.prefixIpv6}/${s.prefixLength6}`); return false;
    case 3:
      if (!expect(20)) return true;
      c.write(`\n\t      tunnel end-point ${s.rsvp4Endpoint}, tunnel sender ${s.rsvp4Sender}, lsp-id 0x${hex(s.rsvp4LspId, 4)}` +
        `\n\t      tunnel-id 0x${hex(s.rsvp4TunnelId, 4)}, extended tunnel-id ${s.rsvp4ExtendedTunnelId}`);
      return false;
    case 4:
      if (!expect(56)) return true;
      c.write(`\n\t      tunnel end-point ${s.rsvp6Endpoint}, tunnel sender ${s.rsvp6Sender}, lsp-id 0x${hex(s.rsvp6LspId, 4)}` +
        `\n\t      tunnel-id 0x${hex(s.rsvp6TunnelId, 4)}, extended tunnel-id ${s.rsvp6ExtendedTunnelId}`);
      return false;
    case 6: if (!expect(13)) return true; c.write(`\n\t      RD: ${rd(s)}, ${s.vpnPrefixIpv4}/${s.vpnPrefixLength4}`); return false;
    case 7: if (!expect(25)) return true; c.write(`\n\t      RD: ${rd(s)}, ${s.vpnPrefixIpv6}/${s.vpnPrefixLength6}`); return false;
    case 8:
      if (!expect(14)) return true;
      c.write(`\n\t      RD: ${rd(s)}, Sender VE ID: ${s.senderVeId}, Receiver VE ID: ${s.receiverVeId}` +
        `\n\t      Encapsulation Type: ${pwTypes.str(s.encapsulation, 'unknown')} (${s.encapsulation})`);
      return false;
    case 9:
      if (!expect(10)) return true;
      c.write(`\n\t      Remote PE: ${s.pwOldRemotePe}\n\t      PW ID: 0x${hex(s.pwOldId, 8)}, PW Type: ${pwTypes.str(s.pwOldType, 'unknown')} (${s.pwOldType})`);
      return false;
    case 10:
      if (!expect(14)) return true;
      c.write(`\n\t      Sender PE: ${s.pwSenderPe}, Remote PE: ${s.pwRemotePe}` +
        `\n\t      PW ID: 0x${hex(s.pwId, 8)}, PW Type: ${pwTypes.str(s.pwType, 'unknown')} (${s.pwType})`);
      return false;
  }
  return true;
}
