/** Arista's vendor EtherType 0xd28b: TapAgg timestamps (tcpdump's print-arista.c). */
import type { PrintContext } from './context.js';
import { ARISTA_SUBTYPE_TIMESTAMP, AristaFormat, aristaTimestampHeaderLength, type Arista } from '../../decoders/arista.js';

const timescales = ['TAI', 'UTC'];
const formats = [undefined, '64-bit', '48-bit'];
const hardware = ['R/R2', 'R3'];

/** `2019-05-29 20:36:39` for seconds since the epoch (UTC, as tcpdump's gmtime/strftime). */
function dateTime(seconds: number): string {
  const d = new Date(seconds * 1000);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/**
 * tcpdump's arista_ethertype_print: returns the bytes it took (the frame's type follows them), or
 * -1 for a subtype or format it does not know (the caller dumps the rest). `next.type` is then the
 * frame's own type, read after the line's `: ` as tcpdump reads it.
 */
export function printArista(c: PrintContext, a: Arista, _length: number, next: { type: number }): number {
  c.protocol = 'arista';
  const subtype = a.subtype;
  c.write(`SubType ${subtype === ARISTA_SUBTYPE_TIMESTAMP ? 'Timestamp' : 'Unknown'} (0x${subtype.toString(16).padStart(4, '0')}), `);
  if (subtype !== ARISTA_SUBTYPE_TIMESTAMP) return -1;
  const ts = a.timescale;
  c.write(`Timescale ${timescales[ts] ?? 'Unknown'} (${ts}), `);
  const format = a.format, hw = a.hardware;
  c.write(`Format ${formats[format] ?? 'Unknown'} (${format}), HwInfo ${hardware[hw] ?? 'Unknown'} (${hw}), Timestamp `);
  if (format !== AristaFormat.Bits64 && format !== AristaFormat.Bits48) return -1;
  let seconds = a.seconds, ns = a.nanoseconds;
  seconds += Math.floor(ns / 1000000000);
  ns %= 1000000000;
  c.write(format === AristaFormat.Bits64 ? `${dateTime(seconds)}.${String(ns).padStart(9, '0')}` : `${seconds}.${String(ns).padStart(9, '0')}`);
  c.write(': ');
  next.type = a.etherType;
  return aristaTimestampHeaderLength(format);
}
