/** OSPF (tcpdump's print-ospf.c for version 2 over IPv4, print-ospf6.c for version 3 over IPv6), IP protocol 89. */
import type { PrintContext } from './context.js';
import {
  Ospf, OSPF2_HEADER_LENGTH, OSPF2_MD5_LENGTH, OSPF2_ROUTER_LINK_LENGTH, OSPF3_AUTH_TRAILER_LENGTH, OSPF3_ROUTER_LINK_LENGTH, OSPF_LS_REQUEST_LENGTH,
  OSPF_LSA_HEADER_LENGTH, OSPF_TLV_HEADER_LENGTH,
} from '../../decoders/ospf.js';
import { NOT_CAPTURED } from '../../decoders/view.js';
import { hexPrint } from './dump.js';
import { hex16 } from './names.js';
import { printJnp } from './print-char.js';
import { diffservBcModels, gmplsEncodings, gmplsLinkProtections, gmplsSwitchCaps } from './routing-tables.js';
import { bitNames, cFixed, hex32, TokTable, type Tok } from './util-print.js';

// print-ospf.c's tables.
const options2: Tok = [[0x01, 'MultiTopology'], [0x02, 'External'], [0x04, 'Multicast'], [0x08, 'NSSA'], [0x10, 'LLS'], [0x20, 'Demand Circuit'], [0x40, 'Opaque'], [0x80, 'Up/Down']];
const authTypes = new TokTable([[0, 'none'], [1, 'simple'], [2, 'MD5']]);
const rlaFlags2: Tok = [[0x01, 'ABR'], [0x02, 'ASBR'], [0x04, 'Virtual'], [0x08, 'Wildcard'], [0x10, 'Nt'], [0x80, 'Host']];
const packetTypes = new TokTable([[1, 'Hello'], [2, 'Database Description'], [3, 'LS-Request'], [4, 'LS-Update'], [5, 'LS-Ack']]);
const lsaTypes2 = new TokTable([
  [1, 'Router'], [2, 'Network'], [3, 'Summary'], [4, 'ASBR Summary'], [5, 'External'], [6, 'Multicast Group'], [7, 'NSSA'], [9, 'Link Local Opaque'],
  [10, 'Area Local Opaque'], [11, 'Domain Wide Opaque'],
]);
const ddFlags2: Tok = [[0x04, 'Init'], [0x02, 'More'], [0x01, 'Master'], [0x08, 'OOBResync']];
const opaqueTypes = new TokTable([[1, 'Traffic Engineering'], [3, 'Graceful restart'], [4, 'Router Information']]);
const teTlvs = new TokTable([[1, 'Router Address'], [2, 'Link']]);
const teLinkSubTlvs = new TokTable([
  [1, 'Link Type'], [2, 'Link ID'], [3, 'Local Interface IP address'], [4, 'Remote Interface IP address'], [5, 'Traffic Engineering Metric'],
  [6, 'Maximum Bandwidth'], [7, 'Maximum Reservable Bandwidth'], [8, 'Unreserved Bandwidth'], [9, 'Administrative Group'],
  [11, 'Link Local/Remote Identifier'], [14, 'Link Protection Type'], [15, 'Interface Switching Capability'], [16, 'Shared Risk Link Group'],
  [17, 'Bandwidth Constraints'],
]);
const graceTlvs = new TokTable([[1, 'Grace Period'], [2, 'Graceful restart Reason'], [3, 'IPv4 interface address']]);
const graceReasons = new TokTable([[0, 'Unknown'], [1, 'Software Restart'], [2, 'Software Reload/Upgrade'], [3, 'Control Processor Switch']]);
const teLinkTypes = new TokTable([[1, 'Point-to-point'], [2, 'Multi-Access']]);
const riTlvs = new TokTable([[1, 'Router Capabilities']]);
const riCaps: Tok = [
  [1, 'Reserved'], [2, 'Reserved'], [4, 'Reserved'], [8, 'Reserved'], [16, 'graceful restart capable'], [32, 'graceful restart helper'],
  [64, 'Stub router support'], [128, 'Traffic engineering'], [256, 'p2p over LAN'], [512, 'path computation server'],
];
const llsTlvs = new TokTable([[1, 'Extended Options'], [2, 'MD5 Authentication']]);
const llsEoOptions: Tok = [[0x00000001, 'LSDB resync'], [0x00000002, 'Restart']];
const topologies = new TokTable([[0, 'default'], [1, 'multicast'], [2, 'management']]);
// print-ospf6.c's tables.
const options3: Tok = [
  [0x01, 'V6'], [0x02, 'External'], [0x04, 'Deprecated'], [0x08, 'NSSA'], [0x10, 'Router'], [0x20, 'Demand Circuit'], [0x0100, 'AFs Support'],
  [0x0200, 'LLS'], [0x0400, 'Authentication Trailer'],
];
const rlaFlags3: Tok = [[0x01, 'ABR'], [0x02, 'External'], [0x04, 'Virtual-Link Endpoint'], [0x08, 'Deprecated'], [0x10, 'NSSA Translator']];
const aslaFlags3: Tok = [[0x80000000, 'External Type 2'], [0x02000000, 'Forwarding'], [0x01000000, 'Tag']];
const lsaTypes3 = new TokTable([
  [1, 'Router'], [2, 'Network'], [3, 'Inter-Area Prefix'], [4, 'Inter-Area Router'], [5, 'External'], [6, 'Deprecated'], [7, 'NSSA'], [8, 'Link'],
  [9, 'Intra-Area Prefix'], [10, 'Intra-Area TE'], [11, 'Grace'], [12, 'Router Information'], [13, 'Inter-AS-TE'], [14, 'Layer 1 VPN'],
]);
const scopes3 = new TokTable([[0x0000, 'Link Local'], [0x2000, 'Area Local'], [0x4000, 'Domain Wide']]);
const ddFlags3: Tok = [[0x04, 'Init'], [0x02, 'More'], [0x01, 'Master'], [0x10, 'IPv6 MTU']];
const prefixOptions3: Tok = [[0x01, 'No Unicast'], [0x02, 'Local address'], [0x04, 'Deprecated'], [0x08, 'Propagate'], [0x10, 'Down'], [0x20, 'N-bit']];
const authTypes3 = new TokTable([[0x0001, 'HMAC']]);

