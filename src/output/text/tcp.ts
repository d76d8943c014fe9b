/** TCP (tcpdump's print-tcp.c): flags, relative sequence numbers, options, -v checksums, payload demux. */
import type { IpInfo, PrintContext } from './context.js';
import { safeChar } from './print-char.js';
import { TRUNCATED } from './context.js';
import { tcpFlagsString, tcpOptionName, hex8, hex16 } from './names.js';
import { cksumShouldBe } from '../../decoders/checksum.js';
import { printTcpApp } from './dispatch.js';
import { printMptcp } from './mptcp.js';
import { SEQ_NUMBER, ACK_NUMBER, SACK_NUMBER, type TcpSeqDeferred } from './tcp-seq.js';
import { TCP_MIN_HEADER_LENGTH, type Tcp, type TcpOptionView } from '../../decoders/tcp.js';

const FIN = 0x01, SYN = 0x02, RST = 0x04, ACK = 0x10, URG = 0x20;

/**
 * `n` relative to `base`, modulo 2^32: the sequence and acknowledgement numbers and the SACK blocks
 * all go through this one subtraction, so that its type feedback is the union of theirs. The SACK
 * blocks had one of their own, which saw only numbers V8 keeps as small integers until a base of
 * 4294967295 (the ack - 1 of a SYN with ack 0) came by, after the options printer was optimised:
 * deoptimised ("not a Smi") and compiled again.
 */
function relative(n: number, base: number): number { return (n - base) >>> 0; }

/** Fill the table's key with the conversation in tcpdump's order: (src, dst, sport<<16|dport), swapped when `rev`. */
function fillKey(k: Uint32Array, ip: IpInfo, rev: boolean, sport: number, dport: number): void {
  const n = ip.version === 4 ? 1 : 4;
  if (ip.version === 4) ip.v4!.addressWords(k, 0); else ip.v6!.addressWords(k, 0);
  if (rev) for (let i = 0; i < n; i++) { const w = k[i]!; k[i] = k[n + i]!; k[n + i] = w; }
  k[2 * n] = rev ? ((dport << 16) | sport) >>> 0 : ((sport << 16) | dport) >>> 0;
}

/**
 * `src.port > dst.port: `, or only the ports when extension headers came first (addresses already
 * printed). The header's addresses (not a routing header's final destination), as bytes.
 */
export function writeEndpoints(c: PrintContext, ip: IpInfo, proto: number, sport: number, dport: number): void {
  if (ip.headerProtocol === proto) {
    // IPv4: the address bytes (checked by the IP printer) go onto the line as digits, no strings.
    if (ip.version === 4) c.endpoints4(ip.srcOff, sport, ip.v4!.dstOffset, dport);
    else c.endpoints6(ip.srcOff, sport, ip.v6!.dstOffset, dport);
  } else {
    c.num(sport); c.write(' > '); c.num(dport); c.write(': ');
  }
}

function fastOpen(c: PrintContext, opt: TcpOptionView, first: number, datalen: number, exp: boolean): void {
  if (exp) c.write('tfo');
  if (datalen === 0) { c.write(' cookiereq'); return; }
  if (datalen % 2 !== 0 || datalen < 4 || datalen > 16) { c.invalid(); return; }
  c.write(' cookie ');
  for (let i = 0; i < datalen; i++) c.write(hex8(opt.data(first + i)));
}

/** RST payload as text (print_tcp_rst_data): at most 30 bytes, control characters as ^X / M-x. */
function rstData(c: PrintContext, tcp: Tcp, hlen: number, length: number): void {
  c.write(tcp.has(hlen + length) ? ' [RST' : ' [!RST');
  if (length > 30) { length = 30; c.write('+'); }
  let s = ' ';
  for (let i = hlen; length > 0 && tcp.has(i + 1); i++, length--) s += safeChar(tcp.byte(i));
  c.write(s + ']');
}

/**
 * How an option's data checked out (tcpdump's LENCHECK): it fits and was captured; it does not fit
 * in what is left of the header (`[bad opt]`); it was not captured (` [|tcp]`).
 */
const OK = 0, BAD = 1, CUT = 2;

/** LENCHECK: option data of `l` bytes must fit in what is left of the header and have been captured. */
function check(opt: TcpOptionView, l: number, hlen: number): number {
  return l > hlen ? BAD : opt.dataCaptured(l) ? OK : CUT;
}

/**
 * How the option list ends, by status (OK, BAD, CUT) and whether an option was printed before: the
 * bracket, `[bad opt]`, or after the truncation mark (` [|tcp]`, ` [|mptcp]` once an MPTCP option set
 * tcpdump's protocol name) the bracket (`>`) when something came before it.
 * A table, so that every outcome goes through the one write the common case takes: a branch of its
 * own for the rare endings was first taken after V8 had optimised the printer, which was then
 * deoptimised and compiled again.
 */
