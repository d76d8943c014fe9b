// NetBIOS and SMB in the decoder: the name service (UDP 137), the datagram service with SMB inside
// (UDP 138), the session service (TCP 139) and SMB over TCP 445 — real frames from tcpdump's
// captures and built ones — their fields, cuts stopping in the right layer at the right offset,
// and lies as error stops.
import test from 'ava';
import { join } from 'node:path';
import { openCaptureFile } from '../../src/capture/capture-file.js';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { NetbiosDgm, NetbiosNs, NetbiosSession } from '../../src/decoders/netbios.js';
import { Smb, Smb2 } from '../../src/decoders/smb.js';
import { Ipx, IpxSocket } from '../../src/decoders/ipx.js';
import { Netbeui } from '../../src/decoders/netbeui.js';
import { concat, ether, fromHex, ipv4, tcp, udp } from '../helpers/frames.js';
import { repoRoot } from '../helpers/netns.js';

const d = new Decoder();
const dir = join(repoRoot, 'test', 'pcaps', 'smb');

/** Frame `n` (1-based) of a capture under test/pcaps/smb, copied. */
function frame(file: string, n: number): { bytes: Uint8Array; linkType: number } {
  const f = openCaptureFile(join(dir, file));
  try {
    for (let seen = 0; ;) {
      const b = f.next();
      if (b === null) throw new Error(`${file} has no frame ${n}`);
      if (n - seen <= b.count) {
        const i = n - seen - 1;
        return { bytes: b.bytes.slice(b.offset[i], b.offset[i]! + b.capLen[i]!), linkType: b.linkType };
      }
      seen += b.count;
    }
  } finally {
    f.close();
  }
}

/** RFC 1001's first-level encoding of a 15-character name and its type byte. */
function encodedName(name: string, type: number): Uint8Array {
  const raw = Buffer.concat([Buffer.from(name.padEnd(15, ' '), 'latin1'), Buffer.from([type])]);
  const out = [32];
  for (const b of raw) out.push(0x41 + (b >> 4), 0x41 + (b & 15));
  out.push(0);
  return Uint8Array.from(out);
}

const overTcp = (port: number, payload: Uint8Array): Uint8Array =>
  ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ipv4({ proto: 6 }, tcp({ sport: 50000, dport: port, flags: 0x18 }, payload)));

test('a real name query (eapon1 frame 4): the header and the question name', (t) => {
  const f = frame('eapon1.pcap', 4);
  const p = d.decode(f.bytes, f.linkType);
  t.is(p.stop, undefined);
  const v = p.layer(Layer.NetbiosNs) as NetbiosNs;
  t.true(v instanceof NetbiosNs);
  t.deepEqual(v.toJSON(), {
    offset: 42, length: 12, transactionId: 0x8921, response: false, opcode: 0, nmFlags: 0x11, rcode: 0,
    questionCount: 1, answerCount: 0, authorityCount: 0, additionalCount: 0, name: 'ARBEITSGRUPPE', nameType: 0x1b,
  });
  t.true(v.broadcast);
});

test('a real browser datagram (eapon1 frame 1): the datagram header and names, the SMB transaction inside', (t) => {
  const f = frame('eapon1.pcap', 1);
  const p = d.decode(f.bytes, f.linkType);
  t.is(p.stop, undefined);
  const dg = p.layer(Layer.NetbiosDgm) as NetbiosDgm;
  t.true(dg instanceof NetbiosDgm);
  t.like(dg.toJSON(), {
    offset: 42, length: 82, messageType: 0x11, datagramId: 0x891d, sourceIp: '192.168.1.249', sourcePort: 138, datagramLength: 165,
    packetOffset: 0, sourceName: 'DJP95S0J', sourceNameType: 0, destinationName: 'ARBEITSGRUPPE', destinationNameType: 0,
  });
  const smb = p.layer(Layer.Smb) as Smb;
  t.true(smb instanceof Smb);
  t.like(smb.toJSON(), { offset: 124, command: 0x25, request: true, errorClass: 0, errorCode: 0, wordCount: 17, byteCount: 28 });
  t.is(smb.length, 32 + 1 + 34 + 2);
  t.deepEqual([smb.word(11), smb.word(12), smb.word(13)], [11, 86, 3]);   // DataCnt, DataOff, SetupCount (tcpdump: SUCnt=3)
  t.false(smb.unicode);
  // --json has both layers.
  t.deepEqual(Object.keys(p.toJSON()).filter((k) => !["linkType", "capLen", "payloadOffset", "payloadLength"].includes(k)), ['ethernet', 'ipv4', 'udp', 'netbiosdgm', 'smb']);
});

