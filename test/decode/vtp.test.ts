// VTP in the decoder, through 802.3 / LLC / SNAP (Cisco, 0x2003): a summary advertisement's fields,
// a subset advertisement's VLAN records, every cut, and a VLAN record shorter than its fixed part.
import test from 'ava';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { Vtp } from '../../src/decoders/vtp.js';
import { be16, be32, bytes, concat, ether, fromHex } from '../helpers/frames.js';

const d = new Decoder();
const text = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'latin1'));
const head = (code: number): Uint8Array => { const h = new Uint8Array(36); h.set([1, code, 1, 3]); h.set(text('lab'), 4); return h; };
const frame = (m: Uint8Array): Uint8Array => ether('01:00:0c:cc:cc:cc', '02:00:00:00:00:01', 8 + m.length, concat(fromHex('aaaa0300000c2003'), m));
const VLAN = concat(bytes(20, 0, 1, 7), be16(1), be16(1500), be32(100001), text('default\0'));
const SUBSET = concat(head(2), be32(0x2a), VLAN, bytes(0));

test('a summary advertisement: domain, revision, updater, timestamp, digest', (t) => {
  const p = d.decode(frame(concat(head(1), be32(0x2a), bytes(10, 0, 0, 1), text('930301000000'), new Uint8Array(16))), LinkType.EN10MB);
  t.is(p.stop, undefined);
  const v = p.layer(Layer.Vtp) as Vtp;
  t.true(v instanceof Vtp);
  t.deepEqual(v.toJSON(), { offset: 22, length: 72, version: 1, code: 1, followers: 1, domain: 'lab', configRevision: 0x2a, updater: '10.0.0.1' });
  t.is(v.timestampWord(0), 0x39333033);
});

test('a subset advertisement: its VLAN records', (t) => {
  const p = d.decode(frame(SUBSET), LinkType.EN10MB);
  const v = p.layer(Layer.Vtp) as Vtp;
  t.like(v.toJSON(), { code: 2, configRevision: 0x2a, vlans: [{ vlanId: 1, status: 0, type: 1, mtu: 1500, said: 100001 }] });
  t.is(v.length, 36 + 4 + 20);
});

test('every cut stops in VTP; a VLAN record shorter than 12 bytes is an error', (t) => {
  const f = frame(SUBSET);
  for (let cap = 22; cap < 22 + 60; cap++) {
    const have = cap - 22;
    const required = have < 36 ? 36 : have < 40 ? 40 : 60;
    const p = d.decode(f.subarray(0, cap), LinkType.EN10MB);
    if (have === 40) { t.is(p.stop, undefined); continue; }
    t.like(p.stop, { layer: Layer.Vtp, offset: 22, required, available: have, kind: 'truncated' }, `cap ${cap}`);
  }
  t.like(d.decode(frame(concat(head(2), be32(1), bytes(8, 0, 1, 0, 0, 9, 0, 0))), LinkType.EN10MB).stop,
    { layer: Layer.Vtp, kind: 'error', detail: 'VLAN information length 8 < 12' });
});
