// vcap's filter against Debian's tcpdump: for every expression and capture, the same packets.
import test from 'ava';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCaptureFile } from '../../src/capture/capture-file.js';
import { compileFilter, programInstructions, runProgramTraced } from '../../src/filter/index.js';
import { writeFilterCaptures, writePcap, type Frame } from '../helpers/filter-captures.js';
import { tcpdumpSelect } from '../helpers/tcpdump-select.js';
import { expressions } from './expressions.js';

interface Capture { name: string; linkType: number; path: string; frames: Frame[] }

const dir = mkdtempSync(join(tmpdir(), 'vcap-filter-'));
const corpus = new URL('../../../test/pcaps/tcpdump/', import.meta.url).pathname;

function load(path: string): { linkType: number; frames: Frame[] } {
  const f = openCaptureFile(path);
  const frames: Frame[] = [];
  for (let b = f.next(); b; b = f.next()) {
    for (let i = 0; i < b.count; i++) {
      const o = b.offset[i]!, c = b.capLen[i]!;
      frames.push({ bytes: b.bytes.slice(o, o + c), capLen: c, origLen: b.origLen[i]! });
    }
  }
  const linkType = f.linkType & 0xffff;
  f.close();
  return { linkType, frames };
}

const captures: Capture[] = [];
for (const [lt, path] of writeFilterCaptures(dir)) captures.push({ name: `mixed-${lt}`, path, ...load(path) });
// The tcpdump corpus, merged per link type and restamped so that record i has timestamp i.
const byLink = new Map<number, Frame[]>();
for (const name of readdirSync(corpus).filter((n) => n.endsWith('.pcap')).sort()) {
  const { linkType, frames } = load(join(corpus, name));
  byLink.set(linkType, [...(byLink.get(linkType) ?? []), ...frames]);
}
for (const [lt, frames] of byLink) {
  const path = join(dir, `corpus-${lt}.pcap`);
  writePcap(path, lt, frames);
  captures.push({ name: `corpus-${lt}`, linkType: lt, path, frames });
}

let cutShortFrames = 0;
test.after.always(() => {
  rmSync(dir, { recursive: true, force: true });
  console.log(`(expression, frame) pairs decided by a load past the captured length: ${cutShortFrames}`);
});

// tcpdump runs a few at a time, not one process per test at once.
let running = 0;
const waiting: (() => void)[] = [];
async function limited<T>(f: () => Promise<T>): Promise<T> {
  if (running >= 6) await new Promise<void>((r) => waiting.push(r));
  running++;
  try { return await f(); } finally { running--; waiting.shift()?.(); }
}

test('the differential set has at least 150 expressions and covers every link type', (t) => {
  t.true(expressions.length >= 150);
  t.deepEqual([...new Set(captures.map((c) => c.linkType))].sort((a, b) => a - b), [0, 1, 101, 108, 113, 228, 229, 276]);
  t.true(captures.every((c) => c.frames.length > 0));
});

for (const expr of expressions) {
  test(`same packets as tcpdump: ${expr === '' ? "''" : expr}`, async (t) => {
    const problems: string[] = [];
    await Promise.all(captures.map(async (cap) => {
      const want = await limited(() => tcpdumpSelect(cap.path, expr));
      let prog;
      try {
        prog = compileFilter(expr, cap.linkType, 262144, { netmask: 0 });
      } catch (e) {
        if (want.ok) problems.push(`${cap.name}: vcap: ${(e as Error).message}; tcpdump selects ${want.indexes.length}`);
        return;
      }
      if (!want.ok) { problems.push(`${cap.name}: tcpdump: ${want.error}; vcap compiled it`); return; }
      const insns = programInstructions(prog);
      const got: number[] = [];
      const pastEnd = new Set<number>();
      cap.frames.forEach((f, i) => {
        const m = prog.matches(f.bytes, 0, f.capLen, f.origLen);
        const ref = runProgramTraced(insns, f.bytes, 0, f.capLen, f.origLen);
        if (m !== (ref.ret !== 0)) problems.push(`${cap.name}: #${i}: compiled and reference interpreters differ`);
        if (ref.pastEnd) pastEnd.add(i);
        if (m) got.push(i);
      });
      const wanted = new Set(want.indexes), chosen = new Set(got);
      // Frames cut short inside a field the program reads are compared too: a load past the end
      // rejects, so they agree only if vcap orders its loads where libpcap's optimizer does.
      const extra = got.filter((i) => !wanted.has(i)), missing = want.indexes.filter((i) => !chosen.has(i));
      cutShortFrames += pastEnd.size;
      if (extra.length || missing.length)
        problems.push(`${cap.name}: vcap also selects [${extra.slice(0, 8).join(',')}], misses [${missing.slice(0, 8).join(',')}]`);
    }));
    t.deepEqual(problems, []);
  });
}

test('a 300-host expression: long jumps through ja, the same packets and as many instructions as libpcap', async (t) => {
  const expr = Array.from({ length: 300 }, (_, i) => `host 10.0.${i >> 8}.${i & 255}`).join(' or ');
  const cap = captures.find((c) => c.name === 'mixed-1')!;
  const want = await tcpdumpSelect(cap.path, expr);
  const prog = compileFilter(expr, 1, 262144);
  const got = cap.frames.flatMap((f, i) => (prog.matches(f.bytes, 0, f.capLen, f.origLen) ? [i] : []));
  t.deepEqual(got, want.ok ? want.indexes : want.error);
  t.true(got.length > 0);
  const ja = programInstructions(prog).filter((p) => p.code === 0x05).length;
  t.true(ja > 0 && prog.length > 256);
  const d = spawnSync('tcpdump', ['-r', cap.path, '-d', '--', expr], { encoding: 'utf8' });
  t.is(prog.length, d.stdout.split('\n').filter(Boolean).length);
});