test('a real SMB over TCP 445 reply (smb_data_print-oobr frame 1): the length prefix and the SMB header', (t) => {
  const f = frame('smb_data_print-oobr.pcapng', 1);
  const p = d.decode(f.bytes, f.linkType);
  t.is(p.stop, undefined);
  const direct = p.layer(Layer.SmbDirect) as NetbiosSession;
  t.deepEqual(direct.toJSON(), { offset: 54, length: 4, messageLength: 84 });
  const smb = p.layer(Layer.Smb) as Smb;
  t.deepEqual(smb.toJSON(), {
    offset: 58, length: 55, command: 0x32, request: false, ntStatus: 0, flags: 0x96, flags2: 0xc807, tid: 2048, pid: 2848,
    uid: 4098, mid: 1616, wordCount: 10, byteCount: 29,
  });
  t.true(smb.ntStatusCodes);
});

test('session service: a request with its names, a keepalive, a negative response; a continuation is an error stop', (t) => {
  const req = concat(fromHex('81000044'), encodedName('FILESERVER', 0x20), encodedName('CLIENT', 0));
  let p = d.decode(overTcp(139, req), LinkType.EN10MB);
  t.is(p.stop, undefined);
  t.deepEqual((p.layer(Layer.NetbiosSsn) as NetbiosSession).toJSON(), {
    offset: 54, length: 4, messageType: 0x81, messageLength: 68, calledName: 'FILESERVER', calledNameType: 0x20, callingName: 'CLIENT', callingNameType: 0,
  });
  p = d.decode(overTcp(139, fromHex('85000000')), LinkType.EN10MB);
  t.like((p.layer(Layer.NetbiosSsn) as NetbiosSession).toJSON(), { messageType: 0x85, messageLength: 0 });
  p = d.decode(overTcp(139, fromHex('8300000182')), LinkType.EN10MB);
  t.like((p.layer(Layer.NetbiosSsn) as NetbiosSession).toJSON(), { messageType: 0x83, errorCode: 0x82 });
  p = d.decode(overTcp(139, fromHex('4142434445')), LinkType.EN10MB);
  t.is(p.layer(Layer.NetbiosSsn), undefined);
  t.like(p.stop?.toJSON(), { layer: 'NetBIOS-SSN', offset: 54, kind: 'error' });
});

test('SMB2 over TCP 445: the 64-byte header (sync form), its fields', (t) => {
  const h = new Uint8Array(64);
  h.set([0xfe, 0x53, 0x4d, 0x42, 64, 0, 1, 0], 0);      // magic, structure size, credit charge 1
  h.set([0x03, 0x01, 0, 0xc0], 8);                     // status 0xc0000103 (little-endian)
  h.set([1, 0, 31, 0, 1, 0, 0, 0], 12);                // SESSION_SETUP, 31 credits, flags: reply
  h[24] = 7;                                           // message ID
  h.set([0x2a, 0, 0, 0], 36);                          // tree ID 42
  h.set([0x11, 0x22, 0, 0, 0, 0, 0, 0], 40);           // session ID
  const p = d.decode(overTcp(445, concat(fromHex('00000040'), h)), LinkType.EN10MB);
  t.is(p.stop, undefined);
  const v = p.layer(Layer.Smb2) as Smb2;
  t.true(v instanceof Smb2);
  t.deepEqual(v.toJSON(), {
    offset: 58, length: 64, command: 1, reply: true, status: 0xc0000103, creditCharge: 1, credits: 31, flags: 1, nextCommand: 0,
    messageId: '7', processId: 0, treeId: 42, sessionId: String(0x2211), signature: '0'.repeat(32),
  });
});

