// Cisco's Hot Standby Router Protocol, version 0/1 (RFC 2281), on UDP 1985: one 20-byte message.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readIpv4, readU8 } from './reads.js';
import { LayerView } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const HSRP = Layer.Hsrp;

/** Bytes of an HSRP v0 message. */
export const HSRP_LENGTH = 20;
/** Bytes of the authentication data (a null-padded password). */
export const HSRP_AUTH_LENGTH = 8;
/** Index of the authentication data in the message. */
export const HSRP_AUTH_INDEX = 8;

/** An HSRP message. Fields are read when asked for; those past the capture throw NOT_CAPTURED. */
export class Hsrp extends LayerView {
  readonly layer = HSRP;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < HSRP_LENGTH) return c.short(HSRP, o, HSRP_LENGTH);
    this.headerLength = HSRP_LENGTH;
    c.mark(HSRP);
    c.off = o + HSRP_LENGTH;
    return 0;
  }

  /** 0 for RFC 2281's format (version 2 is another, TLV-based one). */
  get version(): number { return readU8(this, 0); }
  /** 0 hello, 1 coup, 2 resign. */
  get opCode(): number { return readU8(this, 1); }
  /** 0 initial, 1 learn, 2 listen, 4 speak, 8 standby, 16 active. */
  get state(): number { return readU8(this, 2); }
  /** Seconds between hellos. */
  get helloTime(): number { return readU8(this, 3); }
  /** Seconds a hello is valid. */
  get holdTime(): number { return readU8(this, 4); }
  get priority(): number { return readU8(this, 5); }
  get group(): number { return readU8(this, 6); }
  get reserved(): number { return readU8(this, 7); }
  /** The virtual IPv4 address the group shares. */
  get virtualAddress(): string { return readIpv4(this, 16); }

  toJSON(): object {
    return {
      offset: this.offset, length: this.length, version: this.version, opCode: this.opCode, state: this.state, helloTime: this.helloTime,
      holdTime: this.holdTime, priority: this.priority, group: this.group, virtualAddress: this.virtualAddress,
    };
  }
}
