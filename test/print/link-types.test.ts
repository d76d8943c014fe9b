// Link types beyond Ethernet, cooked and loopback — SLIP, vsock, Cisco HDLC, Marvell and Broadcom
// switch tags, MACsec and Arista inside Ethernet, IPoIB, NFLOG, PPP/PPP_SERIAL/PPPoE — built
// here, printed by bin/vcap and by the installed tcpdump with the same flags, whole and cut at
// every length: the outputs must be identical.
import test from 'ava';
import { be16, be32, bytes, concat, ether, fromHex, ipv4, ipv6, tcp, udp } from '../helpers/frames.js';
import { Oracle, withCuts } from '../helpers/oracle.js';

const oracle = new Oracle();
test.after.always(() => oracle.cleanup());

const FLAGS = [[], ['-e'], ['-v'], ['-vv', '-e'], ['-x'], ['-q', '-e']];
const text = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'latin1'));
const le16 = (v: number): Uint8Array => bytes(v & 255, v >> 8);
const le32 = (v: number): Uint8Array => bytes(v & 255, (v >> 8) & 255, (v >> 16) & 255, v >>> 24);
const le64 = (v: number): Uint8Array => concat(le32(v), le32(0));
const v4udp = ipv4({ proto: 17, src: '10.0.0.1', dst: '10.0.0.2' }, udp(1234, 5678, text('hello')));
const v4tcp = ipv4({ proto: 6, src: '10.0.0.1', dst: '10.0.0.2' }, tcp({ sport: 1234, dport: 80 }, text('data!')));
const v6udp = ipv6({ nh: 17, src: 'fe80::1', dst: 'fe80::2' }, udp(1, 2, text('six')));
/** Every cut from 0 to the frame's length (a frame's header and the start of what it carries). */
const everyCut = (frames: Uint8Array[]): number[] => [...Array(Math.max(...frames.map((f) => f.length))).keys()].slice(1);

test('SLIP: directions, IP, uncompressed and compressed TCP (every change flag), unknown framing, IPv6, cut short', (t) => {
  const hdr = (dir: number, chdr: number, rest: Uint8Array = new Uint8Array(14)): Uint8Array => concat(bytes(dir, chdr), rest);
  const utcp = new Uint8Array(14); utcp[8] = 3;   // the connection number, in the header copy's protocol field
  const frames = [
    concat(hdr(0, 0x45), v4udp), concat(hdr(1, 0x45), v4udp), concat(hdr(7, 0x45), v4udp),
    concat(hdr(0, 0x70, utcp), v4tcp), concat(hdr(9, 0x70, utcp), v4tcp),
    concat(hdr(0, 0x20), v4udp), concat(hdr(1, 0x45), v6udp), concat(hdr(0, 0x45), bytes(0x75, 0, 0, 0)),
  ];
  // Compressed TCP: flags, connection (C), checksum, then the changes (0 + two bytes for large ones).
  for (const [flags, changes] of [
    [0xc0 | 0x0b, []], [0x80 | 0x0f, []], [0xc0 | 0x01 | 0x02 | 0x04 | 0x20, [5, 0, 0x12, 0x34, 7, 9]],
    [0x80 | 0x02, [0, 0xff, 0xf0]], [0x80 | 0x08, [0, 1, 0]], [0x80 | 0x04 | 0x08, [1, 2]],
  ] as Array<[number, number[]]>) {
    const ch = concat(bytes(flags), flags & 0x40 ? bytes(3) : new Uint8Array(0), bytes(0xab, 0xcd), Uint8Array.from(changes));
    const pad = new Uint8Array(Math.max(0, 15 - ch.length));
    for (const dir of [0, 1]) frames.push(concat(bytes(dir), ch.subarray(0, 15), pad, v4tcp));
  }
  oracle.compare(t, 8, withCuts(frames, everyCut(frames)), FLAGS);
});

test('VSOCK: virtio and other transports, every operation, -vv payloads, cut short', (t) => {
  const virtio = (op: number, len: number): Uint8Array => concat(le64(3), le64(2), le32(1024), le32(1234), le32(len), le16(1), le16(op), le32(0), le32(262144), le32(6));
  const mon = (op: number, transport: number, payload: Uint8Array): Uint8Array =>
    concat(le64(3), le64(2), le32(1024), le32(1234), le16(op), le16(transport), le16(transport === 2 ? 44 : 0), bytes(0, 0), payload);
  const frames: Uint8Array[] = [];
  for (let op = 0; op <= 5; op++) frames.push(mon(op, 2, concat(virtio(op + 1, 6), op === 4 ? text('Hello\n') : new Uint8Array(0))));
  frames.push(mon(4, 2, virtio(5, 0)), mon(1, 1, new Uint8Array(0)), mon(4, 0, text('raw')), mon(2, 9, new Uint8Array(4)), mon(1, 2, virtio(9, 0)));
  const v = new Uint8Array(44); v[12] = 7;   // an unknown virtio type
  frames.push(mon(4, 2, v));
  oracle.compare(t, 271, withCuts(frames, everyCut(frames)), [[], ['-v'], ['-vv'], ['-e', '-x']]);
});

