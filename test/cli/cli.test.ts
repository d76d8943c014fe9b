// The vcap command as a user meets it: error lines and exit statuses, -c, -w then -r, stdin,
// a closed pipe, local-time timestamps, damaged files. Debian tcpdump is the oracle where one is needed.
import test from 'ava';
import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const vcap = join(root, 'bin', 'vcap');
const corpus = join(root, 'test', 'pcaps', 'tcpdump');
const tmp = mkdtempSync(join(tmpdir(), 'vcap-cli-'));
test.after.always(() => rmSync(tmp, { recursive: true, force: true }));

interface Result { code: number; stdout: string; stderr: string }

function run(args: string[], opts: { env?: Record<string, string>; input?: Buffer; cwd?: string } = {}): Promise<Result> {
  return new Promise((resolve) => {
    const child = execFile(vcap, args, { cwd: opts.cwd ?? corpus, env: { ...process.env, TZ: 'GMT0', ...opts.env }, encoding: 'latin1', maxBuffer: 256 << 20 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }));
    if (opts.input) child.stdin!.end(opts.input); else child.stdin!.end();
  });
}

function tcpdump(args: string[], env: Record<string, string> = {}): { code: number; stdout: string } {
  const r = spawnSync('tcpdump', args, { cwd: corpus, env: { ...process.env, TZ: 'GMT0', ...env }, encoding: 'latin1', maxBuffer: 256 << 20 });
  return { code: r.status ?? 1, stdout: r.stdout };
}

/** A classic pcap with `n` UDP frames of 42 bytes, one per millisecond from `start` (UTC seconds). */
function udpPcap(n: number, start: number): Buffer {
  const frame = Buffer.from('ffffffffffff02000000000108004500001c000100004011000ac0000201c0000202a4100fa100080000', 'hex');
  const b = Buffer.alloc(24 + n * (16 + frame.length));
  b.writeUInt32LE(0xa1b2c3d4, 0); b.writeUInt16LE(2, 4); b.writeUInt16LE(4, 6); b.writeUInt32LE(65535, 16); b.writeUInt32LE(1, 20);
  let o = 24;
  for (let i = 0; i < n; i++) {
    b.writeUInt32LE(start + Math.floor(i / 1000), o); b.writeUInt32LE((i % 1000) * 1000, o + 4);
    b.writeUInt32LE(frame.length, o + 8); b.writeUInt32LE(frame.length, o + 12);
    frame.copy(b, o + 16); o += 16 + frame.length;
  }
  return b;
}

const oneLine = (t: { is: (a: unknown, b: unknown, m?: string) => void }, stderr: string): void =>
  t.is(stderr.split('\n').filter((l) => l !== '').length, 1, stderr);

test('no such file: one line, status 1', async (t) => {
  const r = await run(['-r', '/nonexistent/x.pcap']);
  t.is(r.code, 1);
  t.is(r.stderr, 'vcap: /nonexistent/x.pcap: No such file or directory\n');
  t.is(r.stdout, '');
});

test('not a capture file: one vcap line, status 1, no stack', async (t) => {
  const f = join(tmp, 'text.pcap');
  writeFileSync(f, 'this is not a capture file at all\n');
  const r = await run(['-r', f]);
  t.is(r.code, 1);
  t.regex(r.stderr, /^vcap: .*unknown file format\n$/);
});

test('unreadable file: one line, status 1', async (t) => {
  const r = await run(['-r', tmp]);
  t.is(r.code, 1);
  t.true(r.stderr.startsWith('vcap: '));
  oneLine(t, r.stderr);
});

