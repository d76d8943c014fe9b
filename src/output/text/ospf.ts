/** OSPF (tcpdump's print-ospf.c for version 2 over IPv4, print-ospf6.c for version 3 over IPv6), IP protocol 89. */
import type { PrintContext } from './context.js';
import { OSPF2_HEADER_LENGTH, OSPF3_HEADER_LENGTH, type Ospf } from '../../decoders/ospf.js';
import { ipv6ToString } from '../../decoders/addr.js';
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

const mbps = (o: Ospf, i: number): string => cFixed(Math.fround(Math.fround(o.f32(i) * 8) / 1000000), 3);
/** print_unknown_data. */
function unknown(c: PrintContext, o: Ospf, i: number, ident: string, n: number): void { c.write(hexPrint(c, ident, o.off + i, n)); }

/** An OSPF packet, `length` bytes of IP payload: version 3 over IPv6, else version 2 (print-ip-demux.c). */
export function printOspf(c: PrintContext, o: Ospf, length: number): void {
  if (c.ip.version === 6) printOspf3(c, o, length);
  else printOspf2(c, o, length);
}

// ---- OSPFv2 ----

/** ospf_grace_lsa_print; false for tcpdump's -1. */
function graceLsa(c: PrintContext, o: Ospf, t: number, len: number): boolean {
  while (len > 0) {
    if (!o.hasAt(t, 4)) return false;
    if (len < 4) { c.write(`\n\t    Remaining LS length ${len} < 4`); return false; }
    const type = o.u16(t);
    let tl = o.u16(t + 2);
    t += 4; len -= 4;
    c.write(`\n\t    ${graceTlvs.str(type, 'unknown')} TLV (${type}), length ${tl}, value: `);
    if (tl > len) { c.write(`\n\t    Bogus length ${tl} > ${len}`); return false; }
    if (type === 0 || tl === 0) return false;
    if (!o.hasAt(t, tl)) return false;
    switch (type) {
      case 1: if (tl !== 4) { c.write(`\n\t    Bogus length ${tl} != 4`); return false; } c.write(`${o.u32(t)}s`); break;
      case 2: if (tl !== 1) { c.write(`\n\t    Bogus length ${tl} != 1`); return false; } c.write(`${graceReasons.str(o.u8(t), 'Unknown')} (${o.u8(t)})`); break;
      case 3: if (tl !== 4) { c.write(`\n\t    Bogus length ${tl} != 4`); return false; } c.write(o.ipv4(t)); break;
      default: if (c.o.verbose <= 1) unknown(c, o, t, '\n\t      ', tl);
    }
    if (tl % 4 !== 0) tl += 4 - (tl % 4);
    len -= tl; t += tl;
  }
  return true;
}

