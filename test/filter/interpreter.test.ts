// The compiled interpreter (one JS function per program) against the step-by-step reference, on
// random valid programs that use every classic BPF instruction, and the kernel's edge cases.
import test from 'ava';
import { programFromInsns, runProgram, validateProgram, type BpfInsn } from '../../src/filter/index.js';

function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x; };
}

/** Every opcode classic BPF has for sockets (no ancillary loads). */
const codes = [
  0x00, 0x20, 0x28, 0x30, 0x40, 0x48, 0x50, 0x80, 0x60,   // ld #k, ld/ldh/ldb [k], ld/ldh/ldb [x+k], ld len, ld M[]
  0x01, 0x81, 0xb1, 0x61,                                 // ldx #k, ldx len, ldxb 4*([k]&0xf), ldx M[]
  0x02, 0x03,                                             // st, stx
  0x04, 0x14, 0x24, 0x34, 0x94, 0x44, 0x54, 0xa4, 0x64, 0x74, 0x84, // alu k (and neg)
  0x0c, 0x1c, 0x2c, 0x3c, 0x9c, 0x4c, 0x5c, 0xac, 0x6c, 0x7c,       // alu x
  0x05, 0x15, 0x25, 0x35, 0x45, 0x1d, 0x2d, 0x3d, 0x4d,   // ja, jeq/jgt/jge/jset k, … x
  0x07, 0x87,                                             // tax, txa
];

function randomProgram(r: () => number, n: number): BpfInsn[] {
  const p: BpfInsn[] = [];
  for (let i = 0; i < n - 2; i++) {
    const code = codes[r() % codes.length]!;
    const left = n - 2 - i; // instructions after this one before the two returns
    let k = r() % 3 === 0 ? r() >>> 0 : r() % 80;
    if ((code & 0x07) === 0x00 && (code & 0xe0) === 0x60) k = r() % 16;
    if ((code & 0x07) === 0x01 && (code & 0xe0) === 0x60) k = r() % 16;
    if (code === 0x02 || code === 0x03) k = r() % 16;
    if ((code === 0x34 || code === 0x94) && k === 0) k = 7;
    if (code === 0x64 || code === 0x74) k %= 32;
    if (code === 0x05) k = r() % (left + 1);
    const jt = (code & 0x07) === 0x05 && code !== 0x05 ? r() % (left + 1) : 0;
    const jf = (code & 0x07) === 0x05 && code !== 0x05 ? r() % (left + 1) : 0;
    p.push({ code, jt: Math.min(jt, 255), jf: Math.min(jf, 255), k });
  }
  p.push({ code: 0x16, jt: 0, jf: 0, k: 0 }, { code: 0x06, jt: 0, jf: 0, k: r() % 2 ? 0 : 65535 }); // ret a, ret #k
  return p;
}

test('compiled programs decide as the reference interpreter on 3000 random programs × 40 frames', (t) => {
  const r = rng(42);
  let accepted = 0, rejected = 0;
  for (let n = 0; n < 3000; n++) {
    const insns = randomProgram(r, 4 + (r() % 40));
    validateProgram(insns);
    const prog = programFromInsns(insns);
    for (let f = 0; f < 40; f++) {
      const len = r() % 120;
      const buf = new Uint8Array(len + 7);
      for (let i = 0; i < buf.length; i++) buf[i] = r() & 0xff;
      const cap = Math.min(len, r() % 130);
      const want = runProgram(insns, buf, 3, cap, len) !== 0;
      const got = prog.matches(buf, 3, cap, len);
      if (got !== want) { t.fail(`program ${JSON.stringify(insns)} frame ${Buffer.from(buf).toString('hex')} cap ${cap}`); return; }
      if (got) accepted++; else rejected++;
    }
  }
  t.true(accepted > 10000 && rejected > 10000);
});

test('kernel edge cases: loads past the captured length reject, division by X = 0 rejects, ret A', (t) => {
  const frame = Uint8Array.from([1, 2, 3, 4, 5, 6]);
  const ldw = (k: number): BpfInsn[] => [{ code: 0x20, jt: 0, jf: 0, k }, { code: 0x06, jt: 0, jf: 0, k: 1 }];
  t.true(programFromInsns(ldw(2)).matches(frame, 0, 6, 6));
  t.false(programFromInsns(ldw(3)).matches(frame, 0, 6, 6));          // bytes 3..6: one past the end
  t.false(programFromInsns(ldw(2)).matches(frame, 0, 5, 6));          // cut at 5 captured bytes
  t.false(programFromInsns(ldw(0xfffff000)).matches(frame, 0, 6, 6)); // ancillary data: none in user space
  const divX: BpfInsn[] = [{ code: 0x00, jt: 0, jf: 0, k: 9 }, { code: 0x3c, jt: 0, jf: 0, k: 0 }, { code: 0x06, jt: 0, jf: 0, k: 1 }];
  t.false(programFromInsns(divX).matches(frame, 0, 6, 6));
  const retA: BpfInsn[] = [{ code: 0x30, jt: 0, jf: 0, k: 5 }, { code: 0x16, jt: 0, jf: 0, k: 0 }];
  t.true(programFromInsns(retA).matches(frame, 0, 6, 6));             // A = 6
  t.false(programFromInsns(retA).matches(Uint8Array.from([0, 0, 0, 0, 0, 0]), 0, 6, 6));
  const lenProg: BpfInsn[] = [{ code: 0x80, jt: 0, jf: 0, k: 0 }, { code: 0x25, jt: 0, jf: 1, k: 100 }, { code: 0x06, jt: 0, jf: 0, k: 1 }, { code: 0x06, jt: 0, jf: 0, k: 0 }];
  t.true(programFromInsns(lenProg).matches(frame, 0, 6, 1500));       // len is the length on the wire
  t.false(programFromInsns(lenProg).matches(frame, 0, 6, 6));
});

test('programs the kernel would refuse are refused', (t) => {
  t.throws(() => programFromInsns([{ code: 0x05, jt: 0, jf: 0, k: 3 }, { code: 0x06, jt: 0, jf: 0, k: 0 }]), { message: /jump to 4, past the end/ });
  t.throws(() => programFromInsns([{ code: 0x20, jt: 0, jf: 0, k: 0 }]), { message: /does not end with a return/ });
  t.throws(() => programFromInsns([{ code: 0x02, jt: 0, jf: 0, k: 16 }, { code: 0x06, jt: 0, jf: 0, k: 0 }]), { message: /M\[16\]/ });
  t.throws(() => programFromInsns([{ code: 0x34, jt: 0, jf: 0, k: 0 }, { code: 0x06, jt: 0, jf: 0, k: 0 }]), { message: /division by zero/ });
  t.throws(() => programFromInsns([]), { message: /no instructions/ });
  t.throws(() => programFromInsns([{ code: 0x64, jt: 0, jf: 0, k: 32 }, { code: 0x06, jt: 0, jf: 0, k: 0 }]), { message: /shift by 32/ });
});
