// AppleTalk (src/output/text/atalk.ts) against the installed tcpdump 4.99.3: DDP over Ethernet,
// over SNAP (Apple's OUI) and in VXLAN, with every DDP type print-atalk.c names (ATP requests,
// responses, releases and unknown functions with every flag and bitmap shape; NBP lookups,
// broadcasts and replies with anomalies, long and cut names; RTMP, echo, ZIP, IP, ARP, KLAP,
// EIGRP, unknown), AARP of every operation and malformed ones, LocalTalk (LINKTYPE_LTALK)
// frames with short and long DDP headers, and LocalTalk frames in UDP ("kip") on the ports of
// DDP-in-UDP beside the ports print-udp.c tests before and after it — whole and cut at many
// lengths, no flag, -v, -vv, -e, -x, -X, -q.
import test from 'ava';
import { be16, be32, bytes, concat, ether, ipv4, mac, udp } from '../helpers/frames.js';
import { Oracle, withCuts } from '../helpers/oracle.js';

const oracle = new Oracle();
test.after.always(() => oracle.cleanup());

const SRC = '08:00:07:11:22:33', DST = '08:00:07:44:55:66';

interface DdpF { snet?: number; snode?: number; sskt?: number; dnet?: number; dnode?: number; dskt?: number; type: number; hops?: number }
/** The 13-byte long DDP header. */
const ddpHeader = (f: DdpF, len: number): Uint8Array => concat(be16(((f.hops ?? 0) << 10) | ((len + 13) & 0x3ff)), be16(0),
  be16(f.dnet ?? 0x1234), be16(f.snet ?? 0xff00), bytes(f.dnode ?? 7, f.snode ?? 200, f.dskt ?? 2, f.sskt ?? 253, f.type));
const ddp = (f: DdpF, payload: Uint8Array): Uint8Array => concat(ddpHeader(f, payload.length), payload);

/** ATP's header: control, bitmap, transaction id, user data; then `extra` bytes. */
const atp = (control: number, bitmap: number, tid: number, user = 0, extra = 0): Uint8Array =>
  concat(bytes(control, bitmap), be16(tid), be32(user), new Uint8Array(extra).fill(0x41));
/** A counted string. */
const cstr = (s: string): Uint8Array => concat(bytes(s.length), Buffer.from(s, 'latin1'));
/** An NBP tuple: network, node, socket, enumerator, then object, type and zone. */
const tuple = (net: number, node: number, skt: number, e: number, obj: string, type: string, zone: string): Uint8Array =>
  concat(be16(net), bytes(node, skt, e), cstr(obj), cstr(type), cstr(zone));

function atpPayloads(): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const fn of [0x40, 0x80, 0xc0, 0x00]) {
    for (const flags of [0, 0x08, 0x10, 0x18, 0x20, 0x28, 0x30, 0x38, 0x07]) {
      for (const bitmap of [0, 1, 0x03, 0xff, 0x05, 0x80, 0x7e]) out.push(atp(fn | flags, bitmap, 0x1000 + bitmap, bitmap === 5 ? 0xcafe : 0, flags === 0x10 ? 6 : 0));
    }
  }
  return out;
}

function nbpPayloads(): Uint8Array[] {
  const me = (e: number): Uint8Array => tuple(0xff00, 200, 253, e, 'LaserWriter', 'LaserWriter', '*');
  return [
    concat(bytes(0x21, 5), me(0)),                                        // lookup, clean
    concat(bytes(0x11, 6), me(0)),                                        // broadcast request
    concat(bytes(0x23, 7), tuple(1, 2, 3, 4, 'obj', 'type', 'zone')),     // anomalies: ntup, enum, addr
    concat(bytes(0x31, 8), me(1)),                                        // reply, one tuple
    concat(bytes(0x33, 9), me(1), tuple(0xff00, 200, 9, 2, 'a', 'b', 'c'), tuple(5, 6, 253, 1, 'x\x01\xff', 'y', 'z')),
    concat(bytes(0x32, 9), me(1)),                                        // says 2 tuples, has 1
    concat(bytes(0x21, 5), be16(1), bytes(2, 3, 0), bytes(40), new Uint8Array(40).fill(0x61)), // a name longer than 32
    concat(bytes(0x31, 5), be16(1), bytes(2, 3, 1), cstr('only'), bytes(33)),
    concat(bytes(0x41, 3), me(0)),                                        // unknown function
    concat(bytes(0x01, 3), me(0)),
    bytes(0x21, 1),                                                       // no room for a tuple
    bytes(0x21),
    concat(bytes(0x21, 1), be16(1), bytes(2, 3, 0, 0, 0)),                // just a tuple, empty strings... no zone
  ];
}

