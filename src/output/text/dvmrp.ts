/** DVMRP (tcpdump's print-dvmrp.c), reached from IGMP type 0x13. */
import type { PrintContext } from './context.js';
import {
  DVMRP_ADDRESS_LENGTH, DVMRP_GENID_LENGTH, DVMRP_HEADER_LENGTH, DVMRP_MASK_LENGTH, DVMRP_NEIGHBORS2_ENTRY_LENGTH,
  DVMRP_NEIGHBORS_ENTRY_LENGTH, type Dvmrp,
} from '../../decoders/dvmrp.js';
import { relts } from './util-print.js';

const TYPES = ['', 'Probe', 'Report', 'Ask-neighbors(old)', 'Neighbors(old)', 'Ask-neighbors2', 'Neighbors2', 'Prune', 'Graft', 'Graft-ACK'];
const FLAGS2: ReadonlyArray<readonly [number, string]> = [[0x01, '/tunnel'], [0x02, '/srcrt'], [0x40, '/querier'], [0x20, '/disabled'], [0x10, '/down']];

const dotted = (a: number): string => `${a >>> 24}.${(a >>> 16) & 0xff}.${(a >>> 8) & 0xff}.${a & 0xff}`;

/** A probe: the generation id, and with -vv the neighbors. */
function probe(c: PrintContext, d: Dvmrp, len: number): void {
  if (len < DVMRP_GENID_LENGTH) { c.write(` [full length ${len} < 4]`); c.invalid(); return; }
  c.write(c.o.verbose > 1 ? '\n\t' : ' ');
  c.write(`genid ${d.generationId}`);
  if (c.o.verbose < 2) return;
  let pos = DVMRP_GENID_LENGTH;
  len -= DVMRP_GENID_LENGTH;
  while (len > 0) {
    if (len < DVMRP_ADDRESS_LENGTH) { c.write(`[remaining length ${len} < 4]`); c.invalid(); return; }
    c.write(`\n\tneighbor ${d.part(pos).address}`);
    pos += DVMRP_ADDRESS_LENGTH; len -= DVMRP_ADDRESS_LENGTH;
  }
}

/** A report (-vv): per mask, its routes (origin and metric) until one has the last-route bit. */
function report(c: PrintContext, d: Dvmrp, len: number): void {
  let pos = 0;
  while (len > 0) {
    if (len < DVMRP_MASK_LENGTH) { c.write(` [length ${len} < 3]`); c.invalid(); return; }
    const m = d.part(pos);
    const mask = (0xff000000 | m.mask) >>> 0;
    const width = m.maskByte(2) ? 4 : m.maskByte(1) ? 3 : m.maskByte(0) ? 2 : 1;
    c.write(`\n\tMask ${dotted(mask)}`);
    pos += DVMRP_MASK_LENGTH; len -= DVMRP_MASK_LENGTH;
    let done = 0;
    do {
      if (len < width + 1) { c.write('\n\t  [Truncated Report]'); c.invalid(); return; }
      const r = d.part(pos);
      const origin = r.origin(width);
      const metric = r.metricAfter(width);
      done = metric & 0x80;
      c.write(`\n\t  ${dotted(origin)} metric ${metric & 0x7f}`);
      pos += width + 1; len -= width + 1;
    } while (!done);
  }
}

/** An old-format neighbor list: per local address, its metric, threshold and neighbors. */
function neighbors(c: PrintContext, d: Dvmrp, len: number): void {
  let pos = 0;
  while (len > 0) {
    if (len < DVMRP_NEIGHBORS_ENTRY_LENGTH) { c.write(` [length ${len} < 7]`); c.invalid(); return; }
    const e = d.part(pos);
    const metric = e.metric, thresh = e.threshold;
    let ncount = e.neighborCount;
    const local = pos;
    pos += DVMRP_NEIGHBORS_ENTRY_LENGTH; len -= DVMRP_NEIGHBORS_ENTRY_LENGTH;
    while (--ncount >= 0) {
      if (len < DVMRP_ADDRESS_LENGTH) { c.write(` [length ${len} < 4]`); c.invalid(); return; }
      c.write(` [${d.part(local).address} ->`);
      c.write(` ${d.part(pos).address}, (${metric}/${thresh})]`);
      pos += DVMRP_ADDRESS_LENGTH; len -= DVMRP_ADDRESS_LENGTH;
    }
  }
}

/** A neighbors2 reply: the sender's version, then per local address its neighbors with flags. */
function neighbors2(c: PrintContext, d: Dvmrp, len: number, major: number, minor: number): void {
  c.write(` (v ${major}.${minor}):`);
  let pos = 0;
  while (len > 0) {
    if (len < DVMRP_NEIGHBORS2_ENTRY_LENGTH) { c.write(` [length ${len} < 8]`); c.invalid(); return; }
    const e = d.part(pos);
    const metric = e.metric, thresh = e.threshold, flags = e.flags2;
    let ncount = e.neighborCount2;
    const local = pos;
    pos += DVMRP_NEIGHBORS2_ENTRY_LENGTH; len -= DVMRP_NEIGHBORS2_ENTRY_LENGTH;
    while (--ncount >= 0 && len > 0) {
      if (len < DVMRP_ADDRESS_LENGTH) { c.write(` [length ${len} < 4]`); c.invalid(); return; }
      c.write(` [${d.part(local).address} -> `);
      c.write(`${d.part(pos).address} (${metric}/${thresh}`);
      for (const [bit, name] of FLAGS2) if (flags & bit) c.write(name);
      c.write(')]');
      pos += DVMRP_ADDRESS_LENGTH; len -= DVMRP_ADDRESS_LENGTH;
    }
    if (ncount !== -1) { c.write(' [invalid ncount]'); c.invalid(); return; }
  }
}

/** A DVMRP message of `len` bytes (IGMP's length, the header included). */
export function printDvmrp(c: PrintContext, d: Dvmrp, len: number): void {
  c.protocol = 'dvmrp';
  if (len < DVMRP_HEADER_LENGTH) { c.write(` [length ${len} < 8]`); c.invalid(); return; }
  const type = d.type;
  len -= DVMRP_HEADER_LENGTH;
  c.write(` ${TYPES[type] || `[type ${type}]`}`);
  switch (type) {
    case 1: if (c.o.verbose) probe(c, d, len); break;
    case 2: if (c.o.verbose > 1) report(c, d, len); break;
    case 4: neighbors(c, d, len); break;
    case 6: {
      const major = d.majorVersion, minor = d.minorVersion;
      neighbors2(c, d, len, major, minor);
      break;
    }
    case 7:
      c.write(` src ${d.source} grp ${d.group}`);
      c.write(' timer ');
      c.write(relts(d.pruneLifetime));
      break;
    case 8: case 9: c.write(` src ${d.source} grp ${d.group}`); break;
  }
}
