/** OLSR (tcpdump's print-olsr.c), on UDP 698. */
import type { PrintContext } from './context.js';
import {
  OLSR_HEADER_LENGTH, OLSR_HELLO_HEADER_LENGTH, OLSR_LINK_HEADER_LENGTH, OLSR_NAME_ENTRY_HEADER_LENGTH, OLSR_NAMESERVICE_HEADER_LENGTH,
  OLSR_TC_HEADER_LENGTH, type Olsr, type OlsrItem,
} from '../../decoders/olsr.js';
import { hexPrint } from './dump.js';
import { hex16, hex8 } from './names.js';
import { printN } from './print-char.js';
import { cFixed, mask2plen, TokTable } from './util-print.js';

const messages = new TokTable([
  [1, 'Hello'], [2, 'TC'], [3, 'MID'], [4, 'HNA'], [128, 'Powerinfo'], [130, 'Nameservice'], [201, 'Hello-LQ'], [202, 'TC-LQ'],
]);
const linkTypes = new TokTable([[0, 'Unspecified'], [1, 'Asymmetric'], [2, 'Symmetric'], [3, 'Lost']]);
/** Bytes of an IPv4 address, of an IPv4 and an IPv6 HNA entry (network and mask). */
const IPV4_SIZE = 4, HNA4_SIZE = 8, HNA6_SIZE = 32;
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

/** mask62plen over the 16 mask bytes of the IPv6 HNA entry `e`. */
function mask6plen(e: OlsrItem): number {
  let len = 0;
  for (let k = 0; k < 16; k++) {
    const m = e.netmask6Byte(k);
    for (let bits = 0; bits <= 8; bits++) if (m === ((0xff00 >> bits) & 0xff)) { len += bits; break; }
    if (m !== 0xff) break;
  }
  return len;
}

/** Link-quality entries from absolute index `pos`, `len` bytes; false where tcpdump goes to `trunc`. */
function lqNeighbors(c: PrintContext, o: Olsr, pos: number, len: number, v6: boolean): boolean {
  const size = o.pointItem(pos, v6).lqEntrySize;
  for (; len >= size; pos += size, len -= size) {
    const e = o.pointItem(pos, v6);
    if (!e.has(size)) return false;
    c.write(`\n\t      neighbor ${e.address()}, link-quality ${cFixed(e.linkQuality / 2.55, 2)}%, neighbor-link-quality ${cFixed(e.neighborLinkQuality / 2.55, 2)}%`);
  }
  return true;
}

/** IPv4 neighbor addresses from absolute index `pos`, `len` bytes. */
function neighbors(c: PrintContext, o: Olsr, pos: number, len: number): void {
  c.write('\n\t      neighbor\n\t\t');
  // tcpdump never advances its counter: every address is followed by a space.
  for (; len >= IPV4_SIZE; pos += IPV4_SIZE, len -= IPV4_SIZE) c.write(`${o.pointItem(pos, false).address()} `);
}

/** An OLSR packet, `length` bytes of UDP payload (olsr_print). */
export function printOlsr(c: PrintContext, o: Olsr, length: number): void {
  c.protocol = 'olsr';
  const v6 = c.ip.version === 6;
  c.write(`OLSRv${v6 ? 6 : 4}`);
  if (length < OLSR_HEADER_LENGTH || !o.has(OLSR_HEADER_LENGTH)) { c.truncMark(); return; }
  length = Math.min(length, o.packetLength);
  c.write(`, seq 0x${hex16(o.sequence)}, length ${length}`);
  if (c.o.verbose < 1) return;
  if (!messagesPrint(c, o, length, v6)) c.truncMark();
}

