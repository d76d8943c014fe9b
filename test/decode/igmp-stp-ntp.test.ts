// IGMP, spanning tree, NTP, syslog, HTTP and SSH in the decoder (issue 14: the views their printers
// print from): the fields of real frames from tcpdump's suite captures, and where a cut stops.
import test from 'ava';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import type { Packet } from '../../src/decoders/packet.js';
import { Igmp } from '../../src/decoders/igmp.js';
import { Stp } from '../../src/decoders/stp.js';
import { Ntp } from '../../src/decoders/ntp.js';
import { Syslog } from '../../src/decoders/syslog.js';
import { TextProtocol } from '../../src/decoders/txtproto.js';
import { Ssh } from '../../src/decoders/ssh.js';
import { NOT_CAPTURED } from '../../src/decoders/view.js';
import { captureFrame } from '../helpers/capture-frames.js';

const d = new Decoder();
/** What `f` throws (a cut view's getter throws NOT_CAPTURED, not an Error). */
const thrown = (f: () => unknown): unknown => { try { f(); } catch (e) { return e; } return undefined; };

const frame = captureFrame;
const decode = (f: { bytes: Uint8Array; linkType: number }, cap = f.bytes.length): Packet => d.decode(f.bytes.subarray(0, cap), f.linkType);

test('IGMP: a v2 report and a v3 query from real captures, field by field', (t) => {
  const p = decode(frame('tcpdump-suite/IGMP_V2.pcap', 1));
  t.is(p.stop, undefined);
  const g = p.layer(Layer.Igmp) as Igmp;
  t.true(g instanceof Igmp);
  t.deepEqual([g.offset, g.length, g.type, g.maxResponseCode, g.checksum, g.group], [38, 8, 0x16, 0, 64004, '239.255.255.250']);
  t.is(g.internetChecksum(8), 0);
  // tcpdump: igmp query v3 [max resp time 51m12s]
  const q = decode(frame('tcpdump-suite/igmpv3-queries.pcap', 1)).layer(Layer.Igmp) as Igmp;
  t.deepEqual([q.type, q.maxResponseCode, q.groupValue, q.querySourceCount], [0x11, 254, 0, 0]);
  t.like(q.toJSON(), { type: 0x11, group: '0.0.0.0', sources: [] });
});

test('IGMP: every cut inside the 8-byte message stops in IGMP; a cut view throws past what there is', (t) => {
  const f = frame('tcpdump-suite/IGMP_V2.pcap', 1);
  for (let cap = 38; cap < 46; cap++) {
    const p = decode(f, cap);
    t.like(p.stop, { layer: Layer.Igmp, offset: 38, required: 8, available: cap - 38, kind: 'truncated' });
    t.is(p.layer(Layer.Igmp), undefined);
    const g = p.viewAt(Layer.Igmp, 38) as Igmp;
    if (cap - 38 < 8) t.is(thrown(() => g.group), NOT_CAPTURED);
    if (cap > 38) t.is(g.type, f.bytes[38]); else t.is(thrown(() => g.type), NOT_CAPTURED);
  }
});

test('STP: an RSTP BPDU; an MSTP BPDU with its MSTI records through the sub-view', (t) => {
  const p = decode(frame('tcpdump-suite/802.1w_rapid_STP.pcap', 0));
  const s = p.layer(Layer.Stp) as Stp;
  t.true(s instanceof Stp);
  // tcpdump -v: STP 802.1w, Rapid STP, Flags [Proposal], bridge-id 8001.00:19:06:ea:b8:80.800c, length 36
  t.like(s.toJSON(), { offset: 17, length: 36, protocolVersion: 2, bpduType: 2, rootId: '8001.00:19:06:ea:b8:80', bridgeId: '8001.00:19:06:ea:b8:80', portId: 0x800c, maxAge: 20 * 256 });
  t.is((s.flags >> 2) & 3, 3);                     // port role: designated
  // The MSTP capture's BPDUs are 802.3 frames inside an 802.1Q tag; untagged here, so the walk reaches them.
  const tagged = frame('tcpdump-suite/MSTP_Intra-Region_BPDUs.pcap', 0).bytes;
  const m = d.decode(new Uint8Array([...tagged.subarray(0, 12), ...tagged.subarray(16)]), 1).layer(Layer.Stp) as Stp;
  t.deepEqual([m.protocolVersion, m.v3Length, m.length, m.rootId, m.cistBridgeId, m.cistRemainingHops], [3, 96, 134, '0000.00:1f:27:b4:7d:80', '8000.00:1e:f7:05:a8:80', 20]);
  let name = '';
  for (let i = 0; m.mcidName(i) !== 0; i++) name += String.fromCharCode(m.mcidName(i));
  t.is(name, 'Brewery');
  t.is(m.mstiCount(134), 2);
  const r = m.msti(1);
  // MSTI 2, port-role Root; regional-root-id 8002.00:16:46:b5:8c:80, pathcost 200000
  t.deepEqual([r.mstiId, (r.flags >> 2) & 3, r.regionalRootId, r.internalRootPathCost], [2, 2, '8002.00:16:46:b5:8c:80', 200000]);
});

