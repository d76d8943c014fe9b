// GeoNetworking and CALM FAST in the decoder: the common header of tcpdump's suite frame
// cve-2014-8768-Geonet.pcap (old EtherType 0x0707; a multi-hop broadcast whose extended header the
// frame cuts short), a whole beacon-less BTP-B packet with its BTP and ITS PDU headers, and CALM
// FAST's network references over Frame Relay (calm-fast-mac-lookup-heapoverflow.pcap) and Ethernet.
import test from 'ava';
import { CalmFast } from '../../src/decoders/calm-fast.js';
import { Decoder } from '../../src/decoders/decoder.js';
import { Geonet, geonetExtendedHeaderLength } from '../../src/decoders/geonet.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { NOT_CAPTURED } from '../../src/decoders/view.js';
import { captureFrame } from '../helpers/capture-frames.js';
import { be16, be32, bytes, concat, ether } from '../helpers/frames.js';

const d = new Decoder();
const thrown = (f: () => unknown): unknown => { try { f(); } catch (e) { return e; } return undefined; };

test('the suite frame: common header read, the 32-byte extended header cut short', (t) => {
  const frame = captureFrame('tcpdump-suite/cve-2014-8768-Geonet.pcap', 0).bytes;
  const p = d.decode(frame, LinkType.EN10MB);
  t.like(p.stop, { layer: Layer.Geonet, offset: 14, required: 68, available: frame.length - 14, detail: 'extended header' });
  t.is(p.layer(Layer.Geonet), undefined);
  const g = p.viewAt(Layer.Geonet, 14) as Geonet;
  t.is(g.version, 12);
  t.is(g.nextHeader, 6);
  t.is(g.headerType, 5);
  t.is(g.headerSubtype, 1);
  t.is(geonetExtendedHeaderLength(g.headerType, g.headerSubtype), 32);
  t.is(g.payloadLength, 1799);
  t.is(g.hopLimit, 7);
  t.is(g.address, 'ef:06:07:35:97:00:24:8c');
  t.is(g.latitude, 4521984);
  t.is(g.longitude, 1039368000);
  // Cut inside the common header: the stop says 36.
  const cut = d.decode(frame.subarray(0, 14 + 20), LinkType.EN10MB);
  t.like(cut.stop, { layer: Layer.Geonet, offset: 14, required: 36, available: 20, kind: 'truncated' });
  t.is(thrown(() => (cut.viewAt(Layer.Geonet, 14) as Geonet).latitude), NOT_CAPTURED);
});

test('a single-hop broadcast with BTP-B: the header, BTP ports and ITS PDU header; the rest is payload', (t) => {
  const common = concat(bytes(0x12, 0x50), be16(0), be16(10), bytes(0, 1), bytes(1, 2, 3, 4, 5, 6, 7, 8), be32(0), be32(473000000), be32(85000000), be32(0), be32(0));
  const frame = ether('ff:ff:ff:ff:ff:ff', '02:00:00:00:00:01', 0x8947, concat(common, be16(2001), be16(0), bytes(1, 0), bytes(9, 9, 9, 9)));
  const p = d.decode(frame, LinkType.EN10MB);
  t.is(p.stop, undefined);
  const g = p.layer(Layer.Geonet) as Geonet;
  t.true(g instanceof Geonet);
  t.deepEqual(g.toJSON(), {
    offset: 14, length: 36, version: 1, nextHeader: 2, headerType: 5, headerSubtype: 0, payloadLength: 10, hopLimit: 1,
    address: '01:02:03:04:05:06:07:08', latitude: 473000000, longitude: 85000000,
  });
  const btp = g.transport(0);
  t.is(btp.destinationPort, 2001);
  t.is(btp.sourcePort, 0);
  t.is(btp.pduVersion, 1);
  t.is(btp.messageId, 0);
  t.is(p.payloadOffset, 50);
});

test('CALM FAST: network references over Frame Relay (Cisco EtherType) and Ethernet; a cut stops in it', (t) => {
  const { bytes: fr, linkType } = captureFrame('tcpdump-suite/calm-fast-mac-lookup-heapoverflow.pcap', 1);
  t.is(linkType, LinkType.FRELAY);
  const v = d.decode(fr, linkType).viewAt(Layer.CalmFast, 4) as CalmFast;
  t.is(v.sourceNetworkReference, 0x30);
  t.is(v.destinationNetworkReference, 0x30);
  const frame = ether('ff:ff:ff:ff:ff:ff', '02:00:00:00:00:01', 0x1111, bytes(7, 9, 1, 2));
  const p = d.decode(frame, LinkType.EN10MB);
  t.deepEqual((p.layer(Layer.CalmFast) as CalmFast).toJSON(), { offset: 14, length: 2, sourceNetworkReference: 7, destinationNetworkReference: 9 });
  t.is(p.payloadOffset, 16);
  t.like(d.decode(frame.subarray(0, 15), LinkType.EN10MB).stop, { layer: Layer.CalmFast, offset: 14, required: 2, available: 1, kind: 'truncated' });
});
