/** SLIP (LINKTYPE_SLIP, tcpdump's print-sl.c): `-e` shows the direction and the line's framing, VJ compression included. */
import type { PrintContext } from './context.js';
import { printLayer } from './dispatch.js';
import { Layer } from '../../decoders/layer.js';
import { SLIP_HEADER_LENGTH, SLIP_IP_MIN, SLIP_TCP_MIN, SlipChange, SlipType, type Slip } from '../../decoders/slip.js';

/**
 * What tcpdump remembers across packets (its statics): the last connection number, and per
 * direction and connection the data length of the last uncompressed segment, which `*SA+`/`*S+`
 * print. Kept per printing context, so two printers do not share it.
 */
class SlipState {
  lastConn = 255;
  readonly lastLen = [new Uint32Array(256), new Uint32Array(256)];
}
const states = new WeakMap<PrintContext, SlipState>();
function state(c: PrintContext): SlipState {
  let s = states.get(c);
  if (s === undefined) { s = new SlipState(); states.set(c, s); }
  return s;
}

/** LINKTYPE_SLIP: returns the link-header length. */
export function printSlip(c: PrintContext, length: number): number {
  c.protocol = 'slip';
  const sl = c.pkt.views.table[Layer.Slip] as Slip;
  sl.need(SLIP_HEADER_LENGTH);
  length -= SLIP_HEADER_LENGTH;
  if (c.o.linkHeader) slipLink(c, sl, length);
  const p = sl.off + SLIP_HEADER_LENGTH;
  const v = sl.ipVersion;
  if (v === 4) printLayer(c, Layer.Ipv4, p, length);
  else if (v === 6) printLayer(c, Layer.Ipv6, p, length);
  else c.write(`ip v${v}`);
  return SLIP_HEADER_LENGTH;
}

/** The -e part (tcpdump's sliplink_print). */
function slipLink(c: PrintContext, sl: Slip, length: number): void {
  let dir = sl.direction;
  if (dir === 0) c.write('I ');
  else if (dir === 1) c.write('O ');
  else { c.write(`Invalid direction ${dir} `); dir = -1; }
  const s = state(c);
  const kind = sl.compression & 0xf0;
  if (kind === SlipType.Ip) { c.write(`ip ${length + SLIP_HEADER_LENGTH}: `); return; }
  if (kind === SlipType.UncompressedTcp) {
    s.lastConn = sl.connection;
    c.write(`utcp ${s.lastConn}: `);
    if (dir < 0) return;
    s.lastLen[dir]![s.lastConn] = length - (tcpHeaderWords(sl) << 2);
    return;
  }
  if (dir < 0) return;
  if (sl.compression & SlipType.CompressedTcp) {
    compressed(c, sl, s, length, dir);
    c.write(': ');
  } else {
    c.write(`slip-${sl.compression}!: `);
  }
}

/** Words of the IP and TCP headers after the SLIP header (tcpdump checks both headers' minimum first). */
function tcpHeaderWords(sl: Slip): number {
  sl.need(SLIP_HEADER_LENGTH + SLIP_IP_MIN);
  const hl = sl.ipHeaderWords;
  sl.need(SLIP_HEADER_LENGTH + hl * 4 + SLIP_TCP_MIN);
  return hl + sl.tcpDataOffset(hl);
}

/** A VJ compressed TCP header (tcpdump's compressed_sl_print). */
function compressed(c: PrintContext, sl: Slip, s: SlipState, length: number, dir: number): void {
  const flags = sl.compression;
  let i = 2;
  if (flags & SlipChange.C) {
    s.lastConn = sl.byte(i++);
    c.write(`ctcp ${s.lastConn}`);
  } else {
    c.write('ctcp *');
  }
  i += 2;   // the TCP checksum
  const change = (name: string): void => { c.write(` ${name}${sl.change(i)}`); i += sl.changeSize(i); };
  switch (flags & SlipChange.Specials) {
    case SlipChange.SpecialI: c.write(` *SA+${s.lastLen[dir]![s.lastConn]}`); break;
    case SlipChange.SpecialD: c.write(` *S+${s.lastLen[dir]![s.lastConn]}`); break;
    default:
      if (flags & SlipChange.U) change('U=');
      if (flags & SlipChange.W) {
        const w = sl.change(i, true);
        c.write(w >= 0 ? ` W+${w}` : ` W${w}`);
        i += sl.changeSize(i);
      }
      if (flags & SlipChange.A) change('A+');
      if (flags & SlipChange.S) change('S+');
  }
  if (flags & SlipChange.I) change('I+');
  const n = length - (tcpHeaderWords(sl) << 2);
  s.lastLen[dir]![s.lastConn] = n >>> 0;
  c.write(` ${n >>> 0} (${i - 1})`);
}
