/**
 * PPP (tcpdump's print-ppp.c): the PPP and PPP_SERIAL link types, PPP inside PPPoE, and the
 * control (LCP, IPCP, IP6CP, CCP, BACP), authentication (PAP, CHAP) and multilink packets.
 */
import type { PrintContext } from './context.js';
import { printEtherTypePayload, printLayer, viewCall } from './dispatch.js';
import { hexPrint } from './dump.js';
import { ouiName } from './names.js';
import { safeChar } from './print-char.js';
import { Layer } from '../../decoders/layer.js';
import { printChdlcHeader } from './chdlc.js';
import {
  PPP_CONTROL_HEADER_LENGTH, PPP_OPTION_HEADER_LENGTH, PPP_SERIAL_HEADER_LENGTH, PPP_PROTOCOL_LENGTH, PPPD_IN, PPPD_OUT, PppProto,
  type Ppp, type PppControl, type PppOption,
} from '../../decoders/ppp.js';

/** tcpdump's ppptype2str. */
const protocolNames = new Map<number, string>([
  [0x0021, 'IP'], [0x0023, 'OSI'], [0x0025, 'NS'], [0x0027, 'DECNET'], [0x0029, 'APPLE'], [0x002b, 'IPX'], [0x002d, 'VJC IP'],
  [0x002f, 'VJNC IP'], [0x0031, 'BRPDU'], [0x0033, 'STII'], [0x0035, 'VINES'], [0x0281, 'MPLS'], [0x0283, 'MPLS'], [0x00fd, 'Compressed'],
  [0x003d, 'MLPPP'], [0x0057, 'IP6'], [0x0201, 'HELLO'], [0x0231, 'LUXCOM'], [0x0233, 'SNS'], [0x8021, 'IPCP'], [0x8023, 'OSICP'],
  [0x8025, 'NSCP'], [0x8027, 'DECNETCP'], [0x8029, 'APPLECP'], [0x802b, 'IPXCP'], [0x8033, 'STIICP'], [0x8035, 'VINESCP'],
  [0x8057, 'IP6CP'], [0x8281, 'MPLSCP'], [0xc021, 'LCP'], [0xc023, 'PAP'], [0xc025, 'LQM'], [0xc223, 'CHAP'], [0xc227, 'EAP'],
  [0xc027, 'SPAP'], [0xc123, 'Old-SPAP'], [0xc02b, 'BACP'], [0xc02d, 'BAP'], [0xc03d, 'MLPPP-CP'], [0x80fd, 'CCP'],
]);
const hex2 = (v: number): string => v.toString(16).padStart(2, '0');
const hex4 = (v: number): string => v.toString(16).padStart(4, '0');
const hex8 = (v: number): string => v.toString(16).padStart(8, '0');

const cpCodes = ['Vendor-Extension', 'Conf-Request', 'Conf-Ack', 'Conf-Nack', 'Conf-Reject', 'Term-Request', 'Term-Ack', 'Code-Reject',
  'Prot-Reject', 'Echo-Request', 'Echo-Reply', 'Disc-Req', 'Ident', 'Time-Rem', 'Reset-Req', 'Reset-Ack'];
const enum Cp { Vext = 0, ConfReq = 1, ConfAck = 2, ConfNak = 3, ConfRej = 4, TermReq = 5, TermAck = 6, CodeRej = 7, ProtRej = 8,
  EchoReq = 9, EchoRpl = 10, DiscReq = 11, Id = 12, TimeRem = 13 }

/** LINKTYPE_PPP (tcpdump's ppp_if_print): the dumps skip 4 bytes whatever the header holds. */
export function printPppLink(c: PrintContext, length: number): number {
  c.protocol = 'ppp';
  const v = c.pkt.views.table[Layer.Ppp] as Ppp;
  const caplen = v.captured;
  if (caplen < 4) { c.truncMark(); return caplen; }
  pppPrint(c, v, length);
  return 4;
}

