// LWAPP (src/output/text/lwapp.ts) against the installed tcpdump 4.99.3: control packets to port
// 12223 (with the AP identity first) and from it, data packets on port 12222, every message type
// (and unknown ones), every version, radio id and flag, lengths that lie (a message past the end
// of the PDU, a data length below the header's), LWAPP to VXLAN's port (print-udp.c tests LWAPP
// first) — whole and cut at many lengths, with no flag, -v, -vv, -e, -x, -X and -q.
import test from 'ava';
import { be16, be32, bytes, concat, ether, ipv4, ipv6, mac, udp } from '../helpers/frames.js';
import { Oracle, withCuts } from '../helpers/oracle.js';

const oracle = new Oracle();
test.after.always(() => oracle.cleanup());

/** The 6-byte transport header: version, radio id and C/F/L flags in the first byte. */
const transport = (version: number, rid: number, flags: number, fragId: number, length: number, status = 0x1234): Uint8Array =>
  concat(bytes((version << 6) | (rid << 3) | flags, fragId), be16(length), be16(status));
/** A control message: type, sequence number, element length, session id, then `len` element bytes. */
const message = (type: number, seq: number, len: number, session = 0xdeadbeef, lenField = len): Uint8Array =>
  concat(bytes(type, seq), be16(lenField), be32(session), Uint8Array.from({ length: len }, (_, i) => i + 1));
const AP = mac('00:1a:2b:3c:4d:5e');

const frame4 = (sport: number, dport: number, payload: Uint8Array): Uint8Array =>
  ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ipv4({ src: '10.1.0.5', dst: '10.2.0.9', proto: 17 }, udp(sport, dport, payload)));
const frame6 = (sport: number, dport: number, payload: Uint8Array): Uint8Array =>
  ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x86dd, ipv6({ src: '2001:db8::5', dst: '2001:db8::9', nh: 17 }, udp(sport, dport, payload)));

/** Control packets of every message type, to port 12223 (AP identity first) and from it. */
function control(): Uint8Array[] {
  const frames: Uint8Array[] = [];
  const types = [...Array.from({ length: 41 }, (_, i) => i), 99, 255];
  for (let i = 0; i < types.length; i += 3) {
    const msgs = concat(message(types[i]!, i, 4), message(types[i + 1] ?? 1, i + 1, 0), message(types[i + 2] ?? 2, 200, 10, 0x0102));
    const t = transport(0, i & 7, 4 | (i & 3), i, msgs.length);
    frames.push(frame4(40000, 12223, concat(AP, t, msgs)));
    frames.push(frame4(12223, 40000, concat(t, msgs)));
  }
  return frames;
}

/** Versions, flags, lying lengths, data packets, IPv6, VXLAN's port. */
function others(): Uint8Array[] {
  const frames: Uint8Array[] = [];
  const msg = message(22, 7, 6);
  for (const version of [0, 1, 2, 3]) {
    for (const flags of [0, 1, 2, 3, 4, 5, 6, 7]) {
      frames.push(frame4(40000, 12223, concat(AP, transport(version, 5, flags, 9, msg.length), msg)));
      frames.push(frame4(12222, 40001, concat(transport(version, 3, flags, 2, 20), Uint8Array.from({ length: 14 }, (_, i) => 0xa0 + i))));
    }
  }
  // A message past the end of the PDU: a transport length below a message header, below its elements.
  for (const tlen of [0, 3, 8, 13, 14, 15, 40]) {
    frames.push(frame4(40000, 12223, concat(AP, transport(0, 1, 4, 1, tlen), msg, message(1, 2, 0))));
    frames.push(frame4(12223, 40000, concat(transport(0, 1, 4, 1, tlen), msg)));
  }
  // An element length that goes past what was sent.
  frames.push(frame4(12223, 40000, concat(transport(0, 1, 4, 1, 300), message(3, 1, 4, 1, 200))));
  // Data: lengths below the transport header's, a payload shorter than the length says, both ports.
  for (const tlen of [0, 5, 6, 7, 26, 100]) frames.push(frame4(40000, 12222, concat(transport(0, 2, 0, 4, tlen), Uint8Array.from({ length: 20 }, (_, i) => i))));
  frames.push(frame4(12222, 12222, concat(transport(0, 2, 0, 4, 10), bytes(1, 2, 3, 4))));
  // Both ports LWAPP: print-udp.c's order decides (to 12223, from 12223, then 12222).
  frames.push(frame4(12223, 12222, concat(transport(0, 1, 4, 1, msg.length), msg)));
  frames.push(frame4(12222, 12223, concat(AP, transport(0, 1, 4, 1, msg.length), msg)));
  frames.push(frame4(12223, 12223, concat(AP, transport(0, 1, 4, 1, msg.length), msg)));
  // To VXLAN's port (tested after LWAPP's), and short packets.
  frames.push(frame4(12223, 4789, concat(transport(2, 1, 4, 1, msg.length), msg)));
  frames.push(frame4(12223, 4789, concat(transport(0, 1, 4, 1, msg.length), msg)));
  frames.push(frame4(40000, 12223, AP.subarray(0, 4)));
  frames.push(frame4(40000, 12223, concat(AP, bytes(0, 1, 0))));
  frames.push(frame4(12222, 40000, bytes(0, 1, 0, 0, 0)));
  frames.push(frame4(12223, 40000, bytes()));
  frames.push(frame6(40000, 12223, concat(AP, transport(0, 1, 4, 1, msg.length), msg)));
  frames.push(frame6(12222, 40000, concat(transport(0, 1, 0, 1, 12), bytes(9, 8, 7, 6, 5, 4))));
  return frames;
}

const FLAGS = [[], ['-v'], ['-vv'], ['-e'], ['-x'], ['-v', '-X'], ['-q']];

test('LWAPP: control messages of every type to and from port 12223, whole and cut, no flag, -v, -vv, -e, -x, -X, -q', (t) => {
  const frames = control();
  oracle.compare(t, 1, withCuts(frames, [42, 44, 46, 48, 50, 52, 54, 56, 58, 60, 62, 64, 66, 70, 74, 80, 90]), FLAGS);
});

test('LWAPP: versions, flags, lengths that lie, data packets, both ports LWAPP, VXLAN\'s port, IPv6, cut at many lengths', (t) => {
  oracle.compare(t, 1, withCuts(others(), [42, 43, 45, 47, 48, 49, 51, 54, 56, 58, 60, 62, 64, 66, 68, 70, 75, 80]), FLAGS);
});