test('Cisco HDLC: IPv4, IPv6, SLARP request/reply/keepalive (with uptime, trailing junk), unknown types, cut short', (t) => {
  const h = (addr: number, type: number, payload: Uint8Array): Uint8Array => concat(bytes(addr, 0), be16(type), payload);
  const frames = [
    h(0x0f, 0x0800, v4udp), h(0x8f, 0x86dd, v6udp), h(0x0f, 0x8035, concat(be32(0), fromHex('0a000001ffffff00'), bytes(0, 0))),
    h(0x0f, 0x8035, concat(be32(1), fromHex('0a000001ffffff00'), bytes(0xff, 0xff))),
    h(0x0f, 0x8035, concat(be32(2), be32(0xd0a31), be32(0x57405e26), be16(0x4ff))),
    h(0x0f, 0x8035, concat(be32(2), be32(1), be32(2), be16(0xffff), be32(4294967295))),
    h(0x0f, 0x8035, concat(be32(2), be32(1), be32(2), be16(3), be32(86400000), bytes(1, 2, 3, 4))),
    h(0x0f, 0x8035, concat(be32(7), be32(1), be32(2), be16(3))), h(0x0f, 0x8035, bytes(0, 0, 0, 2, 1)),
    h(0x42, 0x9999, bytes(1, 2, 3)),
  ];
  oracle.compare(t, 104, withCuts(frames, everyCut(frames)), FLAGS);
});

test('Marvell DSA and EDSA tags: every mode, tagged/untagged, CFI, trunk, codes, VLAN and 802.3 inside, cut short', (t) => {
  const macs = fromHex('d618e269ee0102f0bbed000f');
  const dsa: Uint8Array[] = [], edsa: Uint8Array[] = [];
  for (const [b0, b1, b2, b3] of [[0xc0, 0x10, 0x05, 0x39], [0x40, 0x10, 0x00, 0x00], [0x00, 0x16, 0x10, 0x01], [0x82, 0x0c, 0xa0, 0x02],
    [0xe1, 0x15, 0xef, 0xff], [0x3f, 0xff, 0xff, 0xff], [0x80, 0x00, 0x00, 0x00]]) {
    for (const inner of [concat(be16(0x0800), v4udp), concat(be16(0x8100), be16(100), be16(0x0800), v4udp), concat(be16(8), fromHex('424203000000'))]) {
      dsa.push(concat(macs, bytes(b0!, b1!, b2!, b3!), inner));
      edsa.push(concat(macs, be16(0xdada), bytes(0, 7), bytes(b0!, b1!, b2!, b3!), inner));
    }
  }
  oracle.compare(t, 284, withCuts(dsa, everyCut(dsa.slice(0, 2))), FLAGS);
  oracle.compare(t, 285, withCuts(edsa, everyCut(edsa.slice(0, 2))), FLAGS);
});

test('Broadcom tags: ingress and egress, every reason code, inside the header and prepended, cut short', (t) => {
  const macs = fromHex('ffffffffffff00101 8de381e'.replace(' ', ''));
  const tags = [[0x20, 0x00, 0x00, 0x80], [0x20, 0x1f, 0x01, 0xff], [0x00, 0x05, 0x20, 0x45], [0x00, 0x00, 0x01, 0xff], [0x00, 0x07, 0xc0, 0x00],
    [0x40, 0x00, 0x04, 0x00], [0x00, 0x00, 0x10, 0x00]].map((b) => Uint8Array.from(b));
  const inline = tags.map((tag) => concat(macs, tag, be16(0x0800), v4udp));
  const prepend = tags.map((tag) => concat(tag, macs, be16(0x0800), v4udp));
  oracle.compare(t, 281, withCuts(inline, everyCut(inline.slice(0, 1))), FLAGS);
  oracle.compare(t, 282, withCuts(prepend, everyCut(prepend.slice(0, 1))), FLAGS);
});

