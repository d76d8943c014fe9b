// EGP in the decoder: the layer by IP protocol 8, the header's fields and each type's, toJSON(),
// a header cut short as a stop, --json against the schema.
import test from 'ava';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { Egp } from '../../src/decoders/egp.js';
import { be16, bytes, concat, ether, ipv4 } from '../helpers/frames.js';
import type { Rec } from '../helpers/oracle.js';
import { jsonLinesAsDecoded } from '../helpers/packet-schema.js';

const d = new Decoder();
const v4 = (p: Uint8Array): Uint8Array => ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ipv4({ proto: 8 }, p));
const egp = (type: number, w1: Uint8Array, w2: Uint8Array): Uint8Array => concat(bytes(2, type, 0, 1), be16(0x1234), be16(65001), be16(7), w1, w2);

test('EGP: the header, acquire intervals, an update\'s source network and gateway counts, an error\'s reason', (t) => {
  const a = d.decode(v4(egp(3, be16(60), bytes(0, 120, 0, 0))), LinkType.EN10MB).layer(Layer.Egp) as Egp;
  t.true(a instanceof Egp);
  t.deepEqual(a.toJSON(), { offset: 34, length: 16, version: 2, type: 3, code: 0, status: 1, autonomousSystem: 65001, sequence: 7 });
  t.is(a.helloInterval, 60);
  t.is(a.pollInterval, 120);
  const u = d.decode(v4(egp(1, bytes(2, 1), bytes(10, 1, 2, 0))), LinkType.EN10MB).layer(Layer.Egp) as Egp;
  t.deepEqual(u.toJSON(), { offset: 34, length: 16, version: 2, type: 1, code: 0, status: 1, autonomousSystem: 65001, sequence: 7,
    sourceNetwork: '10.1.2.0', interiorGateways: 2, exteriorGateways: 1 });
  const e = d.decode(v4(egp(8, be16(6), bytes(0, 0, 0, 0))), LinkType.EN10MB).layer(Layer.Egp) as Egp;
  t.is((e.toJSON() as { reason: number }).reason, 6);
  const p = d.decode(v4(egp(3, be16(60), bytes(0, 120, 0, 0)).subarray(0, 12)), LinkType.EN10MB);
  t.is(p.layer(Layer.Egp), undefined);
  t.is(p.stop?.layer, Layer.Egp);
});

test('--json of EGP messages, whole and cut: valid against the schema, equal to toJSON()', (t) => {
  const frames = [v4(egp(3, be16(60), bytes(0, 120, 0, 0))), v4(egp(1, bytes(2, 1), bytes(10, 1, 2, 0))), v4(egp(2, be16(0), bytes(10, 1, 2, 0))), v4(egp(8, be16(6), bytes(0, 0, 0, 0)))];
  const recs: Rec[] = [...frames.map((frame) => ({ frame })), { frame: frames[0]!, caplen: 34 + 10 }];
  const lines = jsonLinesAsDecoded(t, d, LinkType.EN10MB, recs);
  lines.forEach((line, i) => t.is('egp' in (line['layers'] as object), i !== 4, `packet ${i}`));
});
