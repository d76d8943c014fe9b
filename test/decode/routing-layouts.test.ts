// The routing protocols' layouts in their decoder views (issue 14): the named fields and the
// sub-views a printer walks (options, messages, TLVs, objects), on frames of real captures
// (tcpdump's suite) and on the same frames cut short, where a field past the capture throws
// (tcpdump's [|proto]) and the sub-views say how much of an element there is.
import test, { type ExecutionContext } from 'ava';
import { join } from 'node:path';
import { openCaptureFile } from '../../src/capture/capture-file.js';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import type { Ahcp } from '../../src/decoders/ahcp.js';
import type { Aodv } from '../../src/decoders/aodv.js';
import type { Olsr } from '../../src/decoders/olsr.js';
import { BABEL_HEADER_LENGTH, BabelTlvType, type Babel } from '../../src/decoders/babel.js';
import { LDP_TLV_HEADER_LENGTH, type Ldp } from '../../src/decoders/ldp.js';
import type { Rsvp } from '../../src/decoders/rsvp.js';
import { Ospf, OSPF_TLV_HEADER_LENGTH } from '../../src/decoders/ospf.js';
import { be16, be32, bytes, concat, ether, ip4, ip6, ipv4, ipv6, udp } from '../helpers/frames.js';
import { NOT_CAPTURED } from '../../src/decoders/view.js';
import { repoRoot } from '../helpers/netns.js';

/** The HNA message's validity time: 288 s (mantissa 2, exponent 12). */
const VTIME = 0x2c;

/** Frame `n` (from 0) of a capture of tcpdump's suite: its bytes and link type. */
const suiteFrame = (file: string, n: number): { bytes: Uint8Array; linkType: LinkType } => frameOf(join('tcpdump-suite', file), n);
/** Frame `n` of a capture of test/pcaps/routing. */
const routingFrame = (file: string, n: number): { bytes: Uint8Array; linkType: LinkType } => frameOf(join('routing', file), n);

function frameOf(file: string, n: number): { bytes: Uint8Array; linkType: LinkType } {
  const f = openCaptureFile(join(repoRoot, 'test', 'pcaps', file));
  try {
    for (let b = f.next(), k = 0; b; b = f.next()) {
      for (let i = 0; i < b.count; i++, k++) {
        if (k === n) return { bytes: b.bytes.slice(b.offset[i]!, b.offset[i]! + b.capLen[i]!), linkType: b.linkType as LinkType };
      }
    }
  } finally {
    f.close();
  }
  throw new Error(`${file} has no frame ${n}`);
}

/**
 * The named fields of a view, read one by one (ava's diff would call every getter of a view,
 * and those of other message types throw): a field past the capture reads as 'not captured'.
 */
function fields(v: object, want: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(want)) {
    try { out[k] = (v as Record<string, unknown>)[k]; } catch (e) { out[k] = e === NOT_CAPTURED ? 'not captured' : e; }
  }
  return out;
}
/** Asserts the named fields of a view. */
const like = (t: ExecutionContext, v: object, want: Record<string, unknown>): void => { t.deepEqual(fields(v, want), want); };

const d = new Decoder();
/** The view of `layer` in the frame, cut to its first `cut` bytes (whole when undefined); the view the walk stopped in included. */
function view<T>(t: ExecutionContext, frame: { bytes: Uint8Array; linkType: LinkType }, layer: number, cut?: number): T {
  const bytes = cut === undefined ? frame.bytes : frame.bytes.subarray(0, cut);
  const p = d.decode(bytes, frame.linkType);
  const v = p.layer(layer) ?? (p.stop?.layer === layer ? p.viewAt(layer, p.stop.offset) : undefined);
  t.truthy(v, `layer ${layer} in the frame`);
  return v as T;
}
/** A read past the capture throws NOT_CAPTURED (the printer's ` [|proto]`). */
const throwsNotCaptured = (t: ExecutionContext, f: () => unknown): void => { t.throws(f, { any: true, is: NOT_CAPTURED }); };