/** PPP inside another layer (PPPoE): tcpdump's ppp_print, returning the header's length (0 when cut). */
export function pppPrint(c: PrintContext, v: Ppp, length: number): number {
  c.protocol = 'ppp';
  const olen = length;
  if (length < 2) { c.truncMark(); return 0; }
  const ac = v.addressControlLength;
  if (ac !== 0 && c.o.linkHeader) {
    const a = v.address;
    if (a === PPPD_IN) c.write('In  ');
    else if (a === PPPD_OUT) c.write('Out ');
  }
  length -= ac;
  if (length < 2) { c.truncMark(); return 0; }
  const proto = v.protocol, hdr = v.protocolEnd;
  length -= hdr - ac;
  if (c.o.linkHeader) {
    const name = protocolNames.get(proto);
    c.write(`${name ?? 'unknown'} (0x${hex4(proto)}), length ${olen}`);
    if (name === undefined) return hdr;
    c.write(': ');
  }
  handlePpp(c, proto, v.off + hdr, length);
  return hdr;
}

/** Registered for Layer.Ppp: PPP reached through the registry. */
export function printPpp(c: PrintContext, v: Ppp, length: number): void { pppPrint(c, v, length); }

/** LINKTYPE_PPP_SERIAL (tcpdump's ppp_hdlc_if_print): RFC 1662 framing, or Cisco HDLC. */
export function printPppSerial(c: PrintContext, length: number): number {
  c.protocol = 'ppp_hdlc';
  const v = c.pkt.views.table[Layer.PppSerial] as Ppp;
  const caplen = v.captured;
  if (caplen < 2) { c.truncMark(); return caplen; }
  const a = v.address;
  if (a === 0x0f || a === 0x8f) {
    c.protocol = 'chdlc';
    return viewCall(c, Layer.Chdlc, v.off, length, undefined, printChdlcHeader);
  }
  if (caplen < 4) { c.truncMark(); return caplen; }
  if (c.o.linkHeader) c.write(`${hex2(a)} ${hex2(v.control)} ${length} `);
  if (a !== 0xff) {
    c.write(`unknown addr ${hex2(v.protocol >> 8)}; ctrl ${hex2(v.protocol & 0xff)}`);
    return 2;
  }
  const proto = v.protocol;
  c.write(`${protocolNames.get(proto) ?? `unknown PPP protocol (0x${hex4(proto)})`}: `);
  handlePpp(c, proto, v.off + PPP_SERIAL_HEADER_LENGTH, length - PPP_SERIAL_HEADER_LENGTH);
  return PPP_SERIAL_HEADER_LENGTH;
}

/** tcpdump's handle_ppp: the packet of protocol `proto` at `p`. */
export function handlePpp(c: PrintContext, proto: number, p: number, length: number): void {
  // 0x7eXX: an unescaped HDLC flag, so the frame is still byte-stuffed (RFC 1662). tcpdump copies it
  // unescaped and prints the copy; vcap's printers read the captured bytes only, so it prints nothing here.
  if ((proto & 0xff00) === 0x7e00) return;
  switch (proto) {
    case PppProto.Lcp: case PppProto.Ipcp: case PppProto.Osicp: case PppProto.Mplscp: case PppProto.Ipv6cp: case PppProto.Ccp: case PppProto.Bacp:
      viewCall(c, Layer.PppControl, p, length, proto, printControl);
      break;
    case PppProto.Ml: printMultilink(c, p, length); break;
    case PppProto.Chap: viewCall(c, Layer.PppControl, p, length, undefined, printChap); break;
    case PppProto.Pap: viewCall(c, Layer.PppControl, p, length, undefined, printPap); break;
    case PppProto.Bap: break;   // tcpdump prints nothing for BAP yet
    case 0x0800: case PppProto.Vjnc: case PppProto.Ip: printLayer(c, Layer.Ipv4, p, length); break;
    case 0x86dd: case PppProto.Ipv6: printLayer(c, Layer.Ipv6, p, length); break;
    case PppProto.MplsUnicast: case PppProto.MplsMulticast: printEtherTypePayload(c, 0x8847, p, length); break;
    case PppProto.Comp: c.write('compressed PPP data'); break;
    case PppProto.Osi: printLayer(c, Layer.Osi, p, length); break;
    // IPX: a printer vcap does not have yet; tcpdump prints those packets.
    case 0x8137: case PppProto.Ipx: break;
    default:
      c.write(`${protocolNames.get(proto) ?? `unknown PPP protocol (0x${hex4(proto)})`} `);
      c.write(hexPrint(c, '\n\t', p, length));
  }
}

