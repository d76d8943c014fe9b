/** IPv4 (tcpdump's print-ip.c): the header, -v details and options, then the protocol demux. */
import type { PrintContext } from './context.js';
import { TRUNCATED } from './context.js';
import { ipProtoName } from './names.js';
import { cksumShouldBe } from '../../decoders/checksum.js';
import { printIpPayload } from './ip-demux.js';
import { IPV4_MIN_HEADER_LENGTH, routeHopPosition, TS_FIRST_ENTRY, type Ipv4, type Ipv4OptionView } from '../../decoders/ipv4.js';

const optionNames: Record<number, string> = {
  0: 'EOL', 1: 'NOP', 68: 'timestamp', 130: 'security', 7: 'RR', 137: 'SSRR', 131: 'LSRR', 148: 'RA', 82: 'traceroute',
};

/** Record route and source routes (ip_printroute): `opt` is the option, `length` its length byte. */
function printRoute(c: PrintContext, opt: Ipv4OptionView, length: number): void {
  if (length < 3) { c.write(` [bad length ${length}]`); return; }
  if ((length + 1) & 3) c.write(` [bad length ${length}]`);
  // Unsigned, as tcpdump's: a pointer of 0 is past every hop (each then gets its comma).
  const ptr = (opt.pointer - 1) >>> 0;
  if (ptr < 3 || ((ptr + 1) & 3) || ptr > length + 1) c.write(` [bad ptr ${opt.pointer}]`);
  for (let i = 0; routeHopPosition(i) < length; i++) {
    c.write(' ' + opt.routeHop(i));
    if (ptr > routeHopPosition(i)) c.write(',');
  }
}

/** Timestamps (ip_printts). */
function printTimestamps(c: PrintContext, opt: Ipv4OptionView, length: number): void {
  if (length < 4) { c.write(`[bad length ${length}]`); return; }
  c.write(' TS{');
  const flags = opt.tsFlags;
  const hoplen = (flags & 0xf) !== 0 ? 8 : 4;
  if ((length - 4) & (hoplen - 1)) c.write(`[bad length ${length}]`);
  const ptr = (opt.pointer - 1) >>> 0;
  let pos = 0;
  if (ptr < 4 || ((ptr - 4) & (hoplen - 1)) || ptr > length + 1) c.write(`[bad ptr ${opt.pointer}]`);
  let ok = true;
  switch (flags & 0xf) {
    case 0: c.write('TSONLY'); break;
    case 1: c.write('TS+ADDR'); break;
    case 3: c.write('PRESPEC'); break;
    default: c.write(`[bad ts type ${flags & 0xf}]`); ok = false;
  }
  if (ok) {
    let type = ' ';
    let i = 0;
    for (pos = TS_FIRST_ENTRY; pos < length; pos += hoplen, i++) {
      if (ptr === pos) type = ' ^ ';
      c.write(`${type}${opt.tsTime(i, hoplen)}@${hoplen !== 8 ? '' : opt.tsAddress(i)}`);
      type = ' ';
    }
  }
  c.write(ptr === pos ? ' ^ ' : '');
  if (flags >> 4) c.write(` [${flags >> 4} hops not recorded]} `); else c.write('}');
}

/** IP options (ip_optprint) from the header's options area, `length` bytes; false when an option runs past what was captured. */
function printOptions(c: PrintContext, ip: Ipv4, length: number): boolean {
  const opt = ip.option;
  let cp = ip.optionsOffset;
  let sep = '';
  while (length > 0) {
    c.write(sep); sep = ',';
    opt.point(cp, c.end);
    const code = opt.type;
    c.write(optionNames[code] ?? `unknown ${code}`);
    let len: number;
    if (code === 0 || code === 1) len = 1;
    else {
      len = opt.lengthField;
      if (len < 2) { c.write(` [bad length ${len}]`); return true; }
    }
    if (len > length) { c.write(` [bad length ${len}]`); return true; }
    if (!opt.has(len)) return false;
    try {
      switch (code) {
        case 0: return true;
        case 68: printTimestamps(c, opt, len); break;
        case 7: case 137: case 131: printRoute(c, opt, len); break;
        case 148:
          if (len < 4) { c.write(` [bad length ${len}]`); break; }
          if (opt.routerAlertValue !== 0) c.write(` value ${opt.routerAlertValue}`);
          break;
        default: break;
      }
    } catch (e) {
      // Contents that run past the capture end the options with [truncated-option] (tcpdump's
      // ND_TCHECK there); a cut inside an option's type or length byte unwinds to [|ip] instead.
      if (e !== TRUNCATED) throw e;
      return false;
    }
    cp += len; length -= len;
  }
  return true;
}

