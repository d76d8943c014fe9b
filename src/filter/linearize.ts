// Conditions → a classic BPF instruction list, optimized the way libpcap's optimizer does, because
// the packet set must be libpcap's even for frames cut short (a load past the end rejects, so which
// loads run matters): (1) a test implied by the conditions around it is dropped (simplify); (2) a
// jump whose target test is decided on that edge goes straight on (after `ldh [12] == 0x800` held,
// `== 0x86dd` is false), and a test whose branches meet is dropped; (3) or/and pullup and merging
// of identical tests; (4) a load whose value is already in A or X on every path into it is not
// repeated; (5) identical tails are shared, and blocks are laid out in libpcap's order.
import {
  BPF_ABS, BPF_ALU, BPF_AND, BPF_JSET, BPF_IMM, BPF_IND, BPF_JA, BPF_JEQ, BPF_JMP, BPF_LD, BPF_LDX, BPF_LEN, BPF_MEM,
  BPF_MISC, BPF_MSH, BPF_NEG, BPF_RET, BPF_K, BPF_ST, BPF_STX, BPF_TAX, BPF_X, bpfClass, bpfMode, bpfOp, bpfSrc, type BpfInsn,
} from './bpf.js';
import { foldAlu, type Cond, type Test } from './codegen.js';

// ---- simplification under known facts ----------------------------------------------------------

/** What is known on a path: a condition (by its text) holds or not; a keyed load equals / differs from k. */
interface Facts {
  readonly key: string;
  readonly v: boolean;
  readonly eqKey: string | null;
  readonly k: number;
  readonly next: Facts | null;
}

const condKeys = new WeakMap<object, string>();
function stmtKey(s: BpfInsn): string { return `${s.code}:${s.k}`; }
export function condKey(c: Cond): string {
  let k = condKeys.get(c);
  if (k !== undefined) return k;
  switch (c.t) {
    case 'const': k = c.v ? 'T' : 'F'; break;
    case 'test': k = `{${c.stmts.map(stmtKey).join(',')}|${c.op}${c.srcX ? 'x' : ''}:${c.k}}`; break;
    case 'not': k = `!${condKey(c.a)}`; break;
    default: k = `(${condKey(c.a)}${c.t === 'and' ? '&' : '|'}${condKey(c.b)})`;
  }
  condKeys.set(c, k);
  return k;
}

/** A test on a pure function of the packet: only A is written, never X or memory is read. */
function pureLoadKey(t: Test): string | null {
  if (t.srcX || t.op !== BPF_JEQ || t.stmts.length === 0) return null;
  for (const s of t.stmts) {
    const cls = bpfClass(s.code);
    if (cls === BPF_LD && (bpfMode(s.code) === BPF_ABS || bpfMode(s.code) === BPF_IMM || bpfMode(s.code) === BPF_LEN)) continue;
    if (cls === BPF_ALU && bpfSrc(s.code) === BPF_K) continue;
    return null;
  }
  return t.stmts.map(stmtKey).join(',');
}

function lookup(c: Cond, f: Facts | null): boolean | null {
  // Single tests only: reasoning about whole subexpressions (`p or not p`) would drop loads that
  // libpcap's optimizer keeps, and a load past the captured length rejects the frame.
  if (c.t !== 'test') return null;
  const key = condKey(c);
  const lk = c.t === 'test' ? pureLoadKey(c) : null;
  for (let e = f; e; e = e.next) {
    if (e.key === key) return e.v;
    if (lk !== null && e.eqKey === lk) {
      if (e.v && e.k !== (c as Test).k) return false;
    }
  }
  return null;
}

function assume(c: Cond, v: boolean, f: Facts | null): Facts | null {
  if (c.t === 'const') return f;
  if (c.t === 'not') return assume(c.a, !v, f);
  if (c.t === 'and' && v) return assume(c.b, true, assume(c.a, true, f));
  if (c.t === 'or' && !v) return assume(c.b, false, assume(c.a, false, f));
  if (c.t !== 'test') return f;
  const eqKey = c.t === 'test' ? pureLoadKey(c) : null;
  return { key: condKey(c), v, eqKey, k: c.t === 'test' ? c.k : 0, next: f };
}

