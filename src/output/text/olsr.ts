/** OLSR (tcpdump's print-olsr.c), on UDP 698. */
import type { PrintContext } from './context.js';
import { OLSR_HEADER_LENGTH, type Olsr } from '../../decoders/olsr.js';
import { hexPrint } from './dump.js';
import { hex16, hex8 } from './names.js';
import { printN } from './print-char.js';
import { cFixed, mask2plen, TokTable } from './util-print.js';

const messages = new TokTable([
  [1, 'Hello'], [2, 'TC'], [3, 'MID'], [4, 'HNA'], [128, 'Powerinfo'], [130, 'Nameservice'], [201, 'Hello-LQ'], [202, 'TC-LQ'],
]);
const linkTypes = new TokTable([[0, 'Unspecified'], [1, 'Asymmetric'], [2, 'Symmetric'], [3, 'Lost']]);
const neighborTypes = new TokTable([[0, 'Not-Neighbor'], [1, 'Symmetric'], [2, 'Symmetric-MPR']]);

/** ME_TO_DOUBLE: a mantissa/exponent time (vtime, htime) in seconds. */
const meToSeconds = (me: number): number => 0.0625 * (1 + (me >> 4) / 16) * (1 << (me & 0x0f));
/** `%#04x`: 0x and two digits (C's alternate form prints a zero as plain `00`). */
const alt04 = (v: number): string => v === 0 ? '00' : `0x${hex8(v)}`;
const alt06 = (v: number): string => v === 0 ? '000000' : `0x${hex16(v)}`;

function gwSpeed(v: number): number {
  if (!v) return 0;
  if (v === 255) return 320000000;
  let speed = (v >> 3) + 1;
  for (let e = v & 7; e !== 0; e--) speed *= 10;
  return speed >>> 0;
}

/** mask62plen over the 16 bytes at `i`. */
function mask6plen(o: Olsr, i: number): number {
  let len = 0;
  for (let k = 0; k < 16; k++) {
    const m = o.u8(i + k);
    for (let bits = 0; bits <= 8; bits++) if (m === ((0xff00 >> bits) & 0xff)) { len += bits; break; }
    if (m !== 0xff) break;
  }
  return len;
}

function lqNeighbors(c: PrintContext, o: Olsr, i: number, len: number, v6: boolean): boolean {
  const size = v6 ? 20 : 8;
  for (; len >= size; i += size, len -= size) {
    if (!o.hasAt(i, size)) return false;
    const a = v6 ? o.ipv6(i) : o.ipv4(i), q = v6 ? 16 : 4;
    c.write(`\n\t      neighbor ${a}, link-quality ${cFixed(o.u8(i + q) / 2.55, 2)}%, neighbor-link-quality ${cFixed(o.u8(i + q + 1) / 2.55, 2)}%`);
  }
  return true;
}

function neighbors(c: PrintContext, o: Olsr, i: number, len: number): void {
  c.write('\n\t      neighbor\n\t\t');
  // tcpdump never advances its counter: every address is followed by a space.
  for (; len >= 4; i += 4, len -= 4) c.write(`${o.ipv4(i)} `);
}

/** An OLSR packet, `length` bytes of UDP payload (olsr_print). */
export function printOlsr(c: PrintContext, o: Olsr, length: number): void {
  c.protocol = 'olsr';
  const v6 = c.ip.version === 6;
  c.write(`OLSRv${v6 ? 6 : 4}`);
  if (length < OLSR_HEADER_LENGTH || !o.hasAt(0, OLSR_HEADER_LENGTH)) { c.truncMark(); return; }
  length = Math.min(length, o.packetLength);
  c.write(`, seq 0x${hex16(o.sequence)}, length ${length}`);
  if (c.o.verbose < 1) return;
  if (!messagesPrint(c, o, length, v6)) c.truncMark();
}

