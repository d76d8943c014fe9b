/** Connectivity Fault Management, IEEE 802.1ag (tcpdump's print-cfm.c). */
import type { PrintContext } from './context.js';
import { hexPrint } from './dump.js';
import { addressFamilyName, ouiName } from './names.js';
import { bitNames, printJnp, tokName, unknownData, type Tok } from './tok.js';
import {
  CFM_CCM_LENGTH, CFM_CCM_NAMES_LENGTH, CFM_HEADER_LENGTH, CFM_LTM_LENGTH, CFM_LTR_LENGTH, CFM_TLV_HEADER_LENGTH as H, type Cfm, type CfmTlv,
} from '../../decoders/cfm.js';

const opcodes: Tok = [[1, 'Continuity Check Message'], [2, 'Loopback Reply'], [3, 'Loopback Message'], [4, 'Linktrace Reply'], [5, 'Linktrace Message']];
const mdFormats: Tok = [[0, 'IEEE 802.1'], [1, 'No MD Name present'], [2, 'DNS string'], [3, 'MAC + 16Bit Integer'], [4, 'Character string']];
const maFormats: Tok = [[0, 'IEEE 802.1'], [1, 'Primary VID'], [2, 'Character string'], [3, '16Bit Integer'], [4, 'RFC2685 VPN-ID']];
const ltmFlags: Tok = [[0x80, 'Use Forwarding-DB only']];
const ltrFlags: Tok = [[0x80, 'UseFDB Only'], [0x40, 'FwdYes'], [0x20, 'Terminal MEP']];
const relayActions: Tok = [[1, 'Exact Match'], [2, 'Filtering DB'], [3, 'MIP CCM DB']];
const tlvNames: Tok = [
  [0, 'End'], [1, 'Sender ID'], [2, 'Port status'], [3, 'Interface status'], [4, 'Data'], [5, 'Reply Ingress'], [6, 'Reply Egress'], [31, 'Organization Specific'],
];
const portStatus: Tok = [[1, 'Blocked'], [2, 'Up']];
const interfaceStatus: Tok = [[1, 'Up'], [2, 'Down'], [3, 'Testing'], [5, 'Dormant'], [6, 'not present'], [7, 'lower Layer down']];
const chassisIdTypes: Tok = [
  [0, 'Reserved'], [1, 'Chassis component'], [2, 'Interface alias'], [3, 'Port component'], [4, 'MAC address'], [5, 'Network address'],
  [6, 'Interface name'], [7, 'Locally assigned'],
];
/** CCM intervals in seconds, as tcpdump's float table holds them (single precision). */
const ccmIntervals = [0.0, 0.003333, 0.01, 0.1, 1.0, 10.0, 60.0, 600.0].map(Math.fround);

const hex = (v: number, n: number): string => v.toString(16).padStart(n, '0');

