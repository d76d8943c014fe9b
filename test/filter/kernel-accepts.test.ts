// Every program the differential set compiles is accepted by the kernel (SO_ATTACH_FILTER on an
// AF_PACKET socket in a private network namespace), and a broken one is refused; except those that
// vcap's own check of the kernel's rules refuses (protochain's loops, registers read before they are
// written): the kernel refuses exactly those, and vcap then filters in user space, as libpcap does.
import test from 'ava';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { compileFilter, validateProgram } from '../../src/filter/index.js';
import { decodeInsns } from '../../src/filter/bpf.js';
import { expressions } from './expressions.js';

const root = new URL('../../../', import.meta.url).pathname;
const helper = new URL('../helpers/attach-filters.js', import.meta.url).pathname;
const canRun = process.getuid?.() === 0 && existsSync(`${root}build/Release/vcap.node`);
const maybe = canRun ? test : test.skip;

function attachInNetns(programs: string[]): (string | null)[] {
  const ns = `vcap-filter-${process.pid}`;
  execFileSync('ip', ['netns', 'add', ns]);
  try {
    const r = spawnSync('ip', ['netns', 'exec', ns, process.execPath, helper], { input: JSON.stringify(programs), encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`attach helper failed: ${r.stderr}`);
    return JSON.parse(r.stdout) as (string | null)[];
  } finally {
    execFileSync('ip', ['netns', 'del', ns]);
  }
}

maybe('the kernel accepts every compiled program and refuses a broken one', (t) => {
  const programs = new Map<string, string>();
  for (const lt of [1, 101, 113, 276, 0, 108, 228, 229]) {
    for (const e of expressions) {
      try {
        const p = compileFilter(e, lt, 262144, { netmask: 0 });
        programs.set(Buffer.from(p.insns).toString('hex'), `${e} (link type ${lt})`);
      } catch { /* expressions that are errors on this link type */ }
    }
  }
  // Long enough for branches through `ja`.
  const hosts = Array.from({ length: 300 }, (_, i) => `host 10.0.${i >> 8}.${i & 255}`).join(' or ');
  programs.set(Buffer.from(compileFilter(hosts, 1, 262144).insns).toString('hex'), '300 hosts');
  for (const e of expressions.filter((x) => x.includes('vlan'))) {
    const p = compileFilter(e, 1, 262144, { vlanTagsStripped: true });
    programs.set(Buffer.from(p.insns).toString('hex'), `${e} (VLAN tags in metadata)`);
  }
  t.true(programs.size > 300);
  // ja past the end: sk_chk_filter must refuse it, or this test could not fail.
  const broken = Buffer.from(Uint8Array.from([0x05, 0, 0, 0, 5, 0, 0, 0, 0x06, 0, 0, 0, 0, 0, 0, 0])).toString('hex');
  const hexes = [...programs.keys(), broken];
  const results = attachInNetns(hexes);
  const kernelRefuses = (h: string): boolean => {
    try { validateProgram(decodeInsns(Buffer.from(h, 'hex')), { kernel: true }); return false; } catch { return true; }
  };
  const surprises = hexes.slice(0, -1).flatMap((h, i) =>
    ((results[i] !== null) === kernelRefuses(h) ? [] : [`${programs.get(h)}: ${results[i] ?? 'accepted, though vcap predicted a refusal'}`]));
  t.deepEqual(surprises, []);
  t.true(hexes.some(kernelRefuses), 'some programs (protochain) are for user space only');
  t.regex(results[results.length - 1] ?? '', /Invalid argument/);
});