function ddpFrames(): Uint8Array[] {
  const frames: Uint8Array[] = [];
  const e = (p: Uint8Array): Uint8Array => ether(DST, SRC, 0x809b, p);
  for (const p of atpPayloads()) frames.push(e(ddp({ type: 3 }, p)));
  for (const p of nbpPayloads()) frames.push(e(ddp({ type: 2, dskt: 2, sskt: 253 }, p)));
  for (const type of [1, 4, 5, 6, 22, 23, 0x4b, 0, 99, 255]) frames.push(e(ddp({ type, dskt: type, sskt: 1, dnode: 255, hops: 3 }, bytes(1, 2, 3, 4, 5, 6, 7, 8))));
  // EIGRP over AppleTalk: a hello.
  frames.push(e(ddp({ type: 88 }, concat(bytes(2, 5), be16(0), be32(0), be32(0), be32(0), be32(100), be16(1), be16(12), bytes(1, 0, 1, 0, 0, 15)))));
  frames.push(e(ddp({ type: 3 }, atp(0x40, 1, 1).subarray(0, 6))));    // ATP shorter than its header
  frames.push(e(ddpHeader({ type: 3 }, 0).subarray(0, 10)));           // DDP shorter than its header
  frames.push(e(bytes()));
  // SNAP (802.3 + LLC + OUI 08-00-07) and AARP by SNAP 00-00-00.
  const snap = (oui: number, pid: number, p: Uint8Array): Uint8Array => {
    const body = concat(bytes(0xaa, 0xaa, 0x03, oui >> 16, (oui >> 8) & 255, oui & 255), be16(pid), p);
    return concat(mac(DST), mac(SRC), be16(body.length), body);
  };
  frames.push(snap(0x080007, 0x809b, ddp({ type: 3 }, atp(0x50, 7, 99))));
  frames.push(snap(0x080007, 0x809b, ddp({ type: 2 }, nbpPayloads()[0]!)));
  frames.push(snap(0x000000, 0x80f3, aarp(1, 2, 1)));
  // In VXLAN.
  const vx = concat(bytes(8, 0, 0, 0), bytes(0, 0, 42, 0), e(ddp({ type: 3 }, atp(0x90, 3, 7))));
  frames.push(ether(DST, SRC, 0x0800, ipv4({ src: '10.0.0.1', dst: '10.0.0.2', proto: 17 }, udp(40000, 4789, vx))));
  return frames;
}

/** An AARP packet: hardware type, protocol type, op, with the lengths given. */
function aarp(htype: number, op: number, ptypeOk = 1, halen = 6, palen = 4): Uint8Array {
  return concat(be16(htype), be16(ptypeOk ? 0x809b : 0x0800), bytes(halen, palen), be16(op),
    mac('08:00:07:aa:bb:cc'), bytes(0, 0xff, 0x01, 42), mac('00:00:00:00:00:00'), bytes(0, 0x12, 0x34, 255));
}

function aarpFrames(): Uint8Array[] {
  const e = (p: Uint8Array): Uint8Array => ether(DST, SRC, 0x80f3, p);
  const frames = [1, 2, 3, 4, 0].map((op) => e(aarp(1, op)));
  frames.push(e(aarp(6, 1)), e(aarp(1, 1, 0)), e(aarp(1, 2, 1, 8)), e(aarp(1, 3, 1, 6, 2)), e(concat(aarp(1, 1), bytes(1, 2, 3))));
  frames.push(e(aarp(1, 1).subarray(0, 20)));
  return frames;
}

/** LocalTalk frames: LAP header (dst, src, type), then a short or long DDP header. */
function ltalkFrames(): Uint8Array[] {
  const sddp = (dskt: number, sskt: number, type: number, p: Uint8Array): Uint8Array => concat(be16(p.length + 5), bytes(dskt, sskt, type), p);
  const frames: Uint8Array[] = [];
  for (const p of [...atpPayloads().slice(0, 40), ...nbpPayloads()]) {
    frames.push(concat(bytes(0x12, 0x34, 1), sddp(2, 253, p.length === 8 ? 3 : 2, p)));
    frames.push(concat(bytes(0xff, 0x34, 2), ddp({ type: p.length === 8 ? 3 : 2 }, p)));
  }
  for (const type of [1, 4, 6, 99]) frames.push(concat(bytes(0x12, 255, 1), sddp(type, 4, type, bytes(1, 2, 3))));
  for (const lap of [0, 3, 0x4b, 0x80]) frames.push(concat(bytes(5, 6, lap), bytes(1, 2, 3, 4)));
  frames.push(bytes(1, 2), bytes(1, 2, 1, 0), bytes(1, 2, 2, 0, 0, 0, 0));
  return frames;
}

