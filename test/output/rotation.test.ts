// -C/-G/-W file names and cuts, without a capture: strftime against the C library's own (Python's
// time.strftime calls glibc's), tcpdump's MakeFilename numbering, and the order in which a
// RotatingWriter closes, names and stops, on a clock the test moves.
import test from 'ava';
import { spawnSync } from 'node:child_process';
import { RotatingWriter, countDigits, makeFilename, periodStart } from '../../src/output/rotation.js';
import type { FrameSink } from '../../src/output/rotation.js';
import { strftime } from '../../src/output/strftime.js';

const ZONES = ['UTC0', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/St_Johns'];
// Around DST changes (Berlin 2024-03-31 01:00 UTC, New York 2024-11-03 06:00 UTC), year ends whose
// ISO week belongs to the other year, a leap day, the epoch, the 2038 boundary, noon and midnight.
const EPOCHS = [0, 951782400, 1703980800, 1704067199, 1704067200, 1709164800, 1711846799, 1711846800, 1711850400,
  1730613599, 1730613600, 1735603200, 1735689600, 1735732800, 2147483647, 2147483648, 1893456000];
const FORMATS = [
  'cap-%Y%m%d-%H%M%S.pcap', '%a %A %b %B %h %c', '%C %d %D %e %F', '%G %g %V %j %U %W %u %w', '%H %I %k %l %p %P %M %S',
  '%r %R %T %X %x %y %Y', '%s %z %Z %%', '%t%n', 'no conversion', '%Q %',
  // The GNU flags, field widths and the E/O modifiers, where glibc's rules are least obvious.
  '%-d %-H %_m %0e %^a %^B %#Z %#a %#b %#p %#^p %^#Z %^P', '%5d %10Y %-5H %_3S %1d %-0d %_05H %0_5H %_-5H',
  '%5s %05s %-10s %5e %05e %-5e %12F %012F %30c %^c %#c', '%12z %3z %-z %_z %08z %5Z %#5Z %05a %05% %3n',
  '%Ey %OH %Od %EY %Ec %Ea %Oa %Ob %OY %Ox %E% %EQ %5q %^q %+5Y %i',
];

test('strftime gives the names glibc\'s strftime gives, in the C locale, over zones, DST changes and year ends', (t) => {
  const saved = process.env['TZ'];
  t.teardown(() => { if (saved === undefined) delete process.env['TZ']; else process.env['TZ'] = saved; });
  const script = `import sys, time, json
out = []
for e in json.loads(sys.argv[2]):
    out.append([time.strftime(f, time.localtime(e)) for f in json.loads(sys.argv[1])])
print(json.dumps(out))`;
  let compared = 0;
  for (const zone of ZONES) {
    const py = spawnSync('python3', ['-c', script, JSON.stringify(FORMATS), JSON.stringify(EPOCHS)], { env: { TZ: zone, LC_ALL: 'C' }, encoding: 'utf8' });
    t.is(py.status, 0, py.stderr);
    const want = JSON.parse(py.stdout) as string[][];
    process.env['TZ'] = zone;
    EPOCHS.forEach((e, i) => FORMATS.forEach((f, j) => {
      t.is(strftime(f, e), want[i]![j], `TZ=${zone} ${e} '${f}'`);
      compared++;
    }));
  }
  t.is(compared, ZONES.length * EPOCHS.length * FORMATS.length);
});

test('file numbers as tcpdump\'s MakeFilename: digits for W - 1, none without -W, the bare name for file 0 without them', (t) => {
  t.deepEqual([1, 2, 10, 11, 100, 101, 1000].map(countDigits), [0, 1, 1, 2, 2, 3, 3]);
  t.is(makeFilename('cap', 0, false, 0, 0), 'cap');
  t.is(makeFilename('cap', 0, false, 7, 0), 'cap7');
  t.is(makeFilename('cap', 0, false, 0, 1), 'cap0');
  t.is(makeFilename('cap', 0, false, 3, 3), 'cap003');
  t.is(makeFilename('cap', 0, false, 0, countDigits(1)), 'cap');
  t.is(makeFilename('cap-%H%M', 0, false, 2, 2), 'cap-%H%M02', 'no strftime without -G');
});

/** A file that records what was written to it; its size is what the test says. */
class FakeFile implements FrameSink {
  size = 24;
  frames: number[] = [];
  closed = false;
  constructor(readonly path: string) {}
  useInterface(): void {}
  writePacket(_b: Uint8Array, _o: number, capLen: number, _l: number, sec: number): void { this.frames.push(sec); this.size += 16 + capLen; }
  flush(): void {}
  close(): void { this.closed = true; }
}

function rotating(template: string, o: { fileSize?: number; seconds?: number; fileCount?: number }, clock: { now: number }): { w: RotatingWriter; files: FakeFile[] } {
  const files: FakeFile[] = [];
  const w = new RotatingWriter(template, { fileSize: o.fileSize ?? 0, seconds: o.seconds ?? 0, fileCount: o.fileCount ?? 0 },
    (path) => { const f = new FakeFile(path); files.push(f); return f; }, () => clock.now, undefined, clock.now);
  return { w, files };
}

const frame = new Uint8Array(1000);

test('-C: a new file once the current one is past the limit, before the next frame; -W wraps the numbers', (t) => {
  const clock = { now: 1709294400 };
  const { w, files } = rotating('cap', { fileSize: 2500, fileCount: 3 }, clock);
  for (let i = 0; i < 10; i++) w.writePacket(frame, 0, 1000, 1000, i, 0, 0, 0);
  w.close();
  // 24 + 3 × 1016 = 3072 > 2500 after the third frame: three frames a file.
  t.deepEqual(files.map((f) => `${f.path}:${f.frames.join(',')}`), ['cap0:0,1,2', 'cap1:3,4,5', 'cap2:6,7,8', 'cap0:9']);
  t.true(files.every((f) => f.closed));
  t.deepEqual(w.opened, ['cap0', 'cap1', 'cap2', 'cap0']);
});

test('-G: periods on the local clock\'s multiples of G, named at their start; -G -W stops after W files; -G -C numbers within a period', (t) => {
  const saved = process.env['TZ'];
  t.teardown(() => { if (saved === undefined) delete process.env['TZ']; else process.env['TZ'] = saved; });
  process.env['TZ'] = 'Asia/Kolkata';
  // 2024-03-01 10:17:30 local (+05:30): the hour in Kolkata starts at :30 UTC.
  const start = Date.UTC(2024, 2, 1, 4, 47, 30) / 1000;
  t.is(periodStart(start, 3600), Date.UTC(2024, 2, 1, 4, 30) / 1000);
  t.is(periodStart(start, 86400), Date.UTC(2024, 1, 29, 18, 30) / 1000, 'local midnight');
  const clock = { now: start };
  const { w, files } = rotating('cap-%H%M%S', { seconds: 3600, fileCount: 3 }, clock);
  const at = (s: number): void => { clock.now = start + s; w.writePacket(frame, 0, 100, 100, s, 0, 0, 0); };
  at(0); at(1000);
  at(2550);            // 11:00:00 local: the second file, named at the period's start
  at(9000);            // 12:47:30: an hour with no packet is skipped; the third file
  at(9100);
  t.false(w.limitReached);
  at(9900);            // 13:00:30: the third close is the last (tcpdump's Gflag_count >= W)
  t.true(w.limitReached);
  at(9950);
  w.close();
  // The first file is named at the start (tcpdump: the time it read its options), the next ones at their period's start.
  t.deepEqual(files.map((f) => `${f.path}:${f.frames.join(',')}`), ['cap-101730:0,1000', 'cap-110000:2550', 'cap-120000:9000,9100']);
  t.true(files.every((f) => f.closed));
  // -G with -C: numbered within each period, from 0 again in the next (tcpdump's Cflag_count = 0).
  process.env['TZ'] = 'UTC0';
  const c = { now: 1709294400 };
  const r = rotating('c-%H%M', { seconds: 60, fileSize: 1500, fileCount: 10 }, c);
  for (const s of [0, 1, 2, 61, 62, 63]) { c.now = 1709294400 + s; r.w.writePacket(frame, 0, 1000, 1000, s, 0, 0, 0); }
  r.w.close();
  t.deepEqual(r.files.map((f) => `${f.path}:${f.frames.join(',')}`), ['c-12000:0,1', 'c-12001:2', 'c-12010:61,62', 'c-12011:63']);
});
