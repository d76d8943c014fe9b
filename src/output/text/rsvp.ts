/** RSVP (tcpdump's print-rsvp.c), on IP protocol 46. */
import type { PrintContext } from './context.js';
import { afNames, gmplsEncodings, gmplsPayloads, gmplsSwitchCaps } from './routing-tables.js';
import { RSVP_HEADER_LENGTH, RSVP_OBJECT_HEADER_LENGTH, type Rsvp, type RsvpHeader, type RsvpObject } from '../../decoders/rsvp.js';
import { hexPrint } from './dump.js';
import { etherTypeName, hex16, hex8 } from './names.js';
import { safeChar } from './print-char.js';
import { bitNames, cG, hex32, TokTable, type Tok } from './util-print.js';

const messageTypes = new TokTable([
  [1, 'Path'], [2, 'Resv'], [3, 'PathErr'], [4, 'ResvErr'], [5, 'PathTear'], [6, 'ResvTear'], [7, 'ResvConf'], [12, 'Bundle'],
  [13, 'Acknowledgement'], [14, 'Hello (Old)'], [15, 'Refresh'], [20, 'Hello'],
]);
const headerFlags: Tok = [[0x01, 'Refresh reduction capable']];
const capabilityFlags: Tok = [[0x0004, 'RecoveryPath Transmit Enabled'], [0x0002, 'RecoveryPath Desired'], [0x0001, 'RecoveryPath Srefresh Capable']];
const objects = new TokTable([
  [1, 'Session'], [3, 'RSVP Hop'], [4, 'Integrity'], [5, 'Time Values'], [6, 'Error Spec'], [7, 'Scope'], [8, 'Style'], [9, 'Flowspec'],
  [10, 'FilterSpec'], [11, 'Sender Template'], [12, 'Sender TSpec'], [13, 'Adspec'], [14, 'Policy Data'], [15, 'Confirm'], [16, 'Label'],
  [19, 'Label Request'], [20, 'ERO'], [21, 'RRO'], [22, 'Hello'], [23, 'Message ID'], [24, 'Message ID Ack'], [25, 'Message ID List'],
  [34, 'Recovery Label'], [35, 'Upstream Label'], [36, 'Label Set'], [130, 'Acceptable Label Set'], [63, 'Detour'], [66, 'Class Type'],
  [125, 'Class Type (old)'], [129, 'Suggested Label'], [204, 'Properties'], [205, 'Fast Re-Route'], [207, 'Session Attribute'],
  [229, 'Generalized UNI'], [230, 'Call-ID'], [236, 'Call Capability'], [131, 'Restart Capability'], [134, 'Capability'], [195, 'Notify Request'],
  [37, 'Protection'], [196, 'Administrative Status'], [50, 'Sub-LSP to LSP'],
]);
const ct = (cls: number, type: number): number => 256 * cls + type;
const ctypes = new TokTable([
  [ct(3, 1), 'IPv4'], [ct(3, 2), 'IPv6'], [ct(3, 3), 'IPv4 plus opt. TLVs'], [ct(3, 4), 'IPv6 plus opt. TLVs'], [ct(195, 1), 'IPv4'], [ct(195, 2), 'IPv6'],
  [ct(15, 1), 'IPv4'], [ct(15, 2), 'IPv6'], [ct(5, 1), '1'], [ct(9, 1), 'obsolete'], [ct(9, 2), 'IntServ'], [ct(12, 2), 'IntServ'], [ct(13, 2), 'IntServ'],
  [ct(10, 1), 'IPv4'], [ct(10, 2), 'IPv6'], [ct(10, 3), 'IPv6 Flow-label'], [ct(10, 7), 'Tunnel IPv4'], [ct(10, 12), 'IPv4 P2MP LSP Tunnel'],
  [ct(10, 13), 'IPv6 P2MP LSP Tunnel'], [ct(1, 1), 'IPv4'], [ct(1, 2), 'IPv6'], [ct(1, 7), 'Tunnel IPv4'], [ct(1, 11), 'UNI IPv4'],
  [ct(1, 13), 'IPv4 P2MP LSP Tunnel'], [ct(1, 14), 'IPv6 P2MP LSP Tunnel'], [ct(11, 1), 'IPv4'], [ct(11, 2), 'IPv6'], [ct(11, 7), 'Tunnel IPv4'],
  [ct(11, 12), 'IPv4 P2MP LSP Tunnel'], [ct(11, 13), 'IPv6 P2MP LSP Tunnel'], [ct(23, 1), '1'], [ct(24, 1), 'Message id ack'], [ct(24, 2), 'Message id nack'],
  [ct(25, 1), '1'], [ct(8, 1), '1'], [ct(22, 1), 'Hello Request'], [ct(22, 2), 'Hello Ack'], [ct(19, 1), 'without label range'],
  [ct(19, 2), 'with ATM label range'], [ct(19, 3), 'with FR label range'], [ct(19, 4), 'Generalized Label'], [ct(16, 1), 'Label'],
  [ct(16, 2), 'Generalized Label'], [ct(16, 3), 'Waveband Switching'], [ct(129, 1), 'Label'], [ct(129, 2), 'Generalized Label'],
  [ct(129, 3), 'Waveband Switching'], [ct(35, 1), 'Label'], [ct(35, 2), 'Generalized Label'], [ct(35, 3), 'Waveband Switching'], [ct(34, 1), 'Label'],
  [ct(34, 2), 'Generalized Label'], [ct(34, 3), 'Waveband Switching'], [ct(20, 1), 'IPv4'], [ct(21, 1), 'IPv4'], [ct(6, 1), 'IPv4'], [ct(6, 2), 'IPv6'],
  [ct(6, 3), 'IPv4 plus opt. TLVs'], [ct(6, 4), 'IPv6 plus opt. TLVs'], [ct(131, 1), 'IPv4'], [ct(134, 1), '1'], [ct(207, 7), 'Tunnel IPv4'],
  [ct(205, 7), 'Tunnel IPv4'], [ct(205, 1), '1'], [ct(63, 7), 'Tunnel IPv4'], [ct(204, 1), '1'], [ct(196, 1), '1'], [ct(66, 1), '1'], [ct(125, 1), '1'],
  [ct(36, 1), '1'], [ct(229, 1), '1'], [ct(50, 1), 'IPv4 sub-LSP'], [ct(50, 2), 'IPv6 sub-LSP'],
]);
const integrityFlags: Tok = [[0x80, 'Handshake']];
const xroTypes = new TokTable([[0, 'Reserved'], [1, 'IPv4 prefix'], [2, 'IPv6 prefix'], [3, 'Label'], [32, 'Autonomous system number'], [64, 'MPLS label switched path termination']]);
const rroFlags: Tok = [[0x01, 'Local protection available'], [0x02, 'Local protection in use'], [0x04, 'Bandwidth protection'], [0x08, 'Node protection']];
const rroLabelFlags: Tok = [[0x01, 'Global']];
const resStyles = new TokTable([[17, 'Wildcard Filter'], [10, 'Fixed Filter'], [18, 'Shared Explicit']]);
const intservServices = new TokTable([[1, 'Default/Global Information'], [2, 'Guaranteed Service'], [5, 'Controlled Load']]);
const intservParams = new TokTable([
  [4, 'IS hop cnt'], [6, 'Path b/w estimate'], [8, 'Minimum path latency'], [10, 'Composed MTU'], [127, 'Token Bucket TSpec'],
  [130, 'Guaranteed Service RSpec'], [133, 'End-to-end composed value for C'], [134, 'End-to-end composed value for D'],
  [135, 'Since-last-reshaping point composed C'], [136, 'Since-last-reshaping point composed D'],
]);
const sessionAttributeFlags: Tok = [[0x01, 'Local Protection'], [0x02, 'Label Recording'], [0x04, 'SE Style'], [0x08, 'Bandwidth protection'], [0x10, 'Node protection']];
const propTlvs = new TokTable([[0x01, 'Cos'], [0x02, 'Metric 1'], [0x04, 'Metric 2'], [0x08, 'CCC Status'], [0x10, 'Path Type']]);
const errorCodes = new TokTable([[24, 'Routing Problem'], [25, 'Notify Error'], [28, 'Diffserv TE Error'], [125, 'Diffserv TE Error (Old)']]);
const routingErrors = new TokTable([
  [1, 'Bad EXPLICIT_ROUTE object'], [2, 'Bad strict node'], [3, 'Bad loose node'], [4, 'Bad initial subobject'], [5, 'No route available toward destination'],
  [6, 'Unacceptable label value'], [7, 'RRO indicated routing loops'], [8, 'non-RSVP-capable router in the path'], [9, 'MPLS label allocation failure'],
  [10, 'Unsupported L3PID'],
]);
const diffservErrors = new TokTable([
  [1, 'Unexpected CT object'], [2, 'Unsupported CT'], [3, 'Invalid CT value'], [4, 'CT/setup priority do not form a configured TE-Class'],
  [5, 'CT/holding priority do not form a configured TE-Class'], [6, 'CT/setup priority and CT/holding priority do not form a configured TE-Class'],
  [7, 'Inconsistency between signaled PSC and signaled CT'], [8, 'Inconsistency between signaled PHBs and signaled CT'],
]);
const adminStatusFlags: Tok = [[0x80000000, 'Reflect'], [0x00000004, 'Testing'], [0x00000002, 'Admin-down'], [0x00000001, 'Delete-in-progress']];
const labelSetActions = new TokTable([[0, 'Inclusive list'], [1, 'Exclusive list'], [2, 'Inclusive range'], [3, 'Exclusive range']]);
const uniSubobjects = new TokTable([[1, 'Source TNA address'], [2, 'Destination TNA address'], [3, 'Diversity'], [4, 'Egress label'], [5, 'Service level']]);

