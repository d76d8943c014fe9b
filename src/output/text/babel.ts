/** Babel (tcpdump's print-babel.c), on UDP 6696 and 6697. */
import type { PrintContext } from './context.js';
import { BABEL_HEADER_LENGTH, BABEL_TLV_HEADER_LENGTH, babelFixedLength, type Babel, type BabelTlv } from '../../decoders/babel.js';
import { ipv6ToString } from '../../decoders/addr.js';
import { hex16, hex8 } from './names.js';
import { TokTable } from './util-print.js';

const diversity = new TokTable([[0, 'reserved'], [255, 'all']]);
const V4PREFIX = Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 0, 0]);

const isV4 = (p: Uint8Array): boolean => { for (let k = 0; k < 12; k++) if (p[k] !== V4PREFIX[k]) return false; return true; };
const v4Text = (p: Uint8Array): string => `${p[12]}.${p[13]}.${p[14]}.${p[15]}`;
function formatPrefix(p: Uint8Array, plen: number): string {
  return plen >= 96 && isV4(p) ? `${v4Text(p)}/${plen - 96}` : `${ipv6ToString(p, 0)}/${plen}`;
}
const formatAddress = (p: Uint8Array): string => isV4(p) ? v4Text(p) : ipv6ToString(p, 0);
function formatInterval(i: number): string { return i === 0 ? '0.0s (bogus)' : `${Math.floor(i / 100)}.${String(i % 100).padStart(2, '0')}s`; }
const formatIntervalUpdate = (i: number): string => i === 0xffff ? 'infinity' : formatInterval(i);
const formatTimestamp = (i: number): string => `${Math.floor(i / 1000000)}.${String(i % 1000000).padStart(6, '0')}s`;

/**
 * network_prefix: the 16-byte prefix of address encoding `ae` from the TLV's bytes at `p` (`len`
 * of them), `omitted` bytes taken from `dp`; into `out`. The bytes consumed, or -1.
 */
function networkPrefix(b: BabelTlv, ae: number, plen: number, omitted: number, p: number, dp: Uint8Array | undefined, len: number, out: Uint8Array): number {
  const pb = plen >= 0 ? (plen + 7) >> 3 : ae === 1 ? 4 : 16;
  if (pb > 16) return -1;
  const prefix = new Uint8Array(16);
  let consumed = 0;
  switch (ae) {
    case 0: break;
    case 1:
      if (omitted > 4 || pb > 4 || (pb > omitted && len < pb - omitted)) return -1;
      prefix.set(V4PREFIX.subarray(0, 12));
      if (omitted) { if (dp === undefined) return -1; prefix.set(dp.subarray(0, 12 + omitted)); }
      if (pb > omitted) { prefix.set(b.prefixBytes(p, pb - omitted), 12 + omitted); consumed = pb - omitted; }
      break;
    case 2:
      if (omitted > 16 || (pb > omitted && len < pb - omitted)) return -1;
      if (omitted) { if (dp === undefined) return -1; prefix.set(dp.subarray(0, omitted)); }
      if (pb > omitted) { prefix.set(b.prefixBytes(p, pb - omitted), omitted); consumed = pb - omitted; }
      break;
    case 3:
      if (pb > 8 && len < pb - 8) return -1;
      prefix[0] = 0xfe; prefix[1] = 0x80;
      if (pb > 8) { prefix.set(b.prefixBytes(p, pb - 8), 8); consumed = pb - 8; }
      break;
    default:
      return -1;
  }
  out.set(prefix);
  return consumed;
}

/** subtlvs_print over the absolute indexes [cp, ep). */
function subTlvs(c: PrintContext, b: Babel, cp: number, ep: number, tlvType: number): void {
  while (cp < ep) {
    const sub = b.pointSubTlv(cp);
    const subtype = sub.type;
    cp++;
    if (subtype === 0) { c.write(' sub-pad1'); continue; }
    if (subtype & 0x80) c.write(' (M)');
    if (cp === ep) { c.invalid(); return; }
    let sublen = sub.valueLength;
    cp++;
    if (cp + sublen > ep) { c.invalid(); return; }
    switch (subtype) {
      case 1: c.write(' sub-padn'); cp += sublen; break;
      case 2: {
        c.write(' sub-diversity');
        if (sublen === 0) { c.write(' empty'); break; }
        let sep = ' ';
        for (let k = 0; sublen; sublen--, k++) { const v = sub.channel(k); c.write(sep + diversity.str(v, String(v))); cp++; sep = '-'; }
        if (tlvType !== 8 && tlvType !== 13) c.write(' (bogus)');
        break;
      }
      case 3:
        c.write(' sub-timestamp');
        if (tlvType === 4) {
          if (sublen < 4) { c.invalid(); return; }
          c.write(` ${formatTimestamp(sub.timestamp(0))}`);
        } else if (tlvType === 5) {
          if (sublen < 8) { c.invalid(); return; }
          c.write(` ${formatTimestamp(sub.timestamp(0))}`);
          c.write(`|${formatTimestamp(sub.timestamp(1))}`);
        } else c.write(' (bogus)');
        cp += sublen;
        break;
      default:
        c.write(` sub-unknown-0x${hex8(subtype)}`);
        cp += sublen;
    }
  }
}

