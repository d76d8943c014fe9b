// --backend libpcap: capture through the optional package `cap` (libpcap) into the same batches as
// the AF_PACKET ring; the same lines as the default backend, files tshark counts, libpcap's own filter,
// and the one-line error when cap cannot be loaded.
import test from 'ava';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SETTLE_MS, run, sleep, vcapBin, vethPair, withoutTimes } from '../helpers/netns.js';
import { CAP_MISSING, capLinkType, loadCap } from '../../src/capture/libpcap.js';
import { VcapError } from '../../src/errors.js';

const LISTENING = /^listening on (\S+), link-type (.*), snapshot length (\d+) bytes$/m;
const NO_STATS = 'packets received by filter and dropped by kernel: not available with --backend libpcap (cap has no pcap_stats)\n';

test('--backend libpcap prints the same lines as the default backend for pings between two namespaces', async (t) => {
  const { a, ifA, ipA, ipB } = await vethPair(t, 61);
  const lp = a.vcap(['--backend', 'libpcap', '-i', ifA, '-n']);
  const rg = a.vcap(['-i', ifA, '-n']);
  t.teardown(() => { lp.kill(); rg.kill(); });
  await lp.waitFor(/listening on/);
  await rg.waitFor(/listening on/);
  await a.exec(['ping', '-c', '4', '-i', '0.2', ipB]);
  // A UDP datagram and a refused TCP connection too: not only ICMP.
  await a.exec(['python3', '-c', `import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.sendto(b'hello', ('${ipB}', 9999))
s2=socket.socket(); s2.settimeout(1)
try: s2.connect(('${ipB}', 9))
except Exception: pass`]);
  await sleep(SETTLE_MS);
  const [l, r] = await Promise.all([lp.stop(), rg.stop()]);
  t.is(l.code, 0, l.stderr);
  t.is(r.code, 0, r.stderr);
  const lines = withoutTimes(l.stdout);
  t.deepEqual(lines.slice(0, 8).map((x) => x.replace(/, id \d+, seq \d+, length 64$/, '')), [
    `IP ${ipA} > ${ipB}: ICMP echo request`, `IP ${ipB} > ${ipA}: ICMP echo reply`,
    `IP ${ipA} > ${ipB}: ICMP echo request`, `IP ${ipB} > ${ipA}: ICMP echo reply`,
    `IP ${ipA} > ${ipB}: ICMP echo request`, `IP ${ipB} > ${ipA}: ICMP echo reply`,
    `IP ${ipA} > ${ipB}: ICMP echo request`, `IP ${ipB} > ${ipA}: ICMP echo reply`,
  ]);
  t.true(lines.length >= 10, lines.join('\n'));
  t.deepEqual(lines, withoutTimes(r.stdout));
  t.deepEqual(LISTENING.exec(l.stderr)?.slice(1), [ifA, 'EN10MB (Ethernet)', '65535']);
  t.true(l.stderr.includes(`${lines.length} packets captured\n${NO_STATS}`), l.stderr);
  // Timestamps: taken at delivery, ns resolution, increasing, close to the default backend's.
  const stamp = (s: string): number[] => s.split('\n').filter((x) => x !== '').map((x) => {
    const [h, m, sec] = x.slice(0, 15).split(':').map(Number);
    return h! * 3600 + m! * 60 + sec!;
  });
  const ls = stamp(l.stdout), rs = stamp(r.stdout);
  for (let i = 1; i < ls.length; i++) t.true(ls[i]! >= ls[i - 1]!, `${ls[i - 1]} then ${ls[i]}`);
  for (let i = 0; i < ls.length; i++) t.true(Math.abs(ls[i]! - rs[i]!) < 0.5, `${ls[i]} vs ${rs[i]}`);
});

test('--backend libpcap -w: capinfos and tshark count exactly the packets vcap reports', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'vcap-lp-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'live.pcap');
  const { a, ifA, ipB } = await vethPair(t, 62);
  const vcap = a.vcap(['--backend', 'libpcap', '-i', ifA, '-w', file]);
  t.teardown(() => vcap.kill());
  await vcap.waitFor(/listening on/);
  await a.exec(['ping', '-c', '5', '-i', '0.2', ipB]);
  await a.exec(['ping', '-c', '20', '-i', '0.01', '-s', '1400', ipB]);
  await sleep(SETTLE_MS);
  const r = await vcap.stop('SIGTERM');
  t.is(r.code, 0, r.stderr);
  const captured = Number(/^(\d+) packets? captured$/m.exec(r.stderr)?.[1]);
  t.is(captured, 50, r.stderr);
  const info = await run(['capinfos', '-c', '-M', '-E', '-l', file]);
  t.is(info.code, 0, info.stderr);
  t.regex(info.stdout, new RegExp(`Number of packets:\\s+${captured}\\n`));
  t.regex(info.stdout, /File encapsulation:\s+ether\n/);
  t.regex(info.stdout, /Packet size limit:\s+file hdr: 65535 bytes/);
  const shark = await run(['tshark', '-r', file, '-T', 'fields', '-e', 'frame.len', '-e', 'frame.cap_len']);
  t.is(shark.code, 0, shark.stderr);
  const rows = shark.stdout.trim().split('\n').map((l) => l.split('\t').map(Number));
  t.is(rows.length, captured);
  t.is(rows.filter(([len, cap]) => len === 98 && cap === 98).length, 10);
  t.is(rows.filter(([len, cap]) => len === 1442 && cap === 1442).length, 40);
});