const mbps = (f: number): string => cFixed(Math.fround(Math.fround(f * 8) / 1000000), 3);
/** print_unknown_data at absolute index `pos`. */
function unknown(c: PrintContext, pos: number, ident: string, n: number): void { c.write(hexPrint(c, ident, pos, n)); }
const H = OSPF_TLV_HEADER_LENGTH;

/** An OSPF packet, `length` bytes of IP payload: version 3 over IPv6, else version 2 (print-ip-demux.c). */
export function printOspf(c: PrintContext, o: Ospf, length: number): void {
  if (c.ip.version === 6) printOspf3(c, o, length);
  else printOspf2(c, o, length);
}

// ---- OSPFv2 ----

/** ospf_grace_lsa_print over the TLVs from absolute index `t`; false for tcpdump's -1. */
function graceLsa(c: PrintContext, o: Ospf, t: number, len: number): boolean {
  while (len > 0) {
    const g = o.pointTlv(t);
    if (!g.has(H)) return false;
    if (len < 4) { c.write(`\n\t    Remaining LS length ${len} < 4`); return false; }
    const type = g.type;
    let tl = g.valueLength;
    t += H; len -= H;
    c.write(`\n\t    ${graceTlvs.str(type, 'unknown')} TLV (${type}), length ${tl}, value: `);
    if (tl > len) { c.write(`\n\t    Bogus length ${tl} > ${len}`); return false; }
    if (type === 0 || tl === 0) return false;
    if (!g.has(H + tl)) return false;
    switch (type) {
      case 1: if (tl !== 4) { c.write(`\n\t    Bogus length ${tl} != 4`); return false; } c.write(`${g.value32}s`); break;
      case 2: if (tl !== 1) { c.write(`\n\t    Bogus length ${tl} != 1`); return false; } c.write(`${graceReasons.str(g.value8, 'Unknown')} (${g.value8})`); break;
      case 3: if (tl !== 4) { c.write(`\n\t    Bogus length ${tl} != 4`); return false; } c.write(g.address()); break;
      default: if (c.o.verbose <= 1) unknown(c, g.valueStart, '\n\t      ', tl);
    }
    if (tl % 4 !== 0) tl += 4 - (tl % 4);
    len -= tl; t += tl;
  }
  return true;
}

