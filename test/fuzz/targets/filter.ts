// Filter expressions through the compiler, on every link type. Each either compiles — to a program
// that passes the kernel's checks (validateProgram with the kernel's rules) and runs over the test
// frames — or fails with one VcapError line, positioned when it is a syntax error. Every 25th
// expression on Ethernet also goes to the oracle, Debian's tcpdump, on the differential capture
// (test/helpers/filter-captures.ts): both must accept it or both refuse it, and select the same
// whole frames. At the end a sample of the programs is attached to a packet socket in a private
// network namespace: the kernel must take every one.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileFilter } from '../../../src/filter/index.js';
import type { FilterProgram } from '../../../src/filter/index.js';
import { decodeInsns } from '../../../src/filter/bpf.js';
import { validateProgram } from '../../../src/filter/interpreter.js';
import { VcapError } from '../../../src/errors.js';
import { expressions } from '../../filter/expressions.js';
import { framesByLinkType, writePcap } from '../../helpers/filter-captures.js';
import type { Frame } from '../../helpers/filter-captures.js';
import { tcpdumpSelect } from '../../helpers/tcpdump-select.js';
import { fuzzContext, hangBudget } from '../engine.js';
import type { FuzzTarget, Rng } from '../engine.js';
import { repo } from './common.js';

const linkTypes = [1, 1, 1, 113, 276, 101, 0, 108, 228, 229];
const dir = mkdtempSync(join(tmpdir(), 'vcap-fuzz-filter-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const frames = framesByLinkType();
const ethernetFile = join(dir, 'ethernet.pcap');
writePcap(ethernetFile, 1, frames.get(1)!);

// Tokens of pcap-filter(7) for the mutator: qualifiers, primitives, operators, operands.
const vocabulary = [
  'host', 'net', 'port', 'portrange', 'src', 'dst', 'and', 'or', 'not', '!', '&&', '||', '(', ')', 'ether', 'ip', 'ip6', 'arp', 'rarp',
  'tcp', 'udp', 'icmp', 'icmp6', 'sctp', 'vlan', 'mpls', 'pppoes', 'pppoed', 'geneve', 'proto', 'less', 'greater', 'broadcast',
  'multicast', 'gateway', 'mask', 'len', 'inbound', 'outbound', 'ifname', 'on', 'llc', 'stp', 'link', 'protochain', 'atalk', 'decnet',
  '[', ']', ':', '1', '2', '4', '+', '-', '*', '/', '%', '&', '|', '^', '<<', '>>', '=', '==', '!=', '<', '>', '<=', '>=',
  '0', '1', '80', '53', '65535', '65536', '4294967295', '4294967296', '0x800', '0xffffffff', '10.0.0.1', '10.0.0.0/8', '192.168',
  '::1', '2001:db8::/32', 'ff:ff:ff:ff:ff:ff', '00:11:22:33:44:55', 'tcp-syn', 'tcpflags', 'icmptype', 'icmp-echo', '\\tcp', '255.255.0.0',
  'ip[0]', 'tcp[13]', 'ether[12:2]', 'udp[8:4]', 'ip6[40]', 'icmp[0]', 'vlan 100', 'mpls 5', 'ip proto 47', 'ether proto 0x86dd',
];

function tokens(s: string): string[] {
  return s.split(/(\s+|[()[\]])/).filter((t) => t.trim() !== '');
}

const enc = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'latin1'));

function mutate(input: Uint8Array, rand: Rng, corpus: readonly Uint8Array[]): Uint8Array {
  let t = tokens(Buffer.from(input).toString('latin1'));
  const edits = 1 + rand.below(3);
  for (let e = 0; e < edits; e++) {
    const at = rand.below(t.length + 1);
    switch (rand.below(7)) {
      case 0: t.splice(at, 0, rand.pick(vocabulary)); break;
      case 1: if (t.length) t[Math.min(at, t.length - 1)] = rand.pick(vocabulary); break;
      case 2: t.splice(at, 1); break;
      case 3: { // join with another expression
        const o = tokens(Buffer.from(rand.pick(corpus)).toString('latin1'));
        t = rand.chance(0.5) ? [...t, rand.pick(['and', 'or']), ...o] : ['not', '(', ...t, ')', rand.pick(['and', 'or']), ...o];
        break;
      }
      case 4: t = ['(', ...t, ')']; break;
      case 5: { // a number changed
        const i = t.findIndex((x, j) => j >= at && /^\d+$/.test(x));
        if (i >= 0) t[i] = String(rand.pick([0, 1, 7, 255, 256, 65535, 65536, 2 ** 31, 2 ** 32 - 1, 2 ** 32, rand.u32()]));
        break;
      }
      default: t.splice(at, 0, ...t.slice(rand.below(t.length + 1)).slice(0, 1 + rand.below(4))); break;
    }
  }
  return enc(t.join(' ').slice(0, 400));
}

