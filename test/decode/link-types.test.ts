// The decoder views of the link types beyond Ethernet, cooked and loopback (SLIP, vsock, Cisco
// HDLC/SLARP, DSA/EDSA and Broadcom tags, MACsec, Arista, IPoIB, NFLOG, PPP/PPP_SERIAL/PPPoE):
// the fields of a frame, the layer after each, and where a cut or a lie stops the walk.
import test from 'ava';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import type { LayerView } from '../../src/decoders/view.js';
import { Slip } from '../../src/decoders/slip.js';
import { Vsock } from '../../src/decoders/vsock.js';
import { Chdlc, Slarp } from '../../src/decoders/chdlc.js';
import { DsaTagged } from '../../src/decoders/dsa.js';
import { BrcmTag } from '../../src/decoders/brcmtag.js';
import { Macsec } from '../../src/decoders/macsec.js';
import { Arista } from '../../src/decoders/arista.js';
import { Ipoib } from '../../src/decoders/ipoib.js';
import { Nflog } from '../../src/decoders/nflog.js';
import { Ppp, PppControl } from '../../src/decoders/ppp.js';
import { Pppoe } from '../../src/decoders/pppoe.js';
import { Juniper } from '../../src/decoders/juniper.js';
import { AtmLink, Sunatm } from '../../src/decoders/atm.js';
import { FrameRelay, Mfr } from '../../src/decoders/fr.js';
import { be16, be32, bytes, concat, ether, fromHex, ipv4, udp } from '../helpers/frames.js';

const d = new Decoder();
const v4 = ipv4({ proto: 17, src: '10.0.0.1', dst: '10.0.0.2' }, udp(1234, 5678, bytes(1, 2, 3)));
const le16 = (v: number): Uint8Array => bytes(v & 255, v >> 8);
const le32 = (v: number): Uint8Array => bytes(v & 255, (v >> 8) & 255, (v >> 16) & 255, v >>> 24);

/** Every cut shorter than `n` bytes stops, truncated, in `layer` at `offset`. */
function cutsStopIn(t: import('ava').ExecutionContext, frame: Uint8Array, linkType: number, n: number, layer: number, offset = 0): void {
  for (let cap = 0; cap < n; cap++) {
    t.like(d.decode(frame.subarray(0, cap), linkType).stop, { layer, offset, kind: 'truncated' }, `cap ${cap}`);
  }
}

test('SLIP: direction, compression byte, connection; IPv4 after 16 bytes; a bad version is an error', (t) => {
  const hdr = concat(bytes(1, 0x70), new Uint8Array(8), bytes(3), new Uint8Array(5));
  const p = d.decode(concat(hdr, v4), LinkType.SLIP);
  const s = p.layer(Layer.Slip) as Slip;
  t.deepEqual([s.direction, s.compression, s.connection, s.length, s.ipVersion], [1, 0x70, 3, 16, 4]);
  t.is(p.udp?.dstPort, 5678);
  t.like(d.decode(concat(hdr, bytes(0x75)), LinkType.SLIP).stop, { layer: Layer.Slip, offset: 16, kind: 'error' });
  cutsStopIn(t, concat(hdr, v4), LinkType.SLIP, 16, Layer.Slip);
});

test('VSOCK: CIDs, ports, operation, transport; the virtio header after it', (t) => {
  const mon = concat(le32(3), le32(0), le32(2), le32(0), le32(1024), le32(1234), le16(4), le16(2), le16(44), bytes(0, 0));
  const virtio = concat(new Uint8Array(24), le32(6), le16(1), le16(5), le32(0), le32(262144), le32(9));
  const p = d.decode(concat(mon, virtio, bytes(1, 2, 3, 4, 5, 6)), LinkType.VSOCK);
  const v = p.layer(Layer.Vsock) as Vsock;
  t.deepEqual([v.srcCid, v.dstCid, v.srcPort, v.dstPort, v.op, v.transport, v.length], [3n, 2n, 1024, 1234, 4, 2, 76]);
  t.deepEqual([v.virtioLength, v.virtioType, v.virtioOp, v.virtioBufAlloc, v.virtioFwdCnt], [6, 1, 5, 262144, 9]);
  t.is(p.payloadLength, 6);
  cutsStopIn(t, concat(mon, virtio), LinkType.VSOCK, 76, Layer.Vsock);
});

