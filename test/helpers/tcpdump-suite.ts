// tcpdump 4.99.3's own regression suite (test/pcaps/tcpdump-suite/): its cases, the expected text
// (the installed tcpdump's output when it is there, else the .out file), and vcap's result for
// each case, run as tcpdump runs them: `TZ=GMT0 vcap -# -n -r CAPTURE FLAGS`.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { CliPool, type Outcome } from './cli-pool.js';
import { openCaptureFile } from '../../src/capture/capture-file.js';

export const suiteDir = fileURLToPath(new URL('../../../test/pcaps/tcpdump-suite/', import.meta.url));

export interface SuiteCase {
  name: string;
  capture: string;
  /** The flags column, split as the shell splits it (TESTLIST quotes `"geneve && tcp"`). */
  flags: string[];
  /** The flags column as written. */
  flagText: string;
  expectedFile: string;
}

/** Split a command line as sh does for words and '…'/"…" quotes (no expansions: the suite has none). */
export function shellWords(s: string): string[] {
  const words: string[] = [];
  let cur = '', inWord = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '"' || ch === "'") {
      const end = s.indexOf(ch, i + 1);
      if (end < 0) throw new Error(`unterminated quote in ${s}`);
      cur += s.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (ch === ' ' || ch === '\t') {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(cur);
  return words;
}

/** TESTS.tsv: name, capture, flags, expected output (single tabs; the flags column may be empty). */
export function suiteCases(dir = suiteDir): SuiteCase[] {
  return readFileSync(join(dir, 'TESTS.tsv'), 'latin1').split('\n').filter((l) => l !== '' && !l.startsWith('#')).map((l) => {
    const [name, capture, flagText, expectedFile] = l.split('\t');
    return { name: name!, capture: capture!, flagText: flagText ?? '', flags: shellWords(flagText ?? ''), expectedFile: expectedFile! };
  });
}

/** The argv tcpdump's harness passes (after the program name). */
export function suiteArgv(capture: string, flags: string[]): string[] {
  return ['-#', '-n', '-r', capture, ...flags];
}

/** Case name → protocol family (FAMILIES.tsv, written by test/pcaps/tcpdump-suite/families.ts). */
export function suiteFamilies(dir = suiteDir): Map<string, string> {
  const m = new Map<string, string>();
  if (!existsSync(join(dir, 'FAMILIES.tsv'))) return m;
  for (const l of readFileSync(join(dir, 'FAMILIES.tsv'), 'latin1').split('\n')) {
    if (l === '' || l.startsWith('#')) continue;
    const [name, family] = l.split('\t');
    m.set(name!, family!);
  }
  return m;
}

/** The cases that print exactly what tcpdump prints and must keep doing so (PASSING, one name a line). */
export function passingList(dir = suiteDir): string[] {
  return readFileSync(join(dir, 'PASSING'), 'latin1').split('\n').filter((l) => l !== '' && !l.startsWith('#'));
}

export interface TcpdumpRun { status: number; out: string; err: string }

/** Run the installed tcpdump (null when there is none). */
export function runTcpdump(argv: string[], cwd: string): Promise<TcpdumpRun | null> {
  return new Promise((resolve) => {
    const p = spawn('tcpdump', argv, { cwd, env: { ...process.env, TZ: 'GMT0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [], err: Buffer[] = [];
    p.stdout.on('data', (d: Buffer) => out.push(d));
    p.stderr.on('data', (d: Buffer) => err.push(d));
    p.on('error', () => resolve(null));
    p.on('close', (code) => resolve({ status: code ?? -1, out: Buffer.concat(out).toString('latin1'), err: Buffer.concat(err).toString('latin1') }));
  });
}

let version: Promise<boolean> | undefined;
/** The oracle is tcpdump 4.99.3 (Debian 12's): another version prints other text, so then the .out files are. */
export function tcpdumpIs4993(): Promise<boolean> {
  version ??= runTcpdump(['--version'], '/').then((r) => r !== null && /^tcpdump version 4\.99\.3\b/m.test(r.out + r.err));
  return version;
}

/** Runs `f` over `items`, at most `n` at a time. */
export async function mapLimit<T, R>(items: readonly T[], n: number, f: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i]!);
    }
  }));
  return out;
}