test('cuts stop in the layer they cut, at its offset; lies are error stops', (t) => {
  const f = frame('eapon1.pcap', 1);
  // Every cut inside the datagram's header and names stops in NetBIOS-DGM at 42; inside the SMB header at 124.
  for (let cut = 42 + 1; cut < 124; cut++) {
    const p = d.decode(f.bytes.subarray(0, cut), f.linkType);
    t.like(p.stop?.toJSON(), { layer: 'NetBIOS-DGM', offset: 42, kind: 'truncated' }, `cut at ${cut}`);
  }
  for (let cut = 124 + 4; cut < 124 + 69; cut++) {
    const p = d.decode(f.bytes.subarray(0, cut), f.linkType);
    t.like(p.stop?.toJSON(), { layer: 'SMB', offset: 124, kind: 'truncated' }, `cut at ${cut}`);
    t.truthy(p.layer(Layer.NetbiosDgm));
  }
  // 4 bytes of SMB that are not its signature: no SMB layer (the datagram's user data is payload).
  const q = d.decode(f.bytes.subarray(0, 124 + 3), f.linkType);
  t.is(q.layer(Layer.Smb), undefined);
  // A cut name service header.
  const ns = frame('eapon1.pcap', 4);
  t.like(d.decode(ns.bytes.subarray(0, 42 + 11), ns.linkType).stop?.toJSON(), { layer: 'NetBIOS-NS', offset: 42, kind: 'truncated', required: 12, available: 11 });
  // A datagram type that is not one: an error stop.
  const lie = ether('ff:ff:ff:ff:ff:ff', '02:00:00:00:00:01', 0x0800, ipv4({ proto: 17 }, udp(138, 138, fromHex('0102000000000000008a'))));
  t.like(d.decode(lie, LinkType.EN10MB).stop?.toJSON(), { layer: 'NetBIOS-DGM', kind: 'error' });
  // An SMB2 header whose structure size lies.
  const h = new Uint8Array(64);
  h.set([0xfe, 0x53, 0x4d, 0x42, 65, 0], 0);
  t.like(d.decode(overTcp(445, concat(fromHex('00000040'), h)), LinkType.EN10MB).stop?.toJSON(), { layer: 'SMB2', offset: 58, kind: 'error' });
});

test('IPX over 802.2 (ipx.pcap frame 5, a RIP response) and NetBEUI frames: header fields; a cut IPX header stops in IPX', (t) => {
  const f = frame('ipx.pcap', 5);
  const p = d.decode(f.bytes, f.linkType);
  t.is(p.stop, undefined);
  const v = p.layer(Layer.Ipx) as Ipx;
  t.true(v instanceof Ipx);
  t.deepEqual(v.toJSON(), {
    offset: 17, length: 30, checksum: 0xffff, packetLength: v.packetLength, transportControl: 0, packetType: 1,
    dstNet: 0, dstNode: 'ff:ff:ff:ff:ff:ff', dstSocket: IpxSocket.Rip, srcNet: 0, srcNode: '00:03:47:1b:c1:a8', srcSocket: IpxSocket.Rip,
  });
  t.like(d.decode(f.bytes.subarray(0, 17 + 29), f.linkType).stop?.toJSON(), { layer: 'IPX', offset: 17, kind: 'truncated', required: 30 });
  // A NetBEUI datagram (UI frame to SAP 0xF0) with its two names, and the SMB after the 44-byte header.
  const names = Buffer.concat([Buffer.from('WORKGROUP      \x1e', 'latin1'), Buffer.from('CLIENT         \x00', 'latin1')]);
  const nbf = concat(fromHex('2c00ffef0800000000000000'), Uint8Array.from(names));
  const smb = new Uint8Array(32 + 1 + 2);
  smb.set([0xff, 0x53, 0x4d, 0x42, 0x2b], 0);
  const llc = concat(fromHex('f0f003'), nbf, smb);
  const q = d.decode(ether('ff:ff:ff:ff:ff:ff', '02:00:00:00:00:01', llc.length, llc), LinkType.EN10MB);
  t.is(q.stop, undefined);
  t.deepEqual((q.layer(Layer.Netbeui) as Netbeui).toJSON(), {
    offset: 17, length: 44, command: 8, data1: 0, data2: 0, transmitCorrelator: 0, responseCorrelator: 0,
    destinationName: 'WORKGROUP', destinationNameType: 0x1e, sourceName: 'CLIENT', sourceNameType: 0,
  });
  t.like((q.layer(Layer.Smb) as Smb).toJSON(), { offset: 61, command: 0x2b });
  // A delimiter that is not 0xEFFF is an error stop.
  const bad = concat(fromHex('f0f003'), fromHex('0e00ffee0800000000000000000000'));
  t.like(d.decode(ether('ff:ff:ff:ff:ff:ff', '02:00:00:00:00:01', bad.length, bad), LinkType.EN10MB).stop?.toJSON(), { layer: 'NetBEUI', offset: 17, kind: 'error' });
});
