/** NTP time and control messages (tcpdump 4.99's print-ntp.c, worded as Debian's tcpdump prints them). */
import type { PrintContext } from './context.js';
import { safeChar } from './print-char.js';

const modes = ['unspecified', 'symmetric active', 'symmetric passive', 'Client', 'Server', 'Broadcast', 'Control Message', 'Reserved'];
const leap: Record<number, string> = { 0: '', 0x40: '+1s', 0x80: '-1s', 0xc0: 'clock unsynchronized' };
const NTP_EPOCH_OFFSET = 2208988800;
const p2 = (v: number): string => (v < 10 ? '0' : '') + v;

/** A 32.32 fraction as nine decimal digits, truncated (tcpdump's parts-per-billion). */
function fraction9(f: number): string { return String(Math.floor((f / 4294967296) * 1e9)).padStart(9, '0'); }

/** p_ntp_time: seconds.fraction and, unless zero, the UTC date. */
function ntpTime(c: PrintContext, at: number): string {
  const i = c.u32(at), f = c.u32(at + 4);
  let s = `${i}.${fraction9(f)}`;
  if (i !== 0) {
    const d = new Date((i - NTP_EPOCH_OFFSET) * 1000);
    s += ` (${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}T${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}Z)`;
  }
  return s;
}

/** p_ntp_delta: the signed difference of two timestamps, or the second one when the first is zero. */
function ntpDelta(c: PrintContext, oat: number, at: number): string {
  const u = c.u32(at), ou = c.u32(oat), uf = c.u32(at + 4), ouf = c.u32(oat + 4);
  if (ou === 0 && ouf === 0) return ntpTime(c, at);
  let i = u - ou, f: number, negative: boolean;
  if (i > 0) { negative = false; f = (uf - ouf) >>> 0; if (ouf > uf) i -= 1; }
  else if (i < 0) { negative = true; f = (ouf - uf) >>> 0; if (uf > ouf) i += 1; i = -i; }
  else if (uf > ouf) { negative = false; f = uf - ouf; } else { negative = true; f = ouf - uf; }
  return `${negative ? '-' : '+'}${i}.${fraction9(f)}`;
}

/** p_sfix: 16.16 fixed point with six decimals. */
function sfix(c: PrintContext, at: number): string {
  return `${c.u16(at)}.${String(Math.floor((c.u16(at + 2) / 65536) * 1e6)).padStart(6, '0')}`;
}

/** Bytes as tcpdump's fn_print_char shows them: M- for the high bit, ^X for control characters. */
function printable(c: PrintContext, at: number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    s += safeChar(c.u8(at + i));
  }
  return s;
}

/** tcpdump's `invalid:` label: say so, then still report a message cut short by the capture. */
function invalid(c: PrintContext, p: number, length: number): void {
  c.invalid();
  if (!c.has(p, length)) c.truncMark();
}

/** Each field is written once it has been read, so a cut-short message shows the whole fields before the cut. */
function timeMessage(c: PrintContext, p: number, length: number): void {
  if (length < 48) { invalid(c, p, length); return; }
  const stratum = c.u8(p + 1);
  const name = stratum === 0 ? 'unspecified' : stratum === 1 ? 'primary reference' : stratum <= 15 ? 'secondary reference' : 'reserved';
  c.write(`, Stratum ${stratum} (${name})`);
  const poll = (c.u8(p + 2) << 24) >> 24;
  c.write(`, poll ${poll}`);
  if (poll > -32 && poll < 32) c.write(poll >= 0 ? ` (${2 ** poll}s)` : ` (1/${2 ** -poll}s)`);
  c.write(`, precision ${(c.u8(p + 3) << 24) >> 24}`);
  c.write(`\n\tRoot Delay: ${sfix(c, p + 4)}`);
  c.write(`, Root dispersion: ${sfix(c, p + 8)}`);
  c.need(p + 12, 4);
  switch (stratum) {
    case 0: c.write(', Reference-ID: (unspec)'); break;
    case 1: c.write(`, Reference-ID: ${printable(c, p + 12, 4)}`); break;
    case 62: c.write(`, Reference-ID: ${c.ip4(p + 12)} INFO_QUERY`); return;
    case 63: c.write(`, Reference-ID: ${c.ip4(p + 12)} INFO_REPLY`); return;
    default: c.write(`, Reference-ID: 0x${c.u32(p + 12).toString(16).padStart(8, '0')}`);
  }
  c.write(`\n\t  Reference Timestamp:  ${ntpTime(c, p + 16)}`);
  c.write(`\n\t  Originator Timestamp: ${ntpTime(c, p + 24)}`);
  c.write(`\n\t  Receive Timestamp:    ${ntpTime(c, p + 32)}`);
  c.write(`\n\t  Transmit Timestamp:   ${ntpTime(c, p + 40)}`);
  c.write(`\n\t    Originator - Receive Timestamp:  ${ntpDelta(c, p + 24, p + 32)}`);
  c.write(`\n\t    Originator - Transmit Timestamp: ${ntpDelta(c, p + 24, p + 40)}`);
  // Optional authenticator: a key id, then a 16-byte (MD5) or 20-byte (SHA-1) digest.
  if (length === 52 || length === 68 || length === 72) {
    c.write(`\n\tKey id: ${c.u32(p + 48)}`);
    if (length > 52) {
      c.need(p + 52, length - 52);
      let d = '\n\tAuthentication: ';
      for (let i = 52; i < length; i += 4) d += c.u32(p + i).toString(16).padStart(8, '0');
      c.write(d);
    }
  } else if (length > 48) {
    c.write(`\n\t(${length - 48} more bytes after the header)`);
  }
}

function controlMessage(c: PrintContext, p: number, length: number): void {
  if (length < 12) { invalid(c, p, length); return; }
  const control = c.u8(p + 1);
  c.write(`, ${control & 0x80 ? 'Response' : 'Request'}, ${control & 0x40 ? 'Error' : 'OK'}, ${control & 0x20 ? 'More' : 'Last'}, OpCode=${control & 0x1f}`);
  c.write('\n');
  c.write(`\tSequence=${c.u16(p + 2)}`);
  const status = c.u16(p + 4);
  c.write(`, Status=${status === 0 ? '0' : '0x' + status.toString(16)}`);
  c.write(`, Assoc.=${c.u16(p + 6)}`);
  c.write(`, Offset=${c.u16(p + 8)}`);
  const count = c.u16(p + 10);
  c.write(`, Count=${count}`);
  if (12 + count > length) { invalid(c, p, length); return; }
  if (count !== 0) {
    c.need(p + 12, count);
    c.write('\n\tTO-BE-DONE: data not interpreted');
  }
}

/** NTP message at `p`, `length` bytes (UDP port 123). */
export function printNtp(c: PrintContext, p: number, length: number): void {
  c.protocol = 'ntp';
  const b = c.u8(p);
  const version = (b >> 3) & 7, mode = b & 7;
  c.write(`NTPv${version}, ${modes[mode]}, length ${length}`);
  if (!c.o.verbose) return;
  c.write(`\n\tLeap indicator: ${leap[b & 0xc0]} (${b & 0xc0})`);
  if (mode <= 5) timeMessage(c, p, length);
  else if (mode === 6) controlMessage(c, p, length);
}