test('AHCP: a real Discover (ahcp.pcapng): header, body header, every option through the option sub-view; cut inside an option', (t) => {
  const frame = suiteFrame('ahcp.pcapng', 0);
  const a = view<Ahcp>(t, frame, Layer.Ahcp);
  like(t, a, { magic: 43, version: 1, hopCount: 1, originalHopCount: 1, nonce: 0x7ce31135, sourceId: '6a:a3:c4:ff:fe:f4:84:1e',
    destinationId: 'ff:ff:ff:ff:ff:ff:ff:ff', messageType: 0, mbz: 0, bodyLength: 24 });
  const seen: [number, number][] = [];
  const opt = a.option;
  for (let pos = a.optionsStart, left = a.bodyLength; left > 0;) {
    opt.point(pos, a.end);
    const n = opt.type <= 1 ? 1 : 2 + opt.valueLength;
    seen.push([opt.type, opt.type <= 1 ? 0 : opt.valueLength]);
    if (opt.type === 2) t.is(new Date(opt.time * 1000).toISOString(), '2013-11-10T07:59:42.000Z');
    if (opt.type === 3) t.is(opt.time, 418);
    if (opt.type === 9) t.is(opt.ipv4Address(0), '0.0.0.0');
    pos += n; left -= n;
  }
  t.deepEqual(seen, [[2, 4], [3, 4], [9, 4], [6, 0], [12, 0], [13, 0]]);
  t.like(JSON.parse(JSON.stringify(a)), { magic: 43, version: 1, nonce: 0x7ce31135, messageType: 0, bodyLength: 24 });
  // Cut 2 bytes into the Origin Time's value: its header is there, the time is not.
  const cut = view<Ahcp>(t, frame, Layer.Ahcp, a.optionsStart - a.base + 4);
  const o = cut.option.point(cut.optionsStart, cut.end);
  t.is(o.type, 2);
  t.is(o.valueLength, 4);
  t.is(o.captured, 4);
  throwsNotCaptured(t, () => o.time);
  t.is(cut.bodyLength, 24);
});

test('OLSR: a real packet (OLSRv1_HNA_sgw_1.pcap): message headers, a smart-gateway HNA entry, a Hello-LQ link block; cut in the second message', (t) => {
  const frame = suiteFrame('OLSRv1_HNA_sgw_1.pcap', 0);
  const o = view<Olsr>(t, frame, Layer.Olsr);
  like(t, o, { packetLength: 72, sequence: 0xce93 });
  const m = o.pointMessage(4, false);
  like(t, m, { type: 4, vtime: VTIME, size: 28, originator: '172.31.175.220', ttl: 255, hopCount: 0, sequence: 0x6ce5, headerLength: 12 });
  const gw = o.pointItem(m.bodyStart, false);
  like(t, gw, { network32: 0, gatewayMaskHigh: 0, gatewayFlags: 7 });
  t.true(gw.uplinkSpeed > 0);
  const net = o.pointItem(m.bodyStart + 8, false);
  t.is(net.address(), '10.175.220.0');
  t.is(net.netmask, 0xffffff00);
  // The sub-views are one per view, re-pointed: keep what is needed of the first message.
  const helloAt = 4 + m.size;
  const hello = o.pointMessage(helloAt, false);
  like(t, hello, { type: 201, size: 40, ttl: 1, willingness: 3 });
  const link = o.pointItem(hello.bodyStart + 4, false);
  // Symmetric link (2), symmetric neighbor (1 << 2).
  like(t, link, { linkCode: 6, linkMessageSize: 12 });
  const lq = o.pointItem(hello.bodyStart + 8, false);
  like(t, lq, { lqEntrySize: 8, linkQuality: 0, neighborLinkQuality: 0 });
  t.is(lq.address(), '172.29.175.221');
  // Cut 6 bytes into the Hello-LQ: its type and size are there, its originator is not.
  const cut = view<Olsr>(t, frame, Layer.Olsr, hello.off - o.base + 6);
  const h = cut.pointMessage(helloAt, false);
  t.is(h.type, 201);
  t.is(h.size, 40);
  t.false(h.has(h.headerLength));
  throwsNotCaptured(t, () => h.originator);
});