/** Evaluates tests on constants (`1 = 1`) at compile time. */
function constTest(t: Test): boolean | null {
  if (t.srcX || t.stmts.length === 0) return null;
  const first = t.stmts[0]!;
  if (first.code !== (BPF_LD | BPF_IMM)) return null;
  let a = first.k;
  for (const s of t.stmts.slice(1)) {
    if (bpfClass(s.code) !== BPF_ALU || bpfSrc(s.code) !== BPF_K) return null;
    a = bpfOp(s.code) === BPF_NEG ? (-a) >>> 0 : foldAlu(bpfOp(s.code), a, s.k);
  }
  switch (t.op) {
    case BPF_JEQ: return a === t.k;
    case 0x20: return a > t.k;
    case 0x30: return a >= t.k;
    default: return (a & t.k) !== 0;
  }
}

export function simplify(c: Cond, f: Facts | null = null): Cond {
  const known = lookup(c, f);
  if (known !== null) return known ? { t: 'const', v: true } : { t: 'const', v: false };
  switch (c.t) {
    case 'const': return c;
    case 'test': {
      const v = constTest(c);
      return v === null ? c : { t: 'const', v };
    }
    case 'not': {
      const a = simplify(c.a, f);
      if (a.t === 'const') return { t: 'const', v: !a.v };
      if (a.t === 'not') return a.a;
      return { t: 'not', a };
    }
    case 'and': case 'or': {
      const isAnd = c.t === 'and';
      const a = simplify(c.a, f);
      if (a.t === 'const') return a.v === isAnd ? simplify(c.b, f) : a;
      const b = simplify(c.b, assume(a, isAnd, f));
      if (b.t === 'const') return b.v === isAnd ? a : b;
      return { t: c.t, a, b };
    }
  }
}

// ---- blocks and jump threading ----------------------------------------------------------------------

/**
 * One test: its statements (which load everything the jump needs: a block never depends on the
 * registers left by another, so an edge may skip it) and the jump. `ret` blocks end the program.
 */
interface Block {
  id: number;
  stmts: BpfInsn[];
  ret: number | null;
  op: number;
  srcX: boolean;
  k: number;
  jt: Block | null;
  jf: Block | null;
  key: string;
  /** What A holds after the statements (each block loads all it uses, so this is a function of the packet). */
  pure: string | null;
}

/** What holds on entry to a block: test outcomes by key, and values of pure loads. */
interface Known { tests: Map<string, boolean>; values: Map<string, number> }

function evalOp(op: number, a: number, k: number): boolean {
  switch (op) {
    case BPF_JEQ: return a === k;
    case 0x20: return a > k;
    case 0x30: return a >= k;
    default: return (a & k) !== 0;
  }
}

function decide(b: Block, known: Known): boolean | null {
  const t = known.tests.get(b.key);
  if (t !== undefined) return t;
  if (b.pure !== null && !b.srcX) {
    const v = known.values.get(b.pure);
    if (v !== undefined) return evalOp(b.op, v, b.k);
  }
  return null;
}

function withOutcome(known: Known, b: Block, v: boolean): Known {
  const tests = new Map(known.tests);
  tests.set(b.key, v);
  let values = known.values;
  if (v && b.op === BPF_JEQ && !b.srcX && b.pure !== null) {
    values = new Map(values);
    values.set(b.pure, b.k);
  }
  return { tests, values };
}

function intersect(a: Known, b: Known): Known {
  const tests = new Map<string, boolean>(), values = new Map<string, number>();
  for (const [k, v] of a.tests) if (b.tests.get(k) === v) tests.set(k, v);
  for (const [k, v] of a.values) if (b.values.get(k) === v) values.set(k, v);
  return { tests, values };
}

class Graph {
  readonly blocks: Block[] = [];
  readonly #rets = new Map<number, Block>();

  /** `optimized` false: libpcap's code with its optimizer off (no peephole; constants are `ld #k; jeq #0` tests). */
  constructor(readonly optimized = true) {}

  ret(k: number): Block {
    let b = this.#rets.get(k);
    if (!b) {
      b = { id: -1, stmts: [], ret: k, op: 0, srcX: false, k: 0, jt: null, jf: null, key: `ret${k}`, pure: null };
      this.#rets.set(k, b);
    }
    return b;
  }

