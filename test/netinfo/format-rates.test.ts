// How vcap stats writes rates: SI prefixes with four significant digits, columns that stay put.
import test from 'ava';
import { bitsText, countText, formatRateRows } from '../../src/netinfo/format-rates.js';
import type { RateSample } from '../../src/netinfo/rates.js';

test('bits and counts with SI prefixes', (t) => {
  t.deepEqual([0, 584, 999, 999.5, 18_840, 169_000_000, 9_815_000_000, 45.8e9].map(bitsText),
    ['0 bit/s', '584 bit/s', '999 bit/s', '1.000 kbit/s', '18.84 kbit/s', '169.0 Mbit/s', '9.815 Gbit/s', '45.80 Gbit/s']);
  t.deepEqual([0, 12, 812_345, 1_200_000].map(countText), ['0', '12', '812.3k', '1.200M']);
});

const sample = (name: string, rxBps: number, drops: number): RateSample => ({
  time: '2026-01-01T00:00:01.000Z', interface: name, name, netns: null, index: 2, seconds: 1,
  rx: { packets: 0, bytes: rxBps / 8, pps: rxBps / 12000, bps: rxBps, dropped: drops, errors: 0 },
  tx: { packets: 0, bytes: 0, pps: 0, bps: 0, dropped: 0, errors: 0 },
});

test('rows: names left, numbers right, the same widths for small and large values', (t) => {
  t.is(formatRateRows([sample('veth0@vb', 9.815e9, 3), sample('lo', 0, 0)], true, { head: 'TIME', cell: () => '00:00:01.000' }),
    'TIME          INTERFACE  RX pkt/s       RX bit/s  TX pkt/s       TX bit/s  RX drop  TX drop   RX err   TX err\n' +
    '00:00:01.000  veth0@vb     817.9k   9.815 Gbit/s         0        0 bit/s        3        0        0        0\n' +
    '00:00:01.000  lo                0        0 bit/s         0        0 bit/s        0        0        0        0\n');
});
