// --json from files: one object per packet, equal to the decoder's Packet.toJSON() on the same
// file, valid against the schema the package ships; errors stay one `vcap:` line.
import test from 'ava';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCaptureFile } from '../../src/capture/capture-file.js';
import { Decoder } from '../../src/decoders/decoder.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { PcapngWriter } from '../../src/output/pcapng-writer.js';
import { PcapWriter } from '../../src/output/pcap-writer.js';
import { repoRoot, vcapBin } from '../helpers/netns.js';
import { asPacketJson, schemaErrors } from '../helpers/packet-schema.js';
import { pcapHeader, pcapRecord, tempDir } from '../pcap/helpers.js';

interface Result { code: number; stdout: string; stderr: string }

function vcap(args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, [vcapBin, ...args], { encoding: 'utf8', maxBuffer: 256 << 20 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }));
  });
}

interface Expected { json: Record<string, unknown>; sec: number; nsec: number; origLen: number }

/** What the decoder says about every frame of a file (the frames before any damage). */
function decodeFile(path: string): Expected[] {
  const out: Expected[] = [];
  const d = new Decoder();
  const f = openCaptureFile(path);
  try {
    for (let b = f.next(); b !== null; b = f.next()) {
      for (let i = 0; i < b.count; i++) {
        const p = d.decode(b.bytes, b.linkType, b.offset[i], b.capLen[i], b.origLen[i]);
        // Through JSON, as the line is: keys whose value is undefined are not written.
        // A damaged record's fraction of a second or more is carried, a negative second count read unsigned (json.ts).
        let sec = b.sec[i]!, nsec = b.nsec[i]!;
        const carry = Math.floor(nsec / 1e9);
        sec += carry; nsec -= carry * 1e9;
        if (sec < 0) sec += 4294967296;
        out.push({ json: JSON.parse(JSON.stringify(p.toJSON())) as Record<string, unknown>, sec, nsec, origLen: b.origLen[i]! });
      }
    }
  } catch { /* damaged: vcap stops at the same record */ } finally {
    f.close();
  }
  return out;
}

function captures(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? captures(join(dir, e.name)) : /\.pcap(ng)?$/.test(e.name) ? [join(dir, e.name)] : []);
}

const all = captures(join(repoRoot, 'test', 'pcaps')).sort();

/** Every line of `stdout` against the decoder's frames: fields, order of the keys, record header, schema. */
function checkLines(t: import('ava').ExecutionContext, name: string, stdout: string, expected: Expected[]): void {
  const lines = stdout.split('\n');
  t.is(lines.pop(), '', `${name}: output ends with a newline`);
  t.is(lines.length, expected.length, `${name}: one line per packet`);
  lines.forEach((text, i) => {
    const line = JSON.parse(text) as Record<string, unknown>;
    const e = expected[i]!;
    const errors = schemaErrors(line);
    if (errors !== undefined) t.fail(`${name} #${i + 1}: ${errors}\n${text}`);
    const packet = asPacketJson(line);
    t.deepEqual(packet, e.json, `${name} #${i + 1}`);
    // Layers in the decoder's order, outermost first.
    t.deepEqual(Object.keys(packet), Object.keys(e.json), `${name} #${i + 1}: key order`);
    t.is(line['number'], i + 1);
    t.is(line['sec'], e.sec);
    t.is(line['nsec'], e.nsec);
    t.is(line['origLen'], e.origLen);
    t.is(line['time'], new Date(e.sec * 1000).toISOString().slice(0, 19) + '.' + String(e.nsec).padStart(9, '0') + 'Z');
  });
}

test(`--json on every capture in test/pcaps (${all.length} files): the decoder's fields, valid against the schema`, async (t) => {
  t.true(all.length > 50);
  let packets = 0, damaged = 0;
  // Four vcap processes at a time; checked in file order.
  const results: Promise<Result>[] = [];
  const started = (i: number): Promise<Result> => (results[i] ??= vcap(['-r', all[i]!, '--json']));
  for (const [i, path] of all.entries()) {
    for (let k = i; k < Math.min(i + 4, all.length); k++) void started(k);
    const r = await started(i);
    const expected = decodeFile(path);
    packets += expected.length;
    if (r.code !== 0) {
      // A damaged file: the good packets, then one line saying where it broke.
      damaged++;
      t.regex(r.stderr, /^reading from file .*\nvcap: [^\n]+\n$/, path);
    } else {
      t.regex(r.stderr, /^reading from file [^\n]+\n$/, path);
    }
    checkLines(t, path, r.stdout, expected);
  }
  t.log(`${all.length} files, ${packets} packets, ${damaged} damaged`);
  t.true(packets > 1000);
});