test('AODV: a real route reply (hoobr_aodv_extension.pcap) and its cut; a built request with a HELLO extension, IPv4 and the IPv6 draft', (t) => {
  const frame = suiteFrame('hoobr_aodv_extension.pcap', 0);
  const a = view<Aodv>(t, frame, Layer.Aodv);
  t.is(a.type, 2);
  t.is(a.prefixSize, 16);
  t.is(a.hopCount, 48);
  t.is(a.destination(false), '48.48.48.48');
  t.is(a.destinationSequence(false), 808464432);
  t.is(a.lifetime(false), 808464432);
  t.is(a.messageSize(false), 20);
  const cut = view<Aodv>(t, frame, Layer.Aodv, a.off - a.base + 10);
  t.is(cut.destination(false), '48.48.48.48');
  throwsNotCaptured(t, () => cut.destinationSequence(false));
  // A request (J and D flags in the flags byte) with a HELLO extension; the draft's IPv6 request puts the sequence numbers first.
  const rreq = concat(bytes(1, 0x90, 0, 3), be32(7), ip4('10.0.0.1'), be32(5), ip4('10.0.0.2'), be32(6), bytes(1, 4), be32(1000));
  const q = d.decode(ether('00:00:00:00:00:02', '00:00:00:00:00:01', 0x0800, ipv4({ proto: 17 }, udp(654, 654, rreq))), LinkType.EN10MB).layer(Layer.Aodv) as Aodv;
  like(t, q, { type: 1, flags: 0x90, hopCount: 3, requestId: 7, isDraft: false });
  t.deepEqual([q.destination(false), q.destinationSequence(false), q.originator(false), q.originatorSequence(false)], ['10.0.0.1', 5, '10.0.0.2', 6]);
  t.like(q.firstExtension(false), { type: 1, valueLength: 4, helloInterval: 1000 });
  const draft = concat(bytes(16, 0, 0, 3), be32(7), be32(5), be32(6), ip6('2001:db8::1'), ip6('2001:db8::2'));
  const q6 = d.decode(ether('00:00:00:00:00:02', '00:00:00:00:00:01', 0x86dd, ipv6({ nh: 17, src: 'fe80::1', dst: 'ff02::1' }, udp(654, 654, draft))), LinkType.EN10MB).layer(Layer.Aodv) as Aodv;
  t.true(q6.isDraft);
  t.deepEqual([q6.destination(true), q6.destinationSequence(true), q6.originator(true), q6.originatorSequence(true), q6.messageSize(true)], ['2001:db8::1', 5, '2001:db8::2', 6, 48]);
  // Cut in the originator's address: the destination is there.
  const q6cut = d.decode(ether('00:00:00:00:00:02', '00:00:00:00:00:01', 0x86dd, ipv6({ nh: 17, src: 'fe80::1', dst: 'ff02::1' }, udp(654, 654, draft))).subarray(0, 14 + 40 + 8 + 40), LinkType.EN10MB);
  const v = (q6cut.layer(Layer.Aodv) ?? q6cut.viewAt(Layer.Aodv, 62)) as Aodv;
  t.is(v.destination(true), '2001:db8::1');
  throwsNotCaptured(t, () => v.originator(true));
});

test('Babel: a real Hello (babel.pcap) through the TLV sub-view; an Update with sub-TLVs built; cut inside a TLV', (t) => {
  const frame = suiteFrame('babel.pcap', 0);
  const b = view<Babel>(t, frame, Layer.Babel);
  like(t, b, { magic: 42, version: 2, bodyLength: 8 });
  const hello = b.pointTlv(BABEL_HEADER_LENGTH);
  like(t, hello, { type: BabelTlvType.Hello, valueLength: 6, helloFlags: 0, helloSeqno: 8042, helloInterval: 2000, tailStart: 8 });
  t.like(JSON.parse(JSON.stringify(b)), { bodyLength: 8, tlvs: [{ type: 4, length: 6 }] });
  // Cut in the Hello's interval: the seqno is there. (Before the next decode: the views and sub-views are the Decoder's, re-pointed by each.)
  const cut = view<Babel>(t, frame, Layer.Babel, hello.off - b.base + 6);
  const ct = cut.pointTlv(BABEL_HEADER_LENGTH);
  like(t, ct, { type: 4, valueLength: 6, helloSeqno: 8042, helloInterval: 'not captured' });
  // An IPv6 Update (AE 2, /64, nothing omitted) with a diversity sub-TLV.
  const update = concat(bytes(8, 22, 2, 0x80, 64, 0), be16(400), be16(7), be16(96), ip6('2001:db8:1:2::').subarray(0, 8), bytes(2, 2, 1, 255));
  const body = concat(bytes(42, 2), be16(update.length), update);
  const u = d.decode(ether('00:00:00:00:00:02', '00:00:00:00:00:01', 0x86dd, ipv6({ nh: 17, src: 'fe80::1', dst: 'ff02::1:6' }, udp(6696, 6696, body))), LinkType.EN10MB).layer(Layer.Babel) as Babel;
  const ut = u.pointTlv(BABEL_HEADER_LENGTH);
  like(t, ut, { type: BabelTlvType.Update, valueLength: 22, ae: 2, updateFlags: 0x80, updatePrefixLength: 64, updateOmitted: 0, updateInterval: 400, updateSeqno: 7, updateMetric: 96, tailStart: 12 });
  t.deepEqual([...ut.prefixBytes(ut.tailStart, 8)], [...ip6('2001:db8:1:2::').subarray(0, 8)]);
  const sub = u.pointSubTlv(ut.off + ut.tailStart + 8);
  like(t, sub, { type: 2, valueLength: 2 });
  t.deepEqual([sub.channel(0), sub.channel(1)], [1, 255]);
  t.is(ut.valueEnd, sub.off + 4);
});

