/** sFlow (tcpdump's print-sflow.c): the datagram header; with -v its samples and their records. */
import type { PrintContext } from './context.js';
import {
  SFLOW_COUNTER_SAMPLE_LENGTH, SFLOW_EXPANDED_COUNTER_SAMPLE_LENGTH, SFLOW_EXPANDED_FLOW_SAMPLE_LENGTH, SFLOW_FLOW_SAMPLE_LENGTH,
  SFLOW_HEADER_V4_LENGTH, SFLOW_HEADER_V6_LENGTH, SFLOW_RECORD_HEADER_LENGTH, SFLOW_SAMPLE_HEADER_LENGTH, SflowRecordLength,
  type Sflow, type SflowRecord,
} from '../../decoders/sflow.js';
import { tokName, unknownData, type Tok } from './tok.js';

const SAMPLE_FORMATS: Tok = [[1, 'flow sample'], [2, 'counter sample'], [3, 'expanded flow sample'], [4, 'expanded counter sample']];
const FLOW_TYPES: Tok = [
  [1, 'Raw packet'], [2, 'Ethernet frame'], [3, 'IPv4 Data'], [4, 'IPv6 Data'], [1001, 'Extended Switch data'],
  [1002, 'Extended Router data'], [1003, 'Extended Gateway data'], [1004, 'Extended User data'], [1005, 'Extended URL data'],
  [1006, 'Extended MPLS data'], [1007, 'Extended NAT data'], [1008, 'Extended MPLS tunnel'], [1009, 'Extended MPLS VC'],
  [1010, 'Extended MPLS FEC'], [1011, 'Extended MPLS LVP FEC'], [1012, 'Extended VLAN Tunnel'],
];
const RAW_PROTOCOLS: Tok = [[1, 'Ethernet'], [11, 'IPv4'], [12, 'IPv6']];
const COUNTER_TYPES: Tok = [
  [1, 'Generic counter'], [2, 'Ethernet counter'], [3, 'Token ring counter'], [4, '100 BaseVG counter'], [5, 'Vlan counter'],
  [1001, 'Processor counter'],
];
const DIRECTIONS: Tok = [[0, 'unknown'], [1, 'full-duplex'], [2, 'half-duplex'], [3, 'in'], [4, 'out']];

/** An sFlow datagram of `len` bytes (the UDP payload). */
export function printSflow(c: PrintContext, s: Sflow, len: number): void {
  c.protocol = 'sflow';
  const ipVersion = s.ipVersion;
  if ((len < SFLOW_HEADER_V4_LENGTH && ipVersion === 1) || (len < SFLOW_HEADER_V6_LENGTH && ipVersion === 2)) {
    c.write(`sFlowv${s.version}`);
    // tcpdump names the IPv4 header's size whatever the agent's address.
    c.write(` [length ${len} < ${SFLOW_HEADER_V4_LENGTH}]`);
    c.invalid();
    return;
  }
  s.need(SFLOW_HEADER_V4_LENGTH);
  const version = s.version;
  if (version !== 5) { c.write(`sFlow version ${version} packet not supported`); return; }
  // Every address type but 1 is read as IPv6 (tcpdump's test is ip_version == 1).
  const v6 = ipVersion !== 1;
  if (c.o.verbose < 1) {
    const line = `sFlowv${version}, ${ipVersion === 1 ? 'IPv4' : 'IPv6'} agent ${ipVersion === 1 ? s.agentIpv4 : s.agentIpv6}, ` +
      `agent-id ${s.agentId}, length ${len}`;
    c.write(line);
    return;
  }
  let nsamples = s.samples;
  const line = `sFlowv${version}, ${v6 ? 'IPv6' : 'IPv4'} agent ${v6 ? s.agentIpv6 : s.agentIpv4}, agent-id ${s.agentId}, ` +
    `seqnum ${s.sequence}, uptime ${s.uptime}, samples ${nsamples}, length ${len}`;
  c.write(line);
  const header = v6 ? SFLOW_HEADER_V6_LENGTH : SFLOW_HEADER_V4_LENGTH;
  let i = 0, tlen = len;
  if (tlen < header) { c.write(` [tlen ${tlen} < ${header}]`); invalid(c, s, i, tlen); return; }
  i += header; tlen -= header;
  const sample = s.sample;
  while (nsamples > 0 && tlen > 0) {
    s.at(sample, i);
    const type = sample.format & 0x0fff;
    const slen = sample.length;
    if (tlen < SFLOW_SAMPLE_HEADER_LENGTH) { invalid(c, s, i, tlen); return; }
    c.write(`\n\t${tokName(SAMPLE_FORMATS, 'Unknown', type)} (${type}), length ${slen},`);
    if (type === 0 || slen === 0) return;
    const body = i + SFLOW_SAMPLE_HEADER_LENGTH;
    const blen = tlen - SFLOW_SAMPLE_HEADER_LENGTH;
    if (blen < slen) { invalid(c, s, body, blen); return; }
    s.need(body + slen);
    let bad = false;
    switch (type) {
      case 1: bad = flowSample(c, s, i, blen, false); break;
      case 2: bad = counterSample(c, s, i, blen, false); break;
      case 3: bad = flowSample(c, s, i, blen, true); break;
      case 4: bad = counterSample(c, s, i, blen, true); break;
      default: if (c.o.verbose <= 1) unknownData(c, '\n\t    ', s.off + body, slen);
    }
    if (bad) { invalid(c, s, body, blen); return; }
    i = body + slen; tlen = blen - slen;
    nsamples--;
  }
}

