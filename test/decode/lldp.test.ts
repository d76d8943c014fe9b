// LLDP (IEEE 802.1AB) in the decoder: the fields of a real switch's frame (tcpdump's suite
// capture LLDP_and_CDP.pcap), every TLV of a built frame through the sub-view, every cut
// stopping in LLDP with the bytes it needed, and an End TLV that lies about its length.
import test from 'ava';
import { join } from 'node:path';
import { openCaptureFile } from '../../src/capture/capture-file.js';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { Lldp, LldpOui, LldpTlvType } from '../../src/decoders/lldp.js';
import { be16, be32, bytes, concat, ether, mac } from '../helpers/frames.js';
import { repoRoot } from '../helpers/netns.js';

const text = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'latin1'));
const tlv = (type: number, value: Uint8Array): Uint8Array => concat(be16((type << 9) | value.length), value);

/** Chassis MAC, port name, TTL, system name, capabilities, an IPv4 management address, PVID, 802.3 MTU, End; 4 bytes of padding. */
const TLVS = [
  tlv(1, concat(bytes(4), mac('00:19:2f:a7:b2:8d'))),
  tlv(2, concat(bytes(5), text('Gi0/13'))),
  tlv(3, be16(120)),
  tlv(5, text('S2.example')),
  tlv(7, concat(be16(0x14), be16(0x04))),
  tlv(8, concat(bytes(5, 1, 192, 0, 2, 7, 2), be32(13), bytes(0))),
  tlv(127, concat(bytes(0x00, 0x80, 0xc2, 1), be16(100))),
  tlv(127, concat(bytes(0x00, 0x12, 0x0f, 4), be16(1518))),
  tlv(0, new Uint8Array(0)),
];
const LLDPDU = concat(...TLVS);
const FRAME = ether('01:80:c2:00:00:0e', '00:19:2f:a7:b2:8d', 0x88cc, concat(LLDPDU, new Uint8Array(4)));

const d = new Decoder();

test('a real switch frame: chassis, port, TTL, names, capabilities, organisational TLVs', (t) => {
  const f = openCaptureFile(join(repoRoot, 'test', 'pcaps', 'tcpdump-suite', 'LLDP_and_CDP.pcap'));
  let lldp: Record<string, unknown> | undefined;
  try {
    // The third frame is S2's LLDPDU (the first two are CDP).
    const b = f.next()!;
    const p = d.decode(b.bytes, b.linkType, b.offset[2], b.capLen[2]);
    t.is(p.stop, undefined);
    const v = p.layer(Layer.Lldp) as Lldp;
    t.true(v instanceof Lldp);
    t.is(v.offset, 14);
    t.is(v.length, 282);
    t.is(p.payloadLength, 0);
    lldp = JSON.parse(JSON.stringify(p.toJSON())).lldp as Record<string, unknown>;
  } finally {
    f.close();
  }
  t.like(lldp, {
    offset: 14, length: 282,
    chassisId: { subtype: 4, id: '00:19:2f:a7:b2:8d' },
    portId: { subtype: 1, id: 'Uplink to S1' },
    ttl: 120, systemName: 'S2.cisco.com', portDescription: 'GigabitEthernet0/13',
    capabilities: { system: 0x14, enabled: 0x04 },
  });
  t.regex(lldp!['systemDescription'] as string, /^Cisco IOS Software, C3560 Software .*\nCompiled Sat 05-Jan-08 00:15 by weiliu$/s);
  const tlvs = lldp!['tlvs'] as { type: number; length: number; oui?: number; subtype?: number }[];
  t.deepEqual(tlvs.map((x) => [x.type, x.length]), [[1, 7], [2, 13], [3, 2], [5, 12], [6, 190], [4, 19], [7, 4], [127, 6], [127, 9], [0, 0]]);
  // Port VLAN ID (IEEE 802.1) and MAC/PHY status (IEEE 802.3).
  t.deepEqual(tlvs.filter((x) => x.type === 127).map((x) => [x.oui, x.subtype]), [[0x0080c2, 1], [0x00120f, 1]]);
});

