// RADIUS and EAP in the decoder: a real Access-Request (tcpdump's suite capture RADIUS.pcap) field
// by field, its attributes through the sub-view the printer walks, cuts of the header; an 802.1X
// EAPOL frame carrying an EAP identity response.
import test from 'ava';
import { Decoder } from '../../src/decoders/decoder.js';
import { Eap, Eapol } from '../../src/decoders/eap.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { Radius, RADIUS_HEADER_LENGTH } from '../../src/decoders/radius.js';
import { firstSuiteFrame as firstFrame } from '../helpers/tcpdump-suite.js';
import { concat, ether, fromHex } from '../helpers/frames.js';

const d = new Decoder();
const APP = 14 + 20 + 8;


test('a real Access-Request: header, attributes, the values the printer reads, the EAP-Message', (t) => {
  // tcpdump -v: RADIUS, length: 139 / Access-Request (1), id: 0x05, Authenticator: ecfe3d2fe4473ec6299095ee46aedf77
  //   NAS-IP-Address Attribute (4), length: 6, Value: 10.0.0.1 / NAS-Port Attribute (5), length: 6, Value: 50012 …
  const p = d.decode(firstFrame('RADIUS.pcap'), LinkType.EN10MB);
  t.is(p.stop, undefined);
  const v = p.layer(Layer.Radius) as Radius;
  t.true(v instanceof Radius);
  t.like(v.toJSON(), { offset: APP, length: 20, code: 1, identifier: 5, messageLength: 139, authenticator: 'ecfe3d2fe4473ec6299095ee46aedf77' });
  t.deepEqual(v.attributes.map((a) => a.type), [4, 5, 61, 1, 30, 31, 6, 12, 79, 80]);
  t.deepEqual(v.attributes.map((a) => a.length), [6, 6, 6, 14, 19, 19, 6, 6, 19, 18]);
  let a = v.attribute.point(v.attributesOffset, v.end);
  t.deepEqual([a.type, a.attributeLength, a.valueIpv4(0)], [4, 6, '10.0.0.1']);
  a = v.attribute.point(v.attributesOffset + 6, v.end);
  t.is(a.valueU32(0), 50012);
  // The EAP-Message attribute holds an EAP packet: Response (2), id 0, len 17, Type Identity (1).
  const eapAt = v.attributesOffset + 6 + 6 + 6 + 14 + 19 + 19 + 6 + 6;
  a = v.attribute.point(eapAt, v.end);
  t.is(a.type, 79);
  const inner = new Decoder().decodeFrom(Layer.Eap, p.buf, LinkType.EN10MB, p.base, a.valueOffset, a.valueOffset + 17);
  t.like((inner.layer(Layer.Eap) as Eap).toJSON(), { code: 2, identifier: 0, packetLength: 17, type: 1 });
});

test('every cut of the RADIUS header stops in RADIUS; a length under 20 is an error', (t) => {
  const frame = firstFrame('RADIUS.pcap');
  for (let cap = APP; cap < APP + RADIUS_HEADER_LENGTH; cap++) {
    const p = d.decode(frame.subarray(0, cap), LinkType.EN10MB);
    t.like(p.stop, { layer: Layer.Radius, offset: APP, required: 20, available: cap - APP, kind: 'truncated' }, `cap ${cap}`);
  }
  const lie = frame.slice();
  lie[APP + 2] = 0; lie[APP + 3] = 19;
  t.like(d.decode(lie, LinkType.EN10MB).stop, { layer: Layer.Radius, kind: 'error' });
});

test('EAPOL (EtherType 0x888E): version, type, length; its EAP packet is the next layer', (t) => {
  const eap = fromHex('0201000a01626f62 0000'.replace(' ', ''));           // Response, id 1, len 10, Identity "bob"
  const frame = ether('01:80:c2:00:00:03', '02:00:00:00:00:01', 0x888e, concat(fromHex('0200000a'), eap));
  const p = d.decode(frame, LinkType.EN10MB);
  t.deepEqual((p.layer(Layer.Eapol) as Eapol).toJSON(), { offset: 14, length: 4, version: 2, type: 0, bodyLength: 10 });
  const e = p.layer(Layer.Eap) as Eap;
  t.true(e instanceof Eap);
  t.deepEqual(e.toJSON(), { offset: 18, length: 4, code: 2, identifier: 1, packetLength: 10, type: 1 });
  t.like(d.decode(frame.subarray(0, 20), LinkType.EN10MB).stop, { layer: Layer.Eap, offset: 18, required: 4, available: 2 });
});
