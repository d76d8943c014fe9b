/** LDP (tcpdump's print-ldp.c), on TCP and UDP 646. */
import { afNames, pwTypes } from './routing-tables.js';
import type { PrintContext } from './context.js';
import {
  LDP_HEADER_LENGTH, LDP_INTERFACE_PARAMETER_HEADER_LENGTH, LDP_MESSAGE_HEADER_LENGTH, LDP_PW_FEC_LENGTH, LDP_TLV_HEADER_LENGTH, type Ldp, type LdpTlv,
} from '../../decoders/ldp.js';
import { NOT_CAPTURED } from '../../decoders/view.js';
import { hexPrint } from './dump.js';
import { hex16, hex8 } from './names.js';
import { safeChar } from './print-char.js';
import { bitNames, hex32, TokTable, type Tok } from './util-print.js';

const messages = new TokTable([
  [0x0001, 'Notification'], [0x0100, 'Hello'], [0x0200, 'Initialization'], [0x0201, 'Keepalive'], [0x0300, 'Address'],
  [0x0301, 'Address Withdraw'], [0x0400, 'Label Mapping'], [0x0401, 'Label Request'], [0x0402, 'Label Withdraw'], [0x0403, 'Label Release'],
  [0x0404, 'Label Abort Request'],
]);
const tlvNames = new TokTable([
  [0x0100, 'FEC'], [0x0101, 'Address List'], [0x0103, 'Hop Count'], [0x0104, 'Path Vector'], [0x0200, 'Generic Label'], [0x0201, 'ATM Label'],
  [0x0202, 'Frame-Relay Label'], [0x0300, 'Status'], [0x0301, 'Extended Status'], [0x0302, 'Returned PDU'], [0x0303, 'Returned Message'],
  [0x0400, 'Common Hello Parameters'], [0x0401, 'IPv4 Transport Address'], [0x0402, 'Configuration Sequence Number'],
  [0x0403, 'IPv6 Transport Address'], [0x0500, 'Common Session Parameters'], [0x0501, 'ATM Session Parameters'],
  [0x0502, 'Frame-Relay Session Parameters'], [0x0503, 'Fault-Tolerant Session Parameters'], [0x0600, 'Label Request Message ID'], [0x0601, 'MTU'],
]);
const fecTypes = new TokTable([[1, 'Wildcard'], [2, 'Prefix'], [3, 'Host address'], [0x80, 'Martini VC']]);
const ifParams = new TokTable([[1, 'MTU'], [3, 'Description'], [0x0c, 'VCCV']]);
const vccvCc: Tok = [[0x01, 'PWE3 control word'], [0x02, 'MPLS Router Alert Label'], [0x04, 'MPLS inner label TTL = 1']];
const vccvCv: Tok = [[0x01, 'ICMP Ping'], [0x02, 'LSP Ping'], [0x04, 'BFD']];

/** decode_prefix4/6 (print-bgp.c) for a prefix FEC, `itemlen` bytes from its length byte: [size or -1 bad length or -2 past the TLV, text]. */
function prefix(t: LdpTlv, itemlen: number, v6: boolean): [number, string] {
  if (itemlen < 1) return [-2, ''];
  const plen = t.fecPrefixLength;
  if (plen > (v6 ? 128 : 32)) return [-1, ''];
  const n = (plen + 7) >> 3;
  if (itemlen - 1 < n) return [-2, ''];
  return [1 + n, `${t.fecPrefix(plen, v6)}/${plen}`];
}

