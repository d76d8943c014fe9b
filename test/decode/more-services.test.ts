// The further services of issue 15 in the decoder: timed, Zephyr, lwres, wb, the text protocols
// (whois, HTTP…), Telnet, sFlow, LMP, LSP ping and RPKI-RTR — fields of real frames (tcpdump's suite captures) or of
// frames built here, and where a cut stops.
import test from 'ava';
import { join } from 'node:path';
import { openCaptureFile } from '../../src/capture/capture-file.js';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import type { Timed } from '../../src/decoders/timed.js';
import type { Zephyr } from '../../src/decoders/zephyr.js';
import type { Lwres } from '../../src/decoders/lwres.js';
import type { Wb } from '../../src/decoders/wb.js';
import type { TextProtocol } from '../../src/decoders/txtproto.js';
import type { Telnet } from '../../src/decoders/telnet.js';
import type { Sflow } from '../../src/decoders/sflow.js';
import type { Lmp } from '../../src/decoders/lmp.js';
import type { Lspping } from '../../src/decoders/lspping.js';
import type { RpkiRtr } from '../../src/decoders/rpki-rtr.js';
import { be16, be32, bytes, concat, ether, ip4, ipv4, tcp, udp } from '../helpers/frames.js';
import { repoRoot } from '../helpers/netns.js';

const d = new Decoder();

/** Frame `n` (from 1) of a capture of tcpdump's suite. */
function suiteFrame(file: string, n: number): Uint8Array {
  const f = openCaptureFile(join(repoRoot, 'test', 'pcaps', 'tcpdump-suite', file));
  try {
    for (let i = 1; ;) {
      const b = f.next();
      if (b === undefined || b === null) throw new Error(`${file} has no frame ${n}`);
      for (let k = 0; k < b.count; k++, i++) if (i === n) return b.bytes.slice(b.offset[k], b.offset[k]! + b.capLen[k]!);
    }
  } finally {
    f.close();
  }
}
const UDP4 = (sport: number, dport: number, payload: Uint8Array): Uint8Array =>
  ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ipv4({ proto: 17 }, udp(sport, dport, payload)));
/** Where the UDP payload starts in those frames. */
const APP = 14 + 20 + 8;
const text = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'latin1'));

test('timed: a TSP_SETTIME message, its fields; cut before the name\'s end it is still timed', (t) => {
  const msg = concat(bytes(5, 1), be16(77), be32(1700000000), be32(250000), text('host\0'));
  const p = d.decode(UDP4(525, 525, msg), LinkType.EN10MB);
  t.is(p.stop, undefined);
  t.deepEqual((p.layer(Layer.Timed) as Timed).toJSON(), { offset: APP, length: 12, type: 5, version: 1, sequence: 77, seconds: 1700000000, microseconds: 250000 });
  t.like(d.decode(UDP4(525, 525, msg).subarray(0, APP + 6), LinkType.EN10MB).stop, { layer: Layer.Timed, offset: APP, kind: 'truncated' });
});

test('Zephyr: the header fields by name through the field cursor', (t) => {
  const fields = ['ZEPH0.2', '11', '2', 'uid', '0', '0', '0', '', 'MESSAGE', 'PERSONAL', '', 'alice@ATHENA', 'bob@ATHENA', '', '0', '0', ''];
  const p = d.decode(UDP4(2104, 2103, text(fields.join('\0') + '\0')), LinkType.EN10MB);
  const z = p.layer(Layer.Zephyr) as Zephyr;
  t.like(z.toJSON(), { offset: APP, fields: { version: 'ZEPH0.2', kind: '2', class: 'MESSAGE', inst: 'PERSONAL', sender: 'alice@ATHENA', recipient: 'bob@ATHENA' } });
  const f = z.fields.start(z, 8);
  t.is(f.next(), 'ZEPH0.2');
  t.is(f.next(), undefined, 'a field that runs past the length is lost');
  t.true(f.lost);
});

test('lwres: the header of the suite\'s packet, and a cut header', (t) => {
  const frame = suiteFrame('lwres_with_extra.pcap', 1);
  const p = d.decode(frame, LinkType.EN10MB);
  const l = p.layer(Layer.Lwres) as Lwres;
  t.like(l.toJSON(), { length: 28, packetLength: 3594977026, version: 0, opcode: 0, result: 0x1006280a, receiveLength: 375128466, authType: 0x168, authLength: 4 });
  const cut = d.decode(frame.subarray(0, l.offset + 20), LinkType.EN10MB);
  t.like(cut.stop, { layer: Layer.Lwres, offset: l.offset, kind: 'truncated' });
});

test('wb: a page reply\'s header and its first page state through the sub-view', (t) => {
  const msg = concat(be32(1), be32(2), be16(1), bytes(7, 0), be32(1), be32(3), ip4('10.1.2.3'), be32(4), bytes(1, 0, 0, 0), ip4('10.9.9.9'), be32(5));
  const p = d.decode(UDP4(4567, 4567, msg), LinkType.EN10MB);
  const w = p.layer(Layer.Wb) as Wb;
  t.like(w.toJSON(), { offset: APP, length: 12, source: 1, timestamp: 2, version: 1, type: 7, flags: 0 });
  t.is(w.prepCount, 1);
  const ps = w.at(w.pageState, 16);
  t.like(ps, { slot: 3, pageSource: '10.1.2.3', pageNumber: 4, countHighByte: 1 });
  t.like(d.decode(UDP4(4567, 4567, msg).subarray(0, APP + 11), LinkType.EN10MB).stop, { layer: Layer.Wb, offset: APP, kind: 'truncated' });
});

