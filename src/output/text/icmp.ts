/** ICMP for IPv4 (tcpdump's print-icmp.c): type/code texts, -v checksum, the quoted packet of errors and their RFC 4884 extensions. */
import { TRUNCATED, type PrintContext } from './context.js';
import { cksumShouldBe } from '../../decoders/checksum.js';
import { printLayer } from './dispatch.js';
import { ICMP_EXTENSION_HEADER_LENGTH, ICMP_EXTENSION_OBJECT_HEADER_LENGTH, ICMP_EXTENSION_OFFSET, type Icmp } from '../../decoders/icmp.js';
import { hexPrint } from './dump.js';
import { Layer } from '../../decoders/layer.js';

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

/** ICMP message `icmp`, `plen` bytes on the wire, inside the IPv4 packet `c.ip`. */
export function printIcmp(c: PrintContext, icmp: Icmp, plen: number): void {
  c.protocol = 'icmp';
  const ip = c.ip;
  const type = icmp.type, code = icmp.code;
  let str: string;
  switch (type) {
    case 0: case 8: {
      // The common message, written into the line without making its text (str stays empty).
      const id = icmp.identifier!, seq = icmp.sequence!;
      c.write(type === 8 ? 'ICMP echo request, id ' : 'ICMP echo reply, id '); c.num(id); c.write(', seq '); c.num(seq);
      str = '';
      break;
    }
    case 3: {
      // Port unreachable checks the quoted protocol byte first (a soft cut); the others read the address.
      if (code === 3 && !icmp.quotedProtocolCaptured) { c.truncMark(); return; }
      const dst = icmp.quotedDst;
      switch (code) {
        case 2: str = `${dst} protocol ${icmp.quotedProtocol} unreachable`; break;
        case 3: {
          const dport = icmp.quotedDstPort;
          const proto = icmp.quotedProtocol;
          str = proto === 6 ? `${dst} tcp port ${dport} unreachable`
            : proto === 17 ? `${dst} udp port ${dport} unreachable`
              : `${dst} protocol ${proto} port ${dport} unreachable`;
          break;
        }
        case 4: {
          const mtu = icmp.mtu!;
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
      const dst = icmp.quotedDst, gw = icmp.gateway!;
      const f = redirect[code];
      str = f ? f[0] + dst + f[1] + gw : `redirect-#${code} ${dst} to ${gw}`;
      break;
    }
    case 9: {
      str = 'router advertisement lifetime ';
      if (!icmp.has(icmp.fixedLength)) { c.truncMark(); return; }
      const lifetime = icmp.raLifetime;
      if (lifetime < 60) str += `${lifetime}`;
      else if (lifetime < 3600) str += `${Math.floor(lifetime / 60)}:${p2(lifetime % 60)}`;
      else str += `${Math.floor(lifetime / 3600)}:${p2(Math.floor((lifetime % 3600) / 60))}:${p2(lifetime % 60)}`;
      const num = icmp.raAddressCount;
      str += ` ${num}:`;
      const size = icmp.raEntrySize;
      if (size !== 2) { str += ` [size ${size}]`; break; }
      for (let i = 0; i < num; i++) {
        if (!icmp.raEntryCaptured(i)) { c.truncMark(); return; }
        str += ` {${icmp.raAddress(i)} ${icmp.raPreference(i)}}`;
      }
      break;
    }
    case 11:
      if (!icmp.quotedDstCaptured) { c.truncMark(); return; }
      str = code === 0 ? 'time exceeded in-transit' : code === 1 ? 'ip reassembly time exceeded' : `time exceeded-#${code}`;
      break;
    case 12:
      str = code ? `parameter problem - code ${code}` : `parameter problem - octet ${icmp.pointer!}`;
      break;
    case 18:
      str = `address mask is 0x${icmp.addressMaskValue!.toString(16).padStart(8, '0')}`;
      break;
    case 13:
      str = `time stamp query id ${icmp.identifier!} seq ${icmp.sequence!}`;
      break;
    case 14:
      if (!icmp.has(icmp.fixedLength)) { c.truncMark(); return; }
      str = `time stamp reply id ${icmp.identifier!} seq ${icmp.sequence!}: org ${tstamp(icmp.originateTimestamp!)}` +
        `, recv ${tstamp(icmp.receiveTimestamp!)}, xmit ${tstamp(icmp.transmitTimestamp!)}`;
      break;
    default:
      str = simple[type] ?? `type-#${type}`;
  }
  if (str !== '') { c.write('ICMP '); c.write(str); }
  if (plen >= 0) { c.write(', length '); c.num(plen); } else c.write(`, length ${plen}`);
  if (c.o.verbose && !ip.fragmented && icmp.has(plen)) {
    const sum = icmp.internetChecksum(plen);
    if (sum !== 0) {
      const field = icmp.checksum;
      c.write(` (wrong icmp cksum ${field.toString(16)} (->${cksumShouldBe(field, sum).toString(16)})!)`);
    }
  }
  if (c.o.verbose && isError(type)) {
    c.write('\n\t');
    const innerLen = icmp.quotedTotalLength;
    // tcpdump cuts its view at the quoted total length, then reads that length (bytes 2–3) again to
    // pass it on: under 4 bytes that read fails, and it unwinds as ICMP.
    if (innerLen < 4) throw TRUNCATED;
    // The quoted packet ends at its own total length even when the ICMP message carries more (extensions).
    c.pushEnd(icmp.quotedOffset + innerLen);
    printLayer(c, Layer.Ipv4, icmp.quotedOffset, innerLen);
    c.popEnd();
  }
  c.protocol = 'icmp';
  if (c.o.verbose && plen > ICMP_EXTENSION_OFFSET && (type === 3 || type === 11 || type === 12)) multipart(c, icmp, plen);
}

const extensionObjects: Record<number, string> = { 1: 'MPLS Stack Entry', 2: 'Interface Identification' };
/** Bytes tcpdump checks before the extension (its struct icmp_ext_t, one byte of data included). */
const ICMP_EXT_STRUCT_LENGTH = ICMP_EXTENSION_OFFSET + ICMP_EXTENSION_HEADER_LENGTH + 1;

/** RFC 4884 multi-part extensions (tcpdump's icmp_print, -v). */
function multipart(c: PrintContext, icmp: Icmp, plen: number): void {
  if (!icmp.has(ICMP_EXT_STRUCT_LENGTH)) { c.truncMark(); return; }
  let hlen = plen - ICMP_EXTENSION_OFFSET;
  // Without a length field the extension is there only when its checksum verifies.
  if (icmp.originalDatagramLength === 0 && icmp.has(ICMP_EXTENSION_OFFSET + hlen) && icmp.extensionSum(hlen) !== 0) return;
  const version = icmp.extensionVersion;
  c.write(`\n\tICMP Multi-Part extension v${version}`);
  if (version !== 2) { c.write(' packet not supported'); return; }
  if (icmp.has(ICMP_EXTENSION_OFFSET + hlen)) {
    c.write(`, checksum 0x${icmp.extensionChecksum.toString(16).padStart(4, '0')} (${icmp.extensionSum(hlen) ? 'in' : ''}correct), length ${hlen}`);
  }
  hlen -= ICMP_EXTENSION_HEADER_LENGTH;
  let at = icmp.off + ICMP_EXTENSION_OFFSET + ICMP_EXTENSION_HEADER_LENGTH;
  const obj = icmp.extensionObject;
  while (hlen > ICMP_EXTENSION_OBJECT_HEADER_LENGTH) {
    obj.point(at, c.end);
    if (!obj.has(ICMP_EXTENSION_OBJECT_HEADER_LENGTH)) { c.truncMark(); return; }
    let objLength = obj.length;
    const cls = obj.classNum, ctype = obj.cType;
    c.write(`\n\t  ${extensionObjects[cls] ?? 'unknown'} Object (${cls}), Class-Type: ${ctype}, length ${objLength}`);
    hlen -= ICMP_EXTENSION_OBJECT_HEADER_LENGTH;
    if (cls === 0 || objLength < ICMP_EXTENSION_OBJECT_HEADER_LENGTH) return;
    objLength -= ICMP_EXTENSION_OBJECT_HEADER_LENGTH;
    const data = at + ICMP_EXTENSION_OBJECT_HEADER_LENGTH;
    if (cls === 1 && ctype === 1) {
      const e = obj.mplsEntry;
      c.write(`\n\t    label ${e >>> 12}, tc ${(e >>> 9) & 7}`);
      if (e & 0x100) c.write(', [S]');
      c.write(`, ttl ${e & 0xff}`);
    } else {
      c.write(hexPrint(c, '\n\t    ', data, objLength));
    }
    if (hlen < objLength) break;
    hlen -= objLength;
    at = data + objLength;
  }
}
