// `npm run suite:families`: classifies every case of tcpdump's suite by protocol family and by why vcap
// does not print tcpdump's text today, and writes test/pcaps/tcpdump-suite/FAMILIES.tsv (case → family,
// read by the suite test for its per-family figure) and FAMILIES.md (the plan for the printer work).
//
// A case's family is the protocol its test is about: of tcpdump's printers that ran for it
// (PRINTERS.tsv, from tcpdump-printers.ts), the one with the most lines run, leaving out the carriers
// (Ethernet, IP, UDP, TCP… dispatch) unless nothing else ran. What stands between vcap and tcpdump's
// text for a case (its blockers): the link type, when vcap has no printer for it; the -T type or the
// filter primitive vcap refuses; every family whose printer ran in tcpdump and that vcap lacks; and,
// when vcap has all of them and still differs, a difference in the case's own family.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCaptureFile } from '../../src/capture/capture-file.js';
import { linkTypeDescription } from '../../src/decoders/link-type.js';
import { CliPool } from '../helpers/cli-pool.js';
import { runSuite, suiteCases, suiteDir, tzEnv, type CaseResult } from '../helpers/tcpdump-suite.js';
import { carriers, families, forcedTypeFiles, groupOrder, groupTitles, vcapLinkTypes, vcapPrints, type Family } from './family-table.js';

const tsv = (name: string): string[][] => readFileSync(join(suiteDir, name), 'latin1').split('\n')
  .filter((l) => l !== '' && !l.startsWith('#')).map((l) => l.split('\t'));

const ran = new Map(tsv('PRINTERS.tsv').map(([name, files]) =>
  [name!, new Map((files ?? '').split(' ').filter(Boolean).map((x) => { const [f, n] = x.split(':'); return [f!, Number(n)]; }))]));
const fileLines = new Map(tsv('PRINTER-FILES.tsv').map(([file, lines]) => [file!, Number(lines)]));
// vat_print, rtp_print and rtcp_print: lines 96–298 of print-udp.c.
fileLines.set('print-udp.c#rtp', 203);

const familyOf = new Map<string, Family>();
for (const fam of families) for (const file of fam.files) familyOf.set(file, fam);
const unknownFamily = (file: string): Family => {
  const fam: Family = { name: file, group: 'rest', files: [file] };
  familyOf.set(file, fam);
  families.push(fam);
  return fam;
};
const fam = (file: string): Family => familyOf.get(file) ?? unknownFamily(file);

interface Row {
  r: CaseResult;
  linkType: number;
  family: Family;
  /** What stands between vcap and tcpdump's text (empty when identical). */
  blockers: string[];
  /** The blockers that are printer work, as families. */
  needs: Family[];
}

function linkTypeOf(capture: string): number {
  const f = openCaptureFile(join(suiteDir, capture));
  try { return f.linkType; } finally { f.close(); }
}

function classify(r: CaseResult): Row {
  const files = ran.get(r.c.name) ?? new Map<string, number>();
  const linkType = linkTypeOf(r.c.capture);
  const forced = r.c.flags.includes('-T') ? r.c.flags[r.c.flags.indexOf('-T') + 1]!.toLowerCase() : undefined;
  const scored = [...files].filter(([f]) => !carriers.has(f)).sort((a, b) => b[1] - a[1]);
  // No printer ran: an empty capture, or records tcpdump reports as invalid before printing.
  let primary = scored[0]?.[0] ?? [...files].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'print.c';
  if (forced !== undefined && forcedTypeFiles[forced] !== undefined && forced !== 'domain') primary = forcedTypeFiles[forced]!;
  const family = fam(primary);
  const blockers: string[] = [];
  const needs = new Set<Family>();
  if (r.verdict !== 'identical') {
    if (!vcapLinkTypes.has(linkType)) {
      const link = [...files].filter(([f]) => fam(f).group === 'link' && !vcapPrints.has(f)).sort((a, b) => b[1] - a[1])[0]?.[0];
      blockers.push(`link type ${linkTypeDescription(linkType)}${link ? ` (${fam(link).name})` : ''}`);
      if (link) needs.add(fam(link));
    }
    if (forced !== undefined && forcedTypeFiles[forced] && !vcapPrints.has(forcedTypeFiles[forced]!)) {
      blockers.push(`-T ${forced}`);
      needs.add(fam(forcedTypeFiles[forced]!));
    }
    if (r.verdict === 'refused' && r.outcome.kind === 'exit') {
      const m = /'([^']+)' is not supported by vcap's filter compiler/.exec(r.outcome.err);
      blockers.push(m ? `filter primitive ${m[1]}` : `refused: ${r.outcome.err.trim().split('\n').pop()}`);
    }
    for (const [file] of files) {
      if (!vcapPrints.has(file) && fam(file).group !== 'link' && !needs.has(fam(file))) needs.add(fam(file));
    }
    for (const n of needs) if (!blockers.some((b) => b.includes(n.name))) blockers.push(`no printer: ${n.name}`);
    if (blockers.length === 0) blockers.push(`printer difference: ${family.name}`);
  }
  return { r, linkType, family, blockers, needs: [...needs] };
}

const pool = new CliPool({ env: tzEnv });
let rows: Row[];
try {
  rows = (await runSuite(pool, suiteCases())).map(classify);
} finally {
  pool.close();
}

writeFileSync(join(suiteDir, 'FAMILIES.tsv'),
  '# case\tprotocol family\tgroup\twhy vcap differs today (npm run suite:families)\n' +
  rows.map((x) => `${x.r.c.name}\t${x.family.name}\t${x.family.group}\t${x.blockers.join('; ')}\n`).join(''));

// ---- FAMILIES.md ----------------------------------------------------------------------------------

