/** LMP (tcpdump's print-lmp.c): the message type, and with -v every object. */
import type { PrintContext } from './context.js';
import {
  LMP_HEADER_LENGTH, LMP_OBJECT_HEADER_LENGTH, LMP_VERSION, type Lmp, type LmpObject,
} from '../../decoders/lmp.js';
import { gmplsEncodings, gmplsSwitchCaps } from './routing-tables.js';
import { cFixed } from './util-print.js';
import { bitNames, tokName, unknownData, type Tok } from './tok.js';

const HEADER_FLAGS: Tok = [[0x01, 'Control Channel Down'], [0x02, 'LMP restart']];
const TE_LINK_FLAGS: Tok = [[0x01, 'Fault Management Supported'], [0x02, 'Link Verification Supported']];
const DATA_LINK_FLAGS: Tok = [[0x01, 'Data Link Port'], [0x02, 'Allocated for user traffic'], [0x04, 'Failed link']];
const CHANNEL_STATUS: Tok = [[1, 'Signal Okay'], [2, 'Signal Degraded'], [3, 'Signal Fail']];
const BEGIN_VERIFY_FLAGS: Tok = [[0x0001, 'Verify all links'], [0x0002, 'Data link type']];
const BEGIN_VERIFY_ERRORS: Tok = [
  [0x01, 'Link Verification Procedure Not supported'], [0x02, 'Unwilling to verify'], [0x04, 'Unsupported verification transport mechanism'],
  [0x08, 'Link-Id configuration error'], [0x10, 'Unknown object c-type'],
];
const LINK_SUMMARY_ERRORS: Tok = [
  [0x01, 'Unacceptable non-negotiable LINK-SUMMARY parameters'], [0x02, 'Renegotiate LINK-SUMMARY parameters'],
  [0x04, 'Invalid TE-LINK Object'], [0x08, 'Invalid DATA-LINK Object'], [0x10, 'Unknown TE-LINK Object c-type'],
  [0x20, 'Unknown DATA-LINK Object c-type'],
];
const SP_FLAGS: Tok = [[0x01, 'RSVP Supported'], [0x02, 'LDP Supported']];
const CPSA_TP_FLAGS: Tok = [[0x01, 'Path/VC Overhead Transparency Supported'], [0x02, 'Line/MS Overhead Transparency Supported'],
  [0x04, 'Section/RS Overhead Transparency Supported']];
