// ISAKMP/IKE in the decoder: a real IKEv1 main mode message (tcpdump's suite capture
// ISAKMP_sa_setup.pcap) field by field, its payloads through the sub-views the printer walks,
// every cut of the header stopping in ISAKMP; RFC 3948's port 4500 (keepalive, marker + IKE, ESP).
import test from 'ava';
import { Decoder } from '../../src/decoders/decoder.js';
import { IkeNatT, Isakmp, ISAKMP_HEADER_LENGTH } from '../../src/decoders/isakmp.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { NOT_CAPTURED } from '../../src/decoders/view.js';
import { firstSuiteFrame as firstFrame } from '../helpers/tcpdump-suite.js';
import { bytes, concat, ether, ipv4, udp } from '../helpers/frames.js';

const d = new Decoder();
/** Where the UDP payload starts in an Ethernet/IPv4 frame without options. */
const APP = 14 + 20 + 8;


test('a real IKEv1 main mode message: the header, the SA payload, its proposal, transform and attributes', (t) => {
  // tcpdump -v: isakmp 1.0 msgid 00000000: phase 1 I ident: (sa: doi=ipsec situation=identity
  //   (p: #1 protoid=isakmp transform=1 (t: #1 id=ike (type=enc value=aes)(type=keylen value=0080)…))) (vid: len=16)…
  const frame = firstFrame('ISAKMP_sa_setup.pcap');
  const p = d.decode(frame, LinkType.EN10MB);
  t.is(p.stop, undefined);
  const v = p.layer(Layer.Isakmp) as Isakmp;
  t.true(v instanceof Isakmp);
  t.deepEqual(v.toJSON(), {
    offset: APP, length: 28, initiatorCookie: 'cf02326f14a95b93', responderCookie: '0000000000000000',
    nextPayload: 1, majorVersion: 1, minorVersion: 0, exchangeType: 2, flags: 0, messageId: 0, messageLength: 148,
  });
  t.true(v.responderCookieZero);
  t.is(v.messageIdHex, '00000000');
  const sa = v.item.point(v.firstPayloadOffset, v.end);
  t.deepEqual([sa.nextPayload, sa.payloadLength, sa.doi, sa.situation], [13, 60, 1, 1]);
  const prop = v.item.point(v.firstPayloadOffset + 12, v.end);
  t.deepEqual([prop.nextPayload, prop.payloadLength, prop.proposalNumber, prop.protocolId, prop.spiSize, prop.transformCount], [0, 48, 1, 1, 0, 1]);
  const tr = v.item.point(v.firstPayloadOffset + 20, v.end);
  t.deepEqual([tr.payloadLength, tr.transformNumber, tr.transformId], [40, 1, 1]);
  // Attributes: enc=aes (TV), keylen=128 (TV) … lifeduration (TLV, 4 bytes).
  const a = v.attribute.point(v.firstPayloadOffset + 28, v.end);
  t.deepEqual([a.shortForm, a.type, a.lengthOrValue], [true, 1, 7]);
  const life = v.attribute.point(v.firstPayloadOffset + 52, v.end);
  t.deepEqual([life.shortForm, life.type, life.lengthOrValue, life.hex(4, 4)], [false, 12, 4, '00015180']);
  // The vendor ID payload after the SA, its data in hex.
  const vid = v.item.point(v.firstPayloadOffset + 60, v.end);
  t.deepEqual([vid.nextPayload, vid.payloadLength, vid.hex(4, 4)], [13, 20, '439b59f8']);
  // A read past the capture throws NOT_CAPTURED (the printer's [|isakmp]); hexCaptured says so first.
  t.false(vid.hexCaptured(4, 10_000));
  let thrown: unknown;
  try { vid.hex(4, 10_000); } catch (e) { thrown = e; }
  t.is(thrown, NOT_CAPTURED);
});

test('every cut of the ISAKMP header stops in ISAKMP; a whole header decodes', (t) => {
  const frame = firstFrame('ISAKMP_sa_setup.pcap');
  for (let cap = APP; cap < APP + ISAKMP_HEADER_LENGTH; cap++) {
    const p = d.decode(frame.subarray(0, cap), LinkType.EN10MB);
    t.like(p.stop, { layer: Layer.Isakmp, offset: APP, required: 28, available: cap - APP, kind: 'truncated' }, `cap ${cap}`);
    t.is(p.layer(Layer.Isakmp), undefined);
  }
  const whole = d.decode(frame.subarray(0, APP + ISAKMP_HEADER_LENGTH), LinkType.EN10MB);
  t.is((whole.layer(Layer.Isakmp) as Isakmp).exchangeType, 2);
});

test('UDP 4500: a keepalive, IKE after the non-ESP marker (the next layer), and ESP', (t) => {
  const frame = (payload: Uint8Array): Uint8Array =>
    ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ipv4({ proto: 17 }, udp(4500, 4500, payload)));
  const ka = d.decode(frame(bytes(0xff)), LinkType.EN10MB).layer(Layer.IkeNatT) as IkeNatT;
  t.deepEqual(ka.toJSON(), { offset: APP, length: 0, kind: 'keepalive' });
  const ike = concat(bytes(0, 0, 0, 0), firstFrame('ISAKMP_sa_setup.pcap').subarray(APP));
  const p = d.decode(frame(ike), LinkType.EN10MB);
  t.like((p.layer(Layer.IkeNatT) as IkeNatT).toJSON(), { length: 4, kind: 'ike' });
  t.like((p.layer(Layer.Isakmp) as Isakmp).toJSON(), { offset: APP + 4, initiatorCookie: 'cf02326f14a95b93' });
  const esp = d.decode(frame(bytes(0, 0, 1, 0, 0, 0, 0, 1, 9, 9)), LinkType.EN10MB);
  t.deepEqual((esp.layer(Layer.IkeNatT) as IkeNatT).toJSON(), { offset: APP, length: 0, kind: 'esp' });
  t.is(esp.layer(Layer.Isakmp), undefined);
  // Two or three bytes are neither a keepalive nor a marker: cut short.
  t.like(d.decode(frame(bytes(0, 0)), LinkType.EN10MB).stop, { layer: Layer.IkeNatT, required: 4, available: 2 });
});
