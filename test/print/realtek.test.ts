// Realtek's switch protocols (EtherType 0x8899) against the installed tcpdump 4.99.3: RRCP hello,
// get and set (queries and replies, unknown opcodes), REP, RLDP, the CPU tags, unknown types; the link
// addresses tcpdump prints first when the frame is Ethernet (or VLAN-tagged), not for Linux cooked
// captures; whole and cut at every length, with -v, -e, -x, -X.
import test from 'ava';
import { compare, everyCut } from '../helpers/differential.js';
import { be16, bytes, concat, ether } from '../helpers/frames.js';
import { realtekPayloads } from '../helpers/realtek-frames.js';

const eth = (p: Uint8Array): Uint8Array => ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x8899, p);

test('Realtek: RRCP, REP, RLDP, CPU tags and unknown types, in Ethernet and a VLAN, cut at every length', (t) => {
  const frames = realtekPayloads().map(eth);
  const tagged = ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x8100, concat(be16(5), be16(0x8899), bytes(1, 0x80, 0x23, 0x79)));
  compare(t, 1, [...frames, tagged].map((frame) => ({ frame })), [[], ['-v'], ['-e'], ['-vv', '-e', '-x'], ['-X']]);
  compare(t, 1, everyCut(frames.slice(0, 6), 14), [[], ['-e'], ['-v', '-X']]);
});

test('Realtek in a Linux cooked capture: no link addresses before it', (t) => {
  const sll = (p: Uint8Array): Uint8Array => concat(be16(0), be16(1), be16(6), Uint8Array.of(2, 0, 0, 0, 0, 1, 0, 0), be16(0x8899), p);
  compare(t, 113, realtekPayloads().slice(0, 8).map((p) => ({ frame: sll(p) })), [[], ['-e']]);
});