/** ML-PPP (tcpdump's handle_mlppp). */
function printMultilink(c: PrintContext, p: number, length: number): void {
  if (!c.o.linkHeader) c.write('MLPPP, ');
  const ml = (c.pkt.views.table[Layer.Ppp] as Ppp).multilink.point(p, c.end);
  if (length < 2 || !ml.has(2)) { c.write('[|mlppp]'); return; }
  const f = ml.flags;
  const flags = [f & 0x80 ? 'begin' : '', f & 0x40 ? 'end' : ''].filter((s) => s !== '').join(', ');
  c.write(`seq 0x${ml.sequence.toString(16).padStart(3, '0')}, Flags [${flags || 'none'}], length ${length}`);
}

/** tcpdump's handle_ctrl_proto: LCP, IPCP, IP6CP, CCP, BACP, OSICP, MPLSCP. */
function printControl(c: PrintContext, v: PppControl, length: number, proto: number): void {
  const typestr = protocolNames.get(proto) ?? `unknown ctrl-proto (0x${hex4(proto)})`;
  c.write(`${typestr}, `);
  if (length < 4 || !v.has(2)) { c.write(`[|${typestr}]`); return; }
  const code = v.code;
  c.write(`${cpCodes[code] ?? 'Unknown Opcode'} (0x${hex2(code)}), id ${v.identifier}, length ${length + 2}`);
  if (!c.o.verbose) return;
  const len = v.packetLength;
  if (len < 4) { c.write(`\n\tencoded length ${len} (< 4))`); return; }
  if (len > length) { c.write(`\n\tencoded length ${len} (> packet length ${length}))`); return; }
  length = len;
  c.write(`\n\tencoded length ${len} (=Option(s) length ${len - 4})`);
  if (length === 4) return;
  if (c.o.verbose > 1) c.write(hexPrint(c, '\n\t', v.off - PPP_PROTOCOL_LENGTH, 6));
  const data = v.off + PPP_CONTROL_HEADER_LENGTH;
  switch (code) {
    case Cp.Vext:
      if (length < 11) break;
      c.write(`\n\t  Magic-Num 0x${hex8(v.dataWord(PPP_CONTROL_HEADER_LENGTH))}`);
      c.write(` Vendor: ${ouiName(v.dataOui(PPP_CONTROL_HEADER_LENGTH + 4)) ?? 'Unknown'} (${v.dataOui(PPP_CONTROL_HEADER_LENGTH + 4)})`);
      break;
    case Cp.ConfReq: case Cp.ConfAck: case Cp.ConfNak: case Cp.ConfRej: {
      const printOption = optionPrinters.get(proto);
      if (printOption === undefined) break;
      let tlen = len - 4, at = data;
      do {
        const advance = printOption(c, v.option.point(at, c.end), len);
        if (advance === 0) break;
        if (tlen < advance) { c.write(` [remaining options length ${tlen} < ${advance}]`); c.invalid(); break; }
        tlen -= advance; at += advance;
      } while (tlen !== 0);
      break;
    }
    case Cp.TermReq: case Cp.TermAck: case Cp.CodeRej: break;
    case Cp.ProtRej: {
      if (length < 6) break;
      const rejected = v.dataShort(PPP_CONTROL_HEADER_LENGTH);
      c.write(`\n\t  Rejected ${protocolNames.get(rejected) ?? 'unknown'} Protocol (0x${hex4(rejected)})`);
      if (len > 6) { c.write('\n\t  Rejected Packet'); c.write(hexPrint(c, '\n\t    ', data + PPP_PROTOCOL_LENGTH, len - 2)); }
      break;
    }
    case Cp.EchoReq: case Cp.EchoRpl: case Cp.DiscReq:
      if (length < 8) break;
      c.write(`\n\t  Magic-Num 0x${hex8(v.dataWord(PPP_CONTROL_HEADER_LENGTH))}`);
      if (len > 8) {
        c.write('\n\t  -----trailing data-----');
        if (!v.has(PPP_CONTROL_HEADER_LENGTH + 4 + len - 8)) { c.write(`[|${typestr}]`); return; }
        c.write(hexPrint(c, '\n\t  ', data + 4, len - 8));
      }
      break;
    case Cp.Id:
      if (length < 8) break;
      c.write(`\n\t  Magic-Num 0x${hex8(v.dataWord(PPP_CONTROL_HEADER_LENGTH))}`);
      if (len > 8) {
        c.write('\n\t  Message\n\t    ');
        // nd_printn: the text up to the capture's end, then the truncation mark.
        for (let i = 0; i < len - 4; i++) {
          if (!v.has(PPP_CONTROL_HEADER_LENGTH + 4 + i + 1)) { c.write(`[|${typestr}]`); return; }
          c.write(safeChar(v.byte(PPP_CONTROL_HEADER_LENGTH + 4 + i)));
        }
      }
      break;
    case Cp.TimeRem:
      if (length < 12) break;
      c.write(`\n\t  Magic-Num 0x${hex8(v.dataWord(PPP_CONTROL_HEADER_LENGTH))}`);
      c.write(`, Seconds-Remaining ${v.dataWord(PPP_CONTROL_HEADER_LENGTH + 4)}s`);
      break;
    default:
      if (c.o.verbose <= 1) c.write(hexPrint(c, '\n\t  ', v.off - PPP_PROTOCOL_LENGTH, length + 2));
  }
}