test('Cisco HDLC: address, protocol; SLARP keepalive fields and the optional uptime', (t) => {
  const ip = d.decode(concat(bytes(0x0f, 0), be16(0x0800), v4), LinkType.C_HDLC);
  t.deepEqual([(ip.layer(Layer.Chdlc) as Chdlc).address, (ip.layer(Layer.Chdlc) as Chdlc).protocol], [0x0f, 0x0800]);
  t.is(ip.ipv4?.offset, 4);
  const ka = concat(bytes(0x8f, 0), be16(0x8035), be32(2), be32(0xd0a31), be32(0x57405e26), be16(0x4ff), be32(3000));
  const s = d.decode(ka, LinkType.C_HDLC).layer(Layer.Slarp) as Slarp;
  t.deepEqual([s.code, s.mySequence, s.yourSequence, s.reliability, s.uptime, s.length], [2, 0xd0a31, 0x57405e26, 0x4ff, 3000, 18]);
  cutsStopIn(t, ka, LinkType.C_HDLC, 4, Layer.Chdlc);
  for (let cap = 4; cap < 18; cap++) t.like(d.decode(ka.subarray(0, cap), LinkType.C_HDLC).stop, { layer: Layer.Slarp, offset: 4 }, `cap ${cap}`);
});

test('DSA and EDSA: the tag between the addresses and the type; mode, device, port, VID, priority', (t) => {
  const macs = fromHex('d618e269ee0102f0bbed000f');
  const p = d.decode(concat(macs, bytes(0xc0, 0x10, 0xa5, 0x39), be16(0x0800), v4), LinkType.DSA_TAG_DSA);
  const v = p.layer(Layer.Dsa) as DsaTagged;
  t.deepEqual([v.src, v.dst, v.mode, v.tagged, v.device, v.port, v.vid, v.priority, v.etherType, v.length], ['02:f0:bb:ed:00:0f', 'd6:18:e2:69:ee:01', 3, false, 0, 2, 1337, 5, 0x0800, 18]);
  t.is(p.ipv4?.offset, 18);
  const e = d.decode(concat(macs, be16(0xdada), bytes(0, 0), bytes(0x40, 0x10, 0, 0), be16(0x0800), v4), LinkType.DSA_TAG_EDSA);
  t.deepEqual([(e.layer(Layer.Edsa) as DsaTagged).edsaEtherType, (e.layer(Layer.Edsa) as DsaTagged).mode, e.udp?.dstPort], [0xdada, 1, 5678]);
  cutsStopIn(t, concat(macs, new Uint8Array(6)), LinkType.DSA_TAG_DSA, 18, Layer.Dsa);
});

test('Broadcom tags: ingress and egress fields, inline and prepended', (t) => {
  const macs = fromHex('ffffffffffff00101 8de381e'.replace(' ', ''));
  const ig = d.decode(concat(macs, bytes(0x20, 0x00, 0x00, 0x80), be16(0x0800), v4), LinkType.DSA_TAG_BRCM).layer(Layer.BrcmTag) as BrcmTag;
  t.deepEqual([ig.ingress, ig.ingressTrafficClass, ig.tagEnforcement, ig.destinationMap, ig.etherType], [true, 0, 0, 0x80, 0x0800]);
  const pre = d.decode(concat(bytes(0x00, 0x00, 0x20, 0x05), macs, be16(0x0800), v4), LinkType.DSA_TAG_BRCM_PREPEND);
  const eg = pre.layer(Layer.BrcmTagPrepend) as BrcmTag;
  t.deepEqual([eg.ingress, eg.classId, eg.reasonCode, eg.sourcePort, pre.ethernet?.offset, pre.ipv4?.offset], [false, 0, 0x20, 5, 4, 18]);
  cutsStopIn(t, concat(bytes(0, 0, 0, 0)), LinkType.DSA_TAG_BRCM_PREPEND, 4, Layer.BrcmTagPrepend);
});