/** ldp_tlv_print for the TLV at absolute index `pos`, `msgTlen` bytes of the message left; its size, 0 to stop. */
function tlv(c: PrintContext, l: Ldp, pos: number, msgTlen: number): number {
  const t = l.pointTlv(pos);
  t.need(LDP_TLV_HEADER_LENGTH);
  const tlvLen = t.valueLength;
  if (tlvLen + LDP_TLV_HEADER_LENGTH > msgTlen) { c.write('\n\t\t TLV contents go past end of message'); return 0; }
  let left = tlvLen;
  const raw = t.typeField, type = raw & 0x3fff;
  c.write(`\n\t    ${tlvNames.str(type, 'Unknown')} TLV (0x${hex16(type)}), length: ${tlvLen}, Flags: [${raw & 0x8000 ? 'continue processing' : 'ignore'} and ${raw & 0x4000 ? 'do' : "don't"} forward if unknown]`);
  const need = (min: number): boolean => {
    if (left >= min) return true;
    c.write(` [tlv length ${left} < ${min}]`);
    c.invalid();
    return false;
  };
  switch (type) {
    case 0x0400:
      if (!need(4)) break;
      c.write(`\n\t      Hold Time: ${t.holdTime}s, Flags: [${t.helloFlags & 0x8000 ? 'Targeted' : 'Link'} Hello${t.helloFlags & 0x4000 ? ', Request for targeted Hellos' : ''}]`);
      break;
    case 0x0401: if (need(4)) c.write(`\n\t      IPv4 Transport Address: ${t.ipv4TransportAddress}`); break;
    case 0x0403: if (need(16)) c.write(`\n\t      IPv6 Transport Address: ${t.ipv6TransportAddress}`); break;
    case 0x0402: if (need(4)) c.write(`\n\t      Sequence Number: ${t.configurationSequence}`); break;
    case 0x0101: {
      if (!need(2)) break;
      const af = t.addressFamily;
      left -= 2;
      c.write(`\n\t      Address Family: ${afNames.str(af, `Unknown (${af})`)}, addresses`);
      if (af === 1) for (let i = 0; left >= 4; left -= 4, i++) c.write(` ${t.ipv4ListAddress(i)}`);
      else if (af === 2) for (let i = 0; left >= 16; left -= 16, i++) c.write(` ${t.ipv6ListAddress(i)}`);
      break;
    }
    case 0x0500:
      if (!need(8)) break;
      c.write(`\n\t      Version: ${t.protocolVersion}, Keepalive: ${t.keepaliveTime}s, Flags: [Downstream ${t.sessionFlags & 0x8000 ? 'On Demand' : 'Unsolicited'}, ` +
        `Loop Detection ${t.sessionFlags & 0x4000 ? 'Enabled' : 'Disabled'}]`);
      break;
    case 0x0100: {
      if (!need(1)) break;
      const fec = t.fecType;
      c.write(`\n\t      ${fecTypes.str(fec, 'Unknown')} FEC (0x${hex8(fec)})`);
      left -= 1;
      if (fec === 2) {
        if (!need(2)) break;
        const af = t.fecAddressFamily;
        left -= 2;
        if (af === 1 || af === 2) {
          const v6 = af === 2;
          const [n, text] = prefix(t, left, v6);
          // decode_prefix's "bytes left, but not enough" longjmps in print-ldp.c (its trunc label).
          if (n === -2) throw NOT_CAPTURED;
          c.write(n === -1 ? `: IPv${v6 ? 6 : 4} prefix (invalid length)` : `: IPv${v6 ? 6 : 4} prefix ${text}`);
        } else c.write(`: Address family ${af} prefix`);
      } else if (fec === 0x80) {
        if (!need(LDP_PW_FEC_LENGTH - 4)) break;
        let vcLen = t.vcInfoLength;
        const pw = t.pwType;
        if (vcLen === 0) {
          c.write(`: ${pwTypes.str(pw & 0x7fff, 'Unknown')}, ${pw & 0x8000 ? '' : 'no '}control word, group-ID ${t.groupId}, VC-info-length: ${vcLen}`);
          break;
        }
        if (!need(LDP_PW_FEC_LENGTH)) break;
        c.write(`: ${pwTypes.str(pw & 0x7fff, 'Unknown')}, ${pw & 0x8000 ? '' : 'no '}control word, group-ID ${t.groupId}, VC-ID ${t.vcId}, VC-info-length: ${vcLen}`);
        if (vcLen < 4) { c.write(' (invalid, < 4'); return tlvLen + LDP_TLV_HEADER_LENGTH; }
        vcLen -= 4;
        left -= LDP_PW_FEC_LENGTH;
        if (!need(vcLen)) break;
        for (let q = t.interfaceParametersStart; vcLen > 2;) {
          const ip = l.pointInterfaceParameter(q);
          const ptype = ip.type, plen = ip.parameterLength;
          if (plen < LDP_INTERFACE_PARAMETER_HEADER_LENGTH || vcLen < plen) break;
          c.write(`\n\t\tInterface Parameter: ${ifParams.str(ptype, 'Unknown')} (0x${hex8(ptype)}), len ${plen}`);
          switch (ptype) {
            case 1: c.write(`: ${ip.mtu}`); break;
            case 3: c.write(': '); for (let k = 0; k < plen - LDP_INTERFACE_PARAMETER_HEADER_LENGTH; k++) c.write(safeChar(ip.descriptionByte(k))); break;
            case 0x0c:
              c.write(`\n\t\t  Control Channels (0x${hex8(ip.controlChannels)}) = [${bitNames(vccvCc, ip.controlChannels, 'none')}]`);
              c.write(`\n\t\t  CV Types (0x${hex8(ip.cvTypes)}) = [${bitNames(vccvCv, ip.cvTypes, 'none')}]`);
              break;
            default: c.write(hexPrint(c, '\n\t\t  ', ip.valueStart, plen - LDP_INTERFACE_PARAMETER_HEADER_LENGTH));
          }
          vcLen -= plen;
          q += plen;
        }
      }
      break;
    }
    case 0x0200: if (need(4)) c.write(`\n\t      Label: ${t.label}`); break;
    case 0x0300: {
      if (!need(8)) break;
      const ui = t.statusCode;
      c.write(`\n\t      Status: 0x${(ui & 0x3fffffff).toString(16).padStart(2, '0')}, Flags: [${ui & 0x80000000 ? 'Fatal error' : 'Advisory Notification'} and ${ui & 0x40000000 ? 'do' : "don't"} forward]`);
      const id = t.statusMessageId;
      if (id) c.write(`, causing Message ID: 0x${hex32(id)}`);
      break;
    }
    case 0x0503: {
      if (!need(12)) break;
      const f = t.ftFlags;
      c.write(`\n\t      Flags: [${f & 0x8000 ? '' : 'No '}Reconnect, ${f & 0x8 ? '' : "Don't "}Save State, ${f & 0x4 ? '' : 'No '}All-Label Protection, ` +
        `${f & 0x2 ? 'Sequence Numbered Label' : 'All Labels'} Checkpoint, ${f & 0x1 ? '' : "Don't "}Re-Learn State]`);
      let ui = t.reconnectTimeout;
      if (ui) c.write(`, Reconnect Timeout: ${ui}ms`);
      ui = t.recoveryTime;
      if (ui) c.write(`, Recovery Time: ${ui}ms`);
      break;
    }
    case 0x0601: if (need(2)) c.write(`\n\t      MTU: ${t.mtu}`); break;
    default:
      if (c.o.verbose <= 1) c.write(hexPrint(c, '\n\t      ', t.valueStart, left));
  }
  return tlvLen + LDP_TLV_HEADER_LENGTH;
}