const OPTIONS_END = [']', ']', '[bad opt]', '[bad opt]]', '', '>'];

/**
 * The options of a header of `hlen` bytes (`, options [...]`), after the fixed part: a function of
 * its own, so that the common path of printTcp stays small enough for V8 to compile quickly and to
 * inline the writers into. `length` is the payload's; `later` is set when a worker thread leaves the
 * SACK numbers for the thread that holds the table. False when the options ended the line (cut or bad).
 *
 * Only the options nearly every segment carries (NOP, EOL, MSS, window scale, SACK permitted, SACK,
 * timestamps) are printed here; every other kind goes to otherOption() through one call. The loop is
 * then small, and compiled once: with a case for every kind, V8 compiled the larger function again
 * (deoptimised: no type feedback for the case) each time a kind it had not yet met came along.
 */
function printOptions(c: PrintContext, tcp: Tcp, hlen: number, hlen0: number, length: number, flags: number, rev: boolean,
  thseq: number, thack: number, later: TcpSeqDeferred | undefined): boolean {
  const opt = tcp.option;
  let cp = tcp.off + TCP_MIN_HEADER_LENGTH;
  hlen -= TCP_MIN_HEADER_LENGTH;
  let sep = 0;
  let st = OK;
  // Written piece by piece as tcpdump does: a truncation stops the list where it is.
  c.write(', options [');
  while (hlen > 0) {
    if (sep) c.ch(44);
    opt.point(cp, c.end);
    const kind = opt.kind;
    let len: number;
    if (kind === 0 || kind === 1) len = 1;
    else {
      len = opt.lengthField;
      if (len < 2 || len > hlen) { st = BAD; break; }
      hlen--;
    }
    hlen--;
    let datalen = 0;
    c.write(tcpOptionName(kind));
    switch (kind) {
      case 0: case 1: case 4: break;
      case 2: datalen = 2; if ((st = check(opt, 2, hlen)) !== OK) break; c.ch(32); c.num(opt.mss); break;
      case 3: datalen = 1; if ((st = check(opt, 1, hlen)) !== OK) break; c.ch(32); c.num(opt.windowScale); break;
      case 5:
        datalen = len - 2;
        if (datalen % 8 !== 0) c.write(' invalid sack');
        else {
          c.ch(32); c.num(datalen / 8); c.ch(32);
          for (let i = 0; i < datalen / 8; i++) {
            if ((st = check(opt, 8 * i + 4, hlen)) !== OK) break;
            let l = opt.sackLeft(i);
            if ((st = check(opt, 8 * i + 8, hlen)) !== OK) break;
            let r = opt.sackRight(i);
            if (later !== undefined) {
              c.ch(123); later.number(c.out.len, l, SACK_NUMBER); c.ch(58); later.number(c.out.len, r, SACK_NUMBER); c.ch(125);
              continue;
            }
            if (rev) { l = relative(l, thseq); r = relative(r, thseq); } else { l = relative(l, thack); r = relative(r, thack); }
            c.ch(123); c.num(l); c.ch(58); c.num(r); c.ch(125);
          }
        }
        break;
      case 8:
        datalen = 8; if ((st = check(opt, 8, hlen)) !== OK) break;
        c.write(' val '); c.num(opt.tsval); c.write(' ecr '); c.num(opt.tsecr);
        break;
      default: {
        // The data length and the status in one number (data length × 4 + status): no branch here
        // for the rare outcomes.
        const r = otherOption(c, tcp, kind, len, hlen, hlen0, length, flags, cp);
        datalen = r >> 2; st = r & 3;
      }
    }
    if (st !== OK) break;
    // tcpdump steps by what it read (the data length the kind has), not by the length byte.
    cp += (kind === 0 || kind === 1 ? 1 : 2) + datalen; hlen -= datalen;
    datalen++;
    if (kind !== 0 && kind !== 1) datalen++;
    if (datalen !== len) { c.write('[len '); c.num(len); c.ch(93); }
    sep = 1;
    if (kind === 0) break;
  }
  if (st === CUT) c.truncMark();
  c.write(OPTIONS_END[st * 2 + sep]!);
  return st === OK;
}

/**
 * The data of an option of a kind printOptions leaves (MD5, SCPS, TCP-AO, user timeout, MPTCP, TFO,
 * experimental, echo, CC, unknown), its name already written; `tcp.option` points at it, `len` is
 * its length byte, `hlen` what is left of the header after it. Returns the data length tcpdump
 * steps by × 4 + the status (OK, BAD, CUT).
 */