test('LDP: a real Hello (mpls-ldp-hello.pcap): PDU, message and TLVs through the sub-views; a label mapping with a pseudowire FEC built; cut in a TLV', (t) => {
  const frame = suiteFrame('mpls-ldp-hello.pcap', 0);
  const l = view<Ldp>(t, frame, Layer.Ldp);
  like(t, l, { version: 1, pduLength: 38, lsrId: '10.1.0.2', labelSpace: 0 });
  const pdu = l.pointPdu(l.off);
  like(t, pdu, { version: 1, pduLength: 38, lsrId: '10.1.0.2', labelSpace: 0 });
  const m = l.pointMessage(pdu.messagesStart);
  like(t, m, { typeField: 0x0100, messageLength: 28, messageId: 0x11970 });
  const seen: unknown[] = [];
  for (let pos = m.tlvsStart; pos < m.off + 4 + m.messageLength;) {
    const tlv = l.pointTlv(pos);
    const type = tlv.typeField & 0x3fff;
    seen.push([type, type === 0x0400 ? tlv.holdTime : type === 0x0401 ? tlv.ipv4TransportAddress : tlv.configurationSequence]);
    pos += LDP_TLV_HEADER_LENGTH + tlv.valueLength;
  }
  t.deepEqual(seen, [[0x0400, 15], [0x0401, '10.1.0.2'], [0x0402, 1]]);
  // Cut in the second TLV's address.
  const cut = view<Ldp>(t, frame, Layer.Ldp, m.tlvsStart - l.base + 8 + 6);
  const ct = cut.pointTlv(m.tlvsStart + 8);
  like(t, ct, { typeField: 0x0401, valueLength: 4, ipv4TransportAddress: 'not captured' });
  // A Martini VC FEC: Ethernet (5) with a control word, group 9, VC 77, an MTU parameter.
  const fec = concat(bytes(0x80), be16(0x8005), bytes(8), be32(9), be32(77), bytes(1, 4), be16(1500));
  const msg = concat(be16(0x0400), be16(4 + 4 + fec.length), be32(3), be16(0x0100), be16(fec.length), fec);
  const pdu2 = concat(be16(1), be16(6 + msg.length), ip4('10.1.0.2'), be16(0), msg);
  const l2 = d.decode(ether('00:00:00:00:00:02', '00:00:00:00:00:01', 0x0800, ipv4({ proto: 17 }, udp(646, 646, pdu2))), LinkType.EN10MB).layer(Layer.Ldp) as Ldp;
  const ft = l2.pointTlv(l2.pointMessage(l2.off + 10).tlvsStart);
  like(t, ft, { typeField: 0x0100, fecType: 0x80, pwType: 0x8005, vcInfoLength: 8, groupId: 9, vcId: 77 });
  const ip = l2.pointInterfaceParameter(ft.interfaceParametersStart);
  like(t, ip, { type: 1, parameterLength: 4, mtu: 1500 });
});

