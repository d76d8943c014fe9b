/** timed's TSP (tcpdump's print-timed.c): type, version, sequence, the time or hop count, the host name. */
import type { PrintContext } from './context.js';
import { TSP_NAME_LENGTH, TSP_NAME_OFFSET, type Timed } from '../../decoders/timed.js';
import { printJnp, tokName, type Tok } from './tok.js';

const TYPES: Tok = [
  'TSP_ANY', 'TSP_ADJTIME', 'TSP_ACK', 'TSP_MASTERREQ', 'TSP_MASTERACK', 'TSP_SETTIME', 'TSP_MASTERUP', 'TSP_SLAVEUP',
  'TSP_ELECTION', 'TSP_ACCEPT', 'TSP_REFUSE', 'TSP_CONFLICT', 'TSP_RESOLVE', 'TSP_QUIT', 'TSP_DATE', 'TSP_DATEREQ', 'TSP_DATEACK',
  'TSP_TRACEON', 'TSP_TRACEOFF', 'TSP_MSITE', 'TSP_MSITEREQ', 'TSP_TEST', 'TSP_SETDATE', 'TSP_SETDATEREQ', 'TSP_LOOP',
].map((s, k) => [k, s] as const);

/** A TSP message (tcpdump passes no length: the name is read up to its NUL or the capture's end). */
export function printTimed(c: PrintContext, t: Timed): void {
  c.protocol = 'timed';
  const type = t.type;
  c.write(tokName(TYPES, `(tsp_type 0x${type.toString(16)})`, type));
  c.write(` vers ${t.version}`);
  c.write(` seq ${t.sequence}`);
  switch (type) {
    case 24:                                            // TSP_LOOP
      c.write(` hopcnt ${t.hopCount}`);
      break;
    case 5: case 1: case 22: case 23: {                 // SETTIME, ADJTIME, SETDATE, SETDATEREQ
      let sec = t.seconds, usec = t.microseconds;
      if (usec < 0) return;                             // invalid: tcpdump skips the rest
      c.write(' time ');
      if (sec < 0 && usec !== 0) {
        sec++;
        if (sec === 0) c.write('-');
        usec = 1000000 - usec;
      }
      c.write(`${sec}.${String(usec).padStart(6, '0')}`);
      break;
    }
  }
  c.write(' name ');
  printJnp(c, t, TSP_NAME_OFFSET, TSP_NAME_LENGTH);
}