test('MACsec: integrity only (with and without SCI, short length), encrypted, bad version, VLAN inside, cut short', (t) => {
  const icv = new Uint8Array(16).fill(0xee);
  const sci = fromHex('2eb73f3995c30001');
  const E = (payload: Uint8Array): Uint8Array => ether('3e:6f:f3:74:23:7c', '2e:b7:3f:39:95:c3', 0x88e5, payload);
  const udpSmall = ipv4({ proto: 17, src: '10.0.0.1', dst: '10.0.0.2' }, udp(1, 2, bytes(1, 2)));
  const frames = [
    E(concat(bytes(0x20, 0), be32(68), sci, be16(0x0800), v4udp, icv)),
    E(concat(bytes(0x01, 0), be32(69), be16(0x0800), v4udp, icv)),
    E(concat(bytes(0x20, 2 + udpSmall.length), be32(70), sci, be16(0x0800), udpSmall, new Uint8Array(6), icv)),
    E(concat(bytes(0x2c, 0), be32(72), sci, new Uint8Array(40).fill(0x5a), icv)),
    E(concat(bytes(0x48, 0), be32(73), new Uint8Array(30).fill(1), icv)),
    E(concat(bytes(0xa0, 0), be32(74), sci, be16(0x0800), v4udp, icv)),
    E(concat(bytes(0x20, 0x45), be32(75), sci, be16(0x0800), v4udp, icv)),
    E(concat(bytes(0x20, 0), be32(76), sci, be16(0x8100), be16(5), be16(0x0800), v4udp, icv)),
    E(concat(bytes(0x20, 0), be32(77), sci, bytes(0x08))),
  ];
  oracle.compare(t, 1, withCuts(frames, everyCut(frames.slice(0, 2))), FLAGS);
});

test('Arista timestamps: 64-bit and 48-bit formats, TAI/UTC, unknown subtype and format, VLAN and MPLS inside, cut short', (t) => {
  const A = (sub: number, ts: number, fmt: number, time: Uint8Array, inner: Uint8Array): Uint8Array =>
    ether('00:00:00:00:00:01', '00:11:22:33:44:55', 0xd28b, concat(be16(sub), bytes(ts, fmt), time, inner));
  const frames = [
    A(1, 0, 0x10, concat(be32(1559162199), be32(944724424)), concat(be16(0x0800), v4udp)),
    A(1, 1, 0x11, concat(be32(1559162199), be32(3944724424)), concat(be16(0x8100), be16(100), be16(0x0800), v4udp)),
    A(1, 0, 0x20, concat(be16(1234), be32(2999999999)), concat(be16(0x86dd), v6udp)),
    A(1, 5, 0x3f, concat(be32(1), be32(2)), concat(be16(0x0800), v4udp)),
    A(2, 0, 0x10, concat(be32(1), be32(2)), concat(be16(0x0800), v4udp)),
    A(1, 0, 0x10, concat(be32(1), be32(2)), concat(be16(0x0040), fromHex('424203000000'))),
  ];
  oracle.compare(t, 1, withCuts(frames, everyCut(frames.slice(0, 1))), FLAGS);
});

test('IPoIB: IPv4, IPv6, ARP and unknown EtherTypes, cut short', (t) => {
  const addr = fromHex('00000048fe800000000000000002c9030002a5a3');
  const I = (type: number, payload: Uint8Array): Uint8Array => concat(addr, addr, be16(type), bytes(0, 0), payload);
  const frames = [I(0x0800, v4udp), I(0x86dd, v6udp), I(0x1234, bytes(1, 2, 3, 4)), I(0x0806, fromHex('00200800140401000000'))];
  oracle.compare(t, 242, withCuts(frames, everyCut(frames.slice(0, 1))), FLAGS);
});

test('NFLOG: TLVs before the payload, IPv4 and IPv6, unknown families and versions, bad TLV lengths, cut short', (t) => {
  const tlv = (type: number, value: Uint8Array): Uint8Array => {
    const pad = (4 - ((value.length + 4) % 4)) % 4;
    return concat(le16(value.length + 4), le16(type), value, new Uint8Array(pad));
  };
  const N = (family: number, version: number, ...tlvs: Uint8Array[]): Uint8Array => concat(bytes(family, version), be16(20), ...tlvs);
  const frames = [
    N(2, 0, tlv(1, bytes(8, 0, 3, 0)), tlv(10, text('prefix\0')), tlv(9, v4udp)),
    N(10, 0, tlv(3, new Uint8Array(16)), tlv(9, v6udp)),
    N(7, 0, tlv(9, bytes(1, 2, 3))), N(2, 1, tlv(9, v4udp)),
    N(2, 0, concat(le16(2), le16(1)), tlv(9, v4udp)), N(2, 0, concat(le16(0xfffd), le16(1)), tlv(9, v4udp)),
    N(2, 0, tlv(1, bytes(1, 2, 3, 4))),
  ];
  oracle.compare(t, 239, withCuts(frames, everyCut(frames.slice(0, 1))), FLAGS);
});