test('unknown short and long options, missing and bad values', async (t) => {
  const cases: Array<[string[], string]> = [
    [['-u'], "vcap: invalid option -- 'u'\n"],
    [['-y'], "vcap: option requires an argument -- 'y'\n"],
    [['-Z'], "vcap: option requires an argument -- 'Z'\n"],
    [['--bogus'], "vcap: unrecognized option '--bogus'\n"],
    [['-r'], "vcap: option requires an argument -- 'r'\n"],
    [['-c', 'x', '-r', 'tfo.pcap'], 'vcap: invalid packet count x\n'],
    [['-c', '0', '-r', 'tfo.pcap'], 'vcap: invalid packet count 0\n'],
    [['-s', 'abc', '-r', 'tfo.pcap'], 'vcap: invalid snaplen abc (must be >= 0 and <= 262144)\n'],
    [['-T', 'foo', '-r', 'tfo.pcap'], "vcap: unknown packet type `foo'\n"],
    [['-Q', 'sideways', '-r', 'tfo.pcap'], 'vcap: sideways is not a valid direction\n'],
  ];
  for (const [args, line] of cases) {
    const r = await run(args);
    t.is(r.code, 1, args.join(' '));
    t.is(r.stderr, line, args.join(' '));
    t.is(r.stdout, '');
  }
});

test('--version and -h exit 0', async (t) => {
  const v = await run(['--version']);
  t.is(v.code, 0);
  t.regex(v.stdout, /^vcap version \d+\.\d+\.\d+\n/);
  const h = await run(['-h']);
  t.is(h.code, 0);
  t.regex(h.stdout, /Usage: vcap/);
});

test('-c stops after N packets', async (t) => {
  const r = await run(['-#', '-n', '-tttt', '-c', '3', '-r', 'tfo.pcap']);
  t.is(r.code, 0);
  const expected = readFileSync(join(corpus, 'tfo.out'), 'latin1').split('\n').slice(0, 3).join('\n') + '\n';
  t.is(r.stdout, expected);
  t.is(r.stderr, 'reading from file tfo.pcap, link-type EN10MB (Ethernet), snapshot length 65535\n');
});

test('-r X -w Y with -c and a filter, then -r Y prints what tcpdump prints of Y', async (t) => {
  const out = join(tmp, 'rewrite.pcap');
  const w = await run(['-r', 'tfo.pcap', '-w', out, '-c', '4', 'src host 3.3.3.3']);
  t.is(w.code, 0, w.stderr);
  t.is(w.stdout, '');
  const back = await run(['-n', '-r', out]);
  t.is(back.code, 0);
  t.is(back.stdout.split('\n').length - 1, 4);
  t.is(back.stdout, tcpdump(['-n', '-r', out]).stdout);
  t.true(back.stdout.split('\n').slice(0, 4).every((l) => l.includes(' IP 3.3.3.3.')));
});

test('-w with a .pcapng name writes pcapng that tcpdump reads', async (t) => {
  const out = join(tmp, 'rewrite.pcapng');
  const w = await run(['-r', 'print-x.pcap', '-w', out]);
  t.is(w.code, 0, w.stderr);
  t.is(readFileSync(out).readUInt32LE(0), 0x0a0d0d0a);
  t.is((await run(['-n', '-r', out])).stdout, tcpdump(['-n', '-r', out]).stdout);
  t.is((await run(['-n', '-r', out])).stdout, tcpdump(['-n', '-r', 'print-x.pcap']).stdout);
});

test('-r - reads the capture from stdin', async (t) => {
  const r = await run(['-n', '-r', '-'], { input: readFileSync(join(corpus, 'print-X.pcap')) });
  t.is(r.code, 0);
  t.is(r.stdout, tcpdump(['-n', '-r', 'print-X.pcap']).stdout);
  t.regex(r.stderr, /^reading from file -, link-type EN10MB \(Ethernet\), snapshot length \d+\n$/);
});

test('-w - writes the capture to stdout', async (t) => {
  const r = spawnSync(vcap, ['-r', 'tfo.pcap', '-w', '-'], { cwd: corpus });
  t.is(r.status, 0);
  t.deepEqual(r.stdout.subarray(24), readFileSync(join(corpus, 'tfo.pcap')).subarray(24));
});

test('a reader that closes the pipe ends vcap quietly with status 0', async (t) => {
  const f = join(tmp, 'many.pcap');
  writeFileSync(f, udpPcap(100000, 1700000000));
  const r = spawnSync('bash', ['-c', `set -o pipefail; "${vcap}" -n -r "${f}" | head -n 2; echo "status=$?"`], { encoding: 'latin1' });
  const lines = r.stdout.split('\n');
  t.is(lines[0], '22:13:20.000000 IP 192.0.2.1.42000 > 192.0.2.2.4001: UDP, length 0');
  t.is(lines[2], 'status=0');
  t.is(r.stderr, `reading from file ${f}, link-type EN10MB (Ethernet), snapshot length 65535\n`);
});

