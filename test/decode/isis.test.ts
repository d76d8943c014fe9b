// IS-IS in the decoder, after 802.2 LLC (SAP 0xfe) and the OSI NLPID: a real LAN hello's header
// and TLVs (tcpdump's suite capture ISIS_level1_adjacency.pcap), every cut of it, an LSP's fields,
// EtherType 0xfefe's pad byte, and fixed-header lengths that lie.
import test from 'ava';
import { join } from 'node:path';
import { openCaptureFile } from '../../src/capture/capture-file.js';
import { Decoder } from '../../src/decoders/decoder.js';
import { Isis } from '../../src/decoders/isis.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { Osi } from '../../src/decoders/osi.js';
import { be16, be32, bytes, concat, ether, fromHex } from '../helpers/frames.js';
import { repoRoot } from '../helpers/netns.js';

const d = new Decoder();

function suiteFrame(name: string, n: number): Uint8Array {
  const f = openCaptureFile(join(repoRoot, 'test', 'pcaps', 'tcpdump-suite', name));
  try {
    const b = f.next()!;
    return b.bytes.slice(b.offset[n], b.offset[n]! + b.capLen[n]!);
  } finally {
    f.close();
  }
}

test('a real L1 LAN hello: NLPID, header fields, TLVs', (t) => {
  const p = d.decode(suiteFrame('ISIS_level1_adjacency.pcap', 0), LinkType.EN10MB);
  t.is(p.stop, undefined);
  t.like((p.layer(Layer.Osi) as Osi).toJSON(), { offset: 17, length: 0, nlpid: 0x83 });
  const i = p.layer(Layer.Isis) as Isis;
  t.true(i instanceof Isis);
  t.like(i.toJSON(), { offset: 17, length: 1497, pduType: 15, fixedLength: 27, circuitType: 1, sourceId: '2222.2222.2222', holdingTime: 30, pduLength: 1497, priority: 64, lanId: '2222.2222.2222.01' });
  const x = i.firstTlv();
  t.deepEqual([x.type, x.valueLength, x.valueByte(0)], [129, 1, 0xcc]);
  const tlvs = (i.toJSON() as { tlvs: { type: number; length: number }[] }).tlvs;
  t.is(tlvs.reduce((n, v) => n + 2 + v.length, 27), 1497);
});

test('every cut of a hello stops in IS-IS (or in the OSI NLPID before it)', (t) => {
  const f = suiteFrame('ISIS_level1_adjacency.pcap', 0);
  const ends = [27];
  const i = d.decode(f, LinkType.EN10MB).layer(Layer.Isis) as Isis;
  for (let q = i.off + 27; q < i.off + i.length;) { const x = i.tlv.point(q, i.end); q += 2 + x.valueLength; ends.push(q - i.off); }
  for (const cap of [17, 18, 20, 24, 30, 43, 44, 45, 46, 47, 50, 60, 100, 300, 1000, 1513]) {
    const p = d.decode(f.subarray(0, cap), LinkType.EN10MB);
    const have = cap - 17;
    if (have === 0) { t.like(p.stop, { layer: Layer.Osi, offset: 17, required: 1, kind: 'truncated' }); continue; }
    // Cut between two TLVs: a whole (shorter) PDU.
    if (ends.includes(have)) { t.is(p.stop, undefined, `cap ${cap}`); continue; }
    const k = ends.findIndex((e) => have < e);
    const required = have < 8 ? 8 : have < 27 ? 27 : have - ends[k - 1]! < 2 ? ends[k - 1]! + 2 : ends[k]!;
    t.like(p.stop, { layer: Layer.Isis, offset: 17, required, available: have, kind: 'truncated' }, `cap ${cap}`);
    t.truthy(p.layer(Layer.Osi));
  }
});

test('an LSP: ID, sequence number, lifetime, checksum; EtherType 0xfefe skips its pad byte', (t) => {
  const lsp = concat(bytes(0x83, 27, 1, 0, 18, 1, 0, 0), be16(27 + 5), be16(1199), fromHex('2222222222220000'), be32(15), be16(0xabcd), bytes(3),
    bytes(137, 3), Uint8Array.from(Buffer.from('r1')), bytes(0), bytes(0xee));
  const p = d.decode(ether('01:80:c2:00:00:14', '02:00:00:00:00:01', 0xfefe, concat(bytes(0), lsp)), LinkType.EN10MB);
  t.is(p.stop, undefined);
  t.like((p.layer(Layer.Osi) as Osi).toJSON(), { offset: 14, length: 1, nlpid: 0x83 });
  const i = p.layer(Layer.Isis) as Isis;
  t.deepEqual([i.offset, i.lspId, i.sequenceNumber, i.remainingLifetime, i.lspChecksum, i.lspFlags & 3], [15, '2222.2222.2222.00-00', 15, 1199, 0xabcd, 3]);
  // The hostname TLV is the PDU length's last byte but one: the byte after it is payload.
  t.is(i.length, 32);
  t.is(p.payloadLength, 1);
});

test('a fixed header length below 8, and TLVs past the PDU length, are errors', (t) => {
  const frame = (pdu: Uint8Array): Uint8Array => ether('01:80:c2:00:00:14', '02:00:00:00:00:01', 3 + pdu.length, concat(bytes(0xfe, 0xfe, 3), pdu));
  t.like(d.decode(frame(bytes(0x83, 7, 1, 0, 15, 1, 0, 0, 9, 9)), LinkType.EN10MB).stop, { layer: Layer.Isis, kind: 'error', detail: 'fixed header length 7 < 8' });
  const psnp = concat(bytes(0x83, 17, 1, 0, 26, 1, 0, 0), be16(20), fromHex('22222222222200'), bytes(8, 5, 0, 0, 0, 0, 0));
  t.like(d.decode(frame(psnp), LinkType.EN10MB).stop, { layer: Layer.Isis, kind: 'error', detail: 'TLV past the PDU length 20' });
});

test('OSI over Cisco HDLC (with and without the pad byte before the NLPID) and over Frame Relay (from the NLPID in its header): the walk reaches IS-IS', (t) => {
  const eth = suiteFrame('ISIS_level1_adjacency.pcap', 0);
  const osi = d.decode(eth, LinkType.EN10MB).layer(Layer.Osi) as Osi;
  const pdu = eth.subarray(osi.offset + osi.nlpidAt);
  t.is(pdu[0], 0x83);
  for (const pad of [1, 0]) {
    // chdlc_print: a pad byte only when the byte after it is CLNP's, ES-IS's or IS-IS's NLPID.
    const p = d.decode(concat(bytes(0x0f, 0), be16(0xfefe), pad ? bytes(0) : bytes(), pdu), LinkType.C_HDLC);
    const o = p.layer(Layer.Osi) as Osi;
    t.deepEqual([o.offset, o.nlpidAt, o.nlpid, p.layer(Layer.Isis)?.offset], [4, pad, 0x83, 4 + pad], `pad ${pad}`);
  }
  // Q.922 address (2 bytes), UI, NLPID: OSI starts at the NLPID, the last byte of the Frame Relay header.
  const fr = d.decode(concat(bytes(0x18, 0x41, 0x03), pdu), LinkType.FRELAY);
  t.is(fr.layer(Layer.FrameRelay)?.length, 4);
  t.deepEqual([fr.layer(Layer.Osi)?.offset, (fr.layer(Layer.Osi) as Osi).nlpid, fr.layer(Layer.Isis)?.offset], [3, 0x83, 3]);
});
