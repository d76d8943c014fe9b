/** SCTP (tcpdump's print-sctp.c): ports, then each chunk in brackets; DATA (its ForCES or, with -vv, M3UA or hex payload), INIT, INIT ACK and SACK with their fields. */
import type { PrintContext } from './context.js';
import { printLayer } from './dispatch.js';
import { defaultPrint } from './dump.js';
import { Layer } from '../../decoders/layer.js';
import {
  SCTP_CHUNK_HEADER_LENGTH, SCTP_DATA_FIELDS_LENGTH, SCTP_HEADER_LENGTH, SCTP_INIT_FIELDS_LENGTH, SCTP_SACK_ENTRY_LENGTH,
  SCTP_FORCES_PORTS, SCTP_SACK_FIELDS_LENGTH, SctpPpid, isForcesPort, isForcesPpid, type Sctp,
} from '../../decoders/sctp.js';

/** tcpdump's sctp_chunkid_str (its own names, not the RFC's: `HB REQ`, `OP ERR`, `FOR CUM TSN`…). */
const CHUNK_NAMES = new Map<number, string>([
  [0x00, 'DATA'], [0x01, 'INIT'], [0x02, 'INIT ACK'], [0x03, 'SACK'], [0x04, 'HB REQ'], [0x05, 'HB ACK'], [0x06, 'ABORT'],
  [0x07, 'SHUTDOWN'], [0x08, 'SHUTDOWN ACK'], [0x09, 'OP ERR'], [0x0a, 'COOKIE ECHO'], [0x0b, 'COOKIE ACK'], [0x0c, 'ECN ECHO'],
  [0x0d, 'ECN CWR'], [0x0e, 'SHUTDOWN COMPLETE'], [0xc0, 'FOR CUM TSN'], [0xc1, 'REL CTRL'], [0xc2, 'REL CTRL ACK'],
]);

/** tcpdump's ForCES_channels: ports 6704, 6705, 6706. */
const FORCES_CHANNELS: readonly string[] = ['ForCES HP', 'ForCES MP', 'ForCES LP'];

/** tcpdump's PayloadProto_idents. */
const PPIDS = new Map<number, string>([
  [1, 'ISDN Q.921'], [2, 'M2UA'], [3, 'M3UA'], [4, 'SUA'], [5, 'M2PA'], [6, 'V5.2'], [7, 'H.248'], [8, 'BICC'], [9, 'TALI'],
  [10, 'DUA'], [11, 'ASAP'], [12, 'ENRP'], [13, 'H.323'], [14, 'Q.IPC'], [15, 'SIMCO'], [16, 'DDPSC'], [17, 'DDPSSC'], [18, 'S1AP'],
  [19, 'RUA'], [20, 'HNBAP'], [21, 'ForCES HP'], [22, 'ForCES MP'], [23, 'ForCES LP'], [24, 'SBc-AP'], [25, 'NBAP'], [27, 'X2AP'],
]);

