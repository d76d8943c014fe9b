// The decoder views of 802.11 and its radio headers (radiotap, Prism, AVS, PPI): the fields of a
// real frame from tcpdump's suite, the layers after each header, and where a cut or a lie stops the walk.
import test from 'ava';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { Ieee80211 } from '../../src/decoders/ieee80211.js';
import { RadioCaptureHeader, Radiotap, RadiotapStep } from '../../src/decoders/radiotap.js';
import { Ppi } from '../../src/decoders/ppi.js';
import { Ieee802154, wpanCrc16, wpanCrc32 } from '../../src/decoders/ieee802154.js';
import { be32, bytes, concat, fromHex, ipv4, udp } from '../helpers/frames.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const d = new Decoder();
const le16 = (v: number): Uint8Array => bytes(v & 255, v >> 8);
const le32 = (v: number): Uint8Array => bytes(v & 255, (v >> 8) & 255, (v >> 16) & 255, v >>> 24);

/** The first record of a little-endian pcap file: its bytes and its length on the wire. */
function firstRecord(file: string): { frame: Uint8Array; wireLen: number } {
  const b = readFileSync(join(root, 'test/pcaps/tcpdump-suite', file));
  const cap = b.readUInt32LE(24 + 8), wireLen = b.readUInt32LE(24 + 12);
  return { frame: Uint8Array.from(b.subarray(40, 40 + cap)), wireLen };
}

test('radiotap and 802.11 of a real frame (tcpdump suite, ieee802.11_rx-stbc): radiotap fields in order, FCS left out, a protected QoS data frame', (t) => {
  const { frame, wireLen } = firstRecord('ieee802.11_rx-stbc.pcap');
  const p = d.decode(frame, LinkType.IEEE802_11_RADIO, 0, frame.length, wireLen);
  t.is(p.stop, undefined);
  const rt = p.layer(Layer.Radiotap) as Radiotap;
  t.deepEqual([rt.version, rt.length, rt.present, rt.flags], [0, 37, 0x0008482b, 0x10]);
  const seen: Array<[number, number]> = [];
  const f = rt.fields;
  for (let s = rt.startFields(); s !== RadiotapStep.End; s = f.next()) {
    t.is(s, RadiotapStep.Field);
    seen.push([f.bit, f.at]);
  }
  // TSFT aligned to 8, flags, channel aligned to 2, dBm signal, antenna, RX flags aligned to 2, MCS.
  t.deepEqual(seen, [[0, 8], [1, 16], [3, 18], [5, 22], [11, 23], [14, 24], [19, 26]]);
  rt.startFields();
  t.is(f.tsft, 7268n);
  f.next(); f.next();
  t.deepEqual([f.u16(0), f.u16(2)], [2462, 0x0480]);
  f.next();
  t.is(f.s8, -51);
  f.next(); f.next(); f.next();
  t.deepEqual([f.byteOf(0), f.byteOf(1), f.byteOf(2)], [0x27, 0x25, 7]);
  const w = p.layer(Layer.Ieee80211) as Ieee80211;
  t.deepEqual([w.offset, w.length, w.type, w.subtype, w.fromDs, w.toDs, w.protected, w.fcsLength], [37, 26, 2, 8, true, false, true, 4]);
  t.deepEqual([w.addr1, w.addr2, w.addr3], ['68:a3:c4:03:46:da', '20:7c:8f:50:3f:3a', '20:7c:8f:50:3f:3a']);
  // The FCS is not the frame's: the view ends 4 bytes before the capture does.
  t.is(w.captured, frame.length - 37 - 4);
  t.is(p.layer(Layer.Llc), undefined, 'a protected frame carries no LLC the decoder can read');
  t.like(w.toJSON(), { type: 2, subtype: 8, addresses: ['68:a3:c4:03:46:da', '20:7c:8f:50:3f:3a', '20:7c:8f:50:3f:3a'] });
  // Cut in the radiotap header, then in the MAC header: the stop says where. Cut short, the FCS was
  // not captured and nothing is left out.
  for (let cap = 0; cap < 37; cap++) t.like(d.decode(frame.subarray(0, cap), LinkType.IEEE802_11_RADIO, 0, cap, wireLen).stop, { layer: Layer.Radiotap, offset: 0, kind: 'truncated' }, `cap ${cap}`);
  for (let cap = 37; cap < 63; cap++) t.like(d.decode(frame.subarray(0, cap), LinkType.IEEE802_11_RADIO, 0, cap, wireLen).stop, { layer: Layer.Ieee80211, offset: 37, kind: 'truncated' }, `cap ${cap}`);
  const cut = d.decode(frame.subarray(0, 100), LinkType.IEEE802_11_RADIO, 0, 100, wireLen).layer(Layer.Ieee80211) as Ieee80211;
  t.is(cut.captured, 63);
});