/** CFM PDU `cfm`, `length` bytes on the wire (cfm_print). */
export function printCfm(c: PrintContext, cfm: Cfm, length: number): void {
  c.protocol = 'cfm';
  const tooShort = (): void => c.write('\n\t\t packet is too short');
  if (length < CFM_HEADER_LENGTH) { tooShort(); return; }
  if (!cfm.has(CFM_HEADER_LENGTH)) { c.truncMark(); return; }
  const version = cfm.version;
  if (version !== 0) { c.write(`CFMv${version} not supported, length ${length}`); return; }
  const opcode = cfm.opcode;
  c.write(`CFMv${version} ${tokName(opcodes, `unknown (${opcode})`, opcode)}, MD Level ${cfm.mdLevel}, length ${length}`);
  // Without -v, the opcode and MD level only.
  if (c.o.verbose < 1) return;
  const flags = cfm.flags, first = cfm.firstTlvOffset;
  c.write(`\n\tFirst TLV offset ${first}`);
  let tlen = length - CFM_HEADER_LENGTH;
  if (first > tlen) { c.write(` (too large, must be <= ${tlen})`); return; }
  const fixed = (n: number, which: number): boolean => {
    if (first < n) { c.write(` (too small ${which}, must be >= ${n})`); return false; }
    return true;
  };
  switch (opcode) {
    case 1: {
      if (!fixed(CFM_CCM_LENGTH, 1)) return;
      if (tlen < CFM_CCM_LENGTH) { tooShort(); return; }
      if (!cfm.has(CFM_HEADER_LENGTH + CFM_CCM_LENGTH)) { c.truncMark(); return; }
      const interval = flags & 7;
      c.write(`, Flags [CCM Interval ${interval}${flags & 0x80 ? ', RDI' : ''}]`);
      if (interval) {
        const base = ccmIntervals[interval]!;
        c.write(`\n\t  CCM Interval ${base.toFixed(3)}s, min CCM Lifetime ${(base * 3.25).toFixed(3)}s, max CCM Lifetime ${(base * 3.5).toFixed(3)}s`);
      }
      c.write(`\n\t  Sequence Number 0x${hex(cfm.sequence, 8)}, MA-End-Point-ID 0x${hex(cfm.maEndpointId, 4)}`);
      let left = CFM_CCM_NAMES_LENGTH;
      const mdFormat = cfm.mdNameFormat;
      left--;
      if (mdFormat !== 1) {
        const mdLength = cfm.mdNameLength;
        left--;
        c.write(`\n\t  MD Name Format ${tokName(mdFormats, 'Unknown', mdFormat)} (${mdFormat}), MD Name length ${mdLength}`);
        // Room for the MA name format, its length and one byte of name.
        if (mdLength > left - 3) { c.write(` (too large, must be <= ${left - 2})`); return; }
        c.write('\n\t  MD Name: ');
        if (mdFormat === 2 || mdFormat === 4) printJnp(c, cfm, cfm.mdNameAt, mdLength);
        else if (mdFormat === 3) c.write(mdLength === 6 ? `\n\t  MAC ${macAt(cfm)}` : '\n\t  MAC (length invalid)');
        else unknownData(c, '\n\t    ', cfm.off + cfm.mdNameAt, mdLength);
        left -= mdLength;
      } else {
        c.write(`\n\t  MD Name Format ${tokName(mdFormats, 'Unknown', mdFormat)} (${mdFormat})`);
      }
      const maFormat = cfm.maNameFormat, maLength = cfm.maNameLength;
      left -= 2;
      c.write(`\n\t  MA Name-Format ${tokName(maFormats, 'Unknown', maFormat)} (${maFormat}), MA name length ${maLength}`);
      if (maLength > left) { c.write(` (too large, must be <= ${left})`); return; }
      c.write('\n\t  MA Name: ');
      if (maFormat === 2) printJnp(c, cfm, cfm.maNameStart, maLength);
      else unknownData(c, '\n\t    ', cfm.off + cfm.maNameStart, maLength);
      break;
    }
    case 5:
      if (!fixed(CFM_LTM_LENGTH, 4)) return;
      if (tlen < CFM_LTM_LENGTH) { tooShort(); return; }
      if (!cfm.has(CFM_HEADER_LENGTH + CFM_LTM_LENGTH)) { c.truncMark(); return; }
      c.write(`, Flags [${bitNames(ltmFlags, 'none', flags)}]`);
      c.write(`\n\t  Transaction-ID 0x${hex(cfm.transactionId, 8)}, ttl ${cfm.ttl}`);
      c.write(`\n\t  Original-MAC ${cfm.originalMac}, Target-MAC ${cfm.targetMac}`);
      break;
    case 4: {
      if (!fixed(CFM_LTR_LENGTH, 5)) return;
      if (tlen < CFM_LTR_LENGTH) { tooShort(); return; }
      if (!cfm.has(CFM_HEADER_LENGTH + CFM_LTR_LENGTH)) { c.truncMark(); return; }
      c.write(`, Flags [${bitNames(ltrFlags, 'none', flags)}]`);
      c.write(`\n\t  Transaction-ID 0x${hex(cfm.transactionId, 8)}, ttl ${cfm.ttl}`);
      const action = cfm.relayAction;
      c.write(`\n\t  Replay-Action ${tokName(relayActions, 'Unknown', action)} (${action})`);
      break;
    }
    default:
      // No decoder for the fields: dump them up to the TLVs.
      unknownData(c, '\n\t  ', cfm.off + CFM_HEADER_LENGTH, tlen - first);
  }
  tlen -= first;
  const t = cfm.firstTlv();
  let pos = t.off;
  while (tlen > 0) {
    t.point(pos, cfm.end);
    const type = t.type;
    c.write(`\n\t${tokName(tlvNames, 'Unknown', type)} TLV (0x${hex(type, 2)})`);
    // The End TLV has no length.
    if (type === 0) return;
    if (tlen < H) { tooShort(); return; }
    if (!t.has(H)) { c.truncMark(); return; }
    let len = t.valueLength;
    c.write(`, length ${len}`);
    pos += H; tlen -= H;
    const value = pos;
    if (tlen < len) { tooShort(); return; }
    if (!t.has(H + len)) { c.truncMark(); return; }
    let hexdump = false, at = 0;
    switch (type) {
      case 2: case 3: {
        if (len < 1) { c.write(' (too short, must be >= 1)'); return; }
        const st = t.status;
        c.write(`, Status: ${tokName(type === 2 ? portStatus : interfaceStatus, 'Unknown', st)} (${st})`);
        break;
      }
      case 31: {
        if (len < 4) { c.write(' (too short, must be >= 4)'); return; }
        const oui = t.oui;
        c.write(`, Vendor: ${ouiName(oui)} (${oui}), Sub-Type ${t.orgSubtype}`);
        hexdump = true;
        break;
      }
      case 1: {
        const r = printSenderId(c, t, len);
        if (r.end) return;
        at = r.at; len = r.len; tlen -= r.at; hexdump = r.hexdump;
        if (r.next) { pos += at + len; tlen -= len; continue; }
        break;
      }
      default:
        hexdump = true;
    }
    if (hexdump || c.o.verbose > 1) unknownData(c, '\n\t  ', value, len);
    pos += at + len;
    tlen -= len;
  }
}

