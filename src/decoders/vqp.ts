// Cisco's VLAN Query Protocol (a switch asks a VMPS server which VLAN a port joins), on UDP 1589:
// an 8-byte header (version, message type, error code, number of objects, sequence number), then
// the objects, each a 4-byte type, a 2-byte length and the value. The printer walks the objects
// through objectType()/objectLength() and the value reads, at offsets from the message's first byte.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readIpv4, readMac, readU16, readU32, readU8 } from './reads.js';
import { LayerView } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const VQP = Layer.Vqp;

/** UDP port of VQP. */
export const VQP_PORT = 1589;
/** Bytes of the VQP header. */
export const VQP_HEADER_LENGTH = 8;
/** Bytes of an object's type and length. */
export const VQP_OBJECT_HEADER_LENGTH = 6;
/** Object types. */
export const VqpObject = {
  IpAddress: 0x0c01, PortName: 0x0c02, VlanName: 0x0c03, VtpDomain: 0x0c04, EthernetPacket: 0x0c05, MacNull: 0x0c06, MacAddress: 0x0c08,
} as const;

/** A VQP message. Fields are read when asked for; those past the capture throw NOT_CAPTURED. */
export class Vqp extends LayerView {
  readonly layer = VQP;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < VQP_HEADER_LENGTH) return c.short(VQP, o, VQP_HEADER_LENGTH);
    this.headerLength = VQP_HEADER_LENGTH;
    c.mark(VQP);
    c.off = o + VQP_HEADER_LENGTH;
    return 0;
  }

  /** 1 (the only version tcpdump prints). */
  get version(): number { return readU8(this, 0); }
  /** 1 request (join port), 2 response (VLAN), 3 request (reconfirm), 4 response (reconfirm). */
  get messageType(): number { return readU8(this, 1); }
  /** 0 no error, 3 access denied, 4 shutdown port, 5 wrong VTP domain. */
  get errorCode(): number { return readU8(this, 2); }
  /** Number of objects after the header. */
  get objectCount(): number { return readU8(this, 3); }
  get sequence(): number { return readU32(this, 4); }

  /** The type of the object at byte `at` of the message. */
  objectType(at: number): number { return readU32(this, at); }
  /** The value length of the object at byte `at`. */
  objectLength(at: number): number { return readU16(this, at + 4); }
  /** A value's bytes at byte `at`: as an IPv4 address, a 32-bit number, a MAC address. */
  ipv4At(at: number): string { return readIpv4(this, at); }
  u32At(at: number): number { return readU32(this, at); }
  macAt(at: number): string { return readMac(this, at); }

  toJSON(): object {
    return {
      offset: this.offset, length: this.length, version: this.version, messageType: this.messageType, errorCode: this.errorCode,
      objectCount: this.objectCount, sequence: this.sequence,
    };
  }
}