  test(t: Test, jt: Block, jf: Block): Block {
    let { stmts, op, k } = t;
    // `and #m; jeq #0` is `jset #m` with the branches swapped (libpcap's peephole too).
    const last = stmts[stmts.length - 1];
    if (this.optimized && op === BPF_JEQ && !t.srcX && k === 0 && last && last.code === (BPF_ALU | BPF_AND | BPF_K)) {
      stmts = stmts.slice(0, -1);
      op = BPF_JSET;
      k = last.k;
      [jt, jf] = [jf, jt];
    }
    const pt: Test = { t: 'test', stmts, op, srcX: t.srcX, k };
    const b: Block = { id: 0, stmts, ret: null, op, srcX: t.srcX, k, jt, jf, key: condKey(pt), pure: stmts.length ? stmts.map(stmtKey).join(',') : null };
    this.blocks.push(b);
    return b;
  }

  /** Blocks are created right to left; `order` numbers them left to right, as the code will be laid out. */
  build(c: Cond, t: Block, f: Block): Block {
    switch (c.t) {
      case 'const':
        if (this.optimized) return c.v ? t : f;
        // gen_true / gen_false: `ld #0` or `ld #1`, then `jeq #0`.
        return this.test({ t: 'test', stmts: [{ code: BPF_LD | BPF_IMM, jt: 0, jf: 0, k: c.v ? 0 : 1 }], op: BPF_JEQ, srcX: false, k: 0 }, t, f);
      case 'test': return this.test(c, t, f);
      case 'not': return this.build(c.a, f, t);
      case 'and': return this.build(c.a, this.build(c.b, t, f), f);
      case 'or': return this.build(c.a, t, this.build(c.b, t, f));
    }
  }
}

/**
 * Reachable blocks in a topological order that stays as close as possible to the order of the
 * expression (the left operand's tests first): Kahn's algorithm, taking the earliest-created-last
 * ready block each time.
 */
function layout(g: Graph, root: Block): Block[] {
  const rank = new Map<Block, number>();
  g.blocks.forEach((b, i) => rank.set(b, g.blocks.length - i));
  const reach = new Set<Block>();
  const stack = [root];
  while (stack.length) {
    const b = stack.pop()!;
    if (reach.has(b) || b.ret !== null) continue;
    reach.add(b);
    stack.push(b.jt!, b.jf!);
  }
  const indeg = new Map<Block, number>();
  for (const b of reach) for (const d of b.jt === b.jf ? [b.jt!] : [b.jt!, b.jf!]) if (d.ret === null) indeg.set(d, (indeg.get(d) ?? 0) + 1);
  const ready: Block[] = [...reach].filter((b) => !indeg.get(b));
  const out: Block[] = [];
  while (ready.length) {
    ready.sort((a, b) => rank.get(b)! - rank.get(a)!);
    const b = ready.shift()!;
    out.push(b);
    for (const d of b.jt === b.jf ? [b.jt!] : [b.jt!, b.jf!]) {
      if (d.ret !== null) continue;
      const n = indeg.get(d)! - 1;
      indeg.set(d, n);
      if (n === 0) ready.push(d);
    }
  }
  out.forEach((b, i) => { b.id = i; });
  return out;
}

/** The value A holds leaving a block. Blocks load all they use, so their statements name it. */
const aval = (b: Block): string => b.stmts.map(stmtKey).join(',');

function reaches(from: Block, to: Block): boolean {
  const seen = new Set<Block>();
  const stack = [from];
  while (stack.length) {
    const b = stack.pop()!;
    if (b === to) return true;
    if (b.ret !== null || seen.has(b)) continue;
    seen.add(b);
    stack.push(b.jt!, b.jf!);
  }
  return false;
}

/**
 * libpcap's or_pullup/and_pullup (optimize.c): in a chain of tests that all jump to the same place
 * on success (or), a later test of the value the predecessors already loaded is moved up front.
 * The packet set is the same for whole packets; it matters for frames cut short, where the first
 * load past the end decides (reject), so vcap reorders exactly where libpcap does.
 */