test('timestamps are local time as TZ says, like tcpdump', async (t) => {
  for (const tz of ['America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC0']) {
    for (const flag of ['-tttt', '-t', '-tt', '-ttt', '-ttttt']) {
      const args = ['-n', flag === '-t' ? '-tttt' : flag, '-r', 'tcp-handshake-micro.pcap'];
      const r = await run(args, { env: { TZ: tz } });
      t.is(r.stdout, tcpdump(args, { TZ: tz }).stdout, `${tz} ${flag}`);
    }
  }
  // Default time-of-day and nanoseconds across a DST change in New York (2023-11-05 06:00 UTC).
  const f = join(tmp, 'dst.pcap');
  writeFileSync(f, udpPcap(3, 1699163999));
  for (const flags of [[], ['-tttt'], ['-tttt', '--nano']]) {
    const args = ['-n', ...flags, '-r', f];
    t.is((await run(args, { env: { TZ: 'America/New_York' } })).stdout, tcpdump(args, { TZ: 'America/New_York' }).stdout);
  }
});

test('a file damaged mid-way: the packets before it, then one error line, status 1', async (t) => {
  const whole = readFileSync(join(corpus, 'print-x.pcap'));
  const f = join(tmp, 'cut.pcap');
  writeFileSync(f, whole.subarray(0, Math.floor(whole.length * 0.6)));
  const r = await run(['-n', '-r', f]);
  t.is(r.code, 1);
  t.is(r.stdout, tcpdump(['-n', '-r', f]).stdout);
  const err = r.stderr.split('\n').filter((l) => l !== '');
  t.is(err.length, 2, r.stderr);
  t.regex(err[1]!, /^vcap: .*truncated/);
  t.true(statSync(f).size > 0);
});

test('-F reads the filter from a file (comments allowed), like the same expression on the command line', async (t) => {
  const f = join(tmp, 'filter.txt');
  writeFileSync(f, '# only the server side\nsrc host 3.3.3.3 and tcp\n');
  const viaFile = await run(['-n', '-F', f, '-r', 'tfo.pcap']);
  t.is(viaFile.code, 0, viaFile.stderr);
  t.is(viaFile.stdout, tcpdump(['-n', '-r', 'tfo.pcap', 'src host 3.3.3.3 and tcp']).stdout);
  t.not(viaFile.stdout, '');
});

test('-d prints the compiled filter the way tcpdump does and exits', async (t) => {
  for (const d of ['-d', '-dd', '-ddd']) {
    const r = await run([d, '-r', 'tfo.pcap', 'ip']);
    t.is(r.code, 0, r.stderr);
    t.is(r.stdout, tcpdump([d, '-r', 'tfo.pcap', 'ip']).stdout, d);
  }
});

test('a bad filter expression is one vcap line after the reading line (tcpdump\'s order) and status 1', async (t) => {
  const r = await run(['-r', 'tfo.pcap', 'tcp port']);
  t.is(r.code, 1);
  t.regex(r.stderr, /^reading from file tfo\.pcap, [^\n]+\nvcap: [^\n]+\n$/);
  t.is(r.stdout, '');
});

