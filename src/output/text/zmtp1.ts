/** ZeroMQ ZMTP/1.0 (tcpdump's print-zeromq.c): frames over TCP (-T zmtp1) and in PGM datagrams (-T pgm_zmtp1). */
import type { PrintContext } from './context.js';
import { TRUNCATED } from './context.js';
import { ZMTP1_LONG_LENGTH, type Zmtp1 } from '../../decoders/zmtp1.js';
import { hexAsciiDump } from './dump.js';

/** How much of a body -v shows (-vv and up: all of it). */
const VBYTES = 128;

/** One frame at index `i`, bodies up to `ep` (an index); returns the index after it. A cut frame unwinds (` [|zmtp1]`). */
function printFrame(c: PrintContext, z: Zmtp1, i: number, ep: number): number {
  c.write('\n\t');
  const b = z.lengthByte(i);
  let headerLen: number, declared: bigint;
  if (b !== ZMTP1_LONG_LENGTH) {
    headerLen = 1;
    declared = BigInt(b);
    c.write(` frame flags+body  (8-bit) length ${b}`);
  } else {
    headerLen = 9;
    c.write(' frame flags+body (64-bit) length');
    if (!z.has(i + headerLen)) throw TRUNCATED;
    declared = z.longLength(i);
    c.write(` ${declared}`);
  }
  if (declared === 0n) return i + headerLen;
  if (!z.has(i + headerLen + 1)) throw TRUNCATED;
  const flags = z.byte(i + headerLen);
  const captured = BigInt(ep - i - headerLen);
  if (declared > captured) c.write(` (${captured} captured)`);
  c.write(`, flags 0x${flags.toString(16).padStart(2, '0')}`);
  if (c.o.verbose) {
    let printed = captured < declared ? captured : declared;
    c.write(` (${flags & 0x80 ? 'MBZ' : '-'}|${flags & 0x40 ? 'MBZ' : '-'}|${flags & 0x20 ? 'MBZ' : '-'}|${flags & 0x10 ? 'MBZ' : '-'}|`
      + `${flags & 0x08 ? 'MBZ' : '-'}|${flags & 0x04 ? 'MBZ' : '-'}|${flags & 0x02 ? 'MBZ' : '-'}|${flags & 0x01 ? 'MORE' : '-'})`);
    if (c.o.verbose === 1 && printed > BigInt(VBYTES + 1)) printed = BigInt(VBYTES + 1);
    if (printed > 1n) {
      c.write(`, first ${printed - 1n} byte(s) of body:`);
      hexAsciiDump(c, z.off + i + headerLen + 1, Number(printed - 1n), 1);
    }
  }
  i += headerLen;
  // The next frame must be within what was captured (tcpdump tests this before adding: the sum could wrap).
  if (declared > BigInt(z.captured - i)) throw TRUNCATED;
  return i + Number(declared);
}

/** ZMTP/1.0 over TCP: frames to the end of the segment's `length` bytes. */
export function printZmtp1(c: PrintContext, z: Zmtp1, length: number): void {
  const ep = Math.min(z.captured, length);
  c.protocol = 'zmtp1';
  c.write(': ZMTP/1.0');
  for (let i = 0; i < ep;) i = printFrame(c, z, i, ep);
}

/** ZMTP/1.0 in a PGM datagram of `length` bytes: the intermediate part of a frame, then the frames that start in it. */
export function printZmtp1Datagram(c: PrintContext, z: Zmtp1, length: number): void {
  const ep = Math.min(z.captured, length);
  c.protocol = 'zmtp1';
  let frameOffset = z.frameOffset;
  c.write(`\n\t frame offset 0x${frameOffset.toString(16).padStart(4, '0')}`);
  let i = 2;
  const remaining = Math.max(0, z.captured - i);
  if (frameOffset === 0xffff) frameOffset = (length - 2) >>> 0;
  else if (2 + frameOffset > length) { c.write(' (exceeds datagram declared length)'); throw TRUNCATED; }
  if (frameOffset) {
    c.write(`\n\t frame intermediate part, ${frameOffset} bytes`);
    if (frameOffset > remaining) c.write(` (${remaining} captured)`);
    if (c.o.verbose) {
      let printed = Math.min(frameOffset, remaining);
      if (c.o.verbose === 1) printed = Math.min(VBYTES, printed);
      if (printed > 1) {
        c.write(`, first ${printed} byte(s):`);
        hexAsciiDump(c, z.off + i, printed, 1);
      }
    }
  }
  i += frameOffset;
  while (i < ep) i = printFrame(c, z, i, ep);
}
