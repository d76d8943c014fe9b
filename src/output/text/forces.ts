/**
 * ForCES (tcpdump's print-forces.c): the message type, with -v the header, -vv its flags, -vvv the
 * TLV tree (LFB selectors, operations, path data, FULLDATA/SPARSEDATA/RESULT, redirects), -vvvv the
 * raw message. Positions are absolute indexes the walk moves by the lengths it read; every field is
 * read through the view's element sub-view (`f.at(i).tlvLength`…), in tcpdump's order.
 */
import type { PrintContext } from './context.js';
import { hexPrint } from './dump.js';
import {
  FORCES_HEADER_LENGTH, FORCES_ID_LENGTH, FORCES_ILV_HEADER_LENGTH, FORCES_KEY_HEADER_LENGTH, FORCES_LFB_SELECTOR_LENGTH,
  FORCES_PATH_DESCRIPTOR_LENGTH, FORCES_PATH_HEADER_LENGTH, FORCES_TLV_HEADER_LENGTH, forcesAlign, type Forces,
} from '../../decoders/forces.js';
import { NOT_CAPTURED } from '../../decoders/view.js';

const TLV = FORCES_TLV_HEADER_LENGTH;
// Top-level TLV rules of a message type (tcpdump's ZERO_TTLV…MAX_TLV): the count of TLVs is flags >> 4.
const ZERO_TTLV = 0x01, ZERO_MORE_TTLV = 0x02, ONE_MORE_TTLV = 0x04, TTLV_T1 = 0x14, TTLV_T2 = 0xf4;
// Operations a message may carry: bit op − 1.
const B_OP_SET = 1 << 0, B_OP_SETPROP = 1 << 1, B_OP_SETRESP = 1 << 2, B_OP_SETPRESP = 1 << 3, B_OP_DEL = 1 << 4, B_OP_DELRESP = 1 << 5;
const B_OP_GET = 1 << 6, B_OP_GETPROP = 1 << 7, B_OP_GETRESP = 1 << 8, B_OP_GETPRESP = 1 << 9, B_OP_REPORT = 1 << 10;
const B_OP_COMMIT = 1 << 11, B_OP_RCOMMIT = 1 << 12, B_OP_RTRCOMP = 1 << 13;
// Path data encodings an operation allows, and what path flags add.
const B_FULLD = 0x1, B_SPARD = 0x2, B_RESTV = 0x4, B_KEYIN = 0x8, B_APPND = 0x10, B_TRNG = 0x20;
// TLV types.
const F_TLV_PDAT = 0x0110, F_TLV_KEYI = 0x0111, F_TLV_FULD = 0x0112, F_TLV_SPAD = 0x0113, F_TLV_REST = 0x0114;
const F_TLV_METD = 0x0115, F_TLV_REDD = 0x0116;

/** A printer of one level of the tree: its bytes start at `at`, `len` of them; returns < 0 to stop. */
type Level = (c: PrintContext, f: Forces, at: number, len: number, opMask: number, indent: number) => number;

interface MessageType { readonly flags: number; readonly ops: number; readonly name: string; readonly print: Level | undefined }
interface Operation { readonly ops: number; readonly name: string; readonly print: Level | undefined }

const TLV_NAMES = new Map<number, string>([
  [0x0000, 'Invalid TLV'], [0x0001, 'REDIRECT TLV'], [0x0010, 'ASResult TLV'], [0x0011, 'ASTreason TLV'], [0x1000, 'LFBselect TLV'],
  [0x0110, 'PATH-DATA TLV'], [0x0111, 'KEYINFO TLV'], [0x0112, 'FULLDATA TLV'], [0x0113, 'SPARSEDATA TLV'], [0x0114, 'RESULT TLV'],
  [0x0115, 'METADATA TLV'], [0x0116, 'REDIRECTDATA TLV'],
]);
const TLV_ERRORS = ['', 'Invalid total length', 'xLV too short', 'xLV too long', 'data padding missing'];
const LFB_NAMES = ['Invalid TLV', 'FEObj LFB', 'FEProtoObj LFB'];
const ACKS = ['NoACK', 'SuccessACK', 'FailureACK', 'AlwaysACK'];
const EMS = ['EMReserved', 'execute-all-or-none', 'execute-until-failure', 'continue-execute-on-failure'];
const ATS = ['Standalone', '2PCtransaction'];
const TPS = ['StartofTransaction', 'MiddleofTransaction', 'EndofTransaction', 'abort'];
const RESULTS = [
  'SUCCESS', 'INVALID HEADER', 'LENGTH MISMATCH', 'VERSION MISMATCH', 'INVALID DESTINATION PID', 'LFB UNKNOWN', 'LFB NOT FOUND',
  'LFB INSTANCE ID NOT FOUND', 'INVALID PATH', 'COMPONENT DOES NOT EXIST', 'EXISTS ALREADY', 'NOT FOUND', 'READ ONLY',
  'INVALID ARRAY CREATION', 'VALUE OUT OF RANGE', 'CONTENTS TOO LONG', 'INVALID PARAMETERS', 'INVALID MESSAGE TYPE', 'INVALID FLAGS',
  'INVALID TLV', 'EVENT ERROR', 'NOT SUPPORTED', 'MEMORY ERROR', 'INTERNAL ERROR',
];

