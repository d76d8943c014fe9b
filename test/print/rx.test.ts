// Rx / AFS (src/output/text/rx.ts) against the installed tcpdump 4.99.3: Rx packets built here —
// a call of every opcode of every AFS service (fs, cb, pt, vldb, kauth, vol, bos, and ubik inside
// pt, vldb and kauth) with arguments of two shapes, each followed by its data reply and its abort
// (printed by the call tcpdump's cache of calls finds), ack packets with runs of acks and nacks,
// every packet type and flag, UDP lengths that lie, IPv6 — printed whole and cut at many lengths, with -v to -vvv, -x,
// -X, -e and -q. tcpdump's own RX captures are cases of the suite (test/suite). Dates are local
// time: one run in a zone that is not UTC.
import test from 'ava';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { be16, be32, concat, ether, ipv4, ipv6, udp } from '../helpers/frames.js';
import { Oracle, pcap, withCuts } from '../helpers/oracle.js';
import { vcapBin } from '../helpers/netns.js';

const oracle = new Oracle();
test.after.always(() => oracle.cleanup());

const CLIENT = '10.1.0.5', SERVER = '10.2.0.9';

interface Hdr { call: number; seq?: number; serial?: number; type?: number; flags?: number; service?: number; secIndex?: number }
/** The 28-byte Rx header. */
function rxHeader(h: Hdr): Uint8Array {
  return concat(be32(0x3a5b7c9d), be32(0x1234abcd), be32(h.call), be32(h.seq ?? 1), be32(h.serial ?? 7),
    Uint8Array.from([h.type ?? 1, h.flags ?? 0, 0, h.secIndex ?? 2]), be16(0), be16(h.service ?? 1));
}
const words = (...v: number[]): Uint8Array => concat(...v.map((w) => be32(w >>> 0)));
/** An XDR string: its length, its bytes, zero padding to 4. */
function str(s: string): Uint8Array {
  const b = Buffer.from(s, 'latin1');
  return concat(be32(b.length), b, new Uint8Array((4 - (b.length % 4)) % 4));
}
/** A VECOUT field: `max` words, one character each. */
const vec = (s: string, max: number): Uint8Array => words(...Array.from({ length: max }, (_, i) => s.charCodeAt(i) || 0));

/** Arguments of two shapes that every printer can read far: (3, "abc\0") repeated, and 0, 1, 2, … */
const shapeA = concat(...Array.from({ length: 160 }, () => concat(be32(3), Uint8Array.from([0x61, 0x62, 0x63, 0]))));
const shapeB = words(...Array.from({ length: 320 }, (_, i) => i));

function frame4(sport: number, dport: number, rx: Uint8Array, src = CLIENT, dst = SERVER): Uint8Array {
  return ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ipv4({ src, dst, proto: 17 }, udp(sport, dport, rx)));
}
function frame6(sport: number, dport: number, rx: Uint8Array, src: string, dst: string): Uint8Array {
  return ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x86dd, ipv6({ src, dst, nh: 17 }, udp(sport, dport, rx)));
}

const SERVICES: [port: number, ops: number[]][] = [
  [7000, [...Array.from({ length: 34 }, (_, i) => 130 + i), 220, 65536, 65537, 65538, 65539, 65540, 65541, 999]],
  [7001, [...Array.from({ length: 15 }, (_, i) => 204 + i), 65536, 65537, 65538, 1]],
  [7002, [...Array.from({ length: 22 }, (_, i) => 500 + i), 530, 10000, 10003, 20002, 20004, 42]],
  [7003, [...Array.from({ length: 34 }, (_, i) => 501 + i), 10000, 20000, 20012, 7]],
  [7004, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 21, 22, 23, 10001, 20004, 99]],
  [7005, [...Array.from({ length: 29 }, (_, i) => 100 + i), 65536, 65537, 65538, 655537, 5]],
  [7007, [...Array.from({ length: 37 }, (_, i) => 80 + i), 3]],
  [7006, [1]], [7009, [1]],
];
const UBIK = [10000, 10001, 10002, 10003, 10004, 10005, 10006, 10007, ...Array.from({ length: 14 }, (_, i) => 20000 + i)];

