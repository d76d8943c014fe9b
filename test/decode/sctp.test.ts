// SCTP in the decoder: the common header and chunks of real frames (tcpdump's suite capture
// forces1.pcap, a ForCES association over SCTP), every chunk type of built packets through the chunk
// sub-view, every cut (a cut chunk header or fixed fields stops in SCTP with the bytes it needed; a
// cut value is a cut payload), chunk lengths that lie as `error` stops, and --json's `sctp`; ForCES in
// the first DATA chunk (by port or PPID): its header, TLVs and a cut.
import test from 'ava';
import { join } from 'node:path';
import { openCaptureFile } from '../../src/capture/capture-file.js';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { Sctp, SctpChunkType } from '../../src/decoders/sctp.js';
import { Forces, ForcesMessageType } from '../../src/decoders/forces.js';
import { M3ua, M3uaClass } from '../../src/decoders/m3ua.js';
import { be32, concat } from '../helpers/frames.js';
import { repoRoot } from '../helpers/netns.js';
import { chunk, data, init, m3ua, param, sack, sctp, v4, v6 } from '../helpers/sctp-frames.js';

const text = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'latin1'));
const d = new Decoder();

/** The frames of a capture file, copied. */
function frames(file: string): { bytes: Uint8Array; linkType: number }[] {
  const f = openCaptureFile(file), out: { bytes: Uint8Array; linkType: number }[] = [];
  try {
    for (let b = f.next(); b; b = f.next()) {
      for (let i = 0; i < b.count; i++) out.push({ bytes: b.bytes.slice(b.offset[i]!, b.offset[i]! + b.capLen[i]!), linkType: b.linkType });
    }
  } finally {
    f.close();
  }
  return out;
}

test('real frames: a DATA chunk and a SACK of a ForCES association (forces1.pcap)', (t) => {
  const fs = frames(join(repoRoot, 'test', 'pcaps', 'tcpdump-suite', 'forces1.pcap'));
  t.is(fs[0]!.linkType, LinkType.LINUX_SLL);
  let p = d.decode(fs[0]!.bytes, fs[0]!.linkType);
  const s = p.sctp!;
  t.true(s instanceof Sctp);
  t.is(p.layer(Layer.Sctp), s);
  t.like(s, { offset: 36, length: 12, srcPort: 57077, dstPort: 6704, verificationTag: 0xf341e0e1, checksum: 0xdfa10f3d, chunkCount: 1 });
  t.is(s.computedChecksum(p.ipv4!.totalLength - 20), 0xdfa10f3d);
  const ch = s.firstChunk();
  t.like(ch, { type: SctpChunkType.Data, flags: 3, length: 348, padding: 0, beginning: true, ending: true, unordered: false });
  t.like(ch, { tsn: 1048037094, streamId: 0, streamSeq: 1, ppid: 0, dataLength: 332 });
  t.is(ch.dataStart - p.frameOffset, 64);
  t.is(ch.nextStart, s.end);

  p = d.decode(fs[2]!.bytes, fs[2]!.linkType);
  const json = JSON.parse(JSON.stringify(p.toJSON())) as { sctp: unknown; stop?: unknown };
  t.is(json.stop, undefined);
  t.deepEqual(json.sctp, {
    offset: 36, length: 12, srcPort: 48316, dstPort: 6706, verificationTag: 0x5e34386a, checksum: 0x106b8c46,
    chunks: [{ offset: 48, type: 3, name: 'SACK', flags: 0, length: 16, cumulativeTsnAck: 18398476, arwnd: 57320, gapBlocks: [], dupTsns: [] }],
  });
});

