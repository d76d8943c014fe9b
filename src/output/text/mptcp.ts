/** Multipath TCP option (kind 30) inside the TCP option list (tcpdump 4.99's print-mptcp.c). */
import type { PrintContext } from './context.js';
import type { MptcpOptionView } from '../../decoders/mptcp.js';

const SYN = 0x02, ACK = 0x10;
const names = ['capable', 'join', 'dss', 'add-addr', 'rem-addr', 'prio', 'fail', 'fast-close', 'unknown'];
const addEcho: Record<number, string> = { 6: 'v0-ip6', 4: 'v0-ip4', 1: 'v1-echo', 0: 'v1' };

function capable(c: PrintContext, m: MptcpOptionView, len: number, flags: number): boolean {
  if (!((len === 12 || len === 4) && (flags & SYN)) && !((len === 20 || len === 22) && (flags & (SYN | ACK)) === ACK)) return false;
  const version = m.version;
  if (version > 1) { c.write(` Unknown Version (${version})`); return true; }
  c.write(` v${version}`);
  if (m.capableFlags & 0x80) c.write(' csum');
  if (len === 12 || len >= 20) {
    let s = ` {0x${m.senderKey.toString(16)}`;
    // 4.99.3 shows the keys only, not the data length an ACK may carry after them.
    if (len >= 20) s += `,0x${m.receiverKey.toString(16)}`;
    c.write(s + '}');
  }
  return true;
}

function join(c: PrintContext, m: MptcpOptionView, len: number, flags: number): boolean {
  if (!(len === 12 && (flags & SYN)) && !(len === 16 && (flags & (SYN | ACK)) === (SYN | ACK)) && !(len === 24 && (flags & ACK))) return false;
  if (len !== 24) {
    if (m.backup) c.write(' backup');
    c.write(` id ${m.addressId}`);
  }
  if (len === 12) c.write(` token 0x${m.joinToken.toString(16)} nonce 0x${m.joinNonce.toString(16)}`);
  else if (len === 16) c.write(` hmac 0x${m.joinTruncatedHmac.toString(16)} nonce 0x${m.joinSynAckNonce.toString(16)}`);
  else {
    let s = ' hmac 0x';
    for (let i = 0; i < 20; i++) s += m.joinHmacByte(i).toString(16).padStart(2, '0');
    c.write(s);
  }
  return true;
}

/** A DSS data sequence or ack number of `size` bytes at `o`: the 4-byte ones written as digits, no string made. */
function dssNumber(c: PrintContext, m: MptcpOptionView, o: number, size: number): void {
  if (size === 4) c.num(m.dss32(o));
  else c.write(m.dssNumber(o, size));
}

function dss(c: PrintContext, m: MptcpOptionView, len: number, flags: number): boolean {
  if (len < 4 || (flags & SYN)) return false;
  const f = m.dssFlags;
  if (f & 0x10) c.write(' fin');
  // The fields follow one another, each there or not by a flag: `o` walks the option.
  let o = 4, left = len - 4;
  if (f & 0x01) {
    c.write(' ack ');
    const size = f & 0x02 ? 8 : 4;
    if (left < size) return false;
    dssNumber(c, m, o, size); o += size; left -= size;
  }
  if (f & 0x04) {
    c.write(' seq ');
    const size = f & 0x08 ? 8 : 4;
    if (left < size) return false;
    dssNumber(c, m, o, size); o += size; left -= size;
    if (left < 4) return false;
    c.write(' subseq '); c.num(m.dss32(o)); o += 4; left -= 4;
    if (left < 2) return false;
    c.write(' len '); c.num(m.dss16(o)); o += 2; left -= 2;
    // The checksum is there only when negotiated: two bytes left mean it is.
    if (left >= 2) { c.write(` csum 0x${m.dss16(o).toString(16)}`); left -= 2; }
  }
  return left === 0;
}

function addAddr(c: PrintContext, m: MptcpOptionView, len: number): boolean {
  if (![8, 10, 16, 18, 20, 22, 28, 30].includes(len)) return false;
  c.write(` ${addEcho[m.addAddrFlags] ?? '[bad version/echo]'} id ${m.addressId}`);
  if (len <= 18) {
    c.write(` ${m.addAddrIpv4}`);
    if (len === 10 || len === 18) c.write(`:${m.addAddrPort(false)}`);
    if (len === 16 || len === 18) c.write(` hmac 0x${m.addAddrHmac(false, len === 18).toString(16)}`);
  } else {
    c.write(` ${m.addAddrIpv6}`);
    if (len === 22 || len === 30) c.write(`:${m.addAddrPort(true)}`);
    if (len === 28 || len === 30) c.write(` hmac 0x${m.addAddrHmac(true, len === 30).toString(16)}`);
  }
  return true;
}

/**
 * The MPTCP option `m` (pointed at its kind byte, readable to its end), `len` bytes, in a segment
 * with TCP `flags`. Returns false when the option is malformed (the TCP printer then says `[bad opt]`).
 */
export function printMptcp(c: PrintContext, m: MptcpOptionView, len: number, flags: number): boolean {
  c.protocol = 'mptcp';
  if (len < 3) return false;
  const sub = Math.min(m.subtype, 8);
  c.ch(32); c.num(len); c.ch(32); c.write(names[sub]!);
  switch (sub) {
    case 0: return capable(c, m, len, flags);
    case 1: return join(c, m, len, flags);
    case 2: return dss(c, m, len, flags);
    case 3: return addAddr(c, m, len);
    case 4: {
      if (len < 4) return false;
      let s = ' id';
      for (let i = 3; i < len; i++) s += ` ${m.optionByte(i)}`;
      c.write(s);
      return true;
    }
    case 5:
      if (len !== 3 && len !== 4) return false;
      c.write(m.backup ? ' backup' : ' non-backup');
      if (len === 4) c.write(` id ${m.addressId}`);
      return true;
    case 6:
      if (len !== 12) return false;
      c.write(` seq ${m.failSequence.toString()}`);
      return true;
    case 7:
      if (len !== 12) return false;
      c.write(` key 0x${m.fastCloseKey.toString(16)}`);
      return true;
    default: return true;
  }
}
