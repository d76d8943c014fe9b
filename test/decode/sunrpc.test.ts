// Sun RPC / NFS in the decoder: a real NFSv3 WRITE call over TCP (tcpdump's suite capture
// nfs-write-verf-cookie.pcapng) through the record mark, field by field; the file handle as
// tcpdump's Parse_fh reads it; the XDR words the printer walks; cuts; a UDP call; a lie.
import test from 'ava';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { RpcRecordMark, SunRpc } from '../../src/decoders/sunrpc.js';
import { firstSuiteFrame as firstFrame } from '../helpers/tcpdump-suite.js';
import { be32, concat, ether, ipv4, udp } from '../helpers/frames.js';

const d = new Decoder();
/** The TCP payload in that capture: Ethernet, IPv4, TCP with 12 bytes of options. */
const APP = 14 + 20 + 32;


test('a real NFSv3 WRITE call on TCP: record mark, RPC call header, credentials, file handle, arguments', (t) => {
  // tcpdump -vv: NFS request xid 90477929 144 write fh Unknown/F0C862C6…0000 3 (3) bytes @ 0 <filesync>
  const p = d.decode(firstFrame('nfs-write-verf-cookie.pcapng'), LinkType.EN10MB);
  t.is(p.stop, undefined);
  const mark = p.layer(Layer.RpcRecordMark) as RpcRecordMark;
  t.deepEqual(mark.toJSON(), { offset: APP, length: 4, fragmentLength: 144, lastFragment: true });
  const v = p.layer(Layer.SunRpc) as SunRpc;
  t.true(v instanceof SunRpc);
  t.deepEqual(v.toJSON(), { offset: APP + 4, length: 8, xid: 90477929, direction: 0, rpcVersion: 2, program: 100003, programVersion: 3, procedure: 7 });
  // AUTH_UNIX credentials (flavor 1, 44 bytes), then an empty verifier.
  const cred = v.xdr.point(v.credentialsOffset, v.end);
  t.deepEqual([cred.word(0), cred.word(1)], [1, 44]);
  const fhAt = v.credentialsOffset + 8 + 44 + 8;
  const fhLen = v.xdr.point(fhAt, v.end).word(0);
  t.is(fhLen, 32);
  // No layout Parse_fh knows: shown as Unknown and the handle in hex.
  t.deepEqual(v.fileHandle.point(fhAt + 4, v.end).parse(fhLen / 4),
    { fsName: 'Unknown', major: 257, minor: 257, ino: 1, opaque: 'F0C862C6000010000000000014AB0200C6DD760758AA7A5B0000000000000000' });
  // WRITE3args after the handle: offset (hyper), count, stable_how (2 filesync), data length.
  const args = v.xdr.point(fhAt + 4 + 32, v.end);
  t.deepEqual([args.hyper(0), args.word(2), args.word(3), args.word(4)], [0n, 3, 2, 3]);
});

test('cuts: the record mark, then the xid and direction, stop in their layers', (t) => {
  const frame = firstFrame('nfs-write-verf-cookie.pcapng');
  for (let cap = APP; cap < APP + 4; cap++) {
    t.like(d.decode(frame.subarray(0, cap), LinkType.EN10MB).stop, { layer: Layer.RpcRecordMark, offset: APP, required: 4 }, `cap ${cap}`);
  }
  // Fewer than 8 bytes after the mark: the mark alone (no RPC layer to report as cut).
  const p = d.decode(frame.subarray(0, APP + 10), LinkType.EN10MB);
  t.truthy(p.layer(Layer.RpcRecordMark));
  t.is(p.layer(Layer.SunRpc), undefined);
});

test('UDP 2049: an RPC reply; a direction that is neither call nor reply is an error', (t) => {
  const frame = (payload: Uint8Array): Uint8Array =>
    ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ipv4({ proto: 17 }, udp(2049, 800, payload)));
  const reply = d.decode(frame(concat(be32(7), be32(1), be32(0), be32(0), be32(0), be32(0))), LinkType.EN10MB);
  t.deepEqual((reply.layer(Layer.SunRpc) as SunRpc).toJSON(), { offset: 42, length: 8, xid: 7, direction: 1, replyStatus: 0 });
  t.like(d.decode(frame(concat(be32(7), be32(5))), LinkType.EN10MB).stop, { layer: Layer.SunRpc, kind: 'error' });
});