/** DDP where tcpdump calls atalk_print itself (no `et1 `): GRE and BSD loopback (AF 16); ARCNET's system code 221 (with it). */
function otherLinks(): { gre: Uint8Array[]; nul: Uint8Array[]; arcnet: Uint8Array[] } {
  const payloads = [ddp({ type: 3 }, atp(0x50, 7, 99, 1)), ddp({ type: 2 }, nbpPayloads()[3]!), ddp({ type: 6 }, bytes(1, 2)), ddpHeader({ type: 1 }, 0).subarray(0, 9)];
  const gre = payloads.map((p) => ether(DST, SRC, 0x0800, ipv4({ src: '10.0.0.1', dst: '10.0.0.2', proto: 47 }, concat(be16(0), be16(0x809b), p))));
  const nul = payloads.map((p) => concat(bytes(16, 0, 0, 0), p));
  const arcnet = payloads.map((p) => concat(bytes(1, 2, 221, 0, 0, 1), p));
  return { gre, nul, arcnet };
}

const FLAGS = [[], ['-v'], ['-vv'], ['-e'], ['-x'], ['-v', '-X'], ['-q']];

test('AppleTalk DDP: ATP, NBP and every other DDP type over Ethernet, SNAP and VXLAN, whole and cut', (t) => {
  const frames = ddpFrames();
  t.true(frames.length > 270, `${frames.length} frames`);
  oracle.compare(t, 1, withCuts(frames, [14, 16, 20, 26, 27, 28, 30, 32, 34, 36, 40, 44, 48, 52, 56, 60, 70, 80]), FLAGS);
});

test('AppleTalk AARP: every operation, malformed and short packets, whole and cut', (t) => {
  oracle.compare(t, 1, withCuts(aarpFrames(), [14, 15, 20, 30, 40, 41, 42]), FLAGS);
});

test('LocalTalk (LINKTYPE_LTALK): short and long DDP headers, other LAP types, short frames, whole and cut', (t) => {
  oracle.compare(t, 114, withCuts(ltalkFrames(), [1, 2, 3, 4, 6, 8, 10, 12, 14, 16, 18, 20, 24, 28, 32, 40]), FLAGS);
});

test('DDP in GRE, BSD loopback (LINKTYPE_NULL, AF 16) and ARCNET (system code 221), whole and cut', (t) => {
  const { gre, nul, arcnet } = otherLinks();
  oracle.compare(t, 1, withCuts(gre, [40, 44, 48, 50, 52, 56, 60, 66]), FLAGS);
  oracle.compare(t, 0, withCuts(nul, [3, 4, 6, 10, 16, 18, 20, 24]), FLAGS);
  oracle.compare(t, 7, withCuts(arcnet, [3, 5, 6, 8, 12, 18, 20, 24, 26]), FLAGS);
});

/**
 * LocalTalk frames in UDP (print-udp.c's kip): a LAP type of 2 and a port in 200-327, 768-895 or
 * 16512-16639 on either side; beside ports tcpdump tests before kip (DNS, ISAKMP, MPLS, BCM-LI's
 * source port) and after it (PTP, SOME/IP), NFS's port (not an RPC message), other LAP types, and
 * ports outside the ranges.
 */
function kipFrames(): Uint8Array[] {
  const frames: Uint8Array[] = [];
  const u = (sport: number, dport: number, p: Uint8Array): Uint8Array =>
    ether(DST, SRC, 0x0800, ipv4({ src: '10.0.0.1', dst: '10.0.0.2', proto: 17 }, udp(sport, dport, p)));
  const lap = (type: number, p: Uint8Array): Uint8Array => concat(bytes(9, 8, type), p);
  const payloads = [ddp({ type: 3 }, atp(0x40, 1, 0x1001)), ddp({ type: 2 }, nbpPayloads()[0]!), ddp({ type: 4 }, bytes(1, 2, 3, 4))];
  const ports: [number, number][] = [[201, 5000], [5000, 327], [328, 5000], [199, 767], [768, 40000], [40000, 895], [896, 16511], [16512, 9], [9, 16639], [16640, 16000],
    [319, 319], [320, 40000], [201, 30490], [49152, 201], [201, 49152], [201, 6635], [500, 201], [201, 53], [201, 2049], [2049, 800]];
  for (const [s, d] of ports) for (const p of payloads) frames.push(u(s, d, lap(2, p)));
  for (const type of [1, 0, 3]) frames.push(u(201, 202, lap(type, payloads[0]!)));
  frames.push(u(201, 202, bytes(9, 8)), u(201, 202, bytes(9, 8, 2)));
  return frames;
}

test('AppleTalk in UDP (kip): the encapsulation ports, beside the ports tcpdump tests before and after it, whole and cut', (t) => {
  const frames = kipFrames();
  t.true(frames.length > 60, `${frames.length} frames`);
  oracle.compare(t, 1, withCuts(frames, [42, 43, 44, 45, 46, 50, 58, 60]), FLAGS);
});
