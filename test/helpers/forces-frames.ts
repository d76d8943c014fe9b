// ForCES messages built for the tests, in SCTP DATA chunks over IPv4: every message type, every
// operation, path data with IDs, table ranges, keys, FULLDATA, SPARSEDATA ILVs and RESULTs, redirects
// with metadata, and the error paths of tcpdump's print-forces.c (bad types, lengths, TLVs).
import { be16, be32, bytes, concat } from './frames.js';
import { data, sctp, v4, v6 } from './sctp-frames.js';

const pad4 = (b: Uint8Array): Uint8Array => concat(b, new Uint8Array((4 - (b.length & 3)) & 3));
/** A TLV (16-bit type and length), padded; `length` overrides the length field. */
export function tlv(type: number, value: Uint8Array, length?: number): Uint8Array {
  return pad4(concat(be16(type), be16(length ?? 4 + value.length), value));
}
/** An ILV (32-bit type and length), padded. */
export function ilv(type: number, value: Uint8Array, length?: number): Uint8Array {
  return pad4(concat(be32(type), be32(length ?? 8 + value.length), value));
}
const lfb = (cls: number, inst: number, ...ops: Uint8Array[]): Uint8Array => tlv(0x1000, concat(be32(cls), be32(inst), ...ops));
const op = (type: number, ...body: Uint8Array[]): Uint8Array => tlv(type, concat(...body));
const path = (flags: number, ids: number[], ...rest: Uint8Array[]): Uint8Array =>
  tlv(0x110, concat(be16(flags), be16(ids.length), ...ids.map((i) => be32(i)), ...rest));
const full = (b: Uint8Array): Uint8Array => tlv(0x112, b);
const sparse = (...ilvs: Uint8Array[]): Uint8Array => tlv(0x113, concat(...ilvs));
const res = (code: number): Uint8Array => tlv(0x114, bytes(code, 0, 0, 0));

export interface Header { version?: number; flags?: number; src?: number; dst?: number; hi?: number; lo?: number; words?: number }
/** A ForCES message: the common header, then `body`; `words` overrides the length field. */
export function message(type: number, body: Uint8Array, h: Header = {}): Uint8Array {
  return concat(bytes((h.version ?? 1) << 4, type), be16(h.words ?? (24 + body.length) / 4), be32(h.src ?? 0x40000001), be32(h.dst ?? 0x2),
    be32(h.hi ?? 0), be32(h.lo ?? 7), be32(h.flags ?? 0x38400000), body);
}

/** `msg` in a DATA chunk to ForCES's high-priority port, over IPv4. */
const hp = (msg: Uint8Array, ppid = 0): Uint8Array => v4(sctp(40000, 6704, 0x1234, data(3, 1, 0, 0, ppid, msg)));

const hex = (n: number, from = 0): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (from + i) & 255);

