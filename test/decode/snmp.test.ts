// SNMP in the decoder: the BER element sub-view parsing a v2c GetRequest element by element as
// the printer walks it (tcpdump's asn1_parse), its notices and errors, and cuts.
import test from 'ava';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { BerType, Snmp } from '../../src/decoders/snmp.js';
import { ether, fromHex, ipv4, udp } from '../helpers/frames.js';

const d = new Decoder();
const APP = 14 + 20 + 8;
// { SNMPv2c { GetRequest(25) R=7  .1.3.6.1.2.1.1.1.0 } }, community "public"
const GET = fromHex('302602010104067075626c6963a019020107020100020100300e300c06082b060102010101000500');
const frame = (payload: Uint8Array): Uint8Array =>
  ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ipv4({ proto: 17 }, udp(40000, 161, payload)));

test('a v2c GetRequest: the message, version, community, PDU and its binding, element by element', (t) => {
  const p = d.decode(frame(GET), LinkType.EN10MB);
  t.is(p.stop, undefined);
  const v = p.layer(Layer.Snmp) as Snmp;
  t.true(v instanceof Snmp);
  t.deepEqual(v.toJSON(), { offset: APP, length: 0, version: 1 });
  const e = v.element.point(v.off, v.end);
  t.is(e.parse(v.off, GET.length), GET.length);
  t.deepEqual([e.type, e.asnlen, e.valueOffset - v.off], [BerType.Seq, 38, 2]);
  let at = e.valueOffset;
  t.is(e.parse(at, 38), 3);
  t.deepEqual([e.type, e.integer], [BerType.Int, 1]);
  at += 3;
  t.is(e.parse(at, 35), 8);
  t.deepEqual([e.type, e.asnlen], [BerType.Str, 6]);
  at += 8;
  t.is(e.parse(at, 27), 27);
  t.deepEqual([e.type, e.cls, e.id, e.asnlen], [BerType.Pdu, 2, 0, 25]);
  at = e.valueOffset;
  t.is(e.parse(at, 25), 3);
  t.is(e.integer, 7);
});

test('errors and cuts: not a SEQUENCE, a length past the element, a value cut short', (t) => {
  const v = d.decode(frame(GET), LinkType.EN10MB).layer(Layer.Snmp) as Snmp;
  // A message that is not a SEQUENCE is not SNMP (another Decoder: `v` stays on this frame).
  t.like(new Decoder().decode(frame(fromHex('44020102')), LinkType.EN10MB).stop, { layer: Layer.Snmp, kind: 'error' });
  const e = v.element.point(v.off, v.off + 3);
  t.is(e.parse(v.off, 40), -1);                                         // 38 bytes promised, 1 captured
  t.is(e.error, '');                                                    // tcpdump's trunc mark
  t.is(e.parse(v.off, 10), -1);
  t.is(e.error, '[len8<asnlen38]');
  // A whole message cut in its first two bytes stops in SNMP.
  t.like(d.decode(frame(GET).subarray(0, APP + 1), LinkType.EN10MB).stop, { layer: Layer.Snmp, offset: APP, required: 2 });
});

test('tcpdump quirks kept: a long-form tag keeps 8 bits (its u_char), and every class prints as "x"', (t) => {
  // In a SEQUENCE: tag 0x3f = universal, constructed, long form; 0x94 0x01 would be tag 2561, as a u_char 1 (Boolean);
  // then 0x7f 0x06: application class, constructed, tag 6 (Counter64).
  const s = new Decoder().decode(frame(fromHex('30073f9401007f0600')), LinkType.EN10MB).layer(Layer.Snmp) as Snmp;
  t.true(s instanceof Snmp);
  const e = s.element.point(s.off, s.end);
  t.is(e.parse(s.off + 2, 4), 4);
  t.deepEqual([e.cls, e.id], [0, 1]);
  t.is(e.notice, 'C/U/Boolean');
  // tcpdump's Class[].name is its defineCLASS macro's literal "x".
  t.is(e.parse(s.off + 6, 3), 3);
  t.is(e.notice, 'C/x/Counter64');
});
