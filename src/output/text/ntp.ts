/** NTP time and control messages (tcpdump 4.99's print-ntp.c, worded as Debian's tcpdump prints them). */
import { TRUNCATED, type PrintContext } from './context.js';
import { NTP_CONTROL_HEADER_LENGTH, NTP_DIGEST_START, NTP_REFID_LENGTH, NTP_REFID_START, NTP_TIME_MESSAGE_LENGTH, type Ntp } from '../../decoders/ntp.js';
import { safeChar } from './print-char.js';
import { hex8 } from './names.js';

const modes = ['unspecified', 'symmetric active', 'symmetric passive', 'Client', 'Server', 'Broadcast', 'Control Message', 'Reserved'];
const leap: Record<number, string> = { 0: '', 0x40: '+1s', 0x80: '-1s', 0xc0: 'clock unsynchronized' };
const NTP_EPOCH_OFFSET = 2208988800;
const p2 = (v: number): string => (v < 10 ? '0' : '') + v;

/** A 32.32 fraction as nine decimal digits, truncated (tcpdump's parts-per-billion). */
function fraction9(f: number): string { return String(Math.floor((f / 4294967296) * 1e9)).padStart(9, '0'); }

/** p_ntp_time: seconds.fraction and, unless zero, the UTC date. */
function ntpTime(i: number, f: number): string {
  let s = `${i}.${fraction9(f)}`;
  if (i !== 0) {
    const d = new Date((i - NTP_EPOCH_OFFSET) * 1000);
    s += ` (${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}T${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}Z)`;
  }
  return s;
}

/** p_ntp_delta: the signed difference of two timestamps (u, uf) - (ou, ouf), or the second one when the first is zero. */
function ntpDelta(ou: number, ouf: number, u: number, uf: number): string {
  if (ou === 0 && ouf === 0) return ntpTime(u, uf);
  let i = u - ou, f: number, negative: boolean;
  if (i > 0) { negative = false; f = (uf - ouf) >>> 0; if (ouf > uf) i -= 1; }
  else if (i < 0) { negative = true; f = (ouf - uf) >>> 0; if (uf > ouf) i += 1; i = -i; }
  else if (uf > ouf) { negative = false; f = uf - ouf; } else { negative = true; f = ouf - uf; }
  return `${negative ? '-' : '+'}${i}.${fraction9(f)}`;
}

/** p_sfix: 16.16 fixed point with six decimals. */
function sfix(v: number): string {
  return `${v >>> 16}.${String(Math.floor(((v & 0xffff) / 65536) * 1e6)).padStart(6, '0')}`;
}

/** tcpdump's `invalid:` label: say so, then still report a message cut short by the capture. */
function invalid(c: PrintContext, n: Ntp, length: number): void {
  c.invalid();
  if (!n.has(length)) c.truncMark();
}

/** Each field is written once it has been read, so a cut-short message shows the whole fields before the cut. */
function timeMessage(c: PrintContext, n: Ntp, length: number): void {
  if (length < NTP_TIME_MESSAGE_LENGTH) { invalid(c, n, length); return; }
  const stratum = n.stratum;
  const name = stratum === 0 ? 'unspecified' : stratum === 1 ? 'primary reference' : stratum <= 15 ? 'secondary reference' : 'reserved';
  c.write(`, Stratum ${stratum} (${name})`);
  const poll = n.poll;
  c.write(`, poll ${poll}`);
  if (poll > -32 && poll < 32) c.write(poll >= 0 ? ` (${2 ** poll}s)` : ` (1/${2 ** -poll}s)`);
  c.write(`, precision ${n.precision}`);
  // From the root delay on, tcpdump tests each field before it prints it (ND_TCHECK, goto trunc): a
  // cut there ends the line with the mark and returns rather than unwinding (-x then skips the link header).
  try {
    if (!timeFields(c, n, stratum)) return;
  } catch (e) {
    if (e !== TRUNCATED) throw e;
    c.truncMark();
    return;
  }
  // Optional authenticator: a key id (read unchecked: a cut unwinds), then a 16-byte (MD5) or
  // 20-byte (SHA-1) digest, tested first (a cut there is the mark and a return).
  if (length === 52 || length === 68 || length === 72) {
    c.write(`\n\tKey id: ${n.keyId}`);
    if (length > NTP_DIGEST_START) {
      if (!n.has(length)) { c.truncMark(); return; }
      let d = '\n\tAuthentication: ';
      for (let i = NTP_DIGEST_START; i < length; i++) d += hex8(n.byte(i));
      c.write(d);
    }
  } else if (length > NTP_TIME_MESSAGE_LENGTH) {
    c.write(`\n\t(${length - NTP_TIME_MESSAGE_LENGTH} more bytes after the header)`);
  }
}

