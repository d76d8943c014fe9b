/**
 * Juniper capture headers (tcpdump's print-juniper.c) for the PICs whose frames vcap prints:
 * Ethernet, PPP, C-HDLC, PPPoE, PPPoE over ATM, ES (IPsec), services, monitor, ATM1 and ATM2.
 */
import type { PrintContext } from './context.js';
import { printEtherTypePayload, printLayer, viewCall } from './dispatch.js';
import { printEtherCounted } from './ether.js';
import { printLlc } from './llc.js';
import { pppPrint } from './ppp.js';
import { printChdlcHeader } from './chdlc.js';
import { printOam } from './atm.js';
import { Layer } from '../../decoders/layer.js';
import { LinkType } from '../../decoders/link-type.js';
import {
  JUNIPER_AS_COOKIE, JUNIPER_ES_HEADER_LENGTH, JUNIPER_HEADER_LENGTH, JUNIPER_LS_COOKIE, JUNIPER_MAGIC, JUNIPER_MONITOR_HEADER_LENGTH,
  JUNIPER_SERVICES_HEADER_LENGTH, JUNIPER_TLV_OVERHEAD, JuniperFlag, juniperCookies, juniperIpGuess, type Juniper,
} from '../../decoders/juniper.js';
import { PppProto } from '../../decoders/ppp.js';

/** Bytes of ATM2's control word, and of the EtherType before PPPoE/ATM's frames. */
const ATM2_CONTROL_WORD_LENGTH = 4, ETHERTYPE_LENGTH = 2;
const flagNames: ReadonlyArray<readonly [number, string]> = [[0x80, 'Ext'], [0x40, 'Filter'], [0x04, 'IIF'], [0x02, 'no-L2'], [0x01, 'In']];
const tlvNames: Record<number, string> = { 1: 'Device Interface Index', 2: 'Device Interface Name', 3: 'Device Media Type', 4: 'Logical Interface Index',
  5: 'Logical Unit Number', 6: 'Logical Interface Encapsulation', 7: 'TTP derived Device Media Type', 8: 'TTP derived Logical Interface Encapsulation' };
const mediaTypes: Record<number, string> = { 1: 'Ethernet', 2: 'FDDI', 3: 'Token-Ring', 4: 'PPP', 57: 'PPP-Subordinate', 5: 'Frame-Relay', 6: 'Cisco-HDLC',
  7: 'SMDS-DXI', 8: 'ATM-PVC', 9: 'PPP-CCC', 10: 'Frame-Relay-CCC', 48: 'Extended FR-CCC', 11: 'IP-over-IP', 12: 'GRE', 13: 'PIM-Encapsulator',
  14: 'PIM-Decapsulator', 15: 'Cisco-HDLC-CCC', 16: 'VLAN-CCC', 32: 'Extended-VLAN-CCC', 17: 'Multilink-PPP', 18: 'Multilink-FR', 39: 'Multilink-FR-UNI-NNI',
  19: 'Multilink', 40: 'LinkService', 20: 'LSI', 22: 'ATM-CCC-Cell-Relay', 23: 'IPSEC-over-IP', 24: 'GGSN', 27: 'PPP-TCC', 28: 'Frame-Relay-TCC',
  49: 'Extended FR-TCC', 29: 'Cisco-HDLC-TCC', 30: 'Ethernet-CCC', 31: 'VPN-Loopback-tunnel', 33: 'Ethernet-over-ATM', 46: 'Ethernet-VPLS-over-ATM',
  34: 'Monitor', 35: 'Ethernet-TCC', 36: 'VLAN-TCC', 37: 'Extended-VLAN-TCC', 38: 'Controller', 41: 'VPLS', 42: 'VLAN-VPLS', 43: 'Extended-VLAN-VPLS',
  44: 'Logical-tunnel', 45: 'General-Services', 56: 'PPPoE', 52: 'Flexible-Ethernet-Services', 50: 'Flexible-FrameRelay', 53: 'Flow-collection',
  60: 'PIC Peer', 59: 'Dynamic-Flow-Capture' };
