/**
 * OpenFlow (tcpdump's print-openflow.c, print-openflow-1.0.c and print-openflow-1.3.c): every
 * message's header; with -v the bodies of versions 1.0 and 1.3 as tcpdump decodes them.
 *
 * The walk mirrors tcpdump's `cp`/`len` pair: `i` is the index in the segment of the next byte to
 * read and `len` what is left of the length the layer below declared. Fields are read through the
 * view's sub-views, pointed at each structure, in tcpdump's order, so a cut prints ` [|openflow]`
 * where tcpdump's does.
 */
import type { PrintContext } from './context.js';
import { TRUNCATED } from './context.js';
import type { PrintOptions } from './options.js';
import { Layer } from '../../decoders/layer.js';
import {
  OF_HEADER_LENGTH, OF_VERSION_1_0, OF_VERSION_1_3, OF10_ACTION_MIN_LENGTH, OF10_DESC_LENGTH, OF10_FLOW_STATS_MIN_LENGTH,
  OF10_MATCH_LENGTH, OF10_PHY_PORT_LENGTH, OF10_PORT_NAME_LENGTH, OF10_PORT_STATS_LENGTH, OF10_QUEUE_MIN_LENGTH,
  OF10_QUEUE_PROP_MIN_LENGTH, OF10_QUEUE_PROP_MIN_RATE_LENGTH, OF10_QUEUE_STATS_LENGTH, OF10_SERIAL_NUM_LENGTH,
  OF10_TABLE_NAME_LENGTH, OF10_TABLE_STATS_LENGTH, OF13_HELLO_ELEMENT_MIN_LENGTH, OF13_PORT_LENGTH, OfOffset,
  Of10Action, Of10Port, Of10Stats, Of13Port, type Openflow, type OfMessage,
} from '../../decoders/openflow.js';
import { hexAsciiDump } from './dump.js';
import { printLayer } from './dispatch.js';
import { ouiName } from './names.js';
import { bitNames, printJnp, printN, tokName, type Tok } from './tok.js';

const hex = (v: number, w: number): string => v.toString(16).padStart(w, '0');
const hex64 = (v: bigint): string => v.toString(16).padStart(16, '0');

const VERSIONS: Tok = [[1, '1.0'], [2, '1.1'], [3, '1.2'], [4, '1.3'], [5, '1.4'], [6, '1.5']];
const ONF_EXPERIMENTERS: Tok = [
  [0x4f4e4600, 'ONF Extensions'], [0xff000001, 'Budapest University of Technology and Economics'], [0xff000002, 'NoviFlow'],
  [0xff000003, 'L3+ Extensions, Vendor Neutral'], [0xff000004, 'L4-L7 Extensions'], [0xff000005, 'Wireless and Mobility Extensions'],
  [0xff000006, 'Forwarding Abstractions Extensions'], [0xff000007, 'Optical Transport Extensions'],
  [0xff000008, 'Network Benchmarking Lab, NCTU'], [0xff000009, 'Mobile Packet Core Extensions'],
  [0xff00000a, 'MPLS-TP OpenFlow Extensions for SPTN'],
];
const OUI_BSN = 0x5c16c7;

/** of_vendor_name: an OUI's name, or an ONF experimenter's. */
function vendorName(vendor: number): string {
  if ((vendor & 0xff000000) === 0) { const n = ouiName(vendor); return n === 'Unknown' ? 'unknown' : n; }
  return tokName(ONF_EXPERIMENTERS, 'unknown', vendor);
}

/** of_bitmap_print: the names of the assigned bits set, then ` (bogus)` for unassigned ones. */
function bitmap(t: Tok, v: number, unassigned: number): string {
  let s = '';
  if ((v & ~unassigned) !== 0) s += ` (${bitNames(t, '', v)})`;
  if ((v & unassigned) !== 0) s += ' (bogus)';
  return s;
}
/** The complement of the bits a table names (tcpdump's *_U masks). */
function unassigned(t: Tok): number { let m = 0; for (const [b] of t) m |= b; return ~m; }

// How tcpdump checks a body's length before decoding it (of_msgtypeinfo).
const NONE = 0, FIXLEN = 1, MINLEN = 2;
interface MsgType { readonly name: string; readonly print: BodyPrinter | undefined; readonly req: number; readonly value: number }
/** Prints a body of `len` bytes at index `i` of the segment; `m` is pointed at the message. */
type BodyPrinter = (c: PrintContext, of: Openflow, m: OfMessage, i: number, len: number) => void;

/** openflow_print: the messages of a TCP segment of `length` bytes. */
export function printOpenflow(c: PrintContext, of: Openflow, length: number): void {
  c.protocol = 'openflow';
  c.write(': OpenFlow');
  const m = of.message;
  let i = 0, len = length;
  while (len !== 0) {
    of.point(m, i);
    const version = m.version;
    i += 1; len -= 1;
    c.write(`\n\tversion ${tokName(VERSIONS, `unknown (0x${hex(version, 2)})`, version)}`);
    if (len < 1) { partialHeader(c, of, i, len); return; }
    const type = m.type;
    i += 1; len -= 1;
    const info = version === OF_VERSION_1_0 ? OF10_TYPES[type] : version === OF_VERSION_1_3 ? OF13_TYPES[type] : undefined;
    c.write(info !== undefined ? `, type ${info.name}` : `, type unknown (0x${hex(type, 2)})`);
    if (len < 2) { partialHeader(c, of, i, len); return; }
    const msgLength = m.length;
    i += 2; len -= 2;
    c.write(`, length ${msgLength}${msgLength < OF_HEADER_LENGTH ? ' (too short!)' : ''}`);
    if (len < 4) { partialHeader(c, of, i, len); return; }
    c.write(`, xid 0x${hex(m.xid, 8)}`);
    i += 4; len -= 4;
    if (msgLength < OF_HEADER_LENGTH) { c.invalid(); of.need(i + len); return; }
    const body = msgLength - OF_HEADER_LENGTH;
    printMessage(c, of, m, i, body, info);
    if (body > len) break;
    i += body; len -= body;
  }
}

/** A header cut by the end of the segment. */
function partialHeader(c: PrintContext, of: Openflow, i: number, len: number): void {
  c.write(' (end of TCP payload)');
  of.need(i + len);
}

/** of_message_print: the body, when its length is right and -v asks for it. */
function printMessage(c: PrintContext, of: Openflow, m: OfMessage, i: number, len: number, info: MsgType | undefined): void {
  if (info !== undefined) {
    if ((info.req === FIXLEN && len !== info.value) || (info.req === MINLEN && len < info.value)) {
      c.invalid();
    } else if (c.o.verbose !== 0 && info.print !== undefined) {
      info.print(c, of, m, i, len);
      return;
    }
  }
  of.need(i + len);
}

/** ` (invalid)` and the rest of a structure checked (the `invalid:` labels). */
function invalid(c: PrintContext, of: Openflow, i: number, len: number): void {
  c.invalid();
  of.need(i + len);
}

/** of_data_print: the size of trailing data, and with -vv its hex and ASCII. */
function printData(c: PrintContext, of: Openflow, i: number, len: number): void {
  if (len === 0) return;
  c.write(`\n\t data (${len} octets)`);
  if (c.o.verbose >= 2) hexAscii(c, of, i, len);
  else of.need(i + len);
}

/** hex_and_ascii_print with tcpdump's `"\n\t  "` prefix: what was captured, then the unwind if not all. */
function hexAscii(c: PrintContext, of: Openflow, i: number, len: number): void {
  const have = of.captured - i;
  const n = len < have ? len : have > 0 ? have : 0;
  if (n > 0) hexAsciiDump(c, of.off + i, n, 2);
  if (n < len) throw TRUNCATED;
}

// ---------------------------------------------------------------------------------------------
// OpenFlow 1.0 (print-openflow-1.0.c)

