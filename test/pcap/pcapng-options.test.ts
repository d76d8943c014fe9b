// pcapng as Wireshark users expect it: every option vcap writes (SHB, IDB per interface, EPB flags
// and drop count, ISB) as capinfos and tshark read it, read back by vcap; Wireshark's own files
// read by vcap; blocks vcap does not use skipped by their length.
import test from 'ava';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCaptureFile } from '../../src/capture/capture-file.js';
import type { CaptureInterface, InterfaceStatistics } from '../../src/capture/capture-interface.js';
import { directionWord, FLAGS_OF_PACKET_TYPE } from '../../src/capture/capture-interface.js';
import { PcapngWriter } from '../../src/output/pcapng-writer.js';
import { vcapVersion } from '../../src/version.js';
import { NgBuilder, corpusDir, frameBytes, readAll, run, tempDir } from './helpers.js';

const T = 1709294400;

interface Written { path: string; veth: CaptureInterface; tun: CaptureInterface; isb: InterfaceStatistics }

/** Two interfaces (Ethernet and raw IP), frames in each direction, a drop count, ISBs, a comment. */
function writeTwo(dir: string): Written {
  const path = join(dir, 'two.pcapng');
  const veth: CaptureInterface = { linkType: 1, snaplen: 262144, name: 'veth0', filter: 'icmp or arp', os: 'Linux 6.1.0-test', description: 'one end' };
  const tun: CaptureInterface = { linkType: 101, snaplen: 65535, name: 'tun0', os: 'Linux 6.1.0-test' };
  const isb: InterfaceStatistics = { sec: T + 9, nsec: 5, startSec: T, startNsec: 1000, endSec: T + 9, endNsec: 5, ifRecv: 100, ifDrop: 2, filterAccept: 90, osDrop: 7, usrDeliv: 83 };
  const w = PcapngWriter.open(path, {
    linkType: 1, interfaces: [veth, tun], comment: 'two interfaces, one test',
    statistics: (i) => (i === veth ? isb : undefined),
  });
  const ip = Buffer.from('450000140000000040ff0000c0000201c0000202', 'hex');
  w.useInterface(veth);
  w.writePacket(frameBytes(60, 1), 0, 60, 60, T + 1, 123456789, FLAGS_OF_PACKET_TYPE[4]!, 0);   // outgoing
  w.writePacket(frameBytes(61, 2), 0, 61, 61, T + 2, 1, FLAGS_OF_PACKET_TYPE[0]!, 7);          // host, after 7 drops
  w.useInterface(tun);
  w.writePacket(ip, 0, 20, 20, T + 3, 999999999, 0, 0);                                         // direction unknown
  w.useInterface(veth);
  w.writePacket(frameBytes(62, 3), 0, 62, 62, T + 4, 0, FLAGS_OF_PACKET_TYPE[1]!, 0);          // broadcast
  w.close();
  return { path, veth, tun, isb };
}