const filesText = (f: Family): string => f.files.map((file) =>
  file === 'print-udp.c#rtp' ? 'print-udp.c (vat/rtp/rtcp_print, 203)' : `${file} (${fileLines.get(file) ?? '?'})`).join(', ');
const linesOf = (f: Family): number => f.files.reduce((n, file) => n + (fileLines.get(file) ?? 0), 0);

interface Stat { f: Family; cases: number; identical: number; wins: number; alsoNeeded: number; differs: number }
const stats = new Map<Family, Stat>();
const stat = (f: Family): Stat => {
  let s = stats.get(f);
  if (!s) { s = { f, cases: 0, identical: 0, wins: 0, alsoNeeded: 0, differs: 0 }; stats.set(f, s); }
  return s;
};
for (const x of rows) {
  const s = stat(x.family);
  s.cases++;
  if (x.r.verdict === 'identical') s.identical++;
  // The families whose printer work would make this case identical.
  const work = x.needs.length > 0 ? x.needs : x.r.verdict === 'identical' ? [] : [x.family];
  if (x.needs.length === 0 && x.r.verdict !== 'identical') s.differs++;
  if (work.length === 1) stat(work[0]!).wins++;
  else for (const w of work) stat(w).alsoNeeded++;
}

const total = rows.length, identical = rows.filter((x) => x.r.verdict === 'identical').length;
const byVerdict = (v: string): number => rows.filter((x) => x.r.verdict === v).length;
const reasonKinds = new Map<string, number>();
for (const x of rows) {
  for (const b of x.blockers) {
    const k = b.startsWith('link type') ? 'link type vcap does not print' : b.startsWith('-T') ? '-T type without its printer'
      : b.startsWith('filter primitive') ? 'filter primitive vcap refuses' : b.startsWith('no printer') ? 'no printer for a protocol'
      : b.startsWith('printer difference') ? 'a printer vcap has prints differently' : 'other';
    reasonKinds.set(k, (reasonKinds.get(k) ?? 0) + 1);
  }
}

const md: string[] = [];
md.push('# tcpdump\'s suite by protocol family', '',
  'Generated by `npm run suite:families` (test/suite/families.ts) from a run of the 409 cases of `TESTS.tsv` through vcap,',
  'compared with tcpdump 4.99.3, and from `PRINTERS.tsv`: which of tcpdump\'s print-*.c ran for each case (tcpdump built',
  'with coverage counters, test/suite/tcpdump-printers.ts). A case belongs to the family of the printer with the most lines',
  'run, leaving out the carriers (Ethernet, IP, UDP, TCP dispatch) unless nothing else ran.', '',
  `Today: **${identical}/${total}** identical (${((100 * identical) / total).toFixed(1)}%), ${byVerdict('differs')} differ, ` +
  `${byVerdict('refused')} refused, ${byVerdict('trace') + byVerdict('crash') + byVerdict('hang')} stack traces, crashes or hangs.`, '',
  'Why cases differ (a case may have several reasons):', '');
for (const [k, n] of [...reasonKinds].sort((a, b) => b[1] - a[1])) md.push(`- ${k}: ${n}`);
md.push('',
  '**Columns.** *cases*: cases of the family; *identical*: of those, how many vcap prints as tcpdump today; *wins*: cases',
  'that printer work on this family alone would make identical (its printer is the only one missing, or the only one that',
  'differs), whatever their family; *with others*: cases that need this family and at least one more; *lines*: the length',
  'of tcpdump\'s source files for it (the size of the job).', '');

md.push('## Ranked by cases won', '', '| # | family | group | wins | with others | cases | identical | tcpdump files (lines) |', '|---|---|---|---|---|---|---|---|');
const ranked = [...stats.values()].filter((s) => s.wins + s.alsoNeeded > 0).sort((a, b) => b.wins - a.wins || b.alsoNeeded - a.alsoNeeded || linesOf(a.f) - linesOf(b.f));
ranked.forEach((s, i) => md.push(`| ${i + 1} | ${s.f.name} | ${s.f.group} | ${s.wins} | ${s.alsoNeeded} | ${s.cases} | ${s.identical} | ${filesText(s.f)} |`));

md.push('', '## In the order of issue 15 (virtual-network relevance first)', '');
for (const g of groupOrder) {
  const inGroup = [...stats.values()].filter((s) => s.f.group === g).sort((a, b) => b.wins - a.wins || b.alsoNeeded - a.alsoNeeded || b.cases - a.cases);
  if (inGroup.length === 0) continue;
  const sum = (k: 'wins' | 'cases' | 'identical'): number => inGroup.reduce((n, s) => n + s[k], 0);
  md.push(`### ${groupTitles[g]}: ${sum('identical')}/${sum('cases')} identical, ${sum('wins')} to win`, '',
    '| family | cases | identical | wins | with others | tcpdump files (lines) |', '|---|---|---|---|---|---|');
  for (const s of inGroup) md.push(`| ${s.f.name} | ${s.cases} | ${s.identical} | ${s.wins} | ${s.alsoNeeded} | ${filesText(s.f)} |`);
  md.push('');
}

md.push('## Every case', '', '| case | flags | link type | family | today | why |', '|---|---|---|---|---|---|');
for (const x of rows) {
  md.push(`| ${x.r.c.name} | ${x.r.c.flagText.replace(/\|/g, '\\|')} | ${linkTypeDescription(x.linkType)} | ${x.family.name} | ${x.r.verdict} | ${x.blockers.join('; ').replace(/\|/g, '\\|')} |`);
}
writeFileSync(join(suiteDir, 'FAMILIES.md'), md.join('\n') + '\n');
console.log(`FAMILIES.md, FAMILIES.tsv: ${rows.length} cases, ${stats.size} families; ${identical} identical`);