test('every chunk type through the sub-view, over IPv4 and IPv6', (t) => {
  const cookie = text('cookie!');
  const packet = sctp(5000, 5001, 0x01020304,
    init(1, 0x11223344, 106496, 10, 65535, 1000, param(5, Uint8Array.of(192, 0, 2, 1))),
    init(2, 0x55667788, 5000, 3, 4, 77, param(7, cookie)),
    data(4 | 2, 1001, 1, 7, 18, text('unordered first')),
    sack(1004, 106000, [[2, 3], [5, 9]], [998, 999]),
    chunk(4, 0, param(1, be32(42))), chunk(5, 0, param(1, be32(42))),
    chunk(6, 1, param(3, be32(9))), chunk(7, 0, be32(1004)), chunk(8, 0, new Uint8Array(0)), chunk(9, 0, param(1, be32(0))),
    chunk(10, 0, cookie), chunk(11, 0, new Uint8Array(0)), chunk(12, 0, be32(1003)), chunk(13, 0, be32(1002)), chunk(14, 1, new Uint8Array(0)),
    chunk(0xc0, 0, be32(1010)), chunk(0xc1, 0, be32(7)), chunk(0x80, 0, be32(8)), chunk(15, 0, concat(Uint8Array.of(0, 2, 0, 3), new Uint8Array(20))));
  for (const frame of [v4(packet), v6(packet)]) {
    const p = d.decode(frame, LinkType.EN10MB);
    t.is(p.stop, undefined);
    const s = p.sctp!;
    t.is(s.offset, frame === packet ? 0 : p.ipv4 ? 34 : 54);
    t.is(s.chunkCount, 19);
    const ch = s.firstChunk();
    const seen: number[] = [];
    for (let i = 0; i < s.chunkCount; i++, ch.point(ch.nextStart, s.end)) {
      seen.push(ch.type);
      switch (ch.type) {
        case 1: t.like(ch, { initiateTag: 0x11223344, rwnd: 106496, outboundStreams: 10, inboundStreams: 65535, initialTsn: 1000 }); break;
        case 2: t.like(ch, { initiateTag: 0x55667788, rwnd: 5000, outboundStreams: 3, inboundStreams: 4, initialTsn: 77 }); break;
        case 0: t.like(ch, { unordered: true, beginning: true, ending: false, tsn: 1001, streamId: 1, streamSeq: 7, ppid: 18, dataLength: 15, padding: 1 }); break;
        case 3:
          t.like(ch, { cumulativeTsnAck: 1004, arwnd: 106000, gapBlockCount: 2, dupTsnCount: 2 });
          t.deepEqual([ch.gapStart(0), ch.gapEnd(0), ch.gapStart(1), ch.gapEnd(1), ch.dupTsn(0), ch.dupTsn(1)], [2, 3, 5, 9, 998, 999]);
          break;
        case 4: case 5: t.like(ch, { heartbeatInfoType: 1, heartbeatInfoLength: 8 }); break;
        case 6: t.like(ch, { tBit: true }); t.deepEqual([ch.causeCode(), ch.causeLength()], [3, 8]); break;
        case 7: t.is(ch.cumulativeTsnAck, 1004); break;
        case 9: t.deepEqual([ch.causeCode(), ch.causeLength()], [1, 8]); break;
        case 10: t.is(ch.length, 11); break;
        case 12: t.is(ch.lowestTsn, 1003); break;
        case 13: t.is(ch.lowestTsn, 1002); break;
        case 14: t.true(ch.tBit); break;
        case 0xc0: t.is(ch.newCumulativeTsn, 1010); break;
        case 0xc1: t.is(ch.serialNumber, 7); break;
        case 0x80: t.is(ch.serialNumber, 8); break;
        case 15: t.deepEqual([ch.sharedKeyId, ch.hmacId], [2, 3]); break;
      }
    }
    t.deepEqual(seen, [1, 2, 0, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 0xc0, 0xc1, 0x80, 15]);
    t.is(ch.off, s.end);
    const names = (JSON.parse(JSON.stringify(p.toJSON())) as { sctp: { chunks: { name: string }[] } }).sctp.chunks.map((c) => c.name);
    t.deepEqual(names, ['INIT', 'INIT ACK', 'DATA', 'SACK', 'HEARTBEAT', 'HEARTBEAT ACK', 'ABORT', 'SHUTDOWN', 'SHUTDOWN ACK', 'ERROR',
      'COOKIE ECHO', 'COOKIE ACK', 'ECNE', 'CWR', 'SHUTDOWN COMPLETE', 'FORWARD TSN', 'ASCONF', 'ASCONF-ACK', 'AUTH']);
  }
});

