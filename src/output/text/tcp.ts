/** TCP (tcpdump's print-tcp.c): flags, relative sequence numbers, options, -v checksums, payload demux. */
import type { IpInfo, PrintContext } from './context.js';
import { safeChar } from './print-char.js';
import { TRUNCATED } from './context.js';
import { tcpFlagsString, tcpOptionName, hex8 } from './names.js';
import { cksumAdd, cksumFinish, cksumShouldBe, ipv4PseudoSum, ipv6PseudoSum } from './checksum.js';
import { printDns } from './dns.js';
import { printHttp } from './http.js';
import { printSsh } from './ssh.js';
import { printMptcp } from './mptcp.js';
import { printForcedTcp } from './forced-type.js';
import type { TcpSeqTable } from './tcp-seq.js';

const FIN = 0x01, SYN = 0x02, RST = 0x04, ACK = 0x10, URG = 0x20;

/** tcpdump compares the raw address bytes to pick one key order for both directions. */
function addrCompare(b: Uint8Array, a1: number, a2: number, n: number): number {
  for (let i = 0; i < n; i++) {
    const d = b[a1 + i]! - b[a2 + i]!;
    if (d !== 0) return d;
  }
  return 0;
}

function word(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
}

/** Fill the table's key with the conversation in tcpdump's order: (src, dst, sport<<16|dport), swapped when `rev`. */
function fillKey(t: TcpSeqTable, b: Uint8Array, srcOff: number, alen: number, rev: boolean, sport: number, dport: number): void {
  const k = t.key, n = alen >> 2;
  const first = rev ? srcOff + alen : srcOff, second = rev ? srcOff : srcOff + alen;
  for (let i = 0; i < n; i++) { k[i] = word(b, first + 4 * i); k[n + i] = word(b, second + 4 * i); }
  k[2 * n] = rev ? ((dport << 16) | sport) >>> 0 : ((sport << 16) | dport) >>> 0;
}

/** The transport-protocol field of the IP header above (IPv4 ip_p / IPv6 ip6_nxt). */
export function ipHeaderProto(c: PrintContext, ip: IpInfo): number {
  return ip.version === 4 ? c.buf[ip.srcOff - 3]! : c.buf[ip.srcOff - 2]!;
}

/** `src.port > dst.port: `, or only the ports when extension headers came first (addresses already printed). */
export function writeEndpoints(c: PrintContext, ip: IpInfo, proto: number, sport: number, dport: number): void {
  if (ipHeaderProto(c, ip) === proto) {
    // IPv4: the address bytes (checked by the IP printer) go onto the line as digits, no strings.
    if (ip.version === 4) c.ip4raw(ip.srcOff); else c.write(ip.src);
    c.ch(46); c.num(sport); c.write(' > ');
    if (ip.version === 4) c.ip4raw(ip.srcOff + 4); else c.write(ip.dst);
    c.ch(46); c.num(dport); c.write(': ');
  } else {
    c.num(sport); c.write(' > '); c.num(dport); c.write(': ');
  }
}

function transportSum(c: PrintContext, ip: IpInfo, off: number, length: number, proto: number): number {
  const pseudo = ip.version === 4
    ? ipv4PseudoSum(c.buf, ip.srcOff, ip.dstOff, proto, length)
    : ipv6PseudoSum(c.buf, ip.srcOff, ip.dstOff, proto, length);
  return cksumFinish(cksumAdd(c.buf, off, length, pseudo));
}
export { transportSum };

function fastOpen(c: PrintContext, cp: number, datalen: number, exp: boolean): void {
  if (exp) c.write('tfo');
  if (datalen === 0) { c.write(' cookiereq'); return; }
  if (datalen % 2 !== 0 || datalen < 4 || datalen > 16) { c.write(' invalid'); return; }
  let s = ' cookie ';
  for (let i = 0; i < datalen; i++) s += hex8(c.u8(cp + i));
  c.write(s);
}

/** RST payload as text (print_tcp_rst_data): at most 30 bytes, control characters as ^X / M-x. */
function rstData(c: PrintContext, sp: number, length: number): void {
  c.write(c.has(sp, length) ? ' [RST' : ' [!RST');
  if (length > 30) { length = 30; c.write('+'); }
  let s = ' ';
  while (length > 0 && sp < c.end) {
    s += safeChar(c.buf[sp++]!);
    length--;
  }
  c.write(s + ']');
}

/** Thrown by LENCHECK when option data was not captured: tcpdump then closes with ` [|tcp]>`. */
const OPTION_TRUNCATED = Object.freeze({ optionTruncated: true });

/** LENCHECK: option data of `l` bytes must fit in what is left of the header and have been captured. */
function lenOk(c: PrintContext, cp: number, l: number, hlen: number): boolean {
  if (l > hlen) return false;
  if (!c.has(cp, l)) throw OPTION_TRUNCATED;
  return true;
}

