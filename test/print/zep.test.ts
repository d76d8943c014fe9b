// ZEP (src/output/text/zep.ts) against the installed tcpdump 4.99.3: v1 and v2 data headers in CRC and
// LQI modes, v2 ACKs, other versions and types, NTP timestamps (0, fractions tcpdump's float rounds,
// seconds past 2036 that its 32-bit arithmetic wraps) in more than one time zone; preambles other
// than "EX"; datagrams shorter than their header; the 802.15.4 frame printed with the length ZEP
// states for it: equal to, shorter than and past what follows (its FCS then unread), under 2 bytes,
// frames that do not parse (dumped from their start); either port and beside the ports print-udp.c
// tests before and after it; whole and cut at many lengths, with -v, -e, -x, -X, -q.
import test from 'ava';
import { be16, be32, bytes, concat, ether, ipv4, udp } from '../helpers/frames.js';
import { Oracle, withCuts } from '../helpers/oracle.js';
import { wpanCrc16 } from '../../src/decoders/ieee802154.js';

const oracle = new Oracle();
test.after.always(() => oracle.cleanup());

const le16 = (v: number): Uint8Array => bytes(v & 0xff, v >> 8);
/** An 802.15.4 data frame (PAN ID compression, short addresses) with a CRC-16 FCS when `fcs`. */
function wpan(fc: number, payload: string, fcs = true): Uint8Array {
  const f = concat(le16(fc), bytes(7), le16(0xabcd), le16(0xffff), le16(0x0001), Uint8Array.from(Buffer.from(payload)));
  return fcs ? concat(f, le16(wpanCrc16(f, 0, f.length))) : f;
}
const DATA = 0x8841;
/** A v2 data (or other type) header. */
const v2 = (inner: number, o: { type?: number; crc?: number; lqi?: number; secs?: number; frac?: number; seq?: number } = {}): Uint8Array =>
  concat(bytes(0x45, 0x58, 2, o.type ?? 1, 11), be16(0x1234), bytes(o.crc ?? 0, o.lqi ?? 200), be32(o.secs ?? 3900000000), be32(o.frac ?? 0x80000000),
    be32(o.seq ?? 5), new Uint8Array(10), bytes(inner));
const v1 = (inner: number, crc = 0): Uint8Array => concat(bytes(0x45, 0x58, 1, 15), be16(0xbeef), bytes(crc, 99), new Uint8Array(7), bytes(inner));

function messages(): Uint8Array[] {
  const f = wpan(DATA, 'hello'), plain = wpan(DATA, 'hello', false);
  return [
    concat(v2(f.length), f), concat(v2(plain.length), plain), concat(v2(f.length + 10), f), concat(v2(f.length - 4), f),
    concat(v2(0), f), v2(0), concat(v1(f.length), f), concat(v1(f.length, 1), f), concat(v2(f.length, { type: 7, crc: 1 }), f),
    // Timestamps: none; a fraction the float rounds up to a whole second; seconds that wrap past 2036; one past 2038.
    concat(v2(f.length, { secs: 0, frac: 12345 }), f), concat(v2(f.length, { secs: 0xffffffff, frac: 0xffffffff }), f),
    concat(v2(f.length, { secs: 1, frac: 1 }), f), concat(v2(f.length, { secs: 0x80000000, frac: 0xfffff000 }), f),
    concat(v2(f.length, { secs: 0x7fffffff, frac: 0x12345678 }), f),
    // ACKs, one with bytes after it (dumped), one shorter than its 8 bytes.
    bytes(0x45, 0x58, 2, 2, 0, 0, 0, 9), concat(bytes(0x45, 0x58, 2, 2), be32(0xdeadbeef), f), bytes(0x45, 0x58, 2, 2, 0, 0),
    // Shorter than a v2 data header, and than a v1 one; another version laid out as v2.
    v2(f.length).subarray(0, 20), v1(0).subarray(0, 12), concat(bytes(0x45, 0x58, 7), new Uint8Array(40).fill(1)),
    // Preambles other than "EX" (control bytes shown as tcpdump shows them); a lone "E"; nothing.
    bytes(0x41, 0x42, 2, 1), bytes(0x00, 0x7f, 2, 1), bytes(0x45, 0xff), bytes(0x45), bytes(),
    // Inner frames of 1, 3 bytes; a reserved frame type and a multipurpose frame (not parsed: dumped
    // from their start); a multipurpose frame past what follows.
    concat(v1(1), bytes(0x41)), concat(v1(3), bytes(0x41, 0x88, 0x07)), concat(v1(9), wpan(0x8844, 'x', false).subarray(0, 9), bytes(1, 2, 3)),
    concat(v2(12), le16(0x0025), bytes(7, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)), concat(v2(30), le16(0x0025), bytes(7, 1, 2, 3)),
  ];
}

function frames(): Uint8Array[] {
  const v4 = (sport: number, dport: number, p: Uint8Array): Uint8Array =>
    ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ipv4({ src: '10.0.0.1', dst: '10.0.0.2', proto: 17 }, udp(sport, dport, p)));
  const out = messages().map((m) => v4(17754, 17754, m));
  const m = messages()[0]!;
  // Either port; beside ports print-udp.c tests before ZEP (VXLAN-GPE's 4790, LISP's 4342) and after it (MPLS's 6635, SOME/IP's 30490).
  for (const [s, d] of [[40000, 17754], [17754, 40000], [4790, 17754], [17754, 4342], [17754, 6635], [6635, 17754], [30490, 17754]] as const) out.push(v4(s, d, m));
  return out;
}

test('ZEP: v1, v2 data and ACK headers, timestamps, bad preambles and lengths, the 802.15.4 frame at the length ZEP states, either port, whole and cut', (t) => {
  const f = frames();
  t.true(f.length > 30, `${f.length} frames`);
  // Cuts inside the UDP header, the ZEP headers, the timestamp, the 802.15.4 header, its payload and FCS.
  oracle.compare(t, 1, withCuts(f, [42, 43, 44, 46, 48, 50, 51, 55, 59, 63, 70, 73, 74, 75, 76, 78, 80, 84, 87, 88, 89]),
    [[], ['-v'], ['-e'], ['-x'], ['-v', '-X'], ['-q']]);
});

test('ZEP timestamps in local time: zones east and west of UTC, with summer time', (t) => {
  const recs = withCuts(frames().slice(9, 14), []);
  for (const tz of ['Asia/Kolkata', 'America/New_York', 'Australia/Lord_Howe']) oracle.compare(t, 1, recs, [[]], tz);
});