test('capinfos reads the section and each interface: application, OS, hardware, comment, names, filter, stat entries', (t) => {
  const { path } = writeTwo(tempDir(t));
  const ci = run('capinfos', ['-c', '-F', '-I', '-k', path]);
  t.is(ci.status, 0, ci.stderr);
  t.regex(ci.stdout, /Number of packets:\s+4\n/);
  t.regex(ci.stdout, new RegExp(`Capture application: vcap ${vcapVersion().replace(/\./g, '\\.')}\\n`));
  t.regex(ci.stdout, /Capture oper-sys:\s+Linux \S+\n/);
  t.regex(ci.stdout, /Capture hardware:\s+\S.*\n/);
  t.regex(ci.stdout, /Capture comment:\s+two interfaces, one test\n/);
  t.regex(ci.stdout, /Number of interfaces in file: 2\n/);
  const iface = ci.stdout.split(/Interface #\d info:\n/).slice(1);
  t.regex(iface[0]!, /Name = veth0\n/);
  t.regex(iface[0]!, /Description = one end\n/);
  t.regex(iface[0]!, /Encapsulation = Ethernet \(1 - ether\)\n/);
  t.regex(iface[0]!, /Time precision = nanoseconds \(9\)\n/);
  t.regex(iface[0]!, /Filter string = icmp or arp\n/);
  t.regex(iface[0]!, /Operating system = Linux 6\.1\.0-test\n/);
  t.regex(iface[0]!, /Number of stat entries = 1\n/);
  t.regex(iface[0]!, /Number of packets = 3\n/);
  t.regex(iface[1]!, /Name = tun0\n/);
  t.regex(iface[1]!, /Encapsulation = Raw IP \(7 - rawip\)\n/);
  t.regex(iface[1]!, /Capture length = 65535\n/);
  t.regex(iface[1]!, /Number of stat entries = 0\n/);
  t.regex(iface[1]!, /Number of packets = 1\n/);
});

test('tshark reads each packet: interface name, direction, drop count, nanosecond timestamp', (t) => {
  const { path } = writeTwo(tempDir(t));
  const ts = run('tshark', ['-r', path, '-T', 'fields', '-e', 'frame.interface_name', '-e', 'frame.packet_flags_direction',
    '-e', 'frame.packet_flags_reception_type', '-e', 'frame.drop_count', '-e', 'frame.time_epoch']);
  t.is(ts.status, 0, ts.stderr);
  t.deepEqual(ts.stdout.trim().split('\n'), [
    `veth0\t0x00000002\t0\t\t${T + 1}.123456789`,
    `veth0\t0x00000001\t1\t7\t${T + 2}.000000001`,
    `tun0\t\t\t\t${T + 3}.999999999`,
    `veth0\t0x00000001\t3\t\t${T + 4}.000000000`,
  ]);
});

test('vcap reads back every option it wrote: section, interfaces, flags, drop counts, statistics', (t) => {
  const { path, isb } = writeTwo(tempDir(t));
  const f = openCaptureFile(path);
  const frames: [string | undefined, number, number, number, number][] = [];
  for (let b = f.next(); b !== null; b = f.next()) {
    for (let i = 0; i < b.count; i++) frames.push([b.iface?.name, b.linkType, b.flags?.[i] ?? -1, i === 0 ? b.drops ?? 0 : 0, b.nsec[i]!]);
  }
  t.deepEqual(frames, [['veth0', 1, 2, 0, 123456789], ['veth0', 1, 5, 7, 1], ['tun0', 101, 0, 0, 999999999], ['veth0', 1, 13, 0, 0]]);
  t.deepEqual(f.section, { comments: ['two interfaces, one test'], hardware: f.section!.hardware, os: f.section!.os, userAppl: `vcap ${vcapVersion()}` });
  t.regex(f.section!.os!, /^Linux /);
  t.deepEqual(f.interfaces.map((i) => ({ ...i })), [
    { linkType: 1, snaplen: 262144, name: 'veth0', description: 'one end', filter: 'icmp or arp', os: 'Linux 6.1.0-test', statistics: isb },
    { linkType: 101, snaplen: 65535, name: 'tun0', os: 'Linux 6.1.0-test' },
  ]);
  t.deepEqual(['In', 'Out', 'B', 'M', 'P', '?'], [5, 2, 13, 9, 17, 0].map(directionWord));
});

test("Wireshark's pcapng (editcap -F pcapng, with a comment): vcap reads the section and the frames tshark reads", (t) => {
  const dir = tempDir(t);
  const out = join(dir, 'e.pcapng');
  const e = run('editcap', ['-F', 'pcapng', '--capture-comment', 'made by editcap', join(corpusDir, 'dns_udp.pcap'), out]);
  t.is(e.status, 0, e.stderr);
  const f = openCaptureFile(out);
  t.regex(f.section!.userAppl!, /^Editcap \(Wireshark\) /);
  t.deepEqual(f.section!.comments, ['made by editcap']);
  f.close();
  const mine = readAll(out).frames.map((fr) => `${fr.sec}.${String(fr.nsec).padStart(9, '0')}\t${fr.capLen}`);
  const ts = run('tshark', ['-r', out, '-T', 'fields', '-e', 'frame.time_epoch', '-e', 'frame.cap_len']);
  t.deepEqual(mine, ts.stdout.trim().split('\n').map((l) => l.replace(/^(\d+\.\d{6})\t/, '$1000\t')));
  t.true(mine.length > 0);
});

test('name resolution, decryption secrets, custom and unknown blocks are skipped by their length', (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'blocks.pcapng');
  const ng = new NgBuilder().shb().idb(1, 0, { tsresol: 9 });
  // NRB: one IPv4 record (type 1, 4 bytes of address + a name), then nrb_record_end.
  const nrb = Buffer.concat([Buffer.from([1, 0, 14, 0, 192, 0, 2, 1]), Buffer.from('host.test\0\0\0'), Buffer.alloc(4)]);
  ng.block(4, nrb).epb(0, BigInt(T) * 1000000000n, frameBytes(60, 1));
  // DSB: TLS key log secrets type, length, data.
  const secret = Buffer.from('CLIENT_RANDOM 00 11\n');
  const dsb = Buffer.alloc(8 + secret.length);
  dsb.writeUInt32LE(0x544c534b, 0);
  dsb.writeUInt32LE(secret.length, 4);
  secret.copy(dsb, 8);
  ng.block(10, dsb).epb(0, BigInt(T + 1) * 1000000000n, frameBytes(61, 2));
  // Custom blocks, copyable and not (a private enterprise number, then data), and a type nobody defines.
  ng.block(0x00000bad, Buffer.from('\x00\x00\x7f\xffcustom data')).block(0x40000bad, Buffer.from('\x00\x00\x7f\xffno copy'));
  ng.block(0x7abc1234, Buffer.from('unknown block body')).epb(0, BigInt(T + 2) * 1000000000n, frameBytes(62, 3));
  writeFileSync(path, ng.build());
  const r = readAll(path);
  t.is(r.error, undefined);
  t.deepEqual(r.frames.map((f) => [f.sec, f.capLen]), [[T, 60], [T + 1, 61], [T + 2, 62]]);
  // libpcap skips them too (tshark shows the custom blocks as records of their own).
  const td = run('tcpdump', ['-r', path, '-tt', '-nn', '-q']);
  t.is(td.status, 0, td.stderr);
  t.deepEqual(td.stdout.trim().split('\n').map((l) => l.split(' ')[0]), [`${T}.000000`, `${T + 1}.000000`, `${T + 2}.000000`]);
});
