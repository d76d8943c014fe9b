// SCTP packets built for the tests: every chunk type tcpdump 4.99.3 names (and some it does not),
// bundles, IPv4 and IPv6, and packets whose lengths lie. `node dist/test/helpers/sctp-frames.js FILE`
// writes them as the Ethernet capture test/pcaps/sctp/sctp.pcap (whose .out files tcpdump printed).
import { writeFileSync } from 'node:fs';
import { be16, be32, bytes, concat, ether, ext6, ipv4, ipv6 } from './frames.js';
import { pcap } from './oracle.js';

const text = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'latin1'));

/** A chunk: type, flags, value (padded to 4 bytes); `length` overrides the length field to lie. */
export function chunk(type: number, flags: number, value: Uint8Array, length?: number): Uint8Array {
  const n = 4 + value.length, pad = (4 - (n & 3)) & 3;
  return concat(bytes(type, flags), be16(length ?? n), value, new Uint8Array(pad));
}
/** A chunk without its padding (the last one of a packet, as some stacks send it). */
export function chunkUnpadded(type: number, flags: number, value: Uint8Array): Uint8Array {
  return concat(bytes(type, flags), be16(4 + value.length), value);
}
/** A parameter or error cause (type, length, value, padded). */
export function param(type: number, value: Uint8Array): Uint8Array {
  const n = 4 + value.length, pad = (4 - (n & 3)) & 3;
  return concat(be16(type), be16(n), value, new Uint8Array(pad));
}

export function data(flags: number, tsn: number, sid: number, ssn: number, ppid: number, payload: Uint8Array, length?: number): Uint8Array {
  return chunk(0, flags, concat(be32(tsn), be16(sid), be16(ssn), be32(ppid), payload), length);
}
export function init(type: 1 | 2, tag: number, rwnd: number, os: number, mis: number, tsn: number, params: Uint8Array = new Uint8Array(0)): Uint8Array {
  return chunk(type, 0, concat(be32(tag), be32(rwnd), be16(os), be16(mis), be32(tsn), params));
}
export function sack(cum: number, rwnd: number, gaps: [number, number][], dups: number[], counts?: [number, number]): Uint8Array {
  return chunk(3, 0, concat(be32(cum), be32(rwnd), be16(counts?.[0] ?? gaps.length), be16(counts?.[1] ?? dups.length),
    ...gaps.map(([s, e]) => concat(be16(s), be16(e))), ...dups.map((d) => be32(d))));
}

/** The common header; the checksum is the CRC32c of the packet (RFC 9260 appendix B). */
export function sctp(sport: number, dport: number, tag: number, ...chunks: Uint8Array[]): Uint8Array {
  const p = concat(be16(sport), be16(dport), be32(tag), be32(0), ...chunks);
  let crc = 0xffffffff;
  for (const x of p) { crc ^= x; for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0x82f63b78 : crc >>> 1; }
  crc = ~crc >>> 0;
  p.set(bytes(crc & 255, (crc >>> 8) & 255, (crc >>> 16) & 255, crc >>> 24), 8);
  return p;
}

const A = '02:00:00:00:00:01', B = '02:00:00:00:00:02';
/** An SCTP packet in IPv4 in Ethernet; `totalLength` to make the IP header lie. */
export function v4(s: Uint8Array, totalLength?: number): Uint8Array {
  return ether(B, A, 0x0800, ipv4({ src: '192.0.2.1', dst: '192.0.2.2', proto: 132, ...(totalLength !== undefined ? { totalLength } : {}) }, s));
}
export function v6(s: Uint8Array, plen?: number): Uint8Array {
  return ether(B, A, 0x86dd, ipv6({ src: '2001:db8::1', dst: '2001:db8::2', nh: 132, ...(plen !== undefined ? { plen } : {}) }, s));
}

const cookie = text('a state cookie, opaque to the peer.');
const hbInfo = param(1, concat(be32(0x01020304), be32(0x05060708), text('sender-specific')));