test('pcapng input with several link types: all printed; -w pcap refuses a second link type, pcapng keeps them', async (t) => {
  const multi = join(tmp, 'multi.pcapng');
  const m = spawnSync('mergecap', ['-F', 'pcapng', '-w', multi, join(corpus, 'tfo.pcap'), join(corpus, 'tcp-handshake-micro.pcap')]);
  t.is(m.status, 0, String(m.stderr));
  const all = await run(['-n', '-r', multi]);
  t.is(all.code, 0, all.stderr);
  t.is(all.stdout, tcpdump(['-n', '-r', 'tfo.pcap']).stdout + tcpdump(['-n', '-r', 'tcp-handshake-micro.pcap']).stdout);
  const asPcap = await run(['-r', multi, '-w', join(tmp, 'multi.pcap')]);
  t.is(asPcap.code, 1);
  t.regex(asPcap.stderr.split('\n')[1]!, /^vcap: .*multi\.pcap: frames of link type LINUX_SLL after EN10MB/);
  const asNg = await run(['-r', multi, '-w', join(tmp, 'copy.pcapng')]);
  t.is(asNg.code, 0, asNg.stderr);
  t.is((await run(['-n', '-r', join(tmp, 'copy.pcapng')])).stdout, all.stdout);
});

/** A classic pcap of link type `linkType` holding `frames`. */
function pcapOf(linkType: number, frames: Buffer[]): Buffer {
  const parts: Buffer[] = [Buffer.alloc(24)];
  parts[0]!.writeUInt32LE(0xa1b2c3d4, 0); parts[0]!.writeUInt16LE(2, 4); parts[0]!.writeUInt16LE(4, 6);
  parts[0]!.writeUInt32LE(65535, 16); parts[0]!.writeUInt32LE(linkType, 20);
  frames.forEach((f, i) => {
    const h = Buffer.alloc(16);
    h.writeUInt32LE(1700000000 + i, 0); h.writeUInt32LE(500, 4); h.writeUInt32LE(f.length, 8); h.writeUInt32LE(f.length + 2, 12);
    parts.push(h, f);
  });
  return Buffer.concat(parts);
}

/** What tcpdump and vcap print for the same command: stdout, status, and stderr with tcpdump's name in it made vcap's. */
async function sameAsTcpdump(t: { is: (a: unknown, b: unknown, m?: string) => void }, args: string[]): Promise<Result> {
  const r = await run(args, { cwd: tmp });
  const d = spawnSync('tcpdump', args, { cwd: tmp, env: { ...process.env, TZ: 'GMT0' }, encoding: 'latin1' });
  t.is(r.stdout, d.stdout, `stdout of ${args.join(' ')}`);
  t.is(r.code, d.status, `status of ${args.join(' ')}`);
  t.is(r.stderr, d.stderr.replace(/^tcpdump: /gm, 'vcap: '), `stderr of ${args.join(' ')}`);
  return r;
}

test('a link type vcap cannot print: tcpdump\'s UNSUPPORTED line and a hex dump, never an error', async (t) => {
  // LINKTYPE 147 (USER0): libpcap knows it, tcpdump has no printer for it. 138 (Apple IP over IEEE 1394): tcpdump prints it, vcap not yet.
  writeFileSync(join(tmp, 'user0.pcap'), pcapOf(147, [Buffer.from('000102030405060708090a0b0c0d0e0f1011121314', 'hex'), Buffer.from('hello, world')]));
  for (const flags of [[], ['-x'], ['-XX', '-e'], ['-A'], ['-#', '-tt', '-v']]) {
    const r = await sameAsTcpdump(t, ['-n', '-r', 'user0.pcap', ...flags]);
    t.regex(r.stdout, /UNSUPPORTED\n\t0x0000:  0001 0203/);
  }
  writeFileSync(join(tmp, 'fw.pcap'), pcapOf(138, [Buffer.from('80000000ffffffffffff0200000000010200000000011000', 'hex')]));
  const r = await run(['-n', '-r', 'fw.pcap'], { cwd: tmp });
  t.is(r.code, 0);
  t.is(r.stderr, 'reading from file fw.pcap, link-type APPLE_IP_OVER_IEEE1394 (Apple IP-over-IEEE 1394), snapshot length 65535\n');
  t.regex(r.stdout, /^\d\d:\d\d:\d\d\.000500 UNSUPPORTED\n\t0x0000:  8000 0000 ffff ffff ffff 0200 0000 0001  \.{16}\n/);
});