/** ospf_te_lsa_print over the TLVs from absolute index `t`; false for tcpdump's -1. */
function teLsa(c: PrintContext, o: Ospf, t: number, len: number): boolean {
  const v = c.o.verbose;
  while (len !== 0) {
    const tlv = o.pointTlv(t);
    if (!tlv.has(H)) return false;
    if (len < 4) { c.write(`\n\t    Remaining LS length ${len} < 4`); return false; }
    const type = tlv.type;
    let tl = tlv.valueLength;
    t += H; len -= H;
    c.write(`\n\t    ${teTlvs.str(type, 'unknown')} TLV (${type}), length: ${tl}`);
    if (tl > len) { c.write(`\n\t    Bogus length ${tl} > ${len}`); return false; }
    if (type === 0 || tl === 0) return false;
    if (type === 2) {
      while (tl !== 0) {
        if (tl < 4) { c.write(`\n\t    Remaining TLV length ${tl} < 4`); return false; }
        const s = o.pointSubTlv(t);
        const st = s.type;
        let sl = s.valueLength;
        t += H; tl -= H;
        if (st === 0 || sl === 0) { c.invalid(); return false; }
        c.write(`\n\t      ${teLinkSubTlvs.str(st, 'unknown')} subTLV (${st}), length: ${sl}`);
        if (tl < sl) { c.write(`\n\t    Remaining TLV length ${tl + 4} < ${sl + 4}`); return false; }
        if (!s.has(H + sl)) return false;
        const bad = (text: string): boolean => { c.write(text); c.invalid(); return false; };
        switch (st) {
          case 9: if (sl !== 4) return bad(' != 4'); c.write(`, 0x${hex32(s.value32)}`); break;
          case 2: case 11:
            if (sl !== 4 && sl !== 8) return bad(' != 4 && != 8');
            c.write(`, ${s.address(0)} (0x${hex32(s.word(0))})`);
            if (sl === 8) c.write(`, ${s.address(1)} (0x${hex32(s.word(1))})`);
            break;
          case 3: case 4: if (sl !== 4) return bad(' != 4'); c.write(`, ${s.address()}`); break;
          case 6: case 7: if (sl !== 4) return bad(' != 4'); c.write(`, ${mbps(s.float(0))} Mbps`); break;
          case 8:
            if (sl !== 32) return bad(' != 32');
            for (let k = 0; k < 8; k++) c.write(`\n\t\tTE-Class ${k}: ${mbps(s.float(k))} Mbps`);
            break;
          case 17: {
            if (sl < 4) return bad(' < 4');
            c.write(`\n\t\tBandwidth Constraints Model ID: ${diffservBcModels.str(s.value8, 'unknown')} (${s.value8})`);
            if (sl % 4 !== 0) return bad(`\n\t\tlength ${sl} != N x 4`);
            if (sl > 36) return bad(`\n\t\tlength ${sl} > 36`);
            for (let k = 0; k < (sl - 4) / 4; k++) c.write(`\n\t\t  Bandwidth constraint CT${k}: ${mbps(s.float(1 + k))} Mbps`);
            break;
          }
          case 5: if (sl !== 4) return bad(' != 4'); c.write(`, Metric ${s.value32}`); break;
          case 14: if (sl !== 4) return bad(' != 4'); c.write(`, ${bitNames(gmplsLinkProtections, s.value8, 'none')}`); break;
          case 15:
            if (sl < 36) return bad(' < 36');
            c.write(`\n\t\tInterface Switching Capability: ${gmplsSwitchCaps.str(s.value8, 'Unknown')}`);
            c.write(`\n\t\tLSP Encoding: ${gmplsEncodings.str(s.value8b, 'Unknown')}\n\t\tMax LSP Bandwidth:`);
            for (let k = 0; k < 8; k++) c.write(`\n\t\t  priority level ${k}: ${mbps(s.float(1 + k))} Mbps`);
            break;
          case 1: if (sl !== 1) return bad(' != 1'); c.write(`, ${teLinkTypes.str(s.value8, 'unknown')} (${s.value8})`); break;
          case 16: {
            if (sl % 4 !== 0) return bad(' != N x 4');
            let n = sl / 4;
            if (n !== 0) c.write('\n\t\t  Shared risk group: ');
            // tcpdump advances its pointer through the groups, and then again by the sub-TLV's length.
            for (let k = 0; n > 0; n--, k++) { c.write(String(s.word(k))); t += 4; if (n > 1) c.write(', '); }
            break;
          }
          default: if (v <= 1) unknown(c, s.valueStart, '\n\t\t', sl);
        }
        if (sl % 4 !== 0) sl += 4 - (sl % 4);
        if (tl < sl) { c.write(`\n\t    Remaining TLV length ${tl + 4} < ${sl + 4}`); return false; }
        tl -= sl; t += sl;
      }
    } else if (type === 1) {
      if (tl < 4) { c.write(`\n\t    TLV length ${tl} < 4`); return false; }
      c.write(`, ${tlv.address()}`);
    } else if (v <= 1) unknown(c, t, '\n\t      ', tl);
    if (tl % 4 !== 0) tl += 4 - (tl % 4);
    if (tl > len) { c.write(`\n\t    Bogus padded length ${tl} > ${len}`); return false; }
    len -= tl; t += tl;
  }
  return true;
}

/** ospf_print_lshdr for the LSA header at absolute index `pos`: the LSA's length, or -1. */
function lshdr2(c: PrintContext, o: Ospf, pos: number): number {
  const l = o.pointLsa(pos);
  const len = l.lsaLength;
  if (len < OSPF_LSA_HEADER_LENGTH) { c.write(`\n\t    Bogus length ${len} < header (20)`); return -1; }
  c.write(`\n\t  Advertising Router ${l.advertisingRouter}, seq 0x${hex32(l.sequence)}, age ${l.age}s, length ${len - OSPF_LSA_HEADER_LENGTH}`);
  const type = l.lsType;
  if (type === 9 || type === 10 || type === 11) {
    c.write(`\n\t    ${lsaTypes2.str(type, 'unknown')} LSA (${type}), Opaque-Type ${opaqueTypes.str(l.opaqueType, 'unknown')} LSA (${l.opaqueType}), Opaque-ID ${l.opaqueId}`);
  } else c.write(`\n\t    ${lsaTypes2.str(type, 'unknown')} LSA (${type}), LSA-ID: ${l.lsaId}`);
  c.write(`\n\t    Options: [${bitNames(options2, l.options, 'none')}]`);
  return len;
}

