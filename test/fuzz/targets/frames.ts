// Frames through every decoder and every printer, on every link type vcap prints, with the print
// flags drawn from the input. Each frame runs in two guarded buffers (common.ts): the decoded
// packet (JSON, inner packet too) and the printed text must be the same in both, so nothing reads
// outside [offset, offset + caplen); the text must carry no leaked JavaScript value; the decoder's
// guard must never fire.
import { Decoder } from '../../../src/decoders/decoder.js';
import { LinkType } from '../../../src/decoders/link-type.js';
import { PacketPrinter } from '../../../src/output/text/packet.js';
import { defaultPrintOptions } from '../../../src/output/text/options.js';
import type { PrintOptions } from '../../../src/output/text/options.js';
import type { FuzzTarget } from '../engine.js';
import { checkNoLeak, firstDifference, guarded, seedFrames } from './common.js';

/** Link types with a printer, in a fixed order (the input's first byte picks one). */
export const printableLinkTypes: number[] = Object.values(LinkType).filter((lt) => {
  try { new PacketPrinter(defaultPrintOptions, lt, { push() {} }); return true; } catch { return false; }
});

const dumps: Partial<PrintOptions>[] = [{}, { hex: 1 }, { hex: 2 }, { hexAscii: 1 }, { hexAscii: 2 }, { ascii: 1 }, { ascii: 2 }, {}];

/** Print flags from two bytes: -v count, -e, -q, -S, one dump form, -T domain, -t forms, --nano, -#. */
export function printOptionsOf(f1: number, f2: number): PrintOptions {
  return {
    ...defaultPrintOptions,
    verbose: f1 & 3,
    linkHeader: (f1 & 4) !== 0,
    quiet: (f1 & 8) !== 0,
    ...dumps[(f1 >> 4) & 7],
    absoluteSeq: (f1 & 128) !== 0,
    forcedType: (f2 & 1) !== 0 ? 'domain' : '',
    timeFormat: ((f2 >> 1) % 6) as PrintOptions['timeFormat'],
    nano: (f2 & 16) !== 0,
    packetNumber: (f2 & 32) !== 0,
  };
}

/** Input: [link type, flags 1, flags 2, extra wire bytes, frame…]. */
export const HEADER = 4;

export function frameInput(linkType: number, frame: Uint8Array, f1 = 0, f2 = 0, extra = 0): Uint8Array {
  const x = new Uint8Array(HEADER + frame.length);
  x[0] = Math.max(0, printableLinkTypes.indexOf(linkType));
  x[1] = f1; x[2] = f2; x[3] = extra;
  x.set(frame, HEADER);
  return x;
}

class Text { s = ''; push(line: string): void { this.s += line; } }

const decA = new Decoder(), decB = new Decoder();
const printers = new Map<string, [PacketPrinter, PacketPrinter, Text, Text]>();

function printersFor(lt: number, f1: number, f2: number): [PacketPrinter, PacketPrinter, Text, Text] {
  const key = `${lt}/${f1}/${f2}`;
  let p = printers.get(key);
  if (!p) {
    if (printers.size > 4096) printers.clear();
    const o = printOptionsOf(f1, f2), ta = new Text(), tb = new Text();
    p = [new PacketPrinter(o, lt, ta), new PacketPrinter(o, lt, tb), ta, tb];
    printers.set(key, p);
  }
  return p;
}

export const framesTarget: FuzzTarget = {
  name: 'frames',
  description: 'one frame through every decoder and printer (link type and print flags from the input), in guarded buffers',
  maxLength: HEADER + 4096,
  seeds() {
    const out: Uint8Array[] = [];
    let k = 0;
    for (const s of seedFrames()) {
      if (!printableLinkTypes.includes(s.linkType)) continue;
      out.push(frameInput(s.linkType, s.frame.subarray(0, 4096), (k * 37) & 255, (k * 11) & 255, s.origLen > s.frame.length ? 1 : 0));
      k++;
    }
    return out;
  },
  run(input) {
    if (input.length < HEADER) return;
    const lt = printableLinkTypes[input[0]! % printableLinkTypes.length]!;
    const frame = input.subarray(HEADER);
    const n = frame.length, wire = n + input[3]!;
    const { exact, padded, off } = guarded(frame);

    const a = decA.decode(exact, lt, off, n);
    const ja = JSON.stringify(a), ia = JSON.stringify(decA.decodeInner(a) ?? null);
    const b = decB.decode(padded, lt, off, n);
    const jb = JSON.stringify(b), ib = JSON.stringify(decB.decodeInner(b) ?? null);
    if (ja !== jb) throw new Error(`decoder: a field depends on bytes outside the frame: ${firstDifference(ja, jb)}`);
    if (ia !== ib) throw new Error(`decoder: the inner packet depends on bytes outside the frame: ${firstDifference(ia, ib)}`);
    if (decA.guardCount !== 0 || decB.guardCount !== 0) throw new Error(`decoder: the guard fired: ${a.stop?.detail ?? b.stop?.detail}`);
    // A tunnel's inner packet is walked on first use, under a guard of its own that records an error stop.
    if (ja.includes('internal decoder error')) throw new Error(`decoder: the inner packet's guard fired: ${ja}`);

    const [pa, pb, ta, tb] = printersFor(lt, input[1]!, input[2]!);
    ta.s = ''; tb.s = '';
    pa.print(exact, off, n, wire, 1700000000 + input[3]!, input[1]! * 1000);
    pb.print(padded, off, n, wire, 1700000000 + input[3]!, input[1]! * 1000);
    if (ta.s !== tb.s) throw new Error(`printer (link type ${lt}): the text depends on bytes outside the frame: ${firstDifference(ta.s, tb.s)}`);
    checkNoLeak(ta.s, frame, `printer (link type ${lt})`);
  },
};
