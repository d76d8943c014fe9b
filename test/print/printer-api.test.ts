// The text printer as a library user calls it: PacketPrinter over their own bytes, lines to their own sink.
import test from 'ava';
import { PacketPrinter, defaultPrintOptions, LinkType } from '../../src/index.js';
import type { LineSink, PrintOptions } from '../../src/index.js';
import { ether, ipv4, tcp, udp, fromHex } from '../helpers/frames.js';

class Lines implements LineSink {
  text = '';
  push(s: string): void { this.text += s; }
}

const syn = ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800,
  ipv4({ src: '192.0.2.1', dst: '192.0.2.2', proto: 6, id: 7 }, tcp({ sport: 40000, dport: 80, seq: 100, options: fromHex('020405b4') })));

test('prints one tcpdump line per frame into the sink', (t) => {
  const out = new Lines();
  const p = new PacketPrinter({ ...defaultPrintOptions, timeFormat: 2 }, LinkType.EN10MB, out);
  p.print(syn, 0, syn.length, syn.length, 1700000000, 123456789);
  t.is(out.text, '1700000000.123456 IP 192.0.2.1.40000 > 192.0.2.2.80: Flags [S], seq 100, win 65535, options [mss 1460], length 0\n');
  t.is(p.count, 1);
});

// Expected text from `tcpdump -# -tt --nano -v -e -n` on the same frame.
test('options change the line as the tcpdump flags do (-v -e -#, --nano)', (t) => {
  const out = new Lines();
  const o: PrintOptions = { ...defaultPrintOptions, verbose: 1, linkHeader: true, packetNumber: true, timeFormat: 2, nano: true };
  new PacketPrinter(o, LinkType.EN10MB, out).print(syn, 0, syn.length, syn.length, 1700000000, 123456789);
  t.is(out.text,
    '    1  1700000000.123456789 02:00:00:00:00:01 > 02:00:00:00:00:02, ethertype IPv4 (0x0800), length 58: ' +
    '(tos 0x0, ttl 64, id 7, offset 0, flags [DF], proto TCP (6), length 44)\n' +
    '    192.0.2.1.40000 > 192.0.2.2.80: Flags [S], cksum 0x0000 (incorrect -> 0x772e), seq 100, win 65535, options [mss 1460], length 0\n');
});

test('a frame cut short ends with the [|proto] marker, never an exception', (t) => {
  const out = new Lines();
  const p = new PacketPrinter({ ...defaultPrintOptions, timeFormat: 1 }, LinkType.EN10MB, out);
  for (let cap = 0; cap <= syn.length; cap++) t.notThrows(() => p.print(syn, 0, cap, syn.length, 0, 0));
  const lines = out.text.split('\n');
  t.is(lines[14 + 20 + 2], 'IP 192.0.2.1 > 192.0.2.2: [|tcp]');
  t.is(lines[14 + 20 + 10], 'IP 192.0.2.1.40000 > 192.0.2.2.80:  [|tcp]');
});

test('frames are read at their offset inside a larger buffer (a batch)', (t) => {
  const u = ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ipv4({ proto: 17 }, udp(5353, 9999, fromHex('00'))));
  const buf = new Uint8Array(100 + u.length);
  buf.set(u, 100);
  const out = new Lines();
  new PacketPrinter({ ...defaultPrintOptions, timeFormat: 1 }, LinkType.EN10MB, out).print(buf, 100, u.length, u.length, 0, 0);
  t.true(out.text.startsWith('IP 10.0.0.1.5353 > 10.0.0.2.9999: '));
});

// `tcpdump -t -r` of a LINKTYPE 147 (USER0) file holding this frame.
test('a link type without a printer prints tcpdump\'s UNSUPPORTED line and the frame in hex and ASCII', (t) => {
  const frame = Uint8Array.from({ length: 40 }, (_, i) => i);
  const out = new Lines();
  new PacketPrinter({ ...defaultPrintOptions, timeFormat: 1 }, 147, out).print(frame, 0, 40, 42, 0, 0);
  t.is(out.text, 'UNSUPPORTED\n' +
    '\t0x0000:  0001 0203 0405 0607 0809 0a0b 0c0d 0e0f  ................\n' +
    '\t0x0010:  1011 1213 1415 1617 1819 1a1b 1c1d 1e1f  ................\n' +
    '\t0x0020:  2021 2223 2425 2627                      .!"#$%&\'\n');
});
