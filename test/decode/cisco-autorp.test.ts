// Cisco's auto-RP in the decoder: the layer on UDP port 496 either way, its header's fields, the RP
// and group entries through the view's reads at their offsets, toJSON() whole and cut, --json.
import test from 'ava';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { AUTORP_HEADER_LENGTH, AUTORP_RP_LENGTH, CiscoAutoRp } from '../../src/decoders/cisco-autorp.js';
import { NOT_CAPTURED } from '../../src/decoders/view.js';
import { be16, be32, bytes, concat, ether, ip4, ipv4, udp } from '../helpers/frames.js';
import type { Rec } from '../helpers/oracle.js';
import { jsonLinesAsDecoded } from '../helpers/packet-schema.js';

const d = new Decoder();
const APP = 14 + 20 + 8;
const u = (sport: number, dport: number, p: Uint8Array): Uint8Array =>
  ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ipv4({ proto: 17 }, udp(sport, dport, p)));
const msg = concat(bytes(0x12, 2), be16(181), be32(0),
  ip4('10.0.0.1'), bytes(2, 2), bytes(0, 4), ip4('224.0.0.0'), bytes(3, 8), ip4('239.0.0.0'),
  ip4('10.0.0.2'), bytes(1, 0));

test('auto-RP: the layer on port 496 either way, the header, the RP and group entries through the view', (t) => {
  for (const [s, dp] of [[40000, 496], [496, 40000], [496, 496]] as const) {
    const v = d.decode(u(s, dp, msg), LinkType.EN10MB).layer(Layer.CiscoAutoRp) as CiscoAutoRp;
    t.true(v instanceof CiscoAutoRp, `${s} > ${dp}`);
    t.is(v.type, 0x12);
    t.is(v.rpCount, 2);
    t.is(v.holdTime, 181);
    t.is(v.reserved, 0);
    t.deepEqual(v.toJSON(), {
      offset: APP, length: AUTORP_HEADER_LENGTH, type: 0x12, rpCount: 2, holdTime: 181,
      rps: [
        { address: '10.0.0.1', pimVersions: 2, groups: [
          { address: '224.0.0.0', maskLength: 4, negative: false, bidirectional: false },
          { address: '239.0.0.0', maskLength: 8, negative: true, bidirectional: true }] },
        { address: '10.0.0.2', pimVersions: 1, groups: [] },
      ],
    });
  }
  const v = d.decode(u(496, 496, msg), LinkType.EN10MB).layer(Layer.CiscoAutoRp) as CiscoAutoRp;
  const rp = AUTORP_HEADER_LENGTH, g2 = rp + AUTORP_RP_LENGTH + 6;
  t.is(v.rpAddress(rp), '10.0.0.1');
  t.is(v.rpVersions(rp), 2);
  t.is(v.groupCount(rp), 2);
  t.is(v.groupFlags(g2), 3);
  t.is(v.groupMaskLength(g2), 8);
  t.is(v.groupAddress(g2), '239.0.0.0');
});

test('auto-RP cut: toJSON() lists the entries captured whole; a read past the capture throws; a header cut short is a stop', (t) => {
  const v = d.decode(u(496, 496, msg), LinkType.EN10MB, 0, APP + AUTORP_HEADER_LENGTH + AUTORP_RP_LENGTH + 8).layer(Layer.CiscoAutoRp) as CiscoAutoRp;
  // The header, the first RP and its first group whole; 2 bytes of its second group.
  t.deepEqual((v.toJSON() as { rps: unknown[] }).rps, [{ address: '10.0.0.1', pimVersions: 2, groups: [{ address: '224.0.0.0', maskLength: 4, negative: false, bidirectional: false }] }]);
  t.is(v.groupMaskLength(AUTORP_HEADER_LENGTH + AUTORP_RP_LENGTH + 6), 8);
  t.is(t.throws(() => v.groupAddress(AUTORP_HEADER_LENGTH + AUTORP_RP_LENGTH + 6), { any: true }), NOT_CAPTURED);
  const p = d.decode(u(496, 496, msg), LinkType.EN10MB, 0, APP + 5);
  t.is(p.stop?.layer, Layer.CiscoAutoRp);
  t.is(p.stop?.kind, 'truncated');
});

test('--json of auto-RP packets, whole and cut: valid against the schema, equal to toJSON()', (t) => {
  const frames = [u(496, 496, msg), u(40000, 496, msg.subarray(0, 10)), u(496, 40000, bytes())];
  const recs: Rec[] = [...frames.map((frame) => ({ frame })), { frame: frames[0]!, caplen: APP + 20 }, { frame: frames[0]!, caplen: APP + 4 }];
  const lines = jsonLinesAsDecoded(t, d, LinkType.EN10MB, recs);
  // An empty datagram has no application layer; a header cut short is a stop, not a layer.
  lines.forEach((line, i) => t.is('autorp' in (line['layers'] as object), i !== 2 && i !== 4, `packet ${i}`));
});