/** ospf_print_lsa for the LSA at absolute index `a`: the index after it, -1 where tcpdump returns NULL. */
function lsa2(c: PrintContext, o: Ospf, a: number): number {
  const v = c.o.verbose;
  const ret = lshdr2(c, o, a);
  if (ret < 0) return -1;
  const l = o.pointLsa(a);
  const end = a + ret, len = ret - OSPF_LSA_HEADER_LENGTH, b = l.bodyStart;
  switch (l.lsType) {
    case 1: {
      c.write(`\n\t    Router LSA Options: [${bitNames(rlaFlags2, l.routerFlags, 'none')}]`);
      const count = l.linkCount;
      let r = b + 4;
      o.pointEntry(r).need(OSPF2_ROUTER_LINK_LENGTH);
      for (let i = count; i !== 0; i--) {
        const e = o.pointEntry(r);
        e.need(OSPF2_ROUTER_LINK_LENGTH);
        const lt = e.linkType;
        switch (lt) {
          case 4: c.write(`\n\t      Virtual Link: Neighbor Router-ID: ${e.linkId}, Interface Address: ${e.linkData}`); break;
          case 1: c.write(`\n\t      Neighbor Router-ID: ${e.linkId}, Interface Address: ${e.linkData}`); break;
          case 2: c.write(`\n\t      Neighbor Network-ID: ${e.linkId}, Interface Address: ${e.linkData}`); break;
          case 3: c.write(`\n\t      Stub Network: ${e.linkId}, Mask: ${e.linkData}`); break;
          default: c.write(`\n\t      Unknown Router Link Type (${lt})`); return end;
        }
        // ospf_print_tos_metrics: the link's metric, then its TOS metrics.
        const tosCount = e.tosCount + 1;
        for (let k = 0; k < tosCount; k++) {
          const tt = e.tos(k);
          c.write(`\n\t\ttopology ${topologies.str(tt, 'Unknown')} (${tt}), metric ${e.tosMetric(k)}`);
        }
        r += OSPF2_ROUTER_LINK_LENGTH + e.tosCount * 4;
      }
      break;
    }
    case 2:
      c.write(`\n\t    Mask ${l.mask}\n\t    Connected Routers:`);
      for (let r = b + 4; r < end; r += 4) c.write(`\n\t      ${o.pointEntry(r).address}`);
      break;
    case 3: case 4: {
      if (l.lsType === 3) { l.need(OSPF_LSA_HEADER_LENGTH + 4); c.write(`\n\t    Mask ${l.mask}`); }
      l.need(OSPF_LSA_HEADER_LENGTH + 8);
      for (let m = b + 4; m < end; m += 4) {
        const ul = o.pointEntry(m).metricWord, topo = (ul & 0x7f000000) >>> 24;
        c.write(`\n\t\ttopology ${topologies.str(topo, 'Unknown')} (${topo}) metric ${ul & 0x00ffffff}`);
      }
      break;
    }
    case 5: case 7:
      l.need(OSPF_LSA_HEADER_LENGTH + 4);
      c.write(`\n\t    Mask ${l.mask}`);
      l.need(OSPF_LSA_HEADER_LENGTH + 8);
      for (let m = b + 4; m < end; m += 12) {
        const e = o.pointEntry(m);
        const ul = e.metricWord, topo = (ul & 0x7f000000) >>> 24;
        c.write(`\n\t\ttopology ${topologies.str(topo, 'Unknown')} (${topo}), type ${ul & 0x80000000 ? 2 : 1}, metric`);
        c.write((ul & 0x00ffffff) === 0xffffff ? ' infinite' : ` ${ul & 0x00ffffff}`);
        if (e.forwardingAddressWord !== 0) c.write(`, forward ${e.forwardingAddress}`);
        if (e.tagWord !== 0) c.write(`, tag ${e.tag}`);
      }
      break;
    case 6:
      for (let m = b; m < end; m += 8) {
        const e = o.pointEntry(m);
        const vt = e.vertexType;
        c.write(vt === 1 ? `\n\t    Router Router-ID ${e.vertexId}` : vt === 2 ? `\n\t    Network Designated Router ${e.vertexId}` : `\n\t    unknown VertexType (${vt})`);
      }
      break;
    case 9: case 10: case 11:
      switch (l.opaqueType) {
        case 4: {
          let t = b;
          for (let left = len; left !== 0;) {
            const ri = o.pointTlv(t);
            if (!ri.has(H)) return -1;
            if (left < 4) { c.write(`\n\t    Remaining LS length ${left} < 4`); return end; }
            const type = ri.type, tl = ri.valueLength;
            t += H; left -= H;
            c.write(`\n\t    ${riTlvs.str(type, 'unknown')} TLV (${type}), length: ${tl}, value: `);
            if (tl > left) { c.write(`\n\t    Bogus length ${tl} > remaining LS length ${left}`); return end; }
            if (!ri.has(H + tl)) return -1;
            if (type === 1) {
              if (tl !== 4) { c.write(`\n\t    Bogus length ${tl} != 4`); return end; }
              c.write(`Capabilities: ${bitNames(riCaps, ri.value32, 'Unknown')}`);
            } else if (v <= 1) unknown(c, t, '\n\t      ', tl);
            t += tl; left -= tl;
          }
          break;
        }
        case 3: if (!graceLsa(c, o, b, len)) return end; break;
        case 1: if (!teLsa(c, o, b, len)) return end; break;
        default: if (v <= 1) unknown(c, b, '\n\t    ', len);
      }
      break;
  }
  if (v > 1) unknown(c, b, '\n\t    ', len);
  return end;
}

