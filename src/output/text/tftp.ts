/** TFTP (tcpdump's print-tftp.c): the opcode, then the file name, mode and options, the block number or the error. */
import type { PrintContext } from './context.js';
import type { Tftp } from '../../decoders/tftp.js';
import { printZeroTerminated } from './view-text.js';

const OPCODES: readonly string[] = ['', 'RRQ', 'WRQ', 'DATA', 'ACK', 'ERROR', 'OACK'];
const ERRORS: readonly string[] = ['EUNDEF', 'ENOTFOUND', 'EACCESS', 'ENOSPACE', 'EBADOP', 'EBADID', 'EEXISTS', 'ENOUSER'];

/** A TFTP message of `length` bytes (from the UDP length). */
export function printTftp(c: PrintContext, t: Tftp, length: number): void {
  c.protocol = 'tftp';
  c.write(`TFTP, length ${length}`);
  if (length < 2) { c.truncMark(); return; }
  const opcode = t.opcode;
  const name = OPCODES[opcode];
  if (opcode === 0 || name === undefined) { c.write(`, tftp-#${opcode}`); return; }
  c.write(`, ${name}`);
  length -= 2;
  let i = 0;
  switch (opcode) {
    case 1: case 2: {                                   // RRQ, WRQ: file name, mode, options
      if (length === 0) { c.truncMark(); return; }
      c.write(' "');
      let n = printZeroTerminated(c, t, i, length);
      c.write('"');
      if (n === 0) { c.truncMark(); return; }
      i += n; length -= n;
      if (length === 0) { c.truncMark(); return; }
      c.write(' ');
      n = printZeroTerminated(c, t, i, length);
      if (n === 0) { c.truncMark(); return; }
      i += n; length -= n;
      if (!printOptions(c, t, i, length)) c.truncMark();
      break;
    }
    case 6:                                             // OACK: options
      if (!printOptions(c, t, i, length)) c.truncMark();
      break;
    case 3: case 4:                                     // DATA, ACK: block number
      if (length < 2) { c.truncMark(); return; }
      c.write(` block ${t.block}`);
      break;
    case 5: {                                           // ERROR: code and message
      if (length < 2) { c.truncMark(); return; }
      const code = t.errorCode;
      c.write(` ${ERRORS[code] ?? `tftp-err-#${code} "`}`);
      i += 2; length -= 2;
      if (length === 0) { c.truncMark(); return; }
      c.write(' "');
      const n = printZeroTerminated(c, t, i, length);
      c.write('"');
      if (n === 0) c.truncMark();
      break;
    }
  }
}

/** Option names and values, each NUL-terminated, from index `i`: false when one is cut short. */
function printOptions(c: PrintContext, t: Tftp, i: number, length: number): boolean {
  while (length !== 0) {
    if (t.data(i) !== 0) c.write(' ');
    const n = printZeroTerminated(c, t, i, length);
    if (n === 0) return false;
    i += n; length -= n;
  }
  return true;
}
