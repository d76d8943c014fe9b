/**
 * Cisco NetFlow v1, v5 and v6 (tcpdump's print-cnfp.c; -T cnfp): the header on one line, then each
 * flow record on three, the same at every -v level. A record that was not captured whole ends the
 * line with ` [|cnfp]` before any of it is printed, as tcpdump checks each record's size first.
 */
import type { PrintContext } from './context.js';
import { CNFP_VERSION_LENGTH, cnfpHeaderLength, cnfpRecordLength, type Cnfp, type CnfpRecord } from '../../decoders/cnfp.js';

/** `ms` as tcpdump's `%u.%03u` seconds. */
const seconds = (ms: number): string => `${Math.floor(ms / 1000)}.${String(ms % 1000).padStart(3, '0')}`;

/** The TCP flag letters tcpdump prints for a TCP flow (FIN, SYN, RST, PUSH, ACK, URG), then a space if any bit is set. */
function tcpFlagLetters(f: number): string {
  return (f & 0x01 ? 'F' : '') + (f & 0x02 ? 'S' : '') + (f & 0x04 ? 'R' : '') + (f & 0x08 ? 'P' : '') +
    (f & 0x10 ? 'A' : '') + (f & 0x20 ? 'U' : '') + (f !== 0 ? ' ' : '');
}

export function printCnfp(c: PrintContext, v: Cnfp): void {
  c.protocol = 'cnfp';
  v.need(CNFP_VERSION_LENGTH);
  const version = v.version;
  const hl = cnfpHeaderLength(version);
  if (hl === 0) { c.write(`NetFlow v${version.toString(16)}`); return; }
  v.need(hl);
  // tcpdump reads the count as 4 bytes (its struct field is 2): the loop runs that many times, and
  // in practice stops where the capture ends.
  let n = v.countWord;
  const up = v.sysUptime;
  c.write(`NetFlow v${version.toString(16)}, ${seconds(up)} uptime, ${v.utcSeconds}.${String(v.utcNanoseconds).padStart(9, '0')}, `);
  if (version !== 1) c.write(`#${v.sequence}, `);
  c.write(`${String(n).padStart(2, ' ')} recs`);
  for (let i = 0; n !== 0; i++, n--) {
    const r = v.recordAt(i, version);
    r.need(cnfpRecordLength(version));
    printRecord(c, r, version);
  }
}

function printRecord(c: PrintContext, r: CnfpRecord, version: number): void {
  c.write(`\n  started ${seconds(r.startTime)}, last ${seconds(r.lastTime)}`);
  // v5 and v6 give each address its prefix length and AS number.
  const src = version === 1 ? '' : `/${r.srcMask}:${r.srcAs}`;
  const dst = version === 1 ? '' : `/${r.dstMask}:${r.dstAs}`;
  c.write(`\n    ${r.srcAddr}${src}:${r.srcPort} > ${r.dstAddr}${dst}:${r.dstPort} >> ${r.nextHop}\n    `);
  // vcap prints numbers where tcpdump without -n would look the protocol up (its -n output).
  const proto = r.protocol;
  c.write(`${proto} `);
  if (proto === 6) c.write(tcpFlagLetters(version === 1 ? r.v1TcpFlags : r.tcpFlags));
  c.write(`tos ${r.tos}, ${r.packets} (${r.octets} octets) `);
  if (version === 6) { const f = r.encapFlags; c.write(`(${f >> 8}<>${f & 0xff} encaps)`); }
}