const TRUNC = -1, INVALID = -2;

/** babel_print_v2_tlvs over `tlvsLength` bytes from `from` (bytes into the packet); 0, TRUNC or INVALID. */
function tlvs(c: PrintContext, b: Babel, from: number, tlvsLength: number, remaining: number): number {
  const v = c.o.verbose;
  const v4Prefix = Uint8Array.from(V4PREFIX), v6Prefix = new Uint8Array(16);
  const check = (i: number, l: number): boolean => i + l > tlvsLength || i + l > remaining;
  const H = BABEL_TLV_HEADER_LENGTH;
  for (let i = 0; i < tlvsLength;) {
    const t = b.pointTlv(from + i);
    if (check(i, 1)) return INVALID;
    const type = t.type;
    if (type === 0) { c.write(v ? '\n\tPad 1' : ' pad1'); i += 1; continue; }
    if (check(i, H)) return INVALID;
    if (!t.has(H)) return TRUNC;
    const len = t.valueLength;
    if (check(i, H + len)) return INVALID;
    if (!t.has(H + len)) return TRUNC;
    const prefix = new Uint8Array(16), src = new Uint8Array(16);
    // The value's fixed fields: a shorter value is invalid; what follows them starts at `tail`.
    const fixed = babelFixedLength(type), tail = H + fixed;
    switch (type) {
      case 1: c.write(v ? `\n\tPad ${len + 2}` : ' padN'); break;
      case 2:
        if (!v) { c.write(' ack-req'); break; }
        c.write('\n\tAcknowledgment Request ');
        if (len < fixed) return INVALID;
        c.write(`${hex16(t.ackRequestNonce)} ${formatInterval(t.ackRequestInterval)}`);
        break;
      case 3:
        if (!v) { c.write(' ack'); break; }
        c.write('\n\tAcknowledgment ');
        if (len < fixed) return INVALID;
        c.write(hex16(t.ackNonce));
        break;
      case 4: {
        if (!v) { c.write(' hello'); break; }
        c.write('\n\tHello ');
        if (len < fixed) return INVALID;
        const unicast = t.helloFlags & 0x8000, seqno = t.helloSeqno, interval = t.helloInterval;
        if (unicast) c.write('(Unicast) ');
        c.write(`seqno ${seqno} `);
        c.write(interval !== 0 ? `interval ${formatInterval(interval)}` : 'unscheduled');
        if (len > fixed) subTlvs(c, b, t.off + tail, t.valueEnd, type);
        break;
      }
      case 5: {
        if (!v) { c.write(' ihu'); break; }
        c.write('\n\tIHU ');
        if (len < fixed) return INVALID;
        const rxcost = t.ihuRxcost, interval = t.ihuInterval, ae = t.ae;
        const rc = networkPrefix(t, ae, -1, 0, tail, undefined, len - fixed, prefix);
        if (rc < 0) { c.truncMark(); break; }
        c.write(`${ae === 0 ? 'any' : formatAddress(prefix)} rxcost ${rxcost} interval ${formatInterval(interval)}`);
        if (rc < len - fixed) subTlvs(c, b, t.off + tail + rc, t.valueEnd, type);
        break;
      }
      case 6:
        if (!v) { c.write(' router-id'); break; }
        c.write('\n\tRouter Id');
        if (len < fixed) return INVALID;
        c.write(` ${t.routerId}`);
        break;
      case 7: {
        if (!v) { c.write(' nh'); break; }
        c.write('\n\tNext Hop');
        if (len < fixed) return INVALID;
        const ae = t.ae;
        const rc = networkPrefix(t, ae, -1, 0, tail, undefined, len - fixed, prefix);
        if (rc < 0) return INVALID;
        c.write(` ${ae === 0 ? 'invalid AE 0' : formatAddress(prefix)}`);
        break;
      }
      case 8: {
        if (!v) {
          c.write(' update');
          if (len < fixed) return INVALID;
          const f = t.updateFlags;
          c.write(`${f & 0x80 ? '/prefix' : ''}${f & 0x40 ? '/id' : ''}${f & 0x3f ? '/unknown' : ''}`);
          break;
        }
        c.write('\n\tUpdate');
        if (len < fixed) return INVALID;
        const ae = t.ae;
        const plen = (t.updatePrefixLength + (t.ae === 1 ? 96 : 0)) & 0xff;
        const rc = networkPrefix(t, ae, t.updatePrefixLength, t.updateOmitted, tail, t.ae === 1 ? v4Prefix : v6Prefix, len - fixed, prefix);
        if (rc < 0) return INVALID;
        const interval = t.updateInterval, seqno = t.updateSeqno, metric = t.updateMetric;
        const f = t.updateFlags;
        c.write(`${f & 0x80 ? '/prefix' : ''}${f & 0x40 ? '/id' : ''}${f & 0x3f ? '/unknown' : ''} ` +
          `${ae === 0 ? 'any' : formatPrefix(prefix, plen)} metric ${metric} seqno ${seqno} interval ${formatIntervalUpdate(interval)}`);
        if (t.updateFlags & 0x80) (t.ae === 1 ? v4Prefix : v6Prefix).set(prefix);
        if (rc < len - fixed) subTlvs(c, b, t.off + tail + rc, t.valueEnd, type);
        break;
      }
      case 9: {
        if (!v) { c.write(' route-request'); break; }
        c.write('\n\tRoute Request ');
        if (len < fixed) return INVALID;
        const ae = t.ae;
        const plen = (t.requestPrefixLength + (t.ae === 1 ? 96 : 0)) & 0xff;
        const rc = networkPrefix(t, ae, t.requestPrefixLength, 0, tail, undefined, len - fixed, prefix);
        if (rc < 0) return INVALID;
        c.write(`for ${ae === 0 ? 'any' : formatPrefix(prefix, plen)}`);
        break;
      }
      case 10: {
        if (!v) { c.write(' seqno-request'); break; }
        c.write('\n\tSeqno Request ');
        if (len < fixed) return INVALID;
        const ae = t.ae, seqno = t.requestSeqno;
        const rc = networkPrefix(t, ae, t.requestPrefixLength, 0, tail, undefined, len - fixed, prefix);
        if (rc < 0) return INVALID;
        const plen = (t.requestPrefixLength + (t.ae === 1 ? 96 : 0)) & 0xff;
        c.write(`(${t.requestHopCount} hops) for ${ae === 0 ? 'invalid AE 0' : formatPrefix(prefix, plen)} seqno ${seqno} id ${t.requestRouterId}`);
        break;
      }
      case 11:
        if (!v) { c.write(' tspc'); break; }
        c.write('\n\tTS/PC ');
        if (len < fixed) return INVALID;
        c.write(`timestamp ${t.timestamp} packetcounter ${t.packetCounter}`);
        break;
      case 12:
        if (!v) { c.write(' hmac'); break; }
        c.write('\n\tHMAC ');
        if (len < fixed) return INVALID;
        c.write(`key-id ${t.hmacKeyId} digest-${len - 2} `);
        for (let j = 0; j < len - 2; j++) c.write(hex8(t.hmacDigestByte(j)).toUpperCase());
        break;
      case 13: {
        if (!v) { c.write(' ss-update'); break; }
        c.write('\n\tSS-Update');
        if (len < fixed) return INVALID;
        const ae = t.ae;
        let srcPlen = t.sourcePrefixLength, plen = t.updatePrefixLength;
        const omitted = t.updateOmitted, interval = t.updateInterval, seqno = t.updateSeqno, metric = t.updateMetric;
        let parsed = fixed;
        let rc = networkPrefix(t, ae, plen, omitted, H + parsed, ae === 1 ? v4Prefix : v6Prefix, len - parsed, prefix);
        if (rc < 0) return INVALID;
        if (ae === 1) plen = (plen + 96) & 0xff;
        parsed += rc;
        rc = networkPrefix(t, ae, srcPlen, 0, H + parsed, undefined, len - parsed, src);
        if (rc < 0) return INVALID;
        if (ae === 1) srcPlen = (srcPlen + 96) & 0xff;
        parsed += rc;
        c.write(` ${formatPrefix(prefix, plen)} from`);
        c.write(` ${formatPrefix(src, srcPlen)} metric ${metric} seqno ${seqno} interval ${formatIntervalUpdate(interval)}`);
        if (parsed < len) subTlvs(c, b, t.off + H + parsed, t.valueEnd, type);
        break;
      }
      case 14: {
        if (!v) { c.write(' ss-request'); break; }
        c.write('\n\tSS-Request ');
        if (len < fixed) return INVALID;
        const ae = t.ae;
        let plen = t.requestPrefixLength, srcPlen = t.ssRequestSourcePrefixLength, parsed = fixed;
        let rc = networkPrefix(t, ae, plen, 0, H + parsed, undefined, len - parsed, prefix);
        if (rc < 0) return INVALID;
        if (ae === 1) plen = (plen + 96) & 0xff;
        parsed += rc;
        rc = networkPrefix(t, ae, srcPlen, 0, H + parsed, undefined, len - parsed, src);
        if (rc < 0) return INVALID;
        if (ae === 1) srcPlen = (srcPlen + 96) & 0xff;
        if (ae === 0) c.write('for any');
        else { c.write(`for (${formatPrefix(prefix, plen)}, `); c.write(`${formatPrefix(src, srcPlen)})`); }
        break;
      }
      case 15: {
        if (!v) { c.write(' ss-mh-request'); break; }
        c.write('\n\tSS-MH-Request ');
        if (len < fixed) return INVALID;
        const ae = t.ae;
        let plen = t.requestPrefixLength;
        const seqno = t.requestSeqno, hopc = t.requestHopCount;
        let srcPlen = t.ssMhRequestSourcePrefixLength, parsed = fixed;
        let rc = networkPrefix(t, ae, plen, 0, H + parsed, undefined, len - parsed, prefix);
        if (rc < 0) return INVALID;
        if (ae === 1) plen = (plen + 96) & 0xff;
        parsed += rc;
        rc = networkPrefix(t, ae, srcPlen, 0, H + parsed, undefined, len - parsed, src);
        if (rc < 0) return INVALID;
        if (ae === 1) srcPlen = (srcPlen + 96) & 0xff;
        c.write(`(${hopc} hops) for (${formatPrefix(prefix, plen)}, `);
        c.write(`${formatPrefix(src, srcPlen)}) seqno ${seqno} id ${t.requestRouterId}`);
        break;
      }
      case 16:
        c.write(v ? `\n\tMAC len ${len}` : ' mac');
        break;
      case 17:
        if (!v) { c.write(' pc'); break; }
        c.write('\n\tPC');
        if (len < fixed) return INVALID;
        c.write(` value ${t.pcValue}`);
        c.write(` index len ${len - fixed}`);
        break;
      case 18: case 19:
        if (!v) { c.write(type === 18 ? ' challenge_request' : ' challenge_reply'); break; }
        c.write(type === 18 ? '\n\tChallenge Request' : '\n\tChallenge Reply');
        if (len > 192) return INVALID;
        c.write(` len ${len}`);
        break;
      default:
        c.write(v ? `\n\tUnknown message type ${type}` : ' unknown');
    }
    i += len + H;
  }
  return 0;
}

