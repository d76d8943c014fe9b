/** IS-IS, ISO 10589 (tcpdump's print-isoclns.c isis_print). */
import type { PrintContext } from './context.js';
import { ouiName } from './names.js';
import { cFixed } from './util-print.js';
import { bitNames, printJnp, tokName, unknownData, type Tok } from './tok.js';
import { nlpidNames, osiChecksumText } from './osi.js';
import {
  ISIS_COMMON_HEADER_LENGTH, LSP_ID_LENGTH, NODE_ID_LENGTH, SYSTEM_ID_LENGTH, isisPduHeaderLength, type Isis, type IsisTlv,
} from '../../decoders/isis.js';

const pduNames: Tok = [
  [15, 'L1 Lan IIH'], [16, 'L2 Lan IIH'], [17, 'p2p IIH'], [18, 'L1 LSP'], [20, 'L2 LSP'], [24, 'L1 CSNP'], [25, 'L2 CSNP'], [26, 'L1 PSNP'], [27, 'L2 PSNP'],
];
const tlvNames: Tok = [
  [1, 'Area address(es)'], [2, 'IS Reachability'], [3, 'ES Neighbor(s)'], [4, 'Partition DIS'], [5, 'Prefix Neighbors'], [6, 'IS Neighbor(s)'],
  [7, 'Instance Identifier'], [8, 'Padding'], [9, 'LSP entries'], [10, 'Authentication'], [12, 'Checksum'], [13, 'Purge Originator Identifier'],
  [14, 'LSP Buffersize'], [22, 'Extended IS Reachability'], [24, 'IS Alias ID'], [42, 'DECnet Phase IV'], [66, 'Lucent Proprietary'],
  [128, 'IPv4 Internal Reachability'], [129, 'Protocols supported'], [130, 'IPv4 External Reachability'], [131, 'Inter-Domain Information Type'],
  [132, 'IPv4 Interface address(es)'], [133, 'IPv4 authentication (deprecated)'], [134, 'Traffic Engineering Router ID'],
  [135, 'Extended IPv4 Reachability'], [138, 'Shared Risk Link Group'], [143, 'Multi-Topology-Aware Port Capability'],
  [144, 'Multi-Topology Capability'], [176, 'Nortel Proprietary'], [177, 'Nortel Proprietary'], [137, 'Hostname'], [211, 'Restart Signaling'],
  [222, 'Multi Topology IS Reachability'], [229, 'Multi Topology'], [232, 'IPv6 Interface address(es)'], [235, 'Multi-Topology IPv4 Reachability'],
  [236, 'IPv6 reachability'], [237, 'Multi-Topology IP6 Reachability'], [240, 'Point-to-point Adjacency State'], [241, 'Hello PDU Sequence Number'],
  [242, 'IS-IS Router Capability'], [250, 'Vendor Private'],
];
const routerCapFlags: Tok = [[0x01, 'S bit'], [0x02, 'D bit']];
const routerCapSubTlvs: Tok = [[2, 'SR-Capabilities']];
const srFlags: Tok = [[0x80, 'ipv4'], [0x40, 'ipv6']];
const extIsSubTlvs: Tok = [
  [3, 'Administrative groups'], [4, 'Link Local/Remote Identifier'], [5, 'Link Remote Identifier'], [6, 'IPv4 interface address'],
  [8, 'IPv4 neighbor address'], [9, 'Maximum link bandwidth'], [10, 'Reservable link bandwidth'], [11, 'Unreserved bandwidth'],
  [18, 'Traffic Engineering Metric'], [19, 'Link Attribute'], [20, 'Link Protection Type'], [21, 'Interface Switching Capability'],
  [12, 'Bandwidth Constraints (old)'], [22, 'Bandwidth Constraints'], [32, 'LAN Adjacency Segment Identifier'], [29, 'SPB Metric'],
  [250, 'Reserved for cisco specific extensions'], [251, 'Reserved for cisco specific extensions'], [252, 'Reserved for cisco specific extensions'],
  [253, 'Reserved for cisco specific extensions'], [254, 'Reserved for cisco specific extensions'], [255, 'Reserved for future expansion'],
];
const extIpSubTlvs: Tok = [[1, '32-Bit Administrative tag'], [2, '64-Bit Administrative tag'], [3, 'Prefix SID'], [117, 'Management Prefix Color']];
const prefixSidFlags: Tok = [[0x80, 'Readvertisement'], [0x40, 'Node'], [0x20, 'No-PHP'], [0x10, 'Explicit NULL'], [0x08, 'Value'], [0x04, 'Local']];
const prefixSidAlgos: Tok = [[0, 'SPF'], [1, 'strict-SPF']];
const linkAttributes: Tok = [[0x01, 'Local Protection Available'], [0x02, 'Link excluded from local protection path'], [0x04, 'Local maintenance required']];
const lanAdjSidFlags: Tok = [
  [0x80, 'Address family IPv6'], [0x40, 'Backup'], [0x20, 'Value'], [0x10, 'Local significance'], [0x08, 'Set of adjacencies'], [0x04, 'Persistent'],
];
const authTypes: Tok = [[1, 'simple text password'], [3, 'Generic Crypto key-id'], [54, 'HMAC-MD5 password'], [255, 'Routing Domain private password']];
const idrpTypes: Tok = [[0, 'Reserved'], [1, 'Routing-Domain Specific'], [2, 'AS Number Tag']];
const mtPortCapSubTlvs: Tok = [[4, 'SPB MCID'], [5, 'SPB Digest'], [6, 'SPB BVID']];
const mtCapSubTlvs: Tok = [[1, 'SPB Instance'], [3, 'SPBM Service Identifier and Unicast Address']];
const mtFlags: Tok = [[0x4000, 'ATT bit set'], [0x8000, 'Overload bit set']];
const mtIds: Tok = [[0, 'IPv4 unicast'], [1, 'In-Band Management'], [2, 'IPv6 unicast'], [3, 'Multicast'], [4095, 'Development, Experimental or Proprietary']];
const circuitTypes: Tok = [[1, 'Level 1 only'], [2, 'Level 2 only'], [3, 'Level 1, Level 2']];
const lspIsTypes: Tok = [[0, 'Unused 0x0 (invalid)'], [1, 'L1 IS'], [2, 'Unused 0x2 (invalid)'], [3, 'L2 IS']];
const ptpAdjacency: Tok = [[0, 'Up'], [1, 'Initializing'], [2, 'Down']];
const isReachVirtual: Tok = [[0, 'IsNotVirtual'], [1, 'IsVirtual']];
const restartFlags: Tok = [[0x1, 'Restart Request'], [0x2, 'Restart Acknowledgement'], [0x4, 'Suppress adjacency advertisement']];
const linkProtection: Tok = [
  [0x01, 'Extra Traffic'], [0x02, 'Unprotected'], [0x04, 'Shared'], [0x08, 'Dedicated 1:1'], [0x10, 'Dedicated 1+1'], [0x20, 'Enhanced'], [0x40, 'Reserved'], [0x80, 'Reserved'],
];
const switchCaps: Tok = [
  [1, 'Packet-Switch Capable-1'], [2, 'Packet-Switch Capable-2'], [3, 'Packet-Switch Capable-3'], [4, 'Packet-Switch Capable-4'],
  [51, 'Layer-2 Switch Capable'], [100, 'Time-Division-Multiplex'], [150, 'Lambda-Switch Capable'], [200, 'Fiber-Switch Capable'],
];
const tscIndication: Tok = [[0, 'Standard SONET/SDH'], [1, 'Arbitrary SONET/SDH']];
const encodings: Tok = [
  [1, 'Packet'], [2, 'Ethernet V2/DIX'], [3, 'ANSI/ETSI PDH'], [4, 'Reserved'], [5, 'SDH ITU-T G.707/SONET ANSI T1.105'], [6, 'Reserved'],
  [7, 'Digital Wrapper'], [8, 'Lambda (photonic)'], [9, 'Fiber'], [10, 'Reserved'], [11, 'FiberChannel'],
];
const bcModels: Tok = [[0, 'Russian dolls'], [1, 'Maximum allocation'], [254, 'Maximum allocation with E-LSP support']];