/** ospf_te_lsa_print; false for tcpdump's -1. */
function teLsa(c: PrintContext, o: Ospf, t: number, len: number): boolean {
  const v = c.o.verbose;
  while (len !== 0) {
    if (!o.hasAt(t, 4)) return false;
    if (len < 4) { c.write(`\n\t    Remaining LS length ${len} < 4`); return false; }
    const type = o.u16(t);
    let tl = o.u16(t + 2);
    t += 4; len -= 4;
    c.write(`\n\t    ${teTlvs.str(type, 'unknown')} TLV (${type}), length: ${tl}`);
    if (tl > len) { c.write(`\n\t    Bogus length ${tl} > ${len}`); return false; }
    if (type === 0 || tl === 0) return false;
    if (type === 2) {
      while (tl !== 0) {
        if (tl < 4) { c.write(`\n\t    Remaining TLV length ${tl} < 4`); return false; }
        const st = o.u16(t);
        let sl = o.u16(t + 2);
        t += 4; tl -= 4;
        if (st === 0 || sl === 0) { c.invalid(); return false; }
        c.write(`\n\t      ${teLinkSubTlvs.str(st, 'unknown')} subTLV (${st}), length: ${sl}`);
        if (tl < sl) { c.write(`\n\t    Remaining TLV length ${tl + 4} < ${sl + 4}`); return false; }
        if (!o.hasAt(t, sl)) return false;
        const bad = (text: string): boolean => { c.write(text); c.invalid(); return false; };
        switch (st) {
          case 9: if (sl !== 4) return bad(' != 4'); c.write(`, 0x${hex32(o.u32(t))}`); break;
          case 2: case 11:
            if (sl !== 4 && sl !== 8) return bad(' != 4 && != 8');
            c.write(`, ${o.ipv4(t)} (0x${hex32(o.u32(t))})`);
            if (sl === 8) c.write(`, ${o.ipv4(t + 4)} (0x${hex32(o.u32(t + 4))})`);
            break;
          case 3: case 4: if (sl !== 4) return bad(' != 4'); c.write(`, ${o.ipv4(t)}`); break;
          case 6: case 7: if (sl !== 4) return bad(' != 4'); c.write(`, ${mbps(o, t)} Mbps`); break;
          case 8:
            if (sl !== 32) return bad(' != 32');
            for (let k = 0; k < 8; k++) c.write(`\n\t\tTE-Class ${k}: ${mbps(o, t + k * 4)} Mbps`);
            break;
          case 17: {
            if (sl < 4) return bad(' < 4');
            c.write(`\n\t\tBandwidth Constraints Model ID: ${diffservBcModels.str(o.u8(t), 'unknown')} (${o.u8(t)})`);
            if (sl % 4 !== 0) return bad(`\n\t\tlength ${sl} != N x 4`);
            if (sl > 36) return bad(`\n\t\tlength ${sl} > 36`);
            for (let k = 0; k < (sl - 4) / 4; k++) c.write(`\n\t\t  Bandwidth constraint CT${k}: ${mbps(o, t + 4 + k * 4)} Mbps`);
            break;
          }
          case 5: if (sl !== 4) return bad(' != 4'); c.write(`, Metric ${o.u32(t)}`); break;
          case 14: if (sl !== 4) return bad(' != 4'); c.write(`, ${bitNames(gmplsLinkProtections, o.u8(t), 'none')}`); break;
          case 15:
            if (sl < 36) return bad(' < 36');
            c.write(`\n\t\tInterface Switching Capability: ${gmplsSwitchCaps.str(o.u8(t), 'Unknown')}`);
            c.write(`\n\t\tLSP Encoding: ${gmplsEncodings.str(o.u8(t + 1), 'Unknown')}\n\t\tMax LSP Bandwidth:`);
            for (let k = 0; k < 8; k++) c.write(`\n\t\t  priority level ${k}: ${mbps(o, t + 4 + k * 4)} Mbps`);
            break;
          case 1: if (sl !== 1) return bad(' != 1'); c.write(`, ${teLinkTypes.str(o.u8(t), 'unknown')} (${o.u8(t)})`); break;
          case 16: {
            if (sl % 4 !== 0) return bad(' != N x 4');
            let n = sl / 4;
            if (n !== 0) c.write('\n\t\t  Shared risk group: ');
            // tcpdump advances its pointer through the groups, and then again by the sub-TLV's length.
            for (; n > 0; n--) { c.write(String(o.u32(t))); t += 4; if (n > 1) c.write(', '); }
            break;
          }
          default: if (v <= 1) unknown(c, o, t, '\n\t\t', sl);
        }
        if (sl % 4 !== 0) sl += 4 - (sl % 4);
        if (tl < sl) { c.write(`\n\t    Remaining TLV length ${tl + 4} < ${sl + 4}`); return false; }
        tl -= sl; t += sl;
      }
    } else if (type === 1) {
      if (tl < 4) { c.write(`\n\t    TLV length ${tl} < 4`); return false; }
      c.write(`, ${o.ipv4(t)}`);
    } else if (v <= 1) unknown(c, o, t, '\n\t      ', tl);
    if (tl % 4 !== 0) tl += 4 - (tl % 4);
    if (tl > len) { c.write(`\n\t    Bogus padded length ${tl} > ${len}`); return false; }
    len -= tl; t += tl;
  }
  return true;
}

