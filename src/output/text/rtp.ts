/** RTP and RTCP under -T rtp / -T rtcp (tcpdump's rtp_print and rtcp_print in print-udp.c). */
import type { PrintContext } from './context.js';
import {
  RTCP_HEADER_LENGTH, RTCP_REPORT_BLOCK_LENGTH, RTCP_SENDER_INFO_LENGTH, type Rtcp, type RtcpPacket, type Rtp,
} from '../../decoders/rtp.js';

/** An RTP packet, `len` bytes by the UDP length. */
export function printRtp(c: PrintContext, r: Rtp, len: number): void {
  c.protocol = 'rtp';
  if (len < 8) { c.write(`udp/rtp, length ${len} < 8`); return; }
  const i0 = r.word(0), i1 = r.word(1);
  let dlen = len - 8;
  let words = (len >>> 2) - 2;                    // tcpdump's len, in 32-bit words after the fixed part
  let w = 2;                                      // tcpdump's ip, as a word index
  let hasOpt = false, hasExt = false, marker: boolean, type: number, name: string;
  if (i0 >>> 30 === 1) {
    hasOpt = (i0 & 0x800000) !== 0;
    type = (i0 >> 16) & 0x3f;
    marker = (i0 & 0x400000) !== 0;
    name = 'rtpv1';
  } else {
    if (dlen < 4) { c.write(`udp/rtp, length ${dlen + 8} < 12`); return; }
    hasExt = (i0 & 0x10000000) !== 0;
    type = (i0 >> 16) & 0x7f;
    marker = (i0 & 0x800000) !== 0;
    dlen -= 4;
    name = 'rtp';
    w += 1; words -= 1;
  }
  c.write(`udp/${name} ${dlen} c${type} ${hasOpt || hasExt ? '+' : ''}${marker ? '*' : ''} ${i0 & 0xffff} ${i1}`);
  if (!c.o.verbose) return;
  c.write(` ${r.word(2)}`);
  if (hasOpt) {
    let i2: number;
    do {
      i2 = r.word(w);
      const optLen = (i2 >> 16) & 0xff;
      if (optLen === 0 || optLen > words) { c.write(' !opt'); return; }
      w += optLen; words -= optLen;
    } while ((i2 | 0) >= 0);
  }
  if (hasExt) {
    const extLen = (r.word(w) & 0xffff) + 1;
    if (extLen > words) { c.write(' !ext'); return; }
    w += extLen;
  }
  if (type === 0x1f) c.write(` 0x${(r.word(w) >>> 16).toString(16).padStart(4, '0')}`);   // H.261
}

/** An RTCP compound packet: each packet in turn to the end of what was captured. */
export function printRtcp(c: PrintContext, r: Rtcp, _length: number): void {
  c.protocol = 'rtcp';
  const ep = c.end, p = r.packet;
  for (let at = r.off; at < ep;) {
    p.point(at, ep);
    const len = printRtcpPacket(c, p);
    at = len < 0 ? ep : at + len;
  }
}

/** One RTCP packet; returns its length, or -1 when it is cut short (` [|rtcp]` printed). */
function printRtcpPacket(c: PrintContext, p: RtcpPacket): number {
  if (!p.has(RTCP_HEADER_LENGTH)) { c.truncMark(); return -1; }
  const len = p.byteLength;
  const flags = p.flags;
  let cnt = (flags >> 8) & 0x1f;
  switch (flags & 0xff) {
    case 200:
      c.write(' sr');
      if (len !== cnt * RTCP_REPORT_BLOCK_LENGTH + RTCP_SENDER_INFO_LENGTH + RTCP_HEADER_LENGTH) c.write(` [${len}]`);
      if (c.o.verbose) c.write(` ${p.ssrc}`);
      if (!p.has(RTCP_HEADER_LENGTH + RTCP_SENDER_INFO_LENGTH)) { c.truncMark(); return -1; }
      c.write(` @${(p.ntpSeconds + p.ntpFraction / 4294967296).toFixed(2)} ${p.rtpTimestamp} ${p.packetsSent}p ${p.octetsSent}b`);
      break;
    case 201:
      c.write(' rr');
      if (len !== cnt * RTCP_REPORT_BLOCK_LENGTH + RTCP_HEADER_LENGTH) c.write(` [${len}]`);
      if (c.o.verbose) c.write(` ${p.ssrc}`);
      break;
    case 202:
      c.write(` sdes ${len}`);
      if (c.o.verbose) c.write(` ${p.ssrc}`);
      cnt = 0;
      break;
    case 203:
      c.write(` bye ${len}`);
      if (c.o.verbose) c.write(` ${p.ssrc}`);
      cnt = 0;
      break;
    default:
      c.write(` type-0x${(flags & 0xff).toString(16)} ${len}`);
      cnt = 0;
  }
  if (cnt > 1) c.write(` c${cnt}`);
  // tcpdump 4.99.3 never advances to the next report block: it prints the first one `cnt` times.
  // So does vcap, for identical output (the library's blockSource(i)… read each block).
  for (; cnt !== 0; cnt--) {
    if (!p.has(p.blockStart(0) + RTCP_REPORT_BLOCK_LENGTH)) { c.truncMark(); return -1; }
    if (c.o.verbose) c.write(` ${p.blockSource(0)}`);
    const lsr = p.blockLastSr(0) / 65536, dlsr = p.blockDelaySinceLastSr(0) / 65536;
    c.write(` ${p.blockLost(0)}l ${p.blockHighestSequence(0)}s ${p.blockJitter(0)}j @${lsr.toFixed(2)}+${dlsr.toFixed(2)}`);
  }
  return len;
}
