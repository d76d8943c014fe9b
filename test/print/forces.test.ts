// ForCES in SCTP as tcpdump 4.99.3's print-forces.c prints it, against the installed tcpdump: every
// message type and operation, path data with IDs, ranges, keys, FULLDATA, SPARSEDATA and RESULTs,
// redirects, and the error paths (test/helpers/forces-frames.ts builds them), whole and at every cut,
// at -v levels 0 to 4 (-vvvv adds the raw message), with -x, and with -q. The suite's forces01* cases
// (a real capture) are in test/pcaps/tcpdump-suite/PASSING.
import test from 'ava';
import { Oracle, withCuts } from '../helpers/oracle.js';
import { forcesFrames } from '../helpers/forces-frames.js';

const oracle = new Oracle();
test.after.always(() => oracle.cleanup());

test('oracle: every ForCES message, whole and at every cut, as tcpdump prints it', (t) => {
  const fs = forcesFrames();
  t.true(fs.length > 50);
  const longest = Math.max(...fs.map((f) => f.length));
  // From the end of the SCTP common header on (the cuts before it are the SCTP test's).
  oracle.compare(t, 1, withCuts(fs, [...Array(longest).keys()].slice(46)),
    [[], ['-v'], ['-vv'], ['-vvv'], ['-vvvv'], ['-vvvv', '-x'], ['-q']]);
});
