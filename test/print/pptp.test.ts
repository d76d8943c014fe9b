// PPTP's control messages (TCP port 1723) against the installed tcpdump 4.99.3: every control message
// type with ordinary and odd values, unknown types, a wrong magic cookie, other message types, short
// messages; whole and cut at every length, both directions, with -v, -vv, -x, -X.
import test from 'ava';
import { compare, everyCut } from '../helpers/differential.js';
import { pptpMessages, pptpSegment } from '../helpers/pptp-frames.js';

test('PPTP: every control message, odd values, unknown types, bad cookies, cut at every length', (t) => {
  const frames = pptpMessages().map((m, i) => pptpSegment(m, i % 2 === 0));
  compare(t, 1, frames.map((frame) => ({ frame })), [[], ['-v'], ['-vv', '-x'], ['-X']]);
  compare(t, 1, everyCut(frames, 14 + 20 + 20), [[], ['-v'], ['-v', '-X']]);
});