/** ospf_decode_v2, `dataend` bytes of packet; false where it goes to `trunc`. */
function decode2(c: PrintContext, o: Ospf, dataend: number): boolean {
  const last = o.at(dataend), list = o.at(Ospf.listStart(2, o.type));
  switch (o.type) {
    case 1:
      c.write(`\n\tOptions [${bitNames(options2, o.helloOptions, 'none')}]`);
      c.write(`\n\t  Hello Timer ${o.helloInterval}s, Dead Timer ${o.deadInterval}s, Mask ${o.helloMask}, Priority ${o.priority}`);
      if (o.designatedRouterWord !== 0) c.write(`\n\t  Designated Router ${o.designatedRouter}`);
      if (o.backupDesignatedRouterWord !== 0) c.write(`, Backup Designated Router ${o.backupDesignatedRouter}`);
      if (list < last) c.write('\n\t  Neighbor List:');
      for (let n = list; n < last; n += 4) c.write(`\n\t    ${o.pointEntry(n).address}`);
      break;
    case 2: {
      c.write(`\n\tOptions [${bitNames(options2, o.ddOptions, 'none')}]`);
      c.write(`, DD Flags [${bitNames(ddFlags2, o.ddFlags, 'none')}]`);
      if (o.ddMtu) c.write(`, MTU: ${o.ddMtu}`);
      c.write(`, Sequence: 0x${hex32(o.ddSequence)}`);
      for (let h = list; h < last && lshdr2(c, o, h) !== -1; h += OSPF_LSA_HEADER_LENGTH);
      break;
    }
    case 3:
      for (let r = list; r < last; r += OSPF_LS_REQUEST_LENGTH) {
        const e = o.pointEntry(r);
        e.need(OSPF_LS_REQUEST_LENGTH);
        const type = e.requestType;
        c.write(`\n\t  Advertising Router: ${e.requestRouter}, ${lsaTypes2.str(type, 'unknown')} LSA (${type})`);
        if (type === 9 || type === 10 || type === 11) c.write(`, Opaque-Type: ${opaqueTypes.str(e.requestOpaqueType, 'unknown')} LSA (${e.requestOpaqueType}), Opaque-ID: ${e.requestOpaqueId}`);
        else c.write(`, LSA-ID: ${e.requestLsaId}`);
      }
      break;
    case 4: {
      const max = o.lsaCount;
      c.write(`, ${max} LSA${max === 1 ? '' : 's'}`);
      let a = list;
      for (let n = 1; n <= max; n++) {
        c.write(`\n\t  LSA #${n}`);
        a = lsa2(c, o, a);
        if (a < 0) return false;
      }
      break;
    }
    case 5:
      for (let h = list; lshdr2(c, o, h) !== -1; h += OSPF_LSA_HEADER_LENGTH);
      break;
  }
  return true;
}

/** ospf_decode_lls, `length` bytes of IP payload. */
function lls2(c: PrintContext, o: Ospf, length: number): void {
  switch (o.type) {
    case 1: if (!(o.helloOptions & 0x10)) return; break;
    case 2: if (!(o.ddOptions & 0x10)) return; break;
    default: return;
  }
  let length2 = o.packetLength, d = length2;
  if (o.authType === 2) { d += o.authDataLength; length2 += o.authDataLength; }
  if (length2 >= length) { c.write('\n\t[LLS truncated]'); return; }
  const block = o.pointTlv(o.at(d));
  c.write(`\n\t  LLS: checksum: 0x${hex16(block.llsChecksum)}`);
  c.write(`, length: ${block.llsLength}`);
  d += H;
  while (d < length) {
    const t = o.pointTlv(o.at(d));
    const type = t.type;
    c.write(`\n\t    ${llsTlvs.str(type, 'Unknown TLV')} (${type})`);
    let len = t.valueLength;
    c.write(`, length: ${len}`);
    d += H;
    if (type === 1) {
      if (len !== 4) { c.write(' [should be 4]'); len = 4; }
      const flags = t.value32;
      c.write(`\n\t      Options: 0x${hex32(flags)} [${bitNames(llsEoOptions, flags, '?')}]`);
    } else if (type === 2) {
      if (len !== 20) { c.write(' [should be 20]'); len = 20; }
      c.write(`\n\t      Sequence number: 0x${hex32(t.value32)}`);
    }
    d += len;
  }
}