/** A control packet: code, id, length, data. */
const cp = (code: number, id: number, data: Uint8Array, length = data.length + 4): Uint8Array => concat(bytes(code, id), be16(length), data);
const opt = (type: number, value: Uint8Array): Uint8Array => concat(bytes(type, value.length + 2), value);

/** PPP packets of every kind tcpdump's print-ppp.c knows (protocol, packet). */
function pppPackets(): Array<[number, Uint8Array]> {
  const lcpOpts = concat(opt(1, be16(1500)), opt(2, be32(0)), opt(3, bytes(0xc2, 0x23, 5)), opt(3, be16(0xc023)), opt(3, be16(0x1234)),
    opt(4, be16(0xc025)), opt(5, be32(0x12345678)), opt(7, new Uint8Array(0)), opt(8, new Uint8Array(0)), opt(13, bytes(6)),
    opt(17, be16(1600)), opt(19, bytes(2, 10, 0, 0, 1)), opt(19, bytes(3, 2, 0, 0, 0, 0, 1)), opt(19, bytes(1, 7, 7)), opt(19, bytes(9)),
    opt(23, be16(7)), opt(0, fromHex('00000c0102')), opt(9, bytes(1)), opt(40, bytes(1, 2)), opt(1, be32(1)));
  const ipcpOpts = concat(opt(3, fromHex('0a000001')), opt(129, fromHex('08080808')), opt(1, fromHex('0a0000010a000002')),
    opt(2, be16(0x2d)), opt(2, concat(be16(0x61), be16(15), be16(16), be16(256), be16(5), be16(168), bytes(1, 2, 2, 3, 0))), opt(99, bytes(1)));
  return [
    [0x21, v4udp], [0x0021, v4tcp], [0x57, v6udp], [0x0800, v4udp], [0x2f, v4udp], [0xfd, bytes(1, 2)], [0x3d, bytes(0xc1, 0x23, 0, 0)],
    [0x1234, bytes(1, 2, 3)], [0x0281, concat(fromHex('000641ff'), v4udp)],
    [0xc021, cp(1, 1, lcpOpts)], [0xc021, cp(2, 2, opt(1, be16(1492)))], [0xc021, cp(4, 3, opt(5, be32(1)))],
    [0xc021, cp(5, 4, text('bye'))], [0xc021, cp(8, 5, concat(be16(0x8057), bytes(1, 2, 3, 4)))], [0xc021, cp(9, 6, concat(be32(0xdeadbeef), text('extra')))],
    [0xc021, cp(10, 7, be32(0xdeadbeef))], [0xc021, cp(12, 8, concat(be32(1), text('hello')))], [0xc021, cp(13, 9, concat(be32(1), be32(3600)))],
    [0xc021, cp(0, 10, concat(be32(1), fromHex('00000c01')))], [0xc021, cp(20, 11, bytes(1, 2))], [0xc021, cp(1, 12, new Uint8Array(0))],
    [0xc021, cp(1, 13, opt(1, be16(1)), 2)], [0xc021, cp(1, 14, opt(1, be16(1)), 200)],
    [0x8021, cp(1, 1, ipcpOpts)], [0x8021, cp(3, 2, opt(2, concat(be16(0x61), be16(1))))],
    [0x8057, cp(1, 1, concat(opt(1, fromHex('0211223344556677')), opt(1, bytes(1)), opt(9, bytes(1, 2))))],
    [0x80fd, cp(1, 1, concat(opt(21, bytes(0x2f)), opt(24, bytes(0xe5, 3)), opt(26, bytes(0x78, 0x05)), opt(18, be32(0x01000000))))],
    [0xc02b, cp(1, 1, concat(opt(1, be32(0x11223344)), opt(2, bytes(1))))], [0x8023, cp(1, 1, bytes(1, 2))],
    [0xc223, cp(1, 1, concat(bytes(4), be32(0x01020304), text('server')))], [0xc223, cp(2, 1, concat(bytes(2), bytes(0xaa, 0xbb), text('me\x01')))],
    [0xc223, cp(3, 1, text('Welcome'))], [0xc223, cp(4, 1, text(''))], [0xc223, bytes(1, 2)],
    [0xc023, cp(1, 1, concat(bytes(4), text('user'), bytes(4), text('pass')))], [0xc023, cp(2, 1, concat(bytes(2), text('ok')))],
    [0xc023, cp(3, 1, bytes(0))], [0xc023, cp(2, 1, new Uint8Array(0))], [0xc023, cp(1, 1, bytes(9, 1), 50)],
  ];
}