const PORTS10: Tok = [
  [0xff00, 'MAX'], [0xfff8, 'IN_PORT'], [0xfff9, 'TABLE'], [0xfffa, 'NORMAL'], [0xfffb, 'FLOOD'], [0xfffc, 'ALL'],
  [0xfffd, 'CONTROLLER'], [0xfffe, 'LOCAL'], [0xffff, 'NONE'],
];
const port10 = (p: number): string => tokName(PORTS10, String(p), p);
const PORT_CONFIG10: Tok = [[1, 'PORT_DOWN'], [2, 'NO_STP'], [4, 'NO_RECV'], [8, 'NO_RECV_STP'], [16, 'NO_FLOOD'], [32, 'NO_FWD'], [64, 'NO_PACKET_IN']];
const STP_STATES: Tok = [[0, 'STP_LISTEN'], [0x100, 'STP_LEARN'], [0x200, 'STP_FORWARD'], [0x300, 'STP_BLOCK']];
const PORT_STATE10_U = ~(1 | 0x300);
const PORT_FEATURES10: Tok = [
  [1, '10MB_HD'], [2, '10MB_FD'], [4, '100MB_HD'], [8, '100MB_FD'], [16, '1GB_HD'], [32, '1GB_FD'], [64, '10GB_FD'],
  [128, 'COPPER'], [256, 'FIBER'], [512, 'AUTONEG'], [1024, 'PAUSE'], [2048, 'PAUSE_ASYM'],
];
const QUEUE_PROPS: Tok = [[0, 'NONE'], [1, 'MIN_RATE']];
const WILDCARDS: Tok = [
  [1, 'IN_PORT'], [2, 'DL_VLAN'], [4, 'DL_SRC'], [8, 'DL_DST'], [16, 'DL_TYPE'], [32, 'NW_PROTO'], [64, 'TP_SRC'], [128, 'TP_DST'],
  [1 << 20, 'DL_VLAN_PCP'], [1 << 21, 'NW_TOS'],
];
const WILDCARDS_U = ~((1 << 22) - 1);
const ACTIONS10: Tok = [
  [0, 'OUTPUT'], [1, 'SET_VLAN_VID'], [2, 'SET_VLAN_PCP'], [3, 'STRIP_VLAN'], [4, 'SET_DL_SRC'], [5, 'SET_DL_DST'],
  [6, 'SET_NW_SRC'], [7, 'SET_NW_DST'], [8, 'SET_NW_TOS'], [9, 'SET_TP_SRC'], [10, 'SET_TP_DST'], [11, 'ENQUEUE'], [0xffff, 'VENDOR'],
];
const ACTION_BITS10: Tok = ACTIONS10.filter(([t]) => t <= 11).map(([t, n]) => [1 << t, n] as const);
const CAPABILITIES10: Tok = [
  [1, 'FLOW_STATS'], [2, 'TABLE_STATS'], [4, 'PORT_STATS'], [8, 'STP'], [16, 'RESERVED'], [32, 'IP_REASM'], [64, 'QUEUE_STATS'], [128, 'ARP_MATCH_IP'],
];
// RESERVED is named but not in tcpdump's mask of assigned bits.
const CAPABILITIES10_U = ~(1 | 2 | 4 | 8 | 32 | 64 | 128);
const CONFIG_FLAGS: Tok = [[0, 'FRAG_NORMAL'], [1, 'FRAG_DROP'], [2, 'FRAG_REASM']];
const FLOW_MOD_COMMANDS: Tok = [[0, 'ADD'], [1, 'MODIFY'], [2, 'MODIFY_STRICT'], [3, 'DELETE'], [4, 'DELETE_STRICT']];
const BUFFER_IDS: Tok = [[0xffffffff, 'NONE']];
const FLOW_MOD_FLAGS: Tok = [[1, 'SEND_FLOW_REM'], [2, 'CHECK_OVERLAP'], [4, 'EMERG']];
const STATS_TYPES: Tok = [[0, 'DESC'], [1, 'FLOW'], [2, 'AGGREGATE'], [3, 'TABLE'], [4, 'PORT'], [5, 'QUEUE'], [0xffff, 'VENDOR']];
const TABLE_IDS10: Tok = [[0xfe, 'EMERG'], [0xff, 'ALL']];
const QUEUE_IDS: Tok = [[0xffffffff, 'ALL']];
const STATS_REPLY_FLAGS: Tok = [[1, 'MORE']];
const PACKET_IN_REASONS: Tok = [[0, 'NO_MATCH'], [1, 'ACTION']];
const FLOW_REMOVED_REASONS: Tok = [[0, 'IDLE_TIMEOUT'], [1, 'HARD_TIMEOUT'], [2, 'DELETE']];
const PORT_STATUS_REASONS: Tok = [[0, 'ADD'], [1, 'DELETE'], [2, 'MODIFY']];
const ERROR_TYPES10: Tok = [
  [0, 'HELLO_FAILED'], [1, 'BAD_REQUEST'], [2, 'BAD_ACTION'], [3, 'FLOW_MOD_FAILED'], [4, 'PORT_MOD_FAILED'], [5, 'QUEUE_OP_FAILED'],
];
const HELLO_FAILED: Tok = [[0, 'INCOMPATIBLE'], [1, 'EPERM']];
const ERROR_CODES10: ReadonlyArray<Tok> = [
  HELLO_FAILED,
  [[0, 'BAD_VERSION'], [1, 'BAD_TYPE'], [2, 'BAD_STAT'], [3, 'BAD_VENDOR'], [4, 'BAD_SUBTYPE'], [5, 'EPERM'], [6, 'BAD_LEN'],
    [7, 'BUFFER_EMPTY'], [8, 'BUFFER_UNKNOWN']],
  [[0, 'BAD_TYPE'], [1, 'BAD_LEN'], [2, 'BAD_VENDOR'], [3, 'BAD_VENDOR_TYPE'], [4, 'BAD_OUT_PORT'], [5, 'BAD_ARGUMENT'], [6, 'EPERM'],
    [7, 'TOO_MANY'], [8, 'BAD_QUEUE']],
  [[0, 'ALL_TABLES_FULL'], [1, 'OVERLAP'], [2, 'EPERM'], [3, 'BAD_EMERG_TIMEOUT'], [4, 'BAD_COMMAND'], [5, 'UNSUPPORTED']],
  [[0, 'BAD_PORT'], [1, 'BAD_HW_ADDR']],
  [[0, 'BAD_PORT'], [1, 'BAD_QUEUE'], [2, 'EPERM']],
];
const BSN_SUBTYPES: Tok = [
  [0, 'SET_IP_MASK'], [1, 'GET_IP_MASK_REQUEST'], [2, 'GET_IP_MASK_REPLY'], [3, 'SET_MIRRORING'], [4, 'GET_MIRRORING_REQUEST'],
  [5, 'GET_MIRRORING_REPLY'], [6, 'SHELL_COMMAND'], [7, 'SHELL_OUTPUT'], [8, 'SHELL_STATUS'], [9, 'GET_INTERFACES_REQUEST'],
  [10, 'GET_INTERFACES_REPLY'], [11, 'SET_PKTIN_SUPPRESSION_REQUEST'], [12, 'SET_L2_TABLE_REQUEST'], [13, 'GET_L2_TABLE_REQUEST'],
  [14, 'GET_L2_TABLE_REPLY'], [15, 'VIRTUAL_PORT_CREATE_REQUEST'], [16, 'VIRTUAL_PORT_CREATE_REPLY'],
  [17, 'VIRTUAL_PORT_REMOVE_REQUEST'], [18, 'BW_ENABLE_SET_REQUEST'], [19, 'BW_ENABLE_GET_REQUEST'], [20, 'BW_ENABLE_GET_REPLY'],
  [21, 'BW_CLEAR_DATA_REQUEST'], [22, 'BW_CLEAR_DATA_REPLY'], [23, 'BW_ENABLE_SET_REPLY'], [24, 'SET_L2_TABLE_REPLY'],
  [25, 'SET_PKTIN_SUPPRESSION_REPLY'], [26, 'VIRTUAL_PORT_REMOVE_REPLY'], [27, 'HYBRID_GET_REQUEST'], [28, 'HYBRID_GET_REPLY'],
  [31, 'PDU_TX_REQUEST'], [32, 'PDU_TX_REPLY'], [33, 'PDU_RX_REQUEST'], [34, 'PDU_RX_REPLY'], [35, 'PDU_RX_TIMEOUT'],
];
const BSN_ACTION_SUBTYPES: Tok = [[1, 'MIRROR'], [2, 'SET_TUNNEL_DST'], [4, 'CHECKSUM']];
const BSN_COPY_STAGES: Tok = [[0, 'INGRESS'], [1, 'EGRESS']];
const ON_OFF: Tok = [[0, 'OFF'], [1, 'ON']];

const vlanStr = (vid: number): string => vid === 0xffff ? 'NONE' : `${vid}${vid > 0 && vid < 0x0fff ? '' : ' (bogus)'}`;
const pcpStr = (pcp: number): string => `${pcp}${pcp <= 7 ? '' : ' (bogus)'}`;

