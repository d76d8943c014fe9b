// Prints a capture through the text printers directly (no CLI) and compares it with tcpdump's
// text, ignoring the `-#` number and timestamp in front of each packet. Used by the print6 tests
// and, from the command line, to see differences while working on a printer:
//   node dist/test/print6/harness.js test/pcaps/print6/TESTS.tsv [name-filter]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PrintContext, TRUNCATED } from '../../src/output/text/context.js';
import { defaultPrintOptions, type PrintOptions } from '../../src/output/text/options.js';
import { forcedType as forcedTypeOf } from '../../src/output/text/forced-type.js';
import { linkPrinters } from '../../src/output/text/dispatch.js';
import { printUnsupported } from '../../src/output/text/unsupported.js';
import { PacketPrinter } from '../../src/output/text/packet.js';
import { Decoder } from '../../src/decoders/decoder.js';

export interface Case { name: string; pcap: string; flags: string; out: string }

/** TESTS.tsv rows (name, pcap, flags, out), paths made absolute. */
export function readCases(tsv: string): Case[] {
  const dir = dirname(tsv);
  return readFileSync(tsv, 'utf8').split('\n').filter(l => l !== '').map(l => {
    const [name, pcap, flags, out] = l.split('\t') as [string, string, string, string];
    return { name, pcap: join(dir, pcap), flags, out: join(dir, out) };
  });
}

export function options(flags: string): PrintOptions {
  let verbose = 0, linkHeader = false, forcedType: PrintOptions['forcedType'] = '';
  const words = flags.split(/\s+/).filter(w => w !== '');
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '-T') { forcedType = forcedTypeOf(words[++i]!) ?? ''; continue; }
    if (/^-[ve]+$/.test(w)) for (const ch of w.slice(1)) { if (ch === 'v') verbose++; else linkHeader = true; }
  }
  return { ...defaultPrintOptions, verbose, linkHeader, forcedType };
}

const decoder = new Decoder();

/** One frame decoded and printed by the link-layer printer, with the packet printer's truncation handling. */
export function printFrame(c: PrintContext, link: number, bytes: Uint8Array, start: number, cap: number, len: number): string {
  c.reset(decoder.decode(bytes, link, start, cap), len);
  try {
    (linkPrinters[link] ?? printUnsupported)(c, len);
  } catch (e) {
    if (e !== TRUNCATED) throw e;
    c.write(` [|${c.protocol}]`);
  }
  c.resetEnds();
  return c.line;
}

/** Every frame of a capture: link type and bytes. */
export function readFrames(pcap: string): { link: number; frames: Uint8Array[] } {
  const b = readFileSync(pcap);
  const le = b.readUInt32LE(0) === 0xa1b2c3d4 || b.readUInt32LE(0) === 0xa1b23c4d;
  const u32 = (o: number): number => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  const frames: Uint8Array[] = [];
  for (let o = 24; o + 16 <= b.length; o += 16 + u32(o + 8)) frames.push(new Uint8Array(b.subarray(o + 16, o + 16 + u32(o + 8))));
  return { link: u32(20) & 0xffff, frames };
}

/** One string per packet: what follows the timestamp on tcpdump's line (continuation lines included). */
export function printCapture(pcap: string, flags: string): string[] {
  const b = readFileSync(pcap);
  const le = b.readUInt32LE(0) === 0xa1b2c3d4 || b.readUInt32LE(0) === 0xa1b23c4d;
  const u32 = (o: number): number => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  const link = u32(20) & 0xffff;
  const c = new PrintContext(options(flags));
  const bytes = new Uint8Array(b.buffer, b.byteOffset, b.length);
  const lines: string[] = [];
  for (let o = 24; o + 16 <= b.length;) {
    const cap = u32(o + 8), len = u32(o + 12);
    const start = o + 16;
    lines.push(printFrame(c, link, bytes, start, cap, len));
    o = start + cap;
  }
  return lines;
}

/**
 * The whole text of a capture through the packet printer (as `tcpdump -t`), so the -x/-X/-xx/-XX
 * dumps are included: `flags` may hold -v.., -e and one of those.
 */
export function printCaptureWithDumps(pcap: string, flags: string): string {
  const b = readFileSync(pcap);
  const le = b.readUInt32LE(0) === 0xa1b2c3d4 || b.readUInt32LE(0) === 0xa1b23c4d;
  const u32 = (o: number): number => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  let hex: 0 | 1 | 2 = 0, hexAscii: 0 | 1 | 2 = 0;
  for (const w of flags.split(/\s+/)) {
    if (w === '-x') hex = 1; else if (w === '-xx') hex = 2;
    else if (w === '-X') hexAscii = 1; else if (w === '-XX') hexAscii = 2;
  }
  const o: PrintOptions = { ...options(flags), hex, hexAscii, timeFormat: 1 };
  let text = '';
  const p = new PacketPrinter(o, u32(20) & 0xffff, { push(s: string) { text += s; } });
  const bytes = new Uint8Array(b.buffer, b.byteOffset, b.length);
  for (let off = 24; off + 16 <= b.length;) {
    const cap = u32(off + 8), len = u32(off + 12);
    p.print(bytes, off + 16, cap, len, u32(off), u32(off + 4) * 1000);
    off += 16 + cap;
  }
  return text;
}

/** tcpdump's .out split per packet, without the `-#` number and timestamp. */
export function expectedPackets(out: string): string[] {
  return expectedPacketsOf(readFileSync(out, 'latin1'));
}

/** tcpdump's output text split per packet, without the `-#` number and timestamp. */
export function expectedPacketsOf(text: string): string[] {
  const packets: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^ {0,4}\d+ {2}(?:\d{4}-\d\d-\d\d )?\d\d:\d\d:\d\d\.\d{6} (.*)$/.exec(line);
    if (m) packets.push(m[1]!);
    else if (line !== '' && packets.length > 0) packets[packets.length - 1] += `\n${line}`;
  }
  return packets;
}

if (process.argv[1]?.endsWith('harness.js')) {
  const filter = process.argv[3] ?? '';
  let pass = 0, fail = 0;
  for (const k of readCases(process.argv[2]!)) {
    if (!k.name.includes(filter)) continue;
    let got: string[];
    try { got = printCapture(k.pcap, k.flags); } catch (e) { console.log(`${k.name}: THROWS ${(e as Error).stack}`); fail++; continue; }
    const want = expectedPackets(k.out);
    let bad = 0;
    for (let i = 0; i < Math.max(got.length, want.length); i++) {
      if (got[i] !== want[i]) {
        if (bad++ < 6) console.log(`${k.name} #${i + 1}\n  want: ${JSON.stringify(want[i])}\n  got:  ${JSON.stringify(got[i])}`);
      }
    }
    if (bad) fail++; else pass++;
  }
  console.log(`pass ${pass} fail ${fail}`);
}
