// Timestamps out of range, as damaged and fuzzed pcap files have them: a fraction field of a million
// µs (or a billion ns) or more, a second count with bit 31 set, a first packet stamped 0.0. tcpdump
// prints them through C casts (`05:27:12.808464432`, `[Error converting time]`); vcap must print
// the same bytes in every -t form, at µs and ns precision, in UTC and in a zone with summer time (tzdata),
// and -w must write the fields back as tcpdump does.
import test from 'ava';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { vcapBin } from '../helpers/netns.js';
import { tempDir } from '../pcap/helpers.js';

const frame = Buffer.concat([Buffer.from('ffffffffffff0200000000010806', 'hex'), Buffer.from('0001080006040001020000000001c0a80001000000000000c0a80002', 'hex')]);

function pcap(nano: boolean, stamps: [number, number][]): Buffer {
  const h = Buffer.alloc(24);
  h.writeUInt32LE(nano ? 0xa1b23c4d : 0xa1b2c3d4, 0); h.writeUInt16LE(2, 4); h.writeUInt16LE(4, 6);
  h.writeUInt32LE(65535, 16); h.writeUInt32LE(1, 20);
  const recs = stamps.map(([sec, frac]) => {
    const r = Buffer.alloc(16);
    r.writeUInt32LE(sec >>> 0, 0); r.writeUInt32LE(frac >>> 0, 4); r.writeUInt32LE(frame.length, 8); r.writeUInt32LE(frame.length, 12);
    return Buffer.concat([r, frame]);
  });
  return Buffer.concat([h, ...recs]);
}

// Order matters for the deltas: backwards steps, a 0.0 stamp (tcpdump's reference stays unset), wraps.
const stamps: [number, number][] = [
  [0, 0], [1700000000, 808464432], [1700000000, 999999], [1700000001, 1000000], [1700000001, 4294967295],
  [1700000000, 2147483647], [1700000000, 2147483648], [0, 0], [5, 1], [0x7fffffff, 999999], [0x80000000, 0],
  [0xffffffff, 999999999], [1700000002, 3000000000], [1700000002, 1000000000], [1700000002, 999999999], [1, 5],
];

const flagSets = [[], ['-t'], ['-tt'], ['-ttt'], ['-tttt'], ['-ttttt'], ['-tt', '-e'], ['-#', '-tttt']];

test('out-of-range timestamps print as tcpdump prints them, every -t form, µs and ns', (t) => {
  const dir = tempDir(t);
  let compared = 0;
  for (const nano of [false, true]) {
    const file = join(dir, `stamps-${nano ? 'ns' : 'us'}.pcap`);
    writeFileSync(file, pcap(nano, stamps));
    for (const tz of ['UTC', 'Europe/Berlin']) {
      for (const flags of flagSets) {
        for (const precision of [[], ['--nano']]) {
          const args = ['-n', '-r', file, ...flags, ...precision];
          const env = { ...process.env, TZ: tz };
          const want = spawnSync('tcpdump', args, { env, encoding: 'latin1' });
          const got = spawnSync(vcapBin, args, { env, encoding: 'latin1' });
          t.is(got.status, 0, got.stderr);
          t.is(got.stdout, want.stdout, `TZ=${tz} vcap ${args.join(' ')}`);
          t.notRegex(got.stdout, /undefined|NaN|\[object/);
          compared++;
        }
      }
    }
  }
  t.is(compared, 2 * 2 * flagSets.length * 2);
});

test('the issue\'s example: 1,000,000 µs or more prints the field as it is', (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'usec.pcap');
  writeFileSync(file, pcap(false, [[Date.UTC(2023, 10, 14, 5, 27, 12) / 1000, 808464432]]));
  const r = spawnSync(vcapBin, ['-n', '-r', file], { env: { ...process.env, TZ: 'UTC' }, encoding: 'latin1' });
  t.is(r.stdout.slice(0, 19), '05:27:12.808464432 ');
});

test('-w writes the fields back as tcpdump -w does, at µs and ns', (t) => {
  const dir = tempDir(t);
  for (const nano of [false, true]) {
    const file = join(dir, `in-${nano}.pcap`);
    writeFileSync(file, pcap(nano, stamps));
    for (const precision of [[], ['--nano']]) {
      const want = join(dir, 'tcpdump.pcap'), got = join(dir, 'vcap.pcap');
      t.is(spawnSync('tcpdump', ['-r', file, '-w', want, ...precision]).status, 0);
      const r = spawnSync(vcapBin, ['-r', file, '-w', got, ...precision], { encoding: 'latin1' });
      t.is(r.status, 0, r.stderr);
      t.deepEqual(readFileSync(got).subarray(24), readFileSync(want).subarray(24), `nano file ${nano} ${precision.join(' ')}`);
    }
  }
});

test('pcapng: an out-of-range pcap fraction carries into the seconds, read back as tcpdump reads it', (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'in.pcap'), ng = join(dir, 'out.pcapng');
  writeFileSync(file, pcap(false, [[1700000000, 808464432], [1700000001, 4294967295]]));
  for (const precision of [[], ['--nano']]) {
    t.is(spawnSync(vcapBin, ['-r', file, '-w', ng, ...precision]).status, 0);
    const env = { ...process.env, TZ: 'UTC' };
    const want = spawnSync('tcpdump', ['-n', '-tt', '--nano', '-r', ng], { env, encoding: 'latin1' });
    t.is(want.stdout.split('\n')[0]!.slice(0, 20), '1700000808.464432000');
    t.is(want.stdout.split('\n')[1]!.slice(0, 20), '1700000000.999999000');
    t.is(spawnSync(vcapBin, ['-n', '-tt', '--nano', '-r', ng], { env, encoding: 'latin1' }).stdout, want.stdout);
  }
});
