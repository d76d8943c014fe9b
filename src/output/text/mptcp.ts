/** Multipath TCP option (kind 30) inside the TCP option list (tcpdump 4.99's print-mptcp.c). */
import type { PrintContext } from './context.js';

const SYN = 0x02, ACK = 0x10;
const names = ['capable', 'join', 'dss', 'add-addr', 'rem-addr', 'prio', 'fail', 'fast-close', 'unknown'];
const addEcho: Record<number, string> = { 6: 'v0-ip6', 4: 'v0-ip4', 1: 'v1-echo', 0: 'v1' };

function u64(c: PrintContext, at: number): bigint {
  return (BigInt(c.u32(at)) << 32n) | BigInt(c.u32(at + 4));
}

function capable(c: PrintContext, p: number, len: number, flags: number): boolean {
  if (!((len === 12 || len === 4) && (flags & SYN)) && !((len === 20 || len === 22) && (flags & (SYN | ACK)) === ACK)) return false;
  const version = c.u8(p + 2) & 0xf;
  if (version > 1) { c.write(` Unknown Version (${version})`); return true; }
  c.write(` v${version}`);
  const csum = (c.u8(p + 3) & 0x80) !== 0;
  if (csum) c.write(' csum');
  if (len === 12 || len >= 20) {
    let s = ` {0x${u64(c, p + 4).toString(16)}`;
    // 4.99.3 shows the keys only, not the data length an ACK may carry after them.
    if (len >= 20) s += `,0x${u64(c, p + 12).toString(16)}`;
    c.write(s + '}');
  }
  return true;
}

function join(c: PrintContext, p: number, len: number, flags: number): boolean {
  if (!(len === 12 && (flags & SYN)) && !(len === 16 && (flags & (SYN | ACK)) === (SYN | ACK)) && !(len === 24 && (flags & ACK))) return false;
  if (len !== 24) {
    if (c.u8(p + 2) & 1) c.write(' backup');
    c.write(` id ${c.u8(p + 3)}`);
  }
  if (len === 12) c.write(` token 0x${c.u32(p + 4).toString(16)} nonce 0x${c.u32(p + 8).toString(16)}`);
  else if (len === 16) c.write(` hmac 0x${u64(c, p + 4).toString(16)} nonce 0x${c.u32(p + 12).toString(16)}`);
  else {
    let s = ' hmac 0x';
    for (let i = 0; i < 20; i++) s += c.u8(p + 4 + i).toString(16).padStart(2, '0');
    c.write(s);
  }
  return true;
}

function dss(c: PrintContext, p: number, len: number, flags: number): boolean {
  if (len < 4 || (flags & SYN)) return false;
  const f = c.u8(p + 3);
  if (f & 0x10) c.write(' fin');
  let o = p + 4, left = len - 4;
  if (f & 0x01) {
    c.write(' ack ');
    if (f & 0x02) { if (left < 8) return false; c.write(u64(c, o).toString()); o += 8; left -= 8; }
    else { if (left < 4) return false; c.write(String(c.u32(o))); o += 4; left -= 4; }
  }
  if (f & 0x04) {
    c.write(' seq ');
    if (f & 0x08) { if (left < 8) return false; c.write(u64(c, o).toString()); o += 8; left -= 8; }
    else { if (left < 4) return false; c.write(String(c.u32(o))); o += 4; left -= 4; }
    if (left < 4) return false;
    c.write(` subseq ${c.u32(o)}`); o += 4; left -= 4;
    if (left < 2) return false;
    c.write(` len ${c.u16(o)}`); o += 2; left -= 2;
    // The checksum is there only when negotiated: two bytes left mean it is.
    if (left >= 2) { c.write(` csum 0x${c.u16(o).toString(16)}`); left -= 2; }
  }
  return left === 0;
}

function addAddr(c: PrintContext, p: number, len: number): boolean {
  if (![8, 10, 16, 18, 20, 22, 28, 30].includes(len)) return false;
  c.write(` ${addEcho[c.u8(p + 2) & 0xf] ?? '[bad version/echo]'} id ${c.u8(p + 3)}`);
  if (len <= 18) {
    c.write(` ${c.ip4(p + 4)}`);
    if (len === 10 || len === 18) c.write(`:${c.u16(p + 8)}`);
    if (len === 16) c.write(` hmac 0x${u64(c, p + 8).toString(16)}`);
    if (len === 18) c.write(` hmac 0x${u64(c, p + 10).toString(16)}`);
  } else {
    c.write(` ${c.ip6(p + 4)}`);
    if (len === 22 || len === 30) c.write(`:${c.u16(p + 20)}`);
    if (len === 28) c.write(` hmac 0x${u64(c, p + 20).toString(16)}`);
    if (len === 30) c.write(` hmac 0x${u64(c, p + 22).toString(16)}`);
  }
  return true;
}

/**
 * The MPTCP option at `p` (its kind byte), `len` bytes, in a segment with TCP `flags`.
 * Returns false when the option is malformed (the TCP printer then says `[bad opt]`).
 */
export function printMptcp(c: PrintContext, p: number, len: number, flags: number): boolean {
  c.protocol = 'mptcp';
  if (len < 3) return false;
  const sub = Math.min(c.u8(p + 2) >> 4, 8);
  c.write(` ${len} ${names[sub]}`);
  switch (sub) {
    case 0: return capable(c, p, len, flags);
    case 1: return join(c, p, len, flags);
    case 2: return dss(c, p, len, flags);
    case 3: return addAddr(c, p, len);
    case 4: {
      if (len < 4) return false;
      let s = ' id';
      for (let i = 3; i < len; i++) s += ` ${c.u8(p + i)}`;
      c.write(s);
      return true;
    }
    case 5:
      if (len !== 3 && len !== 4) return false;
      c.write(c.u8(p + 2) & 1 ? ' backup' : ' non-backup');
      if (len === 4) c.write(` id ${c.u8(p + 3)}`);
      return true;
    case 6:
      if (len !== 12) return false;
      c.write(` seq ${u64(c, p + 4).toString()}`);
      return true;
    case 7:
      if (len !== 12) return false;
      c.write(` key 0x${u64(c, p + 4).toString(16)}`);
      return true;
    default: return true;
  }
}
