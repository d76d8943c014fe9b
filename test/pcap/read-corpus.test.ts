// Every capture of tcpdump's corpus and of the golden set reads with the packet count, link type and
// snapshot length the real tools report (tcpdump's "reading from file" line, capinfos' packet count).
import test from 'ava';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { linkTypeDescription } from '../../src/decoders/link-type.js';
import { corpusDir, corpusFiles, goldenDir, readAll, run } from './helpers.js';

function oracle(path: string): { header: string; count: number } {
  const td = run('tcpdump', ['-r', path, '-w', '/dev/null']);
  const header = /reading from file .*, link-type (.*), snapshot length (\d+)/.exec(td.stderr);
  const ci = run('capinfos', ['-c', '-M', path]);
  const count = /Number of packets:\s+(\d+)/.exec(ci.stdout);
  if (!header || !count) throw new Error(`no oracle for ${path}: ${td.stderr} ${ci.stderr}`);
  return { header: `${header[1]} ${header[2]}`, count: Number(count[1]) };
}

const files = [
  ...corpusFiles().map((f) => join(corpusDir, f)),
  ...readdirSync(goldenDir).filter((f) => f.endsWith('.pcap')).sort().map((f) => join(goldenDir, f)),
];

test('the corpus is there (47 tcpdump captures)', (t) => {
  t.is(corpusFiles().length, 47);
});

for (const path of files) {
  const name = path.slice(path.lastIndexOf('/test/pcaps/') + 12);
  test(`reads ${name} like tcpdump and capinfos`, (t) => {
    const want = oracle(path);
    const got = readAll(path);
    t.is(got.error, undefined);
    t.is(got.format, 'pcap');
    t.is(`${linkTypeDescription(got.linkType)} ${got.snaplen}`, want.header);
    t.is(got.frames.length, want.count);
    for (const f of got.frames) t.is(f.linkType, got.linkType);
  });
}

test('timestamps and lengths of a corpus file match tshark, µs and ns files', (t) => {
  for (const f of ['dns_udp.pcap', 'tcp-handshake-nano.pcap', 'arp-oobr.pcap']) {
    const path = join(corpusDir, f);
    const ts = run('tshark', ['-r', path, '-T', 'fields', '-e', 'frame.time_epoch', '-e', 'frame.cap_len', '-e', 'frame.len']);
    const want = ts.stdout.trim().split('\n');
    const got = readAll(path).frames.map((fr) => `${fr.sec}.${String(fr.nsec).padStart(9, '0')}\t${fr.capLen}\t${fr.origLen}`);
    t.deepEqual(got, want, f);
  }
});