/** tok2str(…, NULL, v): the name, or `#v` (printed with %d). */
function tok(names: ReadonlyMap<number, string> | readonly string[], v: number): string {
  const s = names instanceof Map ? names.get(v) : (names as readonly string[])[v];
  return s !== undefined && s !== '' ? s : `#${v | 0}`;
}
const hex = (v: number): string => (v >>> 0).toString(16);

/** tcpdump's indent_pr: `indent` spaces, or a newline and indent − 1 spaces. */
function ind(indent: number, newline: boolean): string {
  if (indent > 255) indent = 255;
  return newline ? `\n${' '.repeat(Math.max(indent - 1, 0))}` : ' '.repeat(Math.max(indent, 0));
}

/** hex_print: the lines it can, then (cut short) the unwind to ` [|forces]`. */
function hexOut(c: PrintContext, ident: string, at: number, len: number): void {
  c.write(hexPrint(c, ident, at, len));
  if (len > c.avail(at)) throw NOT_CAPTURED;
}

/** A walk that ended before its bytes did: the TLV it stopped at, and how many bytes it leaves over; −1. */
function messy(c: PrintContext, f: Forces, at: number, rest: number, what: string): number {
  const t = f.at(at);
  c.write(`\n\t\tMessy ${what} TLV header, type (0x${hex(t.tlvType)})\n\t\texcess of ${(rest - t.tlvLength) >>> 0} Bytes `);
  return -1;
}

/** tlv_valid / ilv_valid: 0, or why a TLV of length `n` does not fit in `rlen`. */
function xlvInvalid(n: number, rlen: number, header: number): number {
  if (rlen < header) return 1;
  if (n < header) return 2;
  if (n > rlen) return 3;
  if (rlen < forcesAlign(n)) return 4;
  return 0;
}

/** ttlv_valid: the TLV types a message may have at its top level. */
function topTlvValid(t: number): boolean {
  return t === 1 || t === 0x1000 || (t >= 0x10 && t <= 0x11) || (t >= 0x110 && t <= 0x116);
}

/** op_valid: operation `op` is one `mask` allows (vendor operations from 0x8000 always). */
function opValid(op: number, mask: number): boolean {
  if (op === 0) return false;
  if (op <= 14) return ((1 << (op - 1)) & mask) !== 0;
  return op >= 0x8000;
}

const MESSAGES = new Map<number, MessageType>([
  [0x01, { flags: ZERO_MORE_TTLV | 0x20, ops: B_OP_REPORT, name: 'Association Setup', print: lfbSelect }],
  [0x02, { flags: TTLV_T1, ops: 0, name: 'Association TearDown', print: teardownReason }],
  [0x03, { flags: TTLV_T2, ops: B_OP_SET | B_OP_SETPROP | B_OP_DEL | B_OP_COMMIT | B_OP_RTRCOMP, name: 'Config', print: lfbSelect }],
  [0x04, { flags: TTLV_T2, ops: B_OP_GET | B_OP_GETPROP, name: 'Query', print: lfbSelect }],
  [0x05, { flags: TTLV_T1, ops: B_OP_REPORT, name: 'Event Notification', print: lfbSelect }],
  [0x06, { flags: TTLV_T2, ops: 0, name: 'Packet Redirect', print: redirect }],
  [0x0f, { flags: ZERO_TTLV, ops: 0, name: 'HeartBeat', print: undefined }],
  [0x11, { flags: TTLV_T1, ops: 0, name: 'Association Response', print: setupResult }],
  [0x13, { flags: TTLV_T2, ops: B_OP_SETRESP | B_OP_SETPRESP | B_OP_DELRESP | B_OP_RCOMMIT, name: 'Config Response', print: lfbSelect }],
  [0x14, { flags: TTLV_T2, ops: B_OP_GETRESP | B_OP_GETPRESP, name: 'Query Response', print: lfbSelect }],
]);