test('a link type libpcap\'s filter compiler does not know: tcpdump\'s error after the reading line, status 1', async (t) => {
  writeFileSync(join(tmp, 'lt300.pcap'), pcapOf(300, [Buffer.from('0001020304', 'hex')]));
  writeFileSync(join(tmp, 'lt2.pcap'), pcapOf(2, [Buffer.from('0001020304', 'hex')]));
  for (const f of ['lt300.pcap', 'lt2.pcap']) {
    const r = await sameAsTcpdump(t, ['-n', '-r', f]);
    t.is(r.code, 1);
    t.regex(r.stderr, /\nvcap: unknown data link type \d+ \(min 104, max 289\)\n$/);
  }
});

test('a bad filter expression with -w creates no file; -d prints the reading line too, as tcpdump', async (t) => {
  const out = join(tmp, 'never.pcap');
  const r = await run(['-r', 'tfo.pcap', '-w', out, 'tcp and']);
  t.is(r.code, 1);
  t.regex(r.stderr, /^reading from file tfo\.pcap, link-type EN10MB \(Ethernet\), snapshot length 65535\nvcap: syntax error in filter expression: /);
  t.throws(() => statSync(out));
  const d = await run(['-r', 'tfo.pcap', '-d', 'tcp']);
  t.is(d.stderr, 'reading from file tfo.pcap, link-type EN10MB (Ethernet), snapshot length 65535\n');
  t.is(d.stdout, tcpdump(['-r', 'tfo.pcap', '-d', 'tcp']).stdout);
});

test('-T accepts every type tcpdump 4.99.3 does, in any case; -H is accepted', async (t) => {
  const types = ['vat', 'wb', 'rpc', 'rtp', 'rtcp', 'snmp', 'cnfp', 'tftp', 'aodv', 'carp', 'radius', 'zmtp1', 'vxlan', 'pgm',
    'pgm_zmtp1', 'lmp', 'resp', 'ptp', 'someip', 'domain'];
  for (const type of [...types, 'RTP', 'Domain']) {
    const r = await run(['-n', '-T', type, '-r', 'tfo.pcap']);
    t.is(r.code, 0, `${type}: ${r.stderr}`);
    t.not(r.stdout, '', type);
  }
  // TCP under a type that is neither zmtp1, resp nor domain: the TCP line without its payload, as tcpdump.
  for (const type of ['rtp', 'carp', 'snmp']) t.is((await run(['-n', '-T', type, '-r', 'tfo.pcap'])).stdout, tcpdump(['-n', '-T', type, '-r', 'tfo.pcap']).stdout, type);
  const h = await run(['-n', '-H', '-r', 'tfo.pcap']);
  t.is(h.code, 0);
  t.is(h.stdout, tcpdump(['-n', '-H', '-r', 'tfo.pcap']).stdout);
});

test('-T on UDP: what tcpdump prints where vcap has the printer (domain, vxlan, rtp, rtcp, vat, tftp, pgm, ptp, cnfp) or where tcpdump prints nothing (carp, zmtp1, resp)', async (t) => {
  const golden = join(root, 'test', 'pcaps', 'golden');
  for (const type of ['domain', 'vxlan', 'rtp', 'rtcp', 'vat', 'tftp', 'pgm', 'pgm_zmtp1', 'ptp', 'cnfp', 'carp', 'zmtp1', 'resp']) {
    const args = ['-n', '-T', type, '-r', 'dns.pcap'];
    const r = await run(args, { cwd: golden });
    const d = spawnSync('tcpdump', args, { cwd: golden, env: { ...process.env, TZ: 'GMT0' }, encoding: 'latin1' });
    t.is(r.stdout, d.stdout, type);
  }
});

test('a record whose microsecond field is a second or more (fuzzed files): printed as tcpdump prints it, written back unchanged', async (t) => {
  const frame = Buffer.from('ffffffffffff02000000000108004500001c000100004011000ac0000201c0000202a4100fa100080000', 'hex');
  const f = join(tmp, 'big-usec.pcap');
  const b = pcapOf(1, [frame, frame, frame]);
  // Record 1: 808464432 µs; record 2: 4294967295 µs (the largest field); record 3 is normal.
  b.writeUInt32LE(808464432, 24 + 4);
  b.writeUInt32LE(0xffffffff, 24 + 16 + frame.length + 4);
  writeFileSync(f, b);
  for (const flags of [[], ['-tt'], ['-tttt'], ['--nano', '-tt'], ['-#', '-e']]) await sameAsTcpdump(t, ['-n', '-r', 'big-usec.pcap', ...flags]);
  const out = join(tmp, 'big-usec-copy.pcap');
  t.is((await run(['-r', f, '-w', out])).code, 0);
  t.deepEqual(readFileSync(out).subarray(24), b.subarray(24));
});