test('PPP: IP, IPv6, MPLS, LCP/IPCP/IP6CP/CCP/BACP options, PAP, CHAP, ML-PPP, unknown protocols; PFC and pppd headers; cut short', (t) => {
  const frames: Uint8Array[] = [];
  for (const [proto, pkt] of pppPackets()) {
    frames.push(concat(bytes(0xff, 3), be16(proto), pkt));
    if (proto < 0x100 && proto & 1) frames.push(concat(bytes(proto), pkt));
  }
  frames.push(concat(bytes(0, 3), be16(0x21), v4udp), concat(bytes(1, 3), be16(0xc021), cp(9, 1, be32(1))), concat(be16(0x21), v4udp));
  oracle.compare(t, 9, withCuts(frames, [1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 20, 24, 30]), [[], ['-e'], ['-v'], ['-vv', '-e'], ['-x']]);
});

test('PPP_SERIAL: RFC 1662 framing, Cisco HDLC framing, unknown addresses, cut short', (t) => {
  const frames = [
    concat(bytes(0xff, 3), be16(0x21), v4udp), concat(bytes(0xff, 3), be16(0xc021), cp(1, 1, opt(1, be16(1500)))),
    concat(bytes(0x0f, 0), be16(0x0800), v4udp), concat(bytes(0x8f, 0), be16(0x8035), be32(0), new Uint8Array(10)),
    concat(bytes(0x42, 7), be16(0x21), v4udp), concat(bytes(0xff, 3), be16(0x9999), bytes(1, 2)),
  ];
  oracle.compare(t, 50, withCuts(frames, everyCut(frames.slice(0, 1))), FLAGS);
});

test('PPPoE: discovery tags (text, hex, empty, unknown, EOL), sessions carrying PPP, bad versions and lengths; PPP_ETHER; cut short', (t) => {
  const tag = (type: number, value: Uint8Array): Uint8Array => concat(be16(type), be16(value.length), value);
  const D = (code: number, session: number, tags: Uint8Array, verType = 0x11, len = tags.length): Uint8Array =>
    concat(bytes(verType, code), be16(session), be16(len), tags);
  const pppoe = [
    D(0x09, 0, concat(tag(0x101, new Uint8Array(0)), tag(0x120, be16(1500)), tag(0x103, be32(0x16372c16)))),
    D(0x07, 0, concat(tag(0x102, text('access-concentrator')), tag(0x104, fromHex('0011223344')), tag(0x999, text('x')), tag(0, new Uint8Array(0)), tag(0x101, text('after')))),
    D(0x65, 0x1234, tag(0x101, text('a'.repeat(100)))), D(0xa7, 0x1234, new Uint8Array(0)), D(0x42, 0, tag(0x203, text('err'))),
    D(0x09, 0, tag(0x101, new Uint8Array(0)), 0x23), D(0x09, 0, tag(0x101, new Uint8Array(0)), 0x11, 1500), D(0x19, 0, tag(0x101, text('x')), 0x11, 40),
    D(0, 0x1234, concat(be16(0xc021), cp(1, 1, opt(1, be16(1492))))), D(0, 0x1234, concat(be16(0x21), v4udp)),
    D(0, 0x1234, concat(bytes(0xff, 3), be16(0x57), v6udp)), D(0, 1, concat(be16(0x21), v4udp), 0x11, 10),
  ];
  const eth = pppoe.map((p, i) => ether('ff:ff:ff:ff:ff:ff', '00:0c:29:90:3a:8b', i < 8 ? 0x8863 : 0x8864, p));
  oracle.compare(t, 1, withCuts(eth, everyCut(eth.slice(0, 2))), FLAGS);
  oracle.compare(t, 51, withCuts(pppoe, everyCut(pppoe.slice(0, 1))), FLAGS);
});