const OPERATIONS: readonly Operation[] = [
  { ops: 0, name: 'Invalid OPTLV', print: invalidOperation },
  { ops: B_FULLD | B_SPARD, name: ' Set', print: pathDataTlvs },
  { ops: B_FULLD | B_SPARD, name: ' SetProp', print: pathDataTlvs },
  { ops: B_RESTV, name: ' SetResp', print: pathDataTlvs },
  { ops: B_RESTV, name: ' SetPropResp', print: pathDataTlvs },
  { ops: 0, name: ' Del', print: pathDataTlvs },
  { ops: B_RESTV, name: ' DelResp', print: pathDataTlvs },
  { ops: 0, name: ' Get', print: pathDataTlvs },
  { ops: 0, name: ' GetProp', print: pathDataTlvs },
  { ops: B_FULLD | B_SPARD | B_RESTV, name: ' GetResp', print: pathDataTlvs },
  { ops: B_FULLD | B_RESTV, name: ' GetPropResp', print: pathDataTlvs },
  { ops: B_FULLD | B_SPARD, name: ' Report', print: pathDataTlvs },
  { ops: 0, name: ' Commit', print: undefined },
  { ops: B_RESTV, name: ' RCommit', print: genericOperation },
  { ops: 0, name: ' RTRCOMP', print: undefined },
];

/** Path-data TLVs by type (tcpdump's ForCES_pdata): the encoding each needs, and its printer. */
const PATH_DATA = new Map<number, Operation>([
  [F_TLV_KEYI, { ops: 0, name: 'KEYINFO TLV', print: keyInfo }],
  [F_TLV_FULD, { ops: B_FULLD, name: 'FULLDATA TLV', print: fullData }],
  [F_TLV_SPAD, { ops: B_SPARD, name: 'SPARSEDATA TLV', print: sparseDataTlv }],
  [F_TLV_REST, { ops: B_RESTV, name: 'RESULT TLV', print: result }],
  [F_TLV_PDAT, { ops: 0, name: 'Inner PATH-DATA TLV', print: pathDataTlvs }],
]);

/** tcpdump's ForCES_node: what kind of element an ID names. */
function node(id: number): string {
  if (id <= 0x3fffffff) return 'FE';
  if (id <= 0x7fffffff) return 'CE';
  if (id >= 0xc0000000 && id <= 0xffffffef) return 'AllMulticast';
  if (id === 0xfffffffd) return 'AllCEsBroadcast';
  if (id === 0xfffffffe) return 'AllFEsBroadcast';
  if (id === 0xffffffff) return 'AllBroadcast';
  return 'ForCESreserved';
}

/** A ForCES message in an SCTP DATA chunk's `length` bytes of user data. */
export function printForces(c: PrintContext, f: Forces, length: number): void {
  c.protocol = 'forces';
  if (!f.has(FORCES_HEADER_LENGTH)) { c.truncMark(); return; }
  const type = f.messageType;
  const v = c.o.verbose;
  let ok = false;
  if (type === 0 || (type >= 0x7 && type <= 0xe) || type === 0x10 || type > 0x14) {
    c.write(`Invalid ForCES message type ${type}\n`);
  } else {
    const mlen = f.messageLength;
    const msg = MESSAGES.get(type);
    if (msg === undefined) {
      c.write(`\n\tUnknown ForCES message type=0x${hex(type)}`);
    } else {
      c.write(`\n\tForCES ${msg.name} `);
      if (length < FORCES_HEADER_LENGTH || mlen < FORCES_HEADER_LENGTH || mlen !== length) {
        c.write(`Illegal ForCES pkt len - min ${FORCES_HEADER_LENGTH}, total recvd ${length}, advertised ${mlen} `);
      } else {
        const flags = f.flags;
        if (v >= 1) {
          c.write(`\n\tForCES Version ${f.version} len ${mlen}B flags 0x${hex(flags).padStart(8, '0')} `);
          const sid = f.srcId, did = f.dstId;
          c.write(`\n\tSrcID 0x${hex(sid)}(${node(sid)}) DstID 0x${hex(did)}(${node(did)}) Correlator 0x${f.correlator.toString(16)}`);
        }
        if (v >= 2) {
          const ack = f.ack, em = f.executionMode, at = f.atomic, tp = f.transactionPhase;
          c.write(`\n\tForCES flags:\n\t  ${ACKS[ack]!}(0x${ack}), prio=${f.priority}, ${EMS[em]!}(0x${em}),\n\t  ${ATS[at]!}(0x${at}), ${TPS[tp]!}(0x${tp})\n`);
          c.write(`\t  Extra flags: rsv(b5-7) 0x${hex(f.reserved1)} rsv(b13-31) 0x${hex(f.reserved2)}\n`);
        }
        ok = topLevel(c, f, mlen, msg) >= 0;
      }
    }
  }
  if (!ok) {
    hexOut(c, '\n\t[', f.off, length);
    c.write('\n\t]');
    return;
  }
  if (v >= 4) {
    c.write('\n\t  Raw ForCES message\n\t [');
    hexOut(c, '\n\t ', f.off, length);
    c.write('\n\t ]');
  }
}