test('every cut: a cut chunk header or fixed fields stops in SCTP; a cut value is a cut payload', (t) => {
  // INIT (20 bytes) at 46, DATA (16 + 12 bytes of data) at 66: the frame ends at 94.
  const frame = v4(sctp(5000, 5001, 1, init(1, 1, 2, 3, 4, 5), data(3, 9, 0, 0, 0, text('twelve bytes'))));
  t.is(frame.length, 94);
  for (let cut = 34; cut < frame.length; cut++) {
    const p = d.decode(frame.subarray(0, cut), LinkType.EN10MB);
    // Cut between chunks, or in the DATA chunk's user data: SCTP is decoded (with the chunks there are), the packet is cut.
    const needed = cut < 46 ? 12 : cut === 46 || cut === 66 ? 0 : cut < 50 ? 16 : cut < 66 ? 32 : cut < 70 ? 36 : cut < 82 ? 48 : 0;
    if (needed === 0) {
      t.is(p.stop, undefined, `cut ${cut}`);
      t.is(p.sctp!.chunkCount, cut === 46 ? 0 : cut === 66 ? 1 : 2);
      t.true(p.truncated);
      continue;
    }
    t.is(p.sctp, undefined, `cut ${cut}`);
    t.like(p.stop, { layer: Layer.Sctp, offset: 34, kind: 'truncated', required: needed, available: cut - 34, lenSource: 'caplen' }, `cut ${cut}`);
    t.regex(p.stop!.toString(), /^SCTP header: \d+ bytes needed, \d+ captured \(caplen\), at byte 34/);
  }
});

test('lies: chunk lengths under 4 or under a type\'s fields, past the IP length', (t) => {
  let p = d.decode(v4(sctp(1, 2, 0, chunk(11, 0, new Uint8Array(0)), chunk(7, 0, be32(1), 2))), LinkType.EN10MB);
  t.like(p.stop, { layer: Layer.Sctp, offset: 34, kind: 'error', detail: 'chunk 2 (SHUTDOWN) at byte 50: length 2 < 8' });
  t.is(p.sctp, undefined);
  p = d.decode(v4(sctp(1, 2, 0, chunk(0, 3, new Uint8Array(8)))), LinkType.EN10MB);
  t.like(p.stop, { kind: 'error', detail: 'chunk 1 (DATA) at byte 46: length 12 < 16' });
  // A chunk longer than the IP datagram: bounded by the IPv4 total length, the packet lies.
  p = d.decode(v4(sctp(1, 2, 0, chunk(6, 0, new Uint8Array(4), 200))), LinkType.EN10MB);
  t.like(p.stop, { layer: Layer.Sctp, kind: 'error', required: 212, available: 20, lenSource: 'ipv4-total-length' });
  // IPv6's payload length says 6: shorter than the common header.
  p = d.decode(v6(sctp(1, 2, 0, chunk(11, 0, new Uint8Array(0))), 6), LinkType.EN10MB);
  t.like(p.stop, { layer: Layer.Sctp, kind: 'error', required: 12, available: 6, lenSource: 'ipv6-payload-length' });
});