test('802.11 data frames: LLC/SNAP, IPv4 and UDP after the MAC header (4 addresses, QoS), source and destination by the DS bits', (t) => {
  const v4 = ipv4({ proto: 17, src: '10.0.0.1', dst: '10.0.0.2' }, udp(1234, 5678, bytes(1, 2, 3)));
  const a = [1, 2, 3, 4].map((i) => fromHex(`02000000000${i}`));
  const snap = concat(fromHex('aaaa030000000800'), v4);
  const p = d.decode(concat(bytes(0x88, 0x03), le16(44), a[0]!, a[1]!, a[2]!, le16(0), a[3]!, le16(5), snap), LinkType.IEEE802_11);
  const w = p.layer(Layer.Ieee80211) as Ieee80211;
  t.deepEqual([w.length, w.src, w.dst, w.duration], [32, '02:00:00:00:00:04', '02:00:00:00:00:03', 44]);
  t.is(p.layer(Layer.Llc)?.offset, 32);
  t.is(p.udp?.dstPort, 5678);
  for (const [ds, src, dst] of [[0, 2, 1], [1, 2, 3], [2, 3, 1]] as const) {
    const q = d.decode(concat(bytes(0x08, ds), le16(0), a[0]!, a[1]!, a[2]!, le16(0), snap), LinkType.IEEE802_11);
    const v = q.layer(Layer.Ieee80211) as Ieee80211;
    t.deepEqual([v.src, v.dst], [`02:00:00:00:00:0${src}`, `02:00:00:00:00:0${dst}`], `DS bits ${ds}`);
    t.is(q.ipv4?.src, '10.0.0.1');
  }
  // Null data and reserved frame types: no LLC; an error for the type tcpdump calls unknown.
  t.is(d.decode(concat(bytes(0x48, 1), le16(0), a[0]!, a[1]!, a[2]!, le16(0)), LinkType.IEEE802_11).layer(Layer.Llc), undefined);
  t.like(d.decode(concat(bytes(0x0c, 0), le16(0), a[0]!), LinkType.IEEE802_11).stop, { layer: Layer.Ieee80211, offset: 0, kind: 'error' });
  t.like(d.decode(concat(bytes(0x34, 0), le16(0), a[0]!), LinkType.IEEE802_11).stop, { layer: Layer.Ieee80211, kind: 'error' });
});