const CPSA_CCT_FLAGS: Tok = [[0x01, 'Contiguous Concatenation Types Supported']];
const NSA_TRANSPARENCY: Tok = [[0x01, 'Standard SOH/RSOH Transparency Supported'], [0x02, 'Standard LOH/MSOH Transparency Supported']];
const NSA_TCM: Tok = [[0x01, 'Transparent Tandem Connection Monitoring Supported']];
const NSA_DIVERSITY: Tok = [[0x01, 'Node Diversity Supported'], [0x02, 'Link Diversity Supported'], [0x04, 'SRLG Diversity Supported']];
const CPSA_LINK_TYPES: Tok = [[5, 'SDH ITU-T G.707'], [6, 'SONET ANSI T1.105']];
const CPSA_SDH: Tok = [[5, 'VC-3'], [6, 'VC-4'], [7, 'STM-0'], [8, 'STM-1'], [9, 'STM-4'], [10, 'STM-16'], [11, 'STM-64'], [12, 'STM-256']];
const CPSA_SONET: Tok = [[5, 'STS-1 SPE'], [6, 'STS-3c SPE'], [7, 'STS-1'], [8, 'STM-3'], [9, 'STM-12'], [10, 'STM-48'], [11, 'STM-192'], [12, 'STM-768']];
const MESSAGE_TYPES: Tok = [
  [1, 'Config'], [2, 'Config ACK'], [3, 'Config NACK'], [4, 'Hello'], [5, 'Begin Verify'], [6, 'Begin Verify ACK'],
  [7, 'Begin Verify NACK'], [8, 'End Verify'], [9, 'End Verify ACK'], [10, 'Test'], [11, 'Test Status Success'],
  [12, 'Test Status Failure'], [13, 'Test Status ACK'], [14, 'Link Summary'], [15, 'Link Summary ACK'], [16, 'Link Summary NACK'],
  [17, 'Channel Status'], [18, 'Channel Status ACK'], [19, 'Channel Status Request'], [20, 'Channel Status Response'],
  [50, 'Service Config'], [51, 'Service Config ACK'], [52, 'Service Config NACK'],
];
const OBJECTS: Tok = [
  [1, 'Control Channel ID'], [2, 'Node ID'], [3, 'Link ID'], [4, 'Interface ID'], [5, 'Message ID'], [6, 'Configuration'],
  [7, 'Hello'], [8, 'Verify Begin'], [9, 'Verify Begin ACK'], [10, 'Verify ID'], [11, 'TE Link'], [12, 'Data Link'],
  [13, 'Channel Status'], [14, 'Channel Status Request'], [20, 'Error Code'], [51, 'Service Config'],
];
const SUBOBJECTS: Tok = [[1, 'Interface Switching Type'], [2, 'Wavelength']];
const LOC_RMT = ['Local', 'Remote'];
const LINK_CTYPES = ['IPv4 Local', 'IPv4 Remote', 'IPv6 Local', 'IPv6 Remote', 'Unnumbered Local', 'Unnumbered Remote'];
const ADDR_CTYPES = ['IPv4', 'IPv6', 'Unnumbered'];
/** lmp_ctype_values: the name of C-type `ctype` of class `cls`. */
const CTYPES: ReadonlyArray<ReadonlyArray<string> | undefined> = [
  undefined, LOC_RMT, LOC_RMT, LINK_CTYPES, LINK_CTYPES, ['1', '2'], ['1'], ['1'], ['1'], ['1'], ['1'], ADDR_CTYPES, ADDR_CTYPES,
  ADDR_CTYPES, ADDR_CTYPES,
];
function ctypeName(cls: number, ctype: number): string {
  const t = cls === 20 ? ['1', '2'] : cls === 51 ? ['1', '2', '3', '4'] : CTYPES[cls];
  return t?.[ctype - 1] ?? 'Unknown';
}

const hex8 = (v: number): string => `0x${(v >>> 0).toString(16).padStart(8, '0')}`;
/** `%.3f Mbps` of a bandwidth in bytes per second, computed in single precision as tcpdump's float. */
const mbps = (f: number): string => cFixed(Math.fround(Math.fround(f * 8) / 1000000), 3);

/** An LMP message of `length` bytes (the UDP payload). */
export function printLmp(c: PrintContext, l: Lmp, length: number): void {
  c.protocol = 'lmp';
  l.need(LMP_HEADER_LENGTH);
  const version = l.version;
  if (version !== LMP_VERSION) { c.write(`LMP version ${version} packet not supported`); return; }
  if (c.o.verbose < 1) {
    c.write(`LMPv${version} ${tokName(MESSAGE_TYPES, `unknown (${l.messageType})`, l.messageType)} Message, length: ${length}`);
    return;
  }
  let tlen = l.messageLength;
  c.write(`\n\tLMPv${version}, msg-type: ${tokName(MESSAGE_TYPES, `unknown, type: ${l.messageType}`, l.messageType)}, ` +
    `Flags: [${bitNames(HEADER_FLAGS, 'none', l.flags)}], length: ${tlen}`);
  if (tlen < LMP_HEADER_LENGTH) { c.write(' (too short)'); return; }
  if (tlen > length) { c.write(' (too long)'); tlen = length; }
  let i = LMP_HEADER_LENGTH;
  tlen -= LMP_HEADER_LENGTH;
  const o = l.object;
  while (tlen > 0) {
    l.at(o, i);
    const olen = o.length;
    const ctype = o.ctypeByte & 0x7f;
    const cls = o.classNum;
    c.write(`\n\t  ${tokName(OBJECTS, 'Unknown', cls)} Object (${cls}), Class-Type: ${ctypeName(cls, ctype)} (${ctype}) ` +
      `Flags: [${o.ctypeByte & 0x80 ? '' : 'non-'}negotiable], length: ${olen}`);
    if (olen < 4) { c.write(' (too short)'); return; }
    if (olen % 4 !== 0) { c.write(' (not a multiple of 4)'); return; }
    const dlen = olen - LMP_OBJECT_HEADER_LENGTH;
    o.need(olen);
    const hexdump = printObject(c, l, o, i, cls, ctype, dlen);
    if (c.o.verbose > 1 || hexdump) unknownData(c, '\n\t    ', o.off + LMP_OBJECT_HEADER_LENGTH, dlen);
    if (tlen < olen) {
      c.write(` [remaining objects length ${tlen} < ${olen}]`);
      c.invalid();
      break;
    }
    i += olen; tlen -= olen;
  }
}