/** The time message's fields from the root delay to the timestamps' differences; false where it ends early (INFO_QUERY, INFO_REPLY). */
function timeFields(c: PrintContext, n: Ntp, stratum: number): boolean {
  c.write(`\n\tRoot Delay: ${sfix(n.rootDelay)}`);
  c.write(`, Root dispersion: ${sfix(n.rootDispersion)}`);
  n.need(NTP_REFID_START + NTP_REFID_LENGTH);
  switch (stratum) {
    case 0: c.write(', Reference-ID: (unspec)'); break;
    case 1: {
      let s = '';
      for (let i = 0; i < NTP_REFID_LENGTH; i++) s += safeChar(n.byte(NTP_REFID_START + i));
      c.write(`, Reference-ID: ${s}`);
      break;
    }
    case 62: c.write(`, Reference-ID: ${n.referenceAddress} INFO_QUERY`); return false;
    case 63: c.write(`, Reference-ID: ${n.referenceAddress} INFO_REPLY`); return false;
    default: c.write(`, Reference-ID: 0x${n.referenceId.toString(16).padStart(8, '0')}`);
  }
  c.write(`\n\t  Reference Timestamp:  ${ntpTime(n.referenceTime, n.referenceTimeFraction)}`);
  c.write(`\n\t  Originator Timestamp: ${ntpTime(n.originTime, n.originTimeFraction)}`);
  c.write(`\n\t  Receive Timestamp:    ${ntpTime(n.receiveTime, n.receiveTimeFraction)}`);
  c.write(`\n\t  Transmit Timestamp:   ${ntpTime(n.transmitTime, n.transmitTimeFraction)}`);
  c.write(`\n\t    Originator - Receive Timestamp:  ${ntpDelta(n.originTime, n.originTimeFraction, n.receiveTime, n.receiveTimeFraction)}`);
  c.write(`\n\t    Originator - Transmit Timestamp: ${ntpDelta(n.originTime, n.originTimeFraction, n.transmitTime, n.transmitTimeFraction)}`);
  return true;
}

function controlMessage(c: PrintContext, n: Ntp, length: number): void {
  if (length < NTP_CONTROL_HEADER_LENGTH) { invalid(c, n, length); return; }
  const control = n.control;
  c.write(`, ${control & 0x80 ? 'Response' : 'Request'}, ${control & 0x40 ? 'Error' : 'OK'}, ${control & 0x20 ? 'More' : 'Last'}, OpCode=${control & 0x1f}`);
  c.write('\n');
  c.write(`\tSequence=${n.sequence}`);
  const status = n.status;
  c.write(`, Status=${status === 0 ? '0' : '0x' + status.toString(16)}`);
  c.write(`, Assoc.=${n.associationId}`);
  c.write(`, Offset=${n.dataOffset}`);
  const count = n.count;
  c.write(`, Count=${count}`);
  if (NTP_CONTROL_HEADER_LENGTH + count > length) { invalid(c, n, length); return; }
  if (count !== 0) {
    // Tested first (ND_TCHECK_LEN): cut, the mark and a return.
    if (!n.has(NTP_CONTROL_HEADER_LENGTH + count)) { c.truncMark(); return; }
    c.write('\n\tTO-BE-DONE: data not interpreted');
  }
}

/** An NTP message of `length` bytes (UDP port 123). */
export function printNtp(c: PrintContext, n: Ntp, length: number): void {
  c.protocol = 'ntp';
  const version = n.version, mode = n.mode;
  c.write(`NTPv${version}, ${modes[mode]}, length ${length}`);
  if (!c.o.verbose) return;
  const li = n.leapIndicator;
  c.write(`\n\tLeap indicator: ${leap[li]} (${li})`);
  if (mode <= 5) timeMessage(c, n, length);
  else if (mode === 6) controlMessage(c, n, length);
}