test('STP: a cut BPDU stops in STP needing its type\'s length; a version 3 length under 64 is an error', (t) => {
  const f = frame('tcpdump-suite/802.1w_rapid_STP.pcap', 0);
  for (const [cap, required] of [[19, 4], [21, 36], [52, 36]] as const) {
    t.like(decode(f, cap).stop, { layer: Layer.Stp, offset: 17, required, available: cap - 17, kind: 'truncated' });
  }
  const tagged = frame('tcpdump-suite/MSTP_Intra-Region_BPDUs.pcap', 0).bytes;
  const bpdu = new Uint8Array([...tagged.subarray(0, 12), ...tagged.subarray(16)]);
  t.like(d.decode(bpdu.subarray(0, 100), 1).stop, { layer: Layer.Stp, required: 102, kind: 'truncated' });
  t.like(d.decode(bpdu.subarray(0, 140), 1).stop, { layer: Layer.Stp, required: 134, kind: 'truncated' });
  bpdu[17 + 36] = 0; bpdu[17 + 37] = 10;
  t.like(d.decode(bpdu, 1).stop, { layer: Layer.Stp, kind: 'error', detail: 'version 3 length 10 < 64' });
});

test('NTP: a client request with an authenticator and a control response, field by field', (t) => {
  const p = decode(frame('tcpdump-suite/ntp.pcap', 0));
  const n = p.layer(Layer.Ntp) as Ntp;
  t.true(n instanceof Ntp);
  // tcpdump -v: NTPv4, Client, length 72 … Transmit Timestamp: 2763234513.007738396, Key id: 8
  t.deepEqual([n.offset, n.length, n.version, n.mode, n.stratum, n.poll, n.precision, n.transmitTime, n.transmitTimeFraction, n.keyId],
    [42, 48, 4, 3, 0, 0, 32, 2763234513, 33236159, 8]);
  t.is(p.payloadLength, 24);                        // the key id and the 20-byte digest
  const c = decode(frame('tcpdump-suite/ntp-control.pcap', 1)).layer(Layer.Ntp) as Ntp;
  // Response, OK, Last, OpCode=2; Sequence=68, Status=0x618, Assoc.=0, Offset=0, Count=394
  t.like(c.toJSON(), { version: 2, mode: 6, control: 0x82, sequence: 68, status: 0x618, associationId: 0, dataOffset: 0, count: 394 });
});

test('NTP: a time message cut before 48 bytes and a control message before 12 stop in NTP', (t) => {
  const f = frame('tcpdump-suite/ntp.pcap', 0);
  for (let cap = 42; cap < 90; cap += 7) t.like(decode(f, cap).stop, { layer: Layer.Ntp, offset: 42, required: cap === 42 ? 1 : 48, kind: 'truncated' });
  t.is(decode(f, 90).stop, undefined);
  t.like(decode(frame('tcpdump-suite/ntp-control.pcap', 1), 70).stop, { layer: Layer.Ntp, offset: 62, required: 12, available: 8 });
});