/** The messages; false where tcpdump goes to `trunc`. */
function messagesPrint(c: PrintContext, o: Olsr, length: number, v6: boolean): boolean {
  for (let t = OLSR_HEADER_LENGTH; t < length;) {
    const m = o.pointMessage(t, v6), hsize = m.headerLength, asize = m.addressSize;
    if (!m.has(hsize)) return false;
    const type = m.type, mlen = m.size;
    const valid = mlen >= hsize && mlen <= length;
    if (type === 0 || mlen === 0) return true;
    c.write(`\n\t${messages.str(type, 'Unknown')} Message (${alt04(type)}), originator ${m.originator}, ` +
      `ttl ${m.ttl}, hop ${m.hopCount}\n\t  vtime ${cFixed(meToSeconds(m.vtime), 3)}s, ` +
      `msg-seq 0x${hex16(m.sequence)}, length ${mlen}${valid ? '' : ' (invalid)'}`);
    if (!valid) return true;
    let tlen = mlen - hsize, d = m.bodyStart;
    switch (type) {
      case 1: case 201: {
        if (tlen < OLSR_HELLO_HEADER_LENGTH) return false;
        if (!m.hasBody(OLSR_HELLO_HEADER_LENGTH)) return false;
        c.write(`\n\t  hello-time ${cFixed(meToSeconds(m.helloTime), 3)}s, MPR willingness ${m.willingness}`);
        d += OLSR_HELLO_HEADER_LENGTH; tlen -= OLSR_HELLO_HEADER_LENGTH;
        while (tlen >= OLSR_LINK_HEADER_LENGTH) {
          const link = o.pointItem(d, v6);
          if (!link.has(OLSR_LINK_HEADER_LENGTH)) return false;
          let hlen = link.linkMessageSize;
          const code = link.linkCode;
          const hvalid = hlen <= tlen && hlen >= OLSR_LINK_HEADER_LENGTH;
          c.write(`\n\t    link-type ${linkTypes.str(code & 3, 'Unknown')}, neighbor-type ${neighborTypes.str(code >> 2, 'Unknown')}, len ${hlen}${hvalid ? '' : ' (invalid)'}`);
          if (!hvalid) break;
          if (!link.has(hlen)) return false;
          d += OLSR_LINK_HEADER_LENGTH; tlen -= OLSR_LINK_HEADER_LENGTH; hlen -= OLSR_LINK_HEADER_LENGTH;
          if (type === 1) neighbors(c, o, d, hlen);
          else if (!lqNeighbors(c, o, d, hlen, v6)) return false;
          d += hlen; tlen -= hlen;
        }
        break;
      }
      case 2: case 202:
        if (tlen < OLSR_TC_HEADER_LENGTH) return false;
        if (!m.hasBody(OLSR_TC_HEADER_LENGTH)) return false;
        c.write(`\n\t    advertised neighbor seq 0x${hex16(m.ansn)}`);
        d += OLSR_TC_HEADER_LENGTH; tlen -= OLSR_TC_HEADER_LENGTH;
        if (type === 2) neighbors(c, o, d, tlen);
        else if (!lqNeighbors(c, o, d, tlen, v6)) return false;
        break;
      case 3:
        for (; tlen >= asize; d += asize, tlen -= asize) {
          const a = o.pointItem(d, v6);
          if (!a.has(asize)) return false;
          c.write(`\n\t  interface address ${a.address()}`);
        }
        break;
      case 4:
        if (v6) {
          c.write(`\n\t  Advertised networks (total ${Math.floor(tlen / HNA6_SIZE)})`);
          for (; tlen >= HNA6_SIZE; d += HNA6_SIZE, tlen -= HNA6_SIZE) {
            const e = o.pointItem(d, true);
            if (!e.has(HNA6_SIZE)) return false;
            c.write(`\n\t    #0: ${e.address()}/${mask6plen(e)}`);
          }
        } else {
          c.write(`\n\t  Advertised networks (total ${Math.floor(tlen / HNA4_SIZE)})`);
          for (let col = 0; tlen >= HNA4_SIZE; d += HNA4_SIZE, tlen -= HNA4_SIZE, col = (col + 1) % 4) {
            const e = o.pointItem(d, false);
            if (!e.has(HNA4_SIZE)) return false;
            const sep = col === 0 ? '\n\t    ' : ', ';
            const flags = e.gatewayFlags;
            if (e.network32 === 0 && e.gatewayMaskHigh === 0 && flags) {
              const ls = flags & 1;
              c.write(`${sep}Smart-Gateway:${ls ? ' LINKSPEED' : ''}${flags & 2 ? ' IPV4' : ''}${flags & 4 ? ' IPV4-NAT' : ''}${flags & 8 ? ' IPV6' : ''}` +
                `${flags & 16 ? ' IPv6-PREFIX' : ''} ${ls ? gwSpeed(e.uplinkSpeed) : 0}/${ls ? gwSpeed(e.downlinkSpeed) : 0}`);
            } else c.write(`${sep}${e.address()}/${mask2plen(e.netmask)}`);
          }
        }
        break;
      case 130: {
        if (tlen < OLSR_NAMESERVICE_HEADER_LENGTH) return false;
        const entries = m.nameEntryCount;
        const evalid = entries > 0 && entries * (OLSR_NAME_ENTRY_HEADER_LENGTH + asize) <= tlen;
        c.write(`\n\t  Version ${m.nameServiceVersion}, Entries ${entries}${evalid ? '' : ' (invalid)'}`);
        if (!evalid) break;
        d += OLSR_NAMESERVICE_HEADER_LENGTH; tlen -= OLSR_NAMESERVICE_HEADER_LENGTH;
        for (let i = 0; i < entries; i++) {
          if (tlen < OLSR_NAME_ENTRY_HEADER_LENGTH) break;
          const e = o.pointItem(d, v6);
          const etype = e.nameType, elen = e.nameLength;
          tlen -= OLSR_NAME_ENTRY_HEADER_LENGTH;
          const lvalid = elen > 0 && asize + elen <= tlen;
          c.write(`\n\t    #${i}: type ${alt06(etype)}, length ${elen}${lvalid ? '' : ' (invalid)'}`);
          if (!lvalid) break;
          const padding = elen % 4 !== 0 ? 4 - (elen % 4) : 0;
          if (tlen < asize + elen + padding) return false;
          if (!e.has(e.nameStart + elen + padding)) return false;
          c.write(`, address ${e.address(OLSR_NAME_ENTRY_HEADER_LENGTH)}, name "`);
          printN(c, e, e.nameStart, elen);
          c.write('"');
          d += e.nameStart + elen + padding; tlen -= asize + elen + padding;
        }
        break;
      }
      default:
        c.write(hexPrint(c, '\n\t    ', d, tlen));
    }
    t += mlen;
  }
  return true;
}