test('--count: how many packets the file holds, pass the filter, up to -c; with -w the file too; after damage those before it; tcpdump\'s line and status', async (t) => {
  const whole = readFileSync(join(corpus, 'print-x.pcap'));
  const cut = join(tmp, 'count-cut.pcap');
  writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
  const cases = [
    ['--count', '-r', 'tfo.pcap'], ['--count', '-r', 'tfo.pcap', 'src host 3.3.3.3'], ['--count', '-c', '1', '-r', 'tfo.pcap'],
    ['--count', '-r', 'tfo.pcap', 'udp port 9'], ['--count', '-n', '-v', '-r', 'print-x.pcap'], ['--count', '-r', cut],
  ];
  for (const args of cases) {
    const r = await run(args), want = tcpdump(args);
    t.is(r.stdout, want.stdout, args.join(' '));
    t.regex(r.stdout, /^\d+ packets?\n$/, args.join(' '));
    t.is(r.code, want.code, args.join(' '));
  }
  // With -w: the count, and the file tcpdump writes.
  const mine = join(tmp, 'count-w-vcap.pcap'), theirs = join(tmp, 'count-w-tcpdump.pcap');
  const r = await run(['--count', '-r', 'tfo.pcap', '-w', mine, 'src host 3.3.3.3']);
  t.is(r.stdout, tcpdump(['--count', '-r', 'tfo.pcap', '-w', theirs, 'src host 3.3.3.3']).stdout);
  t.deepEqual(readFileSync(mine), readFileSync(theirs));
  // Live there is no file to count.
  const live = await run(['--count', '-i', 'lo']);
  t.is(live.code, 1);
  t.is(live.stderr, 'vcap: --count counts the packets of a capture file: give -r\n');
});

test('tcpdump\'s -K (--dont-verify-checksums), --number, --micro and -N: the lines tcpdump prints with them, over its corpus', async (t) => {
  const files = readdirSync(corpus).filter((f) => f.endsWith('.pcap'));
  t.true(files.length > 40);
  // -K over every capture (in parallel: 48 files); some of them have checksums -K leaves unverified.
  let changed = 0;
  await Promise.all(files.map(async (f) => {
    const args = ['-n', '-K', '-vv', '-r', f];
    const r = await run(args), want = tcpdump(args).stdout;
    t.is(r.stdout, want, args.join(' '));
    if (want !== tcpdump(['-n', '-vv', '-r', f]).stdout) changed++;
  }));
  t.true(changed >= 30, `${changed} captures print otherwise with -K`);
  for (const flags of [['--dont-verify-checksums', '-v', '-e'], ['--number', '--micro', '-N']]) {
    for (const f of ['tfo.pcap', 'dns_udp-v.pcap', 'icmpv6.pcap', 'LINKTYPE_RAW_ipv6.pcap', 'tcp-handshake-nano.pcap']) {
      const args = ['-n', ...flags, '-r', f];
      t.is((await run(args)).stdout, tcpdump(args).stdout, args.join(' '));
    }
  }
  // --micro and --nano at once ask for two precisions.
  const both = await run(['--micro', '--nano', '-r', 'tfo.pcap']);
  t.is(both.code, 1);
  t.is(both.stderr, 'vcap: --micro and --nano ask for different time stamp precisions\n');
});

