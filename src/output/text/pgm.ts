/** PGM (tcpdump's print-pgm.c): ports, type, and with -v the global source id, the body and the options. */
import type { PrintContext } from './context.js';
import { PGM_HEADER_LENGTH, type Pgm } from '../../decoders/pgm.js';
import { Layer } from '../../decoders/layer.js';
import { printLayer } from './dispatch.js';

const AFNUM_INET = 1, AFNUM_INET6 = 2;
/** Bytes of an option's type and length, and the least an option may take. */
const OPT_HEADER = 2, MIN_OPT_LEN = 4;

/**
 * The network-layer address of family `afi` at byte `i`, or undefined when the family is neither
 * IPv4 nor IPv6 or the address was not captured (tcpdump then prints ` [|pgm]`).
 */
function nla(g: Pgm, afi: number, i: number): string | undefined {
  if (afi === AFNUM_INET) return g.has(i + 4) ? g.ipv4At(i) : undefined;
  if (afi === AFNUM_INET6) return g.has(i + 16) ? g.ipv6At(i) : undefined;
  return undefined;
}
function nlaSize(afi: number): number { return afi === AFNUM_INET ? 4 : 16; }

/** A PGM packet of `length` bytes (per the IP or UDP header). */
export function printPgm(c: PrintContext, g: Pgm, length: number): void {
  c.protocol = 'pgm';
  const ip = c.ip;
  if (!g.portsCaptured) { c.write(`${ip.src} > ${ip.dst}:`); c.truncMark(); return; }
  const sport = g.srcPort, dport = g.dstPort;
  if (ip.headerProtocol === 113) c.write(`${ip.src}.${sport} > ${ip.dst}.${dport}: `);
  else c.write(`${sport} > ${dport}: `);
  if (!g.has(PGM_HEADER_LENGTH)) { c.truncMark(); return; }
  c.write(`PGM, length ${g.tsduLength}`);
  if (!c.o.verbose) return;
  const type = g.type;
  c.write(` 0x${g.globalSourceId} `);
  const body = PGM_HEADER_LENGTH;
  let i = 0;                                          // tcpdump's bp: where the options start (the header's start for SPMR and unknown types)
  switch (type) {
    case 0: {                                         // SPM: sequence, trail, lead, path NLA
      if (!g.has(body + 16)) { c.truncMark(); return; }
      i = body + 16;
      const afi = g.word16(body + 12);
      const addr = nla(g, afi, i);
      if (addr === undefined) { c.truncMark(); return; }
      i += nlaSize(afi);
      c.write(`SPM seq ${g.word32(body)} trail ${g.word32(body + 4)} lead ${g.word32(body + 8)} nla ${addr}`);
      break;
    }
    case 1: {                                         // POLL: sequence, round, subtype, path NLA, interval, random, mask
      if (!g.has(body + 12)) { c.truncMark(); return; }
      i = body + 12;
      const afi = g.word16(body + 8);
      const addr = nla(g, afi, i);
      if (addr === undefined) { c.truncMark(); return; }
      i += nlaSize(afi);
      const ivl = g.word32(i), rnd = g.word32(i + 4), mask = g.word32(i + 8);
      i += 12;
      c.write(`POLL seq ${g.word32(body)} round ${g.word16(body + 4)} nla ${addr} ivl ${ivl} rnd 0x${hex32(rnd)} mask 0x${hex32(mask)}`);
      break;
    }
    case 2:                                           // POLR: sequence, round
      if (!g.has(body + 8)) { c.truncMark(); return; }
      c.write(`POLR seq ${g.word32(body)} round ${g.word16(body + 4)}`);
      i = body + 8;
      break;
    case 4: case 5:                                   // ODATA, RDATA: sequence, trail
      if (!g.has(body + 8)) { c.truncMark(); return; }
      c.write(`${type === 4 ? 'ODATA' : 'RDATA'} trail ${g.word32(body + 4)} seq ${g.word32(body)}`);
      i = body + 8;
      break;
    case 8: case 9: case 10: {                        // NAK, NNAK, NCF: sequence, source NLA, group NLA
      if (!g.has(body + 8)) { c.truncMark(); return; }
      i = body + 8;
      const srcAfi = g.word16(body + 4);
      const source = nla(g, srcAfi, i);
      if (source === undefined) { c.truncMark(); return; }
      i += nlaSize(srcAfi);
      // tcpdump skips the group's family and reserved fields and then reads the family from the
      // address's first bytes (and the address from there): what it prints, vcap prints.
      i += 4;
      const groupAfi = g.word16(i);
      const group = nla(g, groupAfi, i);
      if (group === undefined) { c.truncMark(); return; }
      i += nlaSize(groupAfi);
      c.write(`${type === 8 ? 'NAK ' : type === 9 ? 'NNAK ' : 'NCF '}(${source} -> ${group}), seq ${g.word32(body)}`);
      break;
    }
    case 11:                                          // ACK: highest sequence received
      if (!g.has(body + 8)) { c.truncMark(); return; }
      c.write(`ACK seq ${g.word32(body)}`);
      i = body + 8;
      break;
    case 12:
      c.write('SPMR');
      break;
    default:
      c.write(`UNKNOWN type 0x${type.toString(16).padStart(2, '0')}`);
  }
  if (g.optionFlags & 0x01) {
    const r = printOptions(c, g, i);
    if (r === STOP) return;
    if (r === TRUNC) { c.truncMark(); return; }
    i = r;
  }
  c.write(` [${length}]`);
  if (c.o.forcedType === 'pgm_zmtp1' && (type === 4 || type === 5)) printLayer(c, Layer.Zmtp1Datagram, g.off + i, g.tsduLength);
}

