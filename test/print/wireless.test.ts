// 802.11 link types — bare frames (IEEE802_11), radiotap, Prism, AVS and PPI headers — built here,
// printed by bin/vcap and by the installed tcpdump with the same flags, whole and cut at every
// length: the outputs must be identical.
import test from 'ava';
import { be32, bytes, concat, fromHex, ipv4, tcp, udp } from '../helpers/frames.js';
import { Oracle, withCuts } from '../helpers/oracle.js';
import { wpanCrc16, wpanCrc32 } from '../../src/decoders/ieee802154.js';

const oracle = new Oracle();
test.after.always(() => oracle.cleanup());

const FLAGS = [[], ['-e'], ['-v'], ['-vv', '-e'], ['-x'], ['-q', '-e'], ['-H', '-e', '-v']];
const text = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'latin1'));
const le16 = (v: number): Uint8Array => bytes(v & 255, v >> 8);
const le32 = (v: number): Uint8Array => bytes(v & 255, (v >> 8) & 255, (v >> 16) & 255, v >>> 24);
const everyCut = (frames: Uint8Array[]): number[] => [...Array(Math.max(...frames.map((f) => f.length))).keys()].slice(1);

const A1 = fromHex('020000000001'), A2 = fromHex('020000000002'), A3 = fromHex('020000000003'), A4 = fromHex('020000000004');
/** Frame control, duration. */
const fcd = (type: number, subtype: number, flags = 0, duration = 314): Uint8Array => concat(bytes((subtype << 4) | (type << 2), flags), le16(duration));
const mgmt = (subtype: number, body: Uint8Array, flags = 0): Uint8Array => concat(fcd(0, subtype, flags), A1, A2, A3, le16(0x1230), body);
const el = (id: number, data: Uint8Array): Uint8Array => concat(bytes(id, data.length), data);
const ssid = (s: string): Uint8Array => el(0, text(s));
const rates = el(1, bytes(0x82, 0x84, 0x8b, 0x96, 0x0c, 0x12, 0x18, 0x24));
const ds = (ch: number): Uint8Array => el(3, bytes(ch));
const tim = el(5, bytes(0, 3, 0, 0x10, 0x20));
const cf = el(4, bytes(1, 2, 3, 4, 5, 6));
const vendor = el(0xdd, fromHex('0050f2020101'));
const fixedBeacon = (cap: number): Uint8Array => concat(fromHex('0102030405060708'), le16(100), le16(cap));
const v4udp = ipv4({ proto: 17, src: '10.0.0.1', dst: '10.0.0.2' }, udp(1234, 5678, text('hello')));
const v4tcp = ipv4({ proto: 6, src: '10.0.0.1', dst: '10.0.0.2' }, tcp({ sport: 1234, dport: 80 }, text('data!')));
const snap = (type: number, payload: Uint8Array): Uint8Array => concat(fromHex('aaaa03000000'), bytes(type >> 8, type & 255), payload);
const arp = fromHex('0001080006040001020000000002c0a80001000000000000c0a80002');

