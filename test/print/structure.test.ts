// The printers' structure, checked on their source: no import circles in src/output/text/ (they
// reach each other through the registry, dispatch.ts), and no printer reads packet bytes at an
// offset of its own (they read the decoders' views: named getters and sub-views, the layouts being
// the decoders'; the last printer that read its view by index, BGP, moved its layouts into
// src/decoders/bgp.ts in issue 14).
import test from 'ava';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const dir = join(root, 'src', 'output', 'text');
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
const source = new Map(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

/** The writers that copy address bytes into the output (context.ts) and the -x/-X/-A dumps of the raw frame. */
const HELPERS = new Set(['context.ts', 'dump.ts']);
/** Imports that run code (not `import type`) between files of this directory. */
function imports(f: string): string[] {
  return [...source.get(f)!.matchAll(/^import\s+(?!type\b)[^'"]*['"]\.\/([^'"]+)\.js['"]/gm)].map((m) => `${m[1]}.ts`).filter((d) => source.has(d));
}

test('the printers import each other without a circle', (t) => {
  const state = new Map<string, 1 | 2>();
  const circles: string[] = [];
  const visit = (f: string, path: string[]): void => {
    if (state.get(f) === 2) return;
    if (state.get(f) === 1) { circles.push([...path.slice(path.indexOf(f)), f].join(' → ')); return; }
    state.set(f, 1);
    for (const d of imports(f)) visit(d, [...path, f]);
    state.set(f, 2);
  };
  for (const f of files) visit(f, []);
  t.deepEqual(circles, []);
  // The check sees the imports it must: ether.ts reaches the registry.
  t.true(imports('ether.ts').includes('dispatch.ts'));
});

// Reads of packet bytes at an offset: the context's checked reads (c.u8(off + 9)), indexing the
// bytes (buf[…], c.buf), and `off + 12`-style offsets next to them.
const BYTE_READ = /\bc\.(u8|u16|u24|u32|u16le|u32le|ip4|ip6|mac|ip4w|ip4raw)\(|\bbuf\[|\bc\.buf\b|\b(off|p|cp|at|bp)\s*\+\s*\d+\b/;

test('no printer reads packet bytes at an offset of its own', (t) => {
  const offenders: string[] = [];
  for (const f of files) {
    if (HELPERS.has(f)) continue;
    source.get(f)!.split('\n').forEach((line, i) => {
      const code = line.replace(/\/\/.*$/, '').replace(/^\s*(\/\*\*|\*).*$/, '');
      if (BYTE_READ.test(code)) offenders.push(`${f}:${i + 1}: ${line.trim()}`);
    });
  }
  t.deepEqual(offenders, []);
  // The pattern catches what it is meant to.
  t.true(BYTE_READ.test('const proto = c.u8(off + 9);'));
  t.true(BYTE_READ.test('x = c.buf[at];'));
  t.false(BYTE_READ.test('const proto = ip.protocol;'));
});