/** Chunks of every type, alone and bundled (ports 5000 → 5001, none of them ForCES's). */
export function sctpFrames(): Uint8Array[] {
  const P = 5000, Q = 5001;
  const initParams = concat(param(5, bytes(192, 0, 2, 1)), param(6, new Uint8Array(16).fill(0x20)), param(0x8000, new Uint8Array(0)),
    param(0xc000, new Uint8Array(0)), param(12, concat(be16(5), be16(6))));
  return [
    v4(sctp(P, Q, 0, init(1, 0x11223344, 106496, 10, 65535, 1000, initParams))),
    v4(sctp(Q, P, 0x11223344, init(2, 0x55667788, 106496, 10, 10, 5000, concat(param(7, cookie), param(0x8008, bytes(0xc0, 0x0f)))))),
    v4(sctp(P, Q, 0x55667788, chunk(10, 0, cookie))),
    v4(sctp(Q, P, 0x11223344, chunk(11, 0, new Uint8Array(0)))),
    v4(sctp(P, Q, 0x55667788, data(3, 1000, 0, 0, 0, text('hello, world\n')))),
    v4(sctp(P, Q, 0x55667788, data(4, 1001, 1, 7, 18, text('unorder')), data(2, 1002, 2, 8, 0x12345678, text('first fragment...')))),
    v4(sctp(P, Q, 0x55667788, data(0, 1003, 2, 8, 46, text('middle')), data(1, 1004, 2, 8, 46, text('last')))),
    v4(sctp(Q, P, 0x11223344, sack(1004, 106000, [[2, 3], [5, 9]], [998, 999]))),
    v4(sctp(Q, P, 0x11223344, sack(0xfffffffe, 0, [[1, 3]], []))),
    v4(sctp(P, Q, 0x55667788, chunk(4, 0, hbInfo))),
    v4(sctp(Q, P, 0x11223344, chunk(5, 0, hbInfo))),
    v4(sctp(P, Q, 0x55667788, chunk(6, 1, param(1, concat(be16(3), be16(0)))))),
    v4(sctp(P, Q, 0x55667788, chunk(7, 0, be32(1004)))),
    v4(sctp(Q, P, 0x11223344, chunk(8, 0, new Uint8Array(0)))),
    v4(sctp(P, Q, 0x55667788, chunk(14, 1, new Uint8Array(0)))),
    v4(sctp(Q, P, 0x11223344, chunk(9, 0, param(3, be32(20000))))),
    v4(sctp(Q, P, 0x11223344, chunk(12, 0, be32(1003)), chunk(13, 0, be32(1003)))),
    v4(sctp(P, Q, 0x55667788, chunk(0xc0, 0, concat(be32(1010), be16(2), be16(9))), chunk(0xc1, 0, concat(be32(7), param(0xc001, bytes(0, 0, 0, 1)))),
      chunk(0x80, 0, be32(7)), chunk(15, 0, concat(be16(1), be16(1), new Uint8Array(20))))),
    v4(sctp(P, Q, 0x55667788, chunk(0x40, 0, new Uint8Array(20)), chunk(0x82, 0, param(13, be32(1))), chunk(0xc2, 0, be32(1)), chunk(0xff, 0xff, bytes(1, 2, 3)))),
    // Bundles: SACK and DATA together, COOKIE ECHO with DATA.
    v4(sctp(Q, P, 0x11223344, sack(1004, 106496, [], []), data(3, 5000, 0, 0, 0, text('reply')))),
    v4(sctp(P, Q, 0x55667788, chunk(10, 0, cookie), data(3, 1000, 0, 0, 51, text('early data')))),
    // The last chunk without its padding.
    v4(sctp(P, Q, 0x55667788, chunkUnpadded(0, 3, concat(be32(1005), be16(0), be16(1), be32(0), text('odd'))))),
    // IPv6.
    v6(sctp(P, Q, 0, init(1, 0xdeadbeef, 65536, 1, 1, 1, param(6, new Uint8Array(16).fill(1))))),
    v6(sctp(P, Q, 0xdeadbeef, data(7, 1, 0, 0, 0, text('v6 data')), sack(1, 65536, [[2, 2]], [1]))),
    v6(sctp(P, Q, 0xdeadbeef, chunk(6, 0, new Uint8Array(0)))),
    // After an IPv6 destination options header (tcpdump then prints the addresses twice), and in IPv4
    // fragments: the first (SCTP's header) and a later one (ip-proto-132).
    ether(B, A, 0x86dd, ipv6({ src: '2001:db8::1', dst: '2001:db8::2', nh: 60 }, ext6(132, new Uint8Array(4), sctp(P, Q, 2, chunk(11, 0, new Uint8Array(0)))))),
    ether(B, A, 0x0800, ipv4({ src: '192.0.2.1', dst: '192.0.2.2', proto: 132, flags: 1 }, sctp(P, Q, 3, data(3, 7, 0, 0, 0, text('fragmented'))))),
    ether(B, A, 0x0800, ipv4({ src: '192.0.2.1', dst: '192.0.2.2', proto: 132, flags: 0, frag: 4 }, text('the rest of the datagram'))),
    // Lengths that lie: a chunk length under 4, 0, DATA/INIT/SACK too short for their fields, a DATA
    // chunk with no user data, a SACK whose counts run past the chunk or whose length is not a
    // multiple of 4, a chunk longer than the packet, chunk bytes after the last whole chunk.
    v4(sctp(P, Q, 1, chunk(1, 0, new Uint8Array(0), 2))),
    v4(sctp(P, Q, 1, chunk(4, 0, hbInfo), chunk(7, 0, be32(1), 0))),
    v4(sctp(P, Q, 1, chunk(0, 3, new Uint8Array(8)))),
    v4(sctp(P, Q, 1, chunk(1, 0, new Uint8Array(12)))),
    v4(sctp(P, Q, 1, chunk(3, 0, new Uint8Array(8)))),
    v4(sctp(P, Q, 1, data(3, 9, 0, 0, 0, new Uint8Array(0)))),
    v4(sctp(P, Q, 1, sack(100, 1, [[1, 2]], [5], [3, 4]))),
    v4(sctp(P, Q, 1, chunk(3, 0, concat(be32(1), be32(2), be16(1), be16(1), be16(1), be16(2), bytes(0xaa, 0xbb)), 22))),
    v4(sctp(P, Q, 1, chunk(6, 0, new Uint8Array(4), 200))),
    v4(sctp(P, Q, 1, chunk(11, 0, new Uint8Array(0)), bytes(0x0b, 0))),
    v4(sctp(P, Q, 1, chunk(11, 0, new Uint8Array(0))), 20 + 10),
    v6(sctp(P, Q, 1, chunk(11, 0, new Uint8Array(0))), 6),
    v4(sctp(P, Q, 1, chunk(4, 0, hbInfo), data(3, 2, 0, 0, 0, text('x')))), // (whole; cut by the tests)
  ];
}