/** TCP segment at `off`, `length` bytes (header + data) per the IP header. */
export function printTcp(c: PrintContext, off: number, length: number, ip: IpInfo): void {
  c.protocol = 'tcp';
  if (!c.has(off + 2, 2)) {
    c.write(`${ip.src} > ${ip.dst}:`);
    c.truncMark();
    return;
  }
  const sport = c.u16(off), dport = c.u16(off + 2);
  if (!c.has(off, 20)) { writeEndpoints(c, ip, 6, sport, dport); c.truncMark(); return; }
  writeEndpoints(c, ip, 6, sport, dport);
  let hlen = (c.buf[off + 12]! >> 4) * 4;
  if (hlen < 20) {
    c.write(` tcp ${length - hlen} [bad hdr length ${hlen} - too short, < 20]`);
    return;
  }
  let seq = c.u32(off + 4), ack = c.u32(off + 8);
  const win = c.u16(off + 14), urp = c.u16(off + 18);
  if (c.o.quiet) {
    // %u of a negative difference, as tcpdump prints it.
    c.write(`tcp ${(length - hlen) >>> 0}`);
    if (hlen > length) c.write(` [bad hdr length ${hlen} - too long, > ${length}]`);
    return;
  }
  const flags = c.buf[off + 13]!;
  c.write('Flags ['); c.write(tcpFlagsString(flags)); c.ch(93);
  let rev = false;
  let thseq = 0, thack = 0;
  if (!c.o.absoluteSeq && (flags & ACK)) {
    const alen = ip.version === 4 ? 4 : 16;
    if (sport > dport) rev = true;
    else if (sport === dport && addrCompare(c.buf, ip.srcOff, ip.srcOff + alen, alen) > 0) rev = true;
    const t = ip.version === 4 ? c.tcpSeq4 : c.tcpSeq6;
    fillKey(t, c.buf, ip.srcOff, alen, rev, sport, dport);
    let slot = t.lookup();
    if (slot < 0 || (flags & SYN)) {
      if (slot < 0) slot = t.add();
      if (rev) { t.ack[slot] = seq; t.seq[slot] = (ack - 1) >>> 0; } else { t.seq[slot] = seq; t.ack[slot] = (ack - 1) >>> 0; }
    } else if (rev) {
      seq = (seq - t.ack[slot]!) >>> 0; ack = (ack - t.seq[slot]!) >>> 0;
    } else {
      seq = (seq - t.seq[slot]!) >>> 0; ack = (ack - t.ack[slot]!) >>> 0;
    }
    thseq = t.seq[slot]!; thack = t.ack[slot]!;
  }
  if (hlen > length) {
    c.write(` [bad hdr length ${hlen} - too long, > ${length}]`);
    return;
  }
  if (c.o.verbose && !ip.fragmented && c.has(off, length)) {
    const sum = transportSum(c, ip, off, length, 6);
    const field = c.u16(off + 16);
    c.write(`, cksum 0x${field.toString(16).padStart(4, '0')}`);
    c.write(sum !== 0 ? ` (incorrect -> 0x${cksumShouldBe(field, sum).toString(16).padStart(4, '0')})` : ' (correct)');
  }
  length -= hlen;
  if (c.o.verbose > 1 || length > 0 || (flags & (SYN | FIN | RST))) {
    c.write(', seq '); c.num(seq);
    if (length > 0) { c.ch(58); c.num((seq + length) >>> 0); }
  }
  if (flags & ACK) { c.write(', ack '); c.num(ack); }
  c.write(', win '); c.num(win);
  if (flags & URG) { c.write(', urg '); c.num(urp); }
  if (hlen > 20) {
    let cp = off + 20;
    hlen -= 20;
    let ch = '';
    // Option text is gathered locally and handed to the line in one piece (fewer string joins per
    // packet); whatever was gathered is written before any truncation unwinds past this point.
    let o = ', options [';
    let bad = false;
    try {
    while (hlen > 0) {
      o += (ch);
      const opt = c.u8(cp++);
      let len: number;
      if (opt === 0 || opt === 1) len = 1;
      else {
        len = c.u8(cp++);
        if (len < 2 || len > hlen) { bad = true; break; }
        hlen--;
      }
      hlen--;
      let datalen = 0;
      o += (tcpOptionName(opt));
      switch (opt) {
        case 2: datalen = 2; if (!lenOk(c, cp, 2, hlen)) { bad = true; break; } o += (` ${c.u16(cp)}`); break;
        case 3: datalen = 1; if (!lenOk(c, cp, 1, hlen)) { bad = true; break; } o += (` ${c.u8(cp)}`); break;
        case 5:
          datalen = len - 2;
          if (datalen % 8 !== 0) o += (' invalid sack');
          else {
            o += (` ${datalen / 8} `);
            for (let i = 0; i < datalen; i += 8) {
              if (!lenOk(c, cp, i + 4, hlen)) { bad = true; break; }
              let s = c.u32(cp + i);
              if (!lenOk(c, cp, i + 8, hlen)) { bad = true; break; }
              let e = c.u32(cp + i + 4);
              if (rev) { s = (s - thseq) >>> 0; e = (e - thseq) >>> 0; } else { s = (s - thack) >>> 0; e = (e - thack) >>> 0; }
              o += (`{${s}:${e}}`);
            }
          }
          break;
        case 6: case 7: case 11: case 12: case 13:
          datalen = 4; if (!lenOk(c, cp, 4, hlen)) { bad = true; break; } o += (` ${c.u32(cp)}`); break;
        case 8:
          datalen = 8; if (!lenOk(c, cp, 8, hlen)) { bad = true; break; } o += (` val ${c.u32(cp)} ecr ${c.u32(cp + 4)}`); break;
        case 19: {
          datalen = 16; if (!lenOk(c, cp, 16, hlen)) { bad = true; break; }
          // Debian's tcpdump is built with libcrypto, so it says why it cannot verify the digest.
          const dataOff = off + (c.buf[off + 12]! >> 4) * 4;
          let s = dataOff + length > c.end ? " snaplen too short, can't check - " : " shared secret not supplied with -M, can't check - ";
          for (let i = 0; i < 16; i++) s += hex8(c.u8(cp + i));
          o += (s);
          break;
        }
        case 20:
          datalen = 2; if (!lenOk(c, cp, 2, hlen)) { bad = true; break; }
          o += (` cap ${hex8(c.u8(cp))} id ${c.u8(cp + 1)}`);
          break;
        case 29:
          datalen = len - 2;
          if (datalen < 2) o += (' invalid');
          else {
            if (!lenOk(c, cp, 1, hlen)) { bad = true; break; }
            o += (` keyid ${c.u8(cp)}`);
            if (!lenOk(c, cp, 2, hlen)) { bad = true; break; }
            o += (` rnextkeyid ${c.u8(cp + 1)}`);
            if (datalen > 2) {
              o += (' mac 0x');
              for (let i = 2; i < datalen; i++) { if (!lenOk(c, cp, i + 1, hlen)) { bad = true; break; } o += (hex8(c.u8(cp + i))); }
            }
          }
          break;
        case 0: case 1: case 4: break;
        case 28: {
          datalen = 2; if (!lenOk(c, cp, 2, hlen)) { bad = true; break; }
          let uto = c.u16(cp);
          o += (` 0x${uto.toString(16)}`);
          uto = uto & 1 ? (uto >> 1) * 60 : uto >> 1;
          o += (` ${uto}`);
          break;
        }
        case 30: {
          datalen = len - 2; if (!lenOk(c, cp, datalen, hlen)) { bad = true; break; }
          // The MPTCP printer reads only inside the option.
          c.write(o); o = '';
          c.pushEnd(cp - 2 + len);
          const ok = printMptcp(c, cp - 2, len, flags);
          c.popEnd();
          if (!ok) bad = true;
          break;
        }
        case 34:
          datalen = len - 2; if (!lenOk(c, cp, datalen, hlen)) { bad = true; break; }
          c.write(o + ' '); o = '';
          fastOpen(c, cp, datalen, false);
          break;
        case 254: {
          datalen = len - 2; if (!lenOk(c, cp, datalen, hlen)) { bad = true; break; }
          if (datalen < 2) { bad = true; break; }
          const magic = c.u16(cp);
          c.write(o + '-'); o = '';
          if (magic === 0xf989) fastOpen(c, cp + 2, datalen - 2, true);
          else o += (magic.toString(16).padStart(4, '0'));
          break;
        }
        default:
          datalen = len - 2;
          if (datalen) o += (' 0x');
          for (let i = 0; i < datalen; i++) { if (!lenOk(c, cp, i + 1, hlen)) { bad = true; break; } o += (hex8(c.u8(cp + i))); }
          break;
      }
      if (bad) break;
      cp += datalen; hlen -= datalen;
      datalen++;
      if (opt !== 0 && opt !== 1) datalen++;
      if (datalen !== len) o += (`[len ${len}]`);
      ch = ',';
      if (opt === 0) break;
    }
    } catch (e) {
      c.write(o);
      if (e !== OPTION_TRUNCATED) throw e;
      c.write(` [|tcp]${ch !== '' ? '>' : ''}`);
      return;
    }
    if (bad) {
      c.write(o + (ch !== '' ? '[bad opt]]' : '[bad opt]'));
      return;
    }
    c.write(o + ']');
  }
  c.write(', length ');
  if (length >= 0) c.num(length); else c.write(String(length));
  if (length <= 0) return;
  const data = off + (c.buf[off + 12]! >> 4) * 4;
  if ((flags & RST) && c.o.verbose) { rstData(c, data, length); return; }
  if (c.o.forcedType !== '') { printForcedTcp(c, c.o.forcedType, data, length, ip); return; }
  if (sport === 22 || dport === 22) { printSsh(c, data, length); return; }
  if (sport === 80 || dport === 80 || sport === 8080 || dport === 8080) { c.write(': '); printHttp(c, data, length); return; }
  if (sport === 53 || dport === 53) printDns(c, data, length, true);
}