test('802.11 management frames: fixed fields by subtype, the first SSID/rates/DS/TIM elements, elements tcpdump gives up on', (t) => {
  const hdr = (subtype: number): Uint8Array => concat(bytes(subtype << 4, 0), le16(0), fromHex('ffffffffffff020000000002020000000003'), le16(0));
  const el = (id: number, data: number[]): Uint8Array => concat(bytes(id, data.length), Uint8Array.from(data));
  const beacon = concat(hdr(8), new Uint8Array(8), le16(100), le16(0x0011), el(0, [0x61, 0x62]), el(1, [0x82, 0x0c]), el(3, [6]), el(5, [0, 1, 0, 0]), el(0, [0x63]));
  const p = d.decode(beacon, LinkType.IEEE802_11);
  const w = p.layer(Layer.Ieee80211) as Ieee80211;
  t.deepEqual([w.type, w.subtype, w.bssid, w.sa, w.da, w.beaconInterval, w.beaconCapabilities], [0, 8, '02:00:00:00:00:03', '02:00:00:00:00:02', 'ff:ff:ff:ff:ff:ff', 100, 0x0011]);
  const e = w.elementsAfter(12);
  t.true(e.parse(beacon.length - 36));
  t.deepEqual([e.ssidAt, e.ssidLength, e.ratesLength, e.rate(0), e.rate(1), e.dsChannel, e.timLength], [2, 2, 2, 0x82, 0x0c, 6, 4]);
  // An SSID over 32 bytes, and an element cut short: tcpdump stops there.
  const view = (b: Uint8Array): Ieee80211 => d.decode(b, LinkType.IEEE802_11).layer(Layer.Ieee80211) as Ieee80211;
  t.false(view(concat(hdr(4), el(0, new Array<number>(33).fill(0x41)))).elementsAfter(0).parse(35));
  t.false(view(concat(hdr(4), bytes(0, 5, 0x41))).elementsAfter(0).parse(7));
  t.false(view(concat(hdr(4), el(0, [0x41]))).elementsAfter(0).parse(2), 'the frame says the element runs past its end');
  const auth = d.decode(concat(hdr(11), le16(1), le16(2), le16(15)), LinkType.IEEE802_11).layer(Layer.Ieee80211) as Ieee80211;
  t.deepEqual([auth.authAlgorithm, auth.authSequence, auth.authStatus], [1, 2, 15]);
  const action = d.decode(concat(hdr(13), bytes(3, 1)), LinkType.IEEE802_11).layer(Layer.Ieee80211) as Ieee80211;
  t.deepEqual([action.actionCategory, action.actionCode], [3, 1]);
});

test('Prism, AVS and PPI: each header skipped by its length, the 802.11 frame (or the link type PPI names) after it; lies are errors', (t) => {
  const frame = concat(bytes(0x40, 0), le16(0), fromHex('ffffffffffff020000000002ffffffffffff'), le16(0));
  const prism = d.decode(concat(be32(0x44), new Uint8Array(140), frame), LinkType.PRISM_HEADER);
  t.deepEqual([prism.layer(Layer.Prism)?.length, prism.layer(Layer.Ieee80211)?.offset], [144, 144]);
  const avsInPrism = d.decode(concat(be32(0x80211001), be32(64), new Uint8Array(56), frame), LinkType.PRISM_HEADER);
  t.true((avsInPrism.layer(Layer.Prism) as RadioCaptureHeader).isAvs);
  t.is(avsInPrism.layer(Layer.Ieee80211)?.offset, 64);
  t.is(d.decode(concat(be32(0x80211002), be32(16), new Uint8Array(8), frame), LinkType.IEEE802_11_RADIO_AVS).layer(Layer.Ieee80211)?.offset, 16);
  t.like(d.decode(concat(be32(0x80211001), be32(4), frame), LinkType.IEEE802_11_RADIO_AVS).stop, { layer: Layer.Avs, kind: 'error' });
  for (let cap = 0; cap < 144; cap++) t.like(d.decode(concat(be32(0x44), new Uint8Array(140), frame).subarray(0, cap), LinkType.PRISM_HEADER).stop, { layer: Layer.Prism, kind: 'truncated' });
  const ppi = d.decode(concat(bytes(0, 0), le16(12), le32(105), le32(0), frame), LinkType.PPI);
  t.deepEqual([(ppi.layer(Layer.Ppi) as Ppi).dlt, ppi.layer(Layer.Ppi)?.length, ppi.layer(Layer.Ieee80211)?.offset], [105, 12, 12]);
  const eth = d.decode(concat(bytes(0, 0), le16(8), le32(1), fromHex('020000000001020000000002'), bytes(8, 0), ipv4({ proto: 17, src: '1.2.3.4', dst: '5.6.7.8' }, udp(1, 2))), LinkType.PPI);
  t.is(eth.udp?.dstPort, 2);
  t.like(d.decode(concat(bytes(0, 0), le16(4), le32(105), frame), LinkType.PPI).stop, { layer: Layer.Ppi, kind: 'error' });
  t.like(d.decode(concat(bytes(0, 0), le16(8), le32(105)).subarray(0, 7), LinkType.PPI).stop, { layer: Layer.Ppi, kind: 'truncated' });
  // Radiotap's lies: a length under 8, presence bitmaps that run past the header.
  t.like(d.decode(concat(bytes(0, 0), le16(4), le32(2), frame), LinkType.IEEE802_11_RADIO).stop, { layer: Layer.Radiotap, kind: 'error' });
  t.like(d.decode(concat(bytes(0, 0), le16(8), le32(0x80000000), frame), LinkType.IEEE802_11_RADIO).stop, { layer: Layer.Radiotap, kind: 'error' });
});