test('RSVP: a real Hello (rsvp_cap.pcap): the common header and every object through the object sub-view; an ERO and a bundle built; cut in an object', (t) => {
  const frame = suiteFrame('rsvp_cap.pcap', 0);
  const r = view<Rsvp>(t, frame, Layer.Rsvp);
  like(t, r, { version: 1, flags: 1, messageType: 20, checksum: 0x7d4d, sendTtl: 1, messageLength: 40 });
  const seen: unknown[] = [];
  for (let pos = r.objectsStart; pos < r.off + r.messageLength;) {
    const o = r.pointObject(pos);
    seen.push([o.classNum, o.ctype, o.objectLength]);
    if (o.classNum === 22) like(t, o, { sourceInstance: 0x4a44672b, destinationInstance: 0xe86eb75b });
    if (o.classNum === 131) like(t, o, { restartTime: 0, recoveryTime: 0 });
    if (o.classNum === 134) like(t, o, { capabilityFlags: 3 });
    pos += o.objectLength;
  }
  t.deepEqual(seen, [[22, 1, 12], [131, 1, 12], [134, 1, 8]]);
  // Cut in the Hello object's destination instance.
  const cut = view<Rsvp>(t, frame, Layer.Rsvp, r.objectsStart - r.base + 4 + 6);
  const co = cut.pointObject(cut.objectsStart);
  like(t, co, { classNum: 22, objectLength: 12, sourceInstance: 0x4a44672b, destinationInstance: 'not captured' });
  // A Path message in a Bundle: an LSP tunnel session and an ERO with a strict IPv4 prefix and a label.
  const obj = (cls: number, ctype: number, body: Uint8Array): Uint8Array => concat(be16(4 + body.length), bytes(cls, ctype), body);
  const path = concat(bytes(0x10, 1, 0, 0, 64, 0), be16(8 + 16 + 20), obj(1, 7, concat(ip4('10.0.0.9'), be16(0), be16(5), ip4('10.0.0.1'))),
    obj(20, 1, concat(bytes(1, 8), ip4('10.1.2.2'), bytes(32, 0), bytes(3, 8, 1, 1), be32(100))));
  const bundle = concat(bytes(0x10, 12, 0, 0, 64, 0), be16(8 + path.length), path);
  const b = d.decode(ether('00:00:00:00:00:02', '00:00:00:00:00:01', 0x0800, ipv4({ proto: 46 }, bundle)), LinkType.EN10MB).layer(Layer.Rsvp) as Rsvp;
  like(t, b, { messageType: 12, messageLength: 8 + path.length });
  const h = b.pointBundled(8);
  like(t, h, { version: 1, messageType: 1, messageLength: path.length, sendTtl: 64 });
  const session = b.pointObject(h.objectsStart);
  like(t, session, { classNum: 1, ctype: 7, address4: '10.0.0.9', tunnelId: 5, extendedTunnelId4: '10.0.0.1' });
  const ero = b.pointObject(h.objectsStart + 16);
  t.is(ero.classNum, 20);
  like(t, b.pointSubobject(ero.bodyStart), { typeByte: 1, length: 8, prefix4: '10.1.2.2', prefixLength: 32, rroFlags: 0 });
  like(t, b.pointSubobject(ero.bodyStart + 8), { typeByte: 3, length: 8, labelFlags: 1, labelCtype: 1, label: 100 });
});

test('OSPF: a real v2 update with a TE LSA (ospf-gmpls.pcap): header, LSA header, TLV and sub-TLVs; a v3 hello (OSPFv3_broadcast_adjacency.pcap); cut in a sub-TLV', (t) => {
  const frame = routingFrame('ospf-gmpls.pcap', 0);
  const o = view<Ospf>(t, frame, Layer.Ospf);
  like(t, o, { version: 2, type: 4, packetLength: 152, routerId: '10.255.245.35', areaNumber: 0, authType: 0, lsaCount: 1 });
  const lsaAt = o.at(Ospf.listStart(2, 4));
  const l = o.pointLsa(lsaAt);
  like(t, l, { age: 9, options: 0x02, lsType: 10, opaqueType: 1, opaqueId: 8, advertisingRouter: '10.255.245.37', sequence: 0x80000002, lsaLength: 124 });
  const link = o.pointTlv(l.bodyStart);
  like(t, link, { type: 2, valueLength: 100 });
  const seen: unknown[] = [];
  for (let pos = link.valueStart; pos < link.valueStart + 40;) {
    const s = o.pointSubTlv(pos);
    seen.push([s.type, s.valueLength, s.type === 1 ? s.value8 : s.type === 2 ? s.address() : s.type === 5 ? s.value32 : s.address()]);
    pos += OSPF_TLV_HEADER_LENGTH + ((s.valueLength + 3) & ~3);
  }
  t.deepEqual(seen, [[1, 1, 1], [2, 4, '10.255.245.69'], [3, 4, '10.9.142.1'], [4, 4, '10.9.142.2'], [5, 4, 63]]);
  const maxBw = o.pointSubTlv(link.valueStart + 40);
  t.is(maxBw.type, 6);
  t.is(Math.round(maxBw.float(0) * 8 / 1000), 622080);
  // Cut inside the Link ID sub-TLV's value.
  const cut = view<Ospf>(t, frame, Layer.Ospf, link.valueStart + 8 + 6 - o.base);
  const cs = cut.pointSubTlv(link.valueStart + 8);
  like(t, cs, { type: 2, valueLength: 4, value32: 'not captured' });
  const hello = view<Ospf>(t, routingFrame('OSPFv3_broadcast_adjacency.pcap', 0), Layer.Ospf);
  like(t, hello, { version: 3, type: 1, packetLength: 36, routerId: '1.1.1.1', areaId: '0.0.0.1', instanceId: 0, helloInterfaceId3: '0.0.0.5', helloPriority3: 1,
    helloOptions3: 0x01000013, helloInterval3: 10, deadInterval3: 40, designatedRouterWord3: hello.designatedRouterWord3 });
});