/** ospf_print. */
function printOspf2(c: PrintContext, o: Ospf, length: number): void {
  c.protocol = 'ospf2';
  const end = o.end;
  try {
    // tcpdump strips a keyed MD5 digest from the length and from what may be read.
    if (o.authType === 2) { length -= OSPF2_MD5_LENGTH; o.excludeTrailer(OSPF2_MD5_LENGTH); }
    const type = o.type, name = packetTypes.get(type);
    c.write(`OSPFv${o.version}, ${name ?? `unknown LS-type ${type}`}, length ${length}`);
    if (name === undefined || !c.o.verbose) return;
    const plen = o.packetLength;
    if (length !== plen) c.write(` [len ${plen}]`);
    const dataend = length > plen ? plen : length;
    c.write(`\n\tRouter-ID ${o.routerId}`);
    c.write(o.areaNumber !== 0 ? `, Area ${o.areaId}` : ', Backbone Area');
    o.need(OSPF2_HEADER_LENGTH);
    const auth = o.authType;
    c.write(`, Authentication Type: ${authTypes.str(auth, 'unknown')} (${auth})`);
    if (auth === 1) { c.write('\n\tSimple text password: '); printJnp(c, { byte: (i) => o.passwordByte(i) }, 0, 8); }
    else if (auth === 2) c.write(`\n\tKey-ID: ${o.keyId}, Auth-Length: ${o.authDataLength}, Crypto Sequence Number: 0x${hex32(o.cryptoSequence)}`);
    else if (auth !== 0) return;
    const version = o.version;
    if (version !== 2) { c.write(` ospf [version ${version}]`); return; }
    // Its trunc label longjmps: [|ospf2], as a read past the capture.
    if (!decode2(c, o, dataend)) throw NOT_CAPTURED;
    if (length > plen) lls2(c, o, length);
  } finally {
    o.end = end;
  }
}

// ---- OSPFv3 ----

function lsType3(c: PrintContext, type: number, id: string): void {
  c.write(`\n\t    ${lsaTypes3.str(type & 0x1fff, 'Unknown')} LSA (${type & 0x1fff}), ${scopes3.str(type & 0x6000, 'Unknown')} Scope${type & 0x8000 ? ', transitive' : ''}, LSA-ID ${id}`);
}

/**
 * `a - b` as tcpdump prints a difference with a size_t in it (`%zu`): below 0 it wraps at 2^64, not
 * at 2^32 (an LSA whose length is shorter than its own header).
 */
function sizeDifference(a: number, b: number): string {
  return a >= b ? String(a - b) : (2n ** 64n + BigInt(a - b)).toString();
}

/** ospf6_print_lshdr for the header at absolute index `h`, the packet's data ending at `last`; false where it fails. */
function lshdr3(c: PrintContext, o: Ospf, h: number, last: number): boolean {
  if (h + OSPF_LSA_HEADER_LENGTH > last) return false;
  const l = o.pointLsa(h);
  c.write(`\n\t  Advertising Router ${l.advertisingRouter}, seq 0x${hex32(l.sequence)}, age ${l.age}s, length ${sizeDifference(l.lsaLength, OSPF_LSA_HEADER_LENGTH)}`);
  lsType3(c, l.lsType3, l.lsaId);
  return true;
}

/** ospf6_print_lsaprefix at absolute index `t`: its size, or -1. */
function lsaPrefix3(c: PrintContext, o: Ospf, t: number, len: number): number {
  if (len < 4) return -1;
  len -= 4;
  const e = o.pointEntry(t);
  if (!e.has(4)) return -1;
  const plen = e.prefixLength, words = (plen + 31) >> 5;
  if (words * 4 > 16) { c.write(` bogus prefixlen /${plen}`); return -1; }
  if (len < words * 4) return -1;
  c.write(`\n\t\t${e.prefix(words)}/${plen}`);
  const opt = e.prefixOptions;
  if (opt) c.write(`, Options [${bitNames(prefixOptions3, opt, 'none')}]`);
  c.write(`, metric ${e.prefixMetric}`);
  return 4 + words * 4;
}

