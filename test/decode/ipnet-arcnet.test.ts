// The decoder views of Solaris IPnet and ARCNET (BSD and Linux headers): the fields of a frame, the
// layer after the header, and where a cut or a lie stops the walk. The ARCNET frame is the one of
// tcpdump's suite (heapoverflow-atalk_print, a Linux ARCNET capture cut at 16 bytes).
import test from 'ava';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { Ipnet } from '../../src/decoders/ipnet.js';
import { Arcnet } from '../../src/decoders/arcnet.js';
import { be16, be32, bytes, concat, ipv4, ipv6, udp } from '../helpers/frames.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const d = new Decoder();
const v4 = ipv4({ proto: 17, src: '10.0.0.1', dst: '10.0.0.2' }, udp(1234, 5678, bytes(1, 2, 3)));

test('IPnet: family, hook, zones; IPv4 or IPv6 after 24 bytes; cut short', (t) => {
  const hdr = (family: number): Uint8Array => concat(bytes(1, family), be16(2), be32(60), be32(3), be32(0), be32(7), be32(9));
  const p = d.decode(concat(hdr(2), v4), LinkType.IPNET);
  const v = p.layer(Layer.Ipnet) as Ipnet;
  t.deepEqual([v.version, v.family, v.hookType, v.packetLength, v.ifIndex, v.srcZone, v.dstZone, v.length], [1, 2, 2, 60, 3, 7, 9, 24]);
  t.is(p.udp?.dstPort, 5678);
  t.is(d.decode(concat(hdr(26), ipv6({ nh: 17, src: '::1', dst: '::2' }, udp(1, 2))), LinkType.IPNET).ipv6?.offset, 24);
  t.is(d.decode(concat(hdr(9), v4), LinkType.IPNET).ipv4, undefined);
  for (let cap = 0; cap < 24; cap++) t.like(d.decode(concat(hdr(2), v4).subarray(0, cap), LinkType.IPNET).stop, { layer: Layer.Ipnet, offset: 0, kind: 'truncated' });
});

test('ARCNET: hosts and system code; old (3-byte), RFC 1201 (6) and exception (10) headers; Linux headers; fragments; the suite frame; cut short', (t) => {
  const old = d.decode(concat(bytes(1, 2, 240), v4), LinkType.ARCNET_BSD);
  const a = old.layer(Layer.Arcnet) as Arcnet;
  t.deepEqual([a.srcHost, a.dstHost, a.type, a.length], [1, 2, 240, 3]);
  t.is(old.ipv4?.offset, 3);
  const rfc = d.decode(concat(bytes(3, 4, 212, 0), be16(0x1234), v4), LinkType.ARCNET_BSD).layer(Layer.Arcnet) as Arcnet;
  t.deepEqual([rfc.flag, rfc.sequenceId, rfc.length, rfc.exception], [0, 0x1234, 6, false]);
  const exc = d.decode(concat(bytes(5, 6, 212, 0xff, 0xff, 0xff, 212, 3), be16(0x0102), v4), LinkType.ARCNET_BSD);
  const e = exc.layer(Layer.Arcnet) as Arcnet;
  t.deepEqual([e.flag, e.sequenceId, e.length, e.exception], [3, 0x0102, 10, true]);
  t.is(exc.ipv4?.offset, 10);
  // A middle fragment carries no IP header.
  t.is(d.decode(concat(bytes(3, 4, 212, 2), be16(9), v4), LinkType.ARCNET_BSD).ipv4, undefined);
  for (let cap = 0; cap < 6; cap++) t.like(d.decode(concat(bytes(3, 4, 212, 0), be16(1), v4).subarray(0, cap), LinkType.ARCNET_BSD).stop, { layer: Layer.Arcnet, kind: 'truncated' });
  const lin = d.decode(concat(bytes(7, 8), be16(0x1020), bytes(212, 0, 0, 0), v4), LinkType.ARCNET_LINUX);
  const l = lin.layer(Layer.ArcnetLinux) as Arcnet;
  t.deepEqual([l.srcHost, l.dstHost, l.offsetField, l.type, l.length, l.printedType], [7, 8, 0x1020, 212, 8, 0x10]);
  t.is(lin.ipv4?.offset, 8);
  // The suite's frame: a Linux header with system code 0xdd (AppleTalk), then a DDP header cut short.
  const b = readFileSync(join(root, 'test/pcaps/tcpdump-suite/heapoverflow-atalk_print.pcap'));
  const frame = Uint8Array.from(b.subarray(40, 40 + b.readUInt32LE(24 + 8)));
  const s = d.decode(frame, LinkType.ARCNET_LINUX);
  const sv = s.layer(Layer.ArcnetLinux) as Arcnet;
  t.deepEqual([sv.srcHost, sv.dstHost, sv.type, sv.length], [0x30, 0x30, 0xdd, 8]);
  t.like(s.stop, { layer: Layer.Ddp, offset: 8, required: 13, kind: 'truncated' });
  for (let cap = 0; cap < 8; cap++) t.like(d.decode(frame.subarray(0, cap), LinkType.ARCNET_LINUX).stop, { layer: Layer.ArcnetLinux, kind: 'truncated' });
});
