/** IEEE 802.3 slow protocols: LACP, Marker, Ethernet OAM (tcpdump's print-slow.c). */
import type { PrintContext } from './context.js';
import { ouiName } from './names.js';
import { bitNames, tokName, unknownData, type Tok } from './tok.js';
import { LACP_HEADER_LENGTH, OAM_HEADER_LENGTH, SLOW_SUBTYPE_LENGTH, SLOW_TLV_HEADER_LENGTH as H, type Slow, type SlowTlv } from '../../decoders/slow.js';

const protocols: Tok = [[1, 'LACP'], [2, 'MARKER'], [3, 'OAM']];
const oamFlags: Tok = [
  [0x0001, 'Link Fault'], [0x0002, 'Dying Gasp'], [0x0004, 'Critical Event'], [0x0008, 'Local Evaluating'], [0x0010, 'Local Stable'],
  [0x0020, 'Remote Evaluating'], [0x0040, 'Remote Stable'],
];
const oamCodes: Tok = [
  [0x00, 'Information'], [0x01, 'Event Notification'], [0x02, 'Variable Request'], [0x03, 'Variable Response'],
  [0x04, 'Loopback Control'], [0xfe, 'Vendor Private'],
];
const infoTypes: Tok = [[0x00, 'End of TLV marker'], [0x01, 'Local'], [0x02, 'Remote'], [0xfe, 'Organization specific']];
const parserActions: Tok = [[0, 'forwarding'], [1, 'looping back'], [2, 'discarding'], [3, 'reserved']];
const muxActions: Tok = [[0, 'forwarding'], [4, 'discarding']];
const oamConfig: Tok = [[0x01, 'Active'], [0x02, 'Unidirectional'], [0x04, 'Remote-Loopback'], [0x08, 'Link-Events'], [0x10, 'Variable-Retrieval']];
const linkEvents: Tok = [
  [0x00, 'End of TLV marker'], [0x01, 'Errored Symbol Period Event'], [0x02, 'Errored Frame Event'], [0x03, 'Errored Frame Period Event'],
  [0x04, 'Errored Frame Seconds Summary Event'], [0xfe, 'Organization specific'],
];
const loopbackCommands: Tok = [[0x01, 'Enable OAM Remote Loopback'], [0x02, 'Disable OAM Remote Loopback']];
/** TLV names by (subtype << 8) + type. */
const tlvNames: Tok = [
  [0x100, 'Terminator'], [0x101, 'Actor Information'], [0x102, 'Partner Information'], [0x103, 'Collector Information'],
  [0x200, 'Terminator'], [0x201, 'Marker Information'],
];
const lacpState: Tok = [
  [0x01, 'Activity'], [0x02, 'Timeout'], [0x04, 'Aggregation'], [0x08, 'Synchronization'], [0x10, 'Collecting'],
  [0x20, 'Distributing'], [0x40, 'Default'], [0x80, 'Expired'],
];

/** Bytes of the LACP actor/partner, collector and Marker information after the TLV header. */
const ACTOR_LENGTH = 18, COLLECTOR_LENGTH = 14, MARKER_LENGTH = 14;
/** The OAM TLVs' own lengths: Local/Remote information, link events. */
const OAM_INFO_LENGTH = 16, LINK_EVENT_LENGTH = 40;

const hex = (v: number, n: number): string => v.toString(16).padStart(n, '0');

/** A slow-protocol PDU `s`, `length` bytes on the wire (slow_print; TCHECKs unwind to ` [|slow]`). */
export function printSlow(c: PrintContext, s: Slow, length: number): void {
  c.protocol = 'slow';
  const v = c.o.verbose;
  const tooShort = (): void => c.write(v ? '\n\t\t packet is too short' : ' (packet is too short)');
  if (length < 1) { tooShort(); return; }
  const sub = s.subtype;
  let printVersion = -1;
  if (sub === 1 || sub === 2) {
    if (length < 2) { tooShort(); return; }
    if (s.version !== 1) { c.write(`${sub === 1 ? 'LACP' : 'MARKER'} version ${s.version} packet not supported`); return; }
    printVersion = 1;
  } else if (sub === 3) {
    printVersion = 0;
  }
  const name = tokName(protocols, `unknown (${sub})`, sub);
  c.write(printVersion === 1 ? `${name}v${s.version}, length ${length}` : `${name}, length ${length}`);
  if (printVersion === -1) { unknownData(c, '\n\t', s.off, length); return; }
  if (!v) return;
  const t = s.tlv;
  if (sub === 3) printOam(c, s, t, length - SLOW_SUBTYPE_LENGTH);
  else printLacpMarker(c, s, t, length - LACP_HEADER_LENGTH, sub);
}