/** ` (invalid)` and the rest checked (tcpdump's `invalid:`). */
function invalid(c: PrintContext, s: Sflow, i: number, len: number): void {
  c.invalid();
  s.need(i + len);
}

/** A flow sample at index `i` (its header), `len` bytes after the header; true when too short. */
function flowSample(c: PrintContext, s: Sflow, i: number, len: number, expanded: boolean): boolean {
  const fixed = expanded ? SFLOW_EXPANDED_FLOW_SAMPLE_LENGTH : SFLOW_FLOW_SAMPLE_LENGTH;
  if (len < fixed) return true;
  const m = s.sample;
  s.at(m, i);
  const records = expanded ? m.expandedFlowRecords : m.flowRecords;
  const line = expanded
    ? ` seqnum ${m.sequence}, type ${m.expandedSourceType}, idx ${m.expandedSourceIndex}, rate ${m.expandedRate}, ` +
      `pool ${m.expandedPool}, drops ${m.expandedDrops}, records ${records}`
    : ` seqnum ${m.sequence}, type ${m.sourceType}, idx ${m.sourceIndex}, rate ${m.rate}, pool ${m.pool}, drops ${m.drops}, ` +
      `input ${m.inputInterface} output ${m.outputInterface} records ${records}`;
  c.write(line);
  return flowRecords(c, s, i + SFLOW_SAMPLE_HEADER_LENGTH + fixed, len - fixed, records);
}

/** A counter sample, as flowSample. */
function counterSample(c: PrintContext, s: Sflow, i: number, len: number, expanded: boolean): boolean {
  const fixed = expanded ? SFLOW_EXPANDED_COUNTER_SAMPLE_LENGTH : SFLOW_COUNTER_SAMPLE_LENGTH;
  if (len < fixed) return true;
  const m = s.sample;
  s.at(m, i);
  const records = expanded ? m.expandedCounterRecords : m.counterRecords;
  const line = expanded
    ? ` seqnum ${m.sequence}, type ${m.expandedSourceType}, idx ${m.expandedSourceIndex}, records ${records}`
    : ` seqnum ${m.sequence}, type ${m.sourceType}, idx ${m.sourceIndex}, records ${records}`;
  c.write(line);
  return counterRecords(c, s, i + SFLOW_SAMPLE_HEADER_LENGTH + fixed, len - fixed, records);
}

/** sflow_print_flow_records: true when a record does not fit. */
function flowRecords(c: PrintContext, s: Sflow, i: number, tlen: number, n: number): boolean {
  const r = s.record;
  for (; n > 0; n--) {
    if (tlen < SFLOW_RECORD_HEADER_LENGTH) return true;
    s.at(r, i);
    const format = r.format;
    const type = format & 0x0fff, enterprise = format >>> 12;
    const flen = r.length;
    c.write(`\n\t    enterprise ${enterprise} ${enterprise === 0 ? tokName(FLOW_TYPES, 'Unknown', type) : 'Unknown'} (${type}) length ${flen}`);
    i += SFLOW_RECORD_HEADER_LENGTH; tlen -= SFLOW_RECORD_HEADER_LENGTH;
    if (tlen < flen) return true;
    if (enterprise === 0) {
      switch (type) {
        case 1: {                                       // raw packet header
          if (tlen < SflowRecordLength.RawPacket) return true;
          const p = r.counter32(0);
          c.write(`\n\t      protocol ${tokName(RAW_PROTOCOLS, 'Unknown', p)} (${p}), length ${r.counter32(4)}, ` +
            `stripped bytes ${r.counter32(8)}, header_size ${r.counter32(12)}`);
          break;
        }
        case 1001:                                      // extended switch data
          if (tlen < SflowRecordLength.ExtendedSwitch) return true;
          c.write(`\n\t      src vlan ${r.counter32(0)}, src pri ${r.counter32(4)}, dst vlan ${r.counter32(8)}, dst pri ${r.counter32(12)}`);
          break;
        case 2:                                         // Ethernet frame data
          if (tlen < SflowRecordLength.EthernetFrame) return true;
          c.write(`\n\t      frame len ${r.counter32(0)}, type ${r.counter32(20)}`);
          break;
        case 3: case 4: case 1002: case 1003: case 1004: case 1005: case 1006: case 1007: case 1008: case 1009: case 1010:
        case 1011: case 1012:
          break;                                        // tcpdump has no decoder for these
        default:
          if (c.o.verbose <= 1) unknownData(c, '\n\t\t', s.off + i, flen);
      }
    }
    i += flen; tlen -= flen;
  }
  return false;
}