/** ospf_print_lshdr: the LSA's length, or -1. */
function lshdr2(c: PrintContext, o: Ospf, h: number): number {
  const len = o.u16(h + 18);
  if (len < 20) { c.write(`\n\t    Bogus length ${len} < header (20)`); return -1; }
  c.write(`\n\t  Advertising Router ${o.ipv4(h + 8)}, seq 0x${hex32(o.u32(h + 12))}, age ${o.u16(h)}s, length ${len - 20}`);
  const type = o.u8(h + 3);
  if (type === 9 || type === 10 || type === 11) {
    c.write(`\n\t    ${lsaTypes2.str(type, 'unknown')} LSA (${type}), Opaque-Type ${opaqueTypes.str(o.u8(h + 4), 'unknown')} LSA (${o.u8(h + 4)}), Opaque-ID ${o.u24(h + 5)}`);
  } else c.write(`\n\t    ${lsaTypes2.str(type, 'unknown')} LSA (${type}), LSA-ID: ${o.ipv4(h + 4)}`);
  c.write(`\n\t    Options: [${bitNames(options2, o.u8(h + 2), 'none')}]`);
  return len;
}

/** ospf_print_lsa: the index after the LSA, -1 where tcpdump returns NULL. */
function lsa2(c: PrintContext, o: Ospf, a: number): number {
  const v = c.o.verbose;
  const ret = lshdr2(c, o, a);
  if (ret < 0) return -1;
  const end = a + ret, len = ret - 20, b = a + 20;
  switch (o.u8(a + 3)) {
    case 1: {
      c.write(`\n\t    Router LSA Options: [${bitNames(rlaFlags2, o.u8(b), 'none')}]`);
      const count = o.u16(b + 2);
      o.needAt(b + 4, 12);
      let r = b + 4;
      for (let i = count; i !== 0; i--) {
        o.needAt(r, 12);
        const lt = o.u8(r + 8);
        switch (lt) {
          case 4: c.write(`\n\t      Virtual Link: Neighbor Router-ID: ${o.ipv4(r)}, Interface Address: ${o.ipv4(r + 4)}`); break;
          case 1: c.write(`\n\t      Neighbor Router-ID: ${o.ipv4(r)}, Interface Address: ${o.ipv4(r + 4)}`); break;
          case 2: c.write(`\n\t      Neighbor Network-ID: ${o.ipv4(r)}, Interface Address: ${o.ipv4(r + 4)}`); break;
          case 3: c.write(`\n\t      Stub Network: ${o.ipv4(r)}, Mask: ${o.ipv4(r + 4)}`); break;
          default: c.write(`\n\t      Unknown Router Link Type (${lt})`); return end;
        }
        // ospf_print_tos_metrics: the link's metric, then its TOS metrics.
        const tosCount = o.u8(r + 9) + 1;
        for (let k = 0, m = r + 8; k < tosCount; k++, m += 4) {
          const tt = k ? o.u8(m) : 0;
          c.write(`\n\t\ttopology ${topologies.str(tt, 'Unknown')} (${tt}), metric ${o.u16(m + 2)}`);
        }
        r += 12 + o.u8(r + 9) * 4;
      }
      break;
    }
    case 2:
      c.write(`\n\t    Mask ${o.ipv4(b)}\n\t    Connected Routers:`);
      for (let r = b + 4; r < end; r += 4) c.write(`\n\t      ${o.ipv4(r)}`);
      break;
    case 3: case 4: {
      if (o.u8(a + 3) === 3) { o.needAt(b, 4); c.write(`\n\t    Mask ${o.ipv4(b)}`); }
      o.needAt(b + 4, 4);
      for (let l = b + 4; l < end; l += 4) {
        const ul = o.u32(l), topo = (ul & 0x7f000000) >>> 24;
        c.write(`\n\t\ttopology ${topologies.str(topo, 'Unknown')} (${topo}) metric ${ul & 0x00ffffff}`);
      }
      break;
    }
    case 5: case 7:
      o.needAt(b, 4);
      c.write(`\n\t    Mask ${o.ipv4(b)}`);
      o.needAt(b + 4, 4);
      for (let m = b + 4; m < end; m += 12) {
        const ul = o.u32(m), topo = (ul & 0x7f000000) >>> 24;
        c.write(`\n\t\ttopology ${topologies.str(topo, 'Unknown')} (${topo}), type ${ul & 0x80000000 ? 2 : 1}, metric`);
        c.write((ul & 0x00ffffff) === 0xffffff ? ' infinite' : ` ${ul & 0x00ffffff}`);
        if (o.u32(m + 4) !== 0) c.write(`, forward ${o.ipv4(m + 4)}`);
        if (o.u32(m + 8) !== 0) c.write(`, tag ${o.ipv4(m + 8)}`);
      }
      break;
    case 6:
      for (let m = b; m < end; m += 8) {
        const vt = o.u32(m);
        c.write(vt === 1 ? `\n\t    Router Router-ID ${o.ipv4(m + 4)}` : vt === 2 ? `\n\t    Network Designated Router ${o.ipv4(m + 4)}` : `\n\t    unknown VertexType (${vt})`);
      }
      break;
    case 9: case 10: case 11:
      switch (o.u8(a + 4)) {
        case 4: {
          let t = b;
          for (let left = len; left !== 0;) {
            if (!o.hasAt(t, 4)) return -1;
            if (left < 4) { c.write(`\n\t    Remaining LS length ${left} < 4`); return end; }
            const type = o.u16(t), tl = o.u16(t + 2);
            t += 4; left -= 4;
            c.write(`\n\t    ${riTlvs.str(type, 'unknown')} TLV (${type}), length: ${tl}, value: `);
            if (tl > left) { c.write(`\n\t    Bogus length ${tl} > remaining LS length ${left}`); return end; }
            if (!o.hasAt(t, tl)) return -1;
            if (type === 1) {
              if (tl !== 4) { c.write(`\n\t    Bogus length ${tl} != 4`); return end; }
              c.write(`Capabilities: ${bitNames(riCaps, o.u32(t), 'Unknown')}`);
            } else if (v <= 1) unknown(c, o, t, '\n\t      ', tl);
            t += tl; left -= tl;
          }
          break;
        }
        case 3: if (!graceLsa(c, o, b, len)) return end; break;
        case 1: if (!teLsa(c, o, b, len)) return end; break;
        default: if (v <= 1) unknown(c, o, b, '\n\t    ', len);
      }
      break;
  }
  if (v > 1) unknown(c, o, b, '\n\t    ', len);
  return end;
}

