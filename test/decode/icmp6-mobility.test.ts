// ICMPv6's printer-facing fields (issue 14: the ICMPv6 printer prints from the view), RPL through
// its sub-view, and the Mobility header (IPv6 next header 135) in the decoder: fields of real
// frames from the golden and tcpdump-suite captures, built ones, and where cuts stop.
import test from 'ava';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import type { Packet } from '../../src/decoders/packet.js';
import { Mobility } from '../../src/decoders/mobility.js';
import { NOT_CAPTURED } from '../../src/decoders/view.js';
import { be16, bytes, concat, ether, ipv4, ipv6 } from '../helpers/frames.js';
import { captureFrame } from '../helpers/capture-frames.js';

const d = new Decoder();
const thrown = (f: () => unknown): unknown => { try { f(); } catch (e) { return e; } return undefined; };

const frame = (path: string, index: number): Uint8Array => captureFrame(path, index).bytes;
const decode = (b: Uint8Array): Packet => d.decode(b, LinkType.EN10MB);

test('ICMPv6: a router advertisement\'s fields and its ND options through the option sub-view', (t) => {
  // hop limit 64, Flags [other stateful], pref high, router lifetime 1800s; source link-address, mtu 1500, prefix 2001:db8::/64
  const ic = decode(frame('golden/icmp6.pcap', 3)).icmpv6!;
  t.deepEqual([ic.type, ic.curHopLimit, ic.ndFlags, ic.routerLifetime, ic.reachableTime], [134, 64, 0x48, 1800, 0]);
  const lla = ic.ndOption(16);
  t.deepEqual([lla.type, lla.lengthUnits, [0, 1, 2, 3, 4, 5].map((k) => lla.linkAddressByte(k))], [1, 1, [0, 0, 0x5e, 0, 0x53, 2]]);
  t.deepEqual([ic.ndOption(24).type, ic.ndOption(24).value32], [5, 1500]);
  const pi = ic.ndOption(32);
  t.deepEqual([pi.type, pi.lengthUnits, pi.prefix, pi.prefixLength, pi.prefixFlags, pi.validLifetime, pi.preferredLifetime], [3, 4, '2001:db8::', 64, 0xc0, 86400, 14400]);
  // The options end with the message: the sub-view past it throws.
  t.is(thrown(() => ic.ndOption(64).type), NOT_CAPTURED);
});

test('ICMPv6: an NA\'s flags word, a port unreachable\'s quoted UDP port, packet too big, parameter problem', (t) => {
  const na = decode(frame('golden/icmp6.pcap', 5)).icmpv6!;
  t.deepEqual([na.type, na.targetAddress, na.naFlags], [136, '2001:db8::2', 0x60000000]);
  // destination unreachable, unreachable port, 2001:db8:1::3 udp port 33435
  const un = decode(frame('golden/icmp6.pcap', 10)).icmpv6!;
  t.deepEqual([un.type, un.code, un.quotedDst, un.quotedUpperLayer(), un.quotedPort], [1, 4, '2001:db8:1::3', 17, 33435]);
  t.is(decode(frame('golden/icmp6.pcap', 12)).icmpv6!.mtu, 1280);
  const pp = decode(frame('golden/icmp6.pcap', 14)).icmpv6!;
  t.deepEqual([pp.code, pp.pointer, pp.quotedDstCaptured], [1, 6, true]);
  // Cut inside the quoted packet: the error message itself is whole (8 bytes), its quoted fields are not.
  const cut = decode(frame('golden/icmp6.pcap', 10).subarray(0, 14 + 40 + 8 + 20)).icmpv6!;
  t.is(cut.quotedUpperLayer(), -1);
  t.false(cut.quotedDstCaptured);
  t.is(thrown(() => cut.quotedDst), NOT_CAPTURED);
});

