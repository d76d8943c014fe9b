// Mutated and cut-short IPv6/ICMPv6/DNS frames never make a printer throw anything but the
// truncation signal, and never hang: every frame gives one line (tcpdump's T3/T4 rules).
import test from 'ava';
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PrintContext } from '../../src/output/text/context.js';
import { options, printFrame, readFrames } from './harness.js';

const dir = fileURLToPath(new URL('../../../test/pcaps/print6/', import.meta.url));
const seeds: { link: number; frame: Uint8Array }[] = [];
for (const f of readdirSync(dir).filter(n => n.endsWith('.pcap'))) {
  const { link, frames } = readFrames(dir + f);
  for (const frame of frames) seeds.push({ link, frame });
}

for (const flags of ['', '-v', '-vv', '-vvv']) {
  test(`mutated frames print one line each (${flags || 'no flags'})`, t => {
    const c = new PrintContext(options(flags));
    fc.assert(fc.property(
      fc.nat(seeds.length - 1),
      fc.array(fc.tuple(fc.nat(), fc.nat(255)), { maxLength: 8 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (which, edits, cut) => {
        const { link, frame } = seeds[which]!;
        const bytes = new Uint8Array(frame);
        // Leave the link header alone so that the mutations reach IPv6 and above.
        for (const [pos, val] of edits) if (bytes.length > 14) bytes[14 + (pos % (bytes.length - 14))] = val;
        const cap = cut > 0.5 ? bytes.length : Math.floor(cut * 2 * bytes.length);
        const line = printFrame(c, link, bytes, 0, cap, bytes.length);
        return typeof line === 'string' && c.end <= cap;
      }), { numRuns: 25000 });
    t.pass();
  });
}