/** Bytes of fixed structures inside TLVs. */
const METRIC_BLOCK = 4, IS_REACH_ENTRY = 11, ES_REACH_ENTRY = 10, IP_REACH_ENTRY = 12, LSP_ENTRY = 16;
const SPB_MCID = 51, SPB_MCID_MIN = 102, SPB_DIGEST_MIN = 33, SPB_INSTANCE_MIN = 19, SPB_VLAN_TUPLE = 8;

const hex = (v: number, n: number): string => v.toString(16).padStart(n, '0');
/** `%.3f Mbps` of a TE bandwidth in bytes per second, computed in single precision as tcpdump's float. */
const mbps = (bw: number): string => cFixed(Math.fround(Math.fround(bw * 8) / 1000000), 3);
/** `%15s`. */
const pad15 = (s: string): string => s.padStart(15);

/** The unwinding tcpdump does with its `goto trunc` in isis_print: ` [|isis]`, then the printer returns. */
class Trunc { }
const TRUNC = new Trunc();

/** IS-IS PDU `isis`, `length` bytes on the wire; tcpdump dumps the PDU when its printer gives up. */
export function printIsis(c: PrintContext, isis: Isis, length: number): void {
  let ok: boolean;
  try {
    ok = isisPrint(c, isis, length);
  } catch (e) {
    if (e !== TRUNC) throw e;
    c.truncMark();
    ok = true;
  }
  if (!ok) unknownData(c, '\n\t', isis.off, length);
}

/** isis_print; false where tcpdump's returns 0. Throws TRUNC for its `goto trunc`. */
function isisPrint(c: PrintContext, isis: Isis, length: number): boolean {
  c.protocol = 'isis';
  const v = c.o.verbose, e = c.o.linkHeader;
  if (!isis.has(ISIS_COMMON_HEADER_LENGTH)) throw TRUNC;
  if (length < ISIS_COMMON_HEADER_LENGTH) throw TRUNC;
  if (!e) c.write('IS-IS');
  const version = isis.version;
  if (version !== 1) { c.write(`version ${version} packet not supported`); return false; }
  const pduIdLength = isis.idLength;
  if (pduIdLength !== 6 && pduIdLength !== 0) { c.write(`system ID length of ${pduIdLength} is not supported`); return false; }
  const pduVersion = isis.pduVersion;
  if (pduVersion !== 1) { c.write(`version ${pduVersion} packet not supported`); return false; }
  const fixed = isis.fixedLength;
  if (length < fixed) { c.write(`fixed header length ${fixed} > packet length ${length}`); return false; }
  if (fixed < ISIS_COMMON_HEADER_LENGTH) { c.write(`fixed header length ${fixed} < minimum header size ${ISIS_COMMON_HEADER_LENGTH}`); return false; }
  const pduMaxArea = isis.maxAreas;
  if (pduMaxArea === 255) { c.write('bad packet -- 255 areas'); return false; }
  const maxArea = pduMaxArea === 0 ? 3 : pduMaxArea;
  const idLength = pduIdLength === 0 ? 6 : pduIdLength;
  // The whole byte, as tcpdump reads it: a PDU with a reserved bit set is an unknown type.
  const type = isis.pduTypeByte;
  if (v === 0) {
    c.write(`${e ? '' : ', '}${tokName(pduNames, `unknown PDU-Type ${type}`, type)}`);
  } else {
    c.write(`${e ? '' : ', '}length ${length}`);
    c.write(`\n\t${tokName(pduNames, `unknown, type ${type}`, type)}, hlen: ${fixed}, v: ${version}, pdu-v: ${pduVersion}, ` +
      `sys-id-len: ${idLength} (${pduIdLength}), max-area: ${maxArea} (${pduMaxArea})`);
    if (v > 1) unknownData(c, '\n\t', isis.off, ISIS_COMMON_HEADER_LENGTH);
  }
  const header = isisPduHeaderLength(type), full = ISIS_COMMON_HEADER_LENGTH + header;
  let packetLen = length;
  const bogus = (): boolean => {
    c.write(`${type === 26 || type === 27 ? '- ' : ', '}bogus fixed header length ${fixed} should be ${type === 18 || type === 20 ? header : full}`);
    return false;
  };
  const headerCaptured = (): void => { if (!isis.has(full)) throw TRUNC; if (length < full) throw TRUNC; };
  if (header === 0) {
    if (v === 0) { c.write(`, length ${length}`); return true; }
    unknownData(c, '\n\t  ', isis.off + ISIS_COMMON_HEADER_LENGTH, length);
    return false;
  }
  if (fixed !== full) return bogus();
  headerCaptured();
  const lan = type === 15 || type === 16, lsp = type === 18 || type === 20;
  // Without -v, one line: the PDU's identity and its length.
  if (v === 0) {
    if (lan) c.write(`, src-id ${isis.helloSourceId}, lan-id ${isis.lanId}, prio ${isis.priority}`);
    else if (type === 17) c.write(`, src-id ${isis.helloSourceId}`);
    else if (lsp) c.write(`, lsp-id ${isis.lspId}, seq 0x${hex(isis.sequenceNumber, 8)}, lifetime ${String(isis.remainingLifetime).padStart(5)}s`);
    else c.write(`, src-id ${isis.snpSourceId}`);
    c.write(`, length ${length}`);
    return true;
  }
  // TLVs are decoded as far as the PDU length says, when it is shorter than the packet.
  const pduLen = type <= 17 ? isis.helloPduLength : lsp ? isis.lspPduLength : isis.snpPduLength;
  if (packetLen > pduLen) { packetLen = pduLen; length = pduLen; }
  if (lan || type === 17) {
    c.write(`\n\t  source-id: ${isis.helloSourceId},${lan ? '  ' : ' '}holding time: ${isis.holdingTime}s, Flags: [${circuitTypeText(isis.circuitType)}]`);
    if (lan) c.write(`\n\t  lan-id:    ${isis.lanId}, Priority: ${isis.priority & 0x7f}, PDU length: ${pduLen}`);
    else c.write(`\n\t  circuit-id: 0x${hex(isis.circuitId, 2)}, PDU length: ${pduLen}`);
  } else if (lsp) {
    const checksum = isis.lspChecksum;
    c.write(`\n\t  lsp-id: ${isis.lspId}, seq: 0x${hex(isis.sequenceNumber, 8)}, lifetime: ${String(isis.remainingLifetime).padStart(5)}s\n\t  chksum: 0x${hex(checksum, 4)}`);
    // The checksum covers the LSP from its ID (byte 12) to the end of the PDU.
    c.write(osiChecksumText(checksum, 12, length - 12, isis.has(length), () => isis.expectedChecksum(12, 12, length - 12)));
    const f = isis.lspFlags;
    c.write(`, PDU length: ${pduLen}, Flags: [ ${f & 0x4 ? 'Overload bit set, ' : ''}`);
    if (f & 0x78) {
      c.write(`${f & 0x8 ? 'default ' : ''}${f & 0x10 ? 'delay ' : ''}${f & 0x20 ? 'expense ' : ''}${f & 0x40 ? 'error ' : ''}ATT bit set, `);
    }
    c.write(`${f & 0x80 ? 'P bit set, ' : ''}${tokName(lspIsTypes, `Unknown(0x${(f & 3).toString(16)})`, f & 3)} ]`);
  } else {
    c.write(`\n\t  source-id:    ${isis.snpSourceId}, PDU length: ${pduLen}`);
    if (type <= 25) c.write(`\n\t  start lsp-id: ${isis.startLspId}\n\t  end lsp-id:   ${isis.endLspId}`);
  }
  if (v > 1) unknownData(c, '\n\t  ', isis.off + ISIS_COMMON_HEADER_LENGTH, header);
  // INVALID_OR_DECREMENT.
  if (packetLen < full) { c.write(` [packet length ${packetLen} < ${full}]`); c.invalid(); return true; }
  packetLen -= full;
  return printTlvs(c, isis, length, packetLen, full);
}

