// CDP in the decoder, reached through 802.3 / LLC / SNAP (OUI Cisco, protocol ID 0x2000): the
// fields of a real switch's frame (tcpdump's suite capture 3560_CDP.pcap), every cut stopping in
// CDP with the bytes it needed, and a TLV whose length is shorter than its own header.
import test from 'ava';
import { join } from 'node:path';
import { openCaptureFile } from '../../src/capture/capture-file.js';
import { Cdp } from '../../src/decoders/cdp.js';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { be16, be32, bytes, concat, ether, fromHex } from '../helpers/frames.js';
import { repoRoot } from '../helpers/netns.js';

const text = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'latin1'));
const tlv = (type: number, value: Uint8Array, len = value.length + 4): Uint8Array => concat(be16(type), be16(len), value);
const TLVS = [tlv(1, text('sw1')), tlv(4, be32(0x28)), tlv(2, concat(be32(1), bytes(1, 1, 0xcc), be16(4), bytes(10, 0, 0, 1)))];
const CDP = concat(bytes(2, 180), be16(0x1234), ...TLVS);
const frame = (cdp: Uint8Array): Uint8Array => ether('01:00:0c:cc:cc:cc', '02:00:00:00:00:01', 8 + cdp.length, concat(fromHex('aaaa0300000c2000'), cdp, new Uint8Array(6)));

const d = new Decoder();

test('a real switch frame: header, device and port IDs, platform, TLV list', (t) => {
  const f = openCaptureFile(join(repoRoot, 'test', 'pcaps', 'tcpdump-suite', '3560_CDP.pcap'));
  let json: Record<string, unknown> | undefined;
  try {
    const b = f.next()!;
    const p = d.decode(b.bytes, b.linkType, b.offset[0], b.capLen[0]);
    t.is(p.stop, undefined);
    t.like(p.llc?.toJSON(), { oui: 0x00000c, etherType: 0x2000 });
    const v = p.layer(Layer.Cdp) as Cdp;
    t.true(v instanceof Cdp);
    t.is(v.offset, 22);
    json = JSON.parse(JSON.stringify(p.toJSON())).cdp as Record<string, unknown>;
  } finally {
    f.close();
  }
  t.like(json, { offset: 22, version: 2, ttl: 180, deviceId: 'Switch', portId: 'GigabitEthernet0/5', platform: 'cisco WS-C3560G-24PS' });
  const tlvs = json!['tlvs'] as { type: number; length: number }[];
  t.deepEqual(tlvs.map((x) => x.type).slice(0, 6), [1, 5, 6, 2, 3, 4]);
  t.is(tlvs.reduce((n, x) => n + x.length, 4), json!['length'] as number);
});

test('a built frame: header fields, each TLV through the sub-view', (t) => {
  const p = d.decode(frame(CDP), LinkType.EN10MB);
  t.is(p.stop, undefined);
  const v = p.layer(Layer.Cdp) as Cdp;
  t.deepEqual([v.version, v.ttl, v.checksum, v.length], [2, 180, 0x1234, CDP.length]);
  // The 802.3 length ends the frame: the Ethernet padding is not CDP's payload.
  t.is(p.payloadLength, 0);
  const x = v.first();
  t.deepEqual([x.type, x.tlvLength, x.valueByte(0)], [1, 7, 's'.charCodeAt(0)]);
  x.point(x.off + 7, v.end);
  t.deepEqual([x.type, x.capabilities], [4, 0x28]);
  x.point(x.off + 8, v.end);
  t.deepEqual([x.type, x.addressCount, x.addressProtocolType(4), x.addressProtocolLength(4), x.addressNlpid(4), x.addressLength(4, 1), x.ipv4(9)],
    [2, 1, 1, 1, 0xcc, 4, '10.0.0.1']);
});

test('every cut inside a header or TLV stops in CDP at its start, needing the bytes up to the end of what it cuts', (t) => {
  const f = frame(CDP);
  const ends = [4]; for (const x of TLVS) ends.push(ends[ends.length - 1]! + x.length);
  for (let cap = 22; cap < 22 + CDP.length; cap++) {
    const p = d.decode(f.subarray(0, cap), LinkType.EN10MB);
    const avail = cap - 22;
    // Cut between two TLVs: a whole (shorter) message, as CDP has no end marker.
    if (ends.includes(avail)) { t.is(p.stop, undefined, `cap ${cap}`); t.is(p.layer(Layer.Cdp)?.length, avail); continue; }
    const i = ends.findIndex((e) => avail < e);
    // Inside the header, a TLV header, or a TLV's value.
    const required = i === 0 ? 4 : avail - ends[i - 1]! < 4 ? ends[i - 1]! + 4 : ends[i]!;
    t.like(p.stop, { layer: Layer.Cdp, offset: 22, required, available: avail, kind: 'truncated', lenSource: 'caplen' }, `cap ${cap}`);
    t.truthy(p.llc, `cap ${cap}`);
    t.is(p.layer(Layer.Cdp), undefined);
  }
});

test('a TLV length below its own header is an error stop', (t) => {
  const p = d.decode(frame(concat(bytes(2, 180), be16(0), tlv(1, text('x'), 3))), LinkType.EN10MB);
  t.like(p.stop, { layer: Layer.Cdp, offset: 22, kind: 'error', detail: 'TLV length 3 < 4' });
});