test('MACsec: SecTAG fields; integrity-only frames go on to their type, bounded before the ICV; encrypted ones stop', (t) => {
  const E = (p: Uint8Array): Uint8Array => ether('3e:6f:f3:74:23:7c', '2e:b7:3f:39:95:c3', 0x88e5, p);
  const icv = new Uint8Array(16);
  const p = d.decode(E(concat(bytes(0x20, 0), be32(68), fromHex('2eb73f3995c30001'), be16(0x0800), v4, icv)), LinkType.EN10MB);
  const m = p.layer(Layer.Macsec) as Macsec;
  t.deepEqual([m.associationNumber, m.packetNumber, m.hasSci, m.sci, m.confidential, m.etherType, m.length], [0, 68, true, '2eb73f3995c30001', false, 0x0800, 16]);
  t.is(p.udp?.dstPort, 5678);
  t.is(p.ipv4!.end - p.ipv4!.off, v4.length);
  const enc = d.decode(E(concat(bytes(0x0c, 0), be32(1), new Uint8Array(40))), LinkType.EN10MB);
  t.true((enc.layer(Layer.Macsec) as Macsec).confidential);
  t.is(enc.ipv4, undefined);
  t.like(d.decode(E(concat(bytes(0xa0, 0), be32(1), new Uint8Array(40))), LinkType.EN10MB).stop, { layer: Layer.Macsec, kind: 'error' });
});

test('Arista: the timestamp header, then the frame type it carries', (t) => {
  const p = d.decode(ether('00:00:00:00:00:01', '00:11:22:33:44:55', 0xd28b, concat(be16(1), bytes(0, 0x10), be32(1559162199), be32(944724424), be16(0x0800), v4)), LinkType.EN10MB);
  const a = p.layer(Layer.Arista) as Arista;
  t.deepEqual([a.subtype, a.timescale, a.format, a.hardware, a.seconds, a.nanoseconds, a.etherType, a.length], [1, 0, 1, 0, 1559162199, 944724424, 0x0800, 14]);
  t.is(p.ipv4?.offset, 28);
});

test('IPoIB, NFLOG: the EtherType at 40; the TLVs up to the payload and the family', (t) => {
  const addr = new Uint8Array(20).fill(0xab);
  const ib = d.decode(concat(addr, addr, be16(0x0800), bytes(0, 0), v4), LinkType.IPOIB);
  t.deepEqual([(ib.layer(Layer.Ipoib) as Ipoib).etherType, ib.ipv4?.offset], [0x0800, 44]);
  const tlv = (type: number, value: Uint8Array): Uint8Array => concat(le16(value.length + 4), le16(type), value);
  const nf = d.decode(concat(bytes(2, 0), be16(20), tlv(1, bytes(8, 0, 3, 0)), tlv(9, v4)), LinkType.NFLOG);
  const n = nf.layer(Layer.Nflog) as Nflog;
  t.deepEqual([n.family, n.version, n.resourceId, n.length, nf.ipv4?.offset], [2, 0, 20, 16, 16]);
  t.like(d.decode(concat(bytes(2, 0), be16(20), tlv(1, bytes(8, 0, 3, 0))), LinkType.NFLOG).stop, { layer: Layer.Nflog, kind: 'truncated' });
  t.like(d.decode(concat(bytes(2, 1), be16(20)), LinkType.NFLOG).stop, { layer: Layer.Nflog, kind: 'error' });
});