/** An option printer: returns the bytes the option takes (0: stop). `length` is the packet's encoded length. */
type OptionPrinter = (c: PrintContext, o: PppOption, length: number) => number;

/**
 * What every option printer starts with (type and length, their sanity checks): returns the option's
 * length, or -1 when the printer is to return 0, -2 for a truncated option ([|name]).
 */
function optionHeader(c: PrintContext, o: PppOption, length: number, name: string | undefined, unknown: string, trunc: string): number {
  if (length < 2) return -1;
  if (!o.has(2)) { c.write(`[|${trunc}]`); return -1; }
  const opt = o.type, len = o.length;
  if (length < len) return -1;
  if (len < 2) {
    c.write(`\n\t  ${name ?? unknown} Option (0x${hex2(opt)}), length ${len} (length bogus, should be >= 2)`);
    return -1;
  }
  c.write(`\n\t  ${name ?? unknown} Option (0x${hex2(opt)}), length ${len}`);
  return len;
}

/**
 * The value as raw bytes (-v: an unknown option's; -vv: every option's). `from` is where tcpdump's
 * pointer is by then (IP-Comp's suboptions move it on): the dump starts past a header's length from it.
 */
function optionDump(c: PrintContext, o: PppOption, len: number, from = o.off): string {
  return hexPrint(c, '\n\t    ', from + PPP_OPTION_HEADER_LENGTH, len - 2);
}

const lcpOptions = ['Vend-Ext', 'MRU', 'ACCM', 'Auth-Prot', 'Qual-Prot', 'Magic-Num', 'deprecated(6)', 'PFC', 'ACFC', 'FCS-Alt', 'SDP',
  'Num-Mode', 'deprecated(12)', 'Call-Back', 'deprecated(14)', 'deprecated(15)', 'deprecated(16)', 'MRRU', '12-Bit seq #', 'End-Disc',
  'Proprietary', 'DCE-Id', 'MP+', 'Link-Disc', 'LCP-Auth-Opt', 'COBS', 'Prefix-elision', 'Multilink-header-Form', 'I18N',
  'SDL-over-SONET/SDH', 'PPP-Muxing'];
const authAlgorithms: Record<number, string> = { 5: 'MD5', 128: 'MS-CHAPv1', 129: 'MS-CHAPv2' };
const callbacks: Record<number, string> = { 0: 'UserAuth', 1: 'DialString', 2: 'LocalID', 3: 'E.164', 4: 'X.500', 6: 'CBCP' };

