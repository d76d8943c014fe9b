// The netlink codec without a kernel: requests byte for byte, attributes back out, nesting,
// errors with the kernel's text, and replies that lie about their lengths.
import test from 'ava';
import {
  Attributes, MessageBuilder, NLMSG_ERROR, NLM_F_ACK_TLVS, NLM_F_CAPPED, NLM_F_REQUEST,
  NetlinkFormatError, parseError, parseMessages,
} from '../../src/netlink/message.js';
import { getLinksRequest, getNsidRequest, getStatsRequest } from '../../src/netlink/rtnetlink.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

test('RTM_GETLINK dump request: nlmsghdr, ifinfomsg, IFLA_EXT_MASK', (t) => {
  // What `ip link show` sends (strace -e sendmsg): len 40, type 18, flags REQUEST|DUMP, seq, pid 0,
  // ifinfomsg all zero, then rtattr {len 8, type 29} = 1 (RTEXT_FILTER_VF).
  t.is(hex(getLinksRequest().finish(0x01020304)),
    '28000000' + '1200' + '0103' + '04030201' + '00000000' +
    '00000000000000000000000000000000' +
    '08001d00' + '01000000');
});

test('RTM_GETNSID by fd and RTM_GETSTATS for one link', (t) => {
  t.is(hex(getNsidRequest(7).finish(1)), '1c000000' + '5a00' + '0100' + '01000000' + '00000000' + '00000000' + '08000300' + '07000000');
  // if_stats_msg: family, pads, ifindex 5, filter_mask bit 0 (IFLA_STATS_LINK_64).
  t.is(hex(getStatsRequest(5).finish(2)), '1c000000' + '5e00' + '0100' + '02000000' + '00000000' + '00000000' + '05000000' + '01000000');
});

test('attributes: strings padded, nests marked NLA_F_NESTED, read back by type', (t) => {
  const b = new MessageBuilder(16, NLM_F_REQUEST);
  b.header(16).setInt32(4, 9, true);
  b.string(3, 'veth0').u32(4, 1500).nest(18, (n) => n.string(1, 'veth').nest(2, (d) => d.u32(1, 77)));
  const bytes = b.finish(5);
  t.is(bytes.length % 4, 0);
  const [m] = parseMessages(bytes);
  t.like(m, { type: 16, flags: NLM_F_REQUEST, seq: 5, offset: 16, end: bytes.length });
  const a = new Attributes(bytes, m!.offset + 16, m!.end);
  t.deepEqual(a.types(), [3, 4, 18]);
  t.is(a.string(3), 'veth0');
  t.is(a.u32(4), 1500);
  t.is(a.u16(4), 1500 & 0xffff);
  t.is(a.u8(99), undefined);
  const li = a.nested(18)!;
  t.is(li.string(1), 'veth');
  t.is(li.nested(2)!.u32(1), 77);
  // The nested flag is stripped from the type (NLA_TYPE_MASK).
  t.is(new DataView(bytes.buffer).getUint16(16 + 16 + 12 + 8 + 2, true), 18 | 0x8000);
});

test('a value shorter than its type is absent, not misread', (t) => {
  const b = new MessageBuilder(16, 0);
  b.attr(1, new Uint8Array([1, 2]));
  const bytes = b.finish(0);
  const a = new Attributes(bytes, 16, bytes.length);
  t.is(a.u16(1), 0x0201);
  t.is(a.u32(1), undefined);
  t.is(a.u64(1), undefined);
});

test('an attribute that runs past its region ends the walk; what came before stays', (t) => {
  const b = new MessageBuilder(16, 0);
  b.u32(1, 10).u32(2, 20).u32(3, 30);
  const bytes = b.finish(0);
  new DataView(bytes.buffer).setUint16(16 + 8, 200, true);  // attribute 2 claims 200 bytes
  const a = new Attributes(bytes, 16, bytes.length);
  t.deepEqual(a.types(), [1]);
  t.is(a.u32(1), 10);
  // A length below the header's own 4 bytes as well.
  new DataView(bytes.buffer).setUint16(16 + 8, 2, true);
  t.deepEqual(new Attributes(bytes, 16, bytes.length).types(), [1]);
});

test('several messages in one datagram; a length past the datagram is an error', (t) => {
  const one = new MessageBuilder(16, 2).finish(1), two = new MessageBuilder(3, 2).finish(1);
  const both = new Uint8Array([...one, ...two]);
  t.deepEqual(parseMessages(both).map((m) => m.type), [16, 3]);
  const lying = both.slice();
  new DataView(lying.buffer).setUint32(16, 400, true);
  t.throws(() => parseMessages(lying), { instanceOf: NetlinkFormatError, message: 'netlink: message at byte 16 claims 400 bytes, 16 left' });
  t.throws(() => parseMessages(both.subarray(0, 20)), { instanceOf: NetlinkFormatError, message: 'netlink: 4 bytes after the last message' });
  t.deepEqual(parseMessages(new Uint8Array(0)), []);
});

test('NLMSG_ERROR: an ack, an errno, and the extended-ack text after a capped request', (t) => {
  const error = (errno: number, flags: number, text?: string): Uint8Array => {
    const b = new MessageBuilder(NLMSG_ERROR, flags);
    const h = b.header(4 + 16);
    h.setInt32(0, errno, true);
    h.setUint32(4, 32, true);  // the echoed request's header: length 32 (capped: header only)
    h.setUint16(8, 18, true);
    if (text !== undefined) b.string(1, text);
    return b.finish(9);
  };
  t.deepEqual(parseError(parseMessages(error(0, 0))[0]!), { errno: 0, text: undefined });
  t.deepEqual(parseError(parseMessages(error(-19, NLM_F_CAPPED))[0]!), { errno: -19, text: undefined });
  t.deepEqual(parseError(parseMessages(error(-22, NLM_F_CAPPED | NLM_F_ACK_TLVS, 'Invalid target network namespace id'))[0]!),
    { errno: -22, text: 'Invalid target network namespace id' });
  const short = new MessageBuilder(NLMSG_ERROR, 0).finish(1);
  t.throws(() => parseError(parseMessages(short)[0]!), { instanceOf: NetlinkFormatError });
});
