// Rx (AFS's RPC) in the decoder: the header of a real call, reply and ack (tcpdump's afs.pcap) read
// through the view and its `data` sub-view, in toJSON(); every cut of the header stops in Rx; the
// ports tcpdump tests before VXLAN's and DNS's after it; an Rx layer for the library's p.layer().
import test from 'ava';
import { join } from 'node:path';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { Rx, RX_HEADER_LENGTH } from '../../src/decoders/rx.js';
import { NOT_CAPTURED } from '../../src/decoders/view.js';
import { openCaptureFile } from '../../src/capture/capture-file.js';
import { be32, concat, ether, ipv4, udp } from '../helpers/frames.js';
import { repoRoot } from '../helpers/netns.js';

const d = new Decoder();
const APP = 14 + 20 + 8;

/** The first frames of tcpdump's afs.pcap: a fetch-status call, its reply, an ack. */
function afsFrames(n: number): Uint8Array[] {
  const f = openCaptureFile(join(repoRoot, 'test', 'pcaps', 'tcpdump-suite', 'afs.pcap'));
  try {
    const b = f.next()!;
    return Array.from({ length: n }, (_, i) => b.bytes.slice(b.offset[i]!, b.offset[i]! + b.capLen[i]!));
  } finally { f.close(); }
}

const header = { offset: APP, length: 28, epoch: 3217929406, cid: 458586716, callNumber: 290, userStatus: 0, securityIndex: 2, serviceId: 1 };

test('a call, its reply and an ack of afs.pcap: the header, the opcode, the ack packet', (t) => {
  const [call, reply, ack] = afsFrames(3);
  let p = d.decode(call!, LinkType.EN10MB);
  let rx = p.layer(Layer.Rx) as Rx;
  t.true(rx instanceof Rx);
  t.deepEqual(rx.toJSON(), { ...header, seq: 1, serial: 431, type: 1, flags: 5, opcode: 132 });
  t.is(rx.spare, 0x6513, 'the field before the service id (Rx\'s header checksum in later versions)');
  const data = rx.data.point(rx.off, rx.end);
  // fetch-status's fid: 536871098/846/1049757.
  t.deepEqual([data.opcode, data.u32(32), data.u32(36), data.u32(40)], [132, 536871098, 846, 1049757]);
  t.is(p.stop, undefined);

  p = d.decode(reply!, LinkType.EN10MB);
  t.deepEqual((p.layer(Layer.Rx) as Rx).toJSON(), { ...header, seq: 1, serial: 347, type: 1, flags: 4 });

  p = d.decode(ack!, LinkType.EN10MB);
  rx = p.layer(Layer.Rx) as Rx;
  t.deepEqual(rx.toJSON(), {
    ...header, seq: 0, serial: 432, type: 2, flags: 33,
    ack: { bufferSpace: 0, maxSkew: 0, firstPacket: 2, previousPacket: 1, serial: 347, reason: 8, count: 0 },
  });
  t.is(JSON.stringify(p.toJSON()).includes('"rx":{"offset":42'), true, 'the packet lists its rx layer');
});

test('every cut of the Rx header stops in Rx at its offset; a cut after it reads the header and throws for the rest', (t) => {
  const [call] = afsFrames(1);
  for (let cap = APP + 1; cap < APP + RX_HEADER_LENGTH; cap++) {
    const p = d.decode(call!.subarray(0, cap), LinkType.EN10MB);
    t.is(p.layer(Layer.Rx), undefined, `cap ${cap}`);
    t.like(p.stop, { layer: Layer.Rx, offset: APP, required: RX_HEADER_LENGTH, available: cap - APP, kind: 'truncated' }, `cap ${cap}`);
  }
  const p = d.decode(call!.subarray(0, APP + RX_HEADER_LENGTH + 2), LinkType.EN10MB);
  const rx = p.layer(Layer.Rx) as Rx;
  t.is(rx.callNumber, 290);
  const data = rx.data.point(rx.off, rx.end);
  t.is(t.throws(() => data.opcode, { any: true }), NOT_CAPTURED);
  t.false('opcode' in rx.toJSON());
});

test('ports 7000-7009, source or destination, are Rx before VXLAN (4789); DNS (53) is tested before them', (t) => {
  const rx = concat(new Uint8Array(20), Uint8Array.from([1, 1, 0, 0]), be32(0), be32(130));
  const frame = (sport: number, dport: number): Uint8Array =>
    ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ipv4({ proto: 17 }, udp(sport, dport, rx)));
  for (const [sport, dport] of [[7002, 4789], [4789, 7009], [40000, 7000], [7005, 40000]] as const) {
    const p = d.decode(frame(sport, dport), LinkType.EN10MB);
    t.truthy(p.layer(Layer.Rx), `${sport} > ${dport}`);
    t.is(p.layer(Layer.Vxlan), undefined);
  }
  t.is(d.decode(frame(6999, 7010), LinkType.EN10MB).layer(Layer.Rx), undefined);
  const dns = d.decode(frame(7000, 53), LinkType.EN10MB);
  t.is(dns.layer(Layer.Rx), undefined);
  t.truthy(dns.dns ?? dns.stop);
});
