/** IGMP v1/v2/v3 and mtrace (tcpdump's print-igmp.c). */
import type { PrintContext } from './context.js';
import { inCksum } from '../../decoders/checksum.js';
import { Layer } from '../../decoders/layer.js';
import { printLayer } from './dispatch.js';
import { relts } from './util-print.js';

const reportTypes: Record<number, string> = { 1: 'is_in', 2: 'is_ex', 3: 'to_in', 4: 'to_ex', 5: 'allow', 6: 'block' };

function v3Report(c: PrintContext, p: number, len: number): void {
  if (len < 16 || (len & 3)) { c.write(` [invalid len ${len}]`); return; }
  const ngroups = c.u16(p + 6);
  c.write(`, ${ngroups} group record(s)`);
  if (!c.o.verbose) return;
  let group = 8;
  for (let i = 0; i < ngroups; i++) {
    if (len < group + 8) { c.write(' [invalid number of groups]'); return; }
    c.write(` [gaddr ${c.ip4(p + group + 4)}`);
    const t = c.u8(p + group);
    c.write(` ${reportTypes[t] ?? ` [v3-report-#${t}]`}`);
    const nsrcs = c.u16(p + group + 2);
    if (len < group + 8 + nsrcs * 4) { c.write(` [invalid number of sources ${nsrcs}]`); return; }
    if (c.o.verbose === 1) c.write(`, ${nsrcs} source(s)`);
    else {
      c.write(' {');
      for (let j = 0; j < nsrcs; j++) c.write(` ${c.ip4(p + group + 8 + j * 4)}`);
      c.write(' }');
    }
    group += 8 + nsrcs * 4;
    c.write(']');
  }
}

function v3Query(c: PrintContext, p: number, len: number): void {
  c.write(' v3');
  if (len < 12 || (len & 3)) { c.write(` [invalid len ${len}]`); return; }
  const mrc = c.u8(p + 1);
  const mrt = mrc < 128 ? mrc : ((mrc & 0x0f) | 0x10) << (((mrc & 0x70) >> 4) + 3);
  if (mrc !== 100) c.write(` [max resp time ${mrt < 600 ? `${(mrt * 0.1).toFixed(1)}s` : relts(Math.floor(mrt / 10))}]`);
  if (c.u32(p + 4) === 0) return;
  c.write(` [gaddr ${c.ip4(p + 4)}`);
  const nsrcs = c.u16(p + 10);
  if (nsrcs > 0) {
    if (len < 12 + nsrcs * 4) c.write(' [invalid number of sources]');
    else if (c.o.verbose > 1) {
      c.write(' {');
      for (let i = 0; i < nsrcs; i++) c.write(` ${c.ip4(p + 12 + i * 4)}`);
      c.write(' }');
    } else c.write(`, ${nsrcs} source(s)`);
  }
  c.write(']');
}

/** mtrace/mresp: the 16-byte query (source, destination, response address, TTL and query id) after 8 bytes. */
function mtrace(c: PrintContext, p: number, len: number, name: string): void {
  if (len < 8 + 16) { c.write(` [invalid len ${len}]`); return; }
  c.need(p + 8, 16);
  const rttlqid = c.u32(p + 20);
  c.write(`${name} ${rttlqid & 0xffffff}: ${c.ip4(p + 8)} to ${c.ip4(p + 12)} reply-to ${c.ip4(p + 16)}`);
  if ((c.u32(p + 16) >>> 28) === 0xe) c.write(` with-ttl ${rttlqid >>> 24}`);
}

/** IGMP message at `p`, `len` bytes on the wire. */
export function printIgmp(c: PrintContext, p: number, len: number): void {
  c.protocol = 'igmp';
  if (c.o.quiet) { c.write('igmp'); return; }
  const type = c.u8(p);
  switch (type) {
    case 0x11:
      c.write('igmp query');
      if (len >= 12) v3Query(c, p, len);
      else {
        const mrt = c.u8(p + 1);
        if (mrt) { c.write(' v2'); if (mrt !== 100) c.write(` [max resp time ${mrt}]`); } else c.write(' v1');
        if (c.u32(p + 4)) c.write(` [gaddr ${c.ip4(p + 4)}]`);
        if (len !== 8) c.write(` [len ${len}]`);
      }
      break;
    case 0x12:
      c.write(`igmp v1 report ${c.ip4(p + 4)}`);
      if (len !== 8) c.write(` [len ${len}]`);
      break;
    case 0x16: c.write(`igmp v2 report ${c.ip4(p + 4)}`); break;
    case 0x22: c.write('igmp v3 report'); v3Report(c, p, len); break;
    case 0x17: c.write(`igmp leave ${c.ip4(p + 4)}`); break;
    case 0x14: c.write('igmp pimv1'); printLayer(c, Layer.Pimv1, p, len); break;
    case 0x1e: mtrace(c, p, len, 'mresp'); break;
    case 0x1f: mtrace(c, p, len, 'mtrace'); break;
    default: c.write(`igmp-${type}`);
  }
  if (c.o.verbose && c.has(p, len) && inCksum(c.buf, p, len) !== 0) c.write(` bad igmp cksum ${c.u16(p + 2).toString(16)}!`);
}