test('every TLV of a built frame through the TLV sub-view', (t) => {
  const p = d.decode(FRAME, LinkType.EN10MB);
  t.is(p.stop, undefined);
  t.false(p.truncated);
  const v = p.layer(Layer.Lldp) as Lldp;
  t.is(v.length, LLDPDU.length);
  t.is(p.payloadOffset, 14 + LLDPDU.length);
  t.is(p.payloadLength, 4);
  const seen: unknown[] = [];
  let at = v.off;
  for (let i = 0; i < TLVS.length; i++) {
    const x = v.tlv.point(at, v.end);
    switch (x.type) {
      case LldpTlvType.ChassisId: seen.push(['chassis', x.idSubtype, x.idMac]); break;
      case LldpTlvType.PortId: seen.push(['port', x.idSubtype, x.valueLength]); break;
      case LldpTlvType.Ttl: seen.push(['ttl', x.ttl]); break;
      case LldpTlvType.SystemName: seen.push(['name', x.valueLength]); break;
      case LldpTlvType.SystemCapabilities: seen.push(['caps', x.systemCapabilities, x.enabledCapabilities]); break;
      case LldpTlvType.ManagementAddress:
        seen.push(['mgmt', x.managementAddressLength, x.managementAddressFamily, x.managementAddress, x.interfaceNumberingSubtype, x.interfaceNumber, x.oidLength]);
        break;
      case LldpTlvType.OrganizationSpecific:
        seen.push(['org', x.oui, x.orgSubtype, x.oui === LldpOui.Ieee8021 ? x.portVlanId : x.maxFrameSize]);
        break;
      case LldpTlvType.End: seen.push(['end', x.valueLength]); break;
    }
    at += 2 + x.valueLength;
  }
  t.deepEqual(seen, [
    ['chassis', 4, '00:19:2f:a7:b2:8d'], ['port', 5, 7], ['ttl', 120], ['name', 10], ['caps', 0x14, 0x04],
    ['mgmt', 5, 1, '192.0.2.7', 2, 13, 0], ['org', 0x0080c2, 1, 100], ['org', 0x00120f, 4, 1518], ['end', 0],
  ]);
  const json = p.toJSON() as { lldp: { tlvs: object[] } };
  t.deepEqual(json.lldp.tlvs[5], { type: 8, length: 12, family: 1, address: '192.0.2.7', interfaceSubtype: 2, interfaceNumber: 13 });
});

test('every cut stops in LLDP, at its start, needing the bytes up to the end of the TLV it cuts', (t) => {
  // Where each TLV starts and ends inside the LLDPDU.
  const bounds: [number, number][] = [];
  for (let s = 0, i = 0; i < TLVS.length; s += TLVS[i]!.length, i++) bounds.push([s, s + TLVS[i]!.length]);
  for (let cap = 14; cap <= FRAME.length; cap++) {
    const p = d.decode(FRAME.subarray(0, cap), LinkType.EN10MB);
    const avail = cap - 14;
    t.truthy(p.ethernet, `cap ${cap}`);
    // A cut exactly between two TLVs (or in the padding) leaves a whole list: LLDP does not need its End TLV.
    const cut = bounds.find(([s, e]) => avail >= s && avail < e && !(avail === s && s > 0));
    if (avail === 0) {
      t.like(p.stop, { layer: Layer.Lldp, offset: 14, required: 2, available: 0, kind: 'truncated', lenSource: 'caplen' }, `cap ${cap}`);
    } else if (cut === undefined) {
      t.is(p.stop, undefined, `cap ${cap}`);
      t.truthy(p.layer(Layer.Lldp), `cap ${cap}`);
    } else {
      const [s, e] = cut;
      const required = avail - s < 2 ? s + 2 : e;
      t.like(p.stop, { layer: Layer.Lldp, offset: 14, required, available: avail, kind: 'truncated', lenSource: 'caplen' }, `cap ${cap}`);
      t.true(p.truncated);
      t.is(p.layer(Layer.Lldp), undefined, `cap ${cap}: a cut LLDPDU is not handed out`);
    }
  }
});

test('an End TLV with a length is an error stop; a lone TLV without End is whole', (t) => {
  const lie = ether('01:80:c2:00:00:0e', '00:00:00:00:00:01', 0x88cc, concat(TLVS[0]!, tlv(0, bytes(1, 2))));
  const p = d.decode(lie, LinkType.EN10MB);
  t.like(p.stop, { layer: Layer.Lldp, offset: 14, kind: 'error', detail: 'End TLV length 2 != 0' });
  t.is(p.layer(Layer.Lldp), undefined);
  const lone = d.decode(ether('01:80:c2:00:00:0e', '00:00:00:00:00:01', 0x88cc, TLVS[2]!), LinkType.EN10MB);
  t.is(lone.stop, undefined);
  t.deepEqual((lone.toJSON() as { lldp: object }).lldp, { offset: 14, length: 4, ttl: 120, tlvs: [{ type: 3, length: 2, ttl: 120 }] });
});