export function forcesFrames(): Uint8Array[] {
  const msgs: Uint8Array[] = [
    message(0x0f, new Uint8Array(0)),                                                    // HeartBeat
    message(0x0f, new Uint8Array(0), { flags: 0xffffffff, src: 0xfffffffd, dst: 0xfffffffe, hi: 0x01020304, lo: 0x05060708 }),
    message(0x0f, new Uint8Array(0), { flags: 0x00080000, src: 0xc0000001, dst: 0xffffffff }),
    message(0x0f, new Uint8Array(0), { src: 0xfffffff0, dst: 0x80000000 }),
    message(0x0f, tlv(0x1000, hex(8))),                                                   // a TLV where none is allowed
    message(0x01, new Uint8Array(0)),                                                    // Association Setup without TLVs
    message(0x01, concat(lfb(1, 1, op(11, path(0, [1, 2], full(hex(6))))), lfb(2, 1, op(11, path(0, [3]))))),
    message(0x01, lfb(1, 1, op(1, path(0, [1], full(hex(4)))))),                          // an operation Setup does not allow
    message(0x02, tlv(0x11, be32(0))),                                                    // TearDown reasons
    message(0x02, tlv(0x11, be32(4))),
    message(0x02, tlv(0x11, be32(9))),
    message(0x02, tlv(0x11, be32(300))),
    message(0x02, tlv(0x11, hex(6))),
    message(0x02, new Uint8Array(0)),                                                    // TLV data missing
    message(0x11, tlv(0x10, be32(0))),                                                    // Association Response results
    message(0x11, tlv(0x10, be32(2))),
    message(0x11, tlv(0x10, be32(3))),
    message(0x11, tlv(0x10, be32(7))),
    message(0x11, tlv(0x10, bytes(1))),
    // Config: Set with FULLDATA, SetProp with SPARSEDATA, Del, Commit, RTRCOMP, table append, a key.
    message(0x03, lfb(0xa, 0x10, op(1, path(0, [1, 2, 3], full(hex(12)))), op(2, path(0, [4], sparse(ilv(1, hex(4)), ilv(0x20, hex(5))))))),
    message(0x03, lfb(1, 1, op(5, path(0, [7, 8])), op(12, hex(8)), op(14, hex(8)))),
    message(0x03, lfb(1, 1, op(1, path(4, [9], full(hex(3)))))),
    message(0x03, lfb(1, 1, op(1, path(1, [9], concat(be32(0x77), tlv(0x112, hex(4))), tlv(0x111, concat(be32(0x55), tlv(0x112, hex(8)))))))),
    message(0x03, lfb(1, 1, op(1, path(0, [1], res(0))))),                                // data the operation does not allow
    message(0x03, lfb(1, 1, op(1, path(0, [1], tlv(0x115, hex(4)))))),                    // not path data
    message(0x03, lfb(1, 1, op(1, path(0, [1], tlv(0x112, hex(4), 40))))),                // a TLV longer than its path
    message(0x03, lfb(1, 1, op(1, path(0, [1], tlv(0x112, hex(4), 0))))),                 // a TLV of length 0
    message(0x03, lfb(1, 1, op(1, path(0, [1, 2, 3, 4], full(hex(1)))).subarray(0, 12))),  // IDs cut by their TLV
    message(0x03, lfb(1, 1, op(1, path(3, [1], full(hex(4)))))),                          // range and key
    message(0x03, lfb(1, 1, op(1, path(1, [1], be32(5))))),                               // a key too short
    message(0x03, lfb(1, 1, op(1, hex(4)))),                                              // an operation too short
    message(0x03, lfb(1, 1, op(0x20, path(0, [1])), op(0x8001, path(0, [1])))),           // invalid and vendor operations
    message(0x03, lfb(1, 1, op(1, path(0, [1], full(hex(4)))), bytes(0, 1, 0))),          // bytes after the last operation
    message(0x03, tlv(0x1000, hex(10))),                                                  // a selector too short
    message(0x03, tlv(0x2000, hex(12))),                                                  // not a top-level TLV
    message(0x03, concat(lfb(1, 1, op(1, path(0, [1], full(hex(4))))), bytes(0, 0, 0, 2))), // a messy top-level TLV
    // Config Response: SetResp with RESULTs, RCommit (genoptlv_print), DelResp.
    message(0x13, lfb(1, 1, op(3, path(0, [1], res(0))), op(4, path(0, [2], res(0x13))), op(6, path(0, [3], res(0xff))))),
    message(0x13, lfb(1, 1, op(3, path(0, [1], res(0x20))), op(3, path(0, [1], tlv(0x114, hex(8)))))),
    message(0x13, lfb(1, 1, op(13, path(0, [1], res(1))))),
    message(0x13, lfb(1, 1, op(13, tlv(0x110, concat(be16(0), be16(1), be32(1), res(2))), hex(4)))),
    // Query with table ranges, Query Response with GetResp/GetPropResp data.
    message(0x04, lfb(2, 1, op(7, path(2, [1], concat(be16(0x117), be16(12), be32(10), be32(20)))), op(8, path(0, [5, 6])))),
    message(0x14, lfb(2, 1, op(9, path(0, [1], sparse(ilv(3, hex(12))))), op(10, path(0, [2], full(hex(9)))))),
    message(0x14, lfb(2, 1, op(9, path(0, [1], path(0, [2], full(hex(2))))))),          // nested path data
    // Event Notification, Packet Redirect (metadata and redirect data), other redirect TLVs.
    message(0x05, lfb(3, 2, op(11, path(0, [1, 2], full(hex(16)))))),
    message(0x06, concat(tlv(0x0001, concat(tlv(0x115, concat(ilv(1, hex(4)), ilv(2, hex(2)))), tlv(0x116, hex(30)))))),
    message(0x06, tlv(0x0001, concat(tlv(0x117, hex(8)), tlv(0x116, hex(2))))),
    message(0x06, tlv(0x0001, hex(4))),
    // Types and lengths that lie.
    message(0x00, new Uint8Array(0)),
    message(0x07, new Uint8Array(0)),
    message(0x12, new Uint8Array(0)),
    message(0x0f, new Uint8Array(0), { words: 7 }),
    message(0x0f, new Uint8Array(0), { words: 2 }),
  ];
  return [
    ...msgs.map((m) => hp(m)),
    // By PPID on other ports; two DATA chunks (the second is ForCES only because the first was).
    v4(sctp(5000, 5001, 1, data(3, 1, 0, 0, 22, msgs[0]!), data(3, 2, 0, 1, 0, msgs[8]!))),
    v6(sctp(6706, 5001, 1, data(3, 1, 0, 0, 0, msgs[1]!))),
    // A DATA chunk too short for a ForCES header, followed by another chunk (tcpdump reads on into it).
    v4(sctp(6705, 5001, 1, data(3, 1, 0, 0, 0, hex(8)), data(3, 2, 0, 0, 0, hex(24)))),
  ];
}