function circuitTypeText(t: number): string { return tokName(circuitTypes, `unknown circuit type 0x${hex(t, 2)}`, t); }

/** The TLVs after the fixed header (the second half of isis_print). */
function printTlvs(c: PrintContext, isis: Isis, length: number, packetLen: number, full: number): boolean {
  const v = c.o.verbose;
  const t = isis.tlv;
  let pos = isis.off + full;
  while (packetLen > 0) {
    t.point(pos, isis.end);
    if (!t.has(2)) throw TRUNC;
    if (packetLen < 2) throw TRUNC;
    const type = t.type, tlvLen = t.valueLength;
    packetLen -= 2;
    c.write(`\n\t    ${tokName(tlvNames, 'unknown', type)} TLV #${type}, length: ${tlvLen}`);
    if (packetLen < tlvLen) throw TRUNC;
    const r = printTlv(c, isis, t, type, tlvLen, length);
    if (r === 'return1') return true;
    if (r === 'return0') return false;
    if (v > 1) unknownData(c, '\n\t      ', t.valueStart, tlvLen);
    pos += 2 + tlvLen;
    packetLen -= tlvLen;
  }
  if (packetLen !== 0) c.write(`\n\t      ${packetLen} straggler bytes`);
  return true;
}

/** The old-style metric block at `at` after what precedes it on the line (isis_print_metric_block). */
function metricBlock(c: PrintContext, t: IsisTlv, pos: number): void {
  const m = (i: number): number => t.metricBlock(pos, i);
  c.write(`, Default Metric: ${m(0) & 0x3f}, ${m(0) & 0x40 ? 'External' : 'Internal'}`);
  const names = ['', 'Delay', 'Expense', 'Error'];
  for (let i = 1; i < 4; i++) {
    if (!(m(i) & 0x80)) c.write(`\n\t\t  ${names[i]!} Metric: ${m(i) & 0x3f}, ${m(i) & 0x40 ? 'External' : 'Internal'}`);
  }
}

/**
 * One TLV's value (the switch of isis_print): 'next' to go on (the -vv dump and the next TLV),
 * 'return1'/'return0' for tcpdump's early returns from isis_print. Its `tlv_trunc` is 'next'.
 */