/** forces_type_print: the top-level TLVs, as many as the message type allows. */
function topLevel(c: PrintContext, f: Forces, mlen: number, msg: MessageType): number {
  let rlen = mlen - FORCES_HEADER_LENGTH;
  if (rlen > TLV) {
    if (msg.flags & ZERO_TTLV) { c.write(`<0x${hex(msg.flags)}>Illegal Top level TLV!\n`); return -1; }
  } else {
    if (msg.flags & ZERO_MORE_TTLV) return 0;
    if (msg.flags & ONE_MORE_TTLV) { c.write('\tTop level TLV Data missing!\n'); return -1; }
  }
  if (msg.flags & ZERO_TTLV) return 0;
  let count = msg.flags >> 4;
  let at = f.tlvsStart;
  while (rlen !== 0) {
    const t = f.at(at), type = t.tlvType, tlvl = t.tlvLength;
    if (xlvInvalid(tlvl, rlen, TLV) !== 0) break;
    if (!topTlvValid(type)) { c.write(`\n\tInvalid ForCES Top TLV type=0x${hex(type)}`); return -1; }
    if (c.o.verbose >= 3) c.write(`\t${tok(TLV_NAMES, type)}, length ${tlvl} (data length ${tlvl - TLV} Bytes)`);
    if (msg.print!(c, f, t.tlvValueStart, tlvl, msg.ops, 9) < 0) return -1;
    rlen -= forcesAlign(tlvl);
    at += forcesAlign(tlvl);
    if (--count === 0) break;
  }
  if (rlen !== 0) {
    c.write(`\tMess TopTLV header: min ${TLV}, total ${rlen} advertised ${f.at(at).tlvLength} `);
    return -1;
  }
  return 0;
}

/** lfbselect_print: an LFB selector (class, instance) and its operation TLVs; `len` is the TLV's length. */
function lfbSelect(c: PrintContext, f: Forces, at: number, len: number, opMask: number, indent: number): number {
  const ib = ind(indent, false);
  const dlen = (len - TLV) >>> 0;
  if (dlen <= 12) { c.write(`\n\t\ttruncated lfb selector: ${(12 - dlen) >>> 0} bytes missing! `); return -1; }
  let rlen = dlen - FORCES_LFB_SELECTOR_LENGTH;
  const sel = f.at(at);
  if (!sel.has(FORCES_LFB_SELECTOR_LENGTH)) { c.truncMark(); return -1; }
  if (c.o.verbose >= 3) {
    const cls = sel.lfbClass;
    c.write(`\n${ib}${tok(LFB_NAMES, cls)}(Classid ${hex(cls)}) instance ${hex(sel.lfbInstance)}\n`);
  }
  let p = sel.lfbOperationsStart;
  indent += 1;
  while (rlen !== 0) {
    const t = f.at(p), type = t.tlvType, tlvl = t.tlvLength;
    if (xlvInvalid(tlvl, rlen, TLV) !== 0) break;
    if (opValid(type, opMask)) {
      operation(c, f, p, indent);
    } else {
      if (c.o.verbose < 3) c.write('\n');
      c.write(`\t\tINValid oper-TLV type 0x${hex(type)} length ${tlvl} for this ForCES message\n`);
      invalidOperation(c, f, p, rlen, 0, indent);
    }
    rlen -= forcesAlign(tlvl);
    p += forcesAlign(tlvl);
  }
  return rlen !== 0 ? messy(c, f, p, rlen, 'oper') : 0;
}