function pullup(blocks: Block[]): boolean {
  let preds = predecessors(blocks);
  // Blocks inside the chain must be reached only through it (libpcap asks that b dominates them;
  // a single predecessor also keeps a path that enters mid-chain from losing the moved test).
  const only = (blk: Block, from: Block): boolean => { const ps = preds.get(blk); return ps !== undefined && ps.length === 1 && ps[0] === from; };
  let changed = false;
  for (const isOr of [true, false]) {
    const succ = (b: Block): Block => (isOr ? b.jt! : b.jf!);
    const next = (b: Block): Block => (isOr ? b.jf! : b.jt!);
    const setNext = (b: Block, v: Block): void => { if (isOr) b.jf = v; else b.jt = v; };
    for (const b of blocks) {
      const ps = preds.get(b);
      if (!ps?.length) continue;
      const val = aval(ps[0]!);
      if (ps.some((p) => aval(p) !== val)) continue;
      let diff = b, prev: Block | null = null, ok = true;
      for (;;) {
        if (diff.ret !== null || succ(diff) !== succ(b) || (prev !== null && !only(diff, prev))) { ok = false; break; }
        if (aval(diff) !== val) break;
        prev = diff;
        diff = next(diff);
      }
      if (!ok) continue;
      let sPrev = diff, same = next(diff);
      for (;;) {
        if (same.ret !== null || succ(same) !== succ(b) || !only(same, sPrev)) { ok = false; break; }
        if (aval(same) === val) break;
        sPrev = same;
        same = next(same);
      }
      if (!ok || reaches(succ(same), diff)) continue;
      setNext(sPrev, next(same));
      setNext(same, diff);
      if (prev === null) {
        for (const p of ps) { if (p.jt === b) p.jt = same; else p.jf = same; }
      } else setNext(prev, same);
      changed = true;
      preds = predecessors(blocks);
    }
  }
  return changed;
}

function predecessors(blocks: Block[]): Map<Block, Block[]> {
  const preds = new Map<Block, Block[]>();
  for (const b of blocks) {
    for (const d of b.jt === b.jf ? [b.jt!] : [b.jt!, b.jf!]) {
      if (d.ret !== null) continue;
      const l = preds.get(d);
      if (l) l.push(b); else preds.set(d, [b]);
    }
  }
  return preds;
}

function thread(blocks: Block[], root: Block): boolean {
  const entry = new Map<Block, Known>();
  entry.set(root, { tests: new Map(), values: new Map() });
  let changed = false;
  for (const b of blocks) {
    const known = entry.get(b);
    if (!known) continue;
    for (const branch of [true, false]) {
      const edge = withOutcome(known, b, branch);
      let dst = branch ? b.jt! : b.jf!;
      // Skip tests decided on this edge, and tests whose two branches go to the same place (which
      // libpcap drops too, so their loads never run).
      for (;;) {
        if (dst.ret !== null) break;
        const v = dst.jt === dst.jf ? true : decide(dst, edge);
        if (v === null) break;
        dst = v ? dst.jt! : dst.jf!;
        changed = true;
      }
      if (branch) b.jt = dst; else b.jf = dst;
      if (dst.ret === null) {
        const prev = entry.get(dst);
        entry.set(dst, prev ? intersect(prev, edge) : edge);
      }
    }
  }
  return changed;
}

/** Merges blocks that make the same test and jump to the same places (libpcap's intern_blocks). */
function intern(blocks: Block[], root: Block): Block {
  const canon = new Map<string, Block>();
  const rep = new Map<Block, Block>();
  const r = (b: Block): Block => rep.get(b) ?? b;
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i]!;
    b.jt = r(b.jt!);
    b.jf = r(b.jf!);
    const sig = `${b.key}|${b.jt.ret ?? 'b' + b.jt.id}|${b.jf.ret ?? 'b' + b.jf.id}`;
    const c = canon.get(sig);
    if (c) rep.set(b, c); else canon.set(sig, b);
  }
  return r(root);
}

// ---- emission ----------------------------------------------------------------------------------------

interface Regs { a: string | null; x: string | null }

function keyAfter(s: BpfInsn, r: Regs): Regs {
  const cls = bpfClass(s.code), mode = bpfMode(s.code);
  if (cls === BPF_LD) {
    if (mode === BPF_ABS || mode === BPF_IMM || mode === BPF_LEN) return { a: stmtKey(s), x: r.x };
    if (mode === BPF_IND) return { a: r.x === null ? null : `${stmtKey(s)}@${r.x}`, x: r.x };
    return { a: null, x: r.x };
  }
  if (cls === BPF_LDX) {
    if (mode === BPF_MSH || mode === BPF_IMM) return { a: r.a, x: `x${stmtKey(s)}` };
    return { a: r.a, x: null };
  }
  if (cls === BPF_ALU) {
    if (r.a === null) return { a: null, x: r.x };
    if (bpfSrc(s.code) === BPF_X) return { a: r.x === null ? null : `${r.a}|${s.code}@${r.x}`, x: r.x };
    return { a: `${r.a}|${stmtKey(s)}`, x: r.x };
  }
  if (cls === BPF_MISC) return s.code === (BPF_MISC | BPF_TAX) ? { a: r.a, x: r.a } : { a: r.x, x: r.x };
  return r;
}

