/** ATM: SunATM, RFC 1483 and classical IP link types, OAM cells (tcpdump's print-atm.c, print-sunatm.c, print-cip.c). */
import type { PrintContext } from './context.js';
import { printLayer, viewCall } from './dispatch.js';
import { defaultPrint } from './dump.js';
import { printLlc } from './llc.js';
import { printEtherEncapsulated } from './ether.js';
import type { Ethernet } from '../../decoders/ethernet.js';
import { Layer } from '../../decoders/layer.js';
import {
  ATM_8026_HEADER_LENGTH, AtmTraffic, AtmVci, LANE_HEADER_LENGTH, SUNATM_HEADER_LENGTH, isAtmLlcHeader, type AtmLink, type OamCell, type Sunatm,
} from '../../decoders/atm.js';

const oamFlows: Record<number, string> = { 3: 'OAM F4 (segment)', 4: 'OAM F4 (end)' };
const payloadTypes = ['user data, uncongested, SDU 0', 'user data, uncongested, SDU 1', 'user data, congested, SDU 0', 'user data, congested, SDU 1',
  'VCC OAM F5 flow segment', 'VCC OAM F5 flow end-to-end', 'Traffic Control and resource Mgmt'];
const cellTypes: Record<number, string> = { 1: 'Fault Management', 2: 'Performance Management', 8: 'activate/deactivate', 15: 'System Management' };
const functionTypes: Record<number, Record<number, string>> = {
  1: { 0: 'AIS', 1: 'RDI', 4: 'Continuity Check', 8: 'Loopback' },
  2: { 0: 'Forward Monitoring', 1: 'Backward Reporting', 2: 'Monitoring and Reporting' },
  8: { 0: 'Performance Monitoring', 1: 'Continuity Check' },
};
const msgTypes: Record<number, string> = { 0x02: 'Call_proceeding', 0x07: 'Connect', 0x0f: 'Connect_ack', 0x05: 'Setup', 0x4d: 'Release',
  0x5a: 'Release_complete', 0x46: 'Restart', 0x4e: 'Restart_ack', 0x7d: 'Status', 0x75: 'Status_enquiry', 0x80: 'Add_party',
  0x81: 'Add_party_ack', 0x82: 'Add_party_reject', 0x83: 'Drop_party', 0x84: 'Drop_party_ack' };
/** Bytes the OAM printer checks for the loopback and AIS/RDI fields (after the cell and function types). */
const OAM_FUNCTION_LENGTH = 45;

/** tcpdump's oam_print: the cell at `cell.off`, `hec` bytes of HEC after its header. */
export function printOam(c: PrintContext, cell: OamCell, length: number, hec: number): void {
  c.protocol = 'oam';
  cell.hec = hec;
  const header = cell.cellHeader;
  const cellType = cell.cellType, func = cell.functionType;
  const vpi = (header >>> 20) & 0xff, vci = (header >>> 4) & 0xffff;
  c.write(`${oamFlows[vci] ?? 'OAM F5'}, vpi ${vpi}, vci ${vci}, payload [ ${payloadTypes[(header >>> 1) & 7] ?? 'Unknown'} ], clp ${header & 1}, length ${length}`);
  if (!c.o.verbose) return;
  c.write(`\n\tcell-type ${cellTypes[cellType] ?? 'unknown'} (${cellType})`);
  const funcs = functionTypes[cellType];
  c.write(funcs === undefined ? `, func-type unknown (${func})` : `, func-type ${funcs[func] ?? 'none'} (${func})`);
  const word = (w: number): string => `${w.toString(16).padStart(4, '0')} `;
  if (cellType === 1 && func === 8) {
    cell.need(cell.payloadAt + 1 + OAM_FUNCTION_LENGTH);
    c.write(`\n\tLoopback-Indicator ${cell.loopbackIndicator ? 'Request' : 'Reply'}, Correlation-Tag 0x${cell.correlationTag.toString(16).padStart(8, '0')}`);
    c.write('\n\tLocation-ID ');
    for (let i = 0; i < 6; i++) c.write(word(cell.locationIdWord(i)));
    c.write('\n\tSource-ID   ');
    for (let i = 0; i < 6; i++) c.write(word(cell.sourceIdWord(i)));
  } else if (cellType === 1 && (func === 0 || func === 1)) {
    cell.need(cell.payloadAt + 1 + OAM_FUNCTION_LENGTH);
    c.write(`\n\tFailure-type 0x${cell.failureType.toString(16).padStart(2, '0')}`);
    c.write('\n\tLocation-ID ');
    for (let i = 0; i < 8; i++) c.write(word(cell.failureLocationWord(i)));
  }
  const crc = cell.crc10;
  c.write(`\n\tcksum 0x${crc.toString(16).padStart(3, '0')} (${cell.crc10Check === 0 ? '' : 'in'}correct)`);
}

/** RFC 1483 LLC (tcpdump's atm_llc_print): returns the bytes the dumps count as header. */
function atmLlc(c: PrintContext, off: number, length: number, caplen: number): number {
  const n = viewCall(c, Layer.Llc, off, length, undefined, printLlc);
  if (n >= 0) return n;
  defaultPrint(c, off, caplen);
  return -n;
}

