// Mobile IPv6 Mobility header (RFC 6275 §6.1), as tcpdump 4.99's print-mobility.c.
import type { PrintContext } from './context.js';
import { MOBILITY_BU_FLAGS_END, MOBILITY_DATA_LENGTH, type Mobility } from '../../decoders/mobility.js';

const NAMES: readonly string[] = ['BRR', 'HoTI', 'CoTI', 'HoT', 'CoT', 'BU', 'BA', 'BE'];

const hex8 = (n: number): string => n.toString(16).padStart(8, '0');

/** Mobility options (RFC 6275 §6.2) from byte `start` to `end` of the header; false when one overruns it. */
function printOptions(c: PrintContext, m: Mobility, start: number, end: number): boolean {
  const len = end - start;
  for (let i = 0, optlen = 0; i < len; i += optlen) {
    const o = m.option(start + i);
    const t = o.type;
    if (t === 0) optlen = 1;
    else if (i + 1 < len) optlen = o.dataLength + 2;
    else return false;
    if (i + optlen > len) return false;
    if (!o.has(optlen + 1)) return false;
    switch (t) {
      case 0: c.write('(pad1)'); break;
      case 1:
        if (len - i < 2) { c.write('(padn: trunc)'); return false; }
        c.write('(padn)');
        break;
      case 2:
        if (len - i < 4) { c.write('(refresh: trunc)'); return false; }
        c.write(`(refresh: ${o.refreshInterval << 2})`);
        break;
      case 3:
        if (len - i < 18) { c.write('(altcoa: trunc)'); return false; }
        c.write(`(alt-CoA: ${o.alternateCareOf})`);
        break;
      case 4:
        if (len - i < 6) { c.write('(ni: trunc)'); return false; }
        c.write(`(ni: ho=0x${o.homeNonceIndex.toString(16).padStart(4, '0')} co=0x${o.careOfNonceIndex.toString(16).padStart(4, '0')})`);
        break;
      case 5:
        if (len - i < 12) { c.write('(auth: trunc)'); return false; }
        c.write('(auth)');
        break;
      default:
        if (len - i < 2) { c.write(`(sopt_type ${t}: trunc)`); return false; }
        c.write(`(type-0x${t.toString(16).padStart(2, '0')}: len=${o.dataLength})`);
    }
  }
  return true;
}

/** A Mobility header (the IPv6 printer's last header: nothing follows it). */
export function printMobility(c: PrintContext, m: Mobility, _length: number): void {
  c.protocol = 'mobility';
  if (!m.has(2)) { c.write(' [|mobility]'); return; }
  const mhlen = m.headerBytes;
  const type = m.mhType;
  if (type < MOBILITY_DATA_LENGTH.length && mhlen < MOBILITY_DATA_LENGTH[type]!) {
    c.write(`(header length ${mhlen} is too small for type ${type}) [|mobility]`);
    return;
  }
  c.write(`mobility: ${type < NAMES.length ? NAMES[type]! : `type-#${type}`}`);
  const v = c.o.verbose;
  switch (type) {
    case 0: break;
    case 1: case 2:
      if (v) c.write(` ${type === 1 ? 'Home' : 'Care-of'} Init Cookie=${hex8(m.initCookieHigh)}:${hex8(m.initCookieLow)}`);
      break;
    case 3: case 4: {
      const who = type === 3 ? 'Home' : 'Care-of';
      c.write(` nonce id=0x${m.nonceIndex.toString(16)}`);
      if (v) c.write(` ${who} Init Cookie=${hex8(m.initCookieHigh)}:${hex8(m.initCookieLow)}`);
      if (v) c.write(` ${who} Keygen Token=${hex8(m.keygenTokenHigh)}:${hex8(m.keygenTokenLow)}`);
      break;
    }
    case 5: {
      c.write(` seq#=${m.sequence}`);
      // The flags and reserved byte tested first (tcpdump's ND_TCHECK_2 → goto trunc).
      if (!m.has(MOBILITY_BU_FLAGS_END)) { c.truncMark(); return; }
      const bits = m.updateFlags;
      if (bits) c.write(` ${bits & 8 ? 'A' : ''}${bits & 4 ? 'H' : ''}${bits & 2 ? 'L' : ''}${bits & 1 ? 'K' : ''}`);
      c.write(` lifetime=${m.lifetime << 2}`);
      break;
    }
    case 6:
      c.write(` status=${m.status}`);
      if (m.ackFlags & 0x80) c.write(' K');
      c.write(` seq#=${m.ackSequence}`);
      c.write(` lifetime=${m.lifetime << 2}`);
      break;
    case 7:
      c.write(` status=${m.status}`);
      c.write(` homeaddr ${m.homeAddress}`);
      break;
    default:
      c.write(` len=${m.lengthField}`);
      return;
  }
  if (v && !printOptions(c, m, m.optionsStart, mhlen)) c.write(' [|mobility]');
}