test('--backend libpcap -s 60 -w: frames cut at 60 bytes keep their length on the wire', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'vcap-lp-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'cut.pcap');
  const { a, ifA, ipB } = await vethPair(t, 63);
  const vcap = a.vcap(['--backend', 'libpcap', '-i', ifA, '-s', '60', '-w', file]);
  t.teardown(() => vcap.kill());
  await vcap.waitFor(/listening on/);
  await a.exec(['ping', '-c', '3', '-i', '0.2', '-s', '1000', ipB]);
  await sleep(SETTLE_MS);
  const r = await vcap.stop();
  t.is(r.code, 0, r.stderr);
  t.deepEqual(LISTENING.exec(r.stderr)?.slice(1), [ifA, 'EN10MB (Ethernet)', '60']);
  const shark = await run(['tshark', '-r', file, '-T', 'fields', '-e', 'frame.len', '-e', 'frame.cap_len']);
  t.deepEqual(shark.stdout.trim().split('\n'), Array(6).fill('1042\t60'));
});

test('--backend libpcap with a filter expression: libpcap compiles and attaches it', async (t) => {
  const { a, b, ifA, ifB, ipA, ipB } = await vethPair(t, 64);
  const filtered = a.vcap(['--backend', 'libpcap', '-i', ifA, '-n', 'udp', 'and', 'dst', 'port', '9999']);
  const inbound = b.vcap(['--backend', 'libpcap', '-i', ifB, '-n', 'icmp[icmptype]', '==', 'icmp-echo']);
  t.teardown(() => { filtered.kill(); inbound.kill(); });
  await filtered.waitFor(/listening on/);
  await inbound.waitFor(/listening on/);
  await a.exec(['ping', '-c', '3', '-i', '0.2', ipB]);
  await a.exec(['python3', '-c', `import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for p in (9998, 9999, 9999): s.sendto(b'hello', ('${ipB}', p))`]);
  await sleep(SETTLE_MS);
  const [f, q] = await Promise.all([filtered.stop(), inbound.stop()]);
  t.is(f.code, 0, f.stderr);
  t.is(q.code, 0, q.stderr);
  t.deepEqual(withoutTimes(f.stdout).map((l) => l.replace(/\.\d+ > /, '.P > ')), Array(2).fill(`IP ${ipA}.P > ${ipB}.9999: UDP, length 5`));
  // On b's end, the three requests, not b's replies.
  t.deepEqual(withoutTimes(q.stdout).map((l) => l.replace(/, id \d+, seq \d+, length 64$/, '')), Array(3).fill(`IP ${ipA} > ${ipB}: ICMP echo request`));
  // A bad expression: libpcap's message, one line.
  const bad = await a.exec([process.execPath, vcapBin, '--backend', 'libpcap', '-i', ifA, 'tcp', 'port', '99999']);
  t.is(bad.code, 1);
  t.is(bad.stderr, 'vcap: illegal port number 99999 > 65535\n');
});

test('--backend libpcap: a device that does not exist, -p and -Q are one-line errors', async (t) => {
  const { a } = await vethPair(t, 65);
  const none = await a.exec([process.execPath, vcapBin, '--backend', 'libpcap', '-i', 'nosuch0', '-n']);
  t.is(none.code, 1);
  t.is(none.stderr, 'vcap: nosuch0: No such device exists\n');
  const p = await a.exec([process.execPath, vcapBin, '--backend', 'libpcap', '-i', 'lo', '-p']);
  t.is(p.code, 1);
  t.is(p.stderr, 'vcap: --backend libpcap cannot honour -p: cap always opens the interface in promiscuous mode\n');
  const q = await a.exec([process.execPath, vcapBin, '--backend', 'libpcap', '-i', 'lo', '-Q', 'in']);
  t.is(q.code, 1);
  t.is(q.stderr, 'vcap: --backend libpcap cannot honour -Q: cap has no pcap_setdirection\n');
});

test('without cap: one line naming the optional package, exit status 1', async (t) => {
  // The loader is told to require a module that is not installed, as on a machine where cap's
  // optional install failed or was skipped; it fails before any device is opened (no root needed).
  const r = await run(['env', 'VCAP_TEST_CAP_MODULE=vcap-test-no-such-module', process.execPath, vcapBin, '--backend', 'libpcap', '-i', 'lo', '-n']);
  t.is(r.code, 1);
  t.is(r.stdout, '');
  t.is(r.stderr, `vcap: ${CAP_MISSING}\n`);
  t.is(CAP_MISSING, "--backend libpcap needs the optional package 'cap' (npm install cap; needs libpcap-dev)");
});

test('loadCap: a missing module and a module whose native part was never built give the same error', (t) => {
  const missing = t.throws(() => loadCap('vcap-test-no-such-module'), { instanceOf: VcapError, message: CAP_MISSING });
  t.is(missing?.code, 'ENOTSUP');
  // cap installed with its install script skipped: lib/Cap.js is there, build/Release/cap.node is not.
  const dir = mkdtempSync(join(tmpdir(), 'vcap-nocap-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'lib'));
  writeFileSync(join(dir, 'lib', 'Cap.js'), "module.exports = require('../build/Release/cap.node');\n");
  t.throws(() => loadCap(join(dir, 'lib', 'Cap.js')), { instanceOf: VcapError, message: CAP_MISSING });
  // The real one loads here (CI installs libpcap-dev, so cap builds).
  t.is(typeof loadCap().Cap, 'function');
});

test("cap's link type names map to LINKTYPE numbers", (t) => {
  t.is(capLinkType('ETHERNET'), 1);
  t.is(capLinkType('LINKTYPE_LINUX_SLL'), 113);
  t.is(capLinkType('RAW'), 101);
  t.is(capLinkType('NULL'), 0);
  t.is(capLinkType('IEEE802_11_RADIO'), 127);
  t.is(capLinkType('Unknown linktype 276'), 276);
  t.is(capLinkType('Unknown linktype 14'), 101);
  t.throws(() => capLinkType('something else'), { instanceOf: VcapError });
});
