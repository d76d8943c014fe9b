/** RIP v1/v2 (tcpdump's print-rip.c) and RIPng (print-ripng.c). */
import type { PrintContext } from './context.js';
import { bsdAfNames } from './routing-tables.js';
import {
  RIP_AUTH_LENGTH, RIP_CRYPTO_AUTH_LENGTH, RIP_ENTRY_HEADER_LENGTH, RIP_ENTRY_LENGTH, RIP_HEADER_LENGTH, type Rip, type Ripng,
} from '../../decoders/rip.js';
import { hexPrint } from './dump.js';
import { printJnp } from './print-char.js';
import { hex16 } from './names.js';
import { mask2plen, TokTable } from './util-print.js';

const commands = new TokTable([[1, 'Request'], [2, 'Response'], [3, 'Trace on'], [4, 'Trace off'], [5, 'Poll'], [6, 'Poll Entry']]);

/** print_unknown_data of `n` bytes at absolute offset `at` (clipped to what was captured). */
function unknownData(c: PrintContext, at: number, ident: string, n: number): void { c.write(hexPrint(c, ident, at, n)); }

/** A v1 entry (rip_entry_print_v1): its size, or 0 when cut short. */
function entryV1(c: PrintContext, rip: Rip, pos: number, remaining: number): number {
  if (remaining < RIP_ENTRY_LENGTH) return 0;
  const e = rip.entryAt(pos);
  if (!e.has(RIP_ENTRY_LENGTH)) return 0;
  const family = e.family;
  if (family !== 2 && family !== 0) {
    c.write(`\n\t AFI ${bsdAfNames.str(family, `Unknown (${family})`)}, `);
    unknownData(c, e.off + RIP_ENTRY_HEADER_LENGTH, '\n\t  ', RIP_ENTRY_LENGTH - RIP_ENTRY_HEADER_LENGTH);
    return RIP_ENTRY_LENGTH;
  }
  if (e.v1MustBeZero1 !== 0 || e.mask !== 0 || e.nextHopValue !== 0) {
    unknownData(c, e.off, '\n\t  ', RIP_ENTRY_LENGTH);
    return RIP_ENTRY_LENGTH;
  }
  c.write(`\n\t  ${family === 0 ? 'AFI 0, ' : ''}${e.destination}, metric: ${e.metric}`);
  return RIP_ENTRY_LENGTH;
}

/** A v2 entry (rip_entry_print_v2): its size, or 0 when cut short. */
function entryV2(c: PrintContext, rip: Rip, pos: number, remaining: number): number {
  if (remaining < RIP_ENTRY_HEADER_LENGTH) return 0;
  const e = rip.entryAt(pos);
  if (!e.has(RIP_ENTRY_HEADER_LENGTH)) return 0;
  const family = e.family;
  if (family === 0xffff) {
    const type = e.tag;
    remaining -= RIP_ENTRY_HEADER_LENGTH;
    if (type === 2) {
      c.write('\n\t  Simple Text Authentication data: ');
      printJnp(c, e, RIP_ENTRY_HEADER_LENGTH, RIP_AUTH_LENGTH);
    } else if (type === 3) {
      if (!e.has(RIP_ENTRY_HEADER_LENGTH + RIP_CRYPTO_AUTH_LENGTH)) return 0;
      if (remaining < RIP_CRYPTO_AUTH_LENGTH) return 0;
      c.write(`\n\t  Auth header: Packet Len ${e.cryptoPacketLength}, Key-ID ${e.cryptoKeyId}, Auth Data Len ${e.cryptoAuthDataLength}, ` +
        `SeqNo ${e.cryptoSequence}, MBZ ${e.cryptoMustBeZero1}, MBZ ${e.cryptoMustBeZero2}`);
    } else {
      c.write(type === 1 ? '\n\t  Auth trailer:' : `\n\t  Unknown (${type}) Authentication data:`);
      unknownData(c, e.off + RIP_ENTRY_HEADER_LENGTH, '\n\t  ', remaining);
      // The trailer (or what is not understood) runs to the end of the packet.
      return RIP_ENTRY_HEADER_LENGTH + remaining;
    }
  } else if (family !== 2 && family !== 0) {
    c.write(`\n\t  AFI ${bsdAfNames.str(family, `Unknown (${family})`)}`);
    unknownData(c, e.off + RIP_ENTRY_HEADER_LENGTH, '\n\t  ', RIP_ENTRY_LENGTH - RIP_ENTRY_HEADER_LENGTH);
  } else {
    if (!e.has(RIP_ENTRY_LENGTH)) return 0;
    if (remaining < RIP_ENTRY_LENGTH) return 0;
    c.write(`\n\t  AFI ${bsdAfNames.str(family, String(family))}, ${e.destination.padStart(15)}/${String(mask2plen(e.mask)).padEnd(2)}, ` +
      `tag 0x${hex16(e.tag)}, metric: ${e.metric}, next-hop: `);
    c.write(e.nextHopValue !== 0 ? e.nextHop : 'self');
  }
  return RIP_ENTRY_LENGTH;
}