/** The messages; false where tcpdump goes to `trunc`. */
function messagesPrint(c: PrintContext, o: Olsr, length: number, v6: boolean): boolean {
  const hsize = v6 ? 24 : 12, asize = v6 ? 16 : 4;
  for (let t = OLSR_HEADER_LENGTH; t < length;) {
    if (!o.hasAt(t, hsize)) return false;
    const type = o.u8(t), mlen = o.u16(t + 2);
    const valid = mlen >= hsize && mlen <= length;
    if (type === 0 || mlen === 0) return true;
    c.write(`\n\t${messages.str(type, 'Unknown')} Message (${alt04(type)}), originator ${v6 ? o.ipv6(t + 4) : o.ipv4(t + 4)}, ` +
      `ttl ${o.u8(t + asize + 4)}, hop ${o.u8(t + asize + 5)}\n\t  vtime ${cFixed(meToSeconds(o.u8(t + 1)), 3)}s, ` +
      `msg-seq 0x${hex16(o.u16(t + asize + 6))}, length ${mlen}${valid ? '' : ' (invalid)'}`);
    if (!valid) return true;
    let tlen = mlen - hsize, d = t + hsize;
    switch (type) {
      case 1: case 201: {
        if (tlen < 4) return false;
        if (!o.hasAt(d, 4)) return false;
        c.write(`\n\t  hello-time ${cFixed(meToSeconds(o.u8(d + 2)), 3)}s, MPR willingness ${o.u8(d + 3)}`);
        d += 4; tlen -= 4;
        while (tlen >= 4) {
          if (!o.hasAt(d, 4)) return false;
          let hlen = o.u16(d + 2);
          const code = o.u8(d);
          const hvalid = hlen <= tlen && hlen >= 4;
          c.write(`\n\t    link-type ${linkTypes.str(code & 3, 'Unknown')}, neighbor-type ${neighborTypes.str(code >> 2, 'Unknown')}, len ${hlen}${hvalid ? '' : ' (invalid)'}`);
          if (!hvalid) break;
          d += 4; tlen -= 4; hlen -= 4;
          if (!o.hasAt(d, hlen)) return false;
          if (type === 1) neighbors(c, o, d, hlen);
          else if (!lqNeighbors(c, o, d, hlen, v6)) return false;
          d += hlen; tlen -= hlen;
        }
        break;
      }
      case 2: case 202:
        if (tlen < 4) return false;
        if (!o.hasAt(d, 4)) return false;
        c.write(`\n\t    advertised neighbor seq 0x${hex16(o.u16(d))}`);
        d += 4; tlen -= 4;
        if (type === 2) neighbors(c, o, d, tlen);
        else if (!lqNeighbors(c, o, d, tlen, v6)) return false;
        break;
      case 3:
        for (; tlen >= asize; d += asize, tlen -= asize) {
          if (!o.hasAt(d, asize)) return false;
          c.write(`\n\t  interface address ${v6 ? o.ipv6(d) : o.ipv4(d)}`);
        }
        break;
      case 4:
        if (v6) {
          c.write(`\n\t  Advertised networks (total ${Math.floor(tlen / 32)})`);
          for (; tlen >= 32; d += 32, tlen -= 32) {
            if (!o.hasAt(d, 32)) return false;
            c.write(`\n\t    #0: ${o.ipv6(d)}/${mask6plen(o, d + 16)}`);
          }
        } else {
          c.write(`\n\t  Advertised networks (total ${Math.floor(tlen / 8)})`);
          for (let col = 0; tlen >= 8; d += 8, tlen -= 8, col = (col + 1) % 4) {
            if (!o.hasAt(d, 8)) return false;
            const sep = col === 0 ? '\n\t    ' : ', ';
            const flags = o.u8(d + 5);
            if (o.u32(d) === 0 && o.u8(d + 4) === 0 && flags) {
              const ls = flags & 1;
              c.write(`${sep}Smart-Gateway:${ls ? ' LINKSPEED' : ''}${flags & 2 ? ' IPV4' : ''}${flags & 4 ? ' IPV4-NAT' : ''}${flags & 8 ? ' IPV6' : ''}` +
                `${flags & 16 ? ' IPv6-PREFIX' : ''} ${ls ? gwSpeed(o.u8(d + 6)) : 0}/${ls ? gwSpeed(o.u8(d + 7)) : 0}`);
            } else c.write(`${sep}${o.ipv4(d)}/${mask2plen(o.u32(d + 4))}`);
          }
        }
        break;
      case 130: {
        if (tlen < 4) return false;
        const entries = o.u16(d + 2);
        const evalid = entries > 0 && entries * (4 + asize) <= tlen;
        c.write(`\n\t  Version ${o.u16(d)}, Entries ${entries}${evalid ? '' : ' (invalid)'}`);
        if (!evalid) break;
        d += 4; tlen -= 4;
        for (let i = 0; i < entries; i++) {
          if (tlen < 4) break;
          const etype = o.u16(d), elen = o.u16(d + 2);
          d += 4; tlen -= 4;
          const lvalid = elen > 0 && asize + elen <= tlen;
          c.write(`\n\t    #${i}: type ${alt06(etype)}, length ${elen}${lvalid ? '' : ' (invalid)'}`);
          if (!lvalid) break;
          const padding = elen % 4 !== 0 ? 4 - (elen % 4) : 0;
          if (tlen < asize + elen + padding) return false;
          if (!o.hasAt(d, asize + elen + padding)) return false;
          c.write(`, address ${v6 ? o.ipv6(d) : o.ipv4(d)}, name "`);
          printN(c, o, d + asize, elen);
          c.write('"');
          d += asize + elen + padding; tlen -= asize + elen + padding;
        }
        break;
      }
      default:
        c.write(hexPrint(c, '\n\t    ', o.off + d, tlen));
    }
    t += mlen;
  }
  return true;
}