/** LACP and Marker TLVs (slow_marker_lacp_print). */
function printLacpMarker(c: PrintContext, s: Slow, t: SlowTlv, tlen: number, sub: number): void {
  let pos = s.off + LACP_HEADER_LENGTH;
  while (tlen > 0) {
    t.point(pos, s.end);
    if (tlen < H) { c.write('\n\t\t packet is too short'); return; }
    const type = t.type, len = t.tlvLength;
    c.write(`\n\t${tokName(tlvNames, 'Unknown', (sub << 8) + type)} TLV (0x${hex(type, 2)}), length ${len}`);
    // The terminator ends the list.
    if (type === 0) return;
    if (len < H) { c.write(`\n\t    ERROR: illegal length - should be >= ${H}`); return; }
    if (tlen < len) { c.write('\n\t\t packet is too short'); return; }
    t.need(len);
    const want = (n: number): boolean => {
      if (len - H === n) return true;
      c.write(`\n\t    ERROR: illegal length - should be ${H + n}`);
      return false;
    };
    switch ((sub << 8) + type) {
      case 0x101: case 0x102:
        if (!want(ACTOR_LENGTH)) break;
        c.write(`\n\t  System ${t.system}, System Priority ${t.systemPriority}, Key ${t.key}, Port ${t.port}, Port Priority ${t.portPriority}` +
          `\n\t  State Flags [${bitNames(lacpState, 'none', t.state)}]`);
        break;
      case 0x103:
        if (!want(COLLECTOR_LENGTH)) break;
        c.write(`\n\t  Max Delay ${t.maxDelay}`);
        break;
      case 0x201:
        if (!want(MARKER_LENGTH)) break;
        c.write(`\n\t  Request System ${t.requesterSystem}, Request Port ${t.requesterPort}, Request Transaction ID 0x${hex(t.requesterTransactionId, 8)}`);
        break;
      default:
        if (c.o.verbose <= 1) unknownData(c, '\n\t  ', t.valueStart, len - H);
    }
    if (c.o.verbose > 1) unknownData(c, '\n\t  ', t.valueStart, len - H);
    pos += len;
    tlen -= len;
  }
}

/** Ethernet OAM (slow_oam_print); `tlen` bytes after the subtype. */
function printOam(c: PrintContext, s: Slow, t: SlowTlv, tlen: number): void {
  const tooShort = (): void => c.write('\n\t\t packet is too short');
  if (tlen < OAM_HEADER_LENGTH) { tooShort(); return; }
  s.need(SLOW_SUBTYPE_LENGTH + OAM_HEADER_LENGTH);
  tlen -= OAM_HEADER_LENGTH;
  const code = s.oamCode;
  c.write(`\n\tCode ${tokName(oamCodes, `Unknown (${code})`, code)} OAM PDU, Flags [${bitNames(oamFlags, 'none', s.oamFlags)}]`);
  let pos = s.off + SLOW_SUBTYPE_LENGTH + OAM_HEADER_LENGTH;
  const v = c.o.verbose;
  switch (code) {
    case 0:
      oamTlvs(c, s, t, pos, tlen, true);
      break;
    case 1:
      if (tlen < 2) { tooShort(); return; }
      c.write(`\n\t  Sequence Number ${s.oamSequence}`);
      oamTlvs(c, s, t, pos + 2, tlen - 2, false);
      break;
    case 4: {
      if (tlen < 1) { tooShort(); return; }
      const command = s.oamLoopbackCommand;
      c.write(`\n\t  Command ${tokName(loopbackCommands, 'Unknown', command)} (${command})`);
      break;
    }
    default:
      if (v <= 1) unknownData(c, '\n\t  ', pos, tlen);
  }
}

/** The TLVs of an OAM Information PDU (`info`) or Event Notification: `tlen` bytes from `pos`. */
function oamTlvs(c: PrintContext, s: Slow, t: SlowTlv, pos: number, tlen: number, info: boolean): void {
  while (tlen > 0) {
    t.point(pos, s.end);
    if (tlen < H) { c.write('\n\t\t packet is too short'); return; }
    const type = t.type, len = t.tlvLength;
    c.write(info ? `\n\t  ${tokName(infoTypes, 'Reserved', type)} Information Type (${type}), length ${len}`
      : `\n\t  ${tokName(linkEvents, 'Reserved', type)} Link Event Type (${type}), length ${len}`);
    // IEEE 802.3: the length and value of the End of TLV marker can be ignored.
    if (type === 0) return;
    if (len < H) { c.write(`\n\t    ERROR: illegal length - should be >= ${H}`); return; }
    if (tlen < len) { c.write('\n\t\t packet is too short'); return; }
    t.need(len);
    // Local and remote information (types 1, 2) and the four link events (1-4) have a fixed length; the rest is dumped.
    const known = info ? type === 1 || type === 2 : type >= 1 && type <= 4, want = info ? OAM_INFO_LENGTH : LINK_EVENT_LENGTH;
    let hexdump = !known;
    if (known && len !== want) {
      c.write(`\n\t    ERROR: illegal length - should be ${want}`);
      hexdump = true;
    } else if (known && info) {
      c.write(`\n\t    OAM-Version ${t.oamVersion}, Revision ${t.revision}`);
      const state = t.oamState;
      c.write(`\n\t    State-Parser-Action ${tokName(parserActions, 'Reserved', state & 3)}, State-MUX-Action ${tokName(muxActions, 'Reserved', state & 4)}`);
      c.write(`\n\t    OAM-Config Flags [${bitNames(oamConfig, 'none', t.oamConfig)}], OAM-PDU-Config max-PDU size ${t.oamPduConfig & 0x7ff}`);
      const oui = t.oui;
      c.write(`\n\t    OUI ${ouiName(oui)} (0x${hex(oui, 6)}), Vendor-Private 0x${hex(t.vendorPrivate, 8)}`);
    } else if (known) {
      c.write(`\n\t    Timestamp ${t.timestamp * 100} ms, Errored Window ${t.window}\n\t    Errored Threshold ${t.threshold}` +
        `\n\t    Errors ${t.errors}\n\t    Error Running Total ${t.errorRunningTotal}\n\t    Event Running Total ${t.eventRunningTotal}`);
    }
    if (c.o.verbose > 1 || hexdump) unknownData(c, '\n\t  ', t.off, len);
    tlen -= len;
    pos += len;
  }
}