function printTlv(c: PrintContext, isis: Isis, t: IsisTlv, type: number, tlvLen: number, length: number): 'next' | 'return1' | 'return0' {
  const v = c.o.verbose;
  let tlen = tlvLen, pos = 0;
  switch (type) {
    case 1:
      while (tlen !== 0) {
        const alen = t.lengthAt(pos);
        pos++; tlen--;
        if (tlen < alen) return 'next';
        c.write(`\n\t      Area address (length: ${alen}): ${t.nsap(pos, alen)}`);
        pos += alen; tlen -= alen;
      }
      break;
    case 6:
      while (tlen !== 0) {
        if (tlen < 6) return 'next';
        if (!t.hasAt(pos, 6)) throw TRUNC;
        c.write(`\n\t      SNPA: ${t.id(pos, 6)}`);
        tlen -= 6; pos += 6;
      }
      break;
    case 7: {
      if (tlen < 4) return 'next';
      const n = Math.floor((tlen - 2) / 2);
      c.write(`\n\t      Instance ID: ${t.instanceId}, ITIDs(${n})${n ? ':' : ''} `);
      for (let i = 0; i < n; i++) { c.write(String(t.itid(i))); if (i < n - 1) c.write(', '); }
      break;
    }
    case 8:
      break;
    case 222: case 24: case 22: {
      if (type === 222) {
        const mt = printMtId(c, t, pos, tlen);
        if (mt === 0) throw TRUNC;
        pos += mt; tlen -= mt;
      }
      while (tlen !== 0) {
        const n = printExtIsReach(c, t, pos, type, tlen);
        if (n === 0) throw TRUNC;
        if (tlen < n) { c.write(` [remaining tlv length ${tlen} < ${n}]`); c.invalid(); break; }
        tlen = (tlen - n) & 0xff; pos += n & 0xff;
      }
      break;
    }
    case 2:
      if (tlen < 1) return 'next';
      c.write(`\n\t      ${tokName(isReachVirtual, `bogus virtual flag 0x${hex(t.flagsAt(0), 2)}`, t.flagsAt(0))}`);
      pos++; tlen--;
      while (tlen !== 0) {
        if (tlen < IS_REACH_ENTRY) return 'next';
        if (!t.hasAt(pos, IS_REACH_ENTRY)) throw TRUNC;
        c.write(`\n\t      IS Neighbor: ${t.id(pos + METRIC_BLOCK, NODE_ID_LENGTH)}`);
        metricBlock(c, t, pos);
        tlen -= IS_REACH_ENTRY; pos += IS_REACH_ENTRY;
      }
      break;
    case 3:
      while (tlen !== 0) {
        if (tlen < ES_REACH_ENTRY) return 'next';
        if (!t.hasAt(pos, ES_REACH_ENTRY)) throw TRUNC;
        c.write(`\n\t      ES Neighbor: ${t.id(pos + METRIC_BLOCK, SYSTEM_ID_LENGTH)}`);
        metricBlock(c, t, pos);
        tlen -= ES_REACH_ENTRY; pos += ES_REACH_ENTRY;
      }
      break;
    case 128: case 130:
      if (!printIpReach(c, t, tlvLen)) return 'return1';
      break;
    case 135: case 235: case 236: case 237: {
      if (type === 235 || type === 237) {
        const mt = printMtId(c, t, pos, tlen);
        if (mt === 0) throw TRUNC;
        pos += mt; tlen -= mt;
      }
      while (tlen !== 0) {
        const n = printExtdIpReach(c, t, pos, type === 236 || type === 237);
        if (n === 0) throw TRUNC;
        if (tlen < n) { c.write(` [remaining tlv length ${tlen} < ${n}]`); c.invalid(); break; }
        tlen = (tlen - n) & 0xff; pos += n & 0xff;
      }
      break;
    }
    case 232:
      while (tlen !== 0) {
        if (tlen < 16) return 'next';
        c.write(`\n\t      IPv6 interface address: ${t.ipv6(pos)}`);
        pos += 16; tlen -= 16;
      }
      break;
    case 10: {
      if (tlen < 1) return 'next';
      const auth = t.typeAt(0);
      pos++; tlen--;
      c.write(`\n\t      ${tokName(authTypes, `unknown Authentication type 0x${hex(auth, 2)}`, auth)}: `);
      switch (auth) {
        case 1: printJnp(c, t, 2 + pos, tlen); break;
        case 54:
          for (let i = 0; i < tlen; i++) c.write(hex(t.valueByte(pos + i), 2));
          if (tlen !== 16) c.write(', (invalid subTLV) ');
          // vcap has no -M secret: tcpdump's signature_verify then says it cannot check.
          c.write(' (unchecked)');
          break;
        case 3: {
          if (tlen < 2) return 'next';
          c.write(`${t.short(pos)}, password: `);
          pos += 2; tlen -= 2;
          for (let i = 0; i < tlen; i++) c.write(hex(t.valueByte(pos + i), 2));
          break;
        }
        default:
          unknownData(c, '\n\t\t  ', t.valueStart + pos, tlen);
      }
      break;
    }
    case 240:
      if (tlen >= 1) { const s = t.flagsAt(0); c.write(`\n\t      Adjacency State: ${tokName(ptpAdjacency, 'unknown', s)} (${s})`); tlen--; }
      if (tlen > 4) { c.write(`\n\t      Extended Local circuit-ID: 0x${hex(t.long(1), 8)}`); tlen -= 4; }
      if (tlen >= 6) {
        if (!t.hasAt(5, 6)) throw TRUNC;
        c.write(`\n\t      Neighbor System-ID: ${t.id(5, SYSTEM_ID_LENGTH)}`);
        tlen -= 6;
      }
      if (tlen >= 4) c.write(`\n\t      Neighbor Extended Local circuit-ID: 0x${hex(t.long(11), 8)}`);
      break;
    case 129:
      c.write('\n\t      NLPID(s): ');
      while (tlen !== 0) {
        const id = t.valueByte(pos);
        c.write(`${tokName(nlpidNames, 'unknown', id)} (0x${hex(id, 2)})`);
        if (tlen > 1) c.write(', ');
        pos++; tlen--;
      }
      break;
    case 143: {
      if (tlen < 2) return 'next';
      const w = t.short(0);
      c.write(`\n\t       RES: ${w >> 12}, MTID(s): ${w & 0x0fff}`);
      pos += 2; tlen -= 2;
      if (tlen) printMtPortCapSubTlvs(c, t, pos, tlen);
      break;
    }
    case 144: {
      if (tlen < 2) return 'next';
      const w = t.short(0);
      c.write(`\n\t      O: ${(w >> 15) & 0x01}, RES: ${(w >> 12) & 0x07}, MTID(s): ${w & 0x0fff}`);
      pos += 2; tlen -= 2;
      if (tlen) printMtCapSubTlvs(c, t, pos, tlen);
      break;
    }
    case 134:
      if (tlen < 4) return 'next';
      c.write(`\n\t      Traffic Engineering Router ID: ${t.ipv4(0)}`);
      break;
    case 132:
      while (tlen !== 0) {
        if (tlen < 4) return 'next';
        c.write(`\n\t      IPv4 interface address: ${t.ipv4(pos)}`);
        pos += 4; tlen -= 4;
      }
      break;
    case 137:
      c.write('\n\t      Hostname: ');
      printJnp(c, t, 2, tlen);
      break;
    case 138:
      if (tlen < NODE_ID_LENGTH) break;
      if (!t.hasAt(0, NODE_ID_LENGTH)) throw TRUNC;
      c.write(`\n\t      IS Neighbor: ${t.id(0, NODE_ID_LENGTH)}`);
      pos += NODE_ID_LENGTH; tlen -= NODE_ID_LENGTH;
      if (tlen < 1) break;
      c.write(`, Flags: [${t.flagsAt(pos) & 1 ? 'numbered' : 'unnumbered'}]`);
      pos++; tlen--;
      if (tlen < 4) break;
      c.write(`\n\t      IPv4 interface address: ${t.ipv4(pos)}`);
      pos += 4; tlen -= 4;
      if (tlen < 4) break;
      c.write(`\n\t      IPv4 neighbor address: ${t.ipv4(pos)}`);
      pos += 4; tlen -= 4;
      while (tlen !== 0) {
        if (tlen < 4) return 'next';
        c.write(`\n\t      Link-ID: 0x${hex(t.long(pos), 8)}`);
        pos += 4; tlen -= 4;
      }
      break;
    case 9:
      while (tlen !== 0) {
        if (tlen < LSP_ENTRY) return 'next';
        if (!t.hasAt(pos + 2, LSP_ID_LENGTH)) throw TRUNC;
        c.write(`\n\t      lsp-id: ${t.entryLspId(pos)}`);
        c.write(`, seq: 0x${hex(t.entrySequence(pos), 8)}`);
        c.write(`, lifetime: ${String(t.entryLifetime(pos)).padStart(5)}s`);
        c.write(`, chksum: 0x${hex(t.entryChecksum(pos), 4)}`);
        tlen -= LSP_ENTRY; pos += LSP_ENTRY;
      }
      break;
    case 12: {
      if (tlen < 2) break;
      if (!t.hasAt(0, 2)) throw TRUNC;
      const sum = t.short(0);
      c.write(`\n\t      checksum: 0x${hex(sum, 4)} `);
      // The checksum TLV's sum covers the whole PDU, its own field counted as zero.
      const offset = t.valueStart - isis.off;
      c.write(osiChecksumText(sum, offset, length, isis.has(length) && isis.has(offset + 2), () => isis.expectedChecksum(0, offset, length)));
      break;
    }
    case 13: {
      if (tlen < 1) return 'next';
      const n = t.lengthAt(0);
      pos++; tlen--;
      if (n === 0) {
        c.write(' No system IDs supplied');
      } else {
        if (tlen < 6) return 'next';
        if (!t.hasAt(pos, 6)) throw TRUNC;
        c.write(`\n\t      Purge Originator System-ID: ${t.id(pos, SYSTEM_ID_LENGTH)}`);
        pos += 6; tlen -= 6;
        if (n > 1) {
          if (tlen < 6) return 'next';
          if (!t.hasAt(pos, 6) || !t.hasAt(pos, 13)) throw TRUNC;
          c.write(`\n\t      Received from System-ID: ${t.id(pos, SYSTEM_ID_LENGTH)}`);
        }
      }
      break;
    }
    case 229:
      while (tlen !== 0) {
        if (tlen !== 1) {
          const mt = printMtId(c, t, pos, tlen);
          if (mt === 0) throw TRUNC;
          pos += mt; tlen -= mt;
        } else {
          c.write('\n\t      invalid MT-ID');
          break;
        }
      }
      break;
    case 211:
      if (tlen < 1) break;
      if (!t.hasAt(0, 1)) throw TRUNC;
      c.write(`\n\t      Flags [${bitNames(restartFlags, 'none', t.flagsAt(0))}]`);
      pos++; tlen--;
      if (tlen === 0) break;
      if (tlen < 2) break;
      if (!t.hasAt(pos, 2)) throw TRUNC;
      c.write(`, Remaining holding time ${t.short(pos)}s`);
      pos += 2; tlen -= 2;
      if (tlen === 6) {
        if (!t.hasAt(pos, 6)) throw TRUNC;
        c.write(`, for ${t.id(pos, SYSTEM_ID_LENGTH)}`);
      }
      break;
    case 131: {
      if (tlen < 1) break;
      const idrp = t.typeAt(0);
      c.write(`\n\t      Inter-Domain Information Type: ${tokName(idrpTypes, `Unknown (0x${hex(idrp, 2)})`, idrp)}`);
      pos++; tlen--;
      if (idrp === 2) {
        if (tlen < 2) return 'next';
        c.write(`AS Number: ${t.short(pos)}`);
      } else {
        unknownData(c, '\n\t      ', t.valueStart + pos, tlen);
      }
      break;
    }
    case 14:
      if (tlen < 2) break;
      c.write(`\n\t      LSP Buffersize: ${t.short(0)}`);
      break;
    case 4:
      while (tlen !== 0) {
        if (tlen < 6) return 'next';
        if (!t.hasAt(pos, 6)) throw TRUNC;
        c.write(`\n\t      ${t.id(pos, SYSTEM_ID_LENGTH)}`);
        pos += 6; tlen -= 6;
      }
      break;
    case 5: {
      if (tlen < METRIC_BLOCK) break;
      if (!t.hasAt(0, METRIC_BLOCK)) throw TRUNC;
      c.write('\n\t      Metric Block');
      metricBlock(c, t, 0);
      pos += METRIC_BLOCK; tlen -= METRIC_BLOCK;
      while (tlen !== 0) {
        const plen = t.lengthAt(pos);
        pos++; tlen--;
        if (plen < 2) { c.write(`\n\t\tAddress: prefix length ${plen} < 2`); break; }
        if (tlen < plen >> 1) break;
        c.write(`\n\t\tAddress: ${t.nsap(pos, plen >> 1)}/${plen * 4}`);
        pos += plen >> 1; tlen -= plen >> 1;
      }
      break;
    }
    case 241:
      if (tlen < 4) break;
      c.write(`\n\t      Sequence number: ${t.long(0)}`);
      break;
    case 242:
      if (tlen < 5) { c.write(` [object length ${tlen} < 5]`); c.invalid(); break; }
      c.write(`\n\t      Router-ID ${t.ipv4(0)}`);
      c.write(`, Flags [${bitNames(routerCapFlags, 'none', t.flagsAt(4))}]`);
      if (tlen > 5) printRouterCapSubTlvs(c, t, 5, tlen - 5);
      break;
    case 250: {
      if (tlen < 3) break;
      const vendor = t.medium(0);
      c.write(`\n\t      Vendor: ${ouiName(vendor)} (${vendor})`);
      pos += 3; tlen -= 3;
      if (tlen !== 0) unknownData(c, '\n\t\t', t.valueStart + pos, tlen);
      break;
    }
    default:
      if (v <= 1) unknownData(c, '\n\t\t', t.valueStart, tlvLen);
  }
  return 'next';
}

