/** IPv4 (tcpdump's print-ip.c): the header, -v details and options, then the protocol demux. */
import type { IpInfo, PrintContext } from './context.js';
import { TRUNCATED } from './context.js';
import { ipProtoName } from './names.js';
import { inCksum, cksumShouldBe } from './checksum.js';
import { printIpPayload } from './ip-demux.js';
import { ipv4ToString } from '../../decoders/addr.js';

const optionNames: Record<number, string> = {
  0: 'EOL', 1: 'NOP', 68: 'timestamp', 130: 'security', 7: 'RR', 137: 'SSRR', 131: 'LSRR', 148: 'RA', 82: 'traceroute',
};

function printRoute(c: PrintContext, cp: number, length: number): void {
  if (length < 3) { c.write(` [bad length ${length}]`); return; }
  if ((length + 1) & 3) c.write(` [bad length ${length}]`);
  const ptr = c.u8(cp + 2) - 1;
  if (ptr < 3 || ((ptr + 1) & 3) || ptr > length + 1) c.write(` [bad ptr ${c.u8(cp + 2)}]`);
  for (let len = 3; len < length; len += 4) {
    c.write(' ' + c.ip4(cp + len));
    if (ptr > len) c.write(',');
  }
}

function printTimestamps(c: PrintContext, cp: number, length: number): void {
  if (length < 4) { c.write(`[bad length ${length}]`); return; }
  c.write(' TS{');
  const flags = c.u8(cp + 3);
  const hoplen = (flags & 0xf) !== 0 ? 8 : 4;
  if ((length - 4) & (hoplen - 1)) c.write(`[bad length ${length}]`);
  const ptr = c.u8(cp + 2) - 1;
  let len = 0;
  if (ptr < 4 || ((ptr - 4) & (hoplen - 1)) || ptr > length + 1) c.write(`[bad ptr ${c.u8(cp + 2)}]`);
  let ok = true;
  switch (flags & 0xf) {
    case 0: c.write('TSONLY'); break;
    case 1: c.write('TS+ADDR'); break;
    case 3: c.write('PRESPEC'); break;
    default: c.write(`[bad ts type ${flags & 0xf}]`); ok = false;
  }
  if (ok) {
    let type = ' ';
    for (len = 4; len < length; len += hoplen) {
      if (ptr === len) type = ' ^ ';
      c.write(`${type}${c.u32(cp + len + hoplen - 4)}@${hoplen !== 8 ? '' : c.ip4(cp + len)}`);
      type = ' ';
    }
  }
  c.write(ptr === len ? ' ^ ' : '');
  if (flags >> 4) c.write(` [${flags >> 4} hops not recorded]} `); else c.write('}');
}