/** A Big Switch VENDOR message's body after the vendor (`len` bytes at `i`). */
function bsnMessage(c: PrintContext, of: Openflow, m: OfMessage, i: number, len: number): void {
  if (len < 4) { invalid(c, of, i, len); return; }
  const subtype = m.bsnSubtype;
  i += 4; len -= 4;
  c.write(`\n\t subtype ${tokName(BSN_SUBTYPES, `unknown (0x${hex(subtype, 8)})`, subtype)}`);
  switch (subtype) {
    case 1:                                             // GET_IP_MASK_REQUEST
      if (len !== 8) { invalid(c, of, i, len); return; }
      c.write(`, index ${m.bsnIndex}`);
      of.need(i + 8);
      break;
    case 0: case 2:                                     // SET_IP_MASK, GET_IP_MASK_REPLY
      if (len !== 8) { invalid(c, of, i, len); return; }
      c.write(`, index ${m.bsnIndex}`);
      c.write(`, mask ${m.bsnMask}`);
      break;
    case 3: case 4: case 5:                             // the mirroring messages
      if (len !== 4) { invalid(c, of, i, len); return; }
      c.write(`, report_mirror_ports ${tokName(ON_OFF, `bogus (${m.bsnReportMirrorPorts})`, m.bsnReportMirrorPorts)}`);
      of.need(i + 4);
      break;
    case 9: case 13: case 19: case 21: case 27:         // requests with no body
      if (len !== 0) invalid(c, of, i, len);
      break;
    case 17:                                            // VIRTUAL_PORT_REMOVE_REQUEST
      if (len !== 4) { invalid(c, of, i, len); return; }
      c.write(`, vport_no ${m.bsnVportNo}`);
      break;
    case 6:                                             // SHELL_COMMAND
      if (len < 4) { invalid(c, of, i, len); return; }
      c.write(`, service ${m.bsnService}`);
      c.write(", data '");
      printN(c, m, OfOffset.BsnShellCommand, len - 4);
      c.write("'");
      break;
    case 7:                                             // SHELL_OUTPUT
      c.write(", data '");
      printN(c, m, OfOffset.BsnShellOutput, len);
      c.write("'");
      break;
    case 8:                                             // SHELL_STATUS
      if (len !== 4) { invalid(c, of, i, len); return; }
      c.write(`, status 0x${hex(m.bsnStatus, 8)}`);
      break;
    default:
      of.need(i + len);
  }
}

/** VENDOR (1.0): the vendor, then Big Switch's messages or the data. */
function vendorMessage10(c: PrintContext, of: Openflow, m: OfMessage, i: number, len: number): void {
  const vendor = m.vendor;
  c.write(`, vendor 0x${hex(vendor, 8)} (${vendorName(vendor)})`);
  if (vendor === OUI_BSN) bsnMessage(c, of, m, i + 4, len - 4);
  else printData(c, of, i + 4, len - 4);
}

/** A statistics request's or reply's VENDOR body (of10_vendor_data_print). */
function vendorData10(c: PrintContext, of: Openflow, i: number, len: number): void {
  if (len < 4) { invalid(c, of, i, len); return; }
  const vendor = of.point(of.stats, i).vendor;
  c.write(`, vendor 0x${hex(vendor, 8)} (${vendorName(vendor)})`);
  printData(c, of, i + 4, len - 4);
}

/** of10_packet_data_print: a frame in PACKET_IN / PACKET_OUT, decoded with -vvv. */
function packetData10(c: PrintContext, of: Openflow, i: number, len: number): void {
  if (len === 0) return;
  c.write(`\n\t data (${len} octets)`);
  if (c.o.verbose < 3) { of.need(i + len); return; }
  c.write(', frame decoding below\n');
  // tcpdump decodes the frame with -v less 3 and the capture ended where the data ends (more
  // messages may follow it in the segment).
  const start = of.off + i;
  c.pushEnd(start + len);
  const saved = c.o;
  setOptions(c, lowerVerbose(saved));
  // No finally: when the frame is cut, tcpdump's longjmp skips its `ndo_vflag += 3`, and every
  // packet after prints with -v less 3; so does this (the unwind leaves the options lowered).
  printLayer(c, Layer.Ethernet, start, len);
  setOptions(c, saved);
  c.popEnd();
}

const lowered = new WeakMap<PrintOptions, PrintOptions>();
/** The options with -v less 3 (made once per set of options). */
function lowerVerbose(o: PrintOptions): PrintOptions {
  let l = lowered.get(o);
  if (l === undefined) { l = { ...o, verbose: o.verbose - 3 }; lowered.set(o, l); }
  return l;
}
/** tcpdump changes ndo_vflag in place around the inner frame; the context's options are replaced the same way. */
function setOptions(c: PrintContext, o: PrintOptions): void { (c as { o: PrintOptions }).o = o; }

/** of10_phy_port_print. */
function phyPort10(c: PrintContext, of: Openflow, i: number): void {
  const p = of.point(of.port10, i);
  c.write(`\n\t  port_no ${port10(p.portNo)}`);
  c.write(`, hw_addr ${p.hwAddr}`);
  c.write(", name '");
  printJnp(c, p, Of10Port.NAME, OF10_PORT_NAME_LENGTH);
  c.write("'");
  if (c.o.verbose < 2) { p.need(OF10_PHY_PORT_LENGTH); return; }
  c.write(`\n\t   config 0x${hex(p.config, 8)}${bitmap(PORT_CONFIG10, p.config, unassigned(PORT_CONFIG10))}`);
  const state = p.state;
  c.write(`\n\t   state 0x${hex(state, 8)} (${tokName(STP_STATES, '', state & 0x300)}${state & 1 ? ', LINK_DOWN' : ''})` +
    `${(state & PORT_STATE10_U) !== 0 ? ' (bogus)' : ''}`);
  const features = unassigned(PORT_FEATURES10);
  c.write(`\n\t   curr 0x${hex(p.curr, 8)}${bitmap(PORT_FEATURES10, p.curr, features)}`);
  c.write(`\n\t   advertised 0x${hex(p.advertised, 8)}${bitmap(PORT_FEATURES10, p.advertised, features)}`);
  c.write(`\n\t   supported 0x${hex(p.supported, 8)}${bitmap(PORT_FEATURES10, p.supported, features)}`);
  c.write(`\n\t   peer 0x${hex(p.peer, 8)}${bitmap(PORT_FEATURES10, p.peer, features)}`);
}

/** of10_queue_props_print. */
function queueProps10(c: PrintContext, of: Openflow, i: number, len: number): void {
  const q = of.queue;
  while (len !== 0) {
    if (len < OF10_QUEUE_PROP_MIN_LENGTH) { invalid(c, of, i, len); return; }
    of.point(q, i);
    const property = q.property;
    c.write(`\n\t   property ${tokName(QUEUE_PROPS, `invalid (0x${hex(property, 4)})`, property)}`);
    const plen = q.propertyLength;
    c.write(`, len ${plen}`);
    i += 4; len -= 4;
    if (plen < OF10_QUEUE_PROP_MIN_LENGTH || plen > len + 4) { invalid(c, of, i, len); return; }
    of.need(i + 4);
    i += 4; len -= 4;
    let skip = false;
    if (property === 0 || property === 1) {
      if (plen !== (property === 0 ? OF10_QUEUE_PROP_MIN_LENGTH : OF10_QUEUE_PROP_MIN_RATE_LENGTH)) { c.write(' (bogus)'); skip = true; }
    } else {
      skip = true;
    }
    if (skip) {
      of.need(i + plen - OF10_QUEUE_PROP_MIN_LENGTH);
      i += plen - OF10_QUEUE_PROP_MIN_LENGTH; len -= plen - OF10_QUEUE_PROP_MIN_LENGTH;
      continue;
    }
    if (property === 1) {
      const rate = q.minRate;
      i += 2; len -= 2;
      c.write(rate > 1000 ? ', rate disabled' : `, rate ${Math.floor(rate / 10)}.${rate % 10}%`);
      of.need(i + 6);
      i += 6; len -= 6;
    }
  }
}