/** `%#x`: 0x and the hex digits (a zero is plain `0`). */
const altHex = (v: number): string => v === 0 ? '0' : `0x${v.toString(16)}`;
const l3Proto = (v: number): string => etherTypeName(v) ?? `Unknown Protocol (0x${hex16(v)})`;

/** rsvp_intserv_print: one IntServ parameter at absolute index `pos`; its size, 0 to stop. */
function intserv(c: PrintContext, r: Rsvp, pos: number, objTlen: number): number {
  if (objTlen < 4) return 0;
  const q = r.pointIntserv(pos);
  const id = q.parameterId, plen = q.parameterLength;
  c.write(`\n\t      Parameter ID: ${intservParams.str(id, 'unknown')} (${id}), length: ${plen}, Flags: [0x${hex8(q.parameterFlags)}]`);
  if (objTlen < plen + 4) return 0;
  switch (id) {
    case 4: if (plen === 4) c.write(`\n\t\tIS hop count: ${q.word(0)}`); break;
    case 6: if (plen === 4) c.write(`\n\t\tPath b/w estimate: ${cG(Math.fround(q.float(0) / 125000), 10)} Mbps`); break;
    case 8:
      if (plen === 4) {
        c.write('\n\t\tMinimum path latency: ');
        c.write(q.word(0) === 0xffffffff ? "don't care" : String(q.word(0)));
      }
      break;
    case 10: if (plen === 4) c.write(`\n\t\tComposed MTU: ${q.word(0)} bytes`); break;
    case 127:
      if (plen === 20) {
        if (!q.has(4 + 20)) { c.truncMark(); return 0; }
        c.write(`\n\t\tToken Bucket Rate: ${cG(Math.fround(q.float(0) / 125000), 10)} Mbps`);
        c.write(`\n\t\tToken Bucket Size: ${cG(q.float(1), 10)} bytes`);
        c.write(`\n\t\tPeak Data Rate: ${cG(Math.fround(q.float(2) / 125000), 10)} Mbps`);
        c.write(`\n\t\tMinimum Policed Unit: ${q.word(3)} bytes`);
        c.write(`\n\t\tMaximum Packet Size: ${q.word(4)} bytes`);
      }
      break;
    case 130:
      if (plen === 8) {
        if (!q.has(4 + 8)) { c.truncMark(); return 0; }
        c.write(`\n\t\tRate: ${cG(Math.fround(q.float(0) / 125000), 10)} Mbps`);
        c.write(`\n\t\tSlack Term: ${q.word(1)}`);
      }
      break;
    case 133: case 134: case 135: case 136: if (plen === 4) c.write(`\n\t\tValue: ${q.word(0)}`); break;
    default: if (c.o.verbose <= 1) c.write(hexPrint(c, '\n\t\t', q.valueStart, plen));
  }
  return plen + 4;
}