/** isis_print_mtid: the MT ID at `at` on a line of its own; 0 when there are not 2 bytes. */
function printMtId(c: PrintContext, t: IsisTlv, pos: number, left: number): number {
  if (left < 2) return 0;
  const w = t.mtId(pos);
  c.write(`\n\t      ${tokName(mtIds, 'Reserved for IETF Consensus', w & 0x0fff)}`);
  c.write(` Topology (0x${hex(w & 0x0fff, 3)}), Flags: [${bitNames(mtFlags, 'none', w & 0xf000)}]`);
  return 2;
}

/** isis_print_tlv_ip_reach (TLVs 128, 130): false where tcpdump returns 0. */
function printIpReach(c: PrintContext, t: IsisTlv, length: number): boolean {
  let pos = 0;
  const ident = '\n\t      ';
  while (length > 0) {
    if (length < IP_REACH_ENTRY) { c.write(`short IPv4 Reachability (${length} vs ${IP_REACH_ENTRY})`); return false; }
    if (!t.hasAt(pos, IP_REACH_ENTRY)) return false;
    const bits = maskBits(t.reachMaskBits(pos));
    if (bits === -1) c.write(`${ident}IPv4 prefix: ${t.reachPrefix(pos)} mask ${t.reachMask(pos)}`);
    else c.write(`${ident}IPv4 prefix: ${pad15(t.reachPrefix(pos))}/${bits}`);
    const m0 = t.metricBlock(pos, 0);
    c.write(`, Distribution: ${m0 & 0x80 ? 'down' : 'up'}, Metric: ${m0 & 0x3f}, ${m0 & 0x40 ? 'External' : 'Internal'}`);
    const names = ['', 'Delay', 'Expense', 'Error'];
    for (let i = 1; i < 4; i++) {
      const m = t.metricBlock(pos, i);
      if (!(m & 0x80)) c.write(`${ident}  ${names[i]!} Metric: ${m & 0x3f}, ${m & 0x40 ? 'External' : 'Internal'}`);
    }
    length -= IP_REACH_ENTRY; pos += IP_REACH_ENTRY;
  }
  return true;
}