/** The MAC of a "MAC + 16-bit integer" MD name. */
function macAt(cfm: Cfm): string { return cfm.mdNameMac; }

interface SenderResult { at: number; len: number; hexdump: boolean; next: boolean; end: boolean }

/**
 * The Sender ID TLV: returns how far into the value it read (`at`), the value length left
 * (`len`), whether to dump it, and tcpdump's early exits (`next`: on to the next TLV; `end`: stop).
 */
function printSenderId(c: PrintContext, t: CfmTlv, len: number): SenderResult {
  let at = 0, hexdump = false;
  const r = (next = false, end = false): SenderResult => ({ at, len, hexdump, next, end });
  if (len < 1) { c.write(' (too short, must be >= 1)'); return r(true); }
  const cidLength = t.chassisIdLength;
  at++; len--;
  if (cidLength) {
    if (len < 1) { c.write('\n\t  (TLV too short)'); return r(true); }
    const cidType = t.chassisIdSubtype;
    len--;
    c.write(`\n\t  Chassis-ID Type ${tokName(chassisIdTypes, 'Unknown', cidType)} (${cidType}), Chassis-ID length ${cidLength}`);
    if (len < cidLength) { c.write('\n\t  (TLV too short)'); return r(true); }
    switch (cidType) {
      case 4:
        if (cidLength !== 6) { c.write(' (invalid MAC address length)'); hexdump = true; break; }
        c.write(`\n\t  MAC ${t.chassisMac}`);
        break;
      case 5: {
        // cfm_network_addr_print: the family is one octet here.
        const af = t.chassisAddressFamily;
        c.write(`\n\t  Network Address Type ${addressFamilyName(af)} (${af})`);
        if (af === 1) {
          if (cidLength !== 5) { c.write(`(invalid IPv4 address length ${cidLength - 1})`); hexdump = true; } else c.write(`, ${t.chassisIpv4}`);
        } else if (af === 2) {
          if (cidLength !== 17) { c.write(`(invalid IPv6 address length ${cidLength - 1})`); hexdump = true; } else c.write(`, ${t.chassisIpv6}`);
        } else {
          hexdump = true;
        }
        break;
      }
      case 6: case 2: case 7: case 1: case 3:
        printJnp(c, t, H + 2, cidLength);
        break;
      default:
        hexdump = true;
    }
    len -= cidLength;
    at += 1 + cidLength;
  }
  // Management address domain and address, if the TLV goes on.
  if (len === 0) return r();
  let mlen = t.lengthAt(at);
  at++; len--;
  c.write(`\n\t  Management Address Domain Length ${mlen}`);
  if (mlen) {
    if (len < mlen) { c.write('\n\t  (TLV too short)'); return r(true); }
    len -= mlen;
    c.write(hexPrint(c, '\n\t  Management Address Domain: ', t.valueStart + at, mlen));
    at += mlen;
    if (len < 1) { c.write(' (Management Address Length is missing)'); hexdump = true; return r(); }
    mlen = t.lengthAt(at);
    at++; len--;
    c.write(`\n\t  Management Address Length ${mlen}`);
    if (mlen) {
      if (len < mlen) { c.write('\n\t  (TLV too short)'); return r(false, true); }
      len -= mlen;
      c.write(hexPrint(c, '\n\t  Management Address: ', t.valueStart + at, mlen));
      at += mlen;
    }
  }
  return r();
}
