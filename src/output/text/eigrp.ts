/** EIGRP (tcpdump's print-eigrp.c) and IGRP (print-igrp.c). */
import type { PrintContext } from './context.js';
import { EIGRP_HEADER_LENGTH, EIGRP_TLV_HEADER_LENGTH, IGRP_ENTRY_LENGTH, IGRP_HEADER_LENGTH, type Eigrp, type EigrpMetric, type Igrp } from '../../decoders/eigrp.js';
import { hexPrint } from './dump.js';
import { hex16, hex8 } from './names.js';
import { bitNames, hex32, TokTable, type Tok } from './util-print.js';

const opcodes = new TokTable([[1, 'Update'], [3, 'Query'], [4, 'Reply'], [5, 'Hello'], [6, 'IPX SAP'], [7, 'Probe']]);
const headerFlags: Tok = [[0x01, 'Init'], [0x02, 'Conditionally Received'], [0x04, 'Restart'], [0x08, 'End-of-Table']];
const tlvNames = new TokTable([
  [0x0001, 'General Parameters'], [0x0002, 'Authentication'], [0x0003, 'Sequence'], [0x0004, 'Software Version'],
  [0x0005, 'Next Multicast Sequence'], [0x0102, 'IP Internal routes'], [0x0103, 'IP External routes'], [0x0202, 'AppleTalk Internal routes'],
  [0x0203, 'AppleTalk External routes'], [0x0204, 'AppleTalk Cable setup'], [0x0302, 'IPX Internal routes'], [0x0303, 'IPX External routes'],
]);
const externalProtocols = new TokTable([
  [1, 'IGRP'], [2, 'EIGRP'], [3, 'Static'], [4, 'RIP'], [5, 'Hello'], [6, 'OSPF'], [7, 'IS-IS'], [8, 'EGP'], [9, 'BGP'], [10, 'IDRP'], [11, 'Connected'],
]);
/** Bytes of each TLV's value tcpdump needs before it prints it (its struct's size). */
const minValue: Record<number, number> = { 0x0001: 8, 0x0004: 4, 0x0102: 22, 0x0103: 42, 0x0204: 8, 0x0202: 24, 0x0203: 40 };

function metrics(c: PrintContext, m: EigrpMetric): void {
  c.write(`\n\t      delay ${Math.floor(m.delay / 100)} ms, bandwidth ${m.bandwidth} Kbps, mtu ${m.mtu}, hop ${m.hopCount}, ` +
    `reliability ${m.reliability}, load ${m.load}`);
}