/** otlv_print: an operation TLV at `at`. */
function operation(c: PrintContext, f: Forces, at: number, indent: number): number {
  const t = f.at(at), type = t.tlvType, value = t.tlvValueStart;
  const tll = t.tlvLength - TLV;
  const op = type > 14 ? OPERATIONS[0]! : OPERATIONS[type]!;
  if (c.o.verbose >= 3) c.write(`${ind(indent, false)}Oper TLV ${op.name}(0x${hex(type)}) length ${f.at(at).tlvLength}\n`);
  // The rest of an operation holds at least a path-data header and an ID.
  if (tll < 8) {
    const n = f.at(at).tlvLength;
    c.write(`\t\tOper TLV ${op.name}(0x${hex(type)}) length ${n}\n`);
    c.write(`\t\tTruncated data size ${tll} minimum required 8\n`);
    return invalidOperation(c, f, value, tll, op.ops, indent);
  }
  return op.print !== undefined ? op.print(c, f, value, tll, op.ops, indent + 1) : 0;
}

/** invoptlv_print: with -vvv, the bytes in hex. */
function invalidOperation(c: PrintContext, f: Forces, at: number, len: number, _opMask: number, indent: number): number {
  const ib = ind(indent, true);
  if (c.o.verbose >= 3) {
    c.write(`${ib.slice(1)}Data[`);
    hexOut(c, ib, at, len);
    c.write(`${ib}]\n`);
  }
  return -1;
}

/** genoptlv_print: the TLV of an RCommit operation, then its path data. */
function genericOperation(c: PrintContext, f: Forces, at: number, len: number, opMask: number, indent: number): number {
  const t = f.at(at), type = t.tlvType, tlvl = t.tlvLength;
  const invalid = xlvInvalid(tlvl, len, TLV);
  const ib = ind(indent, false);
  c.write(`genoptlvprint - ${tok(TLV_NAMES, type)} TLV type 0x${hex(type)} len ${tlvl}\n`);
  if (invalid !== 0) { c.write(`\t\t\tInvalid ForCES TLV type=${hex(type)}`); return -1; }
  if (!topTlvValid(type)) { c.write(`${tok(TLV_ERRORS, invalid)} TLV type 0x${hex(type)} len ${tlvl}\n`); return -1; }
  if (c.o.verbose >= 3) c.write(`${ib}${tok(TLV_NAMES, type)}, length ${tlvl} (data length ${tlvl - TLV} Bytes)`);
  return pathData(c, f, t.tlvValueStart, tlvl - TLV, opMask, indent + 1);
}

/** recpdoptlv_print: PATH-DATA TLVs, each a path-data header and what follows it. */
function pathDataTlvs(c: PrintContext, f: Forces, at: number, len: number, opMask: number, indent: number): number {
  while (len !== 0) {
    const t = f.at(at), tlvl = t.tlvLength;
    if (xlvInvalid(tlvl, len, TLV) !== 0) break;
    const type = t.tlvType, value = t.tlvValueStart;
    if (c.o.verbose >= 3) c.write(`${ind(indent, false)}${tok(TLV_NAMES, type)}, length ${tlvl} (data encapsulated ${tlvl - TLV} Bytes)`);
    if (pathData(c, f, value, tlvl - TLV, opMask, indent + 1) === -1) return -1;
    len -= forcesAlign(tlvl);
    at += forcesAlign(tlvl);
  }
  return len !== 0 ? messy(c, f, at, len, 'PATHDATA') : 0;
}

/** pdata_print: a path-data header (flags, ID count), the IDs, then the data or more path data. */
function pathData(c: PrintContext, f: Forces, at: number, len: number, opMask: number, indent: number): number {
  const ib = ind(indent, false);
  const h = f.at(at);
  if (!h.has(FORCES_PATH_HEADER_LENGTH) || len < FORCES_PATH_HEADER_LENGTH) { c.truncMark(); return -1; }
  if (c.o.verbose >= 3) c.write(`\n${ib}Pathdata: Flags 0x${hex(h.pathFlags)} ID count ${h.pathIdCount}\n`);
  const pflags = h.pathFlags;
  if (pflags & 1) opMask |= B_KEYIN;
  if (pflags & 2) opMask |= B_TRNG;
  if (pflags & 4) opMask |= B_APPND;
  const ids = h.pathIdCount, start = h.pathIdsStart;
  len -= FORCES_PATH_HEADER_LENGTH;
  const minsize = ids * FORCES_ID_LENGTH;
  if (len < minsize) {
    c.write(`\t\t\ttruncated IDs expected ${minsize}B got ${len}B\n`);
    hexOut(c, '\t\t\tID Data[', start, len);
    c.write(']\n');
    return -1;
  }
  if ((opMask & B_TRNG) && (opMask & B_KEYIN)) { c.write('\t\t\tIllegal to have both Table ranges and keys\n'); return -1; }
  const more = pathDataContent(c, f, start, len, ids, opMask, indent);
  if (more > 0) return pathDataTlvs(c, f, start + (len - more), more, opMask, indent + 1);
  return 0;
}