const kernelSample = new Map<string, string>();
let oracleRuns = 0;

function checkCompiled(expr: string, lt: number, prog: FilterProgram, list: Frame[]): void {
  const insns = decodeInsns(prog.insns);
  validateProgram(insns);
  // A program only the kernel refuses (over 4096 instructions, an unknown ancillary load such as
  // `ether[0xffffffff]`) is filtered in user space by a live capture, as libpcap does.
  let kernelValid = true;
  try { validateProgram(insns, { kernel: true }); } catch { kernelValid = false; }
  for (const f of list) {
    const r = prog.matches(f.bytes, 0, f.capLen, f.origLen);
    if (typeof r !== 'boolean') throw new Error(`matches() gave ${String(r)}`);
  }
  if (kernelSample.size < 400 && kernelValid) kernelSample.set(Buffer.from(prog.insns).toString('hex'), `${expr} (link type ${lt})`);
}

function checkError(expr: string, e: unknown): string {
  if (!(e instanceof VcapError)) throw e;
  const m = e.message;
  if (m.includes('\n')) throw new Error(`a filter error of more than one line: ${JSON.stringify(m)}`);
  if (m.startsWith('syntax error') && !/ at column \d+( of ".*")?$/s.test(m)) throw new Error(`a syntax error without a position: ${m}`);
  if (/undefined|NaN|\[object /.test(m) && !/undefined|NaN|\[object /.test(expr)) throw new Error(`a JavaScript value in the message: ${m}`);
  return m;
}

export const filterTarget: FuzzTarget = {
  name: 'filter',
  description: 'filter expressions through the compiler: a kernel-valid program that agrees with tcpdump (every 25th), or one positioned error line',
  maxLength: 400,
  seeds: () => expressions.map(enc),
  mutate,
  async run(input) {
    const expr = Buffer.from(input).toString('latin1');
    let h = 0;
    for (let i = 0; i < input.length; i++) h = Math.imul(h ^ input[i]!, 0x01000193) >>> 0;
    const lt = linkTypes[h % linkTypes.length]!;
    let prog: FilterProgram | undefined, error: string | undefined;
    try {
      prog = compileFilter(expr, lt, 262144);
      checkCompiled(expr, lt, prog, frames.get(lt) ?? []);
    } catch (e) {
      if (prog) throw e;
      error = checkError(expr, e);
    }
    if (lt !== 1 || (oracleRuns++ % 25 !== 0 && !fuzzContext.replay) || expr.includes('\0')) return;
    hangBudget.extend(20000);
    const want = await tcpdumpSelect(ethernetFile, expr);
    if (!want.ok) {
      if (prog) throw new Error(`tcpdump refuses what vcap compiles: ${want.error}`);
      return;
    }
    if (!prog) {
      // vcap resolves no names; tcpdump looks them up (hosts, services, protocols).
      if (/host names are not resolved|unknown (host|port|protocol|ether proto|service)/.test(error!)) return;
      // vcap's optimiser proves some expressions empty that libpcap's compiles to a program
      // rejecting everything (`igrp and clnp`): the same selection, said earlier.
      if (error === 'expression rejects all packets' && want.indexes.length === 0) return;
      throw new Error(`vcap refuses what tcpdump compiles: ${error}`);
    }
    const wanted = new Set(want.indexes), list = frames.get(1)!;
    list.forEach((f, i) => {
      if (f.capLen < f.origLen) return; // see test/filter/random.test.ts: cut-short frames are reported, not asserted
      if (prog!.matches(f.bytes, 0, f.capLen, f.origLen) !== wanted.has(i)) throw new Error(`frame ${i}: vcap ${wanted.has(i) ? 'rejects' : 'accepts'} what tcpdump ${wanted.has(i) ? 'accepts' : 'rejects'}`);
    });
  },
  finish() {
    if (process.getuid?.() !== 0 || kernelSample.size === 0 || !existsSync(join(repo, 'build', 'Release', 'vcap.node'))) return;
    const ns = `vcap-fuzz-${process.pid}`;
    execFileSync('ip', ['netns', 'add', ns]);
    try {
      const hexes = [...kernelSample.keys()];
      const r = spawnSync('ip', ['netns', 'exec', ns, process.execPath, join(repo, 'dist', 'test', 'helpers', 'attach-filters.js')], { input: JSON.stringify(hexes), encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`attach helper: ${r.stderr}`);
      const results = JSON.parse(r.stdout) as (string | null)[];
      const refused = hexes.flatMap((h, i) => (results[i] === null ? [] : [`${kernelSample.get(h)}: ${results[i]}`]));
      if (refused.length > 0) throw new Error(`the kernel refused ${refused.length} of ${hexes.length} programs: ${refused[0]}`);
    } finally {
      execFileSync('ip', ['netns', 'del', ns]);
    }
  },
};