/** A RIP message, `length` bytes of UDP payload. */
export function printRip(c: PrintContext, rip: Rip, length: number): void {
  c.protocol = 'rip';
  // What tcpdump reads is bounded by the capture (and the IP length), not by the UDP length.
  let len = c.avail(rip.off);
  if (len > length) len = length;
  if (len < RIP_HEADER_LENGTH) { c.truncMark(); return; }
  len -= RIP_HEADER_LENGTH;
  const v = c.o.verbose;
  const vers = rip.version;
  c.write(`${v >= 1 ? '\n\t' : ''}RIPv${vers}`);
  if (vers === 0) { unknownData(c, rip.off, '\n\t', length); return; }
  const cmd = rip.command;
  c.write(`, ${commands.str(cmd, `unknown command (${cmd})`)}, length: ${length}`);
  if (v < 1) return;
  switch (cmd) {
    case 1: case 2:
      if (vers !== 1 && vers !== 2) { c.write(', unknown version'); break; }
      c.write(`, routes: ${Math.floor(length / RIP_ENTRY_LENGTH)}${vers === 2 ? ' or less' : ''}`);
      for (let pos = 0; len !== 0;) {
        const size = vers === 1 ? entryV1(c, rip, pos, len) : entryV2(c, rip, pos, len);
        if (size === 0) { c.truncMark(); break; }
        if (len < size) { c.write(` [remaining entries length ${len} < ${size}]`); c.invalid(); break; }
        pos += size;
        len -= size;
      }
      break;
    case 4: case 5: case 6:
      break;
    default:
      if (v <= 1) unknownData(c, rip.off, '\n\t', length);
  }
  if (v > 1) unknownData(c, rip.off, '\n\t', length);
}

/** A RIPng message, `length` bytes of UDP payload (ripng_print). */
export function printRipng(c: PrintContext, rip: Ripng, length: number): void {
  c.protocol = 'ripng';
  const vers = rip.version;
  if (vers !== 1) { c.write(` [vers ${vers}]`); c.invalid(); return; }
  const cmd = rip.command;
  if (cmd !== 1 && cmd !== 2) { c.write(` ripng-${cmd} ?? ${length}`); c.invalid(); return; }
  if (length < RIP_HEADER_LENGTH) { c.invalid(); return; }
  let left = length - RIP_HEADER_LENGTH;
  const n = Math.floor(left / RIP_ENTRY_LENGTH);
  const name = cmd === 1 ? 'req' : 'resp';
  if (cmd === 1 && n === 1) {
    const e = rip.entryAt(0);
    if (e.metric === 16 && e.prefixUnspecified) { c.write(' ripng-req dump'); return; }
  }
  c.write(n * RIP_ENTRY_LENGTH !== left ? ` ripng-${name} ${n}[${length}]:` : ` ripng-${name} ${n}:`);
  for (let i = 0; left >= RIP_ENTRY_LENGTH; left -= RIP_ENTRY_LENGTH, i++) {
    c.write(c.o.verbose > 1 ? '\n\t' : ' ');
    const e = rip.entryAt(i);
    c.write(`${e.prefix}/${e.prefixLength}`);
    const tag = e.tag;
    if (tag !== 0) c.write(` [${tag}]`);
    const metric = e.metric;
    if (metric !== 0 && cmd === 2) c.write(` (${metric})`);
  }
  if (left !== 0) c.invalid();
}