/** pdatacnt_print: the IDs, a table range or key, then one data TLV; returns the bytes left, or −1. */
function pathDataContent(c: PrintContext, f: Forces, at: number, len: number, ids: number, opMask: number, indent: number): number {
  const ib = ind(indent, false);
  if ((opMask & B_APPND) && c.o.verbose >= 3) c.write(`${ib}TABLE APPEND\n`);
  for (let i = 0; i < ids; i++) {
    const id = f.at(at);
    if (!id.has(FORCES_ID_LENGTH) || len < FORCES_ID_LENGTH) { c.truncMark(); return -1; }
    const n = id.word;
    if (c.o.verbose >= 3) c.write(`${ib}ID#${String(i + 1).padStart(2, '0')}: ${n}\n`);
    len -= FORCES_ID_LENGTH;
    at += FORCES_ID_LENGTH;
  }
  if (opMask & (B_TRNG | B_KEYIN)) {
    if (opMask & B_TRNG) {
      if (len < FORCES_PATH_DESCRIPTOR_LENGTH) { c.write(`pathlength ${len} with key/range too short ${FORCES_PATH_DESCRIPTOR_LENGTH}\n`); return -1; }
      const r = f.at(at), first = r.rangeStart, last = r.rangeEnd;
      at += FORCES_PATH_DESCRIPTOR_LENGTH;
      len -= FORCES_PATH_DESCRIPTOR_LENGTH;
      if (c.o.verbose >= 3) c.write(`${ib}Table range: [${first},${last}]\n`);
    }
    if (opMask & B_KEYIN) {
      if (len < FORCES_PATH_DESCRIPTOR_LENGTH) { c.write(`pathlength ${len} with key/range too short ${FORCES_PATH_DESCRIPTOR_LENGTH}\n`); return -1; }
      let tll = f.at(at).keyContentLength;
      at += FORCES_KEY_HEADER_LENGTH;
      len -= FORCES_KEY_HEADER_LENGTH;
      if (tll < TLV) { c.write(`key content length ${tll} < ${TLV}\n`); return -1; }
      tll -= TLV;
      if (len < tll) { c.write('key content too short\n'); return -1; }
      at += tll;
      len -= tll;
    }
  }
  if (len !== 0) {
    const t = f.at(at), type = t.tlvType, tlvl = t.tlvLength;
    const invalid = xlvInvalid(tlvl, len, TLV);
    if (invalid !== 0) {
      c.write(`${tok(TLV_ERRORS, invalid)} Outstanding bytes ${len} for TLV type 0x${hex(type)} TLV len ${tlvl}\n`);
      return badData(c, at, len, tlvl);
    }
    const tll = tlvl - TLV, aln = forcesAlign(tlvl);
    let pad = 0;
    if (aln > tlvl) {
      if (aln > len) c.write(`Invalid padded pathdata TLV type 0x${hex(type)} len ${tlvl} missing ${aln - len} pad bytes\n`);
      else pad = aln - tlvl;
    }
    const data = type >= F_TLV_PDAT && type <= F_TLV_REST ? PATH_DATA.get(type)! : undefined;
    if (data === undefined) {
      c.write(`Invalid path data content type 0x${hex(type)} len ${tlvl}\n`);
      return badData(c, at, len, tlvl);
    }
    if (c.o.verbose >= 3 && type !== F_TLV_PDAT) {
      c.write(pad ? `${ib}  ${data.name} (Length ${tlvl} DataLen ${tll} pad ${pad} Bytes)\n` : `${ib}  ${data.name} (Length ${tlvl} DataLen ${tll} Bytes)\n`);
    }
    checkEncoding(c, type, opMask, data.ops);
    if (data.print!(c, f, at, tll + pad + TLV, opMask, indent + 2) === -1) return -1;
    len -= TLV + pad + tll;
  }
  return len;
}

/** pdatacnt_print's pd_err: the bytes in hex, unless the TLV's length is 0 (then what is left goes back). */
function badData(c: PrintContext, at: number, len: number, tlvl: number): number {
  if (tlvl === 0) return len;
  hexOut(c, 'Bad Data val\n\t  [', at, len);
  c.write(']\n');
  return -1;
}

