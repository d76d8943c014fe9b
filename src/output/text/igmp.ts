/** IGMP v1/v2/v3 and mtrace (tcpdump's print-igmp.c). */
import type { PrintContext } from './context.js';
import { IGMP_GROUP_RECORD_HEADER_LENGTH, IGMP_MTRACE_LENGTH, IGMP_SOURCE_LENGTH, IGMP_V3_QUERY_LENGTH, IGMP_V3_REPORT_HEADER_LENGTH, type Igmp } from '../../decoders/igmp.js';
import { Layer } from '../../decoders/layer.js';
import { printLayer } from './dispatch.js';
import { relts } from './util-print.js';

const reportTypes: Record<number, string> = { 1: 'is_in', 2: 'is_ex', 3: 'to_in', 4: 'to_ex', 5: 'allow', 6: 'block' };

function v3Report(c: PrintContext, g: Igmp, len: number): void {
  if (len < 16 || (len & 3)) { c.write(` [invalid len ${len}]`); return; }
  const ngroups = g.recordCount;
  c.write(`, ${ngroups} group record(s)`);
  if (!c.o.verbose) return;
  let at = IGMP_V3_REPORT_HEADER_LENGTH;
  for (let i = 0; i < ngroups; i++) {
    if (len < at + IGMP_GROUP_RECORD_HEADER_LENGTH) { c.write(' [invalid number of groups]'); return; }
    const r = g.record(at);
    c.write(` [gaddr ${r.group}`);
    const t = r.recordType;
    c.write(` ${reportTypes[t] ?? ` [v3-report-#${t}]`}`);
    const nsrcs = r.sourceCount;
    const size = IGMP_GROUP_RECORD_HEADER_LENGTH + nsrcs * IGMP_SOURCE_LENGTH;
    if (len < at + size) { c.write(` [invalid number of sources ${nsrcs}]`); return; }
    if (c.o.verbose === 1) c.write(`, ${nsrcs} source(s)`);
    else {
      c.write(' {');
      for (let j = 0; j < nsrcs; j++) c.write(` ${r.source(j)}`);
      c.write(' }');
    }
    at += size;
    c.write(']');
  }
}

function v3Query(c: PrintContext, g: Igmp, len: number): void {
  c.write(' v3');
  if (len < IGMP_V3_QUERY_LENGTH || (len & 3)) { c.write(` [invalid len ${len}]`); return; }
  const mrc = g.maxResponseCode;
  const mrt = mrc < 128 ? mrc : ((mrc & 0x0f) | 0x10) << (((mrc & 0x70) >> 4) + 3);
  if (mrc !== 100) c.write(` [max resp time ${mrt < 600 ? `${(mrt * 0.1).toFixed(1)}s` : relts(Math.floor(mrt / 10))}]`);
  if (g.groupValue === 0) return;
  c.write(` [gaddr ${g.group}`);
  const nsrcs = g.querySourceCount;
  if (nsrcs > 0) {
    if (len < IGMP_V3_QUERY_LENGTH + nsrcs * IGMP_SOURCE_LENGTH) c.write(' [invalid number of sources]');
    else if (c.o.verbose > 1) {
      c.write(' {');
      for (let i = 0; i < nsrcs; i++) c.write(` ${g.querySource(i)}`);
      c.write(' }');
    } else c.write(`, ${nsrcs} source(s)`);
  }
  c.write(']');
}

/** mtrace/mresp: the 16-byte query (source, destination, response address, TTL and query id) after 8 bytes. */
function mtrace(c: PrintContext, g: Igmp, len: number, name: string): void {
  if (len < IGMP_MTRACE_LENGTH) { c.write(` [invalid len ${len}]`); return; }
  g.need(IGMP_MTRACE_LENGTH);
  c.write(`${name} ${g.mtraceQueryId}: ${g.mtraceSource} to ${g.mtraceDestination} reply-to ${g.mtraceResponseAddress}`);
  if (g.mtraceResponseMulticast) c.write(` with-ttl ${g.mtraceResponseTtl}`);
}

/** An IGMP message, `len` bytes on the wire. */
export function printIgmp(c: PrintContext, g: Igmp, len: number): void {
  c.protocol = 'igmp';
  if (c.o.quiet) { c.write('igmp'); return; }
  const type = g.type;
  switch (type) {
    case 0x11:
      c.write('igmp query');
      if (len >= IGMP_V3_QUERY_LENGTH) v3Query(c, g, len);
      else {
        const mrt = g.maxResponseCode;
        if (mrt) { c.write(' v2'); if (mrt !== 100) c.write(` [max resp time ${mrt}]`); } else c.write(' v1');
        if (g.groupValue) c.write(` [gaddr ${g.group}]`);
        if (len !== 8) c.write(` [len ${len}]`);
      }
      break;
    case 0x12:
      c.write(`igmp v1 report ${g.group}`);
      if (len !== 8) c.write(` [len ${len}]`);
      break;
    case 0x16: c.write(`igmp v2 report ${g.group}`); break;
    case 0x22: c.write('igmp v3 report'); v3Report(c, g, len); break;
    case 0x17: c.write(`igmp leave ${g.group}`); break;
    case 0x13:
      c.write('igmp dvmrp');
      if (len < 8) c.write(` [len ${len}]`);
      else printLayer(c, Layer.Dvmrp, g.off, len);
      break;
    case 0x14: c.write('igmp pimv1'); printLayer(c, Layer.Pimv1, g.off, len); break;
    case 0x1e: mtrace(c, g, len, 'mresp'); break;
    case 0x1f: mtrace(c, g, len, 'mtrace'); break;
    default: c.write(`igmp-${type}`);
  }
  if (c.o.verbose && g.has(len) && g.internetChecksum(len) !== 0) c.write(` bad igmp cksum ${g.checksum.toString(16)}!`);
}