export type Verdict = 'identical' | 'differs' | 'refused' | 'trace' | 'crash' | 'hang';

export interface CaseResult {
  c: SuiteCase;
  verdict: Verdict;
  outcome: Outcome;
  expected: string;
  /** Where the expected text came from. */
  oracle: 'tcpdump' | '.out';
}

/** identical: exit status 0 and stdout byte for byte; refused: a `vcap: …` error and a non-zero status. */
export function verdictOf(o: Outcome, expected: string): Verdict {
  switch (o.kind) {
    case 'exit':
      if (o.status === 0) return o.out === expected ? 'identical' : 'differs';
      return /^vcap: /m.test(o.err) ? 'refused' : 'differs';
    case 'trace': return 'trace';
    case 'crash': return 'crash';
    case 'hang': return 'hang';
  }
}

/** One line of what went wrong in a case, for reports (the first differing line, or the error). */
export function describeResult(r: CaseResult): string {
  const o = r.outcome;
  switch (o.kind) {
    case 'exit': {
      if (o.status !== 0) return `exit ${o.status}: ${o.err.trim().split('\n').pop()}`;
      const a = r.expected.split('\n'), b = o.out.split('\n');
      for (let i = 0; i < Math.max(a.length, b.length); i++) {
        if (a[i] !== b[i]) return `line ${i + 1}: tcpdump ${JSON.stringify(a[i] ?? '<none>')} vcap ${JSON.stringify(b[i] ?? '<none>')}`;
      }
      return 'identical';
    }
    case 'trace': return `stack trace: ${o.trace.split('\n').slice(0, 3).join(' | ')}`;
    case 'crash': return `crash: ${o.detail}`;
    case 'hang': return `hang: no result after ${o.ms} ms`;
  }
}

export const tzEnv = { TZ: 'GMT0' };

/**
 * Every case of the suite through vcap (on `pool`), each compared with the installed tcpdump's output
 * (run alongside, a few at a time) or, without tcpdump, with the .out file.
 */
export async function runSuite(pool: CliPool, cases = suiteCases(), dir = suiteDir): Promise<CaseResult[]> {
  const runs = cases.map((c) => pool.run(suiteArgv(c.capture, c.flags), dir));
  const oracle = await tcpdumpIs4993()
    ? await mapLimit(cases, 2, (c) => runTcpdump(suiteArgv(c.capture, c.flags), dir))
    : cases.map(() => null);
  return Promise.all(cases.map(async (c, i) => {
    const outcome = await runs[i]!;
    const t = oracle[i];
    const expected = t ? t.out : readFileSync(join(dir, c.expectedFile), 'latin1');
    return { c, outcome, expected, oracle: t ? 'tcpdump' : '.out', verdict: verdictOf(outcome, expected) } satisfies CaseResult;
  }));
}

/**
 * The flag sets of the suite, each once: `-v -v -v` and `-vvv`, `-ev` and `-e -v` are the same set
 * (single-letter flags are counted, whatever their grouping or order; -T's type and the filter stay).
 */
export function distinctFlagSets(cases: readonly SuiteCase[]): string[][] {
  const sets = new Map<string, string[]>();
  for (const c of cases) {
    const letters: string[] = [], rest: string[] = [];
    for (let i = 0; i < c.flags.length; i++) {
      const f = c.flags[i]!;
      if (f === '-T') rest.push(f, c.flags[++i]!);
      else if (/^-[a-zA-Z#]+$/.test(f)) letters.push(...f.slice(1));
      else rest.push(f);
    }
    const key = JSON.stringify([letters.sort().join(''), rest]);
    if (!sets.has(key)) sets.set(key, c.flags);
  }
  return [...sets.values()];
}

/** The first frame of a capture of tcpdump's suite (a copy), for decode tests of real frames. */
export function firstSuiteFrame(file: string): Uint8Array {
  const f = openCaptureFile(join(suiteDir, file));
  try {
    const b = f.next()!;
    return b.bytes.slice(b.offset[0], b.offset[0]! + b.capLen[0]!);
  } finally {
    f.close();
  }
}
