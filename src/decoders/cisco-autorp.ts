// Cisco's auto-RP (UDP port 496; tcpdump's cisco_autorp_print in print-pim.c, after
// pim-autorp-spec01): an 8-byte header, then `rpCount` RPs, each its address, the PIM versions it
// supports and `groupCount` group entries (flags, mask length, group address).
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readIpv4, readU16, readU32, readU8 } from './reads.js';
import { LayerView } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const AUTORP = Layer.CiscoAutoRp;

export const CISCO_AUTORP_PORT = 496;
/** Bytes of the header: type, RP count, holdtime, 4 reserved. */
export const AUTORP_HEADER_LENGTH = 8;
/** Bytes of an RP's address, its versions byte and its group count. */
export const AUTORP_RP_LENGTH = 6;
/** Bytes of a group entry: flags, mask length, group address. */
export const AUTORP_GROUP_LENGTH = 6;

/** Where each field of an RP or group entry is, from the entry's start (the `at` the methods take). */
export const AutoRpAt = {
  rpVersions: 4, groupCount: 5,
  groupMask: 1, groupAddress: 2,
} as const;

/**
 * An auto-RP message. The header's fields, and the RP and group entries at `at` (bytes from the
 * message's start, as a printer walks them), are read when asked for; past the capture they throw
 * NOT_CAPTURED.
 */
export class CiscoAutoRp extends LayerView {
  readonly layer = AUTORP;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < AUTORP_HEADER_LENGTH) return c.short(AUTORP, o, AUTORP_HEADER_LENGTH);
    this.headerLength = AUTORP_HEADER_LENGTH;
    c.mark(AUTORP);
    c.off = o + AUTORP_HEADER_LENGTH;
    return 0;
  }

  /** Version (high nibble, 1) and type (low nibble): 0x11 candidate RP announcement, 0x12 RP mapping. */
  get type(): number { return readU8(this, 0); }
  get rpCount(): number { return readU8(this, 1); }
  /** Seconds the message holds; 0 for ever. */
  get holdTime(): number { return readU16(this, 2); }
  get reserved(): number { return readU32(this, 4); }

  /** The RP's address, in the RP entry at `at`. */
  rpAddress(at: number): string { return readIpv4(this, at); }
  /** The RP entry's versions byte: bit 0 PIMv1, bit 1 PIMv2; the rest reserved. */
  rpVersions(at: number): number { return readU8(this, at + AutoRpAt.rpVersions); }
  /** How many group entries follow the RP entry at `at`. */
  groupCount(at: number): number { return readU8(this, at + AutoRpAt.groupCount); }
  /** The group entry's flags at `at`: bit 0 negative, bit 1 bidirectional; the rest reserved. */
  groupFlags(at: number): number { return readU8(this, at); }
  groupMaskLength(at: number): number { return readU8(this, at + AutoRpAt.groupMask); }
  groupAddress(at: number): string { return readIpv4(this, at + AutoRpAt.groupAddress); }

  toJSON(): object {
    const rps: object[] = [];
    // The entries captured whole, in order; a cut one ends the list.
    let at = AUTORP_HEADER_LENGTH;
    for (let i = 0, n = this.rpCount; i < n && this.has(at + AUTORP_RP_LENGTH); i++) {
      const groups: object[] = [];
      const count = this.groupCount(at), versions = this.rpVersions(at), address = this.rpAddress(at);
      at += AUTORP_RP_LENGTH;
      for (let k = 0; k < count && this.has(at + AUTORP_GROUP_LENGTH); k++, at += AUTORP_GROUP_LENGTH) {
        const flags = this.groupFlags(at);
        groups.push({ address: this.groupAddress(at), maskLength: this.groupMaskLength(at), negative: (flags & 1) !== 0, bidirectional: (flags & 2) !== 0 });
      }
      rps.push({ address, pimVersions: versions & 3, groups });
      if (groups.length < count) break;
    }
    // Only a decoded message is a layer, and decode() proved its header captured.
    return { offset: this.offset, length: this.length, type: this.type, rpCount: this.rpCount, holdTime: this.holdTime, rps };
  }
}
