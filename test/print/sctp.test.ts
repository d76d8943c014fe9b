// SCTP as tcpdump 4.99.3's print-sctp.c prints it: every chunk type, bundles, IPv4 and IPv6, lengths that
// lie (test/helpers/sctp-frames.ts builds them). Golden: bin/vcap prints the committed text Debian's tcpdump
// printed for test/pcaps/sctp/ at -v levels 0 to 2, whole and cut to 60 bytes. Oracle: every cut of every
// frame against the installed tcpdump, with -v, -vv, -vv -x (the payload dump suppressed) and -q; and M3UA,
// which tcpdump prints from DATA chunks of payload protocol 3 with -vv.
import test from 'ava';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Oracle, withCuts } from '../helpers/oracle.js';
import { m3uaFrames, sctpFrames } from '../helpers/sctp-frames.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const vcap = join(root, 'bin', 'vcap');
const dir = join(root, 'test', 'pcaps', 'sctp');

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(vcap, args, { cwd: dir, env: { ...process.env, TZ: 'GMT0' }, encoding: 'latin1', maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

for (const name of ['sctp', 'sctp-cut']) {
  for (const v of ['', '-v', '-vv']) {
    test(`golden: ${name}.pcap ${v}`, async (t) => {
      const r = await run(['-n', '-r', `${name}.pcap`, ...(v ? [v] : [])]);
      t.is(r.code, 0, r.stderr);
      t.is(r.stdout, readFileSync(join(dir, `${name}${v}.out`), 'latin1'));
    });
  }
}

test('the committed capture is what the builder makes', (t) => {
  const b = readFileSync(join(dir, 'sctp.pcap'));
  const frames: Buffer[] = [];
  for (let o = 24; o + 16 <= b.length; o += 16 + b.readUInt32LE(o + 8)) frames.push(b.subarray(o + 16, o + 16 + b.readUInt32LE(o + 8)));
  t.deepEqual(frames.map((f) => f.toString('hex')), sctpFrames().map((f) => Buffer.from(f).toString('hex')));
});

const oracle = new Oracle();
test.after.always(() => oracle.cleanup());

test('oracle: every cut of every SCTP frame, as tcpdump prints it', (t) => {
  const fs = sctpFrames();
  const longest = Math.max(...fs.map((f) => f.length));
  oracle.compare(t, 1, withCuts(fs, [...Array(longest).keys()].slice(14)), [[], ['-v'], ['-vv'], ['-vv', '-x'], ['-q']]);
});

test('oracle: M3UA in DATA chunks of PPID 3 (printed with -vv), whole and at every cut, as tcpdump prints it', (t) => {
  const fs = m3uaFrames();
  const longest = Math.max(...fs.map((f) => f.length));
  oracle.compare(t, 1, withCuts(fs, [...Array(longest).keys()].slice(46)), [['-v'], ['-vv'], ['-vvv'], ['-vv', '-x'], ['-vv', '-q']]);
});