/** Calls of every opcode with both shapes of arguments, each followed by its data reply and its abort. */
function callsAndReplies(): Uint8Array[] {
  const frames: Uint8Array[] = [];
  let call = 100;
  for (const [port, ops] of SERVICES) {
    const all = port === 7002 || port === 7003 || port === 7004 ? [...ops, ...UBIK] : ops;
    for (const op of all) {
      for (const args of [shapeA, shapeB]) {
        call++;
        const service = 50 + (port - 7000);
        const client = port === 7001 ? 7000 : 7001;
        frames.push(frame4(client, port, concat(rxHeader({ call, flags: 1 | 2 | 4, service }), be32(op), args)));
        frames.push(frame4(port, client, concat(rxHeader({ call, flags: 4, service, serial: 8 }), args), SERVER, CLIENT));
        frames.push(frame4(port, client, concat(rxHeader({ call, type: 4, service, serial: 9 }), args.subarray(0, 4)), SERVER, CLIENT));
      }
    }
  }
  return frames;
}

/** Calls and replies with real arguments: names, ACLs, store status, fids, VLDB entries, volume lists. */
function realistic(): Uint8Array[] {
  const frames: Uint8Array[] = [];
  let call = 5000;
  const pair = (port: number, op: number, args: Uint8Array, reply: Uint8Array, abort?: number): void => {
    call++;
    frames.push(frame4(7001, port, concat(rxHeader({ call, flags: 1 }), be32(op), args)));
    frames.push(frame4(port, 7001, concat(rxHeader({ call }), reply), SERVER, CLIENT));
    if (abort !== undefined) frames.push(frame4(port, 7001, concat(rxHeader({ call, type: 4 }), be32(abort)), SERVER, CLIENT));
  };
  const fid = words(536871098, 846, 1049757);
  const acl = str('2 1\nsystem:administrators 127\nalice 9\nbob 17\n');
  pair(7000, 131, fid, acl, 103);
  pair(7000, 134, concat(fid, acl), new Uint8Array(0), -100);
  pair(7000, 134, concat(fid, str('1 0\n')), new Uint8Array(0), 12345);
  pair(7000, 134, concat(fid, str(' 1 1 \n x 99999999999999999999 y -3\n')), new Uint8Array(0));
  pair(7000, 141, concat(fid, str('tmpdir'), words(0x40f, 942356784, 1, 0, 0o40755, 0)), fid);
  pair(7000, 137, concat(fid, str('a\u00e9\u0001b'), words(0x1e, 0, 5, 6, 0o100644, 4096)), fid);
  pair(7000, 135, concat(fid, words(0, 0, 0, 0, 0, 0)), new Uint8Array(0));
  pair(7000, 138, concat(fid, str('old'), fid, str('new-name')), new Uint8Array(0));
  pair(7000, 139, concat(fid, str('link'), str('/afs/target')), new Uint8Array(0));
  pair(7000, 155, concat(be32(2), fid, fid), new Uint8Array(0));
  pair(7000, 155, be32(0), new Uint8Array(0));
  pair(7000, 151, new Uint8Array(0), str('root.afs'));
  pair(7000, 153, new Uint8Array(0), words(0x7fffffff));
  pair(7000, 153, new Uint8Array(0), words(-1));
  pair(7000, 148, str('x'.repeat(257)), new Uint8Array(0));
  pair(7000, 65538, concat(fid, words(1, 2, 3, 4, 5, 6), words(0xffffffff, 0xfffffffe, 0, 1, 0x12345678, 0x9abcdef0)), new Uint8Array(0));
  pair(7001, 204, concat(be32(2), fid, fid, be32(2), words(1, 942356784, 1, 2, 942356999, 3)), new Uint8Array(0), 5);
  pair(7001, 213, new Uint8Array(0), words(0x12345678, 0x9abc, 0xdef0, 1, 2, 3, 4, 5, 6, 0x107, 0xff));
  pair(7002, 504, concat(be32(2), vec('alice', 64), vec('bob', 64)), concat(be32(2), words(1001, -5)));
  pair(7002, 505, concat(be32(3), words(1, -2, 3)), concat(be32(1), vec('carol', 64)));
  pair(7002, 510, new Uint8Array(0), words(-1, -2000));
  pair(7002, 500, concat(str('newuser'), words(7, -1)), new Uint8Array(0), 267269);
  const servers = concat(words(0x0a000001, 0x0a000002, 0x0a000003), new Uint8Array(4 * 10));
  pair(7003, 504, str('root.cell'), concat(vec('root.cell', 65), be32(0), be32(3), servers.subarray(0, 32), words(0, 1, 27, 4, 5, 6, 7, 8),
    new Uint8Array(32), words(536870915, 536870916, 536870917)));
  pair(7003, 519, str('vol'), concat(vec('vol', 65), be32(2), servers.subarray(0, 52), words(0, 26, 27, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
    new Uint8Array(52), words(1, 2, 3)));
  pair(7003, 529, words(0), concat(words(1, 2), vec('v.u', 65), be32(1), new Uint8Array(44 * 13), new Uint8Array(52), words(3, ...new Array<number>(12).fill(0)),
    new Uint8Array(52), words(4, 5, 6)));
  pair(7003, 527, str('v.u'), concat(vec('v.u', 65), be32(2), words(0x12345678, 0x9abc, 0xdef0, 1, 2, 3, 4, 5, 6, 7, 8), words(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11),
    new Uint8Array(44 * 11), new Uint8Array(52), words(0, 1, ...new Array<number>(11).fill(0)), new Uint8Array(52), words(7, 8, 9)));
  pair(7003, 503, words(536870915, 1), new Uint8Array(8));
  pair(7003, 506, concat(words(536870915, 2), vec('rep', 65)), new Uint8Array(0));
  pair(7004, 23, concat(words(3), str('CELL'), str('tkt'), str('afs'), str('')), new Uint8Array(0), 180490);
  pair(7004, 21, concat(str('admin'), str('')), new Uint8Array(0));
  pair(7005, 121, words(1, 536870915), concat(be32(2), vec('vol.one', 32), be32(536870915), new Uint8Array(84), vec('vol.two', 32), be32(9), new Uint8Array(84)));
  pair(7005, 116, words(1, 0), be32(0));
  pair(7005, 113, words(77), words(...Array.from({ length: 10 }, (_, i) => i * 1000), 942356784, 942356785, 0, -1, 1, 2));
  pair(7005, 128, concat(words(5, 942356784), be32(2), words(1, 2, 3, 4, 5, 6)), new Uint8Array(0));
  pair(7007, 80, concat(str('simple'), str('fs')), new Uint8Array(0), 1);
  pair(7007, 105, concat(str('/usr/afs/bin/x'), words(100, 1, 942356784)), new Uint8Array(0));
  pair(7002, 10000, words(1, 942356784, 1, 2, 3, 4), new Uint8Array(0));
  call++;
  // A beacon's "yes" vote is an abort.
  frames.push(frame4(7002, 7001, concat(rxHeader({ call: call - 1, type: 4 }), words(942356790)), SERVER, CLIENT));
  pair(7003, 20004, new Uint8Array(0), words(942356784, 17));
  return frames;
}

/** Ack packets: runs of acks and nacks, none, the optional fields whole and cut. */
function acks(): Uint8Array[] {
  const ack = (bytes: number[], tail: Uint8Array, reason = 8, first = 2): Uint8Array => frame4(7001, 7000, concat(
    rxHeader({ call: 1, seq: 0, type: 2, flags: 32 | 2 }), be16(16), be16(4), be32(first), be32(1), be32(347), Uint8Array.from([reason, bytes.length]),
    Uint8Array.from(bytes), tail));
  const opt = concat(new Uint8Array(3), words(1444, 5692, 32, 4));
  return [
    ack([], opt), ack([1], opt), ack([1, 1, 1, 0, 0, 1, 0, 1, 1], opt, 1), ack([0, 0, 0, 0], opt, 9), ack([1, 0, 1, 0, 1], opt, 3),
    ack([1, 1, 0, 1, 1, 1, 2, 0, 0], opt, 42, 0xfffffffe), ack([1, 1], opt.subarray(0, 9)), ack([1, 1], opt.subarray(0, 2)), ack([], new Uint8Array(0), 0),
  ];
}

/** Every packet type and flag, unknown types, a packet too short for the header, Rx to VXLAN's port. */
function headers(): Uint8Array[] {
  const frames: Uint8Array[] = [];
  for (const type of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 51, 255]) {
    for (const flags of [0, 1, 0x3f, 0xff]) frames.push(frame4(7002, 4789, concat(rxHeader({ call: 9, seq: 3, type, flags, service: 0xfffe, secIndex: 5 }), words(1, 2))));
  }
  frames.push(frame4(7000, 7001, rxHeader({ call: 1 }).subarray(0, 20)));
  frames.push(frame4(40000, 7003, concat(rxHeader({ call: 77, flags: 1 }))));
  frames.push(frame4(7000, 53, concat(rxHeader({ call: 77, flags: 1 }), be32(130))));
  // UDP lengths that lie: shorter than the Rx header or the call's arguments (tcpdump reads on to the IP length), longer than IP's.
  const call = concat(rxHeader({ call: 78, flags: 1 }), be32(130), words(1, 2, 3, 4, 5));
  for (const ulen of [8, 20, 36, 40, 48, 200]) {
    frames.push(ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ipv4({ src: CLIENT, dst: SERVER, proto: 17 }, udp(7001, 7000, call, ulen))));
  }
  return frames;
}

