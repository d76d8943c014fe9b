// Realtek's protocols in the decoder: the layer by EtherType 0x8899, the protocol byte, RRCP's opcode,
// reply flag and key, a register's address and data (little-endian) and cookies, a hello reply's
// ports, MAC, chip and vendor; toJSON() by protocol and opcode; an empty payload as a stop; --json
// against the schema.
import test from 'ava';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { Realtek } from '../../src/decoders/realtek.js';
import { ether } from '../helpers/frames.js';
import type { Rec } from '../helpers/oracle.js';
import { jsonLinesAsDecoded } from '../helpers/packet-schema.js';
import { realtekPayloads } from '../helpers/realtek-frames.js';

const d = new Decoder();
const frames = realtekPayloads().map((p) => ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x8899, p));
const view = (frame: Uint8Array): Realtek | undefined => d.decode(frame, LinkType.EN10MB).layer(Layer.Realtek) as Realtek | undefined;

test('Realtek: RRCP hello reply, get and set; other protocols by their byte', (t) => {
  t.true(view(frames[0]!) instanceof Realtek);
  t.deepEqual(view(frames[0]!)!.toJSON(), { offset: 14, length: 1, protocol: 1, opcode: 0, isReply: false, authKey: 0x2379 });
  t.deepEqual(view(frames[1]!)!.toJSON(), {
    offset: 14, length: 1, protocol: 1, opcode: 0, isReply: true, authKey: 0x2379,
    downlinkPort: 3, uplinkPort: 7, uplinkMac: '0a:0b:0c:0d:0e:0f', chipId: 0x8316, vendorId: 10,
  });
  t.deepEqual(view(frames[2]!)!.toJSON(), {
    offset: 14, length: 1, protocol: 1, opcode: 1, isReply: false, authKey: 0x2379,
    registerAddress: 0x0218, registerData: 0xdeadbeef, cookie1: 1, cookie2: 2,
  });
  t.is(view(frames[3]!)!.opcode, 2);
  t.true(view(frames[3]!)!.isReply);
  t.deepEqual(view(frames[7]!)!.toJSON(), { offset: 14, length: 1, protocol: 3 });
  const empty = d.decode(frames[frames.length - 2]!, LinkType.EN10MB);
  t.is(empty.layer(Layer.Realtek), undefined);
  t.is(empty.stop?.layer, Layer.Realtek);
});

test('--json of Realtek frames: valid against the schema, equal to toJSON()', (t) => {
  const recs: Rec[] = [...frames.map((frame) => ({ frame })), { frame: frames[2]!, caplen: 14 + 10 }];
  const lines = jsonLinesAsDecoded(t, d, LinkType.EN10MB, recs);
  t.is(lines.length, recs.length);
  t.true('realtek' in (lines[0]!['layers'] as object));
});