/** Management frames: every subtype and what tcpdump shows of their fixed fields and elements. */
function managementFrames(): Uint8Array[] {
  const f: Uint8Array[] = [];
  f.push(mgmt(8, concat(fixedBeacon(0x0011), ssid('vcap-test'), rates, ds(6), tim, cf, vendor)));
  f.push(mgmt(8, concat(fixedBeacon(0x0002), ssid('odd\x01\x7f\xe9'), el(1, new Uint8Array(0)), rates, ds(11), ssid('second'))));
  f.push(mgmt(5, concat(fixedBeacon(0x0001), ssid(''), rates, ds(1))));
  f.push(mgmt(4, concat(ssid('probe'), rates)), mgmt(4, new Uint8Array(0)));
  f.push(mgmt(0, concat(le16(0x0431), le16(10), ssid('assoc'), rates)));
  for (const st of [0, 1, 17, 107, 108, 500]) f.push(mgmt(1, concat(le16(0x0011), le16(st), le16(0xc005), rates)));
  f.push(mgmt(3, concat(le16(0x0001), le16(0), le16(3))));
  f.push(mgmt(2, concat(le16(0x0001), le16(10), A4, ssid('re'), rates)));
  f.push(mgmt(9, new Uint8Array(0)), mgmt(6, new Uint8Array(4)), mgmt(14, new Uint8Array(4)));
  for (const r of [1, 3, 8, 66, 67]) f.push(mgmt(10, le16(r)), mgmt(12, le16(r)));
  for (const [alg, seq, st] of [[0, 1, 0], [0, 2, 1], [1, 2, 0], [1, 3, 15], [2, 1, 0], [7, 4, 999]] as const) {
    f.push(mgmt(11, concat(le16(alg), le16(seq), le16(st), alg === 1 ? el(16, text('challenge text')) : new Uint8Array(0))));
  }
  for (const [cat, act] of [[0, 4], [1, 0], [2, 1], [3, 0], [3, 2], [3, 9], [7, 1], [7, 5], [13, 1], [13, 10], [13, 11], [14, 1], [14, 2],
    [15, 1], [15, 5], [15, 0], [127, 3], [99, 1]] as const) f.push(mgmt(13, bytes(cat, act, 0, 0)));
  // Protected (the IV), elements that do not fit tcpdump's buffers, a cut element, a lying length.
  f.push(mgmt(8, fromHex('a1b2c3d4e5f6'), 0x40));
  f.push(mgmt(8, concat(fixedBeacon(1), el(0, new Uint8Array(33)))), mgmt(8, concat(fixedBeacon(1), el(1, new Uint8Array(17)))));
  f.push(mgmt(8, concat(fixedBeacon(1), ssid('ok'), el(5, new Uint8Array(255)))), mgmt(8, concat(fixedBeacon(1), ssid('cut'), bytes(1, 9, 2))));
  f.push(mgmt(8, concat(fixedBeacon(1), ssid('a'), el(3, bytes(1, 2)), el(4, bytes(1)), el(5, bytes(1, 2, 3)))));
  f.push(mgmt(4, el(16, new Uint8Array(254))), mgmt(11, concat(le16(1), le16(2), le16(0), el(16, new Uint8Array(200)))));
  f.push(mgmt(8, fixedBeacon(1).subarray(0, 10)), mgmt(10, bytes(1)), mgmt(13, bytes(1)));
  return f;
}

/** Control frames: every subtype tcpdump knows, and ones it does not. */
function controlFrames(): Uint8Array[] {
  const c = (subtype: number, rest: Uint8Array, flags = 0): Uint8Array => concat(fcd(1, subtype, flags), rest);
  return [
    c(11, concat(A1, A2)), c(12, A1), c(13, A1, 0x10), c(10, concat(A1, A2)), c(14, concat(A1, A2)), c(15, concat(A1, A2)),
    c(9, concat(A1, A2, bytes(5, 0))), c(8, concat(A1, A2, le16(0x1004), le16(0x5670))), c(7, concat(A1, bytes(0x88, 0x41, 1, 2, 3, 4))),
    c(3, A1), concat(bytes(0x0c, 0), le16(0), A1),
  ];
}

/** Data frames: the four DS combinations, QoS, CF-Ack/Poll, null, protected, LLC without SNAP, mesh control. */
function dataFrames(): Uint8Array[] {
  const d = (subtype: number, flags: number, body: Uint8Array, qos = false): Uint8Array =>
    concat(fcd(2, subtype, flags), A1, A2, A3, le16(0x4560), (flags & 3) === 3 ? A4 : new Uint8Array(0), qos ? le16(0x0005) : new Uint8Array(0), body);
  const f: Uint8Array[] = [];
  for (const ds of [0, 1, 2, 3]) f.push(d(0, ds, snap(0x0800, v4udp)));
  f.push(d(0, 0x01 | 0x08 | 0x10 | 0x20 | 0x80, snap(0x0806, arp)), d(8, 0x02, snap(0x0800, v4tcp), true), d(8, 0x03, snap(0x0800, v4udp), true));
  for (const st of [1, 2, 3, 9, 10, 11]) f.push(d(st, 0x02, snap(0x0800, v4udp), (st & 8) !== 0));
  f.push(d(4, 0x11, new Uint8Array(0)), d(12, 0x01, new Uint8Array(0), true), d(0, 0x41, fromHex('123456207788')), d(8, 0x42, fromHex('01'), true));
  f.push(d(0, 0x01, fromHex('424203000000000000')), d(0, 0x02, fromHex('f0f003deadbeef')), d(0, 0x01, snap(0x88b5, text('unknown'))));
  f.push(d(0, 0x01, fromHex('aaaa03')));
  // QoS data with 802.11s mesh control (-H): address extension 0 to 3, and flags that say there is none.
  for (const ae of [0, 1, 2, 3]) f.push(d(8, 0x03, concat(bytes(ae, 31), le32(77), A1.subarray(0, 6 * ae === 0 ? 0 : 6), ae > 1 ? concat(A2, ae > 2 ? A3 : new Uint8Array(0)) : new Uint8Array(0), snap(0x0800, v4udp)), true));
  f.push(d(8, 0x03, concat(bytes(0x10), snap(0x0800, v4udp)), true));
  return f;
}