/** ospf_decode_v2; false where it goes to `trunc`. */
function decode2(c: PrintContext, o: Ospf, dataend: number): boolean {
  const p = OSPF2_HEADER_LENGTH;
  switch (o.type) {
    case 1:
      c.write(`\n\tOptions [${bitNames(options2, o.u8(p + 6), 'none')}]`);
      c.write(`\n\t  Hello Timer ${o.u16(p + 4)}s, Dead Timer ${o.u32(p + 8)}s, Mask ${o.ipv4(p)}, Priority ${o.u8(p + 7)}`);
      if (o.u32(p + 12) !== 0) c.write(`\n\t  Designated Router ${o.ipv4(p + 12)}`);
      if (o.u32(p + 16) !== 0) c.write(`, Backup Designated Router ${o.ipv4(p + 16)}`);
      if (p + 20 < dataend) c.write('\n\t  Neighbor List:');
      for (let n = p + 20; n < dataend; n += 4) c.write(`\n\t    ${o.ipv4(n)}`);
      break;
    case 2: {
      c.write(`\n\tOptions [${bitNames(options2, o.u8(p + 2), 'none')}]`);
      c.write(`, DD Flags [${bitNames(ddFlags2, o.u8(p + 3), 'none')}]`);
      if (o.u16(p)) c.write(`, MTU: ${o.u16(p)}`);
      c.write(`, Sequence: 0x${hex32(o.u32(p + 4))}`);
      for (let h = p + 8; h < dataend && lshdr2(c, o, h) !== -1; h += 20);
      break;
    }
    case 3:
      for (let r = p; r < dataend; r += 12) {
        o.needAt(r, 12);
        const type = o.u32(r);
        c.write(`\n\t  Advertising Router: ${o.ipv4(r + 8)}, ${lsaTypes2.str(type, 'unknown')} LSA (${type})`);
        if (type === 9 || type === 10 || type === 11) c.write(`, Opaque-Type: ${opaqueTypes.str(o.u8(r + 4), 'unknown')} LSA (${o.u8(r + 4)}), Opaque-ID: ${o.u24(r + 5)}`);
        else c.write(`, LSA-ID: ${o.ipv4(r + 4)}`);
      }
      break;
    case 4: {
      const max = o.u32(p);
      c.write(`, ${max} LSA${max === 1 ? '' : 's'}`);
      let a = p + 4;
      for (let n = 1; n <= max; n++) {
        c.write(`\n\t  LSA #${n}`);
        a = lsa2(c, o, a);
        if (a < 0) return false;
      }
      break;
    }
    case 5:
      for (let h = p; lshdr2(c, o, h) !== -1; h += 20);
      break;
  }
  return true;
}