test('PPP: address/control, PFC, the protocol; control packets; PPP_SERIAL with C-HDLC; PPPoE session and discovery', (t) => {
  const p = d.decode(concat(bytes(0xff, 3), be16(0x21), v4), LinkType.PPP);
  const ppp = p.layer(Layer.Ppp) as Ppp;
  t.deepEqual([ppp.addressControlLength, ppp.protocol, ppp.length, p.ipv4?.offset], [2, 0x21, 4, 4]);
  const pfc = d.decode(concat(bytes(0x21), v4), LinkType.PPP);
  t.deepEqual([(pfc.layer(Layer.Ppp) as Ppp).protocol, pfc.ipv4?.offset], [0x21, 1]);
  const lcp = d.decode(concat(bytes(0xff, 3), be16(0xc021), bytes(1, 7), be16(8), bytes(1, 4), be16(1500)), LinkType.PPP);
  const cp = lcp.layer(Layer.PppControl) as PppControl;
  t.deepEqual([cp.code, cp.identifier, cp.packetLength], [1, 7, 8]);
  const o = cp.option.point(cp.off + 4, cp.end);
  t.deepEqual([o.type, o.length, o.value16], [1, 4, 1500]);
  const serial = d.decode(concat(bytes(0x0f, 0), be16(0x0800), v4), LinkType.PPP_SERIAL);
  t.is(serial.layer(Layer.Chdlc)?.offset, 0);
  t.is(serial.ipv4?.offset, 4);
  const session = d.decode(ether('ff:ff:ff:ff:ff:ff', '00:0c:29:90:3a:8b', 0x8864, concat(bytes(0x11, 0), be16(0x1234), be16(v4.length + 2), be16(0x21), v4)), LinkType.EN10MB);
  const s = session.layer(Layer.Pppoe) as Pppoe;
  t.deepEqual([s.version, s.type, s.code, s.sessionId, s.payloadLength, session.ipv4?.offset], [1, 1, 0, 0x1234, v4.length + 2, 22]);
  const padi = d.decode(concat(bytes(0x11, 9), be16(0), be16(4), be16(0x101), be16(0)), LinkType.PPP_ETHER);
  const tag = (padi.layer(Layer.Pppoe) as Pppoe).tag.point(6, 10);
  t.deepEqual([(padi.layer(Layer.Pppoe) as Pppoe).code, tag.type, tag.length], [9, 0x101, 0]);
  cutsStopIn(t, concat(bytes(0xff, 3), be16(0x21)), LinkType.PPP, 4, Layer.Ppp);
});

test('every link-type view is registered and reports itself in toJSON()', (t) => {
  const frames: Array<[number, Uint8Array, number]> = [
    [LinkType.SLIP, concat(new Uint8Array(16), v4), Layer.Slip], [LinkType.C_HDLC, concat(bytes(0x0f, 0), be16(0x0800), v4), Layer.Chdlc],
    [LinkType.PPP, concat(bytes(0xff, 3), be16(0x21), v4), Layer.Ppp], [LinkType.IPOIB, concat(new Uint8Array(40), be16(0x0800), bytes(0, 0), v4), Layer.Ipoib],
  ];
  for (const [lt, f, layer] of frames) {
    const p = d.decode(f, lt);
    const v: LayerView | undefined = p.layer(layer);
    t.truthy(v, `layer ${layer}`);
    t.is(p.stop, undefined);
    t.truthy(Object.keys(p.toJSON()).length > 3);
  }
});

test('Juniper: magic, flags, extensions and cookies measured; the PIC decides what follows', (t) => {
  const mgc = (flags: number): Uint8Array => bytes(0x4d, 0x47, 0x43, flags);
  const eth = ether('00:50:56:8b:5e:9f', '00:50:56:8b:6d:de', 0x0800, v4);
  const e = d.decode(concat(mgc(0x81), be16(6), bytes(1, 4, 7, 0, 0, 0), eth), LinkType.JUNIPER_ETHER);
  t.deepEqual([(e.layer(Layer.Juniper) as Juniper).flags, e.layer(Layer.Juniper)?.length, e.ethernet?.offset, e.udp?.dstPort], [0x81, 12, 12, 5678]);
  const atm1 = d.decode(concat(mgc(0), bytes(1, 2, 3, 4), v4), LinkType.JUNIPER_ATM1);
  t.deepEqual([atm1.layer(Layer.Juniper)?.length, atm1.ipv4?.offset], [8, 8]);
  const es = d.decode(concat(mgc(0), be16(7), bytes(64, 3), be32(1), new Uint8Array(8), v4), LinkType.JUNIPER_ES);
  t.is(es.ipv4?.offset, 20);
  t.like(d.decode(concat(bytes(1, 2, 3, 0), eth), LinkType.JUNIPER_ETHER).stop, { layer: Layer.Juniper, kind: 'error' });
  cutsStopIn(t, concat(mgc(0x80), be16(6)), LinkType.JUNIPER_ETHER, 4, Layer.Juniper);
});