function otherOption(c: PrintContext, tcp: Tcp, kind: number, len: number, hlen: number, hlen0: number, length: number,
  flags: number, cp: number): number {
  const opt = tcp.option;
  let datalen: number, st: number;
  switch (kind) {
    case 6: case 7: case 11: case 12: case 13:
      datalen = 4; if ((st = check(opt, 4, hlen)) !== OK) return st; c.ch(32); c.num(opt.value32); break;
    case 19: {
      datalen = 16; if ((st = check(opt, 16, hlen)) !== OK) return st;
      // Debian's tcpdump is built with libcrypto, so it says why it cannot verify the digest.
      c.write(!tcp.has(hlen0 + length) ? " snaplen too short, can't check - " : " shared secret not supplied with -M, can't check - ");
      for (let i = 0; i < 16; i++) c.write(hex8(opt.data(i)));
      break;
    }
    case 20:
      datalen = 2; if ((st = check(opt, 2, hlen)) !== OK) return st;
      c.write(` cap ${hex8(opt.scpsCapabilities)} id ${opt.scpsConnectionId}`);
      break;
    case 29:
      datalen = len - 2;
      if (datalen < 2) c.invalid();
      else {
        if ((st = check(opt, 1, hlen)) !== OK) return st;
        c.write(` keyid ${opt.aoKeyId}`);
        if ((st = check(opt, 2, hlen)) !== OK) return st;
        c.write(` rnextkeyid ${opt.aoRNextKeyId}`);
        if (datalen > 2) {
          c.write(' mac 0x');
          for (let i = 2; i < datalen; i++) { if ((st = check(opt, i + 1, hlen)) !== OK) return st; c.write(hex8(opt.data(i))); }
        }
      }
      break;
    case 28: {
      datalen = 2; if ((st = check(opt, 2, hlen)) !== OK) return st;
      let uto = opt.userTimeout;
      c.write(` 0x${uto.toString(16)}`);
      uto = uto & 1 ? (uto >> 1) * 60 : uto >> 1;
      c.ch(32); c.num(uto);
      break;
    }
    case 30:
      datalen = len - 2; if ((st = check(opt, datalen, hlen)) !== OK) return st;
      // The MPTCP printer reads only inside the option.
      if (!printMptcp(c, tcp.mptcp.point(cp, Math.min(c.end, cp + len)), len, flags)) return BAD;
      break;
    case 34:
      datalen = len - 2; if ((st = check(opt, datalen, hlen)) !== OK) return st;
      c.ch(32);
      fastOpen(c, opt, 0, datalen, false);
      break;
    case 254: {
      datalen = len - 2; if ((st = check(opt, datalen, hlen)) !== OK) return st;
      if (datalen < 2) return BAD;
      const magic = opt.experimentId;
      c.ch(45);
      if (magic === 0xf989) fastOpen(c, opt, 2, datalen - 2, true);
      else c.write(magic.toString(16).padStart(4, '0'));
      break;
    }
    default:
      datalen = len - 2;
      if (datalen) c.write(' 0x');
      for (let i = 0; i < datalen; i++) { if ((st = check(opt, i + 1, hlen)) !== OK) return st; c.write(hex8(opt.data(i))); }
      break;
  }
  return datalen * 4 + OK;
}

/**
 * A segment cut before the end of the fixed header, or whose header states fewer than 20 bytes: as
 * much of the line as tcpdump prints. Out of printTcp, whose common path V8 then compiles alone.
 */
function printShortHeader(c: PrintContext, tcp: Tcp, ip: IpInfo, length: number): void {
  if (!tcp.portsCaptured) {
    c.write(`${ip.src} > ${ip.dst}:`);
    c.truncMark();
    return;
  }
  writeEndpoints(c, ip, 6, tcp.srcPort, tcp.dstPort);
  if (!tcp.has(TCP_MIN_HEADER_LENGTH)) { c.truncMark(); return; }
  const hlen = tcp.statedHeaderLength;
  c.write(` tcp ${length - hlen} [bad hdr length ${hlen} - too short, < 20]`);
}

/** -v: `, cksum 0x… (correct)` or `(incorrect -> 0x…)` of the `length` bytes of the segment (all captured). */
function writeChecksum(c: PrintContext, tcp: Tcp, ip: IpInfo, length: number): void {
  const sum = tcp.internetChecksum(length, ip.pseudoSum(6, length));
  const field = tcp.checksum;
  c.write(', cksum 0x'); c.write(hex16(field));
  if (sum !== 0) { c.write(' (incorrect -> 0x'); c.write(hex16(cksumShouldBe(field, sum))); c.ch(41); } else c.write(' (correct)');
}

