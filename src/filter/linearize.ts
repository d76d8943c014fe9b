// Conditions → a classic BPF instruction list. Two cheap optimizations that libpcap's optimizer also
// makes, so programs stay short: (1) a test whose outcome is implied by the path to it is dropped
// (after `ldh [12] == 0x800` held, `== 0x86dd` is false); (2) a load whose value is already in A or X
// on every path into it is not repeated.
import {
  BPF_ABS, BPF_ALU, BPF_B, BPF_IMM, BPF_IND, BPF_JA, BPF_JEQ, BPF_JMP, BPF_LD, BPF_LDX, BPF_LEN, BPF_MAXINSNS, BPF_MEM,
  BPF_MISC, BPF_MSH, BPF_NEG, BPF_RET, BPF_K, BPF_TAX, BPF_TXA, BPF_X, bpfClass, bpfMode, bpfOp, bpfSrc, type BpfInsn,
} from './bpf.js';
import { foldAlu, type Cond, type Test } from './codegen.js';
import { FilterError } from './errors.js';

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

// ---- emission ----------------------------------------------------------------------------------------

interface Regs { a: string | null; x: string | null }
interface Item { code: number; k: number; jt: number; jf: number; label?: number }

export class Emitter {
  readonly #items: Item[] = [];
  readonly #labelAt: number[] = [];
  readonly #labelIn: (Regs | undefined)[] = [];
  #regs: Regs = { a: null, x: null };
  #live = true;

  newLabel(): number {
    this.#labelAt.push(-1);
    this.#labelIn.push(undefined);
    return this.#labelAt.length - 1;
  }

  #merge(l: number, r: Regs): void {
    const cur = this.#labelIn[l];
    this.#labelIn[l] = cur === undefined ? { ...r } : { a: cur.a === r.a ? cur.a : null, x: cur.x === r.x ? cur.x : null };
  }

  place(l: number): void {
    if (this.#live) this.#merge(l, this.#regs);
    this.#labelAt[l] = this.#items.length;
    this.#regs = this.#labelIn[l] ?? { a: null, x: null };
    this.#live = true;
  }

  #keyAfter(s: BpfInsn, r: Regs): Regs {
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

  #emit(code: number, k: number, jt = -1, jf = -1): void {
    this.#items.push({ code, k: k >>> 0, jt, jf });
  }

  #stmts(stmts: BpfInsn[]): void {
    // Skip the longest prefix that only recomputes what A already holds.
    let skip = 0;
    if (this.#regs.a !== null) {
      let r: Regs = { a: null, x: this.#regs.x };
      for (let i = 0; i < stmts.length; i++) {
        const s = stmts[i]!;
        const cls = bpfClass(s.code);
        if (cls !== BPF_LD && cls !== BPF_ALU) break;
        if (cls === BPF_LD && bpfMode(s.code) === BPF_MEM) break;
        r = this.#keyAfter(s, r);
        if (r.a === null) break;
        if (r.a === this.#regs.a) skip = i + 1;
      }
    }
    for (let i = skip; i < stmts.length; i++) {
      const s = stmts[i]!;
      const next = this.#keyAfter(s, this.#regs);
      const cls = bpfClass(s.code), mode = bpfMode(s.code);
      const pureA = cls === BPF_LD && mode !== BPF_MEM;
      const pureX = cls === BPF_LDX && mode !== BPF_MEM;
      if (pureA && next.a !== null && next.a === this.#regs.a) continue;
      if (pureX && next.x !== null && next.x === this.#regs.x) continue;
      this.#emit(s.code, s.k);
      this.#regs = next;
    }
  }

  #jump(t: Test, jt: number, jf: number): void {
    this.#merge(jt, this.#regs);
    this.#merge(jf, this.#regs);
    this.#emit(BPF_JMP | t.op | (t.srcX ? BPF_X : BPF_K), t.k, jt, jf);
    this.#live = false;
  }

  ja(l: number): void {
    this.#merge(l, this.#regs);
    this.#items.push({ code: BPF_JMP | BPF_JA, k: 0, jt: -1, jf: -1, label: l });
    this.#live = false;
  }

  ret(k: number): void {
    this.#emit(BPF_RET | BPF_K, k);
    this.#live = false;
  }

  cond(c: Cond, t: number, f: number): void {
    switch (c.t) {
      case 'const': this.ja(c.v ? t : f); return;
      case 'test': this.#stmts(c.stmts); this.#jump(c, t, f); return;
      case 'not': this.cond(c.a, f, t); return;
      case 'and': { const l = this.newLabel(); this.cond(c.a, l, f); this.place(l); this.cond(c.b, t, f); return; }
      case 'or': { const l = this.newLabel(); this.cond(c.a, t, l); this.place(l); this.cond(c.b, t, f); return; }
    }
  }

  /**
   * Resolves labels into jt/jf offsets. A conditional jump further than 255 instructions becomes a
   * jump to a pair of `ja` (which has a 32-bit offset), as libpcap does for long programs.
   */
  finish(): BpfInsn[] {
    const far = new Set<number>();
    for (;;) {
      const pos: number[] = [];
      let n = 0;
      this.#items.forEach((it, i) => { pos[i] = n; n += far.has(i) ? 3 : 1; });
      const labelPos = (l: number): number => {
        const at = this.#labelAt[l]!;
        return at >= this.#items.length ? n : pos[at]!;
      };
      const out: BpfInsn[] = [];
      let grew = false;
      this.#items.forEach((it, i) => {
        const here = pos[i]!;
        if (it.label !== undefined) {
          out.push({ code: it.code, jt: 0, jf: 0, k: labelPos(it.label) - here - 1 });
        } else if (it.jt >= 0) {
          const t = labelPos(it.jt), f = labelPos(it.jf);
          if (far.has(i)) {
            out.push({ code: it.code, jt: 0, jf: 1, k: it.k });
            out.push({ code: BPF_JMP | BPF_JA, jt: 0, jf: 0, k: t - (here + 1) - 1 });
            out.push({ code: BPF_JMP | BPF_JA, jt: 0, jf: 0, k: f - (here + 2) - 1 });
          } else {
            if (t - here - 1 > 255 || f - here - 1 > 255) { far.add(i); grew = true; }
            out.push({ code: it.code, jt: t - here - 1, jf: f - here - 1, k: it.k });
          }
        } else out.push({ code: it.code, jt: 0, jf: 0, k: it.k });
      });
      if (!grew) {
        if (out.length > BPF_MAXINSNS) throw new FilterError(`filter program too long (${out.length} instructions, the kernel takes ${BPF_MAXINSNS})`, 0);
        return out;
      }
    }
  }
}

/** The whole program: accept with `ret #snaplen`, reject with `ret #0`. */
export function linearize(c: Cond, snaplen: number): BpfInsn[] {
  const e = new Emitter();
  if (c.t === 'const') {
    e.ret(c.v ? snaplen : 0);
    return e.finish();
  }
  const acc = e.newLabel(), rej = e.newLabel();
  e.cond(c, acc, rej);
  e.place(acc);
  e.ret(snaplen);
  e.place(rej);
  e.ret(0);
  return e.finish();
}

void BPF_B; void BPF_TXA;
