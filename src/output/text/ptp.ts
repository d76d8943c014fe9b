/** PTP (tcpdump's print-ptp.c): version 2 headers and bodies on one line; version 1 is "not implemented" there too. */
import type { PrintContext } from './context.js';
import { PTP_HEADER_LENGTH, type Ptp } from '../../decoders/ptp.js';
import { bitNames } from './tok.js';

const TYPES: Record<number, string> = {
  0x0: 'sync msg', 0x1: 'delay req msg', 0x2: 'peer delay req msg', 0x3: 'peer delay resp msg', 0x8: 'follow up msg', 0x9: 'delay resp msg',
  0xa: 'pdelay resp fup msg', 0xb: 'announce msg', 0xc: 'signalling msg', 0xd: 'management msg',
};
const CONTROLS = ['Sync', 'Delay_Req', 'Follow_Up', 'Delay_Resp', 'Management', 'Other'];
const FLAGS: ReadonlyArray<readonly [number, string]> = [
  [0x1, 'l1 61'], [0x2, 'l1 59'], [0x4, 'utc reasonable'], [0x8, 'timescale'], [0x10, 'time tracable'], [0x20, 'frequency tracable'],
  [0x100, 'alternate master'], [0x200, 'two step'], [0x400, 'unicast'], [0x1000, 'profile specific 1'], [0x2000, 'profile specific 2'],
  [0x4000, 'security mask'], [0x18c0, 'unknown'],
];
const BODY = PTP_HEADER_LENGTH;

/** A PTP message of `length` bytes. */
export function printPtp(c: PrintContext, p: Ptp, length: number): void {
  c.protocol = 'ptp';
  if (length < PTP_HEADER_LENGTH) { c.write(` [length ${length} < ${PTP_HEADER_LENGTH}]`); c.invalid(); return; }
  const version = p.version;
  c.write(`PTPv${version}`);
  if (version === 1) { c.write(' (not implemented)'); return; }
  if (version !== 2) return;
  const type = p.messageType;
  c.write(`, v1 compat : ${p.v1Compat ? 'yes' : 'no'}`);
  c.write(`, msg type : ${TYPES[type] ?? 'Reserved'}`);
  c.write(`, length : ${p.messageLength}`);
  c.write(`, domain : ${p.domain}`);
  c.write(`, reserved1 : ${p.reserved1}`);
  c.write(`, Flags [${bitNames(FLAGS, 'none', p.flags)}]`);
  c.write(`, NS correction : ${p.correctionNs}`);
  c.write(`, sub NS correction : ${p.correctionSubNs}`);
  c.write(`, reserved2 : ${p.reserved2}`);
  c.write(`, clock identity : 0x${p.clockIdentity.toString(16)}`);
  c.write(`, port id : ${p.portId}`);
  c.write(`, seq id : ${p.sequenceId}`);
  const control = p.control;
  c.write(`, control : ${control} (${CONTROLS[control] ?? 'Reserved'})`);
  c.write(`, log message interval : ${p.logMessageInterval}`);
  switch (type) {
    case 0x0: case 0x1: timestamp(c, p, 'originTimeStamp'); break;
    case 0x8: timestamp(c, p, 'preciseOriginTimeStamp'); break;
    case 0x2: case 0xa: timestampIdentity(c, p, 'preciseOriginTimeStamp'); break;
    case 0x3: case 0x9: timestampIdentity(c, p, 'receiveTimeStamp'); break;
    case 0xb: announce(c, p); break;
    case 0xc: portIdentity(c, p); break;
    case 0xd: management(c, p); break;
  }
}

function timestamp(c: PrintContext, p: Ptp, name: string): void {
  c.write(`, ${name} :`);
  c.write(` ${p.word48(BODY)} seconds,`);
  c.write(` ${p.word32(BODY + 6)} nanoseconds`);
}

function timestampIdentity(c: PrintContext, p: Ptp, name: string): void {
  timestamp(c, p, name);
  c.write(`, port identity : 0x${p.word64(BODY + 10).toString(16)}`);
  c.write(`, port id : ${p.word16(BODY + 18)}`);
}

function announce(c: PrintContext, p: Ptp): void {
  c.write(', originTimeStamp :');
  c.write(` ${p.word48(BODY)} seconds`);
  c.write(` ${p.word32(BODY + 6)} nanoseconds`);
  c.write(`, origin cur utc :${p.word16(BODY + 10)}`);
  c.write(`, rsvd : ${p.u8(BODY + 12)}`);
  c.write(`, gm priority_1 : ${p.u8(BODY + 13)}`);
  c.write(`, gm clock class : ${p.u8(BODY + 14)}`);
  c.write(`, gm clock accuracy : ${p.u8(BODY + 15)}`);
  c.write(`, gm clock variance : ${p.word16(BODY + 16)}`);
  c.write(`, gm priority_2 : ${p.u8(BODY + 18)}`);
  c.write(`, gm clock id : 0x${p.word64(BODY + 19).toString(16)}`);
  c.write(`, steps removed : ${p.word16(BODY + 27)}`);
  c.write(`, time source : 0x${p.u8(BODY + 29).toString(16)}`);
}

function portIdentity(c: PrintContext, p: Ptp): void {
  c.write(`, port identity : 0x${p.word64(BODY).toString(16)}`);
  c.write(`, port id : ${p.word16(BODY + 8)}`);
}

/** Management: the target port identity, then tcpdump's four fields, each read from the body's first byte (it never advances). */
function management(c: PrintContext, p: Ptp): void {
  portIdentity(c, p);
  const names = [', start boundary hops ', ', boundary hops ', ', flags ', ', reserved '];
  for (let k = 0; k < 4; k++) {
    const v = p.u8(BODY);
    c.write(`, ${names[k]!}${k >= 2 ? ` 0x${v.toString(16)}` : ` ${v}`}`);
  }
}