const STOP = -1, TRUNC = -2;

/** The options from byte `i`: where they end, or STOP (a bad option, said in brackets) or TRUNC. */
function printOptions(c: PrintContext, g: Pgm, i: number): number {
  if (!g.has(i + MIN_OPT_LEN)) return TRUNC;
  let optType = g.byte(i++);
  if ((optType & 0x7f) !== 0) { c.write(`[First option bad, should be PGM_OPT_LENGTH, is ${optType & 0x7f}]`); return STOP; }
  let optLen = g.byte(i++);
  if (optLen !== 4) { c.write(`[Bad OPT_LENGTH option, length ${optLen} != 4]`); return STOP; }
  let optsLen = g.word16(i);
  i += 2;
  if (optsLen < 4) { c.write(`[Bad total option length ${optsLen} < 4]`); return STOP; }
  c.write(` OPTS LEN ${optsLen}`);
  optsLen -= 4;
  const bad = (name: string, len: number, want: number): number => { c.write(`[Bad ${name} option, length ${len} != ${want}]`); return STOP; };
  while (optsLen) {
    if (optsLen < MIN_OPT_LEN) { c.write('[Total option length leaves no room for final option]'); return STOP; }
    optType = g.byte(i++);
    optLen = g.byte(i++);
    if (optLen < MIN_OPT_LEN) { c.write(`[Bad option, length ${optLen} < ${MIN_OPT_LEN}]`); break; }
    if (optsLen < optLen) { c.write('[Total option length leaves no room for final option]'); return STOP; }
    if (!g.has(i + optLen - OPT_HEADER)) return TRUNC;
    switch (optType & 0x7f) {
      case 0x00:                                      // OPT_LENGTH again
        if (optLen !== 4) return bad('OPT_LENGTH', optLen, 4);
        c.write(` OPTS LEN (extra?) ${g.word16(i)}`);
        i += 2; optsLen -= 4;
        break;
      case 0x01: {                                    // fragment
        if (optLen !== 16) return bad('OPT_FRAGMENT', optLen, 16);
        i += 2;
        const seq = g.word32(i), off = g.word32(i + 4), len = g.word32(i + 8);
        i += 12;
        c.write(` FRAG seq ${seq} off ${off} len ${len}`);
        optsLen -= 16;
        break;
      }
      case 0x02:                                      // NAK list
        i += 2;
        optLen -= 4;
        c.write(' NAK LIST');
        while (optLen) {
          if (optLen < 4) { c.write('[Option length not a multiple of 4]'); return STOP; }
          c.write(` ${g.word32(i)}`);
          i += 4; optLen -= 4; optsLen = (optsLen - 4) >>> 0;
        }
        break;
      case 0x03:                                      // join
        if (optLen !== 8) return bad('OPT_JOIN', optLen, 8);
        i += 2;
        c.write(` JOIN ${g.word32(i)}`);
        i += 4; optsLen -= 8;
        break;
      case 0x04: case 0x05: {                         // NAK back-off interval / range
        const name = (optType & 0x7f) === 4 ? 'OPT_NAK_BO_IVL' : 'OPT_NAK_BO_RNG';
        if (optLen !== 12) return bad(name, optLen, 12);
        i += 2;
        const a = g.word32(i), b = g.word32(i + 4);
        i += 8;
        c.write((optType & 0x7f) === 4 ? ` BACKOFF ivl ${a} ivlseq ${b}` : ` BACKOFF max ${a} min ${b}`);
        optsLen -= 12;
        break;
      }
      case 0x07: {                                    // redirect: an NLA
        if (optLen < 8) { c.write(`[Bad OPT_REDIRECT option, length ${optLen} < 8]`); return STOP; }
        i += 2;
        const afi = g.word16(i);
        i += 4;
        const r = optionNla(c, g, 'OPT_REDIRECT', afi, optLen, 8, i);
        if (r < 0) return r;
        c.write(` REDIRECT ${nla(g, afi, i)!}`);
        i += nlaSize(afi); optsLen -= 8 + nlaSize(afi);
        break;
      }
      case 0x08: case 0x09: case 0x0a: {             // parity parameters, group, current transmission group size
        const t = optType & 0x7f;
        if (optLen !== 8) return bad(t === 8 ? 'OPT_PARITY_PRM' : t === 9 ? 'OPT_PARITY_GRP' : 'OPT_CURR_TGSIZE', optLen, 8);
        i += 2;
        const v = g.word32(i);
        i += 4;
        c.write(t === 8 ? ` PARITY MAXTGS ${v}` : t === 9 ? ` PARITY GROUP ${v}` : ` PARITY ATGS ${v}`);
        optsLen -= 8;
        break;
      }
      case 0x0b: case 0x0d: case 0x0e: case 0x0f: case 0x11: {   // NBR_UNREACH, SYN, FIN, RST, CRQST: no data
        const t = optType & 0x7f;
        const name = t === 0x0b ? 'NBR_UNREACH' : t === 0x0d ? 'SYN' : t === 0x0e ? 'FIN' : t === 0x0f ? 'RST' : 'CRQST';
        if (optLen !== 4) return bad(`OPT_${name}`, optLen, 4);
        i += 2;
        c.write(` ${name}`);
        optsLen -= 4;
        break;
      }
      case 0x0c:                                      // path NLA
        c.write(` PATH_NLA [${optLen}]`);
        i += optLen; optsLen -= optLen;
        break;
      case 0x10:                                      // CR
        c.write(' CR');
        i += optLen; optsLen -= optLen;
        break;
      case 0x12: case 0x13: {                         // PGMCC data / feedback: an offset and an NLA
        const data = (optType & 0x7f) === 0x12;
        const name = data ? 'OPT_PGMCC_DATA' : 'OPT_PGMCC_FEEDBACK';
        if (optLen < 12) { c.write(`[Bad ${data ? name : 'PGM_OPT_PGMCC_FEEDBACK'} option, length ${optLen} < 12]`); return STOP; }
        i += 2;
        const offset = g.word32(i);
        i += 4;
        const afi = g.word16(i);
        i += 4;
        const r = optionNla(c, g, name, afi, optLen, 12, i);
        if (r < 0) return r;
        c.write(` PGMCC ${data ? 'DATA' : 'FEEDBACK'} ${offset} ${nla(g, afi, i)!}`);
        i += nlaSize(afi); optsLen -= 12 + nlaSize(afi);
        break;
      }
      default:
        c.write(` OPT_${optType.toString(16).toUpperCase().padStart(2, '0')} [${optLen}] `);
        i += optLen; optsLen -= optLen;
    }
    if (optType & 0x80) break;
  }
  return i;
}

/** Checks an option's NLA (family `afi` at byte `i`, `fixed` bytes before it): 0, or STOP/TRUNC. */
function optionNla(c: PrintContext, g: Pgm, name: string, afi: number, optLen: number, fixed: number, i: number): number {
  if (afi !== AFNUM_INET && afi !== AFNUM_INET6) return TRUNC;
  if (optLen !== fixed + nlaSize(afi)) { c.write(`[Bad ${name} option, length ${optLen} != ${fixed} + address size]`); return STOP; }
  return g.has(i + nlaSize(afi)) ? 0 : TRUNC;
}

function hex32(v: number): string { return v.toString(16).padStart(8, '0'); }