/** of10_queues_print. */
function queues10(c: PrintContext, of: Openflow, i: number, len: number): void {
  const q = of.queue;
  while (len !== 0) {
    if (len < OF10_QUEUE_MIN_LENGTH) { invalid(c, of, i, len); return; }
    of.point(q, i);
    c.write(`\n\t  queue_id ${q.queueId}`);
    const desclen = q.length;
    c.write(`, len ${desclen}`);
    i += 6; len -= 6;
    if (desclen < OF10_QUEUE_MIN_LENGTH || desclen > len + 6) { invalid(c, of, i, len); return; }
    of.need(i + 2);
    i += 2; len -= 2;
    const props = desclen - OF10_QUEUE_MIN_LENGTH;
    if (c.o.verbose >= 2) queueProps10(c, of, i, props);
    else of.need(i + props);
    i += props; len -= props;
  }
}

/** of10_match_print, each field on a line of its own beginning `pfx`. */
function match10(c: PrintContext, of: Openflow, pfx: string, i: number): void {
  const mt = of.point(of.match, i);
  const w = mt.wildcards;
  if ((w & WILDCARDS_U) !== 0) c.write(`${pfx}wildcards 0x${hex(w >>> 0, 8)} (bogus)`);
  if (!(w & 1)) c.write(`${pfx}match in_port ${port10(mt.inPort)}`);
  if (!(w & 4)) c.write(`${pfx}match dl_src ${mt.dlSrc}`);
  if (!(w & 8)) c.write(`${pfx}match dl_dst ${mt.dlDst}`);
  if (!(w & 2)) c.write(`${pfx}match dl_vlan ${vlanStr(mt.dlVlan)}`);
  if (!(w & (1 << 20))) c.write(`${pfx}match dl_vlan_pcp ${pcpStr(mt.dlVlanPcp)}`);
  const dlType = mt.dlType;
  if (!(w & 16)) c.write(`${pfx}match dl_type 0x${hex(dlType, 4)}`);
  if (!(w & (1 << 21))) c.write(`${pfx}match nw_tos 0x${hex(mt.nwTos, 2)}`);
  const nwProto = mt.nwProto;
  if (!(w & 32)) c.write(`${pfx}match ${!(w & 16) && dlType === 0x0806 ? 'arp_opcode' : 'nw_proto'} ${nwProto}`);
  let bits = (w >> 8) & 0x3f;
  if (bits < 32) c.write(`${pfx}match nw_src ${mt.nwSrc}/${32 - bits}`);
  bits = (w >> 14) & 0x3f;
  if (bits < 32) c.write(`${pfx}match nw_dst ${mt.nwDst}/${32 - bits}`);
  const icmp = !(w & 16) && dlType === 0x0800 && !(w & 32) && nwProto === 1;
  if (!(w & 64)) c.write(`${pfx}match ${icmp ? 'icmp_type' : 'tp_src'} ${mt.tpSrc}`);
  if (!(w & 128)) c.write(`${pfx}match ${icmp ? 'icmp_code' : 'tp_dst'} ${mt.tpDst}`);
  else mt.checkTpDst();
}

/** of10_actions_print: `len` bytes of actions at `i`, each on a line beginning `pfx`. */
function actions10(c: PrintContext, of: Openflow, pfx: string, i: number, len: number): void {
  const a = of.action;
  while (len !== 0) {
    if (len < OF10_ACTION_MIN_LENGTH) { invalid(c, of, i, len); return; }
    of.point(a, i);
    const type = a.type;
    c.write(`${pfx}action type ${tokName(ACTIONS10, `invalid (0x${hex(type, 4)})`, type)}`);
    const alen = a.length;
    c.write(`, len ${alen}`);
    i += 4; len -= 4;
    if (alen < OF10_ACTION_MIN_LENGTH || alen > len + 4) { invalid(c, of, i, len); return; }
    let bogus = false, skip = false;
    switch (type) {
      case 0: case 1: case 2: case 3: case 6: case 7: case 8: case 9: case 10: bogus = alen !== 8; break;
      case 4: case 5: case 11: bogus = alen !== 16; break;
      case 0xffff: bogus = alen % 8 !== 0; break;
      default: skip = true;
    }
    if (bogus) { c.write(' (bogus)'); skip = true; }
    if (skip) { of.need(i + alen - 4); i += alen - 4; len -= alen - 4; continue; }
    switch (type) {
      case 0: {                                         // OUTPUT
        const out = a.port;
        c.write(`, port ${port10(out)}`);
        if (out === 0xfffd) c.write(`, max_len ${a.maxLen}`);
        else of.need(i + 4);
        break;
      }
      case 1: c.write(`, vlan_vid ${vlanStr(a.vlanVid)}`); of.need(i + 4); break;
      case 2: c.write(`, vlan_pcp ${pcpStr(a.vlanPcp)}`); of.need(i + 4); break;
      case 4: case 5: c.write(`, dl_addr ${a.dlAddr}`); of.need(i + 12); break;
      case 6: case 7: c.write(`, nw_addr ${a.nwAddr}`); break;
      case 8: c.write(`, nw_tos 0x${hex(a.nwTos, 2)}`); of.need(i + 4); break;
      case 9: case 10: c.write(`, tp_port ${a.tpPort}`); of.need(i + 4); break;
      case 11:                                          // ENQUEUE
        c.write(`, port ${port10(a.port)}`);
        c.write(`, queue_id ${tokName(QUEUE_IDS, String(a.queueId), a.queueId)}`);
        break;
      case 0xffff: vendorAction10(c, of, a, i, alen - 4); break;
      case 3: of.need(i + 4); break;                    // STRIP_VLAN
    }
    i += alen - 4; len -= alen - 4;
  }
}

/** of10_vendor_action_print (`len` bytes at `i`, after the type and length). */
function vendorAction10(c: PrintContext, of: Openflow, a: Of10Action, i: number, len: number): void {
  if (len < 4) { invalid(c, of, i, len); return; }
  const vendor = a.vendor;
  c.write(`, vendor 0x${hex(vendor, 8)} (${vendorName(vendor)})`);
  i += 4; len -= 4;
  if (vendor !== OUI_BSN) { printData(c, of, i, len); return; }
  // of10_bsn_actions_print
  if (len < 4) { invalid(c, of, i, len); return; }
  const subtype = a.bsnSubtype;
  i += 4; len -= 4;
  c.write(`\n\t  subtype ${tokName(BSN_ACTION_SUBTYPES, `unknown (0x${hex(subtype, 8)})`, subtype)}`);
  if (subtype !== 1) { of.need(i + len); return; }
  if (len !== 12) { invalid(c, of, i, len); return; }
  c.write(`, dest_port ${a.bsnDestPort}`);
  const tag = a.bsnVlanTag;
  const tpid = tag >>> 16;
  if (tpid === 0) c.write(', vlan_tag none');
  else if (tpid === 0x8100) c.write(`, vlan_tag 802.1Q (vlan ${tag & 0xfff}, p ${(tag & 0xffff) >> 13}${tag & 0x1000 ? ', DEI' : ''})`);
  else c.write(`, vlan_tag unknown (0x${hex(tpid, 4)})`);
  c.write(`, copy_stage ${tokName(BSN_COPY_STAGES, `unknown (${a.bsnCopyStage})`, a.bsnCopyStage)}`);
  of.need(i + 12);
}

function featuresReply10(c: PrintContext, of: Openflow, m: OfMessage, i: number, len: number): void {
  c.write(`\n\t dpid 0x${hex64(m.datapathId)}`);
  c.write(`, n_buffers ${m.nBuffers}`);
  c.write(`, n_tables ${m.nTables}`);
  c.write(`\n\t capabilities 0x${hex(m.capabilities, 8)}${bitmap(CAPABILITIES10, m.capabilities, CAPABILITIES10_U)}`);
  c.write(`\n\t actions 0x${hex(m.supportedActions, 8)}${bitmap(ACTION_BITS10, m.supportedActions, unassigned(ACTION_BITS10))}`);
  const fixed = OfOffset.FeaturesPorts - OfOffset.Body;
  i += fixed; len -= fixed;
  while (len !== 0) {
    if (len < OF10_PHY_PORT_LENGTH) { invalid(c, of, i, len); return; }
    phyPort10(c, of, i);
    i += OF10_PHY_PORT_LENGTH; len -= OF10_PHY_PORT_LENGTH;
  }
}

function switchConfig10(c: PrintContext, _of: Openflow, m: OfMessage): void {
  c.write(`\n\t flags ${tokName(CONFIG_FLAGS, `invalid (0x${hex(m.configFlags, 4)})`, m.configFlags)}`);
  c.write(`, miss_send_len ${m.missSendLen}`);
}