/** ospf6_print_lsa for the LSA at absolute index `a`; false where it fails. */
function lsa3(c: PrintContext, o: Ospf, a: number, last: number): boolean {
  if (!lshdr3(c, o, a, last)) return false;
  const l = o.pointLsa(a);
  const length = l.lsaLength;
  if (length < OSPF_LSA_HEADER_LENGTH || a + length > last) return false;
  let len = length - OSPF_LSA_HEADER_LENGTH, t = l.bodyStart, n: number;
  switch (l.lsType3) {
    case 0x2001: {
      if (len < 4) return false;
      len -= 4;
      c.write(`\n\t      Options [${bitNames(options3, l.options3, 'none')}]`);
      c.write(`, RLA-Flags [${bitNames(rlaFlags3, l.routerFlags3, 'none')}]`);
      for (let r = t + 4; len !== 0; r += OSPF3_ROUTER_LINK_LENGTH) {
        if (len < OSPF3_ROUTER_LINK_LENGTH) return false;
        len -= OSPF3_ROUTER_LINK_LENGTH;
        const e = o.pointEntry(r);
        if (!e.has(OSPF3_ROUTER_LINK_LENGTH)) return false;
        const lt = e.linkType3;
        const ids = `\n\t      Neighbor Interface-ID ${e.neighborInterfaceId}, Interface ${e.interfaceId}`;
        switch (lt) {
          case 4: c.write(`\n\t      Virtual Link: Neighbor Router-ID ${e.neighborRouterId}${ids}`); break;
          case 1: c.write(`\n\t      Neighbor Router-ID ${e.neighborRouterId}${ids}`); break;
          case 2: c.write(`\n\t      Neighbor Network-ID ${e.neighborRouterId}${ids}`); break;
          default: c.write(`\n\t      Unknown Router Links Type 0x${lt.toString(16).padStart(2, '0')}`); return true;
        }
        c.write(`, metric ${e.linkMetric3}`);
      }
      break;
    }
    case 0x2002:
      if (len < 4) return false;
      len -= 4;
      c.write(`\n\t      Options [${bitNames(options3, l.options3, 'none')}]`);
      c.write('\n\t      Connected Routers:');
      for (let r = t + 4; len !== 0; r += 4) {
        if (len < 4) return false;
        len -= 4;
        c.write(`\n\t\t${o.pointEntry(r).address}`);
      }
      break;
    case 0x2003:
      if (len < 4) return false;
      len -= 4;
      c.write(`, metric ${l.metricWord & 0x00ffffff}`);
      for (t += 4; len !== 0; len -= n, t += n) if ((n = lsaPrefix3(c, o, t, len)) < 0) return false;
      break;
    case 0x4005: {
      if (len < 4) return false;
      len -= 4;
      const flags = l.metricWord;
      c.write(`\n\t     Flags [${bitNames(aslaFlags3, flags, 'none')}]`);
      c.write(` metric ${l.metricWord & 0x00ffffff}`);
      const prefixAt = t + 4;
      t += 4;
      if ((n = lsaPrefix3(c, o, t, len)) < 0) return false;
      len -= n; t += n;
      if (flags & 0x02000000) {
        if (len < 16) return false;
        len -= 16;
        c.write(` forward ${o.pointEntry(t).address6}`);
        t += 16;
      }
      if (flags & 0x01000000) {
        if (len < 4) return false;
        len -= 4;
        c.write(` tag ${o.pointEntry(t).address}`);
        t += 4;
      }
      // tcpdump tests the first byte of the prefix's metric for a referenced LS type.
      if (o.pointEntry(prefixAt).prefixMetricHigh) {
        if (len < 4) return false;
        len -= 4;
        c.write(` RefLSID: ${o.pointEntry(t).address}`);
      }
      break;
    }
    case 0x0008: {
      if (len < 4) return false;
      len -= 4;
      if (!l.has(OSPF_LSA_HEADER_LENGTH + 4)) return false;
      c.write(`\n\t      Options [${bitNames(options3, l.options3, 'none')}]`);
      if (len < 20) return false;
      len -= 20;
      let prefixes = l.linkPrefixCount;
      c.write(`\n\t      Priority ${l.linkPriority}, Link-local address ${l.linkLocalAddress}, Prefixes ${prefixes}:`);
      for (t += 24; prefixes > 0; prefixes--, len -= n, t += n) if ((n = lsaPrefix3(c, o, t, len)) < 0) return false;
      break;
    }
    case 0x2009: {
      if (len < 4) return false;
      len -= 4;
      if (!l.has(OSPF_LSA_HEADER_LENGTH + 12)) return false;
      lsType3(c, l.referencedLsType, l.referencedLsaId);
      if (len < 2) return false;
      len -= 2;
      let prefixes = l.intraPrefixCount;
      c.write(`\n\t      Prefixes ${prefixes}:`);
      for (t += 12; prefixes > 0; prefixes--, len -= n, t += n) if ((n = lsaPrefix3(c, o, t, len)) < 0) return false;
      break;
    }
    case 0x000b: if (!graceLsa(c, o, t, len)) return false; break;
    case 0x000a: if (!teLsa(c, o, t, len)) return false; break;
    default:
      if (!l.has(OSPF_LSA_HEADER_LENGTH)) { c.write('\n\t      Dissector error: print_unknown_data called with pointer past end of packet'); return false; }
      unknown(c, t, '\n\t      ', len);
  }
  return true;
}