const encapsulations: Record<number, string> = { 59: 'Aggregator', 9: 'CCC over ATM', 32: 'ATM CCC Cell Relay', 26: 'CISCO compatible NLPID',
  56: 'Ethernet over ATM CCC', 41: 'Ethernet over ATM LLC', 53: 'Ethernet VPLS over ATM LLC', 5: 'ATM LLC', 55: 'MLPPP over ATM LLC', 3: 'ATM NLPID',
  61: 'PPPoE over ATM LLC', 8: 'PPP over FUNI', 7: 'PPP over ATM LLC', 6: 'PPP over ATM VCMUX', 2: 'ATM SNAP', 43: 'ATM SNAP TCC', 35: 'ATM VCMUX TCC',
  4: 'ATM VCMUX', 18: 'C-HDLC', 25: 'C-HDLC CCC', 65: 'C-HDLC via dialer', 38: 'C-HDLC TCC', 58: 'Collector', 33: 'Crypto', 14: 'Ethernet',
  39: 'Ethernet CCC', 51: 'Extended VLAN VPLS', 62: 'PPPoE over Ethernet', 45: 'Ethernet TCC', 50: 'VLAN VPLS', 49: 'VPLS', 42: 'Extended VLAN CCC',
  47: 'Extended VLAN TCC', 13: 'FR CCC', 10: 'FR NLPID', 54: 'FR CCC', 12: 'FR PPP', 11: 'FR SNAP', 36: 'FR TCC', 34: 'GGSN', 22: 'GRE NULL',
  23: 'PPP over GRE', 20: 'IPIP', 60: 'LAPD', 30: 'LSI Null', 57: 'LT VLAN', 48: 'MFR', 29: 'MLFR', 28: 'MLPPP', 44: 'Monitor', 24: 'PIMd',
  21: 'PIM Null', 17: 'PPP', 63: 'PPPoE', 19: 'PPP CCC', 64: '', 37: 'PPP TCC', 52: 'General Services', 27: 'VLAN CCC', 46: 'VLAN TCC', 40: 'VT' };
const esTypes: Record<number, string> = { 1: 'ESP ENCR-AUTH', 2: 'ESP ENCR-AH AUTH', 3: 'ESP AUTH', 4: 'AH AUTH', 5: 'ESP ENCR' };

/** What tcpdump's juniper_parse_header works out (its l2info). */
interface L2Info { length: number; caplen: number; headerLength: number; direction: number; cookie: Uint8Array; proto: number }

/** tcpdump's juniper_parse_header: true when the frame goes on to the interface's layer 2. */
function parseHeader(c: PrintContext, v: Juniper, l2: L2Info): boolean {
  const lt = c.pkt.linkType;
  const flags = v.flags;
  l2.direction = flags & JuniperFlag.In;
  if (v.magic !== JUNIPER_MAGIC) { c.write('no magic-number found!'); return false; }
  if (c.o.linkHeader) c.write(`${l2.direction ? ' In' : 'Out'} `);
  let jnx = JUNIPER_HEADER_LENGTH;
  if (c.o.verbose > 1) c.write(`\n\tJuniper PCAP Flags [${flagNames.filter(([b]) => flags & b).map(([, n]) => n).join(', ') || 'none'}]`);
  if (flags & JuniperFlag.Ext) {
    let extLength = v.extensionLength;
    jnx += 2;
    let at = v.off + jnx;
    jnx += extLength;
    if (c.o.verbose > 1) c.write(`, PCAP Extension(s) total length ${extLength}`);
    v.need(jnx);
    const t = v.tlv;
    while (extLength > JUNIPER_TLV_OVERHEAD) {
      t.point(at, c.end);
      const type = t.type, len = t.length;
      if (type === 0 || len === 0) break;
      if (extLength < len + JUNIPER_TLV_OVERHEAD) { c.write(` [extension_length ${extLength} < ${len + JUNIPER_TLV_OVERHEAD}]`); c.invalid(); return false; }
      if (c.o.verbose > 1) c.write(`\n\t  ${tlvNames[type] ?? 'Unknown'} Extension TLV #${type}, length ${len}, value `);
      const value = t.value;
      if (value !== -1 && c.o.verbose > 1 && type !== 2) {
        const names = type === 3 || type === 7 ? mediaTypes : type === 6 || type === 8 ? encapsulations : undefined;
        c.write(names !== undefined ? `${names[value] ?? 'Unknown'} (${value})` : `${value}`);
      }
      at += JUNIPER_TLV_OVERHEAD + len;
      extLength -= len + JUNIPER_TLV_OVERHEAD;
    }
    if (c.o.verbose > 1) c.write('\n\t-----original packet-----\n\t');
  }
  if (flags & JuniperFlag.NoL2) {
    if (c.o.linkHeader) c.write('no-L2-hdr, ');
    v.need(jnx + 5);
    if (!ipGuess(c, v, jnx + 4, l2.length - (jnx + 4))) c.write('no IP-hdr found!');
    l2.headerLength = jnx + 4;
    return false;
  }
  l2.headerLength = jnx;
  l2.length -= jnx; l2.caplen -= jnx;
  const entry = juniperCookies.get(lt);
  if (entry !== undefined) {
    let cookieLength = entry[0];
    const first = v.byte(jnx);
    if (first === JUNIPER_LS_COOKIE) cookieLength += 2;
    else if (first === JUNIPER_AS_COOKIE) cookieLength = 8;
    l2.headerLength += cookieLength; l2.length -= cookieLength; l2.caplen -= cookieLength;
    if (c.o.linkHeader) c.write(`${entry[1]}-PIC, cookie-len ${cookieLength}`);
    if (cookieLength > 8) { c.invalid(); return false; }
    if (cookieLength > 0) {
      v.need(jnx + cookieLength);
      if (c.o.linkHeader) c.write(', cookie 0x');
      for (let i = 0; i < cookieLength; i++) {
        l2.cookie[i] = v.byte(jnx + i);
        if (c.o.linkHeader) c.write(l2.cookie[i]!.toString(16).padStart(2, '0'));
      }
    }
    if (c.o.linkHeader) c.write(': ');
    l2.proto = v.protocolAt(jnx + cookieLength);
  }
  if (lt === LinkType.JUNIPER_ATM2) {
    const p = l2.headerLength;
    v.need(p + ATM2_CONTROL_WORD_LENGTH);
    if (l2.cookie[7]! & 0x70) {
      const word = v.controlWordAt(p);
      if (word === 0 || word === 0x08000000 || word === 0x08380000) l2.headerLength += 4;
      if (c.o.linkHeader) c.write(`control-word 0x${word.toString(16).padStart(8, '0')} `);
    }
  }
  if (c.o.linkHeader) c.write(`hlen ${l2.headerLength}, proto 0x${l2.proto.toString(16).padStart(4, '0')}, `);
  return true;
}