/** A block's statements, leaving out loads of what A or X already hold. */
function emitStmts(stmts: BpfInsn[], regs: Regs, out: BpfInsn[]): Regs {
  // A leading run that only recomputes the X already there (`…; tax`), with A reloaded right after, goes.
  if (regs.x !== null) {
    let r: Regs = { a: null, x: null };
    for (let i = 0; i < stmts.length - 1; i++) {
      const s = stmts[i]!;
      const cls = bpfClass(s.code);
      if (cls === BPF_ST || cls === BPF_STX) break;
      r = keyAfter(s, r);
      const next = stmts[i + 1]!;
      if (s.code === (BPF_MISC | BPF_TAX) && r.x === regs.x && bpfClass(next.code) === BPF_LD) {
        stmts = stmts.slice(i + 1);
        break;
      }
    }
  }
  let skip = 0;
  if (regs.a !== null) {
    let r: Regs = { a: null, x: regs.x };
    for (let i = 0; i < stmts.length; i++) {
      const s = stmts[i]!;
      const cls = bpfClass(s.code);
      if (cls !== BPF_LD && cls !== BPF_ALU) break;
      if (cls === BPF_LD && bpfMode(s.code) === BPF_MEM) break;
      r = keyAfter(s, r);
      if (r.a === null) break;
      if (r.a === regs.a) skip = i + 1;
    }
  }
  for (let i = skip; i < stmts.length; i++) {
    const s = stmts[i]!;
    const next = keyAfter(s, regs);
    const cls = bpfClass(s.code), mode = bpfMode(s.code);
    if (cls === BPF_LD && mode !== BPF_MEM && next.a !== null && next.a === regs.a) continue;
    if (cls === BPF_LDX && mode !== BPF_MEM && next.x !== null && next.x === regs.x) continue;
    out.push({ code: s.code, jt: 0, jf: 0, k: s.k });
    regs = next;
  }
  return regs;
}

/**
 * The final order, libpcap's (convert_code fills the program from the end, false branch first):
 * each test, then what its true branch leads to, then what its false branch leads to.
 */
function finalOrder(root: Block): Block[] {
  const order: Block[] = [];
  const seen = new Set<Block>();
  const visit = (b: Block): void => {
    if (seen.has(b)) return;
    seen.add(b);
    if (b.ret === null) { visit(b.jf!); visit(b.jt!); }
    order.push(b);
  };
  visit(root);
  return order.reverse();
}

/**
 * Resolves jumps over blocks in their final order (tests and returns). A conditional jump further
 * than 255 instructions goes through a pair of `ja` (32-bit offsets), as libpcap does for long programs.
 */
/**
 * Blocks whose emitted instructions and targets are the same become one (libpcap shares them too):
 * `jeq #B` right after the source address and right after the ARP target address is one block,
 * since each path reaches it with its own value in A.
 */
function tailMerge(order: Block[], bodies: Map<Block, BpfInsn[]>): Block[] {
  const rep = new Map<Block, Block>();
  const r = (b: Block): Block => rep.get(b) ?? b;
  const seen = new Map<string, Block>();
  const ids = new Map<Block, number>();
  order.forEach((b, i) => ids.set(b, i));
  for (let i = order.length - 1; i >= 0; i--) {
    const b = order[i]!;
    if (b.ret !== null) continue;
    b.jt = r(b.jt!);
    b.jf = r(b.jf!);
    const sig = `${bodies.get(b)!.map((x) => `${x.code}:${x.k}`).join(',')}|${b.op}${b.srcX ? 'x' : ''}:${b.k}|${ids.get(b.jt)}|${ids.get(b.jf)}`;
    const c = seen.get(sig);
    // The first block is where the program starts: it stays.
    if (c && i > 0) rep.set(b, c); else seen.set(sig, b);
  }
  return order.filter((b) => !rep.has(b));
}

