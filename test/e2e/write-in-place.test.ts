// Live -w to a pcap file writes each record straight from the ring: its header goes in the frame's
// headroom and the kernel copies header and frame to the file by writev(2), up to IOV_MAX records a
// call (PcapWriter.writeInPlace). What lands in the file must be what tcpdump writes for the same
// frames: vcap and tcpdump capture the same trafgen traffic side by side (64-byte frames, VLAN-tagged
// ones whose tag vcap puts back in front of the frame, 1442-byte ones), and the files are read back
// record by record. Timestamps are each socket's own (a microsecond or so apart), so they are
// compared within a bound; every other byte must be the same.
import test from 'ava';
import type { ExecutionContext } from 'ava';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, sleep, vethPair } from '../helpers/netns.js';
import type { Netns } from '../helpers/netns.js';
import { tempDir } from '../pcap/helpers.js';

/** Per kind of frame: trafgen sends the three packets of the file in turn. */
const EACH = 8000;
// To an address no one has: nothing answers (an ICMP port unreachable would be captured too).
const FLOOD =
  '{ eth(da=02:00:00:00:00:02, sa=02:00:00:00:00:01), ipv4(saddr=10.88.0.1, daddr=10.88.0.9, ttl=64), udp(sp=4000, dp=dinc(1000, 1099)), fill(0x41, 22) }\n' +
  '{ eth(da=02:00:00:00:00:02, sa=02:00:00:00:00:01), vlan(id=5, pcp=3), ipv4(saddr=10.88.5.1, daddr=10.88.5.2), udp(sp=4001, dp=2000), fill(0x42, 100) }\n' +
  '{ eth(da=02:00:00:00:00:02, sa=02:00:00:00:00:01), ipv4(saddr=10.88.0.1, daddr=10.88.0.9), udp(sp=4002, dp=3000), fill(0x43, 1400) }\n';

interface Rec { time: number; capLen: number; origLen: number; data: Buffer }

/** A pcap file as its bytes say: the 24-byte header and each record (little-endian, µs). */
function parsePcap(file: string): { header: Buffer; records: Rec[] } {
  const b = readFileSync(file);
  const records: Rec[] = [];
  let at = 24;
  while (at < b.length) {
    if (at + 16 > b.length) throw new Error(`${file}: a record header cut at ${at}`);
    const capLen = b.readUInt32LE(at + 8);
    if (at + 16 + capLen > b.length) throw new Error(`${file}: a record cut at ${at}`);
    records.push({ time: b.readUInt32LE(at) + b.readUInt32LE(at + 4) / 1e6, capLen, origLen: b.readUInt32LE(at + 12), data: b.subarray(at + 16, at + 16 + capLen) });
    at += 16 + capLen;
  }
  return { header: b.subarray(0, 24), records };
}

/** Both files hold the same records: header, lengths and bytes equal, timestamps within 50 ms and never going back. */
function sameRecords(t: ExecutionContext, vcapFile: string, tcpdumpFile: string): number {
  const v = parsePcap(vcapFile), d = parsePcap(tcpdumpFile);
  t.deepEqual(v.header, d.header, `${vcapFile}: file header`);
  t.is(v.records.length, d.records.length, `${vcapFile}: records`);
  let bad = 0, last = 0;
  for (let i = 0; i < Math.min(v.records.length, d.records.length); i++) {
    const a = v.records[i]!, b = d.records[i]!;
    const same = a.capLen === b.capLen && a.origLen === b.origLen && a.data.equals(b.data) && Math.abs(a.time - b.time) < 0.05 && a.time >= last;
    last = a.time;
    if (!same && bad++ < 3) t.fail(`${vcapFile} record ${i}: vcap ${a.capLen}/${a.origLen} at ${a.time} ${a.data.toString('hex', 0, 24)}, tcpdump ${b.capLen}/${b.origLen} at ${b.time} ${b.data.toString('hex', 0, 24)}`);
  }
  t.is(bad, 0, `${vcapFile}: records that differ from tcpdump's`);
  return v.records.length;
}

/** vcap and tcpdump with the same options on the receiving end; the flood; both stopped. */
async function sideBySide(t: ExecutionContext, b: Netns, a: Netns, ifA: string, vcapArgs: string[], tcpdumpArgs: string[], dir: string): Promise<{ vcap: string; tcpdump: string }> {
  writeFileSync(join(dir, 'flood.cfg'), FLOOD);
  const vcap = b.vcap(vcapArgs);
  // -Z root: tcpdump -C makes its later files as root too (the directory is root's alone).
  const tcpdump = b.start(['tcpdump', '-Z', 'root', ...tcpdumpArgs]);
  t.teardown(() => { vcap.kill(); tcpdump.kill(); });
  await Promise.all([vcap.waitFor(/listening on/), tcpdump.waitFor(/listening on/)]);
  // 40k frames a second: several ring blocks of thousands of frames each, and no drops for either.
  const flood = await a.exec(['trafgen', '-o', ifA, '--cpus', '1', '-n', String(3 * EACH), '-t', '25us', '-i', join(dir, 'flood.cfg'), '-q']);
  t.is(flood.code, 0, flood.stderr);
  // tcpdump reads the block it is filling only once its 1 s timeout hands it over (at a signal it
  // would leave it behind): both get it before they stop.
  await sleep(1500);
  const [v, d] = await Promise.all([vcap.stop('SIGINT'), tcpdump.stop('SIGINT')]);
  t.is(v.code, 0, v.stderr);
  t.is(d.code, 0, d.stderr);
  const counts = `${3 * EACH} packets captured\n${3 * EACH} packets received by filter\n0 packets dropped by kernel\n`;
  t.true(v.stderr.endsWith(counts), v.stderr);
  t.true(d.stderr.endsWith(counts), d.stderr);
  return { vcap: v.stderr, tcpdump: d.stderr };
}

