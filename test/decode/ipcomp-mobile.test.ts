// IPComp and minimal encapsulation within IP in the decoder: the layers by IP protocol over IPv4
// and IPv6, their fields, toJSON(), a header cut short as a stop, --json against the schema.
import test from 'ava';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { Ipcomp } from '../../src/decoders/ipcomp.js';
import { MobileIp } from '../../src/decoders/mobile-ip.js';
import { be16, bytes, checksum, concat, ether, ip4, ipv4, ipv6 } from '../helpers/frames.js';
import type { Rec } from '../helpers/oracle.js';
import { jsonLinesAsDecoded } from '../helpers/packet-schema.js';

const d = new Decoder();
const v4 = (proto: number, p: Uint8Array): Uint8Array => ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ipv4({ proto }, p));
const v6 = (nh: number, p: Uint8Array): Uint8Array => ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x86dd, ipv6({ nh }, p));
const mob = (s: boolean): Uint8Array => {
  const h = concat(bytes(17, s ? 0x80 : 0), be16(0), ip4('192.168.1.1'), s ? ip4('10.9.9.9') : new Uint8Array(0));
  h.set(be16(checksum(h)), 2);
  return h;
};

test('IPComp: the layer over IPv4 and IPv6, its fields and toJSON()', (t) => {
  for (const [frame, at] of [[v4(108, bytes(6, 1, 0x13, 0x89, 9, 9)), 34], [v6(108, bytes(6, 1, 0x13, 0x89, 9, 9)), 54]] as const) {
    const v = d.decode(frame, LinkType.EN10MB).layer(Layer.Ipcomp) as Ipcomp;
    t.true(v instanceof Ipcomp);
    t.deepEqual(v.toJSON(), { offset: at, length: 4, nextHeader: 6, flags: 1, cpi: 0x1389 });
  }
  const p = d.decode(v4(108, bytes(6, 1, 0x13)), LinkType.EN10MB);
  t.is(p.layer(Layer.Ipcomp), undefined);
  t.is(p.stop?.layer, Layer.Ipcomp);
});

test('minimal encapsulation: the S bit sets the header\'s length and the original source; the checksum; a cut header is a stop', (t) => {
  const a = d.decode(v4(55, concat(mob(false), bytes(1, 2))), LinkType.EN10MB).layer(Layer.MobileIp) as MobileIp;
  t.deepEqual(JSON.parse(JSON.stringify(a)), { offset: 34, length: 8, protocol: 17, checksum: a.checksum, originalDestination: '192.168.1.1' });
  t.is(a.checksumResult, 0);
  const b = d.decode(v4(55, mob(true)), LinkType.EN10MB).layer(Layer.MobileIp) as MobileIp;
  t.is(b.length, 12);
  t.is(b.originalSource, '10.9.9.9');
  t.is(b.checksumResult, 0);
  const p = d.decode(v4(55, mob(true).subarray(0, 10)), LinkType.EN10MB);
  t.is(p.stop?.layer, Layer.MobileIp);
  t.is(p.stop?.kind, 'error');
});

test('--json of IPComp and minimal encapsulation, whole and cut: valid against the schema, equal to toJSON()', (t) => {
  const frames = [v4(108, bytes(6, 1, 0x13, 0x89)), v6(108, bytes(6, 1, 0x13, 0x89)), v4(55, mob(false)), v4(55, mob(true)), v6(55, mob(true))];
  const recs: Rec[] = [...frames.map((frame) => ({ frame })), { frame: frames[3]!, caplen: 14 + 20 + 9 }];
  const lines = jsonLinesAsDecoded(t, d, LinkType.EN10MB, recs);
  lines.forEach((line, i) => t.is('ipcomp' in (line['layers'] as object) || 'mobileip' in (line['layers'] as object), i !== 5, `packet ${i}`));
});