test('802.11: management (every subtype, elements, status and reason codes, actions), control and data frames; -H mesh control; cut short', (t) => {
  const mgmtF = managementFrames(), ctrl = controlFrames(), data = dataFrames();
  oracle.compare(t, 105, withCuts(mgmtF, everyCut(mgmtF.slice(0, 3))), FLAGS);
  oracle.compare(t, 105, withCuts(ctrl, everyCut(ctrl)), FLAGS);
  oracle.compare(t, 105, withCuts(data, everyCut(data.slice(0, 1).concat(data.slice(-5)))), FLAGS);
});

/** A radiotap header with presence words `present` and the fields after them (already aligned by the caller). */
const radiotap = (present: number[], fields: Uint8Array): Uint8Array => {
  const len = 4 + 4 * present.length + fields.length;
  return concat(bytes(0, 0), le16(len), ...present.map(le32), fields);
};

test('radiotap: every field tcpdump prints, alignment, FCS and padding flags, extended and vendor bitmaps, unknown fields, bad lengths; cut short', (t) => {
  const beacon = mgmt(8, concat(fixedBeacon(0x0011), ssid('rt'), rates, ds(6)));
  const data = concat(fcd(2, 0, 0x01), A1, A2, A3, le16(0), snap(0x0800, v4udp));
  const qos = concat(fcd(2, 8, 0x02), A1, A2, A3, le16(0), le16(0));
  const f: Uint8Array[] = [];
  // TSFT, flags, rate, channel, dBm signal and noise, antenna (the common Linux set).
  const common = (flags: number, rate: number, chanFlags: number): Uint8Array =>
    radiotap([0x0000086f], concat(new Uint8Array(4), le32(123456789), le32(1), bytes(flags, rate), le16(2437), le16(chanFlags), bytes(0xc4, 0xa0, 1)));
  for (const [rate, chan] of [[2, 0x00a0], [108, 0x0140], [12, 0x00c0], [0x85, 0x0480], [22, 0x0880], [12, 0x4140], [12, 0x8140], [12, 0x40c0],
    [12, 0x80c0], [12, 0x10000 & 0xffff | 0x00c0], [4, 0x00b0]] as const) f.push(concat(common(0, rate, chan), beacon));
  for (const flags of [0x01, 0x02, 0x04, 0x08, 0x40, 0x4f]) f.push(concat(common(flags, 2, 0x00a0), beacon));
  f.push(concat(common(0x10, 2, 0x00a0), data, fromHex('deadbeef')), concat(common(0x10, 2, 0x00a0), bytes(0xd4, 0), le16(0), A1, fromHex('deadbeef')));
  f.push(concat(common(0x20, 2, 0x00a0), qos, bytes(0, 0), snap(0x0800, v4udp)), concat(common(0x30, 2, 0x00a0), qos, bytes(0, 0), snap(0x0806, arp), fromHex('01020304')));
  // FHSS, lock quality, TX attenuation, dB TX attenuation, dBm TX power, dB signal and noise, RX flags.
  f.push(concat(radiotap([0x000077d0], concat(bytes(3, 9, 0xd8), bytes(0), le16(40), le16(5), bytes(3, 12, 0), bytes(30, 5), le16(0))), beacon));
  // XChannel (with Channel, which it replaces), MCS, A-MPDU, VHT.
  const mcs = (known: number, flags: number, index: number): Uint8Array =>
    radiotap([0x00080008], concat(le16(5180), le16(0x0140), bytes(known, flags, index)));
  for (const [k, fl, i] of [[0x07, 0x01, 7], [0x3f, 0x7d, 15], [0x02, 0, 3], [0x06, 0x04, 76], [0x03, 0x01, 77], [0x00, 0, 0], [0x1f, 0x1a, 32], [0x05, 0x02, 9]] as const) {
    f.push(concat(mcs(k, fl, i), data));
  }
  f.push(concat(radiotap([0x00040008], concat(le16(2412), le16(0x00a0), le32(0x000200c0), le16(2412), bytes(1, 20))), beacon));
  f.push(concat(radiotap([0x00100000], concat(le32(99), le16(3), bytes(0, 0))), beacon));
  for (const [known, flags, bw, coding] of [[0x0044, 0x04, 4, 0x01], [0x01ff, 0x00, 11, 0x0a], [0x0040, 0, 30, 0], [0x0000, 0, 0, 0]] as const) {
    f.push(concat(radiotap([0x00200000], concat(le16(known), bytes(flags, bw, 0x92, 0x00, 0x31, 0x14, coding, 0, 0, 0))), data));
  }
  // Extended bitmaps: a second radiotap word (bits 32 on: unknown), a namespace switch, a vendor namespace skipped.
  f.push(concat(radiotap([0x80000002, 0x00000001], concat(bytes(0x10), new Uint8Array(3))), data, fromHex('00000000')));
  f.push(concat(radiotap([0xa0000002, 0x00000004], bytes(0x00, 22, 0, 0)), beacon));
  f.push(concat(radiotap([0xc0000002, 0x80000000, 0x00000020], concat(bytes(0, 0), fromHex('001122'), bytes(7), le16(4), bytes(1, 2, 3, 4), bytes(0xbd), new Uint8Array(3))), beacon));
  f.push(concat(radiotap([0x40000000, 0x20000004], concat(fromHex('001122'), bytes(1), le16(2), bytes(9, 9), bytes(0x16))), beacon));
  // A field tcpdump cannot size (bit 15), a header that ends in a field, a length under 8, bitmaps past the header.
  f.push(concat(radiotap([0x00008004], bytes(2, 0, 0, 0)), beacon));
  f.push(concat(bytes(0, 0), le16(9), le32(0x00000009), bytes(1), beacon));
  f.push(concat(bytes(0, 0), le16(4), le32(2), beacon), concat(bytes(0, 0), le16(8), le32(0x80000002), beacon), concat(bytes(0, 0), le16(600), le32(2), beacon));
  const cuts = everyCut([f[0]!, f[17]!, f[19]!].map((x) => x.subarray(0, 60)));
  oracle.compare(t, 127, withCuts(f, cuts), FLAGS);
});

