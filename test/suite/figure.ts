// The suite's figure as text: how many cases print byte for byte what tcpdump prints, how the others
// end, and the same per protocol family.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseResult, Verdict } from '../helpers/tcpdump-suite.js';
import { suiteDir } from '../helpers/tcpdump-suite.js';

const order: Verdict[] = ['identical', 'differs', 'refused', 'trace', 'crash', 'hang'];

export function counts(res: readonly CaseResult[]): Record<Verdict, number> {
  const n = { identical: 0, differs: 0, refused: 0, trace: 0, crash: 0, hang: 0 };
  for (const r of res) n[r.verdict]++;
  return n;
}

const pct = (a: number, b: number): string => `${b === 0 ? '0.0' : ((100 * a) / b).toFixed(1)}%`;

export function figureLines(res: readonly CaseResult[], families: Map<string, string>): string[] {
  const n = counts(res);
  const lines = [
    `identical to tcpdump: ${n.identical}/${res.length} (${pct(n.identical, res.length)}); ` +
      order.slice(1).map((v) => `${v}: ${n[v]}`).join(', '),
  ];
  const fromTcpdump = res.filter((r) => r.oracle === 'tcpdump');
  const disagree = fromTcpdump.filter((r) => r.expected !== readFileSync(join(suiteDir, r.c.expectedFile), 'latin1')).length;
  lines.push(fromTcpdump.length === res.length
    ? `oracle: the installed tcpdump 4.99.3 (${disagree === 0 ? 'it prints every .out' : `${disagree} cases differ from their .out`})`
    : 'oracle: the .out files (no tcpdump 4.99.3 installed)');
  const fam = new Map<string, CaseResult[]>();
  for (const r of res) {
    const f = families.get(r.c.name) ?? '(unclassified)';
    fam.set(f, [...(fam.get(f) ?? []), r]);
  }
  const rows = [...fam].map(([f, rs]) => ({ f, rs, n: counts(rs) })).sort((a, b) => b.rs.length - a.rs.length || a.f.localeCompare(b.f));
  const w = Math.max(...rows.map((r) => r.f.length), 6);
  lines.push(`${'family'.padEnd(w)}  identical  differs  refused`);
  for (const r of rows) {
    lines.push(`${r.f.padEnd(w)}  ${`${r.n.identical}/${r.rs.length}`.padStart(9)}  ${String(r.n.differs).padStart(7)}  ${String(r.n.refused).padStart(7)}`);
  }
  return lines;
}