test('ForCES in the first DATA chunk: its header and top-level TLVs (forces1.pcap); a cut header stops in ForCES', (t) => {
  const fs = frames(join(repoRoot, 'test', 'pcaps', 'tcpdump-suite', 'forces1.pcap'));
  const p = d.decode(fs[0]!.bytes, fs[0]!.linkType);
  t.is(p.stop, undefined);
  const f = p.layer(Layer.Forces) as Forces;
  t.true(f instanceof Forces);
  t.like(f, { offset: 64, length: 24, version: 1, messageType: ForcesMessageType.QueryResponse, messageLength: 332 });
  t.like(f, { srcId: 2, dstId: 0x40000001, correlator: 1n, flags: 0x38400000, ack: 0, priority: 7, executionMode: 1, atomic: 0, transactionPhase: 0 });
  const tlv = f.at(f.tlvsStart);
  t.deepEqual([tlv.tlvType, tlv.tlvLength], [0x1000, 308]);
  const sel = f.at(tlv.tlvValueStart);
  t.deepEqual([sel.lfbClass, sel.lfbInstance], [1, 1]);
  const json = JSON.parse(JSON.stringify(p.toJSON())) as { sctp: object; forces: object };
  t.deepEqual(json.forces, {
    offset: 64, length: 24, version: 1, messageType: 0x14, messageLength: 332, srcId: 2, dstId: 0x40000001,
    correlator: '0000000000000001', flags: 0x38400000, tlvs: [{ type: 0x1000, length: 308 }],
  });
  t.deepEqual(Object.keys(json).filter((k) => k === 'sctp' || k === 'forces'), ['sctp', 'forces']);
  // Cut in the ForCES header: SCTP is decoded (its chunk's value is cut), ForCES stops.
  const cut = d.decode(fs[0]!.bytes.subarray(0, 64 + 10), fs[0]!.linkType);
  t.truthy(cut.sctp);
  t.is(cut.layer(Layer.Forces), undefined);
  t.like(cut.stop, { layer: Layer.Forces, offset: 64, kind: 'truncated', required: 24, available: 10 });
});

test('ForCES by PPID on other ports; none for other PPIDs', (t) => {
  const msg = concat(Uint8Array.of(0x10, 0x0f, 0, 6), be32(0x40000001), be32(2), new Uint8Array(8), be32(0));
  let p = d.decode(v4(sctp(5000, 5001, 1, data(3, 1, 0, 0, 22, msg))), LinkType.EN10MB);
  t.is((p.layer(Layer.Forces) as Forces).messageType, ForcesMessageType.Heartbeat);
  p = d.decode(v4(sctp(5000, 5001, 1, data(3, 1, 0, 0, 0, msg))), LinkType.EN10MB);
  t.is(p.layer(Layer.Forces), undefined);
  t.is(p.payloadOffset, 46);
});

test('M3UA in a DATA chunk of PPID 3: header and parameters; a version it does not know is an error stop', (t) => {
  const msg = m3ua(M3uaClass.Transfer, 1, concat(Uint8Array.of(0x02, 0x00, 0, 8), be32(3), Uint8Array.of(0x02, 0x10, 0, 9, 1, 2, 3, 4, 5, 0, 0, 0)));
  const p = d.decode(v4(sctp(2905, 2906, 1, data(3, 1, 0, 0, 3, msg))), LinkType.EN10MB);
  t.is(p.stop, undefined);
  const m = p.layer(Layer.M3ua) as M3ua;
  t.true(m instanceof M3ua);
  t.like(m, { offset: 62, length: 8, version: 1, messageClass: 1, messageType: 1, messageLength: 28 });
  const na = m.paramAt(m.paramsStart);
  t.deepEqual([na.tag, na.length, na.word, na.tagAndLength], [0x200, 8, 3, 0x02000008]);
  t.deepEqual((JSON.parse(JSON.stringify(p.toJSON())) as { m3ua: unknown }).m3ua, {
    offset: 62, length: 8, version: 1, messageClass: 1, messageType: 1, messageLength: 28, params: [{ tag: 0x200, length: 8 }, { tag: 0x210, length: 9 }],
  });
  const bad = d.decode(v4(sctp(2905, 2906, 1, data(3, 1, 0, 0, 3, m3ua(3, 1, new Uint8Array(0), { version: 2 })))), LinkType.EN10MB);
  t.like(bad.stop, { layer: Layer.M3ua, offset: 62, kind: 'error', detail: 'version 2 != 1' });
  t.truthy(bad.sctp);
});