const ETHERNET_COUNTERS = [
  ['\n\t      align errors', 'fcs errors', 'single collision', 'multiple collision', 'test error'],
  ['\n\t      deferred', 'late collision', 'excessive collision', 'mac trans error'],
  ['\n\t      carrier error', 'frames too long', 'mac receive errors', 'symbol errors'],
];

/** sflow_print_counter_records: true when a record does not fit. */
function counterRecords(c: PrintContext, s: Sflow, i: number, tlen: number, n: number): boolean {
  const r = s.record;
  for (; n > 0; n--) {
    if (tlen < SFLOW_RECORD_HEADER_LENGTH) return true;
    s.at(r, i);
    const format = r.format;
    const type = format & 0x0fff, enterprise = format >>> 20;
    const clen = r.length;
    c.write(`\n\t    enterprise ${enterprise}, ${enterprise === 0 ? tokName(COUNTER_TYPES, 'Unknown', type) : 'Unknown'} (${type}) length ${clen}`);
    i += SFLOW_RECORD_HEADER_LENGTH; tlen -= SFLOW_RECORD_HEADER_LENGTH;
    if (tlen < clen) return true;
    if (enterprise === 0) {
      switch (type) {
        case 1: if (genericCounters(c, r, tlen)) return true; break;
        case 2: {
          if (tlen < SflowRecordLength.EthernetCounters) return true;
          let k = 0;
          for (const group of ETHERNET_COUNTERS) {
            const values = group.map(() => r.counter32(4 * k++));
            c.write(group.map((name, j) => `${name} ${values[j]!}`).join(', '));
          }
          break;
        }
        case 3: break;                                  // token ring: nothing printed
        case 4: if (baseVgCounters(c, r, tlen)) return true; break;
        case 5:
          if (tlen < SflowRecordLength.VlanCounters) return true;
          c.write(`\n\t      vlan_id ${r.counter32(0)}, octets ${r.counter64(4)}, unicast_pkt ${r.counter32(12)}, ` +
            `multicast_pkt ${r.counter32(16)}, broadcast_pkt ${r.counter32(20)}, discards ${r.counter32(24)}`);
          break;
        case 1001:
          if (tlen < SflowRecordLength.ProcessorCounters) return true;
          // tcpdump labels the free memory `total_mem` too.
          c.write(`\n\t      5sec ${r.counter32(0)}, 1min ${r.counter32(4)}, 5min ${r.counter32(8)}, total_mem ${r.counter64(12)}, ` +
            `total_mem ${r.counter64(20)}`);
          break;
        default:
          if (c.o.verbose <= 1) unknownData(c, '\n\t\t', s.off + i, clen);
      }
    }
    i += clen; tlen -= clen;
  }
  return false;
}

function genericCounters(c: PrintContext, r: SflowRecord, len: number): boolean {
  if (len < SflowRecordLength.GenericCounters) return true;
  const dir = r.counter32(16);
  c.write(`\n\t      ifindex ${r.counter32(0)}, iftype ${r.counter32(4)}, ifspeed ${r.counter64(8)}, ifdirection ${dir} (${tokName(DIRECTIONS, 'Unknown', dir)})`);
  const status = r.counter32(20);
  c.write(`\n\t      ifstatus ${status}, adminstatus: ${status & 1 ? 'up' : 'down'}, operstatus: ${(status >>> 1) & 1 ? 'up' : 'down'}`);
  c.write(`\n\t      In octets ${r.counter64(24)}, unicast pkts ${r.counter32(32)}, multicast pkts ${r.counter32(36)}, ` +
    `broadcast pkts ${r.counter32(40)}, discards ${r.counter32(44)}`);
  c.write(`\n\t      In errors ${r.counter32(48)}, unknown protos ${r.counter32(52)}`);
  c.write(`\n\t      Out octets ${r.counter64(56)}, unicast pkts ${r.counter32(64)}, multicast pkts ${r.counter32(68)}, ` +
    `broadcast pkts ${r.counter32(72)}, discards ${r.counter32(76)}`);
  c.write(`\n\t      Out errors ${r.counter32(80)}, promisc mode ${r.counter32(84)}`);
  return false;
}

function baseVgCounters(c: PrintContext, r: SflowRecord, len: number): boolean {
  if (len < SflowRecordLength.BaseVgCounters) return true;
  c.write(`\n\t      in high prio frames ${r.counter32(0)}, in high prio octets ${r.counter64(4)}`);
  c.write(`\n\t      in norm prio frames ${r.counter32(12)}, in norm prio octets ${r.counter64(16)}`);
  c.write(`\n\t      in ipm errors ${r.counter32(24)}, oversized ${r.counter32(28)}, in data errors ${r.counter32(32)}, ` +
    `null addressed frames ${r.counter32(36)}`);
  c.write(`\n\t      out high prio frames ${r.counter32(40)}, out high prio octets ${r.counter64(44)}, trans into frames ${r.counter32(52)}`);
  c.write(`\n\t      in hc high prio octets ${r.counter64(56)}, in hc norm prio octets ${r.counter64(64)}, out hc high prio octets ${r.counter64(72)}`);
  return false;
}
