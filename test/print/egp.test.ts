// EGP (IP protocol 8) against the installed tcpdump 4.99.3: every type, code and status (named and
// not), versions other than 2, messages shorter than the header, updates whose gateways and networks
// tcpdump reads by the source network's and each network's class (A, B, C, other) and which run past
// the message; whole and cut at many lengths, with -v, -vv, -x, -X, -q.
import test from 'ava';
import { be16, bytes, concat, ether, ipv4 } from '../helpers/frames.js';
import { Oracle, withCuts } from '../helpers/oracle.js';

const oracle = new Oracle();
test.after.always(() => oracle.cleanup());

const egp = (version: number, type: number, code: number, status: number, w1: Uint8Array = be16(60), w2: Uint8Array = bytes(0, 120, 0, 0), rest: Uint8Array = bytes()): Uint8Array =>
  concat(bytes(version, type, code, status), be16(0x1234), be16(65001), be16(7), w1, w2, rest);

function frames(): Uint8Array[] {
  const v4 = (p: Uint8Array): Uint8Array => ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ipv4({ src: '10.0.0.1', dst: '10.0.0.2', proto: 8 }, p));
  const out: Uint8Array[] = [];
  for (const code of [0, 1, 2, 3, 4, 5]) for (const status of [0, 1, 2, 3, 7, 8]) out.push(v4(egp(2, 3, code, status)));
  for (const code of [0, 1, 2]) for (const status of [0, 2, 3]) out.push(v4(egp(2, 5, code, status)));
  for (const status of [0, 2, 3]) out.push(v4(egp(2, 2, 0, status, be16(0), bytes(10, 1, 2, 0))));
  for (const reason of [0, 6, 7]) out.push(v4(egp(2, 8, 0, 1, be16(reason))));
  out.push(v4(egp(2, 9, 0, 0)), v4(egp(3, 3, 0, 0)), v4(egp(0, 1, 0, 0)), v4(egp(2, 3, 0, 0).subarray(0, 12)));
  // Updates: source networks whose last byte is each class's; gateways and networks of each class; lists that run out.
  const list = bytes(5, 2, 3, 2, 20, 3, 7, 128, 9, 192, 168, 5, 30, 1, 1);
  for (const [status, src, gws, rest] of [
    [1, bytes(10, 0, 0, 0), bytes(1, 1), concat(list, bytes(6, 7, 8, 1, 9, 1, 10))], [0x81, bytes(150, 1, 0, 0), bytes(1, 0), list],
    [0x85, bytes(200, 1, 2, 0), bytes(0, 1), list], [2, bytes(10, 0, 0, 129), bytes(1, 0), list], [1, bytes(10, 0, 0, 200), bytes(1, 0), list],
    [1, bytes(10, 0, 0, 240), bytes(1, 0), list], [1, bytes(10, 0, 0, 0), bytes(2, 0), bytes(5, 2, 3, 1)],
  ] as const) out.push(v4(egp(2, 1, 0, status, gws, src, rest)));
  return out;
}

test('EGP: every type, code and status, other versions, short messages, updates of each class, whole and cut', (t) => {
  oracle.compare(t, 1, withCuts(frames(), [34, 36, 40, 44, 48, 50, 52, 54, 56, 58, 60, 62, 64]), [[], ['-v'], ['-vv'], ['-x'], ['-v', '-X'], ['-q']]);
});