test('Prism, AVS and PPI headers before 802.11 frames (and PPI before Ethernet, radiotap, unknown link types); bad lengths; cut short', (t) => {
  const beacon = mgmt(8, concat(fixedBeacon(0x0011), ssid('hdr'), rates, ds(3)));
  const data = concat(fcd(2, 0, 0x01), A1, A2, A3, le16(0), snap(0x0800, v4udp));
  const prism = concat(be32(0x00000044), new Uint8Array(140));
  const avs = (len: number, cookie = 0x80211001): Uint8Array => concat(be32(cookie), be32(len), new Uint8Array(Math.max(0, len - 8)));
  const prismFrames = [concat(prism, beacon), concat(prism, data), concat(avs(64), data), concat(avs(64, 0x80211002), beacon), concat(avs(4), data), prism.subarray(0, 100)];
  oracle.compare(t, 119, withCuts(prismFrames, [1, 3, 4, 7, 8, 60, 70, 143, 144, 150, 170]), FLAGS);
  const avsFrames = [concat(avs(64), beacon), concat(avs(8), data), concat(avs(7), data), concat(avs(200), data)];
  oracle.compare(t, 163, withCuts(avsFrames, [1, 4, 7, 8, 9, 30, 63, 64, 70, 100]), FLAGS);
  const ppi = (dlt: number, tlvs: Uint8Array, frame: Uint8Array, len = 8 + tlvs.length): Uint8Array => concat(bytes(0, 0), le16(len), le32(dlt), tlvs, frame);
  const eth = concat(A1, A2, bytes(8, 0), v4udp);
  const rt = concat(radiotap([0x00000006], bytes(0x10, 4)), data, fromHex('00000000'));
  const ppiFrames = [
    ppi(105, new Uint8Array(0), beacon), ppi(105, concat(le16(2), le16(20), new Uint8Array(20)), data), ppi(1, new Uint8Array(0), eth),
    ppi(127, new Uint8Array(0), rt), ppi(999, new Uint8Array(0), data), ppi(147, new Uint8Array(4), text('user')), ppi(105, new Uint8Array(0), data, 4),
    ppi(105, new Uint8Array(0), data, 65533), ppi(105, new Uint8Array(0), data, 300),
  ];
  oracle.compare(t, 192, withCuts(ppiFrames, [1, 4, 7, 8, 9, 20, 30, 31, 32, 40]), FLAGS);
});