test('ATM: SunATM VPI/VCI and LLC after it; RFC 1483 LLC or an 802.6 header; classical IP with and without LLC', (t) => {
  const snap = concat(fromHex('aaaa03000000'), be16(0x0800), v4);
  const s = d.decode(concat(bytes(0x82, 1), be16(32), snap), LinkType.SUNATM);
  const v = s.layer(Layer.Sunatm) as Sunatm;
  t.deepEqual([v.transmitted, v.trafficType, v.vpi, v.vci, s.llc?.offset, s.ipv4?.offset], [true, 2, 1, 32, 4, 12]);
  t.is(d.decode(concat(bytes(0x02, 0), be16(4), new Uint8Array(52)), LinkType.SUNATM).llc, undefined);
  t.is(d.decode(snap, LinkType.ATM_RFC1483).ipv4?.offset, 8);
  t.is(d.decode(concat(new Uint8Array(20).fill(1), snap), LinkType.ATM_RFC1483).ipv4?.offset, 28);
  t.is(d.decode(v4, LinkType.ATM_CLIP).ipv4?.offset, 0);
  t.true((d.decode(snap, LinkType.ATM_CLIP).layer(Layer.AtmClip) as AtmLink).clipLlc);
});

test('Frame Relay: Q.922 addresses of 2 to 4 bytes, DLCI and flags, NLPIDs and Cisco EtherTypes; FRF.16', (t) => {
  const two = d.decode(concat(bytes(0x18, 0x41, 0x03, 0xcc), v4), LinkType.FRELAY);
  const fr = two.layer(Layer.FrameRelay) as FrameRelay;
  t.deepEqual([fr.addressLength, fr.dlci, fr.length, two.ipv4?.offset], [2, 100, 4, 4]);
  const four = d.decode(concat(bytes(0x18, 0x4e, 0x40, 0x83, 0x03, 0xcc), v4), LinkType.FRELAY).layer(Layer.FrameRelay) as FrameRelay;
  t.deepEqual([four.addressLength, four.dlci, four.flags], [4, 821280, 0x000e0002]);
  t.is(d.decode(concat(bytes(0x18, 0x41), be16(0x0800), v4), LinkType.FRELAY).ipv4?.offset, 4);
  t.like(d.decode(bytes(0x19, 0x41, 3, 0xcc), LinkType.FRELAY).stop, { layer: Layer.FrameRelay, kind: 'error' });
  const mfr = d.decode(concat(bytes(0xc0, 0x05), bytes(0x18, 0x41, 0x03, 0xcc), v4), LinkType.MFR);
  t.deepEqual([(mfr.layer(Layer.Mfr) as Mfr).sequence, mfr.layer(Layer.FrameRelay)?.offset, mfr.ipv4?.offset], [5, 2, 6]);
  // NLPID 0x80: a SNAP header, then an EtherType's layer (OUI 00-00-00) or the organisation's (Cisco's VTP); cut inside it, nothing after FR.
  const snap = (oui: number, pid: number, rest: Uint8Array): Uint8Array => concat(bytes(0x18, 0x41, 0x03, 0x00, 0x80, oui >> 16, (oui >> 8) & 255, oui & 255), be16(pid), rest);
  t.is(d.decode(snap(0, 0x0800, v4), LinkType.FRELAY).ipv4?.offset, 10);
  t.is(d.decode(snap(0x00000c, 0x2003, new Uint8Array(40)), LinkType.FRELAY).layer(Layer.Vtp)?.offset, 10);
  const cut = d.decode(snap(0, 0x0800, v4).subarray(0, 8), LinkType.FRELAY);
  t.deepEqual([cut.layer(Layer.FrameRelay)?.offset, cut.ipv4, cut.stop], [0, undefined, undefined]);
});