/** An SCTP packet of `length` bytes (the IP payload length). */
export function printSctp(c: PrintContext, s: Sctp, length: number): void {
  c.protocol = 'sctp';
  if (length < SCTP_HEADER_LENGTH) { c.write(`truncated-sctp - ${SCTP_HEADER_LENGTH - length} bytes missing!`); return; }
  if (!s.has(SCTP_HEADER_LENGTH)) { c.truncMark(); return; }
  const ip = c.ip, sport = s.srcPort, dport = s.dstPort;
  c.write(`${ip.src}.${sport} > ${ip.dst}.${dport}: sctp`);
  // ForCES by port, or (below) by a DATA chunk's PPID: from then on every DATA chunk's user data is ForCES.
  let forces = false;
  if (isForcesPort(sport)) { c.write(`[${FORCES_CHANNELS[sport - SCTP_FORCES_PORTS[0]!]!}]`); forces = true; }
  if (isForcesPort(dport)) { c.write(`[${FORCES_CHANNELS[dport - SCTP_FORCES_PORTS[0]!]!}]`); forces = true; }
  const vv = c.o.verbose >= 2;
  // `remaining` is tcpdump's u_int sctpPacketLengthRemaining: it wraps when a chunk claims more than
  // is left (the chunk's own check, ND_TCHECK_LEN, then ends the walk at the capture's end).
  let remaining = length - SCTP_HEADER_LENGTH;
  let sep = vv ? '\n\t' : ' (';
  const ch = s.firstChunk();
  for (let n = 1; remaining !== 0; n++) {
    if (remaining < SCTP_CHUNK_HEADER_LENGTH) { c.write(`${sep}${n}) [chunk descriptor cut off at end of packet]`); break; }
    if (!ch.has(SCTP_CHUNK_HEADER_LENGTH)) { c.truncMark(); return; }
    const chunkLength = ch.length;
    if (chunkLength < SCTP_CHUNK_HEADER_LENGTH) { c.write(`${sep}${n}) [Bad chunk length ${chunkLength}, < size of chunk descriptor]`); break; }
    const align = ch.padding;
    if (remaining < align) { c.write(`${sep}${n}) [Bad chunk length ${chunkLength}, > remaining data in packet]`); break; }
    if (!ch.complete) { c.truncMark(); return; }
    remaining = (remaining - SCTP_CHUNK_HEADER_LENGTH) >>> 0;
    // tcpdump's uint16_t chunkLengthRemaining.
    let chunkRemaining = chunkLength - SCTP_CHUNK_HEADER_LENGTH;
    c.write(`${sep}${n}) `);
    const type = ch.type;
    c.write(`[${CHUNK_NAMES.get(type) ?? `Unknown chunk type: 0x${type.toString(16)}`}] `);
    switch (type) {
      case 0: {
        let flags = '';
        if (ch.unordered) flags += '(U)';
        if (ch.beginning) flags += '(B)';
        if (ch.ending) flags += '(E)';
        if (flags !== '') c.write(`${flags} `);
        if (chunkRemaining < SCTP_DATA_FIELDS_LENGTH) { c.write(`bogus chunk length ${chunkLength}]`); return; }
        const ppid = ch.ppid;
        c.write(`[TSN: ${ch.tsn}] [SID: ${ch.streamId}] [SSEQ ${ch.streamSeq}] [PPID ${PPIDS.get(ppid) ?? `0x${ppid.toString(16)}`}] `);
        remaining = (remaining - SCTP_DATA_FIELDS_LENGTH) >>> 0;
        const payloadSize = chunkRemaining - SCTP_DATA_FIELDS_LENGTH;
        forces ||= isForcesPpid(ppid);
        if (payloadSize === 0) { c.write(`bogus chunk length ${chunkLength}]`); return; }
        if (forces) {
          printLayer(c, Layer.Forces, ch.dataStart, payloadSize);
          c.protocol = 'sctp';
        } else if (vv && ppid === SctpPpid.M3ua) {
          printLayer(c, Layer.M3ua, ch.dataStart, payloadSize);
          c.protocol = 'sctp';
        } else if (vv) {
          c.write('[Payload');
          // tcpdump's suppress_default_print (-x, -X, -q): the dump of the frame shows it instead.
          if (!c.o.hex && !c.o.hexAscii && !c.o.quiet) { c.write(':'); defaultPrint(c, ch.dataStart, payloadSize); }
          c.write(']');
        }
        remaining = (remaining - payloadSize) >>> 0;
        chunkRemaining = 0;
        break;
      }
      case 1: case 2:
        if (chunkRemaining < SCTP_INIT_FIELDS_LENGTH) { c.write(`bogus chunk length ${chunkLength}]`); return; }
        c.write(`[init tag: ${ch.initiateTag}] [rwnd: ${ch.rwnd}] [OS: ${ch.outboundStreams}] [MIS: ${ch.inboundStreams}] [init TSN: ${ch.initialTsn}] `);
        // The optional parameters are skipped (tcpdump prints none of them).
        remaining = (remaining - chunkRemaining) >>> 0;
        chunkRemaining = 0;
        break;
      case 3: {
        if (chunkRemaining < SCTP_SACK_FIELDS_LENGTH) { c.write(`bogus chunk length ${chunkLength}]`); return; }
        const cum = ch.cumulativeTsnAck, gaps = ch.gapBlockCount, dups = ch.dupTsnCount;
        c.write(`[cum ack ${cum}] [a_rwnd ${ch.arwnd}] [#gap acks ${gaps}] [#dup tsns ${dups}] `);
        remaining = (remaining - SCTP_SACK_FIELDS_LENGTH) >>> 0;
        chunkRemaining -= SCTP_SACK_FIELDS_LENGTH;
        for (let i = 0; chunkRemaining !== 0 && i < gaps; i++) {
          if (chunkRemaining < SCTP_SACK_ENTRY_LENGTH) { c.write(`bogus chunk length ${chunkLength}]`); return; }
          // u_int sums: they wrap as tcpdump's do.
          c.write(`\n\t\t[gap ack block #${i + 1}: start = ${(cum + ch.gapStart(i)) >>> 0}, end = ${(cum + ch.gapEnd(i)) >>> 0}] `);
          remaining = (remaining - SCTP_SACK_ENTRY_LENGTH) >>> 0;
          chunkRemaining -= SCTP_SACK_ENTRY_LENGTH;
        }
        for (let k = 0; chunkRemaining !== 0 && k < dups; k++) {
          if (chunkRemaining < SCTP_SACK_ENTRY_LENGTH) { c.write(`bogus chunk length ${chunkLength}]`); return; }
          // Reached only after every gap block (a chunk that ran out ends both loops).
          c.write(`\n\t\t[dup TSN #${k + 1}: ${ch.dupTsn(k)}] `);
          remaining = (remaining - SCTP_SACK_ENTRY_LENGTH) >>> 0;
          chunkRemaining -= SCTP_SACK_ENTRY_LENGTH;
        }
        break;
      }
      default:
        remaining = (remaining - chunkRemaining) >>> 0;
        chunkRemaining = 0;
    }
    // Anything left at the end of the chunk is skipped.
    remaining = (remaining - chunkRemaining) >>> 0;
    if (!vv) sep = ', (';
    if (align !== 0) {
      // The padding must have been captured.
      if (!ch.has(chunkLength + align)) { c.truncMark(); return; }
      remaining = (remaining - align) >>> 0;
    }
    ch.point(ch.nextStart, s.end);
  }
}
