// The views printers read: the layer a decode stopped in is pointed at what there is of it (the
// library's getters still say only "decoded in full"), sub-views walk options with checked reads,
// and a walk can start at any layer inside a frame (what the printers use for inner packets).
import test from 'ava';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { NOT_CAPTURED } from '../../src/decoders/view.js';
import type { Tcp } from '../../src/decoders/tcp.js';
import type { Ipv4 } from '../../src/decoders/ipv4.js';
import type { Icmp } from '../../src/decoders/icmp.js';
import { bytes, concat, ether, fromHex, icmp, ipv4, tcp, udp } from '../helpers/frames.js';

const d = new Decoder();

/** What `f` threw (NOT_CAPTURED is a plain frozen object, not an Error, so t.throws will not take it). */
function thrown(f: () => unknown): unknown {
  try { f(); } catch (e) { return e; }
  return undefined;
}
const E = (type: number, payload: Uint8Array): Uint8Array => ether('02:00:00:00:00:02', '02:00:00:00:00:01', type, payload);
// MSS, SACK-permitted, timestamps, NOP, window scale: a SYN's options (40-byte header).
const synOptions = fromHex('020405b4 0402 080a 0000000a 00000000 01 030307');
const syn = E(0x0800, ipv4({ proto: 6 }, tcp({ sport: 40000, dport: 443, seq: 7, options: synOptions })));

test('a header cut short: the library sees no layer, the stop names it, and its view shows what was captured', (t) => {
  const p = d.decode(syn, LinkType.EN10MB, 0, 14 + 20 + 6);
  t.is(p.tcp, undefined);
  t.like(p.stop, { layer: Layer.Tcp, offset: 34, kind: 'truncated' });
  const v = p.viewAt(Layer.Tcp, 34) as Tcp;
  t.truthy(v);
  t.is(v.captured, 6);
  t.true(v.portsCaptured);
  t.false(v.has(20));
  t.is(v.srcPort, 40000);
  t.is(v.dstPort, 443);
  // Where the walk did not go, or at another offset, there is no view.
  t.is(p.viewAt(Layer.Udp, 34), undefined);
  t.is(p.viewAt(Layer.Tcp, 30), undefined);
});

test('a header that contradicts itself: the view of the broken layer is still there to print', (t) => {
  const p = d.decode(E(0x0800, ipv4({ version: 6, proto: 17 }, udp(1, 2))), LinkType.EN10MB);
  t.is(p.ipv4, undefined);
  t.like(p.stop, { layer: Layer.Ipv4, kind: 'error', detail: 'version 6 != 4' });
  const v = p.viewAt(Layer.Ipv4, 14) as Ipv4;
  t.is(v.version, 6);
  t.is(v.captured, 28);
});

test('layers decoded in full are what they were, and report all of their header captured', (t) => {
  const p = d.decode(syn, LinkType.EN10MB);
  t.is(p.tcp?.srcPort, 40000);
  t.is(p.tcp?.statedHeaderLength, 40);
  t.is(p.tcp?.headerLength, 40);
  t.is(p.viewAt(Layer.Tcp, 34), p.tcp);
  t.is(p.viewAt(Layer.Ipv4, 14), p.ipv4);
  t.true(p.ipv4!.has(20));
  t.is(p.ipv4!.finalDestinationOffset, 14 + 16);
});

test('the option sub-view walks the options and a read past the capture throws NOT_CAPTURED', (t) => {
  const p = d.decode(syn, LinkType.EN10MB, 0, 14 + 20 + 20 + 13);
  const tcpView = p.viewAt(Layer.Tcp, 34) as Tcp;
  const o = tcpView.option.point(54, tcpView.end);
  t.is(o.kind, 2);
  t.is(o.lengthField, 4);
  t.is(o.mss, 1460);
  o.point(58, tcpView.end);
  t.is(o.kind, 4);
  o.point(60, tcpView.end);
  t.is(o.kind, 8);
  t.true(o.dataCaptured(3));
  t.false(o.dataCaptured(8));
  t.is(o.tsval, 10);
  t.is(thrown(() => o.tsecr), NOT_CAPTURED);
});

test('an ICMP error: the quoted datagram is read where tcpdump reads it, and decoded from inside the frame', (t) => {
  const quoted = ipv4({ proto: 17, src: '10.0.0.2', dst: '192.0.2.9' }, udp(5353, 53, bytes(1, 2, 3, 4)));
  const frame = E(0x0800, ipv4({ proto: 1 }, icmp(3, 3, bytes(0, 0, 0, 0), quoted)));
  const p = d.decode(frame, LinkType.EN10MB);
  const v = p.icmp as Icmp;
  t.is(v.quotedProtocol, 17);
  t.is(v.quotedDst, '192.0.2.9');
  t.is(v.quotedDstPort, 53);
  const inner = new Decoder().decodeFrom(Layer.Ipv4, frame, LinkType.EN10MB, 0, v.quotedOffset, frame.length);
  t.is(inner.ipv4?.dst, '192.0.2.9');
  t.is(inner.udp?.dstPort, 53);
  // Offsets stay relative to the frame the walk started inside.
  t.is(inner.ipv4?.offset, 42);
  // Cut inside the quoted header: the getter throws, which the printer turns into ` [|icmp]`.
  const cut = d.decode(frame, LinkType.EN10MB, 0, 14 + 20 + 8 + 20);
  t.is(cut.icmp?.quotedDst, '192.0.2.9');
  t.is(thrown(() => cut.icmp?.quotedDstPort), NOT_CAPTURED);
});

test('VLAN tags: the tag a capture cut is pointed at too', (t) => {
  const frame = E(0x8100, concat(bytes(0x20, 0x64, 0x08, 0x00), ipv4({ proto: 17 }, udp(1, 2))));
  const p = d.decode(frame, LinkType.EN10MB, 0, 16);
  t.like(p.stop, { layer: Layer.Vlan, offset: 14 });
  t.is(p.views.vlan.tags[0]!.off, 14);
  t.is(p.views.vlan.tags[0]!.captured, 2);
  t.is(p.views.vlan.tags[0]!.tci, 0x2064);
});
