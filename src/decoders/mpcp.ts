// The Multi-Point Control Protocol of Ethernet passive optical networks (IEEE 802.3ah), EtherType
// 0x8808 (MAC control, whose PAUSE frames are opcode 1): an opcode and a timestamp, then by opcode
// the grants of a GATE, the queue reports of a REPORT, or the fields of the registration handshake.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readU16, readU32, readU8 } from './reads.js';
import { LayerView } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const MPCP = Layer.Mpcp;

/** Bytes of the opcode and the timestamp every message starts with. */
export const MPCP_HEADER_LENGTH = 6;
/** Bytes of one grant of a GATE: its start time and its duration. */
export const MPCP_GRANT_LENGTH = 6;

export const enum MpcpOpcode { Pause = 1, Gate = 2, Report = 3, RegisterRequest = 4, Register = 5, RegisterAck = 6 }

/**
 * An MPCP message. The header's fields and each opcode's are read when asked for (a field another
 * opcode has is read at this opcode's offset all the same: ask for the opcode's own). A GATE's grants
 * and a REPORT's queue sets are read by index: `grantStartTime(k)`, `reportBitmapAt(i)`.
 */
export class Mpcp extends LayerView {
  readonly layer = MPCP;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < MPCP_HEADER_LENGTH) return c.short(MPCP, o, MPCP_HEADER_LENGTH);
    this.headerLength = MPCP_HEADER_LENGTH;
    c.mark(MPCP);
    return 0;
  }

  get opcode(): number { return readU16(this, 0); }
  /** In time quanta of 16 ns ("ticks"). */
  get timestamp(): number { return readU32(this, 2); }

  // GATE.
  /** The byte of the grant count (low 3 bits) and the flags (Discovery, Force Grant #1–#4). */
  get grantByte(): number { return readU8(this, 6); }
  get grantCount(): number { return this.grantByte & 7; }
  /** Grant `k` (0-based): its start time and its duration, in ticks. */
  grantStartTime(k: number): number { return readU32(this, 7 + MPCP_GRANT_LENGTH * k); }
  grantDuration(k: number): number { return readU16(this, 11 + MPCP_GRANT_LENGTH * k); }
  /** The synchronisation time after `grants` grants. */
  gateSyncTime(grants: number): number { return readU16(this, 7 + MPCP_GRANT_LENGTH * grants); }

  // REPORT: the count of queue sets, then for each a bitmap and a 16-bit duration per bit set.
  get queueSets(): number { return readU8(this, 6); }
  reportBitmapAt(i: number): number { return readU8(this, i); }
  reportDurationAt(i: number): number { return readU16(this, i); }

  // REGISTER_REQ.
  get registerRequestFlags(): number { return readU8(this, 6); }
  get pendingGrants(): number { return readU8(this, 7); }
  // REGISTER.
  get assignedPort(): number { return readU16(this, 6); }
  get registerFlags(): number { return readU8(this, 8); }
  get syncTime(): number { return readU16(this, 9); }
  get echoedPendingGrants(): number { return readU8(this, 11); }
  // REGISTER_ACK.
  get registerAckFlags(): number { return readU8(this, 6); }
  get echoedAssignedPort(): number { return readU16(this, 7); }
  get echoedSyncTime(): number { return readU16(this, 9); }

  /** The header, and the fields of the registration messages (GATE's and REPORT's lists are read by index). */
  toJSON(): object {
    const opcode = this.opcode;
    const o: Record<string, unknown> = { offset: this.offset, length: this.length, opcode, timestamp: this.timestamp };
    // A message cut before its fields' end leaves them out.
    const more = (n: number, f: () => Record<string, number>): void => { if (this.has(n)) Object.assign(o, f()); };
    if (opcode === MpcpOpcode.RegisterRequest) more(8, () => ({ flags: this.registerRequestFlags, pendingGrants: this.pendingGrants }));
    else if (opcode === MpcpOpcode.Register) {
      more(12, () => ({ assignedPort: this.assignedPort, flags: this.registerFlags, syncTime: this.syncTime, echoedPendingGrants: this.echoedPendingGrants }));
    } else if (opcode === MpcpOpcode.RegisterAck) {
      more(11, () => ({ flags: this.registerAckFlags, echoedAssignedPort: this.echoedAssignedPort, echoedSyncTime: this.echoedSyncTime }));
    } else if (opcode === MpcpOpcode.Gate && this.has(7)) o['grantCount'] = this.grantCount;
    return o;
  }
}
