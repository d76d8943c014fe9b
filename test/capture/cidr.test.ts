// --addr parsing: what the kernel gets through SIOCSIFADDR, and the one-line errors for the rest.
import test from 'ava';
import { parseCidr } from '../../src/capture/tun.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

test('IPv4 and IPv6 addresses with prefix lengths', (t) => {
  const v4 = parseCidr('172.21.22.23/24');
  t.deepEqual([v4.family, hex(v4.bytes), v4.prefix], [4, 'ac151617', 24]);
  const v6 = parseCidr('fd00:1::1/64');
  t.deepEqual([v6.family, hex(v6.bytes), v6.prefix], [6, 'fd000001000000000000000000000001', 64]);
  t.is(hex(parseCidr('::/0').bytes), '0'.repeat(32));
  t.is(hex(parseCidr('::ffff:1.2.3.4/128').bytes), '00000000000000000000ffff01020304');
  t.is(hex(parseCidr('1:2:3:4:5:6:7:8/128').bytes), '00010002000300040005000600070008');
  t.deepEqual([parseCidr('10.0.0.1').prefix, parseCidr('fe80::1').prefix], [32, 128]);
});

test('anything else is one clear error', (t) => {
  for (const bad of ['172.21.22.23/33', 'fd00::1/129', '172.21.22/24', 'tun0', '10.0.0.1/', '10.0.0.1/2x', '']) {
    t.throws(() => parseCidr(bad), { message: `invalid address '${bad}': expected ADDRESS/PREFIX, like 172.21.22.23/24` }, bad);
  }
});