/** TCP segment `tcp`, `length` bytes (header + data) per the IP header in `c.ip`. */
export function printTcp(c: PrintContext, tcp: Tcp, length: number): void {
  c.protocol = 'tcp';
  const ip = c.ip;
  const hlen0 = tcp.has(TCP_MIN_HEADER_LENGTH) ? tcp.statedHeaderLength : 0;
  if (hlen0 < TCP_MIN_HEADER_LENGTH) { printShortHeader(c, tcp, ip, length); return; }
  const sport = tcp.srcPort, dport = tcp.dstPort;
  writeEndpoints(c, ip, 6, sport, dport);
  let hlen = hlen0;
  let seq = tcp.seq, ack = tcp.ack;
  const win = tcp.window;
  if (c.o.quiet) {
    // %u of a negative difference, as tcpdump prints it.
    c.write(`tcp ${(length - hlen) >>> 0}`);
    if (hlen > length) c.write(` [bad hdr length ${hlen} - too long, > ${length}]`);
    return;
  }
  const flags = tcp.flags & 0xff;
  c.write('Flags ['); c.write(tcpFlagsString(flags)); c.ch(93);
  let rev = false;
  let thseq = 0, thack = 0;
  // On a worker thread of parallel printing the lookup is recorded and the relative numbers left
  // for the thread that holds the table (tcp-seq.ts): `deferred` says this packet's are.
  const later = c.tcpSeqDeferred;
  let deferred = false;
  if (!c.o.absoluteSeq && (flags & ACK)) {
    if (sport > dport) rev = true;
    else if (sport === dport && (ip.version === 4 ? ip.v4!.compareAddresses() : ip.v6!.compareAddresses()) > 0) rev = true;
    if (later !== undefined) {
      fillKey(later.key, ip, rev, sport, dport);
      later.lookup(ip.version === 4 ? 3 : 9, rev, (flags & SYN) !== 0, seq, ack);
      deferred = true;
    } else {
      const t = ip.version === 4 ? c.tcpSeq4 : c.tcpSeq6;
      fillKey(t.key, ip, rev, sport, dport);
      let slot = t.lookup();
      // SYN tested first: with the lookup's miss first, a capture of new conversations left `&` without type feedback.
      const record = (flags & SYN) !== 0 || slot < 0;
      if (slot < 0) slot = t.add();
      // This side's initial numbers and the other's (after add(), which may grow the table). Both
      // outcomes, recording them and numbering from them, are worked out for every segment, and
      // only the choice between them depends on `record`: with a branch each (and one per
      // direction), the first segment that took the other one after V8 had optimised printTcp met
      // code without type feedback and deoptimised it (a capture of many short conversations
      // numbers from a recorded one only now and then).
      const mine = rev ? t.ack : t.seq, theirs = rev ? t.seq : t.ack;
      const m = mine[slot]!, th = theirs[slot]!, ackBefore = (ack - 1) >>> 0;
      const relSeq = relative(seq, m), relAck = relative(ack, th);
      mine[slot] = record ? seq : m; theirs[slot] = record ? ackBefore : th;
      if (!record) { seq = relSeq; ack = relAck; }
      thseq = t.seq[slot]!; thack = t.ack[slot]!;
    }
  }
  if (hlen > length) {
    c.write(` [bad hdr length ${hlen} - too long, > ${length}]`);
    return;
  }
  if (c.o.verbose && !c.o.skipChecksums && !ip.fragmented && tcp.has(length)) writeChecksum(c, tcp, ip, length);
  length -= hlen;
  if (c.o.verbose > 1 || length > 0 || (flags & (SYN | FIN | RST))) {
    c.write(', seq ');
    if (deferred) later!.number(c.out.len, seq, SEQ_NUMBER); else c.num(seq);
    if (length > 0) {
      c.ch(58);
      if (deferred) later!.number(c.out.len, (seq + length) >>> 0, SEQ_NUMBER); else c.num((seq + length) >>> 0);
    }
  }
  if (flags & ACK) {
    c.write(', ack ');
    if (deferred) later!.number(c.out.len, ack, ACK_NUMBER); else c.num(ack);
  }
  c.write(', win '); c.num(win);
  if (flags & URG) { c.write(', urg '); c.num(tcp.urgentPointer); }
  if (hlen > TCP_MIN_HEADER_LENGTH && !printOptions(c, tcp, hlen, hlen0, length, flags, rev, thseq, thack, deferred ? later : undefined)) return;
  c.write(', length ');
  if (length >= 0) c.num(length); else c.write(String(length));
  if (length <= 0) return;
  // The options may end (EOL) before the header does: tcpdump checks the whole header before the payload.
  if (!tcp.has(hlen0)) { c.write(` [remaining caplen(${tcp.captured}) < header length(${hlen0})]`); throw TRUNCATED; }
  if ((flags & RST) && c.o.verbose) { rstData(c, tcp, hlen0, length); return; }
  printTcpApp(c, sport, dport, tcp.off + hlen0, length);
}
