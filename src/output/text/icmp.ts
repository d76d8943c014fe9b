/** ICMP for IPv4 (tcpdump's print-icmp.c): type/code texts, -v checksum and the quoted packet of errors. */
import type { IpInfo, PrintContext } from './context.js';
import { inCksum, cksumShouldBe } from './checksum.js';
import { printIp } from './ip.js';

const simple: Record<number, string> = {
  0: 'echo reply', 4: 'source quench', 8: 'echo request', 10: 'router solicitation', 13: 'time stamp request',
  14: 'time stamp reply', 15: 'information request', 16: 'information reply', 17: 'address mask request',
};
/** Unreachable codes that print as a fixed pattern around the quoted destination. */
const unreach: Record<number, [string, string]> = {
  0: ['net ', ' unreachable'], 1: ['host ', ' unreachable'], 5: ['', ' unreachable - source route failed'],
  6: ['net ', ' unreachable - unknown'], 7: ['host ', ' unreachable - unknown'], 8: ['', ' unreachable - source host isolated'],
  9: ['net ', ' unreachable - admin prohibited'], 10: ['host ', ' unreachable - admin prohibited'],
  11: ['net ', ' unreachable - tos prohibited'], 12: ['host ', ' unreachable - tos prohibited'],
  13: ['host ', ' unreachable - admin prohibited filter'], 14: ['host ', ' unreachable - host precedence violation'],
  15: ['host ', ' unreachable - precedence cutoff'],
};
const redirect: Record<number, [string, string]> = {
  0: ['redirect ', ' to net '], 1: ['redirect ', ' to host '], 2: ['redirect-tos ', ' to net '], 3: ['redirect-tos ', ' to host '],
};

const p2 = (v: number): string => (v < 10 ? '0' : '') + v;
/** Milliseconds since midnight UT as hh:mm:ss.mmm (icmp_tstamp_print). */
function tstamp(t: number): string {
  const msec = t % 1000;
  let sec = Math.floor(t / 1000);
  let min = Math.floor(sec / 60); sec -= min * 60;
  const hrs = Math.floor(min / 60); min -= hrs * 60;
  return `${p2(hrs)}:${p2(min)}:${p2(sec)}.${String(msec).padStart(3, '0')}`;
}

function isError(type: number): boolean { return type === 3 || type === 4 || type === 5 || type === 11 || type === 12; }

/** ICMP message at `off`, `plen` bytes on the wire, inside the IPv4 packet `ip`. */
export function printIcmp(c: PrintContext, off: number, plen: number, ip: IpInfo): void {
  c.protocol = 'icmp';
  const type = c.u8(off), code = c.u8(off + 1);
  let str: string;
  switch (type) {
    case 0: case 8:
      str = `echo ${type === 8 ? 'request' : 'reply'}, id ${c.u16(off + 4)}, seq ${c.u16(off + 6)}`;
      break;
    case 3: {
      // Port unreachable checks the quoted protocol byte first (a soft cut); the others read the address.
      if (code === 3 && !c.has(off + 17, 1)) { c.truncMark(); return; }
      const dst = c.ip4(off + 24);
      switch (code) {
        case 2: str = `${dst} protocol ${c.u8(off + 17)} unreachable`; break;
        case 3: {
          const hlen = (c.u8(off + 8) & 0xf) * 4;
          const dport = c.u16(off + 8 + hlen + 2);
          const proto = c.u8(off + 17);
          str = proto === 6 ? `${dst} tcp port ${dport} unreachable`
            : proto === 17 ? `${dst} udp port ${dport} unreachable`
              : `${dst} protocol ${proto} port ${dport} unreachable`;
          break;
        }
        case 4: {
          const mtu = c.u16(off + 6);
          str = mtu ? `${dst} unreachable - need to frag (mtu ${mtu})` : `${dst} unreachable - need to frag`;
          break;
        }
        default: {
          const f = unreach[code];
          str = f ? f[0] + dst + f[1] : `${dst} unreachable - #${code}`;
        }
      }
      break;
    }
    case 5: {
      const dst = c.ip4(off + 24), gw = c.ip4(off + 4);
      const f = redirect[code];
      str = f ? f[0] + dst + f[1] + gw : `redirect-#${code} ${dst} to ${gw}`;
      break;
    }
    case 9: {
      str = 'router advertisement lifetime ';
      if (!c.has(off + 4, 4)) { c.truncMark(); return; }
      const lifetime = c.u16(off + 6);
      if (lifetime < 60) str += `${lifetime}`;
      else if (lifetime < 3600) str += `${Math.floor(lifetime / 60)}:${p2(lifetime % 60)}`;
      else str += `${Math.floor(lifetime / 3600)}:${p2(Math.floor((lifetime % 3600) / 60))}:${p2(lifetime % 60)}`;
      let num = c.u8(off + 4);
      str += ` ${num}:`;
      const size = c.u8(off + 5);
      if (size !== 2) { str += ` [size ${size}]`; break; }
      for (let p = off + 8; num > 0; num--, p += 8) {
        if (!c.has(p, 8)) { c.truncMark(); return; }
        str += ` {${c.ip4(p)} ${c.u32(p + 4)}}`;
      }
      break;
    }
    case 11:
      if (!c.has(off + 24, 4)) { c.truncMark(); return; }
      str = code === 0 ? 'time exceeded in-transit' : code === 1 ? 'ip reassembly time exceeded' : `time exceeded-#${code}`;
      break;
    case 12:
      str = code ? `parameter problem - code ${code}` : `parameter problem - octet ${c.u8(off + 4)}`;
      break;
    case 18:
      str = `address mask is 0x${c.u32(off + 8).toString(16).padStart(8, '0')}`;
      break;
    case 13:
      str = `time stamp query id ${c.u16(off + 4)} seq ${c.u16(off + 6)}`;
      break;
    case 14:
      if (!c.has(off + 16, 4)) { c.truncMark(); return; }
      str = `time stamp reply id ${c.u16(off + 4)} seq ${c.u16(off + 6)}: org ${tstamp(c.u32(off + 8))}` +
        `, recv ${tstamp(c.u32(off + 12))}, xmit ${tstamp(c.u32(off + 16))}`;
      break;
    default:
      str = simple[type] ?? `type-#${type}`;
  }
  c.write(`ICMP ${str}, length ${plen}`);
  if (c.o.verbose && !ip.fragmented && c.has(off, plen)) {
    const sum = inCksum(c.buf, off, plen);
    if (sum !== 0) {
      const field = c.u16(off + 2);
      c.write(` (wrong icmp cksum ${field.toString(16)} (->${cksumShouldBe(field, sum).toString(16)})!)`);
    }
  }
  if (c.o.verbose && isError(type)) {
    const inner = off + 8;
    c.write('\n\t');
    const innerLen = c.u16(inner + 2);
    // The quoted packet ends at its own total length even when the ICMP message carries more (extensions).
    c.pushEnd(inner + innerLen);
    printIp(c, inner, innerLen);
    c.popEnd();
  }
  c.protocol = 'icmp';
}