test('whois: the query line of the suite\'s capture', (t) => {
  const frame = suiteFrame('whois.pcap', 4);
  const p = d.decode(frame, LinkType.EN10MB);
  const w = p.layer(Layer.Whois) as TextProtocol;
  t.truthy(w);
  t.true(w.lines.length >= 1);
  t.is(w.text(0, w.lines[0]!.length), w.lines[0]);
});

test('HTTP and Telnet: a request\'s lines; a segment that starts with a command', (t) => {
  const req = 'GET / HTTP/1.1\r\nHost: example\r\n\r\n';
  const seg = (dport: number, payload: Uint8Array): Uint8Array =>
    ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ipv4({ proto: 6 }, tcp({ sport: 40000, dport, flags: 0x18 }, payload)));
  const h = d.decode(seg(80, text(req)), LinkType.EN10MB).layer(Layer.Http) as TextProtocol;
  t.deepEqual(h.toJSON(), { offset: 54, length: req.length, lines: ['GET / HTTP/1.1', 'Host: example', ''] });
  const tn = d.decode(seg(23, bytes(255, 251, 1)), LinkType.EN10MB).layer(Layer.Telnet) as Telnet;
  t.deepEqual(tn.toJSON(), { offset: 54, length: 3, startsWithCommand: true });
});

test('sFlow: the datagram header of the suite\'s capture and its first sample', (t) => {
  const frame = suiteFrame('sflow_multiple_counter_30_pdus.pcap', 1);
  const s = d.decode(frame, LinkType.EN10MB).layer(Layer.Sflow) as Sflow;
  t.like(s.toJSON(), { length: 28, version: 5, agent: '15.184.8.4', agentId: 2, sequence: 204720, uptime: 2612972293, samples: 7 });
  const sample = s.at(s.sample, 28);
  t.like(sample, { format: 4, length: 172, sequence: 87096, expandedSourceType: 0, expandedSourceIndex: 55, expandedCounterRecords: 2 });
  t.like(d.decode(frame.subarray(0, s.offset + 27), LinkType.EN10MB).stop, { layer: Layer.Sflow, kind: 'truncated' });
});

test('LMP: a Begin Verify message of the suite\'s capture and its first object', (t) => {
  const frame = suiteFrame('lmp.pcap', 1);
  // UDP 49998: LMP only with -T lmp, so the test decodes from the UDP payload.
  const l = d.decodeFrom(Layer.Lmp, frame, LinkType.EN10MB, 0, APP, frame.length).layer(Layer.Lmp) as Lmp;
  t.like(l.toJSON(), { offset: APP, length: 8, version: 1, flags: 0, messageType: 5, messageLength: 56 });
  const o = l.at(l.object, 8);
  t.like(o, { ctypeByte: 1, classNum: 3, length: 8, valueIpv4: '1.0.0.0', value: 0x01000000 });
});

test('LSP ping: an echo reply of the suite\'s capture, header by name; a cut header', (t) => {
  const frame = suiteFrame('lsp-ping-timestamp.pcap', 1);
  const p = d.decode(frame, LinkType.LINUX_SLL);
  const l = p.layer(Layer.Lspping) as Lspping;
  t.like(l.toJSON(), { offset: 16 + 20 + 8, length: 32, version: 1, messageType: 2, replyMode: 2, returnCode: 3, returnSubcode: 0, sequence: 1 });
  t.is(l.sentSeconds, 3809381051);
  t.like(d.decode(frame.subarray(0, l.offset + 31), LinkType.LINUX_SLL).stop, { layer: Layer.Lspping, offset: l.offset, kind: 'truncated' });
});

test('RPKI-RTR: a Cache Response and an IPv4 Prefix PDU in one segment, through the PDU sub-view', (t) => {
  const pdus = concat(bytes(0, 3), be16(0x1234), be32(8), bytes(0, 4, 0, 0), be32(20), bytes(1, 24, 32, 0), ip4('192.0.2.0'), be32(64500));
  const frame = ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ipv4({ proto: 6 }, tcp({ sport: 323, dport: 40000, flags: 0x18 }, pdus)));
  const r = d.decode(frame, LinkType.EN10MB).layer(Layer.RpkiRtr) as RpkiRtr;
  t.deepEqual(r.toJSON(), { offset: 54, length: 28, pdus: [{ version: 0, type: 3, length: 8 }, { version: 0, type: 4, length: 20 }] });
  const p = r.at(r.pdu, 8);
  t.like(p, { type: 4, flags: 1, prefixLength: 24, maxLength: 32, prefixIpv4: '192.0.2.0', asIpv4: 64500 });
  t.is(r.at(r.pdu, 0).sessionId, 0x1234);
});