const TOO_SHORT = 1, SUB_TOO_SHORT = 2, INVALID = 3, TRUNC = 4;

/** rsvp_obj_print over `tlen` bytes of objects from absolute index `pos`; false when it stopped with an error. */
function objects_(c: PrintContext, r: Rsvp, pos: number, indent: string, tlen: number): boolean {
  const v = c.o.verbose;
  while (tlen >= RSVP_OBJECT_HEADER_LENGTH) {
    const o = r.pointObject(pos);
    if (!o.has(RSVP_OBJECT_HEADER_LENGTH)) { c.truncMark(); return false; }
    const olen = o.objectLength, ctype = o.ctype;
    if (olen % 4) { c.write(`${indent}ERROR: object header size ${olen} not a multiple of 4`); return false; }
    if (olen < RSVP_OBJECT_HEADER_LENGTH) { c.write(`${indent}ERROR: object header too short ${olen} < ${RSVP_OBJECT_HEADER_LENGTH}`); return false; }
    const cls = o.classNum;
    c.write(`${indent}${objects.str(cls, 'Unknown')} Object (${cls}) Flags: [${cls & 0x80 ? (cls & 0x40 ? 'ignore and forward' : 'ignore silently') : 'reject'}`);
    c.write(` if unknown], Class-Type: ${ctypes.str((cls << 8) + ctype, 'Unknown')} (${ctype}), length: ${olen}`);
    if (tlen < olen) { c.write(`${indent}ERROR: object goes past end of objects TLV`); return false; }
    if (!o.has(olen)) { c.truncMark(); return false; }
    const [status, hexdump] = object(c, r, o, cls, ctype, olen - RSVP_OBJECT_HEADER_LENGTH, indent);
    switch (status) {
      case TOO_SHORT: c.write(`${indent}ERROR: object is too short`); return false;
      case SUB_TOO_SHORT: c.write(`${indent}ERROR: sub-object is too short`); return false;
      case INVALID: c.invalid(); return false;
      case TRUNC: c.truncMark(); return false;
      case -1: return false;
    }
    if (v > 1 || hexdump) c.write(hexPrint(c, '\n\t    ', pos + RSVP_OBJECT_HEADER_LENGTH, olen - RSVP_OBJECT_HEADER_LENGTH));
    pos += olen;
    tlen -= olen;
  }
  return true;
}

