// CFM (802.1ag) in the decoder: a CCM's header, names and TLVs through the view; an LTM's fields;
// every cut of a CCM stopping in CFM; a first TLV offset past the frame.
import test from 'ava';
import { Cfm } from '../../src/decoders/cfm.js';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { be16, be32, bytes, concat, ether, fromHex } from '../helpers/frames.js';

const d = new Decoder();
const text = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'latin1'));
const names = concat(bytes(4, 6), text('domain'), bytes(2, 4), text('ma-1'), new Uint8Array(48 - 14));
const TLVS = concat(bytes(2), be16(1), bytes(2), bytes(3), be16(1), bytes(1));
const CCM = concat(bytes(0xa0, 1, 0x81, 70), be32(0x1234), be16(7), names, new Uint8Array(16), TLVS, bytes(0));
const frame = (p: Uint8Array): Uint8Array => ether('01:80:c2:00:00:35', '02:00:00:00:00:01', 0x8902, p);

test('a CCM: level, opcode, flags, sequence, MEP ID, MD and MA names, TLVs', (t) => {
  const p = d.decode(frame(CCM), LinkType.EN10MB);
  t.is(p.stop, undefined);
  const c = p.layer(Layer.Cfm) as Cfm;
  t.true(c instanceof Cfm);
  t.deepEqual([c.mdLevel, c.version, c.opcode, c.flags, c.firstTlvOffset, c.sequence, c.maEndpointId], [5, 0, 1, 0x81, 70, 0x1234, 7]);
  t.deepEqual([c.mdNameFormat, c.mdNameLength, c.maNameFormat, c.maNameLength, c.maNameStart], [4, 6, 2, 4, 20]);
  t.deepEqual(c.toJSON(), {
    offset: 14, length: CCM.length, mdLevel: 5, version: 0, opcode: 1, flags: 0x81, firstTlvOffset: 70, sequence: 0x1234, maEndpointId: 7,
    tlvs: [{ type: 2, length: 1 }, { type: 3, length: 1 }, { type: 0 }],
  });
  const x = c.firstTlv();
  t.deepEqual([x.type, x.valueLength, x.status], [2, 1, 2]);
});

test('an LTM: transaction, TTL, original and target MACs', (t) => {
  const p = d.decode(frame(concat(bytes(0x60, 5, 0x80, 17), be32(9), bytes(64), fromHex('001122334455'), fromHex('665544332211'), bytes(0))), LinkType.EN10MB);
  const c = p.layer(Layer.Cfm) as Cfm;
  t.deepEqual([c.mdLevel, c.transactionId, c.ttl, c.originalMac, c.targetMac], [3, 9, 64, '00:11:22:33:44:55', '66:55:44:33:22:11']);
});

test('every cut of a CCM stops in CFM, needing the fields or the TLV it cuts', (t) => {
  const f = frame(CCM);
  for (let cap = 14; cap < 14 + CCM.length; cap++) {
    const have = cap - 14;
    // The common header, the CCM's fields, then each TLV's 3-byte header and its value; between them the PDU is whole.
    const required = have < 4 ? 4 : have < 74 ? 74 : have < 77 ? 77 : have < 78 ? 78 : have < 81 ? 81 : 82;
    const p = d.decode(f.subarray(0, cap), LinkType.EN10MB);
    if (have === 74 || have === 78 || have === 82) { t.is(p.stop, undefined, `cap ${cap}`); continue; }
    t.like(p.stop, { layer: Layer.Cfm, offset: 14, required, available: have, kind: 'truncated' }, `cap ${cap}`);
  }
  t.like(d.decode(frame(concat(bytes(0x20, 3, 0, 60), be32(1))), LinkType.EN10MB).stop, { layer: Layer.Cfm, required: 64, available: 8 });
});