/** The fields of an object's data (`dlen` bytes); true when tcpdump dumps it in hex instead. */
function printObject(c: PrintContext, l: Lmp, o: LmpObject, i: number, cls: number, ctype: number, dlen: number): boolean {
  const wrong = (n: number, exact = true): boolean => {
    if (exact ? dlen !== n : dlen < n) { c.write(' (not correct for object)'); return true; }
    return false;
  };
  switch (cls) {
    case 1:                                             // CC_ID
      if (ctype !== 1 && ctype !== 2) return true;
      if (!wrong(4)) c.write(`\n\t    Control Channel ID: ${o.value} (${hex8(o.value)})`);
      return false;
    case 3: case 4:                                     // LINK_ID, INTERFACE_ID
      switch (ctype) {
        case 1: case 2: if (!wrong(4)) c.write(`\n\t    IPv4 Link ID: ${o.valueIpv4} (${hex8(o.value)})`); return false;
        case 3: case 4: if (!wrong(16)) c.write(`\n\t    IPv6 Link ID: ${o.valueIpv6} (${hex8(o.value)})`); return false;
        case 5: case 6: if (!wrong(4)) c.write(`\n\t    Link ID: ${o.value} (${hex8(o.value)})`); return false;
      }
      return true;
    case 5:                                             // MESSAGE_ID
      if (ctype !== 1 && ctype !== 2) return true;
      if (!wrong(4)) c.write(`\n\t    Message ID${ctype === 2 ? ' Ack' : ''}: ${o.value} (${hex8(o.value)})`);
      return false;
    case 2:                                             // NODE_ID
      if (ctype !== 1 && ctype !== 2) return true;
      if (!wrong(4)) c.write(`\n\t    Node ID: ${o.valueIpv4} (${hex8(o.value)})`);
      return false;
    case 6:                                             // CONFIG
      if (ctype !== 1) return true;
      if (!wrong(4)) c.write(`\n\t    Hello Interval: ${o.helloInterval}\n\t    Hello Dead Interval: ${o.helloDeadInterval}`);
      return false;
    case 7:                                             // HELLO
      if (ctype !== 1) return true;
      if (!wrong(8)) c.write(`\n\t    Tx Seq: ${o.txSeq}, Rx Seq: ${o.rxSeq}`);
      return false;
    case 11:                                            // TE_LINK
      if (ctype < 1 || ctype > 3) return true;
      if (wrong(ctype === 2 ? 36 : 12)) return false;
      c.write(`\n\t    Flags: [${bitNames(TE_LINK_FLAGS, 'none', o.linkFlags)}]`);
      linkIds(c, o, ctype, 'Link-ID');
      return false;
    case 12:                                            // DATA_LINK
      if (ctype < 1 || ctype > 3) return true;
      if (wrong(ctype === 2 ? 36 : 12, false)) return false;
      c.write(`\n\t    Flags: [${bitNames(DATA_LINK_FLAGS, 'none', o.linkFlags)}]`);
      linkIds(c, o, ctype, 'Interface ID');
      return subobjects(c, l, i + LMP_OBJECT_HEADER_LENGTH + (ctype === 2 ? 36 : 12), dlen - (ctype === 2 ? 36 : 12));
    case 8:                                             // VERIFY_BEGIN
      if (ctype !== 1) return true;
      if (wrong(20)) return false;
      c.write(`\n\t    Flags: ${bitNames(BEGIN_VERIFY_FLAGS, 'none', o.verifyFlags)}`);
      c.write(`\n\t    Verify Interval: ${o.verifyInterval}`);
      c.write(`\n\t    Data links: ${o.dataLinks}`);
      c.write(`\n\t    Encoding type: ${gmplsEncodings.str(o.encodingType, 'Unknown')}`);
      // tcpdump tests the decimal 8000, not 0x8000.
      c.write(`\n\t    Verify Transport Mechanism: ${o.verifyTransport} (0x${o.verifyTransport.toString(16)})` +
        `${o.verifyTransport & 8000 ? ' (Payload test messages capable)' : ''}`);
      c.write(`\n\t    Transmission Rate: ${mbps(o.transmissionRate)} Mbps`);
      c.write(`\n\t    Wavelength: ${o.wavelength}`);
      return false;
    case 9:                                             // VERIFY_BEGIN_ACK
      if (ctype !== 1) return true;
      if (!wrong(4)) c.write(`\n\t    Verify Dead Interval: ${o.verifyDeadInterval}\n\t    Verify Transport Response: ${o.verifyTransportResponse}`);
      return false;
    case 10:                                            // VERIFY_ID
      if (ctype !== 1) return true;
      if (!wrong(4)) c.write(`\n\t    Verify ID: ${o.value}`);
      return false;
    case 13:                                            // CHANNEL_STATUS
      if (ctype < 1 || ctype > 3) return true;
      channelStatus(c, l, i + LMP_OBJECT_HEADER_LENGTH, ctype, dlen);
      return false;
    case 14: {                                          // CHANNEL_STATUS_REQ
      if (ctype < 1 || ctype > 3) return true;
      const step = ctype === 2 ? 16 : 4;
      const ch = l.channel;
      for (let k = 0; k + step <= dlen; k += step) {
        l.at(ch, i + LMP_OBJECT_HEADER_LENGTH + k);
        c.write(`\n\t    Interface ID: ${ctype === 1 ? ch.interfaceIpv4 : ctype === 2 ? ch.interfaceIpv6 : ch.interfaceId} (${hex8(ch.interfaceId)})`);
      }
      return false;
    }
    case 20:                                            // ERROR_CODE
      if (ctype !== 1 && ctype !== 2) return true;
      if (!wrong(4)) c.write(`\n\t    Error Code: ${bitNames(ctype === 1 ? BEGIN_VERIFY_ERRORS : LINK_SUMMARY_ERRORS, 'none', o.value)}`);
      return false;
    case 51:                                            // SERVICE_CONFIG
      return serviceConfig(c, o, ctype, dlen, wrong);
  }
  if (c.o.verbose <= 1) unknownData(c, '\n\t    ', o.off + LMP_OBJECT_HEADER_LENGTH, dlen);
  return false;
}