/** tcpdump's ip_heuristic_guess: IPv4 or IPv6 by the first byte; false when it is neither. */
function ipGuess(c: PrintContext, v: Juniper, at: number, length: number): boolean {
  const layer = juniperIpGuess(v.byte(at));
  if (layer === 0) return false;
  printLayer(c, layer, v.off + at, length);
  return true;
}

/** tcpdump's juniper_ppp_heuristic_guess: a PPP frame when the first two bytes are a protocol Juniper carries. */
function pppGuess(c: PrintContext, v: Juniper, at: number, length: number): boolean {
  switch (v.protocolAt(at)) {
    case PppProto.Ip: case PppProto.Osi: case PppProto.MplsUnicast: case PppProto.MplsMulticast: case PppProto.Ipcp: case PppProto.Osicp:
    case PppProto.Mplscp: case PppProto.Lcp: case PppProto.Pap: case PppProto.Chap: case PppProto.Ml: case PppProto.Ipv6: case PppProto.Ipv6cp:
      viewCall(c, Layer.Ppp, v.off + at, length, undefined, pppPrint);
      return true;
    default:
      return false;
  }
}

const protocols: Record<number, string> = {
  [LinkType.JUNIPER_ETHER]: 'juniper_ether', [LinkType.JUNIPER_PPP]: 'juniper_ppp', [LinkType.JUNIPER_CHDLC]: 'juniper_chdlc',
  [LinkType.JUNIPER_PPPOE]: 'juniper_pppoe', [LinkType.JUNIPER_PPPOE_ATM]: 'juniper_pppoe_atm', [LinkType.JUNIPER_ES]: 'juniper_es',
  [LinkType.JUNIPER_SERVICES]: 'juniper_services', [LinkType.JUNIPER_MONITOR]: 'juniper_monitor', [LinkType.JUNIPER_ATM1]: 'juniper_atm1',
  [LinkType.JUNIPER_ATM2]: 'juniper_atm2',
};