/** 802.15.4 frame with a 2-byte (CRC-16) or 4-byte (CRC-32) FCS that tcpdump recognises. */
const withFcs = (f: Uint8Array, n: 2 | 4): Uint8Array =>
  concat(f, n === 2 ? le16(wpanCrc16(f, 0, f.length)) : le32(wpanCrc32(f, 0, f.length)));

test('802.15.4: every frame type, addressing mode and PAN ID compression rule, security headers, header and payload IEs, beacons, MAC commands, FCS; cut short', (t) => {
  const ext = fromHex('0102030405060708');
  const fc = (type: number, bits: number, dst: number, src: number, version: number): Uint8Array => le16(type | bits | (dst << 10) | (version << 12) | (src << 14));
  const addr = (mode: number, k: number): Uint8Array => mode === 2 ? le16(0x1000 + k) : mode === 3 ? ext : new Uint8Array(0);
  const frames: Uint8Array[] = [];
  // Data frames: every addressing mode pair, with and without PAN ID compression, versions 0-2.
  for (const version of [0, 1, 2]) {
    for (const dst of [0, 2, 3]) {
      for (const src of [0, 2, 3]) {
        for (const comp of [0, 0x40]) {
          const f = concat(fc(1, comp | 0x20, dst, src, version), bytes(0x2a), le16(0xabcd), addr(dst, 1), le16(0x1234), addr(src, 2), text('payload'));
          frames.push(withFcs(f, 2));
        }
      }
    }
  }
  frames.push(concat(fc(1, 0, 1, 2, 2), bytes(1), new Uint8Array(8)), concat(fc(1, 0, 2, 1, 2), bytes(1), new Uint8Array(8)));
  // Sequence number suppressed (legal in version 2 only), ACKs, frame pending.
  frames.push(withFcs(concat(fc(2, 0x100, 0, 0, 2), bytes(0)), 2), withFcs(concat(fc(2, 0x110, 0, 0, 0), bytes(7)), 4), withFcs(concat(fc(2, 0, 0, 0, 0), bytes(9)), 2));
  // Security: levels 1-7, key identifier modes 0-3, frame counter suppressed, MIC.
  for (const [level, mode, noCounter] of [[5, 0, 0], [1, 1, 0], [2, 2, 0], [7, 3, 0], [4, 1, 1], [3, 0, 1], [6, 2, 1]] as const) {
    const sc = level | (mode << 3) | (noCounter << 5);
    const aux = concat(bytes(sc), noCounter ? new Uint8Array(0) : le32(0x01020304), mode === 2 ? fromHex('aabbccdd') : mode === 3 ? ext : new Uint8Array(0), mode ? bytes(0x42) : new Uint8Array(0));
    frames.push(withFcs(concat(fc(1, 0x08 | 0x40, 2, 2, 2), bytes(3), le16(0xabcd), le16(1), le16(2), aux, text('ciphertext'), fromHex('0011223344556677')), 2));
  }
  // Header IEs (terminations, reserved IDs, type 1), payload IEs after Header Termination 1.
  const hie = (id: number, data: Uint8Array, type1 = 0): Uint8Array => concat(le16(data.length | (id << 7) | type1), data);
  const pie = (group: number, data: Uint8Array, type0 = false): Uint8Array => concat(le16(data.length | (group << 11) | (type0 ? 0 : 0x8000)), data);
  const ies = [
    concat(hie(0x1a, fromHex('01020304')), hie(0x7f, new Uint8Array(0)), text('data')),
    concat(hie(0x1e, fromHex('0180')), hie(0x7e, new Uint8Array(0)), pie(1, fromHex('0a1b2c')), pie(5, fromHex('01')), pie(0xf, new Uint8Array(0)), text('after')),
    concat(hie(0x00, fromHex('aabbcc11'), 0x8000), hie(0x60, new Uint8Array(0))),
    concat(hie(0x7e, new Uint8Array(0)), pie(2, fromHex('0102'), true), pie(3, new Uint8Array(3))),
    concat(hie(0x22, fromHex('0102')), le16(0x7f05)), hie(0x7e, new Uint8Array(0)),
  ];
  for (const ie of ies) frames.push(withFcs(concat(fc(1, 0x200 | 0x40, 2, 2, 2), bytes(5), le16(0xabcd), le16(1), le16(2), ie), 2));
  frames.push(withFcs(concat(fc(1, 0x200 | 0x40 | 0x08, 2, 2, 2), bytes(5), le16(0xabcd), le16(1), le16(2), bytes(0x0d), le32(9), bytes(1), ies[1]!, fromHex('01020304')), 4));
  // Beacons: superframe specification, GTS descriptors, pending addresses (version 0); a version 2 beacon.
  const beacon = (gts: Uint8Array, pending: Uint8Array): Uint8Array => withFcs(concat(fc(0, 0, 0, 2, 0), bytes(0x10), le16(0x2222), le16(0x0001), le16(0xdf5f), gts, pending, text('bp')), 2);
  frames.push(beacon(bytes(0), bytes(0)), beacon(concat(bytes(0x82, 0x01), le16(0x0005), bytes(0x31), le16(0x0006), bytes(0x42)), concat(bytes(0x12), le16(0x0007), ext)));
  frames.push(beacon(bytes(0x03, 0), bytes(0)), withFcs(concat(fc(0, 0, 0, 2, 0), bytes(1), le16(1), le16(2), le16(0x1234)), 2), withFcs(concat(fc(0, 0, 0, 3, 2), bytes(1), le16(1), ext, text('v2 beacon')), 2));
  frames.push(withFcs(concat(fc(0, 0, 0, 2, 0), bytes(1), le16(1), le16(2), le16(0x1234), bytes(0), bytes(0x23), le16(5)), 2));
  // MAC commands: every command with data tcpdump decodes, bad lengths, reserved IDs.
  for (const cmd of [fromHex('01ce'), fromHex('01ce00'), fromHex('02341200'), fromHex('02341203'), fromHex('02341280'), fromHex('02341277'), fromHex('0201'),
    fromHex('0301'), fromHex('0302'), fromHex('0300'), fromHex('0309'), fromHex('04'), fromHex('07'), fromHex('08cdab34120b7856'), fromHex('08cdab34120b785602'),
    fromHex('08cdab34120b785685'), fromHex('0801'), fromHex('0935'), fromHex('090f'), fromHex('13010203'), fromHex('2f'), fromHex('3001')]) {
    frames.push(withFcs(concat(fc(3, 0x40 | 0x20, 2, 3, 1), bytes(0x44), le16(0xffff), le16(0x0001), ext, cmd), 2));
  }
  // Multipurpose frames: short and long frame control; fragments, reserved and extended types.
  frames.push(withFcs(concat(bytes(0x05 | (2 << 4) | (2 << 6)), bytes(0x11), le16(0x1111), le16(0x2222), text('mp')), 2));
  frames.push(withFcs(concat(le16(0x5 | 0x8 | (3 << 4) | (2 << 6) | 0x100 | 0x4000 | (2 << 12)), bytes(0x12), le16(0xabcd), ext, le16(0x2222), text('mp long')), 4));
  frames.push(concat(le16(0x5 | 0x8 | (2 << 4) | 0x400 | 0x8000 | 0x200), le16(0x3333), bytes(0x07), le32(1), hie(0x7f, new Uint8Array(0)), new Uint8Array(8), text('x')));
  frames.push(concat(le16(0x5 | 0x8 | (1 << 4)), bytes(1)), bytes(0x06, 0, 1, 2, 3), bytes(0x04, 0, 1), bytes(0x07, 0, 1), bytes(0x05));
  const cuts = everyCut(frames.slice(0, 12).concat(frames.slice(-12)));
  oracle.compare(t, 195, withCuts(frames, cuts), [[], ['-e'], ['-v'], ['-vv'], ['-vvv', '-e'], ['-x'], ['-q']]);
  oracle.compare(t, 230, frames.slice(0, 40).map((frame) => ({ frame })), [['-vvv']]);
  // The TAP header: version 0, a length over its TLVs; bad versions and lengths.
  const tap = (version: number, len: number, tlvs: Uint8Array, f: Uint8Array): Uint8Array => concat(bytes(version, 0), le16(len), tlvs, f);
  const tapFrames = [tap(0, 4, new Uint8Array(0), frames[5]!), tap(0, 12, new Uint8Array(8), frames[60]!), tap(1, 4, new Uint8Array(0), frames[5]!), tap(0, 2, new Uint8Array(0), frames[5]!), tap(0, 100, new Uint8Array(0), frames[5]!)];
  oracle.compare(t, 283, withCuts(tapFrames, [1, 3, 4, 5, 6, 8, 12, 14, 20]), [[], ['-vvv'], ['-x']]);
});