test('--json with a filter and -c: the selected packets, numbered from 1', async (t) => {
  const path = join(repoRoot, 'test', 'pcaps', 'tcpdump', 'dns_udp.pcap');
  const r = await vcap(['-r', path, '--json', '-c', '1', 'udp src port 53']);
  t.is(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { number: number; layers: { udp: { srcPort: number } } });
  t.is(lines.length, 1);
  t.is(lines[0]!.number, 1);
  t.is(lines[0]!.layers.udp.srcPort, 53);
  checkLines(t, 'dns_udp reply', r.stdout, decodeFile(path).filter((e) => (e.json['udp'] as { srcPort: number }).srcPort === 53));
});

test('--json on a pcapng that mixes link types: each packet has its own linkType, one numbering', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'mixed.pcapng');
  const w = PcapngWriter.open(path, { linkType: LinkType.EN10MB, snaplen: 65535, nano: true });
  // Ethernet + IPv4 + UDP (a 4-byte payload), then the same IPv4 packet as raw IP.
  const eth = Buffer.from('0200000000020200000000010800' + '45000020000100004011f9c80a0000010a000002' + 'a4100fa1000c0000' + '74657374', 'hex');
  w.writeFrame(eth, 0, eth.length, eth.length, 1700000000, 123456789, LinkType.EN10MB);
  w.writeFrame(eth, 14, eth.length - 14, eth.length - 14, 1700000001, 5, LinkType.RAW);
  w.close();
  const r = await vcap(['-r', path, '--json']);
  t.is(r.code, 0, r.stderr);
  checkLines(t, 'mixed', r.stdout, decodeFile(path));
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  t.deepEqual(lines.map((l) => [l['number'], l['linkType'], Object.keys(l['layers'] as object)]), [
    [1, 'EN10MB', ['ethernet', 'ipv4', 'udp']],
    [2, 'RAW', ['ipv4', 'udp']],
  ]);
  t.is(lines[0]!['time'], '2023-11-14T22:13:20.123456789Z');
  t.is(lines[1]!['time'], '2023-11-14T22:13:21.000000005Z');
});

test('--json is UTF-8: DNS text with bytes above 0x7f reads back as the decoder has it', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'latin1.pcap');
  // A DNS response over raw IPv4/UDP with one TXT answer, "caf\xe9" (a string whose last byte is 0xe9).
  const dns = Buffer.from('123481800000000100000000' + '00' + '0010000100000000' + '0005' + '04636166e9', 'hex');
  const hex16 = (n: number): string => n.toString(16).padStart(4, '0');
  const udpLen = 8 + dns.length;
  const ip = Buffer.concat([
    Buffer.from(`4500${hex16(20 + udpLen)}00010000401100000a0000010a000002` + `0a350035${hex16(udpLen)}0000`, 'hex'), dns]);
  const w = PcapWriter.open(path, { linkType: LinkType.RAW, snaplen: 65535, nano: false });
  w.writeFrame(ip, 0, ip.length, ip.length, 1700000000, 0);
  w.close();
  const expected = decodeFile(path);
  const txt = ((expected[0]!.json['dns'] as { answers: { data: string[] }[] }).answers[0]!).data;
  t.deepEqual(txt, ['caf\u00e9']);
  const r = await vcap(['-r', path, '--json']);
  t.is(r.code, 0, r.stderr);
  checkLines(t, 'latin1', r.stdout, expected);
});