test('live -w from the ring: every record, its lengths and bytes as tcpdump writes them, VLAN tags back in place', async (t) => {
  const dir = tempDir(t);
  const { a, b, ifA, ifB } = await vethPair(t, 88);
  const vfile = join(dir, 'v.pcap'), dfile = join(dir, 'd.pcap');
  await sideBySide(t, b, a, ifA, ['-i', ifB, '-w', vfile], ['-i', ifB, '-w', dfile], dir);
  t.is(sameRecords(t, vfile, dfile), 3 * EACH);
  // Read back by others: capinfos counts them, tshark finds each kind.
  const info = await run(['capinfos', '-c', '-M', vfile]);
  t.regex(info.stdout, new RegExp(`Number of packets:\\s+${3 * EACH}\\n`));
  const shark = await run(['tshark', '-r', vfile, '-T', 'fields', '-e', 'vlan.id', '-e', 'udp.dstport', '-e', 'frame.len']);
  t.is(shark.code, 0, shark.stderr);
  const kinds = new Map<string, number>();
  for (const l of shark.stdout.trimEnd().split('\n')) {
    const [vlan, port, len] = l.split('\t');
    const key = `${vlan}|${port!.length === 4 && port!.startsWith('1') ? '1xxx' : port}|${len}`;
    kinds.set(key, (kinds.get(key) ?? 0) + 1);
  }
  t.deepEqual(Object.fromEntries(kinds), { '|1xxx|64': EACH, '5|2000|146': EACH, '|3000|1442': EACH });
});

test('live -s 200 -C 1 -w from the ring: the same series of files as tcpdump\'s, cut before the same records, each cut at 200 bytes', async (t) => {
  const dir = tempDir(t);
  const { a, b, ifA, ifB } = await vethPair(t, 89);
  const vfile = join(dir, 'v.pcap'), dfile = join(dir, 'd.pcap');
  await sideBySide(t, b, a, ifA, ['-i', ifB, '-s', '200', '-C', '1', '-w', vfile], ['-i', ifB, '-s', '200', '-C', '1', '-w', dfile], dir);
  const names = (p: string): string[] => readdirSync(dir).filter((f) => f.startsWith(p)).sort();
  const vs = names('v.pcap'), ds = names('d.pcap');
  t.deepEqual(vs.map((f) => f.slice(1)), ds.map((f) => f.slice(1)));
  // About 3.5 MB of records: four files or more.
  t.true(vs.length >= 4, vs.join(' '));
  let total = 0;
  for (let i = 0; i < Math.min(vs.length, ds.length); i++) total += sameRecords(t, join(dir, vs[i]!), join(dir, ds[i]!));
  t.is(total, 3 * EACH);
  t.true(parsePcap(join(dir, vs[0]!)).records.every((r) => r.capLen <= 200 && (r.capLen === r.origLen || r.capLen === 200)));
});

test('live -c 5000 -w from the ring: the first 5000 records and no more, as tcpdump -c writes them', async (t) => {
  const dir = tempDir(t);
  const { a, b, ifA, ifB } = await vethPair(t, 90);
  writeFileSync(join(dir, 'flood.cfg'), FLOOD);
  const vfile = join(dir, 'v.pcap'), dfile = join(dir, 'd.pcap');
  const vcap = b.vcap(['-i', ifB, '-c', '5000', '-w', vfile]);
  const tcpdump = b.start(['tcpdump', '-i', ifB, '-c', '5000', '-w', dfile]);
  t.teardown(() => { vcap.kill(); tcpdump.kill(); });
  await Promise.all([vcap.waitFor(/listening on/), tcpdump.waitFor(/listening on/)]);
  await a.exec(['trafgen', '-o', ifA, '--cpus', '1', '-n', String(3 * EACH), '-t', '25us', '-i', join(dir, 'flood.cfg'), '-q']);
  const [v, d] = await Promise.all([vcap.exited, tcpdump.exited]);
  t.is(v.code, 0, v.stderr);
  t.is(d.code, 0, d.stderr);
  t.regex(v.stderr, /^5000 packets captured$/m);
  t.is(sameRecords(t, vfile, dfile), 5000);
});