/** One object's body, `len` bytes (the switch of rsvp_obj_print): [0 or an error status, hexdump]. */
function object(c: PrintContext, r: Rsvp, o: RsvpObject, cls: number, ctype: number, len: number, indent: string): [number, boolean] {
  const v = c.o.verbose;
  const four = (text: () => string): [number, boolean] => { if (len < 4) return [TOO_SHORT, false]; c.write(text()); return [0, false]; };
  switch (cls) {
    case 1:
      switch (ctype) {
        case 1:
          if (len < 8) return [TOO_SHORT, false];
          c.write(`${indent}  IPv4 DestAddress: ${o.address4}, Protocol ID: 0x${hex8(o.protocolId)}`);
          c.write(`${indent}  Flags: [0x${hex8(o.sessionFlags)}], DestPort ${o.destinationPort}`);
          return [0, false];
        case 2:
          if (len < 20) return [TOO_SHORT, false];
          c.write(`${indent}  IPv6 DestAddress: ${o.address6}, Protocol ID: 0x${hex8(o.protocolId6)}`);
          c.write(`${indent}  Flags: [0x${hex8(o.sessionFlags6)}], DestPort ${o.destinationPort6}`);
          return [0, false];
        case 8:
          if (len < 36) return [TOO_SHORT, false];
          c.write(`${indent}  IPv6 Tunnel EndPoint: ${o.address6}, Tunnel ID: 0x${hex16(o.tunnel6Id)}, Extended Tunnel ID: ${o.tunnel6ExtendedId}`);
          return [0, false];
        case 14:
          if (len < 26) return [TOO_SHORT, false];
          c.write(`${indent}  IPv6 P2MP LSP ID: 0x${hex32(o.p2mpId)}, Tunnel ID: 0x${hex16(o.tunnelId)}, Extended Tunnel ID: ${o.extendedTunnelId6}`);
          return [0, false];
        case 13:
          if (len < 12) return [TOO_SHORT, false];
          c.write(`${indent}  IPv4 P2MP LSP ID: ${o.address4}, Tunnel ID: 0x${hex16(o.tunnelId)}, Extended Tunnel ID: ${o.extendedTunnelId4}`);
          return [0, false];
        case 7: case 11:
          if (len < 12) return [TOO_SHORT, false];
          c.write(`${indent}  IPv4 Tunnel EndPoint: ${o.address4}, Tunnel ID: 0x${hex16(o.tunnelId)}, Extended Tunnel ID: ${o.extendedTunnelId4}`);
          return [0, false];
      }
      return [0, true];
    case 15: case 195: {
      const what = cls === 15 ? 'Receiver' : 'Notify Node';
      if (ctype === 1) { if (len < 4) return [TOO_SHORT, false]; c.write(`${indent}  IPv4 ${what} Address: ${o.address4}`); return [0, false]; }
      if (ctype === 2) { if (len < 16) return [TOO_SHORT, false]; c.write(`${indent}  IPv6 ${what} Address: ${o.address6}`); return [0, false]; }
      return [0, true];
    }
    case 129: case 35: case 34: case 16:
      switch (ctype) {
        case 1: for (let i = 0; len >= 4; len -= 4, i++) c.write(`${indent}  Label: ${o.label(i)}`); return [0, false];
        case 2: return four(() => `${indent}  Generalized Label: ${o.label(0)}`);
        case 3:
          if (len < 12) return [TOO_SHORT, false];
          c.write(`${indent}  Waveband ID: ${o.wavebandId}${indent}  Start Label: ${o.startLabel}, Stop Label: ${o.stopLabel}`);
          return [0, false];
      }
      return [0, true];
    case 8:
      if (ctype === 1) return four(() => `${indent}  Reservation Style: ${resStyles.str(o.reservationStyle, 'Unknown')}, Flags: [0x${hex8(o.styleFlags)}]`);
      return [0, true];
    case 11: case 10:
      return senderOrFilter(c, o, cls, ctype, len, indent);
    case 19:
      switch (ctype) {
        case 1: for (let i = 0; len >= 4; len -= 4, i++) c.write(`${indent}  L3 Protocol ID: ${l3Proto(o.l3pid(i))}`); return [0, false];
        case 2:
          if (len < 12) return [TOO_SHORT, false];
          c.write(`${indent}  L3 Protocol ID: ${l3Proto(o.l3pid(0))}`);
          c.write(`,${o.atmMergeByte & 0x80 ? 'no' : ''} merge capability`);
          c.write(`${indent}  Minimum VPI/VCI: ${o.minVpi}/${o.minVci}`);
          c.write(`${indent}  Maximum VPI/VCI: ${o.maxVpi}/${o.maxVci}`);
          return [0, false];
        case 3: {
          if (len < 12) return [TOO_SHORT, false];
          c.write(`${indent}  L3 Protocol ID: ${l3Proto(o.l3pid(0))}`);
          const dlci = o.dlciLength;
          c.write(`${indent}  Minimum/Maximum DLCI: ${o.minDlci}/${o.maxDlci}, ${dlci === 0 ? '10' : ''}${dlci === 2 ? '23' : ''} bit DLCI`);
          return [0, false];
        }
        case 4: {
          if (len < 4) return [TOO_SHORT, false];
          const enc = o.lspEncoding;
          c.write(`${indent}  LSP Encoding Type: ${gmplsEncodings.str(enc, 'Unknown')} (${enc})`);
          const sw = o.switchingType, pl = o.gpid;
          c.write(`${indent}  Switching Type: ${gmplsSwitchCaps.str(sw, 'Unknown')} (${sw}), Payload ID: ${gmplsPayloads.str(pl, 'Unknown')} (0x${hex16(pl)})`);
          return [0, false];
        }
      }
      return [0, true];
    case 21: case 20:
      if (ctype !== 1) return [0, true];
      for (let pos = o.bodyStart; len >= 4;) {
        const e = r.pointSubobject(pos);
        if (!e.has(4)) return [TRUNC, false];
        const length = e.length, sub = e.typeByte & 0x7f;
        c.write(`${indent}  Subobject Type: ${xroTypes.str(sub, `Unknown ${sub}`)}, length ${length}`);
        if (len < length) { c.write(`${indent}  ERROR: ERO subobject length > object length`); break; }
        if (length === 0) { c.write(`${indent}  ERROR: zero length ERO subtype`); break; }
        if (sub === 1) {
          if (length !== 8) { c.write(' ERROR: length != 8'); return [INVALID, false]; }
          if (!e.has(8)) return [TRUNC, false];
          const plen = e.prefixLength;
          if (plen !== 32) { c.write(` ERROR: Prefix length ${plen} != 32`); return [INVALID, false]; }
          c.write(`, ${e.typeByte & 0x80 ? 'Loose' : 'Strict'}, ${e.prefix4}/${e.prefixLength}, Flags: [${bitNames(rroFlags, e.rroFlags, 'none')}]`);
        } else if (sub === 3) {
          if (length !== 8) { c.write(' ERROR: length != 8'); return [INVALID, false]; }
          if (!e.has(8)) return [TRUNC, false];
          const f = e.labelFlags, lt = e.labelCtype;
          c.write(`, Flags: [${bitNames(rroLabelFlags, f, 'none')}] (${altHex(f)}), Class-Type: ${ctypes.str(lt + 256 * 21, 'Unknown')} (${lt}), ${e.label}`);
        }
        len -= length; pos += length;
      }
      return [0, false];
    case 22:
      if (ctype === 1 || ctype === 2) {
        if (len < 8) return [TOO_SHORT, false];
        c.write(`${indent}  Source Instance: 0x${hex32(o.sourceInstance)}, Destination Instance: 0x${hex32(o.destinationInstance)}`);
        return [0, false];
      }
      return [0, true];
    case 131:
      if (ctype === 1) {
        if (len < 8) return [TOO_SHORT, false];
        c.write(`${indent}  Restart  Time: ${o.restartTime}ms, Recovery Time: ${o.recoveryTime}ms`);
        return [0, false];
      }
      return [0, true];
    case 134:
      if (ctype === 1) {
        if (len < 4) return [TOO_SHORT, false];
        const flags = o.capabilityFlags;
        if ((flags & ~7) !== 0) c.write(`${indent}  [reserved=0x${hex32(flags & ~7)} must be zero]`);
        c.write(`${indent}  Flags: [${bitNames(capabilityFlags, flags & 7, 'none')}]`);
        return [0, false];
      }
      return [0, true];
    case 207:
      if (ctype === 7) {
        if (len < 4) return [TOO_SHORT, false];
        const namelen = o.nameLength;
        if (len < 4 + namelen) return [TOO_SHORT, false];
        c.write(`${indent}  Session Name: `);
        for (let i = 0; i < namelen; i++) c.write(safeChar(o.nameByte(i)));
        const f = o.attributeFlags;
        c.write(`${indent}  Setup Priority: ${o.setupPriority}, Holding Priority: ${o.holdingPriority}, Flags: [${bitNames(sessionAttributeFlags, f, 'none')}] (${altHex(f)})`);
        return [0, false];
      }
      return [0, true];
    case 229: {
      if (ctype !== 1) return [0, true];
      if (len < 4) return [TOO_SHORT, false];
      let hexdump = false;
      for (let total = len, pos = o.bodyStart; total > 0;) {
        if (total < 4) return [INVALID, false];
        const u = r.pointSubobject(pos);
        const slen = u.uniLength, stype = u.uniType, af = u.uniAddressFamily;
        c.write(`${indent}  Subobject Type: ${uniSubobjects.str(stype, 'Unknown')} (${stype}), AF: ${afNames.str(af, 'Unknown')} (${af}), length: ${slen}`);
        if (slen < 4 || slen > total || len < slen) return [INVALID, false];
        switch (stype) {
          case 1: case 2:
            if (af === 1) { if (slen < 8) return [SUB_TOO_SHORT, false]; c.write(`${indent}    UNI IPv4 TNA address: ${u.tna4}`); }
            else if (af === 2) { if (slen < 20) return [SUB_TOO_SHORT, false]; c.write(`${indent}    UNI IPv6 TNA address: ${u.tna6}`); }
            else if (af === 3 && slen) hexdump = true;
            break;
          case 3: if (slen > 4) hexdump = true; break;
          case 4:
            if (slen < 16) return [SUB_TOO_SHORT, false];
            c.write(`${indent}    U-bit: ${(u.egressWord >>> 31).toString(16)}, Label type: ${u.egressWord & 0xff}, Logical port id: ${u.logicalPort}, Label: ${u.egressLabel}`);
            break;
          case 5:
            if (slen < 8) return [SUB_TOO_SHORT, false];
            c.write(`${indent}    Service level: ${u.serviceLevel}`);
            break;
          default: hexdump = true;
        }
        total -= slen;
        pos += slen;
        // tcpdump grows its object length here (obj_tlen += subobj_len), so the test above never fails on it.
        len += slen;
      }
      return [0, hexdump];
    }
    case 3:
      switch (ctype) {
        case 3: case 1:
          if (len < 8) return [TOO_SHORT, false];
          c.write(`${indent}  Previous/Next Interface: ${o.address4}, Logical Interface Handle: 0x${hex32(o.interfaceHandle)}`);
          return [0, len - 8 !== 0];
        case 4: case 2:
          if (len < 20) return [TOO_SHORT, false];
          c.write(`${indent}  Previous/Next Interface: ${o.address6}, Logical Interface Handle: 0x${hex32(o.interfaceHandle6)}`);
          return [0, true];
      }
      return [0, true];
    case 5:
      if (ctype === 1) return four(() => `${indent}  Refresh Period: ${o.refreshPeriod}ms`);
      return [0, true];
    case 12: case 13: case 9: {
      if (ctype !== 2) return [0, true];
      if (len < 4) return [TOO_SHORT, false];
      c.write(`${indent}  Msg-Version: ${o.intservVersion}, length: ${o.intservLength}`);
      let pos = o.bodyStart + 4;
      len -= 4;
      while (len >= 4) {
        const sv = r.pointIntserv(pos);
        let stlen = sv.serviceLength;
        const st = sv.serviceType;
        c.write(`${indent}  Service Type: ${intservServices.str(st, 'unknown')} (${st}), break bit ${sv.serviceFlags & 0x80 ? '' : 'not '}set, Service length: ${stlen}`);
        pos += 4; len -= 4;
        while (stlen >= 4) {
          const n = intserv(c, r, pos, len);
          if (n === 0) break;
          len -= n; stlen -= n; pos += n;
        }
      }
      return [0, false];
    }
    case 205: {
      const bw = (): string => cG(Math.fround(Math.fround(o.bandwidth * 8) / 1000000), 10);
      if (ctype === 1) {
        if (len < 20) return [TOO_SHORT, false];
        c.write(`${indent}  Setup Priority: ${o.setupPriority}, Holding Priority: ${o.holdingPriority}, Hop-limit: ${o.hopLimit}, Bandwidth: ${bw()} Mbps`);
        c.write(`${indent}  Include-any: 0x${hex32(o.includeAny)}, Exclude-any: 0x${hex32(o.excludeAny)}, Include-all: 0x${hex32(o.includeAll)}`);
        return [0, false];
      }
      if (ctype === 7) {
        if (len < 16) return [TOO_SHORT, false];
        c.write(`${indent}  Setup Priority: ${o.setupPriority}, Holding Priority: ${o.holdingPriority}, Hop-limit: ${o.hopLimit}, Bandwidth: ${bw()} Mbps`);
        c.write(`${indent}  Include Colors: 0x${hex32(o.includeAny)}, Exclude Colors: 0x${hex32(o.excludeAny)}`);
        return [0, false];
      }
      return [0, true];
    }
    case 63:
      if (ctype !== 7) return [0, true];
      for (let i = 0; len >= 8; len -= 8, i++) c.write(`${indent}  PLR-ID: ${o.plrId(i)}, Avoid-Node-ID: ${o.avoidNodeId(i)}`);
      return [0, false];
    case 66: case 125:
      if (ctype === 1) return four(() => `${indent}  CT: ${o.classType}`);
      return [0, true];
    case 6:
      switch (ctype) {
        case 3: case 1: {
          if (len < 8) return [TOO_SHORT, false];
          const code = o.errorCode, value = o.errorValue;
          c.write(`${indent}  Error Node Address: ${o.address4}, Flags: [0x${hex8(o.errorFlags)}]${indent}  Error Code: ${errorCodes.str(code, 'unknown')} (${code})`);
          if (code === 24) c.write(`, Error Value: ${routingErrors.str(value, 'unknown')} (${value})`);
          else if (code === 28 || code === 125) c.write(`, Error Value: ${diffservErrors.str(value, 'unknown')} (${value})`);
          else c.write(`, Unknown Error Value (${value})`);
          return [0, false];
        }
        case 4: case 2: {
          if (len < 20) return [TOO_SHORT, false];
          const code = o.errorCode6, value = o.errorValue6;
          c.write(`${indent}  Error Node Address: ${o.address6}, Flags: [0x${hex8(o.errorFlags6)}]${indent}  Error Code: ${errorCodes.str(code, 'unknown')} (${code})`);
          if (code === 24) c.write(`, Error Value: ${routingErrors.str(value, 'unknown')} (${value})`);
          return [0, false];
        }
      }
      return [0, true];
    case 204: {
      if (ctype !== 1) return [0, true];
      if (len < 4) return [TOO_SHORT, false];
      const pad = o.propertyPadding;
      c.write(`${indent}  TLV count: ${o.propertyCount}, padding bytes: ${pad}`);
      let pos = o.bodyStart + 4;
      len -= 4;
      while (len >= 2 + pad) {
        const e = r.pointSubobject(pos);
        const type = e.typeByte, tl = e.length;
        c.write(`${indent}    ${propTlvs.str(type, 'unknown')} TLV (0x${hex8(type)}), length: ${tl}`);
        if (len < tl) return [TOO_SHORT, false];
        if (tl < 2) { c.write(`${indent}ERROR: property TLV is too short`); return [-1, false]; }
        c.write(hexPrint(c, '\n\t\t', e.dataStart, tl - 2));
        len -= tl; pos += tl;
      }
      return [0, false];
    }
    case 23: case 24: case 25:
      if (ctype !== 1 && ctype !== 2) return [0, true];
      if (len < 4) return [TOO_SHORT, false];
      c.write(`${indent}  Flags [0x${hex8(o.messageIdFlags)}], epoch: ${o.epoch}`);
      for (let i = 0, n = len - 4; n >= 4; n -= 4, i++) c.write(`${indent}    Message-ID 0x${hex32(o.messageId(i))} (${o.messageId(i)})`);
      return [0, false];
    case 4:
      if (ctype !== 1) return [0, true];
      if (len < 32) return [TOO_SHORT, false];
      c.write(`${indent}  Key-ID 0x${hex16(o.keyIdHigh)}${hex32(o.keyIdLow)}, Sequence 0x${hex32(o.sequenceHigh)}${hex32(o.sequenceLow)}, ` +
        `Flags [${bitNames(integrityFlags, o.integrityFlags, 'none')}]`);
      c.write(`${indent}  MD5-sum 0x${hex32(o.digestWord(0))}${hex32(o.digestWord(1))}${hex32(o.digestWord(2))}${hex32(o.digestWord(3))} `);
      // vcap has no -M secret to check the digest with: tcpdump then says so.
      c.write(' (unchecked)');
      return [0, false];
    case 196:
      if (ctype === 1) return four(() => `${indent}  Flags [${bitNames(adminStatusFlags, o.adminStatus, 'none')}]`);
      return [0, true];
    case 36: {
      if (ctype !== 1) return [0, true];
      if (len < 4) return [TOO_SHORT, false];
      const action = o.labelSetAction;
      c.write(`${indent}  Action: ${labelSetActions.str(action, 'Unknown')} (${action}), Label type: ${o.labelSetType}`);
      if (action === 2 || action === 3) {
        if (len < 12) return [TOO_SHORT, false];
        c.write(`${indent}  Start range: ${o.rangeStart}, End range: ${o.rangeEnd}`);
      } else {
        for (let i = 0, n = len - 4; n >= 4; n -= 4, i++) c.write(`${indent}  Subchannel #${i + 1}: ${o.subchannel(i)}`);
      }
      return [0, false];
    }
    case 50:
      if (ctype === 1) return four(() => `${indent}  Sub-LSP destination address: ${o.address4}`);
      if (ctype === 2) { if (len < 16) return [TOO_SHORT, false]; c.write(`${indent}  Sub-LSP destination address: ${o.address6}`); return [0, false]; }
      return [0, true];
    default:
      if (v <= 1) c.write(hexPrint(c, '\n\t    ', o.bodyStart, len));
      return [0, false];
  }
}

