// HNCP in the decoder: the layer on UDP port 8231 either way, its top-level TLVs in toJSON(), the
// TLVs and their fields through the view's reads, and a message cut inside a TLV.
import test from 'ava';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { Hncp, HncpAt, HncpType } from '../../src/decoders/hncp.js';
import { NOT_CAPTURED } from '../../src/decoders/view.js';
import { be16, be32, bytes, concat, ether, ip4, ipv4, udp } from '../helpers/frames.js';
import type { Rec } from '../helpers/oracle.js';
import { jsonLinesAsDecoded } from '../helpers/packet-schema.js';

const d = new Decoder();
const APP = 14 + 20 + 8;
const u = (sport: number, dport: number, p: Uint8Array): Uint8Array =>
  ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ipv4({ proto: 17 }, udp(sport, dport, p)));
const tlv = (type: number, body: Uint8Array): Uint8Array => concat(be16(type), be16(body.length), body, new Uint8Array(-body.length & 3));
const nodeAddress = concat(be32(0x03000000), new Uint8Array(10), bytes(0xff, 0xff), ip4('10.0.101.27'));
const msg = concat(tlv(HncpType.NodeEndpoint, bytes(0x31, 0xda, 0x78, 0xd2, 0, 0, 0, 3)), tlv(HncpType.NodeAddress, nodeAddress), tlv(HncpType.DomainName, bytes(3, 0x6c, 0x61, 0x6e, 0)));

test('HNCP: the layer on port 8231 either way, its TLVs in toJSON(), fields through the TLV view', (t) => {
  for (const [s, dp] of [[40000, 8231], [8231, 40000], [8231, 8231]] as const) {
    const p = d.decode(u(s, dp, msg), LinkType.EN10MB);
    const v = p.layer(Layer.Hncp) as Hncp;
    t.true(v instanceof Hncp, `${s} > ${dp}`);
    t.deepEqual(v.toJSON(), {
      offset: APP, length: 0,
      tlvs: [{ type: HncpType.NodeEndpoint, length: 8 }, { type: HncpType.NodeAddress, length: 20 }, { type: HncpType.DomainName, length: 5 }],
    });
    const e = v.pointTlv(0);
    t.is(e.type, HncpType.NodeEndpoint);
    t.is(e.nodeId, '31:da:78:d2');
    t.is(e.endpointId, 3);
    const a = v.pointTlv(12);
    t.is(a.type, HncpType.NodeAddress);
    t.is(a.bodyLength, 20);
    t.is(a.leadingEndpointId, 0x03000000);
    t.is(a.nodeAddress, '10.0.101.27', 'IPv4-mapped, as IPv4');
    const n = v.pointTlv(36);
    t.is(n.type, HncpType.DomainName);
    t.is(n.bodyLength, 5);
    t.is(p.stop, undefined);
  }
  t.is(d.decode(u(40000, 8232, msg), LinkType.EN10MB).layer(Layer.Hncp), undefined, 'another port');
});

test('HNCP cut inside a TLV: toJSON() lists the TLVs captured whole; a read past the capture throws', (t) => {
  const p = d.decode(u(8231, 8231, msg), LinkType.EN10MB, 0, APP + 12 + 10);
  const v = p.layer(Layer.Hncp) as Hncp;
  t.deepEqual((v.toJSON() as { tlvs: unknown[] }).tlvs, [{ type: HncpType.NodeEndpoint, length: 8 }]);
  const a = v.pointTlv(12);
  t.is(a.type, HncpType.NodeAddress);
  t.is(t.throws(() => a.nodeAddress, { any: true }), NOT_CAPTURED);
});

test('HNCP prefixes through the TLV view: IPv4 as IPv4-mapped, IPv6, lengths too long or past the TLV', (t) => {
  const tlvOf = (body: Uint8Array): Uint8Array => u(8231, 8231, tlv(HncpType.AssignedPrefix, body));
  const view = (body: Uint8Array) => (d.decode(tlvOf(body), LinkType.EN10MB).layer(Layer.Hncp) as Hncp).pointTlv(0);
  const epid = be32(1), prty = bytes(2);
  let a = view(concat(epid, prty, bytes(96 + 24), new Uint8Array(10), bytes(0xff, 0xff, 10, 0, 99)));
  t.is(a.prefix(HncpAt.assignedPrefix, 16), 16);
  t.is(a.prefixText, '10.0.99.0/24');
  a = view(concat(epid, prty, bytes(60, 0x20, 0x01, 0x0d, 0xb8, 0, 1, 0xff, 0xff)));
  t.is(a.prefix(HncpAt.assignedPrefix, 9), 9);
  t.is(a.prefixText, '2001:db8:1:fff0::/60', 'the bits past the length cleared');
  t.is(view(concat(epid, prty, bytes(129, 0))).prefix(HncpAt.assignedPrefix, 2), -1);
  t.is(view(concat(epid, prty, bytes(96 + 40), new Uint8Array(10), bytes(0xff, 0xff))).prefix(HncpAt.assignedPrefix, 13), -1);
  t.is(view(concat(epid, prty, bytes(64, 1, 2))).prefix(HncpAt.assignedPrefix, 3), -2);
  t.is(view(concat(epid, prty, bytes(96 + 32), new Uint8Array(10), bytes(0xff, 0xff, 1, 2))).prefix(HncpAt.assignedPrefix, 15), -3);
});

test('--json of HNCP packets, whole and cut: valid against the schema, equal to toJSON()', (t) => {
  const frames = [u(8231, 8231, msg), u(40000, 8231, msg.subarray(0, 12)), u(8231, 40000, bytes())];
  const recs: Rec[] = [...frames.map((frame) => ({ frame })), { frame: frames[0]!, caplen: APP + 20 }];
  const lines = jsonLinesAsDecoded(t, d, LinkType.EN10MB, recs);
  // An empty datagram has no application layer (the decoder's UDP walk); the others have HNCP, whole or cut.
  lines.forEach((line, i) => t.is('hncp' in (line['layers'] as object), i !== 2, `packet ${i}`));
});
