// Capture files through the vcap command: pcap ↔ pcapng round trips, Wireshark-merged files that mix
// link types, pipes in and out, -e/--print-interface, and -C/-W rotation against Debian's tcpdump
// given the same input and options.
import test from 'ava';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir, readAll, tempDir } from '../pcap/helpers.js';
import { vcapBin } from '../helpers/netns.js';
import { PcapWriter } from '../../src/output/pcap-writer.js';
import { PcapngWriter } from '../../src/output/pcapng-writer.js';
import { FLAGS_OF_PACKET_TYPE } from '../../src/capture/capture-interface.js';

interface Result { code: number; stdout: string; stderr: string }

function vcap(args: string[], input?: Buffer): Promise<Result> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [vcapBin, ...args], { env: { ...process.env, TZ: 'GMT0' }, encoding: 'latin1', maxBuffer: 256 << 20 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }));
    child.stdin!.end(input);
  });
}

function sh(cmd: string, args: string[], input?: Buffer): Result {
  const r = spawnSync(cmd, args, { env: { ...process.env, TZ: 'GMT0' }, encoding: 'latin1', input, maxBuffer: 256 << 20 });
  return { code: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}

const corpus = (name: string): string => join(corpusDir, name);

test('pcap → pcapng → pcap through the command: the same bytes, µs and ns files alike (ns pcap with --nano, as tcpdump -w)', async (t) => {
  const dir = tempDir(t);
  for (const name of ['dns_udp.pcap', 'print-X.pcap', 'tcp-handshake-nano.pcap', 'icmpv6.pcap']) {
    const ng = join(dir, `${name}ng`), back = join(dir, name);
    const a = await vcap(['-r', corpus(name), '-w', ng]);
    t.is(a.code, 0, a.stderr);
    const b = await vcap(['-r', ng, '-w', back, ...(name.includes('nano') ? ['--nano'] : [])]);
    t.is(b.code, 0, b.stderr);
    t.true(readFileSync(back).equals(readFileSync(corpus(name))), name);
    // The pcapng in between holds every nanosecond the pcap had, as tshark reads it.
    const times = (f: string): string => sh('tshark', ['-r', f, '-T', 'fields', '-e', 'frame.time_epoch']).stdout;
    t.is(times(ng), times(corpus(name)).replace(/^(\d+\.\d{6})$/gm, '$1000'), name);
  }
});

test('pcapng → pcap → pcapng: frames, timestamps to the nanosecond, and, pcapng to pcapng, names, directions and statistics', async (t) => {
  const dir = tempDir(t);
  const src = join(dir, 'src.pcapng');
  const veth = { linkType: 1, snaplen: 262144, name: 'veth0', filter: 'icmp' };
  const w = PcapngWriter.open(src, { linkType: 1, interfaces: [veth], statistics: () => ({ sec: 1709294409, nsec: 0, filterAccept: 4, osDrop: 1, usrDeliv: 3 }) });
  const frames = readAll(corpus('icmpv6.pcap')).frames.slice(0, 3);
  frames.forEach((f, i) => w.writePacket(f.data, 0, f.capLen, f.origLen, 1709294400 + i, 123456789 + i, FLAGS_OF_PACKET_TYPE[i === 1 ? 4 : 0]!, i === 2 ? 1 : 0));
  w.close();
  const pcap = join(dir, 'mid.pcap'), back = join(dir, 'back.pcapng'), copy = join(dir, 'copy.pcapng');
  t.is((await vcap(['-r', src, '-w', pcap, '--nano'])).code, 0);
  t.is((await vcap(['-r', pcap, '-w', back])).code, 0);
  t.is((await vcap(['-r', src, '-w', copy])).code, 0);
  const key = (f: string): string[] => readAll(f).frames.map((fr) => `${fr.sec}.${fr.nsec} ${fr.data.toString('hex')}`);
  t.deepEqual(key(pcap), key(src));
  t.deepEqual(key(back), key(src));
  t.true(readAll(pcap).nano);
  const fields = (f: string): string => sh('tshark', ['-r', f, '-T', 'fields', '-e', 'frame.interface_name', '-e', 'frame.packet_flags_direction', '-e', 'frame.drop_count', '-e', 'frame.time_epoch']).stdout;
  t.is(fields(copy), fields(src));
  t.is(fields(copy).split('\n')[1], 'veth0\t0x00000002\t\t1709294401.123456790');
  const ci = sh('capinfos', ['-I', copy]).stdout;
  t.regex(ci, /Filter string = icmp\n/);
  t.regex(ci, /Number of stat entries = 1\n/);
});

test("mergecap of an Ethernet and a raw IP capture: tcpdump 4.99 refuses it; vcap prints each packet as tcpdump prints its part alone", async (t) => {
  const dir = tempDir(t);
  const eth = corpus('dns_udp.pcap'), raw = join(dir, 'raw.pcap'), merged = join(dir, 'merged.pcapng');
  // Move the raw IP capture's times into the middle of the Ethernet one, so the parts interleave.
  const first = (f: string): number => readAll(f).frames[0]!.sec + readAll(f).frames[0]!.nsec / 1e9;
  const shift = first(eth) - first(corpus('LINKTYPE_RAW_ipv4.pcap')) + 0.05;
  t.is(sh('editcap', ['-t', shift.toFixed(6), corpus('LINKTYPE_RAW_ipv4.pcap'), raw]).code, 0);
  const m = sh('mergecap', ['-w', merged, eth, raw]);
  t.is(m.code, 0, m.stderr);
  const td = sh('tcpdump', ['-r', merged, '-n']);
  t.not(td.code, 0);
  t.regex(td.stderr, /an interface has a type 101 different from the type of the first interface/);
  for (const flags of [['-tt', '-n'], ['-tt', '-n', '-v'], ['-tt', '-n', '-x']]) {
    // One chunk per packet, its dump lines included.
    const part = (f: string): string[] => sh('tcpdump', ['-r', f, ...flags]).stdout.split(/(?=^\d)/m).filter((l) => l !== '');
    const parts = [part(eth), part(raw)];
    // mergecap's order, interface by interface, as tshark reports it.
    const order = sh('tshark', ['-r', merged, '-T', 'fields', '-e', 'frame.interface_id']).stdout.trim().split('\n').map(Number);
    t.true(order.includes(0) && order.includes(1) && order.indexOf(1) < order.lastIndexOf(0), 'the parts interleave');
    const want = order.map((i) => parts[i]!.shift()!).join('');
    const r = await vcap(['-r', merged, ...flags]);
    t.is(r.code, 0, r.stderr);
    t.is(r.stdout, want, flags.join(' '));
  }
});

test('-e names the interface on each line only when the file has several; --print-interface always', async (t) => {
  const dir = tempDir(t);
  const one = join(dir, 'one.pcapng'), two = join(dir, 'two.pcapng');
  t.is(sh('editcap', ['-F', 'pcapng', corpus('dns_tcp.pcap'), one]).code, 0);
  // One interface: -e prints what tcpdump -e prints.
  t.is((await vcap(['-r', one, '-e', '-n'])).stdout, sh('tcpdump', ['-r', one, '-e', '-n']).stdout);
  const frames = readAll(corpus('dns_tcp.pcap')).frames;
  const ifaces = [{ linkType: 1, snaplen: 262144, name: 'veth0' }, { linkType: 1, snaplen: 262144, name: 'br-lan' }];
  const w = PcapngWriter.open(two, { linkType: 1, interfaces: ifaces });
  frames.slice(0, 4).forEach((f, i) => {
    w.useInterface(ifaces[i % 2]!);
    w.writePacket(f.data, 0, f.capLen, f.origLen, f.sec, f.nsec, FLAGS_OF_PACKET_TYPE[i < 2 ? 4 : 0]!, 0);
  });
  w.close();
  const plain = (await vcap(['-r', two, '-e', '-n'])).stdout.split('\n');
  const alone = sh('tcpdump', ['-r', corpus('dns_tcp.pcap'), '-e', '-n', '-c', '4']).stdout.split('\n');
  // tcpdump -i any's layout: the name padded to 5, the direction to 3, then what tcpdump -e prints.
  t.deepEqual(plain.slice(0, 4), [
    alone[0]!.replace(/^(\S+) /, '$1 veth0 Out '),
    alone[1]!.replace(/^(\S+) /, '$1 br-lan Out '),
    alone[2]!.replace(/^(\S+) /, '$1 veth0 In  '),
    alone[3]!.replace(/^(\S+) /, '$1 br-lan In  '),
  ]);
  t.is((await vcap(['-r', two, '-n'])).stdout, sh('tcpdump', ['-r', corpus('dns_tcp.pcap'), '-n', '-c', '4']).stdout);
  const pi = (await vcap(['-r', one, '-n', '--print-interface', '-c', '1'])).stdout;
  t.is(pi, sh('tcpdump', ['-r', one, '-n', '-c', '1']).stdout.replace(/^(\S+) /, '$1 ?     ?   '));
});

test('pipes: -w - into tshark -r -, pcap and pcapng; -r - from a pipe', async (t) => {
  const src = corpus('dns_tcp.pcap');
  const n = readAll(src).frames.length;
  for (const extra of ['', '--pcapng']) {
    // A real pipe between the two, as a shell makes it.
    const ts = sh('sh', ['-c', `'${process.execPath}' '${vcapBin}' -r '${src}' -w - ${extra} | tshark -r - -T fields -e frame.len`]);
    t.is(ts.code, 0, ts.stderr);
    t.is(ts.stdout.trim().split('\n').length, n, extra);
    const out = await new Promise<Buffer>((resolve) => {
      execFile(process.execPath, [vcapBin, '-r', src, '-w', '-', ...(extra ? [extra] : [])], { encoding: 'buffer', maxBuffer: 64 << 20 }, (_e, stdout) => resolve(stdout));
    });
    const back = await vcap(['-r', '-', '-n'], out);
    t.is(back.stdout, sh('tcpdump', ['-r', src, '-n']).stdout);
    const piped = sh('sh', ['-c', `cat '${src}' | '${process.execPath}' '${vcapBin}' -r - -n`]);
    t.is(piped.stdout, back.stdout);
  }
});

/** A ~2.6 MB pcap of real frames (the corpus's, cycled), one every 1.5 ms. */
function bigPcap(path: string): void {
  const src = readAll(corpus('print-X.pcap')).frames.concat(readAll(corpus('dns_tcp.pcap')).frames, readAll(corpus('icmpv6.pcap')).frames);
  const w = PcapWriter.open(path, { linkType: 1, snaplen: 65535 });
  for (let i = 0, bytes = 0; bytes < 2600000; i++) {
    const f = src[i % src.length]!;
    w.writeFrame(f.data, 0, f.capLen, f.origLen, 1709294400 + Math.floor(i * 0.0015), Math.round(((i * 1500000) % 1e9)));
    bytes += 16 + f.capLen;
  }
  w.close();
}

test('-C, -C -W: the same file names and the same bytes in each file as tcpdump writes', async (t) => {
  const dir = tempDir(t);
  const input = join(dir, 'in.pcap');
  bigPcap(input);
  for (const opts of [['-C', '1'], ['-C', '1', '-W', '2'], ['-C', '1', '-W', '12'], ['-C', '2', '-W', '1']]) {
    const label = opts.join('');
    const tdDir = join(dir, `td${label}`), vDir = join(dir, `v${label}`);
    sh('mkdir', ['-p', tdDir, vDir]);
    // -Z root: tcpdump would otherwise give up root before opening the next files.
    const td = sh('tcpdump', ['-r', input, '-Z', 'root', ...opts, '-w', join(tdDir, 'cap')]);
    t.is(td.code, 0, td.stderr);
    const v = await vcap(['-r', input, ...opts, '-w', join(vDir, 'cap')]);
    t.is(v.code, 0, v.stderr);
    const names = readdirSync(tdDir).sort();
    t.deepEqual(readdirSync(vDir).sort(), names, label);
    t.true(names.length >= 1);
    for (const f of names) t.true(readFileSync(join(vDir, f)).equals(readFileSync(join(tdDir, f))), `${label} ${f}`);
  }
});

test('-C with pcapng: every file starts with its own SHB and IDBs, and together they hold every frame', async (t) => {
  const dir = tempDir(t);
  const input = join(dir, 'in.pcap');
  bigPcap(input);
  const v = await vcap(['-r', input, '-C', '1', '--pcapng', '-w', join(dir, 'cap')]);
  t.is(v.code, 0, v.stderr);
  t.deepEqual(readdirSync(dir).filter((f) => f.startsWith('cap')).sort(), ['cap', 'cap1', 'cap2']);
  const all: string[] = [];
  for (const f of ['cap', 'cap1', 'cap2']) {
    const ci = sh('capinfos', ['-t', '-I', join(dir, f)]);
    t.is(ci.code, 0, ci.stderr);
    t.regex(ci.stdout, /File type:\s+Wireshark\/\.\.\. - pcapng\n/);
    t.regex(ci.stdout, /Number of interfaces in file: 1\n/);
    all.push(...readAll(join(dir, f)).frames.map((fr) => `${fr.sec}.${fr.nsec} ${fr.data.toString('hex')}`));
  }
  t.deepEqual(all, readAll(input).frames.map((fr) => `${fr.sec}.${fr.nsec} ${fr.data.toString('hex')}`));
});

test('-z runs on every file closed, the last one too (tcpdump leaves the last alone)', async (t) => {
  const dir = tempDir(t);
  const input = join(dir, 'in.pcap');
  bigPcap(input);
  const v = await vcap(['-r', input, '-C', '1', '-z', 'gzip', '-w', join(dir, 'cap')]);
  t.is(v.code, 0, v.stderr);
  // gzip runs in parallel with the capture and may outlive vcap by a moment.
  for (let i = 0; i < 100 && !['cap.gz', 'cap1.gz', 'cap2.gz'].every((f) => existsSync(join(dir, f))); i++) await new Promise((r) => setTimeout(r, 100));
  for (let i = 0; i < 50 && readdirSync(dir).some((f) => /^cap\d?$/.test(f)); i++) await new Promise((r) => setTimeout(r, 100));
  t.deepEqual(readdirSync(dir).filter((f) => f.startsWith('cap')).sort(), ['cap.gz', 'cap1.gz', 'cap2.gz']);
  const r = sh('capinfos', ['-c', join(dir, 'cap2.gz')]);
  t.is(r.code, 0, r.stderr);
});

test('bad -C, -G, -W values: one line worded as tcpdump, status 1', async (t) => {
  for (const [args, msg] of [
    [['-C', '0'], 'invalid file size 0'], [['-C', 'x'], 'invalid file size x'], [['-C', '99999999999'], 'file size 99999999999 is too large'],
    [['-G', '-1'], 'invalid number of seconds -1'], [['-W', '0'], 'invalid number of output files 0'],
  ] as const) {
    const r = await vcap(['-r', corpus('dns_udp.pcap'), '-w', '/dev/null', ...args]);
    t.is(r.code, 1);
    t.is(r.stderr, `vcap: ${msg}\n`);
  }
  const r = await vcap(['-r', corpus('dns_udp.pcap'), '-C', '1', '-w', '-']);
  t.is(r.stderr.trim().split('\n').at(-1), 'vcap: -C and -G need a file to write (-w FILE), not the standard output');
});

test('--comment goes into the pcapng section', async (t) => {
  const out = join(tempDir(t), 'c.pcapng');
  t.is((await vcap(['-r', corpus('dns_udp.pcap'), '--comment', 'lab 3: dns', '-w', out])).code, 0);
  t.regex(sh('capinfos', ['-k', out]).stdout, /Capture comment:\s+lab 3: dns\n/);
});
