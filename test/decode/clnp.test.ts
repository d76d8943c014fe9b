// CLNP and ES-IS in the decoder, after 802.2 LLC (SAP 0xfe): the fixed parts and addresses, the
// header's length indicator (cut short, or too small to hold the fixed part).
import test from 'ava';
import { Clnp } from '../../src/decoders/clnp.js';
import { Decoder } from '../../src/decoders/decoder.js';
import { Esis } from '../../src/decoders/esis.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { be16, bytes, concat, ether, fromHex } from '../helpers/frames.js';

const d = new Decoder();
const frame = (pdu: Uint8Array): Uint8Array => ether('01:80:c2:00:00:14', '02:00:00:00:00:01', 3 + pdu.length, concat(bytes(0xfe, 0xfe, 3), pdu));
const dst = fromHex('49000100000000000001'), src = fromHex('490001000000000000020a');
const CLNP = concat(bytes(0x81, 0, 1, 31, 28), be16(40), be16(0), bytes(dst.length), dst, bytes(src.length), src, bytes(205, 1, 0x0e));
CLNP[1] = CLNP.length;

test('a CLNP data PDU: its fixed part, addresses and options; the data is payload', (t) => {
  const p = d.decode(frame(concat(CLNP, bytes(1, 2, 3))), LinkType.EN10MB);
  t.is(p.stop, undefined);
  const c = p.layer(Layer.Clnp) as Clnp;
  t.true(c instanceof Clnp);
  t.deepEqual(c.toJSON(), {
    offset: 17, length: CLNP.length, version: 1, lifetime: 31, type: 28, flags: 0, segmentLength: 40, checksum: 0,
    destination: '49.0001.0000.0000.0000.01', source: '49.0001.0000.0000.0000.020a',
  });
  t.is(p.payloadLength, 3);
  for (let cap = 17; cap < 17 + CLNP.length; cap++) {
    const have = cap - 17;
    t.like(d.decode(frame(CLNP).subarray(0, cap), LinkType.EN10MB).stop, { layer: have < 1 ? Layer.Osi : Layer.Clnp, kind: 'truncated' }, `cap ${cap}`);
  }
  t.like(d.decode(frame(concat(bytes(0x81, 5, 1, 31, 28), be16(0), be16(0))), LinkType.EN10MB).stop, { layer: Layer.Clnp, kind: 'error', detail: 'length indicator 5 < 9' });
});

test('an ES-IS hello: type, holding time, checksum; the length indicator bounds it', (t) => {
  const esh = concat(bytes(0x82, 14, 1, 0, 2), be16(300), be16(0x1234), bytes(1, 3, 0x49, 0, 1));
  const p = d.decode(frame(esh), LinkType.EN10MB);
  const e = p.layer(Layer.Esis) as Esis;
  t.deepEqual(e.toJSON(), { offset: 17, length: 14, version: 1, type: 2, holdingTime: 300, checksum: 0x1234 });
  t.deepEqual([e.lengthAt(9), e.lengthAt(10), e.nsap(11, 3)], [1, 3, '49.0001']);
  t.like(d.decode(frame(esh).subarray(0, 17 + 12), LinkType.EN10MB).stop, { layer: Layer.Esis, required: 14, available: 12, kind: 'truncated' });
  t.like(d.decode(frame(concat(bytes(0x82, 10, 1, 0, 2), be16(1), be16(0), bytes(0))), LinkType.EN10MB).stop, { layer: Layer.Esis, kind: 'error' });
});