/** IPv4 datagram `ip`; `length` is what the layer below says is left on the wire. */
export function printIp(c: PrintContext, ip: Ipv4, length: number): void {
  c.protocol = 'ip';
  ip.need(1);    // GET_U_1 of the version byte: nothing captured unwinds to [|ip]
  const version = ip.version;
  if (version !== 4) {
    c.write(version === 6 ? 'IP6, wrong link-layer encapsulation' : `IP${version}`);
    c.invalid();
    return;
  }
  if (!c.o.linkHeader) c.write('IP ');
  if (!ip.has(IPV4_MIN_HEADER_LENGTH)) { c.truncMark(); return; }
  if (length < IPV4_MIN_HEADER_LENGTH) { c.write(`truncated-ip ${length}`); return; }
  const hlen = ip.statedHeaderLength;
  if (hlen < IPV4_MIN_HEADER_LENGTH) { c.write(`bad-hlen ${hlen}`); return; }
  let len = ip.totalLength;
  if (length < len) c.write(`truncated-ip - ${len - length} bytes missing! `);
  // Debian's tcpdump is built without GUESS_TSO: a zero total length is just bad.
  if (len < hlen) { c.write(`bad-len ${len}`); return; }
  c.pushEnd(ip.off + len);
  len -= hlen;
  const proto = ip.protocol, fragOffset = ip.fragmentOffset;
  if (c.o.verbose) {
    // Piece by piece into the output (no strings made): this is on every packet with -v.
    const tos = ip.tos;
    c.write('(tos 0x'); c.write(hex(tos));
    switch (tos & 3) {
      case 1: c.write(',ECT(1)'); break;
      case 2: c.write(',ECT(0)'); break;
      case 3: c.write(',CE'); break;
    }
    const ttl = ip.ttl;
    if (ttl >= 1) { c.write(', ttl '); c.num(ttl); }
    c.write(', id '); c.num(ip.id);
    c.write(', offset '); c.num(fragOffset);
    c.write(', flags ['); c.write(flagsText(ip));
    c.write('], proto '); c.write(ipProtoName(proto)); c.write(' ('); c.num(proto);
    c.write('), length '); c.num(ip.totalLength);
    let truncated = false;
    if (hlen > IPV4_MIN_HEADER_LENGTH) {
      c.write(', options (');
      if (!printOptions(c, ip, hlen - IPV4_MIN_HEADER_LENGTH)) { c.write(' [truncated-option]'); truncated = true; }
      c.write(')');
    }
    if (!c.o.skipChecksums && ip.has(hlen)) {
      const sum = ip.internetChecksum(hlen);
      if (sum !== 0) {
        const field = ip.checksum;
        c.write(`, bad cksum ${field.toString(16)} (->${cksumShouldBe(field, sum).toString(16)})!`);
      }
    }
    c.write(')\n    ');
    if (truncated) {
      c.write(`${ip.src} > ${ip.dst}: `);
      c.truncMark();
      c.popEnd();
      return;
    }
  }
  if (fragOffset === 0) {
    // TCP, UDP, DCCP and SCTP print the addresses with their ports.
    if (proto !== 6 && proto !== 17 && proto !== 33 && proto !== 132) { c.ip4At(ip.srcOffset); c.write(' > '); c.ip4At(ip.dstOffset); c.write(': '); }
    if (!ip.has(hlen)) {
      c.write(` [remaining caplen(${c.avail(ip.off)}) < header length(${hlen})]`);
      throw TRUNCATED;
    }
    const info = c.pushIp();
    info.version = 4; info.v4 = ip; info.headerProtocol = proto; info.srcOff = ip.srcOffset; info.dstOff = -1;
    info.length = len; info.fragmented = ip.moreFragments;
    printIpPayload(c, proto, ip.off + hlen, len, info);
    c.popIp();
  } else {
    c.write(`${ip.src} > ${ip.dst}: ip-proto-${proto}`);
  }
  c.popEnd();
}

const hexText: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16));
/** %x of a byte. */
function hex(v: number): string { return hexText[v]!; }

/** bittok2str(ip_frag_values, "none", …): "+" (MF), "DF", "rsvd", joined with ", ". */
function flagsText(ip: Ipv4): string {
  let s = '';
  if (ip.moreFragments) s = '+';
  if (ip.dontFragment) s = s ? s + ', DF' : 'DF';
  if (ip.reservedFlag) s = s ? s + ', rsvd' : 'rsvd';
  return s || 'none';
}
