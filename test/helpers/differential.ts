// The differential machinery as plain functions over one shared Oracle (test/helpers/oracle.ts), for
// test files that compare vcap with tcpdump without holding an Oracle of their own.
import { Oracle, type Rec } from './oracle.js';

export { pcap, withCuts, type Rec } from './oracle.js';

const oracle = new Oracle();

/** Removes the shared oracle's captures (VCAP_KEEP_DIFF=1 keeps them). */
export function removeCaptures(): void { oracle.cleanup(); }

/** Every capture length of each frame from `from` bytes to the whole frame. */
export function everyCut(frames: Uint8Array[], from: number): Rec[] {
  const out: Rec[] = [];
  for (const frame of frames) for (let n = from; n <= frame.length; n++) out.push({ frame, caplen: n });
  return out;
}

/** Prints `recs` with bin/vcap and with tcpdump under each flag set: the outputs must be identical. */
export const compare = oracle.compare.bind(oracle);