/** tcpdump's print_lcp_config_options. */
function lcpOption(c: PrintContext, o: PppOption, length: number): number {
  if (length < 2) return 0;
  if (!o.has(2)) { c.write('[|lcp]'); return 0; }
  const opt = o.type, len = o.length;
  if (length < len) return 0;
  const name = lcpOptions[opt];
  if (len < 2) {
    c.write(name !== undefined ? `\n\t  ${name} Option (0x${hex2(opt)}), length ${len} (length bogus, should be >= 2)` : `\n\tunknown LCP option 0x${hex2(opt)}`);
    return 0;
  }
  if (name === undefined) { c.write(`\n\tunknown LCP option 0x${hex2(opt)}`); return len; }
  c.write(`\n\t  ${name} Option (0x${hex2(opt)}), length ${len}`);
  const bogus = (s: string, ret: number): number => { c.write(` (length bogus, should be ${s})`); return ret; };
  switch (opt) {
    case 0:
      if (len < 6) return bogus('>= 6', len);
      c.write(`: Vendor: ${ouiName(o.value24) ?? 'Unknown'} (${o.value24})`);
      break;
    case 1: if (len !== 4) return bogus('= 4', len); c.write(`: ${o.value16}`); break;
    case 2: if (len !== 6) return bogus('= 6', len); c.write(`: 0x${hex8(o.value32)}`); break;
    case 3: {
      if (len < 4) return bogus('>= 4', len);
      const ap = o.value16;
      c.write(`: ${protocolNames.get(ap) ?? 'Unknown Auth Proto (0x04x)'}`);
      switch (ap) {
        case PppProto.Chap: c.write(`, ${authAlgorithms[o.authAlgorithm] ?? `Unknown Auth Alg ${o.authAlgorithm}`}`); break;
        case PppProto.Pap: case PppProto.Eap: case PppProto.Spap: case PppProto.SpapOld: break;
        default: c.write(hexPrint(c, '\n\t', o.off, len));
      }
      break;
    }
    case 4:
      if (len < 4) return bogus('>= 4', 0);
      c.write(o.value16 === PppProto.Lqm ? ': LQR' : ': unknown');
      break;
    case 5: if (len !== 6) return bogus('= 6', 0); c.write(`: 0x${hex8(o.value32)}`); break;
    case 7: case 8: break;
    case 23: if (len !== 4) return bogus('= 4', 0); c.write(`: 0x${hex4(o.value16)}`); break;
    case 13:
      if (len < 3) return bogus('>= 3', 0);
      c.write(`: : Callback Operation ${callbacks[o.value8] ?? 'Unknown'} (${o.value8})`);
      break;
    case 17: if (len !== 4) return bogus('= 4', 0); c.write(`: ${o.value16}`); break;
    case 19:
      if (len < 3) return bogus('>= 3', 0);
      switch (o.value8) {
        case 0: c.write(': Null'); break;
        case 1: c.write(': Local'); break;
        case 2: if (len !== 7) return bogus('= 7', 0); c.write(`: IPv4 ${o.endpointAddress}`); break;
        case 3: if (len !== 9) return bogus('= 9', 0); c.write(`: MAC ${o.endpointMac}`); break;
        case 4: c.write(': Magic-Num-Block'); break;
        case 5: c.write(': PSNDN'); break;
        default: c.write(`: Unknown class ${o.value8}`);
      }
      break;
    default:
      if (c.o.verbose < 2) c.write(optionDump(c, o, len));
  }
  if (c.o.verbose > 1) c.write(optionDump(c, o, len));
  return len;
}

const ipcpOptions: Record<number, string> = { 1: 'IP-Addrs', 2: 'IP-Comp', 3: 'IP-Addr', 4: 'Home-Addr', 129: 'Pri-DNS', 130: 'Pri-NBNS', 131: 'Sec-DNS', 132: 'Sec-NBNS' };
const compProtocols: Record<number, string> = { 0x2d: 'VJ-Comp', 0x61: 'IP Header Compression' };
const compSuboptions: Record<number, string> = { 1: 'RTP-Compression', 2: 'Enhanced RTP-Compression' };
/** RFC 3544's IP header compression parameters take 14 bytes with the option's header. */
const IPCOMP_MIN_LENGTH = 14;