test('Juniper: extension TLVs, no-L2 frames, cookies (LS, AS), Ethernet/PPP/C-HDLC/ES/services/monitor/ATM1/ATM2/PPPoE-ATM PICs, cut short', (t) => {
  const mgc = (flags: number, ext?: Uint8Array): Uint8Array => concat(bytes(0x4d, 0x47, 0x43, flags), ext ? concat(be16(ext.length), ext) : new Uint8Array(0));
  const tlvs = concat(bytes(1, 4), le32(7), bytes(3, 1, 1), bytes(6, 1, 14), bytes(2, 4), text('ge-0'), bytes(200, 2), be16(300), bytes(5, 3, 1, 2, 3));
  const eth = ether('00:50:56:8b:5e:9f', '00:50:56:8b:6d:de', 0x0800, v4udp);
  const cases: Array<[number, Uint8Array[]]> = [
    [178, [concat(mgc(0x80, tlvs), eth), concat(mgc(0x01), eth), concat(mgc(0x82, tlvs), bytes(0, 0, 0, 0), v4udp), concat(mgc(0x02), new Uint8Array(4), bytes(0x12)),
      concat(mgc(0x80, concat(bytes(1, 60), new Uint8Array(4))), eth), concat(bytes(1, 2, 3, 0), eth)]],
    [179, [concat(mgc(0x01), bytes(0xff, 3), be16(0x21), v4udp)]],
    [181, [concat(mgc(0x00), bytes(0x0f, 0), be16(0x0800), v4udp)]],
    [132, [concat(mgc(0x00), be16(7), bytes(64, 3), be32(0x1234), fromHex('0a0000010a000002'), v4udp), concat(mgc(0x01), be16(7), bytes(64, 1), be32(0), new Uint8Array(8), v4udp),
      concat(mgc(0x00), be16(7), bytes(64, 9), be32(0), new Uint8Array(8), v4udp)]],
    [136, [concat(mgc(0x00), bytes(0x47, 1, 2, 3, 4, 5, 6, 7), bytes(1, 2), be16(3), bytes(0), bytes(0, 0, 9), v4udp)]],
    [164, [concat(mgc(0x00), new Uint8Array(8), bytes(1, 0), be16(4), be32(5), v4udp)]],
    [137, [concat(mgc(0x01), bytes(1, 2, 3, 4), v4udp), concat(mgc(0x00), bytes(0x54, 2, 3, 4, 5, 6), fromHex('aaaa030000000800'), v4udp), concat(mgc(0x00), bytes(0x80, 0, 0, 0), oamCell(0x18, 0))]],
    [135, [concat(mgc(0x00), bytes(1, 2, 3, 4, 5, 6, 7, 0), be16(0x21), v4udp), concat(mgc(0x00), bytes(0, 0, 0, 5, 5, 6, 7, 0), eth),
      concat(mgc(0x01), bytes(1, 2, 3, 4, 5, 6, 7, 0x10), be32(0x08000000), v4udp), concat(mgc(0x00), bytes(1, 2, 3, 4, 5, 6, 7, 0x10), oamCell(0x10, 0))]],
    [168, [concat(mgc(0x00), be16(0x8864), bytes(0x11, 0), be16(1), be16(v4udp.length + 2), be16(0x21), v4udp), concat(mgc(0x00), be16(0x1234), bytes(1))]],
  ];
  for (const [lt, frames] of cases) oracle.compare(t, lt, withCuts(frames, everyCut(frames.slice(0, 1))), [[], ['-e'], ['-vv', '-e'], ['-x']]);
});

/** An OAM cell: header (VPI 0, VCI 3 or 4), HEC (when `hec`), cell/function type, 45 bytes, CRC-10 field. */
function oamCell(typeFunc: number, hec: number, vci = 4): Uint8Array {
  const payload = new Uint8Array(48);
  payload[0] = typeFunc;
  for (let i = 1; i < 46; i++) payload[i] = (i * 37) & 0xff;
  return concat(be32((vci << 4) | 0xa), new Uint8Array(hec), payload);
}