/** Every JUNIPER_* link type vcap prints: returns the link-header length the dumps skip. */
export function printJuniper(c: PrintContext, length: number): number {
  const lt = c.pkt.linkType;
  c.protocol = protocols[lt]!;
  const v = c.pkt.views.table[Layer.Juniper] as Juniper;
  const l2: L2Info = { length, caplen: v.captured, headerLength: 0, direction: 0, cookie: new Uint8Array(8), proto: 0 };
  if (!parseHeader(c, v, l2)) return l2.headerLength;
  const p = l2.headerLength, at = v.off + p;
  switch (lt) {
    case LinkType.JUNIPER_ETHER:
      return p + viewCall(c, Layer.Ethernet, at, l2.length, undefined, printEtherCounted);
    case LinkType.JUNIPER_PPPOE:
      viewCall(c, Layer.Ethernet, at, l2.length, undefined, printEtherCounted);
      break;
    case LinkType.JUNIPER_PPP: viewCall(c, Layer.Ppp, at, l2.length, undefined, pppPrint); break;
    case LinkType.JUNIPER_CHDLC: viewCall(c, Layer.Chdlc, at, l2.length, undefined, printChdlcHeader); break;
    case LinkType.JUNIPER_PPPOE_ATM: {
      const type = v.protocolAt(p);
      if (!printEtherTypePayload(c, type, at + ETHERTYPE_LENGTH, l2.length - ETHERTYPE_LENGTH)) c.write(`unknown ethertype 0x${type.toString(16).padStart(4, '0')}`);
      break;
    }
    case LinkType.JUNIPER_ES: {
      const ih = v.pic.point(at, c.end);
      ih.need(JUNIPER_ES_HEADER_LENGTH);
      const type = ih.esType;
      if (type < 1 || type > 5) { c.write(`ES Invalid type ${type}, length ${l2.length}`); break; }
      const bundle = type <= 2, rewrite = bundle ? 0 : JUNIPER_ES_HEADER_LENGTH;
      l2.length -= rewrite;
      if (c.o.linkHeader) {
        c.write(`ES SA, index ${ih.saIndex}, ttl ${ih.ttl} type ${esTypes[type]} (${type}), `);
        if (!bundle) c.write(`spi ${ih.spi}, Tunnel ${ih.tunnelSrc} > ${ih.tunnelDst}, `);
        c.write(`length ${l2.length}\n`);
      }
      printLayer(c, Layer.Ipv4, at + rewrite, l2.length);
      break;
    }
    case LinkType.JUNIPER_SERVICES: {
      const sh = v.pic.point(at, c.end);
      sh.need(JUNIPER_SERVICES_HEADER_LENGTH);
      if (c.o.linkHeader) {
        c.write(`service-id ${sh.serviceId} flags 0x${sh.serviceFlags.toString(16).padStart(2, '0')} service-set-id 0x${sh.serviceSetId.toString(16).padStart(4, '0')} iif ${sh.serviceIif}: `);
      }
      ipGuess(c, v, p, l2.length);
      break;
    }
    case LinkType.JUNIPER_MONITOR: {
      const mh = v.pic.point(at, c.end);
      mh.need(JUNIPER_MONITOR_HEADER_LENGTH);
      if (c.o.linkHeader) c.write(`service-id ${mh.monitorServiceId}, iif ${mh.monitorIif}, pkt-type ${mh.monitorPacketType}: `);
      ipGuess(c, v, p, l2.length);
      break;
    }
    case LinkType.JUNIPER_ATM1: case LinkType.JUNIPER_ATM2:
      atm(c, v, l2, lt === LinkType.JUNIPER_ATM2);
      break;
  }
  return l2.headerLength;
}

/** ATM1 and ATM2 PICs' payloads (tcpdump's juniper_atm1_if_print, juniper_atm2_if_print). */
function atm(c: PrintContext, v: Juniper, l2: L2Info, atm2: boolean): void {
  const p = l2.headerLength, at = v.off + p;
  if (atm2 ? l2.cookie[7]! & 0x70 : l2.cookie[0] === 0x80) { printOam(c, v.oam.point(at, c.end), l2.length, 0); return; }
  const llcStart = v.llcStartAt(p);
  if (llcStart === 0xfefe03 || llcStart === 0xaaaa03) {
    if (viewCall(c, Layer.Llc, at, l2.length, undefined, printLlc) > 0) return;
  }
  if (atm2 && l2.direction !== JuniperFlag.In && (((l2.cookie[0]! << 24) | (l2.cookie[1]! << 16) | (l2.cookie[2]! << 8) | l2.cookie[3]!) & 0x3f)) {
    viewCall(c, Layer.Ethernet, at, l2.length, undefined, printEtherCounted);
    return;
  }
  // Cisco-style NLPID (0x03 and an OSI packet): an OSI printer vcap does not have yet.
  if (v.byte(p) === 0x03) return;
  if (atm2 && pppGuess(c, v, p, l2.length)) return;
  ipGuess(c, v, p, l2.length);
}