/** `optimized` false: every statement as generated (they may jump among themselves, and use what A and X hold on entry). */
function emit(order: Block[], optimized = true): BpfInsn[] {
  const regsIn = new Map<Block, Regs>();
  const merge = (b: Block, r: Regs): void => {
    const cur = regsIn.get(b);
    regsIn.set(b, cur === undefined ? r : { a: cur.a === r.a ? cur.a : null, x: cur.x === r.x ? cur.x : null });
  };
  // Registers on entry depend only on earlier blocks, since every jump goes forward.
  const bodies = new Map<Block, BpfInsn[]>();
  for (const b of order) {
    if (b.ret !== null) continue;
    if (!optimized) { bodies.set(b, b.stmts.map((x) => ({ ...x }))); continue; }
    const body: BpfInsn[] = [];
    const regs = emitStmts(b.stmts, regsIn.get(b) ?? { a: null, x: null }, body);
    merge(b.jt!, regs);
    merge(b.jf!, regs);
    bodies.set(b, body);
  }
  if (optimized) order = tailMerge(order, bodies);
  // Branches too far for the 8-bit jt/jf go through a `ja` (32-bit offset) right after the test,
  // as libpcap does for long programs: one per far branch.
  const farT = new Set<Block>(), farF = new Set<Block>();
  for (;;) {
    const start = new Map<Block, number>();
    let n = 0;
    for (const b of order) {
      start.set(b, n);
      n += b.ret !== null ? 1 : bodies.get(b)!.length + 1 + (farT.has(b) ? 1 : 0) + (farF.has(b) ? 1 : 0);
    }
    const out: BpfInsn[] = [];
    let grew = false;
    for (const b of order) {
      if (b.ret !== null) { out.push({ code: BPF_RET | BPF_K, jt: 0, jf: 0, k: b.ret }); continue; }
      out.push(...bodies.get(b)!);
      const here = out.length;
      const t = start.get(b.jt!)!, f = start.get(b.jf!)!;
      const code = BPF_JMP | b.op | (b.srcX ? BPF_X : BPF_K);
      const ft = farT.has(b), ff = farF.has(b);
      const jas = (ft ? 1 : 0) + (ff ? 1 : 0);
      const jt = ft ? 0 : t - here - 1, jf = ff ? (ft ? 1 : 0) : f - here - 1;
      if (!ft && jt > 255) { farT.add(b); grew = true; }
      if (!ff && jf > 255) { farF.add(b); grew = true; }
      out.push({ code, jt: Math.min(jt, 255), jf: Math.min(jf, 255), k: b.k });
      if (ft) out.push({ code: BPF_JMP | BPF_JA, jt: 0, jf: 0, k: t - (here + 1) - 1 });
      if (ff) out.push({ code: BPF_JMP | BPF_JA, jt: 0, jf: 0, k: f - (here + jas) - 1 });
    }
    // No length limit here: user space has none (libpcap's neither); the kernel refuses more than
    // BPF_MAXINSNS and live capture then filters in user space, as libpcap does.
    if (!grew) return out;
  }
}

/** The whole program: accept with `ret #snaplen`, reject with `ret #0`. */
export function linearize(c: Cond, snaplen: number): BpfInsn[] {
  if (c.t === 'const') return [{ code: BPF_RET | BPF_K, jt: 0, jf: 0, k: c.v ? snaplen : 0 }];
  const g = new Graph();
  const acc = g.ret(snaplen), rej = g.ret(0);
  let root = g.build(c, acc, rej);
  let blocks = layout(g, root);
  for (let i = 0; i < 200; i++) {
    const threaded = thread(blocks, root);
    blocks = layout(g, root);
    const pulled = pullup(blocks);
    blocks = layout(g, root);
    const before = blocks.length;
    root = intern(blocks, root);
    while (root.ret === null && root.jt === root.jf) root = root.jt!;
    blocks = layout(g, root);
    if (!threaded && !pulled && blocks.length === before) break;
  }
  return emit(finalOrder(root));
}

/**
 * The program libpcap emits with its optimizer off, which it does for a whole expression holding
 * `geneve` or `protochain` (their code keeps values in registers across tests and loops back): the
 * tests as generated, laid out as convert_code does, nothing folded, merged or skipped.
 */
export function linearizeUnoptimized(c: Cond, snaplen: number): BpfInsn[] {
  const g = new Graph(false);
  const root = g.build(c, g.ret(snaplen), g.ret(0));
  if (root.ret !== null) return [{ code: BPF_RET | BPF_K, jt: 0, jf: 0, k: root.ret }];
  return emit(finalOrder(root), false);
}

/** True when no packet can be accepted (libpcap then refuses the expression). */
export function rejectsAll(insns: readonly BpfInsn[]): boolean {
  return !insns.some((p) => bpfClass(p.code) === BPF_RET && p.k !== 0);
}

