// IPComp (IP protocol 108) and minimal encapsulation within IP (55, tcpdump's "mobile") against the
// installed tcpdump 4.99.3: over IPv4 and IPv6; the S bit clear and set; good and bad header
// checksums; headers shorter than tcpdump's 12-byte test; whole and cut, with -v, -vv, -x, -X.
import test from 'ava';
import { be16, bytes, checksum, concat, ether, ip4, ipv4, ipv6 } from '../helpers/frames.js';
import { Oracle, withCuts } from '../helpers/oracle.js';

const oracle = new Oracle();
test.after.always(() => oracle.cleanup());

/** A minimal forwarding header, its checksum right unless `bad`. */
function mobile(proto: number, dst: string, src?: string, bad = false): Uint8Array {
  const h = concat(bytes(proto, src !== undefined ? 0x80 : 0), be16(0), ip4(dst), src !== undefined ? ip4(src) : new Uint8Array(0));
  h.set(be16(bad ? 0x1234 : checksum(h)), 2);
  return h;
}

function frames(): Uint8Array[] {
  const v4 = (proto: number, p: Uint8Array): Uint8Array => ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ipv4({ src: '10.0.0.1', dst: '10.0.0.2', proto }, p));
  const v6 = (nh: number, p: Uint8Array): Uint8Array => ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x86dd, ipv6({ src: '2001:db8::1', dst: '2001:db8::2', nh }, p));
  const data = Uint8Array.from(Buffer.from('payload bytes'));
  return [
    v4(108, concat(bytes(6, 0, 0x13, 0x89), data)), v4(108, bytes(4, 1, 0xff, 0xff)), v4(108, bytes(6, 0, 0x13)), v4(108, new Uint8Array(0)),
    v6(108, concat(bytes(17, 0, 0, 0x19), data)),
    v4(55, concat(mobile(6, '192.168.1.1'), data)), v4(55, concat(mobile(17, '192.168.1.1', '10.9.9.9'), data)),
    v4(55, concat(mobile(6, '192.168.1.1', undefined, true), data)), v4(55, concat(mobile(1, '192.168.1.1', '10.9.9.9', true), data)),
    // Exactly 8 bytes (S clear), 10 bytes, 12 with S set: tcpdump wants 12 captured either way.
    v4(55, mobile(6, '192.168.1.1')), v4(55, mobile(6, '192.168.1.1').subarray(0, 6)), v4(55, mobile(6, '192.168.1.1', '10.9.9.9')),
    v6(55, concat(mobile(6, '1.2.3.4'), data)),
  ];
}

test('IPComp and minimal encapsulation (mobile): over IPv4 and IPv6, S bit, checksums, short headers, whole and cut', (t) => {
  oracle.compare(t, 1, withCuts(frames(), [34, 35, 36, 37, 38, 40, 42, 44, 46, 54, 56, 58, 60]), [[], ['-v'], ['-vv'], ['-x'], ['-v', '-X'], ['-q']]);
});