test('ATM: SunATM (OAM loopback/AIS/RDI/PM cells, signalling VCIs, LLC/SNAP, LANE), RFC 1483 (SNAP, 802.6, NLPID), classical IP; cut short', (t) => {
  const sun = (dir: number, vpi: number, vci: number, payload: Uint8Array): Uint8Array => concat(bytes(dir, vpi), be16(vci), payload);
  const snap = concat(fromHex('aaaa03000000'), be16(0x0800), v4udp);
  const sunatm = [
    sun(0x82, 0, 4, oamCell(0x18, 1)), sun(0x02, 0, 3, oamCell(0x10, 1, 3)), sun(0x02, 0, 3, oamCell(0x11, 1, 3)), sun(0x02, 0, 4, oamCell(0x20, 1)),
    sun(0x02, 0, 4, oamCell(0x14, 1)), sun(0x02, 0, 4, oamCell(0xf0, 1)), sun(0x02, 0, 5, fromHex('0903000001000000')), sun(0x02, 0, 5, fromHex('0a03000001000000')),
    sun(0x02, 0, 2, bytes(1)), sun(0x02, 0, 1, bytes(1)), sun(0x82, 1, 32, snap), sun(0x01, 1, 32, bytes(1, 2, 3)), sun(0x00, 0, 40, snap),
  ];
  oracle.compare(t, 123, withCuts(sunatm, everyCut(sunatm.slice(0, 1))), [[], ['-e'], ['-v'], ['-vv', '-e'], ['-x']]);
  // (NLPID frames, fefe03 and Cisco's 03, go to an OSI printer vcap does not have yet.)
  const rfc = [snap, concat(new Uint8Array(20).fill(0x11), snap.subarray(0, 30)), concat(fromHex('060603'), v4udp)];
  oracle.compare(t, 100, withCuts(rfc, everyCut(rfc.slice(0, 1))), [[], ['-e'], ['-v'], ['-x']]);
  oracle.compare(t, 11, withCuts(rfc, [2, 9]), [[], ['-e']]);
  const clip = [snap, v4udp, concat(fromHex('aaaa03000000'), be16(0x1234), bytes(1, 2))];
  oracle.compare(t, 106, withCuts(clip, everyCut(clip.slice(0, 1))), [[], ['-e'], ['-v'], ['-x']]);
  oracle.compare(t, 19, withCuts(clip, [1, 5]), [[], ['-e']]);
});

test('Frame Relay: 2/3/4-byte addresses, flags, pad, NLPIDs (IP, IPv6, PPP, FRF.15, Q.933/LMI IEs), Cisco EtherTypes, bad addresses; cut short', (t) => {
  const addr2 = bytes(0x18, 0x41), addr3 = bytes(0x18, 0x40, 0x83), addr4 = bytes(0x18, 0x4e, 0x40, 0x83);
  const lmi = (ies: Uint8Array): Uint8Array => concat(addr2, bytes(0x03, 0x08), bytes(0x00, 0x7d), ies);
  const frames = [
    concat(addr2, bytes(0x03, 0xcc), v4udp), concat(addr3, bytes(0x03, 0x00, 0xcc), v4udp), concat(addr4, bytes(0x03, 0xcc), v4udp),
    concat(addr2, bytes(0x03, 0x00, 0x8e), v6udp), concat(addr2, bytes(0x03, 0xcf), be16(0x21), v4udp),
    concat(addr2, bytes(0x03, 0xb1), bytes(0xc1, 0x23), new Uint8Array(8)), concat(addr2, bytes(0x03, 0xb1), bytes(0x3e, 0x01)),
    lmi(concat(bytes(0x95), bytes(0x01, 0x01, 0x00), bytes(0x03, 0x02, 0x05, 0x04), bytes(0x07, 0x03, 0x01, 0x01, 0x8a))),
    lmi(concat(bytes(0x51, 0x01, 0x01), bytes(0x53, 0x02, 0x01, 0x02), bytes(0x57, 0x05, 0x01, 0x01, 0x01, 0x01, 0x81), bytes(0x42, 0x01, 0x07))),
    lmi(concat(bytes(0x99), bytes(0x07, 0x02, 0x81, 0x80), bytes(0x01, 0x00))), concat(addr2, bytes(0x03, 0x08), bytes(0x02, 0xab, 0xcd, 0x75)),
    concat(bytes(0x18, 0x41), be16(0x0800), v4udp), concat(bytes(0x18, 0x41), be16(0x1234), bytes(1, 2)),
    concat(bytes(0x19, 0x41), bytes(3, 0xcc)), concat(bytes(0x18, 0x40, 0x02, 0x02, 0x02), bytes(3, 0xcc)), concat(addr2, bytes(0x03, 0x42), bytes(1, 2, 3)),
  ];
  oracle.compare(t, 107, withCuts(frames, everyCut(frames.slice(0, 1))), [[], ['-e'], ['-v'], ['-vv', '-e'], ['-x'], ['-q', '-e']]);
});

