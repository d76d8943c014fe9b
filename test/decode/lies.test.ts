// Headers whose lengths lie: decoding stops with an error at that layer, never reads outside
// the frame, and keeps every layer before it.
import test from 'ava';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { bytes, ether, ipv4, ipv6, tcp, udp } from '../helpers/frames.js';

const d = new Decoder();
const eth = (type: number, p: Uint8Array): Uint8Array => ether('00:00:00:00:00:02', '00:00:00:00:00:01', type, p);

test('IPv4 IHL < 5', (t) => {
  for (const ihl of [0, 1, 4]) {
    const p = d.decode(eth(0x0800, ipv4({ proto: 6, ihl }, tcp({}))), LinkType.EN10MB);
    t.truthy(p.ethernet);
    t.is(p.ipv4, undefined);
    t.like(p.stop, { layer: Layer.Ipv4, offset: 14, kind: 'error', detail: `header length ${ihl * 4} < 20` });
    t.is(p.payloadOffset, 14);
  }
});

test('IPv4 IHL past the capture: cut short', (t) => {
  const p = d.decode(eth(0x0800, ipv4({ proto: 6, ihl: 15 }, bytes(1, 2, 3))), LinkType.EN10MB);
  t.like(p.stop, { layer: Layer.Ipv4, required: 60, available: 23, kind: 'truncated' });
});

test('IPv4 total length smaller than the header', (t) => {
  const p = d.decode(eth(0x0800, ipv4({ proto: 6, totalLength: 12 }, tcp({}))), LinkType.EN10MB);
  t.like(p.stop, { layer: Layer.Ipv4, kind: 'error', detail: 'total length 12 < header length 20' });
});

test('IPv4 total length past the capture: the inner layers decode from what is there', (t) => {
  const p = d.decode(eth(0x0800, ipv4({ proto: 17, totalLength: 1500 }, udp(1, 2, bytes(1, 2, 3, 4)))), LinkType.EN10MB);
  t.true(p.ipv4!.incomplete);
  t.is(p.ipv4?.totalLength, 1500);
  t.is(p.udp?.dstPort, 2);
  t.true(p.truncated);
  t.is(p.stop, undefined);
  t.is(p.payloadLength, 4);
});

test('IPv4 total length shorter than the transport header it claims to hold', (t) => {
  const p = d.decode(eth(0x0800, ipv4({ proto: 6, totalLength: 30 }, tcp({}))), LinkType.EN10MB);
  t.like(p.stop, { layer: Layer.Tcp, offset: 34, required: 20, available: 10, kind: 'error', lenSource: 'ipv4-total-length' });
});

test('IPv6 payload length shorter than its transport header', (t) => {
  const p = d.decode(eth(0x86dd, ipv6({ nh: 6, plen: 4 }, tcp({}))), LinkType.EN10MB);
  t.like(p.stop, { layer: Layer.Tcp, offset: 54, required: 20, available: 4, kind: 'error', lenSource: 'ipv6-payload-length' });
});

test('IPv6 payload length past the capture is a cut, not an error', (t) => {
  const p = d.decode(eth(0x86dd, ipv6({ nh: 17, plen: 900 }, udp(1, 2, bytes(7)))), LinkType.EN10MB);
  t.true(p.ipv6!.incomplete);
  t.true(p.truncated);
  t.is(p.udp?.srcPort, 1);
});

test('IPv4 version field that is not 4', (t) => {
  const p = d.decode(eth(0x0800, ipv4({ proto: 6, version: 5 }, tcp({}))), LinkType.EN10MB);
  t.like(p.stop, { layer: Layer.Ipv4, kind: 'error', detail: 'version 5 != 4' });
});

test('an 802.3 length larger than the frame is ignored for the bound', (t) => {
  const p = d.decode(eth(1500, bytes(0x42, 0x42, 3, 1)), LinkType.EN10MB);
  t.is(p.llc?.dsap, 0x42);
  t.is(p.payloadLength, 1);
});