/** mask2plen: the prefix length of a contiguous mask, -1 otherwise. */
function maskBits(mask: number): number {
  for (let bits = 32; bits >= 0; bits--) {
    const m = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    if (m === mask >>> 0) return bits;
  }
  return -1;
}

/** isis_print_ext_is_reach: bytes it processed (0: tcpdump gives up, `goto trunc`). */
function printExtIsReach(c: PrintContext, t: IsisTlv, pos: number, type: number, left: number): number {
  let ident = '\n\t      ', proc = 0;
  if (!t.hasAt(pos, NODE_ID_LENGTH)) return 0;
  if (left < NODE_ID_LENGTH) return 0;
  c.write(`${ident}IS Neighbor: ${t.id(pos, NODE_ID_LENGTH)}`);
  pos += NODE_ID_LENGTH; left -= NODE_ID_LENGTH; proc += NODE_ID_LENGTH;
  // The IS alias TLV's metric is implicit 0.
  if (type !== 24) {
    if (!t.hasAt(pos, 3)) return 0;
    if (left < 3) return 0;
    c.write(`, Metric: ${t.metric24(pos)}`);
    pos += 3; left -= 3; proc += 3;
  }
  if (!t.hasAt(pos, 1)) return 0;
  if (left < 1) return 0;
  let sum = t.lengthAt(pos);
  pos++; left--; proc++;
  c.write(`, ${sum ? '' : 'no '}sub-TLVs present`);
  if (!sum) return proc;
  c.write(` (${sum})`);
  ident += '  ';
  while (sum !== 0) {
    if (!t.hasAt(pos, 2)) return 0;
    if (left < 2) { c.write(`${ident}Remaining data in TLV shorter than a subTLV header`); proc += left; break; }
    if (sum < 2) { c.write(`${ident}Remaining data in subTLVs shorter than a subTLV header`); proc += sum; break; }
    const st = t.typeAt(pos);
    let sl = t.lengthAt(pos + 1);
    pos += 2; left -= 2; sum -= 2; proc += 2;
    c.write(`${ident}${tokName(extIsSubTlvs, 'unknown', st)} subTLV #${st}, length: ${sl}`);
    if (sum < sl) { c.write(' (remaining data in subTLVs shorter than the current subTLV)'); proc += sum; break; }
    if (left < sl) { c.write(' (> remaining tlv length)'); proc += left; break; }
    if (!t.hasAt(pos, sl)) return 0;
    // Sub-TLVs that walk their value move `at` (and count down sl, sum, proc) as they go.
    const eat = (n: number): void => { pos += n; sl -= n; sum -= n; proc += n; };
    switch (st) {
      case 3: case 4: case 5:
        if (sl >= 4) {
          c.write(`, 0x${hex(t.long(pos), 8)}`);
          if (sl === 8) c.write(`, 0x${hex(t.long(pos + 4), 8)}`);
        }
        break;
      case 6: case 8:
        if (sl >= 4) c.write(`, ${t.ipv4(pos)}`);
        break;
      case 9: case 10:
        if (sl >= 4) c.write(`, ${mbps(t.float(pos))} Mbps`);
        break;
      case 11:
        if (sl >= 32) {
          for (let i = 0; i < 8; i++) { c.write(`${ident}  TE-Class ${i}: ${mbps(t.float(pos))} Mbps`); eat(4); }
        }
        break;
      case 22: case 12: {
        if (sl === 0) break;
        const model = t.typeAt(pos);
        c.write(`${ident}Bandwidth Constraints Model ID: ${tokName(bcModels, 'unknown', model)} (${model})`);
        eat(1);
        for (let i = 0; sl !== 0; i++) {
          if (sl < 4) break;
          c.write(`${ident}  Bandwidth constraint CT${i}: ${mbps(t.float(pos))} Mbps`);
          eat(4);
        }
        break;
      }
      case 18:
        if (sl >= 3) c.write(`, ${t.medium(pos)}`);
        break;
      case 19:
        if (sl === 2) { const w = t.short(pos); c.write(`, [ ${bitNames(linkAttributes, 'Unknown', w)} ] (0x${hex(w, 4)})`); }
        break;
      case 20:
        if (sl >= 2) c.write(`, ${bitNames(linkProtection, 'none', t.flagsAt(pos))}, Priority ${t.lengthAt(pos + 1)}`);
        break;
      case 29:
        if (sl >= 6) {
          c.write(`, LM: ${t.medium(pos)}`);
          eat(3);
          c.write(`, P: ${t.lengthAt(pos)}`);
          eat(1);
          c.write(`, P-ID: ${t.short(pos)}`);
        }
        break;
      case 21:
        if (sl >= 36) {
          const cap = t.typeAt(pos);
          c.write(`${ident}  Interface Switching Capability:${tokName(switchCaps, 'Unknown', cap)}`);
          c.write(`, LSP Encoding: ${tokName(encodings, 'Unknown', t.typeAt(pos + 1))}`);
          eat(4);
          c.write(`${ident}  Max LSP Bandwidth:`);
          for (let i = 0; i < 8; i++) { c.write(`${ident}    priority level ${i}: ${mbps(t.float(pos))} Mbps`); eat(4); }
          if (cap >= 1 && cap <= 4) {
            if (sl < 6) break;
            c.write(`${ident}  Min LSP Bandwidth: ${mbps(t.float(pos))} Mbps`);
            c.write(`${ident}  Interface MTU: ${t.short(pos + 4)}`);
          } else if (cap === 100) {
            if (sl < 8) break;
            c.write(`${ident}  Min LSP Bandwidth: ${mbps(t.float(pos))} Mbps`);
            const ind = t.typeAt(pos + 4);
            c.write(`${ident}  Indication ${tokName(tscIndication, `Unknown (${ind})`, ind)}`);
          } else if (sl !== 0) {
            unknownData(c, '\n\t\t    ', t.valueStart + pos, sl);
          }
        }
        break;
      case 32:
        if (sl >= 8) {
          const f = t.flagsAt(pos);
          c.write(`${ident}  Flags: [${bitNames(lanAdjSidFlags, 'none', f)}]`);
          const vflag = f & 0x20, lflag = f & 0x10;
          eat(1);
          c.write(`${ident}  Weight: ${t.lengthAt(pos)}`);
          eat(1);
          if (sl >= 6) {
            if (!t.hasAt(pos, 6)) return 0;
            c.write(`${ident}  Neighbor System-ID: ${t.id(pos, SYSTEM_ID_LENGTH)}`);
          }
          if (vflag && lflag) c.write(`${ident}  Label: ${t.medium(pos + 6)}`);
          else if (!vflag && !lflag) c.write(`${ident}  Index: ${t.long(pos + 6)}`);
          else c.invalid();
        }
        break;
      default:
        unknownData(c, '\n\t\t    ', t.valueStart + pos, sl);
    }
    pos += sl; left -= sl; sum -= sl; proc += sl;
  }
  return proc;
}