function flowMod10(c: PrintContext, of: Openflow, m: OfMessage, i: number, len: number): void {
  match10(c, of, '\n\t ', i);
  c.write(`\n\t cookie 0x${hex64(m.flowModCookie)}`);
  const command = m.flowModCommand;
  c.write(`, command ${tokName(FLOW_MOD_COMMANDS, `invalid (0x${hex(command, 4)})`, command)}`);
  if (m.flowModIdleTimeout) c.write(`, idle_timeout ${m.flowModIdleTimeout}`);
  if (m.flowModHardTimeout) c.write(`, hard_timeout ${m.flowModHardTimeout}`);
  if (m.flowModPriority) c.write(`, priority ${m.flowModPriority}`);
  if (command <= 2) c.write(`, buffer_id ${tokName(BUFFER_IDS, `0x${hex(m.flowModBufferId, 8)}`, m.flowModBufferId)}`);
  if (command === 3 || command === 4) c.write(`, out_port ${port10(m.flowModOutPort)}`);
  c.write(`, flags 0x${hex(m.flowModFlags, 4)}${bitmap(FLOW_MOD_FLAGS, m.flowModFlags, unassigned(FLOW_MOD_FLAGS))}`);
  const fixed = OfOffset.FlowModActions - OfOffset.Body;
  actions10(c, of, '\n\t ', i + fixed, len - fixed);
}

function portMod10(c: PrintContext, of: Openflow, m: OfMessage, i: number): void {
  c.write(`\n\t port_no ${port10(m.portMod10PortNo)}`);
  c.write(`, hw_addr ${m.portMod10HwAddr}`);
  const config = unassigned(PORT_CONFIG10);
  c.write(`\n\t config 0x${hex(m.portMod10Config, 8)}${bitmap(PORT_CONFIG10, m.portMod10Config, config)}`);
  c.write(`\n\t mask 0x${hex(m.portMod10Mask, 8)}${bitmap(PORT_CONFIG10, m.portMod10Mask, config)}`);
  c.write(`\n\t advertise 0x${hex(m.portMod10Advertise, 8)}${bitmap(PORT_FEATURES10, m.portMod10Advertise, unassigned(PORT_FEATURES10))}`);
  of.need(i + 24);
}

function queueGetConfigRequest10(c: PrintContext, of: Openflow, m: OfMessage, i: number): void {
  c.write(`\n\t port ${port10(m.queueConfig10Port)}`);
  of.need(i + 4);
}

function queueGetConfigReply10(c: PrintContext, of: Openflow, m: OfMessage, i: number, len: number): void {
  c.write(`\n\t port ${port10(m.queueConfig10Port)}`);
  of.need(i + 8);
  const fixed = OfOffset.QueueConfigQueues - OfOffset.Body;
  queues10(c, of, i + fixed, len - fixed);
}

function statsRequest10(c: PrintContext, of: Openflow, m: OfMessage, i: number, len: number): void {
  const type = m.statsType;
  c.write(`\n\t type ${tokName(STATS_TYPES, `invalid (0x${hex(type, 4)})`, type)}`);
  c.write(`, flags 0x${hex(m.statsFlags, 4)}`);
  if (m.statsFlags) c.write(' (bogus)');
  i += 4; len -= 4;
  const s = of.point(of.stats, i);
  switch (type) {
    case 0: case 3:                                     // DESC, TABLE
      if (len !== 0) invalid(c, of, i, len);
      return;
    case 1: case 2:                                     // FLOW, AGGREGATE
      if (len !== OF10_MATCH_LENGTH + 4) { invalid(c, of, i, len); return; }
      match10(c, of, '\n\t ', i);
      c.write(`\n\t table_id ${tokName(TABLE_IDS10, String(s.requestTableId), s.requestTableId)}`);
      c.write(`, out_port ${port10(s.requestOutPort)}`);
      return;
    case 4:                                             // PORT
      if (len !== 8) { invalid(c, of, i, len); return; }
      c.write(`\n\t port_no ${port10(s.requestPortNo)}`);
      of.need(i + 8);
      return;
    case 5:                                             // QUEUE
      if (len !== 8) { invalid(c, of, i, len); return; }
      c.write(`\n\t port_no ${port10(s.requestPortNo)}`);
      c.write(`, queue_id ${tokName(QUEUE_IDS, String(s.requestQueueId), s.requestQueueId)}`);
      return;
    case 0xffff:
      vendorData10(c, of, i, len);
  }
}

/** A NUL-padded text field of the statistics sub-view, quoted. */
function statsText(c: PrintContext, s: Of10Stats, label: string, at: number, n: number): void {
  c.write(`${label}'`);
  printJnp(c, s, at, n);
  c.write("'");
}

function descStats10(c: PrintContext, of: Openflow, i: number, len: number): void {
  if (len !== 4 * OF10_DESC_LENGTH + OF10_SERIAL_NUM_LENGTH) { invalid(c, of, i, len); return; }
  const s = of.point(of.stats, i);
  statsText(c, s, '\n\t  mfr_desc ', Of10Stats.MFR_DESC, OF10_DESC_LENGTH);
  statsText(c, s, '\n\t  hw_desc ', Of10Stats.HW_DESC, OF10_DESC_LENGTH);
  statsText(c, s, '\n\t  sw_desc ', Of10Stats.SW_DESC, OF10_DESC_LENGTH);
  statsText(c, s, '\n\t  serial_num ', Of10Stats.SERIAL_NUM, OF10_SERIAL_NUM_LENGTH);
  statsText(c, s, '\n\t  dp_desc ', Of10Stats.DP_DESC, OF10_DESC_LENGTH);
}

function flowStats10(c: PrintContext, of: Openflow, i: number, len: number): void {
  const s = of.stats;
  while (len !== 0) {
    if (len < OF10_FLOW_STATS_MIN_LENGTH) { invalid(c, of, i, len); return; }
    of.point(s, i);
    const entryLen = s.flowLength;
    c.write(`\n\t length ${entryLen}`);
    if (entryLen < OF10_FLOW_STATS_MIN_LENGTH || entryLen > len) { invalid(c, of, i, len); return; }
    c.write(`, table_id ${tokName(TABLE_IDS10, String(s.flowTableId), s.flowTableId)}`);
    match10(c, of, '\n\t  ', i + Of10Stats.FLOW_MATCH);
    c.write(`\n\t  duration_sec ${s.flowDurationSec}`);
    c.write(`, duration_nsec ${s.flowDurationNsec}`);
    c.write(`, priority ${s.flowPriority}`);
    c.write(`, idle_timeout ${s.flowIdleTimeout}`);
    c.write(`, hard_timeout ${s.flowHardTimeout}`);
    c.write(`, cookie 0x${hex64(s.flowCookie)}`);
    c.write(`, packet_count ${s.flowPacketCount}`);
    c.write(`, byte_count ${s.flowByteCount}`);
    actions10(c, of, '\n\t  ', i + OF10_FLOW_STATS_MIN_LENGTH, entryLen - OF10_FLOW_STATS_MIN_LENGTH);
    i += entryLen; len -= entryLen;
  }
}

function aggregateStats10(c: PrintContext, of: Openflow, i: number, len: number): void {
  if (len !== 24) { invalid(c, of, i, len); return; }
  const s = of.point(of.stats, i);
  c.write(`\n\t packet_count ${s.aggregatePacketCount}`);
  c.write(`, byte_count ${s.aggregateByteCount}`);
  c.write(`, flow_count ${s.aggregateFlowCount}`);
  of.need(i + 24);
}

function tableStats10(c: PrintContext, of: Openflow, i: number, len: number): void {
  const s = of.stats;
  while (len !== 0) {
    if (len < OF10_TABLE_STATS_LENGTH) { invalid(c, of, i, len); return; }
    of.point(s, i);
    c.write(`\n\t table_id ${tokName(TABLE_IDS10, String(s.tableId), s.tableId)}`);
    statsText(c, s, ', name ', Of10Stats.TABLE_NAME, OF10_TABLE_NAME_LENGTH);
    c.write(`\n\t  wildcards 0x${hex(s.tableWildcards, 8)}${bitmap(WILDCARDS, s.tableWildcards, WILDCARDS_U)}`);
    c.write(`\n\t  max_entries ${s.tableMaxEntries}`);
    c.write(`, active_count ${s.tableActiveCount}`);
    c.write(`, lookup_count ${s.tableLookupCount}`);
    c.write(`, matched_count ${s.tableMatchedCount}`);
    i += OF10_TABLE_STATS_LENGTH; len -= OF10_TABLE_STATS_LENGTH;
  }
}