/** A Babel packet, `length` bytes of UDP payload (babel_print). */
export function printBabel(c: PrintContext, b: Babel, length: number): void {
  c.protocol = 'babel';
  c.write('babel');
  if (!b.has(BABEL_HEADER_LENGTH)) { c.truncMark(); return; }
  if (b.magic !== 42) { c.write(' invalid header'); return; }
  const version = b.version;
  c.write(` ${version}`);
  if (version !== 2) { c.write(' unknown version'); return; }
  if (length < BABEL_HEADER_LENGTH) { c.invalid(); return; }
  const bodylen = b.bodyLength;
  c.write(` (${bodylen})`);
  length -= BABEL_HEADER_LENGTH;
  if (length < bodylen) { c.invalid(); return; }
  let ret = tlvs(c, b, BABEL_HEADER_LENGTH, bodylen, length);
  if (ret === TRUNC) { c.truncMark(); return; }
  if (ret === INVALID) { c.invalid(); return; }
  length -= bodylen;
  if (length !== 0) {
    c.write(c.o.verbose ? '\n\t----' : ' |');
    ret = tlvs(c, b, BABEL_HEADER_LENGTH + bodylen, length, length);
    if (ret === TRUNC) c.truncMark();
    else if (ret === INVALID) c.invalid();
  }
}