/** isis_print_extd_ip_reach (TLVs 135, 235, 236, 237): bytes processed, 0 when tcpdump gives up. */
function printExtdIpReach(c: PrintContext, t: IsisTlv, pos: number, v6: boolean): number {
  const ident = '\n\t      ';
  const metric = t.metric32(pos);
  let processed = 4;
  pos += 4;
  let status: number, bits: number;
  if (!v6) {
    status = t.flagsAt(pos);
    pos++;
    bits = status & 0x3f;
    if (bits > 32) { c.write(`${ident}IPv4 prefix: bad bit length ${bits}`); return 0; }
    processed++;
  } else {
    status = t.flagsAt(pos);
    bits = t.lengthAt(pos + 1);
    if (bits > 128) { c.write(`${ident}IPv6 prefix: bad bit length ${bits}`); return 0; }
    pos += 2;
    processed += 2;
  }
  const bytes = (bits + 7) >> 3;
  const prefix = t.prefixText(pos, bits, v6);
  pos += bytes;
  processed += bytes;
  c.write(v6 ? `${ident}IPv6 prefix: ${prefix}/${bits}` : `${ident}IPv4 prefix: ${pad15(prefix)}/${bits}`);
  c.write(`, Distribution: ${status & 0x80 ? 'down' : 'up'}, Metric: ${metric}`);
  if (!v6 && status & 0x40) c.write(', sub-TLVs present');
  else if (v6) c.write(`, ${status & 0x40 ? 'External' : 'Internal'}${status & 0x20 ? ', sub-TLVs present' : ''}`);
  if ((!v6 && status & 0x40) || (v6 && status & 0x20)) {
    let sublen = t.lengthAt(pos);
    pos++;
    processed += sublen + 1;
    c.write(` (${sublen})`);
    while (sublen > 0) {
      const st = t.typeAt(pos), sl = t.lengthAt(pos + 1);
      pos += 2;
      if (!printIpReachSubTlv(c, t, pos, st, sl, `${ident}  `)) return 0;
      pos += sl;
      // u_int arithmetic: a sub-TLV longer than what is left wraps around, as in tcpdump.
      sublen = (sublen - (sl + 2)) >>> 0;
    }
  }
  return processed;
}

/** isis_print_ip_reach_subtlv; false (after ` [|isis]` for its trunc) where tcpdump returns 0. */
function printIpReachSubTlv(c: PrintContext, t: IsisTlv, pos: number, st: number, sl: number, ident: string): boolean {
  c.write(`${ident}${tokName(extIpSubTlvs, 'unknown', st)} subTLV #${st}, length: ${sl}`);
  if (!t.hasAt(pos, sl)) { c.truncMark(); return false; }
  switch (st) {
    case 117: case 1:
      while (sl >= 4) { const x = t.long(pos); c.write(`, 0x${hex(x, 8)} (=${x})`); pos += 4; sl -= 4; }
      break;
    case 2:
      while (sl >= 8) { c.write(`, 0x${hex(t.long(pos), 8)}${hex(t.long(pos + 4), 8)}`); pos += 8; sl -= 8; }
      break;
    case 3: {
      const flags = t.flagsAt(pos), algo = t.typeAt(pos + 1);
      let sid: number;
      if (flags & 0x08) {
        if (sl < 5) { c.truncMark(); return false; }
        sid = t.medium(pos + 2);
      } else {
        if (sl < 6) { c.truncMark(); return false; }
        sid = t.long(pos + 2);
      }
      c.write(`, Flags [${bitNames(prefixSidFlags, 'None', flags)}], Algo ${tokName(prefixSidAlgos, 'Unknown', algo)} (${algo}), ` +
        `${flags & 0x08 ? 'label' : 'index'} ${sid}`);
      break;
    }
    default:
      unknownData(c, '\n\t\t    ', t.valueStart + pos, sl);
  }
  return true;
}

/** isis_print_router_cap_subtlv (TLV 242). */
function printRouterCapSubTlvs(c: PrintContext, t: IsisTlv, pos: number, tlen: number): void {
  while (tlen >= 2) {
    const st = t.typeAt(pos), sl = t.lengthAt(pos + 1);
    tlen -= 2; pos += 2;
    c.write(`\n\t\t${tokName(routerCapSubTlvs, 'unknown', st)} subTLV #${st}, length: ${sl}`);
    if (sl > tlen) break;
    if (!t.hasAt(pos, sl)) return;
    if (st === 2) {
      const flags = t.flagsAt(pos), range = t.medium(pos + 1);
      c.write(`, Flags [${bitNames(srFlags, 'None', flags)}], Range ${range}`);
      let sid = pos + 4, sidLeft = (sl - 4) & 0xff;
      while (sidLeft >= 5) {
        const sidType = t.typeAt(sid), sidLen = t.lengthAt(sid + 1);
        sidLeft -= 2; sid += 2;
        if (sidLen > sidLeft) break;
        if (sidType === 1) {
          if (sidLen === 3) c.write(`, SID value ${t.medium(sid)}`);
          else if (sidLen === 4) c.write(`, SID value ${t.long(sid)}`);
          else c.write(`, Unknown SID length${sidLen}`);
        } else {
          unknownData(c, '\n\t\t  ', t.valueStart + sid, sidLen);
        }
        sid += sidLen; sidLeft -= sidLen;
      }
    } else {
      unknownData(c, '\n\t\t', t.valueStart + pos, sl);
    }
    tlen -= sl; pos += sl;
  }
}