const PORT_COUNTERS = ['rx_packets', 'tx_packets', 'rx_bytes', 'tx_bytes', 'rx_dropped', 'tx_dropped', 'rx_errors', 'tx_errors',
  'rx_frame_err', 'rx_over_err', 'rx_crc_err', 'collisions'];

function portStats10(c: PrintContext, of: Openflow, i: number, len: number): void {
  const s = of.stats;
  while (len !== 0) {
    if (len < OF10_PORT_STATS_LENGTH) { invalid(c, of, i, len); return; }
    of.point(s, i);
    c.write(`\n\t  port_no ${port10(s.portNo)}`);
    if (c.o.verbose >= 2) for (let k = 0; k < PORT_COUNTERS.length; k++) c.write(`, ${PORT_COUNTERS[k]!} ${s.portCounter(k)}`);
    else of.need(i + OF10_PORT_STATS_LENGTH);
    i += OF10_PORT_STATS_LENGTH; len -= OF10_PORT_STATS_LENGTH;
  }
}

function queueStats10(c: PrintContext, of: Openflow, i: number, len: number): void {
  const s = of.stats;
  while (len !== 0) {
    if (len < OF10_QUEUE_STATS_LENGTH) { invalid(c, of, i, len); return; }
    of.point(s, i);
    c.write(`\n\t  port_no ${port10(s.queuePortNo)}`);
    c.write(`, queue_id ${s.queueId}`);
    c.write(`, tx_bytes ${s.queueTxBytes}`);
    c.write(`, tx_packets ${s.queueTxPackets}`);
    c.write(`, tx_errors ${s.queueTxErrors}`);
    i += OF10_QUEUE_STATS_LENGTH; len -= OF10_QUEUE_STATS_LENGTH;
  }
}

type StatsPrinter = (c: PrintContext, of: Openflow, i: number, len: number) => void;
const STATS_REPLIES = new Map<number, StatsPrinter>([
  [0, descStats10], [1, flowStats10], [2, aggregateStats10], [3, tableStats10], [4, portStats10], [5, queueStats10], [0xffff, vendorData10],
]);

function statsReply10(c: PrintContext, of: Openflow, m: OfMessage, i: number, len: number): void {
  const type = m.statsType;
  c.write(`\n\t type ${tokName(STATS_TYPES, `invalid (0x${hex(type, 4)})`, type)}`);
  c.write(`, flags 0x${hex(m.statsFlags, 4)}${bitmap(STATS_REPLY_FLAGS, m.statsFlags, unassigned(STATS_REPLY_FLAGS))}`);
  i += 4; len -= 4;
  const print = STATS_REPLIES.get(type);
  if (print !== undefined) print(c, of, i, len);
  else of.need(i + len);
}

function packetOut10(c: PrintContext, of: Openflow, m: OfMessage, i: number, len: number): void {
  c.write(`\n\t buffer_id 0x${hex(m.packetOutBufferId, 8)}`);
  c.write(`, in_port ${port10(m.packetOutInPort)}`);
  const actionsLen = m.packetOutActionsLength;
  const fixed = OfOffset.PacketOutActions - OfOffset.Body;
  i += fixed; len -= fixed;
  if (actionsLen > len) { invalid(c, of, i, len); return; }
  actions10(c, of, '\n\t ', i, actionsLen);
  packetData10(c, of, i + actionsLen, len - actionsLen);
}

function packetIn10(c: PrintContext, of: Openflow, m: OfMessage, i: number, len: number): void {
  c.write(`\n\t buffer_id ${tokName(BUFFER_IDS, `0x${hex(m.packetInBufferId, 8)}`, m.packetInBufferId)}`);
  c.write(`, total_len ${m.packetInTotalLength}`);
  c.write(`, in_port ${port10(m.packetInPort)}`);
  const reason = m.packetInReason;
  c.write(`, reason ${tokName(PACKET_IN_REASONS, `invalid (0x${hex(reason, 2)})`, reason)}`);
  const fixed = OfOffset.PacketInData - OfOffset.Body;
  of.need(i + fixed);
  packetData10(c, of, i + fixed, len - fixed);
}

function flowRemoved10(c: PrintContext, of: Openflow, m: OfMessage, i: number): void {
  match10(c, of, '\n\t ', i);
  c.write(`\n\t cookie 0x${hex64(m.flowRemovedCookie)}`);
  if (m.flowRemovedPriority) c.write(`, priority ${m.flowRemovedPriority}`);
  const reason = m.flowRemovedReason;
  c.write(`, reason ${tokName(FLOW_REMOVED_REASONS, `unknown (0x${hex(reason, 2)})`, reason)}`);
  c.write(`, duration_sec ${m.flowRemovedDurationSec}`);
  c.write(`, duration_nsec ${m.flowRemovedDurationNsec}`);
  if (m.flowRemovedIdleTimeout) c.write(`, idle_timeout ${m.flowRemovedIdleTimeout}`);
  c.write(`, packet_count ${m.flowRemovedPacketCount}`);
  c.write(`, byte_count ${m.flowRemovedByteCount}`);
}

function portStatus10(c: PrintContext, of: Openflow, m: OfMessage, i: number): void {
  const reason = m.portStatusReason;
  c.write(`\n\t reason ${tokName(PORT_STATUS_REASONS, `invalid (0x${hex(reason, 2)})`, reason)}`);
  phyPort10(c, of, i + OfOffset.PortStatusPort - OfOffset.Body);
}

function error10(c: PrintContext, of: Openflow, m: OfMessage, i: number, len: number): void {
  const type = m.errorType;
  c.write(`\n\t type ${tokName(ERROR_TYPES10, `invalid (0x${hex(type, 4)})`, type)}`);
  const code = m.errorCode;
  const codes = ERROR_CODES10[type];
  c.write(`, code ${codes !== undefined ? tokName(codes, `invalid (0x${hex(code, 4)})`, code) : `invalid (0x${hex(code, 4)})`}`);
  printData(c, of, i + 4, len - 4);
}

const data: BodyPrinter = (c, of, _m, i, len) => printData(c, of, i, len);
const t = (name: string, print: BodyPrinter | undefined, req: number, value: number): MsgType => ({ name, print, req, value });
const OF10_TYPES: ReadonlyArray<MsgType> = [
  t('HELLO', data, MINLEN, 0),
  t('ERROR', error10, MINLEN, 4),
  t('ECHO_REQUEST', data, MINLEN, 0),
  t('ECHO_REPLY', data, MINLEN, 0),
  t('VENDOR', vendorMessage10, MINLEN, 4),
  t('FEATURES_REQUEST', undefined, FIXLEN, 0),
  t('FEATURES_REPLY', featuresReply10, MINLEN, 24),
  t('GET_CONFIG_REQUEST', undefined, FIXLEN, 0),
  t('GET_CONFIG_REPLY', switchConfig10, FIXLEN, 4),
  t('SET_CONFIG', switchConfig10, FIXLEN, 4),
  t('PACKET_IN', packetIn10, MINLEN, 10),
  t('FLOW_REMOVED', flowRemoved10, FIXLEN, 80),
  t('PORT_STATUS', portStatus10, FIXLEN, 56),
  t('PACKET_OUT', packetOut10, MINLEN, 8),
  t('FLOW_MOD', flowMod10, MINLEN, 64),
  t('PORT_MOD', portMod10, FIXLEN, 24),
  t('STATS_REQUEST', statsRequest10, MINLEN, 4),
  t('STATS_REPLY', statsReply10, MINLEN, 4),
  t('BARRIER_REQUEST', undefined, FIXLEN, 0),
  t('BARRIER_REPLY', undefined, FIXLEN, 0),
  t('QUEUE_GET_CONFIG_REQUEST', queueGetConfigRequest10, FIXLEN, 4),
  t('QUEUE_GET_CONFIG_REPLY', queueGetConfigReply10, MINLEN, 8),
];

// ---------------------------------------------------------------------------------------------
// OpenFlow 1.3 (print-openflow-1.3.c)