/** chk_op_type: a data TLV the path flags or the operation do not allow. */
function checkEncoding(c: PrintContext, type: number, mask: number, allowed: number): void {
  if (type === F_TLV_PDAT) return;
  if (mask & B_KEYIN) {
    if (type !== F_TLV_KEYI) c.write('Based on flags expected KEYINFO TLV!\n');
  } else if (!(mask & allowed)) {
    c.write(`Illegal DATA encoding for type 0x${hex(type)} programmed ${hex(allowed)} got ${hex(mask)}\n`);
  }
}

/** prestlv_print: a RESULT TLV at `at` (`len` with its header and padding). */
function result(c: PrintContext, f: Forces, at: number, len: number, _opMask: number, indent: number): number {
  const dlen = (len - TLV) >>> 0;
  if (dlen !== 4) { c.write(`illegal RESULT-TLV: ${dlen} bytes!\n`); return -1; }
  const r = f.at(f.at(at).tlvValueStart);
  if (!r.has(4)) { c.truncMark(); return -1; }
  const code = r.resultCode;
  if (code >= 0x18 && code <= 0xfe) { c.write(`illegal reserved result code: 0x${hex(code)}!\n`); return -1; }
  if (c.o.verbose >= 3) c.write(`${ind(indent, false)}  Result: ${code === 0xff ? 'UNSPECIFIED ERROR' : RESULTS[code]!} (code 0x${hex(code)})\n`);
  return 0;
}

/** fdatatlv_print: a FULLDATA TLV at `at`, its value in hex with -vvv. */
function fullData(c: PrintContext, f: Forces, at: number, len: number, _opMask: number, indent: number): number {
  const rlen = (len - TLV) >>> 0;
  const t = f.at(at);
  if (!t.has(TLV)) { c.truncMark(); return -1; }
  if (t.tlvType !== F_TLV_FULD) { c.write('Error: expecting FULLDATA!\n'); return -1; }
  if (c.o.verbose >= 3) {
    const ib = ind(indent + 2, true);
    c.write(`${ib.slice(1)}[`);
    hexOut(c, ib, t.tlvValueStart, rlen);
    c.write(`\n${ib.slice(1)}]`);
  }
  return 0;
}

/** sdatatlv_print: a SPARSEDATA TLV at `at`: its ILVs. */
function sparseDataTlv(c: PrintContext, f: Forces, at: number, len: number, opMask: number, indent: number): number {
  const rlen = (len - TLV) >>> 0;
  const t = f.at(at);
  if (!t.has(TLV)) { c.truncMark(); return -1; }
  if (t.tlvType !== F_TLV_SPAD) { c.write('Error: expecting SPARSEDATA!\n'); return -1; }
  return sparseData(c, f, t.tlvValueStart, rlen, opMask, indent);
}

/** sdatailv_print: ILVs, each with -vvv its type, length and value in hex. */
function sparseData(c: PrintContext, f: Forces, at: number, len: number, _opMask: number, indent: number): number {
  if (len < FORCES_ILV_HEADER_LENGTH) { c.write('Error: BAD SPARSEDATA-TLV!\n'); return -1; }
  let rlen = len;
  indent += 1;
  while (rlen !== 0) {
    const ib = ind(indent, true);
    const e = f.at(at);
    const invalid = rlen < FORCES_ILV_HEADER_LENGTH ? 1 : xlvInvalid(e.ilvLength, rlen, FORCES_ILV_HEADER_LENGTH);
    if (invalid !== 0) { c.write(`Error: ${tok(TLV_ERRORS, invalid)}, rlen ${rlen}\n`); return -1; }
    if (c.o.verbose >= 3) {
      const ilvl = e.ilvLength;
      c.write(`\n${ib.slice(1)} ILV: type ${hex(e.ilvType)} length ${ilvl}\n`);
      hexOut(c, '\t\t[', e.ilvValueStart, ilvl - FORCES_ILV_HEADER_LENGTH);
    }
    const n = forcesAlign(e.ilvLength);
    rlen -= n;
    at += n;
  }
  return 0;
}

/** pkeyitlv_print: a KEYINFO TLV at `at`: the key's ID, then its FULLDATA. */
function keyInfo(c: PrintContext, f: Forces, at: number, len: number, opMask: number, indent: number): number {
  const value = f.at(at).tlvValueStart;
  const id = f.at(value).keyId;
  c.write(`${ind(indent, false)}Keyinfo: Key 0x${hex(id)}\n`);
  const k = f.at(value + FORCES_ID_LENGTH), type = k.tlvType, tll = k.tlvLength;
  const invalid = xlvInvalid(tll, len, TLV);
  if (invalid !== 0) { c.write(`${tok(TLV_ERRORS, invalid)} TLV type 0x${hex(type)} len ${tll}\n`); return -1; }
  // tcpdump hands fdatatlv_print the key TLV's value, whose first bytes it then reads as a TLV header.
  return fullData(c, f, k.tlvValueStart, tll, opMask, indent);
}