/** LINKTYPE_SUNATM: returns the link-header length. */
export function printSunatm(c: PrintContext, length: number): number {
  c.protocol = 'sunatm';
  const v = c.pkt.views.table[Layer.Sunatm] as Sunatm;
  if (c.o.linkHeader) c.write(v.transmitted ? 'Tx: ' : 'Rx: ');
  const traffic = v.trafficType;
  const vpi = v.vpi, vci = v.vci;
  const p = v.off + SUNATM_HEADER_LENGTH;
  length -= SUNATM_HEADER_LENGTH;
  const caplen = v.captured - SUNATM_HEADER_LENGTH;
  // tcpdump's atm_print.
  c.protocol = 'atm';
  if (c.o.linkHeader) c.write(`VPI:${vpi} VCI:${vci} `);
  if (vpi === 0) {
    switch (vci) {
      case AtmVci.Ppc: {
        const cell = v.oam.point(p, c.end);
        const proto = cell.byte(0);
        if (proto === 0x09) {
          c.write('Q.2931');
          c.write(`:${msgTypes[cell.byte(5)] ?? `msgtype#${cell.byte(5)}`} `);
          c.write(`CALL_REF:0x${((cell.byte(2) << 16) | (cell.byte(3) << 8) | cell.byte(4)).toString(16).padStart(6, '0')}`);
        } else {
          c.write(`SSCOP, proto ${proto} `);
        }
        return SUNATM_HEADER_LENGTH;
      }
      case AtmVci.Bcc: c.write('broadcast sig: '); return SUNATM_HEADER_LENGTH;
      case AtmVci.OamF4Segment: case AtmVci.OamF4End: printOam(c, v.oam.point(p, c.end), length, 1); return SUNATM_HEADER_LENGTH;
      case AtmVci.Meta: c.write('meta: '); return SUNATM_HEADER_LENGTH;
      // ILMI is SNMP, which vcap does not print yet.
      case AtmVci.Ilmi: c.write('ilmi: '); return SUNATM_HEADER_LENGTH;
    }
  }
  if (traffic === AtmTraffic.Lane) { lane(c, v, p, length); return SUNATM_HEADER_LENGTH; }
  atmLlc(c, p, length, caplen);
  return SUNATM_HEADER_LENGTH;
}

const laneOpcodes: Record<number, string> = { 0x0001: 'configure request', 0x0101: 'configure response', 0x0002: 'join request',
  0x0102: 'join response', 0x0003: 'ready query', 0x0103: 'ready indication', 0x0004: 'register request', 0x0104: 'register response',
  0x0005: 'unregister request', 0x0105: 'unregister response', 0x0006: 'ARP request', 0x0106: 'ARP response', 0x0007: 'flush request',
  0x0107: 'flush response', 0x0008: 'NARP request', 0x0009: 'topology request' };

/** LAN emulation (tcpdump's lane_print): a control frame, or the LEC ID and an Ethernet frame. */
function lane(c: PrintContext, v: Sunatm, p: number, length: number): void {
  c.protocol = 'lane';
  const h = v.lane.point(p, c.end);
  const lecId = h.lecId;
  if (lecId === 0xff00) {
    c.write(`lec: proto ${h.controlProtocol.toString(16)} vers ${h.controlVersion.toString(16)} ${laneOpcodes[h.controlOpcode] ?? `opcode-#${h.controlOpcode}`}`);
    return;
  }
  viewCall(c, Layer.Ethernet, p + LANE_HEADER_LENGTH, length - LANE_HEADER_LENGTH, undefined, (cc: PrintContext, eth: Ethernet, len: number) =>
    printEtherEncapsulated(cc, eth, len, (ccc) => ccc.write(`lecid:${lecId.toString(16)} `)));
}

/** LINKTYPE_ATM_RFC1483 (tcpdump's atm_if_print): returns the link-header length. */
export function printAtmRfc1483(c: PrintContext, length: number): number {
  c.protocol = 'atm';
  const v = c.pkt.views.table[Layer.AtmRfc1483] as AtmLink;
  if (v.firstByte === 0x03) {
    // Cisco-style NLPID and an OSI packet, which vcap does not print yet.
    if (c.o.linkHeader) c.write('CNLPID ');
    return 1;
  }
  let hdrlen = 0, caplen = v.captured;
  if (!isAtmLlcHeader(v.llcHeader)) {
    if (c.o.linkHeader) {
      const w = (i: number): string => v.ieee8026Word(i).toString(16).padStart(8, '0');
      c.write(`${w(0)}${w(1)} ${w(2)}${w(3)} `);
    }
    v.need(ATM_8026_HEADER_LENGTH);
    hdrlen = ATM_8026_HEADER_LENGTH;
    length -= hdrlen; caplen -= hdrlen;
  }
  return hdrlen + atmLlc(c, v.off + hdrlen, length, caplen);
}

/** LINKTYPE_ATM_CLIP (tcpdump's cip_if_print): returns the link-header length. */
export function printAtmClip(c: PrintContext, length: number): number {
  c.protocol = 'cip';
  const v = c.pkt.views.table[Layer.AtmClip] as AtmLink;
  if (c.o.linkHeader) c.write(`${length}: `);
  if (v.clipLlc) return atmLlc(c, v.off, length, v.captured);
  printLayer(c, Layer.Ipv4, v.off, length);
  return 0;
}
