// BOOTP/DHCP in the decoder (issue 14: the view the BOOTP printer prints from): a real DHCP
// Discover's fields and options through the option sub-view, and where cuts stop.
import test from 'ava';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { Bootp, BOOTP_OPTIONS_START, DHCP_MAGIC_COOKIE } from '../../src/decoders/bootp.js';
import { captureFrame } from '../helpers/capture-frames.js';

const d = new Decoder();

/** The first frame of tcpdump's dhcp-rfc3004.pcap: a Discover with options 53, 50, 55, 77 and End. */
const discover = (): Uint8Array => captureFrame('tcpdump-suite/dhcp-rfc3004.pcap', 0).bytes;

test('a DHCP Discover: the fixed header, the cookie and every option through the sub-view', (t) => {
  const p = d.decode(discover(), LinkType.EN10MB);
  t.is(p.stop, undefined);
  const b = p.layer(Layer.Bootp) as Bootp;
  t.true(b instanceof Bootp);
  // BOOTP/DHCP, Request from 00:0c:29:1f:74:06, length 300, xid 0x6e32864, Flags [none]
  t.deepEqual([b.offset, b.length, b.op, b.htype, b.hlen, b.xid, b.flags, b.clientMac, b.clientAddress, b.magicCookie],
    [42, 298, 1, 1, 6, 0x6e32864, 0, '00:0c:29:1f:74:06', '0.0.0.0', DHCP_MAGIC_COOKIE]);
  // The options, by walking the sub-view: DHCP-Message Discover, Requested-IP 192.168.1.4, Parameter-Request, User-Class.
  const mt = b.option(BOOTP_OPTIONS_START);
  t.deepEqual([mt.tag, mt.dataLength, mt.messageType], [53, 1, 1]);
  const rip = b.option(BOOTP_OPTIONS_START + 3);
  t.deepEqual([rip.tag, rip.dataLength, rip.address(0)], [50, 4, '192.168.1.4']);
  const prl = b.option(BOOTP_OPTIONS_START + 9);
  t.deepEqual([prl.tag, [0, 1, 2, 3, 4, 5, 6].map((k) => prl.data(k))], [55, [1, 28, 2, 3, 15, 6, 12]]);
  const uc = b.option(BOOTP_OPTIONS_START + 18);
  t.deepEqual([uc.tag, uc.dataLength, uc.data(0)], [77, 37, 7]);
  t.like(JSON.parse(JSON.stringify(b)), { messageType: 1, options: [{ tag: 53, length: 1 }, { tag: 50, length: 4 }, { tag: 55, length: 7 }, { tag: 77, length: 37 }] });
  // After End: the message's padding is the payload.
  t.deepEqual([p.payloadOffset, p.payloadLength], [340, 2]);
});

test('cuts: in the fixed header the stop needs 236 bytes; in an option, the option\'s end', (t) => {
  const f = discover();
  for (const cap of [42, 43, 100, 277]) {
    t.like(d.decode(f.subarray(0, cap), LinkType.EN10MB).stop, { layer: Layer.Bootp, offset: 42, required: 236, available: cap - 42, kind: 'truncated' });
  }
  // Inside the Requested-IP option (tag at 243, value 245–249 from the message start).
  t.like(d.decode(f.subarray(0, 42 + 247), LinkType.EN10MB).stop, { layer: Layer.Bootp, required: 249, available: 247, detail: 'option 50' });
  // A non-DHCP vendor area: the fixed header alone is the message's.
  const bootp = f.slice(); bootp[42 + 236] = 0;
  const b = d.decode(bootp, LinkType.EN10MB).layer(Layer.Bootp) as Bootp;
  t.deepEqual([b.length, b.magicCookie === DHCP_MAGIC_COOKIE], [236, false]);
});
