// ZEP in the decoder: the layer on UDP port 17754 either way; v1, v2 data and ACK fields (those a
// layout lacks undefined); the 802.15.4 frame after it measured by the length ZEP states (shorter
// than what follows, or past the capture with its FCS untested); toJSON(); cuts; --json.
import test from 'ava';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { ZEP_V1_HEADER_LENGTH, ZEP_V2_ACK_LENGTH, ZEP_V2_HEADER_LENGTH, Zep } from '../../src/decoders/zep.js';
import { Ieee802154, wpanCrc16 } from '../../src/decoders/ieee802154.js';
import { NOT_CAPTURED } from '../../src/decoders/view.js';
import { be16, be32, bytes, concat, ether, ipv4, udp } from '../helpers/frames.js';
import type { Rec } from '../helpers/oracle.js';
import { jsonLinesAsDecoded } from '../helpers/packet-schema.js';

const d = new Decoder();
const APP = 14 + 20 + 8;
const u = (sport: number, dport: number, p: Uint8Array): Uint8Array =>
  ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ipv4({ proto: 17 }, udp(sport, dport, p)));
const le16 = (v: number): Uint8Array => bytes(v & 0xff, v >> 8);
const body = concat(le16(0x8841), bytes(7), le16(0xabcd), le16(0xffff), le16(0x0001), bytes(0x68, 0x69));
const frame = concat(body, le16(wpanCrc16(body, 0, body.length)));
const v2 = (inner: number): Uint8Array =>
  concat(bytes(0x45, 0x58, 2, 1, 11), be16(0x1234), bytes(0, 200), be32(3900000000), be32(0x80000000), be32(5), new Uint8Array(10), bytes(inner));
const v1 = (inner: number): Uint8Array => concat(bytes(0x45, 0x58, 1, 15), be16(0xbeef), bytes(1, 99), new Uint8Array(7), bytes(inner));
const ack = concat(bytes(0x45, 0x58, 2, 2), be32(9));

test('ZEP: the layer on port 17754 either way; v2 data, v1 and ACK fields; the 802.15.4 frame after it', (t) => {
  for (const [s, dp] of [[40000, 17754], [17754, 40000], [17754, 17754]] as const) {
    const p = d.decode(u(s, dp, concat(v2(frame.length), frame)), LinkType.EN10MB);
    const z = p.layer(Layer.Zep) as Zep;
    t.true(z instanceof Zep, `${s} > ${dp}`);
    t.deepEqual(z.toJSON(), {
      offset: APP, length: ZEP_V2_HEADER_LENGTH, version: 2, type: 1, channel: 11, deviceId: 0x1234, crcMode: false, lqi: 200,
      ntpSeconds: 3900000000, ntpFraction: 0x80000000, sequence: 5, innerLength: frame.length,
    });
    const w = p.layer(Layer.Ieee802154) as Ieee802154;
    t.is(w.offset, APP + ZEP_V2_HEADER_LENGTH);
    t.is(w.frameBytes, frame.length);
    t.is(w.fcsLength, 2);
    t.is(w.srcAddress, '0001');
  }
  const z1 = d.decode(u(17754, 17754, concat(v1(frame.length), frame)), LinkType.EN10MB).layer(Layer.Zep) as Zep;
  t.deepEqual(JSON.parse(JSON.stringify(z1)), { offset: APP, length: ZEP_V1_HEADER_LENGTH, version: 1, channel: 15, deviceId: 0xbeef, crcMode: true, lqi: 99, innerLength: frame.length });
  const p = d.decode(u(17754, 17754, ack), LinkType.EN10MB);
  t.deepEqual(JSON.parse(JSON.stringify(p.layer(Layer.Zep))), { offset: APP, length: ZEP_V2_ACK_LENGTH, version: 2, type: 2, sequence: 9, innerLength: 0 });
  t.is(p.layer(Layer.Ieee802154), undefined);
});

test('ZEP: the inner frame is as long as ZEP says: shorter than what follows, or past the capture (its FCS untested)', (t) => {
  // Stated 4 bytes short: the FCS and 2 bytes of payload are outside the frame, whose CRC then does not match.
  let w = d.decode(u(17754, 17754, concat(v2(frame.length - 4), frame)), LinkType.EN10MB).layer(Layer.Ieee802154) as Ieee802154;
  t.is(w.frameBytes, frame.length - 4);
  t.is(w.fcsLength, 0);
  t.is(w.end - w.off, frame.length - 4);
  // Stated 10 bytes past the datagram: the header as far as it goes, the FCS not tested, the packet cut.
  const p = d.decode(u(17754, 17754, concat(v2(frame.length + 10), frame)), LinkType.EN10MB);
  w = p.layer(Layer.Ieee802154) as Ieee802154;
  t.is(w.frameBytes, frame.length + 10);
  t.true(w.fcsNotCaptured);
  t.is(w.fcsLength, 0);
  t.is(w.dstPan, 0xabcd);
  t.true(p.truncated);
  // The same frame on the link (no stated length): measured by the capture, FCS recognised.
  const link = d.decode(frame, LinkType.IEEE802_15_4_WITHFCS).layer(Layer.Ieee802154) as Ieee802154;
  t.is(link.frameBytes, frame.length);
  t.is(link.fcsLength, 2);
  t.false(link.fcsNotCaptured);
});

test('ZEP cut or bad: a read past the capture throws; a header cut short is a stop; a preamble other than "EX" is an error', (t) => {
  const z = d.decode(u(17754, 17754, concat(v2(frame.length), frame)), LinkType.EN10MB, 0, APP + 8).layer(Layer.Zep);
  t.is(z, undefined);
  let p = d.decode(u(17754, 17754, concat(v2(frame.length), frame)), LinkType.EN10MB, 0, APP + 20);
  t.is(p.stop?.layer, Layer.Zep);
  t.is(p.stop?.kind, 'truncated');
  p = d.decode(u(17754, 17754, v2(0).subarray(0, 20)), LinkType.EN10MB);
  t.is(p.stop?.layer, Layer.Zep);
  t.is(p.stop?.kind, 'error');
  p = d.decode(u(17754, 17754, bytes(0x41, 0x42, 2, 1)), LinkType.EN10MB);
  t.is(p.stop?.layer, Layer.Zep);
  t.regex(p.stop?.detail ?? '', /preamble/);
  // A decoded v2 header whose frame is cut: the frame's reads past the capture throw.
  const w = d.decode(u(17754, 17754, concat(v2(frame.length), frame)), LinkType.EN10MB, 0, APP + ZEP_V2_HEADER_LENGTH + 5).layer(Layer.Ieee802154) as Ieee802154;
  t.is(w.dstPan, 0xabcd);
  t.is(t.throws(() => w.srcAddress, { any: true }), NOT_CAPTURED);
});

test('--json of ZEP packets, whole and cut: valid against the schema, equal to toJSON()', (t) => {
  const frames = [u(17754, 17754, concat(v2(frame.length), frame)), u(17754, 40000, concat(v1(frame.length), frame)), u(40000, 17754, ack), u(17754, 17754, bytes())];
  const recs: Rec[] = [...frames.map((f) => ({ frame: f })), { frame: frames[0]!, caplen: APP + 40 }, { frame: frames[0]!, caplen: APP + 10 }];
  const lines = jsonLinesAsDecoded(t, d, LinkType.EN10MB, recs);
  lines.forEach((line, i) => t.is('zep' in (line['layers'] as object), i !== 3 && i !== 5, `packet ${i}`));
});