test('--print with -w: tcpdump\'s lines and the file tcpdump writes; refused with -w - (the lines would be in the capture)', async (t) => {
  for (const extra of [[], ['-v', 'src host 3.3.3.3'], ['-c', '2']]) {
    const mine = join(tmp, 'print-vcap.pcap'), theirs = join(tmp, 'print-tcpdump.pcap');
    const r = await run(['-n', '--print', '-r', 'tfo.pcap', '-w', mine, ...extra]);
    const want = tcpdump(['-n', '--print', '-r', 'tfo.pcap', '-w', theirs, ...extra]);
    t.is(r.code, 0, r.stderr);
    t.is(r.stdout, want.stdout, extra.join(' '));
    t.true(r.stdout.length > 0);
    t.deepEqual(readFileSync(mine), readFileSync(theirs), extra.join(' '));
  }
  const bad = await run(['--print', '-r', 'tfo.pcap', '-w', '-']);
  t.is(bad.code, 1);
  t.is(bad.stderr, 'vcap: --print with -w - would put the lines in the capture written to stdout\n');
});

test('-V: the files a list names, one after another, as tcpdump reads them (lines, stderr, status, -c per file, -#, link types, -w)', (t) => {
  // The corpus's files of three link types; the lists in a directory of their own that tcpdump, which
  // reads them as the user it drops to, may read and write.
  const files = ['tfo.pcap', 'LINKTYPE_RAW_ipv4.pcap', 'dns_udp-v.pcap', 'icmpv6.pcap'].map((f) => join(corpus, f));
  const dir = join(tmp, 'lists');
  mkdirSync(dir, { mode: 0o777 });
  chmodSync(tmp, 0o755);
  chmodSync(dir, 0o777);
  const list = (name: string, lines: string[]): string => { const p = join(dir, name); writeFileSync(p, lines.join('\n')); return p; };
  const both = (args: string[]): void => {
    const want = spawnSync('tcpdump', args, { cwd: dir, env: { ...process.env, TZ: 'GMT0' }, encoding: 'latin1' });
    const got = spawnSync(vcap, args, { cwd: dir, env: { ...process.env, TZ: 'GMT0' }, encoding: 'latin1' });
    t.is(got.stdout, want.stdout, args.join(' '));
    t.is(got.stderr, want.stderr.replaceAll('tcpdump: ', 'vcap: '), `${args.join(' ')}: stderr`);
    t.is(got.status, want.status, `${args.join(' ')}: status`);
  };
  const all = list('all', [...files, '']);
  both(['-n', '-V', all]);
  both(['-n', '-v', '-V', all, '-c', '2']);
  both(['-n', '-#', '-V', all, 'ip6 or udp']);
  both(['-n', '-V', list('no-newline', files.slice(0, 2))]);
  // A file that cannot be opened ends the run after what came before; so does an empty line (a file named '').
  both(['-n', '-V', list('missing', [files[0]!, 'no-such.pcap', files[1]!])]);
  both(['-n', '-V', list('blank', [files[0]!, '', files[1]!])]);
  both(['-n', '-V', list('empty', [])]);
  both(['-n', '-V', join(dir, 'no-such-list')]);
  both(['-n', '-V', all, '-r', files[0]!]);
  // -w: one link type; the file keeps the packets of the files before another link type's.
  for (const [name, l] of [['same', list('same', [files[0]!, files[2]!])], ['other', all]] as const) {
    const tw = join(dir, `t-${name}.pcap`), vw = join(dir, `v-${name}.pcap`);
    const want = spawnSync('tcpdump', ['-V', l, '-w', tw], { encoding: 'latin1' });
    const got = spawnSync(vcap, ['-V', l, '-w', vw], { encoding: 'latin1' });
    t.is(got.status, want.status, name);
    t.is(got.stderr, want.stderr.replaceAll('tcpdump: ', 'vcap: '), name);
    t.deepEqual(readFileSync(vw), readFileSync(tw), name);
  }
  // The list on stdin; --count counts every file's packets.
  const counted = spawnSync(vcap, ['-V', '-', '--count'], { input: [files[0], files[2]].join('\n') + '\n', encoding: 'latin1' });
  const want = spawnSync('tcpdump', ['-V', '-', '--count'], { input: [files[0], files[2]].join('\n') + '\n', encoding: 'latin1' });
  t.is(counted.stdout, want.stdout);
  t.regex(counted.stdout, /^\d+ packets\n$/);
});