/** An EIGRP packet, `length` bytes of IP payload (eigrp_print). */
export function printEigrp(c: PrintContext, eigrp: Eigrp, length: number): void {
  c.protocol = 'eigrp';
  if (!eigrp.has(EIGRP_HEADER_LENGTH)) { c.truncMark(); return; }
  const version = eigrp.version;
  if (version !== 2) { c.write(`EIGRP version ${version} packet not supported`); return; }
  const op = eigrp.opcode;
  if (c.o.verbose < 1) { c.write(`EIGRP ${opcodes.str(op, `unknown (${op})`)}, length: ${length}`); return; }
  if (length < EIGRP_HEADER_LENGTH) {
    c.write(`EIGRP ${opcodes.str(op, `unknown (${op})`)}, length: ${length} (too short, < ${EIGRP_HEADER_LENGTH})`);
    return;
  }
  let tlen = length - EIGRP_HEADER_LENGTH;
  c.write(`\n\tEIGRP v${version}, opcode: ${opcodes.str(op, `unknown, type: ${op}`)} (${op}), chksum: 0x${hex16(eigrp.checksum)}, ` +
    `Flags: [${bitNames(headerFlags, eigrp.flags, 'none')}]\n\tseq: 0x${hex32(eigrp.sequence)}, ack: 0x${hex32(eigrp.acknowledgement)}, ` +
    `VRID: ${eigrp.virtualRouterId}, AS: ${eigrp.autonomousSystem}, length: ${tlen}`);
  for (let pos = 0; tlen > 0;) {
    const t = eigrp.tlvAt(pos);
    if (!t.has(EIGRP_TLV_HEADER_LENGTH)) { c.truncMark(); return; }
    const tlvLen = t.length, type = t.type;
    if (tlvLen < EIGRP_TLV_HEADER_LENGTH || tlvLen > tlen) {
      c.write(hexPrint(c, '\n\t    ', t.off + EIGRP_TLV_HEADER_LENGTH, tlen));
      return;
    }
    c.write(`\n\t  ${tlvNames.str(type, 'Unknown')} TLV (0x${hex16(type)}), length: ${tlvLen}`);
    const vlen = tlvLen - EIGRP_TLV_HEADER_LENGTH;
    if (!t.has(tlvLen)) { c.truncMark(); return; }
    const min = minValue[type];
    if (min !== undefined && vlen < min) c.write(` (too short, < ${EIGRP_TLV_HEADER_LENGTH + min})`);
    else {
      switch (type) {
        case 0x0001:
          c.write(`\n\t    holdtime: ${t.holdTime}s, k1 ${t.k(1)}, k2 ${t.k(2)}, k3 ${t.k(3)}, k4 ${t.k(4)}, k5 ${t.k(5)}`);
          break;
        case 0x0004:
          c.write(`\n\t    IOS version: ${t.iosMajor}.${t.iosMinor}, EIGRP version ${t.eigrpMajor}.${t.eigrpMinor}`);
          break;
        case 0x0102: case 0x0103: {
          const external = type === 0x0103;
          const plen = t.prefixLength(external);
          if (plen > 32) { c.write(`\n\t    illegal prefix length ${plen}`); break; }
          c.write(`\n\t    IPv4 prefix: ${t.destination(external, plen).padStart(15)}/${plen}, nexthop: `);
          c.write(t.nextHopValue === 0 ? 'self' : t.nextHop);
          if (external) {
            c.write(`\n\t      origin-router ${t.originRouter}, origin-as ${t.originAs}, origin-proto ${externalProtocols.str(t.externalProtocol, 'unknown')}, ` +
              `flags [0x${hex8(t.externalFlags)}], tag 0x${hex32(t.tag)}, metric ${t.externalMetric}`);
          }
          metrics(c, t.metricAt(external ? 28 : 8));
          break;
        }
        case 0x0204:
          c.write(`\n\t    Cable-range: ${t.cableStart}-${t.cableEnd}, Router-ID ${t.routerId}`);
          break;
        case 0x0202: case 0x0203: {
          const external = type === 0x0203;
          c.write(`\n\t     Cable-Range: ${t.atCableStart(external)}-${t.atCableEnd(external)}, nexthop: `);
          c.write(t.nextHopValue === 0 ? 'self' : `${t.atNextHopNetwork}.${t.atNextHopNode}`);
          if (external) {
            c.write(`\n\t      origin-router ${t.originRouterValue}, origin-as ${t.originAs}, origin-proto ${externalProtocols.str(t.atExternalProtocol, 'unknown')}, ` +
              `flags [0x${hex8(t.atExternalFlags)}], tag 0x${hex32(t.tag)}, metric ${t.atExternalMetric}`);
          }
          metrics(c, t.metricAt(external ? 24 : 8));
          break;
        }
        default:
          if (c.o.verbose <= 1) c.write(hexPrint(c, '\n\t    ', t.off + EIGRP_TLV_HEADER_LENGTH, vlen));
      }
    }
    if (c.o.verbose > 1) c.write(hexPrint(c, '\n\t    ', t.off + EIGRP_TLV_HEADER_LENGTH, vlen));
    pos += tlvLen;
    tlen -= tlvLen;
  }
}

const igrpOps = new TokTable([[1, 'update'], [2, 'request']]);

/** An IGRP packet, `length` bytes of IP payload (igrp_print). */
export function printIgrp(c: PrintContext, igrp: Igrp, length: number): void {
  c.protocol = 'igrp';
  c.write('igrp:');
  let nint = igrp.interiorCount, nsys = igrp.systemCount, next = igrp.exteriorCount;
  const op = igrp.opcode;
  c.write(` ${igrpOps.str(op, `op-#${op}`)} V${igrp.version} edit=${igrp.edition} AS=${igrp.autonomousSystem} (${nint}/${nsys}/${next})`);
  const sum = igrp.checksum;
  if (c.o.verbose) c.write(` checksum=0x${hex16(sum)}`);
  // tcpdump subtracts in unsigned arithmetic: a length under the header's wraps to a huge one.
  length = (length - IGRP_HEADER_LENGTH) >>> 0;
  for (let i = 0; length >= IGRP_ENTRY_LENGTH; i++) {
    const e = igrp.entryAt(i);
    const n0 = e.net(0), n1 = e.net(1), n2 = e.net(2);
    if (nint > 0) { c.write(` *.${n0}.${n1}.${n2}`); nint--; }
    else if (nsys > 0) { c.write(` ${n0}.${n1}.${n2}.0`); nsys--; }
    else if (next > 0) { c.write(` X${n0}.${n1}.${n2}.0`); next--; }
    else { c.write(` [extra bytes ${length}]`); break; }
    const delay = e.delay, bandwidth = e.bandwidth, metric = Math.min(bandwidth + delay, 0xffffff), mtu = e.mtu;
    c.write(` d=${10 * delay} b=${bandwidth === 0 ? 0 : Math.floor(10000000 / bandwidth)} r=${e.reliability} l=${e.load} M=${metric} ` +
      `mtu=${mtu} in ${e.hopCount} hops`);
    length -= IGRP_ENTRY_LENGTH;
  }
  if (nint || nsys || next || length) c.invalid();
}
