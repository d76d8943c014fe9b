// MPCP messages (IEEE 802.3ah, EtherType 0x8808) for the decoder's and the printer's tests: PAUSE,
// GATEs with grants and every flag, REPORTs with queue sets and bitmaps, the registration handshake
// with each flag value (named or not), unknown opcodes, messages shorter than their fields.
import { be16, be32, bytes, concat, ether } from './frames.js';

/** An MPCP frame to the MAC control multicast address, with `pad` zero bytes after the body. */
export function mpcp(opcode: number, timestamp: number, body: Uint8Array = bytes(), pad = 0): Uint8Array {
  return ether('01:80:c2:00:00:01', '02:00:00:00:00:01', 0x8808, concat(be16(opcode), be32(timestamp), body, new Uint8Array(pad)));
}

export function mpcpFrames(): Uint8Array[] {
  const grant = (start: number, duration: number): Uint8Array => concat(be32(start), be16(duration));
  const out = [
    mpcp(1, 0xffff0000, concat(be16(16)), 40),
    mpcp(2, 1000, concat(bytes(0x0b), grant(5, 6), grant(0x80000000, 0xffff), grant(7, 8), be16(77)), 20),
    mpcp(2, 1000, concat(bytes(0xf8), be16(77))),
    mpcp(2, 1000, concat(bytes(0x07), grant(1, 2))),
    mpcp(3, 5, concat(bytes(3, 0x05), be16(10), be16(20), bytes(0x80), be16(99)), 10),
    mpcp(3, 5, bytes(1), 10),
    mpcp(3, 5, concat(bytes(4, 0xff), ...Array.from({ length: 8 }, (_, k) => be16(k + 1)), bytes(0, 3), be16(1), be16(2))),
    mpcp(3, 5, concat(bytes(2, 0xff), be16(1))),
  ];
  for (const f of [1, 2, 3, 0, 7]) out.push(mpcp(4, 6, bytes(f, 9), 30));
  for (const f of [1, 2, 3, 4, 0, 5]) out.push(mpcp(5, 7, concat(be16(300), bytes(f), be16(400), bytes(2)), 20));
  for (const f of [0, 1, 2, 3]) out.push(mpcp(6, 8, concat(bytes(f), be16(300), be16(400)), 20));
  out.push(mpcp(9, 9, Uint8Array.from({ length: 30 }, (_, i) => i)), mpcp(0, 0), mpcp(7, 1, bytes(1, 2)), mpcp(5, 7, bytes(1, 44)));
  return out;
}