const CAPABILITIES13: Tok = [[1, 'FLOW_STATS'], [2, 'TABLE_STATS'], [4, 'PORT_STATS'], [8, 'GROUP_STATS'], [32, 'IP_REASM'], [64, 'QUEUE_STATS'], [256, 'PORT_BLOCKED']];
const TABLE_IDS13: Tok = [[0xfe, 'MAX'], [0xff, 'ALL']];
const CONTROLLER_MAX_LEN: Tok = [[0xffe5, 'MAX'], [0xffff, 'NO_BUFFER']];
const PORT_CONFIG13: Tok = [[1, 'PORT_DOWN'], [4, 'NO_RECV'], [32, 'NO_FWD'], [64, 'NO_PACKET_IN']];
const PORT_STATE13: Tok = [[1, 'LINK_DOWN'], [2, 'BLOCKED'], [4, 'LIVE']];
const PORT_FEATURES13: Tok = [
  [1, '10MB_HD'], [2, '10MB_FD'], [4, '100MB_HD'], [8, '100MB_FD'], [16, '1GB_HD'], [32, '1GB_FD'], [64, '10GB_FD'], [128, '40GB_FD'],
  [256, '100GB_FD'], [512, '1TB_FD'], [1024, 'OTHER'], [2048, 'COPPER'], [4096, 'FIBER'], [8192, 'AUTONEG'], [16384, 'PAUSE'], [32768, 'PAUSE_ASYM'],
];
const HELLO_ELEMENTS: Tok = [[1, 'VERSIONBITMAP']];
const PORTS13: Tok = [
  [0xffffff00, 'MAX'], [0xfffffff8, 'IN_PORT'], [0xfffffff9, 'TABLE'], [0xfffffffa, 'NORMAL'], [0xfffffffb, 'FLOOD'], [0xfffffffc, 'ALL'],
  [0xfffffffd, 'CONTROLLER'], [0xfffffffe, 'LOCAL'], [0xffffffff, 'ANY'],
];
const port13 = (p: number): string => tokName(PORTS13, String(p), p);
const ROLES: Tok = [[0, 'NOCHANGE'], [1, 'EQUAL'], [2, 'MASTER'], [3, 'SLAVE']];
const VERSION_BITS: Tok = [[1, '1.0'], [2, '1.1'], [4, '1.2'], [8, '1.3'], [16, '1.4'], [32, '1.5']];
const ASYNC_PACKET_IN: Tok = [[1, 'NO_MATCH'], [2, 'ACTION'], [4, 'INVALID_TTL']];
const ASYNC_PORT_STATUS: Tok = [[1, 'ADD'], [2, 'DELETE'], [4, 'MODIFY']];
const ERROR_TYPES13: Tok = [
  [0, 'HELLO_FAILED'], [1, 'BAD_REQUEST'], [2, 'BAD_ACTION'], [3, 'BAD_INSTRUCTION'], [4, 'BAD_MATCH'], [5, 'FLOW_MOD_FAILED'],
  [6, 'GROUP_MOD_FAILED'], [7, 'PORT_MOD_FAILED'], [8, 'TABLE_MOD_FAILED'], [9, 'QUEUE_OP_FAILED'], [10, 'SWITCH_CONFIG_FAILED'],
  [11, 'ROLE_REQUEST_FAILED'], [12, 'METER_MOD_FAILED'], [13, 'TABLE_FEATURES_FAILED'], [0xffff, 'EXPERIMENTER'],
];
const names = (...n: string[]): Tok => n.map((s, k) => [k, s] as const);
const ERROR_CODES13: ReadonlyArray<Tok> = [
  HELLO_FAILED,
  names('BAD_VERSION', 'BAD_TYPE', 'BAD_MULTIPART', 'BAD_EXPERIMENTER', 'BAD_EXP_TYPE', 'EPERM', 'BAD_LEN', 'BUFFER_EMPTY',
    'BUFFER_UNKNOWN', 'BAD_TABLE_ID', 'IS_SLAVE', 'BAD_PORT', 'BAD_PACKET', 'MULTIPART_BUFFER_OVERFLOW'),
  names('BAD_TYPE', 'BAD_LEN', 'BAD_EXPERIMENTER', 'BAD_EXP_TYPE', 'BAD_OUT_PORT', 'BAD_ARGUMENT', 'EPERM', 'TOO_MANY', 'BAD_QUEUE',
    'BAD_OUT_GROUP', 'MATCH_INCONSISTENT', 'UNSUPPORTED_ORDER', 'BAD_TAG', 'BAD_SET_TYPE', 'BAD_SET_LEN', 'BAD_SET_ARGUMENT'),
  names('UNKNOWN_INST', 'UNSUP_INST', 'BAD_TABLE_ID', 'UNSUP_METADATA', 'UNSUP_METADATA_MASK', 'BAD_EXPERIMENTER', 'BAD_EXP_TYPE',
    'BAD_LEN', 'EPERM'),
  names('BAD_TYPE', 'BAD_LEN', 'BAD_TAG', 'BAD_DL_ADDR_MASK', 'BAD_NW_ADDR_MASK', 'BAD_WILDCARDS', 'BAD_FIELD', 'BAD_VALUE',
    'BAD_MASK', 'BAD_PREREQ', 'DUP_FIELD', 'EPERM'),
  names('UNKNOWN', 'TABLE_FULL', 'BAD_TABLE_ID', 'OVERLAP', 'EPERM', 'BAD_TIMEOUT', 'BAD_COMMAND', 'BAD_FLAGS'),
  names('GROUP_EXISTS', 'INVALID_GROUP', 'WEIGHT_UNSUPPORTED', 'OUT_OF_GROUPS', 'OUT_OF_BUCKETS', 'CHAINING_UNSUPPORTED',
    'WATCH_UNSUPPORTED', 'LOOP', 'UNKNOWN_GROUP', 'CHAINED_GROUP', 'BAD_TYPE', 'BAD_COMMAND', 'BAD_BUCKET', 'BAD_MATCH', 'EPERM'),
  names('BAD_PORT', 'BAD_HW_ADDR', 'BAD_CONFIG', 'BAD_ADVERTISE', 'EPERM'),
  names('BAD_TABLE', 'BAD_CONFIG', 'EPERM'),
  names('BAD_PORT', 'BAD_QUEUE', 'EPERM'),
  names('BAD_FLAGS', 'BAD_LEN', 'EPERM'),
  names('STALE', 'UNSUP', 'BAD_ROLE'),
  names('UNKNOWN', 'METER_EXISTS', 'INVALID_METER', 'UNKNOWN_METER', 'BAD_COMMAND', 'BAD_FLAGS', 'BAD_RATE', 'BAD_BURST', 'BAD_BAND',
    'BAD_BAND_VALUE', 'OUT_OF_METERS', 'OUT_OF_BANDS'),
  names('BAD_TABLE', 'BAD_METADATA', 'BAD_TYPE', 'BAD_LEN', 'BAD_ARGUMENT', 'EPERM'),
];

/** of13_port_print. */
function port13Print(c: PrintContext, of: Openflow, i: number): void {
  const p = of.point(of.port13, i);
  c.write(`\n\t  port_no ${port13(p.portNo)}`);
  c.write(`, hw_addr ${p.hwAddr}`);
  c.write(", name '");
  printJnp(c, p, Of13Port.NAME, OF10_PORT_NAME_LENGTH);
  c.write("'");
  if (c.o.verbose < 2) { p.need(OF13_PORT_LENGTH); return; }
  const features = unassigned(PORT_FEATURES13);
  c.write(`\n\t   config 0x${hex(p.config, 8)}${bitmap(PORT_CONFIG13, p.config, unassigned(PORT_CONFIG13))}`);
  c.write(`\n\t   state 0x${hex(p.state, 8)}${bitmap(PORT_STATE13, p.state, unassigned(PORT_STATE13))}`);
  c.write(`\n\t   curr 0x${hex(p.curr, 8)}${bitmap(PORT_FEATURES13, p.curr, features)}`);
  c.write(`\n\t   advertised 0x${hex(p.advertised, 8)}${bitmap(PORT_FEATURES13, p.advertised, features)}`);
  c.write(`\n\t   supported 0x${hex(p.supported, 8)}${bitmap(PORT_FEATURES13, p.supported, features)}`);
  c.write(`\n\t   peer 0x${hex(p.peer, 8)}${bitmap(PORT_FEATURES13, p.peer, features)}`);
  c.write(`\n\t   curr_speed ${p.currSpeed}kbps`);
  c.write(`\n\t   max_speed ${p.maxSpeed}kbps`);
}