test('syslog: the priority is the header (facility, severity); a cut or malformed one stops in syslog', (t) => {
  const f = frame('tcpdump-suite/syslog_udp.pcap', 0);
  const p = decode(f);
  const s = p.layer(Layer.Syslog) as Syslog;
  t.true(s instanceof Syslog);
  // Facility kernel (0), Severity notice (5); Msg: Sep 12 19:16:12 …
  t.deepEqual([s.offset, s.length, s.priority, s.facility, s.severity, s.messageStart], [42, 3, 5, 0, 5, 3]);
  t.is(String.fromCharCode(s.byte(s.messageStart)), 'S');
  t.like(decode(f, 42).stop, { layer: Layer.Syslog, required: 1, available: 0 });
  t.like(decode(f, 44).stop, { layer: Layer.Syslog, required: 3, available: 2 });
  const bad = f.bytes.slice(); bad[44] = 0x20;
  t.like(decode({ bytes: bad, linkType: f.linkType }).stop, { layer: Layer.Syslog, kind: 'error', detail: 'no > after the priority' });
});

test('HTTP and SSH: the segment as text, its first line, the identification string', (t) => {
  const h = decode(frame('tcpdump/print-x.pcap', 3)).layer(Layer.Http) as TextProtocol;
  t.true(h instanceof TextProtocol);
  t.deepEqual([h.offset, h.captured, h.lines[0], h.text(0, 3)], [66, 202, 'GET / HTTP/1.1', 'GET']);
  t.is((decode(frame('tcpdump/print-x.pcap', 5)).layer(Layer.Http) as TextProtocol).lines[0], 'HTTP/1.1 200 OK');
  const s = decode(frame('tcpdump-suite/ssh.pcap', 3)).layer(Layer.Ssh) as Ssh;
  t.true(s instanceof Ssh);
  t.deepEqual([s.offset, s.identification, s.identificationLength(21)], [54, 'SSH-2.0-OpenSSH_7.8', 19]);
  // Cut inside the line: the library's identification is undefined; the printer's walk (to the TCP length) unwinds.
  const cut = decode(frame('tcpdump-suite/ssh.pcap', 3), 60).layer(Layer.Ssh) as Ssh;
  t.is(cut.identification, undefined);
  t.is(thrown(() => cut.identificationLength(21)), NOT_CAPTURED);
  // A TCP segment to port 22 with nothing captured after the header stops in SSH.
  t.like(decode(frame('tcpdump-suite/ssh.pcap', 3), 54).stop, { layer: Layer.Ssh, offset: 54, required: 1, available: 0 });
});

test('STP: an SPB (802.1aq) BPDU: its version 4 part after the MSTP one; a cut stops needing it, a short version 4 length is an error', (t) => {
  const f = frame('tcpdump-suite/spb_bpduv4.pcap', 0);
  const s = decode(f).layer(Layer.Stp) as Stp;
  // tcpdump -v: v3len 80 … v4len 85, AUXMCID Name IEEE802.1 SPB Default, Rev 0, digest c8bd946a00815f86ace612b9f8616283
  t.deepEqual([s.protocolVersion, s.length, s.v3Length, s.spbOffset, s.v4Length, s.auxMcidRevision], [4, 205, 80, 118, 85, 0]);
  let digest = '', agreement = '';
  for (let i = 0; i < 16; i++) digest += s.auxMcidDigest(i).toString(16).padStart(2, '0');
  for (let i = 0; i < 20; i++) agreement += s.agreementDigest(i).toString(16).padStart(2, '0');
  t.is(digest, 'c8bd946a00815f86ace612b9f8616283');
  // Convention id 2 cap 32, Edge count 32, Agreement digest 0000000e918994fa9ca00398d9138a3e54000000
  t.deepEqual([s.agreementFlags >> 6, s.agreementConvention >> 4, s.agreementConvention, s.agreementEdgeCount], [0, 2, 32, 32]);
  t.is(agreement, '0000000e918994fa9ca00398d9138a3e54000000');
  t.like(s.toJSON(), { v4Length: 85, auxMcidDigest: digest, agreementEdgeCount: 32, agreementDigest: agreement });
  const bpduAt = s.offset;
  t.like(decode(f, bpduAt + 150).stop, { layer: Layer.Stp, offset: bpduAt, required: 205, kind: 'truncated' });
  const bytes = new Uint8Array(f.bytes);
  bytes[bpduAt + 118] = 0; bytes[bpduAt + 119] = 20;
  t.like(d.decode(bytes, 1).stop, { layer: Layer.Stp, kind: 'error', detail: 'version 4 length 20 < 85' });
});