/** isis_print_mcid: an SPB MCID (51 bytes) at `at`. */
function printMcid(c: PrintContext, t: IsisTlv, pos: number): void {
  if (!t.hasAt(pos, SPB_MCID)) { c.truncMark(); return; }
  c.write(`ID: ${t.typeAt(pos)}, Name: `);
  printJnp(c, t, 2 + pos + 1, 32);
  c.write(`\n\t              Lvl: ${t.short(pos + 33)}`);
  c.write(', Digest: ');
  let s = '';
  for (let i = 0; i < 16; i++) s += `${hex(t.valueByte(pos + 35 + i), 2)} `;
  c.write(s);
}

/** isis_print_mt_port_cap_subtlv (TLV 143). */
function printMtPortCapSubTlvs(c: PrintContext, t: IsisTlv, pos: number, len: number): void {
  while (len > 2) {
    const st = t.typeAt(pos);
    let sl = t.lengthAt(pos + 1);
    c.write(`\n\t       ${tokName(mtPortCapSubTlvs, 'unknown', st)} subTLV #${st}, length: ${sl}`);
    pos += 2; len -= 2;
    if (len < sl) { c.write(' (> containing TLV length)'); return; }
    if (!t.hasAt(pos, sl)) { c.truncMark(); return; }
    switch (st) {
      case 4:
        if (sl < SPB_MCID_MIN) { c.write(' (too short)'); return; }
        c.write('\n\t         MCID: ');
        printMcid(c, t, pos);
        c.write('\n\t         AUX-MCID: ');
        printMcid(c, t, pos + SPB_MCID);
        pos += SPB_MCID_MIN; len -= SPB_MCID_MIN; sl -= SPB_MCID_MIN;
        break;
      case 5: {
        if (sl < SPB_DIGEST_MIN) { c.write(' (too short)'); return; }
        const f = t.flagsAt(pos);
        c.write(`\n\t        RES: ${f >> 5} V: ${(f >> 4) & 0x01} A: ${(f >> 2) & 0x03} D: ${f & 0x03}`);
        pos++;
        c.write('\n\t         Digest: ');
        for (let i = 1; i <= 8; i++) {
          c.write(`${hex(t.long(pos), 8)} `);
          if (i % 4 === 0 && i !== 8) c.write('\n\t                 ');
          pos += 4;
        }
        len -= SPB_DIGEST_MIN; sl -= SPB_DIGEST_MIN;
        break;
      }
      case 6:
        while (sl !== 0) {
          if (sl < 4) { c.write(' (too short)'); return; }
          c.write(`\n\t           ECT: ${hex(t.long(pos), 8)}`);
          pos += 4; len -= 4; sl -= 4;
          if (sl < 2) { c.write(' (too short)'); return; }
          const w = t.short(pos);
          c.write(` BVID: ${w >> 4}, U:${((w >> 3) & 0x01).toString(16)} M:${((w >> 2) & 0x01).toString(16)} `);
          pos += 2; len -= 2; sl -= 2;
        }
        break;
    }
    pos += sl; len -= sl;
  }
}

/** isis_print_mt_capability_subtlv (TLV 144). */
function printMtCapSubTlvs(c: PrintContext, t: IsisTlv, pos: number, len: number): void {
  while (len > 2) {
    const st = t.typeAt(pos);
    let sl = t.lengthAt(pos + 1);
    pos += 2; len -= 2;
    c.write(`\n\t      ${tokName(mtCapSubTlvs, 'unknown', st)} subTLV #${st}, length: ${sl}`);
    if (len < sl) { c.write(' (> containing TLV length)'); return; }
    if (!t.hasAt(pos, sl)) { c.truncMark(); return; }
    switch (st) {
      case 1: {
        if (sl < SPB_INSTANCE_MIN) { c.write(' (too short)'); return; }
        c.write(`\n\t        CIST Root-ID: ${hex(t.long(pos), 8)}`);
        pos += 4;
        c.write(` ${hex(t.long(pos), 8)}`);
        pos += 4;
        c.write(`, Path Cost: ${hex(t.long(pos), 8)}`);
        pos += 4;
        c.write(`, Prio: ${t.short(pos)}`);
        pos += 2;
        c.write(`\n\t        RES: ${t.short(pos) >> 5}`);
        c.write(`, V: ${(t.short(pos) >> 4) & 0x0001}`);
        c.write(`, SPSource-ID: ${t.long(pos) & 0x000fffff}`);
        pos += 4;
        const trees = t.lengthAt(pos);
        c.write(`, No of Trees: ${trees.toString(16)}`);
        pos++;
        len -= SPB_INSTANCE_MIN; sl -= SPB_INSTANCE_MIN;
        for (let n = trees; n; n--) {
          if (sl < SPB_VLAN_TUPLE) { c.truncMark(); return; }
          const f = t.flagsAt(pos);
          c.write(`\n\t         U:${f >> 7}, M:${(f >> 6) & 0x01}, A:${(f >> 5) & 0x01}, RES:${f & 0x1f}`);
          pos++;
          c.write(`, ECT: ${hex(t.long(pos), 8)}`);
          pos += 4;
          const w = t.medium(pos);
          c.write(`, BVID: ${(w >> 12) & 0x000fff}, SPVID: ${w & 0x000fff}`);
          pos += 3; len -= SPB_VLAN_TUPLE; sl -= SPB_VLAN_TUPLE;
        }
        break;
      }
      case 3: {
        if (sl < 8) { c.truncMark(); return; }
        c.write(`\n\t        BMAC: ${hex(t.long(pos), 8)}`);
        pos += 4;
        c.write(hex(t.short(pos), 4));
        pos += 2;
        const w = t.short(pos);
        c.write(`, RES: ${w >> 12}, VID: ${w & 0x0fff}`);
        pos += 2; len -= 8; sl -= 8;
        while (sl >= 4) {
          const x = t.long(pos);
          c.write(`\n\t        T: ${x >>> 31}, R: ${(x >>> 30) & 0x01}, RES: ${(x >>> 24) & 0x03f}, ISID: ${x & 0x0ffffff}`);
          pos += 4; len -= 4; sl -= 4;
        }
        break;
      }
    }
    pos += sl; len -= sl;
  }
}

