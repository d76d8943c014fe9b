// Mobile IPv6 Mobility header (RFC 6275 §6.1), as tcpdump 4.99's print-mobility.c.
import type { PrintContext } from './context.js';

// Layout: next header, length, type, reserved, checksum, then the message data at byte 6.
const NAMES: readonly string[] = ['BRR', 'HoTI', 'CoTI', 'HoT', 'CoT', 'BU', 'BA', 'BE'];
const MINLEN = 8;
/** Smallest header length each message type needs. */
const HDRLEN: readonly number[] = [MINLEN, MINLEN + 8, MINLEN + 8, MINLEN + 16, MINLEN + 16, MINLEN + 4, MINLEN + 4, MINLEN + 16];

const hex8 = (n: number): string => n.toString(16).padStart(8, '0');

/** Mobility options (RFC 6275 §6.2); false when one overruns the header. */
function printOptions(c: PrintContext, bp: number, len: number): boolean {
  for (let i = 0, optlen = 0; i < len; i += optlen) {
    const t = c.u8(bp + i);
    if (t === 0) optlen = 1;
    else if (i + 1 < len) optlen = c.u8(bp + i + 1) + 2;
    else return false;
    if (i + optlen > len) return false;
    if (!c.has(bp + i + optlen, 1)) return false;
    switch (t) {
      case 0: c.write('(pad1)'); break;
      case 1:
        if (len - i < 2) { c.write('(padn: trunc)'); return false; }
        c.write('(padn)');
        break;
      case 2:
        if (len - i < 4) { c.write('(refresh: trunc)'); return false; }
        c.write(`(refresh: ${c.u16(bp + i + 2) << 2})`);
        break;
      case 3:
        if (len - i < 18) { c.write('(altcoa: trunc)'); return false; }
        c.write(`(alt-CoA: ${c.ip6(bp + i + 2)})`);
        break;
      case 4:
        if (len - i < 6) { c.write('(ni: trunc)'); return false; }
        c.write(`(ni: ho=0x${c.u16(bp + i + 2).toString(16).padStart(4, '0')} co=0x${c.u16(bp + i + 4).toString(16).padStart(4, '0')})`);
        break;
      case 5:
        if (len - i < 12) { c.write('(auth: trunc)'); return false; }
        c.write('(auth)');
        break;
      default:
        if (len - i < 2) { c.write(`(sopt_type ${t}: trunc)`); return false; }
        c.write(`(type-0x${t.toString(16).padStart(2, '0')}: len=${c.u8(bp + i + 1)})`);
    }
  }
  return true;
}

/** Mobility header at `off`; returns its length, or -1 after printing ` [|mobility]`. */
export function printMobility(c: PrintContext, off: number, _ip6: number): number {
  c.protocol = 'mobility';
  if (!c.has(off + 1, 1)) { c.write(' [|mobility]'); return -1; }
  const mhlen = (c.buf[off + 1]! + 1) << 3;
  const type = c.u8(off + 2);
  if (type < HDRLEN.length && mhlen < HDRLEN[type]!) {
    c.write(`(header length ${mhlen} is too small for type ${type}) [|mobility]`);
    return -1;
  }
  c.write(`mobility: ${type < NAMES.length ? NAMES[type]! : `type-#${type}`}`);
  const v = c.o.verbose;
  let hlen = MINLEN;
  switch (type) {
    case 0: break;
    case 1: case 2:
      if (v) c.write(` ${type === 1 ? 'Home' : 'Care-of'} Init Cookie=${hex8(c.u32(off + 8))}:${hex8(c.u32(off + 12))}`);
      hlen += 8;
      break;
    case 3: case 4: {
      const who = type === 3 ? 'Home' : 'Care-of';
      c.write(` nonce id=0x${c.u16(off + 6).toString(16)}`);
      if (v) c.write(` ${who} Init Cookie=${hex8(c.u32(off + 8))}:${hex8(c.u32(off + 12))}`);
      if (v) c.write(` ${who} Keygen Token=${hex8(c.u32(off + 16))}:${hex8(c.u32(off + 20))}`);
      hlen += 16;
      break;
    }
    case 5: {
      c.write(` seq#=${c.u16(off + 6)}`);
      if (!c.has(off + 8, 2)) { c.truncMark(); return -1; }
      const bits = c.buf[off + 8]! >> 4;
      if (bits) c.write(` ${bits & 8 ? 'A' : ''}${bits & 4 ? 'H' : ''}${bits & 2 ? 'L' : ''}${bits & 1 ? 'K' : ''}`);
      c.write(` lifetime=${c.u16(off + 10) << 2}`);
      hlen += 4;
      break;
    }
    case 6:
      c.write(` status=${c.u8(off + 6)}`);
      if (c.u8(off + 7) & 0x80) c.write(' K');
      c.write(` seq#=${c.u16(off + 8)}`);
      c.write(` lifetime=${c.u16(off + 10) << 2}`);
      hlen += 4;
      break;
    case 7:
      c.write(` status=${c.u8(off + 6)}`);
      c.write(` homeaddr ${c.ip6(off + 8)}`);
      hlen += 16;
      break;
    default:
      c.write(` len=${c.u8(off + 1)}`);
      return mhlen;
  }
  if (v && !printOptions(c, off + hlen, mhlen - hlen)) { c.write(' [|mobility]'); return -1; }
  return mhlen;
}
