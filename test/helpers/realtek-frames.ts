// Realtek payloads (after EtherType 0x8899) for the decoder's and the printer's tests: RRCP queries
// and replies of each opcode and unknown ones, REP, both RLDP values, the CPU tags, unknown types,
// nothing at all.
import { be16, be32, bytes, concat } from './frames.js';

const le16 = (v: number): Uint8Array => bytes(v & 255, v >> 8);
const le32 = (v: number): Uint8Array => bytes(v & 255, (v >> 8) & 255, (v >> 16) & 255, v >>> 24);
const pad = (p: Uint8Array, n: number): Uint8Array => concat(p, new Uint8Array(n));

export function realtekPayloads(): Uint8Array[] {
  return [
    pad(concat(bytes(1, 0x00), be16(0x2379)), 40),
    pad(concat(bytes(1, 0x80), be16(0x2379), bytes(3, 7, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f), be16(0x8316), be32(10)), 30),
    pad(concat(bytes(1, 0x01), be16(0x2379), le16(0x0218), le32(0xdeadbeef), be32(1), be32(2)), 30),
    pad(concat(bytes(1, 0x82), be16(0x2379), le16(0x0218), le32(0x12345678), be32(0xffffffff), be32(0x80000000)), 30),
    pad(concat(bytes(1, 0x7f), be16(1)), 30),
    pad(concat(bytes(1, 0x85), be16(1)), 30),
    ...[2, 3, 0x23, 4, 0x90, 0x9f, 0xa3, 0x0e, 0, 0xff].map((p) => pad(bytes(p), 45)),
    bytes(), bytes(1),
  ];
}