/** asttlv_print: an Association TearDown's reason. */
function teardownReason(c: PrintContext, f: Forces, at: number, len: number, _opMask: number, indent: number): number {
  const ib = ind(indent, false);
  const dlen = (len - TLV) >>> 0;
  if (dlen !== 4) { c.write(`illegal ASTresult-TLV: ${dlen} bytes!\n`); return -1; }
  const code = f.at(at).word;
  if (code > 255) { c.write(`illegal ASTresult result code: ${code}!\n`); return -1; }
  if (c.o.verbose >= 3) {
    const reasons = ['Normal Teardown', 'Loss of Heartbeats', 'Out of bandwidth', 'Out of Memory', 'Application Crash'];
    c.write(`Teardown reason:\n${ib}${reasons[code] ?? 'Unknown Teardown reason'}(${hex(code)})\n${ib}`);
  }
  return 0;
}

/** asrtlv_print: an Association Response's result. */
function setupResult(c: PrintContext, f: Forces, at: number, len: number, _opMask: number, indent: number): number {
  const ib = ind(indent, false);
  const dlen = (len - TLV) >>> 0;
  if (dlen !== 4) { c.write(`illegal ASRresult-TLV: ${dlen} bytes!\n`); return -1; }
  const code = f.at(at).word;
  if (code > 3) { c.write(`illegal ASRresult result code: ${code}!\n`); return -1; }
  if (c.o.verbose >= 3) {
    const results = ['Success ', 'FE ID invalid ', 'permission denied '];
    c.write(`\n${ib}${results[code] ?? 'Unknown '}(${hex(code)})\n${ib}`);
  }
  return 0;
}

/** redirect_print: a Packet Redirect's METADATA and REDIRECTDATA TLVs. */
function redirect(c: PrintContext, f: Forces, at: number, len: number, _opMask: number, indent: number): number {
  const dlen = (len - TLV) >>> 0;
  if (dlen <= 8) { c.write(`\n\t\ttruncated Redirect TLV: ${(8 - dlen) >>> 0} bytes missing! `); return -1; }
  let rlen = dlen;
  indent += 1;
  while (rlen !== 0) {
    const t = f.at(at), type = t.tlvType, tlvl = t.tlvLength;
    if (xlvInvalid(tlvl, rlen, TLV) !== 0) { c.write('Bad Redirect data\n'); break; }
    const value = t.tlvValueStart;
    if (type === F_TLV_METD) metadata(c, f, value, tlvl, indent);
    else if (type === F_TLV_REDD) redirectData(c, value, tlvl, indent);
    else c.write(`Unknown REDIRECT TLV 0x${hex(type)} len ${tlvl}\n`);
    rlen -= forcesAlign(tlvl);
    at += forcesAlign(tlvl);
  }
  return rlen !== 0 ? messy(c, f, at, rlen, 'Redirect') : 0;
}

/** print_metatlv: a METADATA TLV's ILVs (MetaID, length, with -vvv the value). */
function metadata(c: PrintContext, f: Forces, at: number, len: number, indent: number): void {
  let rlen = len - TLV;
  c.write(`\n${ind(indent, false)} METADATA length ${rlen}\n`);
  while (rlen !== 0) {
    const e = f.at(at);
    if ((rlen < FORCES_ILV_HEADER_LENGTH ? 1 : xlvInvalid(e.ilvLength, rlen, FORCES_ILV_HEADER_LENGTH)) !== 0) break;
    const n = e.ilvLength;
    c.write(`${ind(indent + 1, false)}MetaID 0x${hex(e.ilvType)} length ${n}\n`);
    if (c.o.verbose >= 3) {
      hexOut(c, '\t\t[', e.ilvValueStart, n - FORCES_ILV_HEADER_LENGTH);
      c.write(' ]\n');
    }
    rlen -= forcesAlign(n);
    at += forcesAlign(n);
  }
}

/** print_reddata: a REDIRECTDATA TLV's length, with -vvv its bytes. */
function redirectData(c: PrintContext, at: number, len: number, indent: number): void {
  const rlen = len - TLV;
  c.write(`\n${ind(indent, false)} Redirect Data length ${rlen}\n`);
  if (c.o.verbose >= 3) {
    c.write('\t\t[');
    hexOut(c, '\n\t\t', at, rlen);
    c.write('\n\t\t]');
  }
}