/** A TE link's or data link's local and remote IDs. */
function linkIds(c: PrintContext, o: LmpObject, ctype: number, what: string): void {
  const line = ctype === 1
    ? `\n\t    Local ${what}: ${o.localIpv4} (${hex8(o.localId)})\n\t    Remote ${what}: ${o.remoteIpv4} (${hex8(o.remoteId)})`
    : ctype === 2
      ? `\n\t    Local ${what}: ${o.localIpv6} (${hex8(o.localId)})\n\t    Remote ${what}: ${o.remoteIpv6} (${hex8(o.remoteIpv6Word)})`
      : `\n\t    Local ${what}: ${o.localId} (${hex8(o.localId)})\n\t    Remote ${what}: ${o.remoteId} (${hex8(o.remoteId)})`;
  c.write(line);
}

/** lmp_print_data_link_subobjs: true when one of a type tcpdump does not know ends the walk (a hex dump follows). */
function subobjects(c: PrintContext, l: Lmp, i: number, total: number): boolean {
  const s = l.subobject;
  while (total > 0) {
    l.at(s, i);
    const type = s.type, len = s.length;
    c.write(`\n\t    Subobject, Type: ${tokName(SUBOBJECTS, 'Unknown', type)} (${type}), Length: ${len}`);
    if (len < 4) { c.write(' (too short)'); return false; }
    if (len % 4 !== 0) { c.write(' (not a multiple of 4)'); return false; }
    if (total < len) { c.write(' (goes past the end of the object)'); return false; }
    switch (type) {
      case 1:
        c.write(`\n\t      Switching Type: ${gmplsSwitchCaps.str(s.switchingType, 'Unknown')} (${s.switchingType})`);
        c.write(`\n\t      Encoding Type: ${gmplsEncodings.str(s.encodingType, 'Unknown')} (${s.encodingType})`);
        c.write(`\n\t      Min Reservable Bandwidth: ${mbps(s.minBandwidth)} Mbps`);
        c.write(`\n\t      Max Reservable Bandwidth: ${mbps(s.maxBandwidth)} Mbps`);
        break;
      case 2:
        c.write(`\n\t      Wavelength: ${s.wavelength}`);
        break;
      default:
        return true;
    }
    total -= len; i += len;
  }
  return false;
}

