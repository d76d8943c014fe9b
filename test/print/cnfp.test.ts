// Cisco NetFlow under -T cnfp: v1, v5 and v6 exports, a zero count, a real 48-byte v5 record (tcpdump
// wants 52), unknown versions, cut headers (test/pcaps/cnfp/make-netflow.py builds the capture).
// Golden: bin/vcap must print the text Debian's tcpdump 4.99.3 printed for them (committed .out files),
// whole and cut by a 140-byte snaplen, at -v levels 0 to 2. Oracle: every cut of every frame
// against the installed tcpdump.
import test from 'ava';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Oracle, withCuts } from '../helpers/oracle.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const vcap = join(root, 'bin', 'vcap');
const dir = join(root, 'test', 'pcaps', 'cnfp');

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(vcap, args, { cwd: dir, env: { ...process.env, TZ: 'GMT0' }, encoding: 'latin1', maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

for (const name of ['netflow', 'netflow-cut']) {
  for (const v of ['', '-v', '-vv']) {
    test(`golden: ${name}.pcap -T cnfp ${v}`, async (t) => {
      const r = await run(['-n', '-T', 'cnfp', '-r', `${name}.pcap`, ...(v ? [v] : [])]);
      t.is(r.code, 0, r.stderr);
      t.is(r.stdout, readFileSync(join(dir, `${name}${v}.out`), 'latin1'));
    });
  }
}

/** The frames of a little-endian microsecond pcap file. */
function frames(file: string): Uint8Array[] {
  const b = readFileSync(file);
  const out: Uint8Array[] = [];
  for (let o = 24; o + 16 <= b.length; ) {
    const incl = b.readUInt32LE(o + 8);
    out.push(new Uint8Array(b.subarray(o + 16, o + 16 + incl)));
    o += 16 + incl;
  }
  return out;
}

const oracle = new Oracle();
test.after.always(() => oracle.cleanup());

test('oracle: every cut of every NetFlow frame, as tcpdump prints it', (t) => {
  const fs = frames(join(dir, 'netflow.pcap'));
  t.is(fs.length, 10);
  const longest = Math.max(...fs.map((f) => f.length));
  oracle.compare(t, 1, withCuts(fs, [...Array(longest).keys()].slice(14)), [['-T', 'cnfp'], ['-T', 'cnfp', '-v']]);
});