test('--json on a damaged file: the packets before the damage, then one vcap line, status 1', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'cut.pcap');
  const whole = readFileSync(join(repoRoot, 'test', 'pcaps', 'tcpdump', 'dns_udp.pcap'));
  // The file header, the first record (16 + 98 bytes) and 20 bytes of the second.
  writeFileSync(path, whole.subarray(0, 24 + 16 + 98 + 20));
  const r = await vcap(['-r', path, '--json']);
  t.is(r.code, 1);
  t.regex(r.stderr, /\nvcap: .*cut\.pcap: .*truncated dump file[^\n]*\n$/);
  const expected = decodeFile(path);
  t.is(expected.length, 1);
  checkLines(t, 'cut', r.stdout, expected);
});

test('--json with -w: one vcap line, status 1', async (t) => {
  const dir = tempDir(t);
  const r = await vcap(['-r', join(repoRoot, 'test', 'pcaps', 'tcpdump', 'dns_udp.pcap'), '--json', '-w', join(dir, 'x.pcap')]);
  t.is(r.code, 1);
  t.is(r.stderr, 'vcap: --json prints the packets; it does not go with -w\n');
  t.is(r.stdout, '');
});

test('the schema is in the package (package.json files)', (t) => {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { files: string[] };
  t.true(pkg.files.includes('schema'));
});

test('--json: what a VXLAN or GRE tunnel carries is layers.inner, shaped as a packet (layers, payload), valid against the schema', async (t) => {
  const dir = tempDir(t);
  const hex = (h: string): Buffer => Buffer.from(h.replace(/\s/g, ''), 'hex');
  const inner = hex('4500 0028 0001 0000 4006 0000 c0a80101 c0a80909 04d2 0050 00000001 00000000 5002 2000 0000 0000');
  const eth = (type: string, payload: Buffer): Buffer => Buffer.concat([hex('020000000002 020000000001'), hex(type), payload]);
  const ip = (proto: number, payload: Buffer): Buffer => {
    const h = hex('4500 0000 0001 0000 4000 0000 0a000001 0a000002');
    h.writeUInt16BE(20 + payload.length, 2); h[9] = proto;
    return Buffer.concat([h, payload]);
  };
  const udp = (dport: number, payload: Buffer): Buffer => {
    const h = Buffer.alloc(8); h.writeUInt16BE(40000, 0); h.writeUInt16BE(dport, 2); h.writeUInt16BE(8 + payload.length, 4);
    return Buffer.concat([h, payload]);
  };
  const frames = [
    eth('0800', ip(17, udp(4789, Buffer.concat([hex('08000000 00006400'), eth('0800', inner)])))),
    eth('0800', ip(47, Buffer.concat([hex('20000800 0000002a'), inner]))),
  ];
  const path = join(dir, 'tunnels.pcap');
  writeFileSync(path, Buffer.concat([pcapHeader(), ...frames.map((f) => pcapRecord(f))]));
  const r = await vcap(['-r', path, '--json']);
  t.is(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  for (const l of lines) t.is(schemaErrors(l), undefined);
  type Layers = Record<string, Record<string, unknown> & { layers?: Layers }>;
  const [vx, gre] = lines.map((l) => l['layers'] as Layers);
  t.deepEqual(Object.keys(vx!), ['ethernet', 'ipv4', 'udp', 'vxlan', 'inner']);
  t.like(vx!['vxlan'], { offset: 42, vni: 100 });
  t.deepEqual(Object.keys(vx!['inner']!), ['layers', 'payloadOffset', 'payloadLength']);
  t.deepEqual(Object.keys(vx!['inner']!.layers!), ['ethernet', 'ipv4', 'tcp']);
  t.like(vx!['inner']!.layers!, { ethernet: { offset: 50 }, ipv4: { offset: 64, src: '192.168.1.1' }, tcp: { srcPort: 1234, dstPort: 80 } });
  t.like(gre!, { gre: { offset: 34, key: 42, protocol: 0x0800 }, inner: { layers: { ipv4: { offset: 42, src: '192.168.1.1' }, tcp: { dstPort: 80 } } } });
  // The same as the library's Packet.toJSON().
  const d = new Decoder();
  lines.forEach((l, i) => t.deepEqual(asPacketJson(l), JSON.parse(JSON.stringify(d.decode(frames[i]!, LinkType.EN10MB).toJSON()))));
});