/** A channel status object's entries: interface, then allocation, direction and status. */
function channelStatus(c: PrintContext, l: Lmp, i: number, ctype: number, dlen: number): void {
  const step = ctype === 2 ? 20 : 8;
  const ch = l.channel;
  for (let k = 0; k + step <= dlen; k += step) {
    l.at(ch, i + k);
    c.write(`\n\t    Interface ID: ${ctype === 1 ? ch.interfaceIpv4 : ctype === 2 ? ch.interfaceIpv6 : ch.interfaceId} (${hex8(ch.interfaceId)})`);
    const status = ctype === 2 ? ch.statusAfter16 : ch.statusAfter4;
    c.write(`\n\t\t    Active: ${status >>> 31 ? 'Allocated' : 'Non-allocated'} (${status >>> 31})`);
    c.write(`\n\t\t    Direction: ${(status >>> 30) & 1 ? 'Transmit' : 'Receive'} (${(status >>> 30) & 1})`);
    c.write(`\n\t\t    Channel Status: ${tokName(CHANNEL_STATUS, 'Unknown', status & 0x3ffffff)} (${status & 0x3ffffff})`);
  }
}

/** A service config object (UNI 1.0); true when tcpdump dumps it in hex. */
function serviceConfig(c: PrintContext, o: LmpObject, ctype: number, _dlen: number, wrong: (n: number) => boolean): boolean {
  switch (ctype) {
    case 1:
      if (wrong(4)) return false;
      c.write(`\n\t Flags: ${bitNames(SP_FLAGS, 'none', o.spFlags)}`);
      c.write(`\n\t  UNI Version: ${o.uniVersion}`);
      return false;
    case 2: {
      if (wrong(16)) return false;
      const lt = o.cpsaLinkType;
      c.write(`\n\t Link Type: ${tokName(CPSA_LINK_TYPES, 'Unknown', lt)} (${lt})`);
      if (lt === 5) c.write(`\n\t Signal Type: ${tokName(CPSA_SDH, 'Unknown', o.cpsaSignalType)} (${o.cpsaSignalType})`);
      else if (lt === 6) c.write(`\n\t Signal Type: ${tokName(CPSA_SONET, 'Unknown', o.cpsaSignalType)} (${o.cpsaSignalType})`);
      c.write(`\n\t Transparency: ${bitNames(CPSA_TP_FLAGS, 'none', o.cpsaTransparency)}`);
      c.write(`\n\t Contiguous Concatenation Types: ${bitNames(CPSA_CCT_FLAGS, 'none', o.cpsaConcatenation)}`);
      c.write(`\n\t Minimum NCC: ${o.cpsaMinNcc}`);
      c.write(`\n\t Maximum NCC: ${o.cpsaMaxNcc}`);
      c.write(`\n\t Minimum NVC:${o.cpsaMinNvc}`);
      c.write(`\n\t Maximum NVC:${o.cpsaMaxNvc}`);
      c.write(`\n\t    Local Interface ID: ${o.cpsaLocalInterfaceIpv4} (${hex8(o.cpsaLocalInterface)})`);
      return false;
    }
    case 3:
      if (wrong(8)) return false;
      c.write(`\n\t Transparency Flags: ${bitNames(NSA_TRANSPARENCY, 'none', o.nsaTransparency)}`);
      c.write(`\n\t TCM Monitoring Flags: ${bitNames(NSA_TCM, 'none', o.nsaTcm)}`);
      return false;
    case 4:
      if (wrong(4)) return false;
      c.write(`\n\t Diversity: Flags: ${bitNames(NSA_DIVERSITY, 'none', o.nsaDiversity)}`);
      return false;
  }
  return true;
}
