// SOME/IP in the decoder: a real notification (tcpdump's suite capture someip1.pcap) field by
// field, and every cut of its 16-byte header stopping in SOME/IP.
import test from 'ava';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { SOMEIP_HEADER_LENGTH, SomeIp } from '../../src/decoders/someip.js';
import { firstSuiteFrame } from '../helpers/tcpdump-suite.js';

const d = new Decoder();
const APP = 14 + 20 + 8;

test('a real notification: service, event, length, client, session, versions, type, return code', (t) => {
  // tcpdump: SOMEIP, service 65535, event 256, len 64, client 0, session 0, pver 1, iver 1, msgtype NOTIFICATION, retcode E_OK
  const p = d.decode(firstSuiteFrame('someip1.pcap'), LinkType.EN10MB);
  const v = p.layer(Layer.SomeIp) as SomeIp;
  t.true(v instanceof SomeIp);
  t.deepEqual(v.toJSON(), {
    offset: APP, length: 16, serviceId: 65535, event: true, methodOrEventId: 256, messageLength: 64, clientId: 0, sessionId: 0,
    protocolVersion: 1, interfaceVersion: 1, messageType: 2, returnCode: 0,
  });
});

test('every cut of the header stops in SOME/IP', (t) => {
  const frame = firstSuiteFrame('someip1.pcap');
  for (let cap = APP + 1; cap < APP + SOMEIP_HEADER_LENGTH; cap++) {
    t.like(d.decode(frame.subarray(0, cap), LinkType.EN10MB).stop, { layer: Layer.SomeIp, offset: APP, required: 16, available: cap - APP }, `cap ${cap}`);
  }
});