/** tcpdump's print_ipcp_config_options. */
function ipcpOption(c: PrintContext, o: PppOption, length: number): number {
  const opt0 = o.has(1) ? o.type : 0;
  const len = optionHeader(c, o, length, ipcpOptions[opt0], 'unknown', 'ipcp');
  if (len < 0) return 0;
  const opt = o.type;
  let from = o.off;
  switch (opt) {
    case 1:
      if (len !== 10) { c.write(' (length bogus, should be = 10)'); return len; }
      c.write(`: src ${o.address}, dst ${o.secondAddress}`);
      break;
    case 2: {
      if (len < 4) { c.write(' (length bogus, should be >= 4)'); return 0; }
      const proto = o.value16;
      c.write(`: ${compProtocols[proto] ?? 'Unknown'} (0x${hex2(proto)}):`);
      if (proto !== 0x61) break;
      if (len < IPCOMP_MIN_LENGTH) { c.write(` (length bogus, should be >= ${IPCOMP_MIN_LENGTH})`); return 0; }
      if (!o.has(PPP_OPTION_HEADER_LENGTH + IPCOMP_MIN_LENGTH)) { c.write('[|ipcp]'); return 0; }
      c.write(`\n\t    TCP Space ${o.ipcompParameter(0)}, non-TCP Space ${o.ipcompParameter(1)}, maxPeriod ${o.ipcompParameter(2)}, ` +
        `maxTime ${o.ipcompParameter(3)}, maxHdr ${o.ipcompParameter(4)}`);
      if (len > IPCOMP_MIN_LENGTH) {
        let total = len - IPCOMP_MIN_LENGTH, at = o.off + IPCOMP_MIN_LENGTH;
        from = at;
        c.write(`\n\t      Suboptions, length ${total}`);
        const s = (c.pkt.views.table[Layer.PppControl] as PppControl).suboption;
        while (total >= 2) {
          s.point(at, c.end);
          if (!s.has(2)) { c.write('[|ipcp]'); return 0; }
          const so = s.type, sl = s.length;
          if (so === 0 || sl === 0) break;
          c.write(`\n\t\t${compSuboptions[so] ?? 'Unknown'} Suboption #${so}, length ${sl}`);
          if (total < sl) { c.write(` [remaining suboptions length ${total} < ${sl}]`); c.invalid(); break; }
          total -= sl; at += sl; from = at;
        }
      }
      break;
    }
    case 3: case 4: case 129: case 130: case 131: case 132:
      if (len !== 6) { c.write(' (length bogus, should be = 6)'); return 0; }
      c.write(`: ${o.address}`);
      break;
    default:
      if (c.o.verbose < 2) c.write(optionDump(c, o, len));
  }
  if (c.o.verbose > 1) c.write(optionDump(c, o, len, from));
  return len;
}

/** tcpdump's print_ip6cp_config_options. */
function ip6cpOption(c: PrintContext, o: PppOption, length: number): number {
  const opt0 = o.has(1) ? o.type : 0;
  const len = optionHeader(c, o, length, opt0 === 1 ? 'Interface-ID' : undefined, 'unknown', 'ip6cp');
  if (len < 0) return 0;
  if (o.type === 1) {
    if (len !== 10) { c.write(' (length bogus, should be = 10)'); return len; }
    if (!o.has(10)) { c.write('[|ip6cp]'); return 0; }
    c.write(`: ${hex4(o.interfaceIdWord(0))}:${hex4(o.interfaceIdWord(1))}:${hex4(o.interfaceIdWord(2))}:${hex4(o.interfaceIdWord(3))}`);
  } else if (c.o.verbose < 2) {
    c.write(optionDump(c, o, len));
  }
  if (c.o.verbose > 1) c.write(optionDump(c, o, len));
  return len;
}

const ccpOptions: Record<number, string> = { 0: 'OUI', 1: 'Pred-1', 2: 'Pred-2', 3: 'Puddle', 16: 'HP-PPC', 17: 'Stac-LZS', 18: 'MPPC',
  19: 'Gand-FZA', 20: 'V.42bis', 21: 'BSD-Comp', 23: 'LZS-DCP', 24: 'MVRCA', 25: 'DEC', 26: 'Deflate', 255: 'Reserved' };

/** tcpdump's print_ccp_config_options. */
function ccpOption(c: PrintContext, o: PppOption, length: number): number {
  const opt0 = o.has(1) ? o.type : -1;
  const len = optionHeader(c, o, length, ccpOptions[opt0], 'Unknown', 'ccp');
  if (len < 0) return 0;
  switch (o.type) {
    case 21:
      if (len < 3) { c.write(' (length bogus, should be >= 3)'); return len; }
      c.write(`: Version: ${o.value8 >> 5}, Dictionary Bits: ${o.value8 & 0x1f}`);
      break;
    case 24:
      if (len < 4) { c.write(' (length bogus, should be >= 4)'); return len; }
      c.write(`: Features: ${(o.value8 & 0xc0) >> 6}, PxP: ${o.value8 & 0x20 ? 'Enabled' : 'Disabled'}, History: ${o.value8 & 0x1f}, #CTX-ID: ${o.secondValue8}`);
      break;
    case 26:
      if (len < 4) { c.write(' (length bogus, should be >= 4)'); return len; }
      c.write(`: Window: ${(o.value8 & 0xf0) >> 4}K, Method: ${(o.value8 & 0x0f) === 8 ? 'zlib' : 'unknown'} (0x${(o.value8 & 0x0f).toString(16)}), ` +
        `MBZ: ${(o.secondValue8 & 0xfc) >> 2}, CHK: ${o.secondValue8 & 0x03}`);
      break;
    default:
      if (c.o.verbose < 2) c.write(optionDump(c, o, len));
  }
  if (c.o.verbose > 1) c.write(optionDump(c, o, len));
  return len;
}

