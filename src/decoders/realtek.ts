// Realtek's switch protocols, EtherType 0x8899: the first byte names the protocol — the Remote Control
// Protocol (RRCP: hello, get and set of a switch register), the Echo Protocol (REP) and Loop Detection
// (RLDP), which carry nothing more, or the CPU tag of some switch chips.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readMac, readU16, readU32, readU8 } from './reads.js';
import { LayerView } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const REALTEK = Layer.Realtek;

/** Values of the protocol byte. */
export const enum RealtekProtocol { Rrcp = 0x01, Rep = 0x02, Rldp = 0x03, Rldp2 = 0x23, Dsa8 = 0x04 }
/** RRCP opcodes (the low 7 bits of the opcode byte). */
export const enum RrcpOpcode { Hello = 0, Get = 1, Set = 2 }

/**
 * A Realtek frame. The protocol byte; for RRCP the opcode byte (the reply flag in its top bit), the
 * authorisation key, and by opcode a register's address and data (little-endian, as the chips send
 * them) with the two cookies, or in a hello reply the switch's ports, uplink MAC, chip and vendor.
 */
export class Realtek extends LayerView {
  readonly layer = REALTEK;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < 1) return c.short(REALTEK, o, 1);
    this.headerLength = 1;
    c.mark(REALTEK);
    return 0;
  }

  get protocol(): number { return readU8(this, 0); }
  // RRCP.
  get opcodeByte(): number { return readU8(this, 1); }
  get opcode(): number { return this.opcodeByte & 0x7f; }
  get isReply(): boolean { return (this.opcodeByte & 0x80) !== 0; }
  get authKey(): number { return readU16(this, 2); }
  /** Get and set: the register's address and data. */
  get registerAddress(): number { return readU8(this, 4) | (readU8(this, 5) << 8); }
  get registerData(): number { return (readU8(this, 6) | (readU8(this, 7) << 8) | (readU8(this, 8) << 16) | (readU8(this, 9) << 24)) >>> 0; }
  get cookie1(): number { return readU32(this, 10); }
  get cookie2(): number { return readU32(this, 14); }
  /** Hello reply: the switch's ports, its uplink's MAC, its chip and vendor. */
  get downlinkPort(): number { return readU8(this, 4); }
  get uplinkPort(): number { return readU8(this, 5); }
  get uplinkMac(): string { return readMac(this, 6); }
  get chipId(): number { return readU16(this, 12); }
  get vendorId(): number { return readU32(this, 14); }

  /** The protocol byte, and RRCP's fields where captured. */
  toJSON(): object {
    const protocol = this.protocol;
    const o: Record<string, unknown> = { offset: this.offset, length: this.length, protocol };
    if (protocol !== RealtekProtocol.Rrcp || !this.has(4)) return o;
    const opcode = this.opcode, isReply = this.isReply;
    Object.assign(o, { opcode, isReply, authKey: this.authKey });
    if ((opcode === RrcpOpcode.Get || opcode === RrcpOpcode.Set) && this.has(18)) {
      Object.assign(o, { registerAddress: this.registerAddress, registerData: this.registerData, cookie1: this.cookie1, cookie2: this.cookie2 });
    } else if (opcode === RrcpOpcode.Hello && isReply && this.has(18)) {
      Object.assign(o, { downlinkPort: this.downlinkPort, uplinkPort: this.uplinkPort, uplinkMac: this.uplinkMac, chipId: this.chipId, vendorId: this.vendorId });
    }
    return o;
  }
}