/** ldp_pdu_print for the PDU at absolute index `pos`: its size, 0 to stop. */
function pdu(c: PrintContext, l: Ldp, pos: number): number {
  const v = c.o.verbose;
  const h = l.pointPdu(pos);
  h.need(LDP_HEADER_LENGTH);
  const version = h.version;
  if (version !== 1) { c.write(`${v < 1 ? '' : '\n\t'}LDP version ${version} packet not supported`); return 0; }
  const pduLen = h.pduLength;
  if (pduLen < LDP_HEADER_LENGTH - 4) {
    c.write(`${v < 1 ? '' : '\n\t'}LDP, pdu-length: ${pduLen} (too short, < ${LDP_HEADER_LENGTH - 4})`);
    return 0;
  }
  c.write(`${v < 1 ? '' : '\n\t'}LDP, Label-Space-ID: ${h.lsrId}:${h.labelSpace}, pdu-length: ${pduLen}`);
  if (v < 1) return 0;
  let t = h.messagesStart;
  // u_short arithmetic, as tcpdump's.
  let tlen = (pduLen - (LDP_HEADER_LENGTH - 4)) & 0xffff;
  while (tlen > 0) {
    const msg = l.pointMessage(t);
    msg.need(LDP_MESSAGE_HEADER_LENGTH);
    const mlen = msg.messageLength, raw = msg.typeField, type = raw & 0x7fff;
    if (mlen < LDP_MESSAGE_HEADER_LENGTH - 4) {
      c.write(`\n\t  ${messages.str(type, 'Unknown')} Message (0x${hex16(type)}), length: ${mlen} (too short, < ${LDP_MESSAGE_HEADER_LENGTH - 4})`);
      return 0;
    }
    c.write(`\n\t  ${messages.str(type, 'Unknown')} Message (0x${hex16(type)}), length: ${mlen}, Message ID: 0x${hex32(msg.messageId)}, ` +
      `Flags: [${raw & 0x8000 ? 'continue processing' : 'ignore'} if unknown]`);
    const tlvs = msg.tlvsStart;
    let m = tlvs, mtlen = mlen - (LDP_MESSAGE_HEADER_LENGTH - 4);
    msg.need(mlen);
    switch (type) {
      case 0x0001: case 0x0100: case 0x0200: case 0x0201: case 0x0300: case 0x0400: case 0x0301: case 0x0402:
        while (mtlen >= LDP_TLV_HEADER_LENGTH) {
          const n = tlv(c, l, m, mtlen);
          if (n === 0) break;
          mtlen -= n; m += n;
        }
        break;
      default:
        if (v <= 1) c.write(hexPrint(c, '\n\t  ', m, mtlen));
    }
    if (v > 1) c.write(hexPrint(c, '\n\t  ', tlvs, mlen));
    t += mlen + 4;
    tlen = (tlen - (mlen + 4)) & 0xffff;
  }
  return pduLen + 4;
}

/** LDP data, `length` bytes (ldp_print): its PDUs. */
export function printLdp(c: PrintContext, l: Ldp, length: number): void {
  c.protocol = 'ldp';
  let pos = l.off;
  while (length > LDP_HEADER_LENGTH + LDP_MESSAGE_HEADER_LENGTH) {
    const n = pdu(c, l, pos);
    if (n === 0) return;
    if (length < n) { c.write(` [remaining length ${length} < ${n}]`); c.invalid(); break; }
    length -= n;
    pos += n;
  }
}