if (process.argv[1]?.endsWith('sctp-frames.js') && process.argv[2]) {
  writeFileSync(process.argv[2], pcap(1, sctpFrames().map((frame) => ({ frame }))));
}

const m3uaParam = (tag: number, value: Uint8Array, length?: number): Uint8Array => {
  const n = 4 + value.length, pad = (4 - (n & 3)) & 3;
  return concat(be16(tag), be16(length ?? n), value, new Uint8Array(pad));
};
/** An M3UA message (RFC 4666): version, class, type, length; `length` overrides the length field. */
export function m3ua(cls: number, type: number, params: Uint8Array, h: { version?: number; length?: number } = {}): Uint8Array {
  return concat(bytes(h.version ?? 1, 0, cls, type), be32(h.length ?? 8 + params.length), params);
}

/** M3UA messages in DATA chunks of PPID 3 (ports 2905), one class and parameter kind after another. */
export function m3uaFrames(): Uint8Array[] {
  const P = 2905, Q = 2906;
  const w = (v: number): Uint8Array => be32(v);
  const msgs = [
    m3ua(3, 1, m3uaParam(0x11, w(7))),
    m3ua(3, 3, m3uaParam(0x09, text('beat!'))),
    m3ua(3, 6, new Uint8Array(0)),
    m3ua(4, 1, concat(m3uaParam(0x0b, w(2)), m3uaParam(0x06, w(0x10)))),
    m3ua(4, 3, m3uaParam(0x06, w(0xdeadbeef))),
    m3ua(1, 1, concat(m3uaParam(0x200, w(3)), m3uaParam(0x06, w(1)), m3uaParam(0x210, text('MTP3 user data..abc')), m3uaParam(0x13, w(99)))),
    m3ua(0, 0, concat(m3uaParam(0x0c, w(1)), m3uaParam(0x07, text('diag')))),
    m3ua(0, 1, m3uaParam(0x0d, concat(be16(1), be16(3)))),
    m3ua(2, 1, m3uaParam(0x12, w(0x123))),
    m3ua(2, 6, m3uaParam(0x04, text('info string'))),
    m3ua(2, 9, new Uint8Array(0)),
    m3ua(9, 1, m3uaParam(0x207, concat(m3uaParam(0x20a, w(1)), m3uaParam(0x20b, w(5))))),
    m3ua(9, 4, m3uaParam(0x209, w(0))),
    m3ua(7, 1, m3uaParam(0x1234, w(0))),
    m3ua(2, 1, new Uint8Array(0), { version: 2 }),
    m3ua(3, 1, m3uaParam(0x11, w(7)), { length: 40 }),
    m3ua(4, 1, m3uaParam(0x06, bytes(1, 2))),
    m3ua(4, 1, m3uaParam(0x06, w(1), 2)),
    m3ua(4, 1, concat(m3uaParam(0x06, w(1)), bytes(0, 6))),
    bytes(1, 0, 3, 1, 0, 0),
  ];
  return [
    ...msgs.map((m) => v4(sctp(P, Q, 0x77, data(3, 1, 0, 0, 3, m)))),
    v6(sctp(P, Q, 0x77, data(3, 1, 0, 0, 3, msgs[5]!), data(3, 2, 0, 1, 3, msgs[3]!))),
    // PPID 3 to a ForCES port: ForCES's printer has it.
    v4(sctp(P, 6704, 0x77, data(3, 1, 0, 0, 3, msgs[0]!))),
  ];
}
