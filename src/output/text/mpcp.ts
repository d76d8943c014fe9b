/** MPCP, IEEE 802.3ah's Multi-Point Control Protocol (tcpdump's print-mpcp.c): the opcode, and at -v its fields. */
import type { PrintContext } from './context.js';
import { MPCP_HEADER_LENGTH, MpcpOpcode, type Mpcp } from '../../decoders/mpcp.js';
import { bitNames, tokName, unknownData, type Tok } from './tok.js';

const OPCODES: Tok = [[1, 'Pause'], [2, 'Gate'], [3, 'Report'], [4, 'Register Request'], [5, 'Register'], [6, 'Register ACK']];
const GRANT_FLAGS: Tok = [[0x08, 'Discovery'], [0x10, 'Force Grant #1'], [0x20, 'Force Grant #2'], [0x40, 'Force Grant #3'], [0x80, 'Force Grant #4']];
const REGISTER_REQUEST_FLAGS: Tok = [[1, 'Register'], [3, 'De-Register']];
const REGISTER_FLAGS: Tok = [[1, 'Re-Register'], [2, 'De-Register'], [3, 'ACK'], [4, 'NACK']];
const REGISTER_ACK_FLAGS: Tok = [[0, 'NACK'], [1, 'ACK']];
const REPORT_BITMAP: Tok = [0, 1, 2, 3, 4, 5, 6, 7].map((q) => [1 << q, `Q${q}`] as const);

/** An MPCP message, `length` bytes after the EtherType. */
export function printMpcp(c: PrintContext, m: Mpcp, length: number): void {
  c.protocol = 'mpcp';
  const opcode = m.opcode, timestamp = m.timestamp;
  c.write(`MPCP, Opcode ${tokName(OPCODES, `Unknown (${opcode})`, opcode)}`);
  if (opcode !== MpcpOpcode.Pause) c.write(`, Timestamp ${timestamp} ticks`);
  c.write(`, length ${length}`);
  if (!c.o.verbose) return;
  switch (opcode) {
    case MpcpOpcode.Pause:
      break;
    case MpcpOpcode.Gate: {
      const grants = m.grantCount;
      c.write(`\n\tGrant Numbers ${grants}, Flags [ ${bitNames(GRANT_FLAGS, '?', m.grantByte & ~7)} ]`);
      for (let k = 0; k < grants; k++) {
        const start = m.grantStartTime(k), duration = m.grantDuration(k);
        c.write(`\n\tGrant #${k + 1}, Start-Time ${start} ticks, duration ${duration} ticks`);
      }
      c.write(`\n\tSync-Time ${m.gateSyncTime(grants)} ticks`);
      break;
    }
    case MpcpOpcode.Report: {
      const sets = m.queueSets;
      let i = MPCP_HEADER_LENGTH + 1;
      c.write(`\n\tTotal Queue-Sets ${sets}`);
      // tcpdump's loop stops one set short and numbers every set with the total: printed as it does.
      for (let set = 1; set < sets; set++) {
        let bitmap = m.reportBitmapAt(i);
        c.write(`\n\t  Queue-Set #${sets}, Report-Bitmap [ ${bitNames(REPORT_BITMAP, 'Unknown', bitmap)} ]`);
        i++;
        for (let q = 1; bitmap !== 0; q++, bitmap >>= 1) {
          if (bitmap & 1) { c.write(`\n\t    Q${q} Report, Duration ${m.reportDurationAt(i)} ticks`); i += 2; }
        }
      }
      break;
    }
    case MpcpOpcode.RegisterRequest: {
      const flags = m.registerRequestFlags, pending = m.pendingGrants;
      c.write(`\n\tFlags [ ${bitNames(REGISTER_REQUEST_FLAGS, 'Reserved', flags)} ], Pending-Grants ${pending}`);
      break;
    }
    case MpcpOpcode.Register: {
      const port = m.assignedPort, flags = m.registerFlags, sync = m.syncTime, pending = m.echoedPendingGrants;
      c.write(`\n\tAssigned-Port ${port}, Flags [ ${bitNames(REGISTER_FLAGS, 'Reserved', flags)} ]\n\tSync-Time ${sync} ticks, Echoed-Pending-Grants ${pending}`);
      break;
    }
    case MpcpOpcode.RegisterAck: {
      const port = m.echoedAssignedPort, flags = m.registerAckFlags, sync = m.echoedSyncTime;
      c.write(`\n\tEchoed-Assigned-Port ${port}, Flags [ ${bitNames(REGISTER_ACK_FLAGS, 'Reserved', flags)} ]\n\tEchoed-Sync-Time ${sync} ticks`);
      break;
    }
    default:
      unknownData(c, '\n\t', m.off, length);
  }
}