test('SNAP over Frame Relay (NLPID 0x80) and LLC: EtherTypes, Cisco\'s CDP, VTP and UDLD, RFC 2684 bridged Ethernet and BPDUs, other OUIs and unknown IDs, over FRF.16 too; cut short', (t) => {
  const addr2 = bytes(0x18, 0x41);
  const snap = (oui: number, pid: number, payload: Uint8Array): Uint8Array => concat(addr2, bytes(0x03, 0x00, 0x80), bytes(oui >> 16, (oui >> 8) & 255, oui & 255), be16(pid), payload);
  const bridged = ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, v4udp);
  const bpdu = concat(bytes(0, 0, 0, 0, 0x01), bytes(0x80, 0, 2, 0, 0, 0, 0, 1), be32(4), bytes(0x80, 0, 2, 0, 0, 0, 0, 2), be16(0x8001), be16(256), be16(5120), be16(512), be16(3840));
  const vtp = concat(bytes(1, 2, 7, 6), text('campus'), new Uint8Array(26), be32(0x10),
    bytes(20, 0, 1, 6), be16(10), be16(1500), be32(0x100000a), text('vlan10'), bytes(0, 0));
  const frames = [
    snap(0, 0x0800, v4udp), snap(0, 0x86dd, v6udp), snap(0, 0x1234, bytes(1, 2, 3)), snap(0x0000f8, 0x0800, v4udp),
    snap(0x00000c, 0x2003, vtp), snap(0x00000c, 0x2000, concat(bytes(2, 180), be16(0), be16(1), be16(8), text('sw01'))),
    snap(0x00000c, 0x0111, concat(bytes(0x21, 0x01), be16(0), be16(1), be16(8), text('dev1'))), snap(0x00000c, 0x9999, bytes(1, 2)),
    snap(0x080007, 0x809b, bytes(1, 2, 3)),
    // RFC 2684 bridged frames: Ethernet without and with FCS, too short for its header, a BPDU.
    snap(0x0080c2, 0x0007, bridged), snap(0x0080c2, 0x0001, bridged), snap(0x0080c2, 0x0007, bytes(1, 2, 3, 4)), snap(0x0080c2, 0x000e, bpdu),
    concat(addr2, bytes(0x03, 0x80), bytes(0, 0)), concat(addr2, bytes(0x05, 0x03, 0x80), bytes(0, 0, 0x0c), be16(0x2003), vtp),
  ];
  const flags = [[], ['-e'], ['-v'], ['-vv', '-e'], ['-x'], ['-q']];
  oracle.compare(t, 107, withCuts(frames, [...everyCut(frames.slice(4, 5)), 30, 60]), flags);
  // The same bridged frames after LLC's SNAP header (RFC 1483 over ATM), where two bytes of padding come first.
  const llc = [concat(fromHex('aaaa030080c20007 0000'), bridged), concat(fromHex('aaaa030080c20001 0000'), bridged), fromHex('aaaa030080c20007 00'), concat(fromHex('aaaa030080c2000e'), bpdu)];
  oracle.compare(t, 100, withCuts(llc, [9, 10, 12, 20, 30]), flags);
  // FRF.16's first fragment carrying the frame (tcpdump's suite has fuzzed ones of these).
  oracle.compare(t, 182, withCuts(frames.map((f) => concat(bytes(0xc1, 0x23), f)), [8, 12, 40]), flags);
});

test('FRF.16 (MFR): control messages and their IEs, first fragments carrying Frame Relay, other fragments; cut short', (t) => {
  const ctrl = (msg: number, ies: Uint8Array): Uint8Array => concat(bytes(0xe0, 0x00, msg), ies);
  const frames = [
    ctrl(1, concat(bytes(1, 7), text('bundl'), bytes(2, 5, 0x6c, 0x6e, 0x6b), bytes(3, 6), be32(0xdeadbeef), bytes(3, 4, 1, 2), bytes(7, 4, 9, 9), bytes(9, 3, 1))),
    ctrl(4, concat(bytes(3, 6), be32(1), bytes(0, 4, 1, 1))), ctrl(9, bytes(2, 2)), concat(bytes(0xc1, 0x23), bytes(0x18, 0x41, 0x03, 0xcc), v4udp),
    concat(bytes(0x80, 0x05), bytes(0x18, 0x41, 0x03, 0xcc), v4udp.subarray(0, 20)), concat(bytes(0x40, 0x07), bytes(1, 2, 3, 4, 5)), bytes(0xe0, 0, 1),
  ];
  oracle.compare(t, 182, withCuts(frames, everyCut(frames.slice(0, 1))), [[], ['-e'], ['-v'], ['-vv'], ['-x']]);
});