/** IP options (ip_optprint); false when an option runs past what was captured. */
function printOptions(c: PrintContext, cp: number, length: number): boolean {
  let sep = '';
  while (length > 0) {
    c.write(sep); sep = ',';
    const code = c.u8(cp);
    c.write(optionNames[code] ?? `unknown ${code}`);
    let len: number;
    if (code === 0 || code === 1) len = 1;
    else {
      len = c.u8(cp + 1);
      if (len < 2) { c.write(` [bad length ${len}]`); return true; }
    }
    if (len > length) { c.write(` [bad length ${len}]`); return true; }
    if (!c.has(cp, len)) return false;
    try {
      switch (code) {
        case 0: return true;
        case 68: printTimestamps(c, cp, len); break;
        case 7: case 137: case 131: printRoute(c, cp, len); break;
        case 148:
          if (len < 4) { c.write(` [bad length ${len}]`); break; }
          if (c.u16(cp + 2) !== 0) c.write(` value ${c.u16(cp + 2)}`);
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

/** The final destination for the pseudo-header: the last hop of a source route (ip_finddst). */
function finalDestination(c: PrintContext, off: number, hlen: number): number {
  let cp = off + 20, length = hlen - 20;
  while (length > 0) {
    if (!c.has(cp, 1)) break;
    const tt = c.buf[cp]!;
    let len: number;
    if (tt === 0) break;
    if (tt === 1) len = 1;
    else {
      if (!c.has(cp + 1, 1)) break;
      len = c.buf[cp + 1]!;
      if (len < 2) break;
    }
    if (length < len || !c.has(cp, len)) break;
    if ((tt === 137 || tt === 131) && len >= 7) return cp + len - 4;
    cp += len; length -= len;
  }
  return off + 16;
}

/**
 * The IPv4 header as the transport printers see it. The address texts are made only when asked
 * for: TCP and UDP write the address bytes straight onto the line.
 */
class Ip4Info implements IpInfo {
  readonly version = 4 as const;
  constructor(readonly buf: Uint8Array, readonly srcOff: number, readonly dstOff: number,
    readonly length: number, readonly fragmented: boolean) {}
  get src(): string { return ipv4ToString(this.buf, this.srcOff); }
  get dst(): string { return ipv4ToString(this.buf, this.srcOff + 4); }
}

/** IPv4 datagram at `off`; `length` is what the layer below says is left on the wire. */
export function printIp(c: PrintContext, off: number, length: number): void {
  c.protocol = 'ip';
  const vhl = c.u8(off);
  if (vhl >> 4 !== 4) {
    c.write(vhl >> 4 === 6 ? 'IP6, wrong link-layer encapsulation' : `IP${vhl >> 4}`);
    c.invalid();
    return;
  }
  if (!c.o.linkHeader) c.write('IP ');
  if (!c.has(off, 20)) { c.truncMark(); return; }
  if (length < 20) { c.write(`truncated-ip ${length}`); return; }
  const hlen = (vhl & 0xf) * 4;
  if (hlen < 20) { c.write(`bad-hlen ${hlen}`); return; }
  let len = c.u16(off + 2);
  if (length < len) c.write(`truncated-ip - ${len - length} bytes missing! `);
  // Debian's tcpdump is built without GUESS_TSO: a zero total length is just bad.
  if (len < hlen) { c.write(`bad-len ${len}`); return; }
  c.pushEnd(off + len);
  len -= hlen;
  const fragOff = c.u16(off + 6);
  const proto = c.u8(off + 9);
  if (c.o.verbose) {
    const tos = c.u8(off + 1);
    c.write(`(tos 0x${tos.toString(16)}`);
    switch (tos & 3) {
      case 1: c.write(',ECT(1)'); break;
      case 2: c.write(',ECT(0)'); break;
      case 3: c.write(',CE'); break;
    }
    const ttl = c.u8(off + 8);
    if (ttl >= 1) c.write(`, ttl ${ttl}`);
    c.write(`, id ${c.u16(off + 4)}, offset ${(fragOff & 0x1fff) * 8}, flags [${flagsText(fragOff)}], proto ${ipProtoName(proto)} (${proto})`);
    c.write(`, length ${c.u16(off + 2)}`);
    let truncated = false;
    if (hlen > 20) {
      c.write(', options (');
      if (!printOptions(c, off + 20, hlen - 20)) { c.write(' [truncated-option]'); truncated = true; }
      c.write(')');
    }
    if (c.has(off, hlen)) {
      const sum = inCksum(c.buf, off, hlen);
      if (sum !== 0) {
        const field = c.u16(off + 10);
        c.write(`, bad cksum ${field.toString(16)} (->${cksumShouldBe(field, sum).toString(16)})!`);
      }
    }
    c.write(')\n    ');
    if (truncated) {
      c.write(`${c.ip4(off + 12)} > ${c.ip4(off + 16)}: `);
      c.truncMark();
      c.popEnd();
      return;
    }
  }
  if ((fragOff & 0x1fff) === 0) {
    // TCP and UDP print the addresses with their ports; vcap has no SCTP/DCCP printers, so those get them here.
    if (proto !== 6 && proto !== 17) { c.ip4raw(off + 12); c.write(' > '); c.ip4raw(off + 16); c.write(': '); }
    if (!c.has(off, hlen)) {
      c.write(` [remaining caplen(${c.avail(off)}) < header length(${hlen})]`);
      throw TRUNCATED;
    }
    const ip: IpInfo = new Ip4Info(c.buf, off + 12, finalDestination(c, off, hlen), len, (fragOff & 0x2000) !== 0);
    printIpPayload(c, proto, off + hlen, len, ip);
  } else {
    c.write(`${c.ip4(off + 12)} > ${c.ip4(off + 16)}: ip-proto-${proto}`);
  }
  c.popEnd();
}

/** bittok2str(ip_frag_values, "none", …): "+" (MF), "DF", "rsvd", joined with ", ". */
function flagsText(fragOff: number): string {
  let s = '';
  if (fragOff & 0x2000) s = '+';
  if (fragOff & 0x4000) s = s ? s + ', DF' : 'DF';
  if (fragOff & 0x8000) s = s ? s + ', rsvd' : 'rsvd';
  return s || 'none';
}