/** tcpdump's print_bacp_config_options. */
function bacpOption(c: PrintContext, o: PppOption, length: number): number {
  const opt0 = o.has(1) ? o.type : 0;
  const len = optionHeader(c, o, length, opt0 === 1 ? 'Favored-Peer' : undefined, 'Unknown', 'bacp');
  if (len < 0) return 0;
  if (o.type === 1) {
    if (len !== 6) { c.write(' (length bogus, should be = 6)'); return len; }
    c.write(`: Magic-Num 0x${hex8(o.value32)}`);
  } else if (c.o.verbose < 2) {
    c.write(optionDump(c, o, len));
  }
  if (c.o.verbose > 1) c.write(optionDump(c, o, len));
  return len;
}

const optionPrinters = new Map<number, OptionPrinter>([
  [PppProto.Lcp, lcpOption], [PppProto.Ipcp, ipcpOption], [PppProto.Ipv6cp, ip6cpOption], [PppProto.Ccp, ccpOption], [PppProto.Bacp, bacpOption],
]);

const chapCodes: Record<number, string> = { 1: 'Challenge', 2: 'Response', 3: 'Success', 4: 'Fail' };
const papCodes: Record<number, string> = { 1: 'Auth-Req', 2: 'Auth-ACK', 3: 'Auth-NACK' };

/** Bytes `from` … `from + n` of the packet as text (fn_print_char); a byte past the capture unwinds. */
function text(c: PrintContext, v: PppControl, from: number, n: number): void {
  for (let i = 0; i < n; i++) c.write(safeChar(v.byte(from + i)));
}

/** CHAP (tcpdump's handle_chap). */
function printChap(c: PrintContext, v: PppControl, length: number): void {
  if (length < 1) { c.write('[|chap]'); return; }
  if (length < 4) { c.write(`[|chap 0x${hex2(v.code)}]`); return; }
  const code = v.code;
  c.write(`CHAP, ${chapCodes[code] ?? 'unknown'} (0x${hex2(code)})`);
  c.write(`, id ${v.identifier}`);
  const len = v.packetLength;
  let p = 4;
  switch (code) {
    case 1: case 2: {
      if (length - p < 1) return;
      const valueSize = v.byte(p++);
      if (length - p < valueSize) return;
      c.write(', Value ');
      for (let i = 0; i < valueSize; i++) c.write(hex2(v.byte(p++)));
      const nameSize = (len - p) >>> 0;
      c.write(', Name ');
      text(c, v, p, nameSize);
      break;
    }
    case 3: case 4:
      c.write(', Msg ');
      text(c, v, p, (len - p) >>> 0);
      break;
  }
}

/** PAP (tcpdump's handle_pap, RFC 1334). */
function printPap(c: PrintContext, v: PppControl, length: number): void {
  if (length < 1) { c.write('[|pap]'); return; }
  if (length < 4) { c.write(`[|pap 0x${hex2(v.code)}]`); return; }
  const code = v.code;
  c.write(`PAP, ${papCodes[code] ?? 'unknown'} (0x${hex2(code)})`);
  c.write(`, id ${v.identifier}`);
  const len = v.packetLength;
  if (len > length) { c.write(`, length ${len} > packet size`); return; }
  length = len;
  let p = 4;
  if (length < p) { c.write(`, length ${length} < PAP header length`); return; }
  switch (code) {
    case 1: {
      if (len < 6) { c.write('[|pap]'); return; }
      if (length - p < 1) return;
      const peer = v.byte(p++);
      if (length - p < peer) return;
      c.write(', Peer ');
      text(c, v, p, peer); p += peer;
      if (length - p < 1) return;
      const passwd = v.byte(p++);
      if (length - p < passwd) return;
      c.write(', Name ');
      text(c, v, p, passwd);
      break;
    }
    case 2: case 3: {
      if (len < 5) { c.write('[|pap]'); return; }
      if (length - p < 1) return;
      const msg = v.byte(p++);
      if (length - p < msg) return;
      c.write(', Msg ');
      text(c, v, p, msg);
      break;
    }
  }
}
