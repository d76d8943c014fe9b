// MPCP (EtherType 0x8808: MAC control's PAUSE and 802.3ah's Multi-Point Control Protocol) against the
// installed tcpdump 4.99.3: every opcode, GATE grants and flags, REPORT queue sets (tcpdump's loop that
// stops one set short), registration flags named and not, unknown opcodes; whole and cut at every
// length, with -v, -vv -e -x, -X, and in a VLAN.
import test from 'ava';
import { compare, everyCut } from '../helpers/differential.js';
import { concat, ether } from '../helpers/frames.js';
import { mpcpFrames } from '../helpers/mpcp-frames.js';

test('MPCP: every opcode, grants, queue reports, registration flags, unknown opcodes, cut at every length', (t) => {
  const frames = mpcpFrames();
  const tagged = ether('01:80:c2:00:00:01', '02:00:00:00:00:01', 0x8100, concat(Uint8Array.of(0, 5, 0x88, 0x08), frames[1]!.subarray(14)));
  compare(t, 1, [...frames, tagged].map((frame) => ({ frame })), [[], ['-v'], ['-vv', '-e', '-x'], ['-X']]);
  compare(t, 1, everyCut(frames, 14), [[], ['-v'], ['-v', '-X']]);
});