/** The Sender Template (11) and FilterSpec (10) objects, which share most C-Types. */
function senderOrFilter(c: PrintContext, o: RsvpObject, cls: number, ctype: number, len: number, indent: string): [number, boolean] {
  switch (ctype) {
    case 1:
      if (len < 8) return [TOO_SHORT, false];
      c.write(`${indent}  Source Address: ${o.address4}, Source Port: ${o.sourcePort}`);
      return [0, false];
    case 2:
      if (len < 20) return [TOO_SHORT, false];
      c.write(`${indent}  Source Address: ${o.address6}, Source Port: ${o.sourcePort6}`);
      return [0, false];
    case 13:
      if (len < 40) return [TOO_SHORT, false];
      c.write(`${indent}  IPv6 Tunnel Sender Address: ${o.address6}, LSP ID: 0x${hex16(o.lspId6)}${indent}  Sub-Group Originator ID: ${o.subGroupOriginator6}, Sub-Group ID: 0x${hex16(o.subGroupId6)}`);
      return [0, false];
    case 7:
      if (len < 8) return [TOO_SHORT, false];
      c.write(cls === 11 ? `${indent}  IPv4 Tunnel Sender Address: ${o.address4}, LSP-ID: 0x${hex16(o.lspId)}` : `${indent}  Source Address: ${o.address4}, LSP-ID: 0x${hex16(o.lspId)}`);
      return [0, false];
    case 12:
      if (len < 16) return [TOO_SHORT, false];
      c.write(`${indent}  IPv4 Tunnel Sender Address: ${o.address4}, LSP ID: 0x${hex16(o.lspId)}${indent}  Sub-Group Originator ID: ${o.subGroupOriginator4}, Sub-Group ID: 0x${hex16(o.subGroupId4)}`);
      return [0, false];
  }
  if (cls === 10 && ctype === 3) {
    if (len < 20) return [TOO_SHORT, false];
    c.write(`${indent}  Source Address: ${o.address6}, Flow Label: ${o.flowLabel}`);
    return [0, false];
  }
  if (cls === 10 && ctype === 8) {
    if (len < 20) return [TOO_SHORT, false];
    // tcpdump reads this LSP-ID after 16 bytes, as for IPv6.
    c.write(`${indent}  Source Address: ${o.address4}, LSP-ID: 0x${hex16(o.lspId6)}`);
    return [0, false];
  }
  return [0, true];
}