/** ospf6_decode_v3, `dataend` bytes of packet; false where it goes to `trunc`. */
function decode3(c: PrintContext, o: Ospf, dataend: number): boolean {
  const vv = c.o.verbose > 1, last = o.at(dataend), list = o.at(Ospf.listStart(3, o.type));
  switch (o.type) {
    case 1:
      c.write(`\n\tOptions [${bitNames(options3, o.helloOptions3, 'none')}]`);
      c.write(`\n\t  Hello Timer ${o.helloInterval3}s, Dead Timer ${o.deadInterval3}s, Interface-ID ${o.helloInterfaceId3}, Priority ${o.helloPriority3}`);
      if (o.designatedRouterWord3 !== 0) c.write(`\n\t  Designated Router ${o.designatedRouter3}`);
      if (o.backupDesignatedRouterWord3 !== 0) c.write(`, Backup Designated Router ${o.backupDesignatedRouter3}`);
      if (vv) {
        c.write('\n\t  Neighbor List:');
        for (let n = list; n < last; n += 4) c.write(`\n\t    ${o.pointEntry(n).address}`);
      }
      break;
    case 2:
      c.write(`\n\tOptions [${bitNames(options3, o.ddOptions3, 'none')}]`);
      c.write(`, DD Flags [${bitNames(ddFlags3, o.ddFlags3, 'none')}]`);
      c.write(`, MTU ${o.ddMtu3}, DD-Sequence 0x${hex32(o.ddSequence3)}`);
      if (vv) for (let h = list; h < last; h += OSPF_LSA_HEADER_LENGTH) if (!lshdr3(c, o, h, last)) return false;
      break;
    case 3:
      if (vv) {
        for (let r = list; r < last; r += OSPF_LS_REQUEST_LENGTH) {
          const e = o.pointEntry(r);
          if (!e.has(OSPF_LS_REQUEST_LENGTH)) return false;
          c.write(`\n\t  Advertising Router ${e.requestRouter}`);
          lsType3(c, e.requestType3, e.requestLsaId);
        }
      }
      break;
    case 4:
      if (vv) {
        let i = o.lsaCount3 | 0;
        for (let a = list; a < last && i-- !== 0; a += o.pointLsa(a).lsaLength) if (!lsa3(c, o, a, last)) return false;
      }
      break;
    case 5:
      if (vv) for (let h = list; h < last; h += OSPF_LSA_HEADER_LENGTH) if (!lshdr3(c, o, h, last)) return false;
      break;
  }
  return true;
}

/** ospf6_decode_v3_trailer: LLS and the authentication trailer from byte `at` of the packet, `len` bytes; false on `trunc`. */
function trailer3(c: PrintContext, o: Ospf, at: number, len: number): boolean {
  const type = o.type;
  let lls = false;
  if (type === 1) lls = (o.helloOptions3 & 0x0200) !== 0;
  else if (type === 2) lls = (o.ddOptions3 & 0x0200) !== 0;
  let llsLen = 0;
  if (lls && len !== 0) {
    if (len < 4) return false;
    const block = o.pointTlv(o.at(at));
    c.write(`\n\tLLS Checksum 0x${hex16(block.llsChecksum)}`);
    llsLen = block.llsLength;
    c.write(`, Data Length ${llsLen}`);
    if (llsLen < 4 || llsLen > len) return false;
    if (!block.has(llsLen)) return false;
  }
  at += llsLen; len -= llsLen;
  if (len === 0) return true;
  if (len < OSPF3_AUTH_TRAILER_LENGTH) return false;
  const auth = o.pointTlv(o.at(at));
  c.write(`\n\tAuthentication Type ${authTypes3.str(auth.authType, `unknown (0x${hex16(auth.authType)})`)}`);
  const alen = auth.authLength;
  c.write(`, Length ${alen}`);
  if (alen < OSPF3_AUTH_TRAILER_LENGTH || alen > len) return false;
  c.write(`, SAID ${auth.securityAssociationId}`);
  c.write(`, CSN 0x${hex32(auth.sequenceHigh)}`);
  c.write(`:${hex32(auth.sequenceLow)}`);
  if (!auth.has(alen)) return false;
  if (c.o.verbose > 1) unknown(c, auth.authDataStart, '\n\tAuthentication Data ', alen - OSPF3_AUTH_TRAILER_LENGTH);
  return true;
}

/** ospf6_print. */
function printOspf3(c: PrintContext, o: Ospf, length: number): void {
  c.protocol = 'ospf3';
  const type = o.type, name = packetTypes.get(type);
  c.write(`OSPFv${o.version}, ${name ?? `unknown packet type (${type})`}, length ${length}`);
  if (name === undefined || !c.o.verbose) return;
  const datalen = o.packetLength;
  if (datalen > length) { c.write(` [len ${datalen}]`); return; }
  c.write(`\n\tRouter-ID ${o.routerId}`);
  c.write(o.areaNumber !== 0 ? `, Area ${o.areaId}` : ', Backbone Area');
  if (o.instanceId) c.write(`, Instance ${o.instanceId}`);
  if (o.version === 3 && (!decode3(c, o, datalen) || !trailer3(c, o, datalen, length - datalen))) c.truncMark();
}