/** Calls and replies over IPv6 (tcpdump's cache reads the IPv6 header as if it were IPv4's). */
function overIpv6(): Uint8Array[] {
  const a = '2001:db8::5', b = '2001:db8::9';
  const args = words(536871098, 1, 1);
  return [
    frame6(7001, 7000, concat(rxHeader({ call: 900, flags: 1 }), be32(132), args), a, b),
    frame6(7000, 7001, concat(rxHeader({ call: 900 }), args), b, a),
    frame6(7000, 7001, concat(rxHeader({ call: 900 }), args), a, b),
    frame6(7001, 7000, concat(rxHeader({ call: 901, flags: 1 }), be32(153)), a, a),
    frame6(7000, 7001, concat(rxHeader({ call: 901 }), words(942356784)), a, a),
  ];
}

const CUTS = [42, 50, 60, 69, 70, 71, 73, 74, 76, 78, 82, 86, 90, 94, 98, 102, 110, 120, 140, 180, 260, 330, 400, 700, 1100];
const FLAGS = [[], ['-v'], ['-vv'], ['-vvv'], ['-x'], ['-v', '-X'], ['-e', '-q']];

test('Rx: a call of every opcode of every AFS service, its reply and abort, whole and cut, -v to -vvv, -x, -X, -e, -q', (t) => {
  const frames = callsAndReplies();
  t.true(frames.length > 1500, `${frames.length} frames`);
  oracle.compare(t, 1, withCuts(frames, [42, 70, 74, 82, 90, 110, 200, 330]), FLAGS);
});

test('Rx: real arguments (names, ACLs, store status, VLDB entries, volume lists), acks, every type and flag, lying UDP lengths, IPv6, cut at many lengths', (t) => {
  const frames = [...realistic(), ...acks(), ...headers(), ...overIpv6()];
  oracle.compare(t, 1, withCuts(frames, CUTS), FLAGS);
});

test('Rx: dates are local time (TZ), as strftime of localtime() prints them', (t) => {
  const f = join(oracle.dir, 'rx-tz.pcap');
  writeFileSync(f, pcap(1, realistic().map((frame) => ({ frame }))));
  for (const tz of ['America/New_York', 'Asia/Kolkata']) {
    const env = { ...process.env, TZ: tz };
    const want = spawnSync('tcpdump', ['-n', '-v', '-r', f], { env, encoding: 'latin1' }).stdout;
    const got = spawnSync(process.execPath, [vcapBin, '-n', '-v', '-r', f], { env, encoding: 'latin1' });
    t.is(got.status, 0, got.stderr);
    t.true(/ date 1999\/11\/1[12] \d\d:\d6:24 /.test(got.stdout), 'the date of the makedir call');
    t.is(got.stdout, want, tz);
  }
});