function featuresReply13(c: PrintContext, of: Openflow, m: OfMessage, i: number): void {
  c.write(`\n\t dpid 0x${hex64(m.datapathId)}`);
  c.write(`, n_buffers ${m.nBuffers}`);
  c.write(`, n_tables ${m.nTables}`);
  c.write(`, auxiliary_id ${m.auxiliaryId}`);
  c.write(`\n\t capabilities 0x${hex(m.capabilities, 8)}${bitmap(CAPABILITIES13, m.capabilities, unassigned(CAPABILITIES13))}`);
  of.need(i + 24);
}

function switchConfig13(c: PrintContext, _of: Openflow, m: OfMessage): void {
  c.write(`\n\t flags ${tokName(CONFIG_FLAGS, `invalid (0x${hex(m.configFlags, 4)})`, m.configFlags)}`);
  c.write(`, miss_send_len ${tokName(CONTROLLER_MAX_LEN, String(m.missSendLen), m.missSendLen)}`);
}

function tableMod13(c: PrintContext, _of: Openflow, m: OfMessage): void {
  c.write(`\n\t table_id ${tokName(TABLE_IDS13, String(m.tableModTableId), m.tableModTableId)}`);
  c.write(`, config 0x${hex(m.tableModConfig, 8)}`);
}

function role13(c: PrintContext, _of: Openflow, m: OfMessage): void {
  c.write(`\n\t role ${tokName(ROLES, `invalid (0x${hex(m.role, 8)})`, m.role)}`);
  c.write(`, generation_id 0x${hex64(m.generationId)}`);
}

const ASYNC_MASKS: ReadonlyArray<readonly [string, Tok]> = [
  ['packet_in_mask[EM]', ASYNC_PACKET_IN], ['packet_in_mask[S]', ASYNC_PACKET_IN],
  ['port_status_mask[EM]', ASYNC_PORT_STATUS], ['port_status_mask[S]', ASYNC_PORT_STATUS],
  ['flow_removed_mask[EM]', ASYNC_PORT_STATUS], ['flow_removed_mask[S]', ASYNC_PORT_STATUS],
];
function async13(c: PrintContext, _of: Openflow, m: OfMessage): void {
  for (let k = 0; k < ASYNC_MASKS.length; k++) {
    const [label, bits] = ASYNC_MASKS[k]!;
    const v = m.asyncMask(k);
    c.write(`\n\t ${label} 0x${hex(v, 8)}${bitmap(bits, v, unassigned(bits))}`);
  }
}

function portMod13(c: PrintContext, of: Openflow, m: OfMessage, i: number): void {
  c.write(`\n\t port_no ${port13(m.portMod13PortNo)}`);
  c.write(`, hw_addr ${m.portMod13HwAddr}`);
  const config = unassigned(PORT_CONFIG13);
  c.write(`\n\t  config 0x${hex(m.portMod13Config, 8)}${bitmap(PORT_CONFIG13, m.portMod13Config, config)}`);
  c.write(`\n\t  mask 0x${hex(m.portMod13Mask, 8)}${bitmap(PORT_CONFIG13, m.portMod13Mask, config)}`);
  c.write(`\n\t  advertise 0x${hex(m.portMod13Advertise, 8)}${bitmap(PORT_FEATURES13, m.portMod13Advertise, unassigned(PORT_FEATURES13))}`);
  of.need(i + 32);
}

function portStatus13(c: PrintContext, of: Openflow, m: OfMessage, i: number): void {
  // tcpdump 4.99.3's format string here lacks its `%` ("invalid (0x02x)").
  c.write(`\n\t reason ${tokName(PORT_STATUS_REASONS, 'invalid (0x02x)', m.portStatusReason)}`);
  port13Print(c, of, i + OfOffset.PortStatusPort - OfOffset.Body);
}

function hello13(c: PrintContext, of: Openflow, _m: OfMessage, i: number, len: number): void {
  const e = of.helloElement;
  while (len !== 0) {
    if (len < OF13_HELLO_ELEMENT_MIN_LENGTH) { invalid(c, of, i, len); return; }
    of.point(e, i);
    const type = e.type;
    c.write(`\n\t type ${tokName(HELLO_ELEMENTS, `unknown (0x${hex(type, 4)})`, type)}`);
    const bmlen = e.length;
    c.write(`, length ${bmlen}`);
    i += 4; len -= 4;
    if (bmlen < OF13_HELLO_ELEMENT_MIN_LENGTH || bmlen > OF13_HELLO_ELEMENT_MIN_LENGTH + len) { invalid(c, of, i, len); return; }
    const rest = bmlen - OF13_HELLO_ELEMENT_MIN_LENGTH;
    if (type === 1 && bmlen === OF13_HELLO_ELEMENT_MIN_LENGTH + 4) {
      const bm = e.bitmap;
      c.write(`, bitmap 0x${hex(bm, 8)}${bitmap(VERSION_BITS, bm, unassigned(VERSION_BITS))}`);
    } else {
      if (type === 1) c.write(' (bogus)');
      of.need(i + rest);
    }
    i += rest; len -= rest;
  }
}

function experimenter13(c: PrintContext, of: Openflow, m: OfMessage, i: number, len: number): void {
  const exp = m.vendor;
  c.write(`\n\t experimenter 0x${hex(exp, 8)} (${vendorName(exp)})`);
  c.write(`, exp_type 0x${hex(m.experimenterType, 8)}`);
  const fixed = OfOffset.ExperimenterData - OfOffset.Body;
  printData(c, of, i + fixed, len - fixed);
}

function queueGetConfigRequest13(c: PrintContext, of: Openflow, m: OfMessage, i: number): void {
  c.write(`\n\t port ${port13(m.queueConfig13Port)}`);
  of.need(i + 8);
}

function error13(c: PrintContext, of: Openflow, m: OfMessage, i: number, len: number): void {
  const type = m.errorType;
  c.write(`\n\t type ${tokName(ERROR_TYPES13, `invalid (0x${hex(type, 4)})`, type)}`);
  const code = m.errorCode;
  const codes = ERROR_CODES13[type];
  c.write(`, code ${codes !== undefined ? tokName(codes, `invalid (0x${hex(code, 4)})`, code) : `invalid (0x${hex(code, 4)})`}`);
  printData(c, of, i + 4, len - 4);
}

const OF13_TYPES: ReadonlyArray<MsgType> = [
  t('HELLO', hello13, MINLEN, 0),
  t('ERROR', error13, MINLEN, 4),
  t('ECHO_REQUEST', data, MINLEN, 0),
  t('ECHO_REPLY', data, MINLEN, 0),
  t('EXPERIMENTER', experimenter13, MINLEN, 8),
  t('FEATURES_REQUEST', undefined, FIXLEN, 0),
  t('FEATURES_REPLY', featuresReply13, FIXLEN, 24),
  t('GET_CONFIG_REQUEST', undefined, FIXLEN, 0),
  t('GET_CONFIG_REPLY', switchConfig13, FIXLEN, 4),
  t('SET_CONFIG', switchConfig13, FIXLEN, 4),
  t('PACKET_IN', undefined, NONE, 0),
  t('FLOW_REMOVED', undefined, NONE, 0),
  t('PORT_STATUS', portStatus13, FIXLEN, 72),
  t('PACKET_OUT', undefined, NONE, 0),
  t('FLOW_MOD', undefined, NONE, 0),
  t('GROUP_MOD', undefined, NONE, 0),
  t('PORT_MOD', portMod13, FIXLEN, 32),
  t('TABLE_MOD', tableMod13, FIXLEN, 8),
  t('MULTIPART_REQUEST', undefined, NONE, 0),
  t('MULTIPART_REPLY', undefined, NONE, 0),
  t('BARRIER_REQUEST', undefined, FIXLEN, 0),
  t('BARRIER_REPLY', undefined, FIXLEN, 0),
  t('QUEUE_GET_CONFIG_REQUEST', queueGetConfigRequest13, FIXLEN, 8),
  t('QUEUE_GET_CONFIG_REPLY', undefined, NONE, 0),
  t('ROLE_REQUEST', role13, FIXLEN, 16),
  t('ROLE_REPLY', role13, FIXLEN, 16),
  t('GET_ASYNC_REQUEST', undefined, FIXLEN, 0),
  t('GET_ASYNC_REPLY', async13, FIXLEN, 24),
  t('SET_ASYNC', async13, FIXLEN, 24),
  t('METER_MOD', undefined, NONE, 0),
];