test('ICMPv6: RPL DAO and DAO-ACK bodies through the RPL sub-view', (t) => {
  // (CLR)Destination Advertisement Object [dagid:7061:6e64:6f72:6120:6973:2066:756e:a6c,seq:1,instance:1,Dagid,40]
  const dao = decode(frame('tcpdump-suite/rpl-14-dao.pcap', 0)).icmpv6!;
  t.deepEqual([dao.type, dao.code], [155, 2]);
  const r = dao.rpl;
  t.deepEqual([r.instanceId, r.daoFlags, r.daoSequence, r.dagId], [1, 0x40, 1, '7061:6e64:6f72:6120:6973:2066:756e:a6c']);
  // (CLR)Destination Advertisement Object Ack [dagid:7468:6973:6973:6d79:6469:6365:6461:6732,seq:11,instance:43,status:0]
  const ack = decode(frame('tcpdump-suite/rpl-26-senddaoack.pcap', 0)).icmpv6!.rpl;
  t.deepEqual([ack.instanceId, ack.daoAckFlags & 0x80, ack.daoAckSequence, ack.daoAckStatus, ack.dagId], [43, 0x80, 11, 0, '7468:6973:6973:6d79:6469:6365:6461:6732']);
  // Cut after the 4-byte base object: the DODAGID throws.
  const cut = decode(frame('tcpdump-suite/rpl-26-senddaoack.pcap', 0).subarray(0, 14 + 40 + 4 + 4 + 10)).icmpv6!.rpl;
  t.deepEqual([cut.instanceId, cut.has(4), cut.has(20)], [43, true, false]);
  t.is(thrown(() => cut.dagId), NOT_CAPTURED);
});

/** A binding update: seq 116, A flag, lifetime 3968 × 4 s, then Pad1 and a 4-byte PadN to fill 16 bytes. */
const BU = concat(bytes(59, 1, 5, 0), be16(0), be16(116), bytes(0x80, 0), be16(3968), bytes(0, 1, 2, 0, 0, 0));
const mobilityFrame = (mh: Uint8Array): Uint8Array =>
  ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x86dd, ipv6({ nh: 135, src: '2001:db8::1', dst: '2001:db8::2' }, mh));

test('Mobility header: a binding update after IPv6, its fields and options', (t) => {
  const p = decode(mobilityFrame(BU));
  t.is(p.stop, undefined);
  const m = p.layer(Layer.Mobility) as Mobility;
  t.true(m instanceof Mobility);
  t.deepEqual([m.offset, m.length, m.payloadProto, m.mhType, m.sequence, m.updateFlags, m.lifetime, m.optionsStart], [54, 16, 59, 5, 116, 8, 3968, 12]);
  t.deepEqual([m.option(12).type, m.option(13).type, m.option(13).dataLength], [0, 1, 2]);
  t.deepEqual(JSON.parse(JSON.stringify(m)), { offset: 54, length: 16, payloadProto: 59, mhType: 5, checksum: 0, sequence: 116, flags: 8, lifetime: 3968 });
  // IPv4's protocol 135 is not a Mobility header: the bytes stay payload.
  const v4 = decode(ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ipv4({ proto: 135 }, BU)));
  t.deepEqual([v4.layer(Layer.Mobility), v4.stop, v4.payloadOffset], [undefined, undefined, 34]);
});

test('Mobility header: cuts stop in it needing 8 bytes, then its length; a length too small for the type is an error', (t) => {
  const f = mobilityFrame(BU);
  for (let cap = 54; cap < 70; cap++) {
    const p = decode(f.subarray(0, cap));
    t.like(p.stop, { layer: Layer.Mobility, offset: 54, required: cap < 62 ? 8 : 16, available: cap - 54, kind: 'truncated' });
    t.is(p.layer(Layer.Mobility), undefined);
  }
  const short = BU.slice(0, 8); short[1] = 0;
  t.like(decode(mobilityFrame(short)).stop, { layer: Layer.Mobility, kind: 'error', detail: 'header length 8 is too small for type 5' });
});
