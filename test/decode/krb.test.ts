// Kerberos in the decoder: a v4 KDC request's version, type and byte order; its names by byte;
// a v5 message (ASN.1, not decoded further); an empty datagram has no Kerberos layer.
import test from 'ava';
import { Decoder } from '../../src/decoders/decoder.js';
import { Krb } from '../../src/decoders/krb.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { ether, fromHex, ipv4, udp } from '../helpers/frames.js';

const d = new Decoder();
const APP = 14 + 20 + 8;
const frame = (payload: Uint8Array, port = 88): Uint8Array =>
  ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ipv4({ proto: 17 }, udp(1025, port, payload)));

test('a v4 KDC request (little-endian), a v5 message, an empty datagram', (t) => {
  // tcpdump: v4 le KDC_REQUEST: alice.@ATHENA 480min krbtgt.ATHENA
  const req = Uint8Array.from(Buffer.concat([Buffer.from([4, 3]), Buffer.from('alice\0\0ATHENA\0', 'latin1'), Buffer.from([0, 0, 0, 1, 0x60])]));
  const v = d.decode(frame(req, 750), LinkType.EN10MB).layer(Layer.Krb) as Krb;
  t.true(v instanceof Krb);
  t.deepEqual(v.toJSON(), { offset: APP, length: 1, version: 4, messageType: 2, littleEndian: true });
  t.deepEqual([v.byte(2), v.byte(7), v.u16At(18)], [0x61, 0, 0x0100]);
  t.deepEqual((d.decode(frame(fromHex('6a20')), LinkType.EN10MB).layer(Layer.Krb) as Krb).toJSON(), { offset: APP, length: 1, version: 106 });
  // An empty datagram has no Kerberos layer (the UDP walk stops where the lengths end), and no stop.
  const empty = d.decode(frame(new Uint8Array(0)), LinkType.EN10MB);
  t.is(empty.layer(Layer.Krb), undefined);
  t.is(empty.stop, undefined);
});