/** ospf_decode_lls. */
function lls2(c: PrintContext, o: Ospf, length: number): void {
  const p = OSPF2_HEADER_LENGTH;
  switch (o.type) {
    case 1: if (!(o.u8(p + 6) & 0x10)) return; break;
    case 2: if (!(o.u8(p + 2) & 0x10)) return; break;
    default: return;
  }
  let length2 = o.u16(2), d = length2;
  if (o.u16(14) === 2) { d += o.u8(19); length2 += o.u8(19); }
  if (length2 >= length) { c.write('\n\t[LLS truncated]'); return; }
  c.write(`\n\t  LLS: checksum: 0x${hex16(o.u16(d))}`);
  d += 2;
  c.write(`, length: ${o.u16(d)}`);
  d += 2;
  while (d < length) {
    const type = o.u16(d);
    c.write(`\n\t    ${llsTlvs.str(type, 'Unknown TLV')} (${type})`);
    d += 2;
    let len = o.u16(d);
    c.write(`, length: ${len}`);
    d += 2;
    if (type === 1) {
      if (len !== 4) { c.write(' [should be 4]'); len = 4; }
      const flags = o.u32(d);
      c.write(`\n\t      Options: 0x${hex32(flags)} [${bitNames(llsEoOptions, flags, '?')}]`);
    } else if (type === 2) {
      if (len !== 20) { c.write(' [should be 20]'); len = 20; }
      c.write(`\n\t      Sequence number: 0x${hex32(o.u32(d))}`);
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
    if (o.u16(14) === 2) { length -= 16; o.excludeTrailer(16); }
    const type = o.u8(1), name = packetTypes.get(type);
    c.write(`OSPFv${o.u8(0)}, ${name ?? `unknown LS-type ${type}`}, length ${length}`);
    if (name === undefined || !c.o.verbose) return;
    const plen = o.u16(2);
    if (length !== plen) c.write(` [len ${plen}]`);
    const dataend = length > plen ? plen : length;
    c.write(`\n\tRouter-ID ${o.ipv4(4)}`);
    c.write(o.u32(8) !== 0 ? `, Area ${o.ipv4(8)}` : ', Backbone Area');
    o.needAt(16, 8);
    const auth = o.u16(14);
    c.write(`, Authentication Type: ${authTypes.str(auth, 'unknown')} (${auth})`);
    if (auth === 1) { c.write('\n\tSimple text password: '); printJnp(c, o, 16, 8); }
    else if (auth === 2) c.write(`\n\tKey-ID: ${o.u8(18)}, Auth-Length: ${o.u8(19)}, Crypto Sequence Number: 0x${hex32(o.u32(20))}`);
    else if (auth !== 0) return;
    const version = o.u8(0);
    if (version !== 2) { c.write(` ospf [version ${version}]`); return; }
    // Its trunc label longjmps: [|ospf2], as a read past the capture.
    if (!decode2(c, o, dataend)) o.needAt(o.end - o.off + 1, 1);
    if (length > plen) lls2(c, o, length);
  } finally {
    o.end = end;
  }
}

// ---- OSPFv3 ----

function lsType3(c: PrintContext, o: Ospf, type: number, idAt: number): void {
  c.write(`\n\t    ${lsaTypes3.str(type & 0x1fff, 'Unknown')} LSA (${type & 0x1fff}), ${scopes3.str(type & 0x6000, 'Unknown')} Scope${type & 0x8000 ? ', transitive' : ''}, LSA-ID ${o.ipv4(idAt)}`);
}

/** ospf6_print_lshdr; false where it fails. */
function lshdr3(c: PrintContext, o: Ospf, h: number, dataend: number): boolean {
  if (h + 20 > dataend) return false;
  c.write(`\n\t  Advertising Router ${o.ipv4(h + 8)}, seq 0x${hex32(o.u32(h + 12))}, age ${o.u16(h)}s, length ${(o.u16(h + 18) - 20) >>> 0}`);
  lsType3(c, o, o.u16(h + 2), h + 4);
  return true;
}

/** ospf6_print_lsaprefix: its size, or -1. */
function lsaPrefix3(c: PrintContext, o: Ospf, t: number, len: number): number {
  if (len < 4) return -1;
  len -= 4;
  if (!o.hasAt(t, 4)) return -1;
  const plen = o.u8(t), words = (plen + 31) >> 5;
  if (words * 4 > 16) { c.write(` bogus prefixlen /${plen}`); return -1; }
  if (len < words * 4) return -1;
  const prefix = o.copy(t + 4, words * 4, 16);
  c.write(`\n\t\t${ipv6ToString(prefix, 0)}/${plen}`);
  const opt = o.u8(t + 1);
  if (opt) c.write(`, Options [${bitNames(prefixOptions3, opt, 'none')}]`);
  c.write(`, metric ${o.u16(t + 2)}`);
  return 4 + words * 4;
}

/** ospf6_print_lsa; false where it fails. */
function lsa3(c: PrintContext, o: Ospf, a: number, dataend: number): boolean {
  if (!lshdr3(c, o, a, dataend)) return false;
  const length = o.u16(a + 18);
  if (length < 20 || a + length > dataend) return false;
  let len = length - 20, t = a + 20, n: number;
  switch (o.u16(a + 2)) {
    case 0x2001: {
      if (len < 4) return false;
      len -= 4;
      c.write(`\n\t      Options [${bitNames(options3, o.u32(t), 'none')}]`);
      c.write(`, RLA-Flags [${bitNames(rlaFlags3, o.u8(t), 'none')}]`);
      for (let r = t + 4; len !== 0; r += 16) {
        if (len < 16) return false;
        len -= 16;
        if (!o.hasAt(r, 16)) return false;
        const lt = o.u8(r);
        const ids = `\n\t      Neighbor Interface-ID ${o.ipv4(r + 8)}, Interface ${o.ipv4(r + 4)}`;
        switch (lt) {
          case 4: c.write(`\n\t      Virtual Link: Neighbor Router-ID ${o.ipv4(r + 12)}${ids}`); break;
          case 1: c.write(`\n\t      Neighbor Router-ID ${o.ipv4(r + 12)}${ids}`); break;
          case 2: c.write(`\n\t      Neighbor Network-ID ${o.ipv4(r + 12)}${ids}`); break;
          default: c.write(`\n\t      Unknown Router Links Type 0x${lt.toString(16).padStart(2, '0')}`); return true;
        }
        c.write(`, metric ${o.u16(r + 2)}`);
      }
      break;
    }
    case 0x2002:
      if (len < 4) return false;
      len -= 4;
      c.write(`\n\t      Options [${bitNames(options3, o.u32(t), 'none')}]`);
      c.write('\n\t      Connected Routers:');
      for (let r = t + 4; len !== 0; r += 4) {
        if (len < 4) return false;
        len -= 4;
        c.write(`\n\t\t${o.ipv4(r)}`);
      }
      break;
    case 0x2003:
      if (len < 4) return false;
      len -= 4;
      c.write(`, metric ${o.u32(t) & 0x00ffffff}`);
      for (t += 4; len !== 0; len -= n, t += n) if ((n = lsaPrefix3(c, o, t, len)) < 0) return false;
      break;
    case 0x4005: {
      if (len < 4) return false;
      len -= 4;
      const flags = o.u32(t);
      c.write(`\n\t     Flags [${bitNames(aslaFlags3, flags, 'none')}]`);
      c.write(` metric ${o.u32(t) & 0x00ffffff}`);
      const prefixAt = t + 4;
      t += 4;
      if ((n = lsaPrefix3(c, o, t, len)) < 0) return false;
      len -= n; t += n;
      if (flags & 0x02000000) {
        if (len < 16) return false;
        len -= 16;
        c.write(` forward ${o.ipv6(t)}`);
        t += 16;
      }
      if (flags & 0x01000000) {
        if (len < 4) return false;
        len -= 4;
        c.write(` tag ${o.ipv4(t)}`);
        t += 4;
      }
      // tcpdump tests the first byte of the prefix's metric for a referenced LS type.
      if (o.u8(prefixAt + 2)) {
        if (len < 4) return false;
        len -= 4;
        c.write(` RefLSID: ${o.ipv4(t)}`);
      }
      break;
    }
    case 0x0008: {
      if (len < 4) return false;
      len -= 4;
      if (!o.hasAt(t, 4)) return false;
      c.write(`\n\t      Options [${bitNames(options3, o.u32(t), 'none')}]`);
      if (len < 20) return false;
      len -= 20;
      let prefixes = o.u32(t + 20);
      c.write(`\n\t      Priority ${o.u8(t)}, Link-local address ${o.ipv6(t + 4)}, Prefixes ${prefixes}:`);
      for (t += 24; prefixes > 0; prefixes--, len -= n, t += n) if ((n = lsaPrefix3(c, o, t, len)) < 0) return false;
      break;
    }
    case 0x2009: {
      if (len < 4) return false;
      len -= 4;
      if (!o.hasAt(t + 8, 4)) return false;
      lsType3(c, o, o.u16(t + 2), t + 4);
      if (len < 2) return false;
      len -= 2;
      let prefixes = o.u16(t);
      c.write(`\n\t      Prefixes ${prefixes}:`);
      for (t += 12; prefixes > 0; prefixes--, len -= n, t += n) if ((n = lsaPrefix3(c, o, t, len)) < 0) return false;
      break;
    }
    case 0x000b: if (!graceLsa(c, o, t, len)) return false; break;
    case 0x000a: if (!teLsa(c, o, t, len)) return false; break;
    default:
      if (!o.hasAt(t, 0)) { c.write('\n\t      Dissector error: print_unknown_data called with pointer past end of packet'); return false; }
      unknown(c, o, t, '\n\t      ', len);
  }
  return true;
}

/** ospf6_decode_v3; false where it goes to `trunc`. */
function decode3(c: PrintContext, o: Ospf, dataend: number): boolean {
  const p = OSPF3_HEADER_LENGTH, vv = c.o.verbose > 1;
  switch (o.type) {
    case 1:
      c.write(`\n\tOptions [${bitNames(options3, o.u32(p + 4), 'none')}]`);
      c.write(`\n\t  Hello Timer ${o.u16(p + 8)}s, Dead Timer ${o.u16(p + 10)}s, Interface-ID ${o.ipv4(p)}, Priority ${o.u8(p + 4)}`);
      if (o.u32(p + 12) !== 0) c.write(`\n\t  Designated Router ${o.ipv4(p + 12)}`);
      if (o.u32(p + 16) !== 0) c.write(`, Backup Designated Router ${o.ipv4(p + 16)}`);
      if (vv) {
        c.write('\n\t  Neighbor List:');
        for (let n = p + 20; n < dataend; n += 4) c.write(`\n\t    ${o.ipv4(n)}`);
      }
      break;
    case 2:
      c.write(`\n\tOptions [${bitNames(options3, o.u32(p), 'none')}]`);
      c.write(`, DD Flags [${bitNames(ddFlags3, o.u8(p + 7), 'none')}]`);
      c.write(`, MTU ${o.u16(p + 4)}, DD-Sequence 0x${hex32(o.u32(p + 8))}`);
      if (vv) for (let h = p + 12; h < dataend; h += 20) if (!lshdr3(c, o, h, dataend)) return false;
      break;
    case 3:
      if (vv) {
        for (let r = p; r < dataend; r += 12) {
          if (!o.hasAt(r, 12)) return false;
          c.write(`\n\t  Advertising Router ${o.ipv4(r + 8)}`);
          lsType3(c, o, o.u16(r + 2), r + 4);
        }
      }
      break;
    case 4:
      if (vv) {
        let i = o.u32(p) | 0;
        for (let a = p + 4; a < dataend && i-- !== 0; a += o.u16(a + 18)) if (!lsa3(c, o, a, dataend)) return false;
      }
      break;
    case 5:
      if (vv) for (let h = p; h < dataend; h += 20) if (!lshdr3(c, o, h, dataend)) return false;
      break;
  }
  return true;
}

/** ospf6_decode_v3_trailer: LLS and the authentication trailer after the packet; false on `trunc`. */
function trailer3(c: PrintContext, o: Ospf, t: number, len: number): boolean {
  const p = OSPF3_HEADER_LENGTH, type = o.u8(1);
  let lls = false;
  if (type === 1) lls = (o.u32(p + 4) & 0x0200) !== 0;
  else if (type === 2) lls = (o.u32(p) & 0x0200) !== 0;
  let llsLen = 0;
  if (lls && len !== 0) {
    if (len < 4) return false;
    c.write(`\n\tLLS Checksum 0x${hex16(o.u16(t))}`);
    llsLen = o.u16(t + 2);
    c.write(`, Data Length ${llsLen}`);
    if (llsLen < 4 || llsLen > len) return false;
    if (!o.hasAt(t + 4, llsLen - 4)) return false;
  }
  t += llsLen; len -= llsLen;
  if (len === 0) return true;
  if (len < 16) return false;
  c.write(`\n\tAuthentication Type ${authTypes3.str(o.u16(t), `unknown (0x${hex16(o.u16(t))})`)}`);
  const alen = o.u16(t + 2);
  c.write(`, Length ${alen}`);
  if (alen < 16 || alen > len) return false;
  c.write(`, SAID ${o.u16(t + 6)}`);
  c.write(`, CSN 0x${hex32(o.u32(t + 8))}`);
  c.write(`:${hex32(o.u32(t + 12))}`);
  if (!o.hasAt(t + 16, alen - 16)) return false;
  if (c.o.verbose > 1) unknown(c, o, t + 16, '\n\tAuthentication Data ', alen - 16);
  return true;
}

/** ospf6_print. */
function printOspf3(c: PrintContext, o: Ospf, length: number): void {
  c.protocol = 'ospf3';
  const type = o.u8(1), name = packetTypes.get(type);
  c.write(`OSPFv${o.u8(0)}, ${name ?? `unknown packet type (${type})`}, length ${length}`);
  if (name === undefined || !c.o.verbose) return;
  const datalen = o.u16(2);
  if (datalen > length) { c.write(` [len ${datalen}]`); return; }
  c.write(`\n\tRouter-ID ${o.ipv4(4)}`);
  c.write(o.u32(8) !== 0 ? `, Area ${o.ipv4(8)}` : ', Backbone Area');
  if (o.u8(14)) c.write(`, Instance ${o.u8(14)}`);
  if (o.u8(0) === 3 && (!decode3(c, o, datalen) || !trailer3(c, o, datalen, length - datalen))) c.truncMark();
}
