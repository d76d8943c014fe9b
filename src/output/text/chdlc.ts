/** Cisco HDLC and SLARP (LINKTYPE_C_HDLC, tcpdump's print-chdlc.c). */
import type { PrintContext } from './context.js';
import { etherTypeName } from './names.js';
import { hexPrint } from './dump.js';
import { printEtherTypePayload, printLayer } from './dispatch.js';
import { Layer } from '../../decoders/layer.js';
import { CHDLC_HEADER_LENGTH, CHDLC_TYPE_SLARP, SLARP_CODE_LENGTH, SLARP_MAX_LENGTH, SLARP_MIN_LENGTH, SlarpCode, type Chdlc, type Slarp } from '../../decoders/chdlc.js';

/** LINKTYPE_C_HDLC: returns the link-header length. */
export function printChdlcLink(c: PrintContext, length: number): number {
  return printChdlcHeader(c, c.pkt.views.table[Layer.Chdlc] as Chdlc, length);
}

/** C-HDLC inside another link layer (PPP over serial, Juniper). */
export function printChdlc(c: PrintContext, h: Chdlc, length: number): void { printChdlcHeader(c, h, length); }

/** tcpdump's chdlc_print: returns the header length (what was captured, when the frame is too short). */
export function printChdlcHeader(c: PrintContext, h: Chdlc, length: number): number {
  c.protocol = 'chdlc';
  if (length < CHDLC_HEADER_LENGTH) { c.truncMark(); return h.captured; }
  const proto = h.protocol;
  if (c.o.linkHeader) {
    const a = h.address;
    const cast = a === 0x0f ? 'unicast' : a === 0x8f ? 'bcast' : `0x${a.toString(16).padStart(2, '0')}`;
    c.write(`${cast}, ethertype ${etherTypeName(proto) ?? 'Unknown'} (0x${proto.toString(16).padStart(4, '0')}), length ${length}: `);
  }
  length -= CHDLC_HEADER_LENGTH;
  const p = h.off + CHDLC_HEADER_LENGTH;
  switch (proto) {
    case 0x0800: printLayer(c, Layer.Ipv4, p, length); break;
    case 0x86dd: printLayer(c, Layer.Ipv6, p, length); break;
    case CHDLC_TYPE_SLARP: printLayer(c, Layer.Slarp, p, length); break;
    case 0x8847: case 0x8848: printEtherTypePayload(c, proto, p, length); break;
    case 0xfefe:
      // The OSI view knows whether a pad byte precedes the NLPID (the decoder looked, as chdlc_print does).
      if (length < 2) { c.truncMark(); break; }
      printLayer(c, Layer.Osi, p, length);
      break;
    default: if (!c.o.linkHeader) c.write(`unknown CHDLC protocol (0x${proto.toString(16).padStart(4, '0')})`);
  }
  return CHDLC_HEADER_LENGTH;
}

/** SLARP (tcpdump's chdlc_slarp_print). */
export function printSlarp(c: PrintContext, s: Slarp, length: number): void {
  c.protocol = 'chdlc_slarp';
  c.write(`SLARP (length: ${length}), `);
  if (length < SLARP_MIN_LENGTH || !s.has(SLARP_MIN_LENGTH)) { c.truncMark(); return; }
  const code = s.code;
  // tcpdump's dump after the message starts 4 bytes past its cursor, which the uptime moves on.
  let cp = 0;
  switch (code) {
    case SlarpCode.Request: c.write('request'); break;
    case SlarpCode.Reply: c.write(`reply ${s.address}/${s.mask}`); break;
    case SlarpCode.Keepalive: {
      c.write(`keepalive: mineseen=0x${hex32(s.mySequence)}, yourseen=0x${hex32(s.yourSequence)}, reliability=0x${s.reliability.toString(16).padStart(4, '0')}`);
      if (length >= SLARP_MAX_LENGTH) {
        cp = SLARP_MIN_LENGTH;
        let sec = Math.floor(s.uptime / 1000);
        let min = Math.floor(sec / 60); sec -= min * 60;
        let hrs = Math.floor(min / 60); min -= hrs * 60;
        const days = Math.floor(hrs / 24); hrs -= days * 24;
        c.write(`, link uptime=${days}d${hrs}h${min}m${sec}s`);
      }
      break;
    }
    default:
      c.write(`0x${code.toString(16).padStart(2, '0')} unknown`);
      if (c.o.verbose <= 1) c.write(hexPrint(c, '\n\t', s.off + SLARP_CODE_LENGTH, length - SLARP_CODE_LENGTH));
  }
  if (SLARP_MAX_LENGTH < length && c.o.verbose) c.write(`, (trailing junk: ${length - SLARP_MAX_LENGTH} bytes)`);
  if (c.o.verbose > 1) c.write(hexPrint(c, '\n\t', s.off + cp + SLARP_CODE_LENGTH, length - SLARP_CODE_LENGTH));
}

function hex32(v: number): string { return v.toString(16).padStart(8, '0'); }
