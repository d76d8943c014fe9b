// PPTP control messages (RFC 2637) on TCP port 1723, for the decoder's and the printer's tests:
// every control message type with ordinary values, then the same with odd ones (reserved fields
// set, codes without names, text with control and high bytes, lengths over 64), unknown types, a
// wrong magic cookie, other message types, and messages shorter than their layout.
import { be16, be32, bytes, concat, ether, ipv4, tcp } from './frames.js';

/** A 64-byte (or `n`-byte) null-padded text field. */
export function field(s: string | Uint8Array, n = 64): Uint8Array {
  const out = new Uint8Array(n);
  out.set(typeof s === 'string' ? Buffer.from(s, 'latin1') : s);
  return out;
}

/** The header (the stated length the message's own unless given) and the body. */
export function pptp(type: number, body: Uint8Array, o: { cookie?: number; messageType?: number; reserved?: number; length?: number } = {}): Uint8Array {
  return concat(be16(o.length ?? 12 + body.length), be16(o.messageType ?? 1), be32(o.cookie ?? 0x1a2b3c4d), be16(type), be16(o.reserved ?? 0), body);
}

/** A TCP segment to or from port 1723 carrying `payload`, in Ethernet and IPv4. */
export function pptpSegment(payload: Uint8Array, toServer = true): Uint8Array {
  const [sport, dport] = toServer ? [40000, 1723] : [1723, 40000];
  return ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ipv4({ src: '10.0.0.1', dst: '10.0.0.2', proto: 6 }, tcp({ sport, dport, flags: 0x18 }, payload)));
}

const u8 = (v: number): Uint8Array => bytes(v);

/** Each control message type's body, by type (1–15); `odd` for the second set of values. */
export function bodies(odd: boolean): Map<number, Uint8Array> {
  const r = odd ? 5 : 0;
  const name = (s: string): Uint8Array => field(odd ? `${s}\x01\x7f\xe9` : s);
  return new Map([
    [1, concat(be16(odd ? 0x0218 : 0x0100), be16(r), be32(odd ? 0 : 3), be32(odd ? 2 : 3), be16(65535), be16(1), name('host-a'), name('vendor-x'))],
    [2, concat(be16(0x0100), u8(odd ? 9 : 1), u8(odd ? 7 : 0), be32(odd ? 2 : 1), be32(odd ? 1 : 2), be16(10), be16(2600), name('srv'), field(odd ? 'x'.repeat(64) : 'linux'))],
    [3, concat(u8(odd ? 9 : 2), u8(r), be16(odd ? 513 : 0))],
    [4, concat(u8(odd ? 3 : 1), u8(odd ? 6 : 0), be16(r))],
    [5, be32(odd ? 0xffffffff : 12345)],
    [6, concat(be32(12345), u8(odd ? 2 : 1), u8(odd ? 5 : 0), be16(r))],
    [7, concat(be16(7), be16(8), be32(300), be32(100000000), be32(odd ? 9 : 3), be32(odd ? 0 : 3), be16(64), be16(0), be16(odd ? 100 : 4), be16(r),
      field(odd ? '5'.repeat(64) : '5551234'), name('sub'))],
    [8, concat(be16(7), be16(9), u8(odd ? 8 : 1), u8(0), be16(3), be32(64000), be16(16), be16(0), be32(odd ? 77 : 0))],
    [9, concat(be16(7), be16(8), be32(odd ? 1 : 2), be32(3), be16(odd ? 200 : 2), be16(odd ? 0 : 5), field('1234'), field('34567'), name('sub'))],
    [10, concat(be16(7), be16(8), u8(odd ? 3 : 1), u8(0), be16(16), be16(0), be16(r))],
    [11, concat(be16(7), be16(r), be32(100000), be16(16), be16(0), be32(odd ? 2 : 1))],
    [12, concat(be16(7), be16(r))],
    [13, concat(be16(7), u8(odd ? 4 : 3), u8(0), be16(1), be16(r), field(odd ? 'stats\x00more' : 'stats here', 128))],
    [14, concat(be16(7), be16(r), be32(1), be32(2), be32(3), be32(4), be32(5), be32(6))],
    [15, concat(be16(7), be16(r), be32(0xffffffff), be32(0x0a0b0c0d))],
  ]);
}

/** The messages of the tests, each a TCP segment's payload. */
export function pptpMessages(): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const [type, body] of bodies(false)) out.push(pptp(type, body));
  for (const [type, body] of bodies(true)) out.push(pptp(type, body, { reserved: type & 1 ? 0 : 9 }));
  const sccrq = bodies(false).get(1)!;
  out.push(pptp(3, bytes(0, 0, 0, 0)), pptp(0, bytes()), pptp(16, new Uint8Array(8)), pptp(300, new Uint8Array(8)), pptp(1, sccrq, { cookie: 0xdeadbeef, messageType: 2 }),
    pptp(5, be32(1), { messageType: 9, length: 9 }), pptp(1, sccrq.subarray(0, 80)), pptp(13, bodies(false).get(13)!.subarray(0, 40)), bytes(0, 16, 0));
  return out;
}