/** The common header line of the message `h` (the layer's, or a bundled one's). */
function headerLine(h: Rsvp | RsvpHeader, indent: string): string {
  const version = h.version, flags = h.flags, type = h.messageType, len = h.messageLength;
  return `${indent}RSVPv${version} ${messageTypes.str(type, `unknown, type: ${type}`)} Message (${type}), Flags: [${bitNames(headerFlags, flags, 'none')}], ` +
    `length: ${len}, ttl: ${h.sendTtl}, checksum: 0x${hex16(h.checksum)}`;
}

/** An RSVP message, `length` bytes of IP payload (rsvp_print). */
export function printRsvp(c: PrintContext, r: Rsvp, length: number): void {
  c.protocol = 'rsvp';
  if (!r.has(RSVP_HEADER_LENGTH)) { c.truncMark(); return; }
  const version = r.version;
  if (version !== 1) { c.write(`ERROR: RSVP version ${version} packet not supported`); return; }
  const type = r.messageType;
  if (c.o.verbose < 1) { c.write(`RSVPv${version} ${messageTypes.str(type, `unknown (${type})`)} Message, length: ${length}`); return; }
  let tlen = r.messageLength;
  c.write(headerLine(r, '\n\t'));
  if (tlen < RSVP_HEADER_LENGTH) { c.write(`ERROR: common header too short ${tlen} < ${RSVP_HEADER_LENGTH}`); return; }
  let t = RSVP_HEADER_LENGTH;
  tlen -= RSVP_HEADER_LENGTH;
  switch (type) {
    case 12:
      while (tlen > 0) {
        const h = r.pointBundled(t);
        if (!h.has(RSVP_HEADER_LENGTH)) { c.truncMark(); return; }
        const sv = h.version;
        if (sv !== 1) { c.write(`ERROR: RSVP version ${sv} packet not supported`); return; }
        let sub = h.messageLength;
        c.write(headerLine(h, '\n\t  '));
        if (sub < RSVP_HEADER_LENGTH) { c.write(`ERROR: common header too short ${sub} < ${RSVP_HEADER_LENGTH}`); return; }
        if (tlen < sub) { c.write(`ERROR: common header too large ${sub} > ${tlen}`); return; }
        sub -= RSVP_HEADER_LENGTH;
        if (!objects_(c, r, h.objectsStart, '\n\t    ', sub)) return;
        t += sub + RSVP_HEADER_LENGTH;
        tlen -= sub + RSVP_HEADER_LENGTH;
      }
      return;
    case 1: case 2: case 3: case 4: case 5: case 6: case 7: case 14: case 20: case 13: case 15:
      objects_(c, r, r.objectsStart, '\n\t  ', tlen);
      return;
    default:
      c.write(hexPrint(c, '\n\t    ', r.objectsStart, tlen));
  }
}