test('802.15.4 of real frames (tcpdump suite): frame control, PAN IDs and addresses by the addressing rules, the FCS found by its CRC; cut short', (t) => {
  // 802_15_4_beacon.pcap is big-endian: its record's frame after a 16-byte record header.
  const b = readFileSync(join(root, 'test/pcaps/tcpdump-suite/802_15_4_beacon.pcap'));
  const beacon = Uint8Array.from(b.subarray(40, 40 + b.readUInt32BE(24 + 8)));
  const p = d.decode(beacon, LinkType.IEEE802_15_4_WITHFCS);
  const w = p.layer(Layer.Ieee802154) as Ieee802154;
  t.deepEqual([w.frameType, w.version, w.sequenceSuppressed, w.iePresent, w.securityEnabled], [0, 2, true, true, false]);
  // Short destination with its PAN ID, extended source without one (the 6TiSCH rule tcpdump follows).
  t.deepEqual([w.panIds, w.dstPanAt, w.dstPan, w.dstAddress, w.srcAddressLength, w.srcAddressAt], [1, 2, 0xabcd, 'ffff', 8, 6]);
  t.is(w.srcAddress, '00:00:00:00:00:01:ab:cd');
  const { frame } = firstRecord('802_15_4-data.pcap');
  const data = d.decode(frame, LinkType.IEEE802_15_4_WITHFCS).layer(Layer.Ieee802154) as Ieee802154;
  t.deepEqual([data.frameType, data.sequence, data.dstPan, data.dstAddress], [1, 1, 0xab4d, '10:05:00:81:00:01:00:01']);
  // A frame with a CRC-16 FCS: found, and left out of the frame's length; a CRC-32 one likewise.
  const f = concat(bytes(0x41, 0x88, 7), le16(0xabcd), le16(1), le16(2), bytes(1, 2, 3));
  const with16 = concat(f, le16(wpanCrc16(f, 0, f.length))), with32 = concat(f, le32(wpanCrc32(f, 0, f.length)));
  const v16 = d.decode(with16, LinkType.IEEE802_15_4_WITHFCS).layer(Layer.Ieee802154) as Ieee802154;
  t.deepEqual([v16.fcsLength, v16.frameLength, v16.length, v16.srcAddress, v16.srcPanAt], [2, f.length, 9, '0002', -1]);
  t.is((d.decode(with32, LinkType.IEEE802_15_4_NOFCS).layer(Layer.Ieee802154) as Ieee802154).fcsLength, 4);
  t.is((d.decode(f, LinkType.IEEE802_15_4_NOFCS).layer(Layer.Ieee802154) as Ieee802154).fcsLength, 0);
  for (let cap = 0; cap < 2; cap++) t.like(d.decode(f.subarray(0, cap), LinkType.IEEE802_15_4_WITHFCS).stop, { layer: Layer.Ieee802154, offset: 0, kind: 'truncated' });
  // TAP: the header skipped by its length; a bad version is an error.
  t.is(d.decode(concat(bytes(0, 0), le16(8), le32(0), f), LinkType.IEEE802_15_4_TAP).layer(Layer.Ieee802154)?.offset, 8);
  t.like(d.decode(concat(bytes(1, 0), le16(4), f), LinkType.IEEE802_15_4_TAP).stop, { layer: Layer.Ieee802154Tap, kind: 'error' });
});
